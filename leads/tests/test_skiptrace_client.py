import json

import pytest
import requests
import responses
from django.core.cache import cache

from leads.skiptrace import (
    ApiTimeout,
    AuthFailed,
    DailyLimitReached,
    PhoneFound,
    ProviderError,
    RateLimited,
    RealEstateApiClient,
    SandboxSkipTrace,
    get_provider,
    map_phone_type,
    parse_v1,
    parse_v2_item,
)

BASE = "https://api.test.example"
V1 = f"{BASE}/v1/SkipTrace"
V2 = f"{BASE}/v2/SkipTraceBatchAwait"
PERSON = {
    "first_name": "Ana",
    "last_name": "Ruiz",
    "address": "1 Main St",
    "city": "Austin",
    "state": "TX",
    "zip": "78701",
}


@pytest.fixture(autouse=True)
def _empty_cache():
    """The clients pace through the default cache; each test starts its fake clock from the same time."""
    cache.clear()
    yield
    cache.clear()


class FakeTime:
    """Clock that only moves when the code under test sleeps; records every delay."""

    def __init__(self):
        self.now = 100.0
        self.delays = []

    def clock(self):
        return self.now

    def sleep(self, seconds):
        self.delays.append(seconds)
        self.now += seconds


@pytest.fixture
def fake_time():
    return FakeTime()


@pytest.fixture
def client(fake_time):
    """Unpaced, so that the delays recorded are the retries' alone; the pace has its own tests below and in
    ``test_skiptrace_pace``."""
    return RealEstateApiClient(
        api_key="test-key", base_url=BASE, per_second=0, sleep=fake_time.sleep, clock=fake_time.clock, rng=lambda: 0.0
    )


@pytest.fixture
def paced_client(fake_time):
    return RealEstateApiClient(
        api_key="test-key", base_url=BASE, per_second=10, sleep=fake_time.sleep, clock=fake_time.clock, rng=lambda: 0.0
    )


def v1_match(**extra):
    body = {
        "match": True,
        "cached": False,
        "credits": 1,
        "output": {
            "identity": {
                "phones": [
                    {"phone": "+1 (512) 555-0101", "phoneType": "mobile", "isConnected": True, "doNotCall": False},
                    {"phone": "5125550102", "phoneType": "home_phone", "isConnected": False, "doNotCall": True},
                    {"phone": "512.555.0103", "isConnected": None},
                ],
                "emails": [{"email": "Ana.Ruiz@Example.COM", "emailType": "personal"}],
            }
        },
    }
    body.update(extra)
    return body


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("mobile", "mobile"),
        ("landline", "landline"),
        ("home_phone", "landline"),
        ("W", "mobile"),
        ("L", "landline"),
        ("V", "voip"),
        ("fax", "unknown"),
        ("", "unknown"),
        (None, "unknown"),
    ],
)
def test_map_phone_type(value, expected):
    assert map_phone_type(value) == expected


@responses.activate
def test_v1_match_parsing(client):
    responses.add(responses.POST, V1, json=v1_match())
    outcome = client.skip_trace(PERSON)

    assert outcome.matched is True
    assert outcome.partial is False
    assert outcome.missing == []
    assert outcome.cost == 1.0
    assert outcome.phones == [
        PhoneFound("5125550101", "mobile", True, False),
        PhoneFound("5125550102", "landline", False, True),
        PhoneFound("5125550103", "unknown", None, False),
    ]
    assert [e.email for e in outcome.emails] == ["ana.ruiz@example.com"]
    call = responses.calls[0].request
    assert call.headers["x-api-key"] == "test-key"
    assert json.loads(call.body) == PERSON


def test_v1_cached_costs_nothing():
    assert parse_v1(v1_match(cached=True, credits=0)).cost == 0.0


@responses.activate
def test_v1_match_false_is_no_match(client):
    responses.add(responses.POST, V1, json={"match": False, "credits": 0})
    outcome = client.skip_trace(PERSON)
    assert outcome.matched is False
    assert outcome.phones == []
    assert len(responses.calls) == 1


