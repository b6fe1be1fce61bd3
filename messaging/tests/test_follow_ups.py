"""Follow-up steps: due after N days without a reply, a named person approves each batch, one text per step."""

from datetime import datetime

import pytest
from django.urls import reverse

from campaigns import services as campaign_services
from campaigns.models import Campaign, CampaignLead, CampaignStep
from campaigns.tests.factories import MessageTemplateFactory, textable_leads
from conftest import api_client_for
from inbox.services import sandbox_reply
from leads.models import Lead
from messaging import services as messaging
from messaging.followups import campaign_step_due_at, campaign_steps_stage_due
from messaging.models import Message, MessagingSettings, Suppression
from messaging.tests.factories import sender_number_for
from usdatabiz.core.errors import DomainError

NUDGE = "Hi {first_name}, just checking in. Reply STOP to opt out."


@pytest.fixture
def sent(team, operator, time_machine):
    """Four Texans texted at 11:00 on 1 Dec, with a follow-up after 3 days and another after 2 more."""
    time_machine.move_to("2026-12-01T17:00:00Z")
    MessagingSettings.objects.update_or_create(team=team, defaults={"quiet_start_hour": 8, "quiet_end_hour": 21})
    sender_number_for(team)
    textable_leads(team, 4, start=10)
    opener = MessageTemplateFactory(team=team, name="Opener")
    campaign = campaign_services.campaign_create(
        team=team, name="Spring", template=opener, allow_partial_block=True,
        steps=[(3, MessageTemplateFactory(team=team, name="Nudge", body=NUDGE)),
               (2, MessageTemplateFactory(team=team, name="Last", body="Last one. Reply STOP to opt out."))],
    )  # fmt: skip
    campaign = campaign_services.campaign_stage(campaign=campaign)
    campaign_services.campaign_approve(campaign=campaign, user=operator)
    campaign.refresh_from_db()
    return campaign


def _about(moment, expected: str) -> bool:
    """The clock ticks while a test runs (slower on PostgreSQL): within half a minute of ``expected``."""
    return abs((moment - datetime.fromisoformat(expected)).total_seconds()) < 30


def _numbers(campaign, step=0):
    return list(
        CampaignLead.objects.filter(campaign=campaign, step=step)
        .order_by("phone_number")
        .values_list("phone_number", flat=True)
    )


def test_after_the_openers_the_campaign_waits_for_its_first_step(sent):
    assert sent.status == Campaign.Status.SENDING  # not completed: a follow-up is planned
    assert Message.objects.filter(campaign=sent, status="sent").count() == 4
    step = sent.steps.get(number=1)
    assert step.status == CampaignStep.Status.PLANNED
    assert _about(campaign_step_due_at(step=step), "2026-12-04T17:00:00Z")  # 3 days after the last opener
    assert campaign_steps_stage_due() == 0  # not due yet: nothing formed


def test_a_due_step_holds_only_people_who_did_not_reply_opt_out_or_get_closed(team, operator, sent, time_machine):
    replier, opted_out, closed, waiting = _numbers(sent)
    sandbox_reply(team=team, from_number=replier, text="Who is this?")
    sandbox_reply(team=team, from_number=opted_out, text="STOP")
    lead = CampaignLead.objects.get(campaign=sent, phone_number=closed).lead
    Lead.objects.filter(pk=lead.pk).update(status=Lead.Status.LOST)

    time_machine.move_to("2026-12-04T17:05:00Z")
    assert campaign_steps_stage_due() == 1

    step = sent.steps.get(number=1)
    assert (step.status, step.lead_count) == (CampaignStep.Status.STAGED, 1)
    assert _numbers(sent, step=1) == [waiting]
    assert not Message.objects.filter(campaign=sent, campaign_lead__step=1).exists()  # nobody approved it yet
    assert Suppression.objects.filter(team=team, phone_number=opted_out).exists()


def test_a_step_is_sent_only_after_a_named_person_approves_it_on_its_confirmation_page(
    client, team, operator, viewer, sent, time_machine
):
    time_machine.move_to("2026-12-04T17:05:00Z")
    campaign_steps_stage_due()
    step = sent.steps.get(number=1)
    url = reverse("messaging:step-approve", args=[step.pk])

    client.force_login(viewer)
    assert client.post(url).status_code == 403
    with pytest.raises(DomainError):
        campaign_services.campaign_step_approve(step=step, user=viewer)
    client.force_login(operator)
    page = client.get(url).content.decode()
    assert 'data-testid="plan-people">4</b>' in page
    assert "Nudge" in page
    client.post(url, {"note": "go"})

    step.refresh_from_db()
    assert (step.status, step.approved_by) == (CampaignStep.Status.COMPLETED, operator)
    nudges = Message.objects.filter(campaign=sent, campaign_lead__step=1)
    assert nudges.count() == 4
    assert all("just checking in" in m.body for m in nudges)
    assert sorted(m.idempotency_key.split(":")[-1] for m in nudges) == ["step1"] * 4
    assert {m.metadata["campaignContext"]["step"] for m in nudges} == {"step1"}
    sent.refresh_from_db()
    assert sent.status == Campaign.Status.SENDING  # step 2 is planned, 2 days after step 1's last text
    assert _about(campaign_step_due_at(step=sent.steps.get(number=2)), "2026-12-06T17:05:00Z")


