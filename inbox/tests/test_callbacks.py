"""Callback times as people write them, read on the right clock: "10ish", "3:30p", a bare hour read as the working
day means it ("at 2" is 2 pm, "at 9" is 9 am), and a zone the person names ("9am PST", "2 pacific time") over the
zone their number or address gives."""

from datetime import UTC, datetime

import pytest

from inbox.callbacks import parse_callback
from inbox.classification import classify

NOW = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)  # Monday, 10:00 in New York
NY = "America/New_York"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomorrow at 2pm", "2026-12-08T14:00:00-05:00"),
        ("tomorrow 10ish", "2026-12-08T10:00:00-05:00"),
        ("tomorrow 11", "2026-12-08T11:00:00-05:00"),  # the hour, not the time it is now
        ("friday 2", "2026-12-11T14:00:00-05:00"),
        ("wed 14", "2026-12-14T00:00:00-05:00"),  # a day of the month stays one
        ("noonish tomorrow", "2026-12-08T12:00:00-05:00"),
        ("3:30p", "2026-12-07T15:30:00-05:00"),
        ("after 3", "2026-12-07T15:00:00-05:00"),  # not March
        ("at 4:15 tomorrow", "2026-12-08T16:15:00-05:00"),  # not 4:15 in the night
        ("call me at 9 tomorrow", "2026-12-08T09:00:00-05:00"),
        ("@3 friday", "2026-12-11T15:00:00-05:00"),
        ("monday 8:30", "2026-12-14T08:30:00-05:00"),
        ("Dec 5 at 2", "2027-12-05T14:00:00-05:00"),  # the day stays a day
        ("9am pst tomorrow", "2026-12-08T09:00:00-08:00"),
        ("tomorrow at 9am pacific", "2026-12-08T09:00:00-08:00"),
        ("at 2 pacific time tomorrow", "2026-12-08T14:00:00-08:00"),
        ("at 10 ct tomorrow", "2026-12-08T10:00:00-06:00"),
        ("at 3pm est on friday", "2026-12-11T15:00:00-05:00"),
    ],
)
def test_a_callback_written_as_people_write_it_is_read_on_the_right_clock(text, expected):
    found = parse_callback(text, zone=NY, now=NOW)
    assert found is not None
    assert found.isoformat() == expected


@pytest.mark.parametrize(
    ("text", "meeting_time"),
    [
        ("tmrw 10ish?", "tomorrow 10ish"),
        ("3:30p is good", "3:30p"),
        ("noonish tmrw", "noonish tomorrow"),
        ("can you do 9am PST?", "9am pst"),
        ("call me at 2 pacific time tomorrow", "at 2 pacific time tomorrow"),
    ],
)
def test_the_reply_keeps_the_whole_time_for_the_callback(text, meeting_time):
    assert classify(text).extracted["meeting_time"] == meeting_time


@pytest.mark.parametrize("text", ["suite 2a is ours", "we are in the 3rd building", "the 2 of us"])
def test_a_number_that_is_not_a_time_gives_none(text):
    assert "meeting_time" not in classify(text).extracted
