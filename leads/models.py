"""Leads (stage 4, LUCY): a surviving persona at a business, scored and tagged for outreach."""

from django.db import models

from identity.models import Business, Persona
from usdatabiz.core.ids import PrefixedULIDField
from usdatabiz.core.models import LeasedWork, StageRun, TeamScoped


class Lead(TeamScoped):
    """A person to reach at a business.

    Status diagram (applied only by ``leads.services.lead_transition``)::

        new --> contacted --> replied --> converted
          \\          \\           \\--> closed | lost
           \\          \\--> closed | lost
            \\--> closed | lost
    """

    class Status(models.TextChoices):
        NEW = "new", "New"
        CONTACTED = "contacted", "Contacted"
        REPLIED = "replied", "Replied"
        CLOSED = "closed", "Closed"
        CONVERTED = "converted", "Converted"
        LOST = "lost", "Lost"

    class Enrichment(models.TextChoices):
        PENDING = "pending", "Pending"
        COMPLETED = "completed", "Completed"
        NO_RESULTS = "no_results", "No results"
        FAILED = "failed", "Failed"

    TRANSITIONS = {
        Status.NEW: {Status.CONTACTED, Status.CLOSED, Status.LOST},
        Status.CONTACTED: {Status.REPLIED, Status.CLOSED, Status.LOST},
        Status.REPLIED: {Status.CONVERTED, Status.CLOSED, Status.LOST},
        Status.CLOSED: set(),
        Status.CONVERTED: set(),
        Status.LOST: set(),
    }

    id = PrefixedULIDField(prefix="lead")
    persona = models.ForeignKey(Persona, on_delete=models.CASCADE, related_name="leads")
    business = models.ForeignKey(Business, null=True, blank=True, on_delete=models.SET_NULL, related_name="leads")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.NEW)
    score = models.PositiveSmallIntegerField(default=0)
    score_breakdown = models.JSONField(default=dict, blank=True, help_text="Points each factor contributed")
    tags = models.JSONField(default=list, blank=True)
    flags = models.JSONField(default=list, blank=True, help_text="Key facts missing when scored (MISSING_DATA)")
    enrichment_status = models.CharField(max_length=16, choices=Enrichment.choices, default=Enrichment.PENDING)
    scored_at = models.DateTimeField(null=True, blank=True)
    traced_at = models.DateTimeField(null=True, blank=True, help_text="Last skip trace of this lead")
    close_reason = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["-score", "id"]
        indexes = [
            models.Index(fields=["team", "score"], name="lead_team_score_idx"),
            models.Index(fields=["team", "status"], name="lead_team_status_idx"),
            models.Index(fields=["team", "enrichment_status"], name="lead_team_enrichment_idx"),
        ]

    def __str__(self):
        return f"{self.persona} ({self.score})"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("leads:lead-detail", args=[self.pk])


class LeadSettings(TeamScoped):
    """A team's scoring weights (max points per factor) and tag rules; empty means LUCY's defaults."""

    id = PrefixedULIDField(prefix="lset")
    weights = models.JSONField(default=dict, blank=True, help_text='e.g. {"industry": 30, "revenue": 20}')
    tag_rules = models.JSONField(
        default=list, blank=True, help_text='e.g. [{"tag": "segment:trades", "when": {"sic_prefix": "17"}}]'
    )
    daily_trace_cap = models.PositiveIntegerField(
        null=True, blank=True, help_text="Skip-trace lookups per day (UTC); empty uses SKIPTRACE_DAILY_CAP"
    )

    class Meta:
        verbose_name_plural = "lead settings"
        constraints = [models.UniqueConstraint(fields=["team"], name="leadsettings_team_unique")]

    def __str__(self):
        return f"lead settings of {self.team}"

    def clean(self):
        from django.core.exceptions import ValidationError

        from . import scoring

        errors = {}
        try:
            scoring.resolve_weights(self.weights if isinstance(self.weights, dict) else None)
            if not isinstance(self.weights, dict):
                raise ValueError("Weights must be an object of factor: points.")
        except ValueError as exc:
            errors["weights"] = str(exc)
        problems = scoring.validate_tag_rules(self.tag_rules)
        if problems:
            errors["tag_rules"] = problems
        if errors:
            raise ValidationError(errors)


