"""Writes of stage 6: templates, campaigns, LUCI's block formation and the human approval gate."""

import logging
from collections import Counter

from django.contrib.auth.models import AbstractBaseUser
from django.db import OperationalError, transaction
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone

from identity.models import PersonaPhone
from leads import selectors as lead_selectors
from leads.models import Lead
from usdatabiz.core import journey
from usdatabiz.core.errors import DomainError, IllegalTransition
from usdatabiz.core.models import StageRun, Team
from usdatabiz.core.selectors import membership_get
from usdatabiz.core.services import stage_failure_record, stage_run_finish, stage_run_start
from usdatabiz.core.transitions import transition

from .models import Campaign, CampaignEvent, CampaignLead, CampaignStep, CampaignVariant, LeadBlock, MessageTemplate

log = logging.getLogger(__name__)
STAGE = 6
CRITERIA_KEYS = ("min_score", "max_score", "tag", "state")
MAX_STEP_DELAY_DAYS = 60


class CampaignError(DomainError):
    """A campaign request that cannot be carried out (its ``code`` is one of the seed's stage 6 codes)."""


def _team_id(team: Team | str) -> str:
    return team.pk if isinstance(team, Team) else team


def _actor_label(actor) -> str:
    if actor is None:
        return "LUCI"
    return getattr(actor, "get_username", lambda: str(actor))()


# -- templates ------------------------------------------------------------------------------------------


def template_create(
    *,
    team: Team | str,
    name: str,
    body: str,
    worker: str = MessageTemplate.Worker.GIANNA,
    is_active: bool = True,
    user=None,
) -> MessageTemplate:
    """Create an opening text after checking its merge fields and opt-out line."""
    template = MessageTemplate(
        team_id=_team_id(team), name=name, body=body, worker=worker, is_active=is_active, created_by=user
    )
    template.full_clean()
    template.save()
    return template


def template_update(*, template: MessageTemplate, **fields) -> MessageTemplate:
    """Change a template's name, body, worker or active flag (checked like a new one)."""
    for name in ("name", "body", "worker", "is_active"):
        if name in fields:
            setattr(template, name, fields[name])
    template.full_clean()
    template.save()
    return template


# -- campaigns ------------------------------------------------------------------------------------------


def clean_criteria(criteria: dict | None) -> dict:
    """Return the lead filters LUCI understands, checked like the lead list's (a state name becomes its code).

    Refused as ``INVALID_CRITERIA`` naming the filter: an unknown key, or a value the lead list would refuse.
    """
    from leads.forms import LeadFilterForm

    criteria = dict(criteria or {})
    unknown = sorted(set(criteria) - set(CRITERIA_KEYS))
    if unknown:
        raise CampaignError(
            "INVALID_CRITERIA", f"Unknown lead filter {unknown[0]!r}; use {', '.join(CRITERIA_KEYS)}.", field=unknown[0]
        )
    form = LeadFilterForm({k: v for k, v in criteria.items() if v is not None})
    if not form.is_valid():
        field, errors = next(iter(form.errors.items()))
        raise CampaignError("INVALID_CRITERIA", f"{field}: {errors[0]}", field=field)
    return {k: v for k, v in form.cleaned_data.items() if k in CRITERIA_KEYS and v not in (None, "")}


def _team_template(team_id: str, template, code: str = "TEMPLATE_MISSING") -> MessageTemplate:
    if template is None or template.team_id != team_id:
        raise CampaignError(code, "That template does not exist.", http_status=404)
    if not template.is_active:
        raise CampaignError(code, f"The template {template.name!r} is not active.")
    return template


def _clean_variants(team_id: str, template, variants) -> list[MessageTemplate]:
    """Return the extra variants' templates (B, C, D) after checking they are the team's, active and distinct."""
    chosen = [t for t in (variants or []) if t is not None]
    if len(chosen) > Campaign.MAX_VARIANTS - 1:
        raise CampaignError("INVALID_VARIANTS", f"A campaign tries at most {Campaign.MAX_VARIANTS} texts (A-D).")
    if chosen and template is None:
        raise CampaignError("INVALID_VARIANTS", "Choose the campaign's template (variant A) before other variants.")
    ids = [template.pk] + [t.pk for t in chosen] if template is not None else []
    if len(set(ids)) != len(ids):
        raise CampaignError("INVALID_VARIANTS", "Each variant uses a different template.")
    return [_team_template(team_id, t, "INVALID_VARIANTS") for t in chosen]


