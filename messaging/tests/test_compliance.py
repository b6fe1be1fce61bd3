"""Send-time compliance rules: recipient zone, quiet hours, keywords, opt-out phrases, replies.

No database: these are pure functions over their arguments.
"""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import phonenumbers
import pytest
from phonenumbers import geocoder
from phonenumbers.tzdata import TIMEZONE_DATA

from campaigns.segments import encoding, segment_count
from messaging.compliance import (
    AREA_CODE_LOCATIONS,
    HELP_KEYWORDS,
    HELP_REPLY,
    SPLIT_STATE_ZONES,
    START_CONFIRMATION,
    START_KEYWORDS,
    STATE_TIMEZONES,
    STOP_CONFIRMATION,
    STOP_KEYWORDS,
    US_FALLBACK_ZONES,
    Keyword,
    area_code,
    classify_keyword,
    compliance_reply,
    is_opt_out_request,
    normalize_text,
    quiet_hours_check,
    recipient_timezone,
    unleet,
)

NEW_YORK = ZoneInfo("America/New_York")


def utc(*args):
    return datetime(*args, tzinfo=UTC)


# --- Zone tables --------------------------------------------------------------------------------

STATES_AND_TERRITORIES = set(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK "
    "OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR VI GU MP AS".split()
)
GEOCODER_STATE_NAMES = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA", "Colorado": "CO",
    "Connecticut": "CT", "Delaware": "DE", "Washington D.C.": "DC", "Florida": "FL", "Georgia": "GA", "Hawaii": "HI",
    "Idaho": "ID", "Illinois": "IL", "Indiana": "IN", "Iowa": "IA", "Kansas": "KS", "Kentucky": "KY",
    "Louisiana": "LA", "Maine": "ME", "Maryland": "MD", "Massachusetts": "MA", "Michigan": "MI", "Minnesota": "MN",
    "Mississippi": "MS", "Missouri": "MO", "Montana": "MT", "Nebraska": "NE", "Nevada": "NV", "New Hampshire": "NH",
    "New Jersey": "NJ", "New Mexico": "NM", "New York": "NY", "North Carolina": "NC", "North Dakota": "ND",
    "Ohio": "OH", "Oklahoma": "OK", "Oregon": "OR", "Pennsylvania": "PA", "Rhode Island": "RI",
    "South Carolina": "SC", "South Dakota": "SD", "Tennessee": "TN", "Texas": "TX", "Utah": "UT", "Vermont": "VT",
    "Virginia": "VA", "Washington State": "WA", "West Virginia": "WV", "Wisconsin": "WI", "Wyoming": "WY",
    "Puerto Rico": "PR", "Guam": "GU", "U.S. Virgin Islands": "VI", "Northern Mariana Islands": "MP",
    "American Samoa": "AS",
}  # fmt: skip
US_REGIONS = {"US", "PR", "VI", "GU", "MP", "AS"}
# Area codes whose zone is not their state's main zone (they lie mostly in the state's other zone).
AREA_CODES_OFF_STATE_ZONE = {"219", "270", "364", "448", "850", "423", "865", "915"}
# Where libphonenumber's zone data does not fit most subscribers: 689 overlays Orlando (Eastern);
# 448 and 364 overlay 850 and 270 (mostly Central), for which it lists only Eastern.
LIBPHONENUMBER_ZONE_ERRORS = {"689", "448", "364"}


def _offsets(zone_name):
    zone = ZoneInfo(zone_name)
    return tuple(datetime(2025, month, 15, 12, tzinfo=zone).utcoffset() for month in (1, 7))


def _libphonenumber_us_area_codes():
    """Return {area code: state} for every geographic NPA libphonenumber places in the US and territories."""
    found = {}
    for npa in range(200, 1000):
        number = phonenumbers.parse(f"+1{npa}2345678")
        region = phonenumbers.region_code_for_number(number)
        if region not in US_REGIONS:
            continue
        if region != "US":  # a territory has its own region code
            found[str(npa)] = region
            continue
        state = GEOCODER_STATE_NAMES.get(geocoder.description_for_number(number, "en"))
        if state is None:
            match = re.search(r", ([A-Z]{2})$", geocoder.description_for_number(number, "en"))
            state = match.group(1) if match else None
        if state is not None:
            found[str(npa)] = state
    return found


def test_state_table_covers_the_50_states_dc_and_the_territories_with_loadable_zones():
    assert set(STATE_TIMEZONES) == STATES_AND_TERRITORIES
    for zone in STATE_TIMEZONES.values():
        ZoneInfo(zone)


@pytest.mark.parametrize(
    ("state", "zone"),
    [
        ("NY", "America/New_York"),
        ("CA", "America/Los_Angeles"),
        ("TX", "America/Chicago"),  # El Paso is Mountain, most Texans are Central
        ("FL", "America/New_York"),  # the western Panhandle is Central
        ("TN", "America/Chicago"),
        ("KY", "America/New_York"),
        ("IN", "America/Indiana/Indianapolis"),
        ("MI", "America/Detroit"),
        ("ID", "America/Boise"),
        ("OR", "America/Los_Angeles"),
        ("ND", "America/Chicago"),
        ("AZ", "America/Phoenix"),
        ("AK", "America/Anchorage"),
        ("HI", "Pacific/Honolulu"),
        ("PR", "America/Puerto_Rico"),
        ("GU", "Pacific/Guam"),
    ],
)
def test_multi_zone_and_special_states_use_the_majority_zone(state, zone):
    assert STATE_TIMEZONES[state] == zone


def test_area_code_table_matches_libphonenumber_states_and_misses_none():
    expected = _libphonenumber_us_area_codes()

    assert {npa: state for npa, (state, _) in AREA_CODE_LOCATIONS.items()} == expected
    assert len(expected) > 350


def test_area_code_zones_are_among_libphonenumber_zones_for_that_area_code():
    for npa, (_, zone) in AREA_CODE_LOCATIONS.items():
        if npa in LIBPHONENUMBER_ZONE_ERRORS:
            continue
        listed = {name for prefix, names in TIMEZONE_DATA.items() if prefix.startswith("1" + npa) for name in names}
        assert _offsets(zone) in {_offsets(name) for name in listed}, (npa, zone, listed)


def test_area_codes_follow_their_state_zone_except_the_documented_splits():
    off = {npa for npa, (state, zone) in AREA_CODE_LOCATIONS.items() if zone != STATE_TIMEZONES[state]}

    assert off == AREA_CODES_OFF_STATE_ZONE


@pytest.mark.parametrize(
    ("phone", "code"),
    [
        ("+1 212 555 0100", "212"),
        ("(512) 555-0100", "512"),
        ("512.555.0100", "512"),
        ("15125550100", "512"),
        ("+15125550100", "512"),
        ("+44 20 7946 0958", None),
        ("555-0100", None),
        ("not a phone", None),
        ("", None),
        (None, None),
    ],
)
def test_area_code(phone, code):
    assert area_code(phone) == code


@pytest.mark.parametrize(
    ("state", "phone", "zone"),
    [
        ("NY", None, "America/New_York"),
        (" ny ", None, "America/New_York"),
        ("TX", None, "America/Chicago"),
        (None, "+1 213 555 0100", "America/Los_Angeles"),
        (None, "(915) 555-0100", "America/Denver"),  # El Paso
        (None, "850-555-0100", "America/Chicago"),  # Pensacola
        (None, "+1 808 555 0100", "Pacific/Honolulu"),
        (None, "+1 907 555 0100", "America/Anchorage"),
        (None, "+1 787 555 0100", "America/Puerto_Rico"),
        (None, "+1 671 555 0100", "Pacific/Guam"),
        (None, "+1 602 555 0100", "America/Phoenix"),
        ("CA", "+1 212 555 0100", "America/Los_Angeles"),  # the contact's state wins over the area code
        ("TX", "(915) 555-0100", "America/Chicago"),
        ("XX", "+1 212 555 0100", "America/New_York"),  # not a state: fall back to the area code
        ("", "+1 212 555 0100", "America/New_York"),
        (None, "+1 416 555 0100", None),  # Toronto: NANP, not US
        (None, "+1 800 555 0100", None),  # toll-free: no location
        (None, "+44 20 7946 0958", None),
        (None, None, None),
        ("XX", None, None),
    ],
)
def test_recipient_timezone(state, phone, zone):
    found = recipient_timezone(state=state, phone=phone)

    assert (found.key if found else None) == zone


# --- Quiet hours --------------------------------------------------------------------------------


# 2025: DST starts Sunday 9 March at 02:00 and ends Sunday 2 November at 02:00.
@pytest.mark.parametrize(
    ("state", "now", "allowed", "next_allowed_at"),
    [
        # New York, winter (EST, UTC-5)
        ("NY", utc(2025, 1, 15, 12, 59), False, utc(2025, 1, 15, 13, 0)),  # 07:59
        ("NY", utc(2025, 1, 15, 13, 0), True, None),  # 08:00
        ("NY", utc(2025, 1, 16, 1, 59), True, None),  # 20:59
        ("NY", utc(2025, 1, 16, 2, 0), False, utc(2025, 1, 16, 13, 0)),  # 21:00
        ("NY", utc(2025, 1, 16, 4, 30), False, utc(2025, 1, 16, 13, 0)),  # 23:30
        # the day DST starts: 8:00 is now 12:00 UTC
        ("NY", utc(2025, 3, 9, 11, 59), False, utc(2025, 3, 9, 12, 0)),  # 07:59 EDT
        ("NY", utc(2025, 3, 9, 12, 0), True, None),  # 08:00 EDT
        ("NY", utc(2025, 3, 9, 3, 0), False, utc(2025, 3, 9, 12, 0)),  # 22:00 EST the night before
        ("NY", utc(2025, 3, 8, 12, 59), False, utc(2025, 3, 8, 13, 0)),  # 07:59 EST the day before
        ("NY", utc(2025, 3, 10, 0, 59), True, None),  # 20:59 EDT
        ("NY", utc(2025, 3, 10, 1, 0), False, utc(2025, 3, 10, 12, 0)),  # 21:00 EDT
        # the night DST ends: 21:00 EDT is 01:00 UTC, the next 08:00 is EST, 13:00 UTC
        ("NY", utc(2025, 11, 2, 0, 59), True, None),  # 20:59 EDT, 1 November
        ("NY", utc(2025, 11, 2, 1, 0), False, utc(2025, 11, 2, 13, 0)),  # 21:00 EDT
        ("NY", utc(2025, 11, 2, 6, 30), False, utc(2025, 11, 2, 13, 0)),  # 01:30 EST, the second one
        ("NY", utc(2025, 11, 2, 12, 59), False, utc(2025, 11, 2, 13, 0)),  # 07:59 EST
        ("NY", utc(2025, 11, 2, 13, 0), True, None),  # 08:00 EST
        ("NY", utc(2025, 11, 3, 1, 59), True, None),  # 20:59 EST
        ("NY", utc(2025, 11, 3, 2, 0), False, utc(2025, 11, 3, 13, 0)),  # 21:00 EST
        # California, summer (PDT, UTC-7)
        ("CA", utc(2025, 7, 1, 14, 59), False, utc(2025, 7, 1, 15, 0)),
        ("CA", utc(2025, 7, 1, 15, 0), True, None),
        ("CA", utc(2025, 7, 2, 3, 59), True, None),
        ("CA", utc(2025, 7, 2, 4, 0), False, utc(2025, 7, 2, 15, 0)),
        # Arizona keeps MST (UTC-7) all year
        ("AZ", utc(2025, 1, 15, 14, 59), False, utc(2025, 1, 15, 15, 0)),
        ("AZ", utc(2025, 7, 15, 15, 0), True, None),
        ("AZ", utc(2025, 3, 9, 14, 59), False, utc(2025, 3, 9, 15, 0)),
        # Hawaii (UTC-10), Alaska (AKDT, UTC-8), Puerto Rico (UTC-4), Guam (UTC+10)
        ("HI", utc(2025, 7, 1, 17, 59), False, utc(2025, 7, 1, 18, 0)),
        ("HI", utc(2025, 7, 2, 6, 59), True, None),
        ("HI", utc(2025, 7, 2, 7, 0), False, utc(2025, 7, 2, 18, 0)),
        # Alaska without a ZIP: Anchorage and the Aleutians (HDT, UTC-9), the strictest
        ("AK", utc(2025, 7, 1, 17, 0), True, None),
        ("AK", utc(2025, 7, 1, 16, 59), False, utc(2025, 7, 1, 17, 0)),
        ("PR", utc(2025, 1, 15, 12, 0), True, None),
        ("PR", utc(2025, 1, 15, 11, 59), False, utc(2025, 1, 15, 12, 0)),
        ("GU", utc(2025, 1, 14, 22, 0), True, None),  # 08:00 on the 15th in Guam
        ("GU", utc(2025, 1, 14, 21, 59), False, utc(2025, 1, 14, 22, 0)),
    ],
)
def test_quiet_hours_in_the_recipients_zone(state, now, allowed, next_allowed_at):
    result = quiet_hours_check(now=now, state=state, phone=None)

    assert result.allowed is allowed
    assert result.zone == STATE_TIMEZONES[state]
    assert result.local_time.astimezone(UTC) == now  # (an ambiguous local time never equals another zone's)
    assert result.local_time.tzinfo == ZoneInfo(STATE_TIMEZONES[state])
    assert result.next_allowed_at == (now if allowed else next_allowed_at)
    assert result.next_allowed_at.tzinfo is UTC
    assert result.reason


def test_quiet_hours_local_time_is_the_wall_clock_of_the_recipient():
    result = quiet_hours_check(now=utc(2025, 3, 9, 12, 0), state="NY", phone=None)

    assert (result.local_time.hour, result.local_time.minute, result.local_time.tzname()) == (8, 0, "EDT")
    assert result.next_allowed_at.astimezone(NEW_YORK).hour == 8


def test_quiet_hours_blocked_result_names_the_zone_and_the_window():
    result = quiet_hours_check(now=utc(2025, 1, 15, 12, 59), state="NY", phone=None)

    assert not result.allowed
    assert "America/New_York" in result.reason
    assert "08:00-21:00" in result.reason
    assert result.window == (8, 21)
    assert result.state == "NY"


def test_quiet_hours_falls_back_to_the_area_code():
    result = quiet_hours_check(now=utc(2025, 7, 1, 14, 59), state=None, phone="+1 (213) 555-0100")

    assert not result.allowed
    assert result.zone == "America/Los_Angeles"
    assert result.state == "CA"
    assert result.next_allowed_at == utc(2025, 7, 1, 15, 0)
    assert "area code 213" in result.reason


def test_quiet_hours_prefers_the_state_to_the_area_code():
    # 08:30 in New York is 05:30 in Los Angeles: the NY area code must not let this through.
    now = utc(2025, 7, 1, 12, 30)

    result = quiet_hours_check(now=now, state="CA", phone="+1 212 555 0100")

    assert not result.allowed
    assert result.zone == "America/Los_Angeles"
    assert result.next_allowed_at == utc(2025, 7, 1, 15, 0)


def test_quiet_hours_accepts_now_in_any_zone_and_returns_utc():
    now = datetime(2025, 1, 15, 7, 59, tzinfo=NEW_YORK)

    result = quiet_hours_check(now=now, state="NY", phone=None)

    assert not result.allowed
    assert result.next_allowed_at == utc(2025, 1, 15, 13, 0)
    assert result.next_allowed_at.tzinfo is UTC


def test_quiet_hours_allowed_returns_now_as_next_allowed_at_in_utc():
    now = datetime(2025, 1, 15, 10, 0, tzinfo=NEW_YORK)

    result = quiet_hours_check(now=now, state="NY", phone=None)

    assert result.allowed
    assert result.next_allowed_at == now
    assert result.next_allowed_at.tzinfo is UTC


def test_quiet_hours_refuses_a_naive_now():
    with pytest.raises(ValueError, match="aware"):
        quiet_hours_check(now=datetime(2025, 1, 15, 12, 0), state="NY", phone=None)


@pytest.mark.parametrize(("start_hour", "end_hour"), [(21, 8), (8, 8), (-1, 21), (8, 25)])
def test_quiet_hours_refuses_an_impossible_window(start_hour, end_hour):
    with pytest.raises(ValueError, match="start_hour"):
        quiet_hours_check(now=utc(2025, 1, 15), state="NY", phone=None, start_hour=start_hour, end_hour=end_hour)


def test_quiet_hours_refuses_an_impossible_override():
    with pytest.raises(ValueError, match="override for FL"):
        quiet_hours_check(now=utc(2025, 1, 15), state="NY", phone=None, overrides={"FL": (20, 8)})


@pytest.mark.parametrize(
    ("start_hour", "end_hour", "now", "allowed", "next_allowed_at"),
    [
        (9, 20, utc(2025, 1, 15, 13, 59), False, utc(2025, 1, 15, 14, 0)),  # 08:59 EST
        (9, 20, utc(2025, 1, 15, 14, 0), True, None),
        (9, 20, utc(2025, 1, 16, 0, 59), True, None),  # 19:59
        (9, 20, utc(2025, 1, 16, 1, 0), False, utc(2025, 1, 16, 14, 0)),  # 20:00
        (0, 24, utc(2025, 1, 15, 5, 0), True, None),  # midnight EST: a window of the whole day
    ],
)
def test_quiet_hours_window_is_configurable(start_hour, end_hour, now, allowed, next_allowed_at):
    result = quiet_hours_check(now=now, state="NY", phone=None, start_hour=start_hour, end_hour=end_hour)

    assert result.allowed is allowed
    assert result.next_allowed_at == (now if allowed else next_allowed_at)


def test_quiet_hours_opening_inside_the_spring_forward_gap_opens_when_the_clock_jumps():
    # 02:00 does not exist in New York on 9 March 2025: at 07:00 UTC the clock goes 01:59 EST -> 03:00 EDT.
    result = quiet_hours_check(now=utc(2025, 3, 9, 6, 30), state="NY", phone=None, start_hour=2, end_hour=21)

    assert not result.allowed
    assert result.next_allowed_at == utc(2025, 3, 9, 7, 0)
    assert quiet_hours_check(now=utc(2025, 3, 9, 7, 0), state="NY", phone=None, start_hour=2, end_hour=21).allowed


def test_quiet_hours_opening_on_the_repeated_hour_opens_at_its_first_occurrence():
    # 01:00 happens twice in New York on 2 November 2025: first at 05:00 UTC (EDT), again at 06:00 UTC (EST).
    result = quiet_hours_check(now=utc(2025, 11, 2, 4, 30), state="NY", phone=None, start_hour=1, end_hour=21)

    assert result.next_allowed_at == utc(2025, 11, 2, 5, 0)


# --- State overrides ----------------------------------------------------------------------------

STRICTER = {"FL": (8, 20), "OK": (8, 20)}


@pytest.mark.parametrize(
    ("state", "phone", "now", "allowed", "next_allowed_at", "window"),
    [
        ("FL", None, utc(2025, 7, 1, 23, 59), True, None, (8, 20)),  # 19:59 EDT
        # FL without a ZIP: Eastern and Central, so it opens at 8:00 CDT
        ("FL", None, utc(2025, 7, 2, 0, 0), False, utc(2025, 7, 2, 13, 0), (8, 20)),  # 20:00 EDT
        ("fl", None, utc(2025, 7, 2, 0, 0), False, utc(2025, 7, 2, 13, 0), (8, 20)),
        (None, "+1 305 555 0100", utc(2025, 7, 2, 0, 0), False, utc(2025, 7, 2, 12, 0), (8, 20)),  # Miami
        (None, "+1 850 555 0100", utc(2025, 7, 2, 1, 0), False, utc(2025, 7, 2, 13, 0), (8, 20)),  # 20:00 CDT
        ("OK", None, utc(2025, 1, 16, 1, 59), True, None, (8, 20)),  # 19:59 CST
        ("OK", None, utc(2025, 1, 16, 2, 0), False, utc(2025, 1, 16, 14, 0), (8, 20)),  # 20:00 CST
        ("NY", None, utc(2025, 7, 2, 0, 0), True, None, (8, 21)),  # other states keep the default
        ("GA", "+1 305 555 0100", utc(2025, 7, 2, 0, 0), True, None, (8, 21)),  # the state, not the area code
    ],
)
def test_quiet_hours_state_override(state, phone, now, allowed, next_allowed_at, window):
    result = quiet_hours_check(now=now, state=state, phone=phone, overrides=STRICTER)

    assert result.allowed is allowed
    assert result.next_allowed_at == (now if allowed else next_allowed_at)
    assert result.window == window


def test_quiet_hours_override_keys_are_case_insensitive():
    result = quiet_hours_check(now=utc(2025, 7, 2, 0, 0), state="FL", phone=None, overrides={" fl ": (8, 20)})

    assert not result.allowed


def test_without_overrides_florida_has_the_federal_window():
    assert quiet_hours_check(now=utc(2025, 7, 2, 0, 0), state="FL", phone=None).allowed


# --- Unknown location ---------------------------------------------------------------------------


# With no location the send must be inside the window in every US zone: from 08:00 in Hawaii
# (18:00 UTC, no DST) to 21:00 in the East (01:00 UTC with EDT, 02:00 UTC with EST).
@pytest.mark.parametrize(
    ("now", "allowed", "next_allowed_at"),
    [
        (utc(2025, 7, 1, 12, 0), False, utc(2025, 7, 1, 18, 0)),  # 08:00 in New York, 02:00 in Honolulu
        (utc(2025, 7, 1, 17, 59), False, utc(2025, 7, 1, 18, 0)),
        (utc(2025, 7, 1, 18, 0), True, None),
        (utc(2025, 7, 2, 0, 59), True, None),  # 20:59 EDT
        (utc(2025, 7, 2, 1, 0), False, utc(2025, 7, 2, 18, 0)),  # 21:00 EDT
        (utc(2025, 1, 16, 1, 59), True, None),  # 20:59 EST
        (utc(2025, 1, 16, 2, 0), False, utc(2025, 1, 16, 18, 0)),  # 21:00 EST
        # the night DST ends the East closes an hour later in UTC
        (utc(2025, 11, 2, 1, 30), False, utc(2025, 11, 2, 18, 0)),  # 21:30 EDT on 1 November
        (utc(2025, 11, 3, 1, 30), True, None),  # 20:30 EST on 2 November
        (utc(2025, 3, 9, 17, 59), False, utc(2025, 3, 9, 18, 0)),
    ],
)
def test_quiet_hours_unknown_location_needs_every_us_zone_open(now, allowed, next_allowed_at):
    result = quiet_hours_check(now=now, state=None, phone=None)

    assert result.allowed is allowed
    assert result.next_allowed_at == (now if allowed else next_allowed_at)
    assert result.zone is None
    assert result.local_time is None
    assert "Unknown location" in result.reason


@pytest.mark.parametrize(
    ("state", "phone"), [(None, None), ("", ""), ("ZZ", "+1 800 555 0100"), (None, "+1 416 555 0100")]
)
def test_quiet_hours_unresolvable_location_is_treated_as_unknown(state, phone):
    # 08:30 in New York: allowed there, but still night in Hawaii
    result = quiet_hours_check(now=utc(2025, 7, 1, 12, 30), state=state, phone=phone)

    assert not result.allowed
    assert result.zone is None


def test_quiet_hours_unknown_location_uses_the_strictest_window_of_the_overrides():
    now = utc(2025, 7, 2, 0, 30)  # 20:30 EDT

    assert quiet_hours_check(now=now, state=None, phone=None).allowed
    result = quiet_hours_check(now=now, state=None, phone=None, overrides=STRICTER)
    assert not result.allowed
    assert result.window == (8, 20)
    assert result.next_allowed_at == utc(2025, 7, 2, 18, 0)


def test_quiet_hours_unknown_location_with_a_window_never_open_everywhere_raises():
    with pytest.raises(ValueError, match="never open"):
        quiet_hours_check(now=utc(2025, 7, 1, 12, 0), state=None, phone=None, start_hour=8, end_hour=12)


def _open_everywhere(moment, window, zones):
    return all(window[0] <= moment.astimezone(ZoneInfo(zone)).hour < window[1] for zone in zones)


@pytest.mark.parametrize("start", [utc(2025, 3, 7, 0, 0), utc(2025, 10, 31, 0, 0), utc(2025, 12, 30, 0, 0)])
def test_quiet_hours_unknown_location_agrees_with_a_brute_force_search(start):
    # Every 20 minutes over four days around a DST change: allowed exactly when every zone is open,
    # and next_allowed_at is the first whole UTC hour (all US offsets are whole hours) when they are.
    window = (8, 21)
    for step in range(4 * 24 * 3):
        now = start + timedelta(minutes=20 * step)
        result = quiet_hours_check(now=now, state=None, phone=None)
        expected_allowed = _open_everywhere(now, window, US_FALLBACK_ZONES)
        assert result.allowed is expected_allowed, now
        if expected_allowed:
            assert result.next_allowed_at == now
        else:
            candidate = now.replace(minute=0) + timedelta(hours=1)
            while not _open_everywhere(candidate, window, US_FALLBACK_ZONES):
                candidate += timedelta(hours=1)
            assert result.next_allowed_at == candidate, now


@pytest.mark.parametrize("state", ["NY", "CA", "HI", "CO", "GU", "AZ", "AK", "TX", "FL"])
def test_quiet_hours_single_zone_agrees_with_a_brute_force_search(state):
    zone = list(SPLIT_STATE_ZONES.get(state, [STATE_TIMEZONES[state]]))
    for start in (utc(2025, 3, 8, 0, 0), utc(2025, 11, 1, 0, 0)):
        for step in range(3 * 24 * 2):
            now = start + timedelta(minutes=30 * step + 7)
            result = quiet_hours_check(now=now, state=state, phone=None)
            assert result.allowed is _open_everywhere(now, (8, 21), zone), (state, now)
            if not result.allowed:
                candidate = now.replace(minute=0) + timedelta(hours=1)
                while not _open_everywhere(candidate, (8, 21), zone):
                    candidate += timedelta(hours=1)
                assert result.next_allowed_at == candidate, (state, now)


# --- Keywords -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("STOP", "stop"),
        (" Stop. ", "stop"),
        ("ＳＴＯＰ", "stop"),
        ("Opt-Out!", "opt-out"),
        ("stop \t  all", "stop all"),
        ("¡¡Stop!!", "stop"),
        ("«stop»", "stop"),
        ("\u200bstop\ufeff", "stop"),
        ("stop\ufe0f", "stop"),
        ("🛑 STOP 🛑", "stop"),
        ("Don’t stop", "don't stop"),
        ("...", ""),
        ("", ""),
    ],
)
def test_normalize_text(text, normalized):
    assert normalize_text(text) == normalized


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        ("STOP", Keyword.STOP),
        ("stop", Keyword.STOP),
        (" Stop. ", Keyword.STOP),
        ("ＳＴＯＰ", Keyword.STOP),
        ("stop all", Keyword.STOP),
        ("STOP ALL", Keyword.STOP),
        ("stop\n all", Keyword.STOP),
        ("StopAll", Keyword.STOP),
        ("Opt-Out!", Keyword.STOP),
        ("opt out", Keyword.STOP),
        ("OPTOUT", Keyword.STOP),
        ("Unsubscribe.", Keyword.STOP),
        ("cancel", Keyword.STOP),
        ("END", Keyword.STOP),
        ("Quit!", Keyword.STOP),
        ("revoke", Keyword.STOP),
        ('"stop"', Keyword.STOP),
        ("Start", Keyword.START),
        ("YES", Keyword.START),
        ("yes!", Keyword.START),
        ("unstop", Keyword.START),
        ("HELP", Keyword.HELP),
        ("help?", Keyword.HELP),
        ("Info", Keyword.HELP),
        ("ＨＥＬＰ", Keyword.HELP),
        # whole message only
        ("stop please", None),
        ("please stop", None),
        ("don't stop", None),
        ("yes please", None),
        ("help me", None),
        ("information", None),
        ("stopp", None),
        ("s t o p", None),
        ("stop-all", None),
        ("the end", None),
        ("", None),
        ("   ", None),
    ],
)
def test_classify_keyword(text, keyword):
    assert classify_keyword(text) is keyword


def test_every_listed_keyword_classifies_in_any_case_with_punctuation():
    tables = ((STOP_KEYWORDS, Keyword.STOP), (START_KEYWORDS, Keyword.START), (HELP_KEYWORDS, Keyword.HELP))
    for words, keyword in tables:
        for word in words:
            assert classify_keyword(f"  {word.upper()}!! ") is keyword, word


