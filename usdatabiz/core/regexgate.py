"""Cheap gates in front of slow regular expressions: literal text any match must contain.

``literal_gates(pattern)`` splits a pattern into its top-level alternatives and, for each, finds the
longest run of plain characters that every match of that alternative must contain (outside groups,
classes, escapes and quantified atoms). A text that contains none of those runs cannot match, so a
caller may skip the search: ``gate_open(gates, text)`` is ``any(run in text ...)``, a few substring
tests in C instead of a scan at every position. When some alternative has no such run (it starts with
a group, say) the pattern gets no gates (``None``) and is always searched: the gate never hides a match.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 '-,:;&@%<>\"!=/")
_QUANTIFIERS = frozenset("?*+{")
_MIN_GATE = 3


def _structure(pattern: str):
    """Walk a pattern outside escapes and character classes: yield (index, character, depth before it), where depth
    counts the open groups; a class or group left open ends the walk with ``ValueError``."""
    depth, i = 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(pattern, i)
            if i < 0:
                raise ValueError("unbalanced pattern")
            continue
        yield i, ch, depth
        depth += {"(": 1, ")": -1}.get(ch, 0)
        i += 1
    if depth:
        raise ValueError("unbalanced pattern")


def _class_end(pattern: str, start: int) -> int:
    """The index just after the character class opening at ``start``, or -1 when it is left open. A "]" first in
    the class is one of its characters ("[]a]", "[^]a]"), as is an escaped one ("[\\]a]")."""
    i = start + 1
    if pattern.startswith("^", i):
        i += 1
    if pattern.startswith("]", i):
        i += 1
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
        elif pattern[i] == "]":
            return i + 1
        else:
            i += 1
    return -1


def _top_level_alternatives(pattern: str) -> list[str] | None:
    parts, start = [], 0
    try:
        for i, ch, depth in _structure(pattern):
            if ch == "|" and depth == 0:
                parts.append(pattern[start:i])
                start = i + 1
    except ValueError:
        return None
    parts.append(pattern[start:])
    return parts


def _is_outside_ascii(ch: str) -> bool:
    """A character outside ASCII (a Chinese or Cyrillic letter, a Devanagari vowel sign, an emoji...): never a
    regular-expression operator, so always itself."""
    return not ch.isascii()


def _mandatory_runs(alternative: str) -> list[str]:
    """The runs of plain characters outside groups, classes, escapes and quantified atoms: every match has each."""
    runs, current, depth, i = [], [], 0, 0
    while i < len(alternative):
        ch = alternative[i]
        nxt = alternative[i + 1] if i + 1 < len(alternative) else ""
        if ch == "[":  # a class is one character of several: no text
            runs.append("".join(current))
            current = []
            end = _class_end(alternative, i)
            i = len(alternative) if end < 0 else end
            continue
        if ch == "\\":
            runs.append("".join(current))
            current = []
            i += 2  # a quantifier after the escape ("\\s+", "\\d{1,2}") is read next, as no text
            continue
        if ch == "{":  # a repetition count: "{0,40}" is not text
            close = alternative.find("}", i)
            runs.append("".join(current))
            current = []
            i = len(alternative) if close < 0 else close + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0 and (ch in _PLAIN or _is_outside_ascii(ch)):
            if nxt in _QUANTIFIERS:  # "s?" "x*": this character is not mandatory
                runs.append("".join(current))
                current = []
            else:
                current.append(ch)
            i += 1
            continue
        runs.append("".join(current))
        current = []
        i += 1
    runs.append("".join(current))
    return [run for run in runs if run]


def _top_level_groups(alternative: str) -> list[str]:
    """The bodies of the non-capturing groups at the top of an alternative that are not optional or repeated."""
    groups, start = [], -1
    try:
        for i, ch, depth in _structure(alternative):
            if ch == "(" and depth == 0:
                start = i
            elif ch == ")" and depth == 1 and start >= 0:
                body, after = alternative[start : i + 1], alternative[i + 1 : i + 2]
                if body.startswith("(?:") and after not in _QUANTIFIERS:
                    groups.append(body[3:-1])
                start = -1
    except ValueError:
        return groups
    return groups


def _selectivity(gates: tuple[str, ...]) -> tuple[int, int]:
    """How rarely a text opens these gates, roughly: by their shortest literal, then by how few they are."""
    return min(len(gate) for gate in gates), -len(gates)


def _gate_candidates(alternative: str) -> list[tuple[str, ...]]:
    """Sets of literals every match of the alternative contains one of: its runs of plain text long enough to say
    something, and its groups that have gates ("\\b(?:stop|quit)\\s+...": one of stop, quit)."""
    candidates = [
        (run,)
        for run in _mandatory_runs(alternative)
        # one character outside ASCII says a lot ("再", an emoji): most replies have none, and are not scanned for it
        if len(run) >= _MIN_GATE or not run.isascii()
    ]
    for body in _top_level_groups(alternative):
        gates = literal_gates(body)
        if gates is not None:
            candidates.append(gates)
    return candidates


def _alternative_gates(alternative: str) -> tuple[str, ...] | None:
    # the rarest of the literals every match needs: "\\bmy (?:lawyer|attorney) will\\b" waits for a lawyer or an
    # attorney rather than for any " will"
    return max(_gate_candidates(alternative), key=_selectivity, default=None)


_MAX_CLAUSES = 2


def literal_clauses(alternative: str) -> tuple[tuple[str, ...], ...]:
    """For a pattern without top-level alternatives, up to two sets of literals each of which every match
    contains one of (the rarest first), or () when there is none to rely on.

    All of them must be in a text for the pattern to match, which opens far fewer searches than one set alone:
    "\\bthanks? (?:you )?for (?:contacting|texting)" needs one of contacting, texting and "thank".
    """
    if _inline_flags(alternative) or len(_top_level_alternatives(alternative) or ()) != 1:
        return ()
    candidates = sorted(dict.fromkeys(_gate_candidates(alternative)), key=_selectivity, reverse=True)
    return tuple(candidates[:_MAX_CLAUSES])


def _inline_flags(pattern: str) -> bool:
    """Flags written at the start for the whole pattern (ignore case...) change what a literal means."""
    return pattern.startswith("(?") and not pattern.startswith(("(?:", "(?=", "(?!", "(?<"))


@functools.lru_cache(maxsize=4096)  # the same groups recur across patterns ("(?:texting|messaging|...)")
def literal_gates(pattern: str) -> tuple[str, ...] | None:
    """The literal runs of which every match contains at least one, or None when there are none to rely on."""
    if _inline_flags(pattern):
        return None
    alternatives = _top_level_alternatives(pattern)
    if not alternatives:
        return None
    gates: list[str] = []
    for alternative in alternatives:
        found = _alternative_gates(alternative)
        if found is None:
            return None
        gates.extend(found)
    return tuple(dict.fromkeys(gates))


def gate_open(gates: tuple[str, ...] | None, text: str) -> bool:
    """Whether the pattern behind ``gates`` could match ``text`` (always True without gates)."""
    return gates is None or any(gate in text for gate in gates)


def _trie_pattern(literals: Iterable[str]) -> str:
    """One regular expression for many literals, shared beginnings written once: at a position it matches the
    longest of them that starts there ("stop" and "stop texting" -> "stop(?: texting)?")."""
    trie: dict = {}
    for literal in literals:
        node = trie
        for ch in literal:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return walk(trie)


def _scan_pattern(literals: list[str]) -> re.Pattern[str] | None:
    """A pattern whose ``findall`` lists, at each position, the longest of ``literals`` that starts there. It takes
    one first letter of a literal, then looks back to it and reads the trie ahead: a position whose letter starts
    no literal is passed over by the regular-expression engine without entering the trie."""
    if not literals:
        return None
    first_letters = "".join(sorted({re.escape(literal[0]) for literal in literals}))
    return re.compile(f"[{first_letters}](?<=(?=({_trie_pattern(literals)}))[\\s\\S])")


def _pieces(text: str) -> set[str]:
    """Every non-empty substring of a short text."""
    return {text[start:end] for start in range(len(text)) for end in range(start + 1, len(text) + 1)}


class GateKeeper:
    """The gates of many patterns asked at once: the text is scanned once for all their literals.

    At each position that holds the first letter of some literal, a lookahead of the literals' trie finds the
    longest literal starting there (other positions are skipped in C); the literals that start at the same
    position are its beginnings, so those contained in a found literal are present too. Literals with letters
    outside ASCII have a scan of their own, which an ASCII text (most replies) never needs. ``open(text)`` lists,
    in the patterns' order, whether each could match (True without gates), exactly as ``gate_open`` would pattern
    by pattern, without repeating the literals patterns share.
    """

    def __init__(self, gates: list[tuple[str, ...] | None]):
        self._always = [found is None or "" in found for found in gates]
        by_literal: dict[str, list[int]] = {}
        for index, found in enumerate(gates):
            for literal in found or ():
                if literal:
                    by_literal.setdefault(literal, []).append(index)
        ascii_literals = [literal for literal in by_literal if literal.isascii()]
        self._ascii_scan = _scan_pattern(ascii_literals)
        self._other_scan = _scan_pattern([literal for literal in by_literal if not literal.isascii()])
        # per literal the scan may find, the gates it opens: its own and those of the literals inside it
        self._opens = {
            found: frozenset(index for literal in _pieces(found) & by_literal.keys() for index in by_literal[literal])
            for found in by_literal
        }

    def open_indices(self, text: str) -> set[int]:
        """The numbers of the gates ``text`` opens by a literal (the gates that are always open are not listed)."""
        found = set(self._ascii_scan.findall(text)) if self._ascii_scan else set()
        if self._other_scan and not text.isascii():
            found.update(self._other_scan.findall(text))
        return set().union(*map(self._opens.__getitem__, found))

    def open(self, text: str) -> list[bool]:
        opened = self._always.copy()
        for index in self.open_indices(text):
            opened[index] = True
        return opened


# A pattern that refers to its own groups by number or name cannot be cut into alternatives searched alone.
_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def _searchable_alternatives(pattern: re.Pattern[str]) -> tuple[list[str], bool]:
    """The top-level alternatives of a compiled pattern, each a pattern of its own, and whether their literals
    can gate them (not under IGNORECASE or VERBOSE, which change what a literal means)."""
    source = pattern.pattern
    caseless = bool(pattern.flags & (re.IGNORECASE | re.VERBOSE))
    if _inline_flags(source):
        return [source], False  # flags written for the whole pattern
    alternatives = _top_level_alternatives(source) or [source]
    if _GROUP_REFERENCE.search(source):
        # group numbers: the pattern is searched whole, but as one alternative its literals still gate it
        return [source], not caseless and len(alternatives) == 1
    return alternatives, not caseless


class GatedPatterns:
    """Which of many compiled patterns match a text, searching only the alternatives that could.

    Each pattern is cut into its top-level alternatives (a pattern matches exactly when one of them does); each
    alternative gets its literal clauses (``literal_clauses``: sets of literals a match needs one of each), and one
    scan of the text for every literal tells which alternatives have all their clauses met: only those are
    searched. ``open(text)`` lists, in the patterns' order, whether each matches: a drop-in for
    ``GateKeeper.open`` whose answer is exact, so a pattern with many alternatives (a rule with fifty phrases)
    costs the few alternatives whose words the text has, not one long search, and a pattern one alternative of
    which has no gate no longer makes the others searched on every text.
    """

    def __init__(self, patterns: list[re.Pattern[str]]):
        self._count = len(patterns)
        self._owner: list[int] = []  # per alternative, the number of its pattern
        self._alternatives: list[re.Pattern[str]] = []
        self._ungated: list[int] = []
        self._needed: list[int] = []  # per alternative, how many clauses it has
        self._clause_of: list[int] = []  # per clause, the number of its alternative
        clauses_of_all: list[tuple[str, ...]] = []
        for index, pattern in enumerate(patterns):
            alternatives, gated = _searchable_alternatives(pattern)
            for alternative in alternatives:
                number = len(self._alternatives)
                self._owner.append(index)
                self._alternatives.append(re.compile(alternative, pattern.flags))
                clauses = literal_clauses(alternative) if gated else ()
                self._needed.append(len(clauses))
                if not clauses:
                    self._ungated.append(number)
                clauses_of_all += clauses
                self._clause_of += [number] * len(clauses)
        self._keeper = GateKeeper(clauses_of_all)  # a clause is a gate: the literals of which a match has one

    def candidates(self, text: str) -> list[int]:
        """The numbers of the alternatives worth a search: those without clauses, and those whose clauses ``text``
        all meets."""
        met: dict[int, int] = {}
        clause_of = self._clause_of
        for clause in self._keeper.open_indices(text):
            met[clause_of[clause]] = met.get(clause_of[clause], 0) + 1
        needed = self._needed
        return [*self._ungated, *(number for number, count in met.items() if count == needed[number])]

    def open(self, text: str, *, among: list[int] | None = None) -> list[bool]:
        """Whether each pattern matches ``text``. ``among``, the ``candidates`` of a text ``text`` is part of, spares
        the scan: a part holds no literal its whole does not, so its candidates are among the whole's."""
        matched = [False] * self._count
        owner, alternatives = self._owner, self._alternatives
        for number in self.candidates(text) if among is None else among:
            if not matched[owner[number]] and alternatives[number].search(text):
                matched[owner[number]] = True
        return matched


