"""django-q2 entry points of stage 3 (all on the bulk lane)."""

from usdatabiz.core.handovers import journey_follower
from usdatabiz.core.selectors import stage_ended_at

from . import partitions


@journey_follower(long=True)  # indexing a large team may outlast a lease
def identity_resolve_task(subject_id: str, team_id: str | None = None) -> str:
    """Start resolving the team's new personas after a file was normalized; the last step hands over to stage 4."""
    team = team_id or subject_id
    # felt from the end of stage 2 of the file that queued it: a bulk lane running behind makes stage 3 late
    run = partitions.resolution_start(team_id=team, triggered_at=stage_ended_at(stage=2, subject_id=subject_id))
    return run.status


def resolution_index_chunk_run_task(chunk_id: str) -> str:
    """Write the blocking keys of one chunk of a run's new personas (leased: duplicates return at once)."""
    chunk = partitions.resolution_index_chunk_run(chunk_id=chunk_id)
    return chunk.state if chunk else "skipped"


def resolution_partition_run_task(partition_id: str) -> str:
    """Compare the pairs of one block partition of a run (leased: duplicates return at once)."""
    part = partitions.resolution_partition_run(partition_id=partition_id)
    return part.state if part else "skipped"


def resolution_finish_task(run_id: str) -> str:
    """Finish a run whose partitions are all done: train, score, cluster, merge, queue reviews."""
    return partitions.resolution_finish(run_id=run_id).status
