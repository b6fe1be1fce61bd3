"""django-q2 entry points of stage 7."""

from usdatabiz.core.handovers import journey_follower

from . import services


@journey_follower
def campaign_sending_start_task(subject_id: str, team_id: str | None = None) -> str:
    """After a person approves a campaign (stage 6), start sending it."""
    return services.campaign_sending_start(campaign_id=subject_id).status


def campaign_send_slice_task(campaign_id: str) -> dict:
    """Send the next slice of a sending campaign (idempotent: each person and step is sent once)."""
    return services.campaign_send_slice(campaign_id=campaign_id)


def messages_hold_stale_task() -> int:
    """Hold messages stuck in sending for a person to review (scheduled every few minutes)."""
    return services.messages_hold_stale()


def messages_reconcile_task() -> int:
    """Ask the provider for delivery reports that never arrived (scheduled)."""
    return services.messages_reconcile()


def campaign_steps_stage_due_task() -> int:
    """Form the batches of follow-up steps that are due; each waits for a person's approval (scheduled)."""
    from .followups import campaign_steps_stage_due

    return campaign_steps_stage_due()


def send_slice_run_task(slice_id: str) -> dict | str:
    """Send one leased slice of a campaign (a duplicate delivery, or a slice another worker holds, does nothing)."""
    counts = services.send_slice_run(slice_id=slice_id)
    return counts if counts is not None else "held elsewhere or finished"
