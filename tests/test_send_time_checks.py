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


# --- every other reason a number may not be texted, marked after the block was formed ----------------------------

EARLY_WEST = "2026-12-01T14:30:00Z"  # 8:30 in Austin, 6:30 in Los Angeles


def _another_person_with(team, number: str, **marks):
    from identity.models import Persona, PersonaPhone
    from identity.tests.factories import person_with_contacts

    persona = person_with_contacts(team, "Housemate", "Same")
    Persona.objects.filter(pk=persona.pk).update(do_not_contact=marks.get("do_not_contact", False))
    PersonaPhone.objects.create(
        team=team, persona=persona, raw=number, normalized_number=number, phone_type="mobile", is_valid=True,
        do_not_call=marks.get("do_not_call", False),
    )  # fmt: skip


def _mark_review(team, cl):
    from messaging.opt_out_reviews import opt_out_review_hold

    opt_out_review_hold(team=team, number=cl.phone_number, text="maybe stop?", reason="uncertain")


def _mark_dnc_elsewhere(team, cl):
    _another_person_with(team, cl.phone_number, do_not_call=True)


def _mark_do_not_contact_elsewhere(team, cl):
    _another_person_with(team, cl.phone_number, do_not_contact=True)


def _mark_not_textable(team, cl):
    messaging.suppression_add(team=team, number=cl.phone_number, reason="not_textable")


MARKS = {
    "opt_out_review": (_mark_review, "OPT_OUT_REVIEW"),
    "dnc_other_person": (_mark_dnc_elsewhere, "DNC_BLOCKED"),
    "do_not_contact_other_person": (_mark_do_not_contact_elsewhere, "DO_NOT_CONTACT"),
    "not_textable": (_mark_not_textable, "NOT_TEXTABLE"),
}


@pytest.mark.parametrize("mark", MARKS)
@pytest.mark.parametrize("start", ENTRY_POINTS, ids=["page", "api", "admin", "task"])
def test_a_number_marked_after_staging_is_never_texted(client, operator, team, staged, start, mark, time_machine):
    time_machine.move_to(DAY)
    out = CampaignLead.objects.filter(campaign=staged).order_by("pk").first()
    make, code = MARKS[mark]
    make(team, out)

    start(client, operator, staged)

    assert list(Message.objects.filter(to_number=out.phone_number).values_list("status", "error_code")) == [
        ("blocked", code)
    ]
    assert Message.objects.filter(campaign=staged).exclude(to_number=out.phone_number).count() == 2


@pytest.mark.parametrize("start", ENTRY_POINTS, ids=["page", "api", "admin", "task"])
def test_quiet_hours_follow_the_person_not_their_area_code(client, operator, team, staged, start, time_machine):
    from identity.models import Persona

    time_machine.move_to(EARLY_WEST)
    west = CampaignLead.objects.filter(campaign=staged).order_by("pk").first()
    Persona.objects.filter(pk=west.persona_id).update(zip5="90012")  # Los Angeles, with an Austin mobile

    start(client, operator, staged)

    assert not Message.objects.filter(to_number=west.phone_number).exists()
    assert CampaignLead.objects.get(pk=west.pk).skip_code == "QUIET_HOURS"
    assert Message.objects.filter(campaign=staged, status__in=["sent", "blocked"]).count() == 2


@pytest.mark.parametrize("mark", [*MARKS, "opted_out"])
def test_a_follow_up_step_meets_the_same_checks(client, operator, team, mark, time_machine):
    from campaigns.models import CampaignStep
    from messaging.followups import campaign_steps_stage_due

    time_machine.move_to(DAY)
    sender_number_for(team)
    textable_leads(team, 2, start=10)
    campaign = campaign_services.campaign_create(
        team=team, name="Steps", template=MessageTemplateFactory(team=team), allow_partial_block=True,
        steps=[(3, MessageTemplateFactory(team=team, name="Nudge", body="Checking in. Reply STOP to opt out."))],
    )  # fmt: skip
    campaign_services.campaign_approve(campaign=campaign_services.campaign_stage(campaign=campaign), user=operator)
    time_machine.move_to("2026-12-04T17:05:00Z")
    assert campaign_steps_stage_due() == 1
    step = CampaignStep.objects.get(campaign=campaign, number=1)
    out = CampaignLead.objects.filter(campaign=campaign, step=1).order_by("pk").first()
    if mark == "opted_out":
        messaging.suppression_add(team=team, number=out.phone_number, reason="opt_out")
        code = "OPTED_OUT"
    else:
        make, code = MARKS[mark]
        make(team, out)

    client.force_login(operator)
    client.post(reverse("messaging:step-approve", args=[step.pk]))

    texts = Message.objects.filter(campaign=campaign, campaign_lead__step=1)
    assert list(texts.filter(to_number=out.phone_number).values_list("status", "error_code")) == [("blocked", code)]
    assert list(texts.exclude(to_number=out.phone_number).values_list("status", flat=True)) == ["sent"]
