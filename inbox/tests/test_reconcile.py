"""Nothing lost: SignalHouse gives up on a webhook after about 11 s and never replays it, but ``GET /notification``
keeps every event. A schedule reads each account's log back and stores what the webhook missed through the same
exactly-once path; what the webhook stored already is recognised."""

import json

import pytest
import responses

from inbox import services
from inbox.models import InboxItem, ReconcileCursor, WebhookEvent
from messaging import services as messaging
from messaging.models import Message, ProviderWebhook
from messaging.signalhouse import sandbox_inbound_event
from messaging.sms import SandboxSms
from messaging.tests.factories import sender_number_for, sending_campaign
from usdatabiz.core.models import StageFailure
from usdatabiz.pipeline import SCHEDULES

NOTIFICATIONS = "https://v2.signalhouse.io/notification"
PLATFORM_SECRET = "whsec_platform_0123456789"


@pytest.fixture(autouse=True)
def _signalhouse(settings, time_machine):
    time_machine.move_to("2026-12-01T17:00:00Z")
    settings.SMS_PROVIDER = "signalhouse"
    settings.SIGNALHOUSE_API_KEY = "platform-key"
    settings.SIGNALHOUSE_GROUP_ID = "G-PLATFORM"
    settings.SIGNALHOUSE_WEBHOOK_SECRET = PLATFORM_SECRET


@pytest.fixture
def opener(team, operator):
    sender_number_for(team, "5125550101")
    campaign = sending_campaign(team, operator, 1)
    messaging.campaign_send_slice(campaign_id=campaign.pk, provider=SandboxSms())
    return Message.objects.get(campaign=campaign, status="sent")


def _inbound(identifier, sender, to, text):
    return {
        "timestamp": 1796144400000,
        "event": "MESSAGE_RECEIVED",
        "identifier": identifier,
        "metaData": {"Message": {"direction": "INBOUND", "senderPhoneNumber": "1" + sender,
                                 "recipientPhoneNumber": "1" + to, "messageBody": text}},
    }  # fmt: skip


def _delivered(message_id):
    return {
        "timestamp": 1796144401000,
        "event": "MESSAGE_DELIVERED",
        "identifier": message_id,
        "metaData": {"_id": message_id, "status": "DELIVERED", "segmentCount": 1},
    }


def _log(mock, records, group="G-PLATFORM"):
    mock.get(
        NOTIFICATIONS,
        match=[responses.matchers.query_param_matcher({"groupId": group}, strict_match=False)],
        json={"data": records},
    )


def test_the_schedule_reads_the_log_every_ten_minutes():
    assert SCHEDULES["reconcile provider events"] == ("inbox.tasks.provider_events_reconcile_task", 10)


@responses.activate
def test_events_the_webhook_missed_are_stored_once_from_the_log(team, opener):
    records = [
        _inbound("sh-in-1", opener.to_number, "5125550101", "Yes, call me tomorrow"),
        _delivered(opener.external_id),
        _inbound("sh-in-2", "2125550150", "3125550100", "hello?"),  # a number no team owns
        {"event": "MESSAGE_RECEIVED", "metaData": "not an object"},  # one bad record hides nothing
    ]
    _log(responses, records)

    first = services.provider_events_reconcile()
    second = services.provider_events_reconcile()

    call = responses.calls[0].request
    assert call.headers["Authorization"] == "Bearer platform-key"
    assert "eventTypes=MESSAGE_RECEIVED%2CMESSAGE_DELIVERED%2CMESSAGE_FAILED" in call.url
    assert (first["accounts"], first["events"], first["stored"]) == (1, 3, 3)
    assert (second["events"], second["stored"]) == (3, 0)
    item = InboxItem.objects.get(team=team)
    assert (item.response_text, item.lead_id, item.campaign_id) == (
        "Yes, call me tomorrow", opener.lead_id, opener.campaign_id,
    )  # fmt: skip
    opener.refresh_from_db()
    assert opener.status == "delivered"
    stranger = WebhookEvent.objects.get(identifier="sh-in-2")
    assert (stranger.status, stranger.team_id, stranger.source) == ("unmatched", None, "reconcile")
    assert WebhookEvent.objects.filter(source="reconcile").count() == 3
    assert WebhookEvent.objects.get(identifier="sh-in-1").attempts == 2
    assert not StageFailure.objects.filter(code="DUPLICATE_WEBHOOK").exists()  # re-reading is not an incident
    cursor = ReconcileCursor.objects.get(account="G-PLATFORM")
    assert (cursor.team_id, cursor.last_stored, cursor.last_error) == (None, 0, "")
    assert cursor.last_event_ms == 1796144401000


