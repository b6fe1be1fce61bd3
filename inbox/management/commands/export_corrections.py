import csv

from django.core.management.base import BaseCommand, CommandError

from inbox.models import ClassificationCorrection
from usdatabiz.core.models import Team


class Command(BaseCommand):
    help = (
        "Write a team's classification corrections (MISCLASSIFICATION) in the corpus format of "
        "inbox/corpus/*.csv: columns text,label, the label being the operator's. Also: predicted, corrected_at."
    )

    def add_arguments(self, parser):
        parser.add_argument("--team", required=True, help="the team's slug")
        parser.add_argument("--output", help="a file to write (default: standard output)")

    def handle(self, *args, team, output=None, **options):
        try:
            team_row = Team.objects.get(slug=team)
        except Team.DoesNotExist as exc:
            raise CommandError(f"TEAM_NOT_FOUND: no team has the slug {team!r}.") from exc
        rows = ClassificationCorrection.objects.for_team(team_row).order_by("created_at", "id")
        handle = open(output, "w", newline="", encoding="utf-8") if output else self.stdout  # noqa: SIM115
        try:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["text", "label", "predicted", "corrected_at"])
            count = 0
            for row in rows.iterator():
                writer.writerow([row.text, row.corrected, row.predicted, row.created_at.isoformat()])
                count += 1
        finally:
            if output:
                handle.close()
        if output:
            self.stderr.write(f"{count} correction{'s' if count != 1 else ''} written to {output}")