def _clean_steps(team_id: str, steps) -> list[tuple[int, MessageTemplate]]:
    """Return ``[(delay_days, template), ...]`` for up to 3 follow-ups, each after 1 to 60 days."""
    steps = [(delay, t) for delay, t in (steps or []) if t is not None or delay]
    if len(steps) > CampaignStep.MAX:
        raise CampaignError("INVALID_STEPS", f"A campaign has at most {CampaignStep.MAX} follow-up steps.")
    cleaned = []
    for number, (delay, template) in enumerate(steps, start=1):
        if template is None:
            raise CampaignError("INVALID_STEPS", f"Step {number}: choose the template it sends.")
        if delay is None or not 1 <= int(delay) <= MAX_STEP_DELAY_DAYS:
            raise CampaignError("INVALID_STEPS", f"Step {number}: wait 1 to {MAX_STEP_DELAY_DAYS} days for a reply.")
        cleaned.append((int(delay), _team_template(team_id, template, "INVALID_STEPS")))
    return cleaned


def _clean_schedule(scheduled_at):
    if scheduled_at is not None and scheduled_at <= timezone.now():
        raise CampaignError("INVALID_SCHEDULE", "The scheduled start is in the past; choose a later time or none.")
    return scheduled_at


def _save_variants(campaign: Campaign, templates: list[MessageTemplate]) -> None:
    CampaignVariant.objects.filter(campaign=campaign).delete()
    CampaignVariant.objects.bulk_create(
        CampaignVariant(team_id=campaign.team_id, campaign=campaign, label=label, template=template)
        for label, template in zip(Campaign.VARIANT_LABELS[1:], templates, strict=False)
    )


def _save_steps(campaign: Campaign, steps: list[tuple[int, MessageTemplate]]) -> None:
    CampaignStep.objects.filter(campaign=campaign).delete()
    CampaignStep.objects.bulk_create(
        CampaignStep(team_id=campaign.team_id, campaign=campaign, number=n, delay_days=delay, template=template)
        for n, (delay, template) in enumerate(steps, start=1)
    )


def _clean_sender_number(team_id: str, number):
    """A campaign's own sender number: None (the team's default rule), or one of the team's active numbers."""
    if number is None:
        return None
    if number.team_id != team_id:
        raise CampaignError(
            "SENDER_NUMBER_INVALID", "That number does not exist.", http_status=404, field="sender_number"
        )
    if number.status != type(number).Status.ACTIVE:
        raise CampaignError(
            "SENDER_NUMBER_INVALID", f"{number.formatted} is {number.status}: choose an active number, or none.",
            field="sender_number",
        )  # fmt: skip
    return number


def campaign_create(
    *,
    team: Team | str,
    name: str,
    template: MessageTemplate | None = None,
    criteria: dict | None = None,
    block_size: int = LeadBlock.SIZE,
    allow_partial_block: bool = False,
    sender_name: str = "",
    sender_number=None,
    scheduled_at=None,
    variants: list[MessageTemplate] | None = None,
    steps: list[tuple[int, MessageTemplate]] | None = None,
    user=None,
) -> Campaign:
    """Create a draft campaign (with its A/B variants and follow-up steps); LUCI forms its block when staged."""
    team_id = _team_id(team)
    if template is not None and template.team_id != team_id:
        raise CampaignError("TEMPLATE_MISSING", "That template does not exist.", http_status=404)
    _check_block_size(block_size)
    _clean_sender_number(team_id, sender_number)
    extra = _clean_variants(team_id, template, variants)
    follow_ups = _clean_steps(team_id, steps)
    campaign = Campaign(
        team_id=team_id,
        name=name,
        template=template,
        criteria=clean_criteria(criteria),
        block_size=block_size,
        allow_partial_block=allow_partial_block,
        sender_name=sender_name,
        sender_number=sender_number,
        scheduled_at=_clean_schedule(scheduled_at),
        created_by=user,
    )
    campaign.full_clean()
    with transaction.atomic():
        campaign.save()
        _save_variants(campaign, extra)
        _save_steps(campaign, follow_ups)
        _event(campaign, "", Campaign.Status.DRAFT, user, "created")
    return campaign


def _check_block_size(block_size) -> None:
    if not 1 <= int(block_size) <= LeadBlock.SIZE:
        raise CampaignError("INVALID_BLOCK_SIZE", f"A block holds 1 to {LeadBlock.SIZE:,} leads.")


# What changes the block or the texts: editing one of these on a staged campaign sends it back to draft.
RESTAGE_FIELDS = (
    "template", "criteria", "block_size", "allow_partial_block", "sender_name", "sender_number", "variants",
)  # fmt: skip
EDITABLE_FIELDS = (*RESTAGE_FIELDS, "name", "scheduled_at", "steps")
_UNSET = object()


