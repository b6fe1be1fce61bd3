"""Reads of stage 4: the lead list with its filters."""

from django.db.models import Sum

from .models import Lead, SkipTraceJob


def lead_list(*, team, min_score=None, max_score=None, tag=None, state=None, enrichment_status=None, status=None):
    """Return the team's leads, best first, filtered by score range, tag, state, enrichment and status."""
    qs = Lead.objects.for_team(team).select_related("persona", "business")
    if min_score is not None:
        qs = qs.filter(score__gte=min_score)
    if max_score is not None:
        qs = qs.filter(score__lte=max_score)
    if tag:
        qs = _with_tag(qs, tag)
    if state:
        qs = _with_tag(qs, f"state:{state.upper()}")
    if enrichment_status:
        qs = qs.filter(enrichment_status=enrichment_status)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-score", "id")


def lead_get(*, team, pk: str) -> Lead:
    """Return one of the team's leads or raise DoesNotExist."""
    return Lead.objects.for_team(team).select_related("persona", "business").get(pk=pk)


def _with_tag(qs, tag: str):
    from django.db import connection

    if connection.vendor == "postgresql":
        return qs.filter(tags__contains=[tag])  # jsonb containment, exact tag
    return qs.filter(tags__icontains=f'"{tag}"')  # the quoted tag inside the JSON text


def skiptrace_job_list(*, team, status: str | None = None):
    """Return the team's skip-trace jobs, newest first, each with ``cost``: what its lookups were billed."""
    qs = SkipTraceJob.objects.for_team(team).annotate(cost=Sum("results__cost"))
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-created_at", "-id")


LEAD_EXPORT_HEADER = [
    "lead", "first_name", "last_name", "business", "city", "state", "score", "tags", "flags", "status",
    "enrichment_status", "close_reason", "created_at",
]  # fmt: skip


def lead_export_rows(*, leads):
    """Yield one CSV row per lead of ``leads`` (a filtered lead list), streamed in chunks."""
    rows = leads.values_list(
        "pk", "persona__first_name", "persona__last_name", "business__name", "business__city", "business__state",
        "score", "tags", "flags", "status", "enrichment_status", "close_reason", "created_at",
    )  # fmt: skip
    for row in rows.iterator(chunk_size=2000):
        pk, first, last, business, city, state, score, tags, flags, status, enrichment, reason, created = row
        yield [pk, first, last, business or "", city or "", state or "", score, " ".join(tags or []),
               " ".join(flags or []), status, enrichment, reason, created.isoformat()]  # fmt: skip
