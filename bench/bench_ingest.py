"""Benchmark stages 1-2 (validate, then normalize and load in parallel chunks) on a cluster of 1, then 2 workers.

    python bench/bench_ingest.py --rows 1000000 --database-url postgres://postgres@127.0.0.1:5432/usdatabiz_bench

Writes a list mixing the project's generator with messy, real-world-like rows (``bench/messy.py``; not
counted), loads the same file raw with PostgreSQL's COPY (one text column per line: the floor), then for
each worker count starts a real bulk-lane cluster (``Q_CLUSTER_NAME=bulk manage.py qcluster`` with the ORM
broker on the benchmark database), uploads the file for a fresh team and times it from the upload to
stage 2's completion. Prints wall time, rows/s, the ratio to the raw COPY, the scaling from 1 to 2
workers and each worker's peak RSS. Teams, rows and files are removed afterwards unless ``--keep``.
Targets (``make bench-ingest``): 1,000,000 rows in 30 s on 2 workers, 2 workers >= 1.7x as fast as 1,
peak RSS per worker < 500 MB. Missing them does not fail the run.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/usdatabiz_bench"
TARGET_ROWS = 1_000_000
TARGET_SECONDS = 30.0
TARGET_SPEEDUP = 1.7
TARGET_RSS_MB = 500.0

# The journey reads this map instead of usdatabiz.pipeline in the benchmark's processes (PIPELINE_MODULE), so
# what follows stage 2 (resolution) is not counted in a benchmark of stages 1-2.
PIPELINE: dict[int, list[str]] = {
    0: ["ingestion.tasks.data_source_ingest_task"],
    1: ["ingestion.tasks.data_source_normalize_task"],
    2: [],
}


def environment(args, media_root: str) -> dict[str, str]:
    """The environment of the benchmark and of its clusters: same database, storage, key and chunk size."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "usdatabiz.settings",
        "DATABASE_URL": args.database_url,
        "MEDIA_ROOT": media_root,
        "STORAGE_BACKEND": "local",
        "Q_SYNC": "0",
        "INGEST_USE_COPY": "0" if getattr(args, "no_copy", False) else "1",
        "INGEST_NORMALIZE": getattr(args, "normalize", ["python"])[0],
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-secret-key-" + "x" * 40),
        "DEBUG": "0",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(REPO_ROOT),
    }
    env.pop("REDIS_URL", None)  # the ORM broker on the benchmark database
    for name in ("SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE"):
        env.setdefault(name, "0")  # the benchmark's clients speak plain HTTP to a local server
    if getattr(args, "chunk_rows", None):
        env["INGEST_CHUNK_ROWS"] = str(args.chunk_rows)
    return env


def setup_django(env: dict[str, str]) -> None:
    os.environ.update(env)
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    import django

    django.setup()
    from django.conf import settings

    settings.PIPELINE_MODULE = "bench.bench_ingest"


def serve_bulk() -> int:
    """Run a bulk-lane qcluster in this process with the benchmark's pipeline (``--serve-bulk``)."""
    setup_django(dict(os.environ))
    from django.core.management import call_command

    call_command("qcluster")
    return 0


