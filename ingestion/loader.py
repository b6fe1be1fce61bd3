"""Stage 2: turn CSV rows into businesses, personas, phones, emails and owner links, in bulk.

Rows are normalized in Python and written chunk by chunk through a ``RecordWriter``: PostgreSQL
gets ``COPY`` (the fast path), any other database gets ``bulk_create`` (the portable fallback).
Both receive exactly the same rows, and both are tested.
"""

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import chain
from operator import itemgetter
from typing import NamedTuple

from django.db import connection

from identity.models import Business, BusinessOwner, Persona, PersonaEmail, PersonaPhone
from usdatabiz.core.ids import id_batch
from usdatabiz.core.models import StageFailure

from .csvreader import MULTI_VALUED, CsvRow, HeaderMap
from .normalizers import (
    Memo,
    clean_cell,
    display_name,
    email_from_cell,
    first_name_cell,
    last_name_cell,
    normalize_business_name,
    normalize_person_name,
    normalize_sic,
    normalize_state,
    parse_int_range,
    parse_money,
    parse_year,
    phones_from_cell,
    split_full_name,
    split_zip,
)

# Every record of a source row: its id, tenant, timestamps and the row it came from.
TRACED = ("id", "team_id", "created_at", "updated_at", "source_file", "source_record_id")
BUSINESS_COLUMNS = (
    *TRACED,
    "name",
    "normalized_name",
    "dba",
    "address",
    "city",
    "state",
    "zip5",
    "zip4",
    "employees",
    "revenue",
    "year_founded",
    "sic_code",
)
PERSONA_COLUMNS = (
    *TRACED,
    "first_name",
    "last_name",
    "normalized_first_name",
    "normalized_last_name",
    "title",
    "state",
    "zip5",
    "source_extra",
)
PHONE_COLUMNS = (
    *TRACED,
    "persona_id",
    "raw",
    "normalized_number",
    "phone_type",
    "is_valid",
)
EMAIL_COLUMNS = (
    *TRACED,
    "persona_id",
    "email",
    "is_valid",
)
OWNER_COLUMNS = (
    *TRACED,
    "persona_id",
    "business_id",
    "title",
)
FAILURE_COLUMNS = (
    "id",
    "team_id",
    "created_at",
    "updated_at",
    "stage",
    "code",
    "run_id",
    "subject_type",
    "subject_id",
    "source_file",
    "source_row",
    "field",
    "raw_value",
    "detail",
)


FIELD_ORDER = (
    "company_name", "dba", "first_name", "last_name", "full_name", "title", "email", "phone", "address", "city",
    "state", "zip", "employees", "revenue", "year_founded", "sic_code",
)  # fmt: skip


def id_source(prefix: str, batch: int = 4096) -> Callable[[], str]:
    """Return a function handing out prefixed ULIDs from pre-generated batches.

    One call per id would dominate a 1M-row load; this is ``next`` on a chained iterator of batches, so handing
    out an id runs no Python code until a batch is used up.
    """
    return partial(next, chain.from_iterable(iter(lambda: id_batch(prefix, batch), None)))


class RecordWriter:
    """Write rows of a model given as tuples in ``columns`` order; other fields get their defaults.

    Writing is split in two so that the CPU work (``encode``) and the database work (``send``) can run
    in different threads: ``write`` does both.
    """

    def _layout(self, model, columns):
        missing = [f for f in model._meta.concrete_fields if f.attname not in columns and not f.primary_key]
        return missing, tuple(f.get_default() for f in missing)

    def encode(self, model, columns, rows):
        raise NotImplementedError

    def send(self, payload) -> int:
        raise NotImplementedError

    def write(self, model, columns, rows) -> int:
        if not rows:
            return 0
        return self.send(self.encode(model, columns, rows))


class OrmWriter(RecordWriter):
    """Portable writer: ``bulk_create`` in batches."""

    def encode(self, model, columns, rows):
        return model, [model(**dict(zip(columns, row, strict=True))) for row in rows]

    def send(self, payload) -> int:
        model, objs = payload
        model.objects.bulk_create(objs, batch_size=2000)
        return len(objs)


