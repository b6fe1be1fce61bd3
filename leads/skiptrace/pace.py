"""Pace a provider's calls per API key across every worker that uses the key, through Django's cache.

The provider counts requests per key, whatever process or host sends them, so the pace is shared the same way.
Time is cut into slots; a call claims the first free slot that starts no earlier than a moment ago with the cache's
atomic ``add``, sleeps until the slot starts and goes. A slot holds one call. A sleep can overrun (a loaded host
wakes a worker late); a call that wakes more than ``LATE_SECONDS`` after its slot's start gives the slot up and
claims another, so every call goes within that margin of its slot's start. The slots are ``(1 + LATE_SECONDS) /
per_second`` seconds wide so that, margin included, no one-second window ``[t, t + 1)`` holds more than
``per_second`` calls however many workers share the key: at most 9.8 calls a second for a rate of 10. A hint (the
last slot claimed) lets a caller skip the slots already taken when many wait. A call after a quiet spell may wait
for the next slot's start, less than one slot.

How far "every worker" reaches is the cache's reach: with ``REDIS_URL`` set the default cache is Redis and the pace
holds across processes and hosts (whose clocks must agree, as NTP keeps them, since a slot is a wall-clock time);
without it the default cache is Django's per-process memory, so the pace holds across the threads of one process
only and each worker process keeps its own.

Cache keys name a hash of the API key, never the key. If the cache cannot be reached the pace falls back to
spacing this process's calls alone (logged): the provider's 429 answers and the client's backoff still apply.
"""

from __future__ import annotations

import hashlib
import logging
import math
import threading
import time
from collections.abc import Callable
from typing import Any

logger = logging.getLogger(__name__)

# How late after its slot's start a call may still go (seconds): above a loaded host's usual oversleep, small
# against a second, which the slots are widened by.
LATE_SECONDS = 0.02
# Slot keys outlive their slot by this much (seconds), long enough for every caller that could still scan past them.
_KEEP_SECONDS = 5


def key_digest(api_key: str) -> str:
    """Return the short SHA-256 digest that names an API key in cache keys (the key itself is never stored)."""
    return hashlib.sha256(api_key.encode()).hexdigest()[:24]


class KeyPace:
    """Hold the calls made with one API key to ``per_second``, shared by every worker that sees the same cache."""

    def __init__(
        self,
        *,
        api_key: str,
        per_second: float,
        cache: Any = None,
        namespace: str = "skiptrace",
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], Any] = time.sleep,
    ) -> None:
        self.per_second = float(per_second or 0)
        # wide enough that per_second slots less one late margin still span a full second (module docstring)
        self.slot_seconds = (1.0 + LATE_SECONDS) / self.per_second if self.per_second > 0 else 0.0
        self.late_seconds = LATE_SECONDS
        self._cache = cache
        self._prefix = f"pace:{namespace}:{key_digest(api_key)}"
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._local_next: float | None = None

    def __repr__(self) -> str:
        return f"KeyPace({self._prefix!r}, per_second={self.per_second})"

    def wait(self) -> float:
        """Claim the next free slot of this key and sleep until it starts; return the seconds slept."""
        if self.slot_seconds <= 0:
            return 0.0
        slept = 0.0
        while True:
            now = self._clock()
            try:
                start = self._claim(now)
            except Exception:  # the cache is down: pace this process alone rather than stop the lookups
                logger.warning("skip-trace pace: cache unavailable, pacing this process only", exc_info=True)
                start = self._claim_locally(now)
            delay = start - now
            if delay <= 1e-6:  # on the slot's start, give or take a float's rounding
                return slept
            self._sleep(delay)
            slept += delay
            if self._clock() <= start + self.late_seconds:
                return slept
            logger.info("skip-trace pace: woke %.3fs after the slot's start, taking another", self._clock() - start)

    # -- internals --------------------------------------------------------------------------------

    @property
    def cache(self):
        if self._cache is None:
            from django.core.cache import cache

            self._cache = cache
        return self._cache

    def _claim(self, now: float) -> float:
        cache = self.cache
        hint_key = f"{self._prefix}:last"
        # the first slot that started at most a late margin ago (1e-9: float quotients such as 1003.0000000000001)
        slot = math.ceil((now - self.late_seconds) / self.slot_seconds - 1e-9)
        last = cache.get(hint_key)
        if isinstance(last, int) and last >= slot:
            slot = last + 1
        while True:
            start = slot * self.slot_seconds
            keep = max(1, math.ceil(start - now) + _KEEP_SECONDS)
            if cache.add(f"{self._prefix}:{slot}", 1, timeout=keep):
                # only a hint: a stale value costs a few extra adds, never a second call in a slot
                cache.set(hint_key, slot, timeout=keep)
                return start
            slot += 1

    def _claim_locally(self, now: float) -> float:
        with self._lock:
            start = now if self._local_next is None else max(now, self._local_next)
            self._local_next = start + self.slot_seconds
            return start
