"""Streaming CSV reading for USDataBiz lists: encoding, delimiter, header mapping, strict rows.

Nothing here loads a whole file: rows are read one at a time from a binary stream, so memory stays
flat whatever the file size.
"""

import codecs
import csv
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
    "email": (
        "email",
        "emailaddress",
        "contactemail",
        "emailaddr",
        "businessemail",
        "email1",
        # a second address: every e-mail column is read (``MULTI_VALUED``)
        "email2",
        "emailaddress2",
        "personalemail",
        "secondaryemail",
        "alternateemail",
        "otheremail",
    ),
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
        # a second number: every phone column is read (``MULTI_VALUED``)
        "phone2",
        "homephone",
        "otherphone",
        "mobilenumber",
        "cellnumber",
        "alternatephone",
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
        "siccode1",
        "sic1",
    ),
}
# Fields a persona holds several of: every column naming one is read and each valid value stored.
MULTI_VALUED = frozenset({"phone", "email"})
_ALIAS_LOOKUP = {alias: canonical for canonical, aliases in HEADER_ALIASES.items() for alias in aliases}
_KEY_RE = re.compile(r"[^a-z0-9]+")
# Words CRM and data-vendor exports put before a field's name ("Mailing State", "Company Zip Code", "Direct Phone
# Number", "Work Email"): a header that is no alias as written is tried again without one of them.
_HEADER_PREFIXES = (
    "mailing",
    "billing",
    "shipping",
    "physical",
    "primary",
    "company",
    "business",
    "contact",
    "corporate",
    "direct",
    "office",
    "main",
    "work",
    "hq",
)

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


def header_field(name: str) -> str | None:
    """The canonical field a header name stands for, else None.

    An alias as written wins; else each part of a slashed name ("Mailing Zip/Postal Code", "State/Region") is
    tried as written and without a leading ``_HEADER_PREFIXES`` word ("Mailing Zip" -> zip, "Company State" ->
    state).
    """
    canonical = _ALIAS_LOOKUP.get(header_key(name))
    if canonical or not name:
        return canonical
    for part in name.split("/"):
        key = header_key(part)
        if key in _ALIAS_LOOKUP:
            return _ALIAS_LOOKUP[key]
        for prefix in _HEADER_PREFIXES:
            rest = key[len(prefix) :]
            # "Corporate Name" or "Office Name" is no person's name: "name" alone is not read after a prefix.
            if key.startswith(prefix) and rest != "name" and rest in _ALIAS_LOOKUP:
                return _ALIAS_LOOKUP[rest]
    return None


@dataclass
class HeaderMap:
    columns: list[str]
    fields: dict[str, int] = field(default_factory=dict)  # canonical field -> column index
    extras: dict[str, int] = field(default_factory=dict)  # unmapped header -> column index
    # canonical field -> indexes of the columns after the first that name it too ("Phone", "Mobile Phone")
    repeats: dict[str, list[int]] = field(default_factory=dict)

    @property
    def missing(self) -> list[str]:
        present = set(self.fields)
        if "full_name" in present:
            present |= {"first_name", "last_name"}
        return [name for name in REQUIRED_FIELDS if name not in present]

    def as_schema(self) -> dict:
        schema = {
            "columns": self.columns,
            "mapping": {canonical: self.columns[index] for canonical, index in self.fields.items()},
            "extra": list(self.extras),
        }
        if self.repeats:  # the other columns naming a field, read too
            schema["repeated"] = {canonical: [self.columns[i] for i in at] for canonical, at in self.repeats.items()}
        return schema


def map_header(columns: list[str]) -> HeaderMap:
    """Match header names to canonical fields (case, space and punctuation insensitive, ``header_field``).

    The first column naming a field is its column; the others naming it are its ``repeats``, read too
    (``loader.MappedRows``). A repeat of a field the persona holds several of (``MULTI_VALUED``: phones, e-mails) has
    every value stored, so it is no extra column; a repeat of any other field stays an extra too, since only its
    first non-empty value is used.
    """
    cleaned = [(c or "").replace("\x00", "").strip().lstrip("\ufeff") for c in columns]
    mapping = HeaderMap(columns=cleaned)
    for index, name in enumerate(cleaned):
        canonical = header_field(name)
        if canonical and canonical not in mapping.fields:
            mapping.fields[canonical] = index
            continue
        if canonical:
            mapping.repeats.setdefault(canonical, []).append(index)
        if canonical not in MULTI_VALUED:
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


