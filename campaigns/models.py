"""Stage 6 (LUCI + a person): message templates, 2,000-lead blocks, campaigns and the leads they hold."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from identity.models import Persona, PersonaPhone
from leads.models import Lead
from usdatabiz.core.ids import PrefixedULIDField, new_id
from usdatabiz.core.models import TeamScoped

MERGE_FIELD = re.compile(r"\{([a-z_]+)\}")
MERGE_FIELDS = {
    "first_name": "the person's first name",
    "last_name": "the person's last name",
    "company": "the business name (DBA when there is one)",
    "city": "the business city",
    "state": "the business state (2 letters)",
    "title": "the person's title at the business",
    "sender_name": "the name the team signs with",
}


def _any_case(word: str) -> str:
    return "".join(f"[{ch.upper()}{ch.lower()}]" for ch in word)


# Written with letter classes, not re.IGNORECASE, and with ASCII word boundaries, so that the schema's pattern
# means the same to an ECMAScript reader ("opt-out¼" says how to opt out to both).
OPT_OUT_HINT = re.compile(
    rf"\b(?:{_any_case('stop')}|{_any_case('opt')}[ -]?{_any_case('out')}|{_any_case('unsubscribe')})\b", re.ASCII
)
# What a template's text must be, as one pattern for the API schema: no merge field but the known ones, and a
# line that says how to opt out (``MessageTemplate.clean`` checks the same two rules, naming the one broken); and
# no NUL character, which no text field of the API takes.
TEMPLATE_BODY_PATTERN = (
    r"^(?![\s\S]*\u0000)(?![\s\S]*\{(?!(?:"
    + "|".join(MERGE_FIELDS)
    + r")\})[a-z_]+\})(?=[\s\S]*"
    + OPT_OUT_HINT.pattern
    + ")"
)


def new_correlation_id() -> str:
    """Return a fresh id that ties a campaign's block, leads, messages and replies together."""
    return new_id("cor")


class MessageTemplate(TeamScoped):
    """An opening text with merge fields (``{first_name}``, ``{company}`` ...), written by the team."""

    class Worker(models.TextChoices):
        GIANNA = "GIANNA", "GIANNA (opener)"
        CATHY = "CATHY", "CATHY (nudger)"
        SABRINA = "SABRINA", "SABRINA (closer)"

    id = PrefixedULIDField(prefix="tmpl")
    name = models.CharField(max_length=120)
    body = models.TextField(help_text="Merge fields: " + ", ".join(f"{{{name}}}" for name in MERGE_FIELDS))
    worker = models.CharField(
        max_length=16, choices=Worker.choices, default=Worker.GIANNA, help_text="The voice the text is written in"
    )
    is_active = models.BooleanField(default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["team", "is_active"], name="tmpl_team_active_idx")]

    def __str__(self):
        return self.name

    def clean(self):
        body = (self.body or "").strip()
        if not body:
            raise ValidationError({"body": "The text is empty."})
        unknown = sorted(set(MERGE_FIELD.findall(body)) - set(MERGE_FIELDS))
        if unknown:
            raise ValidationError(
                {
                    "body": f"Unknown merge field {{{unknown[0]}}}; use one of "
                    + ", ".join(f"{{{n}}}" for n in MERGE_FIELDS)
                }
            )
        if not OPT_OUT_HINT.search(body):
            raise ValidationError(
                {"body": 'An opening text must tell people how to opt out, e.g. "Reply STOP to opt out".'}
            )

    def merge_fields(self) -> list[str]:
        return sorted(set(MERGE_FIELD.findall(self.body or "")))

    def segment_info(self):
        """Encoding and SMS parts of the text as written (merge values change the length a little)."""
        from .segments import segment_info

        return segment_info(self.body or "")


