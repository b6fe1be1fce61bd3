"""A harder labelled list for stage 3: the project's generator with record-linkage-benchmark corruption on top.

The corruption follows what the published FEBRL and GeCo generators do to duplicate records, applied to
every row whose entity was already written (a duplicate), each independently:

* typographic errors in either name (insert, delete, substitute, transpose a letter);
* OCR errors (rn/m, cl/d, li/h, O/0 ...) and phonetic errors (PH/F, CK/K, EI/IE, Y/IE ...);
* missing values: first name, last name, e-mail, phone;
* a typographic error in the e-mail address's mailbox (FEBRL corrupts its identifiers the same way);
* first and last name swapped;
* a changed phone (a new number) and a moved address (a new street in the same city and ZIP);
* company suffix and punctuation variants (Inc. / , Inc / Incorporated, & / and, dots removed);
* state names instead of codes, and ZIP+4 added or changed.

``hard=True`` adds, on a stream of its own (so every row of the standard list stays as it was), what the
standard list leaves easy next to GeCo's corruptors: keyboard typos (a key's neighbour on a QWERTY keyboard),
OCR digit confusions (0/O, 1/l, 1/I, 5/S, 8/B, 2/Z, 6/G), more spellings by ear (TH/T, KN/N, WR/R, X/KS,
QU/KW, EE/EA, Y/I, double letters), two errors in one field, a nickname for the first name, a missing
surname together with a changed phone, a move with a changed phone, and a mistyped ZIP code.

Hard negatives are added too, never sharing an entity: **family colleagues** (the same company, office
phone, address and *last* name as an earlier person, another first name: not a nickname of theirs, nor
one given to another relative of theirs; a job title of their own, drawn as the generator draws one for a
new colleague (``title_for``), so the earlier person's only as often as two colleagues share one; like any
record, it loses its first name now and then, so that a "" / DUNN at the office fits two people; when the
earlier person lists a free-mail address, half of them share it, as a couple shares a household mailbox)
and **namesakes** (the same first and last name as an earlier person, at another business in another state).
The generator's own colleagues and namesakes stay in the mix.

``moved=SHARE`` (``--moved``, a probe on a stream of its own, so the list is otherwise the same) turns that share
of the duplicate rows into **moved** records: a new street, the city, state and ZIP of another earlier row (often
another state), and a new phone, while the name, company and e-mail keep only the usual corruption; the job title
stays (in the case the generator wrote it) but for ``PROMOTION_RATE`` of them, who were promoted with the move
(``promoted``: a manager became a director, a vice president the president). It also adds
the hard negatives such moves make look alike: **namesakes** (an earlier person's name, chosen among the list's
commonest surnames, at another business in another city, with a mailbox of their own at that business or none),
**office colleagues** (an earlier person's company at another office: another street, place and phone, another
first name, the same surname half of the time, a mailbox of their own or none) and **office namesakes** (the
same full name, a common one, at another office of the same company, with a phone of their own and no e-mail).
Every hard negative holds a job title of its own, drawn as the generator draws one for a new person at that
business (``title_for``), so it bears the same title as the person it mimics only as often as two employees do.
The truth file then has a third column, ``probe``: ``moved``, or ``namesake:E`` / ``colleague:E`` /
``office_namesake:E`` naming the entity the hard negative must not be merged with.

    python bench/corrupt.py OUT.csv --rows 100000 [--seed 11] [--truth truth.csv] [--hard] [--moved 0.1]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import HEADER, TITLES, TRADE_TITLES, TRUTH_HEADER, generate_rows
from identity.nicknames import equivalent
from identity.resolution import FREE_MAIL_DOMAINS

COMPANY, DBA, FIRST, LAST, TITLE, EMAIL, PHONE, STREET, CITY, STATE, ZIP, EMPLOYEES, REVENUE, YEAR, SIC = range(15)
STATE_NAMES = {
    "AL": "Alabama", "AZ": "Arizona", "CA": "California", "CO": "Colorado", "FL": "Florida", "GA": "Georgia",
    "IL": "Illinois", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "NC": "North Carolina",
    "NJ": "New Jersey", "NY": "New York", "OH": "Ohio", "OR": "Oregon", "PA": "Pennsylvania", "TN": "Tennessee",
    "TX": "Texas", "VA": "Virginia", "WA": "Washington", "WI": "Wisconsin", "MO": "Missouri", "IN": "Indiana",
}  # fmt: skip
OCR = [("m", "rn"), ("rn", "m"), ("d", "cl"), ("h", "li"), ("o", "0"), ("l", "1"), ("e", "c"), ("w", "vv")]
PHONETIC = [("ph", "f"), ("f", "ph"), ("ck", "k"), ("ei", "ie"), ("ie", "y"), ("ou", "ow"), ("c", "k"), ("s", "z")]
SUFFIX_VARIANTS = [
    (" Inc", ", Inc."),
    (" Inc.", " Incorporated"),
    (", Inc.", " Inc"),
    (" LLC", " L.L.C."),
    (" L.L.C.", " LLC"),
    (" Co.", " Company"),
    (" Corp", " Corporation"),
    (" & ", " and "),
    (" and ", " & "),
]
FIRST_NAMES = "Alice Brian Carla Derek Elena Frank Gloria Henry Irene Jacob Karen Luis Monica Nathan Olga".split()

# Per duplicate row: probability of each corruption.
RATES = {
    "typo_first": 0.15,
    "typo_last": 0.20,
    "ocr": 0.05,
    "phonetic": 0.08,
    "missing_first": 0.05,
    "missing_last": 0.03,
    "missing_email": 0.15,
    "missing_phone": 0.04,
    "swap": 0.05,
    "new_phone": 0.20,
    "moved": 0.10,
    "suffix": 0.30,
    "state_name": 0.30,
    "zip4": 0.30,
}
# Drawn from a stream of its own, so that the rows above stay as they were before it was added.
EMAIL_TYPO_RATE = 0.05
FAMILY_COLLEAGUE_RATE = 0.02
EXTRA_NAMESAKE_RATE = 0.01
# A relative at the office whose earlier person lists a free-mail address shares it this often: a household's.
HOUSEHOLD_MAILBOX_RATE = 0.5
WINDOW = 20000
# The moved probe's hard negatives, per row, each kind (``moved`` > 0 only).
MOVED_NAMESAKE_RATE = 0.01
MOVED_COLLEAGUE_RATE = 0.01
OFFICE_NAMESAKE_RATE = 0.005
# A moved person's title: kept, in the case the list wrote it, but for this share, promoted with the move.
PROMOTION_RATE = 0.15
# One step up for the generator's titles; any other title becomes one of the top ones.
PROMOTIONS = {
    "OFFICE MANAGER": "Operations Manager",
    "OPERATIONS MANAGER": "Director of Operations",
    "MANAGER": "General Manager",
    "SALES MANAGER": "VP of Sales",
    "STORE MANAGER": "General Manager",
    "BRANCH MANAGER": "Regional Manager",
    "PROJECT MANAGER": "Director",
    "PURCHASING MANAGER": "Director of Operations",
    "HR MANAGER": "HR Director",
    "GENERAL MANAGER": "Vice President",
    "DIRECTOR": "Vice President",
    "DIRECTOR OF OPERATIONS": "VP Operations",
    "MARKETING DIRECTOR": "VP of Marketing",
    "IT DIRECTOR": "Chief Technology Officer",
    "CONTROLLER": "CFO",
    "VICE PRESIDENT": "President",
    "VP OF SALES": "Chief Revenue Officer",
    "VP OPERATIONS": "COO",
    "PARTNER": "Managing Partner",
    "SECRETARY": "Office Manager",
    "TREASURER": "CFO",
    "PRACTICE MANAGER": "Practice Administrator",
    "ACCOUNT MANAGER": "Agency Owner",
    "LOAN OFFICER": "Branch Manager",
    "ESTIMATOR": "Project Manager",
    "PARALEGAL": "Office Manager",
    "TAX MANAGER": "Partner",
    "RESTAURANT MANAGER": "General Manager",
}
PROMOTED_TOP = ("President", "CEO", "Managing Director", "Executive Director")
STREETS = ["Maple", "Cedar", "Park", "Main", "Washington", "Oak", "Elm", "Pine", "Lake", "Hill", "River", "Church"]

# The harder list (``hard=True``): per duplicate row, drawn from a stream of its own.
HARD_RATES = {
    "keyboard": 0.10,
    "ocr_digit": 0.05,
    "phonetic": 0.08,
    "two_errors": 0.06,
    "nickname": 0.05,
    "no_last_new_phone": 0.03,
    "moved_new_phone": 0.05,
    "zip_typo": 0.02,
}
OCR_DIGITS = [("o", "0"), ("l", "1"), ("i", "1"), ("s", "5"), ("b", "8"), ("z", "2"), ("g", "6")]
PHONETIC_MORE = [
    ("th", "t"), ("kn", "n"), ("wr", "r"), ("x", "ks"), ("qu", "kw"), ("ee", "ea"), ("ea", "ee"), ("y", "i"),
    ("i", "y"), ("ph", "f"), ("ck", "k"), ("c", "k"), ("k", "c"), ("s", "z"), ("ll", "l"), ("tt", "t"),
    ("nn", "n"), ("ss", "s"), ("ai", "ay"), ("gh", "g"), ("dg", "j"), ("ough", "o"), ("ei", "ie"), ("ie", "ei"),
]  # fmt: skip
KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 2:
        return word
    i = rng.randrange(len(word))
    kind = rng.random()
    letter = rng.choice("abcdefghijklmnopqrstuvwxyz")
    if word[i].isupper():
        letter = letter.upper()
    if kind < 0.3:
        return word[:i] + letter + word[i:]
    if kind < 0.5 and len(word) > 3:
        return word[:i] + word[i + 1 :]
    if kind < 0.8:
        return word[:i] + letter + word[i + 1 :]
    j = min(i + 1, len(word) - 1)
    chars = list(word)
    chars[i], chars[j] = chars[j], chars[i]
    return "".join(chars)


def _replace_one(word: str, table, rng: random.Random) -> str:
    lower = word.lower()
    options = [(a, b) for a, b in table if a in lower]
    if not options:
        return word
    a, b = rng.choice(options)
    at = lower.index(a)
    out = lower[:at] + b + lower[at + len(a) :]
    return out.capitalize() if word[:1].isupper() else out


def corrupt(cells: list[str], rng: random.Random, extra: random.Random | None = None) -> list[str]:
    """Return a copy of a duplicate row with FEBRL/GeCo-style errors (``extra``: the stream of the later ones)."""
    c = list(cells)
    hit = {name: rng.random() < rate for name, rate in RATES.items()}
    if extra is not None and c[EMAIL] and extra.random() < EMAIL_TYPO_RATE:
        local, _, domain = c[EMAIL].partition("@")
        c[EMAIL] = f"{typo(local, extra)}@{domain}"  # an identifier copied by hand, as FEBRL does to its ids
    if hit["typo_first"]:
        c[FIRST] = typo(c[FIRST], rng)
    if hit["typo_last"]:
        c[LAST] = typo(c[LAST], rng)
    if hit["ocr"]:
        field = rng.choice((FIRST, LAST))
        c[field] = _replace_one(c[field], OCR, rng)
    if hit["phonetic"]:
        field = rng.choice((FIRST, LAST))
        c[field] = _replace_one(c[field], PHONETIC, rng)
    if hit["swap"]:
        c[FIRST], c[LAST] = c[LAST], c[FIRST]
    if hit["missing_first"]:
        c[FIRST] = ""
    elif hit["missing_last"]:
        c[LAST] = ""
    if hit["missing_email"]:
        c[EMAIL] = ""
    if hit["missing_phone"]:
        c[PHONE] = ""
    elif hit["new_phone"]:
        c[PHONE] = f"({rng.randint(201, 989)}) {rng.randint(201, 989)}-{rng.randint(0, 9999):04d}"
    if hit["moved"]:
        street = rng.choice(["Oak", "Elm", "Pine", "Lake", "Hill"])
        c[STREET] = f"{rng.randint(1, 9999)} {street} {rng.choice(['St', 'Ave', 'Rd'])}"
    if hit["suffix"]:
        for old, new in SUFFIX_VARIANTS:
            if old in c[COMPANY]:
                c[COMPANY] = c[COMPANY].replace(old, new, 1)
                break
        else:
            c[COMPANY] = c[COMPANY].replace(".", "").replace(",", "")
    state = c[STATE].strip().upper()
    if hit["state_name"] and state in STATE_NAMES:
        c[STATE] = STATE_NAMES[state]
    if hit["zip4"] and c[ZIP][:5].isdigit():
        c[ZIP] = f"{c[ZIP][:5]}-{rng.randint(1, 9999):04d}"
    return c


def _keyboard_neighbours(letter: str) -> str:
    for r, row in enumerate(KEYBOARD_ROWS):
        at = row.find(letter)
        if at < 0:
            continue
        near = row[max(at - 1, 0) : at] + row[at + 1 : at + 2]
        for other in (r - 1, r + 1):
            if 0 <= other < len(KEYBOARD_ROWS):
                near += KEYBOARD_ROWS[other][max(at - 1, 0) : at + 1]
        return near
    return ""


def keyboard_typo(word: str, rng: random.Random) -> str:
    """Replace one letter by a neighbouring key on a QWERTY keyboard (GeCo's keyboard corruptor)."""
    spots = [i for i, c in enumerate(word) if _keyboard_neighbours(c.lower())]
    if not spots:
        return word
    i = rng.choice(spots)
    new = rng.choice(_keyboard_neighbours(word[i].lower()))
    return word[:i] + (new.upper() if word[i].isupper() else new) + word[i + 1 :]


def _nickname(first: str, rng: random.Random) -> str:
    from bench.generate import FORMAL_NAMES, NICKNAMES

    options = [*NICKNAMES.get(first, ()), *FORMAL_NAMES.get(first, ())]
    return rng.choice(options) if options else first


def harden(cells: list[str], rng: random.Random) -> list[str]:
    """Return a duplicate row with the harder list's errors on top (``HARD_RATES``; see the module's text)."""
    c = list(cells)
    hit = {name: rng.random() < rate for name, rate in HARD_RATES.items()}
    if hit["nickname"] and c[FIRST]:
        c[FIRST] = _nickname(c[FIRST], rng)
    if hit["keyboard"]:
        field = rng.choice((FIRST, LAST))
        c[field] = keyboard_typo(c[field], rng)
    if hit["ocr_digit"]:
        field = rng.choice((FIRST, LAST))
        c[field] = _replace_one(c[field], OCR_DIGITS, rng)
    if hit["phonetic"]:
        field = rng.choice((FIRST, LAST))
        c[field] = _replace_one(c[field], PHONETIC_MORE, rng)
    if hit["two_errors"]:
        field = rng.choice((FIRST, LAST))
        for _ in range(2):
            c[field] = rng.choice((typo, keyboard_typo))(c[field], rng)
    new_phone = f"({rng.randint(201, 989)}) {rng.randint(201, 989)}-{rng.randint(0, 9999):04d}"
    if hit["no_last_new_phone"]:
        c[LAST], c[PHONE] = "", new_phone
    if hit["moved_new_phone"]:
        street = rng.choice(["Maple", "Cedar", "Park", "Main", "Washington"])
        c[STREET] = f"{rng.randint(1, 9999)} {street} {rng.choice(['St', 'Ave', 'Blvd', 'Dr'])}"
        c[PHONE] = new_phone
    if hit["zip_typo"] and len(c[ZIP]) >= 5 and c[ZIP][:5].isdigit():
        at = rng.randrange(5)
        c[ZIP] = c[ZIP][:at] + str((int(c[ZIP][at]) + rng.choice((1, 9))) % 10) + c[ZIP][at + 1 :]
    return c


def _new_phone(rng: random.Random) -> str:
    return f"({rng.randint(201, 989)}) {rng.randint(201, 989)}-{rng.randint(0, 9999):04d}"


def _elsewhere(cells: list[str], window: list[list[str]], rng: random.Random) -> list[str] | None:
    """Return an earlier row in another city (its place is where a moved record goes), or None."""
    for _ in range(8):
        place = rng.choice(window)
        if place[CITY].upper() != cells[CITY].upper() and place[ZIP][:5] != cells[ZIP][:5]:
            return place
    return None


def title_for(cells: list[str], rng: random.Random) -> str:
    """Return a job title drawn as the generator draws one for a new person at the row's business (its trade's)."""
    trade = TRADE_TITLES.get(cells[SIC], ())
    return rng.choice(trade) if trade and rng.random() < 0.4 else rng.choice(TITLES)


def promoted(title: str, rng: random.Random) -> str:
    """Return the title of someone promoted from ``title`` (one step up, or a top title when none is known)."""
    return PROMOTIONS.get(title.strip().upper()) or rng.choice([t for t in PROMOTED_TOP if t.upper() != title.upper()])


def move(cells: list[str], place: list[str], rng: random.Random) -> list[str]:
    """Return a record of the same person after a move: a new street, the place of ``place``, a new phone."""
    c = list(cells)
    c[STREET] = f"{rng.randint(1, 9999)} {rng.choice(STREETS)} {rng.choice(['St', 'Ave', 'Blvd', 'Dr', 'Rd'])}"
    c[CITY], c[STATE], c[ZIP] = place[CITY], place[STATE], place[ZIP]
    c[PHONE] = _new_phone(rng)
    return c


def _own_mailbox(first: str, last: str, email: str, rng: random.Random) -> str:
    """A mailbox naming ``first last`` at the company domain of ``email`` (none for a free-mail or no address)."""
    domain = email.rpartition("@")[2].lower()
    if not domain or domain in FREE_MAIL_DOMAINS or rng.random() < 0.3:
        return ""
    f, la = _letters(first), _letters(last)
    return rng.choice((f"{f}.{la}", f"{f[:1]}{la}", f"{f}{la[:1]}")) + "@" + domain


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalpha())


