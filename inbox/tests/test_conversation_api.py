"""``/api/v1/conversations/``: the list with its filters and fields, one thread with its texts, and the actions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import api_client_for
from inbox.models import Conversation, ConversationEvent

from .test_conversations import (  # noqa: F401 - fixtures and helper
    _secret,  # noqa: F401
    robin,
    say,
)

pytestmark = pytest.mark.django_db

FIELDS = {
    "id", "status", "intent", "worker", "assignee", "disposition", "contact_number", "last_message_at", "draft",
}  # fmt: skip


def test_the_list_gives_the_agreed_fields_and_filters(client, robin, operator, team):  # noqa: F811
    say(client, robin, "Sounds interesting, tell me more")
    api = api_client_for(operator)

    body = api.get("/api/v1/conversations/").json()

    (row,) = body["results"]
    assert FIELDS <= set(row)
    assert (row["status"], row["contact_number"], row["assignee"]) == ("open", robin.to_number, None)
    assert set(row["draft"]) == {"text", "worker", "status"}
    assert row["draft"]["status"] == "pending"
    assert row["draft"]["worker"] == row["worker"]
    for query, found in [
        ({"status": "open"}, 1), ({"status": "closed"}, 0), ({"assignee": "none"}, 1), ({"assignee": "me"}, 0),
        ({"intent": row["intent"]}, 1), ({"intent": "hostile"}, 0), ({"contact_number": robin.to_number}, 1),
        ({"contact_number": "5125550000"}, 0),
    ]:  # fmt: skip
        assert len(api.get("/api/v1/conversations/", query).json()["results"]) == found, query
    refused = api.get("/api/v1/conversations/", {"status": "maybe"})
    assert refused.status_code == 400
    assert "status" in refused.json()


def test_one_conversation_has_its_texts_and_the_actions_work(client, robin, operator):  # noqa: F811
    say(client, robin, "Sounds interesting, tell me more")
    conversation = Conversation.objects.get()
    api = api_client_for(operator)
    url = f"/api/v1/conversations/{conversation.pk}/"

    detail = api.get(url).json()
    assert [m["direction"] for m in detail["messages"]] == ["outbound", "inbound"]

    assert api.post(url + "assign/", {"assignee": "me"}, format="json").json()["assignee"] == operator.username
    assert len(api.get("/api/v1/conversations/", {"assignee": "me"}).json()["results"]) == 1
    assert api.post(url + "assign/", {"assignee": None}, format="json").json()["assignee"] is None
    assert api.post(url + "note/", {"text": "call after lunch"}, format="json").status_code == 201
    assert ConversationEvent.objects.get(action="note").detail["text"] == "call after lunch"
    bad = api.post(url + "snooze/", {"until": "2020-01-01T00:00:00Z"}, format="json")
    assert (bad.status_code, bad.json()["code"]) == (400, "INVALID_SNOOZE")

    sent = api.post(url + "approve-draft/", {"text": "Happy to, Robin. When suits you?"}, format="json")
    assert sent.status_code == 201
    assert sent.json()["approved_by"] == operator.username
    after = api.get(url).json()
    assert (after["status"], after["draft"]) == ("waiting", None)
    again = api.post(url + "approve-draft/", {}, format="json")
    assert (again.status_code, again.json()["code"]) == (409, "NO_PENDING_DRAFT")

    assert api.post(url + "snooze/", {"until": "2099-01-01T00:00:00Z"}, format="json").json()["status"] == "snoozed"
    closed = api.post(url + "close/", {"disposition": "booked"}, format="json").json()
    assert (closed["status"], closed["disposition"]) == ("closed", "booked")
    reply = api.post(url + "reply/", {"text": "one more thing"}, format="json")
    assert (reply.status_code, reply.json()["code"]) == (409, "CONVERSATION_CLOSED")
    assert api.post(url + "reopen/", {"reason": "called back"}, format="json").json()["status"] == "open"
    assert api.post(url + "reply/", {"text": "Talk soon"}, format="json").status_code == 201


def test_a_viewer_cannot_act_and_the_list_costs_the_same_queries_whatever_the_page(client, robin, viewer, operator):  # noqa: F811
    say(client, robin, "Sounds interesting, tell me more")
    conversation = Conversation.objects.get()
    denied = api_client_for(viewer).post(f"/api/v1/conversations/{conversation.pk}/close/", {"disposition": "booked"})
    assert denied.status_code == 403
    for n in range(30):
        Conversation.objects.create(
            team_id=conversation.team_id, contact_number=f"51255590{n:02d}", status="open", assignee=operator,
            last_message_at=conversation.last_message_at,
        )  # fmt: skip
    api = api_client_for(operator)
    counts = []
    second = api.get("/api/v1/conversations/", {"limit": 5}).json()["next"]
    for url in ("/api/v1/conversations/?limit=2", second):
        with CaptureQueriesContext(connection) as ctx:
            assert api.get(url).status_code == 200
        counts.append(len(ctx))
    assert counts[0] == counts[1]


def test_the_inbox_item_routes_keep_working_and_act_on_the_conversation(client, robin, operator):  # noqa: F811
    item = say(client, robin, "Sounds interesting, tell me more")
    api = api_client_for(operator)
    conversation = f"/api/v1/conversations/{item.conversation_id}/"

    assert api.get(f"/api/v1/inbox-items/{item.pk}/").json()["id"] == item.pk
    sent = api.post(f"/api/v1/inbox-items/{item.pk}/reply/", {"text": "Happy to help"}, format="json")
    assert sent.status_code == 201
    assert (api.get(conversation).json()["status"], api.get(conversation).json()["draft"]) == ("waiting", None)

    later = say(client, robin, "Great, what are the next steps?")
    assert api.get(conversation).json()["status"] == "open"
    closed = api.post(f"/api/v1/inbox-items/{later.pk}/close/", {"disposition": "booked"}, format="json")
    assert closed.status_code == 200
    assert (api.get(conversation).json()["status"], api.get(conversation).json()["disposition"]) == ("closed", "booked")
    reopened = api.post(f"/api/v1/inbox-items/{later.pk}/reopen/", {"reason": "called back"}, format="json")
    assert reopened.status_code == 200
    assert api.get(conversation).json()["status"] == "open"
