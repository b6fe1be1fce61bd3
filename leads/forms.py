from django import forms

from ingestion.normalizers import US_STATES, normalize_state

from .models import Lead, LeadSettings


class StateField(forms.ChoiceField):
    """A US state (or DC, a territory, a military code) as its 2-letter code; a name or another case is read as
    its code ("Texas", "tx": TX), anything else is refused by name."""

    widget = forms.TextInput
    default_error_messages = {
        "invalid_choice": "Unknown state %(value)r: give a 2-letter code or a name, e.g. TX or Texas.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "2-letter code, e.g. TX (a name such as Texas is read as its code)")
        super().__init__(choices=[("", "any"), *sorted(US_STATES.items())], **kwargs)

    def to_python(self, value):
        text = super().to_python(value).strip()
        return (normalize_state(text) or text) if text else ""


class LeadFilterForm(forms.Form):
    """The lead filters of the list page, the API and a campaign's criteria: one definition of what is valid."""

    min_score = forms.IntegerField(required=False, min_value=0, max_value=100, help_text="Lowest score")
    max_score = forms.IntegerField(
        required=False, min_value=0, max_value=100,
        help_text="Highest score; below min_score it is a 400 naming max_score (a range that selects nothing)",
    )  # fmt: skip
    tag = forms.CharField(required=False, max_length=80)
    state = StateField(required=False)
    enrichment_status = forms.ChoiceField(required=False, choices=[("", "any"), *Lead.Enrichment.choices])
    status = forms.ChoiceField(required=False, choices=[("", "any"), *Lead.Status.choices])

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
    """LUCY's settings as fields: one weight per factor (empty keeps the default) and the daily skip-trace cap."""

    class Meta:
        model = LeadSettings
        fields = ["daily_trace_cap"]
        widgets = {"daily_trace_cap": forms.NumberInput(attrs={"min": 0})}

    def __init__(self, *args, **kwargs):
        from . import scoring

        super().__init__(*args, **kwargs)
        current = (self.instance.weights if self.instance and isinstance(self.instance.weights, dict) else {}) or {}
        for factor in scoring.FACTORS:
            self.fields[f"weight_{factor}"] = forms.FloatField(
                required=False, min_value=0, label=f"{factor} weight", initial=current.get(factor),
                help_text=f"default {scoring.DEFAULT_WEIGHTS[factor]:g}; empty keeps the default",
            )  # fmt: skip

    def weight_fields(self):
        from . import scoring

        return [self[f"weight_{factor}"] for factor in scoring.FACTORS]

    def weights(self) -> dict:
        """Return the factors given a weight (the others keep LUCY's default)."""
        from . import scoring

        values = {factor: self.cleaned_data.get(f"weight_{factor}") for factor in scoring.FACTORS}
        return {k: (int(v) if float(v).is_integer() else v) for k, v in values.items() if v is not None}


def _split(text: str) -> list[str]:
    return [part.strip() for part in (text or "").replace(";", ",").split(",") if part.strip()]


class TagRuleForm(forms.Form):
    """One tag rule: the tag, and the conditions a lead must all meet (none: every lead)."""

    tag = forms.CharField(max_length=80, required=False, help_text="family:value, e.g. segment:trades")
    sic_prefix = forms.CharField(required=False, max_length=200, label="SIC starts with", help_text="e.g. 15, 17")
    states = forms.CharField(required=False, max_length=400, help_text="codes or names, e.g. TX, Oklahoma")
    min_score = forms.IntegerField(required=False, min_value=0, max_value=100)
    max_score = forms.IntegerField(required=False, min_value=0, max_value=100)
    min_employees = forms.IntegerField(required=False, min_value=0)
    max_employees = forms.IntegerField(required=False, min_value=0)

    def clean_states(self):
        codes = []
        for name in _split(self.cleaned_data.get("states")):
            code = normalize_state(name)
            if code is None:
                raise forms.ValidationError(f"Unknown state {name!r}: give a 2-letter code or a name.")
            codes.append(code)
        return codes

    def clean(self):
        cleaned = super().clean()
        conditions = [k for k in self.fields if k != "tag" and cleaned.get(k) not in (None, "", [])]
        if conditions and not cleaned.get("tag"):
            self.add_error("tag", "Name the tag this rule adds.")
        return cleaned

    def rule(self) -> dict | None:
        """Return the rule as LUCY reads it, or None for an empty row."""
        data = self.cleaned_data
        if not data.get("tag") or data.get("DELETE"):
            return None
        when = {}
        if data.get("sic_prefix"):
            prefixes = _split(data["sic_prefix"])
            when["sic_prefix"] = prefixes[0] if len(prefixes) == 1 else prefixes
        if data.get("states"):
            when["states"] = data["states"]
        for name in ("min_score", "max_score", "min_employees", "max_employees"):
            if data.get(name) is not None:
                when[name] = data[name]
        return {"tag": data["tag"].strip(), **({"when": when} if when else {})}

    @classmethod
    def initial_from(cls, rule: dict) -> dict:
        when = rule.get("when") or {}
        listed = {k: when[k] if isinstance(when[k], str) else ", ".join(when[k]) for k in ("sic_prefix", "states")
                  if k in when}  # fmt: skip
        return {"tag": rule.get("tag", ""), **{k: v for k, v in when.items() if k not in listed}, **listed}


TagRuleFormSet = forms.formset_factory(TagRuleForm, extra=2, can_delete=True)
