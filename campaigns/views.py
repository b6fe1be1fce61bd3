"""Operator pages of stage 6: templates, campaigns, LUCI's staging and the approval gate."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import TemplateView

from usdatabiz.core.errors import DomainError
from usdatabiz.core.mixins import TeamMemberRequiredMixin

from . import rendering, selectors, services
from .forms import CampaignForm, MessageTemplateForm, NoteForm
from .models import Campaign, MessageTemplate

PREVIEW = 5


def _form_errors(form, exc: ValidationError) -> None:
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


class CampaignListView(TeamMemberRequiredMixin, TemplateView):
    template_name = "campaigns/campaign_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status") or None
        context["page_obj"] = Paginator(selectors.campaign_list(team=self.team, status=status), 50).get_page(
            self.request.GET.get("page")
        )
        context["statuses"] = Campaign.Status.choices
        context["status"] = status
        return context


class CampaignCreateView(TeamMemberRequiredMixin, TemplateView):
    template_name = "campaigns/campaign_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", CampaignForm(team=self.team))
        return context

    def post(self, request, *args, **kwargs):
        form = CampaignForm(request.POST, team=self.team)
        if form.is_valid():
            try:
                campaign = services.campaign_create(team=self.team, user=request.user, **form.service_values())
            except ValidationError as exc:
                _form_errors(form, exc)
            except DomainError as exc:
                _domain_error(form, exc)
            else:
                messages.success(request, "Campaign created as a draft. Stage it when ready: LUCI forms its block.")
                return redirect(campaign)
        return self.render_to_response(self.get_context_data(form=form), status=400)


# A service's error code -> the form field it concerns (the others are shown above the form).
_ERROR_FIELDS = {
    "INVALID_BLOCK_SIZE": "block_size",
    "INVALID_SCHEDULE": "scheduled_date",
    "INVALID_VARIANTS": "variant_b",
    "INVALID_STEPS": "step_1_template",
    "TEMPLATE_MISSING": "template",
    "SENDER_NUMBER_INVALID": "sender_number",
}


def _domain_error(form, exc: DomainError) -> None:
    field = exc.extra.get("field") or _ERROR_FIELDS.get(exc.code)
    form.add_error(field if field in form.fields else None, f"{exc.code}: {exc.message}")


class CampaignEditView(TeamMemberRequiredMixin, TemplateView):
    """Change a campaign until it is approved (a staged one returns to draft when its block or texts change)."""

    template_name = "campaigns/campaign_form.html"

    def _campaign(self) -> Campaign:
        return get_object_or_404(selectors.campaign_list(team=self.team), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        campaign = kwargs.get("campaign") or self._campaign()
        context["campaign"] = campaign
        context.setdefault("form", CampaignForm(initial=CampaignForm.initial_for(campaign), team=self.team))
        return context

    def get(self, request, *args, **kwargs):
        campaign = self._campaign()
        if not campaign.is_editable:
            messages.error(request, f"NOT_EDITABLE: the campaign is {campaign.status}; it is editable until approved.")
            return redirect(campaign)
        return self.render_to_response(self.get_context_data(campaign=campaign))

    def post(self, request, *args, **kwargs):
        campaign = self._campaign()
        form = CampaignForm(request.POST, team=self.team)
        if form.is_valid():
            was = campaign.status
            try:
                services.campaign_update(campaign=campaign, user=request.user, **form.service_values())
            except ValidationError as exc:
                _form_errors(form, exc)
            except DomainError as exc:
                _domain_error(form, exc)
            else:
                back = was == Campaign.Status.STAGED and campaign.status == Campaign.Status.DRAFT
                again = " It is a draft again: stage it to form a new block." if back else ""
                messages.success(request, "Saved." + again)
                return redirect(campaign)
        return self.render_to_response(self.get_context_data(campaign=campaign, form=form), status=400)


class CampaignDetailView(TeamMemberRequiredMixin, TemplateView):
    template_name = "campaigns/campaign_detail.html"

    def get_template_names(self):
        if self.request.htmx:
            return ["campaigns/_campaign_status.html"]  # the live status card while it sends
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            campaign = selectors.campaign_get(team=self.team, pk=self.kwargs["pk"])
        except Campaign.DoesNotExist as exc:
            raise Http404("No such campaign.") from exc
        leads = selectors.campaign_leads(campaign=campaign, status=self.request.GET.get("status") or None)
        page = Paginator(leads, 50).get_page(self.request.GET.get("page"))
        preview = []
        if campaign.template_id:
            first = selectors.campaign_leads(campaign=campaign)[:PREVIEW]
            preview = [(cl, rendering.render_for(cl, cl.template or campaign.template)) for cl in first]
        step_counts = selectors.campaign_step_counts(campaign=campaign)
        steps = [(step, step_counts.get(step.number, {})) for step in selectors.campaign_steps(campaign=campaign)]
        context.update(
            campaign=campaign,
            page_obj=page,
            variants=campaign.variant_templates(),
            steps=steps,
            counts=selectors.campaign_lead_counts(campaign=campaign),
            next_send_at=selectors.campaign_next_send_at(campaign=campaign),
            events=campaign.events.select_related("actor"),
            preview=preview,
            note_form=NoteForm(),
        )
        return context


class CampaignStageView(TeamMemberRequiredMixin, View):
    """Ask LUCI to form the block and stage the campaign for a person's approval."""

    def post(self, request, *args, **kwargs):
        try:
            campaign = selectors.campaign_get(team=self.team, pk=self.kwargs["pk"])
        except Campaign.DoesNotExist as exc:
            raise Http404("No such campaign.") from exc
        try:
            campaign = services.campaign_stage(campaign=campaign, actor=request.user)
        except DomainError as exc:
            messages.error(request, f"{exc.code}: {exc.message}")
        else:
            if campaign.status == Campaign.Status.STAGED:
                messages.success(request, f"Staged with {campaign.lead_block.lead_count} leads; it awaits approval.")
            else:
                messages.error(request, f"{campaign.error_code}: {campaign.error_message}")
        return redirect("campaigns:campaign-detail", self.kwargs["pk"])


