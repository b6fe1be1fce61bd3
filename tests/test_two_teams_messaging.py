"""Two teams text the same person from their own numbers, and every answer stays with the team it was sent to.

Acme (its own webhook signing secret) texts Pat from 512-555-0101; Rival (the platform's secret) texts Pat from
312-555-0188, and texts last. Through the real signed webhook: each reply, STOP and HELP reaches only the team
that owns the number Pat wrote to; a STOP to one team says nothing about the other's consent; a reply to a number
no team owns reaches nobody and suppresses nothing; a signature made with the wrong team's secret is refused.
"""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from campaigns import services as campaign_services
from campaigns.models import Campaign
from campaigns.tests.factories import MessageTemplateFactory
from identity.models import PersonaPhone
from identity.tests.factories import BusinessFactory, person_with_contacts
from inbox.models import InboxItem, WebhookEvent
from leads.models import Lead
from leads.services import leads_prepare
from messaging import services as messaging
from messaging.models import Message, MessagingSettings, Suppression
from messaging.signalhouse import sandbox_inbound_event
from messaging.sms import SandboxSms
from messaging.tests.factories import sender_number_for
from usdatabiz.core.models import Membership
from usdatabiz.core.tests.factories import MembershipFactory, UserFactory

PAT = "2125550150"
ACME_LINE, RIVAL_LINE, NOBODYS = "5125550101", "3125550188", "4155550123"
ACME_SECRET, PLATFORM_SECRET = "whsec_acme_own_0123456789", "whsec_platform_9876543210"


@pytest.fixture(autouse=True)
def _noon_in_new_york(settings, time_machine):
    time_machine.move_to("2026-12-01T17:00:00Z")
    settings.SIGNALHOUSE_WEBHOOK_SECRET = PLATFORM_SECRET


def _campaign_to_pat(team, approver, line: str, brand: str) -> Campaign:
    """The team's own campaign to Pat (a lead of the team), approved and sending from the team's number."""
    sender_number_for(team, line)
    MessagingSettings.objects.create(team=team, brand_name=brand, help_contact=f"help@{brand.lower()}.example")
    business = BusinessFactory(team=team, name=f"{brand} client", normalized_name=brand.upper(), state="NY",
                               city="New York", zip5="10001", sic_code="1711", employees=12)  # fmt: skip
    persona = person_with_contacts(team, "Pat", "Jones", business=business)
    PersonaPhone.objects.create(team=team, persona=persona, raw=PAT, normalized_number=PAT, phone_type="mobile",
                                is_valid=True, is_connected=True)  # fmt: skip
    leads_prepare(team=team)
    campaign = campaign_services.campaign_stage(
        campaign=campaign_services.campaign_create(
            team=team, name=f"{brand} opener", template=MessageTemplateFactory(team=team), allow_partial_block=True
        )
    )
    campaign_services.campaign_transition(campaign=campaign, to=Campaign.Status.APPROVED, actor=approver,
                                          approved_by=approver)  # fmt: skip
    return campaign_services.campaign_transition(campaign=campaign, to=Campaign.Status.SENDING, actor="SYSTEM")


def _texts_pat(team, approver, line: str, brand: str) -> Message:
    """The team's own campaign texts Pat from the team's number; return the opener."""
    campaign = _campaign_to_pat(team, approver, line, brand)
    messaging.campaign_send_slice(campaign_id=campaign.pk, provider=SandboxSms())
    return Message.objects.get(campaign=campaign, to_number=PAT)


@pytest.fixture
def openers(team, other_team, operator, outsider):
    messaging.provider_credential_set(team=team, provider="signalhouse", name="webhook_secret", value=ACME_SECRET)
    acme = _texts_pat(team, operator, ACME_LINE, "Acme")
    rival = _texts_pat(other_team, outsider, RIVAL_LINE, "Rival")  # Rival texted Pat last
    return acme, rival


