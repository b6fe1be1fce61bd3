"""Stage 11, copilot-assisted handling: the embedded rule/template engine.

``suggest(ctx)`` turns a :class:`~inbox.copilot.context.CopilotContext` into a :class:`Suggestion`:
which digital worker owns the reply, what a person should do next, and a drafted SMS text. It is
pure, deterministic (same context, same suggestion) and never sends anything: a suggestion is
data that a human approves, edits or rejects.

Routing (``route_worker``), first match wins
    1. opt_out, wrong_number, hostile        -> GIANNA  (closing only, no text)
    2. days_since_last_reply >= STALE_AFTER_DAYS (3)
                                             -> CATHY   (stale conversation: one nudge, then close)
    3. not_interested, out_of_office         -> CATHY   (the nudger)
    4. meeting_request, or interested with priority "hot"
                                             -> SABRINA (the closer)
    5. anything else (interested, question, email_capture, phone_capture, other, unknown)
                                             -> GIANNA  (the opener / first responder)

Actions, first match wins (see ``suggest``)
    opt_out                      close / opted_out, no text (the compliance confirmation is sent
                                 automatically elsewhere), whatever the confidence.
    earlier opt-out in history   review, no text: never market to a lead who opted out.
    wrong_number, hostile        close / wrong_number or hostile, no text; review (still no text)
                                 when the confidence is below LOW_CONFIDENCE.
    confidence < 0.6, or other   review with a cautious generic text.
    not_interested               hard no ("never", "no way", ...) or a soft follow-up already sent
                                 -> close / not_interested, no text; else one soft, respectful reply.
    stale (rule 2 above)         a nudge; close / no_response once two of our messages already
                                 follow the lead's last reply (our answer plus one nudge).
    out_of_office                wait, with the nudge to send when they are back.
    meeting_request              book_meeting: confirm a specific time, propose around a vague one,
                                 ask for one when none was given; a bare "call me" -> call.
    interested                   hot -> book_meeting (ask for a time); pricing -> send_reply steering
                                 to a call; a time given -> book_meeting; else send_reply.
    email_capture                send_reply: thank, confirm the address, propose a call.
    phone_capture                call, the number in the notes.
    question                     "how did you get my number" -> honest answer + STOP offer; "who is
                                 this" -> identify the sender; "is this a scam/bot" -> honest answer;
                                 pricing -> steer to a call; else review (a person writes the answer).

Texts are built from ``TEMPLATES``, GSM-7 only (no emoji, straight quotes; names and companies are
reduced to GSM-7 letters, "Zoe" for "Zo\u00eb"), personalised with the lead's first name and company
when known (a self-introduced "this is John" when no first name is on file) and written to fit one
SMS segment: when a rendering is longer than 160 characters the company, then the sender's company,
then the name are dropped. No template promises prices or results or carries a link.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from campaigns.segments import is_gsm7, segment_count
from inbox import dispositions
from inbox.classification import classify, normalize

from .context import INBOUND, OUTBOUND, CopilotContext

GIANNA, CATHY, SABRINA = "GIANNA", "CATHY", "SABRINA"
WORKERS = (GIANNA, CATHY, SABRINA)
ACTIONS = ("send_reply", "call", "book_meeting", "close", "wait", "review")
CLOSE_REASONS = dispositions.CLOSE_REASONS  # the closeout's vocabulary (inbox.dispositions)
ENGINES = ("rules", "llm")

STALE_AFTER_DAYS = 3
LOW_CONFIDENCE = 0.6
REVIEW_CONFIDENCE_CAP = 0.5  # a "review" suggestion never claims more than this

TERMINAL = dispositions.TERMINAL
NUDGE_CLASSES = frozenset({"not_interested", "out_of_office", "auto_reply"})
_KNOWN = frozenset(
    {
        "email_capture", "phone_capture", "interested", "meeting_request", "question", "not_interested",
        "opt_out", "wrong_number", "out_of_office", "auto_reply", "hostile", "other",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Suggestion:
    """A drafted suggestion for a person to approve. Data only: there is deliberately no way to send it."""

    worker: str
    action: str
    text: str
    notes: str
    close_reason: str = ""
    confidence: float = 0.0
    failures: list[str] = field(default_factory=list)
    engine: str = "rules"
    elapsed_ms: int = 0

    def __post_init__(self) -> None:
        if self.worker not in WORKERS:
            raise ValueError(f"unknown worker {self.worker!r}")
        if self.action not in ACTIONS:
            raise ValueError(f"unknown action {self.action!r}")
        if self.close_reason not in CLOSE_REASONS:
            raise ValueError(f"unknown close_reason {self.close_reason!r}")
        if self.engine not in ENGINES:
            raise ValueError(f"unknown engine {self.engine!r}")
        if self.action == "close" and self.text:
            raise ValueError("a close suggestion carries no text")

    def inbox_fields(self) -> dict[str, str]:
        """The values the inbox item stores: suggestedAction, aiNotes, assignedSdrId (snake_case)."""
        return {"suggested_action": self.action, "ai_notes": self.notes, "assigned_sdr_id": self.worker}


# ----------------------------------------------------------------------------------------- routing
def is_stale(days_since_last_reply: int | None, stale_after_days: int = STALE_AFTER_DAYS) -> bool:
    return days_since_last_reply is not None and days_since_last_reply >= stale_after_days


def route_worker(
    classification: str,
    priority: str = "",
    days_since_last_reply: int | None = None,
    *,
    stale_after_days: int = STALE_AFTER_DAYS,
) -> str:
    """Return the worker that owns a reply; the table is in the module docstring (first match wins)."""
    cls = str(classification or "").strip().lower()
    if cls in TERMINAL:
        return GIANNA
    if is_stale(days_since_last_reply, stale_after_days):
        return CATHY
    if cls in NUDGE_CLASSES:
        return CATHY
    if cls == "meeting_request" or (cls == "interested" and (priority or "").strip().lower() == "hot"):
        return SABRINA
    return GIANNA


# ------------------------------------------------------------------------------- text cleaning
_TO_ASCII = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
        "\u2026": "...", "\u00a0": " ", "`": "'",
    }
)  # fmt: skip
_COMPANY_SUFFIX = re.compile(r"[,\s]+(?:llc|l\.l\.c\.|inc\.?|incorporated|corp\.?|co\.|ltd\.?|pllc|lp)$", re.I)


def plain(text: str) -> str:
    """NFC, straight quotes and dashes, no emoji or other symbols, whitespace collapsed."""
    text = unicodedata.normalize("NFC", text or "").translate(_TO_ASCII)
    text = "".join(ch for ch in text if ord(ch) <= 0xFFFF and unicodedata.category(ch) not in ("So", "Cs", "Co", "Cn"))
    text = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in text)
    return re.sub(r"\s+", " ", text).strip()


def has_symbols(text: str) -> bool:
    """True when a text holds an emoji or another symbol/private character that ``plain`` would drop."""
    return any(ord(ch) > 0xFFFF or unicodedata.category(ch) in ("So", "Cs", "Co", "Cn") for ch in text)


def gsm_safe(text: str) -> str:
    """``plain`` text with letters outside GSM-7 reduced to their base letter ("Zo\u00eb" -> "Zoe").

    Names and companies go through this so that a text stays GSM-7 (160 characters a segment, not
    70); a character with no GSM-7 base letter is dropped.
    """
    out = []
    for ch in plain(text):
        if is_gsm7(ch):
            out.append(ch)
        else:
            out.extend(c for c in unicodedata.normalize("NFKD", ch) if is_gsm7(c) and not unicodedata.combining(c))
    return re.sub(r"\s+", " ", "".join(out)).strip()


def display_name(name: str) -> str:
    """A first name as it reads in a text: "ANN"/"ann" -> "Ann"; only the first word; GSM-7 safe."""
    name = gsm_safe(name).split(" ")[0] if gsm_safe(name) else ""
    if name and (name.isupper() or name.islower()):
        name = "-".join(part.capitalize() for part in name.split("-"))
    return name


def display_company(company: str) -> str:
    company = gsm_safe(company)
    previous = None
    while previous != company:
        previous, company = company, _COMPANY_SUFFIX.sub("", company).strip(" ,")
    return company


def display_phone(phone: str) -> str:
    digits = re.sub(r"\D", "", phone or "")
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}" if len(digits) == 10 else plain(phone)


_WEEKDAYS = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")


def display_time(meeting_time: str) -> str:
    return _WEEKDAYS.sub(lambda m: m.group().capitalize(), plain(meeting_time))


def _is_specific_time(meeting_time: str) -> bool:
    return bool(re.search(r"\d|\bnoon\b", meeting_time)) or meeting_time.lower().startswith("in ")


# ------------------------------------------------------------------------------------- templates
@dataclass(frozen=True)
class Fill:
    """The values a template may use; every one may be empty and the template must still read well."""

    name: str = ""
    company: str = ""
    sender: str = ""
    sender_company: str = ""
    email: str = ""
    phone: str = ""
    meeting_time: str = ""

    @property
    def c_name(self) -> str:  # "Thanks, Ann!" / "Thanks!"
        return f", {self.name}" if self.name else ""

    @property
    def sp_name(self) -> str:  # "Hi Ann," / "Hi,"
        return f" {self.name}" if self.name else ""

    @property
    def biz(self) -> str:
        return self.company or "your business"

    @property
    def for_company(self) -> str:
        return f" for {self.company}" if self.company else ""

    @property
    def at_company(self) -> str:
        return f" at {self.company}" if self.company else ""

    @property
    def me(self) -> str:  # "this is Sam with Northwind" / "this is Sam" / "this is the team at Northwind" / ""
        if not self.sender:
            return f"this is the team at {self.sender_company}" if self.sender_company else ""
        return f"this is {self.sender}" + (f" with {self.sender_company}" if self.sender_company else "")

    @property
    def time_cap(self) -> str:
        return self.meeting_time[:1].upper() + self.meeting_time[1:]


def _who_is_this(f: Fill) -> str:
    if f.me:
        return (
            f"Hi{f.sp_name}, {f.me}. We reach out to local businesses like {f.company or 'yours'}. "
            "Happy to share more, or reply STOP to opt out."
        )
    return (
        f"Hi{f.sp_name}, sorry for the mystery. We reach out to local businesses like {f.company or 'yours'}. "
        "Happy to share more, or reply STOP to opt out."
    )


def _how_got_number(f: Fill) -> str:
    me = f" {f.me[0].upper()}{f.me[1:]}." if f.me else ""
    return (
        f"Fair question{f.c_name}.{me} Your number is listed publicly as a business contact{f.for_company}. "
        "If you'd rather not hear from us, reply STOP."
    )


def _legit(f: Fill) -> str:
    who = f" from {f.sender}" if f.sender else ""
    who += f" at {f.sender_company}" if f.sender_company else ""
    return (
        f"Fair question{f.c_name}. This is a real message{who}, and a person reads every reply. "
        "Happy to explain more, or reply STOP to opt out."
    )


TEMPLATES: dict[str, Callable[[Fill], str]] = {
    # GIANNA
    "email_capture": lambda f: (
        f"Thanks{f.c_name}! Just confirming {f.email} is the best address for you. "
        "Would a quick call this week also help?"
    ),
    "email_capture_missing": lambda f: f"Thanks{f.c_name}! What is the best email address to send details to?",
    "phone_capture": lambda f: f"Thanks{f.c_name}! Noted {f.phone}. What time works best for a quick call?",
    "phone_capture_time": lambda f: f"Thanks{f.c_name}! Noted {f.phone} for a quick call {f.meeting_time}.",
    "phone_capture_missing": lambda f: (
        f"Thanks{f.c_name}! What is the best number and time to reach you for a quick call?"
    ),
    "interested": lambda f: (
        f"Great to hear{f.c_name}! Happy to share how we could help {f.biz}. "
        "Would a quick 10-minute call this week work?"
    ),
    "pricing": lambda f: (
        f"Good question{f.c_name}. Pricing depends on what {f.biz} needs, so a quick call is the best way "
        "to get you a real number. Does this week work?"
    ),
    "who_is_this": _who_is_this,
    "how_got_number": _how_got_number,
    "legit": _legit,
    "question_generic": lambda f: f"Good question{f.c_name}. Let me check on that and follow up here.",
    "review_generic": lambda f: (
        f"Thanks for getting back to me{f.c_name}. Just to make sure I understand, could you tell me a bit more?"
    ),
    # SABRINA
    "book_open": lambda f: f"Great{f.c_name}! What day and time work best this week for a quick 15-minute call?",
    "meeting_confirm": lambda f: (
        f"Great{f.c_name}! Confirming a quick call {f.meeting_time}. Is this the best number to reach you?"
    ),
    "meeting_propose": lambda f: f"Great{f.c_name}! {f.time_cap} works. When is best for a quick 15-minute call?",
    "meeting_call_now": lambda f: (
        f"Sounds good{f.c_name}. Is now a good time for a quick call, or is later today better?"
    ),
    # CATHY
    "not_interested_soft": lambda f: (
        f"Understood{f.c_name}, thanks for letting me know. If anything changes{f.at_company}, "
        "feel free to reach out here."
    ),
    "out_of_office": lambda f: (
        f"Hi{f.sp_name}, hope your time away went well. Just circling back on my earlier note. "
        "Is now a better time to connect?"
    ),
    "stale_nudge": lambda f: (
        f"Hi{f.sp_name}, just following up on my last note. Is a quick call this week still of interest"
        f"{' for ' + f.company if f.company else ''}? No worries if not."
    ),
}


# Fill fields a template cannot do without; ``suggest`` only picks it when they are present.
REQUIRES: dict[str, tuple[str, ...]] = {
    "email_capture": ("email",),
    "phone_capture": ("phone",),
    "phone_capture_time": ("phone", "meeting_time"),
    "meeting_confirm": ("meeting_time",),
    "meeting_propose": ("meeting_time",),
}


def render(template_id: str, fill: Fill) -> str:
    """Render a template, dropping company, sender company, then name until it fits one segment."""
    template = TEMPLATES[template_id]
    attempts = [
        fill,
        replace(fill, company=""),
        replace(fill, company="", sender_company=""),
        replace(fill, company="", sender_company="", name=""),
    ]
    text = ""
    for attempt in attempts:
        text = plain(template(attempt))
        if segment_count(text) <= 1:
            return text
    return text


# ------------------------------------------------------------------------------- text analysis
_HARD_NO = re.compile(
    r"\b(?:never|no way|hell no|absolutely not|definitely not|not interested at all|not ever|stop|quit|"
    r"leave (?:me|us) alone|lose (?:my|this) number|don't (?:text|contact|call|message|bother)|"
    r"do not (?:text|contact|call|message|bother))\b"
)
_HOW_GOT = re.compile(
    r"\b(?:how|where) did you get (?:my|this|our) (?:number|info|information|contact|name|details)\b"
    r"|\bwhere did you get\b|\bhow do you have (?:my|this) (?:number|info)\b|\bhow did you find me\b"
)
_WHO = re.compile(
    r"\bwho(?: is|'s| are) (?:this|you|texting|messaging|that)\b|\bwho this\b|^\W*who\W*$"
    r"|\bwhat(?: is|'s) this\b|\bwhat (?:company|business)\b|\bwhich company\b"
    r"|\bwhat do you (?:do|sell|want|offer)\b|\bwhat are you selling\b|\bdo i know you\b|\bhave we met\b"
)
_LEGIT = re.compile(
    r"\bis this (?:a )?(?:scam|spam|bot|real|legit|automated|a real person)\b"
    r"|\bare you a (?:bot|real person|robot|person|human)\b|\bare you real\b"
)
_PRICE = re.compile(
    r"\bhow much\b|\bpric(?:e|es|ing)\b|\bwhat(?:'s| is| are) (?:the |your )?(?:cost|rates?|fees?)\b"
    r"|\bwhat does it cost\b|\bwhat do you charge\b"
)
_CALL_ME = re.compile(r"\b(?:(?:call|ring|phone) me|give (?:me|us) a (?:call|ring))\b(?! (?:back )?later)")
_LEGAL = re.compile(r"\b(?:lawyer|attorney|sue|suing|court|report|reporting|police|fcc|ftc|complaint)\b")
_UNTIL = re.compile(
    r"\b(?:until|till|til|back on|back)\s+"
    r"((?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|next week|next month"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?"
    r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?)\b",
    re.I,
)


def question_kind(text: str) -> str:
    """Which built-in answer a question gets: how_got_number, who_is_this, legit, pricing or generic."""
    norm = normalize(text)
    for kind, pattern in (("how_got_number", _HOW_GOT), ("who_is_this", _WHO), ("legit", _LEGIT), ("pricing", _PRICE)):
        if pattern.search(norm):
            return kind
    return "generic"


def is_hard_no(text: str) -> bool:
    return bool(_HARD_NO.search(normalize(text)))


def opted_out_before(ctx: CopilotContext) -> bool:
    """True when an inbound message in ``history`` is an opt-out (stage 9 rules decide)."""
    return any(classify(text).classification == "opt_out" for text in ctx.inbound_texts)


def soft_follow_up_sent(ctx: CopilotContext) -> bool:
    """True when one of our messages already follows an inbound not_interested reply in ``history``."""
    seen_no = False
    for direction, text in ctx.history:
        if direction in INBOUND and text.strip():
            seen_no = seen_no or classify(text).classification == "not_interested"
        elif direction in OUTBOUND and seen_no and text.strip():
            return True
    return False


def mentioned_name(ctx: CopilotContext) -> str:
    return plain(str(ctx.extracted.get("name") or ""))


def self_introduced_name(ctx: CopilotContext) -> str:
    """The extracted name when the lead introduced themselves ("this is John"), not a referral."""
    name = mentioned_name(ctx)
    intro = rf"\b(?:this is|my name is|my name's|name's|i'm|i am)\s+{re.escape(name)}"
    if name and re.search(intro, plain(ctx.text), re.I):
        return name
    return ""


def fill_for(ctx: CopilotContext) -> Fill:
    extracted = ctx.extracted
    return Fill(
        name=display_name(ctx.first_name or self_introduced_name(ctx)),
        company=display_company(ctx.company),
        sender=gsm_safe(ctx.sender_name),
        sender_company=display_company(ctx.sender_company),
        email=plain(str(extracted.get("email") or "")).lower(),
        phone=display_phone(str(extracted.get("phone") or "")),
        meeting_time=display_time(str(extracted.get("meeting_time") or "")),
    )


# --------------------------------------------------------------------------------------- suggest
def _clamp(value: float) -> float:
    return round(max(0.0, min(1.0, value)), 2)


def suggest(ctx: CopilotContext) -> Suggestion:
    """Draft a suggestion for one reply with the rules and templates. Deterministic; never sends."""
    cls = ctx.classification
    worker = route_worker(cls, ctx.priority, ctx.days_since_last_reply)
    f = fill_for(ctx)
    conf = _clamp(ctx.confidence)
    label = cls.replace("_", " ")

    def out(action: str, template: str | None, notes: list[str], close_reason: str = "") -> Suggestion:
        referral = mentioned_name(ctx)
        if referral and referral != f.name and referral.split(" ")[0] != f.name:
            notes = [*notes, f"The reply names {referral}: update the contact if that is who to reach."]
        confidence = min(conf, REVIEW_CONFIDENCE_CAP) if action == "review" else conf
        return Suggestion(
            worker=worker,
            action=action,
            text=render(template, f) if template else "",
            notes=" ".join(notes),
            close_reason=close_reason,
            confidence=confidence,
            failures=[],
            engine="rules",
            elapsed_ms=0,
        )

    # 1. closing classes: never any reply text.
    if cls == "opt_out":
        return out(
            "close",
            None,
            [
                "Lead opted out: send nothing else and close as opted_out.",
                "The compliance confirmation is sent automatically elsewhere.",
            ],
            "opted_out",
        )
    if opted_out_before(ctx):
        return out(
            "review",
            None,
            [
                f"Lead opted out earlier in this conversation and now replied ({label}).",
                "No marketing: a person decides whether any direct answer is appropriate.",
            ],
            "opted_out",
        )
    if cls in TERMINAL:
        reason = TERMINAL[cls]
        notes = {
            "wrong_number": ["Wrong number: do not reply; close and keep this number out of future campaigns."],
            "hostile": ["Hostile reply: do not engage; close as hostile."],
        }[cls]
        if cls == "hostile" and _LEGAL.search(normalize(ctx.text)):
            notes = [*notes, "It mentions legal action or a complaint: flag it for a manager."]
        if conf < LOW_CONFIDENCE:
            return out("review", None, [f"Low confidence ({conf:.2f}) for {label}.", *notes], reason)
        return out("close", None, notes, reason)

    # 2. unsure reads go to a person.
    if cls == "other" or cls not in _KNOWN or conf < LOW_CONFIDENCE:
        why = (
            "Reply did not match any known pattern"
            if cls not in _KNOWN or cls == "other"
            else f"Low confidence ({conf:.2f}) that this is {label}"
        )
        return out("review", "review_generic", [f"{why}: read it before sending.", "The draft only asks for more."])

    # 3. CATHY: not interested (one soft follow-up at most, never after a hard no).
    if cls == "not_interested":
        if is_hard_no(ctx.text):
            return out(
                "close",
                None,
                ["Hard no: no follow-up. Close as not_interested."],
                "not_interested",
            )
        if soft_follow_up_sent(ctx):
            return out(
                "close",
                None,
                ["A soft follow-up was already sent after an earlier no: do not nudge again. Close."],
                "not_interested",
            )
        return out(
            "send_reply",
            "not_interested_soft",
            ["Soft no: one respectful reply that leaves the door open, no pitch.", "Close if they do not re-engage."],
        )

    # 4. CATHY: stale conversations.
    if worker == CATHY and is_stale(ctx.days_since_last_reply):
        days = ctx.days_since_last_reply
        if ctx.trailing_outbound() >= 2:
            return out(
                "close",
                None,
                [f"No reply for {days} days and a nudge was already sent: close as no_response."],
                "no_response",
            )
        template = "out_of_office" if cls in ("out_of_office", "auto_reply") else "stale_nudge"
        return out("send_reply", template, [f"No reply for {days} days after a {label} reply: one gentle nudge."])

    if cls in ("out_of_office", "auto_reply"):
        until = _UNTIL.search(plain(ctx.text))
        when = f"until {until.group(1)}" if until else "for a few days"
        return out(
            "wait",
            "out_of_office",
            [f"Auto-reply: the lead is away {when}.", "Wait, then send this nudge when they are back."],
        )

    # 5. meetings (SABRINA), and interested leads.
    tz = f" Times are the lead's local time ({ctx.timezone_name})." if ctx.timezone_name else ""
    if cls == "meeting_request":
        return _meeting(ctx, f, out, tz)
    if cls == "interested":
        if worker == SABRINA:
            if f.meeting_time:
                return _meeting(ctx, f, out, tz)
            return out("book_meeting", "book_open", [f"Hot interested lead: ask for a time and book the call.{tz}"])
        if question_kind(ctx.text) == "pricing":
            return out(
                "send_reply",
                "pricing",
                ["Interested, asking about price: quote nothing here, steer to a short call."],
            )
        if f.meeting_time:
            return _meeting(ctx, f, out, tz)
        return out("send_reply", "interested", ["Interested: thank them and propose a short call."])

    # 6. captures (GIANNA).
    if cls == "email_capture":
        if f.email:
            return out(
                "send_reply",
                "email_capture",
                [f"Lead shared {f.email}: save it, confirm the address and propose a call."],
            )
        return out("send_reply", "email_capture_missing", ["Looks like an e-mail reply but no address was found."])
    if cls == "phone_capture":
        if f.phone:
            when = f" They mentioned {f.meeting_time}." if f.meeting_time else ""
            template = "phone_capture_time" if f.meeting_time else "phone_capture"
            return out("call", template, [f"Lead shared {f.phone}: call that number.{when}{tz}"])
        return out("send_reply", "phone_capture_missing", ["Looks like a phone reply but no number was found."])

    # 7. questions (GIANNA).
    kind = question_kind(ctx.text)
    if kind == "how_got_number":
        return out(
            "send_reply",
            "how_got_number",
            ["Asks where the number came from: answer honestly (public business listing) and offer STOP."],
        )
    if kind == "who_is_this":
        missing = "" if f.me else " No sender name on file: add it before sending if you can."
        return out("send_reply", "who_is_this", [f"Asks who is texting: identify the sender and the reason.{missing}"])
    if kind == "legit":
        return out("send_reply", "legit", ["Asks if this is real: answer plainly and offer STOP."])
    if kind == "pricing":
        return out("send_reply", "pricing", ["Price question: quote nothing here, steer to a short call."])
    return out(
        "review",
        "question_generic",
        ["Open question the templates cannot answer: write the answer before sending."],
    )


def _meeting(ctx: CopilotContext, f: Fill, out: Callable[..., Suggestion], tz: str) -> Suggestion:
    if f.meeting_time and _is_specific_time(f.meeting_time):
        return out(
            "book_meeting",
            "meeting_confirm",
            [f"Lead proposed {f.meeting_time}: check the calendar, confirm and book it.{tz}"],
        )
    if f.meeting_time:
        return out(
            "book_meeting",
            "meeting_propose",
            [f"Lead suggested {f.meeting_time} without a time: propose one and book it.{tz}"],
        )
    if _CALL_ME.search(normalize(ctx.text)):
        return out("call", "meeting_call_now", [f"Lead asked for a call with no time given: call soon.{tz}"])
    return out("book_meeting", "book_open", [f"Lead wants to meet but gave no time: ask for one and book it.{tz}"])
