"""Stage 10, prioritization & routing: ``inbox.prioritization``. Pure functions, no database."""

import math
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inbox.classification import Classification
from inbox.prioritization import (
    DEFAULT_WEIGHTS,
    FALLBACK,
    MAXIMA,
    AdmitResult,
    PriorityError,
    PriorityInput,
    RouteResult,
    bucket_for,
    compute_priority,
    queue_admit,
    route,
    validate_weights,
)

C = Classification
NOW = datetime(2025, 3, 4, 15, 0, tzinfo=UTC)
ALL = [c.value for c in C]
SUPPRESSED = ["opt_out", "wrong_number", "hostile"]


def make(classification="interested", confidence=1.0, lead_score=50, age=timedelta(0), **kwargs) -> PriorityInput:
    return PriorityInput(
        classification=classification,
        confidence=confidence,
        lead_score=lead_score,
        received_at=kwargs.pop("received_at", NOW - age),
        now=kwargs.pop("now", NOW),
        extracted=kwargs.pop("extracted", {}),
        **kwargs,
    )


def score(**kwargs) -> int:
    return compute_priority(make(**kwargs)).score


def error_of(fn, *args, **kwargs) -> PriorityError:
    with pytest.raises(PriorityError) as info:
        fn(*args, **kwargs)
    return info.value


# ------------------------------------------------------------------------------------------- weights
def test_default_weights_validate_and_intent_order():
    assert validate_weights(DEFAULT_WEIGHTS) == []
    assert validate_weights(None) == []
    order = ["meeting_request", "phone_capture", "interested", "email_capture", "question", "other"]
    order += ["out_of_office", "not_interested", "wrong_number", "hostile", "opt_out"]
    values = [DEFAULT_WEIGHTS["intent"][c] for c in order]
    assert values == sorted(values, reverse=True)
    assert len(set(values)) == len(values)
    assert set(DEFAULT_WEIGHTS["intent"]) == set(C)
    assert DEFAULT_WEIGHTS["intent"]["opt_out"] == 0
    assert sum(DEFAULT_WEIGHTS[k] for k in MAXIMA) == 100


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({"bogus": 1}, "unknown weight 'bogus'"),
        ({"intent": [1, 2]}, "intent must be a mapping"),
        ({"intent": {"spam": 0.5}}, "intent has unknown classification 'spam'"),
        ({"intent": {"question": 1.5}}, "intent[question] must be a number in [0, 1], got 1.5"),
        ({"intent": {"question": math.nan}}, "intent[question] must be a number in [0, 1]"),
        ({"half_life_hours": -1}, "half_life_hours must be a finite number >= 0, got -1"),
        ({"half_life_hours": math.inf}, "half_life_hours must be a finite number >= 0"),
        ({"fresh_minutes": "15"}, "fresh_minutes must be a finite number >= 0, got '15'"),
        ({"phone_bonus": True}, "phone_bonus must be a finite number >= 0"),
        ({"half_life_hours": 0}, "half_life_hours must be > 0"),
        ({"confidence_floor": 1.2}, "confidence_floor must be in [0, 1], got 1.2"),
        ({"lead_missing_default": 101}, "lead_missing_default must be in [0, 100], got 101"),
        ({"intent_max": 50}, "must total 100, got 105"),
        ({"hot_threshold": 30}, "0 < warm_threshold < hot_threshold <= 100, got warm 40, hot 30"),
        ({"warm_threshold": 80}, "got warm 80, hot 70"),
        ({"hot_threshold": 101}, "hot_threshold <= 100"),
        ({"suppressed_cap": 101}, "suppressed_cap must be in [0, 100], got 101"),
    ],
)
def test_validate_weights_messages(weights, message):
    problems = validate_weights(weights)
    assert len(problems) == 1, problems
    assert message in problems[0]
    err = error_of(compute_priority, make(), weights)
    assert err.code == "SCORE_CALCULATION_ERROR"
    assert message in str(err)
    assert "invalid weights" in str(err)


