"""The 12 stages of the journey, their SLAs, and how one stage hands over to the next."""

import functools
import importlib
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, transaction
from django.utils import timezone
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Stage:
    number: int
    key: str
    name: str
    owner: str
    # SLA from the seed; ``per_records`` scales the limits (e.g. 60 s per 1,000 records).
    sla_text: str = ""
    sla_max_seconds: float | None = None
    sla_alert_seconds: float | None = None
    per_records: int | None = None

    def limits_for(self, records: int | None = None) -> tuple[float | None, float | None]:
        """Return (max, alert) seconds for a run over ``records`` records."""
        if self.sla_max_seconds is None:
            return None, None
        factor = 1.0
        if self.per_records and records:
            factor = max(1.0, records / self.per_records)
        alert = self.sla_alert_seconds * factor if self.sla_alert_seconds is not None else None
        return self.sla_max_seconds * factor, alert


MINUTE = 60.0
STAGES: tuple[Stage, ...] = (
    Stage(1, "ingest", "Source ingestion", "SYSTEM", "5 minutes (alert 10)", 5 * MINUTE, 10 * MINUTE),
    Stage(
        2,
        "normalize",
        "Raw data normalization",
        "SYSTEM",
        "1 minute per 1K records (alert 2x)",
        MINUTE,
        2 * MINUTE,
        1000,
    ),
    Stage(
        3,
        "resolve",
        "Entity resolution",
        "SYSTEM",
        "5 minutes per 10K (alert 10 minutes)",
        5 * MINUTE,
        10 * MINUTE,
        10000,
    ),
    Stage(4, "prepare", "Data prep for outreach", "LUCY"),
    Stage(
        5,
        "enrich",
        "Enrichment (SkipTrace)",
        "SYSTEM (RealEstateAPI)",
        "30 minutes per batch (alert 1 hour)",
        30 * MINUTE,
        60 * MINUTE,
    ),
    Stage(6, "campaign", "Campaign prep", "HUMAN + LUCI"),
    Stage(
        7,
        "sms_out",
        "Initial SMS execution",
        "SYSTEM (SignalHouse)",
        "Immediate (alert 5 minute delay)",
        MINUTE,
        5 * MINUTE,
    ),
    Stage(8, "sms_in", "Inbound response handling", "SYSTEM", "Real-time (alert 30 second delay)", 5.0, 30.0),
    Stage(9, "classify", "Response classification", "SYSTEM", "< 1 second (alert 5 seconds)", 1.0, 5.0),
    Stage(10, "prioritize", "Prioritization & routing", "SYSTEM"),
    Stage(
        11,
        "copilot",
        "Copilot-assisted handling",
        "COPILOT (GIANNA/CATHY/SABRINA)",
        "< 5 seconds (alert 30 seconds)",
        5.0,
        30.0,
    ),
    Stage(12, "closeout", "Manual escalation / closeout", "HUMAN"),
)
STAGE_BY_NUMBER = {stage.number: stage for stage in STAGES}


def stage(number: int) -> Stage:
    """Return the stage with this number."""
    return STAGE_BY_NUMBER[number]


def _pipeline_module():
    return importlib.import_module(getattr(settings, "PIPELINE_MODULE", "usdatabiz.pipeline"))


def _pipeline() -> dict:
    return _pipeline_module().PIPELINE


def _gates() -> dict:
    module = importlib.import_module(getattr(settings, "PIPELINE_MODULE", "usdatabiz.pipeline"))
    return getattr(module, "GATES", {})


def gate(*, stage: int, team_id: str) -> tuple[str, str] | None:
    """Ask the checks the pipeline sets before ``stage`` for the team; the first refusal as (code, message)."""
    for path in _gates().get(stage, []):
        refusal = import_string(path)(team_id)
        if refusal:
            return refusal
    return None


def _refused() -> dict:
    return getattr(_pipeline_module(), "REFUSED_NUMBERS", {})


def refused_numbers(*, stage: int, team_id: str) -> dict:
    """Ask the readers the pipeline sets for ``stage``: {failure code: query of the team's numbers it refuses}."""
    found: dict = {}
    for path in _refused().get(stage, []):
        found.update(import_string(path)(team_id))
    return found


def followers(number: int) -> list[str]:
    """Return the dotted task paths that run when stage ``number`` finishes."""
    return list(_pipeline().get(number, []))


def enqueue(task_path: str, *args, **kwargs) -> None:
    """Enqueue a task by dotted path so that it only exists once the current transaction commits.

    With the ORM broker on the same database the queued row is part of the transaction (a rollback
    removes it); with Redis the push waits for the commit. In sync mode (tests) the task runs inline.
    The task goes to its lane's queue (``LANES`` in ``usdatabiz/pipeline.py``; see ``core.lanes``).
    """
    import_string(task_path)  # fail fast on a wrong path, in the caller's transaction
    from django_q.tasks import async_task

    from .lanes import task_lane

    q = settings.Q_CLUSTER
    if q.get("sync"):
        async_task(task_path, *args, **kwargs)  # inline: the lane does not matter
        return
    options = {"cluster": task_lane(task_path)}
    if "orm" in q:
        async_task(task_path, *args, q_options=options, **kwargs)
    else:
        transaction.on_commit(lambda: async_task(task_path, *args, q_options=options, **kwargs))


