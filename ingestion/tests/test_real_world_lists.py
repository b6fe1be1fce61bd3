"""Stages 1-2 on lists as real exports make them: damaged ZIPs, several phones or e-mails in a cell, full names with
titles, state spellings, notes above the header, a totals line below the rows, stray NULs, UTF-16 without a BOM.

Every good row loads; what cannot be used is a named failure the operator sees. Each rule holds on the Python path
and on the set-based SQL path (PostgreSQL).
"""

import codecs

import pytest
from django.db import connection

from identity.models import Business, Persona, PersonaEmail, PersonaPhone
from ingestion.csvreader import is_footer_row
from ingestion.models import DataSource
from usdatabiz.core.models import StageFailure

from .factories import GOOD_ROWS, HEADER, csv_bytes, csv_text, row_with

MODES = [
    "python",
    pytest.param(
        "sql",
        marks=pytest.mark.skipif(connection.vendor != "postgresql", reason="the set-based path is PostgreSQL-only"),
    ),
]
FULL_NAME_HEADER = ["Company Name", "Contact Name", "Phone", "Email", "State", "Zip"]


@pytest.fixture(params=MODES)
def mode(request, settings):
    settings.INGEST_NORMALIZE = request.param
    return request.param


def _failures(data_source: DataSource) -> list[tuple]:
    return list(
        StageFailure.objects.filter(subject_id=data_source.pk)
        .order_by("source_row", "code")
        .values_list("source_row", "code", "field")
    )


def _persona(data_source: DataSource, row: int) -> Persona:
    return Persona.objects.get(source_file=data_source.source_file, source_record_id=row)


def test_zip_codes_that_lost_their_zeros_or_were_protected_by_a_spreadsheet_load(ingest, mode):
    # given ZIPs as spreadsheets damage them, and two that cannot be a ZIP that lost its zeros
    zips = ["2134", "501", '="02134"', "'02134", "02134 - 1234", "2134 1234", "123", "9999"]
    rows = [row_with(0, Company_Name=f"Zip Co {i}", Zip=value) for i, value in enumerate(zips)]

    # when the file is loaded
    data_source = ingest(csv_bytes(rows))

    # then the damaged ZIPs are restored, and 00123 / 09999 (no ZIP starts 001 or 099) are INVALID_ZIP
    assert data_source.status == DataSource.Status.COMPLETED, data_source.error_message
    found = dict(Business.objects.filter(source_file=data_source.source_file).values_list("source_record_id", "zip5"))
    assert [found.get(row) for row in range(1, 7)] == ["02134", "00501", "02134", "02134", "02134", "02134"]
    assert Business.objects.get(source_file=data_source.source_file, source_record_id=5).zip4 == "1234"
    assert [(row, code) for row, code, _ in _failures(data_source)] == [(7, "INVALID_ZIP"), (8, "INVALID_ZIP")]
    assert StageFailure.objects.get(subject_id=data_source.pk, source_row=7).detail == "'123' is not a US ZIP code."


def test_every_valid_phone_of_a_cell_is_kept_on_its_persona_the_first_one_first(ingest, mode):
    # given phone cells holding two numbers, an extension, or only numbers that are not valid
    phones = [
        "512-555-0101 / 512-555-0199",
        "512-555-0101; 512-555-0199",
        "512-555-0101 or 512-555-0199",
        "512-555-0101 ext. 12",
        "555-0101 / 214-555-0111",
        "555-0101 / 555-0199",
        "512-555-0101 / 512-555-0101",
    ]
    rows = [row_with(0, Company_Name=f"Phone Co {i}", Phone=value) for i, value in enumerate(phones)]

    # when the file is loaded
    data_source = ingest(csv_bytes(rows))

    # then each row's persona has its valid numbers (once each) with the cell as written, and a cell with none fails
    found = {}
    for phone in PersonaPhone.objects.filter(source_file=data_source.source_file).select_related("persona"):
        assert phone.persona.source_record_id == phone.source_record_id
        assert phone.raw == phones[phone.source_record_id - 1]
        found.setdefault(phone.source_record_id, set()).add(phone.normalized_number)
    both = {"5125550101", "5125550199"}
    assert found == {1: both, 2: both, 3: both, 4: {"5125550101"}, 5: {"2145550111"}, 7: {"5125550101"}}
    assert _failures(data_source) == [(6, "INVALID_PHONE", "phone")]
    assert data_source.chunks.get().counts["phones"] == 9


