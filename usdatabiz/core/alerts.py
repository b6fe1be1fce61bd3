"""Alerts: a stage late for its SLA, or work given up, told once to the team and resolved once.

``sla_check`` (a schedule, every minute) looks at each team's stages with an SLA. A stage breaches when
its latest finished run took longer than the stage's alert threshold *as a person feels it* (from the
event that triggered it: an upload, an inbound's provider timestamp, an approval, an enqueue; see
``StageRun.delay_seconds``), or when a run still open is already past it. A breach opens one alert per
team and stage (a database constraint keeps it to one); the alert resolves when a later run of the stage
finishes within the threshold and nothing open is late. ``alerts_notify`` then tells what nobody was told
yet: the in-app list always has it; the team's admins get an email through Django's email backend; the
team's webhook (optional) gets a JSON POST signed with HMAC-SHA256 (``X-Alert-Signature``).

Work given up (``TASK_TIMEOUT`` after ``Q_MAX_ATTEMPTS``) and runs closed by the sweeper
(``RUN_ABANDONED``) raise a ``failure`` alert, notified the same way, resolved by a person.
"""

import hashlib
import hmac
import json
import logging
import time
from datetime import timedelta

import requests
from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from .errors import DomainError
from .journey import STAGES, stage
from .models import Alert, AlertSettings, Membership, StageFailure, StageRun, Team

log = logging.getLogger(__name__)

SLA_BREACH = "SLA_BREACH"
WEBHOOK_PROVIDER, WEBHOOK_SECRET = "alerts", "webhook_secret"
SIGNATURE_HEADER, TIMESTAMP_HEADER = "X-Alert-Signature", "X-Alert-Timestamp"


class AlertError(DomainError):
    pass


def _lookback() -> timedelta:
    # A late run older than this does not open an alert (the first check after a long stop stays quiet).
    return timedelta(seconds=int(getattr(settings, "SLA_ALERT_LOOKBACK_SECONDS", 3600)))


def _limit(run: StageRun) -> float | None:
    return stage(run.stage).limits_for(run.count_in)[1]


def _felt(run: StageRun, now) -> float:
    end = run.finished_at or now
    return (end - (run.triggered_at or run.started_at)).total_seconds()


def _breach(team_id: str, number: int, now) -> tuple[StageRun | None, StageRun | None]:
    """Return (the run that breaches, the latest finished run) of one team's stage."""
    runs = StageRun.objects.filter(team_id=team_id, stage=number)
    for run in runs.filter(status=StageRun.Status.RUNNING).order_by("triggered_at", "started_at")[:50]:
        limit = _limit(run)
        if limit is not None and _felt(run, now) > limit:
            return run, None
    latest = runs.filter(finished_at__isnull=False).order_by("-finished_at").first()
    if latest is not None:
        limit = _limit(latest)
        if limit is not None and _felt(latest, now) > limit:
            return latest, latest
    return None, latest


def _describe(run: StageRun, seconds: float, limit: float, now) -> str:
    definition = stage(run.stage)
    state = "is still running" if run.finished_at is None else "finished"
    run_time = ((run.finished_at or now) - run.started_at).total_seconds()
    return (
        f"Stage {definition.number} ({definition.name}) {state} {seconds:.0f} s after its triggering event, "
        f"over its alert threshold of {limit:.0f} s (SLA {definition.sla_text}); run {run.pk} "
        f"({run.subject_type or 'team'} {run.subject_id or run.team_id}), run time {run_time:.0f} s."
    )


def sla_check(*, now=None) -> dict[str, int]:
    """Open an alert for each team's stage that breaches its SLA, resolve those back within it; notify both."""
    now = now or timezone.now()
    counts = {"opened": 0, "resolved": 0}
    timed = [s.number for s in STAGES if s.sla_alert_seconds is not None]
    recent = StageRun.objects.filter(stage__in=timed).filter(
        finished_at__gte=now - _lookback()
    ) | StageRun.objects.filter(stage__in=timed, status=StageRun.Status.RUNNING)
    pairs = set(recent.values_list("team_id", "stage").distinct())
    pairs |= set(
        Alert.objects.filter(kind=Alert.Kind.SLA, status=Alert.Status.OPEN).values_list("team_id", "stage").distinct()
    )
    for team_id, number in sorted(pairs):
        late, latest = _breach(team_id, number, now)
        open_alert = Alert.objects.filter(
            team_id=team_id, stage=number, kind=Alert.Kind.SLA, status=Alert.Status.OPEN
        ).first()
        if late is not None and open_alert is None:
            if late.finished_at is not None and late.finished_at < now - _lookback():
                continue
            seconds, limit = _felt(late, now), _limit(late)
            try:
                with transaction.atomic():
                    Alert.objects.create(
                        team_id=team_id,
                        stage=number,
                        kind=Alert.Kind.SLA,
                        code=SLA_BREACH,
                        run=late,
                        measured_seconds=seconds,
                        limit_seconds=limit,
                        detail=_describe(late, seconds, limit, now),
                        opened_at=now,
                    )
            except IntegrityError:
                continue  # another check opened it at the same moment
            counts["opened"] += 1
        elif late is None and open_alert is not None and latest and latest.finished_at >= open_alert.opened_at:
            _resolve(
                open_alert,
                now=now,
                note=f"Back within its SLA: run {latest.pk} took {_felt(latest, now):.0f} s "
                f"(threshold {_limit(latest):.0f} s).",
            )
            counts["resolved"] += 1
    alerts_notify()
    return counts


def _resolve(alert: Alert, *, now, note: str, user=None) -> Alert:
    Alert.objects.filter(pk=alert.pk, status=Alert.Status.OPEN).update(
        status=Alert.Status.RESOLVED, resolved_at=now, resolved_by=user, detail=f"{alert.detail}\n{note}"[:4000]
    )
    alert.refresh_from_db()
    return alert


