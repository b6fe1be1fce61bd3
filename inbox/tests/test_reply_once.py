"""A double submit sends one text: an approved draft is approved once, and the same words are sent once per reply;
the second submit gets a named 409 (API) or a message (page)."""

import threading

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.urls import reverse

from conftest import api_client_for
from inbox import services
from inbox.models import Conversation, InboxItem
from messaging.models import Message
from usdatabiz.core.tests.concurrency import run_at_once

from .factories import replied_item


@pytest.fixture(autouse=True)
def _daytime(time_machine):
    time_machine.move_to("2026-12-01T17:00:00Z", tick=True)  # 11:00 in Austin


@pytest.fixture
def drafted(team, operator):
    item = replied_item(team, operator, "Sounds good, tell me more")
    item.refresh_from_db()
    assert item.suggestion_status == "pending"
    return item


def _flash(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_approving_a_draft_twice_on_the_page_sends_one_text(operator_client, drafted):
    url = reverse("inbox:item-reply", args=[drafted.pk])
    form = {"text": drafted.suggested_text, "from_suggestion": "on"}

    operator_client.post(url, form)
    second = operator_client.post(url, form)

    assert Message.objects.filter(kind="reply").count() == 1
    assert any(m.startswith("NO_PENDING_SUGGESTION") for m in _flash(second))


def test_approving_a_draft_twice_through_the_api_sends_one_text_and_answers_409(operator, drafted):
    api = api_client_for(operator)
    body = {"text": drafted.suggested_text, "from_suggestion": True}

    first = api.post(f"/api/v1/inbox-items/{drafted.pk}/reply/", body, format="json")
    second = api.post(f"/api/v1/inbox-items/{drafted.pk}/reply/", body, format="json")

    assert first.status_code == 201
    assert (second.status_code, second.json()["code"]) == (409, "NO_PENDING_SUGGESTION")
    assert Message.objects.filter(kind="reply").count() == 1


def test_approving_the_conversations_draft_twice_sends_one_text(operator, operator_client, drafted):
    conversation = Conversation.objects.get(pk=drafted.conversation_id)
    api = api_client_for(operator)

    first = api.post(f"/api/v1/conversations/{conversation.pk}/approve-draft/", {}, format="json")
    second = api.post(f"/api/v1/conversations/{conversation.pk}/approve-draft/", {}, format="json")
    page = operator_client.post(reverse("inbox:conversation-approve-draft", args=[conversation.pk]), {})

    assert first.status_code == 201
    assert second.status_code == 409
    assert any("NO_PENDING" in m for m in _flash(page))
    assert Message.objects.filter(kind="reply").count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="two requests at once need PostgreSQL's row locks")
def test_two_approvals_at_the_same_moment_send_one_text(team, operator):
    item = replied_item(team, operator, "Sounds good, tell me more")
    item.refresh_from_db()
    outcomes, barrier = [], threading.Barrier(2)

    def approve():
        try:
            barrier.wait(10)
            services.inbox_item_reply(
                item=InboxItem.objects.get(pk=item.pk), user=operator, text=item.suggested_text, from_suggestion=True
            )
            outcomes.append("sent")
        except services.InboxError as exc:
            outcomes.append(exc.code)
        finally:
            connection.close()

    run_at_once(approve, approve, timeout=30)

    assert sorted(outcomes) == ["NO_PENDING_SUGGESTION", "sent"]
    assert Message.objects.filter(kind="reply").count() == 1


def test_the_same_own_words_submitted_twice_on_the_page_send_one_text(operator_client, drafted):
    url = reverse("inbox:item-reply", args=[drafted.pk])

    operator_client.post(url, {"text": "Happy to call you at 3pm."})
    second = operator_client.post(url, {"text": "Happy to call you at 3pm."})

    assert Message.objects.filter(kind="reply").count() == 1
    assert any(m.startswith("DUPLICATE_REPLY") for m in _flash(second))


def test_the_same_own_words_submitted_twice_in_the_workspace_and_api_send_one_text(operator, operator_client, drafted):
    conversation = Conversation.objects.get(pk=drafted.conversation_id)
    api = api_client_for(operator)

    first = api.post(f"/api/v1/conversations/{conversation.pk}/reply/", {"text": "Call me at 3?"}, format="json")
    second = api.post(f"/api/v1/conversations/{conversation.pk}/reply/", {"text": "Call me at 3?"}, format="json")
    page = operator_client.post(reverse("inbox:conversation-reply", args=[conversation.pk]), {"text": "Call me at 3?"})

    assert first.status_code == 201
    assert (second.status_code, second.json()["code"]) == (409, "DUPLICATE_REPLY")
    assert any(m.startswith("DUPLICATE_REPLY") for m in _flash(page))
    assert Message.objects.filter(kind="reply").count() == 1


def test_different_words_and_a_retry_after_a_blocked_reply_still_go(operator, drafted, time_machine):
    # a reply refused at night (quiet hours) is sent when tried again by day; other words are another reply
    time_machine.move_to("2026-12-01T05:00:00Z", tick=True)  # 23:00 in Austin
    night = services.inbox_item_reply(item=drafted, user=operator, text="Call me at 3?")
    assert (night.status, night.error_code) == ("blocked", "QUIET_HOURS")
    time_machine.move_to("2026-12-01T17:00:00Z", tick=True)

    day = services.inbox_item_reply(item=drafted, user=operator, text="Call me at 3?")
    other = services.inbox_item_reply(item=drafted, user=operator, text="Or at 4?")

    assert (day.status, other.status) == ("sent", "sent")
