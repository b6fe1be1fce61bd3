"""API of stages 8-12: ``/api/v1/inbox-items/`` with the operator's actions, and ``/api/v1/call-queue/``."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, views, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from messaging.api import MessageSerializer
from usdatabiz.core.api import TeamScopedViewSetMixin
from usdatabiz.core.exports import csv_response

from . import metrics, selectors, services
from .forms import CloseForm, InboxFilterForm, MoveForm, ReasonForm, ReclassifyForm, ReplyForm
from .models import CallQueueEntry, InboxEvent, InboxItem


class InboxItemSerializer(serializers.ModelSerializer):
    processed_by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = InboxItem
        fields = [
            "id", "status", "bucket", "message", "lead", "persona", "campaign", "phone_number", "response_text",
            "external_id", "correlation_id", "received_at", "classification", "classification_confidence",
            "extracted", "classification_rules", "classified_at", "priority_score", "priority", "priority_breakdown",
            "prioritized_at", "suggested_action", "suggested_text", "ai_notes", "assigned_sdr_id",
            "suggestion_engine", "suggestion_status", "suggested_at", "suggestion_ms", "processed_by",
            "processed_at", "disposition", "notes", "created_at",
        ]  # fmt: skip
        read_only_fields = fields


class InboxEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = InboxEvent
        fields = ["id", "action", "actor_label", "detail", "created_at"]
        read_only_fields = fields


class CallQueueEntrySerializer(serializers.ModelSerializer):
    assigned_to = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = CallQueueEntry
        fields = ["id", "item", "lead", "phone_number", "priority", "assigned_worker", "assigned_to", "status",
                  "attempts", "last_attempt_at", "correlation_id", "created_at"]  # fmt: skip
        read_only_fields = fields


def _form_data(form_class, data):
    form = form_class(data)
    if not form.is_valid():
        raise ValidationError(form.errors)
    return form.cleaned_data


def _request_body(serializer_name: str, form_class):
    """A serializer mirroring a console form, so the schema documents each action's body."""
    from django import forms

    fields = {}
    for name, field in form_class.base_fields.items():
        if isinstance(field, forms.BooleanField):
            fields[name] = serializers.BooleanField(required=False)
        elif isinstance(field, forms.ChoiceField):
            fields[name] = serializers.ChoiceField(choices=[c for c, _ in field.choices if c], required=field.required)
        else:
            fields[name] = serializers.CharField(required=field.required)
    return type(serializer_name, (serializers.Serializer,), fields)


ReplyBody = _request_body("ReplyBody", ReplyForm)
ReasonBody = _request_body("ReasonBody", ReasonForm)
ReclassifyBody = _request_body("ReclassifyBody", ReclassifyForm)
MoveBody = _request_body("MoveBody", MoveForm)
CloseBody = _request_body("CloseBody", CloseForm)


INBOX_FILTERS = [
    OpenApiParameter("bucket", str, enum=InboxItem.Bucket.values),
    OpenApiParameter("status", str, enum=InboxItem.Status.values),
    OpenApiParameter("priority", str, enum=InboxItem.Priority.values),
    OpenApiParameter("classification", str),
    OpenApiParameter("q", str, description="A number (4+ digits) or words of the name, business or reply"),
]


