"""Stage 2 against what real files and re-runs bring: rows whose record already holds a business, long names, odd bytes.

The business of a row is settled by ``INSERT ... ON CONFLICT DO NOTHING``; the insert can be refused by the key
(team, normalized name, ZIP) or by the row's own trace (source file, source row). Whichever refuses it, the row is
linked to the business that holds it, or gets a named row error; nothing else of the row or the file is lost.
"""

import pytest

from identity.models import Business, BusinessOwner, Persona, PersonaPhone
from ingestion import services
from ingestion.loader import businesses_upsert, writer_for_connection
from ingestion.models import DataSource, IngestChunk
from ingestion.tests.factories import business_candidate
from usdatabiz.core.models import StageFailure

from .factories import GOOD_ROWS, HEADER, csv_bytes, row_with, upload


def _failures(data_source: DataSource, code: str | None = None) -> list[tuple]:
    found = StageFailure.objects.filter(subject_id=data_source.pk)
    if code:
        found = found.filter(code=code)
    return list(found.order_by("source_row", "code").values_list("code", "source_row", "field"))


@pytest.mark.parametrize("use_copy", [True, False], ids=["copy", "orm"])
def test_upsert_names_a_holder_for_a_candidate_refused_by_its_source_row(team, settings, use_copy):
    # given row 1 of raw/a.csv already loaded as ACME at 78701
    writer = writer_for_connection(use_copy)
    first = businesses_upsert(writer, [business_candidate(team, "Acme", 1)], team_id=team.pk)

    # when the same source row offers another key (the record was loaded before with other values)
    again = businesses_upsert(writer, [business_candidate(team, "Bolt", 1, zip5="78702")], team_id=team.pk)

    # then no business is added, and the new key names the business its source row already holds
    assert Business.objects.filter(team=team).count() == 1
    holder = again["BOLT\t78702"]
    assert (holder.id, holder.source_file, holder.source_row) == first["ACME\t78701"][:3]
    assert holder.key == "ACME\t78701"


def test_a_chunk_run_again_after_its_business_was_edited_links_the_row_and_keeps_the_file(team, settings):
    # given a 3-row file whose chunk committed its businesses, then its worker died before its records ...
    settings.INGEST_CHUNK_ROWS = 3
    data_source = services.data_source_create(team=team, file=upload(csv_bytes()), start=False)
    services.data_source_ingest(data_source_id=data_source.pk)
    services.data_source_normalize(data_source_id=data_source.pk)
    source_file = data_source.source_file
    for model in (BusinessOwner, PersonaPhone, Persona):
        model.objects.filter(source_file=source_file).delete()
    StageFailure.objects.filter(subject_id=data_source.pk, stage=2).delete()
    DataSource.objects.filter(pk=data_source.pk).update(status=DataSource.Status.PROCESSING)
    IngestChunk.objects.filter(data_source=data_source).update(state="pending")
    # ... and meanwhile an admin corrected row 2's business (its name and ZIP no longer match the row)
    edited = Business.objects.get(source_file=source_file, source_record_id=2)
    Business.objects.filter(pk=edited.pk).update(normalized_name="BOLT ELECTRICAL", zip5="78799")

    # when the chunk runs again
    services.data_source_normalize(data_source_id=data_source.pk)

    # then the file completes with every row; row 2 is linked to the business its record holds, with a row error
    data_source.refresh_from_db()
    assert (data_source.status, data_source.error_code) == (DataSource.Status.COMPLETED, "")
    assert sorted(Persona.objects.filter(source_file=source_file).values_list("source_record_id", flat=True)) == [
        1,
        2,
        3,
    ]
    assert Business.objects.filter(team=team).count() == 3
    assert BusinessOwner.objects.get(source_file=source_file, source_record_id=2).business_id == edited.pk
    assert _failures(data_source, "DUPLICATE_BUSINESS") == [("DUPLICATE_BUSINESS", 2, "company_name")]
    detail = StageFailure.objects.get(subject_id=data_source.pk, code="DUPLICATE_BUSINESS").detail
    assert detail == (
        f"Row 2 of this file is already loaded as {edited.pk} ('BOLT ELECTRICAL' at ZIP '78799'), not as "
        "'BOLT ELECTRIC' at ZIP '78702'; the row is linked to it."
    )


