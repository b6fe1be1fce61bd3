from django.contrib import admin, messages

from usdatabiz.core.admin import LeasedWorkAdmin, TeamScopedAdmin
from usdatabiz.core.errors import DomainError

from . import services
from .models import DataSource, IngestChunk, IngestScan, IngestStart


@admin.register(DataSource)
class DataSourceAdmin(TeamScopedAdmin):
    list_display = [
        "id",
        "team",
        "original_name",
        "status",
        "record_count",
        "rows_done",
        "row_error_count",
        "error_code",
        "size",
        "created_at",
    ]
    list_filter = ["status", "error_code", "team"]
    search_fields = ["id", "original_name", "file"]
    readonly_fields = [f.name for f in DataSource._meta.fields if f.name not in ("team",)]
    date_hierarchy = "created_at"
    actions = ["retry_selected"]

    def has_add_permission(self, request):
        return False  # uploads go through the console page, the API or the ingest command

    @admin.action(description="Run selected data sources again")
    def retry_selected(self, request, queryset):
        for data_source in queryset:
            try:
                services.data_source_retry(data_source=data_source)
            except DomainError as exc:
                self.message_user(request, f"{data_source.pk}: {exc.code}: {exc.message}", messages.ERROR)


@admin.register(IngestChunk)
class IngestChunkAdmin(LeasedWorkAdmin):
    """Stage 2's chunks: who holds each, until when, how often it was claimed (read-only)."""

    list_display = [
        "id",
        "data_source",
        "number",
        "first_row",
        "last_row",
        "state",
        "attempts",
        "lease_owner",
        "lease_expires_at",
        "error_code",
        "finished_at",
    ]
    search_fields = ["id", "data_source__id", "data_source__original_name", "lease_owner"]


@admin.register(IngestScan)
class IngestScanAdmin(LeasedWorkAdmin):
    """Stage 1 of each file as leased work: who holds it, until when, how often it was claimed (read-only)."""

    list_display = [
        "id",
        "data_source",
        "state",
        "attempts",
        "lease_owner",
        "lease_expires_at",
        "error_code",
        "triggered_at",
        "finished_at",
    ]
    search_fields = ["id", "data_source__id", "data_source__original_name", "lease_owner"]


@admin.register(IngestStart)
class IngestStartAdmin(LeasedWorkAdmin):
    """The hand-over of each checked file to stage 2 as leased work: queued when, held by whom (read-only)."""

    list_display = [
        "id",
        "data_source",
        "state",
        "attempts",
        "lease_owner",
        "lease_expires_at",
        "enqueued_at",
        "error_code",
        "finished_at",
    ]
    search_fields = ["id", "data_source__id", "data_source__original_name", "lease_owner"]
