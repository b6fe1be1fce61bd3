"""Stage 8: webhook intake, inbound replies, STOP/HELP/START honoured before anything else."""

import contextlib
import dataclasses
import functools
import logging
import time
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone

from leads.models import Lead
from leads.services import lead_transition
from messaging import compliance, opt_out_reviews, sms
from messaging import services as messaging
from messaging.models import ConsentMark, Message, Suppression
from messaging.selectors import NumberOwner, sender_number_owner, sender_number_owner_unchanged
from usdatabiz.core import journey
from usdatabiz.core.errors import IllegalTransition
from usdatabiz.core.models import StageRun
from usdatabiz.core.services import event_time, stage_failure_record, stage_run_finish, stage_run_start

from .. import consent, routing
from ..models import InboxItem, WebhookEvent
from .common import WEBHOOK_SLOW_MS, _event
from .conversations import conversation_join_inbound

log = logging.getLogger("inbox.services")

# -- stage 8: the webhook -------------------------------------------------------------------------------


class _AlreadyStored(Exception):
    """The event's delivery id or signed digest is stored already (a unique constraint said so)."""


class OwnerChanged(Exception):
    """The number texted changed hands, or its team's secrets changed, since this process kept them: nothing was
    stored, and the caller routes and verifies the event again with what is true now."""


def _storable(raw_body: bytes) -> str:
    return raw_body[:20000].decode("utf-8", errors="replace").replace("\x00", "")


def _rejected(provider: str, code: str, detail: str, raw_body: bytes = b"") -> WebhookEvent:
    return WebhookEvent.objects.create(
        provider=provider[:16],
        status=WebhookEvent.Status.REJECTED,
        error_code=code,
        detail=detail[:4000],
        raw_body=_storable(raw_body),
    )


def webhook_too_large(*, provider: str, size: int) -> WebhookEvent:
    """Record a webhook refused for its size alone (``PAYLOAD_TOO_LARGE``, answered 413 without reading it)."""
    detail = f"The body has {size} bytes; at most {settings.WEBHOOK_MAX_BYTES} are read."
    return _rejected(provider, "PAYLOAD_TOO_LARGE", detail)


def webhook_receive(
    *, headers, raw_body: bytes, provider: str = "signalhouse", now_ms: int | None = None
) -> tuple[int, WebhookEvent]:
    """Read, route, verify, store once and process one provider webhook call; return the HTTP status and record.

    413 ``PAYLOAD_TOO_LARGE`` past ``WEBHOOK_MAX_BYTES``; 400 ``PAYLOAD_INVALID`` for a body that is not bounded
    JSON of the provider's shape; 401 ``TOKEN_INVALID`` unless it is signed with the secret of the team owning the
    number (or the message) it concerns, else the platform's; 503 when processing failed, so that the provider
    retries; 200 otherwise, duplicates included. Nothing here answers 500.
    """
    started = time.monotonic()
    try:
        spec = sms.provider_spec(provider)
        fmt = spec.webhook
        if fmt is None:
            raise sms.ConfigError(f"{provider} sends no webhooks")
        if len(raw_body) > settings.WEBHOOK_MAX_BYTES:
            return 413, webhook_too_large(provider=spec.name, size=len(raw_body))
        try:
            event = fmt.parse(raw_body)
            delivery = fmt.delivery_id(headers)
        except sms.PayloadInvalid as exc:
            return 400, _rejected(spec.name, "PAYLOAD_INVALID", str(exc), raw_body)
        event.delivery_id = delivery
        fresh = False
        while True:
            # the owner (kept by this process) and its secrets; matching the contact waits for the task
            route, secrets, owner = routing.event_owner(event, provider=spec.name, fresh=fresh)
            try:
                fmt.verify(secrets, headers, raw_body, now_ms=now_ms)
            except sms.SignatureInvalid as exc:
                if owner is not None and owner.kept:  # perhaps signed with a secret set since it was kept
                    routing.number_owner_forget(owner)
                    fresh = True
                    continue
                return 401, _rejected(spec.name, "TOKEN_INVALID", str(exc), raw_body)
            try:
                return intake_event(
                    provider=spec.name,
                    event=event,
                    route=route,
                    delivery_id=delivery,
                    digest=fmt.replay_digest(headers, raw_body),
                    raw_text=_storable(raw_body),
                    started=started,
                    owner=owner,
                )
            except OwnerChanged:  # the number or its team's secrets changed since they were kept: read them again
                routing.number_owner_forget(owner)
                fresh = True
    except Exception as exc:  # noqa: BLE001 - never a 500: the provider retries a 503, and the event log has it
        log.exception("webhook from %s could not be handled", provider)
        record = WebhookEvent(provider=str(provider)[:16], status=WebhookEvent.Status.FAILED)
        record.error_code, record.detail = "WEBHOOK_FAILURE", f"{type(exc).__name__}: {exc}"[:4000]
        try:
            record.save()
        except Exception:  # noqa: BLE001 - the database itself may be what failed
            log.exception("the failure of a webhook could not be recorded")
        return 503, record


