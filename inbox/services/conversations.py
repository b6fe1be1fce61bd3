"""Conversations: one thread per contact and team. Every text in or out joins the contact's open conversation;
its intent is read in context, one worker owns it, at most one draft waits in it, and it moves between
open (waits on us), waiting (on them), snoozed and closed through ``core.transitions``."""

import logging
import re
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from messaging.models import Message
from usdatabiz.core.selectors import membership_get
from usdatabiz.core.transitions import actor_label, transition

from ..models import Conversation, ConversationEvent, ConversationMessage, InboxItem, InboxSettings
from .common import InboxError

log = logging.getLogger("inbox.services")

S = Conversation.Status
# classifications that end a conversation on their own, with the disposition they close it with
CLOSING_INTENTS = {"opt_out": "opted_out", "wrong_number": "wrong_number", "hostile": "hostile"}
DECLINES = {"not_interested", "opt_out", "wrong_number", "hostile"}

_ACK_WORDS = {
    "k", "kk", "ok", "okay", "okey", "oki", "okk", "thanks", "thank you", "thankyou", "thx", "thnx", "ty", "tks",
    "got it", "noted", "cool", "alright", "all right", "np", "no problem", "understood", "will do", "roger",
    "ok thanks", "ok thank you", "okay thanks", "k thanks", "k thx", "ok thx", "thanks anyway", "sounds good",
    "fine", "ok cool", "got it thanks",
}  # fmt: skip
_ACK_EMOJI = re.compile(
    r"^[\s\U0001F44D\U0001F44C\U0001F64F\U0001F642\U0001F60A\u263A\u2705\U0001F3FB-\U0001F3FF\uFE0F]+$"
)  # thumbs-up, OK hand, folded hands, smiles, check mark (any skin tone)


def is_acknowledgment(text: str) -> bool:
    """Tell whether a text only acknowledges ("k", "ok", "thanks", a thumbs-up) and carries no intent of its own."""
    raw = (text or "").strip()
    if not raw:
        return False
    if _ACK_EMOJI.match(raw):
        return True
    words = re.sub(r"[^a-z ]+", " ", raw.lower())
    words = " ".join(words.split())
    return words in _ACK_WORDS


def _cnv_event(conversation: Conversation, action: str, actor=None, **detail) -> ConversationEvent:
    return ConversationEvent.objects.create(
        team_id=conversation.team_id,
        conversation=conversation,
        action=action,
        actor=None if actor is None or isinstance(actor, str) else actor,
        actor_label=actor_label(actor),
        detail=detail,
    )


def _move(conversation: Conversation, to: str, actor=None, reason: str = "", **fields) -> Conversation:
    """A status change through the one transition helper; a move to the state it is in already is a no-op."""
    if conversation.status == to:
        if fields:
            Conversation.objects.filter(pk=conversation.pk).update(**fields, updated_at=timezone.now())
            for name, value in fields.items():
                setattr(conversation, name, value)
        return conversation
    return transition(conversation, to, actor=actor, reason=reason, **fields)


def require_operator(conversation: Conversation, user) -> None:
    """Only a signed-in operator or admin of the conversation's team acts on it."""
    if user is None or not getattr(user, "is_authenticated", False):
        raise InboxError("APPROVAL_REQUIRED", "Only a named person of the team can do this.", http_status=403)
    membership = membership_get(user=user, team=conversation.team_id)
    if membership is None or not membership.can_operate:
        raise InboxError("NOT_AN_OPERATOR", "Only an operator or admin of the team can do this.", http_status=403)


# -- joining texts --------------------------------------------------------------------------------------


def _open_conversation(*, team_id: str, number: str, defaults: dict) -> tuple[Conversation, bool]:
    """The contact's conversation that is not closed, locked; a new one when there is none."""
    found = (
        Conversation.objects.select_for_update().filter(team_id=team_id, contact_number=number).exclude(status=S.CLOSED)
    )
    conversation = found.first()
    if conversation is not None:
        return conversation, False
    try:
        with transaction.atomic():
            return Conversation.objects.create(team_id=team_id, contact_number=number, **defaults), True
    except IntegrityError:  # another text of the same contact created it meanwhile
        return found.get(), False


