"""A black-box probe of CSV ingestion with files the way real tools and people make them.

Each case writes one small file (Excel "CSV UTF-8" and plain "CSV", Google Sheets, Numbers, CRM exports with
their own header names, UTF-16 "Unicode Text", files that are not CSV at all, ...), runs it through the
``ingest`` command (``--inline --json``, the path the shell uses) and compares what was loaded with what the
README section "Stages 1-2" promises (``basis = spec``) or what a user of the file would expect where the
README says nothing (``basis = user``). It prints one line per case and the details of every difference.

    DEBUG=1 DATABASE_URL=postgres://.../db .venv/bin/python bench/ingest_probe.py [--team probe] [--out DIR]
        [-k NAME] [--verbose]

The files are kept under ``--out`` (default /tmp/ingestprobe) to be opened by hand. Every run stores new
files in a new team per case (``--team`` is the prefix of their slugs), so it can be run again on the same
database.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import io
import json
import os
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.generate import HEADER  # noqa: E402  (the USDataBiz columns, in their order)

COMPANIES = [
    "Hill Country Plumbing",
    "Lone Star Dental",
    "Bluebonnet Bakery",
    "Pecan Street Realty",
    "Barton Creek Landscaping",
    "Congress Ave Law Group",
    "Riverside Auto Repair",
    "Capitol Roofing",
    "Zilker Yoga Studio",
    "Mopac Insurance Agency",
    "Eastside Coffee Roasters",
    "Travis Heights Pediatrics",
]
FIRST = [
    "Jane",
    "Robert",
    "Maria",
    "David",
    "Linda",
    "James",
    "Patricia",
    "Michael",
    "Susan",
    "William",
    "Karen",
    "Tom",
]
LAST = ["Doe", "Smith", "Garcia", "Johnson", "Brown", "Miller", "Davis", "Wilson", "Moore", "Taylor", "Clark", "Lee"]


def rec(i: int, **over: str) -> dict[str, str]:
    """Data row ``i`` (0-based) of a clean list: a distinct company, person and phone per row."""
    row = {
        "Company Name": COMPANIES[i % len(COMPANIES)] + ("" if i < len(COMPANIES) else f" {i}"),
        "DBA": "",
        "First Name": FIRST[i % len(FIRST)],
        "Last Name": LAST[i % len(LAST)],
        "Title": "Owner",
        "Email": f"{FIRST[i % len(FIRST)].lower()}{i}@example.com",
        "Phone Number": f"(512) 555-{100 + i:04d}",
        "Street Address": f"{100 + i} Congress Ave",
        "City": "Austin",
        "State": "TX",
        "ZIP Code": "78701",
        "Employees": "12",
        "Annual Revenue": "1500000",
        "Year Founded": "1998",
        "SIC Code": "7372",
        "Website": "example.com",
    }
    row.update(over)
    return row


def table(
    rows: list[dict[str, str]] | list[list[str]],
    header: list[str] | None = None,
    *,
    delimiter: str = ",",
    eol: str = "\r\n",
    quoting: int = csv.QUOTE_MINIMAL,
    rename: dict[str, str] | None = None,
) -> str:
    """The text of a delimited file: ``rows`` as dicts keyed by HEADER names (``header`` picks and orders
    them, ``rename`` changes their written names) or as lists written as they are."""
    header = header or HEADER
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=eol, quoting=quoting)
    writer.writerow([(rename or {}).get(h, h) for h in header])
    for row in rows:
        writer.writerow([row.get(h, "") for h in header] if isinstance(row, dict) else row)
    return out.getvalue()


def xlsx_bytes() -> bytes:
    """A minimal but genuine XLSX workbook (what "Save as Excel Workbook" then "rename to .csv" gives)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        cells = "".join(f'<c t="inlineStr"><is><t>{h}</t></is></c>' for h in HEADER)
        z.writestr(
            "xl/worksheets/sheet1.xml",
            '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            f'spreadsheetml/2006/main"><sheetData><row>{cells}</row></sheetData></worksheet>',
        )
    return buf.getvalue()


# -- cases -------------------------------------------------------------------------------------------------


@dataclass
class Case:
    name: str
    made_by: str
    data: bytes
    status: str
    basis: str = "spec"
    code: str | set[str] | None = None  # the file's error code (failed files)
    personas: int | None = None
    businesses: int | None = None
    failures: dict[str, int] | None = None  # row failures by code, exactly (None: not checked)
    checks: list[tuple[str, Callable[[Ctx], Any], Any]] = field(default_factory=list)
    message_has: list[str] = field(default_factory=list)  # words the file's error message must contain


@dataclass
class Ctx:
    result: dict

    @property
    def file(self) -> str:
        return self.result.get("file") or ""

    def personas(self):
        from identity.models import Persona

        return list(Persona.objects.filter(source_file=self.file).order_by("source_record_id"))

    def businesses(self):
        from identity.models import Business

        return list(Business.objects.filter(source_file=self.file).order_by("source_record_id"))

    def col(self, attr: str) -> list:
        return [getattr(p, attr) for p in self.personas()]

    def bcol(self, attr: str) -> list:
        return [getattr(b, attr) for b in self.businesses()]

    def phones(self) -> list[list[str]]:
        from identity.models import PersonaPhone

        out = []
        for p in self.personas():
            nums = (
                PersonaPhone.objects.filter(persona_id=p.pk).order_by("id").values_list("normalized_number", flat=True)
            )
            out.append(list(nums))
        return out

    def emails(self) -> list[list[str]]:
        from identity.models import PersonaEmail

        out = []
        for p in self.personas():
            out.append(
                list(PersonaEmail.objects.filter(persona_id=p.pk).order_by("id").values_list("email", flat=True))
            )
        return out

    def failures(self) -> list[tuple[int | None, str, str]]:
        from usdatabiz.core.models import StageFailure

        rows = StageFailure.objects.filter(source_file=self.file).order_by("source_row", "code")
        return [(f.source_row, f.code, f.field) for f in rows]