def intake_event(
    *,
    provider: str,
    event,
    route: routing.Route,
    delivery_id: str | None,
    digest: str | None,
    raw_text: str,
    source: str = WebhookEvent.Source.WEBHOOK,
    started: float | None = None,
    owner: NumberOwner | None = None,
) -> tuple[int, WebhookEvent]:
    """Store a verified event exactly once, apply STOP/HELP/START suppression, and enqueue the rest on the
    realtime lane (the webhook and the event-log reconciliation both come here). Returns (200, record), or
    (503, failed record) when storing raised.

    Only what must hold before the answer happens here: the record, and a STOP's suppression (or a START's
    lift, or an unclear revocation's hold) for the team owning the number texted. Matching the contact and the
    campaign text, the inbox item, classification, prioritization, drafts and the compliance answer follow in
    ``webhook_event_process`` (``inbox.tasks.webhook_event_process_task``), enqueued with the record, so a stored
    event is never left without its task and a rolled-back one leaves neither. A reply with nothing to write but
    the record (most of them) is stored and queued by one statement (``_store_once``); one that suppresses, lifts
    or holds writes that in the record's transaction.

    Once is enforced by the database: the record's insert does nothing (or fails) on a delivery id or a signed
    digest seen before (then nothing else happens: the earlier record is returned with its ``attempts`` counted),
    and an inbound message's provider id is unique (checked by the task).

    ``owner``: the number's owner and secrets the route and the signature came from, perhaps kept by this process
    (``routing.number_owner``): nothing is stored unless it still holds, else ``OwnerChanged`` is raised.
    """
    started = time.monotonic() if started is None else started
    record = None
    addressed = route.team_id is not None or bool(route.candidates)
    keyword = _keyword_decision(event) if event.kind == "inbound" and addressed else _NO_KEYWORD
    columns = dict(
        provider=provider,
        source=source,
        delivery_id=delivery_id,
        digest=digest,
        event=event.event,
        identifier=event.identifier or "",
        to_number=(event.to_number or "")[:20],
        team_id=route.team_id,
        detail="" if route.team_id else route.reason[:4000],
        raw_body=raw_text,
        # processed by its task in the meantime; if the task is lost on its way, the schedule sends it again then
        retry_at=timezone.now() + timedelta(seconds=settings.WEBHOOK_RETRY_AFTER_SECONDS),
    )
    try:
        if keyword.action in _NOTHING_TO_WRITE and _one_statement_intake():
            elapsed = int((time.monotonic() - started) * 1000)
            record = _store_once(
                WebhookEvent(**columns, compliance_action=keyword.action, processing_ms=elapsed), event, owner
            )
        else:
            with transaction.atomic():  # a duplicate's insert aborts it whole: no savepoint
                if owner is not None and owner.kept and not _owner_holds(owner):
                    raise OwnerChanged
                try:
                    record = WebhookEvent.objects.create(
                        **columns, processing_ms=int((time.monotonic() - started) * 1000)
                    )
                except IntegrityError as exc:
                    raise _AlreadyStored from exc
                if route.team_id is None:
                    action = _revocation_apply_to_each(route.candidates, event=event, keyword=keyword)
                else:
                    action = (
                        _keywords_apply(team_id=route.team_id, event=event, keyword=keyword) if keyword.action else ""
                    )
                if action:
                    record.compliance_action = action
                    record.processing_ms = int((time.monotonic() - started) * 1000)
                    record.save(update_fields=["compliance_action", "processing_ms", "updated_at"])
                journey.enqueue(PROCESS_TASK, record.pk, _event_data(event))
        record.fresh = True  # stored by this call (a duplicate returns the first record instead)
    except _AlreadyStored:
        first = _seen_again(provider, delivery_id, digest, source)
        if first is not None:
            return 200, first
        exc = RuntimeError("its first record is gone (rolled back): the next retry stores it")
        failed_digest = None
    except OwnerChanged:
        raise  # nothing was stored: the caller routes and verifies again
    except Exception as error:  # noqa: BLE001 - any failure here is answered 503 so the provider retries
        log.exception("event %s from %s failed", delivery_id or digest, provider)
        exc, failed_digest = error, digest if source == WebhookEvent.Source.WEBHOOK else None
    else:
        if settings.Q_CLUSTER.get("sync"):  # the task ran inline (tests): answer with what it made of the event
            record.refresh_from_db()
            record.fresh = True
        if record.processing_ms > WEBHOOK_SLOW_MS and record.team_id:
            stage_failure_record(
                team=record.team_id,
                stage=8,
                code="WEBHOOK_TIMEOUT",
                subject=record,
                detail=f"Processing took {record.processing_ms} ms; the provider gives up after {WEBHOOK_SLOW_MS} ms.",
            )
        return 200, record
    # Kept without the delivery id, so that the provider's retry (same id, signed afresh) is processed; a webhook's
    # digest is kept, so that this very request re-sent is not. A record read back from the event log keeps
    # neither: the next reading processes it again.
    failed = WebhookEvent(
        provider=provider,
        source=source,
        digest=failed_digest,
        event=event.event,
        identifier=event.identifier or "",
        status=WebhookEvent.Status.FAILED,
        error_code="WEBHOOK_FAILURE",
        detail=f"delivery {delivery_id or '-'}: {type(exc).__name__}: {exc}"[:4000],
        raw_body=raw_text,
        processing_ms=int((time.monotonic() - started) * 1000),
    )
    try:
        with transaction.atomic():
            failed.save()
    except IntegrityError:  # the same request was stored meanwhile by a concurrent call: keep the failure anyway
        failed.digest = None
        failed.save()
    return 503, failed


