"""View mixins: the one place pages decide who may see and change a team's records."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied


class TeamMemberRequiredMixin(LoginRequiredMixin):
    """Logged-in member of the current team; ``write_roles`` guard POSTs; querysets are scoped."""

    write_roles = ("admin", "operator")
    read_roles = ("admin", "operator", "viewer")
    model = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        membership = request.membership
        if not membership:
            raise PermissionDenied("You are not a member of any team.")
        roles = self.read_roles if request.method in ("GET", "HEAD", "OPTIONS") else self.write_roles
        if membership.role not in roles:
            raise PermissionDenied(f"Your role '{membership.role}' cannot do this.")
        return super().dispatch(request, *args, **kwargs)

    @property
    def team(self):
        return self.request.team

    def get_queryset(self):
        # Another team's object is a 404: the queryset never contains it.
        return self.model.objects.for_team(self.request.team)
