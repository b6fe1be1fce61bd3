"""Benchmark the signed SMS webhook on gunicorn (2 workers) and PostgreSQL with the realtime cluster running.

    python bench/bench_webhook.py --deliveries 5000 --ingest-rows 200000 \
        --database-url postgres://postgres@127.0.0.1:5432/usdatabiz_bench

1. Rate: ``--deliveries`` distinct signed replies (plus ``--retry-share`` of them delivered a second time, as a
   provider retries: the same delivery id, signed afresh) are posted over ``--connections`` keep-alive
   connections; then as many ``GET /healthz/`` (the console's own liveness probe, answered by the first
   middleware: the floor a request through the same gunicorn costs) through the same server, in the same run.
   Prints requests/s
   and p50/p99 of each, and the ratio. Requests are signed before the clock starts, so the client's own cost is
   small; the client shares the machine's cores with the server, the realtime cluster and PostgreSQL.
2. Nothing lost or duplicated: once the realtime cluster has acted on every stored event, each distinct delivery
   is one event record, one inbound message and one inbox item; every retry is counted on its first record.
3. Webhook to draft while a large ingest runs on the bulk lane: a bulk cluster (2 workers) loads
   ``--ingest-rows`` rows (and what follows it on the journey) while replies are posted one by one; each reply's
   time from the post to its draft (``InboxItem.suggested_at``) is measured.

Targets (``make bench-webhook``): >= 500 deliveries/s, p99 < 100 ms, >= half the no-op rate, webhook to draft
< 5 s (stage 11's SLA). Missing them does not fail the run. The benchmark's teams are removed afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench.bench_ingest import ensure_database, purge_team  # noqa: E402
from bench.bench_ingest import environment as ingest_environment  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/usdatabiz_bench"
SECRET = "whsec_bench_webhook_0123456789abcdef"
OURS = "5125550199"
TARGET_RATE = 500.0
TARGET_P99_MS = 100.0
TARGET_NOOP_SHARE = 0.5
TARGET_DRAFT_S = 5.0


def environment(args, media_root: str) -> dict[str, str]:
    """``bench_ingest``'s environment (database, storage, key, plain HTTP, the ORM broker), plus the webhook's."""
    return {
        **ingest_environment(args, media_root),
        "SIGNALHOUSE_WEBHOOK_SECRET": SECRET,
        "SMS_PROVIDER": "sandbox",
        # persistent database connections, as a production web node runs (the default 0 opens one per request)
        "DB_CONN_MAX_AGE": os.environ.get("DB_CONN_MAX_AGE", "60"),
        "LOG_LEVEL": "ERROR",
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Process:
    """A child process group started and stopped by the benchmark (gunicorn, a qcluster)."""

    def __init__(self, command: list[str], env: dict[str, str]):
        self.process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, start_new_session=True)

    def stop(self) -> None:
        if self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def start_cluster(env: dict[str, str], lane: str, workers: int) -> Process:
    from usdatabiz.core.lanes import running_clusters

    cluster = Process(
        [sys.executable, "manage.py", "qcluster"],
        {**env, "Q_CLUSTER_NAME": lane, f"Q_{lane.upper()}_WORKERS": str(workers)},
    )
    deadline = time.monotonic() + 90
    while not [c for c in running_clusters() if c["lane"] == lane]:
        if cluster.process.poll() is not None or time.monotonic() > deadline:
            cluster.stop()
            raise SystemExit(f"the {lane} cluster did not start")
        time.sleep(0.2)
    return cluster


def start_gunicorn(env: dict[str, str], port: int, workers: int, threads: int) -> Process:
    server = Process(
        [str(REPO_ROOT / ".venv/bin/gunicorn"), "usdatabiz.wsgi:application", "--workers", str(workers),
         "--threads", str(threads), "--bind", f"127.0.0.1:{port}", "--keep-alive", "30", "--log-level", "error",
         "--timeout", "120"],
        {**env, "DJANGO_SETTINGS_MODULE": "usdatabiz.settings"},
    )  # fmt: skip
    deadline = time.monotonic() + 90
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as conn:
                conn.sendall(b"GET /healthz/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                if conn.recv(64).startswith(b"HTTP/1.1 200"):
                    return server
        except OSError:
            pass
        if server.process.poll() is not None or time.monotonic() > deadline:
            server.stop()
            raise SystemExit("gunicorn did not start")
        time.sleep(0.3)


# -- requests ---------------------------------------------------------------------------------------------


def _number(n: int) -> str:
    """A distinct valid US mobile-looking number per ``n`` (area codes 212, 213, ...; exchange 555)."""
    return f"{212 + n // 10000}555{n % 10000:04d}"


def reply_body(sender: str, text: str, identifier: str, stamp_ms: int) -> bytes:
    """The JSON body of one MESSAGE_RECEIVED delivery from ``sender`` to the benchmark's number."""
    return json.dumps({
        "timestamp": stamp_ms, "event": "MESSAGE_RECEIVED", "identifier": identifier,
        "metaData": {"Message": {"direction": "INBOUND", "senderPhoneNumber": "1" + sender,
                                 "recipientPhoneNumber": "1" + OURS, "messageBody": text}},
    }, separators=(",", ":")).encode()  # fmt: skip


