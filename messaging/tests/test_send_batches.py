"""Campaign sends go by batches (``SMS_SEND_BATCH``): one transaction checks and claims a batch, each claimed text
is sent once, one transaction records the outcomes. Every send-time check still refuses inside a batch."""

import pytest

from campaigns.models import CampaignLead
from messaging import services
from messaging.models import Message, SendSlice
from messaging.sms import SandboxSms

DAY = "2026-12-01T17:00:00Z"  # 11:00 in Austin, 07:00 in Honolulu


@pytest.fixture(autouse=True)
def _daytime(time_machine):
    time_machine.move_to(DAY)


class CountingSandbox(SandboxSms):
    """The sandbox, remembering every number it was asked to text (the provider's side of "exactly once")."""

    def __init__(self, *args, fail_after: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.texted: list[str] = []
        self.fail_after = fail_after

    def send_sms(self, **kwargs):
        if self.fail_after is not None and len(self.texted) >= self.fail_after:
            raise RuntimeError("the worker died mid-batch")
        self.texted.append(kwargs["recipient"])
        return super().send_sms(**kwargs)


def _leads(campaign) -> list[CampaignLead]:
    return list(CampaignLead.objects.filter(campaign=campaign).select_related("phone", "lead__persona").order_by("pk"))


def test_every_lead_is_texted_exactly_once_across_batches_and_repeated_slices(team, operator, settings):
    from messaging.tests.factories import sending_campaign

    settings.SMS_SEND_BATCH = 3
    campaign = sending_campaign(team, operator, 8)
    provider = CountingSandbox()

    first = services.campaign_send_slice(campaign_id=campaign.pk, provider=provider)
    services.campaign_send_slice(campaign_id=campaign.pk, provider=provider)  # nothing is left to send

    numbers = [cl.phone_number for cl in _leads(campaign)]
    assert sorted(provider.texted) == sorted(numbers)  # each number once, none twice
    assert Message.objects.filter(campaign=campaign).count() == 8
    assert first["sent"] + first["failed"] == 8
    by_lead = Message.objects.filter(campaign=campaign).values_list("campaign_lead_id", flat=True)
    assert len(set(by_lead)) == 8
    sent = Message.objects.filter(campaign=campaign, status="sent")
    assert set(CampaignLead.objects.filter(messages__in=sent).values_list("status", flat=True)) == {"sent"}
    assert set(sent.values_list("lead__status", flat=True)) == {"contacted"}


def test_a_worker_dying_after_the_claim_never_texts_anyone_twice(team, operator, settings):
    from messaging.tests.factories import sending_campaign

    settings.SMS_SEND_BATCH = 5
    campaign = sending_campaign(team, operator, 5)
    dying = CountingSandbox(fail_after=2)

    with pytest.raises(RuntimeError):
        services.campaign_send_slice(campaign_id=campaign.pk, provider=dying)
    # the dead worker's slice is handed on (the sweeper's part, tested with real clusters in test_kill_send.py)
    SendSlice.objects.filter(campaign=campaign, state="running").update(state="failed")
    after = CountingSandbox()
    services.campaign_send_slice(campaign_id=campaign.pk, provider=after)

    assert len(dying.texted) == 2
    assert not set(after.texted) & set(dying.texted)  # the two that left are not sent again
    # each text is claimed just before its provider call: the one in flight when the worker died is held (its
    # outcome is unknown), the two the dead worker never claimed go out from the next slice, once
    held = Message.objects.filter(campaign=campaign, status="held")
    assert [m.error_code for m in held] == ["OUTCOME_UNKNOWN"]
    assert held[0].to_number not in set(after.texted) | set(dying.texted)
    assert len(after.texted) == 2
    assert not Message.objects.filter(campaign=campaign, status__in=["sending", "queued"]).exists()
    assert Message.objects.filter(campaign=campaign).count() == 5  # one per person, whatever happened
    assert list(CampaignLead.objects.filter(campaign=campaign, skip_code="HELD").values_list("status", flat=True)) == [
        "pending"
    ]


def test_each_send_time_check_refuses_inside_one_batch(team, operator, settings):
    from messaging.tests.factories import sending_campaign

    settings.SMS_SEND_BATCH = 50
    campaign = sending_campaign(team, operator, 7)
    leads = _leads(campaign)
    services.suppression_add(team=team, number=leads[0].phone_number, reason="opt_out")
    persona = leads[1].lead.persona
    persona.do_not_contact = True
    persona.save()
    leads[2].phone.phone_type = "landline"
    leads[2].phone.save()
    leads[3].phone.do_not_call = True
    leads[3].phone.save()
    hawaii = leads[4].lead
    for record in (hawaii.business, hawaii.persona):
        if record is not None:
            record.state, record.zip5 = "HI", "96813"  # Honolulu: the ZIP decides the zone first
            record.save()
    provider = CountingSandbox()

    counts = services.campaign_send_slice(campaign_id=campaign.pk, provider=provider)

    expected = ["OPTED_OUT", "DO_NOT_CONTACT", "LANDLINE_BLOCKED", "DNC_BLOCKED"]
    for cl, code in zip(leads[:4], expected, strict=True):
        cl.refresh_from_db()
        assert (cl.status, cl.skip_code) == ("skipped", code)
        assert Message.objects.get(campaign_lead=cl).status == "blocked"
    leads[4].refresh_from_db()
    assert (leads[4].status, leads[4].skip_code) == ("pending", "QUIET_HOURS")  # 07:00 in Honolulu: it waits
    assert leads[4].send_after is not None
    assert not Message.objects.filter(campaign_lead=leads[4]).exists()
    assert sorted(provider.texted) == sorted(cl.phone_number for cl in leads[5:])
    assert (counts["skipped"], counts["deferred"]) == (4, 1)


def test_a_campaign_paused_after_the_claim_sends_no_more(team, operator, settings, monkeypatch):
    from campaigns.models import Campaign
    from campaigns.services import campaign_transition
    from messaging.tests.factories import sending_campaign

    settings.SMS_SEND_BATCH = 6
    campaign = sending_campaign(team, operator, 6)
    provider = CountingSandbox()
    real = provider.send_sms

    def pause_after_first(**kwargs):
        result = real(**kwargs)
        if len(provider.texted) == 1:
            campaign_transition(campaign=campaign, to=Campaign.Status.PAUSED, actor=operator, note="hold on")
        return result

    monkeypatch.setattr(provider, "send_sms", pause_after_first)

    services.campaign_send_slice(campaign_id=campaign.pk, provider=provider)

    assert len(provider.texted) == 1
    assert Message.objects.filter(campaign=campaign).count() == 1  # the five claimed but unsent are gone
    assert CampaignLead.objects.filter(campaign=campaign, status="pending").count() == 5
