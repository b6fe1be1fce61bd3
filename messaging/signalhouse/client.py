"""HTTP client for SignalHouse SMS: sends with idempotency keys, retries with backoff, delivery reports."""

from __future__ import annotations

import logging
import random
import re
import time
from collections.abc import Callable
from typing import Any

import requests

from usdatabiz.core.http import backoff_delay, error_detail, parse_retry_after

from .adapter import DeliveryStatus, SendOutcome, normalize_us_number, parse_delivery_doc, parse_send_reply
from .errors import (
    AuthFailed,
    ConfigError,
    IdempotencyConflict,
    InvalidNumber,
    OutcomeUnknown,
    ProviderError,
    RateLimited,
)

logger = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://v2.signalhouse.io"
STAGING_BASE_URL = "https://v2staging.signalhouse.io"
SEND_PATH = "/message/sms"
REPORT_PATH = "/message/delivery-report"
REPORT_MAX_IDS = 100

# Transport errors raised before anything left this machine; everything else may have reached the provider.
_NEVER_SENT = (requests.exceptions.ConnectTimeout,)
_CONFIG_ERRORS = (
    requests.exceptions.InvalidURL,
    requests.exceptions.MissingSchema,
    requests.exceptions.InvalidSchema,
    requests.exceptions.InvalidHeader,
    requests.exceptions.URLRequired,
)
_NUMBER_WORDS = re.compile(r"phone|number", re.IGNORECASE)
_SENDER_WORDS = re.compile(r"sender", re.IGNORECASE)
_RECIPIENT_WORDS = re.compile(r"recipient", re.IGNORECASE)


def _error_detail(resp: requests.Response) -> str:
    return error_detail(resp, ("message", "error", "errors", "statusMessage", "detail"), limit=300)


def _is_number_error(detail: str) -> bool:
    """A 400 that names a phone number blames the recipient, unless it is only about our sender number."""
    if not _NUMBER_WORDS.search(detail):
        return False
    return not (_SENDER_WORDS.search(detail) and not _RECIPIENT_WORDS.search(detail))


