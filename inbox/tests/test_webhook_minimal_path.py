"""Stage 8 before and after the answer: the webhook verifies, stores once, applies STOP/HELP/START and enqueues;
matching, the inbox item, classification, drafts and compliance answers follow on the realtime lane.

These tests keep the queue asynchronous (the ORM broker on the test database), so what the webhook did before it
answered is seen alone; then they run the queued tasks as a realtime worker would.
"""

import json

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string

from inbox import routing
from inbox.models import InboxItem, WebhookEvent
from messaging import services as messaging
from messaging.models import Message, Suppression
from messaging.signalhouse import sandbox_inbound_event, sign

from .lane import (
    OURS,
    SECRET,
    _post,
    _queued,
    _run,
    _signed,
    _work_realtime_lane,
)

pytestmark = pytest.mark.usefixtures("queue_async")
# The one-statement intake (a CTE that stores the record and queues its task only if the kept owner still holds) is
# PostgreSQL's; on SQLite the webhook stores the same record and task in one short transaction, and SQLite does not
# enforce a column's length, so a delivery id too long for it is stored there rather than refused
on_postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's one-statement intake and column limits (CI runs it)"
)


def test_a_stop_is_suppressed_before_the_answer_and_the_rest_follows_on_the_realtime_lane(client, contacted, team):
    number = contacted[0].to_number
    headers, body = sandbox_inbound_event(number, OURS, "STOP", SECRET)

    response = _post(client, headers, body)

    # before the answer: stored once, the number suppressed, one task queued on the realtime lane; nothing else
    assert response.status_code == 200
    assert response.json()["status"] == "received"
    assert messaging.is_suppressed(team=team, number=number)
    record = WebhookEvent.objects.get()
    assert (record.status, record.team_id, record.compliance_action) == ("received", team.pk, "suppressed")
    assert not Message.objects.filter(direction="inbound").exists()
    assert not InboxItem.objects.exists()
    assert not Message.objects.filter(kind="compliance").exists()
    assert [(row.key, row.task["func"]) for row in _queued()] == [
        ("realtime", "inbox.tasks.webhook_event_process_task")
    ]

    ran = _work_realtime_lane()

    assert ran[0] == "inbox.tasks.webhook_event_process_task"
    assert "inbox.tasks.compliance_reply_task" in ran
    assert "inbox.tasks.inbox_item_classify_task" in ran
    item = InboxItem.objects.get(team=team)
    assert item.classification == "opt_out"
    assert list(item.events.values_list("action", flat=True))[:3] == ["received", "suppressed", "compliance_reply"]
    confirmation = Message.objects.get(kind="compliance", to_number=number)
    assert confirmation.status == "sent"
    assert Suppression.objects.get(team=team, phone_number=number).source_message_id == item.message_id
    record.refresh_from_db()
    assert record.status == "processed"


@on_postgresql_only
@pytest.mark.django_db(transaction=True)  # as a webhook call runs: in autocommit, outside any transaction
def test_a_plain_reply_is_one_read_and_one_statement_before_the_answer(client, contacted, team):
    from django.test.utils import CaptureQueriesContext

    headers, body = _signed(
        contacted[0].to_number, "who is this?", identifier="sh-9", stamp=1796144400000, delivery_id="d-9"
    )
    routing._owners.clear()  # no process has kept the number's owner yet

    with CaptureQueriesContext(connection) as queries:
        response = _post(client, headers, body)

    # the owning team with its secrets in one read; the record and its task in one statement; nothing else
    assert response.status_code == 200
    assert [query["sql"].split()[0] for query in queries.captured_queries] == ["SELECT", "WITH"]
    record = WebhookEvent.objects.get()
    assert (record.pk, record.team_id, record.status, record.compliance_action) == (
        response.json()["id"],
        team.pk,
        "received",
        "",
    )
    assert [(row.key, row.task["func"], row.task["args"][0]) for row in _queued()] == [
        ("realtime", "inbox.tasks.webhook_event_process_task", record.pk)
    ]


def test_the_webhook_is_answered_before_the_session_and_page_middleware(client, contacted, team):
    headers, body = _signed(contacted[0].to_number, "who?", identifier="sh-1", stamp=1796144400000, delivery_id="d-1")

    response = _post(client, headers, body)

    # answered by its view right after the host check: neither the page middleware (X-Frame-Options on every
    # answer it sees) nor the session middleware (Vary: Cookie) ran; the length is stated for a kept-alive connection
    assert response.status_code == 200
    assert "X-Frame-Options" not in response.headers
    assert "Vary" not in response.headers
    assert response.headers["Content-Length"] == str(len(response.content))
    # anything else under the prefix still goes down the whole chain
    page = client.get(reverse("webhook-signalhouse"))
    assert (page.status_code, page.headers["X-Frame-Options"]) == (405, "DENY")
    slashless = client.post("/webhooks/signalhouse", data=body, content_type="application/json")
    assert (slashless.status_code, slashless.headers["Location"]) == (301, "/webhooks/signalhouse/")


