"""Data sources: an uploaded USDataBiz file and the state of its ingestion (stages 1-2)."""

from django.db import models

from usdatabiz.core.ids import PrefixedULIDField
from usdatabiz.core.models import TeamScoped


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
        if not self.file:
            return ""
        try:
            return self.file.url
        except Exception:  # storage without public URLs
            return ""

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
