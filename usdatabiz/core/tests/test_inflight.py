"""What a write that marks many numbers at once holds of the in-flight locks (``usdatabiz/core/inflight.py``)."""

import pytest
from django.db import connection

from usdatabiz.core import inflight


def _held() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()")
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the in-flight locks are PostgreSQL's; SQLite takes none")
@pytest.mark.django_db
def test_a_write_past_the_cap_holds_none_of_the_free_numbers(monkeypatch):
    # given a cap of two numbers held per write, and nothing in flight
    monkeypatch.setattr(inflight, "HOLD_AT_MOST", 2)

    # when a write marks three numbers, then another marks two
    inflight.senders_wait_all(team_id="team_a", numbers=["5125550101", "5125550102", "5125550103"])
    past_the_cap = _held()
    inflight.senders_wait_all(team_id="team_a", numbers=["5125550104", "5125550105"])

    # then the first holds none of its numbers (the shared lock table stays small), the second holds both until commit
    assert (past_the_cap, _held()) == (0, 2)
