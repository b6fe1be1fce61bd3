"""An inbox item as operators meet it: a real reply, through the signed webhook, to a real opener."""

from inbox.models import InboxItem
from inbox.services import webhook_receive
from messaging import services as messaging
from messaging.models import Message
from messaging.signalhouse import sandbox_inbound_event
from messaging.sms import SandboxSms, webhook_secrets
from messaging.tests.factories import sending_campaign


def replied_item(team, approver, text: str, *, count: int = 1, start: int = 10) -> InboxItem:
    """Send a campaign's openers (sandbox) and let the first person answer ``text``. Pin the clock first."""
    campaign = sending_campaign(team, approver, count, start=start)
    messaging.campaign_send_slice(campaign_id=campaign.pk, provider=SandboxSms())
    opener = Message.objects.filter(campaign=campaign, status="sent").order_by("pk").first()
    headers, body = sandbox_inbound_event(opener.to_number, opener.from_number, text, webhook_secrets("signalhouse")[0])
    status, record = webhook_receive(headers=headers, raw_body=body)
    assert status == 200, record.detail
    return InboxItem.objects.get(message__metadata__webhookId=record.pk)
