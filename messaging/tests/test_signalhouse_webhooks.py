import hashlib
import hmac
import json

import pytest

from messaging.signalhouse import delivery_id, parse_event, sign, verify, verify_and_parse
from messaging.sms import PayloadInvalid, SignatureInvalid

SECRET = "whsec_test"
NOW_MS = 1_760_000_000_000
DELIVERY = "3f2b8c1e-9a4d-4c6b-8e21-5d7f0a1b2c3d"


def envelope(event="MESSAGE_DELIVERED", identifier="msg_1", meta=None):
    return {
        "timestamp": NOW_MS,
        "event": event,
        "identifier": identifier,
        "metaData": meta if meta is not None else {"_id": identifier, "status": "DELIVERED", "segmentCount": 1},
    }


def signed(body: bytes, timestamp=NOW_MS, secret=SECRET):
    return {
        "X-SignalHouse-Signature": sign(secret, str(timestamp), body),
        "X-SignalHouse-Timestamp": str(timestamp),
        "X-SignalHouse-Delivery-Id": DELIVERY,
    }


def raw(payload) -> bytes:
    return json.dumps(payload).encode()


# -- signing -------------------------------------------------------------------------------------


def test_sign_matches_documented_scheme():
    body = b'{"event":"MESSAGE_DELIVERED"}'
    expected = hmac.new(SECRET.encode(), f"{NOW_MS}.".encode() + body, hashlib.sha256).hexdigest()
    assert sign(SECRET, NOW_MS, body) == expected
    assert sign(SECRET, str(NOW_MS), body.decode()) == expected
    assert expected == expected.lower()
    assert len(expected) == 64


def test_signature_round_trip():
    body = raw(envelope())
    verify(SECRET, signed(body), body, now_ms=NOW_MS)  # does not raise


def test_verify_within_tolerance_both_directions():
    body = raw(envelope())
    verify(SECRET, signed(body), body, now_ms=NOW_MS + 299_000)
    verify(SECRET, signed(body), body, now_ms=NOW_MS - 299_000)


@pytest.mark.parametrize("offset_ms", [301_000, -301_000])
def test_stale_timestamp_rejected(offset_ms):
    body = raw(envelope())
    with pytest.raises(SignatureInvalid) as excinfo:
        verify(SECRET, signed(body), body, now_ms=NOW_MS + offset_ms)
    assert excinfo.value.code == "TOKEN_INVALID"
    assert excinfo.value.reason == "stale_timestamp"


def test_tolerance_is_configurable():
    body = raw(envelope())
    verify(SECRET, signed(body), body, now_ms=NOW_MS + 500_000, tolerance_seconds=600)
    with pytest.raises(SignatureInvalid, match="away from now"):
        verify(SECRET, signed(body), body, now_ms=NOW_MS + 11_000, tolerance_seconds=10)


def test_default_now_is_the_real_clock():
    body = raw(envelope())
    with pytest.raises(SignatureInvalid) as excinfo:
        verify(SECRET, signed(body, timestamp=1_000), body)  # 1970
    assert excinfo.value.reason == "stale_timestamp"


def test_tampered_body_rejected():
    body = raw(envelope())
    headers = signed(body)
    tampered = body.replace(b"DELIVERED", b"FAILED")
    with pytest.raises(SignatureInvalid) as excinfo:
        verify(SECRET, headers, tampered, now_ms=NOW_MS)
    assert excinfo.value.reason == "bad_signature"


def test_body_is_verified_as_raw_bytes_not_reserialized_json():
    body = b'{"event": "MESSAGE_DELIVERED",  "identifier": "msg_1"}'
    headers = signed(body)
    verify(SECRET, headers, body, now_ms=NOW_MS)
    with pytest.raises(SignatureInvalid):
        verify(SECRET, headers, json.dumps(json.loads(body)).encode(), now_ms=NOW_MS)


def test_wrong_secret_rejected():
    body = raw(envelope())
    with pytest.raises(SignatureInvalid) as excinfo:
        verify("other-secret", signed(body), body, now_ms=NOW_MS)
    assert excinfo.value.reason == "bad_signature"


