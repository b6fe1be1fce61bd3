from django.contrib import admin, messages

from usdatabiz.core.admin import ADMIN_ONLY, LeasedWorkAdmin, TeamScopedAdmin, staff_may
from usdatabiz.core.errors import DomainError

from . import services
from .models import (
    ConsentMark,
    ContactSender,
    Message,
    MessagingSettings,
    OptOutReview,
    ProviderWebhook,
    SenderNumber,
    SendSlice,
    Suppression,
)
from .opt_out_reviews import opt_out_review_decide


@admin.register(Message)
class MessageAdmin(TeamScopedAdmin):
    """Messages are records of what happened: read-only here; held ones are released from the console."""

    list_display = ["id", "team", "direction", "kind", "status", "to_number", "from_number", "error_code",
                    "external_id", "campaign", "created_at"]  # fmt: skip
    list_filter = ["direction", "kind", "status", "error_code", "provider", "team"]
    search_fields = ["id", "external_id", "to_number", "from_number", "correlation_id", "idempotency_key"]
    readonly_fields = [f.name for f in Message._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Suppression)
class SuppressionAdmin(TeamScopedAdmin):
    list_display = ["phone_number", "team", "reason", "created_by", "created_at", "lifted_at", "lifted_reason"]
    list_filter = ["reason", "team"]
    search_fields = ["phone_number", "note"]
    readonly_fields = ["id", "source_message", "created_by", "created_at", "updated_at", "lifted_at", "lifted_reason"]

    # Operators add a number to the list; changing or deleting an entry re-allows texting, a team admin's call.
    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and staff_may(request, ADMIN_ONLY, None if obj is None else obj.team_id)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and staff_may(request, ADMIN_ONLY, None if obj is None else obj.team_id)


@admin.register(ConsentMark)
class ConsentMarkAdmin(TeamScopedAdmin):
    list_display = ["phone_number", "team", "keyword", "event_at", "identifier", "updated_at"]
    list_filter = ["keyword", "team"]
    search_fields = ["phone_number", "identifier"]
    readonly_fields = ["id", "phone_number", "keyword", "event_at", "identifier", "created_at", "updated_at"]

    def has_add_permission(self, request):
        return False


@admin.register(MessagingSettings)
class MessagingSettingsAdmin(TeamScopedAdmin):
    list_display = ["team", "brand_name", "quiet_start_hour", "quiet_end_hour", "sends_per_minute"]
    change_roles = ADMIN_ONLY  # sending settings are a team admin's, as on the console


@admin.register(SenderNumber)
class SenderNumberAdmin(TeamScopedAdmin):
    """A team's numbers. Added here or on the sending settings page; a number belongs to one team only (the
    database refuses a second). Status changes go through the actions, as on the page."""

    change_roles = ADMIN_ONLY

    list_display = ["number", "team", "label", "status", "provider", "campaign_id_10dlc", "created_at"]
    list_filter = ["status", "provider", "team"]
    search_fields = ["number", "label", "campaign_id_10dlc"]
    readonly_fields = ["id", "status", "created_by", "created_at", "updated_at"]
    actions = ["activate_selected", "retire_selected"]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "team", "number"] if obj is not None else fields

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def _move(self, request, queryset, to):
        for number in queryset:
            try:
                services.sender_number_transition(sender=number, to=to, user=request.user)
            except DomainError as exc:
                self.message_user(request, f"{number}: {exc.code}: {exc.message}", level=messages.ERROR)
            else:
                self.message_user(request, f"{number}: {to}", level=messages.SUCCESS)

    @admin.action(description="Activate the selected numbers")
    def activate_selected(self, request, queryset):
        self._move(request, queryset, SenderNumber.Status.ACTIVE)

    @admin.action(description="Retire the selected numbers (replies to them still reach the team)")
    def retire_selected(self, request, queryset):
        self._move(request, queryset, SenderNumber.Status.RETIRED)


@admin.register(ContactSender)
class ContactSenderAdmin(TeamScopedAdmin):
    """Which number each contact hears from (kept by the sending service)."""

    list_display = ["contact_number", "sender", "team", "updated_at"]
    list_filter = ["team"]
    search_fields = ["contact_number", "sender__number"]
    readonly_fields = [f.name for f in ContactSender._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ProviderWebhook)
class ProviderWebhookAdmin(TeamScopedAdmin):
    """A team's webhook as registered with its provider (registered and rotated from the console)."""

    change_roles = view_roles = ADMIN_ONLY  # shown to the team's admins only, as on the console

    list_display = ["team", "provider", "group_id", "webhook_id", "registered_at", "rotated_at"]
    list_filter = ["provider", "team"]
    readonly_fields = [f.name for f in ProviderWebhook._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(OptOutReview)
class OptOutReviewAdmin(TeamScopedAdmin):
    """Replies that may be opt-outs. The number is held until decided, with the actions (as on the inbox page)."""

    list_display = ["phone_number", "team", "status", "decision", "text", "reason", "decided_by", "created_at"]
    list_filter = ["status", "decision", "team"]
    search_fields = ["phone_number", "text"]
    readonly_fields = [f.name for f in OptOutReview._meta.fields]
    actions = ["decide_opt_out", "decide_not_opt_out"]

    def has_add_permission(self, request):
        return False

    def _decide(self, request, queryset, decision):
        done = 0
        for review in queryset:
            try:
                opt_out_review_decide(review=review, decision=decision, user=request.user)
                done += 1
            except DomainError as exc:
                self.message_user(request, f"{review.phone_number}: {exc.code}: {exc.message}", messages.ERROR)
        if done:
            self.message_user(request, f"{done} decided.", messages.SUCCESS)

    @admin.action(description="Decide: opt-out (suppress the number)")
    def decide_opt_out(self, request, queryset):
        self._decide(request, queryset, OptOutReview.Decision.OPT_OUT)

    @admin.action(description="Decide: not an opt-out (release the number)")
    def decide_not_opt_out(self, request, queryset):
        self._decide(request, queryset, OptOutReview.Decision.NOT_OPT_OUT)


@admin.register(SendSlice)
class SendSliceAdmin(LeasedWorkAdmin):
    """A campaign's send slices under their leases: who holds one, how many times it was claimed, its counts."""

    list_display = ["id", "team", "campaign", "state", "attempts", "lease_owner", "lease_expires_at", "due_at",
                    "finished_at", "error_code"]  # fmt: skip
    search_fields = ["id", "campaign__id", "lease_owner"]
