"""Leases on background work: a killed or timed-out worker's part is taken over within a minute.

django-q2 redelivers an unacknowledged task only after ``Q_RETRY`` (half an hour by default), and
the Redis broker not at all. Work that must resume sooner is split into rows of a ``LeasedWork``
model (the check of a file, the start of its stage 2, an ingest chunk, a resolution partition, a team's
lead preparation, a skip-trace job, a send slice). The task that does a row's work:

1. ``work_claim(Model, pk)`` in a short transaction of its own: the row becomes ``running`` under a
   lease of ``WORK_LEASE_SECONDS`` held by this process, or the claim returns None (already done,
   failed, or held by a live worker), and the task returns at once: duplicates are harmless.
2. ``work_heartbeat(row)`` between steps (at least once per lease period); False means the lease
   was lost (the sweeper gave the work to another worker) and the task must stop.
3. ``work_done(row)`` inside the transaction that commits the results: it raises ``LeaseLost``
   (rolling the results back) unless this process still holds the lease, so the work commits once.

``work_sweep`` (a schedule, every minute) re-enqueues rows whose lease expired, and rows enqueued
but not claimed for ``WORK_LOST_AFTER_SECONDS`` (a task the Redis broker lost), and fails a row
after ``Q_MAX_ATTEMPTS`` claims with ``TASK_TIMEOUT`` in the ledger and an alert. The ledger runs a
dead worker left open are closed as ``RUN_ABANDONED`` when its work is taken over, and
``stage_runs_sweep`` closes any other run left ``running`` past ``Q_TIMEOUT`` (a task killed by its
timeout, or a worker killed outside leased work), so no run stays "running" forever.

**A whole cluster killed.** A cluster pulls tasks from the broker ahead of its workers (django-q2 keeps
up to ``queue_limit`` in memory), so killing it loses tasks whose rows are still ``pending``: the ORM
broker hands them out again only after ``Q_RETRY``, Redis never. Waiting ``WORK_LOST_AFTER_SECONDS``
for them is what a long queue behind a live cluster needs, not what a dead one needs. So each sweep
compares the clusters alive now (django-q2's own stats, ``core.lanes.running_clusters``) with those the
previous sweep saw (``clusters_gone``): when a cluster of a lane has died since, every pending row of
that lane is sent again at once, and a running row held by one of its workers is taken over without
waiting for its lease to expire; when every live cluster of a lane was born after a pending row was
enqueued, whatever cluster could have pulled it is dead, so it is sent again too. A row sent twice is
claimed once (the claim is the lease), so the worst a wrong guess costs is a task that returns at once.
"""

import os
import socket
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string

from . import paging
from .journey import enqueue
from .models import LeasedWork, StageRun
from .services import stage_failure_record, stage_run_finish

TASK_TIMEOUT = "TASK_TIMEOUT"
RUN_ABANDONED = "RUN_ABANDONED"


class LeaseLost(Exception):
    """This process no longer holds the lease: another worker took the work over."""


def lease_seconds() -> int:
    return int(getattr(settings, "WORK_LEASE_SECONDS", 30))


def max_attempts() -> int:
    return int(settings.Q_CLUSTER.get("max_attempts") or 3)


def worker_id() -> str:
    """Return this process's name as a lease holder: ``host:pid``."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}"


def leased_models() -> list[type[LeasedWork]]:
    """Return every concrete model of the project that is leased work."""
    return [model for model in apps.get_models() if issubclass(model, LeasedWork)]


def work_enqueue(row: LeasedWork) -> None:
    """Queue the task that does ``row``'s work (on commit) and note when, for the sweeper."""
    type(row).objects.filter(pk=row.pk).update(enqueued_at=timezone.now())
    path, args, kwargs = row.lease_task()
    enqueue(path, *args, **kwargs)


def _lock_row(model: type[LeasedWork], pk) -> LeasedWork | None:
    """Lock one row of work for the current transaction; None when another transaction has it locked.

    Only this row: a model ordering through a foreign key would join (and lock) the parent row too,
    and a sibling's claim would then skip its own row as if a live worker held it.
    """
    return model.objects.select_for_update(skip_locked=True, of=("self",)).filter(pk=pk).order_by("pk").first()


def work_claim(
    model: type[LeasedWork], pk, *, owner: str | None = None, seconds: int | None = None
) -> LeasedWork | None:
    """Take the lease (``seconds``, WORK_LEASE_SECONDS by default) on one row of work; None when it is finished
    or a live worker holds it."""
    now = timezone.now()
    with transaction.atomic():
        row = _lock_row(model, pk)
        if row is None or row.state in (LeasedWork.State.DONE, LeasedWork.State.FAILED):
            return None
        if row.state == LeasedWork.State.RUNNING and row.lease_expires_at and row.lease_expires_at > now:
            return None
        row.state = LeasedWork.State.RUNNING
        row.lease_owner = owner or worker_id()
        row.lease_expires_at = now + timedelta(seconds=seconds or lease_seconds())
        row.attempts += 1
        row.save(update_fields=["state", "lease_owner", "lease_expires_at", "attempts"])
    return row


