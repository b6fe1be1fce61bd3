"""A number another person of the team marked do-not-call or do-not-contact never enters a block: the send-time
check would refuse it (``DNC_BLOCKED``, ``DO_NOT_CONTACT``), so LUCI leaves the lead out at staging with the same
code, counted on the block and named in the ledger, and the block is filled with leads that can be texted."""

from campaigns import services
from campaigns.models import CampaignLead
from identity.models import PersonaPhone
from identity.tests.factories import person_with_contacts
from usdatabiz.core.models import StageFailure

from .factories import MessageTemplateFactory, textable_leads


def _stage(team):
    campaign = services.campaign_create(
        team=team, name="Spring", template=MessageTemplateFactory(team=team), allow_partial_block=True
    )
    return services.campaign_stage(campaign=campaign)


def _other_person_with(team, name: str, number: str, *, do_not_call=False, do_not_contact=False):
    persona = person_with_contacts(team, name, "Household")
    if do_not_contact:
        persona.do_not_contact = True
        persona.save(update_fields=["do_not_contact"])
    PersonaPhone.objects.create(
        team=team, persona=persona, raw=number, normalized_number=number, phone_type="landline",
        is_valid=True, do_not_call=do_not_call,
    )  # fmt: skip
    return persona


def test_a_number_marked_on_another_person_of_the_team_is_left_out_with_the_send_time_code(team):
    leads = textable_leads(team, 3)  # mobiles 5125550000, 5125550001, 5125550002
    _other_person_with(team, "Spouse", "5125550001", do_not_call=True)
    _other_person_with(team, "Partner", "5125550002", do_not_contact=True)

    campaign = _stage(team)

    assert campaign.status == "staged"
    assert list(CampaignLead.objects.filter(campaign=campaign).values_list("phone_number", flat=True)) == ["5125550000"]
    block = campaign.lead_block
    assert (block.lead_count, block.skipped_marked_number, block.skipped_no_mobile) == (1, 2, 0)
    dnc = StageFailure.objects.get(team=team, stage=6, code="DNC_BLOCKED")
    dnc_lead = next(lead for lead in leads if lead.persona.phones.filter(normalized_number="5125550001").exists())
    assert dnc.subject_id == block.pk
    assert dnc.raw_value == f"{dnc_lead.pk} (5125550001)"
    dnc_contact = StageFailure.objects.get(team=team, stage=6, code="DO_NOT_CONTACT")
    assert "(5125550002)" in dnc_contact.raw_value
    assert "1 leads" in dnc_contact.detail


def test_a_person_with_another_clean_mobile_is_texted_on_that_one(team):
    leads = textable_leads(team, 1)  # mobile 5125550000
    PersonaPhone.objects.create(
        team=team, persona=leads[0].persona, raw="5125559999", normalized_number="5125559999",
        phone_type="mobile", is_valid=True, is_connected=True,
    )  # fmt: skip
    _other_person_with(team, "Spouse", "5125559999", do_not_call=True)

    campaign = _stage(team)

    assert list(CampaignLead.objects.filter(campaign=campaign).values_list("phone_number", flat=True)) == ["5125550000"]
    assert campaign.lead_block.skipped_marked_number == 0


def test_only_marked_leads_refuse_the_block_with_insufficient_leads_naming_them(team):
    textable_leads(team, 1)
    _other_person_with(team, "Spouse", "5125550000", do_not_call=True)

    campaign = _stage(team)

    assert campaign.status == "draft"
    assert campaign.error_code == "INSUFFICIENT_LEADS"
    assert "1 on a number marked do-not-call or do-not-contact" in campaign.error_message


def test_another_teams_marks_change_nothing(team, other_team):
    textable_leads(team, 1)
    _other_person_with(other_team, "Stranger", "5125550000", do_not_call=True, do_not_contact=True)

    campaign = _stage(team)

    assert campaign.lead_block.lead_count == 1
    assert campaign.lead_block.skipped_marked_number == 0
