"""Stage 4 on the default SQLite file database finishes while other processes keep writing.

On SQLite (WAL) a connection that still has a read statement open reads an old snapshot, and a write from that
connection fails at once with "database is locked" as soon as another connection has committed since: stage 4
must not keep a query open across its lease renewals and batch writes. A real SQLite file in a process of its
own (``leads/tests/sqlite_stage4.py``), whatever database the rest of the suite uses.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

HELPER = "leads.tests.sqlite_stage4"


def test_stage_4_finishes_on_sqlite_while_another_connection_commits(tmp_path):
    # given a fresh SQLite file database of 5,000 personas and a connection committing every few milliseconds
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "MEDIA_ROOT": str(tmp_path)}
    env["PYTHONPATH"] = os.pathsep.join([str(settings.BASE_DIR), env.get("PYTHONPATH", "")])
    # when stage 4 runs under its lease (a heartbeat before each batch of 2,000)
    done = subprocess.run(
        [sys.executable, "-m", HELPER, "--personas", "5000"],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    # then it succeeds and scores every lead, in WAL mode, while the other connection went on writing
    assert "error" not in outcome, outcome
    assert outcome["status"] == "succeeded"
    assert (outcome["leads"], outcome["scored"]) == (5000, 5000)
    assert outcome["journal_mode"] == "wal"
    assert outcome["other_writes"] > 0
