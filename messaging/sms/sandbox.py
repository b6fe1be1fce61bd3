"""Deterministic offline SMS provider (demos and tests): simulated sends and delivery reports."""

from __future__ import annotations

import dataclasses
import hashlib

from .errors import IdempotencyConflict, OutcomeUnknown, ProviderError, RateLimited
from .numbers import us_number
from .protocol import ProviderSpec
from .results import INVALID_NUMBER, LANDLINE_BLOCKED, DeliveryStatus, ProviderEvent, SendOutcome

FAILURES = ("rate_limit", "timeout", "provider_error")
ID_PREFIX = "sbx_"
# The secret the sandbox signs its simulated webhooks with. It is public: it verifies only while SMS_PROVIDER is
# "sandbox" (see ``messaging.sms.registry.webhook_secrets``).
SANDBOX_WEBHOOK_SECRET = "sandbox-signing-secret"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def sandbox_message_id(idempotency_key: str) -> str:
    """The id the sandbox gives a send: a pure function of its idempotency key."""
    return ID_PREFIX + _sha(f"send|{idempotency_key}")[:24]


def sandbox_delivery_fails(external_id: str) -> bool:
    """One id in twenty fails on delivery ("carrier rejected"), decided by the id alone."""
    return int(_sha(external_id), 16) % 20 == 0


class SandboxSms:
    """An ``SmsClient`` whose outcome depends only on the recipient number.

    Last two digits 00-04: landline, filtered (``LANDLINE_BLOCKED``); 05-07: invalid (``INVALID_NUMBER``);
    anything else is accepted with an id derived from the idempotency key. Replays and key conflicts are
    remembered per instance. ``delivery_report`` needs no memory: it reads the outcome from the id, so a new
    instance (another worker) gives the same answer.
    """

    label = "sandbox"

    def __init__(self, fail_every: int = 0, failure: str = "rate_limit") -> None:
        if fail_every < 0:
            raise ValueError("fail_every must be >= 0")
        if failure not in FAILURES:
            raise ValueError(f"failure must be one of {FAILURES}")
        self.fail_every = fail_every
        self.failure = failure
        self.calls = 0
        self._sent: dict[str, tuple[tuple, SendOutcome]] = {}

    def __repr__(self) -> str:
        return f"SandboxSms(fail_every={self.fail_every}, failure={self.failure!r})"

    def send_sms(
        self,
        *,
        sender: str,
        recipient: str,
        body: str,
        idempotency_key: str,
        status_callback_url: str | None = None,
        filter_landlines: bool = True,
    ) -> SendOutcome:
        sender_digits = us_number(sender)
        recipient_digits = us_number(recipient)
        if not isinstance(body, str) or not body.strip():
            raise ValueError("message body must be a non-empty string")
        if not isinstance(idempotency_key, str) or not idempotency_key.strip():
            raise ValueError("idempotency_key is required")
        key = idempotency_key.strip()
        fingerprint = (sender_digits, recipient_digits, body, status_callback_url or None, bool(filter_landlines))

        inject = self._tick()
        if inject == "rate_limit":
            raise RateLimited("sandbox: injected rate limit", retry_after=1.0)
        if inject == "provider_error":
            raise ProviderError("sandbox: injected provider error", status=503)

        previous = self._sent.get(key)
        if previous is not None:
            if previous[0] != fingerprint:
                raise IdempotencyConflict("sandbox: idempotency key reused with a different body")
            outcome = dataclasses.replace(previous[1], replayed=True, raw=dict(previous[1].raw))
        else:
            outcome = self._decide(recipient_digits, key)
            self._sent[key] = (fingerprint, outcome)
        if inject == "timeout":
            # Like a real timeout: the send went through, but the caller cannot know. A retry with the same key
            # on this instance is reported as a replay.
            raise OutcomeUnknown("sandbox: injected timeout")
        return outcome

    def delivery_report(self, message_ids: list[str]) -> list[DeliveryStatus]:
        if isinstance(message_ids, (str, bytes)) or not isinstance(message_ids, (list, tuple)):
            raise ValueError("message_ids must be a list of ids")
        if any(not isinstance(value, str) or not value.strip() for value in message_ids):
            raise ValueError("message ids must be non-empty strings")
        inject = self._tick()
        if inject == "rate_limit":
            raise RateLimited("sandbox: injected rate limit", retry_after=1.0)
        if inject in ("timeout", "provider_error"):
            raise ProviderError(f"sandbox: injected {inject}")
        results: list[DeliveryStatus] = []
        seen: set[str] = set()
        for value in message_ids:
            external_id = value.strip()
            if external_id in seen or not external_id.startswith(ID_PREFIX):
                continue  # like the provider, ids it never issued are left out
            seen.add(external_id)
            if sandbox_delivery_fails(external_id):
                results.append(
                    DeliveryStatus(external_id, "FAILED", "PROVIDER_ERROR", "carrier rejected", 1, "SANDBOX_CARRIER")
                )
            else:
                results.append(DeliveryStatus(external_id, "DELIVERED", "", "delivered", 1))
        return results

    def notifications(self, *, account: str, page: int = 1, limit: int = 100) -> list[ProviderEvent]:
        """The sandbox keeps no event log: its replies arrive as signed webhooks only."""
        return []

    # -- internals --------------------------------------------------------------------------------

    def _tick(self) -> str | None:
        self.calls += 1
        if self.fail_every and self.calls % self.fail_every == 0:
            return self.failure
        return None

    @staticmethod
    def _decide(recipient: str, key: str) -> SendOutcome:
        tail = int(recipient[-2:])
        raw: dict = {"sandbox": True, "recipient": recipient}
        if tail <= 4:
            return SendOutcome(None, "FAILED", False, LANDLINE_BLOCKED, False, raw, "landline", "LANDLINE")
        if 5 <= tail <= 7:
            return SendOutcome(None, "FAILED", False, INVALID_NUMBER, False, raw, "invalid number", "INVALID")
        external_id = sandbox_message_id(key)
        return SendOutcome(external_id, "ENQUEUED", True, "", False, {**raw, "id": external_id})


PROVIDER = ProviderSpec(
    name="sandbox",
    title="Sandbox (simulated sends, delivery reports and replies)",
    make_client=lambda credentials: SandboxSms(),
    replies_as="signalhouse",
)
