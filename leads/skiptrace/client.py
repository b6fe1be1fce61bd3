"""HTTP client for RealEstateAPI skip tracing with retries, backoff and a rate limit per API key (``pace``)."""

from __future__ import annotations

import json
import logging
import random
import re
import time
from collections.abc import Callable
from typing import Any

import requests

from usdatabiz.core.http import backoff_delay, error_detail, parse_retry_after

from .adapter import TraceOutcome, parse_v1, parse_v2_item
from .errors import ApiTimeout, AuthFailed, DailyLimitReached, ProviderError, RateLimited
from .pace import KeyPace

logger = logging.getLogger(__name__)

PERSON_FIELDS = ("first_name", "last_name", "address", "city", "state", "zip", "phone", "email")
BATCH_MAX_ITEMS = 100
BATCH_MAX_BYTES = 256 * 1024


def _person_body(person: dict) -> dict:
    if not isinstance(person, dict):
        raise ValueError("person must be a dict")
    body = {}
    for key in PERSON_FIELDS:
        value = person.get(key)
        if value is None:
            continue
        value = str(value).strip()
        if value:
            body[key] = value
    return body


def _error_detail(resp: requests.Response) -> str:
    return error_detail(resp, ("statusMessage", "error", "message"), limit=200)


_DAILY_WORDS = re.compile(r"\b(daily|per day|a day|day limit|today|24 ?h(ours?)?)\b", re.IGNORECASE)


def _is_daily_limit(detail: str) -> bool:
    """Whether a 429's message speaks of the daily match allowance rather than the per-second rate.

    The provider documents no body for this case, so the check is on the words it uses for limits; a wrong
    guess costs time, never a lead or a credit: a job paused by mistake goes on at 00:00 UTC or when resumed.
    """
    return bool(_DAILY_WORDS.search(detail or ""))


def _json_dict(resp: requests.Response) -> dict:
    try:
        body = resp.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