OPT_OUT_REQUESTS = [
    "STOP",
    " Stop. ",
    "ＳＴＯＰ",
    "stop all",
    "Opt-Out!",
    "STOP!!!!",
    "Stop 🛑",
    "Stop please",
    "please stop",
    "pls stop",
    "STOP STOP STOP",
    "Stop it",
    "Stop. Now.",
    "cancel please",
    "remove",
    "please remove me",
    "Not interested. Stop.",
    "who is this? stop",
    "please stop texting me",
    "stop texting",
    "Stop texting me!!",
    "stop contacting me!!",
    "Please stop contacting me",
    "stop sending me these messages",
    "quit messaging me",
    "stop msging me pls",
    "stop text me",
    "not interested stop texting me",
    "wrong number, stop texting me",
    "you need to stop texting me",
    "I told you to stop texting me",
    "I want you to stop texting me",
    "can you please stop texting me",
    "why won't you stop texting me",
    "why don't you stop texting me",
    "if you don't stop texting me I will report you",
    "how do I stop getting these texts",
    "stop the texts",
    "End these messages",
    "stop all your promos",
    "remove me from your list",
    "Remove me from this list please",
    "take me off your list",
    "Take me off",
    "Please take my number off your list",
    "delete my number",
    "lose my number",
    "opt me out",
    "I want to opt out",
    "How do I unsubscribe?",
    "unsubscribe me",
    "I revoke my consent",
    "don't text me",
    "Don’t text me again",
    "do not contact me",
    "do not text",
    "DO NOT TEXT THIS NUMBER",
    "Never text me again",
    "No more texts",
    "no more messages please",
    "I don't want these texts",
    "i dont want to receive any more messages",
    "I no longer wish to receive messages",
    "leave me alone",
    "Leave me alone!",
    "put me on your do not call list",
    "Who is this? I never signed up. Stop texting me.",
    # heard since the fourth outside set: formal, on someone's behalf, an ignored stop, shorthand, Spanish, Tagalog
    "Kindly discontinue sending messages to this number. Thank you.",
    "This is my mom's phone, she has dementia and these confuse her. Please remove her number",
    "he passed away last month. pls remove his number",
    "quit texting my husband, he doesn't own the shop anymore",
    "Ive replied STOP 4 times now, this is ridiculous",
    "plz remve my numbr",
    "Pleeease stop, my phone has been buzzing with you people all week",
    "stp",
    "Ya no quiero recibir sus mensajes",
    "Hindi po interesado. Paki-remove na lang po yung number ko",
    "Huwag na po kayong mag-text sa number na ito. Salamat",
    # heard since the fifth and sixth outside sets
    "This is the 4th text. Next one goes to my attorney.",
    "Favor de no volver a escribir a este número",
    "Por favor parem de mandar mensagem pra esse número",
    "Não quero mais receber mensagens, obrigado",
    "Merci de ne plus m'envoyer de messages",
    "Tanpri sispann voye mesaj ban mwen",
    "请不要再给我发短信了",
    "더 이상 문자 보내지 마세요",
    "Oi pack it in with the texts, not interested cheers",
    "Please stop taxing me thank you",
    "This is a business line, do not use it for marketing.",
    "quit blowin up my phone",
    "on sub scribe",
    "un subscribe please",
    "opt-0ut",
    "I'm 78 years old and I don't know how to make these messages stop. Please make them stop.",
    "who gave u this number?? dont ever text it again",
    "Hi, not sure how I got on this list but I'd appreciate being taken off of it. Thanks!",
    # heard since the eighth outside set
    "take me of you're list",
    "Not interested\nStop\nThanks",
    "Proszę usunąć mój numer z listy",
    "bhai mujhe message mat karo please",
    "my dad doesnt use this phone anymore and he doesnt want these texts, pls take him off",
    # heard since the seventh outside set
    "I'd like to not receive these anymore",
    "bro stop fr \U0001f480",
    "I will be contacting my attorney if I receive another message from your company.",
    "St op",
    "Sto p pls",
    "please re move my number from you're list thank you",
    "\u041d\u0435 \u043f\u0438\u0448\u0438\u0442\u0435 \u043c\u043d\u0435 \u0431\u043e\u043b\u044c\u0448\u0435",
    # round 10: languages and phrasings heard in the tenth and eleventh outside sets
    "Bitte schicken Sie mir keine Nachrichten mehr",
    "Schreiben Sie mir bitte nicht mehr",
    "Per favore non scrivetemi più",
    "smettetela di mandarmi messaggi",
    "Прекратите присылать сообщения",
    "ne pishite mne bolshe",
    "Xin đừng gửi tin nhắn nữa",
    "Por favor me tire da lista",
    "Proszę nie pisać",
    "kripya message na bhejein",
    "Huwag nyo na po akong i-text",
    "Tigilan niyo na po ako",
    "لا تراسلني",
    "I'd appreciate it if you deleted my number from your contacts",
    "Stop soliciting us",
    "one more of these and I'm reporting you to the FCC",
    "Quite texting me please",
    "Who gave you my number?? Take it off now",
    # asked before, and says so
    "I asked twice already to be taken off. Enough",
    "Requested several times to be removed, still getting these",
    "told you already to be left alone",
    "ok enough with these messages",
    "Delete this number from your system",
    "my boss asked me to tell you not to message this line",
    "Пожалуйста, больше не пишите сюда",
    "kinda curious but count me out of further texts",
    "मुझे मैसेज मत भेजो",
    "ya no me textees por favor",
    "ur blocked",
    "Our office manager asked that we no longer receive these texts",
    "This is a clinic line. Do not send marketing to this number.",
    "not sure where you got this but don't use this number again",
    "STOP 2 END",
    "Proszę przestać pisać",
    "Fadlan jooji",
    "አቁሙ",
    "もう送らないでください",
    "میسج نہ بھیجیں",
    "ਮੈਸੇਜ ਬੰਦ ਕਰੋ ਜੀ",
    "મેસેજ બંધ કરો",
    "দয়া করে মেসেজ পাঠাবেন না",
    "دیگر پیام نفرستید",
    "bhai msg mat bhejo",
    "請不要再傳訊息給我",
    "取消訂閱",
    "Ne nous écrivez plus, merci",
    "could you guys please not text this number",
    "Por favor quiten mi número",
    "sáquenme de su lista",
    "Please take our office off your contact list",
    "delete it and do not text this number again",
    "please don't use this number going forward",
    "can yall not text me",
    "Not my business anymore. Delete this contact please",
    "Pakitigil po ang pag-text",
    "my husband wants his number removed from your list",
    "I'd prefer that you not text this number",
]

NOT_OPT_OUT_REQUESTS = [
    "don't stop",
    "Do not stop!",
    "I can't stop thinking about your offer",
    "the bus stop",
    "Where's the nearest stop?",
    "is this the end of the promo?",
    "what time does the sale end",
    "Don't stop texting me, I love the deals",
    "Please don't ever stop messaging me",
    "Never stop sending me deals",
    "why did you stop texting me?",
    "did you stop sending the promos?",
    "I'll stop texting you",
    "I'll stop by",
    "stop by the office tomorrow",
    "stop sign repair quote",
    "non-stop deals?",
    "stopwatch",
    "stop me if you've heard this one",
    "It doesn't stop raining here",
    "you don't text me enough",
    "yes please text me the details",
    "can you text me the address",
    "Text me the price",
    "I don't text, call me",
    "please don't remove me from the list",
    "remove the old listing from your website",
    "please remove my old address from the invoice",
    "I don't want to unsubscribe",
    "cancel my 3pm and reschedule",
    "I was going to cancel but I'll stay",
    "we can end the call early",
    "I want to quit my job and start a business",
    "are you open until the end of the day?",
    "Can't wait to hear more",
    "Sure, call me tomorrow",
    "send me more info",
    "help",
    "start",
    "Yes",
    "ok thanks",
    "",
    # questions about other people, a route stop, a visit
    "Can customers opt out of the texts you'd send for us? Don't want to annoy anybody",
    "Stop 3 on the route is canceled today, tell Jose",
    "I said stop by at 3",
    "we sent stop requests to the vendor last week",
    "remove his number and add mine, 512 555 0142",
    "How do the customers opt out if we text them through you? We need it TCPA compliant for appointment reminders",
    "How do I unsubscribe my customers from the appointment reminders if they ask?",
    "Mom said remove the chicken from the freezer before you leave",
    "Is there a way to pause if we get too busy? Last company wouldn't let us stop the ads",
    "Not gonna tell you to stop, you're just doing your job, but I'm not interested",
    "haha my kid unsubscribed from netflix by accident",
    "Please don't remove me from your list lol I actually want to hear about this",
    "Liked \u201cHi Maria, open to a quick chat? Reply STOP to opt out\u201d",
    "I'd rather not get a call, text is fine",
    "I don't want to be taken off the list",
    "yo stop by later",
    "Stop by\ntomorrow at 3",
    "take him off the schedule for friday",
    # counterfactuals and news, not requests
    "I almost blocked you but ok, what's the rate",
    "I nearly reported this as spam lol, but send me the details",
    "I was gonna unsubscribe but this actually looks useful",
    "Stop sending me to voicemail, call me at 2",
    "our bookkeeper just quit so yes we need help",
    "Not even worth the time it takes to block you, clown",
    "Yes interested. Also remove the old owner's name from your records, he sold to me",
    # the writer says what they are not asking
    "not saying stop, just slow down on the texts, one a month is plenty",
    "I'm not asking you to remove me, just send it by email",
    "we want to cancel with our current provider, what's your rate?",
    "drop the number of trucks to 3 in the quote",
    "count me out for the golf thing Saturday",
    "I'd report you but I honestly can't be bothered lol",
    "¿De dónde sacaron mi número?",
    "please don't remove our office from your list, we like the deals",
    "don't call me, email is better",
    "can you delete the contact form from our website quote?",
    "my card got blocked, can you resend the invoice?",
    # guards whose reply the reply model may still hold for a person: never suppressed
    "take the trash cans off the curb",
    "Đừng ngừng gửi nha em, gửi thêm thông tin cho chị",
    "STOP N GO Tire & Wheel here, who is this?",
    "Non-stop offers lol, but no thanks",
    "Did y'all stop the promo from last month? The 0% one?",
    "Stop playin lol 😂 my cousin put you up to this didn't he",
    "Stop sending me to voicemail lol, call me at 4:30",
    "> Hi Dana, we help with funding. Reply STOP to opt out\nWhat does 24h funding mean exactly?",
    "I want it out of your hands by Friday, the contract I mean",
    "Remove the old number from my file and use this one instead: 409-555-0121",
    "is there a way to unsubscribe from the email newsletter but keep getting the texts?",
    "I told my nephew to stop texting me from work lol wrong chat",
    "it'd be great if this was the last one I have to pay",
    "I hope this is the last time I have to pay this fee",
    "How do I unsubscribe later if I sign up? I don't want 50 texts a day",
    "cooool tell me more",
    "How would I opt out later if I don't want these anymore?",
    "Is there a way to unsubscribe from the grant newsletter but still keep getting these texts?",
    "Don't stop sending me these, I might actually need something in a couple months.",
    "how do i get off the other newsletter, the payroll one? i still want these texts",
    "Remove Tesfaye from the distribution list for the weekly schedule, he quit Friday",
    "Cease work on PO 88213 until the COR signs the modification.",
    "We're discontinuing our old Square lease next month. What would you offer instead?",
    "Let me be clear, I'm interested. Send the numbers.",
    "Don't send anything yet, I'll call you Monday",
    "I want off this island for a week, then let's talk",
    "remove the shop number and add my cell 555-201-3344",
    "Make it end of month. Call me the 30th around noon.",
    "Don't send another quote until I check with my partner",
    "the stoop needs paint, call me",
    "pueden bajar el numero un poco? el precio digo",
    "se me olvidó mi número de cliente, me lo mandas?",
    "Don't send more info, I have enough for now, I'll call you",
    "My abuela always said 'stop wasting money on ads' haha",
    "no need to text me the link again, I found it",
    "next time text me before 5, the AG office closes early",
    "I unsubscribed from the newsletter twice but I still get it, anyway whats the price",
    "hapus nomor lama saya, pakai yang baru",
    "jangan kirim dulu, besok saja",
    "Will you stop sending me leads if I pause my account?",
    "If I say stop will you actually stop? Just curious, I'm interested",
    "don't call me at the shop, text this number",
    "no me esten mandando la info todavia",
]


@pytest.mark.parametrize("text", OPT_OUT_REQUESTS)
def test_is_opt_out_request_recognises_revocations(text):
    assert is_opt_out_request(text) is True


@pytest.mark.parametrize("text", NOT_OPT_OUT_REQUESTS)
def test_is_opt_out_request_ignores_messages_that_do_not_revoke(text):
    assert is_opt_out_request(text) is False


def test_every_stop_keyword_is_an_opt_out_request_and_no_start_or_help_keyword_is():
    assert all(is_opt_out_request(word) for word in STOP_KEYWORDS)
    assert not any(is_opt_out_request(word) for word in START_KEYWORDS | HELP_KEYWORDS)


def test_is_opt_out_request_looks_for_phrases_only_in_short_messages():
    story = (
        "Thanks for the quote. My brother runs a bakery and told me his old supplier would not "
        "stop texting him, so he switched to you and he is really happy with the service and "
        "the prices, so I would like to hear about the plans for a shop of about ten people."
    )

    request = story + " Anyway, please stop texting me."
    aside = "Anyway, please stop texting me. " + story

    assert not is_opt_out_request(story, max_words=100)
    assert is_opt_out_request(request, max_words=100)
    # in a long message a sentence that is a request on its own revokes; one inside a long sentence is held
    assert is_opt_out_request(request)
    assert is_opt_out_request(aside)
    assert is_opt_out_request("Thanks, but please stop texting me.")


# --- Replies ------------------------------------------------------------------------------------

BRAND = "Acme Sales"
CONTACT = "support@acme-sales.example or (512) 555-0100"


def test_stop_confirmation():
    text = compliance_reply(Keyword.STOP, brand=BRAND, contact=CONTACT)

    assert text.startswith("Acme Sales:")
    assert "Reply START to resubscribe" in text
    assert "{" not in text
    assert "http" not in text.lower()
    assert "{brand}" in STOP_CONFIRMATION


def test_help_reply():
    text = compliance_reply(Keyword.HELP, brand=BRAND, contact=CONTACT)

    assert BRAND in text
    assert CONTACT in text
    assert text.endswith("Reply STOP to opt out. Msg&data rates may apply.")
    assert "{brand}" in HELP_REPLY
    assert "{contact}" in HELP_REPLY


def test_start_confirmation():
    text = compliance_reply(Keyword.START, brand=BRAND, contact=CONTACT)

    assert text.startswith("Acme Sales:")
    assert "STOP" in text
    assert "{brand}" in START_CONFIRMATION


@pytest.mark.parametrize("keyword", list(Keyword))
def test_every_reply_is_one_gsm7_segment(keyword):
    text = compliance_reply(keyword, brand=BRAND, contact=CONTACT)

    assert encoding(text) == "GSM-7"
    assert segment_count(text) == 1


def test_reply_accepts_the_keyword_as_its_string_value():
    assert compliance_reply("STOP", brand=BRAND, contact="") == compliance_reply(Keyword.STOP, brand=BRAND, contact="")


def test_reply_does_not_format_placeholders_inside_the_brand():
    text = compliance_reply(Keyword.HELP, brand="{contact} Co", contact="x@example.com")

    assert text.startswith("{contact} Co:")


@pytest.mark.parametrize(
    ("keyword", "brand", "contact", "message"),
    [
        (Keyword.STOP, "  ", CONTACT, "brand"),
        (Keyword.HELP, BRAND, " ", "contact"),
    ],
)
def test_reply_refuses_missing_brand_or_help_contact(keyword, brand, contact, message):
    with pytest.raises(ValueError, match=message):
        compliance_reply(keyword, brand=brand, contact=contact)


# --- one opt-out decision: every phrase family and guard ---------------------------------------------

from messaging.compliance import opt_out_decide, opt_out_explain, without_tapback  # noqa: E402

OPT_OUT_FAMILIES = {
    "carrier keyword": ["STOP", "unsubscribe", "Cancel", "END", "stopall"],
    "bare remove / unsub": ["remove", "Remove please", "unsub", "UNSUB pls", "remove me"],
    "stop emoji": ["\U0001f6d1", "\u270b", "\u26d4", "\U0001f6ab", "no more \U0001f6ab", "\u270b\U0001f3fd"],
    "spam report": ["Reporting this as spam", "I'm reporting this as spam", "this is spam", "Spam.", "marked as junk",
                    "Reported to my carrier as spam"],
    "do not contact": ["DO NOT CONTACT", "do not contact me again", "Please do not contact", "do not text this number"],
    "legal threat": ["I will sue you", "see you in court", "TCPA violation", "cease and desist",
                     "I'm reporting you to the FCC", "filing a complaint with the attorney general"],
    "wrong number, remove": ["Wrong number, remove", "wrong # remove", "wrong number. please remove me"],
    "formal revocation": ["I revoke my consent", "I withdraw my consent", "Kindly refrain from contacting me",
                          "Please discontinue all contact", "I no longer wish to receive messages",
                          "You do not have my permission to text me"],
    "indirect": ["how do I unsubscribe", "when will these texts stop", "I asked you to stop", "get me off your list",
                 "Stop I'm not interested", "ok stop", "stop fucking texting me"],
    "misspelt": ["stpo", "sotp", "S T O P", "unsubcribe", "stopp"],
    "spanish": ["alto", "ALTO por favor", "para", "baja", "cancelar", "no más mensajes", "no me escriba más",
                "dejen de escribirme", "dame de baja", "quítame de su lista", "Es spam"],
}  # fmt: skip
NOT_OPT_OUT_GUARDS = {
    "don't stop": ["don't stop", "Don't stop sending deals!", "please don't ever stop"],
    "did you stop": ["Did you stop texting me?", "did you stop sending the promos?"],
    "stop by / nouns": ["Stop by tomorrow", "the bus stop near my house", "Stop & Shop is closed?", "non-stop rain",
                        "spot on", "step by step"],
    "negated unsubscribe": ["I don't want to unsubscribe", "please don't remove me"],
    "spam question": ["is this spam?", "Is this a scam?"],
    "not interested alone": ["not interested", "No thanks", "no gracias"],
    "para in a sentence": ["para mi esposa", "es para mañana"],
}  # fmt: skip
UNCERTAIN = {
    "complaint": ["this is so annoying", "I am so sick of these", "my lawyer will hear about this"],
    # a script with no word list here, and a question in a script with one that names spam
    "unknown script": ["\u042d\u0442\u043e \u0441\u043f\u0430\u043c?", "\u05de\u05d9 \u05d6\u05d4?"],
    "long message": [
        "Thanks for the quote. My brother runs a bakery and told me his old supplier texted him every week, so he "
        "switched to you and he is really happy with the service and the prices, so I would like to hear about the "
        "plans for a shop of about ten people, and my brother says he told the last company to stop texting me "
        "and they did."
    ],
    "stop and a gerund that is not about texts": ["stop teasing and send the details", "Stop wasting your life, loser"],
    "a stop asked and answered no": ["Unsubscribe? Nah lol. Tell me what you got for a salon"],
    "a route stop": ["Stop 3 on the route is canceled today, tell Jose"],
}


@pytest.mark.parametrize(
    ("family", "text"), [(f, t) for f, texts in OPT_OUT_FAMILIES.items() for t in texts], ids=lambda v: str(v)[:30]
)
def test_each_opt_out_family_is_a_yes(family, text):
    assert opt_out_decide(text) == "yes", opt_out_explain(text)
    assert is_opt_out_request(text)


@pytest.mark.parametrize(
    ("guard", "text"), [(g, t) for g, texts in NOT_OPT_OUT_GUARDS.items() for t in texts], ids=lambda v: str(v)[:30]
)
def test_each_guard_keeps_a_no(guard, text):
    assert opt_out_decide(text) == "no", opt_out_explain(text)


@pytest.mark.parametrize(
    ("kind", "text"), [(k, t) for k, texts in UNCERTAIN.items() for t in texts], ids=lambda v: str(v)[:30]
)
def test_unclear_replies_are_uncertain_and_not_suppressed(kind, text):
    assert opt_out_decide(text) == "uncertain", opt_out_explain(text)
    assert not is_opt_out_request(text)


