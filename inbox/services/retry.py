"""Stage 8 after the answer: a stored event is processed by a worker of the realtime lane, once, and sent to a worker
again until it ends. Its task lost on the way, its worker killed mid-way (past its lease) or a failure (after a
backoff of 1, 5, 25 ... minutes) makes it due (``WebhookEvent.retry_at``); the ``retry stored events`` schedule sends
each due event again, once. After ``WEBHOOK_RETRY_MAX_ATTEMPTS`` workers it is given up with ``WEBHOOK_FAILURE``
in the ledger and an alert; an admin may send it again ("retry now")."""

import json
import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone

from messaging import sms
from usdatabiz.core import journey
from usdatabiz.core.alerts import alert_failure_raise
from usdatabiz.core.leases import lease_seconds
from usdatabiz.core.services import stage_failure_record

from .. import routing
from ..models import WebhookEvent
from .common import InboxError
from .intake import PROCESS_TASK, _event_data, _process

log = logging.getLogger(__name__)

# the states in which a stored event is still to be acted on
_UNFINISHED = (WebhookEvent.Status.RECEIVED, WebhookEvent.Status.FAILED)
# what acting on a stored event changes on its record
_PROCESSED_FIELDS = ["team", "status", "error_code", "detail", "retry_at", "updated_at"]
_BACKOFF_LONGEST = timedelta(hours=6)
# on a received event whose task still waits in the realtime queue when it comes due (the lane is down or behind)
LANE_WAITING = "REALTIME_LANE_WAITING"


def max_attempts() -> int:
    return max(int(settings.WEBHOOK_RETRY_MAX_ATTEMPTS), 1)


def webhook_retry_delay(attempts: int) -> timedelta:
    """Return how long an event waits after its ``attempts``-th failed processing: 1 minute, then 5 times longer
    after each further failure (5, 25, 125 minutes ...), at most 6 hours."""
    return min(timedelta(minutes=5 ** max(attempts - 1, 0)), _BACKOFF_LONGEST)


def _to_process(record: WebhookEvent) -> bool:
    """Whether a worker may act on the event: not acted on yet, and not given up (a failure waiting for its retry)."""
    return record.status == WebhookEvent.Status.RECEIVED or (
        record.status == WebhookEvent.Status.FAILED and record.retry_at is not None
    )


# ``_to_process`` as a query
_PROCESSABLE = Q(status=WebhookEvent.Status.RECEIVED) | Q(status=WebhookEvent.Status.FAILED, retry_at__isnull=False)


def webhook_event_process(*, event_id: str, event_data: dict) -> WebhookEvent:
    """After the answer, on the realtime lane: match a stored event to the contact and the text it answers, and
    act on it (inbound message, inbox item, lead status, keyword answers, then classification and the rest of
    the journey; or a delivery report).

    Once, however often the task runs: the worker first claims the event (``_process_claim``: its attempt counted,
    committed at once, under a lease of ``WORK_LEASE_SECONDS``), then acts on it holding its row, and returns a
    record acted on already as it is; an inbound message's provider id is unique besides. A worker killed mid-way
    leaves nothing half written and the event due when its lease ends. A failure rolls back everything it did,
    leaves the record ``failed`` (``WEBHOOK_FAILURE``) due after a backoff, or given up after
    ``WEBHOOK_RETRY_MAX_ATTEMPTS`` attempts, and is raised for the queue to see."""
    event = sms.ProviderEvent(**event_data)
    if not _process_claim(event_id):
        return WebhookEvent.objects.get(pk=event_id)
    error = None
    with transaction.atomic():
        record = WebhookEvent.objects.select_for_update().get(pk=event_id)
        if not _to_process(record):
            return record  # acted on already: this task ran twice
        if record.status == WebhookEvent.Status.FAILED:  # what the last attempt left is not the outcome of this one
            record.error_code, record.detail = "", ""
        try:
            with transaction.atomic():
                _process(record, event, _route_again(record, event))
                record.retry_at = None
                record.save(update_fields=_PROCESSED_FIELDS)  # not the raw body again
        except Exception as exc:  # noqa: BLE001 - recorded on the event, then raised for the queue to see
            log.exception("event %s could not be processed", record.pk)
            record.refresh_from_db()
            _process_failed(record, detail=f"{type(exc).__name__}: {exc}")
            error = exc
    if error is not None:
        raise error
    return record