def campaign_update(*, campaign: Campaign, user, **changes) -> Campaign:
    """Edit a campaign until it is approved: name, template, criteria, block size, sender number, schedule,
    variants, steps.

    Refused as ``NOT_EDITABLE`` (409) once approved. On a staged campaign, a change to what forms the block or
    to what is sent (template, variants, criteria, block size, sender name or number) returns it to draft and releases
    its block, so that what a person approves is what was staged; the edit is in the campaign's history.
    """
    unknown = sorted(set(changes) - set(EDITABLE_FIELDS))
    if unknown:
        raise CampaignError("NOT_EDITABLE", f"{unknown[0]!r} cannot be edited.")
    with transaction.atomic():
        current = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if not current.is_editable:
            raise CampaignError(
                "NOT_EDITABLE", f"A campaign can be edited until it is approved; this one is {current.status}.",
                http_status=409,
            )  # fmt: skip
        team_id = current.team_id
        template = changes.get("template", current.template)
        if "template" in changes and template is not None:
            _team_template(team_id, template)
        old_variants = [t for label, t in current.variant_templates() if label != "A"]
        variants = changes.get("variants", old_variants)
        extra = _clean_variants(team_id, template, variants)
        if "block_size" in changes:
            _check_block_size(changes["block_size"])
        if "sender_number" in changes:
            _clean_sender_number(team_id, changes["sender_number"])
        values = {
            "name": changes.get("name", current.name),
            "template": template,
            "criteria": clean_criteria(changes["criteria"]) if "criteria" in changes else current.criteria,
            "block_size": changes.get("block_size", current.block_size),
            "allow_partial_block": changes.get("allow_partial_block", current.allow_partial_block),
            "sender_name": changes.get("sender_name", current.sender_name),
            "sender_number": changes.get("sender_number", current.sender_number),
            "scheduled_at": current.scheduled_at,
        }
        if "scheduled_at" in changes and changes["scheduled_at"] != current.scheduled_at:
            values["scheduled_at"] = _clean_schedule(changes["scheduled_at"])
        changed = [name for name, value in values.items() if getattr(current, name) != value]
        if "variants" in changes and [t.pk for t in extra] != [t.pk for t in old_variants]:
            changed.append("variants")
        old_steps = [(s.delay_days, s.template_id) for s in current.steps.all()]
        if "steps" in changes:
            steps = _clean_steps(team_id, changes["steps"])
            if [(d, t.pk) for d, t in steps] != old_steps:
                changed.append("steps")
        if not changed:
            return campaign
        for name, value in values.items():
            setattr(current, name, value)
        current.full_clean()
        current.save()
        if "variants" in changed:
            _save_variants(current, extra)
        if "steps" in changed:
            _save_steps(current, steps)
        note = f"edited by {_actor_label(user)}: " + ", ".join(n.replace("_", " ") for n in changed)
        if current.status == Campaign.Status.STAGED and set(changed) & set(RESTAGE_FIELDS):
            campaign_transition(campaign=current, to=Campaign.Status.DRAFT, actor=user, note=note + "; stage it again")
            CampaignLead.objects.filter(campaign=current).delete()
            _release_block(current, "edited")
            Campaign.objects.filter(pk=current.pk).update(lead_block=None, staged_at=None)
        else:
            _event(current, current.status, current.status, user, note)
    campaign.refresh_from_db()
    return campaign


def _event(
    campaign: Campaign, from_status: str, to_status: str, actor, note: str = "", step: int | None = None
) -> CampaignEvent:
    return CampaignEvent.objects.create(
        team_id=campaign.team_id,
        campaign=campaign,
        from_status=from_status,
        to_status=to_status,
        step=step,
        actor=actor if isinstance(actor, AbstractBaseUser) else None,
        actor_label=actor if isinstance(actor, str) else _actor_label(actor),
        note=note[:4000],
        correlation_id=campaign.correlation_id,
    )


def campaign_transition(*, campaign: Campaign, to: str, actor=None, note: str = "", **fields) -> Campaign:
    """Move a campaign to ``to`` if its map allows it, with an audit event, in one transaction.

    ``actor`` is a user, or a label such as "LUCI" or "SYSTEM" for automatic steps. The row is locked and
    re-read first, so two people acting at once cannot both move it.
    """
    with transaction.atomic():
        current = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if to not in Campaign.TRANSITIONS.get(current.status, set()):
            raise IllegalTransition("Campaign", current.status, to)
        from_status = current.status
        if note:
            fields["status_note"] = note
        transition(current, to, actor=actor, reason=note, **fields)  # the audit row of every stateful model
        _event(current, from_status, to, actor, note)
    campaign.refresh_from_db()
    return campaign