_COPY_ESCAPE = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def copy_text(value) -> str:
    """Format one value for PostgreSQL's COPY text format."""
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, dict | list):
        return json.dumps(value).translate(_COPY_ESCAPE)
    if isinstance(value, str):
        return value.translate(_COPY_ESCAPE)
    return str(value)


_NEEDS_ESCAPE = re.compile(r"[\\\t\n\r]").search


def _fast_bool(value) -> str:
    return "\x1d" if value is None else ("t" if value else "f")


def _escape(value: str) -> str:
    # translate() with a mapping is slow per character; almost no value needs it, so look first.
    return value.translate(_COPY_ESCAPE) if _NEEDS_ESCAPE(value) else value


# JSON text for a jsonb column: non-ASCII characters are written as they are, not as \u escapes, which would
# each need a backslash doubled for COPY (jsonb stores the same value either way).
_json_text = json.JSONEncoder(ensure_ascii=False).encode


@lru_cache(maxsize=64)
def _timestamp_text(value) -> str:
    return value.isoformat()


class CopyWriter(RecordWriter):
    """PostgreSQL writer: one ``COPY ... FROM STDIN`` per model per chunk, as COPY text built in Python.

    Each (model, columns) gets a row formatter compiled once: an f-string over the tuple's positions,
    escaping only the text columns, which is several times cheaper than formatting value by value.
    """

    _formatters: dict = {}

    def _formatter(self, model, columns):
        key = (model._meta.label, columns)
        cached = self._formatters.get(key)
        if cached is not None:
            return cached
        missing, defaults = self._layout(model, columns)
        fields = {f.attname: f for f in model._meta.concrete_fields}
        parts = []
        for index, name in enumerate(columns):
            kind = fields[name].get_internal_type()
            null = fields[name].null
            if fields[name].primary_key or kind == "ForeignKey":  # ids we generated: never need escaping
                expr = f"(N if r[{index}] is None else r[{index}])" if null else f"r[{index}]"
            elif kind in ("CharField", "TextField", "FileField", "SlugField"):
                expr = f"E(r[{index}])"
                if null:
                    expr = f"(N if r[{index}] is None else E(r[{index}]))"
            elif kind == "JSONField":
                expr = f"(J(r[{index}]) if r[{index}] else {copy_text(fields[name].get_default())!r})"
            elif kind == "BooleanField":
                expr = f"C(r[{index}])"
            elif kind == "DateTimeField":  # a chunk shares one timestamp: format it once
                expr = f"(N if r[{index}] is None else D(r[{index}]))" if null else f"D(r[{index}])"
            else:  # numbers and datetimes print in a form PostgreSQL reads
                expr = f"(N if r[{index}] is None else r[{index}])" if null else f"r[{index}]"
            parts.append("{" + expr + "}")
        # Source text of the f-string: "\\t" below is the two characters backslash-t, which the
        # compiled f-string turns into a tab; backslashes in constant defaults (\\N) are doubled.
        tail = "".join(
            "\\t" + copy_text(v).replace("\\", "\\\\").replace("{", "{{").replace("}", "}}") for v in defaults
        )
        source = 'lambda r: f"' + "\\t".join(parts) + tail + '\\n"'
        # The fast variant skips per-value escaping and writes the very text of the escaping one when no value
        # holds a character COPY escapes. ``encode`` knows how many tabs, line ends and backslashes a chunk's
        # fixed parts make (separators, the NULL marker \\N, constant defaults) and counts them in the whole text
        # with a few C-speed scans: a value with a tab, line end or backslash adds to a count, and the chunk
        # goes through the escaping variant instead.
        fast_source = 'lambda r: f"' + "\\t".join(p.replace("E(", "(") for p in parts) + tail + '\\n"'
        namespace = {
            "E": _escape,
            "N": "\\N",
            "C": copy_text,
            "D": _timestamp_text,
            "J": lambda v: _escape(_json_text(v)),
        }
        formatter = eval(source, namespace)  # noqa: S307 - built above from field metadata only
        # Unescaped JSON in the fast variant: a backslash in it sends the chunk to the escaping variant.
        fast = eval(fast_source, {**namespace, "J": _json_text})  # noqa: S307
        json_columns = {i for i, name in enumerate(columns) if fields[name].get_internal_type() == "JSONField"}
        # Backslashes of the fixed parts: \\N per NULL, those of a JSON column's default when its value is empty,
        # those of the defaults written for the columns not given.
        nullable = tuple(i for i, name in enumerate(columns) if fields[name].null and i not in json_columns)
        json_defaults = tuple(
            (i, bs) for i in sorted(json_columns) if (bs := copy_text(fields[columns[i]].get_default()).count("\\"))
        )
        tail_backslashes = sum(copy_text(v).count("\\") for v in defaults)
        names = ", ".join(connection.ops.quote_name(c) for c in (*columns, *(f.column for f in missing)))
        width = len(columns) + len(missing)
        self._formatters[key] = (formatter, fast, width, nullable, json_defaults, tail_backslashes, names)
        return self._formatters[key]

    def encode(self, model, columns, rows, *, table: str | None = None):
        """Build the COPY text of ``rows`` (into ``table``, by default the model's own)."""
        formatter, fast, width, nullable, json_defaults, tail_backslashes, names = self._formatter(
            model, tuple(columns)
        )
        sql = f"COPY {connection.ops.quote_name(table or model._meta.db_table)} ({names}) FROM STDIN"
        text = "".join(map(fast, rows))
        count = len(rows)
        backslashes = count * tail_backslashes + sum(1 for i in nullable for r in rows if r[i] is None)
        if json_defaults:
            backslashes += sum(bs for i, bs in json_defaults for r in rows if not r[i])
        if not (
            text.count("\n") == count
            and text.count("\t") == count * (width - 1)
            and text.count("\\") == backslashes
            and "\r" not in text
        ):  # some value holds a tab, line end or backslash: escape value by value
            text = "".join(map(formatter, rows))
        return sql, text.encode(), len(rows)

    def send(self, payload) -> int:
        sql, data, count = payload
        # Raise Django's IntegrityError and friends, as the ORM path would.
        with connection.wrap_database_errors, connection.cursor() as cursor, cursor.copy(sql) as copy:
            copy.write(data)
        return count


