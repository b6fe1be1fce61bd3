"""Stage 3 matching: blocking, a Fellegi-Sunter model trained by EM, guards and clustering (no database here).

How a run decides (``plan``):

1. **Candidates.** Only personas that share a blocking key are compared (``KEY_KINDS``): phone, e-mail,
   last name + ZIP, first name + last name + state, the unordered name pair (catches first/last swaps),
   phonetic codes of both names (Soundex and Metaphone), the company, the street address + ZIP and the
   first name + ZIP (catches a missing last name). A block larger than ``MAX_BLOCK`` is not compared
   all-to-all: its members are sorted by name and each is compared with its ``WINDOW`` neighbours
   (a sorted neighbourhood), so a block of a chain's 5,000 branch managers costs 5,000 x WINDOW pairs.
2. **Agreement levels.** Each candidate pair gets one level per field (``gamma``): first and last name
   (exact or nickname / Jaro-Winkler >= 0.92 or an initial / >= 0.80 / disagree), phone, e-mail
   (company address / free-mail address / a mailbox naming nobody one slip apart / none shared), business,
   street address, and location (ZIP / city / state / elsewhere). A missing value has no level and counts
   for nothing. First and last names are also compared crosswise, and the better reading is kept (a
   swapped record); a name with a stray space (GEO RGE) is the name (``_spaced``). One street address written
   with a slip (the same house number, a space or a letter in the street: ``street_slip``) in the same ZIP or one
   a keystroke away (``zip_slip``) is the same address and ZIP (``one_address``); one street with the house number
   mistyped there is the same street (``one_street``).
3. **Weights.** ``em_train`` estimates, per team, m (P(level | same person)) and u (P(level | different
   people)) for every field and level by expectation-maximisation over the run's own candidate pairs,
   assuming fields independent given the class. A pair's match weight is the prior log-odds plus the
   sum of log2(m/u) of its levels; an exact name is adjusted by its frequency in the team
   (``tf_adjustment``): a shared SMITH weighs less than a shared BEAUMAN. The match probability
   2^w / (1 + 2^w) is the pair's score. A changed phone, street or place never rules a match out
   (``CHANGE_FLOOR``), and for one name (or one employee's mailbox at the company's domain: ``other_office``) at
   one company on another street and ZIP the place is not counted (``moved_within_company``): it says where the
   company is, not who the person is. Such a pair merges only
   on a personal proof (``office_proof``: the same phone or mailbox (or one slip of it), a rare surname, a
   rare job title beside a surname no commoner than typical; no rarity when each record holds a work mailbox of its
   own there: ``own_work_mailboxes``), and then a new phone or mailbox is not counted
   either; without one it goes to review (``OFFICE_NAME_ONLY``). Job titles (``title_key``) are compared there
   only: the same title counts by its rarity in the team (``title_bits``), another is not counted (a promotion).
4. **Guards** on top of the model, because colleagues share a company, an office phone and an address
   (all of which the model rewards): ``guard`` vetoes a merge of colleagues whose first or last names
   disagree (unless one first name is no known given name, only a garbled spelling of the other's:
   ``garbled_name``), of namesakes in another state or city with no phone, e-mail or business in common
   (not a full name no commoner than a typical one in a ZIP a keystroke from the other's beside a record without a
   street: ``zip_mistyped``), and of names that merely resemble each other in another city, and of colleagues when
   one name is missing and no e-mail is shared (unless both hold one rare job title: ``nameless_in_post``; the same
   title also reads a name garbled beyond a slip as one person's: ``same_post_surname``, ``first_name_in_post``), or
   when each has a phone and a personal e-mail of their own and either mailboxes that are not one person's shapes or
   jobs with no word in common (``jobs_differ``), or when one name at one office holds a phone and a post of its own on
   each record (``COLLEAGUE_OWN_POST``: a father and son with no JR written; ``own_phone_and_post``,
   ``own_spelling_and_post``; one office also when a record lost its ZIP: ``_one_office``), and of two
   generations of one name (``GENERATIONS``: JR written after one name only, or in one record's own mailbox;
   ``generation_marks``) (those go to review). Corruption is told
   from another person by how records get corrupted: slips of the hand, OCR and the ear in either name (``name_slip``,
   ``first_name_slip``, ``office_surname_slip``), a mistyped mailbox (``mailbox_slip``, ``mistyped_mailbox``),
   one person's mailboxes in several shapes (``one_persons_mailboxes``); and a household's free-mail mailbox
   (``household_mailbox``, ``family_handle``) excuses no name. A short or garbled first name (an initial, a
   nickname of two names, a scan) is read by the record's own mailbox (``short_name_names_another``,
   ``mailbox_names_another``): SANDY on ALEXANDRA.DEL@ is not ALEXANDER.
5. **Clusters** use complete linkage: two groups join only if every pair across them passes the names
   test and the guards, so A~B and B~C never chain A and C together; a certain joining pair, or a
   majority of agreeing cross pairs, overrides a conflict with one of a person's corrupted copies
   (``plan_pairs``).

The survivor of a cluster is its oldest persona (smallest id; ids are time-ordered ULIDs).
"""

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from os.path import commonprefix

import jellyfish
from rapidfuzz.distance import DamerauLevenshtein, Indel, JaroWinkler, Levenshtein
from rapidfuzz.fuzz import token_set_ratio

from .given_names import known_given_name
from .nicknames import canonical, equivalent, equivalents

FIRST_NAME_MIN = 0.92
LAST_NAME_MIN = 0.88
NAME_CLOSE = 0.80
MAX_BLOCK = 40
WINDOW = 8
TF_CLIP = 3.0
PROBABILITY_FLOOR = 1e-4


@dataclass(frozen=True, slots=True)
class PersonaView:
    """What matching needs of a persona.

    ``businesses`` are normalized company names, ``addresses`` normalized street addresses with their ZIP
    ("12 MAIN ST|78701"), ``cities`` upper-case city names, ``titles`` job titles there (``title_key``),
    ``trades`` their SIC codes, ``generation`` the JR, SR, II ... the list wrote after the last name
    (``name_generation``; the match key ``last`` drops it).
    """

    id: str
    first: str
    last: str
    state: str = ""
    zip5: str = ""
    phones: tuple | frozenset = ()
    emails: tuple | frozenset = ()
    businesses: tuple | frozenset = ()
    is_new: bool = True
    addresses: tuple | frozenset = ()
    cities: tuple | frozenset = ()
    titles: tuple | frozenset = ()
    trades: tuple | frozenset = ()
    generation: str = ""


_SOUNDEX = str.maketrans("BFPVCGJKQSXZDTLMNRAEIOUYHW", "11112222222233455600000099")


@functools.lru_cache(maxsize=1 << 16)  # blocking asks for the same names again and again
def soundex(name: str) -> str:
    """Return the American Soundex code of an upper-case name ("" for no letters)."""
    letters = [c for c in name if "A" <= c <= "Z"]
    if not letters:
        return ""
    digits = "".join(letters).translate(_SOUNDEX)
    out = [letters[0]]
    previous = digits[0]
    for letter, digit in zip(letters[1:], digits[1:], strict=True):
        if letter in "HW":
            continue  # H and W do not separate letters of the same code
        if digit != previous and digit != "0":
            out.append(digit)
        previous = digit
        if len(out) == 4:
            break
    return "".join(out).ljust(4, "0")


@functools.lru_cache(maxsize=1 << 16)
def metaphone(name: str) -> str:
    """Return the Metaphone code of a name ("" for none): BEAUMAN and BOWMAN share one."""
    letters = "".join(c for c in name if c.isalpha())
    return jellyfish.metaphone(letters) if letters else ""


_STREET_WORDS = {
    "STREET": "ST",
    "STR": "ST",
    "AVENUE": "AVE",
    "AV": "AVE",
    "ROAD": "RD",
    "DRIVE": "DR",
    "BOULEVARD": "BLVD",
    "LANE": "LN",
    "COURT": "CT",
    "PLACE": "PL",
    "SUITE": "STE",
    "HIGHWAY": "HWY",
    "PARKWAY": "PKWY",
    "CIRCLE": "CIR",
    "CRESCENT": "CRES",
    "NORTH": "N",
    "SOUTH": "S",
    "EAST": "E",
    "WEST": "W",
}
_NON_WORD = re.compile(r"[^A-Z0-9 ]+")


def address_key(street: str) -> str:
    """Return the comparison key of a street address: upper case, no punctuation, USPS abbreviations."""
    words = _NON_WORD.sub(" ", (street or "").upper()).split()
    return " ".join(_STREET_WORDS.get(word, word) for word in words)


# The street types ``address_key`` abbreviates, written out again to compare two spellings of one street: a slip
# in the type (HANN TREET) or a space lost before it (COXSTREET) is one letter away in the long form only.
_STREET_TYPES = {"ST": "STREET", "AVE": "AVENUE", "RD": "ROAD", "DR": "DRIVE", "BLVD": "BOULEVARD", "LN": "LANE",
                 "CT": "COURT", "PL": "PLACE", "HWY": "HIGHWAY", "PKWY": "PARKWAY", "CIR": "CIRCLE",
                 "CRES": "CRESCENT"}  # fmt: skip


@functools.lru_cache(maxsize=1 << 16)
def _street_parts(key: str) -> tuple[str, str]:
    """Return an address key's house number (its words of digits, "" for none) and its street written out, no spaces."""
    words = key.split()
    number = " ".join(word for word in words if word.isdigit())
    street = "".join(_STREET_TYPES.get(word, word) for word in words if not word.isdigit())
    return number, street


def street_slip(x: str, y: str) -> bool:
    """Tell whether two address keys are one street address written with a slip: the same house number, and the
    street the same but for a space (MADDOC K PL / MADDOCK PL, COXSTREET / COX ST) or one letter added, dropped,
    replaced or swapped with its neighbour in its written-out form (HANN TREET / HANN ST, EDDYCREUSCENT / EDDY
    CRES, MADDOCKXPLACE / MADDOCK PL).

    Both need a house number, and the same one: a neighbour a few doors down (24 / 26 OXLEY ST) is another address,
    and a street without a number may be any of its buildings. Streets of six letters or fewer must be equal.
    """
    if x == y:
        return True
    number_x, street_x = _street_parts(x)
    number_y, street_y = _street_parts(y)
    if not number_x or number_x != number_y or not street_x or not street_y:
        return False
    if street_x == street_y:
        return True
    if min(len(street_x), len(street_y)) <= 6:
        return False
    return DamerauLevenshtein.distance(street_x, street_y, score_cutoff=1) <= 1


def zip_slip(x: str, y: str) -> bool:
    """Tell whether two ZIP codes are one written with a slip: one digit replaced, or two neighbours swapped."""
    return bool(x and y) and x != y and phone_slip((x,), (y,))


def one_address(a: "PersonaView", b: "PersonaView") -> tuple[bool, bool]:
    """Return whether two records hold one street address written with slips, and whether their ZIPs differ by one.

    The street as ``street_slip`` reads it, and the same ZIP or one a keystroke from the other (``zip_slip``: 02211 /
    02121, 03000 / 03001). Two addresses in two ZIPs that far apart are not one place, whatever the street.
    """
    for x in a.addresses:
        street_x, _, zip_x = x.partition("|")
        for y in b.addresses:
            street_y, _, zip_y = y.partition("|")
            if not zip_x or not zip_y or not street_slip(street_x, street_y):
                continue
            if zip_x == zip_y:
                return True, False
            if zip_slip(zip_x, zip_y):
                return True, True
    return False, False


def one_street(a: "PersonaView", b: "PersonaView") -> tuple[bool, bool]:
    """Return whether two records hold one street with the house number written with a slip (2 / 26, 21 / 12,
    124 / 134), and whether their ZIPs differ by one keystroke: the street written out alike, in the same ZIP or one
    a keystroke away (``zip_slip``). The same street, not the same address: a neighbour a few doors down is there too.
    """
    for x in a.addresses:
        street_x, _, zip_x = x.partition("|")
        number_x, name_x = _street_parts(street_x)
        for y in b.addresses:
            street_y, _, zip_y = y.partition("|")
            number_y, name_y = _street_parts(street_y)
            if not (number_x and number_y and number_x != number_y and name_x and name_x == name_y):
                continue
            if not zip_x or not zip_y or not (zip_x == zip_y or zip_slip(zip_x, zip_y)):
                continue
            if DamerauLevenshtein.distance(number_x, number_y, score_cutoff=1) <= 1:
                return True, zip_x != zip_y
    return False, False


def first_name_score(a: str, b: str) -> float | None:
    """Return how well two normalized first names agree (1.0 for the same name or a nickname)."""
    if not a or not b:
        return None
    a1, b1 = a.split()[0], b.split()[0]
    if a == b or equivalent(a1, b1) or _spaced(a, b):
        return 1.0
    if (len(a1) == 1 and b1.startswith(a1)) or (len(b1) == 1 and a1.startswith(b1)):
        return 0.92
    return round(JaroWinkler.similarity(a, b), 4)


def last_name_score(a: str, b: str) -> float | None:
    """Return how well two normalized last names agree."""
    if not a or not b:
        return None
    if a == b or _spaced(a, b):
        return 1.0
    return round(JaroWinkler.similarity(a, b), 4)


def _spaced(a: str, b: str) -> bool:
    """Tell whether two names are one written with a space slipped in or left out (GEO RGE / GEORGE, H O / HO)."""
    return " " in a + b and a.replace(" ", "") == b.replace(" ", "")


# Free-mail addresses are often made up from a name by list vendors (johnsmith@gmail.com), so two
# namesakes can share one: a shared free-mail address counts for less than a shared company address.
FREE_MAIL_DOMAINS = frozenset(
    "gmail.com googlemail.com yahoo.com ymail.com hotmail.com outlook.com live.com msn.com aol.com icloud.com "
    "me.com mac.com comcast.net att.net sbcglobal.net verizon.net bellsouth.net charter.net cox.net "
    "earthlink.net mail.com gmx.com protonmail.com proton.me zoho.com".split()
)
# Role mailboxes (info@, office@) are shared by colleagues: they are not one person's address.
ROLE_MAILBOXES = frozenset("info office sales contact admin hello support service team mail billing".split())


def _personal(email: str) -> bool:
    return email.partition("@")[0] not in ROLE_MAILBOXES


def role_mailbox_slip(email: str) -> bool:
    """Tell whether a mailbox is a role mailbox written with one slip (ivfo@, infoo@, adimn@, contcat@).

    Four characters or more, one edit from a role mailbox and no role mailbox itself. Compared like the role
    mailbox it is (it says nothing of who reads it); blocking keys still treat it as the address it reads.
    """
    local = email.partition("@")[0]
    if len(local) < 4 or local in ROLE_MAILBOXES:
        return False
    return any(DamerauLevenshtein.distance(local, role, score_cutoff=1) <= 1 for role in ROLE_MAILBOXES)


