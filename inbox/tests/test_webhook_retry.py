"""A stored webhook event is processed until it ends: a failure is retried after a backoff and given up after
``WEBHOOK_RETRY_MAX_ATTEMPTS`` (``WEBHOOK_FAILURE`` in the ledger), a killed worker's event is sent again once its
lease ends, and an event processed twice writes everything once.

The queue is asynchronous (the ORM broker on the test database), as in ``test_webhook_minimal_path``: the tests run
what is queued as a realtime worker would. A failure is a real one: the database refuses inbox items (a trigger).
"""

import contextlib
import json
import subprocess
import sys
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.db import DatabaseError, connection
from django.urls import reverse
from django.utils import timezone
from django_q.models import OrmQ

from inbox.models import CallQueueEntry, InboxEvent, InboxItem, WebhookEvent
from inbox.services import InboxError, webhook_events_retry, webhook_events_retry_now, webhook_retry_delay
from inbox.services.retry import _process_claim
from inbox.tasks import webhook_event_process_task, webhook_events_retry_task
from messaging.models import Message
from usdatabiz.core.models import Alert, JourneyHandover, Membership, StageFailure
from usdatabiz.core.tests.concurrency import run_at_once
from usdatabiz.core.tests.factories import MembershipFactory, UserFactory
from usdatabiz.core.tests.qcluster import REPO_ROOT, environment, needs_a_shared_database

from .lane import (
    _post,
    _queued,
    _run,
    _signed,
    _work_realtime_lane,
)

pytestmark = pytest.mark.usefixtures("queue_async")

PROCESS = "inbox.tasks.webhook_event_process_task"


@contextlib.contextmanager
def _inbox_items_refused():
    """The database refuses every new inbox item until the block ends (a real failure half-way through stage 8)."""
    table = InboxItem._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION test_refuse_inbox_item() RETURNS trigger AS $$ "
                "BEGIN RAISE EXCEPTION 'inbox items refused'; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                f"CREATE TRIGGER test_refuse_inbox_item BEFORE INSERT ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION test_refuse_inbox_item()"
            )
        else:
            cursor.execute(
                f"CREATE TRIGGER test_refuse_inbox_item BEFORE INSERT ON {table} "
                "BEGIN SELECT RAISE(ABORT, 'inbox items refused'); END"
            )
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER test_refuse_inbox_item ON {table}")
                cursor.execute("DROP FUNCTION test_refuse_inbox_item()")
            else:
                cursor.execute("DROP TRIGGER test_refuse_inbox_item")


def _reply(client, contacted, identifier, text="Sounds good, call me"):
    stamp = int(timezone.now().timestamp() * 1000)
    headers, body = _signed(
        contacted[0].to_number, text, identifier=identifier, stamp=stamp, delivery_id=f"d-{identifier}"
    )
    assert _post(client, headers, body).status_code == 200
    return WebhookEvent.objects.get(identifier=identifier)


def _work_failing() -> None:
    """Run the queued processing as a worker does, whose task fails (the queue records the error)."""
    (row,) = _queued("realtime")
    with pytest.raises(DatabaseError, match="inbox items refused"):
        _run(row)


def _written(identifier: str) -> dict[str, int]:
    """What stage 8 and its followers wrote for one reply, counted."""
    items = InboxItem.objects.filter(message__external_id=identifier)
    return {
        "messages": Message.objects.filter(external_id=identifier, direction="inbound").count(),
        "items": items.count(),
        "classified": InboxEvent.objects.filter(item__in=items, action="classified").count(),
        "prioritized": InboxEvent.objects.filter(item__in=items, action="prioritized").count(),
        "drafted": InboxEvent.objects.filter(item__in=items, action="drafted").count(),
        "call_queue": CallQueueEntry.objects.filter(item__in=items).count(),
        "handovers": JourneyHandover.objects.filter(subject_id__in=items.values("pk")).count(),
    }


ONCE = {"messages": 1, "items": 1, "classified": 1, "prioritized": 1, "drafted": 1, "call_queue": 1, "handovers": 3}