# Each family of revocation (and each guard) with the decision it must get: "yes" suppresses at once,
# "uncertain" holds the number for a person (OPT_OUT_REVIEW), "no" leaves it textable.
DECISIONS = [
    # bare commands beside the stop words
    ("Desist", "yes"),
    ("Please discontinue", "yes"),
    ("delete", "yes"),
    ("erase me", "yes"),
    ("rmv me", "yes"),
    ("ENOUGH ALREADY", "yes"),
    ("Blocked and reported", "yes"),
    ("Stop2end", "yes"),
    ("remove from the list pls", "yes"),
    ("op out", "yes"),
    # misspelt or spread out
    ("stooop", "yes"),
    ("STOPPPPP", "yes"),
    ("S-T-O-P", "yes"),
    ("s.t.o.p", "yes"),
    ("remov me", "yes"),
    ("stahp", "yes"),
    # stop emoji, with skin tones and variation selectors
    ("✋🏽", "yes"),
    ("⛔️", "yes"),
    ("🙅", "uncertain"),
    ("🙅\u200d♂️", "uncertain"),
    # indirect and polite
    ("Please don't reach out again", "yes"),
    ("never reach out to me again", "yes"),
    ("I would like to be removed", "yes"),
    ("I'd appreciate it if you stopped texting me", "yes"),
    ("I'd prefer you don't text me", "yes"),
    ("no more please", "yes"),
    ("No más por favor", "yes"),
    ("go away", "yes"),
    ("leave me be", "yes"),
    ("leave me the hell alone", "yes"),
    ("knock it off", "yes"),
    ("quit bugging me", "yes"),
    ("Who gave you my number? I want it deleted from your database.", "yes"),
    ("please do not send any more messages to this phone", "yes"),
    ("Please remove my business from your texting list", "yes"),
    # formal and legal
    ("I have not consented to receive these messages.", "yes"),
    ("I never gave anyone permission to text me", "yes"),
    ("Do not solicit", "yes"),
    ("No soliciting", "yes"),
    ("unsolicited", "yes"),
    # threats and spam reports
    ("Text me again and I will report you", "yes"),
    ("If you text me again, I'm reporting you", "yes"),
    ("next text goes straight to my lawyer", "yes"),
    ("Another text and I'm suing", "yes"),
    ("Any further messages will be reported.", "yes"),
    ("forwarded to 7726", "yes"),
    ("I'm blocking you", "yes"),
    # wrong number with a removal
    ("wrong number pls remove", "yes"),
    ("wrong #. delete", "yes"),
    ("This isn't John, please take this number off", "yes"),
    ("We closed permanently, please remove us", "yes"),
    # Spanish
    ("sáquenme de su lista", "yes"),
    ("Deténganse", "yes"),
    ("no me escriban más", "yes"),
    # guards: not revocations
    ("Don't call, text me instead", "no"),
    ("Don't call before 10am", "no"),
    ("Please don't call me at work. Text is fine", "no"),
    ("I don't text", "uncertain"),  # the model reads a likely "don't text me": a person decides
    ("Please remove my old email and use tom@oakhvac.com", "no"),
    ("That's enough info for now thanks", "no"),
    ("Don't reach out to him, he left", "uncertain"),  # about someone who left; the model holds it for a person
    ("the end", "yes"),
    ("u can stop now lol", "yes"),
    ("Nah stop hitting my line", "yes"),
    ("sotp texting me", "yes"),
    ("Where did u get this number. Take it off whatever list you have", "yes"),
    ("I don't know how you got this number but remove it now", "yes"),
    ("My husband passed away last year, please remove his number from your list", "yes"),
    ("Please remove our office number from your texting list. Thank you.", "yes"),
    (
        "I own a small plumbing company and I get texts like this all the time and honestly I dont have time for it, "
        "I'm on job sites all day and my phone is blowing up nonstop, so please just take my number off whatever "
        "list this is. thanks",
        "yes",
    ),
    ("not interested but no need to stop texting, maybe check back in the fall", "no"),
    ("Don't forget to unsubscribe from that gym thing, they charged us again", "no"),
    ("If I sign up can I unsubscribe later if I don't like it?", "no"),
    ("De donde sacaron mi numero?", "no"),
    ("My lawyer says the closing is on the 12th", "no"),
    ("you fixed the old listing, thanks", "no"),
    ("Is there a fee to delete my data if I leave?", "no"),
    ("Do you set up unsubscribe links for email newsletters?", "no"),
    ("Can you help me block spam calls to the shop line?", "no"),
    ("quit txtin me", "yes"),
    ("plz stoo", "yes"),
    ("removeme", "yes"),
    ("Who gave you this number?? Lose it.", "yes"),
    ("pare de mandarme textos gracias", "yes"),
    ("xin đừng nhắn tin nữa", "yes"),
    ("Yes I'm interested in you never texting me again", "yes"),
    ("Can you please not text me anymore", "yes"),
    ("not interested pls remove from list thx", "yes"),
    # a person decides
    ("fuck off", "uncertain"),
    ("shut up", "uncertain"),
    ("Thanks for your text! To unsubscribe from our updates reply STOP.", "uncertain"),
    ("if I reply STOP will it stop texts to my other store too?", "uncertain"),
    ("how many times do I have to get these", "uncertain"),
    # the twenty-fifth outside set: a number removed on someone's behalf, a list left, a formal removal, Chinese
    # and German; "text marketing" as a product declined is no revocation of the texts (the model may hold it)
    ("Not the owner, and the owner doesn't want these. Please remove the shop number.", "yes"),
    ("whoever runs this list, I want OFF it", "yes"),
    ("In addition, please remove Ridgeline Electric from any future SMS campaigns.", "yes"),
    ("\u522b\u518d\u7ed9\u6211\u53d1\u77ed\u4fe1\u4e86", "yes"),
    ("Sie haben die falsche Nummer. Bitte l\u00f6schen Sie sie.", "yes"),
    ("I want off work early today, can we talk monday", "no"),
    ("Please remove Dana from the schedule for Friday", "no"),
    # the twenty-sixth: cancel misspelt, Korean, Vietnamese, Portuguese, Haitian Creole, a polite indirect request
    ("cancle", "yes"),
    ("\uc218\uc2e0\uac70\ubd80", "yes"),
    ("L\u00e0m \u01a1n x\u00f3a s\u1ed1 n\u00e0y kh\u1ecfi danh s\u00e1ch c\u1ee7a anh", "yes"),
    ("Parem com isso, tira meu n\u00famero da\u00ed", "yes"),
    ("Retire nimewo mwen nan lis ou a souple", "yes"),
    ("I'd appreciate not getting these anymore, this phone is for dispatch", "yes"),
    ("I'd appreciate not being rushed, send the details by email", "no"),
    # the twenty-seventh: a formal notice, Hindi in Latin letters, French, a "no" gesture beside words that revoke
    ("Please update your records to reflect that this practice does not wish to be contacted by SMS.", "yes"),
    ("Mujhe ye messages nahi chahiye, please mera number hata do", "yes"),
    ("Merci de retirer mon num\u00e9ro de votre liste", "yes"),
    ("je ne souhaite plus recevoir de messages", "yes"),
    ("nah fam remove me \U0001f645\u200d\u2642\ufe0f", "yes"),
    ("\U0001f645", "uncertain"),
    ("maybe later \U0001f645", "uncertain"),
    # the twenty-eighth: both numbers taken off after a guarded question; Hebrew, Greek, Ukrainian, Armenian,
    # Cantonese and Japanese requests
    ("Hey did u stop texting my husband? He's still getting them. Take BOTH our numbers off", "yes"),
    ("נא להסיר אותי מהרשימה שלכם", "yes"),
    ("Σας παρακαλώ σταματήστε να μου στέλνετε", "yes"),
    ("Будь ласка, видаліть мій номер", "yes"),
    ("Խնդրում եմ այլևս չգրեք", "yes"),
    ("唔好再send嘢嚟呢個number啦", "yes"),
    ("もう送らないでください", "yes"),
    # the twenty-ninth: Urdu, Turkish, a Spanish clinic's "no nos envíen más publicidad"
    ("براہ کرم مجھے مزید میسج نہ کریں، میرا نمبر اپنی لسٹ سے نکال دیں", "yes"),
    ("Lütfen bana mesaj atmayı bırakın. Numaramı listenizden silin.", "yes"),
    ("Este número es de una clínica. No nos envíen más publicidad, gracias.", "yes"),
    ("No me manden el contrato todavía, lo reviso el lunes", "no"),
    # the thirtieth: indirect, polite, earlier opt-outs referred to, Russian, misspelt Spanish; stop words said
    # laughing beside something glad are held, laughing refusals are not
    ("Уберите мой номер из вашей базы", "yes"),
    ("Thanks but no thanks, and thanks in advance for not texting again 🙂", "yes"),
    ("Mom doesn't use this phone anymore and I'd rather not get business stuff on it. Can you take it off?", "yes"),
    ("what do I have to do to never hear from apex capital again", "yes"),
    ("I'd appreciate it if I didn't get any more of these.", "yes"),
    ("I thought I opted out in January??", "yes"),
    ("I opted out of the dental plan last year", "no"),
    ("kiten mi numero d su lista xfa", "yes"),
    ("I do not want it used for marketing of any kind", "yes"),
    ("how do i stop you from texting me", "yes"),
    ("How do I stop my bank from charging overdraft fees?", "no"),
    ("Stop it Carol 😂😂 I'm dying", "uncertain"),
    ("Stop! You read my mind lol. Yes send me something", "uncertain"),
    ("lol no. stop", "yes"),
    ("u can stop now lol", "yes"),
    # the thirty-first: a notice, Portuguese, "pls stop" opening a sentence about the phone; "email pls, dont call"
    # prefers a channel
    ("Texting this number again will be considered harassment. Consider this your notice.", "yes"),
    ("Me tira dessa lista por favor, esse número é da minha família", "yes"),
    ("pls stop im at work and this keeps going off", "yes"),
    ("pls stop by the shop friday", "no"),
    ("Email pls (dont call, in clinic all day) -> jsmith[at]valleyortho[dot]com", "no"),
    # the thirty-third: Spanglish, "like" inside a request for a parent's phone, a number named by its last digits,
    # "yer list"
    ("oye ya deja de estar texteando this number, we don't need money gracias", "yes"),
    ("can u guys like not text my dads phone hes literally at work and it keeps going off", "yes"),
    ("The owner doesn't want these texts, please remove the number ending in 4471 from your system.", "yes"),
    ("take this # off yer list boss", "yes"),
    ("Deja de preocuparte, todo salió bien", "no"),
    # the thirty-second: what the writer is not doing, someone's job, and "unsubscribe from what?" asked back
    ("Quick question, NOT trying to opt out - when someone replies STOP to your texts, are they removed?", "no"),
    ("I'm not trying to be rude but please remove me", "yes"),
    ("You should quit your job man, you're terrible at it", "no"),
    ("you can stop now", "yes"),
    ("Unsubscribe from what? I never subscribed to anything lol", "uncertain"),
    # the thirty-fourth: a question about opting out, a meeting cancelled, a business's own REMOVE keyword, someone
    # else's newsletter
    ("Just curious, if I opt out now can I opt back in later if we end up needing funding?", "uncertain"),
    ("if I opt out will you stop", "yes"),
    ("Monday at 1 please. If something comes up just cancel, no big deal", "no"),
    ("cancel please", "yes"),
    ("Hello, you've reached Kim's Alterations. Reply REMOVE to stop receiving our promos.", "uncertain"),
    ("Jen can you unsubscribe me from the Sysco newsletter, it's clogging the shop email", "uncertain"),
    ("unsubscribe me from this list", "yes"),
    # the thirty-fifth: Polish, Somali, Samoan, a wife for her husband and herself; kids dropped off are no list
    ("Proszę nie wysyłać mi więcej wiadomości.", "yes"),
    ("Fadlan lambarkan ka saar liiskiinna.", "yes"),
    ("Fa'amolemole aua le toe fa'afeso'ota'i mai i lenei numera.", "yes"),
    ("Hi this is Pat's wife. Pat doesn't do the books anymore. Please don't text him or me again.", "yes"),
    ("Let's talk. Monday at 8 after the kids get dropped off", "no"),
    # the thirty-sixth
    ("Yes I'm interested... in never hearing from you again.", "yes"),
    # quoted lines of our text are ours: only the person's own lines decide
    ("> Open to a quick call?\nstop texting me", "yes"),
    ("> Reply STOP to opt out", "uncertain"),
    ("No idea how you got this number but I want it out of your system today", "yes"),
    ("I need my number out of your database", "yes"),
    ("ਕਿਰਪਾ ਕਰਕੇ ਮੈਨੂੰ ਹੋਰ ਮੈਸੇਜ ਨਾ ਭੇਜੋ", "yes"),
    # the thirty-eighth: Cajun French, Spanish for a husband, Arabic and Arabizi; traps: "don't stop" in Vietnamese,
    # a stop asked and declined in Spanish, an old number replaced, Stop N Go, a nephew told to stop
    ("Bon, c'est assez là. Ôtez mon numéro de votre liste, s'il vous plaît.", "yes"),
    ("Arrête de m'envoyer ces textos-là, cher.", "yes"),
    ("Lâche-moi tranquille avec tes messages, asteur.", "yes"),
    ("Mi esposo dice que ya no le manden mensajes al número de la taquería.", "yes"),
    ("plz 7abibi wa2if el rasayel 3al raqam hada, mish mehtaj", "yes"),
    ("law sama7t mat2b3atsh rasayel tany 3ala el ra2am da. shukran", "yes"),
    ("أرجو حذف رقمي من قائمتكم وعدم التواصل معي مرة أخرى", "yes"),
    ("Stahp textin me", "yes"),
    ("ngừng gửi tin nhắn", "yes"),
    ("Parar? No, no pares, mándame más info del préstamo", "uncertain"),
    ("remove my number from your file", "yes"),
    ("unsubscribe me from your emails and texts", "yes"),
    ("He asked me to tell you guys to stop texting the shop line.", "yes"),
    # the thirty-ninth: a lawyer's formal revocation decides however long; "the last one"; Bengali (both scripts),
    # Yiddish, Polish; traps: unsubscribing later, the last fee
    (
        "To whom it may concern: This office hereby revokes any and all consent, express or implied, to receive text "
        "messages at this number from your company, its agents or affiliates, pursuant to the TCPA, 47 U.S.C. 227. Any "
        "further message will be treated as a willful violation. - Law Office of R. Castellanos, PLLC",
        "yes",
    ),
    ("We revoke any prior consent to texts.", "yes"),
    ("I would appreciate it if this was the last one of these.", "yes"),
    ("দয়া করে আর মেসেজ দিবেন না। নাম্বারটা আপনাদের লিস্ট থেকে কেটে দেন।", "yes"),
    ("bhai amake ar text korben na, onek hoise. number ta delete koren", "yes"),
    ("ביטע הערט אויף שיקן מעסעדזשעס צו דעם נומער. א דאנק.", "yes"),
    ("Panie, ile razy mam pisać? Wypisz mnie pan z tej listy i koniec.", "yes"),
    # the fortieth: drawn-out words, Russian and Ukrainian in Latin letters, Marshallese, Tongan, polite Japanese,
    # German without "mehr", "delete it and whatever else you've got on me"
    ("im in the backcountry w 1 bar and ur text came thru before my wifes did. remove meeee", "yes"),
    ("stooooop", "yes"),
    ("take me offff your list", "yes"),
    ("Vy uzhe tretiy raz pishete. Udalite moy nomer iz bazy.", "yes"),
    ("Ne pyshit meni bilshe. Dyakuyu.", "yes"),
    ("Jab bar text e nomba in. Kommol.", "yes"),
    ("Kataki 'o ta'ofi ho'o ngaahi text mai ki he fika ko 'eni. Mālō.", "yes"),
    ("今後このようなご連絡はご遠慮ください。", "yes"),
    ("Bitte keine weiteren Nachrichten an diese Nummer.", "yes"),
    ("pls no mas", "yes"),
    ("Who sold you my number? I never gave it to you. Delete it and whatever else you've got on me.", "yes"),
    # the forty-first: polite Midwest forms, Oromo, Hmong, Burmese, Albanian, Somali, Ukrainian, Levantine and Egyptian
    # Arabic, Spanish for a father; a voice text meant for someone else is held; a condition is no request
    (
        "Oh I think we're gonna pass on all of these going forward, so if you could just not send them anymore "
        "that'd be super. Thanks a bunch!",
        "yes",
    ),
    ("how do I get these to quit coming to my phone", "yes"),
    ("Could you maybe not text this number anymore? No offense", "yes"),
    ("can you not?", "yes"),
    ("I'm sure you're just doing your job hon, but we really don't want these. Okay? Thanks, bye now", "yes"),
    ("we'd prefer not to be on any lists, if that's alright. Thank you kindly.", "yes"),
    ("Already told you people back in March. Take. Me. Off.", "yes"),
    ("Please top texting this number period we don't need no funding period thank you", "yes"),
    ("Maaloo ergaa kana natti hin ergiinaa", "yes"),
    ("Lakkoofsa koo tarree keessan irraa haqaa, galatoomaa", "yes"),
    ("Thov tsis txhob xa ntawv tuaj rau kuv lawm. Ua tsaug", "yes"),
    ("ကျေးဇူးပြုပြီး ဒီနံပါတ်ကို မက်ဆေ့ချ် ထပ်မပို့ပါနဲ့တော့", "yes"),
    ("Ju lutem mos më dërgoni më mesazhe", "yes"),
    ("Hiqeni numrin tim nga lista juaj, faleminderit", "yes"),
    ("Walaal liiskiina iga saar, ma rabo farriimahan", "yes"),
    ("Будь ласка, більше не надсилайте мені повідомлення.", "yes"),
    ("khalas ya habibi, ma badde had el rasayel. shilni men el list", "yes"),
    ("law sama7t ma tb3atli msgs 3ala hal ra2am ba2a", "yes"),
    ("شيلوا رقمي من القائمة لو سمحتوا، مش عايز رسايل", "yes"),
    ("bro my dad says stop, él no quiere estos mensajes ok", "yes"),
    ("Stop the car right now!! Sorry that was voice text, my kid grabbed the phone", "uncertain"),
    ("wrong chat lol, but seriously stop texting me", "yes"),
    # the forty-second: Patois, Haitian Creole, "grateful if this was the last one", "removing me shouldn't be this
    # hard", "take me of yo list"; traps: "non-stop offers", "did y'all stop the promo", "stop playin lol"
    ("I'm sure you're a lovely person but I'd be grateful if this was the last one of these I get.", "yes"),
    ("Bredda, stop sen mi dem ya message deh. Mi nuh want it.", "yes"),
    ("Pa voye m anyen ankò souple, m pa enterese ditou.", "yes"),
    ("This is the third time I've asked. Removing me shouldn't be this hard.", "yes"),
    ("Take me of yo list", "yes"),
    # the forty-third: Armenian and Farsi in both scripts, traditional Chinese, Khmer, "asked twice already to be
    # removed", "quit wasting ur texts on me"; traps: a song line, another newsletter while the texts are wanted
    ("Խնդրում եմ այլևս հաղորդագրություն չուղարկեք այս համարին։", "yes"),
    ("Ays hamarin el mi greq. Voch mi biznes chunem.", "yes"),
    ("Khndrum em ayl chgrek indz. Shnorhakalutyun.", "yes"),
    ("Khahesh mikonam dige be in shomare payam nadid. Merci.", "yes"),
    ("لطفا دیگه به این شماره پیام ندید. ممنون", "yes"),
    ("請勿再傳訊息到這個號碼，否則我會檢舉。", "yes"),
    ("សូមកុំផ្ញើសារមកលេខនេះទៀត។", "yes"),
    ("We've asked twice already to be removed. Third time I'm calling my attorney.", "yes"),
    ("bro ur texting a 19 yr old who sells boba out of a pop-up. quit wasting ur texts on me fr", "yes"),
    ("stop. hammer time 🔨", "uncertain"),
    # the forty-fifth: Swahili, Kinyarwanda, Nepali (both scripts), Pashto, Dari in Latin letters; "need y'all to not
    # text me", "like you to lose it"; another list (a prayer chain, a fantasy league chat, a men's breakfast list) is
    # held, not suppressed
    ("ok so I'm gonna need y'all to not text me anymore, and who gave you this number anyway?", "yes"),
    ("I don't know how y'all got this number but I'd sure like you to lose it", "yes"),
    ("Sitaki tena ujumbe huu. Niondoeni kwenye orodha yenu.", "yes"),
    ("Tafadhali acheni kunitumia jumbe hizi. Asanteni, Mungu awabariki.", "yes"),
    ("Mwihangane, ntimukongere kunyoherereza ubu butumwa. Murakoze.", "yes"),
    ("कृपया मलाई फेरि यस्ता म्यासेज नपठाउनुहोस्।", "yes"),
    ("malai aba message napathaunus hai, dhanyabad", "yes"),
    ("مهرباني وکړئ نور پیغامونه مه رالیږئ", "yes"),
    ("lotfan dega payam naferestin, mehrabani", "yes"),
    ("Take me off the prayer chain please, I already told Sister Brenda", "uncertain"),
    ("Whoever keeps adding me to the fantasy football group chat, take me off, I'm done after that trade", "uncertain"),
    ("Brother Ray, please remove me from the men's breakfast text list, I moved to Norman.", "uncertain"),
    ("Take me off your list and off the prayer chain too", "yes"),
    # the forty-fourth: Greeklish, Cape Verdean Kriolu, Khmer, Italian, Portuguese, Nepali in Latin letters, "cease
    # all further text communication"; "don't call, email x@y.com" is a channel preferred; wanting the texts is held
    ("Mhn mou ksanasteileis minimata re file, den thelw tipota", "yes"),
    ("Ka bu manda-m mas mensajen, N ka kre nada di kel-li.", "yes"),
    ("ឈប់ផ្ញើសារមកខ្ញុំទៀតទៅ ខ្ញុំមិនត្រូវការទេ", "yes"),
    ("Per favore toglietemi dalla vostra lista. Non voglio più messaggi.", "yes"),
    ("Deixe de me mandar mensagens, faz favor. Não estou interessada. — Conceição", "yes"),
    ("Yo number ma message pathauna banda garnus, please.", "yes"),
    ("Dear Sir or Madam, Kindly cease all further text communication to this number. Regards", "yes"),
    ("Don't call, I can't hear nothing on the boat. Email captainjoe207@aol.com", "no"),
    (
        "Is this the same company as the newsletter I get by email? Can I unsubscribe from that one and still get the "
        "texts?",
        "uncertain",
    ),
    ("I keep getting texts for his business. Please stop sending them to this number", "yes"),
    # the forty-sixth: privacy-law deletion requests, "u guys r spam. blocking n reporting", "Remove from
    # distribution.", a request on an elder's behalf, promotional messages discontinued; Nigerian Pidgin, Tamil, Telugu,
    # Amharic, Tigrinya, Yoruba, Twi
    (
        "Under the Virginia Consumer Data Protection Act I am requesting deletion of all personal data you hold on me "
        "and my business. Please confirm in writing once done.",
        "yes",
    ),
    ("Per the Maryland Online Data Privacy Act, delete any info you have on me and confirm.", "yes"),
    ("u guys r spam. blocking n reporting", "yes"),
    ("Remove from distribution.", "yes"),
    ("Please discontinue all promotional messages to it effective immediately.", "yes"),
    ("Mrs. Kim asked me to let you know she doesn't want any more of these texts.", "yes"),
    ("Oga stop to dey text me. I don talk am last week", "yes"),
    ("Abeg comot my number from una list, I no wan see this kind message again", "yes"),
    ("Ennoda number-a unga list la irundhu eduthudunga please", "yes"),
    ("தயவுசெய்து எனக்கு இனிமேல் மெசேஜ் அனுப்ப வேண்டாம்.", "yes"),
    ("Naaku ee messages pampakandi, naa number delete cheyyandi", "yes"),
    ("దయచేసి నాకు మెసేజ్‌లు పంపడం ఆపండి.", "yes"),
    ("Ebakachihu ke-engidih text atlakulign.", "yes"),
    ("በጃኹም ደጊምኩም መልእኽቲ ኣይትስደዱለይ።", "yes"),
    ("Bejakum nay telefon numero'y kab list'kum serzuwo", "yes"),
    ("Ẹ jọ̀ọ́, ẹ má fi ọ̀rọ̀ ránṣẹ́ sí nọ́mbà yìí mọ́.", "yes"),
    ("E jowo e yo number mi kuro ninu list yin", "yes"),
    ("Mepa wo kyɛw, mfa nkrasɛm bio mma me", "yes"),
    ("Yi me nɔma firi wo list no so, mepa wo kyɛw", "yes"),
    # the forty-seventh: opt-outs without the usual words, a run-on closed by ", and we'd appreciate it if this number
    # could be taken off your list", 📵 and 🔕
    ("My dad passed in March. This was his phone. Please don't send anything else here.", "yes"),
    ("🙅‍♀️📵", "yes"),
    ("🔕", "yes"),
    ("Top sending me these", "yes"),
    ("Cool cool cool. Love getting these at 6am on a Sunday. Really. Send more. /s  Actually don't. Ever.", "yes"),
    ("How did you get this number? And whatever list it's on, get it off.", "yes"),
    ("The owner asked that we no longer receive solicitations at this number. Regards, Front Desk", "yes"),
    ("Whoever keeps signing us up for this, please make it end. We get three a day. Just let us be.", "yes"),
    ("I asked you guys in January to not contact me. You are STILL doing it. Last warning.", "yes"),
    ("Do me a favor and forget you ever had this number 🙏", "yes"),
    ("Yo this is Marcus's son he said quit hitting up his phone w this stuff", "yes"),
    (
        "I'm 78 years old and I don't know how to make these go away, can you please just not send them to me anymore",
        "yes",
    ),
    ("Take a hint. Three messages, zero replies. Now here's your reply: never again.", "yes"),
    (
        "Hi, this is Maria, the office manager at Ruiz Family Dental. Dr. Ruiz has asked me to respond to all of these "
        "vendor texts. We are not looking for financing, marketing, or any other services, and we'd appreciate it if "
        "this number could be taken off your contact list permanently. Thanks for understanding.",
        "yes",
    ),
    ("Por favor ya no le manden nada a este número, no necesitamos préstamos ni nada.", "yes"),
    ("Whatever it is, I want off it, and I'd like to know the name so I can get off the others too.", "yes"),
    # the forty-eighth: grieving and elderly writers and their families; "Make it end of month" is a date
    ("I'm done. Done with these texts, done with all of it. Don't send another.", "yes"),
    ("the owner doesn't want these. me neither honestly", "yes"),
    ("wow thanks, made my whole week. don't ever text here again", "yes"),
    ("I'm his daughter. He can't answer you. Please just leave him be.", "yes"),
    ("I am so tired. I just buried my husband on Saturday. Please don't send these anymore.", "yes"),
    ("Pls rmv frm lst thx", "yes"),
    ("whoever reads these, please let this number go. It belonged to my brother", "yes"),
    ("Leave my mother alone. She's 88 and she closed the salon years ago.", "yes"),
    ("My father is 86 and doesn't own that store anymore, please kindly remove him from your contacts", "yes"),
    # the forty-ninth: "tell you don't text me", Hawaiian Pidgin, Ilocano, Chamorro, Amharic, letters typed twice
    ("Hello po this is Lola Remy. My apo said to tell you don't text me anymore. God bless you.", "yes"),
    ("Eh brah, dis my auntie's phone. She no like dis kine texts. Pau already, k?", "yes"),
    ("Eh no text me no moa k. Shoots.", "yes"),
    ("Shoots brah but no text me again k, I get enough junk already", "yes"),
    ("Pangngaasiyo ta ikkatenyo ti numerok. Saanak a kayat kadagitoy a text.", "yes"),
    ("Pot fabot, na'suha i numeru-hu gi lista-mu. Cha'-mu text yo' ta'lo.", "yes"),
    ("ቁጥሬን ከዝርዝራችሁ አውጡልኝ። ይህ የግል ስልክ ነው።", "yes"),
    ("plz remoove me from ur lisst", "yes"),
    # the fiftieth: voice-to-text, Spanglish, a closing "do not send more", Korean
    ("Stop spending me these messages", "yes"),
    ("quit spending us this stuff", "yes"),
    ("oye stop mandando these texts, ya te dije que no", "yes"),
    ("quit texteando mi cel", "yes"),
    ("Sir I am 74 years old and retired the business closed 2019 please do not send more", "yes"),
    ("dont send me any more.", "yes"),
    ("저희 사장님이 이런 문자 원하지 않으세요. 번호 삭제해 주세요.", "yes"),
    ("문자 보내지 마세요", "yes"),
    ("don't send more until I check with my partner", "no"),
    # the fifty-first: El Paso and the border, Spanish, Gujarati and Hindi in Latin letters; questions and sayings
    # with a stop in them
    (
        "We just finished a quince for 300 people, I'm exhausted, and my phone keeps buzzing with this stuff. I don't "
        "know how you got this number but I never want to hear from you again.",
        "yes",
    ),
    ("i dont ever wanna hear from you people again", "yes"),
    ("Bájame de su lista porfa", "yes"),
    ("bajenme de la lista", "yes"),
    ("Pierde mi número compa", "yes"),
    ("olviden mi numero por favor", "yes"),
    ("Pero la verdad no me interesa y no quiero que me sigan mandando textos. Saludos", "yes"),
    ("no queremos que nos vuelvan a llamar", "yes"),
    ("PARA YA con los mensajes!!", "yes"),
    ("ya basta con tantos mensajes", "yes"),
    ("Estoy reportando este número como spam", "yes"),
    ("los voy a denunciar... reportándolos como acoso", "yes"),
    ("Estop", "yes"),
    ("Aa number par message na moklo", "yes"),
    ("have pachhi message mokalsho nahi", "yes"),
    ("Bhai please mat bhejo ye messages, hum motel chalate hai, interest nahi hai. Number delete kar do", "yes"),
    ("Do you guys stop sending leads once we hit the monthly cap or do we get charged extra?", "no"),
    ("do you stop texting at night or is it 24/7?", "no"),
    # the fifty-second: the Pacific Northwest; state law named, warnings, polite requests inside long replies, pinyin,
    # Punjabi; a question whether the texts are legal is held
    ("under RCW 19.190 unsolicited commercial texts to WA numbers are illegal. consider this your one warning", "yes"),
    ("Washington's CEMA covers this. Look it up.", "yes"),
    ("Consider this your final warning.", "yes"),
    ("next text from you goes straight to the AG. Washington doesn't mess around with CEMA", "yes"),
    ("Texting a charter captain during king season is bold. Texting him twice would be dumb. Don't.", "yes"),
    ("texting me again would be a big mistake", "yes"),
    ("This is my personal cell. Do not use it for business solicitation, ever.", "yes"),
    (
        "We're a licensed cannabis retailer in Spokane Valley and under WSLCB rules we have to be pretty careful about "
        "vendor contact. Our compliance manager asked that all vendor solicitations go through the form on our website "
        "and that this number not be texted. Please honor that going forward.",
        "yes",
    ),
    ("Not for us. One last thing: make sure this number gets scrubbed from whatever list you bought.", "yes"),
    ("we don't purchase leads, and we'd like our number scrubbed from your system. Thanks.", "yes"),
    ("But the answer is no, and I'd like to not receive any further texts from your company.", "yes"),
    ("If that ever changes we'll reach out to you, not the other way around, so no need to text us again.", "yes"),
    ("qing bu yao zai fa duanxin gei wo le", "yes"),
    ("bie zai gei wo fa le", "yes"),
    ("ਮੈਨੂੰ ਦੁਬਾਰਾ ਮੈਸੇਜ ਨਾ ਕਰਿਓ", "yes"),
    ("Is this even legal? genuinely asking, I'm on the do not call list", "uncertain"),
    ("is this even legal?? stop texting me", "yes"),
    # the fifty-third: Florida; an unsubscribe already sent and not heard
    ("lol you guys again? I've unsubscribed like 3 times. do it for real this time", "yes"),
    ("we already opted out twice", "yes"),
    ("I unsubscribed back in March and here you are again", "yes"),
    ("I haven't unsubscribed before, should I?", "no"),
    # the fifty-fourth: Appalachia and western Pennsylvania, Lebanese Arabic in Latin letters, Pennsylvania Dutch,
    # Croatian and Serbian; a zero typed for an o; a bill stopped, a question what the texts are and a business's
    # auto-reply are no request
    ("I never want to hear from yinz again", "yes"),
    ("khalas ma ba3d tb3atli msgs, shukran", "yes"),
    ("ma baddi messages ba3d, ma7ie ra2mi please", "yes"),
    ("Sei so gut un schick mir nimmi ken Messages.", "yes"),
    ("Nee, denki. Un bitte net meh schreiwe.", "yes"),
    ("Nemojte mi više slati poruke.", "yes"),
    ("Skinite me sa liste, hvala.", "yes"),
    ("Obrišite moj broj molim vas", "yes"),
    (
        "We already got a guy that does our leads, been with him 12 years, good people, goes to our church. Not lookin "
        "to switch. Also this is my personal cell so dont send nothin else here ok? Thanks",
        "yes",
    ),
    ("N0 MORE TEXTS", "yes"),
    ("ST0P", "yes"),
    (
        "hey yeah so I'm not interested, we're slammed anyway with the ice storm calls, but also just so ya know this "
        "is my daughter's old phone number now on my plan so I'd appreciate you taking it off whatever list you got",
        "yes",
    ),
    ("How do I stop getting charged if I sign up and don't like it? Is there a cancel fee", "no"),
    ("how do I stop getting these texts", "yes"),
    ("Unsubscribe from what? I never signed up for nothin", "uncertain"),
    ("Thanks for texting Big Sandy Towing! If you need a tow right now CALL don't text: 606-555-0161", "uncertain"),
    ("Thank you for contacting Acme Roofing. Stop texting this number.", "yes"),
    (
        "Please do not reply to this message. This number is not monitored. To stop receiving service reminders from "
        "Tri-State Tire, visit our website.",
        "uncertain",
    ),
    # the same families in neighbouring wordings and languages
    ("I am opting out", "yes"),
    ("Opting out.", "yes"),
    ("Leave this number alone", "yes"),
    ("Lose my digits", "yes"),
    ("Kindly desist from further texts", "yes"),
    ("retirez-moi de votre liste", "yes"),
    ("cancellatemi dalla lista", "yes"),
    ("Bitte hören Sie auf, mir zu schreiben", "yes"),
    ("kontaktieren Sie mich nicht mehr", "yes"),
    ("abmelden", "yes"),
    ("stuur me geen berichten meer", "yes"),
    ("verwijder mijn nummer", "yes"),
    ("nepište mi", "yes"),
    ("přestaňte mi psát", "yes"),
    ("smažte moje číslo", "yes"),
    ("izbrišite mojo številko", "yes"),
    ("ne pišite mi više", "yes"),
    ("nu-mi mai trimiteți mesaje", "yes"),
    ("ștergeți numărul meu", "yes"),
    ("ne írjon többet", "yes"),
    ("töröljék a számomat", "yes"),
    ("leiratkozás", "yes"),
    ("beni listeden çıkarın", "yes"),
    ("rahatsız etmeyin", "yes"),
    ("jangan kirim pesan lagi", "yes"),
    ("hapus nomor saya", "yes"),
    ("berhenti mengirim pesan", "yes"),
    ("alisin nyo number ko", "yes"),
    ("fshini numrin tim", "yes"),
    ("ikke send meg flere meldinger", "yes"),
    ("sluta skicka sms", "yes"),
    ("ta bort mitt nummer", "yes"),
    ("lopeta viestien lähettäminen", "yes"),
    ("cancellami l'appuntamento di domani", "no"),
    ("I'm opting out of the insurance part, what's the price without it", "no"),
    # traps of this round's kinds: goods sent, the writer's own mailing, a rota, a time to text, a hypothetical stop
    ("My customers keep asking how to unsubscribe from our newsletter, can you help with that?", "no"),
    ("Can you take me off the morning route and put me on afternoons?", "no"),
    ("Don't text me before 9am, I'm a night owl. Otherwise interested", "no"),
    ("take me off your call list", "yes"),
    ("Don't call or text this number", "yes"),
    ("Stop sending me leads texts", "yes"),
    # the same families in the languages most replies are written in besides English
    ("no me estén mandando mensajes", "yes"),
    ("déjenme de escribir", "yes"),
    ("no les di permiso de escribirme", "yes"),
    ("voy a reportarlos", "yes"),
    ("esto es acoso", "yes"),
    ("não me manda mais nada", "yes"),
    ("chega de mensagem", "yes"),
    ("không nhận tin nhắn", "yes"),
    ("tama na po ang text", "yes"),
    ("ayoko na ng text", "yes"),
    ("pa ekri m ankò", "yes"),
    ("retire non mwen sou lis la", "yes"),
    ("bikafi rasayel", "yes"),
    ("bu yao fa le", "yes"),
    ("wo bu xiang shou dao duanxin", "yes"),
    ("munja bonaeji maseyo", "yes"),
    ("yeollak hajimaseyo", "yes"),
    ("voy a reportar a mi jefe que ya llegó", "no"),
    # the fifty-fifth: a request made for someone else ("don't send her anything else", "my dad says don't text him
    # again"), "anything else" sent; stops said in jest, quoted from someone else laughing, a bus stop, a stop about
    # something else the person does
    (
        "My mom got your message, she doesn't read English well so I'm answering for her. She's not interested and "
        "please don't send her anything else.",
        "yes",
    ),
    ("Please don't send him anything more, he passed in June", "yes"),
    ("Don't send me anything else", "yes"),
    ("my dad says don't text him again", "yes"),
    ("please do not message my grandmother anymore", "yes"),
    ("she doesn't want any more texts from you", "yes"),
    ("He no longer wishes to receive these messages", "yes"),
    ("don't send anything else until I sign the papers", "no"),
    ("Don't send me anything more till Monday, I'm out of town", "no"),
    ("Stop right there, you had me at 'more customers'. Tell me more", "uncertain"),
    ("STOP. you read my mind, sign me up", "uncertain"),
    ("Stop. Tell me more? No. Stop texting me", "yes"),
    ("My boss literally just yelled 'stop texting and get back to work' lmao", "uncertain"),
    ('my wife goes "stop texting at the dinner table" 😂', "uncertain"),
    ("my wife said 'stop texting him'", "yes"),
    ("Nah we're good. Bus stop ads are doing fine for us lol", "no"),
    ("We run the truck stop diner off exit 12, stop texting us", "yes"),
    ("I said STOP crying about the Cowboys lol, go birds", "no"),
    ("stop worrying over us, business is good", "no"),
    ("I told you to stop blowing up my phone", "yes"),
    ("I said stop texting me", "yes"),
    # the fifty-sixth: the Midwest; "any more of these", a polite "I'd appreciate it if you wouldn't", Polish, Hmong;
    # a shop called Stop 'n Go, "no spam here" said of the writer's own business
    ("I'm not interested and I don't want any more of these.\n\nSent from my iPhone", "yes"),
    ("we don't need any more of your texts", "yes"),
    ("I don't want any more, thanks", "yes"),
    ("we don't want any more loans right now, maybe next year", "no"),
    ("I'd appreciate it if you wouldn't contact me again. Have a good one.", "yes"),
    ("would appreciate it if y'all didn't text this number anymore", "yes"),
    ("I'd appreciate not being contacted by your company", "yes"),
    ("Proszę wykreślić mój numer z waszej bazy.", "yes"),
    ("Usuńcie mój numer, dziękuję", "yes"),
    ("nie piszcie do mnie więcej", "yes"),
    ("Thov muab kuv tus xov tooj tshem tawm.", "yes"),
    ("Stop 'n Go on Halsted has gas for 2.89 fyi", "no"),
    ("meet me at the Stop-N-Go on 5th", "no"),
    ("No spam here, we're legit too lol, and we don't need money", "no"),
    ("Honestly yes. Tired of my bank giving me the runaround", "no"),
    ("sick of your texts", "uncertain"),
    # the fifty-seventh: the Northeast; the stop word in Cyrillic and other scripts, "nobody from X reach out again";
    # a report the writer will not make, idioms and places with a stop in them, a question alone
    ("Стоп", "yes"),
    ("стоп пожалуйста", "yes"),
    ("Στοπ", "yes"),
    ("I'm good. And I'd appreciate it if nobody from Keystone reached out to me again, on this or any number.", "yes"),
    ("I'd rather no one from your company texted me", "yes"),
    ("please make sure nobody contacts this number", "yes"),
    ("Nobody contacted me again after the first call, what happened?", "no"),
    ("I won't block you, but not interested", "no"),
    ("Yes!! Stop the presses lol I actually need this", "no"),
    ("What stop is your office near? the 7 train?", "no"),
    ("Is this spam? no offense", "no"),
    ("how did u get my number", "no"),
    ("how did you get my number? stop texting me", "yes"),
    # the fifty-eighth: the Mountain West; "leave me off your texts", "don't keep messaging me", Tongan, Amharic; a
    # request the writer says they will not make, a thing that keeps stopping
    ("Oh my heck you guys again?? Please just leave me off your texts, I've asked nicely twice now", "yes"),
    ("keep us out of your marketing lists", "yes"),
    ("please don't keep texting me", "yes"),
    ("keep me off the schedule this week", "no"),
    (
        "Hey Sam, we just closed on our second truck stop in Winnemucca and are flush for now. I'll reach out if that "
        "changes. In the meantime please don't keep messaging me, my phone blows up enough as it is.",
        "yes",
    ),
    ("Kataki 'oua toe text mai", "yes"),
    ("'Oua toe fetu'utaki mai", "yes"),
    ("እባክዎ ከዝርዝርዎ ያስወግዱኝ", "yes"),
    ("I'm not gonna tell you to stop texting but the answer is no", "no"),
    ("not asking you to remove me, just curious about rates", "no"),
    ("My Spotify keeps stopping every 5 min, do I just restart the phone?", "no"),
    # the families of these rounds in neighbouring wordings: for someone else, in Spanish too; "quit it with these
    # texts"; the writer's own texting told off by someone else
    ("she doesn't want to be contacted", "yes"),
    ("he does not wish to be contacted", "yes"),
    ("she passed away, please remove her", "yes"),
    ("please don't message him", "yes"),
    ("no le escriban a mi papá por favor", "yes"),
    ("no le manden nada a mi mamá", "yes"),
    ("no me mande la info todavía", "no"),
    ("don't call him, he's at work, call me", "no"),
    ("Quit it with these texts", "yes"),
    ("my wife keeps saying stop texting at dinner lol", "uncertain"),
    ("my boss said stop texting and get back to work", "uncertain"),
    ("stop texting me while I'm driving", "yes"),
    # the fifty-ninth: the Gulf Coast; "don't send me these anymore", "no more of these", Cajun and Gullah English, a
    # written revocation of consent
    ("Please don't send me these anymore, they confuse me.", "yes"),
    ("No. And no more of these please.", "yes"),
    ("no more of your promos", "yes"),
    ("Don't be textin me no more, you hear?", "yes"),
    ("don't be calling this number", "yes"),
    ("don't be shy, text me the details", "no"),
    ("Leabe me be an don't sen no mo dese tings.", "yes"),
    ("just leave me be", "yes"),
    ("doan text me no mo", "yes"),
    ("consider this my written revocation of consent to text this number", "yes"),
    ("My consent is hereby withdrawn.", "yes"),
    # traps in neighbouring wordings: a bank's stop payment, a stop said glad and laughing, a request taken back, a
    # call refused for texts, a question whether this is spam
    ("How do I stop payments on my current loan?", "no"),
    ("can I stop the ACH if I pay it off early?", "no"),
    ("how do I stop these texts", "yes"),
    ("Stop the madness, this rate is amazing lol", "uncertain"),
    ("Stop lol I'm in", "uncertain"),
    ("Stop. I'm not interested lol", "yes"),
    ("remove me from the waitlist? no wait keep me on", "uncertain"),
    ("I'm in meetings all day, don't call, text", "no"),
    ("this isn't spam right?", "no"),
    # Chinese in neighbouring wordings: "do not send", "take me off the list", "delete my number"; not "no invoice"
    ("别发了", "yes"),
    ("请把我从名单上删除", "yes"),
    ("删除我的号码", "yes"),
    ("不要发票", "uncertain"),
    # long replies: a request closing a run-on after a comma splice, two things taken off at once
    (
        "I don't know who gave you this number but this is my personal cell phone that I use for my family and my "
        "kids' school and I really do not appreciate getting sales texts on it at all from people I have never heard "
        "of, take it off your list please",
        "yes",
    ),
    (
        "My husband passed in March and this was his business line. I've been trying to close out all of his accounts "
        "and I keep getting messages like this one. I'm sure you mean well but it's very painful to read them. Please "
        "take his name and this number off whatever list you have.",
        "yes",
    ),
    # the sixtieth: soft refusals of what is to come, against plain declines and relayed messages
    ("I'm good, no need to reach out again 👍", "yes"),
    ("no need to follow up with me again, we're all set", "yes"),
    ("No need to call us anymore, we found a lender", "yes"),
    ("Thanks but I'll pass on any future texts", "yes"),
    ("we'll pass on further offers, thank you", "yes"),
    ("I'd rather not hear from you going forward", "yes"),
    ("We'd rather not be contacted again about this", "yes"),
    ("not interested, and don't text again", "yes"),
    ("He no like um, so no text him already ah", "yes"),
    ("Please mera number apni list ton hatao", "yes"),
    ("sada number list ton kadd do ji", "yes"),
    ("Lotfan shomare mano az listetun pak konid", "yes"),
    ("dige payam nadid lotfan", "yes"),
    ("not interested right now", "no"),
    ("I'll pass on the offer, thanks", "no"),
    ("no need to text me the details, just email them", "no"),
    # an e-mail address is a name, not a request
    ("stop@acme.com is my email", "no"),
    ("send it to unsubscribe.me@gmail.com", "no"),
    ("Email me: optout.jones@hotmail.com", "no"),
    ("STOP. And email me at joe@gmail.com if you must", "yes"),
    ("unsubscribe@ nah jk, send info to dk@khanmotors.com", "no"),
    ("stop@", "yes"),
    # the sixty-first: Urdu and Hindi in Latin letters, "list se hata dein" (take it off your list)
    ("Yeh mera personal number hai, please isko apni list se hata dein.", "yes"),
    ("mera naam list se hata do", "yes"),
    # the sixty-second: Hindi's particle "न" before the verb, Gujarati in Latin letters; a bank's auto-draft and a
    # question what would follow an opt-out are no request
    ("कृपया मुझे दोबारा मैसेज न करें", "yes"),
    ("मैसेज ना भेजो", "yes"),
    ("Mane message moklsho nahi", "yes"),
    ("How do I stop the auto-draft on my current loan with y'all?", "no"),
    ("can I stop the autodraft for this month", "no"),
    ("If I opt out of texts can you email instead?", "uncertain"),
    # the sixty-third: "no texts" as a clause of its own, an opt-out request to be honoured
    ("Please, no texts. Email only if you must: walt@waltshardware.com", "yes"),
    ("No texts, call me", "yes"),
    ("I'm asking you to honor my opt out request", "yes"),
    ("Please honor my do not contact request", "yes"),
    ("No texts today from the supplier", "no"),
    ("How do I stop my current loan from auto renewing?", "no"),
    ("stop the loan offers", "yes"),
    ("If I stop responding will you stop texting? Just curious how this works", "uncertain"),
    # the sixty-third's last misses: a polite "kindly stop", "#" for the number, Levantine Arabic "لا تبعتلي" (don't
    # send me), Korean "문자하지 마세요" (don't text), Hindi and Urdu "लिस्ट से हटा दो" (take it off the list)
    ("Kindly stop. No interest.", "yes"),
    ("kindly unsubscribe", "yes"),
    ("Respectfully, stop.", "yes"),
    ("Kindly stop by the office Monday", "no"),
    ("Pls take my # off", "yes"),
    ("remove my # from your list", "yes"),
    ("delete this # please", "yes"),
    ("take my cell # off ur list", "yes"),
    ("remove my old # and use this one: 312-555-0147", "no"),
    ("Take our # off, thanks", "yes"),
    ("drop my # off at the front desk?", "no"),
    ("take the # from the flyer and call me", "no"),
    ("لا تبعتلي رسائل بعد اليوم", "yes"),
    ("لا تبعت رسايل على هالرقم", "yes"),
    ("لا تبعثلي مسجات", "yes"),
    ("لا تراسلني مرة ثانية", "yes"),
    ("다시는 문자하지 마세요", "yes"),
    ("문자 하지 마세요", "yes"),
    ("메시지 보내지 말아 주세요", "yes"),
    ("मेरा नंबर अपनी लिस्ट से हटा दो", "yes"),
    ("कृपया मुझे सूची से हटा दें", "yes"),
    ("मेरा नंबर हटा दीजिए", "yes"),
    ("میرا نمبر اپنی لسٹ سے ہٹا دیں", "yes"),
    # ... and its two false opt-outs: a request about another of the writer's stores that keeps this one, and a
    # scam called and told to go away (a hostile dismissal, held as every other is); "go away" alone still decides
    ("Can I unsubscribe my other store and keep this one on?", "uncertain"),
    ("We have another store, take that one off but keep this one", "uncertain"),
    ("remove our second location's number, keep this one", "uncertain"),
    ("Unsubscribe me and my other store", "yes"),
    ("Scam. Go away", "uncertain"),
    ("Scammers, go away!", "uncertain"),
    ("Go away, loan sharks", "uncertain"),
    ("Go away.", "yes"),
    ("Scam. Go away and stop texting me", "yes"),
    # neighbouring wordings: a renewal stopped is a bank's matter like a payment; another store or location named
    # beside "keep this one" is held; a dismissal without a curse is held as the cursed ones are, and only alone
    ("How do I stop my renewal?", "no"),
    ("please stop my renewal", "no"),
    ("stop the auto renewal on my loan", "no"),
    ("stop my subscription from renewing", "no"),
    ("How do I stop my line of credit from auto renewing", "no"),
    ("stop the texts about my renewal", "yes"),
    ("We have two stores, unsubscribe the other one and keep this one", "uncertain"),
    ("unsubscribe our Dearborn location, keep this one on", "uncertain"),
    ("Buzz off", "uncertain"),
    ("Take a hike!", "uncertain"),
    ("Beat it", "uncertain"),
    ("Get outta here.", "uncertain"),
    ("We might take a hike Saturday, call me Monday", "no"),
    ("Get outta here, that rate is amazing! Send the details", "no"),
    # the sixty-fourth: Norwegian, Danish and Swedish revocations; Ilocano; "no further texts"
    *[
        (text, "yes")
        for text in (
            "Vennligst slutt å sende meg meldinger.",
            "Slutt å sende meg sms",
            "slutte å sende",
            "Stopp å sende meldinger til meg",
            "Ikke send meg flere meldinger",
            "Ikkje send meir",
            "Ingen flere meldinger takk",
            "Fjern nummeret mitt fra listen",
            "Fjern mitt nummer",
            "Slett nummeret mitt",
            "Ta meg av lista deres",
            "Stop med at skrive til mig",
            "Stop med at sende beskeder",
            "Hold op med at sende sms'er",
            "Lad være med at skrive til mig",
            "Send ikke flere beskeder",
            "Skriv ikke til mig igen",
            "Ikke flere beskeder tak",
            "Slet mit nummer",
            "Fjern mig fra listen",
            "Sluta skicka sms till mig",
            "Sluta skriva till mig tack",
            "Skicka inte fler meddelanden",
            "Inga fler sms, tack",
            "Ta bort mitt nummer",
            "Ta bort mig från listan",
            "Radera mitt nummer",
            "Kontakta mig inte igen",
            "Ikke kontakt meg mer",
            "Jeg vil ikke ha flere meldinger",
            "Jag vill inte ha fler sms",
            "Jeg vil ikke motta flere meldinger fra dere",
            "Avmeld meg",
            "Meld meg av",
            "Afmeld mig",
            "Slutt!",
            "Sluta!",
            "Isardengyo ti agtext",
            "Saanyo nga itext kaniak",
            "Saanen nga agtext kaniak. Paki-ikkat ti numerok.",
            "Paki-ikkat ti numerok",
            "Ikkatyo ti numerok iti listaan",
            "Saanen nga agtext",
            "Dika agtext kaniak",
            "Saan kayo nga agtext kaniak",
            "No further texts please.",
            "Please no further messages",
            "no further texts",
            "No further contact, thanks",
        )
    ],
    # ... and what is not: a number taken from a flyer or a sign, "stop at" a place, a Norwegian yes, English "slut"
    # words; a "#" deleted from "the group chat" (nobody's name or purpose on it) revokes, as "remove me from the group
    # chat lol" does (the 73rd set's writer labelled that one an opt-out: the chat is the thread our text came in)
    ("Take the number off the flyer and call me Tuesday", "no"),
    ("Delete my # from the group chat lol", "yes"),
    ("Delete my # from your list", "yes"),
    ("remove my # from ur list pls", "yes"),
    ("delete this # please", "yes"),
    ("Stop at the shop, we're open til 6", "no"),
    ("Ja takk, send meg mer info", "no"),
    # the sixty-fifth: a stop word typed with a doubled letter, a threat to take the next text to the AG, "stay off my
    # phone"; Danish with words between "lad" and "være", Dutch "geen berichten meer", Finnish "älkää lähettäkö",
    # Tongan "ʻoua ʻe toe text mai", Amharic "አይላኩልኝ"
    *[
        (text, "yes")
        for text in (
            "stoop pls",
            "Stoop",
            "STOOP please",
            "Next text I get from you goes to the Washington AG consumer protection office.",
            "The next message goes straight to the attorney general",
            "One more text and it goes to the FTC",
            "next msg gets reported to the FCC",
            "Another text and I'm sending it to my lawyer",
            "Get lost and stay off my phone",
            "Stay off my phone!",
            "Please keep off this number",
            "just stay away from my phone",
            "Lad venligst være med at skrive til mig igen.",
            "Lad nu være med at sende beskeder",
            "Lad venligst bare være med at skrive",
            "La være å sende meg meldinger",
            "Graag geen berichten meer naar dit nummer.",
            "Geen sms'jes meer aub",
            "geen appjes meer",
            "Ik wil geen reclame meer",
            "Stuur mij niet meer",
            "Bel me niet meer",
            "Älkää enää lähettäkö viestejä tähän numeroon.",
            "Älkää lähettäkö viestejä",
            "Älä lähetä enää viestejä",
            "Älkää soittako tähän numeroon",
            "En halua enää viestejä",
            "Poistakaa numeroni",
            "Kataki ʻoua ʻe toe text mai ki he fika ko ʻeni.",
            "Kataki 'oua 'e toe text mai",
            "ʻOua ʻe text mai",
            "እባክዎ ከዚህ በኋላ መልእክት አይላኩልኝ።",
            "መልእክት አይላኩ",
            "መልእክት አትላክልኝ",
        )
    ],
    # ... and what is not: "stop" as a pause before asking for the rates (a revocation elsewhere still decides);
    # someone else told to stay off the phone; Dutch "send more info" with "meer"
    ("Stop a sec, send me the rates", "no"),
    ("hold on a sec, stop. send me the rates", "no"),
    ("Wait a minute, stop. Text me the details", "no"),
    ("stop for a second and send me the rates", "no"),
    ("Stop a sec, send me the rates. Actually no, stop texting me", "yes"),
    ("Stop a sec. Stop texting me", "yes"),
    ("Geen probleem, stuur meer info", "no"),
    # the sixty-sixth: "you ever" between "don't" and "contact"; "don't send me any more of these"; "no further
    # messages" with the clause going on; Kurmanji "êdî mesajan ... neşînin"; Swahili "acha kunitumia ujumbe"
    *[
        (text, "yes")
        for text in (
            "Not interested and don't you ever contact me again",
            "Don't you ever text me again",
            "dont u ever message me again",
            "Don't y'all ever contact this number again",
            "Do not you dare text me again",
            "No thank you. Please don't send me any more of these",
            "Don't send me any more of those",
            "do not send us any more of your ads",
            "Please no further messages to this number. It's my mother's phone and these confuse her.",
            "No further texts to me or my husband",
            "no further contact from your company",
            "Ji kerema xwe êdî mesajan ji min re neşînin",
            "Êdî ji min re mesajan neşînin",
            "mesaj neşînin",
            "Tafadhali acha kunitumia ujumbe",
            "Acheni kututumia ujumbe",
            "Usinitumie ujumbe tena",
            "Sitaki ujumbe tena",
        )
    ],
    # ... and what is not: "don't y'all stop sending" asks for more (while "why don't you stop" asks to stop); "no
    # further texts needed" and Kurmanji "bişînin" (send): below
    ("Don't y'all stop sending them specials, I like seeing em. And yes send me the roof financing one", "no"),
    ("Don't you stop sending those deals", "no"),
    ("why don't you stop texting me", "yes"),
    # other scripts: a reply that says what it is for and has no word a revocation needs is read, not held;
    # a revocation, a decline or anything unclear in them is still held or decided
    ("有兴趣，请介绍一下", "no"),
    ("请打我的手机 626-555-0135", "no"),
    ("どちら様ですか？", "no"),
    ("네 관심 있어요. 자세히 알려주세요", "no"),
    ("여기로 전화주세요 213-555-0109", "no"),
    ("Здравствуйте, кто это?", "no"),
    ("مرحبا، من أنت؟", "no"),
    ("این شماره اشتباهه", "no"),
    ("Այո, հետաքրքիր է", "no"),
    ("नमस्ते, आप कौन?", "no"),
    ("不要再发短信给我了", "yes"),
    ("이 번호로 더 이상 문자 보내지 마세요.", "yes"),
    ("Не пишите мне больше", "yes"),
    ("Γεια σας, ποιος είναι;", "uncertain"),  # a script with no word list here
]


