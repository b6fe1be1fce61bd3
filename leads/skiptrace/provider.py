"""Pick the configured skip-trace provider."""

from __future__ import annotations

from .client import RealEstateApiClient
from .sandbox import SandboxSkipTrace

DEFAULT_BASE_URL = "https://api.realestateapi.com"


def get_provider() -> SandboxSkipTrace | RealEstateApiClient:
    """Sandbox unless ``SKIPTRACE_PROVIDER`` names a real provider. Settings are read here, not at import."""
    from django.conf import settings

    name = (getattr(settings, "SKIPTRACE_PROVIDER", None) or "sandbox").strip().lower()
    if name == "sandbox":
        return SandboxSkipTrace()
    return RealEstateApiClient(
        api_key=getattr(settings, "REALESTATEAPI_API_KEY", "") or "",
        base_url=getattr(settings, "REALESTATEAPI_BASE_URL", DEFAULT_BASE_URL) or DEFAULT_BASE_URL,
    )
