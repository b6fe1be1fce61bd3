"""Streaming CSV reading for USDataBiz lists: encoding, delimiter, header mapping, strict rows.

Nothing here loads a whole file: rows are read one at a time from a binary stream, so memory stays
flat whatever the file size.
"""

import codecs
import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

REQUIRED_FIELDS = ("company_name", "first_name", "last_name", "phone", "state", "zip")

# Canonical field -> header spellings, compared after lower-casing and dropping everything but letters and digits.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "company_name": (
        "companyname",
        "company",
        "businessname",
        "business",
        "organization",
        "organizationname",
        "companyname1",
        "firmname",
        "accountname",
        "legalname",
    ),
    "dba": ("dba", "doingbusinessas", "tradename", "dbaname"),
    "first_name": (
        "firstname",
        "first",
        "fname",
        "contactfirstname",
        "givenname",
        "executivefirstname",
        "contactfirst",
    ),
    "last_name": (
        "lastname",
        "last",
        "lname",
        "contactlastname",
        "surname",
        "familyname",
        "executivelastname",
        "contactlast",
    ),
    "full_name": ("fullname", "contactname", "contact", "name", "executivename", "contactfullname"),
    "title": ("title", "jobtitle", "contacttitle", "position", "executivetitle", "role"),
    "email": ("email", "emailaddress", "contactemail", "emailaddr", "businessemail", "email1"),
    "phone": (
        "phone",
        "phonenumber",
        "telephone",
        "telephonenumber",
        "tel",
        "phone1",
        "contactphone",
        "businessphone",
        "officephone",
        "mainphone",
        "phoneno",
        "directphone",
        "mobile",
        "mobilephone",
        "cellphone",
        "cell",
    ),
    "address": (
        "address",
        "streetaddress",
        "address1",
        "addressline1",
        "street",
        "mailingaddress",
        "physicaladdress",
        "businessaddress",
        "street1",
        "addr",
    ),
    "city": ("city", "town", "mailingcity", "physicalcity"),
    "state": (
        "state",
        "st",
        "statecode",
        "stateabbr",
        "stateabbreviation",
        "statename",
        "province",
        "mailingstate",
        "physicalstate",
    ),
    "zip": (
        "zip",
        "zipcode",
        "postalcode",
        "postcode",
        "zip5",
        "zipcode5",
        "mailingzip",
        "physicalzip",
        "zippostalcode",
    ),
    "employees": (
        "employees",
        "employeecount",
        "numberofemployees",
        "employeesize",
        "employeesactual",
        "noofemployees",
        "numemployees",
        "employeesizeactual",
        "employeerange",
        "staff",
    ),
    "revenue": (
        "revenue",
        "annualrevenue",
        "salesvolume",
        "annualsales",
        "revenueactual",
        "sales",
        "annualsalesvolume",
        "salesvolumeactual",
        "revenuerange",
    ),
    "year_founded": (
        "yearfounded",
        "yearestablished",
        "founded",
        "established",
        "yearstarted",
        "yearinbusiness",
        "foundedyear",
        "yearsinbusinesssince",
    ),
    "sic_code": (
        "siccode",
        "sic",
        "primarysiccode",
        "sic4",
        "primarysic",
        "siccode4",
        "sic4code",
        "primarysic4",
        "sic6",
    ),
}
_ALIAS_LOOKUP = {alias: canonical for canonical, aliases in HEADER_ALIASES.items() for alias in aliases}
_KEY_RE = re.compile(r"[^a-z0-9]+")

_BINARY_MAGIC = {
    b"PK\x03\x04": "a ZIP archive or an Excel workbook (.xlsx); export the sheet as CSV",
    b"\xd0\xcf\x11\xe0": "an old Excel workbook (.xls); export the sheet as CSV",
    b"%PDF": "a PDF document",
    b"\x1f\x8b": "a gzip archive; decompress it first",
}


class CsvError(Exception):
    """A file-level problem: the file cannot be read as CSV at all."""

    def __init__(self, code: str, message: str, *, row: int | None = None, line: int | None = None, **extra):
        super().__init__(message)
        self.code = code
        self.message = message
        self.row = row
        self.line = line
        self.extra = extra


def header_key(name: str) -> str:
    """Return the comparison key of a header name: lower-case letters and digits only."""
    return _KEY_RE.sub("", (name or "").lower())


@dataclass
class HeaderMap:
    columns: list[str]
    fields: dict[str, int] = field(default_factory=dict)  # canonical field -> column index
    extras: dict[str, int] = field(default_factory=dict)  # unmapped header -> column index

    @property
    def missing(self) -> list[str]:
        present = set(self.fields)
        if "full_name" in present:
            present |= {"first_name", "last_name"}
        return [name for name in REQUIRED_FIELDS if name not in present]

    def as_schema(self) -> dict:
        return {
            "columns": self.columns,
            "mapping": {canonical: self.columns[index] for canonical, index in self.fields.items()},
            "extra": list(self.extras),
        }


def map_header(columns: list[str]) -> HeaderMap:
    """Match header names to canonical fields (case, space and punctuation insensitive; first match wins)."""
    cleaned = [(c or "").strip().lstrip("\ufeff") for c in columns]
    mapping = HeaderMap(columns=cleaned)
    for index, name in enumerate(cleaned):
        canonical = _ALIAS_LOOKUP.get(header_key(name))
        if canonical and canonical not in mapping.fields:
            mapping.fields[canonical] = index
        else:
            label = name or f"column_{index + 1}"
            while label in mapping.extras:
                label += "_"
            mapping.extras[label] = index
    return mapping


