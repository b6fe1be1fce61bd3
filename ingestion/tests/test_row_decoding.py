"""Files that are mostly UTF-8 with a few rows saved as Windows-1252 are read row by row (issue 10)."""

import codecs
import os

import pytest
from django.core.files.storage import default_storage

from identity.models import Business, Persona
from ingestion import services
from ingestion.models import DataSource
from usdatabiz.core.models import StageFailure

from .factories import GOOD_ROWS, csv_text, row_with, upload


def _mixed(rows_utf8: list, legacy_index: int) -> bytes:
    """The rows as UTF-8, except the row at ``legacy_index`` saved as Windows-1252."""
    lines = csv_text(rows_utf8).split("\r\n")
    out = []
    for i, line in enumerate(lines):
        out.append(line.encode("cp1252") if i == legacy_index + 1 else line.encode("utf-8"))
    return b"\r\n".join(out)


def test_a_windows_1252_row_in_a_utf8_file_is_read_alone_and_named(ingest):
    # given a UTF-8 file with "Café Roma" (valid UTF-8) and one row saved by Windows as "Niño Bakery"
    rows = [
        row_with(0, Company_Name="Café Roma", First_Name="José"),
        row_with(1, Company_Name="Niño Bakery", First_Name="Zoë"),
        GOOD_ROWS[2],
    ]
    content = _mixed(rows, legacy_index=1)
    assert "Café".encode() in content
    assert b"Ni\xf1o" in content

    # when it is uploaded
    data_source = ingest(content)

    # then UTF-8 stays UTF-8 (no "CafÃ©") and the other row is read as Windows-1252, with a warning on that row
    assert data_source.status == DataSource.Status.COMPLETED
    assert data_source.encoding == "utf-8"
    names = dict(Business.objects.filter(source_file=data_source.source_file).values_list("source_record_id", "name"))
    assert names == {1: "Café Roma", 2: "Niño Bakery", 3: "Cedar Roofing Co"}
    assert Persona.objects.get(source_file=data_source.source_file, source_record_id=2).first_name == "Zoë"
    warning = StageFailure.objects.get(subject_id=data_source.pk)
    assert (warning.stage, warning.code, warning.source_row) == (1, "ENCODING_FALLBACK", 2)
    assert warning.detail == "Row 2 (line 3) is not UTF-8 (byte 0xf1); it was read as Windows-1252."
    # and a warning is not a row error: the row loaded
    assert (data_source.row_error_count, data_source.loaded_count) == (0, 3)


def test_a_windows_1252_row_far_into_the_file_is_read_by_its_own_chunk(team, settings):
    # given a UTF-8 file (its first row says "Café") cut into chunks of 2 rows, whose 5th row is Windows-1252
    settings.INGEST_CHUNK_ROWS = 2
    rows = [row_with(i % 3, Company_Name=f"Café {i}", Zip=f"7870{i}") for i in range(6)]
    rows[4] = row_with(1, Company_Name="Crème Brûlée Co", Zip="78709")
    data_source = services.data_source_create(team=team, file=upload(_mixed(rows, legacy_index=4)))
    data_source.refresh_from_db()

    # then the chunk of rows 5-6 decoded it row by row too
    assert data_source.status == DataSource.Status.COMPLETED
    assert Business.objects.get(source_file=data_source.source_file, source_record_id=5).name == "Crème Brûlée Co"
    assert list(StageFailure.objects.filter(subject_id=data_source.pk).values_list("code", "source_row")) == [
        ("ENCODING_FALLBACK", 5)
    ]


def test_a_file_without_any_utf8_is_windows_1252_without_warnings(ingest):
    content = csv_text([row_with(0, Company_Name="Café Roma"), GOOD_ROWS[1]]).encode("cp1252")
    data_source = ingest(content)
    assert (data_source.status, data_source.encoding) == (DataSource.Status.COMPLETED, "cp1252")
    assert StageFailure.objects.filter(subject_id=data_source.pk).count() == 0
    assert Business.objects.get(source_file=data_source.source_file, source_record_id=1).name == "Café Roma"


def test_a_row_valid_in_neither_encoding_fails_the_file_saying_so(ingest):
    # given a mostly UTF-8 file with byte 0x81 in a row (not UTF-8, not Windows-1252)
    content = _mixed([row_with(0, Company_Name="Café Roma"), GOOD_ROWS[1]], legacy_index=1).replace(b"Bolt", b"B\x81lt")
    data_source = ingest(content)
    assert data_source.status == DataSource.Status.FAILED
    assert data_source.error_code == "CSV_PARSE_ERROR"
    assert data_source.error_message == "The file is not valid UTF-8 or Windows-1252 text: byte 0x81 cannot be decoded."
    assert "retry" not in data_source.error_message


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_a_utf16_file_is_read_in_chunks_too(team, settings, bom):
    settings.INGEST_CHUNK_ROWS = 2
    codec = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
    rows = [row_with(i % 3, Company_Name=f"Café {i}", Zip=f"7870{i}") for i in range(5)]
    data_source = services.data_source_create(team=team, file=upload(bom + csv_text(rows).encode(codec)))
    data_source.refresh_from_db()
    assert (data_source.status, data_source.encoding, data_source.chunks.count()) == ("completed", "utf-16", 3)
    names = sorted(Business.objects.filter(source_file=data_source.source_file).values_list("name", flat=True))
    assert names == [f"Café {i}" for i in range(5)]


def test_a_stored_file_that_cannot_be_read_says_so(team):
    # given an upload whose stored file became unreadable (here: a folder where the file was)
    data_source = services.data_source_create(team=team, file=upload(csv_text(GOOD_ROWS).encode()), start=False)
    path = default_storage.path(data_source.source_file)
    os.remove(path)
    os.mkdir(path)

    # when stage 1 runs
    data_source = services.data_source_ingest(data_source_id=data_source.pk)

    # then the error says the file cannot be read and to upload it again, not to retry
    assert data_source.status == DataSource.Status.FAILED
    assert data_source.error_code == "FILE_UNREADABLE"
    assert data_source.error_message.startswith("The stored file cannot be read (IsADirectoryError")
    assert data_source.error_message.endswith("Nothing from the file was kept; upload the file again.")
