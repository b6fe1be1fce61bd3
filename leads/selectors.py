"""Reads of stage 4: the lead list with its filters."""

from .models import Lead


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
