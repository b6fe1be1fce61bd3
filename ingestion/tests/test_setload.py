"""The set-based stage 2 (staging tables + SQL, ``setload``) gives exactly the Python path's records and failures."""

import random
import re
from collections import Counter

import pytest
from django.db import connection
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from identity.models import Business, BusinessOwner, Persona, PersonaEmail, PersonaPhone
from ingestion import chunks, setload
from ingestion.models import DataSource, IngestChunk
from usdatabiz.core.models import StageFailure

from .factories import csv_bytes

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the set-based path is PostgreSQL-only; run with DATABASE_URL=postgres://... to test it (CI does)",
)

HEADER = [
    "Company Name", "DBA", "First Name", "Last Name", "Full Name", "Title", "Email", "Phone", "Address", "City",
    "State", "Zip", "Employees", "Revenue", "Year Founded", "SIC Code", "Website", "Lead Source",
]  # fmt: skip

# Hard cells per column: accents, ZIP+4, state names and aliases, phones with extensions, letters and scientific
# notation, money ranges, blank fields, null markers, quoted commas, stray spaces, tabs, backslashes, NULs.
CELLS = {
    "Company Name": [
        "Acme Plumbing, Inc.", "ACME PLUMBING INC", "The Acme Plumbing Co", "Café Niño LLC", "Bolt & Sons L.L.C.",
        "X L P L L C", "A P A", "L P", "The", "THE THE CO", "Acme Plumbing Co Inc Ltd LLC", "  Acme   Plumbing  ",
        "", "N/A", "---", "O'Brien's Pub", "Smith `n` Co", "Straße GmbH", "東京商事", "Foo\tBar Corp",
        "Zoë's Café P.C.", "Widgets, Ltd.", "Acme Plumbing", "Bolt Electric LLC", "Q\\R Co", "P L L C Co",
        "Inc", "Co Co", "L L C", "Acme–Plumbing Inc", "\u00a0Acme Plumbing\u00a0",
    ],
    "DBA": ["", "Acme", "Café Acme", "  two  spaces ", "null", "#N/A"],
    "First Name": [
        "Jane", "", "José", "Mr. John", "MR", "Dr Mrs Ann", "Mary-Jane", "O'Neil", "  ana  ", "NA", "Zoë",
        "Prof", "Jean Jr", "jr", "Ms. Smith III", "\tTab", "Łukasz", "Dr. Maria", "DR. MARIA",
    ],
    "Last Name": [
        "Doe", "", "Núñez", "Smith Jr.", "Smith, III", "Van der Berg", "-", "O`Hara", "II", "Sr Jr", "Garcia, MD",
        "GARCIA, M.D.", "Nguyen, DO", "Tran Do", "Lee Ph.D.", "Doe, Jr., CPA", "MD",
    ],
    "Full Name": [
        "", "Doe, Jane", "Jane Q Doe", "Cher", "Núñez, José", " Smith ,  John ", "Mr John Smith Jr", ",",
        "Dr. Jane A. Smith, MD", "Mr. JOHN DOE JR.", "MARY O'BRIEN", "JOHN Smith", "J A Doe", "Ann Do Lee",
        "Doe, John, Jr.", "Jane Smith PhD", "mary-jane mcdonald",
    ],
    "Title": ["Owner", "", 'Owner "Big" \\ Boss\tII', "CEO, Founder", "Président", "none"],
    "Email": [
        "Jane@Acme.example", "", "mailto: bob@x.example", "not an email", "a..b@x.example", "josé@x.example",
        "x@y", "MAILTO:Ann@B.CO", " spaced@x.example ", "a@b-.example", "o'brien@x.example", "100%@x.example",
        "a@" + "b" * 64 + ".example", "x" * 65 + "@y.example", "Jane Doe <Jane@Acme.example>", "jane@acme.example.",
        "jane@acme.example; bob@acme.example", "<mailto:bob@x.example>", "bad; worse",
    ],
    "Phone": [
        "(512) 555-0143", "512.555.0187", "+1 214 555 0111", "5125550143", "15125550143", "5125550143.0",
        "5.125550143E9", "5.12555014E+09", "512-555-0143 x12", "512 555 0143 ext. 7", "1-800-FLOWERS",
        "tel: 512 555 0143",
        "512-555-0143 (cell)", "", "12", "0000000000", "2222222222", "911-555-0143", "512/555/0143",
        "５１２５５５０１４３", "512\u2013555\u20130143", "555-0143", "(416) 555-0143", "5125550143;", "#N/A", "()",
        "212 211 0143", "512555014", "+44 20 7946 0958", "512-555-0101 / 512-555-0199", "512-555-0101 or 214-555-0111",
        "555-0101 / 214-555-0111", "51255501015125550199", "512-555-0101 ext. 12; 512-555-0199",
    ],
    "Address": ["1 Main St", "", "3 Rue de l'Église", "PO Box 7, Suite 2", "  9   Oak  Ave "],
    "City": ["Austin", "", "São Paulo", "new  york", "NULL"],
    "State": [
        "TX", "tx", "Texas", "", "Washington D.C.", "Calif.", "N. Dak", "ZZ", "Puerto Rico", "Armed Forces Europe",
        "Tëxas", "  ca  ", "n/a", "Wash", "U.S. Virgin Islands", "N. Carolina", "CALIF.", "Penn", "so. dakota",
    ],
    "Zip": [
        "78701", "78702-1234", "787021234", "8668", "00000", "78701-0000", "78701 1234", "78701.0", "7870", "",
        "ABCDE", "０１２３４", "12345-678", "000001234", "12345678", "1234-5678", "2134", "501", "123", '="02134"',
        "'02134", "2134 - 1234",
    ],
    "Employees": ["12", "", "5-9", "1 to 4", "1,000+", "1,000-4,999", "99999999999", "-3", "10k", "2500"],
    "Revenue": [
        "$1,135,051", "900000", "", "$13.9M", "Less than $500,000", "2.5-5 Million", "1-2.5 Million", "$",
        "99999999999999999999", "(500)", "500kg", "12,34",
    ],
    "Year Founded": ["1998", "", "Est. 1998", "1599", "3000", "founded 2001", "１９９８", "19 98"],
    "SIC Code": ["1711", "", "742", "7389 - Business services", "0000", "17110000", "1711.0", "plumbing", "12"],
    "Website": ["", "acme.example", "https://café.example"],
    "Lead Source": ["", "Trade show, Zürich", '{"json": true} año', "a\\b"],
}  # fmt: skip

