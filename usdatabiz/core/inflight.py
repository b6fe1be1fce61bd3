"""Texts with the provider, and the consent writes that wait for them (a STOP that comes while a text is in flight).

A sender checks a number's consent when it claims a text, then hands the text to the provider and waits for the
answer. A STOP (or a possible opt-out held for review) committed in between would be recorded before a text that
leaves after it. So each sender holds a lock on (team, number) from just before its claim until the provider
answered, and a consent writer waits for those locks before it writes:

* a sender takes the lock **shared** (``InFlight.take``, or ``sending`` for one text): texts to different people
  never wait on each other, and two texts to the same person (a reply while a campaign text is out) do not either;
* a consent writer takes it **exclusive** for the rest of its transaction (``senders_wait``): it waits for the
  texts in flight to that number to be answered, then holds new ones off until its entry is committed. A sender
  that asks for the lock meanwhile queues behind the writer and runs its claim's check after the commit, so it
  sees the entry and is refused (``OPTED_OUT``, ``OPT_OUT_REVIEW``, ``DO_NOT_CONTACT``, ``DNC_BLOCKED``).

The consent writers are the suppression list and the opt-out holds (messaging), and the team-wide number marks: a
person's do-not-contact flag and a phone's do-not-call flag (identity: the admin, merges; leads: skip trace), which
refuse every text of the team to the number. That is why this module sits in core, below every app that writes
one. A write that marks many numbers at once (``senders_wait_all``) takes all their locks in one statement.

The writer's wait is bounded by ``SMS_STOP_WAIT_SECONDS``: a provider call that hangs holds a STOP (and the webhook
that carries it) up to that long, never longer; then the entry is written anyway and the hung text is whatever the
provider makes of it. The senders' locks are PostgreSQL session-level advisory locks, independent of transactions
(a claim and its answer are separate transactions), on the thread's one connection, released in ``finally`` once
the provider answered or raised; a connection that closes releases them too. The key is a stable 64-bit hash of
team and number: two numbers sharing a key only wait for each other now and then, which costs nothing but time.

On SQLite (the embedded default) everything here does nothing: one writer at a time, the database file's lock,
already orders a claim and a consent write, and a first run has one worker.
"""

import hashlib
import logging
import time
from contextlib import contextmanager

from django.conf import settings
from django.db import DatabaseError, OperationalError, connection, transaction

log = logging.getLogger(__name__)

# PostgreSQL's codes for "lock_timeout reached" and "deadlock detected": the writer stops waiting either way
_GAVE_UP = {"55P03", "40P01"}


