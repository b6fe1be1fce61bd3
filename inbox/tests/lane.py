"""The webhook's lane helpers shared by the stage 8 tests: the queue kept asynchronous (the ORM broker on the test
database), a contacted team, signed deliveries, and running what was queued as a realtime worker would.

The fixtures (``queue_async``, ``contacted``) are in this package's ``conftest``; a module that needs the queue
asynchronous for every test marks itself ``pytest.mark.usefixtures("queue_async")``.
"""

import json

from django.urls import reverse
from django.utils.module_loading import import_string
from django_q.models import OrmQ

from messaging.signalhouse import sign

SECRET = "test-signing-secret"
OURS = "5125550100"


def _post(client, headers, body):
    extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items() if k.lower() != "content-type"}
    return client.post(reverse("webhook-signalhouse"), data=body, content_type="application/json", **extra)


def _signed(sender: str, text: str, *, identifier: str, stamp: int, delivery_id: str) -> tuple[dict, bytes]:
    body = json.dumps({
        "timestamp": stamp, "event": "MESSAGE_RECEIVED", "identifier": identifier,
        "metaData": {"Message": {"direction": "INBOUND", "senderPhoneNumber": sender,
                                 "recipientPhoneNumber": OURS, "messageBody": text}},
    }).encode()  # fmt: skip
    headers = {
        "X-SignalHouse-Timestamp": str(stamp),
        "X-SignalHouse-Signature": sign(SECRET, stamp, body),
        "X-SignalHouse-Delivery-Id": delivery_id,
    }
    return headers, body


def _queued(lane: str | None = None) -> list[OrmQ]:
    rows = OrmQ.objects.order_by("id")
    return list(rows.filter(key=lane) if lane else rows)


def _run(row: OrmQ):
    task = row.task
    row.delete()
    return import_string(task["func"])(*task["args"], **task["kwargs"])


def _work_realtime_lane() -> list[str]:
    """Run what is queued, as a realtime worker does, until nothing is left; return the task paths run."""
    ran = []
    while rows := _queued():
        assert {row.key for row in rows} == {"realtime"}, "only realtime work follows a webhook"
        ran.append(rows[0].task["func"])
        _run(rows[0])
    return ran