def signed_reply(sender: str, text: str, identifier: str, delivery_id: str, stamp_ms: int) -> bytes:
    """One signed MESSAGE_RECEIVED delivery as the raw bytes of an HTTP/1.1 request."""
    from messaging.signalhouse import sign

    body = reply_body(sender, text, identifier, stamp_ms)
    head = (
        "POST /webhooks/signalhouse/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nX-SignalHouse-Timestamp: {stamp_ms}\r\n"
        f"X-SignalHouse-Signature: {sign(SECRET, stamp_ms, body)}\r\nX-SignalHouse-Delivery-Id: {delivery_id}\r\n\r\n"
    )
    return head.encode() + body


NOOP = b"GET /healthz/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


async def _read_response(reader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    if length:
        await reader.readexactly(length)
    return status


async def _blast(port: int, requests: list[bytes], connections: int) -> tuple[float, list[float], list[int]]:
    queue = list(reversed(requests))
    latencies, statuses = [], []

    async def connection():
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while queue:
                request = queue.pop()
                sent = time.perf_counter()
                writer.write(request)
                status = await _read_response(reader)
                latencies.append(time.perf_counter() - sent)
                statuses.append(status)
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(connection() for _ in range(connections)))
    return time.perf_counter() - started, latencies, statuses


def blast(port: int, requests: list[bytes], connections: int) -> dict:
    seconds, latencies, statuses = asyncio.run(_blast(port, requests, connections))
    latencies.sort()
    return {
        "requests": len(requests),
        "seconds": seconds,
        "rate": len(requests) / seconds,
        "p50_ms": 1000 * latencies[len(latencies) // 2],
        "p99_ms": 1000 * latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        "statuses": {code: statuses.count(code) for code in sorted(set(statuses))},
    }


def wait_processed(team, timeout: float) -> float:
    """Wait until the realtime lane acted on every event the webhook stored for the team and worked through what
    followed (classification, prioritization, drafts: its queue is empty); return the wait."""
    from django_q.models import OrmQ

    from inbox.models import WebhookEvent

    started = time.perf_counter()
    while (
        WebhookEvent.objects.filter(team=team, status="received").exists()
        or OrmQ.objects.filter(key="realtime").exists()
    ):
        if time.perf_counter() - started > timeout:
            break
        time.sleep(0.2)
    return time.perf_counter() - started


# -- phases -----------------------------------------------------------------------------------------------


def rate_phase(args, port: int, team) -> dict:
    from inbox.models import InboxItem, WebhookEvent
    from messaging.models import Message

    now = int(time.time() * 1000)
    tag = uuid.uuid4().hex[:8]
    every = round(1 / args.retry_share) if args.retry_share > 0 else 0
    order = []
    for n in range(args.deliveries):
        sender, identifier, delivery = _number(n), f"bench-{tag}-{n}", f"bench-{tag}-d{n}"
        order.append(signed_reply(sender, f"reply {n}: who is this?", identifier, delivery, now + n))
        if every and n % every == every - 1:  # a provider retry of an earlier delivery, signed afresh
            m = n - every // 2
            order.append(signed_reply(_number(m), f"reply {m}: who is this?", f"bench-{tag}-{m}",
                                      f"bench-{tag}-d{m}", now + m + 7))  # fmt: skip
    blast(port, [NOOP] * 200, args.connections)  # warm both workers up
    webhook = blast(port, order, args.connections)
    floor = blast(port, [NOOP] * len(order), args.connections)
    drained = wait_processed(team, timeout=args.max_seconds)
    events = WebhookEvent.objects.filter(team=team, identifier__startswith=f"bench-{tag}-")
    result = {
        "webhook": webhook,
        "noop": floor,
        "drain_s": drained,
        "distinct": args.deliveries,
        "posted": len(order),
        "records": events.count(),
        "attempts": sum(events.values_list("attempts", flat=True)),
        "left_received": events.filter(status="received").count(),
        "failed": WebhookEvent.objects.filter(status="failed", created_at__gte=_since(now)).count(),
        "messages": Message.objects.filter(team=team, direction="inbound", external_id__startswith=f"bench-{tag}-")
        .values("external_id")
        .distinct()
        .count(),
        "message_rows": Message.objects.filter(
            team=team, direction="inbound", external_id__startswith=f"bench-{tag}-"
        ).count(),
        "items": InboxItem.objects.filter(team=team, external_id__startswith=f"bench-{tag}-").count(),
    }
    return result


def _since(now_ms: int) -> datetime:
    from datetime import UTC

    return datetime.fromtimestamp(now_ms / 1000 - 5, tz=UTC)


def draft_phase(args, env, port: int, team, media_root: Path) -> dict:
    """Replies one by one while an ingest of ``--ingest-rows`` rows runs on the bulk lane; time each to its draft."""
    from django.core.files import File

    from bench.generate import write_csv
    from inbox.models import InboxItem
    from ingestion.models import DataSource
    from ingestion.services import data_source_create
    from usdatabiz.core.services import team_create

    csv_path = media_root.parent / f"bench-webhook-ingest-{args.ingest_rows}.csv"
    write_csv(csv_path, args.ingest_rows, seed=11)
    ingest_team = team_create(slug=f"bench-wh-ingest-{uuid.uuid4().hex[:6]}", name="Webhook benchmark ingest")
    bulk = start_cluster(env, "bulk", 2)
    try:
        with csv_path.open("rb") as handle:
            data_source = data_source_create(team=ingest_team, file=File(handle, name=csv_path.name), start=True)
        time.sleep(args.ingest_head_start)
        tag = uuid.uuid4().hex[:8]
        times, statuses, during = [], [], 0
        for n in range(args.draft_replies):
            sender = _number(9000 + n)  # numbers the rate phase leaves alone
            identifier = f"draft-{tag}-{n}"
            request = signed_reply(sender, "Interested, call me tomorrow", identifier, f"dd-{tag}-{n}", _ms())
            posted = time.time()
            statuses.append(_one(port, request))
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                item = InboxItem.objects.filter(team=team, external_id=identifier, suggested_at__isnull=False).first()
                if item is not None:
                    times.append(item.suggested_at.timestamp() - posted)
                    break
                time.sleep(0.02)
            else:
                times.append(float("inf"))
            data_source.refresh_from_db(fields=["status"])
            during += data_source.status not in (DataSource.Status.COMPLETED, DataSource.Status.FAILED)
            time.sleep(args.draft_gap)
        data_source.refresh_from_db()
        return {
            "times": sorted(times),
            "statuses": statuses,
            "during_ingest": during,
            "ingest_status": data_source.status,
            "ingest_team": ingest_team,
        }
    finally:
        bulk.stop()


def _ms() -> int:
    return int(time.time() * 1000)


def _one(port: int, request: bytes) -> int:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        conn.sendall(request)
        return int(conn.recv(4096)[9:12])


# -- report -----------------------------------------------------------------------------------------------


def report(args, rate: dict | None, draft: dict | None, load: str) -> None:
    print(f"machine: {os.cpu_count()} cores, load average before the run {load}")
    print(
        f"server: gunicorn {args.gunicorn_workers} workers x {args.threads} threads, PostgreSQL, realtime cluster of "
        f"{args.realtime_workers} workers running, DB_CONN_MAX_AGE={os.environ.get('DB_CONN_MAX_AGE', '60')}; "
        f"client: {args.connections} keep-alive connections"
    )
    if rate:
        web, noop = rate["webhook"], rate["noop"]
        share = web["rate"] / noop["rate"]
        print(
            f"webhook: {rate['posted']:,} signed deliveries ({rate['distinct']:,} distinct + "
            f"{rate['posted'] - rate['distinct']:,} retries) in {web['seconds']:.2f} s = {web['rate']:.0f}/s, "
            f"p50 {web['p50_ms']:.1f} ms, p99 {web['p99_ms']:.1f} ms, statuses {web['statuses']}"
        )
        print(
            f"no-op /healthz/ (liveness probe): "
            f"{noop['requests']:,} in {noop['seconds']:.2f} s = {noop['rate']:.0f}/s, "
            f"p50 {noop['p50_ms']:.1f} ms, p99 {noop['p99_ms']:.1f} ms; webhook/no-op = {share:.2f}"
        )
        exact = (
            rate["records"] == rate["distinct"]
            and rate["attempts"] == rate["posted"]
            and rate["messages"] == rate["message_rows"] == rate["items"] == rate["distinct"]
            and rate["left_received"] == 0
        )
        print(
            f"exactly once: {rate['records']:,} event records (attempts {rate['attempts']:,}), "
            f"{rate['message_rows']:,} "
            f"inbound messages, {rate['items']:,} inbox items for {rate['distinct']:,} distinct deliveries; "
            f"{rate['left_received']} left unprocessed, {rate['failed']} failed; realtime lane finished "
            f"{rate['drain_s']:.1f} s after the last answer -> {'NOTHING LOST OR DUPLICATED' if exact else 'MISMATCH'}"
        )
        print(
            f"target rate {'MET' if web['rate'] >= TARGET_RATE else 'NOT MET'} (>= {TARGET_RATE:.0f}/s); "
            f"p99 {'MET' if web['p99_ms'] < TARGET_P99_MS else 'NOT MET'} (< {TARGET_P99_MS:.0f} ms); "
            f"no-op share {'MET' if share >= TARGET_NOOP_SHARE else 'NOT MET'} (>= {TARGET_NOOP_SHARE:.0%})"
        )
    if draft:
        times = [t for t in draft["times"] if t != float("inf")]
        missing = len(draft["times"]) - len(times)
        worst = max(draft["times"]) if draft["times"] else float("nan")
        median = statistics.median(times) if times else float("nan")
        print(
            f"webhook to draft while a {args.ingest_rows:,}-row ingest runs on the bulk lane (2 workers): "
            f"{len(draft['times'])} replies ({draft['during_ingest']} while stage 1-2 still ran; ingest ended "
            f"{draft['ingest_status']}), median {median:.2f} s, max {worst:.2f} s, {missing} without a draft in 60 s; "
            f"target {'MET' if worst < TARGET_DRAFT_S else 'NOT MET'} (< {TARGET_DRAFT_S:.0f} s)"
        )


def bench_setup(args, prefix: str, name: str):
    """Point Django at the benchmark database, migrate it, and make a team that owns the benchmark's number.
    Returns (environment, media root, team)."""
    media_root = Path(tempfile.mkdtemp(prefix=f"usdatabiz-{prefix}-")) / "media"
    media_root.mkdir()
    env = environment(args, str(media_root))
    ensure_database(args.database_url)
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    from messaging.models import SenderNumber
    from messaging.services import sender_number_create
    from usdatabiz.core.services import team_create

    call_command("migrate", interactive=False, verbosity=0)
    team = team_create(slug=f"{prefix}-{uuid.uuid4().hex[:6]}", name=name)
    SenderNumber.objects.filter(number=OURS).delete()
    sender_number_create(team=team, number=OURS, label="benchmark")
    return env, media_root, team


def run(args) -> int:
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    env, media_root, team = bench_setup(args, "bench-webhook", "Webhook benchmark")
    port = free_port()
    realtime = start_cluster(env, "realtime", args.realtime_workers)
    server = None
    rate = draft = None
    try:
        server = start_gunicorn(env, port, args.gunicorn_workers, args.threads)
        if args.deliveries:
            rate = rate_phase(args, port, team)
            report(args, rate, None, load)  # printed now: the next phase may take long on a busy machine
        if args.draft_replies:
            draft = draft_phase(args, env, port, team, media_root)
            report(args, None, draft, load)
    finally:
        if server is not None:
            server.stop()
        realtime.stop()
        if not args.keep:
            purge_team(team)
            if draft:
                purge_team(draft["ingest_team"])
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the signed SMS webhook and the realtime lane.")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--deliveries", type=int, default=5000, help="distinct signed deliveries to post")
    parser.add_argument("--retry-share", type=float, default=0.05, help="share delivered twice (provider retries)")
    parser.add_argument("--connections", type=int, default=16, help="concurrent keep-alive client connections")
    parser.add_argument("--gunicorn-workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker (gthread)")
    parser.add_argument("--realtime-workers", type=int, default=2)
    parser.add_argument("--ingest-rows", type=int, default=200_000, help="rows of the ingest run on the bulk lane")
    parser.add_argument("--ingest-head-start", type=float, default=5.0, help="seconds the ingest runs before replies")
    parser.add_argument("--draft-replies", type=int, default=30, help="replies timed from webhook to draft")
    parser.add_argument("--draft-gap", type=float, default=0.5, help="seconds between those replies")
    parser.add_argument("--max-seconds", type=float, default=600, help="longest wait for the realtime lane")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark's teams and rows")
    sys.stdout.reconfigure(line_buffering=True)  # each figure as soon as it is measured
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
