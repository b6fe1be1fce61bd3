"""Pure-Python normalizers for rows of US business-contact CSV lists (USDataBiz).

Everything here is hot-path code for bulk ingest (1M rows in well under a minute), so each function keeps the
common case to a couple of C-level string operations and a precompiled regex, and caches inputs that repeat a lot
(states, SIC codes, revenue and headcount buckets, ZIP codes).  No Django, no database.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import phonenumbers

from usdatabiz.core.phones import valid_us_digits

__all__ = [
    "NAME_EXTRA_WORDS",
    "US_STATES",
    "Memo",
    "clean",
    "clean_cell",
    "display_name",
    "email_from_cell",
    "normalize_business_name",
    "normalize_email",
    "normalize_person_name",
    "normalize_phone",
    "normalize_sic",
    "normalize_state",
    "parse_int_range",
    "parse_money",
    "parse_year",
    "phone_from_cell",
    "phones_from_cell",
    "split_full_name",
    "first_name_cell",
    "last_name_cell",
    "split_zip",
]

# ---------------------------------------------------------------------------------------------------------------------
# clean
# ---------------------------------------------------------------------------------------------------------------------

NULL_MARKERS = frozenset({"null", "none", "n/a", "na", "-", "#n/a"})


def clean(value: str | None) -> str:
    """Return the value with whitespace trimmed and collapsed, mapping None and null markers to ""."""
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    text = " ".join(value.split())
    if len(text) <= 4 and text.lower() in NULL_MARKERS:
        return ""
    return text


def clean_cell(value: str) -> str:
    """Return a CSV cell with whitespace trimmed (and collapsed when it holds runs or tabs), null markers as ""."""
    text = " ".join(value.split()) if ("  " in value or "\t" in value or "\n" in value) else value.strip()
    return "" if len(text) <= 4 and text.lower() in NULL_MARKERS else text


class Memo(dict):
    """Remember a pure function of one argument for the values that repeat in a list (cities, names, ZIPs).

    ``memo[value]`` is a plain dict look-up when the value was seen: the function runs on a miss only. Bounded:
    past ``limit`` entries it starts again empty, so a file of unique values costs memory of ``limit`` entries.
    """

    __slots__ = ("func", "limit")

    def __init__(self, func, limit: int = 1 << 15):
        super().__init__()
        self.func = func
        self.limit = limit

    def __missing__(self, key):
        value = self.func(key)
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value


# Characters that mean "a space" in messy CSV text: NBSP & friends, plus typographic dashes/quotes mapped to ASCII.
_UNICODE_PUNCT = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        # Letters NFKD does not decompose into ASCII.
        "\u00df": "ss",
        "\u1e9e": "SS",
        "\u00e6": "ae",
        "\u00c6": "AE",
        "\u0153": "oe",
        "\u0152": "OE",
        "\u00f8": "o",
        "\u00d8": "O",
        "\u0142": "l",
        "\u0141": "L",
        "\u0111": "d",
        "\u0110": "D",
        "\u00f0": "d",
        "\u00d0": "D",
        "\u00fe": "th",
        "\u00de": "TH",
        "\u0131": "i",
    }
)


def _fold_ascii(text: str) -> str:
    """Fold accents and typographic punctuation of a non-ASCII string to plain ASCII."""
    text = unicodedata.normalize("NFKD", text.translate(_UNICODE_PUNCT))
    return text.encode("ascii", "ignore").decode("ascii")


# ---------------------------------------------------------------------------------------------------------------------
# phones
# ---------------------------------------------------------------------------------------------------------------------

# Formatting characters deleted by the digits-only fast path.
_PHONE_FORMATTING = str.maketrans("", "", " \t()-.+/\u00a0\u2010\u2011\u2012\u2013\u2014\u2212")
# Excel / Java style scientific notation, e.g. "5.125550143E9" or "5.12555014E+09".
_SCI_RE = re.compile(r"(\d)\.(\d+)[eE]\+?(\d{1,2})")
# Trailing extension: "x12", "ext. 12", "extension 12", "#12", "\u00d712" (a multiplication sign for the x).
_PHONE_EXT_RE = re.compile(r"\s*[,;]?\s*(?:ext(?:ension)?\.?|x|#|\u00d7)\s*\d{1,6}\s*$", re.IGNORECASE)
# Trailing parenthesised annotation such as "(cell)", "(main office)".
_PHONE_NOTE_RE = re.compile(r"\s*\([a-z .'/-]*\)\s*$", re.IGNORECASE)
# Leading label such as "tel:", "Phone:", "Ph." that would otherwise be read as vanity letters.
_PHONE_LABEL_RE = re.compile(r"^\s*(?:tel|phone|ph|telephone|mobile|cell|fax|office|main)\s*[.:#]?\s*", re.IGNORECASE)
# Trailing label after a space: "512-555-0143 cell", "512-555-0143 - mobile". Tried only when the rest reads as a
# valid number, so that a vanity number ("1 800 555 CELL") still goes to the keypad conversion.
_PHONE_TAIL_LABEL_RE = re.compile(
    r"\s+[-:,/]?\s*(?:tel|phone|telephone|mobile|cell|office|main|home|work|direct|business|landline)\.?\s*$",
    re.IGNORECASE,
)
# A spreadsheet's float: "5125550143.0", "5125550143.00".
_FLOAT_ARTEFACT_RE = re.compile(r"(\d+)\.00?")
# Minimum significant digits a scientific-notation phone must carry ("5.13E+09" is Excel's lossy display format).
_SCI_MIN_SIG_DIGITS = 7


def _nanp_or_none(digits: str) -> str | None:
    """Return the 10-digit US number from a digit string (optional leading 1) or None when invalid.

    The project's one rule of US phone validity (``usdatabiz.core.phones``), shared with skip-trace and SMS."""
    return valid_us_digits(digits)