def _own_mobiles():
    """The person's mobiles that are valid, not on a do-not-call list and not known disconnected."""
    return (
        PersonaPhone.objects.filter(
            persona_id=OuterRef("persona_id"),
            phone_type=PersonaPhone.PhoneType.MOBILE,
            is_valid=True,
            do_not_call=False,
        )
        .exclude(is_connected=False)
        .order_by("-updated_at", "id")
    )


def _marked_numbers(team_id: str, code: str):
    """Numbers of the team a send-time check refuses whoever they are for: a phone row on a do-not-call list
    (``DNC_BLOCKED``) or the number of a person marked do-not-contact (``DO_NOT_CONTACT``), the same marks
    ``messaging.services.number_marks`` reads when the text leaves."""
    phones = PersonaPhone.objects.filter(team_id=team_id)
    marked = phones.filter(do_not_call=True) if code == "DNC_BLOCKED" else phones.filter(persona__do_not_contact=True)
    return marked.values("normalized_number")


def _mobile_phones(team_id: str):
    """Phones LUCI may text: the person's own textable mobiles whose number no person of the team marked and no
    consent record of the team refuses (opted out, held for an opt-out review, not textable)."""
    phones = (
        _own_mobiles()
        .exclude(normalized_number__in=_marked_numbers(team_id, "DNC_BLOCKED"))
        .exclude(normalized_number__in=_marked_numbers(team_id, "DO_NOT_CONTACT"))
    )
    for numbers in journey.refused_numbers(stage=STAGE, team_id=team_id).values():
        phones = phones.exclude(normalized_number__in=numbers)
    return phones


def qualified_leads(*, team: Team | str, criteria: dict | None = None):
    """Return the team's leads LUCI may put in a new block, best first.

    A qualified lead is new, belongs to a surviving person who may be contacted, matches the criteria and
    is not in an open campaign (nor is anyone else's lead for the same person).
    """
    team_id = _team_id(team)
    in_open = CampaignLead.objects.filter(campaign__status__in=Campaign.OPEN, team_id=team_id)
    return (
        lead_selectors.lead_list(team=team_id, **clean_criteria(criteria))
        .filter(status=Lead.Status.NEW, persona__is_merged=False, persona__do_not_contact=False)
        .exclude(Exists(in_open.filter(persona_id=OuterRef("persona_id"))))
    )


