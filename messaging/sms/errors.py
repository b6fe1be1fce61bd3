"""Errors raised by the SMS providers. Every error carries a stable ``code`` a caller can store."""

from __future__ import annotations


class SmsError(Exception):
    """Base error; ``code`` is a short machine-readable reason stored on messages and jobs."""

    code = "SMS_ERROR"

    def __init__(self, code: str, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class ProviderError(SmsError):
    """Any other provider failure (a 4xx we do not model, a 5xx after retries, an unreadable reply)."""

    def __init__(self, message: str = "SMS provider error", status: int | None = None) -> None:
        super().__init__("PROVIDER_ERROR", message, status=status)


class RateLimited(SmsError):
    """The provider kept answering 429; ``retry_after`` is its hint in seconds, if any."""

    def __init__(self, message: str = "SMS provider rate limit reached", retry_after: float | None = None) -> None:
        super().__init__("RATE_LIMIT", message, status=429)
        self.retry_after = retry_after


class InvalidNumber(SmsError):
    """The provider refused the recipient number itself (HTTP 400 that names the number)."""

    def __init__(self, message: str = "SMS provider rejected the phone number", status: int | None = None) -> None:
        super().__init__("INVALID_NUMBER", message, status=status)


class ConfigError(SmsError):
    """Our side is misconfigured (no key, unknown provider, bad URL). Retrying cannot help."""

    def __init__(self, message: str = "SMS provider is misconfigured", status: int | None = None) -> None:
        super().__init__("CONFIG_ERROR", message, status=status)


class AuthFailed(ConfigError):
    """Bad or under-scoped API key (401/403). Never retried: stop sending at once."""

    def __init__(self, message: str = "SMS provider rejected the API key", status: int | None = None) -> None:
        super().__init__(message, status=status)


class IdempotencyConflict(SmsError):
    """HTTP 422: the idempotency key was already used with a different request body."""

    def __init__(self, message: str = "Idempotency key reused with a different body", status: int | None = 422) -> None:
        super().__init__("IDEMPOTENCY_CONFLICT", message, status=status)


class OutcomeUnknown(SmsError):
    """The send may or may not have reached the provider (timeouts after the retry budget, a 2xx we cannot read,
    a request still in flight). Hold the message for review; never resend it with a new idempotency key.
    """

    def __init__(
        self,
        message: str = "SMS send outcome is unknown",
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__("OUTCOME_UNKNOWN", message, status=status)
        self.retry_after = retry_after


class SignatureInvalid(SmsError):
    """A webhook failed verification; ``reason`` is one of ``REASONS``."""

    REASONS = ("no_secret", "missing_header", "bad_timestamp", "stale_timestamp", "bad_signature")

    def __init__(self, reason: str, message: str) -> None:
        super().__init__("TOKEN_INVALID", message, status=401)
        self.reason = reason


class PayloadInvalid(SmsError):
    """A webhook body is not JSON or does not have the documented shape."""

    def __init__(self, message: str = "Webhook payload is invalid") -> None:
        super().__init__("PAYLOAD_INVALID", message, status=400)