class GatedRegex:
    """One compiled pattern behind its literal gates (``literal_gates``): a text that holds none of them cannot
    match, so it is not searched. ``search``, ``match``, ``fullmatch``, ``finditer``, ``sub`` and ``subn`` answer
    exactly as the pattern's own methods do.

    Under IGNORECASE the gates are asked of the lower-cased text, and only of an ASCII text: there a letter matches
    only its own two cases, which lower-casing makes one (outside ASCII, "ſ" matches "s" and "K" matches "k"). A
    pattern without gates, or written VERBOSE, is always searched.
    """

    __slots__ = ("pattern", "gates", "_caseless")

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern
        self._caseless = bool(pattern.flags & re.IGNORECASE)
        gates = None if pattern.flags & re.VERBOSE else literal_gates(pattern.pattern)
        if gates is not None and self._caseless and not all(gate.isascii() for gate in gates):
            gates = None
        self.gates = gates

    def could_match(self, text: str) -> bool:
        gates = self.gates
        if gates is None:
            return True
        if self._caseless:
            if not text.isascii():
                return True
            text = text.lower()
        return any(map(text.__contains__, gates))

    def search(self, text: str, *args) -> re.Match[str] | None:
        return self.pattern.search(text, *args) if self.could_match(text) else None

    def match(self, text: str, *args) -> re.Match[str] | None:
        return self.pattern.match(text, *args) if self.could_match(text) else None

    def fullmatch(self, text: str, *args) -> re.Match[str] | None:
        return self.pattern.fullmatch(text, *args) if self.could_match(text) else None

    def finditer(self, text: str, *args):
        return self.pattern.finditer(text, *args) if self.could_match(text) else iter(())

    def sub(self, replacement, text: str, count: int = 0) -> str:
        return self.pattern.sub(replacement, text, count) if self.could_match(text) else text

    def subn(self, replacement, text: str, count: int = 0) -> tuple[str, int]:
        return self.pattern.subn(replacement, text, count) if self.could_match(text) else (text, 0)