class InboxItemViewSet(
    TeamScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Replies to work: classification, priority, the copilot's draft; reply (approved by the caller) and close."""

    queryset = InboxItem.objects.all().order_by("-priority_score", "received_at", "id")
    serializer_class = InboxItemSerializer

    def get_queryset(self):
        if self.action != "list":
            return super().get_queryset()
        return self._filtered()

    def _filtered(self):
        form = InboxFilterForm(self.request.query_params)
        if not form.is_valid():
            raise ValidationError(form.errors)
        return selectors.inbox_item_list(team=self.request.team, **{k: v for k, v in form.cleaned_data.items() if v})

    @extend_schema(parameters=INBOX_FILTERS)
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    def _done(self, item):
        item.refresh_from_db()
        return Response(InboxItemSerializer(item).data)

    @extend_schema(request=ReplyBody, responses={201: MessageSerializer})
    @action(detail=True, methods=["post"])
    def reply(self, request, pk=None, format=None):
        """Send a reply approved by the calling user (``from_suggestion`` marks the copilot's draft as approved)."""
        item = self.get_object()  # another team's item is a 404 before its body is read
        data = _form_data(ReplyForm, request.data)
        message = services.inbox_item_reply(
            item=item, user=request.user, text=data["text"], from_suggestion=data["from_suggestion"]
        )
        return Response(MessageSerializer(message).data, status=201)

    @extend_schema(request=ReasonBody, responses={200: InboxItemSerializer})
    @action(detail=True, methods=["post"], url_path="reject-suggestion")
    def reject_suggestion(self, request, pk=None, format=None):
        """Refuse the copilot's draft with a reason (recorded as WRONG_SUGGESTION); nothing is sent."""
        item = self.get_object()
        data = _form_data(ReasonForm, request.data)
        return self._done(services.inbox_item_suggestion_reject(item=item, user=request.user, reason=data["reason"]))

    @extend_schema(request=ReclassifyBody, responses={200: InboxItemSerializer})
    @action(detail=True, methods=["post"])
    def reclassify(self, request, pk=None, format=None):
        """Correct the classification (recorded as MISCLASSIFICATION); priority and draft follow."""
        item = self.get_object()
        data = _form_data(ReclassifyForm, request.data)
        return self._done(
            services.inbox_item_reclassify(item=item, classification=data["classification"], user=request.user)
        )

    @extend_schema(request=MoveBody, responses={200: InboxItemSerializer})
    @action(detail=True, methods=["post"])
    def move(self, request, pk=None, format=None):
        """Move the item to another bucket (recorded as WRONG_BUCKET)."""
        item = self.get_object()
        data = _form_data(MoveForm, request.data)
        return self._done(services.inbox_item_move(item=item, user=request.user, bucket=data["bucket"]))

    @extend_schema(request=CloseBody, responses={200: InboxItemSerializer})
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None, format=None):
        """Close with a disposition (the lead's close reason); INCOMPLETE_NOTES without one."""
        item = self.get_object()
        data = _form_data(CloseForm, request.data)
        return self._done(
            services.inbox_item_close(
                item=item, user=request.user, disposition=data["disposition"], notes=data["notes"]
            )
        )

    @extend_schema(request=ReasonBody, responses={200: InboxItemSerializer})
    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None, format=None):
        """Reopen a closed conversation."""
        item = self.get_object()
        data = _form_data(ReasonForm, request.data)
        return self._done(services.inbox_item_reopen(item=item, user=request.user, reason=data["reason"]))

    @extend_schema(parameters=INBOX_FILTERS, responses={(200, "text/csv"): OpenApiTypes.STR})
    @action(detail=False, methods=["get"])
    def export(self, request, format=None):
        """The conversations the filters select, with every text of each, as CSV (formula-safe, streamed)."""
        return csv_response(
            header=selectors.CONVERSATION_EXPORT_HEADER,
            rows=selectors.conversation_export_rows(items=self._filtered()),
            filename="conversations.csv",
        )

    @extend_schema(responses={200: InboxEventSerializer(many=True)})
    @action(detail=True, methods=["get"])
    def events(self, request, pk=None, format=None):
        """Everything that happened to the item: who, when, what."""
        return Response(InboxEventSerializer(self.get_object().events.all(), many=True).data)


class AttemptBody(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=list(services.CALL_OUTCOMES))


