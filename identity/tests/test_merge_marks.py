"""A merge that carries do-not-contact onto a person's numbers waits for the texts in flight to those numbers, and
only to those: it holds their in-flight locks until it commits (``usdatabiz/core/inflight.py``)."""

import pytest
from django.db import connection

from identity.services import apply_merges, persona_merge
from identity.tests.factories import person_with_contacts
from usdatabiz.core.inflight import lock_key

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the in-flight locks are PostgreSQL's; SQLite takes none"
)


def _held(team, *numbers) -> set[str]:
    """Which of ``numbers`` this connection holds the in-flight lock of (a bigint key: high and low halves)."""
    keys = {lock_key(team.pk, number): number for number in numbers}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (classid::bigint << 32) | objid::bigint FROM pg_locks"
            " WHERE locktype = 'advisory' AND objsubid = 1 AND pid = pg_backend_pid()"
        )
        return {keys[key] for (key,) in cursor.fetchall() if key in keys}


@needs_postgresql
@pytest.mark.django_db
@pytest.mark.parametrize("merge", ["one", "bulk"])
def test_a_merge_holds_the_numbers_it_marks_and_no_other(team, merge):
    # given a person marked do-not-contact, another who is not, and a third unrelated, each with a number
    marked = person_with_contacts(team, "Ana", "Ruiz", phone="5125550101", do_not_contact=True)
    unmarked = person_with_contacts(team, "Ana", "Ruiz", phone="5125550102")
    person_with_contacts(team, "Bo", "Lee", phone="5125550103")

    # when the two are merged (by a person, or in a resolution run's bulk merge)
    if merge == "one":
        persona_merge(persona_a=marked, persona_b=unmarked, match_score=0.99, reasons={})
    else:
        survivor, merged = sorted([marked.pk, unmarked.pk])
        apply_merges(team_id=team.pk, merges=[(survivor, merged, 0.99, {})])

    # then the unmarked person's number, now marked, is held until the merge commits; the third person's is not
    assert _held(team, "5125550102", "5125550103") == {"5125550102"}
