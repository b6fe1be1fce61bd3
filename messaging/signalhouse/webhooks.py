"""Verify and parse SignalHouse webhooks (delivery receipts and inbound messages)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .adapter import GOOD_STATUSES, _code, _count, _text, map_failure, ten_digits
from .errors import PayloadInvalid, SignatureInvalid

SIGNATURE_HEADER = "X-SignalHouse-Signature"
TIMESTAMP_HEADER = "X-SignalHouse-Timestamp"
DELIVERY_ID_HEADER = "X-SignalHouse-Delivery-Id"
DEFAULT_TOLERANCE_SECONDS = 300

EVENT_KINDS = {
    "MESSAGE_RECEIVED": "inbound",
    "MESSAGE_DELIVERED": "delivered",
    "MESSAGE_FAILED": "failed",
}


def _bytes(value: str | bytes) -> bytes:
    return value.encode("utf-8") if isinstance(value, str) else bytes(value)


def sign(secret: str | bytes, timestamp: str | int, raw_body: str | bytes) -> str:
    """Lowercase hex HMAC-SHA256 of ``"{timestamp}.{raw body}"`` keyed with the signing secret."""
    message = _bytes(str(timestamp)) + b"." + _bytes(raw_body)
    return hmac.new(_bytes(secret), message, hashlib.sha256).hexdigest()


def _header(headers: Mapping[str, Any], name: str) -> str | None:
    """Case-insensitive lookup; also finds Django's ``request.META`` spelling (``HTTP_X_SIGNALHOUSE_...``)."""
    wanted = {name.lower(), "http_" + name.lower().replace("-", "_")}
    for key, value in headers.items():
        if isinstance(key, str) and key.lower() in wanted and value is not None:
            text = value.decode("latin-1") if isinstance(value, bytes) else str(value)
            return text.strip()
    return None


def delivery_id(headers: Mapping[str, Any]) -> str | None:
    """The ``X-SignalHouse-Delivery-Id`` (same on every retry of one delivery), if sent. It is not signed."""
    return _header(headers, DELIVERY_ID_HEADER) or None


def verify(
    secret: str | bytes,
    headers: Mapping[str, Any],
    raw_body: str | bytes,
    now_ms: int | None = None,
    tolerance_seconds: float = DEFAULT_TOLERANCE_SECONDS,
) -> None:
    """Raise ``SignatureInvalid`` unless the raw body is signed with ``secret`` and the timestamp is fresh."""
    if not secret:
        raise SignatureInvalid("no_secret", "webhook signing secret is not configured")
    signature = _header(headers, SIGNATURE_HEADER)
    timestamp = _header(headers, TIMESTAMP_HEADER)
    if not signature:
        raise SignatureInvalid("missing_header", f"missing {SIGNATURE_HEADER} header")
    if not timestamp:
        raise SignatureInvalid("missing_header", f"missing {TIMESTAMP_HEADER} header")
    if not timestamp.isascii() or not timestamp.isdigit():
        raise SignatureInvalid("bad_timestamp", f"{TIMESTAMP_HEADER} is not Unix milliseconds")
    expected = sign(secret, timestamp, raw_body)
    given = signature.lower().removeprefix("sha256=")
    if not hmac.compare_digest(expected.encode("ascii"), given.encode("utf-8", "replace")):
        raise SignatureInvalid("bad_signature", "signature does not match the body")
    now = int(time.time() * 1000) if now_ms is None else int(now_ms)
    if abs(now - int(timestamp)) > tolerance_seconds * 1000:
        raise SignatureInvalid("stale_timestamp", f"timestamp is more than {tolerance_seconds:g}s away from now")


@dataclass
class WebhookEvent:
    """One webhook. ``kind`` is inbound, delivered, failed or unknown; numbers are 10 digits when valid."""

    event: str
    kind: str
    identifier: str | None = None
    timestamp: str | None = None
    delivery_id: str | None = None
    # inbound
    from_number: str | None = None
    to_number: str | None = None
    text: str = ""
    # delivery
    status: str = ""
    error_code: str = ""
    reason: str = ""
    segments: int | None = None
    provider_error_code: str = ""
    raw: dict = field(default_factory=dict)


def _number(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    text = _text(value)
    if not text:
        return None
    return ten_digits(text) or text


def parse_event(raw_body: str | bytes) -> WebhookEvent:
    """Parse a webhook body; raise ``PayloadInvalid`` if it is not JSON or lacks what its event needs."""
    try:
        envelope = json.loads(_bytes(raw_body).decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise PayloadInvalid("webhook body is not JSON") from exc
    if not isinstance(envelope, dict):
        raise PayloadInvalid("webhook body is not a JSON object")
    event = envelope.get("event")
    if not isinstance(event, str) or not event.strip():
        raise PayloadInvalid("webhook has no event name")
    event = event.strip().upper()
    kind = EVENT_KINDS.get(event, "unknown")
    meta = envelope.get("metaData")
    if meta is None and kind == "unknown":
        meta = {}
    if not isinstance(meta, dict):
        raise PayloadInvalid("webhook metaData is not an object")
    identifier = _text(envelope.get("identifier")) or None
    timestamp = _text(envelope.get("timestamp")) or None
    result = WebhookEvent(event=event, kind=kind, identifier=identifier, timestamp=timestamp, raw=envelope)

    if kind == "inbound":
        message = meta.get("Message", meta.get("message"))
        if message is None:
            message = meta
        if not isinstance(message, dict):
            raise PayloadInvalid("inbound webhook metaData.Message is not an object")
        result.from_number = _number(message.get("senderPhoneNumber"))
        if not result.from_number:
            raise PayloadInvalid("inbound webhook has no senderPhoneNumber")
        result.to_number = _number(message.get("recipientPhoneNumber")) or _number(meta.get("recipientPhoneNumber"))
        body = message.get("messageBody")
        result.text = body if isinstance(body, str) else ""
    elif kind in ("delivered", "failed"):
        result.identifier = identifier or _text(meta.get("_id")) or None
        if not result.identifier:
            raise PayloadInvalid(f"{event} webhook has no message id")
        status = _text(meta.get("status")).upper() or ("DELIVERED" if kind == "delivered" else "FAILED")
        result.status = status
        result.provider_error_code = _code(meta.get("errorCode"))
        result.reason = _text(meta.get("successOrFailureReason"))
        result.segments = _count(meta.get("segmentCount"))
        if kind == "failed" or status not in GOOD_STATUSES:
            result.error_code = map_failure(status, result.provider_error_code, result.reason)
    return result


def verify_and_parse(
    secret: str | bytes,
    headers: Mapping[str, Any],
    raw_body: str | bytes,
    now_ms: int | None = None,
    tolerance_seconds: float = DEFAULT_TOLERANCE_SECONDS,
) -> WebhookEvent:
    """``verify`` then ``parse_event``, with ``delivery_id`` taken from the headers."""
    verify(secret, headers, raw_body, now_ms=now_ms, tolerance_seconds=tolerance_seconds)
    event = parse_event(raw_body)
    event.delivery_id = delivery_id(headers)
    return event
