"""Template context shared by every console page."""

from django.conf import settings

from .selectors import team_list_for_user


def console(request):
    """Expose the current team, the user's teams and the environment badges to templates."""
    user = getattr(request, "user", None)
    membership = getattr(request, "membership", None)
    return {
        "current_team": membership.team if membership else None,
        "current_membership": membership if membership else None,
        "user_teams": team_list_for_user(user=user) if user is not None else [],
        "storage_backend": settings.STORAGE_BACKEND,
    }
