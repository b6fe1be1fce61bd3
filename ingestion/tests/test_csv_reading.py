"""Stage 1 reading: encodings, header variants, delimiters and quoting, end to end through the upload service."""

import codecs

import pytest
from django.core.files.storage import default_storage

from identity.models import Business, BusinessOwner, Persona, PersonaEmail, PersonaPhone
from ingestion.csvreader import HeaderMap, detect_delimiter, map_header
from ingestion.models import DataSource
from usdatabiz.core.models import StageFailure

from .factories import GOOD_ROWS, HEADER, csv_bytes, csv_text, row_with

ACCENTED_ROWS = [
    row_with(0, Company_Name="Café Roma", First_Name="José", Last_Name="Núñez"),
    row_with(1),
]


def _records_of(data_source: DataSource) -> dict[str, int]:
    source_file = data_source.source_file
    return {
        model.__name__: model.objects.filter(source_file=source_file).count()
        for model in (Business, Persona, PersonaPhone, PersonaEmail, BusinessOwner)
    }


NO_RECORDS = {"Business": 0, "Persona": 0, "PersonaPhone": 0, "PersonaEmail": 0, "BusinessOwner": 0}


def _file_failure(data_source: DataSource) -> StageFailure:
    failures = list(StageFailure.objects.filter(subject_id=data_source.pk))
    assert len(failures) == 1, [str(f) for f in failures]
    return failures[0]


# --- encodings -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        pytest.param(csv_text(ACCENTED_ROWS).encode("utf-8"), "utf-8", id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + csv_text(ACCENTED_ROWS).encode("utf-8"), "utf-8-sig", id="utf-8-bom"),
        pytest.param(codecs.BOM_UTF16_LE + csv_text(ACCENTED_ROWS).encode("utf-16-le"), "utf-16", id="utf-16-le"),
        pytest.param(codecs.BOM_UTF16_BE + csv_text(ACCENTED_ROWS).encode("utf-16-be"), "utf-16", id="utf-16-be"),
        pytest.param(csv_text(ACCENTED_ROWS).encode("cp1252"), "cp1252", id="cp1252-fallback"),
    ],
)
def test_supported_encodings_load_every_row_with_accents_intact(ingest, content, encoding):
    # given a two-row file with "Café Roma" / "José Núñez" in one of the supported encodings
    # when it is uploaded
    data_source = ingest(content)

    # then it completes, records the encoding and the schema, and the accented names survive
    assert data_source.status == DataSource.Status.COMPLETED
    assert data_source.error_code == ""
    assert data_source.encoding == encoding
    assert data_source.metadata["schema"]["encoding"] == encoding
    assert data_source.record_count == 2
    assert data_source.row_error_count == 0
    assert data_source.metadata["schema"]["columns"] == HEADER  # no BOM left in the first header name
    assert sorted(Business.objects.filter(source_file=data_source.source_file).values_list("name", flat=True)) == [
        "Bolt Electric LLC",
        "Café Roma",
    ]
    persona = Persona.objects.get(source_file=data_source.source_file, source_record_id=1)
    assert (persona.first_name, persona.last_name) == ("José", "Núñez")
    assert (persona.normalized_first_name, persona.normalized_last_name) == ("JOSE", "NUNEZ")


def test_cp1252_file_has_the_e_acute_as_byte_e9(ingest):
    # given a Windows export where "é" is the single byte 0xE9 (invalid as UTF-8)
    content = csv_text(ACCENTED_ROWS).encode("cp1252")
    assert b"Caf\xe9 Roma" in content
    with pytest.raises(UnicodeDecodeError):
        content.decode("utf-8")

    # when it is uploaded
    data_source = ingest(content)

    # then it falls back to cp1252 and keeps no failure from the first (UTF-8) attempt
    assert data_source.status == DataSource.Status.COMPLETED
    assert data_source.encoding == "cp1252"
    assert StageFailure.objects.filter(subject_id=data_source.pk).count() == 0
    assert Business.objects.get(source_file=data_source.source_file, source_record_id=1).name == "Café Roma"


