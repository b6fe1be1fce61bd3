"""Teams, memberships, the team-scoped base model and the journey ledger."""

from django.conf import settings
from django.db import models

from .ids import PrefixedULIDField


class Team(models.Model):
    """A tenant: every record of the journey belongs to exactly one team."""

    id = PrefixedULIDField(prefix="team")
    slug = models.SlugField(max_length=64, unique=True)
    name = models.CharField(max_length=200)
    storage_quota_bytes = models.BigIntegerField(
        null=True, blank=True, help_text="Raw file storage allowed for this team; empty uses INGEST_TEAM_QUOTA_BYTES."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def effective_storage_quota(self) -> int:
        if self.storage_quota_bytes is not None:
            return self.storage_quota_bytes
        return settings.INGEST_TEAM_QUOTA_BYTES


class Membership(models.Model):
    """A user's role in a team."""

    class Role(models.TextChoices):
        ADMIN = "admin", "Admin"
        OPERATOR = "operator", "Operator"
        VIEWER = "viewer", "Viewer"

    id = PrefixedULIDField(prefix="mem")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.OPERATOR)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["team", "user"], name="membership_team_user_unique")]
        ordering = ["team__name", "user__username"]

    def __str__(self):
        return f"{self.user} in {self.team} ({self.role})"

    @property
    def can_operate(self) -> bool:
        return self.role in (self.Role.ADMIN, self.Role.OPERATOR)

    @property
    def is_admin(self) -> bool:
        return self.role == self.Role.ADMIN


class TeamScopedQuerySet(models.QuerySet):
    def for_team(self, team):
        """Return only the rows of ``team`` (a Team or its id)."""
        team_id = team.pk if isinstance(team, Team) else team
        return self.filter(team_id=team_id)


class TeamScoped(models.Model):
    """Abstract base of every tenant record: ``team``, ``created_at``, ``updated_at``.

    ``team`` gets no index of its own: each model declares the composite indexes (team first) that
    its queries need. High-volume tables redeclare ``team`` without a database constraint (see
    ``bulk_team_field``): rows are written by the thousand and the team is set by the service.
    """

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="+", db_index=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TeamScopedQuerySet.as_manager()

    class Meta:
        abstract = True


def bulk_team_field():
    """The ``team`` field of a high-volume table: no index, no per-row foreign-key check."""
    return models.ForeignKey(Team, on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False)


class StageRun(TeamScoped):
    """One execution of a journey stage for one subject (a data source, a job, a campaign ...).

    States: running -> succeeded | failed.
    """

    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"

    id = PrefixedULIDField(prefix="run")
    stage = models.PositiveSmallIntegerField()
    subject_type = models.CharField(max_length=64, blank=True)
    subject_id = models.CharField(max_length=40, blank=True)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    count_in = models.BigIntegerField(default=0)
    count_out = models.BigIntegerField(default=0)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.RUNNING)
    detail = models.TextField(blank=True)
    # The SLA as a person feels it: from the event that triggered the stage (an upload, an inbound's provider
    # timestamp, an approval, an enqueue) to the stage's end; ``run_seconds`` is the run alone.
    triggered_at = models.DateTimeField(
        null=True, blank=True, help_text="The event the stage answers (upload, inbound, approval, enqueue)"
    )
    run_seconds = models.FloatField(null=True, blank=True, help_text="From the run's start to its end")
    delay_seconds = models.FloatField(null=True, blank=True, help_text="From the triggering event to the run's end")

    class Meta:
        ordering = ["-started_at"]
        indexes = [
            models.Index(fields=["team", "stage", "started_at"], name="stagerun_team_stage_idx"),
            models.Index(fields=["subject_id"], name="stagerun_subject_idx"),
        ]

    def __str__(self):
        return f"stage {self.stage} {self.subject_type} {self.subject_id} {self.status}"

    @property
    def duration_seconds(self) -> float | None:
        if not self.finished_at:
            return None
        return (self.finished_at - self.started_at).total_seconds()

    @property
    def felt_seconds(self) -> float | None:
        """The delay a person feels (from the triggering event), or the run time when no event is known."""
        return self.delay_seconds if self.delay_seconds is not None else self.duration_seconds


class StageFailure(TeamScoped):
    """One named failure of a stage: a file-level error, a row error, a provider error."""

    id = PrefixedULIDField(prefix="sf")
    team = bulk_team_field()
    stage = models.PositiveSmallIntegerField()
    code = models.CharField(max_length=40)
    run = models.ForeignKey(
        StageRun,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="failures",
        db_index=False,
        db_constraint=False,
    )
    subject_type = models.CharField(max_length=64, blank=True)
    subject_id = models.CharField(max_length=40, blank=True)
    source_file = models.CharField(max_length=255, blank=True)
    source_row = models.BigIntegerField(null=True, blank=True)
    field = models.CharField(max_length=64, blank=True)
    raw_value = models.TextField(blank=True)
    detail = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "source_row"]
        indexes = [
            models.Index(fields=["team", "stage", "code"], name="stagefailure_team_code_idx"),
            models.Index(fields=["subject_id", "source_row"], name="stagefailure_subject_idx"),
            models.Index(fields=["team", "created_at"], name="stagefailure_team_created_idx"),
        ]

    def __str__(self):
        where = f" row {self.source_row}" if self.source_row is not None else ""
        return f"{self.code}{where}: {self.detail}"


