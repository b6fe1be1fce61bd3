"""Write, or compare against, every decision stage 9 takes on the labelled corpus.

    python bench/classify_decisions.py --write before.json      # on the code before a change
    python bench/classify_decisions.py --compare before.json    # on the code after it: lists every difference

For each reply of ``inbox/corpus/dev.csv`` and ``test.csv`` it keeps what ``inbox.classification.classify``
returns (class, confidence, rules, failures, runner-up, extracted values, normalised text, opt-out decision)
and what ``messaging.compliance.opt_out_explain`` returns (decision and reason). A change that only makes the
classifier faster must leave every one of them as it was; ``--compare`` exits 1 when one differs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from inbox.classification import classify  # noqa: E402
from messaging.compliance import opt_out_explain  # noqa: E402
from usdatabiz.core.textmodel import labelled_rows  # noqa: E402

CORPUS = REPO_ROOT / "inbox" / "corpus"


def decisions() -> list[dict]:
    found = []
    for part in ("dev", "test"):
        for text, _ in labelled_rows(CORPUS / f"{part}.csv"):
            result = classify(text)
            decision, why = opt_out_explain(text)
            found.append(
                {
                    "part": part,
                    "text": text,
                    "classification": str(result.classification),
                    "confidence": result.confidence,
                    "matched_rules": result.matched_rules,
                    "failures": result.failures,
                    "runner_up": None if result.runner_up is None else str(result.runner_up),
                    "extracted": result.extracted,
                    "normalized": result.normalized,
                    "opt_out": result.opt_out,
                    "opt_out_explain": [decision, why],
                }
            )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", type=Path, help="write the decisions to this JSON file")
    action.add_argument("--compare", type=Path, help="compare the decisions with this JSON file")
    args = parser.parse_args()
    now = decisions()
    if args.write:
        args.write.write_text(json.dumps(now, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"{len(now)} replies written to {args.write}")
        return
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    if len(before) != len(now):
        raise SystemExit(f"{len(before)} replies before, {len(now)} now: not the same corpus")
    differences = 0
    for old, new in zip(before, now, strict=True):
        changed = [key for key in old if old[key] != new[key]]
        if changed:
            differences += 1
            print(f"{new['part']}: {new['text']!r}")
            for key in changed:
                print(f"    {key}: {old[key]!r} -> {new[key]!r}")
    print(f"{len(now)} replies compared, {differences} with a different decision")
    if differences:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