class SkipTraceJob(TeamScoped, LeasedWork):
    """A batch of up to 250 leads sent to the skip-trace provider (stage 5).

    States: queued -> running -> completed | failed (a configuration error stops the job at once);
    running -> paused (the provider's daily limit) -> running at ``resume_at`` (00:00 UTC) -> ...

    A worker runs a job under a lease (``LeasedWork``: ``state``, ``lease_owner`` ...): one killed or timed
    out mid-job is replaced within a minute by the sweeper, and the new worker traces only the leads
    without a stored result (only the lookups of the batch in flight are asked again); after
    ``Q_MAX_ATTEMPTS`` dead workers the job fails with ``TASK_TIMEOUT``.
    """

    LEASE_TASK = "leads.tasks.skiptrace_job_run_task"
    LEASE_STAGE = 5
    LEASE_GIVEN_UP = "leads.enrichment.skiptrace_job_given_up"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        PAUSED = "paused", "Paused"
        COMPLETED = "completed", "Completed"
        FAILED = "failed", "Failed"

    SIZE = 250

    id = PrefixedULIDField(prefix="stj")
    provider = models.CharField(max_length=32)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    lead_ids = models.JSONField(default=list)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    matched = models.PositiveIntegerField(default=0)
    no_results = models.PositiveIntegerField(default=0)
    partial = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    error_code = models.CharField(max_length=40, blank=True)
    error_message = models.TextField(blank=True)
    resume_at = models.DateTimeField(null=True, blank=True, help_text="When a paused job goes on by itself")
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["team", "status"], name="stj_team_status_idx")]

    def __str__(self):
        return f"{self.pk} ({self.status}, {self.done}/{self.total})"

    def runs_left_open(self):
        return StageRun.objects.filter(subject_id=self.pk)

    @property
    def progress_percent(self) -> int:
        return 100 if not self.total else min(100, int(self.done * 100 / self.total))


class LeadPreparation(TeamScoped, LeasedWork):
    """One run of stage 4 for a team (LUCY creates its missing leads and scores the unscored ones), as leased work.

    The task that follows stage 3 records one per stage-3 run (``after``; a second delivery finds it) and runs it
    under a lease, renewed between batches. A worker killed or timed out mid-way is replaced within a minute by
    the sweeper, which closes the run it left open as ``RUN_ABANDONED`` and sends the preparation again: the
    new worker creates only the leads still missing and scores only those still unscored, so nothing is made
    twice. It is done in the transaction that queues what follows stage 4; after ``Q_MAX_ATTEMPTS`` dead
    workers it fails with ``TASK_TIMEOUT`` (and an alert).
    """

    LEASE_TASK = "leads.tasks.lead_preparation_run_task"
    LEASE_STAGE = 4

    id = PrefixedULIDField(prefix="lpr")
    after = models.CharField(max_length=40, blank=True, help_text="The stage-3 run that queued it")
    triggered_at = models.DateTimeField(null=True, blank=True, help_text="What the stage-4 delay is felt from")
    run = models.ForeignKey(StageRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "after"], condition=~models.Q(after=""), name="leadpreparation_team_after_unique"
            )
        ]
        indexes = [models.Index(fields=["state", "lease_expires_at"], name="leadprep_state_idx")]

    def __str__(self):
        return f"stage 4 of {self.team_id} ({self.state})"

    def runs_left_open(self):
        return StageRun.objects.filter(pk=self.run_id) if self.run_id else StageRun.objects.none()


class SkipTraceResult(TeamScoped):
    """What the provider answered for one lead's persona, kept whole for audit."""

    id = PrefixedULIDField(prefix="str")
    job = models.ForeignKey(SkipTraceJob, on_delete=models.CASCADE, related_name="results")
    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="skiptrace_results")
    persona = models.ForeignKey(Persona, on_delete=models.CASCADE, related_name="skiptrace_results")
    provider = models.CharField(max_length=32)
    matched = models.BooleanField(default=False)
    partial = models.BooleanField(default=False)
    error_code = models.CharField(max_length=40, blank=True)
    raw_response = models.JSONField(default=dict, blank=True)
    cost = models.FloatField(default=0.0)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["team", "created_at"], name="str_team_created_idx")]
        constraints = [
            # one answer per lead and job: a lookup recorded twice (two workers on one job) is refused
            models.UniqueConstraint(fields=["job", "lead"], name="str_job_lead_unique")
        ]

    def __str__(self):
        return f"{self.persona_id}: {'match' if self.matched else self.error_code or 'no match'}"
