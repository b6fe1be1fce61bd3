import json
import time
from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from usdatabiz.core import journey
from usdatabiz.core.errors import DomainError
from usdatabiz.core.lanes import cluster_running, task_lane
from usdatabiz.core.management.teams import team_from_slug

from ...models import DataSource
from ...selectors import data_source_summary
from ...services import data_source_create, data_source_process

FINISHED = (DataSource.Status.COMPLETED, DataSource.Status.FAILED)


class Command(BaseCommand):
    help = (
        "Ingest a USDataBiz CSV for a team and report the outcome. With a running cluster (the bulk lane) the "
        "file is queued for it (--wait: wait for stage 2 to finish); without one, stages 1-2 run in this process."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--team", required=True, help="team slug")
        parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
        parser.add_argument("--wait", action="store_true", help="with a cluster: wait until stage 2 has finished")
        parser.add_argument("--inline", action="store_true", help="run stages 1-2 in this process, cluster or not")
        parser.add_argument(
            "--poll", type=float, default=0.5, help="with --wait: seconds between two looks at the progress"
        )
        parser.add_argument(
            "--gone-after",
            type=float,
            default=30.0,
            help="with --wait: stop waiting when no cluster of the lane has been seen for this many seconds",
        )

    def handle(self, *args, path, team, json=False, wait=False, inline=False, poll=0.5, gone_after=30.0, **options):
        team_obj = team_from_slug(team)
        source = Path(path)
        if not source.is_file():
            raise CommandError(f"No such file: {path}")
        lane = task_lane(journey.followers(0)[0])
        queued = not inline and cluster_running(lane)
        try:
            with source.open("rb") as handle:
                data_source = data_source_create(team=team_obj, file=File(handle, name=source.name), start=queued)
        except DomainError as exc:
            if json:
                self.stdout.write(
                    _dumps(
                        {
                            "data_source": exc.extra.get("data_source"),
                            "status": "failed",
                            "record_count": 0,
                            "error_code": exc.code,
                            "error_message": exc.message,
                            "failures": {exc.code: 1},
                            "businesses": 0,
                            "personas": 0,
                            "phones": 0,
                        }
                    )
                )
            raise CommandError(f"{exc.code}: {exc.message}") from exc
        if not queued:
            data_source = data_source_process(data_source_id=data_source.pk)
        elif wait:
            data_source = self._wait(data_source, lane=lane, poll=poll, gone_after=gone_after)
        else:
            data_source.refresh_from_db()
        summary = data_source_summary(data_source=data_source)
        if json:
            self.stdout.write(_dumps(summary))
        else:
            self.stdout.write(
                f"{summary['data_source']} {summary['status']}: {summary['record_count']} rows, "
                f"{summary['businesses']} businesses, {summary['personas']} personas, "
                f"{summary['phones']} phones"
            )
            if summary["error_code"]:
                self.stdout.write(f"error {summary['error_code']}: {summary['error_message']}")
            for code, count in summary["failures"].items():
                self.stdout.write(f"  {code}: {count}")
        if data_source.status == "failed":
            raise SystemExit(1)

    def _wait(self, data_source: DataSource, *, lane: str, poll: float, gone_after: float) -> DataSource:
        """Wait until stage 2 finished; give up (the file goes on later) if the lane's cluster is gone."""
        seen = time.monotonic()
        while True:
            data_source.refresh_from_db()
            if data_source.status in FINISHED:
                return data_source
            now = time.monotonic()
            if cluster_running(lane):
                seen = now
            elif now - seen > gone_after:
                raise CommandError(
                    f"No {lane} cluster has been running for {gone_after:.0f} s; {data_source.pk} is "
                    f"{data_source.status} ({data_source.rows_done} of {data_source.record_count} rows) and goes on "
                    f"when one starts (Q_CLUSTER_NAME={lane} manage.py qcluster)."
                )
            time.sleep(poll)


def _dumps(obj) -> str:
    return json.dumps(obj, sort_keys=False)
