from datetime import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings

from .models import Campaign, CampaignLead, CampaignStep, LeadBlock, MessageTemplate

SCHEDULE_ZONES = [
    ("America/New_York", "Eastern"),
    ("America/Chicago", "Central"),
    ("America/Denver", "Mountain"),
    ("America/Phoenix", "Arizona"),
    ("America/Los_Angeles", "Pacific"),
    ("America/Anchorage", "Alaska"),
    ("Pacific/Honolulu", "Hawaii"),
    ("UTC", "UTC"),
]


class MessageTemplateForm(forms.ModelForm):
    class Meta:
        model = MessageTemplate
        fields = ["name", "body", "worker", "is_active"]
        widgets = {"body": forms.Textarea(attrs={"rows": 4, "cols": 70, "data-testid": "template-body"})}


class CampaignForm(forms.Form):
    """A campaign as a person writes it: texts (A-D), lead filters, block, schedule and follow-up steps."""

    name = forms.CharField(max_length=160)
    template = forms.ModelChoiceField(
        queryset=MessageTemplate.objects.none(), required=False, label="Template (variant A)"
    )
    variant_b = forms.ModelChoiceField(queryset=MessageTemplate.objects.none(), required=False, label="Variant B")
    variant_c = forms.ModelChoiceField(queryset=MessageTemplate.objects.none(), required=False, label="Variant C")
    variant_d = forms.ModelChoiceField(queryset=MessageTemplate.objects.none(), required=False, label="Variant D")
    min_score = forms.IntegerField(required=False, min_value=0, max_value=100)
    tag = forms.CharField(required=False, max_length=80)
    state = forms.CharField(required=False, max_length=40, help_text="2-letter code or name, e.g. TX or Texas")
    block_size = forms.IntegerField(min_value=1, max_value=LeadBlock.SIZE, initial=LeadBlock.SIZE)
    allow_partial_block = forms.BooleanField(
        required=False, help_text="Stage with fewer leads than the block size when not enough qualify"
    )
    sender_name = forms.CharField(required=False, max_length=60, help_text="Fills {sender_name}")
    sender_number = forms.ModelChoiceField(
        queryset=MessageTemplate.objects.none(), required=False, label="Send from",
        empty_label="The team's default (each person keeps the number they heard from first)",
        help_text="One of the team's active numbers; editable until the campaign is approved.",
    )  # fmt: skip
    scheduled_date = forms.DateField(
        required=False, label="Start on", widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Empty: sending starts when approved. Quiet hours still apply to each recipient.",
    )  # fmt: skip
    scheduled_time = forms.TimeField(required=False, label="at", widget=forms.TimeInput(attrs={"type": "time"}))
    scheduled_zone = forms.ChoiceField(choices=SCHEDULE_ZONES, required=False, label="time zone")
    step_1_days = forms.IntegerField(required=False, min_value=1, max_value=60, label="Step 1: no reply after (days)")
    step_1_template = forms.ModelChoiceField(MessageTemplate.objects.none(), required=False, label="Step 1 text")
    step_2_days = forms.IntegerField(required=False, min_value=1, max_value=60, label="Step 2: no reply after (days)")
    step_2_template = forms.ModelChoiceField(MessageTemplate.objects.none(), required=False, label="Step 2 text")
    step_3_days = forms.IntegerField(required=False, min_value=1, max_value=60, label="Step 3: no reply after (days)")
    step_3_template = forms.ModelChoiceField(MessageTemplate.objects.none(), required=False, label="Step 3 text")

    TEMPLATE_FIELDS = ("template", "variant_b", "variant_c", "variant_d", *(f"step_{n}_template" for n in (1, 2, 3)))

    def __init__(self, *args, team=None, **kwargs):
        super().__init__(*args, **kwargs)
        active = MessageTemplate.objects.for_team(team).filter(is_active=True)
        for name in self.TEMPLATE_FIELDS:
            self.fields[name].queryset = active
        numbers = Campaign._meta.get_field("sender_number").related_model  # messaging sits above campaigns
        self.fields["sender_number"].queryset = numbers.objects.filter(team=team, status=numbers.Status.ACTIVE)
        self.fields["scheduled_zone"].initial = settings.TIME_ZONE if settings.TIME_ZONE in dict(SCHEDULE_ZONES) else ""

    @classmethod
    def initial_for(cls, campaign: Campaign) -> dict:
        """Return the form's initial values for an existing campaign."""
        initial = {
            "name": campaign.name, "template": campaign.template_id, "block_size": campaign.block_size,
            "allow_partial_block": campaign.allow_partial_block, "sender_name": campaign.sender_name,
            "sender_number": campaign.sender_number_id,
            **{k: campaign.criteria.get(k) for k in ("min_score", "tag", "state")},
        }  # fmt: skip
        for label, template in campaign.variant_templates()[1:]:
            initial[f"variant_{label.lower()}"] = template.pk
        for step in campaign.steps.all():
            initial[f"step_{step.number}_days"] = step.delay_days
            initial[f"step_{step.number}_template"] = step.template_id
        if campaign.scheduled_at:
            zone = settings.TIME_ZONE if settings.TIME_ZONE in dict(SCHEDULE_ZONES) else "UTC"
            local = campaign.scheduled_at.astimezone(ZoneInfo(zone))
            initial.update(scheduled_date=local.date(), scheduled_time=local.time(), scheduled_zone=zone)
        return initial

    def clean(self):
        cleaned = super().clean()
        day, at = cleaned.get("scheduled_date"), cleaned.get("scheduled_time")
        if bool(day) != bool(at):
            self.add_error("scheduled_time" if day else "scheduled_date", "Give both the day and the time, or neither.")
        for n in range(1, CampaignStep.MAX + 1):
            days, template = cleaned.get(f"step_{n}_days"), cleaned.get(f"step_{n}_template")
            if bool(days) != bool(template):
                self.add_error(f"step_{n}_template" if days else f"step_{n}_days", "Give both the days and the text.")
        return cleaned

    def step_fields(self):
        return [(self[f"step_{n}_days"], self[f"step_{n}_template"]) for n in range(1, CampaignStep.MAX + 1)]

    def criteria(self) -> dict:
        return {k: self.cleaned_data.get(k) for k in ("min_score", "tag", "state") if self.cleaned_data.get(k)}

    def scheduled_at(self):
        day, at = self.cleaned_data.get("scheduled_date"), self.cleaned_data.get("scheduled_time")
        if not (day and at):
            return None
        return datetime.combine(day, at, tzinfo=ZoneInfo(self.cleaned_data.get("scheduled_zone") or "UTC"))

    def variants(self) -> list:
        return [self.cleaned_data.get(f"variant_{x}") for x in "bcd" if self.cleaned_data.get(f"variant_{x}")]

    def steps(self) -> list:
        data = self.cleaned_data
        pairs = [(data.get(f"step_{n}_days"), data.get(f"step_{n}_template")) for n in (1, 2, 3)]
        return [(days, template) for days, template in pairs if days and template]

    def service_values(self) -> dict:
        """Return the keyword arguments of ``campaign_create`` / ``campaign_update``."""
        data = self.cleaned_data
        return {
            "name": data["name"], "template": data["template"], "criteria": self.criteria(),
            "block_size": data["block_size"], "allow_partial_block": data["allow_partial_block"],
            "sender_name": data["sender_name"], "sender_number": data.get("sender_number"),
            "scheduled_at": self.scheduled_at(), "variants": self.variants(),
            "steps": self.steps(),
        }  # fmt: skip


class NoteForm(forms.Form):
    note = forms.CharField(required=False, max_length=2000, widget=forms.TextInput(attrs={"size": 50}))


class CampaignFilterForm(forms.Form):
    """The API's campaign list filter."""

    status = forms.ChoiceField(required=False, choices=[("", "any"), *Campaign.Status.choices])


class CampaignLeadFilterForm(forms.Form):
    """The API's filter of a campaign's leads."""

    status = forms.ChoiceField(required=False, choices=[("", "any"), *CampaignLead.Status.choices])
