"""Stage 11, the human side: an operator approves, edits or rejects what the copilot drafted."""

import logging

from django.db import transaction

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
            item.suggestion_status = InboxItem.SuggestionStatus.SET_ASIDE
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
    if item.conversation_id:
        from ..models import Conversation
        from .conversations import conversation_replied

        conversation_replied(
            conversation=Conversation.objects.get(pk=item.conversation_id), user=user,
            from_suggestion=from_suggestion, edited=item.suggestion_status == InboxItem.SuggestionStatus.EDITED,
        )  # fmt: skip
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
        if item.conversation_id:
            from ..models import Conversation

            Conversation.objects.filter(pk=item.conversation_id, draft_item=item, draft_status="pending").update(
                draft_status=Conversation.DraftStatus.REJECTED
            )
    return item
