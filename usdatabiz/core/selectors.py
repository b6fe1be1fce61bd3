"""Reads of the core app: memberships, the ledger and the journey dashboard."""

from datetime import date, datetime, time, timedelta

from django.db.models import Count, Max, Q, Sum
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


def stage_failure_list(
    *, team, stage: int | None = None, subject_id: str | None = None, code: str | None = None, since=None, until=None
):
    """Return the team's failures, optionally for one stage, subject, code or time range."""
    qs = StageFailure.objects.for_team(team)
    if stage is not None:
        qs = qs.filter(stage=stage)
    if subject_id is not None:
        qs = qs.filter(subject_id=subject_id)
    if code:
        qs = qs.filter(code=code)
    if since is not None:
        qs = qs.filter(created_at__gte=since)
    if until is not None:
        qs = qs.filter(created_at__lt=until)
    return qs.order_by("source_row", "created_at")


def stage_failure_counts(*, team, subject_id: str) -> dict[str, int]:
    """Return code -> count of the failures recorded for one subject."""
    rows = StageFailure.objects.for_team(team).filter(subject_id=subject_id).values("code").annotate(n=Count("id"))
    return {row["code"]: row["n"] for row in rows.order_by("code")}


def stage_run_list(
    *, team, subject_id: str | None = None, stage: int | None = None, status: str | None = None, since=None, until=None
):
    """Return the team's stage runs, newest first, optionally for one subject, stage, status or time range."""
    qs = StageRun.objects.for_team(team)
    if subject_id is not None:
        qs = qs.filter(subject_id=subject_id)
    if stage is not None:
        qs = qs.filter(stage=stage)
    if status:
        qs = qs.filter(status=status)
    if since is not None:
        qs = qs.filter(started_at__gte=since)
    if until is not None:
        qs = qs.filter(started_at__lt=until)
    return qs.order_by("-started_at")


def stage_ended_at(*, stage: int, subject_id: str | None) -> datetime | None:
    """Return when ``stage`` last finished for ``subject_id`` (a run about it, or the run with that id).

    A follower's delay is felt from here: ``journey.advance`` hands the follower this ``subject_id``.
    """
    if not subject_id:
        return None
    runs = StageRun.objects.filter(Q(subject_id=subject_id) | Q(pk=subject_id), stage=stage, finished_at__isnull=False)
    return runs.order_by("-finished_at").values_list("finished_at", flat=True).first()


def run_sla_state(run: StageRun, now=None) -> str:
    """Return ``ok``, ``slow`` (past max) or ``alert`` (past alert threshold) for a run."""
    from .journey import stage as get_stage

    definition = get_stage(run.stage)
    max_s, alert_s = definition.limits_for(run.count_in)
    if max_s is None:
        return "ok"
    end = run.finished_at or now or timezone.now()
    elapsed = (end - (run.triggered_at or run.started_at)).total_seconds()  # the delay a person feels
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


def day_range(since: date, until: date) -> tuple[datetime, datetime]:
    """Return the moments that bound the days ``since`` to ``until`` (both included), in the current zone."""
    zone = timezone.get_current_timezone()
    end = until + timedelta(days=1)
    return datetime.combine(since, time.min, tzinfo=zone), datetime.combine(end, time.min, tzinfo=zone)


def journey_funnel(*, team, since: date, until: date) -> list[dict]:
    """Return, per stage, the records that went into it and came out of it over the days ``since``-``until``."""
    start, end = day_range(since, until)
    rows = (
        StageRun.objects.for_team(team)
        .filter(started_at__gte=start, started_at__lt=end)
        .values("stage")
        .annotate(records_in=Sum("count_in"), records_out=Sum("count_out"), runs=Count("id"))
    )
    by_stage = {row["stage"]: row for row in rows}
    return [
        {
            "stage": definition,
            "records_in": (by_stage.get(definition.number) or {}).get("records_in") or 0,
            "records_out": (by_stage.get(definition.number) or {}).get("records_out") or 0,
            "runs": (by_stage.get(definition.number) or {}).get("runs") or 0,
        }
        for definition in STAGES
    ]


def sla_delays(*, team, since: date, until: date) -> dict:
    """Return, per stage with an SLA and per day, the runs, those over their SLA and the slowest as a share of it.

    One query over the finished runs of the range; each run's SLA scales with its records as the seed says.
    """
    from .journey import stage as get_stage

    start, end = day_range(since, until)
    timed = [s.number for s in STAGES if s.sla_max_seconds is not None]
    days = [since + timedelta(days=i) for i in range((until - since).days + 1)]
    zone = timezone.get_current_timezone()
    cells: dict[tuple[int, date], dict] = {}
    runs = (
        StageRun.objects.for_team(team)
        .filter(stage__in=timed, started_at__gte=start, started_at__lt=end, finished_at__isnull=False)
        .values_list("stage", "started_at", "finished_at", "count_in", "triggered_at")
    )
    for number, started, finished, count_in, triggered in runs.iterator(chunk_size=5000):
        max_s, _ = get_stage(number).limits_for(count_in)
        seconds = (finished - (triggered or started)).total_seconds()  # from the triggering event
        empty = {"runs": 0, "over": 0, "worst": 0.0, "slowest": 0.0}
        cell = cells.setdefault((number, started.astimezone(zone).date()), empty)
        cell["runs"] += 1
        cell["over"] += seconds > max_s
        cell["worst"] = max(cell["worst"], seconds / max_s)
        cell["slowest"] = max(cell["slowest"], seconds)
    return {"stages": [get_stage(n) for n in timed], "days": days, "cells": cells}


def alert_list(*, team, status: str | None = None):
    """Return the team's alerts, open first, newest first; optionally only ``open`` or ``resolved`` ones."""
    from .models import Alert

    qs = Alert.objects.for_team(team)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-status", "-opened_at")
