import pytest

from messaging.signalhouse import parse_event, sandbox_delivery_event, sandbox_inbound_event, verify, verify_and_parse
from messaging.sms import (
    IdempotencyConflict,
    OutcomeUnknown,
    ProviderError,
    RateLimited,
    SandboxSms,
    SignatureInvalid,
    sandbox_message_id,
)

SENDER = "512-555-0100"
SECRET = "whsec_demo"


def send(sandbox, recipient="512-555-0143", key="k-1", **extra):
    return sandbox.send_sms(sender=SENDER, recipient=recipient, body="Hello", idempotency_key=key, **extra)


@pytest.mark.parametrize("tail", range(100))
def test_outcome_by_last_two_digits(tail):
    outcome = send(SandboxSms(), recipient=f"5125550{tail:03d}", key=f"k-{tail}")
    if tail <= 4:
        assert (outcome.accepted, outcome.error_code, outcome.external_id) == (False, "LANDLINE_BLOCKED", None)
    elif tail <= 7:
        assert (outcome.accepted, outcome.error_code, outcome.external_id) == (False, "INVALID_NUMBER", None)
    else:
        assert outcome.accepted is True
        assert outcome.error_code == ""
        assert outcome.status == "ENQUEUED"
        assert outcome.external_id == sandbox_message_id(f"k-{tail}")


def test_label_and_interface():
    assert SandboxSms.label == "sandbox"


def test_id_depends_on_key_only():
    a = send(SandboxSms(), recipient="5125550143", key="same")
    b = send(SandboxSms(), recipient="5125550199", key="same")
    c = send(SandboxSms(), recipient="5125550143", key="other")
    assert a.external_id == b.external_id
    assert a.external_id != c.external_id
    assert a.external_id.startswith("sbx_")


def test_same_key_replays_first_outcome():
    sandbox = SandboxSms()
    first = send(sandbox, key="k-r")
    second = send(sandbox, key="k-r")
    assert first.replayed is False
    assert second.replayed is True
    assert second.external_id == first.external_id
    assert second.accepted is True


def test_replay_of_a_refusal_is_still_a_refusal():
    sandbox = SandboxSms()
    send(sandbox, recipient="5125550102", key="k-l")
    again = send(sandbox, recipient="5125550102", key="k-l")
    assert (again.replayed, again.accepted, again.error_code) == (True, False, "LANDLINE_BLOCKED")


@pytest.mark.parametrize(
    "change",
    [{"recipient": "5125550199"}, {"status_callback_url": "https://x.example/cb"}, {"filter_landlines": False}],
)
def test_same_key_different_body_conflicts(change):
    sandbox = SandboxSms()
    send(sandbox, key="k-c")
    with pytest.raises(IdempotencyConflict) as excinfo:
        send(sandbox, key="k-c", **change)
    assert excinfo.value.code == "IDEMPOTENCY_CONFLICT"


def test_same_key_different_text_conflicts():
    sandbox = SandboxSms()
    sandbox.send_sms(sender=SENDER, recipient="5125550143", body="A", idempotency_key="k")
    with pytest.raises(IdempotencyConflict):
        sandbox.send_sms(sender=SENDER, recipient="5125550143", body="B", idempotency_key="k")


@pytest.mark.parametrize("recipient", ["+44 20 7946 0958", "416-555-0143", "12345", ""])
def test_bad_numbers_raise_value_error(recipient):
    sandbox = SandboxSms()
    with pytest.raises(ValueError, match="number"):
        send(sandbox, recipient=recipient)
    assert sandbox.calls == 0


def test_formatted_numbers_are_equivalent():
    sandbox = SandboxSms()
    send(sandbox, recipient="(512) 555-0143", key="k-f")
    assert send(sandbox, recipient="+1 512.555.0143", key="k-f").replayed is True


@pytest.mark.parametrize(
    ("failure", "error"),
    [("rate_limit", RateLimited), ("timeout", OutcomeUnknown), ("provider_error", ProviderError)],
)
def test_injected_failures_every_nth_call(failure, error):
    sandbox = SandboxSms(fail_every=3, failure=failure)
    results = []
    for i in range(6):
        try:
            send(sandbox, recipient="5125550143", key=f"k-{i}")
            results.append("ok")
        except error as exc:
            results.append(exc.code)
    assert results == ["ok", "ok", error().code, "ok", "ok", error().code]