IGNORED = {
    "id", "team", "team_id", "created_at", "updated_at", "source_file", "persona", "persona_id", "business",
    "business_id", "run", "run_id", "subject_id",
}  # fmt: skip
_ID = re.compile(r"\b(biz|per|ph|em|bo|sf)_[0-9A-Z]{26}\b")


def _rows(model, source_file: str) -> list[dict]:
    fields = [f.attname for f in model._meta.concrete_fields if f.attname not in IGNORED]
    rows = model.objects.filter(source_file=source_file).values(*fields)
    # A row may give several records of a kind (the numbers of one phone cell): ordered by their values too.
    return sorted(rows, key=lambda row: (row["source_record_id"], repr(sorted(row.items()))))


def everything(data_source: DataSource) -> dict:
    """Every record and failure of a load, field by field, without generated ids, tenant and timestamps."""
    source_file = data_source.source_file
    failures = [
        {**failure, "detail": _ID.sub("<id>", failure["detail"])}
        for failure in StageFailure.objects.filter(subject_id=data_source.pk)
        .order_by("source_row", "code", "field")
        .values("stage", "code", "source_row", "field", "raw_value", "detail", "subject_type")
    ]
    return {
        "status": data_source.status,
        "error": (data_source.error_code, data_source.error_message),
        "counts": (data_source.record_count, data_source.loaded_count, data_source.row_error_count),
        "chunks": sorted(data_source.chunks.values_list("number", "counts")),
        "businesses": _rows(Business, source_file),
        "personas": _rows(Persona, source_file),
        "phones": _rows(PersonaPhone, source_file),
        "emails": _rows(PersonaEmail, source_file),
        "owners": _rows(BusinessOwner, source_file),
        "links": sorted(
            BusinessOwner.objects.filter(source_file=source_file).values_list(
                "source_record_id", "persona__source_record_id", "business__normalized_name", "business__zip5"
            )
        ),
        "phone_owners": sorted(
            PersonaPhone.objects.filter(source_file=source_file).values_list(
                "source_record_id", "persona__source_record_id"
            )
        ),
        "email_owners": sorted(
            PersonaEmail.objects.filter(source_file=source_file).values_list(
                "source_record_id", "persona__source_record_id"
            )
        ),
        "failures": failures,
    }


def load(ingest, settings, team, content: bytes, *, mode: str) -> DataSource:
    settings.INGEST_NORMALIZE = mode
    data_source = ingest(content, for_team=team)
    data_source.refresh_from_db()
    return data_source


def both(ingest, settings, team, other_team, content: bytes) -> tuple[dict, dict]:
    """Load ``content`` for one team through Python, for another through SQL (so they do not collide)."""
    with_python = everything(load(ingest, settings, team, content, mode="python"))
    with_sql = everything(load(ingest, settings, other_team, content, mode="sql"))
    return with_python, with_sql


def hard_rows(count: int, seed: int) -> list[list[str]]:
    rng = random.Random(seed)
    return [[rng.choice(CELLS[name]) for name in HEADER] for _ in range(count)]


