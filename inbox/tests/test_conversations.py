"""Conversations through the signed webhook: one thread per contact and team, intent in context, one worker,
one draft while it waits on us, closing by itself on STOP / wrong number, waiting on them after a reply."""

import pytest
from django.apps import apps

from inbox import services
from inbox.models import Conversation, ConversationEvent, ConversationMessage, InboxItem
from inbox.services.conversations import (
    conversation_close,
    conversation_reopen,
    conversation_reply,
    conversations_wake,
    is_acknowledgment,
)
from leads.models import Lead
from messaging import services as messaging
from messaging.models import Message
from messaging.signalhouse import sandbox_inbound_event
from messaging.sms import SandboxSms
from messaging.tests.factories import sending_campaign
from usdatabiz.core.errors import IllegalTransition
from usdatabiz.core.models import StateTransition
from usdatabiz.core.transitions import history, transition

from .test_webhook import OURS, SECRET, _post

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _secret(settings, time_machine):
    settings.SIGNALHOUSE_WEBHOOK_SECRET = SECRET
    time_machine.move_to("2026-12-01T17:00:00Z")  # 11:00 in Austin: sends are allowed


@pytest.fixture
def robin(team, operator):
    """A campaign's opener went to Robin (and two others); returns Robin's opener."""
    campaign = sending_campaign(team, operator, 3)
    messaging.campaign_send_slice(campaign_id=campaign.pk, provider=SandboxSms())
    return Message.objects.filter(campaign=campaign, status="sent").order_by("pk").first()


def say(client, opener, text):
    headers, body = sandbox_inbound_event(opener.to_number, OURS, text, SECRET)
    response = _post(client, headers, body)
    assert response.status_code == 200, response.content
    return InboxItem.objects.get(message__metadata__webhookId=response.json()["id"])


def the_conversation(opener) -> Conversation:
    return Conversation.objects.exclude(status="closed").get(contact_number=opener.to_number)


def test_robin_k_after_a_decline_keeps_the_intent_the_worker_and_drafts_nothing_new(client, robin):
    first = say(client, robin, "Not interested thanks")
    conversation = the_conversation(robin)
    assert (conversation.intent, conversation.status) == ("not_interested", "open")
    worker, draft = conversation.worker, conversation.draft

    second = say(client, robin, "k")

    assert Conversation.objects.filter(contact_number=robin.to_number).count() == 1
    conversation.refresh_from_db()
    assert conversation.intent == "not_interested"
    assert conversation.worker == worker
    assert conversation.draft == draft  # the first answer's draft (if any) still stands, nothing new
    assert "Great to hear" not in conversation.draft_text
    assert set(conversation.items.values_list("pk", flat=True)) == {first.pk, second.pk}
    kept = ConversationEvent.objects.get(conversation=conversation, action="intent_kept")
    assert kept.detail["item"] == second.pk
    assert "decline" in kept.detail["why"]
    second.refresh_from_db()
    assert second.suggestion_status == ""
    assert second.suggested_text == ""
    pending = InboxItem.objects.filter(conversation=conversation, suggestion_status="pending").count()
    assert pending <= 1
    assert not ConversationEvent.objects.filter(conversation=conversation, action="rerouted").exists()


def test_a_later_clear_intent_changes_it_says_why_and_reroutes_once(client, robin):
    say(client, robin, "Not interested thanks")
    conversation = the_conversation(robin)
    before_worker = conversation.worker

    say(client, robin, "Actually yes, I am interested. Call me tomorrow at 2pm")

    conversation.refresh_from_db()
    assert conversation.intent in {"interested", "meeting_request"}
    changed = ConversationEvent.objects.filter(conversation=conversation, action="intent_changed").last()
    assert changed.detail["before"] == "not_interested"
    assert "reads as" in changed.detail["why"]
    if conversation.worker != before_worker:
        assert ConversationEvent.objects.filter(conversation=conversation, action="rerouted").count() == 1
    # the call queue, the item and the draft name the conversation's one worker
    latest = conversation.latest_item
    assert latest.assigned_sdr_id == conversation.worker
    if conversation.draft:
        assert conversation.draft["worker"] == conversation.worker