def _phone_fast(text: str) -> str | None | bool:
    """Return the NANP number, None when the digits are conclusively invalid, or False when not digits-only."""
    digits = text.translate(_PHONE_FORMATTING)
    if digits.isdigit() and digits.isascii():
        return _nanp_or_none(digits)
    return False


def _phone_scientific(text: str) -> str | None | bool:
    """Return the NANP number in scientific notation, None when lossy or invalid, or False when not such a value."""
    match = _SCI_RE.fullmatch(text)
    if match is None:
        return False
    head, fraction, exponent = match.group(1), match.group(2), int(match.group(3))
    significant = (head + fraction).rstrip("0")
    if len(fraction) > exponent or len(significant) < _SCI_MIN_SIG_DIGITS:
        return None
    return _nanp_or_none(head + fraction + "0" * (exponent - len(fraction)))


def normalize_phone(raw: str | None) -> str | None:
    """Return the 10-digit form of a phone number, or None when it is not a valid US number (``core.phones``)."""
    if raw is None:
        return None
    if not isinstance(raw, str):
        raw = str(raw)
    text = raw.strip()
    if text[-2:] == ".0" or text[-3:] == ".00":  # float artefact: "5125550143.0" (the SQL path strips it alike)
        match = _FLOAT_ARTEFACT_RE.fullmatch(text)
        text = match.group(1) if match else text
    digits = text if text.isdigit() else text.translate(_PHONE_FORMATTING)
    if digits.isdigit() and digits.isascii():
        return valid_us_digits(digits)
    return _phone_slow(text) if text else None


def _phone_slow(text: str) -> str | None:
    """Normalize a phone with letters, an extension, a label or scientific notation."""
    result = _phone_scientific(text)
    if result is not False:
        return result
    stripped = _PHONE_NOTE_RE.sub("", _PHONE_EXT_RE.sub("", _PHONE_LABEL_RE.sub("", text)))
    if stripped != text:
        result = _phone_fast(stripped)
        if result is not False:
            return result
    if not any(ch.isalpha() for ch in stripped):
        # Digits mixed with stray symbols; keep only the digits if there is a plausible count.
        digits = "".join(ch for ch in stripped if "0" <= ch <= "9")
        return _nanp_or_none(digits) if len(digits) in (10, 11) else None
    unlabelled = _PHONE_TAIL_LABEL_RE.sub("", stripped)
    if unlabelled != stripped and (result := _phone_fast(unlabelled)):
        return result
    # Letters left: vanity numbers ("1-800-FLOWERS") and free text; phonenumbers converts letters on the keypad.
    try:
        parsed = phonenumbers.parse(stripped, "US")
    except phonenumbers.NumberParseException:
        return None
    if parsed.country_code != 1 or parsed.italian_leading_zero:
        return None
    return _nanp_or_none(str(parsed.national_number))


