"""The small text model and the regular-expression gates used by the reply classifier and the opt-out decision."""

import csv
import functools
import re
from pathlib import Path

import pytest

from usdatabiz.core.regexgate import gate_open, literal_gates
from usdatabiz.core.textmodel import NaiveBayes, labelled_rows, text_features

CORPUS = Path(__file__).resolve().parents[3] / "inbox" / "corpus"

# --- gates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "gates"),
    [
        (r"\bwrong (?:number|person)\b", ("wrong ",)),
        (r"\b(?:stop|quit)\s+(?:me|us)\b", ("stop", "quit")),
        (r"\bnext\s+text\b[^.!?]{0,40}\blawyer", ("lawyer",)),  # "0,40" is a count, not text
        (r"\bno\d{10,200}\b", None),  # nor is "10,200" after an escape
        (r"[]abcd]x|[^]abcd]y", None),  # a "]" first in a class is one of its characters, not its end
        (r"[\]abcd]x|\bwhy\b", None),  # an escaped one too
        (r"\bhi\b|\bcall me\b", None),  # one alternative needs nothing longer than "hi"
        (r"\bstops?\b", ("stop",)),  # the optional "s" is not part of the gate
        (r"(?i)wrong", None),  # flags change what a literal means
        (r"\b(?:u|you) (?:can|may) stop", (" stop",)),  # the space before it is needed too
        (r"(?:a|b)?\bxyz", ("xyz",)),
        (r"(?:ab|cd)\b", None),
        (r"\bmy (?:lawyer|attorney) will\b", ("lawyer", "attorney")),  # the rarer words, not any " will"
        (r"\bwrong (?:number|person)\b|\bnot (?:him|her)\b", ("wrong ", "not ")),
    ],
)
def test_literal_gates(pattern, gates):
    assert literal_gates(pattern) == gates


@pytest.mark.parametrize(
    ("pattern", "clauses"),
    [
        (r"\bthanks? (?:you )?for (?:texting|calling)\b", (("texting", "calling"), ("thank",))),  # the rarest two
        (r"\bback (?:on )?the \d{1,2}(?:st|nd|rd|th)?\b", (("back ",), ("the ",))),
        (r"\b(?:stop|quit)\s+(?:me|us)\b", (("stop", "quit"),)),
        (r"\bhi\b", ()),
        (r"stop|quit", ()),  # alternatives are asked one by one
        (r"(?i)stop", ()),
    ],
)
def test_literal_clauses(pattern, clauses):
    from usdatabiz.core.regexgate import literal_clauses

    assert literal_clauses(pattern) == clauses


def test_no_gate_means_always_search():
    assert gate_open(None, "anything")
    assert not gate_open(("stop",), "start")
    assert gate_open(("stop", "quit"), "i quit")


def _corpus_texts() -> list[str]:
    return [text for part in ("dev", "test") for text, _ in labelled_rows(CORPUS / f"{part}.csv")]


@functools.cache
def _searched_corpus() -> list[tuple[str, list[bool], str, list[bool], list[bool]]]:
    """Each corpus reply as the reply rules and the opt-out phrases read it, with a plain search of every rule
    and every phrase (no gate) on it: (rules' text, rules found, phrases' text, _PHRASES found, _MORE_PHRASES
    found). Computed once for the tests that compare the gates with it."""
    from inbox import classification
    from messaging import compliance

    searched = []
    for text in _corpus_texts():
        norm = classification.normalize(classification._extract(classification._clean(text))[0])
        plain = compliance._plain(compliance.normalize_text(text))
        searched.append((
            norm,
            [bool(rule.pattern.search(norm)) for rule in classification.PHRASE_RULES],
            plain,
            [bool(pattern.search(plain)) for pattern, _ in compliance._PHRASES],
            [bool(pattern.search(plain)) for pattern, _ in compliance._MORE_PHRASES],
        ))  # fmt: skip
    return searched


def test_a_gate_never_hides_a_match_of_the_reply_rules_on_the_corpus():
    from inbox import classification
    from messaging import compliance

    hidden = []
    listed, keeper = compliance._gated_phrases()  # _PHRASES and _MORE_PHRASES behind one scan
    for norm, rules_found, plain, phrases_found, more_found in _searched_corpus():
        hidden += [
            rule.name
            for rule, found in zip(classification.PHRASE_RULES, rules_found, strict=True)
            if found and not gate_open(rule.gates, norm)
        ]
        hidden += [
            p.pattern
            for (p, _), found, could_match in zip(listed, phrases_found + more_found, keeper.open(plain), strict=True)
            if found and not could_match
        ]
    assert hidden == []


