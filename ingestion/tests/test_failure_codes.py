"""Every named failure of stages 1-2: a bad value is explained by row and field, and what was good is kept."""

import os

import pytest

from identity.models import Business, BusinessOwner, Persona, PersonaEmail, PersonaPhone
from ingestion import services
from ingestion.models import DataSource
from usdatabiz.core.models import StageFailure

from .factories import GOOD_ROWS, csv_bytes, row_with, upload


def _failures(data_source: DataSource) -> list[tuple]:
    return list(
        StageFailure.objects.filter(subject_id=data_source.pk)
        .order_by("source_row", "code")
        .values_list("stage", "code", "source_row", "field", "raw_value")
    )


def _stored_files(root) -> list[str]:
    return sorted(os.path.join(d, f) for d, _, files in os.walk(root) for f in files)


# --- INVALID_PHONE ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw_phone", ["555-0143", "123-456-7890", "(512) 555-01", "call me", "+44 20 7946 0958"])
def test_invalid_phone_keeps_the_persona_without_a_phone(ingest, raw_phone):
    # given row 2 with a phone that is not a valid 10-digit NANP number
    data_source = ingest(csv_bytes([GOOD_ROWS[0], row_with(1, Phone=raw_phone), GOOD_ROWS[2]]))

    # then the file completes; row 2 has INVALID_PHONE on field "phone" with the raw value
    assert data_source.status == DataSource.Status.COMPLETED
    assert _failures(data_source) == [(2, "INVALID_PHONE", 2, "phone", raw_phone)]
    assert data_source.row_error_count == 1
    # and row 2 still has its persona, email, business and owner link, but no phone
    persona = Persona.objects.get(source_file=data_source.source_file, source_record_id=2)
    assert (persona.first_name, persona.last_name) == ("John", "Smith")
    assert persona.phones.count() == 0
    assert persona.emails.get().email == "john@bolt.example"
    assert persona.business_links.get().business.name == "Bolt Electric LLC"
    assert sorted(
        PersonaPhone.objects.filter(source_file=data_source.source_file).values_list("source_record_id", flat=True)
    ) == [1, 3]


def test_empty_phone_is_invalid_phone(ingest):
    data_source = ingest(csv_bytes([row_with(0, Phone="")]))

    failure = StageFailure.objects.get(subject_id=data_source.pk)
    assert (failure.code, failure.source_row, failure.field, failure.detail) == (
        "INVALID_PHONE",
        1,
        "phone",
        "The phone number is empty.",
    )
    assert Persona.objects.filter(source_file=data_source.source_file).count() == 1


# --- UNKNOWN_STATE ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw_state", "state"),
    [
        ("TX", "TX"),
        ("tx", "TX"),
        ("Texas", "TX"),
        ("TEXAS", "TX"),
        ("new york", "NY"),
        ("DC", "DC"),
        ("District of Columbia", "DC"),
        ("D.C.", "DC"),
        ("PR", "PR"),
        ("Puerto Rico", "PR"),
        ("Guam", "GU"),
        ("VI", "VI"),
        ("Virgin Islands", "VI"),
        ("AS", "AS"),
        ("MP", "MP"),
    ],
)
def test_states_dc_and_territories_are_known(ingest, raw_state, state):
    # given a row whose state is a name, an abbreviation (any case), DC or a territory
    data_source = ingest(csv_bytes([row_with(0, State=raw_state)]))

    # then it is normalized to the 2-letter code with no failure
    assert data_source.status == DataSource.Status.COMPLETED
    assert _failures(data_source) == []
    assert Business.objects.get(source_file=data_source.source_file).state == state
    assert Persona.objects.get(source_file=data_source.source_file).state == state


@pytest.mark.parametrize("raw_state", ["Ontario", "ZZ", "Texass", "XX"])
def test_unknown_state_is_a_row_failure_and_the_row_still_loads(ingest, raw_state):
    # given row 1 with a state that is not a US state, DC or territory
    data_source = ingest(csv_bytes([row_with(0, State=raw_state), GOOD_ROWS[1]]))

    # then UNKNOWN_STATE names row 1 and field "state"; the business and persona exist without a state
    assert data_source.status == DataSource.Status.COMPLETED
    assert _failures(data_source) == [(2, "UNKNOWN_STATE", 1, "state", raw_state)]
    failure = StageFailure.objects.get(subject_id=data_source.pk)
    assert failure.detail == f"'{raw_state}' is not a US state, DC or territory."
    business = Business.objects.get(source_file=data_source.source_file, source_record_id=1)
    assert business.state == ""
    persona = Persona.objects.get(source_file=data_source.source_file, source_record_id=1)
    assert (persona.state, persona.phones.get().normalized_number) == ("", "5125550143")


