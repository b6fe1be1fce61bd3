"""Campaign control: edit until approved, A/B variants split evenly, scheduled start, confirmation pages."""

from datetime import UTC, datetime

import pytest
from django.db.models import Count
from django.urls import reverse
from django_q.models import Schedule

from campaigns import services
from campaigns.models import Campaign, CampaignEvent, CampaignLead, CampaignVariant
from conftest import api_client_for
from messaging.models import Message, MessagingSettings
from messaging.services import suppression_add
from usdatabiz.core.errors import DomainError

from .factories import MessageTemplateFactory, textable_leads

DAY = "2026-12-01T17:00:00Z"  # 11:00 in Austin
NIGHT = "2026-12-02T05:00:00Z"  # 23:00 in Austin


@pytest.fixture(autouse=True)
def _daytime(time_machine):
    time_machine.move_to(DAY)


@pytest.fixture
def texts(team):
    return [MessageTemplateFactory(team=team, name=f"Text {x}", body=f"Hi {{first_name}}, {x}. Reply STOP to opt out.")
            for x in "ABCDE"]  # fmt: skip


def _draft(team, texts, **kwargs):
    return services.campaign_create(team=team, name="Spring", template=texts[0], allow_partial_block=True, **kwargs)


# -- editing ---------------------------------------------------------------------------------------------------------


def test_an_operator_edits_a_draft_on_its_page(operator_client, team, texts):
    campaign = _draft(team, texts)
    page = operator_client.get(reverse("campaigns:campaign-edit", args=[campaign.pk]))
    assert 'value="Spring"' in page.content.decode()

    response = operator_client.post(
        reverse("campaigns:campaign-edit", args=[campaign.pk]),
        {"name": "Summer", "template": texts[1].pk, "variant_b": texts[2].pk, "state": "Texas", "min_score": "10",
         "block_size": "500", "scheduled_zone": "UTC", "step_1_days": "3", "step_1_template": texts[3].pk},
    )  # fmt: skip

    assert response.status_code == 302
    campaign.refresh_from_db()
    assert (campaign.name, campaign.template, campaign.block_size) == ("Summer", texts[1], 500)
    assert campaign.criteria == {"state": "TX", "min_score": 10}
    assert [(label, t.pk) for label, t in campaign.variant_templates()] == [("A", texts[1].pk), ("B", texts[2].pk)]
    assert [(s.number, s.delay_days, s.template_id) for s in campaign.steps.all()] == [(1, 3, texts[3].pk)]
    assert campaign.events.last().note.startswith("edited by olivia: name, template, criteria, block size")


def test_a_bad_filter_or_block_size_is_named_on_the_edit_page_and_nothing_changes(operator_client, team, texts):
    campaign = _draft(team, texts)
    url = reverse("campaigns:campaign-edit", args=[campaign.pk])

    bad_state = operator_client.post(url, {"name": "X", "template": texts[0].pk, "state": "Texass", "block_size": "5"})
    half_step = operator_client.post(url, {"name": "X", "template": texts[0].pk, "block_size": "5", "step_1_days": "2"})

    assert bad_state.status_code == 400
    assert "INVALID_CRITERIA: state: Unknown state &#x27;Texass&#x27;" in bad_state.content.decode()
    assert half_step.status_code == 400
    assert "Give both the days and the text." in half_step.content.decode()
    campaign.refresh_from_db()
    assert (campaign.name, campaign.block_size) == ("Spring", 2000)


def test_editing_what_forms_the_block_sends_a_staged_campaign_back_to_draft(team, operator, texts):
    textable_leads(team, 3)
    campaign = services.campaign_stage(campaign=_draft(team, texts))
    assert campaign.status == "staged"

    services.campaign_update(campaign=campaign, user=operator, name="Renamed")
    assert campaign.status == "staged"  # the name does not change what is sent
    services.campaign_update(campaign=campaign, user=operator, template=texts[1])

    assert (campaign.status, campaign.lead_block_id) == ("draft", None)
    assert CampaignLead.objects.filter(campaign=campaign).count() == 0
    notes = list(campaign.events.values_list("from_status", "to_status", "note"))
    assert notes[-2] == ("staged", "staged", "edited by olivia: name")
    assert notes[-1] == ("staged", "draft", "edited by olivia: template; stage it again")


