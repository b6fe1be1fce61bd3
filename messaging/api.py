"""API of stage 7: ``/api/v1/messages/`` (with held-message review) and ``/api/v1/suppressions/``."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from usdatabiz.core.api import TeamScopedViewSetMixin
from usdatabiz.core.exports import csv_response

from . import selectors, services
from .forms import MessageFilterForm, SuppressionForm
from .models import Message, Suppression


class MessageSerializer(serializers.ModelSerializer):
    approved_by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Message
        fields = [
            "id", "direction", "kind", "status", "campaign", "campaign_lead", "lead", "persona", "from_number",
            "to_number", "body", "segments", "encoding", "provider", "external_id", "error_code", "error_detail",
            "metadata", "correlation_id", "reply_to", "approved_by", "attempts", "sent_at", "delivered_at",
            "failed_at", "received_at", "created_at",
        ]  # fmt: skip
        read_only_fields = fields


class SuppressionSerializer(serializers.ModelSerializer):
    created_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    phone_number = serializers.CharField(max_length=20, help_text="A US number; any formatting")

    class Meta:
        model = Suppression
        fields = ["id", "phone_number", "reason", "note", "created_by", "lifted_at", "lifted_reason", "created_at"]
        read_only_fields = ["id", "reason", "created_by", "lifted_at", "lifted_reason", "created_at"]

    def validate_phone_number(self, value):
        form = SuppressionForm({"phone_number": value})
        if not form.is_valid():
            raise serializers.ValidationError(form.errors["phone_number"])
        return form.cleaned_data["phone_number"]


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=200)


class DropNoteSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class MessageViewSet(TeamScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Messages in and out, with their provider ids, errors and traceability; held ones can be released or dropped."""

    queryset = Message.objects.all().order_by("-created_at", "-id")
    serializer_class = MessageSerializer

    def get_queryset(self):
        if self.action != "list":
            return super().get_queryset()
        form = MessageFilterForm(self.request.query_params)
        filters = {k: v for k, v in form.cleaned_data.items() if v} if form.is_valid() else {}
        return selectors.message_list(team=self.request.team, **filters)

    @extend_schema(
        parameters=[
            OpenApiParameter("status", str, enum=Message.Status.values),
            OpenApiParameter("direction", str, enum=Message.Direction.values),
            OpenApiParameter("campaign", str),
            OpenApiParameter("number", str),
        ]
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(request=None, responses={200: MessageSerializer})
    @action(detail=True, methods=["post"])
    def release(self, request, pk=None, format=None):
        """Send a held message again with its idempotency key (409 unless it is held)."""
        message = services.message_release(message=self.get_object(), user=request.user)
        return Response(MessageSerializer(message).data)

    @extend_schema(request=DropNoteSerializer, responses={200: MessageSerializer})
    @action(detail=True, methods=["post"])
    def drop(self, request, pk=None, format=None):
        """Give up on a held message without sending it (409 unless it is held)."""
        body = DropNoteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        message = services.message_drop(
            message=self.get_object(), user=request.user, note=body.validated_data.get("note", "")
        )
        return Response(MessageSerializer(message).data)


class SuppressionViewSet(
    TeamScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):  # fmt: skip
    """The team's do-not-text list. Adding is immediate; lifting needs an admin and a reason."""

    queryset = Suppression.objects.all().order_by("-created_at")
    serializer_class = SuppressionSerializer

    def get_queryset(self):
        qs = super().get_queryset()
        if self.action == "list" and self.request.query_params.get("all") != "1":
            qs = qs.filter(lifted_at__isnull=True)
        return qs

    def perform_create(self, serializer):
        serializer.instance = services.suppression_add(
            team=self.request.team,
            number=serializer.validated_data["phone_number"],
            reason=Suppression.Reason.MANUAL,
            user=self.request.user,
            note=serializer.validated_data.get("note", ""),
        )

    def get_permissions(self):
        if self.action == "lift":
            self.write_roles = ("admin",)
        return super().get_permissions()

    @extend_schema(
        parameters=[OpenApiParameter("all", str, enum=["1"], description="1: lifted entries too")],
        responses={(200, "text/csv"): OpenApiTypes.STR},
    )
    @action(detail=False, methods=["get"])
    def export(self, request, format=None):
        """The suppression list as CSV (formula-safe, streamed); ``all=1`` adds the lifted entries."""
        entries = selectors.suppression_list(team=request.team, active_only=request.query_params.get("all") != "1")
        return csv_response(
            header=selectors.SUPPRESSION_EXPORT_HEADER,
            rows=selectors.suppression_export_rows(entries=entries.order_by("-created_at", "-id")),
            filename="suppressions.csv",
        )

    @extend_schema(request=ReasonSerializer, responses={200: SuppressionSerializer})
    @action(detail=True, methods=["post"])
    def lift(self, request, pk=None, format=None):
        """Allow texting the number again (admins only; a reason is required and kept)."""
        entry = self.get_object()
        body = ReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        entry = services.suppression_entry_lift(entry=entry, user=request.user, reason=body.validated_data["reason"])
        return Response(SuppressionSerializer(entry).data)
