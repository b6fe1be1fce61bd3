"""Deterministic offline stand-in for the SignalHouse client (demos and tests)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import time
import uuid

from .adapter import (
    INVALID_NUMBER,
    LANDLINE_BLOCKED,
    DeliveryStatus,
    SendOutcome,
    normalize_us_number,
)
from .errors import IdempotencyConflict, OutcomeUnknown, ProviderError, RateLimited
from .webhooks import DELIVERY_ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, sign

FAILURES = ("rate_limit", "timeout", "provider_error")
ID_PREFIX = "sbx_"
_NAMESPACE = uuid.UUID("6f1d2c3e-5b4a-4e8f-9a7b-0c1d2e3f4a5b")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def sandbox_message_id(idempotency_key: str) -> str:
    """The id the sandbox gives a send: a pure function of its idempotency key."""
    return ID_PREFIX + _sha(f"send|{idempotency_key}")[:24]


def sandbox_delivery_fails(external_id: str) -> bool:
    """One id in twenty fails on delivery ("carrier rejected"), decided by the id alone."""
    return int(_sha(external_id), 16) % 20 == 0


class SandboxSms:
    """Same interface as ``SignalHouseClient``; the outcome depends only on the recipient number.

    Last two digits 00-04: landline, filtered (``LANDLINE_BLOCKED``); 05-07: invalid (``INVALID_NUMBER``);
    anything else is accepted with an id derived from the idempotency key. Replays and key conflicts are
    remembered per instance. ``delivery_report`` needs no memory: it reads the outcome from the id, so a new
    instance (another worker) gives the same answer.
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
        self._sent: dict[str, tuple[tuple, SendOutcome]] = {}

    def __repr__(self) -> str:
        return f"SandboxSms(fail_every={self.fail_every}, failure={self.failure!r})"

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
        sender_digits = normalize_us_number(sender)
        recipient_digits = normalize_us_number(recipient)
        if not isinstance(body, str) or not body.strip():
            raise ValueError("message body must be a non-empty string")
        if not isinstance(idempotency_key, str) or not idempotency_key.strip():
            raise ValueError("idempotency_key is required")
        key = idempotency_key.strip()
        fingerprint = (sender_digits, recipient_digits, body, status_callback_url or None, bool(filter_landlines))

        inject = self._tick()
        if inject == "rate_limit":
            raise RateLimited("sandbox: injected rate limit", retry_after=1.0)
        if inject == "provider_error":
            raise ProviderError("sandbox: injected provider error", status=503)

        previous = self._sent.get(key)
        if previous is not None:
            if previous[0] != fingerprint:
                raise IdempotencyConflict("sandbox: idempotency key reused with a different body")
            outcome = dataclasses.replace(previous[1], replayed=True, raw=dict(previous[1].raw))
        else:
            outcome = self._decide(recipient_digits, key)
            self._sent[key] = (fingerprint, outcome)
        if inject == "timeout":
            # Like a real timeout: the send went through, but the caller cannot know. A retry with the same key
            # on this instance is reported as a replay.
            raise OutcomeUnknown("sandbox: injected timeout")
        return outcome

    def delivery_report(self, message_ids: list[str]) -> list[DeliveryStatus]:
        if isinstance(message_ids, (str, bytes)) or not isinstance(message_ids, (list, tuple)):
            raise ValueError("message_ids must be a list of ids")
        if any(not isinstance(value, str) or not value.strip() for value in message_ids):
            raise ValueError("message ids must be non-empty strings")
        inject = self._tick()
        if inject == "rate_limit":
            raise RateLimited("sandbox: injected rate limit", retry_after=1.0)
        if inject in ("timeout", "provider_error"):
            raise ProviderError(f"sandbox: injected {inject}")
        results: list[DeliveryStatus] = []
        seen: set[str] = set()
        for value in message_ids:
            external_id = value.strip()
            if external_id in seen or not external_id.startswith(ID_PREFIX):
                continue  # like the provider, ids it never issued are left out
            seen.add(external_id)
            if sandbox_delivery_fails(external_id):
                results.append(
                    DeliveryStatus(external_id, "FAILED", "PROVIDER_ERROR", "carrier rejected", 1, "SANDBOX_CARRIER")
                )
            else:
                results.append(DeliveryStatus(external_id, "DELIVERED", "", "delivered", 1))
        return results

    # -- internals --------------------------------------------------------------------------------

    def _tick(self) -> str | None:
        self.calls += 1
        if self.fail_every and self.calls % self.fail_every == 0:
            return self.failure
        return None

    @staticmethod
    def _decide(recipient: str, key: str) -> SendOutcome:
        tail = int(recipient[-2:])
        raw: dict = {"sandbox": True, "requestedRecipientCount": 1, "dncBlockedNumbers": []}
        if tail <= 4:
            row = {"_id": None, "status": "FAILED", "errorCode": "LANDLINE", "successOrFailureReason": "landline"}
            raw.update(insertedMessages=[row], enqueuedCount=0, failedCount=1)
            return SendOutcome(None, "FAILED", False, LANDLINE_BLOCKED, False, raw)
        if 5 <= tail <= 7:
            row = {"_id": None, "status": "FAILED", "errorCode": "INVALID", "successOrFailureReason": "invalid number"}
            raw.update(insertedMessages=[row], enqueuedCount=0, failedCount=1)
            return SendOutcome(None, "FAILED", False, INVALID_NUMBER, False, raw)
        external_id = sandbox_message_id(key)
        row = {"_id": external_id, "status": "ENQUEUED", "errorCode": None}
        raw.update(insertedMessages=[row], enqueuedCount=1, failedCount=0)
        return SendOutcome(external_id, "ENQUEUED", True, "", False, raw)


