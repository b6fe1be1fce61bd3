"""Stage 2 on PostgreSQL, set-based: raw rows are copied into a staging table and normalized by SQL.

The rules stay those of ``normalizers`` and ``loader.RowNormalizer``; SQL reproduces them only where it can do so
exactly, and asks Python for everything else, value by value:

1. the chunk's rows, as read by the CSV reader (``row_width_ok`` rows only, NUL characters removed as
   ``RowNormalizer`` does), are copied raw into ``ingest_raw``, one text column per mapped field and extra column;
2. one query lists the distinct values SQL does not take (``_needs_python``): every value of the fields that repeat
   down a list (names, titles, cities, DBAs, states, ZIPs, headcounts, revenues, years, SIC codes: ``_REMEMBERED``,
   answered by the worker's memos), and the companies, phones, e-mails, addresses and full names that are not
   printable ASCII, phones that are not up to 11 digits and formatting (a cell may hold several numbers), e-mails
   SQL refuses (a cell may hold an address among other text) and full names SQL cannot split at their last space.
   Python runs on each the rule ``RowNormalizer`` runs and copies the results into ``ingest_map``;
3. one ``INSERT ... SELECT`` writes the normalized rows (``ingest_rows``): the map's value where there is one, the
   SQL rule otherwise; then the rows' failures, the chunk's business candidates (the first row of each key), the
   upsert (``INSERT ... ON CONFLICT DO NOTHING`` in key order, committed apart, as ``businesses_upsert``), who holds
   each key, and the failures that follow from it (DUPLICATE_BUSINESS, MISSING_SIC);
4. the chunk's transaction inserts personas, phones, e-mails, owner links and row failures from those tables.

What "plain" means per field is in ``_needs_python``, the ``_sql_*`` builders and the session functions;
``tests/test_setload.py`` runs this path and the Python one on the same files and compares every record and failure.
Temporary tables live in the worker's session: ``ingest_raw`` and ``ingest_map`` per batch, ``ingest_rows``,
``ingest_fail`` and ``ingest_holder`` per chunk (emptied when a chunk starts).
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from functools import partial

from django.db import connection
from ulid import ULID

from identity.models import Business, BusinessOwner, Persona, PersonaEmail, PersonaPhone
from usdatabiz.core.ids import _encode40
from usdatabiz.core.models import StageFailure
from usdatabiz.core.phones import US_AREA_CODES

from .csvreader import HeaderMap
from .loader import (
    _CLEANED,
    _COPY_ESCAPE,
    _FIRST_NAMES,
    _LAST_NAMES,
    _NEEDS_ESCAPE,
    _PERSON_KEYS,
    _REVENUES,
    _SICS,
    _STATES,
    _ZIPS,
    FIELD_ORDER,
    LoadCounts,
    MappedRows,
    _company_of,
    _employees_of,
    _year_of,
    email_failure,
    emails_of_cells,
    full_name_of,
    phone_failure,
    phones_of_cells,
)
from .normalizers import NAME_EXTRA_WORDS, NULL_MARKERS, Memo, clean_cell, email_from_cell, phones_from_cell

# Extras are written with jsonb_build_object, which takes at most 100 arguments.
MAX_EXTRAS = 40

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def _id_base(prefix: str) -> tuple[str, int]:
    """A head and a counter start for ids made in SQL, as ``usdatabiz.core.ids.id_batch`` makes them."""
    millis = int(time.time() * 1000)
    high = str(ULID.from_timestamp(millis / 1000))[:10] + _encode40(int.from_bytes(os.urandom(5), "big"))
    return f"{prefix}_{high}", int.from_bytes(os.urandom(5), "big") >> 3


def _id_sql(prefix: str, n: str, *, base: tuple[str, int] | None = None) -> str:
    """SQL for the id number ``n`` (a non-negative bigint expression below 2**37) of ``base`` (``_id_base``), by
    default a fresh base of ``prefix``: ids of one base sort as their numbers."""
    head, start = base or _id_base(prefix)
    value = f"({start}::bigint + ({n}))"
    symbols = " || ".join(f"substr('{_ALPHABET}', (({value} >> {5 * k}) & 31)::int + 1, 1)" for k in range(7, -1, -1))
    return f"('{head}' || {symbols})"


# ---------------------------------------------------------------------------------------------------------------------
# SQL builders of the rules, for printable ASCII values (``_printable``); each takes and returns an SQL expression.
# ---------------------------------------------------------------------------------------------------------------------


def _printable(v: str) -> str:
    return f"({v} ~ '^[ -~]*$')"


def _markers() -> str:
    return ", ".join(f"'{m}'" for m in sorted(NULL_MARKERS))


def _sql_trim(v: str) -> str:
    # For printable ASCII, ``clean_cell`` trims spaces and collapses runs of them (no other whitespace is left).
    return f"(CASE WHEN strpos({v}, '  ') > 0 THEN btrim(regexp_replace({v}, ' {{2,}}', ' ', 'g')) ELSE btrim({v}) END)"


def _sql_clean(v: str) -> str:
    t = _sql_trim(v)
    return f"(CASE WHEN length({t}) <= 4 AND lower({t}) IN ({_markers()}) THEN '' ELSE {t} END)"


_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"


def _sql_literal(text: str) -> str:
    """A string literal for SQL run with parameters (``%`` doubled)."""
    return "'" + text.replace("'", "''").replace("%", "%%") + "'"


def _sql_words(v: str, deleted: str) -> str:
    """Uppercase, ``deleted`` punctuation removed, the rest of ASCII punctuation as spaces, words single-spaced."""
    others = "".join(ch for ch in _PUNCT if ch not in deleted)
    spaces = _sql_literal(" " * len(others))
    u = f"translate(translate(upper({v}), {_sql_literal(deleted)}, ''), {_sql_literal(others)}, {spaces})"
    return _sql_squeeze(u)


def _sql_person_key(v: str) -> str:
    """``normalize_person_name(v)[:120]`` for printable ASCII."""
    words = _sql_words(v, "'`.")
    no_honorific = f"regexp_replace({words}, '^((MR|MRS|MS|DR|PROF) )+', '')"
    return f"left(regexp_replace({no_honorific}, '( (JR|SR|II|III|IV))+$', ''), 120)"


# ``normalize_business_name``'s leading THE and legal-suffix loop, step by step as in Python, over the words of a
# printable ASCII name (single spaces, no space at either end). A session's temporary function (``pg_temp``): no
# migration, and the words are computed once per name instead of once per use.
_BUSINESS_KEY_FUNCTION = """
CREATE OR REPLACE FUNCTION pg_temp.ingest_business_key(k text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    last text;
BEGIN
    IF left(k, 4) = 'THE ' THEN
        k := substr(k, 5);
    END IF;
    LOOP
        EXIT WHEN strpos(k, ' ') = 0;
        last := split_part(k, ' ', -1);
        IF last IN ('INC', 'INCORPORATED', 'LLC', 'LLP', 'LP', 'LTD', 'LIMITED', 'CO', 'COMPANY', 'CORP',
                    'CORPORATION', 'PC', 'PLLC', 'PA') THEN
            k := left(k, length(k) - length(last) - 1);
        ELSIF right(k, 8) = ' P L L C' AND length(k) > 8 THEN
            k := left(k, -8);
        ELSIF right(k, 6) IN (' L L C', ' L L P') AND length(k) > 6 THEN
            k := left(k, -6);
        ELSIF right(k, 4) IN (' L P', ' P C', ' P A') AND length(k) > 4 THEN
            k := left(k, -4);
        ELSE
            EXIT;
        END IF;
    END LOOP;
    RETURN k;
END
$$
"""


def _sql_squeeze(u: str) -> str:
    return f"(CASE WHEN strpos({u}, '  ') > 0 THEN btrim(regexp_replace({u}, ' {{2,}}', ' ', 'g')) ELSE btrim({u}) END)"


def _sql_business_key(v: str) -> str:
    """``normalize_business_name(v)[:255]`` for printable ASCII."""
    words = _sql_words(f"replace({v}, '&', ' AND ')", "'`")
    return f"left(pg_temp.ingest_business_key({words}), 255)"


def _sql_zip5(c: str) -> str:
    return (
        f"(CASE WHEN {c} ~ '^[0-9]{{5}}$' THEN nullif({c}, '00000') "
        f"WHEN {c} ~ '^[0-9]{{5}}-?[0-9]{{4}}$' THEN nullif(left({c}, 5), '00000') END)"
    )


def _sql_zip4(c: str) -> str:
    return (
        f"(CASE WHEN {c} ~ '^[0-9]{{5}}-?[0-9]{{4}}$' AND left({c}, 5) <> '00000' "
        f"THEN nullif(right({c}, 4), '0000') END)"
    )


def _sql_phone_digits(c: str) -> str:
    stripped = f"(CASE WHEN {c} ~ '^[0-9]+\\.00?$' THEN split_part({c}, '.', 1) ELSE {c} END)"
    return f"translate({stripped}, ' ()-.+/', '')"


# ``valid_us_digits`` (``core.phones``) of a plain phone: digits and the formatting ``normalize_phone`` deletes.
_PHONE_FUNCTION = """
CREATE OR REPLACE FUNCTION pg_temp.ingest_us_phone(t text, areas text[]) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    d text;
BEGIN
    IF t ~ '^[0-9]+\\.00?$' THEN
        t := split_part(t, '.', 1);
    END IF;
    d := translate(t, ' ()-.+/', '');
    IF length(d) = 11 AND left(d, 1) = '1' THEN
        d := substr(d, 2);
    END IF;
    IF d ~ '^[2-9][0-9][0-9][2-9][0-9]{6}$' AND substr(d, 2, 2) <> '11' AND d <> repeat(left(d, 1), 10)
            AND left(d, 3) = ANY(areas) THEN
        RETURN d;
    END IF;
    RETURN NULL;
END
$$
"""


def _sql_phone(c: str) -> str:
    return f"pg_temp.ingest_us_phone({c}, %(areas)s::text[])"


# ``normalizers._EMAIL_RE`` without its bounded repeats, which PostgreSQL's regular expressions run slowly: the
# local part's 1-64 characters and the labels' 63 are checked apart (a label is a run of characters other than ".").
_EMAIL_SQL_RE = "^[a-z0-9_%%+''-]+(\\.[a-z0-9_%%+''-]+)*@([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$"


_EMAIL_FUNCTION = f"""
CREATE OR REPLACE FUNCTION pg_temp.ingest_email(t text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    t := lower(t);
    IF left(t, 7) = 'mailto:' THEN
        t := ltrim(substr(t, 8));
    END IF;
    IF length(t) <= 254 AND t ~ '{_EMAIL_SQL_RE.replace("%%", "%")}' AND strpos(t, '@') <= 65
            AND split_part(t, '@', 2) !~ '[^.]{{64}}' THEN
        RETURN t;
    END IF;
    RETURN NULL;
END
$$
"""


def _sql_email(c: str) -> str:
    """``normalize_email`` of a printable ASCII address."""
    return f"pg_temp.ingest_email({c})"


# Which raw cells SQL does not take, per kind of value. ``f`` is the raw cell, ``c`` its cleaned form.
def _needs_python(kind: str, f: str) -> str:
    p = _printable(f)
    c = _sql_clean(f)
    if kind in _REMEMBERED or kind in _GROUPED_KIND.values():
        return "true"
    if kind == "zip":
        # A ZIP short of digits needs the prefixes of ``split_zip`` to have its zeros restored.
        return f"NOT ({p} AND ({c} = '' OR {c} ~ '^[0-9]{{5}}$' OR {c} ~ '^[0-9]{{5}}-?[0-9]{{4}}$'))"
    if kind == "phone":
        # More than 11 digits may be two numbers in one cell (``phones_from_cell``).
        return f"NOT ({p} AND ({c} = '' OR {_sql_phone_digits(c)} ~ '^[0-9]{{1,11}}$'))"
    if kind == "email":
        # An address SQL refuses may still hold one (``email_from_cell``): "Name <a@b.com>", "a@b.com; c@d.com".
        return f"NOT ({p} AND ({c} = '' OR {_sql_email(c)} IS NOT NULL))"
    if kind in ("first", "last"):
        # A name in capitals is shown in a readable case (``display_name``).
        return f"NOT ({p} AND {c} !~ '[A-Z][A-Z]')"
    if kind == "full":
        # A full name SQL splits at its last space: no comma or period, no word in capitals, no honorific,
        # credential or suffix (``split_full_name``, ``display_name``).
        words = "|".join(sorted(NAME_EXTRA_WORDS))
        return f"NOT ({p} AND {c} !~ '[,.]' AND {c} !~ '[A-Z][A-Z]' AND upper({c}) !~ '(^| )({words})( |$)')"
    if kind == "employees":
        return f"NOT ({p} AND {c} ~ '^[0-9]*$')"
    if kind == "revenue":
        return f"NOT ({p} AND ({c} = '' OR translate({c}, '$, ', '') ~ '^[0-9]+$'))"
    return f"NOT {p}"


# Kinds whose values repeat down a list: every distinct value goes to the worker's memos (``loader``), which answer
# a repeated value for less than SQL spends on evaluating a rule again on every row.
_REMEMBERED = frozenset({"state", "sic", "year", "first", "last", "text", "zip", "employees", "revenue"})

# Mapped field -> (staging column, kind of value); the kind says which rule applies.
_FIELD_KIND = {
    "company_name": "company",
    "dba": "text",
    "first_name": "first",
    "last_name": "last",
    "full_name": "full",
    "title": "text",
    "email": "email",
    "phone": "phone",
    "address": "address",
    "city": "text",
    "state": "state",
    "zip": "zip",
    "employees": "employees",
    "revenue": "revenue",
    "year_founded": "year",
    "sic_code": "sic",
}
_COLUMN = {name: f"f_{name}" for name in FIELD_ORDER}
# A field named by several columns whose every value is kept (``MappedRows.grouped``): its staging column holds the
# row's cells of all of them as a JSON array, every distinct one of which Python reads.
_GROUPED_KIND = {"phone": "phones", "email": "emails"}
_SLOT = {name: FIELD_ORDER.index(name) for name in _GROUPED_KIND}


def _python_values(kind: str, cell: str, *, today_year: int) -> tuple:
    """The rule ``RowNormalizer`` applies to one raw cell of a kind, as up to five texts (None for NULL)."""
    if kind == "text":
        return (_CLEANED[cell], None, None, None)
    if kind == "address":
        return (clean_cell(cell), None, None, None)
    if kind in ("first", "last"):
        name = (_FIRST_NAMES if kind == "first" else _LAST_NAMES)[cell]
        return (name, _PERSON_KEYS[name], None, None)
    if kind == "full":
        full = clean_cell(cell)
        first, last = full_name_of(full) if full else ("", "")
        return (first, last, _PERSON_KEYS[first], _PERSON_KEYS[last])
    if kind == "company":
        return (*_company_of(cell), None, None)
    if kind == "state":
        return (*_STATES[cell], None, None)
    if kind == "zip":
        return (*_ZIPS[cell], None)
    if kind == "sic":
        return (*_SICS[cell], None, None)
    if kind == "employees":
        return (_text(_employees_of(cell)), None, None, None)
    if kind == "revenue":
        return (_text(_REVENUES[cell]), None, None, None)
    if kind == "year":
        return (_text(_year_of(cell, today_year=today_year)), None, None, None)
    if kind == "phones":
        # The cells of every phone column: the first number's cell, the number, the others, their cells (JSON)
        # and, when there is none, the failure's detail.
        phones, raws = phones_of_cells(json.loads(cell))
        if not phones:
            raw, detail = phone_failure(raws)
            return (raw, None, None, None, detail)
        others = phones[1:]
        return (
            phones[0][1],
            phones[0][0],
            " ".join(number for number, _raw in others) or None,
            json.dumps([raw for _number, raw in others]) if others else None,
            None,
        )
    if kind == "emails":
        # The cells of every e-mail column: the first address, the others and, when there is none, the detail.
        emails, raws = emails_of_cells(json.loads(cell))
        if emails or not raws:
            return (" / ".join(raws), (emails[0] if emails else None), (" ".join(emails[1:]) or None), None, None)
        raw, detail = email_failure(raws)
        return (raw, None, None, None, detail)
    raw = clean_cell(cell)
    if kind == "phone":
        # The first valid number, and the cell's others separated by spaces (None when there are none).
        phones = phones_from_cell(raw) if raw else []
        return (raw, (phones[0] if phones else None), (" ".join(phones[1:]) or None), None)
    return (raw, (email_from_cell(raw) if raw else None), None, None)  # email


def _text(value) -> str | None:
    return None if value is None else str(value)


def _copy_text(rows) -> bytes:
    """COPY text of tuples of text (None for NULL)."""
    out = []
    for row in rows:
        out.append(
            "\t".join("\\N" if v is None else (v.translate(_COPY_ESCAPE) if _NEEDS_ESCAPE(v) else v) for v in row)
        )
    return ("\n".join(out) + "\n").encode() if out else b""


class SetLoader(MappedRows):
    """Stage 2 of one chunk through staging tables and SQL; the counterpart of ``RowNormalizer`` + ``CopyWriter``."""

    def __init__(self, **context):
        super().__init__(**context)
        self._extra_at = [i for _name, i in self.extras]
        self.lines: list[str] = []
        self.rows = 0
        self.batch = 0
        self._maps: dict[str, Memo] = {}
        self._kind = {name: _GROUPED_KIND[name] if name in self.grouped else _FIELD_KIND[name] for name in FIELD_ORDER}

    @staticmethod
    def fits(header: HeaderMap) -> bool:
        """Whether this path can load a file of this header (its extras fit one jsonb_build_object)."""
        return len(header.extras) <= MAX_EXTRAS

    # -- reading ------------------------------------------------------------------------------------------------

    def add(self, row) -> None:
        """Keep one row's raw cells for the next batch."""
        cells = row.cells
        if "\x00" in "".join(cells):
            cells = [cell.replace("\x00", "") for cell in cells]
        if len(cells) > self.width:
            cells = cells[: self.width]  # the cells past the header are empty (``row_width_ok``)
        cells.append("")
        if self._fallbacks:
            self.fill(cells)
        values = self._get(cells)
        if self.grouped:
            values = list(values)
            for name, at in self.grouped.items():
                values[_SLOT[name]] = json.dumps([cells[i] for i in at], ensure_ascii=False)
        if self._extra_at:
            values = (*values, *(cells[i] for i in self._extra_at))
        self.lines.append((str(row.number), *values))
        self.rows += 1

    # -- tables ---------------------------------------------------------------------------------------------------

    def start(self) -> None:
        """Create the session's staging tables if needed and empty the chunk's."""
        extras = "".join(f", x{i} text" for i in range(len(self.extras)))
        fields = ", ".join(f"{_COLUMN[name]} text" for name in FIELD_ORDER)
        with connection.cursor() as cursor:
            cursor.execute(_BUSINESS_KEY_FUNCTION)
            cursor.execute(_PHONE_FUNCTION)
            cursor.execute(_EMAIL_FUNCTION)
            cursor.execute("DROP TABLE IF EXISTS ingest_raw")
            cursor.execute(f"CREATE TEMPORARY TABLE ingest_raw (row integer, {fields}{extras})")
            cursor.execute(
                "CREATE TEMPORARY TABLE IF NOT EXISTS ingest_map (kind text, raw text, a text, b text, c text, d text,"
                " e text)"
            )
            cursor.execute(
                "CREATE TEMPORARY TABLE IF NOT EXISTS ingest_rows (batch integer, row integer, first text, last text,"
                " nfirst text, nlast text, title text, raw_state text, state text, raw_zip text, zip5 text, zip4 text,"
                " company text, normalized text, dba text, address text, city text, employees bigint,"
                " revenue bigint, year integer, raw_sic text, sic text, raw_phone text, phone text, other_phones text,"
                " other_raws text, phone_detail text, raw_email text, email text, other_emails text,"
                " email_detail text, extra jsonb)"
            )
            cursor.execute(
                "CREATE TEMPORARY TABLE IF NOT EXISTS ingest_holder (batch integer, name text, zip5 text, id text,"
                " source_file text, source_row integer, held_name text, held_zip text)"
            )
            cursor.execute(
                f"CREATE TEMPORARY TABLE IF NOT EXISTS ingest_fail (LIKE {_table(StageFailure)} INCLUDING DEFAULTS)"
            )
            cursor.execute(
                f"CREATE TEMPORARY TABLE IF NOT EXISTS ingest_business_stage (LIKE {_table(Business)} "
                "INCLUDING DEFAULTS) ON COMMIT DELETE ROWS"
            )
            cursor.execute("CREATE INDEX IF NOT EXISTS ingest_rows_batch ON ingest_rows (batch)")
            cursor.execute("CREATE INDEX IF NOT EXISTS ingest_holder_key ON ingest_holder (batch, name, zip5)")
            cursor.execute("TRUNCATE ingest_rows, ingest_holder, ingest_fail, ingest_map")

    # -- one batch (committed apart: its businesses) --------------------------------------------------------------

    def settle(self) -> None:
        """Stage the rows read so far, normalize them and settle their businesses (in the caller's transaction)."""
        if not self.lines:
            return
        self.batch += 1  # taken back if the transaction fails (``settled`` not called)
        try:
            self._settle(self.lines)
        except BaseException:
            self.batch -= 1
            raise

    def settled(self) -> None:
        """The batch committed: forget its rows."""
        self.lines = []

    def _settle(self, lines: list[tuple]) -> None:
        width = 1 + len(FIELD_ORDER) + len(self.extras)
        count = len(lines)
        text = "\x1e".join(map("\x1f".join, lines)) + "\x1e"
        if _NEEDS_ESCAPE(text) is None and text.count("\x1e") == count and text.count("\x1f") == count * (width - 1):
            data = text.replace("\x1f", "\t").replace("\x1e", "\n").encode()
        else:
            data = _copy_text(lines)
        with connection.wrap_database_errors, connection.cursor() as cursor:
            cursor.execute("TRUNCATE ingest_raw, ingest_map")
            with cursor.copy("COPY ingest_raw FROM STDIN") as copy:
                copy.write(data)
            # Temporary tables have no statistics until analyzed: without them every join below is planned as a
            # nested loop over the whole batch.
            cursor.execute("ANALYZE ingest_raw")
            self._map_values(cursor)
            cursor.execute(
                self._rows_sql(), {"areas": sorted(US_AREA_CODES), "batch": self.batch, **self._extra_params()}
            )
            cursor.execute(self._row_failures_sql(), self._params())
            self._upsert(cursor)
            cursor.execute(self._resolve_failures_sql(), self._params())

    def _params(self) -> dict:
        return {
            "batch": self.batch,
            "team": self.team_id,
            "file": self.source_file,
            "now": self.now,
            "run": self.run_id,
            "subject": self.subject_id,
        }

    def _extra_params(self) -> dict:
        return {f"xname{i}": name for i, (name, _at) in enumerate(self.extras)}

    def _map_values(self, cursor) -> None:
        """Ask Python for the values SQL does not take; copy the answers into ``ingest_map``."""
        parts = []
        for name in FIELD_ORDER:
            kind = self._kind[name]
            column = _COLUMN[name]
            parts.append(
                f"SELECT DISTINCT '{kind}' AS kind, {column} AS raw FROM ingest_raw WHERE {_needs_python(kind, column)}"
            )
        cursor.execute(" UNION ".join(parts), {"unused": None})
        wanted = cursor.fetchall()
        if not wanted:
            return
        memo = partial(_python_values, today_year=self.today_year)
        answers = [(kind, raw, *(memo(kind, raw) + (None,) * 5)[:5]) for kind, raw in wanted]
        with cursor.copy("COPY ingest_map FROM STDIN") as copy:
            copy.write(_copy_text(answers))
        cursor.execute("ANALYZE ingest_map")

    def _rows_sql(self) -> str:
        joins = []
        value = {}
        for name in FIELD_ORDER:
            kind = self._kind[name]
            column = f"r.{_COLUMN[name]}"
            alias = f"m_{name}"
            joins.append(f"LEFT JOIN ingest_map {alias} ON {alias}.kind = '{kind}' AND {alias}.raw = {column}")
            value[name] = (alias, column)

        def mapped(name: str, letter: str, sql: str) -> str:
            alias, _column = value[name]
            return f"(CASE WHEN {alias}.raw IS NOT NULL THEN {alias}.{letter} ELSE {sql} END)"

        def clean(name: str) -> str:
            return _sql_clean(value[name][1])

        first_cell = mapped("first_name", "a", clean("first_name"))
        last_cell = mapped("last_name", "a", clean("last_name"))
        full = clean("full_name")
        full_has_comma = f"strpos({full}, ',') > 0"
        full_first = (
            f"(CASE WHEN {full_has_comma} THEN btrim(substr({full}, strpos({full}, ',') + 1)) "
            f"WHEN strpos({full}, ' ') > 0 THEN regexp_replace({full}, ' [^ ]*$', '') ELSE {full} END)"
        )
        full_last = (
            f"(CASE WHEN {full_has_comma} THEN btrim(split_part({full}, ',', 1)) "
            f"WHEN strpos({full}, ' ') > 0 THEN substring({full} from '[^ ]*$') ELSE '' END)"
        )
        split = f"({first_cell} = '' AND {last_cell} = '')"
        first = f"(CASE WHEN {split} THEN {mapped('full_name', 'a', full_first)} ELSE {first_cell} END)"
        last = f"(CASE WHEN {split} THEN {mapped('full_name', 'b', full_last)} ELSE {last_cell} END)"
        nfirst = (
            f"(CASE WHEN {split} THEN {mapped('full_name', 'c', _sql_person_key(full_first))} "
            f"ELSE {mapped('first_name', 'b', _sql_person_key(clean('first_name')))} END)"
        )
        nlast = (
            f"(CASE WHEN {split} THEN {mapped('full_name', 'd', _sql_person_key(full_last))} "
            f"ELSE {mapped('last_name', 'b', _sql_person_key(clean('last_name')))} END)"
        )
        company = clean("company_name")
        zip_clean = clean("zip")
        employees = clean("employees")
        revenue = f"translate({clean('revenue')}, '$, ', '')"
        phone = clean("phone")
        email = clean("email")
        if self.extras:
            pairs = ", ".join(f"%(xname{i})s, nullif(r.x{i}, '')" for i in range(len(self.extras)))
            extra = f"jsonb_strip_nulls(jsonb_build_object({pairs}))"
        else:
            extra = "'{}'::jsonb"
        select = {
            "first": first,
            "last": last,
            "nfirst": nfirst,
            "nlast": nlast,
            "title": mapped("title", "a", clean("title")),
            "raw_state": "m_state.a",
            "state": "m_state.b",
            "raw_zip": mapped("zip", "a", zip_clean),
            "zip5": mapped("zip", "b", _sql_zip5(zip_clean)),
            "zip4": mapped("zip", "c", _sql_zip4(zip_clean)),
            "company": mapped("company_name", "a", company),
            "normalized": mapped("company_name", "b", _sql_business_key(company)),
            "dba": mapped("dba", "a", clean("dba")),
            "address": mapped("address", "a", clean("address")),
            "city": mapped("city", "a", clean("city")),
            "employees": (
                f"(CASE WHEN m_employees.raw IS NOT NULL THEN m_employees.a::bigint "
                f"WHEN {employees} = '' THEN NULL WHEN {employees}::numeric <= 2147483647 THEN {employees}::bigint END)"
            ),
            "revenue": (
                f"(CASE WHEN m_revenue.raw IS NOT NULL THEN m_revenue.a::bigint "
                f"WHEN {revenue} = '' THEN NULL WHEN {revenue}::numeric <= {2**63 - 1} THEN {revenue}::bigint END)"
            ),
            "year": "m_year_founded.a::integer",
            "raw_sic": "m_sic_code.a",
            "sic": "m_sic_code.b",
            "raw_phone": mapped("phone", "a", phone),
            "phone": mapped("phone", "b", f"(CASE WHEN {phone} <> '' THEN {_sql_phone(phone)} END)"),
            "other_phones": "m_phone.c",  # SQL takes cells of one number only (``_needs_python``)
            "other_raws": "m_phone.d",  # NULL: the other numbers' cell is ``raw_phone``
            "phone_detail": "m_phone.e",  # NULL: INVALID_PHONE's detail is made of ``raw_phone``
            "raw_email": mapped("email", "a", email),
            "email": mapped("email", "b", f"(CASE WHEN {email} <> '' THEN {_sql_email(email)} END)"),
            "other_emails": "m_email.c",
            "email_detail": "m_email.e",
            "extra": extra,
        }
        self._select = select
        columns = ", ".join(select)
        return (
            f"INSERT INTO ingest_rows (batch, row, {columns}) SELECT %(batch)s, r.row, "
            + ", ".join(select.values())
            + " FROM ingest_raw r "
            + " ".join(joins)
        )

    def _failure_insert(self, rows_sql: str) -> str:
        """Insert into ``ingest_fail`` the failures selected by ``rows_sql`` (row, slot, code, field, raw, detail)."""
        fid = _id_sql("sf", "f.row::bigint * 8 + f.slot")
        return (
            "INSERT INTO ingest_fail (id, team_id, created_at, updated_at, stage, code, run_id, subject_type,"
            " subject_id, source_file, source_row, field, raw_value, detail)"
            f" SELECT {fid}, %(team)s, %(now)s, %(now)s, {self.STAGE}, f.code, %(run)s, 'ingestion.datasource',"
            f" %(subject)s, %(file)s, f.row, f.field, left(coalesce(f.raw, ''), 2000), f.detail FROM ({rows_sql}) f"
        )

    def _row_failures_sql(self) -> str:
        persona = "(r.first <> '' OR r.last <> '' OR r.phone IS NOT NULL OR r.email IS NOT NULL)"
        parts = [
            "SELECT row, 0 AS slot, 'UNKNOWN_STATE' AS code, 'state' AS field, raw_state AS raw, CASE WHEN raw_state"
            " <> '' THEN '''' || raw_state || ''' is not a US state, DC or territory.' ELSE 'The state is empty.' END"
            " AS detail FROM ingest_rows r WHERE batch = %(batch)s AND state IS NULL",
            "SELECT row, 1, 'INVALID_ZIP', 'zip', raw_zip, CASE WHEN raw_zip <> '' THEN '''' || raw_zip || ''' is not"
            " a US ZIP code.' ELSE 'The ZIP code is empty.' END FROM ingest_rows r WHERE batch = %(batch)s"
            " AND zip5 IS NULL",
            "SELECT row, 2, 'MISSING_VALUE', 'company_name', '', 'The row has no company name.' FROM ingest_rows r"
            " WHERE batch = %(batch)s AND company = ''",
            "SELECT row, 3, 'INVALID_PHONE', 'phone', raw_phone, coalesce(phone_detail, CASE WHEN raw_phone <> '' THEN"
            " '''' || raw_phone || ''' cannot be normalized to a valid 10-digit US number.' ELSE 'The phone number"
            " is empty.' END)"
            " FROM ingest_rows r WHERE batch = %(batch)s AND phone IS NULL",
            "SELECT row, 4, 'INVALID_EMAIL', 'email', raw_email, coalesce(email_detail, '''' || raw_email || ''' is"
            " not a valid email address.') FROM ingest_rows r WHERE batch = %(batch)s AND raw_email <> ''"
            " AND email IS NULL",
            "SELECT row, 5, 'MISSING_VALUE', 'first_name', '', 'The row has no contact name, phone or email.' FROM"
            f" ingest_rows r WHERE batch = %(batch)s AND company <> '' AND NOT {persona}",
        ]
        return self._failure_insert(" UNION ALL ".join(parts))

    def _upsert(self, cursor) -> None:
        """Offer the first row of each key as its business; insert those no business holds; note who holds each key."""
        table = _table(Business)
        bid = _id_sql("biz", "s.row")
        cursor.execute("TRUNCATE ingest_business_stage")
        cursor.execute(
            "INSERT INTO ingest_business_stage (id, team_id, created_at, updated_at, source_file, source_record_id,"
            " name, normalized_name, dba, address, city, state, zip5, zip4, employees, revenue, year_founded,"
            f" sic_code) SELECT {bid}, %(team)s, %(now)s, %(now)s, %(file)s, s.row, left(s.company, 255),"
            " s.normalized, left(s.dba, 255), left(s.address, 255), left(s.city, 120), coalesce(s.state, ''),"
            " coalesce(s.zip5, ''), coalesce(s.zip4, ''), s.employees, s.revenue, s.year, coalesce(s.sic, '')"
            " FROM (SELECT DISTINCT ON (normalized, coalesce(zip5, '')) * FROM ingest_rows WHERE batch = %(batch)s"
            " AND company <> '' ORDER BY normalized, coalesce(zip5, ''), row) s",
            self._params(),
        )
        cursor.execute(
            f"INSERT INTO {table} SELECT * FROM ingest_business_stage ORDER BY normalized_name, zip5"
            " ON CONFLICT DO NOTHING"
        )
        cursor.execute(
            "INSERT INTO ingest_holder SELECT %(batch)s, s.normalized_name, s.zip5, b.id, b.source_file,"
            f" b.source_record_id, b.normalized_name, b.zip5 FROM {table} b JOIN ingest_business_stage s"
            " ON b.team_id = s.team_id AND b.normalized_name = s.normalized_name AND b.zip5 = s.zip5",
            self._params(),
        )
        # A candidate refused by its own (file, row): the business that row holds, under another key.
        cursor.execute(
            "INSERT INTO ingest_holder SELECT %(batch)s, s.normalized_name, s.zip5, b.id, b.source_file,"
            f" b.source_record_id, b.normalized_name, b.zip5 FROM ingest_business_stage s JOIN {table} b"
            " ON b.team_id = s.team_id AND b.source_file = s.source_file AND b.source_record_id = s.source_record_id"
            " WHERE NOT EXISTS (SELECT 1 FROM ingest_holder h WHERE h.batch = %(batch)s"
            " AND h.name = s.normalized_name AND h.zip5 = s.zip5)",
            self._params(),
        )
        cursor.execute("ANALYZE ingest_holder")

    def _resolve_failures_sql(self) -> str:
        """DUPLICATE_BUSINESS and MISSING_SIC, as ``RowNormalizer.resolve`` words them."""
        rows = (
            "FROM ingest_rows r LEFT JOIN ingest_holder h ON h.batch = r.batch AND h.name = r.normalized"
            " AND h.zip5 = coalesce(r.zip5, '') WHERE r.batch = %(batch)s AND r.company <> ''"
        )
        zip5 = "coalesce(r.zip5, '')"
        parts = [
            "SELECT r.row, 6 AS slot, 'DUPLICATE_BUSINESS' AS code, 'company_name' AS field, r.company AS raw,"
            f" '''' || r.normalized || ''' at ZIP ''' || {zip5} || ''' could not be stored: row ' || r.row ||"
            " ' of this file is already loaded as a business this team cannot see. The row has no business link.'"
            f" AS detail {rows} AND h.id IS NULL",
            "SELECT r.row, 6, 'DUPLICATE_BUSINESS', 'company_name', r.company, 'Row ' || h.source_row || ' of this"
            " file is already loaded as ' || h.id || ' (''' || h.held_name || ''' at ZIP ''' || h.held_zip || '''),"
            f" not as ''' || r.normalized || ''' at ZIP ''' || {zip5} || '''; the row is linked to it.' {rows}"
            " AND (h.held_name <> h.name OR h.held_zip <> h.zip5)",
            "SELECT r.row, 6, 'DUPLICATE_BUSINESS', 'company_name', r.company, '''' || r.normalized || ''' at ZIP '''"
            f" || {zip5} || ''' already exists as ' || h.id || '; the row is linked to it.' {rows}"
            " AND h.held_name = h.name AND h.held_zip = h.zip5 AND NOT (h.source_row = r.row AND h.source_file ="
            " %(file)s)",
            "SELECT r.row, 7, 'MISSING_SIC', 'sic_code', r.raw_sic, CASE WHEN r.raw_sic <> '' THEN '''' ||"
            f" r.raw_sic || ''' is not a SIC code.' ELSE 'No SIC code provided.' END {rows}"
            " AND h.held_name = h.name AND h.held_zip = h.zip5 AND h.source_row = r.row AND h.source_file = %(file)s"
            " AND coalesce(r.sic, '') = ''",
        ]
        return self._failure_insert(" UNION ALL ".join(parts))

    # -- the chunk's transaction ------------------------------------------------------------------------------------

    def write(self) -> LoadCounts:
        """Insert the chunk's personas, phones, e-mails, owner links and failures; return its counts."""
        params = self._params()
        persona_where = "(r.first <> '' OR r.last <> '' OR r.phone IS NOT NULL OR r.email IS NOT NULL)"
        per = _id_sql("per", "r.row")
        traced = "%(team)s, %(now)s, %(now)s, %(file)s, r.row"
        holder = (
            "LEFT JOIN ingest_holder h ON h.batch = r.batch AND h.name = r.normalized AND h.zip5 = coalesce(r.zip5, '')"
            " AND r.company <> ''"
        )
        with connection.wrap_database_errors, connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {_table(Persona)} (id, team_id, created_at, updated_at, source_file, source_record_id,"
                " first_name, last_name, normalized_first_name, normalized_last_name, title, state, zip5,"
                " source_extra, confidence_score, merged_from_ids, is_merged, do_not_contact)"
                f" SELECT {per}, {traced}, left(r.first, 120), left(r.last, 120), r.nfirst, r.nlast,"
                " left(r.title, 200), coalesce(r.state, ''), coalesce(r.zip5, ''), r.extra, 1.0, '[]', false, false"
                f" FROM ingest_rows r WHERE {persona_where}",
                params,
            )
            # A row's phones (and e-mails) share a base, numbered in their columns' order: the first is made first.
            phones = _id_base("ph")
            phone = _id_sql("ph", f"r.row::bigint * {_PER_ROW}", base=phones)
            phone_own = "raw, normalized_number, phone_type, is_valid"
            cursor.execute(
                f"INSERT INTO {_table(PersonaPhone)} ({_columns(PersonaPhone, phone_own)})"
                f" SELECT {phone}, {traced}, {per}, left(r.raw_phone, 64), r.phone, 'unknown', true"
                f"{_defaults(PersonaPhone, phone_own)}"
                " FROM ingest_rows r WHERE r.phone IS NOT NULL",
                params,
            )
            other = _id_sql("ph", f"r.row::bigint * {_PER_ROW} + o.n", base=phones)
            cursor.execute(
                f"INSERT INTO {_table(PersonaPhone)} ({_columns(PersonaPhone, phone_own)})"
                f" SELECT {other}, {traced}, {per}, left(coalesce(r.other_raws::jsonb ->> (o.n - 1)::int, r.raw_phone),"
                " 64), o.number, 'unknown', true"
                f"{_defaults(PersonaPhone, phone_own)}"
                " FROM ingest_rows r CROSS JOIN LATERAL unnest(string_to_array(r.other_phones, ' '))"
                " WITH ORDINALITY AS o(number, n) WHERE r.phone IS NOT NULL AND r.other_phones IS NOT NULL",
                params,
            )
            emails = _id_base("em")
            email = _id_sql("em", f"r.row::bigint * {_PER_ROW}", base=emails)
            cursor.execute(
                f"INSERT INTO {_table(PersonaEmail)} ({_columns(PersonaEmail, 'email, is_valid')})"
                f" SELECT {email}, {traced}, {per}, r.email, true{_defaults(PersonaEmail, 'email, is_valid')}"
                " FROM ingest_rows r WHERE r.email IS NOT NULL",
                params,
            )
            other = _id_sql("em", f"r.row::bigint * {_PER_ROW} + o.n", base=emails)
            cursor.execute(
                f"INSERT INTO {_table(PersonaEmail)} ({_columns(PersonaEmail, 'email, is_valid')})"
                f" SELECT {other}, {traced}, {per}, o.address, true{_defaults(PersonaEmail, 'email, is_valid')}"
                " FROM ingest_rows r CROSS JOIN LATERAL unnest(string_to_array(r.other_emails, ' '))"
                " WITH ORDINALITY AS o(address, n) WHERE r.email IS NOT NULL AND r.other_emails IS NOT NULL",
                params,
            )
            owner = _id_sql("bo", "r.row")
            cursor.execute(
                f"INSERT INTO {_table(BusinessOwner)} ({_columns(BusinessOwner, 'business_id, title')})"
                f" SELECT {owner}, {traced}, {per}, h.id, left(r.title, 200)"
                f"{_defaults(BusinessOwner, 'business_id, title')}"
                f" FROM ingest_rows r {holder} WHERE r.company <> '' AND {persona_where} AND h.id IS NOT NULL",
                params,
            )
            cursor.execute(f"INSERT INTO {_table(StageFailure)} SELECT * FROM ingest_fail")
            cursor.execute(
                f"SELECT count(*), count(*) FILTER (WHERE {persona_where}),"
                f" count(*) FILTER (WHERE {persona_where} OR r.company <> ''),"
                f" count(*) FILTER (WHERE r.phone IS NOT NULL AND {persona_where}),"
                f" count(*) FILTER (WHERE r.email IS NOT NULL AND {persona_where}),"
                f" count(*) FILTER (WHERE r.company <> '' AND {persona_where} AND h.id IS NOT NULL),"
                " count(*) FILTER (WHERE h.id IS NOT NULL AND h.held_name = h.name AND h.held_zip = h.zip5"
                " AND h.source_row = r.row AND h.source_file = %(file)s),"
                " count(*) FILTER (WHERE h.id IS NOT NULL AND r.company <> '' AND NOT (h.held_name = h.name"
                " AND h.held_zip = h.zip5 AND h.source_row = r.row AND h.source_file = %(file)s))"
                f" FROM ingest_rows r {holder}",
                params,
            )
            rows, personas, loaded, phones, emails, owners, businesses, linked = cursor.fetchone()
            cursor.execute(
                "SELECT coalesce(sum(cardinality(string_to_array(other_phones, ' '))), 0) FROM ingest_rows"
                " WHERE phone IS NOT NULL AND other_phones IS NOT NULL"
            )
            phones += cursor.fetchone()[0]
            cursor.execute(
                "SELECT coalesce(sum(cardinality(string_to_array(other_emails, ' '))), 0) FROM ingest_rows"
                " WHERE email IS NOT NULL AND other_emails IS NOT NULL"
            )
            emails += cursor.fetchone()[0]
            cursor.execute("SELECT code, count(*), count(DISTINCT source_row) FROM ingest_fail GROUP BY code")
            failures = Counter({code: n for code, n, _rows in cursor.fetchall()})
            cursor.execute("SELECT count(DISTINCT source_row) FROM ingest_fail")
            with_errors = cursor.fetchone()[0]
        return LoadCounts(
            rows=rows,
            rows_loaded=loaded,
            rows_with_errors=with_errors,
            businesses=businesses,
            businesses_linked=linked,
            personas=personas,
            phones=phones,
            emails=emails,
            owners=owners,
            failures=failures,
        )


# Ids a row's phones or e-mails may take in one base (a cell of more than 1,023 numbers is not a list's).
_PER_ROW = 1024


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


_TRACED = "id, team_id, created_at, updated_at, source_file, source_record_id, persona_id"


def _columns(model, own: str) -> str:
    """The traced columns, ``own`` columns and every other column that has a default."""
    names = [*_TRACED.split(", "), *own.split(", ")]
    rest = [f.column for f in model._meta.concrete_fields if f.column not in names]
    return ", ".join(names + rest)


def _defaults(model, own: str) -> str:
    """SQL literals of the defaults of the columns ``_columns`` adds after ``own``."""
    names = [*_TRACED.split(", "), *own.split(", ")]
    values = []
    for f in model._meta.concrete_fields:
        if f.column in names:
            continue
        default = f.get_default()
        if default is None:
            values.append("NULL")
        elif isinstance(default, bool):
            values.append("true" if default else "false")
        elif isinstance(default, int | float):
            values.append(str(default))
        elif isinstance(default, dict | list):
            values.append(_sql_literal(json.dumps(default)))
        else:
            values.append(_sql_literal(str(default)))
    return "".join(f", {v}" for v in values)
