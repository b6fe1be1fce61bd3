"""Operator pages of stage 4: lead list with filters, lead detail with the score breakdown, rescore."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.views import View
from django.views.generic import TemplateView

from usdatabiz.core.mixins import TeamMemberRequiredMixin

from . import selectors, services
from .forms import LeadFilterForm
from .models import Lead


class LeadListView(TeamMemberRequiredMixin, TemplateView):
    template_name = "leads/lead_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = LeadFilterForm(self.request.GET or None)
        filters = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")} if form.is_valid() else {}
        qs = selectors.lead_list(team=self.team, **filters)
        context.update(form=form, page_obj=Paginator(qs, 50).get_page(self.request.GET.get("page")))
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