@pytest.mark.parametrize(("text", "decision"), DECISIONS)
def test_opt_out_decision_for_each_family_and_guard(text, decision):
    assert opt_out_decide(text) == decision, opt_out_explain(text)


def _heard_by_phrases_behind_literal_gates(text):
    """At least one opt-out phrase hears ``text``, and every phrase that hears it sits behind a literal gate that
    opens on it (a new phrase costs a reply nothing unless the reply has its words)."""
    from messaging.compliance import _MORE_PHRASES, _PHRASES, _plain, normalize_text
    from usdatabiz.core.regexgate import gate_open, literal_gates

    plain = _plain(normalize_text(text))
    hearing = [pattern for pattern, _ in _PHRASES + _MORE_PHRASES if pattern.search(plain)]

    assert hearing
    assert all(literal_gates(pattern.pattern) is not None for pattern in hearing)
    assert all(gate_open(literal_gates(pattern.pattern), plain) for pattern in hearing)


@pytest.mark.parametrize(
    "text",
    [
        "Vennligst slutt å sende meg meldinger.",
        "Stop med at skrive til mig",
        "Skicka inte fler meddelanden",
        "Ta bort mig från listan",
        "Saanen nga agtext kaniak. Paki-ikkat ti numerok.",
        "No further texts please.",
        "Please remove this # from your database.",
    ],
)
def test_the_sixty_fourth_families_are_heard_by_phrases_behind_literal_gates(text):
    _heard_by_phrases_behind_literal_gates(text)


@pytest.mark.parametrize(
    "text",
    [
        "Next text I get from you goes to the Washington AG consumer protection office.",
        "Get lost and stay off my phone",
        "Lad venligst være med at skrive til mig igen.",
        "Graag geen berichten meer naar dit nummer.",
        "Älkää enää lähettäkö viestejä tähän numeroon.",
        "Kataki ʻoua ʻe toe text mai ki he fika ko ʻeni.",
        "እባክዎ ከዚህ በኋላ መልእክት አይላኩልኝ።",
    ],
)
def test_the_sixty_fifth_families_are_heard_by_phrases_behind_literal_gates(text):
    _heard_by_phrases_behind_literal_gates(text)


@pytest.mark.parametrize(
    "text",
    [
        "Not interested and don't you ever contact me again",
        "No thank you. Please don't send me any more of these",
        "Please no further messages to this number. It's my mother's phone and these confuse her.",
        "Ji kerema xwe êdî mesajan ji min re neşînin",
        "Tafadhali acha kunitumia ujumbe",
    ],
)
def test_the_sixty_sixth_families_are_heard_by_phrases_behind_literal_gates(text):
    _heard_by_phrases_behind_literal_gates(text)


# Finnish "alkaa" is also "begins": only with a verb of sending after it is it "do not"; the reply model may still
# hold a reply it has seen few of, but no rule suppresses one
@pytest.mark.parametrize("text", ["Kokous alkaa klo 10", "Työ alkaa maanantaina", "Kausi alkaa ensi viikolla"])
def test_finnish_begins_is_no_revocation(text):
    assert opt_out_decide(text) != "yes", opt_out_explain(text)


# No rule suppresses these; the reply model, retrained as each set joins dev, may hold one for a person: someone else
# told to stay off the phone, "no further texts needed", Kurmanji "bişînin" (send) beside "ji min re" (to me)
@pytest.mark.parametrize(
    "text",
    [
        "Tell the kids to stay off my phone",
        "No further texts needed, I got the info",
        "No further messages until I call you back",
        "Erê, ez dixwazim. Agahiyên zêdetir ji min re bişînin",
    ],
)
def test_near_revocations_are_never_suppressed(text):
    assert opt_out_decide(text) != "yes", opt_out_explain(text)


# A greeting or a purpose word beside a revocation word of its script: never read as no request.
@pytest.mark.parametrize(
    "text",
    [
        "你好，请把我的号码去掉",
        "你好，有兴趣的话我再联系你",
        "안녕하세요. 다시 연락하지 마세요",
        "네 관심 없어요",
        "Здравствуйте, удалите меня",
        "Кто это? Не пишите сюда",
        "مرحبا، لا ترسل",
        "سلام، دیگه پیام ندید",
        "नमस्ते, मत भेजो",
        "ਸਤ ਸ੍ਰੀ ਅਕਾਲ, ਮੈਸੇਜ ਬੰਦ ਕਰੋ",
        "Բարև, այլևս մի գրեք",
        "こんにちは。今後は連絡しないでください",
    ],
)
def test_a_revocation_word_of_its_script_keeps_a_purposeful_reply_from_being_read_as_no(text):
    assert opt_out_decide(text) != "no", opt_out_explain(text)


# The rules read no request in these; the reply model, which grows with the corpus, may still hold one for a person,
# but none is ever suppressed.
@pytest.mark.parametrize(
    "text",
    [
        "Whoever wrote this should quit marketing. Garbage.",
        "I'll pass on the message to my husband",
        "I got no texts, can you resend?",
        "I got no further texts after the first one",
        "take the number from the flyer and call me",
        "remove the # from the sign",
        "Remove my number from the sign out front, we moved",
        "No thanks. And don't worry I'm not gonna report you, you're just doing your job",
        "ليش ما تبعتلي التفاصيل؟",
        "걱정하지 마세요, 내일 전화할게요",
        "मेरा पुराना नंबर हटा दो, नया नंबर 312-555-0147 है",
    ],
)
def test_a_guarded_reply_is_never_suppressed_whatever_the_model_reads(text):
    assert opt_out_decide(text) != "yes", opt_out_explain(text)
    assert not is_opt_out_request(text)


def test_a_reply_the_rules_read_as_no_but_the_model_as_a_revocation_is_held_for_a_person():
    from messaging.compliance import REVOCATION_MODEL_THRESHOLD, revocation_probability

    decision, why = opt_out_explain("im done with these")

    assert decision == "uncertain"
    assert why.startswith("the reply model reads a possible revocation")
    assert revocation_probability("im done with these") >= REVOCATION_MODEL_THRESHOLD
    # and a plain answer is left alone
    assert opt_out_explain("sounds good, send the details") == ("no", "no revocation")


# Normalising trims a reply's final "?": the look-aheads that tell a question from a request still see it, so a
# question about the texts is never suppressed, while the same words said as a request still are.
@pytest.mark.parametrize(
    ("question", "revocation"),
    [
        ("If I say stop will you actually stop?", "Stop. I said stop"),
        ("If I stop responding will you stop texting?", "Stop texting me"),
        ("Will there be no more of these?", "No more of these please"),
        ("So you'll send no more of those?!", "no more of those."),
        ("Don't send me any more of these?", "Don't send me any more of these"),
        ("No further messages after this one?", "No further messages after this one."),
        ("if I text stop do I lose my rewards？", "stop"),
    ],
)
def test_a_final_question_mark_keeps_a_question_about_the_texts_from_being_a_request(question, revocation):
    assert opt_out_decide(question) != "yes", opt_out_explain(question)
    assert opt_out_decide(revocation) == "yes", opt_out_explain(revocation)


# Bengali, Nepali (Devanagari) and Sorani Kurdish (Arabic script) now have word lists: a reply that says what it is
# for and has no word a revocation needs is read; a revocation is decided; a decline or anything unclear is held
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("কে বলছেন?", "no"),
        ("কাল সকালে ফোন দেন", "no"),
        ("ইমেইল করেন: rahmangrocery@gmail.com", "no"),
        ("দেশে আছি, আগামী মাসে ফিরবো", "no"),
        ("ভুল নাম্বার ভাই", "no"),
        ("নমস্কার, আপনি কে?", "no"),
        ("म अहिले नेपालमा छु, अर्को हप्ता फर्किन्छु", "no"),
        ("नमस्ते, तपाईं को हो?", "no"),
        ("कति ब्याज लाग्छ?", "no"),
        ("سڵاو، ئێوە کێن؟", "no"),
        ("ژمارەی هەڵەیە", "no"),
        ("আমার নম্বর মুছে ফেলুন", "yes"),
        ("দয়া করে আমার নাম্বারটা লিস্ট থেকে বাদ দিন", "yes"),
        ("म्यासेज पठाउन बन्द गर्नुहोस्", "yes"),
        ("कृपया मेरो नम्बर तपाईंको लिस्टबाट हटाइदिनुहोस्", "yes"),
        ("تکایە ئیتر نامەم بۆ مەنێرە", "yes"),
        ("ژمارەکەم بسڕەوە", "yes"),
        ("نامە ناردن ڕابگرە", "yes"),
        ("কে? আমাকে বিরক্ত করবেন না", "uncertain"),
        ("नमस्ते, फेरि सम्पर्क नगर्नुहोस्", "uncertain"),
        ("نەخێر، سوپاس", "uncertain"),
        ("سڵاو، ئیتر پەیوەندیم پێوە مەکە", "uncertain"),
    ],
)
def test_bengali_nepali_and_sorani_replies_are_read_by_their_word_lists(text, decision):
    assert opt_out_decide(text) == decision, opt_out_explain(text)


@pytest.mark.parametrize(
    "text",
    [
        "আমার নম্বর মুছে ফেলুন",
        "म्यासेज पठाउन बन्द गर्नुहोस्",
        "मेरो नम्बर हटाउनुहोस्",
        "تکایە ئیتر نامەم بۆ مەنێرە",
        "ژمارەکەم بسڕەوە",
    ],
)
def test_the_bengali_nepali_and_sorani_revocations_are_heard_by_phrases_behind_literal_gates(text):
    _heard_by_phrases_behind_literal_gates(text)


# Asking who we are, or a wrong number in Russian in Latin letters, said alone, is what the rules read: the reply
# model is not asked (it held "Which company is this again?" and "ne tot nomer" of the 68th set); beside a request
# to stop, the request still decides
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("Which company is this again?", "no"),
        ("What company are you with again?", "no"),
        ("sorry, what business is this", "no"),
        ("ne tot nomer", "no"),
        ("Vy oshiblis nomerom", "no"),
        ("Which company is this again? Stop texting me", "yes"),
        ("ne tot nomer, udalite moi nomer", "yes"),
    ],
)
def test_a_question_who_we_are_or_a_russian_wrong_number_alone_is_read_by_the_rules(text, decision):
    assert opt_out_explain(text)[0] == decision, opt_out_explain(text)


# The sixty-ninth set's misses, as families: Tagalog's "i-" prefix written without its hyphen ("itext"), the Levantine
# "send" written without its vowel ("tb3tli"); and what the rules read as no request: a curse that sends no one away
# (as "you're all crooks"), a question what else STOP would do, a machine saying its STOP does not work, a decline
# alone in Bengali, Nepali, Hindi and Arabic (as "no thanks"), "my number" beside the number given, an Arabic "yes"
# (its first letter the Farsi "not"), a trip, a "thief", a wrong number naming who the writer is not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("wag nyo na ako itext ulit", "yes"),
        ("Huwag mo na akong itext", "yes"),
        ("wag na po kayong itxt sa number na to", "yes"),
        ("khalas ma tb3tli msgs tani plz", "yes"),
        ("ma tb3tli rasayel", "yes"),
        ("ma3ad tba3tli msgs", "yes"),
        ("go to hell scammers", "no"),
        ("Go to hell!", "no"),
        ("screw you and your 80% APR garbage", "no"),
        ("F you", "no"),
        ("Drop dead, loan sharks", "no"),
        ("go to hell and stop texting me", "yes"),
        ("screw you, take me off your list", "yes"),
        ("get lost", "uncertain"),
        ("Go away you moron", "uncertain"),
        ("fuck off", "uncertain"),
        (
            'You wrote "reply STOP to opt out". If I do that does it cancel the application my partner '
            "already sent you?",
            "no",
        ),
        ("If I reply stop will I still get my receipts?", "no"),
        ("Quick q, what happens if I reply stop? Do I lose the offer?", "no"),
        ("if I reply STOP will it stop texts to my other store too?", "uncertain"),
        ("If I text STOP will it cancel my loan? stop texting me", "uncertain"),
        ("If I reply STOP will I lose my quote.", "uncertain"),
        (
            "This is an automated response. Texting STOP here will not update your preferences; please visit "
            "our website.",
            "no",
        ),
        ("Automated message: replying STOP to this line won't unsubscribe you. Manage your preferences online.", "no"),
        ("Texting STOP doesnt work, you keep texting me", "uncertain"),
        ("Texting STOP here will not update your preferences, so remove me yourselves", "yes"),
        ("নাহ, দরকার নেই", "no"),
        ("ধন্যবাদ, আগ্রহী নই", "no"),
        ("धन्यवाद, चाहिँदैन", "no"),
        ("धन्यवाद, अहिले चाहिँदैन", "no"),
        ("नहीं चाहिए, धन्यवाद।", "no"),
        ("لا شكرا", "no"),
        ("আর মেসেজ দরকার নেই", "uncertain"),
        ("মেসেজ চাই না", "uncertain"),
        ("नहीं चाहिए, फिर मत भेजना", "uncertain"),
        ("رقمي الثاني 313-555-0188", "no"),
        ("Мой второй номер 313-555-0188", "no"),
        ("احذف رقمي 313-555-0188", "yes"),
        ("نعم مهتم، أرسل لي التفاصيل", "no"),
        ("نعم، لا ترسل لي رسائل", "yes"),
        ("أنا مسافر هالأسبوع", "no"),
        ("তোরা সবাই চোর", "no"),
        ("তোরা সবাই চোর, আর মেসেজ দিবি না", "uncertain"),
        ("wrong number I'm not marry a", "no"),
        ("wrong number, I'm not Dave, stop texting", "yes"),
    ],
)
def test_the_sixty_ninth_families_and_guards(text, decision):
    assert opt_out_explain(text)[0] == decision, opt_out_explain(text)


@pytest.mark.parametrize("text", ["wag nyo na ako itext ulit", "khalas ma tb3tli msgs tani plz", "ma3ad tba3tli msgs"])
def test_the_sixty_ninth_families_are_heard_by_phrases_behind_literal_gates(text):
    _heard_by_phrases_behind_literal_gates(text)


# The seventieth set's misses, as families: the Levantine "don't send me" said with no object, with "again",
# "enough" or at the end ("khalas ya3ni matb3atlish tani"; with an object it is read by the phrase that needs one);
# a business named Alto is no Spanish "stop" ("There's no Alto Construction here"), while "alto" alone still is
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("khalas ya3ni matb3atlish tani", "yes"),
        ("matba3tlish ba2a", "yes"),
        ("plz matb3tlish", "yes"),
        ("matb3atlish rasayel tani", "yes"),
        # with an object it is no phrase's revocation; whether the reply model holds it moves with the corpus
        # (held since the 71st set joined dev), so only "never yes" is pinned
        ("matb3atlish el details, ana mesh fadi", "not yes"),
        ("There's no Alto Construction here, you've got the wrong number", "no"),
        ("Is this Alto Roofing LLC? We do work with them", "no"),
        ("alto", "yes"),
        ("alto ya no me manden", "yes"),
        ("alto, no mas mensajes", "yes"),
    ],
)
def test_the_seventieth_families_and_guards(text, decision):
    if decision == "not yes":
        assert opt_out_explain(text)[0] != "yes", opt_out_explain(text)
        assert "model" in opt_out_explain(text)[1] or opt_out_explain(text)[0] == "no", opt_out_explain(text)
        return
    assert opt_out_explain(text)[0] == decision, opt_out_explain(text)