@responses.activate
def test_404_is_no_match_and_not_retried(client, fake_time):
    responses.add(responses.POST, V1, status=404, json={"statusCode": 404, "match": False})
    outcome = client.skip_trace(PERSON)
    assert outcome.matched is False
    assert outcome.cost == 0.0
    assert len(responses.calls) == 1
    assert fake_time.delays == []


@responses.activate
def test_v2_batch_positional_parsing(client):
    people = [dict(PERSON, first_name=n) for n in ("A", "B", "C")]
    responses.add(
        responses.POST,
        V2,
        json={
            "data": [
                {
                    "input": people[0],
                    "data": {
                        "phones": [
                            {"phone": "15125550111", "phoneType": "W", "phoneFtcDnc": "N"},
                            {"phone": "5125550112", "phoneType": "L", "phoneFtcDnc": "Y"},
                            {"phone": "5125550113", "phoneType": "V", "dnc": True},
                        ],
                        "emails": [{"email": "A@EXAMPLE.com"}],
                        "names": [{"first": "A"}],
                    },
                },
                {"input": people[1], "data": None},
                {"input": people[2], "data": {"phones": [{"phone": "5125550120", "phoneType": "W"}], "emails": []}},
            ]
        },
    )
    first, second, third = client.skip_trace_batch(people)

    assert json.loads(responses.calls[0].request.body) == {"skips": people}
    assert [(p.number, p.phone_type, p.do_not_call) for p in first.phones] == [
        ("5125550111", "mobile", False),
        ("5125550112", "landline", True),
        ("5125550113", "voip", True),
    ]
    assert first.emails[0].email == "a@example.com"
    assert first.cost == 1.0
    assert second.matched is False
    assert second.cost == 0.0
    assert third.matched is True
    assert third.phones[0].number == "5125550120"
    assert third.partial is False


@responses.activate
def test_v2_batch_items_in_the_published_shape_keep_their_phone_types(client):
    # the published SkipTraceBatchAwait example says "type" and "dnc" where v1 says "phoneType" and "doNotCall"
    people = [dict(PERSON, first_name=n) for n in ("A", "B")]
    responses.add(
        responses.POST,
        V2,
        json={
            "data": [
                {
                    "input": people[0],
                    "data": {
                        "phones": [
                            {"phone": "5125550131", "type": "mobile", "dnc": False},
                            {"phone": "5125550132", "type": "landline", "dnc": True},
                        ],
                        "emails": [],
                        "names": [{"first": "A"}],
                    },
                },
                {"input": people[1], "data": {"phones": [{"phone": "5125550133", "type": "W", "dnc": "N"}]}},
            ]
        },
    )

    first, second = client.skip_trace_batch(people)

    assert [(p.number, p.phone_type, p.do_not_call) for p in first.phones] == [
        ("5125550131", "mobile", False),
        ("5125550132", "landline", True),
    ]
    assert [(p.number, p.phone_type, p.do_not_call) for p in second.phones] == [("5125550133", "mobile", False)]


@responses.activate
def test_v2_batch_404_means_none_matched(client):
    responses.add(responses.POST, V2, status=404, json={"match": False})
    outcomes = client.skip_trace_batch([PERSON, PERSON])
    assert [o.matched for o in outcomes] == [False, False]
    assert len(responses.calls) == 1


@responses.activate
def test_v2_batch_misaligned_reply_is_provider_error(client):
    responses.add(responses.POST, V2, json={"data": [{"data": None}]})
    with pytest.raises(ProviderError):
        client.skip_trace_batch([PERSON, PERSON])


@pytest.mark.parametrize("size", [0, 101])
def test_batch_size_validation(client, size):
    with pytest.raises(ValueError, match="1-100"):
        client.skip_trace_batch([PERSON] * size)


@responses.activate
def test_batch_of_100_is_accepted(client):
    responses.add(responses.POST, V2, json={"data": [{"data": None}] * 100})
    assert len(client.skip_trace_batch([PERSON] * 100)) == 100