@responses.activate
def test_a_reply_the_webhook_stored_is_not_stored_again_from_the_log(client, team, opener):
    headers, body = sandbox_inbound_event(opener.to_number, "5125550101", "Who is this?", PLATFORM_SECRET)
    extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items()}
    client.post("/webhooks/signalhouse/", data=body, content_type="application/json", **extra)
    identifier = WebhookEvent.objects.get(source="webhook").identifier
    _log(responses, [_inbound(identifier, opener.to_number, "5125550101", "Who is this?")])

    counts = services.provider_events_reconcile()

    assert counts["stored"] == 0
    assert InboxItem.objects.filter(team=team).count() == 1
    assert Message.objects.filter(direction="inbound").count() == 1
    assert WebhookEvent.objects.get(source="reconcile").status == "duplicate"


@responses.activate
def test_a_reply_read_from_the_log_first_is_a_duplicate_when_its_webhook_comes_late(client, team, opener):
    headers, body = sandbox_inbound_event(opener.to_number, "5125550101", "Who is this?", PLATFORM_SECRET)
    identifier = json.loads(body)["identifier"]
    _log(responses, [_inbound(identifier, opener.to_number, "5125550101", "Who is this?")])
    services.provider_events_reconcile()

    extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items()}
    late = client.post("/webhooks/signalhouse/", data=body, content_type="application/json", **extra)

    assert late.status_code == 200
    assert late.json()["status"] == "duplicate"
    assert InboxItem.objects.filter(team=team).count() == 1


@responses.activate
def test_a_team_account_is_read_with_its_key_and_cannot_speak_for_another_teams_number(team, other_team, opener):
    messaging.provider_credential_set(team=other_team, provider="signalhouse", name="api_key", value="rival-key-0001")
    messaging.provider_credential_set(team=other_team, provider="signalhouse", name="webhook_secret", value="w" * 20)
    ProviderWebhook.objects.create(team=other_team, provider="signalhouse", group_id="G-RIVAL", webhook_id="wh_r")
    sender_number_for(other_team, "3125550188")
    _log(responses, [], group="G-PLATFORM")
    _log(responses, [
        _inbound("sh-r-1", "2125550150", "3125550188", "for Rival"),
        _inbound("sh-r-2", opener.to_number, "5125550101", "pretending to be for Acme"),
    ], group="G-RIVAL")  # fmt: skip

    counts = services.provider_events_reconcile()

    rival_call = next(c.request for c in responses.calls if "G-RIVAL" in c.request.url)
    assert rival_call.headers["Authorization"] == "Bearer rival-key-0001"
    assert counts["accounts"] == 2
    assert InboxItem.objects.get(team=other_team).response_text == "for Rival"
    assert not InboxItem.objects.filter(team=team).exists()
    refused = WebhookEvent.objects.get(identifier="sh-r-2")
    assert (refused.status, refused.team_id) == ("unmatched", None)


@responses.activate
def test_one_account_failing_is_recorded_and_the_others_are_read(team, other_team, opener):
    messaging.provider_credential_set(team=other_team, provider="signalhouse", name="api_key", value="rival-key-0001")
    ProviderWebhook.objects.create(team=other_team, provider="signalhouse", group_id="G-RIVAL", webhook_id="wh_r")
    responses.get(
        NOTIFICATIONS,
        match=[responses.matchers.query_param_matcher({"groupId": "G-RIVAL"}, strict_match=False)],
        status=401,
        json={"message": "bad key"},
    )
    _log(responses, [_inbound("sh-in-9", opener.to_number, "5125550101", "still here")])

    counts = services.provider_events_reconcile()

    assert counts["failed_accounts"] == 1
    assert "CONFIG_ERROR" in ReconcileCursor.objects.get(account="G-RIVAL").last_error
    assert InboxItem.objects.get(team=team).response_text == "still here"


def test_the_sandbox_keeps_no_log(settings):
    settings.SMS_PROVIDER = "sandbox"
    assert services.provider_events_reconcile() == {"accounts": 0, "events": 0, "stored": 0, "failed_accounts": 0}


@responses.activate
def test_a_stop_read_back_after_a_newer_reply_keeps_the_conversation_open(team, opener):
    from inbox.models import Conversation

    # given the log holds the person's STOP and, a minute later, a reply; the reply is read first
    newer = _inbound("sh-in-new", opener.to_number, "5125550101", "Yes, tell me more about the offer")
    newer["timestamp"] += 60_000
    _log(responses, [newer, _inbound("sh-in-old", opener.to_number, "5125550101", "STOP")])

    services.provider_events_reconcile()

    # then the STOP is kept and suppresses, but the conversation the newer reply speaks for stays open
    [conversation] = Conversation.objects.filter(team=team, contact_number=opener.to_number)
    assert conversation.status != Conversation.Status.CLOSED
    assert conversation.latest_item.external_id == "sh-in-new"
    assert InboxItem.objects.get(external_id="sh-in-old").conversation_id == conversation.pk
    assert messaging.is_suppressed(team=team, number=opener.to_number)