def _common(window: list[list[str]], surnames: Counter, rng: random.Random) -> int:
    """Return the index of an earlier row with a full name, the commonest surname of a few drawn."""
    best = -1
    for _ in range(6):
        at = rng.randrange(len(window))
        if window[at][FIRST] and window[at][LAST]:
            if best < 0 or surnames[window[at][LAST].upper()] > surnames[window[best][LAST].upper()]:
                best = at
    return best


def _moved_negative(cells, window, entities, surnames, rng: random.Random, titles: random.Random):
    """Draw one of the moved probe's hard negatives (a row and its probe label), or None.

    ``titles``: the stream their own job titles are drawn from (``title_for``).
    """
    roll = rng.random()
    if roll >= MOVED_NAMESAKE_RATE + MOVED_COLLEAGUE_RATE + OFFICE_NAMESAKE_RATE:
        return None
    at = _common(window, surnames, rng)
    if at < 0:
        return None
    earlier, entity = window[at], entities[at]
    if roll < MOVED_NAMESAKE_RATE:
        # another business in another city (this row's), the earlier person's name, a mailbox of their own
        if cells[CITY].upper() == earlier[CITY].upper() or cells[COMPANY] == earlier[COMPANY]:
            return None
        row = list(cells)
        row[FIRST], row[LAST] = earlier[FIRST], earlier[LAST]
        row[EMAIL] = _own_mailbox(row[FIRST], row[LAST], cells[EMAIL], rng)
        row[TITLE] = title_for(row, titles)
        return row, f"namesake:{entity}"
    place = _elsewhere(earlier, window, rng)
    if place is None:
        return None
    row = move(earlier, place, rng)
    row[TITLE] = title_for(row, titles)  # another employee: a title of their own, not the earlier person's
    if roll < MOVED_NAMESAKE_RATE + MOVED_COLLEAGUE_RATE:
        names = [f for f in FIRST_NAMES if not equivalent(f.upper(), earlier[FIRST].upper())]
        row[FIRST] = rng.choice(names)
        if rng.random() < 0.5:
            row[LAST] = place[LAST] or row[LAST]
        row[EMAIL] = _own_mailbox(row[FIRST], row[LAST], earlier[EMAIL], rng)
        return row, f"colleague:{entity}"
    row[EMAIL] = ""  # the same common name at another office, nothing personal in common
    return row, f"office_namesake:{entity}"


