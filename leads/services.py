"""Writes of stage 4 (LUCY): create a lead per surviving persona and business, score and tag it."""

import logging

from django.db import transaction
from django.utils import timezone

from identity.models import BusinessOwner, Persona, PersonaEmail, PersonaPhone
from usdatabiz.core.dbstats import analyze_after_bulk_write
from usdatabiz.core.leases import LeaseLost, work_claim, work_done, work_heartbeat
from usdatabiz.core.models import StageFailure, StageRun, Team
from usdatabiz.core.paging import pages
from usdatabiz.core.services import stage_run_finish, stage_run_start
from usdatabiz.core.transitions import transition

from . import scoring
from .models import Lead, LeadPreparation, LeadSettings

log = logging.getLogger(__name__)
SUBJECT = "leads.lead"
BATCH = 2000


def lead_settings_get(*, team: Team | str) -> LeadSettings:
    """Return the team's scoring settings (created empty, meaning defaults, on first use)."""
    team_id = team.pk if isinstance(team, Team) else team
    settings_row, _ = LeadSettings.objects.get_or_create(team_id=team_id)
    return settings_row


def lead_settings_update(
    *, team: Team | str, weights: dict, tag_rules: list, daily_trace_cap: int | None
) -> LeadSettings:
    """Save the team's weights, tag rules and daily cap (validated), then rescore its leads in the background."""
    from usdatabiz.core import journey

    row = lead_settings_get(team=team)
    row.weights, row.tag_rules, row.daily_trace_cap = weights, tag_rules, daily_trace_cap
    row.full_clean()
    with transaction.atomic():
        row.save()
        journey.enqueue("leads.tasks.leads_rescore_task", row.team_id)
    return row


def lead_transition(*, lead: Lead, to: str, close_reason: str = "", actor=None, reason: str = "") -> Lead:
    """Move a lead to status ``to`` if its transition map allows it (``core.transitions``, with an audit row)."""
    extra = {"close_reason": close_reason} if close_reason else {}
    return transition(lead, to, actor=actor, reason=reason or close_reason, **extra)


def leads_create(*, team_id: str, beat=None) -> int:
    """Create the missing leads: one per active persona and business it is linked to (or none).

    Written in transactions of ``BATCH`` rows, so no other process waits long for SQLite's write lock (a run
    stopped half-way leaves whole batches, and the next one creates only what is still missing); ``beat`` is
    called before each (a lease's heartbeat).
    """
    existing = set(Lead.objects.filter(team_id=team_id).values_list("persona_id", "business_id"))
    links = BusinessOwner.objects.filter(team_id=team_id, persona__is_merged=False).values_list(
        "persona_id", "business_id"
    )
    wanted = []
    seen_personas = set()
    for persona_id, business_id in links.iterator(chunk_size=20000):
        seen_personas.add(persona_id)
        if (persona_id, business_id) not in existing:
            existing.add((persona_id, business_id))
            wanted.append(Lead(team_id=team_id, persona_id=persona_id, business_id=business_id))
    for persona_id in Persona.objects.filter(team_id=team_id, is_merged=False).values_list("pk", flat=True):
        if persona_id not in seen_personas and (persona_id, None) not in existing:
            wanted.append(Lead(team_id=team_id, persona_id=persona_id, business_id=None))
    for start in range(0, len(wanted), BATCH):
        if beat is not None:
            beat()
        Lead.objects.bulk_create(wanted[start : start + BATCH])
    # stage 6 picks blocks from these rows next: plan it on their real numbers, not on an empty table's
    analyze_after_bulk_write(Lead, Persona, PersonaPhone, BusinessOwner, rows=len(wanted))
    return len(wanted)


def _facts(leads: list[Lead]) -> dict[str, scoring.LeadFacts]:
    persona_ids = {lead.persona_id for lead in leads}
    phones: dict[str, list[str]] = {}
    for pid, kind in PersonaPhone.objects.filter(persona_id__in=persona_ids).values_list("persona_id", "phone_type"):
        phones.setdefault(pid, []).append(kind)
    emails = set(PersonaEmail.objects.filter(persona_id__in=persona_ids).values_list("persona_id", flat=True))
    facts = {}
    for lead in leads:
        business = lead.business
        kinds = phones.get(lead.persona_id, [])
        facts[lead.pk] = scoring.LeadFacts(
            sic_code=business.sic_code if business else None,
            revenue=business.revenue if business else None,
            year_founded=business.year_founded if business else None,
            employees=business.employees if business else None,
            has_phone=bool(kinds),
            has_mobile=PersonaPhone.PhoneType.MOBILE in kinds,
            has_email=lead.persona_id in emails,
            state=(business.state if business and business.state else lead.persona.state) or None,
        )
    return facts