def test_phone_cells_as_spreadsheets_and_exports_write_them_read_as_the_number(ingest, mode):
    # given one number written as exports and spreadsheets write it, and cells that hold no US number
    phones = [
        "512-555-0143 ext. 12",
        "(512) 555-0143 x12",
        "+1 512.555.0143",
        "5125550143.0",
        "5125550143.00",
        "5.125550143E9",
        " 512-555-0143 ",
        "'5125550143",
        '="5125550143"',
        "tel:+1-512-555-0143;ext=12",
        "512-555-0143 cell",
        "512-555-0143 - mobile",
        "Main: 512-555-0143 ext. 204 (office)",
        "512-555-0143 \u00d712",
        "5.12555E+09",
        "555-0143",
        "512-555-0143-9999",
    ]
    rows = [row_with(0, Company_Name=f"Phone Co {i}", Phone=value) for i, value in enumerate(phones)]

    # when the file is loaded
    data_source = ingest(csv_bytes(rows))

    # then each readable cell gives its persona 5125550143, kept with the cell as written (an extension stays in
    # ``raw`` only); a lossy scientific value, a 7-digit number and 14 digits are INVALID_PHONE as before
    found = {
        phone.source_record_id: (phone.normalized_number, phone.raw)
        for phone in PersonaPhone.objects.filter(source_file=data_source.source_file)
    }
    readable = len(phones) - 3
    assert found == {row: ("5125550143", phones[row - 1].strip()) for row in range(1, readable + 1)}
    assert _failures(data_source) == [(row, "INVALID_PHONE", "phone") for row in range(readable + 1, len(phones) + 1)]


def test_email_cells_as_lists_write_them_give_the_first_valid_address(ingest, mode):
    # given e-mail cells with a display name, spaces, punctuation, two addresses, a link, capitals
    emails = [
        "Jane Doe <Jane@Acme.example>",
        "  jane@acme.example  ",
        "jane@acme.example.",
        "jane@acme.example; bob@acme.example",
        "mailto:JANE@ACME.EXAMPLE",
        "JANE@ACME.EXAMPLE",
        "jane at acme",
    ]
    rows = [row_with(0, Company_Name=f"Mail Co {i}", Email=value) for i, value in enumerate(emails)]

    # when the file is loaded
    data_source = ingest(csv_bytes(rows))

    # then every row but the last has jane@acme.example; the last is INVALID_EMAIL and keeps its persona
    found = dict(
        PersonaEmail.objects.filter(source_file=data_source.source_file).values_list("source_record_id", "email")
    )
    assert found == dict.fromkeys(range(1, 7), "jane@acme.example")
    assert _failures(data_source) == [(7, "INVALID_EMAIL", "email")]
    assert _persona(data_source, 7).last_name == "Doe"


def test_full_names_with_titles_credentials_suffixes_and_capitals_read_as_first_and_last(ingest, mode):
    # given a list with one full-name column
    names = ["Dr. Jane A. Smith, MD", "Mr. JOHN DOE JR.", "Smith, John", "MARY O'BRIEN", "Ana Lopez"]
    rows = [
        [f"Name Co {i}", name, "(512) 555-0143", "", "TX", "78701"] for i, name in enumerate(names)
    ]  # fmt: skip

    # when the file is loaded
    data_source = ingest(csv_bytes(rows, header=FULL_NAME_HEADER))

    # then names read without honorifics or credentials, capitals in a readable case, match keys in capitals
    assert data_source.status == DataSource.Status.COMPLETED, data_source.error_message
    people = [
        (p.first_name, p.last_name, p.normalized_first_name, p.normalized_last_name)
        for p in Persona.objects.filter(source_file=data_source.source_file).order_by("source_record_id")
    ]
    assert people == [
        ("Jane A.", "Smith", "JANE A", "SMITH"),
        ("John", "Doe Jr.", "JOHN", "DOE"),
        ("John", "Smith", "JOHN", "SMITH"),
        ("Mary", "O'Brien", "MARY", "OBRIEN"),
        ("Ana", "Lopez", "ANA", "LOPEZ"),
    ]


