"""Stages 8-12: replies that arrive by webhook become inbox items; they are classified, prioritized,
drafted for by the copilot workers, worked by operators and closed with a disposition."""

from django.conf import settings
from django.db import models

from campaigns.models import Campaign
from identity.models import Persona
from leads.models import Lead
from messaging.models import Message
from usdatabiz.core.ids import PrefixedULIDField
from usdatabiz.core.models import Team, TeamScoped


class WebhookEvent(models.Model):
    """Every provider event as it arrived (a webhook call, or a record read back from the provider's event log),
    before any team is known: a system record, for admins. Staff see their teams' events; events that reached no
    team (a number no team owns, a rejected call) only superusers.

    States: received -> processed | duplicate | rejected | unmatched | failed.

    After the answer, processing is retried until it ends (``inbox.services.retry``): ``retry_at`` says when the
    ``retry stored events`` schedule may send a ``received`` or ``failed`` event to a worker again (the task lost,
    the worker killed past its lease, or the backoff after a failure), unless its task still waits in the realtime
    queue (then ``REALTIME_LANE_WAITING`` until a worker takes it); ``process_attempts`` counts the workers that
    started on it (an early delivery report's count starts again when its text is found). Empty ``retry_at`` on a
    ``failed`` event that was attempted: given up (``WEBHOOK_FAILURE``).

    Exactly once: a delivery is stored once whatever the concurrency, by unique constraints on the provider's
    delivery id (the same on every retry) and on the digest of what was signed (a captured request re-sent with
    another delivery id); the provider's message id is unique on the inbound ``Message``. A call that failed is
    recorded without these keys, so the provider's retry is processed afresh.
    """

    class Status(models.TextChoices):
        RECEIVED = "received", "Received"
        PROCESSED = "processed", "Processed"
        DUPLICATE = "duplicate", "Duplicate"
        REJECTED = "rejected", "Rejected (signature or payload)"
        UNMATCHED = "unmatched", "No team or lead matched"
        FAILED = "failed", "Failed (provider retries)"

    class ComplianceAction(models.TextChoices):
        SUPPRESSED = "suppressed", "STOP: suppressed before the answer"
        HELP = "help", "HELP: answered after"
        LIFTED = "lifted", "START: suppression lifted before the answer"
        HELD = "held", "Unclear revocation: number held for a person before the answer"

    class Source(models.TextChoices):
        WEBHOOK = "webhook", "Webhook call"
        RECONCILE = "reconcile", "Read back from the provider's event log"

    id = PrefixedULIDField(prefix="whk")
    provider = models.CharField(max_length=16, default="signalhouse")
    source = models.CharField(max_length=12, choices=Source.choices, default=Source.WEBHOOK)
    delivery_id = models.CharField(max_length=64, null=True, blank=True)
    digest = models.CharField(
        max_length=64, null=True, blank=True, help_text="SHA-256 of what was signed (timestamp and body)"
    )
    event = models.CharField(max_length=40, blank=True)
    identifier = models.CharField(max_length=64, blank=True, help_text="The provider's message id")
    to_number = models.CharField(max_length=20, blank=True, help_text="The number that was texted (inbound)")
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.RECEIVED)
    error_code = models.CharField(max_length=40, blank=True)
    detail = models.TextField(blank=True)
    raw_body = models.TextField(blank=True)
    processing_ms = models.PositiveIntegerField(null=True, blank=True)
    compliance_action = models.CharField(
        max_length=12, choices=ComplianceAction.choices, blank=True, help_text="What a keyword did before the answer"
    )
    attempts = models.PositiveIntegerField(default=1, help_text="Deliveries of it (the provider's retries)")
    process_attempts = models.PositiveIntegerField(default=0, help_text="Workers that started processing it")
    retry_at = models.DateTimeField(
        null=True, blank=True, help_text="When the schedule may process it again (empty: done, or given up)"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "created_at"], name="whk_status_created_idx"),
            models.Index(fields=["team", "created_at"], name="whk_team_created_idx"),
            # the schedule's read: only events still to process are in it
            models.Index(fields=["retry_at"], condition=models.Q(retry_at__isnull=False), name="whk_retry_due_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "delivery_id"],
                condition=models.Q(delivery_id__isnull=False),
                name="webhookevent_delivery_once",
            ),
            models.UniqueConstraint(
                fields=["provider", "digest"], condition=models.Q(digest__isnull=False), name="webhookevent_digest_once"
            ),
        ]

    def __str__(self):
        return f"{self.pk} {self.event} ({self.status})"