# Between two numbers written in one cell: "/", ";", ",", "|", "&" or the words "or" / "and".
_PHONE_LIST_RE = re.compile(r"\s*(?:[/;,|&]|\b(?:or|and)\b)\s*", re.IGNORECASE)


def phones_from_cell(raw: str | None) -> list[str]:
    """Return the valid US numbers of a list's phone cell, in order and once each; it may hold several ("a / b").

    The cell read as one number wins (so "512/555/0143" stays one number); otherwise each part is read.
    """
    phone = normalize_phone(raw)
    if phone is not None:
        return [phone]
    if not raw or not isinstance(raw, str) or _PHONE_LIST_RE.search(raw) is None:
        return []
    found: list[str] = []
    for part in _PHONE_LIST_RE.split(raw):
        if part and (phone := normalize_phone(part)) is not None and phone not in found:
            found.append(phone)
    return found


def phone_from_cell(raw: str | None) -> str | None:
    """Return the first valid US number of a list's phone cell (``phones_from_cell``), or None."""
    phones = phones_from_cell(raw)
    return phones[0] if phones else None


# ---------------------------------------------------------------------------------------------------------------------
# states
# ---------------------------------------------------------------------------------------------------------------------

US_STATES: dict[str, str] = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    # Territories.
    "AS": "American Samoa",
    "GU": "Guam",
    "MP": "Northern Mariana Islands",
    "PR": "Puerto Rico",
    "VI": "U.S. Virgin Islands",
    # Military "states".
    "AA": "Armed Forces Americas",
    "AE": "Armed Forces Europe",
    "AP": "Armed Forces Pacific",
}

# Extra spellings beyond code and official name; keys are written naturally and squeezed like inputs are.
_STATE_ALIASES: dict[str, str] = {
    "Washington DC": "DC",
    "Washington D.C.": "DC",
    "Wash DC": "DC",
    "Dist of Columbia": "DC",
    "District Columbia": "DC",
    "Virgin Islands": "VI",
    "US Virgin Islands": "VI",
    "United States Virgin Islands": "VI",
    "Virgin Islands of the United States": "VI",
    "USVI": "VI",
    "Northern Marianas": "MP",
    "Mariana Islands": "MP",
    "Commonwealth of the Northern Mariana Islands": "MP",
    "CNMI": "MP",
    "Commonwealth of Puerto Rico": "PR",
    "Armed Forces Africa": "AE",
    "Armed Forces Canada": "AE",
    "Armed Forces Middle East": "AE",
    "Armed Forces Europe Middle East Canada": "AE",
    "Armed Forces Europe Africa Middle East Canada": "AE",
    # Traditional (GPO / AP style) abbreviations.
    "Ala": "AL",
    "Alas": "AK",
    "Ariz": "AZ",
    "Ark": "AR",
    "Cal": "CA",
    "Calif": "CA",
    "Colo": "CO",
    "Conn": "CT",
    "Del": "DE",
    "Fla": "FL",
    "Flor": "FL",
    "Ill": "IL",
    "Ind": "IN",
    "Kan": "KS",
    "Kans": "KS",
    "Mass": "MA",
    "Mich": "MI",
    "Minn": "MN",
    "Miss": "MS",
    "Mont": "MT",
    "Neb": "NE",
    "Nebr": "NE",
    "Nev": "NV",
    "N Mex": "NM",
    "N Dak": "ND",
    "Okla": "OK",
    "Ore": "OR",
    "Oreg": "OR",
    "Penn": "PA",
    "Penna": "PA",
    "S Dak": "SD",
    "Tenn": "TN",
    "Tex": "TX",
    "Wash": "WA",
    "W Va": "WV",
    "W Virginia": "WV",
    "N Carolina": "NC",
    "No Carolina": "NC",
    "Nor Carolina": "NC",
    "S Carolina": "SC",
    "So Carolina": "SC",
    "N Dakota": "ND",
    "No Dakota": "ND",
    "S Dakota": "SD",
    "So Dakota": "SD",
    "N Mexico": "NM",
    "N Hampshire": "NH",
    "N Jersey": "NJ",
    "N York": "NY",
    "Wis": "WI",
    "Wisc": "WI",
    "Wyo": "WY",
}

_STATE_SQUEEZE_RE = re.compile(r"[^A-Z0-9]+")