def test_validate_weights_rejects_non_mapping_and_reports_all_problems():
    assert validate_weights([("intent_max", 1)]) == ["weights must be a mapping, got list"]
    assert len(validate_weights({"bogus": 1, "phone_bonus": -1, "intent": {"x": 2}})) == 3


def test_partial_weights_merge_over_defaults():
    custom = {"intent_max": 40, "phone_bonus": 13, "intent": {"question": 1.0}}
    assert validate_weights(custom) == []
    result = compute_priority(make("question", extracted={"phone": "5125550143"}), custom)
    assert result.breakdown["intent"] == 40
    assert result.breakdown["contactability"] == 13
    # the default intent table is left untouched by the merge
    assert DEFAULT_WEIGHTS["intent"]["question"] == 0.5


# ------------------------------------------------------------------------------------ score formula
def test_breakdown_of_a_known_case():
    inp = make("meeting_request", 0.8, 60, timedelta(minutes=15) + timedelta(hours=4), extracted={"phone": "x"})
    result = compute_priority(inp)
    assert result.breakdown == pytest.approx(
        {
            "intent": 45.0,
            "confidence": -4.5,  # multiplier 0.5 + 0.5 * 0.8 = 0.9
            "lead_fit": 12.0,
            "freshness": 10.0,  # one half-life past the 15-minute grace
            "contactability": 8.0,
            "suppression": 0.0,
        }
    )
    assert (result.score, result.bucket) == (71, "hot")
    assert any("phone number extracted" in r for r in result.reasons)
    assert result.reasons[-1] == "score 71 -> hot"


@pytest.mark.parametrize(
    ("better", "worse"),
    [
        (
            {"classification": "meeting_request", "lead_score": 90, "age": timedelta(minutes=5)},
            {"classification": "question", "lead_score": 90, "age": timedelta(days=2)},
        ),
        (
            {"classification": "meeting_request", "lead_score": 80, "age": timedelta(minutes=1)},
            {"classification": "question", "lead_score": 20, "age": timedelta(hours=12)},
        ),
        ({"classification": "phone_capture"}, {"classification": "interested"}),
        ({"classification": "interested"}, {"classification": "email_capture"}),
        ({"classification": "email_capture"}, {"classification": "question"}),
        ({"classification": "question"}, {"classification": "not_interested"}),
        ({"lead_score": 90}, {"lead_score": 10}),
        ({"age": timedelta(minutes=10)}, {"age": timedelta(hours=3)}),
        ({"confidence": 0.95}, {"confidence": 0.3}),
        ({"extracted": {"phone": "5125550143"}}, {"extracted": {"email": "a@b.co"}}),
        ({"has_meeting_time": True}, {}),
        ({"extracted": {"meeting_time": "tomorrow at 3pm"}}, {}),
    ],
)
def test_ordering(better, worse):
    assert score(**better) > score(**worse)


@pytest.mark.parametrize(
    ("kwargs", "expected_score", "bucket"),
    [
        # meeting_request at full confidence (45) + fresh (20) + lead points (lead_score / 5)
        ({"classification": "meeting_request", "lead_score": 25}, 70, "hot"),
        ({"classification": "meeting_request", "lead_score": 20}, 69, "warm"),
        ({"classification": "meeting_request", "lead_score": 23}, 70, "hot"),  # 69.6 rounds up
        ({"classification": "meeting_request", "lead_score": 22}, 69, "warm"),  # 69.4 rounds down
        # interested (36) + stale (~0) + lead points
        ({"classification": "interested", "lead_score": 20, "age": timedelta(days=1000)}, 40, "warm"),
        ({"classification": "interested", "lead_score": 15, "age": timedelta(days=1000)}, 39, "cold"),
        ({"classification": "other", "confidence": 0.0, "lead_score": 0, "age": timedelta(days=1000)}, 7, "cold"),
    ],
)
def test_thresholds_at_boundaries(kwargs, expected_score, bucket):
    result = compute_priority(make(**kwargs))
    assert (result.score, result.bucket) == (expected_score, bucket)


