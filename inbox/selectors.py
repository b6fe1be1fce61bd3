"""Reads of stages 8-12: the operator inbox, one conversation, the call queue."""

from django.db.models import Count, Q

from messaging.models import Message

from .models import CallQueueEntry, InboxItem


def inbox_item_list(*, team, bucket=None, status=None, priority=None, classification=None, q=None):
    """Return the team's inbox items, hottest first, then the oldest waiting; ``q`` finds a number or a name."""
    qs = InboxItem.objects.for_team(team).select_related("lead__persona", "lead__business", "campaign")
    if q:
        digits = "".join(ch for ch in q if ch.isdigit())
        found = Q(lead__persona__last_name__icontains=q) | Q(lead__persona__first_name__icontains=q)
        found |= Q(lead__business__name__icontains=q) | Q(response_text__icontains=q)
        if len(digits) >= 4:
            found |= Q(phone_number__contains=digits[-10:])
        qs = qs.filter(found)
    if bucket:
        qs = qs.filter(bucket=bucket)
    if status:
        qs = qs.filter(status=status)
    if priority:
        qs = qs.filter(priority=priority)
    if classification:
        qs = qs.filter(classification=classification)
    return qs.order_by("-priority_score", "received_at", "id")


def inbox_counts(*, team) -> dict[str, int]:
    """Return the number of open items per bucket (and of closed ones)."""
    rows = InboxItem.objects.for_team(team).aggregate(
        reply=Count("id", filter=Q(bucket="reply", status="open")),
        call=Count("id", filter=Q(bucket="call", status="open")),
        review=Count("id", filter=Q(bucket="review") & ~Q(status="processed")),
        done=Count("id", filter=Q(status="processed")),
    )
    return rows


def inbox_item_get(*, team, pk: str) -> InboxItem:
    """Return one of the team's inbox items or raise DoesNotExist."""
    return (
        InboxItem.objects.for_team(team)
        .select_related("message", "lead__persona", "lead__business", "campaign", "processed_by")
        .get(pk=pk)
    )


def conversation(*, item: InboxItem):
    """Return every text between the team and this number, oldest first."""
    number = item.phone_number
    return (
        Message.objects.for_team(item.team_id)
        .filter(Q(to_number=number, direction="outbound") | Q(from_number=number, direction="inbound"))
        .select_related("approved_by")
        .order_by("created_at", "id")
    )


def call_queue(*, team, status=CallQueueEntry.Status.WAITING):
    """Return the team's call queue, highest priority first."""
    return (
        CallQueueEntry.objects.for_team(team)
        .filter(status=status)
        .select_related("item", "lead__persona", "lead__business", "assigned_to")
        .order_by("-priority", "created_at")
    )


CONVERSATION_EXPORT_HEADER = [
    "conversation", "phone_number", "person", "business", "campaign", "classification", "disposition", "status",
    "message", "direction", "kind", "message_status", "at", "approved_by", "text",
]  # fmt: skip


def conversation_export_rows(*, items):
    """Yield one CSV row per text of each conversation among ``items`` (a filtered inbox list), oldest first.

    A conversation is every text between the team and one number; its columns come from the number's latest
    inbox item. Two queries, streamed in chunks, however many conversations.
    """
    from django.db.models import Case, F, When

    latest = {}
    for item in items.order_by("received_at").values(
        "pk", "team_id", "phone_number", "lead__persona__first_name", "lead__persona__last_name",
        "lead__business__name", "campaign_id", "classification", "disposition", "status",
    ).iterator(chunk_size=2000):  # fmt: skip
        latest[item["phone_number"]] = item
    if not latest:
        return
    team_id = next(iter(latest.values()))["team_id"]
    numbers = items.values("phone_number")
    texts = (
        Message.objects.filter(team_id=team_id)
        .filter(Q(direction="outbound", to_number__in=numbers) | Q(direction="inbound", from_number__in=numbers))
        .annotate(number=Case(When(direction="outbound", then=F("to_number")), default=F("from_number")))
        .order_by("number", "created_at", "id")
        .values_list("number", "pk", "direction", "kind", "status", "created_at", "approved_by__username", "body")
    )
    for number, pk, direction, kind, status, at, approver, body in texts.iterator(chunk_size=2000):
        item = latest[number]
        person = f"{item['lead__persona__first_name'] or ''} {item['lead__persona__last_name'] or ''}".strip()
        yield [
            item["pk"], number, person, item["lead__business__name"] or "", item["campaign_id"] or "",
            item["classification"], item["disposition"], item["status"], pk, direction, kind, status,
            at.isoformat(), approver or "", body,
        ]  # fmt: skip


