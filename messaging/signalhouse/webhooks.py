"""SignalHouse's webhooks: the signature scheme, the envelope, and the event log records of the same shape.

Headers: ``X-SignalHouse-Signature`` = lowercase hex HMAC-SHA256 of ``"{timestamp}.{raw body}"`` keyed with the
signing secret; ``X-SignalHouse-Timestamp`` = Unix ms; ``X-SignalHouse-Delivery-Id`` = the same on every retry
(it is not signed). While a rotated secret is in its grace period, ``X-SignalHouse-Signature-V1`` carries one
signature per secret: a verifier accepts any signature it can match with any of its secrets.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time
from collections.abc import Mapping, Sequence
from typing import Any

from django.utils.datastructures import CaseInsensitiveMapping

from ..sms.errors import PayloadInvalid, SignatureInvalid
from ..sms.payloads import clean_text, load_json
from ..sms.results import ProviderEvent
from .adapter import GOOD_STATUSES, _code, _count, map_failure, ten_digits

SIGNATURE_HEADER = "X-SignalHouse-Signature"
SIGNATURE_V1_HEADER = "X-SignalHouse-Signature-V1"
TIMESTAMP_HEADER = "X-SignalHouse-Timestamp"
DELIVERY_ID_HEADER = "X-SignalHouse-Delivery-Id"
DEFAULT_TOLERANCE_SECONDS = 300
MAX_ID_LENGTH = 64
MAX_TEXT_LENGTH = 5000

EVENT_KINDS = {
    "MESSAGE_RECEIVED": "inbound",
    "MESSAGE_DELIVERED": "delivered",
    "MESSAGE_FAILED": "failed",
}
_SIGNATURE_SPLIT = re.compile(r"[\s,;]+")
_HEX = re.compile(r"^[0-9a-f]{64}$")
_DELIVERY_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,64}$")


def _bytes(value: str | bytes) -> bytes:
    return value.encode("utf-8") if isinstance(value, str) else bytes(value)


def sign(secret: str | bytes, timestamp: str | int, raw_body: str | bytes) -> str:
    """Lowercase hex HMAC-SHA256 of ``"{timestamp}.{raw body}"`` keyed with the signing secret."""
    message = _bytes(str(timestamp)) + b"." + _bytes(raw_body)
    return hmac.new(_bytes(secret), message, hashlib.sha256).hexdigest()


def _header(headers: Mapping[str, Any], name: str) -> str | None:
    """Case-insensitive lookup; also finds Django's ``request.META`` spelling (``HTTP_X_SIGNALHOUSE_...``)."""
    if isinstance(headers, CaseInsensitiveMapping):  # ``request.headers``: looked up directly, not scanned
        return _text(headers.get(name))
    wanted = {name.lower(), "http_" + name.lower().replace("-", "_")}
    for key, value in headers.items():
        if isinstance(key, str) and key.lower() in wanted and value is not None:
            return _text(value)
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return (value.decode("latin-1") if isinstance(value, bytes) else str(value)).strip()


def delivery_id(headers: Mapping[str, Any]) -> str | None:
    """The ``X-SignalHouse-Delivery-Id`` (same on every retry of one delivery), if sent. It is not signed."""
    return _header(headers, DELIVERY_ID_HEADER) or None


def _signatures(headers: Mapping[str, Any]) -> list[str]:
    """Every signature the request carries: the plain header and each one listed in the V1 header."""
    found = []
    for name in (SIGNATURE_HEADER, SIGNATURE_V1_HEADER):
        for part in _SIGNATURE_SPLIT.split(_header(headers, name) or ""):
            value = part.strip().lower()
            for prefix in ("v1=", "sha256="):
                value = value.removeprefix(prefix)
            if _HEX.match(value) and value not in found:
                found.append(value)
    return found


def _secrets(secret: str | bytes | Sequence[str | bytes]) -> list[bytes]:
    if secret is None or isinstance(secret, str | bytes):
        secret = [secret]
    return [_bytes(s) for s in secret if s]


def verify(
    secret: str | bytes | Sequence[str | bytes],
    headers: Mapping[str, Any],
    raw_body: str | bytes,
    now_ms: int | None = None,
    tolerance_seconds: float = DEFAULT_TOLERANCE_SECONDS,
) -> None:
    """Raise ``SignatureInvalid`` unless one of the secrets signed the raw body and the timestamp is fresh.

    ``secret`` is one secret or several (the current one and, during a rotation's grace period, the previous
    one). An empty secret verifies nothing.
    """
    keys = _secrets(secret)
    if not keys:
        raise SignatureInvalid("no_secret", "webhook signing secret is not configured")
    timestamp = _header(headers, TIMESTAMP_HEADER)
    if not _header(headers, SIGNATURE_HEADER) and not _header(headers, SIGNATURE_V1_HEADER):
        raise SignatureInvalid("missing_header", f"missing {SIGNATURE_HEADER} header")
    if not timestamp:
        raise SignatureInvalid("missing_header", f"missing {TIMESTAMP_HEADER} header")
    if not timestamp.isascii() or not timestamp.isdigit() or len(timestamp) > 16:
        raise SignatureInvalid("bad_timestamp", f"{TIMESTAMP_HEADER} is not Unix milliseconds")
    given = _signatures(headers)
    expected = [sign(key, timestamp, raw_body).encode("ascii") for key in keys]
    matched = False
    for signature in given:
        for candidate in expected:
            # every pair is compared, so the time taken says nothing about which one matched
            matched |= hmac.compare_digest(candidate, signature.encode("ascii"))
    if not matched:
        raise SignatureInvalid("bad_signature", "signature does not match the body")
    now = int(time.time() * 1000) if now_ms is None else int(now_ms)
    if abs(now - int(timestamp)) > tolerance_seconds * 1000:
        raise SignatureInvalid("stale_timestamp", f"timestamp is more than {tolerance_seconds:g}s away from now")


