"""Stage 2 in chunks: plan a file's row ranges, load each as leased work on any worker, complete the file.

Stage 1 reads the file once and cuts it into chunks of ``INGEST_CHUNK_ROWS`` rows (``chunks_plan``), noting
where each starts in the stored file, and, in the same transaction, records and queues the start of stage 2
(``ingest_start_plan``: an ``IngestStart``, leased work like the chunks, so a start task lost on its way is
sent again by the sweeper). The start (``data_source_chunks_start``) claims it, opens the stage-2 run and
enqueues every chunk on the bulk lane, so N workers on one host or many normalize and load in parallel.
A chunk (``ingest_chunk_run``):

1. claims its lease (``core.leases``); a duplicate delivery or a chunk already done returns at once;
2. reads only its bytes of the stored file and normalizes its rows in Python (``loader.RowNormalizer``,
   the same rules on every database), ``WRITE_BATCH_ROWS`` rows at a time;
3. settles each batch's businesses in a short transaction of their own: ``INSERT ... ON CONFLICT DO
   NOTHING`` on the team's unique (normalized name, ZIP), then reads who holds each key; a row whose key
   another row holds is a DUPLICATE_BUSINESS linked to it. Committed apart, so chunks sharing a business
   wait for each other for milliseconds, not for a whole chunk; a chunk run again finds its own businesses
   (same source row) and treats them as its own;
4. writes personas, phones, emails, owner links and row failures (COPY on PostgreSQL, ``bulk_create``
   elsewhere), marks itself done (fenced: refused if its lease was lost) and adds its rows to the data
   source's progress, all in one transaction: a chunk is loaded once or not at all. On PostgreSQL (outside
   a caller's transaction) that transaction runs in a writer thread on a connection of its own, which
   sends each batch while this thread reads and normalizes the next, so the database's time overlaps
   Python's instead of following it (``_ThreadedWrites``); elsewhere the batches are sent at the end;
5. the chunk that finds no other chunk left completes the data source and hands it to stage 3.

A worker killed mid-chunk loses nothing committed; the sweeper hands its chunk to another worker within
a minute. A file-level problem met in a chunk (bytes changed in storage, an unexpected error) fails the
whole file and discards its records, as before.
"""

import logging
import queue
import threading
from collections import Counter
from contextlib import nullcontext
from dataclasses import asdict

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.db.models import F
from django.utils import timezone

from usdatabiz.core import journey
from usdatabiz.core.leases import LeaseLost, work_claim, work_done, work_enqueue, work_heartbeat
from usdatabiz.core.models import LeasedWork, StageFailure, StageRun
from usdatabiz.core.selectors import stage_ended_at
from usdatabiz.core.services import stage_run_finish, stage_run_start

from . import services, storage
from .csvreader import CsvError, decode_error, is_footer_row, is_header_repeat, map_header, row_width_ok
from .loader import (
    CopyWriter,
    LoadCounts,
    RecordWriter,
    RowNormalizer,
    businesses_upsert,
    encode_chunk,
    send_chunk,
    writer_for_connection,
)
from .models import DataSource, IngestChunk, IngestStart
from .setload import SetLoader

log = logging.getLogger(__name__)
HEARTBEAT_ROWS = 5000
# Rows normalized, settled and handed to the writer at a time: small enough that the writer starts early and
# holds little, large enough that each COPY and business upsert carries thousands of rows.
WRITE_BATCH_ROWS = 5000
SUPERSEDED = "SUPERSEDED"  # a start of stage 2 replaced by the start of a later run of stage 1


class SourceStopped(Exception):
    """The data source is no longer processing (it failed meanwhile): the chunk commits nothing."""


