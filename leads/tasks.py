"""django-q2 entry points of stage 4."""

from usdatabiz.core import journey

from . import services


def lead_prepare_task(subject_id: str, team_id: str | None = None) -> str:
    """Create and score the team's leads after resolution, then hand over to what follows stage 4."""
    team = team_id or subject_id
    run = services.leads_prepare(team=team)
    journey.advance(stage=4, subject_id=run.pk, team_id=team)
    return run.status
