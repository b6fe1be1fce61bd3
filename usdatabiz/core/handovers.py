"""Durable hand-overs between the stages of the journey: a stage that ends owes its followers a start.

``journey.advance`` records each follower's start as a ``JourneyHandover`` (leased work, see ``core.leases``)
in the transaction that ends the stage, and enqueues the follower with ``handover_id=``. The follower's task is
wrapped by ``journey_follower``:

1. it claims the hand-over when it starts; a claim that fails (the hand-over is done, failed, or another worker
   is taking it over) returns at once, so a task delivered twice (a broker's retry, the sweeper's resend after a
   wrong guess) starts the next stage once;
2. the follower calls ``handover_taken_over()`` in the transaction that records its own leased work (stage 4's
   ``LeadPreparation``, stage 1's ``IngestScan``, stage 3's partitions): from then on that work recovers by
   itself and the hand-over is done. A follower that records none (a reply classified, prioritized, drafted)
   has taken over when it returns, and the wrapper marks the hand-over done then.

A follower task lost on its way (its cluster killed after pulling it, a broker that dropped it) leaves the
hand-over pending; one whose worker died before it took over leaves it running under an expiring lease. Either
way ``work_sweep`` sends it again by the rules of every leased row, and after ``Q_MAX_ATTEMPTS`` claims fails it
with ``TASK_TIMEOUT`` in the ledger and an alert. A follower called without ``handover_id`` (a command, a test,
a scheduled start) runs as it always did.
"""

import functools
import logging
from contextvars import ContextVar
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .leases import LeaseLost, lease_seconds, work_claim, work_done
from .models import JourneyHandover, LeasedWork

log = logging.getLogger(__name__)
HANDED_OVER = "handed over already"
_current: ContextVar[JourneyHandover | None] = ContextVar("journey_handover", default=None)


def handover_record(*, stage: int, subject_id: str, team_id: str, task_path: str, kwargs: dict) -> JourneyHandover:
    """Record, already queued, that ``stage`` owes ``task_path`` a start for ``subject_id`` (caller's transaction)."""
    from .lanes import task_lane

    return JourneyHandover.objects.create(
        team_id=team_id,
        stage=stage,
        subject_id=subject_id,
        task=task_path,
        lane=task_lane(task_path),
        kwargs=kwargs,
        enqueued_at=timezone.now(),
    )


def handover_taken_over() -> None:
    """Mark the hand-over the running follower claimed done, in the caller's transaction.

    Call it where the follower has recorded the work that now recovers by itself. Outside a follower started by
    a hand-over it does nothing; it raises ``LeaseLost`` (rolling the caller back) when another worker has taken
    the hand-over over meanwhile, so the next stage starts once.
    """
    handover = _current.get()
    if handover is None or handover.state == LeasedWork.State.DONE:
        return
    work_done(handover)


def _hold_seconds(long: bool) -> int:
    # A long follower holds its hand-over for as long as django-q2 lets a task live: after that its worker was
    # killed by the timeout, and a worker killed with its cluster is taken over at the next sweep regardless.
    if long:
        return int(settings.Q_CLUSTER.get("timeout") or 1800) + 2 * lease_seconds()
    return lease_seconds()


def journey_follower(func=None, *, long: bool = False):
    """Make a follower's task claim its hand-over when it starts and mark it done once it has taken over.

    ``long``: the follower may work longer than a lease before it records leased work of its own (stage 3
    indexing a team's new personas), so it holds the hand-over for ``Q_TIMEOUT`` instead of a lease period.
    """

    def wrap(task):
        @functools.wraps(task)
        def follower(subject_id, *args, handover_id: str | None = None, **kwargs):
            if handover_id is None:
                return task(subject_id, *args, **kwargs)
            handover = work_claim(JourneyHandover, handover_id, seconds=_hold_seconds(long))
            if handover is None:
                return HANDED_OVER  # done, failed, or being taken over by a live worker: start once
            token = _current.set(handover)
            try:
                result = task(subject_id, *args, **kwargs)
            except LeaseLost as exc:  # presumed dead, the hand-over went to another worker, which goes on with it
                log.info("hand-over %s: %s", handover.pk, exc)
                return HANDED_OVER
            finally:
                _current.reset(token)
            if handover.state != LeasedWork.State.DONE:
                try:
                    with transaction.atomic():
                        work_done(handover)
                except LeaseLost as exc:  # presumed dead and sent again; the resend finds the work done
                    log.info("hand-over %s: %s", handover.pk, exc)
            return result

        follower.journey_follower = True
        return follower

    return wrap(func) if func is not None else wrap


def handovers_prune(*, now=None, batch: int = 5000) -> int:
    """Delete hand-overs done more than ``HANDOVER_KEEP_HOURS`` ago (every reply leaves a few): a done row is
    never looked at again; pending, running and failed rows stay. Returns how many went."""
    now = now or timezone.now()
    cutoff = now - timedelta(hours=int(getattr(settings, "HANDOVER_KEEP_HOURS", 24)))
    removed = 0
    while True:
        ids = list(
            JourneyHandover.objects.filter(state=LeasedWork.State.DONE, finished_at__lt=cutoff)
            .order_by()
            .values_list("pk", flat=True)[:batch]
        )
        if not ids:
            return removed
        removed += JourneyHandover.objects.filter(pk__in=ids).delete()[0]
