from django.contrib import admin, messages

from usdatabiz.core.admin import TeamScopedAdmin
from usdatabiz.core.errors import DomainError

from . import services
from .models import Campaign, CampaignEvent, CampaignLead, CampaignStep, CampaignVariant, LeadBlock, MessageTemplate


@admin.register(MessageTemplate)
class MessageTemplateAdmin(TeamScopedAdmin):
    list_display = ["id", "name", "worker", "is_active", "team", "created_at"]
    list_filter = ["worker", "is_active", "team"]
    search_fields = ["id", "name", "body"]
    readonly_fields = ["id", "created_at", "updated_at"]


@admin.register(LeadBlock)
class LeadBlockAdmin(TeamScopedAdmin):
    list_display = [
        "id",
        "team",
        "status",
        "lead_count",
        "size_target",
        "skipped_no_mobile",
        "skipped_duplicate_number",
        "skipped_marked_number",
        "skipped_opted_out",
        "skipped_opt_out_review",
        "skipped_not_textable",
        "correlation_id",
        "created_at",
    ]
    list_filter = ["status", "team"]
    search_fields = ["id", "correlation_id"]
    readonly_fields = [f.name for f in LeadBlock._meta.fields]

    def has_add_permission(self, request):
        return False


class CampaignEventInline(admin.TabularInline):
    model = CampaignEvent
    extra = 0
    can_delete = False
    fields = ["created_at", "from_status", "to_status", "actor_label", "note"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Campaign)
class CampaignAdmin(TeamScopedAdmin):
    """Status, block and approval are read-only here: they change only through the services (the gate)."""

    list_display = [
        "id",
        "name",
        "team",
        "status",
        "template",
        "sender_number",
        "lead_block",
        "approved_by",
        "approved_at",
        "created_at",
    ]
    list_filter = ["status", "team"]
    search_fields = ["id", "name", "correlation_id"]
    readonly_fields = [
        "id",
        "status",
        "lead_block",
        "correlation_id",
        "created_by",
        "staged_at",
        "approved_by",
        "approved_at",
        "started_at",
        "finished_at",
        "status_note",
        "error_code",
        "error_message",
        "created_at",
        "updated_at",
    ]
    inlines = [CampaignEventInline]
    actions = ["stage_selected", "approve_selected"]

    def has_add_permission(self, request):
        return False  # campaigns start as drafts in the console or the API, with their history

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not obj.is_editable:
            return [f.name for f in Campaign._meta.fields]  # what was approved is what is sent
        return self.readonly_fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        field = form.base_fields.get("sender_number")
        if field is not None and obj is not None:  # only the campaign's own team's active numbers are offered
            numbers = field.queryset.model
            field.queryset = numbers.objects.filter(team_id=obj.team_id, status=numbers.Status.ACTIVE)
        return form

    @admin.action(description="Stage the selected draft campaigns (LUCI forms their blocks)")
    def stage_selected(self, request, queryset):
        for campaign in queryset:
            try:
                campaign = services.campaign_stage(campaign=campaign, actor=request.user)
            except DomainError as exc:
                self.message_user(request, f"{campaign}: {exc.code}: {exc.message}", level=messages.ERROR)
                continue
            if campaign.status == Campaign.Status.STAGED:
                self.message_user(request, f"{campaign}: staged", level=messages.SUCCESS)
            else:
                self.message_user(
                    request, f"{campaign}: {campaign.error_code}: {campaign.error_message}", level=messages.ERROR
                )

    @admin.action(description="Approve the selected staged campaigns (as me)")
    def approve_selected(self, request, queryset):
        for campaign in queryset:
            try:
                services.campaign_approve(campaign=campaign, user=request.user, note="approved in the admin")
            except DomainError as exc:
                self.message_user(request, f"{campaign}: {exc.code}: {exc.message}", level=messages.ERROR)
            else:
                self.message_user(request, f"{campaign}: approved", level=messages.SUCCESS)


@admin.register(CampaignLead)
class CampaignLeadAdmin(TeamScopedAdmin):
    list_display = ["id", "team", "campaign", "lead", "phone_number", "status", "skip_code", "correlation_id"]
    list_filter = ["status", "team"]
    search_fields = ["id", "lead__id", "phone_number", "correlation_id"]
    readonly_fields = [f.name for f in CampaignLead._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(CampaignEvent)
class CampaignEventAdmin(TeamScopedAdmin):
    list_display = ["id", "team", "campaign", "from_status", "to_status", "actor_label", "created_at"]
    list_filter = ["to_status", "team"]
    search_fields = ["campaign__id", "actor_label", "note"]
    readonly_fields = [f.name for f in CampaignEvent._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(CampaignVariant)
class CampaignVariantAdmin(TeamScopedAdmin):
    """A/B variants are set on the campaign's page or through the API (checked there); read-only here."""

    list_display = ["id", "team", "campaign", "label", "template", "created_at"]
    list_filter = ["label", "team"]
    search_fields = ["id", "campaign__id", "campaign__name"]
    readonly_fields = [f.name for f in CampaignVariant._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(CampaignStep)
class CampaignStepAdmin(TeamScopedAdmin):
    """Follow-up steps change only through the services (their batch needs a named approver); read-only here."""

    list_display = ["id", "team", "campaign", "number", "delay_days", "template", "status", "lead_count", "approved_by"]
    list_filter = ["status", "team"]
    search_fields = ["id", "campaign__id", "campaign__name"]
    readonly_fields = [f.name for f in CampaignStep._meta.fields]

    def has_add_permission(self, request):
        return False
