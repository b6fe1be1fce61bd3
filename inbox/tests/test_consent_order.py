"""Consent follows the newest STOP or START by the provider's time; a late or repeated delivery changes nothing."""

import json
import time
import uuid

import pytest
from django.urls import reverse

from inbox.models import Conversation, InboxItem
from messaging import services as messaging
from messaging.models import Message, Suppression
from messaging.signalhouse.webhooks import DELIVERY_ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, sign
from messaging.sms import SandboxSms
from messaging.tests.factories import sending_campaign

SECRET = "test-signing-secret"
OURS = "5125550100"


@pytest.fixture(autouse=True)
def _secret(settings, time_machine):
    settings.SIGNALHOUSE_WEBHOOK_SECRET = SECRET
    time_machine.move_to("2026-12-01T17:00:00Z")  # 11:00 in Austin


@pytest.fixture
def number(team, operator):
    campaign = sending_campaign(team, operator, 1)
    messaging.campaign_send_slice(campaign_id=campaign.pk, provider=SandboxSms())
    return Message.objects.get(campaign=campaign, status="sent").to_number


def _deliver(client, from_number, text, *, sent_ago_s, identifier=None, delivery_id=None):
    """Post a reply the person sent ``sent_ago_s`` seconds ago (the provider's timestamp), signed now."""
    now_ms = int(time.time() * 1000)
    envelope = {
        "timestamp": now_ms - sent_ago_s * 1000,
        "event": "MESSAGE_RECEIVED",
        "identifier": identifier or f"in_{uuid.uuid4().hex[:20]}",
        "metaData": {
            "Message": {
                "direction": "INBOUND",
                "senderPhoneNumber": "1" + from_number,
                "recipientPhoneNumber": "1" + OURS,
                "messageBody": text,
            }
        },
    }
    raw = json.dumps(envelope, separators=(",", ":")).encode()
    headers = {
        SIGNATURE_HEADER: sign(SECRET, str(now_ms), raw),
        TIMESTAMP_HEADER: str(now_ms),
        DELIVERY_ID_HEADER: delivery_id or str(uuid.uuid4()),
    }
    extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items()}
    response = client.post(reverse("webhook-signalhouse"), data=raw, content_type="application/json", **extra)
    assert response.status_code == 200
    return envelope["identifier"]


def test_a_stop_delivered_after_the_newer_start_changes_nothing(client, team, number):
    # given the person texted STOP and then START, and the START is delivered first
    _deliver(client, number, "START", sent_ago_s=30)

    # when the older STOP arrives last
    _deliver(client, number, "STOP", sent_ago_s=90)

    # then consent follows the newest message: the number is not suppressed
    assert not messaging.is_suppressed(team=team, number=number)


def test_a_start_delivered_after_the_newer_stop_changes_nothing(client, team, number):
    _deliver(client, number, "STOP", sent_ago_s=30)

    _deliver(client, number, "START", sent_ago_s=90)

    assert messaging.is_suppressed(team=team, number=number)
    assert not Message.objects.filter(kind="compliance", body__icontains="resubscribed").exists()


def test_an_old_stop_delivered_again_after_a_newer_start_changes_nothing(client, team, number):
    # given STOP then START, each delivered in order
    stop_id = _deliver(client, number, "STOP", sent_ago_s=120)
    _deliver(client, number, "START", sent_ago_s=60)
    assert not messaging.is_suppressed(team=team, number=number)
    confirmations = Message.objects.filter(kind="compliance").count()

    # when the provider delivers the old STOP again (same provider id, another delivery id)
    _deliver(client, number, "STOP", sent_ago_s=120, identifier=stop_id)

    # then nothing changes: no suppression, no second confirmation
    assert not messaging.is_suppressed(team=team, number=number)
    assert Message.objects.filter(kind="compliance").count() == confirmations


def test_the_same_stop_delivered_again_after_a_person_lifted_it_changes_nothing(client, team, number, team_admin):
    stop_id = _deliver(client, number, "STOP", sent_ago_s=120)
    entry = Suppression.objects.get(team=team, phone_number=number, lifted_at__isnull=True)
    messaging.suppression_entry_lift(entry=entry, user=team_admin, reason="asked on the phone to rejoin")

    _deliver(client, number, "STOP", sent_ago_s=120, identifier=stop_id)

    assert not messaging.is_suppressed(team=team, number=number)


