"""What one signed reply costs, in process on PostgreSQL: the webhook request, then each realtime task it causes.

    python bench/bench_webhook_cost.py --replies 300 \
        --database-url postgres://postgres@127.0.0.1:5432/usdatabiz_bench

1. The request: ``--replies`` signed deliveries through the console's WSGI application (the whole middleware chain
   and view, as gunicorn calls it, without the HTTP parsing), each timed in CPU (``time.process_time``) and wall
   time, with its SQL statements counted. Half the senders are leads the team texted from the number they answer
   (their reply matches the lead and its campaign text), half are strangers (``bench_webhook``'s replies).
2. The lane: the realtime queue the requests filled is worked through in this process, task by task, as a
   realtime worker would (``func(*args, **kwargs)`` from django-q2's own package); each task's CPU, wall time and
   statements are summed by task. Stage 8 is ``webhook_event_process_task``, 9 classify, 10 prioritize,
   11 draft. The queue's own bookkeeping (taking, acknowledging and recording each task) is not included.

``--profile N`` and ``--profile-lane N`` print the N functions with the most cumulative CPU time of the request
phase and of the lane phase (cProfile; ``BENCH_PROFILE_SORT=tottime`` sorts by each function's own time).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
import uuid
from collections import defaultdict
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench.bench_ingest import purge_team  # noqa: E402
from bench.bench_webhook import DEFAULT_DATABASE_URL, OURS, SECRET, _number, bench_setup, reply_body  # noqa: E402

STAGE_OF = {
    "inbox.tasks.webhook_event_process_task": 8,
    "inbox.tasks.inbox_item_classify_task": 9,
    "inbox.tasks.inbox_item_prioritize_task": 10,
    "inbox.tasks.inbox_item_draft_task": 11,
}


class Statements:
    """Count the SQL statements run on the default connection while installed."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def _environ(body: bytes, stamp_ms: int, delivery: str) -> dict:
    from messaging.signalhouse import sign

    return {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/webhooks/signalhouse/",
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "127.0.0.1",
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(len(body)),
        "HTTP_X_SIGNALHOUSE_TIMESTAMP": str(stamp_ms),
        "HTTP_X_SIGNALHOUSE_SIGNATURE": sign(SECRET, stamp_ms, body),
        "HTTP_X_SIGNALHOUSE_DELIVERY_ID": delivery,
        "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def seed_leads(team, count: int) -> list[str]:
    """``count`` leads of the team, each texted once from our number (a delivered campaign text): their numbers."""
    from campaigns.models import Campaign
    from identity.models import Business, Persona, PersonaPhone
    from leads.models import Lead
    from messaging.models import Message

    campaign = Campaign.objects.create(team=team, name="bench replies")
    numbers = [_number(5000 + n) for n in range(count)]
    businesses = Business.objects.bulk_create(
        [Business(team=team, name=f"Bench Co {n}", normalized_name=f"BENCH CO {n}", state="TX") for n in range(count)]
    )
    personas = Persona.objects.bulk_create(
        [Persona(team=team, first_name="Pat", last_name=f"Bench{n}", state="TX") for n in range(count)]
    )
    PersonaPhone.objects.bulk_create(
        PersonaPhone(team=team, persona=p, raw=number, normalized_number=number, phone_type="mobile", is_valid=True)
        for p, number in zip(personas, numbers, strict=True)
    )
    leads = Lead.objects.bulk_create(
        Lead(team=team, persona=p, business=b, score=50, status=Lead.Status.CONTACTED)
        for p, b in zip(personas, businesses, strict=True)
    )
    Message.objects.bulk_create(
        Message(
            team=team,
            direction=Message.Direction.OUTBOUND,
            kind=Message.Kind.CAMPAIGN,
            status=Message.Status.DELIVERED,
            campaign=campaign,
            lead=lead,
            persona_id=lead.persona_id,
            from_number=OURS,
            to_number=number,
            body="Hi Pat, still running Bench Co?",
            external_id=f"out-{uuid.uuid4().hex[:12]}",
            correlation_id=f"cor-{n}",
        )  # fmt: skip
        for n, (lead, number) in enumerate(zip(leads, numbers, strict=True))
    )
    return numbers


def request_phase(args, leads: list[str]) -> dict:
    from django.db import connection, reset_queries

    from usdatabiz.wsgi import application

    tag = uuid.uuid4().hex[:8]
    now = int(time.time() * 1000)
    texts = ["Interested, call me tomorrow", "who is this?", "How much does it cost?", "not now, maybe next month"]
    requests = []
    for n in range(args.replies + args.warmup):
        sender = leads[n % len(leads)] if n % 2 == 0 and leads else _number(n)
        body = reply_body(sender, texts[n % len(texts)], f"cost-{tag}-{n}", now + n)
        requests.append((body, now + n, f"cost-{tag}-d{n}"))
    statuses, cpu, wall, statements = defaultdict(int), [], [], []
    profile = cProfile.Profile(time.process_time) if args.profile else None

    def start_response(status, headers, exc_info=None):
        statuses[status.split()[0]] += 1

    for n, (body, stamp, delivery) in enumerate(requests):
        counter = Statements()
        environ = _environ(body, stamp, delivery)
        with connection.execute_wrapper(counter):
            if profile is not None and n >= args.warmup:
                profile.enable()
            c0, w0 = time.process_time(), time.perf_counter()
            response = application(environ, start_response)
            b"".join(response)
            response.close()
            c1, w1 = time.process_time(), time.perf_counter()
            if profile is not None:
                profile.disable()
        reset_queries()
        if n >= args.warmup:
            cpu.append(c1 - c0)
            wall.append(w1 - w0)
            statements.append(counter.count)
    if profile is not None:
        _print_profile(profile, args.profile)
    return {"tag": tag, "statuses": dict(statuses), "cpu": cpu, "wall": wall, "statements": statements}


def lane_phase(profile_top: int = 0) -> dict:
    """Work through the realtime queue in this process; CPU, wall time and statements summed per task path."""
    from django.db import connection
    from django.utils.module_loading import import_string
    from django_q.models import OrmQ
    from django_q.signing import SignedPackage

    per_task: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    profile = cProfile.Profile(time.process_time) if profile_top else None
    while True:
        rows = list(OrmQ.objects.filter(key="realtime").order_by("id")[:200])
        if not rows:
            break
        for row in rows:
            task = SignedPackage.loads(row.payload)
            OrmQ.objects.filter(pk=row.pk).delete()
            func = import_string(task["func"])
            counter = Statements()
            with connection.execute_wrapper(counter):
                if profile is not None:
                    profile.enable()
                c0, w0 = time.process_time(), time.perf_counter()
                func(*task["args"], **task["kwargs"])
                c1, w1 = time.process_time(), time.perf_counter()
                if profile is not None:
                    profile.disable()
            figures = per_task[task["func"]]
            figures["cpu"].append(c1 - c0)
            figures["wall"].append(w1 - w0)
            figures["statements"].append(counter.count)
    if profile is not None:
        _print_profile(profile, profile_top)
    return per_task


def _print_profile(profile: cProfile.Profile, top: int) -> None:
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats(os.environ.get("BENCH_PROFILE_SORT", "cumulative")).print_stats(top)
    print(out.getvalue())


def _ms(values: list[float], q: float) -> float:
    values = sorted(values)
    return 1000 * values[min(len(values) - 1, int(len(values) * q))]


def report(request: dict, lane: dict, load: str) -> None:
    print(f"load average before the run {load}; {os.cpu_count()} cores")
    cpu, wall, statements = request["cpu"], request["wall"], request["statements"]
    print(
        f"request: {len(cpu)} signed replies, statuses {request['statuses']}; "
        f"CPU mean {1000 * statistics.mean(cpu):.3f} ms, p50 {_ms(cpu, 0.5):.3f} ms; "
        f"wall p50 {_ms(wall, 0.5):.3f} ms, p99 {_ms(wall, 0.99):.3f} ms; "
        f"statements per request {statistics.mean(statements):.2f} (max {max(statements)})"
    )
    total_cpu = total_wall = total_statements = 0.0
    for path, figures in sorted(lane.items(), key=lambda item: STAGE_OF.get(item[0], 99)):
        count = len(figures["cpu"])
        mean_cpu, mean_wall = 1000 * statistics.mean(figures["cpu"]), 1000 * statistics.mean(figures["wall"])
        mean_statements = statistics.mean(figures["statements"])
        stage = STAGE_OF.get(path)
        print(
            f"lane stage {stage or '-'} {path.rsplit('.', 1)[-1]}: {count} tasks, CPU {mean_cpu:.2f} ms, wall "
            f"{mean_wall:.2f} ms (p50 {_ms(figures['wall'], 0.5):.2f}), statements {mean_statements:.1f} per task"
        )
        if stage:
            total_cpu, total_wall, total_statements = (
                total_cpu + mean_cpu, total_wall + mean_wall, total_statements + mean_statements
            )  # fmt: skip
    print(
        f"lane per reply (stages 8-11): CPU {total_cpu:.1f} ms, wall {total_wall:.1f} ms, "
        f"statements {total_statements:.1f}"
    )


def run(args) -> int:
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    _env, _media, team = bench_setup(args, "bench-cost", "Webhook cost benchmark")
    from django_q.models import OrmQ

    OrmQ.objects.filter(key="realtime").delete()  # a run stopped before its lane phase left its tasks
    try:
        leads = seed_leads(team, args.leads)
        request = request_phase(args, leads)
        lane = lane_phase(args.profile_lane)
        report(request, lane, load)
    finally:
        if not args.keep:
            purge_team(team)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Per-request and per-reply lane cost of the signed webhook.")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--replies", type=int, default=300, help="signed replies timed")
    parser.add_argument("--warmup", type=int, default=50, help="replies sent first and not timed")
    parser.add_argument("--leads", type=int, default=200, help="leads texted from our number (half the replies)")
    parser.add_argument("--profile", type=int, default=0, help="print the top N functions of the request phase")
    parser.add_argument("--profile-lane", type=int, default=0, help="print the top N functions of the lane phase")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark's team and rows")
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
