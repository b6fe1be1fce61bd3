"""Writes of stages 1-2: upload, status transitions, validation (stage 1) and normalization (stage 2)."""

import logging
import time
from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone

from identity.models import Business, BusinessOwner, Persona, PersonaEmail, PersonaPhone
from usdatabiz.core import journey
from usdatabiz.core.errors import DomainError, IllegalTransition
from usdatabiz.core.handovers import handover_taken_over
from usdatabiz.core.leases import LeaseLost, lease_seconds, work_claim, work_done, work_heartbeat
from usdatabiz.core.models import StageFailure, StageRun, Team
from usdatabiz.core.services import stage_failure_record, stage_run_finish, stage_run_start
from usdatabiz.core.transitions import transition

from . import storage
from .csvreader import (
    ENCODING_FALLBACK,
    CsvError,
    CsvStream,
    decode_error,
    is_footer_row,
    is_header_repeat,
    row_width_ok,
)
from .loader import FAILURE_COLUMNS, LoadCounts
from .models import DataSource, IngestScan, IngestStart

log = logging.getLogger(__name__)
SUBJECT_TYPE = "ingestion.datasource"
FILE_UNREADABLE = "FILE_UNREADABLE"  # the stored file exists but cannot be read (permissions, storage error)
# Row failures that do not make a row an error: the row loaded as it is (recorded for the operator to see).
WARNING_CODES = (ENCODING_FALLBACK,)


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
    # Guarded update through the one transition helper: two workers racing on the same file cannot both win a
    # transition, and each move leaves an audit row.
    transition(
        data_source, to, reason=f"{error_code}: {error_message}" if error_code else "",
        **{f: getattr(data_source, f) for f in fields if f not in ("status", "updated_at")},
    )  # fmt: skip
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
            journey.advance(stage=0, subject_id=data_source.pk, team_id=data_source.team_id)
    return data_source


def _fail(data_source: DataSource, run: StageRun, *, stage: int, code: str, message: str, row=None) -> DataSource:
    with transaction.atomic():
        # The transition comes first: it locks the data source, so a chunk committing right now finishes
        # before its records are discarded below, and a chunk committing later sees "failed" and rolls back.
        try:
            data_source_transition(
                data_source=data_source, to=DataSource.Status.FAILED, error_code=code, error_message=message
            )
        except IllegalTransition:  # another worker failed (or finished) it first: its outcome stands
            stage_run_finish(run=run, status=StageRun.Status.FAILED, detail=f"{code}: {message}")
            data_source.refresh_from_db()
            return data_source
        _discard_records(data_source)
        # A start of stage 2 still on its way has nothing left to start: the sweeper must not send it again.
        data_source.starts.exclude(state__in=[IngestStart.State.DONE, IngestStart.State.FAILED]).update(
            state=IngestStart.State.FAILED,
            lease_expires_at=None,
            finished_at=timezone.now(),
            error_code=code,
            error_detail=message[:4000],
        )
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
        stage_run_finish(run=run, status=StageRun.Status.FAILED, detail=f"{code}: {message}")
        if stage == 1:
            # The failed validation run closes any stage 2 run still open from an earlier attempt.
            StageRun.objects.filter(subject_id=data_source.pk, stage=2, status=StageRun.Status.RUNNING).update(
                status=StageRun.Status.FAILED, finished_at=timezone.now(), detail=f"{code}: {message}"
            )
    return data_source


def _discard_records(data_source: DataSource) -> None:
    """Delete everything loaded from this file so a failed file keeps no records (the file itself stays).

    A business of this file that rows of another file were linked to (DUPLICATE_BUSINESS) stays: it is
    theirs too. The file's chunks go as well, so a retry plans and loads it afresh.
    """
    source_file = data_source.source_file
    team_id = data_source.team_id
    if source_file:
        for model in (BusinessOwner, PersonaEmail, PersonaPhone, Persona):
            model.objects.filter(source_file=source_file, team_id=team_id).delete()
        Business.objects.filter(source_file=source_file, team_id=team_id).exclude(
            pk__in=BusinessOwner.objects.filter(team_id=team_id).values("business_id")
        ).delete()
    StageFailure.objects.filter(subject_id=data_source.pk).exclude(
        code__in=["UPLOAD_TIMEOUT", "QUOTA_EXCEEDED"]
    ).filter(source_row__isnull=False).delete()
    data_source.chunks.all().delete()


