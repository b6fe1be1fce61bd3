"""COPY text built for PostgreSQL: the fast path and the escaping path give the same, correct text."""

import datetime

import pytest

from identity.models import Persona
from ingestion.loader import PERSONA_COLUMNS, CopyWriter

NOW = datetime.datetime(2026, 11, 28, 12, 0, tzinfo=datetime.UTC)


def persona_row(number, first="John", last="Smith", extra=None):
    return (f"per_{number}", "team_1", NOW, NOW, "raw/a.csv", number, first, last, first.upper(), last.upper(), "CEO",
            "TX", "78701", extra or {})  # fmt: skip


def fields(text: bytes) -> list[list[str]]:
    return [line.split("\t") for line in text.decode().split("\n") if line]


def test_clean_rows_take_the_fast_path_and_match_the_escaping_formatter():
    writer = CopyWriter()
    rows = [persona_row(1), persona_row(2, extra={"Website": "acme.com"})]
    _, text, count = writer.encode(Persona, PERSONA_COLUMNS, rows)
    formatter = writer._formatter(Persona, PERSONA_COLUMNS)[0]
    assert count == 2
    assert text.decode() == "".join(map(formatter, rows))
    first = fields(text)[0]
    assert first[:3] == ["per_1", "team_1", "2026-11-28T12:00:00+00:00"]
    assert first[13] == "{}"
    assert "\\N" in first  # merged_into and friends are NULL


@pytest.mark.parametrize(
    ("extra", "encoded"),
    [
        ({"City": "Zürich"}, '{"City": "Zürich"}'),  # non-ASCII as it is: no backslash, the fast path
        ({"Note": 'say "hi"'}, '{"Note": "say \\\\"hi\\\\""}'),  # JSON's escapes, their backslashes doubled
        ({"Note": "tab\there"}, '{"Note": "tab\\\\there"}'),
    ],
)
def test_json_columns_in_both_paths(extra, encoded):
    writer = CopyWriter()
    rows = [persona_row(1), persona_row(2, extra=extra)]
    _, text, _ = writer.encode(Persona, PERSONA_COLUMNS, rows)
    assert text.decode() == "".join(map(writer._formatter(Persona, PERSONA_COLUMNS)[0], rows))
    assert fields(text)[1][13] == encoded


@pytest.mark.parametrize(
    ("value", "encoded"),
    [
        ("Jo\thn", "Jo\\thn"),
        ("a\\b", "a\\\\b"),
        ("line\nbreak", "line\\nbreak"),
        ("cr\rx", "cr\\rx"),
        ("x\\N", "x\\\\N"),
        ("\x1fsep", "\x1fsep"),
    ],
)
def test_a_value_needing_escapes_sends_the_chunk_through_the_escaping_path(value, encoded):
    writer = CopyWriter()
    _, text, _ = writer.encode(Persona, PERSONA_COLUMNS, [persona_row(1), persona_row(2, first=value)])
    rows = fields(text)
    assert len(rows) == 2
    assert rows[1][6] == encoded
    assert len(rows[0]) == len(rows[1])