def _signed(envelope: dict, secret: str | bytes, now_ms: int, delivery_id: str | None) -> tuple[dict, bytes]:
    raw_body = json.dumps(envelope, separators=(",", ":")).encode()
    timestamp = str(now_ms)
    headers = {
        SIGNATURE_HEADER: sign(secret, timestamp, raw_body),
        TIMESTAMP_HEADER: timestamp,
        DELIVERY_ID_HEADER: delivery_id or str(uuid.uuid5(_NAMESPACE, raw_body.decode())),
    }
    return headers, raw_body


def sandbox_inbound_event(
    from_number: str,
    to_number: str,
    text: str,
    secret: str | bytes,
    *,
    now_ms: int | None = None,
    delivery_id: str | None = None,
) -> tuple[dict, bytes]:
    """A signed ``MESSAGE_RECEIVED`` webhook as ``(headers, raw_body)``, shaped like SignalHouse sends it."""
    now_ms = int(time.time() * 1000) if now_ms is None else int(now_ms)
    sender, receiver = normalize_us_number(from_number), normalize_us_number(to_number)
    envelope = {
        "timestamp": now_ms,
        "event": "MESSAGE_RECEIVED",
        "identifier": "sbx_in_" + _sha(f"{sender}|{receiver}|{text}|{now_ms}")[:24],
        "metaData": {
            "Message": {
                "direction": "INBOUND",
                "senderPhoneNumber": sender,
                "recipientPhoneNumber": receiver,
                "messageBody": text,
            }
        },
    }
    return _signed(envelope, secret, now_ms, delivery_id)


def sandbox_delivery_event(
    external_id: str,
    secret: str | bytes,
    *,
    failed: bool | None = None,
    now_ms: int | None = None,
    delivery_id: str | None = None,
) -> tuple[dict, bytes]:
    """A signed ``MESSAGE_DELIVERED``/``MESSAGE_FAILED`` webhook; by default it agrees with ``delivery_report``."""
    now_ms = int(time.time() * 1000) if now_ms is None else int(now_ms)
    failed = sandbox_delivery_fails(external_id) if failed is None else failed
    meta = {"_id": external_id, "status": "FAILED" if failed else "DELIVERED", "segmentCount": 1}
    if failed:
        meta.update(errorCode="SANDBOX_CARRIER", successOrFailureReason="carrier rejected")
    else:
        meta["successOrFailureReason"] = "delivered"
    envelope = {
        "timestamp": now_ms,
        "event": "MESSAGE_FAILED" if failed else "MESSAGE_DELIVERED",
        "identifier": external_id,
        "metaData": meta,
    }
    return _signed(envelope, secret, now_ms, delivery_id)
