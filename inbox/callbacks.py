"""Callbacks written in words ("tomorrow at 2pm", "Friday 10am") read as real times in the contact's time zone."""

from datetime import datetime
from zoneinfo import ZoneInfo

import dateparser

DEFAULT_ZONE = "America/New_York"


def parse_callback(text: str, *, zone: str, now: datetime) -> datetime | None:
    """The moment ``text`` names, read on the contact's wall clock (``zone``) as of ``now``; None when it names
    none, or one already past. The result is aware (in ``zone``)."""
    text = (text or "").strip()
    if not text:
        return None
    tz = ZoneInfo(zone or DEFAULT_ZONE)
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
