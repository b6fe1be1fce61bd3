"""Writes of stages 1-2: upload, status transitions, validation (stage 1) and normalization (stage 2)."""

import logging
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q, Sum
from django.utils import timezone

from identity.models import Business, BusinessOwner, Persona, PersonaEmail, PersonaPhone
from usdatabiz.core import journey
from usdatabiz.core.errors import DomainError, IllegalTransition
from usdatabiz.core.models import StageFailure, StageRun, Team
from usdatabiz.core.services import stage_failure_record, stage_run_finish, stage_run_start

from . import storage
from .csvreader import CsvError, CsvStream, decode_error, row_width_ok
from .loader import FAILURE_COLUMNS, LoadCounts, RowNormalizer, encode_chunk, send_chunk, writer_for_connection
from .models import DataSource

log = logging.getLogger(__name__)
SUBJECT_TYPE = "ingestion.datasource"


class IngestError(DomainError):
    """A file-level ingestion failure with one of the seed's codes."""


def data_source_transition(
    *, data_source: DataSource, to: str, error_code: str = "", error_message: str = ""
) -> DataSource:
    """Move a data source to status ``to`` if its transition map allows it; record when and why."""
    current = data_source.status
    if to not in DataSource.TRANSITIONS.get(current, set()):
        raise IllegalTransition("DataSource", current, to)
    now = timezone.now()
    data_source.status = to
    fields = ["status", "updated_at"]
    if to == DataSource.Status.PROCESSING:
        data_source.started_at = now
        data_source.finished_at = None
        data_source.error_code = ""
        data_source.error_message = ""
        data_source.attempts += 1
        fields += ["started_at", "finished_at", "error_code", "error_message", "attempts"]
    if to in (DataSource.Status.COMPLETED, DataSource.Status.FAILED):
        data_source.finished_at = now
        fields.append("finished_at")
    if to == DataSource.Status.FAILED:
        data_source.error_code = error_code
        data_source.error_message = error_message
        fields += ["error_code", "error_message"]
    # Guarded update: two workers racing on the same file cannot both win a transition.
    updated = DataSource.objects.filter(pk=data_source.pk, status=current).update(
        **{f: getattr(data_source, f) for f in fields if f != "updated_at"}, updated_at=now
    )
    if not updated:
        fresh = DataSource.objects.get(pk=data_source.pk)
        raise IllegalTransition("DataSource", fresh.status, to)
    log.info("data source %s: %s -> %s %s", data_source.pk, current, to, error_code)
    return data_source


def team_storage_used(*, team: Team) -> int:
    """Return the bytes of raw files the team keeps in storage."""
    used = DataSource.objects.for_team(team).exclude(file="").aggregate(total=Sum("size"))["total"]
    return used or 0


def data_source_create(*, team: Team, file, uploaded_by=None, start: bool = True) -> DataSource:
    """Store an uploaded CSV under ``unified-graph/raw/{date}/`` and record it as a data source.

    Refuses with QUOTA_EXCEEDED when the team's storage quota would be passed; a storage write
    that does not finish in time leaves a failed data source with UPLOAD_TIMEOUT (upload again).
    With ``start`` the journey begins: stage 1 is enqueued once this commits.
    """
    original_name = getattr(file, "name", "") or "upload.csv"
    original_name = original_name.rsplit("/", 1)[-1]
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, 2)
        size = file.tell()
        file.seek(0)
    uploaded_at = timezone.now()
    data_source = DataSource(
        team=team,
        original_name=original_name[:255],
        size=size,
        uploaded_by=uploaded_by if getattr(uploaded_by, "is_authenticated", False) else None,
        metadata={"originalName": original_name, "size": size, "uploadedAt": uploaded_at.isoformat(), "schema": {}},
    )
    refusal = timeout = None
    # The team row is locked while checking the quota and storing, so two uploads cannot both fit one slot.
    with transaction.atomic():
        # NO KEY: inserts of other rows that reference the team (key-share locks) do not wait on an upload.
        Team.objects.select_for_update(no_key=True).filter(pk=team.pk).first()
        used = team_storage_used(team=team)
        quota = team.effective_storage_quota
        if used + size > quota:
            refusal = (
                f"Storage quota exceeded: '{original_name}' is {size:,} bytes and the team already keeps "
                f"{used:,} of its {quota:,} bytes. Delete old files or ask an admin to raise the quota."
            )
        else:
            try:
                data_source.file.name = storage.save(storage.raw_path(original_name, when=uploaded_at), file)
            except storage.StorageTimeout as exc:
                timeout = exc
            else:
                data_source.full_clean()
                data_source.save()
    if refusal:
        stage_failure_record(
            team=team, stage=1, code="QUOTA_EXCEEDED", field="file", raw_value=original_name, detail=refusal
        )
        raise IngestError("QUOTA_EXCEEDED", refusal, http_status=413, quota=quota, used=used, size=size)
    run = stage_run_start(team=team, stage=1, subject=data_source, count_in=1)
    if timeout is not None:
        data_source.status = DataSource.Status.FAILED
        data_source.error_code = "UPLOAD_TIMEOUT"
        data_source.error_message = (
            "The file storage did not accept the upload in time; nothing was kept. Upload the file again."
        )
        data_source.finished_at = timezone.now()
        data_source.full_clean()
        data_source.save()
        stage_failure_record(
            team=team,
            stage=1,
            code="UPLOAD_TIMEOUT",
            subject=data_source,
            run=run,
            field="file",
            raw_value=original_name,
            detail=f"{data_source.error_message} ({timeout})",
        )
        stage_run_finish(run=run, status=StageRun.Status.FAILED, detail="UPLOAD_TIMEOUT")
        raise IngestError(
            "UPLOAD_TIMEOUT", data_source.error_message, http_status=504, retryable=True, data_source=data_source.pk
        ) from timeout
    # The upload is one run of stage 1; validating the stored file is the next.
    stage_run_finish(
        run=run, status=StageRun.Status.SUCCEEDED, count_in=1, count_out=1, detail=f"stored {data_source.file.name}"
    )
    if start:
        with transaction.atomic():
            journey.advance(stage=0, subject_id=data_source.pk)
    return data_source


