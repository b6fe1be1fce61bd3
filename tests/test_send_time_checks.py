"""The send-time checks hold from every entry point that can make a text leave: page, API, admin, task.

Each case stages a campaign of three, opts one person out (or makes it night in Texas) after the block was
formed, then starts the sends through one entry point. The opted-out number gets no text; at night nobody
does. The sandbox provider records nothing it was not asked to send, so "blocked" means never sent.
"""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from campaigns import services as campaign_services
from campaigns.models import Campaign, CampaignLead
from campaigns.tests.factories import MessageTemplateFactory, textable_leads
from conftest import api_client_for
from messaging import services as messaging
from messaging.models import Message
from messaging.tests.factories import sender_number_for
from usdatabiz.core.models import Membership
from usdatabiz.core.tests.factories import MembershipFactory, UserFactory

DAY, NIGHT = "2026-12-01T17:00:00Z", "2026-12-02T05:00:00Z"  # 11:00 and 23:00 in Austin


@pytest.fixture
def staged(team):
    sender_number_for(team)
    textable_leads(team, 3, start=10)
    campaign = campaign_services.campaign_create(
        team=team, name="Checks", template=MessageTemplateFactory(team=team), allow_partial_block=True
    )
    return campaign_services.campaign_stage(campaign=campaign)


def _approve_on_the_page(client, operator, campaign):
    client.force_login(operator)
    client.post(reverse("messaging:campaign-approve", args=[campaign.pk]))


def _approve_by_api(client, operator, campaign):
    api_client_for(operator).post(f"/api/v1/campaigns/{campaign.pk}/approve/")


def _approve_in_the_admin(client, operator, campaign):
    staff = UserFactory(username="staff-op", is_staff=True)
    MembershipFactory(team=campaign.team, user=staff, role=Membership.Role.OPERATOR)
    staff.user_permissions.add(*Permission.objects.filter(content_type__app_label="campaigns"))
    client.force_login(staff)
    client.post(
        reverse("admin:campaigns_campaign_changelist"),
        {"action": "approve_selected", "_selected_action": [campaign.pk]},
    )


def _approve_then_run_the_task(client, operator, campaign):
    from messaging.tasks import campaign_send_slice_task

    campaign_services.campaign_transition(
        campaign=campaign, to=Campaign.Status.APPROVED, actor=operator, approved_by=operator
    )
    campaign_services.campaign_transition(campaign=campaign, to=Campaign.Status.SENDING, actor="SYSTEM")
    campaign_send_slice_task(campaign.pk)


ENTRY_POINTS = [_approve_on_the_page, _approve_by_api, _approve_in_the_admin, _approve_then_run_the_task]


@pytest.mark.parametrize("start", ENTRY_POINTS, ids=["page", "api", "admin", "task"])
def test_an_opt_out_after_staging_is_never_texted(client, operator, team, staged, start, time_machine):
    time_machine.move_to(DAY)
    out = CampaignLead.objects.filter(campaign=staged).order_by("pk").first()
    messaging.suppression_add(team=team, number=out.phone_number, reason="opt_out")

    start(client, operator, staged)

    assert not Message.objects.filter(to_number=out.phone_number, status__in=["sent", "delivered", "sending"]).exists()
    assert Message.objects.get(to_number=out.phone_number).error_code == "OPTED_OUT"
    others = Message.objects.filter(campaign=staged).exclude(to_number=out.phone_number)
    assert others.count() == 2
    assert set(others.values_list("status", flat=True)) <= {"sent", "blocked"}  # the sandbox may call one a landline


@pytest.mark.parametrize("start", ENTRY_POINTS, ids=["page", "api", "admin", "task"])
def test_at_night_in_texas_nothing_leaves(client, operator, team, staged, start, time_machine):
    time_machine.move_to(NIGHT)

    start(client, operator, staged)

    assert not Message.objects.filter(campaign=staged).exists()
    assert set(CampaignLead.objects.filter(campaign=staged).values_list("skip_code", flat=True)) == {"QUIET_HOURS"}


def test_replies_by_page_and_api_meet_the_same_checks(client, operator, team, time_machine):
    from inbox.tests.factories import replied_item

    time_machine.move_to(DAY)
    item = replied_item(team, operator, "tell me more")
    messaging.suppression_add(team=team, number=item.phone_number, reason="opt_out")

    client.force_login(operator)
    client.post(reverse("inbox:item-reply", args=[item.pk]), {"text": "from the page"})
    api_client_for(operator).post(f"/api/v1/inbox-items/{item.pk}/reply/", {"text": "from the api"}, format="json")

    replies = Message.objects.filter(kind="reply")
    assert replies.count() == 2
    assert set(replies.values_list("status", "error_code")) == {("blocked", "OPTED_OUT")}