def _stream(data_source: DataSource, encoding=None, delimiter=None) -> CsvStream:
    name = data_source.source_file
    return CsvStream(
        lambda: storage.open_binary(name),
        encoding=encoding,
        delimiter=delimiter,
        range_opener=lambda start, end: storage.open_range(name, start, end),
    )


def data_source_ingest(*, data_source_id: str, hand_over: bool = False) -> DataSource:
    """Stage 1: check the stored file is readable CSV with the required columns; count its rows.

    Rows with the wrong number of fields are recorded as row errors (CSV_PARSE_ERROR with the row)
    and skipped later; an undecodable file, an unclosed quote or missing columns fail the file. The
    check runs as leased work (``IngestScan``): a worker killed or timed out in the middle of it is
    replaced by the sweeper within a minute (``ingest_scan_run``). A good file gets its start of stage 2
    (``IngestStart``) in the transaction that ends stage 1; with ``hand_over`` (the tasks) that transaction
    also queues it, otherwise the caller starts stage 2 itself (``data_source_normalize``).
    """
    data_source = DataSource.objects.select_related("team").get(pk=data_source_id)
    if data_source.status == DataSource.Status.PROCESSING:
        return data_source  # another worker has it: tasks are idempotent
    # A person waits from the upload; a retry is measured from the retry (this run).
    now = timezone.now()
    triggered_at = data_source.created_at if data_source.status == DataSource.Status.UPLOADED else now
    with transaction.atomic():
        data_source_transition(data_source=data_source, to=DataSource.Status.PROCESSING)
        scan = IngestScan.objects.create(
            team_id=data_source.team_id, data_source=data_source, triggered_at=triggered_at
        )
        handover_taken_over()  # the scan is leased work: from here on stage 1 recovers by itself
    return ingest_scan_run(scan_id=scan.pk, hand_over=hand_over) or DataSource.objects.get(pk=data_source_id)


def ingest_scan_run(*, scan_id: str, hand_over: bool = False) -> DataSource | None:
    """Run stage 1 of a data source under the scan's lease; None when another worker holds it or it is finished.

    ``hand_over``: queue stage 2 in the transaction that ends stage 1 (see ``data_source_ingest``).
    """
    scan = work_claim(IngestScan, scan_id)
    if scan is None:
        return None
    data_source = DataSource.objects.select_related("team").get(pk=scan.data_source_id)
    if data_source.status != DataSource.Status.PROCESSING:  # failed or re-run meanwhile: nothing to check
        _scan_finished(scan)
        return data_source
    # A re-run (or a scan taken over from a worker that stopped) validates again and records the same row
    # errors, and earlier file-level errors are superseded (the failed runs keep them in the ledger): drop both.
    StageFailure.objects.filter(subject_id=data_source.pk).filter(
        Q(stage=1) | Q(stage=2, source_row__isnull=True)
    ).delete()
    run = stage_run_start(team=data_source.team_id, stage=1, subject=data_source, triggered_at=scan.triggered_at)
    try:
        data_source = _ingest(data_source, run, scan, hand_over=hand_over)
    except LeaseLost as exc:  # the sweeper gave the scan to another worker, which goes on with it
        log.info("stage 1 of %s stopped: %s", data_source.pk, exc)
        return None
    except Exception as exc:  # anything unexpected still ends in a named, retryable failure
        log.exception("stage 1 failed for %s", data_source.pk)
        data_source = _fail(data_source, run, stage=1, code="PROCESSING_ERROR", message=_unexpected(exc))
    _scan_finished(scan)
    return data_source


def _scan_finished(scan: IngestScan) -> None:
    """Mark the scan done after an outcome that is not a good file (the file failed, or nothing was left to do)."""
    if scan.state == IngestScan.State.DONE:
        return
    try:
        with transaction.atomic():
            work_done(scan)
    except LeaseLost:
        pass  # another worker holds it now: its outcome stands


def ingest_scan_given_up(scan: IngestScan, *, code: str, detail: str) -> None:
    """The sweeper gave stage 1 up after Q_MAX_ATTEMPTS dead workers: fail the file with the reason."""
    data_source = DataSource.objects.get(pk=scan.data_source_id)
    if data_source.status != DataSource.Status.PROCESSING:
        return
    run = stage_run_start(team=data_source.team_id, stage=1, subject=data_source, triggered_at=scan.triggered_at)
    message = f"Checking the file: {detail} Nothing from the file was kept; retry the data source."
    _fail(data_source, run, stage=1, code=code, message=message)