def assert_same(with_python: dict, with_sql: dict) -> None:
    for kind in with_python:
        assert with_sql[kind] == with_python[kind], kind


def test_hard_rows_give_identical_records_and_failures(ingest, settings, team, other_team, monkeypatch):
    # given rows mixing every hard cell, in chunks of 40 rows written 15 at a time, so that businesses repeat
    # within a batch, across batches of a chunk and across chunks
    settings.INGEST_CHUNK_ROWS = 40
    monkeypatch.setattr(chunks, "WRITE_BATCH_ROWS", 15)
    settings_rows = hard_rows(300, seed=3)
    content = csv_bytes(settings_rows, header=HEADER)

    # when the file is loaded through both paths
    with_python, with_sql = both(ingest, settings, team, other_team, content)

    # then every record and failure is identical, field by field
    assert with_python["status"] == DataSource.Status.COMPLETED, with_python["error"]
    assert_same(with_python, with_sql)
    assert len(with_python["personas"]) > 200
    codes = {f["code"] for f in with_python["failures"]}
    assert {"UNKNOWN_STATE", "INVALID_ZIP", "INVALID_PHONE", "INVALID_EMAIL", "DUPLICATE_BUSINESS"} <= codes
    assert {"MISSING_SIC", "MISSING_VALUE"} <= codes


def test_sql_rules_of_zips_and_names_agree_with_python_when_not_remembered(
    ingest, settings, team, other_team, monkeypatch
):
    # given the SQL path taking the plain ZIPs and names itself instead of asking the worker's memos
    monkeypatch.setattr(setload, "_REMEMBERED", setload._REMEMBERED - {"zip", "name"})
    content = csv_bytes(hard_rows(120, seed=11), header=HEADER)

    # when the file is loaded through both paths
    with_python, with_sql = both(ingest, settings, team, other_team, content)

    # then ZIPs that lost their zeros and names in capitals went to Python: the records are the same
    assert_same(with_python, with_sql)


def test_sql_path_asks_python_for_unusual_and_repeating_values_only(ingest, settings, team, monkeypatch):
    # given the SQL path, with a record of the values handed to Python
    asked = []
    rule = setload._python_values

    def recording(kind, cell, **kwargs):
        asked.append((kind, cell))
        return rule(kind, cell, **kwargs)

    monkeypatch.setattr(setload, "_python_values", recording)
    rows = [
        ["Acme Plumbing Inc", "", "Jane", "Doe", "", "Owner", "jane@acme.example", "(512) 555-0143", "1 Main St",
         "Austin", "TX", "78701", "12", "$1,135,051", "1998", "1711", "", ""],
        ["Café Niño", "", "José", "Núñez", "", "Owner", "x@y.example", "1-800-FLOWERS", "1 Main St",
         "Austin", "TX", "78701-1234", "5-9", "$13.9M", "1998", "1711", "", ""],
    ]  # fmt: skip

    # when a file is loaded
    data_source = load(ingest, settings, team, csv_bytes(rows, header=HEADER), mode="sql")

    # then plain companies, phones, e-mails and addresses were normalized in SQL; the unusual ones went to Python,
    # with every distinct value of the fields that repeat down a list (names, titles, cities, states, ZIPs, ...)
    assert data_source.status == DataSource.Status.COMPLETED
    assert sorted(asked) == sorted(
        [
            ("company", "Café Niño"), ("phone", "1-800-FLOWERS"),
            ("first", "Jane"), ("last", "Doe"), ("first", "José"), ("last", "Núñez"), ("text", ""), ("text", "Owner"),
            ("text", "Austin"), ("zip", "78701"), ("zip", "78701-1234"), ("employees", "12"), ("employees", "5-9"),
            ("revenue", "$1,135,051"), ("revenue", "$13.9M"), ("state", "TX"), ("year", "1998"), ("sic", "1711"),
        ]
    )  # fmt: skip
    persona = Persona.objects.get(source_file=data_source.source_file, source_record_id=2)
    assert (persona.normalized_first_name, persona.normalized_last_name) == ("JOSE", "NUNEZ")
    business = Business.objects.get(source_file=data_source.source_file, source_record_id=1)
    assert (business.normalized_name, business.employees, business.revenue) == ("ACME PLUMBING", 12, 1135051)


def test_businesses_already_held_by_the_team_are_linked_as_duplicates(ingest, settings, team, other_team):
    # given each team already holds the first file's businesses (loaded through its own path)
    first = csv_bytes(hard_rows(60, seed=5), header=HEADER)
    second = csv_bytes(hard_rows(60, seed=6), header=HEADER)
    both(ingest, settings, team, other_team, first)

    # when a second file sharing businesses is loaded through both paths
    with_python, with_sql = both(ingest, settings, team, other_team, second)

    # then both link the same rows to the businesses already held, with the same failures
    assert_same(with_python, with_sql)
    assert any("already exists as <id>" in f["detail"] for f in with_sql["failures"])


