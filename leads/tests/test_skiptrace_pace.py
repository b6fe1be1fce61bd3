"""Skip-trace calls are paced per API key across workers that share a cache, never beyond the contract's rate.

Time is virtual: every "worker" (a client, or a thread with its own client) reads its own clock, which moves only
when the code under test sleeps; the provider is faked with ``responses`` and records the clock of each call.
"""

import threading

import pytest
import responses
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache

from leads.skiptrace import RealEstateApiClient, get_provider
from leads.skiptrace.pace import KeyPace

BASE = "https://api.test.example"
V1 = f"{BASE}/v1/SkipTrace"
PERSON = {"first_name": "Ana", "last_name": "Ruiz", "zip": "78701"}
RATE = 10
SLOT = KeyPace(api_key="any", per_second=RATE).slot_seconds  # 0.102 s: 10 slots and a late margin fill a second


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def on_slots(count, start):
    """The times of ``count`` calls on consecutive slots from the one at ``start``."""
    return [round(start + i * SLOT, 6) for i in range(count)]


# a wall-clock time on a slot's start, so that the first call goes at once
T0 = round(980 * SLOT, 6)


class WorkerClocks:
    """One virtual clock per thread (per worker), all starting at the same wall-clock time."""

    def __init__(self, start=T0):
        self.start = start
        self.local = threading.local()

    def clock(self):
        return getattr(self.local, "now", self.start)

    def sleep(self, seconds):
        self.local.now = self.clock() + seconds


class SharedClock:
    """One virtual clock for workers taking turns in one thread."""

    def __init__(self, start=T0):
        self.now = start

    def clock(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds


def most_in_one_second(times):
    """The largest number of calls in any window [t, t + 1) that starts at a call."""
    times = sorted(times)
    return max(sum(1 for u in times if t <= u < t + 1.0 - 1e-9) for t in times)


def record_calls(clocks, sent):
    """Fake the provider: answer no match and record (api key, the calling worker's clock) of each request."""
    lock = threading.Lock()

    def answer(request):
        with lock:
            sent.append((request.headers["x-api-key"], clocks.clock()))
        return 200, {}, '{"match": false}'

    responses.add_callback(responses.POST, V1, callback=answer)


def client(api_key, clocks):
    return RealEstateApiClient(
        api_key=api_key, base_url=BASE, per_second=RATE, sleep=clocks.sleep, clock=clocks.clock, rng=lambda: 0.0
    )


@responses.activate
def test_two_workers_taking_turns_with_one_key_share_its_rate():
    # given two workers (each its own client, as in two qcluster processes) with the same key and one cache
    clocks = SharedClock()
    sent = []
    record_calls(clocks, sent)
    first, second = client("team-key", clocks), client("team-key", clocks)

    # when they take turns making 30 lookups
    for i in range(30):
        (first if i % 2 == 0 else second).skip_trace(PERSON)

    # then the 30 calls are one slot apart: never more than 10 in any one second
    times = [t for _, t in sent]
    assert len(times) == 30
    assert most_in_one_second(times) == RATE
    assert [round(t, 6) for t in times] == on_slots(30, T0)


@responses.activate
def test_two_worker_threads_with_one_key_never_exceed_its_rate():
    # given two workers running at once in their own threads, each with its own client and clock, one shared cache
    clocks = WorkerClocks()
    sent = []
    record_calls(clocks, sent)
    start = threading.Barrier(2)
    errors = []

    def work():
        try:
            worker = client("team-key", clocks)
            start.wait()
            for _ in range(20):
                worker.skip_trace(PERSON)
        except Exception as exc:  # surfaced below; a thread's exception would otherwise vanish
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(2)]

    # when both make 20 lookups
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # then the 40 calls took 40 different slots: at most 10 in any one second, whichever worker made them
    assert errors == []
    times = [t for _, t in sent]
    assert len(times) == 40
    assert len({round(t, 6) for t in times}) == 40
    assert most_in_one_second(times) <= RATE