# --- DUPLICATE_BUSINESS ----------------------------------------------------------------------------------------------


def test_duplicate_business_within_a_file_links_to_the_first(ingest):
    # given two rows whose company names normalize alike at the same ZIP, and one at another ZIP
    rows = [
        GOOD_ROWS[0],
        row_with(1, Company_Name="ACME PLUMBING LLC", Zip="78701"),
        row_with(2, Company_Name="Acme Plumbing", Zip="75201"),
    ]

    # when the file is uploaded
    data_source = ingest(csv_bytes(rows))

    # then row 2 is a DUPLICATE_BUSINESS linked to row 1's business; the other ZIP is its own business
    assert data_source.status == DataSource.Status.COMPLETED
    assert _failures(data_source) == [(2, "DUPLICATE_BUSINESS", 2, "company_name", "ACME PLUMBING LLC")]
    businesses = Business.objects.filter(source_file=data_source.source_file).order_by("source_record_id")
    assert [(b.source_record_id, b.normalized_name, b.zip5) for b in businesses] == [
        (1, "ACME PLUMBING", "78701"),
        (3, "ACME PLUMBING", "75201"),
    ]
    first = businesses[0]
    failure = StageFailure.objects.get(subject_id=data_source.pk)
    assert failure.detail == f"'ACME PLUMBING' at ZIP '78701' already exists as {first.pk}; the row is linked to it."
    links = dict(
        BusinessOwner.objects.filter(source_file=data_source.source_file).values_list("source_record_id", "business_id")
    )
    assert links[1] == first.pk
    assert links[2] == first.pk
    assert links[3] == businesses[1].pk
    assert Persona.objects.filter(source_file=data_source.source_file).count() == 3


def test_duplicate_business_across_files_of_the_same_team_links_to_the_existing_one(ingest):
    # given a first file that created "Acme Plumbing, Inc." at 78701
    first = ingest(csv_bytes([GOOD_ROWS[0]]), name="first.csv")
    existing = Business.objects.get(source_file=first.source_file)

    # when a second file of the same team has "Acme Plumbing Corp" at 78701
    second = ingest(csv_bytes([row_with(0, Company_Name="Acme Plumbing Corp", First_Name="Joe")]), name="second.csv")

    # then no new business is created; the row links to the existing one
    assert second.status == DataSource.Status.COMPLETED
    assert _failures(second) == [(2, "DUPLICATE_BUSINESS", 1, "company_name", "Acme Plumbing Corp")]
    assert Business.objects.filter(source_file=second.source_file).count() == 0
    assert Business.objects.filter(team=first.team).count() == 1
    persona = Persona.objects.get(source_file=second.source_file)
    assert persona.first_name == "Joe"
    assert persona.business_links.get().business_id == existing.pk


def test_same_business_in_another_team_does_not_collide(ingest, team, other_team):
    # given team acme has "Acme Plumbing, Inc." at 78701
    ours = ingest(csv_bytes([GOOD_ROWS[0]]), for_team=team)

    # when team rival uploads the same row
    theirs = ingest(csv_bytes([GOOD_ROWS[0]]), for_team=other_team)

    # then rival gets its own business and no DUPLICATE_BUSINESS
    assert _failures(theirs) == []
    mine = Business.objects.get(source_file=ours.source_file)
    other = Business.objects.get(source_file=theirs.source_file)
    assert other.team_id == other_team.pk
    assert other.pk != mine.pk
    assert Persona.objects.get(source_file=theirs.source_file).business_links.get().business_id == other.pk


# --- MISSING_SIC -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw_sic", "detail"),
    [
        ("", "No SIC code provided."),
        ("plumbing", "'plumbing' is not a SIC code."),
        ("0000", "'0000' is not a SIC code."),
    ],
)
def test_missing_sic_keeps_the_business_without_a_code(ingest, raw_sic, detail):
    # given row 1 without a usable SIC code
    data_source = ingest(csv_bytes([row_with(0, SIC_Code=raw_sic), GOOD_ROWS[1]]))

    # then MISSING_SIC names row 1 and field sic_code, and the business exists with an empty code
    assert data_source.status == DataSource.Status.COMPLETED
    assert _failures(data_source) == [(2, "MISSING_SIC", 1, "sic_code", raw_sic)]
    assert StageFailure.objects.get(subject_id=data_source.pk).detail == detail
    assert Business.objects.get(source_file=data_source.source_file, source_record_id=1).sic_code == ""
    assert Business.objects.get(source_file=data_source.source_file, source_record_id=2).sic_code == "1731"


def test_three_digit_sic_gets_its_leading_zero_back(ingest):
    data_source = ingest(csv_bytes([row_with(0, SIC_Code="742")]))

    assert _failures(data_source) == []
    assert Business.objects.get(source_file=data_source.source_file).sic_code == "0742"


