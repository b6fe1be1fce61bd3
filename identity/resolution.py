"""Stage 3 matching: blocking, field comparison, scoring and clustering of personas (no database here).

How two personas are judged (``compare``):

* Names must agree: the first names are the same, nicknames of each other (Bob/Robert), an initial
  of each other, or Jaro-Winkler >= 0.92 (typos); the last names Jaro-Winkler >= 0.88. When names
  disagree the score is capped below every threshold: a shared company, address or office phone
  alone never joins two people, because colleagues share all three.
* The match score (0.0-1.0) adds evidence to the name agreement:
  ``0.45 * name + 0.25 * shared phone + 0.25 * shared email (x 0.4 for a free-mail address)
  + 0.20 * shared business + 0.10 * same ZIP (0.04 same state only)``, minus 0.05 when both have a
  phone and an email and share neither, capped at 1.0. Every term is kept as a reason.
* Clusters use complete linkage: two groups join only if every pair across them has agreeing
  names, so A~B and B~C never fuse A and C when A and C disagree.
* The survivor of a cluster is its oldest persona (smallest id; ids are time-ordered ULIDs), so the
  record that leads and messages already point at keeps its id.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rapidfuzz.distance import JaroWinkler

from .nicknames import canonical, equivalent

FIRST_NAME_MIN = 0.92
LAST_NAME_MIN = 0.88
DISAGREE_CAP = 0.30
WEIGHTS = {"name": 0.45, "phone": 0.25, "email": 0.25, "business": 0.20, "zip": 0.10, "state": 0.04}
MAX_BLOCK = 60
CONTACT_CONFLICT_PENALTY = 0.05


@dataclass(frozen=True, slots=True)
class PersonaView:
    """What matching needs of a persona."""

    id: str
    first: str
    last: str
    state: str = ""
    zip5: str = ""
    phones: tuple | frozenset = ()
    emails: tuple | frozenset = ()
    businesses: tuple | frozenset = ()
    is_new: bool = True


_SOUNDEX = str.maketrans("BFPVCGJKQSXZDTLMNRAEIOUYHW", "11112222222233455600000099")


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


def first_name_score(a: str, b: str) -> float | None:
    """Return how well two normalized first names agree (1.0 for the same name or a nickname)."""
    if not a or not b:
        return None
    a1, b1 = a.split()[0], b.split()[0]
    if a == b or equivalent(a1, b1):
        return 1.0
    if (len(a1) == 1 and b1.startswith(a1)) or (len(b1) == 1 and a1.startswith(b1)):
        return 0.92
    return round(JaroWinkler.similarity(a, b), 4)


def last_name_score(a: str, b: str) -> float | None:
    """Return how well two normalized last names agree."""
    if not a or not b:
        return None
    if a == b:
        return 1.0
    return round(JaroWinkler.similarity(a, b), 4)


# Free-mail addresses are often made up from a name by list vendors (johnsmith@gmail.com), so two
# namesakes can share one: a shared free-mail address counts for less than a shared company address.
FREE_MAIL_DOMAINS = frozenset(
    "gmail.com googlemail.com yahoo.com ymail.com hotmail.com outlook.com live.com msn.com aol.com icloud.com "
    "me.com mac.com comcast.net att.net sbcglobal.net verizon.net bellsouth.net charter.net cox.net "
    "earthlink.net mail.com gmx.com protonmail.com proton.me zoho.com".split()
)
FREE_MAIL_MATCH = 0.4


def email_score(a, b) -> float | None:
    """Return 1.0 for a shared company address, 0.4 for a shared free-mail one, 0.0 for none shared."""
    if not a or not b:
        return None
    shared = [email for email in a if email in b]
    if not shared:
        return 0.0
    if any(email.rpartition("@")[2] not in FREE_MAIL_DOMAINS for email in shared):
        return 1.0
    return FREE_MAIL_MATCH


def _overlap(a, b) -> float | None:
    if not a or not b:
        return None
    for value in a:
        if value in b:
            return 1.0
    return 0.0


def names_agree(a: PersonaView, b: PersonaView) -> bool:
    """Tell whether two personas' names are close enough to be one person."""
    first = first_name_score(a.first, b.first)
    last = last_name_score(a.last, b.last)
    if last is None or last < LAST_NAME_MIN:
        return False
    if first is None:
        return False
    return first >= FIRST_NAME_MIN


