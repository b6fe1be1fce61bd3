"""Small pieces every provider client needs: reading Retry-After, backing off, and saying what an error was."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import requests


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header given in seconds; None when absent, negative or unreadable."""
    if value is None:
        return None
    try:
        seconds = float(value.strip())
    except ValueError:
        return None
    return seconds if seconds >= 0 else None


def backoff_delay(attempt: int, *, base: float, factor: float, cap: float, rng: Callable[[], float]) -> float:
    """Exponential backoff for retry ``attempt`` (0-based), capped, plus up to 50% jitter from ``rng``."""
    delay = min(cap, base * factor**attempt)
    return delay + delay * 0.5 * rng()


def error_detail(resp: requests.Response, keys: Iterable[str], limit: int = 200) -> str:
    """The provider's own words for an error reply: the named keys of a JSON body, or the start of the text."""
    try:
        body = resp.json()
    except ValueError:
        return (resp.text or "")[:200]
    if isinstance(body, dict):
        return "; ".join(str(body[k]) for k in keys if body.get(k))[:limit]
    return str(body)[:200] if body else ""
