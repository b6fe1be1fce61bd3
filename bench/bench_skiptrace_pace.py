"""Measure the skip-trace pace across worker processes: calls per one-second window with one API key.

    python bench/bench_skiptrace_pace.py --redis-url redis://127.0.0.1:6379/0 [--workers 3] [--calls 30] [--rate 10]

Starts ``--workers`` processes that each pace ``--calls`` calls with the same key (``leads.skiptrace.pace``, real
clock and sleep, no HTTP) through Redis, then again through a per-process memory cache (what runs without
``REDIS_URL``), and prints for each: the calls, the seconds they spanned, calls per second overall and the most
calls in any window ``[t, t + 1)``. Through Redis the most must not exceed ``--rate``; per process it grows with
the number of workers. A second key's calls run alongside in every worker to show that keys do not share a pace.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def most_in_one_second(times: list[float]) -> int:
    times = sorted(times)
    best, lo = 0, 0
    for hi, t in enumerate(times):
        while times[lo] <= t - 1.0:
            lo += 1
        best = max(best, hi - lo + 1)
    return best


def worker(backend: str, redis_url: str, key: str, calls: int, rate: float, start_at: float, out) -> None:
    sys.path.insert(0, str(REPO_ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usdatabiz.settings")
    import django

    django.setup()
    from django.core.cache.backends.locmem import LocMemCache
    from django.core.cache.backends.redis import RedisCache

    from leads.skiptrace.pace import KeyPace

    cache = RedisCache(redis_url, {}) if backend == "redis" else LocMemCache("bench", {})
    pace = KeyPace(api_key=key, per_second=rate, cache=cache)
    time.sleep(max(0.0, start_at - time.time()))
    times = []
    for _ in range(calls):
        pace.wait()
        times.append(time.time())
    out.put((key, times))


def run(backend: str, args) -> None:
    out = multiprocessing.Queue()
    start_at = time.time() + 2.0  # every process imported and waiting before the first call
    procs = [
        multiprocessing.Process(
            target=worker, args=(backend, args.redis_url, key, args.calls, args.rate, start_at, out)
        )
        for _ in range(args.workers)
        for key in (f"bench-key-a-{start_at}", f"bench-key-b-{start_at}")
    ]
    for proc in procs:
        proc.start()
    results = [out.get() for _ in procs]
    for proc in procs:
        proc.join()
    for key_label in ("a", "b"):
        times = sorted(t for key, ts in results if f"-{key_label}-" in key for t in ts)
        span = times[-1] - times[0]
        print(
            f"{backend:>9} key {key_label}: {len(times)} calls from {args.workers} workers in {span:.2f} s, "
            f"{(len(times) - 1) / span if span else float('inf'):.1f}/s overall, "
            f"most in one second {most_in_one_second(times)} (rate {args.rate:g})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--redis-url", required=True)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--calls", type=int, default=30)
    parser.add_argument("--rate", type=float, default=10.0)
    args = parser.parse_args()
    print("load before:", os.getloadavg())
    run("redis", args)
    run("per-process", args)
    print("load after:", os.getloadavg())


if __name__ == "__main__":
    main()
