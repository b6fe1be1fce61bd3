"""A stored event whose task was lost before processing it is sent to a worker again by ``retry stored events``,
once."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_q.conf import Conf
from django_q.models import OrmQ, Schedule

from inbox.models import InboxItem, WebhookEvent
from inbox.tasks import webhook_events_retry_task
from messaging.models import Message

from .lane import (
    _post,
    _queued,
    _run,
    _signed,
    _work_realtime_lane,
)

pytestmark = pytest.mark.usefixtures("queue_async")


def _stored_but_lost(client, contacted, identifier="in-retry-1"):
    stamp = int(timezone.now().timestamp() * 1000)
    headers, body = _signed(contacted[0].to_number, "Sounds good, call me", identifier=identifier, stamp=stamp,
                            delivery_id=f"d-{identifier}")  # fmt: skip
    assert _post(client, headers, body).status_code == 200
    record = WebhookEvent.objects.get(identifier=identifier)
    assert record.status == WebhookEvent.Status.RECEIVED
    return record


def test_a_stored_event_whose_task_was_lost_is_processed_once_by_the_schedule(client, contacted, time_machine):
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


def test_the_original_task_arriving_after_the_retry_does_nothing_more(client, contacted, time_machine):
    # given a stored event whose task a realtime cluster took off the ORM queue (locked until Q_RETRY) and died with
    record = _stored_but_lost(client, contacted, identifier="in-retry-2")
    (task,) = [row for row in _queued() if row.task["func"] == "inbox.tasks.webhook_event_process_task"]
    OrmQ.objects.filter(pk=task.pk).update(lock=timezone.now() + timedelta(seconds=Conf.RETRY))
    time_machine.shift(timedelta(minutes=3))
    assert webhook_events_retry_task()["requeued"] == 1
    assert webhook_events_retry_task()["requeued"] == 0

    # when the one the schedule sent runs, and then the original task, handed out again by the broker after all
    for row in _queued():
        if row.pk != task.pk:
            _run(row)
    _run(task)
    _work_realtime_lane()

    # then nothing happens twice
    record.refresh_from_db()
    assert (record.status, record.process_attempts) == (WebhookEvent.Status.PROCESSED, 1)
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
    from .lane import SECRET

    return _report_signed_by(SECRET, message_id, stamp=stamp)


def test_a_delivery_report_that_arrives_before_the_send_returned_its_id_is_applied_once_the_id_is_known(
    client,
    contacted,
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


def test_a_delivery_report_for_a_text_that_is_not_ours_stays_unmatched(client, contacted):
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


TEAM_SECRET = "acme-own-signing-secret"


def _report_signed_by(secret: str, message_id: str, *, stamp: int | None = None, **meta) -> tuple[dict, bytes]:
    """A delivery report signed by the account holding ``secret``; ``meta``: more of the text's document."""
    import json

    from messaging.signalhouse import sign

    stamp = int(timezone.now().timestamp() * 1000) if stamp is None else stamp
    body = json.dumps({
        "timestamp": stamp, "event": "MESSAGE_DELIVERED", "identifier": message_id,
        "metaData": {"_id": message_id, "status": "DELIVERED", "segmentCount": 1, **meta},
    }).encode()  # fmt: skip
    headers = {
        "X-SignalHouse-Timestamp": str(stamp),
        "X-SignalHouse-Signature": sign(secret, stamp, body),
        "X-SignalHouse-Delivery-Id": f"d-{message_id}",
    }
    return headers, body


@pytest.fixture
def own_account(team, contacted):
    """Acme sends through its own SignalHouse account: its reports are signed with its own secret. The first text's
    send has not returned the provider's id yet."""
    from messaging import services as messaging

    messaging.provider_credential_set(team=team, provider="signalhouse", name="webhook_secret", value=TEAM_SECRET)
    message = contacted[0]
    Message.objects.filter(pk=message.pk).update(external_id="")
    return message


def test_an_early_report_of_a_team_with_its_own_account_is_verified_with_its_secret_found_by_the_sending_number(
    client, own_account, team
):
    # given a report signed by Acme's own account, naming the number the text left from (as the provider writes it)
    message = own_account
    headers, body = _report_signed_by(TEAM_SECRET, "sh-own-1", senderPhoneNumber=f"1{message.from_number}")

    # when it arrives before the send returned the id, then the id is known and the schedule runs
    response = _post(client, headers, body)
    for row in _queued():
        _run(row)
    assert response.status_code == 200
    assert WebhookEvent.objects.get(identifier="sh-own-1").status == WebhookEvent.Status.UNMATCHED
    Message.objects.filter(pk=message.pk).update(external_id="sh-own-1")
    webhook_events_retry_task()
    assert _work_realtime_lane() == ["inbox.tasks.webhook_event_process_task"]

    # then it was accepted and applied to Acme's text
    message.refresh_from_db()
    assert (WebhookEvent.objects.get(identifier="sh-own-1").team_id, message.status) == (team.pk, "delivered")