# Share of a file's head that must be printable text (or line ends and tabs) for the file to be read as text.
_TEXT_SHARE = 0.95
# Share of NUL bytes a text file may carry in its head (a truncated or padded export); more is binary data.
_STRAY_NUL_SHARE = 0.1


def _mostly_text(text: str) -> bool:
    """Whether nearly every character of ``text`` is printable, a line end or a tab."""
    if not text:
        return False
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\r\n\t")
    return printable >= _TEXT_SHARE * len(text)


def sniff_utf16(head: bytes) -> str | None:
    """Return "utf-16-le" or "utf-16-be" when ``head`` is UTF-16 text without a byte order mark, else None.

    Text in a Latin script written as UTF-16 has a NUL in every other byte, always on the same side (the odd
    bytes for little-endian), and decodes to printable text.
    """
    sample = head[:4096]
    sample = sample[: len(sample) & ~1]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    pairs = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for codec, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros >= 0.3 * pairs and others <= 0.02 * pairs:
            text = sample.decode(codec, errors="replace")
            if _mostly_text(text):
                return codec
    return None


def sniff_binary(head: bytes) -> str | None:
    """Return why ``head`` is clearly not a text file, else None.

    A few stray NUL bytes in text that is otherwise clearly text (a padded or truncated export) do not make it
    binary: the reader removes them.
    """
    for magic, what in _BINARY_MAGIC.items():
        if head.startswith(magic):
            return what
    sample = head[:4096]
    if b"\x00" in sample:
        text = sample.replace(b"\x00", b"")
        stray = len(sample) - len(text) <= _STRAY_NUL_SHARE * len(sample)
        if not (stray and any(_mostly_text(text.decode(codec, errors="replace")) for codec in ("utf-8", "cp1252"))):
            return "binary data (NUL bytes) without a UTF-16 byte order mark"
    return None


_MARKUP = re.compile(rb"\s*(?:(<!doctype\s+html|<html\b)|<\?xml\b)", re.I)


def sniff_markup(head: bytes) -> str | None:
    """Return why ``head`` is a web page or an XML document saved under a .csv name, else None."""
    found = _MARKUP.match(head.removeprefix(codecs.BOM_UTF8))
    if found is None:
        return None
    if found.group(1):
        return "a web page (HTML); save or export the table as CSV"
    return "an XML document (such as Excel's XML Spreadsheet); export the sheet as CSV"


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


# Lines below the first one where the header may be found (notes, a title or criteria above it).
HEADER_SEARCH_LINES = 25
ENCODING_FALLBACK = "ENCODING_FALLBACK"  # a row warning: the row is not UTF-8 and was read as Windows-1252
_BLOCK = 1 << 20
_TEXT_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
# How a codec of ``choose_encoding`` is read: (codec for the bytes after the BOM, BOM length); utf-16/32
# get their byte order from the BOM itself.
_BOM_CODECS = {
    codecs.BOM_UTF8: "utf-8",
    codecs.BOM_UTF32_LE: "utf-32-le",
    codecs.BOM_UTF32_BE: "utf-32-be",
    codecs.BOM_UTF16_LE: "utf-16-le",
    codecs.BOM_UTF16_BE: "utf-16-be",
}


