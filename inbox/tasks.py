"""django-q2 entry points of stages 8-12 (each receives a webhook event or an inbox item id)."""

from usdatabiz.core.handovers import journey_follower

from . import services
from .models import InboxItem

# what stages 10 and 11 read of a reply (its lead's person and business for the time zone and the draft, the campaign
# for the sender's name, the team for its name, its conversation) comes with the reply, in one read
_WITH_CONTEXT = ("lead__persona", "lead__business", "campaign", "team", "conversation")


def compliance_reply_task(item_id: str, body: str, keyword: str) -> str:
    """Send the confirmation of a STOP, or the answer to HELP or START (idempotent: one per inbound text)."""
    return services.compliance_reply_send(item=InboxItem.objects.get(pk=item_id), body=body, keyword=keyword).status


def webhook_event_process_task(event_id: str, event_data: dict) -> str:
    """Act on a provider event the webhook stored and answered (stage 8 after the answer; idempotent)."""
    return services.webhook_event_process(event_id=event_id, event_data=event_data).status


def webhook_events_retry_task() -> dict:
    """Send due stored events (task lost, worker killed, failure backed off) to a realtime worker again, each once."""
    return services.webhook_events_retry()


@journey_follower
def inbox_item_classify_task(subject_id: str, team_id: str | None = None) -> str:
    """Classify a new reply (stage 9)."""
    return services.inbox_item_classify(item=InboxItem.objects.get(pk=subject_id)).classification


@journey_follower
def inbox_item_prioritize_task(subject_id: str, team_id: str | None = None) -> str:
    """Score, route and queue a classified reply (stage 10)."""
    item = InboxItem.objects.select_related(*_WITH_CONTEXT).get(pk=subject_id)
    return services.inbox_item_prioritize(item=item).priority


@journey_follower
def inbox_item_draft_task(subject_id: str, team_id: str | None = None) -> str:
    """Let the copilot worker draft a reply for a person to approve (stage 11); it never sends."""
    item = InboxItem.objects.select_related(*_WITH_CONTEXT).get(pk=subject_id)
    return services.inbox_item_draft(item=item).suggested_action


def inbox_items_follow_up_check_task() -> dict:
    """Flag conversations left unhandled (NO_FOLLOW_UP) and hot ones left to cool (LOST_LEAD)."""
    return services.inbox_items_follow_up_check()


def inbox_items_nudge_check_task() -> int:
    """Let CATHY draft nudges for conversations gone quiet after our reply (a person approves each)."""
    return services.inbox_items_nudge_check()


def provider_events_reconcile_task() -> dict:
    """Read back each provider account's event log and store what the webhook missed, exactly once (scheduled)."""
    return services.provider_events_reconcile()


def conversations_wake_task() -> int:
    """Bring back snoozed conversations whose time has come (scheduled every minute)."""
    return services.conversations_wake()
