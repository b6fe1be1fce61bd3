"""Nothing in the webhook path answers 500: a body over 64 KB is 413, unreadable or deeply nested JSON is 400
``PAYLOAD_INVALID``, a bad signature 401, and whatever a signed body holds (NUL characters, lone surrogates, odd
types, huge numbers) is stored cleaned or refused by name."""

import json
import time

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from inbox.models import InboxItem, WebhookEvent
from messaging.models import Message
from messaging.signalhouse import sign
from messaging.tests.factories import sender_number_for

SECRET = "whsec_hostile_0123456789"
OURS = "5125550101"


@pytest.fixture(autouse=True)
def _secret(settings):
    settings.SIGNALHOUSE_WEBHOOK_SECRET = SECRET


@pytest.fixture
def ours(team):
    return sender_number_for(team, OURS)


def _signed(body: bytes, *, delivery_id="d-hostile-1", secret=SECRET) -> dict:
    stamp = str(int(time.time() * 1000))
    return {
        "HTTP_X_SIGNALHOUSE_TIMESTAMP": stamp,
        "HTTP_X_SIGNALHOUSE_SIGNATURE": sign(secret, stamp, body),
        "HTTP_X_SIGNALHOUSE_DELIVERY_ID": delivery_id,
    }


def _post(client, body: bytes, **headers):
    return client.post(reverse("webhook-signalhouse"), data=body, content_type="application/json", **headers)


def _inbound(text="hi", **message) -> dict:
    return {
        "timestamp": 1796144400000,
        "event": "MESSAGE_RECEIVED",
        "identifier": "sh-hostile-1",
        "metaData": {"Message": {"senderPhoneNumber": "12125550150", "recipientPhoneNumber": "1" + OURS,
                                 "messageBody": text, **message}},
    }  # fmt: skip


def test_a_body_over_64_kb_is_413_and_not_read(client, db):
    body = json.dumps(_inbound("x" * (64 * 1024))).encode()

    response = _post(client, body, **_signed(body))

    assert (response.status_code, response.json()["code"]) == (413, "PAYLOAD_TOO_LARGE")
    record = WebhookEvent.objects.get()
    assert (record.status, record.raw_body, record.team_id) == ("rejected", "", None)


def test_a_body_of_exactly_64_kb_is_read(client, ours):
    body = json.dumps(_inbound("x")).encode()
    body = body[:-1] + b" " * (64 * 1024 - len(body)) + b"}"
    assert len(body) == 64 * 1024

    assert _post(client, body, **_signed(body)).status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 30_000 + b"]" * 30_000,  # past the interpreter's recursion limit, within 64 KB
        b'{"a":' * 40 + b"1" + b"}" * 40,  # parseable, but nested far deeper than any event
        json.dumps(
            {"event": "MESSAGE_RECEIVED", "metaData": {"Message": {"x": [[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]}}}
        ).encode(),
        b"\xff\xfe\x00\x00garbage",
        b"\x00" * 100,
        b"",
        b"null",
        b'"MESSAGE_RECEIVED"',
        b"NaN",
        b'{"event": "MESSAGE_RECEIVED", "metaData": {"Message": {"senderPhoneNumber": {"$ne": null}}}}',
        b'{"event": ["MESSAGE_RECEIVED"], "metaData": {}}',
        b'{"event": "MESSAGE_DELIVERED", "identifier": "' + b"a" * 500 + b'", "metaData": {}}',
        b'{"event": "' + b"E" * 500 + b'", "metaData": {}}',
    ],
    ids=[
        "deep-arrays",
        "deep-objects",
        "deep-inside-a-message",
        "not-utf8",
        "nul-bytes",
        "empty",
        "null",
        "a-string",
        "nan",
        "operator-object",
        "event-list",
        "long-identifier",
        "long-event",
    ],  # fmt: skip
)
def test_unreadable_bodies_are_400_payload_invalid_signed_or_not(client, ours, body):
    for headers in (_signed(body), {}):
        response = _post(client, body, **headers)

        assert (response.status_code, response.json()["code"]) == (400, "PAYLOAD_INVALID")
    assert not Message.objects.exists()
    assert WebhookEvent.objects.filter(status="rejected", error_code="PAYLOAD_INVALID").count() == 2


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_X_SIGNALHOUSE_TIMESTAMP": "1" * 40},
        {"HTTP_X_SIGNALHOUSE_TIMESTAMP": "-5"},
        {"HTTP_X_SIGNALHOUSE_TIMESTAMP": "1e12"},
        {"HTTP_X_SIGNALHOUSE_TIMESTAMP": "١٢٣٤"},  # digits, but not ASCII ones
        {"HTTP_X_SIGNALHOUSE_SIGNATURE": "é" * 64},
        {"HTTP_X_SIGNALHOUSE_SIGNATURE": ""},
        {"HTTP_X_SIGNALHOUSE_SIGNATURE": "v1=" + "f" * 64 + "," * 1000},
    ],
)
def test_hostile_signature_headers_are_401(client, ours, headers):
    body = json.dumps(_inbound()).encode()

    response = _post(client, body, **{**_signed(body), **headers})

    assert (response.status_code, response.json()["code"]) == (401, "TOKEN_INVALID")
    assert not Message.objects.exists()


