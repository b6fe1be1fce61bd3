"""API of stage 6: ``/api/v1/templates/`` and ``/api/v1/campaigns/`` with staging and the approval gate."""

from django.core.exceptions import ValidationError as ModelValidationError
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.response import Response

from leads.forms import LeadFilterForm
from usdatabiz.core.api import TeamObjectField, TeamScopedViewSetMixin
from usdatabiz.core.filters import (
    filter_object_schema,
    filter_object_type_errors,
    filter_parameters,
    filter_values,
)
from usdatabiz.core.ids import id_pattern

from . import selectors, services
from .forms import CampaignFilterForm, CampaignLeadFilterForm
from .models import (
    MERGE_FIELDS,
    TEMPLATE_BODY_PATTERN,
    Campaign,
    CampaignEvent,
    CampaignLead,
    CampaignStep,
    LeadBlock,
    MessageTemplate,
)


@extend_schema_field({"type": "string", "pattern": TEMPLATE_BODY_PATTERN})
class _TemplateBodyField(serializers.CharField):
    """A template's text: the schema states its rules as a pattern; the model's check names the one a text breaks."""


class MessageTemplateSerializer(serializers.ModelSerializer):
    body = _TemplateBodyField(
        help_text="The text, with merge fields among "
        + ", ".join(f"{{{name}}}" for name in MERGE_FIELDS)
        + '; it must say how to opt out, e.g. "Reply STOP to opt out"'
    )

    class Meta:
        model = MessageTemplate
        fields = ["id", "name", "body", "worker", "is_active", "created_at", "updated_at"]
        read_only_fields = ["id", "created_at", "updated_at"]


class LeadBlockSerializer(serializers.ModelSerializer):
    class Meta:
        model = LeadBlock
        fields = [
            "id",
            "status",
            "size_target",
            "criteria",
            "lead_count",
            "candidates_seen",
            "skipped_no_mobile",
            "skipped_duplicate_number",
            "skipped_marked_number",
            "skipped_opted_out",
            "skipped_opt_out_review",
            "skipped_not_textable",
            "correlation_id",
            "created_at",
        ]
        read_only_fields = fields


class CampaignEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = CampaignEvent
        fields = ["id", "from_status", "to_status", "actor_label", "note", "created_at"]
        read_only_fields = fields


# What a client may set (until approval); status, block and approval change only through the actions.
CAMPAIGN_WRITABLE = (
    "name", "template", "criteria", "block_size", "allow_partial_block", "sender_name", "sender_number",
    "scheduled_at", "variants", "steps",
)  # fmt: skip


class _TeamTemplateField(TeamObjectField):
    """One of the calling team's templates, by id."""

    def __init__(self, **kwargs):
        super().__init__(model=MessageTemplate, **kwargs)


class _TeamSenderNumberField(TeamObjectField):
    """One of the calling team's active sender numbers, by id (another team's is "does not exist")."""

    def __init__(self, **kwargs):
        # messaging sits above campaigns: the model comes from the relation
        super().__init__(model=Campaign._meta.get_field("sender_number").related_model, **kwargs)

    def scope(self, queryset):
        return queryset.filter(status=queryset.model.Status.ACTIVE)


class CampaignVariantSerializer(serializers.Serializer):
    label = serializers.CharField(read_only=True)
    template = _TeamTemplateField()


class CampaignStepSerializer(serializers.ModelSerializer):
    template = _TeamTemplateField()
    approved_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = CampaignStep
        fields = [
            "id", "campaign", "number", "delay_days", "template", "status", "lead_count", "staged_at", "approved_by",
            "approved_at", "finished_at",
        ]  # fmt: skip
        read_only_fields = [f for f in fields if f not in ("delay_days", "template")]


class CampaignSerializer(serializers.ModelSerializer):
    lead_block = LeadBlockSerializer(read_only=True, allow_null=True)
    approved_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    template = serializers.PrimaryKeyRelatedField(
        queryset=MessageTemplate.objects.none(), required=False, allow_null=True
    )
    variants = serializers.SerializerMethodField()
    steps = CampaignStepSerializer(many=True, required=False)

    @extend_schema_field(CampaignVariantSerializer(many=True))
    def get_variants(self, campaign) -> list:
        return [{"label": label, "template": t.pk} for label, t in campaign.variant_templates()]

    class Meta:
        model = Campaign
        fields = [
            "id",
            "name",
            "status",
            "template",
            "criteria",
            "block_size",
            "allow_partial_block",
            "sender_name",
            "sender_number",
            "scheduled_at",
            "variants",
            "steps",
            "lead_block",
            "correlation_id",
            "staged_at",
            "approved_by",
            "approved_at",
            "started_at",
            "finished_at",
            "status_note",
            "error_code",
            "error_message",
            "created_at",
        ]
        read_only_fields = [name for name in fields if name not in CAMPAIGN_WRITABLE]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None and getattr(request, "team", None) is not None:
            self.fields["template"].queryset = MessageTemplate.objects.for_team(request.team)


