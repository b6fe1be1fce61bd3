"""Operator pages of stage 7: messages (with held ones to review), the suppression list, sending settings."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from campaigns import services as campaign_services
from campaigns.models import Campaign, CampaignLead, CampaignStep
from usdatabiz.core import times
from usdatabiz.core.errors import DomainError
from usdatabiz.core.exports import csv_response
from usdatabiz.core.mixins import TeamMemberRequiredMixin

from . import selectors, services
from .forms import (
    CredentialForm,
    MessageFilterForm,
    MessagingSettingsForm,
    SecretRotateForm,
    SenderNumberChangeForm,
    SenderNumberForm,
    StateWindowFormSet,
    SuppressionForm,
    WebhookRegisterForm,
)
from .models import Message, ProviderWebhook, SenderNumber, Suppression
from .sms import active_provider_name


class MessageListView(TeamMemberRequiredMixin, TemplateView):
    template_name = "messaging/message_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = MessageFilterForm(self.request.GET or None)
        filters = {k: v for k, v in form.cleaned_data.items() if v} if form.is_valid() else {}
        context.update(
            form=form,
            page_obj=Paginator(selectors.message_list(team=self.team, **filters), 50).get_page(
                self.request.GET.get("page")
            ),
            held_count=Message.objects.for_team(self.team).filter(status=Message.Status.HELD).count(),
            sms_provider=settings.SMS_PROVIDER or "sandbox",
        )
        return context


class _HeldMessageAction(TeamMemberRequiredMixin, View):
    def _message(self) -> Message:
        try:
            return Message.objects.for_team(self.team).get(pk=self.kwargs["pk"])
        except Message.DoesNotExist as exc:
            raise Http404("No such message.") from exc


class MessageReleaseView(_HeldMessageAction):
    """Send a held message again with the same idempotency key (the provider never sends it twice)."""

    def post(self, request, *args, **kwargs):
        try:
            message = services.message_release(message=self._message(), user=request.user)
        except DomainError as exc:
            messages.error(request, f"{exc.code}: {exc.message}")
        else:
            messages.success(request, f"Released: the message is {message.get_status_display().lower()}.")
        return redirect(reverse("messaging:message-list") + "?status=held")


class MessageDropView(_HeldMessageAction):
    """Give up on a held message without sending it."""

    def post(self, request, *args, **kwargs):
        try:
            services.message_drop(message=self._message(), user=request.user, note=request.POST.get("note", ""))
        except DomainError as exc:
            messages.error(request, f"{exc.code}: {exc.message}")
        else:
            messages.success(request, "Dropped: it will not be sent.")
        return redirect(reverse("messaging:message-list") + "?status=held")


class SuppressionListView(TeamMemberRequiredMixin, TemplateView):
    template_name = "messaging/suppression_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        show_all = self.request.GET.get("all") == "1"
        context.update(
            form=kwargs.get("form") or SuppressionForm(),
            page_obj=Paginator(selectors.suppression_list(team=self.team, active_only=not show_all), 50).get_page(
                self.request.GET.get("page")
            ),
            show_all=show_all,
        )
        return context

    def post(self, request, *args, **kwargs):
        form = SuppressionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        services.suppression_add(
            team=self.team,
            number=form.cleaned_data["phone_number"],
            reason=Suppression.Reason.MANUAL,
            user=request.user,
            note=form.cleaned_data["note"],
        )
        messages.success(request, f"{form.cleaned_data['phone_number']} will not be texted.")
        return redirect("messaging:suppression-list")


class SuppressionExportView(TeamMemberRequiredMixin, View):
    """Download the suppression list as the page shows it (``?all=1``: lifted entries too) as CSV."""

    def get(self, request, *args, **kwargs):
        entries = selectors.suppression_list(team=self.team, active_only=request.GET.get("all") != "1")
        return csv_response(
            header=selectors.SUPPRESSION_EXPORT_HEADER,
            rows=selectors.suppression_export_rows(entries=entries.order_by("-created_at", "-id")),
            filename="suppressions.csv",
        )


class SuppressionLiftView(TeamMemberRequiredMixin, View):
    """Take a number off the list; only an admin may, since it re-allows texting a person."""

    write_roles = ("admin",)

    def post(self, request, *args, **kwargs):
        try:
            entry = Suppression.objects.for_team(self.team).get(pk=self.kwargs["pk"], lifted_at__isnull=True)
        except Suppression.DoesNotExist as exc:
            raise Http404("No such active entry.") from exc
        try:
            services.suppression_entry_lift(entry=entry, user=request.user, reason=request.POST.get("reason", ""))
        except DomainError as exc:
            messages.error(request, f"{exc.code}: {exc.message}")
        else:
            messages.success(request, f"{entry.phone_number} may be texted again.")
        return redirect("messaging:suppression-list")


class MessagingSettingsEditView(TeamMemberRequiredMixin, TemplateView):
    """Sending settings: the team's numbers (add, rename, activate, retire) and its hours, pace and brand."""

    template_name = "messaging/messagingsettings_edit.html"
    write_roles = ("admin",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cfg = services.messaging_settings_get(team=self.team)
        context.setdefault("form", MessagingSettingsForm(instance=cfg))
        rows = sorted((cfg.state_windows or {}).items())
        initial = [{"state": state, "start_hour": hours[0], "end_hour": hours[1]} for state, hours in rows]
        context.setdefault("windows", StateWindowFormSet(prefix="windows", initial=initial))
        context["warnings"] = selectors.window_warnings(
            start_hour=cfg.quiet_start_hour, end_hour=cfg.quiet_end_hour, state_windows=cfg.state_windows
        )
        context.setdefault("number_form", SenderNumberForm())
        context["sender_numbers"] = selectors.sender_number_list(team=self.team)
        context["no_active_number"] = selectors.sender_number_gate(self.team.pk)
        context["sms_provider"] = active_provider_name()
        return context

    def post(self, request, *args, **kwargs):
        cfg = services.messaging_settings_get(team=self.team)
        form = MessagingSettingsForm(request.POST, instance=cfg)
        windows = StateWindowFormSet(request.POST, prefix="windows")
        if not (form.is_valid() and windows.is_valid()):
            return self.render_to_response(self.get_context_data(form=form, windows=windows), status=400)
        saved = services.messaging_settings_update(
            settings_row=form.instance, **form.cleaned_data, state_windows=windows.windows()
        )
        messages.success(request, "Sending settings saved.")
        for warning in selectors.window_warnings(
            start_hour=saved.quiet_start_hour, end_hour=saved.quiet_end_hour, state_windows=saved.state_windows
        ):
            messages.warning(request, f"WINDOW_OUTSIDE_8_TO_21: {warning}")
        return redirect("messaging:settings-edit")


CLOSED_STEPS = (CampaignStep.Status.COMPLETED, CampaignStep.Status.CANCELLED)


class CampaignConfirmView(TeamMemberRequiredMixin, TemplateView):
    """Approve, send back or cancel a campaign after a page that says what will happen (GET), on confirming (POST).

    It lives with stage 7 because only here are the sending number and each recipient's quiet hours known.
    """

    template_name = "messaging/campaign_confirm.html"
    action = ""
    services_by_action = {
        "approve": campaign_services.campaign_approve,
        "send-back": campaign_services.campaign_send_back,
        "cancel": campaign_services.campaign_cancel,
    }
    done = {
        "approve": "Approved: the texts go out as planned, each in the recipient's allowed hours.",
        "send-back": "Sent back to draft; its block is released.",
        "cancel": "Cancelled; nothing more is sent.",
    }

    def _campaign(self) -> Campaign:
        return get_object_or_404(Campaign.objects.for_team(self.team).select_related("template"), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        campaign = kwargs.get("campaign") or self._campaign()
        cfg = services.messaging_settings_get(team=self.team)
        sender = selectors.campaign_sender_label(campaign=campaign)
        counts = CampaignLead.objects.filter(campaign=campaign).values_list("status").annotate(n=Count("id"))
        context.update(
            campaign=campaign,
            action=self.action,
            counts={**dict.fromkeys(CampaignLead.Status.values, 0), **dict(counts)},
            plan=selectors.campaign_send_plan(campaign=campaign, cfg=cfg, sender_number=sender),
            variants=campaign.variant_templates(),
            open_steps=campaign.steps.exclude(status__in=CLOSED_STEPS),
        )
        return context

    def post(self, request, *args, **kwargs):
        campaign = self._campaign()
        note = (request.POST.get("note") or "").strip()[:2000]
        try:
            self.services_by_action[self.action](campaign=campaign, user=request.user, note=note)
        except DomainError as exc:
            messages.error(request, f"{exc.code}: {exc.message}")
            return self.render_to_response(self.get_context_data(campaign=campaign), status=400)
        messages.success(request, self.done[self.action])
        return redirect(campaign)


class CampaignStepConfirmView(TeamMemberRequiredMixin, TemplateView):
    """Approve or cancel a follow-up step's batch, after a page that says who gets it, from where and when."""

    template_name = "messaging/campaign_step_confirm.html"
    action = ""
    services_by_action = {
        "approve": campaign_services.campaign_step_approve,
        "cancel": campaign_services.campaign_step_cancel,
    }

    def _step(self) -> CampaignStep:
        steps = CampaignStep.objects.for_team(self.team).select_related("campaign", "template")
        return get_object_or_404(steps, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        step = kwargs.get("step") or self._step()
        cfg = services.messaging_settings_get(team=self.team)
        context.update(
            step=step,
            campaign=step.campaign,
            action=self.action,
            plan=selectors.campaign_send_plan(
                campaign=step.campaign,
                cfg=cfg,
                sender_number=selectors.campaign_sender_label(campaign=step.campaign),
                step=step.number,
            ),
        )
        return context

    def post(self, request, *args, **kwargs):
        step = self._step()
        note = (request.POST.get("note") or "").strip()[:2000]
        try:
            self.services_by_action[self.action](step=step, user=request.user, note=note)
        except DomainError as exc:
            messages.error(request, f"{exc.code}: {exc.message}")
            return self.render_to_response(self.get_context_data(step=step), status=400)
        word = "approved: its texts go out as planned" if self.action == "approve" else "cancelled"
        messages.success(request, f"Follow-up step {step.number} {word}.")
        return redirect(step.campaign)


class SenderNumberCreateView(MessagingSettingsEditView):
    """Add a number to the team (``NUMBER_TAKEN`` when another team holds it)."""

    def post(self, request, *args, **kwargs):
        form = SenderNumberForm(request.POST)
        if form.is_valid():
            try:
                number = services.sender_number_create(team=self.team, user=request.user, **form.cleaned_data)
            except DomainError as exc:
                form.add_error("number", f"{exc.code}: {exc.message}")
            else:
                messages.success(request, f"{number.formatted} added ({number.get_status_display().lower()}).")
                return redirect("messaging:settings-edit")
        return self.render_to_response(self.get_context_data(number_form=form), status=400)


class SenderNumberChangeView(TeamMemberRequiredMixin, View):
    """Rename a number, set its 10DLC campaign id, activate or retire it."""

    write_roles = ("admin",)

    def post(self, request, *args, **kwargs):
        number = get_object_or_404(SenderNumber.objects.for_team(self.team), pk=self.kwargs["pk"])
        form = SenderNumberChangeForm(request.POST)
        if not form.is_valid():
            messages.error(request, "INVALID: " + "; ".join(e for errs in form.errors.values() for e in errs))
            return redirect("messaging:settings-edit")
        action = form.cleaned_data["action"]
        try:
            if action == "save":
                services.sender_number_update(
                    sender=number,
                    label=form.cleaned_data["label"],
                    campaign_id_10dlc=form.cleaned_data["campaign_id_10dlc"],
                )
            else:
                to = SenderNumber.Status.ACTIVE if action == "activate" else SenderNumber.Status.RETIRED
                services.sender_number_transition(sender=number, to=to, user=request.user)
        except DomainError as exc:
            messages.error(request, f"{exc.code}: {exc.message}")
        else:
            number.refresh_from_db()
            messages.success(request, f"{number.formatted}: {number.get_status_display().lower()}.")
        return redirect("messaging:settings-edit")


class ProviderCredentialsView(TeamMemberRequiredMixin, TemplateView):
    """The team's own provider credentials (last four characters only) and its signed webhook. Admins only."""

    template_name = "messaging/providercredentials_edit.html"
    read_roles = ("admin",)
    write_roles = ("admin",)

    def get_context_data(self, **kwargs):
        from usdatabiz.core.selectors import team_credential_list

        context = super().get_context_data(**kwargs)
        stored = {(c.provider, c.name): c for c in team_credential_list(team=self.team)}
        context["slots"] = [(slot, stored.get((slot.provider, slot.name))) for slot in services.credential_slots()]
        context["previous_secret"] = stored.get(("signalhouse", "webhook_secret_previous"))
        context["missing_secret"] = ("signalhouse", "api_key") in stored and (
            "signalhouse",
            "webhook_secret",
        ) not in stored
        context["webhook"] = ProviderWebhook.objects.for_team(self.team).filter(provider="signalhouse").first()
        context.setdefault(
            "register_form",
            WebhookRegisterForm(
                initial={
                    "url": self.request.build_absolute_uri(reverse("webhook-signalhouse")),
                    "group_id": getattr(context["webhook"], "group_id", ""),
                }
            ),
        )
        context.setdefault("rotate_form", SecretRotateForm())
        return context

    def post(self, request, *args, **kwargs):
        form = CredentialForm(request.POST)
        if not form.is_valid():
            for error in form.non_field_errors() or [e for errs in form.errors.values() for e in errs]:
                messages.error(request, error)
            return redirect("messaging:credentials")
        data = form.cleaned_data
        try:
            if data["clear"]:
                services.provider_credential_clear(team=self.team, provider=data["provider"], name=data["name"])
                messages.success(request, f"{data['provider']} {data['name']} cleared: the platform's applies.")
            else:
                row = services.provider_credential_set(
                    team=self.team, provider=data["provider"], name=data["name"], value=data["value"],
                    user=request.user,
                )  # fmt: skip
                messages.success(request, f"{row.provider} {row.name} saved (ending {row.last4 or '****'}).")
        except DomainError as exc:
            messages.error(request, f"{exc.code}: {exc.message}")
        return redirect("messaging:credentials")


class WebhookRegisterView(ProviderCredentialsView):
    """Register the console's signed webhook with the provider; the signing secret is kept encrypted."""

    def post(self, request, *args, **kwargs):
        form = WebhookRegisterForm(request.POST)
        if form.is_valid():
            try:
                row = services.sms_webhook_register(team=self.team, user=request.user, **form.cleaned_data)
            except DomainError as exc:
                form.add_error(None, f"{exc.code}: {exc.message}")
            else:
                messages.success(request, f"Webhook {row.webhook_id} registered; its signing secret is stored.")
                return redirect("messaging:credentials")
        return self.render_to_response(self.get_context_data(register_form=form), status=400)


class WebhookRotateView(ProviderCredentialsView):
    """Rotate the webhook's signing secret; the old one verifies until its grace period ends."""

    def post(self, request, *args, **kwargs):
        form = SecretRotateForm(request.POST)
        if form.is_valid():
            try:
                row = services.sms_webhook_rotate_secret(
                    team=self.team, user=request.user, grace_seconds=form.cleaned_data["grace_seconds"]
                )
            except DomainError as exc:
                form.add_error(None, f"{exc.code}: {exc.message}")
            else:
                until = row.previous_secret_expires_at
                messages.success(
                    request,
                    "New signing secret stored"
                    + (f"; the old one verifies until {times.when(until)}." if until else "."),
                )
                return redirect("messaging:credentials")
        return self.render_to_response(self.get_context_data(rotate_form=form), status=400)


class OptOutReviewDecideView(TeamMemberRequiredMixin, View):
    """A person decides a held reply from the inbox: an opt-out (suppress) or not (release the number)."""

    def post(self, request, *args, **kwargs):
        from .models import OptOutReview
        from .opt_out_reviews import opt_out_review_decide

        try:
            review = OptOutReview.objects.for_team(self.team).get(pk=self.kwargs["pk"])
        except OptOutReview.DoesNotExist as exc:
            raise Http404("No such held reply.") from exc
        try:
            review = opt_out_review_decide(review=review, decision=request.POST.get("decision", ""), user=request.user)
        except DomainError as exc:
            messages.error(request, f"{exc.code}: {exc.message}")
        else:
            if review.decision == OptOutReview.Decision.OPT_OUT:
                messages.success(request, f"{review.phone_number} is opted out and will not be texted again.")
            else:
                messages.success(request, f"{review.phone_number} is released: it may be texted again.")
        return redirect("inbox:item-list")