def _link(conversation: Conversation, message: Message) -> None:
    """Put a text in the conversation unless it is in one already (a text belongs to one): one statement."""
    ConversationMessage.objects.bulk_create(
        [ConversationMessage(conversation=conversation, message=message, created_at=message.created_at)],
        ignore_conflicts=True,
    )


def conversation_join_inbound(*, item: InboxItem, sender_number: str = "") -> Conversation:
    """Put a new inbound text (and its inbox item) in the contact's open conversation, starting one if needed.

    A waiting or snoozed conversation is reopened: it waits on us again. A new conversation also takes in our
    earlier texts to the number since the last one closed (the opener the person answers), and goes to the next
    operator when the team assigns round-robin. An item not saved yet (stage 8) is given its conversation for the
    caller to insert it with, in the same transaction.
    """
    message = item.message
    # no savepoint of its own: a failure here fails the caller's whole transaction (stage 8 rolls the event back)
    with transaction.atomic(savepoint=False):
        later = _later_text_conversation(item)
        if later is not None:
            return _join_as_history(later, item)
        conversation, created = _open_conversation(
            team_id=item.team_id,
            number=item.phone_number,
            defaults={
                "sender_number": sender_number or message.to_number,
                "persona_id": item.persona_id,
                "lead_id": item.lead_id,
                "campaign_id": item.campaign_id,
                "correlation_id": item.correlation_id,
            },
        )
        earlier = []
        if created:
            earlier = _earlier_texts(conversation, before=message.created_at)
            _round_robin(conversation)
        # our earlier texts and this one joined by one statement (each unless it is in a conversation already)
        ConversationMessage.objects.bulk_create(
            [
                *(ConversationMessage(conversation=conversation, message_id=pk, created_at=at) for pk, at in earlier),
                ConversationMessage(conversation=conversation, message=message, created_at=message.created_at),
            ],
            ignore_conflicts=True,
        )
        if not item._state.adding:
            InboxItem.objects.filter(pk=item.pk).update(conversation=conversation)
        item.conversation = conversation
        fields = {
            "last_inbound_at": item.received_at,
            "last_message_at": item.received_at,
            "last_text": (item.response_text or "")[:160],
            "latest_item": item,
            "unread": F("unread") + 1,
        }
        if earlier:
            fields["last_outbound_at"] = earlier[-1][1]
        for name in ("lead_id", "persona_id", "campaign_id"):
            if getattr(item, name) and not getattr(conversation, name):
                fields[name] = getattr(item, name)
        now = timezone.now()
        Conversation.objects.filter(pk=conversation.pk).update(**fields, updated_at=now)
        # the row is locked (or new): what it holds now is known without reading it back
        fields["unread"], fields["latest_item_id"] = conversation.unread + 1, item.pk
        del fields["latest_item"]
        for name, value in {**fields, "updated_at": now}.items():
            setattr(conversation, name, value)
        if conversation.status in (S.WAITING, S.SNOOZED):
            _move(conversation, S.OPEN, "SYSTEM", reason=f"a new text came in: {item.response_text[:120]!r}",
                  snoozed_until=None)  # fmt: skip
    return conversation


# how many of the contact's latest texts a late delivery is compared with (providers reorder within minutes)
LATE_TEXT_WINDOW = 20


def sent_at(message: Message) -> datetime:
    """When the person sent an inbound text: the provider's time when it gave one, else when it reached us."""
    stamp = parse_datetime(str((message.metadata or {}).get("sentAt") or ""))
    return stamp or message.received_at or message.created_at


def _later_text_conversation(item: InboxItem) -> tuple[Conversation, Message] | None:
    """The conversation holding a text the contact sent after this one (delivered before it), locked, with that
    text; None when this text is the contact's newest."""
    at = sent_at(item.message)
    recent = (
        Message.objects.filter(
            team_id=item.team_id, direction=Message.Direction.INBOUND, from_number=item.phone_number,
            conversation_link__isnull=False,
        )
        .exclude(pk=item.message_id)
        .select_related("conversation_link")
        .order_by("-created_at")[:LATE_TEXT_WINDOW]
    )  # fmt: skip
    later = [message for message in recent if sent_at(message) > at]
    if not later:
        return None
    newest = max(later, key=sent_at)
    conversation = Conversation.objects.select_for_update().get(pk=newest.conversation_link.conversation_id)
    return conversation, newest


