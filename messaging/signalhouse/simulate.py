"""Signed webhooks shaped as SignalHouse sends them, for the sandbox's simulated replies and for tests."""

from __future__ import annotations

import hashlib
import json
import time
import uuid

from ..sms.sandbox import sandbox_delivery_fails
from .adapter import normalize_us_number
from .webhooks import DELIVERY_ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, sign

_NAMESPACE = uuid.UUID("6f1d2c3e-5b4a-4e8f-9a7b-0c1d2e3f4a5b")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


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
    """A signed ``MESSAGE_RECEIVED`` webhook as ``(headers, raw_body)``."""
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
