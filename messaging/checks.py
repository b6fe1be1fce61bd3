"""System checks: webhook secrets are safe by default.

A real SMS provider without a signing secret of the platform's, the sandbox's public secret outside the sandbox,
and a team with its own provider account but no signing secret of its own all stop start-up (``manage.py check``;
the team check reads the database, so it runs with ``--database default`` and before ``migrate``).
"""

from django.core import checks


@checks.register(checks.Tags.security)
def sms_webhook_secrets(app_configs, **kwargs):
    from .sms import SANDBOX_WEBHOOK_SECRET, ConfigError, active_provider_name, provider_spec
    from .sms.registry import platform_setting

    name = active_provider_name()
    try:
        spec = provider_spec(name)
    except ConfigError as exc:
        return [checks.Error(exc.message, hint="Set SMS_PROVIDER to sandbox or signalhouse.", id="messaging.E001")]
    if spec.webhook is None:
        return []
    setting = f"{spec.settings_prefix}_WEBHOOK_SECRET"
    secret = platform_setting(spec, "WEBHOOK_SECRET")
    if not secret:
        return [
            checks.Error(
                f"SMS_PROVIDER is {name} but {setting} is empty: no webhook of a team without its own secret could "
                "be verified.",
                hint=f"Set {setting} to the signing secret of the platform's webhook.",
                id="messaging.E002",
            )
        ]
    if secret == SANDBOX_WEBHOOK_SECRET:
        return [
            checks.Error(
                f"{setting} is the sandbox's public secret; it verifies nothing outside the sandbox.",
                hint=f"Set {setting} to the signing secret {spec.title} gave when the webhook was registered.",
                id="messaging.E003",
            )
        ]
    return []


@checks.register(checks.Tags.database)
def teams_with_own_accounts_have_own_secrets(app_configs, databases=None, **kwargs):
    """A team that sends through its own provider account must verify that account's webhooks with its own secret."""
    if not databases:
        return []
    from django.db import DatabaseError

    from usdatabiz.core.models import TeamCredential

    from .sms import PROVIDERS, provider_spec

    errors = []
    for name in PROVIDERS:
        spec = provider_spec(name)
        if spec.webhook is None or "api_key" not in spec.credential_names:
            continue
        try:
            own_key = set(
                TeamCredential.objects.filter(provider=name, name="api_key").values_list("team__slug", flat=True)
            )
            own_secret = set(
                TeamCredential.objects.filter(provider=name, name="webhook_secret").values_list("team__slug", flat=True)
            )
        except DatabaseError:
            return []  # not migrated yet
        for slug in sorted(own_key - own_secret):
            errors.append(
                checks.Error(
                    f"Team {slug!r} sends with its own {spec.title} API key but has no webhook signing secret of its "
                    "own: its webhooks cannot be verified.",
                    hint="Register the webhook from the team's Provider credentials page (or set its secret there).",
                    id="messaging.E004",
                )
            )
    return errors
