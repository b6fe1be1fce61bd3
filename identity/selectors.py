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


def persona_list(*, team, q: str | None = None, state: str | None = None, include_merged: bool = False):
    """Return the team's personas (active ones unless ``include_merged``), searched by name or phone, by state."""
    qs = Persona.objects.for_team(team).prefetch_related("phones", "emails", "business_links__business")
    if not include_merged:
        qs = qs.filter(is_merged=False)
    if q:
        digits = "".join(ch for ch in q if ch.isdigit())
        cond = Q(normalized_last_name__icontains=q) | Q(normalized_first_name__icontains=q) | Q(id=q)
        words = [w for w in q.replace(",", " ").split() if not any(ch.isdigit() for ch in w)]
        if len(words) > 1:  # a full name, in either order ("Brett Beauman", "Beauman, Brett"): every word matches
            full = Q()
            for word in words:
                full &= Q(normalized_first_name__icontains=word) | Q(normalized_last_name__icontains=word)
            cond |= full
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


def persona_history(*, persona: Persona):
    """Return the merge history rows a persona takes part in, newest first."""
    from .models import PersonaMergeHistory

    return (
        PersonaMergeHistory.objects.filter(team_id=persona.team_id)
        .filter(Q(survivor=persona) | Q(merged=persona))
        .select_related("user", "survivor", "merged")
        .order_by("-created_at", "-id")
    )


def match_review_list(*, team, status: str = "pending"):
    """Return the team's review pairs with a status, best score first."""
    from .models import MatchReview

    qs = (
        MatchReview.objects.for_team(team)
        .select_related("persona_a", "persona_b", "decided_by")
        .prefetch_related(
            "persona_a__phones",
            "persona_a__emails",
            "persona_a__business_links__business",
            "persona_b__phones",
            "persona_b__emails",
            "persona_b__business_links__business",
        )
    )
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-score", "created_at")


def match_review_get(*, team, pk: str):
    """Return one of the team's review pairs or raise DoesNotExist."""
    from .models import MatchReview

    return MatchReview.objects.for_team(team).select_related("persona_a", "persona_b").get(pk=pk)


def merge_history_get(*, team, pk: str):
    """Return one of the team's merge history rows or raise DoesNotExist."""
    from .models import PersonaMergeHistory

    return PersonaMergeHistory.objects.for_team(team).get(pk=pk)


def resolution_last_run(*, team):
    """Return the team's latest stage-3 run, or None."""
    from usdatabiz.core.models import StageRun

    return StageRun.objects.for_team(team).filter(stage=3).order_by("-started_at").first()


def automatic_merges(*, team, run_id: str | None = None):
    """Return the team's automatic (system) merges, newest first; only those of one run with ``run_id``."""
    from .models import PersonaMergeHistory

    qs = PersonaMergeHistory.objects.for_team(team).filter(
        action=PersonaMergeHistory.Action.MERGE, merged_by=PersonaMergeHistory.By.SYSTEM
    )
    if run_id:
        qs = qs.filter(run_id=run_id)
    return qs.select_related("survivor", "merged", "run").order_by("-created_at", "-id")


def resolution_runs(*, team):
    """Return the team's stage-3 runs, newest first."""
    from usdatabiz.core.models import StageRun

    return StageRun.objects.for_team(team).filter(stage=3).order_by("-started_at")
