"""Test support: a realtime worker killed (SIGKILL) in the middle of processing a stored webhook event.

``python -m inbox.tests.killed_worker EVENT_ID EVENT_DATA_JSON`` runs ``webhook_event_process_task`` as a worker
would, in its own process and database connection, and kills itself the moment the reply's inbox item is written:
after the claim committed, before the processing did.
"""

import json
import os
import signal
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usdatabiz.settings")
    import django

    django.setup()
    from django.db.models.signals import post_save

    from inbox.models import InboxItem
    from inbox.tasks import webhook_event_process_task

    def die(**kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

    post_save.connect(die, sender=InboxItem, weak=False)
    webhook_event_process_task(sys.argv[1], json.loads(sys.argv[2]))
    sys.exit("the worker was not killed")
