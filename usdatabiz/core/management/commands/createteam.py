from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from usdatabiz.core.models import Team
from usdatabiz.core.services import team_create


class Command(BaseCommand):
    help = "Create a team; with --owner, make an existing user its admin."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--name", required=True)
        parser.add_argument("--owner", help="username of an existing user who becomes the team's admin")

    def handle(self, *args, slug, name, owner=None, **options):
        if Team.objects.filter(slug=slug).exists():
            raise CommandError(f"A team with slug '{slug}' already exists.")
        if owner and not get_user_model().objects.filter(username=owner).exists():
            raise CommandError(f"No user named '{owner}'.")
        try:
            team = team_create(slug=slug, name=name, owner_username=owner)
        except ValidationError as exc:
            problems = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items())
            raise CommandError(f"Cannot create team '{slug}': {problems}") from exc
        self.stdout.write(f"Created team {team.slug} ({team.pk})")
