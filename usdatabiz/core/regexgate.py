"""Cheap gates in front of slow regular expressions: literal text any match must contain.

``literal_gates(pattern)`` splits a pattern into its top-level alternatives and, for each, finds the
longest run of plain characters that every match of that alternative must contain (outside groups,
classes, escapes and quantified atoms). A text that contains none of those runs cannot match, so a
caller may skip the search: ``gate_open(gates, text)`` is ``any(run in text ...)``, a few substring
tests in C instead of a scan at every position. When some alternative has no such run (it starts with
a group, say) the pattern gets no gates (``None``) and is always searched: the gate never hides a match.

A text that opens the gates is searched by first characters where that pays (``start_scan``,
``ScannedRegex``): the engine's own parser tells which characters a match can begin with, and the engine
skips in C to the positions holding one instead of trying the whole pattern at each. Both answer exactly
as the pattern's own search: which texts match, where, with which groups.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from re import _compiler as _sre_compiler
from re import _constants as _sre
from re import _parser as _sre_parser

try:
    import ahocorasick  # pyahocorasick: many literals looked for in one pass
except ImportError:  # pragma: no cover - a pinned dependency; without it the regular-expression scan answers alike
    ahocorasick = None

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


# A character written by its code: "\\u0111", "\\U0001f6d1", "\\xe9", "\\N{EM DASH}", an octal "\\012"
_ESCAPED_CHARACTER = re.compile(
    r"\\(?:u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|N\{[^}]*\}|0[0-7]{0,2}|[1-7][0-7]{2})"
)


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
            # a quantifier after the escape ("\\s+", "\\d{1,2}") is read next, as no text; a character written by its
            # code ("\\u0111", "\\x80", "\\N{...}") is passed over whole: its digits are not text
            escaped = _ESCAPED_CHARACTER.match(alternative, i)
            i = escaped.end() if escaped else i + 2
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


# The characters outside ASCII that a caseless pattern reads as ASCII letters: the dotted capital I and the dotless i
# are an "i", the long s an "s", the Kelvin sign a "k" (no other character outside ASCII matches "(?i:[a-z])", and no
# other becomes ASCII when lower-cased)
_TO_ASCII_LETTERS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


@functools.lru_cache(maxsize=8)  # the gates of one reply ask it of the same text many times
def caseless_ascii(text: str) -> str:
    """The text lower-cased as a caseless pattern reads ASCII letters in it: an ASCII literal (lower case) that a
    caseless match needs is in it whenever the pattern can match ``text`` ("\u017ftop" holds "stop")."""
    if text.isascii() or not any(map(text.__contains__, "\u0130\u0131\u017f\u212a")):
        return text.lower()  # (a translation reads each character outside ASCII through a dictionary: only when needed)
    return text.translate(_TO_ASCII_LETTERS).lower()


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

    def __init__(self, gates: list[tuple[str, ...] | None], *, automaton: bool = ahocorasick is not None):
        self._always = [found is None or "" in found for found in gates]
        by_literal: dict[str, list[int]] = {}
        for index, found in enumerate(gates):
            for literal in found or ():
                if literal:
                    by_literal.setdefault(literal, []).append(index)
        self._automaton = None
        if by_literal and automaton:
            # one pass of an Aho-Corasick automaton (in C) lists every literal the text holds, wherever it starts: a
            # third of the time of the regular-expression scan below on a reply, the same gates opened
            self._automaton = ahocorasick.Automaton()
            for literal in by_literal:
                self._automaton.add_word(literal, literal)
            self._automaton.make_automaton()
        # without the automaton, the regular-expression scans (built only then: the trie of a few thousand literals
        # takes a tenth of a second to compile)
        scanned = [] if self._automaton is not None else list(by_literal)
        self._ascii_scan = _scan_pattern([literal for literal in scanned if literal.isascii()])
        self._other_scan = _scan_pattern([literal for literal in scanned if not literal.isascii()])
        # per literal the scan may find, the gates it opens: its own (the automaton lists every literal the text holds)
        # or its own and those of the literals inside it (the regular-expression scan lists the longest at a position)
        self._opens = {
            found: frozenset(
                by_literal[found]
                if self._automaton is not None
                else (index for literal in _pieces(found) & by_literal.keys() for index in by_literal[literal])
            )
            for found in by_literal
        }

    def found(self, text: str) -> set[str]:
        """The literals the scan finds in ``text``: every one it holds (the automaton), or the longest at each position
        (the regular-expression scan); ``opens`` tells what each opens, so both open the same gates."""
        if self._automaton is not None:
            return {literal for _, literal in self._automaton.iter(text)}
        found = set(self._ascii_scan.findall(text)) if self._ascii_scan else set()
        if self._other_scan and not text.isascii():
            found.update(self._other_scan.findall(text))
        return found

    @property
    def opens(self) -> dict[str, frozenset[int]]:
        """Per literal the scan may find, the numbers of the gates it opens (its own; with the regular-expression scan,
        also those of the literals in it)."""
        return self._opens

    def open_indices(self, text: str) -> set[int]:
        """The numbers of the gates ``text`` opens by a literal (the gates that are always open are not listed)."""
        return set().union(*map(self._opens.__getitem__, self.found(text)))

    def open(self, text: str) -> list[bool]:
        opened = self._always.copy()
        for index in self.open_indices(text):
            opened[index] = True
        return opened


# ------------------------------------------------------------------------------------------ first characters
# A pattern that opens with a word boundary, a look-behind or letters whose case is ignored ("\\b(?:talk|speak|call)",
# "(?<!not\\s)(?i:ask\\s+for)") gives the engine no first character to look for: it tries the whole pattern at every
# position of the text, its thirty alternatives one by one. ``start_scan`` reads (with the engine's own parser) which
# characters a match can begin with, and builds a pattern that opens with a class of them: the engine skips in C to
# each position holding one, and only there looks ahead for the whole pattern.
class _NoFirstCharacters(Exception):
    """The pattern holds something whose first characters are not read here: it is searched as it is."""


_CATEGORIES = {
    _sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_NOT_DIGIT: r"\D", _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S", _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W",
}  # fmt: skip
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)
_OUTSIDE_ASCII = "\\x80-\\U0010ffff"
_ASCII = "".join(map(chr, range(128)))
# a scan pays off while a match can begin with at most this many of the 128 ASCII characters (eighteen letters in both
# cases); where more open one ("(?i:[a-z0-9])"), the engine's own pass over every position costs less
_MAX_FIRST_ASCII = 36


def _class_character(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _class_items(items) -> tuple[str, bool]:
    """A parsed character class written back ("[a-f\\d]", "[^,<]"), and whether it names its characters one by one
    or in ranges (not "\\d", not "[^...]")."""
    written, listed = [], True
    for op, value in items:
        if op is _sre.NEGATE:
            written.append("^")
            listed = False
        elif op is _sre.LITERAL:
            written.append(_class_character(value))
        elif op is _sre.RANGE:
            written.append(_class_character(value[0]) + "-" + _class_character(value[1]))
        elif op is _sre.CATEGORY and value in _CATEGORIES:
            written.append(_CATEGORIES[value])
            listed = False
        else:
            raise _NoFirstCharacters
    return "[" + "".join(written) + "]", listed


def _first_characters(items, caseless: bool) -> tuple[set[tuple[str, bool, bool]], bool, bool]:
    """What a match of the parsed ``items`` can begin with: a set of (one-character class, whether ``_class_items``
    found it listed, whether it is read caseless), whether the items can match the empty text, and whether every match
    that is not empty begins at a word boundary."""
    classes: set[tuple[str, bool, bool]] = set()
    boundary_before, all_at_boundary = False, True
    for op, value in items:
        if op is _sre.AT:  # "\\b", "^": the next character still opens the match
            boundary_before = boundary_before or value is _sre.AT_BOUNDARY
            continue
        if op is _sre.ASSERT or op is _sre.ASSERT_NOT:  # a look-ahead or look-behind reads without moving
            continue
        if op is _sre.LITERAL or op is _sre.NOT_LITERAL:
            negated = [(_sre.NEGATE, None)] if op is _sre.NOT_LITERAL else []
            found, empty, at_boundary = {(*_class_items([*negated, (_sre.LITERAL, value)]), caseless)}, False, False
        elif op is _sre.IN:
            found, empty, at_boundary = {(*_class_items(value), caseless)}, False, False
        elif op is _sre.BRANCH:
            found, empty, at_boundary = set(), False, True
            for branch in value[1]:
                more, may_be_empty, starts_at_boundary = _first_characters(branch, caseless)
                found |= more
                empty = empty or may_be_empty
                at_boundary = at_boundary and starts_at_boundary
        elif op is _sre.SUBPATTERN:
            _, added, removed, inner = value
            if (added | removed) & ~re.IGNORECASE:  # "(?s:...)", "(?a:...)": not read here
                raise _NoFirstCharacters
            inner_caseless = bool(added & re.IGNORECASE) or (caseless and not removed & re.IGNORECASE)
            found, empty, at_boundary = _first_characters(inner, inner_caseless)
        elif op is _sre.ATOMIC_GROUP:
            found, empty, at_boundary = _first_characters(value, caseless)
        elif op in _REPEATS:
            low, high, item = value
            if high == 0:
                continue
            found, empty, at_boundary = _first_characters(item, caseless)
            empty = empty or low == 0
        else:  # any character, a group referred to, a condition: not read here
            raise _NoFirstCharacters
        classes |= found
        # a match that begins here is at a boundary if one was asserted before, or if every way through here asserts it
        all_at_boundary = all_at_boundary and (boundary_before or at_boundary)
        if not empty:
            return classes, False, all_at_boundary
    return classes, True, all_at_boundary


def _searched_fast_already(parsed, flags: int) -> bool:
    """Whether the engine finds this pattern's positions on its own: a literal or a class it opens with (which it
    skips to in C), or "^" first (tried at the start only)."""
    code = _sre_compiler._code(parsed, flags)
    first = code[code[1] + 1] if code[0] == _sre.INFO else code[0]
    after = code[code[1] + 2] if code[0] == _sre.INFO else code[1]
    return bool(
        (code[0] == _sre.INFO and code[2] & (_sre.SRE_INFO_PREFIX | _sre.SRE_INFO_CHARSET))
        or (first == _sre.AT and after in (_sre.AT_BEGINNING, _sre.AT_BEGINNING_STRING))
    )


_WHOLE_PATTERN_FLAGS = ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"))


@functools.lru_cache(maxsize=8192)  # the rules' alternatives recur across patterns and modules
def _start_scan(source: str, flags: int) -> re.Pattern[str] | None:
    if flags & (re.VERBOSE | re.ASCII | re.LOCALE | re.DEBUG):
        return None
    try:
        parsed = _sre_parser.parse(source, flags)
        if _searched_fast_already(parsed, flags):
            return None
        classes, empty, at_boundary = _first_characters(parsed.data, bool(flags & re.IGNORECASE))
        if empty or not classes:
            return None  # a pattern that can match nothing has no first character
        # the ASCII characters a match can begin with, asked of the engine itself (so "(?i:[k])" answers "k" and "K");
        # any character outside ASCII when a class is read caseless or holds "\\w" or "[^...]" ("(?i:k)" also matches
        # the Kelvin sign), else the class's own characters
        one = re.compile("|".join(f"(?i:{text})" if caseless else text for text, _, caseless in sorted(classes)))
        first = [_class_character(ord(found)) for found in one.findall(_ASCII)]
        if len(first) > _MAX_FIRST_ASCII:
            return None  # most letters open a match ("(?i:[a-z])"): the scan would stop nearly everywhere
        if all(listed and not caseless for _, listed, caseless in classes):
            first += sorted(text[1:-1] for text, _, _ in classes)
        else:
            first.append(_OUTSIDE_ASCII)
        whole = "".join(letter for flag, letter in _WHOLE_PATTERN_FLAGS if flags & flag)
        boundary = r"\b" if at_boundary else ""
        # one character of the class, then back to it to look ahead for the pattern from there
        return re.compile(f"[{''.join(first)}](?<=(?={boundary}(?{whole}:{source}))[\\s\\S])")
    except (_NoFirstCharacters, re.error, RecursionError, IndexError):
        return None  # (a group referred to inside the look-behind, say): searched as it is


def start_scan(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern whose matches start exactly where ``pattern`` has a match: one character long, at the first character
    of each (``scan.search(text, pos)`` finds where ``pattern.search(text, pos)`` would, skipping in C the positions
    whose character no match begins with). None when the engine finds the pattern's positions fast already (a literal
    first, "^" first), when the pattern can match the empty text, or when its first characters are not read here."""
    if not isinstance(pattern.pattern, str):
        return None
    return _start_scan(pattern.pattern, pattern.flags)