def _state_key(text: str) -> str:
    """Reduce a state spelling to uppercase letters and digits only."""
    return _STATE_SQUEEZE_RE.sub("", text.upper())


_STATE_LOOKUP: dict[str, str] = {}
for _code, _name in US_STATES.items():
    _STATE_LOOKUP[_code] = _code
    _STATE_LOOKUP[_state_key(_name)] = _code
for _alias, _code in _STATE_ALIASES.items():
    _STATE_LOOKUP[_state_key(_alias)] = _code
del _code, _name, _alias


@lru_cache(maxsize=8192)
def _state_cached(raw: str) -> str | None:
    """Look up one raw state spelling."""
    return _STATE_LOOKUP.get(_state_key(raw))


def normalize_state(raw: str | None) -> str | None:
    """Return the 2-letter USPS code for a state, DC, territory or military code, or None when unknown."""
    if not raw:
        return None
    if not isinstance(raw, str):
        return None
    return _state_cached(raw)


# ---------------------------------------------------------------------------------------------------------------------
# names
# ---------------------------------------------------------------------------------------------------------------------

_ASCII_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

# Business names: apostrophes deleted, every other punctuation mark becomes a space ("&" is expanded before this).
_BUSINESS_TABLE = str.maketrans({ch: " " for ch in _ASCII_PUNCT} | {"'": None, "`": None})

# Trailing legal-form suffixes, as word tuples (dotted spellings like "L.L.C." arrive as "L L C").
_LEGAL_SUFFIXES: frozenset[tuple[str, ...]] = frozenset(
    tuple(s.split())
    for s in (
        "INC", "INCORPORATED", "LLC", "L L C", "LLP", "L L P", "LP", "L P", "LTD", "LIMITED", "CO", "COMPANY",
        "CORP", "CORPORATION", "PC", "P C", "PLLC", "P L L C", "PA", "P A",
    )
)  # fmt: skip
_LEGAL_ONE_WORD = frozenset(s[0] for s in _LEGAL_SUFFIXES if len(s) == 1)
_LEGAL_MULTI_WORD = tuple(sorted((s for s in _LEGAL_SUFFIXES if len(s) > 1), key=len, reverse=True))
_LEGAL_MULTI_LAST = frozenset(s[-1] for s in _LEGAL_MULTI_WORD)


def normalize_business_name(raw: str | None) -> str:
    """Return the uppercase ASCII match key of a business name without punctuation, leading THE and legal suffixes."""
    if not raw:
        return ""
    if not isinstance(raw, str):
        raw = str(raw)
    text = raw if raw.isascii() else _fold_ascii(raw)
    if "&" in text:
        text = text.replace("&", " AND ")
    words = text.upper().translate(_BUSINESS_TABLE).split()
    if not words:
        # Nothing ASCII survived (e.g. a name written only in a non-Latin script): keep it rather than lose it.
        return " ".join(raw.upper().split()) if any(ch.isalnum() for ch in raw) else ""
    if len(words) > 1 and words[0] == "THE":
        del words[0]
    while len(words) > 1:
        last = words[-1]
        if last in _LEGAL_ONE_WORD:
            del words[-1]
            continue
        if last not in _LEGAL_MULTI_LAST:
            break
        # Dotted forms such as "L.L.C." arrive as single letters: "L L C".
        for suffix in _LEGAL_MULTI_WORD:
            size = len(suffix)
            if len(words) > size and tuple(words[-size:]) == suffix:
                del words[-size:]
                break
        else:
            break
    return " ".join(words)


# Person names: apostrophes and periods deleted, everything else (hyphens included) becomes a space.
_PERSON_TABLE = str.maketrans({ch: " " for ch in _ASCII_PUNCT} | {"'": None, "`": None, ".": None})
_HONORIFICS = frozenset({"MR", "MRS", "MS", "DR", "PROF"})
_GENERATIONAL = frozenset({"JR", "SR", "II", "III", "IV"})


def normalize_person_name(raw: str | None) -> str:
    """Return the uppercase ASCII match key of a person's name without punctuation, honorifics or Jr/Sr/II-IV."""
    if not raw:
        return ""
    if not isinstance(raw, str):
        raw = str(raw)
    text = raw if raw.isascii() else _fold_ascii(raw)
    words = text.upper().translate(_PERSON_TABLE).split()
    if not words:
        return " ".join(raw.upper().split()) if any(ch.isalnum() for ch in raw) else ""
    while len(words) > 1 and words[0] in _HONORIFICS:
        del words[0]
    while len(words) > 1 and words[-1] in _GENERATIONAL:
        del words[-1]
    return " ".join(words)


