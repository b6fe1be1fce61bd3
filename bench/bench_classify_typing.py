"""How the opt-out decision holds when a reply is typed the way many people type: the labelled corpus rewritten.

    python bench/bench_classify_typing.py [--part dev|test]

Each reply of the part is rewritten four ways: without apostrophes ("dont", "Im", "menvoyez"), lower-case without
apostrophes, without sentence marks (. , ! ? ; : and quotes left out, so "Not now. Stop messaging me" runs on), and in
capitals. For the replies a way changes it prints: of the opt-outs decided "yes" as written, how many stay "yes", how
many are held for a person ("uncertain") and how many are read as "no" (a missed opt-out), and how many replies that are
not opt-outs are made "yes" (a false opt-out), with up to five examples of each loss. The rules are never tuned on the
rewritten texts; the figures say how far the decision depends on the way a reply is typed.

What it does not cover: typos, shorthand and dictation (the corpus's own replies have those as written), sentence marks
left out of e-mail addresses ("name@gmailcom", which no one types), and possessives without apostrophes ("my wifes
phone"), which are held rather than restored.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from messaging.compliance import OPT_OUT_NO, OPT_OUT_UNCERTAIN, OPT_OUT_YES, opt_out_decide  # noqa: E402
from usdatabiz.core.textmodel import labelled_rows  # noqa: E402

CORPUS = REPO_ROOT / "inbox" / "corpus"
_APOSTROPHES = re.compile(r"['\u2019]")
_SENTENCE_MARKS = re.compile(r"[.,!?;:\"'\u2019\u201c\u201d]")
_EMAIL = re.compile(r"(\S+@\S+\.\w+)")  # (a group: re.split keeps the addresses)

WAYS = {
    "without apostrophes": lambda text: _APOSTROPHES.sub("", text),
    "lower-case, without apostrophes": lambda text: _APOSTROPHES.sub("", text.lower()),
    # (an e-mail address keeps its dots: no one types "name@gmailcom")
    "without sentence marks": lambda text: "".join(
        piece if _EMAIL.fullmatch(piece) else _SENTENCE_MARKS.sub("", piece) for piece in _EMAIL.split(text)
    ),
    "in capitals": str.upper,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["dev", "test"], default="dev")
    args = parser.parse_args()
    rows = labelled_rows(CORPUS / f"{args.part}.csv")
    written = {text: opt_out_decide(text) for text, _ in rows}
    print(f"{args.part}: {len(rows)} replies")
    print(f"{'typed':<34}{'opt-outs':>9}{'stay yes':>10}{'held':>7}{'read no':>9}{'others':>8}{'false yes':>11}")
    for name, rewrite in WAYS.items():
        kept = held = missed = opt_outs = others = false_yes = 0
        examples: dict[str, list[str]] = {"read as no": [], "false yes": []}
        for text, label in rows:
            typed = rewrite(text)
            if typed == text:
                continue
            decision = opt_out_decide(typed)
            if label == "opt_out" and written[text] == OPT_OUT_YES:
                opt_outs += 1
                kept += decision == OPT_OUT_YES
                held += decision == OPT_OUT_UNCERTAIN
                if decision == OPT_OUT_NO:
                    missed += 1
                    examples["read as no"].append(typed)
            elif label != "opt_out" and written[text] != OPT_OUT_YES:
                others += 1
                if decision == OPT_OUT_YES:
                    false_yes += 1
                    examples["false yes"].append(typed)
        print(f"{name:<34}{opt_outs:>9}{kept:>10}{held:>7}{missed:>9}{others:>8}{false_yes:>11}")
        for kind, texts in examples.items():
            for typed in texts[:5]:
                print(f"    {kind}: {typed[:110]!r}")


if __name__ == "__main__":
    main()