@responses.activate
def test_timeout_retried_then_api_timeout(client, fake_time):
    responses.add(responses.POST, V1, body=requests.exceptions.ReadTimeout())
    with pytest.raises(ApiTimeout) as excinfo:
        client.skip_trace(PERSON)
    assert excinfo.value.code == "API_TIMEOUT"
    assert len(responses.calls) == 5  # first try + max_retries
    assert fake_time.delays == [0.5, 1.0, 2.0, 4.0]


@responses.activate
def test_timeout_then_success(client, fake_time):
    responses.add(responses.POST, V1, body=requests.exceptions.ReadTimeout())
    responses.add(responses.POST, V1, json=v1_match())
    assert client.skip_trace(PERSON).matched is True
    assert fake_time.delays == [0.5]


@responses.activate
def test_backoff_jitter_comes_from_rng(fake_time):
    client = RealEstateApiClient(
        "k", base_url=BASE, per_second=0, sleep=fake_time.sleep, clock=fake_time.clock, rng=lambda: 1.0
    )
    responses.add(responses.POST, V1, body=requests.exceptions.ReadTimeout())
    responses.add(responses.POST, V1, body=requests.exceptions.ReadTimeout())
    responses.add(responses.POST, V1, json=v1_match())
    client.skip_trace(PERSON)
    assert fake_time.delays == [0.75, 1.5]


@responses.activate
def test_429_retry_after_honoured_then_success(client, fake_time):
    responses.add(responses.POST, V1, status=429, headers={"Retry-After": "3"}, json={"statusCode": 429})
    responses.add(responses.POST, V1, json=v1_match())
    outcome = client.skip_trace(PERSON)
    assert outcome.matched is True
    assert fake_time.delays == [3.0]
    assert len(responses.calls) == 2


@responses.activate
def test_429_without_header_uses_growing_backoff(client, fake_time):
    responses.add(responses.POST, V1, status=429, json={"statusCode": 429, "statusMessage": "Too Many Requests"})
    with pytest.raises(RateLimited) as excinfo:
        client.skip_trace(PERSON)
    assert excinfo.value.code == "RATE_LIMIT"
    assert excinfo.value.retry_after is None
    assert len(responses.calls) == 5
    assert fake_time.delays == [0.5, 1.0, 2.0, 4.0]
    assert all(b > a for a, b in zip(fake_time.delays, fake_time.delays[1:], strict=False))


@responses.activate
@pytest.mark.parametrize(
    "body",
    [
        {"statusCode": 429, "error": "Daily match limit reached"},
        {"statusCode": 429, "statusMessage": "Limit of 1000000 matches per day exceeded"},
        {"statusCode": 429, "message": "quota for today is used up"},
    ],
)
def test_a_daily_limit_429_is_not_retried(client, fake_time, body):
    responses.add(responses.POST, V2, status=429, json=body)
    with pytest.raises(DailyLimitReached) as excinfo:
        client.skip_trace_batch([PERSON])
    assert excinfo.value.code == "RATE_LIMIT"
    assert isinstance(excinfo.value, RateLimited)
    assert len(responses.calls) == 1
    assert fake_time.delays == []


@responses.activate
def test_a_per_second_429_is_not_mistaken_for_the_daily_limit(client, fake_time):
    responses.add(responses.POST, V1, status=429, json={"statusCode": 429, "error": "Too many requests per second"})
    responses.add(responses.POST, V1, json=v1_match())
    assert client.skip_trace(PERSON).matched is True
    assert len(responses.calls) == 2


@responses.activate
def test_429_with_very_long_retry_after_gives_up_at_once(client, fake_time):
    responses.add(responses.POST, V1, status=429, headers={"Retry-After": "3600"})
    with pytest.raises(RateLimited) as excinfo:
        client.skip_trace(PERSON)
    assert excinfo.value.retry_after == 3600.0
    assert len(responses.calls) == 1
    assert fake_time.delays == []


@pytest.mark.parametrize("status", [401, 403])
@responses.activate
def test_auth_failures_stop_at_once(client, fake_time, status):
    responses.add(responses.POST, V1, status=status, json={"statusCode": status, "error": "bad key"})
    with pytest.raises(AuthFailed) as excinfo:
        client.skip_trace(PERSON)
    assert excinfo.value.code == "CONFIG_ERROR"
    assert excinfo.value.status == status
    assert len(responses.calls) == 1
    assert fake_time.delays == []


