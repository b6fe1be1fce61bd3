from django.contrib import admin, messages

from usdatabiz.core.admin import ADMIN_ONLY, LeasedWorkAdmin, TeamScopedAdmin
from usdatabiz.core.errors import DomainError

from .models import (
    Business,
    BusinessOwner,
    MatchReview,
    Persona,
    PersonaBlockKey,
    PersonaEmail,
    PersonaMergeHistory,
    PersonaPhone,
    ResolutionIndexChunk,
    ResolutionPartition,
    ResolutionSettings,
)
from .services import (
    identity_resolve,
    match_review_decide,
    persona_marks_wait,
    persona_phone_marks_wait,
    persona_unmerge,
)

SOURCE_FIELDS = ["source_file", "source_record_id", "created_at", "updated_at"]


class PersonaPhoneInline(admin.TabularInline):
    model = PersonaPhone
    extra = 0
    fields = ["normalized_number", "raw", "phone_type", "is_valid", "is_connected", "do_not_call", "source_record_id"]
    readonly_fields = fields
    can_delete = False


class PersonaEmailInline(admin.TabularInline):
    model = PersonaEmail
    extra = 0
    fields = ["email", "is_valid", "source_record_id"]
    readonly_fields = fields
    can_delete = False


class BusinessOwnerInline(admin.TabularInline):
    model = BusinessOwner
    extra = 0
    fields = ["business", "persona", "title", "source_record_id"]
    readonly_fields = fields
    can_delete = False


@admin.register(Business)
class BusinessAdmin(TeamScopedAdmin):
    list_display = [
        "id",
        "name",
        "normalized_name",
        "city",
        "state",
        "zip5",
        "sic_code",
        "employees",
        "revenue",
        "team",
    ]
    list_filter = ["state", "team"]
    search_fields = ["id", "name", "normalized_name", "zip5", "sic_code"]
    readonly_fields = ["id", *SOURCE_FIELDS]
    inlines = [BusinessOwnerInline]


@admin.register(Persona)
class PersonaAdmin(TeamScopedAdmin):
    list_display = [
        "id",
        "first_name",
        "last_name",
        "title",
        "state",
        "zip5",
        "confidence_score",
        "is_merged",
        "merged_into",
        "team",
    ]
    list_filter = ["is_merged", "state", "team"]
    search_fields = ["id", "first_name", "last_name", "normalized_last_name", "phones__normalized_number"]
    readonly_fields = ["id", "merged_from_ids", "is_merged", "merged_into", "merged_at", "resolved_at", *SOURCE_FIELDS]
    inlines = [PersonaPhoneInline, PersonaEmailInline, BusinessOwnerInline]

    def save_model(self, request, obj, form, change):
        persona_marks_wait(persona=obj)  # a do-not-contact mark waits for the texts to the person's numbers in flight
        super().save_model(request, obj, form, change)


@admin.register(PersonaPhone)
class PersonaPhoneAdmin(TeamScopedAdmin):
    list_display = [
        "id",
        "normalized_number",
        "raw",
        "phone_type",
        "is_valid",
        "is_connected",
        "do_not_call",
        "persona",
    ]
    list_filter = ["phone_type", "is_valid", "do_not_call", "team"]
    search_fields = ["id", "normalized_number", "raw", "persona__id"]
    readonly_fields = ["id", *SOURCE_FIELDS]
    raw_id_fields = ["persona"]

    def save_model(self, request, obj, form, change):
        persona_phone_marks_wait(phone=obj)  # a do-not-call mark waits for the texts to the number in flight
        super().save_model(request, obj, form, change)


@admin.register(PersonaEmail)
class PersonaEmailAdmin(TeamScopedAdmin):
    list_display = ["id", "email", "is_valid", "persona", "team"]
    list_filter = ["is_valid", "team"]
    search_fields = ["id", "email", "persona__id"]
    readonly_fields = ["id", *SOURCE_FIELDS]
    raw_id_fields = ["persona"]


@admin.register(BusinessOwner)
class BusinessOwnerAdmin(TeamScopedAdmin):
    list_display = ["id", "persona", "business", "title", "team"]
    list_filter = ["team"]
    search_fields = ["id", "persona__id", "business__id", "business__name"]
    readonly_fields = ["id", *SOURCE_FIELDS]
    raw_id_fields = ["persona", "business"]


