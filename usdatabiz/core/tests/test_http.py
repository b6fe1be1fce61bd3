import pytest

from usdatabiz.core.http import backoff_delay, parse_retry_after


@pytest.mark.parametrize(("value", "seconds"), [(None, None), ("3", 3.0), (" 1.5 ", 1.5), ("-1", None), ("soon", None)])
def test_parse_retry_after(value, seconds):
    assert parse_retry_after(value) == seconds


def test_backoff_grows_is_capped_and_jitters_by_half_at_most():
    delays = [backoff_delay(n, base=0.5, factor=2.0, cap=3.0, rng=lambda: 0.0) for n in range(5)]
    assert delays == [0.5, 1.0, 2.0, 3.0, 3.0]
    assert backoff_delay(1, base=0.5, factor=2.0, cap=3.0, rng=lambda: 1.0) == 1.5
