"""Reads of businesses and personas."""

from django.db.models import Q

from .models import Business, Persona


def business_list(*, team, q: str | None = None, state: str | None = None):
    """Return the team's businesses, optionally searched by name, ZIP or SIC and filtered by state."""
    qs = Business.objects.for_team(team)
    if q:
        qs = qs.filter(Q(normalized_name__icontains=q) | Q(name__icontains=q) | Q(zip5=q) | Q(sic_code=q))
    if state:
        qs = qs.filter(state=state.upper())
    return qs.order_by("normalized_name", "id")


def persona_list(*, team, q: str | None = None, state: str | None = None):
    """Return the team's personas, optionally searched by name or phone and filtered by state."""
    qs = Persona.objects.for_team(team).prefetch_related("phones", "emails", "business_links__business")
    if q:
        digits = "".join(ch for ch in q if ch.isdigit())
        cond = Q(normalized_last_name__icontains=q) | Q(normalized_first_name__icontains=q) | Q(id=q)
        if len(digits) >= 7:
            cond |= Q(phones__normalized_number__contains=digits)
        qs = qs.filter(cond).distinct()
    if state:
        qs = qs.filter(state=state.upper())
    return qs.order_by("normalized_last_name", "normalized_first_name", "id")


def persona_get(*, team, pk: str) -> Persona:
    """Return one of the team's personas or raise DoesNotExist."""
    return Persona.objects.for_team(team).prefetch_related("phones", "emails", "business_links__business").get(pk=pk)


def business_get(*, team, pk: str) -> Business:
    """Return one of the team's businesses or raise DoesNotExist."""
    return Business.objects.for_team(team).prefetch_related("owner_links__persona").get(pk=pk)