class LeasedWork(models.Model):
    """Abstract base of a unit of background work that one worker at a time holds under a lease.

    A task claims the row (``core.leases.work_claim``), renews the lease while it works
    (``work_heartbeat``) and marks it done in the same transaction as its results (``work_done``),
    which refuses if the lease was lost, so a worker that was presumed dead cannot commit twice.
    The sweeper (``core.leases.work_sweep``, every minute) hands work whose lease expired (a
    killed or timed-out worker) to another worker, or fails it after ``Q_MAX_ATTEMPTS`` claims.

    ::

        pending --claim--> running --done--> done
           ^                  |  \\--fail--> failed
           +--lease expired---+   (sweeper; failed after Q_MAX_ATTEMPTS claims: TASK_TIMEOUT)

    A concrete subclass is also team-scoped and sets ``LEASE_TASK`` (the dotted path of the task
    that does the work, called with the row's primary key) and ``LEASE_STAGE`` (the journey stage
    its failures belong to); ``LEASE_GIVEN_UP``, when set, is the dotted path of a service called as
    ``f(row, code=..., detail=...)`` in the transaction that fails the row, to fail what it belongs to.
    A model whose rows each name their own task (``JourneyHandover``) leaves ``LEASE_TASK`` empty, overrides
    ``lease_task`` and ``lease_stage``, and keeps the task's lane in a ``lane`` field for the sweeper.
    """

    class State(models.TextChoices):
        PENDING = "pending", "Pending"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    LEASE_TASK: str = ""
    LEASE_STAGE: int = 0
    LEASE_GIVEN_UP: str = ""
    # The field that holds the id of the ledger subject (``StageRun.subject_id``) this work belongs to: a run of
    # that subject is not abandoned while such work is pending or running.
    LEASE_SUBJECT: str = "pk"

    state = models.CharField(max_length=8, choices=State.choices, default=State.PENDING)
    lease_owner = models.CharField(max_length=80, blank=True, help_text="host:pid of the worker holding the lease")
    lease_expires_at = models.DateTimeField(null=True, blank=True)
    enqueued_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0, help_text="How many times a worker claimed it")
    error_code = models.CharField(max_length=40, blank=True)
    error_detail = models.TextField(blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    def runs_left_open(self):
        """The ledger runs this row's dead worker left open (closed as RUN_ABANDONED when it is taken over)."""
        return StageRun.objects.none()

    def lease_task(self) -> tuple[str, tuple, dict]:
        """Return the task that does this row's work as (dotted path, args, kwargs); ``LEASE_TASK(pk)`` here."""
        return self.LEASE_TASK, (self.pk,), {}

    def lease_stage(self) -> int:
        """Return the journey stage this row's failures belong to."""
        return self.LEASE_STAGE


class JourneyHandover(TeamScoped, LeasedWork):
    """One hand-over of the journey: a stage ended and owes its follower a start, as leased work.

    ``core.journey.advance`` writes one row per follower in the transaction that ends the stage, already
    queued (``enqueued_at``), together with the follower's task (with the ORM broker the queued task is in
    that transaction too; with Redis it is pushed once it commits). The follower (a task wrapped by
    ``core.handovers.journey_follower``) claims the row when it starts and marks it done once it has durably
    taken over: in the transaction that creates its own leased work (stage 4's ``LeadPreparation``, stage 3's
    partitions, a campaign's send slices), or when its work returns. So a follower task lost on its way (a
    cluster killed after pulling it, a worker killed before it took over, a broker that dropped it) leaves a
    row the sweeper sends again by the rules of every leased row, instead of a stage that never starts.
    Sent twice, it starts once: the second claim finds the row done or held.

    ::

        pending --claim (follower starts)--> running --taken over--> done
           ^                                    |  \\--(Q_MAX_ATTEMPTS claims)--> failed: TASK_TIMEOUT
           +-----lost task / lease expired------+
    """

    LEASE_SUBJECT = "subject_id"  # a run of the stage that handed over is not abandoned while its follower is owed

    id = PrefixedULIDField(prefix="jho")
    stage = models.PositiveSmallIntegerField(help_text="The stage that ended and handed over")
    subject_id = models.CharField(max_length=40, help_text="What the stage ended for (a data source, a run, an item)")
    task = models.CharField(max_length=200, help_text="Dotted path of the follower's task")
    lane = models.CharField(max_length=32, help_text="The lane (cluster) that runs the follower")
    kwargs = models.JSONField(default=dict, blank=True, help_text="Keyword arguments the follower is called with")

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["state", "lease_expires_at"], name="handover_state_idx"),
            models.Index(fields=["subject_id", "stage"], name="handover_subject_idx"),
        ]

    def __str__(self):
        return f"stage {self.stage} -> {self.task} for {self.subject_id} ({self.state})"

    def lease_task(self) -> tuple[str, tuple, dict]:
        return self.task, (self.subject_id,), {**self.kwargs, "handover_id": self.pk}

    def lease_stage(self) -> int:
        return self.stage + 1  # the follower's stage did not start


