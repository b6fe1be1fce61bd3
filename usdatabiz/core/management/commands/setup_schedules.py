import importlib

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from usdatabiz.core.lanes import task_lane


class Command(BaseCommand):
    help = "Create or update the django-q2 schedules listed in usdatabiz/pipeline.py (idempotent, by name)."

    def handle(self, *args, **options):
        from django_q.models import Schedule

        schedules = importlib.import_module(getattr(settings, "PIPELINE_MODULE", "usdatabiz.pipeline")).SCHEDULES
        for name, (path, minutes) in schedules.items():
            import_string(path)  # a wrong path fails here, not at 3 am in a worker
            lane = task_lane(path)  # only that lane's cluster runs the schedule, onto its own queue
            _, created = Schedule.objects.update_or_create(
                name=name,
                defaults={
                    "func": path,
                    "schedule_type": Schedule.MINUTES,
                    "minutes": minutes,
                    "repeats": -1,
                    "cluster": lane,
                },
            )
            self.stdout.write(f"{'created' if created else 'updated'}: {name} -> {path} every {minutes} min on {lane}")