def test_bytes_undecodable_in_utf8_and_cp1252_fail_the_file(ingest):
    # given a file with byte 0x81 (invalid UTF-8, undefined in Windows-1252)
    content = csv_bytes().replace(b"Bolt", b"B\x81lt")

    # when it is uploaded
    data_source = ingest(content)

    # then the file fails with CSV_PARSE_ERROR naming the byte, and keeps nothing
    assert data_source.status == DataSource.Status.FAILED
    assert data_source.error_code == "CSV_PARSE_ERROR"
    assert data_source.error_message == "The file is not valid UTF-8 or Windows-1252 text: byte 0x81 cannot be decoded."
    assert _records_of(data_source) == NO_RECORDS
    failure = _file_failure(data_source)
    assert (failure.stage, failure.code, failure.detail) == (1, "CSV_PARSE_ERROR", data_source.error_message)
    assert default_storage.exists(data_source.source_file)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml" + bytes(range(256)),
            "This is not a CSV file: it looks like a ZIP archive or an Excel workbook (.xlsx); "
            "export the sheet as CSV.",
            id="xlsx",
        ),
        pytest.param(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64),
            "This is not a CSV file: it looks like an old Excel workbook (.xls); export the sheet as CSV.",
            id="xls",
        ),
        pytest.param(
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
            "This is not a CSV file: it looks like a PDF document.",
            id="pdf",
        ),
        pytest.param(
            b"Company\x00Name\x00\x01\x02",
            "This is not a CSV file: it looks like binary data (NUL bytes) without a UTF-16 byte order mark.",
            id="nul-bytes",
        ),
        pytest.param(b"", "The file is empty.", id="empty"),
        pytest.param(b"\r\n\r\n   \r\n", "The file has no header row.", id="blank-lines-only"),
    ],
)
def test_binary_or_empty_files_fail_with_csv_parse_error(ingest, content, message):
    # given a file that is not CSV text
    # when it is uploaded
    data_source = ingest(content, name="export.xlsx")

    # then it fails with CSV_PARSE_ERROR and a message saying why, keeping no records but the original file
    assert data_source.status == DataSource.Status.FAILED
    assert data_source.error_code == "CSV_PARSE_ERROR"
    assert data_source.error_message == message
    assert data_source.record_count == 0
    assert _records_of(data_source) == NO_RECORDS
    assert _file_failure(data_source).code == "CSV_PARSE_ERROR"
    with default_storage.open(data_source.source_file, "rb") as stored:
        assert stored.read() == content


# --- headers ---------------------------------------------------------------------------------------------------------


def test_header_variants_in_any_order_map_to_fields_and_extra_columns_are_kept(ingest):
    # given a header in another order, with case, space and punctuation variants and two unknown columns
    header = [
        "SIC Code",
        "zip_code",
        "PHONE NUMBER",
        "Lead Source",
        "Street Address",
        "Company Name",
        "first name",
        "LAST_NAME",
        "State",
        "E-Mail Address",
        "Notes",
    ]
    rows = [
        [
            "1711",
            "78701",
            "512-555-0143",
            "Trade show",
            "1 Main St",
            "Acme Plumbing",
            "Jane",
            "Doe",
            "TX",
            "jane@acme.example",
            "call after 5",
        ],
        ["1731", "78702", "512-555-0187", "", "9 Oak Ave", "Bolt Electric", "John", "Smith", "TX", "", ""],
    ]

    # when it is uploaded
    data_source = ingest(csv_text(rows, header=header).encode())

    # then every variant maps to its field, the unknown columns are listed as extra and kept per row
    assert data_source.status == DataSource.Status.COMPLETED
    assert data_source.metadata["schema"]["mapping"] == {
        "sic_code": "SIC Code",
        "zip": "zip_code",
        "phone": "PHONE NUMBER",
        "address": "Street Address",
        "company_name": "Company Name",
        "first_name": "first name",
        "last_name": "LAST_NAME",
        "state": "State",
        "email": "E-Mail Address",
    }
    assert data_source.metadata["schema"]["extra"] == ["Lead Source", "Notes"]
    business = Business.objects.get(source_file=data_source.source_file, source_record_id=1)
    assert (business.name, business.address, business.zip5, business.sic_code, business.state) == (
        "Acme Plumbing",
        "1 Main St",
        "78701",
        "1711",
        "TX",
    )
    first = Persona.objects.get(source_file=data_source.source_file, source_record_id=1)
    assert (first.first_name, first.last_name) == ("Jane", "Doe")
    assert first.source_extra == {"Lead Source": "Trade show", "Notes": "call after 5"}
    assert first.phones.get().normalized_number == "5125550143"
    assert first.emails.get().email == "jane@acme.example"
    second = Persona.objects.get(source_file=data_source.source_file, source_record_id=2)
    assert second.source_extra == {}  # empty extra cells are not stored


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("Company Name", "company_name"),
        ("COMPANY", "company_name"),
        ("Business Name", "company_name"),
        ("First Name", "first_name"),
        ("FNAME", "first_name"),
        ("Last-Name", "last_name"),
        ("Phone Number", "phone"),
        ("PHONE NUMBER", "phone"),
        ("Telephone", "phone"),
        ("ZIP Code", "zip"),
        ("zip_code", "zip"),
        ("Postal Code", "zip"),
        ("Street Address", "address"),
        ("Address Line 1", "address"),
        ("SIC Code", "sic_code"),
        ("Primary SIC Code", "sic_code"),
        ("State", "state"),
        ("ST", "state"),
        ("Annual Revenue", "revenue"),
        ("Employee Count", "employees"),
        ("  Email  ", "email"),
    ],
)
def test_map_header_matches_common_spellings(name, field):
    # given a one-column header
    # when it is mapped
    header = map_header([name])

    # then the column is the canonical field, not an extra column
    assert header.fields == {field: 0}
    assert header.extras == {}


