"""The console's one time format: the reader's clock, the year only when it is not this one."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from usdatabiz.core.times import when

NOW = datetime(2026, 12, 4, 15, 0, tzinfo=UTC)


def test_an_instant_reads_on_the_active_clock():
    with timezone.override(ZoneInfo("America/Chicago")):
        assert when(datetime(2026, 12, 1, 17, 5, tzinfo=UTC), now=NOW) == "Dec 1, 11:05 AM CST"
        assert when(datetime(2026, 7, 1, 4, 0, tzinfo=UTC), now=NOW) == "Jun 30, 11:00 PM CDT"


def test_the_year_is_said_only_when_it_is_not_this_one():
    with timezone.override(ZoneInfo("America/New_York")):
        assert when(datetime(2025, 12, 1, 16, 5, tzinfo=UTC), now=NOW) == "Dec 1, 2025, 11:05 AM EST"
        # midnight UTC on New Year's Day is still the old year in New York
        assert when(datetime(2027, 1, 1, 0, 0, tzinfo=UTC), now=NOW) == "Dec 31, 7:00 PM EST"


def test_a_given_zone_wins_over_the_active_one_and_nothing_reads_as_nothing():
    with timezone.override(ZoneInfo("America/Denver")):
        assert when(datetime(2026, 12, 2, 14, 0, tzinfo=UTC), zone="America/Chicago", now=NOW) == "Dec 2, 8:00 AM CST"
    assert when(None) == ""
