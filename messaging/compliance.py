"""US SMS send-time compliance: quiet hours, opt-out keywords and the carrier-required replies.

Pure functions over their arguments: no models, and settings are never read here; callers pass
the window, the state overrides and the brand.

Quiet hours
    47 CFR 64.1200(c)(1) forbids telephone solicitation before 8 am or after 9 pm at the called
    party's location. ``quiet_hours_check`` applies ``[start_hour, end_hour)`` in the recipient's
    local time (8 and 21 by default: 20:59 may send, 21:00 may not), with an optional stricter
    window per state (e.g. ``{"FL": (8, 20), "OK": (8, 20)}``).

Where the recipient is
    ``recipient_zones`` takes the contact's ZIP first (an offline ZIP -> zone table, the ``zipcodes``
    package), else the 2-letter state, else the phone's area code. A state split across zones with no ZIP
    gives every zone of the state (``SPLIT_STATE_ZONES``: the window must be open in all, the strictest),
    and a mobile area code in another zone than the address adds its zone (the person may be in either).
    ``quiet_hours_check`` reports the zones it used and why (``zones``, ``basis``). When nothing gives a
    zone the check is conservative: the window must be open in every zone of the 50 states and DC at once
    (Eastern, Central, Mountain, Arizona, Pacific, Alaska, Hawaii), and the strictest of the default and
    every override window is used. Territories (PR, GU...) are not in that set: a contact there has a ZIP,
    a state or an area code that says so.

Opt-out
    ``opt_out_decide`` is the one decision, "yes", "no" or "uncertain", used by the suppression
    (``is_opt_out_request``), by the inbox classifier's ``opt_out`` class and by the hold for a person
    (``OPT_OUT_REVIEW``). It recognises the carrier keywords, Spanish ones, stop emoji, misspelt stop words
    and revocations in other words (spam reports, legal threats, formal revocations, "do not contact"),
    which the FCC's revocation rule (in force 11 April 2025) requires to be honoured, and keeps guards
    against false opt-outs ("don't stop", "did you stop texting me?", "stop by"). When it cannot tell
    (a stop word in an unclear sentence, a complaint, an unknown script) it says "uncertain".
"""

import enum
import functools
import logging
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import phonenumbers

from messaging.revocation_lexicon import revocation_entries
from usdatabiz.core.regexgate import GatedPatterns, GatedRegex
from usdatabiz.core.times import when

# --- Where the recipient is -------------------------------------------------------------------

# One IANA zone per state or territory. Multi-zone states take the zone of most of their people:
#   AK Anchorage (the Aleutians west of 169°30'W are on Hawaii-Aleutian time)
#   AZ Phoenix, no DST (the Navajo Nation observes DST)
#   FL Eastern (the Panhandle west of the Apalachicola River is Central)
#   ID Mountain, America/Boise (the northern Panhandle is Pacific)
#   IN Eastern, America/Indiana/Indianapolis (the Chicago and Evansville corners are Central)
#   KS, NE, ND, SD Central (their western counties are Mountain)
#   KY Eastern (the western half is Central)
#   MI Eastern, America/Detroit (four Upper Peninsula counties on Wisconsin are Central)
#   NV Pacific (West Wendover is Mountain)
#   OR Pacific (most of Malheur County is Mountain)
#   TN Central (Nashville, Memphis; East Tennessee is Eastern)
#   TX Central (El Paso and Hudspeth County are Mountain)
#   AL, OK Central (Phenix City and Kenton keep Eastern and Mountain time unofficially)
STATE_TIMEZONES: dict[str, str] = {
    "AL": "America/Chicago",
    "AK": "America/Anchorage",
    "AZ": "America/Phoenix",
    "AR": "America/Chicago",
    "CA": "America/Los_Angeles",
    "CO": "America/Denver",
    "CT": "America/New_York",
    "DE": "America/New_York",
    "DC": "America/New_York",
    "FL": "America/New_York",
    "GA": "America/New_York",
    "HI": "Pacific/Honolulu",
    "ID": "America/Boise",
    "IL": "America/Chicago",
    "IN": "America/Indiana/Indianapolis",
    "IA": "America/Chicago",
    "KS": "America/Chicago",
    "KY": "America/New_York",
    "LA": "America/Chicago",
    "ME": "America/New_York",
    "MD": "America/New_York",
    "MA": "America/New_York",
    "MI": "America/Detroit",
    "MN": "America/Chicago",
    "MS": "America/Chicago",
    "MO": "America/Chicago",
    "MT": "America/Denver",
    "NE": "America/Chicago",
    "NV": "America/Los_Angeles",
    "NH": "America/New_York",
    "NJ": "America/New_York",
    "NM": "America/Denver",
    "NY": "America/New_York",
    "NC": "America/New_York",
    "ND": "America/Chicago",
    "OH": "America/New_York",
    "OK": "America/Chicago",
    "OR": "America/Los_Angeles",
    "PA": "America/New_York",
    "RI": "America/New_York",
    "SC": "America/New_York",
    "SD": "America/Chicago",
    "TN": "America/Chicago",
    "TX": "America/Chicago",
    "UT": "America/Denver",
    "VT": "America/New_York",
    "VA": "America/New_York",
    "WA": "America/Los_Angeles",
    "WV": "America/New_York",
    "WI": "America/Chicago",
    "WY": "America/Denver",
    # Territories
    "PR": "America/Puerto_Rico",
    "VI": "America/St_Thomas",
    "GU": "Pacific/Guam",
    "MP": "Pacific/Saipan",
    "AS": "Pacific/Pago_Pago",
}

# Geographic area codes of the US and its territories, by state and zone: the NPAs that
# libphonenumber 9.0.43 places in the US, PR, VI, GU, MP and AS (non-geographic 5XX, 8XX toll-free
# and 900 left out). Zones follow the state's table above, except where an area code lies mostly
# in the state's other zone. Area codes that span zones take the zone of most of their people:
#   208/986 ID Mountain (the Panhandle is Pacific)      219 IN Central (Gary, Hammond)
#   270/364 KY Central (Elizabethtown is Eastern)        606 KY Eastern (a few Central counties)
#   308 NE Central (the Panhandle is Mountain)           423 TN Eastern (a few Central counties)
#   541/458 OR Pacific (Malheur County is Mountain)      574, 812/930 IN Eastern (Central corners)
#   605 SD, 701 ND, 620/785 KS Central (west is Mountain) 775 NV Pacific (West Wendover)
#   850/448 FL Central (Pensacola, Panama City; Tallahassee is Eastern)
#   906 MI Eastern (four western counties are Central)   907 AK Anchorage (Aleutians, Adak)
#   928 AZ Phoenix (the Navajo Nation keeps DST)         915 TX Mountain (El Paso)
# libphonenumber's own zone data is not used for this: it puts 423, 605, 689, 701 and 775 in the
# wrong zone for most of their subscribers.
_AREA_CODES: dict[str, dict[str, str]] = {
    "AL": {"America/Chicago": "205 251 256 334 659 938"},
    "AK": {"America/Anchorage": "907"},
    "AZ": {"America/Phoenix": "480 520 602 623 928"},
    "AR": {"America/Chicago": "327 479 501 870"},
    "CA": {
        "America/Los_Angeles": "209 213 279 310 323 341 350 369 408 415 424 442 510 530 559 562 619 626 628 650 "
        "657 661 669 707 714 738 747 760 805 818 820 831 840 858 909 916 925 949 951"
    },
    "CO": {"America/Denver": "303 719 720 748 970 983"},
    "CT": {"America/New_York": "203 475 860 959"},
    "DE": {"America/New_York": "302"},
    "DC": {"America/New_York": "202 771"},
    "FL": {
        "America/New_York": "239 305 321 324 352 386 407 561 645 656 689 727 728 754 772 786 813 863 904 941 954",
        "America/Chicago": "448 850",
    },
    "GA": {"America/New_York": "229 404 470 478 678 706 762 770 912 943"},
    "HI": {"Pacific/Honolulu": "808"},
    "ID": {"America/Boise": "208 986"},
    "IL": {"America/Chicago": "217 224 309 312 331 447 464 618 630 708 730 773 779 815 847 872"},
    "IN": {"America/Indiana/Indianapolis": "260 317 463 574 765 812 930", "America/Chicago": "219"},
    "IA": {"America/Chicago": "319 515 563 641 712"},
    "KS": {"America/Chicago": "316 620 785 913"},
    "KY": {"America/New_York": "502 606 859", "America/Chicago": "270 364"},
    "LA": {"America/Chicago": "225 318 337 504 985"},
    "ME": {"America/New_York": "207"},
    "MD": {"America/New_York": "227 240 301 410 443 667"},
    "MA": {"America/New_York": "339 351 413 508 617 774 781 857 978"},
    "MI": {"America/Detroit": "231 248 269 313 517 586 616 734 810 906 947 989"},
    "MN": {"America/Chicago": "218 320 507 612 651 763 952"},
    "MS": {"America/Chicago": "228 601 662 769"},
    "MO": {"America/Chicago": "235 314 417 557 573 636 660 816 975"},
    "MT": {"America/Denver": "406"},
    "NE": {"America/Chicago": "308 402 531"},
    "NV": {"America/Los_Angeles": "702 725 775"},
    "NH": {"America/New_York": "603"},
    "NJ": {"America/New_York": "201 551 609 640 732 848 856 862 908 973"},
    "NM": {"America/Denver": "505 575"},
    "NY": {"America/New_York": "212 315 329 332 347 363 516 518 585 607 631 646 680 716 718 838 845 914 917 929 934"},
    "NC": {"America/New_York": "252 336 472 704 743 828 910 919 980 984"},
    "ND": {"America/Chicago": "701"},
    "OH": {"America/New_York": "216 220 234 283 326 330 380 419 440 513 567 614 740 937"},
    "OK": {"America/Chicago": "405 539 572 580 918"},
    "OR": {"America/Los_Angeles": "458 503 541 971"},
    "PA": {"America/New_York": "215 223 267 272 412 445 484 570 582 610 717 724 814 835 878"},
    "RI": {"America/New_York": "401"},
    "SC": {"America/New_York": "803 821 839 843 854 864"},
    "SD": {"America/Chicago": "605"},
    "TN": {"America/Chicago": "615 629 731 901 931", "America/New_York": "423 865"},
    "TX": {
        "America/Chicago": "210 214 254 281 325 346 361 409 430 432 469 512 682 713 726 737 806 817 830 832 903 "
        "936 940 945 956 972 979",
        "America/Denver": "915",
    },
    "UT": {"America/Denver": "385 435 801"},
    "VT": {"America/New_York": "802"},
    "VA": {"America/New_York": "276 434 540 571 686 703 757 804 826 948"},
    "WA": {"America/Los_Angeles": "206 253 360 425 509 564"},
    "WV": {"America/New_York": "304 681"},
    "WI": {"America/Chicago": "262 274 353 414 534 608 715 920"},
    "WY": {"America/Denver": "307"},
    "PR": {"America/Puerto_Rico": "787 939"},
    "VI": {"America/St_Thomas": "340"},
    "GU": {"Pacific/Guam": "671"},
    "MP": {"Pacific/Saipan": "670"},
    "AS": {"Pacific/Pago_Pago": "684"},
}

# Area code -> (state, zone), built from the table above.
AREA_CODE_LOCATIONS: dict[str, tuple[str, str]] = {
    npa: (state, zone) for state, zones in _AREA_CODES.items() for zone, npas in zones.items() for npa in npas.split()
}

# Every zone of a state split across zones, used for a contact with that state and no ZIP (the strictest of
# them: the window must be open in all). The minority parts named in the comments above.
SPLIT_STATE_ZONES: dict[str, tuple[str, ...]] = {
    "AK": ("America/Anchorage", "America/Adak"),
    "AZ": ("America/Phoenix", "America/Denver"),  # the Navajo Nation keeps DST
    "FL": ("America/New_York", "America/Chicago"),
    "ID": ("America/Boise", "America/Los_Angeles"),
    "IN": ("America/Indiana/Indianapolis", "America/Chicago"),
    "KS": ("America/Chicago", "America/Denver"),
    "KY": ("America/New_York", "America/Chicago"),
    "MI": ("America/Detroit", "America/Menominee"),
    "NE": ("America/Chicago", "America/Denver"),
    "ND": ("America/Chicago", "America/Denver"),
    "NV": ("America/Los_Angeles", "America/Denver"),
    "OR": ("America/Los_Angeles", "America/Boise"),
    "SD": ("America/Chicago", "America/Denver"),
    "TN": ("America/Chicago", "America/New_York"),
    "TX": ("America/Chicago", "America/Denver"),
}

# Area codes that themselves span two zones (listed above): next to an address in the same state they say
# nothing more, so they add no zone of their own.
SPANNING_AREA_CODES = frozenset(
    "208 986 270 364 606 308 423 541 458 574 812 930 605 701 620 785 775 850 448 906 907 928".split()
)

_ZIP_ZONES: dict[str, tuple[str, str, str]] | None = None


def _zip_zones() -> dict[str, tuple[str, str, str]]:
    """ZIP -> (IANA zone, state, city), from the ``zipcodes`` package's offline table (loaded once)."""
    global _ZIP_ZONES
    if _ZIP_ZONES is None:
        import zipcodes

        _ZIP_ZONES = {
            row["zip_code"]: (row["timezone"], row["state"], row["city"].title())
            for row in zipcodes.list_all()
            if row.get("timezone")
        }
    return _ZIP_ZONES


def zip_timezone(zip5: str | None) -> tuple[str, str, str] | None:
    """Return (zone, state, city) of a 5-digit US ZIP, or None when it is unknown or has no zone."""
    code = (zip5 or "").strip()[:5]
    if len(code) != 5 or not code.isdigit():
        return None
    found = _zip_zones().get(code)
    if found is None or not _known_zone(found[0]):
        return None
    return found


@functools.cache
def _known_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (KeyError, ValueError, OSError):
        return False
    return True


# Used when the location is unknown: the send must be inside the window in all of these at once.
# Arizona never differs from both Mountain and Pacific, so it narrows nothing; it is listed so the
# set reads as "every zone of the 50 states and DC".
US_FALLBACK_ZONES: tuple[str, ...] = (
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Anchorage",
    "Pacific/Honolulu",
)

DEFAULT_START_HOUR = 8
DEFAULT_END_HOUR = 21


# A window that never opens in every fallback zone would make the search run forever.
_SEARCH_HORIZON = timedelta(days=8)


def normalize_state(state: str | None) -> str | None:
    """Return the 2-letter code of a US state or territory, or None when it is not one."""
    if not state:
        return None
    code = state.strip().upper()
    return code if code in STATE_TIMEZONES else None


def area_code(phone: str | None) -> str | None:
    """Return the 3-digit area code of a NANP number (+1), or None when it is not one."""
    if not phone:
        return None
    try:
        number = phonenumbers.parse(phone, "US")
    except phonenumbers.NumberParseException:
        return None
    national = str(number.national_number)
    if number.country_code != 1 or len(national) != 10:
        return None
    return national[:3]


def _location(state: str | None, phone: str | None, zip5: str | None = None) -> tuple[str | None, str | None, str]:
    """Return (state, zone name, how it was found) of a contact's address: ZIP, else state, else area code."""
    by_zip = zip_timezone(zip5)
    if by_zip is not None:
        zone, zip_state, city = by_zip
        return zip_state, zone, f"ZIP {zip5.strip()[:5]} ({city}, {zip_state})"
    code = normalize_state(state)
    if code is not None:
        return code, STATE_TIMEZONES[code], f"state {code}"
    npa = area_code(phone)
    if npa is not None and npa in AREA_CODE_LOCATIONS:
        npa_state, zone = AREA_CODE_LOCATIONS[npa]
        return npa_state, zone, f"area code {npa} ({npa_state})"
    return None, None, "unknown location"


def recipient_zones(
    *, state: str | None, phone: str | None, zip5: str | None = None
) -> tuple[str | None, list[tuple[str, str]]]:
    """Return (state, [(zone, why), ...]): every zone the window must be open in for this contact.

    The address gives one zone from its ZIP; without a ZIP a state split across zones gives all of its
    zones (the strictest); the mobile's area code adds its zone when it differs (the person may be in
    either). With no address, the area code alone; with nothing, an empty list (the caller falls back).
    """
    zones: dict[str, str] = {}
    by_zip = zip_timezone(zip5)
    code = normalize_state(state)
    resolved = None
    if by_zip is not None:
        zone, resolved, city = by_zip
        zones[zone] = f"ZIP {zip5.strip()[:5]} ({city}, {resolved})"
    elif code is not None:
        resolved = code
        if code in SPLIT_STATE_ZONES:
            for zone in SPLIT_STATE_ZONES[code]:
                zones[zone] = f"state {code} without a ZIP (split across zones: the strictest)"
        else:
            zones[STATE_TIMEZONES[code]] = f"state {code}"
    npa = area_code(phone)
    if npa is not None and npa in AREA_CODE_LOCATIONS:
        npa_state, zone = AREA_CODE_LOCATIONS[npa]
        resolved = resolved or npa_state
        consistent = npa in SPANNING_AREA_CODES and zones and npa_state == resolved  # 208 for Coeur d'Alene
        if zone not in zones and not consistent and not any(_same_clock(zone, known) for known in zones):
            zones[zone] = f"mobile area code {npa} ({npa_state})"
    return resolved, list(zones.items())


# Zones that keep the same clock all year (an area code "America/New_York" adds nothing to "America/Detroit").
_SAME_CLOCK = [
    {"America/New_York", "America/Detroit", "America/Indiana/Indianapolis", "America/Kentucky/Louisville",
     "America/Indiana/Vincennes", "America/Indiana/Winamac", "America/Indiana/Marengo", "America/Indiana/Petersburg",
     "America/Indiana/Vevay", "America/Kentucky/Monticello"},
    {"America/Chicago", "America/Menominee", "America/Indiana/Knox", "America/Indiana/Tell_City",
     "America/North_Dakota/Center", "America/North_Dakota/New_Salem", "America/North_Dakota/Beulah"},
    {"America/Denver", "America/Boise"},
    {"America/Anchorage", "America/Juneau", "America/Sitka", "America/Nome", "America/Yakutat",
     "America/Metlakatla"},
]  # fmt: skip


def _same_clock(a: str, b: str) -> bool:
    return any(a in group and b in group for group in _SAME_CLOCK)


def recipient_timezone(*, state: str | None, phone: str | None, zip5: str | None = None) -> ZoneInfo | None:
    """Return the recipient's address zone: from the ZIP, else the state, else the phone's area code, else None."""
    _, zone, _ = _location(state, phone, zip5)
    return ZoneInfo(zone) if zone else None


# --- Quiet hours ------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuietHoursResult:
    """Whether a send may go out now, and if not, when it next may (``next_allowed_at``, UTC)."""

    allowed: bool
    local_time: datetime | None
    zone: str | None
    next_allowed_at: datetime
    reason: str
    state: str | None = None
    window: tuple[int, int] = (DEFAULT_START_HOUR, DEFAULT_END_HOUR)
    zones: tuple[str, ...] = ()
    basis: str = ""  # which zones were used and why ("America/Denver: ZIP 79901 (El Paso, TX)")


def _validate_window(start_hour: int, end_hour: int, label: str) -> tuple[int, int]:
    if not (0 <= start_hour < end_hour <= 24):
        raise ValueError(f"{label}: need 0 <= start_hour < end_hour <= 24, got ({start_hour}, {end_hour})")
    return start_hour, end_hour


def _is_open(moment: datetime, zone: ZoneInfo, window: tuple[int, int]) -> bool:
    start_hour, end_hour = window
    return start_hour <= moment.astimezone(zone).hour < end_hour


def _wall_clock(day: date, hour: int, zone: ZoneInfo) -> datetime:
    # fold=0: an hour repeated at the end of DST means its first occurrence, and an hour skipped
    # at the start of DST resolves to the instant the clock jumps past it, the moment it opens.
    return datetime.combine(day, time(hour), tzinfo=zone).astimezone(UTC)


def _next_open(moment: datetime, zone: ZoneInfo, window: tuple[int, int]) -> datetime:
    """Return the first instant after ``moment`` (which is outside the window) when it opens."""
    start_hour, _ = window
    local = moment.astimezone(zone)
    day = local.date() if local.hour < start_hour else local.date() + timedelta(days=1)
    return _wall_clock(day, start_hour, zone)


def _first_open_in_all(now: datetime, zones: list[ZoneInfo], window: tuple[int, int]) -> datetime:
    """Return the earliest instant at or after ``now`` when the window is open in every zone."""
    moment = now.astimezone(UTC)
    while moment - now <= _SEARCH_HORIZON:
        closed = [zone for zone in zones if not _is_open(moment, zone, window)]
        if not closed:
            return moment
        # Each closed zone stays closed until its own next opening, so nothing earlier can work.
        moment = max(_next_open(moment, zone, window) for zone in closed)
    raise ValueError(f"The window {window[0]:02d}:00-{window[1]:02d}:00 is never open in all of these zones at once")


def _strictest(windows: Iterable[tuple[int, int]]) -> tuple[int, int]:
    windows = list(windows)
    start_hour = max(start for start, _ in windows)
    end_hour = min(end for _, end in windows)
    if start_hour >= end_hour:
        raise ValueError("The default and override windows have no hour in common")
    return start_hour, end_hour


def quiet_hours_check(
    *,
    now: datetime,
    state: str | None,
    phone: str | None,
    zip5: str | None = None,
    start_hour: int = DEFAULT_START_HOUR,
    end_hour: int = DEFAULT_END_HOUR,
    overrides: Mapping[str, tuple[int, int]] | None = None,
    fallback_zones: Iterable[str] = US_FALLBACK_ZONES,
) -> QuietHoursResult:
    """Check whether a message may be sent at ``now`` to a recipient at this ZIP, state or phone.

    The window is ``[start_hour, end_hour)`` local time, or ``overrides[state]`` when the recipient's
    state (from the ZIP, given, or derived from the area code) has one. It must be open in every zone of
    ``recipient_zones``: the ZIP's (else every zone of a split state, else the state's), and the mobile
    area code's when it differs. With no location at all it must be open in every one of ``fallback_zones``,
    with the strictest of the default and every override window. ``zones`` and ``basis`` say which zones
    were used and why.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    default = _validate_window(start_hour, end_hour, "default window")
    checked_overrides = {
        key.strip().upper(): _validate_window(*value, f"override for {key}") for key, value in (overrides or {}).items()
    }
    resolved_state, located = recipient_zones(state=state, phone=phone, zip5=zip5)

    if not located:
        window = _strictest([default, *checked_overrides.values()])
        names = tuple(fallback_zones)
        opens = _first_open_in_all(now, [ZoneInfo(name) for name in names], window)
        allowed = opens == now
        hours = f"{window[0]:02d}:00-{window[1]:02d}:00"
        if allowed:
            reason = f"Unknown location: inside {hours} in every US zone"
        else:
            reason = f"Unknown location: outside {hours} in at least one US zone; opens {when(opens, zone='UTC')}"
        return QuietHoursResult(
            allowed=allowed,
            local_time=None,
            zone=None,
            next_allowed_at=now.astimezone(UTC) if allowed else opens,
            reason=reason,
            state=None,
            window=window,
            zones=names,
            basis=f"no ZIP, state or known area code: every US zone ({', '.join(names)})",
        )

    window = checked_overrides.get(resolved_state, default)
    zone_name = located[0][0]
    zone = ZoneInfo(zone_name)
    local = now.astimezone(zone)
    zones = [ZoneInfo(name) for name, _ in located]
    opens = _first_open_in_all(now, zones, window)
    allowed = opens == now
    hours = f"{window[0]:02d}:00-{window[1]:02d}:00"
    where = "; ".join(f"{now.astimezone(ZoneInfo(name)):%H:%M %Z} in {name} ({why})" for name, why in located)
    if allowed:
        reason = f"Inside {hours}: {where}"
    else:
        reason = f"Quiet hours, outside {hours}: {where}; opens {when(opens, zone=zone.key)} (their clock)"
    return QuietHoursResult(
        allowed=allowed,
        local_time=local,
        zone=zone_name,
        next_allowed_at=opens,
        reason=reason,
        state=resolved_state,
        window=window,
        zones=tuple(name for name, _ in located),
        basis="; ".join(f"{name}: {why}" for name, why in located)
        + ("" if len(located) == 1 else f" (the {hours} window must be open in all)"),
    )


# --- Keywords and opt-out ---------------------------------------------------------------------


class Keyword(enum.StrEnum):
    """A carrier keyword: the whole inbound message, after normalisation."""

    STOP = "STOP"
    START = "START"
    HELP = "HELP"


STOP_KEYWORDS = frozenset(
    {"stop", "stopall", "stop all", "unsubscribe", "cancel", "end", "quit", "revoke", "optout", "opt out", "opt-out"}
)
START_KEYWORDS = frozenset({"start", "yes", "unstop"})
HELP_KEYWORDS = frozenset({"help", "info"})

KEYWORDS: dict[str, Keyword] = {
    **dict.fromkeys(STOP_KEYWORDS, Keyword.STOP),
    **dict.fromkeys(START_KEYWORDS, Keyword.START),
    **dict.fromkeys(HELP_KEYWORDS, Keyword.HELP),
}

_APOSTROPHES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u2032": "'", "`": "'"})


def _is_edge(char: str) -> bool:
    # Whitespace, punctuation, symbols (emoji included), separators and control/format characters
    # (zero-width joiners, BOM), plus variation selectors, which are marks.
    return char.isspace() or unicodedata.category(char)[0] in "PSZC" or 0xFE00 <= ord(char) <= 0xFE0F


# Small capital letters, which NFKC leaves as they are: "ᴘʟᴇᴀꜱᴇ ʀᴇᴍᴏᴠᴇ ᴛʜɪꜱ ɴᴜᴍʙᴇʀ" is read as the words it spells
SMALL_CAPITALS = str.maketrans(
    "\u1d00\u0299\u1d04\u1d05\u1d07\ua730\u0262\u029c\u026a\u1d0a\u1d0b\u029f\u1d0d\u0274\u1d0f\u1d18\ua7af"
    "\u0280\ua731\u1d1b\u1d1c\u1d20\u1d21\u028f\u1d22",
    "abcdefghijklmnopqrstuvwyz",
)


# The webhook asks classify_keyword and then opt_out_explain of the same reply: it is normalised once. A few entries
# are enough (one reply is read at a time per process); the cache never holds a stale answer, the function is pure.
@functools.lru_cache(maxsize=16)
def normalize_text(text: str) -> str:
    """Return text NFKC-normalised, case-folded, trimmed of edge punctuation, inner spaces collapsed."""
    folded = unicodedata.normalize("NFKC", text).translate(SMALL_CAPITALS).casefold().translate(_APOSTROPHES)
    start, end = 0, len(folded)
    while start < end and _is_edge(folded[start]):
        start += 1
    while end > start and _is_edge(folded[end - 1]):
        end -= 1
    return _SPACES.sub(" ", folded[start:end])


_SPACES = re.compile(r"\s+")

# Digits written for letters: "st0p t3xting me", "r3m0ve m3 fr0m ur l1st", "L0SE MY NUMB3R". A word is read with its
# letters when it starts with a letter (or a 0 before one), has a letter after its first digit, at least two letters
# and no more digits than letters, all of them 0 1 3 4 5 7: not "3pm", "4th", "ext5", "covid19", "mp3", "f150", "b2b"
_LEET_DIGITS = str.maketrans("013457", "oieast")
# (a digit first: the engine looks for one in C; the letter beside it is read only then)
_LEET_HINT = re.compile(r"[013457](?:(?<=[a-z][013457])|(?<=\b0)(?=[a-z]))")
_LEET_WORD = re.compile(r"\b(?:0(?=[a-z])[a-z0-9]*|[a-z][a-z0-9]*[0-9][a-z0-9]*)")
_LEET_SHORT = {"m3": "me", "0f": "of", "n0": "no", "t0": "to", "d0": "do", "s0": "so", "g0": "go"}


def _leet_word(found: re.Match) -> str:
    word = found.group()
    if word in _LEET_SHORT:
        return _LEET_SHORT[word]
    first_digit = next(i for i, ch in enumerate(word) if ch.isdigit())
    letters = sum(ch.isalpha() for ch in word)
    if (
        letters < 2
        or len(word) - letters > letters
        or not any(ch.isalpha() for ch in word[first_digit:])
        or any(ch.isdigit() and ch not in "013457" for ch in word)
    ):
        return word
    return word.translate(_LEET_DIGITS)


# Arabic written in Latin letters uses digits for its own letters ("ra2am", "ma7al", "ba3d", "tb3atli"): such a text
# is read as written
_ARABIZI_SIGN = re.compile(
    r"[a-z][2679]|[2679][a-z]|\b(?:khalas|shukran|habibi|inshallah|yalla|wallah|ya3ni|3ala|ba3d|ma3|3and|akhi|ana)\b"
    r"|b3at|ba3|sa3|ma3|ta3|ya3|3al|3an"
)


def unleet(text: str) -> str:
    """A lower-case text with its words written in digits read as letters (others unchanged)."""
    if not _LEET_HINT.search(text) or _ARABIZI_SIGN.search(text):
        return text
    return _LEET_WORD.sub(_leet_word, text)


def classify_keyword(text: str) -> Keyword | None:
    """Return the carrier keyword a whole message is (STOP, START or HELP), or None."""
    return KEYWORDS.get(normalize_text(text or ""))


# A clause made only of these words, at least one of them a stop word, is a stop request:
# "stop please", "STOP STOP", "Not interested. Stop.", "cancel it", "remove me".
_BARE_STOP_WORDS = frozenset(
    {
        "stop", "stopall", "unsubscribe", "unsub", "cancel", "end", "quit", "revoke", "optout", "remove", "rmv",
        "delete", "erase", "cease", "desist", "discontinue", "enough", "stahp", "stawp", "stop2end", "stop2quit",
        "blocked", "reported", "lose", "removeme", "unsubscribeme", "stopit", "cancle", "cancell", "cansel", "stoop",
    }
)  # fmt: skip
_FILLER_WORDS = frozenset(
    {
        "please", "pls", "plz", "plse", "now", "it", "this", "already", "asap", "immediately", "thanks", "thank",
        "you", "thx", "ty", "just", "ok", "okay", "all", "me", "right", "away", "seriously", "again", "them",
        "these", "texts", "messages", "msgs", "txts", "us", "from", "off", "of", "list", "the", "your", "ur", "and",
        "sending", "bro", "bruh", "dude", "man", "fr", "frfr", "ong", "deadass", "yo", "smh", "dawg", "fam", "ugh",
        "kindly", "respectfully",
    }
)  # fmt: skip
_NEGATIONS = frozenset(
    {
        "don't", "dont", "won't", "wont", "can't", "cant", "cannot", "didn't", "didnt", "doesn't", "doesnt",
        "shouldn't", "shouldnt", "wouldn't", "wouldnt", "couldn't", "couldnt", "never", "not",
    }
)  # fmt: skip
# Words between a negation and what it negates that do not break the link: "don't ever stop".
_SOFTENERS = frozenset({"please", "pls", "plz", "just", "ever", "really", "even", "kindly"})
# Before "you" these make a question about the past, not a request: "did you stop texting me?"
# (while "can you stop", "won't you stop", "why don't you stop" are requests).
_PAST_AUXILIARIES = frozenset({"did", "didn't", "didnt", "why'd"})
# Between "want to" and a stop phrase: "want to be taken off the list", "need to get removed from"
_PASSIVE_CHAIN = frozenset({"be", "being", "get", "getting", "taken", "removed", "deleted", "dropped", "kept"})
# The writer as subject of an outgoing verb talks about their own texting: "I'll stop texting".
_SELF_SUBJECTS = frozenset({"i'll", "ill", "we'll", "i", "we"})
# Someone else as subject: "you don't text me enough" is not "don't text me".
_OTHER_SUBJECTS = frozenset({"you", "u", "he", "she", "they", "it", "who", "that", "which"})
# Other people as the subject of a stop verb: the writer asks about them, not for themselves.
_THIRD_PARTIES = frozenset(
    "customers clients people users subscribers patients members recipients folks guests employees buyers "
    "they tenants students parents contacts kids kid children packages package orders order car truck van".split()
)

# People a writer tells to stop something ("I told my nephew to stop texting me"): not a request to us.
_RELATIVES = frozenset(
    "nephew niece son daughter kids kid brother sister cousin husband wife mom dad mother father boyfriend girlfriend "
    "friend friends buddy roommate coworker employee employees staff crew boy boys girls grandson granddaughter".split()
)
# the words a bare stop clause is made of, joined once rather than on every clause
_BARE_VOCABULARY = _BARE_STOP_WORDS | _FILLER_WORDS

_TOKEN = re.compile(r"[\w']+")
# "#" between words is the number ("delete my # from the group chat"), not a break between clauses
_CLAUSE_BREAK = re.compile(r"(?:[^\w\s'#-]|#(?<!\w\s#)|#(?!\s\w))+|\s-+\s|\n")
_OPT_OUT = re.compile(r"\bopt?[\s-]?out\b")

_OUTGOING = (
    r"(?:texting|txting|texing|textin|txtin|textn|txtn|messaging|msging|contacting|calling|sending|spamming|bothering"
    r"|harr?assing|emailing|soliciting"
    r"|e-mailing|pinging|bugging|nagging|hassling|pestering|hounding|reaching\s+out\s+to)"
)
# "stop sending me to voicemail": the writer wants a call to go through, not the texts to end
_TO_VOICEMAIL = r"\s+(?:me|us)\s+to\s+(?:voice\s*mail|vm|the\s+voicemail)\b"
# A stop verb whose object is other people is a question about them: "how do I unsubscribe my customers".
# "How do I unsubscribe from the FEMA email list", "get off that church mailing list": another sender's list
_NOT_ANOTHER_SENDERS_LIST = (
    r"(?!\s+(?:me\s+|us\s+)?(?:from|of|off)\s+(?:the|that|this|their|those|a)\s+(?:[\w'-]+\s+){0,3}(?:e-?mail|mailing)\s+"
    r"lists?\b)"
)
# "opt out of the 401k", "How do I opt out of the co-op dividend reinvestment": a benefit or an event, not the texts
_NOT_A_BENEFIT = (
    r"(?!\s+of\s+(?:the\s+|our\s+|my\s+|this\s+|this\s+year's\s+)?(?:[\w'-]+\s+){0,3}?(?:401\s*\(?k\)?|ira|pension"
    r"|retirement|health\s+plan|dental\s+plan|insurance|benefits?|wellness|raffle|potluck|carpool|secret\s+santa"
    r"|white\s+elephant|dividends?|reinvestment)\b)"
)
# "remove the delivery fee from your list price", "remove the old banner from your list of sponsors": a price or a list
# of things, not the list the writer is on
_NOT_A_LIST_OF_THINGS = (
    r"(?!\s+prices?\b)(?!\s+of\s+(?:sponsors|vendors|suppliers|donors|ingredients|items|products|services|prices|features"
    r"|specials|parts|jobs|tasks|chores|errands|groceries)\b)"
)
_NOT_OTHER_PEOPLE = (
    r"(?!\s+(?:my|our|the|their|your)\s+(?:customers|clients|patients|members|users|subscribers|staff|employees"
    r"|people|contacts|residents|tenants|students|parents|guests|buyers)\b)"
)
_MESSAGES = (
    r"(?:texts?|text\s+messages|messages?|msgs?|txts?|sms|spam|marketing|promos?|promotions|ads|advertisements"
    r"|notifications|alerts|offers)"
)
# "don't text me before 9am": when to text, not whether (as "don't call me after 6"); "don't text me during service,
# try me at 3:30", "don't text during business hours": the same said of a part of the day
_AT_A_TIME = (
    r"(?!(?:\s+(?:me|us))?\s+(?:(?:before|after|until|till|til|between|past)\s+(?:\d|noon|midnight|lunch)"
    # "dont text before 7, or after 7, or ever": every time is ruled out
    r"(?![^.!?]*\bor\s+(?:ever|at\s+all|any\s*time)\b)"
    r"|during\s+(?:the\s+|my\s+|our\s+|business\s+|work\s+|working\s+|office\s+|dinner\s+|lunch\s+)?(?:service"
    r"|work|hours|shifts?|rush|lunch|dinner|breakfast|church|mass|school|class|meetings?|appointments?|day|workday"
    r"|business|games?|practice|weekdays|surgery|surgeries|procedures?|clinic|jobs?)\b(?!\s+or\s)))"
)
# "take me off the morning route and put me on afternoons": a work rota, not a list of ours
_A_ROTA = (
    r"(?!\s+(?:of\s+)?(?:the\s+|that\s+|this\s+|my\s+)?(?:\w+\s+)?(?:route|schedule|shift|rotation|roster|calendar"
    r"|crew|payroll)\b)"
)
# "take the number from the flyer and call me", "remove my number from the sign out front": a number read off, or
# taken down from, something on show, not a list of ours
_SHOWN = (
    r"\s+(?:of\s+)?(?:the|a|an|that|this|my|our|his|her|those|these)\s+(?:\w+\s+){0,2}(?:flyer|flier|sign|card|website"
    r"|site|ad|advert|directory|directories"
    r"|poster|banner|brochure|mailer|postcard|billboard|truck|van|door|window|page|post|listing|menu|receipt|sticker|magnet"
    r"|group\s*chat|chat)s?\b"
)
_SHOWN_ON = rf"(?!{_SHOWN})"
# "my wife keeps saying stop texting at dinner", "stop texting and get back to work": the writer's own texting, told
# off by someone else (what follows "stop texting")
_TOLD_OFF_FOR_TEXTING = (
    r"\s+(?:at|during)\s+(?:the\s+)?(?:dinner|table|church|work|school|movies)\b"
    r"|\s+while\s+(?:driving|eating|working|you\s+drive)\b"
    r"|\s+and\s+(?:get\s+back\s+to|go\s+to\s+(?:bed|sleep)|drive|eat|pay\s+attention|focus|do\s+your)\b"
)
# After a stop word, something else the person is told to stop doing: "stop crying about the Cowboys", "stop
# worrying"; not "stop blowing up my phone", "stop hitting me up" (the doing aimed at the writer)
_DOING_SOMETHING_ELSE = (
    rf"(?!\s+{_OUTGOING}(?:{_TOLD_OFF_FOR_TEXTING}))"
    rf"(?!\s+(?!{_OUTGOING}\b)\w+ing\b(?!\s+(?:up\s+|at\s+|on\s+|to\s+)?(?:me|us|my|our|this|his|her|him|them|these"
    r"|those|your|ur|all)\b))"
)
# What a stop may be about that is not the texts: "how do I stop getting charged if I cancel"
# What a bank stops: "stop the payments", "how do I stop the ACH on my old loan"
_BANK_STOP = (
    r"(?:the\s+|my\s+|our\s+|a\s+)?(?:payments?|ach|autopay|auto-pay|auto-?drafts?|auto-?debits?|drafts?|debits?|withdrawals?"
    r"|checks?"
    # "How do I stop my current loan from auto renewing?": the loan, not the texts about one; "stop my renewal", "stop
    # the auto renewal on my loan", "stop my subscription from renewing": a renewal, as a payment is
    r"|(?:current\s+|existing\s+|old\s+)?(?:loan|lease|subscription|membership|policy|plan|contract|line\s+of\s+credit)"
    r"\s+from\s+(?:auto-?\s*renew\w*|renew\w*|rolling\s+over)|(?:auto-?\s*)?renewals?)\b"
)
_BILLED = r"(?:charged|billed|dinged|overcharged|double\s+charged|invoiced|fined|penalized|scammed|ripped\s+off)"
_MY_NUMBER = (
    r"(?:(?:cell|phone|mobile|business|work|office)\s+)?(?:number|phone|cell|info|information|contact(?:\s+info)?|details"
    r"|name|business|company|store|shop|office|line|account)"
)

# (pattern, how it is guarded): "negation" skips a match whose verb is negated ("don't stop
# texting me", "did you stop texting me?"); "sender" also one whose subject is the writer ("I'll
# stop texting"); "subject" one whose subject is someone else ("you don't text me enough").
_PHRASES: list[tuple[re.Pattern[str], str]] = [
    # stop texting / quit messaging me / stop sending me these / how do I stop getting these
    (
        re.compile(
            rf"\b(?:stop|quit|cease)\s+{_OUTGOING}\b(?!\s+(?:you|u|him|her|them|each)\b)"
            # "will you stop sending me leads if I pause": the goods sent, not the texts
            r"(?!(?<=sending)\s+(?:me\s+|us\s+)?(?:the\s+|your\s+|those\s+|any\s+)?(?:leads|invoices?|bills?|quotes?"
            r"|estimates?|payments?|checks?|orders?|packages?|samples?|paperwork|contracts?)\b)"
            rf"(?!{_TO_VOICEMAIL})"  # "stop sending me to voicemail, call at 4": about calls, not texts
            rf"(?!{_TOLD_OFF_FOR_TEXTING})"
        ),
        "sender",
    ),
    # ... but not "how do I stop getting charged if I cancel": a bill, not the texts
    (
        re.compile(
            r"\b(?:stop|quit)\s+(?:receiving|getting)\b"
            rf"(?!\s+{_BILLED}\b)"
        ),
        "negation",
    ),
    (re.compile(r"\bstop\s+(?:text|txt|message|msg|contact|call|spam|email)\s+me\b"), "negation"),
    # stop the texts / end these messages / stop all your promos
    (
        re.compile(
            rf"\b(?:stop|quit|cease|end)\s+(?:(?:all|the|these|those|this|your|ur|sending|all\s+the|all\s+these"
            rf"|all\s+your|all\s+of\s+(?:the|these|your))\s+)?{_MESSAGES}\b"
        ),
        "negation",
    ),
    # remove me from your list / take me off / take my number off / delete my info from
    (
        re.compile(
            rf"\b(?:remove|delete|erase|drop|scratch|take)\s+(?:me|us|(?:my|our|his|her|their|this|the)\s+"
            # "remove the old number from my file and use this one": a new number, not a revocation
            rf"(?!(?:old|previous|former|wrong)\s)(?:\w+\s+)?{_MY_NUMBER}(?=\s+(?:off|from|out\s+of)\b{_SHOWN_ON}))"
            rf"\s+(?:off|from|out\s+of)\b{_A_ROTA}"
        ),
        "negation",
    ),
    # remove me / unsubscribe me / opt me out / delete my number / lose my number
    (
        re.compile(
            r"\b(?:remove|delete|unsubscribe|unsub)\s+me\b"
            # "Jen can you unsubscribe me from the Sysco newsletter": someone else's mailing
            r"(?!\s+from\s+(?:the|that|their|my)\s+(?:[\w'-]+\s+){0,3}(?:newsletter|catalog|magazine|mailing|e-?mails?"
            r"|subscription|membership|app|group\s+chat|chat)\b)"
        ),
        "negation",
    ),
    (re.compile(r"\bopt\s+me\s+(?:out|outta|outa|out\s+of)\b"), "negation"),
    (
        re.compile(
            r"\b(?:remove|delete|erase|lose|forget)\s+(?:this|my)\s+(?:(?:cell|phone|mobile)\s+)?number\b"
            rf"(?!\s+(?:from|off|on|out\s+of){_SHOWN})"
        ),
        "negation",
    ),
    # the keywords anywhere in a short message: "how do I unsubscribe?", "I revoke my consent"
    (
        re.compile(
            r"\b(?:unsubscribe|unsub|optout|opt[\s-]out|revoke|stopall)\b"
            r"(?!\s+(?:later|anytime|any\s+time|at\s+any\s+time|whenever|if\b|links?|buttons?|options?|pages?|features?"
            r"|requests?|rates?))"
            rf"{_NOT_OTHER_PEOPLE}"  # "how do I unsubscribe my customers from the reminders": other people
            # "if I opt out of the google ads part is it cheaper": a part of the service, not the texts
            r"(?!\s+of\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:part|package|plan|service|option|add-?on|portion|feature|program"
            r"|switch|change|upgrade|benefits?|coverage|match|raffle|drawing|party|fair|contest|pool|fundraiser)\b)"
            rf"{_NOT_A_BENEFIT}"  # "opt out of the 401k": a benefit or an event, not the texts
            # "can u unsubscribe the church from that paper catalog": from something that is not ours
            r"(?!\s+(?:the|my|our)\s+\w+\s+from\s+(?:that|those|their|his|her|the\s+\w+\s+(?:catalog|newsletter|magazine)))"
            r"(?!\s+from\s+what\b)"  # "Unsubscribe from what? I never subscribed": a question; a person reads it
            rf"{_NOT_ANOTHER_SENDERS_LIST}"  # "How do I unsubscribe from the FEMA email list"
            # "I had to unsubscribe from like 5 vendor portals this week": many mailings of others
            r"(?!\s+from\s+(?:like\s+|about\s+|maybe\s+)?(?:\d+|a\s+few|several|some|two|three|four|five|six|ten|a\s+bunch\s+of"
            r"|a\s+dozen|dozens\s+of|all\s+(?:these|those|the))\s+(?:[\w'-]+\s+){0,2}(?:portals?|newsletters?|lists?|e-?mails?|apps?"
            r"|sites?|services?|subscriptions?)\b)"
            # "I'm going to opt out on this one, we just renewed our lease": the offer declined, not the texts
            r"(?!\s+(?:on|of|for)\s+(?:this|that)\s+(?:one|round|deal|offer|promo|promotion|special|go-?round|year)\b)"
            # "my customers keep asking how to unsubscribe from our newsletter": the writer's own mailing
            r"(?!\s+from\s+(?:our|my)\s+(?:[\w'-]+\s+){0,2}(?:newsletters?|e-?mails?|mailings?|lists?|texts?|apps?)\b)"
            # "Jen can you unsubscribe me from the Sysco newsletter": someone else's mailing
            r"(?!\s+(?:me|us)\s+from\s+(?:the|that|this|their|our|my)\s+(?:[\w'-]+\s+){0,3}(?:newsletter|catalog|magazine"
            r"|mailing|e-?mails?|subscription|membership|app)\b)"
            # "do you know how to unsubscribe from those Yelp ad emails?": another sender's mailing named (the
            # hundred-and-eighty-second)
            r"(?!\s+(?:me\s+|us\s+)?from\s+(?:those|that)\s+(?:[\w'-]+\s+){1,3}(?:e-?mails?|newsletters?|mailers?|catalogs?"
            r"|magazines?|notifications?|apps?|listings?|directory|directories|sites?|websites?)\b)"
            # "unsubscribe from the email newsletter but keep getting the texts": the e-mails, the texts wanted
            r"(?!\s+(?:me\s+|us\s+)?from\s+(?:the|your|ur|all\s+the)\s+(?:[\w'-]+\s+){0,2}(?:newsletters?|e-?mails?|mailings?)\b"
            r"[^.?!]{0,40}\bkeep\s+(?:getting\s+|receiving\s+)?(?:the\s+|your\s+|these\s+)?(?:texts|sms|text\s+messages)\b)"
        ),
        "negation",
    ),
    # don't text me / do not contact this number / never message me again
    (
        re.compile(
            # "don't you ever contact me again": "you" and "ever" between
            r"\b(?:don't|dont|do\s+not|never)\s+(?:(?:you|u|y'all|yall)\s+(?:ever|dare)\s+)?(?:ever\s+)?"
            r"(?:text|txt|message|msg|sms|contact|email|spam|bother)"
            rf"{_AT_A_TIME}(?:\s+(?:me|us|this\s+(?:number|phone|cell)|my\s+(?:number|phone|cell)|again|anymore|any\s+more)\b"
            r"|\s*$)"
        ),
        "anysubject",  # "you don't text me enough", "I don't text" are not requests
    ),
    # I don't want these texts / no longer wish to receive messages / no more texts
    (
        re.compile(
            rf"\b(?:don't|dont|do\s+not|no\s+longer)\s+(?:want|wish|like|(?P<need>need))\s+(?:to\s+(?:receive|get)\s+)?"
            # "we're booked out 3 months, we don't need marketing bro", "don't need ads": the product named alone and
            # declined (not "we don't need marketing texts", "don't need these promos")
            r"(?(need)(?!(?:marketing|ads|advertising|advertisements|promotions?|offers)\b(?!\s+(?:texts?|messages?|msgs?"
            r"|sms)\b)))"
            rf"(?:any\s*more\s+|any\s+|these\s+|those\s+|your\s+|the\s+|more\s+|ur\s+)?{_MESSAGES}\b"
            # "we don't need text marketing": a product declined, not the texts refused
            r"(?(need)(?!\s+(?:marketing|services?|software|platforms?|tools?)\b))"
            # "we don't want the texts to end, keep them coming": more texts wanted (the hundred-and-eighty-sixth)
            r"(?!\s+to\s+(?:end|stop|cease)\b)"
        ),
        "subject",
    ),
    (re.compile(rf"\bno\s+more\s+{_MESSAGES}\b"), "none"),
    # leave me alone / put me on your do not call list
    (re.compile(r"\bleave\s+(?:me|us)\s+(?:the\s+\S+\s+)?alone\b"), "negation"),
    (re.compile(r"\bdo[\s-]?not[\s-]?(?:call|contact|text)\s+list\b"), "negation"),
]

DEFAULT_OPT_OUT_MAX_WORDS = 40


def _clauses(text: str) -> list[str]:
    return [clause.strip() for clause in _CLAUSE_BREAK.split(text) if clause.strip()]


def _is_bare_stop(clause: str) -> bool:
    words = _TOKEN.findall(_OPT_OUT.sub("optout", clause) if "out" in clause else clause)  # "opt out" needs "out"
    return bool(words) and set(words) <= _BARE_VOCABULARY and bool(set(words) & _BARE_STOP_WORDS)


def _clause_before(text: str, start: int) -> list[str]:
    """Return the words of the same clause that come before position ``start``."""
    head = text[:start]
    breaks = list(_CLAUSE_BREAK.finditer(head))
    if breaks:
        head = head[breaks[-1].end() :]
    return _TOKEN.findall(head)


def _negated(words: list[str], *, sender: bool = False) -> bool:
    """Tell whether the words just before a phrase negate it (or, with ``sender``, make the writer its subject)."""
    if {"if", "unless"} & set(words):
        return False  # "if you don't stop texting me, I'll report you"
    words = list(words)
    if len(words) >= 2 and words[-1] in {"me", "us"} and words[-2] in {"take", "remove", "drop", "get", "put", "kick"}:
        words = words[:-2]  # "don't take me | off the list"
    while words and words[-1] in _SOFTENERS | _PASSIVE_CHAIN:
        words.pop()  # "I don't want to be taken | off the list": the negation is before the chain
    if not words:
        return False
    last = words[-1]
    previous = words[-2] if len(words) > 1 else None
    if last in {"almost", "nearly"} or (last == "to" and previous == "about"):
        return True  # "I almost blocked you but tell me more": it did not happen
    if last in {"gonna", "going"} and previous in {"was", "were"}:
        return True  # "I was gonna report this as spam but": it did not happen
    if last == "non":
        return True  # "non-stop offers lol, but no thanks": an adjective
    if last in {"guys", "people", "folks"} and previous in {"you", "u"}:
        last, previous = previous, (words[-3] if len(words) > 2 else None)  # "do you guys stop sending leads"
    if last in {"you", "u", "y'all", "yall", "ya"}:
        if previous in {"don't", "dont"} and (len(words) < 3 or words[-3] not in {"why", "y"}):
            return True  # "Don't y'all stop sending them specials": keep them coming ("why don't you stop" requests)
        # "did you stop" and "do you stop sending leads at the cap?" ask; "can you stop", "won't you stop" request
        return previous in _PAST_AUXILIARIES or previous in {"do", "does"}
    if last in _NEGATIONS or last in _PAST_AUXILIARIES or (sender and last in _SELF_SUBJECTS):
        return True
    said = words[:-2] if words[-2:] in (["you", "to"], ["u", "to"]) else words
    if (
        said
        and said[-1] in {"saying", "sayin", "asking", "telling", "say", "ask", "tell"}
        and _NEGATIONS & set(said[-3:-1])
    ):
        # "I'm not saying remove me", "not asking you to stop", "I'm not gonna tell you to stop texting but the answer
        # is no": what the writer is not asking
        return True
    if len(words) >= 3 and words[-1] == "to" and words[-2] in {"trying", "wanting", "looking", "asking", "going"}:
        if _NEGATIONS & set(words[-4:-2]):
            return True  # "NOT trying to opt out - when someone replies STOP...": what the writer is not doing
    if last in {"gonna", "gon", "going"} and previous in _NEGATIONS | {"not"}:
        return True  # "not gonna tell you to stop": the writer says they will not ask
    if last in {"us", "me"} and previous == "let" and _NEGATIONS & set(words[:-2]):
        return True  # "the last company wouldn't let us stop the ads": a story, not a request
    if last in _THIRD_PARTIES:
        return True  # "can customers opt out of the texts you'd send for us?": a question about someone else
    if (
        last == "to"
        and previous in _RELATIVES
        and words[-3:-2] not in (["you"], ["u"], ["y'all"])  # "tell you guys to stop": us
        and {"told", "tell", "telling", "asked", "ask", "asking"} & set(words[-5:-2])
    ):
        return True  # "I told my nephew to stop texting me from work": a request to someone else, told to us by mistake
    if last in {"should", "must"} and previous not in {"you", "u", "y'all", "ya", "guys", "people", "all"}:
        return True  # "whoever wrote this should quit marketing": advice to someone else
    if last == "to" and previous in {"takes", "took"} and _NEGATIONS & set(words):
        return True  # "not even gonna waste the two taps it takes to block you": talk about the effort
    if last == "to" and previous in {"fee", "cost", "charge", "price"}:
        return True  # "is there a fee to delete my data": a question about the service
    if last == "to" and previous in {"forget", "remember", "remind", "reminder"}:
        return True  # "don't forget to unsubscribe from that gym thing": an errand, not a request to us
    if last == "to" and previous in {"want", "need", "wanna", "going", "have", "reason"}:
        before = [word for word in words[:-2] if word not in _SOFTENERS]
        if previous == "going" and before and before[-1] in {"was", "were"}:
            return True  # "I was going to unsubscribe but": it did not happen
        return bool(before) and before[-1] in _NEGATIONS | {"no"}  # "I don't want to unsubscribe", "no need to stop"
    return False


def _other_subject(words: list[str]) -> bool:
    return bool(words) and words[-1] in _OTHER_SUBJECTS


# Words that, standing alone in a clause, revoke in Spanish and the few other languages seen in
# replies ("alto", "baja", "stopp", "arrêtez"), checked accent-free; "para" only as a whole clause.
_BARE_STOP_WORDS_OTHER = frozenset(
    {
        "alto",
        "baja",
        "borrar",
        "cancelar",
        "basta",
        "para",
        "parar",
        "pare",
        "parem",
        "stopp",
        "arrete",
        "arretez",
        "desabonner",
        "halt",
        "spam",
        "detenganse",
        "detengase",
        "detente",
        "detener",
        "unsolicited",
        "estop",
        "abmelden",
        "afmelden",
        "dezabonare",
        "leiratkozas",
        "odhlasit",
        "slutt",
        "sluta",
        "avmeld",
        "afmeld",
    }
)
_FILLER_WORDS_OTHER = frozenset(
    {"por", "favor", "porfa", "porfavor", "ya", "gracias", "de", "me", "dar", "darme", "dame", "los", "mensajes",
     "s'il", "vous", "plait", "svp", "stp", "merci", "bitte", "number", "my", "remove", "from", "list", "pls",
     # Tagalog particles after a stop word: "STOP na po", "stop na" (now, enough), "po" (politeness)
     "na", "po", "napo",
     # Spanish texting's "please": "alto ya xfa", "baja porfis"
     "xfa", "xf", "porfis", "plis"}
)  # fmt: skip
# A stop sign, a raised hand, no entry, prohibited: each is "stop" in a text.
# A decline alone, which a raised hand (✋) may only wave off: "pass ✋", "nah ✋", "no thanks ✋" (not "✋ no more")
_DECLINE_BESIDE_A_HAND = re.compile(
    r"(?:(?:i'?ll|we'?ll|gonna|hard)\s+)?pass|nah|nope|no|no\s+thanks?|no\s+thank\s+you|no\s+ty|not\s+interested"
    r"|(?:i'?m|we'?re|im|were)\s+good|all\s+good"
)
_SKIN_TONES = re.compile("[\U0001f3fb-\U0001f3ff]")
STOP_EMOJI = frozenset("\U0001f6d1\u270b\u26d4\U0001f6ab\U0001f4f5\U0001f515")  # 🛑 ✋ ⛔ 🚫 📵 (no phones) 🔕 (muted)
# "🚫💰 no budget sorry": a no-sign on money or time says "no money", "no time", not the texts; read as a space
_NO_MONEY_OR_TIME = re.compile(
    "[\U0001f6ab\u26d4]\ufe0f?\\s?[\U0001f4b0\U0001f4b5\U0001f4b2\U0001f4b8\U0001f911\U0001f4b3\u23f0\u231b\u23f3]"
)
# A person gesturing "no" (🙅): a no, perhaps a stop; a person decides.
NO_GESTURE_EMOJI = frozenset("\U0001f645")
# Scripts the detector cannot read (not Latin): held for a person rather than guessed.
_LATIN_MAX = 0x02AF  # with IPA Extensions: Twi, Ewe and Fon write ɛ, ɔ and ɖ


def folded(text: str) -> str:
    """Text (or a pattern) the way replies are read: decomposed, accents dropped (Hangul becomes its letters)."""
    if text.isascii():
        return text  # nothing to decompose
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


# "Стоп", "стоп пожалуйста": the stop word of other scripts, alone in a clause (folded as replies are read)
_BARE_STOP_WORDS_OTHER |= frozenset(map(folded, ("стоп", "στοπ", "ستوب", "סטופ", "ストップ")))
_FILLER_WORDS_OTHER |= frozenset(
    map(
        folded,
        ("пожалуйста", "пж", "плиз", "уже", "всё", "все", "будь", "ласка", "παρακαλω", "من", "فضلك", "لو", "בבקשה"),
    )
)


def _re(*parts: str) -> re.Pattern[str]:
    """A phrase pattern read the way texts are (``folded``)."""
    return re.compile(folded("".join(parts)))


# Norwegian, Danish and Swedish words of a revocation: what is sent ("sende", "skrive", "skicka", "sms'e"), to whom
# ("meg", "mig", "mej"), more of it ("flere", "fler", "mer") and what it is ("meldinger", "beskeder", "meddelanden")
_NORDIC_SEND = (
    r"(?:sende|sender|send|skrive|skriv|skriva|skicka|sms(?:'?e|a|e)?|messa|ring|ringe|ringa|kontakt|kontakte|kontakta|melde"
    r"|tekste)\b"
)
_NORDIC_ME = r"(?:meg|mig|mej|oss|os)"
_NORDIC_MORE = r"(?:flere|fler|fleire|meir|mer|mere|noen|nogen|några|nagra)"
_NORDIC_MESSAGES = r"(?:meldinger|meldingar|meldinga|beskeder|meddelanden|sms|sms'?er|tekstmeldinger|tekster)"
_SPAM_OR_THREAT = r"(?:spam|junk|harr?assment|scam)"
# Spanish requests to take away, in the forms that ask ("quiten", "sáquenme", "favor de borrar"), not the past
# ("¿de dónde sacaron mi número?")
_ES_TAKE_AWAY = (
    r"(?:quitar|quiten|quite|quitame|quitenme|quiteme|sacar|saquen|saque|sacame|saquenme|saqueme|borrar|borren|borre"
    r"|borrame|borrenme|eliminar|eliminen|elimine|eliminame|eliminenme)(?:me|nos)?"
)
# What a person threatens if the texts go on: "next text goes straight to my lawyer", "another one and I'm suing"
# ("the AG" only closing a clause: "goes straight to the AG." but not "the AG office closes at 5")
_THREAT_WORDS = r"report|su(?:e|ing)|lawyer|attorney|ag(?=\s*(?:[.!?,;]|$))|fcc|ftc|block|police"
# (pattern, guard) read like ``_PHRASES``: revocations in other words, spam reports, threats, Spanish.
_MORE_PHRASES: list[tuple[re.Pattern[str], str]] = [
    (
        _re(
            r"\b(?:asked|told|said|telling|asking|ask|tell|say)\s+(?:you\s+|u\s+|y'all\s+)?(?:\d+\s+times\s+)?(?:to\s+)?"
            r"(?:stop|remove(?!\s+(?:the|a|an|that|those|these|his|her|their|some|all)\b(?!\s+(?:number|cell|phone|texts?|messages?)\b))|unsubscribe|take\s+me\s+off)(?!\s+(?:by|in|at|over|and\s+shop)\b)",
            # "I said STOP crying about the Cowboys": something else the person does, not the texts
            _DOING_SOMETHING_ELSE,
        ),
        "negation",
    ),
    # "I've asked three times now to be removed", "requested twice already to be taken off"
    (
        _re(
            r"\b(?:asked|requested|told\s+(?:you|u|y'all))\s+(?:(?:(?:\d+|two|three|four|five|several|many|multiple)"
            r"\s+times|twice|thrice|once)\s+)?(?:now\s+|already\s+|before\s+|repeatedly\s+)?(?:to\s+)?be\s+"
            r"(?:removed|taken\s+off|unsubscribed|deleted|left\s+alone)\b"
        ),
        "negation",
    ),
    (_re(r"\b(?:do\s+not|don't|dont)\s+have\s+(?:my\s+)?(?:permission|consent)\b"), "none"),
    # "enough with the texts", "drop this number", "scrub this number from your database"
    (_re(r"\benough\s+with\s+(?:the|these|your|ur|all\s+the)\s+(?:texts?|messages?|msgs?|spam|sms)\b"), "negation"),
    # "please stop with the texts", "quit it with all these messages" (the writer's own "I'll stop with the texts" not)
    (
        _re(
            r"\b(?:stop|quit)\s+(?:it\s+)?with\s+(?:the|these|those|your|ur|all\s+(?:the|these|those|your|ur|of\s+the"
            r"|of\s+these|of\s+your))\s+(?:text\s+messages|texts?|txts?|messages?|msgs?|spam|sms|promos?|promotions)\b"
        ),
        "sender",
    ),
    (
        _re(
            r"\b(?:drop|delete|erase|scrub|purge|wipe|ditch|trash)\s+(?:this|my|our|the)\s+(?:number|#|cell|cell\s+number"
            r"|phone\s+number)\b(?!\s+(?:of|and|&)\s)"
        ),
        "negation",
    ),
    # "u r blocked", "you're blocked now"; "the doctor asked that we no longer receive marketing texts"
    (_re(r"\b(?:you're|you\s+are|u\s+r|ur|youre|you|u)\s+(?:now\s+|officially\s+|getting\s+)?blocked\b"), "negation"),
    (
        _re(
            r"\bno\s+longer\s+(?:receive|get|be\s+sent|want)\s+(?:any\s+|your\s+|these\s+|the\s+)?"
            r"(?:marketing\s+|promotional\s+|sales\s+)?(?:texts?|messages?|sms|msgs?|solicitations?)\b"
        ),
        "negation",
    ),
    # "please do not send solicitations to this number", "don't use this number again", "STOP 2 END"
    (
        _re(
            r"\b(?:do\s+not|don't|dont|please\s+no|no\s+more)\s+(?:send(?:ing)?|text(?:ing)?)\s+(?:any\s+|us\s+|me\s+)?"
            r"(?:solicitations?|marketing|ads|advertis\w*|promotions?|promos?|sales\s+(?:texts?|messages?|pitches))\b"
        ),
        "none",
    ),
    (
        _re(
            r"\b(?:don't|do\s+not|dont|never)\s+use\s+(?:it|this|this\s+number|my\s+number|that\s+number)\s+"
            r"(?:again|anymore|any\s+more|going\s+forward|from\s+now\s+on|in\s+the\s+future)\b"
        ),
        "none",
    ),
    # Tagalog "pakitigil na po ang pag-text" (please stop the texting)
    (_re(r"\bpakitigil\b|\btigil\s+(?:na\s+)?(?:po\s+)?(?:ang\s+)?pag-?text"), "none"),
    # "she wants this number removed from your list", "I'd prefer this number not be used for sales texts"
    (
        _re(
            r"\b(?:wants?|needs?|would\s+like|'d\s+like)\s+(?:this|my|our|her|his|the)\s+(?:number|cell|phone)\s+"
            r"(?:removed|taken\s+off|deleted|scrubbed|purged|erased|wiped|dropped|off\s+(?:your|the))\b"
            r"|\bprefer\s+(?:this|my|our|that\s+this|that\s+my)\s+(?:number|cell|phone)\s+(?:not\s+be|isn't|is\s+not)\s+"
            r"(?:used|texted|contacted|messaged)\b"
            r"|\bprefer\s+(?:that\s+)?(?:you|y'all|u)\s+(?:not|don't|didn't|do\s+not)\s+(?:text|message|contact)\b"
        ),
        "negation",
    ),
    # "please delete this contact", "remove my contact from your list"
    (
        _re(
            r"\b(?:delete|remove|erase|drop|purge)\s+(?:this|my|our|the)\s+contact\b(?!\s+(?:form|page|button|info\s+for))"
        ),
        "negation",
    ),
    # "delete it and don't text here again", "do not message this line anymore"
    (
        _re(
            r"\b(?:don't|do\s+not|dont|never)\s+(?:text|message|msg|contact|sms)\s+(?:here|this\s+(?:number|line|phone|cell))"
            r"\s+(?:again|anymore|any\s+more|ever)\b"
        ),
        "none",
    ),
    (_re(r"^\W*stop\s*(?:2|to)\s*end\W*$"), "none"),
    # Somali "fadlan ii jooji fariimahan" (please stop these messages), "ha ii soo dirin" (don't send me)
    # (the imperative only: "Google ads-ka waan joojiyay" is "we stopped the Google ads")
    (_re(r"\bjooji(?:ya|yaa)?\b|\bha\s+(?:ii\s+)?soo\s+dir(?:in|ina)\b"), "none"),
    # Amharic "መልእክት መላክ ያቁሙ" (stop sending messages), "አቁሙ"/"አቁም" (stop), "አትላኩ" (don't send)
    (_re("\u12eb\u1241\u1219|\u12a0\u1241\u1219|\u12a0\u1241\u121d|\u12a0\u1275\u120b\u12a9"), "none"),
    # Japanese "配信停止" (stop delivery), "送らないで" (don't send), "連絡しないで" (don't contact)
    (_re("\u914d\u4fe1\u505c\u6b62|\u9001\u3089\u306a\u3044\u3067|\u9023\u7d61\u3057\u306a\u3044\u3067"), "none"),
    # Urdu "بند کریں" (stop), "میسج نہ بھیجیں" (don't send messages); Farsi "پیام نفرستید" (don't send messages),
    # "لغو اشتراک" (unsubscribe)
    (
        _re(
            "\u0628\u0646\u062f\\s+\u06a9\u0631\u06cc\u06ba|\u0646\u06c1\\s+\u0628\u06be\u06cc\u062c"
            "|\u0646\u0641\u0631\u0633\u062a|\u0644\u063a\u0648\\s+\u0627\u0634\u062a\u0631\u0627\u06a9"
        ),
        "none",
    ),
    # Punjabi "ਬੰਦ ਕਰੋ" (stop), "ਹੋਰ ਮੈਸੇਜ ਨਾ ਭੇਜੋ" (don't send more messages), Gujarati "બંધ કરો" (stop),
    # Bengali "বন্ধ করুন" (stop), "পাঠাবেন না" (don't send)
    (
        _re(
            "\u0a2c\u0a70\u0a26\\s+\u0a15\u0a30|\u0aac\u0a82\u0aa7\\s+\u0a95\u0ab0|\u09ac\u09a8\u09cd\u09a7\\s+\u0995\u09b0"
            "|\u09aa\u09be\u09a0\u09be\u09ac\u09c7\u09a8\\s+\u09a8\u09be|\u0a28\u0a3e\\s+\u0a2d\u0a47\u0a1c"
        ),
        "none",
    ),
    # Hindi, Punjabi and Gujarati in Latin letters: "band karo", "bandh kar do", "msg mat bhejo"
    (_re(r"\bbandh?\s+kar(?:o|do|dijiye|dein|en|ein)\b|\b(?:msg|message|sms)\s+(?:mat|na)\s+(?:bhej|kar)\w*"), "none"),
    # traditional Chinese "請不要再發簡訊給我" (please don't text me again), "別再傳" (don't send again), "取消訂閱"
    (
        _re(
            "\u4e0d\u8981\u518d[^\u3002\uff01!.]{0,6}(?:\u767c|\u50b3|\u4f20)|(?:\u5225|\u522b)\u518d(?:\u767c|\u50b3|\u4f20|\u53d1)"
            "|\u53d6\u6d88\u8a02\u95b1|\u53d6\u6d88\u8ba2\u9605|\u4e0d\u8981(?:\u767c|\u53d1)(?:\u7c21\u8a0a|\u77ed\u4fe1|\u8a0a\u606f|\u4fe1\u606f)"
        ),
        "none",
    ),
    # Spanish "favor de quitar este número de su lista", "sáquenme de su lista", "borren mi número"
    (
        _re(
            rf"\b{_ES_TAKE_AWAY}\s+(?:este|mi|el|nuestro)\s+(?:numero|telefono|celular)\b"
            rf"|\b{_ES_TAKE_AWAY}\s+(?:de\s+)?(?:su|la|sus|tu|esa)\s+lista\b"
        ),
        "none",
    ),
    # "I want it out of your system today", "I need my number out of your database"
    (
        _re(
            r"\b(?:want|need)\s+(?:it|this(?:\s+number)?|my\s+(?:number|info|name|data|cell))\s+(?:out\s+of|off|gone\s+from"
            r"|removed\s+from|deleted\s+from)\s+(?:your|ur|the|all\s+your)\s+(?:system|database|list|records?|files?|crm)s?\b"
        ),
        "negation",
    ),
    # "kindly remove our practice from all of your marketing lists", "take our shop off your list"
    (
        _re(
            r"\b(?:remove|delete|take|drop|erase|scrub)\s+(?:our|my|this)\s+(?:business|practice|company|shop|office|store"
            r"|firm|clinic|salon|church|restaurant|account|name|info|details|location)\s+(?:off|from|out\s+of)\b"
        ),
        "negation",
    ),
    # French "ne m'envoyez plus de messages", "ne nous écrivez plus"
    (_re(r"\bne\s+(?:m'|me\s+|nous\s+)?(?:envoy|ecri|contact|appel|text)\w*\s+plus\b"), "none"),
    # "can y'all just not text me anymore", "could you please not message us"
    (
        _re(
            r"\b(?:can|could|would|will)\s+(?:you|y'all|yall|u|ya|you\s+guys|u\s+guys)\s+(?:please\s+|pls\s+|just\s+|kindly\s+"
            r"|like\s+|maybe\s+|perhaps\s+)*not\s+(?:text|message|msg|contact|sms)\s+"
            r"(?:me|us|this\s+number|my\s+\w+(?:'s)?\s+(?:phone|cell|number))\b"
        ),
        "none",
    ),
    # Polish "proszę przestać do mnie pisać" (please stop writing to me)
    (_re(r"\bprzesta\w*\s+(?:do\s+mnie\s+|mi\s+)?(?:pisa|wysyla|dzwoni)"), "none"),
    # "count me out of future ones", "count us out of these texts"
    (
        _re(
            r"\bcount\s+(?:me|us)\s+out\s+of\s+(?:any\s+|all\s+)?(?:future|further|more|these|those|your|ur|the)\s+"
            r"(?:ones|texts?|messages?|msgs?|blasts?|sms|offers)\b"
        ),
        "negation",
    ),
    # Hindi "कृपया मुझे मैसेज करना बंद करें" (please stop messaging me), "मैसेज मत भेजो" (don't send messages)
    (
        _re(
            "(?:\u092e\u0948\u0938\u0947\u091c|\u092e\u0947\u0938\u0947\u091c|\u0938\u0902\u0926\u0947\u0936|\u090f\u0938\u090f\u092e\u090f\u0938)"
            "\\s+(?:\\S+\\s+)?(?:\u092c\u0902\u0926|\u092e\u0924)"
        ),
        "none",
    ),
    # "कृपया मुझे दोबारा मैसेज न करें" (please do not message me again): the particle न, "not", before the verb
    (
        _re(
            r"(?:मैसेज|मेसेज|संदेश|एसएमएस|टेक्स्ट)\s+(?:न|ना|मत)\s+"
            r"(?:करें|करे|करो|करना|कीजिए|कीजिये|भेजें|भेजो|भेजिए|भेजना|भेजे)"
        ),
        "none",
    ),
    # on someone's behalf, or in reported speech: "the owner said to tell you not to text the store anymore"
    (
        _re(
            r"\b(?:tell|telling|told|asked|asking|ask)\s+(?:you|u|y'all)\s+not\s+to\s+"
            r"(?:text|message|msg|contact|bother|sms)\b"
        ),
        "none",
    ),
    # Russian "прошу больше не писать" (please write no more), "не пишите" (don't write)
    (
        _re(
            "\u0431\u043e\u043b\u044c\u0448\u0435\\s+\u043d\u0435\\s+(?:\u043f\u0438\u0441|\u043f\u0440\u0438\u0441\u044b\u043b|\u0431\u0435\u0441\u043f\u043e\u043a\u043e|\u0448\u043b)"
            "|\u043d\u0435\\s+\u043f\u0438\u0448\u0438"
        ),
        "none",
    ),
    (
        _re(
            # "#" for the number: "remove this # from your database", not "delete my # from the group chat"
            r"\b(?:remove|delete|erase|drop|take)\s+(?:it|this|the\s+number|this\s+(?:line|cell|phone)"
            r"|(?:my|our|this|the)\s+(?:cell\s+|phone\s+|mobile\s+)?#)\s+(?:off|from|out\s+of)"
            rf"{_SHOWN_ON}\s+(?:of\s+)?(?:your|ur|the|this|all|whatever|any|every|that|ya)\b"
        ),
        "negation",
    ),
    (
        _re(
            r"\b(?:remove|delete|erase|purge|scrub)\s+(?:my|our)\s+(?:info|information|data|details|contact|name|record)"
        ),
        "negation",
    ),
    # reporting this as spam / this is spam / flagged as junk / reported to the FCC
    (
        _re(
            rf"\b(?:report|reporting|reported|flag|flagging|flagged|mark|marking|marked|block|blocking|blocked)"
            rf"(?:\s+(?:this|you|it|u|ur|your\s+\w+|this\s+\w+|the\s+\w+|the\s+number))?\s+(?:as\s+)?"
            rf"{_SPAM_OR_THREAT}\b(?!\s+(?:calls?|texts?|messages?|emails?|filters?|folder|bots?|callers?))"
        ),
        "negation",
    ),
    (
        _re(
            r"\b(?:this|that|it|these|you|u|this\s+\w+)\s+(?:is|are|r|'s)\s+(?:just\s+|pure\s+|total\s+|obviously\s+)?(?:spam|junk|harr?assment)\b"
        ),
        "none",
    ),
    (_re(r"\b(?:this's|it's|thats|that's)\s+(?:just\s+|pure\s+|total\s+)?(?:spam|harr?assment)\b"), "none"),
    (
        _re(
            r"\b(?:report|reporting|reported|complain|complaining|complaint|filing|file|filed)\b[^.!?]{0,40}"
            r"\b(?:fcc|ftc|attorney\s+general|\bag\b|bbb|better\s+business|carrier|verizon|at&t|t-?mobile|7726|authorities)"
        ),
        "none",
    ),
    (
        _re(
            # "how do you handle TCPA consent for cold texts like this?": the law asked about, not invoked
            r"(?<!handle\s)(?<!handling\s)(?<!follow\s)(?<!get\s)(?<!obtain\s)"
            r"\b(?:fcc|ftc|tcpa|do\s+not\s+call\s+registry|cease\s+and\s+desist|lawsuit|legal\s+action"
            r"|small\s+claims|attorney\s+general)\b"
            # "we need it TCPA compliant", "FCC rules for our reminders": the law named as a requirement
            r"(?!\s+(?:complian\w*|rules?|regulations?|guidelines?|requirements?|approved|registered|certified))"
        ),
        "none",
    ),
    (_re(r"\b(?:sue|suing|sued)\s+(?:you|u|your|ur|the|this)\b"), "negation"),
    (_re(r"\bsee\s+you\s+in\s+court\b"), "none"),
    # formal revocations: I revoke/withdraw my consent, I do not consent, without my consent
    (
        _re(
            r"\b(?:revoke|revokes|revoking|revoked|withdraw|withdraws|withdrawing|withdrawn|rescind|rescinds|rescinding)\s+"
            r"(?:my\s+|all\s+|any\s+|any\s+and\s+all\s+|our\s+|its\s+|their\s+|whatever\s+)?(?:prior\s+)?"
            r"(?:consent|permission|authorization|opt[\s-]?in)\b"
        ),
        "negation",
    ),
    (
        _re(r"\b(?:do\s+not|don't|dont|never)\s+(?:give\s+(?:you\s+)?|gave\s+(?:you\s+)?)?(?:consent|permission)\b"),
        "none",
    ),
    (_re(r"\bwithout\s+(?:my\s+)?(?:consent|permission)\b"), "none"),
    (_re(r"\brefrain\s+from\s+(?:contacting|texting|messaging|calling|sending)\b"), "none"),
    (
        _re(
            r"\b(?:cease|discontinue|terminate|end)\s+(?:all\s+|any\s+|further\s+|these\s+|this\s+|your\s+)*"
            r"(?:(?:text|sms|marketing|promotional)\s+)?(?:communications?|contact|correspondence|outreach|messages|texts"
            r"|solicitations?)\b"
        ),
        "negation",
    ),
    (_re(r"\bno\s+(?:further|more)\s+(?:contact|communications?|correspondence|solicitations?|outreach)\b"), "none"),
    (_re(r"\bno\s+longer\s+(?:wish|want)\s+to\s+(?:receive|be\s+contacted|be\s+texted|hear|get)\b"), "none"),
    (
        _re(r"\b(?:don't|dont|do\s+not)\s+(?:wish|want)\s+to\s+(?:be\s+contacted|be\s+texted|receive|hear\s+from)\b"),
        "subject",
    ),
    (
        _re(
            r"\b(?:do\s+not|don't|dont|dnt)\s+(?:contact|text|txt|message|msg)\b(?!\s+(?:you|u|him|her|them|back|first|yet))"
            rf"{_AT_A_TIME}"
        ),
        "anysubject",
    ),
    # "don't call me" revokes unless it only asks for texts instead or names a time: "don't call, text me"
    (
        _re(
            r"\b(?:do\s+not|don't|dont|dnt)\s+call\b(?!\s+(?:you|u|him|her|them|back|first|yet)\b)"
            r"(?!(?:\s+me|\s+my\s+(?:cell|phone|mobile))?(?:\s+(?:at\s+work|before|after|during|until|till|between|early|late"
            r"|now|right\s+now|today|tonight|this\s+(?:week|morning|afternoon|month)|on\s+\w+|in\s+the\s+\w+)\b))"
        ),
        "call",
    ),
    # don't reach out again / never reach out to me; not the writer's own habit ("old members we never reach out to":
    # the hundred-and-seventy-ninth)
    (
        _re(
            r"\b(?:do\s+not|don't|dont|dnt|never)\s+(?:ever\s+)?reach\s+out\b(?!\s+to\s+(?:him|her|them|my\s+\w+))"
            r"(?!\s+to\s*(?:$|[.!?,;]))"
        ),
        "anysubject",
    ),
    # go away / leave me be, as a whole clause
    (
        _re(
            r"(?:^|[.!,;]\s*)(?:please\s+|pls\s+|just\s+)*(?:go\s+away|leave\s+me\s+be)(?:\s+(?:please|pls|now|already))*\s*(?:$|[.!,;])"
        ),
        "none",
    ),
    # no more / no mas, as a whole clause
    (
        _re(
            r"(?:^|[.!,;]\s*)(?:please\s+)?no\s+(?:more|mas)(?:\s+(?:please|pls|plz|por\s+favor|thanks|thank\s+you|gracias))*\s*(?:$|[.!,;])"
        ),
        "none",
    ),
    # knock it off / cut it out / give it a rest
    (_re(r"\b(?:knock\s+it\s+off|cut\s+it\s+out|give\s+it\s+a\s+rest)\b"), "negation"),
    # I would like to be removed / want to be taken off
    (
        _re(
            r"\b(?:like|want|wish|need|ask|asking|request|requesting)\s+to\s+be\s+(?:removed|taken\s+off|unsubscribed"
            r"|deleted|opted\s+out|excluded|left\s+alone|erased)\b"
        ),
        "negation",
    ),
    # I'd appreciate it if you stopped texting me / I'd prefer you don't text me
    (
        _re(
            r"\b(?:appreciate\s+it|prefer|rather|request|ask|asking|want)\s+(?:that\s+)?(?:if\s+)?(?:you|u|y'all)\s+"
            r"(?:would\s+|to\s+)?(?:stop|stopped|quit|cease|don't|dont|do\s+not|didn't|did\s+not|no\s+longer|never|not)"
            r"\s+(?:\w+\s+){0,2}?(?:text|txt|messag|msg|contact|send|reach|email|bother|spam)\w*"
        ),
        "negation",
    ),
    # take this number off / take me off
    (
        _re(rf"\b(?:take|get)\s+(?:this|my|the|our)\s+(?:\w+\s+)?(?:number|cell|phone|line)\s+off\b{_SHOWN_ON}"),
        "negation",
    ),
    (_re(r"\b(?:remove|delete|unsubscribe|unsub|rmv|erase|remov)\s+(?:us|our\s+number)\b"), "negation"),
    (_re(rf"\b(?:rm|rmv|remov|remv|take|drop)\s+(?:me|us)\s+(?:off|from|out)\b{_A_ROTA}"), "negation"),
    # I have not consented / never gave anyone permission
    (
        _re(
            # (not "contracts people never agreed to": other people's consent, to something else)
            r"\b(?<!people\s)(?<!customers\s)(?<!clients\s)(?<!folks\s)(?<!they\s)(?<!others\s)"
            r"(?:have\s+not|haven't|havent|did\s+not|didn't|didnt|never)\s+(?:consented|agreed|"
            r"(?:given|gave|give)\s+(?:[\w']+\s+){0,3}?(?:consent|permission))\b"
            # the seventy-fourth: "I did not consent to this.", "we didn't consent to any texts": consent denied (not
            # "didn't consent to the price change")
            r"|\b(?:i|we)\s+(?:did\s+not|didn't|didnt|do\s+not|don't|dont)\s+(?:ever\s+)?consent\b(?!\s+to\s+(?:the|a|an|that)\s+"
            r"(?!texts?\b|messages?\b|marketing\b|contact\b)\w+)"
        ),
        "none",
    ),
    # text me again and I'll report you / one more text and ... / if you text me again
    (
        _re(
            r"\b(?:text|message|contact|msg|txt)\w*\s+(?:me|us|this\s+number)\s+again\b[^.!?]{0,40}"
            rf"\b(?:{_THREAT_WORDS}|regret)"
        ),
        "none",
    ),
    (
        _re(
            r"\b(?:one\s+more|next|another)\s+(?:text|message|msg|txt|time|one|of\s+(?:these|those|them|your\s+\w+))\b"
            rf"[^.!?]{{0,40}}\b(?:{_THREAT_WORDS})"
        ),
        "none",
    ),
    (
        _re(
            r"\b(?:any|another|further|more)\s+(?:further\s+|more\s+)?(?:texts?|messages?|msgs?|contact|communications?)\b"
            rf"[^.!?]{{0,40}}\b(?:{_THREAT_WORDS})"
        ),
        "none",
    ),
    (
        _re(
            r"\bif\s+(?:you|u|y'all)\s+(?:ever\s+)?(?:text|message|contact|msg|txt)\w*\s+(?:me\s+|us\s+|this\s+number\s+)?"
            r"(?:again|one\s+more\s+time|ever\s+again)\b"
        ),
        "none",
    ),
    # the seventy-fourth: "I'll report you", "I'm gonna report y'all", "i will report this number": a threat to report
    # us, alone as beside a condition (not "I'm not gonna report you", "I'd report you but", "I'll report to you
    # Monday")
    (
        _re(
            r"\b(?:i'll|ill|i\s+will|i\s+shall|(?:i'm|im|i\s+am)\s+(?:(?:going|fixin|fixing|about)\s+to|gonna|gon)|i'm|im"
            r"|i\s+am)\s+(?:(?:just|definitely|totally|so|absolutely|def)\s+)?(?:report|reporting)\s+(?:you|u|y'all|yall|ya"
            r"|you\s+guys|you\s+all|you\s+people|this\s+number|your\s+(?:number|company|business))\b(?!')"
        ),
        "negation",
    ),
    # blocked and reported / blocking this number / I'm blocking you
    # (and "blocking + reporting")
    (
        _re(
            r"\b(?:block|blocking|blocked)(?:\s+(?:and|&|n)\s+|\s*\+\s*)report"
            r"|\breport(?:ed|ing)?(?:\s+(?:and|&|n)\s+|\s*\+\s*)block"
        ),
        "negation",
    ),
    (_re(r"\b(?:block|blocking|blocked)\s+(?:this\s+number|your\s+number|ur\s+number|you|u|this)\b"), "negation"),
    # u can stop now / you gotta stop / stop hitting my line
    (
        _re(
            r"\b(?:you|u|y'all|ya)\s+(?:can|may|should|need\s+to|gotta|have\s+to|must)\s+(?:stop|quit)\b"
            r"(?!\s+(?:by|in|at|over|worrying|\w+ing\s+(?:him|her|them)))"
            # "you should quit your job", "you can stop the act": something of theirs, not the texts
            r"(?!\s+(?:your|ur|the|that|this)\s+(?:day\s+)?(?:job|day\s+job|act|attitude|career|business|lying|games?)\b)"
            # "if y'all can stop the leak in my cash flow im all ears": a thing of the writer's that we would stop
            r"(?!\s+(?:the|my|our)\s+(?!texts?\b|texting|messag|spam|calls?\b|calling|harass|nonsense|madness|bs\b|bull|crap"
            r"|junk|pitch|sales|marketing|solicit|automated|robo|mass\b|bombard|pester|outreach|campaign|whatever|e-?mails?\b"
            r"|sms|notification|reminder|promo|ads?\b|advert|offers?\b|contact)\w+)"
            rf"(?!\s+(?!{_OUTGOING}\b)\w+ing\b)"  # "you can stop pitching, I'm sold": a person reads it
        ),
        "negation",
    ),
    (
        _re(
            r"\b(?:stop|quit)\s+(?:hitting|blowing\s+up|calling|ringing)\s+(?:me\s+up|my\s+(?:line|phone|cell|number|jack))"
        ),
        "sender",
    ),
    # do not send any more messages / don't send me these
    (
        _re(
            rf"\b(?:do\s+not|don't|dont|dnt|never|no\s+longer)\s+send\s+(?:me\s+|us\s+)?(?:any\s*more\s+|any\s+further\s+|any\s+"
            rf"|more\s+|further\s+|these\s+|those\s+|your\s+|ur\s+|the\s+)?(?:\w+\s+)?{_MESSAGES}\b"
        ),
        "anysubject",
    ),
    # I want it deleted / I need my number removed
    (
        _re(
            r"\b(?:want|need|like|would\s+like)\s+(?:it|this|that|them|my\s+\w+(?:\s+\w+)?|this\s+number|me)\s+"
            r"(?:deleted|removed|erased|taken\s+off|unsubscribed|gone)\b"
        ),
        "negation",
    ),
    # the carriers' spam-report short code, not the last four digits of a phone number ("his number is (555) 014-7726":
    # the hundred-and-eighty-second) nor an extension
    (
        _re(
            r"(?<!\d[\s.)-])(?<!\d\)\s)(?<!ext\s)(?<!ext\.\s)(?<!ext\sis\s)(?<!extension\s)(?<!extension\sis\s)(?<!x)(?<!#)"
            r"\b7726\b(?!\s?[.-]?\s?\d)|\bspam\s+(?:report|reported)\b"
        ),
        "none",
    ),
    # do not solicit / no soliciting
    (_re(r"\b(?:do\s+not|don't|dont|no)\s+(?:solicit|soliciting|solicitations?)\b"), "none"),
    (
        _re(
            r"\boff\s+(?:of\s+)?(?:your|ur|yer|yo|the|this|ya|all\s+your|all\s+the)\s+(?:\w+\s+)?(?:list|lists|database|system"
            r"|contacts)\b"
        ),
        "negation",
    ),
    (
        _re(r"\b(?:stop|quit)\s+(?:reaching\s+out|hitting\s+me\s+up|blowing\s+up\s+my\s+phone|hounding|pestering)\b"),
        "sender",
    ),
    (
        _re(
            r"\bhow\s+(?:do|can|did)\s+i\s+(?:stop|unsubscribe|opt\s+out|get\s+off|make\s+(?:this|these|it)\s+stop)\b",
            rf"(?!\s+{_BANK_STOP})",  # "How do I stop payments on my current loan?": a bank's stop payment
            # "how do I unsubscribe later if I sign up?": a question about the service
            r"(?!\s+(?:later|afterwards|down\s+the\s+road|if\s+i\s+(?:sign|decide|change|want)))",
            # "How do I stop the Facebook notifications on my business page?": an app's, not the texts
            r"(?!\s+(?:the\s+|my\s+|all\s+the\s+|these\s+)?(?:[\w-]+\s+){0,2}(?:notifications|alerts|pop-?ups|reminders)\b)",
            # "how do I stop the OTHER marketing texts I get?": another sender's
            r"(?!\s+(?:the\s+|all\s+the\s+)?other\b)",
            # "How do I stop the bleeding on labor costs??": a loss stopped, not the texts
            r"(?!\s+(?:the\s+)?(?:bleeding|leak|leaks|losses|churn|turnover|drain|waste|theft|shrink|overtime)\b)",
            rf"(?!\s+(?:getting|being)\s+{_BILLED}\b)",  # "how do I stop getting charged": the bill
            # "how do i get off the other newsletter, the payroll one? i still want these texts": another mailing
            r"(?!\s+(?:of\s+)?(?:the|that|your|ur)\s+(?:other\s+)?(?:[\w-]+\s+)?(?:newsletter|e-?mails?|mailing|catalog)s?\b)",
            _NOT_A_BENEFIT,  # "How do I opt out of the co-op dividend reinvestment"
            _NOT_ANOTHER_SENDERS_LIST,  # "How do I unsubscribe from the FEMA email list lol"
            _NOT_OTHER_PEOPLE,
            # "how do I stop my current MCA from auto-debiting": something else stopped
            rf"(?!\s+(?:my|our|the|their|this)\s+(?:[\w-]+\s+){{0,3}}from\s+(?!(?:getting|receiving)\b|{_OUTGOING}\b)[\w-]+ing\b)",
        ),
        "none",
    ),
    (_re(r"\bwhen\s+(?:will|does|do)\s+(?:this|these|it|they|you)\s+(?:ever\s+)?stop\b"), "none"),
    (
        _re(
            r"\b(?:can|could|would|will)\s+(?:you|u|y'all|you\s+guys)\s+(?:please\s+|pls\s+|just\s+)?(?:stop|quit)\s*$"
        ),
        "none",
    ),
    (_re(r"\b(?:stop|quit)\s+(?:it|this|that)\s+(?:already|now|please)\b"), "negation"),
    (_re(r"\bdnc\b"), "none"),
    (
        _re(
            r"\b(?:i|we)\s+(?:never|didn't|didnt|did\s+not)\s+(?:sign(?:ed)?\s+up|opt(?:ed)?\s+in|ask(?:ed)?\s+for\s+(?:this|these|texts))\b"
        ),
        "none",
    ),
    # Spanish (accents removed before matching)
    (
        _re(
            r"\bno\s+(?:mas|quiero(?:\s+recibir)?(?:\s+mas)?|deseo(?:\s+recibir)?(?:\s+mas)?)\s+(?:mensajes|textos|msjs?|sms|llamadas)\b"
            r"(?!\s+de\s+(?:voz|audio))"  # "no quiero mensajes de voz, mándame texto": voice messages, not texts
        ),
        "none",
    ),
    (
        _re(
            r"\bno\s+(?:me\s+)?(?:vuelva[sn]?\s+a\s+)?(?:escrib|mand|envi|contact|llam|molest|texte|mensaje)\w*"
            r"(?:\s+(?:mas|nunca|por\s+favor))?\b(?!\s+(?:el|la|los|la\s+info|info|informacion|detalles|precio))"
        ),
        "none",
    ),
    (
        _re(
            r"\b(?:deja|dejen|deje|dejes|pare|paren|para|parale|dejale)\s+(?:ya\s+|yes\s+|de\s+una\s+vez\s+|por\s+favor\s+)?de\s+"
            r"(?:escrib|mand|envi|contact|llam|molest|text)\w*"
        ),
        "none",
    ),
    # Vietnamese, Tagalog, Portuguese: "don't text anymore", "stop texting"
    (_re(r"(?<!\bdung\s)(?<!\bđung\s)\b(?:dung|đung|ngung|ngừng)\s+nhan\s+tin\b|\bhuy\s+dang\s+ky\b"), "none"),
    (_re(r"\btigilan\s+(?:mo\s+|nyo\s+|niyo\s+|ninyo\s+)?(?:na|po)\b|\bpare\s+de\s+(?:me\s+)?mandar\b"), "none"),
    # never texting me again / please not text me / remove from list
    (_re(rf"\bnever\s+{_OUTGOING}\s+(?:me|us)\b"), "none"),
    (_re(r"\b(?:please|pls|plz)\s+(?:do\s+)?not\s+(?:text|txt|message|msg|contact|email)\b"), "none"),
    (
        _re(
            r"\b(?:remove|rmv|delete|take|drop)\s+(?:me\s+|us\s+)?(?:from|off)\s+(?:of\s+)?(?:the\s+|your\s+|ur\s+|this\s+|ya\s+)?"
            r"(?:list|lists|database|contacts|system)\b"
        ),
        "negation",
    ),
    (_re(r"\b(?:dar|darme|dame|denme|deme|dese)\s+de\s+baja\b|\bbaja\s+(?:por\s+favor|ya)\b"), "none"),
    (_re(r"\b(?:cancelar|cancela|cancele)\s+(?:la\s+|mi\s+)?(?:suscripcion|subscripcion)\b"), "none"),
    (
        _re(
            r"\b(?:borr|quit|elimin)\w*\s+(?:mi\s+numero|me\s+de|de\s+(?:su|tu|la)\s+lista)\b"
            r"|\b(?:saca|saque|saquen|sacame|saquenme)\s+(?:mi\s+numero|me\s+de|de\s+(?:su|tu|la)\s+lista)\b"
        ),
        "none",
    ),
    (_re(r"\b(?:quit|sac|saqu|borr|elimin)(?:a|e|en)me\b"), "none"),
    (_re(r"\bes\s+spam\b|\bdejenme\s+en\s+paz\b|\bdejame\s+en\s+paz\b"), "none"),
    # other languages, the unambiguous ones
    # (not the reflexive "Arrêtez-vous au garage lundi": stop by the garage)
    (
        _re(
            r"\b(?:arretez(?!\s*-?\s*vous\b)|desinscri\w*|desabonn\w*|aufhoren|abmelden|abbestellen|desinscrever|descadastr\w*)\b"
        ),
        "none",
    ),
]
_MORE_PHRASES += [(_re("|".join(["\u505c\u6b62", "\u9000\u8ba2", "\uadf8\ub9cc", "\u3084\u3081\u3066"])), "none")]
# Chinese "不要再…发" / "别再发" (do not send again), Korean "보내지 마" (don't send), "연락하지 마" (don't contact)
_MORE_PHRASES += [
    (
        _re(
            "\u4e0d\u8981\u518d[^\u3002\uff01!.]{0,6}\u53d1|\u522b\u518d\u53d1|\u4e0d\u8981\u53d1\u77ed\u4fe1"
            "|\ubcf4\ub0b4\uc9c0\\s*\ub9c8|\uc5f0\ub77d\ud558\uc9c0\\s*\ub9c8"
            # Russian "не пишите мне" (do not write to me), "хватит" (enough), "отпишите" (unsubscribe);
            # Arabic "توقف" (stop), "لا ترسل" (do not send)
            "|\u043f\u0435\u0440\u0435\u0441\u0442\u0430\u043d\u044c|\u043d\u0435\\s+\u043f\u0438\u0448\u0438|\u0445\u0432\u0430\u0442\u0438\u0442|\u043e\u0442\u043f\u0438\u0448\u0438"
            "|\u062a\u0648\u0642\u0641|\u0644\u0627\\s+\u062a\u0631\u0633\u0644"
        ),
        "none",
    )
]
# Revocations seen in outside sets that the phrases above did not hear.
_MORE_PHRASES += [
    # "Kindly discontinue sending messages to this number", "cease sending texts"
    (
        _re(
            r"\b(?:cease|discontinue|terminate|halt)\s+(?:sending|texting|messaging)\b"
            rf"(?:\s+(?:me|us|any|all|these|this|your|ur|further|more|the))*(?:\s+{_MESSAGES})?"
        ),
        "negation",
    ),
    # on someone's behalf: "please remove her number", "stop texting my mom", "he passed away, remove his number"
    (
        _re(
            r"\b(?:remove|delete|erase|take|lose)\s+(?:his|her|their|my\s+(?:mom|mother|dad|father|wife|husband|son"
            r"|daughter|grandma|grandpa|grandmother|grandfather|aunt|uncle|boss|parents?|kids?)'?s?)\s+"
            r"(?:(?:cell|phone|mobile)\s+)?(?:number|cell|phone|info|contact)\b(?!\s+(?:and|&)\s+(?:add|use|put|text))"
        ),
        "negation",
    ),
    (
        _re(
            rf"\b(?:stop|quit)\s+{_OUTGOING}\s+(?:her|him|them|my\s+(?:mom|mother|dad|father|wife|husband|son|daughter"
            r"|grandma|grandpa|grandmother|grandfather|aunt|uncle|boss|parents?|kids?|employees?|staff))\b"
        ),
        "negation",
    ),
    # a stop already sent and ignored: "I've replied STOP 4 times now", "I texted stop yesterday"
    (
        _re(
            r"\b(?:replied|responded|texted|sent|typed|wrote|said)\s+(?:you\s+|u\s+|y'all\s+)?[\"']?"
            r"(?:stop|unsubscribe|remove(?!\s+(?:the|a|an|that|those|these|his|her|their|some|all)\b(?!\s+(?:number|cell|phone|texts?|messages?)\b)))\b[\"']?(?!\s+(?:by|in|at|over|requests?|signs?|lights?|watch|for|to|and\s+shop"
            r"|links?|buttons?|messages?|texts?|words?)\b)"
            # "my abuela always said 'stop wasting money on ads'": a stop with another doing, not the texts
            rf"(?!\s+(?!{_OUTGOING}\b)\w+ing\b)"
            rf"(?!\s+{_OUTGOING}(?:{_TOLD_OFF_FOR_TEXTING}))"  # "my boss said stop texting and get back to work"
        ),
        "negation",
    ),
    # Spanish "ya no quiero recibir sus mensajes", "no quiero que me escriban"
    (
        _re(
            r"\bno\s+(?:quiero|queremos|deseo|deseamos)\s+(?:recibir|seguir\s+recibiendo|que\s+me\s+(?:escrib|mand|envi"
            r"|contact|llam|molest)\w*)\b"
        ),
        "none",
    ),
    # "Favor de no volver a escribir", Portuguese "parem de mandar mensagem", "não quero mais receber mensagens"
    (_re(r"\bno\s+(?:me\s+)?(?:vuelva[sn]?|volver)\s+a\s+(?:escrib|mand|envi|contact|llam|molest|text)\w*"), "none"),
    (_re(r"\b(?:parem|para|pare|parar)\s+de\s+(?:me\s+)?(?:mandar|enviar|ligar|escrever)\b"), "none"),
    (
        _re(
            r"\bnao\s+(?:quero|queremos)\s+(?:mais\s+)?(?:receber|mensage\w*)\b"
            r"|\bnao\s+(?:me\s+)?(?:mande|mandem|envie|enviem)\s+mais\b"
        ),
        "none",
    ),
    # idioms: "pack it in with the texts", "give it a rest", "knock it off"
    (_re(r"\b(?:pack|knock|cut)\s+it\s+(?:in|off|out)\b|\bgive\s+it\s+a\s+rest\b"), "none"),
    # "This is a business line, do not use it for marketing"
    (
        _re(
            r"\b(?:do\s+not|don't|dont|never)\s+use\s+(?:it|this|this\s+(?:number|line|phone|cell)|my\s+(?:number|cell|phone))"
            r"\s+for\s+(?:(?:business|commercial|vendor)\s+)?(?:marketing|sales|solicitations?|advertising|ads|promotions?"
            r"|spam)\b"
            r"|\b(?:do\s+not|don't|dont|does\s+not|doesn't)\s+accept\s+(?:solicitations?|marketing)\b"
        ),
        "none",
    ),
    # voice-to-text: "please stop taxing me"
    (_re(r"\b(?:stop|quit)\s+(?:taxing|testing|tex\s+ting|text\s+in)\s+(?:me|us)\b"), "negation"),
    # "who sold my number?? take it off": the number named just before
    (
        _re(r"\b(?:my|our|this)\s+(?:number|info|contact|cell|details|phone|line)\b[^\n]{0,80}?\btake\s+it\s+off\b"),
        "negation",
    ),
    # "quite texting me" (quit misspelt)
    (_re(rf"\bquite\s+{_OUTGOING}\s+(?:me|us)\b"), "negation"),
    # Arabic "الرجاء عدم مراسلتي" (please do not write to me), "عدم الإرسال" (no sending), "لا تراسل" (do not write)
    (
        _re(
            "\u0639\u062f\u0645\\s+(?:\u0645\u0631\u0627\u0633\u0644|\u0627\u0631\u0633\u0627\u0644|\u0627\u0644\u0627\u0631\u0633\u0627\u0644|\u0627\u0644\u0645\u0631\u0627\u0633\u0644)|\u0644\u0627\\s+\u062a\u0631\u0627\u0633\u0644"
        ),
        "none",
    ),
    # German "bitte keine Nachrichten mehr schicken", "schreiben Sie mir nicht mehr", "löschen Sie meine Nummer"
    (
        _re(
            r"\bkeine\s+(?:weiteren\s+)?(?:nachrichten|sms|textnachrichten|werbung|mitteilungen)\s+mehr\b"
            r"|\bnicht\s+mehr\s+(?:schreiben|kontaktieren|anschreiben|anrufen|senden|schicken)\b"
            r"|\b(?:schreib|schreiben|kontaktieren|schicken)\w*\s+(?:sie\s+)?(?:mir|uns)\s+(?:\w+\s+)?nicht\s+mehr\b"
            r"|\b(?:losch|entfern)\w*\s+(?:sie\s+)?(?:meine|unsere|diese)\s+(?:nummer|daten|telefonnummer)\b"
        ),
        "none",
    ),
    # Italian "smettete di scrivermi", "non scrivetemi più", "cancellate il mio numero"
    (
        _re(
            r"\bsmett\w*\s+(?:di\s+)?(?:scriv|mand|invi|contatt|chiam)\w*"
            r"|\bnon\s+(?:mi\s+|ci\s+)?(?:scriv|mand|invi|contatt)\w*\s+piu\b"
            r"|\b(?:cancell|rimuov|togli)\w*\s+(?:il\s+)?(?:mio|nostro|questo)\s+numero\b"
        ),
        "none",
    ),
    # Russian "прекратите мне писать" (cease writing to me); transliterated "ne pishite mne", "perestante"
    (
        _re(
            "\u043f\u0440\u0435\u043a\u0440\u0430\u0442\u0438"
            r"|\bne\s+pishi\w*|\bperestan\w*\s+(?:mne\s+)?pisa|\bk?hvatit\s+(?:mne\s+)?pisa"
        ),
        "none",
    ),
    # Vietnamese "đừng nhắn nữa" (don't text anymore), "đừng gửi" (don't send), "đừng liên lạc" (don't contact)
    (_re(r"\b(?:dung|đung)\s+(?:nhan|gui|lien\s+lac|goi|lam\s+phien)\b"), "none"),
    # Portuguese "me tire da lista", "tirem meu número"
    (
        _re(
            r"\b(?:tire|tirem|retire|retirem|remova|removam|exclua|excluam|apague|apaguem)(?:-me)?\s+"
            r"(?:me\s+)?(?:da|desta|dessa|de\s+sua|da\s+sua)\s+lista\b"
            r"|\b(?:tire|tirem|retire|remova|exclua|apague)\w*\s+(?:o\s+)?meu\s+(?:numero|contato)\b"
        ),
        "none",
    ),
    # "I would appreciate it if you removed my number from your database"
    (
        _re(
            r"\b(?:remove|removed|removing|delete|deleted|deleting|take|took|taking|erase|erased|drop|dropped)\b"
            r"\s+(?:me|us|it|this(?:\s+\w+)?|the\s+number|(?:my|our)(?:\s+\w+){1,2})"
            r"\s+(?:from|off)\s+(?:of\s+)?(?:your|ur|the|this|ya|all\s+your)\s+(?:\w+\s+)?"
            r"(?:list|lists|database|databases|system|contacts|records|files|call\s+list)\b"
        ),
        "negation",
    ),
    # "take me of you're list" (off misspelt), "pls take him off", "he doesn't want these texts" (on someone's behalf)
    (
        _re(r"\btake\s+(?:me|us|him|her|them)\s+of\s+(?:you're|your|ur|the|this|that|ya)\s+(?:\w+\s+)?list\b"),
        "negation",
    ),
    (_re(r"\btake\s+(?:him|her|them)\s+off\b(?!\s+(?:the\s+)?(?:hook|schedule|call|route|job|shift))"), "negation"),
    (
        _re(
            r"\b(?:he|she|they)\s+(?:doesn't|doesnt|don't|dont|does\s+not|do\s+not)\s+(?:want|need)\s+"
            rf"(?:these|your|any|the|those|any\s+more\s+of\s+(?:these|your|the|those)|any\s+of\s+(?:these|your|the))\s+{_MESSAGES}\b"
        ),
        "none",
    ),
    # Polish "proszę usunąć mój numer", "nie piszcie"; Hindi in Latin letters "message mat karo"
    (_re(r"\busun\w*\s+(?:moj\s+|ten\s+)?(?:numer|number)|\bnie\s+pis(?:z|a)\w*|\bprzesta\w*\s+pisa\w*"), "none"),
    (
        _re(
            r"\b(?:message|msg|messages|text|sms|call)\s+(?:mat|na)\s+(?:karo|kijiye|karna|karein|karen|bhejo|bhejiye|bheje|bhejein|bhejen)\b"
        ),
        "none",
    ),
    # "I'd like to not receive these anymore", "I'd rather not get these"
    (
        _re(
            r"\b(?:like|want|prefer|wish|rather)\s+(?:to\s+)?not\s+(?:to\s+)?"
            r"(?:(?:receive|get)\s+(?:(?:any|these|those|your|the|more)\s+)?(?:(?:further|additional)\s+)?"
            rf"(?:{_MESSAGES}|these|them|those|anymore|any\s+more)"
            r"|be\s+(?:texted|contacted|messaged))\b"
        ),
        "none",
    ),
    # "I will be contacting my attorney if I receive another message from your company"
    (
        _re(
            rf"\b(?:{_THREAT_WORDS}|contact\w*\s+my\s+(?:attorney|lawyer))\b[^.!?]{{0,60}}\bif\s+(?:i|we)\s+"
            r"(?:receive|get|see)\s+(?:another|one\s+more|any\s*more|more|further)\b"
        ),
        "none",
    ),
    # "how do I make these messages stop", "please make them stop"
    (
        _re(rf"\bmake\s+(?:them|these|it|this|the\s+{_MESSAGES}|these\s+{_MESSAGES}|your\s+{_MESSAGES})\s+stop\b"),
        "negation",
    ),
    # "don't ever text it again", "never message this again"
    (
        _re(
            r"\b(?:don't|dont|do\s+not|never)\s+(?:ever\s+)?(?:text|txt|message|msg|contact|call)\s+(?:it|this|that)\s+"
            r"(?:again|anymore|any\s+more)\b"
        ),
        "anysubject",
    ),
    # "I'd appreciate being taken off of it", "I want to be removed"
    (_re(r"\b(?:be|being|get|getting)\s+(?:taken|removed|deleted|dropped|scratched)\s+(?:off|from|out)\b"), "negation"),
    # French "merci de ne plus m'envoyer de messages", Haitian Creole "sispann voye mesaj ban mwen"
    (_re(r"\bne\s+plus\s+(?:m'|me\s+|nous\s+)?(?:envoyer|ecrire|contacter|appeler|texter)\b"), "none"),
    (_re(r"\bsispann\s+(?:voye|ekri|rele|kontakte)\b|\bpa\s+voye\s+(?:mwen\s+|m\s+)?(?:mesaj|tex)"), "none"),
    # Tagalog "paki-remove po yung number ko", "huwag na po kayong mag-text", "wag nyo na ako itext ulit" (the verb's
    # "i-" prefix written with or without its hyphen: "i-text", "itext", "itxt", "i-message")
    (_re(r"\bpaki[\s-]?(?:remove|tanggal|alis|delete|stop)\w*\b"), "none"),
    (
        _re(
            r"\b(?:huwag|wag)\s+(?:na\s+)?(?:po\s+)?(?:nyo\s+|niyo\s+|kayo(?:ng)?\s+|mo\s+)?(?:na\s+)?(?:po\s+)?"
            r"(?:(?:akong|ako|kami|kaming|sa\s+akin)\s+)?(?:mag[\s-]?|i[\s-]?)?(?:text|txt|message|mensahe|contact)\w*\b"
        ),
        "none",
    ),
]
# The twenty-fifth outside set's misses: "别再给我发短信了", German "Bitte löschen Sie sie" (the number), a formal
# "please remove Ridgeline Electric from any future SMS campaigns", "whoever runs this list, I want OFF it",
# "please remove the shop number"
_MORE_PHRASES += [
    (_re("\u522b\u518d[^\u3002\uff01!.]{0,6}\u53d1"), "none"),
    (_re(r"\b(?:losch|entfern)\w*\s+sie\s+(?:sie|mich|uns|die\s+nummer|den\s+kontakt)\b"), "none"),
    # the twenty-sixth: Korean 수신거부 (refuse to receive), Vietnamese "xóa số này khỏi danh sách" (delete this number
    # from the list), Portuguese "tira meu número", Haitian Creole "retire nimewo mwen nan lis ou"
    (_re("\uc218\uc2e0\\s*\uac70\ubd80"), "none"),
    (
        _re(
            r"\bxoa\s+(?:so|ten|toi|sdt)\b|\bkhoi\s+danh\s+sach\b"
            r"|(?<!\bdung\s)(?<!\bđung\s)\bngung\s+(?:nhan\s+tin|gui|lien\s+lac)\b"
        ),
        "none",
    ),
    (
        _re(
            r"\b(?:tir|remov|apag|exclu|delet)\w*\s+(?:o\s+)?(?:meu|nosso|este|esse)\s+(?:numero|contato|telefone)\b"
            r"|\bparem\s+com\s+isso\b"
        ),
        "none",
    ),
    (
        _re(
            r"\b(?:retire|efase|wete)\s+(?:nimewo|nimero)\s+(?:mwen|nou|m)\b|\bretire\s+(?:mwen|m)\s+(?:nan|sou)\s+lis\b"
        ),
        "none",
    ),
    # the twenty-seventh: "this practice does not wish to be contacted by SMS", Hindi in Latin letters "mujhe ye
    # messages nahi chahiye, mera number hata do", French "retirer mon numéro", "je ne souhaite plus recevoir"
    (
        _re(
            r"\b(?:do|does|did)\s*(?:not|n't)\s+wish\s+to\s+be\s+(?:contacted|texted|messaged|called|solicited)\b"
            r"|\bno\s+longer\s+wish(?:es)?\s+to\s+be\s+(?:contacted|texted|messaged|called|solicited)\b"
        ),
        "subject",
    ),
    (
        _re(
            r"\bnumbe?r\s+hata\s*(?:do|dein|dijiye|de|dijie)\b|\b(?:messages?|msgs?|sms|texts?)\s+(?:nahi|nahin|mat)\s+"
            r"(?:chahiye|bhejo|bhejiye|bhejna|karo)\b"
        ),
        "none",
    ),
    (
        _re(
            r"\b(?:retir|supprim|effac|enlev)\w*\s+(?:mon|notre|ce)\s+numero\b"
            r"|\bne\s+(?:souhaite|souhaitons|veux|voulons)\s+plus\s+(?:recevoir|etre\s+contact)"
        ),
        "none",
    ),
    # the twenty-eighth: "take BOTH our numbers off"; Hebrew "נא להסיר אותי מהרשימה" (please remove me from the list),
    # "תפסיקו" (stop), "אל תשלחו" (do not send); Greek "σταματήστε να μου στέλνετε" (stop sending me), "διαγράψτε"
    # (delete); Ukrainian "видаліть мій номер" (delete my number), "не пишіть" (do not write), "припиніть" (stop),
    # Russian "удалите мой номер"; Armenian "չգրեք" / "մի գրեք" (do not write), "դադարեցրեք" (stop), "հեռացրեք"
    # (remove), "ջնջեք" (delete); Cantonese "唔好再send嘢嚟" (do not send again); Japanese "送らないで" (do not send),
    # "削除して" (delete), "配信解除" (unsubscribe)
    (
        _re(
            r"\btake\s+(?:both\s+)?(?:of\s+)?(?:this|my|the|our|their|his|her)\s+(?:\w+\s+)?(?:numbers|cells|phones|lines)"
            r"\s+off\b"
        ),
        "negation",
    ),
    (
        _re(
            "\\b(?:\u05dc\u05d4\u05e1\u05d9\u05e8|\u05d4\u05e1\u05d9\u05e8\u05d5|\u05ea\u05e1\u05d9\u05e8\u05d5|\u05ea\u05e1\u05d9\u05e8|\u05de\u05d4\u05e8\u05e9\u05d9\u05de\u05d4"
            "|\u05ea\u05e4\u05e1\u05d9\u05e7\u05d5|\u05ea\u05e4\u05e1\u05d9\u05e7|\u05d4\u05e1\u05e8)\\b|\u05d0\u05dc\\s+\u05ea\u05e9\u05dc\u05d7"
        ),
        "none",
    ),
    (
        _re(
            "\u03c3\u03c4\u03b1\u03bc\u03b1\u03c4\u03ae\u03c3\u03c4\u03b5|\u03c3\u03c4\u03b1\u03bc\u03ac\u03c4\u03b1|\u03bc\u03b7\u03bd?\\s+\u03bc\u03bf\u03c5\\s+\u03c3\u03c4\u03ad\u03bb\u03bd"
            "|\u03b4\u03b9\u03b1\u03b3\u03c1\u03ac\u03c8\u03c4\u03b5|\u03b1\u03c6\u03b1\u03b9\u03c1\u03ad\u03c3\u03c4\u03b5"
        ),
        "none",
    ),
    (
        _re(
            "\u0432\u0438\u0434\u0430\u043b\u0456\u0442\u044c|\u043d\u0435\\s+\u043f\u0438\u0448\u0456\u0442\u044c|\u043f\u0440\u0438\u043f\u0438\u043d\u0456\u0442\u044c|\u0432\u0456\u0434\u043f\u0438\u0448\u0456\u0442\u044c"
            "|\u0443\u0434\u0430\u043b\u0438\u0442\u0435\\s+\u043c\u043e\u0439\\s+\u043d\u043e\u043c\u0435\u0440"
        ),
        "none",
    ),
    (
        _re(
            "\u0579\u0563\u0580\u0565\u0584|\u0574\u056b\\s+\u0563\u0580\u0565\u0584|\u0564\u0561\u0564\u0561\u0580\u0565\u0581\u0580\u0565\u0584|\u0570\u0565\u057c\u0561\u0581\u0580\u0565\u0584|\u057b\u0576\u057b\u0565\u0584"
        ),
        "none",
    ),
    (
        _re(
            "\u5514\u597d\u518d[^\u3002\uff01!.]{0,8}(?:send|\u767c|\u53d1|text|\u50b3|\u4f20)|\u5514\u597d(?:send|\u767c|\u53d1|text)"
        ),
        "none",
    ),
    (_re("\u9001\u3089\u306a\u3044\u3067|\u524a\u9664\u3057\u3066|\u914d\u4fe1\u89e3\u9664"), "none"),
    # the twenty-ninth: Urdu "مجھے مزید میسج نہ کریں" (do not message me), "نمبر اپنی لسٹ سے نکال دیں" (take the
    # number off your list); Turkish "mesaj atmayı bırakın" (stop texting), "numaramı listenizden silin" (delete my
    # number from your list); Spanish "no nos envíen más publicidad"
    (_re(r"میسج نہ کر|رابطہ نہ کر|لسٹ سے نکال|فہرست سے نکال|نمبر (?:\S+ ){0,3}(?:نکال|ہٹا|ڈیلیٹ)"), "none"),
    (
        _re(
            r"\bmesaj (?:atmay[ıi]|göndermeyi) b[ıi]rak|\bmesaj (?:atmay[ıi]n|göndermeyin)\b"
            r"|\blisten(?:iz)?den (?:sil|ç[ıi]kar)|\bnumaram[ıi] (?:\w+ ){0,2}(?:sil|ç[ıi]kar)"
        ),
        "none",
    ),
    (
        _re(
            r"\bno\s+(?:me|nos)\s+(?:envien|envie|manden|mande|escriban|contacten)\s+(?:mas|publicidad|mensajes"
            r"|promociones|ofertas)\b"
        ),
        "none",
    ),
    # the thirtieth: Russian "уберите мой номер" (take my number away); "thanks in advance for not texting again";
    # "I'd rather not get business stuff on it"; "what do I have to do to never hear from apex capital again";
    # "I'd appreciate it if I didn't get any more of these"; "I thought I opted out in January??"; "kiten mi numero";
    # "I do not want it used for marketing of any kind"
    (_re(r"\bуберите\s+(?:мой|наш|этот)\s+номер|\bудалите\s+(?:меня|нас)\b"), "none"),
    (
        _re(
            r"\bthanks?\s+(?:you\s+)?(?:in\s+advance\s+)?for\s+not\s+(?:texting|contacting|messaging|calling|sending)\b"
        ),
        "none",
    ),
    (
        _re(
            r"\b(?:i'd|i\s+would|id|we'd|we\s+would)\s+rather\s+(?:not\s+(?:(?:get|receive)\s+(?:any|these|those|them"
            rf"|this|more|business|marketing|sales|promotional|such|{_MESSAGES})\b|be\s+(?:texted|contacted|messaged))"
            r"|you\s+(?:didn't|did\s+not|not)\s+(?:text|contact|message))\b"
        ),
        "negation",
    ),
    (_re(r"\bnever\s+hear(?:ing)?\s+from\s+(?:[\w'&.-]+\s+){1,4}?again\b"), "negation"),
    (
        _re(
            r"\bappreciate\s+it\s+if\s+(?:i|we)\s+(?:didn't|did\s+not|don't|do\s+not|no\s+longer|stopped)\s+"
            r"(?:get|got|getting|receive|receiving)\b"
        ),
        "negation",
    ),
    (
        _re(
            r"\b(?:i|we)\s+(?:thought\s+(?:i|we)\s+|already\s+|have\s+already\s+|already\s+have\s+)?opted\s+out\b"
            r"(?!\s+of\s+(?!(?:these|this|your|ur|the\s+(?:texts?|messages?|list)|texts?|messages?|it)\b)\w)"
        ),
        "negation",
    ),
    (_re(r"\bkit(?:en|e|a)(?:me)?\s+(?:mi\s+numero|me\s+de|de?\s+(?:su|tu|la)\s+lista)\b"), "none"),
    (
        _re(
            r"\b(?:do\s+not|don't|dont)\s+want\s+(?:it|this\s+number|my\s+number|this\s+phone|this\s+line)\s+used\s+for\s+"
            r"(?:marketing|sales|solicitations?|advertising|promotions?)\b"
        ),
        "negation",
    ),
    # the thirty-first: "Texting this number again will be considered harassment"; Portuguese "me tira dessa lista"
    (
        _re(
            rf"\b{_OUTGOING}\s+(?:me|us|this\s+(?:number|phone|line|cell))\s+again\s+(?:will|would|is\s+going\s+to)\s+be\b"
        ),
        "none",
    ),
    (_re(r"\b(?:me|nos)\s+tir(?:a|e|em)\s+(?:dessa|desta|da|de\s+sua|da\s+sua)\s+lista\b"), "none"),
    # the thirty-third: Spanglish "ya deja de estar texteando this number"; "remove the number ending in 4471"
    (
        _re(
            r"\b(?:deja|dejen|deje|dejes)\s+de\s+(?:estar\s+)?(?:text|mand|escrib|envi|molest|llam)\w*"
            r"(?!\s+(?:a\s+)?(?:mi|tu|su)\s+(?:esposa|esposo|mama|papa|hijo|hija|amigo|amiga|hermano|hermana|novio|novia)\b)"
        ),
        "none",
    ),
    (
        _re(
            r"\b(?:remove|delete|drop|take\s+off)\s+(?:the|this|our|my)\s+(?:number|cell|phone|line)\s+(?:ending|that\s+ends)\s+in\b"
        ),
        "negation",
    ),
    # the thirty-fifth: Polish "proszę nie wysyłać mi więcej wiadomości", Somali "lambarkan ka saar liiskiinna" (take
    # this number off your list), Samoan "aua le toe fa'afeso'ota'i mai" (do not contact again), "don't text him or me
    # again"
    (_re(r"\bnie\s+(?:wysy[lł]a\w*|pisa\w*|dzwoni\w*)\b|\bwi[eę]cej\s+(?:wiadomo|sms|smsow)"), "none"),
    (_re(r"\bka\s+saar\b|\bha\s+(?:ii\s+)?soo\s+dirin\b"), "none"),
    (_re(r"\baua\s+(?:le\s+)?toe\b"), "none"),
    (
        _re(
            r"\b(?:don't|do\s+not|dont|never)\s+(?:text|txt|message|msg|contact|call)\s+(?:him|her|them|us|me)\s+(?:or|and|&)\s+"
            r"(?:him|her|them|us|me)\s+(?:again|anymore|any\s+more)\b"
        ),
        "none",
    ),
    # "I'd appreciate not getting these anymore"
    (_re(r"\bappreciate\s+not\s+(?:getting|receiving|being\s+(?:texted|contacted|messaged))\b"), "negation"),
    (
        _re(
            r"\bremove\s+(?:[\w'&.,-]+\s+){1,6}from\s+(?:any|all|your|ur|the)\s+(?:future\s+|further\s+)?"
            r"(?:(?:sms|text|texting|marketing|mailing|contact|call(?:ing)?|promotional)\s+)?"
            r"(?:campaigns?|lists?|texts?|messages?|mailings?|outreach|databases?)\b"
            # not "remove the delivery fee from your list price", "remove the old banner from your list of sponsors"
            rf"{_NOT_A_LIST_OF_THINGS}"
        ),
        "negation",
    ),
    (
        _re(
            r"\blist\b[^\n]{0,80}?\bwant\s+(?:to\s+(?:be|get)\s+)?off\b(?!\s+(?:work|early|today|tomorrow|on|at)\b)"
            r"|\bwant\s+(?:to\s+(?:be|get)\s+)?off\s+(?:of\s+)?(?:this|that|the|your|ur|ya'?ll'?s?)\s+(?:\w+\s+)?list\b"
        ),
        "negation",
    ),
    (
        _re(
            r"\b(?:remove|delete|erase|drop)\s+(?:the|this|our)\s+(?:shop|store|office|business|work|company|main|house"
            r"|home|salon|clinic|restaurant|church|front\s+desk)\s+(?:number|line|phone|cell)\b"
            r"(?!\s+(?:and|&)\s+(?:add|use|put|text))"
        ),
        "negation",
    ),
    # the thirty-eighth: Cajun and Québécois French "ôte mon numéro", "arrête de m'envoyer ces textos", "lâche-moi
    # tranquille avec tes messages"; Spanish "ya no le manden mensajes al número"; Levantine and Egyptian Arabic in
    # Latin letters "wa2if el rasayel" (stop the messages), "mat2b3atsh rasayel" (do not send messages); Arabic
    # "حذف رقمي" (delete my number), "عدم التواصل" (no contact)
    (
        _re(
            r"\bot(?:e|ez|er)\s+(?:mon|notre|ce|le)\s+(?:numero|nom|contact)\b"
            # Cajun "Arrête donc de m'envoyer tes textos" ("donc", "ça", "tout de suite" between)
            # Cajun "Arrête-toi d'm'envoyer des textes, cher" (the two-hundred-and-third)
            r"|\barret(?:e|es|ez|er)(?:[\s-]+(?:toi|vous))?\s+(?:donc\s+|ca\s+|tout\s+de\s+suite\s+|svp\s+)?(?:de\s+|d')"
            r"(?:m'|me\s+|nous\s+)?"
            r"(?:envoy|ecri|text|contact|appel|achal|harcel|gosser)\w*"
            r"|\blache[sz]?[\s-]+(?:moi|nous)[\s-]+(?:tranquilles?|la\s+paix)\s+avec\s+(?:tes|vos|ces|tes\s+maudits)\s+"
            r"(?:messages|textos|texts|sms)\b"
        ),
        "none",
    ),
    (
        _re(
            r"\bno\s+(?:me|le|les|nos)\s+(?:manden|mande|mandes|envien|envie|envies|escriban|escriba|textee?n?)\s+"
            r"(?:mas\s+)?(?:mensajes|textos|msjs?|sms|mensajitos)\b"
        ),
        "none",
    ),
    (
        _re(
            r"\bwa2(?:if|ef|fo|afo|if[iu])\s+(?:el\s+|al\s+|il\s+)?(?:rasayel|rasa2el|rasail|msgs?|messages|masejat)\b"
            r"|\bma?t?2?(?:b3a?t|ba3a?t|ib3a?t)(?:sh|ish|oush|ush|li(?:sh|ish))\s+(?:\w+\s+)?(?:rasayel|rasa2el|rasail|msgs?|messages)\b"
            # the same "don't send me" with no object, said with "again", "enough" or at the end ("khalas ya3ni
            # matb3atlish tani"); with an object ("matb3atlish el details") it is read as above
            r"|\bma?t?2?(?:b3at|b3t|ba3at|ba3t|ib3at)(?:li|lee|ly|ilna|lna)(?:sh|ish|esh)\b"
            r"(?=\s*(?:$|[.!,;]|(?:tani|tany|taniya|ba2a|3ad|abadan|khalas|plz|pls|please|ya\s+\w+)\b))"
            r"|\b(?:balash|bala4|kfaya|kefaya)\s+(?:rasayel|rasa2el|rasail|msgs|messages)\b"
            r"|\b(?:shil|sheel|imsa7|emsa7|2msa7|ims7|i7zif|e7zef|2e7zef)\s+(?:raqami|ra2ami|rakmi|nimrti|nemrety|ra2mi|el\s+ra2am)\b"
        ),
        "none",
    ),
    (
        _re(
            "(?:\u062d\u0630\u0641|\u0627\u062d\u0630\u0641|\u0627\u0645\u0633\u062d|\u0634\u064a\u0644)\\s+\u0631\u0642\u0645\u064a"
            "|\u0639\u062f\u0645\\s+(?:\u0627\u0644\u062a\u0648\u0627\u0635\u0644|\u0627\u0644\u0627\u062a\u0635\u0627\u0644)"
            "|\u0644\u0627\\s+(?:\u062a\u062a\u0648\u0627\u0635\u0644|\u062a\u062a\u0635\u0644)"
        ),
        "none",
    ),
    # the thirty-ninth: "I would appreciate it if this was the last one"; Bengali "আর মেসেজ দিবেন না" (don't send more
    # messages), "লিস্ট থেকে কেটে দেন" (cut it from your list), in Latin letters "text korben na", "number ta delete
    # koren"; Yiddish "הערט אויף שיקן" (stop sending); Polish "wypisz mnie z tej listy" (sign me off this list)
    (
        _re(
            r"\b(?:appreciate\s+it\s+if|be\s+(?:great|nice|good|grateful|thankful)\s+if|please\s+(?:let|make))\s+"
            r"(?:this|that|it)\s+(?:was|were|is|be|'s)\s+(?:the\s+)?(?:very\s+)?last\s+(?:one|text|message)\b"
            r"(?!\s+(?:i|we)\s+(?:have|need|get)\s+to\b)"
        ),
        "negation",
    ),
    (
        _re(
            "(?:\u09ae\u09c7\u09b8\u09c7\u099c|\u098f\u09b8\u098f\u09ae\u098f\u09b8|\u099f\u09c7\u0995\u09cd\u09b8\u099f)"
            "\\s+(?:\u09a6\u09bf\u09ac\u09c7\u09a8|\u09a6\u09c7\u09ac\u09c7\u09a8|\u09aa\u09be\u09a0\u09be\u09ac\u09c7\u09a8"
            "|\u0995\u09b0\u09ac\u09c7\u09a8)\\s+\u09a8\u09be"
            "|(?:\u09b2\u09bf\u09b8\u09cd\u099f|\u09a4\u09be\u09b2\u09bf\u0995\u09be)\\s+\u09a5\u09c7\u0995\u09c7"
            "\\s+(?:\u0995\u09c7\u099f\u09c7|\u09ac\u09be\u09a6|\u09b8\u09b0\u09bf\u09af\u09bc\u09c7|\u09ae\u09c1\u099b\u09c7)"
        ),
        "none",
    ),
    (
        _re(
            r"\b(?:text|msg|message|sms|call)\s+(?:korben|korbe|koro|diben|deben|diyo|dio)\s+na\b"
            r"|\bnumber\s*(?:ta|ti|tা)?\s+(?:delete|kete|remove|baad|bad)\s+(?:koren|korun|koro|kore\s+den|den|diben|dao)\b"
        ),
        "none",
    ),
    (
        _re(
            "\u05d4\u05e2\u05e8(?:\u05d8)?\\s+\u05d0\u05d5\u05d9\u05e3|\u05e0\u05d9\u05e9\u05d8\\s+\u05e9\u05d9\u05e7\u05df"
        ),
        "none",
    ),
    (_re(r"\bwypisz\w*\s+(?:mnie|nas)\b|\busun\w*\s+(?:mnie|nas)\s+z\b"), "none"),
    # the fortieth: "Who sold you my number? ... Delete it and whatever else you've got on me"; Russian and Ukrainian
    # in Latin letters "udalite moy nomer", "ne pyshit meni"; Marshallese "jab bar text" (do not text again); Tongan
    # "ta'ofi ho'o ngaahi text" (stop your texts); Japanese "ご連絡はご遠慮ください" (please refrain from contacting);
    # German "keine weiteren Nachrichten an diese Nummer"; "pls no mas"
    (
        _re(
            r"\b(?:my|our|this)\s+(?:number|info|information|data|cell|details|contact)\b[^\n]{0,80}?"
            r"\b(?:delete|erase|remove|wipe|scrub|purge)\s+(?:it|them)\b(?!\s+(?:from\s+)?(?:the|my|our)\s+(?:form|file|invoice))"
            r"|\b(?:delete|erase|remove|wipe|scrub|purge)\s+(?:it\s+(?:and|&)\s+)?(?:whatever|everything|anything|all)\s+"
            r"(?:else\s+)?(?:you'?ve|you\s+have|you|u|ya)\s+(?:got|have|has)\s+on\s+(?:me|us)\b"
        ),
        "negation",
    ),
    (
        _re(
            r"\budali\w*\s+(?:moy|moi|moj|nash|etot|mij|miy)\s+nom(?:er|ber)\b|\bne\s+py?sh\w*\s+(?:meni|mne|nam)\b"
            r"|\bjab\s+(?:bar\s+)?(?:text|tekt|jilkinji|kajjitok)\b|\bta'?ofi\s+(?:ho'?o|hoo|e)\b"
            r"|\bkeine\s+weiteren\s+(?:nachrichten|sms|textnachrichten|mitteilungen)\b"
            r"|^\W*(?:pls|plz|please)\s+no\s+(?:mas|more)\W*$"
        ),
        "none",
    ),
    (_re("(?:\u9023\u7d61|\u30e1\u30c3\u30bb\u30fc\u30b8|\u914d\u4fe1)[^\u3002]{0,8}\u3054\u9060\u616e"), "none"),
    # the forty-first: the Midwest's polite forms ("if you could just not send them anymore that'd be super", "we really
    # don't want these", "we'd prefer not to be on any lists", "can you not?", "how do I get these to quit coming"),
    # "Take. Me. Off.", "please top texting"; Oromo "hin ergiinaa" (do not send), "lakkoofsa koo ... haqaa" (delete my
    # number); Hmong "tsis txhob xa" (do not send); Burmese "မပို့ပါနဲ့" (do not send); Albanian "mos më dërgoni" (do not
    # send me), "hiqeni numrin" (remove the number); Somali "iga saar" (take me off); Ukrainian "не надсилайте" (do not
    # send); Levantine Arabizi "shilni men el list", "ma badde rasayel", "ma tb3atli msgs"; Egyptian "شيلوا رقمي";
    # Spanish "él no quiere estos mensajes"
    (
        _re(
            r"\b(?:you|u|y'all|ya)\s+(?:could|would|can)\s+(?:please\s+|just\s+|kindly\s+|maybe\s+)*not\s+"
            r"(?:send|text|message|contact|msg)\w*\s+(?:them|these|those|me|us|any|anymore|any\s+more|this\s+number)\b"
            r"|\bhow\s+(?:do|can)\s+i\s+(?:get|make)\s+(?:these|them|this|it|you|the\s+texts)\s+(?:to\s+)?"
            r"(?:stop|quit|go\s+away)\b"
            r"|^\W*(?:can|could|would)\s+(?:you|u|ya|y'all)\s+(?:just\s+)?not\W*$"
            r"|\btake\s*\.\s*me\s*\.\s*off\b|\b(?:please|pls|plz)\s+top\s+(?:texting|messaging|sending|contacting)\b"
        ),
        "none",
    ),
    (
        _re(
            # "how would I opt out later if I don't want these anymore?": a condition, not a request
            r"(?<!\bif\si\s)(?<!\bif\swe\s)(?<!\bwhen\si\s)"
            r"\b(?:don't|dont|do\s+not)\s+(?:really\s+|even\s+)?want\s+(?:these|them|those|any\s+of\s+(?:these|this|them))"
            r"(?=\s*(?:[.!?,;]|$|any\s*more|no\s+more|at\s+all))"
            r"|\b(?:prefer|rather|like)\s+not\s+to\s+be\s+on\s+(?:any|your|ur|the|these|those)\s+(?:\w+\s+)?lists?\b"
        ),
        "subject",
    ),
    (
        _re(
            r"\bhin\s+ergi\w*|\blakkoofsa\s+koo\b[^.!?]{0,40}\bhaq\w*|\btsis\s+txhob\s+xa\b|\bmos\s+(?:me\s+)?"
            r"(?:dergo|shkru|kontakto|telefono)\w*|\bhiq\w*\s+(?:numrin|nr)\b|\biga\s+saar\b"
            r"|\bshilni\s+(?:men|min|mn)\b|\bma\s+badd?(?:e|i|ee)\s+(?:\w+\s+){0,2}rasayel\b"
            r"|\bma\s+t?(?:b3a?t|ba3a?t)(?:li|lee|ly|ilna)\s+(?:msgs?|rasayel|rasa2el|messages)\b"
            r"|\bno\s+(?:quiere|quieren|queremos|quiero)\s+(?:estos|esos|los|mas|sus|tus)\s+(?:mensajes|textos)\b"
        ),
        "none",
    ),
    (
        _re(
            "\u1019\u1015\u102d\u102f\u1037(?:\u1015\u102b)?\u1014\u1032\u1037|\u043d\u0435\\s+\u043d\u0430\u0434\u0441\u0438\u043b\u0430\u0439"
            "|\u0634\u064a\u0644\u0648\u0627?\\s+\u0631\u0642\u0645\u064a|\u0645\u0634\\s+\u0639\u0627\u064a\u0632\\s+\u0631\u0633\u0627\u064a\u0644"
        ),
        "none",
    ),
    # the forty-second: Jamaican Patois "stop sen mi dem ya message", "mi nuh want it"; Haitian Creole "pa voye m anyen
    # ankò" (do not send me anything more); "Removing me shouldn't be this hard"; "take me of yo list"
    (
        _re(
            r"\bstop\s+sen(?:d|din)?\s+mi\b|\bmi\s+nuh\s+(?:want|waan)\s+(?:it|dem|dis|no\s+more)\b"
            r"|\bpa\s+voye\s+(?:mwen|m)\s+(?:anyen|okenn|plis)\b"
            r"|\bremoving\s+(?:me|us|my\s+number)\s+(?:shouldn't|should\s+not|can't|cannot|isn't|is\s+not)\s+be\s+(?:this|that|so)\s+"
            r"(?:hard|difficult|complicated)\b|\btake\s+(?:me|us)\s+(?:of|off)\s+(?:yo|yo'|ya|yall'?s|y'all's)\s+(?:\w+\s+)?list\b"
        ),
        "none",
    ),
    # the forty-third: Armenian "չուղարկեք" (do not send), in Latin letters "mi greq", "chgrek"; Farsi "پیام ندید" (do
    # not send messages), in Latin letters "payam nadid"; traditional Chinese "請勿再傳" (please do not send again);
    # Khmer "កុំផ្ញើ" (do not send); "quit wasting ur texts on me"
    (
        _re(
            r"\b(?:mi|chi)\s+grek?q?\b|\bchgre(?:k|q)\b|\bpayam\s+(?:nadid|nadin|nade|nafrestid|nafrestin|nafrest)\b"
            r"|\b(?:quit|stop)\s+wasting\s+(?:ur|your|you're|yall'?s|y'all's)\s+(?:texts?|messages?|msgs?)\s+on\s+(?:me|us)\b"
        ),
        "none",
    ),
    # the forty-fifth: "I'm gonna need y'all to not text me anymore", "I'd sure like you to lose it"; Swahili "sitaki
    # tena ujumbe huu" (I no longer want these messages), "niondoeni kwenye orodha" (remove me from the list),
    # "acheni kunitumia" (stop sending me); Kinyarwanda "ntimukongere kunyoherereza" (do not send me again); Nepali
    # "म्यासेज नपठाउनुहोस्" (do not send messages), in Latin letters "message napathaunus"; Pashto "مه رالیږئ" (do not
    # send); Dari in Latin letters "payam naferestin"
    (
        _re(
            r"\bneed\s+(?:y'all|yall|you|u|you\s+guys|ya)\s+to\s+(?:not|stop)\s+(?:text|message|msg|contact|call)\w*\b"
            r"|\blike\s+(?:you|y'all|yall|u)\s+to\s+lose\s+(?:it|this\s+number|my\s+number|our\s+number)\b"
            r"|\bsitaki\s+(?:tena\s+)?(?:ujumbe|meseji|sms|jumbe)\b|\bniondoe\w*\b|\bache(?:ni)?\s+kunitumia\b"
            r"|\bntimu(?:kongere|ko|n)\w*\b|\bnapath\w*\b|\bpayam\s+naferest\w*\b"
        ),
        "none",
    ),
    # the forty-fourth: Greeklish "mhn mou ksanasteileis" (do not send me again); Cape Verdean Kriolu "ka bu manda-m mas
    # mensajen" (do not send me more messages); Khmer "ឈប់ផ្ញើ" (stop sending); Italian "toglietemi dalla vostra
    # lista", "non voglio più messaggi"; Portuguese "deixe de me mandar mensagens"; Nepali in Latin letters "message
    # pathauna banda garnus" (stop sending messages)
    (
        _re(
            r"\bmh?n\s+(?:mou\s+|mas\s+)?(?:ksana)?(?:steil|stel|grafe|pairn)\w*|\bksanasteil\w*"
            r"|\bka\s+bu\s+(?:manda|mand|skrebe|liga)\w*|\btoglie\w*mi\b|\bdalla\s+vostra\s+lista\b"
            r"|\bnon\s+voglio\s+piu\s+(?:messaggi|sms|messagi)\b|\bdeix(?:e|em|a)\s+de\s+(?:me\s+)?(?:mandar|enviar)\b"
            r"|\bpathauna\s+banda\b|\bbanda\s+garnus\b"
        ),
        "none",
    ),
    # the forty-sixth: privacy-law deletion requests ("Under the Virginia Consumer Data Protection Act I am requesting
    # deletion of all personal data you hold on me", "delete any info you have on me"), "u guys r spam", "Remove from
    # distribution."; Nigerian Pidgin "stop to dey text me", "comot my number from una list"; Tamil "unga list la
    # irundhu eduthudunga", "அனுப்ப வேண்டாம்" (do not send); Telugu "pampakandi" (do not send), "delete cheyyandi",
    # "పంపడం ఆపండి" (stop sending); Amharic "atlakulign" (do not send me); Tigrinya "ኣይትስደዱ" (do not send), "kab
    # list'kum serzuwo" (delete from your list); Yoruba "ẹ má fi ọ̀rọ̀ ránṣẹ́" (do not send messages), "yọ number mi
    # kúrò" (remove my number); Twi "mfa nkrasɛm bio mma me" (send me no more messages), "yi me nɔma firi wo list"
    (
        _re(
            r"\b(?:request(?:ing)?|demand(?:ing)?|ask(?:ing)?\s+for)\s+(?:the\s+)?(?:immediate\s+)?deletion\s+of\s+"
            r"(?:all\s+|any\s+)?(?:of\s+)?(?:my\s+|our\s+|the\s+)?(?:personal\s+)?(?:data|information|info|records)\b"
            # "Please delete all of my information from your database": the writer's own, from what we keep
            r"|\b(?:delete|erase|purge|remove|wipe)\s+(?:all|any|every\s+bit)\s+of\s+(?:my|our)\s+(?:personal\s+|contact\s+)?"
            r"(?:info|information|data|records|details)\s+(?:from|off|out\s+of)\s+(?:your|ur|the|y'all's)\s+(?:\w+\s+)?"
            r"(?:database|system|records|files|list|crm|servers?)\b"
            r"|\b(?:delete|erase|purge)\s+(?:any|all)\s+(?:\w+\s+)?(?:info|information|data|records)\s+"
            r"(?:you(?:'ve|\s+have)?\s+|y'all(?:\s+have)?\s+)?(?:have|hold|keep|got|collected|gathered|stored|obtained)\s+(?:on|about)\s+"
            r"(?:me|us)\b"
            r"|\b(?:you|u)\s+guys\s+(?:are|r)\s+(?:just\s+)?spam\b"
            r"|^\W*(?:please\s+|pls\s+|kindly\s+)?remove\s+(?:me\s+|us\s+|this\s+number\s+)?from\s+(?:the\s+|your\s+)?"
            r"distribution(?:\s+list)?\W*$"
            r"|\bstop\s+to\s+dey\s+(?:text|send|message|call|disturb)\w*|\bcomot\s+(?:my|our|dis|this)\s+(?:number|name)\b"
            r"|\bunga\s+list\s+la\s+irundhu\b|\bpampakandi\b|\bdelete\s+cheyyandi\b|\batlakul\w*|\bserzu\w*\b"
            r"|\bma\s+fi\s+oro\s+ranse\b|\byo\s+number\s+mi\s+kuro\b|\bkuro\s+ninu\s+list\b"
            r"|\bmfa\s+nkras\w*\s+bio\b|\byi\s+me\s+n\w{1,2}ma\s+firi\b"
            # the seventy-fourth: Yoruba "ẹ má ṣe fi ọ̀rọ̀ ránṣẹ́" (do not send messages, "ṣe" said), "ẹ dákẹ́ fífi ọ̀rọ̀
            # ránṣẹ́" (stop sending messages), "yọ nọ́mbà mi kúrò" (remove my number); Twi "gyae nkrasɛm a wosoma me"
            # (stop the messages you send me), "gyae me nkrasɛm soma"
            r"|\bma\s+se\s+fi\s+oro\s+ranse\b|\b(?:dake|dawo)\s+(?:fifi|fi)\s+oro\s+ranse\b|\byo\s+nomba\s+mi\s+kuro\b"
            r"|\bgyae\s+(?:me\s+)?nkras\w*"
        ),
        "none",
    ),
    # the forty-seventh: "Please don't send anything else here", "Top sending me these", "Actually don't. Ever.",
    # "whatever list it's on, get it off", "make it end", "just let us be", "asked you guys in January to not contact
    # me", "forget you ever had this number", "quit hitting up his phone", "just not send them to me anymore",
    # "here's your reply: never again", "if this was the last one. Like, ever.", "I want off it"; Spanish "ya no le
    # manden nada a este número"
    (
        _re(
            r"\b(?:don't|dont|do\s+not|never)\s+send\s+(?:anything|nothing|nothin'?|anythin'?|any\s+thing)\s+(?:else\s+)?"
            r"(?:here|to\s+this\s+(?:number|phone|line)|again|anymore|any\s+more|ever\s+again)\b"
            r"|^\W*top\s+(?:sending|texting|messaging)\s+(?:me|us)\b"
            r"|\b(?:don't|dont|do\s+not)[.!]+\s*ever[.!]*\s*$"
            r"|\blist\b[^\n]{0,60}\bget\s+(?:it|me|us|this\s+number|my\s+number)\s+off\b"
            r"|\bmake\s+(?:it|this|them|these)\s+(?:end|go\s+away)\b(?!\s+of\b)"
            r"|\b(?:just\s+)?let\s+(?:us|me)\s+be\s*(?:$|[.!]|,?\s+(?:please|pls|thanks|thank\s+you))"
            r"|\b(?:asked|told)\s+(?:you|u|y'all|you\s+guys|you\s+people)\s+(?:\w+\s+){0,4}?to\s+not\s+(?:contact|text|message|"
            r"msg|call|send)\w*\b"
            r"|\bforget\s+(?:you\s+)?(?:ever\s+)?(?:had|have|got)\s+(?:this|my|our)\s+number\b"
            r"|\b(?:stop|quit)\s+hitting\s+(?:up\s+)?(?:his|her|my|our|their|this)\s+(?:phone|line|cell|number|#)\b"
            r"|\bnot\s+send\s+(?:them|these|those|it|any)\s+(?:to\s+(?:me|us)\s+)?(?:anymore|any\s+more|again)\b"
            r"|\b(?:here'?s|here\s+is)\s+(?:your|my)\s+(?:reply|answer)\W+never\s+again\b"
            r"|\bthis\s+(?:was|were|is)\s+the\s+(?:very\s+)?last\s+one\W+(?:like\W+)?ever\b"
            r"|\bno\s+(?:me|le|les|nos)\s+(?:manden|mande|mandes|envien|envie|envies)\s+nada\b"
        ),
        "none",
    ),
    (
        _re(
            r"\bi\s+want\s+off\s+(?:of\s+)?(?:it|this|that)\b(?!\s+(?:island|road|highway|exit|freeway|boat|ship|plane))"
        ),
        "negation",
    ),
    # the forty-eighth: "Done with these texts. Don't send another.", "the owner doesn't want these", "don't ever text
    # here again", "Please just leave him be", "Leave my mother alone", "Please don't send these anymore", "please let
    # this number go", "remove him from your contacts"
    (
        _re(
            r"\b(?:don't|dont|do\s+not)\s+send\s+(?:another|one\s+more)\s*(?:[.!]|$|one\b|text|message)"
            r"|\bdone\s+with\s+(?:these|your|the|all\s+these|all\s+the|all\s+your)\s+(?:texts|messages|msgs)\b"
            r"|\b(?:don't|dont|do\s+not|never)\s+ever\s+(?:text|message|msg|contact)\s+(?:here|this\s+number|me|us)\b"
            r"|\b(?:don't|dont|do\s+not)\s+send\s+(?:these|them|those|this)\s+(?:anymore|any\s+more|again|here)\b"
            r"|\blet\s+(?:this|my|the|our)\s+number\s+go\b"
        ),
        "none",
    ),
    (
        _re(
            r"\b(?:owner|boss|he|she|they|doctor|dr|manager)\s+(?:doesn't|doesnt|does\s+not|don't|dont|do\s+not)\s+"
            r"(?:want|need)\s+(?:these|them|those)\b(?=\s*(?:[.!?,;]|$|any\s*more|anymore))"
            r"|\bleave\s+(?:him|her|them|my\s+(?:mom|mother|dad|father|wife|husband|grandma|grandpa|grandmother|grandfather|"
            r"parents|family))\s+(?:be|alone)\b"
            r"|\b(?:remove|delete|take)\s+(?:him|her|them)\s+(?:off|from)\s+(?:of\s+)?(?:your|ur|the|all\s+your)\s+(?:\w+\s+)?"
            r"(?:list|lists|contacts|database|system|records)\b"
        ),
        "negation",
    ),
    # the forty-ninth: "My apo said to tell you don't text me anymore"; Hawaiian Pidgin "she no like dis kine texts",
    # "no text me no moa"; Ilocano "ikkatenyo ti numerok" (remove my number), "saanak a kayat" (I do not want);
    # Chamorro "na'suha i numeru-hu gi lista-mu" (remove my number from your list), "cha'-mu text yo'" (do not text
    # me); Amharic "ቁጥሬን ከዝርዝራችሁ አውጡልኝ" (take my number off your list)
    (
        _re(
            r"\b(?:tell|telling|told)\s+(?:you|u|y'all|yall)\s+(?:to\s+)?(?:don't|dont|do\s+not|not\s+to)\s+"
            r"(?:text|message|msg|contact|send)\w*\b"
            r"|\bno\s+like\s+(?:dis|dese|these|this|da)\s+(?:kine\s+)?(?:texts|messages|msgs)\b"
            r"|\bno\s+text\s+(?:me|us)\s+(?:no\s+moa|no\s+more|again|anymore)\b"
            r"|\bikkaten\w*\s+ti\s+numero\w*|\bsaanak\s+a\s+kayat\b"
            r"|\bna'?suha\s+i\s+numeru\b|\bcha'?-?mu\s+(?:text|tekst|mannaitai)\b"
        ),
        "none",
    ),
    (
        _re("\u1241\u1325\u122c\u1295[^\u1362]{0,20}\u12a0\u12cd\u1321|\u12a8\u12dd\u122d\u12dd\u122b\u127d\u1201"),
        "none",
    ),
    (
        _re(
            "\u0b85\u0ba9\u0bc1\u0baa\u0bcd\u0baa\\s+\u0bb5\u0bc7\u0ba3\u0bcd\u0b9f\u0bbe\u0bae\u0bcd"
            "|\u0c2a\u0c02\u0c2a\u0c21\u0c02\\s+\u0c06\u0c2a\u0c02\u0c21\u0c3f|\u0c2a\u0c02\u0c2a\u0c15\u0c02\u0c21\u0c3f"
            "|\u12a3\u12ed\u1275\u1235\u12f0\u12f1"
        ),
        "none",
    ),
    (_re("\u1788\u1794\u17cb\u1795\u17d2\u1789\u17be"), "none"),
    (_re("\u0928\u092a\u0920\u093e\u0909|\u0645\u0647\\s+\u0631\u0627\u0644\u06cc\u0696"), "none"),
    (
        _re(
            "\u0579\u0578\u0582\u0572\u0561\u0580\u056f|\u067e\u06cc\u0627\u0645\\s+(?:\u0646\u062f\u06cc\u062f|\u0646\u062f\u0647\u06cc\u062f|\u0646\u062f\u0647)"
            "|\u8acb\u52ff\u518d|\u8bf7\u52ff\u518d|\u1780\u17bb\u17c6\u1795\u17d2\u1789\u17be"
        ),
        "none",
    ),
    # the fiftieth: voice-to-text "Stop spending me these messages"; Spanglish "stop mandando these texts"; "please do
    # not send more" closing a story; Korean "번호 삭제해 주세요" (please delete the number), "이런 문자
    # 원하지 않으세요" (does not want these texts), "문자 보내지 마세요" (do not send texts), "연락하지 마세요"
    # (do not contact)
    (
        _re(
            r"\b(?:stop|quit)\s+(?:spending|sanding|sinding|sendin)\s+(?:me|us)\b"
            r"|\b(?:stop|quit)\s+(?:mandando|enviando|texteando|textiando|escribiendo|mandandome|enviandome|mandarme)\b"
            r"|\b(?:do\s+not|don't|dont)\s+send\s+(?:me\s+|us\s+)?(?:any\s*more|more)(?:\s+(?:texts|messages|msgs))?"
            r"(?:\s+(?:please|pls|plz|thanks|thank\s+you))?(?=\s*(?:[.!]|$))"
        ),
        "negation",
    ),
    (
        _re(
            "\ubc88\ud638\\s*\uc0ad\uc81c|\ubb38\uc790[^.!?]{0,6}\uc6d0\ud558\uc9c0\\s*\uc54a"
            "|\ubcf4\ub0b4\uc9c0\\s*\ub9c8|\uc5f0\ub77d\ud558\uc9c0\\s*\ub9c8"
        ),
        "none",
    ),
    # the fifty-first: "I never want to hear from you again"; Spanish "bájame de su lista", "pierde mi número", "no
    # quiero que me sigan mandando textos", "PARA YA con los mensajes", "estoy reportando este número como spam";
    # Gujarati in Latin letters "aa number par message na moklo" (do not send messages to this number), Hindi "mat
    # bhejo ye messages", "number delete kar do"
    (
        _re(
            r"\b(?:never|don't|dont|do\s+not)\s+(?:ever\s+)?(?:want|wanna|wish)\s+(?:to\s+)?hear\s+from\s+"
            r"(?:you|u|y'all|yall|ya|yinz|youse|you'?uns|you\s+all|you\s+guys|you\s+people|your\s+company|this\s+number)\s+"
            r"(?:ever\s+)?"
            r"(?:again|anymore|any\s+more)\b"
            r"|\bnever\s+hear\s+from\s+(?:you|u|y'all|yall|yinz|youse|you\s+guys|you\s+people|your\s+company)\s+again\b"
        ),
        "subject",
    ),
    (
        _re(
            r"\bbaj(?:ar|en|e|a)(?:me|nos)?\s+(?:mi\s+numero\s+|este\s+numero\s+|el\s+numero\s+)?de\s+"
            r"(?:la|su|sus|tu|esa|esta|esas)\s+(?:lista|listas|base|sistema)\b"
            r"|\b(?:pierd[ae]n?|pierdase|olvida|olviden|olvidate|olvidense|olvidese|bot[ae]n?)\s+(?:mi|nuestro|este|el)\s+"
            r"(?:numero|cel|celular|telefono|contacto)\b"
            r"|\bno\s+(?:quiero|queremos|deseo|deseamos)\s+que\s+(?:me|nos|le|les)\s+(?:sigan|siga|sigas|vuelvan\s+a"
            r"|vuelva\s+a|vuelvas\s+a)\s+(?:escrib|mand|envi|contact|llam|molest|text|mensaje)\w*"
            r"|\b(?:para|paren|pare|parale|parenle|basta|ya\s+basta)\s+(?:ya\s+)?(?:con|de)\s+(?:los|tus|sus|estos|esos|tantos"
            r"|todos\s+los|tanto)\s+(?:mensajes|mensajitos|textos|msjs?|sms|spam)\b"
            r"|\b(?:report|denunci)(?:ando|are|aremos|e|o|ar|amos|ado)(?:lo|los|la|te|les)?\s+(?:este\s+numero\s+|esto\s+"
            r"|este\s+mensaje\s+|estos\s+mensajes\s+|su\s+numero\s+|tu\s+numero\s+|sus\s+mensajes\s+)?como\s+"
            r"(?:spam|acoso|fraude|estafa)\b"
        ),
        "none",
    ),
    (
        _re(
            r"\b(?:msgs?|messages?|sms|texts?)\s+(?:mat|na|nai|nahi|nahin)\s+(?:mokl|mokal|mokla)\w*"
            r"|\bmoka?l?sho\s+(?:nahi|nai|na)\b"
            r"|\b(?:mat|mt)\s+bhej(?:o|na|iye|ein|en|e|a)\s+(?:ye\s+|yeh\s+|ye\s+sab\s+|aise\s+|koi\s+|hume\s+|mujhe\s+)?"
            r"(?:msgs?|messages?|sms|texts?)\b"
            r"|\bnumbe?r\s+delete\s+kar\s*(?:do|dijiye|dena|de|dein|dejo|jo)\b"
        ),
        "none",
    ),
    # the fifty-second: the Pacific Northwest. State law named ("under RCW 19.190 unsolicited commercial texts are
    # illegal", Washington's CEMA), "consider this your one warning", "next text from you goes straight to the AG",
    # "texting him twice would be dumb", "this number not be texted", "make sure this number gets scrubbed from
    # whatever list", "no need to text us again"; Mandarin in pinyin "qing bu yao zai fa duanxin gei wo le" (please
    # do not text me again); Punjabi "ਮੈਨੂੰ ਦੁਬਾਰਾ ਮੈਸੇਜ ਨਾ ਕਰਿਓ" (do not message me again)
    (
        _re(
            r"\brcw\s+19\.190\b|\bcema\b|\bcommercial\s+electronic\s+mail\s+act\b"
            r"|\bconsider\s+this\s+(?:your|ur|a)\s+(?:one|only|first\s+and\s+last|final|last)\s+warning\b"
            r"|\b(?:texting|messaging|contacting|text(?:ing)?)\s+(?:me|him|her|us|them|this\s+number)\s+(?:again|twice"
            r"|a\s+second\s+time)\s+(?:would\s+be|will\s+be|is)\s+(?:a\s+)?(?:dumb|stupid|mistake|bad\s+idea|unwise"
            r"|big\s+mistake)\b"
            r"|\b(?:this|my|our|the)\s+(?:number|cell|phone|line)\s+(?:not\s+be|never\s+be|no\s+longer\s+be|is\s+not\s+to\s+be"
            r"|isn't\s+to\s+be)\s+(?:texted|contacted|messaged|called|solicited|used\s+for)\b"
            r"|\b(?:this|my|our|the)\s+(?:number|cell|phone|#)\s+(?:gets|get|is|be)\s+(?:scrubbed|removed|deleted|taken\s+off"
            r"|purged|erased|dropped|wiped)\s+(?:from|off)\b"
            r"|\bno\s+need\s+to\s+(?:text|message|msg|contact|reach\s+out\s+to)\s+(?:us|me|this\s+number)\s+(?:again|anymore"
            r"|any\s+more)\b"
            r"|\b(?:bu\s*yao|bie)\s+zai\s+(?:gei\s+(?:wo|women)\s+)?(?:fa|lianxi|da)\b"
            r"|\bbie\s+(?:gei\s+(?:wo|women)\s+)?fa\s+(?:duanxin|xinxi|le)\b|\bqu\s*xiao\s*ding\s*yue\b"
        ),
        "none",
    ),
    (
        _re("(?:\u0a2e\u0a48\u0a38\u0a47?\u0a1c|\u0a38\u0a41\u0a28\u0a47\u0a39\\w*)\\s+\u0a28\u0a3e\\s+\u0a15\u0a30"),
        "none",
    ),
    # the fifty-third: Florida; an unsubscribe already sent and not heard, "I've unsubscribed like 3 times", "we
    # already opted out twice", "I unsubscribed back in March"
    (
        _re(
            r"\b(?:i've|ive|i\s+have|i|we've|we\s+have|we)\s+(?:already\s+)?(?:unsubscribed|unsubbed|opted\s*-?\s*out)\b"
            r"(?:\s+(?:like\s+|about\s+|maybe\s+)?(?:\d+|two|three|four|five|several|many|multiple|a\s+dozen)\s+times"
            r"|\s+twice|\s+already|\s+before|\s+(?:back\s+)?(?:in|last)\s+\w+|\s+(?:\w+\s+)?ago)\b"
        ),
        "negation",
    ),
    # the fifty-fourth: Appalachia and western Pennsylvania; "I'd appreciate you taking it off whatever list you got";
    # Lebanese Arabic in Latin letters "khalas ma ba3d tb3atli msgs" (enough, do not send me messages anymore; the
    # verb also written without its vowel, "khalas ma tb3tli msgs tani"), "ma
    # baddi messages ba3d" (I want no more messages), "ma7ie ra2mi" (delete my number); Pennsylvania Dutch "schick mir
    # nimmi ken Messages" (send me no more messages), "bitte net meh schreiwe" (please do not write anymore);
    # Croatian, Serbian and Bosnian "nemojte mi više slati poruke" (do not send me messages anymore), "skinite me sa
    # liste" (take me off the list), "obrišite moj broj" (delete my number)
    (
        _re(
            r"\bappreciate\s+(?:you|y'all|yall|yinz|it\s+if\s+(?:you|y'all|yall|yinz))\s+(?:taking|took|removing|removed"
            r"|deleting|deleted|dropping|dropped)\s+(?:it|me|us|this|that|my\s+\w+|our\s+\w+|this\s+\w+|the\s+number)\s+"
            r"(?:off|from|out\s+of)\b"
        ),
        "negation",
    ),
    (
        _re(
            r"\b(?:ma|la|ma3ad|mat|khalas)\s+(?:ba3d\s+|3ad\s+|ba2a\s+|ba2\s+)?(?:t|te|ti)?b3at\w*"
            # the same verb without its vowel ("tb3tli") or with "ba3" ("tba3tli"): each its own literal gate
            r"|\b(?:ma|la|ma3ad|mat|khalas)\s+(?:ba3d\s+|3ad\s+|ba2a\s+|ba2\s+)?(?:t|te|ti)?b3t\w*"
            r"|\b(?:ma|la|ma3ad|mat|khalas)\s+(?:ba3d\s+|3ad\s+|ba2a\s+|ba2\s+)?(?:t|te|ti)?ba3a?t\w*"
            r"|\bma\s+baddi\s+(?:msgs?|messages?|rasayel|rasa2el|texts?|sms)\b|\bma7(?:i|ie|ee)\s+ra2m\w*|\bshil\w*\s+ra2m\w*"
            r"|\bschick\w*\s+(?:mir|uns)\s+(?:nimmi|nimmie|nimme|nimmer|nicht\s+mehr|keine?)\b"
            r"|\b(?:net|nimmi|nimmie|nimme)\s+(?:meh\s+|mehr\s+)?(?:schreiwe|schreibe|schreiben|schicke|schicken)\b"
            r"|\bnemoj(?:te)?\s+(?:mi\s+|nam\s+)?(?:vise\s+)?(?:slati|pisati|zvati|javljati|kontaktirati|poruke)\b"
            r"|\bskini(?:te)?\s+(?:me|nas|moj\s+broj|nas\s+broj)\s+(?:sa|s|iz)\s+(?:liste|popisa|spiska)\b"
            r"|\bobrisi(?:te)?\s+(?:moj\s+|nas\s+)?broj\b|\bprestani(?:te)?\s+(?:mi\s+|nam\s+)?(?:slati|pisati|zvati)\b"
            # "ne šaljite mi više poruke" (do not send me messages any more)
            r"|\bne\s+(?:mi\s+|nam\s+)?salji(?:te)?\s+(?:mi\s+|nam\s+)?(?:vise\s+)?(?:poruk\w*|sms\w*)\b"
        ),
        "none",
    ),
    # the families of this round in their neighbouring languages and wordings: "I'm opting out", "leave this number
    # alone", "lose my digits", "desist from further texts"; French "retirez-moi", Italian "cancellatemi", German "hören
    # Sie auf, mir zu schreiben", "kontaktieren Sie mich nicht mehr"; Dutch "stuur me geen berichten meer", "verwijder
    # mijn nummer", "niet meer sturen"; Czech and Slovak "nepište mi", "přestaňte mi psát", "smažte moje číslo";
    # Slovene "izbrišite mojo številko"; Serbian and Croatian "ne pišite mi"; Romanian "nu-mi mai trimiteți mesaje",
    # "ștergeți numărul meu"; Hungarian "ne írjon többet", "töröljék a számomat"; Turkish "beni listeden çıkarın",
    # "rahatsız etmeyin"; Indonesian and Malay "jangan kirim pesan lagi", "hapus nomor saya", "berhenti mengirim";
    # Tagalog "alisin nyo number ko"; Albanian "fshini numrin tim"; Norwegian, Danish and Swedish "ikke send meg flere
    # meldinger", "sluta skicka sms", "ta bort mitt nummer", "slet mit nummer"; Finnish "lopeta viestien lähettäminen"
    (
        _re(
            r"\b(?:i'm|im|i\s+am|we're|we\s+are)\s+(?:hereby\s+|officially\s+)?opting\s+out\b(?!\s+of\s+(?:the|that)\s+\w+)"
            r"|^\W*opting\s+out\W*$"
            r"|\bleave\s+(?:this|my|our|that|dis|dat)\s+(?:number|phone|cell|line)\s+alone\b"  # and "dis number"
            r"|\blose\s+(?:my|our)\s+digits\b|\bdesist\s+from\b"
        ),
        "negation",
    ),
    (
        _re(
            r"\bretire[sz]?-(?:moi|nous)\b"
            # "cancellatemi dalla lista", not "cancellami l'appuntamento" (cancel my appointment)
            r"|\b(?:cancella|rimuov[ie]|elimina)(?:te)?(?:mi|ci)\b(?=\s*(?:[.!,]|$|da|dalla|dal|dalle|dai|per\s+favore))"
            r"|\bh(?:o|oe)r(?:t|en)?\s+(?:sie\s+)?auf,?\s+(?:mir|uns)\s+(?:zu\s+)?(?:schreiben|schicken|texten|simsen)\b"
            r"|\bkontaktieren\s+sie\s+(?:mich|uns)\s+nicht\s+mehr\b"
            r"|\bstuur\s+(?:me|mij|ons)\s+geen\s+(?:berichten|berichtjes|sms|smsjes|appjes)\b"
            r"|\bverwijder\w*\s+(?:mijn|ons|dit)\s+(?:nummer|telefoonnummer|gegevens)\b"
            r"|\bniet\s+meer\s+(?:sturen|sms'?en|appen|berichten|bellen)\b"
            r"|\bnepi(?:s|st)te\s+(?:mi|nam)\b|\bprestan(?:te)?\s+(?:mi|nam)\s+(?:psat|posilat|volat)\b"
            r"|\b(?:smaz|vymaz)(?:te)?\s+(?:moje|moj|nase)\s+cislo\b|\bizbrisi\w*\s+(?:mojo\s+|moj\s+)?stevilk\w*"
            r"|\bne\s+pisite\s+(?:mi|nam)\b"
            r"|\bnu(?:-mi|\s+imi|\s+ne)?\s+mai\s+(?:trimite|scrie)\w*|\bsterge\w*\s+numarul\b"
            r"|\bne\s+(?:irj(?:on|anak|al)|kuldj(?:on|enek|el))\s+(?:tobbet|tobb|uzenetet|sms)\w*|\btorolj\w*\s+(?:a\s+)?"
            r"(?:szamom|telefonszamom)\w*"
            r"|\blisteden\s+c[iı]kar\w*|\brahats[iı]z\s+etmey\w*"
            r"|\bjangan\s+(?:kirim|sms|hubungi|menghubungi|mengirim|telepon)\w*\s+(?:saya|kami|aku|pesan|sms|lagi)\b"
            r"|\bhapus\s+nomor\s+(?:saya|kami|ini|aku)\b"
            r"|\bberhenti\s+(?:mengirim|kirim|sms|menghubungi)\w*"
            r"|\balisin\s+(?:nyo\s+|niyo\s+|ninyo\s+|po\s+)*(?:na\s+)?(?:ang\s+|yung\s+)?(?:number|numero)\s+ko\b"
            r"|\bfshi\w*\s+numrin\b"
            r"|\bikke\s+send\s+(?:meg|mig|oss)\b|\bsluta\s+(?:skicka|smsa|messa|ringa)\b|\bta\s+bort\s+mitt\s+nummer\b"
            r"|\bslet\s+mit\s+nummer\b|\blopet(?:a|takaa)\s+(?:viestien|tekstiviestien)\b"
        ),
        "none",
    ),
    # ... and in the languages most replies are written in besides English: Spanish "no me estén mandando mensajes",
    # "déjenme de escribir", "no les di permiso de escribirme", "voy a reportarlos", "esto es acoso"; Portuguese "não
    # me manda mais nada", "chega de mensagem"; Vietnamese "không nhận tin nhắn" (no messages received); Tagalog "tama
    # na po ang text" (enough texts), "ayoko na ng text" (I want no more texts); Haitian Creole "pa ekri m ankò" (do not
    # write me again), "retire non mwen" (take my name off); Arabic in Latin letters "bikafi rasayel" (enough
    # messages); Mandarin in pinyin "bu yao fa le" (do not send), "bu xiang shou dao duanxin" (do not want texts);
    # Korean in Latin letters "munja bonaeji maseyo" (do not send texts), "yeollak hajimaseyo" (do not contact)
    (
        _re(
            r"(?:\bno\s+(?:me|nos)\s+(?:esten|este|sigan|siga)|\bdej(?:e|en|a)(?:me|nos)\s+de)\s+"
            r"(?:escrib|mand|envi|text|llam|molest)\w*\b(?!\s+(?:el|la|los|info|informacion|detalles|precio)\b)"
            r"|\bno\s+(?:les|le|te)\s+(?:di|dimos|he\s+dado|hemos\s+dado)\s+(?:permiso|autorizacion|consentimiento)\b"
            r"|\b(?:voy|vamos)\s+a\s+(?:reportar|denunciar|bloquear)(?:los|lo|te|les|la)\b"
            r"|\b(?:voy|vamos)\s+a\s+(?:reportar|denunciar|bloquear)\s+(?:este|su|tu)\s+numero\b|\b(?:esto|eso)\s+es\s+acoso\b"
            r"|\bnao\s+(?:me\s+)?(?:manda|envia)\s+mais\b|\bchega\s+de\s+(?:mensage\w*|msg|sms|spam)"
            r"|\bkhong\s+(?:muon\s+)?nhan\s+tin\s+nhan\b"
            r"|\btama\s+na\s+(?:po\s+)?(?:ang\s+|sa\s+)?(?:text|pag-?text|mensahe|message)"
            r"|\bayoko\s+na\s+(?:po\s+)?(?:ng|sa)\s+(?:text|mensahe|message)"
            r"|\bpa\s+(?:ekri|voye)\s+(?:m|mwen|nou|l|li)\s+(?:anko|mesaj)|\bretire\s+(?:non|nimewo)\s+(?:mwen|nou)\b"
            r"|\b(?:bikafi|bikaffi|kifaye|kefaya|kfaya)\s+(?:rasayel|rasa2el|msgs?|messages)\b"
            r"|\bbu\s*yao\s+(?:zai\s+)?fa\s+(?:le|duanxin|xinxi|xiaoxi)\b"
            r"|\bbu\s+xiang\s+(?:zai\s+)?shou\s*dao\s+(?:duanxin|xinxi|xiaoxi)\b"
            r"|\bbonaeji\s+ma\w*|\byeollak\s+hajima\w*"
        ),
        "none",
    ),
    # the fifty-fifth: a request made for someone else, and "anything else" sent: "she's not interested and please
    # don't send her anything else", "my dad says don't text him again", "she doesn't want any more texts", "Don't
    # send me anything else" (not "don't send anything else until I sign")
    (
        _re(
            r"\b(?:don't|dont|do\s+not|never|pls\s+no|please\s+no)\s+send\s+(?:me\s+|us\s+|him\s+|her\s+|them\s+"
            r"|my\s+(?:mom|mother|dad|father|wife|husband|grandma|grandpa|grandmother|grandfather|parents|son|daughter)\s+)?"
            r"(?:anything|nothing|nothin'?|anythin'?|any\s+thing)\s+(?:else|more|further)\b"
            r"(?!\s+(?:until|till|til|yet|before|unless|except|but|besides|than|for\s+now|right\s+now|today|tonight"
            r"|this\s+week|over|in\s+the\s+mail)\b)"
            r"|\b(?:he|she|they|owner|boss|mom|mother|dad|father|wife|husband|grandma|grandpa)\s+(?:doesn't|doesnt|does\s+not"
            r"|don't|dont|do\s+not|no\s+longer)\s+(?:wants?|wish(?:es)?|needs?)\s+(?:to\s+(?:receive|get)\s+)?"
            rf"(?:any\s*more\s+|any\s+|these\s+|those\s+|your\s+|the\s+|more\s+|ur\s+)?{_MESSAGES}\b"
        ),
        "none",
    ),
    # "don't text him again", "please don't message my mother anymore": the same for someone else ("call": not beside
    # "text me instead")
    (
        _re(
            r"\b(?:don't|dont|do\s+not|never)\s+(?:ever\s+)?(?:text|txt|message|msg|contact|send)\s+"
            r"(?:him|her|my\s+(?:mom|mother|dad|father|wife|husband|grandma|grandpa|grandmother|grandfather|parents))\b"
            r"(?:\s+(?:any\s*more\s+|any\s+)?(?:(?:texts|messages|msgs)\s+)?(?:again|anymore|any\s+more|ever\s+again)\b"
            r"|(?=\s*(?:[.!,;]|$|(?:please|pls|plz|thanks|thank\s+you)\b)))"
        ),
        "call",
    ),
    # "Quit it with these texts", "cut it out with the messages"
    (
        _re(
            rf"\b(?:quit|cut)\s+it\s+(?:out\s+)?with\s+(?:the|these|those|your|ur|all\s+the|all\s+these)\s+{_MESSAGES}\b"
        ),
        "none",
    ),
    # the same families in other words: "she doesn't want to be contacted", "she passed away, please remove her";
    # Spanish "no le escriban a mi papá" (do not write to my father), "no les manden nada"
    (
        _re(
            r"(?<!you\s)(?<!\bu\s)\b(?:don't|doesn't|dont|doesnt|do\s+not|does\s+not|no\s+longer)\s+(?:want|wish|wants|wishes)\s+"
            r"to\s+be\s+"
            r"(?:contacted|texted|messaged|solicited|bothered|called)\b"
            r"|\b(?:remove|delete|erase)\s+(?:him|her)\b(?=\s*(?:[.!,;]|$|(?:please|pls|plz|thanks|thank\s+you)\b))"
            r"|\bno\s+(?:le|les|me|nos)\s+(?:escriban|escriba|escribas|manden|mande|mandes|envien|envie|envies"
            r"|textee?n|texteen|contacten|contacte|molesten|moleste|llamen|llame)\b"
            # "no me mande la info todavía": not yet, not never
            r"(?!\s+(?:la|el|los|las|esa|ese|esos|esas|info|informacion|detalles)\b)(?![^.!?]{0,40}\b(?:todavia|aun|hasta))"
        ),
        "negation",
    ),
    # the fifty-sixth: the Midwest; "I don't want any more of these", "I'd appreciate it if you wouldn't contact me
    # again"; Polish "proszę wykreślić mój numer z waszej bazy" (please strike my number from your database), "nie
    # piszcie do mnie" (do not write to me); Hmong "thov muab kuv tus xov tooj tshem tawm" (please take my phone number
    # off)
    (
        _re(
            r"\b(?:don't|dont|do\s+not|no\s+longer)\s+(?:want|need|wish\s+to\s+(?:get|receive))\s+"
            r"(?:any\s*more\s+of\s+(?:these|those|them|this|your\s+\w+)\b"
            r"|any\s*more(?=\s*(?:[.!]|$|,?\s+(?:please|pls|thanks|thank\s+you)\b)))"
            r"|\bappreciate\s+(?:it\s+)?if\s+(?:you|y'all|yall|u|yinz|your\s+company)\s+(?:wouldn't|would\s+not|didn't"
            r"|did\s+not|don't|do\s+not|couldn't|could\s+not|no\s+longer|never)\s+(?:\w+\s+)?(?:contact|text|messag"
            r"|call|reach|send)\w*\s+(?:me|us|this\s+number|my\s+\w+|here|again|anymore|any\s+more)\b"
            r"|\bappreciate\s+(?:not\s+being|no\s+longer\s+being)\s+(?:contacted|texted|messaged|solicited)\b"
            # the fifty-seventh: "I'd appreciate it if nobody from Keystone reached out to me again", "I'd rather no
            # one from your company texted me"
            r"|\b(?:appreciate(?:\s+it)?\s+if|prefer(?:\s+that)?|rather|make\s+sure|ensure|see\s+(?:to\s+it\s+)?that"
            r"|like\s+it\s+if)\s+(?:nobody|no\s+one|no-one|none\s+of\s+(?:you|y'all|your\s+\w+))\b[^.!?]{0,40}?"
            r"\b(?:reach(?:es|ed)?\s+out|contact(?:s|ed)?|text(?:s|ed)?|messag(?:es|ed)|call(?:s|ed)?|bother(?:s|ed)?)\b"
        ),
        "subject",
    ),
    (
        _re(
            r"\b(?:wykresl|usun|skresl)\w*\s+(?:moj|nasz|ten)\s+(?:numer|number|telefon)\b"
            r"|\bnie\s+(?:piszcie|pisz|pisac|wysylajcie|wysylaj|wysylac|kontaktujcie|dzwoncie)\b"
            r"|\btshem\s+tawm\b|\btshem\s+(?:kuv|peb)\s+(?:tus\s+)?(?:xov\s+tooj|npe)\b"
        ),
        "none",
    ),
    # the fifty-eighth: the Mountain West; "please just leave me off your texts", "keep us out of your lists", "please
    # don't keep messaging me"; Tongan "kataki 'oua toe text mai" (please do not text again); Amharic "ከዝርዝርዎ
    # ያስወግዱኝ" (remove me from your list)
    (
        _re(
            r"\b(?:leave|keep)\s+(?:me|us|my\s+number|this\s+number|our\s+number)\s+(?:off|out\s+of)\s+(?:of\s+)?(?:your|ur"
            r"|the|these|those|all\s+your|any\s+of\s+your)\s+(?:\w+\s+)?(?:texts?|lists?|messages?|msgs|contacts?|database"
            r"|mailings?|marketing|campaigns?)\b"
            rf"|\b(?:don't|dont|do\s+not)\s+keep\s+{_OUTGOING}\s+(?:me|us|this\s+number|my\s+\w+)\b"
        ),
        "anysubject",
    ),
    (
        _re(
            r"(?:^|\s)'?oua\s+(?:toe\s+)?(?:text|tekisi|fetu'?utaki|ui|fekau)\w*\s+mai\b"
            "|(?:\u12eb|\u12a0)\u1235\u12c8\u130d\u12f1"
        ),
        "none",
    ),
    # the fifty-ninth: the Gulf Coast; "please don't send me these anymore", "no more of these please", Cajun "don't
    # be textin me no more", Gullah "leabe me be an don't sen no mo dese tings", "consider this my written revocation
    # of consent"
    (
        _re(
            r"\b(?:don't|dont|do\s+not)\s+send\s+(?:me|us)\s+(?:these|them|those|this|that)\s+(?:anymore|any\s+more|again)\b"
            r"|\bno\s+more\s+of\s+(?:these|those|them|this|that|your\s+\w+|ur\s+\w+)\b(?![^.!?]{0,20}\?)"
            rf"|\b(?:don't|dont|do\s+not|doan)\s+be\s+{_OUTGOING}\s+(?:me|us|this\s+number|my\s+\w+)\b"
            r"|\b(?:leave|leabe|lef|lemme)\s+(?:me|us)\s+be\b"
            r"|\b(?:don't|dont|doan|don)\s+(?:sen|send|text|tex)\s+(?:me\s+|we\s+|us\s+)?no\s+(?:mo|more)\b"
            r"|\brevocation\s+of\s+(?:my\s+|all\s+|any\s+|our\s+)?consent\b"
            r"|\bconsent\s+(?:is\s+|has\s+been\s+)?(?:hereby\s+)?(?:revoked|withdrawn|rescinded)\b"
        ),
        "negation",
    ),
    # Chinese "别发了" (do not send), "请把我从名单上删除" (please take me off the list), "删除我的号码" (delete my
    # number); not "不要发票" (no invoice needed)
    (
        _re(
            "\u522b(?:\u518d)?(?:\u53d1|\u50b3|\u4f20)(?!\u7968|\u5c55)|\u4e0d\u8981(?:\u518d)?(?:\u53d1|\u50b3|\u4f20)(?!\u7968|\u5c55)"
            "|\u4ece[^\u3002\uff01!.]{0,6}(?:\u540d\u5355|\u540d\u55ae|\u5217\u8868)[^\u3002\uff01!.]{0,4}"
            "(?:\u5220\u9664|\u522a\u9664|\u79fb\u9664|\u5220\u6389|\u53bb\u6389)"
            "|\u628a\u6211[^\u3002\uff01!.]{0,8}(?:\u5220\u9664|\u522a\u9664|\u79fb\u9664|\u5220\u6389)"
            "|(?:\u5220\u9664|\u522a\u9664)\u6211\u7684(?:\u53f7\u7801|\u865f\u78bc|\u7535\u8bdd|\u96fb\u8a71)"
        ),
        "none",
    ),
    # the sixtieth: California; soft refusals of what is to come, "no need to reach out again", "I'll pass on any
    # future texts", "I'd rather not hear from you going forward"; Hawaiian Pidgin "no text him already" (do not text
    # him any more); Punjabi and Hindi in Latin letters "mera number apni list ton hatao" (take my number off your
    # list); Farsi in Latin letters "shomare mano az listetun pak konid" (delete my number from your list), "dige
    # payam nadid" (do not message any more)
    (
        _re(
            r"\bno\s+(?:need|reason)\s+(?:for\s+(?:you|y'all|yall|u)\s+)?to\s+(?:text|txt|message|msg|contact|call|email"
            r"|e-mail|reach\s+(?:back\s+)?out|follow\s+up|check\s+in|write|hit\s+(?:me|us)\s+up)(?:\s+(?:to|with))?"
            r"(?:\s+(?:me|us|this\s+number|my\s+\w+|him|her|them))?\s+(?:ever\s+)?(?:again|anymore|any\s+more|further"
            r"|in\s+the\s+future|going\s+forward|from\s+now\s+on)\b"
            # not "I'll pass on the offer" (a decline) nor "I'll pass on any future messages to my son" (relayed)
            r"|\b(?:i'll|ill|i\s+will|we'll|we\s+will|i'm\s+gonna|gonna|i'd\s+like\s+to|i\s+would\s+like\s+to)\s+pass\s+on"
            r"\s+(?:(?:any|all|your|ur|the|these)\s+)?(?:future|further|more)\s+(?:\w+\s+)?(?:texts?|messages?|msgs|contact"
            r"|outreach|offers?|solicitations?|communications?|marketing|follow-?ups?)\b(?!\s+(?:to|for)\b)"
            r"|\b(?:i'd|id|i\s+would|we'd|we\s+would)\s+(?:rather|prefer(?:\s+to)?)\s+not\s+(?:hear\s+from|be\s+contacted"
            r"|be\s+texted|get\s+(?:texts|messages)|receive)\b(?:[^.!?]{0,30}\b(?:again|anymore|any\s+more|going\s+forward"
            r"|in\s+the\s+future|from\s+now\s+on|further|moving\s+forward))"
            r"|\b(?:please\s+|pls\s+|plz\s+|just\s+)?no\s+(?:text|txt|send|call|message|msg)\s+(?:him|her|me|us|dem|them"
            r"|my\s+\w+)\s+(?:already|no\s+more|anymore|any\s+more|again)\b"
        ),
        "negation",
    ),
    (
        _re(
            r"\b(?:mera|mere|meri|sada|sadda|sadaa|mainu|sanu|hamara|hamare|humara|mujhe|hume|humko|mujhko|is|eh|ye|yeh)\s+"
            r"(?:number|numbr|no|nmbr|naam|name)\s+(?:(?:apni|apne|aapki|aapke|tuhadi|tuhade|tumhari|tumhare|teri|your)\s+)?"
            r"(?:list|lists|listan|database)\s+(?:ton|to|tu|se|chon|cho|vichon|from)\s+(?:hatao|hata|hatado|hata\s+do"
            r"|hata\s+dijiye|hatayo|hatta|kaddo|kadd|kadh|kadhdo|kadh\s+do|kad\s+do|remove|delete|nikalo|nikal\s+do)\b"
            r"|\b(?:shomare|shomareh|shomaram|shomarehye|shomareye|esme|esmam)\s*(?:ye|e)?\s*(?:mano|mara|man\s+ro|mano\s+ham)?"
            r"\s*az\s+(?:list|liste|listetun|listetoon|listeton|listeh|liste\s+shoma|list\s+shoma|listaton)\w*\s+"
            r"(?:pak|hazf|bardarid|bardar|khat)\s*(?:konid|kon|konin|kardid)?\b"
            # Urdu and Hindi in Latin letters: "please isko apni list se hata dein" (take it off your list)
            r"|\b(?:apni|apne|aapki|aapke|apki|tumhari|tuhadi|your|is|us|iss)?\s*(?:list|lists|listan|database)\s+(?:se|say|sey"
            r"|ton|to|chon|cho|vichon|mein\s+se)\s+(?:hata|hatao|hatado|hata\s+do|hata\s+dein|hata\s+den|hata\s+dijiye"
            r"|hatayen|hataen|hataiye|nikal\w*|kadh\w*|kadd\w*|remove|delete|khatam)\b"
            r"|\b(?:dige|digeh|digar)\s+(?:payam|payamak|sms|text|msg)\s*(?:na(?:did|dide|din|frestid|ferestid|ferestin|frestin"
            r"|fresti|ferest|zanid|zanin))\b"
            r"|\b(?:lotfan\s+)?(?:payam|payamak|sms|text)\s+na(?:frestid|ferestid|frestin|ferestin|did|din)\b"
        ),
        "none",
    ),
    # the sixty-third: the Great Lakes; "Please, no texts. Email only if you must", "I'm asking you to honor my opt out
    # request"
    (
        _re(
            r"(?:^|[.!,;:]\s*)(?:please\s+|pls\s+|plz\s+|just\s+)?no\s+(?:more\s+)?(?:texts|texting|txts|sms|text\s+messages"
            r"|text\s+msgs)\s*(?:please|pls|plz|thanks|thank\s+you)?\s*(?:[.!,;:]|$)"
            r"|\bhonou?r\s+(?:my|our|this|the)\s+(?:opt\s*-?\s*out|unsubscribe|stop|removal|do\s+not\s+(?:contact|text|call))"
            r"(?:\s+(?:request|reply|message))?\b"
        ),
        "none",
    ),
    # the sixty-third's requests in other scripts. Levantine Arabic "لا تبعتلي رسائل" (don't send me messages),
    # "لا تبعت", "بطل تبعت" (quit sending); Korean "문자하지 마세요" (don't text), "카톡 보내지 마"; Hindi
    # "मेरा नंबर अपनी लिस्ट से हटा दो" (take my number off your list), "सूची से हटा दें", "मेरा नंबर हटा दीजिए";
    # Urdu "لسٹ سے ہٹا دیں"
    (
        _re(
            r"لا\s+(?:تبعت|تبعث)|بطل(?:وا|و)?\s+(?:تبعت|تبعث|ترسل|تراسل)"
            # Modern Standard Arabic "أوقف الرسائل" (stop the messages), "توقفوا عن إرسال الرسائل" (stop sending the
            # messages), "لا ترسل لي رسائل" (don't send me messages), "احذف رقمي" (delete my number), "إلغاء الاشتراك"
            r"|[أا]وقف(?:وا|ي)?\s+(?:ال)?رسائل|توقف(?:وا|ي)?\s+عن\s+[إا]رسال|لا\s+ترسل(?:وا|ي)?\s+(?:لي\s+)?(?:ال)?رسائل"
            r"|[إا]حذف(?:وا|ي)?\s+رقمي|[إا]لغاء\s+الاشتراك"
            r"|(?:문자|메시지|메세지|카톡|톡)\s*(?:하지|보내지|주지)\s*(?:마|말)"
            r"|(?:लिस्ट|सूची)\s+से\s+(?:हटा|निकाल|डिलीट)|(?:मेरा|मेरे|इस|यह|ये)\s+(?:नंबर|नम्बर)\s+(?:को\s+)?(?:हटा|डिलीट)"
            r"|(?:لسٹ|فہرست)\s+سے\s+(?:ہٹا|نکال)"
        ),
        "none",
    ),
    # the sixty-fourth: the Upper Midwest and Great Plains; Norwegian, Danish and Swedish ("slutt å sende meg
    # meldinger", "stop med at skrive", "sluta skicka", "ikke send", "ta bort mitt nummer"), from the words below
    (
        _re(
            # "lad venligst være med at skrive": a word or two between "lad" and "være"
            rf"\b(?:slutt|slutte|sluta|hold\s+op|hør\s+op|(?:lad|la)\s+(?:(?:venligst|nu|bare|dog|endelig|så)\s+){{0,2}}være)"
            rf"\s+(?:med\s+)?(?:å\s+|at\s+|att\s+)?"
            rf"{_NORDIC_SEND}"
            rf"|\bstopp\s+(?:med\s+)?(?:å\s+)?{_NORDIC_SEND}|\bstop\s+med\s+at\s+{_NORDIC_SEND}"
            rf"|\b(?:ikke|ikkje|inte)\s+{_NORDIC_SEND}\s+(?:{_NORDIC_ME}|{_NORDIC_MORE})\b"
            rf"|\b(?:send|skriv|sms|skicka|kontakt|kontakta|ring)\s+(?:{_NORDIC_ME}\s+)?(?:ikke|ikkje|inte)\b"
            rf"|\b(?:ingen|inga|ikke|ikkje|inte)\s+(?:(?:ha|have|få|motta|modtage|modta|ta\s+emot)\s+)?{_NORDIC_MORE}\s+"
            rf"{_NORDIC_MESSAGES}\b"
            rf"|\b(?:avmeld|afmeld|avregistrer|avsluta)\w*\s+{_NORDIC_ME}\b|\bmeld\s+{_NORDIC_ME}\s+(?:av|af|ud)\b"
            rf"|\b(?:fjern|slett|slet|radera|stryk|ta\s+bort)\s+(?:mitt\s+|mit\s+)?(?:telefon)?(?:nummeret|numret|nummer)\b"
            rf"|\b(?:fjern|slett|slet|radera|stryk|ta\s+bort|ta|tag)\s+{_NORDIC_ME}\s+(?:fra|från|av|af|ud\s+af|ut\s+av)\s+"
            rf"(?:lista|listen|listan|listene|listerne|listorna|listen\s+deres)\b"
        ),
        "none",
    ),
    # Ilocano "Saanen nga agtext kaniak" (text me no more), "Dika agtext kaniak" (don't text me), "Paki-ikkat ti
    # numerok" (please take my number off), "Isardengyo ti agtext" (stop texting)
    (
        _re(
            r"\bsaanen\s+(?:(?:kayo|ka)\s+)?(?:nga\s+|a\s+)?ag(?:text|teks|mensahe|message|tawag)\w*"
            r"|\b(?:saan|saanyo|saanmo|dika|dikay|dikayo)\s+(?:(?:kayo|ka)\s+)?(?:nga\s+|a\s+)?(?:ag|i)?(?:text|teks|mensahe"
            r"|message)\w*\s+kaniak\b"
            r"|\bisardeng\w*\s+(?:ti\s+|iti\s+)?(?:ag)?(?:text|teks|mensahe|message)\w*"
            r"|\b(?:paki-?\s*)?ikkat\w*\s+ti\s+(?:numero|number)\w*"
        ),
        "none",
    ),
    # "No further texts please.", "Please no further messages": as "no more texts", a clause of its own
    (
        _re(
            r"(?:^|[.!,;:]\s*)(?:please\s+|pls\s+|plz\s+|kindly\s+|just\s+)?no\s+further\s+(?:texts|texting|txts|sms"
            r"|text\s+messages|text\s+msgs|messages|msgs|contact|communication|communications|solicitations?)"
            r"\s*(?:please|pls|plz|thanks|thank\s+you)?\s*(?:[.!,;:]|$)"
        ),
        "none",
    ),
    # "Pls take my # off", "Take our # off, thanks": "#" for the number, taken off with nothing after ("take this # off
    # speaker", "drop my # off at the front desk" are not requests; "off your list" is heard above)
    (
        _re(
            r"\b(?:take|get|rmv|remove|delete|drop)\s+(?:my|our|this)\s+(?:cell\s+|phone\s+|mobile\s+)?#\s*off"
            r"(?:\s+(?:please|pls|plz|now|asap|thanks|thank\s+you|thx|ty))?\s*(?:[.!,;]|$)"
        ),
        "negation",
    ),
    # two things taken off at once: "Please take his name and this number off whatever list you have"
    (
        _re(
            r"\b(?:take|remove|delete|drop|get)\s+(?:his|her|my|our|their|this|the)\s+(?:name|number|info|cell)\s+(?:and|&)\s+"
            r"(?:his|her|my|our|their|this|the)\s+(?:\w+\s+)?(?:number|name|info|cell|email)\s+(?:off|out\s+of|from)\b"
        ),
        "negation",
    ),
    # the sixty-fifth: the Pacific Northwest and inland California; "the next text I get from you goes to the AG",
    # "stay off my phone"; Tongan "kataki ʻoua ʻe toe text mai" (please do not text again); Amharic "አይላኩልኝ" (do
    # not send me); Finnish "älkää enää lähettäkö viestejä" (send no more messages); Dutch "geen berichten meer"
    (
        _re(
            r"\b(?:the\s+)?(?:next|one\s+more|another)\s+(?:text|txt|message|msg|sms)\b[^.!?]{0,40}?\b(?:goes|go|is\s+going"
            r"|will\s+go|gets\s+(?:reported|forwarded|sent)|will\s+be\s+(?:reported|forwarded|sent)|i\s+(?:report|forward|send)"
            r"|i'm\s+(?:reporting|forwarding|sending))\s+(?:it\s+)?(?:straight\s+|right\s+|directly\s+)?to\s+(?:the\s+)?"
            r"(?:\w+\s+){0,3}?(?:ag|ag's|attorney\s+general|ftc|fcc|consumer\s+protection|bbb|better\s+business\s+bureau"
            r"|my\s+(?:lawyer|attorney))\b"
            # "get lost and stay off my phone", not "tell the kids to stay off my phone"
            r"|(?:^|[.!,;:]\s*|\b(?:and|just|please|pls|plz|now|so|then|lost|ok|okay)\s+)(?:stay|keep)\s+(?:off|away\s+from)\s+(?:of\s+)?(?:my|this|our)\s+(?:phone|cell|line|number|#|inbox)\b"
        ),
        "anysubject",
    ),
    (
        _re(
            "(?:^|\\s)['\u02bb\u2018]?oua\\s+(?:['\u02bb\u2018]?e\\s+)?(?:toe\\s+)?(?:text|tekisi|fetu'?utaki|ui|fekau)\\w*\\s+mai\\b"
            "|\u12a0\u12ed\u120b\u12a9|\u12a0\u1275\u120b\u12ad"
        ),
        "none",
    ),
    (
        _re(
            r"\b(?:alkaa|ala)\s+(?:enaa\s+|enempaa\s+|koskaan\s+)?(?:lahettako|laheta|soittako|soita|tekstatko|tekstaa"
            r"|viestitelko|ottako\s+yhteytta|ota\s+yhteytta)\b"
            r"|\b(?:en|emme)\s+halua\s+(?:enaa\s+|enempaa\s+|lisaa\s+)*(?:viesteja|tekstiviesteja|mainoksia|yhteydenottoja)\b"
            r"|\bpoista(?:kaa)?\s+(?:minun\s+)?(?:numeroni|numero|minut)\b"
            r"|\bgeen\s+(?:(?:sms|tekst|whatsapp|reclame)\s+)?(?:berichten|berichtjes|sms'?jes|sms|appjes|whatsappjes"
            r"|tekstberichten|reclame|contact)\s+meer\b"
            r"|\b(?:stuur|sms|app|bel)\s+(?:me|mij|ons)\s+niet\s+meer\b"
        ),
        "none",
    ),
    # the sixty-sixth: "Please don't send me any more of these"; "Please no further messages to this number. It's my
    # mother's phone" (the clause may go on after "messages", not as "no further texts needed" or a question)
    (
        _re(
            r"\b(?:do\s+not|don't|dont)\s+send\s+(?:me|us)\s+(?:any\s*more|more)\s+of\s+(?:these|those|them|this|that"
            r"|your\s+\w+|ur\s+\w+)\b(?![^.!?]{0,20}\?)"
            r"|(?:^|[.!,;:]\s*)(?:please\s+|pls\s+|plz\s+|kindly\s+|just\s+)?no\s+further\s+(?:texts|texting|txts|sms"
            r"|text\s+messages|messages|msgs|contact|communications?)\b"
            r"(?!\s+(?:needed|necessary|required|until|till|til|yet|today|for\s+now|right\s+now|this\s+week)\b)"
            r"(?![^.!?]{0,40}\?)"
        ),
        "negation",
    ),
    # Kurmanji "ji kerema xwe êdî mesajan ji min re neşînin" (please send me no more messages); Swahili "tafadhali acha
    # kunitumia ujumbe" (stop sending me messages), "usinitumie ujumbe" (do not send me), "sitaki ujumbe" (I want none)
    (
        _re(
            r"\b(?:mesaj|peyam|sms)\w*\s+(?:(?:ji|bo|min|me|re|edi|tu|ti)\s+){0,4}ne(?:sinin|sine|sin)\b"
            r"|\bedi\s+(?:(?:ji|bo|min|me|re)\s+){0,3}ne(?:sinin|sine)\b"
            r"|\b(?:acha|acheni|wacha|koma)\s+(?:kabisa\s+)?(?:kunitumia|kututumia|kunisumbua|kutusumbua|kutuma\s+ujumbe)\b"
            r"|\b(?:usinitumie|msinitumie|usitutumie|msitutumie)\b"
            r"|\bsitaki\s+(?:tena\s+)?(?:ujumbe|meseji|sms)\b"
        ),
        "none",
    ),
    # Bengali "আমার নম্বর মুছে ফেলুন" (delete my number); Nepali "म्यासेज पठाउन बन्द गर्नुहोस्" (stop sending messages),
    # "मेरो नम्बर हटाउनुहोस्" (take my number off); Sorani Kurdish "ئیتر نامەم بۆ مەنێرە" (send me no more messages),
    # "ژمارەکەم بسڕەوە" (delete my number), "نامە ناردن ڕابگرە" (stop sending messages)
    (
        _re(
            r"(?:নম্বর|নাম্বার)\S*\s+(?:\S+\s+){0,3}(?:মুছে|বাদ|কেটে|সরিয়ে|ডিলিট)\s*(?:দিন|দেন|ফেলুন|ফেলেন|করুন|করেন|দাও)"
            r"|(?:म्यासेज|मेसेज|मैसेज|सन्देश|एसएमएस)\s+(?:पठाउन|पठाउने|गर्न)\s+(?:बन्द|बंद)"
            r"|(?:नम्बर|नंबर)\s+(?:\S+\s+){0,3}(?:हटाउनु|हटाइदिनु|हटाउनुस|हटाइदिनुस|मेटाउनु|मेटाइदिनु|मेटाउनुस)"
            r"|(?:نامە|مەسج|مسج|ئیتر|بۆم)\S*\s+(?:\S+\s+){0,3}مەنێر"
            r"|ژمارە\S*\s+(?:\S+\s+){0,2}(?:بسڕەوە|بسڕنەوە|بسڕە|لابە|لابدە|لاببە|لابەن)"
            r"|(?:نامە|مەسج|مسج)\S*\s+(?:ناردن\s+)?ڕابگر"
        ),
        "none",
    ),
    # the seventy-third: a request to stop said to us: "I'm going to need you to stop. Thanks", "we need y'all to stop
    # now", and "you stop too" beside a request for someone else ("Whoever gave you this number, tell them to stop. And
    # you stop too"); not "I need you to stop by", "need you to stop the delivery", "I don't need you to stop", "did
    # you stop too?"
    (
        _re(
            r"\b(?:need|needs|want|wants|asking|begging)\s+(?:you|u|y'all|yall|ya|you\s+guys|you\s+all|you\s+people)\s+"
            r"to\s+(?:just\s+|please\s+|kindly\s+)?stop\b(?=\s*(?:[.!,;]|$|(?:now|please|pls|plz|immediately|asap"
            r"|already|too|thanks|thank\s+you|thx|ty|for\s+real|seriously|ok|okay|it|right\s+now)\b))"
            r"|\b(?:you|u|y'all|yall|you\s+guys)\s+(?:need\s+to\s+|have\s+to\s+|gotta\s+|should\s+|can\s+)?stop\s+"
            r"(?:too|also|as\s+well)\b(?!\W*\?)"
            # the eighty-third: "you people need to STOP", "y'all gotta stop already" (not "you need to stop by")
            r"|\b(?:you|u|y'all|yall|ya'll|you\s+guys|you\s+people|you\s+all)\s+(?:really\s+|seriously\s+|just\s+)?"
            r"(?:need|needs|have|gotta|got|must|better|should)\s+(?:to\s+)?stop\b(?!\W*\?)"
            r"(?=\s*(?:[.!,;]|$|(?:now|already|it|this|texting|messaging|txting|contacting|please|pls|asap|immediately"
            r"|for\s+real|seriously|lol)\b))"
        ),
        "negation",
    ),
    # the seventy-eighth: voice-to-text "please a move my number from your list" (remove); "Dont want it dont need
    # it dont text it"; Czech "už mi nepište" (do not write to me any more); Hmong "thov txhob xa ntawv tuaj rau
    # kuv" (please do not send messages to me); Lao "ຢຸດສົ່ງຂໍ້ຄວາມ" (stop sending messages), "ຢ່າສົ່ງຂໍ້ຄວາມ" (do
    # not send messages), "ລຶບເບີຂ້ອຍ" (delete my number)
    (
        _re(
            r"\b(?:a|uh|re|ree|ri)\s+move\s+(?:me|us|(?:my|our|this)\s+(?:cell\s+|phone\s+)?(?:number|#|name|info))\s+"
            r"(?:from|off)\b"
            r"|(?:^|[.!,;]\s*|\b(?:it|and|so|just|please|pls|plz)\s+)(?:don't|dont|do\s+not)\s+(?:text|txt|message|msg)\s+it"
            r"\W*$"
        ),
        "negation",
    ),
    (
        _re(
            r"\b(?:uz\s+)?(?:mi|nam)\s+(?:uz\s+)?(?:nepiste|neposilejte|nevolejte)\b|\bnepiste\s+mi\s+uz\b"
            r"|\btxhob\s+(?:tuaj\s+)?xa\s+(?:\w+\s+)?(?:ntawv|xov|lus|message|text)\w*"
            r"|ຢຸດ\s*ສົ່ງ|ຢ່າ\s*ສົ່ງ\s*ຂໍ້ຄວາມ|ລຶບ\s*ເບີ"
        ),
        "none",
    ),
    # the eighty-first, written to be hard: "Consider this number retired for your purposes", "we're going to have to
    # part ways, text-wise", "im good on these forever", "You can save yourself the postage on this one. Permanently.",
    # "This is not the channel for this, ever.", "This number should not be receiving these.", "I do not want business
    # solicitations on it"; not "consider this number my cell", "I'm good on these for now", "save yourself the trip,
    # I'll email it", "this number should be receiving the invoices"
    (
        _re(
            r"\bconsider\s+(?:this|my|our)\s+(?:number|line|phone|cell|#)\s+(?:retired|closed|off[\s-]limits|done|dead"
            r"|unavailable|gone)\b"
            r"|\bpart\s+ways\b[^.!?]{0,20}\btext(?:-?wise|ing|s)?\b"
            r"|\b(?:i'm|im|i\s+am|we're|were|we\s+are)\s+good\s+on\s+(?:these|those|the\s+texts|your\s+texts|texts|them|this)\s+"
            r"(?:forever|for\s+good|for\s+life|permanently|for\s+eternity|from\s+now\s+on)\b"
            r"|\bsave\s+(?:yourself|your(?:self)?)\s+(?:the\s+)?(?:postage|stamps?|trouble|time|breath|effort|energy|texts?)\b"
            r"[^.!?]{0,40}[.!]?\s*(?:permanently|forever|for\s+good|from\s+now\s+on|going\s+forward|in\s+the\s+future)\b"
            r"|\bnot\s+the\s+(?:right\s+)?(?:channel|place|number|line|way)\s+for\s+(?:this|these|that|sales|marketing"
            r"|solicitations?|pitches)\b[^.!?]{0,12}?\b(?:ever|period|at\s+all)\b"
            r"|\b(?:this|my|our)\s+(?:number|phone|line|cell|#)\s+(?:should\s+not|shouldn't|shouldnt|should\s+never)\s+(?:be\s+)?"
            r"(?:receiving|getting|be\s+getting|get|receive)\s+(?:these|this|those|texts|messages|any\s+of\s+(?:these|this))\b"
            r"|\b(?:do\s+not|don't|dont)\s+want\s+(?:any\s+)?(?:business\s+|sales\s+|marketing\s+)?(?:solicitations?"
            r"|marketing|sales\s+(?:texts|messages|pitches))\s+(?:on|to|at)\s+(?:it|this|my|our)\b"
        ),
        "negation",
    ),
    # the hundred-and-thirteenth, hundred-and-sixteenth and hundred-and-seventeenth: "If these texts don't stop I'm
    # forwarding them to my attorney" (a threat on the next text, as "text me again and I'll report you" is), a
    # marketer's words for their own tools: "pull me from this sequence", "remove from cadence", "opt me out of this
    # flow", "mark me as do-not-contact in your CRM". Not "if the texts don't stop by themselves", "pull me the
    # sequence numbers", "mark me down for Thursday"
    (
        _re(
            r"\bif\s+(?:these|the|your|those|ur)\s+(?:texts?|txts?|messages?|msgs?)\s+(?:don't|dont|do\s+not|won't|wont)\s+"
            r"stop\b(?!\s+(?:by\s+themselves|on\s+their\s+own|coming\s+in\s+on))"
            r"|\b(?:pull|remove|take|drop|delete|exclude|suppress|unenroll|un-enroll|kick|opt)\s+(?:me|us|this\s+number"
            r"|my\s+number|this\s+contact)?\s*(?:out\s+)?(?:of|from|off)\s+(?:this|the|your|that|ur)?\s*"
            r"(?:sms\s+|text\s+|outbound\s+|sales\s+)?(?:sequence|cadence|flow|drip|nurture|automation|workflow)s?\b"
            r"|\bmark\s+(?:me|us|this\s+(?:number|contact|lead)|my\s+number)\s+(?:as\s+)?(?:a\s+)?"
            r"(?:do[\s-]*not[\s-]*(?:contact|text|call)|dnc|dnt|unsubscribed|opted[\s-]*out)\b"
        ),
        "negation",
    ),
    # the hundred-and-twenty-ninth, hundred-and-thirty-first and hundred-and-thirty-second: Dari and Farsi "پیام روان
    # نکنید" / "پیام نفرستید" (don't send messages), "نمبرم را از لست تان پاک کنید" (delete my number from your list);
    # Pashto "پیغامونه مه لیږه" (don't send messages), "له لیست نه لرې کړه" (take off the list), in Latin letters
    # "message ma kawa", "number me delete ka"; Urdu "لسٹ سے ہٹا دیں" (take off the list), "میسج نہ کریں" (don't
    # message); Hindi, Gujarati and Nepali in Latin letters "number nikal do", "list mathi kadhi nakho", "text na
    # garnus", "number hataidinus", "ab mat bhejna"; Egyptian Arabic in Latin letters "balash el messages", "ems7
    # rakamy" (delete my number); Korean romanised "geuman bonaeseyo" (stop sending); Chinese
    # "請將我的號碼...刪除" (delete my number); Cantonese "唔好再打嚟", "mou zoi send"; Vietnamese "Ngưng giùm" (stop,
    # please); Taglish "stop na kayo mag text sa kanya"
    (
        _re(
            r"پیام\s+(?:روان|نفرست)\w*|روان\s+نکنید|نفرستید|(?:نمبر|شماره)\S*\s+را\s+(?:\S+\s+){0,4}?پاک\s+کن\w*"
            r"|مه\s+لیږ\w*|لرې\s+کړ\w*|\bmessage\s+ma\s+kawa\b|\bnumber\s+(?:me|mi|zama)\s+delete\s+ka\b"
            r"|(?:لسٹ|فہرست)\s+سے\s+(?:ہٹا|نکال)\s*(?:دیں|دو|دیجئے|دیجیے)|میسج\s+نہ\s+(?:کریں|کرو|بھیجیں|بھیجو)"
            r"|\bnumber\s+nikal\s+(?:do|dena|dijiye|dein|de)\b|\blist\s+se\s+nikal\w*"
            r"|\blist\s+(?:mathi|ma\s*thi)\s+(?:kadhi|kaadhi|kadh)\w*|\btext\s+na\s+garnu\w*|\bnumber\s+hatai\w*"
            r"|\b(?:ab|aage\s+se|phir\s+se)\s+mat\s+bhej\w*|\bmessage\s+mat\s+bhej\w*"
            r"|\bbalash\s+(?:el\s+)?(?:messages|msgs|rasayel|resayel)\b|\bems7\s+(?:rakamy|ra2amy|rakmy|nemrty|nemraty)\b"
            r"|\bgeuman\s+bonae\w*|\bbonaeji\s+ma\w*|\bmunja\s+geuman\b"
            r"|(?:號碼|号码)[^。！？]{0,12}(?:刪除|删除|移除)|(?:刪除|删除|移除)[^。！？]{0,6}(?:號碼|号码)"
            r"|唔好再(?:send|打|發|发|傳|传|text)|\b(?:mou|mhou|mm\s+hou)\s+(?:zoi|joi)\s+(?:send|text|sms|da|dar)\b"
            r"|(?<!\u0111ung\s)(?<!dung\s)\bngung\s+(?:gium|dum|giup|nhan|gui)\b"  # not "Đừng ngừng gửi" (don't stop)
            r"|\bstop\s+(?:na\s+)?(?:po\s+)?(?:kayo|kau)\s+(?:mag\s*-?\s*text|magtext)\b"
        ),
        "none",
    ),
    # the two-hundred-and-nineteenth (said without saying it, written to be hard): "Consider this door closed", "we're
    # done here, pal", "This is where you and I part ways", "the last one of these I ever want to see", "This is the
    # hint", "lets go ahead and un-give it", "pass on messaging me again", "this number is closed for business as far
    # as you people are concerned", "the last text you'll be sending me", "I want you gone from my phone", "Ni me
    # busquen más, este número ya no es para ustedes", "I'm going to need this to be the last message", "Go find another
    # number to pester", "goodbye to these texts", "86 this number", "Don't come knockin on this line again"; not "the
    # deal's door closed", "we're done here for today, see you Monday", "the last one I want to see is the blue one"
    (
        _re(
            r"\bconsider\s+(?:this|the|that)\s+door\s+(?:closed|shut)\b"
            r"|^\W*(?:ok\s+|okay\s+|alright\s+|yeah\s+)?(?:we're|we\s+are|were)\s+done\s+here\b(?:\W+(?:pal|buddy|bud|man|friend"
            r"|sir|lady|thanks))?\W*$"
            r"|\bthis\s+is\s+where\s+(?:you\s+and\s+i|you\s+and\s+me|we)\s+part\s+ways\b"
            r"|\blast\s+(?:one|text|message)\s+(?:of\s+these\s+)?i\s+(?:ever\s+)?want\s+to\s+(?:see|get|receive)\s*(?:$|[.!,]"
            r"|\s+from\s+(?:you|y'all|usdatabiz|your))"
            r"|\bthis\s+is\s+(?:the|your)\s+hint\b|\bun-?give\s+it\b"
            r"|\bpass\s+on\s+(?:messaging|texting|contacting)\s+(?:me|us)\b"
            r"|\b(?:number|line|phone)\s+is\s+closed\s+(?:for\s+business\s+)?as\s+far\s+as\s+(?:you|y'all|your\s+company)\b"
            r"|\blast\s+(?:text|message)\s+(?:you'll|you\s+will|you're\s+going\s+to|you\s+are\s+going\s+to)\s+(?:be\s+)?"
            r"(?:sending|send)\s+(?:me|us|this\s+number)\b"
            r"|\bwant\s+(?:you|y'all|u|your\s+company)\s+(?:gone|off)\s+(?:from\s+)?(?:my|this|our)\s+(?:phone|cell|number"
            r"|line)\b"
            r"|\bni\s+me\s+busquen\b|\bno\s+me\s+busquen\s+mas\b|\beste\s+numero\s+ya\s+no\s+es\s+para\s+(?:ustedes|usted)\b"
            r"|\bneed\s+this\s+to\s+be\s+the\s+last\s+(?:one|text|message)\b"
            r"|\bfind\s+(?:another|some\s+other|a\s+different)\s+(?:number|phone|person|sucker|victim)\s+to\s+(?:pester|bother"
            r"|text|spam|annoy|harass)\b"
            r"|\bgoodbye\s+to\s+(?:these|your|the)\s+(?:texts|messages)\b"
            r"|\b86\s+(?:this|my|our)\s+(?:number|#|phone|cell)\b"
            r"|\b(?:don't|dont|do\s+not)\s+come\s+knock\w*\s+(?:on\s+)?(?:this|my|our)\s+(?:line|number|phone|door)\s+again\b"
        ),
        "negation",
    ),
    # the two-hundred-and-eighteenth (polite, indirect and formal): "I don't care for these text messages and would
    # appreciate it if they did not continue", "We ask that no further marketing messages be sent here", "we ask that it
    # not be used for commercial messages", "Please direct any future correspondence to our mailing address rather than
    # this phone, as we do not accept texts from vendors"; not "appreciate it if they did not continue the old promo",
    # "ask that no further changes be sent after Friday" nor "we do not accept texts from patients after 5"
    (
        _re(
            r"\bappreciate\s+(?:it\s+)?if\s+(?:they|these|the\s+(?:texts|messages)|these\s+(?:texts|messages|text\s+messages))\s+"
            r"(?:did\s+not|didn't|didnt|would\s+not|wouldn't|do\s+not|don't)\s+(?:continue|keep\s+coming|come\s+anymore)\s*"
            r"(?:$|[.!,])"
            r"|\b(?:we|i)\s+(?:kindly\s+)?(?:ask|request)\s+that\s+no\s+(?:further|more|additional|other)\s+(?:\w+\s+){0,2}?"
            r"(?:messages|texts|solicitations|communications)\s+be\s+sent\b"
            r"|\b(?:ask|request)\s+that\s+(?:it|this|this\s+(?:line|number|phone|cell))\s+(?:not|never)\s+be\s+used\s+for\s+"
            r"(?:commercial|marketing|sales|business|promotional|advertising|solicitation)\b"
            r"|\b(?:direct|send)\s+(?:any|all)\s+(?:future\s+)?(?:correspondence|communications?|messages|inquiries)\s+to\s+"
            r"[^.!?]{0,60}\b(?:rather\s+than|instead\s+of)\s+(?:this|our|my)\s+(?:phone|number|line|cell)\b"
            r"|\b(?:we|i)\s+(?:do\s+not|don't|dont)\s+accept\s+(?:texts|text\s+messages|sms|solicitations)\s+from\s+(?:vendors"
            r"|salespeople|sales\s+reps|marketers|marketing\s+companies|solicitors)\s*(?:$|[.!,])"
        ),
        "negation",
    ),
    # the two-hundred-and-sixteenth (the third follow-up): "You've texted me 4 times now. My attorney will be in touch
    # if there's a 5th"; not "my attorney will be in touch about the contract"
    (
        _re(
            r"\b(?:attorney|lawyer|legal\s+team|counsel)\s+will\s+be\s+in\s+touch\s+if\s+(?:there's|there\s+is|i\s+get"
            r"|you\s+send|we\s+get|u\s+send)\s+(?:a\s+|one\s+)?(?:another|more|other|\d+(?:st|nd|rd|th)|second|third"
            r"|fourth|fifth|sixth|next)\b"
        ),
        "negation",
    ),
    # the two-hundred-and-ninth (someone else holds the phone) and two-hundred-and-tenth (near misses, requests written
    # sideways): Haitian Creole "retire nimewo sa a nan lis nou" (take this number off your list), "pa ekri ankò"
    # (don't write again); "I'm good, forever. Make this the last one", "I'd appreciate if this was the last message I
    # get from you", "please respect my no", "I'll report the next one", "cross me off whatever list this is", "wow a
    # fourth text from you guys, can't wait for the fifth", "I unsubscribed from your emails ... now you're texting??
    # same answer here", "My attorney handles unsolicited texts. Send another and you'll hear from her", "Fifth time
    # replying STOP"; not "make this the last one for today", "cross me off for Thursday", "I'll report the next one
    # to my manager", "send another sample and you'll hear from me" nor "I unsubscribed from your emails but text is
    # fine"
    (
        _re(
            r"\bretire\s+(?:nimewo|nimero)\s+sa\s*(?:a|la)?\s+(?:nan|sou)\s+lis\b|\bpa\s+(?:ekri|voye\s+mesaj)\s+anko\b"
            r"|\bmake\s+(?:this|that|it)\s+(?:the|your)\s+last\s+(?:(?:text|message|msg)\b(?!\s+(?:for|of|on|in|before|until"
            r"|till|this|today)\b)|one\s*(?:$|[.!]|,?\s+(?:please|pls|thanks|thx|ok)\b))"
            r"|\b(?:appreciate\s+(?:it\s+)?if|prefer\s+(?:it\s+)?(?:if|that)|would\s+like\s+(?:it\s+)?if)\s+(?:this|that)\s+"
            r"(?:was|were|is|would\s+be|will\s+be)\s+(?:the|your)\s+last\s+(?:text|message|msg|one)\s+(?:i\s+(?:get|receive"
            r"|see)|(?:you|u)\s+send)\b"
            r"|\bi'?m\s+good,?\s+forever\b|\brespect\s+(?:my|our)\s+no\b(?![\w-])"
            r"|\b(?:i'll|ill|i\s+will|i'm\s+gonna|im\s+gonna|gonna|will)\s+report\s+(?:the\s+next\s+(?:one|text|message|msg)"
            r"|any\s+(?:more|further|other)\s+(?:texts|messages|msgs))\s*(?:$|[.!,]|\s+(?:as|to\s+the\s+(?:fcc|ftc|carrier"
            r"|attorney\s+general)|for\s+spam)\b)"
            r"|\bcross\s+(?:me|us|my\s+(?:number|name)|this\s+number|our\s+(?:number|name))\s+off\s+(?:(?:your|ur|the|this"
            r"|that|whatever|any|all)\s+(?:(?:mailing|contact|call|calling|text|texting|sms|marketing|sales)\s+)?lists?\b"
            r"(?!\s+(?:for|of)\b)|\s*(?:$|[.!]))"
            r"|\b(?:second|third|fourth|fifth|sixth|seventh|2nd|3rd|4th|5th|6th|7th|\d+th)\s+(?:text|message|msg)\b"
            r"[^?]{0,40}\bcan'?t\s+wait\s+for\s+the\s+(?:next|third|fourth|fifth|sixth|seventh|eighth|\d+(?:rd|th))\b"
            r"|\bunsubscribed\s+from\s+(?:your|ur|the|all\s+your)\s+(?:e-?mails?|newsletters?|mailing\s+list|list)\b.{0,100}?"
            r"\bsame\s+(?:answer|deal|goes|thing)\b"
            r"|\b(?:attorney|lawyer|legal\s+team|counsel)\b.{0,80}?\b(?:send|text)\s+(?:me\s+|us\s+)?(?:another|one\s+more"
            r"|again)\b.{0,20}?\b(?:you'll|you\s+will|u'll|ull)\s+hear\s+from\s+(?:her|him|them|my|our)\b"
            r"|\b(?:send|text)\s+(?:me\s+|us\s+)?(?:another|one\s+more|again)\b.{0,20}?\b(?:you'll|you\s+will|u'll|ull)\s+"
            r"hear\s+from\s+(?:my|our)\s+(?:attorney|lawyer|legal\s+team|counsel)\b"
            r"|\b(?:second|third|fourth|fifth|sixth|seventh|2nd|3rd|4th|5th|6th|7th|\d+th|umpteenth|nth|another)\s+time\s+"
            r"(?:replying|texting|sending|typing|saying|writing|i've\s+(?:replied|sent|typed|said))\s+stop\b"
        ),
        "negation",
    ),
    # the two-hundred-and-sixth (typed fast, no marks) and two-hundred-and-seventh (busy owners, autocorrect): "dont
    # stop sending the specials is what i tell my regular vendors but u arent one so yeah stop", "Remove from lost
    # please", "whoever put this # on a list pls delete it", "enough already w these msgs"; not "so stop by", "the lost
    # and found", "put this number on a list of vendors for me" nor "enough already with the rain"
    (
        _re(
            r"\bso\s+(?:yeah\s+|yea\s+|ya\s+|yes\s+|please\s+|pls\s+|plz\s+|just\s+)*stop\s*(?:$|[.!])"
            r"|\b(?:remove|rmv|take|delete)\s+(?:me\s+|us\s+|my\s+number\s+|this\s+number\s+)?(?:from|off|off\s+of)\s+"
            r"(?:your\s+|ur\s+|the\s+|this\s+|that\s+|you're\s+)?(?:lost|lust|liat|lidt|lisr)\b(?!\s+(?:and|&|n)\s+found\b)"
            r"|\b(?:put|added|add)\s+(?:this|my|our)\s+(?:#|number|phone|cell|contact)\s+(?:on|to)\s+(?:a|your|the|this|that"
            r"|some)\s+list\b[^?]{0,30}\b(?:delete|remove|erase|take)\s+(?:it|that|this|us|me)\b(?!\s+(?:to|for)\b)"
            r"|\benough\s+(?:already\s+)?(?:with|w|w/)\s+(?:these|the|your|all\s+these|all\s+the|all\s+your|ur)\s+"
            r"(?:texts|msgs|messages|txts|text\s+messages|texting|messaging)\b"
        ),
        "negation",
    ),
    # the two-hundred-and-fourth (shared and passed-on phones, written to be hard): "Whatever algorithm put me on
    # there, take me back out of it", "Could we maybe just... not do this anymore? Ever?", "Please don't send anything
    # to it, not now not ever", "id like these to end please", "The new folks ... don't want these either. Take it
    # off.", "Whatever this is hes out. Take him out."; not "don't send anything to it yet", "we don't want these
    # flyers either", "How would I opt out later if I don't want these anymore?" nor "take him out to dinner"
    (
        _re(
            r"\btake\s+(?:me|us)\s+(?:back\s+)?out\s+of\s+(?:it|there|that|this|them)\s*(?:$|[.!,])"
            r"|\b(?:could|can)\s+we\s+(?:(?:maybe|please|just)[.\s\u2026]+)*not\s+do\s+this\s+(?:anymore"
            r"|any\s+more|again)\b"
            r"|\b(?:don't|dont|do\s+not|never)\s+send\s+(?:anything|nothing|any\s+more|anymore)\s+(?:else\s+)?to\s+(?:it|this"
            r"|this\s+(?:number|phone|cell)|him|her|them)\b(?!\s+(?:yet|until|till|before)\b)"
            r"|\b(?:i'd|id|i\s+would|we'd|we\s+would)\s+like\s+(?:these|the\s+texts|these\s+texts|the\s+messages|these\s+messages"
            r"|them|this)\s+to\s+(?:end|stop|cease)\b"
            r"|(?<!if\s)\b(?:they|he|she|we|i)\s+(?:don't|dont|do\s+not|doesn't|doesnt|does\s+not)\s+want\s+(?:these|your\s+texts|these"
            r"\s+texts|the\s+texts|them|your\s+messages)\s+(?:either|anymore|any\s+more)\b"
            r"|\b(?:number|phone|line|cell)\b[^?]{0,200}\btake\s+it\s+off(?:\s+(?:your|the)\s+(?:list|system))?\s*(?:$|[.!])"
            r"|\b(?:he's|hes|she's|shes|he\s+is|she\s+is)\s+out\b[^?]{0,20}\btake\s+(?:him|her)\s+(?:off|out)\s*(?:$|[.!])"
        ),
        "negation",
    ),
    # the two-hundredth (written to be hard): "Lose my contact info", "Dr. Patel has asked that vendors not contact her
    # personal cell", "Texting me at 7am on a Sunday is a bold strategy. Don't ever do it again.", "Is there some way to
    # make these texts go away permanently", "You know what would really help my business? Not getting these anymore.",
    # "This cell isn't for business texts so don't use it"; not "did you lose my contact info?", "make these texts go
    # out on Tuesday", "not getting these? check your spam folder", "this cell isn't for business, call the shop" nor
    # "texting me the invoice twice, don't do that again"
    (
        _re(
            r"(?<!you\s)(?<!u\s)(?<!i\s)(?<!we\s)(?<!to\s)(?<!did\s)\blose\s+(?:my|our|this)\s+(?:contact\s+info(?:rmation)?"
            r"|contact\s+details|contact|info|details|digits)\b"
            r"|\basked\s+that\s+(?:vendors|companies|salespeople|sales\s+reps|solicitors|marketers|people|outside\s+companies"
            r"|you|your\s+company)\s+(?:not|never|no\s+longer)\s+(?:contact|text|call|message)\s+(?:her|him|me|us|them)"
            r"(?=\s*(?:$|[.,;!])|\s+(?:personal\s+|private\s+|own\s+)?(?:cell|phone|number|line|mobile|directly|again"
            r"|anymore)\b)"
            r"|\btext(?:ing|ed)?\s+(?:me|us)\s+(?:at|on|this|so|every|before|after|again|early|late|like)\b[^!?]{0,60}\b(?:don't"
            r"|dont|do\s+not|never)\s+(?:ever\s+)?do\s+(?:it|that|this)\s+"
            r"again\b"
            r"|\bmake\s+(?:these|the|your|all\s+these|all\s+the|all\s+your)\s+(?:texts|messages|msgs|txts|text\s+messages)\s+"
            r"(?:go\s+away|stop|end|disappear|quit)\b"
            r"|(?:^|[.?!]\s*)not\s+getting\s+(?:these|your\s+texts|your\s+messages|these\s+texts|these\s+messages"
            r"|texts\s+from\s+(?:you|y'all|u))(?:\s+(?:anymore|any\s+more|again|ever\s+again))?\s*(?:$|[.!])"
            r"|\b(?:this|my)\s+(?:cell|phone|number|line)\s+(?:isn't|isnt|is\s+not|ain't)\s+for\s+(?:business\s+)?(?:texts"
            r"|texting|business|work|sales)\b[^.!?]{0,30}\b(?:so\s+)?(?:please\s+)?(?:don't|dont|do\s+not)\s+(?:use|text)\s+"
            r"(?:it|this|this\s+one|that)\b"
        ),
        "negation",
    ),
    # the hundred-and-ninety-seventh (professional offices): "I would appreciate it if our firm could be excluded from
    # any future outreach", "... has asked that we request removal from all USDataBiz marketing lists. Please confirm in
    # writing"; not "we were excluded from the outreach grant" nor "we request removal of the old sign"
    (
        _re(
            r"\b(?:be|been|get|are|is|being)\s+excluded\s+from\s+(?:any|all|your|ur|future|further)\s+(?:(?:future|further"
            r"|of\s+your|sms|text|marketing)\s+)?(?:outreach|contacts?|communications?|texts|messages|marketing|mailings"
            r"|solicitations?|lists?|campaigns?)\b(?!\s+(?:grants?|programs?|funds?|money|awards?)\b)"
            r"|\bexclude\s+(?:us|me|our\s+\w+|this\s+number|my\s+number)\s+from\s+(?:any|all|your|ur|future|further)\s+"
            r"(?:(?:future|further|sms|text|marketing)\s+)?(?:outreach|contacts?|communications?|texts|messages|marketing"
            r"|mailings|solicitations?|lists?|campaigns?)\b"
            r"|\brequest(?:s|ed|ing)?\s+(?:the\s+|our\s+|my\s+|immediate\s+|its\s+)?removal\b(?=\s*(?:$|[.!,;]|from\b"
            r"|of\s+(?:my|our|this|the|its)\s+(?:number|name|info|information|contact|firm|office|practice|data|cell|phone)\b))"
        ),
        "negation",
    ),
    # the hundred-and-ninety-fourth (replies to a second or third follow-up): "Now go be persistent with someone else's
    # phone and delete mine" (a number named, then "mine" to delete); not "your photo looks like mine, delete mine"
    (
        _re(
            r"\b(?:phone|number|cell|cell\s+phone|line|contact|contact\s+info)\b[^.!?]{0,60}(?<!don't\s)(?<!dont\s)(?<!not\s)"
            r"(?<!ever\s)(?<!need\sto\s)\b(?:delete|remove|erase|lose|forget"
            r"|drop)\s+mine\b"
        ),
        "negation",
    ),
    # the hundred-and-eighty-seventh (a plain week) and hundred-and-ninety-second (owners for whom English is a second
    # language): "... like you're spamming me? clowns" (our texts called spam: the corpus's convention), "why are you
    # spamming me", "no text on cell pls. if need, call store 713-555-0148 after 3pm" (texts refused on this phone, the
    # store's number given for calls); not "are you spamming me?" (asked), "so you want me to spam my own customers",
    # "no text on weekends pls", nor "I got no text on my phone yet" (none arrived)
    (
        _re(
            r"(?<!are\s)(?<!r\s)\b(?:you're|youre|you\s+are|ur|u\s+are|u|y'all\s+are|yall\s+are|you\s+guys\s+are"
            r"|you\s+people\s+are)\s+(?:just\s+|literally\s+|basically\s+|still\s+|always\s+)?spamming\s+(?:me|us"
            r"|my\s+(?:phone|cell|number)|this\s+(?:number|phone))\b"
            r"|\bwhy\s+(?:are|r|do|does)\s+(?:you|u|y'all|yall|you\s+guys|you\s+people|this\s+company)\s+(?:still\s+|keep\s+|always\s+)?"
            r"spam(?:ming)?\s+(?:me|us|my\s+(?:phone|cell|number))\b"
            r"|(?<!got\s)(?<!get\s)(?<!see\s)(?<!saw\s)(?<!received\s)(?<!is\s)(?<!was\s)(?<!there's\s)(?<!had\s)(?<!have\s)"
            r"\bno\s+(?:texts?|txts?|sms|text\s+messages?)\s+(?:on|to)\s+(?:(?:this|my|the|that)\s+)?(?:cell|cellphone"
            r"|cell\s+phone|phone|number|mobile)\b(?!\s+(?:yet|from|after|before|until|till|til|during|between|at\s+night"
            r"|on\s+(?:weekends|sundays|saturdays))\b)"
        ),
        "negation",
    ),
    # the hundred-and-eighty-fourth, hundred-and-eighty-eighth and hundred-and-eighty-ninth: "Dont text here, email
    # office@... if you need something" (not a time, "don't text here before 9", nor the writer's habit, "I don't text
    # here much"), "Kindly remove St. Brigid's Parish from your contacts" (a name with its abbreviation's dot), "lol you
    # people will spam anybody"; Spanish "Si me vuelven a texear llamo a la policia" (text me again and I call the
    # police; not "si me vuelves a escribir el lunes te paso el precio"), "no quiero saber nada de ustedes" (I want
    # nothing to do with you), "No autorizo que me envien mensajes de texto" (I don't authorise texts), "Favor de
    # retirar mi numero" (please take my number off)
    (
        _re(
            r"\b(?:don't|dont|do\s+not|never)\s+(?:ever\s+)?text\s+(?:me\s+|us\s+)?(?:here|on\s+here|to\s+this\s+(?:number"
            r"|phone|cell))\b(?!\s+(?:before|after|until|till|til|during|between|on\s+weekends|at\s+night|much|often|a\s+lot)\b)"
        ),
        "anysubject",
    ),
    (
        _re(
            r"\bremove\s+(?:[\w'.&-]+\s+){1,5}?from\s+(?:your|ur|the)\s+(?:contacts?|contact\s+list|list|lists|database|system"
            r"|texts?|marketing)\b(?!\s+(?:price|of)\b)"
            r"|\b(?:you|you\s+people|y'all|yall|you\s+guys|u\s+people|u\s+guys)\s+(?:will|would|'ll|just|really)\s+spam\s+"
            r"(?:anybody|anyone|everybody|everyone|anything)\b"
            r"|\bsi\s+(?:me|nos|le)\s+(?:vuelven|vuelves|vuelve)\s+a\s+(?:tex\w*|escribir|mandar|enviar|contactar|mensajear)\b[^.!?]{0,40}"
            r"\b(?:policia|reporto|reportar|denuncio|denunciar|demando|demandar|bloqueo|bloquear|abogado)"
            r"|\bno\s+(?:quiero|queremos)\s+saber\s+nada\s+(?:de|con)\s+(?:ustedes|uds|usted|ti|su\s+compania|esa\s+compania)\b"
            r"|\bno\s+(?:autorizo|autorice|autorizamos)\s+(?:que\s+me\s+(?:envien|manden|escriban|contacten|texteen)"
            r"|(?:el\s+)?(?:envio|uso)\s+de\s+(?:mensajes|textos|mi\s+numero))"
            r"|\b(?:favor\s+de\s+|por\s+favor\s+)?retir(?:ar|en|e)\s+mi\s+(?:numero|telefono|cel|celular|nombre)\b"
        ),
        "negation",
    ),
    # the hundred-and-eighty-fifth (staff answering a business line) and hundred-and-eighty-sixth (mixed intents): "Mr.
    # Delgado ... wants these messages to end. Please confirm removal.", "Nice. Spam from a company called 'USDataBiz'"
    (
        _re(
            r"(?<!don't\s)(?<!dont\s)(?<!not\s)(?<!never\s)(?<!doesn't\s)(?<!doesnt\s)(?<!didn't\s)"
            r"\b(?:want|wants|wanted|need|needs|would\s+like)\s+(?:these|the|your|all\s+(?:these|the|your))\s+(?:messages|texts"
            r"|txts|msgs|text\s+messages)\s+to\s+(?:end|stop|cease)\b"
            r"|\b(?:please\s+|pls\s+|kindly\s+)?confirm\s+(?:my\s+|his\s+|her\s+|our\s+|their\s+|the\s+|this\s+)?removal"
            r"(?=\s*(?:$|[.!?,;]|from\s+(?:your|the|ur)\s+(?:list|database|system)|of\s+(?:my|this|our|his|her|their|the)\s+"
            r"(?:number|name|info|information|contact|cell|phone|line|data)\b))"
            r"|(?:^|[.!?]\s*)spam\s+from\s+(?:a\s+company|you|u|y'all|yall|your\s+company|usdatabiz|a\s+\w+\s+company)\b"
        ),
        "negation",
    ),
    # the hundred-and-eighty-second (written to be hard, a fourth take): "I'm begging you let this be the end of it",
    # "... you owe me some peace and quiet. Don't write back" (not "call dont text back": calls asked for, nor "don't
    # text back, see you tuesday": a meeting set), "I don't know you, never signed up for anything, and I'd like to go
    # on never hearing from you"
    (
        _re(
            r"\blet\s+(?:this|that|it)\s+be\s+the\s+end\s+of\s+(?:it|this|them|these|the\s+texts|the\s+messages)\b"
            r"|(?<!call\s)(?<!call\sme\s)\b(?:don't|dont|do\s+not)\s+(?:ever\s+)?(?:write|text|message)\s+(?:me\s+|us\s+)?back\b"
            r"(?![^.!?]{0,30}\b(?:see\s+(?:you|ya)|all\s+set|we're\s+set|talk\s+(?:then|soon|tomorrow))\b)"
            r"|\b(?:like|love|prefer|want|wish|plan|happy|content)\s+(?:to\s+)?(?:go\s+on|keep(?:\s+on)?|continue|stay)\s+"
            r"never\s+hear(?:ing)?\s+from\s+(?:you|u|y'all|yall|ya|your\s+\w+)\b"
            r"|(?:^|[,.;]\s*)never\s+signed\s+up\s+for\s+(?:anything|this|these|that|it|nothin\w*|any\s+of\s+(?:this|these|it))\b"
        ),
        "negation",
    ),
    # the hundred-and-seventy-ninth (how owners write: dyslexic and phonetic spellings): "pleaze no mor mesages",
    # "tak me of" (take me off); not "no more massage appointments" nor "take care of me"
    (
        _re(
            r"\bno\s+(?:mor|moar|mroe|moor|mo)\s+(?:m[aeiu]s+[aeiu]?g[aeiu]?s?|texs|texts?|tekst?s|txts?|textes)\b"
            r"|\bta[ck]e?\s+(?:me|us|my\s+number|my\s+numbr)\s+(?:of|of+)\s*(?:$|[.!,]|(?:ur|your|yur|yor|the|da)\s+"
            r"(?:list|lis|lst|lisst)\b)"
        ),
        "negation",
    ),
    # the hundred-and-seventy-sixth and hundred-and-seventy-seventh (older owners; the rural Midwest): "please
    # discontinue contacting me", "If not please stop writing me", "mark me down as a no-contact", "I don't know how
    # you got this number but I'd appreciate it if you'd lose it", and a grandparent asking a grandchild in the thread
    # ("how do I make these people stop sending me things", "Honey can you tell them to stop"); not "stop by", an
    # errand ("tell them to stop parking out front") or a time ("stop writing me at work")
    (
        _re(
            r"\b(?:discontinue|cease)\s+(?:all\s+|any\s+(?:further\s+)?)?(?:contacting|texting|messaging|writing(?:\s+to)?"
            r"|contact\s+with)\s+(?:me|us|this\s+number|my\s+number)\b"
            r"(?!\s+(?:before|after|until|till|til|during|at\s+(?:work|night)|on\s+weekends)\b)"
        ),
        "none",
    ),
    (
        _re(
            r"\bstop\s+writing\s+(?:to\s+)?(?:me|us)\b(?!\s+(?:before|after|until|till|til|during|at\s+(?:work|night)"
            r"|on\s+weekends|about)\b)"
            r"|\b(?:make|get|tell)\s+(?:them|these\s+(?:people|folks|guys|texts|messages)|those\s+(?:people|folks|guys))"
            r"\s+(?:to\s+)?stop(?:\s*(?:[.!?,;]|$)|\s+(?:sending|texting|messaging|writing|contacting|bothering)"
            r"\s+(?:me|us|grandma|grandpa|mom|dad|these|those|things|stuff|texts|messages)\b|\s+i\s+(?:dont|don't|do\s+not"
            r"|cant|can't)\s+know\b)"
        ),
        "negation",
    ),
    (
        _re(
            r"\b(?:mark|put|list|flag|note)\s+(?:me|us|this\s+number|my\s+number)\s+(?:down\s+)?(?:as\s+(?:a\s+)?"
            r"|on\s+(?:the|your)\s+)(?:no[\s-]?contact|do[\s-]+not[\s-]+(?:contact|text)|no[\s-]?texts?|opted[\s-]?out"
            r"|unsubscribed)\b"
            r"|\bnumber\b[^.!?]{0,60}?\b(?:you'd|you\s+would|you\s+could|you)\s+(?:just\s+|please\s+)?(?:lose|delete"
            r"|forget|toss)\s+it\b(?!\s+(?:for|in|on|at|when|after|before|until)\b)"
            # "my wife says i should write STOP so here it is STOP": the keyword sent as told, at the end
            r"|\bhere\s+(?:it\s+is|you\s+go|ya\s+go|goes)\W*\s+(?:stop|unsubscribe|unsub|opt\s*out)\W*$"
        ),
        "none",
    ),
    # the hundred-and-seventieth: a request relayed for the one the line belongs to ("Dr. Patel asked that you not
    # contact this number anymore", "The doctor requests that you no longer text the after hours line"); not a time
    # ("... not contact her before noon") or someone else's people ("... not contact our customers directly")
    (
        _re(
            r"\b(?:ask|asks|asked|request|requests|requested|insist|insists|insisted)\s+that\s+(?:you|u|y'all|yall"
            r"|your\s+(?:company|office|team|people))\s+(?:not|no\s+longer|stop|cease|quit|never)\s+(?:contact|text|messag"
            r"|send|reach)\w*\s+(?:to\s+)?(?:this|that|the|our|my|his|her|their)\s+(?:[\w'-]+\s+){0,2}?(?:number|line"
            r"|phone|cell|office|practice|clinic|desk|shop|store)\b(?![\w\s'-]{0,25}?\b(?:before|after|until|till|til"
            r"|during|at\s+night|on\s+weekends)\b)"
        ),
        "none",
    ),
    # the hundred-and-sixty-seventh and hundred-and-seventy-first: "don't use this phone again", "do not use this
    # number anymore"
    (
        _re(
            r"\b(?:don't|dont|do\s+not|never)\s+(?:ever\s+)?use\s+(?:this|my|our)\s+(?:phone|number|cell|line)\s+(?:again|anymore"
            r"|any\s+more|ever\s+again)\b"
        ),
        "negation",
    ),
    # the hundred-and-sixty-fourth, hundred-and-sixty-eighth and hundred-and-sixty-ninth: polite and hedged requests
    # ("we'll pass, and no need to follow up", "Would you mind not texting this number anymore?", "it might be best if
    # you didn't contact us going forward", "we'd kindly ask not to be contacted again", "I would appreciate it if
    # they'd quit coming", "I'd appreciate being left off of them", "I'm going to ask you to please not send me anything
    # else", "Please don't send any more of these"); Samoan "aua ne'i toe fa'afeso'ota'i mai" (do not contact again),
    # "... pls no more"; Ilocano "Saanmo koman nga i-text" (please don't text); Cebuano "Ayaw na ko i-text", "Ayaw na mo
    # pag message diri" (don't text me any more); Chamorro "cha'-mu ma text yu'" (don't text me); Patois "Reporting unu
    # as spam", "Nuh bodda text mi again"; Haitian Creole "Retire l nan lis nou an" (take it off your list); Hawaiian
    # Pidgin "No send her no moa"; French "ne plus recevoir ces messages"
    (
        _re(
            r"\b(?:we'll|we\s+will|i'll|i\s+will)\s+pass\b[^.!?]{0,20}\bno\s+need\s+to\s+follow\s+up\b"
            r"|\bno\s+need\s+to\s+follow\s+up\s+(?:again|anymore|any\s+more|further|with\s+(?:us|me))\b"
            r"|\b(?:would|do)\s+(?:you|ya|y'all|yall)\s+mind\s+not\s+(?:texting|messaging|contacting|sending|txting)\b"
            r"(?!\s+(?:me\s+|us\s+)?(?:before|after|until|till|til|during|at\s+night|on\s+weekends)\b)"
            r"|\b(?:best|better|nice|kind)\s+if\s+(?:you|u|y'all|yall)\s+(?:didn't|did\s+not|didnt|wouldn't|would\s+not"
            r"|no\s+longer)\s+(?:message|text|contact|send)\w*\b(?!\s+(?:me\s+|us\s+)?(?:before|after|until|till|til|during)\b)"
            r"|\b(?:ask|request)\s+(?:you\s+)?(?:to\s+not|not\s+to)\s+be\s+(?:contacted|texted|messaged|called|bothered)\b"
            r"|\bappreciate\s+it\s+if\s+(?:they|these|those|the\s+texts|the\s+messages)(?:'d|\s+would)\s+(?:quit|stop|cease)\s+"
            r"(?:coming|arriving)\b"
            r"|\b(?:appreciate|like|prefer)\s+being\s+left\s+off\b"
            r"|\bask\s+(?:you\s+)?to\s+(?:please\s+)?not\s+(?:send|text|message|contact)\s+(?:me|us)\b"
            r"|\b(?:don't|dont|do\s+not)\s+send\s+(?:me\s+|us\s+)?(?:any\s*more|anything\s+else|another)\s+(?:of\s+(?:these|those"
            r"|them|this)|texts|messages)\b(?!\s*\?)"  # (not "Don't send me any more of these?": a question)
            r"|\baua\s+(?:ne'?i\s+)?toe\s+(?:fa'?afeso'?ota'?i|feso'?ota'?i|text|tusi|auina)\w*"
            r"|\b(?:pls|please|plz)\s+no\s+more\s*$"
            r"|\bsaan(?:mo|yo|nyo)\s+(?:koman\s+|kadi\s+)?(?:nga\s+)?(?:i-?text|i-?message|tawagan)\w*"
            r"|\bayaw\s+na\s+(?:ko|ako|mo|kami|mi)\s+(?:i-?text|pag\s*-?\s*(?:message|text)|i-?message)\w*"
            r"|\bcha'?-?mu\s+ma\s+(?:text|tugi'?i)\b"
            r"|\breport\w*\s+unu\b|\b(?:nuh|doh|noh)\s+(?:bodda|bother)\s+(?:text|sen|send|call)\s+(?:mi|me)\b"
            r"|\bretire\s+(?:l|li|m|mwen)\s+(?:nan|sou)\s+lis\b"
            r"|\bno\s+send\s+(?:her|him|me|us|dem)\s+no\s+(?:moa|more)\b"
            r"|\bne\s+plus\s+recevoir\s+(?:ces|vos|de|les|d')\s*(?:messages|textos|sms|texto)\b"
        ),
        "negation",
    ),
    # the hundred-and-sixty-first, hundred-and-sixty-fifth and hundred-and-sixty-sixth: "please leave me off future
    # texts", "I'd be grateful if you didn't message me going forward", "could you maybe not send any more of these?",
    # "I'd prefer not to receive solicitations by text"
    (
        _re(
            r"\bleave\s+(?:me|us)\s+off\s+(?:of\s+)?(?:(?:any|all|your|the)\s+)?(?:future\s+)?(?:texts|messages|lists?|mailings)\b"
            r"|\b(?:grateful|appreciate\s+it|thankful)\s+if\s+(?:you|u|y'all|yall)\s+(?:didn't|did\s+not|didnt|wouldn't"
            r"|would\s+not|no\s+longer)\s+(?:message|text|contact|send)\w*\b"
            r"(?!\s+(?:me\s+|us\s+)?(?:before|after|until|till|til|during|at\s+night|on\s+weekends)\b)"
            r"|\b(?:could|can|would)\s+(?:you|u|y'all|yall)\s+(?:(?:maybe|please|just|kindly)\s+)*not\s+(?:send|text|message)\s+"
            r"(?:me\s+|us\s+)?(?:any\s*more|more|further)\b(?!\s+(?:info|information|details|pics|photos|pictures|specs)\b)"
            r"|\b(?:prefer|rather|wish)\s+not\s+to\s+(?:receive|get)\s+(?:any\s+)?(?:solicitations?|marketing|texts|messages)\b"
        ),
        "negation",
    ),
    # the hundred-and-fifty-eighth, hundred-and-sixty-second and hundred-and-sixty-third: "Take us both off please";
    # offices' "not to be used for solicitation", "We do not accept vendor texts on this line", "this number may not
    # receive marketing messages", "Please scrub all our numbers from your lists"; "don't ever contact my business
    # again"; "Go away USDataBiz. Go far away. Never come back."
    (
        _re(
            r"\b(?:take|remove|drop|delete|get)\s+(?:us|them)\s+(?:both|all)\s+off\b"
            r"|\b(?:take|remove|drop)\s+both\s+of\s+us\s+off\b"
            r"|\bnot\s+to\s+be\s+used\s+for\s+(?:any\s+)?(?:solicitations?|marketing(?:\s+(?:texts|messages|purposes))?)"
            r"(?!\s+\w)"
            r"|\b(?:do\s+not|don't|dont|does\s+not|doesn't|doesnt|cannot|can't|cant)\s+(?:accept|receive|take|allow)\s+"
            r"(?:any\s+)?(?:vendor|marketing|sales|solicitation|promotional|third[\s-]party)\s+(?:texts|messages|sms"
            r"|solicitations?|contact)\b"
            r"|\b(?:this\s+(?:number|line|phone)|we)\s+(?:may\s+not|cannot|can't|cant|must\s+not)\s+receive\s+(?:any\s+)?"
            r"(?:marketing|sales|promotional|solicitation|vendor)\s+(?:messages|texts|sms|communications)\b"
            r"|\bscrub\s+(?:all\s+)?(?:of\s+)?(?:our|my|this|these|the)\s+(?:numbers?|contacts?|info|lines?)\s+(?:from|off)\s+"
            r"(?:of\s+)?(?:your|ur|all\s+your|any|every)\b"
            r"|\b(?:don't|dont|do\s+not|never)\s+(?:ever\s+)?(?:text|contact|message|call)\s+(?:my|our)\s+(?:business|shop"
            r"|store|office|company)\s+(?:again|anymore|any\s+more|ever)\b"
            r"|\bgo\s+(?:far\s+)?away\b[^?]{0,40}\bnever\s+come\s+back\s*(?:[.!]|$)"
        ),
        "negation",
    ),
    # the hundred-and-fifty-fifth, hundred-and-fifty-ninth and hundred-and-sixtieth: a learner's "please no send me
    # more message", "not send me again", "no write to me more"
    (
        _re(
            r"\b(?:no|not|never)\s+(?:send|sent|text|write|message)\s+(?:me|us|to\s+me|to\s+us)\s+(?:(?:any\s*)?more\s+"
            r"(?:message|messages|msg|msgs|text|texts|sms)\b|again\b|anymore\b|any\s+more\b|more\s*$)"
        ),
        "negation",
    ),
    # the hundred-and-fifty-second, hundred-and-fifty-sixth and hundred-and-fifty-seventh: "I'm revoking the ok I gave
    # you guys to text me", "Block me on your end", "no need to keep texting me about it", "wish I never gave you this
    # number. end it here please"
    (
        _re(
            r"\b(?:revoke|revokes|revoking|revoked|withdraw|withdrawing|rescind|rescinding)\s+(?:the|my|our)\s+(?:ok|okay"
            r"|go-?ahead|green\s+light|approval|yes)\b(?=[^.!?]{0,30}\b(?:text|txt|messag|contact|sms)\w*)"
            r"|\bblock\s+(?:me|us|my\s+number|this\s+number)\s+(?:on|from)\s+(?:your|ur)\s+(?:end|side|system)\b"
            r"|\bno\s+need\s+to\s+keep\s+(?:texting|txting|messaging|contacting|following\s+up\s+with|reaching\s+out\s+to)\s+"
            r"(?:me|us)\b|\bno\s+need\s+to\s+(?:text|message|contact)\s+(?:me|us)\s+(?:again|anymore|any\s+more)\b"
            r"|\bwish\s+(?:i|we)\s+(?:never|hadn't|had\s+not|didn't)\s+(?:gave|given|give)\s+(?:you|u|y'all|yall|your\s+company)"
            r"\s+(?:this|my|our|the)\s+number\b"
            r"|\bend\s+(?:it|this|things)\s+here\s+(?:please|pls|plz|now|thanks|thx)\b"
        ),
        "negation",
    ),
    # the hundred-and-forty-ninth, hundred-and-fifty-third and hundred-and-fifty-fourth: requests without the usual
    # words: "this number isn't taking sales pitches anymore", "make sure his info doesn't get used again", "consider
    # any prior consent ... withdrawn", "before this number disappears from whatever spreadsheet", "the end of our
    # texting relationship", "this is the end of the line for us", "she doesnt want these coming to her phone", "I'm
    # done hearing from you", "Let's make it the last, yeah?", "Not a fan of you continuing them", "My phone is not a
    # billboard", "I'm good on texts from you guys", "when are you going to throw it away?", "all vendor solicitation
    # to this line cease", "just nix me", "I'd appreciate not hearing from USDataBiz again", "Whatever list he is on, he
    # needs to not be on it", "I'll pass on ... any future texts"; Spanish "no quiero q me contacten x ningun medio",
    # "elimine mi información de su base de datos", "sin mi consentimiento"; Spanglish "remove mi number"
    (
        _re(
            r"\b(?:this\s+(?:number|line|phone|cell)|we|i)\s+(?:isn't|isnt|is\s+not|aren't|arent|are\s+not|am\s+not|ain't"
            r"|aint)\s+(?:taking|accepting|receiving)\s+(?:any\s+)?(?:more\s+)?(?:sales\s+pitches|pitches|solicitations?"
            r"|marketing|sales\s+(?:texts|messages))\b"
            r"|\bmake\s+sure\s+(?:his|her|my|our|their)\s+(?:info|information|number|details|data|contact)\s+(?:doesn't"
            r"|doesnt|does\s+not|don't|dont|do\s+not|won't|never)\s+(?:get\s+)?used\s+again\b"
            r"|\b(?:consider|deem|treat)\s+(?:(?:my|our|any|all|any\s+and\s+all)\s+)?(?:prior\s+)?consent\b[^.!?]{0,60}?\b"
            r"(?:withdrawn|revoked|rescinded)\b|\b(?:my|our)\s+consent\s+(?:is|has\s+been)\s+(?:hereby\s+)?(?:withdrawn|revoked)\b"
            r"|\b(?:this|my|our)\s+(?:number|info|name|contact)\s+(?:disappears|is\s+gone|gets\s+(?:deleted|removed|erased))"
            r"\s+from\b"
            r"|\bend\s+of\s+(?:our|this|the)\s+(?:texting|text|txt|messaging)\s+(?:relationship|journey|saga|era|days)\b"
            r"|\bthis\s+is\s+the\s+end\s+of\s+the\s+line\s+for\s+(?:us|you\s+and\s+me|me\s+and\s+you)\b"
            r"|\b(?:doesn't|doesnt|does\s+not|don't|dont|do\s+not)\s+want\s+(?:these|those|them|your\s+texts|texts|messages)"
            r"\s+(?:coming|sent|going)\s+to\s+(?:her|his|my|our|their|this)\s+(?:phone|number|cell|line)\b"
            r"|\b(?:i'm|im|i\s+am|we're|were|we\s+are)\s+done\s+hearing\s+from\s+(?:you|u|y'all|yall|your\s+company"
            r"|usdatabiz)\b"
            r"|\blet'?s\s+make\s+(?:it|this|that)\s+the\s+last(?:\s+(?:one|text|message))?\s*(?:[,.!?]|$|yeah|ok|okay)"
            r"|\bnot\s+a\s+fan\s+of\s+(?:you|u|y'all|yall)\s+(?:continuing|sending|keeping\s+up)\s+(?:them|these|this"
            r"|the\s+texts)\b"
            r"|\b(?:my|our|this)\s+(?:phone|number|cell)\s+(?:is\s+not|isn't|isnt|ain't)\s+a\s+(?:billboard|bulletin\s+board"
            r"|dumping\s+ground|marketing\s+channel)\b"
            r"|\b(?:i'm|im|i\s+am|we're|were|we\s+are)\s+good\s+on\s+(?:the\s+)?(?:texts|messages|txts)\s+from\s+(?:you"
            r"|u|y'all|yall|your)\b"
            r"|\bwhen\s+(?:are|r|will)\s+(?:you|u|y'all)\s+(?:going\s+to\s+|gonna\s+)?(?:throw|toss|delete|erase"
            r"|get\s+rid\s+of)\s+(?:it|my\s+number|this\s+number)\b"
            r"|\b(?:to|at)\s+this\s+(?:line|number)\s+(?:must\s+|shall\s+|should\s+)?cease\b"
            r"|\bnix\s+(?:me|us|my\s+number|this\s+number)\b"
            r"|\b(?:appreciate|prefer|rather)\s+not\s+hearing\s+from\s+(?:you|u|usdatabiz|your\s+company|y'all|yall)"
            r"(?:\s+(?:again|anymore|any\s+more))?\b"
            r"|\b(?:whatever|any|every)\s+list\s+(?:he|she|i|we|they)\s+(?:is|are|am|'s|'re)\s+on\W+(?:he|she|i|we|they)\s+"
            r"(?:needs?|wants?|has|have)\s+to\s+(?:not\s+be|be\s+off|come\s+off|get\s+off)\b"
            r"|\bpass\s+on\s+(?:the\s+\w+,?\s+and\s+on\s+)?(?:any|all)\s+(?:future\s+)?(?:texts|messages|contact)\b"
            r"|\bno\s+quiero\s+(?:que|q|k)\s+me\s+(?:contacten|escriban|manden|envien|texteen|molesten)\b"
            # (not "no quiero que me escriban en inglés": the language, not the texts)
            r"(?!\s+(?:en\s+ingl|antes|despues|tan\s+temprano|de\s+noche)\w*)"
            r"|\belimin\w*\s+(?:mi|mis|nuestra|nuestros|su)\s+(?:informacion|datos|numero|contacto)\b"
            r"|\bsin\s+(?:mi|nuestro)\s+consentimiento\b"
            r"|\b(?:remove|delete|borra|quita)\s+mi\s+(?:number|numero|phone|cel)\b"
        ),
        "negation",
    ),
    # the hundred-and-forty-seventh, hundred-and-fiftieth and hundred-and-fifty-first: "How about you never text me
    # again", "how bout u quit textin me"; "Ain't nobody gave y'all permission to text me", "no one gave you the ok to
    # text"; Gullah "Oona ent fuh text dis numbuh no mo" (you all are not to text this number any more); a dictation
    # slip "please stopped texting me"; a receptionist's "She asked that this number not get any more marketing texts"
    (
        _re(
            r"\bhow\s+(?:about|bout|abt)\s+(?:you|u|y'all|yall|ya|you\s+guys|you\s+people)\s+(?:just\s+)?(?:never|don't|dont"
            r"|stop|quit|lose|delete)\s+(?:ever\s+)?(?:text|txt|messag|msg|contact|call|hit|bother|this|my)\w*"
            # (not "how about you don't call me before 9": the hours, not the texts)
            r"(?!\s+(?:me\s+|us\s+)?(?:before|after|until|till|til|during|at|on\s+(?:weekends|sundays|saturdays))\b)"
            r"|\b(?:ain't|aint|ain)\s+(?:nobody|no\s*body|no\s*one)\s+(?:ever\s+)?(?:gave|give|given)\s+(?:y'all|yall|you|u|ya"
            r"|you\s+guys|your\s+company)\s+(?:no\s+|any\s+|the\s+)?(?:permission|consent|ok|okay|right)\s+to\s+"
            r"(?:text|txt|messag|contact|call|hit)\w*"
            r"|\b(?:nobody|no\s*body|no\s*one)\s+(?:ever\s+)?(?:gave|give|given)\s+(?:y'all|yall|you|u|ya|you\s+guys"
            r"|your\s+company)\s+(?:the\s+|any\s+)?(?:permission|consent|ok|okay|right)\s+to\s+(?:text|txt|messag|contact)\w*"
            r"|\b(?:ain't|aint|ain|ent|en)\s+(?:fuh|fi|for|to|gonna|finna)\s+(?:text|txt|call|messag|contact|hit)\w*\s+"
            r"(?:me|us|this|dis|my|mi|me\s+phone)\b[^.!?]{0,20}?\bno\s+more\b"
            r"|\b(?:please|pls|plz)\s+stopped\s+(?:texting|txting|messaging|contacting|calling|sending|spamming)\b"
            r"|\b(?:asked|asks|requested|requests|wants|wanted|would\s+like)\s+(?:that\s+)?(?:this|her|his|my|our|the)\s+"
            r"(?:number|phone|line|cell|office)\s+(?:not|no\s+longer|never)\s+(?:get|receive|be\s+sent)\s+(?:any\s*more|any"
            r"|further|more)\s+(?:\w+\s+)?(?:texts|messages|sms|marketing)\b"
        ),
        "none",
    ),
    # the hundred-and-forty-fourth, hundred-and-forty-sixth and hundred-and-forty-eighth: French for a father "qu'on ne
    # le contacte plus"; Bambara "Kana SMS ci n ma" (send me no SMS); Lingala "botika kotinda" (stop sending),
    # "longola numéro na ngai" (remove my number); Darija "حيد الرقم ديالي" (remove my number), "ما بغيتش هاد
    # الميساجات" (I don't want these messages), "7bes had les messages" (stop these messages); Tunisian and Algerian
    # "ma tab3atouli", "ma3adech tab3athli" (don't send me any more), "7ottni fel liste noire" (put me on your
    # blacklist), "supprimi numéro ta3i"; Tajik "паём нафиристед" (don't send messages), "рақамамро нест кунед"
    # (delete my number); Kyrgyz "бул номерге жазбагыла" (don't write to this number); Gulf Arabic "لا عاد ترسل لي"
    # (don't send me any more); office-speak "action the removal of this contact", "this channel is closed",
    # "deprioritize us permanently", "this number is to be suppressed", "sunset this thread", "please do not circle
    # back", "make this my last text", "escalate my removal request"; "nah fam im good forever"
    (
        _re(
            r"\bne\s+(?:le|la|les|me|nous|lui)\s+contact\w*\s+plus\b"
            r"|\bkana\s+(?:sms|messages?|msgs?|texts?)\w*\s+ci\b"
            r"|\bbotika\s+kotinda\b|\blongola\s+(?:numero|nimero|number)\s+na\s+ngai\b"
            r"|حيد\s+(?:ال)?(?:رقم|نمرة|نومرو)\s*ديالي|ما\s+بغيتش\s+(?:هاد\s+)?(?:ال)?(?:ميساج|مسج|رسائل|رسايل)\S*"
            r"|\b7bes\s+(?:had\s+)?(?:les\s+)?(?:messages|msgs|sms|mesajat)\b"
            r"|\b(?:ma|ma3adech|ma3adch|matzidch)\s+(?:ta|t|te|ti)?b3at\w*"
            r"|\b7ot+ni\s+(?:fel|fi|f)\s+(?:la\s+)?liste\s+noire\b"
            r"|\bsupprim\w*\s+(?:le\s+)?(?:numero|nemra|ra9m)\s+(?:ta3i|dyali|mte3i|diali)\b"
            r"|паём\s+нафирист\w*|нафиристед|рақам\w*\s+(?:\S+\s+)?нест\s+кунед"
            r"|номер\S*\s+жазба\w*|жазбагыла"
            r"|لا\s+عاد\s+ترسل\S*"
            r"|\baction\s+the\s+removal\b|\bremoval\s+of\s+this\s+(?:contact|number)\b"
            r"|\bthis\s+channel\s+is\s+(?:closed|not\s+open|shut)\b"
            r"|\bdeprioriti[sz]e\s+(?:us|me)\s+permanently\b"
            r"|\b(?:this\s+number|we|i)\s+(?:is|are|am)\s+to\s+be\s+suppressed\b"
            r"|\bsunset\s+this\s+thread\b"
            r"|\b(?:do\s+not|don't|dont)\s+circle\s+back\b(?!\s+(?:until|till|before|after|in|next|on)\b)"
            r"|\bmake\s+this\s+(?:my|our|the)\s+last\s+(?:text|message)\b"
            r"|\b(?:escalate|process|honor|honour)\s+my\s+removal(?:\s+request)?\b"
            r"|\b(?:i'm|im|i\s+am|we're|we\s+are)\s+good\s+forever\b"
            r"|^(?:pls|please|plz|plse)\s+no+$|^no+\s+(?:pls|please|plz|plse)$"  # "pls no": the whole reply a plea
        ),
        "none",
    ),
    # the hundred-and-forty-first, hundred-and-forty-third and hundred-and-forty-fifth: relatives for elders "pls dont
    # text her no more", "Can you guys not send him these anymore", "she wants these to stop", "Please let his phone
    # rest", "Please just leave it alone"; a dispatch line "do not put it on any marketing list"; "I'd appreciate not
    # being on it anymore", "please dont do this to me anymore", "Not this number. ... Not ever", "you can actually stop
    # now", "Your messages are not welcome here", "grateful if they ceased", "How many more times do I have to say it
    # before these stop coming?", "forgetting this number exists"
    (
        _re(
            r"\b(?:don't|dont|do\s+not)\s+(?:text|message|msg|contact)\s+(?:her|him|them)\s+(?:no\s+more|anymore|any\s+more"
            r"|again)\b"
            r"|\b(?:can|could)\s+(?:you|u|y'all|you\s+guys|you\s+all)\s+(?:please\s+)?not\s+(?:send|text|message)\s+(?:him|her"
            r"|them|me|us)\s+(?:these|this|those|any\s+more|anything|anymore)\b"
            r"|\b(?:she|he|they|we|i)\s+(?:wants?|would\s+like|needs?)\s+(?:these|this|them|the\s+texts|the\s+messages)\s+to"
            r"\s+(?:stop|end|quit)\b(?!\s+(?:by|on|before|until|till|after|at|in|the|\w+ing)\b)"
            r"|\b(?:do\s+not|don't|dont)\s+put\s+(?:it|this|this\s+number|this\s+line|me|us|my\s+number)\s+on\s+(?:any|your|a)"
            r"\s+(?:\w+\s+)?list\b"
            r"|\blet\s+(?:his|her|my|this|their)\s+(?:phone|number|line)\s+rest\b"
            r"|\bplease\s+(?:just\s+)?leave\s+(?:it|this\s+phone|his\s+phone|her\s+phone|the\s+phone|this\s+number|that\s+phone)"
            r"\s+alone\b"
            r"|\b(?:appreciate|prefer|like)\s+not\s+being\s+on\s+(?:it|that|your|this|the)\b"
            r"|\b(?:don't|dont|do\s+not)\s+do\s+this\s+to\s+(?:me|us)\s+(?:anymore|any\s+more|again)\b"
            r"|\bnot\s+(?:this|my)\s+number\W+(?:[^.!?]{0,40}[.!?]\s*)?not\s+(?:ever|again)\b"
            r"|\b(?:you|u|ya)\s+can\s+(?:actually|just|go\s+ahead\s+and|now)\s+stop\b(?:\s+now)?"
            r"|\b(?:your\s+)?(?:messages|texts)\s+(?:are|is)\s+not\s+welcome\b"
            r"|\bgrateful\s+if\s+(?:they|these|the\s+(?:texts|messages))\s+(?:ceased|stopped|would\s+(?:stop|cease))\b"
            r"|\bhow\s+many\s+(?:more\s+)?times\s+(?:do|must|will)\s+i\s+have\s+to\s+(?:say|ask|tell)\b[^.!?]{0,40}\b(?:stop|quit"
            r"|end)\b"
            r"|\bforget(?:ting)?\s+(?:this|my)\s+number\s+(?:exists|ever\s+existed)\b"
        ),
        "none",
    ),
    # the hundred-and-thirty-eighth, hundred-and-fortieth and hundred-and-forty-second: Ukrainian in Latin letters
    # "vydalit miy nomer" and Greek "σβήστε τον αριθμό μου" (delete my number); "Don't ever text my wife's phone
    # again"; said without the usual words: "(That means quit it.)", "Don't come knocking on this number again", "three
    # texts is probably plenty for one lifetime", "I'd be just fine going without it from here on out", "I'd appreciate
    # my name coming off whatever list", "im gonna need u to not", "Leave this number be", "we'd just as soon not get
    # these texts anymore", "Could ya maybe not, then?", "pretend you never got this number", "dont make me say it a
    # third time"
    (
        _re(
            r"\b(?:vydal|vydaly|udal|styr)\w*\s+(?:miy|mij|moi|moj|moy|mii)\s+nomer\w*"
            r"|(?:σβησ|σβηστ|διαγραψ|αφαιρεσ)\w*\s+(?:τον\s+)?αριθμο\s+μου"
            r"|\b(?:don't|dont|do\s+not)\s+(?:ever\s+(?:text|message|contact|call)\s+my\s+\w+'s\s+(?:phone|number|cell|line)"
            r"|(?:text|message|contact)\s+my\s+\w+'s\s+(?:phone|number|cell|line)\s+(?:again|anymore|any\s+more))\b"
            r"|\b(?:that\s+means|translation:?|in\s+other\s+words:?)\s+(?:quit\s+it|stop|knock\s+it\s+off|cut\s+it\s+out)\b"
            r"|\b(?:don't|dont|do\s+not)\s+come\s+knocking\s+(?:on\s+)?(?:this|my)\s+(?:number|phone|line)\b"
            r"|\b(?:is|are|was|were)\s+(?:probably\s+|about\s+|more\s+than\s+)?(?:plenty|enough)\s+for\s+(?:one|a)\s+lifetime\b"
            r"|\b(?:i'd|i\s+would|we'd|we\s+would)\s+be\s+(?:just\s+)?(?:fine|ok|okay|good|happy)\s+going\s+without\s+(?:it|them"
            r"|these|the\s+texts?)\b"
            r"|\b(?:appreciate|like|want)\s+(?:my|our)\s+(?:name|number)\s+(?:coming|taken|being\s+taken)\s+off\s+(?:whatever"
            r"|your|the|that)\s+list\b"
            r"|\b(?:i'm|im|i\s+am)\s+(?:gonna|going\s+to)\s+need\s+(?:u|you|y'all|ya)\s+to\s+not\b(?=\W*(?:$|[.!]|thx|thanks|k\b))"
            r"|\bleave\s+(?:this|my|our)\s+(?:number|phone|line|cell)\s+be\b"
            r"|\b(?:we'd|i'd|we\s+would|i\s+would)\s+(?:just\s+)?(?:as\s+soon|rather)\s+not\s+(?:get|receive|have)\s+(?:these"
            r"|your|any\s+more|the|any)\s+(?:texts|messages)\b"
            r"|\bcould\s+(?:ya|you|u)\s+(?:maybe\s+|just\s+|please\s+|kindly\s+)?not\b(?=(?:,?\s*then)?\s*(?:[.!?]|$))"
            r"|\bpretend\s+(?:you\s+)?never\s+(?:got|had|saw)\s+(?:this|my)\s+number\b"
            r"|\b(?:don't|dont|do\s+not)\s+make\s+me\s+(?:say|ask|tell\s+you)\s+(?:it\s+|this\s+|that\s+)?(?:a\s+)?(?:third"
            r"|3rd|fourth|4th)\s+time\b"
        ),
        "none",
    ),
    # the hundred-and-thirty-fifth, hundred-and-thirty-seventh and hundred-and-thirty-ninth: "I don't want it coming to
    # this phone anymore"; formal requests "we must ask that you not contact us again", "we request that no further
    # text messages be sent", "remove Gloria's number"; Cape Verdean "para di manda-m mensajen", Galician "deixade de
    # mandarme mensaxes", Catalan "deixeu d'enviar-me missatges" (stop sending me messages); Cuban Spanish "borra este
    # número de tu lista", "no quiero mensaje", "no mas mensaje"; Quechua "ama ... kachamuwaychu" (do not send me);
    # Sicilian "finitila cu sti missaggi", "nun mi scriviti cchiù"; Portuguese passed on "ela pediu pra vocês não
    # entrarem mais em contato com ela"; French "ne plus lui envoyer de messages" (to her husband)
    (
        _re(
            r"\b(?:don't|dont|do\s+not)\s+want\s+(?:it|this|these|them|that|those|any\s+of\s+(?:it|this|these|them))\s+"
            r"(?:(?:coming|showing\s+up)\s+(?:to|on|into)\s+(?:this|my)\s+(?:phone|number|cell|line)\b|(?:sent|going)\s+(?:to"
            r"|on)\s+(?:this|my)\s+(?:phone|number|cell|line)\s+(?:anymore|any\s+more|again)\b)"
            r"|\b(?:ask|request)\s+that\s+(?:you|your\s+\w+)\s+(?:not|no\s+longer|never)\s+(?:contact|text|message|call"
            r"|reach\s+out\s+to|send)\b"
            r"|\b(?:ask|request)\s+that\s+no\s+(?:further|more|additional)\s+(?:text\s+)?(?:messages|texts|communications?"
            r"|contact|solicitations?)\b"
            r"|\b(?:remove|delete|erase)\s+[a-z]+'s\s+(?:cell\s+)?(?:number|phone|cell|contact)\b"
            r"(?!\s+from\s+(?:our|my|the|his|her)\s+(?:listing|website|site|page|profile|ad|ads|menu|flyer)s?\b)"
            r"|\bpara\s+(?:di|de)\s+(?:manda|envia|skrebe|skreve|escreve)\w*"
            r"|\bdeix\w*\s+(?:de\s+|d'\s*)(?:me\s+|nos\s+)?(?:mand|envi|escri|escrev|text)\w*"
            r"|\bborr(?:a|e|en|ar|ame|enme|alo)\s+(?:este|mi|el|ese|nuestro)\s+(?:numero|telefono|cel|celular)\b"
            r"|\bno\s+(?:quiero|queremos)\s+(?:mas\s+)?(?:mensaje|mensajes|textos?|sms)\b(?!\s+(?:de\s+)?(?:voz|audio))"
            r"|\bno\s+mas\s+(?:mensaje|mensajes|textos?|sms)\b"
            r"|\bama\s+(?:\w+\s+){0,2}?\w*kachamu\w*"
            r"|\bfinitila\s+(?:cu|co|con)\b|\bnun\s+mi\s+(?:scriviti|scrivite|mannati|mandati|chiamati)\b"
            r"|\bnao\s+(?:entr|faz|fac)\w*\s+mais\s+(?:em\s+)?contato\b|\bnao\s+(?:me|a|o|nos)\s+contat\w*\s+mais\b"
            r"|\bne\s+plus\s+(?:lui|leur)\s+(?:envoyer|ecrire|texter)\b"
        ),
        "none",
    ),
    # the hundred-and-thirty-third, hundred-and-thirty-fourth and hundred-and-thirty-sixth: Tigrinya "ደጊም መልእኽቲ
    # ኣይትልኣኹለይ" and Amharic "መልዕክት አትላኩልኝ" (send me no more messages), "ቁጥሬን ሰርዙ" (delete my number); Yoruba
    # "e ma fi text ranse si number yi mo" (send no texts to this number any more); Twi "gyae texts no" (stop the
    # texts); Jamaican Patois "tek mi off di list", "mi nuh waan nuh more a dem text"; Polish "dajcie mi wreszcie
    # spokój" (leave me alone at last); Bosnian "izbrišite me sa spiska", "ne šaljite više ništa" (send nothing more)
    (
        _re(
            r"(?:መልእኽቲ|መልዕክት|መልእክት|ሜሴጅ|ቴክስት)\S*\s+(?:\S+\s+){0,2}?(?:ኣይትልኣኹ|ኣይትስደዱ|ኣይትስደድ|አትላኩ|አትላክ)\S*"
            r"|(?:ቁጥሬን|ቁጽረይ)\s+(?:\S+\s+){0,4}?(?:ሰርዙ|አጥፉ|አውጡ|ደምስሱ|ኣውጽኡ|ሰርዙልኝ|አጥፉልኝ)\S*"
            r"|\bma\s+fi\s+(?:texts?|msgs?|messages?|sms|ateranse|ifiranse)\s+(?:\w+\s+)?ranse\b"
            r"|\b(?:e\s+)?ma\s+(?:te|pe|ranse|text)\s+(?:mi|wa)\s+mo\b"
            r"|\bgyae\s+(?:(?:no|wo|me)\s+)?(?:texts?|messages?|msgs?|mesage|sms|nkra)\b"
            r"|\btek\s+(?:mi|me|wi|we|him|har|dem|it)\s+(?:number\s+)?(?:off|aff)\s+(?:\w+\s+)?(?:list|lis)\b"
            r"|\bnuh\s+(?:waan|want|wah|wan)\s+(?:nuh|no)\s+more\b[^.!?]{0,20}\b(?:texts?|messages?|msgs?)\b"
            r"|\bdaj(?:cie|ta|ciez)?\s+(?:mi|nam)\s+(?:wreszcie\s+|juz\s+|w\s+koncu\s+|swiety\s+)?spok"
            r"|\bizbrisi\w*\s+(?:me|nas)\s+(?:sa|s|iz)\s+(?:spiska|liste|popisa)\b"
            r"|\bne\s+salji(?:te)?\s+(?:mi\s+|nam\s+)?vise\s+(?:nista|nikakve|poruk\w*)"
        ),
        "none",
    ),
    # the hundred-and-twenty-sixth, hundred-and-twenty-eighth and hundred-and-thirtieth: "Remove every one of our
    # numbers you have on file" (a chain's HR for all its staff); Gujarati in Latin letters "Aa number par have text na
    # karso" (don't text this number any more)
    (
        _re(
            r"\b(?:remove|delete|drop|purge|take\s+off)\s+(?:every|each|all)\s+(?:one\s+)?of\s+(?:our|my|the(?:se)?)\s+"
            r"(?:\w+\s+)?(?:numbers|phones|lines|locations|stores|contacts)\b"
            r"|\b(?:have\s+|pachhi\s+)?text\s+na\s+kar(?:so|sho|jo|vo|o)\b"
        ),
        "negation",
    ),
    # the hundred-and-twenty-third, hundred-and-twenty-fifth and hundred-and-twenty-seventh: "stop" as voice-to-text
    # hears it before "texting this number" ("shop please shop texting this number", "not interested top texting me").
    # Not "shop texting is new for us" (no one to stop texting), "top messaging apps"
    (
        _re(
            r"\b(?:shop|top|stomp|stuff|stob|stap)\s+(?:texting|txting|messaging|sending|contacting|calling)\s+(?:me|us"
            r"|this\s+(?:number|phone|cell|line)|my\s+(?:number|phone|cell))\b"
        ),
        "negation",
    ),
    # the hundred-and-twentieth, hundred-and-twenty-second and hundred-and-twenty-fourth: a request passed on for the
    # person ("She's not interested and asked that you not text her again"), a business named as what to take off a
    # list; Spanish "no textos a este cel" (no texts to this cell), "Revoco mi consentimiento" (I revoke my consent),
    # "Fuera de mi teléfono" (off my phone). Not "asked that you not text her before 10", "fuera de mi oficina hasta el
    # lunes" (out of my office until Monday)
    (
        _re(
            r"\b(?:asked|asks|wants|wanted|requested|requests)\s+(?:that\s+)?(?:you|y'all|u)\s+(?:not|never|stop)\s+"
            r"(?:text|txt|message|contact)\w*\s+(?:her|him|them)\b(?!\s+(?:before|after|until|till|at|during)\b)"
            # not "She asked that you not contact her tenants": her people, not her
            r"(?!\s+(?:tenants|customers|clients|patients|staff|employees|kids|students|members|residents|team|crew|family"
            r"|friends|neighbors|neighbours|guests|buyers|vendors|people|workers)\b)"
            r"|\bno\s+(?:mas\s+)?(?:textos|mensajes|msjs?)\s+(?:a|en|para)\s+(?:este|mi)\s+(?:cel|celular|numero|telefono)\b"
            r"|\b(?:revoco|retiro|cancelo)\s+(?:mi|el|todo)\s+(?:consentimiento|permiso|autorizacion)\b"
            r"|\bfuera\s+de\s+mi\s+(?:telefono|cel|celular|numero|whats|whatsapp)\b"
        ),
        "none",
    ),
    (
        # "Please take Coastal Roofing off whatever list you're using": the business named as what to take off
        _re(
            r"\b(?:take|remove|drop|pull)\s+(?!(?:me|us)\b)(?:[\w&'.-]+\s+){1,3}?(?:off|from)\s+(?:whatever|your|ur"
            r"|all\s+(?:of\s+)?your|any|this|that|the\s+(?:mailing|texting|text|call|contact|marketing|sms))\s+(?:\w+\s+)?"
            rf"lists?\b{_NOT_A_LIST_OF_THINGS}"
        ),
        "negation",
    ),
    # the hundred-and-eighteenth, hundred-and-nineteenth and hundred-and-twenty-first: Romanian "Scoateți-mă" (take me
    # off), "nu-mi mai trimiteți mesaje" (send me no more messages), "ștergeți-mi numărul" (delete my number); Serbian
    # "Престаните да ми шаљете поруке" / "prestanite da mi šaljete" (stop sending me messages), "izbrišite moj broj";
    # Bulgarian "спрете да ми пишете" (stop writing to me), "изтрийте номера ми" (delete my number); Kazakh
    # "хабарлама жібермеңіз" (don't send messages), "жазбаңыз" (don't write), "нөмірімді өшіріңіз"; Uzbek "ёзманг" /
    # "yozmang" (don't write), "рақамимни ўчиринг" / "raqamimni o'chiring" (delete my number), "безовта қилманг" /
    # "bezovta qilmang" (don't disturb); Georgian "აღარ მომწეროთ" / "agar momwerot" (don't write to me any more), "ნუ
    # მომწერთ", "წაშალეთ ჩემი ნომერი" / "washalet chemi nomeri" (delete my number); Russian in Latin letters "udali
    # menya iz spiska" (take me off the list)
    (
        _re(
            r"\bscoate(?:ti)?[\s-]*ma\b|\bsterge(?:ti)?[\s-]*mi\s+(?:numarul|nr)\b|\bnu[\s-]*mi\s+mai\s+(?:trimite|scrie)\w*"
            r"|\bnu\s+ma\s+mai\s+(?:contacta|suna|deranja)\w*|\bnu\s+mai\s+(?:trimite|scrie)\w*\s+(?:mesaje|sms)"
            r"|престани\w*\s+да\s+(?:ми|нам)\s+(?:шаљ|пиш|шал)\w*|\bprestani\w*\s+da\s+(?:mi|nam)\s+(?:salj|pis)\w*"
            r"|не\s+(?:шаљите|пишите|шаљи|пиши)\s+(?:ми|нам)\b|\bne\s+(?:saljite|pisite|salji|pisi)\s+(?:mi|nam)\b"
            r"|избриши\w*\s+(?:мој|моје)\s+број|\bizbrisi\w*\s+(?:moj|moje)\s+broj"
            r"|спре(?:те|и)\s+да\s+(?:ми|ни)\s+(?:пиш|праща|изпраща)\w*|изтрий\w*\s+номера\s+ми|не\s+ми\s+(?:пишете|пращайте"
            r"|изпращайте)\b"
            r"|жібермеңіз|жібермеңдер|жазбаңыз|жазбаңдар|нөмірімді\s+өшір\w*"
            r"|ёзманг|юборманг|рақамимни\s+ўчир\w*|безовта\s+қилманг|\byozmang\b|\byubormang\b|\braqamimni\s+o\W?chir\w*"
            r"|\bbezovta\s+qilmang\b"
            r"|აღარ\s+მომწერ\w*|ნუ\s+მომწერ\w*|წაშალეთ\s+ჩემი\s+ნომერი|\bagar\s+momwer\w*|\bnu\s+momwer\w*"
            r"|\b(?:wa|ts'?a)(?:sh|s)alet\s+(?:chemi|cemi)\s+nomeri\b"
            r"|\budali\w*\s+(?:menya|menja|nas)\s+(?:iz|s)\s+(?:spiska|bazy|rassylki)\b|удали\w*\s+(?:меня|нас)\s+(?:из|с)\s+"
            r"(?:списка|базы|рассылки)"
        ),
        "none",
    ),
    # the hundred-and-twelfth, hundred-and-fourteenth and hundred-and-fifteenth: "we need these to end", "Don't need
    # a second or third text about it either", "this is a personal cell ... don't use it for this"; Hawaiian Pidgin "no
    # text me dis number again", "stop already wit da texts"; Ilocano "Dika agtext manen" (don't text again), "Diak
    # kayat ti text" (I don't want texts); Samoan "Aua e te toe text mai" (don't text again); Chamorro "Basta ma text
    # yu'" (stop texting me). Not "we need these to end by Friday", "don't need a second opinion", "don't use it for
    # this week's order, use the new one"
    (
        _re(
            r"\b(?:we|i)\s+need\s+(?:these|them|the\s+texts|this)\s+to\s+(?:end|stop)\b(?!\s+(?:by|before|on|at|after)\b)"
            r"|\b(?:don't|dont|do\s+not)\s+need\s+(?:a|any)\s+(?:second|third|2nd|3rd|another|more)\s+(?:or\s+\w+\s+)?"
            r"(?:text|message|follow[\s-]?up)s?\b"
            r"|\b(?:don't|dont|do\s+not)\s+use\s+(?:it|this|this\s+number|my\s+number)\s+for\s+(?:this|these|that|business"
            r"|sales|marketing)\s*(?:[.!]|$)"
            r"|\bno\s+(?:text|txt|message|msg)\s+(?:me|mi|us)\b(?:\s+(?:dis|this)\s+(?:number|numba))?\s+(?:again|no\s+more"
            r"|anymore)\b"
            r"|\bstop\s+(?:already\s+)?(?:wit|with)\s+(?:da|dem|dose)\s+(?:texts|messages|txts)\b"
            r"|\bdika\s+(?:agtext|ag-text|mag-text|agmessage)\b|\bdiak\s+kayat\s+ti\s+(?:text|mensahe)"
            r"|\baua\s+(?:e\s+te\s+|tou\s+te\s+)?toe\s+(?:text|fe'au|feau|lafo)"
            r"|\bbasta\s+(?:ma\s+|di\s+)?(?:text|mensahe)\s+(?:yu'|yu|yo)\b"
        ),
        "negation",
    ),
    # the hundred-and-seventh, hundred-and-tenth and hundred-and-eleventh: "Whoever sold you my info, I want off",
    # "Third text from you people. Take the hint", "Please just let this be the last one", "I'd appreciate not hearing
    # from you again", "Please remove 713-555-0148 from your system", "Please take 919 555 0133 off", "Done getting
    # texts from you guys". Not "I want off at 5", "I'll take the hint", "let this be the last one you need to sign"
    (
        _re(
            r"\bi\s+(?:want|wanna|would\s+like|need)\s+(?:to\s+(?:be|get)\s+)?off\b(?:\s+(?:of\s+)?(?:it|this|that|your\s+\w+"
            r"|the\s+list))?\s*(?:[.!,;]|$)"
            r"|(?<!i'll\s)(?<!i\s)(?<!we\s)(?<!can\s)\btake\s+(?:the|a)\s+hint\b"
            r"|\blet\s+this\s+be\s+the\s+(?:very\s+)?last\s+(?:one|text|message)\b(?!\s+(?:you|i|we)\s+(?:need|have|sign))"
            r"|\b(?:appreciate|prefer)\s+not\s+(?:hearing|getting|receiving)\s+(?:from\s+(?:you|y'all|u|your\s+\w+)|(?:any\s*more"
            r"|more)\s+(?:texts|messages))\b"
            r"|\b(?:remove|delete|take|drop)\s+\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\s+(?:from|off)\b"
            r"|(?:^|[.!]\s*|\b(?:i'm|im|i\s+am|we're|we\s+are)\s+)done\s+(?:getting|receiving)\s+(?:texts|messages|these"
            r"|your\s+(?:texts|messages))\b"
        ),
        "negation",
    ),
    # the hundred-and-fifth, hundred-and-eighth and hundred-and-ninth: "treat this as a do-not-contact request",
    # "use the mail. Not this number.", "get me off whatever list you bought", "Y'all keep hitting my store phone.
    # Don't.", "Please stop both", "neither of us want these", "STOP means stop", "neither of you should text me
    # again", "Don't bother sending a fourth", "Remove both numbers please";
    # Farsi "شماره منو پاک کنید" (delete my number), Hindi "संपर्क न करें" (do not contact),
    # Hinglish "ek aur msg aaya toh seedha block" (one more message and straight to block).
    # Not "remove both numbers from the flyer", "use the mail slot, not the door"
    (
        _re(
            r"\btreat\s+(?:this|my\s+reply|this\s+message)\s+as\s+(?:a|my|our)\s+(?:formal\s+)?(?:do[\s-]+not[\s-]+(?:contact|call"
            r"|text)|opt[\s-]?out|stop|unsubscribe|revocation|removal)\s+request\b"
            r"|\b(?:use|by)\s+(?:the\s+)?(?:mail|post|e-?mail|letter)\b[^?]{0,30}?\bnot\s+this\s+(?:number|line|phone)\b"
            r"|\bget\s+(?:me|us|my\s+number|this\s+number)\s+off\s+(?:of\s+)?(?:whatever|any|every|all|your|ur)\s+(?:\w+\s+)?"
            r"lists?\b"
            r"|\bkeep\s+(?:hitting|texting|blowing\s+up|messaging)\s+(?:my|our|this)\b[^.!?]{0,30}[.!]\s*(?:don't|dont|stop"
            r"|quit)\s*[.!]*\s*$"
            r"|\b(?:please|pls|plz)\s+stop\s+(?:both|them\s+both|both\s+(?:numbers|lines|phones))\b"
            r"|\bneither\s+of\s+us\s+wants?\s+(?:these|them|your\s+texts|this|any\s+of\s+(?:these|this))\b"
            r"|\bstop\s+means\s+stop\b"
            r"|\b(?:neither|none)\s+of\s+(?:you|y'all|yall|them)\s+should\s+(?:text|message|contact|call)\s+(?:me|us|this\s+number)"
            r"\s+(?:again|anymore|any\s+more|ever)\b"
            r"|\b(?:don't|dont|do\s+not)\s+bother\s+(?:sending|texting)\s+(?:a|another|any\s*more|more|me)\b"
            r"|\bremove\s+(?:both|all)\s+(?:of\s+)?(?:my\s+|our\s+|the\s+)?(?:numbers|#s|lines|phones)\b"
            r"(?!\s+(?:from|off)\s+(?:the|this|that)\s+(?:flyer|sheet|form|file|doc|spreadsheet|page|list\s+of))"
            r"|شماره\s*(?:منو|من\s*را|مرا|ام)\s*(?:رو\s*)?پاک\s*کن"
            r"|संपर्क\s+(?:न|ना|मत)\s+कर"
            r"|\bek\s+aur\s+(?:msg|message|text|sms)\s+(?:aaya|aya|bheja|aayega)\s+(?:toh|to|tho)\s+(?:seedha\s+|sidha\s+)?"
            r"(?:block|report)"
        ),
        "negation",
    ),
    # the hundred-and-first, hundred-and-fourth and hundred-and-sixth: "No texts to this number, ever", "I don't want
    # vendor texts on this phone", "Cancel my subscription to these", "mom says stahp", "take me out the rotation on
    # these texts", "don't use this number for business no more"; Patois "nuh text mi phone again", "delete di number",
    # Trinidadian "take dis number off allyuh system", Nigerian Pidgin "make una stop dey send me message", Haitian
    # Creole "mwen pa vle resevwa mesaj sa yo ankò" (I don't want to receive these messages any more), Vietnamese "không
    # nhắn tin cho chồng tôi nữa" (don't text my husband any more), Twi "gyae nkra" (stop the messages), Wolof "bul ma
    # yónnee" (don't send me), Igbo "ezitekwala m ozi" (don't send me messages), Tigrinya "ካብ ዝርዝርኩም ኣውጽኡኒ" (take me
    # out of your list). Not "no texts to this number after 9", "cancel my subscription to the newsletter"
    (
        _re(
            r"\bno\s+(?:more\s+)?(?:texts|text\s+messages|txts|messages|sms)\s+(?:to|on|at)\s+(?:this|my|our)\s+(?:number|phone"
            r"|line|cell)\b(?!\s+(?:after|before|during|until|till|between)\b)"
            r"|\b(?:don't|dont|do\s+not)\s+want\s+(?:any\s+)?(?:vendor|sales|marketing|business|promotional|advertising)\s+"
            r"(?:texts|messages|txts)\s+(?:on|to|at)\s+(?:this|my|our)\s+(?:phone|number|line|cell)\b"
            r"|\bcancel\s+(?:my|our|the)\s+subscription\s+(?:to|for)\s+(?:these|this|them|your\s+(?:texts|messages)|the\s+texts)\b"
            r"|\b(?:mom|dad|mother|father|grandma|grandpa|husband|wife|boss|owner|he|she)\s+(?:says|said)\s+(?:to\s+)?"
            r"(?:(?:stop|unsubscribe)(?=\s*(?:[.!,;]|$)|\s+(?:the\s+texts|these|them|it)\b)"
            r"|remove\s+(?:her|him|them|it|the\s+number)\b)"
            r"|\btake\s+(?:me|us|my\s+number)\s+out\s+(?:of\s+)?(?:the|your|ur)\s+rotation\b"
            r"|\b(?:don't|dont|do\s+not|never)\s+use\s+(?:it|this|this\s+number|my\s+number|our\s+number|this\s+line)\s+for\s+"
            r"(?:business|work|sales|marketing)\s+(?:again|anymore|any\s+more|no\s+more|ever)\b"
            r"|\bnuh\s+(?:text|txt|call|message|send)\s+(?:mi|me|we)\b"
            r"|\bdelete\s+(?:di|de|dis|dat)\s+(?:number|numba)\b"
            r"|\btake\s+(?:dis|this|mi|my|de|di)\s+(?:number|numba)\s+off\s+(?:allyuh|yuh|your|ur|unu|y'all|yall)\s+"
            r"(?:system|list)\b"
            r"|\bstop\s+dey\s+(?:send|text|call|message|disturb)\b"
            r"|\bpa\s+vle\s+(?:resevwa|jwenn)\s+(?:okenn\s+)?mesaj\b"
            r"|\bkhong\s+nhan\s+tin\b[^.!?]{0,30}\bnua\b"
            r"|\bgyae\s+(?:nkra|mesegye|message)"
            r"|\bbul\s+(?:ma|nu)\s+(?:yonnee|yonne)\b"
            r"|\bezitekwala\s+(?:m|anyi)\s+ozi\b"
            r"|ካብ\s+ዝርዝር\S*\s+ኣውጽ"
        ),
        "negation",
    ),
    # the hundred-and-second and hundred-and-third: voice-to-text "Stomp texting me please", "Stopped texting this
    # number period" (the command misheard), "y'all don't need to be on it" (a family phone); Spanish "borrenlo de su
    # sistema", "desuscribir", "dejen de joder con los mensajitos", "si me llega otro mensaje ... llamo a mi abogado",
    # "reportado y bloqueado", "ya paren los mensajes", "¿cómo hago pa que ya no me lleguen estos mensajes?";
    # Korean "연락 원하지 않습니다" (I do not want contact), "번호 지워주세요" (delete the number);
    # Gujarati "મેસેજ ન કરો" (do not message). Not "I stopped texting him", "paren el carro ahí", "borren el pizarrón"
    (
        _re(
            r"\b(?:stomp|stob|stap|stup|stoop)\s+(?:texting|txting|messaging|sending|contacting|bothering|hitting)\b"
            r"|^\W*stopped\s+(?:texting|txting|messaging|contacting|sending)\s+(?:this|my|me|us)\b"
            r"|\b(?:you|y'all|yall|you\s+all|u)\s+(?:don't|dont|do\s+not)\s+need\s+to\s+be\s+on\s+(?:it|this|here|this\s+(?:phone"
            r"|number|line))\b"
            r"|\bborr(?:en|e|a|ar)(?:lo|la|me|nos)?\s+(?:de|del)\s+(?:su|sus|tu|el|la)\s+(?:sistema|lista|base|registro|contactos)\b"
            r"|\b(?:desuscrib|desinscrib|desubscrib)\w*"
            r"|\bdej(?:en|e|a)\s+de\s+(?:joder|molestar|chingar|fregar|jorobar)\s+con\s+(?:los|sus|tanto|tantos|esos|estos)\s+"
            r"(?:mensajes|mensajitos|textos|msjs?)\b"
            r"|\bsi\s+(?:me\s+)?(?:llega|mandan|envian|escriben|vuelven\s+a\s+escribir)\s+(?:otro|un)\s+(?:mensaje|texto|msj)\b"
            r"[^.!?]{0,40}\b(?:abogado|demand\w*|denunci\w*|report\w*|fcc|policia)\b"
            r"|\breportad[oa]s?\s+(?:y|e)\s+bloquead[oa]s?\b|\bbloquead[oa]s?\s+y\s+reportad[oa]s?\b"
            r"|\b(?:paren|pare|detengan|paralen)\s+(?:ya\s+)?(?:con\s+)?(?:los|sus|esos|estos|tantos)\s+(?:mensajes|mensajitos"
            r"|textos|msjs?)\b"
            r"|\b(?:como|que)\s+hago\s+(?:pa|para|pa')\s+que\s+(?:ya\s+)?no\s+me\s+(?:lleguen|manden|envien|escriban)\b"
            r"|연락\s*(?:을\s*)?원하지\s*않|번호\s*(?:를\s*)?(?:지워|삭제해)"
            r"|\b(?:do\s+not|don't|dont|never)\s+disturb\s+(?:me|us|this\s+number)\s+(?:again|anymore|any\s+more|ever)\b"
            # "top", "Sop": the keyword misheard or mistyped, as the whole reply (a word of its own inside one is not)
            r"|^\W*(?:top|sop)(?:\s+(?:please|pls|plz|now))?\W*$"
            r"|(?:મેસેજ|મેસેજો|સંદેશ|sms)\S*\s+(?:ના|ન|નહીં|નહિ)\s+(?:કરો|કરશો|કરતા|મોકલો|મોકલશો)"
        ),
        "negation",
    ),
    # the ninety-seventh to ninety-ninth: "please make them quit", "please just leave his phone alone", "cancel me outta
    # this", "there's 3 texts from you... don't send a 4th", "Wrong number. Get it out of your system", "Kindly expunge
    # my contact details from your records", "Whatever list I'm on, I'd like to not be on it anymore". Not "leave his
    # phone alone, he's charging it", "cancel me out of the 3pm", "get it out of your system, then call me"
    (
        _re(
            r"\b(?:please|pls|plz|kindly|just|how\s+to)\s+(?:just\s+)?make\s+(?:them|these|those|it|the\s+(?:texts|messages)"
            r"|these\s+(?:texts|messages))\s+(?:stop|quit|end|go\s+away)\b"
            r"|\bleave\s+(?:his|her|my|our|their|this|mom's|dad's)\s+(?:phone|number|cell|line)\s+alone\b"
            r"(?!\s*,?\s*(?:he's|she's|it's|its)\s+(?:charging|dead|broken))"
            r"|\bcancel\s+(?:me|us|my\s+number)\s+(?:out\s+of|outta|from|off)\s+(?:this|these|it|that|your\s+(?:list|texts"
            r"|messages|stuff))\b"
            r"|\b(?:don't|dont|do\s+not)\s+send\s+(?:me\s+)?(?:a|another)\s+(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth"
            r"|sixth|one)\b(?!\s+(?:invoice|quote|bill|copy|tech|truck|crew|guy))"
            r"|\bget\s+(?:it|this|that|my\s+number|this\s+number|me)\s+out\s+of\s+(?:your|ur|the)\s+(?:system|database|list"
            r"|records|contacts)\b(?!\s*,?\s*(?:then|and\s+then)\b)"
            r"|\b(?:expunge|purge|erase|scrub)\s+(?:my|our|this|all\s+(?:my|our))\s+(?:contact\s+)?(?:details|info|information"
            r"|data|number|records?)\b"
            r"|\b(?:i'd|i\s+would|id|we'd|we\s+would)\s+(?:like|prefer|love)\s+(?:to\s+not|not\s+to)\s+be\s+on\s+(?:it|this|that"
            r"|your\s+list|the\s+list|any\s+list)\s+(?:anymore|any\s+more|any\s+longer|again)\b"
            r"|\brefrain\s+from\s+(?:any\s+)?(?:further|future|more|additional)\s+(?:correspondence|outreach|solicitation"
            r"|contact)\b"
            # "pots. (that's stop backwards, genius)": the keyword spelt backwards, and said so
            r"|\b(?:that's|thats|it's|its|that\s+is|it\s+is|this\s+is)\s+[\"']?(?:stop|unsubscribe|remove\s+me|quit)[\"']?\s+"
            r"(?:spelled\s+|spelt\s+|written\s+)?(?:backwards?|reversed|in\s+reverse)\b"
        ),
        "negation",
    ),
    # the ninety-fourth to ninety-sixth: "I don't want to keep getting these", "Is there a way to get these to stop?",
    # "dont hit this line again", "ayo chill with the texts", "this number is for my clients only. don't use it for
    # this again". Not "is there a way to get the leaks to stop?", "chill with the prices, that's steep", "don't use
    # it for the quote, use the new one"
    (
        _re(
            r"\b(?:don't|dont|do\s+not)\s+(?:want|wanna|need)\s+to\s+keep\s+(?:getting|receiving|seeing)\s+(?:these|this|them"
            r"|those|your\s+(?:texts|messages)|the\s+(?:texts|messages)|texts|messages)\b"
            r"|\b(?:is\s+there\s+(?:a|any)\s+way\s+to|how\s+(?:do|can|would)\s+(?:i|we|you)|can\s+(?:i|we|you))\s+(?:get|make)\s+"
            r"(?:these|them|those|the\s+(?:texts|messages)|these\s+(?:texts|messages)|your\s+(?:texts|messages))\s+(?:to\s+)?"
            r"(?:stop|quit|end|go\s+away)\b"
            r"|\b(?:don't|dont|do\s+not|never)\s+hit\s+(?:this|my|our)\s+(?:line|number|phone|cell|#)(?:\s+up)?\s+(?:again"
            r"|anymore|any\s+more|no\s+more|ever)\b(?!\s+(?:before|until|till|til|during|after|while)\b)"
            r"|\bchill\s+(?:out\s+)?(?:with|on)\s+(?:the|these|those|ur|your|all\s+the|all\s+these)\s+(?:texts|txts|messages"
            r"|msgs|dms)\b"
            r"|\b(?:don't|dont|do\s+not|never)\s+use\s+(?:it|this|this\s+number|my\s+number|our\s+number|this\s+line)\s+for\s+"
            r"(?:this|these|that|marketing|sales|ads|promotions?|solicitations?)\s+(?:again|anymore|any\s+more|ever)\b"
        ),
        "negation",
    ),
    # the ninety-first to ninety-third, said politely or inside a story: "I have asked twice now to not be contacted",
    # "One more and my lawyer will be in touch", "Please leave it off your texting", "Please do not write to this number
    # again", "Kindly refrain from further messages", "I'd appreciate it if you'd stop now", "I'm asking nicely,
    # please stop here", "I'm also good on hearing from you ever again", "Marketing texts are not welcome here", "this
    # is the last message I want to see from Brightline", "I'd rather this number not hear from you again", "I'd be
    # grateful if this number was forgotten", "Please stop using my number for business stuff", "Don't keep writing
    # me", "please don't follow up on this number", "Please just leave this number out of it from here on". Not "please
    # stop by", "stop using the old number, use my cell", "leave me off the schedule", "is this the last message?"
    (
        _re(
            r"\basked\s+(?:\w+\s+){0,3}?(?:to\s+not|not\s+to)\s+be\s+(?:contacted|texted|messaged|called|bothered)\b"
            r"|\bone\s+more\s+(?:and|&)\s+(?:my|our|the|i'm\s+calling\s+(?:my|our|the))\s+(?:lawyer|attorney|legal\s+team"
            r"|legal\s+department)\b"
            r"|\bleave\s+(?:it|this(?:\s+(?:number|phone|line|cell))?|me|us|my\s+number|our\s+number)\s+off\s+(?:of\s+)?"
            r"(?:your|ur)\s+(?:texting|texts|lists?|messages|marketing|mailing)\b"
            r"|\b(?:do\s+not|don't|dont|never)\s+write\s+(?:to\s+)?(?:me|us|this\s+(?:number|line|phone|cell)|here)\s+"
            r"(?:again|anymore|any\s+more|ever)\b"
            r"|\brefrain\s+from\s+(?:any\s+)?(?:further|future|more|additional|sending)\s+(?:\w+\s+)?(?:messages|texts"
            r"|solicitations?|contact|communications?|marketing)\b"
            r"|\b(?:appreciate\s+it|be\s+grateful|be\s+thankful)\s+if\s+(?:you|y'all|u)\s*(?:'d|would|could)\s+(?:please\s+)?"
            r"(?:just\s+)?stop(?:\s+(?:now|here|there|already|please))?\s*(?:[.!,;]|$)"
            r"|\b(?:please|pls|plz|kindly)\s+(?:just\s+|also\s+|now\s+)?stop(?:\s+(?:now|here|there|already|please))?\s*"
            r"(?:[.!;]|$)"
            r"|\bgood\s+on\s+hearing\s+from\s+(?:you|u|y'all|yall|ya|your\s+\w+)\s+(?:ever\s+)?(?:again|anymore|going\s+forward)\b"
            r"|\b(?:marketing|sales|promotional|solicitation|advertising|spam)\s+(?:texts|messages|msgs|calls\s+and\s+texts)\s+"
            r"(?:are|is)\s+not\s+welcome\b"
            r"|\b(?:this|that|it)\s+(?:is|was|'s)\s+the\s+(?:very\s+)?last\s+(?:message|text|one)\s+(?:i|we)\s+(?:want|wanna"
            r"|need|intend|care)\s+to\s+(?:see|get|receive|read)\b"
            r"|\b(?:i'd|i\s+would|id|we'd|we\s+would)\s+(?:rather|prefer)\s+(?:this|my|our)\s+(?:phone|number|line|cell|#)\s+"
            r"(?:not|didn't|didnt|did\s+not|never)\s+hear\s+from\s+(?:you|u|y'all|yall|your\s+\w+)\b"
            r"|\b(?:grateful|appreciate\s+it|thankful)\s+if\s+(?:this|my|our)\s+(?:number|phone|line|cell|#)\s+(?:was|were|is"
            r"|could\s+be|would\s+be|got)\s+(?:forgotten|removed|deleted|dropped|erased|taken\s+off)\b"
            r"|\bstop\s+using\s+(?:my|this|our|his|her)\s+(?:number|phone|cell|line|#)\b(?!\s*,?\s*(?:use|try|call|text)\b)"
            r"|\b(?:don't|dont|do\s+not)\s+keep\s+(?:writing|texting|messaging|contacting|sending|hitting|blowing)\b"
            r"|\b(?:don't|dont|do\s+not|never)\s+follow[\s-]?up\s+(?:on|to|at|with)\s+(?:this|my|our)\s+(?:number|line|phone"
            r"|cell)\b"
            r"|\bleave\s+(?:this|my|our|his|her)\s+(?:number|phone|line|cell)\s+out\s+of\s+(?:it|this|your\s+\w+"
            r"|whatever\s+(?:this|that|you))\b"  # "leave my phone out of whatever this is"
        ),
        "negation",
    ),
    # the eighty-ninth and ninetieth, in the trade's own words: "Pull me out of yours" (a drip campaign), "Put me on
    # your suppression list", "Please don't put me in your follow-up sequence", "Save your second and third touches for
    # someone else", "I'd rather this phone not get any more of these"; and "Whatever this is, she's done with it.
    # Please respect that." Not "put me on your list for the grand opening", "save your pitch for the meeting", "don't
    # add me to the sequence yet", "I'm done with it, thanks" (a form sent back)
    (
        _re(
            r"\b(?:pull|take|get|yank|drop|remove|scrub|cut)\s+(?:me|us|my\s+number|this\s+number|our\s+number|this\s+line)\s+"
            r"(?:out\s+of|from|off(?:\s+of)?)\s+(?:yours\b|(?:your|ur|the)\s+(?:[\w'-]+\s+){0,2}?(?:drips?|sequences?|cadences?"
            r"|campaigns?|funnels?|automations?|workflows?|nurture|blasts?|touches|outreach)\b)"
            r"|\b(?:put|add|place|keep|move|stick)\s+(?:me|us|my\s+number|this\s+number|our\s+number|this\s+line)\s+"
            r"(?:on|to|in|into)\s+(?:your|ur|the)\s+(?:internal\s+|global\s+|company\s+)?(?:suppression|exclusion"
            r"|do[\s-]+not[\s-]+(?:text|contact|call|email|mail|solicit)|dnc|opt[\s-]?out|no[\s-]+contact)\s+(?:list|file"
            r"|table|database)\b"
            r"|\bsuppress\s+(?:me|us|my\s+number|this\s+number|this\s+line|our\s+number|my\s+(?:cell|line|contact))\b"
            r"|\b(?:don't|dont|do\s+not|never)\s+(?:put|add|enroll|enrol|include|drop|stick|keep)\s+(?:me|us|my\s+number"
            r"|this\s+number)\s+(?:in|into|on|to)\s+(?:your|ur|a|any|the)\s+(?:[\w'-]+\s+){0,2}?(?:sequences?|drips?"
            r"|cadences?|campaigns?|funnels?|automations?|workflows?|nurture|follow[\s-]?ups?)\b(?!\s+(?:yet|until|before))"
            r"|\bsave\s+(?:your|the|ur)\s+(?:[\w'-]+\s+){0,4}?(?:touches|texts|messages|msgs|follow[\s-]?ups|pitches|sequence"
            r"|drip|outreach)\s+for\s+(?:someone|somebody|some\s+one|people|folks|others|another|the\s+next)\b"
            r"|\b(?:i'd|i\s+would|id|we'd|we\s+would)\s+(?:rather|prefer)\s+(?:this|my|our)\s+(?:phone|number|line|cell|#)\s+"
            r"(?:not|didn't|didnt|did\s+not|never)\s+(?:get|receive|got|see)\s+(?:any\s*more|more|any)\s+(?:of\s+)?"
            r"(?:these|this|those|them|texts|messages)\b"
            r"|\bwhatever\s+(?:this|it|these|that)\s+(?:is|are)\b\W+(?:i'm|im|i\s+am|we're|we\s+are|she's|shes|she\s+is"
            r"|he's|hes|he\s+is|they're|they\s+are)\s+(?:so\s+|really\s+|all\s+)?done\s+with\s+(?:it|this|them|these|that)\b"
            r"|\bdone\s+with\s+(?:it|this|them|these|that|your\s+texts|the\s+texts)\W+(?:so\s+)?(?:please\s+|kindly\s+|pls\s+)?"
            r"respect\s+(?:that|this|it|my\s+wishes|her\s+wishes|his\s+wishes|our\s+wishes)\b"
        ),
        "negation",
    ),
    # the eighty-eighth, life happening: "she won't be needing these anymore", "Cancel whatever list I'm on", "This
    # number is off limits from now on", "please send no further offers to this number", "let this number be"; not
    # "we won't be needing financing", "the ICU is off limits to visitors", "let it be"
    (
        _re(
            r"\b(?:won't|will\s+not|wont|doesn't|does\s+not|don't|do\s+not)\s+(?:be\s+)?(?:needing|need)\s+(?:these|those|them"
            r"|your\s+(?:texts|messages)|the\s+(?:texts|messages))\s+(?:anymore|any\s+more|again|any\s+longer|now)\b"
            r"|\bcancel\s+(?:whatever|any|every|all\s+the|all|the)\s+lists?\s+(?:i'm|im|i\s+am|we're|we\s+are|he's|she's|this\s+"
            r"number\s+is|my\s+number\s+is)\s+on\b"
            r"|\b(?:this|my|our|his|her)\s+(?:number|phone|line|cell|#)\s+is\s+(?:now\s+)?off[\s-]limits\b"
            r"|\bsend\s+no\s+(?:further|more)\s+(?:offers|texts|messages|promotions|solicitations|marketing|ads)\b"
            r"|\blet\s+(?:this|my|our|his|her)\s+(?:number|phone|line|cell)\s+be\b"
        ),
        "negation",
    ),
    # the eighty-seventh: "Reported as phishing. Our IT team has been notified.", "flagged this as smishing", "This
    # number is on our blocklist now", "Remove Store #2214 from your list" (a location's line taken off)
    (
        _re(
            r"\b(?:reported|reporting|flagged|flagging|marked|marking)\s+(?:this|it|you|ur\s+\w+|your\s+\w+)?\s*(?:as\s+)?"
            r"(?:a\s+)?(?:phishing|smishing|phish|fraud|fraudulent|scam)(?:\s+(?:attempt|text|message))?\b"
            r"|\b(?:on|to|in)\s+(?:our|my|the|company's|the\s+company)\s+(?:block\s*list|blacklist|deny\s*list|do\s+not\s+contact"
            r"\s+list)\b"
            r"|\b(?:remove|delete|take)\s+(?:store|location|branch|unit|shop|site|restaurant|office)\s+(?:#\s*|no\.?\s*|number\s+)?"
            r"\d+\s+(?:off|from)\s+(?:of\s+)?(?:your|ur|the)\s+(?:list|database|system)\b"
        ),
        "negation",
    ),
    # the eighty-sixth: "Wrong number and dont text here no more"; Jamaican "Tek mi number off yuh list"; Trinidadian
    # "Doh send me nothing again"; Greek "Μη μου ξαναστείλετε μήνυμα" (do not send me a message again); and "BLOCK"
    # alone (the eighty-fourth), not "end of the block" or "block party"
    (
        _re(
            r"\b(?:don't|dont|do\s+not|doh|nuh)\s+(?:text|txt|message|msg|send\s+(?:anything|nothing|nuttin|nutten))\s+here\s+"
            r"(?:no\s+more|anymore|any\s+more|again|ever)\b"
            r"|\btek\s+(?:mi|me|my|wi|we)\s+(?:number|numba|name)\s+(?:off|outta|out\s+a)\b"
            r"|\bdoh\s+(?:send|text|message|call|contact|bother)\s+(?:me|mih|meh|we|us)\b"
            r"|\bμην?\s+(?:μου|μας)\s+(?:ξανα)?(?:στειλ|στελν)\w*|\bσταματηστε\s+(?:να\s+)?(?:μου\s+)?(?:στελνετε|γραφετε)\b"
            r"|^\W*(?:block|blocking|blocked)(?:\s+(?:please|pls|plz|now|it|this|ya|you|u|lol|bye|number))*\W*$"
        ),
        "none",
    ),
    # the eighty-fifth: Plautdietsch "Bitte nich mea schriewe" (please write no more), "schriew mie nich mea"; "consider
    # this me replying. opted out." after our text quoted; "opted out." as a clause of its own
    (
        _re(
            r"\bnich\s+mea\s+(?:schriewe|schriewen|schecke|schicke|senge|texte)\b|\bschriew\w*\s+(?:mie|ons)\s+nich\s+mea\b"
            r"|\bconsider\s+this\s+(?:me\s+(?:replying|saying\s+stop|opting\s+out|unsubscribing)|my\s+(?:reply|stop|opt[\s-]?out"
            r"|request|revocation|unsubscribe)|a\s+stop|an\s+opt[\s-]?out)\b"
            r"|(?:^|[.!,;]\s*)(?:i\s+|i've\s+|we\s+|we've\s+)?(?:just\s+|hereby\s+|officially\s+)?opted\s+out\s*(?:[.!]|$)"
        ),
        "negation",
    ),
    # the eighty-fourth: "this is my sons phone hes 12 please remove it": the phone named, then taken off as "it"
    (
        _re(
            # (not "Wrong number, I'll just delete this": the writer deleting our text)
            r"\b(?:phone|number|cell|line|#)\b[^.!?]{0,50}?(?<!i'll\s)(?<!ill\s)(?<!i\s)(?<!will\s)(?<!gonna\s)(?<!to\s)"
            r"\b(?:please|pls|plz|kindly|just|so)\s+(?:remove|delete|erase)\s+"
            r"(?:it|that|this)\b(?:\s+(?:from|off)\s+(?:your|ur|the)\s+(?:list|database|system|records))?\s*(?:[.!,;]|$)"
        ),
        "negation",
    ),
    # the eightieth: "alto ya con los mensajes" (enough with the messages), "ya basta con los textos"; Puerto Rican
    # "dejen el jodio spam" (drop the damn spam); Gujarati "મને મેસેજ ના મોકલો" (do not send me messages), "મેસેજ
    # મોકલશો નહીં", "મારો નંબર કાઢી નાખો" (remove my number)
    (
        _re(
            r"\b(?:alto|basta|ya\s+basta|para(?:le|len)?|suficiente)\s+(?:ya\s+)?(?:con|de)\s+(?:los|tus|sus|esos|estos|tanto|tantos)"
            r"\s+(?:\w+\s+)?(?:mensajes|mensajitos|textos|msjs?|sms|spam)\b"
            r"|\bdej(?:en|a|e|ar)\s+(?:ya\s+)?(?:el|ese|este|tanto|su|tu)\s+(?:\w+\s+)?spam\b"
            r"|(?:મેસેજ|મેસેજો|સંદેશ|સંદેશા|sms)\S*\s+(?:\S+\s+)?(?:ના|નહીં|નહિ)\s+મોકલ|(?:મેસેજ|સંદેશ)\S*\s+મોકલ\S*\s+(?:નહીં|નહિ)"
            r"|નંબર\s+(?:\S+\s+)?કાઢી\s+નાખ"
        ),
        "none",
    ),
    # the seventy-ninth: Tamil "எனக்கு மெசேஜ் அனுப்பாதீர்கள்" (do not send me messages); Thai "เลิกส่งข้อความ" (quit
    # sending messages), "หยุดส่งข้อความ" (stop sending messages), "อย่าส่งข้อความ" (do not send messages), "ไม่ต้องส่ง
    # ข้อความมาอีก" (no need to send messages again), "ลบเบอร์" (delete the number)
    (
        _re(
            r"(?:மெசேஜ்|மெஸேஜ்|மெசெஜ்|செய்தி|குறுஞ்செய்தி|எஸ்எம்எஸ்)\S*\s+(?:\S+\s+){0,2}?அனுப்பா(?:தீர்கள்|தீங்க|திங்க|தே)"
            r"|(?:เลิก|หยุด|อย่า)\s*ส่ง\s*(?:ข้อความ|sms|เอสเอ็มเอส|แมสเสจ)|ไม่ต้องส่ง\s*(?:ข้อความ|sms)\S*\s*(?:มา)?\s*(?:อีก|แล้ว)"
            r"|ลบ\s*เบอร์"
        ),
        "none",
    ),
    # the seventy-seventh: "no. and no more follow ups", "stop following up", "quit following up with me", "don't
    # follow up again", "no further follow-ups": the follow-up texts refused (not "don't stop following up", "no more
    # follow ups needed from your side, I'll sign Monday?" asked, or "I'll follow up with no more than two")
    (
        _re(
            r"(?:^|[.!,;:]\s*|\b(?:and|so|please|pls|plz|just|ok|okay|thanks|thx)\s+)no\s+(?:more|further)\s+"
            r"follow[\s-]?ups?\b(?![^.!?]{0,40}\?)"
            r"|\b(?:stop|quit|cease|enough\s+with(?:\s+the)?)\s+(?:the\s+)?following[\s-]?up\b"
            r"(?!\s+(?:on|about)\s+(?:the|my|our)\s+(?!texts?\b|messages?\b)\w+)"
            r"|\b(?:don't|dont|do\s+not|never)\s+follow[\s-]?up\s+(?:with\s+(?:me|us)\s+)?(?:again|anymore|any\s+more"
            r"|ever)\b"
        ),
        "negation",
    ),
    # "BBB complaint submitted.", "FCC complaint filed", "AG report is in": a report already made names its office first
    (
        _re(
            r"\b(?:fcc|ftc|bbb|better\s+business\s+bureau|attorney\s+general|ag|ag's|state\s+ag|consumer\s+protection"
            r"|dnc|do\s+not\s+call)\s+(?:complaint|report|grievance)s?\s+(?:\w+\s+){0,2}?(?:submitted|filed|sent|made"
            r"|lodged|done|in|going\s+in|goes\s+in|incoming|coming|is\s+in|is\s+filed|is\s+submitted|has\s+been\s+"
            r"(?:submitted|filed|sent|made|lodged))\b"
        ),
        "none",
    ),
    # "Our oilfield services company does not want marketing texts", "the office doesn't want these messages": a
    # business refusing the texts; "Remove every number you have for Permian Wireline", "delete all the numbers you
    # have for us": every line of the writer's taken off (not "remove all numbers from the sheet before you print it")
    (
        _re(
            r"\b(?:does\s+not|doesn't|doesnt)\s+(?:want|wish\s+to\s+(?:receive|get))\s+(?:any\s*more\s+|any\s+|these\s+"
            r"|those\s+|your\s+|the\s+|more\s+|ur\s+)?(?:(?:marketing|promotional|sales|advertising|unsolicited|spam)\s+)?"
            r"(?:texts?|text\s+messages|txts|messages|msgs|sms|solicitations?)\b"
            r"|\b(?:remove|delete|erase|scrub|purge|drop)\s+(?:every|all|each|any)\s+(?:of\s+)?(?:the\s+|our\s+|my\s+)?"
            r"(?:(?:phone|cell|mobile|contact)\s+)?(?:numbers?|#s?|lines)\b(?=\s+(?:you|u|y'all|yall|ya)\s+(?:have|got|'ve"
            r"|keep|hold)\b|\s+(?:for|of|at|belonging\s+to|tied\s+to|linked\s+to|associated\s+with)\s+(?!the\s+(?:sheet|form"
            r"|file|spreadsheet|doc|flyer)\b)|\s+(?:on|in|from)\s+(?:your|ur|the)\s+(?:list|database|system|records?)\b"
            r"|\s*(?:[.!,;]|$))"
        ),
        "negation",
    ),
]
# Revocations in the languages people text in, one table a language (messaging.revocation_lexicon)
_MORE_PHRASES += revocation_entries(_re)

_NOUN_BEFORE_STOP = frozenset(
    "the a an next last nearest bus full pit truck one first that your my its every each rest train subway final "
    "this our their to will would should must can could might may does do did it rain gonna never what which".split()
)  # fmt: skip
# "stop back in my inbox after that", "stop back by next week": come back, not a request
_COME_BACK = r"back\s+(?:in|by|around|later|after|over|through|next|tomorrow|sometime|when)\b"
# "Stop I'm not interested", "ok stop", "please just stop": a stop word opening or closing the message.
_EDGE_STOP_START = re.compile(
    r"^(?:(?:please|pls|plz|plss|plse|just|ok|okay)\s+)?(?:stop|stopall|unsubscribe|unsub)\b"
    r"(?!\s*(?:by|in|at|over|me\s+if|sign|light|&|and\s+shop|watch|-|#?\s*\d|from\s+what\b|the\s+presses\b))"
    rf"(?!\s+{_BANK_STOP})(?!\s+{_COME_BACK})"
    # "Stop it Jaylen put that DOWN": said to someone in the room by name, then told what to do
    r"(?!\s+it\s+(?!sam\b)[a-z]+\s+(?:put|get|give|leave|drop|come|go|sit|let|hand)\b)"
    # "stop teasing and send the details", "stop wasting my time": not the texts; a person reads it
    rf"(?!\s+(?!{_OUTGOING}\b)\w+ing\b)(?!\s+{_OUTGOING}{_TO_VOICEMAIL})"
    # "stop playin lol", "stop lyin": the same with the final g dropped
    r"(?!\s+(?:playin|kiddin|jokin|messin|foolin|lyin|trippin|cappin|frontin|hatin|clownin)\b)"
    # Patois "Stop tek people fi eediat wid dis scam": stop taking people for fools, an insult, not the texts
    r"(?!\s+tek\s+\w+\s+(?:fi|fa|for)\s+(?:eediat|eedyat|idiots?|fools?|dunce|poppyshow)\b)"
)
# Words that make the stop after them a noun: "the bus stop ads", "a pit stop", "one-stop shop"
_STOP_AS_NOUN = frozenset("bus truck pit full rest train subway tram trolley shuttle whistle one".split())
_EDGE_STOP_END = re.compile(r"\b(?:stop|stopall|unsubscribe|unsub|quit|remove|delete|rmv)\s*$")
_STOP_SOMETHING_OUTGOING = re.compile(rf"\b(?:stop|quit)\s+[\w*]+\s+{_OUTGOING}\b")


def _edge_stop(plain: str) -> bool:
    if _EDGE_STOP_START.search(plain):
        return True
    match = _EDGE_STOP_END.search(plain)
    if match:
        before = _TOKEN.findall(plain[: match.start()])
        if not before:
            return True
        if before[-1] not in _NOUN_BEFORE_STOP and not _negated(before, sender=True) and len(before) <= 12:
            return True
    match = _STOP_SOMETHING_OUTGOING.search(plain)
    return bool(match) and not _negated(_clause_before(plain, match.start()), sender=True)


# A stop word left after the rules above, in a clause they could not read, holds the number.
# After a stop word these make it no request: "stop by", "unsubscribe later", "unsubscribe links", "the stop sign".
_NOT_A_REQUEST_AFTER = (
    r"by|in|at|over|sign|light|and\s+shop|&|watch|for|to|being|later|anytime|any\s+time|whenever"
    r"|links?|buttons?|options?|pages?|features?|requests?|rates?"
    rf"|{_COME_BACK}"
    rf"|{_BANK_STOP}"  # "How do I stop payments on my current loan?": a bank's stop payment
    r"|the\s+presses"  # "Yes!! Stop the presses lol I actually need this": news, not a request
)
# "There's no Alto Construction here": a business named Alto, not the Spanish "stop"
_BUSINESS_WORDS = (
    r"construction|constructions|roofing|electric|electrical|plumbing|landscaping|builders|homes|realty|properties"
    r"|services|solutions|group|holdings|partners|enterprises|industries|inc|llc|co|corp|company|auto|motors|dental"
    r"|clinic|cafe|grill|kitchen|salon|studio|design|designs|logistics|trucking|transport|farms|supply|systems"
)
_UNCLEAR_STOP = re.compile(
    r"\b(?:stop|stopp?ing|unsubscribe|unsub|opt\s+out|optout|revoke|remove\s+(?:me|us|this|the\s+number|my(?!\s+(?:old|previous|other|first|second|last|e-?mail|address)\b))|baja"
    rf"|alto(?!\s+(?:{_BUSINESS_WORDS})\b))\b"
    rf"(?!\s+(?:{_NOT_A_REQUEST_AFTER}))"
    # "stop crying about the Cowboys", "stop worrying over it": something else the person does, said of a matter
    rf"(?!\s+(?!{_OUTGOING}\b)\w+ing\s+(?:about|over)\b)"
)
# Complaints about the texts themselves: the person may be revoking; a person decides.
_COMPLAINT = re.compile(
    r"\b(?:annoying|annoyed|harass\w*|harrass\w*|spamm\w*|spam|so\s+many\s+(?:texts|messages)|how\s+many\s+times"
    r"|every\s+(?:day|single\s+day)|enough\s+(?:already|with\s+the)|sick\s+of|tired\s+of|fed\s+up|unsolicited"
    r"|(?:calling|contacting|getting|talking\s+to|call|contact|get)\s+my\s+(?:lawyer|attorney)|my\s+(?:lawyer|attorney)\s+will"
    r"|invasion\s+of\s+privacy|illegal|report\s+you|reporting\s+you|block(?:ing|ed)?\s+(?:you|this|your)"
    # "This is the third text this week from you clowns": the texts counted against the sender
    r"|(?:second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th|\d+(?:th|rd|nd))\s+(?:text|txt|message|msg)\s+"
    r"(?:this|today|in|from\s+(?:you|u|y'all|your))"
    r"|(?:text|message|msg)\s+(?:number\s+)?(?:two|three|four|five|\d+)\s+(?:this|today))\b"
)
# Questions and praise that name these words without revoking: "is this spam?", "not spam, right?"
_COMPLAINT_GUARD = re.compile(
    r"\b(?:is|isn't|are)\s+(?:this|it|you)\s+(?:a\s+)?(?:spam|scam|real|legit)\b|\bnot\s+spam\b"
    r"|\bspam\s+(?:calls?|callers?|filters?|folder|blocker|musubi)\b"  # the shop's own spam, or lunch
    r"|\bno\s+spam\s+here\b"  # "No spam here, we're legit too lol": the writer's own business
    r"|\b(?:this|it)\s+(?:isn't|is\s+not|ain't)\s+(?:a\s+)?(?:spam|scam)\b"  # "this isn't spam right?"
    # "don't worry I'm not gonna report you, you're just doing your job": a report the writer says they will not make
    r"|\b(?:not\s+(?:gonna|going\s+to)|won't|will\s+not|wouldn't|would\s+never|never\s+gonna)\s+(?:\w+\s+)?"
    r"(?:report|block|sue)\s+(?:you|u|y'all|this)\b"
    # "Honestly yes. Tired of my bank giving me the runaround": a complaint about the lender they have
    r"|\b(?:sick|tired|fed\s+up)\s+(?:of|with)\s+(?:my|our)\s+(?:current\s+|old\s+)?(?:bank|banker|lender|credit\s+union"
    r"|processor|landlord|accountant)\b"
)

# '"Reply STOP to opt out" ok. doing that': nothing else beside our keyword quoted but that the writer does as it says
_DOING_AS_TOLD = re.compile(
    r"(?:(?:ok|okay|k|kk|sure|fine|yes|yep|yup|gladly|happily|alright|aight)\W+)*(?:doing\s+(?:that|it|so|just\s+that)"
    r"|done|will\s+do|consider\s+it\s+done|(?:here|there)\s+you\s+go|as\s+you\s+wish|with\s+pleasure|happily|gladly"
    r"|don't\s+mind\s+if\s+i\s+do|say\s+no\s+more|gladly\s+doing\s+(?:that|it))(?:\W+(?:lol|thanks|thx|bye|ty))*\W*"
)
# "I DID reply stop. Twice.", "I already texted STOP": the keyword sent before (not "if I reply stop")
# "Dr. Patel asked me to reply STOP for her": the keyword sent for the one who asked (the hundred-and-eighty-fifth)
_STOP_SENT_FOR_SOMEONE = re.compile(
    r"\b(?:asked|told|wants|wanted|needs|needed)\s+me\s+to\s+(?:reply|text|send|write|type|respond(?:\s+with)?)\s+"
    r"[\"']?(?:stop|unsubscribe|end|quit|cancel|stopall)\b[\"']?\s+(?:for|on\s+behalf\s+of)\s+(?:her|him|them|us"
    r"|the\s+(?:office|owner|doctor|boss|shop|practice|company))\b"
)
_SAID_STOP_BEFORE = re.compile(
    r"(?<!\bif\s)\b(?:i|we)\s+(?:did|already|already\s+did|have\s+already|have|already\s+have)\s+(?:reply|replied|text|texted"
    r"|send|sent|say|said|type|typed)\s+(?:\"|')?(?:stop|unsubscribe|end|quit|cancel|remove)\b"
)
# "I did. Twice. Still getting these": the writer sent the keyword and is still texted
_STILL_TEXTED = re.compile(
    r"\b(?:i|we)\s+(?:did|already\s+did|replied|already\s+replied|sent\s+it|texted\s+it|did\s+that)\b[^\n]{0,40}?"
    r"\bstill\s+(?:getting|receiving|get|receive)\s+(?:these|them|texts|messages|your\s+\w+)\b"
)
# "yes please text me 5 more times today, I love it so much 🙃": more texts asked for with an upside-down or eye-roll
# face; the same words without one ("text me 2 more times this week and I'll have an answer") are read as written
_MOCKING_EMOJI = frozenset("\U0001f643\U0001f644\U0001f612")  # 🙃 🙄 😒
_MORE_TEXTS_ASKED = re.compile(
    r"\b(?:text|message|msg|spam)\s+me\s+(?:\d+|two|three|four|five|six|ten|a\s+few|a\s+couple|some|a\s+lot|even)\s+more"
    r"(?:\s+times)?\b|\bkeep\s+(?:the\s+|those\s+|these\s+|em\s+|them\s+)?(?:texts|messages|msgs)\s+coming\b"
    r"|\b(?:more|another)\s+(?:texts|text|messages|message)\s+(?:please|pls|plz)\b"
)
_KEYWORD_MENTION = re.compile(
    # "To unsubscribe from the weekly bulletin reply UNSUB": a machine naming its own keyword
    r"(?:\bto\s+(?:unsubscribe|opt\s*-?\s*out|stop\s+(?:receiving|getting)\s+\w+)(?:\s+from\s+(?:our\s+|these\s+|this\s+"
    r"|future\s+|all\s+|the\s+)?(?:[\w'-]+\s+){0,2}[\w'-]+)?\s*,?\s*)?\b(?:reply|text|txt|send|respond(?:\s+with)?|type)\s+[\"']?"
    r"(?:stop|end|quit|unsubscribe|unsub|cancel|stopall|optout|remove)\b[\"']?(?:\s+to\s+(?:unsubscribe|opt\s*-?\s*out|stop|end|cancel|quit|be\s+removed|this))?"
    # "if I opt out now can I opt back in later?": the writer asks what would happen
    r"|\bif\s+(?:i|we)\s+(?:opt\s*-?\s*out|unsubscribe|unsub)\b(?=[^.!?]*\b(?:(?:can|could|will|would|do|does)\s+(?:i|we)"
    r"|(?:can|could)\s+(?:you|u|y'all|yall))\b)"
    r"|\b(?:stop|end|quit|cancel)\s+to\s+(?:opt\s*-?\s*out|unsubscribe|end|cancel|quit|stop)\b"
    # "If I say stop will you actually stop? Just curious": the writer asks what the word would do
    # "If I stop responding will you stop texting? Just curious": the writer asks what their silence would do
    r"|\bif\s+(?:i|we)\s+stop\s+(?:responding|replying|answering|reading)\b[^.!?]*\?"
    r"|\bif\s+(?:i|we)\s+(?:say|text|reply|send|type|write)\s+[\"']?(?:stop|unsubscribe|end|quit|cancel)\b[\"']?"
    r"(?=[^.!]*\?)"
    # "To stop receiving service reminders from Tri-State Tire, visit our website": a machine's instructions
    r"|\bto\s+(?:stop\s+receiving|unsubscribe|opt\s*-?\s*out)\b[^.!?]{0,60}?\b(?:visit|go\s+to|click|log\s+in|manage)\b"
)
# Told off in anger, sent away ("f*** off", "get lost", "go away", "lose my number"): the person may well be revoking;
# a person decides, and the classifier still files the reply as hostile. A curse alone ("go to hell", "screw you",
# "f*** you", "bite me", "drop dead", "get bent") sends no one away: it is read as the insult it is, like "you're all
# crooks" (the corpus's writers label every such reply without a request hostile, not a revocation).
_HOSTILE_DISMISSAL = re.compile(
    r"\b(?:f+u+c*k+\s*(?:off|outta\s+here)|f\W*\s*off|eff\s+off|piss\s+off|screw\s+off"
    r"|stfu|gtfo|get\s+lost|go\s+away|shut\s+up"
    r"|lose\s+my\s+number|bugger\s+off|sod\s+off|buzz\s+off)\b"
    # "Beat it", "Take a hike!": dismissals only alone ("we might take a hike Saturday", "get outta here, that rate is
    # amazing!")
    r"|^\W*(?:beat\s+it|take\s+a\s+hike|get\s+(?:outta|out\s+of)\s+here|scram|shoo)\W*$"
)
# "I hope whoever sold you my number gets fired", "who sold my info??": a complaint that our list was bought, which
# may be asking to be left alone; held for a person (a request beside it decides yes first)
_NUMBER_SOLD = re.compile(
    r"\b(?:sold|sells|selling|sell|bought|buying|buy|purchased|leaked|leaking)\s+(?:you|u|y'all|yall|ya|you\s+guys)\s+"
    r"(?:my|our|this|the)\s+(?:(?:cell|phone|business|work)\s+)?(?:number|#|info|information|contact|data|cell|details)\b"
    r"|\b(?:who|whoever|someone|somebody|some\s+\w+)\s+(?:sold|sells|is\s+selling|has\s+been\s+selling|leaked)\s+"
    r"(?:my|our|this)\s+(?:(?:cell|phone|business|work)\s+)?(?:number|#|info|information|contact|data|cell|details)\b"
    r"|\b(?:you|u|y'all|yall|ya|you\s+guys)\s+(?:bought|purchased|buy|paid\s+for)\s+(?:my|our|this)\s+"
    r"(?:(?:cell|phone|business|work)\s+)?(?:number|#|info|information|contact|data|cell|details)\b"
    r"|\b(?:my|our|this)\s+(?:number|#|info|information|contact|data|cell)\s+(?:was|got|has\s+been|is\s+being|been)\s+"
    r"(?:sold|bought|leaked)\b"
)
_SPACED_LETTERS = re.compile(r"(?:\w[\s.\-_*]+){2,}\w")
# "Delete my # from the group chat lol", "take me off the prayer chain": a request about a list that is not ours, held
# as when a revocation phrase asks it ("remove me from the group chat lol")
# "Half our newsletter list hit unsubscribe after Black Friday", "our customers keep clicking opt out": other people
# pressing the button on the writer's own mailings (not "I hit unsubscribe and still get these")
# "Message not delivered. The recipient's carrier has blocked this message.": a carrier's notice, its block not the
# person's (the reply is an auto_reply); read as no request, the rest of the reply still read
_CARRIER_BLOCKED = re.compile(
    r"\b(?:carrier|network|provider|operator|spam\s+filter|filter)\s+(?:has\s+)?(?:blocked|rejected|filtered)\s+"
    r"(?:this|the|your)\s+message\b"
    r"|\bmessage\s+(?:was\s+|has\s+been\s+)?(?:blocked|rejected|filtered)\s+by\s+(?:the\s+)?(?:recipient's\s+|receiving\s+)?"
    r"(?:carrier|network|provider|operator|spam\s+filter)\b"
)
# "What list did you get my number off of?": the source of the number asked, not a request to be taken off it
_ASKS_THE_SOURCE = re.compile(
    r"\b(?:what|which|whose)\s+(?:list|database|site|website|source|directory)\s+(?:did|do)\s+(?:you|u|y'all|yall)\s+"
    r"(?:get|pull|find|buy|take)\s+(?:my|this|our)\s+(?:number|info|contact|#)\s+(?:off|from|out)(?:\s+of)?\b"
)
# "Dad quit texting back the bots 😂": someone else who stopped answering texts, not a request to us
_SOMEONE_ELSE_STOPPED_TEXTING = re.compile(
    r"\b(?:dad|mom|mother|father|grandma|grandpa|husband|wife|son|daughter|brother|sister|he|she|they)\s+(?:just\s+|finally\s+)?"
    r"(?:quit|stopped|quits|stops)\s+(?:texting|replying|answering|responding|writing)\s+back\b"
)
# "Estoy conduciendo con el modo No molestar activado", "I have Do Not Disturb on while driving": a phone's mode named
# (in its notice or by its owner), not a request; the rest of the reply is still read
_DO_NOT_DISTURB = re.compile(
    r"\bmodo\s+(?:de\s+)?no\s+molestar\b|\bno\s+molestar\s+(?:esta\s+)?activad[oa]\b"
    r"|\b(?:do\s+not|don't)\s+disturb\s+(?:while\s+driving\s+)?(?:mode|is\s+on|on|turned\s+on|enabled|activated)\b"
    r"|\b(?:have|has|with|turned\s+on|activated|using)\s+(?:my\s+|the\s+)?(?:do\s+not|don't)\s+disturb\b"
)
# "I tried to unsubscribe from Yelp's program for 6 months. Is yours easier to get out of?": leaving another company's
# service, tried before; "if I sign up and hate it, how do I unsubscribe or get out?": leaving ours, asked before
# joining. Neither asks for the texts to end; the rest of the reply is still read
_LEAVING_A_SERVICE = re.compile(
    r"\b(?:tried|trying|try|attempted|spent\s+(?:\w+\s+){0,3}?trying)\s+to\s+(?:unsubscribe|unsub|opt[\s-]?out|cancel"
    r"|get\s+out)\s+(?:of|from|with)\s+(?!(?:you|your|ur|this|these|the\s+texts|y'all|yall|them)\b)[\w'&.-]+"
    r"|\bif\s+(?:i|we)\s+(?:ever\s+)?(?:sign\s+up|signed\s+up|join|joined|enroll|subscribe|buy|try\s+(?:it|you|this)|start"
    r"|go\s+with\s+(?:you|y'all|yall))\b[^.!?]{0,60}?\bhow\s+(?:do|would|can|could)\s+(?:i|we)\s+(?:unsubscribe|cancel"
    r"|opt[\s-]?out|get\s+out|quit|leave)\b"
    # "Is there a way to opt out of the monthly fee and just pay per lead?": a part of the offer, not the texts
    r"|\b(?:opt|opting)[\s-]?out\s+of\s+(?:the|a|your|that|this|any)\s+(?:\w+\s+){0,2}?(?:fees?|contract|plan|subscription"
    r"|charges?|minimum|retainer|renewal|auto-?renew\w*|commitment|package|add-?ons?)\b"
)
_OTHERS_PRESSED_UNSUBSCRIBE = re.compile(
    r"\b(?:list|lists|subscribers|customers|clients|readers|members|patients|people|folks|followers|guests|half|most"
    r"|some|many|lot|lots|bunch|dozens|hundreds|thousands|they|\d+%?)\s+(?:of\s+(?:them|our\s+\w+|my\s+\w+)\s+)?"
    r"(?:keep\s+|kept\s+|have\s+|already\s+|just\s+)?(?:hit|hits|hitting|clicked|clicking|click|clicks|pressed|pressing"
    r"|tapped|tapping|smashed)\s+(?:the\s+)?(?:unsubscribe|unsub|opt[\s-]?out|stop)\b(?:\s+(?:button|link))?"
)
_OFF_ANOTHER_LIST = re.compile(
    r"\b(?:remove|delete|take|drop|kick|get|erase)\s+(?:me|us|my\s+(?:number|#|cell|phone(?:\s+number)?|name))\s+"
    r"(?:from|off(?:\s+of)?|out\s+of|outta)\s+(?:the\s+|this\s+|that\s+|our\s+|my\s+)?(?:[\w'-]+\s+){0,3}?"
    r"(?:prayer\s+(?:chain|list|group|line|team)|group\s+(?:chat|text|thread|me)|groupchat|league\s+chat|bible\s+study"
    r"|(?:family|team|church|youth)\s+(?:chat|group\s+text))\b"
)
# "Stop 'n Go", "Stop-N-Go"; a business naming itself, a stop word first in its name: "Stop Go Towing & Recovery, this
# is Denise", "Stop Line Striping here" (not "stop all services, this is Denise", "stop texting my company, this is")
_NAMED_BUSINESS_WORDS = (
    rf"{_BUSINESS_WORDS}|towing|tow|recovery|wrecker|tires?|collision|glass|storage|rentals?|hauling|moving|cleaning"
    r"|pest|locksmith|repair|striping|paving|fencing|signs|printing|marine|diner|deli|market|pharmacy|bakery|garage"
)
_NAMES_WITH_STOP = re.compile(
    r"\bstop[\s-]*(?:&|and|n|'n'?|n')[\s-]*(?:shop|go)\b"
    r"|^stop(?=\s+(?!(?:all|the|these|those|your|ur|my|our|this|that|any|every|it|now|please|pls|plz|just|with|me|us"
    rf"|them|him|her|ya|you|u|y'all)\b)(?!{_OUTGOING}\b)(?![\w']+ing\s)(?:[\w&'.-]+\s+){{0,3}}?(?:{_NAMED_BUSINESS_WORDS})\b"
    r"(?:\s+(?:&|and)\s+[\w'-]+)?\W+(?:this\s+is|here\b|speaking\b))"
)

OPT_OUT_YES = "yes"
OPT_OUT_NO = "no"
OPT_OUT_UNCERTAIN = "uncertain"


def _plain(text: str) -> str:
    """Accents removed (Spanish and French are matched without them)."""
    return folded(text)


def _foreign_script(text: str) -> bool:
    return not text.isascii() and any(ord(ch) > _LATIN_MAX and ch.isalpha() for ch in text)


# --- Scripts the detector reads a little -----------------------------------------------------------------------
#
# A reply in a script the rules cannot read is held for a person. In the scripts the corpus has most of (Chinese,
# Japanese, Korean, Cyrillic, Arabic, Urdu, Farsi and Sorani Kurdish, Armenian, Devanagari (Hindi and Nepali),
# Bengali, Gurmukhi), a reply that says what it
# is for ("who is this?", "call me", "yes, interested", "wrong number", an auto-reply, a number or an address)
# and has none of the words a revocation needs (a "no", "don't", "stop", "again", "more", "delete", "list", a
# complaint) is read like any other reply instead: the revocation model may still hold it. Every other reply in
# those scripts, and every reply in another script, is still held.
_READ_SCRIPTS = (
    (0x0400, 0x052F),  # Cyrillic
    (0x0530, 0x058F),  # Armenian
    (0x0600, 0x06FF),  # Arabic, Urdu, Farsi, Sorani Kurdish
    (0x0900, 0x097F),  # Devanagari
    (0x0980, 0x09FF),  # Bengali
    (0x0A00, 0x0A7F),  # Gurmukhi
    (0x1100, 0x11FF),  # Hangul letters (a folded syllable)
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3130, 0x318F),  # Hangul compatibility letters
    (0x3400, 0x4DBF),  # CJK
    (0x4E00, 0x9FFF),  # CJK
    (0xAC00, 0xD7A3),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility
    (0xFB50, 0xFDFF),  # Arabic presentation forms
    (0xFE70, 0xFEFF),  # Arabic presentation forms
)


def _read_script(ch: str) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in _READ_SCRIPTS)


def _folded_words(*words: str) -> tuple[str, ...]:
    return tuple(folded(word).lower() for word in words)


# Polite words holding a revocation word's letters, taken out before the revocation words are looked for:
# "안녕하세요" (hello: 안, not), "잘못" (wrong: 못, cannot), "すみません" (excuse me: ません), "再见" (goodbye: 再,
# again), "唔該" (thanks: 唔, not), "السلام" (peace: لا, no), "नमस्ते" (hello: न, not); and words that only begin
# like a "not": Nepali "नेपाल", "नम्बर" (number), Bengali "নাম্বার" (number), "নামাজ" (prayer), "নমস্কার" (hello);
# Arabic "نعم" (yes), which begins like the Farsi and Sorani negative prefix "ن"
# fmt: off
_SCRIPT_POLITE = _folded_words(
    "안녕하세요", "안녕하십니까", "안녕", "잘못", "すみません", "再见", "再見", "唔該", "唔该", "السلام",
    "سلام", "اسلام",
    "مع السلامة", "الله", "انشالله", "إن شاء الله", "ان شاء الله", "नमस्ते", "नमस्कार", "ਨਮਸਤੇ",
    "नेपाल", "नम्बर", "नंबर", "নাম্বার", "নম্বর", "নামাজ", "নমস্কার", "نعم",
)
# What a reply is for, in those scripts
_SCRIPT_PURPOSE = _folded_words(
    # hello, who is this
    "你好", "您好", "哈囉", "哈啰", "谁", "誰", "哪位", "边位", "邊位", "边个", "邊個", "什么公司",
    "什麼公司", "乜嘢",
    "こんにちは", "こんばんは", "おはよう", "どちら様", "どなた", "誰", "どこの",
    "안녕하세요", "누구", "누구세요", "어디",
    "здравствуйте", "добрый день", "привет", "кто это", "кто вы", "добрий день", "хто це",
    "مرحبا", "السلام عليكم", "من أنت", "من انت", "مين", "من هذا", "من معي", "شو هاد", "منو",
    "سلام", "کی هستید", "شما کی", "کیه", "کون", "آپ کون",
    "բարև", "բարեւ", "ով", "ո՞վ",
    "नमस्ते", "नमस्कार", "कौन", "ਸਤ ਸ੍ਰੀ ਅਕਾਲ", "ਕੌਣ",
    "को हो", "को हुनुहुन्छ", "কে", "নমস্কার", "আসসালামু", "سڵاو", "کێ",
    # yes, interested, tell me more, how much
    "有兴趣", "有興趣", "感兴趣", "感興趣", "介绍", "介紹", "详细", "詳細", "多少", "利息", "利率", "多啲",
    "好啊", "可以",
    "興味", "詳しく", "いくら", "金利", "はい",
    "관심", "자세히", "알려주세요", "얼마", "이자", "네",
    "интересно", "интересует", "подробнее", "сколько", "да", "цікаво", "так",
    "مهتم", "نعم", "أيوه", "ايوه", "كم", "تفاصيل",
    "علاقه", "بله", "آره", "چقدر", "دلچسپی", "جی ہاں", "ہاں", "کتنا",
    "այո", "հետաքրքիր", "որքան",
    "रुचि", "दिलचस्पी", "हाँ", "हां", "कितना", "ਦਿਲਚਸਪੀ", "ਹਾਂ", "ਕਿੰਨਾ",
    "थप जानकारी", "कति", "আগ্রহী", "হ্যাঁ", "বিস্তারিত", "কত", "সুদ", "بەڵێ", "حەزم", "زانیاری", "چەند",
    # call me, write to this address, a time to talk
    "电话", "電話", "打俾我", "打给我", "打給我", "邮箱", "郵箱", "电邮", "電郵", "邮件", "郵件", "明天",
    "聽日", "下午",
    "上午", "下晝", "几点", "幾點", "星期", "礼拜", "禮拜",
    "メール", "明日", "来週", "午後", "午前", "時に",
    "전화", "이메일", "메일", "내일", "다음주", "오후", "오전", "시에",
    "позвоните", "звоните", "перезвон", "почт", "завтра", "позвони", "телефон",
    "اتصل", "كلمني", "ايميل", "إيميل", "بريد", "بكرة", "غدا",
    "زنگ", "تماس بگیرید", "ایمیل", "فردا", "کال", "فون", "ای میل",
    "զանգ", "էլ. փոստ", "վաղը",
    "कॉल", "फोन", "फ़ोन", "ईमेल", "कल", "ਫ਼ੋਨ", "ਫੋਨ", "ਕਾਲ", "ਈਮੇਲ",
    "भोलि", "इमेल", "ফোন", "কল", "ইমেইল", "ইমেল", "কাল", "সকালে", "বিকেলে", "پەیوەندی",
    "تەلەفۆن", "ئیمەیڵ", "سبەی",
    # wrong number, away, an auto-reply
    "打错", "打錯", "搵錯", "找错", "找錯", "发错", "發錯", "错人", "錯人", "不是老板", "回来", "回來",
    "返嚟", "下个月",
    "下個月", "探亲", "探親", "香港", "国内", "國內", "自动回复", "自動回覆", "自動回復", "自动回覆",
    "間違", "自動返信", "休業", "帰省", "戻り", "不在",
    "잘못", "자동응답", "영업시간", "휴가", "출장", "다음 주", "돌아와", "돌아갑", "돌아옵",
    "ошиблись", "автоответ", "в отпуске",
    "خطأ", "رد آلي", "الرد الآلي", "اشتباه", "پاسخ خودکار", "غلط",
    "սխալ", "ավտոմատ պատասխան", "հայաստան",
    "गलत", "ग़लत", "ਗਲਤ", "ਗ਼ਲਤ",
    "फर्कि", "फर्क", "ভুল", "দেশে", "ফিরব", "ফিরে", "هەڵە",
    # away on a trip or on leave
    "مسافر", "مسافرة", "سفر", "إجازة", "اجازة", "عطلة", "ছুটিতে", "छुट्टी", "बिदा",
    # an insult (thief): hostile, read as "you're all crooks" is
    "চোর", "चोर", "حرامي", "حرامية",
)
# What a revocation needs: a no, a don't, stop, again, more, delete, the list, a complaint, a threat
_SCRIPT_REVOKING = _folded_words(
    "不", "别", "別", "勿", "停", "退", "删", "刪", "消", "拒", "唔", "咪", "冇", "没", "沒", "免", "莫",
    "再", "诉", "訴",
    "骚扰", "騷擾", "报", "報", "滚", "滾", "名单", "名單", "屏蔽", "封", "垃圾", "骗", "騙", "烦", "煩",
    "够", "夠", "嫌",
    "去掉", "移除", "除", "算了", "唔使", "扑街", "痴线",
    "ない", "なし", "なく", "やめ", "止", "結構", "迷惑", "削除", "解除", "拒否", "いら", "ません", "二度", "もう",
    "今後", "遠慮", "配信", "控え", "詐欺", "通報", "ブロック", "ストップ", "だめ", "ダメ", "嫌",
    "안", "않", "못", "말", "마세요", "마요", "지마", "싫", "없", "그만", "거부", "삭제", "빼", "차단",
    "다시", "신고",
    "스팸", "사기", "더 이상", "더이상", "괜찮", "됐", "꺼져", "귀찮", "중지", "해지", "수신",
)
# The same in the scripts written with spaces, as whole words or the start of one
_SCRIPT_REVOKING_WORDS = _folded_words(
    "не", "нет", "ни", "стоп", "хват", "удал", "отпис", "больш", "прекрат", "перестан", "спам",
    "жалоб", "полиц",
    "мошен", "достал", "убер", "убрат", "исключ", "блок", "відпис", "видал", "більш", "досить",
    "припин", "годі",
    "ні", "рассыл", "розсил", "баз", "списк", "номер",
    "لا", "لن", "ما", "مش", "مو", "توقف", "وقف", "أوقف", "اوقف", "احذف", "حذف", "امسح", "شيل",
    "إلغاء", "الغاء", "ألغ",
    "الغ", "كفى", "كفاية", "بس", "بطل", "عدم", "ابعد", "ممنوع", "مزعج", "إزعاج", "ازعاج", "سبام",
    "احتيال", "نصاب",
    "شكوى", "الشرطة", "تراسل", "ترسل", "تاني", "ثاني", "بعد", "أبدا", "ابدا", "القائمة",
    "قائمة", "رقمي",
    "نہ", "نہیں", "مت", "بند", "ہٹا", "دوبارہ", "پھر", "مزید", "تنگ", "شکایت", "پولیس", "فراڈ",
    "ختم", "ڈیلیٹ", "لسٹ",
    "نه", "ن", "دیگه", "دیگر", "پاک", "لغو", "قطع", "بسه", "مزاحم", "کلاهبردار", "لیست",
    "خجالت", "کلاه",
    "մի", "չ", "ոչ", "այլևս", "այլեւս", "դադար", "հեռաց", "ջնջ", "բավ", "ամոթ", "խաբեբա", "ցուցակ",
    "նորից", "էլ",
    "मत", "न", "ना", "नहीं", "नही", "बंद", "बन्द", "हटा", "दोबारा", "फिर", "रोक", "डिलीट",
    "परेशान", "शिकायत",
    "पुलिस", "धोखा", "अब", "बस", "लिस्ट",
    "ਨਾ", "ਨਹੀਂ", "ਨਹੀ", "ਮਤ", "ਬੰਦ", "ਹਟਾ", "ਦੁਬਾਰਾ", "ਫਿਰ", "ਫੇਰ", "ਰੋਕ", "ਡਿਲੀਟ", "ਤੰਗ",
    "ਸ਼ਿਕਾਇਤ", "ਪੁਲਿਸ",
    "ਬਸ", "ਲਿਸਟ", "ਨ",
    # Nepali (beside the Hindi above): the negative verb's endings, delete, again
    "छैन", "चाहिँदैन", "चाहिदैन", "पर्दैन", "हुँदैन", "मेटा", "फेरि", "यस्ता",
    # Bengali: no, not, stop, delete, cut, more, again, the list, annoyed, complaint, police, cheat, spam, block
    "না", "নাই", "নেই", "নই", "নয়", "বন্ধ", "মুছ", "বাদ", "কেটে", "সরা", "আর", "আবার", "লিস্ট", "তালিকা", "বিরক্ত",
    "অভিযোগ", "পুলিশ", "প্রতারক", "বাটপার", "স্প্যাম", "ব্লক", "ডিলিট",
    # Sorani Kurdish: no, not, don't (the imperative's prefix), any more, enough, delete, remove, stop, annoyed,
    # complaint, police, the list
    "نا", "نە", "مە", "ئیتر", "بەسە", "بسڕ", "لاب", "ڕابگر", "بێزار", "سکاڵا", "پۆلیس", "لیست",
)
# fmt: on
# A decline alone ("নাহ, দরকার নেই", nah, no need; "धन्यवाद, चाहिँदैन", thanks, I don't need it): what the reply is for,
# its "no" a decline's, read as "no thanks" is. With anything else beside it ("আর মেসেজ দরকার নেই", no more messages
# needed) the word lists decide as before.
# fmt: off
_SCRIPT_THANKS_OR_NO = _folded_words(
    "ধন্যবাদ", "নাহ", "না", "জি না", "धन्यवाद", "शुक्रिया", "नहीं", "होइन", "हैन", "नाई", "شكرا", "شكراً", "لا",
    "όχι ευχαριστώ", "όχι", "ευχαριστώ",
)
_SCRIPT_DECLINES = _folded_words(
    "দরকার নেই", "লাগবে না", "চাই না", "আগ্রহী নই", "আগ্রহ নেই", "না ধন্যবাদ",
    "चाहिँदैन", "चाहिदैन", "चाहिंदैन", "पर्दैन", "आवश्यक छैन", "नहीं चाहिए", "जरूरत नहीं", "ज़रूरत नहीं", "रुचि नहीं",
    "नहीं धन्यवाद", "مش مهتم", "غير مهتم", "مو مهتم", "مش محتاج", "لا شكرا", "لا شكراً",
    # Greek (no list of its revoking words: only a decline alone is read): "Όχι ευχαριστώ, δεν ενδιαφερόμαστε"
    "δεν ενδιαφερόμαστε", "δεν ενδιαφέρομαι", "δεν μας ενδιαφέρει", "δεν με ενδιαφέρει", "δεν χρειάζομαι",
    "δεν χρειαζόμαστε", "όχι ευχαριστώ",
)
# fmt: on


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


# "धन्यवाद, अहिले चाहिँदैन" (thanks, not needed now): a "now" before the decline
_SCRIPT_NOW = _folded_words("अहिले", "अभी", "এখন", "حاليا", "حالياً", "هلأ", "هلق")
_SCRIPT_DECLINE_ALONE = re.compile(
    rf"(?:(?:{_alternatives(_SCRIPT_THANKS_OR_NO)})[\s.,!\u0964\u060c]+)?(?:(?:{_alternatives(_SCRIPT_NOW)})\s+)?"
    rf"(?:{_alternatives(_SCRIPT_DECLINES)})"
    rf"(?:[\s.,!\u0964\u060c]+(?:{_alternatives(_SCRIPT_THANKS_OR_NO)}))?[\s.,!\u0964\u060c]*"
)
# "رقمي الثاني 313-555-0188" (my second number), "мой номер 313-...": beside a number given, "my number" is that number
_SCRIPT_MY_NUMBER = _folded_words("رقمي", "номер")
_SCRIPT_WORD_BREAK = re.compile(r"[\s.,!?;:\u060c\u061f\u06d4\u0964\u0589\u055e\u055d\"'()\[\]\-\u2026\u200c]+")
# Words of a Latin-letter part that may belong to a revocation ("唔好再send message俾我啦", "不要 text me again")
_LATIN_REVOKING = re.compile(
    r"\b(?:stop|remove|unsub\w*|delete|don'?t|dont|do\s+not|no|not|never|again|more|spam|block|report|quit|cancel"
    r"|end|off|list|lose|leave|opt|text|txt|msg|message|sms|send)\b"
)


def _plainly_no_request_in_script(plain: str) -> bool:
    """Whether a reply in a script the rules cannot read says plainly what it is for and has no word a revocation
    needs (the reply is then read like any other instead of held for a person)."""
    text = _EMAIL_ADDRESS.sub(" ", plain.lower())
    if _SCRIPT_DECLINE_ALONE.fullmatch(text):
        return True  # a decline alone, in any script with one listed (Greek has no other word list)
    if any(ch.isalpha() and ord(ch) > _LATIN_MAX and not _read_script(ch) for ch in plain):
        return False  # a script with no word list here
    has_number = sum(ch.isdigit() for ch in text) >= 7
    if not (has_number or "@" in plain or any(word in text for word in _SCRIPT_PURPOSE)):
        return False
    for polite in _SCRIPT_POLITE + _SCRIPT_MY_NUMBER if has_number else _SCRIPT_POLITE:
        if polite in text:
            text = text.replace(polite, " ")
    if any(word in text for word in _SCRIPT_REVOKING) or _LATIN_REVOKING.search(text):
        return False
    words = [word for word in _SCRIPT_WORD_BREAK.split(text) if word]
    return not any(word.startswith(revoking) for word in words for revoking in _SCRIPT_REVOKING_WORDS)


_TEXTS_INSTEAD = re.compile(
    r"\b(?:text|txt)(?:ing)?\s+(?:me|is|only|instead|works|please|pls|better)\b"
    r"|(?:,|\bjust|\bplease|\bpls|\bbut)\s+(?:text|txt)\s+(?:this|my)\s+(?:number|cell|line)\b(?!\s+(?:again|anymore))"
    r"|\b(?:text|txt)s?\s+(?:are|is)\s+"
    r"(?:fine|ok|okay|better|good|preferred)\b|\bprefer\s+(?:text|txt)"
    # "I'm in meetings all day, don't call, text"
    r"|\bcall\W+(?:just\s+|pls\s+|please\s+|only\s+)?(?:text|txt)\W*$"
    # "text don't call", "txt dont call": texts asked for, calls refused
    r"|(?:^|[.!,;\n]\s*)(?:text|txt)\s+(?:me\s+)?(?:don't|dont|do\s+not|no)\s+call"
    # "don't call, email me": a channel preferred, not a revocation of texts
    r"|\b(?:e-?mail)(?:\s+me|\s+is\s+(?:better|fine|best)|\s*:|\s+only|\s+(?:pls|please|plz|instead|works))"
    # "Don't call, I can't hear nothing on the boat. Email x@aol.com", "email is rob.k@...", an address said aloud
    r"|\be-?mail\s+(?:me\s+)?(?:at\s+|is\s+|:\s*)?[\w.+-]+@[\w-]+\.[a-z]{2,}"
    r"|\be-?mail\s+(?:me\s+)?(?:at\s+)?\w+(?:\s+dot\s+\w+)*\s+at\s+\w+(?:\s+dot\s+\w+)+"
    # "pls email, don't call: office@...": the channel asked for
    r"|\b(?:pls|please|plz|just)\s+e-?mail\b(?!\s+(?:me\s+)?(?:stop|remove|unsubscribe))"
    # "Don't call, send it to me in writing. office@...": the offer asked for on paper or at an address
    r"|\b(?:send|put|get)\s+(?:it|this|that|everything|something)\s+(?:to\s+(?:me|us)\s+)?in\s+writing\b"
    # "Don't call the shop line, we're slammed. Is this a monthly contract or one-time?": the offer asked about here
    r"|\b(?:how\s+much|is\s+(?:this|it)\s+(?:a\s+)?(?:monthly|yearly|annual|one[\s-]time)|what\s+(?:does|would)\s+(?:it|this)"
    r"\s+cost|what(?:'s|\s+is)\s+the\s+(?:price|cost))\b"
)


# "Text is fine", "texts are better", "I prefer text", "text me instead", "just text me": texts welcome, said plainly
_TEXTS_WELCOME = re.compile(
    r"\b(?:text|texts|txt|texting)\s+(?:is|are|works|'s)\s+(?:fine|ok|okay|better|good|preferred|best)\b"
    r"|\bprefer\s+(?:text|txt)|\b(?:text|txt)\s+(?:me\s+|us\s+)?(?:instead|only)\b|\bjust\s+(?:text|txt)\s+(?:me|us)\b"
)


@functools.cache
def _gated_phrases() -> tuple[list[tuple[re.Pattern[str], str]], GatedPatterns]:
    """Both phrase lists, in their order, behind one literal scan (a text is scanned once, not once a list)."""
    phrases = _PHRASES + _MORE_PHRASES
    return phrases, GatedPatterns([pattern for pattern, _ in phrases])


# The phrases whose look-ahead tells a question from a request ("no more of these?" asks, "no more of these" does not):
# normalising trims a reply's final "?", so they are given it back when the reply ended with one.
_LOOKS_FOR_A_QUESTION = frozenset(pattern for pattern, _ in _PHRASES + _MORE_PHRASES if r"\?)" in pattern.pattern)


def _ends_asking(text: str) -> bool:
    """Whether the text's trailing punctuation (what ``normalize_text`` trims) holds a question mark."""
    end = len(text)
    while end and _is_edge(text[end - 1]):
        end -= 1
        if text[end] in "?\uff1f\u061f":  # ? and its full-width and Arabic forms
            return True
    return False


@functools.lru_cache(maxsize=4)  # a long reply's sentences reuse the scan of the whole reply
def _phrase_candidates(keeper: GatedPatterns, text: str) -> list[int]:
    return keeper.candidates(text)


def _phrase_hit(normalized: str, *, part_of: str | None = None, asked: bool = False) -> bool:
    """Whether a phrase of ``_PHRASES`` or ``_MORE_PHRASES`` matches, its guard not saying otherwise. ``part_of``, a
    text that holds ``normalized``, is scanned for the phrases' words instead (once for all of its parts). ``asked``:
    the reply ended with a question mark, which normalising trimmed; the phrases that look ahead for one see it."""
    phrases, keeper = _gated_phrases()
    among = _phrase_candidates(keeper, normalized if part_of is None else part_of)
    for number in keeper.matching(normalized, among=among):  # the few phrases that match, in their order
        pattern, guard = phrases[number]
        read = normalized + "?" if asked and pattern in _LOOKS_FOR_A_QUESTION else normalized
        for match in pattern.finditer(read):
            before = _clause_before(normalized, match.start())
            if before and before[-1] in _STOP_AS_NOUN and match.group().startswith("stop"):
                continue  # "bus stop ads are doing fine for us": a place, not a request
            if guard in ("negation", "sender") and _negated(before, sender=guard == "sender"):
                continue
            if guard == "subject" and _other_subject(before):
                continue
            if guard in ("anysubject", "call") and before and before[-1] in _OTHER_SUBJECTS | _SELF_SUBJECTS:
                continue
            if guard == "call" and _TEXTS_INSTEAD.search(normalized):
                continue  # "don't call, text me instead": a preference for texts, not a revocation
            return True
    return False


# Misspelt stop words: letters swapped or doubled ("stpo", "sotp", "sstop"), one letter off in the
# long ones ("unsubcribe", "remvoe"). Real words one letter from "stop" (spot, step, shop, stoop) are not.
_REAL_WORDS_NEAR_STOP = frozenset(
    {
        "spot",
        "step",
        "shop",
        "stoop",
        "atop",
        "slop",
        "stomp",
        "top",
        "soap",
        "stow",
        "tops",
        "post",
        "pots",
        "opts",
        "stoops",
        "steps",
        "spots",
        "shops",
        "stoa",
    }
)


def _near(word: str, target: str) -> bool:
    """One edit away (insert, delete, substitute or swap two neighbours)."""
    if word == target or abs(len(word) - len(target)) > 1:
        return word == target
    if len(word) == len(target):
        diff = [i for i, (a, b) in enumerate(zip(word, target, strict=True)) if a != b]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and word[diff[0]] == target[diff[1]]
            and word[diff[1]] == target[diff[0]]
        )
    short, long = sorted((word, target), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


_REPEATS = re.compile(r"(\w)\1+")


_STOP_LETTERS = frozenset("stop")
_TYPO_FIRST_LETTERS = frozenset("surt")  # a misspelt stop/unsubscribe/remove keeps one of its first two letters


# Keys beside each letter of "stop" on a phone's QWERTY keyboard
_BESIDE_KEY = {"s": "awedxz", "t": "rfgy", "o": "iklp", "p": "ol"}


def _keyboard_slip(word: str, target: str) -> bool:
    """``word`` is ``target`` with one letter replaced by a key beside it."""
    slips = [(a, b) for a, b in zip(word, target, strict=True) if a != b]
    return len(slips) == 1 and slips[0][0] in _BESIDE_KEY.get(slips[0][1], "")


@functools.lru_cache(maxsize=4096)
def _typo_stop(word: str) -> bool:
    if word in _REAL_WORDS_NEAR_STOP or len(word) < 4 or len(word) > 13:
        return False
    if word[0] not in _TYPO_FIRST_LETTERS and word[1] not in _TYPO_FIRST_LETTERS and word[1] not in "neo":
        return False
    if len(word) == 4 and word.startswith("st") and _near(word, "stop"):
        return True  # "stoo", "stpp", "stip": one letter off, not a real word (those are excluded above)
    if len(word) == 4 and _keyboard_slip(word, "stop"):
        return True  # "srop", "dtop", "syop": the key beside one of its letters struck (real words excluded above)
    if len(word) <= 7 and set(word) <= _STOP_LETTERS:
        squeezed = _REPEATS.sub(r"\1", word)  # "stoooop", "sstop", "STOPPPP", "sotp"
        return squeezed == "stop" or (len(word) <= 5 and sorted(squeezed) == sorted("stop"))
    squeezed = _REPEATS.sub(r"\1", word)
    if squeezed == "stop" or (len(word) <= 5 and sorted(squeezed) == sorted("stop")):
        return True
    if len(word) < 5:
        return False
    return any(_near(squeezed, target) for target in ("unsubscribe", "remove", "stopall"))


_BARE_VOCABULARY_OTHER = _BARE_STOP_WORDS | _FILLER_WORDS | _BARE_STOP_WORDS_OTHER | _FILLER_WORDS_OTHER
_BARE_STOPS_ANY_LANGUAGE = _BARE_STOP_WORDS | _BARE_STOP_WORDS_OTHER


def _is_bare_other(clause: str) -> bool:
    words = [("stop" if _typo_stop(word) else word) for word in _TOKEN.findall(clause)]
    if not words or not set(words) <= _BARE_VOCABULARY_OTHER:
        return False
    stops = set(words) & _BARE_STOPS_ANY_LANGUAGE
    if not stops:
        return False
    # "para" and "alto" stand for "stop" only as the whole clause or with Spanish fillers
    if stops <= {"para", "alto", "pare"} and set(words) & (_FILLER_WORDS - {"please", "pls", "plz", "now"}):
        return False
    return True


def _may_be_bare(clause: str) -> bool:
    """False when neither ``_is_bare_stop`` nor ``_is_bare_other`` can hold: a word of the clause is in neither
    vocabulary nor a misspelt stop word (most clauses of a long reply), found with one pass over its words. A clause
    with "out" in it is left to them ("opt out" is read as one word there)."""
    unknown = set(_TOKEN.findall(clause)) - _BARE_VOCABULARY_OTHER
    return not unknown or "out" in clause or all(map(_typo_stop, unknown))


# "... I don't know how you got this number but remove it now": a request after "but"/"so" stands alone
# (not "Wrong number, I'll just delete this": the writer's own doing after "I'll just")
_SOFT_BREAK = re.compile(
    # (the look-behinds are read only where a space starts, not at every letter)
    r"\s+(?:but|so|and\s+then)\s+|(?=\s)(?<!\bi'll)(?<!\bill)(?<!\bwill)(?<!\bwe'll)(?<!\bgonna)(?<!\bi)\s+just\s+"
)
_SENTENCE_END = re.compile(r"[.!?\n\u06d4\u061f\u3002\uff01\uff1f]+")  # and Urdu's, Arabic's and CJK marks
_TYPO_TARGETS = ("unsubscribe", "remove", "stopall")


def _fix_typos(plain: str) -> str:
    """Misspelt stop words written as they were meant ("sotp texting me", "unsubcribe me"), inflections kept."""

    def fix(match: re.Match) -> str:
        word = match.group()
        if word in _BARE_STOP_WORDS or not _typo_stop(word):
            return word
        squeezed = _REPEATS.sub(r"\1", word)
        for target in _TYPO_TARGETS:
            if word.startswith(target) or squeezed.startswith(target):
                return word  # "removed", "unsubscribed": a real word
            if _near(squeezed, target):
                return target
        return "stop"

    if not any(map(_typo_stop, _TOKEN.findall(plain))):
        return plain
    return _TOKEN.sub(fix, plain)


_SHORT_SENTENCE_WORDS = 25


# ", and we'd appreciate it if this number could be taken off your list": a request after a comma and "and"; "...,
# take it off your list please": one after a comma splice
_RUN_ON_BREAK = re.compile(
    r"\s+(?:but|so|and\s+then|just)\s+|,\s+and\s+(?=(?:we|i)(?:'d|\s+would)\s|please\s)"
    # "... and my client goes 'is that your boyfriend' anyway no more of these please, ...": the story left behind
    r"|\s+(?:anyway|anyways|anyhow)\W+|\s+and\s+(?=(?:we|i)(?:'d|\s+would)\s+(?:appreciate|like|ask)\b)"
    r"|,\s+(?=(?:otherwise\s+|or\s+else\s+)?(?:please\s+|pls\s+)?(?:take|remove|delete|stop|quit|lose|unsubscribe|kindly"
    r"|don't|dont|do\s+not)\s)"
)


def _closing_request(plain: str) -> bool:
    """A long message with a sentence that, read alone, revokes: "Please stop texting me." before or after a
    story, or "... so please just take my number off whatever list this is. thanks" closing a run-on. A request
    inside a long sentence (a story that quotes one) is left to a person."""
    for piece in (part.strip() for part in _SENTENCE_END.split(plain) if _TOKEN.search(part)):
        if len(_TOKEN.findall(piece)) > _SHORT_SENTENCE_WORDS:
            piece = _RUN_ON_BREAK.split(piece)[-1]  # a run-on's last "so"/"but"/"just"/", and" part
        if len(_TOKEN.findall(piece)) > _SHORT_SENTENCE_WORDS:
            continue
        if _phrase_hit(piece, part_of=plain) or _edge_stop(piece):
            return True
    return False


# Spellings of the words the phrases need, as people type them: "plz remve my numbr", "Pleeease stop", "stp".
_SHORTHAND = {
    **dict.fromkeys(("numbr", "nmbr", "numba", "numbah", "nbr", "nuber", "numer", "numbet", "numberr"), "number"),
    **dict.fromkeys(("mesages", "messeges", "messags", "msges", "mssgs", "messagez"), "messages"),
    **dict.fromkeys(("textes", "texs", "textss", "txtz"), "texts"),
    "stp": "stop",
    # "unsubscri", "unsubscr": the word cut off when sent
    **dict.fromkeys(("unsubsc", "unsubscr", "unsubscri", "unsubscrib"), "unsubscribe"),
    # "Unscribe me", "unsuscribe": the word as voice-to-text and quick thumbs write it
    **dict.fromkeys(("unscribe", "unsuscribe", "unsuscribe", "unsusbcribe", "unsbscribe", "unsubcribe"), "unsubscribe"),
    **dict.fromkeys(("st0p", "st0pp"), "stop"),  # a zero for the o: "N0 MORE TEXTS", "ST0P"
    "n0": "no",
    "m0re": "more",
    "rem0ve": "remove",
    "stahp": "stop",
    "frm": "from",
    **dict.fromkeys(("tjis", "thsi", "rhis", "yhis", "tgis", "thia"), "this"),  # "pleas rmove tjis numbr"
    "lst": "list",
    **dict.fromkeys(("contct", "cntct", "contac", "conact", "contsct"), "contact"),  # "dnt contct me again"
    # a dropped final g: "quit blowin up my phone", "stop messagin me"
    **{
        word[:-1]: word
        for word in (
            "blowing",
            "hitting",
            "calling",
            "messaging",
            "bugging",
            "sending",
            "spamming",
            "bothering",
            "contacting",
            "ringing",
            "harassing",
            "pestering",
            "emailing",
            "reporting",
            "texting",
            "txting",
            "blocking",
        )
    },
    # the spellings of spoken Englishes: Gullah and Caribbean "numbuh" (number), "fone" (not "dis" and "dat", which are
    # words of their own in Romanian and Dutch and read as written by the Pidgin tables)
    **dict.fromkeys(("numbuh", "nomba", "nomber", "numbuhs"), "number"),
    "fone": "phone",
}
# a stop word split in two: "un subscribe", "on sub scribe", "un-subscribe", "opt-0ut"
_SPLIT_WORDS = (
    (re.compile(r"\b(?:un|on|an)\s*-?\s*sub\s*-?\s*scri(be|bed|bing)\b"), r"unsubscri\1"),
    (re.compile(r"\bopt\s*-?\s*0ut\b"), "opt out"),
    # "don't text me no mo", "ent fuh text dis numbuh no mo": "no mo" is "no more"
    (re.compile(r"\bno\s+mo\b(?!-)"), "no more"),
    (re.compile(r"\b(?:st\s+op|sto\s+p|s\s+top)\b"), "stop"),
    (re.compile(r"\bre\s+move\b(?=\s+(?:me|us|my|our|this|the\s+number))"), "remove"),
    # a comma typed for the "m" beside it: "Please take my nu,ber off", "re,ove me"
    (re.compile(r"\bnu,ber(s?)\b"), r"number\1"),
    (re.compile(r"\bre,ove\b"), "remove"),
    # thumbs in a hurry: "dnt contct me again" (not "mark me dnt", the marketers' do-not-text), "never signed up 4
    # this", "no txts pls delete my #"
    (re.compile(r"\bdnt\s+(?=(?:contact|text|txt|message|msg|call|email|send|want|need|bother|ever)\w*\b)"), "don't "),
    (
        re.compile(
            r"\b(sign(?:ed)?\s+up|subscribed|registered|opted\s+in|ask(?:ed)?)\s+4\s+(?=(?:this|these|that|any"
            r"|anything|ur|your|u|you)\b)"
        ),
        r"\1 for ",
    ),
    # a number sign closing the reply is trimmed with the other end marks: "no txts pls delete my #" ends "delete my"
    (re.compile(r"\b((?:delete|remove|erase|lose|drop)\s+(?:my|our))\s*$"), r"\1 number"),
    # Spanish texting's "d" for "de": "deja d mandarme mensajes"
    (re.compile(r"\b(dej(?:a|e|en|es)|para|paren)\s+d\s+(?=(?:mand|envi|escrib|text|molest|llam)\w*)"), r"\1 de "),
    # words typed without their apostrophe that are also other words, read so where what follows says which: "Id
    # appreciate it", "Ill be filing a complaint", "wed just as soon not get these", "but well pass" (not "my id",
    # "I'm ill today", "they wed in June", "well, pass me the info")
    (
        re.compile(
            r"\b(i|we)(d|ll)\s+(?=(?:appreciate|rather|like|prefer|love|be|just|really|sure|much|have|hate|want|sooner"
            r"|as\s+soon|report|block|sue|file|forward|contact|call|take|never|definitely|need|get|pass)\b)"
        ),
        r"\1'\2 ",
    ),
)
_DRAWN_OUT = re.compile(r"([a-z])\1{2,}")
_DRAWN_OUT_WORDS = frozenset(
    "me us stop off no now please remove unsubscribe texting text texts messages message quit leave alone list "
    "number never again delete spam enough".split()
)
# "remoove me from ur lisst": one or two letters of a word typed twice, spelt as meant
_DOUBLED_BY_SLIP = {
    word[:i] + word[i] + word[i:j] + word[j] + word[j:] if j > i else word[:i] + word[i] + word[i:]: word
    for word in ("remove", "list", "unsubscribe", "texting", "delete", "number", "please")
    for i in range(len(word))
    for j in range(i, len(word))
}
_SHORTHAND.update((slip, word) for slip, word in _DOUBLED_BY_SLIP.items() if slip not in _SHORTHAND)
# A reply typed without its apostrophes ("Yall can stop now, Im not interested", "I didnt ask for these", French "Ne
# menvoyez plus de messages") is read with them, so each phrase is written once, in its apostrophe form. Only words
# that are no other word: not "its", "id", "ill", "were", "well", "wed", "shed", "hell", "lets" or "cant", nor "im"
# (Armenian "my": "jnjeq im hamary"), which the phrases read as written
_APOSTROPHE_LEFT_OUT = {
    **{
        word.replace("'", ""): word
        for word in (
            "don't didn't doesn't isn't aren't wasn't weren't haven't hasn't hadn't shouldn't wouldn't couldn't won't "
            "ain't mustn't needn't i've you're you've you'll you'd they're they've they'll they'd y'all that's "
            "what's there's here's where's who's he's she's"
        ).split()
    },
    # French: "m'" before a verb that opens with a vowel, its accents already taken off ("mécrivez" is "mecrivez")
    **{
        "m" + verb: "m'" + verb
        for verb in (
            "envoyer envoyez envoie envoies envoient envoyes ecrire ecrivez ecris ecrit ecrivent appeler appelez "
            "appelle appelles inscrire inscrivez enlever enlevez effacer effacez harceler harcelez achaler achalez"
        ).split()
    },
    # and Cajun "d'm'" ("Arrête-toi dmenvoyer des textes")
    **{"dm" + verb: "d'm'" + verb for verb in ("envoyer", "ecrire", "appeler", "texter")},
}
_SHORTHAND.update((left_out, word) for left_out, word in _APOSTROPHE_LEFT_OUT.items() if left_out not in _SHORTHAND)
_ELONGATED = ((re.compile(r"p+l+e+a+s+e+|p+l+e+e+s+e*|p+l+e+a+s+"), "please"), (re.compile(r"p+l+z{2,}"), "plz"))


# "our guy who did our ads just quit": someone left a job; read as "left" so no stop word is seen
_SOMEONE_QUIT = re.compile(
    r"\b((?:he|she|they|who|guy|girl|manager|assistant|employee|partner|receptionist|rep|secretary|bookkeeper)\b"
    r"[^.!?,;]{0,40}?\s(?:just\s+|finally\s+|recently\s+|already\s+)?)quit\b"
    r"(?=(?:\s+(?:on\s+(?:me|us)|last\s+\w+|yesterday|today|this\s+week))?\s*(?:$|[.!?,;]|(?:so|and|but)\b))"
)
# Leaving another provider is no request to us: "I'd love to unsubscribe from my current processor", "cancel with
# our old company"
_LEAVING_ANOTHER = re.compile(
    r"\b(?:unsubscribe|unsub|opt\s+out|cancel|quit)\s+(?:from|with|on)\s+(?:my|our|the|that)\s+"
    r"(?:current|old|existing|other|last|present)\b"
)
# "Стоп, а скільки це коштує?" (stop, and how much is it?): a pause before a question, in Ukrainian and Russian
_STOP_THEN_ASKING = re.compile(
    r"^\W*(?:стоп|стій|стой|подожди|почекай)\W+(?=а\s+(?:скільки|сколько|що|что|як|как|хто|кто|де|где|коли|когда|чому|почему)\b)"
)
# "Stop a sec, send me the rates", "hold on a sec, stop. send me the rates": a pause before asking for something,
# not a request to stop the texts (read without it; a revocation elsewhere in the reply still decides)
_STOP_A_MOMENT = re.compile(
    r"^\W*(?:(?:hold\s+on|hang\s+on|wait)\s+(?:a\s+)?(?:sec|second|min|minute|moment)\W+stop"
    r"|stop\s+(?:for\s+)?(?:a\s+)?(?:sec|second|min|minute|moment))\b"
    r"(?=\W+(?:(?:and|just|pls|plz|please|ok|okay)\s+)*(?:send|text|tell|give)\s+(?:me|us)\b)"
)
# "STOP SENDING ME THE PDF ITS TOO BIG FOR MY PHONE. EMAIL IT: ...": a file the writer wants by e-mail instead, not
# the texts ended ("stop sending me texts, email me instead" still revokes: texts are not a file)
_FILE_BY_EMAIL = re.compile(
    r"\b(?:stop|quit)\s+(?:sending|texting)\s+(?:me\s+|us\s+)?(?:the\s+|that\s+|this\s+|those\s+|these\s+|your\s+|ur\s+)?"
    r"(?:pdfs?|files?|attachments?|pics?|pictures?|photos?|images?|videos?|docs?|documents?|brochures?|flyers?"
    r"|catalogs?|spreadsheets?)\b"
    r"(?=.*\b(?:e-?mail\s+(?:it|them|that|those|me|instead)|by\s+e-?mail|to\s+my\s+e-?mail|x@x\.com))"
)
# "Stop... wait, is this the Apex that funded my cousin?": the word taken back at once; a person decides
_STOP_TAKEN_BACK = re.compile(
    # "stop... actually nvm, sorry, fat fingered", "STOP. jk lol. what do you guys actually do" (the
    # hundred-and-eighty-sixth)
    r"^\W*stop\W+(?:(?:actually|oops|oh|sorry|wait)\W+)?(?:wait|hold\s+on|nvm|never\s*mind|hammer\s*time"
    r"|collaborate\s+and\s+listen|jk|j/k|just\s+kidding|kidding|fat\s*-?\s*finger\w*|wrong\s+(?:button|chat|thread)"
    r"|disregard|ignore\s+that)\b"
)
# "Stop it Carol 😂😂 I'm dying", "Stop! You read my mind lol": a stop word said laughing, with nothing about the
# texts; a person decides
# More of the texts asked for, plainly: a stop sign laughed at beside these is a joke, or a mixed message for a person
_KEEP_ME_POSTED = re.compile(
    r"\b(?:keep\s+me\s+(?:posted|updated|in\s+the\s+loop)|tell\s+me\s+more|send\s+(?:me\s+)?(?:the\s+)?info|i'?m\s+interested"
    r"|sign\s+me\s+up)\b"
)
_LAUGHING = re.compile(
    # (😭, loudly crying, is how younger writers laugh: "stop 😭 this is actually so timely")
    r"[\U0001f602\U0001f923\U0001f606\U0001f605\U0001f639\U0001f62d]|\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe\w*"
    r"|i'?m\s+(?:dying|dead|crying))\b"
)
_APPOINTMENT = re.compile(
    r"\b(?:\d{1,2}(?::\d\d)?\s*(?:am|pm)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight"
    r"|appointment|appt|meeting|reservation|booking|order|call|visit|demo)\b"
)
_ABOUT_THE_TEXTS = re.compile(
    rf"\b(?:{_OUTGOING}|{_MESSAGES}|number|list|contact|spam|unsubscribe|unsub|remove|line|phone|nope|nah|not)\b"
    # a "no" of its own, not "no credit check": "stop stop you had me at no credit check 😂 tell me more"
    r"|\bno\b(?!\s+(?:credit|fees?|cost|money|interest|collateral|paperwork|hidden|upfront|strings)\b)"
)
# ...and something glad beside it: "yes", "send me", "you read my mind", "I'm dying"
_GLAD = re.compile(
    r"\b(?:yes|yess+|yeah|send\s+me|read\s+my\s+mind|i'?m\s+(?:dying|dead|crying)|love\s+(?:it|this)|tell\s+me\s+more"
    r"|(?:you|u)\s+had\s+me\s+at|sign\s+me\s+up"
    # "Stop the madness, this rate is amazing lol"
    r"|amazing|awesome|sounds\s+(?:good|great)|i'?m\s+(?:so\s+)?interested|i'?m\s+in"
    r"|(?:so|actually\s+so|really)\s+timely|perfect\s+timing"
    # "stop it 😂😂 you're so funny girl": teasing
    r"|(?:you're|youre|ur|you\s+are|u\s+r)\s+(?:so\s+|too\s+)?(?:funny|hilarious|silly|crazy))\b"
)
# ... so eager that it needs no laughter: "Stop right there, you had me at 'more customers'. Tell me more"
_EAGER = re.compile(
    r"\b(?:tell\s+me\s+more|(?:you|u)\s+had\s+me\s+at|sign\s+me\s+up|read\s+my\s+mind|where\s+do\s+i\s+sign)\b"
)
# Someone else's words quoted: "my boss literally just yelled 'stop texting and get back to work'", "my wife goes
# "stop texting at the table""; with laughter beside them a person decides
_QUOTED_FROM_ANOTHER = re.compile(
    r"\b(?:boss|wife|husband|mom|mother|mama|dad|father|papa|kid|kids|son|daughter|teacher|manager|coach|girlfriend"
    r"|boyfriend|gf|bf|friend|buddy|he|she|they|someone|somebody|guy|lady|sister|brother|grandma|grandpa|roommate"
    r"|coworker|partner|wifey|hubby|supervisor|foreman|customer)\s+(?:\w+\s+){0,3}?(?:said|says|yelled|yells|screamed"
    r"|screams|shouted|shouts|hollered|told\s+me|tells\s+me|goes|went|was\s+like|is\s+like|texted\s+me)\s*[:,]?\s*"
    "['\"\u201c\u201d]"
)
# "Stop the car right now!! Sorry that was voice text, my kid grabbed the phone", "wrong chat": the writer says
# the message was not meant for us; a person decides
_MISSENT = re.compile(
    r"\b(?:sorry|oops|whoops|my\s+bad|ignore\s+that)\W+(?:that|this)\s+(?:was|wasn't|was\s+not|is)\s+"
    r"(?:(?:a\s+)?voice\s+(?:text|to\s+text)|meant\s+for|not\s+for\s+you|for\s+my|my\s+(?:kid|son|daughter|wife|husband))"
    r"|\bwrong\s+(?:chat|thread|convo|conversation|group)\b"
    r"|\b(?:kid|son|daughter|toddler)\s+(?:grabbed|had|got)\s+(?:the|my)\s+phone\b"
    # "my boss said 'make them stop' but he meant the roofers across the street"
    r"|\bbut\s+(?:he|she|they|i)\s+meant\s+(?:the|his|her|my|our|their)\b"
)
# "Take me off the prayer chain please", "whoever keeps adding me to the fantasy football group chat, take me off",
# "remove me from the men's breakfast text list": a list that is not ours; a person decides
_OTHER_LIST = re.compile(
    r"\b(?:prayer\s+(?:chain|list|group|line|team)|group\s+(?:chat|text|thread|me)|fantasy\s+(?:football\s+|baseball\s+)?"
    r"(?:league|chat|group)|league\s+chat|bible\s+study|choir|carpool|pta|hoa\s+(?:list|emails?|texts?)"
    r"|(?:men's|mens|women's|womens|youth|church|supper|breakfast|potluck|team|family)\s+(?:\w+\s+)?(?:text\s+)?"
    r"(?:list|chat|group\s+text|emails?))\b"
)
# "Can I unsubscribe from that one and still get the texts?": the writer wants our texts; a person decides
_WANTS_TEXTS = re.compile(
    r"\b(?:still|but\s+keep)\s+(?:get(?:ting)?|receiv(?:e|ing)|want(?:ing)?)\s+(?:the\s+|these\s+|your\s+|ur\s+)?"
    r"(?:texts|text\s+messages|sms)\b|\bi\s+(?:still\s+)?want\s+(?:the|these|your|ur)\s+texts\b"
    # "remove me from the waitlist? no wait keep me on"
    r"|\bkeep\s+(?:me|us)\s+on\b"
)
# ...unless it speaks of ours: "your list", "you people", "this marketing"; or of the thread our text came in, "the
# group chat" with nobody's name or purpose on it ("remove me from the group chat lol": the writer took our text for
# a group text; "the group chat Tigist made", "the fantasy football group chat" stay someone else's)
_THIS_THREAD = (
    r"\b(?:remove|delete|take|drop|kick|get|erase)\s+(?:me|us|my\s+(?:number|#|cell))\s+(?:from|off(?:\s+of)?|out\s+of)\s+"
    r"(?:the|this)\s+group\s*(?:chat|text|thread)\b(?!\s+(?:[\w'-]+\s+){0,2}?(?:made|started|created|for|with|about|of)\b)"
    r"(?!\s+[A-Z])"
)
_OUR_LIST = re.compile(
    r"\b(?:your|ur|yall'?s|y'all's)\s+(?:\w+\s+)?(?:list|texts?|texting|messages?|database|company)\b|\byou\s+people\b"
    rf"|{_THIS_THREAD}"
)
_ABOUT_THIS_THREAD = re.compile(_THIS_THREAD)
# ...unless the words still speak of our texts: "wrong chat lol, but seriously stop texting me"
_ABOUT_OUR_TEXTS = re.compile(
    rf"\b(?:{_OUTGOING})\s+(?:me|us|this\s+number)\b|\b(?:remove|take)\s+(?:me|us|my\s+number)\b"
    # "Is this even legal? I never gave consent. Consider consent revoked for any and all messages": consent ended
    r"|\bconsent\s+(?:is\s+|hereby\s+)?(?:revoked|withdrawn|rescinded)\b"
)
# "Is this even legal? genuinely asking, I'm on the do not call list": a question about the texts; a person decides,
# unless the words still ask for them to end ("is this even legal? stop texting me")
_ASKS_IF_ALLOWED = re.compile(
    r"\b(?:is|isn't)\s+(?:this|it|that|texting\s+(?:me|us))\s+(?:even\s+|really\s+)?(?:legal|allowed)\b"
    r"|\bare\s+(?:you|y'all|u)\s+(?:even\s+)?allowed\s+to\b"
    # "the DNC registry thing, does that even apply to business lines? genuinely asking", "does the do not call list
    # cover cells?": whether the do-not-call rules reach the writer's line
    r"|\b(?:dnc|do\s+not\s+call)(?:\s+(?:list|registry|rules?|law|thing|stuff))*\b[^.!?]{0,20}?\b(?:does|do|would|will|is)\s+"
    r"(?:that|it|this|they)\s+(?:even\s+|really\s+|actually\s+|still\s+)?(?:apply|applies|count|cover)\b"
    r"|\b(?:does|do|would|will)\s+(?:the\s+)?(?:dnc|do\s+not\s+call)(?:\s+(?:list|registry|rules?|law))*\s+(?:even\s+|really\s+"
    r"|actually\s+|still\s+)?(?:apply|count|cover)\b"
)
# "how does the unsubscribe work, does it stop everything from your company or just these texts?": a question how
# opting out works (and what it would cover), read as no request; what else the reply says is still read
_ASKS_HOW_OPTING_OUT_WORKS = re.compile(
    r"\bhow\s+(?:exactly\s+)?(?:does|do|would|will)\s+(?:the\s+|your\s+|ur\s+|this\s+|that\s+|y'all's\s+)?"
    r"(?:unsubscribe|unsub|unsubscribing|opt[\s-]?out|opting\s+out|stop|dnc|do\s+not\s+call)"
    r"(?:\s+(?:thing|process|option|feature|part|function|button|link|keyword|word|list|registry))?\s+(?:even\s+|actually\s+)?"
    r"(?:work|works|apply)\b(?=\s*(?:[?,;]|$|(?:exactly|though|tho|again|does|do|will|would|is|can)\b))"
    # "How does the opt out work, does it take me off email too or just texts?": and how far it reaches
    r"(?:\s*[?,;]?\s*(?:does|do|will|would|is|can)\s+(?:it|that|this)\s+[^.!?]*\b(?:too|also|as\s+well|everything|all)\s+"
    r"or\s+(?:just|only)\b[^.!?]*)?"
    # "does the opt out actually work or will I just start getting texts from your sister company": whether it works
    r"|\b(?:does|do|will|would)\s+(?:the\s+|your\s+|ur\s+|this\s+|that\s+|replying\s+)?(?:unsubscribe|unsub|opt[\s-]?out"
    r"|opting\s+out|stop)(?:\s+(?:thing|process|option|feature|button|link|keyword|word))?\s+(?:even\s+|actually\s+"
    r"|really\s+|ever\s+)?(?:work|works|do\s+anything)\b(?=\s*(?:[?,;]|$|or\b|(?:though|tho|lol|tbh)\b"
    # "Does the opt-out thing work per company or per phone number?": how far it reaches
    r"|(?:per|across|for\s+(?:all|every|each|both))\b[^.!?]*(?:\?|$)))"
    # "If I reply with the opt out word does that take me off email too or just texts?": what the word would do
    r"|\bif\s+(?:i|we)\s+(?:reply|text|respond|answer|send)\s+(?:with\s+)?(?:the|your|that|ur)\s+(?:opt[\s-]?out|stop"
    r"|unsubscribe|unsub)\s+(?:word|keyword|thing|option|code)\b[^.!?]*(?:\?|$)"
    # the question that goes on in the same sentence: "..., does it stop everything from your company or just these?"
    r"(?:\s*[?,;]?\s*(?:and\s+|like\s+|so\s+)?(?:does|do|will|would|is|can)\s+(?:it|that|this)\s+"
    # ... unless it asks for the writer ("does it take me off? please do"), which a question of scope does not ("does it
    # take me off email too or just texts?")
    r"(?:(?![^.!?]*\b(?:me|us)\b)|(?=[^.!?]*\b(?:too|also|as\s+well)\s+or\s+(?:just|only)\b))[^.!?]*)?"
    # "If I opt out does that block the whole company number or just my phone?": what opting out would reach
    r"|\bif\s+(?:i|we)\s+(?:opt[\s-]?out|unsubscribe|unsub)\s+(?:does|do|will|would|is|can)\s+(?:it|that|this)\s+"
    r"(?:also\s+|still\s+)?(?:block|cover|affect|apply|include|reach|work)\b[^.!?]*(?:\?|$)"
    # "unsubscribe kar do mujhe un Yelp waali emails se": the same in Hindi in Latin letters
    r"|\bunsubscribe\s+kar\s+do\b[^.!?]{0,30}?\b(?:waali|wali|wale|waale)\s+(?:e-?mails?|mails?)\s+se\b"
    # "unsubscribe de los correos de Home Depot como se hace??": the same in Spanish
    r"|\b(?:unsubscribe|unsub|desuscribir\w*|darme\s+de\s+baja)\s+de\s+(?:los|las)\s+(?:correos|e-?mails|mails|promociones)"
    r"\s+de\s+(?!(?:ustedes|usdatabiz|esta|este)\b)"
    # "do you know how to unsubscribe from Groupon emails?": another sender's mail, asked about
    r"|\bhow\s+(?:do\s+(?:i|you|we)\s+|to\s+|can\s+(?:i|we)\s+)(?:unsubscribe|unsub|opt\s+out)\s+(?:from|of)\s+"
    r"(?!(?:this|these|those|you|your|ur|y'all|yall|usdatabiz|sam)\b)[\w&'-]+(?:\s+[\w&'-]+)?\s+(?:e-?mails?|newsletters?"
    r"|mailings?|catalogs?|promos?|ads)\b"
)
# "How do you handle DNC scrubbing? I can't have my brokerage on the hook for a TCPA violation.": the do-not-call rules
# named as the writer's own risk as a buyer (a list scrubbed against the registry, a violation they would be liable
# for), not invoked against us; read as no request, and the rest of the reply is still read
_LAW_AS_OWN_CONCERN = re.compile(
    r"\b(?:dnc|do\s+not\s+call|tcpa)(?:\s+(?:list|registry))?\s+(?:scrub\w*|screen\w*|filter\w*|wash\w*|complian\w*)\b"
    r"|\b(?:scrub|scrubbed|scrubbing|check|checked|checking|screen|screened|screening)\s+(?:your|the|their|our|those|these"
    r"|its)\s+(?:lists?|data|leads|numbers|contacts|database)\s+(?:against|for|with)\s+(?:the\s+)?(?:national\s+)?"
    r"(?:dnc|do\s+not\s+call)\b"
    r"|\b(?:i|we|i'm|im|we're|me|us|my|our)\b[^.!?]{0,40}?\b(?:on\s+the\s+hook|liable|exposed|at\s+risk)\s+for\s+"
    r"(?:a\s+|any\s+|the\s+)?(?:tcpa|dnc|fcc)\s+(?:violations?"
    r"|fines?|suits?|lawsuits?|claims?|issues?|problems?)\b"
    # "would we be the sender of record for TCPA purposes, or you?": who is the sender under the law, asked by a buyer
    r"|\bfor\s+(?:tcpa|dnc|fcc|ctia|10dlc)\s+purposes\b"
)
# "Sí me interesa pero después de las 6 no me escriban porque estoy con mi familia", "after 6pm don't text me": texts
# refused at some hours or days only, a time to keep, not a revocation (as "don't text me before 9" already is); the
# rest of the reply is still read ("dont text me before 9am. actually dont text me at all")
_AT_SOME_HOURS = re.compile(
    r"\b(?:despues|antes)\s+de\s+las\s+\d{1,2}(?::\d\d)?\s*(?:pm|am|de\s+la\s+(?:tarde|noche|manana))?\s*,?\s*"
    r"(?:por\s+favor\s+|porfa\s+|favor\s+de\s+)?no\s+(?:me\s+|nos\s+)?(?:escrib|mand|envi|texte)\w*"
    r"|\bno\s+(?:me\s+|nos\s+)?(?:escrib|mand|envi|texte)\w*(?:\s+(?:mensajes|textos))?\s+(?:(?:despues|antes)\s+de\s+las"
    r"\s+\d|en\s+la\s+noche\b|de\s+noche\b|los\s+(?:fines\s+de\s+semana|domingos|sabados)\b)"
    r"|\b(?:after|before|past)\s+\d{1,2}(?::\d\d)?\s*(?:pm|am|p|a|o'?clock)?\s*,?\s*(?:please\s+|pls\s+)?"
    r"(?:don't|dont|do\s+not)\s+(?:text|txt|message|msg)\b(?:\s+(?:me|us))?(?!\s+(?:again|anymore|ever|at\s+all)\b)"
)
# "Last quick chat cost me $3,000 and a lawsuit": the law in the writer's past, not a threat
_LAW_IN_THE_PAST = re.compile(
    r"\b(?:cost|costs|got|gave|landed|left)\s+(?:me|us)\b[^.!?]{0,30}?\b(?:a\s+|in\s+a\s+)?(?:lawsuit|legal\s+action)\b"
)
# "And don't text my wife about any of this, she thinks I'm retiring": a relative not to be told, not this number
# ("please stop texting my dad", for the relative whose phone this is, still revokes: no "about")
_NOT_TO_TELL_A_RELATIVE = re.compile(
    r"\b(?:don't|dont|do\s+not)\s+(?:text|txt|message|tell|call|mention\s+(?:it|this)\s+to)\s+my\s+(?:wife|husband|mom"
    r"|mother|dad|father|son|daughter|boss|partner|brother|sister|kids|family|girlfriend|boyfriend)\s+about\b"
)
# "He signs up for everything and then I'm the one who has to unsubscribe us": a chore told, not asked of us
_THE_ONE_WHO_HAS_TO = re.compile(
    r"\bthe\s+one\s+who\s+(?:has|have|had|gets?|ends\s+up)\s+(?:to\s+)?(?:unsubscrib\w*|cancel\w*|remov\w*|delet\w*"
    r"|opt\w*\s+out)\b"
)
# "Ok stop stop I hear you lol. How much for a month?": the writer already convinced, not asking for no texts
_STOP_I_HEAR_YOU = re.compile(
    r"\bstop(?:\W+stop)*\W+(?=(?:i\s+(?:hear|get)\s+(?:you|ya|u)|you\s+had\s+me|say\s+no\s+more|i'?m\s+sold"
    r"|you'?ve\s+convinced\s+me)\b(?!\s+(?:every|all\s+day|again|twice|already)\b))"
)
# "My phone flagged this as spam risk lol. who is this": the phone's or the carrier's label, not the writer's report
_A_PHONE_FLAGGED = re.compile(
    r"\b(?:phone|iphone|android|carrier|cell|verizon|t-?mobile|at&t|att|google|caller\s+id)\s+(?:already\s+|just\s+)?"
    r"(?:flagged|marked|labell?ed|tagged|listed|shows?|showed|says|said|calls?|called)\s+(?:this|it|you|u|ur|your\s+"
    r"(?:number|text|msg|message))\s+(?:as\s+)?(?:a\s+)?(?:potential\s+|possible\s+|likely\s+|suspected\s+)?"
    r"(?:spam|scam|junk)(?:\s+(?:risk|likely|alert|warning))?\b"
)
# "I unsubscribe from pretty much everything lol but fine, send it to ...": the writer's habit, then a yes
_UNSUBSCRIBES_FROM_EVERYTHING = re.compile(
    r"\bi\s+(?:usually\s+|always\s+|normally\s+|tend\s+to\s+|just\s+)?unsubscribe\s+(?:from|to)\s+(?:pretty\s+much\s+"
    r"|almost\s+|nearly\s+|just\s+about\s+)?(?:everything|all\s+(?:of\s+)?(?:it|this\s+stuff|these\s+things))\b(?=[^.!?]*\bbut\b)"
    # "I unsubscribe from a lot of stuff so put USDataBiz in the subject": the habit, and how to be read anyway
    r"|\bi\s+(?:usually\s+|always\s+|normally\s+|tend\s+to\s+)?unsubscribe\s+from\s+(?:a\s+lot\s+of|lots\s+of|tons\s+of"
    r"|most|so\s+much)\s+(?:stuff|things|emails|lists|junk)\b(?=[^.!?]*\b(?:but|so\s+(?:put|use|add|mark|make|include"
    r"|write|send))\b)"
)
# "if you can stop my phone ringing with tire kickers and get me real jobs I'm in": other callers to be stopped
_STOP_OTHER_CALLERS = re.compile(
    r"\bstop\s+(?:my|the|our)\s+(?:phones?|lines?)\s+(?:from\s+)?ringing\s+(?:off\s+the\s+hook\s+)?with\b"
)
# "No me llames, solo textos": calls refused, texts asked for, in the languages whose "don't call" revokes on its own
# (Spanish, Polish "nie dzwońcie, piszcie SMS", Albanian "mos më telefononi, më shkruani", Arabic "لا تتصل، ابعت رسالة",
# Hindi in Latin letters "call mat karo, msg karo", Vietnamese "đừng gọi, nhắn tin", Patois "nuh call mi, text mi",
# Tongan "'oua 'e ui mai, text mai", Cape Verdean "ka bu liga-m, manda-m mensajen", Swedish "ring inte, skicka sms")
_CALLS_REFUSED_TEXTS_ASKED = re.compile(
    # Croatian "Nemojte zvati, ... Pošaljite cijenu porukom" (don't call, send the price by message)
    r"\bnemoj(?:te)?\s+(?:me\s+)?zva\w*(?=.*\b(?:posalji|pisi|napisi)\w*\s+(?:\w+\s+)?(?:porukom|poruku|sms\w*)\b)|"
    r"\bno\s+(?:me\s+)?llam\w*\W+(?:(?:solo|mejor|nomas|nada\s+mas)\s+(?:por\s+)?|(?:(?:solo|mejor)\s+)?(?:mandame"
    r"|enviame|escribeme|escribame)\s+(?:un\s+)?)(?:textos?|mensajes?(?:\s+de\s+texto)?|whatsapp|sms)\b"
    r"|\b(?:solo|mejor)\s+(?:por\s+)?(?:textos?|mensajes?(?:\s+de\s+texto)?)\W+no\s+(?:me\s+)?llam\w*"
    r"|\bnie\s+dzwon\w*\W+(?:tylko\s+|lepiej\s+)?(?:pisz\w*|sms\w*|wysyl\w*\s+sms)"
    r"|\bmos\s+(?:me\s+)?telefon\w*\W+(?:vetem\s+)?(?:me\s+)?(?:shkru\w*|dergo\w*\s+mesazh)"
    r"|لا\s+تتصل\S*\W+(?:بس\s+|فقط\s+)?(?:ابعت|ارسل|أرسل|ابعث|راسل)\S*(?:\s+\S+)?\s+(?:رسال|مسج|واتس)\S*"
    r"|\bcall\s+(?:mat|na)\s+(?:karo|kijiye|karna|karein|karen)\W+(?:sirf\s+|bas\s+)?(?:msg|message|text|sms|whatsapp)\s+"
    r"(?:karo|kijiye|karna|karein|karen|bhejo|bhejiye)\b"
    r"|\b(?:dung|\u0111ung)\s+goi\w*\W+(?:(?:chi|cu)\s+)?nhan\s+tin\b"
    r"|\bnuh\s+call\s+(?:mi|me)\W+(?:jus\s+|just\s+)?text\s+(?:mi|me)\b"
    r"|\boua\s+(?:'?e\s+)?ui\s+mai\W+(?:text|tekisi)\s+mai\b"
    r"|\bka\s+bu\s+liga\S*\W+(?:manda|skrebe)\S*\s+(?:mensaj\w*|sms|text\w*)"
    r"|\bring\s+inte\W+(?:bara\s+)?(?:skicka|sms|texta|skriv)\w*"
)
# "No dejen de mandarme las ofertas" (don't stop sending me the offers): a stop-sending verb negated, in Spanish,
# Portuguese "não parem de mandar", French "n'arrêtez pas de m'envoyer", Haitian Creole "pa sispann voye", Italian
# "non smettete di mandarmi", Indonesian "jangan berhenti kirim", German "hört nicht auf zu schicken" (only the
# negative imperatives: "No, deja de mandarme", with its comma, still revokes)
_DONT_STOP_SENDING = re.compile(
    r"(?:\bno\s+(?:dejen|deje|dejes|paren|pare|pares)\s+de|\bnao\s+(?:parem|pare|deixem|deixe)\s+de"
    r"|\bn'?\s*arret\w*\s+pas\s+(?:de|d')|\bne\s+(?:cessez|arretez)\s+pas\s+(?:de|d')|\bpa\s+sispann"
    r"|\bnon\s+smett\w*\s+di|\bjangan\s+berhenti)\s*(?:me\s+|m'\s*|mi\s+|nos\s+)?(?:mand|envi|envoy|ecri|escrib|escrev"
    r"|voye|ekri|scriv|invi|kirim|text)\w*"
)
# "We're stopping all advertising until the lawsuit gets settled": the writer's own business, its own ads and lawsuit
_OWN_ADS_STOPPED = re.compile(
    r"\b(?:we're|we\s+are|i'm|im|i\s+am|we've|we\s+have|we|i)\s+(?:stopping|stopped|pausing|paused|cutting|cut)\s+"
    r"(?:all\s+(?:of\s+)?(?:our\s+|my\s+)?|our\s+|my\s+)(?:advertising|marketing|ads|ad\s+spend|spending|promotions?)\b"
    # "We stop all the marketing last year": the present said for the past, a time in the past beside it
    r"|\b(?:we|i)\s+(?:stop|quit|cut)\s+(?:all\s+(?:of\s+)?(?:the\s+|our\s+|my\s+)?|the\s+|our\s+|my\s+)(?:advertising"
    r"|marketing|ads|promotions?)\b(?=[^.!?]{0,30}\b(?:last\s+(?:year|month|week|summer|spring|fall|winter)|years?\s+ago"
    r"|months?\s+ago|since\s+(?:covid|20\d\d))\b)"
    r"|\b(?:until|till|til|while|since|because\s+of|during)\s+(?:the|our|my|this)\s+lawsuit\b(?:\s+(?:gets\s+|is\s+)?"
    r"(?:settled|settles|over|done|resolved|finished))?"
)
# "he reported the last company like yours to the BBB": another company reported, in the past
_REPORTED_ANOTHER = re.compile(
    r"\b(?:report|reported|reporting)\s+(?:the\s+last|another|a|that|some|one|the\s+other|the\s+previous)\s+(?:company"
    r"|outfit|vendor|firm|guy|one|marketer|agency|business)\b(?:\s+like\s+(?:you|yours|y'all))?"
)
# "Can you help us stop getting fake 1 star reviews": a service asked for, something else to be stopped
_HELP_US_STOP_SOMETHING = re.compile(
    r"\b(?:help|helps|helping)\s+(?:me|us|you)\s+(?:to\s+)?(?:stop|quit)\s+(?:getting|receiving|losing|wasting|paying)\b"
    r"(?!\s+(?:your|these|this|those|the\s+texts|texts|messages|msgs)\b)"
    # "Do you do anything to stop spam calls on our business line?": a service asked about, others' calls to stop
    r"|\b(?:anything|something|a\s+way|any\s+way|a\s+service|a\s+tool|an?\s+app)\s+(?:that\s+)?(?:can\s+)?(?:to\s+)?"
    r"(?:help\s+)?(?:to\s+)?stop\s+(?:the\s+|all\s+the\s+)?(?:spam|robo|junk|scam|fake|telemarketing|telemarketer)\w*\s*"
    r"(?:calls|callers|texts|emails|reviews|bots)\b(?!\s+like\s+(?:this|these|yours|you)\b)"
)
# "Don't call before 9 or I'll block you lol": calls at some hours, and a threat if they come then; Vietnamese
# "Đừng gọi giờ này ... 8 giờ tối gọi lại nhé" (don't call at this hour, call back at 8 tonight)
_AT_SOME_HOURS_OR_BLOCKED = re.compile(
    r"\b(?:dung|\u0111ung)\s+goi\s+(?:vao\s+)?(?:gio\s+nay|luc\s+nay|bay\s+gio|buoi\s+sang|buoi\s+trua)\b|"
    r"\b(?:don't|dont|do\s+not)\s+(?:call|text)\s+(?:me\s+)?(?:before|after|until|till|til)\s+\d{1,2}(?::\d\d)?\s*(?:am|pm)?"
    r"\s+or\s+(?:i'll|i\s+will|ill|imma|i'm\s+gonna)\s+block\s+(?:you|u|this|your\s+number)\b"
)
# "How do I unsubscribe from the Square marketing emails, is that you guys?": another sender's e-mails (not "unsub from
# the newsletter and the texts": "the" names no sender); "the patient portal emails": a sender of two words
_ANOTHER_SENDERS_EMAILS = re.compile(
    r"\b(?:unsubscribe|unsub|opt\s+out|get\s+off)\s+(?:from\s+|of\s+)?(?:the\s+)?(?!(?:your|these|this|those|usdatabiz|the|ur|our|from|of)\b)"
    r"[a-z][\w&'-]*(?:\s+(?!(?:the|your|these|this|those|our|ur)\b)[a-z][\w&'-]*)?\s+(?:marketing\s+|promo\s+|promotional\s+)?"
    r"(?:e-?mails?|newsletters?|mailing\s+list|notifications)\b"
)
# "no more marketing spend this year, owner cut all of it": a budget, not the texts; "Our last agency got a cease and
# desist for using a competitor's photos": another firm's legal past
_NO_MORE_SPEND = re.compile(
    r"\bno\s+more\s+(?:marketing|advertising|ad)\s+(?:spend|spending|budget|dollars|money)\b"
    r"|\b(?:our|my|the|a|their)\s+(?:last|previous|old|other)\s+(?:agency|vendor|company|marketer|guy|firm)\s+(?:got"
    r"|received|was\s+(?:sent|served|hit\s+with))\s+(?:a\s+)?(?:cease\s+and\s+desist|lawsuit|fine)\b"
)
# A revocation's words said of something else, set aside so the rest of the reply is read (each alternative below is
# commented with its example): "Did the pallets get dropped off yet?", "we got dropped off
# the list of approved vendors", "cross us off the list of businesses that need help", "Take me off hold next time I
# call", "Leave me alone for like 2 weeks ... Then hit me up", "Can I unsubscribe from the service if I don't like it?",
# "my brother would say block you but I'm curious", "Please don't text this number with anything urgent, call the
# office", a driving notice's "Do not text while driving", a language refused ("no quiero que me escriban en inglés")
_ABOUT_SOMETHING_ELSE = re.compile(
    r"\b(?:did|has|have|had|will|was|were|when|if)\s+(?:the|my|our|your|his|her|their|those|these|that|this)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:get|gets|got|been|be)\s+dropped\s+off\b(?!\s+(?:of\s+)?(?:your|ur|the\s+list|this\s+list"
    r"|that\s+list|the\s+texts?)\b)"
    r"|\boff\s+(?:of\s+)?(?:the|their|a|that)\s+list\s+of\s+(?:approved|preferred|certified|licensed|qualified|eligible"
    r"|vendors|suppliers|contractors|bidders|finalists|candidates|nominees|winners|sponsors|businesses\s+that"
    r"|companies\s+that|shops\s+that|people\s+who\s+(?:need|want))\b"
    r"|\btake\s+(?:me|us)\s+off\s+hold\b"
    r"|\bleave\s+(?:me|us)\s+alone\s+(?:for\s+(?:like\s+|about\s+|a\s+)?(?:\d+|a|an|one|two|three|few|couple|several)\s+"
    r"(?:(?:of|more)\s+)?(?:days?|weeks?|months?|wks?|mos?|hours?)|until|till|til)\b(?=[^?]*\b(?:then|after\s+that)\s+"
    r"(?:hit\s+me|reach\s+out|text|call|try|circle\s+back|get\s+back|send)\b)"
    r"|\bcan\s+(?:i|we)\s+(?:unsubscribe|cancel|opt\s+out|quit|stop)\s+(?:from\s+)?(?:the|your)\s+(?:service|program|plan"
    r"|subscription|membership|contract)\s+(?:if|whenever|anytime|any\s+time|at\s+any\s+time|later)\b"
    r"|\b(?:would|will|'d|'ll)\s+say\s+(?:to\s+)?(?:block|ignore|delete|report)\s+(?:you|u|this|y'all|yall)\s+but\b"
    r"|\b(?:don't|dont|do\s+not)\s+(?:text|message|contact)\s+(?:this\s+number|me|this\s+line)\s+(?:with|for|about)\s+"
    r"(?:anything\s+)?(?:urgent|emergencies|emergency|time[\s-]sensitive)\b"
    r"|\b(?:do\s+not|don't|dont)\s+text\s+(?:and|while|&)\s+driv(?:e|ing)\b"
    # "unsub from the gym and sub to this?? lol": another service left for ours
    r"|\bunsub(?:scribe)?\s+(?:from\s+)?(?:the|my|our)\s+[\w'-]+(?:\s+[\w'-]+)?\s+(?:and|&|n)\s+sub(?:scribe)?\s+to\s+"
    r"(?:this|yours|you|y'all|yall)\b"
    # "stop i'm blushing 🙈 ok but what is this exactly": flattered, not a request
    r"|^\W*stop\W+(?:i'?m|im|you'?re|youre|ur|you\s+are)\s+(?:blushing|making\s+me\s+blush|too\s+kind|so\s+sweet"
    r"|flattering\s+me)\b"
    # "Please remove me from the 3pm slot tomorrow": an appointment, not the list
    r"|\bremove\s+(?:me|us)\s+from\s+(?:the|my|our|that|this|tomorrow'?s|today'?s)\s+(?:\d{1,2}(?::\d\d)?\s*(?:am|pm)?\s+)?"
    r"(?:slot|appointment|appt|schedule|calendar|booking|reservation|class|shift|roster|meeting)\b"
    # "do not text SSNs": what not to send the office, a machine's notice
    r"|\b(?:do\s+not|don't|dont)\s+(?:text|send|email)\s+(?:your\s+|any\s+|us\s+)?(?:ssns?|social\s+security|passwords?"
    r"|card\s+numbers?|credit\s+cards?|account\s+numbers?)\b"
    # "I don't want to accidentally unsubscribe from my Chase alerts": another sender's texts kept; "last company I told
    # STOP just kept going": another company's past
    r"|\b(?:don't|dont|do\s+not)\s+want\s+to\s+(?:accidentally\s+|accidently\s+)?(?:unsubscribe|opt\s+out|stop)\s+(?:from\s+)?"
    r"(?:my|the)\s+[\w'&-]+(?:\s+[\w'&-]+)?\s+(?:alerts|notifications|reminders)\b"
    r"|\b(?:last|other|another|previous)\s+(?:company|one|guy|place|sender)\s+(?:i|we)\s+(?:told|asked|texted)\s+(?:to\s+)?stop\b"
    # "I told the last guy to stop sending cold leads. If yours are actually warm, I'm in": the same, told the other way
    r"|\b(?:told|asked)\s+(?:the\s+(?:last|other|previous)\s+(?:guy|company|vendor|one|rep|outfit|agency)|my\s+(?:last|old"
    r"|previous)\s+(?:vendor|provider|company|guy|agency))\s+to\s+(?:stop|quit)\b"
    r"(?!\s+(?:texting|txting|messaging|contacting|calling|bothering|spamming|sending\s+(?:me|us|texts|messages)))"
    # "I don't text here much, call me": the writer's habit, not a request
    r"|\bi\s+(?:don't|dont|do\s+not)\s+(?:text|check\s+(?:texts|messages))\s+(?:here\s+|on\s+this\s+(?:phone|number|line|cell)\s+)?"
    r"(?:much|often|a\s+lot|very\s+often)\b"
    # "Here's my direct line so you stop getting the front desk": who answers, not the texts
    r"|\bso\s+(?:you|u|y'all|yall)\s+(?:can\s+)?(?:stop|quit)\s+(?:getting|reaching|calling|hitting)\s+(?:the|my|our|a)\s+"
    r"(?:front\s+desk|receptionist|voice\s*mail|machine|answering\s+(?:machine|service)|office|main\s+line|switchboard)\b"
    # "we asked that you not contact our customers directly": the writer's customers, not the writer
    r"|\b(?:asked|ask|request(?:ed)?)\s+that\s+(?:you|your\s+(?:company|team|people|reps))\s+(?:not|never|no\s+longer)\s+"
    r"(?:contact|text|call|message|email)\s+(?:our|my|their|the)\s+(?:customers|clients|patients|tenants|members|residents"
    r"|employees|staff|vendors|families|students|parents)\b"
    # "Can you stop calling it a 'quick chat' and just tell me the price?": a name for something
    r"|\bstop\s+calling\s+(?:it|this|that)\s+(?:a\s+|an\s+|the\s+|['\"\u2018\u201c])"
    # "my wife keeps telling me to unsubscribe from stuff but this actually sounds useful": advice the writer reports
    r"|\b(?:wife|husband|partner|kids?|son|daughter|mom|dad|friends?|accountant|boss)\s+(?:keeps\s+|kept\s+|always\s+)?"
    r"(?:telling|tells|told|says|said)\s+(?:me|us)\s+to\s+(?:unsubscribe|unsub|opt\s+out)\s+(?:from\s+)?(?:stuff|everything"
    r"|things|all\s+(?:this|that|of\s+it))\b(?=[^.!?]*\bbut\b)"
    # "can we take it off the invoice and do store credit instead?": a charge, not the number
    r"|\btake\s+(?:it|this|that)\s+off\s+(?:the|my|our|their|his|her)\s+(?:invoice|bill|order|tab|receipt|account|quote"
    r"|estimate|total|menu|shelf|shelves|truck|rack|website|schedule|calendar)\b"
    # "no quiero que me escriban en inglés, ¿tiene a alguien que hable español?": the language, not the texts
    r"|\bno\s+(?:quiero|queremos)\s+(?:que|q)\s+me\s+(?:escriban|manden|envien|contacten)\s+(?:mensajes\s+)?en\s+ingles\b"
    r"|\b(?:don't|dont|do\s+not)\s+text\s+(?:me\s+|us\s+)?in\s+english\b"
)
# "Stop right there, which company did you say?": the writer stopping us mid-pitch to ask, not asking for no texts
_STOP_RIGHT_THERE_ASKING = re.compile(
    r"\bstop\s+right\s+there\b(?=\W+(?:which|what|who|how|wait|hold\s+on|back\s+up|rewind|say\s+that\s+again))"
)
# "If you can beat $300/mo email me the numbers. if not dont bother": an offer's condition, the rest a decline of it
_A_CONDITION_NOT_MET = re.compile(
    r"\bif\s+not\W+(?:then\s+)?(?:just\s+)?(?:don't|dont|do\s+not)\s+bother\b(?!\s+(?:me|us)\b)"
    # "whats the price? unless you can beat $200 a month don't bother": the offer's condition, then a decline of it
    r"|\bunless\s+(?:it'?s|its|you|u|y'all|yall|ya|the\s+price|the\s+cost|it)\b[^.!?]{1,50}?\s+(?:then\s+)?(?:just\s+)?"
    r"(?:don't|dont|do\s+not)\s+bother\b(?!\s+(?:me|us|texting|sending|contacting|messaging)\b)"
)
# "My customers keep telling me to quit texting them appointment reminders": the writer's own customers asking the
# writer, reported
_OTHERS_ASK_THE_WRITER = re.compile(
    r"\b(?:tell|tells|telling|told|ask|asks|asking|asked|want|wants|wanted)\s+(?:me|us)\s+to\s+(?:stop|quit)\s+"
    r"(?:texting|txting|messaging|sending|emailing|calling|spamming)\s+(?:them|their|my\s+(?:customers|clients|patients)"
    r"|our\s+(?:customers|clients|patients))\b"
)
# "Don't contact the office, call my cell 412-555-0187": a place not to reach the writer at and a number to use instead;
# which line it takes off (the one texted, or one they were called at) is for a person, and the cell is captured
_ANOTHER_NUMBER_INSTEAD = re.compile(
    r"\b(?:don't|dont|do\s+not|stop|quit|no\s+more)\s+(?:contact|call|reach|ring|bother)\w*\s+(?:the|my|our)\s+"
    r"(?:office|shop|store|work|business|front\s+desk|desk|landline|land\s+line|main\s+(?:line|number|office)|receptionist"
    r"|company)(?:\s+(?:line|number|phone))?\W+(?:just\s+|please\s+|pls\s+|instead\s+)?(?:call|text|reach|contact|try"
    r"|use|hit)\s+(?:me\s+(?:up\s+)?(?:at|on)\s+)?(?:my|the)\s+(?:cell|mobile|personal|direct|own)\b"
    # "Don't text the shop line. My cell is 401 555 0127": the same with "text" and the cell given
    r"|\b(?:don't|dont|do\s+not)\s+(?:text|contact|call|bother)\s+(?:the|my|our)\s+(?:office|shop|store|work|business|main"
    r"|front\s+desk)(?:\s+(?:line|number|phone))?\W+(?:[\w' ,]{1,50}?\W+)?(?:my|the)\s+(?:cell|mobile|personal|direct)"
    r"(?:\s+(?:line|number))?"
    r"\s+(?:is|:|#)"
)
# ...unless the texted line is named: "don't call the shop, call my cell, and stop texting this number"
_THIS_LINE = re.compile(r"\bthis\s+(?:number|line|phone|cell)\b")
# "Unsubscribe from what? I never signed up for nothin": the writer asks what the texts are; a person decides
_ASKS_WHAT = re.compile(r"\b(?:unsubscribe|unsub|opt\s+out|stop|remove\s+me)\s+from\s+what\b")
# "Can I unsubscribe my other store and keep this one on?": a request about another of the writer's lines, this one
# kept; a person decides (and may take the other off)
_KEEPS_THIS_ONE = GatedRegex(
    re.compile(
        r"\b(?:(?:my|our|the)\s+(?:other|second|2nd|old|sister)|another|my|our)\s+(?:[\w'-]+\s+){0,2}?(?:store|location"
        r"|shop|number|line|cell|phone|office|branch|restaurant|salon|business|account|one)\b[^.!?]{0,80}?\b(?:keep|leave)\s+(?:this|the\s+main"
        r"|my\s+main|our\s+main)\s+(?:one|number|line|location|store)\b"
    )
)
# "Scam. Go away", "Go away, loan sharks": an insult and "go away" alone, a hostile dismissal held as the others are
_INSULT = (
    r"(?:scam|scams|scammers?|scam\s+artists?|loan\s+sharks?|sharks|crooks?|frauds?|liars?|thie(?:f|ves)|clowns?"
    r"|losers?)"
)
_INSULTED_AWAY = GatedRegex(re.compile(rf"^\W*(?:{_INSULT}\W+(?:just\s+)?go\s+away|go\s+away\W+{_INSULT})\W*$"))
# "Thanks for texting Big Sandy Towing! If you need a tow right now CALL don't text": a business's own auto-reply
_BUSINESS_GREETING = re.compile(
    r"^\W*(?:thanks|thank\s+you)\s+for\s+(?:texting|contacting|messaging|reaching\s+out\s+to|calling)\s+"
    r"(?!(?:me|us|but|though|and|so|again|anyway)\b)[\w'&]+(?:\s+[\w'&]+){0,4}\s*[!.]"
)
# A request the words around it may make someone else's: held for a person (what is found, what keeps it ours, why)
_HELD_BESIDE_A_REQUEST = (
    (_MISSENT, _ABOUT_OUR_TEXTS, "a message meant for someone else"),
    (_OTHER_LIST, _OUR_LIST, "a request about another list"),
    (_WANTS_TEXTS, None, "a request beside wanting the texts"),
    (_ASKS_IF_ALLOWED, _ABOUT_OUR_TEXTS, "a question whether the texts are allowed"),
    (_ASKS_WHAT, _ABOUT_OUR_TEXTS, "a question what the texts are"),
    (_BUSINESS_GREETING, _ABOUT_OUR_TEXTS, "a business's auto-reply"),
    (_KEEPS_THIS_ONE, _ABOUT_OUR_TEXTS, "a request about another of the writer's lines, this one kept"),
    (_INSULTED_AWAY, None, "a hostile dismissal"),
    (_ANOTHER_NUMBER_INSTEAD, _THIS_LINE, "a request to reach the writer at another number instead"),
)
# "This office hereby revokes any and all consent ... to receive text messages": a letter's formal revocation decides
# however long the letter is; so does a sarcastic one's "If this was the last one. Like, ever."
_FORMAL_REVOCATION = re.compile(
    r"\bhereby\s+(?:revoke|revokes|withdraw|withdraws|rescind|rescinds)\b"
    r"|\b(?:revoke|revokes|withdraw|withdraws|rescind|rescinds)\s+(?:any\s+and\s+all|all|any)\s+(?:prior\s+)?consent\b"
    r"|\bthis\s+(?:was|were|is)\s+the\s+(?:very\s+)?last\s+one\W+(?:like\W+)?ever\b"
    # a letter's "would ask that you discontinue contacting me by this or any other means"
    r"|\bby\s+(?:this|these)\s+or\s+any\s+other\s+(?:means|methods?|channels?)\b"
)
# "I'd block you but it's more fun watching you": a block the writer says they are not doing
_WOULD_BUT = re.compile(r"\b(?:i'd|i\s+would|i\s+could|i\s+should)\s+(?:block|report)\s+(?:you|u|this|ya)\s+but\b")
# "We received your request to opt out. You will no longer receive messages": a business's machine confirming
# its own list; a person decides what it means for ours
_OPT_OUT_CONFIRMED = re.compile(
    r"\b(?:we(?:'ve|\s+have)?\s+received|we\s+have\s+processed|this\s+confirms)\s+your\s+(?:request\s+to\s+)?"
    r"(?:opt\s*-?\s*out|unsubscribe)|\byou\s+(?:have\s+been|are\s+now)\s+(?:opted\s+out|unsubscribed)\b"
)
# ...unless the writer quotes the confirmation of the STOP they sent and is texted again: "Replied STOP on the 3rd,
# got the "You have been unsubscribed" confirmation, and here you are again on the 10th. Take me off"
_SENT_STOP_AND_STILL_TEXTED = re.compile(
    r"\b(?:i\s+)?(?:replied|texted|sent|typed|responded)\s+(?:with\s+)?stop\b[^?]*\b(?:here\s+you\s+are\s+again|again|still"
    r"|another|take\s+me\s+off)\b"
)
# "You wrote 'reply STOP to opt out'. If I do that does it cancel the application my partner sent you?", "If I reply
# stop will I still get my receipts?": the keyword named in a question what else it would do (not whether the texts
# would end: "if I reply STOP will it stop texts to my other store too?" is still held)
_ASKS_WHAT_ELSE_STOP_DOES = re.compile(
    r"\bif\s+(?:i|we)\s+(?:ever\s+|just\s+)?(?:reply|text|txt|say|send|type|do\s+(?:that|this|it|so))\b[^.!]{0,80}?"
    r"\b(?:will|would|does|do|is|can)\s+(?:it|that|this|i|we)\s+(?:also\s+|still\s+|then\s+)?"
    r"(?:cancel|lose|get|keep|affect|cost|charge|cover|delete|close|count)\b"
    r"(?![^?]*\b(?:other|another|second|2nd)\s+(?:store|location|shop|number|line|phone|business)\b)"
)
# "This is an automated response. Texting STOP here will not update your preferences; please visit our website": a
# machine saying the keyword does not work at its number (read as no request once the machine is plain)
_STOP_SAID_NOT_TO_WORK = re.compile(
    r"\b(?:replying|texting|sending|typing|responding|reply(?:ing)?\s+with|text(?:ing)?\s+back)\s+[\"']?stop\b[\"']?"
    r"(?:\s+(?:here|to\s+(?:this|our)\s+(?:number|line|inbox)|at\s+this\s+number))?\s+"
    r"(?:will\s+not|won't|wont|does\s+not|doesn't|doesnt|cannot|can't|cant|is\s+not|isn't)\s+(?:\w+\s+){0,2}?"
    r"(?:work|update|unsubscribe|remove|opt|change|stop|be\s+(?:processed|read|received|seen|honou?red))"
)
_A_MACHINE = re.compile(
    r"\b(?:automated|automatic|auto-?(?:reply|response|responder|message)|do\s+not\s+reply|no-?reply|unmonitored"
    r"|not\s+monitored|(?:your|our)\s+(?:communication\s+|contact\s+)?preferences|preference\s+cent(?:er|re)"
    r"|our\s+(?:website|web\s+site|app|portal))\b"
)
# (typed without the question mark, "Unsubscribe nah lol tell me more", "Stop nah Im not gonna tell you to stop": a
# "nah" still answers it; a bare "no" or a laugh does not: "Stop no", "stop lol" are requests)
_STOP_ASKED_AND_DECLINED = re.compile(
    r"(?:stop|unsubscribe|unsub|remove|opt\s*-?\s*out|parar|parale|block\s+(?:you|u|this(?:\s+number)?))"
    r"(?:\s*\?+\s*(?:nah|nope|no|lol|haha|hell\s+no)|[\s.]+nah)\b(?!\s+(?:more|mas)\b)"
)


@functools.cache
def _split_words() -> tuple[tuple[GatedRegex, str], ...]:
    return tuple((GatedRegex(pattern), meant) for pattern, meant in _SPLIT_WORDS)


def _spelled(word: str) -> str:
    if word in _SHORTHAND:
        return _SHORTHAND[word]
    if word.startswith("pl"):
        for pattern, meant in _ELONGATED:
            if pattern.fullmatch(word):
                return meant
    if _DRAWN_OUT.search(word):  # "remove meeee", "stooop", "offff": a word drawn out for effect
        for squeezed in (_DRAWN_OUT.sub(r"\1", word), _DRAWN_OUT.sub(r"\1\1", word)):
            if squeezed in _DRAWN_OUT_WORDS:
                return squeezed
    return word


def _spell_out(plain: str) -> str:
    for pattern, meant in _split_words():
        plain = pattern.sub(meant, plain)
    words = set(_TOKEN.findall(plain))
    if (
        words.isdisjoint(_SHORTHAND)
        and ("pl" not in plain or all(_spelled(w) == w for w in words if w[:2] == "pl"))
        and not _DRAWN_OUT.search(plain)
    ):
        return plain  # no word to respell (most texts): no call per word
    return _TOKEN.sub(lambda match: _spelled(match.group()), plain)


# An iPhone reaction sent as a text to a phone that is not an iPhone: 'Liked "Hi Maria, ... Reply STOP to opt out"'.
# The quoted words are ours, not the person's.
_TAPBACK = re.compile(
    r"^\s*(?:liked|loved|disliked|laughed\s+at|emphasi[sz]ed|questioned|reacted\s+\S+\s+to)\s+[\"\u201c\u201d'].*$",
    re.IGNORECASE | re.DOTALL,
)


# What follows the reaction's quoted text, after its last closing mark (straight or curly double quotes)
_AFTER_THE_QUOTE = re.compile(r"^[^\"\u201c\u201d]*[\"\u201c](?:.*)[\"\u201d]([^\"\u201c\u201d]*)$", re.DOTALL)


# A line of our text quoted back by a mail-style client or by hand: "> Open to a quick call this week?"
_QUOTED_LINE = re.compile(r"^[ \t]*>+[ \t]*(?!\d)\S.*$", re.MULTILINE)


# Our text quoted back on the reply's own line by a gateway or a mail client ("Yes > Hi Dana, this is Sam with
# USDataBiz ... Reply STOP to opt out.": the quote runs to our closing line, or to the end), and a mail client's header
# with everything after it ("Ok 2:30 tomorrow. On Mon, Mar 9, 2026, Sam wrote: > ...")
_QUOTED_INLINE = re.compile(
    r"(?:^|\s)>+\s*(?=[^>]*?(?:\busdatabiz\b|\breply\s+stop\s+to\s+opt\s+out\b|\bthis\s+is\s+sam\b|\bfollowing\s+up\s+on"
    r"\s+my\s+last\s+text\b|\bopen\s+to\s+a\s+quick\s+(?:chat|call)\b))[^>]*?(?:\breply\s+stop\s+to\s+opt\s+out\b\.?|$)"
    r"(?:\s*-{2,})?"
    r"|\s*\bon\s+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s[^<>\n]{0,60}?(?:<[^<>\s]+@[^<>\s]+>\s*)?wrote:.*$",
    re.IGNORECASE | re.DOTALL,
)
# A phone's or an app's line under the words: "Sent from my iPhone", "Sent via Dialpad", "Get Outlook for iOS"
_DEVICE_SIGNATURE = re.compile(
    r"\s*(?:--\s*)?\b(?:sent\s+(?:from|via|with|using)\s+(?:my\s+)?(?:iphone|ipad|android|samsung|galaxy|pixel|verizon"
    r"|t-mobile|at&t|mobile|smartphone|phone|dialpad|ringcentral|google\s+voice|yahoo\s+mail|aol|outlook|gmail|mail\s+for)"
    r"[^.!?\n]{0,40}|get\s+outlook\s+for\s+(?:ios|android))\W*$",
    re.IGNORECASE,
)


# A mail signature's legal footer, with everything after it: "CONFIDENTIALITY NOTICE: This message and any
# attachments are intended solely for the addressee ..."
_DISCLAIMER = re.compile(
    r"\s*\b(?:confidentiality\s+notice|this\s+(?:e-?mail|message|communication|transmission)(?:\s+and\s+any\s+"
    r"(?:attachments|files)(?:\s+to\s+it)?)?\s+(?:is|are|may\s+contain|contains?)\s+(?:intended|confidential|privileged)"
    r"|the\s+information\s+(?:contained\s+)?in\s+this\s+(?:e-?mail|message|communication))\b.*$",
    re.IGNORECASE | re.DOTALL,
)


def without_tapback(text: str) -> str:
    """The person's own words of a reply: an iPhone reaction to our text keeps only its verb ("Liked"); lines
    quoting our text ("> Hi Dana, ..."), a mail client's "On ..., Sam wrote:" with what follows, and a phone's "Sent
    from my iPhone" are dropped when the person wrote something else beside them."""
    text = text or ""
    if _TAPBACK.match(text):
        # 'Laughed at "Hi Tony, this is Marcus..." anyway STOP': words after the quote are the person's own
        tail = _AFTER_THE_QUOTE.search(text)
        if tail and _TOKEN.search(tail.group(1)):
            return tail.group(1).strip()
        return text.split(None, 1)[0]
    if ">" in text and _QUOTED_LINE.search(text):
        own = _QUOTED_LINE.sub("", text).strip()
        if own:
            text = own
    if (">" in text or "wrote:" in text) and _QUOTED_INLINE.search(text):
        own = _QUOTED_INLINE.sub(" ", text).strip()
        if _TOKEN.search(own):
            text = own
    if ("onfidential" in text or "CONFIDENTIAL" in text or "nformation" in text) and _DISCLAIMER.search(text):
        own = _DISCLAIMER.sub("", text).strip()
        if _TOKEN.search(own):
            text = own
    if ("ent " in text or "utlook" in text) and _DEVICE_SIGNATURE.search(text):
        own = _DEVICE_SIGNATURE.sub("", text).strip()
        if _TOKEN.search(own):
            text = own
    return text


_LINE_BREAK = re.compile(r"\s*\n\s*")
# "I've told you twice now. No. More. Texts.": one word a sentence, for emphasis, read as the phrase it spells
_CLAPPED = re.compile(r"(?<![\w'])(?:[\w']{1,8}[.!]+\s+){2,}[\w']{1,8}(?=[.!]*(?:\s|$))")
_CLAP = re.compile(r"[.!]+\s+")


def _unclap(found: re.Match) -> str:
    return _CLAP.sub(" ", found.group())


# An e-mail address is a name, not a request: "stop@acme.com", "unsubscribe.me@gmail.com", "info@stop-n-go.com"
_EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_ADDRESS_FRAGMENT = re.compile(r"(?<![\w.+-])(?!x@x\.com)[\w.+-]+@(?![\w-])")


# Punctuation spoken to voice-to-text and written as words: "no thank you comma we already use service titan for all
# of that period", "stop texting me period new paragraph I don't need any help period". A "period" is a mark at the
# end, before "new paragraph" or before a capital ("trial period and" stays a word); "comma" only between words.
_SPOKEN_MARK = re.compile(
    r"\s+(?:(?i:comma)(?=\s+\w)|(?i:period|question\s+mark|exclamation\s+(?:point|mark))"
    r"(?=\s*$|\s+(?:(?i:new\s+(?:paragraph|line))\b|[A-Z])))(?i:\s+new\s+(?:paragraph|line)\b)?"
)
_MARK_SPOKEN = {"comma": ",", "period": ".", "question": "?", "exclamation": "!"}


def _spoken_marks(text: str) -> str:
    if not ("omma" in text or "eriod" in text or "ERIOD" in text or "mark" in text or "point" in text):
        return text
    return _SPOKEN_MARK.sub(lambda found: _MARK_SPOKEN[found.group().split()[0].lower()], text)


# A reply typed without its sentence marks still starts its sentences with a capital: "Not now not in January not ever
# Stop messaging me", "Ya les dije que no Dejen de escribirme", "were a little country church Please remove us", "No
# more Were a non-profit". A word that opens sentences (a request, a pronoun, a greeting, a question word) written with
# a capital, right after a word in small letters and before one (or at the end), opens one, so the words before it do
# not negate what follows. Not after a word that goes on into it ("reply Stop", "what does Stop do", "the Stop") or
# negates it ("please dont Stop sending deals"; "no" does not: "que no Dejen"); not a name ("Stop & Shine Car Wash",
# "Stop-N-Wash", "Stop 11 Rd"); not a word in capitals, most often our keyword named ("I replied STOP twice"); not
# "I'm", whose capital says nothing; and a reply with every word capitalised ("Dont Stop Texting Me") has no word in
# small letters.
_SENTENCE_OPENERS = (
    "stop|stahp|please|pls|plz|remove|take|delete|unsubscribe|quit|cancel|lose|leave|opt|don't|dont|do|never|no"
    "|dejen|deja|deje|paren|para|borra|borren|quita|quiten|elimina|eliminen"
    "|you|we|were|we're|its|it's|this|that|thanks|thank|who|how|what|why|not|wrong|my|our|sorry|ok"
    "|okay|yes|yeah|nope|nah|hey|hi|hello|also|just|honestly|seriously"
)
_GOES_ON_INTO = frozenset(
    "the a an to does do did reply replied replying replies text texted texting txt type typed send sent write wrote "
    "say said says saying word is was at on of from in by with for my your our".split()
)
# (found by the space before the opener, which the engine looks for in C; the word before it is read only then)
_OPENER_INITIALS = "".join(sorted({word[0].upper() for word in _SENTENCE_OPENERS.split("|")}))
_RUN_ON_OPENER = re.compile(
    rf"  *(?=[{_OPENER_INITIALS}])(?:"  # (a space, then more: the engine finds the first in C)
    + "|".join(word[0].upper() + word[1:] for word in _SENTENCE_OPENERS.split("|"))
    + r")(?= +[a-z]|\W*$)"
)
_WORD_BEFORE = re.compile(r"(?<![\w'])(?:[a-z][a-z']*|\d+)\Z")
_OPENER_STARTS = tuple(" " + initial for initial in _OPENER_INITIALS)


def _opens_a_sentence(found: re.Match) -> str:
    before = _WORD_BEFORE.search(found.string, 0, found.start())
    if before is None or before.group() in _GOES_ON_INTO or before.group() in _NEGATIONS:
        return found.group()
    return ". " + found.group().lstrip(" ")


def _run_on_marks(text: str) -> str:
    if text.islower() or not any(map(text.__contains__, _OPENER_STARTS)):
        return text  # no opener's capital after a space: nothing opens a sentence
    return _RUN_ON_OPENER.sub(_opens_a_sentence, text)


def opt_out_explain(text: str, *, max_words: int = DEFAULT_OPT_OUT_MAX_WORDS) -> tuple[str, str]:
    """Return (decision, why) for an inbound text: ``opt_out_decide`` with the rule that decided it."""
    decision, why = _explain(text, max_words, read_digits=False)
    if decision != OPT_OUT_YES and _LEET_HINT.search(normalize_text(text or "")):
        # "st0p t3xting me", "L0SE MY NUMB3R": read again with its digits as letters; that reading may only revoke
        # (Arabizi's "ma tb3atli msgs" writes Arabic letters with the same digits, and is read as written)
        again, again_why = _explain(text, max_words, read_digits=True)
        if again == OPT_OUT_YES:
            return again, f"{again_why} (digits read as letters)"
    if decision != OPT_OUT_YES and _CLAPPED.search(text or ""):
        # "I've told you twice now. No. More. Texts.": read again as one phrase; that reading too may only revoke
        again, again_why = _explain(_CLAPPED.sub(_unclap, text), max_words, read_digits=False)
        if again == OPT_OUT_YES:
            return again, f"{again_why} (one word a sentence read as one phrase)"
    return decision, why


@functools.cache
def _no_request_gates() -> GatedPatterns:
    """The patterns of ``_NO_REQUEST_WORDS`` behind one literal scan (built at the first reply, about 0.1 s): which of
    them match a text, without searching the two dozen one by one."""
    return GatedPatterns([words.pattern if isinstance(words, GatedRegex) else words for words in _NO_REQUEST_WORDS])


def _explain(text: str, max_words: int, *, read_digits: bool) -> tuple[str, str]:
    text = _run_on_marks(_spoken_marks(without_tapback(text or "").strip()))
    if not STOP_EMOJI.isdisjoint(text) and _NO_MONEY_OR_TIME.search(text):
        text = _NO_MONEY_OR_TIME.sub(" ", text).strip()
    if "\n" in text:
        text = _LINE_BREAK.sub(" . ", text)  # each line its own clause: "Not interested\nStop\nThanks"
    read_by_model = text  # the model was trained on replies with their addresses
    if "@" in text and _EMAIL_ADDRESS.search(text):
        # and beside a whole address, a fragment typed and dropped: "unsubscribe@ nah jk, send info to dk@khan.com"
        text = _ADDRESS_FRAGMENT.sub(" ", _EMAIL_ADDRESS.sub("x@x.com", text))
    if not STOP_EMOJI.isdisjoint(text):
        if STOP_EMOJI.intersection(text) == {"\u270b"} and _DECLINE_BESIDE_A_HAND.fullmatch(
            normalize_text(_SKIN_TONES.sub("", text.replace("\u270b", " ")))
        ):
            return OPT_OUT_UNCERTAIN, "a raised hand beside a decline"  # "pass ✋": the offer waved off, or the texts
        if _LAUGHING.search(text.lower()) and _KEEP_ME_POSTED.search(normalize_text(text)):
            # "Keep me posted. My wife says I should stop doing everything myself so maybe this is a sign 🛑😂"
            return OPT_OUT_UNCERTAIN, "a stop sign laughed at beside wanting more"
        return OPT_OUT_YES, "stop emoji"
    no_gesture = not NO_GESTURE_EMOJI.isdisjoint(text)  # held, unless the words themselves revoke
    normalized = normalize_text(text)  # read once: the carrier keyword is the whole normalised text
    if read_digits:
        normalized = unleet(normalized)
    if KEYWORDS.get(normalized) is Keyword.STOP:
        return OPT_OUT_YES, "carrier keyword"
    if not normalized:
        return (OPT_OUT_UNCERTAIN, "a 'no' gesture emoji") if no_gesture else (OPT_OUT_NO, "empty")
    if _SPACED_LETTERS.fullmatch(normalized):
        normalized = re.sub(r"[\s.\-_*]+", "", normalized)  # "S T O P", "s.t.o.p", "S-T-O-P"
    plain = _NAMES_WITH_STOP.sub("stopnshop", _plain(normalized))
    plain = _SOMEONE_QUIT.sub(r"\1left", _fix_typos(_spell_out(plain)))
    plain = _LEAVING_ANOTHER.sub("leave another", plain)
    plain = _WOULD_BUT.sub("would leave you but", plain)
    plain = _STOP_THEN_ASKING.sub(" , ", _STOP_A_MOMENT.sub(" , ", plain))
    plain = _FILE_BY_EMAIL.sub("send the file", plain)
    if _OPT_OUT_CONFIRMED.search(plain) and not _SENT_STOP_AND_STILL_TEXTED.search(plain):
        return OPT_OUT_UNCERTAIN, "an opt-out confirmation sent by a machine"
    if _STOP_TAKEN_BACK.match(plain):
        return OPT_OUT_UNCERTAIN, "a stop word taken back"
    if _STOP_ASKED_AND_DECLINED.match(plain):
        return OPT_OUT_UNCERTAIN, "a stop word asked and answered no"  # "Unsubscribe? Nah lol. Tell me more"
    clauses = [part for clause in _clauses(plain) for part in _SOFT_BREAK.split(clause)]
    # the glad words first: most replies have none, and then the laughter is not looked for
    # ("Stop right there, you had me at 'more customers'. Tell me more": so eager that no laughter is needed)
    in_jest = bool(
        _GLAD.search(plain) and (_EAGER.search(plain) or _LAUGHING.search(text.lower()))
    ) and not _ABOUT_THE_TEXTS.search(plain)
    # "My boss just yelled 'stop texting and get back to work' lmao": someone else's words, quoted laughing
    quoted_laughing = bool(_QUOTED_FROM_ANOTHER.search(plain) and _LAUGHING.search(text.lower()))
    bare = [clause for clause in clauses if _may_be_bare(clause) and (_is_bare_stop(clause) or _is_bare_other(clause))]
    if bare and all(_TOKEN.findall(clause)[-1:] == ["cancel"] for clause in bare) and _APPOINTMENT.search(plain):
        bare = []  # "Monday at 1 please. If something comes up just cancel": the meeting, not the texts
    if bare and _MISSENT.search(plain):
        return OPT_OUT_UNCERTAIN, "a message meant for someone else"
    if bare and quoted_laughing:
        return OPT_OUT_UNCERTAIN, "a stop word quoted from someone else, laughing"
    if bare:
        return (OPT_OUT_UNCERTAIN, "a stop word said laughing") if in_jest else (OPT_OUT_YES, "stop word")
    # "To unsubscribe reply STOP" (an auto-reply), "if I reply STOP will it...": the keyword named, not used
    # "If I say stop will you actually stop?": normalising trimmed the final "?", which the question look-aheads need
    asked = _ends_asking(text)
    mentioned = bool(_KEYWORD_MENTION.search(plain + "?" if asked else plain))
    asks_what_else = mentioned and asked and bool(_ASKS_WHAT_ELSE_STOP_DOES.search(plain + "?"))
    said_before = mentioned and bool(_SAID_STOP_BEFORE.search(plain))  # read before the mention is taken out
    sent_for_someone = mentioned and bool(_STOP_SENT_FOR_SOMEONE.search(plain))
    if mentioned:
        plain = _KEYWORD_MENTION.sub(" , ", plain + "?" if asked else plain).removesuffix("?")
    notice = bool(_STOP_SAID_NOT_TO_WORK.search(plain) and _A_MACHINE.search(plain))
    if notice:
        plain = _STOP_SAID_NOT_TO_WORK.sub(" , ", plain)  # the machine's keyword is not the writer's
    set_aside = set()
    # the lists' words are read in their order, each on the text the earlier ones left: one scan tells which match
    # (most replies: none), and after each one set aside the rest are asked again of what is left
    after = -1
    while found := [number for number in _no_request_gates().matching(plain) if number > after]:
        after = found[0]
        words = _NO_REQUEST_WORDS[after]
        plain = words.sub(" , ", plain)  # words that name a stop word and ask for nothing; the rest is read
        set_aside.add(words)
    # words the rules read whole, so the reply model is not asked about them: a question how opting out works, the law
    # as the writer's own risk, texts refused at some hours only, an offer's condition, customers asking the writer
    read_whole = bool(set_aside & _READ_WHOLE)
    long_message = len(_TOKEN.findall(plain)) > max_words
    if mentioned and _DOING_AS_TOLD.fullmatch(plain.strip(" ,.!-\"'\u201c\u201d")):
        return OPT_OUT_YES, "our keyword quoted and done as it says"  # '"Reply STOP to opt out" ok. doing that'
    if said_before:
        return OPT_OUT_YES, "the keyword sent before"
    if sent_for_someone:
        return (
            OPT_OUT_YES,
            "the keyword sent for the one who asked",
        )  # "> Reply STOP to opt out / I DID reply stop. Twice."
    if mentioned and _STILL_TEXTED.search(plain):
        # '"Reply STOP to opt out" - I did. Twice. Still getting these': the keyword named because it was sent before
        return OPT_OUT_YES, "the keyword sent before and the texts still come"
    if not _MOCKING_EMOJI.isdisjoint(text) and _MORE_TEXTS_ASKED.search(plain):
        return OPT_OUT_YES, "more texts asked for, mocking"  # "yes please text me 5 more times today 🙃"
    if _phrase_hit(plain, asked=asked) or _edge_stop(plain):
        if long_message and not _closing_request(plain) and not _FORMAL_REVOCATION.search(plain):
            return OPT_OUT_UNCERTAIN, "revocation phrase in a long message"
        if mentioned:
            return OPT_OUT_UNCERTAIN, "revocation phrase beside the STOP keyword named, not used"
        if in_jest:
            return OPT_OUT_UNCERTAIN, "a stop word said laughing"
        if quoted_laughing:
            return OPT_OUT_UNCERTAIN, "a stop word quoted from someone else, laughing"
        for found, unless, why in _HELD_BESIDE_A_REQUEST:
            if found.search(plain) and not (unless and unless.search(plain)):
                return OPT_OUT_UNCERTAIN, why
        return OPT_OUT_YES, "revocation phrase"
    if no_gesture:
        return OPT_OUT_UNCERTAIN, "a 'no' gesture emoji"
    if mentioned:
        if asks_what_else:
            return OPT_OUT_NO, "a question what else the STOP keyword would do"
        return OPT_OUT_UNCERTAIN, "names the STOP keyword without using it"
    if _foreign_script(plain):
        if not _plainly_no_request_in_script(plain):
            return OPT_OUT_UNCERTAIN, "a script the detector cannot read"
        # the word lists of its script found what it is for and no word a revocation needs: they decide, not the
        # model (which reads most of these scripts' letters as revocations, having seen few of their other replies)
        guarded = True
    else:
        # the rules met a stop word and read it as no request ("don't stop", "the bus stop"), a machine's notice
        # that its keyword does not work, or a question how opting out works
        guarded = notice or read_whole
    for match in _UNCLEAR_STOP.finditer(plain):
        before = _clause_before(plain, match.start())
        if before and (before[-1] in _NOUN_BEFORE_STOP or before[-1] == "non"):
            guarded = True
            continue  # "the bus stop", "non-stop": a noun, not a request
        if before and before[-1] in {"keeps", "kept"} and match.group().startswith("stopp"):
            guarded = True
            continue  # "My Spotify keeps stopping every 5 min": a thing that stops, not a request
        if not _negated(before, sender=True):
            return OPT_OUT_UNCERTAIN, f"unclear {match.group()!r}"
        guarded = True
    if _COMPLAINT.search(plain) and not _COMPLAINT_GUARD.search(plain):
        return OPT_OUT_UNCERTAIN, "a complaint about the texts"
    if _HOSTILE_DISMISSAL.search(plain):
        return OPT_OUT_UNCERTAIN, "a hostile dismissal"
    if _NUMBER_SOLD.search(plain):
        return OPT_OUT_UNCERTAIN, "a complaint that the number was sold"
    if _ABOUT_THIS_THREAD.search(plain):
        return OPT_OUT_YES, "a request to be taken off the thread our text came in"
    if _OFF_ANOTHER_LIST.search(plain):
        return OPT_OUT_UNCERTAIN, "a request about another list"
    # where the rules met a stop word and read it as no request ("don't stop", "did you stop texting me?"), or a
    # stop word stood beside "later"/"by"/... ("can I unsubscribe later?", "I can stop by"), they decided
    # "Please don't call me at work. Text is fine": texts asked for, and no phrase revoked them; the model is not asked
    probability = (
        None
        if guarded or _GUARDED_WORDS.search(plain) or _plain_decline(plain) or _TEXTS_WELCOME.search(plain)
        else revocation_probability(read_by_model)
    )
    if probability is not None and probability >= REVOCATION_MODEL_THRESHOLD:
        return OPT_OUT_UNCERTAIN, f"the reply model reads a possible revocation (p={probability:.4f})"
    return OPT_OUT_NO, "no revocation"


# --- A second reader for what the rules read as "no" ---------------------------------------------
#
# A naive Bayes model (usdatabiz.core.textmodel: letters and words) trained on the labelled reply corpus asks
# whether a reply the rules read as "no" may still revoke consent. It never suppresses: above the threshold
# the decision becomes "uncertain", so the number is held until a person decides (OPT_OUT_REVIEW), and the
# reason names the model and its probability. Without the corpus file the rules decide alone.

_GUARDED_WORDS = re.compile(
    # "take the # from the flyer and call me": a number copied from somewhere to call, not one taken off a list
    r"\btake\s+(?:the|my|our|this|that)\s+(?:#|number|num|phone\s+number)\s+(?:from|off\s+of)\s+(?:the|our|my|that|this)\s+"
    r"(?:flyer|flier|card|business\s+card|sign|ad|website|site|truck|van|door|window|poster|postcard|mailer|receipt)\b"
    r"(?=[^.!?]*\b(?:call|text|reach|dial|ring)\b)|"
    # "I'll make a move on it next week": the writer's own next step
    r"\b(?:i'll|i\s+will|we'll|we\s+will|ill|gonna|going\s+to)\s+(?:make\s+a\s+move|move)\s+on\s+(?:it|this|that)\b|"
    rf"\b(?:stop|stopping|unsubscribe|unsub|opt\s+out|optout|remove\s+me)\s+(?:{_NOT_A_REQUEST_AFTER})\b"
    rf"|\bstop\s+(?!{_OUTGOING}\b)\w+ing\s+(?:about|over)\b"  # "stop crying about the Cowboys": a matter of its own
    # "Deja de preocuparte, todo salió bien": Spanish "stop worrying", a matter of its own (not writing or calling)
    r"|\bdej(?:a|e|en)\s+de\s+(?:preocupar|sufrir|llorar|pensar|quejar|pelear|estresar|trabajar|fumar|tomar)\w*"
    # a plain "wrong number" is a reading of its own (the inbox closes it as wrong_number); with "remove" or
    # "stop" the rules above already decided
    r"|^(?:sorry\W+)?wrong\s+(?:number|num|#|person|guy|girl|lady|man)\W*(?:sorry)?\W*$"
    # "wrong number I'm not marry a" (Maria, as voice-to-text wrote it), "Wrong number, this isn't Dave": the same
    r"|^(?:sorry\W+)?wrong\s+(?:number|num|#|person)\W*(?:i'm|im|i\s+am|this\s+is|this\s+isn't|it's|its)\s+not\s+"
    r"(?!interested\b)[a-z]+(?:\s+[a-z]+)?\W*(?:sorry)?\W*$"
    # "uh this is my mom's phone and her name isn't linda": the phone of a relative not named so, alone
    r"|^(?:(?:uh|um|umm|sorry|hi|hey)\W+)?this\s+is\s+my\s+(?:mom|mum|mother|dad|father|wife|husband|son|daughter"
    r"|brother|sister|grandma|grandpa|aunt|uncle)'?s\s+(?:phone|number|cell)\W+(?:and\s+)?(?:her|his|their)\s+name"
    r"\s+(?:isn't|is\s+not|isnt|ain't)\s+[a-z]+\W*$"
    # "The number you have texted is a landline. Text messaging is not supported.": a carrier's notice alone (the
    # inbox puts the number on the suppression list as not textable)
    r"|^(?:the\s+)?(?:number|line)\s+you\s+(?:have\s+)?(?:texted|messaged|reached|sent\s+to)\s+is\s+a\s+"
    r"(?:landline|land\s+line)\W+(?:text\s+messag(?:ing|es)|texting|texts|sms)\s+(?:is|are)\s+not\s+"
    r"(?:supported|available|accepted)\W*$"
    # the same in Russian in Latin letters: "ne tot nomer", "vy oshiblis nomerom"
    r"|^(?:(?:vy|vi)\s+)?(?:ne\s+tot\s+nomer|oshiblis\s+nomerom|nepravilnyy\s+nomer)\W*$"
    # "Wrong number pero gracias, suerte con las ventas", "wrong number but thanks, good luck": the same, kindly
    r"|^(?:sorry\W+)?wrong\s+(?:number|num|#|person)\W*(?:but|pero|mais)\s+(?:thanks|thank\s+you|thx|ty|gracias"
    r"|merci|good\s+luck|suerte)\b[^.!?]{0,40}\W*$"
    # "Stopgap Solutions LLC here, who's this?": a business naming itself and asking who we are, alone
    r"|^(?:[\w&'.-]+\s+){1,5}here\W+(?:who's|whos|who\s+is|who\s+dis)(?:\s+(?:this|that|it))?\W*$"
    # "lol who added me to this group chat", "who added me to this": a question about the thread, alone
    r"|^(?:(?:lol|lmao|uh|um|umm|wait|hey|ok|so)\W+)?who\s+(?:added|put|invited)\s+me\s+(?:to|in|on|into)\s+(?:this|that"
    r"|the)(?:\s+(?:group\s+)?(?:chat|thread|text|convo|group|list))?\W*(?:lol|lmao|haha|\?)*\W*$"
    # a number no longer someone's, alone: "This isn't Dale's number anymore, I got it in March", "Ese número ya no es
    # de Rogelio", "Wala po dito si Marites, maling number po kayo", "Ça c'est pas son numéro no more, cher", "Dit is
    # niet het nummer van Pieter" (the inbox closes it as wrong_number)
    r"|^(?:(?:sorry|hi|hey|uh|um|perdon|disculpe|oye)\W+)?(?:"
    r"(?:this|that|it)\s+(?:isn't|is\s+not|isnt|ain't|aint)\s+[a-z]+'s\s+(?:number|phone|cell|#)(?:\s+(?:anymore|any\s+more"
    r"|no\s+more))?(?:\W+i\s+(?:got|bought|have\s+had|had)\s+it\s+(?:in|since|back\s+in|last|for)\s+[a-z0-9]+(?:\s+[a-z0-9]+)?)?"
    r"|(?:este|ese)\s+(?:numero|telefono|cel|celular)\s+(?:ya\s+)?no\s+es\s+(?:de|del)\s+[a-z]+(?:\s+[a-z]+)?"
    r"|(?:wala\s+(?:po\s+)?(?:dito|rito)\s+(?:si|ang)\s+[a-z]+\W+)?(?:maling|mali\s+(?:po\s+)?ang)\s+(?:number|numero)"
    r"(?:\s+(?:po\s+)?(?:kayo|ka|nyo|niyo|ninyo))?(?:\s+po)?"
    r"|(?:ca\s+)?(?:c'est|ce\s+n'est)\s+pas\s+(?:son|le|sa)\s+numero(?:\s+de\s+[a-z]+)?(?:\s+(?:no\s+more|anymore|plus))?"
    r"|dit\s+is\s+niet\s+(?:het\s+)?(?:nummer|telefoonnummer)\s+van\s+[a-z]+|(?:verkeerd|fout)\s+nummer"
    r")\W*(?:sorry|thanks|gracias|salamat|po|cher|merci|bedankt)?\W*$"
    # "voy a reportar a mi jefe que ya llegó" (I'll tell my boss it came): a report to the writer's own boss, not a spam
    # report, unless the texts are named beside it
    r"|\breportar(?:le|les|lo)?\s+(?:a|con)\s+(?:mi|mis|el|la|nuestro|nuestra)\s+(?:jefe|jefa|supervisor|supervisora"
    r"|gerente|encargado|encargada|patron|patrona|esposo|esposa|mama|papa|equipo|oficina)\b"
    r"(?![^.!?]*\b(?:spam|acoso|estafa|fraude|mensajes?|textos?|numero|molest\w*)\b)"
    # the seventy-fourth: "This isn't Marcus. Wrong number.", "Theresa retired in 2022, this is my personal cell now",
    # Haitian Creole "Ou gen move nimewo, se pa mwen" (you have the wrong number, it's not me): a wrong number alone
    r"|^(?:sorry\W+)?(?:this|it)\s+(?:isn't|is\s+not|isnt|ain't|aint)\s+[a-z]+\W+(?:sorry\W+)?wrong\s+(?:number|num|#|person)"
    r"\W*(?:sorry)?\W*$"
    r"|^[a-z]+\s+(?:retired|passed\s+away|passed|moved|left|quit|sold\s+the\s+\w+)(?:\s+(?:in|last|back\s+in)\s+[a-z0-9]+)?\W+"
    r"(?:this|it)\s+(?:is|'s)\s+(?:my|our)\s+(?:personal\s+|own\s+|work\s+)?(?:number|cell|phone|line)\s+now\W*$"
    r"|^(?:ou|nou)\s+(?:gen|genyen|pran)\s+(?:move|mauvais|mal)\s+(?:nimewo|nimero)(?:\W+(?:se\s+pa\s+(?:mwen|li)|mesi))?\W*$"
    # "Got it, forwarded to our office manager": passed on to the one who decides, alone
    r"|^(?:(?:got\s+it|ok|okay|thanks|thank\s+you|sure|will\s+do)\W+)?(?:i\s+|i've\s+|we\s+|we've\s+)?(?:forwarded|passed)"
    r"(?:\s+(?:it|this|that)(?:\s+(?:along|on))?)?\s+to\s+(?:our|my|the)\s+(?:office\s+manager|manager|owner|boss"
    r"|gm|general\s+manager|director|supervisor)\W*$"
    # "Which company is this again?": asking who we are, alone, is a question
    r"|^(?:sorry\W+|wait\W+)?(?:which|what|who)\s+(?:company|business|bank|lender|outfit)\s+(?:is\s+this|is\s+it"
    r"|are\s+(?:you|u|y'all)(?:\s+(?:with|from))?)(?:\s+again)?\W*$"
    # "how did u get my number", "Is this spam? no offense": a question alone, read as a question
    r"|^(?:how|where)\s+(?:did|d)\s+(?:you|u|y'all|ya)\s+get\s+(?:my|this)\s+(?:number|#|info|contact)\W*$"
    r"|^is\s+this\s+(?:a\s+)?(?:spam|scam)\W*(?:no\s+offense|lol|just\s+asking|genuinely\s+asking|honest\s+question)?\W*$"
    # a bare decline is an answer to the offer, read as not_interested, not a revocation
    r"|^(?:no\W+)?(?:no\s+(?:thanks|thank\s+you|thx|gracias)|not\s+interested|no\s+me\s+interesa)\W*$"
)

# The guards above are read on every reply, most of them on texts without any of their words. Each is put behind its
# literal gates (usdatabiz.core.regexgate.GatedRegex): it answers as the pattern does, but a text holding none of the
# words every match needs is not searched. Bound here, after all of them, so that the patterns read as written.
(
    _EDGE_STOP_START, _EDGE_STOP_END, _STOP_SOMETHING_OUTGOING, _UNCLEAR_STOP, _COMPLAINT, _COMPLAINT_GUARD,
    _KEYWORD_MENTION, _NAMES_WITH_STOP, _TEXTS_INSTEAD, _SOMEONE_QUIT, _LEAVING_ANOTHER, _STOP_TAKEN_BACK, _GLAD,
    _WOULD_BUT, _OPT_OUT_CONFIRMED, _STOP_ASKED_AND_DECLINED, _TAPBACK, _GUARDED_WORDS, _EAGER, _QUOTED_FROM_ANOTHER,
    _STOP_SAID_NOT_TO_WORK, _FILE_BY_EMAIL, _NUMBER_SOLD, _OFF_ANOTHER_LIST, _ASKS_HOW_OPTING_OUT_WORKS,
    _OTHERS_PRESSED_UNSUBSCRIBE, _LAW_AS_OWN_CONCERN, _LEAVING_A_SERVICE, _CARRIER_BLOCKED, _DO_NOT_DISTURB,
    _SOMEONE_ELSE_STOPPED_TEXTING, _ASKS_THE_SOURCE,
) = map(GatedRegex, (
    _EDGE_STOP_START, _EDGE_STOP_END, _STOP_SOMETHING_OUTGOING, _UNCLEAR_STOP, _COMPLAINT, _COMPLAINT_GUARD,
    _KEYWORD_MENTION, _NAMES_WITH_STOP, _TEXTS_INSTEAD, _SOMEONE_QUIT, _LEAVING_ANOTHER, _STOP_TAKEN_BACK, _GLAD,
    _WOULD_BUT, _OPT_OUT_CONFIRMED, _STOP_ASKED_AND_DECLINED, _TAPBACK, _GUARDED_WORDS, _EAGER, _QUOTED_FROM_ANOTHER,
    _STOP_SAID_NOT_TO_WORK, _FILE_BY_EMAIL, _NUMBER_SOLD, _OFF_ANOTHER_LIST, _ASKS_HOW_OPTING_OUT_WORKS,
    _OTHERS_PRESSED_UNSUBSCRIBE, _LAW_AS_OWN_CONCERN, _LEAVING_A_SERVICE, _CARRIER_BLOCKED, _DO_NOT_DISTURB,
    _SOMEONE_ELSE_STOPPED_TEXTING, _ASKS_THE_SOURCE,
))  # fmt: skip
# Words that name a stop word, a list or the law and ask for nothing, set aside before the reply's requests are read
# (in this order): others' readers pressing unsubscribe, the source of the number asked, a carrier's block, someone
# else who stopped texting back, a phone's do-not-disturb mode, a service left or to be left, a question how opting out
# works, the do-not-call rules as the writer's own risk, texts refused at some hours only, an offer's condition not
# met, and the writer's own customers asking the writer to stop
_NO_REQUEST_WORDS = (
    _OTHERS_PRESSED_UNSUBSCRIBE, _ASKS_THE_SOURCE, _CARRIER_BLOCKED, _SOMEONE_ELSE_STOPPED_TEXTING, _DO_NOT_DISTURB,
    _LEAVING_A_SERVICE, _ASKS_HOW_OPTING_OUT_WORKS, _LAW_AS_OWN_CONCERN, _AT_SOME_HOURS, _A_CONDITION_NOT_MET,
    _OTHERS_ASK_THE_WRITER, _LAW_IN_THE_PAST, _NOT_TO_TELL_A_RELATIVE, _THE_ONE_WHO_HAS_TO, _STOP_RIGHT_THERE_ASKING,
    _STOP_I_HEAR_YOU, _A_PHONE_FLAGGED, _UNSUBSCRIBES_FROM_EVERYTHING, _STOP_OTHER_CALLERS, _CALLS_REFUSED_TEXTS_ASKED,
    _OWN_ADS_STOPPED, _REPORTED_ANOTHER, _DONT_STOP_SENDING, _HELP_US_STOP_SOMETHING, _AT_SOME_HOURS_OR_BLOCKED,
    _ANOTHER_SENDERS_EMAILS, _NO_MORE_SPEND, _ABOUT_SOMETHING_ELSE,
)  # fmt: skip
_READ_WHOLE = frozenset(
    (_ASKS_HOW_OPTING_OUT_WORKS, _LAW_AS_OWN_CONCERN, _AT_SOME_HOURS, _A_CONDITION_NOT_MET, _OTHERS_ASK_THE_WRITER,
     _LAW_IN_THE_PAST, _NOT_TO_TELL_A_RELATIVE, _THE_ONE_WHO_HAS_TO, _CALLS_REFUSED_TEXTS_ASKED,
     _DONT_STOP_SENDING, _AT_SOME_HOURS_OR_BLOCKED, _ANOTHER_SENDERS_EMAILS, _NO_MORE_SPEND, _ABOUT_SOMETHING_ELSE)
)  # fmt: skip
# A decline that names no stop and no contact: "Yeah I got both your texts. We don't need it, we're slammed enough as
# is", "Our district manager decides this stuff and she's going to say no, trust me". It answers the offer; the rules
# found no request and the reply model is not asked. Any word a request to be left alone could use (the texts, the
# number, the list, "again", "anymore", "leave", "don't ...", a complaint, an insult) keeps the model's reading.
_DECLINE = re.compile(
    # "we're a two chair shop, don't need it": the "we" may be left out
    r"\b(?:no\s+thank(?:s|\s+you)|not\s+interested|no\s+need|(?:(?:we|i)\s+)?(?:really\s+)?(?:don't|do\s+not|dont)\s+need"
    r"\s+(?:it|that|this|one|any|anything|your)|already\s+(?:use|have|using|got|work\s+with)"
    r"|(?:going\s+to|gonna|will|'ll)\s+say\s+no|(?:we're|we\s+are|i'm|i\s+am)\s+(?:all\s+)?(?:good|set|covered))\b"
)
# "I got both your texts", "got your message": the texts acknowledged, not named as a grievance
_TEXTS_ACKNOWLEDGED = re.compile(
    r"\b(?:i|we)\s+(?:got|received|saw|read)\s+(?:both\s+|all\s+|all\s+of\s+|the\s+)?(?:your|ur|the)\s+"
    r"(?:texts?|messages?|msgs?)\b"
)
_NOT_ONLY_A_DECLINE = re.compile(
    rf"\b(?:stop\w*|quit|remove\w*|off|unsub\w*|opt\w*|{_OUTGOING}|{_MESSAGES}|text\w*|txt\w*|messag\w*|msg\w*|sms"
    r"|contact\w*|call\w*"
    r"|number|#|list|again|more|anymore|ever|never|bother\w*|leave|alone|spam\w*|harass\w*|block\w*|report\w*|lose"
    r"|delete\w*|cancel\w*|end|done|lawyer|attorney|sue|legal|illegal|consent|permission|signed|privacy|dnc|hell"
    r"|damn|f\w*ck\w*|sh[i1]t\w*|pathetic|clowns?|idiots?|morons?|scam\w*|crooks?|frauds?|liars?|fired|sold|who\s+gave"
    r"|how\s+did|why\s+(?:do|are|did)|third|fourth|fifth|times|every|so\s+many|too\s+many|annoy\w*|sick|tired)\b"
    r"|\b(?:don't|dont|do\s+not|doesn't|never)\s+(?!need\b|think\b)"
    # "enough already", "that's enough"; "slammed enough as is" is how busy they are
    r"|(?<!slammed\s)(?<!busy\s)(?<!swamped\s)(?<!booked\s)(?<!good\s)(?<!big\s)\benough\b"
)


_DECLINE = GatedRegex(_DECLINE)  # most replies hold none of its words: not searched


def _plain_decline(plain: str) -> bool:
    if not _DECLINE.search(plain):
        return False
    return not _NOT_ONLY_A_DECLINE.search(_TEXTS_ACKNOWLEDGED.sub(" ", plain))


REPLY_CORPUS = Path(__file__).resolve().parent.parent / "inbox" / "corpus" / "dev.csv"
REVOCATION_MODEL_THRESHOLD = 0.999
_log = logging.getLogger(__name__)


@functools.cache
def revocation_model():
    """The model trained on the corpus's development part, or None when the file cannot be read."""
    from usdatabiz.core.textmodel import NaiveBayes, labelled_rows

    try:
        rows = labelled_rows(REPLY_CORPUS)
    except (OSError, KeyError, UnicodeDecodeError) as exc:
        _log.warning("reply corpus %s unreadable (%s): opt-out rules decide alone", REPLY_CORPUS, exc)
        return None
    return NaiveBayes(alpha=0.1, chars=True).fit(
        (text, "opt_out" if label == "opt_out" else "other") for text, label in rows
    )


def revocation_probability(text: str) -> float | None:
    """The model's probability that a reply revokes consent (None without a model)."""
    model = revocation_model()
    return None if model is None else model.probabilities(text).get("opt_out", 0.0)


def opt_out_decide(text: str, *, max_words: int = DEFAULT_OPT_OUT_MAX_WORDS) -> str:
    """Decide whether an inbound text revokes consent: ``"yes"``, ``"no"`` or ``"uncertain"``.

    The one decision used by the send-blocking suppression (``is_opt_out_request``), by the inbox
    classifier's ``opt_out`` class and by the hold for a person (``OPT_OUT_REVIEW``) when uncertain.
    """
    return opt_out_explain(text, max_words=max_words)[0]


def is_opt_out_request(text: str, *, max_words: int = DEFAULT_OPT_OUT_MAX_WORDS) -> bool:
    """Tell whether an inbound message asks to stop messages: ``opt_out_decide(text) == "yes"``.

    Phrases count as a request only in messages of at most ``max_words`` words; in a longer one
    they make the decision ``"uncertain"`` (a person reads it).
    """
    return opt_out_decide(text, max_words=max_words) == OPT_OUT_YES


# --- Replies ----------------------------------------------------------------------------------

# Sent once, at once, without marketing (CTIA; FCC revocation rule). Each fits one GSM-7 segment
# for a brand and contact of ordinary length.
STOP_CONFIRMATION = "{brand}: You are unsubscribed and will get no more messages from us. Reply START to resubscribe."
HELP_REPLY = "{brand}: For help contact {contact}. Reply STOP to opt out. Msg&data rates may apply."
START_CONFIRMATION = (
    "{brand}: You are resubscribed and may get messages from us again. Reply HELP for help, STOP to opt out. "
    "Msg&data rates may apply."
)

_REPLIES = {Keyword.STOP: STOP_CONFIRMATION, Keyword.START: START_CONFIRMATION, Keyword.HELP: HELP_REPLY}


def compliance_reply(keyword: Keyword, *, brand: str, contact: str) -> str:
    """Return the text that answers a STOP, START or HELP keyword for this brand."""
    if not brand.strip():
        raise ValueError("brand is required in a compliance reply")
    if keyword is Keyword.HELP and not contact.strip():
        raise ValueError("contact is required in a HELP reply")
    return _REPLIES[Keyword(keyword)].format(brand=brand.strip(), contact=contact.strip())
