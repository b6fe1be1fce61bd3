"""Stage 2 in chunks: planning, idempotent runs, take-over by the sweeper, and the business key under races."""

import threading
import time
from collections import Counter
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from identity.models import Business, BusinessOwner, Persona, PersonaEmail, PersonaPhone
from ingestion import chunks, services
from ingestion.loader import businesses_upsert, writer_for_connection
from ingestion.models import DataSource, IngestChunk, IngestStart
from ingestion.tests.factories import business_candidate
from usdatabiz.core.leases import work_claim, work_sweep
from usdatabiz.core.models import StageFailure, StageRun
from usdatabiz.core.services import stage_run_start
from usdatabiz.core.tests.factories import TeamFactory

from .factories import GOOD_ROWS, csv_bytes, row_with, upload

RECORD_MODELS = (Business, Persona, PersonaPhone, PersonaEmail, BusinessOwner)
needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="two transactions at once need a server database; SQLite serializes writers (CI runs PostgreSQL)",
)


def _rows(n: int) -> list[list[str]]:
    """``n`` good rows: every third one repeats an earlier business (same name and ZIP)."""
    rows = []
    for i in range(n):
        base = i // 3 * 3 if i % 3 == 2 else i
        rows.append(row_with(i % 3, Company_Name=f"Company {base}", First_Name=f"Pat{i}", Zip=f"{78000 + base:05d}"))
    return rows


def _snapshot(source_file: str) -> dict[str, list]:
    return {
        model.__name__: sorted(model.objects.filter(source_file=source_file).values_list("source_record_id", "pk"))
        for model in RECORD_MODELS
    }


def _validated(team, content: bytes, settings, chunk_rows: int) -> DataSource:
    settings.INGEST_CHUNK_ROWS = chunk_rows
    data_source = services.data_source_create(team=team, file=upload(content), start=False)
    return services.data_source_ingest(data_source_id=data_source.pk)


# --- planning ----------------------------------------------------------------------------------------------------


def test_stage_1_cuts_the_file_into_chunks_of_rows_with_their_bytes(team, settings):
    # given a 7-row file with a blank line and a quoted line break, validated in chunks of 3 rows
    rows = _rows(7)
    rows[4] = row_with(1, Address="Suite 5\nBuilding B", Zip="78704")
    content = csv_bytes(rows).replace(b"\r\n", b"\r\n\r\n", 2)  # a blank line after the header and row 1
    data_source = _validated(team, content, settings, chunk_rows=3)

    # then there are chunks of rows 1-3, 4-6 and 7, each starting where the previous one ended
    planned = list(data_source.chunks.values_list("number", "first_row", "last_row", "byte_start", "byte_end"))
    assert [(n, first, last) for n, first, last, _, _ in planned] == [(1, 1, 3), (2, 4, 6), (3, 7, 7)]
    assert planned[0][4] == planned[1][3]
    assert planned[1][4] == planned[2][3]
    assert planned[2][4] == len(content)
    # and each chunk's bytes hold exactly its rows
    second = content[planned[1][3] : planned[1][4]].decode()
    assert second.count("Pat") == 2
    assert "Building B" in second
    assert all(state == "pending" for state in data_source.chunks.values_list("state", flat=True))


def test_a_header_only_file_has_no_chunk_and_completes(team, settings):
    data_source = _validated(team, csv_bytes([]), settings, chunk_rows=3)
    assert data_source.chunks.count() == 0
    assert services.data_source_normalize(data_source_id=data_source.pk).status == DataSource.Status.COMPLETED


# --- idempotency -------------------------------------------------------------------------------------------------


def test_a_chunk_run_twice_loads_nothing_twice(team, settings):
    # given a file whose chunks were all loaded
    data_source = _validated(team, csv_bytes(_rows(9)), settings, chunk_rows=4)
    services.data_source_normalize(data_source_id=data_source.pk)
    before = _snapshot(data_source.source_file)
    failures_before = StageFailure.objects.filter(subject_id=data_source.pk).count()

    # when every chunk's task is delivered again (at-least-once brokers do that)
    for chunk in data_source.chunks.all():
        assert chunks.ingest_chunk_run(chunk_id=chunk.pk) is None  # done: nothing to claim

    # then no record and no failure is added
    assert _snapshot(data_source.source_file) == before
    assert StageFailure.objects.filter(subject_id=data_source.pk).count() == failures_before


