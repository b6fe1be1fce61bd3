import pytest

from leads.skiptrace import ApiTimeout, RateLimited, SandboxSkipTrace, TraceOutcome

FIRST = ["Ana", "Ben", "Cara", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivan", "Jo"]
LAST = ["Ruiz", "Smith", "Nguyen", "Okafor", "Patel", "Kim", "Lopez", "Brown", "Cohen", "Diaz"]


def person(i):
    return {
        "first_name": FIRST[i % 10],
        "last_name": LAST[(i // 10) % 10],
        "address": f"{i} Main St",
        "city": "Austin",
        "state": "TX",
        "zip": f"{78000 + i:05d}",
    }


def kind(outcome: TraceOutcome) -> str:
    if not outcome.matched:
        return "none"
    types = [p.phone_type for p in outcome.phones]
    if types[0] == "mobile":
        return "mobile"
    return types[0]


def test_same_person_same_outcome():
    for i in range(30):
        first = SandboxSkipTrace().skip_trace(person(i))
        assert SandboxSkipTrace().skip_trace(person(i)) == first


def test_normalization_ignores_case_and_spaces():
    sandbox = SandboxSkipTrace()
    base = {"first_name": "Ana", "last_name": "Ruiz", "zip": "78701"}
    noisy = {"first_name": "  ANA ", "last_name": "ruiz", "zip": "78701-1234", "city": "Elsewhere"}
    a, b = sandbox.skip_trace(base), sandbox.skip_trace(noisy)
    assert (a.matched, a.phones, a.emails) == (b.matched, b.phones, b.emails)


def test_distribution_over_1000_people():
    sandbox = SandboxSkipTrace()
    outcomes = [sandbox.skip_trace(person(i)) for i in range(1000)]
    counts = {"mobile": 0, "landline": 0, "voip": 0, "none": 0}
    for outcome in outcomes:
        counts[kind(outcome)] += 1
    assert 630 <= counts["mobile"] <= 770
    assert 60 <= counts["landline"] <= 140
    assert 25 <= counts["voip"] <= 80
    assert 110 <= counts["none"] <= 190

    matched = [o for o in outcomes if o.matched]
    with_email = sum(1 for o in matched if o.emails)
    assert with_email / len(matched) > 0.65
    second_landline = sum(1 for o in matched if len(o.phones) == 2)
    assert second_landline > 50
    assert all(o.phones[1].phone_type == "landline" for o in matched if len(o.phones) == 2)


def test_numbers_are_fictional_and_use_area_code():
    sandbox = SandboxSkipTrace()
    numbers = []
    for i in range(200):
        p = person(i)
        p["phone"] = "+1 (737) 200-1234" if i % 2 else None
        outcome = sandbox.skip_trace(p)
        for phone in outcome.phones:
            numbers.append(phone.number)
            assert phone.number[:3] == ("737" if i % 2 else "512")
            assert phone.number[3:8] == "55501"
            assert len(phone.number) == 10
    assert numbers


def test_sandbox_outcomes_are_free_and_complete():
    outcome = next(o for o in (SandboxSkipTrace().skip_trace(person(i)) for i in range(50)) if o.matched)
    assert outcome.cost == 0.0
    assert outcome.partial is False
    assert outcome.raw["sandbox"] is True
    assert all(e.email.endswith("@example.com") for e in outcome.emails)


def test_batch_is_positional_and_matches_single():
    sandbox = SandboxSkipTrace()
    people = [person(i) for i in range(20)]
    assert sandbox.skip_trace_batch(people) == [sandbox.skip_trace(p) for p in people]


@pytest.mark.parametrize("size", [0, 101])
def test_batch_size_validation(size):
    with pytest.raises(ValueError, match="1-100"):
        SandboxSkipTrace().skip_trace_batch([person(1)] * size)


def test_inject_rate_limit_every_third_call():
    sandbox = SandboxSkipTrace(fail_every=3, failure="rate_limit")
    sandbox.skip_trace(person(1))
    sandbox.skip_trace(person(2))
    with pytest.raises(RateLimited) as excinfo:
        sandbox.skip_trace(person(3))
    assert excinfo.value.code == "RATE_LIMIT"
    assert excinfo.value.retry_after == 1.0
    sandbox.skip_trace(person(4))


def test_inject_timeout_on_batch():
    sandbox = SandboxSkipTrace(fail_every=1, failure="timeout")
    with pytest.raises(ApiTimeout) as excinfo:
        sandbox.skip_trace_batch([person(1)])
    assert excinfo.value.code == "API_TIMEOUT"


def test_inject_partial():
    sandbox = SandboxSkipTrace(fail_every=2, failure="partial")
    matched = next(person(i) for i in range(100) if SandboxSkipTrace().skip_trace(person(i)).matched)
    normal = sandbox.skip_trace(matched)
    partial = sandbox.skip_trace(matched)
    assert normal.partial is False
    assert partial.partial is True
    assert partial.missing == ["emails"]
    assert partial.phones == normal.phones


def test_invalid_failure_rejected():
    with pytest.raises(ValueError, match="failure"):
        SandboxSkipTrace(fail_every=2, failure="explode")


def test_label():
    assert SandboxSkipTrace.label == "sandbox"
