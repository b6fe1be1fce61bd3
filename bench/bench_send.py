"""Benchmark stage 7 alone: a block of 2,000 texts sent through the SMS sandbox, with what each text costs.

    python bench/bench_send.py --database-url postgres://postgres@127.0.0.1:5432/usdatabiz_bench [--runs 2]
        [--rate 0] [--profile] [--code DIR]

Each run writes a fresh team with enough textable leads for one block (not timed), stages and approves a
campaign, then times its slices, one after another in this process, as ``bench_outreach`` does. It prints
texts per second (handed to the provider, and accepted by it), SQL statements and commits per text (counted
by the connection's execute wrapper and by PostgreSQL's own ``pg_stat_database``), the CPU of this process and
of its PostgreSQL backend per text, and the machine's load before and after.

``--rate N`` sets the team's pace (``sends_per_minute`` = 60 N) to show the send keeping to it; 0 leaves the
pace unlimited so that only the code is measured. ``--profile`` prints the functions the send spends its CPU
in. ``--code DIR`` runs another checkout's code (an A/B against the same database and machine state).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def backend_cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) of a local PostgreSQL backend process."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def commits(database: str) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_force_next_flush()")
        cursor.execute("SELECT xact_commit FROM pg_stat_database WHERE datname = %s", [database])
        return cursor.fetchone()[0]


def one_run(args, rng_seed: int) -> dict:
    import random

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection

    from bench.bench_ingest import purge_team
    from bench.bench_outreach import make_leads
    from campaigns import services as campaigns
    from campaigns.models import Campaign
    from messaging import services as messaging
    from messaging.models import Message, MessagingSettings
    from messaging.sms import SandboxSms
    from usdatabiz.core.models import Membership
    from usdatabiz.core.services import membership_set, team_create

    team = team_create(slug=f"bench-send-{time.time_ns()}", name="Bench send")
    user = get_user_model().objects.create(username=f"bench-{team.slug}")
    membership_set(team=team, user=user, role=Membership.Role.ADMIN)
    messaging.sender_number_first_free(team=team, candidates=[f"5125550{t}" for t in range(100, 1000)])
    per_minute = args.rate * 60 if args.rate else 1_000_000
    MessagingSettings.objects.create(team=team, quiet_start_hour=0, quiet_end_hour=24, sends_per_minute=per_minute)
    make_leads(team, args.leads, 0.4, random.Random(rng_seed))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    template = campaigns.template_create(
        team=team, name="Opener", body="Hi {first_name}, a question about {company}? Reply STOP to opt out."
    )
    campaign = campaigns.campaign_stage(campaign=campaigns.campaign_create(team=team, name="Bench", template=template))
    campaigns.campaign_transition(campaign=campaign, to=Campaign.Status.APPROVED, actor=user, approved_by=user)
    campaigns.campaign_transition(campaign=campaign, to=Campaign.Status.SENDING, actor="SYSTEM")
    settings.Q_CLUSTER["sync"] = False  # slices are driven here, one after another

    statements = 0

    def count(execute, sql, params, many, context):
        nonlocal statements
        statements += 1
        return execute(sql, params, many, context)

    provider = SandboxSms()  # the first slice's; the slices it queues run inline with the team's own sandbox client
    database = connection.settings_dict["NAME"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    commits_before, pg_before = commits(database), backend_cpu_seconds(backend)
    load_before = os.getloadavg()[0]
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile(time.process_time)  # CPU, not waiting
        profiler.enable()
    cpu, started = time.process_time(), time.perf_counter()
    with connection.execute_wrapper(count):
        while True:
            counts = messaging.campaign_send_slice(campaign_id=campaign.pk, provider=provider)
            if not any(counts.values()):
                if not messaging._waiting(campaign).exists():
                    break
                time.sleep(0.5)  # paced: the team's minute is used up, the next slice is due later
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    if profiler is not None:
        import pstats

        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        if cursor.fetchone()[0] != backend:
            raise SystemExit("the connection changed during the run: its PostgreSQL CPU cannot be read")
    pg_cpu = backend_cpu_seconds(backend) - pg_before
    load_after = os.getloadavg()[0]
    committed = commits(database) - commits_before - 2  # the two statistics reads of commits() itself
    texts = Message.objects.filter(campaign=campaign).count()
    handed = Message.objects.filter(campaign=campaign, sending_at__isnull=False).count()  # reached the provider
    sent = Message.objects.filter(campaign=campaign, status="sent").count()
    result = {
        "texts": texts,
        "handed": handed,
        "sent": sent,
        "wall": wall,
        "per_second": texts / wall,
        "statements": statements / texts,
        "commits": committed / texts,
        "cpu_ms": cpu * 1000 / texts,
        "pg_cpu_ms": pg_cpu * 1000 / texts,
        "load": (load_before, load_after),
    }
    purge_team(team)
    user.delete()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/usdatabiz_bench")
    parser.add_argument("--leads", type=int, default=6000, help="leads per run (40%% get a mobile)")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--rate", type=float, default=0.0, help="the team's texts per second (0: unlimited)")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--code", default=str(REPO_ROOT), help="checkout whose code is measured")
    args = parser.parse_args()
    code = str(Path(args.code).resolve())
    sys.path[:0] = [code, str(REPO_ROOT)] if code != str(REPO_ROOT) else [code]

    from bench.bench_ingest import configure, ensure_database

    args.no_copy, args.chunk_rows = False, 0
    # one connection throughout (django-q's ORM broker closes a connection past its age when a task is queued), so
    # that its PostgreSQL backend's CPU can be read
    os.environ.setdefault("DB_CONN_MAX_AGE", "600")
    configure(args, tempfile.mkdtemp(prefix="bench-send-"))
    where = ensure_database(args.database_url)
    import django

    django.setup()
    from django.core.management import call_command

    import messaging.services

    call_command("migrate", verbosity=0)
    print(f"database: {where}; code: {Path(messaging.services.__file__).parent.parent}")
    for run in range(args.runs):
        r = one_run(args, 7 + run)
        print(
            f"run {run + 1}: {r['texts']:,} texts ({r['handed']:,} handed to the sandbox, {r['sent']:,} accepted) in "
            f"{r['wall']:.1f} s = {r['per_second']:.0f} texts/s; per text {r['statements']:.2f} statements, "
            f"{r['commits']:.2f} commits, CPU {r['cpu_ms']:.2f} ms here + {r['pg_cpu_ms']:.2f} ms PostgreSQL; "
            f"load {r['load'][0]:.2f} -> {r['load'][1]:.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
