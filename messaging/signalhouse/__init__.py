"""SignalHouse SMS: its REST client, its reply and webhook formats, and signed webhooks for the sandbox."""

from ..sms.protocol import Credentials, ProviderSpec
from .adapter import map_failure, normalize_us_number, parse_delivery_doc, parse_send_reply
from .client import DEFAULT_BASE_URL, REPORT_MAX_IDS, STAGING_BASE_URL, WEBHOOK_EVENTS, SignalHouseClient
from .simulate import sandbox_delivery_event, sandbox_inbound_event
from .webhooks import (
    DELIVERY_ID_HEADER,
    SIGNATURE_HEADER,
    SIGNATURE_V1_HEADER,
    TIMESTAMP_HEADER,
    SignalHouseWebhooks,
    delivery_id,
    parse_event,
    parse_record,
    replay_digest,
    sign,
    verify,
    verify_and_parse,
)


def _client(credentials: Credentials) -> SignalHouseClient:
    return SignalHouseClient(api_key=credentials.api_key, base_url=credentials.base_url or DEFAULT_BASE_URL)


PROVIDER = ProviderSpec(
    name="signalhouse",
    title="SignalHouse",
    make_client=_client,
    webhook=SignalHouseWebhooks(),
    credential_names=("api_key", "webhook_secret"),
    settings_prefix="SIGNALHOUSE",
    default_base_url=DEFAULT_BASE_URL,
    can_register_webhook=True,
)

__all__ = [
    "DEFAULT_BASE_URL",
    "DELIVERY_ID_HEADER",
    "PROVIDER",
    "REPORT_MAX_IDS",
    "SIGNATURE_HEADER",
    "SIGNATURE_V1_HEADER",
    "STAGING_BASE_URL",
    "TIMESTAMP_HEADER",
    "WEBHOOK_EVENTS",
    "SignalHouseClient",
    "SignalHouseWebhooks",
    "delivery_id",
    "map_failure",
    "normalize_us_number",
    "parse_delivery_doc",
    "parse_event",
    "parse_record",
    "parse_send_reply",
    "replay_digest",
    "sandbox_delivery_event",
    "sandbox_inbound_event",
    "sign",
    "verify",
    "verify_and_parse",
]
