import json

import pytest
import requests
import responses

from messaging.signalhouse import DEFAULT_BASE_URL, SignalHouseClient, map_failure, normalize_us_number
from messaging.sms import (
    AuthFailed,
    ConfigError,
    IdempotencyConflict,
    InvalidNumber,
    OutcomeUnknown,
    ProviderError,
    RateLimited,
    SandboxSms,
    SmsError,
)
from messaging.sms import sms_client as get_sms_provider

BASE = "https://sh.test.example"
SEND = f"{BASE}/message/sms"
REPORT = f"{BASE}/message/delivery-report"
SENDER = "15125550100"
TO = "15125550143"


class FakeSleep:
    def __init__(self):
        self.delays = []

    def __call__(self, seconds):
        self.delays.append(seconds)


@pytest.fixture
def sleep():
    return FakeSleep()


@pytest.fixture
def client(sleep):
    return SignalHouseClient(api_key="sk-test-secret", base_url=BASE, sleep=sleep, rng=lambda: 0.0)


def send(client, **overrides):
    kwargs = {"sender": SENDER, "recipient": TO, "body": "Hi Ana", "idempotency_key": "msg-1"}
    kwargs.update(overrides)
    return client.send_sms(**kwargs)


def accepted_reply(message_id="msg_abc", status="ENQUEUED", number=TO):
    return {
        "insertedMessages": [{"_id": message_id, "status": status, "errorCode": None, "recipientPhoneNumber": number}],
        "requestedRecipientCount": 1,
        "enqueuedCount": 1,
        "failedCount": 0,
        "dncBlockedNumbers": [],
    }


def sent_bodies():
    return [json.loads(call.request.body) for call in responses.calls]


def sent_keys():
    return [call.request.headers.get("Idempotency-Key") for call in responses.calls]


# -- number normalization ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["5125550143", "15125550143", "+15125550143", "(512) 555-0143", "512.555.0143", "+1 512-555-0143", 5125550143],
)
def test_normalize_us_number_variants(value):
    assert normalize_us_number(value) == "15125550143"


@pytest.mark.parametrize(
    "value",
    [
        "",
        "555-0143",  # too short
        "25125550143",  # 11 digits not starting with 1
        "+44 20 7946 0958",  # UK
        "+52 55 1234 5678",  # Mexico
        "416-555-0143",  # Canada shares +1 but is not US
        "876-555-0143",  # Jamaica
        "012-555-0143",  # area code cannot start with 0
        "512-555-0143 ext 9",
        "512-CALL-NOW",
        None,
        True,
        5.5,
    ],
)
def test_normalize_us_number_rejects(value):
    with pytest.raises(ValueError, match="number"):
        normalize_us_number(value)


@pytest.mark.parametrize(
    ("overrides", "match"),
    [
        ({"recipient": "+44 20 7946 0958"}, "not a US number"),
        ({"recipient": "555-0143"}, "10 digits"),
        ({"sender": "not a number"}, "not a phone number"),
        ({"body": ""}, "body"),
        ({"body": "   "}, "body"),
        ({"idempotency_key": ""}, "idempotency_key"),
    ],
)
@responses.activate
def test_bad_input_raises_value_error_before_any_http(client, overrides, match):
    responses.add(responses.POST, SEND, status=201, json=accepted_reply())
    with pytest.raises(ValueError, match=match):
        send(client, **overrides)
    assert len(responses.calls) == 0


@pytest.mark.parametrize(
    ("status", "error_code", "reason", "expected"),
    [
        ("OUT", None, None, "OPTED_OUT"),
        ("FAILED", "LANDLINE_FILTERED", None, "LANDLINE_BLOCKED"),
        ("FAILED", None, "Invalid number", "INVALID_NUMBER"),
        ("FAILED", None, "Recipient has opted out", "OPTED_OUT"),
        ("FAILED", None, "Number is on the DNC list", "DNC_BLOCKED"),
        ("FAILED", "500", "Internal", "PROVIDER_ERROR"),
        ("FAILED", None, None, "PROVIDER_ERROR"),
    ],
)
def test_map_failure(status, error_code, reason, expected):
    assert map_failure(status, error_code, reason) == expected


# -- happy path ----------------------------------------------------------------------------------