def test_all_caps_first_and_last_name_columns_read_in_a_readable_case(ingest, mode):
    data_source = ingest(csv_bytes([row_with(0, First_Name="JANE", Last_Name="MCDONALD-SMITH")]))
    persona = _persona(data_source, 1)
    assert (persona.first_name, persona.last_name) == ("Jane", "McDonald-Smith")
    assert (persona.normalized_first_name, persona.normalized_last_name) == ("JANE", "MCDONALD SMITH")


def test_state_spellings_of_real_lists_are_known(ingest, mode):
    states = ["N. Carolina", "Calif.", "Penn", "NEW YORK", "texas.", "S. Dakota", "Nowhere"]
    rows = [row_with(0, Company_Name=f"State Co {i}", State=value) for i, value in enumerate(states)]
    data_source = ingest(csv_bytes(rows))
    found = dict(Persona.objects.filter(source_file=data_source.source_file).values_list("source_record_id", "state"))
    assert [found[row] for row in range(1, 8)] == ["NC", "CA", "PA", "NY", "TX", "SD", ""]
    assert _failures(data_source) == [(7, "UNKNOWN_STATE", "state")]


# --- the file around the rows ----------------------------------------------------------------------------------------


def test_notes_and_blank_lines_above_the_header_are_passed_over(ingest, mode):
    # given an export that starts with a title, a note with commas, and blank lines before its header
    preamble = 'USDataBiz Business List\r\n"Exported 2026-01-05, 3 records"\r\n\r\n,,,\r\nCriteria: SIC 17xx\r\n'
    content = (preamble + csv_text(GOOD_ROWS)).encode()

    # when it is loaded
    data_source = ingest(content)

    # then the header is found below the notes and every row loads, numbered from the header
    assert data_source.status == DataSource.Status.COMPLETED, data_source.error_message
    assert (data_source.record_count, data_source.loaded_count, data_source.row_error_count) == (3, 3, 0)
    assert data_source.metadata["schema"]["columns"] == HEADER
    assert _persona(data_source, 1).first_name == "Jane"
    assert _failures(data_source) == []


def test_a_file_without_a_header_in_its_first_lines_still_fails_naming_the_missing_columns(ingest):
    content = ("Some report\r\n" + csv_text(GOOD_ROWS, header=["Company", "Person", "Tel"])).encode()
    data_source = ingest(content)
    assert (data_source.status, data_source.error_code) == (DataSource.Status.FAILED, "MISSING_COLUMNS")
    # the line naming the most fields is taken for the header that lacks them
    assert data_source.error_message == (
        "Required columns missing: first_name, last_name, state, zip. The header has: Company, Person, Tel."
    )


@pytest.mark.parametrize(
    "footer",
    [
        ["Total: 1,234 records", *[""] * (len(HEADER) - 1)],
        ["Total: 1", "234 records", *[""] * (len(HEADER) - 2)],
        ["Grand Total", "3", *[""] * (len(HEADER) - 2)],
        ["3 records", *[""] * (len(HEADER) - 1)],
        ["Record count: 3", *[""] * (len(HEADER) - 1)],
    ],
    ids=["quoted", "split-by-its-comma", "grand-total", "n-records", "record-count"],
)
def test_a_totals_line_below_the_rows_is_a_named_row_error_and_no_business(ingest, mode, footer):
    # given three good rows and a totals line padded to the header's width
    data_source = ingest(csv_bytes([*GOOD_ROWS, footer]))

    # then the rows load and the totals line is a CSV_PARSE_ERROR that creates nothing
    assert data_source.status == DataSource.Status.COMPLETED, data_source.error_message
    assert (data_source.loaded_count, data_source.row_error_count) == (3, 1)
    assert _failures(data_source) == [(4, "CSV_PARSE_ERROR", "")]
    failure = StageFailure.objects.get(subject_id=data_source.pk)
    assert "totals or footer line" in failure.detail
    assert Business.objects.filter(source_file=data_source.source_file).count() == 3
    assert not Persona.objects.filter(source_file=data_source.source_file, source_record_id=4).exists()


