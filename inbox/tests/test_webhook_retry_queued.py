"""While a stored event's task still waits in its lane's queue (the realtime cluster down or behind), the
``retry stored events`` schedule sends no second copy of it; a task that really was lost (dropped by the broker here;
taken off the queue by a cluster that died in ``test_webhook_retry_stored``) is sent again and the event processed
once. With the ORM broker and with Redis (a real ``redis-server``)."""

import shutil
import socket
import subprocess
import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django_q.conf import Conf
from django_q.signing import SignedPackage

from inbox.models import InboxItem, WebhookEvent
from inbox.tasks import webhook_events_retry_task
from messaging.models import Message
from usdatabiz.core.models import Membership
from usdatabiz.core.tests.factories import MembershipFactory, UserFactory

from .lane import (
    _post,
    _queued,
    _signed,
    _work_realtime_lane,
)

pytestmark = pytest.mark.usefixtures("queue_async")

PROCESS = "inbox.tasks.webhook_event_process_task"


def _reply(client, contacted, identifier):
    stamp = int(timezone.now().timestamp() * 1000)
    headers, body = _signed(contacted[0].to_number, "Sounds good, call me", identifier=identifier, stamp=stamp,
                            delivery_id=f"d-{identifier}")  # fmt: skip
    assert _post(client, headers, body).status_code == 200
    return WebhookEvent.objects.get(identifier=identifier)


def _written(identifier: str) -> tuple[int, int]:
    return (
        Message.objects.filter(external_id=identifier, direction="inbound").count(),
        InboxItem.objects.filter(message__external_id=identifier).count(),
    )


def test_an_event_whose_task_waits_in_the_queue_is_not_sent_again_while_the_lane_is_down(
    client,
    contacted,
    time_machine,
):
    # given a stored reply whose task waits in the realtime queue, nobody taking it (the realtime cluster is down)
    record = _reply(client, contacted, "in-down-1")
    assert [row.task["func"] for row in _queued("realtime")] == [PROCESS]

    # when the schedule runs every minute for half an hour
    counts = []
    for _ in range(30):
        time_machine.shift(timedelta(minutes=1))
        counts.append(webhook_events_retry_task())

    # then no copy is added: the one task waits, and the event says so
    assert sum(count["requeued"] for count in counts) == 0
    assert sum(count["waiting"] for count in counts) == 15  # due every WEBHOOK_RETRY_AFTER_SECONDS (2 minutes)
    assert [row.task["func"] for row in _queued("realtime")] == [PROCESS]
    record.refresh_from_db()
    assert (record.status, record.process_attempts) == ("received", 0)
    assert record.error_code == "REALTIME_LANE_WAITING"

    # and staff see it under its retry state in the admin
    staff = UserFactory(username="lanestaff", is_staff=True)
    MembershipFactory(team=contacted[0].team, user=staff, role=Membership.Role.ADMIN)
    staff.user_permissions.add(*Permission.objects.filter(content_type__app_label="inbox"))
    client.force_login(staff)
    url = reverse("admin:inbox_webhookevent_changelist")
    assert record.pk in client.get(url, {"retry": "lane"}).content.decode()
    assert record.pk not in client.get(url, {"retry": "claimed"}).content.decode()

    # and when the lane comes back, the event is processed once
    assert _work_realtime_lane().count(PROCESS) == 1
    record.refresh_from_db()
    assert (record.status, record.process_attempts, record.retry_at, record.error_code) == ("processed", 1, None, "")
    assert _written("in-down-1") == (1, 1)
    assert record.pk not in client.get(url, {"retry": "lane"}).content.decode()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_broker(settings, monkeypatch, tmp_path):
    """The queue on a real Redis server of its own (started for the test, stopped after)."""
    binary = shutil.which("redis-server")
    assert binary, "redis-server is needed to test the Redis broker"
    port = _free_port()
    server = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        import redis

        connection = redis.Redis.from_url(url)
        for _ in range(100):
            try:
                connection.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        q = {key: value for key, value in settings.Q_CLUSTER.items() if key != "orm"}
        settings.Q_CLUSTER = {**q, "redis": url, "sync": False}
        monkeypatch.setattr(Conf, "ORM", None)
        monkeypatch.setattr(Conf, "REDIS", url)
        yield connection
    finally:
        server.terminate()
        server.wait(timeout=10)


def _redis_queued(connection) -> list[dict]:
    return [SignedPackage.loads(payload) for payload in connection.lrange("django_q:realtime:q", 0, -1)]


def test_with_redis_a_waiting_task_is_not_copied_and_a_lost_one_is_sent_again_once(
    client,
    contacted,
    time_machine,
    redis_broker,
    django_capture_on_commit_callbacks,
):
    # given a stored reply whose task waits in Redis's realtime list
    with django_capture_on_commit_callbacks(execute=True):
        record = _reply(client, contacted, "in-redis-1")
    assert [task["args"][0] for task in _redis_queued(redis_broker)] == [record.pk]

    # when the schedule runs every minute for ten minutes
    for _ in range(10):
        time_machine.shift(timedelta(minutes=1))
        with django_capture_on_commit_callbacks(execute=True):
            assert webhook_events_retry_task()["requeued"] == 0

    # then the one task still waits; and once Redis loses it, the next schedule sends it again, once
    assert len(_redis_queued(redis_broker)) == 1
    redis_broker.delete("django_q:realtime:q")
    time_machine.shift(timedelta(minutes=3))
    with django_capture_on_commit_callbacks(execute=True):
        assert webhook_events_retry_task()["requeued"] == 1
        assert webhook_events_retry_task()["requeued"] == 0
    (task,) = _redis_queued(redis_broker)
    import_string(task["func"])(*task["args"], **task["kwargs"])
    record.refresh_from_db()
    assert (record.status, record.process_attempts) == ("processed", 1)
    assert _written("in-redis-1") == (1, 1)
