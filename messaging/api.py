"""API of stage 7: ``/api/v1/messages/`` (with held-message review), ``/api/v1/suppressions/``, the team's
``/api/v1/sender-numbers/``, its ``/api/v1/credentials/`` and its signed ``/api/v1/sms-webhook/``."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from usdatabiz.core.api import PatternValidator, TeamScopedViewSetMixin
from usdatabiz.core.exports import csv_response
from usdatabiz.core.filters import filter_parameters, filter_values
from usdatabiz.core.models import TeamCredential
from usdatabiz.core.phones import US_PHONE_PATTERN

from . import selectors, services
from .forms import (
    MessageFilterForm,
    OptOutReviewFilterForm,
    SenderNumberForm,
    SuppressionExportForm,
    SuppressionForm,
)
from .models import Message, OptOutReview, ProviderWebhook, SenderNumber, Suppression
from .opt_out_reviews import opt_out_review_decide
from .sms import PROVIDERS


class MessageSerializer(serializers.ModelSerializer):
    approved_by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Message
        fields = [
            "id", "direction", "kind", "status", "campaign", "campaign_lead", "lead", "persona", "from_number",
            "to_number", "body", "segments", "encoding", "provider", "external_id", "error_code", "error_detail",
            "metadata", "correlation_id", "reply_to", "approved_by", "attempts", "sent_at", "delivered_at",
            "failed_at", "received_at", "quiet_hours_basis", "created_at",
        ]  # fmt: skip
        read_only_fields = fields


class SuppressionSerializer(serializers.ModelSerializer):
    created_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    phone_number = serializers.CharField(
        max_length=20, trim_whitespace=False,
        validators=[PatternValidator(US_PHONE_PATTERN, message="Enter a 10-digit US number, e.g. 512-555-0143.")],
        help_text="A US number: 10 digits, optionally led by +1, grouped by '-', '.' or spaces, e.g. (512) 555-0143",
    )  # fmt: skip

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
        return selectors.message_list(
            team=self.request.team, **filter_values(MessageFilterForm, self.request.query_params)
        )

    @extend_schema(parameters=filter_parameters(MessageFilterForm))
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

    @extend_schema(parameters=filter_parameters(SuppressionExportForm), responses={(200, "text/csv"): OpenApiTypes.STR})
    @action(detail=False, methods=["get"])
    def export(self, request, format=None):
        """The suppression list as CSV (formula-safe, streamed); ``all=1`` adds the lifted entries."""
        lifted_too = filter_values(SuppressionExportForm, request.query_params).get("all") == "1"
        entries = selectors.suppression_list(team=request.team, active_only=not lifted_too)
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


class SenderNumberSerializer(serializers.ModelSerializer):
    number = serializers.CharField(max_length=20, help_text="A US number; any formatting, e.g. 5125550101")
    provider = serializers.ChoiceField(choices=list(PROVIDERS), required=False)
    status = serializers.ChoiceField(
        choices=[SenderNumber.Status.ACTIVE, SenderNumber.Status.PENDING], required=False,
        help_text="active (sends) or pending (10DLC not done); retire with the action",
    )  # fmt: skip

    class Meta:
        model = SenderNumber
        fields = ["id", "number", "label", "status", "provider", "campaign_id_10dlc", "created_at", "updated_at"]
        read_only_fields = ["id", "created_at", "updated_at"]

    def validate_number(self, value):
        form = SenderNumberForm({"number": value, "status": "active"})
        form.is_valid()
        if "number" in form.errors:
            raise serializers.ValidationError(form.errors["number"])
        return form.cleaned_data["number"]


class SenderNumberChangeSerializer(serializers.Serializer):
    label = serializers.CharField(max_length=80, required=False, allow_blank=True)
    campaign_id_10dlc = serializers.CharField(max_length=40, required=False, allow_blank=True)


class SenderNumberViewSet(
    TeamScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):  # fmt: skip
    """The numbers the team texts from. A number belongs to one team only: held elsewhere it is a 409
    ``NUMBER_TAKEN``. Admins add, rename, activate and retire; members read."""

    queryset = SenderNumber.objects.all().order_by("status", "number")
    serializer_class = SenderNumberSerializer
    write_roles = ("admin",)

    def perform_create(self, serializer):
        serializer.instance = services.sender_number_create(
            team=self.request.team, user=self.request.user, **serializer.validated_data
        )

    @extend_schema(request=SenderNumberChangeSerializer, responses={200: SenderNumberSerializer})
    def partial_update(self, request, pk=None, format=None):
        """Change the label or the 10DLC campaign id."""
        body = SenderNumberChangeSerializer(data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        number = services.sender_number_update(sender=self.get_object(), **body.validated_data)
        return Response(SenderNumberSerializer(number).data)

    def _move(self, request, to: str) -> Response:
        number = services.sender_number_transition(sender=self.get_object(), to=to, user=request.user)
        return Response(SenderNumberSerializer(number).data)

    @extend_schema(request=None, responses={200: SenderNumberSerializer})
    @action(detail=True, methods=["post"])
    def activate(self, request, pk=None, format=None):
        """Let the number send (from pending or retired)."""
        return self._move(request, SenderNumber.Status.ACTIVE)

    @extend_schema(request=None, responses={200: SenderNumberSerializer})
    @action(detail=True, methods=["post"])
    def retire(self, request, pk=None, format=None):
        """Stop sending from the number; replies to it still reach the team."""
        return self._move(request, SenderNumber.Status.RETIRED)


class CredentialSerializer(serializers.ModelSerializer):
    """A stored credential as it may be shown: which one, its last four characters, who set it and when."""

    updated_by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = TeamCredential
        fields = ["id", "provider", "name", "last4", "expires_at", "updated_by", "updated_at"]
        read_only_fields = fields


class CredentialSetSerializer(serializers.Serializer):
    provider = serializers.CharField(max_length=32, help_text="signalhouse or realestateapi")
    name = serializers.CharField(max_length=40, help_text="api_key or webhook_secret")
    value = serializers.CharField(max_length=4000, write_only=True, help_text="Write-only: never returned")


class CredentialViewSet(
    TeamScopedViewSetMixin, mixins.ListModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet
):  # fmt: skip
    """The team's own provider credentials, encrypted at rest and shown by their last four characters only.
    ``POST`` sets one (replacing it); ``DELETE`` forgets it, and the platform's setting applies again. Admins only.
    """

    queryset = TeamCredential.objects.all().order_by("provider", "name")
    serializer_class = CredentialSerializer
    write_roles = ("admin",)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.membership is not None and not request.membership.is_admin:
            from rest_framework.exceptions import PermissionDenied

            raise PermissionDenied("Only a team admin can see or change the team's credentials.")

    @extend_schema(request=CredentialSetSerializer, responses={201: CredentialSerializer})
    def create(self, request, format=None):
        """Set one credential of the team (the value is write-only)."""
        body = CredentialSetSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        row = services.provider_credential_set(team=request.team, user=request.user, **body.validated_data)
        return Response(CredentialSerializer(row).data, status=status.HTTP_201_CREATED)

    def perform_destroy(self, instance):
        services.provider_credential_clear(team=instance.team_id, provider=instance.provider, name=instance.name)


class ProviderWebhookSerializer(serializers.ModelSerializer):
    registered_by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = ProviderWebhook
        fields = ["id", "provider", "group_id", "webhook_id", "url", "events", "registered_at", "registered_by",
                  "rotated_at", "previous_secret_expires_at"]  # fmt: skip
        read_only_fields = fields


class WebhookRegisterSerializer(serializers.Serializer):
    group_id = serializers.CharField(max_length=80, help_text="Your SignalHouse group id")
    url = serializers.URLField(
        max_length=500, required=False, help_text="Where events are posted; this console's webhook URL by default"
    )


class SecretRotateSerializer(serializers.Serializer):
    grace_seconds = serializers.IntegerField(min_value=0, max_value=604800, default=86400)


class SmsWebhookViewSet(TeamScopedViewSetMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """The team's signed webhook with SignalHouse: register it (``POST /webhook`` in the team's own account; the
    one-time signing secret is stored encrypted) and rotate its secret (both verify during the grace period)."""

    queryset = ProviderWebhook.objects.all().order_by("provider")
    serializer_class = ProviderWebhookSerializer
    write_roles = ("admin",)

    @extend_schema(request=WebhookRegisterSerializer, responses={201: ProviderWebhookSerializer})
    @action(detail=False, methods=["post"])
    def register(self, request, format=None):
        """Register the console's webhook with SignalHouse (needs the team's own API key: 409 ``NO_CREDENTIALS``)."""
        body = WebhookRegisterSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        url = body.validated_data.get("url") or request.build_absolute_uri(reverse("webhook-signalhouse"))
        row = services.sms_webhook_register(
            team=request.team, user=request.user, url=url, group_id=body.validated_data["group_id"]
        )
        return Response(ProviderWebhookSerializer(row).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=SecretRotateSerializer, responses={200: ProviderWebhookSerializer})
    @action(detail=False, methods=["post"], url_path="rotate-secret")
    def rotate_secret(self, request, format=None):
        """Get a new signing secret; the previous one keeps verifying for ``grace_seconds``."""
        body = SecretRotateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        row = services.sms_webhook_rotate_secret(
            team=request.team, user=request.user, grace_seconds=body.validated_data["grace_seconds"]
        )
        return Response(ProviderWebhookSerializer(row).data)


class OptOutReviewSerializer(serializers.ModelSerializer):
    decided_by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = OptOutReview
        fields = [
            "id", "phone_number", "text", "reason", "source_message", "inbox_item", "status", "decision",
            "decided_by", "decided_at", "created_at",
        ]  # fmt: skip
        read_only_fields = fields


class OptOutDecisionSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=OptOutReview.Decision.choices)


class OptOutReviewViewSet(
    TeamScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Replies that may be opt-outs, their numbers held (``OPT_OUT_REVIEW``) until a person decides.
    ``?status=held`` lists the open ones."""

    queryset = OptOutReview.objects.all().order_by("created_at", "id")
    serializer_class = OptOutReviewSerializer

    def get_queryset(self):
        qs = super().get_queryset()
        if self.action != "list":
            return qs
        return qs.filter(**filter_values(OptOutReviewFilterForm, self.request.query_params))

    @extend_schema(parameters=filter_parameters(OptOutReviewFilterForm))
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(request=OptOutDecisionSerializer, responses={200: OptOutReviewSerializer})
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None, format=None):
        """Decide a held reply: ``opt_out`` suppresses the number, ``not_opt_out`` releases it (409 once decided)."""
        review = self.get_object()
        body = OptOutDecisionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        review = opt_out_review_decide(review=review, decision=body.validated_data["decision"], user=request.user)
        return Response(OptOutReviewSerializer(review).data)