def replay_digest(headers: Mapping[str, Any], raw_body: str | bytes) -> str | None:
    """SHA-256 of what is signed (``"{timestamp}.{raw body}"``): a captured request re-sent keeps it."""
    timestamp = _header(headers, TIMESTAMP_HEADER)
    if not timestamp:
        return None
    return hashlib.sha256(_bytes(timestamp[:32]) + b"." + _bytes(raw_body)).hexdigest()


def _number(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    text = clean_text(value, 20)
    if not text:
        return None
    return ten_digits(text) or text


def _identifier(value: Any, what: str) -> str | None:
    text = clean_text(value, MAX_ID_LENGTH + 1)
    if len(text) > MAX_ID_LENGTH:
        raise PayloadInvalid(f"{what} is longer than {MAX_ID_LENGTH} characters")
    return text or None


def _occurred_ms(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and 0 < value < 10**14:
        return int(value)
    text = clean_text(value, 20)
    return int(text) if text.isdigit() and len(text) <= 14 else None


def parse_record(envelope: Any) -> ProviderEvent:
    """Parse one envelope ``{timestamp, event, identifier, metaData}`` (a webhook body or a notification record).

    Raises ``PayloadInvalid`` when it is not an object or lacks what its event needs.
    """
    if not isinstance(envelope, dict):
        raise PayloadInvalid("webhook body is not a JSON object")
    event = envelope.get("event")
    event = clean_text(event, 41).upper() if isinstance(event, str) else ""
    if not event:
        raise PayloadInvalid("webhook has no event name")
    if len(event) > 40:
        raise PayloadInvalid("webhook event name is too long")
    kind = EVENT_KINDS.get(event, "unknown")
    meta = envelope.get("metaData")
    if meta is None and kind == "unknown":
        meta = {}
    if not isinstance(meta, dict):
        raise PayloadInvalid("webhook metaData is not an object")
    identifier = _identifier(envelope.get("identifier"), "identifier")
    timestamp = clean_text(envelope.get("timestamp"), 40) or None
    result = ProviderEvent(
        event=event,
        kind=kind,
        identifier=identifier,
        timestamp=timestamp,
        occurred_at_ms=_occurred_ms(envelope.get("timestamp")),
        raw=envelope,
    )

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
        result.text = clean_text(message.get("messageBody"), MAX_TEXT_LENGTH)
        result.identifier = identifier or _identifier(message.get("_id"), "message id")
    elif kind in ("delivered", "failed"):
        result.identifier = identifier or _identifier(meta.get("_id"), "message id")
        if not result.identifier:
            raise PayloadInvalid(f"{event} webhook has no message id")
        status = clean_text(meta.get("status"), 20).upper() or ("DELIVERED" if kind == "delivered" else "FAILED")
        result.status = status
        result.provider_error_code = clean_text(_code(meta.get("errorCode")), 40)
        result.reason = clean_text(meta.get("successOrFailureReason"), 500)
        segments = _count(meta.get("segmentCount"))
        result.segments = segments if segments is not None and 0 < segments <= 100 else None
        if kind == "failed" or status not in GOOD_STATUSES:
            result.error_code = map_failure(status, result.provider_error_code, result.reason)
        # the text's document names the number it left from (and, perhaps, its group): whose account sent it
        result.from_number = _number(meta.get("senderPhoneNumber"))
        result.account = clean_text(meta.get("groupId") or envelope.get("groupId"), MAX_ID_LENGTH) or None
    return result


def parse_event(raw_body: str | bytes) -> ProviderEvent:
    """Parse a webhook body; raise ``PayloadInvalid`` if it is not bounded JSON or lacks what its event needs."""
    return parse_record(load_json(_bytes(raw_body)))


def verify_and_parse(
    secret: str | bytes | Sequence[str | bytes],
    headers: Mapping[str, Any],
    raw_body: str | bytes,
    now_ms: int | None = None,
    tolerance_seconds: float = DEFAULT_TOLERANCE_SECONDS,
) -> ProviderEvent:
    """``verify`` then ``parse_event``, with ``delivery_id`` taken from the headers."""
    verify(secret, headers, raw_body, now_ms=now_ms, tolerance_seconds=tolerance_seconds)
    event = parse_event(raw_body)
    event.delivery_id = delivery_id(headers)
    return event


class SignalHouseWebhooks:
    """SignalHouse's ``WebhookFormat`` (see ``messaging.sms.protocol``)."""

    def parse(self, raw_body: bytes) -> ProviderEvent:
        return parse_event(raw_body)

    def parse_record(self, record: Any) -> ProviderEvent:
        return parse_record(record)

    def verify(self, secrets, headers, raw_body, now_ms=None) -> None:
        verify(secrets, headers, raw_body, now_ms=now_ms)

    def delivery_id(self, headers) -> str | None:
        value = delivery_id(headers)
        if value is not None and not _DELIVERY_ID.match(value):
            raise PayloadInvalid(f"{DELIVERY_ID_HEADER} is not an id")
        return value

    def replay_digest(self, headers, raw_body) -> str | None:
        return replay_digest(headers, raw_body)

    def simulate_inbound(self, from_number: str, to_number: str, text: str, secret: str) -> tuple[dict, bytes]:
        from .simulate import sandbox_inbound_event

        return sandbox_inbound_event(from_number, to_number, text, secret)
