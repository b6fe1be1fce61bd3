"""Stage 2: turn CSV rows into businesses, personas, phones, emails and owner links, in bulk.

Rows are normalized in Python and written chunk by chunk through a ``RecordWriter``: PostgreSQL
gets ``COPY`` (the fast path), any other database gets ``bulk_create`` (the portable fallback).
Both receive exactly the same rows, and both are tested.
"""

import json
from collections import Counter
from dataclasses import dataclass, field

from django.db import connection

from identity.models import Business, BusinessOwner, Persona, PersonaEmail, PersonaPhone
from usdatabiz.core.ids import id_batch
from usdatabiz.core.models import StageFailure

from . import normalizers as n
from .csvreader import CsvRow, HeaderMap

BUSINESS_COLUMNS = (
    "id",
    "team_id",
    "created_at",
    "updated_at",
    "source_file",
    "source_record_id",
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
    "id",
    "team_id",
    "created_at",
    "updated_at",
    "source_file",
    "source_record_id",
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
    "id",
    "team_id",
    "created_at",
    "updated_at",
    "source_file",
    "source_record_id",
    "persona_id",
    "raw",
    "normalized_number",
    "phone_type",
    "is_valid",
)
EMAIL_COLUMNS = (
    "id",
    "team_id",
    "created_at",
    "updated_at",
    "source_file",
    "source_record_id",
    "persona_id",
    "email",
    "is_valid",
)
OWNER_COLUMNS = (
    "id",
    "team_id",
    "created_at",
    "updated_at",
    "source_file",
    "source_record_id",
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


class IdSource:
    """Hand out prefixed ULIDs from pre-generated batches (one call per id would dominate a 1M-row load)."""

    def __init__(self, prefix: str, batch: int = 4096):
        self.prefix = prefix
        self.batch = batch
        self._ids: list[str] = []

    def __call__(self) -> str:
        if not self._ids:
            self._ids = id_batch(self.prefix, self.batch)
            self._ids.reverse()
        return self._ids.pop()


class RecordWriter:
    """Write rows of a model given as tuples in ``columns`` order; other fields get their defaults."""

    def _layout(self, model, columns):
        missing = [f for f in model._meta.concrete_fields if f.attname not in columns and not f.primary_key]
        return missing, tuple(f.get_default() for f in missing)

    def write(self, model, columns, rows) -> int:
        raise NotImplementedError


class OrmWriter(RecordWriter):
    """Portable writer: ``bulk_create`` in batches."""

    def write(self, model, columns, rows) -> int:
        if not rows:
            return 0
        objs = [model(**dict(zip(columns, row, strict=True))) for row in rows]
        model.objects.bulk_create(objs, batch_size=2000)
        return len(objs)


class CopyWriter(RecordWriter):
    """PostgreSQL writer: one ``COPY ... FROM STDIN`` per model per chunk."""

    def write(self, model, columns, rows) -> int:
        if not rows:
            return 0
        missing, defaults = self._layout(model, columns)
        json_columns = {f.attname for f in model._meta.concrete_fields if f.get_internal_type() == "JSONField"}
        json_index = [i for i, c in enumerate(columns) if c in json_columns]
        defaults = tuple(
            json.dumps(v) if f.attname in json_columns else v for f, v in zip(missing, defaults, strict=True)
        )
        names = ", ".join(connection.ops.quote_name(c) for c in (*columns, *(f.column for f in missing)))
        sql = f"COPY {connection.ops.quote_name(model._meta.db_table)} ({names}) FROM STDIN"
        with connection.cursor() as cursor, cursor.copy(sql) as copy:
            write_row = copy.write_row
            if json_index:
                for row in rows:
                    row = list(row)
                    for i in json_index:
                        row[i] = json.dumps(row[i])
                    write_row((*row, *defaults))
            elif defaults:
                for row in rows:
                    write_row(row + defaults)
            else:
                for row in rows:
                    write_row(row)
        return len(rows)


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


class RowNormalizer:
    """Normalize rows of one file for one team into record tuples and named failures."""

    STAGE = 2

    def __init__(
        self,
        *,
        team_id: str,
        source_file: str,
        header: HeaderMap,
        subject_id: str,
        run_id: str | None,
        known_businesses: dict[tuple[str, str], str],
        now,
        today_year: int,
    ):
        self.team_id = team_id
        self.source_file = source_file
        self.subject_id = subject_id
        self.run_id = run_id
        self.businesses = known_businesses
        self.now = now
        self.today_year = today_year
        self.width = len(header.columns)
        f = header.fields
        self.ix = {
            name: f.get(name)
            for name in (
                "company_name",
                "dba",
                "first_name",
                "last_name",
                "full_name",
                "title",
                "email",
                "phone",
                "address",
                "city",
                "state",
                "zip",
                "employees",
                "revenue",
                "year_founded",
                "sic_code",
            )
        }
        self.extras = list(header.extras.items())
        self.counts = LoadCounts()
        self.chunk = Chunk()
        self._biz_id = IdSource("biz")
        self._per_id = IdSource("per")
        self._ph_id = IdSource("ph")
        self._em_id = IdSource("em")
        self._bo_id = IdSource("bo")
        self._sf_id = IdSource("sf")

    def take_chunk(self) -> Chunk:
        chunk, self.chunk = self.chunk, Chunk()
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

    def _cell(self, cells, name):
        i = self.ix[name]
        if i is None or i >= len(cells):
            return ""
        return n.clean(cells[i])

    def process(self, row: CsvRow) -> None:
        """Normalize one row; append its records and failures to the current chunk."""
        cells = row.cells
        number = row.number
        cell = self._cell
        counts = self.counts
        counts.rows += 1
        before = sum(counts.failures.values())
        now = self.now
        team_id = self.team_id
        source_file = self.source_file

        company = cell(cells, "company_name")
        first = cell(cells, "first_name")
        last = cell(cells, "last_name")
        if not first and not last and self.ix["full_name"] is not None:
            first, last = split_full_name(cell(cells, "full_name"))
        title = cell(cells, "title")
        raw_state = cell(cells, "state")
        state = n.normalize_state(raw_state) if raw_state else None
        if not state:
            self.fail(
                number,
                "UNKNOWN_STATE",
                "state",
                raw_state,
                f"'{raw_state}' is not a US state, DC or territory." if raw_state else "The state is empty.",
            )
        raw_zip = cell(cells, "zip")
        zip5, zip4 = n.split_zip(raw_zip) if raw_zip else (None, None)
        if not zip5:
            self.fail(
                number,
                "INVALID_ZIP",
                "zip",
                raw_zip,
                f"'{raw_zip}' is not a US ZIP code." if raw_zip else "The ZIP code is empty.",
            )
        zip5 = zip5 or ""

        business_id = None
        if company:
            normalized = n.normalize_business_name(company)
            key = (normalized, zip5)
            business_id = self.businesses.get(key)
            if business_id is not None:
                counts.businesses_linked += 1
                self.fail(
                    number,
                    "DUPLICATE_BUSINESS",
                    "company_name",
                    company,
                    f"'{normalized}' at ZIP '{zip5}' already exists as {business_id}; the row is linked to it.",
                )
            else:
                raw_sic = cell(cells, "sic_code")
                sic = n.normalize_sic(raw_sic) if raw_sic else None
                if not sic:
                    self.fail(
                        number,
                        "MISSING_SIC",
                        "sic_code",
                        raw_sic,
                        f"'{raw_sic}' is not a SIC code." if raw_sic else "No SIC code provided.",
                    )
                business_id = self._biz_id()
                self.businesses[key] = business_id
                self.chunk.businesses.append(
                    (
                        business_id,
                        team_id,
                        now,
                        now,
                        source_file,
                        number,
                        company[:255],
                        normalized[:255],
                        cell(cells, "dba")[:255],
                        cell(cells, "address")[:255],
                        cell(cells, "city")[:120],
                        state or "",
                        zip5,
                        zip4 or "",
                        _int_or_none(n.parse_int_range(cell(cells, "employees")), 2**31 - 1),
                        _int_or_none(n.parse_money(cell(cells, "revenue")), 2**63 - 1),
                        n.parse_year(cell(cells, "year_founded"), today_year=self.today_year),
                        sic or "",
                    )
                )
                counts.businesses += 1
        else:
            self.fail(number, "MISSING_VALUE", "company_name", "", "The row has no company name.")

        raw_phone = cell(cells, "phone")
        phone = n.normalize_phone(raw_phone) if raw_phone else None
        if not phone:
            self.fail(
                number,
                "INVALID_PHONE",
                "phone",
                raw_phone,
                f"'{raw_phone}' cannot be normalized to a valid 10-digit US number."
                if raw_phone
                else "The phone number is empty.",
            )
        raw_email = cell(cells, "email")
        email = n.normalize_email(raw_email) if raw_email else None
        if raw_email and not email:
            self.fail(number, "INVALID_EMAIL", "email", raw_email, f"'{raw_email}' is not a valid email address.")

        if first or last or phone or email:
            persona_id = self._per_id()
            extra = {name: cells[i] for name, i in self.extras if i < len(cells) and cells[i]} if self.extras else {}
            self.chunk.personas.append(
                (
                    persona_id,
                    team_id,
                    now,
                    now,
                    source_file,
                    number,
                    first[:120],
                    last[:120],
                    n.normalize_person_name(first)[:120],
                    n.normalize_person_name(last)[:120],
                    title[:200],
                    state or "",
                    zip5,
                    extra,
                )
            )
            counts.personas += 1
            if phone:
                self.chunk.phones.append(
                    (
                        self._ph_id(),
                        team_id,
                        now,
                        now,
                        source_file,
                        number,
                        persona_id,
                        raw_phone[:64],
                        phone,
                        "unknown",
                        True,
                    )
                )
                counts.phones += 1
            if email:
                self.chunk.emails.append(
                    (self._em_id(), team_id, now, now, source_file, number, persona_id, email, True)
                )
                counts.emails += 1
            if business_id:
                self.chunk.owners.append(
                    (
                        self._bo_id(),
                        team_id,
                        now,
                        now,
                        source_file,
                        number,
                        persona_id,
                        business_id,
                        title[:200],
                    )
                )
                counts.owners += 1
        elif not company:
            pass  # nothing usable; the MISSING_VALUE above names the row
        else:
            self.fail(number, "MISSING_VALUE", "first_name", "", "The row has no contact name, phone or email.")

        if business_id or first or last or phone or email:
            counts.rows_loaded += 1
        if sum(counts.failures.values()) != before:
            counts.rows_with_errors += 1


def split_full_name(full: str) -> tuple[str, str]:
    """Split 'First Last' or 'Last, First' into (first, last)."""
    if not full:
        return "", ""
    if "," in full:
        last, _, first = full.partition(",")
        return first.strip(), last.strip()
    parts = full.split()
    if len(parts) == 1:
        return parts[0], ""
    return " ".join(parts[:-1]), parts[-1]


def _int_or_none(value, limit):
    if value is None or value < 0 or value > limit:
        return None
    return value


def write_chunk(writer: RecordWriter, chunk: Chunk) -> None:
    """Write one chunk's records in dependency order (parents before children)."""
    writer.write(Business, BUSINESS_COLUMNS, chunk.businesses)
    writer.write(Persona, PERSONA_COLUMNS, chunk.personas)
    writer.write(PersonaPhone, PHONE_COLUMNS, chunk.phones)
    writer.write(PersonaEmail, EMAIL_COLUMNS, chunk.emails)
    writer.write(BusinessOwner, OWNER_COLUMNS, chunk.owners)
    writer.write(StageFailure, FAILURE_COLUMNS, chunk.failures)