def writer_for_connection(use_copy: bool = True) -> RecordWriter:
    """Return the COPY writer on PostgreSQL (unless disabled), the ORM writer elsewhere."""
    if use_copy and connection.vendor == "postgresql":
        return CopyWriter()
    return OrmWriter()


@dataclass
class Chunk:
    businesses: list = field(default_factory=list)
    personas: list = field(default_factory=list)
    phones: list = field(default_factory=list)
    emails: list = field(default_factory=list)
    owners: list = field(default_factory=list)
    failures: list = field(default_factory=list)


@dataclass
class LoadCounts:
    rows: int = 0
    rows_loaded: int = 0
    rows_with_errors: int = 0
    businesses: int = 0
    businesses_linked: int = 0
    personas: int = 0
    phones: int = 0
    emails: int = 0
    owners: int = 0
    failures: Counter = field(default_factory=Counter)


class MappedRows:
    """What stage 2 knows of one file's rows, whichever path loads them: the team, the file, the run and which cell
    holds each field."""

    STAGE = 2

    def __init__(
        self,
        *,
        team_id: str,
        source_file: str,
        header: HeaderMap,
        subject_id: str,
        run_id: str | None,
        now,
        today_year: int,
    ):
        self.team_id = team_id
        self.source_file = source_file
        self.subject_id = subject_id
        self.run_id = run_id
        self.now = now
        self.today_year = today_year
        self.width = len(header.columns)
        # One itemgetter pulls every mapped cell at once; absent fields read a padding cell ("").
        present = header.fields
        self.has_full_name = "full_name" in present
        self._get = itemgetter(*(present.get(name, self.width) for name in FIELD_ORDER))
        self.extras = list(header.extras.items())
        # A field named by several columns: of one the persona holds one of, the first non-empty cell is read
        # (``fill``); of phones and e-mails every column is (``grouped``: field -> its columns, first one first).
        repeats = header.repeats
        self._fallbacks = [(present[name], at) for name, at in repeats.items() if name not in MULTI_VALUED]
        self.grouped = {name: [present[name], *at] for name, at in repeats.items() if name in MULTI_VALUED}
        self._phone_at = self.grouped.get("phone")
        self._email_at = self.grouped.get("email")

    def fill(self, cells: list[str]) -> None:
        """Put in an empty cell of a field named by several columns the first non-empty cell of the others."""
        for at, others in self._fallbacks:
            if not clean_cell(cells[at]):
                for index in others:
                    if clean_cell(cells[index]):
                        cells[at] = cells[index]
                        break


