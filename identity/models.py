"""Businesses, personas and their contact points, as normalized from source rows (stage 2).

Every record keeps ``source_file`` (the stored file's name) and ``source_record_id`` (its CSV row
number) so that any value can be traced back to the line it came from.
"""

from django.db import models

from usdatabiz.core.ids import PrefixedULIDField
from usdatabiz.core.models import LeasedWork, TeamScoped, bulk_team_field


class SourceTraced(TeamScoped):
    """A record normalized from a source row.

    The high-volume child tables (phones, emails, owner links) carry their foreign keys without
    database constraints: a per-row deferred check tripled the cost of loading a million rows. The
    services only ever write ids of records they created in the same transaction, deletes cascade in
    the ORM, and ``check_identity`` verifies that no reference dangles. For the same reason only
    businesses and personas hold the unique (source_file, source_record_id) constraint: a row's phone,
    email and owner link are written in the same transaction as its persona, so a chunk loaded twice
    fails on the persona constraint as a whole.
    """

    source_file = models.CharField(max_length=255, blank=True)
    source_record_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        abstract = True


class Business(SourceTraced):
    id = PrefixedULIDField(prefix="biz")
    team = bulk_team_field()
    name = models.CharField(max_length=255)
    normalized_name = models.CharField(max_length=255)
    dba = models.CharField(max_length=255, blank=True)
    address = models.CharField(max_length=255, blank=True)
    city = models.CharField(max_length=120, blank=True)
    state = models.CharField(max_length=2, blank=True)
    zip5 = models.CharField(max_length=5, blank=True)
    zip4 = models.CharField(max_length=4, blank=True)
    employees = models.IntegerField(null=True, blank=True)
    revenue = models.BigIntegerField(null=True, blank=True, help_text="Annual revenue in whole dollars")
    year_founded = models.SmallIntegerField(null=True, blank=True)
    sic_code = models.CharField(max_length=8, blank=True)

    class Meta:
        verbose_name_plural = "businesses"
        ordering = ["normalized_name"]
        constraints = [
            models.UniqueConstraint(fields=["source_file", "source_record_id"], name="business_source_unique"),
            # One business per normalized name and ZIP in a team: loaders insert with ON CONFLICT DO NOTHING
            # and link a row to whichever business holds the key (DUPLICATE_BUSINESS), with no race.
            models.UniqueConstraint(fields=["team", "normalized_name", "zip5"], name="business_team_name_zip_unique"),
        ]

    def __str__(self):
        return self.name


class Persona(SourceTraced):
    """A person. Resolution (stage 3) may merge personas; ``merged_from_ids`` lists those absorbed.

    A merged persona is kept, marked ``is_merged`` with ``merged_into`` pointing at its survivor, which
    is always an active persona (chains are compressed), so any old id resolves in one step.
    """

    # Flags where the stricter value wins when two personas merge (True is stricter).
    STRICT_FLAGS = ("do_not_contact",)

    id = PrefixedULIDField(prefix="per")
    team = bulk_team_field()
    first_name = models.CharField(max_length=120, blank=True)
    last_name = models.CharField(max_length=120, blank=True)
    normalized_first_name = models.CharField(max_length=120, blank=True)
    normalized_last_name = models.CharField(max_length=120, blank=True)
    title = models.CharField(max_length=200, blank=True)
    state = models.CharField(max_length=2, blank=True, help_text="State of the source row's address")
    zip5 = models.CharField(max_length=5, blank=True)
    confidence_score = models.FloatField(default=1.0, help_text="0.0-1.0: confidence that this record is one person")
    merged_from_ids = models.JSONField(default=list, blank=True)
    source_extra = models.JSONField(
        default=dict, blank=True, help_text="Columns of the source row with no mapped field"
    )
    is_merged = models.BooleanField(default=False)
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="absorbed",
        db_index=False,
        help_text="The survivor this persona was merged into",
    )
    merged_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True, help_text="Last compared by resolution")
    do_not_contact = models.BooleanField(default=False)

    class Meta:
        ordering = ["normalized_last_name", "normalized_first_name"]
        constraints = [
            models.UniqueConstraint(fields=["source_file", "source_record_id"], name="persona_source_unique"),
            models.CheckConstraint(
                condition=~models.Q(merged_into=models.F("id")), name="persona_not_merged_into_self"
            ),
            models.CheckConstraint(
                condition=models.Q(is_merged=False, merged_into__isnull=True)
                | models.Q(is_merged=True, merged_into__isnull=False),
                name="persona_merged_has_survivor",
            ),
        ]
        indexes = [
            models.Index(fields=["team", "normalized_last_name", "zip5"], name="persona_team_last_zip_idx"),
            # Partial indexes: almost every persona is active and resolved, so these stay small.
            models.Index(
                fields=["merged_into"], name="persona_merged_into_idx", condition=models.Q(merged_into__isnull=False)
            ),
        ]

    def __str__(self):
        return f"{self.first_name} {self.last_name}".strip() or self.pk

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class PersonaPhone(SourceTraced):
    class PhoneType(models.TextChoices):
        UNKNOWN = "unknown", "Unknown"
        MOBILE = "mobile", "Mobile"
        LANDLINE = "landline", "Landline"
        VOIP = "voip", "VoIP"

    id = PrefixedULIDField(prefix="ph")
    team = bulk_team_field()
    persona = models.ForeignKey(Persona, on_delete=models.CASCADE, related_name="phones", db_constraint=False)
    raw = models.CharField(max_length=64, blank=True)
    normalized_number = models.CharField(max_length=10)
    phone_type = models.CharField(max_length=16, choices=PhoneType.choices, default=PhoneType.UNKNOWN)
    is_valid = models.BooleanField(null=True, blank=True)
    is_connected = models.BooleanField(null=True, blank=True)
    do_not_call = models.BooleanField(default=False)
    provenance = models.JSONField(
        default=dict,
        blank=True,
        help_text='Which source set each value, and when: {"phone_type": {"source": ..., "at": ...}}',
    )

    class Meta:
        indexes = [models.Index(fields=["team", "normalized_number"], name="personaphone_team_number_idx")]

    def __str__(self):
        return self.normalized_number


