from django import forms

from usdatabiz.core.phones import us_phone

from .models import Message, MessagingSettings, OptOutReview, SenderNumber
from .sms import PROVIDERS, active_provider_name, us_number


class MessageFilterForm(forms.Form):
    status = forms.ChoiceField(required=False, choices=[("", "any"), *Message.Status.choices])
    direction = forms.ChoiceField(required=False, choices=[("", "any"), *Message.Direction.choices])
    campaign = forms.CharField(required=False, max_length=40)
    number = forms.CharField(required=False, max_length=20)


class OptOutReviewFilterForm(forms.Form):
    status = forms.ChoiceField(required=False, choices=[("", "any"), *OptOutReview.Status.choices])


class SuppressionExportForm(forms.Form):
    all = forms.ChoiceField(
        required=False, choices=[("", "active only"), ("1", "lifted too")], help_text="1: lifted entries too",
        error_messages={"invalid_choice": "Use all=1 to add the lifted entries, or leave it out."},
    )  # fmt: skip


class SuppressionForm(forms.Form):
    phone_number = forms.CharField(max_length=20, help_text="A US number; any formatting")
    note = forms.CharField(required=False, max_length=500)

    def clean_phone_number(self):
        digits = us_phone(self.cleaned_data["phone_number"])
        if digits is None:
            raise forms.ValidationError("Enter a 10-digit US number.")
        return digits


class MessagingSettingsForm(forms.ModelForm):
    """The team's sending settings; its state windows are the rows of ``StateWindowFormSet``."""

    class Meta:
        model = MessagingSettings
        fields = ["brand_name", "help_contact", "quiet_start_hour", "quiet_end_hour",
                  "sends_per_minute"]  # fmt: skip


class StateWindowForm(forms.Form):
    """A sending window for one state (its local hours), stricter or looser than the team's default."""

    state = forms.CharField(required=False, max_length=40, help_text="code or name, e.g. FL or Florida")
    start_hour = forms.IntegerField(required=False, min_value=0, max_value=23, label="from hour")
    end_hour = forms.IntegerField(required=False, min_value=1, max_value=24, label="to hour")

    def clean(self):
        from ingestion.normalizers import normalize_state

        cleaned = super().clean()
        raw, start, end = (cleaned.get("state") or "").strip(), cleaned.get("start_hour"), cleaned.get("end_hour")
        if not raw and start is None and end is None:
            return cleaned
        code = normalize_state(raw) if raw else None
        if code is None:
            why = f"Unknown state {raw!r}: give a 2-letter code or a name." if raw else "Name the state."
            self.add_error("state", why)
        if start is None or end is None:
            self.add_error("end_hour" if start is not None else "start_hour", "Give the first and the last hour.")
        elif start >= end:
            self.add_error("end_hour", f"The window must open before it closes ({start} to {end}).")
        cleaned["state"] = code
        return cleaned


class _StateWindowFormSet(forms.BaseFormSet):
    def clean(self):
        seen = set()
        for form in self.forms:
            state = getattr(form, "cleaned_data", {}).get("state")
            if state and not form.cleaned_data.get("DELETE"):
                if state in seen:
                    raise forms.ValidationError(f"{state} has two windows; keep one.")
                seen.add(state)

    def windows(self) -> dict:
        """Return ``{"FL": [8, 20], ...}`` as the settings store it."""
        return {
            f.cleaned_data["state"]: [f.cleaned_data["start_hour"], f.cleaned_data["end_hour"]]
            for f in self.forms
            if f.cleaned_data.get("state") and not f.cleaned_data.get("DELETE")
        }


StateWindowFormSet = forms.formset_factory(StateWindowForm, formset=_StateWindowFormSet, extra=2, can_delete=True)


class SenderNumberForm(forms.Form):
    """A number the team texts from (checked by the project's US number rule; held by one team only)."""

    number = forms.CharField(max_length=20, help_text="A US number; any formatting, e.g. (512) 555-0101")
    label = forms.CharField(max_length=80, required=False, help_text="e.g. 'Austin line'")
    status = forms.ChoiceField(
        choices=[(SenderNumber.Status.ACTIVE, "Active"), (SenderNumber.Status.PENDING, "Pending (10DLC not done)")],
        initial=SenderNumber.Status.ACTIVE,
    )
    provider = forms.ChoiceField(choices=[(name, name) for name in PROVIDERS], required=False)
    campaign_id_10dlc = forms.CharField(label="10DLC campaign id", max_length=40, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].initial = active_provider_name()

    def clean_number(self):
        try:
            return us_number(self.cleaned_data["number"])
        except ValueError as exc:
            raise forms.ValidationError(f"{exc}. Give a US number, e.g. 5125550101.") from exc


class SenderNumberChangeForm(forms.Form):
    """Rename a number, set its 10DLC campaign, or activate / retire it."""

    ACTIONS = [("save", "Save"), ("activate", "Activate"), ("retire", "Retire")]

    label = forms.CharField(max_length=80, required=False)
    campaign_id_10dlc = forms.CharField(label="10DLC campaign id", max_length=40, required=False)
    action = forms.ChoiceField(choices=ACTIONS, initial="save")


class CredentialForm(forms.Form):
    """Set or clear one of the team's provider secrets. The value is write-only: it is never shown again."""

    provider = forms.CharField(max_length=32)
    name = forms.CharField(max_length=40)
    value = forms.CharField(max_length=4000, required=False, widget=forms.PasswordInput(render_value=False))
    clear = forms.BooleanField(required=False)

    def clean(self):
        data = super().clean()
        if not data.get("clear") and not (data.get("value") or "").strip():
            raise forms.ValidationError("Give the value, or tick 'clear' to remove it.")
        return data


class WebhookRegisterForm(forms.Form):
    url = forms.URLField(
        max_length=500, assume_scheme="https", help_text="Where the provider posts events (this console's webhook URL)"
    )
    group_id = forms.CharField(max_length=80, help_text="Your SignalHouse group id")


class SecretRotateForm(forms.Form):
    grace_seconds = forms.IntegerField(
        min_value=0, max_value=604800, initial=86400, help_text="How long the old secret still signs (0-604,800 s)"
    )
