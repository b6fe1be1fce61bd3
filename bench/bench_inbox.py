"""Benchmark the conversation workspace: the list and one thread, for a team with a very full inbox.

    python bench/bench_inbox.py --conversations 100000 --messages 300000 \
        --database-url postgres://postgres@127.0.0.1:5432/usdatabiz_bench

Writes (not timed) one team with ``--conversations`` conversations and ``--messages`` texts joined to them, then
requests, as a signed-in operator through Django's test client (server time, no network):

* the list partial (``/inbox/conversations/list/``) on several pages and buckets: p50/p95 and the number of SQL
  queries of each page (target: p95 < 100 ms, the same number of queries whatever the page);
* one thread (``/inbox/conversations/<id>/`` as htmx asks for it): p50/p95 and queries.

Missing a target is reported, not failed.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.bench_ingest import DEFAULT_DATABASE_URL, configure, ensure_database, purge_team, vacuum  # noqa: E402

TARGET_LIST_P95_MS = 100.0
INTENTS = ["interested", "question", "not_interested", "meeting_request", "email_capture", "other"]
STATUSES = ["open"] * 5 + ["waiting"] * 3 + ["snoozed"] + ["closed"] * 3


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))] if ordered else 0.0


def build(team, user, conversations: int, messages: int, rng: random.Random) -> None:
    """Write the conversations, their texts and the links between them in batches."""
    from django.utils import timezone

    from inbox.models import Conversation, ConversationMessage
    from messaging.models import Message
    from usdatabiz.core.ids import id_batch

    now = timezone.now()
    per = max(1, messages // conversations)
    batch = 5000
    for start in range(0, conversations, batch):
        size = min(batch, conversations - start)
        cnv_ids = id_batch("cnv", size)
        rows, texts, links = [], [], []
        msg_ids = id_batch("msg", size * per)
        for i, pk in enumerate(cnv_ids):
            n = start + i
            number = f"5{n:09d}"[-10:]
            at = now - timedelta(minutes=n)
            status = rng.choice(STATUSES)
            rows.append(
                Conversation(
                    id=pk, team=team, contact_number=number, sender_number="5125550100", status=status,
                    intent=rng.choice(INTENTS), worker=rng.choice(["GIANNA", "CATHY", "SABRINA"]),
                    assignee=user if n % 4 == 0 else None, last_message_at=at, last_inbound_at=at,
                    last_text=f"reply number {n} about the offer", unread=1 if status == "open" else 0,
                    disposition="not_interested" if status == "closed" else "",
                    draft_status="pending" if status == "open" else "",
                    draft_text="Thanks! When suits you for a call?" if status == "open" else "", draft_worker="GIANNA",
                    snoozed_until=now + timedelta(days=1) if status == "snoozed" else None,
                )
            )  # fmt: skip
            for j in range(per):
                inbound = j % 2 == 1
                mid = msg_ids[i * per + j]
                when = at - timedelta(minutes=per - j)
                texts.append(
                    Message(
                        id=mid, team=team, direction="inbound" if inbound else "outbound",
                        kind="inbound" if inbound else ("campaign" if j == 0 else "reply"),
                        status="received" if inbound else "delivered",
                        from_number=number if inbound else "5125550100", to_number="5125550100" if inbound else number,
                        body=f"text {j} of conversation {n}", provider="sandbox",
                    )
                )  # fmt: skip
                links.append(ConversationMessage(conversation_id=pk, message_id=mid, created_at=when))
        Conversation.objects.bulk_create(rows, batch_size=2000)
        Message.objects.bulk_create(texts, batch_size=2000)
        ConversationMessage.objects.bulk_create(links, batch_size=2000)
        print(f"  wrote {start + size:,} conversations", flush=True)


def page_cursor(team, user):
    """``at(bucket, n)``: the query string that opens page ``n`` of a bucket, as the "older" links lead there
    (the list pages by keyset cursor; found here without walking the pages, and not timed)."""
    from urllib.parse import quote

    from inbox import selectors
    from inbox.workspace import PAGE_SIZE
    from usdatabiz.core.pagination import cursor_encode

    def at(bucket: str, page: int) -> str:
        if page <= 1:
            return ""
        rows = selectors.conversation_list(team=team, user=user, bucket=bucket).order_by("-last_message_at", "-id")
        last = rows.values_list("last_message_at", "pk")[(page - 1) * PAGE_SIZE - 1 : (page - 1) * PAGE_SIZE]
        if not last:
            return ""
        return "&cursor=" + quote(cursor_encode("n", *last[0]))

    return at


def timed(client, url: str, repeat: int, **headers) -> tuple[list[float], int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, queries = [], 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            response = client.get(url, **headers)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(ctx)
    return times, queries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--messages", type=int, default=300_000)
    parser.add_argument("--repeat", type=int, default=20, help="requests per page measured")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--keep", action="store_true", help="keep the benchmark team afterwards")
    args = parser.parse_args()
    args.no_copy, args.chunk_rows = True, None
    print(ensure_database(args.database_url))
    configure(args, tempfile.mkdtemp(prefix="bench-inbox-"))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    from usdatabiz.core.models import Membership, Team

    settings.ALLOWED_HOSTS = ["*"]
    # pages are rendered without ``collectstatic``: plain static URLs, no manifest
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("migrate", verbosity=0)
    old = Team.objects.filter(slug="bench-inbox").first()
    if old is not None:
        purge_team(old)
    team = Team.objects.create(slug="bench-inbox", name="Bench inbox")
    user, _ = get_user_model().objects.get_or_create(username="bench-operator")
    Membership.objects.get_or_create(team=team, user=user, defaults={"role": "operator"})
    load = os.getloadavg()
    print(f"Machine load (1/5/15 min) before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; cpus {os.cpu_count()}")
    print(f"Writing {args.conversations:,} conversations with {args.messages:,} texts (not timed) ...")
    started = time.perf_counter()
    build(team, user, args.conversations, args.messages, random.Random(11))
    print(f"  written in {time.perf_counter() - started:.1f} s; VACUUM ANALYZE {vacuum():.1f} s")

    client = Client()
    client.force_login(user)
    pages = max(1, args.conversations // 50)
    results, ok = [], True
    at = page_cursor(team, user)
    cases = [
        ("list: waiting on us, page 1", "/inbox/conversations/list/?bucket=open"),
        ("list: waiting on us, page 20", f"/inbox/conversations/list/?bucket=open{at('open', 20)}"),
        ("list: all, last page", f"/inbox/conversations/list/?bucket=all{at('all', pages)}"),
        ("list: mine, page 5", f"/inbox/conversations/list/?bucket=mine{at('mine', 5)}"),
        ("list: intent filter", "/inbox/conversations/list/?bucket=all&intent=question"),
        ("list: search by number", "/inbox/conversations/list/?bucket=all&q=50001234"),
    ]
    list_queries = set()
    for label, url in cases:
        client.get(url)  # warm
        times, queries = timed(client, url, args.repeat)
        p50, p95 = statistics.median(times), percentile(times, 0.95)
        if label.startswith("list:") and "search" not in label:
            list_queries.add(queries)
            ok &= p95 < TARGET_LIST_P95_MS
        results.append((label, p50, p95, queries))
    from inbox.models import Conversation

    sample = Conversation.objects.filter(team=team).order_by("-last_message_at")[10]
    url = f"/inbox/conversations/{sample.pk}/"
    times, queries = timed(client, url, args.repeat, HTTP_HX_REQUEST="true")
    results.append(("thread (htmx)", statistics.median(times), percentile(times, 0.95), queries))
    times, queries = timed(client, f"/inbox/conversations/?c={sample.pk}", max(5, args.repeat // 2))
    results.append(("whole page with a thread", statistics.median(times), percentile(times, 0.95), queries))

    print(f"\n{'request':34} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for label, p50, p95, queries in results:
        print(f"{label:34} {p50:8.1f} {p95:8.1f} {queries:8d}")
    constant = len(list_queries) == 1
    print(f"\nList p95 < {TARGET_LIST_P95_MS:.0f} ms on every page: {'yes' if ok else 'NO'}")
    print(f"List queries the same on every page and bucket: {'yes' if constant else 'NO'} ({sorted(list_queries)})")
    load = os.getloadavg()
    print(f"Machine load (1/5/15 min) after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    if not args.keep:
        purge_team(team)
    return 0


if __name__ == "__main__":
    sys.exit(main())
