"""A list that is not only the project's own generator: its rows mixed with messy, real-world-like rows.

The messy rows come from Faker (names, companies, addresses and phones as people and other tools write
them: extensions, ``001-`` prefixes, ZIP+4, plus ``Inc``/``and Sons`` companies), a pool of which is
built once and then varied per row the way exported lists go wrong: full state names and odd
abbreviations, a lost leading zero in a ZIP, null markers (``N/A``, ``-``), Excel's scientific-notation
phones, vanity numbers, revenue and headcount ranges, ``Est. 1998``, accented names from Spanish and
German locales, quoted cells with commas and line breaks, stray whitespace, rows with an extra non-empty
field, blank lines, and a few rows saved as Windows-1252 inside a UTF-8 file.

    python bench/messy.py OUT.csv --rows 200000 [--messy-share 0.2] [--seed 7]
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import HEADER, generate_rows

POOL = 4000
STATE_SPELLINGS = {
    "TX": ["Texas", "tx", "Tex.", "TEXAS"],
    "CA": ["California", "Calif", "ca"],
    "NY": ["New York", "N.Y.", "ny"],
    "FL": ["Florida", "Fla", "fl"],
    "IL": ["Illinois", "Ill.", "il"],
    "WA": ["Washington", "Wash", "wa"],
    "PA": ["Pennsylvania", "Penna", "pa"],
    "DC": ["District of Columbia", "Washington DC", "D.C."],
}
EMPLOYEES = ["1 to 4", "5-9", "10 to 19", "20-49", "50 - 99", "100+", "1,000+", "N/A", "12", ""]
REVENUE = ["$500K", "$1-2.5 Million", "$2.5 to 5 Million", "Less than $500,000", "$1,135,051", "10MM", "-", ""]
YEARS = ["Est. 1998", "1987", "founded 2004", "2011.0", "n/a", ""]
SICS = ["1711", "1731", "742", "5812", "7389 - Business services", "0", "plumbing", ""]


def _pool(seed: int) -> list[dict]:
    from faker import Faker

    Faker.seed(seed)
    us, mx, de = Faker("en_US"), Faker("es_MX"), Faker("de_DE")
    people = []
    for i in range(POOL):
        accented = i % 9 == 0
        person = de if i % 18 == 0 else mx
        people.append(
            {
                "company": us.company(),
                "first": person.first_name() if accented else us.first_name(),
                "last": person.last_name() if accented else us.last_name(),
                "title": us.job()[:60],
                "email": us.email(),
                "phone": us.phone_number(),
                "street": us.street_address(),
                "city": us.city(),
                "state": us.state_abbr(include_territories=True),
                "zip": us.zipcode_plus4() if i % 3 == 0 else us.zipcode(),
                "domain": us.domain_name(),
            }
        )
    return people


def messy_row(p: dict, rng: random.Random) -> tuple[list[str], bool]:
    """Return one messy row (HEADER order) from a pool entry, and whether to save it as Windows-1252."""
    r = rng.random
    state = p["state"]
    if state in STATE_SPELLINGS and r() < 0.6:
        state = rng.choice(STATE_SPELLINGS[state])
    elif r() < 0.03:
        state = rng.choice(["Ontario", "ZZ", "Texass"])
    zip_code = p["zip"]
    if zip_code.startswith("0") and r() < 0.5:
        zip_code = zip_code[1:]  # a spreadsheet dropped the leading zero
    elif r() < 0.02:
        zip_code = rng.choice(["N/A", "1234567", ""])
    phone = p["phone"]
    pick = r()
    if pick < 0.05:
        digits = "".join(ch for ch in phone if ch.isdigit())[-10:]
        phone = f"{digits[0]}.{digits[1:]}E9" if len(digits) == 10 else phone
    elif pick < 0.07:
        phone = "1-800-FLOWERS"
    elif pick < 0.10:
        phone = rng.choice(["555-0143", "", "call office", "(000) 000-0000"])
    company = p["company"]
    if r() < 0.2:
        company = company.upper() if r() < 0.5 else f"  {company}, {rng.choice(['Inc.', 'LLC', 'L.L.C.', 'Corp'])}"
    address = p["street"]
    if r() < 0.05:
        address = f"{address}\nSuite {rng.randint(1, 900)}"  # a line break inside a quoted cell
    email = p["email"]
    if r() < 0.05:
        email = rng.choice([f"mailto:{email}", email.replace("@", " at "), "N/A"])
    cells = [
        company,
        "",
        p["first"] if r() > 0.02 else "",
        p["last"],
        p["title"] if r() > 0.1 else "-",
        email,
        phone,
        address,
        p["city"],
        state,
        zip_code,
        rng.choice(EMPLOYEES),
        rng.choice(REVENUE),
        rng.choice(YEARS),
        rng.choice(SICS),
        p["domain"],
    ]
    if r() < 0.004:
        cells.append("surprise")  # one field too many: a row error
    legacy = not (company + p["first"] + p["last"] + address).isascii() and r() < 0.1
    return cells, legacy


def write_mixed_csv(path, n: int, *, seed: int = 7, messy_share: float = 0.2) -> dict[str, int]:
    """Write ``n`` data rows: the project's generator with ``messy_share`` of messy rows mixed in."""
    rng = random.Random(seed)
    pool = _pool(seed)
    messy_every = max(1, round(1 / messy_share)) if messy_share > 0 else 0
    generated = generate_rows(n, seed)
    stats = {"rows": 0, "messy": 0, "cp1252_rows": 0, "blank_lines": 0}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    with open(path, "wb") as out:
        writer.writerow(HEADER)
        for i in range(n):
            legacy = False
            if messy_every and i % messy_every == 0:
                cells, legacy = messy_row(pool[int(rng.random() * POOL)], rng)
                stats["messy"] += 1
            else:
                cells, _ = next(generated)
            if legacy:  # this row alone in Windows-1252
                out.write(buffer.getvalue().encode("utf-8"))
                buffer.seek(0)
                buffer.truncate()
                writer.writerow(cells)
                text = buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
                try:
                    out.write(text.encode("cp1252"))
                    stats["cp1252_rows"] += 1
                except UnicodeEncodeError:
                    out.write(text.encode("utf-8"))
            else:
                writer.writerow(cells)
            stats["rows"] += 1
            if rng.random() < 0.0005:
                buffer.write("\r\n")
                stats["blank_lines"] += 1
            if buffer.tell() > 1 << 20:
                out.write(buffer.getvalue().encode("utf-8"))
                buffer.seek(0)
                buffer.truncate()
        out.write(buffer.getvalue().encode("utf-8"))
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--messy-share", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    print(write_mixed_csv(args.out, args.rows, seed=args.seed, messy_share=args.messy_share))
    return 0


if __name__ == "__main__":
    sys.exit(main())
