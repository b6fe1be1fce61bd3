"""SignalHouse SMS: a client for the real API, an offline sandbox, webhook verification and parsing."""

from .adapter import (
    DeliveryStatus,
    SendOutcome,
    map_failure,
    normalize_us_number,
    parse_delivery_doc,
    parse_send_reply,
    ten_digits,
)
from .client import DEFAULT_BASE_URL, REPORT_MAX_IDS, STAGING_BASE_URL, SignalHouseClient
from .errors import (
    AuthFailed,
    ConfigError,
    IdempotencyConflict,
    InvalidNumber,
    OutcomeUnknown,
    PayloadInvalid,
    ProviderError,
    RateLimited,
    SignatureInvalid,
    SmsError,
)
from .provider import get_sms_provider
from .sandbox import SandboxSms, sandbox_delivery_event, sandbox_inbound_event, sandbox_message_id
from .webhooks import WebhookEvent, delivery_id, parse_event, sign, verify, verify_and_parse

__all__ = [
    "DEFAULT_BASE_URL",
    "REPORT_MAX_IDS",
    "STAGING_BASE_URL",
    "AuthFailed",
    "ConfigError",
    "DeliveryStatus",
    "IdempotencyConflict",
    "InvalidNumber",
    "OutcomeUnknown",
    "PayloadInvalid",
    "ProviderError",
    "RateLimited",
    "SandboxSms",
    "SendOutcome",
    "SignalHouseClient",
    "SignatureInvalid",
    "SmsError",
    "WebhookEvent",
    "delivery_id",
    "get_sms_provider",
    "map_failure",
    "normalize_us_number",
    "parse_delivery_doc",
    "parse_event",
    "parse_send_reply",
    "sandbox_delivery_event",
    "sandbox_inbound_event",
    "sandbox_message_id",
    "sign",
    "ten_digits",
    "verify",
    "verify_and_parse",
]
