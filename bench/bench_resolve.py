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


def run(args) -> int:
    work_dir = Path(tempfile.mkdtemp(prefix="usdatabiz-bench-resolve-"))
    media_root = work_dir / "media"
    media_root.mkdir()
    args.no_copy = False
    args.chunk_rows = None
    configure(args, str(media_root))
    if args.database_url.startswith("postgres"):
        ensure_database(args.database_url)
    import django

    django.setup()
    from django.core.files import File
    from django.core.management import call_command
    from django.test import override_settings

    from bench.generate import write_csv
    from identity.models import MatchReview, Persona
    from identity.services import identity_resolve
    from ingestion.services import data_source_create, data_source_process
    from usdatabiz.core.services import team_create

    call_command("migrate", interactive=False, verbosity=0)
    team = team_create(slug=f"bench-resolve-{uuid.uuid4().hex[:8]}", name=f"Resolve benchmark {args.rows:,}")
    csv_path = work_dir / "list.csv"
    truth_path = work_dir / "truth.csv"
    write_csv(csv_path, args.rows, seed=args.seed, truth_path=truth_path)
    with truth_path.open() as handle:
        truth = {int(row["source_record_id"]): row["entity_id"] for row in csv.DictReader(handle)}
    try:
        vacuum()
        with override_settings(PIPELINE_MODULE="bench.bench_resolve"):
            started = time.perf_counter()
            with csv_path.open("rb") as handle:
                data_source = data_source_create(team=team, file=File(handle, name=csv_path.name), start=False)
            data_source = data_source_process(data_source_id=data_source.pk)
            load_seconds = time.perf_counter() - started
            vacuum()
            baseline = peak_rss_mb()
            started = time.perf_counter()
            run_row = identity_resolve(team=team)
            resolve_seconds = time.perf_counter() - started
        peak = peak_rss_mb()
        personas = Persona.objects.filter(team=team, source_file=data_source.source_file)
        rows = {}
        predicted = {}
        for row_id, pid, into, first, last in personas.values_list(
            "source_record_id", "pk", "merged_into_id", "normalized_first_name", "normalized_last_name"
        ).iterator(chunk_size=50000):
            predicted[row_id] = into or pid
            rows[row_id] = (first, last, "")
        for row_id, business in (
            Persona.objects.filter(team=team, source_file=data_source.source_file)
            .values_list("source_record_id", "business_links__business__normalized_name")
            .iterator(chunk_size=50000)
        ):
            if business and row_id in rows:
                rows[row_id] = (rows[row_id][0], rows[row_id][1], business)
        quality = score(truth, predicted)
        hard = hard_negatives_merged(rows, truth, predicted)
        reviews = MatchReview.objects.filter(team=team, status="pending").count()
        print(f"Resolve benchmark: {args.rows:,} rows, seed {args.seed} ({args.database_url.rsplit('/', 1)[-1]})")
        print(f"  stages 1-2 load  {load_seconds:8.2f} s (not counted)")
        print(
            f"  resolve          {resolve_seconds:8.2f} s   {run_row.count_in:,} new personas, "
            f"{run_row.count_out:,} merges; {run_row.detail}"
        )
        print(f"  peak RSS         {peak:8.1f} MB  (before resolve {baseline:.1f} MB)")
        print(
            f"  pairs            true {quality['true_pairs']:,}, predicted {quality['predicted_pairs']:,}, "
            f"correct {quality['correct_pairs']:,}"
        )
        print(f"  precision        {quality['precision']:.4f}   (target >= 0.99)")
        print(f"  recall           {quality['recall']:.4f}   (target >= 0.95)")
        print(f"  F1               {quality['f1']:.4f}")
        print(
            f"  hard negatives merged: colleagues {hard['colleagues']}, namesakes {hard['namesakes']} "
            f"(target 0); other wrong pairs {hard['other']}"
        )
        print(f"  review queue     {reviews:,} pairs pending")
        if args.rows >= 1_000_000:
            print(
                f"  speed target     {'MET' if resolve_seconds < 120 else 'NOT MET'} (< 120 s), "
                f"memory {'MET' if peak < 1536 else 'NOT MET'} (< 1.5 GB)"
            )
    finally:
        if not args.keep:
            purge_team(team)
            vacuum()
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--keep", action="store_true")
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