def _pat_writes(client, to: str, text: str, secret: str):
    headers, body = sandbox_inbound_event(PAT, to, text, secret)
    extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items()}
    return client.post(reverse("webhook-signalhouse"), data=body, content_type="application/json", **extra)


def test_each_team_texted_pat_from_its_own_number(openers, team, other_team):
    acme, rival = openers
    assert (acme.team_id, acme.from_number, acme.status) == (team.pk, ACME_LINE, "sent")
    assert (rival.team_id, rival.from_number, rival.status) == (other_team.pk, RIVAL_LINE, "sent")


def test_a_reply_to_acmes_number_reaches_acme_only_although_rival_texted_last(client, openers, team, other_team):
    acme, _ = openers

    response = _pat_writes(client, ACME_LINE, "Yes, tell me more", ACME_SECRET)

    assert response.status_code == 200
    item = InboxItem.objects.get()
    assert (item.team_id, item.lead_id, item.campaign_id) == (team.pk, acme.lead_id, acme.campaign_id)
    assert item.message.to_number == ACME_LINE
    assert item.message.reply_to_id == acme.pk
    assert Lead.objects.get(pk=acme.lead_id).status == "replied"
    assert not InboxItem.objects.filter(team=other_team).exists()
    assert Lead.objects.get(team=other_team).status == "contacted"


def test_a_reply_to_rivals_number_reaches_rival_only(client, openers, team, other_team):
    _, rival = openers

    _pat_writes(client, RIVAL_LINE, "Who is this?", PLATFORM_SECRET)

    item = InboxItem.objects.get()
    assert (item.team_id, item.lead_id, item.campaign_id) == (other_team.pk, rival.lead_id, rival.campaign_id)
    assert not InboxItem.objects.filter(team=team).exists()


def test_stop_to_acme_suppresses_for_acme_only_and_is_confirmed_from_acmes_number(client, openers, team, other_team,
                                                                                   operator, outsider):  # fmt: skip
    _pat_writes(client, ACME_LINE, "STOP", ACME_SECRET)

    assert messaging.is_suppressed(team=team, number=PAT)
    assert not messaging.is_suppressed(team=other_team, number=PAT)
    assert list(Suppression.objects.values_list("team_id", flat=True)) == [team.pk]
    (confirmation,) = Message.objects.filter(kind="compliance")
    assert (confirmation.team_id, confirmation.from_number, confirmation.to_number) == (team.pk, ACME_LINE, PAT)
    assert confirmation.body.startswith("Acme: You are unsubscribed")
    # Acme may no longer text Pat; Rival's consent is its own
    blocked = messaging.message_send(team=team, to_number=PAT, body="One more thing", kind="reply", key="a-after",
                                     approved_by=operator, provider=SandboxSms())  # fmt: skip
    allowed = messaging.message_send(team=other_team, to_number=PAT, body="Still there?", kind="reply",
                                     key="r-after", approved_by=outsider, provider=SandboxSms())  # fmt: skip
    assert (blocked.status, blocked.error_code) == ("blocked", "OPTED_OUT")
    assert (allowed.status, allowed.from_number) == ("sent", RIVAL_LINE)


def test_help_to_rival_is_answered_by_rival_from_rivals_number(client, openers, team, other_team):
    _pat_writes(client, RIVAL_LINE, "HELP", PLATFORM_SECRET)

    (answer,) = Message.objects.filter(kind="compliance")
    assert (answer.team_id, answer.from_number, answer.to_number) == (other_team.pk, RIVAL_LINE, PAT)
    assert "Rival" in answer.body
    assert "help@rival.example" in answer.body
    assert not InboxItem.objects.filter(team=team).exists()
    assert not Suppression.objects.exists()


def test_start_to_one_team_lifts_only_that_teams_opt_out(client, openers, team, other_team):
    messaging.suppression_add(team=team, number=PAT, reason="opt_out")
    messaging.suppression_add(team=other_team, number=PAT, reason="opt_out")

    _pat_writes(client, RIVAL_LINE, "START", PLATFORM_SECRET)

    assert messaging.is_suppressed(team=team, number=PAT)
    assert not messaging.is_suppressed(team=other_team, number=PAT)