def utf8_bom(text: str) -> bytes:
    return codecs.BOM_UTF8 + text.encode("utf-8")


def cases() -> list[Case]:
    c: list[Case] = []
    five = [rec(i) for i in range(5)]

    # 1. Excel "CSV UTF-8": BOM, CRLF, accented names.
    rows = [rec(0, **{"First Name": "José", "Last Name": "Núñez"}), *[rec(i) for i in range(1, 6)]]
    c.append(
        Case(
            "excel_utf8_bom",
            'Excel "CSV UTF-8 (Comma delimited)"',
            utf8_bom(table(rows)),
            "completed",
            personas=6,
            businesses=6,
            failures={},
            checks=[("first names", lambda x: x.col("first_name")[:2], ["José", "Robert"])],
        )
    )
    # 2. Excel plain "CSV": Windows-1252 throughout.
    rows = [
        rec(0, **{"First Name": "Renée", "Last Name": "Müller", "Company Name": "Café Olé"}),
        *[rec(i) for i in range(1, 5)],
    ]
    c.append(
        Case(
            "excel_cp1252",
            'Excel "CSV (Comma delimited)" on Windows',
            table(rows).encode("cp1252"),
            "completed",
            personas=5,
            businesses=5,
            failures={},
            checks=[
                ("name", lambda x: (x.col("first_name")[0], x.col("last_name")[0]), ("Renée", "Müller")),
                ("company", lambda x: x.bcol("name")[0], "Café Olé"),
            ],
        )
    )
    # 3. Google Sheets: UTF-8, CRLF, no newline after the last row.
    c.append(
        Case(
            "google_sheets",
            "Google Sheets File > Download > CSV",
            table(five).rstrip("\r\n").encode(),
            "completed",
            personas=5,
            businesses=5,
            failures={},
        )
    )
    # 4. Numbers (European locale): semicolons, LF.
    c.append(
        Case(
            "numbers_semicolon",
            "Numbers export, German locale (semicolons)",
            table(five, delimiter=";", eol="\n").encode(),
            "completed",
            personas=5,
            businesses=5,
            failures={},
            checks=[("zip", lambda x: x.col("zip5"), ["78701"] * 5)],
        )
    )
    # 5. Tab-delimited text saved as .csv.
    c.append(
        Case(
            "tab_delimited",
            "Excel Text (Tab delimited) renamed .csv",
            table(five, delimiter="\t").encode(),
            "completed",
            personas=5,
            businesses=5,
            failures={},
        )
    )
    # 6. Pipe-delimited database dump.
    c.append(
        Case(
            "pipe_delimited",
            "database dump, pipe delimited",
            table(five, delimiter="|", eol="\n").encode(),
            "completed",
            personas=5,
            businesses=5,
            failures={},
        )
    )
    # 7. Excel "Unicode Text": UTF-16 LE with BOM, tabs.
    rows = [rec(0, **{"First Name": "Zoë", "Last Name": "Ångström"}), *[rec(i) for i in range(1, 5)]]
    c.append(
        Case(
            "excel_unicode_text",
            'Excel "Unicode Text" (UTF-16 LE, BOM, tabs)',
            codecs.BOM_UTF16_LE + table(rows, delimiter="\t").encode("utf-16-le"),
            "completed",
            personas=5,
            businesses=5,
            failures={},
            checks=[("name", lambda x: x.col("last_name")[0], "Ångström")],
        )
    )
    # 8. UTF-16 whose BOM was lost (copied by a tool that strips it).
    c.append(
        Case(
            "utf16_no_bom",
            "UTF-16 LE without BOM",
            table(five, delimiter="\t").encode("utf-16-le"),
            "completed",
            personas=5,
            businesses=5,
            failures={},
        )
    )
    # 9. Old Excel for Mac "CSV (Macintosh)": CR line endings.
    c.append(
        Case(
            "mac_cr_endings",
            'Excel for Mac "CSV (Macintosh)", CR only',
            table(five, eol="\r").encode("mac_roman"),
            "completed",
            basis="user",
            personas=5,
            businesses=5,
            failures={},
        )
    )
    # 10. Salesforce contacts report.
    sf_header = [
        "Account Name",
        "First Name",
        "Last Name",
        "Title",
        "Email",
        "Phone",
        "Mobile Phone",
        "Mailing Street",
        "Mailing City",
        "Mailing State/Province",
        "Mailing Zip/Postal Code",
    ]
    sf_rows = [
        [
            COMPANIES[i],
            FIRST[i],
            LAST[i],
            "CEO",
            f"p{i}@example.com",
            f"(512) 555-{200 + i:04d}",
            f"(737) 555-{300 + i:04d}",
            f"{i} Main St",
            "Austin",
            "TX",
            "78701",
        ]
        for i in range(6)
    ]
    c.append(
        Case(
            "salesforce_contacts",
            "Salesforce contacts report export",
            table(sf_rows, sf_header).encode(),
            "completed",
            basis="user",
            personas=6,
            businesses=6,
            failures={"MISSING_SIC": 6},
            checks=[("both phones", lambda x: x.phones()[0], ["5125550200", "7375550300"])],
        )
    )
    # 11. HubSpot contacts export.
    hs_header = [
        "Record ID",
        "First Name",
        "Last Name",
        "Email",
        "Phone Number",
        "Company name",
        "Street Address",
        "City",
        "State/Region",
        "Postal Code",
        "Job Title",
        "Contact owner",
    ]
    hs_rows = [
        [
            str(9000 + i),
            FIRST[i],
            LAST[i],
            f"h{i}@example.com",
            f"+1 512-555-{400 + i:04d}",
            COMPANIES[i],
            f"{i} Oak St",
            "Boston",
            "Massachusetts",
            "02134",
            "Manager",
            "Sam Rep",
        ]
        for i in range(5)
    ]
    c.append(
        Case(
            "hubspot_contacts",
            "HubSpot contacts export",
            table(hs_rows, hs_header).encode(),
            "completed",
            basis="user",
            personas=5,
            businesses=5,
            failures={"MISSING_SIC": 5},
            checks=[
                ("state, zip", lambda x: (x.col("state")[0], x.col("zip5")[0]), ("MA", "02134")),
                ("title", lambda x: x.col("title")[0], "Manager"),
            ],
        )
    )
    # 12. ZoomInfo export.
    zi_header = [
        "ZoomInfo Contact ID",
        "First Name",
        "Last Name",
        "Job Title",
        "Direct Phone Number",
        "Email Address",
        "Company Name",
        "Company Street Address",
        "Company City",
        "Company State",
        "Company Zip Code",
        "Employees",
        "Revenue (in 000s USD)",
        "SIC Code 1",
        "Website",
    ]
    zi_rows = [
        [
            str(100 + i),
            FIRST[i],
            LAST[i],
            "Owner",
            f"512.555.{500 + i:04d}",
            f"z{i}@example.com",
            COMPANIES[i],
            "1 Elm St",
            "Austin",
            "TX",
            "78701",
            "25",
            "3500",
            "1711",
            "x.com",
        ]
        for i in range(5)
    ]
    c.append(
        Case(
            "zoominfo_export",
            "ZoomInfo export",
            table(zi_rows, zi_header).encode(),
            "completed",
            basis="user",
            personas=5,
            businesses=5,
            failures={},
            checks=[
                ("phone", lambda x: x.phones()[0], ["5125550500"]),
                ("email", lambda x: x.emails()[0], ["z0@example.com"]),
                ("sic", lambda x: x.bcol("sic_code")[0], "1711"),
            ],
        )
    )
    # 13. Hand-made sheet with short header names.
    short = ["Company", "First", "Last", "Phone #", "E-mail Address", "Address", "City", "St", "Zip", "SIC"]
    rows = [
        [
            COMPANIES[i],
            FIRST[i],
            LAST[i],
            f"512 555 {600 + i:04d}",
            f"s{i}@example.com",
            "1 A St",
            "Austin",
            "TX",
            "78701",
            "7372",
        ]
        for i in range(5)
    ]
    c.append(
        Case(
            "short_headers",
            "hand-made sheet: Company, First, Last, Phone #, E-mail Address, St, Zip",
            table(rows, short).encode(),
            "completed",
            basis="user",
            personas=5,
            businesses=5,
            failures={},
            checks=[("email", lambda x: x.emails()[0], ["s0@example.com"])],
        )
    )
    # 14. Header spelled with odd case and punctuation.
    odd = {
        "Company Name": " company_name ",
        "First Name": "FIRST-NAME",
        "Last Name": "last.name",
        "Phone Number": "Phone_Number",
        "ZIP Code": "zip code",
        "State": "STATE",
        "SIC Code": "sic-code",
    }
    c.append(
        Case(
            "odd_header_spelling",
            "header in capitals, underscores, dots",
            table(five, rename=odd).encode(),
            "completed",
            personas=5,
            businesses=5,
            failures={},
        )
    )
    # 15. One "Full Name" column with honorifics, credentials, suffixes, "Last, First", capitals.
    fn_header = ["Company Name", "Full Name", "Phone Number", "State", "ZIP Code", "SIC Code"]
    full_names = ["Dr. Jane A. Smith, MD", "Smith, John", "ROBERT O'BRIEN JR.", "María José García", "Mr. Tom Lee III"]
    rows = [[COMPANIES[i], n, f"512555{700 + i:04d}", "TX", "78701", "7372"] for i, n in enumerate(full_names)]
    c.append(
        Case(
            "full_name_column",
            'CRM export with a single "Full Name" column',
            table(rows, fn_header).encode(),
            "completed",
            personas=5,
            businesses=5,
            failures={},
            checks=[
                (
                    "first/last",
                    lambda x: list(zip(x.col("first_name"), x.col("last_name"), strict=True)),
                    [
                        ("Jane A.", "Smith"),
                        ("John", "Smith"),
                        ("Robert", "O'Brien Jr."),
                        ("María José", "García"),
                        ("Tom", "Lee III"),
                    ],
                )
            ],
        )
    )
    # 16. One "Contact" column holding the name.
    ct_header = ["Company Name", "Contact", "Phone Number", "State", "ZIP Code", "SIC Code"]
    rows = [[COMPANIES[i], f"{FIRST[i]} {LAST[i]}", f"512555{800 + i:04d}", "TX", "78701", "7372"] for i in range(5)]
    c.append(
        Case(
            "contact_column",
            'list with a "Contact" name column',
            table(rows, ct_header).encode(),
            "completed",
            basis="user",
            personas=5,
            businesses=5,
            failures={},
            checks=[("first/last", lambda x: (x.col("first_name")[0], x.col("last_name")[0]), ("Jane", "Doe"))],
        )
    )
    # 17. Columns in another order, plus extra columns.
    order = [
        "ZIP Code",
        "State",
        "Phone Number",
        "Last Name",
        "First Name",
        "Company Name",
        "SIC Code",
        "Lead Source",
        "Notes",
    ]
    rows = [rec(i, **{"Lead Source": "Trade show", "Notes": f"call back {i}"}) for i in range(5)]
    c.append(
        Case(
            "reordered_extra_columns",
            "columns reordered by hand, two extra columns",
            table(rows, order).encode(),
            "completed",
            personas=5,
            businesses=5,
            failures={},
            checks=[
                (
                    "extra kept",
                    lambda x: x.personas()[0].source_extra,
                    {"Lead Source": "Trade show", "Notes": "call back 0"},
                ),
                ("names", lambda x: (x.col("first_name")[0], x.col("last_name")[0]), ("Jane", "Doe")),
            ],
        )
    )
    # 18. Duplicated header name: two "Phone Number" columns (office, then cell).
    dup = ["Company Name", "First Name", "Last Name", "Phone Number", "Phone Number", "State", "ZIP Code", "SIC Code"]
    rows = [
        [
            COMPANIES[i],
            FIRST[i],
            LAST[i],
            "" if i == 0 else f"512555{900 + i:04d}",
            f"737555{900 + i:04d}",
            "TX",
            "78701",
            "7372",
        ]
        for i in range(5)
    ]
    c.append(
        Case(
            "duplicate_header_names",
            'two columns both named "Phone Number"',
            table(rows, dup).encode(),
            "completed",
            basis="user",
            personas=5,
            businesses=5,
            failures={},
            checks=[("row 1 phone (first column empty)", lambda x: x.phones()[0], ["7375550900"])],
        )
    )
    # 19. Optional columns missing (no DBA, Title, Website, Employees...).
    opt = ["Company Name", "First Name", "Last Name", "Phone Number", "State", "ZIP Code", "SIC Code"]
    c.append(
        Case(
            "missing_optional_columns",
            "only the required columns and SIC",
            table(five, opt).encode(),
            "completed",
            personas=5,
            businesses=5,
            failures={},
        )
    )
    # 20. Required column missing.
    noz = ["Company Name", "First Name", "Last Name", "Phone Number", "State", "SIC Code"]
    c.append(
        Case(
            "missing_zip_column",
            "ZIP column deleted",
            table(five, noz).encode(),
            "failed",
            code="MISSING_COLUMNS",
            personas=0,
            businesses=0,
            message_has=["zip"],
        )
    )
    # 21. Title and a date above the header (header on line 3).
    text = "Austin Chamber Members Export,,,\r\nGenerated 2026-11-30,,,\r\n" + table(five)
    c.append(
        Case(
            "header_on_line_3",
            "report with a title and a date above the header",
            text.encode(),
            "completed",
            personas=5,
            businesses=5,
            failures={},
            checks=[("record ids", lambda x: x.col("source_record_id"), [1, 2, 3, 4, 5])],
        )
    )
    # 22. Totals footer.
    text = table(five) + ",,,,,,,,,,,,,,,\r\nTotal: 5 records,,,,,,,,,,,,,,,\r\n"
    c.append(
        Case(
            "totals_footer",
            "report with a blank line and a totals footer",
            text.encode(),
            "completed",
            personas=5,
            businesses=5,
            failures={"CSV_PARSE_ERROR": 1},
        )
    )
    # 23. Blank lines between rows (including lines of only commas).
    lines = table(five).split("\r\n")
    text = "\r\n".join([lines[0], "", lines[1], lines[2], ",,,,,,,,,,,,,,,", "", lines[3], lines[4], lines[5], "", ""])
    c.append(
        Case(
            "blank_lines",
            "blank lines and comma-only lines between rows",
            text.encode(),
            "completed",
            personas=5,
            businesses=5,
            failures={},
        )
    )
    # 24. Quoted cells with commas, line breaks, escaped quotes.
    rows = [
        rec(0, **{"Company Name": 'Smith, Jones & "Partners"', "Street Address": "100 Main St\nSuite 200"}),
        rec(1, **{"Title": 'Owner, "Chief" Plumber'}),
        *[rec(i) for i in range(2, 5)],
    ]
    c.append(
        Case(
            "quoted_cells",
            "quoted cells with commas, newlines, doubled quotes",
            table(rows).encode(),
            "completed",
            personas=5,
            businesses=5,
            failures={},
            checks=[
                ("company", lambda x: x.bcol("name")[0], 'Smith, Jones & "Partners"'),
                ("title", lambda x: x.col("title")[1], 'Owner, "Chief" Plumber'),
                ("record ids", lambda x: x.col("source_record_id"), [1, 2, 3, 4, 5]),
            ],
        )
    )
    # 25. Trailing delimiter on every line, header included.
    text = "".join(line + ",\r\n" for line in table(five).split("\r\n") if line)
    c.append(
        Case(
            "trailing_delimiter_all",
            "every line ends with a comma",
            text.encode(),
            "completed",
            personas=5,
            businesses=5,
            failures={},
        )
    )
    # 26. Trailing delimiter on data rows only.
    lines = [line for line in table(five).split("\r\n") if line]
    text = lines[0] + "\r\n" + "".join(line + ",\r\n" for line in lines[1:])
    c.append(
        Case(
            "trailing_delimiter_rows",
            "data rows end with an empty extra field",
            text.encode(),
            "completed",
            basis="user",
            personas=5,
            businesses=5,
            failures={},
        )
    )
    # 27. Phones as exports write them.
    phones = [
        "5.125550143E+09",
        "+1 (512) 555-0144 ext 12",
        "512-555-0145 / 512-555-0146",
        "(512) 555-0147; 512.555.0148",
        "512/555/0149",
        "1-512-555-0150 x204",
        "512-555-0151 or 737-555-0152 ext. 9",
        "N/A",
        "555-0153",
    ]
    rows = [rec(i, **{"Phone Number": p}) for i, p in enumerate(phones)]
    c.append(
        Case(
            "phones_messy",
            "phones: scientific notation, +1, extensions, two per cell",
            table(rows).encode(),
            "completed",
            personas=9,
            businesses=9,
            # "N/A" reads as an empty phone: INVALID_PHONE "The phone number is empty." (MISSING_VALUE is for a row
            # without a company or without any contact name, phone and e-mail).
            failures={"INVALID_PHONE": 2},
            checks=[
                (
                    "numbers",
                    lambda x: x.phones()[:7],
                    [
                        ["5125550143"],
                        ["5125550144"],
                        ["5125550145", "5125550146"],
                        ["5125550147", "5125550148"],
                        ["5125550149"],
                        ["5125550150"],
                        ["5125550151", "7375550152"],
                    ],
                )
            ],
        )
    )
    # 28. ZIPs as spreadsheets leave them.
    zips = [
        ("2134", "MA"),
        ("501", "NY"),
        ("123", "TX"),
        ("78701-1234", "TX"),
        ("78701 - 1234", "TX"),
        ('="02134"', "MA"),
        ("'02134", "MA"),
        ("7030", "NJ"),
        ("787011234", "TX"),
    ]
    rows = [rec(i, **{"ZIP Code": z, "State": s}) for i, (z, s) in enumerate(zips)]
    c.append(
        Case(
            "zips_messy",
            "ZIPs that lost zeros, ZIP+4, Excel text formulas",
            table(rows).encode(),
            "completed",
            personas=9,
            businesses=9,
            failures={"INVALID_ZIP": 1},
            checks=[
                (
                    "zip5",
                    lambda x: x.bcol("zip5"),
                    ["02134", "00501", "", "78701", "78701", "02134", "02134", "07030", "78701"],
                ),
                ("zip4", lambda x: x.bcol("zip4")[3:5] + x.bcol("zip4")[8:], ["1234", "1234", "1234"]),
            ],
        )
    )
    # 29. States spelled every way.
    states = ["Texas", "n. carolina", "So. Dakota", "Calif.", "Penn.", "TEXAS", "Tex.", "Washington DC", "XX", "tx "]
    rows = [rec(i, **{"State": s}) for i, s in enumerate(states)]
    c.append(
        Case(
            "states_messy",
            "state names, odd abbreviations, one unknown",
            table(rows).encode(),
            "completed",
            personas=10,
            businesses=10,
            failures={"UNKNOWN_STATE": 1},
            checks=[("states", lambda x: x.col("state"), ["TX", "NC", "SD", "CA", "PA", "TX", "TX", "DC", "", "TX"])],
        )
    )
    # 30. Names typed in capitals, Dr./Jr./MD in separate name columns.
    names = [
        ("JANE", "O'BRIEN"),
        ("ROBERT", "MCDONALD"),
        ("Dr. Maria", "Garcia, MD"),
        ("David", "Johnson Jr."),
        ("LINDA", "VAN DER BERG"),
    ]
    rows = [rec(i, **{"First Name": f, "Last Name": ln}) for i, (f, ln) in enumerate(names)]
    c.append(
        Case(
            "names_capitals_titles",
            "names in capitals, Dr./MD/Jr. in the name columns",
            table(rows).encode(),
            "completed",
            basis="user",
            personas=5,
            businesses=5,
            failures={},
            checks=[
                (
                    "names",
                    lambda x: list(zip(x.col("first_name"), x.col("last_name"), strict=True)),
                    [
                        ("Jane", "O'Brien"),
                        ("Robert", "McDonald"),
                        ("Maria", "Garcia"),
                        ("David", "Johnson Jr."),
                        ("Linda", "Van Der Berg"),
                    ],
                )
            ],
        )
    )
    # 31. E-mails as people paste them.
    emails = [
        "Jane Doe <Jane.Doe@Acme.com>",
        "mailto:bob@example.com",
        "maria@example.com.",
        "david@example.com; d.j@example.com",
        "not-an-email",
        "N/A",
        " LINDA@EXAMPLE.COM ",
    ]
    rows = [rec(i, **{"Email": e}) for i, e in enumerate(emails)]
    c.append(
        Case(
            "emails_messy",
            "e-mails with display names, mailto:, punctuation, two per cell",
            table(rows).encode(),
            "completed",
            personas=7,
            businesses=7,
            failures={"INVALID_EMAIL": 1},
            checks=[
                (
                    "emails",
                    lambda x: x.emails(),
                    [
                        ["jane.doe@acme.com"],
                        ["bob@example.com"],
                        ["maria@example.com"],
                        ["david@example.com"],
                        [],
                        [],
                        ["linda@example.com"],
                    ],
                )
            ],
        )
    )
    # 32. Placeholders in optional cells.
    rows = [
        rec(
            0,
            **{
                "DBA": "NULL",
                "Title": "N/A",
                "Employees": "N/A",
                "Annual Revenue": "-",
                "Year Founded": "NULL",
                "City": "-",
            },
        ),
        rec(1, **{"DBA": "-", "Title": "NULL", "Employees": "-", "Annual Revenue": "N/A", "Website": "N/A"}),
        *[rec(i) for i in range(2, 5)],
    ]
    c.append(
        Case(
            "placeholders",
            "N/A, -, NULL in optional cells",
            table(rows).encode(),
            "completed",
            basis="user",
            personas=5,
            businesses=5,
            failures={},
            checks=[
                ("titles", lambda x: x.col("title")[:2], ["", ""]),
                ("dba", lambda x: x.bcol("dba")[:2], ["", ""]),
                ("city", lambda x: x.bcol("city")[0], ""),
                ("employees", lambda x: x.bcol("employees")[:3], [None, None, 12]),
            ],
        )
    )
    # 33. Numbers formatted by Excel.
    rows = [
        rec(0, **{"Employees": "1,200", "Annual Revenue": "$1,500,000", "Year Founded": "1998.0"}),
        rec(1, **{"Employees": "45", "Annual Revenue": "$2.5M", "SIC Code": "7372.0"}),
        *[rec(i) for i in range(2, 5)],
    ]
    c.append(
        Case(
            "excel_formatted_numbers",
            "thousands separators, currency, 1998.0",
            table(rows).encode(),
            "completed",
            basis="user",
            personas=5,
            businesses=5,
            failures={},
            checks=[
                ("employees", lambda x: x.bcol("employees")[:2], [1200, 45]),
                ("revenue", lambda x: x.bcol("revenue")[:2], [1500000, 2500000]),
                ("year", lambda x: x.bcol("year_founded")[0], 1998),
                ("sic", lambda x: x.bcol("sic_code")[1], "7372"),
            ],
        )
    )
    # 34. Rows with fewer and more fields.
    lines = [line for line in table([rec(i) for i in range(6)]).split("\r\n") if line]
    lines[2] = ",".join(lines[2].split(",")[:10])  # short row
    lines[4] = lines[4] + ",surplus,more"  # long row
    c.append(
        Case(
            "ragged_rows",
            "one row with too few fields, one with too many",
            ("\r\n".join(lines) + "\r\n").encode(),
            "completed",
            personas=4,
            businesses=4,
            failures={"CSV_PARSE_ERROR": 2},
        )
    )
    # 35. Same person twice.
    c.append(
        Case(
            "same_person_twice",
            "one row pasted twice",
            table([rec(0), rec(1), rec(0), rec(2)]).encode(),
            "completed",
            personas=4,
            businesses=3,
            failures={"DUPLICATE_BUSINESS": 1},
        )
    )
    # 36. A UTF-8 file with a few rows saved by Windows.
    text = table([rec(0, **{"First Name": "José"}), *[rec(i) for i in range(1, 4)]])
    body = text.encode("utf-8") + table([rec(4, **{"Company Name": "Café Olé"})])[len(",".join(HEADER)) + 2 :].encode(
        "cp1252"
    )
    c.append(
        Case(
            "utf8_with_cp1252_row",
            "UTF-8 file with one row appended by a Windows tool",
            body,
            "completed",
            personas=5,
            businesses=5,
            failures={"ENCODING_FALLBACK": 1},
            checks=[("company", lambda x: x.bcol("name")[-1], "Café Olé")],
        )
    )
    # 37. Unclosed quote.
    text = table(five) + '"Broken Co,Jane,Doe,,,,5125550199,,,TX,78701,,,,7372,\r\n'
    c.append(
        Case(
            "unclosed_quote",
            "a row with an opening quote never closed",
            text.encode(),
            "failed",
            code="CSV_PARSE_ERROR",
            personas=0,
            businesses=0,
            message_has=["row"],
        )
    )
    # 38. Empty (whitespace only), header only, 0 bytes.
    c.append(
        Case(
            "empty_lines_only",
            "a file of blank lines",
            b"\r\n\r\n\r\n",
            "failed",
            basis="user",
            code={"CSV_PARSE_ERROR", "MISSING_COLUMNS"},
            personas=0,
            businesses=0,
        )
    )
    c.append(
        Case(
            "header_only",
            "the header and no rows",
            table([]).encode(),
            "completed",
            basis="user",
            personas=0,
            businesses=0,
            failures={},
        )
    )
    c.append(
        Case(
            "zero_bytes",
            "a 0-byte upload",
            b"",
            "failed",
            basis="user",
            code={"CSV_PARSE_ERROR", "MISSING_COLUMNS"},
            personas=0,
            businesses=0,
            message_has=["empty"],
        )
    )
    # 39. Not CSV at all.
    c.append(
        Case(
            "xlsx_renamed",
            "an Excel workbook renamed .csv",
            xlsx_bytes(),
            "failed",
            code="CSV_PARSE_ERROR",
            personas=0,
            businesses=0,
            message_has=["excel"],
        )
    )
    html = "<!DOCTYPE html>\n<html><head><title>Export</title></head><body><table>\n" + "".join(
        f"<tr><td>{COMPANIES[i]}</td><td>{FIRST[i]}</td></tr>\n" for i in range(5)
    )
    html += "</table></body></html>\n"
    c.append(
        Case(
            "html_renamed",
            "a web page saved as .csv",
            html.encode(),
            "failed",
            basis="user",
            code={"CSV_PARSE_ERROR", "MISSING_COLUMNS"},
            personas=0,
            businesses=0,
            message_has=["html"],
        )
    )
    # 40. Everything quoted, Excel's ="..." on the phone and ZIP.
    rows = [rec(i, **{"Phone Number": f'="512555{i:04d}"', "ZIP Code": '="02134"', "State": "MA"}) for i in range(5)]
    c.append(
        Case(
            "all_quoted_excel_formulas",
            'every cell quoted; ="..." on phone and ZIP',
            table(rows, quoting=csv.QUOTE_ALL).encode(),
            "completed",
            personas=5,
            businesses=5,
            failures={},
            checks=[("phone", lambda x: x.phones()[0], ["5125550000"]), ("zip", lambda x: x.col("zip5")[0], "02134")],
        )
    )
    # 41. Excel's "sep=" hint line above a semicolon file.
    c.append(
        Case(
            "excel_sep_hint",
            'a "sep=;" first line (Excel reads and writes it)',
            ("sep=;\r\n" + table(five, delimiter=";")).encode(),
            "completed",
            basis="user",
            personas=5,
            businesses=5,
            failures={},
        )
    )
    # 42. European Excel: Windows-1252 with semicolons.
    rows = [rec(0, **{"Last Name": "Müller", "City": "Köln"}), *[rec(i) for i in range(1, 5)]]
    c.append(
        Case(
            "excel_semicolon_cp1252",
            "Excel on a German Windows: ';' and Windows-1252",
            table(rows, delimiter=";").encode("cp1252"),
            "completed",
            personas=5,
            businesses=5,
            failures={},
            checks=[("last", lambda x: x.col("last_name")[0], "Müller")],
        )
    )
    # 43. Two exports pasted together: the header repeats in the middle.
    lines = [line for line in table([rec(i) for i in range(3)]).split("\r\n") if line]
    more = [line for line in table([rec(i) for i in range(3, 5)]).split("\r\n") if line]
    c.append(
        Case(
            "repeated_header_midfile",
            "two exports concatenated, the second header kept",
            ("\r\n".join(lines + more) + "\r\n").encode(),
            "completed",
            basis="user",
            personas=5,
            businesses=5,
            checks=[("last names", lambda x: x.col("last_name"), ["Doe", "Smith", "Garcia", "Johnson", "Brown"])],
        )
    )
    # 44. pandas with missing values: numbers written as floats.
    rows = [
        rec(
            i,
            **{
                "ZIP Code": "78701.0",
                "Phone Number": f"512555{i:04d}.0",
                "Year Founded": "1998.0",
                "Employees": "12.0",
            },
        )
        for i in range(5)
    ]
    c.append(
        Case(
            "pandas_float_cells",
            "pandas to_csv of a frame with NaNs: 78701.0, 5125550000.0",
            table(rows, eol="\n").encode(),
            "completed",
            basis="user",
            personas=5,
            businesses=5,
            failures={},
            checks=[
                ("zip", lambda x: x.col("zip5")[0], "78701"),
                ("phone", lambda x: x.phones()[0], ["5125550000"]),
                ("employees", lambda x: x.bcol("employees")[0], 12),
            ],
        )
    )
    # 45. Accented names in capitals.
    rows = [
        rec(0, **{"First Name": "JOSÉ", "Last Name": "NÚÑEZ"}),
        rec(1, **{"First Name": "ÉMILIE", "Last Name": "D'ARCY"}),
        *[rec(i) for i in range(2, 5)],
    ]
    c.append(
        Case(
            "accented_capitals",
            "accented names typed in capitals",
            utf8_bom(table(rows)),
            "completed",
            personas=5,
            businesses=5,
            failures={},
            checks=[
                (
                    "names",
                    lambda x: list(zip(x.col("first_name"), x.col("last_name"), strict=True))[:2],
                    [("José", "Núñez"), ("Émilie", "D'Arcy")],
                )
            ],
        )
    )
    # 46. Non-breaking spaces in the header (pasted from a web page).
    nb = {"ZIP Code": "ZIP\u00a0Code", "Phone Number": "Phone\u00a0Number", "Company Name": "Company Name\u00a0"}
    c.append(
        Case(
            "nbsp_header",
            "header with non-breaking spaces",
            table(five, rename=nb).encode(),
            "completed",
            personas=5,
            businesses=5,
            failures={},
        )
    )
    # 47. Phones with words, vanity, foreign.
    phones = ["512.555.0143 (cell)", "1-800-FLOWERS", "+44 20 7946 0958", "Tel: 512-555-0144", "(512)5550145 M"]
    rows = [rec(i, **{"Phone Number": p}) for i, p in enumerate(phones)]
    c.append(
        Case(
            "phones_words",
            "phones with labels, a vanity number, a UK number",
            table(rows).encode(),
            "completed",
            basis="user",
            personas=5,
            businesses=5,
            failures={"INVALID_PHONE": 1},
            checks=[
                ("numbers", lambda x: x.phones(), [["5125550143"], ["8003569377"], [], ["5125550144"], ["5125550145"]]),
            ],
        )
    )
    # 48. Stray NUL bytes.
    raw = table(five).encode()
    c.append(
        Case(
            "stray_nul_bytes",
            "a UTF-8 file with a few NUL bytes",
            raw[:200] + b"\x00" + raw[200:400] + b"\x00\x00" + raw[400:],
            "completed",
            personas=5,
            businesses=5,
            failures={},
        )
    )
    # 49. Mixed line endings.
    lines = [line for line in table(five).split("\r\n") if line]
    c.append(
        Case(
            "mixed_line_endings",
            "rows added on two systems: LF and CRLF mixed",
            ("\n".join(lines[:3]) + "\r\n" + "\r\n".join(lines[3:]) + "\n").encode(),
            "completed",
            personas=5,
            businesses=5,
            failures={},
        )
    )
    # 50. A single "Name" column.
    nm_header = ["Company Name", "Name", "Phone Number", "State", "ZIP Code", "SIC Code"]
    rows = [[COMPANIES[i], f"{FIRST[i]} {LAST[i]}", f"512555{800 + i:04d}", "TX", "78701", "7372"] for i in range(5)]
    c.append(
        Case(
            "name_column",
            'a single "Name" column',
            table(rows, nm_header).encode(),
            "completed",
            basis="user",
            personas=5,
            businesses=5,
            failures={},
            checks=[("first/last", lambda x: (x.col("first_name")[1], x.col("last_name")[1]), ("Robert", "Smith"))],
        )
    )
    # 51. Only a "Mobile Phone" column.
    mp = {"Phone Number": "Mobile Phone"}
    c.append(
        Case(
            "mobile_phone_only",
            'the phone column is "Mobile Phone"',
            table(five, rename=mp).encode(),
            "completed",
            basis="user",
            personas=5,
            businesses=5,
            failures={},
        )
    )
    # 52. The same business written differently.
    names = [
        "Hill Country Plumbing",
        "HILL COUNTRY PLUMBING",
        "Hill Country Plumbing, LLC",
        "Hill Country Plumbing LLC",
    ]
    rows = [rec(i, **{"Company Name": n}) for i, n in enumerate(names)]
    c.append(
        Case(
            "same_business_spellings",
            "one business typed four ways",
            table(rows).encode(),
            "completed",
            basis="user",
            personas=4,
            businesses=1,
            failures={"DUPLICATE_BUSINESS": 3},
        )
    )
    # 53. Salesforce report footer lines.
    text = (
        table(five)
        + '""\r\n"Confidential Information - Do Not Distribute"\r\n'
        + ('"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."\r\n')
    )
    c.append(
        Case(
            "salesforce_report_footer",
            "Salesforce report export with its confidentiality footer",
            text.encode(),
            "completed",
            personas=5,
            businesses=5,
            failures={"CSV_PARSE_ERROR": 2},
        )
    )
    # 54. Two "Email" columns, and a work phone plus a cell phone under other names.
    hdr = [
        "Company Name",
        "First Name",
        "Last Name",
        "Work Phone",
        "Cell Phone",
        "Email",
        "Email 2",
        "State",
        "ZIP Code",
        "SIC Code",
    ]
    rows = [
        [
            COMPANIES[i],
            FIRST[i],
            LAST[i],
            f"512555{i:04d}",
            f"737555{i:04d}",
            f"w{i}@example.com",
            f"p{i}@example.com",
            "TX",
            "78701",
            "7372",
        ]
        for i in range(5)
    ]
    c.append(
        Case(
            "work_and_cell_phone",
            '"Work Phone" and "Cell Phone" columns, "Email" and "Email 2"',
            table(rows, hdr).encode(),
            "completed",
            basis="user",
            personas=5,
            businesses=5,
            failures={},
            checks=[
                ("phones", lambda x: x.phones()[0], ["5125550000", "7375550000"]),
                ("emails", lambda x: x.emails()[0], ["w0@example.com", "p0@example.com"]),
            ],
        )
    )
    # 55. ZoomInfo with "Direct Phone Number" and "Mobile phone": the direct line is often empty.
    zm_header = [*zi_header[:5], "Mobile phone", *zi_header[5:]]
    zm_rows = [
        [*row[:4], "" if i % 2 == 0 else row[4], f"737.555.{600 + i:04d}", *row[5:]] for i, row in enumerate(zi_rows)
    ]
    c.append(
        Case(
            "zoominfo_direct_and_mobile",
            'ZoomInfo "Direct Phone Number" (empty on rows 1, 3, 5) and "Mobile phone"',
            table(zm_rows, zm_header).encode(),
            "completed",
            basis="user",
            personas=5,
            businesses=5,
            failures={},
            checks=[("phones", lambda x: x.phones()[:2], [["7375550600"], ["5125550501", "7375550601"]])],
        )
    )
    return c


