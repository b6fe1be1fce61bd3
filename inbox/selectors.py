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
