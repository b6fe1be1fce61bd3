"""django-q2 entry points of stages 1-2: thin, idempotent, called with ids."""

from usdatabiz.core.handovers import journey_follower

from . import chunks, services


@journey_follower
def data_source_ingest_task(data_source_id: str, team_id: str | None = None) -> str:
    """Run stage 1 for a data source; a good file's stage 2 is queued in the transaction that ends stage 1."""
    return services.data_source_ingest(data_source_id=data_source_id, hand_over=True).status


def ingest_scan_run_task(scan_id: str) -> str:
    """Run stage 1 taken over from a worker that stopped, then hand over to stage 2 (leased: duplicates do nothing)."""
    data_source = services.ingest_scan_run(scan_id=scan_id, hand_over=True)
    return data_source.status if data_source is not None else "held elsewhere or finished"


@journey_follower
def data_source_normalize_task(data_source_id: str, team_id: str | None = None) -> str:
    """Run stage 2 for a data source."""
    return services.data_source_normalize(data_source_id=data_source_id).status


def ingest_start_run_task(start_id: str) -> str:
    """Start stage 2 of a file whose start task was lost (sent again by the sweeper; a duplicate does nothing)."""
    data_source = chunks.ingest_start_run(start_id=start_id)
    return data_source.status if data_source is not None else "gone"


def ingest_chunk_run_task(chunk_id: str) -> str:
    """Normalize and load one chunk of a data source's rows (leased: a duplicate delivery does nothing)."""
    chunk = chunks.ingest_chunk_run(chunk_id=chunk_id)
    return chunk.state if chunk is not None else "held elsewhere or finished"