def _held(row: LeasedWork):
    return type(row).objects.filter(pk=row.pk, state=LeasedWork.State.RUNNING, lease_owner=row.lease_owner)


def work_heartbeat(row: LeasedWork) -> bool:
    """Extend the lease this process holds on ``row``; False when the lease was lost."""
    expires = timezone.now() + timedelta(seconds=lease_seconds())
    if _held(row).update(lease_expires_at=expires) != 1:
        return False
    row.lease_expires_at = expires
    return True


def work_done(row: LeasedWork, **fields) -> None:
    """Mark ``row`` done (with ``fields``) in the caller's transaction; raise LeaseLost if it is not ours."""
    now = timezone.now()
    updated = _held(row).update(state=LeasedWork.State.DONE, finished_at=now, lease_expires_at=None, **fields)
    if updated != 1:
        raise LeaseLost(f"{row._meta.label} {row.pk}: the lease of {row.lease_owner} was lost")
    row.state, row.finished_at, row.lease_expires_at = LeasedWork.State.DONE, now, None
    for name, value in fields.items():
        setattr(row, name, value)


def work_fail(row: LeasedWork, *, code: str, detail: str = "") -> None:
    """Mark ``row`` failed with a named code; the ledger gets the failure."""
    with transaction.atomic():
        type(row).objects.filter(pk=row.pk).exclude(state=LeasedWork.State.DONE).update(
            state=LeasedWork.State.FAILED,
            finished_at=timezone.now(),
            lease_expires_at=None,
            error_code=code,
            error_detail=detail[:4000],
        )
        failure = stage_failure_record(team=row.team_id, stage=row.lease_stage(), code=code, subject=row, detail=detail)
        _abandon_runs(row, detail=f"{code}: {detail}")
        if row.LEASE_GIVEN_UP:
            import_string(row.LEASE_GIVEN_UP)(row, code=code, detail=detail)
        from .alerts import alert_failure_raise

        alert_failure_raise(failure=failure)
    row.state, row.error_code, row.error_detail = LeasedWork.State.FAILED, code, detail[:4000]


ROSTER_KEY = "leases:clusters-seen"
_LIVE = object()


def _roster_key() -> str:
    return f"{settings.Q_CLUSTER.get('name', 'q')}:{ROSTER_KEY}"


def clusters_gone(live: list[dict], *, now) -> tuple[dict[str, object], set[str]]:
    """Compare the clusters alive now with those the previous sweep saw, and remember these for the next.

    ``live`` is ``core.lanes.running_clusters()``. Returns, per lane, the time before which a pending row
    may have been pulled by a cluster now dead (``now`` when a cluster of the lane died since the previous
    sweep, else the birth of the lane's oldest live cluster), and the lease owners of the dead clusters'
    workers that no live cluster has.
    """
    from .lanes import _cache

    cache = _cache()
    seen = cache.get(_roster_key()) or {}
    alive = {c["cluster_id"]: c for c in live if c.get("lane") and c.get("cluster_id")}
    live_owners = {owner for c in live for owner in c.get("owners", ())}
    cutoffs: dict[str, object] = {}
    owners: set[str] = set()
    for cluster_id, (lane, workers) in seen.items():
        if cluster_id not in alive:
            cutoffs[lane] = now
            owners.update(set(workers) - live_owners)
    for lane in {c["lane"] for c in alive.values()} - set(cutoffs):
        births = [c["born"] for c in alive.values() if c["lane"] == lane and c.get("born") is not None]
        if births:
            cutoffs[lane] = min(births)
    cache.set(_roster_key(), {cid: (c["lane"], list(c.get("owners", ()))) for cid, c in alive.items()}, None)
    return cutoffs, owners


def _live_clusters() -> list[dict] | None:
    from .lanes import running_clusters

    try:
        return running_clusters()
    except Exception:  # no broker or cache reachable: decide by leases and WORK_LOST_AFTER_SECONDS alone
        return None


