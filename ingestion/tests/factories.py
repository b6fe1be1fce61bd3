"""Factories and CSV builders for ingestion tests."""

import csv
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from ingestion.loader import BUSINESS_COLUMNS
from ingestion.models import DataSource
from usdatabiz.core.tests.factories import TeamFactory

HEADER = [
    "Company Name",
    "First Name",
    "Last Name",
    "Title",
    "Phone",
    "Email",
    "Address",
    "City",
    "State",
    "Zip",
    "SIC Code",
    "Employees",
    "Revenue",
]

GOOD_ROWS = [
    [
        "Acme Plumbing, Inc.",
        "Jane",
        "Doe",
        "Owner",
        "(512) 555-0143",
        "Jane@Acme.example",
        "1 Main St",
        "Austin",
        "TX",
        "78701",
        "1711",
        "12",
        "$1,135,051",
    ],
    [
        "Bolt Electric LLC",
        "John",
        "Smith",
        "President",
        "512.555.0187",
        "john@bolt.example",
        "9 Oak Ave",
        "Austin",
        "Texas",
        "78702-1234",
        "1731",
        "5",
        "900000",
    ],
    [
        "Cedar Roofing Co",
        "Ana",
        "Lopez",
        "Manager",
        "+1 214 555 0111",
        "",
        "3 Elm Rd",
        "Dallas",
        "tx",
        "75201",
        "1761",
        "",
        "",
    ],
]


def csv_text(rows, *, header=HEADER, delimiter=",") -> str:
    """Return ``header`` and ``rows`` as CSV text with CRLF line ends (as spreadsheets export)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def csv_bytes(rows=GOOD_ROWS, *, header=HEADER, delimiter=",", encoding="utf-8") -> bytes:
    """Return a CSV file's bytes in ``encoding``."""
    return csv_text(rows, header=header, delimiter=delimiter).encode(encoding)


def upload(content: bytes, name: str = "list.csv") -> SimpleUploadedFile:
    """Return ``content`` as an uploaded file, like the page and the API receive it."""
    return SimpleUploadedFile(name, content, content_type="text/csv")


class DataSourceFactory(factory.django.DjangoModelFactory):
    """A data source row without a stored file (for transitions and access checks)."""

    class Meta:
        model = DataSource

    team = factory.SubFactory(TeamFactory)
    original_name = factory.Sequence(lambda n: f"list-{n}.csv")
    size = 100
    status = DataSource.Status.UPLOADED
    metadata = factory.LazyAttribute(
        lambda ds: {
            "originalName": ds.original_name,
            "size": ds.size,
            "uploadedAt": "2025-01-02T03:04:05+00:00",
            "schema": {},
        }
    )


def row_with(index: int = 0, **changes) -> list[str]:
    """Return a copy of ``GOOD_ROWS[index]`` with cells changed by header name (``Phone="..."``, ``SIC_Code=...``)."""
    cells = list(GOOD_ROWS[index])
    for key, value in changes.items():
        cells[HEADER.index(key.replace("_", " "))] = value
    return cells


def business_candidate(team, name: str, row: int, *, zip5: str = "78701", source_file: str = "raw/a.csv") -> tuple:
    """One business as stage 2 offers it to ``loader.businesses_upsert``: the columns of ``BUSINESS_COLUMNS``."""
    values = dict.fromkeys(BUSINESS_COLUMNS, "")
    now = timezone.now()
    values.update(
        id=f"biz_{source_file[-5]}{zip5}{row:05d}{name[:3]}",
        team_id=team.pk,
        created_at=now,
        updated_at=now,
        source_file=source_file,
        source_record_id=row,
        name=name,
        normalized_name=name.upper(),
        zip5=zip5,
        employees=None,
        revenue=None,
        year_founded=None,
    )
    return tuple(values[c] for c in BUSINESS_COLUMNS)