def test_most_rules_have_a_gate():
    from inbox import classification

    gated = [rule for rule in classification.PHRASE_RULES if rule.gates is not None]
    assert len(gated) >= 0.8 * len(classification.PHRASE_RULES)


@pytest.mark.parametrize(
    "pattern", [r"\bwrong (?:number|person)\b", r"\b(?:stop|quit)\s+texting\b", r"\bno\s+more\s+texts?\b"]
)
def test_gates_hold_on_generated_texts(pattern):
    compiled, gates = re.compile(pattern), literal_gates(pattern)
    words = ["wrong", "number", "stop", "quit", "texting", "no", "more", "text", "texts", "person", "x", " ", "  "]
    import itertools

    for combo in itertools.product(words, repeat=3):
        text = " ".join(combo)
        if compiled.search(text):
            assert gate_open(gates, text), text


# --- text model ----------------------------------------------------------------------------------

ROWS = [
    ("stop texting me", "opt_out"),
    ("please stop", "opt_out"),
    ("remove me now", "opt_out"),
    ("sounds great send info", "interested"),
    ("yes tell me more", "interested"),
    ("send me the details", "interested"),
    ("no thanks", "not_interested"),
    ("not interested", "not_interested"),
]


def test_the_model_learns_a_small_fixed_set():
    model = NaiveBayes(alpha=0.5).fit(ROWS)

    assert model.labels == ["interested", "not_interested", "opt_out"]
    assert model.predict("please stop texting")[0] == "opt_out"
    assert model.predict("tell me more details")[0] == "interested"
    probabilities = model.probabilities("no thanks, not interested")
    assert max(probabilities, key=probabilities.get) == "not_interested"
    assert sum(probabilities.values()) == pytest.approx(1.0)


def test_a_text_of_unseen_words_gets_the_priors():
    model = NaiveBayes().fit(ROWS)
    probabilities = model.probabilities("zzz qqq")
    # equal feature counts per unseen word, so the class with most rows and fewest tokens leads; all stay < 1
    assert all(0 < p < 1 for p in probabilities.values())


def test_letter_pieces_carry_a_misspelling_to_the_word_it_resembles():
    words_only = NaiveBayes(alpha=0.1).fit(ROWS)
    letters = NaiveBayes(alpha=0.1, chars=True).fit(ROWS)

    assert letters.probabilities("stpo textng")["opt_out"] > words_only.probabilities("stpo textng")["opt_out"]
    assert "<st" in text_features("Stop", chars=True)
    assert text_features("Café déjà") == ["cafe", "deja", "cafe deja", "<short>"]


def test_the_model_refuses_bad_settings_and_use_before_training():
    with pytest.raises(ValueError, match="alpha"):
        NaiveBayes(alpha=0)
    with pytest.raises(ValueError, match="no rows"):
        NaiveBayes().fit([])
    with pytest.raises(RuntimeError, match="not trained"):
        NaiveBayes().probabilities("hi")


def test_a_long_text_is_read_from_its_start():
    model = NaiveBayes(max_chars=20).fit(ROWS)
    assert model.probabilities("no thanks " + "stop texting me " * 50) == model.probabilities("no thanks stop texti")


def test_labelled_rows_reads_the_corpus_format(tmp_path):
    path = tmp_path / "part.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["text", "label"], ["hi, there", "other"]])
    assert labelled_rows(path) == [("hi, there", "other")]


@pytest.mark.parametrize("automaton", [True, False], ids=["automaton", "regex-scan"])
def test_a_gate_keeper_opens_exactly_the_gates_that_gate_open_opens(automaton):
    from usdatabiz.core.regexgate import GateKeeper, ahocorasick

    if automaton:
        assert ahocorasick is not None, "pyahocorasick is a pinned dependency"
    gates = [("stop", "quit"), None, ("remove me",), ("top",)]
    keeper = GateKeeper(gates, automaton=automaton)
    for text in ["please stop", "i quit", "remove me now", "on top", "nothing here", "stop at the top", "", "s"]:
        assert keeper.open(text) == [gate_open(found, text) for found in gates], text


