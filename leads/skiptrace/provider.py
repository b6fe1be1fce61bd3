"""Pick the configured skip-trace provider."""

from __future__ import annotations

from .client import RealEstateApiClient
from .sandbox import SandboxSkipTrace

DEFAULT_BASE_URL = "https://api.realestateapi.com"
# The contract's limit of POST /SkipTrace per key (reference/providers.md); the batch endpoints allow 20 and the key
# 60 in all, so one pace at this rate per key keeps every endpoint within its limit.
DEFAULT_PER_SECOND = 10.0
# What a team may set of its own (``TeamCredential`` rows of this provider); the platform's key is the fallback.
CREDENTIAL_PROVIDER = "realestateapi"
CREDENTIAL_NAMES = ("api_key",)


def get_provider(*, team=None) -> SandboxSkipTrace | RealEstateApiClient:
    """Sandbox unless ``SKIPTRACE_PROVIDER`` names a real provider; with ``team``, its own key when it set one,
    else ``REALESTATEAPI_API_KEY``. Settings are read here, not at import."""
    from django.conf import settings

    name = (getattr(settings, "SKIPTRACE_PROVIDER", None) or "sandbox").strip().lower()
    if name == "sandbox":
        return SandboxSkipTrace()
    own = None
    if team is not None:
        from usdatabiz.core.selectors import team_credential_value

        own = team_credential_value(team=team, provider=CREDENTIAL_PROVIDER, name="api_key")
    return RealEstateApiClient(
        api_key=own or getattr(settings, "REALESTATEAPI_API_KEY", "") or "",
        base_url=getattr(settings, "REALESTATEAPI_BASE_URL", DEFAULT_BASE_URL) or DEFAULT_BASE_URL,
        per_second=getattr(settings, "SKIPTRACE_REQUESTS_PER_SECOND", DEFAULT_PER_SECOND),
    )
