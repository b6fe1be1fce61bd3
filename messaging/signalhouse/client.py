"""HTTP client for SignalHouse SMS: sends with idempotency keys, retries with backoff, delivery reports, the
event log (``GET /notification``) and the registration of our signed webhook."""

from __future__ import annotations

import logging
import random
import re
import time
from collections.abc import Callable
from typing import Any

import requests

from usdatabiz.core.http import backoff_delay, error_detail, parse_retry_after

from ..sms.errors import (
    AuthFailed,
    ConfigError,
    IdempotencyConflict,
    InvalidNumber,
    OutcomeUnknown,
    PayloadInvalid,
    ProviderError,
    RateLimited,
)
from ..sms.protocol import SecretRotation, WebhookRegistration
from ..sms.results import DeliveryStatus, ProviderEvent, SendOutcome
from .adapter import normalize_us_number, parse_delivery_doc, parse_send_reply
from .webhooks import EVENT_KINDS, parse_record

logger = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://v2.signalhouse.io"
STAGING_BASE_URL = "https://v2staging.signalhouse.io"
SEND_PATH = "/message/sms"
REPORT_PATH = "/message/delivery-report"
REPORT_MAX_IDS = 100
NOTIFICATION_PATH = "/notification"
NOTIFICATION_MAX_LIMIT = 100
WEBHOOK_PATH = "/webhook"
WEBHOOK_EVENTS = tuple(EVENT_KINDS)

