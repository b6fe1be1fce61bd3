"""Stage 7 and delivery: messages in and out, the team's sending settings and its suppression list."""

from django.conf import settings
from django.db import models

from campaigns.models import Campaign, CampaignLead
from identity.models import Persona
from leads.models import Lead
from usdatabiz.core.ids import PrefixedULIDField
from usdatabiz.core.models import LeasedWork, StageRun, TeamScoped


class MessagingSettings(TeamScoped):
    """How a team sends: the name it signs compliance replies with, its hours and pace (its numbers are
    ``SenderNumber`` rows)."""

    id = PrefixedULIDField(prefix="mset")
    brand_name = models.CharField(max_length=60, blank=True, help_text="Named in STOP and HELP replies")
    help_contact = models.CharField(max_length=120, blank=True, help_text="Support contact given in the HELP reply")
    quiet_start_hour = models.PositiveSmallIntegerField(default=8, help_text="First local hour a text may go out")
    quiet_end_hour = models.PositiveSmallIntegerField(default=21, help_text="Texts stop at this local hour")
    state_windows = models.JSONField(
        default=dict, blank=True, help_text='Stricter windows by state, e.g. {"FL": [8, 20]}'
    )
    sends_per_minute = models.PositiveIntegerField(default=60, help_text="Pace of campaign sends")

    class Meta:
        verbose_name_plural = "messaging settings"
        constraints = [models.UniqueConstraint(fields=["team"], name="messagingsettings_team_unique")]

    def __str__(self):
        return f"messaging settings of {self.team}"

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        if not 0 <= self.quiet_start_hour < self.quiet_end_hour <= 24:
            errors["quiet_end_hour"] = "The window must open before it closes, within 0-24."
        windows = self.state_windows if isinstance(self.state_windows, dict) else None
        if windows is None:
            errors["state_windows"] = 'Give an object such as {"FL": [8, 20]}.'
        else:
            for state, window in windows.items():
                ok = (
                    isinstance(state, str)
                    and len(state) == 2
                    and isinstance(window, list | tuple)
                    and len(window) == 2
                    and all(isinstance(h, int) and not isinstance(h, bool) for h in window)
                    and 0 <= window[0] < window[1] <= 24
                )
                if not ok:
                    errors["state_windows"] = f"{state!r}: use a 2-letter state and [start hour, end hour]."
                    break
        if errors:
            raise ValidationError(errors)


class SenderNumber(TeamScoped):
    """A number a team texts from. A number belongs to one team only (whatever its status), so a reply to it
    reaches that team and no other.

    Status diagram (applied only by ``messaging.services.sender_number_transition``)::

        pending --activate--> active --retire--> retired --activate--> active
           \\--retire--> retired

    Only ``active`` numbers send; a reply to a pending or retired number still reaches the team that holds it.
    """

    class Status(models.TextChoices):
        ACTIVE = "active", "Active (texts go out from it)"
        PENDING = "pending", "Pending (10DLC registration not done yet)"
        RETIRED = "retired", "Retired (no longer sends)"

    TRANSITIONS = {
        Status.PENDING: {Status.ACTIVE, Status.RETIRED},
        Status.ACTIVE: {Status.RETIRED},
        Status.RETIRED: {Status.ACTIVE},
    }

    id = PrefixedULIDField(prefix="num")
    number = models.CharField(max_length=10, help_text="10 digits, e.g. 5125550101")
    provider = models.CharField(max_length=16, help_text="The SMS provider the number is with")
    label = models.CharField(max_length=80, blank=True, help_text="What the team calls it, e.g. 'Austin line'")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    campaign_id_10dlc = models.CharField(
        "10DLC campaign id", max_length=40, blank=True, help_text="The carrier campaign the number is registered to"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["status", "number"]
        constraints = [models.UniqueConstraint(fields=["number"], name="sendernumber_one_team_per_number")]
        indexes = [models.Index(fields=["team", "status"], name="num_team_status_idx")]

    def __str__(self):
        return f"{self.number}{' (' + self.label + ')' if self.label else ''}"

    @property
    def formatted(self) -> str:
        n = self.number
        return f"({n[:3]}) {n[3:6]}-{n[6:]}" if len(n) == 10 else n


class ContactSender(TeamScoped):
    """Which of the team's numbers a contact hears from: one per contact number and team, so a person always
    hears from the same number of the team while it is active (chosen when the team first texts them)."""

    id = PrefixedULIDField(prefix="cs")
    contact_number = models.CharField(max_length=10)
    sender = models.ForeignKey(SenderNumber, on_delete=models.CASCADE, related_name="contacts")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["team", "contact_number"], name="contactsender_one_per_contact")]
        indexes = [models.Index(fields=["sender"], name="cs_sender_idx")]

    def __str__(self):
        return f"{self.contact_number} hears from {self.sender_id}"


