"""Console pages of the core app: login, team switch and the journey dashboard."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.generic import TemplateView

from . import selectors, tenancy
from .journey import STAGES
from .mixins import TeamMemberRequiredMixin
from .models import Team


class LoginView(auth_views.LoginView):
    template_name = "core/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


class DashboardView(TeamMemberRequiredMixin, TemplateView):
    template_name = "core/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["overview"] = selectors.journey_overview(team=self.team)
        context["recent_runs"] = selectors.stage_run_list(team=self.team)[:15]
        context["recent_failures"] = selectors.stage_failure_list(team=self.team).order_by("-created_at")[:15]
        return context


class TeamSwitchView(LoginRequiredMixin, View):
    def post(self, request, *args, **kwargs):
        team = Team.objects.filter(slug=request.POST.get("team"), memberships__user=request.user).first()
        if team is None:
            raise Http404("No such team.")
        tenancy.choose(request, team)
        next_url = request.POST.get("next", "")
        # Only follow ``next`` within this site: the switch form must not become an open redirect.
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = "core:dashboard"
        return redirect(next_url)


class StageListView(TeamMemberRequiredMixin, TemplateView):
    template_name = "core/stage_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["stages"] = STAGES
        return context