@pytest.mark.parametrize("text", ["Yes please", "STOP", "HELP"])
def test_a_reply_to_a_number_no_team_owns_reaches_nobody(client, openers, team, other_team, text):
    response = _pat_writes(client, NOBODYS, text, PLATFORM_SECRET)

    assert response.status_code == 200
    record = WebhookEvent.objects.get(to_number=NOBODYS)
    assert (record.status, record.error_code, record.team_id) == ("unmatched", "NO_LEAD_MATCH", None)
    assert not InboxItem.objects.exists()
    assert not Suppression.objects.exists()
    assert not Message.objects.filter(direction="inbound").exists()
    assert not Message.objects.filter(kind="compliance").exists()


def test_only_superusers_see_the_unowned_numbers_record(client, openers, team):
    _pat_writes(client, NOBODYS, "hello?", PLATFORM_SECRET)
    record = WebhookEvent.objects.get(to_number=NOBODYS)
    staff = UserFactory(username="acme-staff", is_staff=True)
    MembershipFactory(team=team, user=staff, role=Membership.Role.ADMIN)
    staff.user_permissions.add(*Permission.objects.filter(content_type__app_label="inbox"))
    root = UserFactory(username="root", is_staff=True, is_superuser=True)
    url = reverse("admin:inbox_webhookevent_changelist")

    client.force_login(staff)
    assert record.pk not in client.get(url).content.decode()
    client.force_login(root)
    assert record.pk in client.get(url).content.decode()


@pytest.mark.parametrize(
    ("to", "secret"),
    [(ACME_LINE, PLATFORM_SECRET), (RIVAL_LINE, ACME_SECRET), (ACME_LINE, "sandbox-signing-secret")],
    ids=["acme-number-platform-secret", "rival-number-acme-secret", "acme-number-sandbox-secret"],
)
def test_a_reply_signed_with_a_secret_that_is_not_the_owners_is_refused(client, openers, settings, to, secret):
    settings.SMS_PROVIDER = "signalhouse"  # the sandbox's public secret counts only in the sandbox

    response = _pat_writes(client, to, "Yes", secret)

    assert (response.status_code, response.json()["code"]) == (401, "TOKEN_INVALID")
    assert not InboxItem.objects.exists()
    assert WebhookEvent.objects.get().team_id is None


# --- a reply whose payload does not say which of our numbers it was sent to -------------------------------------


def _pat_writes_without_our_number(client, text: str, secret: str):
    import json
    import time
    import uuid

    from messaging.signalhouse.webhooks import DELIVERY_ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, sign

    now_ms = int(time.time() * 1000)
    message = {"direction": "INBOUND", "senderPhoneNumber": "1" + PAT, "messageBody": text}  # no recipient
    envelope = {"timestamp": now_ms, "event": "MESSAGE_RECEIVED", "identifier": f"in_{uuid.uuid4().hex[:20]}",
                "metaData": {"Message": message}}  # fmt: skip
    raw = json.dumps(envelope, separators=(",", ":")).encode()
    headers = {SIGNATURE_HEADER: sign(secret, str(now_ms), raw), TIMESTAMP_HEADER: str(now_ms),
               DELIVERY_ID_HEADER: str(uuid.uuid4())}  # fmt: skip
    extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items()}
    return client.post(reverse("webhook-signalhouse"), data=raw, content_type="application/json", **extra)


