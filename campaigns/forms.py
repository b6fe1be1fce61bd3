from django import forms

from .models import LeadBlock, MessageTemplate


class MessageTemplateForm(forms.ModelForm):
    class Meta:
        model = MessageTemplate
        fields = ["name", "body", "worker", "is_active"]
        widgets = {"body": forms.Textarea(attrs={"rows": 4, "cols": 70, "data-testid": "template-body"})}


class CampaignForm(forms.Form):
    name = forms.CharField(max_length=160)
    template = forms.ModelChoiceField(queryset=MessageTemplate.objects.none(), required=False)
    min_score = forms.IntegerField(required=False, min_value=0, max_value=100)
    tag = forms.CharField(required=False, max_length=80)
    state = forms.CharField(required=False, max_length=2)
    block_size = forms.IntegerField(min_value=1, max_value=LeadBlock.SIZE, initial=LeadBlock.SIZE)
    allow_partial_block = forms.BooleanField(
        required=False, help_text="Stage with fewer leads than the block size when not enough qualify"
    )
    sender_name = forms.CharField(required=False, max_length=60, help_text="Fills {sender_name}")

    def __init__(self, *args, team=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = MessageTemplate.objects.for_team(team).filter(is_active=True)

    def criteria(self) -> dict:
        return {k: self.cleaned_data.get(k) for k in ("min_score", "tag", "state") if self.cleaned_data.get(k)}


class NoteForm(forms.Form):
    note = forms.CharField(required=False, max_length=2000, widget=forms.TextInput(attrs={"size": 50}))