def test_a_chunk_whose_businesses_committed_before_its_worker_died_finds_them_as_its_own(team, settings, monkeypatch):
    # given a chunk whose worker committed its businesses, then died before its records
    data_source = _validated(team, csv_bytes(_rows(6)), settings, chunk_rows=6)
    services.data_source_normalize(data_source_id=data_source.pk, inline=False)  # sync: runs now
    source_file = data_source.source_file
    expected = _snapshot(source_file)
    expected_failures = sorted(StageFailure.objects.filter(subject_id=data_source.pk).values_list("source_row", "code"))
    for model in (BusinessOwner, PersonaEmail, PersonaPhone, Persona):
        model.objects.filter(source_file=source_file).delete()
    StageFailure.objects.filter(subject_id=data_source.pk, stage=2).delete()
    DataSource.objects.filter(pk=data_source.pk).update(status=DataSource.Status.PROCESSING)
    IngestChunk.objects.filter(data_source=data_source).update(state="pending")

    # when the chunk runs again
    services.data_source_normalize(data_source_id=data_source.pk)

    # then its rows are linked to the businesses they created, with the same failures (no DUPLICATE_BUSINESS more)
    data_source.refresh_from_db()
    assert data_source.status == DataSource.Status.COMPLETED
    again = _snapshot(source_file)
    assert again["Business"] == expected["Business"]
    assert [row for row, _ in again["Persona"]] == [row for row, _ in expected["Persona"]]
    assert (
        sorted(StageFailure.objects.filter(subject_id=data_source.pk).values_list("source_row", "code"))
        == expected_failures
    )


def test_a_killed_workers_chunk_is_taken_over_by_the_sweeper(team, settings, monkeypatch, time_machine):
    # given a file of 3 chunks whose second chunk's worker died after claiming it
    data_source = _validated(team, csv_bytes(_rows(9)), settings, chunk_rows=3)
    second = data_source.chunks.get(number=2)
    assert work_claim(IngestChunk, second.pk, owner="dead-host:1") is not None
    services.data_source_normalize(data_source_id=data_source.pk)  # runs 1 and 3; 2 is held by the dead worker
    data_source.refresh_from_db()
    assert (data_source.status, data_source.rows_done) == (DataSource.Status.PROCESSING, 6)

    # when its lease expires and the sweeper runs (every minute)
    time_machine.move_to(timezone.now() + timedelta(seconds=settings.WORK_LEASE_SECONDS + 1))
    assert work_sweep(models=[IngestChunk]) == {"requeued": 1, "failed": 0}

    # then another worker loaded it (inline here) and the file completed with every row once
    data_source.refresh_from_db()
    assert (data_source.status, data_source.rows_done, data_source.loaded_count) == ("completed", 9, 9)
    assert sorted(
        Persona.objects.filter(source_file=data_source.source_file).values_list("source_record_id", flat=True)
    ) == list(range(1, 10))
    second.refresh_from_db()
    assert (second.state, second.attempts) == ("done", 2)


def test_a_chunk_given_up_fails_its_file_and_keeps_nothing(team, settings, time_machine):
    # given a chunk whose workers died Q_MAX_ATTEMPTS times
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "max_attempts": 1}
    data_source = _validated(team, csv_bytes(_rows(6)), settings, chunk_rows=3)
    first = data_source.chunks.get(number=1)
    work_claim(IngestChunk, first.pk, owner="dead-host:1")
    services.data_source_normalize(data_source_id=data_source.pk)  # chunk 2 loads
    assert Persona.objects.filter(source_file=data_source.source_file).count() == 3

    # when the sweeper gives it up
    time_machine.move_to(timezone.now() + timedelta(seconds=settings.WORK_LEASE_SECONDS + 1))
    assert work_sweep(models=[IngestChunk]) == {"requeued": 0, "failed": 1}

    # then the file failed with TASK_TIMEOUT naming the rows, its records are discarded, and a retry loads it
    data_source.refresh_from_db()
    assert (data_source.status, data_source.error_code) == ("failed", "TASK_TIMEOUT")
    assert data_source.error_message.startswith("Rows 1-3: Its worker stopped (killed or timed out) 1 times")
    assert Persona.objects.filter(source_file=data_source.source_file).count() == 0
    services.data_source_retry(data_source=data_source)
    data_source.refresh_from_db()
    assert (data_source.status, data_source.loaded_count) == ("completed", 6)


def test_a_chunk_of_a_failed_file_loads_nothing(team, settings):
    # given a validated file that failed meanwhile (another chunk met an error)
    data_source = _validated(team, csv_bytes(_rows(3)), settings, chunk_rows=3)
    DataSource.objects.filter(pk=data_source.pk).update(status=DataSource.Status.FAILED, error_code="X")
    chunk = data_source.chunks.get()

    # when its chunk runs
    chunks.ingest_chunk_run(chunk_id=chunk.pk)

    # then nothing is written and the chunk says why
    assert Persona.objects.filter(source_file=data_source.source_file).count() == 0
    chunk.refresh_from_db()
    assert (chunk.state, chunk.error_code) == ("failed", "X")


# --- the business key: no read-then-write, no race ------------------------------------------------------------------


