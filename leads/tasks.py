"""django-q2 entry points of stage 4."""

from django.db import transaction

from usdatabiz.core.handovers import handover_taken_over, journey_follower
from usdatabiz.core.selectors import stage_ended_at

from . import services


@journey_follower
def lead_prepare_task(subject_id: str, team_id: str | None = None) -> str:
    """Create and score the team's leads after resolution (leased), then hand over to what follows stage 4."""
    # felt from the end of the stage-3 run that queued it
    with transaction.atomic():
        preparation = services.lead_preparation_create(
            team=team_id or subject_id,
            after=subject_id if team_id else "",
            triggered_at=stage_ended_at(stage=3, subject_id=subject_id),
        )
        handover_taken_over()  # the preparation is leased work: from here on it recovers by itself
    run = services.lead_preparation_run(preparation_id=preparation.pk)
    return run.status if run is not None else "held elsewhere or finished"


def lead_preparation_run_task(preparation_id: str) -> str:
    """Run stage 4 taken over from a worker that stopped (leased: a duplicate delivery does nothing)."""
    run = services.lead_preparation_run(preparation_id=preparation_id)
    return run.status if run is not None else "held elsewhere or finished"


def skiptrace_job_run_task(job_id: str) -> str:
    """Run one skip-trace job of up to 250 leads."""
    from .enrichment import skiptrace_job_run

    return skiptrace_job_run(job_id=job_id).status


@journey_follower
def leads_enrich_task(subject_id: str, team_id: str | None = None) -> int:
    """After LUCY, queue skip-trace jobs for the team's untraced leads (within the daily cap)."""
    from .enrichment import EnrichmentError, skiptrace_jobs_create

    try:
        return len(skiptrace_jobs_create(team=team_id or subject_id))
    except EnrichmentError:
        return 0  # nothing to trace, or the cap is reached: the next run picks the rest up


def leads_rescore_task(team_id: str) -> dict:
    """Score every lead of a team again (after its weights or rules changed)."""
    return services.leads_rescore(team=team_id)