@responses.activate
def test_send_builds_documented_request(client):
    responses.add(responses.POST, SEND, status=201, json=accepted_reply())
    outcome = send(
        client,
        sender="(512) 555-0100",
        recipient="512.555.0143",
        status_callback_url="https://app.example/hooks/sms",
    )
    assert outcome.accepted is True
    assert outcome.external_id == "msg_abc"
    assert outcome.status == "ENQUEUED"
    assert outcome.error_code == ""
    assert outcome.replayed is False
    assert outcome.raw["enqueuedCount"] == 1

    request = responses.calls[0].request
    assert request.headers["Authorization"] == "Bearer sk-test-secret"
    assert request.headers["Idempotency-Key"] == "msg-1"
    assert json.loads(request.body) == {
        "senderPhoneNumber": SENDER,
        "recipientPhoneNumber": [TO],
        "messageBody": "Hi Ana",
        "statusCallbackUrl": "https://app.example/hooks/sms",
        "filterLandlinesAndInactiveNumbers": True,
    }


@responses.activate
def test_send_without_callback_omits_it_and_can_disable_filter(client):
    responses.add(responses.POST, SEND, status=201, json=accepted_reply())
    send(client, filter_landlines=False)
    body = sent_bodies()[0]
    assert "statusCallbackUrl" not in body
    assert body["filterLandlinesAndInactiveNumbers"] is False


@responses.activate
def test_replay_header_detected(client):
    responses.add(responses.POST, SEND, status=201, json=accepted_reply(), headers={"Idempotent-Replayed": "true"})
    outcome = send(client)
    assert outcome.replayed is True
    assert outcome.accepted is True
    assert outcome.external_id == "msg_abc"


# -- 201 that is not an acceptance -----------------------------------------------------------------


@responses.activate
def test_201_with_enqueued_count_zero_is_not_accepted(client):
    reply = accepted_reply()
    reply["enqueuedCount"] = 0
    reply["failedCount"] = 1
    responses.add(responses.POST, SEND, status=201, json=reply)
    outcome = send(client)
    assert outcome.accepted is False
    assert outcome.error_code == "PROVIDER_ERROR"


@responses.activate
def test_opted_out_row_maps_to_opted_out(client):
    responses.add(responses.POST, SEND, status=201, json={**accepted_reply(status="OUT"), "enqueuedCount": 0})
    outcome = send(client)
    assert outcome.accepted is False
    assert outcome.status == "OUT"
    assert outcome.error_code == "OPTED_OUT"


@responses.activate
def test_out_row_is_refused_even_if_enqueued_count_says_one(client):
    responses.add(responses.POST, SEND, status=201, json=accepted_reply(status="OUT"))
    outcome = send(client)
    assert outcome.accepted is False
    assert outcome.error_code == "OPTED_OUT"


@responses.activate
def test_dnc_blocked_number_has_no_message_record(client):
    reply = {
        "insertedMessages": [],
        "requestedRecipientCount": 1,
        "enqueuedCount": 0,
        "failedCount": 0,
        "dncBlockedNumbers": [TO],
    }
    responses.add(responses.POST, SEND, status=201, json=reply)
    outcome = send(client, recipient="512-555-0143")
    assert outcome.accepted is False
    assert outcome.external_id is None
    assert outcome.error_code == "DNC_BLOCKED"


@pytest.mark.parametrize(
    ("error_code", "reason", "expected"),
    [
        ("LANDLINE", "Number is a landline", "LANDLINE_BLOCKED"),
        (None, "Filtered: landline number", "LANDLINE_BLOCKED"),
        ("E400", "Invalid phone number", "INVALID_NUMBER"),
        (None, "Number is inactive", "INVALID_NUMBER"),
        ("E500", "carrier error", "PROVIDER_ERROR"),
        (None, None, "PROVIDER_ERROR"),
    ],
)
@responses.activate
def test_failed_row_error_mapping(client, error_code, reason, expected):
    row = {"_id": "msg_x", "status": "FAILED", "errorCode": error_code, "successOrFailureReason": reason}
    reply = {"insertedMessages": [row], "enqueuedCount": 0, "failedCount": 1, "dncBlockedNumbers": []}
    responses.add(responses.POST, SEND, status=201, json=reply)
    outcome = send(client)
    assert outcome.accepted is False
    assert outcome.status == "FAILED"
    assert outcome.external_id == "msg_x"
    assert outcome.error_code == expected


