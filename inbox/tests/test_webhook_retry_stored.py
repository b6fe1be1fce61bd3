"""A stored event whose task was lost before processing it is sent to a worker again by ``retry stored events``,
once."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_q.models import OrmQ, Schedule

from inbox.models import InboxItem, WebhookEvent
from inbox.tasks import webhook_events_retry_task
from messaging.models import Message

from .test_webhook_minimal_path import (  # noqa: F401
    _post,
    _queue_async,
    _queued,
    _run,
    _signed,
    _work_realtime_lane,
    contacted,
)


def _stored_but_lost(client, contacted, identifier="in-retry-1"):  # noqa: F811
    stamp = int(timezone.now().timestamp() * 1000)
    headers, body = _signed(contacted[0].to_number, "Sounds good, call me", identifier=identifier, stamp=stamp,
                            delivery_id=f"d-{identifier}")  # fmt: skip
    assert _post(client, headers, body).status_code == 200
    record = WebhookEvent.objects.get(identifier=identifier)
    assert record.status == WebhookEvent.Status.RECEIVED
    return record


def test_a_stored_event_whose_task_was_lost_is_processed_once_by_the_schedule(client, contacted, time_machine):  # noqa: F811
    # given an inbound reply stored and answered, whose task died with its worker
    record = _stored_but_lost(client, contacted)
    OrmQ.objects.all().delete()

    # when the schedule runs before the grace period, then after it, then again, and a realtime worker runs
    assert webhook_events_retry_task()["requeued"] == 0
    time_machine.shift(timedelta(minutes=3))
    first = webhook_events_retry_task()
    again = webhook_events_retry_task()
    ran = _work_realtime_lane()

    # then the event is sent again once and processed the once: one inbound message, one inbox item
    record.refresh_from_db()
    assert record.status == WebhookEvent.Status.PROCESSED
    assert (first["requeued"], again["requeued"]) == (1, 0)
    assert ran.count("inbox.tasks.webhook_event_process_task") == 1
    assert (record.process_attempts, record.retry_at) == (1, None)
    assert Message.objects.filter(external_id="in-retry-1", direction="inbound").count() == 1
    assert InboxItem.objects.filter(message__external_id="in-retry-1").count() == 1


def test_the_original_task_arriving_after_the_retry_does_nothing_more(client, contacted, time_machine):  # noqa: F811
    # given a stored event whose task is still queued (a slow broker), and the schedule processing it first
    record = _stored_but_lost(client, contacted, identifier="in-retry-2")
    (task,) = [row for row in _queued() if row.task["func"] == "inbox.tasks.webhook_event_process_task"]
    time_machine.shift(timedelta(minutes=3))
    webhook_events_retry_task()

    # when the original task runs after all, and then the one the schedule sent
    _run(task)
    _work_realtime_lane()

    # then nothing happens twice
    record.refresh_from_db()
    assert record.status == WebhookEvent.Status.PROCESSED
    assert Message.objects.filter(external_id="in-retry-2", direction="inbound").count() == 1
    assert InboxItem.objects.filter(message__external_id="in-retry-2").count() == 1


@pytest.mark.django_db
def test_setup_schedules_creates_retry_stored_events_once():
    for _ in range(2):
        call_command("setup_schedules", stdout=io.StringIO())
    (schedule,) = Schedule.objects.filter(name="retry stored events")
    assert (schedule.func, schedule.schedule_type, schedule.minutes, schedule.repeats, schedule.cluster) == (
        "inbox.tasks.webhook_events_retry_task",
        Schedule.MINUTES,
        1,
        -1,
        "realtime",
    )


def _delivery_report(message_id: str, stamp: int) -> tuple[dict, bytes]:
    import json

    from messaging.signalhouse import sign

    from .test_webhook_minimal_path import SECRET

    body = json.dumps({
        "timestamp": stamp, "event": "MESSAGE_DELIVERED", "identifier": message_id,
        "metaData": {"_id": message_id, "status": "DELIVERED", "segmentCount": 1},
    }).encode()  # fmt: skip
    headers = {
        "X-SignalHouse-Timestamp": str(stamp),
        "X-SignalHouse-Signature": sign(SECRET, stamp, body),
        "X-SignalHouse-Delivery-Id": f"d-{message_id}",
    }
    return headers, body


def test_a_delivery_report_that_arrives_before_the_send_returned_its_id_is_applied_once_the_id_is_known(
    client,
    contacted,  # noqa: F811
):
    # given a text whose send call has not yet returned the provider's id when its delivery report arrives
    message = contacted[0]
    Message.objects.filter(pk=message.pk).update(external_id="")
    stamp = int(timezone.now().timestamp() * 1000)
    assert _post(client, *_delivery_report("sh-early-1", stamp)).status_code == 200
    for row in _queued():
        _run(row)
    record = WebhookEvent.objects.get(identifier="sh-early-1")
    assert record.status == WebhookEvent.Status.UNMATCHED  # nothing to apply it to yet

    # when the send returns the id, the schedule runs (twice), and a realtime worker
    Message.objects.filter(pk=message.pk).update(external_id="sh-early-1")
    webhook_events_retry_task()
    webhook_events_retry_task()
    assert _work_realtime_lane() == ["inbox.tasks.webhook_event_process_task"]

    # then the stored report is applied to the text, once
    message.refresh_from_db()
    record.refresh_from_db()
    assert (record.status, record.team_id) == (WebhookEvent.Status.PROCESSED, message.team_id)
    assert message.status == "delivered"
    assert message.delivered_at is not None
    assert message.metadata["lastReport"] == "DELIVERED"


def test_a_delivery_report_for_a_text_that_is_not_ours_stays_unmatched(client, contacted):  # noqa: F811
    # given a report naming an id no text of ours ever gets
    stamp = int(timezone.now().timestamp() * 1000)
    assert _post(client, *_delivery_report("sh-stranger", stamp)).status_code == 200
    for row in _queued():
        _run(row)

    # when the schedule runs
    webhook_events_retry_task()

    # then it stays unmatched and no text changed
    assert WebhookEvent.objects.get(identifier="sh-stranger").status == WebhookEvent.Status.UNMATCHED
    assert not Message.objects.filter(status="delivered").exists()