@pytest.mark.parametrize("automaton", [True, False], ids=["automaton", "regex-scan"])
def test_a_gate_keeper_reads_literals_of_any_script_and_any_first_letter(automaton):
    from usdatabiz.core.regexgate import GateKeeper

    gates = [("-x",), ("]a", "^b"), ("über",), ("ü",), ("uber",), ("打错",), ("\\n",), ("a\nb",), ("ab", "abc")]
    keeper = GateKeeper(gates, automaton=automaton)
    texts = ["x-x", "]a", "^b", "Über über", "uber ü", "打错了", "a\\nb", "a\nb", "abc", "ab", "", "plain text"]
    for text in texts:
        assert keeper.open(text) == [gate_open(found, text) for found in gates], text


def test_a_gate_keeper_agrees_with_gate_open_on_every_corpus_reply():
    from inbox.classification import PHRASE_RULES, normalize
    from messaging.compliance import _MORE_PHRASES, _PHRASES
    from usdatabiz.core.regexgate import GateKeeper, _top_level_alternatives, literal_clauses

    patterns = [rule.pattern.pattern for rule in PHRASE_RULES] + [p.pattern for p, _ in _PHRASES + _MORE_PHRASES]
    alternatives = [alternative for pattern in patterns for alternative in _top_level_alternatives(pattern)]
    gates = [rule.gates for rule in PHRASE_RULES] + [literal_gates(alternative) for alternative in alternatives]
    # the clauses GatedPatterns asks a GateKeeper about, each a gate of its own
    gates += [clause for alternative in alternatives for clause in literal_clauses(alternative)]
    gates += [("打错",), ("ошиб",), ("stopp",), ("stop", "stop texting", "top", "op")]
    keeper = GateKeeper(gates)
    # gate_open opens a gate when one of its literals is in the text: each distinct literal is looked for once per
    # reply with a plain "in", and opens every gate that lists it (thousands of gates share a few thousand literals)
    gates_of: dict[str, list[int]] = {}
    for index, found in enumerate(gates):
        for literal in found or ():
            gates_of.setdefault(literal, []).append(index)
    literals = list(gates_of.items())
    without_gates = [found is None for found in gates]
    for number, text in enumerate(_corpus_texts()):
        plain = normalize(text)
        expected = without_gates.copy()
        for indices in [indices for literal, indices in literals if literal in plain]:
            for index in indices:
                expected[index] = True
        if number < 200:  # the same answers as gate_open asked gate by gate (too slow for every reply)
            assert expected == [gate_open(found, plain) for found in gates], text
        assert keeper.open(plain) == expected, text


@pytest.mark.parametrize(
    ("pattern", "text"),
    [("打错(?:了|电话)", "你好，打错了"), ("ошиблись номером", "вы ошиблись номером"), ("\\bكم\\s", "كم الرسوم")],
)
def test_letters_of_other_scripts_gate_and_never_hide_a_match(pattern, text):
    gates = literal_gates(pattern)
    assert gates is not None
    assert gate_open(gates, text)
    assert re.search(pattern, text)
    assert not gate_open(gates, "no such words here")


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"\b(?:dung|\u0111ung)\s+goi\s+(?:vao\s+)?gio\s+nay\b", "\u0111ung goi gio nay"),
        (r"\bcaf\xe9 closed\b", "the caf\xe9 closed"),
        (r"\N{EM DASH}\s*stop texting", "ok \u2014 stop texting"),
        (r"\U0001f6d1 stop", "\U0001f6d1 stop"),
    ],
)
def test_a_character_written_by_its_code_is_no_literal_of_its_digits(pattern, text):
    # "\u0111ung" is read as one character, then "ung": not as the text "0111ung", which no reply holds
    from usdatabiz.core.regexgate import GatedPatterns, literal_clauses

    assert re.search(pattern, text)
    for clause in literal_clauses(pattern):  # a match holds one literal of each clause
        assert any(literal in text for literal in clause), clause
    assert gate_open(literal_gates(pattern), text)
    assert GatedPatterns([re.compile(pattern)]).open(text) == [True]


