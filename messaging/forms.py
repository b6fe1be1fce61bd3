from django import forms

from .models import Message, MessagingSettings


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
        fields = ["sender_number", "brand_name", "help_contact", "quiet_start_hour", "quiet_end_hour",
                  "state_windows", "sends_per_minute"]  # fmt: skip

    def clean_state_windows(self):
        return self.cleaned_data["state_windows"] or {}
