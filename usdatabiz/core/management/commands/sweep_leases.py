"""Hand work whose worker died or timed out to another worker now, without waiting for the schedule."""

import json

from django.core.management.base import BaseCommand

from usdatabiz.core.leases import stage_runs_sweep, work_sweep


class Command(BaseCommand):
    help = (
        "Re-enqueue leased work (ingest chunks, send slices, skip-trace jobs) whose lease expired, fail it with "
        "TASK_TIMEOUT after Q_MAX_ATTEMPTS, and close runs left running past Q_TIMEOUT as RUN_ABANDONED."
    )

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print the counts as one JSON object")

    def handle(self, *args, **options):
        counts = work_sweep()
        counts["runs_closed"] = stage_runs_sweep()
        if options["json"]:
            self.stdout.write(json.dumps(counts))
            return
        self.stdout.write(
            f"{counts['requeued']} handed to another worker, {counts['failed']} given up (TASK_TIMEOUT), "
            f"{counts['runs_closed']} runs closed (RUN_ABANDONED)."
        )
