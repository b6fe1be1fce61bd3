"""A text the person sent before their newest one but delivered after it (providers reorder within minutes) joins
the conversation as history: it stays in the thread, in order of sending, and on the item's own page, but it is not
new work. Its inbox item is kept as history by the system at once (processed, no disposition), so it neither waits
in the operator's queue nor jumps ahead of the newer text; the newer text's item stays the one to work, and the
conversation keeps the newer text's priority. Its words still count (classified; a STOP still suppresses)."""

import pytest
from django.urls import reverse

from inbox import selectors
from inbox.models import Conversation, InboxEvent, InboxItem

from .test_consent_order import SECRET, _deliver


@pytest.fixture(autouse=True)
def _secret(settings, time_machine):
    settings.SIGNALHOUSE_WEBHOOK_SECRET = SECRET
    time_machine.move_to("2026-12-01T17:00:00Z")  # 11:00 in Austin


@pytest.fixture
def number(team, operator):
    from messaging import services as messaging
    from messaging.models import Message
    from messaging.sms import SandboxSms
    from messaging.tests.factories import sending_campaign

    campaign = sending_campaign(team, operator, 1)
    messaging.campaign_send_slice(campaign_id=campaign.pk, provider=SandboxSms())
    return Message.objects.get(campaign=campaign, status="sent").to_number


NEWER = "ok thanks"
LATE = "Yes I'm interested, call me today at 512-555-0142"


@pytest.fixture
def late(client, team, number):
    """The newer, plain text delivered first; the older, hot one delivered after it."""
    _deliver(client, number, NEWER, sent_ago_s=30)
    _deliver(client, number, LATE, sent_ago_s=90)
    return InboxItem.objects.get(team=team, response_text=LATE)


def test_a_late_text_is_kept_as_history_not_left_as_open_work(team, late):
    newer = InboxItem.objects.get(team=team, response_text=NEWER)

    assert (late.status, late.bucket, late.processed_by_id, late.disposition) == ("processed", "done", None, "")
    assert "kept as history" in late.notes
    assert newer.status == "open"
    assert [item.pk for item in selectors.inbox_item_list(team=team, status="open")] == [newer.pk]
    counts = selectors.inbox_counts(team=team)
    assert (counts["reply"] + counts["call"] + counts["review"], counts["done"]) == (1, 1)
    event = InboxEvent.objects.get(item=late, action="kept_as_history")
    assert newer.message_id in event.detail["notes"]


def test_a_late_text_does_not_set_the_conversations_priority(team, late):
    newer = InboxItem.objects.get(team=team, response_text=NEWER)
    conversation = Conversation.objects.get(pk=newer.conversation_id)

    assert late.priority_score > newer.priority_score  # as open work it would jump ahead
    assert (conversation.priority_score, conversation.priority) == (newer.priority_score, newer.priority)
    assert conversation.latest_item_id == newer.pk
    assert conversation.status == Conversation.Status.OPEN


def test_a_late_text_stays_visible_in_the_thread_and_on_its_page(operator_client, team, late):
    conversation = Conversation.objects.get(pk=late.conversation_id)

    thread = operator_client.get(reverse("inbox:conversation-thread", args=[conversation.pk]))
    page = operator_client.get(late.get_absolute_url())

    texts = [m.body for m in selectors.conversation_messages(conversation=conversation) if m.direction == "inbound"]
    assert set(texts) == {NEWER, LATE}
    assert thread.status_code == 200
    assert "interested, call me today" in thread.content.decode()
    assert page.status_code == 200


def test_a_late_text_is_still_read(team, late):
    assert late.classification != ""
    assert late.classified_at is not None


def test_texts_delivered_in_order_each_stay_open_work(client, team, number):
    _deliver(client, number, LATE, sent_ago_s=90)
    _deliver(client, number, NEWER, sent_ago_s=30)

    assert set(InboxItem.objects.filter(team=team).values_list("status", flat=True)) == {"open"}
    assert not InboxEvent.objects.filter(action="kept_as_history").exists()
