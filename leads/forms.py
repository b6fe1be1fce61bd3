from django import forms

from ingestion.normalizers import normalize_state

from .models import Lead, LeadSettings


class LeadFilterForm(forms.Form):
    """The lead filters of the list page, the API and a campaign's criteria: one definition of what is valid."""

    min_score = forms.IntegerField(required=False, min_value=0, max_value=100)
    max_score = forms.IntegerField(required=False, min_value=0, max_value=100)
    tag = forms.CharField(required=False, max_length=80)
    state = forms.CharField(required=False, max_length=40, help_text="2-letter code or name, e.g. TX or Texas")
    enrichment_status = forms.ChoiceField(required=False, choices=[("", "any"), *Lead.Enrichment.choices])
    status = forms.ChoiceField(required=False, choices=[("", "any"), *Lead.Status.choices])

    def clean_state(self):
        raw = (self.cleaned_data.get("state") or "").strip()
        if not raw:
            return ""
        code = normalize_state(raw)
        if code is None:
            raise forms.ValidationError(f"Unknown state {raw!r}: give a 2-letter code or a name, e.g. TX or Texas.")
        return code

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("min_score"), cleaned.get("max_score")
        if low is not None and high is not None and low > high:
            self.add_error("max_score", f"The highest score ({high}) is below the lowest ({low}).")
        return cleaned

    def filters(self) -> dict:
        """Return the filters that are valid and set (a bad one is left out and named in ``errors``)."""
        self.is_valid()
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}


class LeadSettingsForm(forms.ModelForm):
    """Weights and rules as JSON text; the model's ``clean`` names every problem."""

    weights = forms.JSONField(required=False, help_text='Points per factor, e.g. {"industry": 30, "revenue": 20}')
    tag_rules = forms.JSONField(
        required=False, help_text='e.g. [{"tag": "segment:trades", "when": {"sic_prefix": ["15", "17"]}}]'
    )

    class Meta:
        model = LeadSettings
        fields = ["weights", "tag_rules", "daily_trace_cap"]
        widgets = {"daily_trace_cap": forms.NumberInput(attrs={"min": 0})}

    def clean_weights(self):
        return self.cleaned_data["weights"] or {}

    def clean_tag_rules(self):
        return self.cleaned_data["tag_rules"] or []