def test_stop_closes_the_conversation_as_opted_out_with_no_draft(client, robin, team):
    item = say(client, robin, "STOP")

    conversation = Conversation.objects.get(contact_number=robin.to_number)
    assert (conversation.status, conversation.disposition, conversation.draft) == ("closed", "opted_out", None)
    item.refresh_from_db()
    assert (item.status, item.disposition, item.suggestion_status) == ("processed", "opted_out", "")
    audit = history(conversation).get(to_state="closed")
    assert (audit.from_state, audit.actor_label, audit.team_id) == ("open", "SYSTEM", team.pk)
    assert Lead.objects.get(pk=robin.lead_id).status == "closed"


def test_a_wrong_number_closes_itself_with_its_disposition(client, robin):
    item = say(client, robin, "Wrong number, there is no one by that name here")

    conversation = Conversation.objects.get(contact_number=robin.to_number)
    assert (conversation.status, conversation.disposition, conversation.draft) == ("closed", "wrong_number", None)
    item.refresh_from_db()
    assert item.suggestion_status in ("", "set_aside")
    assert item.status == "processed"


def test_approving_the_draft_waits_on_them_and_their_answer_reopens_with_one_draft(client, robin, operator):
    first = say(client, robin, "Sounds interesting, tell me more")
    conversation = the_conversation(robin)
    assert conversation.status == "open"
    assert conversation.draft is not None
    assert conversation.draft["status"] == "pending"

    sent = conversation_reply(conversation=conversation, user=operator, text="", from_draft=True)

    conversation.refresh_from_db()
    assert (conversation.status, conversation.draft_status, conversation.draft) == ("waiting", "approved", None)
    assert sent.approved_by == operator
    assert sent.kind == "reply"
    first.refresh_from_db()
    assert first.suggestion_status == "approved"

    second = say(client, robin, "How much does it cost?")

    conversation.refresh_from_db()
    assert conversation.status == "open"
    assert conversation.unread == 1
    assert conversation.draft is not None
    assert conversation.draft_item_id == second.pk
    assert InboxItem.objects.filter(conversation=conversation, suggestion_status="pending").count() == 1
    thread = list(
        ConversationMessage.objects.filter(conversation=conversation)
        .order_by("created_at")
        .values_list("message__direction", "message__kind")
    )
    assert thread == [("outbound", "campaign"), ("inbound", "inbound"), ("outbound", "reply"), ("inbound", "inbound")]
    moves = list(history(conversation).values_list("from_state", "to_state"))
    assert moves == [("open", "waiting"), ("waiting", "open")]


def test_closing_sets_the_draft_aside_reopen_brings_it_back_and_a_text_after_closing_starts_anew(
    client, robin, operator
):
    item = say(client, robin, "Sounds interesting, tell me more")
    conversation = the_conversation(robin)
    assert conversation.draft is not None

    conversation_close(conversation=conversation, user=operator, disposition="no_response")

    conversation.refresh_from_db()
    item.refresh_from_db()
    assert (conversation.status, conversation.draft_status, conversation.draft) == ("closed", "set_aside", None)
    assert (item.status, item.suggestion_status) == ("processed", "set_aside")

    conversation_reopen(conversation=conversation, user=operator, reason="they called back")
    conversation.refresh_from_db()
    assert (conversation.status, conversation.disposition) == ("open", "")

    conversation_close(conversation=conversation, user=operator, disposition="not_interested")
    say(client, robin, "Hello again, is the offer still on?")

    rows = Conversation.objects.filter(contact_number=robin.to_number).order_by("created_at")
    assert [c.status for c in rows] == ["closed", "open"]
    with pytest.raises(services.InboxError) as refused:
        conversation_reopen(conversation=rows[0], user=operator)
    assert refused.value.code == "ANOTHER_OPEN"