# --- INVALID_EMAIL ---------------------------------------------------------------------------------------------------


def test_invalid_email_keeps_the_persona_and_phone(ingest):
    # given row 1 with an address that is not an email
    data_source = ingest(csv_bytes([row_with(0, Email="jane at acme"), GOOD_ROWS[1]]))

    # then INVALID_EMAIL names row 1 and field email; the persona keeps its phone but has no email
    assert _failures(data_source) == [(2, "INVALID_EMAIL", 1, "email", "jane at acme")]
    persona = Persona.objects.get(source_file=data_source.source_file, source_record_id=1)
    assert persona.emails.count() == 0
    assert persona.phones.get().normalized_number == "5125550143"
    assert list(PersonaEmail.objects.filter(source_file=data_source.source_file).values_list("email", flat=True)) == [
        "john@bolt.example",
    ]


def test_a_row_with_several_failures_is_one_row_error(ingest):
    # given row 2 with a bad phone, a bad email and an unknown state
    data_source = ingest(csv_bytes([GOOD_ROWS[0], row_with(1, Phone="12", Email="nope", State="Atlantis")]))

    # then each failure names the row and its field, and the row counts once
    assert _failures(data_source) == [
        (2, "INVALID_EMAIL", 2, "email", "nope"),
        (2, "INVALID_PHONE", 2, "phone", "12"),
        (2, "UNKNOWN_STATE", 2, "state", "Atlantis"),
    ]
    assert data_source.row_error_count == 1
    assert data_source.loaded_count == 2


# --- QUOTA_EXCEEDED --------------------------------------------------------------------------------------------------


def test_upload_over_the_team_quota_is_refused_and_nothing_is_kept(team, settings):
    # given a team allowed 100 bytes of raw files
    team.storage_quota_bytes = 100
    team.save()
    content = csv_bytes()
    assert len(content) > 100

    # when a file bigger than that is uploaded
    with pytest.raises(services.IngestError) as caught:
        services.data_source_create(team=team, file=upload(content, "big.csv"))

    # then it is refused with QUOTA_EXCEEDED and a clear message
    error = caught.value
    assert error.code == "QUOTA_EXCEEDED"
    assert error.http_status == 413
    assert error.message == (
        f"Storage quota exceeded: 'big.csv' is {len(content):,} bytes and the team already keeps 0 of its 100 bytes. "
        "Delete old files or ask an admin to raise the quota."
    )
    assert error.extra == {"quota": 100, "used": 0, "size": len(content)}
    # and the ledger has the refusal, with no data source and no stored file
    failure = StageFailure.objects.get(team=team)
    assert (failure.stage, failure.code, failure.subject_id, failure.field, failure.raw_value, failure.detail) == (
        1,
        "QUOTA_EXCEEDED",
        "",
        "file",
        "big.csv",
        error.message,
    )
    assert DataSource.objects.count() == 0
    assert _stored_files(settings.MEDIA_ROOT) == []
    assert Business.objects.count() == 0


def test_quota_counts_files_already_kept(team, settings, ingest):
    # given a team whose quota fits one copy of the file but not two
    content = csv_bytes()
    team.storage_quota_bytes = len(content) * 3 // 2
    team.save()
    first = ingest(content, name="a.csv")
    assert first.status == DataSource.Status.COMPLETED

    # when the same file is uploaded again
    with pytest.raises(services.IngestError) as caught:
        ingest(content, name="b.csv")

    # then it is refused and only the first file exists
    assert caught.value.code == "QUOTA_EXCEEDED"
    assert caught.value.extra["used"] == len(content)
    assert list(DataSource.objects.values_list("original_name", flat=True)) == ["a.csv"]
    assert [os.path.basename(p) for p in _stored_files(settings.MEDIA_ROOT)] == ["a.csv"]


def test_quota_of_another_team_is_not_counted(team, other_team, ingest):
    # given rival already keeps a file
    content = csv_bytes()
    ingest(content, for_team=other_team)
    team.storage_quota_bytes = len(content)
    team.save()

    # when acme uploads a file exactly its quota
    data_source = ingest(content)

    # then it is accepted
    assert data_source.status == DataSource.Status.COMPLETED


def test_default_quota_comes_from_settings(team, settings, ingest):
    # given no team quota and a 10-byte global default
    settings.INGEST_TEAM_QUOTA_BYTES = 10

    # when a file is uploaded
    with pytest.raises(services.IngestError) as caught:
        ingest(csv_bytes())

    # then the setting applies
    assert caught.value.code == "QUOTA_EXCEEDED"
    assert caught.value.extra["quota"] == 10
    assert DataSource.objects.count() == 0
