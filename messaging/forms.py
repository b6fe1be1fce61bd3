from django import forms

from .models import Message, MessagingSettings, SenderNumber
from .sms import PROVIDERS, active_provider_name, us_number


class MessageFilterForm(forms.Form):
    status = forms.ChoiceField(required=False, choices=[("", "any"), *Message.Status.choices])
    direction = forms.ChoiceField(required=False, choices=[("", "any"), *Message.Direction.choices])
    campaign = forms.CharField(required=False, max_length=40)
    number = forms.CharField(required=False, max_length=20)


class SuppressionForm(forms.Form):
    phone_number = forms.CharField(max_length=20, help_text="A US number; any formatting")
    note = forms.CharField(required=False, max_length=500)

    def clean_phone_number(self):
        digits = "".join(ch for ch in self.cleaned_data["phone_number"] if ch.isdigit())
        if len(digits) == 11 and digits.startswith("1"):
            digits = digits[1:]
        if len(digits) != 10:
            raise forms.ValidationError("Enter a 10-digit US number.")
        return digits


class MessagingSettingsForm(forms.ModelForm):
    state_windows = forms.JSONField(required=False, help_text='Stricter windows by state, e.g. {"FL": [8, 20]}')

    class Meta:
        model = MessagingSettings
        fields = ["brand_name", "help_contact", "quiet_start_hour", "quiet_end_hour", "state_windows",
                  "sends_per_minute"]  # fmt: skip

    def clean_state_windows(self):
        return self.cleaned_data["state_windows"] or {}


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