def test_map_header_reports_missing_required_fields_in_order():
    # given a header without phone and zip
    header: HeaderMap = map_header(["Company", "First Name", "Last Name", "State", "City"])

    # then those two are missing, in the order of the required list
    assert header.missing == ["phone", "zip"]


def test_full_name_column_stands_in_for_first_and_last_name(ingest):
    # given a file with one "Contact Name" column instead of first and last name
    header = ["Company", "Contact Name", "Phone", "State", "Zip"]
    rows = [
        ["Acme Plumbing", "Jane Doe", "512-555-0143", "TX", "78701"],
        ["Bolt Electric", "Smith, John", "512-555-0187", "TX", "78702"],
    ]

    # when it is uploaded
    data_source = ingest(csv_text(rows, header=header).encode())

    # then names are split from it
    assert data_source.status == DataSource.Status.COMPLETED
    names = list(
        Persona.objects.filter(source_file=data_source.source_file)
        .order_by("source_record_id")
        .values_list("first_name", "last_name")
    )
    assert names == [("Jane", "Doe"), ("John", "Smith")]


def test_missing_required_columns_fail_the_file_naming_them(ingest):
    # given a file without phone and zip columns
    header = ["Company Name", "First Name", "Last Name", "State", "City"]
    rows = [["Acme Plumbing", "Jane", "Doe", "TX", "Austin"]]

    # when it is uploaded
    data_source = ingest(csv_text(rows, header=header).encode())

    # then the file fails with MISSING_COLUMNS naming both, and nothing is kept
    assert data_source.status == DataSource.Status.FAILED
    assert data_source.error_code == "MISSING_COLUMNS"
    assert data_source.error_message == (
        "Required columns missing: phone, zip. The header has: Company Name, First Name, Last Name, State, City."
    )
    assert _records_of(data_source) == NO_RECORDS
    failure = _file_failure(data_source)
    assert (failure.stage, failure.code, failure.detail) == (1, "MISSING_COLUMNS", data_source.error_message)
    assert default_storage.exists(data_source.source_file)


def test_header_only_file_with_all_columns_completes_with_zero_rows(ingest):
    # given a file with the header and no data rows
    # when it is uploaded
    data_source = ingest(csv_bytes([]))

    # then it completes with nothing loaded and no failure
    assert data_source.status == DataSource.Status.COMPLETED
    assert data_source.record_count == 0
    assert _records_of(data_source) == NO_RECORDS
    assert StageFailure.objects.filter(subject_id=data_source.pk).count() == 0


