"""Stage 6: LUCI forms blocks of textable leads; a named person approves before anything is sent."""

import pytest

from campaigns import services
from campaigns.models import Campaign, CampaignEvent, CampaignLead, LeadBlock
from campaigns.rendering import merge_context, render, render_for
from identity.models import PersonaPhone
from identity.services import persona_merge
from identity.tests.factories import BusinessFactory, person_with_contacts
from leads.models import Lead
from leads.services import leads_prepare
from usdatabiz.core.errors import IllegalTransition
from usdatabiz.core.models import StageFailure, StageRun

from .factories import MessageTemplateFactory, textable_leads


@pytest.fixture
def template(team):
    return MessageTemplateFactory(team=team)


def _campaign(team, template, **kwargs):
    kwargs.setdefault("block_size", 5)
    return services.campaign_create(team=team, name="Spring", template=template, **kwargs)


def test_luci_forms_a_block_of_the_best_textable_leads_and_stages_it(team, template):
    leads = textable_leads(team, 12, mobile_every=2)  # 6 with a mobile
    campaign = _campaign(team, template, block_size=4)

    campaign = services.campaign_stage(campaign=campaign)

    assert campaign.status == "staged"
    block = campaign.lead_block
    assert (block.status, block.lead_count, block.size_target) == ("formed", 4, 4)
    chosen = list(CampaignLead.objects.filter(campaign=campaign).values_list("lead_id", flat=True))
    with_mobile = [
        lead.pk for lead in leads if PersonaPhone.objects.filter(persona=lead.persona, phone_type="mobile").exists()
    ]
    assert sorted(chosen) == sorted(with_mobile[:4])  # the four best-scored leads that have a mobile
    assert {cl.correlation_id for cl in CampaignLead.objects.filter(campaign=campaign)} == {campaign.correlation_id}
    assert block.correlation_id == campaign.correlation_id
    assert block.skipped_no_mobile == 6
    failure = StageFailure.objects.get(stage=6, code="NO_MOBILE_PHONES")
    assert failure.subject_id == block.pk
    assert "6 qualified leads" in failure.detail
    assert StageRun.objects.get(stage=6).status == "succeeded"
    assert list(campaign.events.values_list("from_status", "to_status", "actor_label")) == [
        ("", "draft", "LUCI"),
        ("draft", "staged", "LUCI"),
    ]


def test_without_an_active_template_staging_is_refused_as_template_missing(team, template):
    textable_leads(team, 3)
    campaign = _campaign(team, None)

    campaign = services.campaign_stage(campaign=campaign)

    assert (campaign.status, campaign.error_code) == ("draft", "TEMPLATE_MISSING")
    assert not LeadBlock.objects.exists()
    assert StageFailure.objects.filter(stage=6, code="TEMPLATE_MISSING", subject_id=campaign.pk).count() == 1
    template.is_active = False
    template.save()
    campaign.template = template
    campaign.save()
    assert services.campaign_stage(campaign=campaign).error_code == "TEMPLATE_MISSING"


def test_too_few_leads_is_insufficient_leads_unless_a_partial_block_is_allowed(team, template):
    textable_leads(team, 3)
    strict = _campaign(team, template, block_size=5)

    strict = services.campaign_stage(campaign=strict)

    assert (strict.status, strict.error_code) == ("draft", "INSUFFICIENT_LEADS")
    assert "Only 3 of the 5" in strict.error_message
    assert not CampaignLead.objects.exists()  # nothing half formed
    assert not LeadBlock.objects.exists()

    partial = _campaign(team, template, block_size=5, allow_partial_block=True)
    partial = services.campaign_stage(campaign=partial)
    assert (partial.status, partial.lead_block.lead_count) == ("staged", 3)
    assert StageFailure.objects.filter(stage=6, code="INSUFFICIENT_LEADS", subject_id=partial.pk).exists()


def test_leads_without_any_mobile_are_no_mobile_phones(team, template):
    for i in range(3):
        person_with_contacts(team, f"A{i}", "B", phone=f"51255500{i:02d}")  # landline or unknown type only
    leads_prepare(team=team)
    campaign = services.campaign_stage(campaign=_campaign(team, template, allow_partial_block=True))
    assert (campaign.status, campaign.error_code) == ("draft", "NO_MOBILE_PHONES")
    assert "None of the 3 qualified leads" in campaign.error_message


