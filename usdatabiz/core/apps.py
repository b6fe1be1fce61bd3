from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "usdatabiz.core"
    label = "core"
    verbose_name = "Core: teams and journey ledger"

    def ready(self):
        from django_q.signals import post_spawn

        from . import checks  # noqa: F401  (registers system checks)
        from .lanes import register_worker_lane

        post_spawn.connect(register_worker_lane, dispatch_uid="usdatabiz.core.lanes.register_worker_lane")