@pytest.mark.parametrize("text", ["khalas ya3ni matb3atlish tani", "matba3tlish ba2a"])
def test_the_seventieth_families_are_heard_by_phrases_behind_literal_gates(text):
    _heard_by_phrases_behind_literal_gates(text)


def assert_decision(text: str, decision: str) -> None:
    """The opt-out decision of ``text`` is ``decision``; "not yes" where only that is pinned (the reply model's hold
    moves with the corpus, a rule's "yes" must not)."""
    explained = opt_out_explain(text)
    if decision == "not yes":
        assert explained[0] != "yes", explained
    else:
        assert explained[0] == decision, explained


# The seventy-first set's misses, as families: "stop with the texts" (the writer's own or a negated one not); Tagalog
# particles after a stop word ("STOP na po"); a part of the day named after "don't text me" ("during service, try me
# at 3:30"; "during work or ever again" still revokes); a file wanted by e-mail instead ("stop sending me the pdf,
# email it"; "stop sending me texts, email me instead" still revokes); "stop back in/by" (come back); the reply
# model kept from a kind wrong number ("wrong number pero gracias") and a business naming itself, asking who we are
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("please stop with the texts", "yes"),
        ("can you stop with the texts, if I need you I have your card", "yes"),
        ("quit it with all these messages", "yes"),
        ("stop with the promos already", "yes"),
        ("I'll stop with the texts once you answer", "no"),
        ("don't stop with the texts, I like the deals", "no"),
        ("STOP na po", "yes"),
        ("Hindi po kami interesado. Stop na po", "yes"),
        ("stop na, ilang beses na", "yes"),
        ("stop by na lang po kayo bukas", "no"),
        ("Don't text me during service, try me at 3:30", "no"),
        ("dont text during business hours, after 6 is fine", "no"),
        ("don't text me during the day, I'm on roofs. evenings ok", "no"),
        ("Don't text me during work or ever again", "yes"),
        ("Don't text me again", "yes"),
        ("Stop sending me the pdf, its too big. Email it to bob@acme.com", "no"),
        ("stop sending the pictures, they don't load. email them to me: x@y.com", "no"),
        ("stop sending me texts, email me instead", "yes"),
        ("stop back in my inbox next week", "no"),
        ("stop back by the shop tomorrow", "no"),
        ("Stop, back off", "yes"),
        ("Wrong number but thanks, good luck", "no"),
        ("wrong number pero gracias", "no"),
        ("Wrong number but thanks. remove me", "yes"),
        ("Backstop Roofing here, who is this", "no"),
    ],
)
def test_the_seventy_first_families_and_guards(text, decision):
    assert_decision(text, decision)


@pytest.mark.parametrize("text", ["please stop with the texts", "quit it with all these messages"])
def test_the_seventy_first_families_are_heard_by_phrases_behind_literal_gates(text):
    _heard_by_phrases_behind_literal_gates(text)


# The seventy-second set: punctuation spoken to voice-to-text ("comma", a final "period") read as the marks they are;
# a decline naming no stop and no contact is not read by the reply model (the texts acknowledged are no grievance;
# a word of the texts, the number, "never again", an insult keep its reading); a relative's phone not named so and a
# landline notice, alone; a Greek decline alone and a Korean trip abroad. Held by design: hostile replies and the
# texts counted ("the third text this week"), a Greek reply with anything beside a decline.
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("no thank you comma we already use service titan for all of that period", "no"),
        ("Please take me off your list comma thank you", "yes"),
        ("stop texting me period new paragraph I don't need any help period", "yes"),
        ("Stop period", "yes"),
        ("Our district manager decides this stuff and she's going to say no, trust me", "no"),
        ("Yeah I got both your texts. We don't need it, we're slammed enough as is", "no"),
        ("We don't need it, enough already", "yes"),
        ("Our manager is going to say no, leave us alone", "yes"),
        ("No thank you. This is the third text this week", "uncertain"),
        ("Not interested, who gave you my number", "uncertain"),
        ("No thanks, never again", "uncertain"),
        ("this is not Kevin you have the wrong number period", "no"),
        ("uh this is my mom's phone and her name isn't linda", "no"),
        ("this is my mom's phone and her name isn't linda, stop texting her", "yes"),
        ("The number you have texted is a landline. Text messaging is not supported.", "no"),
        ("Όχι ευχαριστώ, δεν ενδιαφερόμαστε", "no"),
        ("Όχι ευχαριστώ, μην μου ξαναστείλετε", "yes"),  # held by the reply model until the 86th set's Greek rule
        ("지금 해외 출장 중입니다. 다음 주에 돌아와요.", "no"),
        ("출장 중입니다. 다시 연락하지 마세요", "yes"),
        ("This is the third text this week from you clowns. Pathetic.", "uncertain"),
        ("I hope whoever sold you my number gets fired", "uncertain"),
    ],
)
def test_the_seventy_second_families_and_guards(text, decision):
    assert_decision(text, decision)


# The seventy-third set: a request to stop said to us ("I'm going to need you to stop", "and you stop too") beside its
# twins that are no request ("I need you to stop by", "don't stop now", a stop told to someone else); "unsubscribe" cut
# off when sent; a business refusing the texts and every one of its numbers taken off; a business named with a stop
# word first, naming itself; "we don't need marketing" (the product declined); a complaint that our list was bought,
# held by a rule of its own; a report to the writer's own boss (Spanish "reportar a mi jefe") and a question who added
# the writer to a thread, alone; a number no longer someone's, alone, in English, Spanish, Tagalog, Cajun French and
# Dutch. Held by design: "remove me from the group chat" (another list, as in dev), a keyword named in Spanish.
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("Whoever gave you this number, tell them to stop. And you stop too", "yes"),
        ("I'm going to need you to stop. Thanks 🙏", "yes"),
        ("we need y'all to stop now", "yes"),
        ("I want you to stop, please", "yes"),
        ("you guys gotta stop too", "yes"),
        ("I need you to stop by", "no"),
        ("I'm going to need you to stop by the shop Friday", "no"),
        ("I don't need you to stop, keep them coming", "no"),
        ("Don't stop now, I was just about to ask for pricing lol", "no"),
        ("tell him to stop by the shop", "no"),
        ("Did you stop too?", "no"),
        ("unsubscri", "yes"),
        ("unsubscr", "yes"),
        ("Unsubscrib me", "yes"),
        (
            "I've told three of y'all now. Our oilfield services company does not want marketing texts. Remove every "
            "number you have for Permian Wireline.",
            "yes",
        ),
        ("The clinic doesn't want these messages", "yes"),
        ("Remove every number you have for us", "yes"),
        ("Delete all the phone numbers on your list for Ridgeline Roofing", "yes"),
        ("Stop Go Towing & Recovery, this is Denise. What's this regarding?", "no"),
        ("Stop Line Striping here, who's this?", "no"),
        ("Stop all services, this is Denise", "yes"),
        ("Stop texting my company, this is Denise", "yes"),
        ("Naw we're booked out 3 months, we don't need marketing bro", "no"),
        ("we don't need ads", "no"),
        ("we don't need marketing texts", "yes"),
        ("I don't need these promos", "yes"),
        ("I hope whoever sold you my number gets fired", "uncertain"),
        ("who sold my info??", "uncertain"),
        ("y'all bought my number from some list", "uncertain"),
        ("Who sold you my number? Delete it", "yes"),
        ("voy a reportar a mi jefe que ya llegó", "no"),
        ("Ya le voy a reportar a mi jefa", "no"),
        ("who added me to this", "no"),
        ("lol who added me to this group chat", "no"),
        ("who added me to this list, take me off", "yes"),
        ("This isn't Dale's number anymore, I got it in March", "no"),
        ("Ese número ya no es de Rogelio", "no"),
        ("Wala po dito si Marites, maling number po kayo", "no"),
        ("Ça c'est pas son numéro no more, cher", "no"),
        ("Dit is niet het nummer van Pieter", "no"),
        ("This isn't Dale's number anymore, stop texting", "yes"),
        ("Ese número ya no es de Rogelio, no me manden más mensajes", "yes"),
        ("remove me from the group chat lol", "yes"),
        ("take me off this group text", "yes"),
        ("Can u remove me from the group chat Tigist made", "uncertain"),
        ("remove me from the group chat for the fundraiser", "uncertain"),
    ],
)
def test_the_seventy_third_families_and_guards(text, decision):
    assert_decision(text, decision)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("I hope whoever sold you my number gets fired", "a complaint that the number was sold"),
        ("voy a reportar a mi jefe que ya llegó", "no revocation"),
        ("Dit is niet het nummer van Pieter", "no revocation"),
    ],
)
def test_the_seventy_third_decisions_come_from_rules_not_the_model(text, why):
    # a rule or guard decides these (the reply model is not asked), so the decision does not drift as the corpus grows
    assert opt_out_explain(text)[1] == why


# The seventy-fourth set: consent denied ("I did not consent to this."), a threat to report us alone ("I'll report
# you"); Yoruba and Twi requests to stop the messages; a question how opting out works (and what it covers), read as no
# request; a question whether the do-not-call rules reach the writer's line, held as "is this even legal?" is; a place
# not to reach the writer at with a number to use instead, held (which line it takes off is for a person); a "#" taken
# off a group chat, held as another list; a decline without its "we", a wrong number alone in English and Haitian
# Creole, a line taken over after someone retired, a text passed on to the office manager: no request, the model not
# asked. With a request beside them they still decide yes.
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("I did not consent to this.", "yes"),
        ("we didn't consent to any texts", "yes"),
        ("I didnt consent to this", "yes"),
        ("I'll report you", "yes"),
        ("im gonna report yall", "yes"),
        ("I will report this number", "yes"),
        ("I'll report to you on Monday with the numbers", "no"),
        ("Ẹ jọ̀ọ́, ẹ má ṣe fi ọ̀rọ̀ ránṣẹ́ sí nọ́mbà yìí mọ́.", "yes"),
        ("Ẹ dákẹ́ fífi ọ̀rọ̀ ránṣẹ́ sí mi", "yes"),
        ("Ẹ yọ nọ́mbà mi kúrò", "yes"),
        ("Mesrɛ wo, gyae nkrasɛm a wosoma me yi.", "yes"),
        ("Gyae me nkrasɛm soma", "yes"),
        ("how does the unsubscribe work, does it stop everything from your company or just these texts?", "no"),
        ("How does the opt out process work?", "no"),
        ("how does the do not call list work exactly", "no"),
        ("how does unsubscribe work? just take me off", "yes"),
        ("how do I unsubscribe", "yes"),
        ("the DNC registry thing, does that even apply to business lines? genuinely asking", "uncertain"),
        ("does the do not call list even apply to cell phones?", "uncertain"),
        ("does the DNC apply to business lines? stop texting me either way", "yes"),
        ("I'm on the DNC", "yes"),
        ("Don't contact the office, call my cell 412-555-0187", "uncertain"),
        ("Do not call the front desk, reach me on my cell 412-555-0187", "uncertain"),
        ("Don't contact the office, call my cell 412-555-0187. And stop texting this number", "yes"),
        ("Don't text the office, text my cell 412-555-0187", "yes"),
        ("Stop contacting our office. We are on the do not call registry.", "yes"),
        ("Delete my # from the group chat lol", "yes"),
        ("take me off the prayer chain please", "uncertain"),
        ("Can you delete those pics from the group chat", "no"),
        ("Delete my # from your list", "yes"),
        ("we're a two chair shop, don't need it", "no"),
        ("don't need your texts", "yes"),
        ("This isn't Marcus. Wrong number.", "no"),
        ("Theresa retired in 2022, this is my personal cell now", "no"),
        ("Ou gen move nimewo, se pa mwen.", "no"),
        ("Got it, forwarded to our office manager", "no"),
        ("This isn't Marcus. Wrong number. Stop texting me", "yes"),
        ("Got it, forwarded to our office manager. Take us off your list", "yes"),
    ],
)
def test_the_seventy_fourth_families_and_guards(text, decision):
    assert_decision(text, decision)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Delete my # from the group chat lol", "a request to be taken off the thread our text came in"),
        ("take me off the prayer chain please", "a request about another list"),
        (
            "Don't contact the office, call my cell 412-555-0187",
            "a request to reach the writer at another number instead",
        ),
        ("how does the unsubscribe work, does it stop everything?", "no revocation"),
        ("we're a two chair shop, don't need it", "no revocation"),
        ("This isn't Marcus. Wrong number.", "no revocation"),
        ("Theresa retired in 2022, this is my personal cell now", "no revocation"),
        ("Got it, forwarded to our office manager", "no revocation"),
    ],
)
def test_the_seventy_fourth_decisions_come_from_rules_not_the_model(text, why):
    # a rule or guard decides these (the reply model is not asked), so the decision does not drift as the corpus grows
    assert opt_out_explain(text)[1] == why


@pytest.mark.parametrize(
    "text", ["I didn't consent to the price change", "I'm not gonna report you, just not interested"]
)
def test_consent_to_something_else_and_a_report_not_made_are_no_revocation_phrase(text):
    # the rules hear no request; whether the reply model holds it moves with the corpus, so only "never yes" is pinned
    assert opt_out_explain(text)[0] != "yes", opt_out_explain(text)


@pytest.mark.parametrize(
    "text",
    ["Remove all numbers from the sheet before you print it", "delete all the numbers on the whiteboard"],
)
def test_every_number_taken_off_something_else_is_no_revocation_phrase(text):
    # the rules hear no request; whether the reply model holds it moves with the corpus, so only "never yes" is pinned
    assert opt_out_explain(text)[0] != "yes", opt_out_explain(text)


# The seventy-fifth set's opt-out read as no: a time ruled out, then every time ("or ever"); a time alone stays "no"
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("dont text before 7, or after 7, or ever. thx", "yes"),
        ("don't text me before 9 or at all", "yes"),
        ("don't text before 7 or anytime really", "yes"),
        ("dont text before 7, I'm plowing. Call me after 1", "no"),
        ("don't text me before 9am", "no"),
        ("don't text after 6, or ask for Jim tomorrow", "no"),
        # Bosnian, Croatian and Serbian "do not send me messages any more"; "ne šalji" of a parcel is no revocation
        ("Molim vas, ne šaljite mi više poruke.", "yes"),
        ("ne salji mi poruke", "yes"),
        # no phrase revokes this; whether the reply model holds it moves with the corpus, so only "never yes" is pinned
        ("ne šaljite paket na staru adresu", "not yes"),
    ],
)
def test_the_seventy_fifth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The seventy-sixth set's held opt-out: Modern Standard Arabic requests to stop the messages; a stopped delivery
# of something else is no revocation
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("أوقف الرسائل من فضلك", "yes"),
        ("اوقفوا الرسائل", "yes"),
        ("توقفوا عن إرسال الرسائل إلى هذا الرقم", "yes"),
        ("لا ترسل لي رسائل", "yes"),
        ("احذف رقمي من فضلك", "yes"),
        ("أريد إلغاء الاشتراك", "yes"),
    ],
)
def test_the_seventy_sixth_families(text, decision):
    assert_decision(text, decision)


# The seventy-seventh set: follow-ups refused and a report already made revoke; the offer declined with "opt out on
# this one", a question whether opting out works, and the writer's own readers pressing unsubscribe do not. Where no
# phrase decides, the reply model may hold; only "never yes" is pinned then.
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("no. and no more follow ups", "yes"),
        ("No more follow-ups please", "yes"),
        ("ok no further follow ups", "yes"),
        ("please stop following up", "yes"),
        ("quit following up with me, I said no", "yes"),
        ("enough with the following up", "yes"),
        ("don't follow up with me again", "yes"),
        ("BBB complaint submitted.", "yes"),
        ("FCC complaint has been filed", "yes"),
        ("AG report going in today", "yes"),
        ("Yes! please don't stop following up, I'm slammed this week", "no"),
        ("no more follow ups needed from your side, I'll sign Monday?", "not yes"),
        ("stop following up on the invoice, Carla paid it", "not yes"),
        ("I'm going to opt out on this one, we just renewed our equipment lease", "not yes"),
        ("gonna opt out of this offer, we're covered thru 2027", "not yes"),
        ("I want to opt out", "yes"),
        ("opt out of this please", "yes"),
        ("does the opt out actually work or will I just start getting texts from your other company", "not yes"),
        ("will replying stop even do anything lol", "not yes"),
        ("Half our newsletter list hit unsubscribe after Black Friday so we need help", "not yes"),
        ("our customers keep clicking the unsubscribe link on our emails, can you fix that?", "not yes"),
        ("I hit unsubscribe and still get these", "yes"),
    ],
)
def test_the_seventy_seventh_families_and_guards(text, decision):
    assert_decision(text, decision)


# The seventy-eighth set's opt-outs held or read as no: voice-to-text "a move" for remove, "don't text it" closing a
# list of refusals, Czech, Hmong and Lao requests; a machine naming its own UNSUB keyword is held, never "yes"
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("please a move my number from your list", "yes"),
        ("uh move me off this list", "yes"),
        ("re move my name from your list", "yes"),
        ("Dont want it dont need it dont text it", "yes"),
        ("not interested. do not text it", "yes"),
        ("Prosím, už mi nepište.", "yes"),
        ("nám už nepište, děkujeme", "yes"),
        ("nepište mi už prosím", "yes"),
        ("Thov txhob xa ntawv tuaj rau kuv", "yes"),
        ("txhob xa xov rau kuv lawm", "yes"),
        ("ຢຸດສົ່ງຂໍ້ຄວາມ", "yes"),
        ("ກະລຸນາຢ່າສົ່ງຂໍ້ຄວາມມາອີກ", "yes"),
        ("ລຶບເບີຂ້ອຍອອກ", "yes"),
        ("I'll make a move on it next week", "no"),
        ("we move our office from Elm St next month, send mail there", "no"),
        ("To unsubscribe from the weekly bulletin reply UNSUB. Office hours 9-5.", "not yes"),
        ("Thanks for texting Ace Feed. To stop getting our sale alerts text END", "not yes"),
    ],
)
def test_the_seventy_eighth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The seventy-ninth set's held opt-outs: a privacy-law deletion of what was "collected about me", "stop hitting this
# number", Tamil and Thai requests; a Thai parcel not to be sent stays a person's to read, never "yes"
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("Under the CCPA I request that you delete all personal information you have collected about me.", "yes"),
        ("please delete any data you have stored about me", "yes"),
        ("erase all info you've gathered about us", "yes"),
        ("nah we good. stop hitting this number tho fr", "yes"),
        ("quit hitting up my phone", "yes"),
        ("தயவுசெய்து இனிமேல் எனக்கு மெசேஜ் அனுப்பாதீர்கள்", "yes"),
        ("செய்தி அனுப்பாதே", "yes"),
        ("เลิกส่งข้อความมาเบอร์นี้ได้แล้ว", "yes"),
        ("หยุดส่งข้อความมาได้แล้วค่ะ", "yes"),
        ("ไม่ต้องส่งข้อความมาอีกนะครับ", "yes"),
        ("ลบเบอร์ผมออกด้วย", "yes"),
        ("stop hitting the snooze button and call me at 10", "not yes"),
        ("delete all the data you have on the old server before you send the new one", "not yes"),
        ("อย่าส่งพัสดุไปที่อยู่เก่า", "not yes"),
    ],
)
def test_the_seventy_ninth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The eightieth set's held opt-outs: Spanish "alto ya con los mensajes", "dejen el spam", Gujarati requests; "basta"
# in a recipe and a parcel left at the door are never "yes"
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("alto ya con los mensajes, cuantas veces les digo", "yes"),
        ("ya basta con tantos mensajes", "yes"),
        ("basta de tus textos", "yes"),
        ("Mano ya, dejen el jodio spam que esto es un celular personal", "yes"),
        ("deja ese spam", "yes"),
        ("મહેરબાની કરીને મને મેસેજ ના મોકલો", "yes"),
        ("મેસેજ મોકલશો નહીં", "yes"),
        ("મારો નંબર કાઢી નાખો", "yes"),
        ("para con los niños no hay horario", "no"),
        ("basta con una cucharada de sal", "not yes"),
        ("dejen el paquete en la puerta", "not yes"),
    ],
)
def test_the_eightieth_families_and_guards(text, decision):
    assert_decision(text, decision)


# A raised hand beside a decline alone may wave off the offer or the texts: a person decides ("pass ✋", the 79th
# set's false opt-out); with any word of a request, or alone, it revokes
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("pass ✋", "uncertain"),
        ("hard pass ✋🏽", "uncertain"),
        ("no thanks ✋", "uncertain"),
        ("nah ✋", "uncertain"),
        ("✋", "yes"),
        ("✋🏽", "yes"),
        ("✋ no more", "yes"),
        ("no ✋ stop", "yes"),
        ("pass ✋🛑", "yes"),
        ("not interested ✋ stop texting", "yes"),
    ],
)
def test_a_raised_hand_beside_a_decline_alone_is_held(text, decision):
    assert opt_out_explain(text)[0] == decision, opt_out_explain(text)


# The eighty-first set (written to be hard): opt-outs without the usual words revoke; questions how far the opt-out
# reaches, or what its word would do, do not; the same words about something else stay as they were
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("Consider this number retired for your purposes.", "yes"),
        ("consider my line off-limits", "yes"),
        ("we're going to have to part ways, text-wise 👋", "yes"),
        ("time to part ways on the texting", "yes"),
        ("im good on these forever bud", "yes"),
        ("we're good on the texts for good, thanks", "yes"),
        ("You can save yourself the postage on this one. Permanently.", "yes"),
        ("save yourself the trouble going forward", "yes"),
        ("This is not the channel for this, ever.", "yes"),
        ("This number should not be receiving these.", "yes"),
        ("my cell shouldn't be getting any of these", "yes"),
        ("opt me outta this pls", "yes"),
        ("This is my personal cell and I do not want business solicitations on it.", "yes"),
        ("If I reply with the opt out word does that take me off email too or just texts?", "no"),
        ("Does the opt-out thing work per company or per phone number? asking for my staff", "no"),
        ("I'm good on these for now, maybe in spring", "not yes"),
        ("save yourself the trip, I'll email it", "not yes"),
        ("this number should be receiving the invoices, not the other one", "not yes"),
        ("consider this number my cell from now on", "not yes"),
        ("yes please text me 5 more times today, I love it so much 🙃", "yes"),
        ("oh sure keep the texts coming 🙄", "yes"),
        ("text me 2 more times this week and I'll have an answer", "not yes"),
    ],
)
def test_the_eighty_first_families_and_guards(text, decision):
    assert_decision(text, decision)


# The eighty-second set: Cajun French "Arrête donc de m'envoyer tes textos" revokes; unsubscribing from another
# sender's e-mail list is no request to us (ours still is)
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("Arrête donc de m'envoyer tes textos, cher, j'en veux pas", "yes"),
        ("arrêtez svp de m'écrire", "yes"),
        ("How do I unsubscribe from the FEMA email list lol they send me 10 a day", "no"),
        ("how can I get off that church mailing list", "not yes"),
        ("how do i unsubscribe from your email list", "yes"),
        ("unsubscribe me from your email list and texts", "yes"),
    ],
)
def test_the_eighty_second_families_and_guards(text, decision):
    assert_decision(text, decision)


# The eighty-third set: "you people need to STOP" and a deletion of "all of my information from your database"
# revoke; opting out of a benefit or an office event is no request
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("you people need to STOP", "yes"),
        ("y'all gotta stop already", "yes"),
        ("you guys really need to stop texting", "yes"),
        ("you need to stop by the office tomorrow", "no"),
        ("do you need to stop at 5?", "no"),
        ("Please delete all of my information from your database and confirm in writing.", "yes"),
        ("remove any of our contact info from your system", "yes"),
        ("Staff already decided to opt out of the 401k switch and we're happy with what we have", "no"),
        ("I'm opting out of the secret santa this year lol", "no"),
        ("I want to opt out of this", "yes"),
    ],
)
def test_the_eighty_third_families_and_guards(text, decision):
    assert_decision(text, decision)


# The eighty-fourth set: "BLOCK" alone, and a phone named then taken off as "it", revoke; a block party or a map's
# block does not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("BLOCK", "yes"),
        ("blocking.", "yes"),
        ("block pls", "yes"),
        ("this is my sons phone hes 12 please remove it", "yes"),
        ("its my work cell so pls delete it from your list", "yes"),
        ("block party saturday!", "no"),
        ("block 3 on the map", "no"),
    ],
)
def test_the_eighty_fourth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The eighty-fifth set: consent denied in legal words, "get my 701 number off", Plautdietsch, "consider this me
# replying. opted out.", the keyword sent before and texts still coming revoke; a co-op dividend's opt-out does not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("I never gave prior express written consent to anybody for this", "yes"),
        ("get my 701 number off whatever list you bought it from", "yes"),
        ("Bitte nich mea schriewe.", "yes"),
        ("schriew mie nich mea", "yes"),
        ("> Reply STOP to opt out\nconsider this me replying. opted out.", "yes"),
        ("opted out.", "yes"),
        ("consider this my stop", "yes"),
        ('"Reply STOP to opt out" - I did. Twice. Still getting these from new numbers', "yes"),
        ("Is this the co-op? How do I opt out of the co-op dividend reinvestment", "no"),
        ("I opted out of the dividend last year", "no"),
        ("get my truck off the lot by friday", "no"),
        ('"Reply STOP to opt out" - what does that do exactly?', "not yes"),
    ],
)
def test_the_eighty_fifth_families_and_guards(text, decision):
    assert_decision(text, decision)


# Our keyword quoted and nothing beside it but doing as it says (the 84th set's held opt-out, now in dev): a
# revocation; a question about it, or a laugh, stays held
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("“Reply STOP to opt out”\nok. doing that", "yes"),
        ('"Reply STOP to opt out" done', "yes"),
        ('"reply STOP to unsubscribe" - gladly', "yes"),
        ('"Reply STOP to opt out" what does that do?', "uncertain"),
        ('"Reply STOP to opt out" lol ok', "uncertain"),
    ],
)
def test_our_keyword_quoted_and_done_as_it_says_revokes(text, decision):
    assert opt_out_explain(text)[0] == decision, opt_out_explain(text)


# The eighty-sixth set: "dont text here no more", Jamaican "Tek mi number off", Trinidadian "Doh send me", Greek
# "Μη μου ξαναστείλετε" revoke; the end of the block is a place, not a request (its false opt-out)
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("Wrong number and dont text here no more", "yes"),
        ("do not text here again", "yes"),
        ("Mi nuh want none a dis. Tek mi number off yuh list", "yes"),
        ("Doh send me nothing again eh, allyuh harassing people", "yes"),
        ("doh text me", "yes"),
        ("Μη μου ξαναστείλετε μήνυμα παρακαλώ", "yes"),
        ("end of the block, green awning. double parked come out", "no"),
        ("block party this weekend, too busy for this. no", "no"),
        ("doh worry, I go call you tomorrow", "no"),
    ],
)
def test_the_eighty_sixth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The eighty-seventh set: a phishing report made, a number put on a blocklist, a location's line taken off the list
# revoke; "text don't call", a loss stopped, and unsubscribing from others' portals do not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("Reported as phishing. Our IT team has been notified.", "yes"),
        ("flagged this as a smishing attempt", "yes"),
        ("This number is on our blocklist now.", "yes"),
        ("added to the company's do not contact list", "yes"),
        ("Remove Store #2214 from your list. Our Tucson location might want the financing tho", "yes"),
        ("Kim\n503-555-0197\ntext don't call", "no"),
        ("How do I stop the bleeding on labor costs?? Send me what you got", "no"),
        ("I had to unsubscribe from like 5 vendor portals this week. We're not adding vendors. No thanks", "no"),
        ("is this a phishing scam?", "no"),
        ("our firewall flagged the link", "no"),
        ("how do i stop these texts", "yes"),
    ],
)
def test_the_eighty_seventh_families_and_guards(text, decision):
    assert_decision(text, decision)


