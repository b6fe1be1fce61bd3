"""Stage 4 on a SQLite file database while another process keeps committing (``python -m`` this module).

Run by ``test_stage4_sqlite`` in a process of its own, with ``DATABASE_URL`` naming a fresh SQLite file: it
migrates that file, makes ``--personas`` personas of one team, claims their lead preparation and runs stage 4
under the lease while a second connection commits a small write every few milliseconds (what the other lane,
the ORM broker and the schedules do on a deployment). Prints one JSON line: what stage 4 did, or its error.
"""

import argparse
import json
import os
import threading
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usdatabiz.settings")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from identity.models import Persona  # noqa: E402
from leads.models import Lead, LeadPreparation  # noqa: E402
from leads.services import lead_preparation_create, leads_prepare  # noqa: E402
from usdatabiz.core.leases import work_claim  # noqa: E402
from usdatabiz.core.models import Team  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--personas", type=int, default=5000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    team = Team.objects.create(slug="lock", name="Lock")
    other = Team.objects.create(slug="busy", name="Busy")
    Persona.objects.bulk_create(
        [Persona(team=team, first_name="Ann", last_name=f"Lee{i}", state="TX") for i in range(args.personas)],
        batch_size=2000,
    )
    preparation = work_claim(LeadPreparation, lead_preparation_create(team=team).pk)
    stop = threading.Event()
    writes = []

    def other_lane():
        try:
            while not stop.is_set():
                Team.objects.filter(pk=other.pk).update(name=f"Busy {len(writes)}")
                writes.append(1)
                time.sleep(0.005)
        finally:
            connection.close()

    thread = threading.Thread(target=other_lane)
    thread.start()
    outcome = {}
    try:
        run = leads_prepare(team=team, preparation=preparation)
        outcome = {"status": run.status, "detail": run.detail}
    except Exception as exc:
        outcome = {"error": f"{exc.__class__.__name__}: {exc}"}
    finally:
        stop.set()
        thread.join()
    outcome["scored"] = Lead.objects.filter(team=team, scored_at__isnull=False).count()
    outcome["leads"] = Lead.objects.filter(team=team).count()
    outcome["other_writes"] = len(writes)
    outcome["journal_mode"] = connection.cursor().execute("PRAGMA journal_mode").fetchone()[0]
    print(json.dumps(outcome))


if __name__ == "__main__":
    main()