def lead(source: str, flags: int = 0) -> str:
    """A look-ahead for the characters a match of ``source`` can begin with, to write just before it in a pattern
    ("(?=(?i:[bcgrst]))" before "(?:thanks|regards|cheers|...)"): a position where none stands is left after one
    test, not after one per alternative. "" when they are not read here, or the source can match nothing."""
    try:
        classes, empty, _ = _first_characters(_sre_parser.parse(source, flags).data, bool(flags & re.IGNORECASE))
    except (_NoFirstCharacters, re.error, RecursionError):
        return ""
    if empty or not classes:
        return ""
    tests = []
    for caseless in (False, True):
        listed = "".join(sorted(text[1:-1] for text, each, read in classes if each and read is caseless))
        others = sorted(text for text, each, read in classes if not each and read is caseless)
        written = [f"[{listed}]"] * bool(listed) + others
        tests += [f"(?i:{test})" for test in written] if caseless else written
    return f"(?={'|'.join(tests)})"


_NOT_BUILT = re.compile("")  # a scan not built yet


class ScannedRegex:
    """One compiled pattern searched through its ``start_scan`` (built at the first search): ``search`` and
    ``finditer`` give exactly the pattern's own matches (``match.re`` is the pattern), found without trying the
    pattern at every position of the text."""

    __slots__ = ("pattern", "_scan")

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern
        self._scan: re.Pattern[str] | None = _NOT_BUILT

    def _built(self) -> re.Pattern[str] | None:
        if self._scan is _NOT_BUILT:
            self._scan = start_scan(self.pattern)
        return self._scan

    def scans(self) -> bool:
        """Whether the pattern is searched through a scan (``start_scan`` built one)."""
        return self._built() is not None

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        scan = self._built()
        if scan is None:
            return self.pattern.search(text, pos)
        found = scan.search(text, pos)
        return None if found is None else self.pattern.match(text, found.start())

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        scan = self._built()
        return self.pattern.finditer(text) if scan is None else self._matches(scan, text)

    def sub(self, replacement, text: str, count: int = 0) -> str:
        return self.subn(replacement, text, count)[0]

    def subn(self, replacement, text: str, count: int = 0) -> tuple[str, int]:
        """``pattern.subn``: the scan's matches (the pattern's own, never empty) replaced as re.sub replaces them, by a
        function called with each match or a template each match expands ("\\1 de ")."""
        scan = self._built()
        if scan is None:
            return self.pattern.subn(replacement, text, count)
        pieces, last, made = [], 0, 0
        for match in self._matches(scan, text):
            pieces += (
                text[last : match.start()],
                replacement(match) if callable(replacement) else match.expand(replacement),
            )
            last, made = match.end(), made + 1
            if made == count:
                break
        return "".join(pieces) + text[last:], made

    def _matches(self, scan: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
        pos = 0
        while (found := scan.search(text, pos)) is not None:
            match = self.pattern.match(text, found.start())
            yield match
            pos = match.end()  # never empty: the next search starts after it, as finditer's does


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
        self._clause_of: list[int] = []  # per clause, the number of its alternative
        one_clause: list[int] = []  # the clauses that are all their alternative needs
        # of the alternatives that need k clauses (k >= 2), per place in their list: clause -> alternative
        nth_clause: dict[int, list[dict[int, int]]] = {}
        clauses_of_all: list[tuple[str, ...]] = []
        for index, pattern in enumerate(patterns):
            alternatives, gated = _searchable_alternatives(pattern)
            for alternative in alternatives:
                number = len(self._alternatives)
                self._owner.append(index)
                self._alternatives.append(re.compile(alternative, pattern.flags))
                clauses = literal_clauses(alternative) if gated else ()
                first = len(clauses_of_all)
                if not clauses:
                    self._ungated.append(number)
                elif len(clauses) == 1:
                    one_clause.append(first)
                else:
                    places = nth_clause.setdefault(len(clauses), [{} for _ in clauses])
                    for place in range(len(clauses)):
                        places[place][first + place] = number
                clauses_of_all += clauses
                self._clause_of += [number] * len(clauses)
        self._keeper = GateKeeper(clauses_of_all)  # a clause is a gate: the literals of which a match has one
        # per literal the scan may find, the alternatives of one clause it meets; and for those of k clauses, per place
        # in their list, the alternatives whose clause there it meets (a reply's dozen literals are read, not the
        # hundred clauses they open)
        opens = self._keeper.opens
        one_clause_of = {first: self._clause_of[first] for first in one_clause}
        self._one_met = {
            literal: frozenset(map(one_clause_of.get, opened & one_clause_of.keys()))
            for literal, opened in opens.items()
        }
        self._several_met = [
            [
                {literal: frozenset(map(of.get, opened & of.keys())) for literal, opened in opens.items()}
                for of in places
            ]
            for places in nth_clause.values()
        ]
        # per alternative, its search: through its ``start_scan`` where it has one, built the first time the
        # alternative is worth a search (building them all would take seconds; a reply needs a few dozen)
        self._searches: list = [None] * len(self._alternatives)

    def candidates(self, text: str) -> list[int]:
        """The numbers of the alternatives worth a search: those without clauses, and those whose clauses ``text``
        all meets."""
        found = self._keeper.found(text)
        # an alternative of one clause is met when a literal found meets it; one of several, when its first, second...
        # clauses all are (the alternatives whose first a literal meets, whose second one does...: intersected)
        met = set().union(*map(self._one_met.__getitem__, found))
        for places in self._several_met:
            met.update(set.intersection(*(set().union(*map(place.__getitem__, found)) for place in places)))
        return [*self._ungated, *met]

    def _search(self, number: int):
        search = self._searches[number]
        if search is None:
            alternative = self._alternatives[number]
            search = self._searches[number] = (start_scan(alternative) or alternative).search
        return search

    def open(self, text: str, *, among: list[int] | None = None) -> list[bool]:
        """Whether each pattern matches ``text``. ``among``, the ``candidates`` of a text ``text`` is part of, spares
        the scan: a part holds no literal its whole does not, so its candidates are among the whole's."""
        matched = [False] * self._count
        owner, searches = self._owner, self._searches
        for number in self.candidates(text) if among is None else among:
            if not matched[owner[number]] and (searches[number] or self._search(number))(text):
                matched[owner[number]] = True
        return matched

    def first_start(self, text: str) -> int | None:
        """Where the leftmost match of any of the patterns in ``text`` starts (None when none matches): each
        alternative worth a search is asked where its own leftmost match starts."""
        starts = [found.start() for number in self.candidates(text) if (found := self._search(number)(text))]
        return min(starts, default=None)

    def matching(self, text: str, *, among: list[int] | None = None) -> list[int]:
        """The numbers of the patterns that match ``text``, in order: those ``open(text)`` says True of (``among`` as
        ``open`` takes it)."""
        owner, searches, found = self._owner, self._searches, set()
        for number in self.candidates(text) if among is None else among:
            if owner[number] not in found and (searches[number] or self._search(number))(text):
                found.add(owner[number])
        return sorted(found)


class GatedRegex:
    """One compiled pattern behind its literal gates (``literal_gates``): a text that holds none of them cannot
    match, so it is not searched. ``search``, ``match``, ``fullmatch``, ``finditer``, ``sub`` and ``subn`` answer
    exactly as the pattern's own methods do.

    Under IGNORECASE the gates are asked of the text as ``caseless_ascii`` reads it: there an ASCII letter matches
    only its own two cases, which lower-casing makes one, and the four characters outside ASCII that also match one
    ("ſ" matches "s", "K" matches "k") are turned into it. A pattern without gates, or written VERBOSE, is always
    searched.
    """

    __slots__ = ("pattern", "gates", "_caseless", "_scanned", "_alternatives")

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern
        self._scanned = ScannedRegex(pattern)  # a text that opens the gates is searched by first characters
        self._alternatives: GatedPatterns | None = _NOT_BUILT  # its alternatives apart, when it has several
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
            text = caseless_ascii(text)
        return any(map(text.__contains__, gates))

    def _apart(self) -> GatedPatterns | None:
        """The pattern's top-level alternatives behind their own literal clauses (``GatedPatterns``), built at the
        first search; None for a pattern of one alternative, or one that cannot be cut or gated."""
        if self._alternatives is _NOT_BUILT:
            alternatives, gated = _searchable_alternatives(self.pattern)
            self._alternatives = (
                GatedPatterns([re.compile(alternative, self.pattern.flags) for alternative in alternatives])
                if gated and len(alternatives) > 1
                else None
            )
        return self._alternatives

    def search(self, text: str, *args) -> re.Match[str] | None:
        if args:
            if not self.could_match(text):
                return None
            return self._scanned.search(text, *args) if len(args) < 2 else self.pattern.search(text, *args)
        apart = None if self._scanned.scans() else self._apart()
        if apart is None:
            return self._scanned.search(text) if self.could_match(text) else None
        # a pattern of twenty alternatives, some of which open a match with nearly any letter and one of whose words
        # is in every reply ("stop", "this"): only the alternatives whose words the text holds are searched, and the
        # pattern is tried where the leftmost of their matches starts (where its own search would stop: none of the
        # others can match anywhere). The alternatives' own clauses say it exactly: the gates are not asked first
        start = apart.first_start(text)
        return None if start is None else self.pattern.match(text, start)

    def match(self, text: str, *args) -> re.Match[str] | None:
        return self.pattern.match(text, *args) if self.could_match(text) else None

    def fullmatch(self, text: str, *args) -> re.Match[str] | None:
        return self.pattern.fullmatch(text, *args) if self.could_match(text) else None

    def finditer(self, text: str, *args):
        if not self.could_match(text):
            return iter(())
        return self.pattern.finditer(text, *args) if args else self._scanned.finditer(text)

    def sub(self, replacement, text: str, count: int = 0) -> str:
        return self.subn(replacement, text, count)[0]

    def subn(self, replacement, text: str, count: int = 0) -> tuple[str, int]:
        if not self.could_match(text):
            return text, 0
        return self._scanned.subn(replacement, text, count)
