"""Real ``qcluster`` processes on the test database: lane routing, ``ingest --wait``, a worker killed mid-ingest.

These start clusters as separate processes (``Q_CLUSTER_NAME=realtime|bulk manage.py qcluster``) that share
the test database through the ORM broker, so they need a database other processes can open: PostgreSQL
(CI runs them). SQLite tests use an in-memory database; lane routing is also shown there by queue names
(``usdatabiz/core/tests/test_lanes.py``).
"""

import json
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone
from django_q.models import OrmQ, Schedule, Task

from bench.generate import write_csv
from identity.models import Business, BusinessOwner, Persona, PersonaEmail, PersonaPhone
from ingestion import services
from ingestion.models import DataSource
from usdatabiz.core.lanes import cluster_running
from usdatabiz.core.models import StageFailure
from usdatabiz.core.tests.factories import TeamFactory
from usdatabiz.core.tests.qcluster import (
    REPO_ROOT,
    SWEEP_EVERY,
    QCluster,
    environment,
    needs_a_shared_database,
    no_clusters_left,
    queue_on,
    wait_for,
)

from .factories import upload

pytestmark = [
    needs_a_shared_database(),
    pytest.mark.django_db(transaction=True),
]
STAGES_1_2 = "ingestion.tests.stage_pipeline"
RECORDS = (Business, Persona, PersonaPhone, PersonaEmail, BusinessOwner)


@pytest.fixture
def clusters():
    """Start clusters with ``clusters(lane, ...)``; every one is killed after the test. Clusters that earlier tests
    killed stop counting a few seconds after their last stat: these tests start without them."""
    no_clusters_left()
    started = []

    def start(lane, **kwargs):
        cluster = QCluster(lane, pipeline=STAGES_1_2, **kwargs).start()
        started.append(cluster)
        return cluster

    yield start
    for cluster in started:
        cluster.kill()


def _outcome(data_source) -> dict:
    """What a file loaded: records per kind, rows with a persona, failures per code (MISSING_SIC aside).

    MISSING_SIC depends on which of two rows sharing a business created it, which parallel chunks decide by
    who commits first; every other count is the same whatever the order.
    """
    source_file = data_source.source_file
    failures = {}
    for code in StageFailure.objects.filter(subject_id=data_source.pk).values_list("code", flat=True):
        failures[code] = failures.get(code, 0) + 1
    failures.pop("MISSING_SIC", None)
    return {
        "records": {m.__name__: m.objects.filter(source_file=source_file).count() for m in RECORDS},
        "persona_rows": sorted(
            Persona.objects.filter(source_file=source_file).values_list("source_record_id", flat=True)
        ),
        "failures": failures,
        "counts": (data_source.record_count, data_source.rows_done, data_source.loaded_count),
    }


def _failing_rows(data_source, *, besides_order: bool = False) -> int:
    """Rows of the file with a failure (warnings aside); ``besides_order``: with one commit order cannot change."""
    failures = StageFailure.objects.filter(subject_id=data_source.pk, source_row__isnull=False).exclude(
        code__in=services.WARNING_CODES
    )
    if besides_order:
        failures = failures.exclude(code__in=["MISSING_SIC", "DUPLICATE_BUSINESS"])
    return failures.values("source_row").distinct().count()