def chunks_plan(*, data_source: DataSource, bounds: list[tuple[int, int, int, int, int]]) -> None:
    """Record the chunks of a validated file (in stage 1's transaction); a re-run keeps the chunks it had.

    ``bounds`` holds (first row, last row, lines before, byte start, byte end) per chunk. A file validated
    again (retry, re-run) keeps its earlier chunks when they cover the same rows, so chunks already done
    stay done and are not loaded twice; the others go back to pending.
    """
    existing = list(data_source.chunks.order_by("number").values_list("first_row", "last_row"))
    contiguous = bool(existing) and existing[0][0] == 1 and existing[-1][1] == data_source.record_count
    contiguous = contiguous and all(a[1] + 1 == b[0] for a, b in zip(existing, existing[1:], strict=False))
    if contiguous:
        data_source.chunks.exclude(state=LeasedWork.State.DONE).update(
            state=LeasedWork.State.PENDING,
            lease_owner="",
            lease_expires_at=None,
            enqueued_at=None,
            attempts=0,
            error_code="",
            error_detail="",
            finished_at=None,
        )
        return
    data_source.chunks.all().delete()
    IngestChunk.objects.bulk_create(
        [
            IngestChunk(
                team_id=data_source.team_id,
                data_source=data_source,
                number=number,
                first_row=first,
                last_row=last,
                lines_before=lines_before,
                byte_start=start,
                byte_end=end,
            )
            for number, (first, last, lines_before, start, end) in enumerate(bounds, start=1)
        ]
    )


def ingest_start_plan(*, data_source: DataSource, queue: bool) -> IngestStart:
    """Record the start of stage 2 for a file stage 1 found good (in stage 1's transaction); ``queue`` it too.

    Queued, the row notes when (``enqueued_at``) and the journey's follower of stage 1 is enqueued in this
    transaction (with the ORM broker the task is part of it; with Redis it is pushed once it commits): from
    then on the sweeper's rules for a lost task apply to the start as to any leased row. A start of an earlier
    run of stage 1 still open (a file restarted after its worker stopped) is superseded: this one replaces it.
    """
    data_source.starts.exclude(state__in=[LeasedWork.State.DONE, LeasedWork.State.FAILED]).update(
        state=LeasedWork.State.FAILED,
        lease_expires_at=None,
        finished_at=timezone.now(),
        error_code=SUPERSEDED,
        error_detail="Stage 1 ran again; the start it queued replaces this one.",
    )
    start = IngestStart.objects.create(team_id=data_source.team_id, data_source=data_source)
    if queue:
        IngestStart.objects.filter(pk=start.pk).update(enqueued_at=timezone.now())
        journey.advance(stage=1, subject_id=data_source.pk)
    return start


def _open_run(data_source: DataSource) -> StageRun | None:
    return (
        StageRun.objects.filter(subject_id=data_source.pk, stage=2, status=StageRun.Status.RUNNING)
        .order_by("-started_at")
        .first()
    )


def _stage1_error_rows(data_source: DataSource) -> int:
    return (
        StageFailure.objects.filter(subject_id=data_source.pk, stage=1, source_row__isnull=False)
        .exclude(code__in=services.WARNING_CODES)
        .values("source_row")
        .distinct()
        .count()
    )