def test_header_only_file_missing_columns_fails(ingest):
    # given a header-only file without a phone column
    content = csv_bytes([], header=["Company Name", "First Name", "Last Name", "State", "Zip"])

    # when it is uploaded
    data_source = ingest(content)

    # then it fails with MISSING_COLUMNS
    assert data_source.status == DataSource.Status.FAILED
    assert data_source.error_code == "MISSING_COLUMNS"
    assert data_source.error_message.startswith("Required columns missing: phone.")


@pytest.mark.parametrize(("newline", "label"), [("\r\n", "windows"), ("\n", "unix"), ("\r", "old-mac")])
def test_any_line_ending_loads(ingest, newline, label):
    # given the three good rows with ``newline`` line ends
    content = csv_text(GOOD_ROWS).replace("\r\n", newline).encode()

    # when it is uploaded
    data_source = ingest(content, name=f"{label}.csv")

    # then the three rows load
    assert data_source.status == DataSource.Status.COMPLETED
    assert data_source.record_count == 3
    assert Persona.objects.filter(source_file=data_source.source_file).count() == 3


# --- delimiters ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("delimiter", "label"), [("\t", "tab"), (";", "semicolon"), ("|", "pipe"), (",", "comma")])
def test_delimited_files_load_every_row(ingest, delimiter, label):
    # given the three good rows separated by ``delimiter`` (a row has a comma inside a value)
    rows = [row_with(0, Company_Name="Smith, Jones & Co"), GOOD_ROWS[1], GOOD_ROWS[2]]
    content = csv_bytes(rows, delimiter=delimiter)

    # when it is uploaded
    data_source = ingest(content, name=f"{label}.csv")

    # then the delimiter is detected and all rows load
    assert data_source.status == DataSource.Status.COMPLETED
    assert data_source.metadata["schema"]["delimiter"] == delimiter
    assert data_source.record_count == 3
    assert data_source.row_error_count == 0
    assert _records_of(data_source) == {
        "Business": 3,
        "Persona": 3,
        "PersonaPhone": 3,
        "PersonaEmail": 2,
        "BusinessOwner": 3,
    }
    assert Business.objects.get(source_file=data_source.source_file, source_record_id=1).name == "Smith, Jones & Co"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("a,b,c", ","),
        ("a\tb\tc", "\t"),
        ("a;b;c", ";"),
        ("a|b|c", "|"),
        ('"Name; with semicolon",b,c', ","),
        ("single", ","),
        ("a,b;c;d", ";"),
    ],
)
def test_detect_delimiter(line, expected):
    assert detect_delimiter(line) == expected


# --- quoting ---------------------------------------------------------------------------------------------------------


def test_quoted_commas_and_embedded_newlines_load(ingest):
    # given quoted cells with commas, doubled quotes and a line break inside
    rows = [
        row_with(0, Company_Name='Smith, Jones & "Sons", Inc.', Address="Suite 5\r\nBuilding B"),
        row_with(1, Title="Owner,\nPresident"),
        GOOD_ROWS[2],
    ]
    content = csv_bytes(rows)
    assert content.count(b"\n") == 6  # header + 3 rows + 2 embedded line breaks

    # when it is uploaded
    data_source = ingest(content)

    # then three logical rows load with the values intact (whitespace folded)
    assert data_source.status == DataSource.Status.COMPLETED
    assert data_source.record_count == 3
    assert data_source.row_error_count == 0
    business = Business.objects.get(source_file=data_source.source_file, source_record_id=1)
    assert business.name == 'Smith, Jones & "Sons", Inc.'
    assert business.normalized_name == "SMITH JONES AND SONS"
    assert business.address == "Suite 5 Building B"
    assert Persona.objects.get(source_file=data_source.source_file, source_record_id=2).title == "Owner, President"
    third = Persona.objects.get(source_file=data_source.source_file, source_record_id=3)
    assert (third.first_name, third.last_name) == ("Ana", "Lopez")