@responses.activate
def test_201_with_no_rows_and_no_dnc_is_not_accepted(client):
    responses.add(responses.POST, SEND, status=201, json={"insertedMessages": [], "enqueuedCount": 0})
    outcome = send(client)
    assert outcome.accepted is False
    assert outcome.error_code == "PROVIDER_ERROR"


@responses.activate
def test_201_unreadable_body_is_outcome_unknown_not_resent(client, sleep):
    responses.add(responses.POST, SEND, status=201, body="<html>ok</html>")
    with pytest.raises(OutcomeUnknown) as excinfo:
        send(client)
    assert excinfo.value.code == "OUTCOME_UNKNOWN"
    assert len(responses.calls) == 1
    assert sleep.delays == []


# -- errors and retries --------------------------------------------------------------------------


@pytest.mark.parametrize("status", [401, 403])
@responses.activate
def test_auth_failure_is_not_retried(client, sleep, status):
    responses.add(responses.POST, SEND, status=status, json={"message": "Unauthorized"})
    with pytest.raises(AuthFailed) as excinfo:
        send(client)
    assert excinfo.value.code == "CONFIG_ERROR"
    assert excinfo.value.status == status
    assert len(responses.calls) == 1
    assert sleep.delays == []
    assert "sk-test-secret" not in str(excinfo.value)


@pytest.mark.parametrize(
    "message",
    ["recipientPhoneNumber must contain digits only", "Invalid phone number", "number is not valid"],
)
@responses.activate
def test_400_about_the_number_is_invalid_number(client, sleep, message):
    responses.add(responses.POST, SEND, status=400, json={"message": message})
    with pytest.raises(InvalidNumber) as excinfo:
        send(client)
    assert excinfo.value.code == "INVALID_NUMBER"
    assert excinfo.value.status == 400
    assert len(responses.calls) == 1
    assert sleep.delays == []


@pytest.mark.parametrize(
    "body",
    [{"message": "messageBody is required"}, {"message": "senderPhoneNumber is not assigned to this account"}],
)
@responses.activate
def test_other_400_is_provider_error(client, body):
    responses.add(responses.POST, SEND, status=400, json=body)
    with pytest.raises(ProviderError) as excinfo:
        send(client)
    assert excinfo.value.code == "PROVIDER_ERROR"
    assert not isinstance(excinfo.value, InvalidNumber)
    assert len(responses.calls) == 1


@responses.activate
def test_404_is_provider_error_without_retry(client):
    responses.add(responses.POST, SEND, status=404, json={"message": "Not Found"})
    with pytest.raises(ProviderError, match="Not Found"):
        send(client)
    assert len(responses.calls) == 1


@responses.activate
def test_422_is_idempotency_conflict(client, sleep):
    responses.add(responses.POST, SEND, status=422, json={"message": "Idempotency key reused with a different body"})
    with pytest.raises(IdempotencyConflict) as excinfo:
        send(client)
    assert excinfo.value.code == "IDEMPOTENCY_CONFLICT"
    assert excinfo.value.status == 422
    assert len(responses.calls) == 1
    assert sleep.delays == []


@responses.activate
def test_5xx_retried_with_same_key_then_success(client, sleep):
    responses.add(responses.POST, SEND, status=502)
    responses.add(responses.POST, SEND, status=503)
    responses.add(responses.POST, SEND, status=201, json=accepted_reply())
    outcome = send(client, idempotency_key="key-42")
    assert outcome.accepted is True
    assert len(responses.calls) == 3
    assert sent_keys() == ["key-42"] * 3
    assert sent_bodies()[0] == sent_bodies()[1] == sent_bodies()[2]
    assert sleep.delays == [0.5, 1.0]


@responses.activate
def test_5xx_exhausted_is_provider_error(client, sleep):
    responses.add(responses.POST, SEND, status=500, json={"message": "boom"})
    with pytest.raises(ProviderError) as excinfo:
        send(client)
    assert excinfo.value.status == 500
    assert len(responses.calls) == 4  # first try + max_retries (3)
    assert sleep.delays == [0.5, 1.0, 2.0]