# Words of a full-name cell that are not the name: honorifics before it, credentials after it (compared as
# ``_name_word`` gives them: uppercase, periods removed). Generational suffixes stay on the last name for display.
_NAME_HONORIFICS = frozenset({"MR", "MRS", "MS", "MISS", "MX", "DR", "PROF", "REV", "HON", "SIR"})
_NAME_CREDENTIALS = frozenset(
    {
        "MD", "DO", "PHD", "DDS", "DMD", "DVM", "OD", "DPM", "JD", "ESQ", "CPA", "RN", "LPN", "NP", "PE", "MBA",
        "CFP", "CFA", "CLU", "CPCU", "LCSW", "PHARMD", "RPH", "AIA", "EDD", "PSYD", "DC",
    }
)  # fmt: skip
_NAME_AFTER = _NAME_CREDENTIALS | _GENERATIONAL
# Every word ``split_full_name`` may drop or move: a name holding none of them splits at its last space.
NAME_EXTRA_WORDS = _NAME_HONORIFICS | _NAME_AFTER


def _name_word(word: str) -> str:
    """Return a word of a name as the word lists above spell it ("Ph.D." -> "PHD", "Jr." -> "JR")."""
    return word.replace(".", "").upper()


# Credentials that are also surnames ("Do", "Pe", "Od"): dropped from a last-name cell only after a comma
# ("Nguyen, DO"), never as its last word ("Tran Do").
_SURNAME_CREDENTIALS = frozenset({"DO", "DC", "PE", "OD", "NP"})


def first_name_cell(first: str) -> str:
    """Return a first-name cell without the honorific before the name ("Dr. Maria" -> "Maria"; "Dr." stays)."""
    words = first.split()
    if len(words) < 2 or _name_word(words[0]) not in _NAME_HONORIFICS:
        return first
    while len(words) > 1 and _name_word(words[0]) in _NAME_HONORIFICS:
        del words[0]
    return " ".join(words)


def last_name_cell(last: str) -> str:
    """Return a last-name cell without the credentials after the name ("Garcia, MD" -> "Garcia", "Lee Ph.D." ->
    "Lee"); a generational suffix stays ("Johnson Jr.", "Doe, Jr." -> "Doe Jr."), as ``split_full_name`` keeps it."""
    if not last or not any(_name_word(word) in _NAME_AFTER for word in last.replace(",", " ").split()):
        return last
    parts = [part.strip() for part in last.split(",")]
    parts = [part for part in parts if part]
    suffix: list[str] = []
    while len(parts) > 1 and all(_name_word(w) in _NAME_AFTER for w in parts[-1].split()):
        suffix[:0] = [w for w in parts.pop().split() if _name_word(w) in _GENERATIONAL]
    words = " ".join(parts).split()
    while len(words) > 1 and _name_word(words[-1]) in _NAME_AFTER - _SURNAME_CREDENTIALS:
        word = words.pop()
        if _name_word(word) in _GENERATIONAL:
            suffix.insert(0, word)
    return " ".join([*words, *suffix])