class CallQueueViewSet(
    TeamScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """People to call, highest priority first, with the worker each is routed to."""

    queryset = CallQueueEntry.objects.filter(status=CallQueueEntry.Status.WAITING).order_by("-priority", "created_at")
    serializer_class = CallQueueEntrySerializer

    @extend_schema(request=AttemptBody, responses={200: CallQueueEntrySerializer})
    @action(detail=True, methods=["post"])
    def attempt(self, request, pk=None, format=None):
        """Log a call that did not reach the person (``no_answer``, ``voicemail``, ``busy``)."""
        entry = self.get_object()
        body = AttemptBody(data=request.data)
        body.is_valid(raise_exception=True)
        entry = services.call_queue_attempt(entry=entry, user=request.user, outcome=body.validated_data["outcome"])
        return Response(CallQueueEntrySerializer(entry).data)

    @extend_schema(request=None, responses={200: CallQueueEntrySerializer})
    @action(detail=True, methods=["post"])
    def take(self, request, pk=None, format=None):
        """Assign the call to the calling user."""
        return Response(
            CallQueueEntrySerializer(services.call_queue_take(entry=self.get_object(), user=request.user)).data
        )


class RatesSerializer(serializers.Serializer):
    delivery = serializers.FloatField(allow_null=True, help_text="delivered / sent")
    failure = serializers.FloatField(allow_null=True, help_text="failed / (sent + failed)")
    reply = serializers.FloatField(allow_null=True, help_text="replied / contacted")
    positive = serializers.FloatField(allow_null=True, help_text="positive / replied")
    opt_out = serializers.FloatField(allow_null=True, help_text="opted_out / contacted")
    wrong_number = serializers.FloatField(allow_null=True, help_text="wrong_number / contacted")
    win = serializers.FloatField(allow_null=True, help_text="won / (won + lost)")


class FirstReplySerializer(serializers.Serializer):
    median_seconds = serializers.IntegerField(allow_null=True)
    mean_seconds = serializers.IntegerField(allow_null=True)
    replies = serializers.IntegerField(help_text="People whose first reply is measured")


class _CountsSerializer(serializers.Serializer):
    sent = serializers.IntegerField(help_text="Campaign texts accepted by the provider (sent or delivered)")
    delivered = serializers.IntegerField(help_text="Texts with a delivery report")
    failed = serializers.IntegerField(help_text="Texts refused by the provider or the carrier")
    replied = serializers.IntegerField(help_text="People who wrote back")
    positive = serializers.IntegerField(help_text="People whose reply was interested, a meeting, an e-mail or a phone")
    opted_out = serializers.IntegerField(help_text="People who opted out")
    wrong_number = serializers.IntegerField(help_text="People who said it is the wrong number")
    won = serializers.IntegerField(help_text="People closed as booked or converted")
    lost = serializers.IntegerField(help_text="People closed as not interested or no response")
    contacted = serializers.IntegerField(help_text="People with at least one text sent")
    rates = RatesSerializer()
    time_to_first_reply = FirstReplySerializer()


class VariantMetricsSerializer(_CountsSerializer):
    variant = serializers.CharField(help_text="A, B, C or D")
    template = serializers.CharField(allow_null=True)
    template_name = serializers.CharField()


class CampaignMetricsSerializer(_CountsSerializer):
    campaign = serializers.CharField()
    variants = VariantMetricsSerializer(many=True)


def _campaign_of(request, pk):
    from django.shortcuts import get_object_or_404

    from campaigns.models import Campaign

    return get_object_or_404(Campaign.objects.for_team(request.team), pk=pk)


class CampaignMetricsView(views.APIView):
    """A campaign's outcome: counts, rates and time to first reply, in total and per A/B variant (inbox/metrics.py)."""

    @extend_schema(responses={200: CampaignMetricsSerializer})
    def get(self, request, pk, format=None):
        return Response(metrics.campaign_metrics(campaign=_campaign_of(request, pk)))


class CampaignResultsExportView(views.APIView):
    """A campaign's results as CSV: one row per person and step, with the text's fate and the reply."""

    @extend_schema(responses={(200, "text/csv"): OpenApiTypes.STR})
    def get(self, request, pk, format=None):
        campaign = _campaign_of(request, pk)
        return csv_response(header=metrics.RESULTS_EXPORT_HEADER, rows=metrics.campaign_results_rows(campaign=campaign),
                            filename=f"{campaign.pk}-results.csv")  # fmt: skip
