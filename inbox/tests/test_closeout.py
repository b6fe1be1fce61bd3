"""Stages 11-12 by the operator: replies only with a named approval, corrections, closeout with a disposition."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import api_client_for
from inbox import services
from inbox.models import InboxItem
from leads.models import Lead
from messaging.models import Message
from usdatabiz.core.models import StageFailure

from .factories import replied_item


@pytest.fixture(autouse=True)
def _daytime(time_machine):
    time_machine.move_to("2026-12-01T17:00:00Z")  # 11:00 in Austin


@pytest.fixture
def item(team, operator):
    return replied_item(team, operator, "Sounds good, tell me more")


def test_an_operator_replies_and_the_reply_records_who_approved_it(operator_client, operator, item):
    response = operator_client.post(reverse("inbox:item-reply", args=[item.pk]), {"text": "Great! When suits you?"})

    assert response.url == item.get_absolute_url()
    reply = Message.objects.get(kind="reply")
    assert (reply.status, reply.approved_by, reply.reply_to_id) == ("sent", operator, item.message_id)
    assert (reply.to_number, reply.correlation_id, reply.campaign_id) == (
        item.phone_number,
        item.correlation_id,
        item.campaign_id,
    )
    page = operator_client.get(item.get_absolute_url()).content.decode()
    assert f"approved by {operator.username}" in page


def test_a_reply_without_a_named_person_is_refused_and_recorded_as_approval_bypass(item):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(services.InboxError) as err:
        services.inbox_item_reply(item=item, user=AnonymousUser(), text="hi")

    assert err.value.code == "APPROVAL_REQUIRED"
    assert not Message.objects.filter(kind="reply").exists()
    assert StageFailure.objects.filter(stage=11, code="APPROVAL_BYPASS", subject_id=item.pk).exists()


def test_the_messaging_layer_refuses_an_unapproved_reply_too(team, item):
    from messaging import services as messaging

    with pytest.raises(messaging.SendError) as err:
        messaging.message_send(team=team, to_number=item.phone_number, body="hi", kind="reply", key="x")
    assert err.value.code == "APPROVAL_REQUIRED"
    assert not Message.objects.filter(kind="reply").exists()


def test_viewers_cannot_reply_on_the_page_or_the_api(client, viewer, item):
    client.force_login(viewer)
    assert client.post(reverse("inbox:item-reply", args=[item.pk]), {"text": "hi"}).status_code == 403
    assert api_client_for(viewer).post(f"/api/v1/inbox-items/{item.pk}/reply/", {"text": "hi"}).status_code == 403
    assert not Message.objects.filter(kind="reply").exists()


def test_a_reply_to_someone_who_opted_out_since_is_blocked_at_send_time(operator_client, team, item):
    from messaging import services as messaging

    messaging.suppression_add(team=team, number=item.phone_number, reason="opt_out")
    response = operator_client.post(reverse("inbox:item-reply", args=[item.pk]), {"text": "hi"}, follow=True)

    assert b"OPTED_OUT" in response.content
    assert Message.objects.get(kind="reply").status == "blocked"


def test_a_reply_at_night_in_the_recipients_zone_is_not_sent(operator_client, item, time_machine):
    time_machine.move_to("2026-12-02T05:00:00Z")  # 23:00 in Austin
    response = operator_client.post(reverse("inbox:item-reply", args=[item.pk]), {"text": "hi"}, follow=True)
    assert b"QUIET_HOURS" in response.content
    assert Message.objects.get(kind="reply").status == "blocked"


def test_the_same_reply_form_posted_twice_sends_two_distinct_replies_with_distinct_keys(operator_client, item):
    operator_client.post(reverse("inbox:item-reply", args=[item.pk]), {"text": "one"})
    operator_client.post(reverse("inbox:item-reply", args=[item.pk]), {"text": "two"})
    keys = list(Message.objects.filter(kind="reply").order_by("pk").values_list("idempotency_key", flat=True))
    assert len(keys) == len(set(keys)) == 2
    assert all(key.startswith(f"reply:{item.pk}:") for key in keys)


def test_closing_needs_a_disposition_and_sets_who_when_and_the_lead(operator_client, operator, item):
    refused = operator_client.post(
        reverse("inbox:item-close", args=[item.pk]), {"disposition": "", "notes": ""}, follow=True
    )
    assert b"INCOMPLETE_NOTES" in refused.content
    vague = operator_client.post(reverse("inbox:item-close", args=[item.pk]), {"disposition": "other"}, follow=True)
    assert b"INCOMPLETE_NOTES" in vague.content
    assert StageFailure.objects.filter(stage=12, code="INCOMPLETE_NOTES", subject_id=item.pk).count() == 2
    item.refresh_from_db()
    assert item.status == "open"

    operator_client.post(reverse("inbox:item-close", args=[item.pk]), {"disposition": "booked", "notes": "Tue 3pm"})

    item.refresh_from_db()
    assert (item.status, item.bucket, item.processed_by, item.disposition, item.notes) == (
        "processed", "done", operator, "booked", "Tue 3pm",
    )  # fmt: skip
    assert item.processed_at is not None
    lead = Lead.objects.get(pk=item.lead_id)
    assert (lead.status, lead.close_reason) == ("converted", "booked")
    page = operator_client.get(item.get_absolute_url()).content.decode()
    assert 'data-testid="closed"' in page
    assert operator.username in page


@pytest.mark.parametrize(("disposition", "status"), [("not_interested", "lost"), ("wrong_number", "closed")])
def test_dispositions_map_to_lead_statuses(operator, item, disposition, status):
    services.inbox_item_close(item=item, user=operator, disposition=disposition)
    lead = Lead.objects.get(pk=item.lead_id)
    assert (lead.status, lead.close_reason) == (status, disposition)


def test_reopen_and_no_reply_on_a_closed_conversation(operator, item):
    services.inbox_item_close(item=item, user=operator, disposition="not_interested")
    with pytest.raises(services.InboxError) as err:
        services.inbox_item_reply(item=item, user=operator, text="hi")
    assert err.value.code == "ITEM_CLOSED"
    services.inbox_item_reopen(item=item, user=operator, reason="they wrote again")
    item.refresh_from_db()
    assert (item.status, item.bucket) == ("open", "reply")


def test_corrections_are_recorded(operator, item):
    services.inbox_item_reclassify(item=item, classification="meeting_request", user=operator)
    item.refresh_from_db()
    assert (item.classification, item.assigned_sdr_id, item.bucket) == ("meeting_request", "SABRINA", "call")
    services.inbox_item_move(item=item, user=operator, bucket="review")
    item.refresh_from_db()
    assert item.bucket == "review"
    codes = set(StageFailure.objects.filter(subject_id=item.pk).values_list("code", flat=True))
    assert {"MISCLASSIFICATION", "WRONG_BUCKET"} <= codes
    with pytest.raises(services.InboxError):
        services.inbox_item_reclassify(item=item, classification="maybe", user=operator)
    with pytest.raises(services.InboxError):
        services.inbox_item_move(item=item, user=operator, bucket="done")


def test_follow_up_check_flags_forgotten_and_cooling_items_once(team, operator, item, settings):
    InboxItem.objects.filter(pk=item.pk).update(priority="hot", received_at=timezone.now() - timedelta(hours=30))

    first = services.inbox_items_follow_up_check()
    second = services.inbox_items_follow_up_check()

    assert first == {"NO_FOLLOW_UP": 1, "LOST_LEAD": 1}
    assert second == {"NO_FOLLOW_UP": 0, "LOST_LEAD": 0}
    item.refresh_from_db()
    assert item.priority == "warm"


def test_a_hot_item_that_was_answered_is_not_a_lost_lead(team, operator, item):
    services.inbox_item_reply(item=item, user=operator, text="On it")
    InboxItem.objects.filter(pk=item.pk).update(priority="hot", received_at=timezone.now() - timedelta(hours=5))
    assert services.inbox_items_follow_up_check()["LOST_LEAD"] == 0


def test_the_api_replies_and_closes(team, operator, item):
    api = api_client_for(operator)
    listing = api.get("/api/v1/inbox-items/", {"status": "open"}).json()
    assert [row["id"] for row in listing["results"]] == [item.pk]
    sent = api.post(f"/api/v1/inbox-items/{item.pk}/reply/", {"text": "Happy to help"}, format="json")
    assert (sent.status_code, sent.json()["status"], sent.json()["approved_by"]) == (201, "sent", operator.username)
    bad = api.post(f"/api/v1/inbox-items/{item.pk}/close/", {"disposition": "maybe"}, format="json")
    assert bad.status_code == 400
    closed = api.post(f"/api/v1/inbox-items/{item.pk}/close/", {"disposition": "not_interested"}, format="json")
    assert (closed.json()["status"], closed.json()["processed_by"]) == ("processed", operator.username)
    events = api.get(f"/api/v1/inbox-items/{item.pk}/events/").json()
    assert [e["action"] for e in events][-2:] == ["replied", "closed"]


def test_the_simulated_reply_goes_through_the_webhook(operator_client, team, item):
    response = operator_client.post(
        reverse("inbox:simulate-reply"), {"from_number": item.phone_number, "text": "Call me at 512-555-0188"}
    )
    second = InboxItem.objects.exclude(pk=item.pk).get(team=team)
    assert response.url == second.get_absolute_url()
    assert second.extracted["phone"] == "5125550188"
    stranger = operator_client.post(
        reverse("inbox:simulate-reply"), {"from_number": "2125550199", "text": "hi"}, follow=True
    )
    assert b"NO_LEAD_MATCH" in stranger.content


def test_the_inbox_finds_a_conversation_by_number_or_name(operator_client, operator, item):
    number = f"({item.phone_number[:3]}) {item.phone_number[3:]}"
    by_number = operator_client.get(reverse("inbox:item-list"), {"q": number}).content.decode()
    by_name = operator_client.get(reverse("inbox:item-list"), {"q": item.lead.persona.last_name}).content.decode()
    nothing = operator_client.get(reverse("inbox:item-list"), {"q": "Nobody Here"}).content.decode()
    api = api_client_for(operator).get("/api/v1/inbox-items/", {"q": item.phone_number[-4:]}).json()

    assert item.response_text in by_number
    assert item.response_text in by_name
    assert item.response_text not in nothing
    assert [row["id"] for row in api["results"]] == [item.pk]