def _join_as_history(later: tuple[Conversation, Message], item: InboxItem) -> Conversation:
    """Keep a late-delivered text in the conversation of the newer one, changing nothing else: the person's newer
    text still speaks for the conversation, so the late one neither reopens, closes nor starts one.

    Its item is kept as history by the system at once (processed, no disposition, no person): the newer text's item
    is the work, and the late one must not wait in the queue or jump ahead of it. It stays in the thread."""
    conversation, newer = later
    _link(conversation, item.message)
    item.conversation = conversation
    item.status, item.bucket, item.processed_at = InboxItem.Status.PROCESSED, InboxItem.Bucket.DONE, timezone.now()
    item.notes = f"Delivered after a newer text ({newer.pk}) it was sent before: kept as history of the conversation."
    if not item._state.adding:
        InboxItem.objects.filter(pk=item.pk).update(
            conversation=conversation, status=item.status, bucket=item.bucket, processed_at=item.processed_at,
            notes=item.notes, updated_at=item.processed_at,
        )  # fmt: skip
    _cnv_event(
        conversation, "late_text", "SYSTEM", item=item.pk, newer_message=newer.pk,
        why=f"{(item.response_text or '')[:120]!r} was sent at {sent_at(item.message).isoformat()}, before "
        f"{(newer.body or '')[:120]!r} ({sent_at(newer).isoformat()}), and delivered after it; kept as history",
    )  # fmt: skip
    return conversation


def _earlier_texts(conversation: Conversation, *, before: datetime) -> list[tuple[str, datetime]]:
    """Our texts to the contact a new conversation takes in (since the last one closed, at most 50, oldest first),
    as (message id, sent at)."""
    previous = (
        Conversation.objects.filter(team_id=conversation.team_id, contact_number=conversation.contact_number)
        .exclude(pk=conversation.pk)
        .exclude(closed_at=None)
        .order_by("-closed_at")
        .values_list("closed_at", flat=True)
        .first()
    )
    earlier = Message.objects.filter(
        team_id=conversation.team_id,
        direction=Message.Direction.OUTBOUND,
        to_number=conversation.contact_number,
        created_at__lte=before,
        conversation_link__isnull=True,
    )
    if previous is not None:
        earlier = earlier.filter(created_at__gt=previous)
    return list(earlier.order_by("created_at").values_list("pk", "created_at")[:50])


def _round_robin(conversation: Conversation) -> None:
    """Give a new conversation to the team's next operator, when the team asks for round-robin."""
    from usdatabiz.core.models import Membership

    cfg = InboxSettings.objects.select_for_update().filter(team_id=conversation.team_id, round_robin=True).first()
    if cfg is None:
        return
    operators = list(
        Membership.objects.filter(
            team_id=conversation.team_id, role__in=[Membership.Role.OPERATOR, Membership.Role.ADMIN]
        )
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )
    if not operators:
        return
    later = [uid for uid in operators if cfg.last_assignee_id is not None and uid > cfg.last_assignee_id]
    chosen = later[0] if later else operators[0]
    Conversation.objects.filter(pk=conversation.pk).update(assignee_id=chosen)
    conversation.assignee_id = chosen
    InboxSettings.objects.filter(pk=cfg.pk).update(last_assignee_id=chosen, updated_at=timezone.now())
    _cnv_event(conversation, "assigned", "SYSTEM", assignee=chosen, how="round-robin")


