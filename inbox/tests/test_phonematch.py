"""inbox.phonematch.us_phone_matches answers exactly as phonenumbers.PhoneNumberMatcher(text, "US", VALID)."""

from __future__ import annotations

import csv
import itertools
import random
from pathlib import Path

import phonenumbers
import pytest

from inbox import phonematch
from inbox.phonematch import us_phone_matches

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

NUMBERS = [
    "512-555-0143", "(215) 555-0122", "(215)555-0122", "773.555.0150", "602 555 0133", "5125550143", "408-555-0196",
    "1-512-555-0143", "+1 512 555 0143", "+1-512-555-0143", "1 (512) 555-0143", "15125550143", "+15125550143",
    "555-309-1182", "123-456-7890", "212-155-0143", "911", "555-0142", "512-555-014", "512-555-01434",
    "512.555-0143", "512 5550143", "(512) 555 0143", "(512)-555-0143", "[512] 555-0143", "512/555/0143",
    "+44 20 7946 0958", "011 44 20 7946 0958", "+52 55 1234 5678", "604-555-0188", "268-464-1234", "876-555-0123",
    "800-555-0199", "900-555-0199", "0512-555-0143", "512-055-0143", "512 - 555 - 0143", "512_555_0143",
    "４０８-５５５-０１９６", "٥١٢-٥٥٥-٠١٤٣", "512-555-O143", "1-800-FLOWERS", "(800) 555-HELP", "2125550143",
    "202-555-0101", "312 555 0177", "646.555.0134", "719-555-0166", "307-555-0123", "341-555-0100",
]  # fmt: skip
AFTER = [
    "", " ext 204", " ext. 305", " x12", " X12", "x12", " #3", "#3", " ~4", " int 5", " extension 22", " anexo 3",
    ", ext 7", ";ext=8", " - 12#", " 2", "  2", "-2", ".2", "/2", " / x 4", " after 6", " after 6pm", ", 7am",
    "abc", "%", "$", " 50%", ".", ",", "!", "?", ")", "]", " (cell)", " (cell is best)", "\n", " — call", " é",
    " and 408-555-0196", " or 773.555.0150", " 555-0142", ", text me", " txt", " extra", " internet", " interested",
    "'s", " ext", " xyz", " 12345", " 1234567", ". Thanks!",
]  # fmt: skip
BEFORE = [
    "", " ", "Call ", "call me at ", "at(", "at ", "abc", "x", "X ", "7 ", "7, ", "7 ext ", "7 x ", "7 int ", "12 ",
    "(", "( ", "[", "+", "+ ", "$", "%", "#", "tel:", "tel: ", "Cell: ", "cell - ", "Text ", "text ", "1 ", "1-", "1",
    "ph.", "-", "/", "é ", "—", "Office 3 ", "Room 12, ", "Suite 100 ", "Call at 7am ", "$500 ", "2 numbers: ",
]  # fmt: skip


def _described(matches) -> list[tuple]:
    return [(m.start, m.end, m.raw_string, m.number) for m in matches]


def _same(text: str) -> None:
    expected = list(phonenumbers.PhoneNumberMatcher(text, "US", leniency=phonenumbers.Leniency.VALID))
    assert _described(us_phone_matches(text)) == _described(expected), text


@pytest.mark.parametrize("number", NUMBERS)
def test_each_number_in_every_setting(number: str) -> None:
    for before, after in itertools.product(BEFORE, AFTER):
        _same(f"{before}{number}{after}")
    for before, after in zip(BEFORE, itertools.cycle(AFTER), strict=False):
        _same(f"Hi there. {before}{number}{after} thanks")


def test_two_numbers_and_random_mixtures() -> None:
    pieces = NUMBERS + BEFORE + AFTER + ["Gwen", " her direct is ", " or ", ", ", " and ", "7", " 12 ", " 1234 "]
    rng = random.Random(20260309)
    for _ in range(4000):
        _same("".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))))


def test_corpus_replies() -> None:
    for part in ("dev", "test"):
        with (CORPUS / f"{part}.csv").open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if sum(ch.isdigit() for ch in row["text"]) >= 7:
                    _same(row["text"])


def test_plain_numbers_take_the_fast_path() -> None:
    # the comparison above means something only if the plain case is actually answered without the matcher
    for text in (
        "Call my office line at 512-555-0143 if you want",
        "Text my son Marcus at (215) 555-0122, he does the computer stuff",
        "use my work cell 773.555.0150 this one's my personal",
        "her direct is 602 555 0133",
        "Raj 408-555-0196",
        "Call me at 406-555-0187 after 6",
        "5125550143",
    ):
        found = phonematch._plain_matches(text)
        assert found is not None, text
        assert len(found) == 1, text
        _same(text)
    for text in ("512-555-0143 ext 204", "+1 512 555 0143", "call 7 512-555-0143", "555-309-1182 x12"):
        assert phonematch._plain_matches(text) is None, text
    # a number whose area code does not exist is no match, known without the matcher
    for text in ("555-309-1182", "Please call (555) 284-1190 to schedule", "555.284.0119 or 5552841190"):
        assert phonematch._plain_matches(text) == [], text
        _same(text)


def test_random_plain_numbers_of_every_area_code() -> None:
    """Plain numbers with random area codes (most do not exist) and exchanges, in every plain format, alone, in
    sentences and beside each other: the fast path answers as the matcher does."""
    rng = random.Random(20261207)
    formats = ("{a}-{e}-{l}", "({a}) {e}-{l}", "({a}){e}-{l}", "{a}.{e}.{l}", "{a} {e} {l}", "{a}{e}{l}")
    fast = 0
    for _ in range(3000):
        numbers = []
        for _ in range(rng.randint(1, 3)):
            area, exchange = rng.randint(200, 999), rng.randint(200, 999)
            line = rng.choice([f"{rng.randint(0, 9999):04d}", "0119", "0110", "1190", "0100"])
            numbers.append(rng.choice(formats).format(a=area, e=exchange, l=line))
        joins = [", ", " or ", ". Call ", " and ", "\n"]
        text = rng.choice(["", "Please call ", "my cell is ", "Call "]) + rng.choice(joins).join(numbers)
        text += rng.choice(["", " to schedule an appointment.", " thanks", "!", " after 5"])
        fast += phonematch._plain_matches(text) is not None
        _same(text)
    assert fast > 2000  # most of them are answered without the matcher
