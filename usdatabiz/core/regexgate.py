"""Cheap gates in front of slow regular expressions: literal text any match must contain.

``literal_gates(pattern)`` splits a pattern into its top-level alternatives and, for each, finds the
longest run of plain characters that every match of that alternative must contain (outside groups,
classes, escapes and quantified atoms). A text that contains none of those runs cannot match, so a
caller may skip the search: ``gate_open(gates, text)`` is ``any(run in text ...)``, a few substring
tests in C instead of a scan at every position. When some alternative has no such run (it starts with
a group, say) the pattern gets no gates (``None``) and is always searched: the gate never hides a match.
"""

from __future__ import annotations

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


def _alternative_gates(alternative: str) -> tuple[str, ...] | None:
    run = _longest_mandatory_run(alternative)
    if len(run) >= _MIN_GATE or (len(run) >= 2 and not run.isascii()):  # two Chinese characters say a lot
        return (run,)
    for body in _top_level_groups(alternative):  # "\\b(?:stop|quit)\\s+...": one of stop, quit
        gates = literal_gates(body)
        if gates is not None:
            return gates
    return None


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


class GateKeeper:
    """The gates of many patterns asked at once: each distinct literal is looked for once per text.

    ``open(text)`` lists, in the patterns' order, whether each could match (True without gates). Asking pattern by
    pattern (``gate_open``) repeats the literals patterns share and pays a generator per pattern.
    """

    def __init__(self, gates: list[tuple[str, ...] | None]):
        self._gates = [None if found is None else frozenset(found) for found in gates]
        literals = sorted({literal for found in gates if found for literal in found})
        # Literals by their first two characters: a literal the text contains starts at one of the text's pairs,
        # so only the literals behind the pairs the text has are looked for (every gate has two characters or more)
        self._by_head: dict[str, tuple[str, ...]] = {}
        for literal in literals:
            self._by_head[literal[:2]] = (*self._by_head.get(literal[:2], ()), literal)

    def open(self, text: str) -> list[bool]:
        by_head = self._by_head
        heads = {text[i : i + 2] for i in range(len(text) - 1)}.intersection(by_head)
        present = {literal for head in heads for literal in by_head[head] if literal in text}
        return [found is None or not found.isdisjoint(present) for found in self._gates]
