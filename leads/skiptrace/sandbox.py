"""Deterministic offline stand-in for the RealEstateAPI skip-trace client (demos and tests)."""

from __future__ import annotations

import hashlib
import re

from .adapter import TraceOutcome, normalize_phone, parse_v1
from .client import BATCH_MAX_ITEMS
from .errors import ApiTimeout, DailyLimitReached, RateLimited

FAILURES = ("rate_limit", "timeout", "partial", "daily_limit")
_NAME_CHARS = re.compile(r"[^a-z]")


def _norm(value: object) -> str:
    return " ".join(str(value or "").lower().split())


class SandboxSkipTrace:
    """Same interface as ``RealEstateApiClient``; outcomes depend only on first name, last name and zip.

    Buckets per person: 70% matched with a mobile (a third of those add a landline), 10% landline only,
    5% VoIP, 15% no match. Numbers are fictional 555-01XX numbers.
    """

    label = "sandbox"

    def __init__(self, fail_every: int = 0, failure: str = "rate_limit") -> None:
        if fail_every < 0:
            raise ValueError("fail_every must be >= 0")
        if failure not in FAILURES:
            raise ValueError(f"failure must be one of {FAILURES}")
        self.fail_every = fail_every
        self.failure = failure
        self.calls = 0

    def skip_trace(self, person: dict) -> TraceOutcome:
        inject = self._tick()
        if inject in ("rate_limit", "timeout", "daily_limit"):
            self._raise(inject)
        outcome = self._lookup(person)
        return self._make_partial(outcome) if inject == "partial" else outcome

    def skip_trace_batch(self, people: list[dict]) -> list[TraceOutcome]:
        if not isinstance(people, list) or not 1 <= len(people) <= BATCH_MAX_ITEMS:
            raise ValueError(f"a batch needs 1-{BATCH_MAX_ITEMS} people")
        inject = self._tick()
        if inject in ("rate_limit", "timeout", "daily_limit"):
            self._raise(inject)
        outcomes = [self._lookup(p) for p in people]
        if inject == "partial":
            outcomes = [self._make_partial(o) for o in outcomes]
        return outcomes

    # -- internals --------------------------------------------------------------------------------

    def _tick(self) -> str | None:
        self.calls += 1
        if self.fail_every and self.calls % self.fail_every == 0:
            return self.failure
        return None

    @staticmethod
    def _raise(failure: str) -> None:
        if failure == "rate_limit":
            raise RateLimited("sandbox: injected rate limit", retry_after=1.0)
        if failure == "daily_limit":
            raise DailyLimitReached("sandbox: injected daily limit")
        raise ApiTimeout("sandbox: injected timeout")

    @staticmethod
    def _make_partial(outcome: TraceOutcome) -> TraceOutcome:
        if not outcome.matched:
            return outcome
        return TraceOutcome(
            matched=True,
            phones=list(outcome.phones),
            emails=[],
            partial=True,
            missing=["emails"],
            raw={**outcome.raw, "sandbox_injected": "partial"},
            cost=outcome.cost,
        )

    def _lookup(self, person: dict) -> TraceOutcome:
        person = person if isinstance(person, dict) else {}
        first, last = _norm(person.get("first_name")), _norm(person.get("last_name"))
        zip5 = _norm(person.get("zip"))[:5]
        digest = hashlib.sha256(f"{first}|{last}|{zip5}".encode()).digest()
        bucket = int.from_bytes(digest[:4], "big") % 100
        given = normalize_phone(person.get("phone"))
        area = given[:3] if given else "512"

        def number(i: int) -> str:
            return f"{area}55501{(digest[4] + 37 * i) % 100:02d}"

        phones: list[dict] = []
        if bucket < 70:
            phones.append(self._phone(number(0), "mobile", digest[8]))
            if digest[9] % 3 == 0:
                phones.append(self._phone(number(1), "landline", digest[10]))
        elif bucket < 80:
            phones.append(self._phone(number(0), "landline", digest[8]))
        elif bucket < 85:
            # v1 replies never say "voip"; use the v2 code, which the adapter maps to voip
            phones.append(self._phone(number(0), "V", digest[8]))
        else:
            return parse_v1({"match": False, "sandbox": True, "input": person})

        emails = []
        if digest[11] % 10 < 8:
            local = ".".join(p for p in (_NAME_CHARS.sub("", first), _NAME_CHARS.sub("", last)) if p) or "contact"
            emails.append({"email": f"{local}{digest[12] % 100}@example.com", "emailType": "personal"})
        payload = {
            "match": True,
            "sandbox": True,
            "credits": 0,
            "input": person,
            "output": {"identity": {"phones": phones, "emails": emails}},
        }
        return parse_v1(payload)

    @staticmethod
    def _phone(num: str, phone_type: str, seed: int) -> dict:
        return {"phone": num, "phoneType": phone_type, "isConnected": True, "doNotCall": seed % 10 == 0}