def test_a_snoozed_conversation_comes_back_on_time_or_when_they_text(client, robin, operator, time_machine):
    from datetime import timedelta

    from django.utils import timezone

    from inbox.services.conversations import conversation_snooze

    say(client, robin, "Sounds interesting, tell me more")
    conversation = the_conversation(robin)
    conversation_snooze(conversation=conversation, user=operator, until=timezone.now() + timedelta(hours=2))
    assert the_conversation(robin).status == "snoozed"
    assert conversations_wake() == 0
    time_machine.move_to("2026-12-01T19:30:00Z")
    assert conversations_wake() == 1
    assert the_conversation(robin).status == "open"

    conversation_snooze(conversation=conversation, user=operator, until=timezone.now() + timedelta(hours=2))
    say(client, robin, "Are you there?")
    assert the_conversation(robin).status == "open"


def test_acknowledgments_are_only_acknowledgments():
    for text in ("k", "K", "ok", "Okay.", "thanks!", "Thank you", "👍", "👍🏽", "ok thx"):
        assert is_acknowledgment(text), text
    for text in ("ok call me tomorrow", "not interested", "yes", "", "thanks, what is the price?"):
        assert not is_acknowledgment(text), text


def test_the_transition_helper_refuses_a_move_the_map_forbids_and_records_the_allowed(team, robin, client, operator):
    say(client, robin, "Sounds interesting, tell me more")
    conversation = the_conversation(robin)
    with pytest.raises(IllegalTransition) as refused:
        transition(conversation, "closed", actor=operator, transitions={"open": {"waiting"}})
    assert refused.value.code == "ILLEGAL_TRANSITION"
    stale = Conversation.objects.get(pk=conversation.pk)
    transition(conversation, "waiting", actor=operator, reason="test")
    with pytest.raises(IllegalTransition):  # a stale copy cannot win the same move twice
        transition(stale, "snoozed", actor=operator)
    row = StateTransition.objects.get(subject_id=conversation.pk, to_state="waiting")
    assert (row.actor, row.reason, row.subject_type) == (operator, "test", "inbox.conversation")
    lead_rows = StateTransition.objects.filter(subject_id=robin.lead_id, subject_type="leads.lead")
    assert list(lead_rows.values_list("from_state", "to_state")) == [("new", "contacted"), ("contacted", "replied")]


def test_the_data_migration_turns_existing_items_into_conversations(client, robin, operator):
    migration = __import__("inbox.migrations.0007_i11_conversations_from_items", fromlist=["items_to_conversations"])
    first = say(client, robin, "Not interested")
    services.inbox_item_close(item=first, user=operator, disposition="not_interested")
    second = say(client, robin, "Sounds interesting, tell me more")
    InboxItem.objects.update(conversation=None)
    ConversationMessage.objects.all().delete()
    Conversation.objects.all().delete()

    migration.items_to_conversations(apps, None)

    rows = list(Conversation.objects.filter(contact_number=robin.to_number).order_by("created_at"))
    assert [(c.status, c.disposition) for c in rows] == [("closed", "not_interested"), ("open", "")]
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.conversation_id, second.conversation_id) == (rows[0].pk, rows[1].pk)
    assert rows[0].pk.startswith("cnv_")
    assert rows[1].draft is not None
    assert rows[1].draft_item_id == second.pk
    assert ConversationMessage.objects.filter(conversation=rows[0], message=robin).exists()