def conversation_join_outbound(*, message: Message) -> Conversation | None:
    """Put a text we sent in the contact's open conversation, if there is one (replies, nudges, compliance
    answers, a campaign's later step). A campaign's opener to someone with no conversation joins the conversation
    their answer starts."""
    if message.direction != Message.Direction.OUTBOUND or not message.to_number:
        return None
    conversation = (
        Conversation.objects.filter(team_id=message.team_id, contact_number=message.to_number)
        .exclude(status=S.CLOSED)
        .first()
    )
    if conversation is None:
        return None
    _link(conversation, message)
    Conversation.objects.filter(pk=conversation.pk).update(
        last_outbound_at=message.created_at,
        last_message_at=message.created_at,
        last_text=(message.body or "")[:160],
        updated_at=timezone.now(),
    )
    return conversation


# -- intent, worker, draft ------------------------------------------------------------------------------


def conversation_intent_update(*, item: InboxItem) -> Conversation | None:
    """Read the conversation's intent from its latest text, in context (after stage 9 classified the item).

    An acknowledgment ("k", "ok", "thanks", a thumbs-up) after a decline or after our last answer keeps the
    intent ("intent_kept"); a clear intent that differs replaces it ("intent_changed", saying why). STOP, a wrong
    number and a hostile text close the conversation with their disposition, and no draft.
    """
    if item.conversation_id is None:
        return None
    with transaction.atomic(savepoint=False):  # a failure fails the caller's transaction whole (stage 9's)
        conversation = Conversation.objects.select_for_update().get(pk=item.conversation_id)
        if conversation.latest_item_id not in (None, item.pk):
            # a later text of the conversation arrived first: this one no longer speaks for it
            _cnv_event(conversation, "intent_kept", "SYSTEM", item=item.pk, why="a later text arrived meanwhile")
            return conversation
        before, text = conversation.intent, item.response_text or ""
        classification = item.classification or "other"
        answered = conversation.last_outbound_at is not None and (
            conversation.last_inbound_at is None or conversation.last_outbound_at <= conversation.last_inbound_at
        )
        if before and is_acknowledgment(text) and classification not in CLOSING_INTENTS:
            why = (
                f"{text!r} acknowledges the earlier decline ({before}); the intent stays"
                if before in DECLINES
                else f"{text!r} acknowledges our last answer; the intent stays {before}"
                if answered
                else f"{text!r} is an acknowledgment; the intent stays {before}"
            )
            _cnv_event(conversation, "intent_kept", "SYSTEM", item=item.pk, read_as=classification, why=why)
            return conversation
        if classification != before:
            conversation.intent = classification
            conversation.intent_confidence = item.classification_confidence
            conversation.save(update_fields=["intent", "intent_confidence", "updated_at"])
            why = f"the latest text {text[:120]!r} reads as {classification}"
            if item.classification_confidence is not None:
                why += f" ({item.classification_confidence:.2f})"
            why += f"; it was {before}" if before else ""
            _cnv_event(conversation, "intent_changed", "SYSTEM", item=item.pk, before=before, after=classification,
                       why=why)  # fmt: skip
        if classification in CLOSING_INTENTS and conversation.status != S.CLOSED:
            conversation_close(
                conversation=conversation, user=None, disposition=CLOSING_INTENTS[classification],
                notes=f"Closed by itself: {text[:200]!r} reads as {classification}.",
            )  # fmt: skip
    return conversation


def conversation_of(item: InboxItem) -> Conversation | None:
    """The item's conversation as it is now: the one its task read with it (``select_related``), else read here."""
    if not item.conversation_id:
        return None
    if InboxItem.conversation.is_cached(item):
        return item.conversation
    return Conversation.objects.filter(pk=item.conversation_id).first()


def intent_kept_for(item: InboxItem) -> bool:
    """Tell whether the item's text left its conversation's intent as it was (an acknowledgment)."""
    return ConversationEvent.objects.filter(
        conversation_id=item.conversation_id, action="intent_kept", detail__item=item.pk
    ).exists()