@on_postgresql_only
@pytest.mark.django_db(transaction=True)
def test_the_next_reply_to_a_kept_number_is_one_statement(client, contacted, team):
    from django.test.utils import CaptureQueriesContext

    first = _signed(contacted[0].to_number, "who is this?", identifier="sh-1", stamp=1796144400000, delivery_id="d-1")
    assert _post(client, *first).status_code == 200
    second = _signed(contacted[1].to_number, "who?", identifier="sh-2", stamp=1796144400001, delivery_id="d-2")

    with CaptureQueriesContext(connection) as queries:
        response = _post(client, *second)

    # the owner and its secrets as this process kept them; the statement stores only if they still hold
    assert response.status_code == 200
    assert [query["sql"].split()[0] for query in queries.captured_queries] == ["WITH"]
    assert WebhookEvent.objects.get(identifier="sh-2").team_id == team.pk


@pytest.mark.django_db(transaction=True)
def test_a_number_moved_to_another_team_after_it_was_kept_reaches_the_new_owner(client, contacted, other_team):
    from messaging.models import SenderNumber

    kept = _signed(contacted[0].to_number, "who is this?", identifier="sh-1", stamp=1796144400000, delivery_id="d-1")
    assert _post(client, *kept).status_code == 200
    SenderNumber.objects.filter(number=OURS).update(team=other_team)  # as another web process would

    stop = _signed(contacted[1].to_number, "STOP", identifier="sh-2", stamp=1796144400001, delivery_id="d-2")
    response = _post(client, *stop)

    # stored once, for the team that owns the number now, and the STOP suppresses for that team only
    assert response.status_code == 200
    assert list(WebhookEvent.objects.filter(identifier="sh-2").values_list("team_id", flat=True)) == [other_team.pk]
    assert messaging.is_suppressed(team=other_team, number=contacted[1].to_number)
    assert not messaging.is_suppressed(team=contacted[1].team, number=contacted[1].to_number)
    plain = _signed(contacted[2].to_number, "who?", identifier="sh-3", stamp=1796144400002, delivery_id="d-3")
    assert _post(client, *plain).status_code == 200
    assert WebhookEvent.objects.get(identifier="sh-3").team_id == other_team.pk


@pytest.mark.django_db(transaction=True)
def test_a_secret_replaced_after_it_was_kept_stops_verifying_at_once(client, contacted, team):
    from usdatabiz.core.services import team_credential_set

    team_credential_set(team=team, provider="signalhouse", name="webhook_secret", value="team-secret-one")

    def post(secret: str, delivery: str):
        stamp = 1796144400000 + int(delivery[2:])
        body = json.dumps(
            {
                "event": "MESSAGE_RECEIVED",
                "identifier": f"sh-{delivery}",
                "metaData": {
                    "Message": {
                        "senderPhoneNumber": contacted[0].to_number,
                        "recipientPhoneNumber": OURS,
                        "messageBody": "hi",
                    }
                },
            }
        ).encode()
        headers = {"X-SignalHouse-Timestamp": str(stamp), "X-SignalHouse-Signature": sign(secret, stamp, body),
                   "X-SignalHouse-Delivery-Id": delivery}  # fmt: skip
        return _post(client, headers, body)

    assert post("team-secret-one", "d-1").status_code == 200  # the owner and this secret are kept now
    team_credential_set(team=team, provider="signalhouse", name="webhook_secret", value="team-secret-two")

    # the kept secret no longer signs anything; the new one does, without waiting for the kept entry to expire
    assert post("team-secret-one", "d-2").status_code == 401
    assert post("team-secret-two", "d-3").status_code == 200
    assert WebhookEvent.objects.filter(delivery_id="d-3", team=team).exists()