def test_the_backoff_grows_five_times_from_a_minute_to_at_most_six_hours():
    delays = [webhook_retry_delay(attempts) for attempts in range(1, 7)]
    assert delays == [timedelta(minutes=m) for m in (1, 5, 25, 125)] + [timedelta(hours=6)] * 2


def test_a_failed_event_is_retried_after_its_backoff_and_processed_once(client, contacted, time_machine):
    # given a reply whose processing fails: the database refuses its inbox item
    with _inbox_items_refused():
        record = _reply(client, contacted, "in-fail-1")
        _work_failing()

    # then it is failed with nothing half written, due again in a minute
    record.refresh_from_db()
    assert (record.status, record.error_code, record.process_attempts) == ("failed", "WEBHOOK_FAILURE", 1)
    assert "inbox items refused" in record.detail
    assert timedelta(seconds=55) < record.retry_at - timezone.now() <= timedelta(minutes=1)
    assert _written("in-fail-1")["messages"] == 0
    assert not _queued()

    # when the schedule runs before the minute, then after it (twice), and a realtime worker runs what is queued
    assert webhook_events_retry_task()["requeued"] == 0
    time_machine.shift(timedelta(seconds=61))
    first, again = webhook_events_retry_task(), webhook_events_retry_task()
    ran = _work_realtime_lane()

    # then it was sent once and processed once, with every follower once
    assert (first["requeued"], again["requeued"]) == (1, 0)
    assert ran.count(PROCESS) == 1
    record.refresh_from_db()
    assert (record.status, record.error_code, record.process_attempts, record.retry_at) == ("processed", "", 2, None)
    assert _written("in-fail-1") == ONCE
    assert not StageFailure.objects.filter(code="WEBHOOK_FAILURE").exists()


def test_an_event_failing_every_time_is_given_up_after_the_last_attempt(client, contacted, time_machine, settings):
    # given at most 3 attempts, and a reply the database refuses every time
    settings.WEBHOOK_RETRY_MAX_ATTEMPTS = 3
    waits = []
    with _inbox_items_refused():
        record = _reply(client, contacted, "in-fail-2")
        _work_failing()
        for _ in range(2):
            record.refresh_from_db()
            waits.append(round((record.retry_at - timezone.now()).total_seconds() / 60))
            time_machine.shift(record.retry_at - timezone.now() + timedelta(seconds=1))
            assert webhook_events_retry_task()["requeued"] == 1
            _work_failing()

    # then it waited 1 then 5 minutes, and after the third failure it is given up: failed for good, in the
    # team's ledger and alerts
    assert waits == [1, 5]
    record.refresh_from_db()
    assert (record.status, record.error_code, record.process_attempts, record.retry_at) == (
        "failed",
        "WEBHOOK_FAILURE",
        3,
        None,
    )
    assert "Given up after WEBHOOK_RETRY_MAX_ATTEMPTS=3" in record.detail
    (failure,) = StageFailure.objects.filter(code="WEBHOOK_FAILURE")
    assert (failure.team_id, failure.stage, failure.subject_id) == (record.team_id, 8, record.pk)
    assert "inbox items refused" in failure.detail
    assert Alert.objects.filter(team_id=record.team_id, code="WEBHOOK_FAILURE").count() == 1

    # and neither the schedule, later, nor a second delivery of its task acts on it again
    time_machine.shift(timedelta(days=1))
    assert webhook_events_retry_task() == {"requeued": 0, "given_up": 0, "waiting": 0, "early_reports": 0}
    assert webhook_event_process_task(record.pk, _queued_data(record)) == "failed"
    record.refresh_from_db()
    assert (record.status, record.process_attempts) == ("failed", 3)
    assert _written("in-fail-2")["messages"] == 0


def _queued_data(record: WebhookEvent) -> dict:
    from inbox.services.intake import _event_data
    from inbox.services.retry import _parsed

    return _event_data(_parsed(record))


