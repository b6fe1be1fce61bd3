import json

from django.core.management.base import BaseCommand, CommandError

from usdatabiz.core.errors import DomainError
from usdatabiz.core.management.teams import team_from_slug

from ...enrichment import skiptrace_job_run, skiptrace_jobs_create


class Command(BaseCommand):
    help = "Skip-trace a team's leads now (jobs of 250, within the daily cap), in this process."

    def add_arguments(self, parser):
        parser.add_argument("--team", required=True, help="team slug")
        parser.add_argument("--limit", type=int, default=None, help="at most this many leads")
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args, team, limit=None, json=False, **options):
        team_obj = team_from_slug(team)
        try:
            jobs = skiptrace_jobs_create(team=team_obj, limit=limit, start=False)
        except DomainError as exc:
            raise CommandError(f"{exc.code}: {exc.message}") from exc
        jobs = [skiptrace_job_run(job_id=job.pk) for job in jobs]
        summary = {
            "jobs": [job.pk for job in jobs],
            "status": "failed" if any(job.status == "failed" for job in jobs) else "completed",
            "leads": sum(job.total for job in jobs),
            "matched": sum(job.matched for job in jobs),
            "no_results": sum(job.no_results for job in jobs),
            "partial": sum(job.partial for job in jobs),
            "failed": sum(job.failed for job in jobs),
            "error_code": next((job.error_code for job in jobs if job.error_code), None),
        }
        self.stdout.write(_dumps(summary) if json else ", ".join(f"{k}={v}" for k, v in summary.items()))
        if summary["status"] == "failed":
            raise SystemExit(1)


def _dumps(obj):
    return json.dumps(obj)
