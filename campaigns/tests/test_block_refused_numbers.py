"""A number the team's consent records refuse never enters a block: opted out (``OPTED_OUT``), held while a person
decides whether a reply was an opt-out (``OPT_OUT_REVIEW``), or known not to take texts (``NOT_TEXTABLE``, e.g. a
landline's auto-reply). LUCI leaves the lead out at staging under the send-time check's code, counts it on the
block (page, admin, API) and names it in the ledger. Consent is per team: another team's records change nothing."""

import pytest
from django.utils import timezone

from campaigns import services
from campaigns.models import CampaignLead
from identity.models import PersonaPhone
from messaging.models import OptOutReview, Suppression
from usdatabiz.core.models import StageFailure

from .factories import MessageTemplateFactory, textable_leads


def _stage(team):
    campaign = services.campaign_create(
        team=team, name="Spring", template=MessageTemplateFactory(team=team), allow_partial_block=True
    )
    return services.campaign_stage(campaign=campaign)


def _block_numbers(campaign) -> list[str]:
    return sorted(CampaignLead.objects.filter(campaign=campaign).values_list("phone_number", flat=True))


def test_opted_out_held_and_not_textable_numbers_are_left_out_under_the_send_time_codes(team):
    # given four people with a mobile each: one opted out, one held for review, one not textable
    leads = textable_leads(team, 4)  # mobiles 5125550000 .. 5125550003
    Suppression.objects.create(team=team, phone_number="5125550001", reason=Suppression.Reason.OPT_OUT)
    OptOutReview.objects.create(team=team, phone_number="5125550002", text="pls no more")
    Suppression.objects.create(team=team, phone_number="5125550003", reason=Suppression.Reason.NOT_TEXTABLE)

    # when LUCI forms the block
    campaign = _stage(team)

    # then only the clean number is in it, and each refusal is counted and named in the ledger
    assert campaign.status == "staged"
    assert _block_numbers(campaign) == ["5125550000"]
    block = campaign.lead_block
    assert (block.lead_count, block.skipped_opted_out, block.skipped_opt_out_review, block.skipped_not_textable) == (
        1,
        1,
        1,
        1,
    )
    assert (block.skipped_marked_number, block.skipped_no_mobile, block.candidates_seen) == (0, 0, 4)
    by_number = {lead.persona.phones.get().normalized_number: lead.pk for lead in leads}
    for code, number in (("OPTED_OUT", "5125550001"), ("OPT_OUT_REVIEW", "5125550002"), ("NOT_TEXTABLE", "5125550003")):
        failure = StageFailure.objects.get(team=team, stage=6, code=code)
        assert failure.subject_id == block.pk
        assert failure.raw_value == f"{by_number[number]} ({number})"
        assert failure.detail.startswith("1 leads")


@pytest.mark.parametrize("reason", [r for r in Suppression.Reason if r != Suppression.Reason.NOT_TEXTABLE])
def test_every_suppression_reason_but_not_textable_counts_as_opted_out(team, reason):
    textable_leads(team, 2)
    Suppression.objects.create(team=team, phone_number="5125550001", reason=reason)

    campaign = _stage(team)

    assert _block_numbers(campaign) == ["5125550000"]
    assert (campaign.lead_block.skipped_opted_out, campaign.lead_block.skipped_not_textable) == (1, 0)


def test_a_lifted_suppression_and_a_decided_review_let_the_number_in(team):
    textable_leads(team, 2)
    Suppression.objects.create(
        team=team, phone_number="5125550000", reason=Suppression.Reason.OPT_OUT, lifted_at=timezone.now()
    )
    OptOutReview.objects.create(
        team=team, phone_number="5125550001", text="ok", status=OptOutReview.Status.DECIDED, decision="not_opt_out"
    )

    campaign = _stage(team)

    assert _block_numbers(campaign) == ["5125550000", "5125550001"]
    assert (campaign.lead_block.skipped_opted_out, campaign.lead_block.skipped_opt_out_review) == (0, 0)


def test_another_teams_opt_out_review_and_not_textable_mark_leave_the_number_in(team, other_team):
    # given the same number opted out, held and not textable - all for another team
    textable_leads(team, 1)  # mobile 5125550000
    Suppression.objects.create(team=other_team, phone_number="5125550000", reason=Suppression.Reason.OPT_OUT)
    OptOutReview.objects.create(team=other_team, phone_number="5125550000", text="stop?")

    campaign = _stage(team)

    assert _block_numbers(campaign) == ["5125550000"]
    block = campaign.lead_block
    assert (block.skipped_opted_out, block.skipped_opt_out_review, block.skipped_not_textable) == (0, 0, 0)
    assert not StageFailure.objects.filter(stage=6, code__in=["OPTED_OUT", "OPT_OUT_REVIEW"]).exists()


def test_another_teams_not_textable_mark_leaves_the_number_in(team, other_team):
    textable_leads(team, 1)
    Suppression.objects.create(team=other_team, phone_number="5125550000", reason=Suppression.Reason.NOT_TEXTABLE)

    campaign = _stage(team)

    assert _block_numbers(campaign) == ["5125550000"]
    assert campaign.lead_block.skipped_not_textable == 0


def test_a_person_with_another_clean_mobile_is_texted_on_that_one(team):
    leads = textable_leads(team, 1)  # mobile 5125550000
    PersonaPhone.objects.create(
        team=team, persona=leads[0].persona, raw="5125559999", normalized_number="5125559999",
        phone_type="mobile", is_valid=True, is_connected=True,
    )  # fmt: skip
    Suppression.objects.create(team=team, phone_number="5125559999", reason=Suppression.Reason.OPT_OUT)

    campaign = _stage(team)

    assert _block_numbers(campaign) == ["5125550000"]
    assert campaign.lead_block.skipped_opted_out == 0


def test_only_refused_numbers_refuse_the_block_naming_them(team):
    textable_leads(team, 1)
    Suppression.objects.create(team=team, phone_number="5125550000", reason=Suppression.Reason.OPT_OUT)

    campaign = _stage(team)

    assert campaign.status == "draft"
    assert campaign.error_code == "INSUFFICIENT_LEADS"
    assert "1 opted out (OPTED_OUT)" in campaign.error_message


def test_the_counts_show_on_the_campaign_page_in_the_api_and_in_the_admin(
    team, operator_client, operator_api, admin_client
):
    textable_leads(team, 4)
    Suppression.objects.create(team=team, phone_number="5125550001", reason=Suppression.Reason.OPT_OUT)
    OptOutReview.objects.create(team=team, phone_number="5125550002", text="pls no more")
    Suppression.objects.create(team=team, phone_number="5125550003", reason=Suppression.Reason.NOT_TEXTABLE)
    campaign = _stage(team)

    page = operator_client.get(f"/campaigns/{campaign.pk}/").content.decode()
    block = operator_api.get(f"/api/v1/campaigns/{campaign.pk}/").json()["lead_block"]
    listing = admin_client.get("/admin/campaigns/leadblock/").content.decode()

    for code in ("OPTED_OUT", "OPT_OUT_REVIEW", "NOT_TEXTABLE"):
        assert f'data-testid="refused-{code}"><b>1</b>' in page
    assert (block["skipped_opted_out"], block["skipped_opt_out_review"], block["skipped_not_textable"]) == (1, 1, 1)
    for column in ("skipped_opted_out", "skipped_opt_out_review", "skipped_not_textable"):
        assert f"column-{column}" in listing
