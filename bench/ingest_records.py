"""Check that a change to stages 1-2 loads exactly the same rows, on messy lists, through the real PostgreSQL path.

    python bench/ingest_records.py dump --database-url postgres://.../db --out before.json [--rows 30000]
    python bench/ingest_records.py diff before.json after.json

``dump`` writes lists of ``bench/messy.py`` (mixed lists with 20 % and 100 % messy rows, and the plain generator's,
at two seeds each), loads each inline (``data_source_process``, one process: the same chunks in the same order every
time) for a team of its own on the given database, and writes every loaded row with its ids replaced by what they
stand for: businesses, personas, phones, e-mails and owner links by their source row (and the row of the persona
or business they point at), row failures by code, field, row, raw value and wording (ids in the wording masked the
same way), with the data source's and every chunk's counts. ``diff`` tells whether two dumps hold the same rows and
prints the first differences. Run ``dump`` once on each version (two worktrees), then ``diff``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.bench_ingest import configure, ensure_database, purge_team  # noqa: E402

# Stage 2 only: nothing queued after it.
PIPELINE: dict[int, list[str]] = {0: [], 1: [], 2: []}
LISTS = (("mixed20", 0.2), ("messy100", 1.0), ("plain", 0.0))
SEEDS = (7, 19)
_ID = re.compile(r"\b(biz|per|ph|em|bo|sf)_[0-9A-Z]{26}\b")


def _rows(queryset, fields):
    return [list(row) for row in queryset.values_list(*fields)]


def _dump_team(team, data_source) -> dict:
    from identity.models import Business, BusinessOwner, Persona, PersonaEmail, PersonaPhone
    from usdatabiz.core.models import StageFailure

    business_rows = dict(Business.objects.filter(team=team).values_list("id", "source_record_id"))
    persona_rows = dict(Persona.objects.filter(team=team).values_list("id", "source_record_id"))
    names = {**{k: f"biz@{v}" for k, v in business_rows.items()}, **{k: f"per@{v}" for k, v in persona_rows.items()}}

    def mask(text):
        return _ID.sub(lambda m: names.get(m.group(0), m.group(1) + "@?"), text) if isinstance(text, str) else text

    business_fields = [
        "source_record_id", "source_file", "name", "normalized_name", "dba", "address", "city", "state", "zip5",
        "zip4", "employees", "revenue", "year_founded", "sic_code",
    ]  # fmt: skip
    persona_fields = [
        "source_record_id", "first_name", "last_name", "normalized_first_name", "normalized_last_name", "title",
        "state", "zip5", "source_extra", "is_merged", "merged_from_ids",
    ]  # fmt: skip
    found = {
        "businesses": _rows(Business.objects.filter(team=team).order_by("source_record_id"), business_fields),
        "personas": _rows(Persona.objects.filter(team=team).order_by("source_record_id"), persona_fields),
        "phones": [
            [row, persona_rows[persona], *rest]
            for row, persona, *rest in PersonaPhone.objects.filter(team=team)
            .order_by("source_record_id", "normalized_number")
            .values_list("source_record_id", "persona_id", "raw", "normalized_number", "phone_type", "is_valid")
        ],
        "emails": [
            [row, persona_rows[persona], *rest]
            for row, persona, *rest in PersonaEmail.objects.filter(team=team)
            .order_by("source_record_id", "email")
            .values_list("source_record_id", "persona_id", "email", "is_valid")
        ],
        "owners": [
            [row, persona_rows[persona], business_rows[business], title]
            for row, persona, business, title in BusinessOwner.objects.filter(team=team)
            .order_by("source_record_id", "persona_id")
            .values_list("source_record_id", "persona_id", "business_id", "title")
        ],
        "failures": sorted(
            [stage, code, row, field, raw, mask(detail)]
            for stage, code, row, field, raw, detail in StageFailure.objects.filter(
                team=team, subject_id=data_source.pk
            ).values_list("stage", "code", "source_row", "field", "raw_value", "detail")
        ),
        "data_source": {
            name: getattr(data_source, name)
            for name in ("status", "record_count", "rows_done", "loaded_count", "row_error_count", "error_code")
        },
        "chunks": [
            [first, last, counts]
            for first, last, counts in data_source.chunks.order_by("number").values_list(
                "first_row", "last_row", "counts"
            )
        ],
    }
    source_file = data_source.source_file
    for row in found["businesses"]:
        row[1] = "<this file>" if row[1] == source_file else row[1]
    found["failures"] = [[*f[:5], f[5].replace(source_file, "<this file>")] for f in found["failures"]]
    return found


def dump(args) -> int:
    ensure_database(args.database_url)
    media_root = tempfile.mkdtemp(prefix="usdatabiz-ingest-records-media-")
    configure(argparse.Namespace(database_url=args.database_url, no_copy=False, chunk_rows=args.chunk_rows), media_root)
    import django

    django.setup()
    from django.core.files import File
    from django.core.management import call_command
    from django.test import override_settings

    from bench.generate import write_csv
    from bench.messy import write_mixed_csv
    from ingestion.services import data_source_create, data_source_process
    from usdatabiz.core.services import team_create

    call_command("migrate", interactive=False, verbosity=0)
    work_dir = Path(tempfile.mkdtemp(prefix="usdatabiz-ingest-records-"))
    out = {"rows": args.rows, "lists": {}}
    for seed in SEEDS:
        for name, share in LISTS:
            csv_path = work_dir / f"{name}-{seed}.csv"
            if share:
                write_mixed_csv(csv_path, args.rows, seed=seed, messy_share=share)
            else:
                write_csv(csv_path, args.rows, seed=seed)
            team = team_create(slug=f"records-{name}-{seed}-{time.time_ns()}", name=f"Ingest records {name} {seed}")
            started = time.perf_counter()
            with override_settings(PIPELINE_MODULE="bench.ingest_records"), csv_path.open("rb") as handle:
                source = data_source_create(team=team, file=File(handle, name=csv_path.name), start=False)
                source = data_source_process(data_source_id=source.pk)
            seconds = time.perf_counter() - started
            out["lists"][f"{name}-{seed}"] = _dump_team(team, source)
            counts = {k: len(v) for k, v in out["lists"][f"{name}-{seed}"].items() if isinstance(v, list)}
            print(f"{name}-{seed}: {source.status} in {seconds:.1f} s, {counts}")
            purge_team(team)
    Path(args.out).write_text(json.dumps(out, sort_keys=True, default=str))
    return 0


def diff(args) -> int:
    before = json.loads(Path(args.before).read_text())
    after = json.loads(Path(args.after).read_text())
    if before["rows"] != after["rows"] or sorted(before["lists"]) != sorted(after["lists"]):
        print(f"not comparable: {before['rows']} / {after['rows']} rows, lists {sorted(before['lists'])} / ...")
        return 2
    differences = 0
    for name in sorted(before["lists"]):
        for kind in sorted(before["lists"][name]):
            old, new = before["lists"][name][kind], after["lists"][name][kind]
            if old == new:
                continue
            differences += 1
            print(f"{name} {kind}: differ")
            if isinstance(old, list):
                shown = 0
                for a, b in zip(old, new, strict=False):
                    if a != b and shown < 5:
                        print(f"  - {a}\n  + {b}")
                        shown += 1
                if len(old) != len(new):
                    print(f"  {len(old)} rows before, {len(new)} after")
            else:
                print(f"  - {old}\n  + {new}")
    sizes: dict[str, int] = {}
    for found in before["lists"].values():
        for kind, rows in found.items():
            if isinstance(rows, list) and kind != "chunks":
                sizes[kind] = sizes.get(kind, 0) + len(rows)
    verdict = "same rows" if not differences else f"{differences} differences"
    print(verdict, f"({len(before['lists'])} lists; rows compared in all: {sizes})")
    return 0 if not differences else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Compare the rows stages 1-2 load, version against version.")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("dump", help="load messy lists inline and write every loaded row")
    run.add_argument("--database-url", required=True)
    run.add_argument("--out", required=True)
    run.add_argument("--rows", type=int, default=30000, help="rows per list")
    run.add_argument("--chunk-rows", type=int, default=7000, help="rows per chunk (several chunks per list)")
    compare = commands.add_parser("diff", help="compare two dumps")
    compare.add_argument("before")
    compare.add_argument("after")
    args = parser.parse_args(argv)
    return dump(args) if args.command == "dump" else diff(args)


if __name__ == "__main__":
    sys.exit(main())