def test_gated_patterns_say_exactly_which_patterns_match():
    from usdatabiz.core.regexgate import GatedPatterns

    patterns = [
        re.compile(r"\bwrong (?:number|person)\b|\bnot (?:him|her)\b"),
        re.compile(r"(\w)\1{3}|\bhello\b"),  # a group referred to by number: searched whole
        re.compile(r"(?i)stop|quit"),  # flags for the whole pattern: searched whole
        re.compile(r"STOP|\bquit\b", re.IGNORECASE),  # no literal gate when case is ignored
        re.compile(r"\?|hi"),  # no gate at all
        re.compile(r"打错(?:了|电话)|\bhalt\b"),
        re.compile(r"[]|]xyz|\bhey\b"),  # a "|" inside a class does not cut the pattern
    ]
    keeper = GatedPatterns(patterns)
    texts = [
        "wrong number",
        "not her",
        "aaaa",
        "hello there",
        "please STOP",
        "Quit now",
        "why?",
        "打错了",
        "",
        "halt",
        "|xyz",
        "]xyz",
        "hey",
    ]
    for text in texts:
        assert keeper.open(text) == [bool(pattern.search(text)) for pattern in patterns], text
    assert keeper.open("all quiet now") == [False] * len(patterns)


def test_gated_patterns_agree_with_a_search_of_every_rule_on_every_corpus_reply():
    from inbox import classification
    from messaging import compliance
    from usdatabiz.core.regexgate import GatedPatterns

    rules = GatedPatterns([rule.pattern for rule in classification.PHRASE_RULES])
    phrases = [
        GatedPatterns([pattern for pattern, _ in listed]) for listed in (compliance._PHRASES, compliance._MORE_PHRASES)
    ]
    differ = []
    for norm, rules_found, plain, phrases_found, more_found in _searched_corpus():
        if rules.open(norm) != rules_found:
            differ.append(norm)
        for keeper, found in zip(phrases, (phrases_found, more_found), strict=True):
            if keeper.open(plain) != found:
                differ.append(plain)
    assert differ == []


def test_a_pattern_with_a_group_condition_is_gated_as_one_alternative_and_stays_exact():
    from usdatabiz.core.regexgate import GatedPatterns

    patterns = [
        re.compile(r"\bdon't\s+(?:want|(?P<need>need))\s+(?:texts?|messages?)\b(?(need)(?!\s+marketing\b))"),
        re.compile(r"(\w)\1{3}|\bhello\b"),  # two alternatives and a group number: searched whole, on every text
    ]
    keeper = GatedPatterns(patterns)
    assert keeper.candidates("nothing to see") == [1]  # the first waits for "text" or "message"
    texts = ["i don't want texts", "i don't need texts marketing", "i don't need texts", "aaaa", "hello", "no"]
    for text in texts:
        assert keeper.open(text) == [bool(pattern.search(text)) for pattern in patterns], text


@pytest.mark.parametrize(
    ("pattern", "texts"),
    [
        (
            re.compile(r"\b(?:stop|quit)\s+texting\b"),
            ["stop texting me", "quit  texting", "stopped", "", "STOP TEXTING"],
        ),
        (re.compile(r"\bstop\s+texting\b", re.IGNORECASE), ["STOP Texting", "\u017ftop texting", "Stop texts"]),
        (re.compile(r"\bhal+o\b|\bhola\b", re.IGNORECASE), ["HOLA amigo", "hallo", "nothing"]),
        (re.compile(r"\?"), ["why?", "why"]),  # no gate: always searched
        (re.compile(r"打错(?:了|电话)"), ["打错了", "打错", "wrong"]),
        # alternatives apart (one opens a match with nearly any letter: no scan): the leftmost match of the whole
        (
            re.compile(r"\bstop\s+(?:it|that)\b|(?:[a-z]+\s+){1,3}go\s+away\b|\b(\w+)\s+me\s+off\b|^wrong\b"),
            ["pls just go away stop it", "stop that now and go away", "take me off", "wrong go away", "stop", ""],
        ),
        (re.compile(r"\b(?:st\s+op|s\s+top)\b|\b(dej(?:a|e))\s+d\s+"), ["pls st op", "deja d mandar, s top", "x"]),
    ],
)
def test_a_gated_regex_answers_as_its_pattern(pattern, texts):
    from usdatabiz.core.regexgate import GatedRegex

    gated = GatedRegex(pattern)
    for text in texts:
        assert bool(gated.search(text)) == bool(pattern.search(text)), text
        assert bool(gated.match(text)) == bool(pattern.match(text)), text
        assert bool(gated.fullmatch(text)) == bool(pattern.fullmatch(text)), text
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in pattern.finditer(text)], text
        assert gated.sub("<x>", text) == pattern.sub("<x>", text), text
        assert gated.subn("<x>", text) == pattern.subn("<x>", text), text
        assert gated.subn("<\\g<0>>", text, 1) == pattern.subn("<\\g<0>>", text, 1), text
        assert gated.sub(lambda m: m.group().upper(), text) == pattern.sub(lambda m: m.group().upper(), text), text
        found, expected = gated.search(text), pattern.search(text)
        assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups())), text


