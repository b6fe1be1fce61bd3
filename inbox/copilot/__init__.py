"""Stage 11, copilot-assisted handling: GIANNA, CATHY and SABRINA draft suggestions for a person.

    from inbox.copilot import CopilotContext, draft

    suggestion = draft(CopilotContext(classification="interested", confidence=0.9, text="Sure", first_name="Ann"))
    suggestion.worker, suggestion.action, suggestion.text, suggestion.notes

A suggestion is data only: nothing in this package sends a message (see ``engine`` for the failure
codes, ``rules`` for routing and templates, ``llm`` for the optional LLM engine).
"""

from .context import CopilotContext
from .engine import ALERT_MS, SLA_MS, Failure, context_gaps, draft
from .llm import LlmClient, LlmError, suggest_with_llm
from .rules import (
    ACTIONS,
    CATHY,
    CLOSE_REASONS,
    GIANNA,
    SABRINA,
    STALE_AFTER_DAYS,
    TEMPLATES,
    WORKERS,
    Suggestion,
    route_worker,
    suggest,
)

__all__ = [
    "ACTIONS",
    "ALERT_MS",
    "CATHY",
    "CLOSE_REASONS",
    "GIANNA",
    "SABRINA",
    "SLA_MS",
    "STALE_AFTER_DAYS",
    "TEMPLATES",
    "WORKERS",
    "CopilotContext",
    "Failure",
    "LlmClient",
    "LlmError",
    "Suggestion",
    "context_gaps",
    "draft",
    "route_worker",
    "suggest",
    "suggest_with_llm",
]
