"""Stage 10: a classified reply gets a score and bucket, a worker, and a call-queue place when it needs one."""

import pytest

from inbox import services
from inbox.models import CallQueueEntry, InboxItem
from usdatabiz.core.models import StageFailure

from .factories import replied_item


@pytest.fixture(autouse=True)
def _daytime(time_machine):
    time_machine.move_to("2026-12-01T17:00:00Z")


def test_a_fresh_meeting_request_is_hot_goes_to_sabrina_and_the_call_queue(team, operator):
    item = replied_item(team, operator, "Yes! Call me tomorrow at 3pm")

    item.refresh_from_db()
    assert (item.classification, item.priority, item.assigned_sdr_id, item.bucket) == (
        "meeting_request", "hot", "SABRINA", "call",
    )  # fmt: skip
    assert item.priority_score >= 70
    assert sum(item.priority_breakdown.values()) == pytest.approx(item.priority_score, abs=1)
    entry = CallQueueEntry.objects.get(item=item)
    assert (entry.priority, entry.assigned_worker, entry.status) == (item.priority_score, "SABRINA", "waiting")
    assert entry.correlation_id == item.correlation_id


def test_a_number_given_in_the_reply_is_the_one_queued(team, operator):
    item = replied_item(team, operator, "call me at 512-555-0188")
    assert CallQueueEntry.objects.get(item=item).phone_number == "5125550188"


def test_an_extension_given_with_the_number_is_shown_in_the_call_queue_and_kept_on_the_person(
    team, operator, operator_client
):
    from django.urls import reverse

    from identity.models import PersonaPhone

    # given a person who answers with their office line and its extension
    item = replied_item(team, operator, "call my office 512-555-0188 ext. 204, ask for Jo")

    # then the line is queued, the page shows the extension to dial after it, and the person keeps it as given
    assert item.extracted["phone"] == "5125550188"
    assert item.extracted["phone_extension"] == "204"
    assert CallQueueEntry.objects.get(item=item).phone_number == "5125550188"
    page = operator_client.get(reverse("inbox:call-queue")).content.decode()
    assert "ext. 204" in page
    kept = PersonaPhone.objects.get(persona_id=item.persona_id, normalized_number="5125550188")
    assert kept.raw == "5125550188 ext. 204"


@pytest.mark.parametrize(
    ("text", "callback_at"),
    [
        ("Yes call me tomorrow at 9am pacific", "2026-12-02T17:00:00+00:00"),  # their named clock, not Austin's
        ("call me tmrw 10ish", "2026-12-02T16:00:00+00:00"),  # 10 in Austin
        ("sure, call me at 2 tomorrow", "2026-12-02T20:00:00+00:00"),  # 2 pm, not 2 at night
        ("Call me after lunch tomorrow", "2026-12-02T19:00:00+00:00"),  # 1 pm in Austin, not the hour it is now
        ("Thurs or Fri morning works", "2026-12-03T15:00:00+00:00"),  # the first day offered, 9 in Austin
        # numbers and hours that are no time to call: no callback at all (a phone is not the year 4480)
        ("Yes call me, my husband's number is 956 273 4480", None),
        ("We're open 9-5 M-F, call the shop 512-555-0188", None),
        ("I was busy at 3 when you called yesterday. Call me", None),
    ],
)
def test_the_callback_a_reply_asks_for_is_queued_at_the_time_meant(team, operator, text, callback_at):
    item = replied_item(team, operator, text)
    entry = CallQueueEntry.objects.get(item=item)
    assert (entry.callback_at.isoformat() if entry.callback_at else None) == callback_at


def test_an_opt_out_is_cold_with_no_call_and_closes_itself_without_a_draft(team, operator):
    item = replied_item(team, operator, "STOP")
    item.refresh_from_db()
    assert (item.priority, item.suggested_action, item.suggested_text, item.suggestion_status) == ("cold", "", "", "")
    assert (item.status, item.disposition, item.conversation.status) == ("processed", "opted_out", "closed")
    assert item.priority_score <= 10
    assert not CallQueueEntry.objects.exists()


def test_a_question_is_warm_for_gianna_without_a_call(team, operator):
    item = replied_item(team, operator, "who is this?")
    item.refresh_from_db()
    assert (item.assigned_sdr_id, item.bucket) == ("GIANNA", "reply")
    assert item.priority in ("warm", "cold")
    assert not CallQueueEntry.objects.exists()


def test_a_full_queue_admits_a_hot_item_by_removing_the_lowest(team, operator, settings):
    settings.INBOX_QUEUE_CAPACITY = 1
    first = replied_item(team, operator, "call me at 512-555-0188", start=10)
    assert CallQueueEntry.objects.filter(status="waiting").count() == 1

    hot = replied_item(team, operator, "Yes! Call me tomorrow at 3pm", start=20)

    hot.refresh_from_db()
    first.refresh_from_db()
    waiting = CallQueueEntry.objects.filter(status="waiting")
    assert [e.item_id for e in waiting] == [hot.pk]
    assert CallQueueEntry.objects.get(item=first).removed_reason == "QUEUE_OVERFLOW"
    assert first.bucket == "reply"
    assert StageFailure.objects.filter(stage=10, code="QUEUE_OVERFLOW", subject_id=hot.pk).exists()


def test_a_score_that_cannot_be_computed_is_named_and_waits_in_review(team, operator):
    item = replied_item(team, operator, "who is this?")
    InboxItem.objects.filter(pk=item.pk).update(classification="gibberish")
    item.refresh_from_db()

    services.inbox_item_prioritize(item=item)

    item.refresh_from_db()
    assert item.bucket == "review"
    assert StageFailure.objects.filter(stage=10, code="SCORE_CALCULATION_ERROR", subject_id=item.pk).exists()


def test_a_call_that_does_not_reach_the_person_stays_queued_a_little_lower(operator_client, operator, team):
    from django.urls import reverse

    from conftest import api_client_for

    item = replied_item(team, operator, "Yes! Call me tomorrow at 3pm")
    entry = CallQueueEntry.objects.get(item=item)
    before = entry.priority

    operator_client.post(reverse("inbox:call-attempt", args=[entry.pk]), {"outcome": "no_answer"})
    refused = operator_client.post(reverse("inbox:call-attempt", args=[entry.pk]), {"outcome": "maybe"}, follow=True)
    api = api_client_for(operator).post(f"/api/v1/call-queue/{entry.pk}/attempt/", {"outcome": "voicemail"})

    assert b"INVALID_OUTCOME" in refused.content
    assert api.status_code == 200
    entry.refresh_from_db()
    assert (entry.status, entry.attempts, entry.priority) == ("waiting", 2, before - 20)
    assert [e.detail["outcome"] for e in item.events.filter(action="call_attempt")] == ["no_answer", "voicemail"]
    page = operator_client.get(reverse("inbox:call-queue")).content.decode()
    assert "Log try" in page
