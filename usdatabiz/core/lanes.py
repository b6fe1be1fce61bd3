"""Lanes: two django-q2 clusters by name, so a reply's follow-ups never wait behind a million-row list.

``realtime`` runs what a person waits on after an inbound reply (classification, prioritization, drafts,
compliance replies); ``bulk`` runs what works through lists (ingest chunks, resolution, leads, skip trace,
campaign slices). Each lane is a django-q2 named cluster (``Q_CLUSTER["ALT_CLUSTERS"]``) with its own worker
count, started as ``Q_CLUSTER_NAME=realtime manage.py qcluster`` and ``Q_CLUSTER_NAME=bulk manage.py qcluster``
on any number of hosts that share the broker, ``SECRET_KEY`` and the site name (``Q_CLUSTER["name"]``).

Which lane runs a task is data: ``LANES`` in ``usdatabiz/pipeline.py`` (task path -> lane), read by
``core.journey.enqueue`` and ``setup_schedules``; a system check fails on a task path without a lane.

**When is a lane's cluster running?** ``cluster_running(lane)`` answers from django-q2's own cluster stats:
every cluster's guard saves a stat every half second that expires after 3 seconds (in Redis with the Redis
broker; in the database cache ``django_q_cache`` with the ORM broker, so every process of the site sees it).
A lane is running when at least one stat is fresh with a status of starting, working or idle, and that
cluster's workers registered themselves under the lane when they spawned (``register_worker_lane``, on
django-q2's ``post_spawn`` signal; a stat alone does not say which queue its cluster serves). A cluster
stopped or killed stops counting within 3 seconds.
"""

import os
import socket

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured

from .journey import _pipeline_module

ALIVE = ("Starting", "Working", "Idle")


def lanes() -> dict[str, str]:
    """Return the task path -> lane map (``LANES`` of the pipeline module, else of ``usdatabiz.pipeline``)."""
    found = getattr(_pipeline_module(), "LANES", None)
    if found is None:
        from usdatabiz import pipeline

        found = pipeline.LANES
    return found


def lane_names() -> list[str]:
    """Return the names of the configured lanes (the named clusters of ``Q_CLUSTER["ALT_CLUSTERS"]``)."""
    return list(settings.Q_CLUSTER.get("ALT_CLUSTERS", {}))


def task_lane(task_path: str) -> str:
    """Return the lane that runs ``task_path``; ImproperlyConfigured when it has none."""
    lane = lanes().get(task_path)
    if lane is None:
        raise ImproperlyConfigured(f"Task {task_path!r} has no lane: add it to LANES in usdatabiz/pipeline.py.")
    return lane


def _lane_key(host: str, sentinel_pid: int) -> str:
    return f"{settings.Q_CLUSTER['name']}:lane:{host}:{sentinel_pid}"


def _cache():
    from django_q.conf import Conf

    return caches[Conf.CACHE]


def register_worker_lane(sender=None, **kwargs) -> None:
    """Remember which lane this worker's cluster serves (run in each worker as it spawns)."""
    from django_q.conf import Conf

    # A worker's parent is its cluster's sentinel, whose pid the cluster's stat carries.
    _cache().set(_lane_key(socket.gethostname(), os.getppid()), Conf.CLUSTER_NAME, timeout=None)
    lower_worker_priority(Conf.CLUSTER_NAME)


def lower_worker_priority(lane: str) -> int:
    """Lower this worker process's CPU priority by its lane's ``Q_LANE_NICE``; return the niceness it now has.

    Run in each worker as it spawns: where the web server and both lanes share cores, the webhook's answer is not
    slowed by a burst of follow-ups on the realtime lane, nor a reply's draft by a list on the bulk lane. Only
    the worker's own CPU is lowered: the database's work for it runs at the database's priority.
    """
    increment = int(getattr(settings, "Q_LANE_NICE", {}).get(lane, 0) or 0)
    if increment <= 0 or not hasattr(os, "nice"):
        return os.getpriority(os.PRIO_PROCESS, 0) if hasattr(os, "getpriority") else 0
    return os.nice(increment)


def running_clusters() -> list[dict]:
    """Return the clusters of this site alive now: host, sentinel pid, lane, status, workers, id, birth, owners."""
    from django_q.brokers import get_broker
    from django_q.status import Stat

    cache = _cache()
    found = []
    for stat in Stat.get_all(broker=get_broker()):
        status = str(stat.status)
        if status not in ALIVE:
            continue
        found.append(
            {
                "host": stat.host,
                "sentinel": stat.sentinel,
                "lane": cache.get(_lane_key(stat.host, stat.sentinel)),
                "status": status,
                "workers": len(stat.workers),
                "cluster_id": str(stat.cluster_id),
                "born": stat.tob,
                # its workers as lease holders (``core.leases.worker_id``): what a dead cluster held
                "owners": [f"{stat.host[:60]}:{pid}" for pid in stat.workers],
            }
        )
    return found


def cluster_running(lane: str) -> bool:
    """Tell whether a cluster serving ``lane`` is alive now (the rule is in this module's docstring)."""
    try:
        return any(cluster["lane"] == lane for cluster in running_clusters())
    except Exception:  # no broker or cache reachable: nothing can be running
        return False
