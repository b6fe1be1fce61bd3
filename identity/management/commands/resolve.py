import json

from django.core.management.base import BaseCommand

from usdatabiz.core.management.teams import team_from_slug

from ...services import identity_resolve


class Command(BaseCommand):
    help = "Resolve duplicate people among a team's new personas (stage 3)."

    def add_arguments(self, parser):
        parser.add_argument("--team", required=True, help="team slug")
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args, team, json=False, **options):
        team_obj = team_from_slug(team)
        run = identity_resolve(team=team_obj)
        from identity.models import MatchReview

        summary = {
            "run": run.pk,
            "status": run.status,
            "new_personas": run.count_in,
            "merges": run.count_out,
            "pending_reviews": MatchReview.objects.for_team(team_obj).filter(status="pending").count(),
            "detail": run.detail,
        }
        if json:
            self.stdout.write(_dumps(summary))
        else:
            self.stdout.write(f"{run.pk}: {run.count_in} new personas, {run.count_out} merges; {run.detail}")


def _dumps(obj):
    return json.dumps(obj)
