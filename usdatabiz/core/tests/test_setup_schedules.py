import io

from django.core.management import call_command
from django_q.models import Schedule

from usdatabiz.pipeline import SCHEDULES


def test_setup_schedules_creates_each_once(db):
    call_command("setup_schedules", stdout=io.StringIO())
    call_command("setup_schedules", stdout=io.StringIO())

    assert Schedule.objects.count() == len(SCHEDULES)
    for name, (path, minutes) in SCHEDULES.items():
        row = Schedule.objects.get(name=name)
        assert (row.func, row.schedule_type, row.minutes, row.repeats) == (path, Schedule.MINUTES, minutes, -1)


def test_the_lease_sweeper_and_the_sla_check_run_every_minute_on_the_realtime_lane(db):
    call_command("setup_schedules", stdout=io.StringIO())

    for path in ("usdatabiz.core.tasks.work_sweep_task", "usdatabiz.core.tasks.sla_check_task"):
        row = Schedule.objects.get(func=path)
        assert (row.schedule_type, row.minutes, row.repeats, row.cluster) == (Schedule.MINUTES, 1, -1, "realtime")
