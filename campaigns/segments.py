"""Count the SMS segments a text will be billed as, and say why it needs UCS-2.

An SMS carries 140 octets. In the GSM 03.38 7-bit alphabet (GSM-7) that is 160 characters; a
character of the extension table (``^ { } \\ [ ~ ] | €`` and form feed) is sent as ESC plus a
second septet, so it costs 2. A text with any character outside both tables is sent in UCS-2,
70 UTF-16 code units, where a character outside the Basic Multilingual Plane (most emoji) is a
surrogate pair and costs 2.

A longer text is split into concatenated parts whose user-data header leaves 153 septets (GSM-7)
or 67 code units (UCS-2) each. A part never ends half-way through a character: an extension
character (ESC + septet) or a surrogate pair that would straddle the boundary moves whole to the
next part, as handsets and the common SMS gateways do, so such a text can need one part more than
plain division says.

The GSM-7 table is the default alphabet only: national language shift tables are not used, and
characters that some gateways transliterate (``ç``, curly quotes, non-breaking space) count as
what they are, non-GSM, so the count never comes out lower than what a carrier may bill.
"""

from dataclasses import dataclass
from typing import Literal

Encoding = Literal["GSM-7", "UCS-2"]

GSM7 = "GSM-7"
UCS2 = "UCS-2"

# GSM 03.38 default alphabet, in table order (0x00-0x7F), without 0x1B (ESC), which is not a
# character a text can contain but the prefix of the extension table.
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅå"
    "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
    " !\"#¤%&'()*+,-./"
    "0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# GSM 03.38 extension table: each is sent as ESC + one septet.
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")

GSM7_SINGLE = 160
GSM7_PART = 153
UCS2_SINGLE = 70
UCS2_PART = 67


@dataclass(frozen=True)
class SegmentInfo:
    """What a text costs: its encoding, its length in that encoding's units, and its parts."""

    encoding: Encoding
    units: int
    segments: int
    non_gsm: list[str]


def is_gsm7(char: str) -> bool:
    """Tell whether one character can be sent in GSM-7 (basic or extension table)."""
    return char in GSM7_BASIC or char in GSM7_EXTENSION


def encoding(text: str) -> Encoding:
    """Return the encoding a text must be sent in: GSM-7 when every character fits, else UCS-2."""
    return GSM7 if all(is_gsm7(char) for char in text) else UCS2


def non_gsm_characters(text: str) -> list[str]:
    """Return the characters that force UCS-2, each once, in order of first appearance."""
    seen: dict[str, None] = {}
    for char in text:
        if not is_gsm7(char):
            seen.setdefault(char, None)
    return list(seen)


def _unit_costs(text: str, enc: Encoding) -> list[int]:
    if enc == GSM7:
        return [2 if char in GSM7_EXTENSION else 1 for char in text]
    return [2 if ord(char) > 0xFFFF else 1 for char in text]


def _pack(costs: list[int], part_size: int) -> int:
    parts, used = 1, 0
    for cost in costs:
        if used + cost > part_size:
            parts += 1
            used = 0
        used += cost
    return parts


def segment_info(text: str) -> SegmentInfo:
    """Return the encoding, unit length, segment count and UCS-2-forcing characters of a text."""
    enc = encoding(text)
    costs = _unit_costs(text, enc)
    units = sum(costs)
    single, part = (GSM7_SINGLE, GSM7_PART) if enc == GSM7 else (UCS2_SINGLE, UCS2_PART)
    if units == 0:
        segments = 0
    elif units <= single:
        segments = 1
    else:
        segments = _pack(costs, part)
    return SegmentInfo(encoding=enc, units=units, segments=segments, non_gsm=non_gsm_characters(text))


def segment_count(text: str) -> int:
    """Return how many SMS segments a text is sent as (0 for an empty text)."""
    return segment_info(text).segments