def _process_claim(event_id: str) -> bool:
    """Count a worker's start on an event still to act on, and lease it to this worker for ``WORK_LEASE_SECONDS``
    (``retry_at``), committed before any work: a worker killed mid-way leaves the event due when the lease ends; an
    event marked waiting for the realtime lane waits no more.
    False when there is nothing to do: the event is acted on or given up. One conditional statement: a claim that
    meets a worker acting on the event waits for it and then finds it done."""
    return bool(
        WebhookEvent.objects.filter(_PROCESSABLE, pk=event_id).update(
            process_attempts=F("process_attempts") + 1,
            retry_at=timezone.now() + timedelta(seconds=lease_seconds()),
            error_code=Case(When(error_code=LANE_WAITING, then=Value("")), default=F("error_code")),
            updated_at=timezone.now(),
        )
    )


def _process_failed(record: WebhookEvent, *, detail: str) -> None:
    """Mark an event whose processing failed: due again after the backoff, or given up after the last attempt."""
    record.status, record.error_code, record.detail = WebhookEvent.Status.FAILED, "WEBHOOK_FAILURE", detail[:4000]
    if record.process_attempts < max_attempts():
        record.retry_at = timezone.now() + webhook_retry_delay(record.process_attempts)
        record.save(update_fields=["status", "error_code", "detail", "retry_at", "updated_at"])
        return
    _give_up(record, why=f"Processing failed {record.process_attempts} times; the last time with {detail}")


def _give_up(record: WebhookEvent, *, why: str) -> None:
    """Stop retrying an event (in the caller's transaction): ``WEBHOOK_FAILURE`` on it, in its team's ledger and as
    an alert. An event that reached no team is seen by superusers in the admin."""
    detail = f"{why}. Given up after WEBHOOK_RETRY_MAX_ATTEMPTS={max_attempts()}; an admin may retry it now."[:4000]
    record.status, record.error_code, record.detail, record.retry_at = (
        WebhookEvent.Status.FAILED,
        "WEBHOOK_FAILURE",
        detail,
        None,
    )
    record.save(update_fields=["status", "error_code", "detail", "retry_at", "updated_at"])
    log.error("stored event %s given up: %s", record.pk, detail)
    if record.team_id:
        failure = stage_failure_record(
            team=record.team_id, stage=8, code="WEBHOOK_FAILURE", subject=record, detail=detail
        )
        alert_failure_raise(failure=failure)


def _route_again(record: WebhookEvent, event) -> routing.Route:
    """The full route of a stored event, within the team it was stored for (none: it reaches nobody)."""
    if record.team_id is None:
        if event.kind == "inbound" and not event.to_number:
            return routing.unaddressed_route(event.from_number)
        return routing.Route(None, reason=record.detail or f"Event {event.event!r} concerns no team.")
    route = routing.route_event(event)
    if route.team_id != record.team_id:
        return routing.Route(None, reason="The number texted changed hands after the event was stored.")
    return route


def _parsed(record: WebhookEvent):
    """The provider event a record stored, read again from its raw body (a webhook call or an event-log record)."""
    fmt = sms.provider_spec(record.provider).webhook
    if record.source == WebhookEvent.Source.RECONCILE:
        event = fmt.parse_record(json.loads(record.raw_body))
    else:
        event = fmt.parse(record.raw_body.encode("utf-8"))
    event.delivery_id = record.delivery_id
    return event