def test_a_caseless_gated_regex_reads_a_text_outside_ascii_whole():
    from usdatabiz.core.regexgate import GatedRegex

    gated = GatedRegex(re.compile(r"\bstop\b", re.IGNORECASE))
    assert gated.gates == ("stop",)
    assert not gated.could_match("please don't")
    assert gated.could_match("\u017ftop")  # a long s matches "s" when case is ignored: not skipped
    assert gated.search("\u017ftop")


def test_the_model_adds_each_feature_in_order_as_it_always_has():
    rows = labelled_rows(CORPUS / "dev.csv")[:400]
    for chars in (False, True):
        model = NaiveBayes(alpha=0.1, chars=chars).fit(rows)
        for text, _ in rows[:100] + [("", ""), ("stop", ""), ("unsusbcribe me now please " * 30, "")]:
            features = text_features(text[: model.max_chars], chars=chars)
            columns = zip(*(model._gains.get(feature, model._nothing) for feature in features), strict=True)
            scores = [
                prior + len(features) * unseen + sum(column)
                for prior, unseen, column in zip(model._prior, model._unseen, columns, strict=True)
            ]
            assert model.probabilities(text) == _softmax(model.labels, scores), text


def _softmax(labels: list[str], scores: list[float]) -> dict[str, float]:
    import math

    top = max(scores)
    weights = [math.exp(score - top) for score in scores]
    return {label: weight / sum(weights) for label, weight in zip(labels, weights, strict=True)}


# --- first-character scans ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "texts"),
    [
        (
            re.compile(r"(?<![Nn]ot\s)(?i:\b(?:talk|speak)\s+to|\bcall|\bemail)\s+(?P<name>[A-Z][a-z]+)"),
            ["please call Bob at the shop", "not call Bob", "TALK TO Ann or email Tim", "recall Bob", "calls"],
        ),
        # caseless: the Kelvin sign is a "k", the long s an "s", the dotted capital I an "i"
        (re.compile(r"\b(?:kind|sure|it)\b", re.IGNORECASE), ["\u212aind", "\u017fure", "\u0130t", "kinder", ""]),
        (re.compile(r"(?:^|(?<=[.!?]\s))(?:Mr|Dr)\.?\s+[A-Z]\w+"), ["Dr Who. Mr. Smith", "x Dr. Who", "Mr.Smith"]),
        (re.compile(r"[^\w\s]+\s+(?:bye|ciao)"), ["ok !! bye", "okbye", "\U0001f44b bye", "\u00bf ciao"]),
        (re.compile(r"\b(?:d\u00f3nde|\u00e9l)\s+est\u00e1"), ["\u00bfd\u00f3nde est\u00e1?", "\u00e9l est\u00e1"]),
        (re.compile(r"(?:x|y)?\bend\s*\Z", re.DOTALL), ["the end", "the end\nnot", "yend", "x end"]),
        (re.compile(r"\b(?:thanks?|ty) for\b.{0,20}\bcall", re.DOTALL), ["thanks for\nthe call", "ty for a call"]),
        (re.compile(r"\b(\w)\1 (?:times|x)\b"), ["aa times", "ab x", "zz x zz x"]),  # a group referred back: as is
    ],
)
def test_a_scanned_regex_finds_exactly_the_patterns_matches(pattern, texts):
    from usdatabiz.core.regexgate import ScannedRegex

    scanned = ScannedRegex(pattern)
    for text in texts:
        found = [(match.span(), match.groups(), match.re) for match in scanned.finditer(text)]
        assert found == [(match.span(), match.groups(), match.re) for match in pattern.finditer(text)], text
        for pos in range(len(text) + 1):
            match = scanned.search(text, pos)
            expected = pattern.search(text, pos)
            assert (match and (match.span(), match.groups())) == (expected and (expected.span(), expected.groups()))