def data_source_chunks_start(*, data_source_id: str, inline: bool = False) -> DataSource:
    """Start stage 2: open its run, count what done chunks already loaded, then enqueue (or run) the rest.

    Under the lease of the file's ``IngestStart``, marked done in the transaction that enqueues the chunks:
    a worker that dies before that leaves it to the sweeper; a second delivery finds it done or held.
    """
    data_source = DataSource.objects.select_related("team").get(pk=data_source_id)
    if data_source.scans.filter(state__in=[LeasedWork.State.PENDING, LeasedWork.State.RUNNING]).exists():
        return data_source  # stage 1 is still cutting the file (a duplicate delivery): its end queues stage 2
    start = data_source.starts.exclude(state__in=[LeasedWork.State.DONE, LeasedWork.State.FAILED]).last()
    if start is not None:
        start = work_claim(IngestStart, start.pk)
        if start is None:
            return data_source  # another worker is starting it
    if data_source.status != DataSource.Status.PROCESSING:
        if start is not None:
            _stop(start, data_source)
        return data_source
    if _open_run(data_source) is None:
        stage_run_start(  # felt from the end of stage 1, which enqueued this one
            team=data_source.team_id,
            stage=2,
            subject=data_source,
            count_in=data_source.record_count,
            triggered_at=stage_ended_at(stage=1, subject_id=data_source.pk),
        )
    done = [chunk for chunk in data_source.chunks.all() if chunk.state == LeasedWork.State.DONE]
    DataSource.objects.filter(pk=data_source.pk).update(
        rows_done=sum(chunk.row_count for chunk in done),
        loaded_count=sum(chunk.counts.get("personas", 0) for chunk in done),
        row_error_count=_stage1_error_rows(data_source)
        + sum(chunk.counts.get("rows_with_errors", 0) for chunk in done),
        updated_at=timezone.now(),
    )
    todo = list(
        data_source.chunks.exclude(state__in=[LeasedWork.State.DONE, LeasedWork.State.FAILED]).order_by("number")
    )
    if not todo and len(done) == data_source.chunks.count():
        with transaction.atomic():
            _start_done(start)
            data_source.refresh_from_db()
            _complete(data_source)
    elif inline:
        with transaction.atomic():
            _start_done(start)
        for chunk in todo:
            ingest_chunk_run(chunk_id=chunk.pk)
    else:
        # With the ORM broker the queued tasks commit together with the start's done state; in sync mode (tests)
        # each runs as it is queued, once the start is done.
        with nullcontext() if settings.Q_CLUSTER.get("sync") else transaction.atomic():
            _start_done(start)
            for chunk in todo:
                work_enqueue(chunk)
    data_source.refresh_from_db()
    return data_source


def _start_done(start: IngestStart | None) -> None:
    """Mark the start done in the caller's transaction (fenced: LeaseLost if another worker took it over)."""
    if start is not None:
        work_done(start)


def ingest_start_run(*, start_id: str) -> DataSource | None:
    """Start stage 2 of the file of a start the sweeper sent again; None when the start is gone with its file."""
    data_source_id = IngestStart.objects.filter(pk=start_id).values_list("data_source_id", flat=True).first()
    if data_source_id is None:
        return None
    return data_source_chunks_start(data_source_id=data_source_id)


def ingest_start_given_up(start: IngestStart, *, code: str, detail: str) -> None:
    """The sweeper gave the start of stage 2 up after Q_MAX_ATTEMPTS dead workers: fail its file."""
    data_source = DataSource.objects.get(pk=start.data_source_id)
    if data_source.status != DataSource.Status.PROCESSING:
        return
    run = _open_run(data_source) or stage_run_start(team=data_source.team_id, stage=2, subject=data_source)
    message = f"Starting the load: {detail} Nothing from the file was kept; retry the data source."
    services._fail(data_source, run, stage=2, code=code, message=message)


def ingest_chunk_run(*, chunk_id: str) -> IngestChunk | None:
    """Load one chunk of a data source (see the module docstring); None when another worker has it."""
    chunk = work_claim(IngestChunk, chunk_id)
    if chunk is None:
        return None
    data_source = DataSource.objects.get(pk=chunk.data_source_id)
    run = _open_run(data_source)
    if data_source.status != DataSource.Status.PROCESSING or run is None:
        _stop(chunk, data_source)
        return chunk
    try:
        _load(chunk, data_source, run)
    except (LeaseLost, SourceStopped) as exc:
        log.info("chunk %s stopped: %s", chunk.pk, exc)
    except (CsvError, UnicodeDecodeError) as exc:
        if isinstance(exc, UnicodeDecodeError):
            encoding = data_source.encoding
            exc = decode_error(exc, "UTF-8 or Windows-1252" if encoding in ("utf-8", "utf-8-sig") else encoding)
        services._fail(data_source, run, stage=2, code="CSV_PARSE_ERROR", message=exc.message)
    except storage.StorageTimeout as exc:
        message = f"Reading the stored file timed out; retry the data source. ({exc})"
        services._fail(data_source, run, stage=2, code="UPLOAD_TIMEOUT", message=message)
    except Exception as exc:  # anything unexpected still ends in a named failure
        if services.storage_read_error(exc):
            services._fail(data_source, run, stage=2, code=services.FILE_UNREADABLE, message=services._unreadable(exc))
        else:
            log.exception("stage 2 chunk %s failed for %s", chunk.pk, data_source.pk)
            services._fail(data_source, run, stage=2, code="PROCESSING_ERROR", message=services._unexpected(exc))
    return chunk


