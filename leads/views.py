"""Operator pages of stage 4: lead list with filters, lead detail with the score breakdown, rescore."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Sum
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.views import View
from django.views.generic import TemplateView

from usdatabiz.core.errors import DomainError
from usdatabiz.core.exports import csv_response
from usdatabiz.core.mixins import TeamMemberRequiredMixin

from . import selectors, services
from .forms import LeadFilterForm, LeadSettingsForm, TagRuleForm, TagRuleFormSet
from .models import Lead, SkipTraceJob


class LeadListView(TeamMemberRequiredMixin, TemplateView):
    template_name = "leads/lead_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = LeadFilterForm(self.request.GET or None)
        filters = form.filters() if form.is_bound else {}  # a bad filter is named on the page; the good ones apply
        qs = selectors.lead_list(team=self.team, **filters)
        from django.conf import settings

        context.update(
            form=form,
            page_obj=Paginator(qs, 50).get_page(self.request.GET.get("page")),
            skiptrace_provider=settings.SKIPTRACE_PROVIDER or "sandbox",
        )
        return context


class LeadDetailView(TeamMemberRequiredMixin, TemplateView):
    template_name = "leads/lead_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            context["lead"] = selectors.lead_get(team=self.team, pk=self.kwargs["pk"])
        except Lead.DoesNotExist as exc:
            raise Http404("No such lead.") from exc
        return context


class LeadRescoreView(TeamMemberRequiredMixin, View):
    def post(self, request, *args, **kwargs):
        try:
            lead = selectors.lead_get(team=self.team, pk=self.kwargs["pk"])
        except Lead.DoesNotExist as exc:
            raise Http404("No such lead.") from exc
        services.leads_rescore(team=self.team, leads=Lead.objects.filter(pk=lead.pk))
        messages.success(request, "Lead scored again.")
        return redirect(lead.get_absolute_url())


class LeadEnrichView(TeamMemberRequiredMixin, View):
    """Start skip-trace jobs for the selected leads, or for every lead the current filters show."""

    def post(self, request, *args, **kwargs):
        from .enrichment import skiptrace_jobs_create

        selected = request.POST.getlist("lead")
        if request.POST.get("scope") == "selected" and not selected:
            messages.error(request, "NOTHING_SELECTED: tick at least one lead, or skip-trace the leads shown.")
            return redirect("leads:lead-list")
        if selected:
            leads = Lead.objects.for_team(self.team).filter(pk__in=selected)
        else:
            form = LeadFilterForm(request.POST)
            if not form.is_valid():
                problems = "; ".join(f"{name}: {errors[0]}" for name, errors in form.errors.items())
                messages.error(request, f"INVALID_FILTER: {problems}. Nothing was started.")
                return redirect("leads:lead-list")
            leads = selectors.lead_list(team=self.team, **form.filters())
        try:
            jobs = skiptrace_jobs_create(team=self.team, leads=leads)
        except DomainError as exc:
            messages.error(request, f"{exc.code}: {exc.message}")
            return redirect("leads:lead-list")
        messages.success(request, f"Started {len(jobs)} skip-trace job(s) for {sum(j.total for j in jobs)} leads.")
        return redirect("leads:job-detail", jobs[0].pk)


class SkipTraceJobDetailView(TeamMemberRequiredMixin, TemplateView):
    template_name = "leads/skiptrace_job_detail.html"

    def get_template_names(self):
        if self.request.htmx:
            return ["leads/_skiptrace_job_progress.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            context["job"] = SkipTraceJob.objects.for_team(self.team).get(pk=self.kwargs["pk"])
        except SkipTraceJob.DoesNotExist as exc:
            raise Http404("No such job.") from exc
        context["results"] = context["job"].results.select_related("persona")[:300]
        return context


class SkipTraceJobResumeView(TeamMemberRequiredMixin, View):
    """Let a paused job go on now (after the provider's allowance was raised) instead of at 00:00 UTC."""

    def post(self, request, *args, **kwargs):
        from .enrichment import skiptrace_job_resume

        try:
            job = SkipTraceJob.objects.for_team(self.team).get(pk=self.kwargs["pk"])
        except SkipTraceJob.DoesNotExist as exc:
            raise Http404("No such job.") from exc
        try:
            skiptrace_job_resume(job=job)
        except DomainError as exc:
            messages.error(request, f"{exc.code}: {exc.message}")
        else:
            messages.success(request, "The job goes on.")
        return redirect("leads:job-detail", job.pk)


class LeadSettingsEditView(TeamMemberRequiredMixin, TemplateView):
    """Team admins tune LUCY: a weight per factor, tag rules row by row, the daily skip-trace cap; saving rescores."""

    template_name = "leads/leadsettings_edit.html"
    write_roles = ("admin",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        current = services.lead_settings_get(team=self.team)
        context.setdefault("form", LeadSettingsForm(instance=current))
        rules = current.tag_rules if isinstance(current.tag_rules, list) else []
        initial = [TagRuleForm.initial_from(rule) for rule in rules if isinstance(rule, dict)]
        context.setdefault("rules", TagRuleFormSet(prefix="rules", initial=initial))
        from . import scoring

        context["factors"] = scoring.FACTORS
        context["default_weights"] = scoring.DEFAULT_WEIGHTS
        return context

    def post(self, request, *args, **kwargs):
        current = services.lead_settings_get(team=self.team)
        form = LeadSettingsForm(request.POST, instance=current)
        rules = TagRuleFormSet(request.POST, prefix="rules")
        if form.is_valid() and rules.is_valid():
            try:
                services.lead_settings_update(
                    team=self.team,
                    weights=form.weights(),
                    tag_rules=[rule for rule in (f.rule() for f in rules.forms) if rule],
                    daily_trace_cap=form.cleaned_data["daily_trace_cap"],
                )
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(None, f"{field}: {'; '.join(errors)}")
            else:
                messages.success(request, "Settings saved; every lead of the team is being scored again.")
                return redirect("leads:settings-edit")
        return self.render_to_response(self.get_context_data(form=form, rules=rules), status=400)


class LeadExportView(TeamMemberRequiredMixin, View):
    """Download the leads the list shows (same filters) as CSV; a bad filter is refused, not ignored."""

    def get(self, request, *args, **kwargs):
        form = LeadFilterForm(request.GET)
        if not form.is_valid():
            return HttpResponseBadRequest(
                "; ".join(f"{name}: {errors[0]}" for name, errors in form.errors.items()), content_type="text/plain"
            )
        leads = selectors.lead_list(team=self.team, **form.filters())
        return csv_response(
            header=selectors.LEAD_EXPORT_HEADER, rows=selectors.lead_export_rows(leads=leads), filename="leads.csv"
        )


class SkipTraceJobListView(TeamMemberRequiredMixin, TemplateView):
    """Every skip-trace job of the team with its progress, outcome counts and cost."""

    template_name = "leads/skiptrace_job_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status") or None
        if status not in SkipTraceJob.Status.values:
            status = None
        jobs = selectors.skiptrace_job_list(team=self.team, status=status)
        from django.conf import settings

        context.update(
            page_obj=Paginator(jobs, 50).get_page(self.request.GET.get("page")),
            statuses=SkipTraceJob.Status.choices,
            status=status,
            total_cost=jobs.aggregate(total=Sum("results__cost"))["total"] or 0,
            skiptrace_provider=settings.SKIPTRACE_PROVIDER or "sandbox",
        )
        return context