class RowNormalizer(MappedRows):
    """Normalize rows of one file for one team into record tuples and named failures."""

    def __init__(self, *, header: HeaderMap, today_year: int, **context):
        super().__init__(header=header, today_year=today_year, **context)
        self.counts = LoadCounts()
        self.chunk = Chunk()
        # Businesses of this chunk, decided once the database says who holds each key (``resolve``):
        # key -> index of the first row's candidate, and (row, key, company, raw SIC, SIC) per row with one.
        self._candidates: dict[str, int] = {}
        self._business_rows: list[tuple] = []
        self._owners: list[tuple] = []
        self._biz_id = id_source("biz")
        self._per_id = id_source("per")
        self._ph_id = id_source("ph")
        self._em_id = id_source("em")
        self._bo_id = id_source("bo")
        self._sf_id = id_source("sf")
        self._years = Memo(partial(_year_of, today_year=today_year), 4096)

    def take_chunk(self) -> Chunk:
        chunk, self.chunk = self.chunk, Chunk()
        self._candidates, self._business_rows, self._owners = {}, [], []
        return chunk

    def fail(self, row: int, code: str, field_name: str, raw: str, detail: str) -> None:
        now = self.now
        self.chunk.failures.append(
            (
                self._sf_id(),
                self.team_id,
                now,
                now,
                self.STAGE,
                code,
                self.run_id,
                "ingestion.datasource",
                self.subject_id,
                self.source_file,
                row,
                field_name,
                (raw or "")[:2000],
                detail,
            )
        )
        self.counts.failures[code] += 1

    def process(self, row: CsvRow) -> None:
        """Normalize one row; append its records and failures to the current chunk."""
        cells = row.cells
        number = row.number
        counts = self.counts
        counts.rows += 1
        now = self.now
        team_id = self.team_id
        source_file = self.source_file
        chunk = self.chunk
        fail = self.fail

        if "\x00" in "".join(cells):  # the reader removes NULs (``ByteLines``); rows built elsewhere may hold one
            cells = [cell.replace("\x00", "") for cell in cells]
        cells.append("")  # the padding cell read for fields the file does not have
        if self._fallbacks:
            self.fill(cells)
        (cell_company, cell_dba, cell_first, cell_last, cell_full_name, cell_title, cell_email, cell_phone,
         cell_address, cell_city, cell_state, cell_zip, cell_employees, cell_revenue, cell_year, cell_sic,
         ) = self._get(cells)  # fmt: skip
        # Fields whose values repeat down a list go through the worker's memos (``_CLEANED`` and others); the rest are
        # cleaned as they come. Each value is cleaned (``clean_cell``) before any rule reads it.
        first, last, title = _FIRST_NAMES[cell_first], _LAST_NAMES[cell_last], _CLEANED[cell_title]
        if not first and not last:
            full_name = clean_cell(cell_full_name)
            if full_name:
                first, last = full_name_of(full_name)

        raw_state, state = _STATES[cell_state]
        if not state:
            fail(
                number,
                "UNKNOWN_STATE",
                "state",
                raw_state,
                f"'{raw_state}' is not a US state, DC or territory." if raw_state else "The state is empty.",
            )
        raw_zip, zip5, zip4 = _ZIPS[cell_zip]
        if not zip5:
            fail(
                number,
                "INVALID_ZIP",
                "zip",
                raw_zip,
                f"'{raw_zip}' is not a US ZIP code." if raw_zip else "The ZIP code is empty.",
            )
            zip5 = ""

        key = None
        company, normalized = _company_of(cell_company)
        if company:
            key = f"{normalized}\t{zip5}"  # one string per key: a chunk's keys fit in little memory
            raw_sic, sic = _SICS[cell_sic]
            if key not in self._candidates:
                # The first row of the chunk with this key offers a business; the database decides (``resolve``)
                # whether it is new or another row (of this file or another) already holds the key.
                self._candidates[key] = len(chunk.businesses)
                chunk.businesses.append(
                    (
                        self._biz_id(),
                        team_id,
                        now,
                        now,
                        source_file,
                        number,
                        company[:255],
                        normalized,
                        _CLEANED[cell_dba][:255],
                        clean_cell(cell_address)[:255],
                        _CLEANED[cell_city][:120],
                        state or "",
                        zip5,
                        zip4 or "",
                        _EMPLOYEES[cell_employees],
                        _REVENUES[cell_revenue],
                        self._years[cell_year],
                        sic,
                    )
                )
            self._business_rows.append((number, key, company, normalized, zip5, raw_sic, sic))
        else:
            fail(number, "MISSING_VALUE", "company_name", "", "The row has no company name.")

        phones, raw_phones = phones_of_cells(
            (cell_phone,) if self._phone_at is None else [cells[i] for i in self._phone_at]
        )
        phone = phones[0][0] if phones else None
        if not phone:
            fail(number, "INVALID_PHONE", "phone", *phone_failure(raw_phones))
        emails, raw_emails = emails_of_cells(
            (cell_email,) if self._email_at is None else [cells[i] for i in self._email_at]
        )
        email = emails[0] if emails else None
        if raw_emails and not email:
            fail(number, "INVALID_EMAIL", "email", *email_failure(raw_emails))

        if first or last or phone or email:
            persona_id = self._per_id()
            extra = {name: cells[i] for name, i in self.extras if i < len(cells) and cells[i]} if self.extras else {}
            chunk.personas.append(
                (
                    persona_id,
                    team_id,
                    now,
                    now,
                    source_file,
                    number,
                    first[:120],
                    last[:120],
                    _PERSON_KEYS[first],
                    _PERSON_KEYS[last],
                    title[:200],
                    state or "",
                    zip5,
                    extra,
                )
            )
            counts.personas += 1
            for phone_number, raw_phone in phones:  # every valid number of the row's phone cells, each once
                chunk.phones.append(
                    (self._ph_id(), team_id, now, now, source_file, number, persona_id, raw_phone[:64], phone_number,
                     "unknown", True)
                )  # fmt: skip
            counts.phones += len(phones)
            for address in emails:
                chunk.emails.append((self._em_id(), team_id, now, now, source_file, number, persona_id, address, True))
            counts.emails += len(emails)
            if key is not None:
                self._owners.append((number, persona_id, key, title[:200]))
            counts.rows_loaded += 1
        elif company:
            fail(number, "MISSING_VALUE", "first_name", "", "The row has no contact name, phone or email.")
            counts.rows_loaded += 1

    def resolve(self, holders: dict[str, "Holder"]) -> None:
        """Link the chunk's rows to the business holding their key (``businesses_upsert``).

        A row whose own candidate became the business created it (MISSING_SIC if it had no SIC code). Every
        other row with a company is a DUPLICATE_BUSINESS linked to the holder: the business of another row
        with the same key, or the business the row's own record (file, row) already holds under another key
        (the row was loaded before with other values, or that business was edited since). A row left without
        a holder keeps its persona and gets a DUPLICATE_BUSINESS without a link. Then count the rows with errors.
        """
        counts = self.counts
        fail = self.fail
        source_file = self.source_file
        linked: dict[int, str] = {}
        for number, key, company, normalized, zip5, raw_sic, sic in self._business_rows:
            holder = holders.get(key)
            if holder is None:
                fail(
                    number,
                    "DUPLICATE_BUSINESS",
                    "company_name",
                    company,
                    f"'{normalized}' at ZIP '{zip5}' could not be stored: row {number} of this file is already "
                    "loaded as a business this team cannot see. The row has no business link.",
                )
                continue
            linked[number] = holder.id
            if holder.key != key:
                counts.businesses_linked += 1
                held_name, _, held_zip = holder.key.partition("\t")
                fail(
                    number,
                    "DUPLICATE_BUSINESS",
                    "company_name",
                    company,
                    f"Row {holder.source_row} of this file is already loaded as {holder.id} ('{held_name}' at ZIP "
                    f"'{held_zip}'), not as '{normalized}' at ZIP '{zip5}'; the row is linked to it.",
                )
            elif holder.source_row == number and holder.source_file == source_file:
                counts.businesses += 1
                if not sic:
                    fail(
                        number,
                        "MISSING_SIC",
                        "sic_code",
                        raw_sic,
                        f"'{raw_sic}' is not a SIC code." if raw_sic else "No SIC code provided.",
                    )
            else:
                counts.businesses_linked += 1
                fail(
                    number,
                    "DUPLICATE_BUSINESS",
                    "company_name",
                    company,
                    f"'{normalized}' at ZIP '{zip5}' already exists as {holder.id}; the row is linked to it.",
                )
        now, team_id = self.now, self.team_id
        owners = self.chunk.owners
        for number, persona_id, _key, title in self._owners:
            business_id = linked.get(number)
            if business_id is not None:
                owners.append((self._bo_id(), team_id, now, now, source_file, number, persona_id, business_id, title))
                counts.owners += 1
        counts.rows_with_errors += len({failure[10] for failure in self.chunk.failures})


