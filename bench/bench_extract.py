"""Score what stage 9 takes out of replies (e-mail, phone, extension, name, callback time) on a labelled set.

    python bench/bench_extract.py inbox/corpus/extract.csv [--errors]

The set's columns are ``text,email,phone,extension,name,callback``: what a careful person would note down from each
reply ("" when it gives none). ``callback`` is the local time the sender proposes ("YYYY-MM-DD HH:MM", or a date
alone), read as if the reply arrived on Tuesday 2026-03-10 at 10:15 on the sender's own clock. Each reply goes
through ``inbox.classification.classify`` and, for the callback, through ``inbox.replytimes.callback_in_reply``, as
stage 10 reads it for the call queue (``inbox.services.prioritize``).

Per field it prints how many values were expected and found, right (the expected value), wrong (another value),
missed (none found) and invented (a value where none was expected), then precision and recall. A date-only callback
counts as right when the date matches.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

FIELDS = ("email", "phone", "extension", "name", "callback")
ZONE = "America/Chicago"
NOW = datetime(2026, 3, 10, 10, 15, tzinfo=ZoneInfo(ZONE))


def found_values(text: str) -> dict[str, str]:
    """What the console takes out of one reply, in the set's notation."""
    from inbox.classification import classify
    from inbox.replytimes import callback_in_reply

    result = classify(text)
    extracted = result.extracted or {}
    moment = callback_in_reply(text, zone=ZONE, now=NOW)
    return {
        "email": (extracted.get("email") or "").lower(),
        "phone": extracted.get("phone") or "",
        "extension": extracted.get("phone_extension") or "",
        "name": extracted.get("name") or "",
        "callback": moment.strftime("%Y-%m-%d %H:%M") if moment else "",
    }


def same(field: str, expected: str, found: str) -> bool:
    if field == "name":
        return expected.lower().split() == found.lower().split() or (
            bool(found) and expected.lower().split()[:1] == found.lower().split()[:1]
        )
    if field == "callback" and len(expected) == 10:
        return found[:10] == expected
    return expected == found


def score(rows: list[dict]) -> tuple[dict[str, Counter], list[tuple]]:
    counts = {field: Counter() for field in FIELDS}
    errors = []
    for row in rows:
        got = found_values(row["text"])
        for field in FIELDS:
            expected, found = (row.get(field) or "").strip(), got[field]
            if field == "email":
                expected = expected.lower()
            tally = counts[field]
            if expected and found:
                outcome = "right" if same(field, expected, found) else "wrong"
            elif expected:
                outcome = "missed"
            elif found:
                outcome = "invented"
            else:
                outcome = "none"
            tally[outcome] += 1
            if outcome in ("wrong", "missed", "invented"):
                errors.append((field, outcome, expected, found, row["text"]))
    return counts, errors


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usdatabiz.settings")
    os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()
    with args.path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    counts, errors = score(rows)
    print(f"{len(rows)} replies ({args.path})")
    print(
        f"{'field':<10}{'expected':>9}{'right':>7}{'wrong':>7}{'missed':>8}{'invented':>10}{'precision':>11}{'recall':>8}"
    )
    for field in FIELDS:
        c = counts[field]
        expected = c["right"] + c["wrong"] + c["missed"]
        produced = c["right"] + c["wrong"] + c["invented"]
        precision = c["right"] / produced if produced else 1.0
        recall = c["right"] / expected if expected else 1.0
        print(
            f"{field:<10}{expected:>9}{c['right']:>7}{c['wrong']:>7}{c['missed']:>8}{c['invented']:>10}"
            f"{precision:>11.3f}{recall:>8.3f}"
        )
    if args.errors:
        print("\nerrors (field, outcome: expected | found: text)")
        for field, outcome, expected, found, text in errors:
            print(f"  {field} {outcome}: {expected!r} | {found!r}: {text[:150]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