def campaign_stage(*, campaign: Campaign, actor=None) -> Campaign:
    """Let LUCI form the campaign's block of leads with a textable mobile and stage it for approval.

    Refused with ``TEMPLATE_MISSING`` when no active template is chosen, and with the code of any check the
    pipeline sets before stage 6 (``NO_SENDER_NUMBER``: the team has no active number to text from). Leads
    without a textable mobile are left out and counted (``NO_MOBILE_PHONES``), and so are those whose only textable
    mobiles another person of the team marked (``DNC_BLOCKED``, ``DO_NOT_CONTACT``) or the team's consent records
    refuse (``OPTED_OUT``, ``OPT_OUT_REVIEW``, ``NOT_TEXTABLE``; another team's records do not count); fewer
    qualified leads than the
    block size is ``INSUFFICIENT_LEADS``, which stops staging unless the campaign allows a partial block. An unexpected
    error is ``BLOCK_FORMATION_ERROR`` and leaves nothing half formed. Every failure is in the ledger and
    on the campaign.
    """
    if campaign.status != Campaign.Status.DRAFT:
        raise IllegalTransition("Campaign", campaign.status, Campaign.Status.STAGED)
    template = campaign.template
    if template is None or not template.is_active:
        return _stage_refused(campaign, None, "TEMPLATE_MISSING", "Choose an active message template first.")
    inactive = [label for label, t in campaign.variant_templates() if not t.is_active]
    if inactive:
        return _stage_refused(
            campaign, None, "TEMPLATE_MISSING", f"The template of variant {inactive[0]} is no longer active."
        )
    refusal = journey.gate(stage=STAGE, team_id=campaign.team_id)  # e.g. NO_SENDER_NUMBER (usdatabiz/pipeline.py)
    if refusal:
        return _stage_refused(campaign, None, *refusal)
    run = stage_run_start(team=campaign.team_id, stage=STAGE, subject=campaign)
    try:
        with transaction.atomic():
            _lock_for_forming(campaign)
            block, shortfall = _form_block(campaign, run)
            if block.lead_count == 0:
                code = "NO_MOBILE_PHONES" if block.skipped_no_mobile else "INSUFFICIENT_LEADS"
                transaction.set_rollback(True)
            elif shortfall and not campaign.allow_partial_block:
                code = "INSUFFICIENT_LEADS"
                transaction.set_rollback(True)
            else:
                code = ""
                campaign_transition(
                    campaign=campaign,
                    to=Campaign.Status.STAGED,
                    actor=actor or "LUCI",
                    note=f"LUCI formed block {block.pk} of {block.lead_count} leads",
                    lead_block=block,
                    staged_at=timezone.now(),
                    error_code="",
                    error_message="",
                )
    except DomainError as exc:  # another request is forming a block, or staged this campaign meanwhile
        stage_run_finish(run=run, status=StageRun.Status.FAILED, detail=f"{exc.code}: {exc.message}")
        raise
    except Exception as exc:  # noqa: BLE001 - any failure forming the block is BLOCK_FORMATION_ERROR, named
        log.exception("block formation failed for %s", campaign.pk)
        detail = f"{type(exc).__name__}: {exc}"
        return _stage_refused(campaign, run, "BLOCK_FORMATION_ERROR", f"LUCI could not form the block ({detail}).")
    if code:
        wanted, seen, skipped = campaign.block_size, block.candidates_seen, block.skipped_no_mobile
        messages = {
            "NO_MOBILE_PHONES": f"None of the {skipped} qualified leads has a textable mobile; skip-trace them first.",
            "INSUFFICIENT_LEADS": (
                f"Only {block.lead_count} of the {wanted} leads wanted qualify ({seen} matched the filters, "
                f"{skipped} without a textable mobile, {block.skipped_duplicate_number} sharing a number texted "
                f"already, {block.skipped_marked_number} on a number marked do-not-call or do-not-contact, "
                f"{block.skipped_opted_out} opted out (OPTED_OUT), {block.skipped_opt_out_review} held for an "
                f"opt-out review (OPT_OUT_REVIEW), {block.skipped_not_textable} not textable (NOT_TEXTABLE))."
                + ("" if block.lead_count == 0 else " Allow a partial block to stage anyway.")
            ),
        }
        return _stage_refused(campaign, run, code, messages[code])
    if shortfall:
        stage_failure_record(
            team=campaign.team_id,
            stage=STAGE,
            code="INSUFFICIENT_LEADS",
            subject=campaign,
            run=run,
            detail=f"Staged a partial block: {block.lead_count} of {campaign.block_size} leads.",
        )
    stage_run_finish(
        run=run,
        status=StageRun.Status.SUCCEEDED,
        count_in=block.candidates_seen,
        count_out=block.lead_count,
        detail=f"block {block.pk}: {block.lead_count} leads, {block.skipped_no_mobile} without a mobile, "
        f"{block.skipped_duplicate_number} sharing a number texted already, "
        f"{block.skipped_marked_number} on a number another person of the team marked, "
        f"{block.skipped_opted_out + block.skipped_opt_out_review + block.skipped_not_textable} on a number the "
        "team's consent records refuse",
    )
    campaign.refresh_from_db()
    return campaign


def _lock_for_forming(campaign: Campaign) -> None:
    """Take the team's block-forming lock without waiting, and check the campaign is still a draft under it.

    One block forms at a time per team (a lead must not land in two blocks); a second request at once, for this
    campaign or another of the team, is refused at once with ``BLOCK_FORMATION_BUSY`` instead of waiting.
    """
    try:
        # NO KEY UPDATE: rows of the team may still be inserted meanwhile (their foreign key takes KEY SHARE)
        list(Team.objects.select_for_update(nowait=True, no_key=True).filter(pk=campaign.team_id))
    except OperationalError as exc:
        raise CampaignError(
            "BLOCK_FORMATION_BUSY",
            "LUCI is forming another block for this team right now; try again in a moment.",
            http_status=409,
            retryable=True,
        ) from exc
    current = Campaign.objects.select_for_update().values_list("status", flat=True).get(pk=campaign.pk)
    if current != Campaign.Status.DRAFT:
        raise IllegalTransition("Campaign", current, Campaign.Status.STAGED)


def _stage_refused(campaign: Campaign, run: StageRun | None, code: str, message: str) -> Campaign:
    run = run or stage_run_start(team=campaign.team_id, stage=STAGE, subject=campaign)
    stage_failure_record(team=campaign.team_id, stage=STAGE, code=code, subject=campaign, run=run, detail=message)
    stage_run_finish(run=run, status=StageRun.Status.FAILED, detail=f"{code}: {message}")
    Campaign.objects.filter(pk=campaign.pk).update(error_code=code, error_message=message, updated_at=timezone.now())
    campaign.refresh_from_db()
    return campaign


