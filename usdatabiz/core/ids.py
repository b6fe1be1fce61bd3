"""Prefixed ULID identifiers such as ``ds_01JD0Q9M3N8Y3V6S6J1X2K4F7B``."""

import base64
import os
import time

from django.db import models
from ulid import ULID

# RFC 4648 base32 -> Crockford base32, symbol by symbol, so byte order is preserved.
_CROCKFORD = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", b"0123456789ABCDEFGHJKMNPQRSTVWXYZ")


def new_id(prefix: str) -> str:
    """Return a new prefixed ULID string."""
    return f"{prefix}_{ULID()}"


def id_batch(prefix: str, count: int) -> list[str]:
    """Return ``count`` new prefixed ULIDs, monotonic within the batch, for bulk loads."""
    if count <= 0:
        return []
    millis = int(time.time() * 1000)
    start = int.from_bytes(os.urandom(10), "big") >> 1  # headroom so the counter never overflows 80 bits
    head = f"{prefix}_{str(ULID.from_timestamp(millis / 1000))[:10]}"
    out = []
    for offset in range(count):
        tail = base64.b32encode((start + offset).to_bytes(10, "big")).translate(_CROCKFORD).decode()
        out.append(head + tail)
    return out


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

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if not value:
            value = new_id(self.prefix)
            setattr(model_instance, self.attname, value)
        return value

    def get_default(self):
        return new_id(self.prefix)