class Alert(TeamScoped):
    """A stage that breached its SLA (or work given up) for a team: raised once, resolved once.

    ::

        open --(the stage is back within its SLA, or a person resolves it)--> resolved

    At most one open SLA alert per team and stage. ``notified_at`` / ``resolve_notified_at`` record that the
    team's admins (email) and its webhook were told, so each is told once.
    """

    class Kind(models.TextChoices):
        SLA = "sla", "SLA breach"
        FAILURE = "failure", "Work given up"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        RESOLVED = "resolved", "Resolved"

    id = PrefixedULIDField(prefix="alr")
    stage = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.SLA)
    code = models.CharField(max_length=40, help_text="SLA_BREACH, TASK_TIMEOUT, RUN_ABANDONED ...")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    run = models.ForeignKey(StageRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="alerts")
    measured_seconds = models.FloatField(null=True, blank=True, help_text="The delay that breached")
    limit_seconds = models.FloatField(null=True, blank=True, help_text="The stage's alert threshold")
    detail = models.TextField(blank=True)
    opened_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    notified_at = models.DateTimeField(null=True, blank=True)
    resolve_notified_at = models.DateTimeField(null=True, blank=True)
    notify_error = models.TextField(blank=True, help_text="Why the last notification did not go out")

    class Meta:
        ordering = ["-opened_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "stage"],
                condition=models.Q(kind="sla", status="open"),
                name="alert_one_open_sla_per_stage",
            )
        ]
        indexes = [models.Index(fields=["team", "status", "opened_at"], name="alert_team_status_idx")]

    def __str__(self):
        return f"stage {self.stage} {self.code} ({self.status})"


class AlertSettings(TeamScoped):
    """Where a team's alerts go besides the in-app list: its admins' email and an optional signed webhook.

    The webhook's signing secret is a team credential (``alerts`` / ``webhook_secret``), encrypted at rest.
    """

    id = PrefixedULIDField(prefix="als")
    team = models.OneToOneField(Team, on_delete=models.CASCADE, related_name="alert_settings")
    email_admins = models.BooleanField(default=True, help_text="Email the team's admins on each alert and resolve")
    webhook_url = models.URLField(blank=True, help_text="POST each alert and resolve here (Slack, PagerDuty ...)")

    class Meta:
        verbose_name_plural = "alert settings"

    def __str__(self):
        return f"alerts of {self.team}"


class TeamCredential(TeamScoped):
    """A team's own secret for a provider (an API key, a webhook signing secret), encrypted at rest.

    The value is a Fernet token (``usdatabiz/core/secrets.py``); only ``last4`` is ever shown. A value with an
    ``expires_at`` (the previous webhook secret during a rotation) stops counting after that time.
    """

    id = PrefixedULIDField(prefix="cred")
    provider = models.CharField(max_length=32, help_text="signalhouse, realestateapi, ...")
    name = models.CharField(max_length=40, help_text="api_key, webhook_secret, ...")
    ciphertext = models.TextField(help_text="The value, encrypted with CREDENTIALS_KEYS (never shown)")
    last4 = models.CharField(max_length=4, blank=True, help_text="The last four characters, to recognise it")
    expires_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["provider", "name"]
        constraints = [models.UniqueConstraint(fields=["team", "provider", "name"], name="teamcredential_one_per_name")]

    def __str__(self):
        return f"{self.provider} {self.name} ending {self.last4 or '****'}"


class StateTransition(TeamScoped):
    """The audit row of one state change of a stateful record (data source, lead, campaign, message,
    conversation), written by ``core.transitions.transition`` in the same transaction as the change."""

    id = PrefixedULIDField(prefix="stt")
    subject_type = models.CharField(max_length=64, help_text="app_label.model of the record that changed")
    subject_id = models.CharField(max_length=40)
    field = models.CharField(max_length=40, default="status")
    from_state = models.CharField(max_length=40)
    to_state = models.CharField(max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=60, default="SYSTEM")
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["subject_id", "created_at"], name="stt_subject_created_idx")]

    def __str__(self):
        return f"{self.subject_type} {self.subject_id}: {self.from_state} -> {self.to_state}"
