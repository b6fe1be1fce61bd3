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
