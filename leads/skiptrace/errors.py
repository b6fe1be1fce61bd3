"""Errors raised by skip-trace providers. Every error carries a stable ``code``."""

from __future__ import annotations


class SkipTraceError(Exception):
    """Base error; ``code`` is a short machine-readable reason stored on jobs."""

    code = "SKIPTRACE_ERROR"

    def __init__(self, code: str, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class ApiTimeout(SkipTraceError):
    """The provider did not answer in time, even after retries."""

    def __init__(self, message: str = "Skip-trace provider timed out") -> None:
        super().__init__("API_TIMEOUT", message)


class RateLimited(SkipTraceError):
    """The provider kept answering 429; ``retry_after`` is its hint in seconds, if any."""

    def __init__(
        self, message: str = "Skip-trace provider rate limit reached", retry_after: float | None = None
    ) -> None:
        super().__init__("RATE_LIMIT", message, status=429)
        self.retry_after = retry_after


class DailyLimitReached(RateLimited):
    """A 429 that says the key's matches for the UTC day are used up: retrying before 00:00 UTC cannot help."""

    def __init__(self, message: str = "Skip-trace provider daily limit reached") -> None:
        super().__init__(message)


class AuthFailed(SkipTraceError):
    """Bad or under-scoped API key (401/403). A job must stop at once: retrying cannot help."""

    def __init__(self, message: str = "Skip-trace provider rejected the API key", status: int | None = None) -> None:
        super().__init__("CONFIG_ERROR", message, status=status)


class ProviderError(SkipTraceError):
    """Any other provider failure (4xx, or 5xx after retries, or an unreadable reply)."""

    def __init__(self, message: str = "Skip-trace provider error", status: int | None = None) -> None:
        super().__init__("PROVIDER_ERROR", message, status=status)