def _form_block(campaign: Campaign, run: StageRun) -> tuple[LeadBlock, bool]:
    """Create the block and its campaign leads inside the caller's transaction; return (block, short?)."""
    block = LeadBlock.objects.create(
        team_id=campaign.team_id,
        size_target=campaign.block_size,
        criteria=campaign.criteria,
        correlation_id=campaign.correlation_id,
    )
    pool = qualified_leads(team=campaign.team_id, criteria=campaign.criteria)
    mobiles = _mobile_phones(campaign.team_id)
    with_mobile = pool.filter(Exists(mobiles)).annotate(
        mobile_id=Subquery(mobiles.values("id")[:1]), mobile_number=Subquery(mobiles.values("normalized_number")[:1])
    )
    chosen: list[CampaignLead] = []
    personas: set[str] = set()
    variants = campaign.variant_templates()  # split evenly: best score first, A, B, C, D, A, B ...
    # A number is texted once per campaign: not for a second lead that shares it (an office line, a family
    # mobile), nor when another open campaign of the team holds it already.
    numbers = set(
        CampaignLead.objects.filter(team_id=campaign.team_id, campaign__status__in=Campaign.OPEN)
        .exclude(campaign=campaign)
        .values_list("phone_number", flat=True)
    )
    duplicates: list[tuple[str, str]] = []
    for lead in with_mobile.select_related(None).only("id", "persona_id", "score").iterator(chunk_size=2000):
        if lead.persona_id in personas:
            continue  # a person with leads at two businesses is texted once per campaign
        personas.add(lead.persona_id)
        if lead.mobile_number in numbers:
            duplicates.append((lead.pk, lead.mobile_number))
            continue
        numbers.add(lead.mobile_number)
        chosen.append(
            CampaignLead(
                team_id=campaign.team_id,
                campaign=campaign,
                lead_block=block,
                lead_id=lead.pk,
                persona_id=lead.persona_id,
                phone_id=lead.mobile_id,
                phone_number=lead.mobile_number,
                variant=variants[len(chosen) % len(variants)][0],
                template=variants[len(chosen) % len(variants)][1],
                correlation_id=campaign.correlation_id,
            )
        )
        if len(chosen) >= campaign.block_size:
            break
    CampaignLead.objects.bulk_create(chosen, batch_size=1000)
    # A textable mobile whose number another person of the team marked, or the team's consent records refuse,
    # would only be refused when the text leaves: the lead is left out now, under the send-time check's code,
    # instead of taking a place in the block.
    left_out = _refused_leads(
        campaign.team_id, pool.filter(Exists(_own_mobiles())).exclude(Exists(mobiles)), block, run
    )
    marked = left_out["DNC_BLOCKED"] + left_out["DO_NOT_CONTACT"]
    refused = left_out["OPTED_OUT"] + left_out["OPT_OUT_REVIEW"] + left_out["NOT_TEXTABLE"]
    skipped = pool.exclude(Exists(_own_mobiles())).count()
    if skipped:
        sample = list(pool.exclude(Exists(_own_mobiles())).values_list("pk", flat=True)[:20])
        stage_failure_record(
            team=campaign.team_id,
            stage=STAGE,
            code="NO_MOBILE_PHONES",
            subject=block,
            run=run,
            field="mobile",
            raw_value=", ".join(sample),
            detail=f"{skipped} qualified leads have no textable mobile and were left out (first ids in raw value).",
        )
    if duplicates:
        stage_failure_record(
            team=campaign.team_id,
            stage=STAGE,
            code="DUPLICATE_NUMBER",
            subject=block,
            run=run,
            field="mobile",
            raw_value=", ".join(f"{lead_id} ({number})" for lead_id, number in duplicates[:20]),
            detail=f"{len(duplicates)} leads share a mobile with a lead texted already (in this block or another "
            "open campaign) and were left out (first leads and numbers in raw value).",
        )
    block.lead_count = len(chosen)
    block.skipped_no_mobile = skipped
    block.skipped_duplicate_number = len(duplicates)
    block.skipped_marked_number = marked
    block.skipped_opted_out = left_out["OPTED_OUT"]
    block.skipped_opt_out_review = left_out["OPT_OUT_REVIEW"]
    block.skipped_not_textable = left_out["NOT_TEXTABLE"]
    block.candidates_seen = len(personas) + skipped + marked + refused
    block.status = LeadBlock.Status.FORMED
    block.save()
    return block, len(chosen) < campaign.block_size