def phones_of_cells(cells) -> tuple[list[tuple[str, str]], list[str]]:
    """The valid numbers of a row's phone cells (one per column naming the phone), in column order and each once,
    each with the cleaned cell it came from; and the row's non-empty cleaned cells (what a failure names)."""
    found: list[tuple[str, str]] = []
    raws: list[str] = []
    for cell in cells:
        raw = clean_cell(cell)
        if raw:
            raws.append(raw)
            for number in phones_from_cell(raw):
                if all(number != known for known, _raw in found):
                    found.append((number, raw))
    return found, raws


def phone_failure(raws: list[str]) -> tuple[str, str]:
    """The raw value and detail of INVALID_PHONE for a row whose phone cells (non-empty, cleaned) hold no number."""
    if not raws:
        return "", "The phone number is empty."
    if len(raws) == 1:
        return raws[0], f"'{raws[0]}' cannot be normalized to a valid 10-digit US number."
    listed = ", ".join(f"'{raw}'" for raw in raws)
    return " / ".join(raws), f"No phone column holds a valid 10-digit US number: {listed}."


def emails_of_cells(cells) -> tuple[list[str], list[str]]:
    """The valid addresses of a row's e-mail cells (``email_from_cell`` of each), in column order and each once;
    and the row's non-empty cleaned cells."""
    found: list[str] = []
    raws: list[str] = []
    for cell in cells:
        raw = clean_cell(cell)
        if raw:
            raws.append(raw)
            if (email := email_from_cell(raw)) is not None and email not in found:
                found.append(email)
    return found, raws


