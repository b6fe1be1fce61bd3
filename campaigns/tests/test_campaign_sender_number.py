"""A campaign's sender number: editable until approval, one of the team's active numbers (blank: the team's rule),
named on the approval page, used by every send; from the page, the API and the admin, never another team's."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from campaigns import services
from campaigns.models import Campaign
from conftest import api_client_for
from messaging import services as messaging
from messaging.models import Message, SenderNumber
from messaging.sms import SandboxSms
from messaging.tests.factories import sender_number_for
from usdatabiz.core.errors import DomainError
from usdatabiz.core.models import Membership
from usdatabiz.core.tests.factories import MembershipFactory, UserFactory

from .factories import MessageTemplateFactory, textable_leads

SECOND = "5125550177"
THEIRS = "3125550100"


@pytest.fixture(autouse=True)
def _daytime(time_machine):
    time_machine.move_to("2026-12-01T17:00:00Z")  # 11:00 in Austin


@pytest.fixture
def text(team):
    return MessageTemplateFactory(team=team, name="Opener", body="Hi {first_name}. Reply STOP to opt out.")


@pytest.fixture
def second(team):
    return sender_number_for(team, SECOND)


@pytest.fixture
def theirs(other_team):
    return SenderNumber.objects.get(team=other_team, number=THEIRS)


def _draft(team, text, **kwargs):
    return services.campaign_create(team=team, name="Spring", template=text, allow_partial_block=True, **kwargs)


def test_sends_leave_from_the_campaigns_number_and_the_approval_page_names_it(
    operator, operator_client, team, text, second
):
    textable_leads(team, 3)
    campaign = services.campaign_stage(campaign=_draft(team, text, sender_number=second))

    page = operator_client.get(reverse("messaging:campaign-approve", args=[campaign.pk])).content.decode()
    assert 'data-testid="plan-sender">(512) 555-0177 (this campaign&#x27;s number)</b>' in page

    services.campaign_approve(campaign=campaign, user=operator)
    messaging.campaign_send_slice(campaign_id=campaign.pk, provider=SandboxSms())
    sent = Message.objects.filter(campaign=campaign, direction="outbound")
    assert sent.count() == 3
    assert set(sent.values_list("from_number", flat=True)) == {SECOND}


def test_without_a_number_the_teams_rule_applies(operator, team, text, second):
    textable_leads(team, 3)
    campaign = services.campaign_stage(campaign=_draft(team, text))
    services.campaign_approve(campaign=campaign, user=operator)
    messaging.campaign_send_slice(campaign_id=campaign.pk, provider=SandboxSms())

    numbers = set(Message.objects.filter(campaign=campaign).values_list("from_number", flat=True))
    assert numbers <= {"5125550100", SECOND}
    assert numbers  # sent, from the team's active numbers


def test_a_number_retired_after_approval_sends_nothing_from_another(operator, team, text, second):
    textable_leads(team, 2)
    campaign = services.campaign_stage(campaign=_draft(team, text, sender_number=second))
    SenderNumber.objects.filter(pk=second.pk).update(status=SenderNumber.Status.RETIRED)  # after it was chosen

    services.campaign_approve(campaign=campaign, user=operator)  # sending starts (tasks run inline in tests)
    messaging.campaign_send_slice(campaign_id=campaign.pk, provider=SandboxSms())

    assert not Message.objects.filter(campaign=campaign).exists()
    campaign.refresh_from_db()
    assert campaign.status == "paused"
    assert "NO_SENDER_NUMBER" in campaign.status_note


def test_the_edit_page_offers_only_the_teams_active_numbers_and_saves_the_choice(
    operator_client, team, text, second, theirs
):
    campaign = _draft(team, text)
    retired = sender_number_for(team, "5125550178", status=SenderNumber.Status.RETIRED)
    url = reverse("campaigns:campaign-edit", args=[campaign.pk])

    page = operator_client.get(url).content.decode()
    assert f'value="{second.pk}"' in page
    assert f'value="{retired.pk}"' not in page
    assert f'value="{theirs.pk}"' not in page

    form = {"name": "Spring", "template": text.pk, "block_size": "2000", "scheduled_zone": "UTC"}
    refused = operator_client.post(url, {**form, "sender_number": theirs.pk})
    assert refused.status_code == 400
    assert Campaign.objects.get(pk=campaign.pk).sender_number_id is None

    saved = operator_client.post(url, {**form, "sender_number": second.pk})
    assert saved.status_code == 302
    assert Campaign.objects.get(pk=campaign.pk).sender_number_id == second.pk
    detail = operator_client.get(reverse("campaigns:campaign-detail", args=[campaign.pk])).content.decode()
    assert 'data-testid="campaign-sender-number">(512) 555-0177<' in detail


def test_the_api_sets_and_clears_it_and_refuses_another_teams_or_a_retired_number(operator, team, text, second, theirs):
    campaign = _draft(team, text)
    retired = sender_number_for(team, "5125550178", status=SenderNumber.Status.RETIRED)
    api = api_client_for(operator)
    url = f"/api/v1/campaigns/{campaign.pk}/"

    set_it = api.patch(url, {"sender_number": second.pk}, format="json")
    assert (set_it.status_code, set_it.json()["sender_number"]) == (200, second.pk)
    for number in (theirs, retired):
        refused = api.patch(url, {"sender_number": number.pk}, format="json")
        assert refused.status_code == 400, refused.content
    assert Campaign.objects.get(pk=campaign.pk).sender_number_id == second.pk
    cleared = api.patch(url, {"sender_number": None}, format="json")
    assert (cleared.status_code, cleared.json()["sender_number"]) == (200, None)
    created = api.post(
        "/api/v1/campaigns/", {"name": "B", "template": text.pk, "sender_number": theirs.pk}, format="json"
    )
    assert created.status_code == 400
    assert not Campaign.objects.filter(name="B").exists()


def test_the_services_refuse_another_teams_or_an_inactive_number_and_after_approval(
    operator, team, text, second, theirs
):
    with pytest.raises(DomainError) as foreign:
        _draft(team, text, sender_number=theirs)
    assert (foreign.value.code, foreign.value.http_status) == ("SENDER_NUMBER_INVALID", 404)
    pending = sender_number_for(team, "5125550179", status=SenderNumber.Status.PENDING)
    campaign = _draft(team, text)
    with pytest.raises(DomainError) as inactive:
        services.campaign_update(campaign=campaign, user=operator, sender_number=pending)
    assert inactive.value.code == "SENDER_NUMBER_INVALID"

    textable_leads(team, 1)
    campaign = services.campaign_stage(campaign=services.campaign_update(campaign=campaign, user=operator,
                                                                         sender_number=second))  # fmt: skip
    services.campaign_approve(campaign=campaign, user=operator)
    with pytest.raises(DomainError) as late:
        services.campaign_update(campaign=campaign, user=operator, sender_number=None)
    assert late.value.code == "NOT_EDITABLE"
    assert Campaign.objects.get(pk=campaign.pk).sender_number_id == second.pk


def test_changing_the_number_of_a_staged_campaign_returns_it_to_draft(operator, team, text, second):
    textable_leads(team, 2)
    campaign = services.campaign_stage(campaign=_draft(team, text))

    services.campaign_update(campaign=campaign, user=operator, sender_number=second)

    campaign.refresh_from_db()
    assert (campaign.status, campaign.lead_block_id) == ("draft", None)


def test_the_admin_offers_only_the_campaigns_team_numbers_and_refuses_another(client, team, other_team, text, second,
                                                                             theirs):  # fmt: skip
    staff = UserFactory(username="staff-both", is_staff=True)
    for each in (team, other_team):
        MembershipFactory(team=each, user=staff, role=Membership.Role.ADMIN)
    staff.user_permissions.add(*Permission.objects.filter(content_type__app_label="campaigns"))
    client.force_login(staff)
    campaign = _draft(team, text)
    url = reverse("admin:campaigns_campaign_change", args=[campaign.pk])

    page = client.get(url).content.decode()
    assert f'value="{second.pk}"' in page
    assert f'value="{theirs.pk}"' not in page  # a staff member of both teams: still only this campaign's team

    form = {"name": "Spring", "team": team.pk, "template": text.pk, "criteria": "{}", "block_size": "2000",
            "correlation_id": campaign.correlation_id, "campaignevent_set-TOTAL_FORMS": "0",
            "campaignevent_set-INITIAL_FORMS": "0", "events-TOTAL_FORMS": "0", "events-INITIAL_FORMS": "0"}  # fmt: skip
    client.post(url, {**form, "sender_number": theirs.pk})
    assert Campaign.objects.get(pk=campaign.pk).sender_number_id is None
    client.post(url, {**form, "sender_number": second.pk})
    assert Campaign.objects.get(pk=campaign.pk).sender_number_id == second.pk


def test_another_teams_member_cannot_see_or_change_it(outsider_client, outsider, team, text, second):
    campaign = _draft(team, text, sender_number=second)

    assert outsider_client.get(reverse("campaigns:campaign-edit", args=[campaign.pk])).status_code == 404
    api = api_client_for(outsider).patch(f"/api/v1/campaigns/{campaign.pk}/", {"sender_number": None}, format="json")
    assert api.status_code == 404
    assert Campaign.objects.get(pk=campaign.pk).sender_number_id == second.pk
