"""django-q2 entry points of stages 1-2: thin, idempotent, called with ids."""

from usdatabiz.core import journey

from . import chunks, services
from .models import DataSource


def data_source_ingest_task(data_source_id: str) -> str:
    """Run stage 1 for a data source and hand over to stage 2 when the file is good."""
    data_source = services.data_source_ingest(data_source_id=data_source_id)
    if data_source.status == DataSource.Status.PROCESSING:
        journey.advance(stage=1, subject_id=data_source_id)
    return data_source.status


def ingest_scan_run_task(scan_id: str) -> str:
    """Run stage 1 taken over from a worker that stopped, then hand over to stage 2 (leased: duplicates do nothing)."""
    data_source = services.ingest_scan_run(scan_id=scan_id)
    if data_source is None:
        return "held elsewhere or finished"
    if data_source.status == DataSource.Status.PROCESSING:
        journey.advance(stage=1, subject_id=data_source.pk)
    return data_source.status


def data_source_normalize_task(data_source_id: str) -> str:
    """Run stage 2 for a data source."""
    return services.data_source_normalize(data_source_id=data_source_id).status


def ingest_chunk_run_task(chunk_id: str) -> str:
    """Normalize and load one chunk of a data source's rows (leased: a duplicate delivery does nothing)."""
    chunk = chunks.ingest_chunk_run(chunk_id=chunk_id)
    return chunk.state if chunk is not None else "held elsewhere or finished"