def _stop(row: IngestChunk | IngestStart, data_source: DataSource) -> None:
    """Finish a chunk or start claimed for a file that is no longer processing, as failed: nothing to load."""
    type(row).objects.filter(pk=row.pk, lease_owner=row.lease_owner).update(
        state=LeasedWork.State.FAILED,
        lease_expires_at=None,
        finished_at=timezone.now(),
        error_code=data_source.error_code or "NOT_PROCESSING",
        error_detail=f"The data source is {data_source.status}; nothing was loaded.",
    )


def ingest_chunk_given_up(chunk: IngestChunk, *, code: str, detail: str) -> None:
    """The sweeper gave a chunk up after Q_MAX_ATTEMPTS dead workers: fail its file, keeping nothing of it."""
    data_source = DataSource.objects.get(pk=chunk.data_source_id)
    if data_source.status != DataSource.Status.PROCESSING:
        return
    run = _open_run(data_source) or stage_run_start(team=data_source.team_id, stage=2, subject=data_source)
    message = (
        f"Rows {chunk.first_row}-{chunk.last_row}: {detail} Nothing from the file was kept; retry the data source."
    )
    services._fail(data_source, run, stage=2, code=code, message=message)


def _still_processing(data_source_id: str) -> None:
    """Raise SourceStopped unless the data source is processing; on PostgreSQL hold it until commit.

    The shared row lock lets chunks commit side by side, while a failure (which updates the row) waits for
    them and then discards what they wrote; a chunk arriving after the failure sees it and rolls back.
    """
    table = connection.ops.quote_name(DataSource._meta.db_table)
    lock = " FOR SHARE" if connection.vendor == "postgresql" else ""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT status FROM {table} WHERE id = %s{lock}", [data_source_id])
        found = cursor.fetchone()
    if not found or found[0] != DataSource.Status.PROCESSING:
        raise SourceStopped(f"data source {data_source_id} is {found[0] if found else 'gone'}")


def _load(chunk: IngestChunk, data_source: DataSource, run: StageRun) -> None:
    schema = data_source.metadata.get("schema", {})
    columns = schema.get("columns", [])
    stream = services._stream(data_source, delimiter=schema.get("delimiter"))
    rows = stream.rows_between(
        codec=schema.get("codec") or ("cp1252" if data_source.encoding == "cp1252" else "utf-8"),
        columns=columns,
        start=chunk.byte_start,
        end=chunk.byte_end,
        first_number=chunk.first_row,
        lines_before=chunk.lines_before,
    )
    now = timezone.now()
    header = map_header(columns)
    if settings.INGEST_NORMALIZE == "sql" and settings.INGEST_USE_COPY and connection.vendor == "postgresql":
        if SetLoader.fits(header):
            _load_set(chunk, data_source, run, rows, header, now)
            return
    normalizer = RowNormalizer(
        team_id=data_source.team_id,
        source_file=data_source.source_file,
        header=header,
        subject_id=data_source.pk,
        run_id=run.pk,
        now=now,
        today_year=now.year,
    )
    writer = writer_for_connection(settings.INGEST_USE_COPY)
    # A caller's transaction (tests) must see every write, and SQLite has one writer: both send on this connection.
    threaded = isinstance(writer, CopyWriter) and not connection.in_atomic_block
    writes = _ThreadedWrites(writer) if threaded else _InlineWrites(writer)
    try:
        _read_chunk(
            chunk, rows, columns, normalizer.process, lambda: writes.put(_settle(writer, normalizer, data_source))
        )
    except BaseException:
        writes.abort()
        raise
    writes.commit(lambda: _chunk_done(chunk, data_source, normalizer.counts))


