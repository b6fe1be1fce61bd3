"""Data sources: an uploaded USDataBiz file and the state of its ingestion (stages 1-2)."""

from django.db import models

from usdatabiz.core.ids import PrefixedULIDField
from usdatabiz.core.models import LeasedWork, StageRun, TeamScoped


class DataSource(TeamScoped):
    """An uploaded CSV file, kept as-is in storage, and the outcome of loading it.

    State diagram (applied only by ``ingestion.services.data_source_transition``)::

        uploaded --> processing --> completed
            |            |    \\--> failed --> processing   (retry)
            \\--> failed  (upload timeout)    completed --> processing   (re-run; loads only rows not yet loaded)
    """

    class Status(models.TextChoices):
        UPLOADED = "uploaded", "Uploaded"
        PROCESSING = "processing", "Processing"
        COMPLETED = "completed", "Completed"
        FAILED = "failed", "Failed"

    TRANSITIONS = {
        Status.UPLOADED: {Status.PROCESSING, Status.FAILED},
        Status.PROCESSING: {Status.COMPLETED, Status.FAILED},
        Status.FAILED: {Status.PROCESSING},
        Status.COMPLETED: {Status.PROCESSING},
    }

    id = PrefixedULIDField(prefix="ds")
    file = models.FileField(max_length=255, blank=True)
    original_name = models.CharField(max_length=255)
    size = models.BigIntegerField(default=0)
    uploaded_by = models.ForeignKey("auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    metadata = models.JSONField(default=dict, blank=True, help_text="{originalName, size, uploadedAt, schema}")
    encoding = models.CharField(max_length=32, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.UPLOADED)
    record_count = models.BigIntegerField(default=0, help_text="Data rows in the file")
    rows_done = models.BigIntegerField(default=0, help_text="Rows handled so far (progress)")
    loaded_count = models.BigIntegerField(default=0, help_text="Rows that produced at least one record")
    row_error_count = models.BigIntegerField(default=0, help_text="Row-level failures recorded")
    error_code = models.CharField(max_length=40, blank=True)
    error_message = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["team", "status"], name="datasource_team_status_idx")]

    def __str__(self):
        return f"{self.original_name} ({self.pk})"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("ingestion:data-source-detail", args=[self.pk])

    @property
    def source_file(self) -> str:
        """The name under which records of this file are traced (the stored file's name)."""
        return self.file.name or ""

    @property
    def file_url(self) -> str:
        """The console's download of the original file (team members only; local media is never published)."""
        from django.urls import reverse

        return reverse("ingestion:data-source-file", args=[self.pk]) if self.file else ""

    @property
    def progress_percent(self) -> int:
        if self.status == self.Status.COMPLETED:
            return 100
        if not self.record_count:
            return 0
        return min(100, int(self.rows_done * 100 / self.record_count))

    @property
    def is_stale(self) -> bool:
        """Processing, but no progress for INGEST_STALE_SECONDS: its worker most likely died."""
        from django.conf import settings
        from django.utils import timezone

        if self.status != self.Status.PROCESSING or self.updated_at is None:
            return False
        return (timezone.now() - self.updated_at).total_seconds() >= settings.INGEST_STALE_SECONDS

    @property
    def is_retryable(self) -> bool:
        return bool(self.file) and (self.status == self.Status.FAILED or self.is_stale)


