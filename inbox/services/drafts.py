"""Stage 11, the copilot side: context for the workers and their drafts."""

import logging
from dataclasses import replace

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from messaging import services as messaging
from messaging.models import Message
from usdatabiz.core import journey, paging
from usdatabiz.core.handovers import handover_taken_over
from usdatabiz.core.models import StageRun
from usdatabiz.core.services import stage_failure_record, stage_run_finish, stage_run_start

from ..models import Conversation, InboxItem
from .common import _event
from .conversations import _move, conversation_draft_set, conversation_of, conversation_reroute, intent_kept_for

log = logging.getLogger("inbox.services")

# -- stage 11: the copilot drafts -----------------------------------------------------------------------


def _llm_client():
    """The optional LLM engine (``COPILOT_LLM_BASE_URL``); None means the rules engine alone."""
    from ..copilot import LlmClient

    if not settings.COPILOT_LLM_BASE_URL:
        return None
    return LlmClient(
        base_url=settings.COPILOT_LLM_BASE_URL,
        api_key=settings.COPILOT_LLM_API_KEY,
        model=settings.COPILOT_LLM_MODEL,
        timeout=settings.COPILOT_LLM_TIMEOUT_SECONDS,
    )


def copilot_context(*, item: InboxItem, conversation: Conversation | None = None):
    """Gather what the worker knows: the reply, its class and priority, the person, the conversation so far
    (``conversation``: the item's, read already)."""
    from ..copilot import CopilotContext
    from ..selectors import conversation as conversation_messages

    lead = item.lead
    persona = lead.persona if lead else None
    business = lead.business if lead else None
    history = [
        ("outbound" if m.direction == Message.Direction.OUTBOUND else "inbound", m.body)
        for m in conversation_messages(item=item).exclude(pk=item.message_id)
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
    intent = ""
    if conversation is not None:
        intent = conversation.intent or ""
    elif item.conversation_id:
        intent = Conversation.objects.filter(pk=item.conversation_id).values_list("intent", flat=True).first() or ""
    return CopilotContext(
        classification=intent or item.classification or "other",
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
    for item in paging.rows(candidates):
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
        if item.conversation_id:
            conversation = Conversation.objects.get(pk=item.conversation_id)
            if conversation.latest_item_id != item.pk or conversation.status == Conversation.Status.CLOSED:
                continue
            if conversation.status != Conversation.Status.OPEN:  # a nudge to send: it waits on us again
                _move(conversation, Conversation.Status.OPEN, "CATHY", reason="they went quiet; a nudge is drafted",
                      snoozed_until=None)  # fmt: skip
            if conversation.worker != "CATHY":  # nudges are CATHY's: the one re-routing that is not an intent's
                conversation_reroute(conversation=conversation, worker="CATHY", why="they went quiet after our reply")
        inbox_item_draft(item=item)
        _event(item, "nudge_drafted", "CATHY", quiet_days=(timezone.now() - last.created_at).days)
        drafted += 1
    return drafted


def inbox_item_draft(*, item: InboxItem) -> InboxItem:
    """Let the routed worker draft a reply and an action for a person to approve; nothing is sent here.

    RESPONSE_DELAY when drafting took longer than ``COPILOT_SLOW_MS``; CONTEXT_MISSING when too little is
    known for a personal reply (a safe generic draft is still offered).
    """
    from ..copilot import draft

    if item.status == InboxItem.Status.PROCESSED:
        return item
    conversation = conversation_of(item)
    if conversation is not None:
        # one draft per conversation, only while it waits on us; an acknowledgment asks for no new answer
        if conversation.status != Conversation.Status.OPEN or intent_kept_for(item):
            return item
    run = stage_run_start(team=item.team_id, stage=11, subject=item, count_in=1, triggered_at=item.prioritized_at)
    context = copilot_context(item=item, conversation=conversation)
    suggestion = draft(context, llm=_llm_client(), slow_ms=settings.COPILOT_SLOW_MS)
    if conversation is not None and conversation.worker:
        suggestion = replace(suggestion, worker=conversation.worker)  # the conversation's one worker signs it
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
        if conversation is not None:
            conversation_draft_set(item=item, text=suggestion.text, worker=suggestion.worker)
        # the ledger and this stage's end are written with the work: one commit
        stage_run_finish(
            run=run, status=StageRun.Status.SUCCEEDED, count_out=1, detail=f"{suggestion.worker}: {suggestion.action}"
        )
        journey.advance(stage=11, subject_id=item.pk, team_id=item.team_id)
        handover_taken_over()
    return item