def _fail(data_source: DataSource, run: StageRun, *, stage: int, code: str, message: str, row=None) -> DataSource:
    with transaction.atomic():
        _discard_records(data_source)
        data_source.rows_done = 0
        data_source.loaded_count = 0
        data_source.row_error_count = 0
        data_source.save(update_fields=["rows_done", "loaded_count", "row_error_count", "updated_at"])
        stage_failure_record(
            team=data_source.team_id,
            stage=stage,
            code=code,
            subject=data_source,
            run=run,
            source_file=data_source.source_file,
            source_row=row,
            detail=message,
        )
        data_source_transition(
            data_source=data_source, to=DataSource.Status.FAILED, error_code=code, error_message=message
        )
        stage_run_finish(run=run, status=StageRun.Status.FAILED, detail=f"{code}: {message}")
    return data_source


def _discard_records(data_source: DataSource) -> None:
    """Delete everything loaded from this file so a failed file keeps no records (the file itself stays)."""
    source_file = data_source.source_file
    if source_file:
        for model in (BusinessOwner, PersonaEmail, PersonaPhone, Persona, Business):
            model.objects.filter(source_file=source_file, team_id=data_source.team_id).delete()
    StageFailure.objects.filter(subject_id=data_source.pk).exclude(
        code__in=["UPLOAD_TIMEOUT", "QUOTA_EXCEEDED"]
    ).filter(source_row__isnull=False).delete()


def _stream(data_source: DataSource, encoding=None, delimiter=None) -> CsvStream:
    return CsvStream(lambda: storage.open_binary(data_source.source_file), encoding=encoding, delimiter=delimiter)


def data_source_ingest(*, data_source_id: str) -> DataSource:
    """Stage 1: check the stored file is readable CSV with the required columns; count its rows.

    Rows with the wrong number of fields are recorded as row errors (CSV_PARSE_ERROR with the row)
    and skipped later; an undecodable file, an unclosed quote or missing columns fail the file.
    """
    data_source = DataSource.objects.select_related("team").get(pk=data_source_id)
    if data_source.status == DataSource.Status.PROCESSING:
        return data_source  # another worker has it: tasks are idempotent
    data_source_transition(data_source=data_source, to=DataSource.Status.PROCESSING)
    # A re-run validates again and records the same row errors, and earlier file-level errors are
    # superseded (the failed runs keep them in the ledger): drop both.
    StageFailure.objects.filter(subject_id=data_source.pk).filter(
        Q(stage=1) | Q(stage=2, source_row__isnull=True)
    ).delete()
    run = stage_run_start(team=data_source.team_id, stage=1, subject=data_source)
    try:
        return _ingest(data_source, run)
    except Exception as exc:  # anything unexpected still ends in a named, retryable failure
        log.exception("stage 1 failed for %s", data_source.pk)
        return _fail(data_source, run, stage=1, code="PROCESSING_ERROR", message=_unexpected(exc))


