"""Phone-number normalization and mapping of SignalHouse replies into plain outcomes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import phonenumbers

# Lifecycle: ENQUEUED -> DEQUEUED -> SENT -> DELIVERED, or FAILED. "OUT" = recipient opted out of the campaign.
IN_FLIGHT_STATUSES = frozenset({"ENQUEUED", "DEQUEUED", "SENT"})
GOOD_STATUSES = IN_FLIGHT_STATUSES | {"DELIVERED"}
REJECTED_STATUSES = frozenset({"FAILED", "OUT"})

# Our stable error codes for a message that did not go out (or did not arrive).
OPTED_OUT = "OPTED_OUT"
DNC_BLOCKED = "DNC_BLOCKED"
LANDLINE_BLOCKED = "LANDLINE_BLOCKED"
INVALID_NUMBER = "INVALID_NUMBER"
PROVIDER_ERROR = "PROVIDER_ERROR"

# US and its territories share country code 1 with Canada and the Caribbean; only these regions are accepted.
US_REGIONS = frozenset({"US", "PR", "VI", "GU", "AS", "MP"})
_PHONE_CHARS = re.compile(r"^\+?[0-9 ().\-]+$")
_NON_DIGITS = re.compile(r"\D+")
_INVALID_TEXT = re.compile(
    r"invalid[ _-]?(?:phone|number|recipient|destination|to)|not a valid|inactive|unallocated|disconnected"
    r"|not in service|non-?existent|unreachable number|invalid_number"
)
_OPT_OUT_TEXT = re.compile(r"opted[ _-]?out|opt[ _-]out|unsubscribed")
_DNC_TEXT = re.compile(r"\bdnc\b|do[ _-]not[ _-]call")


def normalize_us_number(value: Any) -> str:
    """Return a US number as the 11 digits SignalHouse wants ("1XXXXXXXXXX").

    Accepts 10 digits, 11 digits starting with 1, ``+1...`` and the usual formatting (spaces, dots, dashes,
    parentheses). Raises ``ValueError`` for anything else: letters, another country code, Canadian or Caribbean
    area codes, numbers that cannot exist.
    """
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError("phone number must be a string")
    text = str(value).strip()
    if not text or not _PHONE_CHARS.match(text):
        raise ValueError(f"not a phone number: {text!r}")
    digits = _NON_DIGITS.sub("", text)
    if text.startswith("+") and not (digits.startswith("1") and len(digits) == 11):
        raise ValueError(f"not a US number (country code must be +1): {text!r}")
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) != 10:
        raise ValueError(f"a US number needs 10 digits: {text!r}")
    parsed = phonenumbers.parse("+1" + digits)
    if not phonenumbers.is_valid_number(parsed):
        raise ValueError(f"not a valid US number: {text!r}")
    if phonenumbers.region_code_for_number(parsed) not in US_REGIONS:
        raise ValueError(f"not a US number: {text!r}")
    return "1" + digits


def ten_digits(value: Any) -> str | None:
    """The 10-digit form of a number when it is a valid US number, else None (never raises)."""
    try:
        return normalize_us_number(value)[1:]
    except ValueError:
        return None


def _text(value: Any) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    return str(value).strip()


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


@dataclass
class SendOutcome:
    """What happened to one send. ``accepted`` means the provider queued it; ``error_code`` says why not."""

    external_id: str | None
    status: str
    accepted: bool
    error_code: str = ""
    replayed: bool = False
    raw: dict = field(default_factory=dict)


@dataclass(frozen=True)
class DeliveryStatus:
    """One message document from a delivery report. ``error_code`` is ours; ``provider_error_code`` is theirs."""

    external_id: str
    status: str
    error_code: str = ""
    reason: str = ""
    segments: int | None = None
    provider_error_code: str = ""


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

    if recipient[1:] in dnc:
        return SendOutcome(external_id, status, False, DNC_BLOCKED, replayed, payload)
    if row is None:
        return SendOutcome(None, status, False, PROVIDER_ERROR, replayed, payload)
    if status in REJECTED_STATUSES:
        return SendOutcome(external_id, status, False, map_failure(status, provider_code, reason), replayed, payload)
    # enqueuedCount is the provider's word on whether anything was queued; when absent, trust a good row status.
    taken = enqueued >= 1 if enqueued is not None else status in GOOD_STATUSES
    if not taken or not external_id:
        code = map_failure(status, provider_code, reason) if (provider_code or reason) else PROVIDER_ERROR
        return SendOutcome(external_id, status, False, code, replayed, payload)
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