@admin.register(PersonaMergeHistory)
class PersonaMergeHistoryAdmin(TeamScopedAdmin):
    list_display = ["id", "action", "survivor", "merged", "match_score", "merged_by", "user", "undone_at", "created_at"]
    list_filter = ["action", "merged_by", "team"]
    search_fields = ["id", "survivor__id", "merged__id"]
    readonly_fields = [f.name for f in PersonaMergeHistory._meta.fields]
    actions = ["unmerge_selected"]

    def has_add_permission(self, request):
        return False

    @admin.action(description="Unmerge selected merges (two different people)")
    def unmerge_selected(self, request, queryset):
        for history in queryset.filter(action=PersonaMergeHistory.Action.MERGE, undone_at__isnull=True):
            try:
                persona_unmerge(history=history, user=request.user, note="unmerged in the admin")
            except DomainError as exc:
                self.message_user(request, f"{history.pk}: {exc.code}: {exc.message}", messages.ERROR)


@admin.register(MatchReview)
class MatchReviewAdmin(TeamScopedAdmin):
    list_display = ["id", "persona_a", "persona_b", "score", "status", "decided_by", "decided_at", "team"]
    list_filter = ["status", "team"]
    search_fields = ["id", "persona_a__id", "persona_b__id"]
    readonly_fields = [f.name for f in MatchReview._meta.fields]
    actions = ["confirm_selected", "reject_selected"]

    def has_add_permission(self, request):
        return False

    def _decide(self, request, queryset, confirm):
        for review in queryset.filter(status=MatchReview.Status.PENDING):
            try:
                match_review_decide(review=review, confirm=confirm, user=request.user)
            except DomainError as exc:
                self.message_user(request, f"{review.pk}: {exc.code}: {exc.message}", messages.ERROR)

    @admin.action(description="Confirm selected pairs (merge)")
    def confirm_selected(self, request, queryset):
        self._decide(request, queryset, True)

    @admin.action(description="Reject selected pairs (different people)")
    def reject_selected(self, request, queryset):
        self._decide(request, queryset, False)


@admin.register(ResolutionSettings)
class ResolutionSettingsAdmin(TeamScopedAdmin):
    change_roles = ADMIN_ONLY  # thresholds, and running resolution now, are a team admin's, as on the console
    list_display = ["team", "auto_merge_threshold", "review_threshold", "updated_at"]
    actions = ["resolve_now"]

    @admin.action(description="Run identity resolution now for these teams")
    def resolve_now(self, request, queryset):
        for item in queryset:
            run = identity_resolve(team=item.team_id)
            self.message_user(request, f"{item.team}: {run.count_in} new personas, {run.count_out} merges.")


@admin.register(ResolutionIndexChunk)
class ResolutionIndexChunkAdmin(LeasedWorkAdmin):
    """A resolution run's index chunks under their leases: who holds one, how often it was claimed, what it wrote."""

    list_display = ["id", "team", "run", "number", "state", "attempts", "lease_owner", "lease_expires_at",
                    "personas", "keys", "error_code"]  # fmt: skip
    search_fields = ["id", "run__id", "lease_owner"]


@admin.register(ResolutionPartition)
class ResolutionPartitionAdmin(LeasedWorkAdmin):
    """A resolution run's partitions under their leases: who holds one, how often it was claimed, what it found."""

    list_display = ["id", "team", "run", "number", "of", "state", "attempts", "lease_owner", "lease_expires_at",
                    "pairs", "guarded", "windowed", "error_code"]  # fmt: skip
    search_fields = ["id", "run__id", "lease_owner"]
    exclude = ["patterns", "candidates"]  # large: the run's result and the merge history explain each merge


@admin.register(PersonaBlockKey)
class PersonaBlockKeyAdmin(TeamScopedAdmin):
    """Stage 3's blocking-key index (hashed keys per persona): read-only, for checking why two people met."""

    list_display = ["id", "team", "persona", "key", "part"]
    list_filter = ["team"]
    search_fields = ["persona__id"]
    readonly_fields = ["team", "persona", "key", "part"]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