PROCESS_TASK = "inbox.tasks.webhook_event_process_task"


def _one_statement_intake() -> bool:
    """Whether an event with nothing to write but itself is stored with one statement (``_store_once``): on
    PostgreSQL, with the queue asynchronous (in sync mode, tests, the task runs inline through ``journey``)."""
    return connection.vendor == "postgresql" and not settings.Q_CLUSTER.get("sync")


def _owner_holds(owner: NumberOwner) -> bool:
    fresh = sender_number_owner(number=owner.number, provider=owner.provider, credential_names=owner.names)
    return (fresh.team_id, fresh.count, fresh.newest) == (owner.team_id, owner.count, owner.newest)


def _store_once(record: WebhookEvent, event, owner: NumberOwner | None = None) -> WebhookEvent:
    """Insert a new record unless its delivery id or signed digest is stored already (``_AlreadyStored`` then), and
    queue its task on the realtime lane: one statement, so in a webhook call one round trip, without a transaction
    to open, a savepoint or an exception to catch. With the ORM broker on this database the queue row is written by
    the same statement (``INSERT ... ON CONFLICT DO NOTHING RETURNING`` feeding the queue's insert): both or
    neither. With Redis the task is pushed once the row is stored (as ``journey.enqueue`` does on commit)."""
    fields = record._meta.concrete_fields
    values = [field.get_db_prep_save(field.pre_save(record, True), connection) for field in fields]
    held, held_params = sender_number_owner_unchanged(owner) if owner is not None else ("true", [])
    queue = journey.queue_row(PROCESS_TASK, record.pk, _event_data(event))
    statement = _store_statement(held, queue[:2] if queue is not None else None)
    params = [*held_params, *values, *(queue[2] if queue is not None else ())]
    # a webhook call runs in autocommit: the statement is its own transaction. Within a caller's transaction it gets
    # a savepoint, so that a failed insert leaves that transaction usable (for the failure's record)
    with (
        transaction.atomic() if connection.in_atomic_block else contextlib.nullcontext(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement, params)
        holds, stored = cursor.fetchone()
    if not holds:
        raise OwnerChanged
    if not stored:
        raise _AlreadyStored
    record._state.adding, record._state.db = False, connection.alias
    if queue is None:
        journey.enqueue(PROCESS_TASK, record.pk, _event_data(event))
    return record


@functools.lru_cache(maxsize=16)
def _store_statement(held: str, queue: tuple[str, tuple[str, ...]] | None) -> str:
    """``_store_once``'s statement (the same text for every call with the same condition and queue), written once:
    the record inserted on the condition ``held`` unless stored already, then its queue row when ``queue`` names
    the queue's table and columns; it answers whether the condition held and how many records it stored."""
    quote = connection.ops.quote_name
    fields = WebhookEvent._meta.concrete_fields
    statement = (
        f"WITH held AS (SELECT {held} AS ok), stored AS (INSERT INTO {quote(WebhookEvent._meta.db_table)} "
        f"({', '.join(quote(field.column) for field in fields)}) SELECT {', '.join(['%s'] * len(fields))} FROM held "
        f"WHERE ok ON CONFLICT DO NOTHING RETURNING {quote(WebhookEvent._meta.pk.column)})"
    )
    if queue is not None:
        table, columns = queue
        statement += (
            f", queued AS (INSERT INTO {quote(table)} ({', '.join(map(quote, columns))}) "
            f"SELECT {', '.join(['%s'] * len(columns))} FROM stored)"
        )
    return f"{statement} SELECT (SELECT ok FROM held), (SELECT count(*) FROM stored)"


def _event_data(event) -> dict:
    """The parsed event as the task's argument (the raw body is on the record, so it is left out rather than copied:
    every other field is a string or a number)."""
    data = {field.name: getattr(event, field.name) for field in dataclasses.fields(event)}
    data["raw"] = {}
    return data


def provider_events_reconcile(*, max_pages: int | None = None) -> dict[str, int]:
    """Read back the event log of every provider account in use (SignalHouse ``GET /notification``: the platform's,
    and each team's own) and pass each event through ``intake_event``, the webhook's exactly-once path. What the
    webhook stored already is recognised (provider message id, or the record's digest) and left as it is.

    An event in a team's own log for a number that team does not own reaches no team. One account failing (a bad
    key, the provider down) is recorded on its cursor; the others go on. Returns counts of what happened.
    """
    import hashlib
    import json

    from usdatabiz.core.models import TeamCredential

    from ..models import ReconcileCursor

    spec = sms.provider_spec(sms.active_provider_name())
    counts = {"accounts": 0, "events": 0, "stored": 0, "failed_accounts": 0}
    if spec.webhook is None:
        return counts  # the sandbox keeps no event log
    max_pages = max_pages or settings.SMS_RECONCILE_MAX_PAGES
    accounts = [(None, sms.credentials(spec, None))]
    own = TeamCredential.objects.filter(provider=spec.name, name="api_key").values_list("team_id", flat=True)
    accounts += [(team_id, sms.credentials(spec, team_id)) for team_id in sorted(set(own))]
    for team_id, creds in accounts:
        if not (creds.api_key and creds.account):
            continue
        counts["accounts"] += 1
        cursor, _ = ReconcileCursor.objects.get_or_create(
            provider=spec.name, account=creds.account, defaults={"team_id": team_id}
        )
        if cursor.team_id != team_id:  # another owner claims this account: read it for neither
            cursor.last_error = "Two owners name this account; it is not read until one changes its group id."
            cursor.save(update_fields=["last_error", "updated_at"])
            counts["failed_accounts"] += 1
            continue
        stored, newest, error = 0, cursor.last_event_ms, ""
        try:
            client = spec.make_client(creds)
            for page in range(1, max_pages + 1):
                events = client.notifications(account=creds.account, page=page, limit=100)
                for event in events:
                    counts["events"] += 1
                    route = routing.route_event(event)
                    if team_id is not None and route.team_id not in (None, team_id):
                        route = routing.Route(None, reason="The event is in the log of a team that does not own it.")
                    raw = json.dumps(event.raw, sort_keys=True, separators=(",", ":"), default=str)
                    digest = hashlib.sha256(b"log:" + raw.encode("utf-8", "replace")).hexdigest()
                    status, record = intake_event(
                        provider=spec.name, event=event, route=route, delivery_id=None, digest=digest,
                        raw_text=raw[:20000], source=WebhookEvent.Source.RECONCILE,
                    )  # fmt: skip
                    stored += int(getattr(record, "fresh", False) and record.status != WebhookEvent.Status.DUPLICATE)
                    if event.occurred_at_ms and (newest is None or event.occurred_at_ms > newest):
                        newest = event.occurred_at_ms
                if len(events) < 100:
                    break
        except sms.SmsError as exc:
            error = f"{exc.code}: {exc.message}"
            counts["failed_accounts"] += 1
        ReconcileCursor.objects.filter(pk=cursor.pk).update(
            last_run_at=timezone.now(), last_stored=stored, last_event_ms=newest, last_error=error[:4000],
            updated_at=timezone.now(),
        )  # fmt: skip
        counts["stored"] += stored
    return counts


def _seen_again(provider: str, delivery_id: str | None, digest: str | None, source: str) -> WebhookEvent | None:
    """The record an event was first stored as; count the attempt (a retry, a replay, a re-read of the log)."""
    query = models.Q(pk__in=[])
    if delivery_id:
        query |= models.Q(delivery_id=delivery_id)
    if digest:
        query |= models.Q(digest=digest)
    first = WebhookEvent.objects.filter(query, provider=provider).order_by("created_at").first()
    if first is None:  # the first attempt rolled back after our insert failed: the provider's next retry stores it
        return None
    WebhookEvent.objects.filter(pk=first.pk).update(attempts=models.F("attempts") + 1, updated_at=timezone.now())
    if source == WebhookEvent.Source.WEBHOOK:
        why = (
            "the same delivery id arrived again"
            if delivery_id and first.delivery_id == delivery_id
            else ("the same signed request arrived again under another delivery id")
        )
        _duplicate(first, why)
    first.refresh_from_db()
    return first


def _process(record: WebhookEvent, event, route: routing.Route) -> None:
    record.team_id = route.team_id
    if event.kind == "inbound":
        inbound_receive(event=event, webhook=record, route=route)
    elif event.kind in ("delivered", "failed"):
        message = None
        if route.team_id is not None:
            message = messaging.message_delivery_update(
                external_id=event.identifier or "",
                status="DELIVERED" if event.kind == "delivered" else "FAILED",
                error_code=event.error_code,
                reason=event.reason,
                segments=event.segments,
                team=route.team_id,
            )
        record.status = WebhookEvent.Status.PROCESSED if message else WebhookEvent.Status.UNMATCHED
        record.error_code = "" if message else "NO_MESSAGE_MATCH"
        record.detail = "" if message else route.reason
    else:
        record.status, record.detail = WebhookEvent.Status.PROCESSED, f"ignored event {event.event!r}"


def _duplicate(record: WebhookEvent, why: str) -> None:
    if record.team_id:
        stage_failure_record(team=record.team_id, stage=8, code="DUPLICATE_WEBHOOK", subject=record, detail=why)


def inbound_receive(*, event, webhook: WebhookEvent, route: routing.Route | None = None) -> InboxItem | None:
    """Turn a verified inbound text into a message and an inbox item of the team owning the number texted;
    honour STOP, HELP and START at once, for that team only. A number no team owns reaches no one."""
    route = route or routing.inbound_route(to_number=event.to_number, from_number=event.from_number)
    if route.team_id is None or route.contact is None:
        webhook.team_id = route.team_id
        webhook.status, webhook.error_code = WebhookEvent.Status.UNMATCHED, "NO_LEAD_MATCH"
        webhook.detail = route.reason
        honoured = {
            WebhookEvent.ComplianceAction.SUPPRESSED: " It asked to stop: the number is suppressed for your team.",
            WebhookEvent.ComplianceAction.HELD: " It may ask to stop: the number is held for a person of your team.",
        }.get(webhook.compliance_action, "")
        for team_id in route.candidates:  # shown to each team that texted the person, without the reply's words
            stage_failure_record(
                team=team_id, stage=8, code="NO_LEAD_MATCH", subject=webhook,
                detail=f"A reply from {event.from_number} did not say which of our numbers it was sent to and could "
                f"not be given to one team for certain; it is kept as webhook event {webhook.pk}.{honoured}",
            )  # fmt: skip
        return None
    team_id, contact = route.team_id, route.contact
    webhook.team_id = team_id
    now, sent = timezone.now(), event_time(event.occurred_at_ms)
    run = stage_run_start(  # felt from the provider's timestamp of the reply, when it gives one
        team=team_id, stage=8, subject=webhook, count_in=1, triggered_at=sent
    )
    try:
        with transaction.atomic():  # the provider's message id is stored once (unique with the provider)
            message = Message.objects.create(
                team_id=team_id,
                direction=Message.Direction.INBOUND,
                kind=Message.Kind.INBOUND,
                status=Message.Status.RECEIVED,
                campaign=contact.campaign,
                lead=contact.lead,
                persona_id=contact.persona_id,
                from_number=contact.number,
                to_number=route.sender.number,
                body=event.text,
                provider=webhook.provider,
                external_id=event.identifier or "",
                correlation_id=contact.correlation_id,
                received_at=now,
                reply_to_id=contact.last_message_id,
                metadata={
                    "webhookId": webhook.pk,
                    "deliveryId": event.delivery_id,
                    "source": webhook.source,
                    **({"sentAt": sent.isoformat()} if sent is not None else {}),
                },
            )
    except IntegrityError:
        webhook.status, webhook.error_code = WebhookEvent.Status.DUPLICATE, "DUPLICATE_WEBHOOK"
        webhook.detail = f"message {event.identifier} was received already"
        if webhook.source == WebhookEvent.Source.WEBHOOK:
            _duplicate(webhook, webhook.detail)
        stage_run_finish(run=run, status=StageRun.Status.SUCCEEDED, count_out=0, detail="duplicate")
        return None
    lead = contact.lead
    item = InboxItem(
        team_id=team_id,
        message=message,
        lead=lead,
        persona_id=contact.persona_id,
        campaign=contact.campaign,
        phone_number=contact.number,
        response_text=event.text,
        external_id=event.identifier or "",
        correlation_id=contact.correlation_id,
        received_at=now,
        bucket=InboxItem.Bucket.REVIEW if lead is None else InboxItem.Bucket.REPLY,
    )
    conversation_join_inbound(item=item, sender_number=route.sender.number)  # the item is inserted with it
    item.save(force_insert=True)
    _event(item, "received", webhook=webhook.pk, sender_number=route.sender.number)
    if item.status == InboxItem.Status.PROCESSED:  # a late text the conversation kept as history (not new work)
        _event(item, "kept_as_history", notes=item.notes)
    if lead is None:
        stage_failure_record(
            team=team_id,
            stage=8,
            code="NO_LEAD_MATCH",
            subject=item,
            run=run,
            detail=f"No lead has the number {contact.number}; the reply waits in review.",
        )
    else:
        try:
            lead_transition(lead=lead, to=Lead.Status.REPLIED)
        except IllegalTransition:
            pass  # a second reply, or a lead already closed: its status stays
    _honour_keywords(item, message, _keyword_action(webhook))
    webhook.status = WebhookEvent.Status.PROCESSED
    stage_run_finish(run=run, status=StageRun.Status.SUCCEEDED, count_out=1, detail=f"inbox item {item.pk}")
    journey.advance(stage=8, subject_id=item.pk, team_id=team_id)
    return item


@dataclasses.dataclass(frozen=True)
class _Keyword:
    """What a reply asks for before the answer (``action``: a ``WebhookEvent.ComplianceAction``, or empty) and why."""

    action: str
    why: str = ""


_NO_KEYWORD = _Keyword("")
# what the record alone carries: no suppression, lift or hold to write with it
_NOTHING_TO_WRITE = ("", WebhookEvent.ComplianceAction.HELP)


def _keyword_decision(event) -> _Keyword:
    """Decide, without writing anything, what a reply's words require before the answer: a STOP (or any clear
    request to stop) suppresses, START lifts, HELP is answered after, an unclear revocation holds the number."""
    number, text = event.from_number or "", event.text or ""
    if len(number) != 10 or not number.isdigit():
        return _NO_KEYWORD  # not a US number: nobody to suppress (the task records why it matched no one)
    keyword = compliance.classify_keyword(text)
    decision, why = compliance.opt_out_explain(text) if keyword is None else (None, "")
    if keyword == compliance.Keyword.STOP or decision == compliance.OPT_OUT_YES:
        return _Keyword(WebhookEvent.ComplianceAction.SUPPRESSED)
    if keyword == compliance.Keyword.HELP:
        return _Keyword(WebhookEvent.ComplianceAction.HELP)
    if keyword == compliance.Keyword.START:
        return _Keyword(WebhookEvent.ComplianceAction.LIFTED)
    if decision == compliance.OPT_OUT_UNCERTAIN:
        return _Keyword(WebhookEvent.ComplianceAction.HELD, why)
    return _NO_KEYWORD


def _keywords_apply(*, team_id: str, event, keyword: _Keyword) -> str:
    """Before the answer: a STOP suppresses the sender for this team at once; START lifts a suppression; an unclear
    revocation holds the number. Return what was done (``WebhookEvent.ComplianceAction``), for the task to confirm."""
    number, text = event.from_number or "", event.text or ""
    if keyword.action in (WebhookEvent.ComplianceAction.SUPPRESSED, WebhookEvent.ComplianceAction.LIFTED):
        # consent follows the person's newest STOP or START by the provider's clock: a late or repeated
        # delivery of an older one changes nothing (and is confirmed to no one)
        stop = keyword.action == WebhookEvent.ComplianceAction.SUPPRESSED
        newest = messaging.consent_mark_move(
            team=team_id, number=number, keyword=ConsentMark.Keyword.STOP if stop else ConsentMark.Keyword.START,
            at=event_time(event.occurred_at_ms), identifier=event.identifier or "",
        )  # fmt: skip
        if not newest:
            return ""
    if keyword.action == WebhookEvent.ComplianceAction.SUPPRESSED:
        messaging.suppression_add(
            team=team_id, number=number, reason=Suppression.Reason.OPT_OUT, note=f"inbound: {text[:200]}"
        )
    elif keyword.action == WebhookEvent.ComplianceAction.LIFTED:
        lifted = messaging.suppression_lift(team=team_id, number=number, reason="START from the person")
        return WebhookEvent.ComplianceAction.LIFTED if lifted else ""
    elif keyword.action == WebhookEvent.ComplianceAction.HELD:
        # held now, not when the task runs: a campaign slice sending meanwhile is refused with OPT_OUT_REVIEW
        opt_out_reviews.opt_out_review_hold(team=team_id, number=number, text=text, reason=keyword.why)
    return keyword.action


def _revocation_apply_to_each(team_ids: tuple[str, ...], *, event, keyword: _Keyword) -> str:
    """A reply that did not say which of our numbers it answered, from a person several teams texted: a STOP (or
    a clear request to stop) suppresses the number for every one of those teams, and an unclear one holds it for
    each. A wrong suppression costs a team one lead; a missed one texts a person who asked us to stop. A START is
    applied to no team (consent is never given back on a guess), and no confirmation is sent (from which number?).
    """
    if keyword.action not in (WebhookEvent.ComplianceAction.SUPPRESSED, WebhookEvent.ComplianceAction.HELD):
        return ""
    done = ""
    for team_id in team_ids:
        done = _keywords_apply(team_id=team_id, event=event, keyword=keyword) or done
    return done


def _keyword_action(webhook: WebhookEvent) -> str:
    """What the answer to this text did, or what the answer to another delivery of the same text did (the lift of
    a START happens once, perhaps under the delivery whose task lost the race to store the message)."""
    if webhook.compliance_action or not webhook.identifier:
        return webhook.compliance_action
    first = (
        WebhookEvent.objects.filter(provider=webhook.provider, identifier=webhook.identifier)
        .exclude(compliance_action="")
        .values_list("compliance_action", flat=True)
        .first()
    )
    return first or ""


def _honour_keywords(item: InboxItem, message: Message, action: str) -> None:
    """After the answer: confirm the STOP applied before it (and link the entry to the message), answer HELP,
    confirm a START that lifted a suppression. The person's consent itself changed before the answer."""
    if action == WebhookEvent.ComplianceAction.HELD:
        # the webhook held the number before answering; the review now points at the reply (unless a person
        # already decided it)
        if opt_out_reviews.is_held(team=item.team_id, number=item.phone_number):
            why = compliance.opt_out_explain(item.response_text)[1]
            consent.hold_for_review(item=item, message=message, reason=why)
        return
    if not action:
        # "yes" from someone never opted out is an answer, not a re-subscription. A reply that reached no webhook
        # hold (a number the webhook could not read) but may revoke consent holds the number until a person decides
        decision, why = compliance.opt_out_explain(item.response_text)
        if compliance.classify_keyword(item.response_text) is None and decision == compliance.OPT_OUT_UNCERTAIN:
            consent.hold_for_review(item=item, message=message, reason=why)
        return
    cfg = messaging.messaging_settings_get(team=item.team_id)
    brand = cfg.brand_name or item.team.name
    contact = cfg.help_contact or "reply here"
    if action == WebhookEvent.ComplianceAction.SUPPRESSED:
        Suppression.objects.filter(
            team_id=item.team_id, phone_number=item.phone_number, lifted_at__isnull=True, source_message__isnull=True
        ).update(source_message=message)
        keyword = compliance.Keyword.STOP
        _event(item, "suppressed", number=item.phone_number)
    elif action == WebhookEvent.ComplianceAction.HELP:
        keyword = compliance.Keyword.HELP
    else:
        keyword = compliance.Keyword.START
        _event(item, "resubscribed", number=item.phone_number)
    reply = compliance.compliance_reply(keyword, brand=brand, contact=contact)
    journey.enqueue("inbox.tasks.compliance_reply_task", item.pk, reply, str(keyword))


def compliance_reply_send(*, item: InboxItem, body: str, keyword: str) -> Message:
    """Send the one carrier-required answer to STOP, HELP or START (the only text that needs no person)."""
    sent = messaging.message_send(
        team=item.team_id,
        to_number=item.phone_number,
        body=body,
        kind=Message.Kind.COMPLIANCE,
        key=f"compliance:{item.message_id}",
        reply_to=item.message,
        lead=item.lead,
        persona_id=item.persona_id,
        correlation_id=item.correlation_id,
        metadata={"keyword": keyword},
    )
    _event(item, "compliance_reply", message=sent.pk, status=sent.status)
    return sent