class LeadBlock(TeamScoped):
    """Up to 2,000 leads with a textable mobile, formed by LUCI for one campaign: one per person and one per
    number (a number shared by two leads, or already in another open campaign of the team, is texted once). A number
    the send-time check would refuse (marked by another person, opted out, held for an opt-out review, not textable)
    is left out and counted under its code.

    States: forming -> formed | failed; formed -> released when its campaign is sent back or cancelled.
    """

    class Status(models.TextChoices):
        FORMING = "forming", "Forming"
        FORMED = "formed", "Formed"
        FAILED = "failed", "Failed"
        RELEASED = "released", "Released (campaign sent back or cancelled)"

    SIZE = 2000

    id = PrefixedULIDField(prefix="lb")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.FORMING)
    size_target = models.PositiveIntegerField(default=SIZE)
    criteria = models.JSONField(default=dict, blank=True, help_text="The lead filters the block was formed from")
    lead_count = models.PositiveIntegerField(default=0)
    candidates_seen = models.PositiveIntegerField(default=0)
    skipped_no_mobile = models.PositiveIntegerField(default=0)
    skipped_duplicate_number = models.PositiveIntegerField(
        default=0, help_text="Leads left out because their mobile is texted already (this block or another open one)"
    )
    skipped_marked_number = models.PositiveIntegerField(
        default=0,
        help_text="Leads left out because a person of the team marked their mobile do-not-call or do-not-contact",
    )
    skipped_opted_out = models.PositiveIntegerField(
        default=0, help_text="Leads left out because their mobile opted out of the team's texts (OPTED_OUT)"
    )
    skipped_opt_out_review = models.PositiveIntegerField(
        default=0,
        help_text="Leads left out because a reply from their mobile may be an opt-out, held for a person "
        "(OPT_OUT_REVIEW)",
    )
    skipped_not_textable = models.PositiveIntegerField(
        default=0, help_text="Leads left out because their mobile does not take texts (NOT_TEXTABLE)"
    )
    error_code = models.CharField(max_length=40, blank=True)
    error_message = models.TextField(blank=True)
    correlation_id = models.CharField(max_length=40, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["team", "status"], name="lb_team_status_idx")]

    def __str__(self):
        return f"{self.pk} ({self.lead_count} leads)"


