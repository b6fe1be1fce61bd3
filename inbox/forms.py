from django import forms

from .classification import Classification
from .dispositions import DISPOSITIONS
from .models import Conversation, InboxItem
from .selectors import CONVERSATION_BUCKETS


class InboxFilterForm(forms.Form):
    q = forms.CharField(
        required=False, max_length=80, label="Search",
        help_text="A number (4+ digits) or words of the name, business or reply",
    )  # fmt: skip
    bucket = forms.ChoiceField(required=False, choices=[("", "any"), *InboxItem.Bucket.choices])
    priority = forms.ChoiceField(required=False, choices=[("", "any"), *InboxItem.Priority.choices])
    classification = forms.ChoiceField(
        required=False, choices=[("", "any")] + [(c.value, c.value) for c in Classification]
    )
    status = forms.ChoiceField(required=False, choices=[("", "any"), *InboxItem.Status.choices])


class ConversationFilterForm(forms.Form):
    """The API's conversation list filters."""

    status = forms.ChoiceField(required=False, choices=[("", "any"), *Conversation.Status.choices])
    assignee = forms.CharField(required=False, max_length=150, help_text='A username, "me", or "none" (unassigned)')
    intent = forms.CharField(required=False, max_length=40)
    contact_number = forms.CharField(required=False, max_length=20, help_text="The contact's number (10 digits)")
    bucket = forms.ChoiceField(required=False, choices=[("", "all"), *CONVERSATION_BUCKETS.items()])
    campaign = forms.CharField(required=False, max_length=40)
    q = forms.CharField(
        required=False, max_length=80, help_text="A number (4+ digits) or words of the name, business or texts"
    )


class ReplyForm(forms.Form):
    text = forms.CharField(
        max_length=640, widget=forms.Textarea(attrs={"rows": 3, "cols": 70, "data-testid": "reply-text"})
    )
    from_suggestion = forms.BooleanField(required=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(max_length=500)


class ReclassifyForm(forms.Form):
    classification = forms.ChoiceField(choices=[(c.value, c.value) for c in Classification])


class MoveForm(forms.Form):
    bucket = forms.ChoiceField(choices=[(b, label) for b, label in InboxItem.Bucket.choices if b != "done"])


class CloseForm(forms.Form):
    disposition = forms.ChoiceField(
        choices=[("", "choose…")] + [(d, d.replace("_", " ")) for d in DISPOSITIONS], required=False
    )
    notes = forms.CharField(required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 2, "cols": 60}))


class SimulateReplyForm(forms.Form):
    from_number = forms.CharField(max_length=20, help_text="The number that replies (one you texted)")
    text = forms.CharField(max_length=640)
