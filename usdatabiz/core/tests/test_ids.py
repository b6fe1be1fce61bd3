import pytest

from usdatabiz.core import ids
from usdatabiz.core.ids import id_batch, is_prefixed_id, new_id


def test_new_id_is_prefixed_ulid():
    value = new_id("ds")
    assert value.startswith("ds_")
    assert len(value) == 29
    assert is_prefixed_id(value, "ds")
    assert not is_prefixed_id(value, "per")


def test_id_batch_is_unique_sorted_and_valid():
    ids = id_batch("per", 5000)
    assert len(set(ids)) == 5000
    assert ids == sorted(ids)
    assert all(is_prefixed_id(i, "per") for i in ids[:50])


def test_is_prefixed_id_rejects_garbage():
    assert not is_prefixed_id("ds_notaulid", "ds")
    assert not is_prefixed_id(None, "ds")


@pytest.mark.parametrize("count", [1, 2, 1023, 1024, 1025, 4096, 5000])
@pytest.mark.parametrize("start", [0, 1, 1022, 1023, 1024, (1 << 20) - 3, (1 << 38) - 2000])
def test_id_batch_counts_up_by_one_from_its_random_start_across_blocks(monkeypatch, start, count):
    """The last 8 symbols of a batch's ids are its counter: consecutive values from the random start."""
    draws = iter([bytes(5), (start << 2).to_bytes(5, "big")])  # the fixed high bits, then the counter's start
    monkeypatch.setattr(ids.os, "urandom", lambda size: next(draws) if size == 5 else bytes(size))
    made = id_batch("per", count)
    assert len(made) == count
    values = [int("".join(f"{ids._ALPHABET.index(ch):05b}" for ch in pid[-8:]), 2) for pid in made]
    assert values == list(range(start, start + count))
    assert len({pid[:-8] for pid in made}) == 1 or start + count > 1 << 40