def email_failure(raws: list[str]) -> tuple[str, str]:
    """The raw value and detail of INVALID_EMAIL for a row whose e-mail cells (non-empty, cleaned) hold no address."""
    if len(raws) == 1:
        return raws[0], f"'{raws[0]}' is not a valid email address."
    listed = ", ".join(f"'{raw}'" for raw in raws)
    return " / ".join(raws), f"No e-mail column holds a valid address: {listed}."


def full_name_of(full: str) -> tuple[str, str]:
    """Return the (first, last) names of a cleaned full-name cell, as they are shown (``display_name``)."""
    first, last = split_full_name(full)
    return display_name(first), display_name(last)


def _int_or_none(value, limit):
    if value is None or value < 0 or value > limit:
        return None
    return value


def _state_of(cell: str) -> tuple[str, str | None]:
    raw = clean_cell(cell)
    return raw, (normalize_state(raw) if raw else None)


def _zip_of(cell: str) -> tuple[str, str | None, str | None]:
    raw = clean_cell(cell)
    return (raw, *split_zip(raw)) if raw else (raw, None, None)


def _company_of(cell: str) -> tuple[str, str]:
    company = clean_cell(cell)
    return company, (normalize_business_name(company)[:255] if company else "")  # the key is what the column keeps


def _sic_of(cell: str) -> tuple[str, str]:
    raw = clean_cell(cell)
    return raw, ((normalize_sic(raw) if raw else None) or "")


