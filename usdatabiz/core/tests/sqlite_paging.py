"""A loop that writes while it reads a SQLite file database that another connection keeps committing to.

Run by ``test_paging`` in a process of its own (``python -m`` this module, ``DATABASE_URL`` naming a fresh
SQLite file). It creates one small table, fills it with ``--rows`` rows and walks them with ``--read``
(``iterator``: ``QuerySet.iterator()``; ``rows``: ``usdatabiz.core.paging.rows``), updating each row as it goes,
while a thread commits a write every few milliseconds. Prints one JSON line: the rows updated, or the error.
"""

import argparse
import json
import os
import threading
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usdatabiz.settings")
django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection  # noqa: E402

from usdatabiz.core.paging import rows  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--read", choices=["iterator", "rows"], required=True)
    args = parser.parse_args()
    with connection.schema_editor() as editor:
        editor.create_model(ContentType)
    ContentType.objects.bulk_create(
        [ContentType(app_label="app", model=f"m{i}") for i in range(args.rows)], batch_size=2000
    )
    ContentType.objects.create(app_label="busy", model="other")
    stop = threading.Event()
    writes = []

    def other_connection():
        try:
            while not stop.is_set():
                ContentType.objects.filter(app_label="busy").update(model=f"other{len(writes)}")
                writes.append(1)
                time.sleep(0.002)
        finally:
            connection.close()

    thread = threading.Thread(target=other_connection)
    thread.start()
    outcome = {"updated": 0}
    walk = ContentType.objects.filter(app_label="app")
    try:
        time.sleep(0.05)
        for row in walk.iterator(chunk_size=2000) if args.read == "iterator" else rows(walk):
            ContentType.objects.filter(pk=row.pk).update(model=row.model + "x")
            outcome["updated"] += 1
            time.sleep(0.0002)
    except Exception as exc:
        outcome["error"] = f"{exc.__class__.__name__}: {exc}"
    finally:
        stop.set()
        thread.join()
    outcome["other_writes"] = len(writes)
    print(json.dumps(outcome))


if __name__ == "__main__":
    main()
