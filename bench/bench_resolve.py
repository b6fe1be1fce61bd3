"""Benchmark stage 3 (identity resolution): quality against a labelled synthetic list, and speed.

    python bench/bench_resolve.py --rows 200000 --database-url postgres://postgres@127.0.0.1:5432/usdatabiz_bench

Generates a list with a known entity per row (near-duplicates, colleagues sharing company, address and
office phone, namesakes in other cities), loads it through stages 1-2 (not timed), then times
``identity_resolve`` for the team and reports pairwise precision, recall and F1 against the truth, the
hard-negative pairs merged (colleagues or namesakes fused), the review queue, wall time and peak RSS.
Targets: precision >= 0.99, recall >= 0.95, zero hard-negative merges; 1,000,000 personas < 120 s,
peak RSS < 1.5 GB. Missing a target is reported, not failed.
"""

from __future__ import annotations

import argparse
import csv
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
        truth = {int(row["source_record_id"]): row["entity_id"] for row in csv.DictReader(handle)}
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
            run_row = identity_resolve(team=team)
            out["resolve_seconds"] = time.perf_counter() - started
            out["peak_rss_mb"] = peak_rss_mb()
            out["baseline_rss_mb"] = baseline
            out["run"] = run_row
        rows, predicted = {}, {}
        personas = Persona.objects.filter(team=team, source_file=data_source.source_file)
        for row_id, pid, into, first, last in personas.values_list(
            "source_record_id", "pk", "merged_into_id", "normalized_first_name", "normalized_last_name"
        ).iterator(chunk_size=50000):
            predicted[row_id] = into or pid
            rows[row_id] = (first, last, "")
        for row_id, business in personas.values_list(
            "source_record_id", "business_links__business__normalized_name"
        ).iterator(chunk_size=50000):
            if business and row_id in rows:
                rows[row_id] = (rows[row_id][0], rows[row_id][1], business)
        out.update(score(truth, predicted))
        out["hard"] = hard_negatives_merged(rows, truth, predicted)
        out["reviews"] = MatchReview.objects.filter(team=team, status="pending").count()
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
    print(f"  resolve          {out['resolve_seconds']:8.2f} s   {run_row.count_out:,} merges; {run_row.detail}")
    print(f"  peak RSS         {out['peak_rss_mb']:8.1f} MB  (before resolve {out['baseline_rss_mb']:.1f} MB)")
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
    hard = out["hard"]
    print(
        f"  hard negatives merged: colleagues {hard['colleagues']}, namesakes {hard['namesakes']} (target 0); "
        f"other wrong pairs {hard['other']}; review queue {out['reviews']:,} pending"
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
    if args.quality_rows:
        sets.append(
            (
                f"generator + FEBRL/GeCo corruption, {args.quality_rows:,} rows, seed {args.seed}",
                lambda c, t: corrupt.write_csv(c, args.quality_rows, seed=args.seed, truth_path=t),
            )
        )
    if not args.no_febrl:
        for number in febrl.DATASETS:
            sets.append((f"FEBRL {number}", lambda c, t, n=number: febrl.write_csv(n, c, t)))
    for name, write in sets:
        report(_load_and_resolve(args, name, write, measure_blocking=True))
    if args.rows:
        from bench.generate import write_csv

        out = _load_and_resolve(
            args,
            f"speed: generator, {args.rows:,} rows",
            lambda c, t: write_csv(c, args.rows, seed=args.seed, truth_path=t),
            measure_blocking=False,
        )
        report(out)
        print(
            f"  speed target     {'MET' if out['resolve_seconds'] < 60 else 'NOT MET'} (< 60 s for 1,000,000), "
            f"memory {'MET' if out['peak_rss_mb'] < 1024 else 'NOT MET'} (< 1 GB)"
        )
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=0, help="speed run size (0: none)")
    parser.add_argument("--quality-rows", type=int, default=20_000, help="size of the corrupted generator list")
    parser.add_argument("--no-febrl", action="store_true")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--keep", action="store_true")
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