# The eighty-eighth set (life happening to the people we text): requests wrapped in a story revoke ("she won't be
# needing these anymore", "let this number be", "This number is off limits from now on", "send no further offers",
# "Cancel whatever list I'm on", "I DID reply stop"); the story alone, or the same words about something else, do not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("she won't be needing these anymore, please respect that", "yes"),
        ("he doesn't need your texts any longer", "yes"),
        ("Cancel whatever list I'm on. I closed the store.", "yes"),
        ("This number is off limits from now on.", "yes"),
        ("please send no further offers to this number. The firm has been dissolved.", "yes"),
        ("He's gone. Please let him rest, and let this number be.", "yes"),
        ("> Reply STOP to opt out\nI DID reply stop. Twice. My wife is dying.", "yes"),
        ("we did reply stop", "yes"),
        ("We won't be needing financing. Closing the doors for good on the 30th.", "no"),
        ("the ICU is off limits to visitors", "no"),
        ("let it be", "no"),
        ("if I reply stop do I get off all your lists?", "not yes"),
    ],
)
def test_the_eighty_eighth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The eighty-ninth and ninetieth sets (crews on job sites; people who market for a living): requests in the trade's
# own words revoke ("pull me out of yours" of a drip campaign, a suppression list, a follow-up sequence refused,
# touches saved for someone else), as do "para ya de mandarme mensajes" and "whatever this is, she's done with it";
# the same words about a list, a pitch or a form do not, nor the do-not-call rules asked about as the writer's own risk
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("I know exactly what a drip campaign looks like. Pull me out of yours.", "yes"),
        ("Take me out of your drip.", "yes"),
        ("Pull me out of the nurture sequence please", "yes"),
        ("Put me on your suppression list.", "yes"),
        ("add my number to your suppression list", "yes"),
        ("Suppress this number.", "yes"),
        ("Please don't put me in your follow-up sequence. One reply is all you get.", "yes"),
        ("don't enroll us in any automated campaign", "yes"),
        ("Save your second and third touches for someone else. I won't be needing them.", "yes"),
        ("Save your texts for someone who wants them", "yes"),
        ("We're not the right fit and I'd rather this phone not get any more of these, ok?", "yes"),
        ("Para ya de mandarme mensajes", "yes"),
        ("Paren ya de escribirme", "yes"),
        ("She's in a memory care facility. Whatever this is, she's done with it. Please respect that.", "yes"),
        ("Done with it. Please respect that.", "yes"),
        ("This is a TCPA violation.", "yes"),
        ("You're on the hook for a TCPA violation now", "yes"),
        ("We're on the DNC list, check it. Stop texting.", "yes"),
        ("Put me on your list for the grand opening", "no"),
        ("put me in your drip, I want the monthly tips", "no"),
        ("save your pitch for the meeting Tuesday", "no"),
        ("Don't add me to the sequence yet, call me first", "not yes"),
        ("I'm done with it, thanks, the form is signed", "no"),
        ("para ya de llorar jaja", "no"),
        ("How do you handle DNC scrubbing? I can't have my brokerage on the hook for a TCPA violation.", "no"),
        ("How do you scrub your lists against the DNC? Is it TCPA compliant?", "no"),
        ("We can't be on the hook for TCPA fines. How do you handle DNC scrubbing? Also stop texting me", "yes"),
    ],
)
def test_the_eighty_ninth_and_ninetieth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The ninety-first to ninety-third sets (elders and church offices; restaurants and phone reactions; long replies with
# the request inside a story): polite, indirect and buried requests revoke, and a reaction's own words after our
# quoted text are read; leaving a service (another company's, or ours before joining), other people's consent and the
# same words about something else do not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("I have asked twice now to not be contacted.This is the third time.Please honor that.", "yes"),
        ("I am keeping a record of every one of these texts. One more and my lawyer will be in touch.", "yes"),
        ("This phone is for family and the prayer chain only. Please leave it off your texting.", "yes"),
        ("Nay. Please do not write to this number again.", "yes"),
        ("Kindly refrain from further messages to this number. Regards, Church Office", "yes"),
        ("Bless your heart, you keep trying. But I'd appreciate it if you'd stop now.", "yes"),
        ("Wrong number and also please stop. This is a daycare, and the teachers share this phone.", "yes"),
        ("wrong number and please remove it, this is a hotel front desk now", "yes"),
        ("Laughed at \u201cHi Tony, this is Marcus with Brightline Data...\u201d anyway STOP", "yes"),
        ("I'm good, and I'm also good on hearing from you ever again. Thanks", "yes"),
        ("This line is for reservations only. Marketing texts are not welcome here, please respect that", "yes"),
        ("My nephew does our social media. So this is the last message I want to see from Brightline.", "yes"),
        ("Not interested, never will be. I'd rather this number not hear from you again. Have a good one.", "yes"),
        ("There is nothing here for you. I'd be grateful if this number was forgotten on your end.", "yes"),
        ("I've gotten three of these from you now. Please stop using my number for business stuff.", "yes"),
        ("I already told your coworker no. Don't keep writing me please, if I ever need something I'll call.", "yes"),
        ("That's a dealbreaker for me. I'm going to pass, and please don't follow up on this number.", "yes"),
        ("I know it's not your intent. Please just leave this number out of it from here on, for her sake.", "yes"),
        (
            "I do work for 3 general contractors and I'm booked through October. If you're hiring electricians send"
            " them my way, otherwise please quit messaging this number, it's the one my GCs use and I need to see their"
            " texts. I don't need customers, I need a second pair of hands, and a van that starts in the cold lol.",
            "yes",
        ),
        ('Liked "Hi Dana, open to a quick call this week?"', "no"),
        ("Please stop by the shop Saturday", "no"),
        ("leave me off the schedule this week, I'm in Tulsa", "no"),
        ("is this the last message you'll send about the grant?", "no"),
        ("I tried to unsubscribe from Yelp's program for 6 months. Is yours easier to get out of?", "no"),
        ("Real question: if I sign up and hate it, how do I unsubscribe or get out? Is it month to month?", "no"),
        ("I tried to unsubscribe from your texts 3 times", "yes"),
        ("Fake reviews, contracts people never agreed to, the whole thing. You should be ashamed.", "no"),
        ("I never agreed to these texts", "yes"),
    ],
)
def test_the_ninety_first_to_ninety_third_families_and_guards(text, decision):
    assert_decision(text, decision)


# The ninety-fourth to ninety-sixth sets (formal offices; fourth touches; young owners' slang): "I don't want to keep
# getting these", a way asked to make them stop, "dont hit this line again", "chill with the texts", "don't use it for
# this again" revoke; a carrier's block of our message, a tease laughing, and the same words about something else do not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("I don't do business over text and I don't want to keep getting these.", "yes"),
        ("Is there a way to get these to stop? Been getting them for weeks", "yes"),
        ("can you make them stop", "yes"),
        ("dont hit this line again", "yes"),
        ("ayo chill with the texts, i don't want em", "yes"),
        ("this number is for my clients only. don't use it for this again", "yes"),
        ("Your carrier blocked this message? I'm getting them fine. Stop texting me", "yes"),
        ("Message not delivered. The recipient's carrier has blocked this message.", "no"),
        ("is there a way to get the leaks to stop?", "no"),
        ("dont hit this line again before 9, I'm driving", "not yes"),
        ("chill with the prices, that's steep", "no"),
        ("don't use it for the quote, use the new one", "no"),
        ("stop it \U0001f602\U0001f602 you're so funny girl", "uncertain"),
    ],
)
def test_the_ninety_fourth_to_ninety_sixth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The ninety-seventh to ninety-ninth sets (care homes and hospice; the rural West; odd and adversarial writing):
# "please make them quit", "leave his phone alone", "cancel me outta this", "don't send a 4th", "get it out of your
# system", "expunge my contact details", "I'd like to not be on it anymore" revoke; so do words written with digits for
# letters and in small capitals, read as the words they spell. Arabic in Latin letters keeps its digits as letters, and
# the same words about something else do not revoke
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("Im 81 years old and I dont know how to make these mesages quit coming. please make them quit", "yes"),
        ("My husband is in hospice. He won't be calling anyone. Please just leave his phone alone.", "yes"),
        ("cancel me outta this", "yes"),
        ("there's 3 texts from you... don't send a 4th", "yes"),
        ("Wrong number. Get it out of your system", "yes"),
        ("Dear Sir or Madam, Kindly expunge my contact details from your records. Regards.", "yes"),
        ("refrain from any further correspondence", "yes"),
        ("Whatever list I'm on, I'd like to not be on it anymore", "yes"),
        ("pots. (that's stop backwards, genius)", "yes"),
        ("st0p t3xting me", "yes"),
        ("r3m0ve m3 fr0m ur l1st", "yes"),
        ("L0SE MY NUMB3R", "yes"),
        (
            "\u1d18\u029f\u1d07\u1d00\ua731\u1d07 \u0280\u1d07\u1d0d\u1d0f\u1d20\u1d07 \u1d0d\u1d07",
            "yes",
        ),
        ("\U0001d412\U0001d413\U0001d40e\U0001d40f", "yes"),
        ("khalas ma ba3d tb3atli msgs, shukran", "yes"),
        ("leave his phone alone, he's charging it", "not yes"),
        ("cancel me out of the 3pm, I'll call to rebook", "no"),
        ("get it out of your system, then call me monday", "no"),
        ("call me at 3pm about the 4th unit", "no"),
        ("ext5 after 3pm, ask for the covid19 desk", "no"),
        ("pots and pans are on sale", "no"),
    ],
)
def test_the_ninety_seventh_to_ninety_ninth_families_and_guards(text, decision):
    assert_decision(text, decision)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("st0p t3xting me", "stop texting me"),
        ("l0se my numb3r", "lose my number"),
        ("r3m0ve m3 fr0m ur l1st", "remove me from ur list"),
        ("0ut 0f t0wn", "out of town"),
        (
            "at 3pm on the 4th, ext5, unit 2b, covid19, mp3, f150, b2b",
            "at 3pm on the 4th, ext5, unit 2b, covid19, mp3, f150, b2b",
        ),
        ("khalas ma ba3d tb3atli msgs", "khalas ma ba3d tb3atli msgs"),
    ],
)
def test_digits_written_for_letters_are_read_as_the_letters(text, read):
    assert unleet(text) == read


# The hundred-and-second and hundred-and-third sets (voice-to-text and accessibility; Spanish-dominant businesses):
# the keyword misheard ("Stomp texting me", "Stopped texting this number period", "top" alone), "Unscribe me", Spanish
# requests ("borrenlo de su sistema", "desuscribir", "dejen de joder con los mensajitos", a lawyer threatened for one
# more message, "reportado y bloqueado", "ya paren los mensajes", "¿cómo hago pa que ya no me lleguen?"), Korean and
# Gujarati requests revoke; the writer deleting our text, a phone's do-not-disturb mode and the same words about
# something else do not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("Stomp texting me please", "yes"),
        ("Stopped texting this number period", "yes"),
        ("top", "yes"),
        ("Sop", "yes"),
        ("Unscribe me", "yes"),
        ("This phone is for family only, y'all don't need to be on it", "yes"),
        ("numero equivocado, borrenlo de su sistema xfa", "yes"),
        ("Desuscribir", "yes"),
        ("Dejen de joder con los mensajitos ya", "yes"),
        ("Si me llega otro mensaje de ustedes llamo a mi abogado", "yes"),
        ("reportado y bloqueado", "yes"),
        ("Ya paren los mensajes, se los ruego", "yes"),
        ("\u00bfC\u00f3mo hago pa que ya no me lleguen estos mensajes?", "yes"),
        (
            "더 이상 연락 원하지 않습니다. 번호 지워주세요",
            "yes",
        ),
        (
            "મહેરબાની કરીને મને મેસેજ ન કરો",
            "yes",
        ),
        ("Do not disturb me again", "yes"),
        ("Wrong number, I'll just delete this", "not yes"),
        ("wrong number, please delete it", "yes"),
        ("Estoy conduciendo con el modo No molestar activado. Ver\u00e9 tu mensaje cuando llegue.", "no"),
        ("I have Do Not Disturb on, will text back", "no"),
        ("top of the morning", "no"),
        ("we're top rated in Tulsa", "no"),
        ("paren el carro ah\u00ed", "no"),
        ("borren el pizarr\u00f3n", "no"),
    ],
)
def test_the_hundred_and_second_and_third_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-first, hundred-and-fourth and hundred-and-sixth sets (channel preferences; shared lines and group
# texts; Caribbean and African languages): "No texts to this number, ever", vendor texts refused on this phone, a
# subscription to these cancelled, "mom says stahp", "take me out the rotation", and requests in Patois, Trinidadian
# English, Nigerian Pidgin, Haitian Creole, Vietnamese, Twi, Wolof, Igbo and Tigrinya revoke; someone else who stopped
# texting back, and the same words about an errand or a time, do not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("Email only please. No texts to this number, ever.", "yes"),
        ("Please only email me going forward. I don't want vendor texts on this phone.", "yes"),
        ("Cancel my subscription to these lmao", "yes"),
        ("mom says stahp. i'm just the messenger", "yes"),
        ("Y'all can take me out the rotation on these texts fr", "yes"),
        ("Please don't use this number for business no more, it's my personal phone now", "yes"),
        ("Please mi beg yuh nuh text mi phone again, mi deh a work", "yes"),
        ("wrong number, dis a shop inna Flatbush not no Dana. delete di number please", "yes"),
        ("Sir take dis number off allyuh system eh, every day is ah message", "yes"),
        ("Abeg make una stop dey send me message, I no need am", "yes"),
        ("mwen pa vle resevwa mesaj sa yo ank\u00f2", "yes"),
        ("Xin vui l\u00f2ng kh\u00f4ng nh\u1eafn tin cho ch\u1ed3ng t\u00f4i n\u1eefa. C\u1ea3m \u01a1n", "yes"),
        ("Mesr\u025b wo, gyae nkra a wode bre me no", "yes"),
        ("Bul ma y\u00f3nnee message ci kanam, j\u00ebr\u00ebj\u00ebf", "yes"),
        ("Biko ezitekwala m ozi \u1ecd z\u1ecd", "yes"),
        ("በጃኻ ካብ ዝርዝርኩም ኣውጽኡኒ", "yes"),
        ("Dad quit texting back the bots \U0001f602", "no"),
        ("Mom says stop at Costco on the way", "no"),
        ("no texts to this number after 9pm please", "not yes"),
        ("cancel my subscription to the newsletter too", "no"),
    ],
)
def test_the_hundred_and_first_fourth_and_sixth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-fifth, hundred-and-eighth and hundred-and-ninth sets (privacy officers; South Asian and Middle Eastern
# owners; replies out of order): "treat this as a do-not-contact request", "use the mail. Not this number.", "get me
# off whatever list you bought", "keep hitting my store phone. Don't.", "Please stop both", "STOP means stop", "neither
# of you should text me again", "Don't bother sending a fourth", "Remove both numbers please", and Farsi, Hindi and
# Hinglish requests revoke; the law asked about as a buyer ("for TCPA purposes") and the same words about a flyer do not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("I'm the privacy officer here. Please treat this as a do-not-contact request.", "yes"),
        ("Going forward, if you need to reach our firm, use the mail. Not this number.", "yes"),
        ("Not interested and please get me off whatever list you bought", "yes"),
        ("Y'all keep hitting my store phone. Don't.", "yes"),
        ("You sent this to my husband's phone too, neither of us want these. Please stop both", "yes"),
        ("I replied stop to your first one and here you are again. STOP means stop", "yes"),
        ("Not sure which company you are, but neither of you should text me again", "yes"),
        ("This is the third one. Don't bother sending a fourth", "yes"),
        ("Got this on my work phone AND my cell. Remove both numbers please", "yes"),
        ("بس کنید دیگه، هر روز پیام میدید. شماره منو پاک کنید", "yes"),
        ("कृपया इस नंबर पर दोबारा संपर्क न करें", "yes"),
        ("ek aur msg aaya toh seedha block \U0001f624", "yes"),
        ("If we used this, would we be the sender of record for TCPA purposes, or you?", "no"),
        ("remove both numbers from the flyer, they're old", "not yes"),
        ("use the mail slot, the door is locked", "no"),
    ],
)
def test_the_hundred_and_fifth_eighth_and_ninth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-seventh, hundred-and-tenth and hundred-and-eleventh sets (seasonal businesses; farm country;
# replies full of numbers and links): "I want off", "Take the hint", "let this be the last one", "I'd appreciate not
# hearing from you again", a number named and taken off ("Please take 919 555 0133 off"), "Done getting texts from you
# guys" revoke; the same words about a shift, the writer's own hint or a document do not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("Whoever sold you my info, I want off. I don't do business by cold text.", "yes"),
        ("Third text from you people. Take the hint", "yes"),
        ("Uff da, not again. Please just let this be the last one \U0001f64f", "yes"),
        ("Whatever you're selling I'm not buying, and I'd appreciate not hearing from you again.", "yes"),
        ("Please remove 713-555-0148 from your system. This is a personal line not the business", "yes"),
        ("Please take 919 555 0133 off. we get 20 of these a day", "yes"),
        ("Done getting texts from you guys. Bye", "yes"),
        ("I want off at 5 today", "no"),
        ("I'll take the hint", "not yes"),
        ("let this be the last one you need to sign", "no"),
    ],
)
def test_the_hundred_and_seventh_tenth_and_eleventh_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-twelfth, hundred-and-fourteenth and hundred-and-fifteenth sets (high-stakes replies; New England;
# the Pacific): "we need these to end", no second or third text needed, "don't use it for this", and Hawaiian Pidgin,
# Ilocano, Samoan and Chamorro requests revoke; another line given instead of the shop's is held for a person, and the
# source of the number asked, or the same words about a deadline or an order, do not revoke
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("Our dad is in the ICU. This is his phone. We need these to end. Thank you.", "yes"),
        ("I'll pass. Don't need a second or third text about it either.", "yes"),
        ("this is a personal cell not the business line. don't use it for this", "yes"),
        ("Brah no text me dis number again. Pau.", "yes"),
        ("Eh uncle, stop already wit da texts. Nobody like.", "yes"),
        ("Diak kayat ti text. Dika agtext manen.", "yes"),
        ("Aua e te toe text mai i lenei numera", "yes"),
        ("Basta ma text yu'. Si Yu'os ma'\u00e5se", "yes"),
        ("Don't text the shop line. My cell is 401 555 0127", "uncertain"),
        ("What list did you get my number off of?", "not yes"),
        ("we need these to end by Friday, can you expedite the permits?", "no"),
        ("don't need a second opinion, the roof is shot", "no"),
        ("don't use it for this week's order, use the new one", "no"),
    ],
)
def test_the_hundred_and_twelfth_fourteenth_and_fifteenth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-thirteenth, hundred-and-sixteenth and hundred-and-seventeenth sets (a plain week; second thoughts,
# time limits and conditions; marketers in their own jargon): a threat on the next text, "whatever consent I gave"
# revoked, and a marketer's "sequence", "cadence", "flow" and "do-not-contact in your CRM" revoke; another line given
# after a clause between is held for a person; texts refused at some hours only, an offer's condition not met ("if not
# don't bother"), the writer's own customers asking the writer to stop, and "don't call, send it in writing" do not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("If these texts don't stop I'm forwarding them to my attorney.", "yes"),
        ("if your messages dont stop im calling the AG", "yes"),
        ("Revoking whatever consent I gave. I only said send info bc I thought you were the county", "yes"),
        ("pull me from this sequence, not a fit", "yes"),
        ("remove from cadence. thx", "yes"),
        ("Opt me out of this flow pls", "yes"),
        ("take us off your sms drip", "yes"),
        ("Please mark me as do-not-contact in your CRM. I get 40 of these a day.", "yes"),
        ("mark this number DNC", "yes"),
        ("Don't text the office line, nobody reads it. My cell is (520) 555-0193, weekdays only", "uncertain"),
        ("Sí me interesa pero después de las 6 no me escriban porque estoy con mi familia", "no"),
        ("no me escriban después de las 8 de la noche, gracias", "no"),
        ("after 6pm don't text me, I'm with the kids. Before that is fine", "no"),
        ("after 7 dont text me. actually dont text at all", "yes"),
        ("If you can beat $300/mo email me the numbers: tony@sunsetcarwashlv.com. if not dont bother", "no"),
        ("My customers keep telling me to quit texting them appointment reminders lol. Can you help with that?", "no"),
        ("Don't call, send it to me in writing. office@desertbloomlandscape.com", "no"),
        ("if the texts don't stop by themselves how do I block them on android", "not yes"),
        ("mark me down for Thursday at 10", "no"),
        ("we built a new drip flow for our customers last week", "no"),
    ],
)
def test_the_hundred_and_thirteenth_sixteenth_and_seventeenth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-eighteenth, hundred-and-nineteenth and hundred-and-twenty-first sets (a plain week; very short
# replies; Eastern European, Balkan, Caucasian and Central Asian owners): one word a sentence read as the phrase it
# spells, the key beside one of stop's letters struck, French "arrête svp", and requests in Romanian, Serbian,
# Bulgarian, Kazakh, Uzbek, Georgian and Russian in Latin letters revoke; a question what opting out would reach, or
# how to unsubscribe from another sender's e-mails, does not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("I've told you twice now. No. More. Texts.", "yes"),
        ("Stop. Texting. Me.", "yes"),
        ("Srop", "yes"),
        ("dtop texting me", "yes"),
        ("arrête svp", "yes"),
        ("Sunt sofer, n-am timp de mesaje. Scoateți-mă vă rog", "yes"),
        ("Nu-mi mai trimiteți mesaje, mulțumesc", "yes"),
        ("Престаните да ми шаљете поруке.", "yes"),
        ("prestanite da mi šaljete poruke", "yes"),
        ("Моля, спрете да ми пишете. Изтрийте номера ми.", "yes"),
        ("Бас тартамын. Маған хабарлама жібермеңіз", "yes"),
        ("Рақамимни ўчиринг, безовта қилманг", "yes"),
        ("Iltimos, menga boshqa yozmang. Raqamimni oʻchiring", "yes"),
        ("გთხოვთ, აღარ მომწეროთ", "yes"),
        ("agar momwerot gtxovt, waSalet chemi nomeri", "yes"),
        ("bratan ne nado, udali menya iz spiska", "yes"),
        ("If I opt out does that block the whole company number or just my phone? My front desk uses this too", "no"),
        ("How does the opt out work, does it take me off email too or just texts?", "no"),
        ("lol do you know how to unsubscribe from Groupon emails? they're worse than you", "no"),
        ("How does the opt out work, does it take me off? please do", "yes"),
        ("how do i unsubscribe from these texts", "yes"),
        ("atop the roof all day, call after 4", "no"),
        ("Ok. Sounds. Good.", "no"),
    ],
)
def test_the_hundred_and_eighteenth_nineteenth_and_twenty_first_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-twentieth, hundred-and-twenty-second and hundred-and-twenty-fourth sets (office phone systems and
# gateways; long rambling replies; Hispanic-owned businesses): our text quoted back on the reply's own line, a mail
# client's "On ..., Sam wrote:" and what follows, a phone's "Sent from my iPhone" and a confidentiality notice are not
# the person's words; a request passed on for the person, a business named as what to take off a list, and Spanish
# "no textos a este cel", "revoco mi consentimiento", "fuera de mi teléfono", "BORRAR", "deja d mandarme" revoke; a
# lawsuit in the writer's past, "pls email, don't call" and how to unsubscribe from another sender's "correos" do not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        (
            "no. stop texting this number, we never signed up for anything. On Tue, Mar 10, 2026 at 9:14 AM Sam "
            "<sam@usdatabiz.com> wrote: > Following up on my last text... Reply STOP to opt out.",
            "yes",
        ),
        (
            "Ok 2:30 tomorrow. On Mon, Mar 9, 2026, Sam wrote: > Open to a quick chat this week? "
            "Reply STOP to opt out.",
            "no",
        ),
        (
            "Yes > Hi Dana, this is Sam with USDataBiz. We help local businesses like Harbor Realty find new "
            "customers. Open to a quick chat this week? Reply STOP to opt out.",
            "no",
        ),
        ("Stop > Hi Dana, this is Sam with USDataBiz. Open to a quick chat this week? Reply STOP to opt out.", "yes"),
        ("Thanks.  Sent from my iPhone", "no"),
        ("Wrong number, this isn't Dana.  Sent from my iPhone", "no"),
        ("unsubscribe   Sent via Dialpad", "yes"),
        (
            "Hi Sam, appreciate the persistence but this is the third one. Please take Coastal Roofing off "
            "whatever list you're using. Best, Jen Alvarez, Operations Coordinator, Coastal Roofing & Gutters, "
            "1200 Bayshore Dr Suite 4, Tampa FL 33602. CONFIDENTIALITY NOTICE: This message and any attachments "
            "are intended solely for the addressee and may contain privileged information.",
            "yes",
        ),
        (
            "Hi Sam - Linda asked me to reply since she's out. She's not interested and asked that you not text "
            "her again.",
            "yes",
        ),
        ("She asked that you not text her before 10, she opens late", "not yes"),
        ("Please don't remove me from your list lol I actually want to hear about this", "no"),
        ("Solo por email por favor, no textos a este cel", "yes"),
        ("deja d mandarme mierda a mi cel", "yes"),
        ("Revoco mi consentimiento para recibir mensajes de texto de su compañia", "yes"),
        ("BORRAR", "yes"),
        ("Fuera de mi telefono", "yes"),
        ("estoy fuera de mi oficina hasta el lunes", "no"),
        ("lmao quick chat. Last quick chat cost me $3,000 and a lawsuit. You people are parasites.", "not yes"),
        ("pls email, don't call: office@montesconstruction.com", "no"),
        ("unsubscribe de los correos de Home Depot como se hace?? mija ayudame", "no"),
    ],
)
def test_the_hundred_and_twentieth_twenty_second_and_twenty_fourth_families_and_guards(text, decision):
    assert_decision(text, decision)


@pytest.mark.parametrize(
    ("text", "own"),
    [
        ("Ok 2:30 tomorrow. On Mon, Mar 9, 2026, Sam wrote: > Open to a quick chat this week?", "Ok 2:30 tomorrow."),
        ("Yes > Hi Dana, this is Sam with USDataBiz. Reply STOP to opt out.", "Yes"),
        (
            "> Hi Dana, this is Sam with USDataBiz. Reply STOP to opt out. ---- Dana here. Call 919 555 3300",
            "Dana here. Call 919 555 3300",
        ),
        ("Interested.  Sent via Dialpad", "Interested."),
        (
            "Please cease contact.\n\nSandra Lowe\nThis message may contain confidential information.",
            "Please cease contact.\n\nSandra Lowe",
        ),
        ("we have > 20 trucks, is that too many?", "we have > 20 trucks, is that too many?"),
        ("Sent from my iPhone", "Sent from my iPhone"),
    ],
)
def test_the_persons_own_words_without_quotes_headers_and_device_lines(text, own):
    assert without_tapback(text) == own


# The hundred-and-twenty-third, hundred-and-twenty-fifth and hundred-and-twenty-seventh sets (a plain week of
# follow-ups; voice-to-text and busy hands; traps): "stop" heard as "shop" or "top" before "texting me" and "this"
# typed with a slip revoke; a question how far opting out reaches, without punctuation, a relative not to be told
# "about" something, the chore of unsubscribing told, and a stop sign laughed at beside "keep me posted" do not, and
# "don't contact the front desk ... My direct is" is held for a person
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("shop please shop texting this number", "yes"),
        ("not interested top texting me comma thanks", "yes"),
        ("pleas rmove tjis numbr", "yes"),
        ("shop texting is new for us, how does it work", "no"),
        ("how does the opting out work does it take me off everything or just the texts", "no"),
        (
            "Text my daughter she does all the online stuff 347 555 0129. And don't text my wife about any of this, "
            "she thinks I'm retiring lol",
            "no",
        ),
        ("please stop texting my dad, he is 91 and this is his phone", "yes"),
        ("ok but don't contact the front desk they'll just hang up on you. My direct is 602-555-0183", "uncertain"),
        (
            "Keep me posted. My wife says I should stop doing everything myself so maybe this is a sign 🛑😂",
            "uncertain",
        ),
        ("🛑🛑🛑 lol", "yes"),
        (
            "Did my husband sign us up for this? He signs up for everything and then I'm the one who has to "
            "unsubscribe us",
            "no",
        ),
    ],
)
def test_the_hundred_and_twenty_third_fifth_and_seventh_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-twenty-sixth, hundred-and-twenty-eighth and hundred-and-thirtieth sets (a plain week; franchisees,
# chains and corporate gatekeepers; mixed intents): a chain's "remove every one of our numbers" and Gujarati in Latin
# letters "have text na karso" revoke; calls refused for the writer's cell at some time, "this week", or beside an
# e-mail given as "email is X" or said aloud ("marco dot ruiz at ... dot com") do not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        (
            "This is HR for a 40 unit donut franchisee. Texting our employees' personal phones is not ok. Remove every "
            "one of our numbers you have on file.",
            "yes",
        ),
        ("Aa number par have text na karso. Hu franchise owner chu ane mane interest nathi", "yes"),
        (
            "I'm interested but don't call, I'm on the line all day. Email marco dot ruiz at tacolocofranchise dot com",
            "no",
        ),
        ("Don't call my cell during the day, I'm up on roofs. Shop line is (803) 555-0112, call after 4", "no"),
        ("Don't call me, I'm hard of hearing and phones are a pain. email is rob.k@kmechanical.us", "no"),
        ("Call me the 2nd week of January. Don't call this week though, it's chaos", "no"),
        ("don't call my cell, don't text it either", "yes"),
    ],
)
def test_the_hundred_and_twenty_sixth_eighth_and_thirtieth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-twenty-ninth, hundred-and-thirty-first and hundred-and-thirty-second sets (a plain week; South Asian,
# Middle Eastern and Afghan owners; East and Southeast Asian owners): Dari, Pashto and Urdu in their scripts and in
# Latin letters, Hindi, Gujarati, Nepali and Egyptian Arabic in Latin letters, romanised Korean, Chinese, Cantonese,
# Vietnamese and Taglish revoke; "Stop right there, which company did you say?" and a Hindi ask about unsubscribing
# from another firm's e-mails do not, nor Vietnamese "don't stop sending"
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("لطفاً دیگر برایم پیام روان نکنید، نمبرم را از لست تان پاک کنید", "yes"),
        ("ورور، ماته نور پیغامونه مه لیږه. زما نمبر له لیست نه لرې کړه", "yes"),
        (
            "السلام علیکم، میں ان کا بیٹا بول رہا ہوں۔ ابو کو انگریزی زیادہ نہیں آتی۔ مہربانی کر کے یہ نمبر اپنی لسٹ "
            "سے ہٹا دیں اور آئندہ میسج نہ کریں۔ شکریہ",
            "yes",
        ),
        ("yaar mera number nikal do apni list se. shukriya", "yes"),
        ("bhai maro number list mathi kadhi nakho, motel ma aamey bau kaam che", "yes"),
        ("dai malai text na garnus hai, number hataidinus", "yes"),
        ("ya 3am balash el messages di 5ales, ems7 rakamy", "yes"),
        ("wrora ma ta nor message ma kawa, number me delete ka", "yes"),
        ("bas karo yaar, roz subah 7 baje message aata hai, ab mat bhejna", "yes"),
        ("geuman bonaeseyo plz", "yes"),
        ("請將我的號碼從你們的名單中刪除，謝謝", "yes"),
        ("mou zoi send la, 唔好再打嚟啦", "yes"),
        ("Ngưng giùm cái. Ngày nào cũng nhắn", "yes"),
        ("Nanay ko po ito, pls po stop na kayo mag text sa kanya. Matanda na po sya at nalilito lang", "yes"),
        ("Stop right there, which company did you say? And how'd you get my cell", "not yes"),
        ("Stop right there. Take me off your list", "yes"),
        ("Beta unsubscribe kar do mujhe un Yelp waali emails se, din mein 10 baar aati hai", "not yes"),
        ("Đừng ngừng gửi nha em, chị đang coi giá", "not yes"),
    ],
)
def test_the_hundred_and_twenty_ninth_thirty_first_and_second_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-thirty-third, hundred-and-thirty-fourth and hundred-and-thirty-sixth sets (a plain week; African,
# Caribbean and Eastern European owners; strain and odd forms): Tigrinya and Amharic in their script, Yoruba, Twi,
# Haitian Creole for an uncle, Jamaican Patois, Polish and Bosnian revoke; a writer already convinced ("stop stop I
# hear you"), a phone's spam label, a habit of unsubscribing before a yes, other callers to be stopped, a no-sign on
# money and Patois "stop tek people fi eediat" (an insult) do not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("በጃኹም ደጊም መልእኽቲ ኣይትልኣኹለይ", "yes"),
        ("እባካችሁ መልዕክት አትላኩልኝ", "yes"),
        ("ቁጥሬን ከዝርዝራችሁ ሰርዙ", "yes"),
        ("E jo, e ma fi text ranse si number yi mo. E se", "yes"),
        ("Mepa wo kyɛw gyae texts no, mempɛ bio", "yes"),
        ("Bonjou, se neve l ki ekri w. Tonton m pa li angle, li di pou m di w pa ekri l ankò. Mèsi", "yes"),
        ("Mi nuh waan nuh more a dem text yah. Tek mi off di list", "yes"),
        ("Już trzeci raz piszecie. Dajcie mi wreszcie spokój", "yes"),
        ("Izbrišite me sa spiska i ne šaljite više ništa", "yes"),
        ("Ok stop stop I hear you lol. How much for a month?", "no"),
        ("stop stop I hear you every day. take me off", "yes"),
        ("My phone flagged this as spam risk lol. who is this for real and what company", "no"),
        ("My phone flagged this as spam. Stop texting me", "yes"),
        ("I unsubscribe from pretty much everything lol but fine, send it to rick.b.hauling@hotmail.com", "no"),
        ("if you can stop my phone ringing with tire kickers and get me real jobs I'm in", "no"),
        ("🚫💰 no budget sorry", "no"),
        ("🚫📱 no more texts", "yes"),
        ("🚫💰 and 🛑 texting", "yes"),
        ("Stop tek people fi eediat wid dis scam yah. Bloodclaat tief", "not yes"),
        ("Medaase, yɛnhia seesei", "no"),
    ],
)
def test_the_hundred_and_thirty_third_fourth_and_sixth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-thirty-fifth, hundred-and-thirty-seventh and hundred-and-thirty-ninth sets (a plain week; Pacific,
# Southern European and Latin American owners; people answering for others or in a role): "I don't want it coming to
# this phone anymore", formal requests that no further messages be sent, a named person's number removed, Cape
# Verdean, Galician, Catalan, Cuban Spanish, Quechua, Sicilian, Portuguese and French asked on a relative's behalf
# revoke; calls refused with texts asked for in Spanish, the writer's own ads stopped until a lawsuit settles, and
# another company reported in the past do not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("Whatever this is, I don't want it coming to this phone anymore", "yes"),
        (
            "We appreciate you thinking of us, however we must ask that you not contact us again regarding this or "
            "any other offer.\nWarm regards,\nSunnyside Daycare Administration",
            "yes",
        ),
        (
            "Hello. On behalf of Mr. and Mrs. Okafor, we request that no further text messages be sent to this number. "
            "Thank you for your cooperation.\nOkafor Family Farms - Office",
            "yes",
        ),
        ("Please remove Gloria's number. She sold the nail shop and this is just her personal phone now.", "yes"),
        ("Para di manda-m mensajen. N ka kre nada, obrigadu", "yes"),
        ("Deixade de mandarme mensaxes, por favor. Non me interesa.", "yes"),
        ("Deixeu d'enviar-me missatges si us plau", "yes"),
        ("Oye asere borra este número de tu lista, yo no compro nada por texto", "yes"),
        ("Disculpe yo no ablo mucho ingles. No quiero mensaje. Maltyox", "yes"),
        ("Ama ña mensajeta kachamuwaychu. no mas mensaje porfavor", "yes"),
        ("Finitila cu sti missaggi. Nun mi scriviti cchiù", "yes"),
        ("Eu sou a funcionária da Dona Fátima, ela pediu pra vocês não entrarem mais em contato com ela.", "yes"),
        ("Ce numéro appartient à mon mari. Merci de ne plus lui envoyer de messages.", "yes"),
        ("No me llames, solo textos. Qué es lo que ofrecen?", "no"),
        ("No me llames ni me escribas más", "yes"),
        ("We're stopping all advertising until the lawsuit gets settled. Not interested right now.", "no"),
        ("he reported the last company like yours to the BBB after they took his money. not interested hun", "no"),
        ("I reported you to the BBB", "yes"),
        ("Can you remove Yelp's number from our listing? It shows their call tracking line", "not yes"),
        ("I don't want it sent to my cell, email the contract to rita@ritasbakery.com", "not yes"),
        ("No quiero mensajes de voz, mándame texto", "not yes"),
    ],
)
def test_the_hundred_and_thirty_fifth_seventh_and_ninth_families_and_guards(text, decision):
    assert_decision(text, decision)


