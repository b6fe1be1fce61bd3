"""The SMS providers the console knows, and the one place that picks a client and secrets for a team.

Adding a provider: one package exposing ``PROVIDER`` (see ``protocol.ProviderSpec``) and one line here.
Settings are read when called, never at import.
"""

from __future__ import annotations

import importlib

from .errors import ConfigError
from .protocol import Credentials, ProviderSpec, SmsClient
from .sandbox import SANDBOX_WEBHOOK_SECRET

PROVIDERS: dict[str, str] = {
    "sandbox": "messaging.sms.sandbox",
    "signalhouse": "messaging.signalhouse",
}

API_KEY = "api_key"
WEBHOOK_SECRET = "webhook_secret"
WEBHOOK_SECRET_PREVIOUS = "webhook_secret_previous"  # kept, with its expiry, while the provider still signs with it
WEBHOOK_SECRET_NAMES = (WEBHOOK_SECRET, WEBHOOK_SECRET_PREVIOUS)


def provider_spec(name: str) -> ProviderSpec:
    """The spec of the provider called ``name``; ``ConfigError`` for a name the registry does not know."""
    key = (name or "").strip().lower()
    if key not in PROVIDERS:
        raise ConfigError(f"unknown SMS provider {name!r}; expected one of {tuple(PROVIDERS)}")
    return importlib.import_module(PROVIDERS[key]).PROVIDER


def active_provider_name() -> str:
    """The provider texts go out through (``SMS_PROVIDER``; the sandbox by default)."""
    from django.conf import settings

    return (getattr(settings, "SMS_PROVIDER", None) or "sandbox").strip().lower()


def sandbox_mode() -> bool:
    return active_provider_name() == "sandbox"


def platform_setting(spec: ProviderSpec, suffix: str) -> str:
    """The platform-wide ``<PREFIX>_<SUFFIX>`` setting of a provider (empty when it has none)."""
    from django.conf import settings

    if not spec.settings_prefix:
        return ""
    return str(getattr(settings, f"{spec.settings_prefix}_{suffix}", "") or "").strip()


def _team_value(team, provider: str, name: str) -> str | None:
    if team is None:
        return None
    from usdatabiz.core.selectors import team_credential_value

    return team_credential_value(team=team, provider=provider, name=name)


def credentials(spec: ProviderSpec, team=None) -> Credentials:
    """The team's own API key (and account) for this provider when it set one, else the platform's."""
    base_url = platform_setting(spec, "BASE_URL") or spec.default_base_url
    own_key = _team_value(team, spec.name, API_KEY) if API_KEY in spec.credential_names else None
    if own_key:
        from ..selectors import provider_account_id

        return Credentials(api_key=own_key, base_url=base_url, account=provider_account_id(team, spec.name), own=True)
    return Credentials(
        api_key=platform_setting(spec, "API_KEY"), base_url=base_url, account=platform_setting(spec, "GROUP_ID")
    )


def sms_client(*, team=None, name: str | None = None) -> SmsClient:
    """A client of the active provider (or ``name``) acting with the team's credentials, else the platform's."""
    spec = provider_spec(name or active_provider_name())
    return spec.make_client(credentials(spec, team))


def webhook_secrets(name: str, team=None, *, own: dict[str, str] | None = None) -> list[str]:
    """The secrets a webhook of provider ``name`` for ``team`` may be signed with, current one first.

    A team with a signing secret of its own is checked against it (and the replaced one during a rotation's
    grace period) only; otherwise against the platform's ``<PREFIX>_WEBHOOK_SECRET``. The sandbox's public
    secret counts only while the console runs the sandbox, and an empty secret never counts. ``own``: the team's
    own values of ``WEBHOOK_SECRET_NAMES``, read already (``messaging.selectors.sender_number_owner``).
    """
    spec = provider_spec(name)
    if own is None:
        current = _team_value(team, spec.name, WEBHOOK_SECRET)
        own = {
            WEBHOOK_SECRET: current,
            WEBHOOK_SECRET_PREVIOUS: current and _team_value(team, spec.name, WEBHOOK_SECRET_PREVIOUS),
        }
    if own.get(WEBHOOK_SECRET):
        found = [own[WEBHOOK_SECRET], own.get(WEBHOOK_SECRET_PREVIOUS)]
    else:
        platform = platform_setting(spec, "WEBHOOK_SECRET")
        found = [platform] if platform else ([SANDBOX_WEBHOOK_SECRET] if sandbox_mode() else [])
    usable = []
    for secret in found:
        if secret and (secret != SANDBOX_WEBHOOK_SECRET or sandbox_mode()) and secret not in usable:
            usable.append(secret)
    return usable
