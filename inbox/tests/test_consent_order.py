"""Consent follows the newest STOP or START by the provider's time; a late or repeated delivery changes nothing."""

import json
import time
import uuid

import pytest
from django.urls import reverse

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