def work_sweep(*, now=None, models: list[type[LeasedWork]] | None = None, clusters=_LIVE) -> dict[str, int]:
    """Hand expired or lost work to another worker, or fail it after ``Q_MAX_ATTEMPTS`` claims.

    ``clusters``: the clusters alive now (``core.lanes.running_clusters()``, read here by default), or None
    to judge by leases and ``WORK_LOST_AFTER_SECONDS`` alone.
    """
    from .lanes import lanes

    now = now or timezone.now()
    # A task still waiting in a long queue is not lost: only one unclaimed for this long is re-sent ...
    lost_after = now - timedelta(seconds=int(getattr(settings, "WORK_LOST_AFTER_SECONDS", 600)))
    # ... unless a cluster that could have pulled it has died since (see the module docstring).
    if clusters is _LIVE:
        clusters = _live_clusters()
    cutoffs, dead_owners = clusters_gone(clusters, now=now) if clusters is not None else ({}, set())
    counts = {"requeued": 0, "failed": 0}
    for model in leased_models() if models is None else models:
        expired = Q(state=LeasedWork.State.RUNNING, lease_expires_at__lt=now)
        if dead_owners:
            expired |= Q(state=LeasedWork.State.RUNNING, lease_owner__in=sorted(dead_owners))
        never_claimed = Q(state=LeasedWork.State.PENDING, enqueued_at__lt=lost_after)
        if model.LEASE_TASK:
            lane_cutoffs = {None: cutoffs.get(lanes().get(model.LEASE_TASK))}
        else:  # each row names its own task (a journey hand-over): judge it by its own lane
            lanes_pending = (
                model.objects.filter(state=LeasedWork.State.PENDING).order_by().values_list("lane", flat=True)
            )
            lane_cutoffs = {lane: cutoffs.get(lane) for lane in lanes_pending.distinct()}
        for lane, cutoff in lane_cutoffs.items():
            if cutoff is not None and cutoff > lost_after:
                in_lane = Q() if lane is None else Q(lane=lane)
                never_claimed |= Q(state=LeasedWork.State.PENDING, enqueued_at__lt=cutoff) & in_lane
        for row in paging.rows(model.objects.filter(expired | never_claimed)):
            if row.state == LeasedWork.State.RUNNING and row.attempts >= max_attempts():
                work_fail(
                    row,
                    code=TASK_TIMEOUT,
                    detail=f"Its worker stopped (killed or timed out) {row.attempts} times; last held by "
                    f"{row.lease_owner}. Given up after Q_MAX_ATTEMPTS={max_attempts()}.",
                )
                counts["failed"] += 1
                continue
            with transaction.atomic():
                taken = model.objects.filter(pk=row.pk, state=row.state, lease_expires_at=row.lease_expires_at)
                if taken.update(state=LeasedWork.State.PENDING, lease_owner="", lease_expires_at=None) != 1:
                    continue  # its worker came back (heartbeat) or finished in the meantime
                stopped = f"Its worker ({row.lease_owner or 'unknown'}) stopped; the work went to another."
                _abandon_runs(row, detail=stopped)
                work_enqueue(row)
            counts["requeued"] += 1
    return counts


def _abandon_runs(row: LeasedWork, *, detail: str) -> int:
    """Close the runs a dead worker of ``row`` left open, as failed with RUN_ABANDONED."""
    closed = 0
    for run in row.runs_left_open().filter(status=StageRun.Status.RUNNING):
        stage_run_finish(run=run, status=StageRun.Status.FAILED, detail=f"{RUN_ABANDONED}: {detail}")
        stage_failure_record(team=run.team_id, stage=run.stage, code=RUN_ABANDONED, run=run, detail=detail)
        closed += 1
    return closed


def _work_in_progress(subject_id: str) -> bool:
    active = (LeasedWork.State.PENDING, LeasedWork.State.RUNNING)
    for model in leased_models():
        if model.objects.filter(**{model.LEASE_SUBJECT: subject_id, "state__in": active}).exists():
            return True
    return False


def stage_runs_sweep(*, now=None) -> int:
    """Close runs left ``running`` longer than any task may live (``Q_TIMEOUT``) with no work still on them.

    Each is failed with RUN_ABANDONED in the ledger (a StageFailure) and raises an alert; returns how many.
    """
    now = now or timezone.now()
    limit = int(settings.Q_CLUSTER.get("timeout") or 1800) + 2 * lease_seconds()
    cutoff = now - timedelta(seconds=limit)
    closed = 0
    from .alerts import alert_failure_raise

    for run in StageRun.objects.filter(status=StageRun.Status.RUNNING, started_at__lt=cutoff).order_by("pk"):
        if run.subject_id and _work_in_progress(run.subject_id):
            continue  # a stage made of leased work (chunks) is open while its parts are on their way
        detail = (
            f"The run was still open {(now - run.started_at).total_seconds():.0f} s after it started, past "
            f"Q_TIMEOUT ({limit - 2 * lease_seconds()} s): its worker was killed or timed out."
        )
        with transaction.atomic():
            updated = StageRun.objects.filter(pk=run.pk, status=StageRun.Status.RUNNING).update(
                status=StageRun.Status.FAILED
            )
            if not updated:
                continue
            run.status = StageRun.Status.RUNNING
            stage_run_finish(run=run, status=StageRun.Status.FAILED, detail=f"{RUN_ABANDONED}: {detail}")
            failure = stage_failure_record(
                team=run.team_id, stage=run.stage, code=RUN_ABANDONED, run=run, subject=None, detail=detail
            )
            failure.subject_type, failure.subject_id = run.subject_type, run.subject_id
            failure.save(update_fields=["subject_type", "subject_id"])
            alert_failure_raise(failure=failure)
        closed += 1
    return closed
