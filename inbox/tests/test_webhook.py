"""Stage 8: signed webhooks become inbound messages and inbox items; keywords are honoured at once."""

import json
import time

import pytest
from django.urls import reverse

from identity.models import PersonaEmail
from inbox.models import InboxItem, WebhookEvent
from leads.models import Lead
from messaging import services as messaging
from messaging.models import Message
from messaging.signalhouse import sandbox_delivery_event, sandbox_inbound_event, sign
from messaging.sms import SandboxSms
from messaging.tests.factories import sender_number_for, sending_campaign
from usdatabiz.core.models import StageFailure

SECRET = "test-signing-secret"
OURS = "5125550100"


@pytest.fixture(autouse=True)
def _secret(settings, time_machine):
    settings.SIGNALHOUSE_WEBHOOK_SECRET = SECRET
    time_machine.move_to("2026-12-01T17:00:00Z")  # 11:00 in Austin: sends are allowed


@pytest.fixture
def contacted(team, operator):
    """A campaign whose three openers went out; returns the campaign leads' numbers."""
    campaign = sending_campaign(team, operator, 3)
    messaging.campaign_send_slice(campaign_id=campaign.pk, provider=SandboxSms())
    return list(Message.objects.filter(campaign=campaign, status="sent").order_by("pk"))


def _post(client, headers, body):
    extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items() if k.lower() != "content-type"}
    return client.post(reverse("webhook-signalhouse"), data=body, content_type="application/json", **extra)


def _reply(client, to_message, text, **kwargs):
    headers, body = sandbox_inbound_event(to_message.to_number, OURS, text, SECRET, **kwargs)
    return _post(client, headers, body)


def test_a_reply_becomes_an_inbox_item_matched_to_its_lead_and_is_classified(client, contacted, team):
    opener = contacted[0]

    response = _reply(client, opener, "Sure, email me at Ann.Lee@Example.com")

    assert response.status_code == 200
    item = InboxItem.objects.get(team=team)
    inbound = item.message
    assert (inbound.direction, inbound.status, inbound.from_number) == ("inbound", "received", opener.to_number)
    assert inbound.external_id.startswith("sbx_in_")
    assert (item.lead_id, item.persona_id, item.campaign_id) == (opener.lead_id, opener.persona_id, opener.campaign_id)
    assert item.correlation_id == opener.correlation_id
    assert item.response_text == "Sure, email me at Ann.Lee@Example.com"
    assert Lead.objects.get(pk=opener.lead_id).status == "replied"
    assert (item.classification, item.extracted["email"]) == ("email_capture", "ann.lee@example.com")
    assert item.status == "open"
    kept = PersonaEmail.objects.get(persona_id=opener.persona_id, email="ann.lee@example.com")
    assert kept.provenance["email"]["source"] == f"inbound:{inbound.pk}"
    record = WebhookEvent.objects.get(pk=response.json()["id"])
    assert (record.status, record.team_id, record.event) == ("processed", team.pk, "MESSAGE_RECEIVED")


@pytest.mark.parametrize(
    ("tamper", "reason"),
    [
        (lambda h, b: ({**h, "X-SignalHouse-Signature": "0" * 64}, b), "bad_signature"),
        (lambda h, b: (h, b.replace(b"Sure", b"Nope")), "bad_signature"),
        (lambda h, b: ({k: v for k, v in h.items() if k != "X-SignalHouse-Signature"}, b), "missing_header"),
    ],
    ids=["forged", "tampered-body", "unsigned"],
)
def test_a_bad_signature_is_token_invalid_and_stores_nothing(client, contacted, tamper, reason):
    headers, body = sandbox_inbound_event(contacted[0].to_number, OURS, "Sure", SECRET)
    headers, body = tamper(headers, body)

    response = _post(client, headers, body)

    assert response.status_code == 401
    assert response.json()["code"] == "TOKEN_INVALID"
    assert not InboxItem.objects.exists()
    assert not Message.objects.filter(direction="inbound").exists()
    assert WebhookEvent.objects.get().status == "rejected"


def test_a_stale_signature_is_refused(client, contacted):
    old = int((time.time() - 3600) * 1000)
    response = _reply(client, contacted[0], "Sure", now_ms=old)
    assert (response.status_code, response.json()["code"]) == (401, "TOKEN_INVALID")


def test_a_signed_but_unreadable_payload_is_payload_invalid(client, db):
    body = b"not json"
    ts = str(int(time.time() * 1000))
    headers = {"X-SignalHouse-Timestamp": ts, "X-SignalHouse-Signature": sign(SECRET, ts, body)}
    response = _post(client, headers, body)
    assert (response.status_code, response.json()["code"]) == (400, "PAYLOAD_INVALID")


def test_the_same_delivery_twice_is_one_message(client, contacted, team):
    headers, body = sandbox_inbound_event(contacted[0].to_number, OURS, "who is this?", SECRET, delivery_id="d-1")

    first, second = _post(client, headers, body), _post(client, headers, body)

    assert (first.status_code, second.status_code) == (200, 200)
    assert InboxItem.objects.count() == 1
    record = WebhookEvent.objects.get(delivery_id="d-1")
    assert record.attempts == 2
    assert StageFailure.objects.filter(stage=8, code="DUPLICATE_WEBHOOK").count() == 1


