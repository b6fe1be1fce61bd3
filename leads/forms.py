from django import forms

from .models import Lead


class LeadFilterForm(forms.Form):
    min_score = forms.IntegerField(required=False, min_value=0, max_value=100)
    max_score = forms.IntegerField(required=False, min_value=0, max_value=100)
    tag = forms.CharField(required=False, max_length=80)
    state = forms.CharField(required=False, max_length=2)
    enrichment_status = forms.ChoiceField(required=False, choices=[("", "any"), *Lead.Enrichment.choices])
    status = forms.ChoiceField(required=False, choices=[("", "any"), *Lead.Status.choices])