def _unexpected(exc: Exception) -> str:
    return (
        f"Unexpected error while processing the file ({exc.__class__.__name__}: {str(exc)[:300]}). "
        "Nothing from the file was kept; retry the data source."
    )


def _ingest(data_source: DataSource, run: StageRun) -> DataSource:
    try:
        if not data_source.source_file or not storage.exists(data_source.source_file):
            return _fail(
                data_source,
                run,
                stage=1,
                code="UPLOAD_TIMEOUT",
                message="The stored file is missing; upload the file again.",
            )
        stream = _stream(data_source)
        encoding = stream.choose_encoding()
        try:
            record_count, row_errors = _validate(data_source, run, stream, encoding)
        except UnicodeDecodeError as exc:
            if encoding != "utf-8":
                raise decode_error(exc, encoding) from exc
            encoding = "cp1252"  # not UTF-8 anywhere in the file: the usual Windows export
            StageFailure.objects.filter(subject_id=data_source.pk, stage=1, source_row__isnull=False).delete()
            stream = _stream(data_source)
            try:
                record_count, row_errors = _validate(data_source, run, stream, encoding)
            except UnicodeDecodeError as exc2:
                raise decode_error(exc2, "UTF-8 or Windows-1252") from exc2
    except CsvError as exc:
        return _fail(data_source, run, stage=1, code=exc.code, message=exc.message, row=exc.row or None)
    except storage.StorageTimeout as exc:
        return _fail(
            data_source,
            run,
            stage=1,
            code="UPLOAD_TIMEOUT",
            message=f"Reading the stored file timed out; retry the data source. ({exc})",
        )

    header = stream.header
    data_source.encoding = encoding
    data_source.record_count = record_count
    data_source.metadata = {
        **data_source.metadata,
        "schema": {**header.as_schema(), "delimiter": stream.delimiter, "encoding": encoding},
    }
    data_source.save(update_fields=["encoding", "record_count", "metadata", "updated_at"])
    stage_run_finish(
        run=run, status=StageRun.Status.SUCCEEDED, count_in=record_count, count_out=record_count - row_errors
    )
    return data_source


def _validate(data_source: DataSource, run: StageRun, stream: CsvStream, encoding: str) -> tuple[int, int]:
    rows = stream.rows(encoding)
    count = 0
    errors = []
    error_total = 0
    width = None
    now = timezone.now()
    for row in rows:
        if width is None:
            header = stream.header
            missing = header.missing
            if missing:
                raise CsvError("MISSING_COLUMNS", _missing_message(missing, header.columns), row=0, missing=missing)
            width = len(header.columns)
        count += 1
        if not row_width_ok(row.cells, width):
            error_total += 1
            errors.append(
                StageFailure(
                    team_id=data_source.team_id,
                    stage=1,
                    code="CSV_PARSE_ERROR",
                    run=run,
                    subject_type=SUBJECT_TYPE,
                    subject_id=data_source.pk,
                    source_file=data_source.source_file,
                    source_row=row.number,
                    field="",
                    raw_value=",".join(row.cells)[:2000],
                    created_at=now,
                    detail=f"Row {row.number} (line {row.line}) has {len(row.cells)} fields; the header has {width}. "
                    "The row was skipped.",
                )
            )
            if len(errors) >= 5000:
                StageFailure.objects.bulk_create(errors)
                errors = []
    if width is None:  # header only, or nothing after it
        header = stream.header
        if header is not None and header.missing:
            raise CsvError("MISSING_COLUMNS", _missing_message(header.missing, header.columns), row=0)
    if errors:
        StageFailure.objects.bulk_create(errors)
    return count, error_total


def _missing_message(missing: list[str], columns: list[str]) -> str:
    shown = ", ".join(c for c in columns[:30] if c) or "(none)"
    return f"Required columns missing: {', '.join(missing)}. The header has: {shown}."


def data_source_normalize(*, data_source_id: str, chunk_rows: int | None = None) -> DataSource:
    """Stage 2: normalize the file's rows into businesses, personas, phones, emails and owner links.

    Work is committed chunk by chunk with ``rows_done`` in the same transaction, so progress is live
    and a re-run resumes after the last committed row: loading the same file twice never duplicates.
    """
    data_source = DataSource.objects.select_related("team").get(pk=data_source_id)
    if data_source.status != DataSource.Status.PROCESSING:
        return data_source
    run = stage_run_start(team=data_source.team_id, stage=2, subject=data_source, count_in=data_source.record_count)
    try:
        return _normalize(data_source, run, chunk_rows or settings.INGEST_CHUNK_ROWS)
    except Exception as exc:  # anything unexpected still ends in a named, retryable failure
        log.exception("stage 2 failed for %s", data_source.pk)
        return _fail(data_source, run, stage=2, code="PROCESSING_ERROR", message=_unexpected(exc))


