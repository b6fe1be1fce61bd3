"""SMS encoding and segment counting, without the database."""

import pytest

from campaigns.segments import (
    GSM7_BASIC,
    GSM7_EXTENSION,
    encoding,
    non_gsm_characters,
    segment_count,
    segment_info,
)

EURO = "€"  # GSM-7 extension table: 2 septets
C_CEDILLA = "ç"  # not in GSM-7 (only the capital Ç is): forces UCS-2, 1 code unit
EMOJI = "😀"  # outside the BMP: a surrogate pair, 2 UTF-16 code units


def test_gsm7_tables_have_the_sizes_of_gsm_03_38():
    # 128 positions less ESC, and the 10 extension characters.
    assert len(GSM7_BASIC) == 127
    assert GSM7_EXTENSION == set("\f^{}\\[~]|€")
    assert not GSM7_BASIC & GSM7_EXTENSION
    assert "\x1b" not in GSM7_BASIC


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "GSM-7"),
        ("Hello, world! 123", "GSM-7"),
        ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ", "GSM-7"),
        ("¡¿ÄÖÑÜ§äöñüà¤", "GSM-7"),
        ("^{}\\[~]|€\f", "GSM-7"),
        ("ç", "UCS-2"),
        ("Ç", "GSM-7"),
        ("it’s", "UCS-2"),  # curly apostrophe
        ("“quoted”", "UCS-2"),
        ("a\u00a0b", "UCS-2"),  # non-breaking space
        ("Ω", "GSM-7"),  # Greek capital omega
        ("\u2126", "UCS-2"),  # ohm sign: looks like Ω but is not in the table
        ("á", "UCS-2"),  # only some accented letters are in GSM-7
        ("\x1b", "UCS-2"),  # a bare ESC is not a character of the alphabet
        ("Hi " + EMOJI, "UCS-2"),
        ("`", "UCS-2"),
    ],
)
def test_encoding(text, expected):
    assert encoding(text) == expected


def test_every_gsm7_character_keeps_gsm7_and_every_other_forces_ucs2():
    assert encoding("".join(sorted(GSM7_BASIC | GSM7_EXTENSION))) == "GSM-7"
    for code_point in range(0x20, 0x3000):
        char = chr(code_point)
        expected = "GSM-7" if char in GSM7_BASIC or char in GSM7_EXTENSION else "UCS-2"
        assert encoding("abc" + char) == expected, repr(char)


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        ("", 0),
        ("a", 1),
        # GSM-7: 160 in one, 153 per part
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 306, 2),
        ("a" * 307, 3),
        ("a" * 459, 3),
        ("a" * 460, 4),
        # extension characters cost 2 septets
        (EURO * 80, 1),
        (EURO * 81, 2),
        ("a" * 159 + EURO, 2),
        ("a" * 158 + EURO, 1),
        ("{" + "a" * 158, 1),
        ("a" * 150 + "[]" + "a" * 6, 1),  # 150 + 4 + 6 = 160
        ("a" * 150 + "[]" + "a" * 7, 2),
        # an extension character never straddles a part boundary: with 152 septets used, € (2)
        # moves to the next part, which then overflows into a third
        ("a" * 152 + EURO + "a" * 152, 3),
        ("a" * 151 + EURO + "a" * 153, 2),  # 151 + 2 = 153 fills part one exactly
        ("a" * 152 + EURO + "a" * 151, 2),
        # UCS-2: 70 in one, 67 per part
        (C_CEDILLA * 70, 1),
        (C_CEDILLA * 71, 2),
        (C_CEDILLA * 134, 2),
        (C_CEDILLA * 135, 3),
        ("a" * 69 + C_CEDILLA, 1),
        ("a" * 70 + C_CEDILLA, 2),  # one character turns a 71-character GSM-7 text into 2 UCS-2 parts
        ("a" * 100 + C_CEDILLA, 2),
        # an emoji is 2 UTF-16 code units
        (EMOJI * 35, 1),
        (EMOJI * 36, 2),
        ("a" * 68 + EMOJI, 1),
        ("a" * 69 + EMOJI, 2),
        ("a" * 159 + EMOJI, 3),  # 161 code units
        # and a surrogate pair never straddles a part boundary either
        (C_CEDILLA * 66 + EMOJI + C_CEDILLA * 66, 3),
        (C_CEDILLA * 65 + EMOJI + C_CEDILLA * 67, 2),
        # extension characters cost 1 code unit in UCS-2
        (EURO * 69 + C_CEDILLA, 1),
    ],
)
def test_segment_count(text, segments):
    assert segment_count(text) == segments


@pytest.mark.parametrize(
    ("text", "encoding_", "units"),
    [
        ("", "GSM-7", 0),
        ("hello", "GSM-7", 5),
        ("a€b", "GSM-7", 4),
        ("a\fb", "GSM-7", 4),
        ("aç", "UCS-2", 2),
        ("a€ç", "UCS-2", 3),
        ("a" + EMOJI, "UCS-2", 3),
        ("👍🏽", "UCS-2", 4),  # thumbs up + skin tone: two astral code points
    ],
)
def test_segment_info_units(text, encoding_, units):
    info = segment_info(text)

    assert (info.encoding, info.units) == (encoding_, units)


@pytest.mark.parametrize(
    ("text", "characters"),
    [
        ("", []),
        ("Plain GSM text with € and {braces}", []),
        ("Hello 😀 world ç 😀 ç", ["😀", "ç"]),
        ("“Smart” quotes", ["“", "”"]),
        ("it’s a naïve café", ["’", "ï"]),  # é is in GSM-7, ï is not
        ("Tab\there", ["\t"]),
        ("\u03a9 vs \u2126", ["\u2126"]),
    ],
)
def test_non_gsm_characters_lists_each_offender_once_in_order(text, characters):
    assert non_gsm_characters(text) == characters
    assert segment_info(text).non_gsm == characters
