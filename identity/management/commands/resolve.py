import json
import time

from django.core.management.base import BaseCommand, CommandError

from usdatabiz.core.lanes import cluster_running, task_lane
from usdatabiz.core.management.teams import team_from_slug
from usdatabiz.core.models import StageRun

from ... import partitions
from ...models import MatchReview, ResolutionPartition

FINISHED = (StageRun.Status.SUCCEEDED, StageRun.Status.FAILED)


class Command(BaseCommand):
    help = (
        "Resolve duplicate people among a team's new personas (stage 3). With a running cluster (the bulk lane) "
        "the run's partitions are queued for it (--wait: wait until the run has finished); without one, the run "
        "goes through its partitions in this process."
    )

    def add_arguments(self, parser):
        parser.add_argument("--team", required=True, help="team slug")
        parser.add_argument("--json", action="store_true", help="print one JSON object")
        parser.add_argument("--wait", action="store_true", help="with a cluster: wait until the run has finished")
        parser.add_argument("--inline", action="store_true", help="run in this process, cluster or not")
        parser.add_argument("--poll", type=float, default=0.5, help="with --wait: seconds between two looks")
        parser.add_argument(
            "--gone-after",
            type=float,
            default=30.0,
            help="with --wait: stop waiting when no cluster of the lane has been seen for this many seconds",
        )

    def handle(self, *args, team, json=False, wait=False, inline=False, poll=0.5, gone_after=30.0, **options):
        team_obj = team_from_slug(team)
        lane = task_lane(ResolutionPartition.LEASE_TASK)
        queued = not inline and cluster_running(lane)
        run = partitions.resolution_start(team_id=team_obj.pk, inline=not queued)
        if queued and wait:
            run = self._wait(run, lane=lane, poll=poll, gone_after=gone_after)
        run.refresh_from_db()
        parts = ResolutionPartition.objects.filter(run=run)
        summary = {
            "run": run.pk,
            "status": run.status,
            "queued": queued,
            "new_personas": run.count_in,
            "merges": run.count_out if run.status in FINISHED else None,
            "partitions": parts.count(),
            "partitions_done": parts.filter(state="done").count(),
            "pending_reviews": MatchReview.objects.for_team(team_obj).filter(status="pending").count(),
            "detail": run.detail,
        }
        if json:
            self.stdout.write(_dumps(summary))
        else:
            self.stdout.write(
                f"{run.pk} {run.status}: {run.count_in} new personas, {summary['merges']} merges; {run.detail}"
            )
        if run.status == StageRun.Status.FAILED:
            raise SystemExit(1)

    def _wait(self, run: StageRun, *, lane: str, poll: float, gone_after: float) -> StageRun:
        """Wait until the run finished; give up (the run goes on later) if the lane's cluster is gone."""
        seen = time.monotonic()
        while True:
            run.refresh_from_db()
            if run.status in FINISHED:
                return run
            now = time.monotonic()
            if cluster_running(lane):
                seen = now
            elif now - seen > gone_after:
                done = ResolutionPartition.objects.filter(run=run, state="done").count()
                total = ResolutionPartition.objects.filter(run=run).count()
                raise CommandError(
                    f"No {lane} cluster has been running for {gone_after:.0f} s; {run.pk} is {run.status} "
                    f"({done} of {total} partitions done) and goes on when one starts "
                    f"(Q_CLUSTER_NAME={lane} manage.py qcluster)."
                )
            time.sleep(poll)


def _dumps(obj) -> str:
    return json.dumps(obj)
