"""What the copilot knows about one conversation when it drafts a suggestion (stage 11).

``CopilotContext`` is plain data, built by the caller from the inbox item, the lead and the
classification result (stage 9). Nothing here touches the database or Django settings.

``history`` is the conversation so far, oldest first, as ``(direction, text)`` pairs where the
direction is ``"outbound"``/``"out"`` (we sent it) or ``"inbound"``/``"in"`` (the lead sent it).
The reply being handled (``text``) may or may not be its last inbound entry; the rules are written
so that either way gives the same suggestion.
"""

from __future__ import annotations

from dataclasses import dataclass, field

OUTBOUND = frozenset({"out", "outbound", "sent", "outgoing"})
INBOUND = frozenset({"in", "inbound", "received", "incoming"})


@dataclass
class CopilotContext:
    classification: str
    confidence: float
    text: str
    extracted: dict = field(default_factory=dict)
    first_name: str = ""
    company: str = ""  # the lead's company
    sender_name: str = ""  # our side: the name the texts are signed with
    lead_score: int | None = None
    priority: str = ""  # stage 10 priority, e.g. "hot"
    last_outbound: str = ""  # the last message we sent (usually the opener)
    history: list[tuple[str, str]] = field(default_factory=list)
    days_since_last_reply: int | None = None  # days since the lead last replied (stale conversations)
    city: str = ""
    timezone_name: str = ""
    sender_company: str = ""  # our side: the company the sender texts for (optional)

    def __post_init__(self) -> None:
        # StrEnum members (inbox.classification.Classification) become their plain value.
        self.classification = str(self.classification or "other").strip().lower()
        self.confidence = float(self.confidence or 0.0)
        self.text = self.text or ""
        self.extracted = dict(self.extracted or {})
        self.history = [(str(d or "").strip().lower(), str(t or "")) for d, t in (self.history or [])]
        for name in ("first_name", "company", "sender_name", "priority", "last_outbound", "city", "timezone_name"):
            setattr(self, name, (getattr(self, name) or "").strip())
        self.sender_company = (self.sender_company or "").strip()

    @property
    def outbound_texts(self) -> list[str]:
        """Every message we sent that the context knows of: ``history`` outbound, then ``last_outbound``."""
        texts = [t for d, t in self.history if d in OUTBOUND and t.strip()]
        if self.last_outbound and self.last_outbound not in texts:
            texts.append(self.last_outbound)
        return texts

    @property
    def inbound_texts(self) -> list[str]:
        return [t for d, t in self.history if d in INBOUND and t.strip()]

    def trailing_outbound(self) -> int:
        """How many of our messages follow the lead's last inbound message in ``history``.

        With no inbound entry in ``history`` the reply being handled is taken as the last one, so 0.
        """
        count = 0
        for direction, _text in reversed(self.history):
            if direction in INBOUND:
                return count
            if direction in OUTBOUND:
                count += 1
        return 0