# A stop-sending verb in a negative imperative ("don't stop sending me the offers") and calls refused with texts asked
# for, in the languages whose "don't call" or "stop sending" revokes on its own: no request; the same words asking
# for no texts still revoke
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("No dejen de mandarme las ofertas", "no"),
        ("Não parem de mandar as promoções", "no"),
        ("N'arrêtez pas de m'envoyer les offres", "no"),
        ("Ne cessez pas de m'envoyer vos promos", "no"),
        ("Pa sispann voye pwomosyon yo", "no"),
        ("Non smettete di mandarmi le offerte", "no"),
        ("Jangan berhenti kirim promo", "no"),
        ("No me llames, mejor mándame un texto", "no"),
        ("Nie dzwońcie, piszcie SMS", "no"),
        ("Mos më telefononi, më shkruani", "no"),
        ("لا تتصل، ابعت رسالة", "no"),
        ("call mat karo, msg karo", "no"),
        ("Đừng gọi, nhắn tin cho tôi", "no"),
        ("Nuh call mi, text mi", "no"),
        ("'Oua 'e ui mai, text mai pe", "no"),
        ("Ka bu liga-m, manda-m mensajen", "no"),
        ("Ring inte, skicka sms", "no"),
        ("No me llames ni me mandes mensajes", "yes"),
        ("Paren de mandarme mensajes", "yes"),
        ("No, deja de mandarme mensajes", "yes"),
        ("Arrêtez de m'envoyer des messages", "yes"),
        ("N'arrêtez pas, je plaisante. Arrêtez de m'écrire", "yes"),
        ("Sispann voye mesaj ban mwen", "yes"),
        ("Smettete di mandarmi messaggi", "yes"),
        ("Nie dzwońcie i nie piszcie", "yes"),
        ("Ring inte och skicka inte sms", "yes"),
        ("Đừng gọi, đừng nhắn tin nữa", "yes"),
        ("call mat karo, msg bhi mat karo", "yes"),
    ],
)
def test_a_stop_sending_verb_negated_and_calls_refused_for_texts_in_other_languages(text, decision):
    assert_decision(text, decision)


# The hundred-and-thirty-eighth, hundred-and-fortieth and hundred-and-forty-second sets (a plain week; every immigrant
# community at once; written to be hard): Ukrainian in Latin letters, Greek, a wife's phone, and requests said without
# the usual words revoke; a service asked to stop something else, another sender's texts asked about, calls refused
# beside a question about the offer, and calls at some hours on pain of a block do not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("Bud laska vydalit miy nomer, diakuiu", "yes"),
        ("Παρακαλώ σβήστε τον αριθμό μου. Ευχαριστώ", "yes"),
        ("Who is this. Don't ever text my wife's phone again", "yes"),
        (
            "Oh I'd LOVE more of these. Truly. Fill my phone right up Sam, it's not like I run a business or anything. "
            "(That means quit it.)",
            "yes",
        ),
        ("Consider this door shut and the porch light off. Don't come knocking on this number again.", "yes"),
        ("I think three texts is probably plenty for one lifetime, wouldn't you say", "yes"),
        ("Might be a touch much, all the texting. I'd be just fine going without it from here on out.", "yes"),
        (
            "Sam I'll be honest with you, we just lost our head cook, the walk-in died Saturday, and my daughter's "
            "getting married in three weeks so I'm running on fumes. I'm not in a spot for pitches and I'd appreciate "
            "my name coming off whatever list you pulled it from. Hope business treats you kind.",
            "yes",
        ),
        (
            'lol so funny story, I was in the middle of a perm when your text came in and my client goes "is that '
            'your boyfriend" 😂 anyway no more of these please, my phone sits on the station all day and folks read '
            "it. have a good one",
            "yes",
        ),
        ("this is giving spam. im gonna need u to not. thx", "yes"),
        ("I reckon that's about enough outta you. Leave this number be, hear", "yes"),
        (
            "Oh for cute, that's real nice of ya, but we'd just as soon not get these texts anymore, ya know? Thanks a "
            "bunch then!",
            "yes",
        ),
        ("Well uff da. Third one this week. Could ya maybe not, then? Appreciate it, bud.", "yes"),
        ("How about you pretend you never got this number and I'll pretend I never got your texts. Deal?", "yes"),
        ("ive said it nicely twice now. dont make me say it a third time", "yes"),
        ("Can you help us stop getting fake 1 star reviews or is that not what you do?", "no"),
        ("can you help me stop getting these texts", "yes"),
        ("Don't call the shop line, we're slammed. Is this a monthly contract or one-time?", "no"),
        ("how do I stop the OTHER marketing texts I get? asking for real, do you know", "no"),
        ("how do I stop these texts", "yes"),
        ("Let's do Monday morning. Don't call before 9 or I'll block you lol", "no"),
        ("Don't text me again or I'll block you", "yes"),
        ("Could you maybe not text after 8? Mornings are fine", "not yes"),
    ],
)
def test_the_hundred_and_thirty_eighth_fortieth_and_forty_second_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-forty-first, hundred-and-forty-third and hundred-and-forty-fifth sets (a plain week; rural and
# small-town immigrant owners and their families; grief, illness, politeness and sarcasm): relatives asking for elders,
# a late husband's phone, a dispatch line kept off lists, and requests said without the usual words revoke; Somali
# "we stopped the Google ads", a Ukrainian "stop" before a question, calls refused at this hour or with texts asked
# for in Croatian and Vietnamese, and a child told to stop by name do not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        (
            "Yokwe. this is her granddaughter, my bubu only speak Marshallese and she keep asking me what these texts "
            "are. pls dont text her no more. kommol",
            "yes",
        ),
        (
            "Hi I'm his daughter, my dad only speaks Mixteco and a little Spanish. Can you guys not send him these "
            "anymore",
            "yes",
        ),
        ("Im her grandson. she only read creole. she wants these to stop, she not buying anything", "yes"),
        ("bro this is a dispatch line for our drivers. do not put it on any marketing list", "yes"),
        ("My husband passed in March. This was his business line. Please let his phone rest.", "yes"),
        ("Whatever list you bought, I'd appreciate not being on it anymore.", "yes"),
        (
            "im on chemo and every time this phone buzzes i think its the oncologist. please dont do this to me "
            "anymore",
            "yes",
        ),
        ("Not this number. Not my wife's number. Not ever. Are we clear?", "yes"),
        ("wow thanks so much for the 3rd text!! so thoughtful!! you can actually stop now tho 🙂", "yes"),
        (
            "Dear Sam,\nYour messages are not welcome here and I would be grateful if they ceased.\nSincerely,\n"
            "Margaret",
            "yes",
        ),
        (
            "Why do you people keep texting my late husband's phone? I keep it on for his voicemail greeting. Please "
            "just leave it alone.",
            "yes",
        ),
        ("How many more times do I have to say it before these stop coming?", "yes"),
        ("You'd do me a real kindness by forgetting this number exists.", "yes"),
        ("Fadlan ii jooji fariimahan", "yes"),
        ("Google ads-ka waan joojiyay bishii hore, shaqo ma keenin. Idinku maxaad si ka duwan u samaynaysaan?", "no"),
        ("Стоп, а скільки це коштує?", "not yes"),
        ("Стоп. Не пишіть мені більше", "yes"),
        ("Nemojte zvati, vozim kamion cijeli dan. Pošaljite cijenu porukom pa ćemo vidjeti", "no"),
        ("Đừng gọi giờ này, tiệm đang đông khách. 8 giờ tối gọi lại nhé", "no"),
        ("Stop it Jaylen put that DOWN", "not yes"),
        ("Stop it Sam go away", "yes"),
        ("I had a leak in the walk-in but decided to leave it alone", "no"),
    ],
)
def test_the_hundred_and_forty_first_third_and_fifth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-forty-fourth, hundred-and-forty-sixth and hundred-and-forty-eighth sets (a plain week; Francophone
# Africa, the Maghreb, Central Asia and the Middle East; office-speak, shorthand and bluntness): French, Bambara,
# Lingala, Darija in both scripts, Tunisian, Tajik, Kyrgyz, Russian for a mother and Gulf Arabic revoke, as do
# office-speak requests and a whole reply of "pls no"; "Arrêtez-vous au garage", a marketing budget, an app's
# notifications, another sender's e-mails and another agency's cease and desist do not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        (
            "Bonjour, c'est sa fille qui écrit. Mon père ne lit pas l'anglais et il demande qu'on ne le contacte plus "
            "du tout, ni appel ni texto. Merci de respecter ça",
            "yes",
        ),
        ("I ni ce. Kana SMS ci n ma tugun, n t'a fɛ. A to!", "yes"),
        ("Botika kotinda ngai ba message oyo. Longola numéro na ngai, nalingi te", "yes"),
        ("عافاك حيد الرقم ديالي من الليستة ديالكم، ما بغيتش هاد الميساجات", "yes"),
        ("khouya 7bes had les messages 3afak, rah kay3ye9o. mersi", "yes"),
        ("barkaw ma tab3atouli had les sms. supprimi numéro ta3i men 3andkom", "yes"),
        ("ya5i 7ottni fel liste noire mte3kom w ma3adech tab3athli chay", "yes"),
        ("Лутфан дигар ба ман паём нафиристед. Рақамамро нест кунед", "yes"),
        ("Мындан ары бул номерге жазбагыла, суранам", "yes"),
        (
            "Это сын Гульнары. Мама по-английски не читает, попросила передать чтобы ей больше ничего не присылали. "
            "Thank you",
            "yes",
        ),
        ("الله يحفظك لا عاد ترسل لي شي، ما ابغاش", "yes"),
        ("Please action the removal of this contact from your distribution list. Thx", "yes"),
        ("We're consolidating vendors and this channel is closed. Please update your records accordingly.", "yes"),
        ("not a fit, please deprioritize us permanently", "yes"),
        ("pls no", "yes"),
        ("no please", "yes"),
        ("no thanks", "no"),
        ("nah fam im good forever", "yes"),
        (
            "Per our compliance dept this number is to be suppressed from all marketing communications going forward.",
            "yes",
        ),
        ("Going to go ahead and ask that you sunset this thread and any future ones. Appreciate you", "yes"),
        ("Circling back to say please do not circle back 🙂", "yes"),
        ("Don't circle back until Q3, budget is frozen", "not yes"),
        ("Hi Sam, thanks but please make this my last text from USDataBiz 🙏", "yes"),
        ("Please escalate my removal request, this is the 2nd time I've asked", "yes"),
        ("Arrêtez-vous au garage lundi matin, on discute en personne", "no"),
        ("Arrêtez de m'envoyer des messages", "yes"),
        ("no more marketing spend this year, owner cut all of it. sorry man", "no"),
        ("no more marketing texts", "yes"),
        ("How do I stop the Facebook notifications on my business page? is that something y'all do", "no"),
        ("How do I unsubscribe from the Square marketing emails, is that you guys?", "no"),
        (
            "Our last agency got a cease and desist for using a competitor's photos. How do you handle images and "
            "copyright?",
            "no",
        ),
    ],
)
def test_the_hundred_and_forty_fourth_sixth_and_eighth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-forty-seventh (a plain week), hundred-and-fiftieth (regional and community Englishes) and
# hundred-and-fifty-first (declining against revoking) sets: "How about you never text me again", Gullah's "ent fuh
# text dis numbuh no mo", a Cajun "leave dis number alone", "reportin this as spam", "Ain't nobody gave y'all
# permission to text me", a dictated "please stopped texting me" and a receptionist's "not get any more marketing
# texts" revoke; hours asked about, a visit, a logo, a promise of our own and an offer's condition do not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("How about you never text me again", "yes"),
        ("how bout u quit textin me", "yes"),
        ("How about you don't call me before 9", "no"),
        ("how about you never call me after 6 lol", "no"),
        ("how about you stop by the shop tuesday", "no"),
        ("how about you text me the price", "no"),
        ("Ain't nobody gave y'all permission to text me. Don't do it again.", "yes"),
        ("no one gave you the ok to text this number", "yes"),
        ("nobody gave you permission to use our logo", "not yes"),
        ("Oona ent fuh text dis numbuh no mo. Dis me bidness phone, nuh fuh dat", "yes"),
        ("don't text me no mo", "yes"),
        ("we ain't gonna text you no more after today, promise", "no"),
        ("no mo money no mo problems lol what u selling", "no"),
        (
            "Me an da wife shrimp all week and come in tired tired. Last ting I need is dis phone buzzin wit sales. "
            "Y'all leave dis number alone, hear?",
            "yes",
        ),
        ("leave dat phone alone", "yes"),
        ("who dis", "no"),
        ("y'all keep hittin me up every week. reportin this as spam", "yes"),
        ("please stopped texting me", "yes"),
        ("I stopped texting him", "not yes"),
        (
            "Hi this is Tamara at the front desk for Dr. Patel. She asked that this number not get any more marketing "
            "texts.",
            "yes",
        ),
        ("She asked that this number not get any more calls before 9", "not yes"),
        ("whats the price? unless you can beat $200 a month don't bother", "no"),
        ("unless its free dont bother lol", "no"),
        ("unless you can beat $200 a month don't bother texting me", "yes"),
    ],
)
def test_the_hundred_and_forty_seventh_fiftieth_and_fifty_first_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-forty-ninth (a plain week), hundred-and-fifty-third (written to be hard, third take) and
# hundred-and-fifty-fourth (Latino and Brazilian owners) sets: requests without the usual words revoke ("the end of our
# texting relationship", "My phone is not a billboard", "just nix me", "consider any prior consent ... withdrawn"), as
# do Spanish "no quiero q me contacten x ningun medio", "elimine mi información", "sin mi consentimiento"; deliveries
# dropped off, another list's vendors, a phone line's hold, a pause with a return, a question about cancelling the
# service, someone else's "block you", urgent matters sent elsewhere, a driving notice and a language refused do not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        (
            "My husband handled all the marketing stuff for the shop and he'd want me to tell you this number isn't "
            "taking sales pitches anymore. Please make sure his info doesn't get used again.",
            "yes",
        ),
        ("this number isn't taking new patients right now", "no"),
        (
            "Kindly consider any prior consent to receive communications at this number withdrawn, effective "
            "immediately.",
            "yes",
        ),
        ("my consent is hereby revoked", "yes"),
        ("Our consent forms were withdrawn by the state last year, what do you offer for clinics?", "no"),
        (
            "how many times do i have to ask before this number disappears from whatever spreadsheet you bought it "
            "from",
            "yes",
        ),
        ("I think we've reached the end of our texting relationship Sam. It's not me, it's you 💔", "yes"),
        ("texting me at 6am on a sunday? classy. this is the end of the line for us", "yes"),
        (
            "my boss asked me to let you know she doesnt want these coming to her phone anymore. shes not gonna tell "
            "you herself so im telling you",
            "yes",
        ),
        ("Do you ever take the hint? Because this is me giving it. I'm done hearing from you.", "yes"),
        ("I'm done hearing from my old marketing guy, what do you charge?", "no"),
        ("Wow, a fourth text. Bold. Let's make it the last, yeah?", "yes"),
        ("Let's make it the last Friday of the month for the call", "no"),
        (
            "ok so what part of me ignoring the last 3 messages made you think i wanted a 4th?? leave my phone out of "
            "whatever this is",
            "yes",
        ),
        ("Not a fan of unsolicited texts. Not a fan of you continuing them either.", "yes"),
        ("My phone is not a billboard. Kindly let it rest.", "yes"),
        ("Thanks but I'm good on texts from you guys. Like forever good.", "yes"),
        ("Who sold you my number, and when are you going to throw it away?", "yes"),
        (
            "Our compliance department requires that all vendor solicitation to this line cease. Please update your "
            "records accordingly.",
            "yes",
        ),
        ("lol no. and also no to the next 5 texts you were planning. just nix me", "yes"),
        ("I'd appreciate not hearing from USDataBiz again. Have a good one.", "yes"),
        (
            "My father owned Reyes Tire for 30 years but he has dementia now and cant handle these messages. He gets "
            "confused and thinks he owes somebody money and calls me panicking. Whatever list he is on, he needs to "
            "not be on it. Please.",
            "yes",
        ),
        ("I'll pass on the chat, and on any future texts, and on any future anything. Thx", "yes"),
        ("no quiero q me contacten x ningun medio, ni text ni llamada ni email", "yes"),
        ("no quiero que me escriban en inglés, ¿tiene a alguien que hable español?", "no"),
        ("no quiero que me escriban en inglés ni en español, bórreme", "yes"),
        ("por favor elimine mi información de su base de datos", "yes"),
        ("Please remove mi number, I am the owner of taqueria and I dont want recibir more", "yes"),
        ("mi abogado va a saber de ustedes si siguen mandando textos sin mi consentimiento", "yes"),
        ("Did the pallets get dropped off yet? Driver said 3pm and its 4:15", "no"),
        ("did my number get dropped off your list yet?", "yes"),
        (
            "we got dropped off the list of approved vendors at the county so we need new customers bad. whats the "
            "price",
            "no",
        ),
        ("You can cross us off the list of businesses that need help lol we're slammed. Thanks though", "no"),
        ("Please take me off the list of numbers you text", "yes"),
        (
            "Take me off hold next time I call your office, I waited 20 mins yesterday. Anyway yes Thursday at 2 works",
            "no",
        ),
        (
            "Leave me alone for like 2 weeks, we're in the middle of inventory lol. Then hit me up, I do want to hear "
            "about it",
            "no",
        ),
        ("leave me alone forever", "yes"),
        ("Can I unsubscribe from the service if I don't like it? Like is there a contract or what", "no"),
        ("can I unsubscribe from your texts", "yes"),
        ("lol my brother would say block you but I'm curious. What's the catch?", "no"),
        ("Block you? Nah. I'm curious. Send me some examples of your work", "not yes"),
        ("block you? yes. done.", "yes"),
        (
            "I'm out on medical leave and won't be responding to texts until further notice. Please don't text this "
            "number with anything urgent, call the office at 303-555-0190.",
            "no",
        ),
        ("Do not text while driving. This message was sent automatically. I'll respond when I arrive.", "no"),
    ],
)
def test_the_hundred_and_forty_ninth_fifty_third_and_fifty_fourth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-fifty-second (a plain week), hundred-and-fifty-sixth (Asian-American owners) and
# hundred-and-fifty-seventh (later in a conversation) sets: "I'm revoking the ok I gave you guys to text me", "Block me
# on your end", "no need to keep texting me about it", "wish I never gave you this number. end it here please", Hinglish
# "Number delete karo", Chinese "垃圾短信，已举报" revoke; a permit's approval revoked, a calendar block, a courtesy "no
# need to text me back", a day's meeting ended, a charge taken off an invoice, marketing stopped last year and a
# question whether an ad was reported do not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("I'm revoking the ok I gave you guys to text me", "yes"),
        ("we're revoking the approval for the permit, can you help with signage instead?", "no"),
        ("Nope. Not now not ever. Block me on your end", "yes"),
        ("Can you block me on your calendar for Tuesday at 2?", "no"),
        ("took the call, wasn't a fit. no need to keep texting me about it", "yes"),
        ("no need to text me again", "yes"),
        ("no need to text me back, just call Thursday", "no"),
        ("wish I never gave you this number. end it here please", "yes"),
        ("let's end it here for today and pick up Monday", "no"),
        (
            "customer wants to return the blue recliner, can we take it off the invoice and do store credit instead?",
            "no",
        ),
        ("take it off my tab", "no"),
        ("take it off your list", "yes"),
        ("We stop all the marketing last year, business ok with regular customer. Thanks anyway", "no"),
        ("stop all the marketing texts", "yes"),
        ("Bas karo yaar roz roz message. Number delete karo warna complaint karunga", "yes"),
        ("bas karo bhai, kitna message bhejoge", "yes"),
        ("bas karo yaar, price batao", "not yes"),
        ("垃圾短信，已举报", "yes"),
        ("你们的广告已经举报了吗？", "not yes"),
        ("I told your idiot colleague no already. learn to take a hint", "yes"),
    ],
)
def test_the_hundred_and_fifty_second_sixth_and_seventh_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-fifty-fifth (a plain week), hundred-and-fifty-ninth (young owners' slang) and hundred-and-sixtieth
# (a learner's English mixed with other languages) sets: "Consider consent revoked" beside "Is this even legal?",
# "blocking + reporting", a learner's "please no send me more message" and "unsub from the newsletter and the texts"
# revoke; a "stop 😭" of delight is held, "stop i'm blushing", another service left for ours and "no, send me more
# info" are no request
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        (
            "Is this even legal? I never gave consent. Consider consent revoked for any and all messages to this "
            "number.",
            "yes",
        ),
        ("Is this even legal? genuinely asking", "not yes"),
        ("ok this is giving spam. blocking + reporting", "yes"),
        ("please no send me more message, I am not want this. merci", "yes"),
        ("not text me again please", "yes"),
        ("no, send me more info", "no"),
        ("no text me the price first", "no"),
        ("stop 😭 this is actually so timely we were just talking abt needing more customers", "uncertain"),
        ("stop texting me 😭", "yes"),
        ("please stop 😭😭 i'm begging", "yes"),
        ("stop i'm blushing 🙈 ok but what is this exactly", "no"),
        ("stop i'm done with these texts", "yes"),
        ("unsub from the gym and sub to this?? lol ok tell me more", "no"),
        ("unsub from the newsletter and the texts", "yes"),
        ("How do I unsubscribe from the Square marketing emails, is that you guys?", "no"),
    ],
)
def test_the_hundred_and_fifty_fifth_ninth_and_sixtieth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-fifty-eighth (a plain week), hundred-and-sixty-second (regulated offices) and hundred-and-sixty-third
# (anger) sets: "Take us both off please", offices' "not to be used for solicitation", "We do not accept vendor texts on
# this line", "this number may not receive marketing messages", "scrub all our numbers from your lists", "don't ever
# contact my business again" and "Go away ... Never come back." revoke; an appointment slot, a portal's e-mails, a tax
# office's "do not text SSNs", a lunch, a form, a report scrubbed and vendor checks do not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        (
            "I'm 74 and retired from the shop 3 years ago, my son runs it now and he doesn't want these either. Take "
            "us both off please",
            "yes",
        ),
        ("Can you take us both out to lunch?", "no"),
        (
            "This is the office manager for Dr. Patel. This line is reserved for patient communication and is not to "
            "be used for solicitation. Please update your records accordingly.",
            "yes",
        ),
        ("this form is not to be used for sales tax, right?", "no"),
        ("We do not accept vendor texts on this line.", "yes"),
        ("We don't accept vendor checks, only ACH. What's your payment process?", "no"),
        (
            "Per our compliance policy this number may not receive marketing messages. Please update your records. "
            "--Compliance Dept, Pinecrest Home Health Services",
            "yes",
        ),
        (
            "Mortgage office. We're NMLS regulated and cant have third parties cold texting our LOs. Please scrub all "
            "our numbers from your lists.",
            "yes",
        ),
        ("scrub the numbers from the report before you send it", "not yes"),
        ("Eat sh*t and don't ever contact my business again", "yes"),
        ("Go away USDataBiz. Go far away. Never come back.", "yes"),
        ("Go away for the weekend and never come back rested lol", "not yes"),
        ("Please remove me from the 3pm slot tomorrow, I'll call to reschedule next week", "no"),
        ("please remove me from your list and the 3pm slot", "yes"),
        ("How do I unsubscribe from the patient portal emails?? Im getting like 5 a day about my lab results", "no"),
        ("unsubscribe me from your marketing emails", "yes"),
        (
            "AUTO-REPLY: Tax season hours are in effect. Responses may take 3-5 business days. Please upload all "
            "documents through our secure client portal and do not text SSNs.",
            "no",
        ),
        ("do not text me", "yes"),
    ],
)
def test_the_hundred_and_fifty_eighth_sixty_second_and_sixty_third_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-sixty-first (a plain week), hundred-and-sixty-fifth (the Southwest and Mountain West) and
# hundred-and-sixty-sixth (other systems' words) sets: "please leave me off future texts", "I'd be grateful if you
# didn't message me going forward", "could you maybe not send any more of these?", "I'd prefer not to receive
# solicitations by text" and a STOP sent, confirmed and ignored revoke; hours, more info, a schedule, a bank's alerts
# kept and another company's past do not; a business's own confirmation is still held
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        (
            "Hi Sam. I appreciate the hustle, I really do, I was in sales 20 yrs. But I'm retiring in June and selling "
            "the practice, so please leave me off future texts. Good luck out there.",
            "yes",
        ),
        ("leave me off the schedule this week, I'm out", "no"),
        ("I appreciate you reaching out but I'd be grateful if you didn't message me going forward. God bless.", "yes"),
        ("I'd be grateful if you didn't message me before 9, otherwise send the details", "no"),
        (
            "hey so this is really nice of you but i don't think we need help finding customers, we're a tiny shop in "
            "Tuba City. could you maybe not send any more of these? thx",
            "yes",
        ),
        ("could you not send more info? just call", "no"),
        ("I'd prefer not to receive solicitations by text. Please update your records accordingly.", "yes"),
        (
            'Replied STOP on the 3rd, got the "You have been unsubscribed" confirmation, and here you are again on the '
            "10th. Take me off or I'm filing an FCC complaint.",
            "yes",
        ),
        ("We have received your request to unsubscribe. You will no longer receive messages.", "uncertain"),
        (
            "what does HELP do? I don't want to accidentally unsubscribe from my Chase alerts, they come in on this "
            "same phone",
            "no",
        ),
        (
            "Does the STOP thing actually work? asking before I send it bc last company I told STOP just kept going",
            "not yes",
        ),
    ],
)
def test_the_hundred_and_sixty_first_fifth_and_sixth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-sixty-fourth (a plain week), hundred-and-sixty-eighth (polite, indirect and hedged writers) and
# hundred-and-sixty-ninth (Caribbean and Pacific communities) sets: soft requests ("Would you mind not texting this
# number anymore?", "it might be best if you didn't contact us going forward", "we'll pass, and no need to follow up")
# and Samoan, Ilocano, Cebuano, Chamorro, Patois, Haitian Creole, Hawaiian Pidgin and French ones revoke; hours, a call
# promised, an invoice, a name for the offer ("stop calling it a 'quick chat'") do not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("Can you stop calling it a 'quick chat' and just tell me the price?", "no"),
        ("stop calling this number", "yes"),
        ("stop calling this shop", "yes"),
        ("Well bless your heart for reaching out, but we'll pass, and no need to follow up. Take care now.", "yes"),
        ("No need to follow up, I'll call you Thursday", "no"),
        (
            "Good morning Sam. Would you mind not texting this number anymore? It's my personal cell and I try to keep "
            "business off of it. Thanks so much and God bless",
            "yes",
        ),
        ("Would you mind not texting before 9?", "no"),
        ("would you mind sending the price?", "no"),
        (
            "Hi there, it might be best if you didn't contact us going forward. We've got everything we need. "
            "Appreciate you though!",
            "yes",
        ),
        (
            "We appreciate the offer but we'd kindly ask not to be contacted again. Our church bulletin keeps us "
            "plenty busy lol. God bless",
            "yes",
        ),
        (
            "Ok I've gotten about 4 of these now. I'm sure you're just doing your job sweetie but I would appreciate "
            "it if they'd quit coming. Thanks",
            "yes",
        ),
        ("Merci beaucoup, mais j'aimerais mieux ne plus recevoir ces messages. Bonne journée", "yes"),
        (
            "Sam, I'm sorry, I just don't care for these unsolicited messages. I'd appreciate being left off of "
            "them. Thanks",
            "yes",
        ),
        (
            "Well I appreciate the thought but I'm going to ask you to please not send me anything else. Have a "
            "blessed weekend.",
            "yes",
        ),
        (
            "Good evening Sam. I appreciate the offer truly, but my husband passed in January and the restaurant is "
            "closed. I'm just handling the paperwork now. Please don't send any more of these, it's hard seeing his "
            "name come up. God bless",
            "yes",
        ),
        ("don't send me another invoice til the first one's fixed", "no"),
        ("Fa'amolemole aua ne'i toe fa'afeso'ota'i mai i lenei numera. Fa'afetai", "yes"),
        ("O le telefoni lea a lo'u tama. E le mana'o o ia i nei mea. pls no more", "yes"),
        ("Saanmo koman nga i-text manen daytoy a numero. Diak kayat", "yes"),
        ("Ayaw na ko i-text palihug, wala ko interesado ana", "yes"),
        ("Ayaw na mo pag message diri, dili ni business number, personal ni nako", "yes"),
        ("Put fabot cha'-mu ma text yu' ta'lo. Si Yu'os ma'åse'", "yes"),
        ("Wah mek unu keep a text mi?? Mi seh STOP from last week. Reporting unu as spam now", "yes"),
        ("Mi too busy fi dis foolishness. Nuh bodda text mi again", "yes"),
        ("Sa se yon nimewo pèsonèl. Retire l nan lis nou an silvouplè", "yes"),
        ("Aunty said pau already wit dis kine texts. No send her no moa ok", "yes"),
    ],
)
def test_the_hundred_and_sixty_fourth_eighth_and_ninth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-sixty-seventh (a plain week) and hundred-and-seventy-first (tradespeople on the go) sets: "don't use
# this phone again" revokes; a spouse's advice to unsubscribe from things, reported beside wanting the offer, does not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("I don't do texts. Want to sell me something email dlawnpros@gmail.com and don't use this phone again", "yes"),
        ("don't use this phone again", "yes"),
        ("Don't use this number for the invoice, use the office one", "not yes"),
        (
            "lol my wife keeps telling me to unsubscribe from stuff but this actually sounds useful, what's the cost "
            "for a tire shop",
            "no",
        ),
        ("my wife keeps telling me to unsubscribe from stuff and she's right, take me off", "yes"),
    ],
)
def test_the_hundred_and_sixty_seventh_and_seventy_first_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-seventieth set (a plain week, then the test part): a receptionist relays the doctor's request for the
# line she answers; a time named, or someone else's people, is no request about the writer's line
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        (
            "This is Linda at the front desk. Dr. Patel asked that you not contact this number anymore. It's the "
            "after hours line for patients.",
            "yes",
        ),
        ("The doctor requests that you no longer text the after hours line", "yes"),
        ("Mr. Lee has asked that your company not contact this office", "yes"),
        ("She asked that you not contact the shop line before noon, she opens at 12", "not yes"),
        ("we asked that you not contact our customers directly", "no"),
    ],
)
def test_the_hundred_and_seventieth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-seventy-sixth (older owners not at ease with texting) and hundred-and-seventy-seventh (the rural
# Midwest) sets: "discontinue contacting me" (in a letter's long reply too, "by this or any other means"), "stop writing
# me", a grandparent asking a grandchild to make the texts stop, "mark me down as a no-contact", "lose it" said of the
# number, and the keyword sent as told at the end revoke; a time, "stop by", an errand or a maybe do not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("please discontinue contacting me", "yes"),
        (
            "Dear USDataBiz, I received your message of Tuesday last. I am not in a position to take on any new "
            "services at my age and would ask that you discontinue contacting me by this or any other means. Yours "
            "truly, Cornelius T. Abernathy, Abernathy & Sons Funeral Home",
            "yes",
        ),
        (
            "Is this Sam from the bank? If not please stop writing me I only do business with people I know. Lorraine",
            "yes",
        ),
        ("don't stop writing me, love the tips", "no"),
        ("stop writing me at work, text after 6", "not yes"),
        ("Kayla honey how do I make these people stop sending me things on the phone. Grandpa", "yes"),
        ("Honey can you tell them to stop I dont know how to block. Love Mamaw", "yes"),
        ("tell them to stop by the shop at 5", "no"),
        ("tell them to stop parking out front", "no"),
        (
            "Hi Sam, I appreciate it but I'm gonna pass and I'd rather not get follow ups either, so if you could just "
            "mark me down as a no-contact that would be great. Thanks!",
            "yes",
        ),
        ("mark me down as a maybe", "no"),
        ("I don't know how you got this number but I'd appreciate it if you'd lose it", "yes"),
        ("new number, you can delete it after the job", "no"),
        ("i dont know who you are but my wife says i should write STOP so here it is STOP", "yes"),
    ],
)
def test_the_hundred_and_seventy_sixth_and_seventh_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-seventy-ninth set (how owners write: Deaf owners' ASL-gloss, dictation, dyslexic spellings):
# "pleaze no mor mesages ... tak me of" revokes; "old members we never reach out to" is the writer's own habit, not a
# request
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("pleaze no mor mesages. i hav dislexia and its hard to reed al these. tak me of", "yes"),
        ("no mor texs plz", "yes"),
        ("tak me of ur list", "yes"),
        ("no more massage appointments this week, book me for june", "no"),
        ("can you take me of the schedule for friday", "no"),
        ("This might be good for us, our church has a long list of old members we never reach out to", "no"),
        ("we never reach out to vendors by text, it's all email", "no"),
        ("never reach out to me again", "yes"),
        ("I said don't reach out again", "yes"),
    ],
)
def test_the_hundred_and_seventy_ninth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-eighty-second set (written to be hard, a fourth take): "let this be the end of it", "Don't write
# back", "never signed up for anything" with its subject left out and "go on never hearing from you" revoke; calls
# asked for instead, a meeting set, another sender's e-mails and a phone number or an extension ending in 7726 (the
# carriers' spam-report short code) do not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        (
            "Sam, buddy, I've got a whole drawer full of business cards from guys like you. I'm begging you let this "
            "be the end of it",
            "yes",
        ),
        (
            "Whoever sold you my number owes me an apology and you owe me some peace and quiet. Don't write back",
            "yes",
        ),
        ("I don't know you, never signed up for anything, and I'd like to go on never hearing from you", "yes"),
        ("Tmrw works, 2ish? shaky hands so call dont text back", "no"),
        ("thanks! don't text back, see you tuesday", "not yes"),
        ("Random but do you know how to unsubscribe from those Yelp ad emails? Been trying for weeks", "no"),
        ("unsubscribe me from those texts", "yes"),
        ("This is my personal cell. Marketing is Kevin, his number is (555) 014-7726", "not yes"),
        ("my ext is 7726", "not yes"),
        ("forwarded this to 7726", "yes"),
    ],
)
def test_the_hundred_and_eighty_second_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-eighty-fifth (staff answering a business line) and hundred-and-eighty-sixth (mixed intents) sets: the
# keyword sent for the one who asked, "wants these messages to end", "Please confirm removal" and "Spam from a company
# called ..." revoke; a STOP taken back ("actually nvm, fat fingered", "jk lol") is held for a person, and more texts
# wanted, another removal confirmed or the keyword asked about for someone are not read as revoking
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("Dr. Patel asked me to reply STOP for her. thanks", "yes"),
        ("if I reply STOP for her will it stop all the texts?", "not yes"),
        (
            "This is Anna, office manager. Mr. Delgado never signed up for anything with your company and wants these "
            "messages to end. Please confirm removal.",
            "yes",
        ),
        ("Please confirm removal of my number.", "yes"),
        ("can you confirm removal of the old sign before the inspection", "no"),
        ("we don't want the texts to end, keep them coming", "not yes"),
        (
            "Nice. Spam from a company called 'USDataBiz'. Couldn't sound more like a scam if you tried. What's next, "
            "a Nigerian prince?",
            "yes",
        ),
        ("stop... actually nvm, sorry, fat fingered. wednesday afternoon is ok for a call", "uncertain"),
        ("STOP. jk lol. what do you guys actually do", "uncertain"),
    ],
)
def test_the_hundred_and_eighty_fifth_and_sixth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-eighty-fourth (a plain week), hundred-and-eighty-eighth (Spanish-speaking owners) and
# hundred-and-eighty-ninth (nonprofits and churches) sets: "Dont text here", a name with its abbreviation's dot removed
# from the contacts, "you people will spam anybody", and Spanish threats, refusals and "retirar mi numero" revoke; a
# time, the writer's habit and a condition ending in a price do not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        (
            "This is my personal phone not the shop. Dont text here, email office@bakerstirepro.com if you need "
            "something",
            "yes",
        ),
        ("don't text here before 9, the shop opens at 9", "no"),
        ("I don't text here much, call me", "no"),
        (
            "Hi Sam, I'm sure you mean well but our board has a policy against vendor solicitation. Kindly remove St. "
            "Brigid's Parish from your contacts.",
            "yes",
        ),
        ("lol you people will spam anybody. a youth baseball league. get a real job", "yes"),
        ("Si me vuelven a texear llamo a la policia.", "yes"),
        ("si me vuelves a escribir el lunes te paso el precio", "not yes"),
        ("no quiero saber nada de ustedes", "yes"),
        ("Buenos dias. No autorizo que me envien mensajes de texto. Favor de retirar mi numero.", "yes"),
        ("Favor de retirar mi numero", "yes"),
    ],
)
def test_the_hundred_and_eighty_fourth_eighth_and_ninth_families_and_guards(text, decision):
    assert_decision(text, decision)


