"""Exactly-once intake under real concurrency: gunicorn (2 worker processes, 4 threads each) on the PostgreSQL test
database, with many requests posted at the same moment. Unique constraints decide, not a read-then-write:

- provider retries of one delivery (same ``X-SignalHouse-Delivery-Id``, each signed afresh with a new timestamp)
  of messages that carry no provider message id are stored once each;
- one captured signed request re-sent under fresh delivery ids (the header is not signed) is stored once;
- one provider message id under different deliveries and signed bodies is stored once.

The webhook answers once the event is stored (and a STOP applied); a realtime cluster of 2 workers, started here
as its own processes, makes the messages and inbox items after the answer, so the counts are read once it has
worked through every stored event.
"""

import json
import os
import random
import socket
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from django.conf import settings

from inbox.models import InboxItem, WebhookEvent
from messaging.models import Message
from messaging.signalhouse import sign
from messaging.tests.factories import sender_number_for
from usdatabiz.core.tests.factories import TeamFactory
from usdatabiz.core.tests.qcluster import QCluster

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="gunicorn's worker processes need a database server they share; the SQLite test database lives in "
    "this process's memory (run with DATABASE_URL=postgres://...)",
)

SECRET = "whsec_concurrency_0123456789"
OURS = "5125550101"
PORTS = range(8210, 8299)
ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 8210-8298")


def _database_url() -> str:
    from django.db import connection

    db = connection.settings_dict
    auth = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture(scope="module")
def server(django_db_setup, django_db_blocker):
    """gunicorn serving the console on the test database (each test commits its own rows: ``transactional_db``);
    stopped afterwards, only the process started here."""
    port = _free_port()
    with django_db_blocker.unblock():
        database_url = _database_url()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "usdatabiz.settings",
        "SIGNALHOUSE_WEBHOOK_SECRET": SECRET,
        "SMS_PROVIDER": "sandbox",
        "REDIS_URL": "",
        "Q_SYNC": "false",
        "DEBUG": "false",
        "SECRET_KEY": settings.SECRET_KEY,  # the realtime cluster reads the tasks it signs
        "LOG_LEVEL": "ERROR",
    }
    process = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "usdatabiz.wsgi:application", "--workers", "2", "--threads", "4",
         "--bind", f"127.0.0.1:{port}", "--timeout", "60", "--graceful-timeout", "2", "--log-level", "error"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/webhooks/signalhouse/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(url, timeout=10).status_code == 405:  # up: the webhook takes POST only
                    break
            except requests.RequestException:
                pass  # not listening yet, or still loading the application
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not start: {process.stderr.read().decode()[-2000:]}")
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def team_number(transactional_db):
    team = TeamFactory(slug="acme", name="Acme Sales")
    sender_number_for(team, OURS)
    realtime = QCluster("realtime", workers=2, SIGNALHOUSE_WEBHOOK_SECRET=SECRET, SMS_PROVIDER="sandbox").start()
    yield team
    realtime.kill()


def _processed(timeout: float = 90.0) -> None:
    """Wait until the realtime cluster acted on every stored event."""
    deadline = time.monotonic() + timeout
    while WebhookEvent.objects.filter(status="received").exists():
        assert time.monotonic() < deadline, "the realtime lane did not act on every stored event"
        time.sleep(0.2)


def _envelope(sender: str, text: str, identifier: str | None = None, event_ms: int = 1796144400000) -> bytes:
    envelope = {
        "timestamp": event_ms,
        "event": "MESSAGE_RECEIVED",
        "metaData": {"Message": {"direction": "INBOUND", "senderPhoneNumber": "1" + sender,
                                 "recipientPhoneNumber": "1" + OURS, "messageBody": text}},
    }  # fmt: skip
    if identifier:
        envelope["identifier"] = identifier
    return json.dumps(envelope).encode()


def _headers(body: bytes, delivery_id: str, stamp: int) -> dict:
    return {
        "Content-Type": "application/json",
        "X-SignalHouse-Timestamp": str(stamp),
        "X-SignalHouse-Signature": sign(SECRET, stamp, body),
        "X-SignalHouse-Delivery-Id": delivery_id,
    }


def _post_all(url: str, requests_to_send: list[tuple[dict, bytes]], threads: int = 24) -> list[int]:
    def post(item):
        headers, body = item
        return requests.post(url, data=body, headers=headers, timeout=60).status_code

    with ThreadPoolExecutor(max_workers=threads) as pool:
        return list(pool.map(post, requests_to_send))


def test_provider_retries_of_deliveries_without_a_message_id_are_stored_once_each(server, team_number):
    deliveries, attempts = 80, 3
    now = int(time.time() * 1000)
    batch = []
    for n in range(deliveries):
        body = _envelope(f"21255{n:05d}", f"reply number {n}")  # no provider message id
        for attempt in range(attempts):  # each retry signed afresh with a new timestamp, the same delivery id
            batch.append((_headers(body, f"delivery-{n}", now + 7 * attempt + n), body))
    random.Random(9).shuffle(batch)

    statuses = _post_all(server, batch)

    assert statuses == [200] * len(batch)
    _processed()
    assert Message.objects.filter(direction="inbound").count() == deliveries
    assert InboxItem.objects.filter(team=team_number).count() == deliveries
    stored = WebhookEvent.objects.exclude(status="failed")
    assert stored.count() == deliveries
    assert sorted(set(stored.values_list("attempts", flat=True))) == [attempts]


def test_a_captured_request_sent_again_under_fresh_delivery_ids_is_stored_once(server, team_number):
    body = _envelope("2125550150", "captured once")
    headers = _headers(body, "original", int(time.time() * 1000))
    batch = [({**headers, "X-SignalHouse-Delivery-Id": f"forged-{i}"}, body) for i in range(10)]

    statuses = _post_all(server, [(headers, body), *batch], threads=11)

    assert statuses == [200] * 11
    _processed()
    assert Message.objects.filter(direction="inbound").count() == 1
    assert WebhookEvent.objects.count() == 1
    assert WebhookEvent.objects.get().attempts == 11


def test_one_provider_message_id_under_different_deliveries_and_bodies_is_stored_once(server, team_number):
    now = int(time.time() * 1000)
    batch = []
    for i in range(12):
        body = _envelope("2125550151", "the same message", identifier="sh-msg-1", event_ms=1796144400000 + i)
        batch.append((_headers(body, f"delivery-{i}", now + i), body))

    statuses = _post_all(server, batch, threads=12)

    assert statuses == [200] * 12
    _processed()
    assert Message.objects.filter(direction="inbound", external_id="sh-msg-1").count() == 1
    assert InboxItem.objects.count() == 1
    assert WebhookEvent.objects.filter(status="processed").count() == 1
    assert WebhookEvent.objects.filter(status="duplicate").count() == 11
