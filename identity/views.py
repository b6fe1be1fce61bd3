"""Pages of normalized records and of stage 3: personas with merge history, review queue, merges."""

from itertools import zip_longest

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from usdatabiz.core.errors import DomainError
from usdatabiz.core.mixins import TeamMemberRequiredMixin

from . import resolution, selectors, services
from .forms import PersonaMergeForm, ResolutionSettingsForm, UnmergeForm
from .models import Business, MatchReview, Persona, PersonaMergeHistory


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
        include_merged = self.request.GET.get("merged") == "1"
        qs = selectors.persona_list(team=self.team, q=q or None, state=state or None, include_merged=include_merged)
        context.update(
            q=q,
            state=state,
            include_merged=include_merged,
            page_obj=Paginator(qs, 50).get_page(self.request.GET.get("page")),
        )
        return context


class PersonaObjectMixin(TeamMemberRequiredMixin):
    def get_persona(self) -> Persona:
        try:
            return selectors.persona_get(team=self.team, pk=self.kwargs["pk"])
        except Persona.DoesNotExist as exc:
            raise Http404("No such persona.") from exc


class PersonaDetailView(PersonaObjectMixin, TemplateView):
    template_name = "identity/persona_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        persona = self.get_persona()
        history = list(selectors.persona_history(persona=persona))
        for row in history:
            row.explanation = resolution.explain(row.reasons)
        context.update(
            persona=persona,
            history=history,
            merge_form=kwargs.get("merge_form") or PersonaMergeForm(),
            unmerge_form=UnmergeForm(),
        )
        return context


class PersonaMergeView(PersonaObjectMixin, View):
    def post(self, request, *args, **kwargs):
        persona = self.get_persona()
        form = PersonaMergeForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Give the id of the persona to merge with.")
            return redirect("identity:persona-detail", persona.pk)
        try:
            other = selectors.persona_get(team=self.team, pk=form.cleaned_data["other"].strip())
        except Persona.DoesNotExist:
            messages.error(request, f"No persona {form.cleaned_data['other']} in this team.")
            return redirect("identity:persona-detail", persona.pk)
        try:
            history = services.persona_merge(
                persona_a=persona, persona_b=other, user=request.user, note=form.cleaned_data["note"]
            )
        except DomainError as exc:
            messages.error(request, f"{exc.code}: {exc.message}")
            return redirect("identity:persona-detail", persona.pk)
        messages.success(request, f"Merged {history.merged_id} into {history.survivor_id}.")
        return redirect("identity:persona-detail", history.survivor_id)


class MergeHistoryUnmergeView(TeamMemberRequiredMixin, View):
    def post(self, request, *args, **kwargs):
        try:
            history = selectors.merge_history_get(team=self.team, pk=self.kwargs["pk"])
        except PersonaMergeHistory.DoesNotExist as exc:
            raise Http404("No such merge.") from exc
        form = UnmergeForm(request.POST)
        note = form.cleaned_data["note"] if form.is_valid() else ""
        try:
            services.persona_unmerge(history=history, user=request.user, note=note)
        except DomainError as exc:
            messages.error(request, f"{exc.code}: {exc.message}")
            return redirect("identity:persona-detail", history.survivor_id)
        messages.success(
            request,
            f"Unmerged {history.merged_id}: its records are back and the pair is remembered as two different people.",
        )
        return redirect("identity:persona-detail", history.merged_id)


class MatchReviewListView(TeamMemberRequiredMixin, TemplateView):
    template_name = "identity/match_review_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", "pending")
        if status not in MatchReview.Status.values:
            status = "pending"
        reviews = selectors.match_review_list(team=self.team, status=status)
        page = Paginator(reviews, 20).get_page(self.request.GET.get("page"))
        for review in page:
            review.explanation = resolution.explain(review.reasons)
            review.businesses = list(
                zip_longest(review.persona_a.business_links.all(), review.persona_b.business_links.all())
            )
        context.update(
            status=status,
            statuses=MatchReview.Status.choices,
            page_obj=page,
            settings_form=kwargs.get("settings_form")
            or ResolutionSettingsForm(instance=services.resolution_settings_get(team=self.team)),
            last_run=selectors.resolution_last_run(team=self.team),
        )
        return context


class MatchReviewDecideView(TeamMemberRequiredMixin, View):
    def post(self, request, *args, **kwargs):
        try:
            review = selectors.match_review_get(team=self.team, pk=self.kwargs["pk"])
        except MatchReview.DoesNotExist as exc:
            raise Http404("No such review.") from exc
        decision = request.POST.get("decision")
        if decision not in ("confirm", "reject"):
            messages.error(request, "Choose confirm or reject.")
        else:
            try:
                services.match_review_decide(review=review, confirm=decision == "confirm", user=request.user)
                messages.success(request, "Merged." if decision == "confirm" else "Kept apart; not proposed again.")
            except DomainError as exc:
                messages.error(request, f"{exc.code}: {exc.message}")
        return redirect(reverse("identity:review-list"))


class ResolveRunView(TeamMemberRequiredMixin, View):
    write_roles = ("admin",)

    def post(self, request, *args, **kwargs):
        run = services.identity_resolve(team=self.team)
        messages.success(request, f"Resolution run {run.pk}: {run.count_in} new personas, {run.count_out} merges.")
        return redirect("identity:review-list")


class ResolutionSettingsView(TeamMemberRequiredMixin, View):
    write_roles = ("admin",)

    def post(self, request, *args, **kwargs):
        form = ResolutionSettingsForm(request.POST, instance=services.resolution_settings_get(team=self.team))
        if form.is_valid():
            services.resolution_settings_update(
                team=self.team,
                auto_merge_threshold=form.cleaned_data["auto_merge_threshold"],
                review_threshold=form.cleaned_data["review_threshold"],
            )
            messages.success(request, "Thresholds saved.")
        else:
            messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("identity:review-list")


class MergeListView(TeamMemberRequiredMixin, TemplateView):
    """The automatic merges of the team's resolution runs (one run with ``?run=``), each explained and undoable."""

    template_name = "identity/merge_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        run_id = self.request.GET.get("run") or None
        page = Paginator(selectors.automatic_merges(team=self.team, run_id=run_id), 25).get_page(
            self.request.GET.get("page")
        )
        for row in page:
            row.explanation = resolution.explain(row.reasons)
        context.update(page_obj=page, run_id=run_id, runs=selectors.resolution_runs(team=self.team)[:20])
        return context