@lru_cache(maxsize=65536)
def _compared(email: str) -> bool:
    """Tell whether an e-mail address is one person's, for comparing two records: no role mailbox, nor a slip of one."""
    return _personal(email) and not role_mailbox_slip(email)


# ---------------------------------------------------------------------------------------------------
# Agreement levels. Each field lists its level names from "disagree" (0) upwards.

LEVELS = {
    "first_name": ("different", "similar", "close", "same"),
    "last_name": ("different", "similar", "close", "same"),
    "phone": ("different", "shared"),
    "email": ("different", "one slip apart", "shared free-mail", "shared"),
    "business": ("different", "similar", "same"),
    "address": ("different", "same street", "same street and ZIP"),
    "location": ("other state", "same state", "same city", "same ZIP"),
}
FIELDS = tuple(LEVELS)


def _name_level(score: float | None, close: float) -> int | None:
    if score is None:
        return None
    if score >= 1.0:
        return 3
    if score >= close:
        return 2
    return 1 if score >= NAME_CLOSE else 0


def _names(a: PersonaView, b: PersonaView) -> tuple[float | None, float | None, bool]:
    """Return the first and last name scores, reading b's names crosswise when that agrees better."""
    return _name_scores(a.first, a.last, b.first, b.last)


@lru_cache(maxsize=65536)
def _name_scores(a_first: str, a_last: str, b_first: str, b_last: str) -> tuple[float | None, float | None, bool]:
    # cached: a pair's names are read by its levels, its guard and the linkage checks of every group it meets
    first = first_name_score(a_first, b_first)
    last = last_name_score(a_last, b_last)
    if a_first and a_last and b_first and b_last and a_first != b_first:
        first_x = first_name_score(a_first, b_last)
        last_x = last_name_score(a_last, b_first)
        if first_x + last_x > (first or 0.0) + (last or 0.0) + 0.2:
            return first_x, last_x, True
    return first, last, False


def _shared(a, b):
    return next((value for value in a if value in b), None)


def lone_name(a: PersonaView, b: PersonaView) -> tuple[float | None, float | None, tuple, tuple] | None:
    """Read a record that holds one name in the other's other column (a swapped record that lost a name).

    "" / VANESSA against VANESSA / DOMINGUEZ is VANESSA with no surname, not a VANESSA who disagrees with
    DOMINGUEZ. Only an exact reading (the same name, or a nickname for a first name) is taken. Return the
    first and last name scores and the (a, b) values compared for each, or None.
    """
    for lone, full, flipped in ((a, b, False), (b, a, True)):
        if not (full.first and full.last) or bool(lone.first) == bool(lone.last):
            continue
        if lone.last:  # a surname column holding the other's first name
            score = first_name_score(lone.last, full.first)
            if score == 1.0 and (last_name_score(lone.last, full.last) or 0.0) < LAST_NAME_MIN:
                pair = (full.first, lone.last) if flipped else (lone.last, full.first)
                return score, None, pair, ("", full.last) if flipped else (full.last, "")
        else:  # a first-name column holding the other's surname
            score = last_name_score(lone.first, full.last)
            if score == 1.0 and (first_name_score(lone.first, full.first) or 0.0) < FIRST_NAME_MIN:
                pair = (full.last, lone.first) if flipped else (lone.first, full.last)
                return None, score, ("", full.first) if flipped else (full.first, ""), pair
    return None


def gamma(a: PersonaView, b: PersonaView) -> tuple[dict[str, int | None], dict]:
    """Return the agreement level of every field for a pair (None: a value is missing), and what was compared."""
    first, last, swapped = _names(a, b)
    lone = lone_name(a, b)
    if lone:
        first, last = lone[0], lone[1]
    levels: dict[str, int | None] = {
        "first_name": _name_level(first, FIRST_NAME_MIN),
        "last_name": _name_level(last, LAST_NAME_MIN),
    }
    if a.phones and b.phones:
        levels["phone"] = 1 if _shared(a.phones, b.phones) else 0
    else:
        levels["phone"] = None
    # Only personal mailboxes are compared: a role mailbox (office@) says nothing of who reads it, so two
    # people on one office@ neither agree nor disagree.
    personal_a = [email for email in a.emails if _compared(email)]
    personal_b = [email for email in b.emails if _compared(email)]
    if personal_a and personal_b:
        shared = [email for email in personal_a if email in personal_b]
        if shared:
            levels["email"] = 3 if any(e.rpartition("@")[2] not in FREE_MAIL_DOMAINS for e in shared) else 2
        else:
            slipped = slipped_mailboxes(personal_a, personal_b, a, b) or mistyped_mailbox(personal_a, personal_b, a, b)
            levels["email"] = 1 if slipped else 0
    else:
        levels["email"] = None
    if a.businesses and b.businesses:
        if _shared(a.businesses, b.businesses):
            levels["business"] = 2
        else:
            best = max(token_set_ratio(x, y) for x in a.businesses for y in b.businesses)
            levels["business"] = 1 if best >= 90 else 0
    else:
        levels["business"] = None
    zip_slipped = False
    if a.addresses and b.addresses:
        if _shared(a.addresses, b.addresses):
            levels["address"] = 2
        else:
            # one street address mistyped (a space, a letter, the ZIP's digits): the same place, read as such
            same, zip_slipped = one_address(a, b)
            streets_a = {x.partition("|")[0] for x in a.addresses}
            if same:
                levels["address"] = 2
            elif any(x.partition("|")[0] in streets_a for x in b.addresses):
                levels["address"] = 1
            else:
                # the house number mistyped on one street: the same street, as in another ZIP
                street, zip_slipped = one_street(a, b)
                levels["address"] = 1 if street else 0
    else:
        levels["address"] = None
    if a.zip5 and b.zip5 and (a.zip5 == b.zip5 or (zip_slipped and zip_slip(a.zip5, b.zip5))):
        levels["location"] = 3
    elif a.cities and b.cities and _shared(a.cities, b.cities) and a.state == b.state:
        levels["location"] = 2
    elif a.state and b.state:
        levels["location"] = 1 if a.state == b.state else 0
    else:
        levels["location"] = None
    shown = {
        "first_name": (*lone[2], first) if lone else (a.first, b.last if swapped else b.first, first),
        "last_name": (*lone[3], last) if lone else (a.last, b.first if swapped else b.last, last),
        "phone": (sorted(a.phones), sorted(b.phones), None),
        "email": (sorted(a.emails), sorted(b.emails), None),
        "business": (sorted(a.businesses), sorted(b.businesses), None),
        "address": (sorted(a.addresses), sorted(b.addresses), None),
        "location": (f"{a.state} {a.zip5}".strip(), f"{b.state} {b.zip5}".strip(), None),
        "swapped": swapped or bool(lone),
    }
    return levels, shown


def names_agree(a: PersonaView, b: PersonaView) -> bool:
    """Tell whether two personas' names are compatible: no present name disagrees, and one name agrees."""
    first, last, _ = _names(a, b)
    if first is not None and first < FIRST_NAME_MIN:
        return False
    if last is not None and last < LAST_NAME_MIN:
        return False
    return first is not None or last is not None


def one_typo(a: str, b: str) -> bool:
    """Tell whether two names of five letters or more differ by one edit (JONATHAN/JONATHNA, not JOHN/JOAN)."""
    return min(len(a), len(b)) >= 5 and DamerauLevenshtein.distance(a, b) <= 1


def transposed(a: str, b: str) -> bool:
    """Tell whether two names differ only by two neighbouring letters swapped (MARK/AMRK), whatever their length."""
    return len(a) == len(b) >= 3 and sorted(a) == sorted(b) and DamerauLevenshtein.distance(a, b) == 1


# Letters an OCR pass reads for others (scanned lists): folded alike on both sides before comparing. Digits are
# never letters, so they go first; the letter confusions overlap (CLI is CL+I or C+LI), so they are read in two
# orders and a name has up to two readings.
_OCR_DIGITS = (("0", "O"), ("5", "S"), ("8", "B"), ("2", "Z"), ("6", "G"))
_OCR_ONE = ("L", "I")  # a 1 is an L or an I
_OCR_ORDERS = (
    (("E", "C"), ("RN", "M"), ("CL", "D"), ("VV", "W"), ("LI", "H")),
    (("LI", "H"), ("RN", "M"), ("VV", "W"), ("E", "C"), ("CL", "D")),
)


# Spellings of one sound that a name is written in by ear (PHOX/FOX, JACKSON/JAKSON): folded alike on both sides,
# and so are endings written two ways for one sound (``_phonetic_fold``): AH/A, and IE/EY/Y from six letters (a
# shorter name is another name: MARIE is not MARY).
_PHONETIC_FOLDS = (
    ("PH", "F"), ("CK", "K"), ("C", "K"), ("Z", "S"), ("X", "KS"), ("TH", "T"), ("KN", "N"), ("WR", "R"), ("DG", "J"),
    ("Y", "I"),
)  # fmt: skip


@lru_cache(maxsize=65536)
def _phonetic_fold(name: str) -> str:
    for heard, written in _PHONETIC_FOLDS:
        name = name.replace(heard, written)
    if (len(name) > 3 and name.endswith("AH")) or (len(name) >= 6 and name.endswith(("IE", "EI"))):
        name = name[:-1]  # a silent ending: HANNAH/HANNA, VALERIE/VALERY (both VALERI), KELLIE/KELLY
    return name


@lru_cache(maxsize=65536)
def _ocr_readings(name: str) -> tuple[str, ...]:
    """Return the ways an OCR pass may have read a name: as written and folded alike (BE1L, BCLL read as BELL)."""
    for seen, meant in _OCR_DIGITS:
        name = name.replace(seen, meant)
    readings = []
    for one in _OCR_ONE if "1" in name else ("",):
        base = name.replace("1", one) if one else name
        if base not in readings:
            readings.append(base)  # as written: CLOE is not DOE
        for order in _OCR_ORDERS:
            read = base
            for seen, meant in order:
                read = read.replace(seen, meant)
            if read not in readings:
                readings.append(read)
    return tuple(readings)


def _ocr_match(a: str, b: str, close) -> bool:
    """Tell whether some OCR reading of ``a`` and one of ``b`` are ``close`` (equal, or the given test)."""
    return any(x == y or close(x, y) for x in _ocr_readings(a) for y in _ocr_readings(b))


@lru_cache(maxsize=65536)  # pure in its names, which repeat across a run's pairs
def name_slip(a: str, b: str) -> bool:
    """Tell whether two spellings of a name differ by a slip rather than being two names.

    A slip is one edit in a name of five letters or more (``one_typo``), two neighbouring letters swapped
    (``transposed``), an OCR misreading (SARNUEL/SAMUEL, R0BINSON/ROBINSON), a dropped first letter of a
    name of four letters or more (OAH/NOAH), or a doubled letter written once (LARY/LARRY). Two different
    short names one letter apart (JOHN/JOAN, CARL/CARLA) are not slips.
    """
    if not a or not b or a == b:
        return False
    if one_typo(a, b) or transposed(a, b):
        return True
    if _ocr_match(a, b, one_typo):
        return True
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    if len(longer) >= 4 and longer[1:] == shorter:
        return True
    return _doubled(a, b)


def _doubled(a: str, b: str) -> bool:
    """Tell whether two spellings differ by a doubled letter written once (LARY/LARRY, PHILIP/PHILLIP)."""
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return (
        len(shorter) >= 3
        and len(longer) == len(shorter) + 1
        and any(longer[i] == longer[i + 1] and longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer) - 1))
    )


def surname_slip(a: str, b: str) -> bool:
    """Tell whether two surnames differ by a slip: one edit from three letters (COX/CXO), two from five (COOPER/KOOPR).

    Used only when the first names agree exactly: two colleagues rarely share a first name *and* surnames so
    close, while a typo in a short surname is common.
    """
    shortest = min(len(a), len(b))
    if shortest < 3:
        return False
    return DamerauLevenshtein.distance(a, b) <= (2 if shortest >= 5 else 1)


@lru_cache(maxsize=65536)  # pure in its names, which repeat across a run's pairs
def office_surname_slip(a: str, b: str) -> bool:
    """Tell whether two surnames at one office, beside the same first name, are one surname garbled.

    Colleagues who share a first name rarely have surnames this close, so at one office a surname may be
    further garbled than elsewhere: read through OCR confusions (C0K/COOK), a ``surname_slip`` or two edits
    from four letters when one of them adds, drops or swaps a letter (KHAN/BKAHN, CRUUZ/CRZU, MUNOZ/MNIZ;
    not LONG/LUNA), after folding spellings by ear (PHOOX/FOX). Away from the office, where the same first
    name and a close surname are namesakes, only ``surname_slip`` counts.
    """
    if min(len(a), len(b)) < 3:
        return False  # too short to tell (COX/CX), however spelled
    return _ocr_match(a, b, _garbled_surname_by_ear)


def _garbled_surname_by_ear(a: str, b: str) -> bool:
    if _garbled_surname(a, b):
        return True
    folded_a, folded_b = _phonetic_fold(a), _phonetic_fold(b)
    return (folded_a, folded_b) != (a, b) and _garbled_surname(folded_a, folded_b)


def _garbled_surname(a: str, b: str) -> bool:
    if surname_slip(a, b):
        return True
    if min(len(a), len(b)) < 4 or DamerauLevenshtein.distance(a, b, score_cutoff=2) > 2:
        return False
    # two letters replaced in a short surname is how real surnames differ (LONG/LUNA); a letter added, dropped,
    # moved or swapped with its neighbour is how a hand slips (KHAN/BKAHN, CRUUZ/CRZU, SHAW/KSAW)
    return len(a) != len(b) or Indel.distance(a, b) <= 2 or Levenshtein.distance(a, b) > 2


@lru_cache(maxsize=65536)  # pure in its names, which repeat across a run's pairs
def first_name_slip(a: str, b: str) -> bool:
    """Tell whether two first names are one name with a slip: ``name_slip`` of the name or of a nickname of it.

    TIRN is TIM read by OCR, and TIM is TIMOTHY: TIRN / TIMOTHY is one name. A real name one slip from another's
    nickname is a name of its own (LARRY beside HENRY, whose nickname HARRY is one letter from it), and so is
    a real name that differs from another in its ending (MARIA/MARIO, DANIEL/DANIELA).
    """
    if not a or not b:
        return False
    a1, b1 = a.split()[0], b.split()[0]
    folded_a, folded_b = _phonetic_fold(a1), _phonetic_fold(b1)
    if folded_a == folded_b:
        return True  # one name spelled by ear: KATHLEEN/CATHLEEN, WENDY/WENDI, CURTIS/KURTIS
    if known_given_name(a1) and known_given_name(b1):
        return _first_name_slip(a1, b1)  # two real names: a slip by ear besides would make them one spelling
    return _first_name_slip(a1, b1) or (
        (folded_a, folded_b) != (a1, b1) and _first_name_slip(folded_a, folded_b, known=(a1, b1))
    )


