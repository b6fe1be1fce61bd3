from django import forms

from .models import Lead, LeadSettings


class LeadFilterForm(forms.Form):
    min_score = forms.IntegerField(required=False, min_value=0, max_value=100)
    max_score = forms.IntegerField(required=False, min_value=0, max_value=100)
    tag = forms.CharField(required=False, max_length=80)
    state = forms.CharField(required=False, max_length=2)
    enrichment_status = forms.ChoiceField(required=False, choices=[("", "any"), *Lead.Enrichment.choices])
    status = forms.ChoiceField(required=False, choices=[("", "any"), *Lead.Status.choices])


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