@responses.activate
def test_two_keys_do_not_slow_each_other():
    # given two teams' keys used by workers that share one cache and one clock
    clocks = SharedClock()
    sent = []
    record_calls(clocks, sent)
    first, second = client("team-a-key", clocks), client("team-b-key", clocks)

    # when each key makes 10 lookups, interleaved
    for _ in range(10):
        first.skip_trace(PERSON)
        second.skip_trace(PERSON)

    # then each key got its own 10 consecutive slots: the time one key alone takes, not twice that
    expected = on_slots(10, T0)
    assert [round(t, 6) for key, t in sent if key == "team-a-key"] == expected
    assert [round(t, 6) for key, t in sent if key == "team-b-key"] == expected
    assert clocks.now == pytest.approx(T0 + 9 * SLOT)


class Oversleeping(SharedClock):
    """A loaded host: every other sleep wakes 0.05 s late."""

    def __init__(self):
        super().__init__()
        self.sleeps = 0

    def sleep(self, seconds):
        self.sleeps += 1
        super().sleep(seconds + (0.05 if self.sleeps % 2 else 0.0))


@responses.activate
def test_a_call_that_wakes_late_takes_a_later_slot_so_late_calls_do_not_bunch():
    # given a worker whose sleeps overrun by 0.05 s every other time (more than the 0.02 s late margin)
    clocks = Oversleeping()
    sent = []
    record_calls(clocks, sent)
    worker = client("team-key", clocks)

    # when it makes 30 lookups
    for _ in range(30):
        worker.skip_trace(PERSON)

    # then each went within the late margin of a slot's start, and no one second holds more than 10
    times = [t for _, t in sent]
    assert len(times) == 30
    assert all(((t - T0) / SLOT) % 1 * SLOT <= 0.02 + 1e-9 for t in times)
    assert most_in_one_second(times) <= RATE


@responses.activate
def test_a_429_with_retry_after_still_waits_it_out_on_a_paced_client():
    # given a provider that answers 429 with Retry-After: 3, then a match
    clocks = SharedClock()
    sent = []
    lock = threading.Lock()
    answers = iter([(429, {"Retry-After": "3"}, '{"statusCode": 429}'), (200, {}, '{"match": false}')])

    def answer(request):
        with lock:
            sent.append(clocks.clock())
        return next(answers)

    responses.add_callback(responses.POST, V1, callback=answer)

    # when a paced client looks one person up
    client("team-key", clocks).skip_trace(PERSON)

    # then the retry went at least 3 s after the first call, and less than a slot later than that
    assert len(sent) == 2
    assert 3.0 <= sent[1] - sent[0] < 3.0 + SLOT


class RecordingCache(LocMemCache):
    def __init__(self):
        super().__init__("pace-test", {})
        self.keys_used = set()

    def add(self, key, *args, **kwargs):
        self.keys_used.add(key)
        return super().add(key, *args, **kwargs)

    def set(self, key, *args, **kwargs):
        self.keys_used.add(key)
        return super().set(key, *args, **kwargs)


def test_the_pace_names_a_hash_of_the_key_never_the_key():
    # given a pace on a cache that records the keys it is given
    shared = RecordingCache()
    clocks = SharedClock()
    pace = KeyPace(api_key="secret-api-key-123", per_second=RATE, cache=shared, clock=clocks.clock, sleep=clocks.sleep)

    # when it paces three calls
    delays = [pace.wait() for _ in range(3)]

    # then it waited a slot between calls, and no cache key holds the API key or a part of it
    assert delays == [0.0, pytest.approx(SLOT), pytest.approx(SLOT)]
    assert shared.keys_used
    assert not any("secret" in key or "api-key" in key for key in shared.keys_used)
    assert "secret-api-key-123" not in repr(pace)


class BrokenCache(LocMemCache):
    def __init__(self):
        super().__init__("pace-broken", {})

    def get(self, *args, **kwargs):
        raise ConnectionError("cache down")

    add = get


def test_without_its_cache_the_pace_still_spaces_this_workers_calls():
    # given a pace whose cache cannot be reached
    clocks = SharedClock()
    pace = KeyPace(api_key="k", per_second=RATE, cache=BrokenCache(), clock=clocks.clock, sleep=clocks.sleep)

    # when it paces three calls, then they are still a slot apart (within this worker)
    assert [pace.wait() for _ in range(3)] == [0.0, pytest.approx(SLOT), pytest.approx(SLOT)]


def test_the_provider_paces_at_the_configured_rate(settings):
    settings.SKIPTRACE_PROVIDER = "realestateapi"
    settings.REALESTATEAPI_API_KEY = "abc"
    settings.SKIPTRACE_REQUESTS_PER_SECOND = 4
    assert get_provider().per_second == 4
