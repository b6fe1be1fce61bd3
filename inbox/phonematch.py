"""The phone numbers in a reply, as ``phonenumbers.PhoneNumberMatcher(text, "US", leniency=VALID)`` finds them.

``us_phone_matches(text)`` returns the list that matcher gives (the same starts, ends, numbers, extensions and country
codes), faster for the replies most numbers come in: a US number written plainly ("512-555-0143", "(215) 555-0122",
"773.555.0150", "602 555 0133", "5125550143") with nothing beside it that the matcher could read as part of a number.
There the matcher's answer is known without its candidate search, parsing and retries: the number is the run of
digits, valid when ``phonenumbers.is_valid_number`` says so, and no match at all when it does not. Any other text (a
"+", an extension, digits a few characters away, a letter against the number, seven or more digits outside the plain
numbers) is given to the matcher itself.

Why the plain case is exact (the matcher's steps, phonenumbers 9.x, ``phonenumbermatcher.py``):

- A candidate starts at a digit or at an opening bracket or "+" that a few separators join to a digit. Before a plain
  number there is no digit, bracket or "+" within the separators and extension words that lead to it (``_apart``),
  so its candidate starts where it does.
- A candidate runs on over up to four separators to more digits, or into an extension ("x12", "ext. 204", "#3",
  "int 5"); after a plain number there is none of them, so its candidate ends where it does. It is no date, time
  stamp or page reference (those need a "/", a space before two last digits or a bracket after).
- With leniency VALID a candidate against a Latin letter, a "%" or a currency sign is dropped: the plain number has a
  space or plain punctuation on both sides.
- The number parsed has country code 1 and the ten digits as its national number (no "+", no leading 1); VALID asks
  ``is_valid_number``, no "x" in the candidate, and a national prefix only where the US formats ask for one (they ask
  for none: ``_US_FORMATS_NEED_NO_PREFIX``).
- A plain number that is not valid (an area code that does not exist, "555-284-1190") is no match: the matcher tries
  the pieces its inner patterns cut out of the candidate (after a bracket, a space, a dot), each of at most seven
  digits with no "+"; without a "+" a valid number needs ten digits (a piece that starts "011" has at most one
  after it), so none is kept, and the matcher reads on after the candidate.
- Digits elsewhere in the text (at most six outside the plain numbers, and none joined to them) cannot form a valid
  number: without a "+" the shortest valid one has seven.

``inbox/tests/test_phonematch.py`` compares both on many texts.
"""

from __future__ import annotations

import functools
import re

import phonenumbers

# A US number written plainly: 3-3-4 digits with the same separator twice (dash, dot or space), "(NXX) NXX-XXXX", or
# ten digits together; the area code and the exchange do not start with 0 or 1 (a leading "1" is parsed otherwise)
_PLAIN_US_NUMBER = re.compile(
    r"(?<![0-9])(?:\(([2-9][0-9]{2})\) ?([2-9][0-9]{2})-([0-9]{4})|([2-9][0-9]{2})([-. ])([2-9][0-9]{2})\5([0-9]{4})"
    r"|([2-9][0-9]{2})([2-9][0-9]{2})([0-9]{4}))(?![0-9])"
)
# The ASCII characters the matcher reads between a number's digits or before an extension's: separators (spaces,
# dashes, dots, brackets, slashes, tildes, "x") and the marks around an extension ("," ";" ":" "=" "#"). Passed over
# around a plain number, what lies beyond them decides whether the matcher could join it to the number.
_JOINING = " \t\n\r\f\v-xX.()[]/~,;:=#"
# An extension word the matcher reads after digits ("ext", "extn", "xt", "extensi", "int", "anexo"), at the end of
# what precedes a plain number
_EXTENSION_WORD_AT_END = re.compile(r"(?i:e?xt(?:ensi)?n?|int|anexo)\Z")
_EXTENSION_WORDS = ("ext", "xt", "int", "anexo")
_NON_ASCII_DIGIT = re.compile(r"(?![0-9])\d")
_MAX_OTHER_DIGITS = 6


@functools.cache
def _us_formats_need_no_prefix() -> bool:
    """Whether no US number format asks for the national prefix (then VALID never drops a plain US number for
    lacking one)."""
    metadata = phonenumbers.PhoneMetadata.metadata_for_region("US")
    return metadata is not None and not any(f.national_prefix_formatting_rule for f in metadata.number_format)


def _apart(text: str, start: int, end: int, bracketed: bool) -> bool:
    """Whether the matcher's candidate for the plain number at ``text[start:end]`` is exactly that span, and kept."""
    before = text[:start]
    kept = before.rstrip(_JOINING)
    if kept and (kept[-1].isdigit() or not kept[-1].isascii()):
        return False  # digits or an unknown character a few separators before it
    if "(" in before[len(kept) :] or "[" in before[len(kept) :]:
        return False  # an opening bracket before it would open the candidate
    word = _EXTENSION_WORD_AT_END.search(kept[-12:])
    if word and kept[: len(kept) - len(word.group())].rstrip(_JOINING)[-1:].isdigit():
        return False  # "7 ext 512-555-0143": the digits are an extension of what precedes
    previous = text[start - 1] if start else " "
    if not bracketed and (previous.isalnum() or not previous.isascii() or previous in "%$"):
        return False  # against a letter ("abc8005550143") or a sign, the matcher drops it
    after = text[end:]
    rest = after.lstrip(_JOINING)
    joined = after[: len(after) - len(rest)]
    if rest[:1].isdigit() or (rest and not rest[0].isascii()):
        return False  # more digits a few separators after it, or an unknown character
    if "x" in joined or "X" in joined or "#" in joined or rest[:5].lower().startswith(_EXTENSION_WORDS):
        return False  # an extension may follow
    following = text[end] if end < len(text) else " "
    return not (following.isalnum() or following in "%$")


def _plain_matches(text: str) -> list[phonenumbers.PhoneNumberMatch] | None:
    """The matches when every number in ``text`` is written plainly and stands apart; None when the matcher must
    read the text."""
    if "+" in text or "\uff0b" in text or not _us_formats_need_no_prefix():
        return None
    if not text.isascii() and _NON_ASCII_DIGIT.search(text):
        return None  # digits of another script: the matcher reads them as digits
    found, invalid = [], 0
    for run in _PLAIN_US_NUMBER.finditer(text):
        if not _apart(text, run.start(), run.end(), bracketed=run.group(1) is not None):
            return None
        digits = "".join(group for group in run.groups() if group and group.isdigit())
        number = phonenumbers.PhoneNumber(country_code=1, national_number=int(digits))
        if not phonenumbers.is_valid_number(number):
            # an area code that does not exist ("(555) 284-1190"): the matcher's candidate is this span, and the pieces
            # it tries inside it hold at most seven digits and no "+" (nor an "011" with digits enough after it), which
            # no valid number is; it finds nothing there and reads on after it
            invalid += 1
            continue
        found.append(phonenumbers.PhoneNumberMatch(run.start(), run.group(), number))
    if sum(map(text.count, "0123456789")) - 10 * (len(found) + invalid) > _MAX_OTHER_DIGITS:
        return None  # other digits that may make a number
    return found


def us_phone_matches(text: str) -> list[phonenumbers.PhoneNumberMatch]:
    """``list(phonenumbers.PhoneNumberMatcher(text, "US", leniency=phonenumbers.Leniency.VALID))``."""
    found = _plain_matches(text)
    if found is None:
        found = list(phonenumbers.PhoneNumberMatcher(text, "US", leniency=phonenumbers.Leniency.VALID))
    return found