class ByteLines:
    """Iterate the decoded lines of a binary stream (line ends kept) and know the byte offset reached.

    ``offset`` is the absolute byte offset just past the last line handed out, so after the csv module
    returns a row, it is where the next row starts: stage 2 reads a chunk of rows from there. Lines are
    split on \\r\\n, \\r or \\n, like universal newlines. With ``fallback`` (UTF-8 files), a line that is not
    valid UTF-8 is decoded as Windows-1252 on its own and noted in ``row_fallback``, instead of the whole
    file being read as Windows-1252. A line valid in neither raises UnicodeDecodeError.
    """

    def __init__(self, raw, *, codec: str, start: int = 0, end: int | None = None, lines: int = 0, fallback=False):
        self.raw = raw
        self.codec = codec
        self.offset = start
        self.end = end
        self.lines = lines  # physical lines handed out so far (counting from the file's first line)
        self.fallback = fallback
        self.row_fallback: UnicodeDecodeError | None = None
        self.utf8_lines = 0  # non-ASCII lines that were valid UTF-8
        self.fallback_lines = 0

    def take_row_fallback(self) -> UnicodeDecodeError | None:
        """Return why a line of the row just read fell back to Windows-1252 (None if none did); reset it."""
        found, self.row_fallback = self.row_fallback, None
        return found

    def _blocks(self):
        remaining = None if self.end is None else self.end - self.offset
        while remaining is None or remaining > 0:
            data = self.raw.read(_BLOCK if remaining is None else min(_BLOCK, remaining))
            if not data:
                return
            if remaining is not None:
                remaining -= len(data)
            yield data

    def __iter__(self):
        if self.codec in ("utf-8", "cp1252"):
            return self._ascii_compatible()
        return self._text()

    def _byte_lines(self):
        carry = b""
        for block in self._blocks():
            parts = (carry + block if carry else block).splitlines(keepends=True)
            # The last piece may be cut by the block: keep it (and a lone \r, which may be half of \r\n).
            carry = b"" if parts[-1].endswith(b"\n") else parts.pop()
            yield from parts
        if carry:
            yield carry

    def _ascii_compatible(self):
        codec = self.codec
        for line in self._byte_lines():
            self.offset += len(line)
            self.lines += 1
            if b"\x00" in line:  # a stray NUL of a text file (``sniff_binary``): text cannot hold it
                line = line.replace(b"\x00", b"")
            if line.isascii():
                yield line.decode("latin-1")
            elif codec == "cp1252":
                yield line.decode("cp1252")
            else:
                try:
                    text = line.decode("utf-8")
                except UnicodeDecodeError as exc:
                    if not self.fallback:
                        raise
                    text = line.decode("cp1252")  # raises when the bytes are not Windows-1252 either
                    self.fallback_lines += 1
                    if self.row_fallback is None:
                        self.row_fallback = exc
                else:
                    self.utf8_lines += 1
                yield text

    def _text(self):
        codec = self.codec
        decoder = codecs.getincrementaldecoder(codec)("strict")
        carry = ""
        for block in self._blocks():
            parts = _TEXT_LINE.findall(carry + decoder.decode(block))
            carry = "" if parts and parts[-1].endswith("\n") else (parts.pop() if parts else "")
            for line in parts:
                self.offset += len(line.encode(codec))
                self.lines += 1
                yield line.replace("\x00", "") if "\x00" in line else line
        carry += decoder.decode(b"", final=True)
        for line in _TEXT_LINE.findall(carry):
            self.offset += len(line.encode(codec))
            self.lines += 1
            yield line.replace("\x00", "") if "\x00" in line else line


@dataclass(slots=True)
class CsvRow:
    number: int  # data row number: 1 = the first row after the header
    line: int  # physical line where the row ends
    cells: list[str]
    end: int = 0  # byte offset just past the row
    fallback: UnicodeDecodeError | None = None  # set when the row was not UTF-8 and was read as Windows-1252


