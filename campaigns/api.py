"""API of stage 6: ``/api/v1/templates/`` and ``/api/v1/campaigns/`` with staging and the approval gate."""

from django.core.exceptions import ValidationError as ModelValidationError
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from usdatabiz.core.api import TeamScopedViewSetMixin

from . import selectors, services
from .models import Campaign, CampaignEvent, CampaignLead, LeadBlock, MessageTemplate


class MessageTemplateSerializer(serializers.ModelSerializer):
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
            "correlation_id",
            "created_at",
        ]
        read_only_fields = fields


class CampaignEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = CampaignEvent
        fields = ["id", "from_status", "to_status", "actor_label", "note", "created_at"]
        read_only_fields = fields


# What a client may set when it creates a campaign; status, block and approval change only through the actions.
CAMPAIGN_WRITABLE = ("name", "template", "criteria", "block_size", "allow_partial_block", "sender_name")


class CampaignSerializer(serializers.ModelSerializer):
    lead_block = LeadBlockSerializer(read_only=True)
    approved_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    template = serializers.PrimaryKeyRelatedField(
        queryset=MessageTemplate.objects.none(), required=False, allow_null=True
    )

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


class CampaignViewSet(
    TeamScopedViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Campaigns: create a draft, stage it (LUCI forms the block), then a person approves it to send."""

    queryset = Campaign.objects.all().select_related("lead_block", "approved_by").order_by("-created_at")
    serializer_class = CampaignSerializer

    @extend_schema(parameters=[OpenApiParameter("status", str, enum=Campaign.Status.values)])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    def get_queryset(self):
        qs = super().get_queryset()
        wanted = self.request.query_params.get("status")
        return qs.filter(status=wanted) if self.action == "list" and wanted else qs

    def perform_create(self, serializer):
        data = serializer.validated_data
        try:
            serializer.instance = services.campaign_create(team=self.request.team, user=self.request.user, **data)
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

    @extend_schema(responses={200: CampaignLeadSerializer(many=True)})
    @action(detail=True, methods=["get"])
    def leads(self, request, pk=None, format=None):
        """The campaign's leads with the mobile chosen and their send status."""
        qs = selectors.campaign_leads(campaign=self.get_object(), status=request.query_params.get("status") or None)
        page = self.paginate_queryset(qs)
        return self.get_paginated_response(CampaignLeadSerializer(page, many=True).data)

    @extend_schema(responses={200: CampaignEventSerializer(many=True)})
    @action(detail=True, methods=["get"])
    def events(self, request, pk=None, format=None):
        """Every state change of the campaign: who, when, from what to what, and why."""
        return Response(CampaignEventSerializer(self.get_object().events.all(), many=True).data)
