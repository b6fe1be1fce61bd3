"""Console pages of the core app: login, team switch and the journey dashboard."""

from datetime import timedelta

from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.generic import TemplateView

from . import charts, selectors, tenancy
from .forms import AlertSettingsForm, DateRangeForm, LedgerFilterForm
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
        form = DateRangeForm(self.request.GET or None)
        since, until = form.days()
        funnel = selectors.journey_funnel(team=self.team, since=since, until=until)
        delays = selectors.sla_delays(team=self.team, since=since, until=until)
        context.update(
            overview=selectors.journey_overview(team=self.team),
            week_start=timezone.localdate() - timedelta(days=7),
            recent_runs=selectors.stage_run_list(team=self.team)[:15],
            open_alerts=selectors.alert_list(team=self.team, status="open").count(),
            recent_failures=selectors.stage_failure_list(team=self.team).order_by("-created_at")[:15],
            range_form=form,
            since=since,
            until=until,
            funnel=funnel,
            funnel_chart=funnel_chart(funnel, since, until),
            delays=delays,
            delay_rows=delay_rows(delays),
            delay_chart=delay_chart(delays),
        )
        return context


def funnel_chart(funnel: list[dict], since, until) -> charts.BarChart:
    """The journey as a funnel: records into each stage over the range."""
    rows = [
        (f"{row['stage'].number}. {row['stage'].name}", row["records_in"],
         f"Stage {row['stage'].number} {row['stage'].name}: {row['records_in']:,} records in, "
         f"{row['records_out']:,} out, {row['runs']:,} runs")
        for row in funnel
    ]  # fmt: skip
    return charts.bar_chart(rows, caption=f"Records into each stage, {since:%Y-%m-%d} to {until:%Y-%m-%d}")


def delay_rows(delays: dict) -> list[dict]:
    """The SLA grid as table rows: one per stage and day that had runs."""
    rows = []
    for stage in delays["stages"]:
        for day in delays["days"]:
            cell = delays["cells"].get((stage.number, day))
            if cell:
                rows.append({"stage": stage, "day": day, **cell, "worst_percent": round(cell["worst"] * 100)})
    return rows


def delay_chart(delays: dict) -> charts.GridChart:
    """SLA delays per stage and day: the slowest run as a share of its SLA (red past it)."""
    cells = {}
    for r, stage in enumerate(delays["stages"]):
        for c, day in enumerate(delays["days"]):
            cell = delays["cells"].get((stage.number, day))
            if cell:
                title = (f"Stage {stage.number} on {day:%Y-%m-%d}: {cell['runs']} runs, {cell['over']} over SLA, "
                         f"slowest {cell['slowest']:.1f} s ({round(cell['worst'] * 100)}% of its SLA)")  # fmt: skip
                cells[(r, c)] = (cell["worst"], f"{round(cell['worst'] * 100)}%", title)
    return charts.grid_chart(
        [f"{s.number}. {s.name}" for s in delays["stages"]], [f"{d:%b %-d}" for d in delays["days"]], cells,
        caption="Slowest run per stage and day, as a share of its SLA",
    )  # fmt: skip


def _ledger_filters(query) -> tuple[LedgerFilterForm, dict, object, object]:
    """Return the filter form, its valid values, and the moments bounding the days asked (None: any time)."""
    form = LedgerFilterForm(query or None)
    data = form.cleaned_data if form.is_valid() else {}
    since, until = form.days()
    start, end = selectors.day_range(since, until) if data.get("since") or data.get("until") else (None, None)
    return form, data, start, end


class StageRunListView(TeamMemberRequiredMixin, TemplateView):
    """The stage runs behind a dashboard row: filtered by stage, status, SLA and days."""

    template_name = "core/stagerun_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, data, start, end = _ledger_filters(self.request.GET)
        runs = selectors.stage_run_list(
            team=self.team, stage=data.get("stage"), status=data.get("status") or None, since=start, until=end
        )
        if data.get("sla") == "over":
            runs = [run for run in runs[:5000] if selectors.run_sla_state(run) != "ok"]
        context.update(form=form, page_obj=Paginator(runs, 50).get_page(self.request.GET.get("page")))
        return context


class StageFailureListView(TeamMemberRequiredMixin, TemplateView):
    """The failures behind a dashboard count: filtered by stage, code and days."""

    template_name = "core/stagefailure_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, data, start, end = _ledger_filters(self.request.GET)
        failures = selectors.stage_failure_list(
            team=self.team, stage=data.get("stage"), code=data.get("code") or None, since=start, until=end
        ).order_by("-created_at", "-id")
        context.update(form=form, page_obj=Paginator(failures, 50).get_page(self.request.GET.get("page")))
        return context