def test_a_chunk_run_again_loads_nothing_twice(ingest, settings, team):
    # given a file loaded through the SQL path
    from ingestion.chunks import ingest_chunk_run

    settings.INGEST_CHUNK_ROWS = 25
    data_source = load(ingest, settings, team, csv_bytes(hard_rows(50, seed=8), header=HEADER), mode="sql")
    before = everything(data_source)
    chunk = data_source.chunks.get(number=1)

    # when its first chunk is delivered again
    IngestChunk.objects.filter(pk=chunk.pk).update(state="pending", lease_owner="", lease_expires_at=None)
    ingest_chunk_run(chunk_id=chunk.pk)

    # then nothing is loaded twice
    data_source.refresh_from_db()
    after = everything(data_source)
    for kind in ("businesses", "personas", "phones", "emails", "owners", "failures"):
        assert after[kind] == before[kind], kind


def test_setting_python_never_touches_the_staging_tables(ingest, settings, team, monkeypatch):
    # given the Python path chosen, with the SQL path made unusable
    def refuse(*args, **kwargs):
        raise AssertionError("the set-based path must not run when INGEST_NORMALIZE is python")

    monkeypatch.setattr(setload.SetLoader, "settle", refuse)

    # when a file is loaded
    data_source = load(ingest, settings, team, csv_bytes(hard_rows(10, seed=1), header=HEADER), mode="python")

    # then it completed through the Python path
    assert data_source.status == DataSource.Status.COMPLETED


_cell = st.one_of(
    st.sampled_from(sorted({c for cells in CELLS.values() for c in cells})),
    st.text(alphabet=st.sampled_from(list(" .,-()&'/+#xXeE0123456789ABCDINCLPTRaéß\u00a0\t")), max_size=14),
)


@hsettings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(_cell, min_size=len(HEADER), max_size=len(HEADER)), min_size=1, max_size=12))
def test_generated_rows_give_identical_records_and_failures(ingest, settings, team, other_team, rows):
    # given any rows of hard and random cells (a row left blank is left out: stage 1 skips blank lines)
    rows = [row for row in rows if "".join(row).strip(" \t\u00a0,")] or [CELLS["Company Name"][:1] * len(HEADER)]
    content = csv_bytes(rows, header=HEADER)

    # when they are loaded through both paths
    with_python, with_sql = both(ingest, settings, team, other_team, content)

    # then every record and failure is identical
    assert_same(with_python, with_sql)


# Columns naming a field another column names too, as CRM exports write them, and the column whose cells each takes.
REPEATED = {
    "Mobile Phone": "Phone",
    "Phone ": "Phone",
    "Email 2": "Email",
    "Personal Email": "Email",
    "Mailing State": "State",
    "Company": "Company Name",
}


def repeated_rows(count: int, seed: int) -> list[list[str]]:
    """Hard rows of ``HEADER`` + ``REPEATED``, the cells of repeated fields empty one time in three."""
    rng = random.Random(seed)
    repeated = {"Phone", "Email", "State", "Company Name"}

    def cell(name: str) -> str:
        if name in repeated and rng.random() < 1 / 3:
            return ""
        return rng.choice(CELLS[name])

    return [[cell(name) for name in (*HEADER, *REPEATED.values())] for _ in range(count)]


def test_repeated_phone_email_and_other_columns_give_identical_records_and_failures(
    ingest, settings, team, other_team, monkeypatch
):
    # given a file with two more phone columns (one named "Phone" again), two more e-mail columns, a second state
    # and a second company column, in chunks of 40 rows written 15 at a time
    settings.INGEST_CHUNK_ROWS = 40
    monkeypatch.setattr(chunks, "WRITE_BATCH_ROWS", 15)
    content = csv_bytes(repeated_rows(240, seed=5), header=[*HEADER, *REPEATED])

    # when the file is loaded through both paths
    with_python, with_sql = both(ingest, settings, team, other_team, content)

    # then every record and failure is identical, and rows do have several phones and e-mails
    assert with_python["status"] == DataSource.Status.COMPLETED, with_python["error"]
    assert_same(with_python, with_sql)
    phones_per_row = Counter(phone["source_record_id"] for phone in with_python["phones"])
    emails_per_row = Counter(email["source_record_id"] for email in with_python["emails"])
    assert max(phones_per_row.values()) >= 3
    assert max(emails_per_row.values()) >= 2
    codes = {f["code"] for f in with_python["failures"]}
    assert {"INVALID_PHONE", "INVALID_EMAIL", "UNKNOWN_STATE"} <= codes
    # and an INVALID_PHONE naming several cells was met
    assert any(f["detail"].startswith("No phone column") for f in with_python["failures"])