class CsvStream:
    """Read one CSV file as header + rows. ``opener`` returns a fresh binary stream each call.

    ``range_opener(start, end)``, when given, returns a stream of those bytes only (stage 2 reads its
    chunk of the stored file without downloading the rest); without it the stream is read and skipped.
    """

    def __init__(
        self,
        opener: Callable[[], BinaryIO],
        *,
        encoding: str | None = None,
        delimiter: str | None = None,
        range_opener: Callable[[int, int], BinaryIO] | None = None,
    ):
        self.opener = opener
        self.range_opener = range_opener
        self.encoding = encoding
        self.delimiter = delimiter
        self.header: HeaderMap | None = None
        self.codec: str | None = None  # what the bytes after the BOM are decoded with
        self.data_start = 0  # byte offset where the first data row starts
        self.lines: ByteLines | None = None

    def choose_encoding(self) -> str:
        """Decide the encoding from a BOM, else UTF-8 (rows that are not UTF-8 fall back to Windows-1252)."""
        raw = self.opener()
        try:
            head = raw.read(8192)
        finally:
            _close(raw)
        if not head:
            raise CsvError("CSV_PARSE_ERROR", "The file is empty.", row=0)
        markup = sniff_markup(head)
        if markup:
            raise CsvError("CSV_PARSE_ERROR", f"This is not a CSV file: it looks like {markup}.", row=0)
        bom = detect_bom(head)
        if bom:
            return bom
        utf16 = sniff_utf16(head)
        if utf16:
            return utf16
        why = sniff_binary(head)
        if why:
            raise CsvError("CSV_PARSE_ERROR", f"This is not a CSV file: it looks like {why}.", row=0)
        return "utf-8"

    @staticmethod
    def _codec(encoding: str, head: bytes) -> tuple[str, int]:
        if encoding in ("utf-16-le", "utf-16-be"):  # UTF-16 without a byte order mark (``sniff_utf16``)
            return encoding, 0
        for bom, codec in _BOM_CODECS.items():  # UTF-32 LE before UTF-16 LE: they share a prefix
            if head.startswith(bom) and encoding in ("utf-8-sig", "utf-16", "utf-32"):
                return codec, len(bom)
        return ("cp1252" if encoding == "cp1252" else "utf-8"), 0

    def rows(self, encoding: str) -> Iterator[CsvRow]:
        """Yield data rows from the start of the file; set ``self.header`` first. Raises CsvError or UnicodeDecodeError.

        UTF-8 files (with or without a BOM) decode row by row: a row that is not UTF-8 is read as
        Windows-1252 and carries ``fallback``.
        """
        raw = self.opener()
        try:
            head = raw.read(4)
            self.codec, skip = self._codec(encoding, head)
            lines = ByteLines(_Prefixed(head[skip:], raw), codec=self.codec, start=skip, fallback=self.codec == "utf-8")
            self.lines = lines
            feed = iter(lines)
            first = next(feed, "")
            while first and not first.strip():
                first = next(feed, "")
            if not first.strip():
                raise CsvError("CSV_PARSE_ERROR", "The file has no header row.", row=0)
            delimiter = self.delimiter or detect_delimiter(first)
            header = map_header(next(csv.reader([first], delimiter=delimiter, strict=True), []))
            if header.missing:
                # Notes or a title above the header: look for it in the next lines. Found, the lines read so far are
                # passed over; not found, the line naming the most fields stands as the header, to name what is missing.
                header, delimiter, found = self._header_below(feed, (header, delimiter))
                if not found:
                    self.header, self.delimiter = header, delimiter
                    return
            lines.take_row_fallback()  # the header's own decoding is not a row's
            self.delimiter = delimiter
            self.header = header
            self.data_start = lines.offset
            yield from self._read(feed, lines, delimiter, number=0)
        finally:
            _close(raw)

    def _header_below(self, feed, first: tuple[HeaderMap, str]) -> tuple[HeaderMap, str, bool]:
        """Read up to ``HEADER_SEARCH_LINES`` lines for one naming every required field.

        Return (header, delimiter, found): the first line that names them all, else the line naming the most.
        """
        best = first
        for _ in range(HEADER_SEARCH_LINES):
            line = next(feed, None)
            if line is None:
                break
            if not line.strip():
                continue
            delimiter = self.delimiter or detect_delimiter(line)
            try:
                header = map_header(next(csv.reader([line], delimiter=delimiter, strict=True), []))
            except csv.Error:  # a note with an unbalanced quote is not the header
                continue
            if not header.missing:
                return header, delimiter, True
            if len(header.missing) < len(best[0].missing):
                best = (header, delimiter)
        return *best, False

    def rows_between(
        self, *, codec: str, columns: list[str], start: int, end: int, first_number: int, lines_before: int
    ) -> Iterator[CsvRow]:
        """Yield the rows stored in bytes [start, end), numbered from ``first_number`` (a chunk of stage 2)."""
        self.codec = codec
        self.header = map_header(columns)
        if self.range_opener is not None:
            raw = self.range_opener(start, end)
        else:
            raw = self.opener()
            _skip(raw, start)
        try:
            lines = ByteLines(raw, codec=codec, start=start, end=end, lines=lines_before, fallback=codec == "utf-8")
            self.lines = lines
            yield from self._read(iter(lines), lines, self.delimiter or ",", number=first_number - 1)
        finally:
            _close(raw)

    @staticmethod
    def _read(feed, lines: ByteLines, delimiter: str, *, number: int) -> Iterator[CsvRow]:
        reader = csv.reader(feed, delimiter=delimiter, strict=True)
        try:
            for cells in reader:
                fallback = lines.row_fallback
                if fallback is not None:
                    lines.row_fallback = None
                if not (cells and cells[0].strip()) and (not any(cells) or not "".join(cells).strip()):
                    continue  # blank line, or a row of empty cells
                number += 1
                yield CsvRow(number, lines.lines, cells, lines.offset, fallback)
        except csv.Error as exc:
            raise CsvError(
                "CSV_PARSE_ERROR",
                f"Malformed CSV at data row {number + 1} (line {lines.lines}): {_explain(str(exc))}",
                row=number + 1,
                line=lines.lines,
            ) from exc