def test_no_leads_at_all_is_insufficient_leads(team, template):
    campaign = services.campaign_stage(campaign=_campaign(team, template, allow_partial_block=True))
    assert (campaign.status, campaign.error_code) == ("draft", "INSUFFICIENT_LEADS")


def test_an_unexpected_error_is_block_formation_error_and_leaves_nothing(team, template, monkeypatch):
    textable_leads(team, 3)

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(CampaignLead.objects, "bulk_create", broken)
    campaign = services.campaign_stage(campaign=_campaign(team, template, block_size=3))

    assert (campaign.status, campaign.error_code) == ("draft", "BLOCK_FORMATION_ERROR")
    assert "disk full" in campaign.error_message
    assert not LeadBlock.objects.exists()
    assert StageRun.objects.get(stage=6).status == "failed"


def test_not_textable_phones_and_contacts_are_left_out(team, template):
    leads = textable_leads(team, 6)
    phones = {lead.persona_id: PersonaPhone.objects.get(persona_id=lead.persona_id) for lead in leads}
    phones[leads[0].persona_id].do_not_call = True
    phones[leads[1].persona_id].is_connected = False
    phones[leads[2].persona_id].phone_type = "voip"
    for phone in phones.values():
        phone.save()
    leads[3].persona.do_not_contact = True
    leads[3].persona.save()
    Lead.objects.filter(pk=leads[4].pk).update(status="lost")

    campaign = services.campaign_stage(campaign=_campaign(team, template, block_size=6, allow_partial_block=True))

    assert list(CampaignLead.objects.filter(campaign=campaign).values_list("lead_id", flat=True)) == [leads[5].pk]


def test_one_person_is_in_one_open_campaign_once(team, template):
    plumbing = BusinessFactory(team=team, name="Plumb", normalized_name="PLUMB", state="TX", sic_code="1711")
    textable_leads(team, 2)
    person = Lead.objects.for_team(team).first().persona
    from identity.models import BusinessOwner

    BusinessOwner.objects.create(team=team, persona=person, business=plumbing)
    leads_prepare(team=team)
    assert Lead.objects.filter(persona=person).count() == 2

    first = services.campaign_stage(campaign=_campaign(team, template, allow_partial_block=True))
    assert CampaignLead.objects.filter(campaign=first, persona=person).count() == 1
    assert first.lead_block.lead_count == 2

    second = services.campaign_stage(campaign=_campaign(team, template, allow_partial_block=True))
    assert second.error_code == "INSUFFICIENT_LEADS"  # everyone is already in the open campaign

    services.campaign_cancel(campaign=first, user=_approver(team))
    third = services.campaign_stage(campaign=_campaign(team, template, allow_partial_block=True))
    assert third.lead_block.lead_count == 2  # a cancelled campaign releases its people


def test_merged_personas_are_never_in_a_block(team, template):
    leads = textable_leads(team, 2)
    survivor, absorbed = leads[0].persona, leads[1].persona
    persona_merge(persona_a=survivor, persona_b=absorbed)
    campaign = services.campaign_stage(campaign=_campaign(team, template, allow_partial_block=True))
    people = set(CampaignLead.objects.filter(campaign=campaign).values_list("persona_id", flat=True))
    assert people == {survivor.pk}


def test_criteria_filter_the_block(team, template):
    textable_leads(team, 3, state="TX")
    textable_leads(team, 2, state="OH", start=100)
    campaign = _campaign(team, template, criteria={"state": "OH"}, allow_partial_block=True)
    campaign = services.campaign_stage(campaign=campaign)
    assert campaign.lead_block.lead_count == 2
    assert campaign.lead_block.criteria == {"state": "OH"}


def _approver(team, role="operator", name="ava"):
    from usdatabiz.core.tests.factories import MembershipFactory, UserFactory

    user = UserFactory(username=f"{name}-{role}")
    MembershipFactory(team=team, user=user, role=role)
    return user