def test_unclosed_quote_fails_the_file_with_the_row_and_keeps_no_records(ingest):
    # given a file whose second data row opens a quote that is never closed
    good = csv_text([GOOD_ROWS[0]])
    bad = 'Bad Co,"Unclosed,Doe,Owner,512-555-0100,,1 Way,Austin,TX,78701,1711,1,1\r\n'
    rest = csv_text([GOOD_ROWS[1], GOOD_ROWS[2]]).split("\r\n", 1)[1]
    content = (good + bad + rest).encode()

    # when it is uploaded
    data_source = ingest(content)

    # then it fails with CSV_PARSE_ERROR at data row 2, keeps no record from the file, and keeps the file itself
    assert data_source.status == DataSource.Status.FAILED
    assert data_source.error_code == "CSV_PARSE_ERROR"
    assert data_source.error_message.startswith("Malformed CSV at data row 2 (line ")
    assert data_source.error_message.endswith("a quoted field is never closed (unclosed quote).")
    failure = _file_failure(data_source)
    assert (failure.code, failure.source_row, failure.source_file) == ("CSV_PARSE_ERROR", 2, data_source.source_file)
    assert _records_of(data_source) == NO_RECORDS
    assert Business.objects.filter(team=data_source.team).count() == 0
    assert data_source.rows_done == 0
    with default_storage.open(data_source.source_file, "rb") as stored:
        assert stored.read() == content


def test_text_after_a_closing_quote_fails_the_file(ingest):
    # given a cell like "Acme"Plumbing (strict quoting: a quote must be followed by the delimiter)
    content = (csv_text([GOOD_ROWS[0]]) + '"Acme"Plumbing,Jane,Doe,,5125550143,,,,TX,78701,1711,,\r\n').encode()

    # when it is uploaded
    data_source = ingest(content)

    # then the file fails at that row rather than guessing
    assert data_source.status == DataSource.Status.FAILED
    assert data_source.error_code == "CSV_PARSE_ERROR"
    assert data_source.error_message.startswith("Malformed CSV at data row 2")
    assert _records_of(data_source) == NO_RECORDS


def test_rows_with_the_wrong_number_of_fields_are_row_errors_and_the_rest_loads(ingest):
    # given a file whose row 2 is short and row 4 has an extra non-empty field; row 3 has extra empty fields
    rows = [GOOD_ROWS[0], ["Short Co", "Sam", "Short"], [*GOOD_ROWS[1], "", ""], [*GOOD_ROWS[2], "surprise"]]
    content = csv_bytes(rows)

    # when it is uploaded
    data_source = ingest(content)

    # then it completes; rows 2 and 4 are CSV_PARSE_ERROR row errors and only rows 1 and 3 load
    assert data_source.status == DataSource.Status.COMPLETED
    assert data_source.record_count == 4
    assert data_source.row_error_count == 2
    failures = list(StageFailure.objects.filter(subject_id=data_source.pk).order_by("source_row"))
    assert [(f.stage, f.code, f.source_row, f.source_file) for f in failures] == [
        (1, "CSV_PARSE_ERROR", 2, data_source.source_file),
        (1, "CSV_PARSE_ERROR", 4, data_source.source_file),
    ]
    assert failures[0].raw_value == "Short Co,Sam,Short"
    assert failures[0].detail == "Row 2 (line 3) has 3 fields; the header has 13. The row was skipped."
    assert failures[1].detail == "Row 4 (line 5) has 14 fields; the header has 13. The row was skipped."
    loaded = sorted(
        Persona.objects.filter(source_file=data_source.source_file).values_list("source_record_id", flat=True)
    )
    assert loaded == [1, 3]
    assert Business.objects.filter(name="Short Co").count() == 0
    assert data_source.loaded_count == 2


def test_blank_lines_are_skipped_and_not_counted(ingest):
    # given blank lines and a row of empty cells between data rows
    content = csv_text([GOOD_ROWS[0]]) + "\r\n,,,,,,,,,,,,\r\n\r\n" + csv_text([GOOD_ROWS[1]]).split("\r\n", 1)[1]

    # when it is uploaded
    data_source = ingest(content.encode())

    # then only the two real rows count, numbered 1 and 2
    assert data_source.status == DataSource.Status.COMPLETED
    assert data_source.record_count == 2
    assert sorted(
        Persona.objects.filter(source_file=data_source.source_file).values_list("source_record_id", flat=True)
    ) == [1, 2]