def leads_score(*, team_id: str, leads=None, run: StageRun | None = None, beat=None) -> dict[str, int]:
    """Score and tag leads in batches; record MISSING_DATA, TAG_CONFLICT and SCORING_MODEL_ERROR and go on.

    ``beat`` is called before each batch is written (a lease's heartbeat: it raises to stop a worker that lost it).
    """
    settings_row = lead_settings_get(team=team_id)
    queryset = leads if leads is not None else Lead.objects.filter(team_id=team_id)
    queryset = queryset.select_related("business", "persona").order_by("pk")
    today = timezone.now()
    counts = {"scored": 0, "MISSING_DATA": 0, "TAG_CONFLICT": 0, "SCORING_MODEL_ERROR": 0}

    def flush(batch: list[Lead]):
        facts = _facts(batch)
        failures = []
        for lead in batch:
            try:
                result = scoring.score_lead(facts[lead.pk], settings_row.weights or None, today_year=today.year)
                tags = scoring.base_tags(facts[lead.pk], result.score)
                tags, conflicts = scoring.apply_rules(tags, facts[lead.pk], result.score, settings_row.tag_rules)
            except Exception as exc:  # one lead's failure must not stop the batch
                log.exception("scoring failed for %s", lead.pk)
                counts["SCORING_MODEL_ERROR"] += 1
                failures.append(_failure(lead, run, "SCORING_MODEL_ERROR", "", f"{exc.__class__.__name__}: {exc}"))
                continue
            lead.score, lead.score_breakdown, lead.tags, lead.flags = (
                result.score,
                result.breakdown,
                tags,
                result.missing,
            )
            lead.scored_at = today
            counts["scored"] += 1
            if result.missing:
                counts["MISSING_DATA"] += 1
                failures.append(
                    _failure(
                        lead,
                        run,
                        "MISSING_DATA",
                        ",".join(result.missing),
                        f"Scored on what exists; missing: {', '.join(result.missing)}.",
                    )
                )
            for conflict in conflicts:
                counts["TAG_CONFLICT"] += 1
                failures.append(_failure(lead, run, "TAG_CONFLICT", "tags", conflict))
        if beat is not None:
            beat()
        with transaction.atomic():
            Lead.objects.bulk_update(batch, ["score", "score_breakdown", "tags", "flags", "scored_at"], batch_size=500)
            StageFailure.objects.bulk_create(failures, batch_size=BATCH)

    # Pages read whole before anything is written (``core.paging``): a query left open across the writes keeps
    # SQLite reading an old snapshot, and its next write then fails with "database is locked".
    for batch in pages(queryset, BATCH):
        flush(batch)
    return counts


def _failure(lead: Lead, run, code: str, raw: str, detail: str) -> StageFailure:
    return StageFailure(
        team_id=lead.team_id,
        stage=4,
        code=code,
        run=run,
        subject_type=SUBJECT,
        subject_id=lead.pk,
        field="score" if code != "TAG_CONFLICT" else "tags",
        raw_value=raw[:2000],
        detail=detail[:4000],
    )


def leads_prepare(*, team: Team | str, triggered_at=None, preparation: LeadPreparation | None = None) -> StageRun:
    """Stage 4: create the team's missing leads and score every lead that has never been scored.

    With ``preparation`` (leased work, see ``lead_preparation_run``) the run is noted on it, so the sweeper can
    close it if this worker dies, and its lease is renewed between steps (LeaseLost once another worker has it).
    """
    team_id = team.pk if isinstance(team, Team) else team
    run = stage_run_start(team=team_id, stage=4, triggered_at=triggered_at)
    beat = None
    if preparation is not None:
        LeadPreparation.objects.filter(pk=preparation.pk).update(run=run)
        preparation.run = run

        def beat():
            if not work_heartbeat(preparation):
                raise LeaseLost(f"stage 4 {preparation.pk} was taken over")

    created = leads_create(team_id=team_id, beat=beat)
    if beat is not None:
        beat()
    # Earlier MISSING_DATA records of re-scored leads are superseded by this run's.
    unscored = Lead.objects.filter(team_id=team_id, scored_at__isnull=True)
    counts = leads_score(team_id=team_id, leads=unscored, run=run, beat=beat)
    detail = f"created {created}, " + ", ".join(f"{k} {v}" for k, v in counts.items())
    return stage_run_finish(
        run=run, status=StageRun.Status.SUCCEEDED, count_in=created, count_out=counts["scored"], detail=detail
    )


def lead_preparation_create(*, team: Team | str, after: str = "", triggered_at=None) -> LeadPreparation:
    """Record a run of stage 4 for a team, once per stage-3 run ``after`` (a second delivery finds the first)."""
    team_id = team.pk if isinstance(team, Team) else team
    if not after:
        return LeadPreparation.objects.create(team_id=team_id, triggered_at=triggered_at)
    preparation, _ = LeadPreparation.objects.get_or_create(
        team_id=team_id, after=after, defaults={"triggered_at": triggered_at}
    )
    return preparation


def lead_preparation_run(*, preparation_id: str) -> StageRun | None:
    """Run stage 4 under the preparation's lease, then queue what follows it; None when held elsewhere or done."""
    from usdatabiz.core import journey

    preparation = work_claim(LeadPreparation, preparation_id)
    if preparation is None:
        return None
    try:
        run = leads_prepare(team=preparation.team_id, triggered_at=preparation.triggered_at, preparation=preparation)
        with transaction.atomic():
            work_done(preparation)  # fenced: a worker presumed dead does not hand stage 4 over a second time
            journey.advance(stage=4, subject_id=run.pk, team_id=preparation.team_id)
    except LeaseLost as exc:  # the sweeper gave it to another worker, which goes on with it
        log.info("stage 4 stopped: %s", exc)
        return None
    return run


def leads_rescore(*, team: Team | str, leads=None) -> dict[str, int]:
    """Score leads again (after a change of weights, rules or data)."""
    team_id = team.pk if isinstance(team, Team) else team
    run = stage_run_start(team=team_id, stage=4)
    counts = leads_score(team_id=team_id, leads=leads, run=run)
    stage_run_finish(
        run=run,
        status=StageRun.Status.SUCCEEDED,
        count_in=counts["scored"],
        count_out=counts["scored"],
        detail="rescore: " + ", ".join(f"{k} {v}" for k, v in counts.items()),
    )
    return counts