def _unexpected(exc: Exception) -> str:
    return (
        f"Unexpected error while processing the file ({exc.__class__.__name__}: {str(exc)[:300]}). "
        "Nothing from the file was kept; retry the data source."
    )


def _unreadable(exc: Exception) -> str:
    return (
        f"The stored file cannot be read ({exc.__class__.__name__}: {str(exc)[:300]}). "
        "Nothing from the file was kept; upload the file again."
    )


def storage_read_error(exc: BaseException) -> bool:
    """Tell whether ``exc`` means the stored file itself cannot be read (not a bug, not a timeout)."""
    if isinstance(exc, OSError):
        return True
    try:
        from botocore.exceptions import BotoCoreError, ClientError
    except ImportError:  # pragma: no cover - boto3 is a dependency
        return False
    return isinstance(exc, BotoCoreError | ClientError)


def _ingest(data_source: DataSource, run: StageRun, scan: IngestScan, *, hand_over: bool) -> DataSource:
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
            scan_result = _scan(data_source, run, stream, encoding, beat=_heartbeat(scan))
        except UnicodeDecodeError as exc:
            raise decode_error(exc, "UTF-8 or Windows-1252" if stream.codec == "utf-8" else encoding) from exc
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
    except Exception as exc:
        if not storage_read_error(exc):
            raise
        return _fail(data_source, run, stage=1, code=FILE_UNREADABLE, message=_unreadable(exc))

    lines = stream.lines
    if encoding == "utf-8" and lines.fallback_lines and not lines.utf8_lines:
        # Not UTF-8 anywhere in the file: the usual Windows export, read as such (no row is an exception).
        encoding = "cp1252"
        StageFailure.objects.filter(subject_id=data_source.pk, stage=1, code=ENCODING_FALLBACK).delete()
    codec = "cp1252" if encoding == "cp1252" else stream.codec
    header = stream.header
    with transaction.atomic():
        data_source.encoding = encoding
        data_source.record_count = scan_result.count
        data_source.metadata = {
            **data_source.metadata,
            "schema": {**header.as_schema(), "delimiter": stream.delimiter, "encoding": encoding, "codec": codec},
        }
        data_source.save(update_fields=["encoding", "record_count", "metadata", "updated_at"])
        from .chunks import chunks_plan, ingest_start_plan

        chunks_plan(data_source=data_source, bounds=scan_result.bounds)
        stage_run_finish(
            run=run,
            status=StageRun.Status.SUCCEEDED,
            count_in=scan_result.count,
            count_out=scan_result.count - scan_result.errors,
        )
        work_done(scan)  # fenced: a worker that lost the lease commits none of this (LeaseLost rolls it back)
        # The hand-over to stage 2 commits with stage 1: a start task lost after this is sent again by the sweeper.
        ingest_start_plan(data_source=data_source, queue=hand_over)
    return data_source


def _heartbeat(scan: IngestScan):
    """Return a function that renews the scan's lease at most every third of its length; LeaseLost once lost."""
    every = lease_seconds() / 3
    last = [time.monotonic()]

    def beat(force: bool = False) -> None:
        if not force and time.monotonic() - last[0] < every:
            return
        if not work_heartbeat(scan):
            raise LeaseLost(scan.pk)
        last[0] = time.monotonic()

    return beat


@dataclass
class Scan:
    count: int = 0  # data rows
    errors: int = 0  # rows with the wrong number of fields (skipped)
    # One (first row, last row, lines before, byte start, byte end) per chunk of stage 2.
    bounds: list[tuple[int, int, int, int, int]] = field(default_factory=list)


