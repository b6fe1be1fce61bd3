"""Quiet hours where the person is: the ZIP first, then the state, then the area code; a split state without a
ZIP uses every one of its zones; an address and a mobile in different zones must both be open."""

from datetime import UTC, datetime

import pytest

from identity.models import Business, Persona
from messaging import compliance, selectors
from messaging import services as messaging
from messaging.models import CampaignLead, Message
from messaging.sms import SandboxSms
from messaging.tests.factories import sending_campaign

NY, CHI, DEN, LA = "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"


def utc(hour, minute=0, day=1):
    return datetime(2025, 7, day, hour, minute, tzinfo=UTC)  # summer: EDT -4, CDT -5, MDT -6, PDT -7


# (case, now, state, phone, zip5, allowed, zones, next opening)
SPLIT_STATE_CASES = [
    # 7:15 local in the minority zone, 8:15 in the state's majority zone: the old rule texted them
    ("TX El Paso by ZIP", utc(13, 15), "TX", "9155550100", "79901", False, (DEN,), utc(14)),
    ("TX El Paso at 8:15 MDT", utc(14, 15), "TX", "9155550100", "79901", True, (DEN,), None),
    ("FL Pensacola by ZIP", utc(12, 15), "FL", "8505550100", "32501", False, (CHI,), utc(13)),
    ("KY Paducah by ZIP", utc(12, 15), "KY", "2705550100", "42001", False, (CHI,), utc(13)),
    ("IN Gary by ZIP", utc(12, 15), "IN", "2195550100", "46402", False, (CHI,), utc(13)),
    ("ID Coeur d'Alene by ZIP", utc(14, 15), "ID", "2085550100", "83814", False, ("America/Los_Angeles",), utc(15)),
    ("KS west (Goodland) by ZIP", utc(13, 15), "KS", "7855550100", "67735", False, (DEN,), utc(14)),
    ("TN Knoxville at 9:30 pm EDT", utc(1, 30, day=2), "TN", "8655550100", "37902", False, (NY,), utc(12, day=2)),
    ("TN Nashville at 8:30 pm CDT", utc(1, 30, day=2), "TN", "6155550100", "37201", True, (CHI,), None),
    # an address and a mobile in different zones: both must be open
    ("Miami address, LA mobile", utc(12, 30), "FL", "2135550100", "33101", False, (NY, LA), utc(15)),
    ("Miami address, LA mobile, later", utc(15, 0), "FL", "2135550100", "33101", True, (NY, LA), None),
    ("Austin address, El Paso mobile", utc(13, 15), "TX", "9155550100", "78701", False, (CHI, DEN), utc(14)),
    # a split state with no ZIP: the strictest of its zones
    ("TX without a ZIP", utc(13, 15), "TX", None, "", False, (CHI, DEN), utc(14)),
    ("FL without a ZIP", utc(12, 15), "FL", None, "", False, (NY, CHI), utc(13)),
    ("KS without a ZIP", utc(13, 15), "KS", None, None, False, (CHI, DEN), utc(14)),
    ("ID without a ZIP", utc(14, 15), "ID", None, None, False, ("America/Boise", LA), utc(15)),
    ("TN without a ZIP at 8:30 pm CDT", utc(1, 30, day=2), "TN", None, None, False, (CHI, NY), utc(13, day=2)),
    ("IN without a ZIP", utc(12, 15), "IN", None, None, False, ("America/Indiana/Indianapolis", CHI), utc(13)),
    ("KY without a ZIP", utc(12, 15), "KY", None, None, False, (NY, CHI), utc(13)),
    # agreeing sources: one zone
    ("Austin address, Austin mobile", utc(13, 15), "TX", "5125550100", "78701", True, (CHI,), None),
    ("NY without a ZIP", utc(12, 15), "NY", None, None, True, (NY,), None),
    # the ZIP wins over a state that disagrees; an unknown ZIP falls back to the state
    ("ZIP over state", utc(13, 15), "TX", None, "79901", False, (DEN,), utc(14)),
    ("unknown ZIP falls back", utc(12, 15), "NY", None, "00000", True, (NY,), None),
    # no ZIP and no state: the area code
    ("area code only", utc(13, 15), None, "9155550100", None, False, (DEN,), utc(14)),
]


@pytest.mark.parametrize(
    ("case", "now", "state", "phone", "zip5", "allowed", "zones", "opens"),
    SPLIT_STATE_CASES,
    ids=[c[0] for c in SPLIT_STATE_CASES],
)
def test_quiet_hours_zones(case, now, state, phone, zip5, allowed, zones, opens):
    result = compliance.quiet_hours_check(now=now, state=state, phone=phone, zip5=zip5)

    assert result.allowed is allowed, result.reason
    assert result.zones == zones
    assert result.next_allowed_at == (opens or now)
    for zone in zones:
        assert zone in result.basis


