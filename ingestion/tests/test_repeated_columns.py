"""Stage 2 on files where several columns name one field, as CRM and data-vendor exports write them: "Phone" and
"Mobile Phone" (Salesforce), "Work Phone" and "Cell Phone", the header "Phone Number" twice, "Email" and "Email 2".

Every phone and e-mail column is read, each valid value stored once; a field the persona holds one of takes the
first non-empty column. Each rule holds on the Python path and on the set-based SQL path (PostgreSQL).
"""

import pytest
from django.db import connection

from identity.models import Persona, PersonaEmail, PersonaPhone
from ingestion.models import DataSource
from usdatabiz.core.models import StageFailure

from .factories import csv_bytes

MODES = [
    "python",
    pytest.param(
        "sql",
        marks=pytest.mark.skipif(connection.vendor != "postgresql", reason="the set-based path is PostgreSQL-only"),
    ),
]
SALESFORCE = ["Account Name", "First Name", "Last Name", "Phone", "Mobile Phone", "Mailing State", "Mailing Zip"]


@pytest.fixture(params=MODES)
def mode(request, settings):
    settings.INGEST_NORMALIZE = request.param
    return request.param


def _phones(data_source: DataSource, row: int) -> list[tuple[str, str]]:
    """(number, raw) of a row's phones, in the order they were made (ids grow)."""
    return list(
        PersonaPhone.objects.filter(source_file=data_source.source_file, source_record_id=row)
        .order_by("id")
        .values_list("normalized_number", "raw")
    )


def _emails(data_source: DataSource, row: int) -> set[str]:
    return set(
        PersonaEmail.objects.filter(source_file=data_source.source_file, source_record_id=row).values_list(
            "email", flat=True
        )
    )


def _failures(data_source: DataSource, code: str) -> list[tuple]:
    return list(
        StageFailure.objects.filter(subject_id=data_source.pk, code=code)
        .order_by("source_row")
        .values_list("source_row", "raw_value", "detail")
    )


def test_salesforce_phone_and_mobile_phone_are_both_read(ingest, mode):
    # given a Salesforce contacts export: "Phone" empty on row 1, both numbers on row 2, "Mobile Phone" empty on row 3
    rows = [
        ["Acme Plumbing", "Jane", "Doe", "", "(737) 555-0300", "TX", "78701"],
        ["Bolt Electric", "John", "Roe", "(512) 555-0201", "(737) 555-0301", "TX", "78701"],
        ["Cedar Dental", "Ann", "Lee", "(512) 555-0202", "", "TX", "78701"],
    ]

    # when the file is loaded
    data_source = ingest(csv_bytes(rows, header=SALESFORCE))

    # then no row is INVALID_PHONE: each has the numbers of both columns, each phone's raw its own cell
    assert data_source.status == DataSource.Status.COMPLETED, data_source.error_message
    assert _failures(data_source, "INVALID_PHONE") == []
    assert _phones(data_source, 1) == [("7375550300", "(737) 555-0300")]
    assert set(_phones(data_source, 2)) == {("5125550201", "(512) 555-0201"), ("7375550301", "(737) 555-0301")}
    assert _phones(data_source, 3) == [("5125550202", "(512) 555-0202")]
    # and the mobile column is read, not an extra column kept aside
    persona = Persona.objects.get(source_file=data_source.source_file, source_record_id=2)
    assert "Mobile Phone" not in persona.source_extra
    assert data_source.metadata["schema"]["repeated"] == {"phone": ["Mobile Phone"]}


def test_the_first_phone_column_holding_a_number_gives_the_first_phone(ingest, mode):
    # given both columns valid on rows 1-2 (row 2's second cell holding two numbers), the first invalid on row 3
    rows = [
        ["Bolt Electric", "John", "Roe", "512-555-0201", "737-555-0301", "TX", "78701"],
        ["Cedar Dental", "Ann", "Lee", "737-555-0302", "512-555-0202 / 214-555-0102", "TX", "78701"],
        ["Acme Plumbing", "Jane", "Doe", "555-0203", "737-555-0303", "TX", "78701"],
    ]

    # when the file is loaded
    data_source = ingest(csv_bytes(rows, header=SALESFORCE))

    # then a row's phones are made in their columns' order: the first column's number first when it is valid
    assert [number for number, _raw in _phones(data_source, 1)] == ["5125550201", "7375550301"]
    assert [number for number, _raw in _phones(data_source, 2)] == ["7375550302", "5125550202", "2145550102"]
    assert _phones(data_source, 3) == [("7375550303", "737-555-0303")]


def test_a_repeated_phone_number_header_with_the_first_empty_reads_the_second(ingest, mode):
    # given two columns both named "Phone Number", the first empty on row 1
    header = ["Company Name", "First Name", "Last Name", "Phone Number", "Phone Number", "State", "ZIP Code"]
    rows = [
        ["Acme Plumbing", "Jane", "Doe", "", "737-555-0900", "TX", "78701"],
        ["Bolt Electric", "John", "Roe", "512-555-0901", "512-555-0901", "TX", "78701"],
    ]

    # when the file is loaded
    data_source = ingest(csv_bytes(rows, header=header))

    # then row 1 has the second column's number, and a number in both columns is stored once
    assert data_source.status == DataSource.Status.COMPLETED, data_source.error_message
    assert _failures(data_source, "INVALID_PHONE") == []
    assert _phones(data_source, 1) == [("7375550900", "737-555-0900")]
    assert _phones(data_source, 2) == [("5125550901", "512-555-0901")]