def lock_key(team_id: str, number: str) -> int:
    """The advisory lock's key for texts from a team to a number: a signed 64-bit hash, the same in every process."""
    digest = hashlib.blake2b(f"sms-in-flight:{team_id}:{number}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _postgresql() -> bool:
    return connection.vendor == "postgresql"


class InFlight:
    """The one (team, number) whose text this connection has with the provider: taken shared just before a text's
    claim, held until the provider answered. Taking the next releases the one before in the same statement (a
    campaign batch pays one statement per text); leaving the ``with`` block releases the last, also on errors."""

    def __init__(self):
        self.key: int | None = None

    def take(self, *, team_id: str, number: str) -> None:
        """Hold off consent writes to this number until the text claimed next has its answer (waits while one is
        being written: the claim then sees it)."""
        if not _postgresql():
            return
        key, before, self.key = lock_key(team_id, number), self.key, None
        with connection.cursor() as cursor:
            if before is None:
                cursor.execute("SELECT pg_advisory_lock_shared(%s)", [key])
            else:
                # left to right: the text before is released first, so a writer waiting for it goes ahead of this one
                cursor.execute("SELECT pg_advisory_unlock_shared(%s), pg_advisory_lock_shared(%s)", [before, key])
        self.key = key

    def release(self) -> None:
        """Let consent writes to the last number go ahead (its text was answered, or will never leave)."""
        if self.key is None:
            return
        key, self.key = self.key, None
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock_shared(%s)", [key])
        except (DatabaseError, transaction.TransactionManagementError):
            # the caller's transaction is broken: the lock stays until this connection closes, and a consent
            # write to the number meanwhile waits SMS_STOP_WAIT_SECONDS at most
            log.warning("could not release the in-flight lock %s; it goes with the connection", key, exc_info=True)

    def __enter__(self) -> "InFlight":
        return self

    def __exit__(self, *exc_info) -> None:
        self.release()


@contextmanager
def sending(*, team_id: str, number: str):
    """Hold off consent writes to ``number`` while one text to it is checked, claimed and with the provider."""
    with InFlight() as flight:
        flight.take(team_id=team_id, number=number)
        yield flight


def senders_wait(*, team_id: str, number: str) -> bool:
    """Wait until the team's texts to ``number`` that are with the provider were answered (``SMS_STOP_WAIT_SECONDS``
    at most), then hold new ones off until the caller's transaction ends. Call it inside the transaction that writes
    the consent entry, just before the write. Return False when it stopped waiting (a sender hangs): the entry is
    written all the same, and a text claimed before the commit may still leave.

    A text this connection itself has in flight to the number (the provider refused it as opted out) is no wait:
    PostgreSQL never makes a session wait for its own lock."""
    return senders_wait_all(team_id=team_id, numbers=[number])


# PostgreSQL keeps every session's locks in one shared table (max_locks_per_transaction x max_connections: 6,400 by
# default): a write that marks more numbers than this takes only the locks of those with a text in flight
HOLD_AT_MOST = 2000


def senders_wait_all(*, team_id: str, numbers) -> bool:
    """``senders_wait`` for every number of a write that marks many at once (a skip trace's do-not-call answers, a
    merge that carries do-not-contact onto a person's numbers): the numbers with nothing in flight are taken in one
    statement, however many; only those a sender has this moment are waited for, one after another, all within one
    ``SMS_STOP_WAIT_SECONDS``. Numbers not given are never waited for.

    Past ``HOLD_AT_MOST`` numbers the free ones are only looked at, not held (the lock table is shared): a text to
    one of them claimed before the caller commits may still leave; the claims after the commit see the marks."""
    if not _postgresql():
        return True
    if not connection.in_atomic_block:
        raise transaction.TransactionManagementError("senders_wait holds its lock until a transaction ends: open one")
    keys = sorted({lock_key(team_id, number) for number in numbers if number})
    if not keys:
        return True
    if len(keys) <= HOLD_AT_MOST:
        busy_sql = "NOT pg_try_advisory_xact_lock(k)"
    else:  # a free key is taken and given back at once; a busy one is waited for below, and held
        busy_sql = "CASE WHEN pg_try_advisory_lock(k) THEN NOT pg_advisory_unlock(k) ELSE true END"
        log.warning("team %s marks %s numbers at once: only those with a text in flight are held", team_id, len(keys))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT coalesce(array_agg(k), '{{}}') FROM unnest(%s::bigint[]) AS k WHERE {busy_sql}", [keys])
        busy = cursor.fetchone()[0]
        if not busy:
            return True  # nothing in flight: one statement
        deadline = time.monotonic() + settings.SMS_STOP_WAIT_SECONDS
        for key in busy:
            milliseconds = int((deadline - time.monotonic()) * 1000)
            if milliseconds <= 0 or not _wait(cursor, key, milliseconds):
                log.warning(
                    "a text from team %s to one of %s numbers was still with the provider after %s s; consent is "
                    "written anyway", team_id, len(keys), settings.SMS_STOP_WAIT_SECONDS,
                )  # fmt: skip
                return False
    return True


def _wait(cursor, key: int, milliseconds: int) -> bool:
    """Take ``key`` for the rest of the transaction, waiting ``milliseconds`` at most; False when it gave up."""
    try:
        with transaction.atomic():  # a timeout rolls back to here (and undoes the SET LOCAL) only
            cursor.execute(
                "SELECT current_setting('lock_timeout'), set_config('lock_timeout', %s, true)", [f"{milliseconds}ms"]
            )
            before = cursor.fetchone()[0]
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
            cursor.execute("SELECT set_config('lock_timeout', %s, true)", [before])
    except OperationalError as exc:
        if getattr(exc.__cause__, "sqlstate", None) not in _GAVE_UP:
            raise
        return False
    return True