class PersonaEmail(SourceTraced):
    id = PrefixedULIDField(prefix="em")
    team = bulk_team_field()
    persona = models.ForeignKey(Persona, on_delete=models.CASCADE, related_name="emails", db_constraint=False)
    email = models.CharField(max_length=254)
    is_valid = models.BooleanField(default=True)
    provenance = models.JSONField(default=dict, blank=True, help_text="Which source set the address, and when")

    class Meta:
        indexes = [models.Index(fields=["team", "email"], name="personaemail_team_email_idx")]

    def __str__(self):
        return self.email


class BusinessOwner(SourceTraced):
    """Junction: a persona's role at a business."""

    id = PrefixedULIDField(prefix="bo")
    team = bulk_team_field()
    persona = models.ForeignKey(Persona, on_delete=models.CASCADE, related_name="business_links", db_constraint=False)
    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="owner_links", db_constraint=False)
    title = models.CharField(max_length=200, blank=True)

    def __str__(self):
        return f"{self.persona_id} @ {self.business_id}"


class ResolutionSettings(TeamScoped):
    """A team's thresholds for identity resolution (stage 3)."""

    id = PrefixedULIDField(prefix="rset")
    auto_merge_threshold = models.FloatField(default=0.72, help_text="At or above: merge automatically")
    review_threshold = models.FloatField(default=0.55, help_text="Between this and the upper threshold: review queue")
    model = models.JSONField(
        default=dict, blank=True, help_text="The match model last trained by EM: m and u per field and level, prior"
    )

    class Meta:
        verbose_name_plural = "resolution settings"
        constraints = [
            models.UniqueConstraint(fields=["team"], name="resolutionsettings_team_unique"),
            models.CheckConstraint(
                condition=models.Q(review_threshold__gte=0)
                & models.Q(auto_merge_threshold__lte=1)
                & models.Q(review_threshold__lte=models.F("auto_merge_threshold")),
                name="resolutionsettings_thresholds_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.team}: auto >= {self.auto_merge_threshold}, review >= {self.review_threshold}"


class PersonaMergeHistory(TeamScoped):
    """Audit row of one merge or unmerge; a merge lists exactly the records it moved so unmerge can restore them."""

    class Action(models.TextChoices):
        MERGE = "merge", "Merge"
        UNMERGE = "unmerge", "Unmerge"

    class By(models.TextChoices):
        SYSTEM = "system", "System"
        USER = "user", "User"

    id = PrefixedULIDField(prefix="pmh")
    action = models.CharField(max_length=8, choices=Action.choices, default=Action.MERGE)
    survivor = models.ForeignKey(Persona, on_delete=models.PROTECT, related_name="merge_history_as_survivor")
    merged = models.ForeignKey(Persona, on_delete=models.PROTECT, related_name="merge_history_as_merged")
    match_score = models.FloatField(null=True, blank=True)
    reasons = models.JSONField(default=dict, blank=True, help_text="Per-field comparison scores")
    merged_by = models.CharField(max_length=8, choices=By.choices, default=By.SYSTEM)
    user = models.ForeignKey("auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    moved = models.JSONField(default=dict, blank=True, help_text="Ids of the records re-pointed, by model")
    reverses = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="reversed_by")
    run = models.ForeignKey(
        "core.StageRun",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The resolution run that made this automatic merge",
    )
    undone_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "persona merge history"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["team", "created_at"], name="mergehistory_team_created_idx")]

    def __str__(self):
        return f"{self.action} {self.merged_id} -> {self.survivor_id}"


