"""Check that a change to stage 3 decides exactly as before, and time its phases on identical data.

    python bench/resolve_decisions.py load --template postgres://.../tpl [--quality-rows 5000] [--rows 100000]
    python bench/resolve_decisions.py run --template postgres://.../tpl --out before.json [--workers 2]
    python bench/resolve_decisions.py diff before.json after.json

``load`` puts each list through stages 1-2 (not resolved) into a team of its own in a template database:
the corrupted generator list at seeds 11 and 12, FEBRL 1-3, and with ``--rows`` the uncorrupted generator
list (the speed run's). ``run`` copies the template into a scratch database (``CREATE DATABASE ... TEMPLATE``,
so every run starts from the same rows and the same persona ids), resolves each team as a bulk cluster
would (index, ``--workers`` processes sharing the partitions, finish), and writes every decision: each
merge (survivor, merged, score, stored explanation), each review (pair, score, reasons), the trained model
and the run's counts, with the wall time of each phase and the load average. ``diff`` tells whether two
such files hold the same decisions, and prints the phase times side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.bench_ingest import configure, ensure_database, peak_rss_mb, vacuum  # noqa: E402

PIPELINE: dict[int, list[str]] = {0: [], 1: [], 2: [], 3: []}
SLUG = "decisions-"


def _setup(url: str) -> None:
    args = argparse.Namespace(database_url=url, no_copy=False, chunk_rows=None)
    configure(args, tempfile.mkdtemp(prefix="usdatabiz-resolve-decisions-media-"))
    import django

    django.setup()


def _admin(url: str):
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    params = conninfo_to_dict(url)
    return psycopg.connect(**{**params, "dbname": "postgres"}, autocommit=True), params["dbname"]


def load(args) -> int:
    ensure_database(args.template)
    _setup(args.template)
    from django.core.files import File
    from django.core.management import call_command
    from django.test import override_settings

    from bench import corrupt, febrl
    from bench.generate import write_csv
    from ingestion.services import data_source_create, data_source_process
    from usdatabiz.core.models import Team
    from usdatabiz.core.services import team_create

    call_command("migrate", interactive=False, verbosity=0)
    lists = []
    if args.quality_rows:
        for seed in (11, 12):
            lists.append(
                (f"corrupt-{seed}", lambda c, t, s=seed: corrupt.write_csv(c, args.quality_rows, seed=s, truth_path=t))
            )
        for number in febrl.DATASETS:
            lists.append((f"febrl-{number}", lambda c, t, n=number: febrl.write_csv(n, c, t)))
    if args.rows:
        lists.append((f"speed-{args.rows}", lambda c, t: write_csv(c, args.rows, seed=11, truth_path=t)))
    work_dir = Path(tempfile.mkdtemp(prefix="usdatabiz-resolve-decisions-"))
    for name, write in lists:
        if Team.objects.filter(slug=SLUG + name).exists():
            print(f"{name}: already loaded")
            continue
        csv_path, truth_path = work_dir / f"{name}.csv", work_dir / f"{name}.truth.csv"
        write(csv_path, truth_path)
        team = team_create(slug=SLUG + name, name=f"Resolve decisions {name}")
        started = time.perf_counter()
        with override_settings(PIPELINE_MODULE="bench.resolve_decisions"), csv_path.open("rb") as handle:
            source = data_source_create(team=team, file=File(handle, name=csv_path.name), start=False)
            data_source_process(data_source_id=source.pk)
        print(f"{name}: loaded in {time.perf_counter() - started:.1f} s")
    vacuum()
    return 0


def _resolve(team_id: str, workers: int) -> tuple[object, dict]:
    """Resolve one team as ``bench_resolve`` does, timing the index, the partitions and the finish."""
    import multiprocessing

    from django.db import connections

    from bench.bench_resolve import _worker
    from identity import partitions

    phases = {}
    queued = []
    real = partitions.work_enqueue
    partitions.work_enqueue = lambda row: queued.append(row.pk)
    started = time.perf_counter()
    try:
        run = partitions.resolution_start(team_id=team_id)
    finally:
        partitions.work_enqueue = real
    phases["start"] = time.perf_counter() - started
    rss = []
    if queued:
        connections.close_all()
        started = time.perf_counter()
        context = multiprocessing.get_context("fork")
        results = context.Queue()
        procs = [context.Process(target=_worker, args=(run.pk, w, results)) for w in range(workers)]
        for proc in procs:
            proc.start()
        for proc in procs:
            proc.join()
        rss = [results.get() for _ in procs]
        phases["partitions"] = time.perf_counter() - started
        started = time.perf_counter()
        run = partitions.resolution_finish(run_id=run.pk, advance=False)
        phases["finish"] = time.perf_counter() - started
    phases["total"] = sum(phases.values())
    phases.update(_work_times(run.pk))
    phases["worker_rss_mb"] = rss
    return run, phases


def _work_times(run_id: str) -> dict:
    """Return when the run's index chunks and partitions started and ended (seconds from the first claim)."""
    from identity.models import ResolutionIndexChunk, ResolutionPartition

    out = {}
    rows = {
        "index": ResolutionIndexChunk.objects.filter(run_id=run_id).values_list("created_at", "finished_at"),
        "compare": ResolutionPartition.objects.filter(run_id=run_id).values_list("created_at", "finished_at"),
    }
    for name, pairs in rows.items():
        pairs = list(pairs)
        if pairs and all(end for _, end in pairs):
            out[f"{name}_done"] = (max(end for _, end in pairs) - min(start for start, _ in pairs)).total_seconds()
    return out