def test_help_is_kept_on_the_record_and_answered_on_the_realtime_lane(client, contacted, team):
    number = contacted[0].to_number

    response = _post(client, *sandbox_inbound_event(number, OURS, "HELP", SECRET))

    assert response.status_code == 200
    record = WebhookEvent.objects.get()
    assert (record.status, record.compliance_action) == ("received", "help")
    assert not Suppression.objects.exists()
    assert [row.task["func"] for row in _queued("realtime")] == ["inbox.tasks.webhook_event_process_task"]

    ran = _work_realtime_lane()

    assert "inbox.tasks.compliance_reply_task" in ran
    answer = Message.objects.get(kind="compliance", to_number=number)
    assert (answer.status, answer.metadata["keyword"]) == ("sent", "HELP")


def test_a_suppressed_number_is_refused_by_the_send_checks_before_the_task_runs(client, contacted, team):
    number = contacted[1].to_number
    _post(client, *sandbox_inbound_event(number, OURS, "please stop texting me", SECRET))

    cfg = messaging.messaging_settings_get(team=team)
    check = messaging.send_check(team_id=team.pk, number=number, kind="campaign", cfg=cfg, now=timezone.now())

    assert (check.ok, check.code) == (False, "OPTED_OUT")


def test_the_same_delivery_twice_is_one_task_and_one_message(client, contacted, team):
    sender = contacted[0].to_number
    first = _post(client, *_signed(sender, "who is this", identifier="sh-1", stamp=1796144400000, delivery_id="d-1"))
    retry = _post(client, *_signed(sender, "who is this", identifier="sh-1", stamp=1796144400500, delivery_id="d-1"))

    assert (first.status_code, retry.status_code) == (200, 200)
    assert first.json()["id"] == retry.json()["id"]
    assert WebhookEvent.objects.get().attempts == 2
    assert len(_queued("realtime")) == 1
    row = _queued("realtime")[0]
    task = row.task
    _work_realtime_lane()
    import_string(task["func"])(*task["args"])  # the queue delivering the same task again changes nothing
    assert Message.objects.filter(direction="inbound", external_id="sh-1").count() == 1
    assert InboxItem.objects.count() == 1


def test_one_message_under_two_deliveries_is_two_records_and_one_inbox_item(client, contacted, team):
    sender = contacted[0].to_number
    _post(client, *_signed(sender, "call me", identifier="sh-2", stamp=1796144400000, delivery_id="d-1"))
    _post(client, *_signed(sender, "call me", identifier="sh-2", stamp=1796144400900, delivery_id="d-2"))

    assert len(_queued("realtime")) == 2
    _work_realtime_lane()

    assert Message.objects.filter(direction="inbound", external_id="sh-2").count() == 1
    assert InboxItem.objects.count() == 1
    assert sorted(WebhookEvent.objects.values_list("status", flat=True)) == ["duplicate", "processed"]


def test_a_start_is_confirmed_once_whichever_delivery_stores_the_message(client, contacted, team):
    sender = contacted[0].to_number
    messaging.suppression_add(team=team, number=sender, reason="opt_out")
    _post(client, *_signed(sender, "START", identifier="sh-3", stamp=1796144400000, delivery_id="d-1"))
    _post(client, *_signed(sender, "START", identifier="sh-3", stamp=1796144400900, delivery_id="d-2"))

    assert not messaging.is_suppressed(team=team, number=sender)  # lifted before the first answer
    assert sorted(WebhookEvent.objects.values_list("compliance_action", flat=True)) == ["", "lifted"]
    second, first = _queued("realtime")[1], _queued("realtime")[0]
    _run(second)  # the delivery that lifted nothing stores the message ...
    _run(first)
    _work_realtime_lane()

    assert Message.objects.filter(kind="compliance", to_number=sender).count() == 1  # ... and the START is confirmed
    assert InboxItem.objects.get().events.filter(action="resubscribed").count() == 1