def _first_name_slip(a1: str, b1: str, *, known: tuple[str, str] | None = None) -> bool:
    """``first_name_slip`` of two spellings; ``known``: the names as written, whose being given names counts."""
    known_a, known_b = (known_given_name(n) for n in known or (a1, b1))
    if name_slip(a1, b1):
        # two given names that differ in their ending are two names (MARIA/MARIO, DANIEL/DANIELA, FRANCIS/FRANCES:
        # the ending is where a name marks who bears it), and so are two that differ in their first letter
        # (LARRY/HARRY, BILLY/WILLY); one name spelled two ways differs elsewhere (CHRISTINE/CRISTINE), or by a
        # doubled letter (COLLEEN/COLLEN), two letters swapped or a scan
        if not (known_a and known_b):
            return True
        if _doubled(a1, b1) or _ocr_match(a1, b1, lambda x, y: False):
            return True
        if transposed(a1, b1):
            # a swap at the ending turns one given name into another (CHRISTIAN/CHRISTINA); elsewhere it is a slip
            return len(commonprefix((a1, b1))) < min(len(a1), len(b1)) - 2
        if a1[0] != b1[0]:
            return False
        # one edit, not a misreading and an edit besides (DAVID/DANIEL are two names)
        return one_typo(a1, b1) and len(commonprefix((a1, b1))) < min(len(a1), len(b1)) - 2
    # only a name that is no given name of its own: LARRY is not HENRY's nickname HARRY mistyped
    return any(
        name_slip(x, name)
        for x, y, known_x in ((a1, b1, known_a), (b1, a1, known_b))
        if not known_x
        for name in equivalents(y)
        if name != y
    )


@lru_cache(maxsize=65536)  # pure in its names, which repeat across a run's pairs
def garbled_name(a: str, b: str) -> bool:
    """Tell whether one of two first names is a garbled spelling of the other rather than another person's name.

    One name is a known given name (``given_names``) and the other is not, and the unknown one is a near
    spelling of the known name or of one of its nicknames: one edit, or two in an unknown name of five
    letters or more (JKAE/JAKE for JACOB, GERALY/GERALD for JERRY, ALAQ/ALAN, GCIRGE/GEORGE). Two real
    names stay two people however close (JOHN/JOAN, CARL/CARLA, MICHAEL/MICHELE, JIM/TIM), and so does a
    real name beside a name it is far from.
    """
    if not a or not b:
        return False
    a1, b1 = _letters(a.split()[0]), _letters(b.split()[0])
    if a1 == b1 or min(len(a1), len(b1)) < 3:
        return False
    known_a, known_b = known_given_name(a1), known_given_name(b1)
    if known_a == known_b:
        return False
    known, unknown = (a1, b1) if known_a else (b1, a1)
    edits = 2 if len(unknown) >= 5 else 1
    return any(
        DamerauLevenshtein.distance(unknown, name, score_cutoff=edits) <= edits
        # YUTLI is YUTH as scanned (li read for h): one letter from RUTH
        or _ocr_match(unknown, name, lambda x, y: DamerauLevenshtein.distance(x, y, score_cutoff=1) <= 1)
        for name in equivalents(known)
        if len(name) >= 3
    )


def _letters(text: str) -> str:
    return "".join(c for c in text.upper() if "A" <= c <= "Z")


def mailbox_names_nobody(email: str, a: "PersonaView", b: "PersonaView", *, keep_first: bool = False) -> bool:
    """Tell whether an e-mail's mailbox names neither person of a pair: no first name, initial + surname, or surname.

    A mailbox built from names (john.smith@, jsmith@, thesmiths@) can be a household's, shared by a couple
    whose first names differ; a handle that names nobody (p7535316@, hoopsfan77@) is one person's key.
    With ``keep_first`` a first name both people share may appear (it names them both alike).
    """
    local = _letters(email.partition("@")[0])
    if not local:
        return True
    # a mailbox holds a surname of two words without its space (mvandyke@ for VAN DYKE)
    lasts = {_letters(n) for n in (a.last, b.last) if len(_letters(n)) >= 2}
    firsts = {n for n in (a.first, b.first) if n}
    shared_first = a.first if keep_first and a.first and a.first == b.first else ""
    for first in firsts:
        if len(first) >= 3 and first in local and first != shared_first:
            return False
        if any(local.startswith(first[0] + last) for last in lasts):
            return False
    return not any(last in local for last in lasts if len(last) >= 3)


MAILBOX_SLIP_MIN = 6


MISTYPED_MAILBOX_MIN = 4


def mailbox_slip(x: str, y: str, *, shortest: int = MAILBOX_SLIP_MIN) -> bool:
    """Tell whether two e-mail addresses are one mailbox written with one slip (p1644253@ / p1644235@).

    The same domain and mailboxes of six characters or more one edit apart (a character replaced, added,
    dropped, or two neighbours swapped): a personal identifier copied by hand. Shorter mailboxes one edit
    apart are too often two people's (ann1@ / ann2@).
    """
    local_x, _, domain_x = x.partition("@")
    local_y, _, domain_y = y.partition("@")
    if domain_x != domain_y or local_x == local_y or min(len(local_x), len(local_y)) < shortest:
        return False
    return DamerauLevenshtein.distance(local_x, local_y, score_cutoff=1) <= 1


def slipped_mailboxes(emails_a, emails_b, a: "PersonaView", b: "PersonaView") -> list[str]:
    """Return a's personal mailboxes one slip away from one of b's, when neither names either person.

    A mailbox built from a name is not a key: JOHN.SMITH@ and JOAN.SMITH@ at one company are two colleagues
    one letter apart, and JSMITH1@ / JSMITH2@ two namesakes. A handle naming nobody (p1644253@, hoopsfan77@)
    is one person's identifier, and one slip in it is a copying error, not another person.
    """
    # the slip first: most pairs have no two mailboxes at one domain, and reading names costs more
    return [
        x
        for x in emails_a
        if _personal(x)
        and any(_personal(y) and mailbox_slip(x, y) and mailbox_names_nobody(y, a, b) for y in emails_b)
        and mailbox_names_nobody(x, a, b)
    ]


def mistyped_mailbox(emails_a, emails_b, a: "PersonaView", b: "PersonaView") -> bool:
    """Tell whether one record's mailbox is the other's name-built mailbox mistyped (ADUNCAN@ / ADUCNAN@).

    The same domain, one slip apart (``mailbox_slip``), and only one of the two still names a person of the
    pair: the slip broke the name. Two colleagues' mailboxes one letter apart name each their own person
    (JOHN.SMITH@ / JOAN.SMITH@, JSMITH1@ / JSMITH2@), and handles naming nobody are ``slipped_mailboxes``.
    Mailboxes from four characters count here (KWEBB@ / KWEB@, KGOMEZ@ / KOMEZ@): one of them still names
    the person, so two people's short handles one letter apart (ann1@ / ann2@) are not read as one.
    """
    return any(
        mailbox_slip(x, y, shortest=MISTYPED_MAILBOX_MIN)
        and any(
            mailbox_names_nobody(x, a, b, keep_first=keep) != mailbox_names_nobody(y, a, b, keep_first=keep)
            for keep in (False, True)  # BEVERLYH@ / BEVEROLYH@ name BEVERLY or not; INGRID.MUNOZ@ / INGRID.MNOZ@ MUNOZ
        )
        for x in emails_a
        if _personal(x)
        for y in emails_b
        if _personal(y)
    )


def first_name_only(email: str, a: "PersonaView", b: "PersonaView") -> bool:
    """Tell whether a mailbox spells nothing but a first name both records bear (DAVID@ held by two DAVIDs).

    A company mailbox named after a first name (or a nickname of it) tells which DAVID only when the company has
    one: two DAVIDs at one office are both on it, so it says nothing of a surname that disagrees.
    """
    if not (a.first and b.first):
        return False
    local = _letters(email.partition("@")[0])
    return local in equivalents(a.first.split()[0]) and local in equivalents(b.first.split()[0])


@lru_cache(maxsize=65536)
def surnames_related(a: str, b: str) -> bool:
    """Tell whether one surname may be the other garbled, however badly: the same first letter, or at least half
    of their letters in common order (KS/KIM, GREENE/GRENE). Two unrelated surnames (GARZA/JOHNSON) share neither.
    """
    if not a or not b:
        return True  # a missing surname disagrees with nothing
    return a[0] == b[0] or Indel.normalized_similarity(a, b) >= 0.5 or office_surname_slip(a, b)


def first_name_mailboxes_only(a: "PersonaView", b: "PersonaView", emails) -> bool:
    """Tell whether every one of ``emails`` (shared by a pair) spells only their common first name while their
    surnames are unrelated (``surnames_related``): then the mailbox is "a DAVID at the company", not one person's.
    """
    return bool(emails) and not surnames_related(a.last, b.last) and all(first_name_only(e, a, b) for e in emails)


def personal_key(a: "PersonaView", b: "PersonaView", levels: dict) -> str | None:
    """Return which disagreeing name a shared personal key outweighs ("first", "last") or None.

    One person's own e-mail address (not a role mailbox, and a mailbox that names nobody, so not a household's)
    held by both records in the same state (or with a shared phone), exactly or with one slip of the pen
    (``mailbox_slip``), is overwhelming evidence:

    * with the same or a close surname it outweighs a first name that disagrees (replaced or garbled);
    * with the same or a close first name it outweighs a surname that disagrees (changed on marriage);
    * a record with no name at all ("names") is the mailbox owner's;
    * in one ZIP, a name that disagrees beside the other name missing from a record, or two records that lost
      different names, is the key holder's record garbled.
    """
    if not levels["email"]:
        return None
    if not ((levels["location"] or 0) >= 1 or levels["phone"] == 1):
        return None
    first, last = levels["first_name"], levels["last_name"]
    shared = [email for email in a.emails if email in b.emails and _personal(email)]
    shared += slipped_mailboxes(a.emails, b.emails, a, b)  # they name nobody: a key mistyped by one character
    if last is not None and (last >= 2 or name_slip(a.last, b.last)) and first is not None and first < 2:
        if any(mailbox_names_nobody(email, a, b) for email in shared) and not family_handle(a, b, levels, shared):
            return "first"
    if first is not None and (first >= 2 or name_slip(a.first, b.first)) and last is not None and last < 2:
        if not first_name_mailboxes_only(a, b, shared) and any(
            mailbox_names_nobody(email, a, b, keep_first=True) for email in shared
        ):
            return "last"
    if not (a.first or a.last) or not (b.first or b.last):
        if any(mailbox_names_nobody(email, a, b) for email in shared):
            return "names"  # a record with no name at all is the mailbox owner's
    if levels["location"] == 3 and any(mailbox_names_nobody(email, a, b) for email in shared):
        # in one ZIP, a name that disagrees beside the other name missing from a record (EBPONY / "" and
        # JOSHUA / WHITE on one handle): nothing else of the names can outweigh the key
        if last is None and first is not None and first < 2:
            return "first"
        if first is None and last is not None and last < 2:
            return "last"
        if first is None and last is None:
            return "names"  # each record lost a different name (JASMY / "" and "" / SEEHUSESN)
    return None


def family_handle(a: "PersonaView", b: "PersonaView", levels: dict, shared: list[str]) -> bool:
    """Tell whether a free-mail handle two records share is a family's, not one person's (THE4539@ held by two).

    JOSHUA BAKER and KATHLEEN BAKER at one address, each on a phone of their own, on one free-mail handle that
    names nobody: two given names with nothing in common are no corruption of one another (a slip, a scan or the
    ear leaves a name close to itself), so the handle is the household's, not one person's key. A first name
    garbled into no name at all, or a shared phone or a company mailbox, still makes the handle one person's.
    """
    if levels["first_name"] != 0 or levels["phone"] != 0:
        return False
    if not (a.first and b.first and _read_as_given_name(a.first, shared) and _read_as_given_name(b.first, shared)):
        return False
    return bool(shared) and all(email.rpartition("@")[2] in FREE_MAIL_DOMAINS for email in shared)


def _read_as_given_name(first: str, shared: list[str]) -> bool:
    """Tell whether a first name reads as a given name beside a family's handle, however it was written.

    A given name; one with a letter doubled or added (PAULL: PAUL); or an initial that begins the given name a
    shared handle opens with (M on MICHAEL4068@ beside STACEY): each still names one person, who is not the other.
    A name garbled beyond that (KSTHQN) may be anyone's, the handle's owner's too.
    """
    word = _letters(first.split()[0])
    if _given_name(word):
        return True
    if len(word) == 1:
        handles = (_MAILBOX_WORDS.findall(email.partition("@")[0].upper()) for email in shared)
        return any(words and words[0][0] == word and known_given_name(words[0]) for words in handles)
    return len(word) >= 4 and any(known_given_name(word[:k] + word[k + 1 :]) for k in range(len(word)))


def initial_mailbox_only(a: "PersonaView", b: "PersonaView") -> bool:
    """Tell whether all a pair shares of e-mail spells an initial and the surname, beside two given names.

    MBROWN@ at the company fits MICHAEL BROWN and MICHELLE BROWN alike: it tells a close spelling of a first name
    from another name no better than the office line does. Two first names that are both given names (not an
    initial, not a garble) stay two names beside it.
    """
    if not (a.first and b.first and a.last and _given_name(a.first) and _given_name(b.first)):
        return False
    initial = a.first[0]
    if b.first[0] != initial:
        return False
    shared = _shared_compared(a, b)
    surnames = {_letters(a.last), _letters(b.last)}
    return bool(shared) and all(
        _letters(email.partition("@")[0]) in {initial + surname for surname in surnames} for email in shared
    )


def short_name_names_another(a: "PersonaView", b: "PersonaView") -> bool:
    """Tell whether a record holding a short form of a first name holds a mailbox of its own naming someone else.

    G / OLIVER on GABRIELA_OLIVER@ beside GABRIEL OLIVER: the initial fits both, the record's own mailbox at the
    company spells GABRIELA, a given name that is neither GABRIEL nor a nickname or slip of it (GABRIEL/GABRIELA
    differ in their ending: ``first_name_slip``). The record is the colleague's whose mailbox it holds. A nickname
    shared by two given names reads the same way: SANDY on ALEXANDRA.DEL@ is ALEXANDRA, not ALEXANDER, though the
    name tables make SANDY a nickname of both. A free-mail mailbox may be a household's and counts only beside two
    posts and a mailbox of the other's own (``_own_home_mailbox``: K / VEGA on KENNETH.VEGA@ beside KELLY on KVEGA@).
    """
    for short, full in ((a, b), (b, a)):
        if not (short.first and full.first):
            continue
        short_first, full_first = short.first.split()[0], full.first.split()[0]
        if len(short_first) == 1:
            fits = lambda word, initial=short_first: word[0] == initial  # noqa: E731
        elif short_first != full_first and short_first in equivalents(full_first) and _given_name(short_first):
            # a nickname standing for the other's name and for others besides (SANDY: ALEXANDRA, ALEXANDER)
            fits = lambda word, nickname=short_first: word in equivalents(nickname) and word != nickname  # noqa: E731
        else:
            continue
        for email in short.emails:
            if email in full.emails or not _compared(email):
                continue
            if email.rpartition("@")[2] in FREE_MAIL_DOMAINS and not _own_home_mailbox(short, full, email):
                continue
            words = _MAILBOX_WORDS.findall(email.partition("@")[0].upper())
            if not words or len(words[0]) < 3 or not fits(words[0]) or not known_given_name(words[0]):
                continue
            if words[0] not in equivalents(full_first) and not first_name_slip(words[0], full_first):
                return True
    return False


