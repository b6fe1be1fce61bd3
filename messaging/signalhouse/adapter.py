"""SignalHouse's formats: its number format and the mapping of its replies into plain outcomes."""

from __future__ import annotations

import re
from typing import Any

from ..sms.numbers import ten_digits, us_number
from ..sms.payloads import clean_text
from ..sms.results import (
    DNC_BLOCKED,
    INVALID_NUMBER,
    LANDLINE_BLOCKED,
    OPTED_OUT,
    PROVIDER_ERROR,
    DeliveryStatus,
    SendOutcome,
)

# Lifecycle: ENQUEUED -> DEQUEUED -> SENT -> DELIVERED, or FAILED. "OUT" = recipient opted out of the campaign.
IN_FLIGHT_STATUSES = frozenset({"ENQUEUED", "DEQUEUED", "SENT"})
GOOD_STATUSES = IN_FLIGHT_STATUSES | {"DELIVERED"}
REJECTED_STATUSES = frozenset({"FAILED", "OUT"})

_INVALID_TEXT = re.compile(
    r"invalid[ _-]?(?:phone|number|recipient|destination|to)|not a valid|inactive|unallocated|disconnected"
    r"|not in service|non-?existent|unreachable number|invalid_number"
)
_OPT_OUT_TEXT = re.compile(r"opted[ _-]?out|opt[ _-]out|unsubscribed")
_DNC_TEXT = re.compile(r"\bdnc\b|do[ _-]not[ _-]call")


def normalize_us_number(value: Any) -> str:
    """A US number as the 11 digits SignalHouse wants ("1XXXXXXXXXX"); ``ValueError`` when it is not one."""
    return "1" + us_number(value)


def _text(value: Any, limit: int = 1000) -> str:
    return clean_text(value, limit)


def _code(value: Any) -> str:
    """A provider error code as text; ``0``/``null`` mean no error."""
    text = _text(value)
    return "" if text.lower() in ("0", "null", "none") else text


def _count(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def map_failure(status: Any = None, error_code: Any = None, reason: Any = None) -> str:
    """Our stable code for a message the provider did not take or did not deliver."""
    if _text(status).upper() == "OUT":
        return OPTED_OUT
    text = f"{_text(error_code)} {_text(reason)}".lower()
    if "landline" in text:
        return LANDLINE_BLOCKED
    if _INVALID_TEXT.search(text):
        return INVALID_NUMBER
    if _OPT_OUT_TEXT.search(text):
        return OPTED_OUT
    if _DNC_TEXT.search(text):
        return DNC_BLOCKED
    return PROVIDER_ERROR


def _row_for(rows: list[dict], recipient: str) -> dict | None:
    for row in rows:
        number = row.get("recipientPhoneNumber")
        if isinstance(number, list):
            number = number[0] if number else None
        if number is not None and ten_digits(number) == recipient[1:]:
            return row
    return rows[0] if rows else None


def parse_send_reply(payload: dict, recipient: str, *, replayed: bool = False) -> SendOutcome:
    """Turn a 2xx ``POST /message/sms`` reply for one ``recipient`` (11 digits) into a ``SendOutcome``.

    A 201 does not mean the message was taken: the recipient may be on the global DNC list (no message record at
    all), opted out (row status ``OUT``), filtered as a landline, or failed; ``enqueuedCount`` must be at least 1.
    """
    payload = payload if isinstance(payload, dict) else {}
    rows = [r for r in payload.get("insertedMessages") or [] if isinstance(r, dict)]
    row = _row_for(rows, recipient)
    dnc = {ten_digits(n) for n in payload.get("dncBlockedNumbers") or [] if n is not None}
    enqueued = _count(payload.get("enqueuedCount"))

    external_id = (_text(row.get("_id")) or None) if row else None
    status = _text(row.get("status")).upper() if row else ""
    provider_code = _code(row.get("errorCode")) if row else ""
    reason = _text(row.get("successOrFailureReason") or row.get("errorMessage")) if row else ""

    said = {"reason": reason, "provider_code": provider_code}
    if recipient[1:] in dnc:
        reason = "the number is on the global do-not-call list"
        return SendOutcome(external_id, status, False, DNC_BLOCKED, replayed, payload, reason, provider_code)
    if row is None:
        return SendOutcome(None, status, False, PROVIDER_ERROR, replayed, payload, **said)
    if status in REJECTED_STATUSES:
        code = map_failure(status, provider_code, reason)
        return SendOutcome(external_id, status, False, code, replayed, payload, **said)
    # enqueuedCount is the provider's word on whether anything was queued; when absent, trust a good row status.
    taken = enqueued >= 1 if enqueued is not None else status in GOOD_STATUSES
    if not taken or not external_id:
        code = map_failure(status, provider_code, reason) if (provider_code or reason) else PROVIDER_ERROR
        return SendOutcome(external_id, status, False, code, replayed, payload, **said)
    return SendOutcome(external_id, status, True, "", replayed, payload)


def parse_delivery_doc(doc: Any) -> DeliveryStatus | None:
    """One message document (delivery report item or webhook ``metaData``); None if it has no ``_id``."""
    if not isinstance(doc, dict):
        return None
    external_id = _text(doc.get("_id") or doc.get("id") or doc.get("messageId"))
    if not external_id:
        return None
    status = _text(doc.get("status")).upper()
    provider_code = _code(doc.get("errorCode"))
    reason = _text(doc.get("successOrFailureReason"))
    failed = status in REJECTED_STATUSES or (bool(provider_code) and status not in GOOD_STATUSES)
    return DeliveryStatus(
        external_id=external_id,
        status=status,
        error_code=map_failure(status, provider_code, reason) if failed else "",
        reason=reason,
        segments=_count(doc.get("segmentCount")),
        provider_error_code=provider_code,
    )
