from django.apps import AppConfig


class IngestionConfig(AppConfig):
    name = "ingestion"
    verbose_name = "Ingestion: data sources (stages 1-2)"

    def ready(self):
        from . import checks  # noqa: F401  (registers system checks)