def conversation_route(*, conversation: Conversation, routed_worker: str) -> str:
    """The conversation's one worker: kept while the intent stays, re-routed (recorded) when it changes."""
    if conversation.worker and conversation.worker_intent == conversation.intent:
        return conversation.worker
    if not routed_worker:
        return conversation.worker
    before = conversation.worker
    Conversation.objects.filter(pk=conversation.pk).update(
        worker=routed_worker, worker_intent=conversation.intent, updated_at=timezone.now()
    )
    conversation.worker, conversation.worker_intent = routed_worker, conversation.intent
    if before != routed_worker:
        _calls_follow(conversation, routed_worker)
        _cnv_event(conversation, "rerouted" if before else "routed", "SYSTEM", before=before, after=routed_worker,
                   intent=conversation.intent)  # fmt: skip
    return routed_worker


def conversation_reroute(*, conversation: Conversation, worker: str, why: str) -> None:
    """Hand the conversation to another worker for a reason other than its intent (recorded)."""
    before = conversation.worker
    Conversation.objects.filter(pk=conversation.pk).update(worker=worker, updated_at=timezone.now())
    conversation.worker = worker
    _calls_follow(conversation, worker)
    _cnv_event(conversation, "rerouted", "SYSTEM", before=before, after=worker, why=why)


def _calls_follow(conversation: Conversation, worker: str) -> None:
    """The conversation's waiting calls name its one worker: the call queue never shows another one."""
    from ..models import CallQueueEntry

    CallQueueEntry.objects.filter(item__conversation_id=conversation.pk, status=CallQueueEntry.Status.WAITING).exclude(
        assigned_worker=worker
    ).update(assigned_worker=worker, updated_at=timezone.now())


def conversation_draft_set(*, item: InboxItem, text: str, worker: str) -> None:
    """Keep one pending draft per conversation: the new one replaces (sets aside) any earlier one."""
    with transaction.atomic(savepoint=False):  # a failure fails the caller's transaction whole (stage 11's)
        conversation = Conversation.objects.select_for_update().get(pk=item.conversation_id)
        earlier = (
            InboxItem.objects.filter(conversation=conversation, suggestion_status=InboxItem.SuggestionStatus.PENDING)
            .exclude(pk=item.pk)
            .update(suggestion_status=InboxItem.SuggestionStatus.SET_ASIDE, updated_at=timezone.now())
        )
        if earlier:
            _cnv_event(conversation, "draft_set_aside", "SYSTEM", why="a newer draft replaced it")
        conversation.draft_text, conversation.draft_worker, conversation.draft_item = text, worker, item
        conversation.draft_status = Conversation.DraftStatus.PENDING if text else Conversation.DraftStatus.NONE
        conversation.save(update_fields=["draft_text", "draft_worker", "draft_item", "draft_status", "updated_at"])


def _drafts_aside(conversation: Conversation, actor, why: str, status: str = "set_aside") -> None:
    aside = InboxItem.objects.filter(
        conversation=conversation, suggestion_status=InboxItem.SuggestionStatus.PENDING
    ).update(suggestion_status=InboxItem.SuggestionStatus.SET_ASIDE, updated_at=timezone.now())
    if conversation.draft_status == Conversation.DraftStatus.PENDING or aside:
        Conversation.objects.filter(pk=conversation.pk).update(draft_status=status, updated_at=timezone.now())
        conversation.draft_status = status
        if status == Conversation.DraftStatus.SET_ASIDE:
            _cnv_event(conversation, "draft_set_aside", actor, why=why)


def conversation_replied(*, conversation: Conversation, user, from_suggestion: bool, edited: bool) -> None:
    """A person approved or sent a reply: the draft is done with, and the conversation waits on them."""
    status = (
        (Conversation.DraftStatus.EDITED if edited else Conversation.DraftStatus.APPROVED)
        if from_suggestion
        else Conversation.DraftStatus.SET_ASIDE
    )
    _drafts_aside(conversation, user, "answered in own words", status=status)
    Conversation.objects.filter(pk=conversation.pk).update(unread=0)
    if conversation.status in (S.OPEN, S.SNOOZED):
        _move(conversation, S.WAITING, user, reason="a reply was sent", snoozed_until=None)


# -- what people do -------------------------------------------------------------------------------------


