"""Cheap gates in front of slow regular expressions: literal text any match must contain.

``literal_gates(pattern)`` splits a pattern into its top-level alternatives and, for each, finds the
longest run of plain characters that every match of that alternative must contain (outside groups,
classes, escapes and quantified atoms). A text that contains none of those runs cannot match, so a
caller may skip the search: ``gate_open(gates, text)`` is ``any(run in text ...)``, a few substring
tests in C instead of a scan at every position. When some alternative has no such run (it starts with
a group, say) the pattern gets no gates (``None``) and is always searched: the gate never hides a match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 '-,:;&@%<>\"!=/")
_QUANTIFIERS = frozenset("?*+{")
_MIN_GATE = 3


def _structure(pattern: str):
    """Walk a pattern outside escapes and character classes: yield (index, character, depth before it), where depth
    counts the open groups; a class or group left open ends the walk with ``ValueError``."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            yield i, ch, depth
            depth += {"(": 1, ")": -1}.get(ch, 0)
        i += 1
    if depth or in_class:
        raise ValueError("unbalanced pattern")


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


def _is_letter_of_another_script(ch: str) -> bool:
    """A letter outside ASCII (Chinese, Korean, Cyrillic, Arabic...): never a regular-expression operator."""
    return not ch.isascii() and ch.isalpha()


def _longest_mandatory_run(alternative: str) -> str:
    runs, current, depth, i, in_class = [], [], 0, 0, False
    while i < len(alternative):
        ch = alternative[i]
        nxt = alternative[i + 1] if i + 1 < len(alternative) else ""
        if in_class:
            in_class = ch != "]"
            i += 1
            continue
        if ch == "\\":
            runs.append("".join(current))
            current = []
            i += 2
            if depth == 0 and i < len(alternative) and alternative[i] in _QUANTIFIERS:
                i += 1
            continue
        if ch == "{":  # a repetition count: "{0,40}" is not text
            close = alternative.find("}", i)
            runs.append("".join(current))
            current = []
            i = len(alternative) if close < 0 else close + 1
            continue
        if ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0 and (ch in _PLAIN or _is_letter_of_another_script(ch)):
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
    return max(runs, key=len)


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


def _alternative_gates(alternative: str) -> tuple[str, ...] | None:
    candidates = []
    run = _longest_mandatory_run(alternative)
    if len(run) >= _MIN_GATE or (len(run) >= 2 and not run.isascii()):  # two Chinese characters say a lot
        candidates.append((run,))
    for body in _top_level_groups(alternative):  # "\\b(?:stop|quit)\\s+...": one of stop, quit
        gates = literal_gates(body)
        if gates is not None:
            candidates.append(gates)
    # the rarest of the literals every match needs: "\\bmy (?:lawyer|attorney) will\\b" waits for a lawyer or an
    # attorney rather than for any " will"
    return max(candidates, key=_selectivity) if candidates else None


def literal_gates(pattern: str) -> tuple[str, ...] | None:
    """The literal runs of which every match contains at least one, or None when there are none to rely on."""
    if pattern.startswith("(?") and not pattern.startswith(("(?:", "(?=", "(?!", "(?<")):
        return None  # inline flags (ignore case...) change what a literal means
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


class _LiteralScan:
    """Which of many literals a text contains, found in one pass over the text.

    At each position a lookahead of the literals' trie finds the longest literal starting there; the literals
    that start at the same position are its beginnings, so those contained in a found literal are present too.
    ``slots(text)`` gives what the present literals stand for (pattern numbers, say), each once.
    """

    def __init__(self, slots_by_literal: dict[str, Iterable[int]]):
        literals = sorted(literal for literal in slots_by_literal if literal)
        self._scan = re.compile(f"(?=({_trie_pattern(literals)}))") if literals else None
        self._slots = {
            found: frozenset(slot for literal in literals if literal in found for slot in slots_by_literal[literal])
            for found in literals
        }

    def slots(self, text: str) -> set[int]:
        if self._scan is None:
            return set()
        return set().union(*map(self._slots.__getitem__, set(self._scan.findall(text))))


class GateKeeper:
    """The gates of many patterns asked at once: the text is scanned once for all their literals.

    ``open(text)`` lists, in the patterns' order, whether each could match (True without gates), exactly as
    ``gate_open`` would pattern by pattern, without repeating the literals patterns share.
    """

    def __init__(self, gates: list[tuple[str, ...] | None]):
        self._always = [found is None or "" in found for found in gates]
        slots: dict[str, list[int]] = {}
        for index, found in enumerate(gates):
            for literal in found or ():
                slots.setdefault(literal, []).append(index)
        self._scan = _LiteralScan(slots)

    def open_indices(self, text: str) -> set[int]:
        """The numbers of the gated patterns whose gate ``text`` opens (the ungated ones are not listed)."""
        return self._scan.slots(text)

    def open(self, text: str) -> list[bool]:
        opened = self._always.copy()
        for index in self._scan.slots(text):
            opened[index] = True
        return opened


# A pattern that refers to its own groups by number or name cannot be cut into alternatives searched alone.
_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def _searchable_alternatives(pattern: re.Pattern[str]) -> tuple[list[str], bool]:
    """The top-level alternatives of a compiled pattern, each a pattern of its own, and whether their literals
    can gate them (not under IGNORECASE or VERBOSE, which change what a literal means)."""
    source = pattern.pattern
    caseless = bool(pattern.flags & (re.IGNORECASE | re.VERBOSE))
    if _GROUP_REFERENCE.search(source) or (
        source.startswith("(?") and not source.startswith(("(?:", "(?=", "(?!", "(?<"))
    ):
        return [source], False  # group numbers, or flags written for the whole pattern
    return _top_level_alternatives(source) or [source], not caseless


class GatedPatterns:
    """Which of many compiled patterns match a text, searching only the alternatives that could.

    Each pattern is cut into its top-level alternatives (a pattern matches exactly when one of them does);
    each alternative gets its own literal gates, and one scan of the text (``GateKeeper``) tells which
    alternatives to search. ``open(text)`` lists, in the patterns' order, whether each matches: a drop-in for
    ``GateKeeper.open`` whose answer is exact, so a pattern with many alternatives (a rule with fifty phrases)
    costs the few alternatives whose words the text has, not one long search, and a pattern one alternative of
    which has no gate no longer makes the others searched on every text.
    """

    def __init__(self, patterns: list[re.Pattern[str]]):
        self._count = len(patterns)
        self._owner: list[int] = []
        self._sources: list[tuple[str, int]] = []
        gates: list[tuple[str, ...] | None] = []
        for index, pattern in enumerate(patterns):
            alternatives, gated = _searchable_alternatives(pattern)
            for alternative in alternatives:
                self._owner.append(index)
                self._sources.append((alternative, pattern.flags))
                gates.append(literal_gates(alternative) if gated else None)
        self._compiled: list[re.Pattern[str] | None] = [None] * len(self._sources)
        self._keeper = GateKeeper(gates)
        self._ungated = [number for number, found in enumerate(gates) if found is None]

    def _alternative(self, number: int) -> re.Pattern[str]:
        compiled = self._compiled[number]
        if compiled is None:
            source, flags = self._sources[number]
            compiled = self._compiled[number] = re.compile(source, flags)
        return compiled

    def open(self, text: str) -> list[bool]:
        matched = [False] * self._count
        owner = self._owner
        for number in (*self._ungated, *self._keeper.open_indices(text)):
            if not matched[owner[number]] and self._alternative(number).search(text):
                matched[owner[number]] = True
        return matched