def corrupted_rows(n: int, seed: int = 11, *, hard: bool = False, moved: float = 0.0, probes: dict | None = None):
    """Yield ``n`` rows (cells, entity): the generator's rows, duplicates corrupted, plus hard negatives.

    ``hard``: duplicates also get the harder list's errors (``harden``), drawn from a stream of their own.
    ``moved``: that share of the duplicates moved (``move``), plus the probe's hard negatives (module text);
    ``probes`` (row number from 1 -> label) receives which rows the probe made.
    """
    rng = random.Random(seed * 7919 + 1)
    moving = random.Random(seed * 7919 + 5)  # the moved probe's own stream
    titling = random.Random(seed * 7919 + 6)  # the probe's job titles: every other draw stays as it was
    entities: list[str] = []
    surnames: Counter = Counter()
    harder = random.Random(seed * 7919 + 4)
    lost = random.Random(seed * 7919 + 2)  # its own stream: the other rows stay as they were
    household = random.Random(seed * 7919 + 3)  # likewise
    kin_titles = random.Random(seed * 7919 + 7)  # a relative's job title: every other draw stays as it was
    seen: set[str] = set()
    window: list[list[str]] = []
    relatives: dict[tuple, set[str]] = {}
    extra = 0
    produced = 0
    for cells, entity in generate_rows(n, seed):
        if produced >= n:
            return
        if moved and window:
            drawn = _moved_negative(cells, window, entities, surnames, moving, titling)
            if drawn is not None:
                extra += 1
                produced += 1
                if probes is not None:
                    probes[produced] = drawn[1]
                yield drawn[0], f"X{extra:07d}"
                if produced >= n:
                    return
        roll = rng.random()
        if window and roll < FAMILY_COLLEAGUE_RATE:
            earlier = rng.choice(window)
            row = list(earlier)
            # Another person: not a nickname of the earlier first name (NATHAN beside NATHANIEL is the same
            # man to any reader), and not a first name already given to a relative of the same earlier row
            # (two identical rows cannot be two people).
            taken = relatives.setdefault(tuple(earlier), {earlier[FIRST].upper()})
            names = [f for f in FIRST_NAMES if not any(equivalent(f.upper(), t) for t in taken)]
            if not names:
                names = FIRST_NAMES  # every name used: the row is still drawn, as before
            row[FIRST] = rng.choice(names)
            taken.add(row[FIRST].upper())
            if row[TITLE]:
                row[TITLE] = title_for(row, kin_titles)  # a job of their own, drawn as for any new colleague
            row[EMAIL] = ""
            if earlier[EMAIL].rpartition("@")[2] in FREE_MAIL_DOMAINS and household.random() < HOUSEHOLD_MAILBOX_RATE:
                row[EMAIL] = earlier[EMAIL]  # a spouse on the couple's home address (brendadunn@yahoo.com)
            if lost.random() < RATES["missing_first"]:
                row[FIRST] = ""  # a relative's record can lose its first name too: "" / DUNN fits two people
            extra += 1
            yield row, f"X{extra:07d}"
            produced += 1
        elif window and roll < FAMILY_COLLEAGUE_RATE + EXTRA_NAMESAKE_RATE:
            earlier = rng.choice(window)
            row = list(cells)  # another business, city and state from this row; the earlier person's name
            if row[STATE] != earlier[STATE] and earlier[FIRST] and earlier[LAST]:
                row[FIRST], row[LAST], row[EMAIL] = earlier[FIRST], earlier[LAST], ""
                extra += 1
                yield row, f"X{extra:07d}"
                produced += 1
        if produced >= n:
            return
        if entity in seen:
            cells = corrupt(cells, rng, lost)
            if hard:
                cells = harden(cells, harder)
            if moved and moving.random() < moved:
                place = _elsewhere(cells, window, moving)
                if place is not None:
                    cells = move(cells, place, moving)
                    if cells[TITLE] and titling.random() < PROMOTION_RATE:
                        cells[TITLE] = promoted(cells[TITLE], titling)
                    if probes is not None:
                        probes[produced + 1] = "moved"
        else:
            seen.add(entity)
            surnames[cells[LAST].upper()] += 1
            if len(window) < WINDOW:
                window.append(cells)
                entities.append(entity)
            else:
                at = rng.randrange(WINDOW)
                window[at], entities[at] = cells, entity
        yield cells, entity
        produced += 1