def test_an_approved_campaign_is_not_editable_anywhere(team, operator, operator_client, texts):
    textable_leads(team, 2)
    campaign = services.campaign_stage(campaign=_draft(team, texts))
    services.campaign_approve(campaign=campaign, user=operator)

    with pytest.raises(DomainError) as refused:
        services.campaign_update(campaign=campaign, user=operator, name="Late")
    page = operator_client.get(reverse("campaigns:campaign-edit", args=[campaign.pk]), follow=True)
    api = api_client_for(operator).patch(f"/api/v1/campaigns/{campaign.pk}/", {"name": "Late"}, format="json")

    assert refused.value.code == "NOT_EDITABLE"
    assert "NOT_EDITABLE" in page.content.decode()
    assert (api.status_code, api.json()["code"]) == (409, "NOT_EDITABLE")
    assert Campaign.objects.get(pk=campaign.pk).name == "Spring"


def test_the_api_edits_a_draft_with_variants_steps_and_a_schedule(team, operator, texts):
    campaign = _draft(team, texts)
    api = api_client_for(operator)

    response = api.patch(
        f"/api/v1/campaigns/{campaign.pk}/",
        {"variants": [texts[1].pk, texts[2].pk], "steps": [{"delay_days": 2, "template": texts[3].pk}],
         "scheduled_at": "2026-12-05T15:00:00Z", "criteria": {"state": "Oklahoma"}},
        format="json",
    )  # fmt: skip

    assert response.status_code == 200, response.content
    body = response.json()
    assert [v["label"] for v in body["variants"]] == ["A", "B", "C"]
    assert body["steps"][0]["delay_days"] == 2
    assert body["criteria"] == {"state": "OK"}
    assert body["scheduled_at"] == "2026-12-05T15:00:00Z"
    bad = api.patch(f"/api/v1/campaigns/{campaign.pk}/", {"criteria": {"min_score": "abc"}}, format="json")
    assert (bad.status_code, bad.json()["code"], bad.json()["field"]) == (400, "INVALID_CRITERIA", "min_score")


# -- variants --------------------------------------------------------------------------------------------------------


def test_variants_are_split_evenly_recorded_per_lead_and_sent_with_their_text(team, operator, texts):
    MessagingSettings.objects.update_or_create(team=team, defaults={"quiet_start_hour": 0, "quiet_end_hour": 24})
    textable_leads(team, 10)
    campaign = services.campaign_stage(campaign=_draft(team, texts, variants=[texts[1], texts[2]]))

    split = dict(CampaignLead.objects.filter(campaign=campaign).values_list("variant").annotate(n=Count("id")))
    services.campaign_approve(campaign=campaign, user=operator)

    assert split == {"A": 4, "B": 3, "C": 3}
    for cl in CampaignLead.objects.filter(campaign=campaign).select_related("template"):
        message = Message.objects.get(campaign_lead=cl)
        assert cl.template == dict(campaign.variant_templates())[cl.variant]
        assert f", {cl.variant}." in message.body
        assert message.metadata["campaignContext"]["variant"] == cl.variant
        assert message.metadata["templateId"] == cl.template_id


@pytest.mark.parametrize(
    ("variants", "message"),
    [
        (lambda t: t[1:5], "at most 4 texts"),
        (lambda t: [t[0]], "Each variant uses a different template."),
        (lambda t: [t[1], t[1]], "Each variant uses a different template."),
    ],
)
def test_variants_are_checked(team, texts, variants, message):
    with pytest.raises(DomainError) as refused:
        _draft(team, texts, variants=variants(texts))
    assert (refused.value.code, message in refused.value.message) == ("INVALID_VARIANTS", True)
    assert not CampaignVariant.objects.exists()


def test_another_teams_template_cannot_be_a_variant(team, other_team, texts):
    with pytest.raises(DomainError) as refused:
        _draft(team, texts, variants=[MessageTemplateFactory(team=other_team)])
    assert refused.value.code == "INVALID_VARIANTS"


# -- scheduled start -------------------------------------------------------------------------------------------------


def test_a_scheduled_campaign_waits_for_its_start_then_sends(team, operator, texts, time_machine):
    MessagingSettings.objects.update_or_create(team=team, defaults={"quiet_start_hour": 0, "quiet_end_hour": 24})
    textable_leads(team, 2, start=10)
    start = datetime(2026, 12, 3, 15, 0, tzinfo=UTC)
    campaign = services.campaign_stage(campaign=_draft(team, texts, scheduled_at=start))

    services.campaign_approve(campaign=campaign, user=operator)

    campaign.refresh_from_db()
    assert campaign.status == "approved"
    assert not Message.objects.filter(campaign=campaign).exists()
    schedule = Schedule.objects.get(name=f"start {campaign.pk}")
    assert (schedule.func, schedule.next_run) == ("messaging.tasks.campaign_sending_start_task", start)

    time_machine.move_to("2026-12-03T15:00:01Z")
    from messaging.tasks import campaign_sending_start_task

    campaign_sending_start_task(campaign.pk)
    assert Message.objects.filter(campaign=campaign, status="sent").count() == 2


