"""Shared by the inbox stages: the domain error, the audit event helper and the inbox's constants."""

import logging

from usdatabiz.core.errors import DomainError

from ..models import InboxEvent, InboxItem

log = logging.getLogger("inbox.services")
# The provider waits 3 s for an answer; the seed's real-time SLA for stage 8 alerts at 30 s.
WEBHOOK_SLOW_MS = 3000
LOW_CONFIDENCE = 0.6


class InboxError(DomainError):
    """An inbox request that cannot be carried out."""


def _event(item: InboxItem, action: str, actor=None, **detail) -> InboxEvent:
    label = actor if isinstance(actor, str) else (actor.get_username() if actor is not None else "SYSTEM")
    return InboxEvent.objects.create(
        team_id=item.team_id,
        item=item,
        action=action,
        actor=None if isinstance(actor, str) or actor is None else actor,
        actor_label=label,
        detail=detail,
    )
