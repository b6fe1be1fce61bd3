"""A small multinomial naive Bayes text model: pure Python, trained in milliseconds from labelled rows.

Used beside hand-written rules, never instead of them where a decision must be auditable: the reply
classifier asks it about replies its rules could not place firmly, and the opt-out decision asks it
whether a reply its rules read as "no" may still revoke consent (then a person decides).

Features are the words and word pairs of the text, folded (case, accents), plus, with ``chars=True``,
the 3- and 4-letter pieces of each word, which carry misspellings ("unsusbcribe") to the words they
resemble. Log-probabilities are computed once at ``fit``; ``probabilities`` only adds up the known
features' terms, so one call costs tens of microseconds.
"""

from __future__ import annotations

import csv
import functools
import itertools
import math
import operator
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

_WORD = re.compile(r"[^\W_]+|[^\w\s]")


def _folded(text: str) -> str:
    """Case and accents folded; an ASCII text (most replies) needs only lower case."""
    if text.isascii():
        return text.lower()
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=4)
def _words(text: str) -> tuple[str, ...]:
    """The folded words of a text: both models read the same reply in one classification, this reads it once."""
    return tuple(_WORD.findall(_folded(text)))


@functools.lru_cache(maxsize=8192)
def _letter_pieces(word: str) -> tuple[str, ...]:
    """A word's 3- and 4-letter pieces, ends marked: "<st", "sto", "top", "op>", "<sto", "stop", "top>"."""
    padded = f"<{word}>"
    return tuple(padded[i : i + size] for size in (3, 4) for i in range(len(padded) - size + 1))


def text_features(text: str, *, chars: bool = False) -> list[str]:
    """The model's view of a text: words, word pairs, optionally letter 3/4-grams, and a mark for short texts."""
    words = _words(text)
    features = [*words, *map(" ".join, zip(words, words[1:], strict=False))]
    if chars:
        for word in words:
            features += _letter_pieces(word)
    if len(words) <= 2:
        features.append("<short>")
    return features


def labelled_rows(path: Path | str) -> list[tuple[str, str]]:
    """Read a corpus file (CSV with ``text,label`` columns)."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        return [(row["text"], row["label"]) for row in csv.DictReader(handle)]


class NaiveBayes:
    """Multinomial naive Bayes with additive smoothing ``alpha``."""

    def __init__(self, *, alpha: float = 1.0, chars: bool = False, max_chars: int = 400) -> None:
        if alpha <= 0:
            raise ValueError("alpha must be positive")
        self.alpha = alpha
        self.chars = chars
        self.max_chars = max_chars  # a long text is read from its start: the cost of a call stays bounded
        self.labels: list[str] = []

    def fit(self, rows: Iterable[tuple[str, str]]) -> NaiveBayes:
        counts: dict[str, Counter] = defaultdict(Counter)
        priors: Counter = Counter()
        for text, label in rows:
            priors[label] += 1
            counts[label].update(text_features(text, chars=self.chars))
        if not priors:
            raise ValueError("no rows to learn from")
        self.labels = sorted(priors)
        vocabulary = {feature for counter in counts.values() for feature in counter}
        size = len(vocabulary) + 1
        total = sum(priors.values())
        denominators = [sum(counts[label].values()) + self.alpha * size for label in self.labels]
        self._prior = [math.log(priors[label] / total) for label in self.labels]
        self._unseen = [math.log(self.alpha / d) for d in denominators]
        # per feature seen in training, what it adds above an unseen one to each label (0.0 where that label never
        # saw it): one look-up per feature of a text instead of one per feature and label. Most features were seen
        # once or twice, so the same few gains and rows recur: each is kept once (a model of 40,000 features holds a
        # few thousand rows)
        gain = functools.cache(lambda count: math.log((count + self.alpha) / (self.alpha)))
        rows: dict[tuple[float, ...], tuple[float, ...]] = {}
        self._gains = {}
        for feature in vocabulary:
            row = tuple(gain(counts[label][feature]) if feature in counts[label] else 0.0 for label in self.labels)
            self._gains[feature] = rows.setdefault(row, row)
        self._nothing = (0.0,) * len(self.labels)
        # a word's letter pieces and their rows, looked up once per word rather than once per piece and reply
        self._piece_rows = functools.lru_cache(maxsize=8192)(self._rows_of_pieces)
        self._columns = [operator.itemgetter(index) for index in range(len(self.labels))]  # a label's gain in a row
        return self

    def _rows_of_pieces(self, word: str) -> tuple[tuple[float, ...], ...]:
        return tuple(map(self._gains.get, _letter_pieces(word), itertools.repeat(self._nothing)))

    def _rows(self, text: str) -> list[tuple[float, ...]]:
        """The gain rows of ``text_features(text)``, in its order."""
        words = _words(text)
        get, nothing = self._gains.get, self._nothing
        rows = [*map(get, words, itertools.repeat(nothing))]
        rows += map(get, map(" ".join, zip(words, words[1:], strict=False)), itertools.repeat(nothing))
        if self.chars:
            rows += itertools.chain.from_iterable(map(self._piece_rows, words))  # word by word, in C
        if len(words) <= 2:
            rows.append(get("<short>", nothing))
        return rows

    def probabilities(self, text: str) -> dict[str, float]:
        if not self.labels:
            raise RuntimeError("the model is not trained")
        rows = self._rows(text[: self.max_chars])
        # a label's column adds its gains in the features' order, 0.0 (which changes no sum) where it has none; read
        # from the rows label by label (not by turning the rows into columns first, which costs more than the sums)
        scores = [
            prior + len(rows) * unseen + sum(map(column, rows))
            for prior, unseen, column in zip(self._prior, self._unseen, self._columns, strict=True)
        ]
        top = max(scores)
        weights = [math.exp(score - top) for score in scores]
        total = sum(weights)
        return {label: weight / total for label, weight in zip(self.labels, weights, strict=True)}

    def predict(self, text: str) -> tuple[str, float]:
        """The most probable label and its probability."""
        probabilities = self.probabilities(text)
        label = max(probabilities, key=probabilities.__getitem__)
        return label, probabilities[label]