def test_the_basis_says_why_each_zone_was_used():
    result = compliance.quiet_hours_check(now=utc(12, 30), state="FL", phone="2135550100", zip5="33101")
    assert "ZIP 33101 (Miami, FL)" in result.basis
    assert "mobile area code 213 (CA)" in result.basis
    assert "must be open in all" in result.basis
    split = compliance.quiet_hours_check(now=utc(13, 15), state="TX", phone=None)
    assert "state TX without a ZIP" in split.basis


def test_zip_timezone_reads_the_offline_table():
    assert compliance.zip_timezone("79901") == (DEN, "TX", "El Paso")
    assert compliance.zip_timezone("32501")[0] == CHI
    assert compliance.zip_timezone("") is None
    assert compliance.zip_timezone("abcde") is None
    assert compliance.zip_timezone("00000") is None


def test_every_split_state_lists_its_majority_zone_first():
    for state, zones in compliance.SPLIT_STATE_ZONES.items():
        assert zones[0] == compliance.STATE_TIMEZONES[state], state


# -- the send-time check, the message record and the campaign page ------------------------------------


@pytest.fixture
def el_paso_campaign(team, operator):
    campaign = sending_campaign(team, operator, 2)
    Business.objects.filter(team=team).update(zip5="79901", city="El Paso")
    Persona.objects.filter(team=team).update(zip5="79901")
    return campaign


def test_the_campaign_send_defers_el_paso_at_7_15_local_and_records_the_zone_when_it_sends(
    el_paso_campaign, time_machine
):
    time_machine.move_to(utc(13, 15, day=7))
    counts = messaging.campaign_send_slice(campaign_id=el_paso_campaign.pk, provider=SandboxSms())
    assert counts["deferred"] == 2
    assert counts["sent"] == 0
    lead = CampaignLead.objects.filter(campaign=el_paso_campaign).first()
    assert lead.skip_code == "QUIET_HOURS"
    assert lead.send_after == utc(14, day=7)

    time_machine.move_to(utc(14, 5, day=7))
    counts = messaging.campaign_send_slice(campaign_id=el_paso_campaign.pk, provider=SandboxSms())
    assert counts["sent"] == 2
    sent = Message.objects.filter(campaign=el_paso_campaign, status="sent").first()
    assert "America/Denver: ZIP 79901 (El Paso, TX)" in sent.quiet_hours_basis


def test_the_message_basis_is_in_the_api_and_on_the_message_page(
    el_paso_campaign, time_machine, operator_api, operator_client
):
    time_machine.move_to(utc(16, 0, day=7))
    messaging.campaign_send_slice(campaign_id=el_paso_campaign.pk, provider=SandboxSms())
    sent = Message.objects.filter(campaign=el_paso_campaign, status="sent").first()

    body = operator_api.get(f"/api/v1/messages/{sent.pk}/").json()
    assert "ZIP 79901 (El Paso, TX)" in body["quiet_hours_basis"]
    page = operator_client.get("/messages/").content.decode()
    assert 'data-testid="quiet-hours-basis"' in page
    assert "ZIP 79901 (El Paso, TX)" in page


def test_the_send_plan_says_which_zones_and_why(el_paso_campaign, team):
    from messaging.services import messaging_settings_get

    plan = selectors.campaign_send_plan(
        campaign=el_paso_campaign, cfg=messaging_settings_get(team=team), sender_number="5125550100",
        now=utc(13, 15, day=7),
    )  # fmt: skip
    [first] = plan.first_texts
    assert first.zone == DEN
    assert first.at == utc(14, day=7)
    assert "ZIP 79901 (El Paso, TX)" in first.basis


def test_a_block_spread_over_many_zip_codes_is_one_row_per_zone_and_moment(team, operator):
    from messaging.services import messaging_settings_get

    # given six people in five ZIP codes of Central Texas and one in El Paso (Mountain time)
    campaign = sending_campaign(team, operator, 6)
    zips = ["78701", "78701", "75201", "77002", "78205", "76102"]
    for persona, zip5 in zip(Persona.objects.filter(team=team).order_by("pk"), zips, strict=True):
        Persona.objects.filter(pk=persona.pk).update(zip5=zip5, state="TX")
    Business.objects.filter(team=team).update(zip5="", state="")
    Persona.objects.filter(pk=Persona.objects.filter(team=team).order_by("pk").last().pk).update(zip5="79901")

    # when the plan is drawn at 8:15 in Austin (7:15 in El Paso)
    plan = selectors.campaign_send_plan(
        campaign=campaign, cfg=messaging_settings_get(team=team), sender_number="5125550100", now=utc(13, 15, day=7)
    )

    # then Central time is one row of five people, naming the reasons of the most people first and counting the rest,
    # and El Paso its own row an hour later
    central, mountain = plan.first_texts
    assert (central.zone, central.people, central.at) == (CHI, 5, utc(13, 15, day=7))
    assert central.basis.startswith("America/Chicago: ZIP 78701 (Austin, TX); ")
    assert central.basis.endswith("; and 1 more location (1 person)")
    assert central.basis.count("ZIP") == 3
    assert (mountain.zone, mountain.people, mountain.at) == (DEN, 1, utc(14, day=7))
