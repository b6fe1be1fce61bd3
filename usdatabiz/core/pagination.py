"""The API's pagination: ``?limit=`` and ``?offset=``, bounded; and keyset (cursor) paging for long, live lists.

A limit past ``MAX_LIMIT`` is clamped to it; a limit below 1, a negative or absurd offset, or a value that is not a
whole number is a 400 that names the parameter (never a silent default, never a 500 from the database).
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db.models import F, Q
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination

from .errors import DomainError

MAX_LIMIT = 500
MAX_OFFSET = 2_147_483_647


def _whole_number(request, name: str, *, past_any_bound: int) -> int | None:
    raw = request.query_params.get(name)
    if raw is None:
        return None
    text = raw.strip()
    if not text.isdigit() or not text.isascii():
        raise ValidationError({name: [f"Give a whole number of 0 or more, not {raw[:40]!r}."]})
    if len(text) > 30:  # a number of any length is a whole number; one this long is past every bound, unread
        return past_any_bound
    return int(text)


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    default_limit = 50
    max_limit = MAX_LIMIT

    def get_limit(self, request):
        limit = _whole_number(request, self.limit_query_param, past_any_bound=self.max_limit)
        if limit is None:
            return self.default_limit
        if limit < 1:
            raise ValidationError({self.limit_query_param: ["Give a limit of 1 or more."]})
        return min(limit, self.max_limit)

    def get_offset(self, request):
        offset = _whole_number(request, self.offset_query_param, past_any_bound=MAX_OFFSET + 1)
        if offset is None:
            return 0
        if offset > MAX_OFFSET:
            raise ValidationError({self.offset_query_param: [f"Give an offset of at most {MAX_OFFSET}."]})
        return offset

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.limit_query_param,
                "required": False,
                "in": "query",
                "description": f"Number of results per page (1 or more; more than {MAX_LIMIT} is clamped to "
                f"{MAX_LIMIT}). Default {self.default_limit}.",
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": self.offset_query_param,
                "required": False,
                "in": "query",
                "description": "The initial index from which to return the results.",
                "schema": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET},
            },
        ]


# -- keyset (cursor) paging ---------------------------------------------------------------------------------


class InvalidCursor(DomainError):
    """A ``cursor`` this list did not give out (edited, truncated, or from another list)."""

    def __init__(self, raw: str):
        super().__init__(
            "INVALID_CURSOR",
            f"{raw[:40]!r} is not a cursor of this list (take the next / previous link); start again with none.",
            param="cursor",
        )


@dataclass(frozen=True)
class KeysetPage:
    """One page of a list read by keyset: the rows, and the cursors of the pages before and after it (or None)."""

    object_list: list
    next_cursor: str | None
    previous_cursor: str | None

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    @property
    def has_next(self) -> bool:
        return self.next_cursor is not None

    @property
    def has_previous(self) -> bool:
        return self.previous_cursor is not None

    @property
    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous


CURSOR_PATTERN = r"^[np]~[0-9]{0,17}~[a-z]{1,8}_[0-9A-Za-z]{1,32}$"
_CURSOR = re.compile(CURSOR_PATTERN)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def cursor_encode(direction: str, value: datetime | None, pk: str) -> str:
    """A cursor: ``n`` reads the rows after ``(value, pk)``, ``p`` the rows before it; ``value`` is written in
    microseconds since 1970 (empty for a row without one). Every string of ``CURSOR_PATTERN`` is a cursor, so the
    schema can state exactly what is accepted."""
    stamp = "" if value is None else str((value - _EPOCH) // _MICROSECOND)
    return f"{direction}~{stamp}~{pk}"


def cursor_decode(raw: str) -> tuple[str, datetime | None, str]:
    """Read a cursor of ``cursor_encode``; anything else is ``InvalidCursor``."""
    if not isinstance(raw, str) or not _CURSOR.fullmatch(raw):
        raise InvalidCursor(str(raw))
    direction, stamp, pk = raw.split("~")
    return direction, (_EPOCH + int(stamp) * _MICROSECOND if stamp else None), pk


def keyset_page(queryset, *, field: str, cursor: str | None, size: int) -> KeysetPage:
    """One page of ``queryset`` newest ``field`` first (rows without one first), ties broken by ``id`` descending.

    The page after a cursor is read with ``field <= v AND (field < v OR id < k)``: a range an index on
    ``(..., field DESC, id DESC)`` starts at, so every page costs one query of ``size + 1`` rows whatever its
    depth (no OFFSET). ``cursor`` comes from a page's ``next_cursor`` / ``previous_cursor``.
    """
    newest_first = (F(field).desc(nulls_first=True), F("pk").desc())
    oldest_first = (F(field).asc(nulls_last=True), F("pk").asc())
    if cursor is None:
        rows = list(queryset.order_by(*newest_first)[: size + 1])
        return _page(rows[:size], field, more_after=len(rows) > size, more_before=False)
    direction, value, pk = cursor_decode(cursor)
    if direction == "n":
        if value is None:
            after = Q(**{f"{field}__isnull": True, "pk__lt": pk}) | Q(**{f"{field}__isnull": False})
        else:
            after = Q(**{f"{field}__lte": value}) & (Q(**{f"{field}__lt": value}) | Q(pk__lt=pk))
        rows = list(queryset.filter(after).order_by(*newest_first)[: size + 1])
        return _page(rows[:size], field, more_after=len(rows) > size, more_before=True)
    if value is None:
        before = Q(**{f"{field}__isnull": True, "pk__gt": pk})
    else:
        before = Q(**{f"{field}__isnull": True}) | (
            Q(**{f"{field}__gte": value}) & (Q(**{f"{field}__gt": value}) | Q(pk__gt=pk))
        )
    rows = list(queryset.filter(before).order_by(*oldest_first)[: size + 1])
    if not rows:  # nothing is newer any more (the rows moved on): the first page
        return keyset_page(queryset, field=field, cursor=None, size=size)
    return _page(rows[:size][::-1], field, more_after=True, more_before=len(rows) > size)


def _page(rows: list, field: str, *, more_after: bool, more_before: bool) -> KeysetPage:
    if not rows:
        return KeysetPage([], None, None)
    first, last = rows[0], rows[-1]
    return KeysetPage(
        rows,
        cursor_encode("n", getattr(last, field), last.pk) if more_after else None,
        cursor_encode("p", getattr(first, field), first.pk) if more_before else None,
    )