def test_injected_timeout_still_sends_so_retry_is_a_replay():
    sandbox = SandboxSms(fail_every=1, failure="timeout")
    with pytest.raises(OutcomeUnknown):
        send(sandbox, key="k-t")
    sandbox.fail_every = 0
    outcome = send(sandbox, key="k-t")
    assert outcome.replayed is True
    assert outcome.external_id == sandbox_message_id("k-t")


def test_injected_rate_limit_does_not_send():
    sandbox = SandboxSms(fail_every=1, failure="rate_limit")
    with pytest.raises(RateLimited) as excinfo:
        send(sandbox, key="k-rl")
    assert excinfo.value.retry_after == 1.0
    sandbox.fail_every = 0
    assert send(sandbox, key="k-rl").replayed is False


@pytest.mark.parametrize(("fail_every", "failure"), [(-1, "rate_limit"), (1, "explode")])
def test_invalid_failure_options(fail_every, failure):
    with pytest.raises(ValueError, match="fail"):
        SandboxSms(fail_every=fail_every, failure=failure)


def test_delivery_report_is_deterministic_and_stateless():
    ids = [send(SandboxSms(), key=f"key-{i}").external_id for i in range(400)]
    report = SandboxSms().delivery_report(ids)  # a fresh instance knows nothing about the sends
    assert [s.external_id for s in report] == ids
    failed = [s for s in report if s.status == "FAILED"]
    delivered = [s for s in report if s.status == "DELIVERED"]
    assert len(failed) + len(delivered) == 400
    assert 5 <= len(failed) <= 40  # about 1 in 20
    assert all(s.reason == "carrier rejected" and s.error_code == "PROVIDER_ERROR" for s in failed)
    assert all(s.error_code == "" and s.segments == 1 for s in delivered)
    assert SandboxSms().delivery_report(ids) == report


def test_delivery_report_skips_unknown_and_duplicate_ids():
    good = sandbox_message_id("k")
    report = SandboxSms().delivery_report([good, "not-ours", good])
    assert [s.external_id for s in report] == [good]


def test_delivery_report_validates_input():
    with pytest.raises(ValueError, match="list of ids"):
        SandboxSms().delivery_report("sbx_abc")
    with pytest.raises(ValueError, match="non-empty"):
        SandboxSms().delivery_report([""])


def test_delivery_report_injected_failure():
    sandbox = SandboxSms(fail_every=1, failure="timeout")
    with pytest.raises(ProviderError):
        sandbox.delivery_report([sandbox_message_id("k")])


def test_sandbox_inbound_event_verifies_and_parses():
    headers, body = sandbox_inbound_event("(512) 555-0143", "512-555-0100", "Yes please", SECRET, now_ms=1_000_000)
    assert isinstance(body, bytes)
    verify(SECRET, headers, body, now_ms=1_000_000)
    event = verify_and_parse(SECRET, headers, body, now_ms=1_000_000)
    assert event.kind == "inbound"
    assert (event.from_number, event.to_number, event.text) == ("5125550143", "5125550100", "Yes please")
    assert event.delivery_id == headers["X-SignalHouse-Delivery-Id"]
    again, _ = sandbox_inbound_event("5125550143", "5125550100", "Yes please", SECRET, now_ms=1_000_000)
    assert again["X-SignalHouse-Delivery-Id"] == event.delivery_id  # deterministic for the same input


def test_sandbox_inbound_event_uses_current_time_by_default():
    headers, body = sandbox_inbound_event("5125550143", "5125550100", "hi", SECRET)
    verify(SECRET, headers, body)  # fresh, so it passes the 5-minute window


def test_sandbox_inbound_event_wrong_secret_fails():
    headers, body = sandbox_inbound_event("5125550143", "5125550100", "hi", SECRET)
    with pytest.raises(SignatureInvalid, match="signature"):
        verify("other", headers, body)


def test_sandbox_delivery_event_agrees_with_report():
    ids = [sandbox_message_id(f"k{i}") for i in range(60)]
    report = {s.external_id: s.status for s in SandboxSms().delivery_report(ids)}
    for external_id in ids:
        headers, body = sandbox_delivery_event(external_id, SECRET)
        verify(SECRET, headers, body)
        event = parse_event(body)
        assert event.identifier == external_id
        assert event.status == report[external_id]
        assert event.kind == ("failed" if report[external_id] == "FAILED" else "delivered")
