"""One vocabulary of dispositions: how a conversation ends (the lead's close reason).

Used by the closeout (stage 12: the form, the API and the lead status each leads to), the outcome metrics
(won and lost) and the copilot (the close reasons it may suggest, and the one a terminal reply implies).
Plain strings, no Django: the copilot's rules import it too.
"""

# disposition -> the lead status it leads to (``leads.models.Lead.Status`` values)
DISPOSITIONS: dict[str, str] = {
    "booked": "converted",
    "converted": "converted",
    "not_interested": "lost",
    "no_response": "lost",
    "opted_out": "closed",
    "wrong_number": "closed",
    "hostile": "closed",
    "duplicate": "closed",
    "other": "closed",
}

# what the copilot may suggest as a close reason: a disposition, or "" for none
CLOSE_REASONS: tuple[str, ...] = ("", *DISPOSITIONS)

# a reply of these classes ends the conversation with this disposition
TERMINAL: dict[str, str] = {"opt_out": "opted_out", "wrong_number": "wrong_number", "hostile": "hostile"}

WON = tuple(d for d, status in DISPOSITIONS.items() if status == "converted")
LOST = tuple(d for d, status in DISPOSITIONS.items() if status == "lost")
