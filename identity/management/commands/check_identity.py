from django.core.management.base import BaseCommand

from usdatabiz.core.management.teams import team_from_slug
from usdatabiz.core.services import stage_failure_record

from ...checks import identity_check


class Command(BaseCommand):
    help = "Verify a team's identity graph; exit non-zero on any orphan record or merge chain/loop."

    def add_arguments(self, parser):
        parser.add_argument("--team", required=True, help="team slug")

    def handle(self, *args, team, **options):
        team_obj = team_from_slug(team)
        report = identity_check(team_id=team_obj.pk)
        for code, detail in report.problems:
            self.stdout.write(f"{code}: {detail}")
            stage_failure_record(team=team_obj, stage=3, code=code, detail=detail)
        self.stdout.write(f"{report.personas} personas, {report.merged} merged, {len(report.problems)} problems")
        if not report.ok:
            raise SystemExit(1)
