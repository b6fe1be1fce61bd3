"""A second SMS provider as a package would add one (for the seam's tests): its client, its webhook format and
its ``PROVIDER`` spec. Its webhooks are JSON ``{"kind", "id", "from", "to", "text"}`` signed in ``X-Fake-Signature``
with an HMAC of the body."""

import hashlib
import hmac
import json

from messaging.sms import PayloadInvalid, ProviderEvent, ProviderSpec, SendOutcome, SignatureInvalid, ten_digits
from messaging.sms.payloads import clean_text, load_json

SENT: list[dict] = []


class FakeClient:
    label = "fakesms"

    def __init__(self, credentials):
        self.api_key = credentials.api_key

    def send_sms(self, *, sender, recipient, body, idempotency_key, status_callback_url=None, filter_landlines=True):
        SENT.append({"from": sender, "to": recipient, "key": self.api_key})
        return SendOutcome("fake-" + hashlib.sha256(idempotency_key.encode()).hexdigest()[:20], "QUEUED", True)

    def delivery_report(self, message_ids):
        return []

    def notifications(self, *, account, page=1, limit=100):
        return []


def fake_sign(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class FakeWebhooks:
    def parse(self, raw_body):
        return self.parse_record(load_json(raw_body))

    def parse_record(self, record):
        if not isinstance(record, dict) or record.get("kind") != "inbound":
            raise PayloadInvalid("not an inbound event")
        return ProviderEvent(
            event="INBOUND", kind="inbound", identifier=clean_text(record.get("id"), 64) or None,
            from_number=ten_digits(record.get("from")), to_number=ten_digits(record.get("to")),
            text=clean_text(record.get("text"), 1000), raw=record,
        )  # fmt: skip

    def verify(self, secrets, headers, raw_body, now_ms=None):
        given = headers.get("X-Fake-Signature", "")
        if not any(hmac.compare_digest(fake_sign(s, raw_body), given) for s in secrets if s):
            raise SignatureInvalid("bad_signature", "not signed by fakesms")

    def delivery_id(self, headers):
        return headers.get("X-Fake-Delivery") or None

    def replay_digest(self, headers, raw_body):
        return hashlib.sha256(raw_body).hexdigest()

    def simulate_inbound(self, from_number, to_number, text, secret):
        body = json.dumps({"kind": "inbound", "from": from_number, "to": to_number, "text": text}).encode()
        return {"X-Fake-Signature": fake_sign(secret, body)}, body


PROVIDER = ProviderSpec(
    name="fakesms",
    title="Fake SMS",
    make_client=FakeClient,
    webhook=FakeWebhooks(),
    credential_names=("api_key", "webhook_secret"),
    settings_prefix="FAKESMS",
)