def test_a_bulk_task_never_runs_on_the_realtime_cluster(clusters, team):
    # given only the real-time cluster running
    clusters("realtime")
    assert cluster_running("realtime")
    assert not cluster_running("bulk")
    data_source = services.data_source_create(
        team=team, file=upload(b"Company,First,Last,Phone,State,Zip\r\n"), start=False
    )

    # when a bulk task (stage 1 of a file) and a real-time task are queued
    queue_on("ingestion.tasks.data_source_ingest_task", data_source.pk, lane="bulk")
    queue_on("usdatabiz.core.tasks.work_sweep_task", lane="realtime")

    # then the real-time task ran on the real-time cluster, and the bulk one still waits on its queue
    wait_for(lambda: Task.objects.filter(func="usdatabiz.core.tasks.work_sweep_task").exists(), 30, "the sweep")
    time.sleep(2)
    assert list(Task.objects.values_list("func", "cluster")) == [("usdatabiz.core.tasks.work_sweep_task", "realtime")]
    assert list(OrmQ.objects.values_list("key", flat=True)) == ["bulk"]
    assert DataSource.objects.get(pk=data_source.pk).status == "uploaded"

    # and once a bulk cluster starts, it runs it
    clusters("bulk")
    wait_for(lambda: DataSource.objects.get(pk=data_source.pk).status == "completed", 60, "stage 1-2")
    assert Task.objects.get(func="ingestion.tasks.data_source_ingest_task").cluster == "bulk"


def test_cluster_running_follows_the_cluster(clusters):
    bulk = clusters("bulk")
    assert cluster_running("bulk")
    assert not cluster_running("realtime")
    bulk.stop()
    wait_for(lambda: not cluster_running("bulk"), 10, "the stopped cluster to stop counting")


def test_each_lanes_workers_run_at_their_lanes_lower_cpu_priority(clusters):
    # given a realtime and a bulk cluster started with their lanes' niceness set
    own = os.getpriority(os.PRIO_PROCESS, 0)
    clusters("realtime", workers=2, Q_REALTIME_NICE=3, Q_BULK_NICE=9)
    clusters("bulk", workers=2, Q_REALTIME_NICE=3, Q_BULK_NICE=9)

    # then every worker of a lane runs that much nicer than the process that started it, the clusters' own
    # sentinels (which only hand out work) untouched
    from usdatabiz.core.lanes import running_clusters

    wait_for(lambda: {c["lane"] for c in running_clusters()} == {"realtime", "bulk"}, 30, "both lanes registered")
    seen = {}
    for cluster in running_clusters():
        pids = [int(owner.rsplit(":", 1)[1]) for owner in cluster["owners"]]
        seen[cluster["lane"]] = sorted({os.getpriority(os.PRIO_PROCESS, pid) - own for pid in pids})
        assert os.getpriority(os.PRIO_PROCESS, cluster["sentinel"]) == own
    assert seen == {"realtime": [3], "bulk": [9]}


def _generated(tmp_path, rows: int) -> bytes:
    path = tmp_path / "list.csv"
    write_csv(path, rows, seed=11)
    return path.read_bytes()


def test_ingest_wait_queues_the_file_for_the_cluster_and_prints_the_same_json(clusters, team, tmp_path, settings):
    # given a bulk cluster with 2 workers and a list of 3,000 rows in chunks of 500
    content = _generated(tmp_path, 3000)
    path = tmp_path / "list.csv"
    clusters("bulk", workers=2, INGEST_CHUNK_ROWS=500)

    # when the command runs with --wait in its own process (not a test process: it really queues)
    done = subprocess.run(
        [sys.executable, "manage.py", "ingest", str(path), "--team", team.slug, "--json", "--wait"],
        cwd=REPO_ROOT,
        env=environment(INGEST_CHUNK_ROWS=500),
        capture_output=True,
        text=True,
        timeout=300,
    )

    # then it printed one JSON object once stage 2 had finished, loaded by the cluster's workers
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    data_source = DataSource.objects.get(pk=summary["data_source"])
    assert (summary["status"], data_source.status) == ("completed", "completed")
    assert data_source.chunks.count() == 6
    owners = {owner.rsplit(":", 1)[1] for owner in data_source.chunks.values_list("lease_owner", flat=True)}
    assert str(os.getpid()) not in owners
    # (the cluster's monitor records a finished task a moment after its worker committed the chunk)
    chunk_tasks = Task.objects.filter(func="ingestion.tasks.ingest_chunk_run_task")
    wait_for(lambda: chunk_tasks.count() >= 6, 30, "the six chunk tasks recorded")
    assert set(chunk_tasks.values_list("cluster", flat=True)) == {"bulk"}
    assert chunk_tasks.count() == 6
    # and the same JSON and records as a run in one process
    settings.INGEST_CHUNK_ROWS = 500
    reference = services.data_source_create(team=TeamFactory(slug="ref"), file=upload(content))
    reference.refresh_from_db()
    from ingestion.selectors import data_source_summary

    expected = data_source_summary(data_source=reference)
    for key in ("status", "record_count", "businesses", "personas", "phones", "emails"):
        assert summary[key] == expected[key], key
    # row errors too: the JSON counts the rows with a failure, and the same rows fail for a reason that does not
    # depend on which of two rows sharing a business committed first (MISSING_SIC or DUPLICATE_BUSINESS does)
    assert summary["row_errors"] == _failing_rows(data_source)
    assert expected["row_errors"] == _failing_rows(reference)
    assert _failing_rows(data_source, besides_order=True) == _failing_rows(reference, besides_order=True)
    assert _outcome(data_source) == _outcome(reference)