def conversation_close(*, conversation: Conversation, user, disposition: str, notes: str = "") -> Conversation:
    """Close with a disposition (a person, or the system for STOP / wrong number / hostile): its open inbox items
    close with it, the lead gets its status, pending drafts are set aside. INCOMPLETE_NOTES as for an item."""
    from .closeout import DISPOSITIONS, _close_item

    if user is not None:
        require_operator(conversation, user)
    if conversation.status == S.CLOSED:
        raise InboxError("CONVERSATION_CLOSED", "This conversation is already closed.", http_status=409)
    notes = (notes or "").strip()
    if disposition not in DISPOSITIONS or (disposition == "other" and not notes):
        raise InboxError(
            "INCOMPLETE_NOTES",
            "Choose a disposition (" + ", ".join(DISPOSITIONS) + "); with 'other', say what happened in the notes.",
        )
    with transaction.atomic():
        for item in InboxItem.objects.filter(conversation=conversation).exclude(status=InboxItem.Status.PROCESSED):
            _close_item(item, user, disposition, notes)
        _drafts_aside(conversation, user or "SYSTEM", "the conversation was closed")
        _move(
            conversation, S.CLOSED, user or "SYSTEM", reason=f"{disposition}: {notes}".strip(": "),
            disposition=disposition, closed_at=timezone.now(), closed_by=user, snoozed_until=None,
        )  # fmt: skip
    return conversation


def conversation_reopen(*, conversation: Conversation, user, reason: str = "") -> Conversation:
    """Reopen a closed conversation (refused while the contact has another one open)."""
    require_operator(conversation, user)
    if conversation.status != S.CLOSED:
        raise InboxError("NOT_CLOSED", "Only a closed conversation can be reopened.", http_status=409)
    if (
        Conversation.objects.filter(team_id=conversation.team_id, contact_number=conversation.contact_number)
        .exclude(status=S.CLOSED)
        .exists()
    ):
        raise InboxError("ANOTHER_OPEN", "This contact has a newer open conversation; work that one.", http_status=409)
    with transaction.atomic():
        _move(conversation, S.OPEN, user, reason=reason or "reopened", disposition="", closed_at=None, closed_by=None)
        latest = conversation.latest_item
        if latest is not None and latest.status == InboxItem.Status.PROCESSED:
            InboxItem.objects.filter(pk=latest.pk).update(
                status=InboxItem.Status.OPEN, bucket=InboxItem.Bucket.REPLY, updated_at=timezone.now()
            )
    return conversation


def conversation_assign(*, conversation: Conversation, user, assignee) -> Conversation:
    """Give the conversation to a person of the team (``None`` unassigns it)."""
    from usdatabiz.core.models import Membership

    require_operator(conversation, user)
    if assignee is not None and not Membership.objects.filter(team_id=conversation.team_id, user=assignee).exists():
        raise InboxError("NOT_A_MEMBER", "Assign to someone of this team.")
    before = conversation.assignee_id
    Conversation.objects.filter(pk=conversation.pk).update(assignee=assignee, updated_at=timezone.now())
    conversation.assignee = assignee
    _cnv_event(
        conversation, "assigned" if assignee else "unassigned", user,
        before=before, assignee=getattr(assignee, "pk", None),
        assignee_name=assignee.get_username() if assignee else "",
    )  # fmt: skip
    return conversation


def conversation_snooze(*, conversation: Conversation, user, until: datetime) -> Conversation:
    """Put the conversation aside until ``until``; it comes back then, or sooner when they text."""
    require_operator(conversation, user)
    if until is None or until <= timezone.now():
        raise InboxError("INVALID_SNOOZE", "Snooze until a time in the future.")
    if conversation.status == S.CLOSED:
        raise InboxError("CONVERSATION_CLOSED", "A closed conversation cannot be snoozed.", http_status=409)
    if conversation.status == S.SNOOZED:
        Conversation.objects.filter(pk=conversation.pk).update(snoozed_until=until, updated_at=timezone.now())
        conversation.snoozed_until = until
    else:
        _move(conversation, S.SNOOZED, user, reason=f"until {until.isoformat()}", snoozed_until=until)
    _cnv_event(conversation, "snoozed", user, until=until.isoformat())
    return conversation


