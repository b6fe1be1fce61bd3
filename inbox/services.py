"""Writes of stages 8-12: webhook intake, classification, prioritization, copilot drafts and closeout."""

import logging
import time

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from identity.models import PersonaEmail, PersonaPhone
from leads.models import Lead
from leads.services import lead_transition
from messaging import compliance
from messaging import services as messaging
from messaging.models import Message, MessagingSettings, Suppression
from messaging.signalhouse import PayloadInvalid, SignatureInvalid, verify_and_parse
from usdatabiz.core import journey
from usdatabiz.core.errors import DomainError, IllegalTransition
from usdatabiz.core.models import StageRun
from usdatabiz.core.services import stage_failure_record, stage_run_finish, stage_run_start

from . import classification as classifier
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


def webhook_receive(*, headers, raw_body: bytes, now_ms: int | None = None) -> tuple[int, WebhookEvent]:
    """Verify, store and process one provider webhook call; return the HTTP status to answer and the record.

    4xx only for what a retry cannot fix (bad signature, unreadable payload); 503 when processing failed so
    that the provider retries (the retry carries the same delivery id and is processed again); 200 otherwise,
    duplicates included.
    """
    started = time.monotonic()
    raw_text = raw_body.decode("utf-8", errors="replace")[:20000]
    try:
        event = verify_and_parse(settings.SIGNALHOUSE_WEBHOOK_SECRET, headers, raw_body, now_ms=now_ms)
    except SignatureInvalid as exc:
        record = WebhookEvent.objects.create(
            status=WebhookEvent.Status.REJECTED, error_code="TOKEN_INVALID", detail=str(exc), raw_body=raw_text
        )
        return 401, record
    except PayloadInvalid as exc:
        record = WebhookEvent.objects.create(
            status=WebhookEvent.Status.REJECTED, error_code="PAYLOAD_INVALID", detail=str(exc), raw_body=raw_text
        )
        return 400, record
    record, fresh = _webhook_record(event, raw_text)
    if not fresh and record.status in (WebhookEvent.Status.PROCESSED, WebhookEvent.Status.DUPLICATE):
        _duplicate(record, "the same delivery id arrived again")
        return 200, record
    try:
        with transaction.atomic():
            if event.kind == "inbound":
                inbound_receive(event=event, webhook=record)
            elif event.kind in ("delivered", "failed"):
                message = messaging.message_delivery_update(
                    external_id=event.identifier or "",
                    status="DELIVERED" if event.kind == "delivered" else "FAILED",
                    error_code=event.error_code,
                    reason=event.reason,
                    segments=event.segments,
                )
                record.team_id = message.team_id if message else None
                record.status = WebhookEvent.Status.PROCESSED if message else WebhookEvent.Status.UNMATCHED
                record.error_code = "" if message else "NO_MESSAGE_MATCH"
            else:
                record.status, record.detail = WebhookEvent.Status.PROCESSED, f"ignored event {event.event!r}"
            record.processing_ms = int((time.monotonic() - started) * 1000)
            record.save()
    except Exception as exc:  # noqa: BLE001 - any failure here is answered 503 so the provider retries
        log.exception("webhook %s failed", record.pk)
        WebhookEvent.objects.filter(pk=record.pk).update(
            status=WebhookEvent.Status.FAILED,
            error_code="WEBHOOK_FAILURE",
            detail=f"{type(exc).__name__}: {exc}"[:4000],
            processing_ms=int((time.monotonic() - started) * 1000),
        )
        record.refresh_from_db()
        return 503, record
    if record.processing_ms > WEBHOOK_SLOW_MS and record.team_id:
        stage_failure_record(
            team=record.team_id,
            stage=8,
            code="WEBHOOK_TIMEOUT",
            subject=record,
            detail=f"Processing took {record.processing_ms} ms; the provider gives up after {WEBHOOK_SLOW_MS} ms.",
        )
    return 200, record


def _webhook_record(event, raw_text: str) -> tuple[WebhookEvent, bool]:
    fields = {"event": event.event, "identifier": event.identifier or "", "raw_body": raw_text}
    if not event.delivery_id:
        return WebhookEvent.objects.create(**fields), True
    try:
        with transaction.atomic():
            return WebhookEvent.objects.create(delivery_id=event.delivery_id, **fields), True
    except IntegrityError:
        record = WebhookEvent.objects.get(delivery_id=event.delivery_id)
        WebhookEvent.objects.filter(pk=record.pk).update(attempts=record.attempts + 1)
        record.refresh_from_db()
        return record, False


