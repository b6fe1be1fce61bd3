from django import forms

from usdatabiz.core.filters import BooleanFilterField

from .models import MatchReview, ResolutionSettings


class PersonaMergeForm(forms.Form):
    other = forms.CharField(label="Merge with persona id", max_length=40, help_text="per_... of the same person")
    note = forms.CharField(required=False, max_length=500)


class UnmergeForm(forms.Form):
    note = forms.CharField(required=False, max_length=500, label="Why (optional)")


class ResolutionSettingsForm(forms.ModelForm):
    class Meta:
        model = ResolutionSettings
        fields = ["auto_merge_threshold", "review_threshold"]

    def clean(self):
        data = super().clean()
        auto, review = data.get("auto_merge_threshold"), data.get("review_threshold")
        if auto is not None and review is not None and not 0 <= review <= auto <= 1:
            raise forms.ValidationError("Thresholds must satisfy 0 <= review <= auto-merge <= 1.")
        return data


class PersonaFilterForm(forms.Form):
    """The API's persona list filters."""

    include_merged = BooleanFilterField(help_text="Also list merged personas")


class MatchReviewFilterForm(forms.Form):
    """The API's match review list filters."""

    status = forms.ChoiceField(required=False, choices=[("", "any"), *MatchReview.Status.choices])
