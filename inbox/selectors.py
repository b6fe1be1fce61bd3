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
