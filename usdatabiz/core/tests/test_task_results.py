"""Finished task results: recorded without django-q2's per-task pruning, trimmed to Q_SAVE_LIMIT by a schedule."""

from datetime import timedelta

from django.utils import timezone
from django_q.models import Failure, Success, Task
from django_q.monitor import save_task

from usdatabiz.core.taskresults import task_results_prune
from usdatabiz.core.tasks import task_results_prune_task


def _result(number: int, *, success: bool = True, age_seconds: int = 0) -> dict:
    stopped = timezone.now() - timedelta(seconds=age_seconds)
    return {
        "id": f"{number:032x}",
        "name": f"task-{number}",
        "func": "usdatabiz.core.tasks.sla_check_task",
        "args": (),
        "kwargs": {},
        "started": stopped - timedelta(milliseconds=5),
        "stopped": stopped,
        "result": number,
        "success": success,
        "cluster": "realtime",
    }


def _record(count: int, *, success: bool = True) -> None:
    for number in range(count):
        # oldest first: the higher the number, the newer the result
        save_task(_result(number + (0 if success else 1000), success=success, age_seconds=count - number), broker=None)


def test_the_cluster_monitor_never_prunes_per_task(db):
    # given django-q2 configured from the project's settings with the default Q_SAVE_LIMIT of 1,000
    from django_q.conf import Conf

    # then its monitor runs without the per-task prune (which reads and locks every kept success for each result)
    assert Conf.SAVE_LIMIT == 0
    # and records every result it is given; the trimming is the schedule's job
    _record(5)
    assert Success.objects.count() == 5


def test_prune_keeps_the_newest_successes_and_every_failure(db):
    # given 8 successes and 2 failures
    _record(8)
    _record(2, success=False)

    # when the results are trimmed to 3
    deleted = task_results_prune(3)

    # then the 3 newest successes stay, and the failures are all still there for a person to read
    assert deleted == 5
    assert sorted(Success.objects.values_list("result", flat=True)) == [5, 6, 7]
    assert Failure.objects.count() == 2
    # and a second turn has nothing left to do
    assert task_results_prune(3) == 0


def test_prune_with_zero_keeps_everything_and_the_schedule_uses_q_save_limit(db, settings):
    _record(4)
    assert task_results_prune(0) == 0
    assert Task.objects.count() == 4

    settings.TASK_RESULTS_KEEP = 1
    assert task_results_prune_task() == 3
    assert list(Success.objects.values_list("result", flat=True)) == [3]


def test_no_successes_kept_when_q_save_limit_is_negative(monkeypatch):
    # given Q_SAVE_LIMIT=-1 in the environment, the settings give django-q2 its "keep no successes" limit
    import importlib

    import usdatabiz.settings as project_settings

    monkeypatch.setenv("Q_SAVE_LIMIT", "-1")
    try:
        reloaded = importlib.reload(project_settings)
        assert reloaded.Q_CLUSTER["save_limit"] == -1
    finally:
        monkeypatch.delenv("Q_SAVE_LIMIT")
        importlib.reload(project_settings)
