"""Benchmark stages 1-2 of the journey (validate, then normalize and load) on a synthetic USDataBiz list.

    python bench/bench_ingest.py --rows 1000000 --database-url postgres://postgres@127.0.0.1:5432/usdatabiz_bench

Creates the database if needed, migrates it, generates the CSV (timed apart, not counted), then times
``data_source_create`` + ``data_source_process`` for a fresh team and reports wall times (from the
StageRun ledger), throughput, peak RSS and what was loaded. The team and its rows and the temporary
files are removed afterwards unless ``--keep``. Targets (1,000,000 rows in under 60 s, peak RSS under
600 MB) are reported for runs of at least 1,000,000 rows; missing them does not fail the run.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/usdatabiz_bench"
TARGET_ROWS = 1_000_000
TARGET_SECONDS = 60.0
TARGET_RSS_MB = 600.0

# The journey reads this map instead of usdatabiz.pipeline while the benchmark runs (PIPELINE_MODULE), so
# whatever follows stage 2 (run inline with Q_SYNC) is not counted in a benchmark of stages 1-2.
PIPELINE: dict[int, list[str]] = {0: [], 1: [], 2: []}


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (ru_maxrss is in KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


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
    """Point Django at the benchmark database and temporary storage; must run before ``django.setup()``."""
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
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))


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
            for table, column in team_tables():
                cursor.execute(f"DELETE FROM {quote(table)} WHERE {quote(column)} = %s", [team.pk])
            Team.objects.filter(pk=team.pk).delete()
    except IntegrityError:
        if Team.objects.filter(pk=team.pk).exists():
            team.delete()


def stage_runs(data_source) -> list:
    from usdatabiz.core.models import StageRun

    return list(StageRun.objects.filter(subject_id=data_source.pk, stage__in=(1, 2)).order_by("started_at"))


def run(args) -> int:
    work_dir = Path(tempfile.mkdtemp(prefix="usdatabiz-bench-"))
    media_root = work_dir / "media"
    media_root.mkdir()
    configure(args, str(media_root))
    team = data_source = None
    try:
        database = args.database_url
        if database.startswith("postgres"):
            database = ensure_database(database)

        import django

        django.setup()

        from django.conf import settings
        from django.core.files import File
        from django.core.management import call_command
        from django.db import connection
        from django.test import override_settings

        from bench.generate import write_csv
        from ingestion.selectors import data_source_summary
        from ingestion.services import data_source_create, data_source_process
        from usdatabiz.core import journey
        from usdatabiz.core.services import team_create

        call_command("migrate", interactive=False, verbosity=0)
        slug = f"bench-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:8]}"
        team = team_create(slug=slug, name=f"Ingest benchmark {args.rows:,} rows")

        csv_path = work_dir / f"usdatabiz-bench-{args.rows}.csv"
        started = time.perf_counter()
        write_csv(csv_path, args.rows, seed=args.seed)
        generate_seconds = time.perf_counter() - started
        csv_mb = csv_path.stat().st_size / 1e6
        vacuum_seconds = vacuum()
        baseline_mb = peak_rss_mb()

        writer = "COPY" if settings.INGEST_USE_COPY and connection.vendor == "postgresql" else "bulk_create"
        skipped = journey.followers(2)
        print(
            f"Ingest benchmark, stages 1-2: {args.rows:,} rows ({csv_mb:.1f} MB CSV, seed {args.seed}, generated in "
            f"{generate_seconds:.1f} s, not counted)"
        )
        print(
            f"  database {database}; writer {writer}; chunk {settings.INGEST_CHUNK_ROWS:,} rows; team {slug}; "
            f"tables vacuumed first ({vacuum_seconds:.1f} s, not counted)"
        )
        if skipped:
            print(f"  not run (follow stage 2): {', '.join(skipped)}")
        sys.stdout.flush()

        with override_settings(PIPELINE_MODULE="bench.bench_ingest"):
            started = time.perf_counter()
            with csv_path.open("rb") as handle:
                data_source = data_source_create(team=team, file=File(handle, name=csv_path.name), start=False)
            uploaded = time.perf_counter()
            data_source = data_source_process(data_source_id=data_source.pk)
            finished = time.perf_counter()
        peak_mb = peak_rss_mb()
        report(
            args,
            data_source,
            data_source_summary(data_source=data_source),
            stage_runs(data_source),
            upload_s=uploaded - started,
            total_s=finished - started,
            peak_mb=peak_mb,
            baseline_mb=baseline_mb,
        )
    finally:
        if args.keep:
            kept_team = f"team {team.slug} ({team.pk})" if team is not None else "no team"
            print(f"\nKept: {kept_team}, data source {getattr(data_source, 'pk', '-')}, files in {work_dir}")
        else:
            started = time.perf_counter()
            if team is not None:
                purge_team(team)
                vacuum()
            shutil.rmtree(work_dir, ignore_errors=True)
            print(
                "\nCleaned up: "
                + (f"team {team.slug} and its rows deleted (tables vacuumed), " if team is not None else "")
                + f"temporary files removed ({time.perf_counter() - started:.1f} s)"
            )
    return 0 if data_source is not None and data_source.status == "completed" else 1


def report(
    args, data_source, summary: dict, runs: list, *, upload_s: float, total_s: float, peak_mb: float, baseline_mb: float
) -> None:
    rows = args.rows
    stage_seconds = {1: 0.0, 2: 0.0}
    ledger = []
    for ledger_run in runs:
        seconds = ledger_run.duration_seconds
        if seconds is None:
            ledger.append(f"    stage {ledger_run.stage} {ledger_run.pk}: {ledger_run.status}, never closed")
            continue
        stage_seconds[ledger_run.stage] += seconds
        ledger.append(
            f"    stage {ledger_run.stage} {ledger_run.pk}: {ledger_run.status}, {seconds:.2f} s, "
            f"in {ledger_run.count_in:,} out {ledger_run.count_out:,}"
        )
    rate = rows / total_s if total_s else 0.0
    print()
    print(
        f"  status          {summary['status']}"
        + (f" ({summary['error_code']}: {summary['error_message']})" if summary["error_code"] else "")
    )
    print(f"  stage 1         {stage_seconds[1]:8.2f} s   upload + validate and count (StageRun rows, stage 1)")
    print(f"  stage 2         {stage_seconds[2]:8.2f} s   normalize and load (StageRun row, stage 2)")
    print(
        f"  total wall      {total_s:8.2f} s   data_source_create {upload_s:.2f} s + data_source_process "
        f"{total_s - upload_s:.2f} s"
    )
    print(f"  throughput      {rate:8,.0f} rows/s")
    print(
        f"  peak RSS        {peak_mb:8.1f} MB  (baseline after generation {baseline_mb:.1f} MB, "
        f"+{peak_mb - baseline_mb:.1f} MB during ingest)"
    )
    print("  ledger")
    print("\n".join(ledger) if ledger else "    (no StageRun rows)")
    print(f"  records         {summary['record_count']:,} rows read, {summary['row_errors']:,} rows with errors")
    for kind in ("businesses", "personas", "phones", "emails"):
        print(f"    {kind:<13} {summary[kind]:>10,}")
    print("  failures by code")
    failures = sorted(summary["failures"].items(), key=lambda item: (-item[1], item[0]))
    print("\n".join(f"    {code:<22} {count:>9,}" for code, count in failures) if failures else "    none")
    if rows >= TARGET_ROWS:
        limit = TARGET_SECONDS * rows / TARGET_ROWS
        time_ok = total_s < limit
        memory_ok = peak_mb < TARGET_RSS_MB
        print(
            f"  targets         time {'MET' if time_ok else 'NOT MET'} ({total_s:.1f} s, limit {limit:.0f} s "
            f"for {rows:,} rows); memory {'MET' if memory_ok else 'NOT MET'} ({peak_mb:.0f} MB, limit "
            f"{TARGET_RSS_MB:.0f} MB)"
        )
    else:
        print(
            f"  targets         checked from {TARGET_ROWS:,} rows ({TARGET_ROWS:,} rows < {TARGET_SECONDS:.0f} s, "
            f"peak RSS < {TARGET_RSS_MB:.0f} MB)"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark ingestion stages 1-2 on a synthetic USDataBiz list.")
    parser.add_argument("--rows", type=int, default=TARGET_ROWS, help="data rows to generate and ingest")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--keep", action="store_true", help="keep the team, its rows and the temporary files")
    parser.add_argument("--no-copy", action="store_true", help="load with bulk_create instead of COPY")
    parser.add_argument("--chunk-rows", type=int, default=None, help="rows per committed chunk (INGEST_CHUNK_ROWS)")
    parser.add_argument("--seed", type=int, default=7, help="generator seed")
    args = parser.parse_args(argv)
    if args.rows < 1:
        parser.error("--rows must be at least 1")
    if args.chunk_rows is not None and args.chunk_rows < 1:
        parser.error("--chunk-rows must be at least 1")
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
