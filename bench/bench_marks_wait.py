"""Benchmark the in-flight wait of a write that marks many numbers at once (a skip-trace slice, a bulk merge).

    python bench/bench_marks_wait.py --database-url postgres://postgres@127.0.0.1:5432/h_marks [--repeat 5]

Nothing is in flight, as in almost every real write: each size is timed taking the numbers' locks one statement per
number (``senders_wait`` in a loop) and all in one statement (``senders_wait_all``), inside one transaction that is
then rolled back, best of ``--repeat``. ``--at-once-only --sizes 5000,20000`` times the writes past
``inflight.HOLD_AT_MOST``, which hold none of the free numbers' locks. No table is read or written; the database
only needs to exist.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/usdatabiz_bench")
    parser.add_argument("--sizes", default="1,10,100,500,2000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--at-once-only", action="store_true", help="past HOLD_AT_MOST: the loop would hold them all")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO_ROOT))
    from bench.bench_ingest import configure, ensure_database

    args.no_copy, args.chunk_rows = False, 0
    configure(args, tempfile.mkdtemp(prefix="bench-marks-"))
    ensure_database(args.database_url)
    import django

    django.setup()
    from django.db import transaction

    from usdatabiz.core import inflight

    def one_by_one(numbers):
        for number in numbers:
            inflight.senders_wait(team_id="team_bench", number=number)

    def at_once(numbers):
        inflight.senders_wait_all(team_id="team_bench", numbers=numbers)

    print(f"load before: {os.getloadavg()}")
    print(f"{'numbers':>8} {'one by one ms':>14} {'one statement ms':>17}")
    for size in (int(s) for s in args.sizes.split(",")):
        numbers = [f"512{n:07d}" for n in range(size)]
        best = {}
        best["one"] = float("nan")
        for name, way in (("all", at_once),) if args.at_once_only else (("one", one_by_one), ("all", at_once)):
            times = []
            for _ in range(args.repeat):
                with transaction.atomic():
                    start = time.perf_counter()
                    way(numbers)
                    times.append(time.perf_counter() - start)
                    transaction.set_rollback(True)
            best[name] = min(times) * 1000
        print(f"{size:>8} {best['one']:>14.2f} {best['all']:>17.2f}")
    print(f"load after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
