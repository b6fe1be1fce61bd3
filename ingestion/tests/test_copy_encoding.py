"""COPY text built for PostgreSQL: the fast path and the escaping path give the same, correct text."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from identity.models import Persona, PersonaPhone
from ingestion.loader import FAILURE_COLUMNS, PERSONA_COLUMNS, PHONE_COLUMNS, CopyWriter
from usdatabiz.core.models import StageFailure

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


_TRICKY = st.text(alphabet=st.sampled_from(list("ab Z\t\n\r\\N{}\"'é\x1d\x1e\x1f\u2028")), max_size=6)


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            _TRICKY,  # first name
            st.one_of(st.none(), st.integers(min_value=0, max_value=10**9)),  # source row (nullable)
            st.one_of(st.just({}), st.dictionaries(_TRICKY, _TRICKY, max_size=2)),  # extra cells (JSON)
            st.one_of(st.none(), st.booleans()),  # is_valid (nullable)
            _TRICKY,  # failure detail
            st.one_of(st.none(), _TRICKY),  # run id (nullable)
        ),
        min_size=1,
        max_size=5,
    )
)
def test_encoded_text_is_the_escaping_formatters_text_for_any_values(rows):
    """Whatever the values hold, the chunk's COPY text is what escaping value by value gives."""
    writer = CopyWriter()
    personas = [persona_row(i, first=first, extra=extra) for i, (first, _, extra, _, _, _) in enumerate(rows)]
    personas = [(*p[:5], row[1], *p[6:]) for p, row in zip(personas, rows, strict=True)]
    phones = [
        (f"ph_{i}", "team_1", NOW, NOW, "raw/a.csv", row[1], f"per_{i}", row[0], "5125550143", "unknown", row[3])
        for i, row in enumerate(rows)
    ]
    failures = [
        (f"sf_{i}", "team_1", NOW, NOW, 2, "INVALID_PHONE", row[5], "ingestion.datasource", "ds_1", "raw/a.csv",
         row[1], "phone", row[0], row[4])
        for i, row in enumerate(rows)
    ]  # fmt: skip
    for model, columns, table_rows in (
        (Persona, PERSONA_COLUMNS, personas),
        (PersonaPhone, PHONE_COLUMNS, phones),
        (StageFailure, FAILURE_COLUMNS, failures),
    ):
        _, text, count = writer.encode(model, columns, table_rows)
        assert count == len(rows)
        assert text.decode() == "".join(map(writer._formatter(model, columns)[0], table_rows))
