"""Skip tracing: find phones and emails for a person (RealEstateAPI or an offline sandbox)."""

from .adapter import EmailFound, PhoneFound, TraceOutcome, map_phone_type, normalize_phone, parse_v1, parse_v2_item
from .client import RealEstateApiClient
from .errors import ApiTimeout, AuthFailed, DailyLimitReached, ProviderError, RateLimited, SkipTraceError
from .provider import CREDENTIAL_NAMES, CREDENTIAL_PROVIDER, get_provider
from .sandbox import SandboxSkipTrace

__all__ = [
    "CREDENTIAL_NAMES",
    "CREDENTIAL_PROVIDER",
    "ApiTimeout",
    "AuthFailed",
    "DailyLimitReached",
    "EmailFound",
    "PhoneFound",
    "ProviderError",
    "RateLimited",
    "RealEstateApiClient",
    "SandboxSkipTrace",
    "SkipTraceError",
    "TraceOutcome",
    "get_provider",
    "map_phone_type",
    "normalize_phone",
    "parse_v1",
    "parse_v2_item",
]