def _read_chunk(chunk: IngestChunk, rows, columns: list[str], take, settle) -> None:
    """Hand each row of the chunk's byte range to ``take`` and call ``settle`` every ``WRITE_BATCH_ROWS`` rows and at
    the end, keeping the lease alive; the stored file must end the range at the chunk's last row."""
    last = chunk.first_row - 1
    pending = 0
    width = len(columns)
    for row in rows:
        last = row.number
        if last > chunk.last_row:
            break
        # Rows of the wrong width, totals lines and repeated headers were recorded by stage 1 and are skipped.
        if row_width_ok(row.cells, width) and not is_footer_row(row.cells) and not is_header_repeat(row.cells, columns):
            take(row)
            pending += 1
        if last % HEARTBEAT_ROWS == 0 and not work_heartbeat(chunk):
            raise LeaseLost(f"chunk {chunk.pk} was taken over while reading")
        if pending >= WRITE_BATCH_ROWS:
            settle()
            pending = 0
    if last != chunk.last_row:
        raise CsvError(
            "CSV_PARSE_ERROR",
            f"The stored file changed after it was validated: rows {chunk.first_row}-{chunk.last_row} were "
            f"expected at bytes {chunk.byte_start}-{chunk.byte_end}, row {last} was found last. "
            "Upload the file again.",
            row=chunk.first_row,
        )
    if not work_heartbeat(chunk):
        raise LeaseLost(f"chunk {chunk.pk} was taken over while normalizing")
    settle()


def _load_set(chunk: IngestChunk, data_source: DataSource, run: StageRun, rows, header, now) -> None:
    """Load a chunk through staging tables and set-based SQL (``setload``): the same records as ``RowNormalizer``."""
    loader = SetLoader(
        team_id=data_source.team_id,
        source_file=data_source.source_file,
        header=header,
        subject_id=data_source.pk,
        run_id=run.pk,
        now=now,
        today_year=now.year,
    )
    loader.start()
    _read_chunk(chunk, rows, header.columns, loader.add, lambda: _settle_set(loader, data_source))
    with transaction.atomic():
        _synchronous_commit_off()
        counts = loader.write()
        _chunk_done(chunk, data_source, counts)


def _settle_set(loader: SetLoader, data_source: DataSource) -> None:
    """Normalize the rows read so far in SQL and settle their businesses (committed apart, as ``_settle``)."""
    for attempt in range(3):  # a deadlock is worth another try: the batch's staging rows roll back with it
        try:
            with transaction.atomic():
                loader.settle()
                _still_processing(data_source.pk)
            break
        except OperationalError:
            if attempt == 2:
                raise
    loader.settled()


def _settle(writer: RecordWriter, normalizer: RowNormalizer, data_source: DataSource) -> list:
    """Settle the businesses of the rows normalized so far (committed apart), link the rows, encode their records."""
    for attempt in range(3):  # a deadlock or a busy SQLite file is worth another try
        try:
            with transaction.atomic():
                # Not waiting for the disk at commit: the log is written in order, so a chunk whose own (later)
                # commit survives a crash finds these businesses too; one that does not is loaded again.
                _synchronous_commit_off()
                holders = businesses_upsert(writer, normalizer.chunk.businesses, team_id=data_source.team_id)
                _still_processing(data_source.pk)
            break
        except OperationalError:
            if attempt == 2:
                raise
    normalizer.resolve(holders)
    return encode_chunk(writer, normalizer.take_chunk())


def _synchronous_commit_off() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Losing the last commits in a database crash is harmless: their chunks are not done either.
            cursor.execute("SET LOCAL synchronous_commit = off")