@pytest.mark.parametrize(
    ("cells", "footer"),
    [
        (["Total: 1,234 records", "", ""], True),
        (["Total: 1", "234 records", ""], True),
        (["TOTAL RECORDS: 1234", "", ""], True),
        (["Totals", "12", "1135051"], True),
        (["Total", "", ""], True),
        (["Grand Total:", "3", ""], True),
        (["Records: 1,234", "", ""], True),
        (["1,234 records exported.", "", ""], True),
        (["Row count = 3", "", ""], True),
        (["End of report", "", ""], True),
        (["Total Plumbing", "", ""], False),
        (["Total Care LLC", "Jane", "Doe"], False),
        (["Total", "Jane", "Doe"], False),
        (["3 Rivers Plumbing", "", ""], False),
        (["12 Rows Farm", "", ""], False),
        (["End of the Road Cafe", "", ""], False),
        (["Acme", "Total: 3", ""], False),
        (["", "", ""], False),
    ],
)
def test_is_footer_row_knows_a_totals_line_from_a_record(cells, footer):
    assert is_footer_row(cells) is footer


def test_a_company_whose_name_starts_with_total_is_a_company(ingest, mode):
    data_source = ingest(
        csv_bytes([row_with(0, Company_Name="Total Plumbing 24"), row_with(1, Company_Name="Totally")])
    )
    assert (data_source.loaded_count, data_source.row_error_count) == (2, 0)


# --- bytes -----------------------------------------------------------------------------------------------------------


def test_stray_nul_bytes_in_the_files_head_are_removed_when_the_file_is_text(ingest, mode):
    # given a text file with NUL bytes in its header and first row
    content = csv_bytes([row_with(0, Company_Name="Acme\x00 Plumbing"), *GOOD_ROWS[1:]])
    content = content.replace(b"Company Name", b"Company\x00 Name", 1)
    assert content.index(b"\x00") < 4096

    # when it is loaded
    data_source = ingest(content)

    # then it loads without the NULs
    assert data_source.status == DataSource.Status.COMPLETED, data_source.error_message
    assert data_source.loaded_count == 3
    assert data_source.metadata["schema"]["columns"][0] == "Company Name"
    assert Business.objects.get(source_file=data_source.source_file, source_record_id=1).name == "Acme Plumbing"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_as_utf16(ingest, mode, codec):
    # given a UTF-16 file (as Excel's "Unicode text" writes it) whose byte order mark was lost
    rows = [row_with(0, Company_Name="Café Roma", First_Name="José"), *GOOD_ROWS[1:]]
    content = csv_text(rows).encode(codec)
    assert not content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))

    # when it is loaded
    data_source = ingest(content)

    # then every row loads with its accents
    assert data_source.status == DataSource.Status.COMPLETED, data_source.error_message
    assert (data_source.encoding, data_source.loaded_count) == (codec, 3)
    assert _persona(data_source, 1).first_name == "José"
    assert Business.objects.get(source_file=data_source.source_file, source_record_id=1).name == "Café Roma"


@pytest.mark.parametrize(
    "content",
    [
        bytes(range(256)) * 8,
        b"Company Name,Phone\r\n" + bytes([0, 1, 2, 3, 0, 0, 0, 0xFF, 0xFE, 0x10]) * 200,
    ],
    ids=["every-byte", "binary-after-a-text-line"],
)
def test_a_genuinely_binary_file_is_still_rejected_by_name(ingest, content):
    data_source = ingest(content)
    assert (data_source.status, data_source.error_code) == (DataSource.Status.FAILED, "CSV_PARSE_ERROR")
    assert data_source.error_message == (
        "This is not a CSV file: it looks like binary data (NUL bytes) without a UTF-16 byte order mark."
    )