@pytest.mark.parametrize("status", [502, 504])
@responses.activate
def test_a_gateway_5xx_exhausted_on_a_send_is_outcome_unknown(client, sleep, status):
    # a gateway that could not get the provider's answer: the text may have been taken
    responses.add(responses.POST, SEND, status=status, body="<html>Bad gateway</html>")
    with pytest.raises(OutcomeUnknown) as excinfo:
        send(client, idempotency_key="key-gw")
    assert (excinfo.value.code, excinfo.value.status) == ("OUTCOME_UNKNOWN", status)
    assert len(responses.calls) == 4
    assert sent_keys() == ["key-gw"] * 4


@responses.activate
def test_a_503_exhausted_is_a_provider_error(client, sleep):
    # "unavailable" says the request was not handled: the text did not leave
    responses.add(responses.POST, SEND, status=503)
    with pytest.raises(ProviderError) as excinfo:
        send(client)
    assert not isinstance(excinfo.value, OutcomeUnknown)
    assert excinfo.value.status == 503


@responses.activate
def test_a_gateway_5xx_then_503s_is_still_outcome_unknown(client, sleep):
    responses.add(responses.POST, SEND, status=504)
    responses.add(responses.POST, SEND, status=503)
    with pytest.raises(OutcomeUnknown):
        send(client)


@responses.activate
def test_timeout_retried_with_same_key_then_success(client, sleep):
    responses.add(responses.POST, SEND, body=requests.exceptions.ReadTimeout())
    responses.add(responses.POST, SEND, status=201, json=accepted_reply(), headers={"Idempotent-Replayed": "true"})
    outcome = send(client, idempotency_key="key-7")
    assert outcome.accepted is True
    assert outcome.replayed is True
    assert sent_keys() == ["key-7", "key-7"]
    assert sleep.delays == [0.5]


@pytest.mark.parametrize(
    "exc", [requests.exceptions.ReadTimeout(), requests.exceptions.ConnectionError("reset by peer")]
)
@responses.activate
def test_timeout_or_connection_error_exhausted_is_outcome_unknown(client, sleep, exc):
    responses.add(responses.POST, SEND, body=exc)
    with pytest.raises(OutcomeUnknown) as excinfo:
        send(client, idempotency_key="key-9")
    assert excinfo.value.code == "OUTCOME_UNKNOWN"
    assert len(responses.calls) == 4
    assert sent_keys() == ["key-9"] * 4
    assert sleep.delays == [0.5, 1.0, 2.0]


@responses.activate
def test_connect_timeouts_only_never_reached_provider(client, sleep):
    responses.add(responses.POST, SEND, body=requests.exceptions.ConnectTimeout())
    with pytest.raises(ProviderError) as excinfo:
        send(client)
    assert not isinstance(excinfo.value, OutcomeUnknown)
    assert len(responses.calls) == 4


@responses.activate
def test_5xx_after_an_earlier_timeout_is_outcome_unknown(client):
    responses.add(responses.POST, SEND, body=requests.exceptions.ReadTimeout())
    responses.add(responses.POST, SEND, status=502)
    with pytest.raises(OutcomeUnknown):
        send(client)
    assert len(responses.calls) == 4


@responses.activate
def test_429_retry_after_honoured_then_success(client, sleep):
    responses.add(responses.POST, SEND, status=429, headers={"Retry-After": "3"}, json={"message": "slow down"})
    responses.add(responses.POST, SEND, status=201, json=accepted_reply())
    assert send(client).accepted is True
    assert sleep.delays == [3.0]
    assert len(responses.calls) == 2
    assert sent_keys() == ["msg-1", "msg-1"]


@responses.activate
def test_429_without_header_uses_exponential_backoff_then_rate_limited(client, sleep):
    responses.add(responses.POST, SEND, status=429, json={"message": "Too Many Requests"})
    with pytest.raises(RateLimited) as excinfo:
        send(client)
    assert excinfo.value.code == "RATE_LIMIT"
    assert excinfo.value.retry_after is None
    assert len(responses.calls) == 4
    assert sleep.delays == [0.5, 1.0, 2.0]


@responses.activate
def test_429_retry_after_above_cap_gives_up_at_once(client, sleep):
    responses.add(responses.POST, SEND, status=429, headers={"Retry-After": "600"})
    with pytest.raises(RateLimited) as excinfo:
        send(client)
    assert excinfo.value.retry_after == 600.0
    assert len(responses.calls) == 1
    assert sleep.delays == []


