"""Writes of stages 8-12: webhook intake, classification, prioritization, copilot drafts and closeout."""

import logging
import time

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from identity.models import PersonaEmail, PersonaPhone
from leads.models import Lead
from leads.services import lead_transition
from messaging import compliance, sms
from messaging import services as messaging
from messaging.models import Message, Suppression
from usdatabiz.core import journey
from usdatabiz.core.errors import DomainError, IllegalTransition
from usdatabiz.core.models import StageRun
from usdatabiz.core.services import stage_failure_record, stage_run_finish, stage_run_start

from . import classification as classifier
from . import routing
from .models import InboxEvent, InboxItem, WebhookEvent

log = logging.getLogger(__name__)
# The provider waits 3 s for an answer; the seed's real-time SLA for stage 8 alerts at 30 s.
WEBHOOK_SLOW_MS = 3000
LOW_CONFIDENCE = 0.6


class InboxError(DomainError):
    """An inbox request that cannot be carried out."""


def _event(item: InboxItem, action: str, actor=None, **detail) -> InboxEvent:
    label = actor if isinstance(actor, str) else (actor.get_username() if actor is not None else "SYSTEM")
    return InboxEvent.objects.create(
        team_id=item.team_id,
        item=item,
        action=action,
        actor=None if isinstance(actor, str) or actor is None else actor,
        actor_label=label,
        detail=detail,
    )


# -- stage 8: the webhook -------------------------------------------------------------------------------


