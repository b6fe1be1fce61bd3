"""Reads of stages 1-2."""

from django.db.models import Count

from identity.models import Business, BusinessOwner, Persona, PersonaEmail, PersonaPhone
from usdatabiz.core.models import StageFailure

from .models import DataSource


def data_source_list(*, team, status: str | None = None):
    """Return the team's data sources, newest first."""
    qs = DataSource.objects.for_team(team).select_related("uploaded_by")
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-created_at")


def data_source_get(*, team, pk: str) -> DataSource:
    """Return one of the team's data sources or raise DoesNotExist."""
    return DataSource.objects.for_team(team).get(pk=pk)


def data_source_failures(*, data_source: DataSource, code: str | None = None):
    """Return the failures recorded for a data source, in row order."""
    qs = StageFailure.objects.filter(team_id=data_source.team_id, subject_id=data_source.pk)
    if code:
        qs = qs.filter(code=code)
    return qs.order_by("source_row", "stage", "created_at")


def data_source_failure_counts(*, data_source: DataSource) -> dict[str, int]:
    """Return code -> count of a data source's failures."""
    rows = (
        StageFailure.objects.filter(team_id=data_source.team_id, subject_id=data_source.pk)
        .values("code")
        .annotate(n=Count("id"))
        .order_by("code")
    )
    return {row["code"]: row["n"] for row in rows}


def data_source_record_counts(*, data_source: DataSource) -> dict[str, int]:
    """Return how many records of each kind were created from this file."""
    source_file = data_source.source_file
    if not source_file:
        return {"businesses": 0, "personas": 0, "phones": 0, "emails": 0, "owners": 0}
    team_id = data_source.team_id
    return {
        "businesses": Business.objects.filter(team_id=team_id, source_file=source_file).count(),
        "personas": Persona.objects.filter(team_id=team_id, source_file=source_file).count(),
        "phones": PersonaPhone.objects.filter(team_id=team_id, source_file=source_file).count(),
        "emails": PersonaEmail.objects.filter(team_id=team_id, source_file=source_file).count(),
        "owners": BusinessOwner.objects.filter(team_id=team_id, source_file=source_file).count(),
    }


def data_source_summary(*, data_source: DataSource) -> dict:
    """Return the machine-readable outcome of a data source (the ``ingest --json`` object)."""
    counts = data_source_record_counts(data_source=data_source)
    return {
        "data_source": data_source.pk,
        "status": data_source.status,
        "record_count": data_source.record_count,
        "error_code": data_source.error_code or None,
        "error_message": data_source.error_message or None,
        "row_errors": data_source.row_error_count,
        "failures": data_source_failure_counts(data_source=data_source),
        "businesses": counts["businesses"],
        "personas": counts["personas"],
        "phones": counts["phones"],
        "emails": counts["emails"],
        "file": data_source.source_file,
    }


def stage1_refusals(*, team, limit: int = 10):
    """Return recent uploads refused before a data source existed (QUOTA_EXCEEDED)."""
    return StageFailure.objects.for_team(team).filter(stage=1, subject_id="").order_by("-created_at")[:limit]