def test_a_delivery_id_that_is_not_an_id_is_400(client, ours):
    body = json.dumps(_inbound()).encode()

    response = _post(client, body, **_signed(body, delivery_id="x" * 500))

    assert (response.status_code, response.json()["code"]) == (400, "PAYLOAD_INVALID")


def test_nul_characters_and_lone_surrogates_in_a_signed_reply_are_stored_cleaned(client, ours, team):
    body = (
        b'{"timestamp": 1796144400000, "event": "MESSAGE_RECEIVED", "identifier": "sh-\\u0000nul", "metaData": '
        b'{"Message": {"senderPhoneNumber": "12125550150", "recipientPhoneNumber": "15125550101", '
        b'"messageBody": "yes\\u0000 please \\ud800 call"}}}'
    )

    response = _post(client, body, **_signed(body))

    assert response.status_code == 200
    item = InboxItem.objects.get(team=team)
    assert item.response_text == "yes please ? call"
    assert item.message.external_id == "sh-nul"
    assert "\x00" not in WebhookEvent.objects.get().raw_body


@pytest.mark.parametrize(
    "message",
    [
        {"senderPhoneNumber": 12125550150},  # a number, not a string
        {"senderPhoneNumber": ["12125550150", "13125550199"]},
        {"messageBody": 12345},
        {"messageBody": {"nested": "object"}},
        {"senderPhoneNumber": "447700900123"},  # a sender outside the US: kept, reaches no contact
        {"senderPhoneNumber": "1" * 400},
        {"recipientPhoneNumber": None},
    ],
)
def test_odd_but_signed_values_never_make_a_500(client, ours, message):
    body = json.dumps(_inbound(**message)).encode()

    response = _post(client, body, **_signed(body))

    assert response.status_code in (200, 400)
    assert WebhookEvent.objects.count() == 1


def test_an_unknown_provider_or_a_get_is_not_a_webhook(client, db):
    assert client.post("/webhooks/twilio/", data=b"{}", content_type="application/json").status_code == 404
    assert client.post("/webhooks/sandbox/", data=b"{}", content_type="application/json").status_code == 404
    assert client.get(reverse("webhook-signalhouse")).status_code == 405


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)
_message = st.fixed_dictionaries(
    {},
    optional={
        "senderPhoneNumber": _json | st.just("12125550150"),
        "recipientPhoneNumber": _json | st.just("15125550101"),
        "messageBody": _json,
    },
)
_meta = st.fixed_dictionaries(
    {},
    optional={"Message": _json | _message, "_id": _json, "status": _json, "segmentCount": _json, "errorCode": _json},
)
_fields = st.fixed_dictionaries(
    {"event": st.sampled_from(["MESSAGE_RECEIVED", "MESSAGE_DELIVERED", "MESSAGE_FAILED", "OTHER"]) | _json},
    optional={"identifier": _json, "timestamp": _json, "metaData": _json | _meta},
)


@pytest.mark.django_db
@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(envelope=_fields)
def test_no_signed_body_of_any_shape_makes_a_500(client, envelope):
    from messaging.models import SenderNumber
    from usdatabiz.core.tests.factories import TeamFactory

    if not SenderNumber.objects.filter(number=OURS).exists():
        sender_number_for(TeamFactory(slug="fuzz", name="Fuzz"), OURS)
    body = json.dumps(envelope).encode()

    response = _post(client, body, **_signed(body, delivery_id=f"d-{hash(body) & 0xFFFFFF:x}"))

    assert response.status_code in (200, 400), response.content[:300]
