"""Turn RealEstateAPI skip-trace replies (v1 single, v2 batch-await items) into plain outcomes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ingestion.normalizers import normalize_phone as read_phone

_PHONE_TYPES = {
    "mobile": "mobile",
    "landline": "landline",
    "home_phone": "landline",
    "w": "mobile",
    "l": "landline",
    "v": "voip",
}


def map_phone_type(value: str | None) -> str:
    """Map a v1 (``mobile``/``landline``/``home_phone``) or v2 (``W``/``L``/``V``) phone type."""
    if not isinstance(value, str):
        return "unknown"
    return _PHONE_TYPES.get(value.strip().lower(), "unknown")


def normalize_phone(value: Any) -> str | None:
    """Return the 10-digit US number of a phone as written, or None if it is not a valid US number.

    Read as stage 2 reads a list's phone (``ingestion.normalizers.normalize_phone``; valid by the project's one rule,
    ``usdatabiz.core.phones``): a leading +1 or 1, any grouping, a label or note around it, a spreadsheet's float
    (``5125550143.0``, also as a JSON number) or scientific notation (``5.125550143E9``; refused when lossy). An
    extension (``ext. 12``, ``x12``) is dropped from the number: a phone has no field for one, and a text cannot
    dial it; ``PhoneFound.raw`` keeps the value as written, extension included, as ``PersonaPhone.raw``.
    """
    if value is None or isinstance(value, bool):
        return None
    return read_phone(value if isinstance(value, str) else str(value))


@dataclass(frozen=True)
class PhoneFound:
    number: str
    phone_type: str
    is_connected: bool | None
    do_not_call: bool
    # the provider's value as written (an extension stays here only); not part of what makes two finds equal
    raw: str = field(default="", compare=False)


@dataclass(frozen=True)
class EmailFound:
    email: str


@dataclass
class TraceOutcome:
    matched: bool
    phones: list[PhoneFound] = field(default_factory=list)
    emails: list[EmailFound] = field(default_factory=list)
    partial: bool = False
    missing: list[str] = field(default_factory=list)
    raw: dict = field(default_factory=dict)
    cost: float = 0.0

    @classmethod
    def no_match(cls, raw: dict | None = None) -> TraceOutcome:
        return cls(matched=False, raw=raw if isinstance(raw, dict) else {})


def _flag(value: Any) -> bool:
    """Provider flags arrive as booleans or "Y"/"N"/"true" strings."""
    if isinstance(value, str):
        return value.strip().lower() in {"y", "yes", "true", "1"}
    return bool(value)


def _optional_flag(value: Any) -> bool | None:
    return None if value is None else _flag(value)


def _phones(entries: Any) -> list[PhoneFound]:
    found: dict[str, PhoneFound] = {}
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        number = normalize_phone(entry.get("phone"))
        if number is None or number in found:
            continue
        found[number] = PhoneFound(
            number=number,
            # v1 and v2 say "phoneType"; the batch-await items of the published example say "type"
            phone_type=map_phone_type(entry.get("phoneType") or entry.get("type")),
            is_connected=_optional_flag(entry.get("isConnected")),
            do_not_call=any(_flag(entry.get(key)) for key in ("doNotCall", "phoneFtcDnc", "dnc")),
            raw=str(entry.get("phone")).strip()[:64],
        )
    return list(found.values())


def _emails(entries: Any) -> list[EmailFound]:
    found: dict[str, EmailFound] = {}
    for entry in entries if isinstance(entries, list) else []:
        value = entry.get("email") if isinstance(entry, dict) else entry
        if not isinstance(value, str) or "@" not in value:
            continue
        email = value.strip().lower()
        found.setdefault(email, EmailFound(email=email))
    return list(found.values())


def _missing(container: Any) -> list[str]:
    container = container if isinstance(container, dict) else {}
    return [key for key in ("phones", "emails") if container.get(key) is None]


def _credits(record: dict) -> float | None:
    credits = record.get("credits")
    if isinstance(credits, (int, float)) and not isinstance(credits, bool):
        return float(credits)
    if _flag(record.get("cached")):
        return 0.0
    return None


def _parse(envelope, body_of) -> TraceOutcome:
    """Parse one reply whose person data sits at ``body_of(envelope)`` (v1 and v2 differ only there)."""
    if not isinstance(envelope, dict):
        return TraceOutcome.no_match()
    body = body_of(envelope)
    if "match" in envelope:
        matched = _flag(envelope.get("match"))
    else:
        matched = isinstance(body, dict) and any(body.get(k) for k in ("phones", "emails", "names"))
    if not matched:
        return TraceOutcome(matched=False, raw=envelope, cost=_credits(envelope) or 0.0)
    body = body if isinstance(body, dict) else {}
    missing = _missing(body)
    credits = _credits(envelope)
    return TraceOutcome(
        matched=True,
        phones=_phones(body.get("phones")),
        emails=_emails(body.get("emails")),
        partial=bool(missing),
        missing=missing,
        raw=envelope,
        cost=1.0 if credits is None else credits,
    )


def _v1_identity(payload: dict):
    output = payload.get("output")
    return output.get("identity") if isinstance(output, dict) else None


def parse_v1(payload: dict) -> TraceOutcome:
    """Parse a ``POST /v1/SkipTrace`` reply."""
    return _parse(payload, _v1_identity)


def parse_v2_item(item: dict) -> TraceOutcome:
    """Parse one positional ``data[]`` item of a ``POST /v2/SkipTraceBatchAwait`` reply."""
    return _parse(item, lambda envelope: envelope.get("data"))