def test_a_captured_request_sent_again_under_a_new_delivery_id_is_a_duplicate(client, contacted, team):
    # the delivery id is not signed: whoever captured a request can change it, not the signed timestamp and body
    headers, body = sandbox_inbound_event(contacted[0].to_number, OURS, "who is this?", SECRET, delivery_id="d-1")
    _post(client, headers, body)
    again = _post(client, {**headers, "X-SignalHouse-Delivery-Id": "d-2"}, body)

    assert again.status_code == 200
    assert InboxItem.objects.count() == 1
    assert not WebhookEvent.objects.filter(delivery_id="d-2").exists()
    assert WebhookEvent.objects.get(delivery_id="d-1").attempts == 2
    assert StageFailure.objects.filter(stage=8, code="DUPLICATE_WEBHOOK").count() == 1


def test_the_same_message_signed_again_under_a_new_delivery_id_is_a_duplicate(client, contacted, team):
    now_ms = int(time.time() * 1000)
    _reply(client, contacted[0], "who is this?", now_ms=now_ms, delivery_id="d-1")
    headers, body = sandbox_inbound_event(contacted[0].to_number, OURS, "who is this?", SECRET, now_ms=now_ms)
    body = body.replace(b'"timestamp":', b'"timestamp": ', 1)  # the same message id, another signed body
    headers = {**headers, "X-SignalHouse-Delivery-Id": "d-2"}
    headers["X-SignalHouse-Signature"] = sign(SECRET, headers["X-SignalHouse-Timestamp"], body)
    again = _post(client, headers, body)

    assert again.status_code == 200
    assert InboxItem.objects.count() == 1
    assert WebhookEvent.objects.get(delivery_id="d-2").status == "duplicate"
    assert StageFailure.objects.filter(stage=8, code="DUPLICATE_WEBHOOK").count() == 1


def test_a_number_nobody_texted_is_no_lead_match(client, team):
    response = _post(client, *sandbox_inbound_event("2125550199", "2125550111", "hello?", SECRET))

    assert response.status_code == 200
    record = WebhookEvent.objects.get()
    assert (record.status, record.error_code, record.team_id) == ("unmatched", "NO_LEAD_MATCH", None)
    assert not InboxItem.objects.exists()


def test_a_stranger_writing_to_a_teams_number_waits_in_review(client, team):
    sender_number_for(team, "5125550111")

    _post(client, *sandbox_inbound_event("2125550199", "5125550111", "who is this?", SECRET))

    item = InboxItem.objects.get(team=team)
    assert (item.lead_id, item.bucket) == (None, "review")
    assert StageFailure.objects.filter(team=team, stage=8, code="NO_LEAD_MATCH", subject_id=item.pk).exists()


@pytest.mark.parametrize("text", ["STOP", "stop all", "Please stop texting me", "UNSUBSCRIBE"])
def test_stop_suppresses_at_once_and_confirms_once(client, contacted, team, text, time_machine):
    time_machine.move_to("2026-12-01T05:00:00Z")  # 23:00 in Austin: the confirmation goes out anyway
    number = contacted[0].to_number

    _reply(client, contacted[0], text)

    assert messaging.is_suppressed(team=team, number=number)
    confirmation = Message.objects.get(kind="compliance", to_number=number)
    assert confirmation.status == "sent"
    assert confirmation.body == (
        f"{team.name}: You are unsubscribed and will get no more messages from us. Reply START to resubscribe."
    )
    assert confirmation.reply_to.direction == "inbound"
    item = InboxItem.objects.get(team=team)
    assert item.classification == "opt_out"
    assert list(item.events.values_list("action", flat=True))[:3] == ["received", "suppressed", "compliance_reply"]


def test_help_is_answered_and_start_lifts_a_suppression(client, contacted, team):
    number = contacted[0].to_number
    _reply(client, contacted[0], "HELP")
    help_reply = Message.objects.get(kind="compliance", to_number=number)
    assert "STOP" in help_reply.body

    messaging.suppression_add(team=team, number=number, reason="opt_out")
    _reply(client, contacted[0], "START")
    assert not messaging.is_suppressed(team=team, number=number)
    assert Message.objects.filter(kind="compliance", to_number=number).count() == 2


def test_yes_from_someone_who_never_opted_out_is_an_answer(client, contacted, team):
    _reply(client, contacted[0], "yes")
    assert not Message.objects.filter(kind="compliance").exists()
    assert InboxItem.objects.get(team=team).classification == "interested"


def test_delivery_reports_by_webhook(client, contacted):
    opener = contacted[0]
    headers, body = sandbox_delivery_event(opener.external_id, SECRET)

    response = _post(client, headers, body)

    assert response.status_code == 200
    opener.refresh_from_db()
    assert opener.status in ("delivered", "failed")
    assert json.loads(body)["identifier"] == opener.external_id


def test_a_processing_failure_is_answered_503_and_the_retry_is_processed(client, contacted, monkeypatch):
    from inbox.services import intake

    real = intake.inbound_receive
    calls = []

    def fail_once(**kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("database went away")
        return real(**kwargs)

    monkeypatch.setattr(intake, "inbound_receive", fail_once)
    headers, body = sandbox_inbound_event(contacted[0].to_number, OURS, "who is this?", SECRET, delivery_id="d-9")

    first = _post(client, headers, body)
    assert first.status_code == 503
    failed = WebhookEvent.objects.get(status="failed")
    assert "d-9" in failed.detail
    assert not InboxItem.objects.exists()  # nothing half written

    second = _post(client, headers, body)  # the same request again is not processed twice ...
    assert InboxItem.objects.count() == 0
    third = _post(client, *sandbox_inbound_event(  # ... the provider's retry, signed afresh, is
        contacted[0].to_number, OURS, "who is this?", SECRET, delivery_id="d-9", now_ms=int(time.time() * 1000) + 1
    ))  # fmt: skip
    assert (second.status_code, third.status_code) == (200, 200)
    assert InboxItem.objects.count() == 1
    assert WebhookEvent.objects.get(delivery_id="d-9").status == "processed"