def test_a_worker_that_claimed_an_event_and_died_is_replaced_once_its_lease_ends(client, contacted, time_machine):
    # given a stored reply whose worker pulled the task, claimed the event and died before finishing it
    record = _reply(client, contacted, "in-stale-1")
    OrmQ.objects.all().delete()
    assert _process_claim(record.pk)
    record.refresh_from_db()
    assert (record.status, record.process_attempts) == ("received", 1)

    # when the schedule runs within the lease, after it (twice), and a realtime worker runs what is queued
    assert webhook_events_retry_task()["requeued"] == 0
    time_machine.shift(timedelta(seconds=31))
    assert webhook_events_retry_task()["requeued"] == 1
    assert webhook_events_retry_task()["requeued"] == 0
    _work_realtime_lane()

    # then the reply is processed once, by the second worker
    record.refresh_from_db()
    assert (record.status, record.process_attempts, record.retry_at) == ("processed", 2, None)
    assert _written("in-stale-1") == ONCE


def test_an_event_whose_workers_keep_dying_is_given_up(client, contacted, time_machine, settings):
    # given a reply whose every worker died after claiming it, as many times as attempts are allowed
    settings.WEBHOOK_RETRY_MAX_ATTEMPTS = 2
    record = _reply(client, contacted, "in-stale-2")
    OrmQ.objects.all().delete()
    for _ in range(2):
        assert _process_claim(record.pk)
        time_machine.shift(timedelta(seconds=31))

    # when the schedule runs
    counts = webhook_events_retry_task()

    # then it is given up, not sent again
    assert (counts["requeued"], counts["given_up"]) == (0, 1)
    assert not _queued()
    record.refresh_from_db()
    assert (record.status, record.error_code, record.retry_at) == ("failed", "WEBHOOK_FAILURE", None)
    assert "stopped (killed or timed out) 2 times" in record.detail
    assert StageFailure.objects.filter(code="WEBHOOK_FAILURE", subject_id=record.pk).count() == 1


def test_an_event_processed_twice_writes_everything_once(client, contacted):
    # given a stored reply whose task is delivered twice (a broker's retry, or the schedule's resend)
    record = _reply(client, contacted, "in-twice-1")
    (row,) = _queued("realtime")
    task = row.task

    # when both copies run, one after the other, with everything they queue
    _work_realtime_lane()
    assert webhook_event_process_task(*task["args"]) == "processed"
    _work_realtime_lane()

    # then the second found the work done: one of each, and its attempt not counted
    record.refresh_from_db()
    assert (record.status, record.process_attempts) == ("processed", 1)
    assert _written("in-twice-1") == ONCE


@pytest.mark.skipif(connection.vendor != "postgresql", reason="two schedules at once need PostgreSQL's row locks")
@pytest.mark.django_db(transaction=True)
def test_two_schedules_at_once_send_a_due_event_once(client, contacted, time_machine):
    # given three stored replies whose tasks were lost
    records = [_reply(client, contacted, f"in-race-{n}") for n in range(3)]
    OrmQ.objects.all().delete()
    time_machine.shift(timedelta(minutes=3))
    counts, errors = [], []

    def sweep():
        try:
            counts.append(webhook_events_retry()["requeued"])
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    # when two schedules run at the same moment
    run_at_once(sweep, sweep)

    # then both ran, and each event was sent once, by one of them
    assert errors == []
    assert len(counts) == 2
    assert sum(counts) == 3
    queued = [row.task["args"][0] for row in _queued("realtime")]
    assert sorted(queued) == sorted(record.pk for record in records)


