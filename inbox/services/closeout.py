"""Stage 12 and the call queue: closing with a disposition, reopening, follow-ups, call attempts."""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from leads.models import Lead
from leads.services import lead_transition
from messaging import sms
from messaging.models import Message
from usdatabiz.core import journey, paging
from usdatabiz.core.models import StageRun
from usdatabiz.core.services import stage_failure_record, stage_run_finish, stage_run_start

from .. import dispositions
from ..models import InboxItem
from .common import InboxError, _event
from .intake import webhook_receive
from .replies import _require_operator

log = logging.getLogger("inbox.services")

# -- stage 12: closeout ---------------------------------------------------------------------------------

# the one vocabulary of dispositions, shared with the copilot and the metrics
DISPOSITIONS = dispositions.DISPOSITIONS


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
    with transaction.atomic():
        _close_item(item, user, disposition, notes)
        if item.conversation_id:
            from ..models import Conversation
            from .conversations import conversation_close

            conversation = Conversation.objects.select_for_update().get(pk=item.conversation_id)
            if conversation.status != Conversation.Status.CLOSED and conversation.latest_item_id == item.pk:
                conversation_close(conversation=conversation, user=user, disposition=disposition, notes=notes)
    return item


def _close_item(item: InboxItem, user, disposition: str, notes: str) -> InboxItem:
    """Close one item (``user`` None: the system closed it), give the lead its status, end its call."""
    run = stage_run_start(team=item.team_id, stage=12, subject=item, count_in=1)
    with transaction.atomic():
        item.status, item.bucket = InboxItem.Status.PROCESSED, InboxItem.Bucket.DONE
        item.processed_by, item.processed_at = user, timezone.now()
        item.disposition, item.notes = disposition, notes
        if item.suggestion_status == InboxItem.SuggestionStatus.PENDING:
            item.suggestion_status = InboxItem.SuggestionStatus.SET_ASIDE
        item.save()
        if item.lead_id:
            lead = Lead.objects.select_for_update().get(pk=item.lead_id)
            target = DISPOSITIONS[disposition]
            if lead.status not in (Lead.Status.CLOSED, Lead.Status.CONVERTED, Lead.Status.LOST):
                if target == Lead.Status.CONVERTED and lead.status != Lead.Status.REPLIED:
                    target = Lead.Status.CLOSED  # converted needs a reply first; the reason still says booked
                lead_transition(lead=lead, to=target, close_reason=disposition, actor=user or "SYSTEM")
        from ..models import CallQueueEntry

        CallQueueEntry.objects.filter(item=item, status=CallQueueEntry.Status.WAITING).update(
            status=CallQueueEntry.Status.DONE, updated_at=timezone.now()
        )
        _event(item, "closed", user, disposition=disposition, notes=notes)
    stage_run_finish(run=run, status=StageRun.Status.SUCCEEDED, count_out=1, detail=disposition)
    journey.advance(stage=12, subject_id=item.pk, team_id=item.team_id)
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
        if item.conversation_id:
            from ..models import Conversation
            from .conversations import _move

            conversation = Conversation.objects.select_for_update().get(pk=item.conversation_id)
            others = Conversation.objects.filter(team_id=item.team_id, contact_number=conversation.contact_number)
            if conversation.status == Conversation.Status.CLOSED and not others.exclude(status="closed").exists():
                _move(conversation, Conversation.Status.OPEN, user, reason=reason or "its reply was reopened",
                      disposition="", closed_at=None, closed_by=None)  # fmt: skip
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
    for item in paging.rows(stale):
        stage_failure_record(
            team=item.team_id, stage=12, code="NO_FOLLOW_UP", subject=item,
            detail=f"Open for more than {settings.INBOX_FOLLOW_UP_HOURS} h without being closed.",
        )  # fmt: skip
        counts["NO_FOLLOW_UP"] += 1
    cooling = open_items.filter(
        priority=InboxItem.Priority.HOT, received_at__lt=now - timedelta(hours=settings.INBOX_HOT_COOLS_AFTER_HOURS)
    ).exclude(pk__in=flagged.filter(code="LOST_LEAD").values("subject_id"))
    for item in paging.rows(cooling):
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
    from ..models import CallQueueEntry

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

    from ..models import CallQueueEntry

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