class ReconcileCursor(models.Model):
    """How far one provider account's event log (SignalHouse ``GET /notification``) has been read back: the
    platform's account (no team) or a team's own. A system record."""

    id = PrefixedULIDField(prefix="rcur")
    provider = models.CharField(max_length=16)
    account = models.CharField(max_length=80, help_text="The provider's group (account) id")
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    last_event_ms = models.BigIntegerField(null=True, blank=True, help_text="Newest event seen (provider time)")
    last_run_at = models.DateTimeField(null=True, blank=True)
    last_stored = models.PositiveIntegerField(default=0, help_text="Events the last run stored (not seen before)")
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["provider", "account"], name="reconcilecursor_one_per_account"),
        ]

    def __str__(self):
        return f"{self.provider} {self.account}"


class Conversation(TeamScoped):
    """One thread between a team and one contact number: every text in or out joins the contact's open conversation
    with that team; after it is closed, the next text starts a new one.

    Status diagram (applied only by ``core.transitions.transition`` from ``inbox.services.conversations``)::

        open (waits on us) --reply approved or sent--> waiting (on them) --new inbound--> open
          |  \\--snooze--> snoozed --time passes or new inbound--> open
          \\--close (a person, or the system on STOP / wrong number / hostile)--> closed --reopen--> open

    The conversation holds the intent (computed from its latest message in context), the one worker that owns it,
    and at most one pending draft, only while it waits on us.
    """

    class Status(models.TextChoices):
        OPEN = "open", "Open (waits on us)"
        WAITING = "waiting", "Waiting on them"
        SNOOZED = "snoozed", "Snoozed"
        CLOSED = "closed", "Closed"

    class DraftStatus(models.TextChoices):
        NONE = "", "No draft"
        PENDING = "pending", "Awaiting approval"
        APPROVED = "approved", "Approved as drafted"
        EDITED = "edited", "Approved after editing"
        REJECTED = "rejected", "Rejected"
        SET_ASIDE = "set_aside", "Set aside"

    TRANSITIONS = {
        Status.OPEN: {Status.WAITING, Status.SNOOZED, Status.CLOSED},
        Status.WAITING: {Status.OPEN, Status.SNOOZED, Status.CLOSED},
        Status.SNOOZED: {Status.OPEN, Status.WAITING, Status.CLOSED},
        Status.CLOSED: {Status.OPEN},
    }

    id = PrefixedULIDField(prefix="cnv")
    contact_number = models.CharField(max_length=10, help_text="The contact's number (10 digits)")
    sender_number = models.CharField(max_length=10, blank=True, help_text="Our number the contact texts with")
    persona = models.ForeignKey(Persona, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    lead = models.ForeignKey(Lead, null=True, blank=True, on_delete=models.SET_NULL, related_name="conversations")
    campaign = models.ForeignKey(Campaign, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    intent = models.CharField(max_length=20, blank=True, help_text="The conversation's classification, in context")
    intent_confidence = models.FloatField(null=True, blank=True)
    priority = models.CharField(max_length=8, blank=True)
    priority_score = models.PositiveSmallIntegerField(null=True, blank=True)
    worker = models.CharField(max_length=16, blank=True, help_text="The one copilot worker that owns it")
    worker_intent = models.CharField(max_length=20, blank=True, help_text="The intent the worker was routed for")
    disposition = models.CharField(max_length=20, blank=True)
    last_inbound_at = models.DateTimeField(null=True, blank=True)
    last_outbound_at = models.DateTimeField(null=True, blank=True)
    last_message_at = models.DateTimeField(null=True, blank=True)
    last_text = models.CharField(max_length=160, blank=True, help_text="The latest text, for the list")
    unread = models.PositiveIntegerField(default=0, help_text="Inbound texts nobody has opened yet")
    snoozed_until = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    latest_item = models.ForeignKey(
        "InboxItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_constraint=False
    )
    draft_text = models.TextField(blank=True)
    draft_worker = models.CharField(max_length=16, blank=True)
    draft_status = models.CharField(max_length=10, choices=DraftStatus.choices, blank=True, default="")
    draft_item = models.ForeignKey(
        "InboxItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_constraint=False
    )
    correlation_id = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["-last_message_at", "-id"]
        indexes = [
            models.Index(fields=["team", "status", "-last_message_at", "-id"], name="cnv_team_status_last_idx"),
            models.Index(fields=["team", "-last_message_at", "-id"], name="cnv_team_last_idx"),
            models.Index(fields=["team", "assignee", "-last_message_at", "-id"], name="cnv_team_assignee_idx"),
            # keyset pages of "Mine" and "Unassigned" (open and assigned to one person / to no one)
            models.Index(
                fields=["team", "status", "assignee", "-last_message_at", "-id"], name="cnv_team_status_assignee_idx"
            ),
            # the unread count reads only the conversations that have unread texts (few: operators open them)
            models.Index(fields=["team", "status"], condition=models.Q(unread__gt=0), name="cnv_team_unread_idx"),
            models.Index(fields=["team", "contact_number"], name="cnv_team_number_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "contact_number"],
                condition=~models.Q(status="closed"),
                name="conversation_one_open_per_contact",
            ),
        ]

    def __str__(self):
        return f"{self.contact_number} ({self.status})"

    @property
    def draft(self) -> dict | None:
        """The pending draft as ``{text, worker, status}``, or None."""
        if self.draft_status != self.DraftStatus.PENDING or not self.draft_text:
            return None
        return {"text": self.draft_text, "worker": self.draft_worker, "status": self.draft_status}


class ConversationMessage(models.Model):
    """A text (in or out) in a conversation: each message joins exactly one conversation."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="links")
    message = models.OneToOneField(Message, on_delete=models.CASCADE, related_name="conversation_link")
    created_at = models.DateTimeField(db_index=False)

    class Meta:
        indexes = [models.Index(fields=["conversation", "created_at"], name="cnvmsg_conversation_at_idx")]

    def __str__(self):
        return f"{self.conversation_id}: {self.message_id}"


class ConversationEvent(TeamScoped):
    """Something that happened to a conversation besides its status: a note, an assignment, a snooze, an intent
    kept or changed (with why), a re-routing, a draft set aside. Status changes are ``core.StateTransition`` rows."""

    id = PrefixedULIDField(prefix="cev")
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=40)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor_label = models.CharField(max_length=60)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["conversation", "created_at"], name="cev_conversation_created_idx")]

    def __str__(self):
        return f"{self.conversation_id}: {self.action} by {self.actor_label}"


class SavedReply(TeamScoped):
    """A team's reusable answer; ``{first_name}``, ``{company}``, ``{sender_name}``, ``{team}`` are filled in."""

    id = PrefixedULIDField(prefix="srp")
    title = models.CharField(max_length=80)
    text = models.TextField()

    class Meta:
        ordering = ["title"]
        constraints = [models.UniqueConstraint(fields=["team", "title"], name="savedreply_team_title_unique")]

    def __str__(self):
        return self.title


class InboxSettings(TeamScoped):
    """A team's workspace settings: round-robin assignment of new conversations among its operators."""

    id = PrefixedULIDField(prefix="ibs")
    round_robin = models.BooleanField(default=False, help_text="Give each new conversation to the next operator")
    time_zone = models.CharField(max_length=64, default="America/New_York", help_text="The team's time zone")
    last_assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name_plural = "inbox settings"
        constraints = [models.UniqueConstraint(fields=["team"], name="inboxsettings_one_per_team")]

    def __str__(self):
        return f"inbox settings of {self.team_id}"


class OperatorSettings(models.Model):
    """A person's own settings: the time zone the console shows times in (empty: the team's)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="operator_settings")
    time_zone = models.CharField(max_length=64, blank=True, help_text="IANA name, e.g. America/Chicago")

    class Meta:
        verbose_name_plural = "operator settings"

    def __str__(self):
        return f"{self.user}: {self.time_zone or 'team time zone'}"


class InboxItem(TeamScoped):
    """One inbound reply to work, with everything stages 9-12 add to it.

    Status diagram (applied only by ``inbox.services``)::

        new --classified/prioritized--> open --copilot drafted--> open --operator closes--> processed
          \\                                                           \\--reopen--> open
           \\--opt-out / wrong number: closed at once by the system--> processed
          new --a late text (sent before the contact's newest, delivered after it): kept as history--> processed
    """

    class Status(models.TextChoices):
        NEW = "new", "New"
        OPEN = "open", "Open"
        PROCESSED = "processed", "Processed"

    class Priority(models.TextChoices):
        HOT = "hot", "Hot"
        WARM = "warm", "Warm"
        COLD = "cold", "Cold"

    class Bucket(models.TextChoices):
        REPLY = "reply", "Needs a reply"
        CALL = "call", "Call queue"
        REVIEW = "review", "Needs review (unmatched or unsure)"
        DONE = "done", "Done"

    class SuggestionStatus(models.TextChoices):
        NONE = "", "No suggestion"
        PENDING = "pending", "Awaiting approval"
        APPROVED = "approved", "Approved as drafted"
        EDITED = "edited", "Approved after editing"
        REJECTED = "rejected", "Rejected"
        SET_ASIDE = "set_aside", "Set aside (a newer draft, an answer in own words, or closed)"

    id = PrefixedULIDField(prefix="ibx")
    message = models.OneToOneField(Message, on_delete=models.PROTECT, related_name="inbox_item")
    conversation = models.ForeignKey(
        Conversation, null=True, blank=True, on_delete=models.SET_NULL, related_name="items"
    )
    lead = models.ForeignKey(Lead, null=True, blank=True, on_delete=models.SET_NULL, related_name="inbox_items")
    persona = models.ForeignKey(Persona, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    campaign = models.ForeignKey(Campaign, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    phone_number = models.CharField(max_length=10)
    response_text = models.TextField()
    external_id = models.CharField(max_length=64, blank=True)
    correlation_id = models.CharField(max_length=40, blank=True)
    received_at = models.DateTimeField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NEW)
    bucket = models.CharField(max_length=8, choices=Bucket.choices, default=Bucket.REVIEW)
    # stage 9
    classification = models.CharField(max_length=20, blank=True)
    classification_confidence = models.FloatField(null=True, blank=True)
    extracted = models.JSONField(default=dict, blank=True)
    classification_rules = models.JSONField(default=list, blank=True)
    classified_at = models.DateTimeField(null=True, blank=True)
    # stage 10
    priority_score = models.PositiveSmallIntegerField(null=True, blank=True)
    priority = models.CharField(max_length=8, choices=Priority.choices, blank=True)
    priority_breakdown = models.JSONField(default=dict, blank=True)
    prioritized_at = models.DateTimeField(null=True, blank=True)
    # stage 11
    suggested_action = models.CharField(max_length=20, blank=True)
    suggested_text = models.TextField(blank=True)
    ai_notes = models.TextField(blank=True)
    assigned_sdr_id = models.CharField(
        max_length=16, blank=True, help_text="The copilot worker: GIANNA, CATHY, SABRINA"
    )
    suggestion_engine = models.CharField(max_length=8, blank=True)
    suggestion_status = models.CharField(
        max_length=10, choices=SuggestionStatus.choices, default=SuggestionStatus.NONE, blank=True
    )
    suggested_at = models.DateTimeField(null=True, blank=True)
    suggestion_ms = models.PositiveIntegerField(null=True, blank=True)
    # stage 12
    processed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    processed_at = models.DateTimeField(null=True, blank=True)
    disposition = models.CharField(max_length=20, blank=True, help_text="The lead's close reason")
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-priority_score", "-received_at"]
        indexes = [
            models.Index(fields=["team", "status", "bucket"], name="ibx_team_status_bucket_idx"),
            models.Index(fields=["team", "priority_score"], name="ibx_team_priority_idx"),
            models.Index(fields=["team", "phone_number"], name="ibx_team_number_idx"),
        ]

    def __str__(self):
        return f"{self.phone_number}: {self.response_text[:40]}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("inbox:item-detail", args=[self.pk])


class InboxEvent(TeamScoped):
    """An audit row for each change a person or the system makes to an inbox item."""

    id = PrefixedULIDField(prefix="iev")
    item = models.ForeignKey(InboxItem, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=40)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor_label = models.CharField(max_length=60)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["item", "created_at"], name="iev_item_created_idx")]

    def __str__(self):
        return f"{self.item_id}: {self.action} by {self.actor_label}"


class CallQueueEntry(TeamScoped):
    """A person to call, in priority order, with the worker (and operator) it is routed to."""

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting"
        DONE = "done", "Done"
        REMOVED = "removed", "Removed"

    id = PrefixedULIDField(prefix="cq")
    item = models.OneToOneField(InboxItem, on_delete=models.CASCADE, related_name="call_entry")
    lead = models.ForeignKey(Lead, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    phone_number = models.CharField(max_length=10)
    priority = models.PositiveSmallIntegerField()
    assigned_worker = models.CharField(max_length=16)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.WAITING)
    attempts = models.PositiveSmallIntegerField(default=0, help_text="Calls that did not reach the person")
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    callback_at = models.DateTimeField(null=True, blank=True, help_text="When the person asked to be called")
    correlation_id = models.CharField(max_length=40, blank=True)
    removed_reason = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["-priority", "created_at"]
        verbose_name_plural = "call queue entries"
        indexes = [models.Index(fields=["team", "status", "priority"], name="cq_team_status_priority_idx")]

    def __str__(self):
        return f"{self.phone_number} ({self.priority}, {self.assigned_worker})"


class ClassificationCorrection(TeamScoped):
    """An operator's reclassification of a reply (``MISCLASSIFICATION``): the text and both labels, kept so
    the labelled corpus can grow from real use (``manage.py export_corrections``)."""

    id = PrefixedULIDField(prefix="cor")
    inbox_item = models.ForeignKey(
        InboxItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="corrections", db_constraint=False
    )
    text = models.TextField()
    predicted = models.CharField(max_length=24, help_text="What the classifier said")
    corrected = models.CharField(max_length=24, help_text="What the operator said it is")
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["team", "created_at"], name="correction_team_created_idx")]

    def __str__(self):
        return f"{self.predicted} -> {self.corrected}: {self.text[:40]}"