def split_full_name(full: str) -> tuple[str, str]:
    """Split a full-name cell into (first, last): 'First [Middle] Last' or 'Last, First'.

    Honorifics ("Dr.", "Mr.") and credentials ("MD", "Ph.D.") are not part of either name and are dropped; a
    generational suffix ("Jr.", "III") stays at the end of the last name, where the match key ignores it.
    """
    parts = [part.strip() for part in full.split(",")] if full else []
    parts = [part for part in parts if part]
    suffix: list[str] = []
    # Trailing comma parts that hold only credentials or suffixes: "Smith, Jane, MD", "Doe, John, Jr."
    while len(parts) > 1 and all(_name_word(w) in _NAME_AFTER for w in parts[-1].split()):
        suffix[:0] = [w for w in parts.pop().split() if _name_word(w) in _GENERATIONAL]
    if not parts:
        return "", ""
    if len(parts) > 1:  # "Last, First"
        last_words, first_words = parts[0].split(), " ".join(parts[1:]).split()
        while len(first_words) > 1 and _name_word(first_words[-1]) in _NAME_AFTER:  # "Smith, John Jr."
            word = first_words.pop()
            if _name_word(word) in _GENERATIONAL:
                suffix.insert(0, word)
        while len(last_words) > 1 and _name_word(last_words[-1]) in _GENERATIONAL:  # "Doe Jr., John"
            suffix.insert(0, last_words.pop())
        while len(first_words) > 1 and _name_word(first_words[0]) in _NAME_HONORIFICS:
            del first_words[0]
        first, last = " ".join(first_words), " ".join([*last_words, *suffix])
        return first, last
    words = parts[0].split()
    while len(words) > 1 and _name_word(words[0]) in _NAME_HONORIFICS:
        del words[0]
    # Two words are a first and a last name, whatever they spell ("John Do").
    while len(words) > 2 and _name_word(words[-1]) in _NAME_AFTER:
        word = words.pop()
        if _name_word(word) in _GENERATIONAL:
            suffix.insert(0, word)
    if len(words) == 1:
        return words[0], " ".join(suffix)
    return " ".join(words[:-1]), " ".join([words[-1], *suffix])


_WORD_START_RE = re.compile(r"(^|\W)(\w)")
_MC_RE = re.compile(r"\bMc(\w)")
_ROMAN_RE = re.compile(r"\b(Ii|Iii|Iv)\b")


def display_name(name: str) -> str:
    """Return a name typed in capitals in a readable case ("O'BRIEN" -> "O'Brien"); any other name as it is.

    Only the case changes, so the match key (``normalize_person_name``) is the same either way.
    """
    if not name or any(ch.islower() for ch in name) or sum(ch.isalpha() for ch in name) < 2:
        return name
    text = _WORD_START_RE.sub(lambda m: m.group(1) + m.group(2).upper(), name.lower())
    text = _MC_RE.sub(lambda m: "Mc" + m.group(1).upper(), text)
    return _ROMAN_RE.sub(lambda m: m.group(1).upper(), text)


# ---------------------------------------------------------------------------------------------------------------------
# ZIP codes
# ---------------------------------------------------------------------------------------------------------------------

# 3 to 5 digit ZIP (3 or 4 = leading zeros lost), optional ZIP+4 separated by "-", spaces or nothing, optional ".0".
_ZIP_RE = re.compile(r"(\d{3,5})(?:\s*-?\s*(\d{4}))?(?:\.0+)?")
# The prefixes (first three digits) of the ZIP codes that start with 0: 005 (Holtsville, NY), 006-009 (Puerto Rico,
# Virgin Islands) and 010-098 (New England, New Jersey, military AE). 000-004 and 099 are not used, so a short
# number that would need one of them is not a ZIP that lost its zeros.
_ZERO_ZIP_PREFIXES = frozenset(f"{n:03d}" for n in range(5, 99))


def _unprotect(text: str) -> str:
    """Remove the marks a spreadsheet adds to keep leading zeros: ="02134" and '02134."""
    if text[:2] == '="' and text[-1:] == '"' and len(text) > 2:
        return text[2:-1].strip()
    if text[:1] == "'":
        return text[1:].strip()
    return text


@lru_cache(maxsize=65536)
def _split_zip_cached(text: str) -> tuple[str | None, str | None]:
    """Split one stripped ZIP string."""
    text = _unprotect(text)
    match = _ZIP_RE.fullmatch(text)
    if match is None or not text.isascii():
        return None, None
    digits = match.group(1)
    zip5 = digits.zfill(5)
    if zip5 == "00000" or (len(digits) < 5 and zip5[:3] not in _ZERO_ZIP_PREFIXES):
        return None, None
    zip4 = match.group(2)
    return zip5, (zip4 if zip4 and zip4 != "0000" else None)


def split_zip(raw: str | None) -> tuple[str | None, str | None]:
    """Split a US ZIP or ZIP+4 into (zip5, zip4), restoring lost leading zeros; (None, None) when invalid.

    Leading zeros are restored only where the result starts like a real ZIP code ("2134" -> "02134", "501" ->
    "00501", never "123" -> "00123"); a spreadsheet's protected forms ="02134" and '02134 are read as 02134.
    """
    if not raw:
        return None, None
    if not isinstance(raw, str):
        raw = str(raw)
    text = raw.strip()
    if text.isdigit() and text.isascii():
        if len(text) == 5:
            return (text, None) if text != "00000" else (None, None)
        if len(text) == 9 and text[:5] != "00000":
            return text[:5], (text[5:] if text[5:] != "0000" else None)
    elif len(text) == 10 and text[5] == "-" and text[:5].isdigit() and text[6:].isdigit() and text.isascii():
        if text[:5] != "00000":
            return text[:5], (text[6:] if text[6:] != "0000" else None)
    return _split_zip_cached(text)