def _employees_of(cell: str) -> int | None:
    raw = clean_cell(cell)
    return _int_or_none(parse_int_range(raw), 2**31 - 1) if raw else None


def _revenue_of(cell: str) -> int | None:
    raw = clean_cell(cell)
    return _int_or_none(parse_money(raw), 2**63 - 1) if raw else None


def _year_of(cell: str, *, today_year: int) -> int | None:
    raw = clean_cell(cell)
    return parse_year(raw, today_year=today_year) if raw else None


# The worker's memos of the pure rules for fields whose values repeat down a list (names, titles, cities, states,
# ZIPs, headcounts, revenues, SIC codes), keyed by the cell as read: most rows cost a dict look-up per
# field instead of the rule. Each is bounded (``Memo``). Companies, phones, e-mails, addresses and full names are mostly
# unique and are not remembered; the year depends on the run's date and is remembered per chunk.
_CLEANED = Memo(clean_cell, 1 << 16)
# A first-name cell loses an honorific before the name, a last-name cell the credentials after it ("Dr. Maria",
# "Garcia, MD"), as a full-name cell does (``split_full_name``).
_FIRST_NAMES = Memo(lambda cell: display_name(first_name_cell(clean_cell(cell))), 1 << 16)
_LAST_NAMES = Memo(lambda cell: display_name(last_name_cell(clean_cell(cell))), 1 << 16)
_PERSON_KEYS = Memo(lambda name: normalize_person_name(name)[:120], 1 << 16)
_STATES = Memo(_state_of, 4096)
_ZIPS = Memo(_zip_of, 1 << 16)
_SICS = Memo(_sic_of, 4096)
_EMPLOYEES = Memo(_employees_of, 4096)
_REVENUES = Memo(_revenue_of, 1 << 15)


# What a chunk writes once its businesses are settled (``businesses_upsert``), parents before children.
CHUNK_TABLES = (
    (Persona, PERSONA_COLUMNS, "personas"),
    (PersonaPhone, PHONE_COLUMNS, "phones"),
    (PersonaEmail, EMAIL_COLUMNS, "emails"),
    (BusinessOwner, OWNER_COLUMNS, "owners"),
    (StageFailure, FAILURE_COLUMNS, "failures"),
)


def encode_chunk(writer: RecordWriter, chunk: Chunk) -> list:
    """Prepare one chunk's records for ``send_chunk``, parents before children."""
    return [
        writer.encode(model, columns, rows) for model, columns, attr in CHUNK_TABLES if (rows := getattr(chunk, attr))
    ]


def send_chunk(writer: RecordWriter, payloads: list) -> None:
    """Write prepared payloads to the database in order."""
    for payload in payloads:
        writer.send(payload)


def write_chunk(writer: RecordWriter, chunk: Chunk) -> None:
    """Write one chunk's records in dependency order (parents before children)."""
    send_chunk(writer, encode_chunk(writer, chunk))


BUSINESS_STAGE_TABLE = "ingest_business_stage"


class Holder(NamedTuple):
    """The business holding a key: its id, the row that created it, and its own key ("NAME<tab>ZIP")."""

    id: str
    source_file: str
    source_row: int
    key: str


