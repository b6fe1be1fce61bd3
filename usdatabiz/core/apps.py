from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "usdatabiz.core"
    label = "core"
    verbose_name = "Core: teams and journey ledger"

    def ready(self):
        from . import checks  # noqa: F401  (registers system checks)