def test_approval_is_by_a_named_team_member_and_is_audited(team, other_team, template, time_machine):
    time_machine.move_to("2026-12-01T17:00:00Z")
    textable_leads(team, 2)
    campaign = services.campaign_stage(campaign=_campaign(team, template, allow_partial_block=True))

    for user in (None, _approver(team, "viewer"), _approver(other_team, "admin", "eve")):
        with pytest.raises(services.CampaignError) as err:
            services.campaign_approve(campaign=campaign, user=user)
        assert err.value.code == "APPROVAL_REQUIRED"
    campaign.refresh_from_db()
    assert (campaign.status, campaign.approved_by) == ("staged", None)

    ava = _approver(team)
    campaign = services.campaign_approve(campaign=campaign, user=ava, note="looks right")

    assert (campaign.status, campaign.approved_by, campaign.approved_at is not None) == ("completed", ava, True)
    event = CampaignEvent.objects.get(campaign=campaign, to_status="approved")
    assert (event.from_status, event.to_status, event.actor, event.note) == ("staged", "approved", ava, "looks right")
    with pytest.raises(IllegalTransition):
        services.campaign_approve(campaign=campaign, user=ava)


def test_a_draft_cannot_be_approved(team, template):
    campaign = _campaign(team, template)
    with pytest.raises(IllegalTransition):
        services.campaign_approve(campaign=campaign, user=_approver(team))


def test_send_back_needs_a_note_and_releases_the_block(team, template):
    textable_leads(team, 2)
    campaign = services.campaign_stage(campaign=_campaign(team, template, allow_partial_block=True))
    block = campaign.lead_block
    ava = _approver(team)
    with pytest.raises(services.CampaignError) as err:
        services.campaign_send_back(campaign=campaign, user=ava, note=" ")
    assert err.value.code == "NOTE_REQUIRED"

    campaign = services.campaign_send_back(campaign=campaign, user=ava, note="wrong template")

    assert (campaign.status, campaign.lead_block, campaign.status_note) == ("draft", None, "wrong template")
    block.refresh_from_db()
    assert block.status == "released"
    assert not CampaignLead.objects.filter(campaign=campaign).exists()
    again = services.campaign_stage(campaign=campaign)
    assert again.status == "staged"


def test_templates_are_checked(team):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="opt out"):
        services.template_create(team=team, name="x", body="Hi {first_name}!")
    with pytest.raises(ValidationError, match="Unknown merge field"):
        services.template_create(team=team, name="x", body="Hi {firstname}, reply STOP to opt out")
    with pytest.raises(ValidationError, match="empty"):
        services.template_create(team=team, name="x", body="   ")
    ok = services.template_create(team=team, name="ok", body="Hi {first_name} at {company}. Reply STOP to opt out.")
    assert ok.merge_fields() == ["company", "first_name"]


def test_rendering_fills_fields_and_falls_back_for_missing_values(team, template):
    biz = BusinessFactory(team=team, name="ACME PLUMBING", dba="", city="AUSTIN", state="TX")
    persona = person_with_contacts(team, "ANN", "", business=biz)
    context = merge_context(persona=persona, business=biz, sender_name="Sam")
    # names are written as people write them; a company keeps its own spelling
    assert render(template.body, context) == (
        "Hi Ann, this is Sam: may I text you about ACME PLUMBING? Reply STOP to opt out."
    )
    assert context["city"] == "Austin"
    assert render("Hi {first_name} from {city}, {sender_name}", {}) == "Hi there from your area, our team"
    assert render("{last_name} x", {"last_name": ""}) == "x"


def test_render_for_a_campaign_lead(team, template):
    textable_leads(team, 1)
    campaign = services.campaign_stage(
        campaign=_campaign(team, template, allow_partial_block=True, sender_name="Sam at Acme")
    )
    text = render_for(CampaignLead.objects.get(campaign=campaign))
    assert text == "Hi First0, this is Sam at Acme: may I text you about Biz 0? Reply STOP to opt out."


def test_campaign_transitions_follow_the_map(team, template):
    textable_leads(team, 1)
    campaign = services.campaign_stage(campaign=_campaign(team, template, allow_partial_block=True))
    ava = _approver(team)
    with pytest.raises(IllegalTransition):
        services.campaign_pause(campaign=campaign, user=ava)
    services.campaign_cancel(campaign=campaign, user=ava, note="budget")
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.CANCELLED
    assert CampaignLead.objects.get(campaign=campaign).skip_code == "CAMPAIGN_CANCELLED"
    with pytest.raises(IllegalTransition):
        services.campaign_resume(campaign=campaign, user=ava)