class AlertListView(TeamMemberRequiredMixin, TemplateView):
    """The team's alerts: SLA breaches and work given up, open first; where they were sent."""

    template_name = "core/alert_list.html"

    def get_context_data(self, **kwargs):
        from .alerts import alert_settings_get

        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status") or ""
        alerts = selectors.alert_list(team=self.team, status=status if status in ("open", "resolved") else None)
        context.update(
            status=status,
            page_obj=Paginator(alerts, 50).get_page(self.request.GET.get("page")),
            settings_row=alert_settings_get(team=self.team),
            settings_form=AlertSettingsForm(instance=alert_settings_get(team=self.team)),
            is_admin=self.request.membership.is_admin,
        )
        return context


class AlertResolveView(TeamMemberRequiredMixin, View):
    """An operator or admin resolves an open alert by hand (another team's alert is a 404)."""

    def post(self, request, pk):
        from django.contrib import messages
        from django.shortcuts import get_object_or_404

        from .alerts import AlertError, alert_resolve

        alert = get_object_or_404(selectors.alert_list(team=self.team), pk=pk)
        try:
            alert_resolve(alert=alert, user=request.user)
        except AlertError as exc:
            messages.error(request, f"{exc.code}: {exc.message}")
        return redirect("core:alert-list")


class AlertSettingsView(TeamMemberRequiredMixin, View):
    """A team admin sets where alerts go: admins' email, a signed webhook (URL and signing secret)."""

    write_roles = ("admin",)

    def post(self, request):
        from django.contrib import messages

        from .alerts import alert_settings_get, alert_settings_update

        form = AlertSettingsForm(request.POST, instance=alert_settings_get(team=self.team))
        if form.is_valid():
            alert_settings_update(
                team=self.team,
                email_admins=form.cleaned_data["email_admins"],
                webhook_url=form.cleaned_data["webhook_url"],
                webhook_secret=form.cleaned_data["webhook_secret"],
                user=request.user,
            )
            messages.success(request, "Alert settings saved.")
        else:
            messages.error(request, "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items()))
        return redirect("core:alert-list")


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


# Error pages (handler400/403/404/500 in usdatabiz/urls.py): the console's layout, and what to do next.
ERRORS = {
    400: ("Bad request", "The console could not understand this request. Go back, check what you entered, and try "
          "again; if you followed a link, start again from the journey page."),
    403: ("Not allowed", "Your account cannot open this page. Ask an admin of your team for the role it needs, "
          "or switch to a team where you have it."),
    404: ("Page not found", "There is nothing at this address, or it belongs to another team. Check the address, "
          "or switch teams from the menu if the record is in another of your teams."),
    500: ("Something went wrong", "The console hit an error and the request was not completed; it has been logged. "
          "Try again in a minute; if it keeps happening, tell your administrator the time and the page."),
}  # fmt: skip


def _error_page(request, status, *, template="core/error.html", **extra):
    from django.http import JsonResponse
    from django.shortcuts import render
    from django.template.loader import render_to_string

    title, advice = ERRORS[status]
    if request.path.startswith("/api/"):  # integrations get the API's error body (core/openapi.py), not a page
        return JsonResponse({"detail": f"{title}. {extra.get('advice') or advice}"}, status=status)
    context = {"status": status, "title": title, "advice": advice, **extra}
    try:
        return render(request, template, context, status=status)
    except Exception:  # the layout needs the database (teams menu); never fail the error page itself
        from django.http import HttpResponse

        return HttpResponse(render_to_string("core/error_plain.html", context), status=status)


def bad_request(request, exception, unknown_host=False):
    if unknown_host:
        return _error_page(
            request, 400, advice="This console does not answer for this host name. Use the address your "
            "administrator gave you; administrators add host names to ALLOWED_HOSTS.",
        )  # fmt: skip
    return _error_page(request, 400)


def permission_denied(request, exception):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and not getattr(request, "membership", None):
        return _error_page(request, 403, template="core/no_team.html", title="You are not in a team yet")
    return _error_page(request, 403)


def page_not_found(request, exception):
    return _error_page(request, 404)


def server_error(request):
    return _error_page(request, 500)


def locked_out(request, original_response=None, credentials=None):
    """The login lockout page (django-axes' ``AXES_LOCKOUT_CALLABLE``): 429, and when to try again."""
    from axes.helpers import get_client_username, get_cool_off, get_failure_limit
    from django.shortcuts import render

    cool_off = get_cool_off(request) or timedelta(minutes=15)
    minutes = max(1, round(cool_off.total_seconds() / 60))
    context = {
        "username": get_client_username(request, credentials) or "",
        "failure_limit": get_failure_limit(request, credentials),
        "minutes": minutes,
        "try_again_at": timezone.localtime(timezone.now() + cool_off),
    }
    response = render(request, "core/locked_out.html", context, status=429)
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
