"""Stage 11 in the product: the routed worker drafts, a named person approves; drafting never sends."""

import json

import pytest
import responses
from django.urls import reverse

from conftest import api_client_for
from inbox import services
from inbox.models import InboxItem
from messaging.models import Message, MessagingSettings
from usdatabiz.core.models import StageFailure

from .factories import replied_item


@pytest.fixture(autouse=True)
def _daytime(time_machine):
    time_machine.move_to("2026-12-01T17:00:00Z")


def test_a_reply_arrives_with_a_draft_awaiting_approval_and_nothing_is_sent(team, operator):
    item = replied_item(team, operator, "Sounds good, tell me more")

    item.refresh_from_db()
    assert item.suggestion_status == "pending"
    assert item.assigned_sdr_id in ("GIANNA", "SABRINA")
    assert item.suggested_action in ("send_reply", "book_meeting")
    assert item.suggested_text
    assert item.ai_notes
    assert (item.suggestion_engine, item.suggestion_ms is not None) == ("rules", True)
    assert not Message.objects.filter(kind="reply").exists()  # the task drafted; only a person sends


def test_approving_the_draft_as_is_and_after_editing(operator_client, operator, team):
    item = replied_item(team, operator, "Sounds good, tell me more")
    item.refresh_from_db()
    page = operator_client.get(item.get_absolute_url()).content.decode()
    assert 'data-testid="suggestion"' in page
    assert "Approve and send" in page

    operator_client.post(
        reverse("inbox:item-reply", args=[item.pk]), {"text": item.suggested_text, "from_suggestion": "on"}
    )
    item.refresh_from_db()
    reply = Message.objects.get(kind="reply")
    assert (item.suggestion_status, reply.body, reply.approved_by) == ("approved", item.suggested_text, operator)
    assert reply.metadata["fromSuggestion"] is True

    other = replied_item(team, operator, "Sounds good, tell me more", start=30)
    other.refresh_from_db()
    api_client_for(operator).post(
        f"/api/v1/inbox-items/{other.pk}/reply/", {"text": "Edited by me", "from_suggestion": True}, format="json"
    )
    other.refresh_from_db()
    assert other.suggestion_status == "edited"


def test_rejecting_a_draft_records_wrong_suggestion_and_sends_nothing(operator_client, operator, team):
    item = replied_item(team, operator, "Sounds good, tell me more")
    refused = operator_client.post(reverse("inbox:item-reject-suggestion", args=[item.pk]), {"reason": ""}, follow=True)
    assert b"INVALID_INPUT" in refused.content

    operator_client.post(reverse("inbox:item-reject-suggestion", args=[item.pk]), {"reason": "too pushy"})

    item.refresh_from_db()
    assert item.suggestion_status == "rejected"
    failure = StageFailure.objects.get(stage=11, code="WRONG_SUGGESTION", subject_id=item.pk)
    assert "too pushy" in failure.detail
    assert not Message.objects.filter(kind="reply").exists()
    with pytest.raises(services.InboxError):
        services.inbox_item_suggestion_reject(item=item, user=operator, reason="again")


def test_a_slow_draft_is_response_delay(team, operator, settings):
    settings.COPILOT_SLOW_MS = -1  # any time at all is too slow
    item = replied_item(team, operator, "Sounds good, tell me more")
    assert StageFailure.objects.filter(stage=11, code="RESPONSE_DELAY", subject_id=item.pk).exists()


def test_a_stranger_with_no_context_gets_a_safe_draft_and_context_missing(team, operator, client, settings):
    from messaging.signalhouse import sandbox_inbound_event
    from messaging.sms import SANDBOX_WEBHOOK_SECRET
    from messaging.tests.factories import sender_number_for

    MessagingSettings.objects.create(team=team, brand_name="")
    sender_number_for(team, "5125550111")
    headers, body = sandbox_inbound_event("2125550199", "5125550111", "hello", SANDBOX_WEBHOOK_SECRET)
    services.webhook_receive(headers=headers, raw_body=body)

    item = InboxItem.objects.get(team=team)
    assert item.lead_id is None
    assert StageFailure.objects.filter(stage=11, code="CONTEXT_MISSING", subject_id=item.pk).exists()
    assert item.suggested_action == "review"


@responses.activate
def test_the_llm_drafts_when_configured_and_the_rules_take_over_when_it_fails(team, operator, settings):
    settings.COPILOT_LLM_BASE_URL = "https://llm.test.example/v1"
    settings.COPILOT_LLM_API_KEY = "sk-llm"
    answer = {"action": "send_reply", "text": "Thanks! Would a 10-minute call on Tuesday work?", "notes": "warm"}
    responses.post(
        "https://llm.test.example/v1/chat/completions",
        json={"choices": [{"message": {"content": json.dumps(answer)}}]},
    )
    item = replied_item(team, operator, "Sounds good, tell me more")
    item.refresh_from_db()
    assert (item.suggestion_engine, item.suggested_text) == ("llm", answer["text"])
    assert responses.calls[-1].request.headers["Authorization"] == "Bearer sk-llm"

    responses.replace(responses.POST, "https://llm.test.example/v1/chat/completions", status=500)
    other = replied_item(team, operator, "Sounds good, tell me more", start=30)
    other.refresh_from_db()
    assert other.suggestion_engine == "rules"
    assert "LLM unavailable" in other.ai_notes
    assert other.suggestion_status == "pending"


def test_cathy_drafts_one_nudge_when_the_person_goes_quiet_after_our_reply(team, operator, time_machine):
    item = replied_item(team, operator, "Sounds good, tell me more")
    services.inbox_item_reply(item=item, user=operator, text="Great, does Tuesday work?")
    assert services.inbox_items_nudge_check() == 0  # too soon

    time_machine.move_to("2026-12-05T17:00:00Z")  # four days of silence
    assert services.inbox_items_nudge_check() == 1

    item.refresh_from_db()
    assert (item.assigned_sdr_id, item.suggestion_status) == ("CATHY", "pending")
    assert item.suggested_text
    assert not Message.objects.filter(kind="reply").exclude(body="Great, does Tuesday work?").exists()
    assert services.inbox_items_nudge_check() == 0  # a draft is already waiting