def test_a_task_failure_leaves_the_event_failed_and_its_retry_processes_it_once(client, contacted, monkeypatch):
    from inbox.services import intake

    real, calls = intake.inbound_receive, []

    def fail_once(**kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("database went away")
        return real(**kwargs)

    monkeypatch.setattr(intake, "inbound_receive", fail_once)
    response = _post(client, *sandbox_inbound_event(contacted[0].to_number, OURS, "who is this?", SECRET))
    assert response.status_code == 200  # stored: the provider need not retry
    task = _queued("realtime")[0].task

    with pytest.raises(RuntimeError, match="database went away"):
        _run(_queued("realtime")[0])

    record = WebhookEvent.objects.get()
    assert (record.status, record.error_code) == ("failed", "WEBHOOK_FAILURE")
    assert not InboxItem.objects.exists()  # nothing half written
    import_string(task["func"])(*task["args"])  # the retry
    _work_realtime_lane()
    assert InboxItem.objects.count() == 1
    assert WebhookEvent.objects.get().status == "processed"


def test_a_number_no_team_owns_is_stored_unmatched_and_suppresses_nothing(client, contacted):
    headers, body = _signed("2125550177", "STOP", identifier="sh-4", stamp=1796144400000, delivery_id="d-1")
    body = body.replace(OURS.encode(), b"9995550100")
    headers["X-SignalHouse-Signature"] = sign(SECRET, 1796144400000, body)

    _post(client, headers, body)
    _work_realtime_lane()

    record = WebhookEvent.objects.get()
    assert (record.team_id, record.status, record.compliance_action) == (None, "unmatched", "")
    assert not Suppression.objects.exists()
    assert not InboxItem.objects.exists()


def test_an_unclear_revocation_holds_the_number_before_the_answer(client, contacted, team):
    """Between the answer and the realtime task a campaign slice may send: the hold must already be there."""
    from messaging.models import OptOutReview

    number = contacted[2].to_number
    text = "how many times do I have to get these, this is so annoying"

    response = _post(client, *sandbox_inbound_event(number, OURS, text, SECRET))

    assert response.status_code == 200
    record = WebhookEvent.objects.get()
    assert record.compliance_action == "held"
    review = OptOutReview.objects.get(team=team, phone_number=number)
    assert (review.status, review.text, review.inbox_item_id) == ("held", text, None)
    assert not messaging.is_suppressed(team=team, number=number)
    cfg = messaging.messaging_settings_get(team=team)
    check = messaging.send_check(team_id=team.pk, number=number, kind="campaign", cfg=cfg, now=timezone.now())
    assert (check.ok, check.code) == (False, "OPT_OUT_REVIEW")

    _work_realtime_lane()

    item = InboxItem.objects.get(team=team)
    assert OptOutReview.objects.filter(team=team, phone_number=number).count() == 1
    review.refresh_from_db()
    assert (review.inbox_item_id, review.source_message_id) == (item.pk, item.message_id)
    assert "opt_out_review" in item.events.values_list("action", flat=True)


def test_an_unclear_reply_decided_before_its_task_runs_is_not_held_again(client, contacted, team, operator):
    from messaging.models import OptOutReview
    from messaging.opt_out_reviews import opt_out_review_decide

    number = contacted[0].to_number
    _post(client, *sandbox_inbound_event(number, OURS, "so sick of these", SECRET))
    opt_out_review_decide(review=OptOutReview.objects.get(team=team), decision="not_opt_out", user=operator)

    _work_realtime_lane()

    assert list(OptOutReview.objects.filter(team=team).values_list("status", flat=True)) == ["decided"]
    cfg = messaging.messaging_settings_get(team=team)
    assert messaging.send_check(team_id=team.pk, number=number, kind="campaign", cfg=cfg, now=timezone.now()).ok


def test_each_web_worker_trains_the_reply_models_before_it_serves():
    # given a process whose reply models are not trained yet
    import importlib

    import usdatabiz.wsgi
    from inbox.classification import intent_model
    from messaging import compliance

    compliance.revocation_model.cache_clear()
    intent_model.cache_clear()

    # when gunicorn loads the application in a worker
    importlib.reload(usdatabiz.wsgi)

    # then both models are ready before the first reply arrives (the webhook reads each reply with one of them)
    assert compliance.revocation_model.cache_info().currsize == 1
    assert intent_model.cache_info().currsize == 1


@on_postgresql_only
def test_a_store_that_fails_within_a_callers_transaction_is_answered_503_and_recorded(contacted, team):
    # given a caller already in a transaction (the test's) and an event whose record cannot be stored
    from inbox import routing
    from inbox.services import intake_event
    from messaging.signalhouse.webhooks import parse_event

    _, body = _signed(contacted[0].to_number, "who is this?", identifier="sh-10", stamp=1796144400000, delivery_id="d")
    event = parse_event(body)

    # when it is taken in with a delivery id longer than its column
    status, record = intake_event(
        provider="signalhouse",
        event=event,
        route=routing.Route(team.pk),
        delivery_id="d" * 65,
        digest="e" * 64,
        raw_text=body.decode(),
    )

    # then the provider is asked to retry, the failure is recorded in the same transaction, and nothing is queued
    assert (status, record.status, record.error_code) == (503, "failed", "WEBHOOK_FAILURE")
    assert list(WebhookEvent.objects.values_list("pk", "status", "digest")) == [(record.pk, "failed", "e" * 64)]
    assert not _queued()