@responses.activate
def test_backoff_jitter_comes_from_rng(sleep):
    client = SignalHouseClient("k", base_url=BASE, sleep=sleep, rng=lambda: 1.0)
    responses.add(responses.POST, SEND, status=503)
    responses.add(responses.POST, SEND, status=503)
    responses.add(responses.POST, SEND, status=201, json=accepted_reply())
    send(client)
    assert sleep.delays == [0.75, 1.5]


@responses.activate
def test_409_in_flight_honours_retry_after_then_replay(client, sleep):
    responses.add(responses.POST, SEND, status=409, headers={"Retry-After": "2"}, json={"message": "in progress"})
    responses.add(responses.POST, SEND, status=201, json=accepted_reply(), headers={"Idempotent-Replayed": "true"})
    outcome = send(client, idempotency_key="key-409")
    assert outcome.accepted is True
    assert outcome.replayed is True
    assert sleep.delays == [2.0]
    assert sent_keys() == ["key-409", "key-409"]


@responses.activate
def test_409_exhausted_is_outcome_unknown(client, sleep):
    responses.add(responses.POST, SEND, status=409, headers={"Retry-After": "1"})
    with pytest.raises(OutcomeUnknown) as excinfo:
        send(client)
    assert excinfo.value.status == 409
    assert excinfo.value.retry_after == 1.0
    assert len(responses.calls) == 4
    assert sleep.delays == [1.0, 1.0, 1.0]


def test_zero_retries_means_a_single_attempt(sleep):
    client = SignalHouseClient("k", base_url=BASE, sleep=sleep, max_retries=0)
    with responses.RequestsMock() as mock:
        mock.add(responses.POST, SEND, body=requests.exceptions.ReadTimeout())
        with pytest.raises(OutcomeUnknown):
            send(client)
        assert len(mock.calls) == 1
    assert sleep.delays == []


# -- delivery report -----------------------------------------------------------------------------


def doc(message_id, status="DELIVERED", **extra):
    return {"_id": message_id, "status": status, "segmentCount": 1, **extra}


@responses.activate
def test_delivery_report_parses_documents(client):
    responses.add(
        responses.POST,
        REPORT,
        json={
            "data": [
                doc("m1", segmentCount=2),
                doc("m2", "FAILED", errorCode="30006", successOrFailureReason="Landline or unreachable carrier"),
                doc("m3", "SENT"),
                {"status": "DELIVERED"},  # no id: skipped
            ]
        },
    )
    statuses = client.delivery_report(["m1", "m2", "m3"])
    assert json.loads(responses.calls[0].request.body) == {"messageIds": ["m1", "m2", "m3"]}
    assert responses.calls[0].request.headers["Authorization"] == "Bearer sk-test-secret"
    assert "Idempotency-Key" not in responses.calls[0].request.headers
    assert [(s.external_id, s.status, s.error_code, s.segments) for s in statuses] == [
        ("m1", "DELIVERED", "", 2),
        ("m2", "FAILED", "LANDLINE_BLOCKED", 1),
        ("m3", "SENT", "", 1),
    ]
    assert statuses[1].reason == "Landline or unreachable carrier"
    assert statuses[1].provider_error_code == "30006"


@responses.activate
def test_delivery_report_accepts_top_level_list(client):
    responses.add(responses.POST, REPORT, json=[doc("m1"), doc("m2", "FAILED", successOrFailureReason="blocked")])
    statuses = client.delivery_report(["m1", "m2"])
    assert [(s.external_id, s.error_code) for s in statuses] == [("m1", ""), ("m2", "PROVIDER_ERROR")]


@responses.activate
def test_delivery_report_chunks_at_100(client):
    ids = [f"m{i}" for i in range(250)]

    def reply(request):
        asked = json.loads(request.body)["messageIds"]
        return 200, {}, json.dumps({"data": [doc(i) for i in asked]})

    responses.add_callback(responses.POST, REPORT, callback=reply)
    statuses = client.delivery_report(ids)
    assert [len(b["messageIds"]) for b in sent_bodies()] == [100, 100, 50]
    assert [s.external_id for s in statuses] == ids


@responses.activate
def test_delivery_report_exactly_100_is_one_call_and_empty_is_none(client):
    responses.add(responses.POST, REPORT, json={"data": []})
    client.delivery_report([f"m{i}" for i in range(100)])
    assert len(responses.calls) == 1
    assert client.delivery_report([]) == []
    assert len(responses.calls) == 1


