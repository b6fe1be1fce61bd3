"""One text per number per campaign: LUCI never puts two leads with the same mobile in a block, and leaves out a
number another open campaign of the team already holds (``DUPLICATE_NUMBER``, counted and named on the block)."""

import pytest

from campaigns import services
from campaigns.models import CampaignLead
from identity.models import PersonaPhone
from identity.tests.factories import BusinessFactory, person_with_contacts
from leads.services import leads_prepare
from usdatabiz.core.models import StageFailure

from .factories import MessageTemplateFactory, textable_leads


def _person_with_mobile(team, i: int, raw: str, number: str):
    business = BusinessFactory(team=team, name=f"Shared {i}", normalized_name=f"SHARED {i}", state="TX",
                               city="Austin", zip5="78701", sic_code="1711", employees=10)  # fmt: skip
    persona = person_with_contacts(team, f"Sharer{i}", f"Family{i}", business=business)
    PersonaPhone.objects.create(
        team=team, persona=persona, raw=raw, normalized_number=number, phone_type="mobile", is_valid=True,
        is_connected=True,
    )  # fmt: skip
    return persona


def _stage(team, **kwargs):
    kwargs.setdefault("allow_partial_block", True)
    campaign = services.campaign_create(team=team, name="Spring", template=MessageTemplateFactory(team=team), **kwargs)
    return services.campaign_stage(campaign=campaign)


def test_two_leads_with_the_same_number_after_normalization_give_one_text(team):
    textable_leads(team, 3)  # mobiles 5125550000, 5125550001, 5125550002
    # two more people whose mobile, however it was written, is the first person's number
    _person_with_mobile(team, 1, "(512) 555-0000", "5125550000")
    _person_with_mobile(team, 2, "+1 512.555.0000", "5125550000")
    leads_prepare(team=team)

    campaign = _stage(team)

    numbers = list(CampaignLead.objects.filter(campaign=campaign).values_list("phone_number", flat=True))
    assert sorted(numbers) == ["5125550000", "5125550001", "5125550002"]
    block = campaign.lead_block
    assert (block.lead_count, block.skipped_duplicate_number) == (3, 2)
    failure = StageFailure.objects.get(team=team, stage=6, code="DUPLICATE_NUMBER")
    assert failure.subject_id == block.pk
    assert failure.raw_value.count("(5125550000)") == 2  # the leads left out are named, with the number
    assert "2 leads share a mobile" in failure.detail


def test_a_number_in_another_open_campaign_of_the_team_is_left_out_until_that_campaign_closes(team, operator):
    textable_leads(team, 2)
    first = _stage(team)
    assert first.lead_block.lead_count == 2
    _person_with_mobile(team, 1, "512-555-0001", "5125550001")  # a new lead on a number the first campaign holds
    leads_prepare(team=team)

    second = _stage(team)

    assert second.status == "draft"  # nobody left to text: the only new lead's number is taken
    assert second.error_code == "INSUFFICIENT_LEADS"
    assert "1 sharing a number texted already" in second.error_message  # a refused block keeps nothing else

    services.campaign_cancel(campaign=first, user=operator, note="wrong list")
    again = services.campaign_stage(campaign=second)
    assert again.status == "staged"
    held = list(CampaignLead.objects.filter(campaign=again).values_list("phone_number", flat=True))
    assert sorted(held) == ["5125550000", "5125550001"]  # the cancelled campaign's leads are free again, once each
    assert again.lead_block.skipped_duplicate_number == 1  # its first lead on 5125550001 and the new one: one text


def test_another_teams_campaign_on_the_same_number_changes_nothing(team, other_team):
    textable_leads(other_team, 1)  # Rival texts 5125550000 in an open campaign
    _stage(other_team)
    textable_leads(team, 1)

    campaign = _stage(team)

    assert campaign.lead_block.skipped_duplicate_number == 0
    assert list(CampaignLead.objects.filter(campaign=campaign).values_list("phone_number", flat=True)) == ["5125550000"]


@pytest.mark.parametrize("sharing", [20])
def test_a_thousand_lead_list_texts_a_shared_number_once(team, sharing):
    textable_leads(team, 200)
    for i in range(sharing):  # the case: one number on twenty leads of a long list
        _person_with_mobile(team, 1000 + i, "512 555 0777", "5125550777")
    leads_prepare(team=team)

    campaign = _stage(team, block_size=2000)

    held = CampaignLead.objects.filter(campaign=campaign, phone_number="5125550777").count()
    assert held == 1
    assert campaign.lead_block.skipped_duplicate_number == sharing - 1
    total = CampaignLead.objects.filter(campaign=campaign).count()
    assert total == len(set(CampaignLead.objects.filter(campaign=campaign).values_list("phone_number", flat=True)))