def test_work_and_cell_phone_both_valid_give_two_phones(ingest, mode):
    # given "Work Phone" and "Cell Phone", the cell holding two numbers, one of them the work number
    header = ["Company Name", "First Name", "Last Name", "Work Phone", "Cell Phone", "State", "ZIP Code"]
    rows = [
        ["Acme Plumbing", "Jane", "Doe", "512 555 0143", "737.555.0144", "TX", "78701"],
        ["Bolt Electric", "John", "Roe", "512 555 0145", "737-555-0146 / 512 555 0145", "TX", "78701"],
    ]

    # when the file is loaded
    data_source = ingest(csv_bytes(rows, header=header))

    # then each row has both numbers, each once, with the cell it came from
    assert set(_phones(data_source, 1)) == {("5125550143", "512 555 0143"), ("7375550144", "737.555.0144")}
    assert set(_phones(data_source, 2)) == {
        ("5125550145", "512 555 0145"),
        ("7375550146", "737-555-0146 / 512 555 0145"),
    }


def test_work_and_cell_phone_both_invalid_is_one_invalid_phone_naming_both(ingest, mode):
    # given a row whose two phone columns hold no valid number, and one with both empty
    header = ["Company Name", "First Name", "Last Name", "Work Phone", "Cell Phone", "State", "ZIP Code"]
    rows = [
        ["Acme Plumbing", "Jane", "Doe", "555-0143", "911-555-0143", "TX", "78701"],
        ["Bolt Electric", "John", "Roe", "", "N/A", "TX", "78701"],
        ["Cedar Dental", "Ann", "Lee", "", "12", "TX", "78701"],
    ]

    # when the file is loaded
    data_source = ingest(csv_bytes(rows, header=header))

    # then each row is one INVALID_PHONE whose message names what the columns held, and no phone is stored
    assert _failures(data_source, "INVALID_PHONE") == [
        (
            1,
            "555-0143 / 911-555-0143",
            "No phone column holds a valid 10-digit US number: '555-0143', '911-555-0143'.",
        ),
        (2, "", "The phone number is empty."),
        (3, "12", "'12' cannot be normalized to a valid 10-digit US number."),
    ]
    assert not PersonaPhone.objects.filter(source_file=data_source.source_file).exists()
    assert Persona.objects.filter(source_file=data_source.source_file).count() == 3


def test_two_email_columns_are_both_read(ingest, mode):
    # given "Email", "Email 2" and "Personal Email"
    header = ["Company Name", "First Name", "Last Name", "Phone", "Email", "Email 2", "Personal Email", "State", "Zip"]
    base = ["Acme Plumbing", "Jane", "Doe", "512-555-0143"]
    rows = [
        [*base, "", "jane@acme.example", "", "TX", "78701"],
        [*base, "Jane@Acme.example", "jane@home.example", "jane@acme.example", "TX", "78701"],
        [*base, "not an email", "jane@acme.example", "", "TX", "78701"],
        [*base, "not an email", "", "x@y", "TX", "78701"],
    ]

    # when the file is loaded
    data_source = ingest(csv_bytes(rows, header=header))

    # then each row has every valid address once; only a row with none at all is INVALID_EMAIL, naming what it held
    assert _emails(data_source, 1) == {"jane@acme.example"}
    assert _emails(data_source, 2) == {"jane@acme.example", "jane@home.example"}
    assert _emails(data_source, 3) == {"jane@acme.example"}
    assert _emails(data_source, 4) == set()
    assert _failures(data_source, "INVALID_EMAIL") == [
        (4, "not an email / x@y", "No e-mail column holds a valid address: 'not an email', 'x@y'.")
    ]


def test_a_single_value_field_named_twice_takes_the_first_non_empty_column(ingest, mode):
    # given "State" and "Mailing State": the first empty or a null marker on rows 1-2
    header = ["Company Name", "First Name", "Last Name", "Phone", "State", "Mailing State", "Zip"]
    rows = [
        ["Acme Plumbing", "Jane", "Doe", "512-555-0143", "", "Texas", "78701"],
        ["Bolt Electric", "John", "Roe", "512-555-0144", "N/A", "CA", "78701"],
        ["Cedar Dental", "Ann", "Lee", "512-555-0145", "TX", "CA", "78701"],
    ]

    # when the file is loaded
    data_source = ingest(csv_bytes(rows, header=header))

    # then each row's state is its first non-empty column's, and none is UNKNOWN_STATE
    states = dict(Persona.objects.filter(source_file=data_source.source_file).values_list("source_record_id", "state"))
    assert states == {1: "TX", 2: "CA", 3: "TX"}
    assert _failures(data_source, "UNKNOWN_STATE") == []