@pytest.mark.parametrize(
    ("value", "bucket"),
    [(100, "hot"), (70, "hot"), (69, "warm"), (69.99, "warm"), (40, "warm"), (39, "cold"), (0, "cold")],
)
def test_bucket_for(value, bucket):
    assert bucket_for(value) == bucket


def test_thresholds_are_configurable():
    weights = {"hot_threshold": 80, "warm_threshold": 60}
    assert [bucket_for(s, weights) for s in (59, 60, 79, 80)] == ["cold", "warm", "warm", "hot"]
    result = compute_priority(make("meeting_request", lead_score=25), weights)
    assert (result.score, result.bucket) == (70, "warm")


@pytest.mark.parametrize(
    ("age", "fraction"),
    [
        (timedelta(0), 1.0),
        (timedelta(minutes=14, seconds=59), 1.0),
        (timedelta(minutes=15), 1.0),
        (timedelta(minutes=15, hours=2), 2**-0.5),
        (timedelta(minutes=15, hours=4), 0.5),
        (timedelta(minutes=15, hours=8), 0.25),
        (timedelta(minutes=15, hours=40), 2**-10),
        (timedelta(seconds=-300), 1.0),  # tolerated clock skew counts as brand new
    ],
)
def test_freshness_decay(age, fraction):
    assert compute_priority(make(age=age)).breakdown["freshness"] == pytest.approx(20 * fraction)


def test_freshness_half_life_and_grace_configurable():
    weights = {"half_life_hours": 1, "fresh_minutes": 0}
    assert compute_priority(make(age=timedelta(hours=2)), weights).breakdown["freshness"] == pytest.approx(5)


@given(st.integers(0, 10**8), st.integers(0, 10**8))
def test_freshness_monotonic(a, b):
    young, old = sorted((a, b))
    fresh = [compute_priority(make(age=timedelta(seconds=s))).breakdown["freshness"] for s in (young, old)]
    assert fresh[0] >= fresh[1] >= 0
    if young > 900 and old - young > 60 and old < 30 * 86400:  # strictly decaying until float underflow
        assert fresh[0] > fresh[1]


@pytest.mark.parametrize(("confidence", "multiplier"), [(1.0, 1.0), (0.8, 0.9), (0.5, 0.75), (0.0, 0.5)])
def test_confidence_scales_intent(confidence, multiplier):
    b = compute_priority(make("phone_capture", confidence)).breakdown
    assert b["intent"] == pytest.approx(40.5)
    assert b["intent"] + b["confidence"] == pytest.approx(40.5 * multiplier)


def test_confidence_floor_configurable():
    b = compute_priority(make("meeting_request", 0.0), {"confidence_floor": 0.0}).breakdown
    assert b["intent"] + b["confidence"] == pytest.approx(0)


@given(st.floats(0, 1), st.floats(0, 1))
def test_confidence_monotonic(a, b):
    low, high = sorted((a, b))
    assert score(classification="question", confidence=high) >= score(classification="question", confidence=low)


def test_missing_lead_score_is_neutral_with_reason():
    missing = compute_priority(make(lead_score=None))
    assert missing.breakdown["lead_fit"] == pytest.approx(10.0)
    assert missing.score == compute_priority(make(lead_score=50)).score
    assert any("lead score missing" in r and "50" in r for r in missing.reasons)
    assert not any("missing" in r for r in compute_priority(make(lead_score=50)).reasons)
    assert compute_priority(make(lead_score=None), {"lead_missing_default": 0}).breakdown["lead_fit"] == 0