def _scan(
    data_source: DataSource, run: StageRun, stream: CsvStream, encoding: str, chunk_rows: int | None = None, beat=None
):
    """Read every row once: count, record rows of the wrong width and rows read as Windows-1252, cut chunks.

    ``beat`` (``_heartbeat``) is called as rows are read and before row failures are written: it renews the
    lease of the scan and stops a worker that lost it.
    """
    beat = beat or (lambda force=False: None)
    chunk_rows = chunk_rows or settings.INGEST_CHUNK_ROWS
    scan = Scan()
    failures = []
    width = None
    now = timezone.now()
    start = lines_before = last_line = 0
    end = None

    def failure(row, code, raw, detail):
        return StageFailure(
            team_id=data_source.team_id,
            stage=1,
            code=code,
            run=run,
            subject_type=SUBJECT_TYPE,
            subject_id=data_source.pk,
            source_file=data_source.source_file,
            source_row=row.number,
            field="",
            raw_value=raw[:2000],
            created_at=now,
            detail=detail,
        )

    for row in stream.rows(encoding):
        if width is None:
            header = stream.header
            missing = header.missing
            if missing:
                raise CsvError("MISSING_COLUMNS", _missing_message(missing, header.columns), row=0, missing=missing)
            width = len(header.columns)
            start, lines_before = stream.data_start, 0
        if scan.count % chunk_rows == 0 and scan.count:
            scan.bounds.append((scan.count - chunk_rows + 1, scan.count, lines_before, start, end))
            start, lines_before = end, last_line
        scan.count += 1
        if scan.count % 1000 == 0:
            beat()
        end, last_line = row.end, row.line
        if row.fallback is not None:
            bad = row.fallback.object[row.fallback.start : row.fallback.start + 1].hex()
            failures.append(
                failure(
                    row,
                    ENCODING_FALLBACK,
                    ",".join(row.cells),
                    f"Row {row.number} (line {row.line}) is not UTF-8 (byte 0x{bad}); it was read as Windows-1252.",
                )
            )
        if not row_width_ok(row.cells, width):
            scan.errors += 1
            failures.append(
                failure(
                    row,
                    "CSV_PARSE_ERROR",
                    ",".join(row.cells),
                    f"Row {row.number} (line {row.line}) has {len(row.cells)} fields; the header has {width}. "
                    "The row was skipped.",
                )
            )
        elif is_footer_row(row.cells):
            scan.errors += 1
            failures.append(
                failure(
                    row,
                    "CSV_PARSE_ERROR",
                    ",".join(row.cells),
                    f"Row {row.number} (line {row.line}) is a totals or footer line of the export, not a record. "
                    "The row was skipped.",
                )
            )
        elif is_header_repeat(row.cells, header.columns):
            scan.errors += 1
            failures.append(
                failure(
                    row,
                    "CSV_PARSE_ERROR",
                    ",".join(row.cells),
                    f"Row {row.number} (line {row.line}) repeats the header (two exports pasted together?), "
                    "not a record. The row was skipped.",
                )
            )
        if len(failures) >= 5000:
            beat(force=True)
            StageFailure.objects.bulk_create(failures)
            failures = []
    if width is None:  # header only, or nothing after it
        header = stream.header
        if header is not None and header.missing:
            raise CsvError("MISSING_COLUMNS", _missing_message(header.missing, header.columns), row=0)
    elif scan.count:
        first = (scan.count - 1) // chunk_rows * chunk_rows + 1
        scan.bounds.append((first, scan.count, lines_before, start, end))
    if failures:
        beat(force=True)
        StageFailure.objects.bulk_create(failures)
    return scan


def _missing_message(missing: list[str], columns: list[str]) -> str:
    shown = ", ".join(c for c in columns[:30] if c) or "(none)"
    return f"Required columns missing: {', '.join(missing)}. The header has: {shown}."


def data_source_normalize(*, data_source_id: str, inline: bool = False) -> DataSource:
    """Stage 2: normalize the file's rows into businesses, personas, phones, emails and owner links.

    The chunks planned by stage 1 run as separate tasks (``inline``: one after the other in this
    process); each commits its records with its progress, and the last one completes the data source.
    """
    from .chunks import data_source_chunks_start

    return data_source_chunks_start(data_source_id=data_source_id, inline=inline)


def _counts_detail(counts: LoadCounts) -> str:
    data = asdict(counts)
    data["failures"] = dict(counts.failures)
    return ", ".join(f"{k}={v}" for k, v in data.items())


def data_source_process(*, data_source_id: str) -> DataSource:
    """Run stages 1 and 2 for a data source in this process (the ``ingest`` command without a cluster)."""
    data_source = data_source_ingest(data_source_id=data_source_id)
    if data_source.status == DataSource.Status.PROCESSING:
        data_source = data_source_normalize(data_source_id=data_source_id, inline=True)
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
        journey.advance(stage=0, subject_id=data_source.pk, team_id=data_source.team_id)
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
