"""Stage 11, the human side: an operator approves, edits or rejects what the copilot drafted."""

import hashlib
import logging
import uuid

from django.db import IntegrityError, transaction

from messaging import services as messaging
from messaging.models import Message
from usdatabiz.core.services import stage_failure_record

from ..models import InboxItem
from .common import InboxError, _event

log = logging.getLogger("inbox.services")

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
    """Send a reply a named person approved (the copilot's draft, edited or not, or their own words).

    A double submit sends one text: a draft is approved once (the item's row is locked while its state moves;
    the second gets ``NO_PENDING_SUGGESTION``), and the same words answer the same reply once (``DUPLICATE_REPLY``,
    enforced by the text's idempotency key) unless the earlier one was refused before it left (blocked, failed)."""
    _require_operator(item, user)
    text = (text or "").strip()
    if not text:
        raise InboxError("EMPTY_REPLY", "Write the reply first.")
    if item.status == InboxItem.Status.PROCESSED:
        raise InboxError("ITEM_CLOSED", "This conversation is closed; reopen it to reply.", http_status=409)
    with transaction.atomic():
        item = InboxItem.objects.select_for_update().get(pk=item.pk)  # a second submit waits here, then sees ours
        if from_suggestion:
            if item.suggestion_status != InboxItem.SuggestionStatus.PENDING:
                raise InboxError(
                    "NO_PENDING_SUGGESTION", "There is no draft awaiting approval (it was answered already).",
                    http_status=409,
                )  # fmt: skip
            edited = text != (item.suggested_text or "").strip()
            item.suggestion_status = (
                InboxItem.SuggestionStatus.EDITED if edited else InboxItem.SuggestionStatus.APPROVED
            )
            item.save(update_fields=["suggestion_status", "updated_at"])
        elif item.suggestion_status == InboxItem.SuggestionStatus.PENDING:
            # the person answered in their own words: the draft no longer waits for anyone
            item.suggestion_status = InboxItem.SuggestionStatus.SET_ASIDE
            item.save(update_fields=["suggestion_status", "updated_at"])
            _event(item, "draft_set_aside", user)
        key = _reply_key(item, text)  # DUPLICATE_REPLY rolls the change above back
    submit_id = uuid.uuid4().hex
    try:
        message = messaging.message_send(
            team=item.team_id,
            to_number=item.phone_number,
            body=text,
            kind=Message.Kind.REPLY,
            key=key,
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
                "submitId": submit_id,
            },
        )
    except IntegrityError as exc:  # the same words submitted at the same moment: the other submit sends them
        raise _duplicate() from exc
    if message.metadata.get("submitId") != submit_id:  # the other submit's text, stored under the same key
        raise _duplicate()
    _event(item, "replied", user, message=message.pk, status=message.status, from_suggestion=from_suggestion)
    if item.conversation_id:
        from ..models import Conversation
        from .conversations import conversation_replied

        conversation_replied(
            conversation=Conversation.objects.get(pk=item.conversation_id), user=user,
            from_suggestion=from_suggestion, edited=item.suggestion_status == InboxItem.SuggestionStatus.EDITED,
        )  # fmt: skip
    return message


def _duplicate() -> InboxError:
    return InboxError(
        "DUPLICATE_REPLY", "This reply was already sent in answer to this message; it is not sent twice.",
        http_status=409,
    )  # fmt: skip


def _reply_key(item: InboxItem, text: str) -> str:
    """The idempotency key of a reply to ``item`` with these words: one text per reply and words, unless the
    earlier one never left (blocked or failed: a later try is a new text). Raise ``DUPLICATE_REPLY`` otherwise."""
    base = f"reply:{item.pk}:{hashlib.sha256(text.encode()).hexdigest()[:24]}"
    earlier = list(
        Message.objects.filter(idempotency_key__startswith=base, kind=Message.Kind.REPLY).values_list(
            "status", flat=True
        )
    )
    if any(status not in (Message.Status.BLOCKED, Message.Status.FAILED) for status in earlier):
        raise _duplicate()
    return f"{base}:{len(earlier)}" if earlier else base


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
        if item.conversation_id:
            from ..models import Conversation

            Conversation.objects.filter(pk=item.conversation_id, draft_item=item, draft_status="pending").update(
                draft_status=Conversation.DraftStatus.REJECTED
            )
    return item
