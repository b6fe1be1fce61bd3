"""Shared by management commands: find a team by slug or stop with a clear error."""

from django.core.management.base import CommandError

from usdatabiz.core.models import Team


def team_from_slug(slug: str) -> Team:
    """Return the team with this slug, or raise a CommandError that names it."""
    team = Team.objects.filter(slug=slug).first()
    if team is None:
        raise CommandError(f"No team with slug '{slug}'.")
    return team
