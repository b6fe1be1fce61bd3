"""The operator console of stages 8-12: the inbox, one conversation, the call queue, the sandbox reply."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from campaigns.models import Campaign
from messaging.services import is_suppressed
from usdatabiz.core import charts
from usdatabiz.core.errors import DomainError
from usdatabiz.core.exports import csv_response
from usdatabiz.core.mixins import TeamMemberRequiredMixin

from . import metrics, selectors, services
from .forms import CloseForm, InboxFilterForm, MoveForm, ReasonForm, ReclassifyForm, ReplyForm, SimulateReplyForm
from .models import CallQueueEntry, InboxItem


class InboxListView(TeamMemberRequiredMixin, TemplateView):
    template_name = "inbox/inboxitem_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, filters = _inbox_filters(self.request.GET)
        context.update(
            form=form,
            filters=filters,
            counts=selectors.inbox_counts(team=self.team),
            page_obj=Paginator(selectors.inbox_item_list(team=self.team, **filters), 50).get_page(
                self.request.GET.get("page")
            ),
            sandbox=(settings.SMS_PROVIDER or "sandbox") == "sandbox",
            simulate_form=SimulateReplyForm(),
        )
        return context


class InboxItemDetailView(TeamMemberRequiredMixin, TemplateView):
    template_name = "inbox/inboxitem_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            item = selectors.inbox_item_get(team=self.team, pk=self.kwargs["pk"])
        except InboxItem.DoesNotExist as exc:
            raise Http404("No such conversation.") from exc
        suggestion_pending = item.suggestion_status == InboxItem.SuggestionStatus.PENDING
        context.update(
            item=item,
            conversation=selectors.conversation(item=item),
            reply_form=ReplyForm(initial={"text": item.suggested_text if suggestion_pending else ""}),
            suggestion_pending=suggestion_pending,
            reclassify_form=ReclassifyForm(initial={"classification": item.classification}),
            move_form=MoveForm(initial={"bucket": item.bucket}),
            close_form=kwargs.get("close_form") or CloseForm(),
            events=item.events.select_related("actor"),
        )
        return context


class _ItemAction(TeamMemberRequiredMixin, View):
    """POST-only: parse a form, call one service, come back to the conversation with its outcome."""

    form_class = None
    done = ""

    def _item(self) -> InboxItem:
        try:
            return selectors.inbox_item_get(team=self.team, pk=self.kwargs["pk"])
        except InboxItem.DoesNotExist as exc:
            raise Http404("No such conversation.") from exc

    def act(self, item, data):
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        item = self._item()
        form = self.form_class(request.POST)
        if not form.is_valid():
            problems = "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items())
            messages.error(request, f"INVALID_INPUT: {problems}")
            return redirect(item)
        try:
            outcome = self.act(item, form.cleaned_data)
        except DomainError as exc:
            messages.error(request, f"{exc.code}: {exc.message}")
        else:
            messages.success(request, outcome or self.done)
        return redirect(item)


class InboxItemReplyView(_ItemAction):
    form_class = ReplyForm

    def act(self, item, data):
        sent = services.inbox_item_reply(
            item=item, user=self.request.user, text=data["text"], from_suggestion=data["from_suggestion"]
        )
        if sent.status in ("sent", "delivered"):
            return "Reply sent."
        raise DomainError(sent.error_code or "NOT_SENT", sent.error_detail or f"The reply is {sent.status}.")


class InboxItemRejectSuggestionView(_ItemAction):
    form_class = ReasonForm
    done = "Draft rejected; nothing was sent."

    def act(self, item, data):
        services.inbox_item_suggestion_reject(item=item, user=self.request.user, reason=data["reason"])


class InboxItemReclassifyView(_ItemAction):
    form_class = ReclassifyForm
    done = "Classification corrected."

    def act(self, item, data):
        item = services.inbox_item_reclassify(item=item, classification=data["classification"], user=self.request.user)
        if item.classification == "opt_out" and is_suppressed(team=item.team_id, number=item.phone_number):
            return "Classification corrected: the number is on the suppression list and will not be texted again."
        return ""


class InboxItemMoveView(_ItemAction):
    form_class = MoveForm
    done = "Moved."

    def act(self, item, data):
        services.inbox_item_move(item=item, user=self.request.user, bucket=data["bucket"])


class InboxItemCloseView(_ItemAction):
    form_class = CloseForm
    done = "Closed."

    def act(self, item, data):
        services.inbox_item_close(
            item=item, user=self.request.user, disposition=data["disposition"], notes=data["notes"]
        )


class InboxItemReopenView(_ItemAction):
    form_class = ReasonForm
    done = "Reopened."

    def act(self, item, data):
        services.inbox_item_reopen(item=item, user=self.request.user, reason=data["reason"])


class CallQueueView(TeamMemberRequiredMixin, TemplateView):
    template_name = "inbox/callqueueentry_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_obj"] = Paginator(selectors.call_queue(team=self.team), 50).get_page(self.request.GET.get("page"))
        return context


class CallQueueTakeView(TeamMemberRequiredMixin, View):
    """Assign a waiting call to the logged-in operator."""

    def post(self, request, *args, **kwargs):
        try:
            entry = CallQueueEntry.objects.for_team(self.team).get(pk=self.kwargs["pk"])
        except CallQueueEntry.DoesNotExist as exc:
            raise Http404("No such call.") from exc
        services.call_queue_take(entry=entry, user=request.user)
        messages.success(request, f"{entry.phone_number} is yours to call.")
        return redirect("inbox:call-queue")


class CallQueueAttemptView(TeamMemberRequiredMixin, View):
    """Log a call that did not reach the person (no answer, voicemail, busy); it stays queued for a next try."""

    def post(self, request, *args, **kwargs):
        try:
            entry = CallQueueEntry.objects.for_team(self.team).get(pk=self.kwargs["pk"])
        except CallQueueEntry.DoesNotExist as exc:
            raise Http404("No such call.") from exc
        try:
            entry = services.call_queue_attempt(entry=entry, user=request.user, outcome=request.POST.get("outcome", ""))
        except DomainError as exc:
            messages.error(request, f"{exc.code}: {exc.message}")
        else:
            messages.success(request, f"Attempt {entry.attempts} logged for {entry.phone_number}.")
        return redirect("inbox:call-queue")


class SimulateReplyView(TeamMemberRequiredMixin, View):
    """Sandbox only: a person 'texts back' through the real webhook path (signed, verified, deduplicated)."""

    def post(self, request, *args, **kwargs):
        if (settings.SMS_PROVIDER or "sandbox") != "sandbox":
            raise Http404("Replies are simulated only with the sandbox provider.")
        form = SimulateReplyForm(request.POST)
        if not form.is_valid():
            messages.error(request, "INVALID_INPUT: give a number and a text.")
            return redirect("inbox:item-list")
        try:
            item = services.sandbox_reply(team=self.team, **form.cleaned_data)
        except DomainError as exc:
            messages.error(request, f"{exc.code}: {exc.message}")
            return redirect("inbox:item-list")
        messages.success(request, "Simulated reply received through the webhook.")
        return redirect(item.get_absolute_url() if item else reverse("inbox:item-list"))


def _inbox_filters(query) -> tuple[InboxFilterForm, dict]:
    data = query.copy()
    if not {"bucket", "status", "q"} & set(data):
        data["bucket"], data["status"] = "reply", "open"
    form = InboxFilterForm(data)
    return form, ({k: v for k, v in form.cleaned_data.items() if v} if form.is_valid() else {})


class InboxExportView(TeamMemberRequiredMixin, View):
    """Download the conversations the inbox shows (same filters) with every text of each, as CSV."""

    def get(self, request, *args, **kwargs):
        _, filters = _inbox_filters(request.GET)
        items = selectors.inbox_item_list(team=self.team, **filters)
        return csv_response(
            header=selectors.CONVERSATION_EXPORT_HEADER,
            rows=selectors.conversation_export_rows(items=items),
            filename="conversations.csv",
        )


class OutcomeListView(TeamMemberRequiredMixin, TemplateView):
    """What each campaign, template and operator came to: counts and rates, linked to each campaign's charts."""

    template_name = "inbox/outcome_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            campaigns=metrics.campaign_metrics_list(team=self.team),
            templates=metrics.template_metrics(team=self.team),
            operators=metrics.operator_metrics(team=self.team),
        )
        return context


