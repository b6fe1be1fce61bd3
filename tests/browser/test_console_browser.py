"""The console in a real browser: log in, upload a list, read its outcome, find the people it brought in.

Under pytest the queue runs tasks inline (``Q_CLUSTER["sync"]``), so an upload is fully processed inside
the live server's request before the browser lands on the data source page.
"""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SCREENSHOT = "/tmp/console.png"
GOOD_LIST = (
    b"Company Name,First Name,Last Name,Title,Phone,Email,Street Address,City,State,ZIP Code,SIC Code\r\n"
    b"Bluebonnet Plumbing Inc.,Henrietta,Okonkwo,Owner,(512) 555-0143,henrietta@bluebonnet.example,1 Main St,"
    b"Austin,TX,78701,1711\r\n"
    b"Pecan Street Electric LLC,Marcus,Delacroix-Vance,President,512.555.0187,marcus@pecan.example,9 Oak Ave,"
    b"Austin,Texas,78702-1234,1731\r\n"
    b"Lone Star Roofing Co,Priya,Venkataraman,Manager,555-12,,3 Elm Rd,Dallas,tx,75201,1761\r\n"
)
UNCLOSED_QUOTE = (
    b"Company Name,First Name,Last Name,Phone,State,ZIP\r\n"
    b"Bluebonnet Plumbing,Henrietta,Okonkwo,5125550143,TX,78701\r\n"
    b'"Pecan Street Electric,Marcus,Delacroix,5125550187,TX,78702\r\n'
    b"Lone Star Roofing,Priya,Venkataraman,2145550111,TX,75201\r\n"
)


def _upload(page: Page, live_server, name: str, content: bytes) -> None:
    page.goto(f"{live_server.url}/sources/")
    form = page.get_by_test_id("upload-form")
    form.locator("input[type=file]").set_input_files(files=[{"name": name, "mimeType": "text/csv", "buffer": content}])
    form.get_by_role("button", name="Upload").click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(live_server.url)}/sources/ds_[0-9A-Z]{{26}}/$"))


def test_upload_a_list_and_find_its_people(console: Page, live_server):
    # when the operator uploads a list of three rows, one with a phone that cannot be normalized
    _upload(console, live_server, "bluebonnet-list.csv", GOOD_LIST)

    # then the data source page shows the finished file, its rows and the named row failure
    expect(console.get_by_role("heading", level=1)).to_contain_text("bluebonnet-list.csv")
    expect(console.get_by_test_id("status")).to_have_text("completed")
    expect(console.get_by_test_id("record-count")).to_have_text("3")
    expect(console.get_by_test_id("rows-done")).to_have_text("3")
    expect(console.get_by_test_id("failure-counts")).to_contain_text("INVALID_PHONE")
    failure_rows = console.get_by_test_id("failure-table").locator("tbody tr")
    expect(failure_rows.filter(has_text="INVALID_PHONE")).to_have_count(1)
    expect(failure_rows.filter(has_text="INVALID_PHONE")).to_contain_text("555-12")
    expect(console.get_by_test_id("file-error")).to_have_count(0)
    console.screenshot(path=SCREENSHOT, full_page=True)

    # when the operator opens the personas page
    console.get_by_role("navigation").get_by_role("link", name="Personas").click()

    # then the people of the list are there, with their normalized phone
    expect(console).to_have_url(f"{live_server.url}/identity/personas/")
    table = console.locator("main table")
    expect(table.get_by_role("link", name="Henrietta Okonkwo")).to_be_visible()
    expect(table.locator("tr", has_text="Henrietta Okonkwo")).to_contain_text("5125550143")
    expect(table.get_by_role("link", name="Priya Venkataraman")).to_be_visible()

    # and a person's page traces them back to the stored file
    table.get_by_role("link", name="Henrietta Okonkwo").click()
    expect(console.get_by_role("heading", level=1)).to_contain_text("Henrietta Okonkwo")
    expect(console.locator("main")).to_contain_text("bluebonnet-list.csv row 1")


def test_a_file_with_an_unclosed_quote_shows_csv_parse_error(console: Page, live_server):
    # when the operator uploads a file whose quote is never closed
    _upload(console, live_server, "broken-quote.csv", UNCLOSED_QUOTE)

    # then the data source failed with the named file-level error and kept no records
    expect(console.get_by_test_id("status")).to_have_text("failed")
    expect(console.get_by_test_id("file-error")).to_contain_text("CSV_PARSE_ERROR")
    expect(console.get_by_test_id("file-error")).to_contain_text("unclosed quote")
    expect(console.get_by_test_id("failure-counts")).to_contain_text("CSV_PARSE_ERROR")

    console.get_by_role("navigation").get_by_role("link", name="Personas").click()
    expect(console.locator("main table tbody")).to_have_text("No personas.")


@pytest.fixture
def three_leads(team):
    from identity.tests.factories import BusinessFactory, person_with_contacts
    from leads.services import leads_prepare

    business = BusinessFactory(team=team, name="Bluebonnet Plumbing", normalized_name="BLUEBONNET PLUMBING",
                               state="TX", zip5="78701", sic_code="1711", employees=12)  # fmt: skip
    for i, (first, last) in enumerate([("Henrietta", "Okonkwo"), ("Marcus", "Vance"), ("Priya", "Raman")]):
        person_with_contacts(team, first, last, phone=f"51255501{i:02d}", business=business)
    leads_prepare(team=team)


