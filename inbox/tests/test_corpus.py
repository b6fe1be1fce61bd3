"""The labelled reply corpus (inbox/corpus): its shape, and the one opt-out decision on every reply of it."""

import csv
from pathlib import Path

import pytest

from inbox.classification import Classification, classify
from messaging.compliance import OPT_OUT_YES, is_opt_out_request, opt_out_decide

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _rows(part: str) -> list[tuple[str, str]]:
    with (CORPUS / f"{part}.csv").open(encoding="utf-8", newline="") as handle:
        return [(row["text"], row["label"]) for row in csv.DictReader(handle)]


DEV, TEST = _rows("dev"), _rows("test")


def test_the_corpus_has_800_replies_of_every_class_and_its_parts_do_not_overlap():
    assert len(DEV) + len(TEST) >= 800
    for part in (DEV, TEST):
        assert {label for _, label in part} == {c.value for c in Classification}
    assert not {text for text, _ in DEV} & {text for text, _ in TEST}


@pytest.mark.parametrize("part", ["dev", "test"])
def test_the_classifier_and_the_suppression_decision_agree_on_every_reply(part):
    disagreements = [
        text
        for text, _ in _rows(part)
        if (classify(text).classification == Classification.OPT_OUT) != (opt_out_decide(text) == OPT_OUT_YES)
        or (opt_out_decide(text) == OPT_OUT_YES) != is_opt_out_request(text)
    ]
    assert disagreements == []


def test_every_opt_out_of_the_development_part_is_heard():
    missed = [text for text, label in DEV if label == "opt_out" and opt_out_decide(text) != OPT_OUT_YES]
    assert missed == []


def test_no_reply_of_the_development_part_is_a_false_opt_out():
    false = [text for text, label in DEV if label != "opt_out" and opt_out_decide(text) == OPT_OUT_YES]
    assert false == []
