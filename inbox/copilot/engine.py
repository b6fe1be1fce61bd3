"""Stage 11 entry point: ``draft(ctx)`` picks an engine, times it and flags failures.

Engines: the LLM (``suggest_with_llm``) when a client is given, else the rules (``suggest``). Either
way the result is a :class:`~inbox.copilot.rules.Suggestion` for a person to approve; nothing here
(or anywhere in this package) sends a message.

Failure codes (``Failure``)
    RESPONSE_DELAY    the draft took longer than ``slow_ms`` (the stage SLA, 5 s by default), measured
                      with the injected ``clock`` (seconds, monotonic) around the whole draft, LLM
                      call and fallback included. ``elapsed_ms`` always carries the measure; callers
                      alert when it is over ``ALERT_MS`` (30 s).
    CONTEXT_MISSING   the suggestion drafts something (its action is not "close") while the context
                      is too thin to personalise it (see ``context_gaps``):
                        - no lead first name (on file or self-introduced, "this is John"), no company
                          and no earlier outbound message (``last_outbound`` or an outbound entry in
                          ``history``): we know neither who they are nor what we said; or
                        - the lead asks who is texting ("who is this", "what company") and there is
                          neither a ``sender_name`` nor a ``sender_company`` to answer with.
                      The generic, safe suggestion is still returned; the code tells the operator why
                      it is generic.
    WRONG_SUGGESTION  recorded later, when a person rejects the suggestion; never set here.
    APPROVAL_BYPASS   a message sent without review. It cannot be expressed here: suggestions are
                      data and the package has no send function; kept for the stage's failure list.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from dataclasses import replace

from .context import CopilotContext
from .llm import LlmClient, suggest_with_llm
from .rules import Suggestion, question_kind, self_introduced_name, suggest

SLA_MS = 5000
ALERT_MS = 30000


class Failure(enum.StrEnum):
    WRONG_SUGGESTION = "WRONG_SUGGESTION"  # set by human review, never by draft()
    APPROVAL_BYPASS = "APPROVAL_BYPASS"  # impossible by construction: no send function exists
    RESPONSE_DELAY = "RESPONSE_DELAY"
    CONTEXT_MISSING = "CONTEXT_MISSING"


def context_gaps(ctx: CopilotContext) -> list[str]:
    """Why the context is too thin to personalise a suggestion (empty when it is enough)."""
    gaps = []
    if not (ctx.first_name or self_introduced_name(ctx)) and not ctx.company and not ctx.outbound_texts:
        gaps.append("no lead name, company or earlier outbound message")
    asks_who = ctx.classification == "question" and question_kind(ctx.text) == "who_is_this"
    if asks_who and not (ctx.sender_name or ctx.sender_company):
        gaps.append("the lead asks who is texting but no sender name or company is on file")
    return gaps


def draft(
    ctx: CopilotContext,
    *,
    llm: LlmClient | None = None,
    clock: Callable[[], float] = time.monotonic,
    slow_ms: int = SLA_MS,
) -> Suggestion:
    """Draft one suggestion: LLM when ``llm`` is given (rules on any LLM error), else rules."""
    start = clock()
    suggestion = suggest_with_llm(ctx, llm) if llm is not None else suggest(ctx)
    elapsed_ms = max(0, round((clock() - start) * 1000))

    failures = list(suggestion.failures)
    notes = suggestion.notes
    gaps = context_gaps(ctx) if suggestion.action != "close" else []
    if gaps:
        failures.append(Failure.CONTEXT_MISSING.value)
        notes = f"{notes} Thin context: {'; '.join(gaps)}."
    if elapsed_ms > slow_ms:
        failures.append(Failure.RESPONSE_DELAY.value)
    return replace(suggestion, notes=notes, failures=failures, elapsed_ms=elapsed_ms)
