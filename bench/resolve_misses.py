"""List the true pairs stage 3 misses on the labelled benchmark lists, by cause (quality diagnosis, not timed).

    python bench/resolve_misses.py --database-url postgres://.../usdatabiz_bench [--quality-rows 5000] [--show 20]
    python bench/resolve_misses.py --only none --geco 20000 --geco-seed 23 --negatives

Each list (the corrupted generator list, FEBRL 1-3, and with ``--febrl-no-id`` FEBRL 1-3 mapped without the
identifier; FEBRL 4 is never used) is loaded through stages 1-2 once into a team named after it and kept, so
later calls only read it back. Resolution is then planned in memory through the path a run's finishing step takes
(``candidate_pairs``, EM on the candidates' agreement patterns, name frequencies, ``plan_pairs``), nothing is
written, and every missed true pair is put in one category:

* ``no candidate``: the pair shares no blocking key;
* ``guard NAME``: a guard keeps the pair apart (its agreement levels are shown);
* ``below review`` / ``review``: the match probability is under the review or the auto-merge threshold;
* ``linkage``: the pair scores above the threshold, passes the guards, but complete linkage keeps the groups
  of its two records apart (a guard between one of them and the other's group).

Wrong pairs (merged, different entities) are listed the same way. With ``--negatives`` every hard negative of a
probe (a colleague, officemate, household member or namesake drawn beside a person) that ended in its look-alike's
group is listed with the whole group: ``*`` the negative, ``=`` the look-alike's records, and each record's score
and guard against the negative, so a merge made through a third record shows which record joined them.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.bench_ingest import DEFAULT_DATABASE_URL, configure, ensure_database  # noqa: E402

PIPELINE: dict[int, list[str]] = {0: [], 1: [], 2: [], 3: []}


def _team(name: str, write):
    """Return the team holding list ``name`` (loaded now if missing) and its truth (persona id -> entity)."""
    from django.core.files import File
    from django.test import override_settings

    from identity.models import Persona
    from ingestion.services import data_source_create, data_source_process
    from usdatabiz.core.models import Team
    from usdatabiz.core.services import team_create

    slug = "misses-" + "".join(c if c.isalnum() else "-" for c in name.lower())[:40]
    work_dir = Path(tempfile.mkdtemp(prefix="usdatabiz-resolve-misses-"))
    csv_path, truth_path = work_dir / f"{slug}.csv", work_dir / "truth.csv"
    write(csv_path, truth_path)
    with truth_path.open() as handle:
        records = list(csv.DictReader(handle))
    truth_rows = {int(row["source_record_id"]): row["entity_id"] for row in records}
    probe_rows = {int(row["source_record_id"]): row["probe"] for row in records if row.get("probe")}
    team = Team.objects.filter(slug=slug).first()
    if team is None:
        team = team_create(slug=slug, name=f"Resolve misses {name}")
        with override_settings(PIPELINE_MODULE="bench.resolve_misses"), csv_path.open("rb") as handle:
            data_source = data_source_create(team=team, file=File(handle, name=csv_path.name), start=False)
            data_source_process(data_source_id=data_source.pk)
    rows = list(Persona.objects.filter(team=team).values_list("pk", "source_record_id"))
    return (
        team,
        {pk: truth_rows[row] for pk, row in rows},
        {pk: probe_rows[row] for pk, row in rows if row in probe_rows},
    )


def _levels(a, b) -> str:
    from identity import resolution

    levels, _ = resolution.gamma(a, b)
    return " ".join(f"{name[:5]}={'-' if level is None else level}" for name, level in levels.items())


def _show(view) -> str:
    return (
        f"{view.first or '_'} / {view.last or '_'} | {','.join(view.phones) or '-'} | "
        f"{','.join(view.emails) or '-'} | {','.join(view.businesses) or '-'} | "
        f"{','.join(view.addresses) or '-'} | {view.state} {view.zip5} | {','.join(view.titles) or '-'}"
    )


def _show_negatives(views, index, truth, probes, find, model) -> None:
    """Print each hard negative merged with its look-alike: its kind and the whole group it ended in."""
    from identity import resolution

    rows_of = defaultdict(list)
    for pid, entity in truth.items():
        if pid in index:
            rows_of[entity].append(pid)
    for pid, probe in sorted(probes.items()):
        kind, _, entity = probe.partition(":")
        if not entity or pid not in index or not any(find(o) == find(pid) for o in rows_of[entity]):
            continue
        group = [v for v in views if find(v.id) == find(pid)]
        print(f"  NEGATIVE {kind} ({len(group)} records in the group)")
        for v in group:
            mark = "*" if v.id == pid else ("=" if truth[v.id] == entity else " ")
            probability, reasons = resolution.score(views[index[pid]], v, model) if v.id != pid else (None, {})
            p = "" if probability is None else f" p={probability:.3f} {reasons.get('guard') or ''}"
            print(f"      {mark} {_show(v)}{p}")


def analyse(name: str, write, args) -> None:
    from identity import resolution
    from identity.services import _load_views, name_frequencies

    team, truth, probes = _team(name, write)
    views, _ = _load_views(team.pk)
    index = {v.id: i for i, v in enumerate(views)}
    pairs, _ = resolution.candidate_pairs(views)
    model = resolution.train(views, pairs)
    result = resolution.plan_pairs(
        views,
        pairs,
        auto_threshold=args.auto,
        review_threshold=args.review,
        model=model,
        tf=name_frequencies(team_id=team.pk),
    )
    parent = {v.id: v.id for v in views}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for survivor, merged, _, _ in result.merges:
        parent[find(merged)] = find(survivor)
    by_entity = defaultdict(list)
    for pid, entity in truth.items():
        if pid in index:
            by_entity[entity].append(index[pid])
    true_pairs = [(min(x, y), max(x, y)) for m in by_entity.values() for k, x in enumerate(m) for y in m[k + 1 :]]
    clusters = defaultdict(list)
    for v in views:
        clusters[find(v.id)].append(index[v.id])
    predicted = [(min(x, y), max(x, y)) for m in clusters.values() for k, x in enumerate(m) for y in m[k + 1 :]]
    correct = sum(1 for i, j in predicted if truth[views[i].id] == truth[views[j].id])
    missed = [(i, j) for i, j in true_pairs if find(views[i].id) != find(views[j].id)]
    wrong = [(i, j) for i, j in predicted if truth[views[i].id] != truth[views[j].id]]
    blocked = sum(1 for pair in true_pairs if pair in pairs)
    moved = set()
    if probes:
        from bench.bench_resolve import probe_scores

        probe = probe_scores(truth, probes, {v.id: find(v.id) for v in views})
        moved_part = (
            f"moved probe: recall {probe['moved_found'] / probe['moved_pairs']:.4f} "
            f"({probe['moved_found']} of {probe['moved_pairs']}); "
            if probe["moved_pairs"]
            else ""
        )
        print(f"  {moved_part}hard negatives merged {probe['negatives_merged']} of {probe['negatives']}")
        moved = {index[pid] for pid, label in probes.items() if label == "moved" and pid in index}
        if args.negatives:
            _show_negatives(views, index, truth, probes, find, result.model)
    print(f"== {name}: {len(views):,} personas, {len(pairs):,} candidates, EM prior {model.prior:.3f}")
    print(
        f"  precision {correct / max(len(predicted), 1):.4f}  recall {correct / max(len(true_pairs), 1):.4f}  "
        f"blocking recall {blocked / max(len(true_pairs), 1):.4f}  true {len(true_pairs)}  "
        f"predicted {len(predicted)}  wrong {len(wrong)}  reviews {len(result.reviews)}"
    )
    categories: dict[str, list] = defaultdict(list)
    for i, j in missed:
        if args.moved_only and not ({i, j} & moved):
            continue
        a, b = views[i], views[j]
        if (i, j) not in pairs:
            cause = "no candidate"
            probability = None
        else:
            probability, reasons = resolution.score(a, b, result.model)
            if reasons["guard"]:
                cause = f"guard {reasons['guard']}"
            elif probability < args.review:
                cause = "below review"
            elif probability < args.auto:
                cause = "review"
            else:
                cause = "linkage"
        categories[cause].append((i, j, probability))
    for cause, items in sorted(categories.items(), key=lambda kv: -len(kv[1])):
        print(f"  missed {len(items):4d}  {cause}")
        for i, j, probability in items[: args.show]:
            p = "" if probability is None else f"p={probability:.3f} "
            print(f"      {p}{_levels(views[i], views[j])}")
            print(f"        {_show(views[i])}\n        {_show(views[j])}")
    for i, j in wrong[: args.show]:
        probability, reasons = resolution.score(views[i], views[j], result.model)
        print(f"  WRONG p={probability:.3f} {_levels(views[i], views[j])}")
        print(f"        {_show(views[i])}\n        {_show(views[j])}")
    if args.weights:
        for field in resolution.FIELDS:
            weights = " ".join(
                f"{level}:{result.model.weight(field, k):+.2f}" for k, level in enumerate(resolution.LEVELS[field])
            )
            print(f"  weight {field:10s} {weights}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quality-rows", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--only", default="", help="comma-separated: generator,1,2,3 (and 1-no-id,2-no-id,3-no-id: that mapping only)"
    )
    parser.add_argument(
        "--febrl-no-id", action="store_true", help="also FEBRL 1-3 mapped without the identifier (Email empty)"
    )
    parser.add_argument("--show", type=int, default=10, help="examples per category")
    parser.add_argument("--auto", type=float, default=0.72)
    parser.add_argument("--review", type=float, default=0.55)
    parser.add_argument("--weights", action="store_true")
    parser.add_argument("--hard", action="store_true", help="the harder corrupted list (bench/corrupt.py)")
    parser.add_argument("--moved", type=float, default=0.0, help="the moved probe (bench/corrupt.py --moved)")
    parser.add_argument(
        "--geco", type=int, default=0, help="rows of the independent GeCo-style probe (bench/geco_probe.py; 0: none)"
    )
    parser.add_argument("--geco-seed", type=int, default=21)
    parser.add_argument("--negatives", action="store_true", help="list each probe hard negative merged with its group")
    parser.add_argument("--moved-only", action="store_true", help="list only missed pairs with a moved record")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL))
    args = parser.parse_args(argv)
    args.no_copy, args.chunk_rows = False, None
    configure(args, tempfile.mkdtemp(prefix="usdatabiz-resolve-misses-media-"))
    ensure_database(args.database_url)
    import django

    django.setup()
    from django.core.management import call_command

    from bench import corrupt, febrl

    call_command("migrate", interactive=False, verbosity=0)
    only = set(filter(None, args.only.split(",")))
    if args.geco:
        from bench import geco_probe

        analyse(
            f"geco {args.geco} seed {args.geco_seed}",
            lambda c, t: geco_probe.write_csv(c, args.geco, seed=args.geco_seed, truth_path=t),
            args,
        )
    if not only or "generator" in only:
        analyse(
            f"generator {args.quality_rows} seed {args.seed}{' hard' if args.hard else ''}"
            f"{f' moved {args.moved}' if args.moved else ''}",
            lambda c, t: corrupt.write_csv(
                c, args.quality_rows, seed=args.seed, truth_path=t, hard=args.hard, moved=args.moved
            ),
            args,
        )
    for number in febrl.DATASETS:
        if not only or str(number) in only:
            analyse(f"FEBRL {number}", lambda c, t, n=number: febrl.write_csv(n, c, t), args)
    if args.febrl_no_id or any(name.endswith("-no-id") for name in only):
        for number in febrl.DATASETS:
            if not only or str(number) in only or f"{number}-no-id" in only:
                analyse(f"FEBRL {number} no id", lambda c, t, n=number: febrl.write_csv(n, c, t, no_id=True), args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