class RealEstateApiClient:
    label = "realestateapi"
    backoff_base = 0.5
    backoff_factor = 2.0
    backoff_cap = 30.0

    def __init__(
        self,
        api_key: str,
        base_url: str = "https://api.realestateapi.com",
        timeout: float = 10.0,
        max_retries: int = 4,
        per_second: float = 10.0,
        sleep: Callable[[float], Any] = time.sleep,
        clock: Callable[[], float] = time.time,
        rng: Callable[[], float] = random.random,
        session: requests.Session | None = None,
        max_retry_after: float = 120.0,
        pace_cache: Any = None,
    ) -> None:
        """``per_second`` is the key's pace, shared through ``pace_cache`` (Django's default cache when None) by
        every client with the same key; ``clock`` is wall-clock time, as the pace's slots are (``pace``)."""
        if not api_key:
            raise AuthFailed("RealEstateAPI key is not configured")
        self.api_key = api_key
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.max_retries = max(0, int(max_retries))
        self.per_second = per_second
        self.max_retry_after = max_retry_after
        self._sleep = sleep
        self._rng = rng
        self.session = session or requests.Session()
        self._pace = KeyPace(api_key=api_key, per_second=per_second, cache=pace_cache, clock=clock, sleep=sleep)

    def __repr__(self) -> str:  # never show the key
        return f"RealEstateApiClient(base_url={self.base_url!r})"

    # -- public API -------------------------------------------------------------------------------

    def skip_trace(self, person: dict) -> TraceOutcome:
        """Look one person up. No match (HTTP 404 or ``match: false``) is an outcome, not an error."""
        resp = self._post("/v1/SkipTrace", _person_body(person))
        if resp.status_code == 404:
            return TraceOutcome.no_match(_json_dict(resp))
        if resp.status_code != 200:
            raise ProviderError(f"HTTP {resp.status_code}: {_error_detail(resp)}", status=resp.status_code)
        try:
            payload = resp.json()
        except ValueError as exc:
            raise ProviderError("unreadable JSON reply", status=resp.status_code) from exc
        if not isinstance(payload, dict):
            raise ProviderError("unexpected reply shape", status=resp.status_code)
        return parse_v1(payload)

    def skip_trace_batch(self, people: list[dict]) -> list[TraceOutcome]:
        """Look up 1-100 people in one call; results are positional with ``people``."""
        if not isinstance(people, list) or not 1 <= len(people) <= BATCH_MAX_ITEMS:
            raise ValueError(f"a batch needs 1-{BATCH_MAX_ITEMS} people")
        body = {"skips": [_person_body(p) for p in people]}
        if len(json.dumps(body).encode()) > BATCH_MAX_BYTES:
            raise ValueError("batch body exceeds 256 KB")
        resp = self._post("/v2/SkipTraceBatchAwait", body)
        if resp.status_code == 404:
            raw = _json_dict(resp)
            return [TraceOutcome.no_match(raw) for _ in people]
        if resp.status_code != 200:
            raise ProviderError(f"HTTP {resp.status_code}: {_error_detail(resp)}", status=resp.status_code)
        try:
            payload = resp.json()
        except ValueError as exc:
            raise ProviderError("unreadable JSON reply", status=resp.status_code) from exc
        items = payload.get("data") if isinstance(payload, dict) else None
        if not isinstance(items, list) or len(items) != len(people):
            raise ProviderError("batch reply does not line up with the request", status=resp.status_code)
        return [parse_v2_item(item) for item in items]

    # -- transport --------------------------------------------------------------------------------

    def _backoff(self, attempt: int) -> float:
        return backoff_delay(
            attempt, base=self.backoff_base, factor=self.backoff_factor, cap=self.backoff_cap, rng=self._rng
        )

    def _post(self, path: str, body: dict) -> requests.Response:
        url = self.base_url + path
        headers = {"x-api-key": self.api_key, "Accept": "application/json"}
        attempt = 0
        while True:
            self._pace.wait()
            try:
                resp = self.session.post(url, json=body, headers=headers, timeout=self.timeout)
            except requests.exceptions.Timeout as exc:
                if attempt >= self.max_retries:
                    raise ApiTimeout(f"{path} timed out after {attempt + 1} attempts") from exc
                delay = self._backoff(attempt)
                logger.warning("skiptrace %s timed out; retry %d in %.2fs", path, attempt + 1, delay)
            except requests.exceptions.RequestException as exc:
                if attempt >= self.max_retries:
                    raise ProviderError(f"{path} failed: {type(exc).__name__}") from exc
                delay = self._backoff(attempt)
                logger.warning(
                    "skiptrace %s failed (%s); retry %d in %.2fs", path, type(exc).__name__, attempt + 1, delay
                )
            else:
                status = resp.status_code
                if status in (401, 403):
                    raise AuthFailed(f"HTTP {status}: {_error_detail(resp)}", status=status)
                if status == 429:
                    detail = _error_detail(resp)
                    if _is_daily_limit(detail):
                        raise DailyLimitReached(f"{path}: daily limit reached: {detail}")
                    retry_after = parse_retry_after(resp.headers.get("Retry-After"))
                    if attempt >= self.max_retries or (retry_after or 0) > self.max_retry_after:
                        raise RateLimited(f"{path} rate limited: {detail}", retry_after=retry_after)
                    delay = retry_after if retry_after is not None else self._backoff(attempt)
                    logger.info("skiptrace %s rate limited; retry %d in %.2fs", path, attempt + 1, delay)
                elif status >= 500:
                    if attempt >= self.max_retries:
                        raise ProviderError(f"HTTP {status}: {_error_detail(resp)}", status=status)
                    delay = self._backoff(attempt)
                    logger.warning("skiptrace %s HTTP %d; retry %d in %.2fs", path, status, attempt + 1, delay)
                else:
                    return resp
            if delay > 0:
                self._sleep(delay)
            attempt += 1
