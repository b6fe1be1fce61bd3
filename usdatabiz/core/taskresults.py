"""How many finished tasks the admin keeps (``Q_SAVE_LIMIT``), pruned once a minute instead of per task.

django-q2 prunes its own results inside the cluster's monitor: with a positive ``save_limit`` it reads and locks
every kept success row for each task it records. One monitor records every result of its cluster, so at 1,000
kept rows that read was the cluster's ceiling (about 15 tasks/s, whatever the worker count), and the two lanes'
monitors locked the same rows, so a busy bulk lane slowed the realtime lane's bookkeeping. The cluster now records
results without pruning (``save_limit`` 0) and the realtime lane's ``prune task results`` schedule trims the
successes to the newest ``Q_SAVE_LIMIT`` in one statement. Failures are kept, as before, for a person to read.
"""

from __future__ import annotations

from django.conf import settings


def task_results_prune(keep: int | None = None) -> int:
    """Delete successful task results beyond the newest ``keep`` (``Q_SAVE_LIMIT``); how many went.

    0 keeps every result (nothing pruned), as django-q2's own ``save_limit`` 0 does.
    """
    from django_q.models import Success

    keep = int(settings.TASK_RESULTS_KEEP if keep is None else keep)
    if keep <= 0:
        return 0
    boundary = list(Success.objects.order_by("-stopped", "-pk").values_list("stopped", flat=True)[keep : keep + 1])
    if not boundary:
        return 0
    deleted, _ = Success.objects.filter(stopped__lte=boundary[0]).delete()
    return deleted