# Look-alikes noticed while learning the hundred-and-eighty-ninth round (no corpus reply has them): a price or a list of
# things taken off, and someone's people not to be contacted, are not decided yes; the requests beside them still are
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("remove the delivery fee from your list price", "not yes"),
        ("remove the old banner from your list of sponsors", "not yes"),
        ("She asked that you not contact her tenants", "not yes"),
        ("She asked that you not contact her", "yes"),
        ("remove me from your list of contacts", "yes"),
        ("please remove Coastal Roofing from your list", "yes"),
    ],
)
def test_lists_of_things_and_someones_people_are_not_revocations(text, decision):
    assert_decision(text, decision)


# The hundred-and-eighty-seventh (a plain week) and hundred-and-ninety-second (owners for whom English is a second
# language): our texts called spam, and texts refused on this phone with a number given for calls
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ('"existing contacts" lmao so you want me to spam my own customers like you\'re spamming me? clowns', "yes"),
        ("you're spamming me", "yes"),
        ("why are you spamming me", "yes"),
        ("i think ur spamming me lol", "yes"),
        ("are you spamming me?", "not yes"),
        ("you're not spamming me, relax", "not yes"),
        ("so you want me to spam my own customers", "not yes"),
        ("no text on cell pls. if need, call store 713-555-0148 after 3pm", "yes"),
        ("no text on this cell", "yes"),
        ("no text on weekends pls", "not yes"),
        ("no texts to this number after 9pm please", "not yes"),
        ("I got no text on my phone yet", "not yes"),
        ("there's no text on my phone, resend?", "not yes"),
    ],
)
def test_the_hundred_and_eighty_seventh_and_ninety_second_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-ninety-fourth (replies to a second or third follow-up): a number named, then "mine" to delete
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        (
            "Wow a third follow up. Amazing persistence. Now go be persistent with someone else's phone and "
            "delete mine",
            "yes",
        ),
        ("go text someone else's phone, I want you to delete mine", "yes"),
        ("your photo looks like mine, delete mine", "not yes"),
        ("I saved your number, don't delete mine", "not yes"),
        ("I saved your number, please don't ever delete mine", "not yes"),
        ("I got your number, no need to delete mine", "not yes"),
    ],
)
def test_the_hundred_and_ninety_fourth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-ninety-seventh (professional offices): formal requests to be excluded or removed, and the law asked
# about rather than invoked
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("I would appreciate it if our firm could be excluded from any future outreach.", "yes"),
        ("please exclude us from future outreach", "yes"),
        ("please don't exclude us from future outreach", "not yes"),
        ("we were excluded from the outreach grant, any advice?", "not yes"),
        (
            "Our compliance officer has asked that we request removal from all USDataBiz marketing lists. Please "
            "confirm in writing once completed.",
            "yes",
        ),
        ("we request removal from your list", "yes"),
        ("we request removal of the old sign", "not yes"),
        (
            "Quick q, how do you handle TCPA consent for cold texts like this? We're thinking of texting our own "
            "clients and I'm curious how it works.",
            "not yes",
        ),
        ("you're violating the TCPA", "yes"),
        ("I'll report you to the FTC", "yes"),
    ],
)
def test_the_hundred_and_ninety_seventh_families_and_guards(text, decision):
    assert_decision(text, decision)


# The two-hundredth (written to be hard): opt-outs without the usual words, and look-alikes asking about other lists
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("Not a good time, and there isn't going to be a good time. Lose my contact info", "yes"),
        ("did you lose my contact info?", "not yes"),
        (
            "Hi, this is the office manager. Dr. Patel has asked that vendors not contact her personal cell, so please "
            "respect that going forward.",
            "yes",
        ),
        ("She asked that you not contact her tenants", "not yes"),
        ("Texting me at 7am on a Sunday is a bold strategy. Don't ever do it again.", "yes"),
        ("texting me the invoice twice, don't do that again", "not yes"),
        ("Is there some way to make these texts go away permanently or do I have to change my number?", "yes"),
        ("make these texts go out on Tuesday", "not yes"),
        (
            'Oh great, another "quick 10 minute call". You know what would really help my business? Not getting these '
            "anymore.",
            "yes",
        ),
        ("not getting these? check your spam folder", "not yes"),
        ("If anything call the shop at 614-555-0192. This cell isn't for business texts so don't use it", "yes"),
        ("this cell isn't for business, call the shop", "not yes"),
        ("Does your service also get my number off those data broker sites? I'd pay for that honestly", "not yes"),
        (
            "Do you know how I unsubscribe from those Yellow Pages listings? They still have my old number. Is that "
            "something your company handles?",
            "not yes",
        ),
        ("take my number off your list", "yes"),
    ],
)
def test_the_two_hundredth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The hundred-and-ninety-ninth (a plain week), two-hundred-and-third (the Gulf Coast) and two-hundred-and-fourth
# (shared and passed-on phones): requests made for a phone that is someone else's, and the look-alikes beside them
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("we're closed sundays and honestly I'd rather you didnt message my personal cell anymore, thanks", "yes"),
        ("i would rather you didnt contact me again", "yes"),
        ("Arrête-toi d'm'envoyer des textes, cher. Mo pas intéressé pantoute.", "yes"),
        ("arrêtez-vous au garage lundi", "not yes"),
        ("Sam. Buddy. This is the 4th one. Whatever algorithm put me on there, take me back out of it.", "yes"),
        (
            "Oh how wonderful, another text from Sam!! My day is complete. Could we maybe just... not do this anymore? "
            "Ever?",
            "yes",
        ),
        (
            "My son is the one who owned the food truck. He's deployed overseas and I'm keeping his phone on for him. "
            "Please don't send anything to it, not now not ever lol",
            "yes",
        ),
        ("don't send anything to it yet, I'll text the address", "not yes"),
        ("new phone who dis. jk but seriously im not whoever youre looking for and id like these to end please", "yes"),
        (
            "We sold the farm and the number went with it when they ported the house line. The new folks asked me to "
            "tell you they don't want these either. Take it off.",
            "yes",
        ),
        ("we don't want these flyers either", "not yes"),
        ("How would I opt out later if I don't want these anymore?", "not yes"),
        (
            "I pay for this phone for my elderly father and every one of these junk texts costs him a nights sleep. "
            "Whatever this is hes out. Take him out.",
            "yes",
        ),
        ("take him out to dinner", "not yes"),
    ],
)
def test_the_hundred_and_ninety_ninth_two_hundred_and_third_and_fourth_families_and_guards(text, decision):
    assert_decision(text, decision)


# Replies typed without their apostrophes: each phrase is written once, in its apostrophe form, and the reply is read
# with them restored; the words that are also other words only where what follows says which
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("Yall can stop now, Im not interested in none of this", "yes"),
        ("I never gave yall permission to text me", "yes"),
        ("Id appreciate it if I didnt get any more of these.", "yes"),
        ("I appreciate you reaching out but Id just as soon not get these texts anymore if thats alright", "yes"),
        ("Oh for cute, thats real nice of ya, but wed just as soon not get these texts anymore, ya know?", "yes"),
        ("Well bless your heart for reaching out, but well pass, and no need to follow up. Take care now.", "yes"),
        ("Ok Ive gotten about 4 of these now. I would appreciate it if theyd quit contacting me", "yes"),
        ("take me of youre list", "yes"),
        ("Ne menvoyez plus de messages svp", "yes"),
        ("Merci de ne plus mécrire sur ce numéro.", "yes"),
        ("Arrête-toi dmenvoyer des textes, cher.", "yes"),
        # the words that are also other words, read as written
        ("whats your id? I'd like to check who this is", "not yes"),
        ("im ill today, text me tomorrow about the loan", "not yes"),
        ("Well, pass me the rates and I'll look", "not yes"),
        # and a thing of the writer's to stop, which "y'all can stop" read as the texts before
        ("if yall can stop the leak in my cash flow im all ears lol", "not yes"),
        ("if you can stop the bleeding on my merchant fees I'm interested", "not yes"),
        ("y'all can stop the texts now", "yes"),
    ],
)
def test_replies_typed_without_apostrophes(text, decision):
    assert_decision(text, decision)


def test_every_corpus_opt_out_typed_without_apostrophes_is_never_read_as_no():
    """On every development reply that has an apostrophe: an opt-out the detector decides yes is, with its
    apostrophes left out, still decided yes or held for a person, never read as no; and a reply that is not an opt-out
    is not made one by leaving them out."""
    from pathlib import Path

    from usdatabiz.core.textmodel import labelled_rows

    corpus = Path(__file__).resolve().parents[2] / "inbox" / "corpus" / "dev.csv"
    read_as_no, made_opt_out = [], []
    for text, label in labelled_rows(corpus):
        typed = text.replace("'", "").replace("\u2019", "")
        if typed == text:
            continue
        if label == "opt_out" and opt_out_decide(text) == "yes" and opt_out_decide(typed) == "no":
            read_as_no.append(typed)
        if label != "opt_out" and opt_out_decide(text) != "yes" and opt_out_decide(typed) == "yes":
            made_opt_out.append(typed)
    assert read_as_no == []
    assert made_opt_out == []


# Replies typed without their sentence marks: a request word with a capital, after a word in small letters, opens a
# sentence; the look-alikes (a name, our keyword named, a word that goes on into it, a negation) do not
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("Not now not in January not ever Stop messaging me", "yes"),
        ("Ya les dije que no Dejen de escribirme o los reporto", "yes"),
        ("Bless your heart but were a little country church with 40 members Please remove us from your list", "yes"),
        ("I blocked the last number you texted from and now youre using this one Stop it", "yes"),
        ("how did you get my number Unsubscribe", "yes"),
        ("please dont Stop sending me deals lol", "not yes"),
        ("Dont Stop Texting Me Lol", "not yes"),
        ("This is Stop & Shine Car Wash on Alameda yes we'd be interested", "not yes"),
        ("he moved to Stop 11 Rd and got a new number", "not yes"),
        ("Wait what does Stop do will I still get my reminders", "not yes"),
        ("My buddy said to just reply STOP to you guys before I do whats the rate", "not yes"),
    ],
)
def test_replies_typed_without_sentence_marks(text, decision):
    assert_decision(text, decision)


@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("No more Were a non-profit we have zero budget and Ive asked before", "yes"),
        ("wrong number Remove it", "yes"),
        # "I'm" is capitalised wherever it stands: the threat stays one sentence
        ("Another text and I'm calling my lawyer", "yes"),
        ("Thanks for reaching out We are all set for now", "not yes"),
        # a stop word answered "nah" without its question mark is held, a laugh or a "no" beside it is not an answer
        ("Unsubscribe Nah lol Tell me what you got for a salon", "uncertain"),
        ("Stop nah Im not gonna tell you to stop Im gonna let you keep wasting your time", "uncertain"),
        ("stop lol", "yes"),
        ("Stop no", "yes"),
    ],
)
def test_a_sentence_opened_by_a_capital_without_a_mark(text, decision):
    assert_decision(text, decision)


# The two-hundred-and-sixth (typed fast, without marks) and two-hundred-and-seventh (busy owners, autocorrect)
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("dont stop sending the specials is what i tell my regular vendors but u arent one so yeah stop", "yes"),
        ("so stop by tomorrow and we can talk", "not yes"),
        ("we just lost a big client so stop by sometime", "not yes"),
        ("Remove from lost please", "yes"),
        ("take me off ur lust thx", "yes"),
        ("we keep it by the door, remove from lost and found", "not yes"),
        ("whoever put this # on a list pls delete it", "yes"),
        ("put this number on a list of vendors for me", "not yes"),
        ("enough already w these msgs", "yes"),
        ("enough already with the rain", "not yes"),
        ("Please take my nu,ber off", "yes"),
        ("re,ove me from ur list", "yes"),
    ],
)
def test_the_two_hundred_and_sixth_and_seventh_families_and_guards(text, decision):
    assert_decision(text, decision)


# The two-hundred-and-ninth (someone else holds the phone) and two-hundred-and-tenth (near misses, requests written
# sideways); and the look-alikes that ask for nothing (another vendor told to stop, a fee opted out of, spam calls to
# stop, the writer's habit of unsubscribing)
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("Patwon an mande pou nou retire nimewo sa a nan lis nou.", "yes"),
        ("Pa ekri ankò souple", "yes"),
        ("I'm good, forever", "yes"),
        ("nope. make this the last text", "yes"),
        ("make this the last one for today, I have to run", "not yes"),
        ("I'd appreciate if this was the last message I get from you", "yes"),
        ("I'd appreciate if this was the last message before the meeting", "not yes"),
        ("please respect my no", "yes"),
        ("please respect our no-smoking policy when you visit", "not yes"),
        ("I'll report the next one.", "yes"),
        ("I'll report the next one to my manager when it comes in", "not yes"),
        ("cross me off whatever list this is", "yes"),
        ("cross us off your mailing list", "yes"),
        ("cross me off for Thursday, I can't make it", "not yes"),
        ("wow a fourth text from you guys, can't wait for the fifth", "yes"),
        ("I unsubscribed from your emails last month and now you're texting?? same answer here", "yes"),
        ("I unsubscribed from your emails cuz my inbox is a disaster but text is fine. send details", "not yes"),
        ("My attorney handles unsolicited texts. Send another and you'll hear from her.", "yes"),
        ("Send another and you'll hear from my lawyer", "yes"),
        ("send another sample and you'll hear from me by Friday", "not yes"),
        ("Fifth time replying STOP. Does it actually do anything", "yes"),
        ("I told the last guy to stop sending cold leads. If yours are actually warm, I'm in", "not yes"),
        ("Do you do anything to stop spam calls on our business line? asking seriously", "not yes"),
        ("Is there a way to opt out of the monthly fee and just pay per lead?", "not yes"),
        ("send it to me. I unsubscribe from a lot of stuff so put USDataBiz in the subject", "not yes"),
        # the look-alikes set aside, the rest of the reply is still read
        ("I told the last guy to stop too. Stop texting me", "yes"),
        ("Is there a way to opt out of the monthly fee? Never mind, remove me from your list", "yes"),
    ],
)
def test_the_two_hundred_and_ninth_and_tenth_families_and_guards(text, decision):
    assert_decision(text, decision)


@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("I hope this is the last time I have to pay this fee", "no"),
        ("let this be the last one you need to sign", "no"),
        ("make this the last one please", "yes"),
        ("I told the last guy to stop texting me. Same goes for you", "yes"),
    ],
)
def test_the_two_hundred_and_tenth_families_read_no_further_than_they_say(text, decision):
    assert_decision(text, decision)


# The two-hundred-and-twelfth (thumbs on a cracked screen): "dnt" before what it refuses, "4" for "for" after signing
# up, a number sign closing the reply (trimmed with the end marks); not the marketers' "mark me dnt" (still a request),
# "I'll just delete this", "room #4", nor another's people ("we asked that you not contact our customers")
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("dnt contct me again", "yes"),
        ("dnt txt me", "yes"),
        ("mark me as dnt in your crm", "yes"),
        ("never signed up 4 this stop", "yes"),
        ("i never signed up 4 any of this, end it", "yes"),
        ("no txts pls delete my #", "yes"),
        ("pls take my # off ur list", "yes"),
        ("Wrong number, I'll just delete this", "not yes"),
        ("we moved to room #4, delete the old address", "not yes"),
        ("I signed up 4 the webinar, when is it?", "not yes"),
        ("drop my # off at the front desk?", "no"),
        ("we asked that you not contact our clients directly, talk to me", "no"),
    ],
)
def test_the_two_hundred_and_twelfth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The two-hundred-and-fifteenth (Spanish-speaking owners) and two-hundred-and-sixteenth (the third follow-up): Spanish
# texting's "please" beside a stop word, an attorney promised if another text comes; not the attorney in touch about
# something else, nor who answers the phone ("so you stop getting the front desk")
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("alto ya xfa", "yes"),
        ("baja porfis", "yes"),
        ("el precio es muy alto ya xfa mandame otra oferta", "not yes"),
        ("You've texted me 4 times now. My attorney will be in touch if there's a 5th.", "yes"),
        ("my lawyer will be in touch if I get another one", "yes"),
        ("my attorney will be in touch about the contract, send the terms", "not yes"),
        ("Here's my direct line so you stop getting the front desk: 555-550-2298", "no"),
        ("so you stop getting the voicemail, call my cell after 5", "no"),
    ],
)
def test_the_two_hundred_and_fifteenth_and_sixteenth_families_and_guards(text, decision):
    assert_decision(text, decision)


@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("I don't text here much, call me", "no"),
        ("i dont check texts on this phone often, email me instead", "no"),
        ("I don't text here much, so stop texting me", "yes"),
    ],
)
def test_the_writers_texting_habit_is_decided_by_the_rules(text, decision):
    # the reply model is not asked (it read the first as a possible revocation once the corpus grew)
    assert_decision(text, decision)


# The two-hundred-and-eighteenth (polite, indirect and formal): wishes, policies and requests that the texts end, in
# a letter's words; not the same words about a promotion, changes to a document or patients' texts
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        (
            "I don't care for these text messages and would appreciate it if they did not continue. Thank you kindly.",
            "yes",
        ),
        ("We ask that no further marketing messages be sent here. Thank you for your understanding.", "yes"),
        ("As this is a church line, we ask that it not be used for commercial messages.", "yes"),
        ("Please direct any future correspondence to our mailing address rather than this phone.", "yes"),
        ("Our office policy: we do not accept texts from vendors.", "yes"),
        ("would appreciate it if they did not continue the old promo, can you send the new one?", "not yes"),
        ("we ask that no further changes be sent after Friday, the contract is final", "not yes"),
        ("we do not accept texts from patients after 5, please call the office", "not yes"),
    ],
)
def test_the_two_hundred_and_eighteenth_families_and_guards(text, decision):
    assert_decision(text, decision)


# The two-hundred-and-nineteenth (said without saying it, written to be hard): idioms, sarcasm and curt one-liners
# that end the texts; not the same idioms about a deal, a work day or a product
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("Consider this door closed. Permanently.", "yes"),
        ("we're done here, pal", "yes"),
        ("we're done here for today, see you Monday at 9", "not yes"),
        ("This is where you and I part ways. Don't come back.", "yes"),
        ("Bless your heart, but this is the last one of these I ever want to see", "yes"),
        ("the last one I want to see is the blue model, send pics", "not yes"),
        ("Do you people ever take a hint? This is the hint. Last message.", "yes"),
        ("I never gave you this number so lets go ahead and un-give it", "yes"),
        ("Hard pass, and while you're at it pass on messaging me again too", "yes"),
        ("this number is closed for business as far as you people are concerned", "yes"),
        ("This is the last text you'll be sending me", "yes"),
        ("I want you gone from my phone", "yes"),
        ("Ni me busquen más, este número ya no es para ustedes", "yes"),
        ("I'm going to need this to be the last message I ever see from USDataBiz", "yes"),
        ("Go find another number to pester", "yes"),
        ("goodbye to these texts for good", "yes"),
        ("86 this number from your list", "yes"),
        ("we 86 the special at 9pm, come before that", "not yes"),
        ("10-4, over and out. Don't come knockin on this line again", "yes"),
    ],
)
def test_the_two_hundred_and_nineteenth_families_and_guards(text, decision):
    assert_decision(text, decision)
