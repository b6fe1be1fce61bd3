"""The upload and run services: stored file, metadata, records, the ledger, idempotent re-runs and resume."""

import re
from datetime import datetime, timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone

from identity.models import Business, BusinessOwner, Persona, PersonaEmail, PersonaPhone
from ingestion import chunks, services
from ingestion.models import DataSource
from usdatabiz.core.models import StageFailure, StageRun

from .factories import GOOD_ROWS, HEADER, csv_bytes, csv_text, row_with, upload

RECORD_MODELS = (Business, Persona, PersonaPhone, PersonaEmail, BusinessOwner)


def _snapshot(source_file: str) -> dict[str, list]:
    """Every record of a file: its id and source row, per model."""
    return {
        model.__name__: sorted(model.objects.filter(source_file=source_file).values_list("source_record_id", "pk"))
        for model in RECORD_MODELS
    }


def _counts(source_file: str) -> dict[str, int]:
    return {model.__name__: model.objects.filter(source_file=source_file).count() for model in RECORD_MODELS}


# --- upload and storage ----------------------------------------------------------------------------------------------


def test_upload_stores_the_original_under_the_dated_raw_path(ingest, operator):
    # given a CSV file
    content = csv_bytes()
    before = timezone.now()

    # when it is uploaded
    data_source = ingest(content, name="march list.csv", user=operator)

    # then the original bytes are kept at unified-graph/raw/{YYYY-MM-DD}/{filename}
    uploaded_at = datetime.fromisoformat(data_source.metadata["uploadedAt"])
    assert before <= uploaded_at <= timezone.now()
    assert data_source.file.name == f"unified-graph/raw/{uploaded_at:%Y-%m-%d}/march_list.csv"
    assert data_source.source_file == data_source.file.name
    with default_storage.open(data_source.file.name, "rb") as stored:
        assert stored.read() == content
    # and the data source describes the upload
    assert data_source.pk.startswith("ds_")
    assert data_source.original_name == "march list.csv"
    assert data_source.size == len(content)
    assert data_source.uploaded_by == operator
    assert set(data_source.metadata) == {"originalName", "size", "uploadedAt", "schema"}
    assert data_source.metadata["originalName"] == "march list.csv"
    assert data_source.metadata["size"] == len(content)
    assert data_source.metadata["schema"] == {
        "columns": HEADER,
        "mapping": {
            "company_name": "Company Name",
            "first_name": "First Name",
            "last_name": "Last Name",
            "title": "Title",
            "phone": "Phone",
            "email": "Email",
            "address": "Address",
            "city": "City",
            "state": "State",
            "zip": "Zip",
            "sic_code": "SIC Code",
            "employees": "Employees",
            "revenue": "Revenue",
        },
        "extra": [],
        "delimiter": ",",
        "encoding": "utf-8",
        "codec": "utf-8",
    }


def test_a_second_upload_of_the_same_name_never_overwrites_the_first(ingest):
    # given a file already uploaded as list.csv
    first = ingest(csv_bytes([GOOD_ROWS[0]]), name="list.csv")

    # when another file with the same name is uploaded
    second = ingest(csv_bytes([GOOD_ROWS[1]]), name="list.csv")

    # then it gets a different stored name and both originals are intact
    day = first.file.name.rsplit("/", 2)[1]
    assert first.file.name == f"unified-graph/raw/{day}/list.csv"
    assert re.fullmatch(rf"unified-graph/raw/{day}/list_[A-Za-z0-9]{{7}}\.csv", second.file.name)
    with default_storage.open(first.file.name, "rb") as stored:
        assert stored.read() == csv_bytes([GOOD_ROWS[0]])
    with default_storage.open(second.file.name, "rb") as stored:
        assert stored.read() == csv_bytes([GOOD_ROWS[1]])
    # and each file's records trace to their own stored file
    assert list(Business.objects.filter(source_file=first.source_file).values_list("name", flat=True)) == [
        "Acme Plumbing, Inc.",
    ]
    assert list(Business.objects.filter(source_file=second.source_file).values_list("name", flat=True)) == [
        "Bolt Electric LLC",
    ]