def queue_row(task_path: str, *args, **kwargs) -> tuple[str, tuple[str, ...], tuple] | None:
    """The row django-q2's ORM broker would add to queue a task by dotted path on its lane, as (table, columns,
    values), for a caller that writes it with its own statement; None unless the broker is the ORM on the default
    database and the queue is asynchronous (then ``enqueue``).

    The package is django-q2's own: ``async_task`` builds and signs it (``pre_enqueue`` is sent), handed a broker
    that keeps it instead of storing it.
    """
    q = settings.Q_CLUSTER
    if q.get("sync") or q.get("orm") != DEFAULT_DB_ALIAS:
        return None
    import_string(task_path)
    from django_q.models import OrmQ
    from django_q.tasks import async_task

    from .lanes import task_lane

    lane = task_lane(task_path)
    kept = _package_keeper()(list_key=lane)
    async_task(task_path, *args, q_options={"cluster": lane, "broker": kept, "sync": False}, **kwargs)
    fields = [OrmQ._meta.get_field(name) for name in ("key", "payload", "lock")]
    values = (lane, kept.package, timezone.now())
    return OrmQ._meta.db_table, tuple(field.column for field in fields), values


def queued_args(task_path: str) -> list[tuple] | None:
    """The arguments of each copy of a task by dotted path still waiting in its lane's queue, not yet handed to a
    cluster: with the ORM broker a row whose lock has passed (a row a cluster took is locked until ``Q_RETRY``),
    with Redis an entry of the lane's list (a cluster pops what it takes). None when the queue cannot be read this
    way (another broker) and in sync mode, where nothing waits."""
    q = settings.Q_CLUSTER
    if q.get("sync"):
        return None
    from django_q.brokers import get_broker
    from django_q.models import OrmQ
    from django_q.signing import SignedPackage

    from .lanes import task_lane

    lane = task_lane(task_path)
    if q.get("orm"):
        payloads = OrmQ.objects.using(q["orm"]).filter(key=lane, lock__lte=timezone.now()).values_list("payload")
        payloads = [payload for (payload,) in payloads]
    elif q.get("redis"):
        broker = get_broker(list_key=lane)
        payloads = broker.connection.lrange(broker.list_key, 0, -1)
    else:
        return None
    found = []
    for payload in payloads:
        try:
            task = SignedPackage.loads(payload)
        except Exception:  # noqa: BLE001 - a package signed with another key is never run: not a copy
            continue
        if task.get("func") == task_path:
            found.append(tuple(task.get("args", ())))
    return found


@functools.cache
def _package_keeper() -> type:
    from django_q.brokers import Broker  # imported once apps are ready: django-q2 reads settings on import

    class PackageKeeper(Broker):
        """A broker that keeps the one package it is given (``queue_row``) instead of storing it."""

        package = None

        @staticmethod
        def get_connection(list_key=None):
            return None

        def enqueue(self, task):
            self.package = task

    return PackageKeeper


def schedule_once(task_path: str, *args, at, name: str) -> None:
    """Run a task by dotted path once at ``at``; the schedule named ``name`` is replaced, never duplicated."""
    import_string(task_path)
    from django_q.models import Schedule

    from .lanes import task_lane

    Schedule.objects.update_or_create(
        name=name,
        defaults={
            "func": task_path,
            "args": repr(tuple(args)),
            "schedule_type": Schedule.ONCE,
            "repeats": 1,
            "next_run": at,
            # Only the named cluster's scheduler runs it (a schedule without one waits for a default cluster).
            "cluster": task_lane(task_path),
        },
    )


def advance(*, stage: int, subject_id: str, team_id: str | None = None) -> list[str]:
    """Tell the journey that ``stage`` finished for ``subject_id``; enqueue what follows it.

    Followers are called as ``task(subject_id)``, or ``task(subject_id, team_id=..., handover_id=...)`` when the
    team is given: then each follower's start is owed durably, as a ``JourneyHandover`` written in the caller's
    transaction (the one that ends the stage), which the follower claims (``core.handovers``) and the sweeper
    sends again if the task is lost. Without a team only the task is queued (stage 1's hand-over, which records
    its own leased ``IngestStart``).
    """
    paths = followers(stage)
    for path in paths:
        if team_id is None:
            enqueue(path, subject_id)
            continue
        from .handovers import handover_record

        handover = handover_record(
            stage=stage, subject_id=subject_id, team_id=team_id, task_path=path, kwargs={"team_id": team_id}
        )
        enqueue(path, subject_id, team_id=team_id, handover_id=handover.pk)
    return paths
