"""Optional LLM engine for the copilot: drafts text and notes over an OpenAI-compatible HTTP API.

The LLM never decides who owns a reply (routing is the rules' ``route_worker``) and is never asked
when the rules say to stay silent (a close, or a review with no text: opt-outs, wrong numbers,
hostile replies, hard noes, an earlier opt-out). Its answer must be a JSON object
``{"action", "text", "notes"}`` and is validated:

    - ``action`` is one of ``ACTIONS``; when the rules asked for a review, the action stays "review";
    - ``text`` is a string of at most ``MAX_TEXT`` (320) characters, GSM-friendly (curly quotes and
      dashes are straightened; an emoji or other symbol is rejected), with no URL or domain that does
      not already appear in the context; it is empty for "close" and non-empty for "send_reply";
    - ``notes`` is a string (trimmed to ``MAX_NOTES`` characters; the rules' notes when empty).

On any error (timeout, connection or HTTP error, a reply that is not JSON, a failed check) the rules
suggestion is returned, engine "rules", with the note "LLM unavailable: <reason>." The API key is
kept out of ``repr`` and of every log line and reason.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import replace

import requests

from .context import CopilotContext
from .rules import ACTIONS, Suggestion, has_symbols, plain, suggest

logger = logging.getLogger(__name__)

MAX_TEXT = 320
MAX_NOTES = 500
HISTORY_TURNS = 10

WORKER_VOICES = {
    "GIANNA": "GIANNA, the friendly first responder who answers new replies",
    "CATHY": "CATHY, the nudger who sends at most one soft, respectful follow-up",
    "SABRINA": "SABRINA, the closer who proposes or confirms meeting times",
}


class LlmError(Exception):
    """Why the LLM could not be used; the message is a short reason safe to log and show."""


class LlmClient:
    """Minimal client for ``POST {base_url}/chat/completions`` (OpenAI-compatible)."""

    def __init__(
        self,
        base_url: str,
        api_key: str,
        model: str,
        timeout: float = 8.0,
        session: requests.Session | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.timeout = timeout
        self.session = session or requests.Session()
        self._api_key = api_key

    def __repr__(self) -> str:
        return f"LlmClient(base_url={self.base_url!r}, model={self.model!r}, timeout={self.timeout!r}, api_key='***')"

    __str__ = __repr__

    def complete(self, system: str, user: str) -> str:
        """Return the first choice's message content; raise :class:`LlmError` on any failure."""
        body = {
            "model": self.model,
            "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
            "temperature": 0.2,
        }
        headers = {"Authorization": f"Bearer {self._api_key}", "Content-Type": "application/json"}
        try:
            response = self.session.post(
                f"{self.base_url}/chat/completions", json=body, headers=headers, timeout=self.timeout
            )
        except requests.Timeout:
            raise LlmError("timeout") from None
        except requests.RequestException as exc:
            raise LlmError(f"request failed ({type(exc).__name__})") from None
        if response.status_code >= 400:
            raise LlmError(f"HTTP {response.status_code}")
        try:
            content = response.json()["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError):
            raise LlmError("unexpected response shape") from None
        if not isinstance(content, str):
            raise LlmError("unexpected response shape")
        return content


# --------------------------------------------------------------------------------------- prompts
SYSTEM_PROMPT = """You draft SMS replies for a B2B outreach team. A person reviews every draft before \
anything is sent. You write as {voice}.
Answer with one JSON object and nothing else: {{"action": ..., "text": ..., "notes": ...}}.
- action: one of {actions}.
- text: the SMS to send, plain text, at most 160 characters if possible (never more than {max_text}), \
no emoji, straight quotes only, no links, no promises about price, results or timing. Use the lead's first \
name and company when given. Empty when action is "close".
- notes: 1-3 short sentences for the operator explaining why."""


def _context_payload(ctx: CopilotContext, draft: Suggestion) -> dict:
    return {
        "reply": ctx.text,
        "classification": ctx.classification,
        "confidence": ctx.confidence,
        "extracted": ctx.extracted,
        "lead": {"first_name": ctx.first_name, "company": ctx.company, "city": ctx.city, "timezone": ctx.timezone_name},
        "sender": {"name": ctx.sender_name, "company": ctx.sender_company},
        "priority": ctx.priority,
        "lead_score": ctx.lead_score,
        "days_since_last_reply": ctx.days_since_last_reply,
        "last_outbound": ctx.last_outbound,
        "history": [{"direction": d, "text": t} for d, t in ctx.history[-HISTORY_TURNS:]],
        "rules_draft": {"action": draft.action, "text": draft.text, "notes": draft.notes},
    }


def build_prompts(ctx: CopilotContext, draft: Suggestion) -> tuple[str, str]:
    system = SYSTEM_PROMPT.format(voice=WORKER_VOICES[draft.worker], actions=", ".join(ACTIONS), max_text=MAX_TEXT)
    return system, json.dumps(_context_payload(ctx, draft), ensure_ascii=False, sort_keys=True)


# ------------------------------------------------------------------------------------ validation
_FENCE = re.compile(r"^```(?:json)?\s*(.*?)\s*```$", re.S)
_EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(
    r"(?:https?://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co|biz|us|info|ai|app|ly|me|ru|xyz)\b\S*",
    re.I,
)
_STRAIGHTEN = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def _context_corpus(ctx: CopilotContext) -> str:
    parts = [ctx.text, ctx.last_outbound, ctx.company, *(t for _, t in ctx.history)]
    parts += [str(v) for v in ctx.extracted.values()]
    return " ".join(parts).lower()


def parse_reply(content: str, ctx: CopilotContext, draft: Suggestion) -> tuple[str, str, str]:
    """Return ``(action, text, notes)`` from the LLM's answer, or raise :class:`LlmError`."""
    raw = content.strip()
    fenced = _FENCE.match(raw)
    if fenced:
        raw = fenced.group(1)
    try:
        data = json.loads(raw)
    except ValueError:
        raise LlmError("reply is not JSON") from None
    if not isinstance(data, dict):
        raise LlmError("reply is not a JSON object")
    action, text, notes = data.get("action"), data.get("text", ""), data.get("notes", "")
    if action not in ACTIONS:
        raise LlmError(f"invalid action {str(action)[:40]!r}")
    if not isinstance(text, str) or not isinstance(notes, str):
        raise LlmError("text and notes must be strings")
    text = text.translate(_STRAIGHTEN).strip()
    if has_symbols(text):
        raise LlmError("text has emoji or symbols")
    text = plain(text)
    if len(text) > MAX_TEXT:
        raise LlmError(f"text too long ({len(text)} > {MAX_TEXT} chars)")
    corpus = _context_corpus(ctx)
    for email in _EMAIL.findall(text):
        if email.lower() not in corpus:
            raise LlmError("text has an e-mail address not in the context")
    for url in _URL.findall(_EMAIL.sub(" ", text)):
        if url.lower().rstrip(".,!?)") not in corpus:
            raise LlmError("text has a URL not in the context")
    if action == "close" and text:
        raise LlmError("text must be empty when the action is close")
    if action == "send_reply" and not text:
        raise LlmError("send_reply without text")
    if draft.action == "review":
        action = "review"
    notes = plain(notes)[:MAX_NOTES] or draft.notes
    return action, text, notes


# --------------------------------------------------------------------------------------- suggest
def suggest_with_llm(ctx: CopilotContext, client: LlmClient) -> Suggestion:
    """Draft with the LLM, routed and guarded by the rules; fall back to the rules on any error."""
    draft = suggest(ctx)
    if draft.action == "close" or not draft.text:
        return draft  # the rules say stay silent: the LLM is not asked to write anything
    try:
        system, user = build_prompts(ctx, draft)
        action, text, notes = parse_reply(client.complete(system, user), ctx, draft)
    except LlmError as exc:
        reason = str(exc)
    except Exception as exc:  # any failure of the optional engine falls back to the rules
        reason = f"unexpected error ({type(exc).__name__})"
    else:
        close_reason = ""
        if action == "close":
            close_reason = "not_interested" if ctx.classification == "not_interested" else "other"
        return replace(draft, action=action, text=text, notes=notes, close_reason=close_reason, engine="llm")
    logger.warning("Copilot LLM fallback to rules: %s", reason)
    return replace(draft, notes=f"{draft.notes} LLM unavailable: {reason}.".strip())