# -- conversations ----------------------------------------------------------------------------------------

CONVERSATION_BUCKETS = {
    "open": "Waiting on us",
    "mine": "Mine",
    "unassigned": "Unassigned",
    "waiting": "Waiting on them",
    "snoozed": "Snoozed",
    "closed": "Closed",
    "all": "All",
}


def conversation_list(
    *, team, user=None, bucket=None, status=None, assignee=None, intent=None, campaign=None, contact_number=None,
    q=None,
):  # fmt: skip
    """The team's conversations, newest activity first, with what the list shows joined in (a constant number of
    queries whatever the page). ``assignee`` is a username, "me" or "none"; ``bucket`` one of CONVERSATION_BUCKETS
    ("mine" and "unassigned" are open conversations)."""
    from .models import Conversation

    qs = Conversation.objects.for_team(team).select_related("assignee", "lead__persona", "lead__business", "campaign")
    open_statuses = [Conversation.Status.OPEN]
    if bucket in ("open", "mine", "unassigned"):
        qs = qs.filter(status__in=open_statuses)
    elif bucket in ("waiting", "snoozed", "closed"):
        qs = qs.filter(status=bucket)
    if bucket == "mine":
        qs = qs.filter(assignee=user)
    elif bucket == "unassigned":
        qs = qs.filter(assignee__isnull=True)
    if status:
        qs = qs.filter(status=status)
    if assignee == "me":
        qs = qs.filter(assignee=user)
    elif assignee == "none":
        qs = qs.filter(assignee__isnull=True)
    elif assignee:
        qs = qs.filter(assignee__username=assignee)
    if intent:
        qs = qs.filter(intent=intent)
    if campaign:
        qs = qs.filter(campaign_id=campaign)
    if contact_number:
        digits = "".join(ch for ch in contact_number if ch.isdigit())[-10:]
        qs = qs.filter(contact_number=digits)
    if q:
        digits = "".join(ch for ch in q if ch.isdigit())
        found = Q(lead__persona__last_name__icontains=q) | Q(lead__persona__first_name__icontains=q)
        found |= Q(lead__business__name__icontains=q) | Q(last_text__icontains=q)
        found |= Q(items__response_text__icontains=q) | Q(lead__business__dba__icontains=q)
        words = q.split()
        if len(words) >= 2:  # "Robin Diaz": a first and a last name
            found |= Q(lead__persona__first_name__icontains=words[0], lead__persona__last_name__icontains=words[-1])
        if len(digits) >= 4:
            found |= Q(contact_number__contains=digits[-10:])
        qs = qs.filter(pk__in=Conversation.objects.for_team(team).filter(found).values("pk"))
    return qs.order_by("-last_message_at", "-id")


COUNT_CAP = 999


def conversation_counts(*, team, user=None) -> dict:
    """How many conversations each bucket holds, and how many unread texts wait, in one query of bounded cost.

    Each bucket is counted up to ``COUNT_CAP`` on its index (a busy team sees "999+", as in other inboxes) so the
    list costs the same with 1,000 or 1,000,000 open conversations; ``over`` names the buckets past the cap.
    """
    from django.db import connection

    from .models import Conversation

    mine = Q(status="open", assignee=user) if user is not None else Q(pk__isnull=True)
    scoped = Conversation.objects.for_team(team)
    parts = {
        "open": scoped.filter(status="open").values("pk"),
        "mine": scoped.filter(mine).values("pk"),
        "unassigned": scoped.filter(status="open", assignee__isnull=True).values("pk"),
        "waiting": scoped.filter(status="waiting").values("pk"),
        "snoozed": scoped.filter(status="snoozed").values("pk"),
        "unread": scoped.filter(unread__gt=0).exclude(status="closed").values("unread"),
    }
    columns, params = [], []
    for name, qs in parts.items():
        sql, args = qs.order_by()[: COUNT_CAP + 1].query.sql_with_params()
        columns.append(f"(SELECT COUNT(*) FROM ({sql}) AS {name}_rows)")
        params += args
        if name == "unread":  # the texts, over the conversations that have any
            columns.append(f"(SELECT COALESCE(SUM(unread), 0) FROM ({sql}) AS {name}_texts)")
            params += args
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(columns), params)
        row = cursor.fetchone()
    counts = {name: min(int(value or 0), COUNT_CAP) for name, value in zip(parts, row, strict=False)}
    over = [name for name, value in zip(parts, row, strict=False) if (value or 0) > COUNT_CAP]
    counts["unread"] = int(row[-1] or 0)
    counts["over"] = over
    return counts