def _normalize(data_source: DataSource, run: StageRun, chunk_rows: int) -> DataSource:
    team_id = data_source.team_id
    schema = data_source.metadata.get("schema", {})
    stream = _stream(data_source, encoding=data_source.encoding or "utf-8", delimiter=schema.get("delimiter"))
    skip_rows = set(
        StageFailure.objects.filter(
            subject_id=data_source.pk, stage=1, code="CSV_PARSE_ERROR", source_row__isnull=False
        ).values_list("source_row", flat=True)
    )
    resume_after = data_source.rows_done
    known = {
        f"{name}\t{zip5}": pk
        for pk, name, zip5 in Business.objects.for_team(team_id)
        .values_list("pk", "normalized_name", "zip5")
        .iterator(chunk_size=20000)
    }
    normalizer = None
    done = resume_after
    chunk_writer = ChunkWriter.for_connection()
    try:
        try:
            rows = stream.rows(data_source.encoding or "utf-8")
            pending = 0
            for row in rows:
                if normalizer is None:
                    normalizer = RowNormalizer(
                        team_id=team_id,
                        source_file=data_source.source_file,
                        header=stream.header,
                        subject_id=data_source.pk,
                        run_id=run.pk,
                        known_businesses=known,
                        now=timezone.now(),
                        today_year=timezone.now().year,
                    )
                if row.number <= resume_after:
                    continue
                done = row.number
                if row.number not in skip_rows:
                    normalizer.process(row)
                pending += 1
                if pending >= chunk_rows:
                    _commit_chunk(data_source, normalizer, done, chunk_writer)
                    normalizer.now = timezone.now()
                    pending = 0
            if normalizer is not None:
                _commit_chunk(data_source, normalizer, done, chunk_writer)
            chunk_writer.wait()
        finally:
            chunk_writer.close()  # waits for the chunk in flight; its error, if any, is raised here
    except (CsvError, UnicodeDecodeError) as exc:
        message = exc.message if isinstance(exc, CsvError) else str(decode_error(exc, data_source.encoding))
        return _fail(data_source, run, stage=2, code="CSV_PARSE_ERROR", message=message)
    except storage.StorageTimeout as exc:
        return _fail(
            data_source,
            run,
            stage=2,
            code="UPLOAD_TIMEOUT",
            message=f"Reading the stored file timed out; retry the data source. ({exc})",
        )

    counts = normalizer.counts if normalizer else LoadCounts()
    with transaction.atomic():
        data_source.refresh_from_db()
        data_source.rows_done = data_source.record_count
        data_source.row_error_count = (
            StageFailure.objects.filter(subject_id=data_source.pk, source_row__isnull=False)
            .values("source_row")
            .distinct()
            .count()
        )
        data_source.loaded_count = Persona.objects.filter(source_file=data_source.source_file).count()
        data_source.save(update_fields=["rows_done", "row_error_count", "loaded_count", "updated_at"])
        data_source_transition(data_source=data_source, to=DataSource.Status.COMPLETED)
        stage_run_finish(
            run=run,
            status=StageRun.Status.SUCCEEDED,
            count_in=counts.rows,
            count_out=counts.personas,
            detail=_counts_detail(counts),
        )
        journey.advance(stage=2, subject_id=data_source.pk, team_id=data_source.team_id)
    return data_source


class ChunkWriter:
    """Commit chunks of records: inline, or on PostgreSQL (outside a transaction) in writer threads.

    Each writer thread has its own connection, so PostgreSQL loads chunks k and k+1 on two backends
    while Python normalizes chunk k+2. Commits still happen in chunk order: a thread that finished
    its COPY waits for the previous chunk to commit before it commits, and fails (rolls back) if that
    one failed. So ``rows_done`` is always a committed prefix of the file and a resumed run starts
    right after it. An error in a thread is raised to the caller at the next submit or at ``close``.
    """

    def __init__(self, *, threads: int = 0):
        self._threads = threads
        self._executor = (
            ThreadPoolExecutor(max_workers=threads, thread_name_prefix="ingest-writer") if threads else None
        )
        self._inflight: deque = deque()

    @classmethod
    def for_connection(cls) -> "ChunkWriter":
        threaded = connection.vendor == "postgresql" and settings.INGEST_USE_COPY and not connection.in_atomic_block
        return cls(threads=settings.INGEST_WRITER_THREADS if threaded else 0)

    def submit(self, send, finish) -> None:
        if self._executor is None:
            with transaction.atomic():
                send()
                finish()
            return
        while len(self._inflight) >= self._threads:
            self._inflight.popleft().result()
        previous = self._inflight[-1] if self._inflight else None
        self._inflight.append(self._executor.submit(self._run, send, finish, previous))

    @staticmethod
    def _run(send, finish, previous) -> None:
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    # Losing the last commits in a crash is harmless: the run resumes after rows_done.
                    cursor.execute("SET LOCAL synchronous_commit = off")
                send()
                if previous is not None:
                    previous.result()  # commit in order; an earlier chunk's failure aborts this one
                finish()
        finally:
            connection.close()

    def wait(self) -> None:
        while self._inflight:
            self._inflight.popleft().result()

    def close(self) -> None:
        if self._executor is None:
            return
        try:
            self.wait()
        finally:
            for future in self._inflight:
                future.cancel()
            self._executor.shutdown(wait=True)