def test_signature_over_other_timestamp_rejected():
    body = raw(envelope())
    headers = signed(body)
    headers["X-SignalHouse-Timestamp"] = str(NOW_MS + 1)
    with pytest.raises(SignatureInvalid) as excinfo:
        verify(SECRET, headers, body, now_ms=NOW_MS)
    assert excinfo.value.reason == "bad_signature"


@pytest.mark.parametrize("missing", ["X-SignalHouse-Signature", "X-SignalHouse-Timestamp"])
def test_missing_header_rejected(missing):
    body = raw(envelope())
    headers = signed(body)
    del headers[missing]
    with pytest.raises(SignatureInvalid, match=missing) as excinfo:
        verify(SECRET, headers, body, now_ms=NOW_MS)
    assert excinfo.value.reason == "missing_header"


def test_empty_signature_header_rejected():
    body = raw(envelope())
    headers = {**signed(body), "X-SignalHouse-Signature": ""}
    with pytest.raises(SignatureInvalid) as excinfo:
        verify(SECRET, headers, body, now_ms=NOW_MS)
    assert excinfo.value.reason == "missing_header"


@pytest.mark.parametrize("timestamp", ["2025-10-09T10:00:00Z", "17600000.5", "-5", "abc"])
def test_non_numeric_timestamp_rejected(timestamp):
    body = raw(envelope())
    headers = signed(body)
    headers["X-SignalHouse-Timestamp"] = timestamp
    headers["X-SignalHouse-Signature"] = sign(SECRET, timestamp, body)
    with pytest.raises(SignatureInvalid) as excinfo:
        verify(SECRET, headers, body, now_ms=NOW_MS)
    assert excinfo.value.reason == "bad_timestamp"


@pytest.mark.parametrize("secret", ["", None, b""])
def test_missing_secret_never_verifies(secret):
    body = raw(envelope())
    with pytest.raises(SignatureInvalid) as excinfo:
        verify(secret, signed(body, secret="x"), body, now_ms=NOW_MS)
    assert excinfo.value.reason == "no_secret"


def test_headers_are_case_insensitive():
    body = raw(envelope())
    lower = {k.lower(): v for k, v in signed(body).items()}
    verify(SECRET, lower, body, now_ms=NOW_MS)
    upper = {k.upper(): v for k, v in signed(body).items()}
    verify(SECRET, upper, body, now_ms=NOW_MS)
    assert delivery_id(lower) == DELIVERY


def test_django_meta_style_headers_are_found():
    body = raw(envelope())
    meta = {"HTTP_" + k.upper().replace("-", "_"): v for k, v in signed(body).items()}
    verify(SECRET, meta, body, now_ms=NOW_MS)
    assert delivery_id(meta) == DELIVERY


def test_uppercase_hex_signature_accepted():
    body = raw(envelope())
    headers = signed(body)
    headers["X-SignalHouse-Signature"] = headers["X-SignalHouse-Signature"].upper()
    verify(SECRET, headers, body, now_ms=NOW_MS)


def test_non_ascii_signature_is_rejected_not_crashing():
    body = raw(envelope())
    headers = {**signed(body), "X-SignalHouse-Signature": "é" * 64}
    with pytest.raises(SignatureInvalid):
        verify(SECRET, headers, body, now_ms=NOW_MS)


# -- parsing -------------------------------------------------------------------------------------


def test_parse_delivered():
    event = parse_event(raw(envelope(meta={"_id": "msg_1", "status": "DELIVERED", "segmentCount": 2})))
    assert event.kind == "delivered"
    assert event.event == "MESSAGE_DELIVERED"
    assert event.identifier == "msg_1"
    assert event.status == "DELIVERED"
    assert event.segments == 2
    assert event.error_code == ""
    assert event.timestamp == str(NOW_MS)
    assert event.delivery_id is None
    assert (event.from_number, event.account) == (None, None)


def test_parse_delivered_reads_whose_account_sent_the_text():
    meta = {"_id": "msg_1", "status": "DELIVERED", "senderPhoneNumber": "15125550100", "groupId": "grp-1"}

    event = parse_event(raw(envelope(meta=meta)))

    assert (event.from_number, event.account) == ("5125550100", "grp-1")


