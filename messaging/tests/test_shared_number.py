"""A number is do-not-call or do-not-contact for the whole team: when another person of the team with the same
phone number is marked so, no text goes to the number, whichever person it is addressed to, from the campaign
batch or a single send. Another team's marks change nothing."""

from datetime import UTC, datetime

import pytest

from campaigns.models import CampaignLead
from identity.tests.factories import PersonaPhoneFactory, person_with_contacts
from messaging import services
from messaging.models import Message
from messaging.sms import SandboxSms

from .factories import sending_campaign

DAY = datetime(2026, 12, 1, 17, 0, tzinfo=UTC)  # 11:00 in Austin


@pytest.fixture(autouse=True)
def _daytime(time_machine):
    time_machine.move_to(DAY)


@pytest.fixture
def campaign(team, operator):
    return sending_campaign(team, operator, 3)


def _first_lead(campaign) -> CampaignLead:
    return CampaignLead.objects.filter(campaign=campaign).order_by("pk").first()


def _namesake_dnc(team, number):
    """Another person of ``team`` whose phone row for the same number is on a do-not-call list."""
    other = person_with_contacts(team, "Pat", "Namesake")
    PersonaPhoneFactory(persona=other, team=team, normalized_number=number, phone_type="mobile", do_not_call=True)


def _namesake_do_not_contact(team, number):
    """Another person of ``team`` with the same number, marked do-not-contact."""
    person_with_contacts(team, "Pat", "Namesake", phone=number, do_not_contact=True)


MARKS = [(_namesake_dnc, "DNC_BLOCKED"), (_namesake_do_not_contact, "DO_NOT_CONTACT")]
IDS = ["do-not-call", "do-not-contact"]


@pytest.mark.parametrize(("mark", "code"), MARKS, ids=IDS)
def test_the_campaign_batch_refuses_a_number_another_person_marked(campaign, team, mark, code):
    blocked = _first_lead(campaign)
    mark(team, blocked.phone_number)

    counts = services.campaign_send_slice(campaign_id=campaign.pk, provider=SandboxSms(), now=DAY)

    assert (counts["sent"], counts["skipped"]) == (2, 1)
    message = Message.objects.get(campaign_lead=blocked)
    assert (message.status, message.error_code, message.external_id) == ("blocked", code, "")
    blocked.refresh_from_db()
    assert (blocked.status, blocked.skip_code) == ("skipped", code)


@pytest.mark.parametrize(("mark", "code"), MARKS, ids=IDS)
def test_a_single_send_refuses_a_number_another_person_marked(campaign, team, operator, mark, code):
    lead = _first_lead(campaign)
    mark(team, lead.phone_number)

    sent = services.message_send(
        team=team, to_number=lead.phone_number, body="Following up", kind=Message.Kind.REPLY, key="reply:1",
        approved_by=operator, persona_id=lead.persona_id, lead=lead.lead, provider=SandboxSms(),
    )  # fmt: skip

    assert (sent.status, sent.error_code) == ("blocked", code)


@pytest.mark.parametrize(("mark", "code"), MARKS, ids=IDS)
def test_the_send_check_refuses_a_number_another_person_marked(campaign, team, mark, code):
    lead = _first_lead(campaign)
    mark(team, lead.phone_number)

    check = services.send_check(
        team_id=team.pk, number=lead.phone_number, kind=Message.Kind.CAMPAIGN,
        cfg=services.messaging_settings_get(team=team), now=DAY, state="TX",
        phone=lead.phone, persona=lead.lead.persona,
    )  # fmt: skip

    assert (check.ok, check.code) == (False, code)


@pytest.mark.parametrize(("mark", "code"), MARKS, ids=IDS)
def test_another_teams_marks_on_the_same_number_change_nothing(campaign, other_team, mark, code):
    mark(other_team, _first_lead(campaign).phone_number)

    counts = services.campaign_send_slice(campaign_id=campaign.pk, provider=SandboxSms(), now=DAY)

    assert (counts["sent"], counts["skipped"]) == (3, 0)


def test_a_compliance_answer_still_reaches_a_number_another_person_marked(campaign, team):
    lead = _first_lead(campaign)
    _namesake_dnc(team, lead.phone_number)
    _namesake_do_not_contact(team, lead.phone_number)

    sent = services.message_send(
        team=team, to_number=lead.phone_number, body="You are unsubscribed.", kind=Message.Kind.COMPLIANCE,
        key="compliance:1", provider=SandboxSms(),
    )  # fmt: skip

    assert sent.status == "sent"


@pytest.mark.parametrize(("mark", "code"), MARKS, ids=IDS)
def test_releasing_a_held_text_refuses_a_number_another_person_marked_since(campaign, team, operator, mark, code):
    # given a text held for a person (its outcome unknown), and another person with its number marked since
    services.campaign_send_slice(campaign_id=campaign.pk, provider=SandboxSms(), now=DAY)
    held = Message.objects.filter(campaign=campaign).order_by("pk").first()
    Message.objects.filter(pk=held.pk).update(status=Message.Status.HELD, error_code="OUTCOME_UNKNOWN")
    mark(team, held.to_number)

    released = services.message_release(message=Message.objects.get(pk=held.pk), user=operator, provider=SandboxSms())

    assert (released.status, released.error_code) == ("blocked", code)