def _chunk_done(chunk: IngestChunk, data_source: DataSource, counts: LoadCounts) -> None:
    """Mark the chunk done and add its rows to the progress (in the chunk's write transaction); complete the file."""
    work_done(chunk, counts=_counts_dict(counts))
    # Progress is the sum of committed chunks. This row lock is taken last, so chunks overlap until here.
    updated = DataSource.objects.filter(pk=data_source.pk, status=DataSource.Status.PROCESSING).update(
        rows_done=F("rows_done") + chunk.row_count,
        loaded_count=F("loaded_count") + counts.personas,
        row_error_count=F("row_error_count") + counts.rows_with_errors,
        updated_at=timezone.now(),
    )
    if not updated:
        raise SourceStopped(f"data source {data_source.pk} stopped processing")
    if not IngestChunk.objects.filter(data_source_id=data_source.pk).exclude(state=LeasedWork.State.DONE).exists():
        data_source.refresh_from_db()
        _complete(data_source)


class _InlineWrites:
    """Keep a chunk's encoded batches and send them all, then mark the chunk done, in one transaction here."""

    def __init__(self, writer: RecordWriter):
        self.writer = writer
        self.batches: list[list] = []

    def put(self, payloads: list) -> None:
        self.batches.append(payloads)

    def abort(self) -> None:
        self.batches = []

    def commit(self, done) -> None:
        with transaction.atomic():
            _synchronous_commit_off()
            for payloads in self.batches:
                send_chunk(self.writer, payloads)
            done()


class _ThreadedWrites:
    """Send a chunk's batches in one transaction of a writer thread, on its own connection, as they come.

    The writer mostly waits on PostgreSQL (COPY), so this thread reads and normalizes the next batch meanwhile.
    ``commit`` runs ``done`` in the writer's transaction and commits; ``abort`` rolls everything back. An error
    in the writer (a lost lease, a stopped data source, a database error) is raised here, at the next ``put``
    or at ``commit``, and nothing of the chunk's records is committed.
    """

    def __init__(self, writer: RecordWriter):
        self.writer = writer
        self.queue: queue.Queue = queue.Queue(maxsize=2)  # at most two encoded batches wait in memory
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="ingest-writer", daemon=True)
        self.thread.start()

    def put(self, payloads: list) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put(("send", payloads))

    def abort(self) -> None:
        self.queue.put(("abort", None))
        self.thread.join()

    def commit(self, done) -> None:
        self.queue.put(("commit", done))
        self.thread.join()
        if self.error is not None:
            raise self.error

    def _run(self) -> None:
        ended = False
        try:
            with transaction.atomic():
                _synchronous_commit_off()
                while True:
                    kind, value = self.queue.get()
                    if kind == "send":
                        send_chunk(self.writer, value)
                        continue
                    ended = True
                    if kind == "abort":
                        transaction.set_rollback(True)
                    else:
                        value()
                    break
        except BaseException as exc:  # handed to the caller's thread, which decides what it means
            self.error = exc
            while not ended:  # take what the caller still sends until it commits or aborts, so it never blocks
                ended = self.queue.get()[0] != "send"
        finally:
            connection.close()


def _counts_dict(counts: LoadCounts) -> dict:
    data = asdict(counts)
    data["failures"] = dict(counts.failures)
    return data


def _complete(data_source: DataSource) -> None:
    """Complete a data source whose chunks are all done (in the caller's transaction); stage 3 follows."""
    total = LoadCounts()
    failures = Counter()
    for counts in data_source.chunks.values_list("counts", flat=True):
        for name, value in counts.items():
            if name == "failures":
                failures.update(value)
            elif hasattr(total, name):
                setattr(total, name, getattr(total, name) + value)
    total.failures = failures
    data_source.rows_done = data_source.record_count
    data_source.loaded_count = total.personas
    data_source.row_error_count = _stage1_error_rows(data_source) + total.rows_with_errors
    data_source.save(update_fields=["rows_done", "loaded_count", "row_error_count", "updated_at"])
    services.data_source_transition(data_source=data_source, to=DataSource.Status.COMPLETED)
    run = _open_run(data_source)
    if run is not None:
        stage_run_finish(
            run=run,
            status=StageRun.Status.SUCCEEDED,
            count_in=total.rows,
            count_out=total.personas,
            detail=services._counts_detail(total),
        )
    journey.advance(stage=2, subject_id=data_source.pk, team_id=data_source.team_id)
