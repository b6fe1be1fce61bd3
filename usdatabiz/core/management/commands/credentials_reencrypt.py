from django.core.management.base import BaseCommand, CommandError

from usdatabiz.core.secrets import CredentialError, key_problems
from usdatabiz.core.services import team_credentials_reencrypt


class Command(BaseCommand):
    help = (
        "Encrypt every team credential again with the first key of CREDENTIALS_KEYS. Rotate a key by putting the "
        "new one first (old ones after it), running this, then removing the old keys."
    )

    def handle(self, *args, **options):
        problems = key_problems()
        if problems:
            raise CommandError("; ".join(problems))
        try:
            count = team_credentials_reencrypt()
        except CredentialError as exc:
            raise CommandError(f"{exc.code}: {exc.message}") from exc
        self.stdout.write(f"Re-encrypted {count} credential(s) with the newest key.")