@pytest.mark.parametrize(
    ("error_code", "reason", "expected"),
    [
        ("30006", "Landline or unreachable carrier", "LANDLINE_BLOCKED"),
        ("30005", "Unknown destination handset: invalid number", "INVALID_NUMBER"),
        ("30008", "Unknown error", "PROVIDER_ERROR"),
    ],
)
def test_parse_failed(error_code, reason, expected):
    meta = {"_id": "msg_2", "status": "FAILED", "errorCode": error_code, "successOrFailureReason": reason}
    event = parse_event(raw(envelope("MESSAGE_FAILED", "msg_2", meta)))
    assert event.kind == "failed"
    assert event.status == "FAILED"
    assert event.error_code == expected
    assert event.provider_error_code == error_code
    assert event.reason == reason


def test_failed_without_status_defaults_to_failed_and_id_from_metadata():
    event = parse_event(raw({"event": "MESSAGE_FAILED", "metaData": {"_id": "msg_3"}}))
    assert event.identifier == "msg_3"
    assert event.status == "FAILED"
    assert event.error_code == "PROVIDER_ERROR"


def test_parse_inbound():
    meta = {
        "Message": {
            "direction": "INBOUND",
            "senderPhoneNumber": "15125550143",
            "recipientPhoneNumber": "15125550100",
            "messageBody": "Yes, call me",
        }
    }
    event = parse_event(raw(envelope("MESSAGE_RECEIVED", "in_1", meta)))
    assert event.kind == "inbound"
    assert event.from_number == "5125550143"
    assert event.to_number == "5125550100"
    assert event.text == "Yes, call me"
    assert event.identifier == "in_1"


def test_inbound_receiving_number_fallbacks():
    meta = {
        "recipientPhoneNumber": "+1 (512) 555-0100",
        "Message": {"senderPhoneNumber": "5125550143", "messageBody": "hi"},
    }
    event = parse_event(raw(envelope("MESSAGE_RECEIVED", "in_2", meta)))
    assert event.to_number == "5125550100"

    meta = {"Message": {"senderPhoneNumber": "5125550143", "recipientPhoneNumber": ["15125550101"]}}
    event = parse_event(raw(envelope("MESSAGE_RECEIVED", "in_3", meta)))
    assert event.to_number == "5125550101"
    assert event.text == ""

    meta = {"Message": {"senderPhoneNumber": "5125550143", "messageBody": "hi"}}
    event = parse_event(raw(envelope("MESSAGE_RECEIVED", "in_4", meta)))
    assert event.to_number is None


def test_inbound_non_us_sender_kept_as_given():
    meta = {"Message": {"senderPhoneNumber": "447700900123", "messageBody": "hello"}}
    event = parse_event(raw(envelope("MESSAGE_RECEIVED", "in_5", meta)))
    assert event.from_number == "447700900123"


def test_unknown_event_is_tolerated():
    event = parse_event(raw({"event": "CAMPAIGN_UPDATED", "identifier": "c1"}))
    assert event.kind == "unknown"
    assert event.event == "CAMPAIGN_UPDATED"
    assert event.identifier == "c1"


def test_verify_and_parse_sets_delivery_id():
    body = raw(envelope())
    event = verify_and_parse(SECRET, signed(body), body, now_ms=NOW_MS)
    assert event.delivery_id == DELIVERY
    assert event.kind == "delivered"


def test_verify_and_parse_rejects_before_parsing():
    body = b"not json"
    with pytest.raises(SignatureInvalid):
        verify_and_parse(SECRET, {}, body, now_ms=NOW_MS)


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"not json",
        b"\xff\xfe\x00",
        b"[1, 2]",
        b'"MESSAGE_DELIVERED"',
        b"{}",
        b'{"event": ""}',
        b'{"event": 5, "metaData": {}}',
        b'{"event": "MESSAGE_DELIVERED", "metaData": "x"}',
        b'{"event": "MESSAGE_DELIVERED"}',
        b'{"event": "MESSAGE_DELIVERED", "metaData": {"status": "DELIVERED"}}',
        b'{"event": "MESSAGE_RECEIVED", "metaData": {"Message": "hi"}}',
        b'{"event": "MESSAGE_RECEIVED", "metaData": {"Message": {"messageBody": "no sender"}}}',
    ],
)
def test_malformed_payloads_raise_payload_invalid(body):
    with pytest.raises(PayloadInvalid) as excinfo:
        parse_event(body)
    assert excinfo.value.code == "PAYLOAD_INVALID"
