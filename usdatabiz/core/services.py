"""Writes of the core app: teams, memberships, tokens and the journey ledger."""

from collections.abc import Iterable
from datetime import UTC, datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from rest_framework.authtoken.models import Token

from . import secrets
from .models import Membership, StageFailure, StageRun, Team, TeamCredential


@transaction.atomic
def team_create(*, slug: str, name: str, owner_username: str | None = None) -> Team:
    """Create a team and, when given, make an existing user its admin."""
    team = Team(slug=slug, name=name)
    team.full_clean()
    team.save()
    if owner_username:
        user = get_user_model().objects.get(username=owner_username)
        membership_set(team=team, user=user, role=Membership.Role.ADMIN)
    return team


@transaction.atomic
def membership_set(*, team: Team, user, role: str) -> Membership:
    """Give ``user`` the ``role`` in ``team`` (creating or updating the membership)."""
    membership, _ = Membership.objects.update_or_create(team=team, user=user, defaults={"role": role})
    return membership


def token_for(*, user) -> Token:
    """Return the user's API token, creating it on first use."""
    token, _ = Token.objects.get_or_create(user=user)
    return token


def _subject(subject) -> tuple[str, str]:
    if subject is None:
        return "", ""
    return subject._meta.label_lower, str(subject.pk)


def event_time(epoch_ms: int | None):
    """Return a provider's event time given in Unix milliseconds as an aware datetime (None when absent)."""
    if not epoch_ms:
        return None
    try:
        return datetime.fromtimestamp(int(epoch_ms) / 1000, tz=UTC)
    except (OverflowError, ValueError, OSError):
        return None


def stage_run_start(*, team: Team | str, stage: int, subject=None, count_in: int = 0, triggered_at=None) -> StageRun:
    """Open a ledger row for one run of ``stage`` over ``subject``.

    ``triggered_at`` is the event a person waits on (an upload, an inbound's provider timestamp, an approval,
    an enqueue); without one the delay is measured from the run's start.
    """
    subject_type, subject_id = _subject(subject)
    team_id = team.pk if isinstance(team, Team) else team
    now = timezone.now()
    return StageRun.objects.create(
        team_id=team_id,
        stage=stage,
        subject_type=subject_type,
        subject_id=subject_id,
        started_at=now,
        triggered_at=min(triggered_at, now) if triggered_at else now,
        count_in=count_in,
    )


def stage_run_finish(
    *, run: StageRun, status: str, count_in: int | None = None, count_out: int | None = None, detail: str = ""
) -> StageRun:
    """Close a ledger row with its outcome, counts, run time and the delay a person felt."""
    run.status = status
    run.finished_at = timezone.now()
    if count_in is not None:
        run.count_in = count_in
    if count_out is not None:
        run.count_out = count_out
    if detail:
        run.detail = detail[:4000]
    run.run_seconds = (run.finished_at - run.started_at).total_seconds()
    run.delay_seconds = (run.finished_at - (run.triggered_at or run.started_at)).total_seconds()
    fields = ["status", "finished_at", "count_in", "count_out", "detail", "run_seconds", "delay_seconds", "updated_at"]
    run.save(update_fields=fields)
    return run


def stage_failure_record(
    *,
    team: Team | str,
    stage: int,
    code: str,
    subject=None,
    run: StageRun | None = None,
    source_file: str = "",
    source_row: int | None = None,
    field: str = "",
    raw_value: str = "",
    detail: str = "",
) -> StageFailure:
    """Record one named failure in the ledger."""
    subject_type, subject_id = _subject(subject)
    team_id = team.pk if isinstance(team, Team) else team
    return StageFailure.objects.create(
        team_id=team_id,
        stage=stage,
        code=code,
        run=run,
        subject_type=subject_type,
        subject_id=subject_id,
        source_file=source_file[:255],
        source_row=source_row,
        field=field[:64],
        raw_value=(raw_value or "")[:2000],
        detail=detail[:4000],
    )


def stage_failures_bulk_record(*, failures: Iterable[StageFailure], batch_size: int = 5000) -> int:
    """Insert many prepared StageFailure rows at once; return how many."""
    rows = list(failures)
    StageFailure.objects.bulk_create(rows, batch_size=batch_size)
    return len(rows)


# -- teams' provider credentials (encrypted at rest) -------------------------------------------------------


@transaction.atomic
def team_credential_set(
    *, team: Team | str, provider: str, name: str, value: str, user=None, expires_at=None
) -> TeamCredential:
    """Store (or replace) a team's secret for a provider, encrypted; only its last four characters stay readable."""
    value = (value or "").strip()
    if not value:
        raise secrets.CredentialError("VALUE_REQUIRED", "Give the value; to remove a credential, clear it.")
    if len(value) > 4000:
        raise secrets.CredentialError("VALUE_TOO_LONG", "A credential is at most 4,000 characters.")
    team_id = team.pk if isinstance(team, Team) else team
    row, _ = TeamCredential.objects.select_for_update().get_or_create(
        team_id=team_id, provider=provider, name=name, defaults={"ciphertext": ""}
    )
    row.ciphertext = secrets.encrypt(value)
    row.last4 = secrets.last4(value)
    row.expires_at = expires_at
    row.updated_by = user
    row.full_clean()
    row.save()
    return row


def team_credential_clear(*, team: Team | str, provider: str, name: str) -> int:
    """Forget a team's secret (the platform's setting applies again); return how many were removed."""
    team_id = team.pk if isinstance(team, Team) else team
    deleted, _ = TeamCredential.objects.filter(team_id=team_id, provider=provider, name=name).delete()
    return deleted


def team_credentials_reencrypt(*, batch_size: int = 500) -> int:
    """Encrypt every stored credential again with the newest key of ``CREDENTIALS_KEYS``; return how many."""
    done = 0
    ids = list(TeamCredential.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        with transaction.atomic():
            for row in TeamCredential.objects.select_for_update().filter(pk__in=ids[start : start + batch_size]):
                row.ciphertext = secrets.reencrypt(row.ciphertext)
                row.save(update_fields=["ciphertext", "updated_at"])
                done += 1
    return done