def test_contactability_bonus():
    both = compute_priority(make(extracted={"phone": "5125550143", "meeting_time": "3pm"}))
    assert both.breakdown["contactability"] == 15
    assert compute_priority(make(extracted={"phone": ""})).breakdown["contactability"] == 0
    assert compute_priority(make(extracted={"email": "a@b.co"})).breakdown["contactability"] == 0
    assert compute_priority(make(has_meeting_time=True)).breakdown["contactability"] == 7


# ---------------------------------------------------------------------------------- suppressed classes
@pytest.mark.parametrize("classification", SUPPRESSED)
def test_suppressed_always_cold_and_capped(classification):
    inp = make(classification, 1.0, 100, extracted={"phone": "5125550143", "meeting_time": "3pm"})
    result = compute_priority(inp)
    assert result.bucket == "cold"
    assert result.score == 10
    assert result.breakdown["suppression"] < 0
    assert sum(result.breakdown.values()) == pytest.approx(10)
    assert any("always cold" in r for r in result.reasons)


@pytest.mark.parametrize("classification", SUPPRESSED)
def test_suppressed_cold_even_when_the_cap_allows_a_hot_score(classification):
    inp = make(classification, 1.0, 100, extracted={"phone": "5125550143"})
    result = compute_priority(inp, {"suppressed_cap": 100, "intent": {classification: 1.0}})
    assert result.score == 93
    assert result.bucket == "cold"


def test_opt_out_below_cap_is_not_raised_to_it():
    result = compute_priority(make("opt_out", 0.5, 0, timedelta(days=30)))
    assert (result.breakdown["suppression"], result.score, result.bucket) == (0, 0, "cold")


@given(st.sampled_from(SUPPRESSED), st.floats(0, 1), st.none() | st.integers(0, 100), st.integers(0, 10**7))
def test_suppressed_never_above_cap(classification, confidence, lead, age):
    result = compute_priority(make(classification, confidence, lead, timedelta(seconds=age), has_meeting_time=True))
    assert result.bucket == "cold"
    assert result.score <= 10


# --------------------------------------------------------------------------------------- properties
EXTRACTED = st.fixed_dictionaries(
    {}, optional={"phone": st.sampled_from(["", "5125550143"]), "meeting_time": st.sampled_from(["", "3pm"])}
)


@given(
    st.sampled_from(ALL),
    st.floats(0, 1),
    st.none() | st.integers(0, 100),
    st.integers(-300, 10**9),
    EXTRACTED,
    st.booleans(),
)
def test_score_bounds_and_breakdown_sum(classification, confidence, lead, age, extracted, meeting):
    inp = make(classification, confidence, lead, timedelta(seconds=age), extracted=extracted, has_meeting_time=meeting)
    result = compute_priority(inp)
    raw = sum(result.breakdown.values())
    assert isinstance(result.score, int)
    assert 0 <= result.score <= 100
    assert -1e-9 <= raw <= 100 + 1e-9
    assert result.score == math.floor(min(100, max(0, raw)) + 0.5)
    assert all(math.isfinite(v) for v in result.breakdown.values())
    assert result.breakdown["confidence"] <= 0 <= result.breakdown["intent"]
    expected = "cold" if classification in SUPPRESSED else bucket_for(result.score)
    assert result.bucket == expected


def test_timezones_are_compared_as_instants():
    east = timezone(timedelta(hours=5))
    inp = make(received_at=NOW.astimezone(east) - timedelta(hours=4, minutes=15), now=NOW)
    assert compute_priority(inp).breakdown["freshness"] == pytest.approx(10)