# --- found by bench/ingest_probe.py --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "state_col", "zip_col", "phone_col"),
    [
        (
            ["Account Name", "First Name", "Last Name", "Phone", "Mailing State/Province", "Mailing Zip/Postal Code"],
            "Mailing State/Province",
            "Mailing Zip/Postal Code",
            "Phone",
        ),
        (
            ["Company name", "First Name", "Last Name", "Phone Number", "State/Region", "Postal Code"],
            "State/Region",
            "Postal Code",
            "Phone Number",
        ),
        (
            ["Company Name", "First Name", "Last Name", "Direct Phone Number", "Company State", "Company Zip Code"],
            "Company State",
            "Company Zip Code",
            "Direct Phone Number",
        ),
    ],
    ids=["salesforce", "hubspot", "zoominfo"],
)
def test_crm_export_headers_map_to_the_required_fields(ingest, mode, header, state_col, zip_col, phone_col):
    # given a CRM export naming its columns its own way ("Mailing Zip/Postal Code", "State/Region", "Company State")
    rows = [[f"Crm Co {i}", "Jane", "Doe", f"(512) 555-01{i:02d}", "MA", "02134"] for i in range(3)]

    # when it is loaded
    data_source = ingest(csv_bytes(rows, header=header))

    # then the file completes and those columns are the state, ZIP and phone
    assert data_source.status == DataSource.Status.COMPLETED, data_source.error_message
    mapping = data_source.metadata["schema"]["mapping"]
    assert (mapping["state"], mapping["zip"], mapping["phone"]) == (state_col, zip_col, phone_col)
    persona = _persona(data_source, 1)
    assert (persona.state, persona.zip5) == ("MA", "02134")
    assert list(PersonaPhone.objects.filter(persona_id=persona.pk).values_list("normalized_number", flat=True)) == [
        "5125550100"
    ]


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("Mailing State/Province", "state"),
        ("Billing Zip/Postal Code", "zip"),
        ("State/Region", "state"),
        ("Company Zip Code", "zip"),
        ("Company City", "city"),
        ("Direct Phone Number", "phone"),
        ("Work Email", "email"),
        ("SIC Code 1", "sic_code"),
    ],
)
def test_map_header_reads_prefixed_and_slashed_crm_names(name, field):
    from ingestion.csvreader import map_header

    assert map_header([name]).fields == {field: 0}


def test_map_header_reads_a_zoominfo_header_and_keeps_its_other_columns_as_extras():
    from ingestion.csvreader import map_header

    # given a ZoomInfo header: prefixed field names among columns that are no field
    names = ["Record ID", "Company Name", "Office Name", "Contact Owner", "Direct Phone Number", "Company Website",
             "Company State", "Company Zip Code", "Revenue (in 000s USD)", "Last Activity Date"]  # fmt: skip

    # when it is mapped
    header = map_header(names)

    # then the prefixed names are fields and the rest stay extras ("Office Name" is no person's name)
    assert header.fields == {"company_name": 1, "phone": 4, "state": 6, "zip": 7}
    assert list(header.extras) == [
        "Record ID",
        "Office Name",
        "Contact Owner",
        "Company Website",
        "Revenue (in 000s USD)",
        "Last Activity Date",
    ]


def test_a_header_repeated_below_the_rows_is_a_skipped_row_not_a_record(ingest, mode):
    # given two exports pasted one under the other: the second header is a line among the rows
    text = csv_text(GOOD_ROWS[:2]) + csv_text(GOOD_ROWS[2:])

    # when the file is loaded
    data_source = ingest(text.encode())

    # then the repeated header is a CSV_PARSE_ERROR row that creates nothing, and the rows around it load
    assert data_source.status == DataSource.Status.COMPLETED, data_source.error_message
    assert (data_source.loaded_count, data_source.row_error_count) == (3, 1)
    assert _failures(data_source) == [(3, "CSV_PARSE_ERROR", "")]
    assert "repeats the header" in StageFailure.objects.get(subject_id=data_source.pk).detail
    assert not Business.objects.filter(source_file=data_source.source_file, name="Company Name").exists()
    assert sorted(
        Persona.objects.filter(source_file=data_source.source_file).values_list("source_record_id", flat=True)
    ) == [1, 2, 4]


@pytest.mark.parametrize(
    ("content", "what"),
    [
        (b"<!DOCTYPE html>\n<html><body><table><tr><td>Acme</td></tr></table></body></html>\n", "a web page (HTML)"),
        (b"\xef\xbb\xbf<html>\r\n<head><title>Report</title></head>\r\n", "a web page (HTML)"),
        (b'<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">\n', "an XML"),
    ],
    ids=["html", "html-with-bom", "excel-xml"],
)
def test_a_web_page_or_xml_file_named_csv_is_a_parse_error_that_says_so(ingest, content, what):
    data_source = ingest(content)
    assert (data_source.status, data_source.error_code) == (DataSource.Status.FAILED, "CSV_PARSE_ERROR")
    assert data_source.error_message.startswith(f"This is not a CSV file: it looks like {what}")