class CampaignLeadSerializer(serializers.ModelSerializer):
    class Meta:
        model = CampaignLead
        fields = ["id", "lead", "persona", "phone_number", "status", "skip_code", "correlation_id", "created_at"]
        read_only_fields = fields


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class MessageTemplateViewSet(
    TeamScopedViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Opening texts with merge fields; each must say how to opt out."""

    queryset = MessageTemplate.objects.all().order_by("name")
    serializer_class = MessageTemplateSerializer

    def perform_create(self, serializer):
        try:
            serializer.instance = services.template_create(
                team=self.request.team, user=self.request.user, **serializer.validated_data
            )
        except ModelValidationError as exc:
            raise ValidationError(exc.message_dict) from exc

    def perform_update(self, serializer):
        try:
            serializer.instance = services.template_update(template=serializer.instance, **serializer.validated_data)
        except ModelValidationError as exc:
            raise ValidationError(exc.message_dict) from exc


class StepInputSerializer(serializers.Serializer):
    delay_days = serializers.IntegerField(
        min_value=1, max_value=services.MAX_STEP_DELAY_DAYS, help_text="Days without a reply after the previous text"
    )
    template = _TeamTemplateField(help_text="The template the step sends")


@extend_schema_field(filter_object_schema(LeadFilterForm, services.CRITERIA_KEYS))
class _CriteriaField(serializers.JSONField):
    """A campaign's lead filters: the lead list's filters (``LeadFilterForm``) with the JSON types the schema states
    (the number 5 is not the tag "5"); the service checks their names and values. Either way a refusal is
    ``INVALID_CRITERIA`` naming the filter."""

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        errors = filter_object_type_errors(LeadFilterForm, value)
        if errors:
            name, message = next(iter(errors.items()))
            name = name or "criteria"
            raise services.CampaignError("INVALID_CRITERIA", f"{name}: {message}", field=name)
        return value


@extend_schema_field(
    {
        "type": "array",
        "items": {"type": "string", "pattern": id_pattern(MessageTemplate._meta.pk.prefix)},
        "maxItems": Campaign.MAX_VARIANTS - 1,
        "uniqueItems": True,
    }
)
class _VariantsField(serializers.ListField):
    """Templates of variants B, C, D: each a different one."""


class CampaignWriteSerializer(serializers.ModelSerializer):
    """The body of a create or an update: ``variants`` are the templates of B, C and D (A is ``template``)."""

    template = _TeamTemplateField(required=False, allow_null=True)
    criteria = _CriteriaField(
        required=False,
        help_text="Which leads LUCI may put in the block, as the lead list's filters (min_score not above max_score)",
    )
    block_size = serializers.IntegerField(
        required=False, min_value=1, max_value=LeadBlock.SIZE, help_text="Leads in the block (1 to 2,000)"
    )
    scheduled_at = serializers.DateTimeField(
        required=False, allow_null=True,
        help_text="A time in the future: sending starts no earlier (each recipient's quiet hours still apply); "
        "null: on approval",
    )  # fmt: skip
    sender_number = _TeamSenderNumberField(
        required=False, allow_null=True,
        help_text="Id of one of the team's active sender numbers every text leaves from; null: the team's default rule",
    )  # fmt: skip
    variants = _VariantsField(
        child=_TeamTemplateField(), required=False, max_length=Campaign.MAX_VARIANTS - 1,
        help_text="Templates of variants B, C, D, each a different one and not `template` (A), which they need; "
        "the block is split evenly between them",
    )  # fmt: skip
    steps = serializers.ListField(
        child=StepInputSerializer(), required=False, max_length=CampaignStep.MAX,
        help_text="Up to 3 follow-ups: if no reply after `delay_days`, send `template` (each batch is approved)",
    )  # fmt: skip

    class Meta:
        model = Campaign
        fields = list(CAMPAIGN_WRITABLE)

    def to_representation(self, instance):
        return CampaignSerializer(instance, context=self.context).data


def _service_values(data: dict) -> dict:
    values = dict(data)
    if "steps" in values:
        values["steps"] = [(step["delay_days"], step["template"]) for step in values["steps"]]
    return values


@extend_schema_view(
    create=extend_schema(request=CampaignWriteSerializer, responses={201: CampaignSerializer}),
    update=extend_schema(request=CampaignWriteSerializer, responses={200: CampaignSerializer}),
    partial_update=extend_schema(request=CampaignWriteSerializer, responses={200: CampaignSerializer}),
)
class CampaignViewSet(
    TeamScopedViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Campaigns: create a draft, edit it until approved, stage it (LUCI forms the block), a person approves it."""

    queryset = Campaign.objects.all().select_related("lead_block", "approved_by").order_by("-created_at")
    serializer_class = CampaignSerializer

    def get_parsers(self):
        """A campaign's body (nulls, lists of steps) has no form encoding: JSON only, another media type is a 415.
        The actions' notes may come from a form."""
        action = getattr(self, "action", None) or self.action_map.get(self.request.method.lower())
        return [JSONParser()] if action in ("create", "update", "partial_update") else super().get_parsers()

    @extend_schema(parameters=filter_parameters(CampaignFilterForm))
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    def get_queryset(self):
        qs = super().get_queryset()
        if self.action != "list":
            return qs
        return qs.filter(**filter_values(CampaignFilterForm, self.request.query_params))

    def get_serializer_class(self):
        return CampaignWriteSerializer if self.action in ("create", "update", "partial_update") else CampaignSerializer

    def perform_create(self, serializer):
        data = _service_values(serializer.validated_data)
        try:
            serializer.instance = services.campaign_create(team=self.request.team, user=self.request.user, **data)
        except ModelValidationError as exc:
            raise ValidationError(exc.message_dict) from exc

    def perform_update(self, serializer):
        """Edit until approval (409 ``NOT_EDITABLE`` after); a staged one whose texts or block change is a draft."""
        data = _service_values(serializer.validated_data)
        try:
            serializer.instance = services.campaign_update(campaign=serializer.instance, user=self.request.user, **data)
        except ModelValidationError as exc:
            raise ValidationError(exc.message_dict) from exc

    def _done(self, campaign, code=status.HTTP_200_OK):
        campaign.refresh_from_db()
        return Response(CampaignSerializer(campaign, context={"request": self.request}).data, status=code)

    @extend_schema(request=None, responses={200: CampaignSerializer})
    @action(detail=True, methods=["post"])
    def stage(self, request, pk=None, format=None):
        """Let LUCI form the block; on a named failure the campaign stays a draft with ``error_code`` set (409)."""
        campaign = services.campaign_stage(campaign=self.get_object(), actor=request.user)
        if campaign.status != Campaign.Status.STAGED:
            return Response(
                {"code": campaign.error_code, "detail": campaign.error_message}, status=status.HTTP_409_CONFLICT
            )
        return self._done(campaign)

    def _act(self, service, request):
        body = NoteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        campaign = service(campaign=self.get_object(), user=request.user, note=body.validated_data.get("note", ""))
        return self._done(campaign)

    @extend_schema(request=NoteSerializer, responses={200: CampaignSerializer})
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None, format=None):
        """Approve a staged campaign as the calling user; sending starts (the approval gate)."""
        return self._act(services.campaign_approve, request)

    @extend_schema(request=NoteSerializer, responses={200: CampaignSerializer})
    @action(detail=True, methods=["post"], url_path="send-back")
    def send_back(self, request, pk=None, format=None):
        """Send a staged campaign back to draft (a note is required); its block is released."""
        return self._act(services.campaign_send_back, request)

    @extend_schema(request=NoteSerializer, responses={200: CampaignSerializer})
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None, format=None):
        """Cancel the campaign: nothing more is sent."""
        return self._act(services.campaign_cancel, request)

    @extend_schema(request=NoteSerializer, responses={200: CampaignSerializer})
    @action(detail=True, methods=["post"])
    def pause(self, request, pk=None, format=None):
        """Pause a sending campaign."""
        return self._act(services.campaign_pause, request)

    @extend_schema(request=NoteSerializer, responses={200: CampaignSerializer})
    @action(detail=True, methods=["post"])
    def resume(self, request, pk=None, format=None):
        """Resume a paused campaign."""
        return self._act(services.campaign_resume, request)

    @extend_schema(
        parameters=filter_parameters(CampaignLeadFilterForm), responses={200: CampaignLeadSerializer(many=True)}
    )
    @action(detail=True, methods=["get"])
    def leads(self, request, pk=None, format=None):
        """The campaign's leads with the mobile chosen and their send status."""
        campaign = self.get_object()
        filters = filter_values(CampaignLeadFilterForm, request.query_params)
        qs = selectors.campaign_leads(campaign=campaign, status=filters.get("status"))
        page = self.paginate_queryset(qs)
        return self.get_paginated_response(CampaignLeadSerializer(page, many=True).data)

    @extend_schema(responses={200: CampaignEventSerializer(many=True)})
    @action(detail=True, methods=["get"], pagination_class=None)  # one plain list, as the schema says
    def events(self, request, pk=None, format=None):
        """Every state change of the campaign: who, when, from what to what, and why."""
        return Response(CampaignEventSerializer(self.get_object().events.all(), many=True).data)


class CampaignStepViewSet(
    TeamScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Follow-up steps of the team's campaigns; a staged step's batch is approved by a named person, like the first."""

    queryset = CampaignStep.objects.all().select_related("approved_by").order_by("campaign_id", "number")
    serializer_class = CampaignStepSerializer

    def _act(self, service, request):
        body = NoteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        step = service(step=self.get_object(), user=request.user, note=body.validated_data.get("note", ""))
        step.refresh_from_db()
        return Response(CampaignStepSerializer(step, context={"request": request}).data)

    @extend_schema(request=NoteSerializer, responses={200: CampaignStepSerializer})
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None, format=None):
        """Approve a staged step's batch as the calling user; its texts go out (409 unless its campaign sends)."""
        return self._act(services.campaign_step_approve, request)

    @extend_schema(request=NoteSerializer, responses={200: CampaignStepSerializer})
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None, format=None):
        """Skip a planned or staged step: its batch gets nothing; the campaign goes on without it."""
        return self._act(services.campaign_step_cancel, request)