def test_a_company_name_longer_than_the_column_loads_and_dedupes(ingest):
    # given two rows of one business whose name is longer than the 255 characters a name keeps
    long_name = "Acme " + "Plumbing and Heating " * 15 + "Inc"
    rows = [row_with(0, Company_Name=long_name), row_with(1, Company_Name=long_name, Zip="78701")]

    # when the file is loaded
    data_source = ingest(csv_bytes(rows))

    # then both rows load, linked to one business (row 2 a DUPLICATE_BUSINESS), the file is not failed
    assert (data_source.status, data_source.error_code) == (DataSource.Status.COMPLETED, "")
    business = Business.objects.get(source_file=data_source.source_file)
    assert len(business.normalized_name) == 255
    assert _failures(data_source, "DUPLICATE_BUSINESS") == [("DUPLICATE_BUSINESS", 2, "company_name")]
    assert set(BusinessOwner.objects.filter(source_file=data_source.source_file).values_list("business_id", flat=True))
    assert Persona.objects.filter(source_file=data_source.source_file).count() == 2


def test_a_nul_byte_in_a_cell_past_the_files_head_does_not_fail_the_file(ingest):
    # given 80 good rows, then a row whose company and first name hold a NUL byte (a truncated export), past
    # the first 4 KB that decide whether a file is binary
    rows = [row_with(i % 3, Company_Name=f"Company {i}", Zip=f"{78000 + i:05d}") for i in range(80)]
    rows.append(row_with(1, Company_Name="Bolt\x00 Electric LLC", First_Name="Jo\x00hn"))
    content = csv_bytes(rows)
    assert content.index(b"\x00") > 4096

    # when the file is loaded
    data_source = ingest(content)

    # then every row loads, with the NUL removed (PostgreSQL text cannot hold one)
    assert (data_source.status, data_source.error_code) == (DataSource.Status.COMPLETED, ""), data_source.error_message
    assert data_source.loaded_count == 81
    assert Business.objects.get(source_file=data_source.source_file, source_record_id=81).name == "Bolt Electric LLC"
    assert Persona.objects.get(source_file=data_source.source_file, source_record_id=81).first_name == "John"


def test_a_stray_nul_byte_in_the_files_head_of_a_text_file_is_removed(ingest):
    # given a text file with one NUL byte in its first 4 KB (binary files are still refused: test_real_world_lists)
    data_source = ingest(csv_bytes([GOOD_ROWS[0], row_with(1, Company_Name="Bolt\x00 Electric LLC")]))
    assert (data_source.status, data_source.error_code) == (DataSource.Status.COMPLETED, "")
    assert Business.objects.get(source_file=data_source.source_file, source_record_id=2).name == "Bolt Electric LLC"


def test_a_bom_crlf_file_with_spaced_header_quoted_newlines_and_ragged_rows(ingest):
    # given a UTF-8 file with a byte order mark, CRLF line ends, a header in odd case with spaces, a quoted
    # newline in an address, a row with one cell too many and a row with one too few
    header = [f"  {name.upper()} " for name in HEADER]
    too_long = [*row_with(1, Company_Name="Extra Cell Co"), "surplus"]
    too_short = row_with(2, Company_Name="Short Row Co")[:-1]
    rows = [row_with(0, Address="Suite 5\r\nBuilding B"), too_long, too_short, row_with(2)]
    content = b"\xef\xbb\xbf" + csv_bytes(rows, header=header)

    # when the file is loaded
    data_source = ingest(content)

    # then the good rows load, the quoted newline is kept in one address, the ragged rows are named row errors
    assert data_source.status == DataSource.Status.COMPLETED, data_source.error_message
    assert data_source.record_count == 4
    loaded = dict(Persona.objects.filter(source_file=data_source.source_file).values_list("source_record_id", "id"))
    assert sorted(loaded) == [1, 4]
    first = Business.objects.get(source_file=data_source.source_file, source_record_id=1)
    assert first.address == "Suite 5 Building B"
    ragged = _failures(data_source, "CSV_PARSE_ERROR")
    assert [row for _, row, _ in ragged] == [2, 3]


@pytest.mark.parametrize(
    ("content", "status"),
    [(b"", DataSource.Status.FAILED), (csv_bytes([]), DataSource.Status.COMPLETED)],
    ids=["empty", "header-only"],
)
def test_an_empty_or_header_only_file_never_crashes(ingest, content, status):
    data_source = ingest(content)
    assert data_source.status == status
    assert data_source.error_code == ("CSV_PARSE_ERROR" if status == DataSource.Status.FAILED else "")
    assert Persona.objects.filter(source_file=data_source.source_file).count() == 0
