"""Reading what a provider sends us without trusting it: bounded JSON and clean text."""

from __future__ import annotations

import json
from typing import Any

from .errors import PayloadInvalid

MAX_DEPTH = 16


def load_json(raw_body: bytes | str, *, max_depth: int = MAX_DEPTH) -> Any:
    """Parse JSON; raise ``PayloadInvalid`` for bytes that are not UTF-8 JSON or nest deeper than ``max_depth``."""
    try:
        text = raw_body.decode("utf-8") if isinstance(raw_body, bytes | bytearray) else str(raw_body)
        value = json.loads(text)
    except (UnicodeDecodeError, ValueError) as exc:
        raise PayloadInvalid("the body is not UTF-8 JSON") from exc
    except RecursionError as exc:
        raise PayloadInvalid("the JSON nests too deeply") from exc
    if _depth(value) > max_depth:
        raise PayloadInvalid(f"the JSON nests deeper than {max_depth} levels")
    return value


def _depth(value: Any) -> int:
    """How deep containers nest (a scalar is 0), walked without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in children)
    return deepest


def clean_text(value: Any, limit: int) -> str:
    """A provider's text as we can store it: no NUL, no lone surrogate, at most ``limit`` characters.

    Containers and null give ``""``; numbers become their text.
    """
    if value is None or isinstance(value, dict | list | bool):
        return ""
    text = str(value)
    text = text.encode("utf-8", "replace").decode("utf-8").replace("\x00", "")
    return text.strip()[:limit]