@pytest.mark.parametrize(
    ("name", "stored"),
    [("../../etc/passwd.csv", "passwd.csv"), ("reports/leads (1).csv", "leads_1.csv"), (None, "upload.csv")],
)
def test_uploaded_names_cannot_leave_the_raw_folder(team, name, stored):
    # given file content whose name carries a path (or has no name)
    # when it is stored (without running the stages)
    data_source = services.data_source_create(team=team, file=ContentFile(csv_bytes(), name=name), start=False)

    # then only a safe base name is used, under the raw folder
    assert data_source.file.name.startswith("unified-graph/raw/")
    assert data_source.file.name.rsplit("/", 1)[1] == stored
    assert data_source.status == DataSource.Status.UPLOADED


def test_create_without_start_stores_the_file_and_runs_nothing(team):
    # when a file is stored with start=False
    data_source = services.data_source_create(team=team, file=upload(csv_bytes()), start=False)

    # then it waits in "uploaded" with nothing loaded
    data_source.refresh_from_db()
    assert data_source.status == DataSource.Status.UPLOADED
    assert (data_source.record_count, data_source.rows_done, data_source.attempts) == (0, 0, 0)
    assert _counts(data_source.source_file) == dict.fromkeys(_counts(""), 0)
    assert default_storage.exists(data_source.source_file)


# --- a complete run --------------------------------------------------------------------------------------------------


def test_a_good_file_becomes_businesses_personas_phones_emails_and_owner_links(ingest):
    # given three good rows
    # when they are uploaded
    data_source = ingest(csv_bytes())

    # then the data source is completed with its counts
    assert data_source.status == DataSource.Status.COMPLETED
    assert (data_source.record_count, data_source.rows_done, data_source.loaded_count, data_source.row_error_count) == (
        3,
        3,
        3,
        0,
    )
    assert (data_source.error_code, data_source.error_message, data_source.attempts) == ("", "", 1)
    assert data_source.started_at <= data_source.finished_at
    assert data_source.progress_percent == 100
    source_file = data_source.source_file
    assert _counts(source_file) == {
        "Business": 3,
        "Persona": 3,
        "PersonaPhone": 3,
        "PersonaEmail": 2,
        "BusinessOwner": 3,
    }
    # and each record is normalized and traced to its row
    acme = Business.objects.get(source_file=source_file, source_record_id=1)
    assert acme.pk.startswith("biz_")
    assert acme.team == data_source.team
    assert (acme.name, acme.normalized_name, acme.address, acme.city, acme.state, acme.zip5, acme.zip4) == (
        "Acme Plumbing, Inc.",
        "ACME PLUMBING",
        "1 Main St",
        "Austin",
        "TX",
        "78701",
        "",
    )
    assert (acme.employees, acme.revenue, acme.sic_code) == (12, 1135051, "1711")
    bolt = Business.objects.get(source_file=source_file, source_record_id=2)
    assert (bolt.normalized_name, bolt.state, bolt.zip5, bolt.zip4, bolt.revenue) == (
        "BOLT ELECTRIC",
        "TX",
        "78702",
        "1234",
        900000,
    )
    jane = Persona.objects.get(source_file=source_file, source_record_id=1)
    assert jane.pk.startswith("per_")
    assert (jane.first_name, jane.last_name, jane.normalized_first_name, jane.normalized_last_name, jane.title) == (
        "Jane",
        "Doe",
        "JANE",
        "DOE",
        "Owner",
    )
    phone = jane.phones.get()
    assert (phone.raw, phone.normalized_number, phone.phone_type, phone.source_record_id) == (
        "(512) 555-0143",
        "5125550143",
        "unknown",
        1,
    )
    assert (jane.emails.get().email, jane.emails.get().source_record_id) == ("jane@acme.example", 1)
    link = jane.business_links.get()
    assert (link.business_id, link.title, link.source_record_id) == (acme.pk, "Owner", 1)
    assert PersonaPhone.objects.get(source_file=source_file, source_record_id=3).normalized_number == "2145550111"
    assert StageFailure.objects.filter(subject_id=data_source.pk).count() == 0


