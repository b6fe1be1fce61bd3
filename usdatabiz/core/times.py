"""The console's one way to say an instant, on the reader's clock.

Every time a person reads in the console goes through ``when``: the zone is the one the request activated
(the person's setting, else their team's; see ``inbox.middleware``), the format is ``Dec 1, 11:05 AM CST``,
with the year added when it is not the current one (``Dec 1, 2025, 11:05 AM EST``). Exports and the API keep
ISO 8601 in UTC: they are read by programs, not people.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone


def when(value: datetime | None, *, zone: str = "", now: datetime | None = None) -> str:
    """Say ``value`` in the active time zone (or ``zone``), in the console's one format ("" for no time)."""
    if not value:
        return ""
    if timezone.is_naive(value):
        value = timezone.make_aware(value, timezone.get_default_timezone())
    local = timezone.localtime(value, ZoneInfo(zone) if zone else None)
    year = "" if local.year == timezone.localtime(now or timezone.now()).year else f" {local.year},"
    hour = local.hour % 12 or 12
    return f"{local:%b} {local.day},{year} {hour}:{local:%M %p %Z}"