def test_stop_and_start_in_order_still_work(client, team, number):
    _deliver(client, number, "STOP", sent_ago_s=90)
    assert messaging.is_suppressed(team=team, number=number)

    _deliver(client, number, "START", sent_ago_s=30)
    assert not messaging.is_suppressed(team=team, number=number)

    _deliver(client, number, "STOP", sent_ago_s=5)
    assert messaging.is_suppressed(team=team, number=number)


def _conversations(team, number):
    return list(Conversation.objects.filter(team=team, contact_number=number).order_by("created_at"))


@pytest.mark.parametrize("newer", ["START", "Yes, tell me more about the offer"])
def test_a_stale_stop_is_recorded_but_leaves_the_newer_conversation_open(client, team, number, newer):
    # given the person texted STOP and then something newer, and the newer text is delivered first
    _deliver(client, number, newer, sent_ago_s=30)
    [conversation] = _conversations(team, number)
    intent_before = conversation.intent

    # when the older STOP arrives last
    _deliver(client, number, "STOP", sent_ago_s=90)

    # then the STOP is kept in the conversation, but it neither closes it nor changes its intent
    [conversation] = _conversations(team, number)
    assert conversation.status != Conversation.Status.CLOSED
    assert conversation.intent == intent_before
    assert conversation.latest_item.response_text == newer
    stop = InboxItem.objects.get(team=team, response_text="STOP")
    assert stop.conversation_id == conversation.pk
    assert stop.classification == "opt_out"


def test_a_stale_stop_after_a_newer_plain_reply_still_suppresses(client, team, number):
    # a reply that is not START gives no consent back: the STOP before it still counts
    _deliver(client, number, "Yes, tell me more about the offer", sent_ago_s=30)

    _deliver(client, number, "STOP", sent_ago_s=90)

    assert messaging.is_suppressed(team=team, number=number)


def test_a_stale_start_opens_no_new_conversation(client, team, number):
    # given STOP then START, the STOP delivered (and the conversation closed) first
    _deliver(client, number, "STOP", sent_ago_s=30)
    [closed] = _conversations(team, number)
    assert closed.status == Conversation.Status.CLOSED

    # when the older START arrives last
    _deliver(client, number, "START", sent_ago_s=90)

    # then it is kept in the closed conversation: no new one, no consent given back, no confirmation
    [conversation] = _conversations(team, number)
    assert conversation.pk == closed.pk
    assert conversation.status == Conversation.Status.CLOSED
    assert InboxItem.objects.get(team=team, response_text="START").conversation_id == closed.pk
    assert messaging.is_suppressed(team=team, number=number)
    assert not Message.objects.filter(kind="compliance", body__icontains="resubscribed").exists()


def test_texts_in_order_still_close_and_reopen(client, team, number):
    _deliver(client, number, "Yes, tell me more about the offer", sent_ago_s=90)
    _deliver(client, number, "STOP", sent_ago_s=30)
    [conversation] = _conversations(team, number)
    assert conversation.status == Conversation.Status.CLOSED

    _deliver(client, number, "START", sent_ago_s=5)
    assert len(_conversations(team, number)) == 2


def test_a_start_delivered_after_a_persons_opt_out_decision_changes_nothing(client, team, number, team_admin):
    from messaging.models import OptOutReview
    from messaging.opt_out_reviews import opt_out_review_decide

    # given an unclear reply held the number and a person decided it is an opt-out
    _deliver(client, number, "how many times do I have to get these", sent_ago_s=120)
    review = OptOutReview.objects.get(team=team, phone_number=number, status="held")
    opt_out_review_decide(review=review, decision="opt_out", user=team_admin)

    # when a START the person sent before that decision is delivered after it
    _deliver(client, number, "START", sent_ago_s=60)

    # then the decision stands: a person's decision is the newest word on consent
    assert messaging.is_suppressed(team=team, number=number)
    assert not Message.objects.filter(kind="compliance", body__icontains="resubscribed").exists()