class IngestChunk(TeamScoped, LeasedWork):
    """A range of a data source's rows that one worker normalizes and loads in one transaction (stage 2).

    Stage 1 cuts the file into chunks of ``INGEST_CHUNK_ROWS`` rows while it counts them, noting where
    each starts in the stored file, so a worker on any host reads only its own bytes. Each chunk is
    leased work (``core.leases``: claim, heartbeat, fenced completion, the sweeper hands a dead worker's
    chunk to another within a minute): its records, its row failures and its ``done`` state commit
    together, so running it again loads nothing twice. The data source's progress is the sum of its
    done chunks; the chunk that finds every other chunk done completes the data source.
    """

    LEASE_TASK = "ingestion.tasks.ingest_chunk_run_task"
    LEASE_STAGE = 2
    LEASE_SUBJECT = "data_source_id"  # the stage-2 run is the data source's
    LEASE_GIVEN_UP = "ingestion.chunks.ingest_chunk_given_up"

    id = PrefixedULIDField(prefix="ich")
    data_source = models.ForeignKey(DataSource, on_delete=models.CASCADE, related_name="chunks")
    number = models.PositiveIntegerField(help_text="1 for the first chunk of the file")
    first_row = models.BigIntegerField(help_text="First data row (1 = the row after the header)")
    last_row = models.BigIntegerField()
    lines_before = models.BigIntegerField(default=0, help_text="Physical lines of the file before the chunk")
    byte_start = models.BigIntegerField(help_text="Where the chunk starts in the stored file")
    byte_end = models.BigIntegerField(help_text="Where the next chunk starts (or the file ends)")
    counts = models.JSONField(default=dict, blank=True, help_text="What the chunk loaded: records and failures")

    class Meta:
        ordering = ["data_source", "number"]
        constraints = [
            models.UniqueConstraint(fields=["data_source", "number"], name="ingestchunk_source_number_unique"),
        ]
        indexes = [models.Index(fields=["state", "lease_expires_at"], name="ingestchunk_state_idx")]

    def __str__(self):
        return f"{self.data_source_id} rows {self.first_row}-{self.last_row} ({self.state})"

    @property
    def row_count(self) -> int:
        return self.last_row - self.first_row + 1


class IngestScan(TeamScoped, LeasedWork):
    """One run of stage 1 over a data source's file (check, count, cut into chunks), as leased work.

    Stage 1 reads the whole file once, which takes a while for a large list. Leased (``core.leases``), a
    worker killed or timed out in the middle of it is replaced within a minute by the sweeper, which sends
    the scan again; the scan starts over (it only reads the file and replaces its own row failures) and
    commits its chunks with its ``done`` state. After ``Q_MAX_ATTEMPTS`` dead workers the file fails with
    ``TASK_TIMEOUT``.
    """

    LEASE_TASK = "ingestion.tasks.ingest_scan_run_task"
    LEASE_STAGE = 1
    LEASE_SUBJECT = "data_source_id"  # the stage-1 run is the data source's
    LEASE_GIVEN_UP = "ingestion.services.ingest_scan_given_up"

    id = PrefixedULIDField(prefix="isc")
    data_source = models.ForeignKey(DataSource, on_delete=models.CASCADE, related_name="scans")
    triggered_at = models.DateTimeField(help_text="What the stage-1 delay is felt from: the upload, or the retry")

    class Meta:
        ordering = ["data_source", "created_at"]
        indexes = [models.Index(fields=["state", "lease_expires_at"], name="ingestscan_state_idx")]

    def __str__(self):
        return f"stage 1 of {self.data_source_id} ({self.state})"

    def runs_left_open(self):
        return StageRun.objects.filter(subject_id=self.data_source_id, stage=1, status=StageRun.Status.RUNNING)


class IngestStart(TeamScoped, LeasedWork):
    """The hand-over of a checked file from stage 1 to stage 2, as leased work.

    Stage 1 writes this row, already queued (``enqueued_at``), in the transaction that ends it, together with
    the task that starts stage 2 (with the ORM broker the queued task is in that transaction too). The start
    (``chunks.data_source_chunks_start``) claims it, opens the stage-2 run, queues every chunk not done yet and
    marks it done in the transaction that queues them. So a start task lost on its way (a cluster killed
    after pulling it, a worker killed while starting, a task a broker dropped) leaves a row the sweeper sends
    again, like any other leased row, instead of a file left ``processing`` until ``Q_RETRY`` (the ORM
    broker) or forever (Redis). Sent twice, it starts once: the second claim finds it done.
    """

    LEASE_TASK = "ingestion.tasks.ingest_start_run_task"
    LEASE_STAGE = 2
    LEASE_SUBJECT = "data_source_id"  # the stage-2 run is the data source's
    LEASE_GIVEN_UP = "ingestion.chunks.ingest_start_given_up"

    id = PrefixedULIDField(prefix="ist")
    data_source = models.ForeignKey(DataSource, on_delete=models.CASCADE, related_name="starts")

    class Meta:
        ordering = ["data_source", "created_at"]
        indexes = [models.Index(fields=["state", "lease_expires_at"], name="ingeststart_state_idx")]

    def __str__(self):
        return f"start of stage 2 of {self.data_source_id} ({self.state})"
