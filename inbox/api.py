"""API of stages 8-12: ``/api/v1/inbox-items/`` with the operator's actions, and ``/api/v1/call-queue/``."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, views, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from messaging.api import MessageSerializer
from usdatabiz.core.api import TeamScopedViewSetMixin
from usdatabiz.core.exports import csv_response
from usdatabiz.core.filters import filter_parameters, filter_values
from usdatabiz.core.pagination import (
    CURSOR_PATTERN,
    MAX_LIMIT,
    BoundedLimitOffsetPagination,
    InvalidCursor,
    keyset_page,
)

from . import metrics, selectors, services
from .forms import CloseForm, ConversationFilterForm, InboxFilterForm, MoveForm, ReasonForm, ReclassifyForm, ReplyForm
from .models import CallQueueEntry, Conversation, ConversationEvent, InboxEvent, InboxItem


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
                  "attempts", "last_attempt_at", "callback_at", "correlation_id", "created_at"]  # fmt: skip
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


INBOX_FILTERS = filter_parameters(InboxFilterForm)


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
        return selectors.inbox_item_list(
            team=self.request.team, **filter_values(InboxFilterForm, self.request.query_params)
        )

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
        """Correct the classification (recorded as MISCLASSIFICATION); priority and draft follow. To ``opt_out``, the
        number is suppressed as for a detected opt-out; away from it, it stays suppressed."""
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


# -- conversations -----------------------------------------------------------------------------------------


class DraftSerializer(serializers.Serializer):
    text = serializers.CharField()
    worker = serializers.CharField()
    status = serializers.CharField()


class ConversationSerializer(serializers.ModelSerializer):
    assignee = serializers.SlugRelatedField(slug_field="username", read_only=True)
    draft = DraftSerializer(allow_null=True, read_only=True, help_text="The pending draft, or null")

    class Meta:
        model = Conversation
        fields = [
            "id", "status", "intent", "worker", "assignee", "disposition", "contact_number", "last_message_at",
            "draft", "sender_number", "lead", "persona", "campaign", "priority", "priority_score", "unread",
            "last_inbound_at", "last_outbound_at", "snoozed_until", "closed_at", "created_at",
        ]  # fmt: skip
        read_only_fields = fields


class ConversationEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = ConversationEvent
        fields = ["id", "action", "actor_label", "detail", "created_at"]
        read_only_fields = fields


class ConversationDetailSerializer(ConversationSerializer):
    messages = serializers.SerializerMethodField()
    events = serializers.SerializerMethodField()

    class Meta(ConversationSerializer.Meta):
        fields = [*ConversationSerializer.Meta.fields, "messages", "events"]
        read_only_fields = fields

    @extend_schema_field(MessageSerializer(many=True))
    def get_messages(self, obj):
        return MessageSerializer(selectors.conversation_messages(conversation=obj), many=True).data

    @extend_schema_field(ConversationEventSerializer(many=True))
    def get_events(self, obj):
        return ConversationEventSerializer(obj.events.all(), many=True).data


class AssignBody(serializers.Serializer):
    assignee = serializers.CharField(
        allow_null=True, allow_blank=True, help_text='A username of the team, "me", or null / "" to unassign'
    )


class SnoozeBody(serializers.Serializer):
    until = serializers.DateTimeField(help_text="ISO 8601 time in the future")


class NoteBody(serializers.Serializer):
    text = serializers.CharField(max_length=4000)


class ConversationReplyBody(serializers.Serializer):
    text = serializers.CharField(max_length=640)


class ApproveDraftBody(serializers.Serializer):
    text = serializers.CharField(
        max_length=640, required=False, allow_blank=True, help_text="The draft as edited; omit to send it as drafted"
    )


class ConversationCloseBody(serializers.Serializer):
    disposition = serializers.ChoiceField(choices=list(services.DISPOSITIONS))
    notes = serializers.CharField(required=False, allow_blank=True, max_length=4000)


class ReopenBody(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=500)


class ConversationCursorPagination(BasePagination):
    """Keyset paging of the conversation list: ``?cursor=`` from a page's ``next`` / ``previous`` link and
    ``?limit=``; newest activity first, ties by id. Each page is one query of ``limit + 1`` rows whatever its depth
    (no OFFSET, no count of the whole list), and a conversation with new activity never shifts the pages after it.
    """

    field = "last_message_at"

    def paginate_queryset(self, queryset, request, view=None):
        if "offset" in request.query_params:
            raise ValidationError({"offset": ["This list pages by cursor: follow the next / previous links."]})
        limit = BoundedLimitOffsetPagination().get_limit(request)
        try:
            self.page = keyset_page(queryset, field=self.field, cursor=request.query_params.get("cursor"), size=limit)
        except InvalidCursor as exc:
            raise ValidationError({"cursor": [exc.message]}) from exc
        self.request = request
        return list(self.page)

    def _link(self, cursor):
        return replace_query_param(self.request.build_absolute_uri(), "cursor", cursor) if cursor else None

    def get_paginated_response(self, data):
        return Response(
            {"next": self._link(self.page.next_cursor), "previous": self._link(self.page.previous_cursor),
             "results": data}
        )  # fmt: skip

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "nullable": True, "format": "uri"}
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {"next": link, "previous": link, "results": schema},
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": "cursor",
                "required": False,
                "in": "query",
                "description": "Where the page starts: the cursor of a response's `next` or `previous` link; "
                "omit it for the newest conversations. Anything else than a cursor is a 400 naming `cursor`.",
                "schema": {"type": "string", "pattern": CURSOR_PATTERN},
            },
            {
                "name": "limit",
                "required": False,
                "in": "query",
                "description": f"Number of results per page (1 or more; more than {MAX_LIMIT} is clamped to "
                f"{MAX_LIMIT}). Default {BoundedLimitOffsetPagination.default_limit}.",
                "schema": {"type": "integer", "minimum": 1},
            },
        ]


def _body(serializer_class, data):
    body = serializer_class(data=data)
    body.is_valid(raise_exception=True)
    return body.validated_data


class ConversationViewSet(
    TeamScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """One thread per contact: its status, intent, worker, assignee and pending draft; the operator's actions.

    The inbox-item routes (``/api/v1/inbox-items/``) keep working: an item is one inbound text of a conversation.
    """

    queryset = Conversation.objects.all().order_by("-last_message_at", "-id")
    serializer_class = ConversationSerializer
    pagination_class = ConversationCursorPagination

    def get_queryset(self):
        if self.action != "list":
            return super().get_queryset().select_related("assignee", "latest_item", "draft_item")
        filters = filter_values(ConversationFilterForm, self.request.query_params)
        return selectors.conversation_list(team=self.request.team, user=self.request.user, **filters)

    def get_serializer_class(self):
        return ConversationDetailSerializer if self.action == "retrieve" else ConversationSerializer

    @extend_schema(parameters=filter_parameters(ConversationFilterForm))
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    def _done(self, conversation):
        conversation.refresh_from_db()
        return Response(ConversationSerializer(conversation).data)

    @extend_schema(request=AssignBody, responses={200: ConversationSerializer})
    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None, format=None):
        """Assign to a person of the team ("me" for the caller), or unassign with null."""
        from django.contrib.auth import get_user_model

        conversation = self.get_object()
        name = _body(AssignBody, request.data).get("assignee")
        user = None
        if name == "me":
            user = request.user
        elif name:
            user = get_user_model().objects.filter(username=name, memberships__team=request.team).first()
            if user is None:
                raise services.InboxError("NOT_A_MEMBER", f"No one called {name!r} is in this team.")
        return self._done(services.conversation_assign(conversation=conversation, user=request.user, assignee=user))

    @extend_schema(request=SnoozeBody, responses={200: ConversationSerializer})
    @action(detail=True, methods=["post"])
    def snooze(self, request, pk=None, format=None):
        """Put aside until a time; it comes back then, or when the contact texts."""
        conversation = self.get_object()
        until = _body(SnoozeBody, request.data)["until"]
        return self._done(services.conversation_snooze(conversation=conversation, user=request.user, until=until))

    @extend_schema(request=NoteBody, responses={201: ConversationEventSerializer})
    @action(detail=True, methods=["post"])
    def note(self, request, pk=None, format=None):
        """A private note for the team (never sent)."""
        conversation = self.get_object()
        event = services.conversation_note(
            conversation=conversation, user=request.user, text=_body(NoteBody, request.data)["text"]
        )
        return Response(ConversationEventSerializer(event).data, status=201)

    @extend_schema(request=ConversationReplyBody, responses={201: MessageSerializer})
    @action(detail=True, methods=["post"])
    def reply(self, request, pk=None, format=None):
        """Send the caller's own reply (approved by the caller); a pending draft is set aside."""
        conversation = self.get_object()
        text = _body(ConversationReplyBody, request.data)["text"]
        message = services.conversation_reply(conversation=conversation, user=request.user, text=text)
        return Response(MessageSerializer(message).data, status=201)

    @extend_schema(request=ApproveDraftBody, responses={201: MessageSerializer})
    @action(detail=True, methods=["post"], url_path="approve-draft")
    def approve_draft(self, request, pk=None, format=None):
        """Approve the pending draft (as drafted, or with ``text`` as edited) and send it."""
        conversation = self.get_object()
        text = _body(ApproveDraftBody, request.data).get("text") or ""
        message = services.conversation_reply(conversation=conversation, user=request.user, text=text, from_draft=True)
        return Response(MessageSerializer(message).data, status=201)

    @extend_schema(request=ConversationCloseBody, responses={200: ConversationSerializer})
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None, format=None):
        """Close with a disposition; pending drafts are set aside."""
        conversation = self.get_object()
        data = _body(ConversationCloseBody, request.data)
        return self._done(
            services.conversation_close(
                conversation=conversation, user=request.user, disposition=data["disposition"],
                notes=data.get("notes", ""),
            )
        )  # fmt: skip

    @extend_schema(request=ReopenBody, responses={200: ConversationSerializer})
    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None, format=None):
        """Reopen a closed conversation."""
        conversation = self.get_object()
        reason = _body(ReopenBody, request.data).get("reason", "")
        return self._done(services.conversation_reopen(conversation=conversation, user=request.user, reason=reason))