# The order the send-time check (``messaging.services.send_check``) names a refused number in.
_CONSENT_CODES = ("NOT_TEXTABLE", "OPTED_OUT", "OPT_OUT_REVIEW")
_MARKS = {"DNC_BLOCKED": "marked do-not-call", "DO_NOT_CONTACT": "marked do-not-contact"}
_WHY = {
    "NOT_TEXTABLE": "does not take texts",
    "OPTED_OUT": "opted out of the team's texts",
    "OPT_OUT_REVIEW": "sent a reply that may be an opt-out, held for a person to decide",
}


def _refused_leads(team_id: str, leads, block: LeadBlock, run: StageRun) -> Counter:
    """Record the leads whose textable mobiles the send-time check would all refuse, one ledger row per code;
    return how many were left out under each code.

    The lead's first textable mobile names the code: a consent record of the team first (``NOT_TEXTABLE``,
    ``OPTED_OUT``, ``OPT_OUT_REVIEW``), then another person's mark (``DNC_BLOCKED``, else ``DO_NOT_CONTACT``)."""
    rows = list(
        leads.annotate(mobile_number=Subquery(_own_mobiles().values("normalized_number")[:1])).values_list(
            "pk", "mobile_number"
        )
    )
    counts: Counter = Counter({code: 0 for code in (*_CONSENT_CODES, *_MARKS)})
    if not rows:
        return counts
    numbers = {number for _, number in rows}
    refused = journey.refused_numbers(stage=STAGE, team_id=team_id)
    found_in = {
        code: set(refused[code].filter(phone_number__in=numbers).values_list("phone_number", flat=True))
        for code in _CONSENT_CODES
        if code in refused
    }
    dnc = set(_marked_numbers(team_id, "DNC_BLOCKED").filter(normalized_number__in=numbers).values_list(
        "normalized_number", flat=True
    ))  # fmt: skip
    by_code: dict[str, list] = {code: [] for code in counts}
    for lead_id, number in rows:
        code = next((c for c, hit in found_in.items() if number in hit), None)
        code = code or ("DNC_BLOCKED" if number in dnc else "DO_NOT_CONTACT")
        by_code[code].append((lead_id, number))
    for code, found in by_code.items():
        if not found:
            continue
        counts[code] = len(found)
        if code in _MARKS:
            detail = f"have only mobiles that a person of the team {_MARKS[code]}"
        else:
            detail = f"have only mobiles whose number {_WHY[code]}"
        stage_failure_record(
            team=team_id,
            stage=STAGE,
            code=code,
            subject=block,
            run=run,
            field="mobile",
            raw_value=", ".join(f"{lead_id} ({number})" for lead_id, number in found[:20]),
            detail=f"{len(found)} leads {detail} and were left out: the send-time check would refuse them "
            "(first leads and numbers in raw value).",
        )
    return counts


def _require_approver(campaign: Campaign, user) -> None:
    if user is None or not getattr(user, "is_authenticated", False):
        raise CampaignError("APPROVAL_REQUIRED", "A campaign is approved by a named person.", http_status=403)
    membership = membership_get(user=user, team=campaign.team_id)
    if membership is None or not membership.can_operate:
        raise CampaignError(
            "APPROVAL_REQUIRED", "Only an operator or admin of the team can approve its campaigns.", http_status=403
        )


def campaign_approve(*, campaign: Campaign, user, note: str = "") -> Campaign:
    """Record a named person's approval of a staged campaign and hand it to stage 7 to send."""
    _require_approver(campaign, user)
    with transaction.atomic():
        campaign_transition(
            campaign=campaign,
            to=Campaign.Status.APPROVED,
            actor=user,
            note=note or "approved",
            approved_by=user,
            approved_at=timezone.now(),
        )
        journey.advance(stage=STAGE, subject_id=campaign.pk, team_id=campaign.team_id)
    campaign.refresh_from_db()
    return campaign


def _release_block(campaign: Campaign, why: str) -> None:
    if campaign.lead_block_id:
        CampaignLead.objects.filter(campaign=campaign, status=CampaignLead.Status.PENDING).update(
            status=CampaignLead.Status.SKIPPED, skip_code="CAMPAIGN_" + why.upper(), updated_at=timezone.now()
        )
        LeadBlock.objects.filter(pk=campaign.lead_block_id).update(
            status=LeadBlock.Status.RELEASED, updated_at=timezone.now()
        )