def test_a_start_in_the_past_is_refused(team, texts):
    with pytest.raises(DomainError) as refused:
        _draft(team, texts, scheduled_at=datetime(2026, 11, 30, tzinfo=UTC))
    assert refused.value.code == "INVALID_SCHEDULE"


# -- the confirmation pages ------------------------------------------------------------------------------------------


@pytest.fixture
def staged(team, texts):
    textable_leads(team, 3)  # Austin, TX: America/Chicago
    return services.campaign_stage(campaign=_draft(team, texts))


def test_approval_asks_first_and_says_how_many_from_which_number_and_when(operator_client, team, staged, time_machine):
    time_machine.move_to(NIGHT)
    suppression_add(
        team=team, number=CampaignLead.objects.filter(campaign=staged).first().phone_number, reason="manual"
    )
    url = reverse("messaging:campaign-approve", args=[staged.pk])

    page = operator_client.get(url).content.decode()

    staged.refresh_from_db()
    assert staged.status == "staged"  # asking changes nothing
    assert 'data-testid="plan-people">2</b>' in page
    assert 'data-testid="plan-suppressed">1</span>' in page
    assert 'data-testid="plan-sender">(512) 555-0100</b>' in page
    # 23:00 in Austin: the first texts wait for 8 am there, which is 9 am on the operator's clock (New York)
    assert (
        'data-clock="recipient">Dec 2, 8:00 AM CST</b> on the recipient\'s clock (Dec 2, 9:00 AM EST on yours)' in page
    )
    assert "America/Chicago" in page

    operator_client.post(url, {"note": "go"})
    staged.refresh_from_db()
    assert (staged.status, staged.approved_by.username) in {("sending", "olivia"), ("approved", "olivia")}
    assert not Message.objects.filter(campaign=staged, status="sent").exists()  # night in Texas: nobody yet


def test_the_plan_of_a_scheduled_campaign_starts_at_its_schedule(operator_client, team, texts, time_machine):
    time_machine.move_to("2026-12-01T12:00:00Z")
    textable_leads(team, 1)
    campaign = services.campaign_stage(
        campaign=_draft(team, texts, scheduled_at=datetime(2026, 12, 4, 12, 30, tzinfo=UTC))
    )
    page = operator_client.get(reverse("messaging:campaign-approve", args=[campaign.pk])).content.decode()
    assert "Dec 4, 7:30 AM EST</b> (the scheduled start)" in page  # 12:30 UTC on the operator's clock
    assert "Dec 4, 8:00 AM CST" in page  # 06:30 in Austin at the start: they wait for 8 am


def test_cancel_asks_first_and_says_who_will_not_be_texted(operator_client, staged):
    url = reverse("messaging:campaign-cancel", args=[staged.pk])
    page = operator_client.get(url).content.decode()
    assert 'data-testid="cancel-waiting">3</b> people waiting will not be texted' in page

    operator_client.post(url)
    staged.refresh_from_db()
    assert staged.status == "cancelled"


def test_send_back_needs_a_note_on_its_page(operator_client, staged):
    url = reverse("messaging:campaign-send-back", args=[staged.pk])
    refused = operator_client.post(url, {"note": ""})
    assert refused.status_code == 400
    assert "NOTE_REQUIRED" in refused.content.decode()
    operator_client.post(url, {"note": "wrong list"})
    staged.refresh_from_db()
    assert staged.status == "draft"


def test_the_detail_page_links_to_the_confirmations_not_to_one_click_actions(operator_client, staged):
    page = operator_client.get(staged.get_absolute_url()).content.decode()
    assert reverse("messaging:campaign-approve", args=[staged.pk]) in page
    assert reverse("messaging:campaign-cancel", args=[staged.pk]) in page
    assert reverse("campaigns:campaign-edit", args=[staged.pk]) in page
    assert CampaignEvent.objects.filter(campaign=staged, to_status="approved").count() == 0