def _own_home_mailbox(short: "PersonaView", full: "PersonaView", email: str) -> bool:
    """Tell whether a free-mail mailbox spells a whole name (KENNETH.VEGA@) beside another post and another mailbox.

    A couple's home mailbox may be held by either spouse, but when it spells a given name and the record's surname,
    the other record holds a personal mailbox of its own that the pair does not share, and the two hold posts with
    no title kept (``_post_kept``), the mailbox is the record's own and the name it spells is the record's.
    """
    words = _MAILBOX_WORDS.findall(email.partition("@")[0].upper())
    if len(words) < 2 or words[1] != _letters(short.last) or not short.last:
        return False
    if not any(_personal(e) and e not in short.emails for e in full.emails):
        return False
    titles_short, titles_full = [t for t in short.titles if t], [t for t in full.titles if t]
    return bool(titles_short and titles_full) and not _post_kept(short, full)


def household_mailbox(a: "PersonaView", b: "PersonaView", levels: dict) -> bool:
    """Tell whether all a pair shares of e-mail is a free-mail address that names them (a household's, maybe).

    A couple at one address often shares one home mailbox built from a name (brendadunn@yahoo.com,
    thedunns@aol.com): held by a record of the other spouse it proves nothing. A handle naming nobody
    (p7535316@gmail.com) or a mailbox at a company's domain is one person's.
    """
    if levels["email"] != 2:
        return False
    shared = [email for email in a.emails if email in b.emails and _personal(email)]
    return bool(shared) and not any(mailbox_names_nobody(email, a, b) for email in shared)


def work_mailbox(a: "PersonaView", b: "PersonaView", levels: dict) -> bool:
    """Tell whether a pair shares one person's mailbox at a company's own domain (FDIAZ@, LAWRENCE@ at acme.com).

    A company gives a mailbox that names an employee (a first name, an initial and a surname) to that one
    employee: with the same or a close first name, a surname that disagrees beside it is the record's error,
    not another colleague. A free-mail address can be a household's, and a mailbox that names nobody may be
    a shared desk's (frontdesk@): neither counts here.
    """
    if levels["email"] != 3 or first_name_mailboxes_only(a, b, _shared_compared(a, b)):
        return False
    return any(
        email in b.emails
        and _personal(email)
        and email.rpartition("@")[2] not in FREE_MAIL_DOMAINS
        and not mailbox_names_nobody(email, a, b)
        for email in a.emails
    )


def _shared_compared(a: "PersonaView", b: "PersonaView") -> list[str]:
    return [email for email in a.emails if email in b.emails and _compared(email)]


def _spells_first(email: str, first: str) -> bool:
    """Tell whether a mailbox begins with a first name or one of its nicknames (three letters or more)."""
    local = _letters(email.partition("@")[0])
    return bool(first) and any(len(name) >= 3 and local.startswith(name) for name in equivalents(first.split()[0]))


def first_name_mailbox(a: "PersonaView", b: "PersonaView") -> bool:
    """Tell whether two records share a mailbox spelling the first name both bear (GREGORYRAO@: GREG, GREGORY).

    A household's mailbox (brendadunn@yahoo.com) is shared by people of two first names; when both records bear
    the name it spells, it is that person's, and a surname that disagrees beside it is the record's error
    (GREGORY RAO / GREG ORA), free-mail or not. Father and son of one name share the surname too.
    """
    shared = _shared_compared(a, b)
    if first_name_mailboxes_only(a, b, shared):
        return False  # DAVID@ held by DAVID GARZA and DAVID JOHNSON: two DAVIDs at one company
    return any(_spells_first(email, a.first) and _spells_first(email, b.first) for email in shared)


@lru_cache(maxsize=65536)
def _given_name(first: str) -> bool:
    return known_given_name(_letters(first.split()[0]))


def owners_work_mailbox(a: "PersonaView", b: "PersonaView") -> bool:
    """Tell whether a record whose first name is no name at all holds the other's work mailbox (JAM / JEAN.GARCIA@).

    A company gives a mailbox that names an employee to that employee: a record whose first name is no given
    name (JAM, AJCU, GOF) and whose own mailbox at a company's domain spells the other record's first name or a
    nickname of it (JEAN.GARCIA@, TOM@ beside THOMAS), or is the other's own mailbox naming them by initial and
    surname (JANDERSON@), is that employee's record garbled, not a colleague's, who would bear a name of their
    own. A free-mail address may be a household's and does not count; nor does a mailbox that spells the
    garbled name itself, nor a real name other than a slip of the owner's (IDA on IVANB@ stays apart; RENEA
    on RENEE.ROBERTS@ beside RENEE ROBERTS is hers).
    """
    for owner, other in ((a, b), (b, a)):
        if not (other.emails and owner.first and other.first):
            continue
        # a real name counts only as a slip of the owner's (RENEA on RENEE.ROBERTS@ beside RENEE ROBERTS)
        if _given_name(other.first) and not name_slip(other.first, owner.first):
            continue
        for email in other.emails:
            if email.rpartition("@")[2] in FREE_MAIL_DOMAINS or not _compared(email):
                continue
            if _spells_first(email, other.first):
                continue
            if _spells_first(email, owner.first):
                return True
            initial_surname = owner.first[0] + _letters(owner.last)
            if email in owner.emails and len(owner.last) >= 3 and _letters(email.partition("@")[0]) == initial_surname:
                return True
    return False


def mailbox_names_another(garbled: "PersonaView", other: "PersonaView") -> bool:
    """Tell whether a record whose first name is no name holds a work mailbox of its own that names someone else.

    NADRE GREENE on AGREENE@ beside NATHAN GREENE: NADRE is two letters from NATE, but the record's own mailbox
    names an A. GREENE (ANDRE, garbled), not NATHAN. A mailbox giving another initial with the surname, or
    beginning with a given name that is not the other's (nor a nickname or slip of it), tells against reading the
    garbled name as the other's. Only a company's mailbox counts (a free-mail one may be a household's).
    """
    if not (garbled.first and other.first) or _given_name(garbled.first):
        return False
    other_first = other.first.split()[0]
    surname = _letters(garbled.last)
    for email in garbled.emails:
        if email in other.emails or not _compared(email) or email.rpartition("@")[2] in FREE_MAIL_DOMAINS:
            continue
        local = _letters(email.partition("@")[0])
        if len(surname) >= 3 and len(local) == len(surname) + 1 and local.endswith(surname):
            if local[0] != other_first[0]:
                return True  # another initial with the surname
            continue
        words = _MAILBOX_WORDS.findall(email.partition("@")[0].upper())
        if words and len(words[0]) >= 3 and known_given_name(words[0]):
            # two given names a letter apart are still two names (CHRISTINA.DAVIS@ beside CHRISTIAN DAVIS)
            slip = first_name_slip if _given_name(other_first) else name_slip
            if words[0] not in equivalents(other_first) and not slip(words[0], other_first):
                return True
    return False


# What tells two people of one name apart in their mailboxes: a number (jsmith1@ / jsmith2@) or a generation.
_SERIES = re.compile(r"[0-9]+|(?:JR|SR|II|III|IV)$")


def one_persons_mailboxes(a: "PersonaView", b: "PersonaView") -> bool:
    """Tell whether two same-name records' different mailboxes are one person's (ANNA@ and ANNA.KHAN@ at one company).

    Every personal mailbox of both records names the pair's person (a first name, an initial and a surname, or
    a surname), and no two of them differ only by a number or a generation (JSMITH1@ / JSMITH2@, JOHN@ /
    JOHNJR@): a company gives a second employee of one name a numbered or marked mailbox, while one person's
    aliases, a work and a home address, or a list vendor's guess at the address, are spelled in other shapes.
    """
    emails = [e for e in (*a.emails, *b.emails) if _personal(e)]
    if not emails or any(mailbox_names_nobody(email, a, b) for email in emails):
        return False
    return not any(_series(x, y) for i, x in enumerate(emails) for y in emails[i + 1 :])


def _series(x: str, y: str) -> bool:
    """Tell whether two addresses at one domain differ only by a number or a generation (JSMITH1@ / JSMITH2@)."""
    local_x, _, domain_x = x.partition("@")
    local_y, _, domain_y = y.partition("@")
    if domain_x != domain_y:
        return False
    marks_x, marks_y = _SERIES.findall(local_x.upper()), _SERIES.findall(local_y.upper())
    stem_x, stem_y = _letters(_SERIES.sub("", local_x.upper())), _letters(_SERIES.sub("", local_y.upper()))
    return stem_x == stem_y and marks_x != marks_y


_GENERATIONS = frozenset({"JR", "SR", "II", "III", "IV"})
_NAME_WORDS = re.compile(r"[A-Z0-9]+")


def name_generation(raw_last: str) -> str:
    """Return the generation a list wrote after a last name ("Ellison Jr." -> "JR", "Larson II" -> "II"), or ""."""
    words = _NAME_WORDS.findall(raw_last.upper()) if raw_last else []
    return words[-1] if len(words) > 1 and words[-1] in _GENERATIONS else ""


# A generation at the end of a mailbox (KEVIN.WATKINSJR@, RAJHOANGJR1977@, WOLSEN_SR@), a year or number after it.
_GENERATION_MAILBOX = re.compile(r"^(?P<stem>[A-Z0-9._-]*?[A-Z])[._-]?(?P<mark>JR|SR|III|II|IV)[0-9]*$")


def generation_marks(view: "PersonaView", other: "PersonaView") -> frozenset:
    """Return the generations (JR, SR, II ...) a record writes after its name, or its own mailboxes after the pair's.

    "Kevin Watkins Jr." (``generation``) or KEVIN.WATKINSJR@AOL.COM on KEVIN WATKINS's record says Kevin Watkins
    Jr.: the name's match key drops the suffix (``normalize_person_name``). Only a mailbox mark that follows a name
    of the pair counts
    (the surname, or the first name for JOHNJR@), so NASR@ or a mailbox ending in a word that merely ends in
    II is no generation.
    """
    names = {_letters(n) for v in (view, other) for n in (v.last, v.first) if len(_letters(n)) >= 2}
    marks = {view.generation} if view.generation else set()
    for email in view.emails:
        if not _personal(email):
            continue
        match = _GENERATION_MAILBOX.match(email.partition("@")[0].upper())
        if match and any(_letters(match["stem"]).endswith(name) for name in names):
            marks.add(match["mark"])
    return frozenset(marks)


def generations_differ(a: "PersonaView", b: "PersonaView", levels: dict) -> bool:
    """Tell whether two records of one name are two generations (JR on one only, or JR and SR).

    A father and son of one name at a family business, or in one town, share every name the match key holds; the
    list's name or the son's mailbox often still says JR. A mailbox shared by both records (or one slip of it)
    says one person whatever it spells; otherwise one record marked JR and the other not (or marked SR) are two
    people as far as the list can tell, and the pair waits for a person (``GENERATIONS``).
    """
    if levels["email"]:
        return False
    return generation_marks(a, b) != generation_marks(b, a)


_MAILBOX_WORDS = re.compile(r"[A-Z]+")


def mailbox_names_first(a: "PersonaView", b: "PersonaView") -> bool:
    """Tell whether a record without a first name holds a mailbox of its own that spells the other's first name.

    "" / SINGH with BECKY.SINGH@ beside REBECCA SINGH, "" / WALLACE with JAEMS@ beside JAMES WALLACE: the
    mailbox's first word is that first name, a nickname of it, or a slip of either, so the record is that
    person's and not a relative's at the office, who would hold a mailbox of their own name. Only a mailbox at
    a company's own domain counts: a free-mail address may be a couple's. An initial (FMENSAH@) fits every
    relative of that initial and says nothing.
    """
    for nameless, named in ((a, b), (b, a)):
        if nameless.first or not named.first:
            continue
        names = [name for name in equivalents(named.first.split()[0]) if len(name) >= 3]
        for email in nameless.emails:
            if email in named.emails or not _personal(email) or email.rpartition("@")[2] in FREE_MAIL_DOMAINS:
                continue  # a free-mail address may be a household's (JOHNANDMARY@): only a work mailbox counts
            words = _MAILBOX_WORDS.findall(email.partition("@")[0].upper())
            if words and any(words[0].startswith(name) or name_slip(words[0], name) for name in names):
                return True
    return False


def _initial(a: str, b: str) -> bool:
    a1, b1 = a.split()[0], b.split()[0]
    return (len(a1) == 1 and b1.startswith(a1)) or (len(b1) == 1 and a1.startswith(b1))


def _colleagues(levels: dict) -> bool:
    return levels["business"] == 2 or levels["address"] == 2 or levels["phone"] == 1


def _surname_garbled(
    a: PersonaView, b: PersonaView, first: int | None, first_slip: bool, model: "Model | None" = None
) -> bool:
    """Tell whether colleagues' surnames are one surname garbled beside the same first name (``office_surname_slip``).

    The same first name, or one garbled beyond recognition as a name, beside a garbled surname; or both names
    slipped at once (COLLEEN RUSSO / COLLEN RUZO): relatives share a surname exactly, and two colleagues whose
    names are both one slip apart are rarer than one record slipped twice. A surname garbled further than that
    still counts beside the same specific job title (``same_post_surname``).
    """
    if not (first == 3 or first_slip or garbled_name(a.first, b.first)):
        return False
    return office_surname_slip(a.last, b.last) or same_post_surname(a, b, model)


# The least share of two surnames' letters, in order, that one person's surname garbled twice keeps (Indel
# similarity: GOAS / WOODS 0.44, HIO / HILL 0.57, KTYR / KAUR 0.5; VU / PORTER 0.0, EDWARS / COOPER 0.33).
POST_SURNAME_LETTERS = 0.4


def same_post_surname(a: PersonaView, b: PersonaView, model: "Model | None") -> bool:
    """Tell whether two surnames at one office, beside the same first name, are one surname by the post both hold.

    Two errors in one short surname (WOODS / GOAS, HILL / HIO, KAUR / KTYR, TORRES / GUORRS) are beyond a slip,
    and so are two colleagues' surnames. But two colleagues who share a first name *and* a job title rare in the
    team and the trade (``rare_title``: a Controller, a Broker at a builder's; not an Owner) are rarer still than
    one record garbled twice, so with such a title a surname that keeps ``POST_SURNAME_LETTERS`` of the other's
    letters in order is the record's error. Surnames with little in common (ALICE PORTER / ALICE VU, both general
    managers) stay two people, and a missing first name never reaches here: a relative shares the surname.
    """
    if not (a.last and b.last) or not rare_title(a, b, model):
        return False
    return Indel.normalized_similarity(a.last, b.last) >= POST_SURNAME_LETTERS