def webhook_events_retry(*, limit: int = 200, now=None) -> dict[str, int]:
    """Send each due stored event to a realtime worker again, once; give up an event after its last attempt.

    Due (``retry_at`` passed): a ``received`` event whose task was lost (``WEBHOOK_RETRY_AFTER_SECONDS`` after it
    was stored or last sent) or whose worker was killed (its lease ended), or a ``failed`` one whose backoff ended.
    One whose last worker was killed after ``WEBHOOK_RETRY_MAX_ATTEMPTS`` attempts is given up instead.

    A delivery report stored ``unmatched`` because it came before the send call returned the text's provider id
    (``NO_MESSAGE_MATCH``, within ``WEBHOOK_EARLY_REPORT_SECONDS``) is routed again: once a text of ours has that
    id, the report goes back to ``received`` for the text's team, due now; a webhook's report only if it was
    verified with that team's secrets (``routing.early_report_fits``), else it stays unmatched. Its attempts count
    from 0 again (``WEBHOOK_RETRY_MAX_ATTEMPTS`` workers for the text now found).

    Each due event is claimed by the one sweep that locks it (``SKIP LOCKED``: a sweep running beside this one, or
    a worker acting on the event right now, is stepped around); its ``retry_at`` moves ``WEBHOOK_RETRY_AFTER_SECONDS``
    on in the transaction that queues its task, so it is sent once, and again only if that task is lost too.

    A due event whose task still waits in the realtime queue (``journey.queued_args``: the lane's cluster is down or
    behind) is not sent again: its ``retry_at`` moves on and a ``received`` one is marked ``REALTIME_LANE_WAITING``
    (counted as ``waiting``), so an outage leaves one copy of each task, not one more every few minutes. A task
    taken off the queue by a cluster that died, or dropped by the broker, is no longer there: that event is sent.
    """
    now = now or timezone.now()
    early = _early_reports_claim(limit=limit, now=now)
    with transaction.atomic():
        due = (
            WebhookEvent.objects.select_for_update(skip_locked=True)
            .filter(status__in=_UNFINISHED, retry_at__lte=now)
            .order_by("retry_at", "id")[:limit]
        )
        due = list(due)
        queued = _tasks_waiting(due)
        waiting = [record for record in due if record.pk in queued and record.process_attempts < max_attempts()]
        _mark_waiting(waiting, now=now)
        sent, given_up, inline = _send_again([r for r in due if r not in waiting], now=now, give_up_killed=True)
    _run_inline(inline)
    return {"requeued": len(sent), "given_up": given_up, "waiting": len(waiting), "early_reports": len(early)}


def _tasks_waiting(due: list[WebhookEvent]) -> set[str]:
    """The ids among ``due`` of events whose processing task still waits in the realtime queue (read once)."""
    if not due:
        return set()
    queued = journey.queued_args(PROCESS_TASK) or []
    ids = {record.pk for record in due}
    return {args[0] for args in queued if args and args[0] in ids}


def _mark_waiting(records: list[WebhookEvent], *, now) -> None:
    """Leave events whose task waits in the queue to it: due again ``WEBHOOK_RETRY_AFTER_SECONDS`` on, and a
    ``received`` one with nothing else to say marked ``REALTIME_LANE_WAITING`` for the admin."""
    pks = [record.pk for record in records]
    later = now + timedelta(seconds=settings.WEBHOOK_RETRY_AFTER_SECONDS)
    WebhookEvent.objects.filter(pk__in=pks).update(retry_at=later, updated_at=timezone.now())
    WebhookEvent.objects.filter(pk__in=pks, status=WebhookEvent.Status.RECEIVED, error_code="").update(
        error_code=LANE_WAITING
    )


