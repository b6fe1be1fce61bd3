"""Which team a request acts for; the single place that decides it for pages and the API."""

from .models import Membership, Team

SESSION_KEY = "current_team_id"
HEADER = "HTTP_X_TEAM"


def resolve_membership(request) -> Membership | None:
    """Return the membership the request acts under: chosen team (session or X-Team header), else the first."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    memberships = Membership.objects.filter(user=user).select_related("team").order_by("team__name")
    wanted = request.META.get(HEADER) or (request.session.get(SESSION_KEY) if hasattr(request, "session") else None)
    if wanted:
        chosen = memberships.filter(team__slug=wanted).first() or memberships.filter(team_id=wanted).first()
        if chosen:
            return chosen
        if request.META.get(HEADER):
            return None  # an explicit team the user is not in: act for no team rather than guess
    return memberships.first()


def attach(request) -> None:
    """Set ``request.membership`` and ``request.team`` (None when the user has no team)."""
    membership = resolve_membership(request)
    request.membership = membership
    request.team = membership.team if membership else None


def choose(request, team: Team) -> None:
    """Remember ``team`` as the session's current team."""
    request.session[SESSION_KEY] = team.pk