def nameless_in_post(a: PersonaView, b: PersonaView, levels: dict, model: "Model | None") -> bool:
    """Tell whether a record without a first name is a colleague's record by the post both hold.

    At one office "" / MILLER beside CRAIG MILLER may be his record or a relative's, and nothing of the name can
    tell. The job title can: a relative working at the family's company holds a job of their own, and the same
    title rare in the team and the trade (``rare_title``: Chief Executive Officer, Controller; not Owner) beside
    the same surname, or one slip or garble of it (``name_slip``, ``office_surname_slip``), is one person's record.
    """
    if levels["first_name"] is not None:
        return False
    # a record that holds one name holds it as the surname here, in whichever column (BOYD / "": a swapped record)
    last_a, last_b = a.last or a.first, b.last or b.first
    if not (last_a and last_b):
        return False
    last = levels["last_name"] or 0
    if not (last >= 2 or name_slip(last_a, last_b) or office_surname_slip(last_a, last_b)):
        return False
    return bool(rare_title(a, b, model))


def first_name_in_post(a: PersonaView, b: PersonaView, levels: dict, model: "Model | None") -> bool:
    """Tell whether two first names at one office are one garbled by the post both records hold.

    A first name garbled beyond a slip (LAH / NOAH, MRVI / MARVIN, KRHT / KURT, G1ENN / GLHEN) is no colleague's
    name when it is no known given name (``given_names``) and keeps ``POST_SURNAME_LETTERS`` of the other's letters
    in order, beside the same surname or one slip or garble of it, and the same job title rare in the team and
    the trade (``rare_title``). Two real names stay two colleagues (JOHN / JANE), however alike their posts.
    """
    if not (a.first and b.first and a.last and b.last):
        return False
    first_a, first_b = _letters(a.first.split()[0]), _letters(b.first.split()[0])
    if not first_a or not first_b or (known_given_name(first_a) and known_given_name(first_b)):
        return False
    if Indel.normalized_similarity(first_a, first_b) < POST_SURNAME_LETTERS:
        return False
    last = levels["last_name"] or 0
    if not (last >= 2 or name_slip(a.last, b.last) or office_surname_slip(a.last, b.last)):
        return False
    return bool(rare_title(a, b, model))


def _columns_swapped(p: PersonaView) -> bool:
    """Tell whether a record's columns read swapped: a given name as surname beside a first name that is none."""
    return bool(p.first and p.last) and _given_name(p.last) and not _given_name(p.first)


def zip_mistyped(a: PersonaView, b: PersonaView) -> bool:
    """Tell whether two records of one state hold ZIPs a keystroke apart (``zip_slip``) and one holds no street.

    REECE MIELS in 03101 with no street beside REECE MIELS at 31 WORONORA ST in 03110: nothing of the place
    disagrees but a ZIP written with two digits swapped. Two streets in two such ZIPs are two places (a namesake in
    the next ZIP), and a missing state says nothing: both records need one, the same.
    """
    if not (a.state and a.state == b.state and zip_slip(a.zip5, b.zip5)):
        return False
    return not (a.addresses and b.addresses)


def _name_not_common(model: "Model | None", a: PersonaView) -> bool:
    """Tell whether a full name is no commoner than a typical shared one in the team: its first name's and surname's
    frequency adjustments (``tf_adjustment``) add up to no less than nothing. A namesake in the next ZIP is as likely
    as the name is common (MITCHELL EGAN: -0.3 bits; AMBER KEXEL: +1.4)."""
    if model is None or not (a.first and a.last):
        return False
    return tf_adjustment(model, "first_name", a.first) + tf_adjustment(model, "last_name", a.last) >= 0


def guard(a: PersonaView, b: PersonaView, levels: dict, model: "Model | None" = None) -> str | None:
    """Return why two personas must never merge automatically (a named guard), or None.

    ``OFFICE_NAME_ONLY``: one name at another office of the company (``other_office``) with nothing personal to
    say it is one person (``office_proof``; ``model`` gives the name frequencies) goes to review: a common name
    may be two employees.

    Colleagues share a company, an address and an office phone, never a personal e-mail address (role
    mailboxes such as info@ are not compared): a shared personal e-mail outweighs a typo in a name, and a
    shared personal key (``personal_key``) outweighs a whole name. A slip of the keyboard in one name
    (``name_slip``, or ``surname_slip`` beside an identical first name) is not another colleague.
    """
    if _names(a, b)[2]:
        # read the names the way their levels were (a swapped record). The swapped record is b, unless only a reads
        # swapped (``_columns_swapped``): SANODVAL / ANNA beside ANNA / ANDOVAL is ANNA SANDOVAL garbled, so
        # ANNA / ANNA are the first names and SANODVAL / ANDOVAL the surnames, not two first names that disagree
        if _columns_swapped(a) and not _columns_swapped(b):
            a = replace(a, first=a.last, last=a.first)
            levels = {**levels, "first_name": levels["last_name"], "last_name": levels["first_name"]}
        else:
            b = replace(b, first=b.last, last=b.first)
    first, last = levels["first_name"], levels["last_name"]
    # A shared free-mail address that names them may be a couple's household mailbox (brendadunn@yahoo.com): at
    # one address it says nothing of which of the two a record is.
    personal_email = bool(levels["email"]) and not household_mailbox(a, b, levels)
    key = personal_key(a, b, levels)
    if key is None and (last or 0) < 2 and last is not None and first is not None:
        # one employee's work mailbox beside the same first name, or a mailbox spelling the first name both bear
        # (or one slip of it): the surname is the record's error
        same_first = first >= 2 or first_name_slip(a.first, b.first)
        if same_first and (work_mailbox(a, b, levels) or first_name_mailbox(a, b)):
            key = "last"
    colleagues = _colleagues(levels)
    if (first or 0) >= 2 and (last or 0) >= 2 and generations_differ(a, b, levels):
        return "GENERATIONS"  # JR on one record's own mailbox only: a father and son of one name, for a person
    # At one office, a first name that is no name at all beside a near spelling of a real one, with the same
    # or a close surname (or one slip apart), is one person's record garbled, not a colleague. Beside a missing
    # surname it is no colleague either, but the pair still waits for review (COLLEAGUE_NAME_MISSING).
    # Both names garbled at once (DALZE ROEZ / DALE ROSE) are one record slipped twice: relatives share a surname.
    garbled = (
        colleagues
        and (first or 0) < 3
        and (last is None or last >= 2 or name_slip(a.last, b.last) or office_surname_slip(a.last, b.last))
        and garbled_name(a.first, b.first)
        and not (mailbox_names_another(a, b) or mailbox_names_another(b, a))
    )
    first_slip = False
    post = colleagues and nameless_in_post(a, b, levels, model)
    if colleagues:
        first_slip = (
            first is not None
            and first < 3
            and (garbled or first_name_slip(a.first, b.first) or first_name_in_post(a, b, levels, model))
        )
        if first is not None and first < 3 and not first_slip and key is None and owners_work_mailbox(a, b):
            first_slip = True  # a garbled first name on the other's own work mailbox (read only at one company)
            if first < 2:
                key = "first"
        if first is not None and first < 2 and key != "first" and not (first_slip or (personal_email and first == 1)):
            return "COLLEAGUE_FIRST_NAME"
        if first == 2 and not (
            (personal_email and not initial_mailbox_only(a, b)) or first_slip or _initial(a.first, b.first)
        ):
            return "COLLEAGUE_FIRST_NAME"  # MICHAEL/MICHELE, DANIEL/DANIELLE: close spellings, two names
        if first in (2, 3) and a.first != b.first and not personal_email and short_name_names_another(a, b):
            return "COLLEAGUE_FIRST_NAME"  # G / OLIVER on GABRIELA_OLIVER@ is not GABRIEL; SANDY on ALEXANDRA.DEL@
        if last is not None and last < 2 and key != "last" and not _surname_garbled(a, b, first, first_slip, model):
            if not (name_slip(a.last, b.last) or (personal_email and last == 1) or post):
                return "COLLEAGUE_LAST_NAME"
        if first is None and not personal_email and not mailbox_names_first(a, b) and not post:
            return "COLLEAGUE_NAME_MISSING"
        if last is None and first != 3 and not first_slip and not personal_email:
            return "COLLEAGUE_NAME_MISSING"  # a slip of the same first name counts as the same first name
        if levels["phone"] == 0 and levels["email"] == 0 and (not one_persons_mailboxes(a, b) or jobs_differ(a, b)):
            return "COLLEAGUE_OWN_CONTACTS"  # namesakes at one company, each with a phone, e-mail and job of their own
        if own_phone_and_post(a, b, levels) or own_spelling_and_post(a, b, levels):
            return "COLLEAGUE_OWN_POST"  # one name at one office, each record with a phone and a post of its own
    elif min(first or 0, last or 0) >= 1 and max(first or 0, last or 0) >= 2 and levels["location"] is not None:
        nothing_shared = not (levels["phone"] or levels["email"] or levels["business"])
        if first >= 2 and last >= 2:
            exact = first == 3 and last == 3
            # the same name in another city, or a close one in another state, and nothing else in common
            if levels["location"] < (2 if exact else 1) and nothing_shared:
                if not (exact and zip_mistyped(a, b) and _name_not_common(model, a)):
                    return "NAMESAKE_ELSEWHERE"
        elif levels["location"] < 2 and nothing_shared:
            # one name merely resembles the other's (JAKE RHYNE / JACOB RYAN), not a slip of it, in another city,
            # and nothing in common
            if not (name_slip(a.first, b.first) if first == 1 else name_slip(a.last, b.last)):
                return "NAMES_RESEMBLE_ELSEWHERE"
    # a slip of a nickname counts at one office only, like ``garbled``
    if first == 0 and key != "first" and not (garbled or first_slip or name_slip(a.first, b.first)):
        return "NAMES_DISAGREE"
    if first == 3 and last == 3 and levels["email"] == 0 and (levels["location"] or 0) < 2:
        if not (levels["phone"] or levels["business"] or levels["address"]):
            return "NAMESAKE_OWN_MAILBOX"  # each their own personal mailbox, no place in common: maybe namesakes
    if last == 0 and key != "last":
        if not (
            (_surname_garbled(a, b, first, first_slip, model) or post)
            if colleagues
            else first == 3 and surname_slip(a.last, b.last)
        ):
            return "NAMES_DISAGREE"
    if first is None and last is None and key != "names":
        return "NAMES_DISAGREE"
    if other_office(a, b, levels) and office_proof(a, b, levels, model) is None:
        return "OFFICE_NAME_ONLY"
    return None


# ---------------------------------------------------------------------------------------------------
# The Fellegi-Sunter model.


@dataclass
class Model:
    """m and u per field and level, the prior share of matches among candidates, and term frequencies."""

    m: dict[str, list[float]]
    u: dict[str, list[float]]
    prior: float
    iterations: int = 0
    pairs: int = 0
    tf: dict[str, dict[str, float]] = field(default_factory=dict)
    tf_mean: dict[str, float] = field(default_factory=dict)

    def weight(self, name: str, level: int) -> float:
        return math.log2(self.m[name][level] / self.u[name][level])

    def to_json(self) -> dict:
        return {"m": self.m, "u": self.u, "prior": self.prior, "iterations": self.iterations, "pairs": self.pairs}

    @classmethod
    def from_json(cls, data: dict) -> "Model":
        """Read a stored model; a field whose levels changed since it was stored starts again from the default."""
        start = default_model()
        m, u = dict(start.m), dict(start.u)
        for name, levels in LEVELS.items():
            if len(data["m"].get(name, ())) == len(levels) and len(data["u"].get(name, ())) == len(levels):
                m[name], u[name] = data["m"][name], data["u"][name]
        return cls(m=m, u=u, prior=data["prior"], iterations=data.get("iterations", 0))


def default_model() -> Model:
    """Return the starting point of EM (and the model of a team with too few pairs to train one)."""
    m, u = {}, {}
    for name, levels in LEVELS.items():
        n = len(levels)
        # Matches mostly agree fully, non-matches mostly disagree: a geometric ramp either way.
        m_raw = [2.0**i for i in range(n)]
        u_raw = [2.0 ** (n - 1 - i) for i in range(n)]
        m[name] = [x / sum(m_raw) for x in m_raw]
        u[name] = [x / sum(u_raw) for x in u_raw]
    return Model(m=m, u=u, prior=0.3)


def _pattern(levels: dict) -> tuple:
    return tuple(-1 if levels[name] is None else levels[name] for name in FIELDS)


def em_train(
    patterns: Counter,
    *,
    start: Model | None = None,
    iterations: int = 40,
    tol: float = 1e-6,
    fixed_u: bool = False,
) -> Model:
    """Estimate m, u and the prior by EM over counted agreement patterns (tuples in ``FIELDS`` order, -1 = missing).

    With ``fixed_u`` only m and the prior are estimated, u staying as in ``start`` (estimated from random
    pairs): candidate pairs are chosen because they agree on something, so their own u would be biased.
    """
    model = start or default_model()
    m = {name: list(values) for name, values in model.m.items()}
    u = {name: list(values) for name, values in model.u.items()}
    prior = model.prior
    total = sum(patterns.values())
    if not total:
        return Model(m=m, u=u, prior=prior)
    items = list(patterns.items())
    done = 0
    for _ in range(iterations):
        done += 1
        m_counts = {name: [0.0] * len(LEVELS[name]) for name in FIELDS}
        u_counts = {name: [0.0] * len(LEVELS[name]) for name in FIELDS}
        matched = 0.0
        for pattern, count in items:
            pm, pu = prior, 1.0 - prior
            for name, level in zip(FIELDS, pattern, strict=True):
                if level >= 0:
                    pm *= m[name][level]
                    pu *= u[name][level]
            share = pm / (pm + pu) if pm + pu else 0.0
            matched += share * count
            for name, level in zip(FIELDS, pattern, strict=True):
                if level >= 0:
                    m_counts[name][level] += share * count
                    u_counts[name][level] += (1.0 - share) * count
        new_prior = min(max(matched / total, PROBABILITY_FLOOR), 1 - PROBABILITY_FLOOR)
        change = abs(new_prior - prior)
        prior = new_prior
        for name in FIELDS:
            for table, counts in ((m, m_counts), (u, u_counts)):
                if table is u and fixed_u:
                    continue
                seen = sum(counts[name])
                if not seen:
                    continue
                values = [max(c / seen, PROBABILITY_FLOOR) for c in counts[name]]
                scale = sum(values)
                new = [v / scale for v in values]
                change = max(change, max(abs(x - y) for x, y in zip(new, table[name], strict=True)))
                table[name] = new
        _monotone(m, u)
        if change < tol:
            break
    return Model(m=m, u=u, prior=prior, iterations=done, pairs=total)