@pytest.mark.parametrize(
    "text",
    [
        "You are a bunch of crooks and liars",  # hostile, no stop request
        "Go to hell you scammer",  # hostile and an unclear opt-out: held for a person as well
    ],
)
def test_a_hostile_text_closes_the_conversation_as_hostile_with_no_draft(client, robin, team, text):
    item = say(client, robin, text)

    conversation = Conversation.objects.get(contact_number=robin.to_number)
    assert (conversation.intent, conversation.status, conversation.disposition) == ("hostile", "closed", "hostile")
    assert conversation.draft is None
    item.refresh_from_db()
    assert (item.status, item.disposition, item.suggestion_status, item.suggested_text) == (
        "processed", "hostile", "", "",
    )  # fmt: skip
    assert history(conversation).get(to_state="closed").actor_label == "SYSTEM"
    assert not Message.objects.filter(to_number=robin.to_number, kind="reply").exists()


def test_a_change_of_intent_reroutes_once_and_the_call_queue_the_item_and_the_draft_follow(client, robin):
    first = say(client, robin, "Yes, call me tomorrow at 3pm")
    conversation = the_conversation(robin)
    assert (conversation.intent, conversation.worker) == ("meeting_request", "SABRINA")
    entry = first.call_entry
    assert entry.assigned_worker == "SABRINA"

    say(client, robin, "Before that, what does it cost and how long does it take?")

    conversation.refresh_from_db()
    assert (conversation.intent, conversation.worker) == ("question", "GIANNA")
    rerouted = ConversationEvent.objects.get(conversation=conversation, action="rerouted")
    assert (rerouted.detail["before"], rerouted.detail["after"]) == ("SABRINA", "GIANNA")
    entry.refresh_from_db()
    assert entry.assigned_worker == "GIANNA"  # one worker for the person, wherever they are shown
    assert conversation.latest_item.assigned_sdr_id == "GIANNA"
    assert conversation.draft["worker"] == "GIANNA"

    say(client, robin, "ok thanks")  # an acknowledgment moves nothing
    conversation.refresh_from_db()
    assert (conversation.intent, conversation.worker) == ("question", "GIANNA")
    assert ConversationEvent.objects.filter(conversation=conversation, action="rerouted").count() == 1


def test_round_robin_gives_new_conversations_to_the_teams_operators_in_turn(client, team, operator, viewer):
    from conftest import _member
    from inbox.models import InboxSettings

    InboxSettings.objects.create(team=team, round_robin=True)
    second = _member(team, "admin", "ada")
    campaign = sending_campaign(team, operator, 3)
    messaging.campaign_send_slice(campaign_id=campaign.pk, provider=SandboxSms())
    openers = list(Message.objects.filter(campaign=campaign, status="sent").order_by("pk"))

    for opener in openers:
        say(client, opener, "Sounds interesting, tell me more")

    assignees = [the_conversation(o).assignee for o in openers]
    members = sorted([operator, second], key=lambda u: u.pk)  # viewers take no conversations
    assert assignees == [members[0], members[1], members[0]]
    say(client, openers[0], "Still there?")  # a later text of the same conversation is not a new turn
    assert the_conversation(openers[0]).assignee == members[0]
    assert ConversationEvent.objects.filter(action="assigned", detail__how="round-robin").count() == 3


def test_without_round_robin_new_conversations_are_unassigned(client, robin):
    say(client, robin, "Sounds interesting, tell me more")
    assert the_conversation(robin).assignee is None


def test_thanks_after_our_answer_keeps_the_intent_and_asks_for_no_new_draft(client, robin, operator):
    say(client, robin, "Sounds interesting, tell me more")
    conversation = the_conversation(robin)
    intent, worker = conversation.intent, conversation.worker
    conversation_reply(conversation=conversation, user=operator, text="", from_draft=True)

    thanks = say(client, robin, "Thanks 👍")

    conversation.refresh_from_db()
    assert (conversation.intent, conversation.worker, conversation.status) == (intent, worker, "open")
    assert conversation.draft is None
    kept = ConversationEvent.objects.get(conversation=conversation, action="intent_kept")
    assert "our last answer" in kept.detail["why"]
    thanks.refresh_from_db()
    assert thanks.suggestion_status == ""
