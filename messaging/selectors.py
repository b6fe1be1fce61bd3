"""Reads of stage 7: messages with their filters, the suppression list."""

from .models import Message, ProviderWebhook, SenderNumber, Suppression


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


def sender_number_list(*, team, status: str | None = None):
    """Return the team's numbers, active first."""
    qs = SenderNumber.objects.for_team(team).select_related("created_by")
    return qs.filter(status=status) if status else qs.order_by("status", "number")


def sender_number_gate(team_id: str) -> tuple[str, str] | None:
    """Refuse to start a campaign for a team with no active number to text from (the journey's stage-6 gate)."""
    if SenderNumber.objects.filter(team_id=team_id, status=SenderNumber.Status.ACTIVE).exists():
        return None
    return (
        "NO_SENDER_NUMBER",
        "The team has no active sender number: add one in Messages → Sending settings before staging a campaign.",
    )


def provider_account_id(team, provider: str) -> str:
    """The provider group (account) id the team registered its webhook under, or ''."""
    team_id = getattr(team, "pk", team)
    row = ProviderWebhook.objects.filter(team_id=team_id, provider=provider).values_list("group_id", flat=True)
    return row.first() or ""
