"""Stage 8 recovery: a stored event whose processing never ran to the end is processed by the schedule."""

import json
import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from messaging import sms

from .. import routing
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

    A delivery report stored ``unmatched`` because it came before the send call returned the text's provider id
    (``NO_MESSAGE_MATCH``, within ``WEBHOOK_EARLY_REPORT_SECONDS``) is routed again: once a text of ours has that
    id, the report goes back to ``received`` for the text's team and is applied now; a webhook's report only if it
    was verified with that team's secrets (``routing.early_report_fits``), else it stays unmatched.

    The webhook stores an event and queues its task; a worker killed mid-task (or a task the Redis broker lost)
    leaves the event ``received``. Processing locks the record and acts only on one not acted on yet, so an
    event reached by both this retry and its original task is processed once.
    """
    before = timezone.now() - timedelta(seconds=settings.WEBHOOK_RETRY_AFTER_SECONDS)
    early = _early_reports_claim(limit=limit)
    waiting = (
        WebhookEvent.objects.filter(Q(created_at__lt=before) | Q(pk__in=early), status=WebhookEvent.Status.RECEIVED)
        .exclude(raw_body="")
        .order_by("created_at", "id")
        .values_list("pk", flat=True)[:limit]
    )
    counts = {"retried": 0, "processed": 0, "failed": 0, "early_reports": len(early)}
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


def _early_reports_claim(*, limit: int) -> list[str]:
    """Put back to ``received`` (for its team) each recent unmatched delivery report whose text now has its id."""
    since = timezone.now() - timedelta(seconds=settings.WEBHOOK_EARLY_REPORT_SECONDS)
    claimed = []
    candidates = (
        WebhookEvent.objects.filter(
            status=WebhookEvent.Status.UNMATCHED, error_code="NO_MESSAGE_MATCH", created_at__gte=since
        )
        .exclude(identifier="")
        .exclude(raw_body="")
        .order_by("created_at", "id")[:limit]
    )
    for record in candidates:
        try:
            event = _parsed(record)
        except Exception:  # noqa: BLE001 - a body that no longer parses stays unmatched
            log.exception("stored event %s could not be read again", record.pk)
            continue
        if event.kind not in ("delivered", "failed"):
            continue
        route = routing.route_event(event)
        if route.team_id is None:
            continue  # the send has not returned the id yet (or the text is not ours): try again next run
        signed = record.source == WebhookEvent.Source.WEBHOOK  # a record read back from an account's log is not
        if signed and not routing.early_report_fits(event, provider=record.provider, team_id=route.team_id):
            continue  # verified with another account's secret than the text's team's: never applied to it
        with transaction.atomic():
            moved = WebhookEvent.objects.filter(pk=record.pk, status=WebhookEvent.Status.UNMATCHED).update(
                status=WebhookEvent.Status.RECEIVED, team_id=route.team_id, error_code="", detail="",
                updated_at=timezone.now(),
            )  # fmt: skip
        if moved:
            claimed.append(record.pk)
    return claimed