def write_csv(path, n: int, seed: int = 11, truth_path=None, *, hard: bool = False, moved: float = 0.0) -> int:
    """Write ``n`` corrupted rows (and, with ``truth_path``, source_record_id,entity_id); ``hard``: the harder list.

    ``moved``: the moved probe (module text); the truth file then also has its ``probe`` column.
    """
    probes: dict[int, str] = {}
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(HEADER)
        truth_file = open(truth_path, "w", newline="", encoding="utf-8") if truth_path else None  # noqa: SIM115
        try:
            truth = csv.writer(truth_file, lineterminator="\n") if truth_file else None
            if truth:
                truth.writerow([*TRUTH_HEADER, "probe"] if moved else TRUTH_HEADER)
            written = 0
            for cells, entity in corrupted_rows(n, seed, hard=hard, moved=moved, probes=probes):
                written += 1
                writer.writerow(cells)
                if truth:
                    truth.writerow((written, entity, probes.get(written, "")) if moved else (written, entity))
        finally:
            if truth_file:
                truth_file.close()
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--truth", type=Path, default=None)
    parser.add_argument("--hard", action="store_true", help="the harder list (keyboard, OCR digits, two errors ...)")
    parser.add_argument("--moved", type=float, default=0.0, help="share of duplicates moved with a new phone (probe)")
    args = parser.parse_args(argv)
    print(write_csv(args.out, args.rows, args.seed, args.truth, hard=args.hard, moved=args.moved))
    return 0


if __name__ == "__main__":
    sys.exit(main())