def _duplicate(record: WebhookEvent, why: str) -> None:
    if record.team_id:
        stage_failure_record(team=record.team_id, stage=8, code="DUPLICATE_WEBHOOK", subject=record, detail=why)


def _match(from_number: str, to_number: str | None):
    """Find who wrote: the latest text we sent to this number, else the team owning our number and the person.

    Returns (team_id, lead, persona_id, campaign, correlation_id); team_id is None when nothing matches.
    """
    sent = Message.objects.filter(direction=Message.Direction.OUTBOUND, to_number=from_number).exclude(
        status__in=[Message.Status.BLOCKED, Message.Status.QUEUED]
    )
    if to_number:
        ours = sent.filter(from_number=to_number)
        sent = ours if ours.exists() else sent
    last = sent.select_related("lead", "campaign").order_by("-created_at").first()
    if last is not None:
        return last.team_id, last.lead, last.persona_id, last.campaign, last.correlation_id
    team_id = None
    if to_number:
        team_id = MessagingSettings.objects.filter(sender_number=to_number).values_list("team_id", flat=True).first()
    phones = PersonaPhone.objects.filter(normalized_number=from_number, persona__is_merged=False)
    if team_id:
        phones = phones.filter(team_id=team_id)
    phone = phones.order_by("-updated_at").first()
    if phone is None:
        return team_id, None, None, None, ""
    lead = Lead.objects.filter(persona_id=phone.persona_id).order_by("-score").first()
    return phone.team_id, lead, phone.persona_id, None, ""


def inbound_receive(*, event, webhook: WebhookEvent) -> InboxItem | None:
    """Turn a verified inbound text into a message and an inbox item; honour STOP, HELP and START at once."""
    from_number, to_number = event.from_number, event.to_number
    if not from_number:
        webhook.status, webhook.error_code = WebhookEvent.Status.UNMATCHED, "NO_LEAD_MATCH"
        webhook.detail = "The reply carries no sender number."
        return None
    team_id, lead, persona_id, campaign, correlation = _match(from_number, to_number)
    if team_id is None:
        webhook.status, webhook.error_code = WebhookEvent.Status.UNMATCHED, "NO_LEAD_MATCH"
        webhook.detail = f"No team sent to {from_number} and no team owns {to_number or 'our number'}."
        return None
    webhook.team_id = team_id
    if (
        event.identifier
        and Message.objects.filter(
            direction=Message.Direction.INBOUND, provider="signalhouse", external_id=event.identifier
        ).exists()
    ):
        webhook.status, webhook.error_code = WebhookEvent.Status.DUPLICATE, "DUPLICATE_WEBHOOK"
        _duplicate(webhook, f"message {event.identifier} was received already")
        return None
    now = timezone.now()
    run = stage_run_start(team=team_id, stage=8, subject=webhook, count_in=1)
    message = Message.objects.create(
        team_id=team_id,
        direction=Message.Direction.INBOUND,
        kind=Message.Kind.INBOUND,
        status=Message.Status.RECEIVED,
        campaign=campaign,
        lead=lead,
        persona_id=persona_id,
        from_number=from_number,
        to_number=to_number or messaging.sender_number(messaging.messaging_settings_get(team=team_id)),
        body=event.text,
        provider="signalhouse",
        external_id=event.identifier or "",
        correlation_id=correlation,
        received_at=now,
        metadata={"webhookId": webhook.pk, "deliveryId": event.delivery_id},
    )
    item = InboxItem.objects.create(
        team_id=team_id,
        message=message,
        lead=lead,
        persona_id=persona_id,
        campaign=campaign,
        phone_number=from_number,
        response_text=event.text,
        external_id=event.identifier or "",
        correlation_id=correlation,
        received_at=now,
        bucket=InboxItem.Bucket.REVIEW if lead is None else InboxItem.Bucket.REPLY,
    )
    _event(item, "received", webhook=webhook.pk)
    if lead is None:
        stage_failure_record(
            team=team_id,
            stage=8,
            code="NO_LEAD_MATCH",
            subject=item,
            run=run,
            detail=f"No lead has the number {from_number}; the reply waits in review.",
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
    sent = messaging.message_send(
        team=item.team_id,
        to_number=item.phone_number,
        body=reply,
        kind=Message.Kind.COMPLIANCE,
        key=f"compliance:{message.pk}",
        reply_to=message,
        lead=item.lead,
        persona_id=item.persona_id,
        correlation_id=item.correlation_id,
        metadata={"keyword": "STOP" if opt_out else str(keyword)},
    )
    _event(item, "compliance_reply", message=sent.pk, status=sent.status)


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
