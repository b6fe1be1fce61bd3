"""The provider's retries arriving at the same moment: SignalHouse waits 3 s for an answer and then sends the same
delivery again, signed afresh (a new timestamp, the same delivery id), so a slow first answer meets its own retries
in flight. Whatever order the requests take, each event is stored once, every attempt is answered 2xx, a STOP
suppresses once and is confirmed once, and a delivery report moves its text once.

The requests run in threads with their own connections (PostgreSQL's row locks decide who is first); what they
queue is then run as a realtime worker would (``lane``).
"""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from inbox.models import InboxItem, WebhookEvent
from messaging.models import Message, Suppression
from usdatabiz.core.models import StateTransition
from usdatabiz.core.tests.concurrency import run_at_once

from .lane import _post, _signed, _work_realtime_lane
from .test_webhook_retry_stored import _report_signed_by

pytestmark = [
    pytest.mark.usefixtures("queue_async"),
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="requests at the same moment need PostgreSQL"),
]

ATTEMPTS = 4


def _all_at_once(requests: list[tuple[dict, bytes]]) -> list[int]:
    """Post every (headers, body) at the same moment, each from its own client and connection; the statuses."""
    statuses: list[int] = []
    barrier = threading.Barrier(len(requests))

    def post(headers, body):
        def run():
            try:
                client = Client()
                barrier.wait(10)
                statuses.append(_post(client, headers, body).status_code)
            finally:
                connection.close()

        return run

    run_at_once(*(post(headers, body) for headers, body in requests), timeout=60)
    return statuses


def _retries_of_a_reply(sender: str, text: str, identifier: str) -> list[tuple[dict, bytes]]:
    """The first attempt and its retries: one delivery id, each signed afresh a moment later."""
    stamp = int(timezone.now().timestamp() * 1000)
    return [
        _signed(sender, text, identifier=identifier, stamp=stamp + 600 * n, delivery_id=f"d-{identifier}")
        for n in range(ATTEMPTS)
    ]


def test_a_stop_and_its_retries_at_once_suppress_once_and_confirm_once(contacted, team):
    # given a person's STOP whose first delivery is still being answered when the provider's retries come in
    number = contacted[0].to_number
    requests = _retries_of_a_reply(number, "STOP", "sh-stop-1")

    # when all four attempts arrive at the same moment, and the realtime lane runs what they queued
    statuses = _all_at_once(requests)
    _work_realtime_lane()

    # then each attempt was answered 2xx (none asks the provider to retry, none is refused), the event is stored once
    # with every attempt counted, and the number is suppressed once, confirmed by one text, read as one inbox item
    assert sorted(statuses) == [200] * ATTEMPTS
    (event,) = WebhookEvent.objects.filter(identifier="sh-stop-1")
    assert event.attempts == ATTEMPTS
    assert Suppression.objects.filter(team=team, phone_number=number, lifted_at__isnull=True).count() == 1
    assert Message.objects.filter(direction="inbound", external_id="sh-stop-1").count() == 1
    assert Message.objects.filter(kind="compliance", to_number=number).count() == 1
    assert InboxItem.objects.filter(message__external_id="sh-stop-1").count() == 1


def test_a_reply_resent_under_other_delivery_ids_at_once_is_one_inbox_item(contacted):
    # given one signed reply captured and re-sent under other delivery ids (the same timestamp and body)
    number = contacted[1].to_number
    stamp = int(timezone.now().timestamp() * 1000)
    first_headers, body = _signed(number, "Yes call me at 3", identifier="sh-yes-1", stamp=stamp, delivery_id="d-a")
    requests = [({**first_headers, "X-SignalHouse-Delivery-Id": f"d-{n}"}, body) for n in "abcd"]

    # when the four arrive at the same moment
    statuses = _all_at_once(requests)
    _work_realtime_lane()

    # then all are answered 2xx and the reply is stored, read and queued for a person once
    assert sorted(statuses) == [200] * ATTEMPTS
    assert WebhookEvent.objects.filter(identifier="sh-yes-1").count() == 1
    assert Message.objects.filter(direction="inbound", external_id="sh-yes-1").count() == 1
    assert InboxItem.objects.filter(message__external_id="sh-yes-1").count() == 1


def test_a_delivery_report_and_its_retries_at_once_move_the_text_once(contacted):
    # given a sent text and its delivery report retried while the first attempt is still being answered
    message = contacted[2]
    stamp = int(timezone.now().timestamp() * 1000)
    requests = [
        _report_signed_by("test-signing-secret", message.external_id, stamp=stamp + 600 * n) for n in range(ATTEMPTS)
    ]

    # when all four arrive at the same moment, and the realtime lane runs what they queued
    statuses = _all_at_once(requests)
    _work_realtime_lane()

    # then every attempt is answered 2xx, the report is stored once, and the text moved to delivered once
    assert sorted(statuses) == [200] * ATTEMPTS
    (event,) = WebhookEvent.objects.filter(identifier=message.external_id)
    assert event.attempts == ATTEMPTS
    message.refresh_from_db()
    assert message.status == "delivered"
    moves = StateTransition.objects.filter(subject_id=message.pk, to_state="delivered")
    assert moves.count() == 1
