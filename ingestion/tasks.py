"""django-q2 entry points of stages 1-2: thin, idempotent, called with ids."""

from usdatabiz.core import journey

from . import services
from .models import DataSource


def data_source_ingest_task(data_source_id: str) -> str:
    """Run stage 1 for a data source and hand over to stage 2 when the file is good."""
    data_source = services.data_source_ingest(data_source_id=data_source_id)
    if data_source.status == DataSource.Status.PROCESSING:
        journey.advance(stage=1, subject_id=data_source_id)
    return data_source.status


def data_source_normalize_task(data_source_id: str) -> str:
    """Run stage 2 for a data source."""
    return services.data_source_normalize(data_source_id=data_source_id).status