def alert_resolve(*, alert: Alert, user) -> Alert:
    """Resolve an open alert by hand (a person looked into it); the team is told it is resolved."""
    if alert.status != Alert.Status.OPEN:
        raise AlertError(
            "NOT_OPEN", f"Only an open alert can be resolved; this one is {alert.status}.", http_status=409
        )
    alert = _resolve(alert, now=timezone.now(), note=f"Resolved by {user}.", user=user)
    alerts_notify()
    return alert


def alert_failure_raise(*, failure: StageFailure) -> Alert:
    """Raise an alert for work given up or a run abandoned (in the caller's transaction); notified by the check."""
    return Alert.objects.create(
        team_id=failure.team_id,
        stage=failure.stage,
        kind=Alert.Kind.FAILURE,
        code=failure.code,
        run_id=failure.run_id,
        detail=f"Stage {failure.stage} ({stage(failure.stage).name}): {failure.code}: {failure.detail}"[:4000],
        opened_at=timezone.now(),
    )


def alert_settings_get(*, team: Team | str) -> AlertSettings:
    """Return the team's alert settings (created with the defaults on first use)."""
    team_id = team.pk if isinstance(team, Team) else team
    row, _ = AlertSettings.objects.get_or_create(team_id=team_id)
    return row


def alert_settings_update(
    *, team: Team | str, email_admins: bool, webhook_url: str, webhook_secret: str = "", user=None
) -> AlertSettings:
    """Set where the team's alerts go; a new signing secret replaces the stored one (encrypted)."""
    from .services import team_credential_set

    row = alert_settings_get(team=team)
    row.email_admins, row.webhook_url = email_admins, webhook_url.strip()
    row.full_clean()
    with transaction.atomic():
        row.save()
        if webhook_secret:
            team_credential_set(team=row.team_id, provider=WEBHOOK_PROVIDER, name=WEBHOOK_SECRET, value=webhook_secret,
                                user=user)  # fmt: skip
    return row


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """Return the signature of a webhook body: ``sha256=`` + HMAC-SHA256 of ``timestamp.body`` with the secret."""
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def _payload(alert: Alert, event: str) -> dict:
    definition = stage(alert.stage)
    return {
        "event": event,
        "text": f"[{event}] {alert.team} stage {definition.number} {definition.name}: {alert.code}",
        "alert": {
            "id": alert.pk,
            "team": alert.team_id,
            "stage": alert.stage,
            "stage_name": definition.name,
            "kind": alert.kind,
            "code": alert.code,
            "status": alert.status,
            "measured_seconds": alert.measured_seconds,
            "limit_seconds": alert.limit_seconds,
            "detail": alert.detail,
            "opened_at": alert.opened_at.isoformat(),
            "resolved_at": alert.resolved_at.isoformat() if alert.resolved_at else None,
            "run": alert.run_id,
        },
    }


def _post_webhook(url: str, secret: str, payload: dict) -> None:
    body = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: sign(secret, timestamp, body),
    }
    response = requests.post(url, data=body, headers=headers, timeout=10)
    response.raise_for_status()


def _admins(team_id: str) -> list[str]:
    admins = Membership.objects.filter(team_id=team_id, role=Membership.Role.ADMIN)
    emails = admins.values_list("user__email", flat=True)
    return sorted({email for email in emails if email})


def _tell(alert: Alert, event: str) -> str:
    """Email the team's admins and post to its webhook; return what failed ('' when all went out)."""
    from .selectors import team_credential_value

    cfg = alert_settings_get(team=alert.team_id)
    problems = []
    payload = _payload(alert, event)
    if cfg.email_admins:
        recipients = _admins(alert.team_id)
        if recipients:
            try:
                send_mail(
                    subject=payload["text"],
                    message=f"{alert.detail}\n\nSee the alerts page of the console.",
                    from_email=None,
                    recipient_list=recipients,
                )
            except Exception as exc:  # a mail server down must not stop the webhook or the next alert
                problems.append(f"email: {exc}")
    if cfg.webhook_url:
        secret = team_credential_value(team=alert.team_id, provider=WEBHOOK_PROVIDER, name=WEBHOOK_SECRET)
        if not secret:
            problems.append("webhook: no signing secret is set; nothing was posted")
        else:
            try:
                _post_webhook(cfg.webhook_url, secret, payload)
            except requests.RequestException as exc:
                problems.append(f"webhook: {exc}")
    return "; ".join(problems)


def alerts_notify() -> int:
    """Tell each alert's team what it was not told yet (opened, then resolved); return how many notices."""
    sent = 0
    for alert in Alert.objects.filter(notified_at__isnull=True).select_related("team").order_by("opened_at"):
        # Claimed before telling: two checks at once never tell the same thing twice.
        if Alert.objects.filter(pk=alert.pk, notified_at__isnull=True).update(notified_at=timezone.now()) != 1:
            continue
        Alert.objects.filter(pk=alert.pk).update(notify_error=_tell(alert, "alert"))
        sent += 1
    resolved = Alert.objects.filter(status=Alert.Status.RESOLVED, resolve_notified_at__isnull=True)
    for alert in resolved.exclude(notified_at__isnull=True).select_related("team").order_by("resolved_at"):
        claimed = Alert.objects.filter(pk=alert.pk, resolve_notified_at__isnull=True)
        if claimed.update(resolve_notified_at=timezone.now()) != 1:
            continue
        Alert.objects.filter(pk=alert.pk).update(notify_error=_tell(alert, "resolved"))
        sent += 1
    return sent