def conversations_wake(*, now=None) -> int:
    """Bring back the snoozed conversations whose time has come (scheduled every minute)."""
    now = now or timezone.now()
    woken = 0
    for conversation in Conversation.objects.filter(status=S.SNOOZED, snoozed_until__lte=now):
        try:
            _move(conversation, S.OPEN, "SYSTEM", reason="the snooze ended", snoozed_until=None)
            woken += 1
        except InboxError:
            continue
        except Exception:  # noqa: BLE001 - another writer moved it first
            log.info("conversation %s moved before it could be woken", conversation.pk)
    return woken


def conversation_note(*, conversation: Conversation, user, text: str) -> ConversationEvent:
    """A private note for the team (never sent)."""
    require_operator(conversation, user)
    text = (text or "").strip()
    if not text:
        raise InboxError("EMPTY_NOTE", "Write the note first.")
    return _cnv_event(conversation, "note", user, text=text[:4000])


def conversation_mark_read(*, conversation: Conversation) -> None:
    if conversation.unread:
        Conversation.objects.filter(pk=conversation.pk).update(unread=0)
        conversation.unread = 0


def conversation_reply(*, conversation: Conversation, user, text: str, from_draft: bool = False) -> Message:
    """Send a reply in the conversation (its latest inbox item carries the send); approval rules as for items."""
    from .replies import inbox_item_reply

    require_operator(conversation, user)
    item = conversation.latest_item
    if item is None:
        raise InboxError("NOTHING_TO_ANSWER", "The contact has not written in this conversation.", http_status=409)
    if conversation.status == S.CLOSED:
        raise InboxError("CONVERSATION_CLOSED", "This conversation is closed; reopen it to reply.", http_status=409)
    if from_draft:
        if conversation.draft_status != Conversation.DraftStatus.PENDING or not conversation.draft_text:
            raise InboxError("NO_PENDING_DRAFT", "There is no draft awaiting approval.", http_status=409)
        item = conversation.draft_item or item
        text = text or conversation.draft_text
    return inbox_item_reply(item=item, user=user, text=text, from_suggestion=from_draft)


def conversation_callback(*, conversation: Conversation, user, when: str):
    """Schedule a call back at the time ``when`` names ("tomorrow at 2pm"), read in the contact's time zone (or the
    one it names: "9am pacific"); the call joins the queue (or its waiting entry moves) with that time.
    INVALID_CALLBACK when no future time is named."""
    from ..callbacks import contact_zone, parse_callback
    from ..models import CallQueueEntry

    require_operator(conversation, user)
    zone = contact_zone(number=conversation.contact_number, lead=conversation.lead if conversation.lead_id else None)
    at = parse_callback(when, zone=zone, now=timezone.now())
    if at is None:
        raise InboxError("INVALID_CALLBACK", f"{when!r} names no time to come; try 'tomorrow at 2pm' or 'Friday 10am'.")
    item = conversation.latest_item
    if item is None:
        raise InboxError("NOTHING_TO_ANSWER", "The contact has not written in this conversation.", http_status=409)
    with transaction.atomic():
        entry = CallQueueEntry.objects.filter(item=item).first()
        if entry is None:
            entry = CallQueueEntry.objects.create(
                team_id=conversation.team_id, item=item, lead_id=conversation.lead_id,
                phone_number=conversation.contact_number, priority=conversation.priority_score or 50,
                assigned_worker=conversation.worker or "SABRINA", assigned_to=user, callback_at=at,
                correlation_id=conversation.correlation_id,
            )  # fmt: skip
        else:
            CallQueueEntry.objects.filter(pk=entry.pk).update(
                callback_at=at, status=CallQueueEntry.Status.WAITING, assigned_to=user, updated_at=timezone.now()
            )
            entry.refresh_from_db()
        # the zone the time was read in: the contact's, or the one the words name ("9am pacific")
        _cnv_event(conversation, "callback", user, at=at.isoformat(), zone=getattr(at.tzinfo, "key", zone),
                   said=when[:200])  # fmt: skip
    return entry