@pytest.mark.parametrize(("text", "suppressed"), [("Yes, tell me more", False), ("STOP", True)])
def test_a_reply_without_our_number_goes_to_the_one_team_that_texted_the_person(
    client, team, other_team, operator, text, suppressed
):
    messaging.provider_credential_set(team=team, provider="signalhouse", name="webhook_secret", value=ACME_SECRET)
    acme = _texts_pat(team, operator, ACME_LINE, "Acme")

    response = _pat_writes_without_our_number(client, text, ACME_SECRET)

    assert response.status_code == 200
    item = InboxItem.objects.get()
    assert (item.team_id, item.lead_id, item.message.to_number) == (team.pk, acme.lead_id, ACME_LINE)
    assert messaging.is_suppressed(team=team, number=PAT) is suppressed
    assert not messaging.is_suppressed(team=other_team, number=PAT)


@pytest.mark.parametrize(
    ("text", "consent"),
    [("Yes, tell me more", "kept"), ("START", "kept"), ("STOP", "suppressed"), ("please stop texting me", "suppressed"),
     ("Scam. Go away", "held")],
)  # fmt: skip
def test_a_reply_without_our_number_from_someone_two_teams_texted_is_kept_and_shown_not_guessed(
    client, openers, team, other_team, text, consent
):
    from messaging.models import OptOutReview
    from usdatabiz.core.models import StageFailure

    response = _pat_writes_without_our_number(client, text, PLATFORM_SECRET)

    assert response.status_code == 200
    record = WebhookEvent.objects.get()
    assert (record.status, record.error_code, record.team_id) == ("unmatched", "NO_LEAD_MATCH", None)
    assert not InboxItem.objects.exists()
    assert not Message.objects.filter(direction="inbound").exists()
    # a request to stop is honoured by every team that texted the person (it cannot be told whose it was); an
    # unclear one holds the number for each; nothing else is guessed, and no confirmation goes from either number
    for each in (team, other_team):
        assert messaging.is_suppressed(team=each, number=PAT) is (consent == "suppressed")
        assert OptOutReview.objects.filter(team=each, phone_number=PAT, status="held").exists() is (consent == "held")
    assert not Message.objects.filter(kind="compliance").exists()
    # each team that texted the person sees that a reply could not be given to one team (not its words)
    failures = StageFailure.objects.filter(stage=8, code="NO_LEAD_MATCH")
    assert sorted(failures.values_list("team_id", flat=True)) == sorted([team.pk, other_team.pk])
    assert all(record.pk in f.detail and text not in f.detail for f in failures)
    if consent != "kept":
        assert all(
            ("suppressed for your team" if consent == "suppressed" else "held for") in f.detail for f in failures
        )


# --- one team's opt-out and the other team's campaign on the bulk lane -------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "held"), [("STOP", "OPTED_OUT", False), ("Scam. Go away", "OPT_OUT_REVIEW", True)],
    ids=["stop", "held-for-review"],
)  # fmt: skip
def test_an_opt_out_to_acme_stops_acmes_campaign_and_not_rivals(
    client, team, other_team, operator, outsider, text, code, held
):
    from messaging.models import OptOutReview

    messaging.provider_credential_set(team=team, provider="signalhouse", name="webhook_secret", value=ACME_SECRET)
    acme = _campaign_to_pat(team, operator, ACME_LINE, "Acme")
    rival = _campaign_to_pat(other_team, outsider, RIVAL_LINE, "Rival")

    assert _pat_writes(client, ACME_LINE, text, ACME_SECRET).status_code == 200
    messaging.campaign_send_slice(campaign_id=acme.pk, provider=SandboxSms())
    messaging.campaign_send_slice(campaign_id=rival.pk, provider=SandboxSms())

    assert list(OptOutReview.objects.filter(status="held").values_list("team_id", flat=True)) == (
        [team.pk] if held else []
    )
    assert messaging.is_suppressed(team=team, number=PAT) is not held
    assert not messaging.is_suppressed(team=other_team, number=PAT)
    to_acme = Message.objects.get(campaign=acme, to_number=PAT)
    to_rival = Message.objects.get(campaign=rival, to_number=PAT)
    assert (to_acme.status, to_acme.error_code) == ("blocked", code)
    assert (to_rival.status, to_rival.from_number) == ("sent", RIVAL_LINE)