def webhook_events_retry_now(*, event_ids: list[str], now=None) -> int:
    """Send stored events to a realtime worker at once (an admin's "retry now"), given up ones included (one more
    attempt each); return how many were sent. ``InboxError`` (``NOT_RETRYABLE``) when one of them is acted on
    already, or is a failed call that was never stored for processing (the provider's retry or the event-log
    reading brings that one back), or is locked by a worker acting on it."""
    now = now or timezone.now()
    with transaction.atomic():
        events = list(WebhookEvent.objects.select_for_update(skip_locked=True).filter(pk__in=event_ids).order_by("id"))
        locked = set(event_ids) - {record.pk for record in events}
        refused = sorted({record.pk for record in events if not _retryable(record)} | locked)
        if refused:
            raise InboxError(
                "NOT_RETRYABLE",
                f"Not sent again: {', '.join(refused)} (processed already, being processed, or never stored for "
                "processing).",
            )
        sent, _, inline = _send_again(events, now=now, give_up_killed=False)
    _run_inline(inline)
    return len(sent)


def _retryable(record: WebhookEvent) -> bool:
    if record.status == WebhookEvent.Status.RECEIVED:
        return True
    return record.status == WebhookEvent.Status.FAILED and (record.retry_at is not None or record.process_attempts > 0)


def _send_again(
    events: list[WebhookEvent], *, now, give_up_killed: bool
) -> tuple[list[str], int, list[tuple[str, dict]]]:
    """Queue the processing of locked events again (in the caller's transaction), each due again only if this send
    is lost too; events past their last attempt (``give_up_killed``) or that no longer read are given up. Returns
    the events sent, how many were given up, and (in sync mode) the tasks for the caller to run once it commits."""
    sent, given_up, inline = [], 0, []
    sync = settings.Q_CLUSTER.get("sync")
    for record in events:
        if give_up_killed and record.process_attempts >= max_attempts():
            _give_up(record, why=f"Its worker stopped (killed or timed out) {record.process_attempts} times")
            given_up += 1
            continue
        try:
            data = _event_data(_parsed(record))
        except Exception as exc:  # noqa: BLE001 - a stored body that no longer reads is given up, the others go on
            _give_up(record, why=f"Its stored body no longer reads ({type(exc).__name__}: {exc})")
            given_up += 1
            continue
        sent.append(record.pk)
        inline.append((record.pk, data))
    WebhookEvent.objects.filter(pk__in=sent).update(
        retry_at=now + timedelta(seconds=settings.WEBHOOK_RETRY_AFTER_SECONDS), updated_at=timezone.now()
    )
    if sync:  # the tasks run inline (tests): after the claims, each failing on its own as a worker's would
        return sent, given_up, inline
    for pk, data in inline:  # with the ORM broker the queue rows are part of this transaction; Redis: on commit
        journey.enqueue(PROCESS_TASK, pk, data)
    return sent, given_up, []


def _run_inline(queued: list[tuple[str, dict]]) -> None:
    """Run the tasks of events sent again, one by one (sync mode, outside the claim's transaction)."""
    for pk, data in queued:
        try:
            journey.enqueue(PROCESS_TASK, pk, data)
        except Exception:  # noqa: BLE001 - recorded on the event by its task; the others go on
            log.exception("stored event %s could not be processed again", pk)


def _early_reports_claim(*, limit: int, now) -> list[str]:
    """Put back to ``received`` (for its team, due now) each recent unmatched delivery report whose text now has
    its id, its attempts counted afresh: the worker that found no text ended rightly, it did not stop, so the report
    is not given up as if it had."""
    since = now - timedelta(seconds=settings.WEBHOOK_EARLY_REPORT_SECONDS)
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
        moved = WebhookEvent.objects.filter(pk=record.pk, status=WebhookEvent.Status.UNMATCHED).update(
            status=WebhookEvent.Status.RECEIVED, team_id=route.team_id, error_code="", detail="", retry_at=now,
            process_attempts=0, updated_at=timezone.now(),
        )  # fmt: skip
        if moved:
            claimed.append(record.pk)
    return claimed
