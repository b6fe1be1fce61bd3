"""Reads of stage 7: messages with their filters, the suppression list."""

from .models import Message, Suppression


def message_list(*, team, status=None, direction=None, campaign=None, number=None):
    """Return the team's messages, newest first, filtered by status, direction, campaign and number."""
    qs = Message.objects.for_team(team).select_related("campaign", "persona", "approved_by")
    if status:
        qs = qs.filter(status=status)
    if direction:
        qs = qs.filter(direction=direction)
    if campaign:
        qs = qs.filter(campaign_id=campaign)
    if number:
        digits = "".join(ch for ch in number if ch.isdigit())[-10:]
        qs = qs.filter(to_number=digits) | qs.filter(from_number=digits)
    return qs.order_by("-created_at", "-id")


def suppression_list(*, team, active_only: bool = True):
    """Return the team's suppression entries, newest first."""
    qs = Suppression.objects.for_team(team).select_related("created_by")
    return qs.filter(lifted_at__isnull=True) if active_only else qs