def compare(a: PersonaView, b: PersonaView) -> tuple[float, dict]:
    """Return the match score of two personas and the per-field scores behind it."""
    first = first_name_score(a.first, b.first)
    last = last_name_score(a.last, b.last)
    phone = _overlap(a.phones, b.phones)
    email = email_score(a.emails, b.emails)
    business = _overlap(a.businesses, b.businesses)
    if a.zip5 and b.zip5:
        location = 1.0 if a.zip5 == b.zip5 else (0.4 if a.state and a.state == b.state else 0.0)
    elif a.state and b.state:
        location = 0.4 if a.state == b.state else 0.0
    else:
        location = None
    reasons = {
        "first_name": first,
        "last_name": last,
        "phone": phone,
        "email": email,
        "business": business,
        "location": location,
    }
    name = ((first or 0.0) + (last or 0.0)) / 2
    score = WEIGHTS["name"] * name
    score += WEIGHTS["phone"] * (phone or 0.0)
    score += WEIGHTS["email"] * (email or 0.0)
    score += WEIGHTS["business"] * (business or 0.0)
    if location == 1.0:
        score += WEIGHTS["zip"]
    elif location:
        score += WEIGHTS["state"]
    if phone == 0.0 and email == 0.0:
        # Both have a phone and an email and share neither: evidence of two people (same-name colleagues).
        score -= CONTACT_CONFLICT_PENALTY
    agree = last is not None and last >= LAST_NAME_MIN and first is not None and first >= FIRST_NAME_MIN
    if not agree:
        score = min(score, DISAGREE_CAP)
    reasons["names_agree"] = agree
    return round(min(score, 1.0), 4), reasons


def _first_key(p: PersonaView) -> str:
    return canonical(p.first.split()[0]) if p.first else ""


# One function per kind of blocking key, so a run builds one kind of block at a time.
KEY_KINDS = {
    "p": lambda p: [("p", phone) for phone in p.phones],
    "e": lambda p: [("e", email) for email in p.emails],
    "lz": lambda p: [("lz", p.last, p.zip5)] if p.last and p.zip5 else [],
    "fls": lambda p: [("fls", fk, p.last, p.state)] if p.last and p.state and (fk := _first_key(p)) else [],
    "sx": lambda p: [("sx", soundex(p.last), fk[:1], p.zip5)] if p.last and p.zip5 and (fk := _first_key(p)) else [],
}


def blocking_keys(p: PersonaView) -> Iterator[tuple]:
    """Yield the blocking keys of a persona: only personas sharing a key are ever compared."""
    for keys in KEY_KINDS.values():
        yield from keys(p)


@dataclass
class Plan:
    merges: list = field(default_factory=list)  # (survivor_id, merged_id, score, reasons)
    reviews: list = field(default_factory=list)  # (persona_a_id, persona_b_id, score, reasons)
    pairs_compared: int = 0
    blocks_skipped: int = 0
    clusters: int = 0


def candidate_pairs(personas: list[PersonaView]) -> tuple[set[tuple[int, int]], int]:
    """Return index pairs that share a blocking key (at least one side new), and how many blocks were too big."""
    pairs: set[tuple[int, int]] = set()
    skipped = 0
    for keys_of in KEY_KINDS.values():
        blocks: dict[tuple, list[int]] = {}
        for index, p in enumerate(personas):
            for key in keys_of(p):
                blocks.setdefault(key, []).append(index)
        for members in blocks.values():
            if len(members) < 2:
                continue
            if len(members) > MAX_BLOCK:
                skipped += 1
                continue
            for x in range(len(members)):
                i = members[x]
                new_i = personas[i].is_new
                for y in range(x + 1, len(members)):
                    j = members[y]
                    if new_i or personas[j].is_new:
                        pairs.add((i, j) if i < j else (j, i))
        del blocks
    return pairs, skipped


def plan(
    personas: list[PersonaView],
    *,
    auto_threshold: float,
    review_threshold: float,
    rejected: Iterable[tuple[str, str]] = (),
    pending: Iterable[tuple[str, str]] = (),
) -> Plan:
    """Decide which personas merge and which pairs go to review."""
    result = Plan()
    pairs, result.blocks_skipped = candidate_pairs(personas)
    result.pairs_compared = len(pairs)
    rejected_set = {tuple(sorted(pair)) for pair in rejected}
    pending_set = {tuple(sorted(pair)) for pair in pending}
    scored = []
    for i, j in pairs:
        a, b = personas[i], personas[j]
        score, reasons = compare(a, b)
        if score < review_threshold:
            continue
        key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        if key in rejected_set:
            continue
        scored.append((score, key, i, j, reasons))
    scored.sort(key=lambda item: (-item[0], item[1]))

    parent = list(range(len(personas)))
    reviews = []
    members: dict[int, list[int]] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for score, key, i, j, reasons in scored:
        if score >= auto_threshold:
            ri, rj = find(i), find(j)
            if ri == rj:
                continue
            group_i = members.get(ri, [ri])
            group_j = members.get(rj, [rj])
            if all(names_agree(personas[x], personas[y]) for x in group_i for y in group_j):
                survivor_root, other = (ri, rj) if personas[ri].id < personas[rj].id else (rj, ri)
                parent[other] = survivor_root
                members[survivor_root] = group_i + group_j
                members.pop(other, None)
                result.merges.append((personas[survivor_root].id, personas[other].id, score, reasons))
                continue
        if key not in pending_set:
            reviews.append((i, j, key, score, reasons))
    # A pair sent to review may have been joined by a later merge: only open questions are kept.
    result.reviews = [(key[0], key[1], score, reasons) for i, j, key, score, reasons in reviews if find(i) != find(j)]
    result.clusters = sum(1 for root, group in members.items() if len(group) > 1 and find(root) == root)
    return result
