"""django-q2 entry points of stage 3."""

from usdatabiz.core import journey

from . import services


def identity_resolve_task(subject_id: str, team_id: str | None = None) -> str:
    """Resolve the team's new personas after a file was normalized, then hand over to stage 4."""
    team = team_id or subject_id
    run = services.identity_resolve(team=team)
    journey.advance(stage=3, subject_id=run.pk, team_id=team)
    return run.status