def _commit_chunk(data_source: DataSource, normalizer: RowNormalizer, done: int, writer: ChunkWriter | None = None):
    chunk = normalizer.take_chunk()
    counts = normalizer.counts
    loaded = data_source.loaded_count + counts.rows_loaded
    row_errors = _row_errors_stage1(data_source) + counts.rows_with_errors
    record_writer = writer_for_connection(settings.INGEST_USE_COPY)
    payloads = encode_chunk(record_writer, chunk)  # CPU work stays in this thread; writers mostly wait

    def send():
        send_chunk(record_writer, payloads)

    def finish():
        DataSource.objects.filter(pk=data_source.pk).update(
            rows_done=done, loaded_count=loaded, row_error_count=row_errors, updated_at=timezone.now()
        )

    (writer or ChunkWriter()).submit(send, finish)


def _row_errors_stage1(data_source: DataSource) -> int:
    cached = getattr(data_source, "_stage1_row_errors", None)
    if cached is None:
        cached = StageFailure.objects.filter(subject_id=data_source.pk, stage=1, source_row__isnull=False).count()
        data_source._stage1_row_errors = cached
    return cached


def _counts_detail(counts: LoadCounts) -> str:
    data = asdict(counts)
    data["failures"] = dict(counts.failures)
    return ", ".join(f"{k}={v}" for k, v in data.items())


def data_source_process(*, data_source_id: str) -> DataSource:
    """Run stages 1 and 2 for a data source in this process (used by the ``ingest`` command)."""
    data_source = data_source_ingest(data_source_id=data_source_id)
    if data_source.status == DataSource.Status.PROCESSING:
        data_source = data_source_normalize(data_source_id=data_source_id)
    return data_source


def data_source_retry(*, data_source: DataSource) -> DataSource:
    """Run a failed or completed data source again: it loads only rows not loaded yet.

    A source left ``processing`` by a worker that died (no progress for INGEST_STALE_SECONDS) is
    first marked failed with PROCESSING_ERROR; its committed rows stay and the run resumes after them.
    """
    data_source.refresh_from_db()
    if not data_source.file:
        raise IngestError(
            "UPLOAD_TIMEOUT", "This data source has no stored file; upload the file again.", http_status=409
        )
    if data_source.status == DataSource.Status.PROCESSING:
        idle = (timezone.now() - data_source.updated_at).total_seconds()
        if idle < settings.INGEST_STALE_SECONDS:
            raise IngestError(
                "ALREADY_PROCESSING",
                f"This data source is being processed (last progress {idle:.0f} s "
                "ago); it can be retried once it stops making progress.",
                http_status=409,
            )
        message = f"The worker stopped making progress {idle:.0f} s ago; the data source was restarted."
        with transaction.atomic():
            stage_failure_record(
                team=data_source.team_id,
                stage=2,
                code="PROCESSING_ERROR",
                subject=data_source,
                source_file=data_source.source_file,
                detail=message,
            )
            data_source_transition(
                data_source=data_source,
                to=DataSource.Status.FAILED,
                error_code="PROCESSING_ERROR",
                error_message=message,
            )
    if data_source.status not in (DataSource.Status.FAILED, DataSource.Status.COMPLETED):
        raise IllegalTransition("DataSource", data_source.status, DataSource.Status.PROCESSING)
    with transaction.atomic():
        journey.advance(stage=0, subject_id=data_source.pk)
    data_source.refresh_from_db()
    return data_source


__all__ = [
    "FAILURE_COLUMNS",
    "IngestError",
    "data_source_create",
    "data_source_ingest",
    "data_source_normalize",
    "data_source_process",
    "data_source_retry",
    "data_source_transition",
]