def test_ingest_without_a_cluster_runs_inline(team, tmp_path):
    # given no cluster: not even the one the previous test killed, whose last stat lives 3 s
    no_clusters_left()
    path = tmp_path / "list.csv"
    path.write_bytes(_generated(tmp_path, 50))
    done = subprocess.run(
        [sys.executable, "manage.py", "ingest", str(path), "--team", team.slug, "--json", "--wait"],
        cwd=REPO_ROOT,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert (summary["status"], summary["record_count"]) == ("completed", 50)
    # stages 1-2 ran here; only what follows them waits for a cluster
    assert [(row.key, row.task["func"]) for row in OrmQ.objects.all()] == [
        ("bulk", "identity.tasks.identity_resolve_task")
    ]


@pytest.mark.kill
def test_a_worker_killed_mid_ingest_loses_nothing_and_loads_nothing_twice(clusters, team, tmp_path, settings):
    # given a 12,000-row list in chunks of 600, a bulk cluster of 2 workers and a real-time cluster that
    # runs the lease sweeper, with 3-second leases
    content = _generated(tmp_path, 12000)
    settings.INGEST_CHUNK_ROWS = 600
    data_source = services.data_source_create(team=team, file=upload(content), start=False)
    Schedule.objects.create(  # as setup_schedules makes it; its first turn is set after the kill
        name="sweep leases",
        func="usdatabiz.core.tasks.work_sweep_task",
        schedule_type=Schedule.MINUTES,
        minutes=1,
        repeats=-1,
        cluster="realtime",
        next_run=timezone.now() + timedelta(hours=1),
    )
    env = {"INGEST_CHUNK_ROWS": 600, "WORK_LEASE_SECONDS": 3}
    clusters("bulk", workers=2, **env)
    clusters("realtime", **env)
    queue_on("ingestion.tasks.data_source_ingest_task", data_source.pk, lane="bulk")

    # when a worker is killed (SIGKILL) while it holds a chunk
    victim = None
    deadline = time.monotonic() + 120
    while victim is None and time.monotonic() < deadline:
        chunks = list(data_source.chunks.all()) if DataSource.objects.filter(pk=data_source.pk).exists() else []
        done = [c for c in chunks if c.state == "done"]
        running = [c for c in chunks if c.state == "running" and c.lease_owner]
        if done and running:
            owner = running[0].lease_owner
            os.kill(int(owner.rsplit(":", 1)[1]), signal.SIGKILL)
            killed_at = time.monotonic()
            # the chunk may have committed between the look and the kill: the victim is the chunk the dead
            # worker still holds once the database has settled; if it holds none, kill the next one
            time.sleep(0.3)
            victim = data_source.chunks.filter(lease_owner=owner, state="running").first()
        time.sleep(0.05)
    assert victim is not None, "no chunk was seen running"
    # the sweeper's next turn comes once the lease has expired (the realtime scheduler looks every 15 s)
    Schedule.objects.filter(name="sweep leases").update(next_run=timezone.now() + timedelta(seconds=4))

    # then the file completes within about a minute of the kill
    wait_for(lambda: DataSource.objects.get(pk=data_source.pk).status in ("completed", "failed"), 120, "the file")
    took = time.monotonic() - killed_at
    data_source.refresh_from_db()
    assert data_source.status == "completed", data_source.error_message
    assert took < 75
    victim.refresh_from_db()
    assert victim.state == "done"
    assert victim.attempts >= 2  # taken over after the kill
    # and its outcome equals an uninterrupted run of the same file: nothing lost, nothing twice
    reference = services.data_source_create(team=TeamFactory(slug="ref"), file=upload(content))
    reference.refresh_from_db()
    assert _outcome(data_source) == _outcome(reference)
    assert _outcome(data_source)["persona_rows"] == sorted(set(_outcome(data_source)["persona_rows"]))
    assert default_storage.exists(data_source.source_file)


@pytest.mark.kill
def test_a_whole_cluster_killed_mid_ingest_resumes_within_a_minute(team, tmp_path, settings):
    # given a 12,000-row list in chunks of 600, a bulk cluster of 2 workers (each cluster pulls tasks ahead of
    # its workers) and a real-time cluster that runs the lease sweeper, with 3-second leases
    content = _generated(tmp_path, 12000)
    settings.INGEST_CHUNK_ROWS = 600
    data_source = services.data_source_create(team=team, file=upload(content), start=False)
    env = {"INGEST_CHUNK_ROWS": 600, "WORK_LEASE_SECONDS": 3}
    started = []
    try:
        first = QCluster("bulk", pipeline=STAGES_1_2, workers=2, **env).start()
        started.append(first)
        started.append(QCluster("realtime", pipeline=STAGES_1_2, **env).start())
        queue_on("ingestion.tasks.data_source_ingest_task", data_source.pk, lane="bulk")

        # when, once a chunk is done and the sweeper has seen the bulk cluster, the whole cluster is killed
        wait_for(lambda: data_source.chunks.filter(state="done").exists(), 120, "a first chunk")
        queue_on("usdatabiz.core.tasks.work_sweep_task", lane="realtime")
        wait_for(lambda: Task.objects.filter(func="usdatabiz.core.tasks.work_sweep_task").exists(), 30, "a sweep")
        assert data_source.chunks.exclude(state="done").exists(), "the file finished before the kill"
        os.killpg(first.process.pid, signal.SIGKILL)
        killed_at = time.monotonic()
        first.process.wait()
        queued_at_kill = OrmQ.objects.filter(key="bulk").count()
        # and another bulk cluster starts, while the real-time cluster sweeps (every minute in production; every
        # SWEEP_EVERY s here, so that the test is short; the lost tasks would wait WORK_LOST_AFTER_SECONDS=600 s)
        started.append(QCluster("bulk", pipeline=STAGES_1_2, workers=2, **env).start())
        sweeps = []

        def finished():
            if time.monotonic() - killed_at > SWEEP_EVERY * (len(sweeps) + 1):
                sweeps.append(queue_on("usdatabiz.core.tasks.work_sweep_task", lane="realtime"))
            return DataSource.objects.get(pk=data_source.pk).status in ("completed", "failed")

        # then the file completes within about a minute of the kill
        wait_for(finished, 120, "the file")
        took = time.monotonic() - killed_at
    finally:
        for cluster in started:
            if cluster.process.poll() is None:
                os.killpg(cluster.process.pid, signal.SIGKILL)
                cluster.process.wait()
    data_source.refresh_from_db()
    assert data_source.status == "completed", data_source.error_message
    assert took < 75, f"took {took:.0f} s ({queued_at_kill} bulk tasks were in the queue at the kill)"
    # and its outcome equals an uninterrupted run of the same file: nothing lost, nothing twice
    reference = services.data_source_create(team=TeamFactory(slug="ref"), file=upload(content))
    reference.refresh_from_db()
    assert _outcome(data_source) == _outcome(reference)
    assert _outcome(data_source)["persona_rows"] == list(range(1, 12001))
    assert not data_source.chunks.exclude(state="done").exists()


@pytest.mark.kill
def test_a_cluster_killed_right_after_stage_1_holding_the_start_of_stage_2_resumes_within_a_minute(team, tmp_path):
    from ingestion.models import IngestStart

    # given a 3,000-row list in chunks of 600, a bulk cluster of one worker and a real-time cluster for the sweeper
    content = _generated(tmp_path, 3000)
    data_source = services.data_source_create(team=team, file=upload(content), start=False)
    env = {"INGEST_CHUNK_ROWS": 600, "WORK_LEASE_SECONDS": 3}
    normalize = "ingestion.tasks.data_source_normalize_task"
    started = []

    def pulled_start():
        """The start of stage 2 was pulled from the queue by the cluster (locked until Q_RETRY), not yet begun."""
        pulled = [row for row in OrmQ.objects.filter(key="bulk", lock__gt=timezone.now()) if row.func() == normalize]
        return bool(pulled) and IngestStart.objects.filter(data_source=data_source, attempts=0).exists()

    try:
        first = QCluster("bulk", pipeline=STAGES_1_2, **env).start()
        started.append(first)
        started.append(QCluster("realtime", pipeline=STAGES_1_2, **env).start())
        # stage 1, then a long task: the worker is busy with it when stage 1 queues the start of stage 2, so
        # the cluster pulls that start and keeps it in memory
        queue_on("ingestion.tasks.data_source_ingest_task", data_source.pk, lane="bulk")
        queue_on(f"{STAGES_1_2}.hold", 60, lane="bulk")
        wait_for(pulled_start, 60, "the start of stage 2 pulled by the cluster")
        queue_on("usdatabiz.core.tasks.work_sweep_task", lane="realtime")
        wait_for(lambda: Task.objects.filter(func="usdatabiz.core.tasks.work_sweep_task").exists(), 30, "a sweep")
        assert pulled_start(), "the start of stage 2 began before the kill"

        # when the whole cluster is killed, another bulk cluster starts, and the real-time cluster sweeps (every
        # SWEEP_EVERY s here; every minute in production)
        os.killpg(first.process.pid, signal.SIGKILL)
        killed_at = time.monotonic()
        first.process.wait()
        started.append(QCluster("bulk", pipeline=STAGES_1_2, **env).start())
        sweeps = []

        def finished():
            if time.monotonic() - killed_at > SWEEP_EVERY * (len(sweeps) + 1):
                sweeps.append(queue_on("usdatabiz.core.tasks.work_sweep_task", lane="realtime"))
            return DataSource.objects.get(pk=data_source.pk).status in ("completed", "failed")

        # then the file completes within about a minute of the kill, not after Q_RETRY
        wait_for(finished, 120, "the file")
        took = time.monotonic() - killed_at
    finally:
        for cluster in started:
            if cluster.process.poll() is None:
                os.killpg(cluster.process.pid, signal.SIGKILL)
                cluster.process.wait()
    data_source.refresh_from_db()
    assert data_source.status == "completed", data_source.error_message
    assert took < 75, f"took {took:.0f} s"
    # by the start the sweeper sent again, claimed once; the lost one is still locked in the queue until Q_RETRY
    start = IngestStart.objects.get(data_source=data_source)
    assert (start.state, start.attempts) == ("done", 1)
    assert any(row.func() == normalize for row in OrmQ.objects.filter(key="bulk", lock__gt=timezone.now()))
    # and its outcome equals an uninterrupted run of the same file: nothing lost, nothing twice
    reference = services.data_source_create(team=TeamFactory(slug="ref"), file=upload(content))
    reference.refresh_from_db()
    assert _outcome(data_source) == _outcome(reference)
    assert _outcome(data_source)["persona_rows"] == list(range(1, 3001))
