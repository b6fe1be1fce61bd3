"""Writes of stages 8-12, one module per stage: intake (8), classify (9), prioritize (10), drafts and replies
(11), closeout (12). Callers import from ``inbox.services``; the names below are its public surface."""

from .classify import (  # noqa: F401
    inbox_item_classify,
    inbox_item_reclassify,
)
from .closeout import (  # noqa: F401
    ATTEMPT_PRIORITY_STEP,
    CALL_OUTCOMES,
    DISPOSITIONS,
    call_queue_attempt,
    call_queue_take,
    inbox_item_close,
    inbox_item_move,
    inbox_item_reopen,
    inbox_items_follow_up_check,
    sandbox_reply,
)
from .common import (  # noqa: F401
    LOW_CONFIDENCE,
    WEBHOOK_SLOW_MS,
    InboxError,
)
from .conversations import (  # noqa: F401
    conversation_assign,
    conversation_close,
    conversation_join_inbound,
    conversation_join_outbound,
    conversation_mark_read,
    conversation_note,
    conversation_reopen,
    conversation_reply,
    conversation_snooze,
    conversations_wake,
    is_acknowledgment,
)
from .drafts import (  # noqa: F401
    copilot_context,
    inbox_item_draft,
    inbox_items_nudge_check,
)
from .intake import (  # noqa: F401
    compliance_reply_send,
    inbound_receive,
    intake_event,
    provider_events_reconcile,
    webhook_receive,
    webhook_too_large,
)
from .prioritize import (  # noqa: F401
    inbox_item_prioritize,
)
from .replies import (  # noqa: F401
    inbox_item_reply,
    inbox_item_suggestion_reject,
)
from .retry import (  # noqa: F401
    LANE_WAITING,
    webhook_event_process,
    webhook_events_retry,
    webhook_events_retry_now,
    webhook_retry_delay,
)