# -- running -----------------------------------------------------------------------------------------------


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usdatabiz.settings")
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    import django

    django.setup()


def ensure_team(slug: str) -> None:
    from usdatabiz.core.models import Team

    if not Team.objects.filter(slug=slug).exists():
        from django.core.management import call_command

        call_command("createteam", slug, name=slug.title(), stdout=io.StringIO())


def run_file(path: Path, team: str) -> dict:
    """The command's JSON for ``path``, or ``{"status": "error", ...}`` when the command itself raised."""
    from django.core.management import call_command

    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("ingest", str(path), team=team, json=True, inline=True, stdout=out, stderr=err)
    except SystemExit:
        pass  # a failed file exits 1 after printing its JSON
    except Exception as exc:  # noqa: BLE001 - the probe reports a crash as an outcome
        return {"status": "error", "error_code": type(exc).__name__, "error_message": str(exc)}
    for line in out.getvalue().splitlines():
        if line.startswith("{"):
            return json.loads(line)
    return {"status": "error", "error_code": "NO_JSON", "error_message": out.getvalue()[-300:]}


def compare(case: Case, ctx: Ctx) -> list[str]:
    r = ctx.result
    diffs = []
    if r.get("status") != case.status:
        diffs.append(
            f"status {r.get('status')!r} (code {r.get('error_code')}: {r.get('error_message')!r}),"
            f" expected {case.status!r}"
        )
    if case.code is not None:
        want = case.code if isinstance(case.code, set) else {case.code}
        if r.get("error_code") not in want:
            diffs.append(f"error_code {r.get('error_code')!r}, expected {' or '.join(sorted(want))}")
    for word in case.message_has:
        if word.lower() not in (r.get("error_message") or "").lower():
            diffs.append(f"error message {r.get('error_message')!r} does not say {word!r}")
    if r.get("status") == "error":
        return diffs
    if case.personas is not None and len(ctx.personas()) != case.personas:
        diffs.append(f"personas {len(ctx.personas())}, expected {case.personas}")
    if case.businesses is not None and len(ctx.businesses()) != case.businesses:
        diffs.append(f"businesses {len(ctx.businesses())}, expected {case.businesses}")
    if case.failures is not None:
        got = dict(r.get("failures") or {})
        if got != case.failures:
            detail = [f"{row}:{code}:{fld}" for row, code, fld in ctx.failures()][:8]
            diffs.append(f"row failures {got}, expected {case.failures} ({', '.join(detail)})")
    for label, fn, want in case.checks:
        try:
            got = fn(ctx)
        except Exception as exc:  # noqa: BLE001
            got = f"<{type(exc).__name__}: {exc}>"
        if isinstance(want, tuple) and isinstance(got, list):
            got = tuple(got)
        if got != want:
            diffs.append(f"{label}: {got!r}, expected {want!r}")
    return diffs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--team", default="probe")
    parser.add_argument("--out", default="/tmp/ingestprobe")
    parser.add_argument("-k", dest="only", help="run only cases whose name contains this")
    parser.add_argument("--verbose", action="store_true", help="print each file's JSON")
    args = parser.parse_args(argv)

    setup_django()
    import logging

    logging.disable(logging.WARNING)
    run_id = time.strftime("%H%M%S")
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)

    selected = [case for case in cases() if not args.only or args.only in case.name]
    failed = 0
    lines = []
    print(f"{'case':<28} {'basis':<5} {'status':<10} {'code':<16} {'pers':>4} {'bus':>4}  result")
    for number, case in enumerate(selected, 1):
        path = out_dir / f"{case.name}.csv"
        path.write_bytes(case.data)
        team = f"{args.team}-{run_id}-{number}"  # one team per case: businesses are unique per team
        ensure_team(team)
        ctx = Ctx(run_file(path, team))
        diffs = compare(case, ctx)
        r = ctx.result
        pers = len(ctx.personas()) if r.get("file") else "-"
        bus = len(ctx.businesses()) if r.get("file") else "-"
        verdict = "ok" if not diffs else f"DIFF ({len(diffs)})"
        failed += bool(diffs)
        code = str(r.get("error_code") or "")
        print(f"{case.name:<28} {case.basis:<5} {r.get('status', ''):<10} {code:<16} {pers:>4} {bus:>4}  {verdict}")
        if args.verbose:
            print("   ", json.dumps(r))
        lines += [f"{case.name} ({case.made_by}):"] + [f"    - {d}" for d in diffs] if diffs else []
    print(f"\n{len(selected) - failed}/{len(selected)} cases as expected")
    if lines:
        print("\nDifferences:")
        print("\n".join(lines))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