# The least share of one person's records that show another phone, street or place (m per level, from "different"
# upwards). People change numbers and move between two lists: a changed phone or address counts against a match, but
# never as proof of two people. EM on candidate pairs alone drives these shares to almost nothing, because the
# colleagues among them always share the office's phone and address (a move then weighed -9 bits, a new phone and a
# mistyped ZIP besides sank a same-name pair at one company below review).
CHANGE_FLOOR = {"phone": (0.05,), "address": (0.05,), "location": (0.01, 0.03, 0.03)}


def _monotone(m: dict, u: dict) -> None:
    """Keep the model sensible: full agreement is never evidence against a match, disagreement never for one,
    and a changed phone, street or place never rules a match out (``CHANGE_FLOOR``).

    Candidate pairs hold colleagues (same company, address and phone) as well as duplicates; without this an
    unconstrained EM can take "works at the same place" for the match class.
    """
    for name in FIELDS:
        top = len(m[name]) - 1
        if m[name][top] < u[name][top] * 2:
            m[name][top] = u[name][top] * 2
        if m[name][0] > u[name][0] / 2:
            m[name][0] = u[name][0] / 2
        for level, floor in enumerate(CHANGE_FLOOR.get(name, ())):
            m[name][level] = max(m[name][level], floor)
        scale = sum(m[name])
        m[name] = [x / scale for x in m[name]]


def random_u(personas: list[PersonaView], *, samples: int = 20000, seed: int = 7) -> dict[str, list[float]]:
    """Estimate u (how often two different people agree, per field and level) from random pairs of personas."""
    import random

    rng = random.Random(seed)
    counts = {name: [1.0] * len(LEVELS[name]) for name in FIELDS}  # add-one: no level is impossible
    n = len(personas)
    if n < 2:
        return default_model().u
    for _ in range(samples):
        i, j = rng.randrange(n), rng.randrange(n)
        if i == j:
            continue
        levels, _ = gamma(personas[i], personas[j])
        for name, level in levels.items():
            if level is not None:
                counts[name][level] += 1
    return {name: [c / sum(values) for c in values] for name, values in counts.items()}


def term_frequencies(values: Iterable[tuple[str, int]]) -> tuple[dict[str, float], float]:
    """Return each value's share of the team, and the expected share of the value two random agreeing persons hold."""
    counts = {value: count for value, count in values if value}
    total = sum(counts.values())
    if not total:
        return {}, 0.0
    tf = {value: count / total for value, count in counts.items()}
    return tf, sum(share * share for share in tf.values())


def tf_adjustment(model: Model, name: str, value: str) -> float:
    """Return the extra weight of an exact agreement on ``value``: positive for a rare name, negative for a common."""
    shares = model.tf.get(name)
    if not shares:
        return 0.0
    share = shares.get(value)
    mean = model.tf_mean.get(name, 0.0)
    if not share or not mean:
        return 0.0
    return max(-TF_CLIP, min(TF_CLIP, math.log2(mean / share)))


# ---------------------------------------------------------------------------------------------------
# Job titles. A person who moves to another office of the company mostly keeps the job; a namesake there holds a
# title of their own, and holds the same one only as often as the title is common in the team.

_TITLE_WORDS = {
    "VP": "VICE PRESIDENT", "SVP": "SENIOR VICE PRESIDENT", "EVP": "EXECUTIVE VICE PRESIDENT",
    "AVP": "ASSISTANT VICE PRESIDENT", "PRES": "PRESIDENT", "MGR": "MANAGER", "MNGR": "MANAGER",
    "MGMT": "MANAGEMENT", "DIR": "DIRECTOR", "SR": "SENIOR", "ASST": "ASSISTANT", "ASSOC": "ASSOCIATE",
    "EXEC": "EXECUTIVE", "GM": "GENERAL MANAGER", "CEO": "CHIEF EXECUTIVE OFFICER",
    "CFO": "CHIEF FINANCIAL OFFICER", "COO": "CHIEF OPERATING OFFICER", "CTO": "CHIEF TECHNOLOGY OFFICER",
    "CMO": "CHIEF MARKETING OFFICER", "CIO": "CHIEF INFORMATION OFFICER", "OPS": "OPERATIONS",
    "ADMIN": "ADMINISTRATOR", "ACCT": "ACCOUNT", "MKTG": "MARKETING", "COORD": "COORDINATOR",
    "SUPV": "SUPERVISOR", "SUPVR": "SUPERVISOR", "REP": "REPRESENTATIVE", "ENGR": "ENGINEER",
    "TECH": "TECHNICIAN", "SVC": "SERVICE", "DEPT": "DEPARTMENT", "NATL": "NATIONAL", "INTL": "INTERNATIONAL",
    "HR": "HUMAN RESOURCES", "IT": "INFORMATION TECHNOLOGY", "MD": "MEDICAL DOCTOR",
}  # fmt: skip
_TITLE_FILLER = frozenset("OF THE AND FOR TO AT IN".split())
_TITLE_SPLIT = re.compile(r"[^A-Z0-9]+")
# The share of a person's records that keep the job title between two lists (a promotion or a new job changes it):
# the title's m. Its u, for two people of one name at one company, is the title's share of the people in the
# company's trade (a Veterinarian is rare in a team and common at a veterinary clinic), drawn towards its share of
# the team by ``TRADE_PRIOR`` people's worth so that a small trade says little (``trade_title_counts``). A shared
# title is log2(TITLE_KEPT / share) bits of evidence (``title_bits``), and a proof from ``RARE_TITLE_BITS`` on (a
# title held by at most 1 person in 19).
TITLE_KEPT = 0.85
RARE_TITLE_BITS = 4.0
TRADE_PRIOR = 20


@lru_cache(maxsize=65536)  # titles repeat down a list
def title_key(title: str) -> str:
    """Return a job title as a comparison key: its words, abbreviations written out, sorted ("" for none).

    VP of Sales, Sales V.P. and Vice President, Sales are one key (PRESIDENT SALES VICE); Mgr and Manager,
    Dir and Director, CEO and Chief Executive Officer are one word each; "of", "and", "&" are not words.
    """
    words = _TITLE_SPLIT.split((title or "").upper().replace(".", ""))
    out = set()
    for word in words:
        for part in _TITLE_WORDS.get(word, word).split():
            if part and part not in _TITLE_FILLER:
                out.add(part)
    return " ".join(sorted(out))


def jobs_differ(a: PersonaView, b: PersonaView) -> bool:
    """Tell whether two records hold job titles with no word in common (Bookkeeper / Manager, Owner / Estimator).

    Not a difference: a shared title, a word in common (Sales Manager / VP of Sales: a promotion), a missing title.
    Unlike ``titles_conflict`` a common title counts: it is read only beside a phone and a mailbox of their own
    at one office, where one JOHN SMITH who changed phone, mailbox and job at once is rarer than a father and
    son of that name at the family business, each in his own post.
    """
    titles_a, titles_b = [t for t in a.titles if t], [t for t in b.titles if t]
    if not (titles_a and titles_b) or shared_title(a, b):
        return False
    words_a = {w for t in titles_a for w in t.split()}
    return not any(w in words_a for t in titles_b for w in t.split())


def shared_title(a: PersonaView, b: PersonaView) -> str:
    """Return a job title both records hold (``title_key``), or ""."""
    return next((t for t in a.titles if t and t in b.titles), "")


def trade_title_counts(counts: dict[tuple[str, str], int]) -> dict[str, float]:
    """Return the people of each trade holding each title ("SIC|TITLE") and in all ("SIC|"), for ``title_bits``.

    ``counts``: (SIC code, title key) -> people with that title at businesses of that trade.
    """
    out: Counter = Counter()
    for (sic, title), n in counts.items():
        if title:
            out[f"{sic}|{title}"] += n
            out[f"{sic}|"] += n
    return dict(out)


def title_bits(model: "Model | None", key: str, trades: Iterable[str] = ()) -> float:
    """Return what holding the same job title says of one person rather than two: log2(TITLE_KEPT / its share).

    The share is the title's in the team or, when larger, among the other people of one of ``trades`` (the pair's
    own two records left out), drawn towards the team share by ``TRADE_PRIOR`` people's worth. 0.0 for a title the
    model's team frequencies do not know, or one so common that it says nothing.
    """
    if model is None or not key:
        return 0.0
    share = model.tf.get("title", {}).get(key)
    if not share:
        return 0.0
    by_trade = model.tf.get("trade_title", {})
    team = share
    for sic in trades:
        holders, people = by_trade.get(f"{sic}|{key}", 0.0), by_trade.get(f"{sic}|", 0.0)
        if holders >= 2:
            share = max(share, (holders - 2 + TRADE_PRIOR * team) / (people - 2 + TRADE_PRIOR))
    return max(0.0, math.log2(TITLE_KEPT / share))


def specific_title(model: "Model | None", key: str, trades: Iterable[str] = ()) -> bool:
    """Tell whether a job title is rare in the team and the trades (``RARE_TITLE_BITS``): Controller; not Owner."""
    return title_bits(model, key, trades) >= RARE_TITLE_BITS


def titles_conflict(a: PersonaView, b: PersonaView, model: "Model | None") -> bool:
    """Tell whether two records hold specific job titles that have nothing in common (Dentist / Controller).

    Not a conflict: a shared title, a word in common (Sales Manager / VP of Sales, Office Manager / Operations
    Manager: a promotion), a missing title, or a common one on either side (an Owner is also the Dentist).
    """
    if not jobs_differ(a, b):
        return False
    trades = (*a.trades, *b.trades)
    return all(specific_title(model, t, trades) for t in (*a.titles, *b.titles) if t)


def rare_title(a: PersonaView, b: PersonaView, model: "Model | None") -> str:
    """Return a job title both records hold that is rare in the team (``specific_title``), or ""."""
    trades = (*a.trades, *b.trades)
    return next((t for t in a.titles if t and t in b.titles and specific_title(model, t, trades)), "")


PLACE_FIELDS = ("address", "location")


def moved_within_company(levels: dict) -> bool:
    """Tell whether a pair is one full name at one company, seen at two of its offices (another street and ZIP).

    Both names agree at least closely and one exactly (a typo in the other).

    The model learns "same street and ZIP" from the run's candidates, where colleagues and duplicates share the
    office, so a street and ZIP that disagree weigh as if they proved two people (-10 bits and more), and a
    person who moved to another office of the company (or whose record shows another branch) could never be
    merged. For such a pair the place says where the company is, not who the person is: it is not counted, and
    the names (weighted by their frequency in the team: a shared SMITH counts less than a shared BEAUMAN), the
    company, the phone and the e-mail decide. The guards apply as to any pair.
    """
    first, last = levels["first_name"] or 0, levels["last_name"] or 0
    return (
        min(first, last) >= 2
        and max(first, last) == 3
        and levels["business"] == 2
        and levels["address"] == 0
        and (levels["location"] is None or levels["location"] < 3)
    )


# A surname this much rarer than the team's typical shared surname (log2 of the ratio, ``tf_adjustment``) tells one
# person from a namesake at another office of the company.
RARE_SURNAME_BITS = 2.0
OFFICE_NOT_COUNTED = "another office of the same company"
# What is not counted for one name on one phone at another company (``new_employer``): the person took the job along.
EMPLOYER_NOT_COUNTED = {
    "business": "another employer, the same person's phone",
    "address": "another employer, the same person's phone",
    "location": "another employer, the same person's phone",
    "email": "a mailbox at another employer",
    "phone": "another employer's line, the same person's numbered mailbox",
}


_PERSONAL_NUMBER = re.compile(r"[0-9]{2}")


def numbered_mailbox_shared(a: "PersonaView", b: "PersonaView") -> bool:
    """Tell whether two records hold one personal mailbox with a number of its owner's in it (josegonzalez1986@).

    A list vendor guessing addresses writes JSMITH@GMAIL.COM for every John Smith; nobody guesses the year or the
    number a person chose, so such a mailbox is that person's own key wherever it turns up.
    """
    shared = set(a.emails) & set(b.emails)
    return any(_personal(e) and _PERSONAL_NUMBER.search(e.partition("@")[0]) for e in shared)


def new_employer(levels: dict, a: "PersonaView | None" = None, b: "PersonaView | None" = None) -> bool:
    """Tell whether a pair is one name on one phone (or numbered mailbox) at two companies: a person who changed jobs.

    A mobile number follows its owner from job to job, and so does a personal mailbox with a number in it
    (``numbered_mailbox_shared``); two people of one full name on one of them at two companies are one person (a
    father and son sharing a home line are told apart by ``GENERATIONS`` where the list says so).
    The model learns from colleagues that a phone is shared by people of one company, so a shared phone beside
    another company, street and place weighs as if it proved two people. For such a pair the employer, the place
    and a mailbox at the other employer are not counted: the names (weighted by their frequency) and the phone
    decide; beside a numbered mailbox another phone is not counted either (a new job comes with its own line).
    Both names agree at least closely and one exactly, or one is written alike and the other garbled
    (``_garbled_beside_exact``: NATTHEW / MATTHEW BARAJAS on one mobile); the guards apply as to any pair.
    """
    first, last = levels["first_name"] or 0, levels["last_name"] or 0
    if levels["business"] != 0:
        return False
    if not (min(first, last) >= 2 and max(first, last) == 3):
        if a is None or b is None or not _garbled_beside_exact(a, b, first, last):
            return False
    return levels["phone"] == 1 or (a is not None and b is not None and numbered_mailbox_shared(a, b))


def _garbled_beside_exact(a: "PersonaView", b: "PersonaView", first: int, last: int) -> bool:
    """Tell whether one name of a pair is written alike and the other is a garbled spelling of it (NATTHEW BARAJAS).

    A first name that is no name, one or two edits from the other's (``garbled_name``: NATTHEW, LEDRO), beside the
    same surname; or the same first name beside a surname one slip from the other's (``name_slip``: ZIMTH).
    """
    if last == 3 and first < 2:
        return garbled_name(a.first, b.first)
    if first == 3 and last < 2:
        return bool(a.last and b.last) and name_slip(a.last, b.last)
    return False


# What a change counts for once the same name at another office of the company is one person (``office_proof``).
POST_NOT_COUNTED = {
    "phone": "a mistyped phone of the same person in the same post",
    "email": "another mailbox of the same person in the same post",
}


def _post_kept(a: PersonaView, b: PersonaView) -> bool:
    """Tell whether two records hold one post: the same job title, or one title holding all the other's words
    (Principal / Senior Principal: a promotion kept its words). Both records need a title."""
    titles_a, titles_b = [t for t in a.titles if t], [t for t in b.titles if t]
    if not (titles_a and titles_b):
        return False
    return any(set(x.split()) <= set(y.split()) or set(y.split()) <= set(x.split()) for x in titles_a for y in titles_b)


