"""Times in the person's own time zone: their setting, else their team's, else America/New_York."""

import zoneinfo

from django.utils import timezone

SESSION_KEY = "console_tz"
DEFAULT_ZONE = "America/New_York"


def user_time_zone(*, user, team_id) -> str:
    """The zone a person sees times in (their setting, else their team's)."""
    from .models import InboxSettings, OperatorSettings

    own = OperatorSettings.objects.filter(user=user).values_list("time_zone", flat=True).first()
    if own:
        return own
    team_zone = InboxSettings.objects.filter(team_id=team_id).values_list("time_zone", flat=True).first()
    return team_zone or DEFAULT_ZONE


def remember_time_zone(request, zone: str) -> None:
    team = getattr(request, "team", None)
    request.session[SESSION_KEY] = [getattr(team, "pk", None), zone]


class UserTimeZoneMiddleware:
    """Activate the signed-in person's time zone for the request (remembered in the session per team)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            team_id = getattr(getattr(request, "team", None), "pk", None)
            cached = request.session.get(SESSION_KEY)
            if not cached or cached[0] != team_id:
                cached = [team_id, user_time_zone(user=user, team_id=team_id)]
                request.session[SESSION_KEY] = cached
            try:
                timezone.activate(zoneinfo.ZoneInfo(cached[1]))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.activate(zoneinfo.ZoneInfo(DEFAULT_ZONE))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
