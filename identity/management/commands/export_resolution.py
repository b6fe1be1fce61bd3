import csv

from django.core.management.base import BaseCommand
from django.db.models.functions import Coalesce

from usdatabiz.core.management.teams import team_from_slug

from ...models import Persona


class Command(BaseCommand):
    help = "Write source_file,source_record_id,persona_id (the row's current survivor) as CSV to stdout."

    def add_arguments(self, parser):
        parser.add_argument("--team", required=True, help="team slug")

    def handle(self, *args, team, **options):
        team_obj = team_from_slug(team)
        writer = csv.writer(self.stdout, lineterminator="\n")
        writer.writerow(["source_file", "source_record_id", "persona_id"])
        rows = (
            Persona.objects.for_team(team_obj)
            .exclude(source_file="")
            .annotate(current=Coalesce("merged_into_id", "id"))
            .order_by("source_file", "source_record_id")
            .values_list("source_file", "source_record_id", "current")
        )
        for row in rows.iterator(chunk_size=20000):
            writer.writerow(row)