def conversation_get(*, team, pk: str):
    """One of the team's conversations or raise DoesNotExist."""
    from .models import Conversation

    return (
        Conversation.objects.for_team(team)
        .select_related("assignee", "lead__persona", "lead__business", "campaign", "latest_item", "draft_item")
        .get(pk=pk)
    )


def conversation_messages(*, conversation):
    """The texts of a conversation, oldest first."""
    return (
        Message.objects.filter(conversation_link__conversation=conversation)
        .select_related("approved_by")
        .order_by("created_at", "id")
    )


def contact_timeline(*, conversation, limit: int = 200) -> list[dict]:
    """One timeline of the contact, newest last: the source rows they came from, merges, skip traces, every text
    (of every conversation with the team), calls, notes, state changes and dispositions."""
    from identity.models import PersonaMergeHistory
    from usdatabiz.core.models import StateTransition
    from usdatabiz.core.times import when

    from .models import CallQueueEntry, Conversation, ConversationEvent, InboxEvent

    team_id, number = conversation.team_id, conversation.contact_number
    events: list[dict] = []
    persona = conversation.lead.persona if conversation.lead_id and conversation.lead else None
    if persona is not None:
        source = getattr(persona, "source_file", "") or ""
        row = getattr(persona, "source_record_id", "") or ""
        if source or row:
            events.append({"at": persona.created_at, "kind": "source", "text": f"Loaded from {source} row {row}"})
        merges = PersonaMergeHistory.objects.filter(team_id=team_id).filter(
            Q(survivor_id=persona.pk) | Q(merged_id=persona.pk)
        )
        for merge in merges.order_by("-created_at")[:20]:
            events.append({"at": merge.created_at, "kind": "merge", "text": f"{merge.action} ({merge.merged_by})"})
        lead = conversation.lead
        if getattr(lead, "traced_at", None):
            events.append({"at": lead.traced_at, "kind": "skip_trace", "text": "Skip traced"})
    texts = (
        Message.objects.filter(team_id=team_id)
        .filter(Q(to_number=number, direction="outbound") | Q(from_number=number, direction="inbound"))
        .order_by("-created_at")
        .values("created_at", "direction", "kind", "body", "status")[:limit]
    )
    for m in texts:
        arrow = "←" if m["direction"] == "inbound" else "→"
        events.append({"at": m["created_at"], "kind": f"text_{m['direction']}", "text": f"{arrow} {m['body']}"})
    conversations = Conversation.objects.filter(team_id=team_id, contact_number=number)
    for call in CallQueueEntry.objects.filter(team_id=team_id, phone_number=number).order_by("-created_at")[:20]:
        callback = f" (call back {when(call.callback_at)})" if call.callback_at else ""
        events.append(
            {"at": call.created_at, "kind": "call", "text": f"Call queued for {call.assigned_worker}{callback}"}
        )
    tries = InboxEvent.objects.filter(team_id=team_id, item__conversation__in=conversations, action="call_attempt")
    for ev in tries.order_by("-created_at")[:20]:
        outcome = (ev.detail.get("outcome") or "").replace("_", " ")
        events.append({"at": ev.created_at, "kind": "call", "text": f"{ev.actor_label} called: {outcome}"})
    for ev in ConversationEvent.objects.filter(conversation__in=conversations, action__in=["note", "intent_changed"]):
        text = ev.detail.get("text") if ev.action == "note" else ev.detail.get("why")
        events.append({"at": ev.created_at, "kind": ev.action, "text": f"{ev.actor_label}: {text}"})
    ids = [str(pk) for pk in conversations.values_list("pk", flat=True)]
    for st in StateTransition.objects.filter(subject_type="inbox.conversation", subject_id__in=ids):
        text = f"{st.from_state} → {st.to_state} by {st.actor_label}" + (f" ({st.reason})" if st.reason else "")
        events.append(
            {"at": st.created_at, "kind": "disposition" if st.to_state == "closed" else "state", "text": text}
        )
    events.sort(key=lambda e: e["at"])
    return events[-limit:]
