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