def phone_slip(phones_a, phones_b) -> bool:
    """Tell whether two records hold numbers one keystroke apart: one digit replaced, or two neighbours swapped."""
    for x in phones_a:
        for y in phones_b:
            if len(x) != len(y) or x == y:
                continue
            diff = [k for k in range(len(x)) if x[k] != y[k]]
            if len(diff) == 1:
                return True
            if len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]]:
                return True
    return False


def own_phone_and_post(a: PersonaView, b: PersonaView, levels: dict) -> bool:
    """Tell whether two records at one office each hold a phone and a post of their own, and no mailbox in common.

    A father and son of one name at the family business (no JR written) each give their own mobile and hold their
    own job: OWNER on the office line beside DIRECTOR OF OPERATIONS on a mobile with a mailbox. One person's copy
    differs from the record by a corruption or two; to look like that it would need a new phone (not a digit
    mistyped: ``phone_slip``), another post (``_post_kept``: a promotion that keeps the title's words is the same
    post) and a mailbox of its own (or none on one side) all at once. Both records need a title: a missing one
    says nothing. One street with the ZIP missing from one record is the same office (``_one_office``).
    """
    if not _one_office(a, b, levels) or levels["phone"] != 0 or levels["email"]:
        return False
    if not (a.first and a.first == b.first and a.last and a.last == b.last):
        return False
    if phone_slip(a.phones, b.phones) or not any(_personal(e) for e in (*a.emails, *b.emails)):
        return False
    titles_a, titles_b = [t for t in a.titles if t], [t for t in b.titles if t]
    return bool(titles_a and titles_b) and not _post_kept(a, b)


def _one_office(a: PersonaView, b: PersonaView, levels: dict) -> bool:
    """Tell whether two records sit at one office: one street and ZIP, or one street with the ZIP missing from one."""
    if levels["address"] == 2:
        return True
    return levels["address"] == 1 and levels["business"] == 2 and not (a.zip5 and b.zip5)


def own_spelling_and_post(a: PersonaView, b: PersonaView, levels: dict) -> bool:
    """Tell whether two colleagues of one surname spell a first name apart, each with a mailbox and post of its own.

    SARA WILLIAMS NELSON (Office Manager, SARA@) and SARAH WILLIAMS NELSON (Owner, SWILLIAMSNELSON@) on the office
    line: the name tables read SARA and SARAH as one name, but as two given names (neither is a nickname of the
    other, as KENNY is of KENNETH), and each record keeps its own spelling, its own mailbox at the company and its
    own post; one person's copy would need all three changed at once.
    """
    if levels["address"] != 2 or levels["email"] != 0 or levels["last_name"] != 3:
        return False
    first_a, first_b = a.first.split()[0] if a.first else "", b.first.split()[0] if b.first else ""
    if len(first_a) < 2 or len(first_b) < 2 or canonical(first_a) == canonical(first_b):
        return False  # one name, or a nickname for it (KENNY / KENNETH): a copy may write either
    if not (_given_name(first_a) and _given_name(first_b)):
        return False
    titles_a, titles_b = [t for t in a.titles if t], [t for t in b.titles if t]
    return bool(titles_a and titles_b) and not _post_kept(a, b)


def one_post(a: PersonaView, b: PersonaView, levels: dict) -> bool:
    """Tell whether two records are one person in one post at one office, whatever their mailboxes say.

    The same surname, and the same first name or a garbled spelling of it (``garbled_name``: CGARLES / CHARLES,
    not SARA / SARAH), at one company and one office (street and ZIP), on one phone or on two numbers one
    keystroke apart (``phone_slip``), in one post (``_post_kept``), with no generation on one record
    (``generations_differ``). Two mailboxes that differ must both name that person with none numbered or marked
    apart (``one_persons_mailboxes``: a work and a home address; JSMITH1@ / JSMITH2@ and JOHNJR@ stay two people).
    Two people of one full name at one office share the office line, but not also the job: a father and son each
    hold their own, and each his own mobile. The model, trained on colleagues who share the office line and each
    have a mailbox of their own, reads any two mailboxes as two people, and a number mistyped as another office
    line: for such a pair both are not counted (``POST_NOT_COUNTED``).
    """
    if levels["business"] != 2 or levels["address"] != 2:
        return False
    if not (levels["phone"] == 1 or (levels["phone"] == 0 and phone_slip(a.phones, b.phones))):
        return False
    if not (a.first and b.first and a.last and a.last == b.last):
        return False
    if a.first != b.first and not garbled_name(a.first, b.first):
        return False
    if levels["email"] == 0 and not one_persons_mailboxes(a, b):
        return False
    return not generations_differ(a, b, levels) and _post_kept(a, b)


PROVEN_NOT_COUNTED = {
    "phone": "a new phone at another office of the same company",
    "email": "another mailbox of the same person",
}


def _read_swapped(a: PersonaView, b: PersonaView) -> PersonaView:
    """Return b with its names read the way the pair's levels read them (a swapped record turned around)."""
    return replace(b, first=b.last, last=b.first) if _names(a, b)[2] and not lone_name(a, b) else b


def other_office(a: PersonaView, b: PersonaView, levels: dict) -> bool:
    """Tell whether a pair is one full name at one company on another street and ZIP (``moved_within_company``).

    One name exact, the other may be slipped: a slip of the hand (``name_slip``, ``first_name_slip``), a surname
    garbled at one company (``office_surname_slip``: ROSS / RODS), or any spelling the guards let pass beside a
    shared personal mailbox (JOAN / COAN on JJORDAN@). Beside one personal mailbox at the company's own domain
    (WESLEYC@ at the company) the names may also have lost a part or be garbled further (WESLEY CHANG / "" / CHANG,
    NANCY ARMSTRONG / NABCY AMSTRONG): the company gives that mailbox to one employee, who kept it through the move,
    and the guards still judge the names (two colleagues on one guessed JSMITH@ stay apart).
    """
    if moved_within_company(levels):
        return True
    if not (
        levels["business"] == 2 and levels["address"] == 0 and (levels["location"] is None or levels["location"] < 3)
    ):
        return False
    if levels["email"] == 3:
        return True  # one employee's mailbox at the company, whatever the names say (the guards judge them)
    first, last = levels["first_name"], levels["last_name"]
    if first is None or last is None or max(first, last) != 3 or min(first, last) < 1:
        return False
    if (levels["email"] or 0) >= 1:
        return True  # a shared personal mailbox beside a name the guards let pass (JOAN / COAN on JJORDAN@)
    b = _read_swapped(a, b)
    if first < 3:
        return name_slip(a.first, b.first) or first_name_slip(a.first, b.first)
    return name_slip(a.last, b.last) or office_surname_slip(a.last, b.last)


COMMON_SURNAME_BITS = 1.0


def _common_surname(model: "Model | None", a: PersonaView, b: PersonaView) -> bool:
    """Tell whether a pair's surname is commoner than a typical shared one by ``COMMON_SURNAME_BITS`` (SMITH)."""
    lasts = [x.last for x in (a, b) if x.last]
    return (
        model is not None
        and bool(lasts)
        and all(tf_adjustment(model, "last_name", x) <= -COMMON_SURNAME_BITS for x in lasts)
    )


def own_work_mailboxes(a: PersonaView, b: PersonaView) -> bool:
    """Tell whether two records each hold a mailbox of their own at one company's domain, none shared or slipped.

    KATHERINE.BELLSPENCER@ at one office and KBELLSPENCER@ at another office of JHT Cleaning: a person who moves
    between offices keeps the company's mailbox, while a second employee of the name is given another shape of it.
    Both mailboxes must name the person: one that names nobody may be the other's garbled.
    """
    work_a = [e for e in a.emails if _personal(e) and e.rpartition("@")[2] not in FREE_MAIL_DOMAINS]
    work_b = [e for e in b.emails if _personal(e) and e.rpartition("@")[2] not in FREE_MAIL_DOMAINS]
    if not work_a or not work_b or set(work_a) & set(work_b):
        return False
    if {e.rpartition("@")[2] for e in work_a}.isdisjoint(e.rpartition("@")[2] for e in work_b):
        return False
    named_a, named_b = (replace(v, first=v.first.split()[0]) if v.first else v for v in (a, b))  # JENNIFER H
    if any(mailbox_names_nobody(e, named_a, named_b) for e in (*work_a, *work_b)):
        return False  # a garbled mailbox (OJSE@ for JOSE@) may be the other's corrupted
    return not any(mailbox_slip(x, y) and not _initial_added(x, y, a, b) for x in work_a for y in work_b)


def _initial_added(x: str, y: str, a: PersonaView, b: PersonaView) -> bool:
    """Tell whether one mailbox is the other with a name's initial added (JENNIFER@ / JENNIFERN@ for NGUYEN).

    A letter added is a slip of the pen, but an initial added to a first-name mailbox is the shape a company gives
    its second JENNIFER: the letter is no slip when it is the surname's (or the first name's) initial.
    """
    local_x, local_y = _letters(x.partition("@")[0].upper()), _letters(y.partition("@")[0].upper())
    short, long = sorted((local_x, local_y), key=len)
    if len(long) != len(short) + 1 or len(short) < 3:
        return False
    initials = {n[0] for v in (a, b) for n in (v.first, v.last) if n}
    return (long[:-1] == short and long[-1] in initials) or (long[1:] == short and long[0] in initials)


def office_proof(a: PersonaView, b: PersonaView, levels: dict, model: "Model | None" = None) -> str | None:
    """Return what says that one name at two offices of one company (``other_office``) is one person, or None.

    People move between offices, or move house and keep the job, and change their mobile number with it; but a
    company also employs two people of one common name. Place and phone say nothing of which it is, so something
    personal must say "the same person":

    * ``"phone"``: the same phone (a mobile kept through the move);
    * ``"e-mail"``: the same personal mailbox, or one slip of it (role mailboxes such as info@ are not compared);
      not the same work mailbox beside two jobs with no word in common (``jobs_differ``: an Estimator and a General
      Manager on JOHN.SMITH@) and a common surname (``_common_surname``): a list vendor guesses a chain's
      employees' mailboxes from their names, so two namesakes of a common name at two branches get one; a rarer
      surname makes two namesakes at one company unlikely, and a person who moves may change jobs;
    * ``"rare surname"``: the same surname, at least ``RARE_SURNAME_BITS`` rarer than a typical shared one in the
      team (``tf_adjustment``), beside the same first name: two BEAUMANs at one company are one; unless their
      job titles conflict (``titles_conflict``: a Dentist and a Controller are two BEAUMANs);
    * ``"rare title"``: the same job title (``title_key``: VP / Vice President), rare in the team and in the company's
      trade (``rare_title``, ``RARE_TITLE_BITS``), beside a surname no commoner than a typical shared one: a person
      keeps the job through a move, and a namesake at the company holds that title only as often as others do. A common
      title (Owner, where most are owners) is no proof, nor is a title beside a common surname: two namesakes are
      likely enough there that one title in common happens (measured: 1 office namesake in 24 per list merged).

    A mailbox on one record only says where that record works, which both records say already: it is no proof.
    Nor is a mailbox of their own on each record, even when both name the person (MICHAEL.KIM@ at one office,
    MICHAELK@ at the other; a work and a home address): a person who moves keeps the mailbox, while a chain gives
    its second MICHAEL KIM another shape of it, and a home address is anyone's. At one office the same two
    mailboxes may still be one person's (``one_persons_mailboxes``): there the place already says "the same desk".
    """
    if levels["phone"] == 1:
        return "phone"
    if (levels["email"] or 0) <= 1 and own_work_mailboxes(a, b):
        return None  # each record holds a mailbox of its own at the company: a chain's second employee of the name
    if levels["email"] and not (levels["email"] == 3 and jobs_differ(a, b) and _common_surname(model, a, b)):
        return "e-mail"
    b = _read_swapped(a, b)
    if (
        model is not None
        and levels["first_name"] == 3
        and levels["last_name"] == 3
        and a.last == b.last
        and tf_adjustment(model, "last_name", a.last) >= RARE_SURNAME_BITS
        and not titles_conflict(a, b, model)
    ):
        return "rare surname"
    if rare_title(a, b, model) and all(tf_adjustment(model, "last_name", x.last) >= 0 for x in (a, b) if x.last):
        return "rare title"
    return None


def score(a: PersonaView, b: PersonaView, model: Model) -> tuple[float, dict]:
    """Return the match probability of a pair and its explanation: per-field values, level and weight, and guards.

    One name at another office of the company (``other_office``): the street and place are not counted (the
    exact name, ``moved_within_company``), nor, once ``office_proof`` says it is one person, a phone or mailbox
    that differs; the explanation names the proof (``office_proof``). One name on one phone at another company
    (``new_employer``): the employer, street, place and another mailbox are not counted (nor, on a numbered mailbox,
    another phone). One person in one post at
    one office (``one_post``): a second mailbox of theirs and a mistyped phone are not counted.
    """
    levels, shown = gamma(a, b)
    prior_weight = math.log2(model.prior / (1.0 - model.prior))
    total = prior_weight
    fields = {}
    office = other_office(a, b, levels)
    proof = office_proof(a, b, levels, model) if office else None
    moved = moved_within_company(levels) or proof is not None
    employer = not moved and new_employer(levels, a, b)
    post = not (moved or employer) and one_post(a, b, levels)
    for name in FIELDS:
        level = levels[name]
        value_a, value_b, similarity = shown[name]
        entry = {"a": value_a, "b": value_b, "level": None, "weight": 0.0}
        if (
            employer
            and name in EMPLOYER_NOT_COUNTED
            and level is not None
            and (name not in ("email", "phone") or level == 0)
        ):
            entry["level"] = LEVELS[name][level]
            entry["not_counted"] = EMPLOYER_NOT_COUNTED[name]
        elif level is not None and moved and name in PLACE_FIELDS:
            entry["level"] = LEVELS[name][level]
            entry["not_counted"] = OFFICE_NOT_COUNTED
        elif level == 0 and post and name in POST_NOT_COUNTED:
            entry["level"] = LEVELS[name][level]
            entry["not_counted"] = POST_NOT_COUNTED[name]
        elif level == 0 and proof is not None and name in PROVEN_NOT_COUNTED:
            entry["level"] = LEVELS[name][level]
            entry["not_counted"] = PROVEN_NOT_COUNTED[name]
        elif level is not None:
            weight = model.weight(name, level)
            entry["level"] = LEVELS[name][level]
            if name in ("first_name", "last_name") and level == 3 and value_a == value_b:
                adjust = tf_adjustment(model, name, value_a)
                if adjust:
                    entry["tf_adjustment"] = round(adjust, 3)
                    weight += adjust
            entry["weight"] = round(weight, 3)
            total += weight
        if similarity is not None:
            entry["similarity"] = similarity
        fields[name] = entry
    # the post counts its rarity as at another office, unless it already excused two mailboxes
    if (office or (post and levels["email"] is None)) and a.titles and b.titles:
        entry, weight = _title_entry(a, b, model)
        fields["title"] = entry
        total += weight
    probability = 1.0 / (1.0 + 2.0 ** (-total)) if total > -60 else 0.0
    reasons = {
        "model": "fellegi-sunter",
        "prior_weight": round(prior_weight, 3),
        "match_weight": round(total, 3),
        "probability": round(probability, 6),
        "swapped_names": shown["swapped"],
        "fields": fields,
        "guard": guard(a, b, levels, model),
    }
    if proof is not None:
        reasons["office_proof"] = proof
    return round(probability, 6), reasons