class Campaign(TeamScoped):
    """An outreach to one block of leads with one template; nothing is sent before a person approves it.

    Status diagram (applied only by ``campaigns.services.campaign_transition``)::

        draft --stage (LUCI forms the block)--> staged --approve (a named person)--> approved
          ^                                      |                                     |
          +------------- reject ----------------+                                   launch
                                                                                       v
                           completed <-- (every lead handled) -- sending <--resume-- paused
                                                                    +------pause------->+
        draft | staged | approved | sending | paused --cancel--> cancelled

    A draft or staged campaign can be edited (editing what forms the block or what it says sends a staged one
    back to draft). Approval starts sending at ``scheduled_at`` when that is later. A campaign with follow-up
    steps (``CampaignStep``) stays ``sending`` until its last step has completed or been cancelled.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        STAGED = "staged", "Staged (awaiting approval)"
        APPROVED = "approved", "Approved"
        SENDING = "sending", "Sending"
        PAUSED = "paused", "Paused"
        COMPLETED = "completed", "Completed"
        CANCELLED = "cancelled", "Cancelled"

    TRANSITIONS = {
        Status.DRAFT: {Status.STAGED, Status.CANCELLED},
        Status.STAGED: {Status.APPROVED, Status.DRAFT, Status.CANCELLED},
        Status.APPROVED: {Status.SENDING, Status.CANCELLED},
        Status.SENDING: {Status.PAUSED, Status.COMPLETED, Status.CANCELLED},
        Status.PAUSED: {Status.SENDING, Status.CANCELLED},
        Status.COMPLETED: set(),
        Status.CANCELLED: set(),
    }
    OPEN = (Status.DRAFT, Status.STAGED, Status.APPROVED, Status.SENDING, Status.PAUSED)
    EDITABLE = (Status.DRAFT, Status.STAGED)
    MAX_VARIANTS = 4
    VARIANT_LABELS = ("A", "B", "C", "D")

    id = PrefixedULIDField(prefix="cmp")
    name = models.CharField(max_length=160)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    template = models.ForeignKey(MessageTemplate, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    lead_block = models.OneToOneField(
        LeadBlock, null=True, blank=True, on_delete=models.SET_NULL, related_name="campaign"
    )
    criteria = models.JSONField(
        default=dict, blank=True, help_text="Which leads LUCI may put in the block: min_score, tag, state"
    )
    block_size = models.PositiveIntegerField(default=LeadBlock.SIZE)
    allow_partial_block = models.BooleanField(
        default=False, help_text="Stage with fewer leads than the block size (INSUFFICIENT_LEADS is still recorded)"
    )
    sender_name = models.CharField(max_length=60, blank=True, help_text="Fills {sender_name}")
    # By name, not import: messaging sits above campaigns. Blank: the team's default rule (each contact keeps the
    # active number it heard from first, new contacts spread over the active numbers).
    sender_number = models.ForeignKey(
        "messaging.SenderNumber", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="The team's active number every text of this campaign leaves from (blank: the team's default rule)",
    )  # fmt: skip
    scheduled_at = models.DateTimeField(
        null=True, blank=True, help_text="Sending starts no earlier (each recipient's quiet hours still apply)"
    )
    correlation_id = models.CharField(max_length=40, db_index=True, default=new_correlation_id)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    staged_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status_note = models.TextField(blank=True, help_text="Why it was sent back, paused or cancelled")
    error_code = models.CharField(max_length=40, blank=True, help_text="The last staging failure, if any")
    error_message = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["team", "status"], name="cmp_team_status_idx")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("campaigns:campaign-detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE

    def clean(self):
        """A chosen sender number is one of the team's own (``SENDER_NUMBER_INVALID``), active while editable."""
        super().clean()
        number = self.sender_number if self.sender_number_id else None
        if number is None:
            return
        if number.team_id != self.team_id:
            raise ValidationError(
                {"sender_number": "That number is not one of the team's."}, code="SENDER_NUMBER_INVALID"
            )
        if self.is_editable and number.status != type(number).Status.ACTIVE:
            raise ValidationError(
                {"sender_number": f"{number.formatted} is {number.status}: choose an active number, or none."},
                code="SENDER_NUMBER_INVALID",
            )

    def variant_templates(self) -> list[tuple[str, "MessageTemplate"]]:
        """Return ``[(label, template), ...]``: A is the campaign's template, B-D its extra variants."""
        pairs = [("A", self.template)] if self.template_id else []
        pairs += [(v.label, v.template) for v in self.variants.select_related("template").order_by("label")]
        return pairs


class CampaignVariant(TeamScoped):
    """Another opening text tried on an even share of the block (A/B test); variant A is the campaign's template."""

    id = PrefixedULIDField(prefix="cvar")
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="variants")
    label = models.CharField(max_length=1, help_text="B, C or D (A is the campaign's own template)")
    template = models.ForeignKey(MessageTemplate, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["campaign", "label"]
        constraints = [models.UniqueConstraint(fields=["campaign", "label"], name="campaignvariant_one_per_label")]

    def __str__(self):
        return f"{self.campaign_id} variant {self.label}"


class CampaignStep(TeamScoped):
    """A follow-up: "if no reply after ``delay_days`` days, send ``template``". A campaign has up to 3.

    The batch of a step is formed when it is due (``delay_days`` after the previous step finished sending) from
    the people texted before who neither replied, opted out nor were closed; a named person approves it as the
    first one. Status diagram (applied only by ``campaigns.services.campaign_step_transition``)::

        planned --batch formed (due)--> staged --approve (a named person)--> sending --> completed
                                          |                                   (every follow-up handled)
        planned | staged | sending --cancel--> cancelled
    """

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned (waits for its day)"
        STAGED = "staged", "Staged (awaiting approval)"
        SENDING = "sending", "Sending"
        COMPLETED = "completed", "Completed"
        CANCELLED = "cancelled", "Cancelled"

    TRANSITIONS = {
        Status.PLANNED: {Status.STAGED, Status.COMPLETED, Status.CANCELLED},
        Status.STAGED: {Status.SENDING, Status.CANCELLED},
        Status.SENDING: {Status.COMPLETED, Status.CANCELLED},
        Status.COMPLETED: set(),
        Status.CANCELLED: set(),
    }
    MAX = 3

    id = PrefixedULIDField(prefix="cstep")
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="steps")
    number = models.PositiveSmallIntegerField(help_text="1, 2 or 3, in the order they are sent")
    delay_days = models.PositiveSmallIntegerField(help_text="Days without a reply after the previous text")
    template = models.ForeignKey(MessageTemplate, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PLANNED)
    lead_count = models.PositiveIntegerField(default=0, help_text="People in the batch when it was formed")
    staged_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["campaign", "number"]
        constraints = [models.UniqueConstraint(fields=["campaign", "number"], name="campaignstep_one_per_number")]
        indexes = [models.Index(fields=["team", "status"], name="cstep_team_status_idx")]

    def __str__(self):
        return f"step {self.number} of {self.campaign_id} ({self.status})"