def test_the_ledger_has_one_finished_run_per_stage_and_nothing_left_running(ingest):
    # when a good file is uploaded
    data_source = ingest(csv_bytes())

    # then the upload, stage 1 and stage 2 runs succeeded with their counts, and no run is left open
    runs = StageRun.objects.filter(subject_id=data_source.pk)
    assert sorted(runs.values_list("stage", "status", "count_in", "count_out")) == [
        (1, StageRun.Status.SUCCEEDED, 1, 1),  # the file was stored
        (1, StageRun.Status.SUCCEEDED, 3, 3),  # the file was validated: 3 rows, none rejected
        (2, StageRun.Status.SUCCEEDED, 3, 3),  # 3 rows normalized into 3 personas
    ]
    assert all(run.finished_at is not None for run in runs)
    assert {run.subject_type for run in runs} == {"ingestion.datasource"}


def test_a_failed_file_closes_its_runs_as_failed(ingest):
    # when a file without required columns is uploaded
    data_source = ingest(csv_bytes(header=[*HEADER[:4], "Other", *HEADER[5:]]))

    # then its stage 1 run failed with the code, and nothing is left running
    runs = StageRun.objects.filter(subject_id=data_source.pk)
    assert runs.filter(status=StageRun.Status.RUNNING).count() == 0
    failed = runs.get(status=StageRun.Status.FAILED)
    assert failed.stage == 1
    assert failed.detail.startswith("MISSING_COLUMNS: Required columns missing: phone.")
    assert not runs.filter(stage=2).exists()


# --- idempotency -----------------------------------------------------------------------------------------------------


def test_retrying_a_completed_data_source_never_duplicates_records(ingest):
    # given a completed file with a row error and a row failure
    data_source = ingest(csv_bytes([GOOD_ROWS[0], ["short", "row"], row_with(2, Phone="12")]))
    before = _snapshot(data_source.source_file)
    failures_before = sorted(
        StageFailure.objects.filter(subject_id=data_source.pk).values_list("stage", "code", "source_row")
    )
    assert failures_before == [(1, "CSV_PARSE_ERROR", 2), (2, "INVALID_PHONE", 3)]

    # when it is run again
    again = services.data_source_retry(data_source=data_source)

    # then it completes again with exactly the same records and failures
    assert again.status == DataSource.Status.COMPLETED
    assert again.attempts == 2
    assert (again.record_count, again.rows_done, again.row_error_count) == (3, 3, 2)
    assert _snapshot(data_source.source_file) == before
    assert (
        sorted(StageFailure.objects.filter(subject_id=data_source.pk).values_list("stage", "code", "source_row"))
        == failures_before
    )


class WorkerKilled(BaseException):
    """Stands for the process dying (SIGKILL, lost machine): no Python handler runs."""


