"""Reads of stage 6: templates, campaigns with their block, events and leads."""

from django.db.models import Count, Q

from .models import Campaign, CampaignLead, MessageTemplate


def template_list(*, team, active_only: bool = False):
    """Return the team's templates by name."""
    qs = MessageTemplate.objects.for_team(team)
    return qs.filter(is_active=True) if active_only else qs


def campaign_list(*, team, status: str | None = None):
    """Return the team's campaigns, newest first, with counts of their leads by send status."""
    qs = Campaign.objects.for_team(team).select_related("template", "lead_block", "approved_by")
    if status:
        qs = qs.filter(status=status)
    return qs.annotate(
        leads_total=Count("campaign_leads"),
        leads_sent=Count("campaign_leads", filter=Q(campaign_leads__status=CampaignLead.Status.SENT)),
    ).order_by("-created_at")


def campaign_get(*, team, pk: str) -> Campaign:
    """Return one of the team's campaigns or raise DoesNotExist."""
    return Campaign.objects.for_team(team).select_related("template", "lead_block", "approved_by").get(pk=pk)


def campaign_lead_counts(*, campaign: Campaign, step: int = 0) -> dict[str, int]:
    """Return how many of the campaign's leads are in each send status at one step (0: the opener)."""
    counts = dict.fromkeys(CampaignLead.Status.values, 0)
    rows = CampaignLead.objects.filter(campaign=campaign, step=step).values_list("status").annotate(n=Count("id"))
    counts.update(dict(rows))
    return counts


def campaign_step_counts(*, campaign: Campaign) -> dict[int, dict[str, int]]:
    """Return, per follow-up step number, how many of its batch are in each send status."""
    counts: dict[int, dict[str, int]] = {}
    rows = CampaignLead.objects.filter(campaign=campaign, step__gt=0).values_list("step", "status")
    for number, status, n in rows.annotate(n=Count("id")):
        counts.setdefault(number, dict.fromkeys(CampaignLead.Status.values, 0))[status] = n
    return counts


def campaign_steps(*, campaign: Campaign):
    """Return the campaign's follow-up steps in order, with their template and approver."""
    return campaign.steps.select_related("template", "approved_by").order_by("number")


def campaign_leads(*, campaign: Campaign, status: str | None = None, step: int = 0):
    """Return the campaign's leads at one step (0: the opener) with their person and business, best score first."""
    qs = CampaignLead.objects.filter(campaign=campaign, step=step).select_related(
        "lead__persona", "lead__business", "campaign", "template"
    )
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-lead__score", "id")


def campaign_next_send_at(*, campaign: Campaign):
    """Return when the earliest waiting lead may be texted (its quiet hours or a provider pause), or None."""
    from django.db.models import Min

    waiting = CampaignLead.objects.filter(campaign=campaign, status=CampaignLead.Status.PENDING)
    return waiting.aggregate(at=Min("send_after"))["at"]