# Transport errors raised before anything left this machine; everything else may have reached the provider.
_NEVER_SENT = (requests.exceptions.ConnectTimeout,)
# A gateway's answer that it got none (or a broken one) from the API behind it: the API may have taken the request.
# A 503 says the request was not handled, and a 500 is the API's own answer: neither makes a send's outcome unknown.
_GATEWAY_UNANSWERED = (502, 504)
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
        ``IdempotencyConflict``, ``RateLimited``, ``ProviderError`` or ``OutcomeUnknown`` (the retries ran out after a
        read timeout, a dropped connection or a gateway's 502/504: the text may have left). A refusal that arrives in
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

    def notifications(self, *, account: str, page: int = 1, limit: int = NOTIFICATION_MAX_LIMIT) -> list[ProviderEvent]:
        """One page of ``GET /notification`` for the group ``account``: message events of the durable log.

        Records are parsed like webhooks; a record that cannot be read is left out (logged), so one bad record
        never hides the others.
        """
        if not account:
            raise ConfigError("no SignalHouse group id to read notifications for")
        params = {
            "groupId": account,
            "eventTypes": ",".join(WEBHOOK_EVENTS),
            "page": max(1, int(page)),
            "limit": max(1, min(NOTIFICATION_MAX_LIMIT, int(limit))),
        }
        resp = self._request("GET", NOTIFICATION_PATH, params=params)
        try:
            reply = resp.json()
        except ValueError as exc:
            raise ProviderError("unreadable notification list", status=resp.status_code) from exc
        events = []
        for record in _records(reply):
            try:
                events.append(parse_record(record))
            except PayloadInvalid as exc:
                logger.warning("signalhouse notification left out: %s", exc)
        return events

    def register_webhook(self, *, url: str, group_id: str, idempotency_key: str) -> WebhookRegistration:
        """``POST /webhook`` for our endpoint with the message events; the signing secret comes back this once."""
        body = {"url": url, "groupId": group_id, "subscribedEvents": list(WEBHOOK_EVENTS), "authType": "NONE"}
        reply = self._json(self._post(WEBHOOK_PATH, body, idempotency_key=idempotency_key))
        data = _data(reply)
        webhook_id = str(data.get("id") or data.get("_id") or data.get("webhookId") or "").strip()
        secret = str(data.get("signingSecret") or "").strip()
        if not webhook_id or not secret:
            raise ProviderError("the webhook was registered without an id or a signing secret in the reply")
        events = data.get("subscribedEvents")
        events = tuple(str(e) for e in events) if isinstance(events, list) else WEBHOOK_EVENTS
        return WebhookRegistration(webhook_id=webhook_id, signing_secret=secret, events=events)

    def rotate_webhook_secret(self, *, webhook_id: str, grace_seconds: int, idempotency_key: str) -> SecretRotation:
        """``POST /webhook/{id}/rotate-secret``: a new secret (this once); the old one signs until the grace ends."""
        path = f"{WEBHOOK_PATH}/{requests.utils.quote(str(webhook_id), safe='')}/rotate-secret"
        reply = self._json(self._post(path, {"graceSeconds": int(grace_seconds)}, idempotency_key=idempotency_key))
        data = _data(reply)
        secret = str(data.get("signingSecret") or "").strip()
        if not secret:
            raise ProviderError("the secret was rotated without a new signing secret in the reply")
        return SecretRotation(signing_secret=secret, previous_expires_at_ms=_ms(data.get("previousSecretExpiresAt")))

    @staticmethod
    def _json(resp: requests.Response) -> dict:
        try:
            reply = resp.json()
        except ValueError as exc:
            raise ProviderError("unreadable reply", status=resp.status_code) from exc
        if not isinstance(reply, dict):
            raise ProviderError("unexpected reply shape", status=resp.status_code)
        return reply

    # -- transport --------------------------------------------------------------------------------

    def _backoff(self, attempt: int) -> float:
        return backoff_delay(
            attempt, base=self.backoff_base, factor=self.backoff_factor, cap=self.backoff_cap, rng=self._rng
        )

    def _post(self, path: str, body: dict, idempotency_key: str | None = None) -> requests.Response:
        return self._request("POST", path, body=body, idempotency_key=idempotency_key)

    def _request(
        self, method: str, path: str, *, body: dict | None = None, params: dict | None = None,
        idempotency_key: str | None = None,
    ) -> requests.Response:  # fmt: skip
        """Call the API with retries. With an idempotency key a failure after a request may have landed is
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
                resp = self.session.request(
                    method, url, json=body, params=params, headers=headers, timeout=self.timeout
                )
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
                    gateway = status in _GATEWAY_UNANSWERED
                    maybe_landed = maybe_landed or gateway
                    if attempt >= self.max_retries:
                        if is_send and maybe_landed:
                            why = "the gateway had no answer from the API" if gateway else "an earlier try timed out"
                            raise OutcomeUnknown(f"HTTP {status} after {attempt + 1} attempts ({why})", status=status)
                        raise ProviderError(f"HTTP {status}: {detail}", status=status)
                    delay = self._backoff(attempt)
                    logger.warning("signalhouse %s HTTP %d; retry %d in %.2fs", path, status, attempt + 1, delay)
                else:
                    raise ProviderError(f"HTTP {status}: {detail}", status=status)
            if delay > 0:
                self._sleep(delay)
            attempt += 1


def _data(reply: dict) -> dict:
    """SignalHouse wraps some replies in ``data``; read the object either way."""
    inner = reply.get("data")
    return inner if isinstance(inner, dict) else reply


def _records(reply) -> list:
    """The records of a list reply: a bare list, ``data: [...]`` or ``data: {notifications|items|results: [...]}``."""
    if isinstance(reply, list):
        return reply
    if not isinstance(reply, dict):
        return []
    for value in (reply.get("data"), reply):
        if isinstance(value, list):
            return value
        if isinstance(value, dict):
            for key in ("notifications", "items", "results", "docs"):
                if isinstance(value.get(key), list):
                    return value[key]
    return []


def _ms(value) -> int | None:
    """A time the provider gives as Unix ms or ISO 8601, as Unix ms."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return int(value)
    from django.utils.dateparse import parse_datetime

    try:
        moment = parse_datetime(str(value))
    except ValueError:
        return None
    return int(moment.timestamp() * 1000) if moment is not None and moment.tzinfo is not None else None