def detect_bom(head: bytes) -> str | None:
    """Return the codec named by a byte order mark at the start of ``head``, else None."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith(codecs.BOM_UTF32_LE) or head.startswith(codecs.BOM_UTF32_BE):
        return "utf-32"
    if head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    return None


def sniff_binary(head: bytes) -> str | None:
    """Return why ``head`` is clearly not a text file, else None."""
    for magic, what in _BINARY_MAGIC.items():
        if head.startswith(magic):
            return what
    if b"\x00" in head[:4096]:
        return "binary data (NUL bytes) without a UTF-16 byte order mark"
    return None


def detect_delimiter(header_line: str) -> str:
    """Pick the delimiter among comma, tab, semicolon and pipe that splits the header line most."""
    counts = {}
    in_quotes = False
    for ch in header_line:
        if ch == '"':
            in_quotes = not in_quotes
        elif not in_quotes and ch in ",\t;|":
            counts[ch] = counts.get(ch, 0) + 1
    if not counts:
        return ","
    return max(counts, key=lambda ch: (counts[ch], ch == ","))


class _Binary(io.RawIOBase):
    """Adapt any object with ``read(n)`` (a Django File, an S3 object) to a raw stream for TextIOWrapper."""

    def __init__(self, source):
        self._source = source

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self._source.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        return n


@dataclass
class CsvRow:
    number: int  # data row number: 1 = the first row after the header
    line: int  # physical line where the row ends
    cells: list[str]


class CsvStream:
    """Read one CSV file as header + rows. ``opener`` returns a fresh binary stream each call."""

    def __init__(self, opener: Callable[[], BinaryIO], *, encoding: str | None = None, delimiter: str | None = None):
        self.opener = opener
        self.encoding = encoding
        self.delimiter = delimiter
        self.header: HeaderMap | None = None

    def _open_text(self, encoding: str):
        raw = self.opener()
        buffered = io.BufferedReader(_Binary(raw), buffer_size=1 << 20)
        return raw, io.TextIOWrapper(buffered, encoding=encoding, errors="strict", newline="")

    def choose_encoding(self) -> str:
        """Decide the encoding from a BOM, else UTF-8; ``validate`` falls back to cp1252 if UTF-8 fails."""
        raw = self.opener()
        try:
            head = raw.read(8192)
        finally:
            _close(raw)
        if not head:
            raise CsvError("CSV_PARSE_ERROR", "The file is empty.", row=0)
        bom = detect_bom(head)
        if bom:
            return bom
        why = sniff_binary(head)
        if why:
            raise CsvError("CSV_PARSE_ERROR", f"This is not a CSV file: it looks like {why}.", row=0)
        return "utf-8"

    def rows(self, encoding: str) -> Iterator[CsvRow]:
        """Yield data rows; set ``self.header`` first. Raises CsvError or UnicodeDecodeError."""
        raw, text = self._open_text(encoding)
        try:
            first = text.readline()
            while first and not first.strip():
                first = text.readline()
            if not first.strip():
                raise CsvError("CSV_PARSE_ERROR", "The file has no header row.", row=0)
            delimiter = self.delimiter or detect_delimiter(first)
            self.delimiter = delimiter
            header_cells = next(csv.reader([first], delimiter=delimiter, strict=True), [])
            self.header = map_header(header_cells)
            reader = csv.reader(text, delimiter=delimiter, strict=True)
            number = 0
            try:
                for cells in reader:
                    if not any(cells) or not "".join(cells).strip():
                        continue  # blank line, or a row of empty cells
                    number += 1
                    yield CsvRow(number, reader.line_num + 1, cells)
            except csv.Error as exc:
                raise CsvError(
                    "CSV_PARSE_ERROR",
                    f"Malformed CSV at data row {number + 1} (line {reader.line_num + 1}): {_explain(str(exc))}",
                    row=number + 1,
                    line=reader.line_num + 1,
                ) from exc
        finally:
            text.close()
            _close(raw)


def decode_error(exc: UnicodeDecodeError, encoding: str) -> CsvError:
    """Turn a decoding failure into a CSV_PARSE_ERROR that names the byte."""
    byte = exc.object[exc.start : exc.start + 1].hex() if exc.object else "?"
    return CsvError(
        "CSV_PARSE_ERROR",
        f"The file is not valid {encoding} text: byte 0x{byte} cannot be decoded.",
        row=None,
    )


def _explain(message: str) -> str:
    if "unexpected end of data" in message or "EOF" in message:
        return "a quoted field is never closed (unclosed quote)."
    if "field larger than field limit" in message:
        return "a field is larger than 128 KB; most likely a quote is never closed."
    if "expected after" in message:
        return f"a quote is followed by text before the delimiter ({message})."
    if "NUL" in message:
        return "the line contains a NUL byte (binary data)."
    return message


def _close(obj) -> None:
    close = getattr(obj, "close", None)
    if close:
        close()


def row_width_ok(cells: list[str], width: int) -> bool:
    """A row fits the header if it has exactly ``width`` cells, or more where the extras are all empty."""
    n = len(cells)
    if n == width:
        return True
    if n > width:
        return not any(c.strip() for c in cells[width:])
    return False
