"""A STOP (or an unclear reply held for review) that arrives while a campaign batch is sending stops the texts of
that batch not yet sent to that number: the check is read again at each text's claim, not from the batch's start."""

import pytest
from django.urls import reverse

from campaigns.models import CampaignLead
from messaging import services
from messaging.models import Message
from messaging.signalhouse import sandbox_inbound_event
from usdatabiz.core.models import StageFailure

from .factories import OURS, sending_campaign
from .test_send_batches import CountingSandbox

SECRET = "test-signing-secret"


@pytest.fixture(autouse=True)
def _daytime(time_machine, settings):
    settings.SIGNALHOUSE_WEBHOOK_SECRET = SECRET
    time_machine.move_to("2026-12-01T17:00:00Z", tick=True)  # 11:00 in Austin


class ReplyDuringSend(CountingSandbox):
    """The sandbox; while it sends the first text, the person of ``number`` replies ``text`` through the webhook."""

    def __init__(self, client, number: str, text: str):
        super().__init__()
        self.client, self.number, self.text = client, number, text

    def send_sms(self, **kwargs):
        result = super().send_sms(**kwargs)
        if len(self.texted) == 1:
            headers, body = sandbox_inbound_event(self.number, OURS, self.text, SECRET)
            extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items()}
            response = self.client.post(
                reverse("webhook-signalhouse"), data=body, content_type="application/json", **extra
            )
            assert response.status_code == 200
        return result


@pytest.mark.parametrize(
    ("text", "code"), [("STOP", "OPTED_OUT"), ("how many times do I have to get these", "OPT_OUT_REVIEW")]
)
def test_a_reply_arriving_mid_batch_blocks_that_numbers_text_in_the_same_batch(
    client, team, operator, settings, text, code
):
    # given one batch of 3 leads; the third person replies while the first text is with the provider
    settings.SMS_SEND_BATCH = 50
    campaign = sending_campaign(team, operator, 3)
    leads = list(CampaignLead.objects.filter(campaign=campaign).order_by("pk"))
    provider = ReplyDuringSend(client, leads[2].phone_number, text)

    # when the slice is sent (the batch's checks were read before the reply came)
    counts = services.campaign_send_slice(campaign_id=campaign.pk, provider=provider)

    # then the third person is not texted: their text is blocked with the code, their lead skipped
    assert provider.texted == [leads[0].phone_number, leads[1].phone_number]
    message = Message.objects.get(campaign_lead=leads[2])
    assert (message.status, message.error_code) == ("blocked", code)
    leads[2].refresh_from_db()
    assert (leads[2].status, leads[2].skip_code) == ("skipped", code)
    assert StageFailure.objects.filter(stage=7, code=code, subject_id=message.pk).count() == 1
    assert (counts["sent"], counts["skipped"]) == (2, 1)


def test_another_teams_stop_mid_batch_does_not_stop_our_text(client, team, other_team, operator, outsider, settings):
    settings.SMS_SEND_BATCH = 50
    campaign = sending_campaign(team, operator, 2)
    leads = list(CampaignLead.objects.filter(campaign=campaign).order_by("pk"))

    class OtherTeamStops(CountingSandbox):
        def send_sms(self, **kwargs):
            result = super().send_sms(**kwargs)
            services.suppression_add(team=other_team, number=leads[1].phone_number, reason="opt_out")
            return result

    provider = OtherTeamStops()
    services.campaign_send_slice(campaign_id=campaign.pk, provider=provider)

    assert provider.texted == [leads[0].phone_number, leads[1].phone_number]