def test_retry_now_sends_a_given_up_event_again_and_refuses_what_cannot_be_retried(
    client,
    contacted,
    time_machine,
    settings,
    team,
):
    # given a reply given up after its one allowed attempt, a processed one, and a call that failed before it was
    # stored for processing (the provider retries that one)
    settings.WEBHOOK_RETRY_MAX_ATTEMPTS = 1
    with _inbox_items_refused():
        given_up = _reply(client, contacted, "in-now-1")
        _work_failing()
    processed = _reply(client, contacted, "in-now-2")
    _work_realtime_lane()
    call_failed = WebhookEvent.objects.create(status="failed", error_code="WEBHOOK_FAILURE", team=team, raw_body="{}")
    staff = UserFactory(username="webhookstaff", is_staff=True)
    MembershipFactory(team=team, user=staff, role=Membership.Role.ADMIN)
    staff.user_permissions.add(*Permission.objects.filter(content_type__app_label="inbox"))
    client.force_login(staff)
    url = reverse("admin:inbox_webhookevent_changelist")

    # when staff filter the given-up events and ask to retry them (with ones that cannot be) and then the given-up one
    listed = client.get(url, {"retry": "given_up"}).content.decode()
    refused = client.post(
        url, {"action": "retry_now", "_selected_action": [given_up.pk, processed.pk, call_failed.pk]}, follow=True
    )
    assert not _queued()
    sent = client.post(url, {"action": "retry_now", "_selected_action": [given_up.pk]}, follow=True)
    _work_realtime_lane()

    # then the filter showed it alone; the mixed request sent nothing and said why; the retry processed it once
    assert given_up.pk in listed
    assert processed.pk not in listed
    assert call_failed.pk not in listed
    said = refused.content.decode()
    assert "NOT_RETRYABLE" in said
    assert processed.pk in said
    assert call_failed.pk in said
    assert "1 event(s) sent to a realtime worker." in sent.content.decode()
    given_up.refresh_from_db()
    assert (given_up.status, given_up.process_attempts) == ("processed", 2)
    assert _written("in-now-1")["items"] == 1
    with pytest.raises(InboxError, match="processed already"):
        webhook_events_retry_now(event_ids=[given_up.pk])


def test_retry_now_reaches_only_the_staffs_own_teams_events(client, contacted, other_team):
    # given a failed event of another team
    theirs = WebhookEvent.objects.create(
        status="failed", error_code="WEBHOOK_FAILURE", team=other_team, raw_body="{}", process_attempts=1
    )
    staff = UserFactory(username="webhookstaff2", is_staff=True)
    MembershipFactory(team=contacted[0].team, user=staff, role=Membership.Role.ADMIN)
    staff.user_permissions.add(*Permission.objects.filter(content_type__app_label="inbox"))
    client.force_login(staff)

    # when a staff member of this team posts its id to "retry now"
    url = reverse("admin:inbox_webhookevent_changelist")
    client.post(url, {"action": "retry_now", "_selected_action": [theirs.pk]})

    # then nothing was sent, nothing changed
    assert not _queued()
    theirs.refresh_from_db()
    assert (theirs.status, theirs.process_attempts, theirs.retry_at) == ("failed", 1, None)


@pytest.mark.kill
@needs_a_shared_database()
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_processing_leaves_nothing_half_written_and_the_event_is_processed_once(
    client,
    contacted,
):
    # given a stored reply, and a realtime worker (its own process) that pulls its task
    record = _reply(client, contacted, "in-kill-1")
    (row,) = _queued("realtime")
    task = row.task
    row.delete()

    # when the worker is killed (SIGKILL) just as it writes the reply's inbox item
    worker = subprocess.run(
        [sys.executable, "-m", "inbox.tests.killed_worker", task["args"][0], json.dumps(task["args"][1])],
        cwd=REPO_ROOT,
        env=environment(),
        capture_output=True,
        timeout=120,
    )
    assert worker.returncode == -9, worker.stderr.decode()[-2000:]

    # then its claim stands and nothing else: the event waits for the end of the worker's lease
    record.refresh_from_db()
    assert (record.status, record.process_attempts) == ("received", 1)
    assert _written("in-kill-1")["messages"] == 0
    assert webhook_events_retry(now=record.retry_at - timedelta(seconds=1))["requeued"] == 0

    # and when the lease ends the schedule sends it to another worker, and the original task turns up again
    assert webhook_events_retry(now=record.retry_at + timedelta(seconds=1))["requeued"] == 1
    _work_realtime_lane()
    assert webhook_event_process_task(*task["args"]) == "processed"
    _work_realtime_lane()

    # then the reply is processed once
    record.refresh_from_db()
    assert (record.status, record.process_attempts, record.retry_at) == ("processed", 2, None)
    assert _written("in-kill-1") == ONCE