class _Prefixed:
    """A binary stream with bytes already read put back in front."""

    def __init__(self, prefix: bytes, raw):
        self._prefix = prefix
        self._raw = raw

    def read(self, size: int = -1) -> bytes:
        if self._prefix:
            data, self._prefix = self._prefix, b""
            if size is None or size < 0:
                return data + self._raw.read()
            return data if len(data) >= size else data + self._raw.read(size - len(data))
        return self._raw.read(size)


def _skip(raw, count: int) -> None:
    seek = getattr(raw, "seek", None)
    if seek is not None:
        try:
            seek(count)
            return
        except (OSError, ValueError):
            pass
    while count > 0:
        data = raw.read(min(_BLOCK, count))
        if not data:
            return
        count -= len(data)


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


# A totals or footer line under the rows: "Total: 1,234 records", "Grand Total", "3 records", "Records: 1,234",
# "Record count: 3", "End of report" (its first cell starts like one; the whole line, cells joined, must be one).
_FOOTER_COUNTED = r"(?:records?|rows?|contacts?|listings?|leads?|companies|businesses)"
_FOOTER_START = re.compile(
    rf"\s*(?:grand\s+total|totals?\b|\d[\d,]*\s+{_FOOTER_COUNTED}|(?:records?|rows?)\s*[:=]|(?:record|row)s?\s+count"
    r"|end\s+of\b)",
    re.I,
)
_FOOTER = re.compile(
    rf"(?:grand\s+)?totals?(?:\s+{_FOOTER_COUNTED}|\s+count)?(?:\s*[:=#,-]*\s*\d[\d,]*(?:\s+{_FOOTER_COUNTED})?)?"
    rf"|\d[\d,]*\s+{_FOOTER_COUNTED}(?:\s+(?:found|total|exported|listed|returned|in\s+(?:file|list|report)))?"
    rf"|(?:(?:record|row)s?\s+count|records?|rows?)\s*[:=,]+\s*\d[\d,]*"
    rf"|end\s+of\s+(?:report|file|list|data|records?)",
    re.I,
)


def is_footer_row(cells: list[str]) -> bool:
    """Whether a row is a totals or footer line of the export, not a record ("Total: 1,234 records")."""
    if not cells or _FOOTER_START.match(cells[0]) is None:
        return False
    text = ",".join(cell.strip() for cell in cells if cell.strip())
    return _FOOTER.fullmatch(text.rstrip(".")) is not None


def is_header_repeat(cells: list[str], columns: list[str]) -> bool:
    """Whether a row repeats the header (two exports pasted one under the other): its cells are the header's names."""
    if not cells or not columns or cells[0].strip() != columns[0] or len(cells) < len(columns):
        return False
    return [cell.strip() for cell in cells[: len(columns)]] == columns


def row_width_ok(cells: list[str], width: int) -> bool:
    """A row fits the header if it has exactly ``width`` cells, or more where the extras are all empty."""
    n = len(cells)
    if n == width:
        return True
    if n > width:
        return not any(c.strip() for c in cells[width:])
    return False