def test_a_person_is_never_texted_twice_for_the_same_step(team, operator, sent, time_machine):
    time_machine.move_to("2026-12-04T17:05:00Z")
    campaign_steps_stage_due()
    step = sent.steps.get(number=1)
    campaign_services.campaign_step_approve(step=step, user=operator)
    before = Message.objects.filter(campaign=sent).count()

    # the same rows handed to the send path again (a retried task, a second worker)
    CampaignLead.objects.filter(campaign=sent, step=1).update(status=CampaignLead.Status.PENDING)
    CampaignStep.objects.filter(pk=step.pk).update(status=CampaignStep.Status.SENDING)
    Campaign.objects.filter(pk=sent.pk).update(status=Campaign.Status.SENDING)
    messaging.campaign_send_slice(campaign_id=sent.pk)

    assert Message.objects.filter(campaign=sent).count() == before
    assert set(CampaignLead.objects.filter(campaign=sent, step=1).values_list("status", flat=True)) == {"sent"}


def test_a_reply_after_the_batch_was_formed_is_checked_again_when_the_text_leaves(team, operator, sent, time_machine):
    time_machine.move_to("2026-12-04T17:05:00Z")
    campaign_steps_stage_due()
    late = _numbers(sent, step=1)[0]
    sandbox_reply(team=team, from_number=late, text="Sorry, was away. Yes, interested")

    campaign_services.campaign_step_approve(step=sent.steps.get(number=1), user=operator)

    row = CampaignLead.objects.get(campaign=sent, step=1, phone_number=late)
    assert (row.status, row.skip_code) == ("skipped", "REPLIED")
    assert not Message.objects.filter(campaign=sent, campaign_lead=row).exists()
    assert Message.objects.filter(campaign=sent, campaign_lead__step=1).count() == 3


def test_an_empty_batch_completes_the_step_and_the_last_step_completes_the_campaign(team, operator, sent, time_machine):
    for number in _numbers(sent):
        messaging.suppression_add(team=team, number=number, reason=Suppression.Reason.MANUAL)
    time_machine.move_to("2026-12-04T17:05:00Z")
    campaign_steps_stage_due()
    assert sent.steps.get(number=1).status == CampaignStep.Status.COMPLETED
    time_machine.move_to("2026-12-07T17:00:01Z")
    campaign_steps_stage_due()

    sent.refresh_from_db()
    assert [s.status for s in sent.steps.all()] == ["completed", "completed"]
    assert sent.status == Campaign.Status.COMPLETED


def test_cancelling_a_step_or_the_campaign_sends_nothing_more(team, operator, sent, time_machine):
    time_machine.move_to("2026-12-04T17:05:00Z")
    campaign_steps_stage_due()
    api = api_client_for(operator)
    step = sent.steps.get(number=1)

    cancelled = api.post(f"/api/v1/campaign-steps/{step.pk}/cancel/", {"note": "enough"}, format="json")
    campaign_services.campaign_cancel(campaign=sent, user=operator)

    assert cancelled.json()["status"] == "cancelled"
    assert set(CampaignLead.objects.filter(campaign=sent, step=1).values_list("skip_code", flat=True)) == {
        "STEP_CANCELLED"
    }
    assert [s.status for s in sent.steps.all()] == ["cancelled", "cancelled"]
    assert not Message.objects.filter(campaign=sent, campaign_lead__step__gt=0).exists()


def test_the_api_approves_a_staged_step_as_the_caller(team, operator, sent, time_machine):
    time_machine.move_to("2026-12-04T17:05:00Z")
    campaign_steps_stage_due()
    step = sent.steps.get(number=1)

    response = api_client_for(operator).post(f"/api/v1/campaign-steps/{step.pk}/approve/")

    assert response.status_code == 200
    assert response.json()["approved_by"] == "olivia"
    assert Message.objects.filter(campaign=sent, campaign_lead__step=1, status="sent").count() == 4


def test_a_step_cancelled_while_its_batch_is_sending_sends_nothing_more_of_that_step(
    team, operator, sent, time_machine, settings
):
    # given step 1 staged for the three people who did not reply and sending (one batch holds them all)
    from messaging.tests.test_send_batches import CountingSandbox

    settings.SMS_SEND_BATCH = 50
    time_machine.move_to("2026-12-04T17:05:00Z")
    campaign_steps_stage_due()
    step = sent.steps.get(number=1)
    CampaignStep.objects.filter(pk=step.pk).update(status=CampaignStep.Status.SENDING)
    Campaign.objects.filter(pk=sent.pk).update(status=Campaign.Status.SENDING)
    due = _numbers(sent, step=1)
    assert len(due) >= 2

    class CancelDuringSend(CountingSandbox):
        """While the first text of the batch is with the provider, a person cancels the step."""

        def send_sms(self, **kwargs):
            result = super().send_sms(**kwargs)
            if len(self.texted) == 1:
                campaign_services.campaign_step_cancel(step=CampaignStep.objects.get(pk=step.pk), user=operator)
            return result

    provider = CancelDuringSend()
    # when the slice sends (the batch was checked before the cancel)
    messaging.campaign_send_slice(campaign_id=sent.pk, provider=provider)

    # then only the text already with the provider went; the others never leave and their leads stay skipped
    assert len(provider.texted) == 1
    assert Message.objects.filter(campaign=sent, campaign_lead__step=1).count() == 1
    rest = CampaignLead.objects.filter(campaign=sent, step=1).exclude(phone_number=provider.texted[0])
    assert set(rest.values_list("status", "skip_code")) == {("skipped", "STEP_CANCELLED")}
