"""The US number rule of the SMS side: 10 digits of a number that can exist in the US or its territories."""

from __future__ import annotations

import re
from typing import Any

import phonenumbers

# US and its territories share country code 1 with Canada and the Caribbean: one rule decides (core.phones)
from usdatabiz.core.phones import valid_us_digits

_PHONE_CHARS = re.compile(r"^\+?[0-9 ().\-]+$")
_NON_DIGITS = re.compile(r"\D+")


def us_number(value: Any) -> str:
    """Return a US number as 10 digits.

    Accepts 10 digits, 11 digits starting with 1, ``+1...`` and the usual formatting (spaces, dots, dashes,
    parentheses). Raises ``ValueError`` for anything else: letters, another country code, Canadian or Caribbean
    area codes, numbers that cannot exist.
    """
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError("phone number must be a string")
    text = str(value).strip()
    if not text or len(text) > 40 or not _PHONE_CHARS.match(text):
        raise ValueError(f"not a phone number: {text[:40]!r}")
    digits = _NON_DIGITS.sub("", text)
    if text.startswith("+") and not (digits.startswith("1") and len(digits) == 11):
        raise ValueError(f"not a US number (country code must be +1): {text!r}")
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) != 10:
        raise ValueError(f"a US number needs 10 digits: {text!r}")
    if valid_us_digits(digits) is None:  # the project's one rule (usdatabiz.core.phones)
        parsed = phonenumbers.parse("+1" + digits)
        if phonenumbers.is_valid_number(parsed):
            raise ValueError(f"not a US number: {text!r}")  # Canada or the Caribbean
        raise ValueError(f"not a valid US number: {text!r}")
    return digits


def ten_digits(value: Any) -> str | None:
    """The 10-digit form of a number when it is a valid US number, else None (never raises)."""
    try:
        return us_number(value)
    except ValueError:
        return None