def _title_entry(a: PersonaView, b: PersonaView, model: Model) -> tuple[dict, float]:
    """Return the explanation row of two job titles at two offices of a company, and the weight it adds.

    The same title counts ``title_bits`` (up to ``RARE_TITLE_BITS``: a few bits, never a match on its own);
    another title is not counted (a promotion, or another job).
    """
    title = shared_title(a, b)
    entry = {"a": sorted(a.titles), "b": sorted(b.titles), "level": "same" if title else "different", "weight": 0.0}
    if not title:
        entry["not_counted"] = "another job title (a promotion, or another job)"
        return entry, 0.0
    weight = min(title_bits(model, title, (*a.trades, *b.trades)), RARE_TITLE_BITS)
    entry["weight"] = round(weight, 3)
    return entry, weight


def compare(a: PersonaView, b: PersonaView, model: Model | None = None) -> tuple[float, dict]:
    """Return the score of two personas under ``model`` (the untrained default when none) and its explanation."""
    return score(a, b, model or default_model())


# ---------------------------------------------------------------------------------------------------
# Blocking.


def _first_key(p: PersonaView) -> str:
    return canonical(p.first.split()[0]) if p.first else ""


def _name_pair(p: PersonaView) -> list[tuple]:
    if not (p.first and p.last):
        return []
    a, b = p.first, p.last
    return [("nm", a, b) if a < b else ("nm", b, a)]


def _phonetic(p: PersonaView) -> list[tuple]:
    keys = []
    if p.first and p.last:
        first = _first_key(p)
        keys.append(("sx2", soundex(first), soundex(p.last)))
        keys.append(("mp", metaphone(first), metaphone(p.last), p.state))
    return keys


# One function per kind of blocking key, so a run builds one kind of block at a time.
KEY_KINDS = {
    "p": lambda p: [("p", phone) for phone in p.phones],
    "e": lambda p: [("e", email) for email in p.emails if _personal(email)],
    "lz": lambda p: [("lz", p.last, p.zip5)] if p.last and p.zip5 else [],
    "fls": lambda p: [("fls", fk, p.last, p.state)] if p.last and p.state and (fk := _first_key(p)) else [],
    "sx": lambda p: [("sx", soundex(p.last), fk[:1], p.zip5)] if p.last and p.zip5 and (fk := _first_key(p)) else [],
    "nm": _name_pair,
    "ph": _phonetic,
    "c": lambda p: [("c", business) for business in p.businesses],
    "a": lambda p: [("a", address) for address in p.addresses],
    "fz": lambda p: [("fz", fk, p.zip5)] if p.zip5 and (fk := _first_key(p)) else [],
}


def blocking_keys(p: PersonaView) -> Iterator[tuple]:
    """Yield the blocking keys of a persona: only personas sharing a key are ever compared."""
    for keys in KEY_KINDS.values():
        yield from keys(p)


def _block_pairs(members: list[int], personas: list[PersonaView]) -> Iterator[tuple[int, int]]:
    """Yield the pairs of one block: all of them, or for an oversized block a sorted-neighbourhood window."""
    if len(members) <= MAX_BLOCK:
        for x in range(len(members)):
            i = members[x]
            for y in range(x + 1, len(members)):
                yield i, members[y]
        return
    ordered = sorted(members, key=lambda i: (personas[i].last, personas[i].first))
    for x in range(len(ordered)):
        for y in range(x + 1, min(x + 1 + WINDOW, len(ordered))):
            yield ordered[x], ordered[y]


def candidate_pairs(personas: list[PersonaView]) -> tuple[set[tuple[int, int]], int]:
    """Return index pairs that share a blocking key (at least one side new), and how many blocks were windowed."""
    pairs: set[tuple[int, int]] = set()
    windowed = 0
    for keys_of in KEY_KINDS.values():
        blocks: dict[tuple, list[int]] = {}
        for index, p in enumerate(personas):
            for key in keys_of(p):
                blocks.setdefault(key, []).append(index)
        for members in blocks.values():
            if len(members) < 2:
                continue
            windowed += len(members) > MAX_BLOCK
            for i, j in _block_pairs(members, personas):
                if personas[i].is_new or personas[j].is_new:
                    pairs.add((i, j) if i < j else (j, i))
        del blocks
    return pairs, windowed


# ---------------------------------------------------------------------------------------------------
# A run's plan.


@dataclass
class Plan:
    merges: list = field(default_factory=list)  # (survivor_id, merged_id, score, reasons)
    reviews: list = field(default_factory=list)  # (persona_a_id, persona_b_id, score, reasons)
    pairs_compared: int = 0
    blocks_skipped: int = 0  # oversized blocks compared by a sorted-neighbourhood window
    clusters: int = 0
    guarded: int = 0
    model: Model | None = None


MIN_TRAINING_PAIRS = 200
# Guards that say "two people" outright: such a pair is not even worth an operator's time.
NEVER_SAME = frozenset(
    {"COLLEAGUE_FIRST_NAME", "COLLEAGUE_LAST_NAME", "NAMESAKE_ELSEWHERE", "NAMES_RESEMBLE_ELSEWHERE", "NAMES_DISAGREE"}
)


def ruled_out(a: PersonaView, b: PersonaView, levels: dict) -> bool:
    """Tell whether a pair is kept apart whatever the team's model says (a ``NEVER_SAME`` guard without a model).

    A partition compares its pairs before the run's model exists, so it reads the guards without the team's job
    title frequencies. A pair that shares a job title may still be lifted by one rare in the team
    (``same_post_surname``, ``first_name_in_post``, ``nameless_in_post``): it is kept for the finishing step, and so
    is one full name in a ZIP a keystroke from the other's beside a record without a street (``zip_mistyped``),
    which only the name's frequency in the team keeps apart.
    """
    if guard(a, b, levels) not in NEVER_SAME or shared_title(a, b):
        return False
    # one name in a ZIP a keystroke from the other's is kept apart only by a common name, which the model knows
    first, last = levels["first_name"], levels["last_name"]
    return not (first == 3 and last == 3 and zip_mistyped(a, b))


# A cross pair with one of these guards keeps two groups apart unless most cross pairs agree and the pair joining
# them is certain, or three quarters agree and it shares more than names (NEVER_LINKED: always).
LINK_BREAKERS = frozenset(
    {"NAMESAKE_ELSEWHERE", "NAMES_RESEMBLE_ELSEWHERE", "COLLEAGUE_OWN_CONTACTS", "COLLEAGUE_OWN_POST", "GENERATIONS"}
)
# People told apart by contacts of their own at one company, or by a generation, never join whatever else agrees.
NEVER_LINKED = frozenset({"COLLEAGUE_OWN_CONTACTS", "GENERATIONS"})


def certain_link(a: PersonaView, b: PersonaView) -> bool:
    """Tell whether a pair is sure enough to join two groups whose other members disagree on a name.

    Complete linkage stops A~B and B~C from chaining A and C together when B is ambiguous (an initial, a
    typo excused by a shared e-mail). A pair sharing a personal key or one employee's work mailbox beside a
    close first name (``work_mailbox``), or with both names the same (exactly,
    or as a nickname) and a phone, e-mail, business, address or ZIP in common and no e-mail of their own
    each, is not ambiguous: the members it brings along are this person's other, more corrupted
    records, and a name conflict between them is the corruption, not a second person. People in another
    place with nothing in common, or with their own phone and e-mail at one company, still stay apart.
    """
    levels, _ = gamma(a, b)
    if guard(a, b, levels) is not None:
        return False
    if personal_key(a, b, levels) is not None:
        return True
    first = levels["first_name"]
    close_first = first == 3 or (first == 2 and not _initial(a.first, b.first))  # J.SMITH@ fits JOHN and JANE
    if close_first and levels["last_name"] is not None and work_mailbox(a, b, levels):
        return True  # one employee's mailbox at the company, beside the same or a close first name
    if levels["first_name"] != 3 or levels["last_name"] != 3 or levels["email"] == 0:
        return False  # two personal mailboxes of their own: maybe namesakes
    contacts = levels["phone"] or levels["email"] or levels["business"] or levels["address"]
    return bool(contacts or levels["location"] == 3)


def common_ground(a: PersonaView, b: PersonaView) -> bool:
    """Tell whether a pair shares a phone, an e-mail, a company, an address, a ZIP or a city (not just names)."""
    levels, _ = gamma(a, b)
    return (
        bool(levels["phone"] or levels["email"] or levels["business"] or levels["address"])
        or (levels["location"] or 0) >= 2
    )


def train(personas: list[PersonaView], pairs: Iterable[tuple[int, int]], *, start: Model | None = None) -> Model:
    """Train the team's model: m, u and the prior by EM on the candidate pairs.

    With too few candidate pairs the start model (the team's last one, or the default) is kept.
    """
    patterns: Counter = Counter()
    for i, j in pairs:
        levels, _ = gamma(personas[i], personas[j])
        patterns[_pattern(levels)] += 1
    if sum(patterns.values()) < MIN_TRAINING_PAIRS:
        return start or default_model()
    return em_train(patterns, start=start)


def plan(
    personas: list[PersonaView],
    *,
    auto_threshold: float,
    review_threshold: float,
    rejected: Iterable[tuple[str, str]] = (),
    pending: Iterable[tuple[str, str]] = (),
    model: Model | None = None,
    tf: dict[str, tuple[dict, float]] | None = None,
) -> Plan:
    """Decide which personas merge and which pairs go to review (blocking, training and clustering in memory)."""
    pairs, windowed = candidate_pairs(personas)
    if model is None:
        model = train(personas, pairs)
    result = plan_pairs(
        personas,
        pairs,
        auto_threshold=auto_threshold,
        review_threshold=review_threshold,
        rejected=rejected,
        pending=pending,
        model=model,
        tf=tf,
    )
    result.blocks_skipped = windowed
    return result


def plan_pairs(
    personas: list[PersonaView],
    pairs: Iterable[tuple[int, int]],
    *,
    auto_threshold: float,
    review_threshold: float,
    model: Model,
    rejected: Iterable[tuple[str, str]] = (),
    pending: Iterable[tuple[str, str]] = (),
    tf: dict[str, tuple[dict, float]] | None = None,
) -> Plan:
    """Score candidate pairs (indexes into ``personas``) with ``model``, then merge by complete linkage or queue."""
    result = Plan()
    for name, (shares, mean) in (tf or {}).items():
        model.tf[name], model.tf_mean[name] = shares, mean
    result.model = model
    rejected_set = {tuple(sorted(pair)) for pair in rejected}
    pending_set = {tuple(sorted(pair)) for pair in pending}
    scored = []
    compared = 0
    for i, j in pairs:
        compared += 1
        a, b = personas[i], personas[j]
        probability, reasons = score(a, b, model)
        if probability < review_threshold:
            continue
        key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        if key in rejected_set:
            continue
        scored.append((probability, key, i, j, reasons))
    result.pairs_compared = compared
    scored.sort(key=lambda item: (-item[0], item[1]))

    parent = list(range(len(personas)))
    reviews = []
    members: dict[int, list[int]] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def conflict(x: int, y: int) -> str | None:
        a, b = personas[x], personas[y]
        levels, _ = gamma(a, b)
        return guard(a, b, levels, model)

    for probability, key, i, j, reasons in scored:
        if reasons["guard"] in NEVER_SAME:
            result.guarded += 1
            continue
        if probability >= auto_threshold and reasons["guard"] is None:
            ri, rj = find(i), find(j)
            if ri == rj:
                continue
            group_i = members.get(ri, [ri])
            group_j = members.get(rj, [rj])
            found = [conflict(x, y) for x in group_i for y in group_j]
            conflicts = set(found) - {None}
            agreeing = found.count(None)
            majority = agreeing * 2 > len(found)
            # A namesake elsewhere among the cross pairs is one of this person's copies with a mistyped ZIP or
            # state when most cross pairs agree and the joining pair is certain, or when three quarters of them
            # (three at least) agree and the joining pair shares more than names. People with contacts of their
            # own at one company never join.
            if (
                not conflicts
                or (not conflicts & LINK_BREAKERS and (majority or certain_link(personas[i], personas[j])))
                or (
                    not conflicts & NEVER_LINKED
                    and majority
                    and (
                        (agreeing >= 3 and agreeing * 4 >= len(found) * 3 and common_ground(personas[i], personas[j]))
                        or certain_link(personas[i], personas[j])
                    )
                )
            ):
                survivor_root, other = (ri, rj) if personas[ri].id < personas[rj].id else (rj, ri)
                parent[other] = survivor_root
                members[survivor_root] = group_i + group_j
                members.pop(other, None)
                result.merges.append((personas[survivor_root].id, personas[other].id, probability, reasons))
                continue
        if key not in pending_set:
            reviews.append((i, j, key, probability, reasons))
    # A pair sent to review may have been joined by a later merge: only open questions are kept.
    result.reviews = [(key[0], key[1], p, reasons) for i, j, key, p, reasons in reviews if find(i) != find(j)]
    result.clusters = sum(1 for root, group in members.items() if len(group) > 1 and find(root) == root)
    return result


def explain(reasons: dict | None) -> dict:
    """Return a stored match explanation ready to show: one row per field with the values that were compared."""
    reasons = reasons or {}
    fields = reasons.get("fields")
    if not fields:
        return {"rows": [], "legacy": [(k, v) for k, v in reasons.items() if k != "names_agree"]}

    def shown(value) -> str:
        if isinstance(value, list | tuple):
            return ", ".join(str(v).replace("|", " ") for v in value)
        return "" if value is None else str(value)

    rows = []
    for name, entry in fields.items():
        level = entry.get("level") or "missing"
        if entry.get("similarity") is not None:
            level = f"{level} ({entry['similarity']:.2f})"
        rows.append(
            {
                "name": name.replace("_", " "),
                "a": shown(entry.get("a")),
                "b": shown(entry.get("b")),
                "level": level,
                "weight": entry.get("weight", 0.0),
                "tf_adjustment": entry.get("tf_adjustment"),
                "not_counted": entry.get("not_counted"),
                "read_as": entry.get("read_as"),
            }
        )
    return {
        "rows": rows,
        "prior_weight": reasons.get("prior_weight"),
        "match_weight": reasons.get("match_weight"),
        "probability": reasons.get("probability"),
        "swapped": reasons.get("swapped_names"),
        "guard": reasons.get("guard"),
        "office_proof": reasons.get("office_proof"),
        "legacy": [],
    }
