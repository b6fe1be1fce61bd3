"""Provider-neutral SMS: the client protocol, the registry of providers, errors, result types and the sandbox.

Each provider lives in its own package (``messaging/signalhouse/``) that exposes a ``PROVIDER`` spec; the
rest of the console speaks only in the terms defined here.
"""

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
from .numbers import ten_digits, us_number
from .protocol import Credentials, ProviderSpec, SecretRotation, SmsClient, WebhookFormat, WebhookRegistration
from .registry import (
    PROVIDERS,
    active_provider_name,
    credentials,
    provider_spec,
    sandbox_mode,
    sms_client,
    webhook_secrets,
)
from .results import DeliveryStatus, ProviderEvent, SendOutcome
from .sandbox import SANDBOX_WEBHOOK_SECRET, SandboxSms, sandbox_delivery_fails, sandbox_message_id

__all__ = [
    "PROVIDERS",
    "SANDBOX_WEBHOOK_SECRET",
    "AuthFailed",
    "ConfigError",
    "Credentials",
    "DeliveryStatus",
    "IdempotencyConflict",
    "InvalidNumber",
    "OutcomeUnknown",
    "PayloadInvalid",
    "ProviderError",
    "ProviderEvent",
    "ProviderSpec",
    "RateLimited",
    "SandboxSms",
    "SecretRotation",
    "SendOutcome",
    "SignatureInvalid",
    "SmsClient",
    "SmsError",
    "WebhookFormat",
    "WebhookRegistration",
    "active_provider_name",
    "credentials",
    "provider_spec",
    "sandbox_delivery_fails",
    "sandbox_message_id",
    "sandbox_mode",
    "sms_client",
    "ten_digits",
    "us_number",
    "webhook_secrets",
]
