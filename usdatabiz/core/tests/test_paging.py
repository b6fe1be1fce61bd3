"""``usdatabiz.core.paging``: loops that write read their rows a whole page at a time.

The SQLite cases run in a process of their own on a real SQLite file (``sqlite_paging.py``), whatever database
the rest of the suite uses: an ``iterator()`` left open across a write fails there with "database is locked" as
soon as another connection has committed; the same loop over ``paging.rows`` updates every row.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from usdatabiz.core.paging import pages, rows

HELPER = "usdatabiz.core.tests.sqlite_paging"


def _walk_on_sqlite(tmp_path, read):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "MEDIA_ROOT": str(tmp_path)}
    env.setdefault("DEBUG", "1")
    env["PYTHONPATH"] = os.pathsep.join([str(settings.BASE_DIR), env.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-m", HELPER, "--read", read, "--rows", "5000"],
        cwd=Path(settings.BASE_DIR), env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_an_open_iterator_cannot_write_on_sqlite_while_another_connection_commits(tmp_path):
    # the hazard the module exists for: if SQLite stops behaving so, this test says the module may be simpler
    outcome = _walk_on_sqlite(tmp_path, "iterator")
    assert outcome["other_writes"] > 0
    assert "database is locked" in outcome.get("error", ""), outcome


def test_a_loop_over_pages_updates_every_row_on_sqlite_while_another_connection_commits(tmp_path):
    outcome = _walk_on_sqlite(tmp_path, "rows")
    assert "error" not in outcome, outcome
    assert outcome["updated"] == 5000
    assert outcome["other_writes"] > 0


@pytest.mark.django_db
def test_pages_read_every_row_once_in_key_order_even_when_the_loop_moves_rows_out_of_the_filter():
    made = ContentType.objects.bulk_create([ContentType(app_label="pg", model=f"m{i:02d}") for i in range(23)])
    seen = []
    sizes = []
    for page in pages(ContentType.objects.filter(app_label="pg").order_by("-model"), size=5):
        sizes.append(len(page))
        for row in page:
            seen.append(row.pk)
            ContentType.objects.filter(pk=row.pk).update(app_label="moved")  # out of the filter
    assert sorted(seen) == seen == sorted(ct.pk for ct in made)
    assert sizes == [5, 5, 5, 5, 3]


@pytest.mark.django_db
def test_rows_of_an_empty_queryset_and_a_page_size_below_one():
    assert list(rows(ContentType.objects.filter(app_label="nothing-here"))) == []
    with pytest.raises(ValueError, match="at least 1"):
        next(pages(ContentType.objects.all(), size=0))