def businesses_upsert(writer: RecordWriter, rows: list[tuple], *, team_id: str) -> dict[str, Holder]:
    """Insert the candidate businesses whose key no business of the team holds; return who holds each key.

    The unique key (team, normalized name, ZIP) decides, not a read-then-write: ``INSERT ... ON CONFLICT DO
    NOTHING`` waits for a concurrent transaction inserting the same key and yields to it, so two chunks or
    two files of one team never create the same business twice. Rows are inserted in key order, so two
    transactions lock their common keys in the same order and cannot deadlock.

    The insert is also refused when a candidate's own trace (source file, source row) already holds a
    business under another key: the row was loaded before with other values (a chunk run again after the
    business was edited, or after the normalizing rules changed). That key then names the business its row
    holds (a ``Holder`` whose ``key`` differs), so the row is linked to it with a row error, not lost.
    Returns ``"NAME<tab>ZIP" -> Holder``; a key is missing only when no business of the team holds it.
    """
    if not rows:
        return {}
    name_at = BUSINESS_COLUMNS.index("normalized_name")
    zip_at = BUSINESS_COLUMNS.index("zip5")
    if isinstance(writer, CopyWriter):
        holders = _businesses_upsert_copy(writer, rows)
    else:
        holders = _businesses_upsert_orm(rows, team_id=team_id, name_at=name_at, zip_at=zip_at)
    refused = [row for row in rows if f"{row[name_at]}\t{row[zip_at]}" not in holders]
    if refused:
        holders.update(_holders_of_source_rows(refused, team_id=team_id, name_at=name_at, zip_at=zip_at))
    return holders


def _holders_of_source_rows(rows: list[tuple], *, team_id: str, name_at: int, zip_at: int) -> dict[str, Holder]:
    """Name, for each candidate refused by its (source file, source row), the team's business holding that row."""
    file_at = BUSINESS_COLUMNS.index("source_file")
    row_at = BUSINESS_COLUMNS.index("source_record_id")
    holders = {}
    for source_file in sorted({row[file_at] for row in rows}):
        wanted = {row[row_at]: f"{row[name_at]}\t{row[zip_at]}" for row in rows if row[file_at] == source_file}
        numbers = sorted(wanted)
        for start in range(0, len(numbers), 900):
            found = Business.objects.filter(
                team_id=team_id, source_file=source_file, source_record_id__in=numbers[start : start + 900]
            ).values_list("id", "source_record_id", "normalized_name", "zip5")
            for pk, source_row, name, zip5 in found:
                holders[wanted[source_row]] = Holder(pk, source_file, source_row, f"{name}\t{zip5}")
    return holders


def _businesses_upsert_orm(rows: list[tuple], *, team_id: str, name_at: int, zip_at: int) -> dict[str, Holder]:
    rows = sorted(rows, key=itemgetter(name_at, zip_at))
    Business.objects.bulk_create(
        [Business(**dict(zip(BUSINESS_COLUMNS, row, strict=True))) for row in rows],
        batch_size=2000,
        ignore_conflicts=True,
    )
    wanted = {f"{row[name_at]}\t{row[zip_at]}" for row in rows}
    names = sorted({row[name_at] for row in rows})
    holders = {}
    for start in range(0, len(names), 900):
        found = Business.objects.filter(team_id=team_id, normalized_name__in=names[start : start + 900]).values_list(
            "normalized_name", "zip5", "id", "source_file", "source_record_id"
        )
        for name, zip5, pk, source_file, source_row in found:
            key = f"{name}\t{zip5}"
            if key in wanted:
                holders[key] = Holder(pk, source_file, source_row, key)
    return holders


def _businesses_upsert_copy(writer: "CopyWriter", rows: list[tuple]) -> dict[str, Holder]:
    table = connection.ops.quote_name(Business._meta.db_table)
    stage = connection.ops.quote_name(BUSINESS_STAGE_TABLE)
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE IF NOT EXISTS {stage} (LIKE {table} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS"
        )
        cursor.execute(f"TRUNCATE {stage}")
    writer.send(writer.encode(Business, BUSINESS_COLUMNS, rows, table=BUSINESS_STAGE_TABLE))
    with connection.wrap_database_errors, connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} SELECT * FROM {stage} ORDER BY normalized_name, zip5 ON CONFLICT DO NOTHING"
        )
        cursor.execute(
            f"SELECT b.normalized_name, b.zip5, b.id, b.source_file, b.source_record_id FROM {table} b "
            f"JOIN {stage} s ON b.team_id = s.team_id AND b.normalized_name = s.normalized_name AND b.zip5 = s.zip5"
        )
        return {
            f"{name}\t{zip5}": Holder(pk, source_file, row, f"{name}\t{zip5}")
            for name, zip5, pk, source_file, row in cursor.fetchall()
        }
