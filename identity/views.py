"""Pages listing normalized businesses and personas."""

from django.core.paginator import Paginator
from django.http import Http404
from django.views.generic import TemplateView

from usdatabiz.core.mixins import TeamMemberRequiredMixin

from . import selectors
from .models import Business, Persona


class BusinessListView(TeamMemberRequiredMixin, TemplateView):
    template_name = "identity/business_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        q, state = self.request.GET.get("q", "").strip(), self.request.GET.get("state", "").strip()
        qs = selectors.business_list(team=self.team, q=q or None, state=state or None)
        context.update(q=q, state=state, page_obj=Paginator(qs, 50).get_page(self.request.GET.get("page")))
        return context


class BusinessDetailView(TeamMemberRequiredMixin, TemplateView):
    template_name = "identity/business_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            context["business"] = selectors.business_get(team=self.team, pk=self.kwargs["pk"])
        except Business.DoesNotExist as exc:
            raise Http404("No such business.") from exc
        return context


class PersonaListView(TeamMemberRequiredMixin, TemplateView):
    template_name = "identity/persona_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        q, state = self.request.GET.get("q", "").strip(), self.request.GET.get("state", "").strip()
        qs = selectors.persona_list(team=self.team, q=q or None, state=state or None)
        context.update(q=q, state=state, page_obj=Paginator(qs, 50).get_page(self.request.GET.get("page")))
        return context


class PersonaDetailView(TeamMemberRequiredMixin, TemplateView):
    template_name = "identity/persona_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            context["persona"] = selectors.persona_get(team=self.team, pk=self.kwargs["pk"])
        except Persona.DoesNotExist as exc:
            raise Http404("No such persona.") from exc
        return context