@pytest.mark.parametrize(
    "pattern",
    [
        r"stop\b",  # a literal first: the engine skips to it on its own
        r"^(?:hi|hello)\b",  # "^" first: tried at the start only
        r"\b(?:x\w*)?",  # can match nothing
        r"(?i:[a-z0-9])\w+@",  # nearly every character opens a match
        r"\bq(\w)\1",  # a group referred to inside the scan's look-behind cannot be scanned
        r"(?x) \b stop",  # verbose
    ],
)
def test_no_scan_where_it_would_not_help_or_cannot_be_built(pattern):
    from usdatabiz.core.regexgate import start_scan

    assert start_scan(re.compile(pattern)) is None


def test_a_scan_knows_every_character_a_caseless_letter_matches():
    """Every character that "(?i:[a-z])" matches (the Kelvin sign, the long s, the dotted and dotless i...) is one the
    scan stops at: asked of the engine for each character there is."""
    import sys

    from usdatabiz.core.regexgate import start_scan

    pattern = re.compile(r"(?i:[a-ei-m]|s)\.")
    scan = start_scan(pattern)
    assert scan is not None
    missed = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if not 0xD800 <= code <= 0xDFFF and pattern.match(chr(code) + ".") and not scan.match(chr(code) + ".")
    ]
    assert missed == []


def test_gated_patterns_list_the_patterns_that_match():
    from usdatabiz.core.regexgate import GatedPatterns

    patterns = [re.compile(r"\bwrong number\b"), re.compile(r"(?<!not )\b(?:call|text) me\b"), re.compile(r"\?")]
    keeper = GatedPatterns(patterns)
    for text in ["wrong number?", "please text me", "do not call me", "", "call me? wrong number"]:
        assert keeper.matching(text) == [i for i, found in enumerate(keeper.open(text)) if found], text
        assert keeper.open(text) == [bool(pattern.search(text)) for pattern in patterns], text


def test_gated_patterns_read_a_part_with_the_candidates_of_its_whole():
    """A clause of a reply, read with the candidates of the whole reply (``among``), gets the answer it gets alone."""
    from usdatabiz.core.regexgate import GatedPatterns

    patterns = [re.compile(r"\bwrong number\b"), re.compile(r"(?<!not )\b(?:call|text) me\b"), re.compile(r"\?")]
    keeper = GatedPatterns(patterns)
    whole = "do not call me. wrong number? text me later"
    among = keeper.candidates(whole)
    for part in ["do not call me", "wrong number?", "text me later", whole]:
        expected = [i for i, pattern in enumerate(patterns) if pattern.search(part)]
        assert keeper.matching(part, among=among) == expected, part
        assert keeper.matching(part) == expected, part
        assert [i for i, found in enumerate(keeper.open(part, among=among)) if found] == expected, part
    assert keeper.matching("text me", among=[]) == []  # only the candidates given are searched


def test_caseless_ascii_turns_every_character_a_caseless_letter_matches_into_that_letter():
    """Asked of the engine for each character there is: the four characters outside ASCII that "(?i:[a-z])" matches
    become that letter, and lower-casing makes no other ASCII letter, so an ASCII word a caseless pattern needs is in
    ``caseless_ascii(text)`` whenever the pattern can match."""
    import sys

    from usdatabiz.core.regexgate import caseless_ascii

    letter = re.compile(r"(?i:[a-z])")
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        folded = caseless_ascii(ch)
        if letter.fullmatch(ch):
            assert folded.isascii(), hex(code)
            assert re.fullmatch(f"(?i:{re.escape(folded)})", ch), hex(code)
        else:
            assert not any(c.isascii() and c.isalpha() for c in folded), hex(code)


def test_a_caseless_gated_regex_asks_its_gates_of_a_text_with_an_emoji():
    from usdatabiz.core.regexgate import GatedRegex

    gated = GatedRegex(re.compile(r"\bstop\b", re.IGNORECASE))
    assert not gated.could_match("please don't \U0001f331")  # no "stop": not searched
    assert gated.could_match("\u017fTOP \U0001f331")
    assert gated.search("\u017fTOP \U0001f331")