def test_an_early_report_is_found_by_the_account_it_came_from(client, own_account, team):
    from messaging.models import ProviderWebhook

    ProviderWebhook.objects.create(team=team, provider="signalhouse", group_id="grp-acme")

    response = _post(client, *_report_signed_by(TEAM_SECRET, "sh-own-2", groupId="grp-acme"))

    assert response.status_code == 200
    assert WebhookEvent.objects.get(identifier="sh-own-2").status != WebhookEvent.Status.REJECTED


@pytest.mark.parametrize(
    ("secret", "meta"),
    [
        ("test-signing-secret", {"senderPhoneNumber": "1" + "5125550100"}),  # the platform's, for Acme's number
        ("wrong-secret", {"senderPhoneNumber": "15125550100"}),
        (TEAM_SECRET, {}),  # nothing says whose account sent it: only the platform's secret can verify it
        (TEAM_SECRET, {"senderPhoneNumber": "15125550199"}),  # a number no team owns
        (TEAM_SECRET, {"groupId": "grp-nobody"}),
    ],
    ids=["platform-secret", "wrong-secret", "no-sender", "unowned-number", "unknown-account"],
)
def test_an_early_report_that_cannot_be_verified_with_the_right_teams_secret_stays_rejected(
    client, own_account, secret, meta
):
    assert own_account.from_number == "5125550100"

    response = _post(client, *_report_signed_by(secret, "sh-own-3", **meta))

    assert response.status_code == 401
    assert WebhookEvent.objects.get().status == WebhookEvent.Status.REJECTED
    own_account.refresh_from_db()
    assert own_account.status == "sent"


@pytest.mark.parametrize(
    ("secret", "meta"),
    [("test-signing-secret", {}), ("test-signing-secret", {"senderPhoneNumber": "15125550199"})],
    ids=["no-sender", "unowned-number"],
)
def test_an_early_report_verified_for_another_account_is_never_applied_to_a_teams_text(
    client, own_account, secret, meta
):
    # given a report the platform's account signed (accepted: nothing in it names Acme), on an id not known yet
    assert _post(client, *_report_signed_by(secret, "sh-other-1", **meta)).status_code == 200
    for row in _queued():
        _run(row)

    # when Acme's text, sent through Acme's own account, gets that id and the schedule runs
    Message.objects.filter(pk=own_account.pk).update(external_id="sh-other-1")
    webhook_events_retry_task()
    assert _work_realtime_lane() == []  # nothing was sent to a worker

    # then the report stays unmatched and Acme's text is unchanged
    own_account.refresh_from_db()
    assert WebhookEvent.objects.get(identifier="sh-other-1").status == WebhookEvent.Status.UNMATCHED
    assert own_account.status == "sent"


def test_an_early_report_routed_again_is_applied_not_given_up_for_the_attempt_that_found_no_text(
    client,
    contacted,
    settings,
):
    # given one worker allowed per event, and a report whose one worker found no text yet (it ended, unmatched)
    settings.WEBHOOK_RETRY_MAX_ATTEMPTS = 1
    message = contacted[0]
    Message.objects.filter(pk=message.pk).update(external_id="")
    stamp = int(timezone.now().timestamp() * 1000)
    assert _post(client, *_delivery_report("sh-early-2", stamp)).status_code == 200
    for row in _queued():
        _run(row)
    record = WebhookEvent.objects.get(identifier="sh-early-2")
    assert (record.status, record.process_attempts) == (WebhookEvent.Status.UNMATCHED, 1)

    # when the send returns the id, the schedule routes the report again, and a realtime worker runs
    Message.objects.filter(pk=message.pk).update(external_id="sh-early-2")
    counts = webhook_events_retry_task()
    _work_realtime_lane()

    # then it is applied, not given up as if its worker had stopped
    record.refresh_from_db()
    message.refresh_from_db()
    assert (counts["given_up"], counts["requeued"]) == (0, 1)
    assert (record.status, record.error_code) == (WebhookEvent.Status.PROCESSED, "")
    assert "stopped" not in record.detail
    assert message.status == "delivered"
