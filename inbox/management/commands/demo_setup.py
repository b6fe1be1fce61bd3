from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.management.base import BaseCommand
from django.db import transaction

from ingestion.models import DataSource
from ingestion.selectors import data_source_summary
from ingestion.services import data_source_create, data_source_process
from usdatabiz.core.models import Membership, Team
from usdatabiz.core.services import membership_set, team_create, token_for

SAMPLE = Path(__file__).resolve().parents[3] / "ingestion" / "samples" / "usdatabiz-sample.csv"


class Command(BaseCommand):
    help = "Create the demo team and user (idempotent) and run the bundled sample list through the pipeline."

    def add_arguments(self, parser):
        parser.add_argument("--team", default="demo")
        parser.add_argument("--username", default="demo")
        parser.add_argument("--password", default="demo-pass-2026")

    def handle(self, *args, team, username, password, **options):
        User = get_user_model()
        with transaction.atomic():
            user, created = User.objects.get_or_create(username=username, defaults={"is_staff": True})
            if created:
                user.set_password(password)
                user.save()
            team_obj = Team.objects.filter(slug=team).first() or team_create(slug=team, name="Demo Sales Team")
            membership_set(team=team_obj, user=user, role=Membership.Role.ADMIN)
        token = token_for(user=user)
        if not DataSource.objects.for_team(team_obj).filter(original_name=SAMPLE.name).exists():
            with SAMPLE.open("rb") as handle:
                data_source = data_source_create(team=team_obj, file=File(handle, name=SAMPLE.name), start=False)
            data_source = data_source_process(data_source_id=data_source.pk)
            summary = data_source_summary(data_source=data_source)
            self.stdout.write(
                f"Ingested {SAMPLE.name}: {summary['status']}, {summary['record_count']} rows, "
                f"{summary['businesses']} businesses, {summary['personas']} personas, failures {summary['failures']}"
            )
        self.stdout.write("")
        self.stdout.write(f"Console:  http://127.0.0.1:8000/   log in as '{username}' / '{password}'")
        self.stdout.write(f"Team:     {team_obj.slug} ({team_obj.pk})")
        self.stdout.write(f"API:      Authorization: Token {token.key}   (docs at /api/docs/)")
