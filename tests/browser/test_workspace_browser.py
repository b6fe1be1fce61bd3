"""The conversation workspace in a real browser: split view, live updates, keyboard shortcuts."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

LIVE = 12_000  # the list polls every 5 s
POLL = 5_000  # the list's and the open thread's poll period, in milliseconds


def _poll_now(page: Page) -> None:
    """Bring the pages' next 5-second poll forward: jump the browser clock (installed before the page loaded) on by
    one period, so the poll runs now instead of up to 5 s later; what it fetches and shows is unchanged."""
    page.clock.fast_forward(POLL)


@pytest.fixture
def two_replies(team, operator):
    """Two people answered a sandbox opener through the signed webhook; each has a conversation with a draft."""
    from inbox.tests.factories import replied_item
    from messaging.models import MessagingSettings

    # texts go out at the real time of the run: this team's sending window is the whole day
    MessagingSettings.objects.update_or_create(team=team, defaults={"quiet_start_hour": 0, "quiet_end_hour": 24})
    first = replied_item(team, operator, "Sounds interesting, tell me more", start=10)
    second = replied_item(team, operator, "Yes! Call me tomorrow at 3pm", start=20)
    return first, second


def _reply_again(item, text):
    from inbox.services import webhook_receive
    from messaging.signalhouse import sandbox_inbound_event
    from messaging.sms import webhook_secrets

    message = item.message
    headers, body = sandbox_inbound_event(
        message.from_number, message.to_number, text, webhook_secrets("signalhouse")[0]
    )
    status, record = webhook_receive(headers=headers, raw_body=body)
    assert status == 200, record.detail


def test_split_view_list_left_thread_and_contact_right(console: Page, live_server, two_replies):
    console.goto(f"{live_server.url}/inbox/conversations/")
    rows = console.get_by_test_id("conversation-row")
    expect(rows).to_have_count(2)
    expect(console).to_have_title(re.compile(r"^\(2\) Inbox"))

    rows.filter(has_text="Sounds interesting").click()

    thread = console.get_by_test_id("thread")
    expect(thread.get_by_test_id("message-inbound")).to_contain_text("Sounds interesting, tell me more")
    expect(thread.get_by_test_id("message-outbound").first).to_be_visible()
    expect(console.get_by_test_id("contact")).to_contain_text("Lead score")
    expect(console.get_by_test_id("timeline")).to_contain_text("Sounds interesting")
    expect(console).to_have_url(re.compile(r"\?.*c=cnv_"))
    expect(rows.first).to_be_visible()  # the list stays beside the thread
    expect(console.locator('a[href^="tel:+1"]').first).to_be_visible()


def test_a_new_reply_appears_without_a_reload_with_an_unread_marker_and_count(console: Page, live_server, two_replies):
    first, _ = two_replies
    console.clock.install()
    console.goto(f"{live_server.url}/inbox/conversations/")
    expect(console.get_by_test_id("conversation-row")).to_have_count(2)
    console.get_by_test_id("conversation-row").filter(has_text="Call me tomorrow").click()
    expect(console.get_by_test_id("thread").get_by_test_id("message-inbound")).to_contain_text("Call me tomorrow")
    _poll_now(console)  # once the open thread has marked its reply read
    expect(console).to_have_title(re.compile(r"^\(1\) Inbox"), timeout=LIVE)

    _reply_again(first, "Also, do you work on weekends?")
    _poll_now(console)

    row = console.get_by_test_id("conversation-row").filter(has_text="do you work on weekends")
    expect(row).to_be_visible(timeout=LIVE)
    expect(row.get_by_test_id("unread-marker")).to_be_visible()
    expect(console).to_have_title(re.compile(r"^\(2\) Inbox"), timeout=LIVE)


def test_keyboard_shortcuts(console: Page, live_server, two_replies):
    console.goto(f"{live_server.url}/inbox/conversations/")
    expect(console.get_by_test_id("conversation-row")).to_have_count(2)

    console.keyboard.press("?")
    help_ = console.get_by_test_id("shortcut-help")
    expect(help_).to_be_visible()
    for key in ("j / k", "enter", "a", "e", "r", "n", "s", "c", "shift + a", "?", "esc"):
        expect(help_.locator("dt", has_text=re.compile(rf"^{re.escape(key)}$"))).to_have_count(1)
    console.keyboard.press("Escape")
    expect(console.get_by_test_id("shortcut-help")).to_be_hidden()

    rows = console.get_by_test_id("conversation-row")
    top, below = rows.nth(0).get_attribute("data-id"), rows.nth(1).get_attribute("data-id")
    selected = console.locator(".ws-row.selected")
    console.keyboard.press("j")
    expect(selected).to_have_attribute("data-id", top)
    console.keyboard.press("j")
    expect(selected).to_have_attribute("data-id", below)
    console.keyboard.press("k")
    expect(selected).to_have_attribute("data-id", top)
    console.keyboard.press("j")
    expect(selected).to_have_count(1)
    console.keyboard.press("Enter")
    thread = console.get_by_test_id("thread")
    expect(thread).to_have_attribute("data-conversation-id", below)
    expect(console).to_have_url(re.compile(rf"c={below}"))

    console.keyboard.press("Shift+A")
    expect(console.get_by_test_id("thread-assignee")).to_have_text("@olivia")

    console.keyboard.press("n")
    expect(console.locator("#note-text")).to_be_focused()
    console.keyboard.type("Prefers mornings")
    console.keyboard.press("Enter")
    expect(console.get_by_test_id("note")).to_contain_text("Prefers mornings")
    console.keyboard.press("Escape")  # the note box keeps the focus after it is saved; esc leaves it

    console.keyboard.press("r")
    expect(console.get_by_test_id("reply-text")).to_be_focused()
    console.keyboard.press("Escape")
    console.keyboard.press("e")
    expect(console.get_by_test_id("draft-text")).to_be_focused()
    console.keyboard.press("Escape")
    console.keyboard.press("s")
    expect(console.locator("#snooze-until")).to_be_focused()
    console.keyboard.press("Escape")
    console.keyboard.press("c")
    expect(console.locator("#close-disposition")).to_be_focused()
    console.keyboard.press("Escape")

    console.keyboard.press("a")
    expect(console.get_by_test_id("thread-status")).to_have_text("Waiting on them")
    expect(console.get_by_test_id("message-outbound").last).to_contain_text("approved by olivia")


def test_state_changes_show_in_the_open_thread_without_a_reload(console: Page, live_server, two_replies, team):
    from conftest import _member
    from inbox.models import Conversation
    from inbox.services import conversation_assign

    first, _ = two_replies
    ada = _member(team, "operator", "ada")
    console.clock.install()
    console.goto(f"{live_server.url}/inbox/conversations/")
    console.get_by_test_id("conversation-row").filter(has_text="Sounds interesting").click()
    thread = console.get_by_test_id("thread")
    expect(thread.get_by_test_id("thread-status")).to_have_text("Open (waits on us)")
    expect(thread.get_by_test_id("draft-text")).to_be_visible()
    conversation = Conversation.objects.get(pk=first.conversation_id)

    # someone else takes it while the operator is writing: the text stays, the page offers the new state
    console.get_by_test_id("reply-text").fill("Half-written answer")
    conversation_assign(conversation=conversation, user=ada, assignee=ada)
    _poll_now(console)
    expect(console.get_by_test_id("thread-changed")).to_be_visible(timeout=LIVE)
    expect(console.get_by_test_id("reply-text")).to_have_value("Half-written answer")
    console.get_by_role("button", name="Show it").click()
    expect(thread.get_by_test_id("thread-assignee")).to_have_text("@ada")

    # they text STOP: the conversation closes by itself, and the open thread shows it closed with no draft
    _reply_again(first, "STOP")
    _poll_now(console)
    expect(thread.get_by_test_id("thread-status")).to_have_text("Closed", timeout=LIVE)
    expect(thread.get_by_test_id("draft-text")).to_have_count(0)
    expect(thread.get_by_test_id("approve-draft")).to_have_count(0)
    expect(console.get_by_test_id("conversation-row").filter(has_text="Sounds interesting")).to_have_count(0)
