"""A campaign ready to send: staged by LUCI, approved by a named operator, status ``sending``."""

from campaigns import services as campaign_services
from campaigns.models import Campaign
from campaigns.tests.factories import MessageTemplateFactory, textable_leads


def sending_campaign(team, approver, count: int = 3, *, start: int = 10, state: str = "TX") -> Campaign:
    """Stage a campaign of ``count`` TX leads and move it to sending without running the send task."""
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