class ProviderWebhook(TeamScoped):
    """The team's signed webhook as registered with its SMS provider (the signing secret itself is a
    ``TeamCredential``), and how far the team's event log has been read back."""

    id = PrefixedULIDField(prefix="pwh")
    provider = models.CharField(max_length=16)
    group_id = models.CharField(max_length=80, blank=True, help_text="The provider's group (account) id")
    webhook_id = models.CharField(max_length=80, blank=True)
    url = models.URLField(max_length=500, blank=True)
    events = models.JSONField(default=list, blank=True)
    registered_at = models.DateTimeField(null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rotated_at = models.DateTimeField(null=True, blank=True)
    previous_secret_expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["team", "provider"], name="providerwebhook_one_per_provider")]

    def __str__(self):
        return f"{self.provider} webhook {self.webhook_id or '(not registered)'}"


class Suppression(TeamScoped):
    """A number the team must not text. Kept when lifted (START), so the history stays readable."""

    class Reason(models.TextChoices):
        OPT_OUT = "opt_out", "Opted out (STOP or a request to stop)"
        PROVIDER = "provider", "Opted out at the provider"
        DNC = "dnc", "On a do-not-call list"
        MANUAL = "manual", "Added by a person"
        NOT_TEXTABLE = "not_textable", "The number does not accept texts (its auto-reply said so)"

    id = PrefixedULIDField(prefix="sup")
    phone_number = models.CharField(max_length=10)
    reason = models.CharField(max_length=16, choices=Reason.choices)
    source_message = models.ForeignKey(
        "Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_constraint=False
    )
    note = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_reason = models.CharField(max_length=120, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "phone_number"],
                condition=models.Q(lifted_at__isnull=True),
                name="suppression_one_active_per_number",
            )
        ]
        indexes = [models.Index(fields=["team", "phone_number"], name="sup_team_number_idx")]

    def __str__(self):
        return f"{self.phone_number} ({self.reason}{', lifted' if self.lifted_at else ''})"

    @property
    def is_active(self) -> bool:
        return self.lifted_at is None


class ConsentMark(TeamScoped):
    """The newest consent message applied for a team and number: the provider's time and id of the last STOP or
    START honoured (or the moment a person decided). A STOP or START older than it, or the same one delivered
    again, changes nothing: consent follows the newest message, whatever order the deliveries arrive in."""

    class Keyword(models.TextChoices):
        STOP = "stop", "Stop"
        START = "start", "Start"

    id = PrefixedULIDField(prefix="cns")
    phone_number = models.CharField(max_length=10)
    keyword = models.CharField(max_length=8, choices=Keyword.choices)
    event_at = models.DateTimeField(help_text="When the person sent it, by the provider's clock (or when decided)")
    identifier = models.CharField(max_length=64, blank=True, help_text="The provider's id of that message")

    class Meta:
        ordering = ["-event_at"]
        constraints = [
            models.UniqueConstraint(fields=["team", "phone_number"], name="consent_mark_one_per_number"),
        ]

    def __str__(self):
        return f"{self.phone_number}: {self.keyword} at {self.event_at:%Y-%m-%d %H:%M:%S}"


