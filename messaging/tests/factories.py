"""Factories of stage 7: a team's sender number, a campaign ready to send (staged by LUCI, approved by a named
operator, status ``sending``)."""

import factory

from campaigns import services as campaign_services
from campaigns.models import Campaign
from campaigns.tests.factories import MessageTemplateFactory, textable_leads

from ..models import SenderNumber

OURS = "5125550100"  # the number a test team texts from unless it says otherwise


class SenderNumberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SenderNumber

    number = OURS
    provider = "sandbox"
    status = SenderNumber.Status.ACTIVE


def sender_number_for(team, number: str | None = None, **fields) -> SenderNumber:
    """The team's number ``number`` (created when the team does not hold it yet); without one, ``OURS`` or, when
    another team holds that, the next free 512-555-01XX number."""
    if number is None:
        held = set(SenderNumber.objects.exclude(team=team).values_list("number", flat=True))
        number = next(n for n in (f"5125550{tail}" for tail in range(100, 200)) if n not in held)
    found = SenderNumber.objects.filter(team=team, number=number).first()
    return found or SenderNumberFactory(team=team, number=number, **fields)


def sending_campaign(team, approver, count: int = 3, *, start: int = 10, state: str = "TX") -> Campaign:
    """Stage a campaign of ``count`` TX leads and move it to sending without running the send task (the team gets
    the number ``OURS`` when it has no active one)."""
    if not SenderNumber.objects.filter(team=team, status=SenderNumber.Status.ACTIVE).exists():
        sender_number_for(team)
    textable_leads(team, count, start=start, state=state)
    campaign = campaign_services.campaign_create(
        team=team, name="Opener", template=MessageTemplateFactory(team=team), allow_partial_block=True,
        sender_name="Sam",
    )  # fmt: skip
    campaign = campaign_services.campaign_stage(campaign=campaign)
    assert campaign.status == "staged", campaign.error_message
    campaign_services.campaign_transition(
        campaign=campaign, to=Campaign.Status.APPROVED, actor=approver, approved_by=approver
    )
    return campaign_services.campaign_transition(campaign=campaign, to=Campaign.Status.SENDING, actor="SYSTEM")
