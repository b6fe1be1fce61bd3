"""Stage 8 recovery: a stored event whose processing never ran to the end is processed by the schedule."""

import json
import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from messaging import sms

from ..models import WebhookEvent
from .intake import _event_data, webhook_event_process

log = logging.getLogger(__name__)


def _parsed(record: WebhookEvent):
    """The provider event a record stored, read again from its raw body (a webhook call or an event-log record)."""
    fmt = sms.provider_spec(record.provider).webhook
    if record.source == WebhookEvent.Source.RECONCILE:
        event = fmt.parse_record(json.loads(record.raw_body))
    else:
        event = fmt.parse(record.raw_body.encode("utf-8"))
    event.delivery_id = record.delivery_id
    return event


def webhook_events_retry(*, limit: int = 200) -> dict[str, int]:
    """Process stored events still ``received`` after ``WEBHOOK_RETRY_AFTER_SECONDS`` (their worker was killed).

    The webhook stores an event and queues its task; a worker killed mid-task (or a task the Redis broker lost)
    leaves the event ``received``. Processing locks the record and acts only on one not acted on yet, so an
    event reached by both this retry and its original task is processed once.
    """
    before = timezone.now() - timedelta(seconds=settings.WEBHOOK_RETRY_AFTER_SECONDS)
    waiting = (
        WebhookEvent.objects.filter(status=WebhookEvent.Status.RECEIVED, created_at__lt=before)
        .exclude(raw_body="")
        .order_by("created_at", "id")
        .values_list("pk", flat=True)[:limit]
    )
    counts = {"retried": 0, "processed": 0, "failed": 0}
    for pk in list(waiting):
        record = WebhookEvent.objects.get(pk=pk)
        counts["retried"] += 1
        try:
            done = webhook_event_process(event_id=pk, event_data=_event_data(_parsed(record)))
        except Exception:  # noqa: BLE001 - left failed on its record (WEBHOOK_FAILURE); the others go on
            log.exception("stored event %s could not be processed again", pk)
            counts["failed"] += 1
            continue
        counts["processed"] += int(done.status != WebhookEvent.Status.RECEIVED)
    return counts