class Message(TeamScoped):
    """One SMS, out or in.

    Outbound states (applied only by ``core.transitions.transition`` from ``messaging.services``, each change with
    a ``StateTransition`` audit row)::

        queued --claim--> sending --provider accepted--> sent --report--> delivered
          |                 |   \\--provider refused / bad number / carrier report--> failed
          |                 |    \\--outcome unknown (timeout, crash)--> held --release--> sending
          |                 |                                              |--report--> sent, delivered, failed
          |                 |                                              |--drop--> failed
          |                 |                                              \\--check refused at release--> blocked
          |                 \\--rate limited / configuration refused (never reached the provider)--> queued
          \\--compliance check refused--> blocked

    ``delivered``, ``failed`` and ``blocked`` are final: the provider's lifecycle ends in DELIVERED or FAILED and
    its reports can arrive out of order, so state only moves forward. A report that would move a final message
    (a DELIVERED receipt after FAILED) changes nothing but is kept in ``metadata["lateReports"]``.
    Inbound messages are created ``received`` and never change.
    """

    class Direction(models.TextChoices):
        OUTBOUND = "outbound", "Outbound"
        INBOUND = "inbound", "Inbound"

    class Kind(models.TextChoices):
        CAMPAIGN = "campaign", "Campaign opener"
        REPLY = "reply", "Approved reply"
        COMPLIANCE = "compliance", "Compliance reply (STOP/HELP)"
        INBOUND = "inbound", "Inbound"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed"
        HELD = "held", "Held for review (outcome unknown)"
        BLOCKED = "blocked", "Blocked by a compliance check"
        RECEIVED = "received", "Received"

    TRANSITIONS = {
        Status.QUEUED: {Status.SENDING, Status.BLOCKED},
        Status.SENDING: {Status.SENT, Status.DELIVERED, Status.FAILED, Status.HELD, Status.QUEUED},
        Status.HELD: {Status.SENDING, Status.SENT, Status.DELIVERED, Status.FAILED, Status.BLOCKED},
        Status.SENT: {Status.DELIVERED, Status.FAILED},
        Status.DELIVERED: set(),
        Status.FAILED: set(),
        Status.BLOCKED: set(),
        Status.RECEIVED: set(),
    }
    FINAL = (Status.DELIVERED, Status.FAILED, Status.BLOCKED, Status.RECEIVED)

    id = PrefixedULIDField(prefix="msg")
    direction = models.CharField(max_length=8, choices=Direction.choices)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    status = models.CharField(max_length=12, choices=Status.choices)
    campaign = models.ForeignKey(Campaign, null=True, blank=True, on_delete=models.SET_NULL, related_name="messages")
    campaign_lead = models.ForeignKey(
        CampaignLead, null=True, blank=True, on_delete=models.SET_NULL, related_name="messages"
    )
    lead = models.ForeignKey(Lead, null=True, blank=True, on_delete=models.SET_NULL, related_name="messages")
    persona = models.ForeignKey(Persona, null=True, blank=True, on_delete=models.SET_NULL, related_name="messages")
    from_number = models.CharField(max_length=10)
    to_number = models.CharField(max_length=10)
    body = models.TextField()
    segments = models.PositiveSmallIntegerField(default=1)
    encoding = models.CharField(max_length=8, default="GSM-7")
    provider = models.CharField(max_length=16)
    external_id = models.CharField(max_length=64, blank=True, help_text="The provider's message id")
    idempotency_key = models.CharField(max_length=120, null=True, blank=True, unique=True)
    error_code = models.CharField(max_length=40, blank=True)
    error_detail = models.TextField(blank=True)
    metadata = models.JSONField(default=dict, blank=True, help_text="templateId, worker, campaignContext")
    correlation_id = models.CharField(max_length=40, blank=True)
    reply_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replies", db_constraint=False
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    sending_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField(null=True, blank=True)
    quiet_hours_basis = models.TextField(
        blank=True, help_text="The zones the quiet-hours check used at send time, and why (ZIP, state, area code)"
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["team", "status"], name="msg_team_status_idx"),
            models.Index(fields=["team", "to_number"], name="msg_team_to_idx"),
            # texts to a number over time (replies are routed within the team owning the number: inbox.routing)
            models.Index(fields=["to_number", "created_at"], name="msg_to_created_idx"),
            models.Index(fields=["team", "from_number"], name="msg_team_from_idx"),
            models.Index(fields=["external_id"], name="msg_external_idx"),
            models.Index(fields=["campaign", "status"], name="msg_campaign_status_idx"),
            models.Index(fields=["status", "sending_at"], name="msg_status_sending_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "external_id"],
                condition=models.Q(direction="inbound") & ~models.Q(external_id=""),
                name="message_inbound_once",
            )
        ]

    def __str__(self):
        arrow = "->" if self.direction == self.Direction.OUTBOUND else "<-"
        number = self.to_number if self.direction == self.Direction.OUTBOUND else self.from_number
        return f"{self.pk} {arrow} {number} ({self.status})"