class MatchReview(TeamScoped):
    """A pair of personas scored between the thresholds, waiting for (or decided by) an operator."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        CONFIRMED = "confirmed", "Confirmed (merged)"
        REJECTED = "rejected", "Rejected (different people)"

    id = PrefixedULIDField(prefix="mr")
    persona_a = models.ForeignKey(Persona, on_delete=models.CASCADE, related_name="+")
    persona_b = models.ForeignKey(Persona, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    reasons = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey("auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-score", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["team", "persona_a", "persona_b"], name="matchreview_pair_unique"),
            models.CheckConstraint(
                condition=models.Q(persona_a__lt=models.F("persona_b")), name="matchreview_pair_ordered"
            ),
        ]

    def __str__(self):
        return f"{self.persona_a_id} ~ {self.persona_b_id} ({self.score:.2f}, {self.status})"


class PersonaBlockKey(models.Model):
    """The blocking-key index of stage 3: one row per (64-bit hash of a blocking key, persona).

    Written once per persona, when a run first sees it, so that later runs find a new persona's
    candidates by key in the database instead of reloading the team. ``part`` (the hash modulo
    ``identity.partitions.PARTITIONS``) is how a run splits its work between workers. An index, not a
    business record: no prefixed id, and no foreign-key constraints (as for the high-volume child tables).
    """

    id = models.BigAutoField(primary_key=True)
    # no index of its own: both indexes below start with the team
    team = models.ForeignKey(
        "core.Team", on_delete=models.CASCADE, related_name="+", db_constraint=False, db_index=False
    )
    key = models.BigIntegerField()
    part = models.SmallIntegerField()
    persona = models.ForeignKey(Persona, on_delete=models.CASCADE, related_name="+", db_constraint=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["team", "key", "persona"], name="personablockkey_unique"),
        ]
        indexes = [models.Index(fields=["team", "part", "key"], name="personablockkey_part_idx")]

    def __str__(self):
        return f"{self.persona_id} #{self.key}"


class ResolutionIndexChunk(TeamScoped, LeasedWork):
    """One chunk of a resolution run's new personas, whose blocking keys a worker writes to the index (stage 3).

    Leased work (``core.leases``), like the partitions that follow it: the run's new personas are cut into
    id ranges, any worker claims one, and its keys are written in the transaction that marks it ``done``, so
    a killed worker's chunk is written once, by whoever takes it over. The chunk that finds none left creates
    and queues the run's partitions.
    """

    LEASE_TASK = "identity.tasks.resolution_index_chunk_run_task"
    LEASE_STAGE = 3
    LEASE_GIVEN_UP = "identity.partitions.resolution_partition_given_up"

    id = PrefixedULIDField(prefix="ric")
    run = models.ForeignKey("core.StageRun", on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField()
    first_persona = models.CharField(max_length=40, help_text="Smallest new persona id of the chunk")
    last_persona = models.CharField(max_length=40, help_text="Largest new persona id of the chunk")
    personas = models.IntegerField(default=0, help_text="New personas indexed")
    keys = models.IntegerField(default=0, help_text="Index rows written")

    class Meta:
        ordering = ["run", "number"]
        constraints = [models.UniqueConstraint(fields=["run", "number"], name="resolutionindexchunk_unique")]
        indexes = [models.Index(fields=["state", "lease_expires_at"], name="resolutionindexchunk_state_idx")]

    def __str__(self):
        return f"{self.run_id} index chunk {self.number}"


class ResolutionPartition(TeamScoped, LeasedWork):
    """One block partition of a resolution run: the pairs of the blocks whose key hash falls in it (stage 3).

    Leased work (``core.leases``): any worker claims it, compares its blocks, and stores in the same
    transaction as ``done`` the EM statistics of its pairs (agreement patterns and their counts) and the
    pairs no guard rules out. The partition that finds none left hands the run to the finishing step.
    """

    LEASE_TASK = "identity.tasks.resolution_partition_run_task"
    LEASE_STAGE = 3
    LEASE_GIVEN_UP = "identity.partitions.resolution_partition_given_up"

    id = PrefixedULIDField(prefix="rpt")
    run = models.ForeignKey("core.StageRun", on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField()
    of = models.PositiveIntegerField(default=1, help_text="How many partitions the run has")
    pairs = models.IntegerField(default=0, help_text="Candidate pairs compared")
    guarded = models.IntegerField(default=0, help_text="Pairs a guard ruled out (never the same person)")
    windowed = models.IntegerField(default=0, help_text="Oversized blocks compared in a sorted window")
    patterns = models.JSONField(default=dict, blank=True, help_text="Agreement pattern -> count (for EM)")
    candidates = models.JSONField(default=list, blank=True, help_text="Pairs no guard rules out")

    class Meta:
        ordering = ["run", "number"]
        constraints = [models.UniqueConstraint(fields=["run", "number"], name="resolutionpartition_unique")]
        indexes = [models.Index(fields=["state", "lease_expires_at"], name="resolutionpartition_state_idx")]

    def __str__(self):
        return f"{self.run_id} part {self.number}"