def campaign_send_back(*, campaign: Campaign, user, note: str) -> Campaign:
    """Refuse a staged campaign: it returns to draft, its block is released and LUCI forms a new one later."""
    _require_approver(campaign, user)
    if not (note or "").strip():
        raise CampaignError("NOTE_REQUIRED", "Say why the campaign is sent back.")
    with transaction.atomic():
        campaign_transition(campaign=campaign, to=Campaign.Status.DRAFT, actor=user, note=note)
        CampaignLead.objects.filter(campaign=campaign).delete()
        _release_block(campaign, "sent_back")
        Campaign.objects.filter(pk=campaign.pk).update(lead_block=None, staged_at=None)
    campaign.refresh_from_db()
    return campaign


def campaign_cancel(*, campaign: Campaign, user, note: str = "") -> Campaign:
    """Stop a campaign for good: nothing more is sent, its unsent leads are released for other campaigns."""
    _require_approver(campaign, user)
    with transaction.atomic():
        campaign_transition(
            campaign=campaign, to=Campaign.Status.CANCELLED, actor=user, note=note, finished_at=timezone.now()
        )
        _release_block(campaign, "cancelled")
        for step in campaign.steps.exclude(status__in=[CampaignStep.Status.COMPLETED, CampaignStep.Status.CANCELLED]):
            campaign_step_transition(step=step, to=CampaignStep.Status.CANCELLED, actor=user, note="campaign cancelled")
    campaign.refresh_from_db()
    return campaign


def campaign_pause(*, campaign: Campaign, user, note: str = "") -> Campaign:
    """Hold a sending campaign; sends already in flight finish, no new one starts."""
    _require_approver(campaign, user)
    return campaign_transition(campaign=campaign, to=Campaign.Status.PAUSED, actor=user, note=note)


def campaign_resume(*, campaign: Campaign, user, note: str = "") -> Campaign:
    """Let a paused campaign send again."""
    _require_approver(campaign, user)
    with transaction.atomic():
        campaign_transition(campaign=campaign, to=Campaign.Status.SENDING, actor=user, note=note or "resumed")
        journey.advance(stage=STAGE, subject_id=campaign.pk, team_id=campaign.team_id)
    campaign.refresh_from_db()
    return campaign


# -- follow-up steps ------------------------------------------------------------------------------------


def campaign_step_transition(*, step: CampaignStep, to: str, actor=None, note: str = "", **fields) -> CampaignStep:
    """Move a follow-up step to ``to`` if its map allows it, with an audit event on its campaign."""
    with transaction.atomic():
        current = CampaignStep.objects.select_for_update().get(pk=step.pk)
        if to not in CampaignStep.TRANSITIONS.get(current.status, set()):
            raise IllegalTransition("CampaignStep", current.status, to)
        from_status, current.status = current.status, to
        for name, value in fields.items():
            setattr(current, name, value)
        current.save()
        _event(current.campaign, from_status, to, actor, note or f"step {current.number}", step=current.number)
    step.refresh_from_db()
    return step


def campaign_step_approve(*, step: CampaignStep, user, note: str = "") -> CampaignStep:
    """Record a named person's approval of a follow-up step's batch; its texts go out like the first ones."""
    campaign = step.campaign
    _require_approver(campaign, user)
    with transaction.atomic():
        if Campaign.objects.select_for_update().get(pk=campaign.pk).status != Campaign.Status.SENDING:
            raise CampaignError(
                "NOT_SENDING", "A follow-up goes out only while its campaign is sending.", http_status=409
            )
        campaign_step_transition(
            step=step, to=CampaignStep.Status.SENDING, actor=user, note=note or f"step {step.number} approved",
            approved_by=user, approved_at=timezone.now(),
        )  # fmt: skip
        journey.advance(stage=STAGE, subject_id=campaign.pk, team_id=campaign.team_id)
    step.refresh_from_db()
    return step


def campaign_step_cancel(*, step: CampaignStep, user, note: str = "") -> CampaignStep:
    """Skip a follow-up step: its unsent texts are dropped and the campaign goes on without it."""
    _require_approver(step.campaign, user)
    with transaction.atomic():
        campaign_step_transition(
            step=step, to=CampaignStep.Status.CANCELLED, actor=user, note=note or f"step {step.number} cancelled",
            finished_at=timezone.now(),
        )  # fmt: skip
        CampaignLead.objects.filter(
            campaign_id=step.campaign_id, step=step.number, status=CampaignLead.Status.PENDING
        ).update(status=CampaignLead.Status.SKIPPED, skip_code="STEP_CANCELLED", updated_at=timezone.now())
    step.refresh_from_db()
    return step
