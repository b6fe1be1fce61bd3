"""What every SMS provider package offers: a client, optionally a webhook format, and a ``PROVIDER`` spec.

A provider package (``messaging/signalhouse/``) exposes ``PROVIDER = ProviderSpec(...)``; the registry
(``messaging/sms/registry.py``) names the package. Nothing outside the package knows the provider's formats.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from .results import DeliveryStatus, ProviderEvent, SendOutcome


@dataclass(frozen=True)
class Credentials:
    """What a client needs to act for a team: the team's own values, else the platform's (``own`` says which)."""

    api_key: str = ""
    base_url: str = ""
    account: str = ""  # the provider's account or group id, for reading its event log
    own: bool = False


@dataclass(frozen=True)
class WebhookRegistration:
    """The provider's answer to registering our endpoint: its id and the signing secret (shown this once)."""

    webhook_id: str
    signing_secret: str
    events: tuple[str, ...] = ()


@dataclass(frozen=True)
class SecretRotation:
    """A new signing secret (shown this once) and when the replaced one stops being used (None: at once)."""

    signing_secret: str
    previous_expires_at_ms: int | None = None


class SmsClient(Protocol):
    """Sends texts and reads their state. Raises the errors of ``messaging.sms.errors``."""

    label: str

    def send_sms(
        self,
        *,
        sender: str,
        recipient: str,
        body: str,
        idempotency_key: str,
        status_callback_url: str | None = None,
        filter_landlines: bool = True,
    ) -> SendOutcome: ...

    def delivery_report(self, message_ids: list[str]) -> list[DeliveryStatus]: ...

    def notifications(self, *, account: str, page: int = 1, limit: int = 100) -> list[ProviderEvent]:
        """One page of the provider's durable event log (newest first when the provider orders it)."""
        ...


class WebhookFormat(Protocol):
    """How a provider signs and shapes the webhooks it sends us."""

    def parse(self, raw_body: bytes) -> ProviderEvent:
        """The event in the body; raises ``PayloadInvalid`` for anything unreadable."""
        ...

    def parse_record(self, record: Any) -> ProviderEvent:
        """The event of one record of the provider's event log (same shape as a webhook body)."""
        ...

    def verify(self, secrets: Sequence[str], headers: Mapping[str, Any], raw_body: bytes, now_ms: int | None = None):
        """Raise ``SignatureInvalid`` unless one of ``secrets`` signed this body, recently."""
        ...

    def delivery_id(self, headers: Mapping[str, Any]) -> str | None:
        """The id the provider keeps on every retry of one delivery, if it sends one."""
        ...

    def replay_digest(self, headers: Mapping[str, Any], raw_body: bytes) -> str | None:
        """A digest of exactly what is signed (e.g. timestamp and body): a captured request re-sent has the same."""
        ...

    def simulate_inbound(self, from_number: str, to_number: str, text: str, secret: str) -> tuple[dict, bytes]:
        """A signed reply as this provider would post it, as (headers, raw body): for the sandbox and tests."""
        ...


@dataclass(frozen=True)
class ProviderSpec:
    """One SMS provider. ``settings_prefix`` names its platform settings (``<PREFIX>_API_KEY``, ``_BASE_URL``,
    ``_WEBHOOK_SECRET``, ``_GROUP_ID``); ``credential_names`` are what a team may set of its own.
    """

    name: str
    title: str
    make_client: Callable[[Credentials], SmsClient]
    webhook: WebhookFormat | None = None
    credential_names: tuple[str, ...] = ()
    settings_prefix: str = ""
    default_base_url: str = ""
    can_register_webhook: bool = False
    replies_as: str = ""  # a simulated provider: whose webhook format its simulated replies arrive in