# ---------------------------------------------------------------------------------- input errors
@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"classification": "spam"}, "unknown classification 'spam'"),
        ({"classification": None}, "unknown classification None"),
        ({"confidence": math.nan}, "confidence must be a finite number in [0, 1], got nan"),
        ({"confidence": math.inf}, "got inf"),
        ({"confidence": -math.inf}, "got -inf"),
        ({"confidence": 1.01}, "got 1.01"),
        ({"confidence": -0.1}, "got -0.1"),
        ({"confidence": "0.9"}, "got '0.9'"),
        ({"confidence": True}, "got True"),
        ({"lead_score": 101}, "lead_score must be None or a number in [0, 100], got 101"),
        ({"lead_score": -1}, "got -1"),
        ({"lead_score": math.nan}, "got nan"),
        ({"received_at": datetime(2025, 3, 4, 14, 0)}, "received_at must be a timezone-aware datetime"),
        ({"now": datetime(2025, 3, 4, 15, 0)}, "now must be a timezone-aware datetime"),
        ({"now": "2025-03-04T15:00:00Z"}, "now must be a timezone-aware datetime"),
        ({"extracted": None}, "extracted must be a mapping"),
        ({"age": timedelta(seconds=-301)}, "received_at is 301s after now"),
    ],
)
def test_invalid_input_raises_score_calculation_error(kwargs, message):
    err = error_of(compute_priority, make(**kwargs))
    assert err.code == "SCORE_CALCULATION_ERROR"
    assert message in err.message
    assert str(err).startswith("SCORE_CALCULATION_ERROR: ")


def test_classification_enum_member_accepted():
    assert compute_priority(make(C.MEETING_REQUEST)).score == compute_priority(make("meeting_request")).score


# -------------------------------------------------------------------------------------------- routing
# classification -> worker for warm/cold; hot items go to SABRINA unless suppressed
ROUTES = {
    "interested": "GIANNA",
    "question": "GIANNA",
    "email_capture": "GIANNA",
    "phone_capture": "GIANNA",
    "other": "GIANNA",
    "not_interested": "CATHY",
    "out_of_office": "CATHY",
    "auto_reply": "CATHY",
    "meeting_request": "SABRINA",
    "opt_out": "",
    "wrong_number": "",
    "hostile": "",
}


def _expected_route(classification: str, bucket: str) -> tuple[str, bool]:
    worker = ROUTES[classification]
    if not worker:
        return "", False
    queue = bucket == "hot" or classification in ("phone_capture", "meeting_request")
    return ("SABRINA" if bucket == "hot" else worker), queue


ROUTE_TABLE = [(c, b, *_expected_route(c, b)) for c in ROUTES for b in ("hot", "warm", "cold")]


def test_route_table_covers_every_classification():
    assert set(ROUTES) == set(ALL)


@pytest.mark.parametrize(("classification", "bucket", "worker", "queue"), ROUTE_TABLE)
def test_route_table(classification, bucket, worker, queue):
    result = route(classification, bucket)
    assert (result.worker, result.queue) == (worker, queue)
    assert result.reason
    assert route(classification, bucket, workers_available={"GIANNA": 3, "CATHY": 1, "SABRINA": 2}) == result


@pytest.mark.parametrize("classification", SUPPRESSED)
def test_suppressed_need_no_worker_even_when_nobody_is_available(classification):
    result = route(classification, "cold", workers_available={"GIANNA": 0, "CATHY": 0, "SABRINA": 0})
    assert result == RouteResult(worker="", queue=False, reason=f"{classification}: no follow-up, no worker needed")


@pytest.mark.parametrize(
    ("classification", "bucket", "available", "worker"),
    [
        ("meeting_request", "warm", {"SABRINA": 0}, "GIANNA"),
        ("meeting_request", "warm", {"SABRINA": 0, "GIANNA": 0}, "CATHY"),
        ("interested", "hot", {"SABRINA": 0}, "GIANNA"),
        ("question", "warm", {"GIANNA": 0}, "SABRINA"),
        ("question", "warm", {"GIANNA": 0, "SABRINA": 0}, "CATHY"),
        ("not_interested", "cold", {"CATHY": 0}, "GIANNA"),
        ("out_of_office", "cold", {"CATHY": 0, "GIANNA": 0}, "SABRINA"),
        ("question", "warm", {"SABRINA": 0, "CATHY": 0}, "GIANNA"),  # others' capacity does not matter
        ("question", "warm", {}, "GIANNA"),  # unlisted means available
    ],
)
def test_capacity_fallbacks(classification, bucket, available, worker):
    result = route(classification, bucket, workers_available=available)
    assert result.worker == worker
    preferred = route(classification, bucket).worker
    assert ("fell back to" in result.reason) == (worker != preferred)
    if worker != preferred:
        assert f"{preferred} unavailable, fell back to {worker}" in result.reason


