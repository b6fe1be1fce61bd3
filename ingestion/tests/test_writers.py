"""The PostgreSQL COPY writer and the portable ORM writer produce identical records."""

import pytest
from django.db import connection

from identity.models import Business, BusinessOwner, Persona, PersonaEmail, PersonaPhone
from ingestion import loader
from ingestion.models import DataSource
from usdatabiz.core.models import StageFailure

from .factories import GOOD_ROWS, HEADER, csv_bytes, row_with

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="COPY is PostgreSQL-only; run with DATABASE_URL=postgres://... to test it (CI does)",
)

# Every kind of record and failure: extras (JSON column), a bad phone, a duplicate business, no SIC, no email,
# quotes, tabs and backslashes (COPY escaping), non-ASCII.
MIXED_HEADER = [*HEADER, "Lead Source"]
MIXED_ROWS = [
    [*GOOD_ROWS[0], "Trade show, Zürich"],
    [*row_with(1, Phone="12", Title='Owner "Big" \\ Boss\tII'), ""],
    [*row_with(2, Company_Name="ACME PLUMBING LLC", City="Austin", Zip="78701", SIC_Code=""), 'He said "hi"'],
    [*row_with(0, Company_Name="Café Niño", First_Name="José", Email="", SIC_Code=""), '{"json": true} año'],
]
IGNORED = {
    "id",
    "team",
    "team_id",
    "created_at",
    "updated_at",
    "source_file",
    "persona",
    "persona_id",
    "business",
    "business_id",
    "run",
    "run_id",
    "subject_id",
}


def _rows(model, source_file: str) -> list[dict]:
    fields = [f.attname for f in model._meta.concrete_fields if f.attname not in IGNORED]
    return list(model.objects.filter(source_file=source_file).order_by("source_record_id").values(*fields))


def _links(source_file: str) -> list[tuple]:
    """Owner links as (persona row, business name): independent of generated ids."""
    return sorted(
        BusinessOwner.objects.filter(source_file=source_file).values_list(
            "source_record_id", "persona__source_record_id", "business__normalized_name", "business__zip5"
        )
    )


def _everything(data_source: DataSource) -> dict:
    source_file = data_source.source_file
    failures = list(
        StageFailure.objects.filter(subject_id=data_source.pk)
        .order_by("source_row", "code")
        .values("stage", "code", "source_row", "field", "raw_value", "detail", "subject_type")
    )
    for failure in failures:  # the duplicate's detail names the generated business id
        failure["detail"] = failure["detail"].split(" already exists as ")[0]
    return {
        "businesses": _rows(Business, source_file),
        "personas": _rows(Persona, source_file),
        "phones": _rows(PersonaPhone, source_file),
        "emails": _rows(PersonaEmail, source_file),
        "owners": _rows(BusinessOwner, source_file),
        "links": _links(source_file),
        "phone_owners": sorted(
            PersonaPhone.objects.filter(source_file=source_file).values_list(
                "source_record_id", "persona__source_record_id"
            )
        ),
        "failures": failures,
    }


def _load(ingest, settings, for_team, *, use_copy: bool) -> dict:
    settings.INGEST_USE_COPY = use_copy
    data_source = ingest(csv_bytes(MIXED_ROWS, header=MIXED_HEADER), for_team=for_team)
    assert data_source.status == DataSource.Status.COMPLETED
    return _everything(data_source)


def test_writer_selection_follows_the_database_and_the_setting():
    expected = loader.CopyWriter if connection.vendor == "postgresql" else loader.OrmWriter
    assert type(loader.writer_for_connection(True)) is expected
    assert type(loader.writer_for_connection(False)) is loader.OrmWriter


def test_orm_writer_loads_every_kind_of_record(ingest, settings, team):
    # given the ORM writer
    # when the mixed file is loaded
    records = _load(ingest, settings, team, use_copy=False)

    # then every record kind is there with the expected values
    assert [b["normalized_name"] for b in records["businesses"]] == ["ACME PLUMBING", "BOLT ELECTRIC", "CAFE NINO"]
    assert [p["source_extra"] for p in records["personas"]] == [
        {"Lead Source": "Trade show, Zürich"},
        {},
        {"Lead Source": 'He said "hi"'},
        {"Lead Source": '{"json": true} año'},
    ]
    assert records["personas"][1]["title"] == 'Owner "Big" \\ Boss II'
    assert [p["merged_from_ids"] for p in records["personas"]] == [[], [], [], []]
    assert [p["confidence_score"] for p in records["personas"]] == [1.0, 1.0, 1.0, 1.0]
    assert [(p["source_record_id"], p["is_connected"], p["do_not_call"]) for p in records["phones"]] == [
        (1, None, False),
        (3, None, False),
        (4, None, False),
    ]
    assert records["links"] == [
        (1, 1, "ACME PLUMBING", "78701"),
        (2, 2, "BOLT ELECTRIC", "78702"),
        (3, 3, "ACME PLUMBING", "78701"),
        (4, 4, "CAFE NINO", "78701"),
    ]
    assert [(f["code"], f["source_row"]) for f in records["failures"]] == [
        ("INVALID_PHONE", 2),
        ("DUPLICATE_BUSINESS", 3),
        ("MISSING_SIC", 4),
    ]


@needs_postgres
def test_copy_and_orm_writers_produce_identical_records(ingest, settings, team, other_team):
    # given the same file loaded once through COPY and once through the ORM (two teams, so they do not collide)
    with_copy = _load(ingest, settings, team, use_copy=True)
    with_orm = _load(ingest, settings, other_team, use_copy=False)

    # then every record and failure is identical, field by field
    assert with_copy == with_orm
    assert len(with_copy["businesses"]) == 3
    assert len(with_copy["personas"]) == 4


@needs_postgres
def test_copy_writer_is_used_on_postgresql(ingest, settings, team, monkeypatch):
    # given COPY enabled, with the ORM path made unusable
    def refuse(*args, **kwargs):
        raise AssertionError("the ORM writer must not run when COPY is enabled on PostgreSQL")

    monkeypatch.setattr(loader.OrmWriter, "write", refuse)
    settings.INGEST_USE_COPY = True

    # when a file is loaded
    data_source = ingest(csv_bytes())

    # then it completed through COPY
    assert data_source.status == DataSource.Status.COMPLETED
    assert Persona.objects.filter(source_file=data_source.source_file).count() == 3
