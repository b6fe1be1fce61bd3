from django.contrib import admin

from usdatabiz.core.admin import ADMIN_ONLY, LeasedWorkAdmin, TeamScopedAdmin

from . import services
from .models import Lead, LeadPreparation, LeadSettings, SkipTraceJob, SkipTraceResult


@admin.register(Lead)
class LeadAdmin(TeamScopedAdmin):
    list_display = ["id", "persona", "business", "score", "status", "enrichment_status", "scored_at", "team"]
    list_filter = ["status", "enrichment_status", "team"]
    search_fields = ["id", "persona__id", "persona__last_name", "business__name"]
    readonly_fields = ["id", "score", "score_breakdown", "tags", "flags", "scored_at", "created_at", "updated_at"]
    raw_id_fields = ["persona", "business"]
    actions = ["rescore_selected"]

    @admin.action(description="Score selected leads again")
    def rescore_selected(self, request, queryset):
        for team_id in set(queryset.values_list("team_id", flat=True)):
            services.leads_rescore(team=team_id, leads=queryset.filter(team_id=team_id))


@admin.register(LeadSettings)
class LeadSettingsAdmin(TeamScopedAdmin):
    change_roles = ADMIN_ONLY  # LUCY's weights and the skip-trace cap are a team admin's, as on the console
    list_display = ["team", "weights", "tag_rules", "updated_at"]


@admin.register(SkipTraceJob)
class SkipTraceJobAdmin(LeasedWorkAdmin):
    """Skip-trace jobs as leased work: started from the lead list or the API, resumed there (read-only here)."""

    list_display = [
        "id",
        "team",
        "provider",
        "status",
        "total",
        "done",
        "matched",
        "no_results",
        "partial",
        "failed",
        "error_code",
        "state",
        "attempts",
        "lease_owner",
        "created_at",
    ]
    list_filter = ["status", "state", "provider", "team"]
    search_fields = ["id"]


@admin.register(LeadPreparation)
class LeadPreparationAdmin(LeasedWorkAdmin):
    """Stage 4 of each team as leased work: who holds it, until when, how often it was claimed (read-only)."""

    list_display = ["id", "team", "state", "attempts", "lease_owner", "lease_expires_at", "run", "error_code"]
    search_fields = ["id", "after", "lease_owner"]


@admin.register(SkipTraceResult)
class SkipTraceResultAdmin(TeamScopedAdmin):
    list_display = [
        "id",
        "team",
        "job",
        "lead",
        "persona",
        "provider",
        "matched",
        "partial",
        "error_code",
        "cost",
        "created_at",
    ]
    list_filter = ["matched", "partial", "error_code", "provider", "team"]
    search_fields = ["id", "lead__id", "persona__id"]
    readonly_fields = [f.name for f in SkipTraceResult._meta.fields]