@responses.activate
def test_delivery_report_dedupes_ids(client):
    responses.add(responses.POST, REPORT, json={"data": []})
    client.delivery_report(["m1", "m1", " m2 "])
    assert sent_bodies()[0] == {"messageIds": ["m1", "m2"]}


@pytest.mark.parametrize("bad", ["m1", [None], [""], None])
def test_delivery_report_rejects_bad_ids(client, bad):
    with pytest.raises(ValueError, match="ids"):
        client.delivery_report(bad)


@responses.activate
def test_delivery_report_bad_shape_is_provider_error(client):
    responses.add(responses.POST, REPORT, json={"data": "nope"})
    with pytest.raises(ProviderError):
        client.delivery_report(["m1"])


@responses.activate
def test_delivery_report_timeouts_are_provider_errors_not_outcome_unknown(client, sleep):
    responses.add(responses.POST, REPORT, body=requests.exceptions.ReadTimeout())
    with pytest.raises(ProviderError) as excinfo:
        client.delivery_report(["m1"])
    assert not isinstance(excinfo.value, OutcomeUnknown)
    assert len(responses.calls) == 4
    assert sleep.delays == [0.5, 1.0, 2.0]


@responses.activate
def test_delivery_report_429_then_success(client, sleep):
    responses.add(responses.POST, REPORT, status=429, headers={"Retry-After": "5"})
    responses.add(responses.POST, REPORT, json={"data": [doc("m1")]})
    assert [s.status for s in client.delivery_report(["m1"])] == ["DELIVERED"]
    assert sleep.delays == [5.0]


# -- configuration -------------------------------------------------------------------------------


def test_api_key_is_not_in_repr():
    client = SignalHouseClient("sk-very-secret")
    assert "sk-very-secret" not in repr(client)
    assert client.base_url == DEFAULT_BASE_URL
    assert client.label == "signalhouse"


def test_missing_api_key_is_config_error():
    with pytest.raises(AuthFailed) as excinfo:
        SignalHouseClient("")
    assert excinfo.value.code == "CONFIG_ERROR"


def test_errors_share_base_and_codes():
    for error, code in [
        (ProviderError(), "PROVIDER_ERROR"),
        (RateLimited(), "RATE_LIMIT"),
        (InvalidNumber(), "INVALID_NUMBER"),
        (AuthFailed(), "CONFIG_ERROR"),
        (IdempotencyConflict(), "IDEMPOTENCY_CONFLICT"),
        (OutcomeUnknown(), "OUTCOME_UNKNOWN"),
    ]:
        assert isinstance(error, SmsError)
        assert error.code == code
        assert str(error).startswith(code)


def test_provider_defaults_to_sandbox(settings):
    if hasattr(settings, "SMS_PROVIDER"):
        del settings.SMS_PROVIDER
    provider = get_sms_provider()
    assert isinstance(provider, SandboxSms)
    assert provider.label == "sandbox"


def test_provider_signalhouse(settings):
    settings.SMS_PROVIDER = "SignalHouse"
    settings.SIGNALHOUSE_API_KEY = "abc"
    settings.SIGNALHOUSE_BASE_URL = "https://v2staging.signalhouse.io/"
    provider = get_sms_provider()
    assert isinstance(provider, SignalHouseClient)
    assert provider.base_url == "https://v2staging.signalhouse.io"


def test_provider_signalhouse_default_url(settings):
    settings.SMS_PROVIDER = "signalhouse"
    settings.SIGNALHOUSE_API_KEY = "abc"
    settings.SIGNALHOUSE_BASE_URL = ""
    assert get_sms_provider().base_url == DEFAULT_BASE_URL


def test_provider_signalhouse_without_key_is_config_error(settings):
    settings.SMS_PROVIDER = "signalhouse"
    settings.SIGNALHOUSE_API_KEY = ""
    with pytest.raises(AuthFailed) as excinfo:
        get_sms_provider()
    assert excinfo.value.code == "CONFIG_ERROR"


def test_unknown_provider_is_config_error(settings):
    settings.SMS_PROVIDER = "twilio"
    with pytest.raises(ConfigError) as excinfo:
        get_sms_provider()
    assert excinfo.value.code == "CONFIG_ERROR"