# ---------------------------------------------------------------------------------------------------------------------
# numbers: money, employee counts, years, SIC codes
# ---------------------------------------------------------------------------------------------------------------------

_MONEY_FAST_DELETE = str.maketrans("", "", "$, ")
_MULTIPLIERS = {
    "k": 1_000,
    "thousand": 1_000,
    "m": 1_000_000,
    "mm": 1_000_000,
    "mil": 1_000_000,
    "mill": 1_000_000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "b": 1_000_000_000,
    "bn": 1_000_000_000,
    "bil": 1_000_000_000,
    "billion": 1_000_000_000,
    "billions": 1_000_000_000,
}
# A number (with thousands separators and decimals) followed by an optional magnitude word.
# Possessive quantifiers + the lookbehind stop "500kg" from being re-read as "50" or "00".
_MONEY_TOKEN_RE = re.compile(
    r"(?<![\d.,])(\d[\d,]*+(?:\.\d++)?+|\.\d++)(?:\s*(thousand|millions?|mill|mil|mm|m|billions?|bil|bn|b|k))?(?![a-z])"
)
_NEGATIVE_RE = re.compile(r"^[\s$(]*[-\u2212]|^\s*\(")


def _to_decimal(number: str) -> Decimal | None:
    """Parse a number with thousands separators into a Decimal."""
    try:
        return Decimal(number.replace(",", ""))
    except InvalidOperation:
        return None


def _half_up(value: Decimal) -> int:
    """Round a non-negative Decimal to the nearest int, halves up."""
    return int(value + Decimal("0.5"))


@lru_cache(maxsize=16384)
def _parse_money_cached(text: str) -> int | None:
    """Parse one stripped money string."""
    lowered = text.lower()
    if _NEGATIVE_RE.match(lowered):
        return None
    amounts: list[Decimal] = []
    scales: list[int | None] = []
    for match in _MONEY_TOKEN_RE.finditer(lowered):
        amount = _to_decimal(match.group(1))
        if amount is None:
            return None
        amounts.append(amount)
        unit = match.group(2)
        scales.append(_MULTIPLIERS[unit] if unit else None)
        if len(amounts) == 2:
            break
    if not amounts:
        return None
    # "1-2.5 Million": a small bare lower bound borrows the upper bound's magnitude.
    if len(amounts) == 2 and scales[0] is None and scales[1] is not None and amounts[0] < 1000:
        scales[0] = scales[1]
    values = [amount * (scale or 1) for amount, scale in zip(amounts, scales, strict=True)]
    if len(values) == 1:
        return _half_up(values[0])
    return _half_up((values[0] + values[1]) / 2)


def parse_money(raw: str | None) -> int | None:
    """Parse a dollar amount, magnitude word or range (midpoint) into whole dollars, or None when unusable."""
    if raw is None:
        return None
    if not isinstance(raw, str):
        if isinstance(raw, bool):
            return None
        raw = str(raw)
    text = raw.strip()
    if not text:
        return None
    fast = text.translate(_MONEY_FAST_DELETE)
    if fast.isdigit() and fast.isascii():  # "900000", "$1,135,051"
        return int(fast)
    return _parse_money_cached(text)


_INT_TOKEN_RE = re.compile(r"(?<![\d.,])(\d[\d,]*+(?:\.\d++)?+)(?:\s*(k|thousand))?(?![a-z])")


@lru_cache(maxsize=4096)
def _parse_int_range_cached(text: str) -> int | None:
    """Parse one stripped headcount string."""
    lowered = text.lower()
    if _NEGATIVE_RE.match(lowered):
        return None
    values: list[int] = []
    for match in _INT_TOKEN_RE.finditer(lowered):
        amount = _to_decimal(match.group(1))
        if amount is None:
            return None
        if match.group(2):
            amount *= 1000
        values.append(int(amount))
        if len(values) == 2:
            break
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return (values[0] + values[1]) // 2