class CampaignActionView(TeamMemberRequiredMixin, View):
    """Pause or resume, by the logged-in person. Approve, send back and cancel ask first (``messaging`` pages)."""

    action = ""
    services_by_action = {"pause": services.campaign_pause, "resume": services.campaign_resume}
    done = {"pause": "Paused.", "resume": "Sending again."}

    def post(self, request, *args, **kwargs):
        try:
            campaign = selectors.campaign_get(team=self.team, pk=self.kwargs["pk"])
        except Campaign.DoesNotExist as exc:
            raise Http404("No such campaign.") from exc
        form = NoteForm(request.POST)
        note = form.cleaned_data["note"] if form.is_valid() else ""
        try:
            self.services_by_action[self.action](campaign=campaign, user=request.user, note=note)
        except DomainError as exc:
            messages.error(request, f"{exc.code}: {exc.message}")
        else:
            messages.success(request, self.done[self.action])
        return redirect("campaigns:campaign-detail", campaign.pk)


class MessageTemplateListView(TeamMemberRequiredMixin, TemplateView):
    template_name = "campaigns/messagetemplate_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["templates"] = selectors.template_list(team=self.team)
        context.setdefault("form", MessageTemplateForm())
        return context

    def post(self, request, *args, **kwargs):
        form = MessageTemplateForm(request.POST)
        if form.is_valid():
            try:
                services.template_create(
                    team=self.team,
                    name=form.cleaned_data["name"],
                    body=form.cleaned_data["body"],
                    worker=form.cleaned_data["worker"],
                    user=request.user,
                )
            except ValidationError as exc:
                _form_errors(form, exc)
            else:
                messages.success(request, "Template saved.")
                return redirect("campaigns:template-list")
        return self.render_to_response(self.get_context_data(form=form), status=400)


class MessageTemplateEditView(TeamMemberRequiredMixin, TemplateView):
    template_name = "campaigns/messagetemplate_form.html"

    def _template(self) -> MessageTemplate:
        try:
            return MessageTemplate.objects.for_team(self.team).get(pk=self.kwargs["pk"])
        except MessageTemplate.DoesNotExist as exc:
            raise Http404("No such template.") from exc

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        template = self._template()
        context["template_obj"] = template
        context.setdefault("form", MessageTemplateForm(instance=template))
        return context

    def post(self, request, *args, **kwargs):
        template = self._template()
        form = MessageTemplateForm(request.POST, instance=MessageTemplate.objects.get(pk=template.pk))
        if form.is_valid():
            try:
                services.template_update(template=template, **form.cleaned_data)
            except ValidationError as exc:
                _form_errors(form, exc)
            else:
                messages.success(request, "Template saved.")
                return redirect("campaigns:template-list")
        return self.render_to_response(self.get_context_data(form=form), status=400)