def test_the_database_refuses_a_second_business_with_the_same_key(team):
    from django.db import IntegrityError

    Business.objects.create(team=team, name="Acme", normalized_name="ACME", zip5="78701")
    with pytest.raises(IntegrityError), transaction.atomic():
        Business.objects.create(team=team, name="ACME Inc", normalized_name="ACME", zip5="78701")


def test_upsert_inserts_only_free_keys_and_says_who_holds_each(team):
    writer = writer_for_connection()
    first = businesses_upsert(
        writer, [business_candidate(team, "Acme", 1), business_candidate(team, "Bolt", 2)], team_id=team.pk
    )
    second = businesses_upsert(writer, [business_candidate(team, "Bolt", 7, source_file="raw/b.csv")], team_id=team.pk)
    assert first["ACME\t78701"][1:3] == ("raw/a.csv", 1)
    assert second == {"BOLT\t78701": first["BOLT\t78701"]}
    assert Business.objects.filter(team=team).count() == 2


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_transactions_inserting_the_same_key_at_once_make_one_business(team):
    # given transaction A that inserted ACME and BOLT and has not committed yet
    writer = writer_for_connection()
    a_inserted, results, timings = threading.Event(), {}, {}

    def worker_a():
        try:
            with transaction.atomic():
                results["a"] = businesses_upsert(
                    writer, [business_candidate(team, "Acme", 1), business_candidate(team, "Bolt", 2)], team_id=team.pk
                )
                a_inserted.set()
                time.sleep(1.0)
        finally:
            connection.close()

    def worker_b():
        try:
            a_inserted.wait(10)
            started = time.monotonic()
            with transaction.atomic():
                results["b"] = businesses_upsert(
                    writer,
                    [
                        business_candidate(team, "Bolt", 9, source_file="raw/b.csv"),
                        business_candidate(team, "Cedar", 10, source_file="raw/b.csv"),
                    ],
                    team_id=team.pk,
                )
            timings["b"] = time.monotonic() - started
        finally:
            connection.close()

    # when transaction B inserts BOLT and CEDAR at the same time
    threads = [threading.Thread(target=worker_a), threading.Thread(target=worker_b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    # then B waited for A on BOLT and yielded to it: one business per key, both agree who holds BOLT
    assert timings["b"] >= 0.5
    assert results["b"]["BOLT\t78701"] == results["a"]["BOLT\t78701"]
    assert results["b"]["BOLT\t78701"][1:3] == ("raw/a.csv", 2)
    assert sorted(Business.objects.filter(team=team).values_list("normalized_name", flat=True)) == [
        "ACME",
        "BOLT",
        "CEDAR",
    ]


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_files_of_a_team_loaded_at_once_never_duplicate_a_business(team, settings):
    # given two files of one team sharing most of their businesses, each cut into several chunks
    settings.INGEST_CHUNK_ROWS = 40
    shared = _rows(200)
    sources = [
        services.data_source_create(team=team, file=upload(csv_bytes(rows), name), start=False)
        for name, rows in (("a.csv", shared), ("b.csv", list(reversed(shared))))
    ]
    for data_source in sources:
        services.data_source_ingest(data_source_id=data_source.pk)
    barrier = threading.Barrier(2)
    errors = []

    def load(data_source_id):
        try:
            barrier.wait(10)
            services.data_source_normalize(data_source_id=data_source_id, inline=True)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    # when both are normalized at the same time in two workers
    threads = [threading.Thread(target=load, args=(ds.pk,)) for ds in sources]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)

    # then both completed, each key has one business, and every row with a company either created it or links to it
    assert errors == []
    assert [DataSource.objects.get(pk=ds.pk).status for ds in sources] == ["completed", "completed"]
    keys = {(f"COMPANY {row[0].split()[1]}", row[9]) for row in shared}
    businesses = list(Business.objects.filter(team=team).values_list("normalized_name", "zip5"))
    assert len(businesses) == len(set(businesses)) == len(keys)
    duplicates = StageFailure.objects.filter(team_id=team.pk, code="DUPLICATE_BUSINESS").count()
    assert duplicates + len(keys) == 2 * len(shared)
    owner_business = set(BusinessOwner.objects.filter(team_id=team.pk).values_list("business_id", flat=True))
    assert owner_business <= set(Business.objects.filter(team=team).values_list("pk", flat=True))


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_chunks_of_one_file_loaded_at_once_never_duplicate_a_business(team, settings):
    # given one file whose two chunks share their businesses (rows 1-60 repeat as rows 61-120)
    rows = _rows(60)
    data_source = _validated(team, csv_bytes(rows + rows), settings, chunk_rows=60)
    from usdatabiz.core.services import stage_run_start

    stage_run_start(team=team.pk, stage=2, subject=data_source, count_in=data_source.record_count)
    barrier = threading.Barrier(2)
    errors = []

    def run(chunk_id):
        try:
            barrier.wait(10)
            chunks.ingest_chunk_run(chunk_id=chunk_id)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    # when both chunks run in two workers at the same time
    threads = [threading.Thread(target=run, args=(c.pk,)) for c in data_source.chunks.all()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    # then the file completed once, with one business per key and the rest linked to them
    assert errors == []
    data_source.refresh_from_db()
    assert (data_source.status, data_source.rows_done, data_source.loaded_count) == ("completed", 120, 120)
    keys = {(r[0], r[9]) for r in rows}
    assert Business.objects.filter(team=team).count() == len(keys)
    assert StageFailure.objects.filter(subject_id=data_source.pk, code="DUPLICATE_BUSINESS").count() == 120 - len(keys)
    assert Persona.objects.filter(source_file=data_source.source_file).count() == 120


# --- writes in a writer thread ---------------------------------------------------------------------------------------


def _records(source_file: str) -> dict[str, list]:
    """Every record of a file by row, without ids, tenant or file name (which differ between two loads)."""
    skip = {"id", "team", "team_id", "source_file", "created_at", "updated_at", "persona", "business"}
    out = {}
    for model in RECORD_MODELS:
        names = [f.attname for f in model._meta.concrete_fields if f.name not in skip and f.attname not in skip]
        out[model.__name__] = sorted(model.objects.filter(source_file=source_file).values_list(*names))
    out["failures"] = sorted(
        StageFailure.objects.filter(source_file=source_file).values_list("source_row", "code", "field", "raw_value")
    )
    return out


def _sends_from(monkeypatch) -> list[str]:
    """Record the name of the thread that sends each batch of records (the real send still runs)."""
    threads = []
    real = chunks.send_chunk

    def send_chunk(writer, payloads):
        threads.append(threading.current_thread().name)
        return real(writer, payloads)

    monkeypatch.setattr(chunks, "send_chunk", send_chunk)
    return threads


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_batches_sent_by_the_writer_thread_load_what_one_transaction_loads(team, other_team, settings, monkeypatch):
    # given a file with duplicate businesses across batches, a bad phone, a short row, loaded 4 rows at a time
    monkeypatch.setattr(chunks, "WRITE_BATCH_ROWS", 4)
    sends = _sends_from(monkeypatch)
    rows = [*_rows(17), row_with(0, Phone="12"), ["short", "row"], *_rows(6)]
    threaded = _validated(team, csv_bytes(rows), settings, chunk_rows=10)

    # when one team's copy loads through the writer thread, and another's in one transaction of this thread
    assert services.data_source_normalize(data_source_id=threaded.pk, inline=True).status == "completed"
    assert set(sends) == {"ingest-writer"}
    assert len(sends) == 8  # chunks of 10, 10 (one row too short) and 5 rows: 3 + 3 + 2 batches
    sends.clear()
    inline = _validated(other_team, csv_bytes(rows), settings, chunk_rows=10)
    with transaction.atomic():
        assert services.data_source_normalize(data_source_id=inline.pk, inline=True).status == "completed"
    assert set(sends) == {threading.current_thread().name}

    # then both hold the same records and failures, row by row, and the same progress
    assert _records(threaded.source_file) == _records(inline.source_file)
    assert _records(threaded.source_file)["failures"]  # duplicates, a bad phone: the comparison covers failures
    threaded.refresh_from_db()
    inline.refresh_from_db()
    progress = ("rows_done", "loaded_count", "row_error_count")
    # 25 rows, one too short to load; rows with errors: 11 DUPLICATE_BUSINESS, the bad phone and the short row
    assert [getattr(threaded, f) for f in progress] == [getattr(inline, f) for f in progress] == [25, 24, 13]


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_a_chunk_whose_lease_is_lost_keeps_none_of_the_batches_its_writer_sent(team, settings, monkeypatch):
    # given a 12-row chunk whose batches of 4 rows go to the writer thread, and another worker that takes the chunk
    # over just before the end (its lease moves to another owner)
    monkeypatch.setattr(chunks, "WRITE_BATCH_ROWS", 4)
    sends = _sends_from(monkeypatch)
    data_source = _validated(team, csv_bytes(_rows(12)), settings, chunk_rows=12)
    from usdatabiz.core.services import stage_run_start

    stage_run_start(team=team.pk, stage=2, subject=data_source, count_in=12)
    chunk = data_source.chunks.get()
    real_heartbeat = chunks.work_heartbeat

    def heartbeat(row):
        alive = real_heartbeat(row)
        IngestChunk.objects.filter(pk=row.pk).update(lease_owner="other-host:1")
        return alive

    monkeypatch.setattr(chunks, "work_heartbeat", heartbeat)

    # when the chunk runs
    chunks.ingest_chunk_run(chunk_id=chunk.pk)

    # then the writer had sent batches, but its transaction rolled back: no record, no failure, no progress
    assert len(sends) >= 2
    assert Persona.objects.filter(source_file=data_source.source_file).count() == 0
    assert StageFailure.objects.filter(subject_id=data_source.pk, stage=2).count() == 0
    chunk.refresh_from_db()
    data_source.refresh_from_db()
    assert (chunk.state, chunk.lease_owner) == ("running", "other-host:1")
    assert (data_source.status, data_source.rows_done) == (DataSource.Status.PROCESSING, 0)


# --- counts match the file whatever the chunk size -------------------------------------------------------------------


@pytest.mark.parametrize("chunk_rows", [1, 2, 5, 1000])
def test_the_outcome_does_not_depend_on_the_chunk_size(team, settings, chunk_rows):
    rows = [*_rows(8), row_with(0, Phone="12"), ["short", "row"], GOOD_ROWS[1]]
    data_source = _validated(team, csv_bytes(rows), settings, chunk_rows=chunk_rows)
    data_source = services.data_source_normalize(data_source_id=data_source.pk)
    assert data_source.status == DataSource.Status.COMPLETED
    assert (data_source.record_count, data_source.rows_done, data_source.loaded_count) == (11, 11, 10)
    failures = sorted(StageFailure.objects.filter(subject_id=data_source.pk).values_list("source_row", "code"))
    assert failures == [
        (3, "DUPLICATE_BUSINESS"),
        (6, "DUPLICATE_BUSINESS"),
        (9, "INVALID_PHONE"),
        (10, "CSV_PARSE_ERROR"),
    ]
    assert data_source.row_error_count == 4


# --- a whole cluster killed: what it had pulled from the queue is sent again within a minute -------------------------


@pytest.fixture
def roster():
    """The sweeper's memory of the clusters it saw, empty at the start and the end of the test."""
    from usdatabiz.core.lanes import _cache
    from usdatabiz.core.leases import _roster_key

    _cache().delete(_roster_key())
    yield
    _cache().delete(_roster_key())


def _cluster(name: str, *, born, lane: str = "bulk", workers=(101, 102)) -> dict:
    """A live cluster as ``core.lanes.running_clusters`` describes it."""
    return {
        "host": "host-a",
        "sentinel": 100,
        "lane": lane,
        "status": "Working",
        "workers": len(workers),
        "cluster_id": name,
        "born": born,
        "owners": [f"host-a:{pid}" for pid in workers],
    }


def _queued_but_unclaimed(team, settings, *, at) -> DataSource:
    """A 9-row file in 3 chunks whose stage 2 started and whose chunks were queued at ``at``, none claimed."""
    from usdatabiz.core.services import stage_run_start

    data_source = _validated(team, csv_bytes(_rows(9)), settings, chunk_rows=3)
    stage_run_start(team=team.pk, stage=2, subject=data_source, count_in=9)
    data_source.chunks.update(enqueued_at=at)
    return data_source


def test_chunks_a_dead_cluster_had_pulled_are_sent_again_at_the_next_sweep(team, settings, roster):
    # given 3 chunks queued at t0 while bulk cluster A ran, which the sweeper saw alive
    t0 = timezone.now()
    data_source = _queued_but_unclaimed(team, settings, at=t0)
    cluster_a = _cluster("a", born=t0 - timedelta(hours=1))
    assert work_sweep(models=[IngestChunk], now=t0 + timedelta(seconds=5), clusters=[cluster_a])["requeued"] == 0
    # and while A lives, a minute later, they are only waiting in its queue: nothing is sent twice
    assert work_sweep(models=[IngestChunk], now=t0 + timedelta(seconds=65), clusters=[cluster_a])["requeued"] == 0

    # when A is killed (the whole cluster) and the next sweep, a minute later, no longer sees it
    counts = work_sweep(models=[IngestChunk], now=t0 + timedelta(seconds=125), clusters=[])

    # then every pending chunk is sent again at once, not after WORK_LOST_AFTER_SECONDS, and loads once
    assert counts == {"requeued": 3, "failed": 0}
    data_source.refresh_from_db()
    assert (data_source.status, data_source.rows_done, data_source.loaded_count) == ("completed", 9, 9)
    assert sorted(
        Persona.objects.filter(source_file=data_source.source_file).values_list("source_record_id", flat=True)
    ) == list(range(1, 10))
    # and the next sweep has nothing left to send
    assert work_sweep(models=[IngestChunk], now=t0 + timedelta(seconds=185), clusters=[]) == {
        "requeued": 0,
        "failed": 0,
    }


def test_pending_chunks_older_than_every_live_cluster_are_sent_again(team, settings, roster):
    # given 3 chunks queued at t0, then every cluster restarted (the sweeper never saw the dead one): B was
    # born after they were queued
    t0 = timezone.now()
    data_source = _queued_but_unclaimed(team, settings, at=t0)
    first = data_source.chunks.get(number=1)
    IngestChunk.objects.filter(pk=first.pk).update(enqueued_at=t0 + timedelta(seconds=40))  # queued after B's birth
    cluster_b = _cluster("b", born=t0 + timedelta(seconds=30))

    # when the sweeper runs
    counts = work_sweep(models=[IngestChunk], now=t0 + timedelta(seconds=45), clusters=[cluster_b])

    # then the two queued before B was born are sent again; the one queued to B waits in its queue
    assert counts == {"requeued": 2, "failed": 0}
    assert sorted(data_source.chunks.values_list("number", "state")) == [(1, "pending"), (2, "done"), (3, "done")]


def test_a_chunk_running_on_a_dead_cluster_is_taken_over_before_its_lease_expires(team, settings, roster):
    # given a chunk claimed by worker 101 of bulk cluster A, which the sweeper saw alive
    t0 = timezone.now()
    data_source = _queued_but_unclaimed(team, settings, at=t0 - timedelta(seconds=10))
    data_source.chunks.exclude(number=2).update(state="done")
    second = data_source.chunks.get(number=2)
    assert work_claim(IngestChunk, second.pk, owner="host-a:101") is not None
    cluster_a = _cluster("a", born=t0 - timedelta(hours=1))
    assert work_sweep(models=[IngestChunk], now=t0, clusters=[cluster_a])["requeued"] == 0

    # when A is killed and the next sweep comes while the chunk's lease still runs (30 s)
    counts = work_sweep(models=[IngestChunk], now=t0 + timedelta(seconds=5), clusters=[])

    # then the chunk went to another worker at once and loaded its rows once
    assert counts == {"requeued": 1, "failed": 0}
    second.refresh_from_db()
    assert (second.state, second.attempts) == ("done", 2)
    assert sorted(
        Persona.objects.filter(source_file=data_source.source_file).values_list("source_record_id", flat=True)
    ) == [4, 5, 6]


def test_a_running_chunk_of_a_live_worker_is_left_alone_when_another_cluster_dies(team, settings, roster):
    # given a chunk claimed by worker 201 of cluster B, and cluster A (workers 101, 102) seen alive too
    t0 = timezone.now()
    data_source = _queued_but_unclaimed(team, settings, at=t0 - timedelta(seconds=10))
    second = data_source.chunks.get(number=2)
    work_claim(IngestChunk, second.pk, owner="host-a:201")
    cluster_a = _cluster("a", born=t0 - timedelta(hours=1))
    cluster_b = _cluster("b", born=t0 - timedelta(hours=1), workers=(201,))
    work_sweep(models=[IngestChunk], now=t0, clusters=[cluster_a, cluster_b])

    # when A dies
    work_sweep(models=[IngestChunk], now=t0 + timedelta(seconds=5), clusters=[cluster_b])

    # then B's chunk keeps its lease (the pending ones of the lane were sent again)
    second.refresh_from_db()
    assert (second.state, second.lease_owner, second.attempts) == ("running", "host-a:201", 1)


# --- the hand-over from stage 1 to stage 2: a start task lost on its way is sent again -------------------------------

NORMALIZE_TASK = "ingestion.tasks.data_source_normalize_task"


def _handed_over_but_start_lost(team, content: bytes, settings, monkeypatch, chunk_rows: int = 3) -> DataSource:
    """A file whose stage 1 ran as its task does (hand-over queued) and whose stage-2 start the broker lost."""
    import django_q.tasks

    from ingestion.tasks import data_source_ingest_task

    settings.INGEST_CHUNK_ROWS = chunk_rows
    data_source = services.data_source_create(team=team, file=upload(content), start=False)
    deliver, lost = django_q.tasks.async_task, []

    def broker(func, *args, **kwargs):  # the broker's edge: the start of stage 2 never reaches a worker
        if func == NORMALIZE_TASK:
            lost.append(args)
            return None
        return deliver(func, *args, **kwargs)

    monkeypatch.setattr(django_q.tasks, "async_task", broker)
    assert data_source_ingest_task(data_source.pk) == DataSource.Status.PROCESSING
    monkeypatch.setattr(django_q.tasks, "async_task", deliver)
    assert lost == [(data_source.pk,)]
    return data_source


def _outcome(data_source: DataSource) -> dict:
    """What a file loaded: its counts, the rows of its records, its failures per code (run ids aside)."""
    data_source.refresh_from_db()
    failures = Counter(StageFailure.objects.filter(subject_id=data_source.pk).values_list("stage", "code"))
    return {
        "status": data_source.status,
        "counts": (data_source.record_count, data_source.rows_done, data_source.loaded_count),
        "row_errors": data_source.row_error_count,
        "records": {
            model.__name__: sorted(
                model.objects.filter(source_file=data_source.source_file).values_list("source_record_id", flat=True)
            )
            for model in RECORD_MODELS
        },
        "failures": dict(failures),
    }


def test_a_start_of_stage_2_lost_with_a_dead_cluster_is_sent_again_and_loads_as_an_uninterrupted_run(
    team, settings, monkeypatch, roster
):
    from ingestion.tasks import data_source_normalize_task, ingest_start_run_task

    # given a 10-row file (one row of the wrong width) whose stage 1 committed and queued the start of stage 2
    # at t0, a start that bulk cluster A pulled and lost when it was killed
    rows = _rows(10)
    content = csv_bytes(rows).replace(b"Pat4,", b"Pat4,extra,", 1)
    t0 = timezone.now()
    data_source = _handed_over_but_start_lost(team, content, settings, monkeypatch)
    start = IngestStart.objects.get(data_source=data_source)
    assert (start.state, start.attempts, start.enqueued_at is not None) == ("pending", 0, True)
    assert data_source.scans.get().state == "done"
    assert list(data_source.chunks.values_list("state", flat=True)) == ["pending"] * 4
    assert not StageRun.objects.filter(subject_id=data_source.pk, stage=2).exists()
    cluster_a = _cluster("a", born=t0 - timedelta(hours=1))
    # while A lives the start only waits in its queue: nothing is sent twice
    assert work_sweep(models=[IngestStart], now=t0 + timedelta(seconds=5), clusters=[cluster_a])["requeued"] == 0

    # when A is gone at the next sweep (a minute later)
    counts = work_sweep(models=[IngestStart, IngestChunk], now=t0 + timedelta(seconds=65), clusters=[])

    # then the start was sent again at once (not after WORK_LOST_AFTER_SECONDS) and the file loaded
    assert counts == {"requeued": 1, "failed": 0}
    start.refresh_from_db()
    assert (start.state, start.attempts) == ("done", 1)
    outcome = _outcome(data_source)
    assert outcome["status"] == DataSource.Status.COMPLETED
    # as an uninterrupted run of the same file loads it: every row once, the same failures
    reference = services.data_source_create(team=TeamFactory(slug="ref"), file=upload(content))
    assert outcome == _outcome(reference)
    assert outcome["records"]["Persona"] == [1, 2, 3, 4, 6, 7, 8, 9, 10]
    # with one stage-2 run, felt from the end of stage 1
    (run,) = StageRun.objects.filter(subject_id=data_source.pk, stage=2)
    stage_1 = StageRun.objects.filter(subject_id=data_source.pk, stage=1).latest("started_at")
    assert (run.status, run.triggered_at) == ("succeeded", stage_1.finished_at)

    # and the lost task delivered after all (Q_RETRY), or the start sent again, loads nothing twice
    assert data_source_normalize_task(data_source.pk) == DataSource.Status.COMPLETED
    assert ingest_start_run_task(start.pk) == DataSource.Status.COMPLETED
    assert _outcome(data_source) == outcome
    assert work_sweep(models=[IngestStart, IngestChunk], now=t0 + timedelta(seconds=125), clusters=[]) == {
        "requeued": 0,
        "failed": 0,
    }


def test_a_start_of_stage_2_lost_behind_a_live_cluster_is_sent_again_after_work_lost_after_seconds(
    team, settings, monkeypatch, roster
):
    # given a start of stage 2 lost by a broker while bulk cluster A stayed alive (a long queue looks the same)
    settings.WORK_LOST_AFTER_SECONDS = 600
    t0 = timezone.now()
    data_source = _handed_over_but_start_lost(team, csv_bytes(_rows(6)), settings, monkeypatch)
    cluster_a = _cluster("a", born=t0 - timedelta(hours=1))

    # when the sweeper runs within WORK_LOST_AFTER_SECONDS, then after it
    early = work_sweep(models=[IngestStart], now=t0 + timedelta(seconds=300), clusters=[cluster_a])
    late = work_sweep(models=[IngestStart], now=t0 + timedelta(seconds=601), clusters=[cluster_a])

    # then it is sent again only once it counts as lost, and the file loads
    assert (early["requeued"], late["requeued"]) == (0, 1)
    data_source.refresh_from_db()
    assert (data_source.status, data_source.loaded_count) == ("completed", 6)


def test_a_start_of_stage_2_whose_worker_died_is_taken_over_when_its_lease_expires(team, settings, time_machine):
    # given a file checked in stage 1, whose start of stage 2 a worker claimed, opened the run of, then died
    data_source = _validated(team, csv_bytes(_rows(6)), settings, chunk_rows=3)
    start = IngestStart.objects.get(data_source=data_source)
    assert work_claim(IngestStart, start.pk, owner="dead-host:1") is not None
    stage_run_start(team=team.pk, stage=2, subject=data_source, count_in=6)
    # a second delivery meanwhile does nothing: a live lease holds the start
    services.data_source_normalize(data_source_id=data_source.pk)
    assert set(data_source.chunks.values_list("state", "enqueued_at")) == {("pending", None)}

    # when its lease expires and the sweeper runs
    time_machine.move_to(timezone.now() + timedelta(seconds=settings.WORK_LEASE_SECONDS + 1))
    assert work_sweep(models=[IngestStart]) == {"requeued": 1, "failed": 0}

    # then another worker started stage 2 in the same run and the file loaded once
    start.refresh_from_db()
    assert (start.state, start.attempts) == ("done", 2)
    data_source.refresh_from_db()
    assert (data_source.status, data_source.rows_done, data_source.loaded_count) == ("completed", 6, 6)
    (run,) = StageRun.objects.filter(subject_id=data_source.pk, stage=2)
    assert run.status == "succeeded"


def test_a_start_of_stage_2_given_up_fails_its_file_with_task_timeout(team, settings, time_machine):
    # given a start of stage 2 whose workers died Q_MAX_ATTEMPTS times
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "max_attempts": 1}
    data_source = _validated(team, csv_bytes(_rows(6)), settings, chunk_rows=3)
    start = IngestStart.objects.get(data_source=data_source)
    work_claim(IngestStart, start.pk, owner="dead-host:1")

    # when the sweeper gives it up
    time_machine.move_to(timezone.now() + timedelta(seconds=settings.WORK_LEASE_SECONDS + 1))
    assert work_sweep(models=[IngestStart]) == {"requeued": 0, "failed": 1}

    # then the file failed with TASK_TIMEOUT, saying so, and no run is left open
    data_source.refresh_from_db()
    assert (data_source.status, data_source.error_code) == ("failed", "TASK_TIMEOUT")
    assert data_source.error_message.startswith("Starting the load: Its worker stopped (killed or timed out) 1 times")
    assert not StageRun.objects.filter(subject_id=data_source.pk, status="running").exists()
    # and a retry loads it, with a start of its own
    services.data_source_retry(data_source=data_source)
    data_source.refresh_from_db()
    assert (data_source.status, data_source.loaded_count) == ("completed", 6)
    assert sorted(data_source.starts.values_list("state", flat=True)) == ["done", "failed"]


def test_a_start_of_a_file_that_failed_meanwhile_is_not_sent_again(team, settings, monkeypatch, roster):
    # given a start of stage 2 lost on its way, then the file failed (a person stopped it, storage lost it ...)
    t0 = timezone.now()
    data_source = _handed_over_but_start_lost(team, csv_bytes(_rows(6)), settings, monkeypatch)
    data_source.refresh_from_db()
    run = stage_run_start(team=team.pk, stage=2, subject=data_source)
    services._fail(data_source, run, stage=2, code="PROCESSING_ERROR", message="stopped")

    # when a cluster died and the sweeper runs
    work_sweep(models=[IngestStart], now=t0, clusters=[_cluster("a", born=t0 - timedelta(hours=1))])
    counts = work_sweep(models=[IngestStart], now=t0 + timedelta(seconds=60), clusters=[])

    # then there is nothing to send: the start failed with its file, which loaded nothing
    assert counts == {"requeued": 0, "failed": 0}
    assert IngestStart.objects.get(data_source=data_source).error_code == "PROCESSING_ERROR"
    assert Persona.objects.filter(source_file=data_source.source_file).count() == 0


def test_a_lost_start_of_a_file_restarted_by_a_person_is_superseded_not_sent_for_ever(
    team, settings, monkeypatch, roster, time_machine
):
    # given a start of stage 2 lost on its way, and the file restarted by a person once it made no progress
    data_source = _handed_over_but_start_lost(team, csv_bytes(_rows(6)), settings, monkeypatch)
    lost = IngestStart.objects.get(data_source=data_source)
    time_machine.move_to(timezone.now() + timedelta(seconds=settings.INGEST_STALE_SECONDS + 1))
    data_source.refresh_from_db()

    # when the retry runs stages 1 and 2 again
    services.data_source_retry(data_source=data_source)

    # then the file loaded once, by the start of the retry, and the lost start is superseded: no sweep sends it
    data_source.refresh_from_db()
    assert (data_source.status, data_source.loaded_count) == ("completed", 6)
    lost.refresh_from_db()
    assert (lost.state, lost.error_code, lost.attempts) == ("failed", "SUPERSEDED", 0)
    assert list(data_source.starts.values_list("state", flat=True)) == ["failed", "done"]
    later = timezone.now() + timedelta(seconds=settings.WORK_LOST_AFTER_SECONDS + 1)
    assert work_sweep(models=[IngestStart], now=later, clusters=[]) == {"requeued": 0, "failed": 0}
