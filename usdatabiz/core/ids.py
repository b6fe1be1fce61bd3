"""Prefixed ULID identifiers such as ``ds_01JD0Q9M3N8Y3V6S6J1X2K4F7B``."""

import os
import time

from django.db import models
from ulid import ULID

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32, in sort order
_PAIRS = [a + b for a in _ALPHABET for b in _ALPHABET]  # 10 bits -> 2 symbols


def new_id(prefix: str) -> str:
    """Return a new prefixed ULID string."""
    return f"{prefix}_{ULID()}"


def id_batch(prefix: str, count: int) -> list[str]:
    """Return ``count`` new prefixed ULIDs, monotonic within the batch, for bulk loads."""
    if count <= 0:
        return []
    millis = int(time.time() * 1000)
    # 80 random bits: the high 40 are fixed for the batch, the low 40 count up from a random start.
    high = str(ULID.from_timestamp(millis / 1000))[:10] + _encode40(int.from_bytes(os.urandom(5), "big"))
    start = int.from_bytes(os.urandom(5), "big") >> 2  # headroom so the counter never carries into ``high``
    head = f"{prefix}_{high}"
    pairs = _PAIRS
    ids: list[str] = []
    n, end = start, start + count
    while n < end:  # ids sharing all but their last 10 bits at a time: one concatenation per id
        block_end = min(end, (n | 1023) + 1)
        stem = head + pairs[(n >> 30) & 1023] + pairs[(n >> 20) & 1023] + pairs[(n >> 10) & 1023]
        ids += [stem + pair for pair in pairs[n & 1023 : ((block_end - 1) & 1023) + 1]]
        n = block_end
    return ids


def _encode40(value: int) -> str:
    return (
        _PAIRS[(value >> 30) & 1023]
        + _PAIRS[(value >> 20) & 1023]
        + _PAIRS[(value >> 10) & 1023]
        + _PAIRS[value & 1023]
    )


ULID_PATTERN = "[0-7][0-9A-HJKMNP-TV-Z]{25}"  # 26 Crockford symbols, upper case, as new_id and id_batch write them


def id_pattern(prefix: str) -> str:
    """Return the anchored regular expression every id with ``prefix`` matches (also an OpenAPI ``pattern``)."""
    return f"^{prefix}_{ULID_PATTERN}$"


def is_prefixed_id(value: str, prefix: str) -> bool:
    """Tell whether ``value`` is a well-formed ULID with the given prefix."""
    if not isinstance(value, str) or not value.startswith(prefix + "_"):
        return False
    try:
        ULID.from_str(value[len(prefix) + 1 :])
    except ValueError:
        return False
    return True


class PrefixedULIDField(models.CharField):
    """Primary key holding ``<prefix>_<ULID>``; the prefix tells what kind of record an id names."""

    def __init__(self, prefix: str = "", *args, **kwargs):
        self.prefix = prefix
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("primary_key", True)
        kwargs.setdefault("editable", False)
        kwargs["default"] = None
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["prefix"] = self.prefix
        kwargs.pop("default", None)
        if kwargs.get("max_length") == 40:
            kwargs.pop("max_length")
        kwargs.pop("primary_key", None)
        kwargs.pop("editable", None)
        return name, path, args, kwargs

    def db_type(self, connection):
        # Spelled out so that Django's PostgreSQL backend adds no varchar_pattern_ops ("_like") index
        # beside every id and foreign key: ids are matched exactly, never with LIKE.
        if connection.vendor == "postgresql":
            return f"character varying({self.max_length})"
        return super().db_type(connection)

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if not value:
            value = new_id(self.prefix)
            setattr(model_instance, self.attname, value)
        return value

    def get_default(self):
        return new_id(self.prefix)
