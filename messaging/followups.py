"""Follow-up steps: "if no reply after N days, send template X", each batch approved by a person.

A step's batch is formed when it is due: ``delay_days`` after the last text of the previous step (the opener
for step 1), once nothing of that step is still waiting or in flight. It holds the people texted in the
previous step who have not replied since the campaign started, are not on the suppression list, are not
marked do-not-contact and whose lead is not replied, closed, converted or lost. The batch is staged for a
named person's approval (``campaigns.services.campaign_step_approve``); the same rules are checked again for
every text at send time (``follow_up_refusal``), and the idempotency key names the step, so a person gets
at most one text per step.
"""

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone

from campaigns.models import Campaign, CampaignLead, CampaignStep
from campaigns.services import campaign_step_transition
from leads.models import Lead
from usdatabiz.core import journey
from usdatabiz.core.models import StageRun
from usdatabiz.core.services import stage_run_finish, stage_run_start

from .models import Message, Suppression

STAGE = 6
# A lead in one of these has answered or is settled: it is never followed up.
ANSWERED_OR_CLOSED = (Lead.Status.REPLIED, Lead.Status.CLOSED, Lead.Status.CONVERTED, Lead.Status.LOST)


def _replies(campaign: Campaign):
    """Inbound texts from the person of the outer campaign lead (by number or person) since the campaign began."""
    since = campaign.started_at or campaign.approved_at or campaign.created_at
    inbound = Message.objects.filter(
        team_id=campaign.team_id, direction=Message.Direction.INBOUND, created_at__gte=since
    )
    return inbound.filter(Q(from_number=OuterRef("phone_number")) | Q(persona_id=OuterRef("persona_id")))


def _suppressed(team_id: str):
    return Suppression.objects.filter(team_id=team_id, phone_number=OuterRef("phone_number"), lifted_at__isnull=True)


def follow_up_refusal(cl: CampaignLead) -> str:
    """Return why this follow-up must not be sent now (``REPLIED``, ``LEAD_CLOSED``), or "" when it may."""
    campaign = cl.campaign
    if CampaignLead.objects.filter(pk=cl.pk).filter(Exists(_replies(campaign))).exists():
        return "REPLIED"
    if Lead.objects.filter(pk=cl.lead_id, status__in=ANSWERED_OR_CLOSED).exists():
        return "REPLIED" if cl.lead.status == Lead.Status.REPLIED else "LEAD_CLOSED"
    return ""


def campaign_step_due_at(*, step: CampaignStep) -> datetime | None:
    """Return when the step's batch may be formed, or None while the previous step still has texts to send."""
    campaign = step.campaign
    previous = step.number - 1
    if (
        previous
        and campaign.steps.filter(number=previous)
        .exclude(status__in=[CampaignStep.Status.COMPLETED, CampaignStep.Status.CANCELLED])
        .exists()
    ):
        return None
    if CampaignLead.objects.filter(campaign=campaign, step=previous, status=CampaignLead.Status.PENDING).exists():
        return None
    last = Message.objects.filter(
        campaign=campaign, direction=Message.Direction.OUTBOUND, campaign_lead__step=previous
    ).aggregate(at=Max("sent_at"))["at"]
    return (last or campaign.started_at or timezone.now()) + timedelta(days=step.delay_days)


def campaign_step_schedule(*, step: CampaignStep) -> datetime | None:
    """Ask the queue to form the step's batch when it is due (replacing an earlier request); return when."""
    due = campaign_step_due_at(step=step)
    if due is not None and step.status == CampaignStep.Status.PLANNED:
        journey.schedule_once(
            "messaging.tasks.campaign_steps_stage_due_task", at=max(due, timezone.now()), name=f"follow-up {step.pk}"
        )
    return due


def campaign_step_stage(*, step: CampaignStep, now: datetime | None = None) -> CampaignStep:
    """Form a due step's batch from the people still waiting for an answer and stage it for approval.

    A batch with nobody in it (everyone replied, opted out or was closed) completes the step at once.
    """
    now = now or timezone.now()
    campaign = step.campaign
    due = campaign_step_due_at(step=step)
    if step.status != CampaignStep.Status.PLANNED or campaign.status != Campaign.Status.SENDING:
        return step
    if due is None or due > now:
        return step
    run = stage_run_start(team=campaign.team_id, stage=STAGE, subject=step)
    with transaction.atomic():
        previous = (
            CampaignLead.objects.filter(campaign=campaign, step=step.number - 1, status=CampaignLead.Status.SENT)
            .exclude(lead__status__in=ANSWERED_OR_CLOSED)
            .exclude(persona__do_not_contact=True)
            .exclude(Exists(_replies(campaign)))
            .exclude(Exists(_suppressed(campaign.team_id)))
            .order_by("pk")
        )
        rows = [
            CampaignLead(
                team_id=campaign.team_id,
                campaign=campaign,
                lead_block_id=cl.lead_block_id,
                lead_id=cl.lead_id,
                persona_id=cl.persona_id,
                phone_id=cl.phone_id,
                phone_number=cl.phone_number,
                step=step.number,
                variant=cl.variant,
                template=step.template,
                correlation_id=campaign.correlation_id,
            )  # fmt: skip
            for cl in previous.iterator(chunk_size=2000)
        ]
        CampaignLead.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
        considered = CampaignLead.objects.filter(campaign=campaign, step=step.number - 1).count()
        if rows:
            campaign_step_transition(
                step=step, to=CampaignStep.Status.STAGED, actor="LUCI", lead_count=len(rows), staged_at=now,
                note=f"step {step.number}: {len(rows)} people had no reply after {step.delay_days} days",
            )  # fmt: skip
        else:
            campaign_step_transition(
                step=step, to=CampaignStep.Status.COMPLETED, actor="LUCI", lead_count=0, finished_at=now,
                note=f"step {step.number}: nobody to follow up (everyone replied, opted out or was closed)",
            )  # fmt: skip
    stage_run_finish(
        run=run, status=StageRun.Status.SUCCEEDED, count_in=considered, count_out=len(rows),
        detail=f"follow-up step {step.number} of {campaign.pk}: {len(rows)} of {considered}",
    )  # fmt: skip
    step.refresh_from_db()
    if not rows:
        from .services import campaign_complete_if_done

        campaign_complete_if_done(campaign=campaign)  # the next step is scheduled, or the campaign completes
    return step


def campaign_steps_stage_due(*, now: datetime | None = None) -> int:
    """Form the batch of every follow-up step that is due (the first planned step of each sending campaign)."""
    now = now or timezone.now()
    staged = 0
    planned = CampaignStep.objects.filter(
        status=CampaignStep.Status.PLANNED, campaign__status=Campaign.Status.SENDING
    ).select_related("campaign", "template")
    for step in planned.order_by("campaign_id", "number"):
        step.refresh_from_db()
        if step.campaign.steps.filter(number__lt=step.number, status=CampaignStep.Status.PLANNED).exists():
            continue  # an earlier step goes first
        before = step.status
        if campaign_step_stage(step=step, now=now).status != before:
            staged += 1
    return staged
