"""Callbacks written in words ("tomorrow at 2pm", "Friday 10am") read as real times in the contact's time zone."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import dateparser

DEFAULT_ZONE = "America/New_York"

# "9am PST", "at 2 pacific time": the zone the person names is the one meant, whatever their number says (in
# summer "PST" still means the Pacific clock, so each word names a zone, not a fixed offset)
_NAMED_ZONES = {
    "e": "America/New_York", "eastern": "America/New_York", "c": "America/Chicago", "central": "America/Chicago",
    "m": "America/Denver", "mountain": "America/Denver", "p": "America/Los_Angeles", "pacific": "America/Los_Angeles",
    "hawaii": "Pacific/Honolulu", "alaska": "America/Anchorage",
}  # fmt: skip
_ZONE_NAMED = re.compile(
    r"(?<=[\dmn])\s*\b(?:([ecmp])[sd]?t|(eastern|central|mountain|pacific|hawaii|alaska))(?:\s+time)?\b", re.I
)
_ISH = re.compile(r"(?<=[\dn])ish\b", re.I)  # "10ish", "noonish": about then
_SHORT_MERIDIEM = re.compile(r"\b(\d{1,2}:[0-5]\d)\s?([ap])\b", re.I)  # "3:30p"


# an hour without am/pm, after a word that makes it a time ("at 2", "after 3") or with its minutes ("4:15")
_WEEKDAYS = r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
_BARE_HOUR = re.compile(
    rf"(\b(?:at|by|around|after|before|about|till|until|today|tomorrow|tonight|{_WEEKDAYS})\s*|@\s*)"
    r"(\d{1,2})(?![\d:])(?!\s*(?:am|pm|a\.m|p\.m)\b)(?!\s*(?:st|nd|rd|th)\b)"
    r"|\b(\d{1,2}:[0-5]\d)(?!\d)(?!\s*(?:am|pm|a\.m|p\.m)\b)",
    re.I,
)


def _business_meridiem(match: re.Match) -> str:
    """A bare hour read as the working day means it: 7-11 in the morning, 12-6 in the afternoon."""
    prefix, clock = match.group(1) or "", match.group(2) or match.group(3)
    hour = int(clock.split(":")[0])
    if not 1 <= hour <= 12:
        return match.group()
    return f"{prefix}{clock}{'am' if 7 <= hour <= 11 else 'pm'}"


def _as_dateparser_reads(text: str) -> tuple[str, str | None]:
    """The text with what dateparser misreads written out ("10ish" -> "10", "3:30p" -> "3:30pm", "at 2" ->
    "at 2pm": a bare hour is read as the working day means it), and the zone the person named, taken out of it
    (None when none)."""
    text = _SHORT_MERIDIEM.sub(lambda m: f"{m.group(1)}{m.group(2)}m", _ISH.sub("", text))
    text = _BARE_HOUR.sub(_business_meridiem, text)
    named = _ZONE_NAMED.search(text)
    if named is None:
        return text, None
    zone = _NAMED_ZONES[(named.group(1) or named.group(2)).lower()]
    return (text[: named.start()] + text[named.end() :]).strip(), zone


def parse_callback(text: str, *, zone: str, now: datetime) -> datetime | None:
    """The moment ``text`` names, read on the contact's wall clock (``zone``, or the zone the text names: "9am
    PST") as of ``now``; None when it names none, or one already past. The result is aware (in that zone)."""
    text, named = _as_dateparser_reads((text or "").strip())
    if not text:
        return None
    tz = ZoneInfo(named or zone or DEFAULT_ZONE)
    local_now = now.astimezone(tz)
    options = {
        "TIMEZONE": tz.key,
        "RETURN_AS_TIMEZONE_AWARE": True,
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": local_now.replace(tzinfo=None),
    }
    found = dateparser.parse(text, languages=["en"], settings=options)
    if found is None:  # a time inside a sentence: "call me tomorrow at 2pm please"
        from dateparser.search import search_dates

        hits = search_dates(text, languages=["en"], settings=options) or []
        # the longest phrase that names a time is the one meant ("tomorrow at 2pm" over "2pm")
        hits = sorted(hits, key=lambda hit: len(hit[0]), reverse=True)
        found = hits[0][1] if hits else None
    if found is None:
        return None
    found = found.astimezone(tz)
    return found if found > now else None


def contact_zone(*, number: str | None, lead=None) -> str:
    """The contact's time zone name, on the same basis as the send-time check: the person's ZIP, else their
    business's ZIP, else its state, else the number's area code, else the default."""
    from messaging.compliance import recipient_timezone

    persona = lead.persona if lead is not None and lead.persona_id else None
    business = lead.business if lead is not None and lead.business_id else None
    zip5 = (persona.zip5 if persona is not None else "") or (business.zip5 if business is not None else "")
    zone = recipient_timezone(state=business.state if business else None, phone=number, zip5=zip5 or None)
    return zone.key if zone is not None else DEFAULT_ZONE