def test_fallback_order_is_documented_order():
    assert FALLBACK == {
        "SABRINA": ("SABRINA", "GIANNA", "CATHY"),
        "GIANNA": ("GIANNA", "SABRINA", "CATHY"),
        "CATHY": ("CATHY", "GIANNA", "SABRINA"),
    }


@pytest.mark.parametrize(
    ("classification", "bucket", "available", "message"),
    [
        ("question", "warm", {"GIANNA": 0, "CATHY": 0, "SABRINA": 0}, "no worker has capacity for question (warm)"),
        ("meeting_request", "hot", {"GIANNA": 0, "CATHY": 0, "SABRINA": 0}, "tried SABRINA, GIANNA, CATHY"),
        ("spam", "warm", None, "unknown classification 'spam'"),
        ("question", "lukewarm", None, "unknown bucket 'lukewarm'"),
        ("question", "warm", {"gianna": 2}, "unknown worker 'gianna'"),
        ("question", "warm", {"GIANNA": -1}, "capacity of GIANNA must be an int >= 0, got -1"),
        ("question", "warm", {"GIANNA": "2"}, "capacity of GIANNA must be an int >= 0"),
    ],
)
def test_routing_errors(classification, bucket, available, message):
    err = error_of(route, classification, bucket, workers_available=available)
    assert err.code == "ROUTING_ERROR"
    assert message in err.message


def test_compute_then_route_end_to_end():
    result = compute_priority(make("interested", 0.9, 90, timedelta(minutes=5), extracted={"phone": "5125550143"}))
    assert result.bucket == "hot"
    assert route("interested", result.bucket) == RouteResult("SABRINA", True, "hot item -> SABRINA")


# ---------------------------------------------------------------------------------- queue admission
@pytest.mark.parametrize(
    ("size", "capacity", "bucket", "expected"),
    [
        (0, 10, "cold", AdmitResult(True, False, "")),
        (9, 10, "warm", AdmitResult(True, False, "")),
        (9, 10, "hot", AdmitResult(True, False, "")),
        (10, 10, "hot", AdmitResult(True, True, "QUEUE_OVERFLOW")),
        (10, 10, "warm", AdmitResult(False, False, "QUEUE_OVERFLOW")),
        (10, 10, "cold", AdmitResult(False, False, "QUEUE_OVERFLOW")),
        (12, 10, "hot", AdmitResult(True, True, "QUEUE_OVERFLOW")),
        (12, 10, "warm", AdmitResult(False, False, "QUEUE_OVERFLOW")),
        (1, 1, "hot", AdmitResult(True, True, "QUEUE_OVERFLOW")),
    ],
)
def test_queue_admit(size, capacity, bucket, expected):
    assert queue_admit(size, capacity, bucket) == expected


@pytest.mark.parametrize(
    ("size", "capacity", "bucket", "message"),
    [
        (0, 0, "hot", "queue capacity must be a positive int, got 0"),
        (0, -5, "hot", "got -5"),
        (0, 2.5, "hot", "got 2.5"),
        (-1, 10, "hot", "queue size must be an int >= 0, got -1"),
        (0, 10, "urgent", "unknown bucket 'urgent'"),
    ],
)
def test_queue_admit_errors(size, capacity, bucket, message):
    err = error_of(queue_admit, size, capacity, bucket)
    assert err.code == "QUEUE_OVERFLOW"
    assert message in err.message
