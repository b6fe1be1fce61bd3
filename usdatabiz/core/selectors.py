"""Reads of the core app: memberships, the ledger and the journey dashboard."""

from datetime import timedelta

from django.db.models import Count, Max
from django.utils import timezone

from .journey import STAGES
from .models import Membership, StageFailure, StageRun, Team, TeamCredential


def team_list_for_user(*, user) -> list[Team]:
    """Return the teams the user belongs to."""
    if not user.is_authenticated:
        return []
    return list(Team.objects.filter(memberships__user=user).order_by("name"))


def membership_get(*, user, team) -> Membership | None:
    """Return the user's membership in ``team`` or None."""
    if not user.is_authenticated or team is None:
        return None
    return Membership.objects.filter(user=user, team=team).select_related("team").first()


def team_credential_value(*, team, provider: str, name: str) -> str | None:
    """Return the team's own secret for a provider, decrypted (None when it has none, or it expired)."""
    team_id = team.pk if isinstance(team, Team) else team
    row = TeamCredential.objects.filter(team_id=team_id, provider=provider, name=name).first()
    if row is None or (row.expires_at is not None and row.expires_at <= timezone.now()):
        return None
    from .secrets import decrypt

    return decrypt(row.ciphertext)


def team_credential_list(*, team):
    """Return the team's stored credentials (the rows: ``last4`` only, never the value)."""
    return TeamCredential.objects.for_team(team).select_related("updated_by").order_by("provider", "name")


def stage_failure_list(*, team, stage: int | None = None, subject_id: str | None = None, code: str | None = None):
    """Return the team's failures, optionally for one stage, subject or code."""
    qs = StageFailure.objects.for_team(team)
    if stage is not None:
        qs = qs.filter(stage=stage)
    if subject_id is not None:
        qs = qs.filter(subject_id=subject_id)
    if code:
        qs = qs.filter(code=code)
    return qs.order_by("source_row", "created_at")


def stage_failure_counts(*, team, subject_id: str) -> dict[str, int]:
    """Return code -> count of the failures recorded for one subject."""
    rows = StageFailure.objects.for_team(team).filter(subject_id=subject_id).values("code").annotate(n=Count("id"))
    return {row["code"]: row["n"] for row in rows.order_by("code")}


def stage_run_list(*, team, subject_id: str | None = None):
    """Return the team's stage runs, newest first."""
    qs = StageRun.objects.for_team(team)
    if subject_id is not None:
        qs = qs.filter(subject_id=subject_id)
    return qs.order_by("-started_at")


def run_sla_state(run: StageRun, now=None) -> str:
    """Return ``ok``, ``slow`` (past max) or ``alert`` (past alert threshold) for a run."""
    from .journey import stage as get_stage

    definition = get_stage(run.stage)
    max_s, alert_s = definition.limits_for(run.count_in)
    if max_s is None:
        return "ok"
    end = run.finished_at or now or timezone.now()
    elapsed = (end - run.started_at).total_seconds()
    if alert_s is not None and elapsed > alert_s:
        return "alert"
    if elapsed > max_s:
        return "slow"
    return "ok"


def journey_overview(*, team, days: int = 7) -> list[dict]:
    """Return, per stage, run counts, failures, last run and SLA breaches over the last ``days``."""
    since = timezone.now() - timedelta(days=days)
    runs = list(StageRun.objects.for_team(team).filter(started_at__gte=since))
    failures = dict(
        StageFailure.objects.for_team(team)
        .filter(created_at__gte=since)
        .values_list("stage")
        .annotate(n=Count("id"))
        .values_list("stage", "n")
    )
    last = dict(
        StageRun.objects.for_team(team).values_list("stage").annotate(m=Max("started_at")).values_list("stage", "m")
    )
    now = timezone.now()
    overview = []
    for definition in STAGES:
        stage_runs = [r for r in runs if r.stage == definition.number]
        states = [run_sla_state(r, now) for r in stage_runs]
        overview.append(
            {
                "stage": definition,
                "runs": len(stage_runs),
                "running": sum(1 for r in stage_runs if r.status == StageRun.Status.RUNNING),
                "failed_runs": sum(1 for r in stage_runs if r.status == StageRun.Status.FAILED),
                "failures": failures.get(definition.number, 0),
                "slow": states.count("slow"),
                "alerts": states.count("alert"),
                "last_run": last.get(definition.number),
            }
        )
    return overview
