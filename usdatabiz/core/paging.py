"""Walk a large queryset in pages read whole, so that no query stays open while the loop writes.

``QuerySet.iterator()`` keeps its statement open between chunks. On SQLite (WAL, the default deployment) that
open read pins the connection to an old snapshot, and its next write fails at once with "database is locked"
as soon as another connection has committed in between: the other lane, the ORM broker and the schedules
commit all the time. A loop that writes (a sweep, a batch job) reads through :func:`pages` or :func:`rows`
instead: keyset pages by primary key, each fetched in full before the caller sees any row.
"""

from collections.abc import Iterator

from django.db.models import Model, QuerySet

PAGE = 2000


def pages(queryset: QuerySet, size: int = PAGE) -> Iterator[list[Model]]:
    """Yield lists of up to ``size`` rows of ``queryset`` in primary-key order, each list read whole.

    The next page starts after the last primary key seen, so rows the caller changed (even out of the filter)
    are neither skipped nor read twice. Any ordering on ``queryset`` is replaced by the primary key.
    """
    if size < 1:
        raise ValueError("size must be at least 1")
    ordered = queryset.order_by("pk")
    last = None
    while True:
        page = list((ordered if last is None else ordered.filter(pk__gt=last))[:size])
        if not page:
            return
        last = page[-1].pk
        yield page
        if len(page) < size:
            return


def rows(queryset: QuerySet, size: int = PAGE) -> Iterator[Model]:
    """Yield every row of ``queryset`` in primary-key order, read a whole page at a time (see :func:`pages`)."""
    for page in pages(queryset, size):
        yield from page
