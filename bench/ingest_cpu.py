"""Time the worker's own CPU for stage 2's Python path, phase by phase, without the database.

    python bench/ingest_cpu.py [--rows 100000] [--csv PATH]

Writes a mixed list of ``bench/messy.py`` (or reads ``--csv``), then, as a chunk would: reads its rows with the CSV
reader, normalizes them (``RowNormalizer``) ``WRITE_BATCH_ROWS`` at a time, links each batch's rows to the businesses
holding their keys (held in memory here, as a fresh team's database would answer: the first row with a key holds it)
and encodes every batch's COPY text, businesses included. Prints the process CPU seconds of each phase and the load
average. CPU seconds move much less with the machine's load than wall time, so this compares two versions of the
Python path on a shared machine: run it alternately in both worktrees.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))


def run(args) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usdatabiz.settings")
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/usdatabiz_bench")  # never connected
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-" + "x" * 40)
    os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()
    from bench.messy import write_mixed_csv
    from ingestion import loader
    from ingestion.chunks import WRITE_BATCH_ROWS
    from ingestion.csvreader import CsvStream, row_width_ok

    if args.csv:
        path = Path(args.csv)
    else:
        path = Path(tempfile.mkdtemp(prefix="usdatabiz-ingest-cpu-")) / f"mixed-{args.rows}.csv"
        write_mixed_csv(path, args.rows, seed=args.seed, messy_share=0.2)
    raw = path.read_bytes()
    seconds = dict.fromkeys(("read", "normalize", "link", "encode"), 0.0)
    started = time.process_time()
    stream = CsvStream(lambda: io.BytesIO(raw))
    rows = list(stream.rows(stream.choose_encoding()))
    seconds["read"] = time.process_time() - started
    width = len(stream.header.columns)
    now = datetime.now(UTC)
    normalizer = loader.RowNormalizer(
        team_id="team_bench", source_file=str(path.name), header=stream.header, subject_id="ds_bench",
        run_id="run_bench", now=now, today_year=now.year,
    )  # fmt: skip
    writer = loader.CopyWriter()
    name_at = loader.BUSINESS_COLUMNS.index("normalized_name")
    zip_at = loader.BUSINESS_COLUMNS.index("zip5")
    held: dict[str, loader.Holder] = {}
    encoded = 0

    def settle() -> None:
        nonlocal encoded
        started = time.process_time()
        businesses = normalizer.chunk.businesses
        encoded += len(writer.encode(loader.Business, loader.BUSINESS_COLUMNS, businesses)[1]) if businesses else 0
        seconds["encode"] += time.process_time() - started
        started = time.process_time()
        holders = {}
        for business in businesses:
            key = f"{business[name_at]}\t{business[zip_at]}"
            holders[key] = held.setdefault(key, loader.Holder(business[0], business[4], business[5], key))
        normalizer.resolve(holders)
        seconds["link"] += time.process_time() - started
        started = time.process_time()
        encoded += sum(len(payload[1]) for payload in loader.encode_chunk(writer, normalizer.take_chunk()))
        seconds["encode"] += time.process_time() - started

    pending = 0
    started = time.process_time()
    for row in rows:
        if row_width_ok(row.cells, width):
            normalizer.process(row)
            pending += 1
        if pending >= WRITE_BATCH_ROWS:
            seconds["normalize"] += time.process_time() - started
            settle()
            pending = 0
            started = time.process_time()
    seconds["normalize"] += time.process_time() - started
    settle()
    total = sum(seconds.values())
    print(
        f"{len(rows):,} rows: "
        + ", ".join(f"{name} {value:.3f} s" for name, value in seconds.items())
        + f"; total {total:.3f} s CPU ({total / len(rows) * 1e6:.1f} us a row), {encoded / 1e6:.1f} MB of COPY text; "
        f"load {os.getloadavg()[0]:.1f} ({REPO_ROOT.name})"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Worker CPU of stage 2's Python path, phase by phase.")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--csv", default="", help="a list to read instead of writing one")
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