class CampaignLead(TeamScoped):
    """A lead in a campaign at one step, with the mobile LUCI chose for it. One per person per campaign and step.

    Step 0 is the opener (its row is made when the block is formed, with the person's A/B variant and its
    template); a follow-up step's rows are made when its batch is formed and keep the person's variant.
    States: pending -> sent | skipped | failed (set by the send step of stage 7).
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        SENT = "sent", "Sent"
        SKIPPED = "skipped", "Skipped"
        FAILED = "failed", "Failed"

    id = PrefixedULIDField(prefix="cl")
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="campaign_leads")
    lead_block = models.ForeignKey(LeadBlock, on_delete=models.CASCADE, related_name="campaign_leads")
    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="campaign_links")
    persona = models.ForeignKey(Persona, on_delete=models.CASCADE, related_name="+")
    phone = models.ForeignKey(PersonaPhone, null=True, on_delete=models.SET_NULL, related_name="+", db_constraint=False)
    phone_number = models.CharField(max_length=10, help_text="The mobile chosen when the block was formed")
    step = models.PositiveSmallIntegerField(default=0, help_text="0: the opener; 1-3: a follow-up step")
    variant = models.CharField(max_length=1, default="A", help_text="The A/B variant the person was given")
    template = models.ForeignKey(
        MessageTemplate, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="The text this row is sent with (empty on rows made before variants: the campaign's template)",
    )  # fmt: skip
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    skip_code = models.CharField(max_length=40, blank=True)
    send_after = models.DateTimeField(
        null=True, blank=True, help_text="Not before this time (the recipient's quiet hours, a provider pause)"
    )
    correlation_id = models.CharField(max_length=40)

    class Meta:
        ordering = ["campaign", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "step", "persona"], name="campaignlead_one_per_person_step"),
            models.UniqueConstraint(fields=["campaign", "step", "lead"], name="campaignlead_one_per_lead_step"),
        ]
        indexes = [
            models.Index(fields=["campaign", "status"], name="cl_campaign_status_idx"),
            models.Index(fields=["team", "phone_number"], name="cl_team_number_idx"),
        ]

    def __str__(self):
        return f"{self.lead_id} in {self.campaign_id}" + (f" step {self.step}" if self.step else "")


class CampaignEvent(TeamScoped):
    """One state change of a campaign: who, from what, to what, and why (written with the change)."""

    id = PrefixedULIDField(prefix="cev")
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16)
    step = models.PositiveSmallIntegerField(null=True, blank=True, help_text="The follow-up step it concerns, if any")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor_label = models.CharField(max_length=60, help_text="The person's username, or LUCI / SYSTEM")
    note = models.TextField(blank=True)
    correlation_id = models.CharField(max_length=40)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["campaign", "created_at"], name="cev_campaign_created_idx")]

    def __str__(self):
        return f"{self.campaign_id}: {self.from_status or '-'} -> {self.to_status} by {self.actor_label}"