@responses.activate
def test_5xx_retried_then_provider_error(client, fake_time):
    responses.add(responses.POST, V1, status=502, json={"statusCode": 502, "statusMessage": "Bad Gateway"})
    with pytest.raises(ProviderError) as excinfo:
        client.skip_trace(PERSON)
    assert excinfo.value.code == "PROVIDER_ERROR"
    assert excinfo.value.status == 502
    assert len(responses.calls) == 5
    assert fake_time.delays == [0.5, 1.0, 2.0, 4.0]


@responses.activate
def test_5xx_then_success(client):
    responses.add(responses.POST, V1, status=503)
    responses.add(responses.POST, V1, json=v1_match())
    assert client.skip_trace(PERSON).matched is True
    assert len(responses.calls) == 2


@responses.activate
def test_other_4xx_is_provider_error_without_retry(client):
    responses.add(responses.POST, V1, status=400, json={"statusCode": 400, "error": "zip is invalid"})
    with pytest.raises(ProviderError, match="zip is invalid"):
        client.skip_trace(PERSON)
    assert len(responses.calls) == 1


@responses.activate
def test_partial_response_flagged(client):
    body = v1_match()
    body["output"]["identity"].pop("emails")
    responses.add(responses.POST, V1, json=body)
    outcome = client.skip_trace(PERSON)
    assert outcome.matched is True
    assert outcome.partial is True
    assert outcome.missing == ["emails"]
    assert len(outcome.phones) == 3


def test_v2_partial_item_names_both_missing_lists():
    outcome = parse_v2_item({"input": {}, "data": {"names": [{"first": "A"}], "phones": None}})
    assert outcome.matched is True
    assert outcome.partial is True
    assert outcome.missing == ["phones", "emails"]


@responses.activate
def test_limiter_spaces_single_lookups(paced_client, fake_time):
    responses.add(responses.POST, V1, json={"match": False})
    start = fake_time.clock()
    for _ in range(25):
        paced_client.skip_trace(PERSON)
    assert len(responses.calls) == 25
    assert fake_time.clock() - start >= 2.4 - 1e-9  # 24 gaps of at least 0.1 s


@responses.activate
def test_limiter_waits_less_than_a_slot_when_calls_are_already_spaced(paced_client, fake_time):
    responses.add(responses.POST, V1, json={"match": False})
    paced_client.skip_trace(PERSON)
    fake_time.now += 1.0
    fake_time.delays.clear()
    paced_client.skip_trace(PERSON)
    # only the wait for the next slot's start (slots are 0.102 s at 10/s), not a full spacing after the last call
    assert len(fake_time.delays) <= 1
    assert sum(fake_time.delays) < 0.102


def test_api_key_is_not_in_repr():
    assert "secret-key" not in repr(RealEstateApiClient("secret-key"))


def test_provider_defaults_to_sandbox(settings):
    if hasattr(settings, "SKIPTRACE_PROVIDER"):
        del settings.SKIPTRACE_PROVIDER
    assert isinstance(get_provider(), SandboxSkipTrace)
    settings.SKIPTRACE_PROVIDER = "sandbox"
    assert get_provider().label == "sandbox"


def test_provider_real_client(settings):
    settings.SKIPTRACE_PROVIDER = "realestateapi"
    settings.REALESTATEAPI_API_KEY = "abc"
    settings.REALESTATEAPI_BASE_URL = BASE + "/"
    provider = get_provider()
    assert isinstance(provider, RealEstateApiClient)
    assert provider.base_url == BASE


def test_provider_real_client_without_key_is_config_error(settings):
    settings.SKIPTRACE_PROVIDER = "realestateapi"
    settings.REALESTATEAPI_API_KEY = ""
    with pytest.raises(AuthFailed) as excinfo:
        get_provider()
    assert excinfo.value.code == "CONFIG_ERROR"