class OptOutReview(TeamScoped):
    """A reply that may revoke consent but that the detector could not decide (``opt_out_decide`` said
    "uncertain"). While ``held``, no text goes to the number (send-time code ``OPT_OUT_REVIEW``); a person
    decides: ``opt_out`` suppresses the number, ``not_opt_out`` releases it."""

    class Status(models.TextChoices):
        HELD = "held", "Held: no text until a person decides"
        DECIDED = "decided", "Decided"

    class Decision(models.TextChoices):
        OPT_OUT = "opt_out", "Opt-out: suppress the number"
        NOT_OPT_OUT = "not_opt_out", "Not an opt-out: release the number"

    id = PrefixedULIDField(prefix="oor")
    phone_number = models.CharField(max_length=10)
    text = models.TextField(help_text="The reply that was not clear")
    reason = models.CharField(max_length=120, blank=True, help_text="Why the detector was not sure")
    source_message = models.ForeignKey(
        "Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_constraint=False
    )
    inbox_item = models.ForeignKey(
        "inbox.InboxItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_constraint=False
    )
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.HELD)
    decision = models.CharField(max_length=12, choices=Decision.choices, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["team", "status", "phone_number"], name="oor_team_status_number_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "phone_number"], condition=models.Q(status="held"), name="oor_one_held_per_number"
            )
        ]

    def __str__(self):
        return f"{self.phone_number} ({self.get_status_display()})"


class SendSlice(TeamScoped, LeasedWork):
    """One slice of a campaign's sending (up to ``SMS_SLICE_SIZE`` texts), held by one worker under a lease.

    A worker killed mid-slice loses its lease; the sweeper gives the slice to another worker within a minute,
    which goes on with the leads still pending (each text keeps its idempotency key, so nobody is texted
    twice; the one text caught in flight is held for a person to review). At most one slice of a campaign
    is pending or running at a time. States are those of ``LeasedWork``::

        pending --claim--> running --done--> done
        running --lease expired--> pending (another worker); failed after Q_MAX_ATTEMPTS (TASK_TIMEOUT)
    """

    LEASE_TASK = "messaging.tasks.send_slice_run_task"
    LEASE_STAGE = 7
    LEASE_SUBJECT = "campaign_id"  # stage-7 runs are the campaign's
    LEASE_GIVEN_UP = "messaging.services.send_slice_given_up"

    id = PrefixedULIDField(prefix="sls")
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="send_slices")
    due_at = models.DateTimeField(help_text="When the slice became due (approval, scheduled start, or enqueue)")
    run = models.ForeignKey(
        StageRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_constraint=False
    )
    counts = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign"],
                condition=models.Q(state__in=["pending", "running"]),
                name="sendslice_one_open_per_campaign",
            )
        ]
        indexes = [models.Index(fields=["state", "lease_expires_at"], name="sendslice_state_lease_idx")]

    def __str__(self):
        return f"{self.pk} of {self.campaign_id} ({self.state})"

    def runs_left_open(self):
        return StageRun.objects.filter(pk=self.run_id) if self.run_id else StageRun.objects.none()