class SignalHouseClient:
    label = "signalhouse"
    backoff_base = 0.5
    backoff_factor = 2.0
    backoff_cap = 30.0

    def __init__(
        self,
        api_key: str,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float = 10,
        max_retries: int = 3,
        sleep: Callable[[float], Any] = time.sleep,
        rng: Callable[[], float] = random.random,
        session: requests.Session | None = None,
        max_retry_after: float = 60,
    ) -> None:
        if not api_key:
            raise AuthFailed("SignalHouse API key is not configured")
        self._api_key = api_key
        self.base_url = (base_url or DEFAULT_BASE_URL).rstrip("/")
        self.timeout = timeout
        self.max_retries = max(0, int(max_retries))
        self.max_retry_after = max_retry_after
        self._sleep = sleep
        self._rng = rng
        self.session = session or requests.Session()

    def __repr__(self) -> str:  # never show the key
        return f"SignalHouseClient(base_url={self.base_url!r})"

    # -- public API -------------------------------------------------------------------------------

    def send_sms(
        self,
        *,
        sender: str,
        recipient: str,
        body: str,
        idempotency_key: str,
        status_callback_url: str | None = None,
        filter_landlines: bool = True,
    ) -> SendOutcome:
        """Send one SMS to one recipient. Retries reuse ``idempotency_key``, so a retry never sends twice.

        Raises ``ValueError`` (bad input, before any HTTP), ``AuthFailed``, ``InvalidNumber``,
        ``IdempotencyConflict``, ``RateLimited``, ``ProviderError`` or ``OutcomeUnknown``. A refusal that arrives in
        a 2xx reply (DNC, opt-out, landline) is an outcome with ``accepted=False``, not an error.
        """
        sender_digits = normalize_us_number(sender)
        recipient_digits = normalize_us_number(recipient)
        if not isinstance(body, str) or not body.strip():
            raise ValueError("message body must be a non-empty string")
        if not isinstance(idempotency_key, str) or not idempotency_key.strip():
            raise ValueError("idempotency_key is required")
        payload: dict[str, Any] = {
            "senderPhoneNumber": sender_digits,
            "recipientPhoneNumber": [recipient_digits],
            "messageBody": body,
            "filterLandlinesAndInactiveNumbers": bool(filter_landlines),
        }
        if status_callback_url:
            payload["statusCallbackUrl"] = status_callback_url
        resp = self._post(SEND_PATH, payload, idempotency_key=idempotency_key.strip())
        try:
            reply = resp.json()
        except ValueError:
            reply = None
        if not isinstance(reply, dict):
            # The provider said yes with a body we cannot read: the message may well be queued.
            raise OutcomeUnknown(f"HTTP {resp.status_code} with an unreadable reply", status=resp.status_code)
        replayed = resp.headers.get("Idempotent-Replayed", "").strip().lower() == "true"
        return parse_send_reply(reply, recipient_digits, replayed=replayed)

    def delivery_report(self, message_ids: list[str]) -> list[DeliveryStatus]:
        """Current status of sent messages, asked in chunks of at most 100 ids. Unknown ids are left out."""
        if isinstance(message_ids, (str, bytes)) or not isinstance(message_ids, (list, tuple)):
            raise ValueError("message_ids must be a list of ids")
        ids: list[str] = []
        for value in message_ids:
            if not isinstance(value, str) or not value.strip():
                raise ValueError("message ids must be non-empty strings")
            if value.strip() not in ids:
                ids.append(value.strip())
        results: list[DeliveryStatus] = []
        for start in range(0, len(ids), REPORT_MAX_IDS):
            resp = self._post(REPORT_PATH, {"messageIds": ids[start : start + REPORT_MAX_IDS]})
            try:
                reply = resp.json()
            except ValueError as exc:
                raise ProviderError("unreadable delivery report", status=resp.status_code) from exc
            docs = reply.get("data") if isinstance(reply, dict) else reply
            if not isinstance(docs, list):
                raise ProviderError("unexpected delivery report shape", status=resp.status_code)
            results.extend(s for s in (parse_delivery_doc(d) for d in docs) if s is not None)
        return results

    # -- transport --------------------------------------------------------------------------------

    def _backoff(self, attempt: int) -> float:
        return backoff_delay(
            attempt, base=self.backoff_base, factor=self.backoff_factor, cap=self.backoff_cap, rng=self._rng
        )

    def _post(self, path: str, body: dict, idempotency_key: str | None = None) -> requests.Response:
        """POST with retries. With an idempotency key a failure after a request may have landed is
        ``OutcomeUnknown``; without one (read-only calls) it is a ``ProviderError``.
        """
        url = self.base_url + path
        headers = {"Authorization": f"Bearer {self._api_key}", "Accept": "application/json"}
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        is_send = idempotency_key is not None
        maybe_landed = False  # an earlier attempt may have reached the provider
        attempt = 0
        while True:
            try:
                resp = self.session.post(url, json=body, headers=headers, timeout=self.timeout)
            except _CONFIG_ERRORS as exc:
                raise ConfigError(f"{path}: {type(exc).__name__}") from exc
            except requests.exceptions.RequestException as exc:
                maybe_landed = maybe_landed or not isinstance(exc, _NEVER_SENT)
                if attempt >= self.max_retries:
                    message = f"{path} failed after {attempt + 1} attempts: {type(exc).__name__}"
                    if is_send and maybe_landed:
                        raise OutcomeUnknown(message) from exc
                    raise ProviderError(message) from exc
                delay = self._backoff(attempt)
                logger.warning("signalhouse %s %s; retry %d in %.2fs", path, type(exc).__name__, attempt + 1, delay)
            else:
                status = resp.status_code
                if 200 <= status < 300:
                    return resp
                detail = _error_detail(resp)
                if status in (401, 403):
                    raise AuthFailed(f"HTTP {status}: {detail}", status=status)
                if status == 422 and is_send:
                    raise IdempotencyConflict(f"HTTP 422: {detail}", status=status)
                if status == 400 and is_send and _is_number_error(detail):
                    raise InvalidNumber(f"HTTP 400: {detail}", status=status)
                if status == 429 or (status == 409 and is_send):
                    retry_after = parse_retry_after(resp.headers.get("Retry-After"))
                    if attempt >= self.max_retries or (retry_after or 0) > self.max_retry_after:
                        if status == 409 or (is_send and maybe_landed):
                            # The first request with this key is still being processed (or may have landed).
                            raise OutcomeUnknown(
                                f"HTTP {status} after {attempt + 1} attempts: {detail}",
                                status=status,
                                retry_after=retry_after,
                            )
                        raise RateLimited(f"{path} rate limited: {detail}", retry_after=retry_after)
                    delay = retry_after if retry_after is not None else self._backoff(attempt)
                    logger.info("signalhouse %s HTTP %d; retry %d in %.2fs", path, status, attempt + 1, delay)
                elif status >= 500:
                    if attempt >= self.max_retries:
                        if is_send and maybe_landed:
                            raise OutcomeUnknown(f"HTTP {status} after an earlier attempt timed out", status=status)
                        raise ProviderError(f"HTTP {status}: {detail}", status=status)
                    delay = self._backoff(attempt)
                    logger.warning("signalhouse %s HTTP %d; retry %d in %.2fs", path, status, attempt + 1, delay)
                else:
                    raise ProviderError(f"HTTP {status}: {detail}", status=status)
            if delay > 0:
                self._sleep(delay)
            attempt += 1
