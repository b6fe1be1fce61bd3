from datetime import timedelta

from django import forms
from django.utils import timezone

from .journey import STAGES
from .models import AlertSettings, StageRun

MAX_RANGE_DAYS = 366


class DateRangeForm(forms.Form):
    """A range of days for the journey's charts and lists; empty means the last 7 days."""

    since = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        until = cleaned.get("until") or today
        since = cleaned.get("since") or until - timedelta(days=6)
        if since > until:
            self.add_error("since", "The range starts after it ends.")
        elif (until - since).days >= MAX_RANGE_DAYS:
            self.add_error("since", f"Choose at most {MAX_RANGE_DAYS} days.")
        cleaned["since"], cleaned["until"] = since, until
        return cleaned

    def days(self):
        """Return ``(since, until)``: the valid range, or the last 7 days when the form is not valid."""
        if self.is_valid():
            return self.cleaned_data["since"], self.cleaned_data["until"]
        today = timezone.localdate()
        return today - timedelta(days=6), today


class LedgerFilterForm(DateRangeForm):
    """Which runs or failures to list: a stage, a status or code, and a range of days."""

    stage = forms.TypedChoiceField(
        required=False, coerce=int, empty_value=None, choices=[("", "any"), *((s.number, s.name) for s in STAGES)]
    )
    status = forms.ChoiceField(required=False, choices=[("", "any"), *StageRun.Status.choices])
    code = forms.CharField(required=False, max_length=40)
    sla = forms.ChoiceField(required=False, choices=[("", "any"), ("over", "over their SLA")])


class AlertSettingsForm(forms.ModelForm):
    """Where a team's alerts go; the signing secret is write-only (stored encrypted, never shown)."""

    webhook_secret = forms.CharField(
        required=False,
        widget=forms.PasswordInput,
        max_length=200,
        help_text="The webhook is signed with it (HMAC-SHA256); leave empty to keep the current one.",
    )
    webhook_url = forms.URLField(
        required=False, assume_scheme="https", help_text="POST each alert and resolve here (Slack, PagerDuty ...)"
    )

    class Meta:
        model = AlertSettings
        fields = ["email_admins", "webhook_url"]