def parse_int_range(raw: str | None) -> int | None:
    """Parse an employee count, open bound or range (midpoint rounded down) into an int, or None when unusable."""
    if raw is None:
        return None
    if not isinstance(raw, str):
        if isinstance(raw, bool):
            return None
        raw = str(raw)
    text = raw.strip()
    if text.isdigit() and text.isascii():
        return int(text)
    if not text:
        return None
    return _parse_int_range_cached(text)


_YEAR_RE = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_MIN_YEAR = 1600
# Any year up to the import-time year is certainly not in the future, so the clock is only read for later years.
_IMPORT_YEAR = datetime.now(UTC).year


def parse_year(raw: str | None, *, today_year: int | None = None) -> int | None:
    """Extract a 4-digit year between 1600 and the current (or given) year, or None."""
    if raw is None:
        return None
    if not isinstance(raw, str):
        if isinstance(raw, bool):
            return None
        raw = str(raw)
    text = raw.strip()
    if len(text) == 4 and text.isdigit() and text.isascii():
        year = int(text)
    else:
        match = _YEAR_RE.search(text)
        if match is None or not match.group(1).isascii():
            return None
        year = int(match.group(1))
    if today_year is None:
        today_year = _IMPORT_YEAR if year <= _IMPORT_YEAR else datetime.now(UTC).year
    return year if _MIN_YEAR <= year <= today_year else None


_SIC_RE = re.compile(r"(\d{1,8})(?:\.0+)?(?:\s*[-:\u2013|]\s*\D.*)?", re.DOTALL)


def normalize_sic(raw: str | None) -> str | None:
    """Return a SIC code as a 4-, 6- or 8-digit string, restoring a lost leading zero, or None."""
    if raw is None or isinstance(raw, bool):
        return None
    if not isinstance(raw, str):
        raw = str(raw)
    return _normalize_sic_cached(raw) if raw else None


@lru_cache(maxsize=8192)
def _normalize_sic_cached(raw: str) -> str | None:
    """Normalize one raw SIC string."""
    match = _SIC_RE.fullmatch(raw.strip())
    if match is None:
        return None
    code = match.group(1)
    if not code.isascii():
        return None
    if len(code) in (3, 5, 7):  # spreadsheets drop the leading zero of agricultural codes (0742 -> 742)
        code = "0" + code
    if len(code) not in (4, 6, 8) or code.count("0") == len(code):
        return None
    return code


# ---------------------------------------------------------------------------------------------------------------------
# e-mail
# ---------------------------------------------------------------------------------------------------------------------

_EMAIL_RE = re.compile(
    r"(?=[^@]{1,64}@)"  # local part length 1-64
    r"[a-z0-9_%+'-]+(?:\.[a-z0-9_%+'-]+)*"  # no leading, trailing or doubled dot
    r"@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}"  # labels not starting/ending with "-", alpha TLD
)
_EMAIL_MAX_LEN = 254


def normalize_email(raw: str | None) -> str | None:
    """Return the lowercased e-mail address without a mailto: prefix, or None when it is not a plausible address."""
    if not raw or not isinstance(raw, str):
        return None
    text = raw.strip().lower()
    if text.startswith("mailto:"):
        text = text[7:].lstrip()
    if len(text) > _EMAIL_MAX_LEN or _EMAIL_RE.fullmatch(text) is None:
        return None
    return text


# Between addresses in one cell, and around one: whitespace, list separators, angle brackets, parentheses, quotes.
_EMAIL_SPLIT_RE = re.compile(r"[\s,;/|<>()\[\]\"]+")
# What a cell may put after an address: a sentence's full stop, a list's separator.
_EMAIL_TRAILING = ".,;:'"


def email_from_cell(raw: str | None) -> str | None:
    """Return the first valid address of a list's e-mail cell, lowercased.

    Takes "Name <a@b.com>", "mailto:" links, trailing punctuation and several addresses in one cell; an address is
    valid by ``normalize_email``.
    """
    email = normalize_email(raw)
    if email is not None or not raw or not isinstance(raw, str):
        return email
    for token in _EMAIL_SPLIT_RE.split(raw):
        if "@" not in token:
            continue
        token = token.rstrip(_EMAIL_TRAILING)
        if token[:7].lower() == "mailto:":
            token = token[7:]
        if (email := normalize_email(token)) is not None:
            return email
    return None