def ensure_database(url: str) -> str:
    """Create the PostgreSQL database named by ``url`` unless it exists; return a short description."""
    import psycopg
    from psycopg import sql
    from psycopg.conninfo import conninfo_to_dict

    params = conninfo_to_dict(url)
    name = params.get("dbname")
    if not name:
        raise SystemExit(f"--database-url must name a database: {url}")
    where = f"{params.get('host', 'localhost')}:{params.get('port', 5432)}"
    with psycopg.connect(**{**params, "dbname": "postgres"}, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            return f"postgresql {name} @ {where}"
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return f"postgresql {name} @ {where} (created)"


def configure(args, media_root: str) -> None:
    """Point Django at the benchmark database and temporary storage, tasks inline (``bench_resolve``)."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "usdatabiz.settings"
    os.environ["DATABASE_URL"] = args.database_url
    os.environ["MEDIA_ROOT"] = media_root
    os.environ["STORAGE_BACKEND"] = "local"
    os.environ["Q_SYNC"] = "1"
    os.environ["INGEST_USE_COPY"] = "0" if args.no_copy else "1"
    if args.chunk_rows:
        os.environ["INGEST_CHUNK_ROWS"] = str(args.chunk_rows)
    # DEBUG keeps the text of recent SQL statements (bulk INSERTs included) in memory: not what production runs.
    os.environ.setdefault("DEBUG", "0")
    # production settings otherwise, but a key of its own and plain HTTP for the in-process client
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-" + "x" * 40)
    for name in ("SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE"):
        os.environ.setdefault(name, "0")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))


def dependent_tables() -> list[tuple[str, str, str, str]]:
    """(table, column, parent table, parent's team column) of every model without a team column whose foreign key
    points at a model that has one."""
    from django.apps import apps

    scoped = {table: column for table, column in team_tables()}
    found = []
    for model in apps.get_models():
        if model._meta.db_table in scoped or model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            parent = getattr(field, "related_model", None)
            if field.many_to_one and parent is not None and parent._meta.db_table in scoped:
                if parent._meta.pk.column == "id":
                    found.append(
                        (model._meta.db_table, field.column, parent._meta.db_table, scoped[parent._meta.db_table])
                    )
    return found


def team_tables() -> list[tuple[str, str]]:
    """(table, column) of every concrete model with a foreign key to Team."""
    from django.apps import apps

    from usdatabiz.core.models import Team

    return [
        (model._meta.db_table, field.column)
        for model in apps.get_models()
        if model is not Team and model._meta.managed and not model._meta.proxy
        for field in model._meta.concrete_fields
        if field.many_to_one and field.related_model is Team
    ]


def vacuum() -> float:
    """VACUUM (ANALYZE) the team-scoped tables on PostgreSQL; return the seconds it took.

    Runs before the timed ingest and after the purge: when autovacuum is off or behind (it is off on
    some servers), the dead rows of an earlier run bloat the indexes and slow the next run's inserts.
    """
    from django.db import connection

    from usdatabiz.core.models import Team

    if connection.vendor != "postgresql":
        return 0.0
    started = time.perf_counter()
    quote = connection.ops.quote_name
    tables = sorted({table for table, _ in team_tables()} | {Team._meta.db_table})
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM (ANALYZE) {', '.join(quote(table) for table in tables)}")
    return time.perf_counter() - started


def purge_team(team) -> None:
    """Delete the team and every row of it.

    ``Team.delete()`` alone would load each persona into memory to cascade; instead each team-scoped
    table is emptied with one DELETE (PostgreSQL checks the deferred foreign keys at commit), then
    the team itself. If a table outside the team scope still points at those rows, the ORM cascade
    does the work instead.
    """
    from django.db import IntegrityError, connection, transaction

    from usdatabiz.core.models import Team

    quote = connection.ops.quote_name
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            # rows with no team of their own that hang off the team's rows (a conversation's messages, say)
            for table, column, parent, parent_team in dependent_tables():
                cursor.execute(
                    f"DELETE FROM {quote(table)} WHERE {quote(column)} IN "
                    f"(SELECT id FROM {quote(parent)} WHERE {quote(parent_team)} = %s)",
                    [team.pk],
                )
            for table, column in team_tables():
                cursor.execute(f"DELETE FROM {quote(table)} WHERE {quote(column)} = %s", [team.pk])
            Team.objects.filter(pk=team.pk).delete()
    except IntegrityError:
        if Team.objects.filter(pk=team.pk).exists():
            team.delete()


def stage_runs(data_source) -> list:
    from usdatabiz.core.models import StageRun

    return list(StageRun.objects.filter(subject_id=data_source.pk, stage__in=(1, 2)).order_by("started_at"))


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    ppid = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def peak_rss_mb(pid: int | None = None) -> float:
    """Peak resident set size of a process (VmHWM; this one by default), in MB; 0 when it is gone."""
    if pid is None:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class Cluster:
    """A real bulk-lane qcluster with ``workers`` workers, started and stopped by the benchmark."""

    def __init__(self, env: dict[str, str], workers: int):
        self.env = {**env, "Q_CLUSTER_NAME": "bulk", "Q_BULK_WORKERS": str(workers)}
        self.workers = workers
        self.process = None

    def __enter__(self):
        from usdatabiz.core.lanes import running_clusters

        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--serve-bulk"], env=self.env, start_new_session=True
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            alive = [c for c in running_clusters() if c["lane"] == "bulk" and c["workers"] == self.workers]
            if alive:
                return self
            if self.process.poll() is not None:
                raise SystemExit(f"the bulk cluster exited with {self.process.returncode}")
            time.sleep(0.2)
        raise SystemExit("the bulk cluster did not start within 60 s")

    def worker_pids(self) -> list[int]:
        from django_q.status import Stat

        mine = set(descendants(self.process.pid))
        return [pid for stat in Stat.get_all() for pid in stat.workers if pid in mine]

    def __exit__(self, *exc):
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=60)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def raw_copy_seconds(csv_path: Path) -> float:
    """Load the file's records as they are into one text column with COPY: what the database alone costs."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_raw_lines")
        cursor.execute("CREATE UNLOGGED TABLE bench_raw_lines (line text)")
    started = time.perf_counter()
    with connection.cursor() as cursor:
        # One column per CSV record: no delimiter occurs, quotes still keep a quoted line break inside its record.
        sql = "COPY bench_raw_lines FROM STDIN WITH (FORMAT csv, DELIMITER E'\\x01', ENCODING 'LATIN1')"
        with cursor.copy(sql) as copy, csv_path.open("rb") as handle:
            while block := handle.read(1 << 20):
                copy.write(block)
    seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE bench_raw_lines")
    return seconds


def ingest_on_cluster(args, env, csv_path: Path, workers: int) -> dict:
    """Upload the file for a fresh team with a cluster of ``workers`` running; time it to stage 2's end."""
    from django.core.files import File

    from ingestion.models import DataSource
    from ingestion.selectors import data_source_summary
    from ingestion.services import data_source_create
    from usdatabiz.core.services import team_create

    slug = f"bench-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}-w{workers}"
    team = team_create(slug=slug, name=f"Ingest benchmark {args.rows:,} rows, {workers} workers")
    result = {"workers": workers, "team": team}
    vacuum()
    with Cluster(env, workers) as cluster:
        started = time.perf_counter()
        with csv_path.open("rb") as handle:
            data_source = data_source_create(team=team, file=File(handle, name=csv_path.name), start=True)
        uploaded = time.perf_counter()
        deadline = started + args.max_seconds
        while time.perf_counter() < deadline:
            data_source.refresh_from_db()
            if data_source.status in (DataSource.Status.COMPLETED, DataSource.Status.FAILED):
                break
            time.sleep(0.1)
        finished = time.perf_counter()
        result["worker_rss"] = sorted((peak_rss_mb(pid) for pid in cluster.worker_pids()), reverse=True)
    result.update(
        data_source=data_source,
        summary=data_source_summary(data_source=data_source),
        runs=stage_runs(data_source),
        upload_s=uploaded - started,
        total_s=finished - started,
        chunks=data_source.chunks.count(),
    )
    return result


def run(args) -> int:
    work_dir = Path(tempfile.mkdtemp(prefix="usdatabiz-bench-"))
    media_root = work_dir / "media"
    media_root.mkdir()
    env = environment(args, str(media_root))
    results = []
    ok = False
    try:
        database = args.database_url
        if database.startswith("postgres"):
            database = ensure_database(database)
        setup_django(env)

        from django.conf import settings
        from django.core.management import call_command
        from django.db import connection

        from bench.messy import write_mixed_csv

        call_command("migrate", interactive=False, verbosity=0)
        csv_path = work_dir / f"usdatabiz-bench-{args.rows}.csv"
        started = time.perf_counter()
        stats = write_mixed_csv(csv_path, args.rows, seed=args.seed, messy_share=args.messy_share)
        generate_seconds = time.perf_counter() - started
        csv_mb = csv_path.stat().st_size / 1e6
        writer = "COPY" if settings.INGEST_USE_COPY and connection.vendor == "postgresql" else "bulk_create"
        print(
            f"Ingest benchmark, stages 1-2: {args.rows:,} rows ({csv_mb:.1f} MB CSV, seed {args.seed}; "
            f"{stats['messy']:,} messy rows, {stats['cp1252_rows']} of them Windows-1252, {stats['blank_lines']} "
            f"blank lines; generated in {generate_seconds:.1f} s, not counted)"
        )
        print(
            f"  database {database}; writer {writer}; chunk {settings.INGEST_CHUNK_ROWS:,} rows; "
            f"bulk-lane qcluster (ORM broker) with {', then '.join(map(str, args.workers))} workers; "
            f"{os.cpu_count()} CPUs"
        )
        copy_s = raw_copy_seconds(csv_path) if connection.vendor == "postgresql" else None
        if copy_s is not None:
            print(f"  raw COPY        {copy_s:8.2f} s   the file's records into one text column (the floor)")
        sys.stdout.flush()
        for workers in args.workers:
            for normalize in args.normalize:  # alternated per worker count: both under the same load
                env["INGEST_NORMALIZE"] = normalize
                result = ingest_on_cluster(args, env, csv_path, workers)
                result["normalize"] = normalize
                results.append(result)
                report(args, result, copy_s)
                if not args.keep:
                    purge_team(result["team"])
        ok = all(r["data_source"].status == "completed" for r in results)
        summarize(args, results, copy_s)
    finally:
        if not args.keep:
            started = time.perf_counter()
            if results:  # each team was purged after its run
                vacuum()
            shutil.rmtree(work_dir, ignore_errors=True)
            seconds = time.perf_counter() - started
            print(f"\nCleaned up: teams and rows deleted, temporary files removed ({seconds:.1f} s)")
        else:
            print(f"\nKept: teams {', '.join(r['team'].slug for r in results)}; files in {work_dir}")
    return 0 if ok else 1


def report(args, result: dict, copy_s: float | None) -> None:
    rows = args.rows
    total_s = result["total_s"]
    summary = result["summary"]
    stage_seconds = {1: 0.0, 2: 0.0}
    ledger = []
    for ledger_run in result["runs"]:
        seconds = ledger_run.duration_seconds
        if seconds is None:
            ledger.append(f"    stage {ledger_run.stage} {ledger_run.pk}: {ledger_run.status}, never closed")
            continue
        stage_seconds[ledger_run.stage] += seconds
        ledger.append(
            f"    stage {ledger_run.stage} {ledger_run.pk}: {ledger_run.status}, {seconds:.2f} s, "
            f"in {ledger_run.count_in:,} out {ledger_run.count_out:,}"
        )
    print(f"\n  {result['workers']} worker(s), normalizing in {result['normalize']}")
    print(
        f"  status          {summary['status']}"
        + (f" ({summary['error_code']}: {summary['error_message']})" if summary["error_code"] else "")
    )
    print(f"  total wall      {total_s:8.2f} s   upload (store the file) {result['upload_s']:.2f} s, then the cluster")
    print(f"  stage 1         {stage_seconds[1]:8.2f} s   validate, count and cut {result['chunks']} chunks")
    print(f"  stage 2         {stage_seconds[2]:8.2f} s   normalize and load the chunks")
    print(f"  throughput      {rows / total_s if total_s else 0:8,.0f} rows/s")
    if copy_s:
        print(f"  vs raw COPY     {total_s / copy_s:8.1f} x   the raw COPY's time")
    rss = result["worker_rss"]
    print(f"  peak RSS        {', '.join(f'{mb:.0f} MB' for mb in rss) or 'unknown'} (per worker)")
    print("  ledger")
    print("\n".join(ledger) if ledger else "    (no StageRun rows)")
    print(f"  records         {summary['record_count']:,} rows read, {summary['row_errors']:,} rows with errors")
    for kind in ("businesses", "personas", "phones", "emails"):
        print(f"    {kind:<13} {summary[kind]:>10,}")
    print("  failures by code")
    failures = sorted(summary["failures"].items(), key=lambda item: (-item[1], item[0]))
    print("\n".join(f"    {code:<22} {count:>9,}" for code, count in failures) if failures else "    none")
    sys.stdout.flush()


def summarize(args, results: list[dict], copy_s: float | None) -> None:
    if not results:
        return
    print("\n  summary")
    for result in results:
        ratio = f", {result['total_s'] / copy_s:.1f}x raw COPY" if copy_s else ""
        rss = max(result["worker_rss"] or [0.0])
        print(
            f"    {result['workers']} worker(s), {result['normalize']}: {result['total_s']:.2f} s, "
            f"{args.rows / result['total_s']:,.0f} rows/s{ratio}, peak RSS per worker {rss:.0f} MB"
        )
    speedup = None
    for normalize in args.normalize:
        by_workers = {r["workers"]: r for r in results if r["normalize"] == normalize}
        if 1 in by_workers and 2 in by_workers:
            speedup = by_workers[1]["total_s"] / by_workers[2]["total_s"]
            print(f"    1 -> 2 workers, {normalize}: {speedup:.2f}x as fast")
    last = args.normalize[-1]
    by_workers = {r["workers"]: r for r in results if r["normalize"] == last}
    best = by_workers.get(2) or results[-1]
    limit = TARGET_SECONDS * args.rows / TARGET_ROWS
    rss = max(max(r["worker_rss"] or [0.0]) for r in results)
    print(
        f"  targets         time {'MET' if best['total_s'] < limit else 'NOT MET'} ({best['total_s']:.1f} s, limit "
        f"{limit:.1f} s for {args.rows:,} rows, scaled from {TARGET_SECONDS:.0f} s per million); "
        + (
            f"scaling {'MET' if speedup >= TARGET_SPEEDUP else 'NOT MET'} ({speedup:.2f}x, >= {TARGET_SPEEDUP}x); "
            if speedup is not None
            else ""
        )
        + f"memory {'MET' if rss < TARGET_RSS_MB else 'NOT MET'} ({rss:.0f} MB, < {TARGET_RSS_MB:.0f} MB per worker)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark ingestion stages 1-2 on a bulk-lane cluster.")
    parser.add_argument("--rows", type=int, default=TARGET_ROWS, help="data rows to generate and ingest")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to run, in order")
    parser.add_argument("--keep", action="store_true", help="keep the teams, their rows and the temporary files")
    parser.add_argument("--no-copy", action="store_true", help="load with bulk_create instead of COPY")
    parser.add_argument(
        "--normalize",
        nargs="+",
        choices=["python", "sql"],
        default=["python"],
        help="stage 2's normalizing (INGEST_NORMALIZE), in order for each worker count; targets judge the last",
    )
    parser.add_argument("--chunk-rows", type=int, default=None, help="rows per chunk (INGEST_CHUNK_ROWS)")
    parser.add_argument("--messy-share", type=float, default=0.2, help="share of messy, real-world-like rows")
    parser.add_argument("--seed", type=int, default=7, help="generator seed")
    parser.add_argument("--max-seconds", type=float, default=1800, help="give up waiting after this long")
    parser.add_argument("--serve-bulk", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_bulk:
        return serve_bulk()
    if args.rows < 1:
        parser.error("--rows must be at least 1")
    if args.chunk_rows is not None and args.chunk_rows < 1:
        parser.error("--chunk-rows must be at least 1")
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