def test_tick_leads_skip_trace_them_and_follow_the_job(console: Page, live_server, three_leads):
    console.goto(f"{live_server.url}/leads/")
    rows = console.locator("tbody tr")
    expect(rows).to_have_count(3)
    console.get_by_label("Select Henrietta Okonkwo").check()
    console.get_by_label("Select Priya Raman").check()
    console.get_by_test_id("enrich-selected").click()

    expect(console).to_have_url(re.compile(rf"^{re.escape(live_server.url)}/leads/jobs/stj_[0-9A-Z]{{26}}/$"))
    progress = console.get_by_test_id("job-progress")
    expect(progress).to_have_attribute("data-status", "completed")
    expect(progress).to_contain_text("2 / 2")
    expect(console.get_by_text("sandbox: simulated results")).to_be_visible()
    expect(console.locator("tbody tr")).to_have_count(2)

    console.goto(f"{live_server.url}/leads/?enrichment_status=pending")
    expect(console.locator("tbody tr")).to_have_count(1)
    expect(console.locator("tbody")).to_contain_text("Marcus Vance")


@pytest.fixture
def reply_with_draft(team, operator):
    """A real reply (through the signed webhook) to a sandbox opener, with SABRINA's draft waiting."""
    from inbox.tests.factories import replied_item
    from messaging.models import MessagingSettings

    # texts go out at the real time of the run: this team's sending window is the whole day
    MessagingSettings.objects.update_or_create(team=team, defaults={"quiet_start_hour": 0, "quiet_end_hour": 24})
    return replied_item(team, operator, "Yes! Call me tomorrow at 3pm")


def test_approve_a_copilot_draft_and_close_the_conversation(console: Page, live_server, reply_with_draft):
    console.goto(f"{live_server.url}/inbox/?bucket=call&status=open")
    expect(console.get_by_test_id("inbox-table")).to_contain_text("Yes! Call me tomorrow at 3pm")
    console.get_by_test_id("open-item").first.click()

    expect(console.get_by_test_id("classification")).to_have_text("meeting_request")
    suggestion = console.get_by_test_id("suggestion")
    expect(suggestion).to_contain_text("SABRINA")
    draft = console.get_by_test_id("reply-text")
    expect(draft).not_to_be_empty()
    console.get_by_test_id("send-reply").click()

    expect(console.get_by_text("Reply sent.")).to_be_visible()
    conversation = console.get_by_test_id("conversation")
    expect(conversation).to_contain_text("approved by olivia")

    close = console.get_by_test_id("close-form")
    close.locator("select[name=disposition]").select_option("booked")
    close.locator("textarea[name=notes]").fill("Call booked for Wednesday 3pm")
    close.get_by_role("button", name="Close conversation").click()
    expect(console.get_by_test_id("closed")).to_contain_text("booked")
    expect(console.get_by_test_id("closed")).to_contain_text("olivia")


def test_write_a_template_stage_a_campaign_and_approve_it(console: Page, live_server, team):
    from campaigns.tests.factories import textable_leads
    from messaging.models import MessagingSettings
    from messaging.tests.factories import sender_number_for

    sender_number_for(team)  # the team's own number: without one, staging is NO_SENDER_NUMBER
    textable_leads(team, 3, start=10)
    MessagingSettings.objects.update_or_create(team=team, defaults={"quiet_start_hour": 0, "quiet_end_hour": 24})

    console.goto(f"{live_server.url}/campaigns/templates/")
    form = console.get_by_test_id("template-form")
    form.get_by_label("Name").fill("Opener")
    form.get_by_test_id("template-body").fill("Hi {first_name}, a quick question about {company}?")
    form.get_by_role("button", name="Save template").click()
    expect(console.get_by_test_id("field-error")).to_contain_text("opt out")  # no STOP line: refused
    form.get_by_test_id("template-body").fill(
        "Hi {first_name}, a quick question about {company}? Reply STOP to opt out."
    )
    form.get_by_role("button", name="Save template").click()
    expect(console.get_by_test_id("template-table")).to_contain_text("1 (GSM-7)")

    console.goto(f"{live_server.url}/campaigns/new/")
    create = console.get_by_test_id("campaign-form")
    create.get_by_label("Name", exact=True).fill("Texas trades")
    create.get_by_label("Template").select_option(label="Opener")
    create.get_by_label("Allow partial block").check()
    create.get_by_role("button", name="Create draft").click()
    expect(console.get_by_test_id("campaign-status")).to_have_attribute("data-status", "draft")

    console.get_by_role("button", name="Stage: let LUCI form the block").click()
    expect(console.get_by_test_id("campaign-status")).to_have_attribute("data-status", "staged")
    expect(console.get_by_test_id("preview")).to_contain_text("Reply STOP to opt out.")
    console.get_by_test_id("approve").click()
    expect(console.get_by_test_id("plan-people")).to_have_text("3")
    console.get_by_test_id("confirm").click()

    expect(console.get_by_test_id("approved-by")).to_have_text("olivia")
    expect(console.get_by_test_id("campaign-status")).to_have_attribute("data-status", "completed")
    expect(console.get_by_test_id("campaign-events")).to_contain_text("olivia")
