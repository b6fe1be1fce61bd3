"""Stage 9: classification and data extraction, and an operator's correction."""

import logging

from django.db import transaction
from django.utils import timezone

from identity.models import PersonaEmail, PersonaPhone
from usdatabiz.core import journey
from usdatabiz.core.handovers import handover_taken_over
from usdatabiz.core.models import StageRun
from usdatabiz.core.services import stage_failure_record, stage_run_finish, stage_run_start

from .. import classification as classifier
from .. import consent
from ..models import InboxItem
from .common import LOW_CONFIDENCE, InboxError, _event
from .conversations import conversation_intent_update

log = logging.getLogger("inbox.services")

# -- stage 9: classification ----------------------------------------------------------------------------


def inbox_item_classify(*, item: InboxItem) -> InboxItem:
    """Classify the reply, keep what it tells (email, phone), record NO_MATCH / LOW_CONFIDENCE / EXTRACTION_ERROR."""
    run = stage_run_start(team=item.team_id, stage=9, subject=item, count_in=1, triggered_at=item.received_at)
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
        consent.mark_not_textable(item=item, result=result)
        _event(item, "classified", classification=item.classification, confidence=result.confidence)
        conversation_intent_update(item=item)
        # the ledger, the next stage's hand-over and this one's end are written with the work: one commit
        stage_run_finish(run=run, status=StageRun.Status.SUCCEEDED, count_out=1, detail=item.classification)
        journey.advance(stage=9, subject_id=item.pk, team_id=item.team_id)
        handover_taken_over()
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
        extension = item.extracted.get("phone_extension")
        PersonaPhone.objects.create(
            team_id=item.team_id, persona_id=item.persona_id, normalized_number=phone,
            raw=f"{phone} ext. {extension}" if extension else phone,  # as given: the extension is dialled after it
            provenance={"normalized_number": stamp},
        )  # fmt: skip


def inbox_item_reclassify(*, item: InboxItem, classification: str, user) -> InboxItem:
    """A person corrects the classification: recorded as MISCLASSIFICATION, then prioritized and drafted again.

    Corrected to ``opt_out``, the number is suppressed as for a detected opt-out; corrected away from it, the
    number stays suppressed (consent comes back only by START or a person lifting the entry with a reason)."""
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
        consent.record_correction(item=item, before=before, after=classification, user=user)
        item.classification, item.classification_confidence = classification, 1.0
        item.save(update_fields=["classification", "classification_confidence", "updated_at"])
        _event(item, "reclassified", user, before=before, after=classification)
        if classification == classifier.Classification.OPT_OUT:
            consent.opt_out_by_person(item=item, user=user)
        conversation_intent_update(item=item)
        journey.advance(stage=9, subject_id=item.pk, team_id=item.team_id)
    item.refresh_from_db()
    return item
