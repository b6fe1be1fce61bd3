"""Outcome metrics: exact counts and rates per campaign, variant, template and operator, in fixed queries."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from campaigns import services as campaign_services
from campaigns.models import CampaignLead
from campaigns.tests.factories import MessageTemplateFactory, textable_leads
from conftest import api_client_for
from inbox import metrics
from inbox.models import InboxItem
from inbox.services import inbox_item_close, inbox_item_reopen, inbox_item_reply, sandbox_reply
from messaging.models import Message, MessagingSettings
from messaging.tests.factories import sender_number_for

COUNT_KEYS = {"sent", "delivered", "failed", "replied", "positive", "opted_out", "wrong_number", "won", "lost"}


@pytest.fixture(autouse=True)
def _day(time_machine):
    time_machine.move_to("2026-12-01T17:00:00Z", tick=False)


def _campaign(team, operator, people: int, *, start: int = 10):
    MessagingSettings.objects.update_or_create(team=team, defaults={"quiet_start_hour": 0, "quiet_end_hour": 24})
    sender_number_for(team)
    textable_leads(team, people, start=start)
    a = MessageTemplateFactory(team=team, name=f"Short {start}")
    b = MessageTemplateFactory(team=team, name=f"Long {start}", body="Hello {first_name}! Reply STOP to opt out.")
    campaign = campaign_services.campaign_create(
        team=team, name=f"Spring {start}", template=a, variants=[b], allow_partial_block=True
    )
    campaign = campaign_services.campaign_stage(campaign=campaign)
    campaign_services.campaign_approve(campaign=campaign, user=operator)
    campaign.refresh_from_db()
    return campaign


def _reply(team, campaign, variant, index, text, **fields) -> InboxItem:
    cl = CampaignLead.objects.filter(campaign=campaign, variant=variant).order_by("phone_number")[index]
    item = sandbox_reply(team=team, from_number=cl.phone_number, text=text)
    InboxItem.objects.filter(pk=item.pk).update(**fields)
    item.refresh_from_db()
    return item


@pytest.fixture
def outcome(team, operator, time_machine):
    """Six people, A/B; texts: 6 sent, 2 of them delivered, 1 more failed; replies from four people."""
    campaign = _campaign(team, operator, 6)
    texts = list(Message.objects.filter(campaign=campaign).order_by("campaign_lead__variant", "to_number"))
    assert [m.status for m in texts] == ["sent"] * 6
    Message.objects.filter(pk__in=[texts[0].pk, texts[3].pk]).update(status="delivered", delivered_at=texts[0].sent_at)
    failed = Message.objects.create(
        team=team, direction="outbound", kind="campaign", status="failed", campaign=campaign,
        campaign_lead=CampaignLead.objects.get(pk=texts[1].campaign_lead_id), persona_id=texts[1].persona_id,
        from_number="5125550100", to_number=texts[1].to_number, body="x", provider="sandbox",
    )  # fmt: skip
    time_machine.move_to("2026-12-01T18:00:00Z", tick=False)  # an hour after the texts
    won = _reply(team, campaign, "A", 0, "Yes, call me", classification="interested")
    _reply(team, campaign, "A", 1, "STOP", classification="opt_out")
    _reply(team, campaign, "B", 0, "Wrong number", classification="wrong_number")
    time_machine.move_to("2026-12-01T20:00:00Z", tick=False)  # three hours after
    lost = _reply(team, campaign, "B", 1, "No thanks", classification="not_interested")
    inbox_item_close(item=won, user=operator, disposition="booked")
    inbox_item_close(item=lost, user=operator, disposition="not_interested")
    return campaign, failed


def test_the_campaign_counts_texts_once_each_and_people_once_each(outcome):
    campaign, _ = outcome

    figures = metrics.campaign_metrics(campaign=campaign)

    assert {k: figures[k] for k in COUNT_KEYS} == {
        "sent": 6, "delivered": 2, "failed": 1, "replied": 4, "positive": 1, "opted_out": 1, "wrong_number": 1,
        "won": 1, "lost": 1,
    }  # fmt: skip
    assert figures["contacted"] == 6
    assert figures["rates"] == {
        "delivery": round(2 / 6, 4), "failure": round(1 / 7, 4), "reply": round(4 / 6, 4), "positive": 0.25,
        "opt_out": round(1 / 6, 4), "wrong_number": round(1 / 6, 4), "win": 0.5,
    }  # fmt: skip
    assert figures["time_to_first_reply"] == {"median_seconds": 3600, "mean_seconds": 5400, "replies": 4}


def test_each_variant_has_the_same_figures(outcome):
    campaign, _ = outcome

    variants = {v["variant"]: v for v in metrics.campaign_metrics(campaign=campaign)["variants"]}

    assert set(variants) == {"A", "B"}
    a, b = variants["A"], variants["B"]
    assert (a["template_name"], b["template_name"]) == ("Short 10", "Long 10")
    assert {k: a[k] for k in COUNT_KEYS} == {"sent": 3, "delivered": 1, "failed": 1, "replied": 2, "positive": 1,
                                             "opted_out": 1, "wrong_number": 0, "won": 1, "lost": 0}  # fmt: skip
    assert {k: b[k] for k in COUNT_KEYS} == {"sent": 3, "delivered": 1, "failed": 0, "replied": 2, "positive": 0,
                                             "opted_out": 0, "wrong_number": 1, "won": 0, "lost": 1}  # fmt: skip
    assert a["time_to_first_reply"]["median_seconds"] == 3600
    assert b["time_to_first_reply"]["median_seconds"] == 7200  # one after 1 h, one after 3 h: 2 h


def test_the_api_returns_the_counts_under_the_agreed_keys(team, operator, outcome):
    campaign, _ = outcome

    body = api_client_for(operator).get(f"/api/v1/campaigns/{campaign.pk}/metrics/").json()

    assert COUNT_KEYS | {"rates", "variants"} <= set(body)
    assert (body["sent"], body["replied"], body["won"]) == (6, 4, 1)
    assert [v["variant"] for v in body["variants"]] == ["A", "B"]
    assert COUNT_KEYS | {"rates"} <= set(body["variants"][0])


def test_another_teams_campaign_has_no_metrics(outsider, outcome):
    campaign, _ = outcome
    assert api_client_for(outsider).get(f"/api/v1/campaigns/{campaign.pk}/metrics/").status_code == 404


def test_the_metrics_take_the_same_number_of_queries_for_2_or_12_people(team, other_team, operator, outsider):
    small = _campaign(team, operator, 2, start=10)
    large = _campaign(other_team, outsider, 12, start=40)
    for campaign, owner in ((small, team), (large, other_team)):
        for cl in CampaignLead.objects.filter(campaign=campaign)[:2]:
            sandbox_reply(team=owner, from_number=cl.phone_number, text="Yes please")

    with CaptureQueriesContext(connection) as few:
        metrics.campaign_metrics(campaign=small)
    with CaptureQueriesContext(connection) as many:
        metrics.campaign_metrics(campaign=large)

    assert len(few) == len(many) <= 8


def test_per_template_a_reply_counts_for_the_last_text_before_it(team, operator, outcome):
    rows = {row["template"].name: row for row in metrics.template_metrics(team=team)}

    assert (rows["Short 10"]["sent"], rows["Short 10"]["failed"], rows["Short 10"]["replied"]) == (3, 1, 2)
    assert (rows["Long 10"]["sent"], rows["Long 10"]["replied"], rows["Long 10"]["lost"]) == (3, 2, 1)


def test_per_operator_their_replies_and_the_conversations_they_closed(team, operator, outcome, time_machine):
    campaign, _ = outcome
    item = InboxItem.objects.filter(campaign=campaign, classification="wrong_number").get()
    time_machine.move_to("2026-12-01T18:30:00Z", tick=False)
    inbox_item_reopen(item=item, user=operator, reason="apologise")  # a wrong number closes by itself
    inbox_item_reply(item=item, user=operator, text="Sorry to bother you")

    (row,) = metrics.operator_metrics(team=team)

    assert row["operator"] == operator
    assert (row["sent"], row["closed"], row["won"], row["lost"]) == (1, 2, 1, 1)
    assert row["time_to_first_reply"]["median_seconds"] == 1800


def test_the_outcome_page_draws_the_chart_and_the_table_with_the_same_numbers(operator_client, outcome):
    campaign, _ = outcome

    page = operator_client.get(reverse("inbox:campaign-outcomes", args=[campaign.pk])).content.decode()

    assert 'data-testid="outcome-chart"' in page
    assert "<title>sent on Dec 1: 6</title>" in page
    assert "<title>replied on Dec 1: 4</title>" in page
    assert 'data-testid="figure-replied">4<' in page
    assert 'data-variant="A"' in page
    listing = operator_client.get(reverse("inbox:outcome-list")).content.decode()
    assert campaign.name in listing
    assert "Short 10" in listing


def test_the_results_export_is_one_row_per_person_and_step_and_formula_safe(team, operator_client, outcome):
    campaign, _ = outcome
    cl = CampaignLead.objects.filter(campaign=campaign).first()
    cl.lead.persona.__class__.objects.filter(pk=cl.persona_id).update(first_name="=HYPERLINK(1)")

    response = operator_client.get(reverse("inbox:campaign-results-export", args=[campaign.pk]))

    assert response.streaming
    rows = list(csv.reader(io.StringIO(b"".join(response).decode())))
    assert rows[0] == metrics.RESULTS_EXPORT_HEADER
    assert len(rows) == 1 + 6
    assert any(row[2].startswith("'=HYPERLINK") for row in rows[1:])
    replied = [row for row in rows[1:] if row[15] == "Yes, call me"]
    assert replied[0][16:] == ["interested", "booked"]