def _decisions(team_id: str, run) -> dict:
    from identity.models import MatchReview, PersonaMergeHistory, ResolutionSettings

    merges = sorted(
        [survivor, merged, score, reasons]
        for survivor, merged, score, reasons in PersonaMergeHistory.objects.filter(
            team_id=team_id, action=PersonaMergeHistory.Action.MERGE
        ).values_list("survivor_id", "merged_id", "match_score", "reasons")
    )
    reviews = sorted(
        [a, b, score, reasons, status]
        for a, b, score, reasons, status in MatchReview.objects.filter(team_id=team_id).values_list(
            "persona_a_id", "persona_b_id", "score", "reasons", "status"
        )
    )
    model = ResolutionSettings.objects.get(team_id=team_id).model
    return {"merges": merges, "reviews": reviews, "model": model, "detail": run.detail, "status": run.status}


def run(args) -> int:
    admin, template = _admin(args.template)
    scratch = f"{template}_run"
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{scratch}"')
        admin.execute(f'CREATE DATABASE "{scratch}" TEMPLATE "{template}"')
    url = args.template.rsplit("/", 1)[0] + "/" + scratch
    _setup(url)
    from django.core.management import call_command
    from django.db import connections

    from usdatabiz.core.models import Team

    call_command("migrate", interactive=False, verbosity=0)  # the code under test may add a table

    only = set(filter(None, args.only.split(",")))
    out = {"load_before": os.getloadavg(), "teams": {}}
    for team in Team.objects.filter(slug__startswith=SLUG).order_by("slug"):
        name = team.slug[len(SLUG) :]
        if only and name not in only:
            continue
        load_before = os.getloadavg()[0]
        run_row, phases = _resolve(team.pk, args.workers)
        phases["load"] = [load_before, os.getloadavg()[0]]
        out["teams"][name] = {"phases": phases, **_decisions(team.pk, run_row)}
        print(
            f"{name}: {len(out['teams'][name]['merges'])} merges, {len(out['teams'][name]['reviews'])} reviews; "
            + ", ".join(f"{k} {v:.2f} s" for k, v in phases.items() if isinstance(v, float))
            + f"; worker RSS {phases['worker_rss_mb']} MB; load {load_before:.2f} -> {os.getloadavg()[0]:.2f}",
            flush=True,
        )
    out["peak_rss_mb"] = peak_rss_mb()
    connections.close_all()
    again, _ = _admin(args.template)
    with again:
        again.execute(f'DROP DATABASE IF EXISTS "{scratch}"')
    Path(args.out).write_text(json.dumps(out, sort_keys=True))
    return 0


def diff(args) -> int:
    before, after = (json.loads(Path(p).read_text()) for p in (args.before, args.after))
    same = True
    for name in sorted(set(before["teams"]) | set(after["teams"])):
        a, b = before["teams"].get(name), after["teams"].get(name)
        if a is None or b is None:
            print(f"{name}: only in {'after' if a is None else 'before'}")
            same = False
            continue
        changed = [key for key in ("merges", "reviews", "model", "detail", "status") if a[key] != b[key]]
        times = ", ".join(
            f"{k} {a['phases'][k]:.2f} -> {b['phases'][k]:.2f} s"
            for k in ("start", "partitions", "finish", "total", "index_done", "compare_done")
            if k in a["phases"] and k in b["phases"]
        )
        print(
            f"{name}: {'SAME' if not changed else 'DIFFERENT ' + ','.join(changed)} "
            f"({len(a['merges'])} merges, {len(a['reviews'])} reviews); {times}"
        )
        if "detail" in changed:
            print(f"   before: {a['detail']}\n   after:  {b['detail']}")
        same = same and not changed
    return 0 if same else 1


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("load")
    p.add_argument("--template", required=True)
    p.add_argument("--quality-rows", type=int, default=5000)
    p.add_argument("--rows", type=int, default=0)
    p = sub.add_parser("run")
    p.add_argument("--template", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--only", default="", help="comma-separated list names (corrupt-11,febrl-1,speed-100000...)")
    p = sub.add_parser("diff")
    p.add_argument("before")
    p.add_argument("after")
    args = parser.parse_args(argv)
    return {"load": load, "run": run, "diff": diff}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
