"""Campaign control and outcomes in a real browser: edit a draft, confirm an approval, read the charts.

The charts are checked on the page and in a screenshot's page state: each SVG is there, has a visible size, and
the numbers in its marks (text and ``<title>``) are those of the table beside it.
"""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


@pytest.fixture
def draft(team):
    """Three textable Texans, two texts, and a draft campaign that has no template yet (the old dead end)."""
    from campaigns import services
    from campaigns.tests.factories import MessageTemplateFactory, textable_leads
    from messaging.models import MessagingSettings
    from messaging.tests.factories import sender_number_for

    textable_leads(team, 3, start=10)
    MessagingSettings.objects.update_or_create(team=team, defaults={"quiet_start_hour": 0, "quiet_end_hour": 24})
    sender_number_for(team, "5125550177")
    MessageTemplateFactory(team=team, name="Short", body="Hi {first_name}. Reply STOP to opt out.")
    MessageTemplateFactory(team=team, name="Friendly", body="Hello {first_name}! Reply STOP to opt out.")
    return services.campaign_create(team=team, name="No text yet", allow_partial_block=True)


def test_edit_a_draft_then_confirm_its_approval(console: Page, live_server, draft):
    console.goto(f"{live_server.url}{draft.get_absolute_url()}")
    console.get_by_test_id("edit").click()

    form = console.get_by_test_id("campaign-form")
    form.get_by_label("Name", exact=True).fill("Texas trades A/B")
    form.get_by_label("Template (variant A)").select_option(label="Short")
    form.get_by_label("Variant B").select_option(label="Friendly")
    form.get_by_label("State").fill("Texas")
    form.get_by_role("button", name="Save").click()

    settings = console.get_by_test_id("campaign-settings")
    expect(settings.get_by_test_id("campaign-template")).to_contain_text("A Short")
    expect(settings.get_by_test_id("campaign-template")).to_contain_text("B Friendly")
    expect(console.locator("main")).to_contain_text("state=TX")
    expect(console.get_by_test_id("campaign-events")).to_contain_text("edited by olivia")

    console.get_by_role("button", name="Stage: let LUCI form the block").click()
    expect(console.get_by_test_id("campaign-status")).to_have_attribute("data-status", "staged")
    console.get_by_test_id("approve").click()

    # the confirmation page says what will happen before anything does
    expect(console).to_have_url(re.compile(r"/messages/campaigns/cmp_[0-9A-Z]{26}/approve/$"))
    expect(console.get_by_test_id("plan-people")).to_have_text("3")
    expect(console.get_by_test_id("plan-sender")).to_have_text("(512) 555-0177")
    expect(console.get_by_test_id("plan-times")).to_contain_text("America/Chicago")
    console.screenshot(path="/tmp/campaign-confirm.png", full_page=True)
    console.get_by_test_id("confirm").click()

    expect(console.get_by_test_id("approved-by")).to_have_text("olivia")
    expect(console.get_by_test_id("campaign-status")).to_have_attribute("data-status", "completed")
    expect(console.get_by_test_id("campaign-leads")).to_contain_text("B")


def _chart_numbers(page: Page, testid: str) -> list[str]:
    return page.get_by_test_id(testid).locator("title").all_text_contents()


def test_the_funnel_and_a_campaigns_outcome_chart_show_the_numbers_of_their_tables(
    console: Page, live_server, team, operator
):
    from campaigns import services
    from campaigns.tests.factories import MessageTemplateFactory, textable_leads
    from inbox.services import sandbox_reply
    from messaging.models import Message, MessagingSettings
    from messaging.tests.factories import sender_number_for

    MessagingSettings.objects.update_or_create(team=team, defaults={"quiet_start_hour": 0, "quiet_end_hour": 24})
    sender_number_for(team)
    textable_leads(team, 4, start=10)
    campaign = services.campaign_create(
        team=team, name="Charted", template=MessageTemplateFactory(team=team), allow_partial_block=True
    )
    campaign = services.campaign_stage(campaign=campaign)
    services.campaign_approve(campaign=campaign, user=operator)
    for message in Message.objects.filter(campaign=campaign, status="sent")[:2]:
        sandbox_reply(team=team, from_number=message.to_number, text="Yes, interested")

    # the journey's funnel: each bar's number is the table's "records in"
    console.goto(f"{live_server.url}/")
    funnel = console.get_by_test_id("funnel-chart")
    expect(funnel).to_be_visible()
    assert funnel.bounding_box()["height"] > 200
    for number in (6, 7, 8):
        table_value = console.get_by_test_id(f"funnel-in-{number}").inner_text()
        bar = funnel.locator(f"g.bar[data-label^='{number}.']")
        assert bar.locator("text.value").text_content() == table_value
        assert f"{int(table_value):,} records in" in bar.locator("title").text_content()
    assert console.get_by_test_id("funnel-in-8").inner_text() == "2"  # two replies came in
    expect(console.get_by_test_id("sla-chart")).to_be_visible()
    console.screenshot(path="/tmp/journey-funnel.png", full_page=True)

    # the campaign's outcome over time: the last point of each line is the table's last row
    console.goto(f"{live_server.url}{campaign.get_absolute_url()}")
    console.get_by_test_id("outcomes-link").click()
    chart = console.get_by_test_id("outcome-chart")
    expect(chart).to_be_visible()
    last_row = console.get_by_test_id("outcome-series").locator("tbody tr").last.locator("td").all_inner_texts()
    titles = _chart_numbers(console, "outcome-chart")
    day = last_row[0]
    assert f"sent on {day}: {last_row[1]}" in titles
    assert f"replied on {day}: {last_row[3]}" in titles
    assert (last_row[1], last_row[3]) == ("4", "2")
    expect(console.get_by_test_id("figure-replied")).to_have_text("2")
    console.screenshot(path="/tmp/campaign-outcome.png", full_page=True)