def test_normalize_resumes_after_the_last_committed_chunk(team, monkeypatch, settings, time_machine):
    # given a 5-row file validated into chunks of 2 rows, whose worker dies while committing the second chunk
    settings.INGEST_CHUNK_ROWS = 2
    rows = [
        GOOD_ROWS[0],
        GOOD_ROWS[1],
        GOOD_ROWS[2],
        row_with(0, Company_Name="Delta Co", Zip="73301"),
        row_with(1, Company_Name="Echo Co", Zip="73302"),
    ]
    data_source = services.data_source_create(team=team, file=upload(csv_bytes(rows)), start=False)
    services.data_source_ingest(data_source_id=data_source.pk)
    assert list(data_source.chunks.values_list("first_row", "last_row")) == [(1, 2), (3, 4), (5, 5)]
    real_send = chunks.send_chunk
    calls = []

    def send_then_die(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise WorkerKilled("worker killed")
        return real_send(*args, **kwargs)

    monkeypatch.setattr(chunks, "send_chunk", send_then_die)
    with pytest.raises(WorkerKilled, match="worker killed"):
        services.data_source_normalize(data_source_id=data_source.pk)
    monkeypatch.setattr(chunks, "send_chunk", real_send)
    data_source.refresh_from_db()
    assert (data_source.status, data_source.rows_done) == (DataSource.Status.PROCESSING, 2)
    assert sorted(
        Persona.objects.filter(source_file=data_source.source_file).values_list("source_record_id", flat=True)
    ) == [1, 2]
    assert list(data_source.chunks.values_list("state", flat=True)) == ["done", "running", "pending"]

    # when stage 2 starts again once the dead worker's lease has expired
    time_machine.move_to(timezone.now() + timedelta(seconds=settings.WORK_LEASE_SECONDS + 1))
    services.data_source_normalize(data_source_id=data_source.pk)

    # then it loads rows 3-5 only: every row once, nothing twice
    data_source.refresh_from_db()
    assert data_source.status == DataSource.Status.COMPLETED
    assert (data_source.rows_done, data_source.loaded_count) == (5, 5)
    for model in RECORD_MODELS:
        rows_loaded = list(
            model.objects.filter(source_file=data_source.source_file)
            .order_by("source_record_id")
            .values_list("source_record_id", flat=True)
        )
        assert rows_loaded == ([1, 2, 3, 4, 5] if model is not PersonaEmail else [1, 2, 4, 5]), model.__name__
    assert list(data_source.chunks.values_list("state", "attempts")) == [("done", 1), ("done", 2), ("done", 1)]


def test_normalize_twice_on_a_processing_source_loads_nothing_new(team):
    # given a data source that normalized fully but whose status was left processing (crash after the last chunk)
    data_source = services.data_source_create(team=team, file=upload(csv_bytes()), start=False)
    services.data_source_process(data_source_id=data_source.pk)
    before = _snapshot(data_source.source_file)
    DataSource.objects.filter(pk=data_source.pk).update(status=DataSource.Status.PROCESSING)

    # when normalize runs again
    services.data_source_normalize(data_source_id=data_source.pk)

    # then it completes without new records
    assert _snapshot(data_source.source_file) == before
    assert DataSource.objects.get(pk=data_source.pk).status == DataSource.Status.COMPLETED


def test_source_file_and_row_are_unique_per_record_type(ingest):
    # given a loaded file
    data_source = ingest(csv_bytes([GOOD_ROWS[0]]))
    business = Business.objects.get(source_file=data_source.source_file)
    persona = Persona.objects.get(source_file=data_source.source_file)

    # when a second record claims the same (source_file, source_record_id), the database refuses it
    with pytest.raises(IntegrityError), transaction.atomic():
        Business.objects.create(
            team=data_source.team,
            name="Copy",
            normalized_name="COPY",
            source_file=business.source_file,
            source_record_id=1,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Persona.objects.create(
            team=data_source.team, first_name="Copy", source_file=persona.source_file, source_record_id=1
        )
    assert Business.objects.filter(source_file=data_source.source_file).count() == 1


@pytest.mark.parametrize("model", [Business, Persona], ids=lambda m: m.__name__)
def test_parent_records_are_unique_on_source_file_and_row(model):
    constraints = [
        c for c in model._meta.constraints if set(getattr(c, "fields", ())) == {"source_file", "source_record_id"}
    ]
    assert len(constraints) == 1
    assert getattr(constraints[0], "condition", None) is None


def test_a_chunk_written_twice_fails_as_a_whole_on_the_persona_constraint(team):
    # given a loaded file
    data_source = services.data_source_create(team=team, file=upload(csv_bytes()), start=False)
    services.data_source_process(data_source_id=data_source.pk)
    phones_before = PersonaPhone.objects.filter(source_file=data_source.source_file).count()
    # when its rows are normalized and written again in one transaction (as a resumed chunk would be)
    from ingestion.csvreader import CsvStream
    from ingestion.loader import RowNormalizer, businesses_upsert, write_chunk, writer_for_connection

    stream = CsvStream(lambda: default_storage.open(data_source.source_file, "rb"))
    rows = list(stream.rows("utf-8"))
    normalizer = RowNormalizer(
        team_id=team.pk,
        source_file=data_source.source_file,
        header=stream.header,
        subject_id=data_source.pk,
        run_id=None,
        now=timezone.now(),
        today_year=2026,
    )
    for row in rows:
        normalizer.process(row)
    writer = writer_for_connection()
    # its businesses are found as its own (the same rows created them)
    normalizer.resolve(businesses_upsert(writer, normalizer.chunk.businesses, team_id=team.pk))
    assert normalizer.counts.businesses == 3
    with pytest.raises(IntegrityError), transaction.atomic():
        write_chunk(writer, normalizer.take_chunk())
    # then nothing of the second write remains: no phone was duplicated
    assert PersonaPhone.objects.filter(source_file=data_source.source_file).count() == phones_before
    assert Business.objects.filter(team=team).count() == 3


# --- retry and failure semantics -------------------------------------------------------------------------------------


def test_retry_of_a_failed_data_source_loads_it(team):
    # given a stored file whose first run failed (e.g. the worker timed out)
    data_source = services.data_source_create(team=team, file=upload(csv_bytes()), start=False)
    services.data_source_transition(data_source=data_source, to=DataSource.Status.PROCESSING)
    services.data_source_transition(
        data_source=data_source, to=DataSource.Status.FAILED, error_code="UPLOAD_TIMEOUT", error_message="timed out"
    )
    assert data_source.is_retryable

    # when it is retried
    data_source = services.data_source_retry(data_source=data_source)

    # then it completes and the previous error is cleared
    assert data_source.status == DataSource.Status.COMPLETED
    assert (data_source.error_code, data_source.error_message, data_source.attempts) == ("", "", 2)
    assert Persona.objects.filter(source_file=data_source.source_file).count() == 3


def test_retry_refuses_a_data_source_that_is_running(data_source_factory, team):
    data_source = data_source_factory(team=team, status=DataSource.Status.PROCESSING, file="unified-graph/raw/x.csv")

    with pytest.raises(services.IngestError) as caught:
        services.data_source_retry(data_source=data_source)

    assert caught.value.code == "ALREADY_PROCESSING"
    data_source.refresh_from_db()
    assert (data_source.status, data_source.attempts) == (DataSource.Status.PROCESSING, 0)


def test_retry_refuses_a_data_source_without_a_stored_file(data_source_factory, team):
    data_source = data_source_factory(team=team, status=DataSource.Status.FAILED, error_code="UPLOAD_TIMEOUT")

    with pytest.raises(services.IngestError) as caught:
        services.data_source_retry(data_source=data_source)

    assert caught.value.code == "UPLOAD_TIMEOUT"
    assert DataSource.objects.get(pk=data_source.pk).status == DataSource.Status.FAILED


def test_a_stored_file_that_disappeared_fails_the_run(team):
    # given an uploaded data source whose stored file is gone
    data_source = services.data_source_create(team=team, file=upload(csv_bytes()), start=False)
    default_storage.delete(data_source.source_file)

    # when stage 1 runs
    data_source = services.data_source_ingest(data_source_id=data_source.pk)

    # then it fails as retryable (upload again) instead of crashing
    assert data_source.status == DataSource.Status.FAILED
    assert data_source.error_code == "UPLOAD_TIMEOUT"
    assert data_source.error_message == "The stored file is missing; upload the file again."


def test_a_file_failing_in_stage_2_keeps_none_of_its_records(team, settings):
    # given a file that passed stage 1 in chunks of one row, then changed in storage so that stage 2 meets an
    # unclosed quote at row 3
    settings.INGEST_CHUNK_ROWS = 1
    data_source = services.data_source_create(team=team, file=upload(csv_bytes()), start=False)
    services.data_source_ingest(data_source_id=data_source.pk)
    broken = (csv_text(GOOD_ROWS[:2]) + 'Bad,"unclosed,x,y\r\n').encode()
    path = default_storage.path(data_source.source_file)
    with open(path, "wb") as handle:
        handle.write(broken)

    # when stage 2 runs (the chunks of rows 1 and 2 are committed before the error)
    data_source = services.data_source_normalize(data_source_id=data_source.pk)

    # then the file fails and the committed rows are discarded; the stored file stays
    assert data_source.status == DataSource.Status.FAILED
    assert data_source.error_code == "CSV_PARSE_ERROR"
    assert (data_source.rows_done, data_source.loaded_count, data_source.row_error_count) == (0, 0, 0)
    assert _counts(data_source.source_file) == dict.fromkeys(_counts(""), 0)
    failure = StageFailure.objects.get(subject_id=data_source.pk)
    assert (failure.stage, failure.code) == (2, "CSV_PARSE_ERROR")
    assert default_storage.exists(data_source.source_file)
    assert data_source.chunks.count() == 0  # a retry plans the file afresh


def test_the_failed_file_discards_only_its_own_records(team, ingest):
    # given a loaded file
    good = ingest(csv_bytes(), name="good.csv")
    before = _snapshot(good.source_file)

    # when a later file fails
    bad = ingest(csv_bytes(header=HEADER[:3]), name="bad.csv")

    # then the earlier file's records are untouched
    assert bad.status == DataSource.Status.FAILED
    assert _snapshot(good.source_file) == before


def test_progress_is_committed_chunk_by_chunk(team, monkeypatch, settings):
    # given a file validated into chunks of one row
    settings.INGEST_CHUNK_ROWS = 1
    data_source = services.data_source_create(team=team, file=upload(csv_bytes()), start=False)
    services.data_source_ingest(data_source_id=data_source.pk)
    seen = []
    real_run = chunks.ingest_chunk_run

    def spy(**kwargs):
        chunk = real_run(**kwargs)
        seen.append(DataSource.objects.values_list("rows_done", flat=True).get(pk=chunk.data_source_id))
        return chunk

    monkeypatch.setattr(chunks, "ingest_chunk_run", spy)

    # when stage 2 runs its chunks as tasks
    services.data_source_normalize(data_source_id=data_source.pk)

    # then rows_done is the sum of the chunks committed so far
    assert seen == [1, 2, 3]
    assert DataSource.objects.get(pk=data_source.pk).status == DataSource.Status.COMPLETED


def test_storage_content_file_uploads_work_like_uploaded_files(team):
    # given content without an upload's size attribute semantics (a plain ContentFile)
    content = ContentFile(csv_bytes(), name="plain.csv")

    # when it is uploaded
    data_source = services.data_source_create(team=team, file=content)

    # then it is stored with its real size and loaded
    data_source.refresh_from_db()
    assert data_source.size == len(csv_bytes())
    assert data_source.status == DataSource.Status.COMPLETED


# --- the journey -----------------------------------------------------------------------------------------------------


def test_the_real_pipeline_starts_with_stages_1_and_2():
    from usdatabiz.pipeline import PIPELINE

    assert PIPELINE[0] == ["ingestion.tasks.data_source_ingest_task"]
    assert PIPELINE[1] == ["ingestion.tasks.data_source_normalize_task"]


def test_a_completed_file_is_handed_to_the_next_stage(ingest, handed_over):
    # when a good file is uploaded
    data_source = ingest(csv_bytes())

    # then stage 2 handed it over once, after completing
    assert data_source.status == DataSource.Status.COMPLETED
    assert handed_over == [data_source.pk]


def test_a_failed_file_is_not_handed_over(ingest, handed_over):
    # when a file fails in stage 1
    data_source = ingest(csv_bytes(header=HEADER[:3]))

    # then nothing follows
    assert data_source.status == DataSource.Status.FAILED
    assert handed_over == []


def test_an_unexpected_error_fails_the_file_with_processing_error_and_keeps_nothing(team, monkeypatch):
    # given a loader that breaks in the middle of stage 2
    data_source = services.data_source_create(team=team, file=upload(csv_bytes()), start=False)
    services.data_source_ingest(data_source_id=data_source.pk)

    def broken(*args, **kwargs):
        raise ValueError("disk on fire")

    monkeypatch.setattr(chunks, "send_chunk", broken)
    # when stage 2 runs
    services.data_source_normalize(data_source_id=data_source.pk)
    # then the source failed with a named, retryable error and no record of it remains
    data_source.refresh_from_db()
    assert data_source.status == DataSource.Status.FAILED
    assert data_source.error_code == "PROCESSING_ERROR"
    assert "disk on fire" in data_source.error_message
    assert data_source.is_retryable
    assert not Persona.objects.filter(source_file=data_source.source_file).exists()
    # and a retry with a working loader completes
    monkeypatch.undo()
    services.data_source_retry(data_source=data_source)
    data_source.refresh_from_db()
    assert data_source.status == DataSource.Status.COMPLETED
    assert data_source.error_code == ""
    assert not StageFailure.objects.filter(subject_id=data_source.pk, code="PROCESSING_ERROR").exists()


def test_a_stale_processing_source_can_be_restarted_and_resumes(team, settings):
    # given a source stuck in processing after its first rows were committed
    data_source = services.data_source_create(team=team, file=upload(csv_bytes()), start=False)
    services.data_source_ingest(data_source_id=data_source.pk)
    # when it is retried while still fresh
    with pytest.raises(services.IngestError) as err:
        services.data_source_retry(data_source=data_source)
    assert err.value.code == "ALREADY_PROCESSING"
    # and when it has made no progress for longer than the stale limit
    settings.INGEST_STALE_SECONDS = 0
    data_source.refresh_from_db()
    assert data_source.is_stale
    services.data_source_retry(data_source=data_source)
    data_source.refresh_from_db()
    assert data_source.status == DataSource.Status.COMPLETED
    assert data_source.attempts == 2
