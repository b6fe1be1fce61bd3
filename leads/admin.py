from django.contrib import admin

from usdatabiz.core.admin import TeamScopedAdmin

from . import services
from .models import Lead, LeadSettings


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
    list_display = ["team", "weights", "tag_rules", "updated_at"]
