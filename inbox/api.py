"""API of stages 8-12: ``/api/v1/inbox-items/`` with the operator's actions, and ``/api/v1/call-queue/``."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from messaging.api import MessageSerializer
from usdatabiz.core.api import TeamScopedViewSetMixin

from . import selectors, services
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


class InboxItemViewSet(
    TeamScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Replies to work: classification, priority, the copilot's draft; reply (approved by the caller) and close."""

    queryset = InboxItem.objects.all().order_by("-priority_score", "received_at", "id")
    serializer_class = InboxItemSerializer

    def get_queryset(self):
        if self.action != "list":
            return super().get_queryset()
        form = InboxFilterForm(self.request.query_params)
        if not form.is_valid():
            raise ValidationError(form.errors)
        return selectors.inbox_item_list(team=self.request.team, **{k: v for k, v in form.cleaned_data.items() if v})

    @extend_schema(
        parameters=[
            OpenApiParameter("bucket", str, enum=InboxItem.Bucket.values),
            OpenApiParameter("status", str, enum=InboxItem.Status.values),
            OpenApiParameter("priority", str, enum=InboxItem.Priority.values),
            OpenApiParameter("classification", str),
            OpenApiParameter("q", str, description="A number (4+ digits) or words of the name, business or reply"),
        ]
    )
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