def campaign_outcome_chart(series: dict, name: str) -> charts.LineChart:
    """The campaign's cumulative outcomes per day as a line chart."""
    labels = [f"{day:%b %-d}" for day in series["days"]]
    lines = [(key.replace("_", " "), values) for key, values in series["series"].items()]
    return charts.line_chart(lines, labels, caption=f"Outcome of {name} over time (cumulative per day)")


class CampaignOutcomeView(TeamMemberRequiredMixin, TemplateView):
    """One campaign's outcome: counts, rates, A/B variants and how it went day by day."""

    template_name = "inbox/campaign_outcomes.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        campaign = get_object_or_404(Campaign.objects.for_team(self.team), pk=self.kwargs["pk"])
        series = metrics.campaign_outcome_series(campaign=campaign)
        context.update(
            campaign=campaign,
            figures=metrics.campaign_metrics(campaign=campaign),
            series=series,
            series_rows=list(zip(series["days"], *series["series"].values(), strict=False)),
            series_names=[name.replace("_", " ") for name in series["series"]],
            chart=campaign_outcome_chart(series, campaign.name) if series["days"] else None,
        )
        return context


class CampaignResultsExportView(TeamMemberRequiredMixin, View):
    """Download a campaign's results as CSV: one row per person and step, with the text's fate and the reply."""

    def get(self, request, *args, **kwargs):
        campaign = get_object_or_404(Campaign.objects.for_team(self.team), pk=self.kwargs["pk"])
        return csv_response(
            header=metrics.RESULTS_EXPORT_HEADER,
            rows=metrics.campaign_results_rows(campaign=campaign),
            filename=f"{campaign.pk}-results.csv",
        )
