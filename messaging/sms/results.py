"""What an SMS provider answers, in our terms: a send outcome, a delivery status, a parsed event."""

from __future__ import annotations

from dataclasses import dataclass, field

# Our stable error codes for a message that did not go out (or did not arrive).
OPTED_OUT = "OPTED_OUT"
DNC_BLOCKED = "DNC_BLOCKED"
LANDLINE_BLOCKED = "LANDLINE_BLOCKED"
INVALID_NUMBER = "INVALID_NUMBER"
PROVIDER_ERROR = "PROVIDER_ERROR"


@dataclass
class SendOutcome:
    """What happened to one send. ``accepted`` means the provider queued it; ``error_code`` says why not.

    ``reason`` and ``provider_code`` are the provider's own words for a refusal, shown to people as they are.
    """

    external_id: str | None
    status: str
    accepted: bool
    error_code: str = ""
    replayed: bool = False
    raw: dict = field(default_factory=dict)
    reason: str = ""
    provider_code: str = ""


@dataclass(frozen=True)
class DeliveryStatus:
    """One message's delivery state. ``error_code`` is ours; ``provider_error_code`` is theirs."""

    external_id: str
    status: str
    error_code: str = ""
    reason: str = ""
    segments: int | None = None
    provider_error_code: str = ""


@dataclass
class ProviderEvent:
    """One event from a provider (webhook or notification record).

    ``kind`` is ``inbound``, ``delivered``, ``failed`` or ``unknown``; numbers are 10 digits when valid.
    ``occurred_at_ms`` is the provider's time of the event (Unix ms) when it says so. A delivery report's
    ``from_number`` is our number the text left from and ``account`` the provider account (group) that sent it,
    when the report says so: whose secret signs a report on a text whose id is not known yet.
    """

    event: str
    kind: str
    identifier: str | None = None
    timestamp: str | None = None
    delivery_id: str | None = None
    occurred_at_ms: int | None = None
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
    account: str | None = None
    raw: dict = field(default_factory=dict)
