"""Stage 6 pages, API and admin: create, stage, approve (the gate), send back; templates with their checks."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from campaigns import services
from campaigns.models import Campaign, CampaignLead, MessageTemplate
from conftest import api_client_for
from usdatabiz.core.models import Membership
from usdatabiz.core.tests.factories import MembershipFactory, UserFactory

from .factories import MessageTemplateFactory, textable_leads


@pytest.fixture(autouse=True)
def _daytime_in_texas(time_machine):
    """Approval starts sending at once (tasks run inline in tests): pin the clock inside TX sending hours."""
    time_machine.move_to("2026-12-01T17:00:00Z")  # 11:00 in Austin


@pytest.fixture
def template(team):
    return MessageTemplateFactory(team=team, name="Opener")


@pytest.fixture
def staged(team, template):
    textable_leads(team, 3)
    campaign = services.campaign_create(team=team, name="Spring", template=template, allow_partial_block=True)
    return services.campaign_stage(campaign=campaign)


def test_an_operator_creates_stages_and_approves_a_campaign_on_the_pages(operator_client, operator, team, template):
    textable_leads(team, 3)

    created = operator_client.post(
        reverse("campaigns:campaign-create"),
        {"name": "Spring", "template": template.pk, "block_size": 2, "min_score": "", "sender_name": "Sam"},
    )
    campaign = Campaign.objects.get(team=team)
    assert created.url == campaign.get_absolute_url()
    assert campaign.status == "draft"

    operator_client.post(reverse("campaigns:campaign-stage", args=[campaign.pk]))
    page = operator_client.get(campaign.get_absolute_url()).content.decode()
    assert "Staged (awaiting approval)" in page
    assert 'data-testid="preview"' in page
    assert "Hi First" in page
    assert "this is Sam" in page
    assert "Approve and send" in page

    operator_client.post(reverse("messaging:campaign-approve", args=[campaign.pk]), {"note": "ok"})
    campaign.refresh_from_db()
    assert (campaign.status, campaign.approved_by) == ("completed", operator)  # the sandbox sent both openers
    page = operator_client.get(campaign.get_absolute_url()).content.decode()
    assert f'data-testid="approved-by">{operator.username}<' in page


def test_a_staging_failure_is_named_on_the_page(operator_client, team, template):
    campaign = services.campaign_create(team=team, name="Empty", template=template)

    response = operator_client.post(reverse("campaigns:campaign-stage", args=[campaign.pk]), follow=True)

    page = response.content.decode()
    assert "INSUFFICIENT_LEADS" in page
    assert 'data-testid="campaign-error"' in page


def test_the_create_form_names_bad_input_and_creates_nothing(operator_client, team, other_team):
    theirs = MessageTemplateFactory(team=other_team)

    response = operator_client.post(
        reverse("campaigns:campaign-create"), {"name": "", "template": theirs.pk, "block_size": 2001}
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert page.count('data-testid="field-error"') == 3  # name, someone else's template, block over 2,000
    assert not Campaign.objects.exists()


def test_a_viewer_sees_a_campaign_but_no_actions(client, viewer, staged):
    client.force_login(viewer)
    page = client.get(staged.get_absolute_url()).content.decode()
    assert "Staged (awaiting approval)" in page
    assert 'data-testid="campaign-actions"' not in page
    assert client.post(reverse("messaging:campaign-approve", args=[staged.pk])).status_code == 403
    staged.refresh_from_db()
    assert staged.status == "staged"


def test_send_back_without_a_note_is_refused_on_the_page(operator_client, staged):
    response = operator_client.post(
        reverse("messaging:campaign-send-back", args=[staged.pk]), {"note": ""}, follow=True
    )
    assert b"NOTE_REQUIRED" in response.content
    staged.refresh_from_db()
    assert staged.status == "staged"


def test_the_api_runs_the_whole_stage(team, operator, template):
    textable_leads(team, 3)
    api = api_client_for(operator)

    created = api.post("/api/v1/campaigns/", {"name": "API", "template": template.pk, "block_size": 2}, format="json")
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert created.json()["status"] == "draft"

    staged = api.post(f"/api/v1/campaigns/{pk}/stage/")
    assert staged.status_code == 200
    assert staged.json()["lead_block"]["lead_count"] == 2
    leads = api.get(f"/api/v1/campaigns/{pk}/leads/").json()
    assert leads["count"] == 2
    assert all(row["phone_number"].startswith("512555") for row in leads["results"])

    approved = api.post(f"/api/v1/campaigns/{pk}/approve/", {"note": "fine"}, format="json")
    assert approved.status_code == 200
    assert (approved.json()["status"], approved.json()["approved_by"]) == ("completed", operator.username)
    events = api.get(f"/api/v1/campaigns/{pk}/events/").json()
    assert [(e["to_status"], e["actor_label"]) for e in events] == [
        ("draft", operator.username),
        ("staged", operator.username),
        ("approved", operator.username),
        ("sending", "SYSTEM"),
        ("completed", "SYSTEM"),
    ]


def test_the_api_cannot_set_a_status_or_approver_directly(team, operator, template):
    api = api_client_for(operator)
    created = api.post(
        "/api/v1/campaigns/",
        {"name": "Sneaky", "template": template.pk, "status": "approved", "approved_by": operator.pk},
        format="json",
    )
    assert created.status_code == 201
    campaign = Campaign.objects.get(pk=created.json()["id"])
    assert (campaign.status, campaign.approved_by) == ("draft", None)
    patched = api.patch(
        f"/api/v1/campaigns/{campaign.pk}/", {"status": "approved", "approved_by": operator.pk}, format="json"
    )
    campaign.refresh_from_db()
    assert patched.status_code == 200
    assert (campaign.status, campaign.approved_by, patched.json()["status"]) == ("draft", None, "draft")


def test_the_api_names_staging_failures_and_refuses_illegal_moves(team, operator, template):
    api = api_client_for(operator)
    campaign = services.campaign_create(team=team, name="Empty", template=template)

    staged = api.post(f"/api/v1/campaigns/{campaign.pk}/stage/")
    approve = api.post(f"/api/v1/campaigns/{campaign.pk}/approve/")

    assert (staged.status_code, staged.json()["code"]) == (409, "INSUFFICIENT_LEADS")
    assert (approve.status_code, approve.json()["code"]) == (409, "ILLEGAL_TRANSITION")


def test_a_viewer_token_cannot_approve(team, viewer, staged):
    response = api_client_for(viewer).post(f"/api/v1/campaigns/{staged.pk}/approve/")
    assert response.status_code == 403
    staged.refresh_from_db()
    assert (staged.status, staged.approved_by) == ("staged", None)


def _staff(team, role):
    staff = UserFactory(username=f"staff-{role}", is_staff=True)
    if role:
        MembershipFactory(team=team, user=staff, role=role)
    staff.user_permissions.add(*Permission.objects.filter(content_type__app_label="campaigns"))
    return staff


def test_the_admin_approves_only_through_the_gate(client, team, staged):
    superuser = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(superuser)
    url = reverse("admin:campaigns_campaign_changelist")

    client.post(url, {"action": "approve_selected", "_selected_action": [staged.pk]}, follow=True)
    staged.refresh_from_db()
    assert staged.status == "staged"  # a superuser who is not in the team is not a named approver of it

    operator_staff = _staff(team, Membership.Role.OPERATOR)
    client.force_login(operator_staff)
    response = client.post(url, {"action": "approve_selected", "_selected_action": [staged.pk]}, follow=True)
    assert b"approved" in response.content
    staged.refresh_from_db()
    assert (staged.status, staged.approved_by) == ("completed", operator_staff)


def test_the_admin_cannot_edit_status_or_approval(client, team, staged):
    staff = _staff(team, Membership.Role.ADMIN)
    client.force_login(staff)
    change = reverse("admin:campaigns_campaign_change", args=[staged.pk])
    response = client.post(
        change,
        {"team": team.pk, "name": "Renamed", "template": staged.template_id, "status": "approved",
         "approved_by": staff.pk, "criteria": "{}", "block_size": 2000, "events-TOTAL_FORMS": 0,
         "events-INITIAL_FORMS": 0},
    )  # fmt: skip
    assert response.status_code == 302, response.context["adminform"].form.errors
    staged.refresh_from_db()
    assert (staged.name, staged.status, staged.approved_by) == ("Renamed", "staged", None)
    assert client.get(reverse("admin:campaigns_campaign_add")).status_code == 403


def test_admin_lists_are_scoped_to_the_staff_users_teams(client, team, other_team, staged):
    textable_leads(other_team, 1)
    theirs = services.campaign_stage(
        campaign=services.campaign_create(
            team=other_team, name="Theirs", template=MessageTemplateFactory(team=other_team), allow_partial_block=True
        )
    )
    client.force_login(_staff(team, Membership.Role.ADMIN))
    for model, mine, other in [
        ("campaign", staged.pk, theirs.pk),
        ("leadblock", staged.lead_block_id, theirs.lead_block_id),
        (
            "campaignlead",
            CampaignLead.objects.filter(campaign=staged).first().pk,
            CampaignLead.objects.get(campaign=theirs).pk,
        ),
        ("messagetemplate", staged.template_id, theirs.template_id),
    ]:
        page = client.get(reverse(f"admin:campaigns_{model}_changelist")).content.decode()
        assert mine in page, model
        assert other not in page, model


def test_templates_page_shows_parts_and_names_bad_text(operator_client, team):
    bad = operator_client.post(
        reverse("campaigns:template-list"), {"name": "No stop", "body": "Hi {first_name}!", "worker": "GIANNA"}
    )
    assert bad.status_code == 400
    assert "opt out" in bad.content.decode()
    assert not MessageTemplate.objects.exists()

    operator_client.post(
        reverse("campaigns:template-list"),
        {"name": "Curly", "body": "Hi {first_name}, we’re local. Reply STOP to opt out.", "worker": "GIANNA"},
    )
    template = MessageTemplate.objects.get(team=team)
    page = operator_client.get(reverse("campaigns:template-edit", args=[template.pk])).content.decode()
    assert "1 SMS part" in page
    assert "UCS-2 because of" in page
    assert "’" in page


def test_the_templates_api_checks_text(team, operator):
    api = api_client_for(operator)
    bad = api.post("/api/v1/templates/", {"name": "x", "body": "Hello {firstname}"}, format="json")
    assert bad.status_code == 400
    assert "body" in bad.json()
    good = api.post("/api/v1/templates/", {"name": "x", "body": "Hello. Reply STOP to opt out."}, format="json")
    assert good.status_code == 201
    pk = good.json()["id"]
    patched = api.patch(f"/api/v1/templates/{pk}/", {"body": "Hello {first_name}!"}, format="json")
    assert patched.status_code == 400
    assert MessageTemplate.objects.get(pk=pk).body == "Hello. Reply STOP to opt out."


def test_a_sending_campaign_refreshes_its_status_card(operator_client, team, staged, operator):
    from campaigns.services import campaign_transition

    campaign_transition(campaign=staged, to="approved", actor=operator, approved_by=operator)
    campaign_transition(campaign=staged, to="sending", actor="SYSTEM")

    page = operator_client.get(staged.get_absolute_url()).content.decode()
    fragment = operator_client.get(staged.get_absolute_url(), HTTP_HX_REQUEST="true").content.decode()

    assert 'hx-trigger="every 3s"' in page
    assert 'data-status="sending"' in fragment
    assert "<html" not in fragment
    assert "waiting to send" in fragment
