import json
from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from usdatabiz.core.errors import DomainError
from usdatabiz.core.management.teams import team_from_slug

from ...selectors import data_source_summary
from ...services import data_source_create, data_source_process


class Command(BaseCommand):
    help = "Ingest a USDataBiz CSV for a team (stages 1-2 run in this process) and report the outcome."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--team", required=True, help="team slug")
        parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")

    def handle(self, *args, path, team, json=False, **options):
        team_obj = team_from_slug(team)
        source = Path(path)
        if not source.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            with source.open("rb") as handle:
                data_source = data_source_create(team=team_obj, file=File(handle, name=source.name), start=False)
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
        data_source = data_source_process(data_source_id=data_source.pk)
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


def _dumps(obj) -> str:
    return json.dumps(obj, sort_keys=False)
