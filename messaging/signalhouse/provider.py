"""Pick the configured SMS provider."""

from __future__ import annotations

from .client import DEFAULT_BASE_URL, SignalHouseClient
from .errors import ConfigError
from .sandbox import SandboxSms

PROVIDERS = ("sandbox", "signalhouse")


def get_sms_provider() -> SandboxSms | SignalHouseClient:
    """Sandbox unless ``SMS_PROVIDER`` is ``signalhouse``. Settings are read here, not at import.

    Raises ``ConfigError`` (code ``CONFIG_ERROR``) for an unknown provider name and ``AuthFailed`` (also
    ``CONFIG_ERROR``) when SignalHouse is chosen without ``SIGNALHOUSE_API_KEY``.
    """
    from django.conf import settings

    name = (getattr(settings, "SMS_PROVIDER", None) or "sandbox").strip().lower()
    if name == "sandbox":
        return SandboxSms()
    if name != "signalhouse":
        raise ConfigError(f"unknown SMS_PROVIDER {name!r}; expected one of {PROVIDERS}")
    return SignalHouseClient(
        api_key=getattr(settings, "SIGNALHOUSE_API_KEY", "") or "",
        base_url=getattr(settings, "SIGNALHOUSE_BASE_URL", DEFAULT_BASE_URL) or DEFAULT_BASE_URL,
    )
