from django.contrib import admin, messages

from usdatabiz.core.admin import OPERATE, TeamScopedAdmin, staff_may, staff_team_ids

from . import services
from .models import (
    CallQueueEntry,
    ClassificationCorrection,
    Conversation,
    ConversationEvent,
    ConversationMessage,
    InboxEvent,
    InboxItem,
    InboxSettings,
    OperatorSettings,
    ReconcileCursor,
    SavedReply,
    WebhookEvent,
)


class _ReadOnly:
    """Records changed only through the console's services (each change audited); the admin reads them."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class InboxEventInline(_ReadOnly, admin.TabularInline):
    model = InboxEvent
    extra = 0
    can_delete = False
    fields = ["created_at", "action", "actor_label", "detail"]
    readonly_fields = fields


@admin.register(InboxItem)
class InboxItemAdmin(_ReadOnly, TeamScopedAdmin):
    list_display = ["id", "team", "phone_number", "status", "bucket", "classification", "priority",
                    "priority_score", "assigned_sdr_id", "suggestion_status", "processed_by",
                    "received_at"]  # fmt: skip
    list_filter = ["status", "bucket", "classification", "priority", "assigned_sdr_id", "suggestion_status", "team"]
    search_fields = ["id", "phone_number", "response_text", "correlation_id", "external_id"]
    inlines = [InboxEventInline]


@admin.register(CallQueueEntry)
class CallQueueEntryAdmin(_ReadOnly, TeamScopedAdmin):
    list_display = ["id", "team", "phone_number", "priority", "assigned_worker", "assigned_to", "status", "created_at"]
    list_filter = ["status", "assigned_worker", "team"]
    search_fields = ["id", "phone_number"]


@admin.register(InboxEvent)
class InboxEventAdmin(_ReadOnly, TeamScopedAdmin):
    list_display = ["id", "team", "item", "action", "actor_label", "created_at"]
    list_filter = ["action", "team"]
    search_fields = ["item__id", "actor_label"]


class WebhookRetryFilter(admin.SimpleListFilter):
    """Where a stored event stands in its processing after the answer (``inbox.services.retry``)."""

    title = "retry state"
    parameter_name = "retry"

    def lookups(self, request, model_admin):
        return [
            ("waiting", "Waiting for its first worker"),
            ("lane", "Queued, waiting for the realtime lane"),
            ("claimed", "Claimed by a worker (leased)"),
            ("retrying", "Failed, retry scheduled"),
            ("given_up", "Given up"),
        ]

    def queryset(self, request, queryset):
        received, failed = WebhookEvent.Status.RECEIVED, WebhookEvent.Status.FAILED
        return {
            "waiting": lambda: queryset.filter(status=received, process_attempts=0),
            "lane": lambda: queryset.filter(status=received, error_code=services.LANE_WAITING),
            "claimed": lambda: queryset.filter(status=received, process_attempts__gt=0),
            "retrying": lambda: queryset.filter(status=failed, retry_at__isnull=False),
            "given_up": lambda: queryset.filter(status=failed, retry_at__isnull=True, process_attempts__gt=0),
        }.get(self.value(), lambda: queryset)()


@admin.register(WebhookEvent)
class WebhookEventAdmin(_ReadOnly, admin.ModelAdmin):
    """Every webhook call (and event read back from the provider's log) as received. Staff see their teams'
    events; those that reached no team (a number no team owns, a rejected call) only superusers.

    ``process_attempts`` and ``retry_at`` show the retries of its processing; "retry now" sends stored events to
    a realtime worker at once (a given-up one gets one more attempt)."""

    list_display = ["id", "provider", "source", "event", "status", "error_code", "team", "to_number", "delivery_id",
                    "identifier", "processing_ms", "attempts", "process_attempts", "retry_at",
                    "created_at"]  # fmt: skip
    list_filter = [WebhookRetryFilter, "status", "error_code", "process_attempts", "event", "source", "provider"]
    search_fields = ["id", "delivery_id", "identifier", "to_number", "digest"]
    actions = ["retry_now"]

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else qs.filter(team_id__in=staff_team_ids(request))

    def has_retry_permission(self, request):
        return self.has_view_permission(request) and staff_may(request, OPERATE)

    @admin.action(description="Retry now (send to a realtime worker)", permissions=["retry"])
    def retry_now(self, request, queryset):
        if not request.user.is_superuser:  # a viewer's team is left out
            queryset = queryset.filter(team_id__in=staff_team_ids(request, OPERATE))
        try:
            sent = services.webhook_events_retry_now(event_ids=list(queryset.values_list("pk", flat=True)))
        except services.InboxError as exc:
            self.message_user(request, f"{exc.code}: {exc.message}", messages.ERROR)
            return
        self.message_user(request, f"{sent} event(s) sent to a realtime worker.", messages.SUCCESS)


@admin.register(ReconcileCursor)
class ReconcileCursorAdmin(_ReadOnly, admin.ModelAdmin):
    """How far each provider account's event log was read back. The platform's account only for superusers."""

    list_display = ["provider", "account", "team", "last_run_at", "last_stored", "last_event_ms", "last_error"]
    list_filter = ["provider"]

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else qs.filter(team_id__in=staff_team_ids(request))


@admin.register(ClassificationCorrection)
class ClassificationCorrectionAdmin(_ReadOnly, TeamScopedAdmin):
    """Operators' reclassifications (MISCLASSIFICATION), with the text and both labels: the corpus grows from
    these (``manage.py export_corrections --team SLUG``)."""

    list_display = ["created_at", "team", "predicted", "corrected", "text", "corrected_by", "inbox_item"]
    list_filter = ["predicted", "corrected", "team"]
    search_fields = ["text"]


class ConversationEventInline(_ReadOnly, admin.TabularInline):
    model = ConversationEvent
    extra = 0
    can_delete = False
    fields = ["created_at", "action", "actor_label", "detail"]
    readonly_fields = fields


@admin.register(Conversation)
class ConversationAdmin(_ReadOnly, TeamScopedAdmin):
    list_display = ["id", "team", "contact_number", "status", "intent", "worker", "assignee", "disposition",
                    "draft_status", "unread", "last_message_at"]  # fmt: skip
    list_filter = ["status", "intent", "worker", "disposition", "draft_status", "team"]
    search_fields = ["id", "contact_number", "last_text", "correlation_id"]
    inlines = [ConversationEventInline]


@admin.register(ConversationEvent)
class ConversationEventAdmin(_ReadOnly, TeamScopedAdmin):
    list_display = ["id", "team", "conversation", "action", "actor_label", "created_at"]
    list_filter = ["action", "team"]
    search_fields = ["conversation__id", "actor_label"]


@admin.register(ConversationMessage)
class ConversationMessageAdmin(_ReadOnly, admin.ModelAdmin):
    list_display = ["conversation", "message", "created_at"]
    search_fields = ["conversation__id", "message__id"]

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else qs.filter(conversation__team_id__in=staff_team_ids(request))


@admin.register(SavedReply)
class SavedReplyAdmin(TeamScopedAdmin):
    list_display = ["title", "team", "text", "created_at"]
    list_filter = ["team"]
    search_fields = ["title", "text"]


@admin.register(InboxSettings)
class InboxSettingsAdmin(TeamScopedAdmin):
    list_display = ["team", "round_robin", "time_zone", "last_assignee"]


@admin.register(OperatorSettings)
class OperatorSettingsAdmin(admin.ModelAdmin):
    """A person's own settings: staff who are not superusers see and set only their own."""

    list_display = ["user", "time_zone"]
    search_fields = ["user__username"]

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else qs.filter(user=request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user" and not request.user.is_superuser:
            kwargs["queryset"] = db_field.related_model._default_manager.filter(pk=request.user.pk)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
