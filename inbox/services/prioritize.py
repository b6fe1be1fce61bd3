"""Stage 10: priority, worker routing and the call queue entry."""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from usdatabiz.core import journey
from usdatabiz.core.handovers import handover_taken_over
from usdatabiz.core.models import StageRun
from usdatabiz.core.services import stage_failure_record, stage_run_finish, stage_run_start

from ..models import Conversation, InboxItem
from .common import _event
from .conversations import conversation_of, conversation_route, intent_kept_for

log = logging.getLogger("inbox.services")

# -- stage 10: prioritization and routing --------------------------------------------------------------


def inbox_item_prioritize(*, item: InboxItem, now=None) -> InboxItem:
    """Score the item (0-100, hot/warm/cold), route it to a worker, and queue a call when it needs one.

    SCORE_CALCULATION_ERROR leaves the item unscored in review; ROUTING_ERROR leaves it unassigned in review;
    a full queue admits a hot item by removing the lowest entry (QUEUE_OVERFLOW either way).
    """
    from .. import prioritization as prio

    now = now or timezone.now()
    run = stage_run_start(team=item.team_id, stage=10, subject=item, count_in=1, triggered_at=item.classified_at)
    lead_score = item.lead.score if item.lead_id else None
    conversation = conversation_of(item)
    # the conversation's intent (read in context) decides, not the last text alone ("k" after a decline)
    kept = conversation is not None and conversation.intent and intent_kept_for(item)
    intent = (conversation.intent if kept else item.classification) or "other"
    try:
        result = prio.compute_priority(
            prio.PriorityInput(
                classification=intent,
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
            routed = prio.route(intent, result.bucket)
        except prio.PriorityError as exc:
            item.bucket = InboxItem.Bucket.REVIEW
            item.save()
            return _prioritize_failed(item, run, exc.code, exc.message)
        worker = routed.worker
        if conversation is not None:
            worker = conversation_route(conversation=conversation, routed_worker=routed.worker)
            if conversation.latest_item_id in (None, item.pk):  # a text kept as history does not rank it
                Conversation.objects.filter(pk=conversation.pk).update(
                    priority=result.bucket, priority_score=result.score, updated_at=now
                )
        item.assigned_sdr_id = worker
        open_item = item.status != InboxItem.Status.PROCESSED
        if routed.queue and open_item and item.lead_id is not None and item.bucket != InboxItem.Bucket.REVIEW:
            _queue_call(item, worker, run)
        item.save()
        _event(item, "prioritized", score=result.score, priority=result.bucket, worker=worker)
        # the ledger, the next stage's hand-over and this one's end are written with the work: one commit
        stage_run_finish(
            run=run, status=StageRun.Status.SUCCEEDED, count_out=1, detail=f"{result.bucket} {result.score}"
        )
        journey.advance(stage=10, subject_id=item.pk, team_id=item.team_id)
        handover_taken_over()
    return item


def _prioritize_failed(item: InboxItem, run: StageRun, code: str, message: str) -> InboxItem:
    stage_failure_record(team=item.team_id, stage=10, code=code, subject=item, run=run, detail=message)
    InboxItem.objects.filter(pk=item.pk).update(bucket=InboxItem.Bucket.REVIEW, updated_at=timezone.now())
    stage_run_finish(run=run, status=StageRun.Status.FAILED, detail=f"{code}: {message}")
    item.refresh_from_db()
    return item


def _queue_call(item: InboxItem, worker: str, run: StageRun) -> None:
    """Put the item in the team's call queue, evicting the lowest entry for a hot item when it is full."""
    from .. import prioritization as prio
    from ..models import CallQueueEntry

    waiting = CallQueueEntry.objects.for_team(item.team_id).filter(status=CallQueueEntry.Status.WAITING)
    callback_at = _callback_time(item)
    if CallQueueEntry.objects.filter(item=item).exists():
        CallQueueEntry.objects.filter(item=item).update(
            priority=item.priority_score, assigned_worker=worker, callback_at=callback_at
        )
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
        callback_at=callback_at,
    )
    item.bucket = InboxItem.Bucket.CALL


def _callback_time(item: InboxItem):
    """The time the person asked to be called ("tomorrow at 2pm"), read in their time zone; None if they named none.

    The whole reply is read (``callback_in_reply``): what it proposes, not a phone number, a sum or opening hours.
    """
    from ..callbacks import contact_zone
    from ..replytimes import callback_in_reply

    zone = contact_zone(number=item.phone_number, lead=item.lead if item.lead_id else None)
    return callback_in_reply(item.response_text, zone=zone, now=item.received_at)