class _AlreadyStored(Exception):
    """The event's delivery id or signed digest is stored already (a unique constraint said so)."""


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
        route = routing.route_event(event)
        try:
            fmt.verify(sms.webhook_secrets(spec.name, route.team_id), headers, raw_body, now_ms=now_ms)
        except sms.SignatureInvalid as exc:
            return 401, _rejected(spec.name, "TOKEN_INVALID", str(exc), raw_body)
        event.delivery_id = delivery
        return intake_event(
            provider=spec.name,
            event=event,
            route=route,
            delivery_id=delivery,
            digest=fmt.replay_digest(headers, raw_body),
            raw_text=_storable(raw_body),
            started=started,
        )
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
) -> tuple[int, WebhookEvent]:
    """Store a verified event exactly once and act on it (the webhook and the event-log reconciliation both come
    here). Returns (200, record), or (503, failed record) when processing raised.

    Once is enforced by the database: the record's insert fails on a delivery id or a signed digest seen before
    (then nothing else happens: the earlier record is returned with its ``attempts`` counted), and an inbound
    message's provider id is unique. Both checks run in the same transaction as everything the event does.
    """
    started = time.monotonic() if started is None else started
    record = None
    try:
        with transaction.atomic():
            try:
                with transaction.atomic():
                    record = WebhookEvent.objects.create(
                        provider=provider,
                        source=source,
                        delivery_id=delivery_id,
                        digest=digest,
                        event=event.event,
                        identifier=event.identifier or "",
                        to_number=(event.to_number or "")[:20],
                        raw_body=raw_text,
                    )
            except IntegrityError as exc:
                raise _AlreadyStored from exc
            _process(record, event, route)
            record.processing_ms = int((time.monotonic() - started) * 1000)
            record.save()
            record.fresh = True  # stored by this call (a duplicate returns the first record instead)
    except _AlreadyStored:
        first = _seen_again(provider, delivery_id, digest, source)
        if first is not None:
            return 200, first
        exc = RuntimeError("its first record is gone (rolled back): the next retry stores it")
        failed_digest = None
    except Exception as error:  # noqa: BLE001 - any failure here is answered 503 so the provider retries
        log.exception("event %s from %s failed", delivery_id or digest, provider)
        exc, failed_digest = error, digest if source == WebhookEvent.Source.WEBHOOK else None
    else:
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

    from .models import ReconcileCursor

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
        return None
    team_id, contact = route.team_id, route.contact
    webhook.team_id = team_id
    now = timezone.now()
    run = stage_run_start(team=team_id, stage=8, subject=webhook, count_in=1)
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
                metadata={"webhookId": webhook.pk, "deliveryId": event.delivery_id, "source": webhook.source},
            )
    except IntegrityError:
        webhook.status, webhook.error_code = WebhookEvent.Status.DUPLICATE, "DUPLICATE_WEBHOOK"
        webhook.detail = f"message {event.identifier} was received already"
        if webhook.source == WebhookEvent.Source.WEBHOOK:
            _duplicate(webhook, webhook.detail)
        stage_run_finish(run=run, status=StageRun.Status.SUCCEEDED, count_out=0, detail="duplicate")
        return None
    lead = contact.lead
    item = InboxItem.objects.create(
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
    _event(item, "received", webhook=webhook.pk, sender_number=route.sender.number)
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
    _honour_keywords(item, message)
    webhook.status = WebhookEvent.Status.PROCESSED
    stage_run_finish(run=run, status=StageRun.Status.SUCCEEDED, count_out=1, detail=f"inbox item {item.pk}")
    journey.advance(stage=8, subject_id=item.pk, team_id=team_id)
    return item


def _honour_keywords(item: InboxItem, message: Message) -> None:
    """STOP (or any clear request to stop) suppresses at once and confirms; HELP answers; START lifts."""
    cfg = messaging.messaging_settings_get(team=item.team_id)
    brand = cfg.brand_name or item.team.name
    contact = cfg.help_contact or "reply here"
    keyword = compliance.classify_keyword(item.response_text)
    opt_out = keyword == compliance.Keyword.STOP or (
        keyword is None and compliance.is_opt_out_request(item.response_text)
    )
    if opt_out:
        messaging.suppression_add(
            team=item.team_id, number=item.phone_number, reason=Suppression.Reason.OPT_OUT, source_message=message,
            note=f"inbound: {item.response_text[:200]}",
        )  # fmt: skip
        reply = compliance.compliance_reply(compliance.Keyword.STOP, brand=brand, contact=contact)
        _event(item, "suppressed", number=item.phone_number)
    elif keyword == compliance.Keyword.HELP:
        reply = compliance.compliance_reply(keyword, brand=brand, contact=contact)
    elif keyword == compliance.Keyword.START:
        lifted = messaging.suppression_lift(team=item.team_id, number=item.phone_number, reason="START from the person")
        if not lifted:
            return  # "yes" from someone never opted out is an answer, not a re-subscription
        reply = compliance.compliance_reply(keyword, brand=brand, contact=contact)
        _event(item, "resubscribed", number=item.phone_number)
    else:
        return
    # the suppression above is immediate; the confirmation goes through the queue so the webhook answers fast
    journey.enqueue("inbox.tasks.compliance_reply_task", item.pk, reply, "STOP" if opt_out else str(keyword))


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


# -- stage 9: classification ----------------------------------------------------------------------------


def inbox_item_classify(*, item: InboxItem) -> InboxItem:
    """Classify the reply, keep what it tells (email, phone), record NO_MATCH / LOW_CONFIDENCE / EXTRACTION_ERROR."""
    run = stage_run_start(team=item.team_id, stage=9, subject=item, count_in=1)
    result = classifier.classify(item.response_text, low_confidence_threshold=LOW_CONFIDENCE)
    with transaction.atomic():
        item.classification = str(result.classification)
        item.classification_confidence = result.confidence
        item.extracted = dict(result.extracted)
        item.classification_rules = list(result.matched_rules)
        item.classified_at = timezone.now()
        if item.status == InboxItem.Status.NEW:
            item.status = InboxItem.Status.OPEN
        if "LOW_CONFIDENCE" in result.failures or item.lead_id is None:
            item.bucket = InboxItem.Bucket.REVIEW
        item.save()
        for code in result.failures:
            stage_failure_record(
                team=item.team_id,
                stage=9,
                code=code,
                subject=item,
                run=run,
                detail=f"{item.classification} at {result.confidence:.2f}: {item.response_text[:200]}",
            )
        _keep_extracted(item)
        _event(item, "classified", classification=item.classification, confidence=result.confidence)
    stage_run_finish(run=run, status=StageRun.Status.SUCCEEDED, count_out=1, detail=item.classification)
    journey.advance(stage=9, subject_id=item.pk, team_id=item.team_id)
    return item


def _keep_extracted(item: InboxItem) -> None:
    """Store an email or phone the person gave on their persona, with provenance (the inbound message)."""
    if not item.persona_id:
        return
    stamp = {"source": f"inbound:{item.message_id}", "at": timezone.now().isoformat()}
    email = item.extracted.get("email")
    if email and not PersonaEmail.objects.filter(persona_id=item.persona_id, email=email).exists():
        PersonaEmail.objects.create(
            team_id=item.team_id, persona_id=item.persona_id, email=email, provenance={"email": stamp}
        )
    phone = item.extracted.get("phone")
    if phone and not PersonaPhone.objects.filter(persona_id=item.persona_id, normalized_number=phone).exists():
        PersonaPhone.objects.create(
            team_id=item.team_id, persona_id=item.persona_id, raw=phone, normalized_number=phone,
            provenance={"normalized_number": stamp},
        )  # fmt: skip


def inbox_item_reclassify(*, item: InboxItem, classification: str, user) -> InboxItem:
    """A person corrects the classification: recorded as MISCLASSIFICATION, then prioritized and drafted again."""
    if classification not in classifier.Classification.__members__.values():
        valid = ", ".join(c.value for c in classifier.Classification)
        raise InboxError("INVALID_CLASSIFICATION", f"Use one of: {valid}.")
    if classification == item.classification:
        return item
    before = item.classification
    with transaction.atomic():
        stage_failure_record(
            team=item.team_id,
            stage=9,
            code="MISCLASSIFICATION",
            subject=item,
            detail=f"{user.get_username()} changed {before!r} to {classification!r}",
        )
        item.classification, item.classification_confidence = classification, 1.0
        item.save(update_fields=["classification", "classification_confidence", "updated_at"])
        _event(item, "reclassified", user, before=before, after=classification)
        journey.advance(stage=9, subject_id=item.pk, team_id=item.team_id)
    item.refresh_from_db()
    return item


# -- stage 11: approving what the copilot drafted -------------------------------------------------------


def _require_operator(item: InboxItem, user) -> None:
    from usdatabiz.core.selectors import membership_get

    if user is None or not getattr(user, "is_authenticated", False):
        stage_failure_record(
            team=item.team_id, stage=11, code="APPROVAL_BYPASS", subject=item,
            detail="A reply was about to leave without a named person's approval; it was stopped.",
        )  # fmt: skip
        raise InboxError("APPROVAL_REQUIRED", "A reply is sent only after a named person approves it.", http_status=403)
    membership = membership_get(user=user, team=item.team_id)
    if membership is None or not membership.can_operate:
        raise InboxError(
            "APPROVAL_REQUIRED", "Only an operator or admin of the team can send replies.", http_status=403
        )


def inbox_item_reply(*, item: InboxItem, user, text: str, from_suggestion: bool = False) -> Message:
    """Send a reply a named person approved (the copilot's draft, edited or not, or their own words)."""
    _require_operator(item, user)
    text = (text or "").strip()
    if not text:
        raise InboxError("EMPTY_REPLY", "Write the reply first.")
    if item.status == InboxItem.Status.PROCESSED:
        raise InboxError("ITEM_CLOSED", "This conversation is closed; reopen it to reply.", http_status=409)
    count = Message.objects.filter(reply_to=item.message, kind=Message.Kind.REPLY).count()
    with transaction.atomic():
        if from_suggestion:
            edited = text != (item.suggested_text or "").strip()
            item.suggestion_status = (
                InboxItem.SuggestionStatus.EDITED if edited else InboxItem.SuggestionStatus.APPROVED
            )
            item.save(update_fields=["suggestion_status", "updated_at"])
        elif item.suggestion_status == InboxItem.SuggestionStatus.PENDING:
            # the person answered in their own words: the draft no longer waits for anyone
            item.suggestion_status = InboxItem.SuggestionStatus.NONE
            item.save(update_fields=["suggestion_status", "updated_at"])
            _event(item, "draft_set_aside", user)
    message = messaging.message_send(
        team=item.team_id,
        to_number=item.phone_number,
        body=text,
        kind=Message.Kind.REPLY,
        key=f"reply:{item.pk}:{count + 1}",
        approved_by=user,
        reply_to=item.message,
        lead=item.lead,
        persona_id=item.persona_id,
        campaign=item.campaign,
        correlation_id=item.correlation_id,
        metadata={
            "worker": item.assigned_sdr_id,
            "fromSuggestion": from_suggestion,
            "suggestionStatus": item.suggestion_status,
            "inboxItemId": item.pk,
        },
    )
    _event(item, "replied", user, message=message.pk, status=message.status, from_suggestion=from_suggestion)
    return message


def inbox_item_suggestion_reject(*, item: InboxItem, user, reason: str) -> InboxItem:
    """Refuse the copilot's draft (WRONG_SUGGESTION, with the person's reason) without sending anything."""
    _require_operator(item, user)
    if item.suggestion_status != InboxItem.SuggestionStatus.PENDING:
        raise InboxError("NO_PENDING_SUGGESTION", "There is no draft awaiting approval.", http_status=409)
    if not (reason or "").strip():
        raise InboxError("REASON_REQUIRED", "Say what was wrong with the draft, so the workers can improve.")
    with transaction.atomic():
        item.suggestion_status = InboxItem.SuggestionStatus.REJECTED
        item.save(update_fields=["suggestion_status", "updated_at"])
        stage_failure_record(
            team=item.team_id, stage=11, code="WRONG_SUGGESTION", subject=item,
            detail=f"{user.get_username()} rejected {item.assigned_sdr_id}'s draft: {reason}",
        )  # fmt: skip
        _event(item, "suggestion_rejected", user, reason=reason)
    return item


# -- stage 12: closeout ---------------------------------------------------------------------------------

# disposition (the lead's close reason) -> the lead status it leads to
DISPOSITIONS = {
    "booked": Lead.Status.CONVERTED,
    "converted": Lead.Status.CONVERTED,
    "not_interested": Lead.Status.LOST,
    "no_response": Lead.Status.LOST,
    "opted_out": Lead.Status.CLOSED,
    "wrong_number": Lead.Status.CLOSED,
    "hostile": Lead.Status.CLOSED,
    "duplicate": Lead.Status.CLOSED,
    "other": Lead.Status.CLOSED,
}


def inbox_item_close(*, item: InboxItem, user, disposition: str, notes: str = "") -> InboxItem:
    """Close a conversation with a disposition: the item is processed by the person, the lead gets its status.

    Refused as INCOMPLETE_NOTES without a known disposition, or with "other" and no notes (recorded).
    """
    _require_operator(item, user)
    if item.status == InboxItem.Status.PROCESSED:
        raise InboxError("ITEM_CLOSED", "This conversation is already closed.", http_status=409)
    notes = (notes or "").strip()
    if disposition not in DISPOSITIONS or (disposition == "other" and not notes):
        stage_failure_record(
            team=item.team_id, stage=12, code="INCOMPLETE_NOTES", subject=item,
            detail=f"{user.get_username()} tried to close without a usable disposition ({disposition!r}).",
        )  # fmt: skip
        raise InboxError(
            "INCOMPLETE_NOTES",
            "Choose a disposition (" + ", ".join(DISPOSITIONS) + "); with 'other', say what happened in the notes.",
        )
    run = stage_run_start(team=item.team_id, stage=12, subject=item, count_in=1)
    with transaction.atomic():
        item.status, item.bucket = InboxItem.Status.PROCESSED, InboxItem.Bucket.DONE
        item.processed_by, item.processed_at = user, timezone.now()
        item.disposition, item.notes = disposition, notes
        item.save()
        if item.lead_id:
            lead = Lead.objects.select_for_update().get(pk=item.lead_id)
            target = DISPOSITIONS[disposition]
            if lead.status not in (Lead.Status.CLOSED, Lead.Status.CONVERTED, Lead.Status.LOST):
                if target == Lead.Status.CONVERTED and lead.status != Lead.Status.REPLIED:
                    target = Lead.Status.CLOSED  # converted needs a reply first; the reason still says booked
                lead_transition(lead=lead, to=target, close_reason=disposition)
        from .models import CallQueueEntry

        CallQueueEntry.objects.filter(item=item, status=CallQueueEntry.Status.WAITING).update(
            status=CallQueueEntry.Status.DONE, updated_at=timezone.now()
        )
        _event(item, "closed", user, disposition=disposition, notes=notes)
    stage_run_finish(run=run, status=StageRun.Status.SUCCEEDED, count_out=1, detail=disposition)
    return item


def inbox_item_reopen(*, item: InboxItem, user, reason: str = "") -> InboxItem:
    """Reopen a closed conversation (the lead keeps its status; a new reply needs a new approval)."""
    _require_operator(item, user)
    if item.status != InboxItem.Status.PROCESSED:
        raise InboxError("NOT_CLOSED", "Only a closed conversation can be reopened.", http_status=409)
    with transaction.atomic():
        item.status, item.bucket = InboxItem.Status.OPEN, InboxItem.Bucket.REPLY
        item.save(update_fields=["status", "bucket", "updated_at"])
        _event(item, "reopened", user, reason=reason)
    return item


def inbox_item_move(*, item: InboxItem, user, bucket: str) -> InboxItem:
    """Move an item to the bucket where it belongs; the system put it in the wrong one (WRONG_BUCKET)."""
    _require_operator(item, user)
    if bucket not in InboxItem.Bucket.values or bucket == InboxItem.Bucket.DONE:
        raise InboxError("INVALID_BUCKET", "Move to reply, call or review; closing is done with a disposition.")
    if bucket == item.bucket:
        return item
    with transaction.atomic():
        stage_failure_record(
            team=item.team_id, stage=12, code="WRONG_BUCKET", subject=item,
            detail=f"{user.get_username()} moved it from {item.bucket} to {bucket}",
        )  # fmt: skip
        _event(item, "moved", user, before=item.bucket, after=bucket)
        item.bucket = bucket
        item.save(update_fields=["bucket", "updated_at"])
    return item


def inbox_items_follow_up_check(*, now=None) -> dict[str, int]:
    """Flag open conversations nobody handled in time (NO_FOLLOW_UP) and hot ones left to cool (LOST_LEAD).

    Each item is flagged once per code; a hot item left past ``INBOX_HOT_COOLS_AFTER_HOURS`` drops to warm.
    """
    from datetime import timedelta

    from usdatabiz.core.models import StageFailure

    now = now or timezone.now()
    counts = {"NO_FOLLOW_UP": 0, "LOST_LEAD": 0}
    open_items = InboxItem.objects.filter(status=InboxItem.Status.OPEN)
    flagged = StageFailure.objects.filter(stage=12, subject_type="inbox.inboxitem")
    stale = open_items.filter(received_at__lt=now - timedelta(hours=settings.INBOX_FOLLOW_UP_HOURS)).exclude(
        pk__in=flagged.filter(code="NO_FOLLOW_UP").values("subject_id")
    )
    for item in stale.iterator():
        stage_failure_record(
            team=item.team_id, stage=12, code="NO_FOLLOW_UP", subject=item,
            detail=f"Open for more than {settings.INBOX_FOLLOW_UP_HOURS} h without being closed.",
        )  # fmt: skip
        counts["NO_FOLLOW_UP"] += 1
    cooling = open_items.filter(
        priority=InboxItem.Priority.HOT, received_at__lt=now - timedelta(hours=settings.INBOX_HOT_COOLS_AFTER_HOURS)
    ).exclude(pk__in=flagged.filter(code="LOST_LEAD").values("subject_id"))
    for item in cooling.iterator():
        if Message.objects.filter(reply_to=item.message, kind=Message.Kind.REPLY).exists():
            continue  # someone answered; it is not going cold unattended
        stage_failure_record(
            team=item.team_id, stage=12, code="LOST_LEAD", subject=item,
            detail=f"A hot reply waited {settings.INBOX_HOT_COOLS_AFTER_HOURS} h without an answer.",
        )  # fmt: skip
        InboxItem.objects.filter(pk=item.pk).update(priority=InboxItem.Priority.WARM, updated_at=now)
        _event(item, "cooled", "SYSTEM", before="hot", after="warm")
        counts["LOST_LEAD"] += 1
    return counts


def call_queue_take(*, entry, user):
    """Assign a waiting call to a person."""
    from .models import CallQueueEntry

    CallQueueEntry.objects.filter(pk=entry.pk, status=CallQueueEntry.Status.WAITING).update(
        assigned_to=user, updated_at=timezone.now()
    )
    _event(entry.item, "call_taken", user)
    entry.refresh_from_db()
    return entry


CALL_OUTCOMES = {"no_answer": "No answer", "voicemail": "Left a voicemail", "busy": "Busy"}
ATTEMPT_PRIORITY_STEP = 10


def call_queue_attempt(*, entry, user, outcome: str):
    """Record a call that did not reach the person: it stays queued, a little lower, for the next try.

    A call that reaches the person ends with the conversation's close (a disposition), not here.
    """
    from django.db.models import F
    from django.db.models.functions import Greatest

    from .models import CallQueueEntry

    if outcome not in CALL_OUTCOMES:
        raise InboxError("INVALID_OUTCOME", "Use one of: " + ", ".join(CALL_OUTCOMES) + ".")
    if entry.status != CallQueueEntry.Status.WAITING:
        raise InboxError("NOT_WAITING", "This call is no longer in the queue.", http_status=409)
    with transaction.atomic():
        CallQueueEntry.objects.filter(pk=entry.pk).update(
            attempts=F("attempts") + 1,
            last_attempt_at=timezone.now(),
            priority=Greatest(F("priority") - ATTEMPT_PRIORITY_STEP, 0),
            assigned_to=None,
            updated_at=timezone.now(),
        )
        _event(entry.item, "call_attempt", user, outcome=outcome)
    entry.refresh_from_db()
    return entry


def sandbox_reply(*, team, from_number: str, text: str) -> InboxItem | None:
    """Build a signed webhook for a reply from ``from_number`` to the number the team texts them from, and run it
    through ``webhook_receive`` (signed with the team's webhook secret, else the platform's)."""
    from messaging.models import ContactSender

    replies_as = sms.provider_spec(sms.active_provider_name()).replies_as
    if not replies_as:
        raise InboxError("NOT_SANDBOX", "Replies are simulated only with the sandbox provider.", http_status=409)
    number = sms.ten_digits(from_number)
    if number is None:
        raise InboxError("INVALID_NUMBER", "Give a 10-digit US number.")
    last = Message.objects.for_team(team).filter(direction="outbound", to_number=number).exclude(from_number="")
    ours = ContactSender.objects.for_team(team).filter(contact_number=number).values_list("sender__number", flat=True)
    ours = ours.first() or last.order_by("-created_at").values_list("from_number", flat=True).first()
    if not ours:
        raise InboxError("NO_LEAD_MATCH", f"The team never texted {number}; only people you texted can reply.")
    secrets = sms.webhook_secrets(replies_as, getattr(team, "pk", team))
    if not secrets:
        raise InboxError("CONFIG_ERROR", "No webhook signing secret: set the team's or the platform's.")
    headers, body = sms.provider_spec(replies_as).webhook.simulate_inbound(number, ours, text, secrets[0])
    status, record = webhook_receive(provider=replies_as, headers=headers, raw_body=body)
    if status != 200:
        raise InboxError(record.error_code or "WEBHOOK_FAILURE", record.detail or f"HTTP {status}")
    return InboxItem.objects.filter(message__metadata__webhookId=record.pk).first()


# -- stage 10: prioritization and routing --------------------------------------------------------------


def inbox_item_prioritize(*, item: InboxItem, now=None) -> InboxItem:
    """Score the item (0-100, hot/warm/cold), route it to a worker, and queue a call when it needs one.

    SCORE_CALCULATION_ERROR leaves the item unscored in review; ROUTING_ERROR leaves it unassigned in review;
    a full queue admits a hot item by removing the lowest entry (QUEUE_OVERFLOW either way).
    """
    from . import prioritization as prio

    now = now or timezone.now()
    run = stage_run_start(team=item.team_id, stage=10, subject=item, count_in=1)
    lead_score = Lead.objects.filter(pk=item.lead_id).values_list("score", flat=True).first()
    try:
        result = prio.compute_priority(
            prio.PriorityInput(
                classification=item.classification or "other",
                confidence=item.classification_confidence or 0.0,
                lead_score=lead_score,
                received_at=item.received_at,
                now=now,
                extracted=item.extracted or {},
            )
        )
    except prio.PriorityError as exc:
        return _prioritize_failed(item, run, exc.code, exc.message)
    with transaction.atomic():
        item.priority_score, item.priority = result.score, result.bucket
        item.priority_breakdown = {k: round(v, 1) for k, v in result.breakdown.items()}
        item.prioritized_at = now
        if item.classification in {c.value for c in prio.SUPPRESSED}:
            item.bucket = InboxItem.Bucket.REVIEW if item.lead_id is None else InboxItem.Bucket.REPLY
        try:
            routed = prio.route(item.classification or "other", result.bucket)
        except prio.PriorityError as exc:
            item.bucket = InboxItem.Bucket.REVIEW
            item.save()
            return _prioritize_failed(item, run, exc.code, exc.message)
        item.assigned_sdr_id = routed.worker
        if routed.queue and item.lead_id is not None and item.bucket != InboxItem.Bucket.REVIEW:
            _queue_call(item, routed.worker, run)
        item.save()
        _event(item, "prioritized", score=result.score, priority=result.bucket, worker=routed.worker)
    stage_run_finish(run=run, status=StageRun.Status.SUCCEEDED, count_out=1, detail=f"{result.bucket} {result.score}")
    journey.advance(stage=10, subject_id=item.pk, team_id=item.team_id)
    return item


def _prioritize_failed(item: InboxItem, run: StageRun, code: str, message: str) -> InboxItem:
    stage_failure_record(team=item.team_id, stage=10, code=code, subject=item, run=run, detail=message)
    InboxItem.objects.filter(pk=item.pk).update(bucket=InboxItem.Bucket.REVIEW, updated_at=timezone.now())
    stage_run_finish(run=run, status=StageRun.Status.FAILED, detail=f"{code}: {message}")
    item.refresh_from_db()
    return item


def _queue_call(item: InboxItem, worker: str, run: StageRun) -> None:
    """Put the item in the team's call queue, evicting the lowest entry for a hot item when it is full."""
    from . import prioritization as prio
    from .models import CallQueueEntry

    waiting = CallQueueEntry.objects.for_team(item.team_id).filter(status=CallQueueEntry.Status.WAITING)
    if CallQueueEntry.objects.filter(item=item).exists():
        CallQueueEntry.objects.filter(item=item).update(priority=item.priority_score, assigned_worker=worker)
        item.bucket = InboxItem.Bucket.CALL
        return
    admit = prio.queue_admit(waiting.count(), settings.INBOX_QUEUE_CAPACITY, item.priority)
    if admit.code:
        stage_failure_record(
            team=item.team_id, stage=10, code=admit.code, subject=item, run=run,
            detail=f"The call queue holds {settings.INBOX_QUEUE_CAPACITY}; "
            + ("the lowest entry made room." if admit.admitted else "this item stays in the reply bucket."),
        )  # fmt: skip
    if not admit.admitted:
        return
    if admit.evict_lowest:
        lowest = waiting.order_by("priority", "created_at").first()
        if lowest is not None:
            CallQueueEntry.objects.filter(pk=lowest.pk).update(
                status=CallQueueEntry.Status.REMOVED, removed_reason="QUEUE_OVERFLOW", updated_at=timezone.now()
            )
            InboxItem.objects.filter(pk=lowest.item_id, bucket=InboxItem.Bucket.CALL).update(
                bucket=InboxItem.Bucket.REPLY
            )
    CallQueueEntry.objects.create(
        team_id=item.team_id,
        item=item,
        lead_id=item.lead_id,
        phone_number=item.extracted.get("phone") or item.phone_number,  # the number they asked us to call
        priority=item.priority_score,
        assigned_worker=worker,
        correlation_id=item.correlation_id,
    )
    item.bucket = InboxItem.Bucket.CALL


# -- stage 11: the copilot drafts -----------------------------------------------------------------------


def _llm_client():
    """The optional LLM engine (``COPILOT_LLM_BASE_URL``); None means the rules engine alone."""
    from .copilot import LlmClient

    if not settings.COPILOT_LLM_BASE_URL:
        return None
    return LlmClient(
        base_url=settings.COPILOT_LLM_BASE_URL,
        api_key=settings.COPILOT_LLM_API_KEY,
        model=settings.COPILOT_LLM_MODEL,
        timeout=settings.COPILOT_LLM_TIMEOUT_SECONDS,
    )


def copilot_context(*, item: InboxItem):
    """Gather what the worker knows: the reply, its class and priority, the person, the conversation so far."""
    from .copilot import CopilotContext
    from .selectors import conversation

    lead = item.lead
    persona = lead.persona if lead else None
    business = lead.business if lead else None
    history = [
        ("outbound" if m.direction == Message.Direction.OUTBOUND else "inbound", m.body)
        for m in conversation(item=item).exclude(pk=item.message_id)
    ]
    last_out = next((text for direction, text in reversed(history) if direction == "outbound"), "")
    last_in = (
        Message.objects.filter(team_id=item.team_id, direction=Message.Direction.INBOUND, from_number=item.phone_number)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    waiting_on_them = bool(history) and history[-1][0] == "outbound" and last_in is not None
    cfg = messaging.messaging_settings_get(team=item.team_id)
    return CopilotContext(
        classification=item.classification or "other",
        confidence=item.classification_confidence or 0.0,
        text=item.response_text,
        extracted=item.extracted,
        first_name=persona.first_name if persona else "",
        company=(business.dba or business.name) if business else "",
        sender_name=item.campaign.sender_name if item.campaign else "",
        sender_company=cfg.brand_name or item.team.name,
        lead_score=lead.score if lead else None,
        priority=item.priority,
        last_outbound=last_out,
        history=history,
        city=business.city if business else "",
        days_since_last_reply=(timezone.now() - last_in).days if waiting_on_them else None,
    )


def inbox_items_nudge_check(*, stale_days: int | None = None) -> int:
    """Have CATHY draft a nudge where we answered and the person went quiet; a person still approves it.

    An open conversation qualifies when our last text is an approved reply older than ``stale_days``
    (``INBOX_NUDGE_AFTER_DAYS``), nothing came back since, and no draft is already waiting. Returns how many.
    """
    from datetime import timedelta

    stale_days = settings.INBOX_NUDGE_AFTER_DAYS if stale_days is None else stale_days
    cutoff = timezone.now() - timedelta(days=stale_days)
    drafted = 0
    candidates = InboxItem.objects.filter(status=InboxItem.Status.OPEN).exclude(
        suggestion_status=InboxItem.SuggestionStatus.PENDING
    )
    for item in candidates.iterator():
        last = (
            Message.objects.filter(team_id=item.team_id)
            .filter(
                models.Q(to_number=item.phone_number, direction=Message.Direction.OUTBOUND)
                | models.Q(from_number=item.phone_number, direction=Message.Direction.INBOUND)
            )
            .exclude(status__in=[Message.Status.BLOCKED, Message.Status.FAILED])
            .order_by("-created_at")
            .first()
        )
        if last is None or last.direction != Message.Direction.OUTBOUND or last.kind != Message.Kind.REPLY:
            continue
        if last.created_at > cutoff:
            continue
        inbox_item_draft(item=item)
        _event(item, "nudge_drafted", "CATHY", quiet_days=(timezone.now() - last.created_at).days)
        drafted += 1
    return drafted


def inbox_item_draft(*, item: InboxItem) -> InboxItem:
    """Let the routed worker draft a reply and an action for a person to approve; nothing is sent here.

    RESPONSE_DELAY when drafting took longer than ``COPILOT_SLOW_MS``; CONTEXT_MISSING when too little is
    known for a personal reply (a safe generic draft is still offered).
    """
    from .copilot import draft

    if item.status == InboxItem.Status.PROCESSED:
        return item
    run = stage_run_start(team=item.team_id, stage=11, subject=item, count_in=1)
    suggestion = draft(copilot_context(item=item), llm=_llm_client(), slow_ms=settings.COPILOT_SLOW_MS)
    with transaction.atomic():
        item.assigned_sdr_id = suggestion.worker
        item.suggested_action = suggestion.action
        item.suggested_text = suggestion.text
        item.ai_notes = suggestion.notes + (
            f" Suggested close reason: {suggestion.close_reason}." if suggestion.close_reason else ""
        )
        item.suggestion_engine = suggestion.engine
        item.suggestion_ms = suggestion.elapsed_ms
        item.suggested_at = timezone.now()
        item.suggestion_status = (
            InboxItem.SuggestionStatus.PENDING if suggestion.text else InboxItem.SuggestionStatus.NONE
        )
        item.save()
        for code in suggestion.failures:
            stage_failure_record(
                team=item.team_id, stage=11, code=str(code), subject=item, run=run,
                detail=f"{suggestion.worker}: {suggestion.notes[:300]} ({suggestion.elapsed_ms} ms)",
            )  # fmt: skip
        _event(item, "drafted", suggestion.worker, suggested=suggestion.action, engine=suggestion.engine)
    stage_run_finish(
        run=run, status=StageRun.Status.SUCCEEDED, count_out=1, detail=f"{suggestion.worker}: {suggestion.action}"
    )
    return item
