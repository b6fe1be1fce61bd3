"""Stage 9, response classification: inbound SMS text -> classification, confidence, extracted data.

Pure Python (stdlib + ``phonenumbers``), deterministic, no database. The ``opt_out`` class is exactly
``messaging.compliance.opt_out_decide(text) == "yes"``: the suppression and the classifier share one decision
(its answer, "uncertain" included, is ``ClassificationResult.opt_out``). ``classify(text)`` returns a
:class:`ClassificationResult`.

Pipeline
    1. Clean: NFKC, curly quotes -> straight, whitespace collapsed (case kept for name extraction).
    2. Extract: e-mail (validated, lower-cased), US phone (``phonenumbers``, region US, 10 digits),
       name ("this is John", "my name is Sarah Lee", "ask for Mike": capitalised names only) and
       meeting time (the normalised phrase, e.g. "tomorrow at 3pm"). E-mails and phones are then
       masked as ``<email>``/``<phone>`` so their digits and words cannot trigger other rules.
    3. Normalise: lower case, SMS shorthand expanded (pls, thx, u, ur, k, y, n, yep, nah, tmrw...).
    4. Rules fire from the tables below: whole-message keywords (``WHOLE_MESSAGE``), phrase regexes
       (``PHRASE_RULES``), compound meeting rules and extraction rules (a valid e-mail/phone).

Confidence scheme (deterministic)
    Rule strength: exact whole-message keyword 0.99 (bare "ok" 0.65, "maybe" 0.55); strong phrase
    0.8-0.97; weak cue 0.6-0.75 (a lone "?", a leading "yes"/"no", a time with no meeting verb).
    A class's score is its strongest rule + 0.03 per extra rule of that class, capped at 0.99.
    Conflicting cues lower the winner's confidence: minus 0.35 x the runner-up's score when the two
    pull opposite ways (positive vs negative, see ``POLARITY``), minus 0.05 when one of them is
    neutral (question, out_of_office, auto_reply, wrong_number) and the runner-up is strong, nothing when they
    agree (opt_out + not_interested). Rounded to 2 decimals. ``other`` has confidence 0.0.

Precedence (deliberate)
    Classes are ranked by ``PRECEDENCE``: opt_out, wrong_number, hostile, auto_reply, email_capture,
    phone_capture, meeting_request, interested, question, not_interested, out_of_office.
    1. Any opt_out cue wins outright: a revocation of consent must never be lost (compliance).
    2. Otherwise a class with a strong cue (score >= ``STRONG``) beats one with only weak cues,
       so "sure, who is this?" is a question, not interest.
    3. Within the same tier, the higher-precedence class wins: "Call me at 512-555-0143 tomorrow"
       is phone_capture (the meeting time is still extracted).
    ``runner_up`` is the next class by the same ordering, or None.

Failures (codes in ``failures``)
    NO_MATCH          nothing fired, the result is ``other``.
    LOW_CONFIDENCE    confidence < ``low_confidence_threshold`` (so also on every NO_MATCH unless
                      the threshold is 0).
    EXTRACTION_ERROR  the text looks like it holds an e-mail (``x@y``) or phone (10+ digits in a run)
                      but no valid value of that kind could be extracted.
    MISCLASSIFICATION is recorded by human review downstream; ``classify`` never emits it.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from dataclasses import dataclass, field

import phonenumbers

from inbox import extraction
from inbox.phonematch import us_phone_matches
from messaging import compliance
from usdatabiz.core.regexgate import GatedPatterns, GatedRegex, ScannedRegex, caseless_ascii, literal_gates


class Classification(enum.StrEnum):
    EMAIL_CAPTURE = "email_capture", "Email captured"
    PHONE_CAPTURE = "phone_capture", "Phone captured"
    INTERESTED = "interested", "Interested"
    MEETING_REQUEST = "meeting_request", "Meeting request"
    QUESTION = "question", "Question"
    NOT_INTERESTED = "not_interested", "Not interested"
    OPT_OUT = "opt_out", "Opt-out"
    WRONG_NUMBER = "wrong_number", "Wrong number"
    OUT_OF_OFFICE = "out_of_office", "Out of office (a person away)"
    AUTO_REPLY = "auto_reply", "Auto-reply (machine-sent)"
    HOSTILE = "hostile", "Hostile"
    OTHER = "other", "Other"

    def __new__(cls, value: str, label: str):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """``(value, label)`` pairs, like Django's ``TextChoices.choices``."""
        return [(m.value, m.label) for m in cls]


class Failure(enum.StrEnum):
    NO_MATCH = "NO_MATCH"
    LOW_CONFIDENCE = "LOW_CONFIDENCE"
    EXTRACTION_ERROR = "EXTRACTION_ERROR"
    MISCLASSIFICATION = "MISCLASSIFICATION"  # set by human review, never by classify()


C = Classification
NOT_TEXTABLE_RULE = "auto_reply.not_textable"
STRONG = 0.8
MULTI_RULE_BONUS = 0.03
OPPOSING_PENALTY = 0.35
NEUTRAL_PENALTY = 0.05
MAX_CONFIDENCE = 0.99
PRECEDENCE = (  # highest first; see the module docstring
    C.OPT_OUT, C.WRONG_NUMBER, C.HOSTILE, C.AUTO_REPLY, C.EMAIL_CAPTURE, C.PHONE_CAPTURE,
    C.MEETING_REQUEST, C.INTERESTED, C.QUESTION, C.NOT_INTERESTED, C.OUT_OF_OFFICE,
)  # fmt: skip
POLARITY = {
    C.EMAIL_CAPTURE: 1, C.PHONE_CAPTURE: 1, C.INTERESTED: 1, C.MEETING_REQUEST: 1,
    C.OPT_OUT: -1, C.NOT_INTERESTED: -1, C.HOSTILE: -1,
    C.WRONG_NUMBER: 0, C.QUESTION: 0, C.OUT_OF_OFFICE: 0, C.AUTO_REPLY: 0,
}  # fmt: skip

# --------------------------------------------------------------------------- normalisation tables
QUOTES = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'", "\u201c": '"', "\u201d": '"'}
)
SHORTHAND = {
    "pls": "please", "plz": "please", "thx": "thanks", "thnx": "thanks", "thanx": "thanks", "ty": "thanks",
    "u": "you", "ur": "your", "r": "are", "k": "ok", "kk": "ok", "okay": "ok", "okey": "ok",
    "y": "yes", "ya": "yes", "yea": "yes", "yeah": "yes", "yep": "yes", "yup": "yes", "yess": "yes",
    "n": "no", "nope": "no", "nah": "no", "naw": "no", "nty": "no thank you",
    "im": "i'm", "dont": "don't", "cant": "can't", "wont": "won't", "didnt": "didn't", "doesnt": "doesn't",
    "isnt": "isn't", "whos": "who's", "whats": "what's", "thats": "that's", "youre": "you're", "lets": "let's",
    "tmrw": "tomorrow", "tmr": "tomorrow", "tmw": "tomorrow", "tmrrw": "tomorrow", "2morrow": "tomorrow",
    "2moro": "tomorrow", "txt": "text", "txts": "texts", "txting": "texting", "msg": "message", "msgs": "messages",
    "si": "yes", "claro": "sure", "dis": "this", "wat": "what", "wut": "what", "rn": "right now", "lmk": "let me know",
}  # fmt: skip
_TOKEN = re.compile(r"[a-z0-9']+")
# a whole word only: not the "r" inside "dolandırıcı", where a letter outside a-z stands beside it
_SHORTHAND_TOKEN = re.compile(r"(?<!\w)[a-z0-9']+(?!\w)")

# ------------------------------------------------------------------------------- extraction tables
EMAIL_RE = re.compile(
    r"(?<![\w.+%-])[a-z0-9][a-z0-9._%+-]*@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"
    r"\.[a-z]{2,24}(?![\w-]|\.[a-z0-9])",
    re.IGNORECASE,
)
# "kelly at gmail dot com", "tom (at) oakhvac (dot) com": rewritten as an address, then validated like any other
# (the mailbox taken whole, "*+": what may follow it, a space, "(", "[" or "@", is none of its characters, so a shorter
# mailbox never matches where the whole one did not, and each word of a reply is not tried again letter by letter)
SPELLED_EMAIL_RE = re.compile(
    r"\b([a-z0-9][a-z0-9._+-]*+)\s*(?:\(at\)|\[at\]|\(arroba\)|\s+at\s+|\s+arroba\s+|(?<=\w)@(?=\w))\s*"
    r"((?:[a-z0-9-]+\s*(?:\(dot\)|\[dot\]|\s+dot\s+|\s+punto\s+|\.)\s*)+"
    r"(?:com|net|org|edu|gov|us|biz|info|co|io|me))\b(?!/)",  # "open dates at venue.com/dates" is a link
    re.IGNORECASE,
)


_NOT_A_MAILBOX = frozenset(
    "i am me us we re you is are be here there home work it this that be s m anytime online now today site website "
    "page book booking order visit".split()
)


_BRACKETED_DOT = re.compile(r"(?<=\w)\s*[(\[]dot[)\]]\s*(?=\w)", re.IGNORECASE)
# "jay at jays landscaping dot com", "sales @ queensbeauty dot com": a domain said as words, which cannot hold spaces
SPOKEN_DOMAIN_EMAIL_RE = re.compile(
    r"\b([a-z0-9][a-z0-9._+-]*)\s+(?:at|@)\s+((?:[a-z0-9'-]+\s+){0,2}[a-z0-9-]+)\s+dot\s+(com|net|org|biz|us|info)\b",
    re.IGNORECASE,
)


def _spoken_domain_email(match: re.Match) -> str:
    if match.group(1).lower() in _NOT_A_MAILBOX:
        return match.group()
    domain = "".join(match.group(2).split()).replace("'", "")  # "Jake's fly shop dot com": jakesflyshop.com
    return f"{match.group(1)}@{domain}.{match.group(3)}"


def _spelled_email(match: re.Match) -> str:
    if match.group(1).lower() in _NOT_A_MAILBOX:
        return match.group()  # "I am at home dot com": words, not an address
    domain = re.sub(r"\s*(?:\(dot\)|\[dot\]|\s+dot\s+|\s+punto\s+|\.)\s*", ".", match.group(2), flags=re.IGNORECASE)
    return f"{match.group(1)}@{domain}"


# "jmartin78 at gmail", "sarah.b.kline @yahoo": a big mailbox provider named without its ending
_PROVIDER_DOMAINS = {"gmail": "gmail.com", "yahoo": "yahoo.com", "hotmail": "hotmail.com", "outlook": "outlook.com",
                     "aol": "aol.com", "icloud": "icloud.com", "comcast": "comcast.net", "att": "att.net",
                     "msn": "msn.com", "protonmail": "protonmail.com"}  # fmt: skip
PROVIDER_ONLY_EMAIL_RE = re.compile(
    r"\b([a-z0-9][a-z0-9._+-]*[a-z0-9])\s*(?:@|\s+at\s+)\s*(" + "|".join(_PROVIDER_DOMAINS) + r")(?:com|net)?\b"
    r"(?!\s*(?:\.|\(dot\)|\[dot\]|\bdot\b)\s*[a-z])",
    re.IGNORECASE,
)


# "my gmail is deshawn.autosales": the provider named first, the mailbox after it
_PROVIDERS = "|".join(_PROVIDER_DOMAINS)
MY_PROVIDER_EMAIL_RE = re.compile(
    rf"(?:\bmy ({_PROVIDERS})(?: address)?(?: is|:)|^({_PROVIDERS}):)\s+([a-z0-9][a-z0-9._+-]*[a-z0-9])\b(?![\w.+-]*@)"
    # "gmail is frankiesautorepair1985": a mailbox with a digit ("gmail is down today" is words)
    rf"|^({_PROVIDERS}) is\s+([a-z0-9._+-]*\d[a-z0-9._+-]*[a-z0-9])\b(?![\w.+-]*@)",
    re.IGNORECASE,
)


# "john dot smith at gmail dot com": a mailbox said with its dots, joined before the address is read (only when an
# address follows: "at" and a domain or a big provider)
SPOKEN_MAILBOX_DOTS_RE = re.compile(
    r"\b([a-z0-9]+\s+dot\s+[a-z0-9]+(?:\s+dot\s+[a-z0-9]+){0,2})(?=\s*(?:@|\bat\b)\s*(?:[a-z0-9-]+\s*(?:\.|\bdot\b)\s*)*"
    rf"(?:com|net|org|edu|gov|us|biz|info|co|io|me|{_PROVIDERS})\b)",
    re.IGNORECASE,
)
_SPOKEN_DOT = re.compile(r"\s+dot\s+", re.IGNORECASE)


def _spoken_mailbox_dots(match: re.Match) -> str:
    return _SPOKEN_DOT.sub(".", match.group(1))


def _my_provider_email(match: re.Match) -> str:
    provider = (match.group(1) or match.group(2) or match.group(4)).lower()
    return f"my email is {match.group(3) or match.group(5)}@{_PROVIDER_DOMAINS[provider]}"


def _provider_only_email(match: re.Match) -> str:
    if match.group(1).lower() in _NOT_A_MAILBOX:
        return match.group()  # "I'm at gmail": words
    return f"{match.group(1)}@{_PROVIDER_DOMAINS[match.group(2).lower()]}"


# "books@ and then our website, sawtoothsupply.com", "procurement@ our enterprise domain, it's nwtribalent.org"; the
# domain in brackets or after a few words ("sales@ (our domain is X)", "info@ but address it to Martha — our domain is
# X"); not an address whole ("bob@shop.com, our site is X")
MAILBOX_THEN_SITE_RE = re.compile(
    r"\b([a-z0-9][a-z0-9._+-]*)@(?![a-z0-9-]+\.[a-z])(?:\s*\(\s*|\s+|\s+(?P<between>[^@.!?\n]{0,50}?)[\s(\u2014\u2013-]+)"
    r"(?:and\s+then\s+|then\s+|plus\s+|at\s+)?(?:our|the|my)\s+(?:[a-z]+\s+)?"
    r"(?:website|domain|site|web\s*site|web\s+address|url)\W+(?:it'?s\s+|is\s+|which\s+is\s+)?"
    r"((?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24})\b",
    re.IGNORECASE,
)
# "bigskylogs gmail", "spokanebrew , gmail": a whole reply that is a mailbox and a big provider's name
MAILBOX_AND_PROVIDER_RE = re.compile(
    r"^\W*([a-z0-9][a-z0-9._+-]{6,}[a-z0-9])\s*[, ]\s*(" + "|".join(_PROVIDER_DOMAINS) + r")(?:\.com)?\W*$",
    re.IGNORECASE,
)


def _mailbox_then_site(match: re.Match) -> str:
    address = f"{match.group(1)}@{match.group(3).removeprefix('www.')}"
    # the words between kept after the address: "info@ but address it to Martha — our domain is X" names Martha
    return f"{address} {match['between']}." if match["between"] else address


def _mailbox_and_provider(match: re.Match) -> str:
    mailbox = match.group(1).lower()
    if mailbox in _NOT_A_MAILBOX or mailbox.endswith("ing"):
        return match.group()  # "checking gmail": words
    return f"{match.group(1)}@{_PROVIDER_DOMAINS[match.group(2).lower()]}"


# "dmitri.k @ hotmail.com", "t r o y . b a k e r @ outlook . com": spaces typed (or dictated) inside an address
SPACED_EMAIL_RE = re.compile(
    r"(?<![\w.@])((?:[a-z0-9._-]\s){2,}[a-z0-9._-]|[a-z0-9][a-z0-9._%+-]*)(\s*@\s*)"
    r"((?:[a-z0-9-](?:\s?[a-z0-9-]){0,40}\s*\.\s*)+(?:c\s?o\s?m|n\s?e\s?t|o\s?r\s?g|e\s?d\s?u|g\s?o\s?v|b\s?i\s?z"
    r"|i\s?n\s?f\s?o))\b",
    re.IGNORECASE,
)


def _spaced_email(match: re.Match) -> str:
    if not re.search(r"\s", match.group()):
        return match.group()  # an ordinary address: EMAIL_RE reads it
    return re.sub(r"\s+", "", match.group())


EMAIL_LIKE = re.compile(r"[^\s@<>]@+[^\s@<>]")
DIGIT_RUN = re.compile(r"\+?\(?\d[\d\s().+-]{8,}\d")
# A number written the way a US phone is (3-3-4 digits, with or without +1, brackets, dots, dashes, spaces).
US_PHONE_SHAPED = re.compile(r"(?<![\d-])(?:\+?1[\s.-]?)?\(?[2-9]\d{2}\)?[\s.-]?[2-9]\d{2}[\s.-]?\d{4}(?![\d-])")
# A local number without its area code ("call 555-0142"): the person gave a number we cannot dial as it stands.
LOCAL_PHONE_SHAPED = re.compile(r"(?<![\d.,:/$-])[2-9]\d{2}[\s.-]\d{4}(?![\d:/-]|[.,]\d)")
# A vanity number, its letters in capitals as businesses print them: "1-877-FIX-ROOF", "(800) 555-HELP"
VANITY_PHONE = re.compile(
    r"(?<![\w-])(?:1[-. ]?)?\(?[2-9]\d{2}\)?[-. ]?(?=[A-Z0-9-]{0,6}[A-Z])(?:[A-Z0-9][-. ]?){6}[A-Z0-9][A-Z]{0,3}"
    r"(?![\w-])"
)


def _vanity_digits(match: re.Match) -> str:
    """The number a vanity spelling dials: letters past the seventh after the area code are not dialled
    ("1-888-GO-TOWING" is 1-888-468-6946)."""
    digits = re.sub(r"\D", "", phonenumbers.convert_alpha_characters_in_number(match.group()))
    keep = 11 if digits.startswith("1") else 10
    return " " + digits[:keep] + " "


# The digit a word names
_DIGIT_WORDS = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
                "six": "6", "seven": "7", "eight": "8", "nine": "9"}  # fmt: skip

# "469-555-O191", "5O3-555-Ol64": O typed for a zero and l or I for a one inside a phone number (ten or eleven
# characters, most of them real digits); not the "I" of an "I'm" after a number
LETTER_O_DIGITS = re.compile(r"(?<![\w])[\dOoIl][\dOoIl().\s-]{8,}[\dOoIl](?![\w'])")


_LOOK_ALIKE_DIGITS = str.maketrans("OoIl", "0011")


def _letter_o_as_zero(match: re.Match) -> str:
    run = match.group()
    digits, letters = sum(ch.isdigit() for ch in run), sum(ch in "OoIl" for ch in run)
    if digits + letters not in (10, 11) or digits < 6 or not letters or (digits < 8 and not re.search(r"[-.()]", run)):
        return run
    return run.translate(_LOOK_ALIKE_DIGITS)


# A number in digit words, or digits and digit words mixed: "five five five, four one two, eight eight zero nine",
# "646 five five five 0134"
MIXED_DIGITS = re.compile(
    r"(?<![\w-])(?:(?:\d{1,4}|zero|oh|one|two|three|four|five|six|seven|eight|nine)[\s,.-]+){3,10}"
    r"(?:\d{1,4}|zero|oh|one|two|three|four|five|six|seven|eight|nine)(?![\w-])",
    re.IGNORECASE,
)


def _mixed_digits(match: re.Match) -> str:
    parts = re.findall(r"\d+|[a-z]+", match.group(), re.I)
    digits = "".join(part if part.isdigit() else _DIGIT_WORDS[part.lower()] for part in parts)
    words = sum(not part.isdigit() for part in parts)
    if not words or len(digits) not in (10, 11) or (len(digits) == 11 and digits[0] != "1"):
        return match.group()
    return " " + digits + " "


_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|thu(?:rs?)?|fri)"
_DAY = (
    rf"(?:today|tonight|tomorrow|(?:next|this)\s+(?:week|weekend|month)|end\s+of\s+(?:the\s+|this\s+|next\s+)?(?:week|month)"
    rf"|(?:next\s+|this\s+)?{_WEEKDAY})"
)
_PART = r"(?:morning|afternoon|evening|night|noon|lunch(?:time)?|eod|end of (?:the )?day)"
# "3:30p", "10ish", "noonish": a clock as thumbs write it
_HOUR = r"\d{1,2}(?::[0-5]\d)?(?:\s*(?:am|pm)|(?<=:\d\d)[ap](?![\w])|ish)?"
_CLOCK = r"(?:\d{1,2}(?::[0-5]\d)?\s*(?:am|pm)|\d{1,2}:[0-5]\d(?:[ap](?![\w])|ish)?|(?<![\d:])\d{1,2}ish|noon(?:ish)?)"
_PREP_CLOCK = (
    rf"(?:(?:at|@|around|after|before|by|about|between)\s*(?:{_HOUR}|noon(?:ish)?)(?:\s*(?:-|to|and)\s*{_HOUR})?)"
)
# "9am PST", "at 2 pacific time": the zone the person means (``callbacks.parse_callback`` reads it)
ZONE_WORD = r"(?:[ecmp][sd]?t|eastern|central|mountain|pacific|hawaii|alaska)(?:\s+time)?"
TIME_RE = re.compile(
    rf"\b(?:in (?:an|one|a few|a couple(?: of)?|\d+) (?:min(?:ute)?s?|hours?|hrs?)\b"
    rf"|(?:{_PART}\s+(?:on\s+)?)?{_DAY}(?:\s+{_PART})?(?:\s*{_PREP_CLOCK}|\s+{_CLOCK})?(?:\s*{ZONE_WORD}(?![\w]))?"
    rf"|(?:{_PREP_CLOCK}|{_CLOCK})(?:\s*{ZONE_WORD}(?![\w]))?(?:\s+(?:on\s+)?{_DAY}|\s+(?:in the\s+)?{_PART})?"
    rf"|(?:this|in the)\s+{_PART})(?![\w])"
)

# ------------------------------------------------------------------------------------ rule tables
# Whole message, punctuation stripped -> (class, strength). "" is a message of only "?" marks.
WHOLE_MESSAGE: dict[str, tuple[Classification, float]] = {
    **{k: (C.INTERESTED, 0.99) for k in (
        "yes", "yes please", "sure", "sure thing", "interested", "i'm interested", "yes i'm interested",
        "definitely", "absolutely", "of course", "go ahead", "sounds good", "sounds great", "tell me more",
        "why not", "let's do it", "i'm in", "ok sure", "yes sure", "yes i am", "yes we are", "ok interested",
        "ok send it", "ok let's do it", "ok tell me more")},
    "maybe": (C.INTERESTED, 0.55), "possibly": (C.INTERESTED, 0.55),
    "perhaps": (C.INTERESTED, 0.55), "depends": (C.INTERESTED, 0.55),
    **{k: (C.NOT_INTERESTED, 0.99) for k in (
        "no", "no thanks", "no thank you", "not interested", "no no", "no way", "pass", "i'll pass", "all set",
        "we're all set", "i'm all set", "we're good", "we are good", "i'm good", "not now", "not today",
        "no interest", "not for me", "no need", "no sir", "no ma'am", "not really", "absolutely not",
        "definitely not", "hell no", "of course not")},
    "maybe later": (C.NOT_INTERESTED, 0.65),
    **{k: (C.QUESTION, 0.99) for k in (
        "who is this", "who's this", "who are you", "who this", "what is this", "what's this")},
    "who": (C.QUESTION, 0.9), "what": (C.QUESTION, 0.8), "huh": (C.QUESTION, 0.75), "": (C.QUESTION, 0.7),
    **{k: (C.WRONG_NUMBER, 0.99) for k in ("wrong number", "wrong person", "wrong guy", "wrong")},
    "call me": (C.MEETING_REQUEST, 0.9),
}  # fmt: skip

_NOT = r"(?:don't|do not|never|can't|cannot|won't|will not|please don't)"
# Words that follow "I'm not" / "this isn't" without naming a person: "I'm not interested", "this isn't legit"
_NOT_A_NAME = (
    r"(?:interested|intrested|intersted|sure|selling|buying|looking|ready|available|home|here|there|in|out|the|a|an"
    r"|it|that|this|him|her|me|you|legit|real|right|good|ok|okay|fine|busy|kidding|joking|paying|signing|going"
    r"|doing|switching|moving|hiring|open|closed|allowed|able|able|responsible|affiliated|involved|spam|funny|happy"
    r"|one|gonna|coming|worried|the\s+owner)"
)
# '"Reply STOP to opt out" — does that stop texts from everyone at your company or just you?': words quoted, then a
# question about them
_QUOTED_THEN_ASKED = (
    r'^"[^"]{3,}"\W*(?:so |but |and |ok )?(?:does|do|will|would|is|are|can|could|what|how|why|who|which)\b[^"]*\?'
)
# "I'll pass it along to my dad", "we'll pass this on to the owner": a message handed on, not a decline ("I'll pass
# on this" is one)
_PASSED_ON = (
    r"(?!(?: (?:it|this|that|them|these|those|the (?:message|info|word|number)|your (?:info|message|number)))?"
    r" (?:along|on to|to)\b)"
)
_NEG_INTERESTED = (
    r"\b(?:not|never|no longer|isn't|aren't|wasn't|wouldn't|won't|don't|doesn't|zero|no)\b(?: \w+){0,2}"
    r" (?:interested|intrested|intersted|interseted|interestd)"
    r"|\binterested (?:na|nahi|nahin|nai)\b"  # Bengali and Hindi in Latin letters: "ami interested na"
    r"|\b(?:nisht|nit|nicht) (?:interested|interesirt)\b"  # Yiddish: "nisht interested, a dank"
)


@dataclass(frozen=True)
class Rule:
    """A phrase rule: fires when any alternative matches the normalised text and ``unless`` does not."""

    name: str  # "<classification>.<rule>"
    strength: float
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | None = None
    gates: tuple[str, ...] | None = None  # usdatabiz.core.regexgate: text every match contains

    @property
    def classification(self) -> Classification:
        return Classification(self.name.split(".", 1)[0])


def _rule(name: str, strength: float, *alternatives: str, unless: str | None = None) -> Rule:
    pattern = compliance.folded("|".join(alternatives))  # read the way normalize reads texts
    return Rule(name, strength, re.compile(pattern), re.compile(unless) if unless else None, literal_gates(pattern))


# "Jess is this you? Did you get a new phone?": a name and a question whether the writer's acquaintance changed phones
_NEW_PHONE_ASKED = (
    r"^[a-z]+\W+(?:is|was) (?:this|that|it) you\W+did you (?:get|change) (?:a new|your) (?:phone|number)\b"
)


# fmt: off
PHRASE_RULES: list[Rule] = [
    _rule("wrong_number.personal_phone", 0.85, r"\bpersonal (?:number|cell|phone)\b", unless=r"<(?:phone|number)>"),
    _rule("wrong_number.not_that_person", 0.88, rf"^(?:(?:i'm|i am|this is|it's) not|this isn't|it isn't) "
          rf"(?!{_NOT_A_NAME}\b|(?:my|your|our|what|how|worth|for|something|anything|really|just|true|fair"
          r"|necessary|needed|possible|true|urgent|about|why|who)\b)[a-z'&]+(?: [a-z'&]+){0,3}\W*$",
          r"^not (?:him|her|me)\W*$",
          r"\bno idea who (?:that|this|you're looking for) is\b", r"\b(?:don't|do not) know who that is\b",
          r"\b(?:doesn't|does not|don't|no longer) live (?:here|there)\b", r"\bmoved (?:out|away)\b",
          r"^(?:sorry,? )?new number\b(?![^.!?]*<(?:phone|number|email)>)",
          r"\b[a-z]+ works at (?:the|our) (?:other |[a-z]+ )?(?:store|location|office|shop|branch)\b",
          r"\bthis (?:number|phone|line|cell) is mine now\b", r"\bit'?s my (?:personal )?(?:number|phone|cell) now\b",
          r"\bbought (?:it|the (?:shop|business|store|company|place|building)) from (?:him|her|them)\b",
          r"\bnot the owner (?:anymore|any more|no more)\b",
          r"\b(?:we are|we're|this is) not an? [a-z ]{2,25}\W+(?:this is|we are|we're|it's) an? [a-z]",
          r"\bnew number,? sorry\b", r"\bused to be (?:someone|somebody)\b",
          r"\bbelongs to (?:someone|somebody) else\b", r"\bnot the right person\b", r"\bnot me\W*$",
          r"\bdon't own (?:that|this|the|any) (?:house|home|property|properties|place)\b",
          # "We closed the food truck for good in September": the business is gone
          r"\b(?:closed|shut down|shut) (?:the |our |my )?(?:[a-z]+ ){0,3}for good\b(?! friday)",
          r"\b(?:is|was|are|were|we|we're|we've|has|have been) (?:closed|shut down) permanently\b",
          r"\bpermanently closed\b",
          # "Not me! I'm just the receptionist's cousin"
          r"^not me\W+(?:i'm|i am|this is|it's|just)\b",
          # Korean "이 번호는 이제 가게 번호 아니에요" (this number is not the shop's any more)
          r"(?:가게|회사|사업장|매장) 번호(?:가)? 아니",
          # "no Gary here", not "no spam here, we're legit too" or "no problem here"
          r"^no (?!(?:spam|scam|problem|problems|one|worries|need|interest|money|loans?|debt|thanks|way|doubt|rush"
          r"|issues?|complaints?|drama)\b)[a-z]+ (?:here|at this number)\b", r"\bno [a-z]+ at this number\b"),
    _rule("wrong_number.spanish", 0.95, r"\bnumero equivocado\b", r"\bse equivoco de numero\b",
          r"\bmauvais num[eé]ro\b", r"\bn[uú]mero errado\b", r"\bmove nimewo\b",
          r"번호 ?잘못|잘못 ?보내", r"打错(?:了|电话)|发错|错号",
          r"^who(?:'s| is) [a-z]+\W+(?:this is|i'm|it's) [a-z]+\W*$",
          r"ошиблись номером|не тот номер|неправильный номер",
          r"\bnot who you think\b", r"\bpomy[lł]ka\b",
          r"\beste no es (?:el|mi) (?:numero|telefono)\b", r"\bkhong phai so\b",
          r"\bmali (?:po )?(?:ang |yung )?(?:number|numero)\b", r"\bfalsche nummer\b",
          r"\b(?:esse|este) numero nao e\b", r"\bnumero sbagliato\b",
          r"\bgalat (?:number|numbar|no)\b", r"\bz[lł]y numer\b", r"\byanl[iı]s numara\b", r"الرقم (?:غلط|خطأ)",
          r"помилилися номером|не той номер", r"λάθος αριθμ", r"מספר שגוי|טעות במספר", r"սխալ համար",
          r"番号(?:間違|違い)", r"गलत नंबर", r"ভুল (?:নাম্বার|নম্বর)", r"\blambar khaldan\b", r"ስህተት ቁጥር", r"غلط نمبر",
          r"ખોટો નંબર",
          r"^no soy (?!el\b|la\b|un\b|una\b|yo\b|cliente|interesad)[a-z]+\W*$"),
    _rule("wrong_number.phrase", 0.95,
          r"\bwrong (?:number|num|#|no\b|person|guy|girl|lady|man|phone|contact|company|business|store|shop|cell)"),
    _rule("wrong_number.not_involved", 0.88,
          r"\bnot (?:affiliated|associated|involved|connected) (?:with|in)\b", r"\bnot involved (?:any ?more|now)\b",
          r"\bused to belong to\b", r"\b(?:got|have had|had|just got) this (?:number|phone|cell)\b",
          r"\b(?:owner|he|she|they) sold (?:the|that|this|his|her|their|my|our) "
          r"(?:business|company|shop|store|place|salon|restaurant)\b",
          r"\b(?:don't|do not|no longer) (?:own|run|work (?:at|for)) (?:that|this|the) "
          r"(?:business|company|shop|store|place)\b",
          r"\b(?:that|the) (?:business|company|shop|store|salon|restaurant|place|office|diner) "
          # not "the shop is closed in the meantime", "closed for the week": closed for a while, the owner away
          r"(?:closed|is closed|shut down|went out of business)\b(?! (?:in the meantime|for (?:now|the|a|two|three|\d)"
          r"|until|till|til|through|temporarily|while))",
          r"\b(?:stopped using|don't use|no longer use|doesn't use) this (?:number|phone)\b",
          r"\b(?:owned|ran|used to own|used to run) (?:that|the) (?:business|company|shop|store|place)\b",
          r"^not a (?:business|restaurant|company|store|shop|salon|office)\b",
          r"\bthis is my (?:personal )?number now\b", r"\bi (?:don't|do not) own (?:a|an|any)\b",
          r"\bthis is my (?:mom|dad|mother|father|grandma|grandpa|wife|husband)'?s? (?:old )?(?:phone|number|cell)\b",
          r"\bno soy (?:la persona|el dueno|la duena|quien)\b", r"\bse equivoc\w*\b", r"\b(?:ya|yes) no trabaja\b",
          r"\bno es un negocio\b",
          r"^wrong (?!(?:link|time|day|date|address|price|one|answer|way|file|email|thread|chat|text|message|info|size"
          r"|store|order|item|quote|amount|place|spot|room|name)\b)[a-z]+\W*(?:lol|haha|lmao)?\W*$"),
    _rule("wrong_number.you_have_wrong", 0.92, r"\b(?:you|you've|you have|you got|you've got) (?:got )?the wrong\b"),
    _rule("wrong_number.no_one_by_name", 0.95,
          r"\b(?:no ?one|nobody) (?:here )?(?:by|with|named|called|of) (?:that|this|the)? ?name\b",
          r"\b(?:no ?one|nobody) (?:here )?(?:named|called|by the name)\b", r"\bthere(?:'s| is) no \w+ here\b"),
    _rule("wrong_number.not_their_number", 0.9,
          r"\b(?:is not|isn't|not) (?:\w+'s|his|her|their) (?:number|phone|cell)\b"),
    _rule("wrong_number.left_company", 0.88,
          r"\b(?:doesn't|does not|no longer|don't|do not) works? (?:here|there|at)\b", r"\bno longer with\b",
          r"\bleft the company\b", r"\bpassed away\b"),
    _rule("wrong_number.not_a_business", 0.85,
          r"\b(?:don't|do not) (?:own|have|run) (?:a|that|this|any) (?:business|company)\b",
          r"\bjust got this number\b",
          r"\bnever heard of (?:him|her|them|that|this)\b"),
    _rule("hostile.profanity", 0.9,
          r"\b(?:f+u+c+k+\w*|f\*+\w*|motherf\w*|sh[i1]t\w*|bullshit|bitch\w*|assholes?|bastards?|cunts?)",
          r"\b(?:dickheads?|douche\w*|piss off|screw (?:you|off)|go to hell|stfu|gtfo|jackass\w*|metiche)\b",
          r"^screw (?:you|u|y'all|[a-z]+ (?:capital|funding|llc|inc|group|company|marketing))\b", r"\bque te importa\b",
          r"\bwhat kind of (?:scam|scammy|sleazy|shady)\b",
          r"\b(?:piece of (?:garbage|crap|trash|junk)|idiots?|morons?|scumbags?|dumbass\w*|clowns?|vultures?)\b",
          # "get lost" said to us, not "too easy for things to get lost", "so it doesn't get lost", "texts get lost on
          # this phone"
          r"\b(?<!to )(?<!things )(?<!it )(?<!'ll )(?<!will )(?<!might )(?<!could )(?<!can )(?<!may )(?<!would )"
          r"(?<!texts )(?<!messages )(?<!emails )(?<!they )(?<!often )(?<!always )(?<!sometimes )(?<!usually )"
          r"(?<!doesn't )(?<!don't )(?<!won't )(?<!not )get lost\b",
          r"\b(?:losers?|pathetic|shut up|scum|creeps?|leeches)\b",
          r"\b(?:parasites?|scammers?|scam artists?|crooks?|thieves|frauds?|liars?|con artists?|bloodsuckers?)\b",
          r"\b(?:predators?|get a real job|what a joke|joke of a (?:company|business)|go pound sand)\b",
          r"\b(?:eat sh\w+|bite me|drop dead|dumbest|stupidest|vete al carajo)\b",
          r"\bwho the (?:hell|heck|f\w*) (?:do you think|gave you)\b",
          r"\bhow do (?:you|y'all|u) (?:people )?sleep at night\b", r"\bthe audacity\b", r"\bboiler room\b",
          r"\bnigerian prince", r"\blua đao\b", r"\bcut đi\b",
          r"\bok,? boomer\b", r"\bthis is why (?:everybody|everyone|people|nobody)\b",
          # not "cell service sucks out here": the signal, not us
          r"\b(?:script|pitch|offer|product|(?<!cell )(?<!phone )service|company|text)s? "
          r"(?:sucks?|is garbage|is trash)\b",
          r"\bright after i (?:light|burn|throw|finish)\b", r"\bscam wrapped\b", r"\bratio \+ l\b",
          r"\banother genius\b", r"\bcut the nonsense\b", r"\bgetting scammed by\b",
          r"\bhow much are they paying you\b", r"\bthanks,? i hate it\b", r"\bbusquen? (?:un )?trabajo\b",
          r"\bkick rocks\b", r"\beat my shorts\b", r"^scam+\W*$", r"^oh sure,? let me\b",
          # dismissals without a curse, the ambiguous ones only alone ("we might take a hike Saturday")
          r"\bbuzz off\b", r"^\W*(?:beat it|take a hike|get (?:outta|out of) here|scram|shoo)\W*$",
          r"\b(?:just|so|are you|or) dumb\b", r"\bgo \w+ yourself\b",
          r"\b(?:rates|fees|prices) are (?:criminal|a joke|insane|highway robbery|a scam)\b",
          r"\bbuy (?:lists|numbers) and pray\b", r"^embarrassing\W*$|\. embarrassing\W*$",
          r"\b(?:it's|its) giving (?:scam|spam|fraud|desperate)\b", r"\bok,? bot\b",
          r"\b(?:you|u|y'all|you guys) (?:snakes|sharks|weasels|rats|hyenas)\b", r"\b(?:dumb|stupid) enough\b",
          r"\bthink i'm (?:dumb|stupid|an idiot|born yesterday)\b", r"\bare the reason (?:i|we|people|nobody)\b",
          r"\bhead (?:out of|from) (?:your|ur) ass\b", r"\band i'm the (?:pope|queen of england|king of \w+)\b",
          r"\bsure,? (?:buddy|pal|bud|jan)\W*$", r"\b(?:nothing|anything) better to do\b", r"\bget bent\b",
          r"\b(?:you're|you are|ur|u r) (?:\w+ )?a joke\b", r"\bused car salesm[ae]n\b",
          r"\b(?:you|u|you're|ur|just|so) (?:\w+ )?stupid\b", r"\bcrapital\b", r"\bthanks for the spam\b",
          r"\bgenius (?:targeting|move|marketing|idea)\b",
          r"\blearn (?:how )?to (?:write|spell|read)\b", r"\bque pesad[oa]s\b", r"\bnice try\b", r"\bmy ass\b",
          r"\b(?:this|that|it|you|y'all|u)(?: is|'s|'re| are| r) (?:\w+ )?(?:a )?(?:scam|scammy|sc@m)\b(?!\?)",
          r"\bhope (?:you|your \w+) (?:go(?:es)? (?:bankrupt|broke|under)|rot)\b",
          r"\b(?:you people|you guys|y'all|you all) are "
          r"(?:unbelievable|ridiculous|insane|the worst|disgusting|relentless)\b",
          r"\bshove (?:it|his|her|your|their|that)\b",
          r"\b(?:estafador\w*|pendej\w*|cabr[oó]n\w*|chinga\w*|vete a la (?:mierda|verga)|mierda|ratas)\b",
          r"\bshame on (?:you|u|y'all)\b", r"\bsay (?:that|it) to my face\b", r"\bmind your (?:own )?business\b",
          r"\b(?:betruger|arnaqueurs?|escrocs?|truffator[ie]|vergognatevi|oszusci|dolandiric\w+|sinverguenzas?"
          r"|ladrones|pinche|ratero|gago|manloloko|vai a merda)\b", r"мошенник", r"骗子", r"사기꾼", r"كذاب", r"шахра",
          r"γαμήσου|απατεώνες", r"\b(?:golpistas?|vai se ferrar|idiotas?|crosseurs?|maudits?)\b", r"^garbage\W*$",
          r"\bgfy\b", r"🖕", r"🤬", r"^(?:😡|😠)+\W*$",
          # "weirdo", "marcus u a bum", "this is so corny istg"
          r"\bweirdos?\b", r"\b(?:u|you|ur|you're|youre) (?:a|such a) bum\b", r"\bso corny\b",
          r"\bget a life\b",
          r"\bkarma(?:'s| is) (?:coming|gonna get)\b", r"\bdolandır[ıi]c\w*", r"धोखेबाज", r"נוכלים|רמאים",
          r"խաբեբաներ",
          r"詐欺", r"\b(?:real|very|so) classy\b", r"\bthe nerve of (?:you|y'all|these)\b", r"\bi swear to god\b"),
    _rule("hostile.threat", 0.9, r"\b(?:i'll|i will) (?:kill|hurt|find|sue) you\b",
          r"\b(?:kill|hurt|report|reporting|sue|suing) you\b", r"\bsee you in court\b",
          r"\b(?:call|calling|contact|contacting|talk to|talking to|get|getting|sic) my (?:lawyer|attorney)\b",
          r"\bmy (?:lawyer|attorney) (?:will|is going to|gonna)\b",
          r"\breport (?:this|you) to\b",
          # a visit promised in anger: "I'll stop by your office ... Bring a helmet", "watch your back"
          r"\bbring (?:a|your) (?:helmet|cup|mouthguard|bodyguard)\b", r"\bwatch your back\b",
          r"\bi know where (?:you|y'all|your office|your company)\b",
          r"\btell you what i think of (?:this|you|that|your)[^.!?]{0,20}\bin person\b",
          # "you sound like a guy who parks in the fire lane ... Bum."
          r"\byou sound like (?:a|the) (?:guy|type|kind of (?:guy|person)) who\b", r"(?:^|[.!] )bums?\W*$",
          r"\b(?:it|that) (?:won't|will not|ain't gonna) be pretty\b",
          # "don't worry I'm not gonna report you": what the writer will not do
          unless=r"\b(?:not (?:gonna|going to)|won't|will not|wouldn't|would never|never gonna) (?:\w+ )?"
          r"(?:report|sue|hurt|kill) you\b"),
    _rule("hostile.wtf", 0.7, r"\bwtf\b"),
    # Polish "spieprzaj oszuście" (get lost, fraudster); Arabic in Latin letters "ya 7ayawan, nasab" (animal,
    # swindler); Hmong "tus neeg dag, txaj muag" (liar, shame on you)
    _rule("hostile.midwest_more", 0.9, r"\bspieprza\w*", r"\boszu(?:st|sc|śc)\w*", r"\b7ayawan\b", r"\bnass?ab inta\b",
          r"\bneeg dag\b", r"\btxaj muag\b"),
    # the fifty-seventh: Russian in Latin letters "idi v zhopu", "moshennik, tebe ne stydno?" (swindler, aren't you
    # ashamed), Yiddish "gonif" (thief), "a shvartz yor af dir" (a black year on you)
    _rule("hostile.russian_yiddish", 0.9, r"\bidi v (?:zhopu|jopu|zopu)\b",
          r"\bposh[eo]l (?:ty |thanks |vy )?(?:na|v)\b",
          r"\bmoshennik\w*", r"\b(?:tebe|vam) ne stydno\b", r"\b(?:gonif|ganef|goniff)\b", r"\bshvartz(?:er)? yor\b"),
    _rule("interested.russian", 0.88, r"\b(?:da,? )?interesuet\b", r"\b(?:da,? )?interesno\b",
          unless=r"\bne (?:interesuet|interesno)\b"),
    _rule("not_interested.russian_yiddish", 0.92, r"\bne (?:interesuet|interesno|nado|nuzhno)\b",
          r"\b(?:nisht|nit) (?:interested|interesirt)\b"),
    # "ya v Izraile do 20-go" (I'm in Israel until the 20th)
    _rule("out_of_office.russian", 0.9, r"\b(?:ya|yes) v [a-z]+ do \d",
          r"\b(?:ya|yes) v (?:otpuske|ot'ezde|komandirovke)\b"),
    # "Vy oshiblis' nomerom" (you have the wrong number); Spanish "eso era la barbería de mi papá, ya cerró hace años"
    _rule("wrong_number.russian_spanish", 0.92, r"\boshiblis'? nomerom\b", r"\bne tot nomer\b",
          r"\bcerr[oó] hace (?:años|anos|tiempo|mucho)\b", r"\bya no existe (?:el|la|ese|esa)\b"),
    # Vietnamese "cuối tuần này anh rảnh không? gặp nói chuyện" (free this weekend? let's meet and talk)
    _rule("meeting_request.vietnamese", 0.88, r"\bgap (?:nhau |anh |chi |em )?(?:noi chuyen|ban)\b",
          r"\b(?:co )?ranh khong\b",
          # "anh gọi lại sau 7 giờ tối nha" (call back after 7 pm): a time to call, beside "the shop is busy"
          r"\bgoi lai (?:cho (?:anh|chi|em|toi|minh) )?(?:sau|luc|vao|khoang) \d"),
    _rule("not_interested.vietnamese", 0.9, r"\bkhong can (?:vay|tien|von|vay tien)\b"),
    # Bengali "কাল সকালে একটু ফোন দিয়েন" (give me a call tomorrow morning)
    _rule("meeting_request.bengali", 0.88, r"ফোন দি\S*", r"কল দি\S*"),
    # Somali "lambar qaldan" (wrong number), "ma aqaan qofkaas" (I do not know that person)
    _rule("wrong_number.somali", 0.92, r"\blambar(?:ka)? (?:waa )?qaldan\b", r"\bma aqaan qof\w*"),
    _rule("meeting_request.call_me", 0.85, r"\b(?:call|ring|phone) me\b", r"\bllam(?:ame|eme|enme)\b",
          r"(?:给我|可以|请)打电话|打电话给我|打给我|可以通话|方便通话", r"^ligue\b", r"\brele m\b",
          r"\btawagan (?:nyo |mo |niyo )?(?:lang )?ako\b",
          r"\b(?:chiamami|chiamatemi|zadzwon\w*|(?:rappel|appel)ez[- ]moi|me lig(?:a|ue)|ruf mich an|rufen sie mich)\b",
          r"\bcall kar(?:o|na|iye|en|ein|iyega)\b", r"\banrufen\b", r"позвони", r"اتصل بي", r"전화 ?주세요",
          r"зателефонуйте|подзвоніть", r"τηλεφώνησέ μου|τηλεφωνήστε μου|πάρε με", r"զանգեք|զանգիր",
          r"電話(?:して|ください)",
          r"אפשר לדבר|תתקשר|תתקשרו", r"कॉल कर(?:ें|ो|िए)|फ़?ोन कर(?:ें|ो|िए)",
          unless=rf"\b{_NOT} (?:call|ring|phone) me\b"),
    _rule("meeting_request.give_me_a_call", 0.88, r"\bgive (?:me|us) a (?:call|ring)\b",
          # Mexican Spanish "márqueme a las 6" (call me at 6); "can u call Friday?"
          r"\bm[aá]rqu(?:eme|ame|enme)\b",
          r"\b(?:can|could) (?:you|u) call (?:me )?(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
          r"|tomorrow|tonight|later|this (?:afternoon|evening))\b"),
    _rule("meeting_request.set_up", 0.9,
          r"\b(?:set up|setup|schedule|book|arrange|hop on|jump on|get on) (?:a |an )?(?:quick |short )?"
          r"(?:call|meeting|time|demo|zoom|chat|appointment)\b",
          r"\b(?:do|have|hop on|jump on) a (?:quick |short )?(?:zoom|teams|video|phone)? ?(?:call|meeting|demo)\b",
          r"\bbook (?:me|us) (?:in )?(?:for )?(?:a )?(?:demo|call|meeting|appointment)\b",
          r"\b(?:podemos|puedo|puede|pueden)\s+(?:hablar|vernos|reunirnos|llamar)\b",
          r"\b(?:i'll|i will|let me) (?:call|ring) you\b", r"\bswing by\b",
          r"\bcalendar invite\b", r"\b(?:send|shoot) (?:me |us )?an? (?:invite|zoom link|meeting link|teams link)\b",
          # "before I even get on a call, is there a contract?": a call as a condition; the question is what is asked
          unless=r"\bbefore (?:i|we) (?:even |ever )?(?:get on|hop on|jump on|set up|schedule|book|do|take) "
          r"(?:a |an |any )?(?:quick |short )?(?:call|meeting|demo|zoom)\b[^?]*\?"),
    # "We're closed Mondays. Any chance you can do Wed at noon?": a day proposed by a person
    _rule("meeting_request.can_you_do", 0.9,
          r"\b(?:any chance (?:you|we|y'all) (?:can|could)|(?:can|could) (?:you|we|y'all)) (?:do|make|come(?: by)?"
          r"|swing by|stop by|meet)\s+(?:it\s+)?(?:on\s+)?(?:(?:this|next)\s+)?"
          r"(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\b"),
    _rule("meeting_request.lets_talk", 0.88,
          r"\b(?:let's|can we|could we|we can|happy to|want to|like to) (?:talk|chat|meet|connect|speak|discuss)\b",
          # French "on peut s'appeler jeudi ?", "peut-on se parler demain"
          r"\b(?:on (?:peut|pourrait|pourra)|peut-on|pouvons-nous) "
          r"(?:s'appeler|se parler|se voir|se rencontrer|s'en parler)\b"),
    _rule("meeting_request.when", 0.85, r"\bwhat time (?:works|is good|is best)\b",
          r"\bwhen (?:are you free|are you available|is a good time|can we|works)\b"),
    _rule("meeting_request.call_later", 0.85, r"\b(?:call|text) (?:me )?(?:back )?later\b",
          r"\bme lig(?:ar|ue|a)\b", r"\bligue-?me\b", r"\bappelez-?moi\b",
          r"\bcall (?:me )?instead\b"),
    _rule("interested.interested_word", 0.88, r"\binterested\b", r"\b(?:intrested|intersted|interseted|interestd)\b",
          unless=_NEG_INTERESTED),
    _rule("interested.spanish", 0.88, r"\binteresad[oa]s?\b", r"\bme interesa\b", r"\btenho interesse\b",
          r"\bm'int[eé]resse\b", r"\bje suis int[eé]ress[eé]e?\b", r"\bmwen enterese\b",
          r"^(?:ja|tak|oui|si|haan|ha|sim|evet|ioe),? "
          r"(?:bitte|prosze|s'il vous plait|per favore|por favor|bhejo|bhej do|fa'amolemole)\b",
          r"\b(?:schicken|senden) sie mir\b", r"\bwiecej informacji\b", r"\bplus d'info(?:rmation)?s\b",
          r"\bpiu informazioni\b", r"\bmais informa[cç](?:ao|oes)\b", r"так,? цікаво|надішліть деталі",
          r"με ενδιαφέρει|με ενδιέφερε|στείλτε (?:μου )?πληροφορίες", r"(?<!לא )מעוניי[ןנ]|תשלח(?:ו)? פרטים",
          r"興味あります|詳細を送って", r"और जानकारी भेज|^हाँ\b", r"રસ છે|વધુ માહિતી મોકલ",
          r"(?<!নই )বিস্তারিত পাঠান|^হ্যাঁ",
          r"ፍላጎት አለኝ|ተጨማሪ መረጃ", r"\bwaan xiiseynayaa\b|\bii soo dir macluumaad",
          r"\bilgileniyorum\b|\bdetaylar[ıi] gönder",
          r"\bcomo le hacemos\b", r"\bco quan tam\b", r"有兴趣", r"관심 ?있", r"\bинтересно\b", r"مهتم",
          unless=r"\bno (?:\w+ )?(?:me )?interesa|\bhindi (?:po )?(?:kami |ako )?interesad|\bnao tenho interesse"
          r"|\bne m'interesse pas\b|\bca m'interesse pas\b|\bpas interesse\b"
          r"|\bне интерес|غير مهتم|لست مهتم"),
    # "he sold me the shop. But I'm the owner now and I'd actually like to hear about this"
    _rule("interested.like_to_hear", 0.88,
          r"(?<!n't )(?<!not )\b(?:i'd|i would|we'd|we would) (?:actually |really |definitely |still )?"
          r"(?:like|love) to hear (?:more|about (?:it|this|that|what|your|how)|what you)\b"),
    _rule("interested.open_to_it", 0.85, r"\b(?:open to (?:it|that|this|an offer|offers|hearing))\b",
          r"\b(?:i'd|i would|we'd|we would) (?:like|love) (?:that|it)\b", r"^maybe,? (?:it )?depends\b"),
    _rule("interested.tell_me_more", 0.9, r"\btell me more\b", r"\bkeep me (?:on|in) (?:the|your|ur) (?:list|loop)\b",
          r"\b(?:want|wants|wanna) to (?:know|hear|learn) more\b",
          r"\bmore (?:info|information|details)\b",
          r"\blearn more\b", r"\bhear more\b", r"\bsend (?:me )?(?:some |more |the )?(?:info|information|details)\b",
          r"\bsend (?:me |us |over )?(?:the |an |that |your )?(?:app|application|paperwork|forms?|contract|agreement"
          r"|quote|proposal)\b", r"\bsend (?:me |us )?a (?:quote|proposal|contract)\b",
          r"\bsend (?:me |us |over )?(?:the |your )?(?:pricing|prices|rates|price list|rate sheet)\b",
          r"\b(?:i'm|we're|i am) down(?:\W*$| for (?:it|that|this)\b)",
          # "Please don't stop texting, I lost your email and want the brochure again"
          r"(?<!n't )(?<!not )\b(?:want|need|wanted|needed) (?:the|your|that) (?:brochure|info|information|details"
          r"|pricing|one-pager|flyer|catalog|deck|packet|rate sheet)(?: again)?\b"),
    # "the bus stop bench ad on 5th ave, was that you guys?": asking whether something was ours
    _rule("question.about_quoted_words", 0.9, _QUOTED_THEN_ASKED),
    _rule("question.was_that_you", 0.9,
          r"\b(?:was|is|were) (?:that|this|it) (?:you|u|y'all|yall|your (?:company|people|guys))"
          r"(?: guys| all| too)?\s*\?",
          # "Jess is this you? Did you get a new phone?": asking someone the writer knows (NOTHING_FOR_US)
          unless=_NEW_PHONE_ASKED),
    # "Hey Sam, stop being so pushy", "quit being so annoying": told off for how we text, not a request
    _rule("hostile.stop_being", 0.88,
          r"\b(?:stop|quit) being (?:so |such an? |this |that )?(?:pushy|annoying|rude|aggressive|desperate|obnoxious"
          r"|creepy|thirsty|salesy|spammy|a pest|a pain|a nuisance)\b"),
    _rule("question.open_question", 0.65,
          r"^(?:how|what|what's|where|when|why|which|who|do you|are you|is it|is there|can you|does it|does this)\b"),
    _rule("interested.positive", 0.88, r"\bsounds? (?:good|great|interesting|awesome|perfect|fine)\b",
          r"^yess+\W*$", r"^(?:absolutely|definitely|for sure|hell yes|heck yes)\b(?![\s,.!-]+not\b)",
          r"\bi'll bite\b", r"^yes ?(?:sir|ma'am|maam)\W*$",
          r"\b(?:that|this|it) (?:could|might|would|may) (?:work|help) (?:for )?(?:us|me)\b",
          # "I'm in!" (count me in), not "I'm in Korea till the 3rd" or "I'm in a meeting"
          r"\bi'm (?:so |totally |definitely |all )?in(?=\s*(?:$|[.!,;)]|too\b|as well\b|lol\b|haha\b|let's\b))",
          r"\bcount me in\b", r"\blet's do (?:it|this)\b", r"\b(?:i'd|i would|would) (?:like|love) to\b"),
    _rule("question.price", 0.9, r"\bwhat(?:'s| is| are) (?:the |your )?(?:price|pricing|cost|rates?|fees?)\b",
          r"\bhow much\b", r"\bpricing\b", r"\bwhat (?:your|the) (?:rates?|prices?|fees?) (?:are|is|would be)\b",
          r"\bwhat (?:kind of |sort of )?(?:rates?|fees?|prices?|charges|costs)"
          r" (?:are we talking|are involved|do you)\b",
          r"\bwhat does it cost\b", r"\bwhat do you charge\b",
          r"\bcu[aá]nto (?:cuesta|cobran|vale)\b", r"\bكم\s"),
    _rule("interested.send_it", 0.8, r"\b(?:email|text|send) (?:me|it|it over)\b",
          unless=rf"\b(?:{_NOT}|stop) (?:email|text|send)"
          r"|\btext me (?:back )?(?:next|after|when|later|tomorrow|in a)\b"),
    _rule("interested.how_it_works", 0.8, r"\bhow does (?:it|this|that) work\b"),
    _rule("interested.listening", 0.85, r"\bgo for it\b", r"\bi'm listening\b",
          r"\b(?:got|have|has) my (?:full )?attention\b",
          r"\b(?:mand|envi)\w* (?:me |nos )?(?:la |m[aá]s )?informaci[oó]n\b", r"\bm[aá]s informaci[oó]n\b",
          r"\bsign (?:me|us) up\b", r"\bi'm game\b", r"\bsure,? why not\b", r"\b(?:get|getting) started\b",
          r"\bwhat's (?:the )?next(?: steps?)?\b", r"\b(?:could|can) (?:really )?use (?:that|this|it|something like)\b",
          r"\bbeen (?:looking|meaning) (?:for|to do) (?:something|someone|this)\b",
          r"\bsend (?:me |it |over )?whatever\b",
          r"\bi'm open to\b"),
    _rule("interested.leading_yes", 0.75,
          r"^(?:(?:omg|oh|heck|hell|ok|okay)\W+)?(?:yes|sure|absolutely|definitely|of course|certainly)\b"
          r"(?![\s,.!-]+not\b)[\s,.!-]+\w"),
    # "which Tony? I got 3 guys named Tony in the shop": which of them we mean
    _rule("question.which_one", 0.85, r"^which [a-z]+\?"),
    _rule("question.who_is_this", 0.92, r"\bwho(?: is|'s) (?:this|texting|messaging)\b", r"\bwho are you\b",
          r"\bwho this\b", r"ποιος είναι|ποιος είσαι|ποιοι είστε", r"^מי (?:זה|אתה|אתם)",
          r"хто це|хто ви|кто это|кто вы",
          r"ով եք|ով է", r"\bkisa sa ye\b|\bki moun (?:sa|ou) ye\b", r"نمبر کہاں سے ملا", r"नंबर कहाँ से मिला",
          r"誰ですか|どなたですか", r"누구세요|누구신가요", r"你是谁|您是哪位|是谁",
          # Farsi "شما کی هستید؟" (who are you?), in its script and in Latin letters
          r"(?:شما )?کی هستید|(?:شما )?کی هستین", r"\bshoma ki hastid\b"),
    # "lol who added me to this group chat", "who put me on this?": a question about the thread, not a request
    _rule("question.who_added_me", 0.9,
          r"\bwho (?:added|put|invited|dragged|signed) me (?:to|in|on|into|up for) (?:this|that|the)\b"),
    _rule("question.how_got_number", 0.92,
          r"\b(?:how|where) (?:did|'d) you get (?:my|this) (?:number|info|contact|name)\b",
          r"\bhow'd you get (?:my|this) (?:number|info|contact|name)\b", r"\bde donde sacaron\b"),
    _rule("question.what_about", 0.85, r"\bwhat(?: is|'s) this\b"),
    _rule("question.what_company", 0.85, r"\bwhat (?:company|business)\b", r"\bwhich company\b",
          r"\bwhat do you (?:do|sell|want|offer)\b", r"\bwhat are you selling\b"),
    _rule("question.legit", 0.85, r"\bis this (?:a )?(?:scam|spam|bot|real|legit|automated)\b",
          r"\bare you a (?:bot|real person|robot|person)\b", r"\bdo i know you\b", r"\bhave we met\b"),
    _rule("question.question_mark", 0.6, r"\?"),
    # loyal to the lender they have: "I'd never stop working with my credit union, they've been good to us"
    # "... but the answer is no"; Tongan "ʻikai, mālō" (no, thanks)
    _rule("not_interested.the_answer", 0.9, r"\b(?:the|my|our) answer is (?:no|nope|still no)\b",
          r"^\W*[\u02bb'\u2018]?ikai,? [\u02bb'\u2018]?malo\b"),
    _rule("not_interested.loyal", 0.88,
          r"\b(?:i'd|i would|we'd|we would|i will|we will|i'll|we'll) never (?:stop (?:working|banking|dealing) with"
          r"|leave|switch from|drop|walk away from) (?:my|our)\b"),
    _rule("not_interested.phrase", 0.92, r"\bnot (?:\w+ )?(?:interested|intrested|intersted|interseted|interestd)\b",
          r"n't (?:be )?(?:interested|intrested)\b",
          r"\b(?:no|zero) interest\b"),
    _rule("not_interested.no_thanks", 0.92, r"\bno,? thank(?:s| you)\b"),
    _rule("not_interested.all_set", 0.85,
          r"\b(?:we're|we are|i'm|i am|we|i) (?:all )?(?:good|set|covered|ok|fine|straight)"
          r"(?: for now| here| thanks|\W*$)",
          r"\b(?:we're|we are|i'm|i am) (?:all )?(?:good|set|covered)\b", r"^all set\b",
          rf"^(?:hard |i'll |we'll |gonna |i will |we will )?pass\b{_PASSED_ON}"),
    _rule("not_interested.decided", 0.85,
          r"\bdecided (?:not to|against)\b",
          r"\bnot (?:gonna|going to) (?:switch|change|do (?:it|that)|buy|sign|happen)\b",
          r"\b(?:i'd|i would|we'd|we would) rather not\b", r"\bnot in (?:the|our|my) budget\b", r"\bno budget\b",
          r"\b(?:can't|cannot|can not) afford\b", r"\bstick(?:ing)? with (?:what|our|my|the|who)\b",
          r"\bnot (?:worth it|for us right now)\b", r"\bnot a priority\b",
          r"\b(?:we|i) (?:don't|do not) (?:do|need|want) (?:cold|any|that|this|marketing|advertising)\b",
          r"\b(?:sorry|thanks|thank you|gracias),? (?:but|pero) no\b",
          r"\b(?:ahorita|ahora) no\b(?! (?:puedo|puedes|se puede)\b)",
          r"\b(?:ya|yes) tenemos\b",
          r"\bnot something (?:we|i) need\b", r"\bin[- ]house\b", r"\b(?:do|handle) (?:my|our) own\b",
          r"\b(?:does|handles|takes care of|do|handle) (?:all )?(?:that|this|it)(?: stuff)? for (?:us|me)\b",
          r"\b(?:he|she|they|partner|boss|wife|husband) said no\b", r"\bmoney(?:'s| is) tight\b",
          r"\bnot (?:gonna|going to) need\b", r"\bsigned with (?:someone|somebody|another|a different)\b",
          r"\b(?:under|locked into|in) (?:a )?contract\b", r"\bcan't get out of\b"),
    _rule("not_interested.not_now", 0.82,
          r"\bnot (?:right now|now|at this time|at the moment|today|for (?:me|us)|a (?:good )?fit|this time)\b"),
    _rule("not_interested.pass", 0.9, rf"\b(?:i'll|i will|we'll|we will|gonna|going to) pass\b{_PASSED_ON}"),
    _rule("not_interested.no_need", 0.85,
          r"\b(?:don't|do not|doesn't|does not) need (?:it|this|that|any|your|anything|the)\b", r"\bno need\b"),
    _rule("not_interested.already_have", 0.85, r"\balready (?:have|use|using|got|work with)\b",
          r"\bhappy with (?:our|my|the)\b",
          r"\b(?:we|i) (?:use|have|got) (?:someone|somebody|a guy|a provider|a vendor|one)\b",
          r"\b(?:we|i) (?:have|got|use) (?:a|an|our own|my own) (?:broker|lender|agent|processor|bank|accountant|cpa"
          r"|bookkeeper|web guy|marketing guy|marketing company|insurance guy)\b",
          # not "not looking at anything work related" (away: out_of_office says so)
          r"\bnot (?:looking|buying|selling|in the market)\b(?! at (?:anything )?(?:work|business)\b)"),
    _rule("not_interested.leading_no", 0.75,
          r"^no\b[\s,.!-]+(?!problem|prob\b|worries|rush|one\b|body|longer|such|doubt)\w"),
    _rule("not_interested.moved_on", 0.88, r"\bbut no\W*$", r"^sorry,? no\b", r"\bnot for sale\b",
          r"\b(?:don't|do not|dont) need no\b",
          r"\b(?:decided to go|going|went) (?:in )?(?:another|a different) direction\b",
          r"\bwent with (?:someone|somebody|another|a different)\b", r"\b(?:already|was|been|just) sold\b",
          r"\b(?:we|i) don't do that\b", r"\bno (?:me )?interesa\b", r"\bno (?:estoy|estamos) interesad[oa]s?\b",
          r"^no gracias\b", r"^n(?:a|ã)o,? obrigad[oa]\b", r"\bn(?:a|ã)o tenho interesse\b", r"\bnon,? merci\b",
          r"\bmerci,? mais non\b", r"^nie,? dzi[eę]kuj[eę]\b", r"^no grazie\b",
          r"\b(?:i|we)(?:'ve| have)? (?:sold|closed|shut down) (?:the|my|our) (?:business|company|shop|store|salon"
          r"|restaurant|practice)\b(?! for)", r"^(?:i'm |i am )?retired\b(?![^.!?]*\b(?:wrong|not (?:the|him|her)))",
          r"관심 ?없", r"\bhindi (?:po )?(?:kami |ako )?interesad[oa]\b", r"^아니(?:요|오)?\b", r"不用了|不需要",
          r"^khong,? cam on\b", r"\bне интерес", r"^нет\b", r"\bkein interesse\b", r"\bpas interess[eé]e?s?\b",
          r"\bnon (?:sono |siamo )?interessat[oiae]\b", r"\bnie (?:jestem |jestesmy )?zainteresowan\w*\b",
          r"\b(?:koi )?(?:zarurat|dilchaspi) nahi\b", r"\bilgilenmiyor\w*\b", r"^leai,? fa'afetai\b",
          r"不感兴趣|没兴趣|沒興趣", r"괜찮습니다",
          r"لا شكرا|لا، شكرا", r"\bnahi chahiye\b", r"не цікавить", r"δεν (?:με )?ενδιαφέρ", r"לא מעוניי[ןנ]",
          r"պետք չէ|չի հետաքրքրում", r"ضرورت نہیں|دلچسپی نہیں", r"ज़रूरत नहीं|जरूरत नहीं|रुचि नहीं|दिलचस्पी नहीं",
          r"રસ નથી|જરૂર નથી", r"আগ্রহী নই|দরকার নেই", r"አልፈልግም", r"\buma baahni\b", r"^maya,? mahadsanid\b",
          r"興味(?:は)?ありません|結構です", r"^count (?:me|us) out\b",
          r"^no ?(?:thx|thnx|thanx)\W*$",
          r"^nooo+\b",
          r"^negative\W*$", r"^declined?\W*$",
          r"\b(?:my )?(?:husband|wife|boss|owner|partner|dad|mom|he|she) (?:says|said) no\b",
          r"\b(?:am|are|is) not need\b",
          r"\balready (?:told|said) (?:you|u)(?: guys| people| all)? no\b",
          r"^no{3,}\W*(?:thanks|thank you|thx)\b",
          r"^(?:i |we )?(?:don't|do not) think so\W*$", r"\bkhong co nhu cau\b", r"필요 ?없", r"غير مهتم|لست مهتم",
          r"^hindi,? salamat\b", r"^non mesi\b"),
    _rule("not_interested.later", 0.7, r"\bmaybe later\b", r"\bsome other time\b"),
    _rule("auto_reply.not_textable", 0.99,
          r"\b(?:does not|doesn't|do not|don't|cannot|can't|can not|is unable to|unable to|won't|will not"
          r"|is not able to)"
          r" (?:accept|receive|support|get|read|reply to|respond to) (?:sms|text|texts|text messages|messages|msgs)\b",
          r"\b(?:not (?:a )?(?:text|sms)[- ](?:enabled|capable)|(?:landline|land line)[^.]{0,40}(?:text|sms))\b",
          r"\b(?:texts?|text messages|sms|messages|replies|responses) (?:to this number )?(?:are|is) not "
          r"(?:monitored|supported|accepted|received)\b",
          r"\bthis (?:is a )?(?:landline|land line)\b",
          r"\b(?:recipient|user|customer|subscriber) has (?:chosen|elected|opted) not to receive\b",
          r"^message blocked\b", r"\bce numero n'accepte pas (?:les )?(?:sms|textos|messages)\b",
          r"\b(?:used|is) for outgoing (?:notifications|messages|alerts|texts) only\b",
          r"\beste numero no (?:recibe|acepta|puede recibir) (?:mensajes|textos|sms)\b",
          r"\b(?:text line|line|number|inbox|mailbox) is (?:not|no longer) (?:monitored|checked|answered)\b",
          r"\b(?:line|number) is (?:for|used for) [^.]{0,40}\bonly\b[^.]{0,20}\bnot monitored\b",
          r"\b(?:account|number|line) (?:is not able|is unable|cannot|can't) (?:to )?(?:receive|accept) replies\b",
          # a person saying they rarely read texts ("I don't read texts much, email me") is no machine
          unless=r"\b(?:i|we) (?:don't|do not|dont|rarely|never|barely) (?:really )?(?:read|check|look at)\b"),
    # 'Voicemail from (555) 212-0909: "Hey it's Rick ..." Transcription may be inaccurate.': a phone's transcript of a
    # voicemail, forwarded as a text by a machine (the number is the caller's, not one given to us)
    _rule("auto_reply.voicemail_transcript", 0.97, r"^voice ?mail from (?:<phone>|<number>|\+?\d)",
          r"\btranscription (?:may|might|could) (?:be inaccurate|contain errors|not be accurate)\b",
          r"\bvoice ?mail transcri(?:pt|ption)\b"),
    _rule("auto_reply.automated", 0.97, r"\bauto[\s-]?(?:reply|response|responder|text|message)\b",
          r"\bautomatyczna odpowied\w*",
          r"\bautomatic (?:reply|response|message)\b", r"\bautomated (?:reply|response|message|text)\b",
          r"^\[?automated\b", r"\bthis is an automated\b", r"\brespuesta automatica\b",
          r"\b(?:risposta|resposta) automatica\b", r"\breponse automatique\b",
          r"\bdo not reply to this\b", r"\bno[- ]reply\b", r"\bsent automatically\b",
          r"\bthe (?:person|party|number|customer) you (?:are trying to reach|have reached|texted|are texting)\b",
          r"\b(?:reply|text) (?:stop|end|quit|cancel|stopall) to (?:unsubscribe|opt out|stop|end|cancel|be removed)\b",
          r"^message received\b", r"\bha(?:s|ve) notifications silenced\b",
          r"\b(?:message|text|sms)(?: to\s+(?:<phone>|\+?\d[\d\s().-]{6,16}))?\s+(?:was )?"
          r"(?:not delivered|undeliverable|failed|could not be delivered|couldn't be delivered)\b",
          r"\bdelivery failed\b",
          r"\berror (?:code )?\d{3,5}\W+(?:landline|unreachable|unknown|invalid|blocked|carrier)",
          r"\bto (?:unsubscribe|opt out)[^.]{0,30} (?:reply|text) stop\b",
          r"\bgracias por (?:comunicarse|contactar\w*|su mensaje|escribir\w*)\b",
          r"感谢您的(?:来信|留言|信息|消息)|感谢您联系|我们会尽快回复|营业时间", r"\bcam on quy khach\b",
          r"\bchung toi se (?:phan hoi|tra loi)\b",
          r"\b(?:number|line) (?:you (?:have )?(?:dialed|texted|reached) )?is (?:no longer|not) in service\b",
          r"\bmessages received (?:after|during|on|over|will)\b",
          r"\ble (?:responderemos|contestaremos)\b",
          # "What does the 'reply STOP to opt out' part at the bottom mean?": a person asking about a machine's words;
          # 'You wrote "reply STOP to opt out". If I do that ...?': a person quoting ours
          unless=r"\bwhat (?:does|do|is|'s)\b[^?]{0,60}\bmean\b|\bdoes (?:it|that|this) (?:charge|cost)\b"
          r"|^\W*(?:you|u|y'all|your (?:text|message|msg|ad)) (?:wrote|said|says|sent|put)\b"
          # '"Reply STOP to opt out" - does that stop texts from everyone at your company?': our words quoted, asked
          rf"|{_QUOTED_THEN_ASKED}"),
    _rule("auto_reply.out_of_office", 0.95, r"\b(?:i am|i'm|we are|we're) (?:currently )?out of (?:the )?office\b",
          r"\bmensagem automatica\b", r"\bobrigad[oa] por entrar em contato\b", r"\bresponderemos em breve\b",
          r"\bfor (?:immediate|urgent) (?:assistance|help|matters|needs)\b",
          r"\byour appointment (?:at|with|for) [^.]{0,40}\bis (?:confirmed|scheduled|booked)\b",
          r"\breply [a-z0-9] to (?:confirm|cancel|reschedule)\b", r"\breply (?:yes|c|1) to (?:confirm|cancel)\b",
          r"\byour appointment (?:at|with|for) [^.]{0,40}\bis (?:tomorrow|today|on)\b", r"^reminder: ",
          r"\bis your (?:\w+ )?(?:verification|security|login|one-time) code\b",
          r"\byou(?: will|'ll) no longer receive\b", r"\breply \d (?:for|to)\b",
          r"\bthanks? for visiting\b", r"\brate us\b",
          r"\byou (?:are|have been) (?:now )?(?:opted out|unsubscribed)\b",
          r"\bwill not receive any (?:more|further) messages\b",
          r"\b(?:verification|security|confirmation|one-time|login|access) code(?: is|:)",
          r"\byour payment of \$?[\d.,]+ (?:to|for|at|was)\b",
          r"\byour order (?:#\s?\d+ )?(?:from|at|with) [^.]{0,40}\b(?:is confirmed|is ready|is on its way|has shipped"
          r"|has been shipped|was delivered)\b", r"\byour card ending in \d{4}\b",
          r"\bout of office\b", r"\booo\b",
          # a person's own words about a family matter or an illness are no autoresponder
          unless=r"\b(?:had|having|in) surgery\b|\bfuneral\b|\b(?:deer|hunting|fishing) season\b"
          r"|\b(?:mom|dad|wife|husband|son|daughter|kid) (?:is|had|was)\b"),
    _rule("auto_reply.driving", 0.97, r"\bi'm driving\b", r"\bi am driving\b",
          r"\b(?:do not disturb|dnd)\b[^.]{0,30}\bdriving\b", r"\bdriving (?:with|mode)\b",
          r"\b(?:i'm|i am) (?:currently )?driving\b", r"\bwhile driving\b", r"\bsent from my car\b",
          r"^driving\b", unless=r"<(?:email|phone|number)>|\brn\b|\bttyl\b|^driving (?:rn|right now)\W*$"
          # "I'm driving rn, call me in an hour": a person naming when to call
          r"|\b(?:call|text|hit) me (?:back )?(?:in|at|after|later|tomorrow|tonight)\b"
          r"|^driving (?:a load|a truck|a rig|loads?) |\b(?:i'm|i am) driving (?:a load|a truck|a rig|loads?) "),
    _rule("auto_reply.closed", 0.95,
          r"\b(?:our|the) (?:[a-z]+ )?(?:office|store|shop|business|clinic|practice|team)(?: is| are)? "
          r"(?:currently |now )?closed\b",
          r"\b(?:we are|we're) (?:currently )?closed\b",
          r"\boutside (?:of )?(?:our |normal |regular )?business hours\b",
          r"\b(?:our|regular|normal) (?:business|office) hours are\b", r"\bafter[- ]hours\b",
          r"\bduring (?:normal |regular |our )?business hours\b", r"\bnext business day\b",
          # "reach me at ... after hours", "we're closed for the holidays, I'll look at it in January": a person
          unless=r"\b(?:reach|call|text|catch) me\b|\bi'll (?:look|check|get|be|text|call|read|reach out|contact you"
          r"|touch base|circle back|follow up|hit you|let you know)\b"
          r"|\b(?:i'm|i am) (?:personally |myself |also |actually |just )?(?:out|off|away|swamped|slammed|busy|back"
          r"|down in|not looking at)\b"
          # "We're closed Mondays. Any chance you can do Wed at noon?": a person proposing a day
          r"|\b(?:any chance (?:you|we|y'all)|(?:can|could) (?:you|we|y'all) (?:do|make|come|swing|stop|meet))\b"),
    _rule("auto_reply.thanks_for_contacting", 0.93,
          # the words between read as "[^.!]{0,40}[.!]?.{0,80}" reads them, without trying each of its thousands of
          # splits on a reply with no "will" after the thanks: within 40 characters and no full stop, or else the
          # longest such start (the longest leaves the least for the 80), its full stop and up to 80 more
          r"\bthanks? (?:you )?for (?:contacting|reaching out to|texting|messaging|your (?:message|text|inquiry))\b"
          r"(?:[^.!]{0,40}|(?>[^.!]{0,40})[.!]?.{0,80})\b(?:will|shall)"
          r" (?:get back|respond|reply|be in touch|return|text you back|call you back)",
          r"\b(?:a|one of our) (?:team member|representative|rep|agent|member of our team|staff member)s? will\b",
          r"\bwe (?:have )?received your (?:message|text|inquiry)\b", r"\byour message (?:has been|was) received\b",
          r"\bwe(?:'ll| will) (?:get back to you|respond|reply|text you back|be with you)"
          r" (?:as soon as|within|shortly|soon|asap)\b",
          # "Hi, thanks for texting Gulf Breeze Dental! To schedule ... visit our website or call during office hours"
          r"^(?:hi|hello|hey)?[!,.]? ?thanks? (?:you )?for (?:texting|contacting|messaging|reaching out to|reaching)"
          r" [a-z0-9'&. -]{2,40}(?:[.!]|\s*[^\w\s.,!?]+\s)"
          r".{0,120}\b(?:visit|call|book|website|hours|online|link|reply [a-z]+ (?:for|to))\b",
          # "Hi! You've reached Tri-County Towing. If this is an emergency call ...", "For store hours reply HOURS"
          r"^(?:hi|hello|hey)?[!,.]? ?(?:you've|you have) reached [a-z0-9'&. -]{2,40}[.!]"
          r".{0,160}\b(?:visit|call|hours|emergency|reply|website|leave)\b",
          r"\bfor (?:store |our |business |office )?hours,? (?:reply|text)\b",
          r"\bmsg ?(?:&|and) ?data rates may apply\b",
          r"^reply from [a-z0-9' &.-]{2,40}:",
          # the same in the languages US business owners text in
          r"\bvielen dank fur ihre nachricht\b", r"\bmerci (?:pour|de) votre message\b",
          r"\bgrazie per (?:averci contattat[oi]|il (?:suo|vostro) messaggio)\b", r"\bgracias por (?:su|tu) mensaje\b",
          r"\bobrigad[oa] (?:pela|por) (?:sua )?mensagem\b", r"\bdziekujemy za (?:wiadomosc|kontakt)\b",
          r"\bsalamat (?:po )?sa pag-?(?:message|text)\b", r"спасибо за (?:ваше )?(?:сообщение|обращение)",
          r"感谢您的(?:来信|信息|留言)", r"메시지 감사|문의 감사|문자 감사",
          r"дякуємо за (?:ваше )?(?:повідомлення|звернення)",
          r"ευχαριστούμε για το μήνυμ", r"תודה על פנייתך|תודה על הודעתך", r"շնորհակալություն կապի համար",
          r"お問い合わせありがとうございます", r"\bnou resevwa mesaj (?:ou|w)\b|\bn ap reponn ou\b",
          r"\botomatik (?:bir )?yan[ıi]t", r"\bmesai saatleri d[ıi]ş[ıi]nda\b"),
    # the phones' own quick replies to a call or text, sent with one tap, word for word
    _rule("auto_reply.canned", 0.9, r"^sorry,? i can't talk right now\.?$", r"^i'm driving right now\.?$",
          r"^can't talk (?:right )?now\.? (?:call me later|what's up)\?$", r"^i'll call you (?:right back|later)\.?$",
          r"^(?:sorry,? )?i'm (?:currently )?in a meeting"
          r"(?:[.,] i'll call you(?: back)?(?: later| soon| shortly)?)?\.?$",
          r"^sorry,? i'm busy\.? call (?:me )?(?:back )?later\.?$", r"^i'm (?:in class|at the cinema)\.?$",
          r"^i have notifications silenced(?: with focus)?\.?$", r"^(?:hi!? )?sorry,? we missed your call\b",
          r"\b(?:the )?(?:ai|virtual|automated|digital) (?:assistant|receptionist) (?:for|at|of)\b"),
    _rule("auto_reply.will_respond", 0.9,
          r"\b(?:will|i'll) (?:respond|reply|get back to you|return your message) (?:when|upon|as soon as)\b",
          unless=r"\b(?:hospital|surgery|funeral|sick|rn|court|all (?:day|week)|on (?:a|the) (?:job|site|roof)"
          r"|(?:at|on) (?:a |the )?job ?site|no (?:signal|service|reception)|spotty|when i land|jury duty|when i'm back"
          r"|my (?:wife|husband|kid|son|daughter|mom|dad|mother))\b|^busy\b"),
    _rule("out_of_office.away_until", 0.92,
          r"\b(?:away|out|off|traveling|travelling)(?: of (?:the )?(?:office|town|country))?"
          r"(?: for (?:work|business|a (?:\w+ )?(?:trip|conference|wedding|funeral)))? (?:until|till|til|through)\b",
          r"\b(?:i'm|i am|we're|we are) (?:currently )?(?:away|on the road|traveling|travelling|in the hospital"
          r"|at a (?:funeral|conference|wedding)|on a trip|overseas|abroad)\b",
          r"\b(?:away|out|off|traveling|travelling)\b[^.!?]{0,40}\b(?:until|till|til|back (?:on|next|at the end))\b",
          r"\b(?:out sick|on a cruise|at a trade ?show|visiting family|on my honeymoon)\b",
          r"\bi'?m urlaub\b", r"\ben vacances\b", r"\bin ferie\b", r"\bna urlopie\b", r"\b(?:de|en) vacaciones\b",
          r"\bde ferias\b", r"\b(?:o lo'o|olo'o) (?:ou|matou) malaga\b", r"в отпуске", r"مسافر", r"휴가 ?중",
          r"у відпустці", r"出張中|休暇中", r"בחו״ל|בחו\"ל",
          r"μέχρι (?:τέλη|τις|το)", r"մինչ\w{0,2} հաջորդ", r"yurt d[ıi]ş[ıi]nday[ıi]m|izindeyim|tatildeyim",
          r"\bsafar (?:ayaan|baan) ku jiraa\b",
          r"\b(?:i'm|i am|we're|we are) at (?:the|a) [^.!?]{2,40} (?:through|thru|until|till)"
          r" (?:\w+day|the|next|end)\b",
          r"\bestoy de (?:vacaciones|viaje)\b", r"\bfuera de la oficina\b", r"\b(?:em|de) viagem\b",
          # Hmong "kuv mus ncig tebchaws, ob lim tiam mam rov los" (I am travelling, back in two weeks); "Harvest.
          # Can't do anything til November"
          r"\bmus ncig\b", r"\bmam rov (?:los|qab)\b", r"\bjestem poza biurem\b",
          r"\bclosed for (?:renovations?|remodel\w*|repairs|the season) (?:until|till|til|through)\b",
          r"\b(?:i'm|im|i am|we're|we are) down in (?!the (?:office|shop|store|basement)\b)[a-z]",
          # "Hurricane cleanup, our shop has no power. Might be a while"
          r"\b(?:hurricane|storm|flood|tornado) (?:cleanup|clean up|damage|recovery)\b[^?]{0,60}"
          r"\b(?:no power|a while|weeks?|closed|till|until)\b",
          # "Elk hunt this week, no phone"
          r"\b(?:elk|deer|duck|turkey|bear) (?:hunt|hunting|camp)\b[^.!?]{0,30}\b(?:this week|no phone|no service)\b",
          r"\b(?:can't|cant|cannot) do anything (?:til|till|until) (?:after )?"
          r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|fall|winter|next)",
          # Chinese "back in the US next month, talk then": "下个月回美国再说", "回来再联系"
          r"回(?:美国|来|国|到美国)(?:以?后)?再(?:说|联系|聊|谈)",
          r"\bout of (?:town|the country)\b",
          r"\b(?:traveling|travelling|on the road|out of town) (?:for work |for business )?"
          r"(?:this|all) (?:week|weekend)\b",
          r"^(?:in|at) the hospital\b", r"\bjust had surgery\b",
          # "Skiing at Big Sky til Sunday. Not thinking about work.", "Recovering from surgery this week", "Dad has
          # jury duty all week ... He's not working till Monday": away in the writer's own words
          r"\bnot (?:thinking about|looking at|checking|doing|touching) (?:anything )?(?:work|business)"
          r"(?:[ -]related)?\b",
          r"\b(?:i'm|im|i am|he's|hes|he is|she's|shes|she is|we're|we are) not working (?:till|until|til|through|thru)"
          r" (?:\w+day|next|the|after)\b",
          r"\b(?:recovering|recuperating|home) from (?:(?:my|his|her|a|an|the) )?(?:\w+ )?"
          r"(?:surgery|operation|procedure)\b",
          r"\b(?:i'm|im|i am) in the hospital\b", r"\bjury duty\b", r"\bon a business trip\b",
          # "we closed the shop for 2 weeks", "back the 12th"
          r"\bclosed (?:the (?:shop|store|office|restaurant|salon|business) )?for (?:\d+|a|one|two|three|a few"
          r"|a couple(?: of)?) (?:days?|weeks?|months?)\b",
          r"\bback (?:on )?the \d{1,2}(?:st|nd|rd|th)?\b",
          r"\b(?:i'm|i'll be|we're|we'll be) back (?:on )?(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*"
          r" \d{1,2}\b"),
    # "I'm in Korea visiting family until Oct 3", "at my mom's in Manila for a few weeks"
    _rule("out_of_office.somewhere_for_a_while", 0.85,
          r"\b(?:i'm|im|i am|we're|we are|at|in|visiting)\b[^.!?]{0,40}\bfor (?:a few|a couple(?: of)?|\d+|two|three"
          r"|several) (?:days|weeks|months)\b",
          r"\b(?:i'm|im|i am|we're|we are) (?:in|at|visiting) [^.!?]{1,40}\b(?:until|till|til) "
          r"(?:the |next |\w+ \d|\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|end)",
          unless=r"\bi'm in (?:a meeting|class)\b|\bi'm (?:in|at) (?:the|my) (?:office|desk|shop|store)\b"),
    # busy right now, in their own words: "in court all day", "on a roof rn, text later", "with a customer, give me
    # a few", "at my kids game. later"
    _rule("out_of_office.busy_now", 0.86,
          r"\b(?:busy|tied up|swamped|slammed) (?:with|w/?|at|on) (?:a |an |the |my )?(?:customers?|clients?|patients?"
          r"|jobs?|work|calls?|meetings?|kids?|family|(?:\w+ )?rush)\b",
          r"^with a (?:customer|client|patient)\W*$", r"^driving (?:rn|right now)\W*$",
          r"\bat (?:my|the) (?:kids?'?s?|son'?s|daughter'?s|grandkids?'?s?) (?:game|recital|practice|school|party"
          r"|graduation|match|tournament)\b",
          r"^doing (?:a|an|the) [a-z ]{2,20} rn\b", r"^doing (?:a|an|the) [a-z ]{2,20} right now\b",
          r"\b(?:i'm|im|i am) off (?:today|this week|tomorrow|till|until)\b",
          r"\b(?:teaching|coaching|working|cooking|training|shooting|showing) [a-z ]{0,20}"
          r"\ball (?:day|evening|night|morning|afternoon)\b",
          r"^mid[- ]\w+\b",
          r"\b(?:gimme|give me) (?:an|a|one|half an) (?:hour|hr|min|minute|sec|second)\b",
          r"^(?:in|at) (?:church|mass|service|class|school|practice|court|the gym)\b[^.!?]{0,20}"
          r"\b(?:later|ttyl|text|call)\b",
          r"^(?:can't|cant|cannot) (?:rn|right now|now|atm)\W*$",
          r"\b(?:right now|rn)\W+(?:i )?(?:can't|cant) (?:text|talk)\b(?![^.!?]*\bi'll (?:text|call) you\b)",
          r"\b(?:can't|cant) (?:text|talk) (?:right now|rn)\b(?![^.!?]*\bi'll (?:text|call) you\b)",
          r"\b(?:heading|going|walking) (?:in)?to (?:a |the )?(?:funeral|meeting|surgery|court|church|class|service)\b",
          r"\b(?:ando|estoy) (?:trabajando|ocupad[oa]|manejando)\b",
          r"在忙|正忙|晚点回|很忙", r"\bje suis (?:en (?:reunion|rendez-vous|deplacement|conge|vacances)|occupee?)\b",
          r"^(?:slammed|swamped) (?:today|rn|right now|atm|at the moment)\b", r"\bđang ban\b", r"바빠|바쁘",
          r"\b(?:to|tou|estou) ocupad[oa]\b",
          r"\b(?:rn|right now)\b[^.!?]{0,20}\b(?:gimme|give me) (?:a |an )?(?:few|sec|second|minute|min|hour|bit)\b",
          r"\b(?:on|in|at|with) (?:a |an |the |my )?(?:[a-z']+ ){0,2}(?:roofs?|job ?site|site|jobs?|court|surgery"
          r"|meeting|funeral|games?|practice|appointment|shift|install|customers?|clients?|patients?|class)\b[^.!?]{0,25}"
          r"\b(?:later|rn|right now|all day|give me a (?:few|sec|second|minute|min))\b",
          r"\bcan't talk\W+(?:(?:rn|right now|now)\W+)?(?:i'm |im |we're |were )?(?:in|on|at|with|driving|busy)\b",
          r"^(?:in|on) (?:a )?(?:meeting|call)\b[^.!?]{0,5}\b(?:will|i'll|later|get back|ttyl)\b",
          r"^busy\W+(?:later|ttyl|call later|text later)\b",
          r"^(?:at|in|on) (?:my|the|a) [^.!?]{1,30}[.,!]+ (?:later|ttyl|talk later|text later)\b",
          # "At the cattle auction in Joplin all day", "at a job in Tulsa all week"
          r"^(?:at|on) (?:the|a|an) [a-z' ]{2,30}\b(?:in|at|near) [a-z' ]{2,25} all (?:day|week|weekend)\W*$"),
    _rule("out_of_office.on_leave", 0.88, r"\bon (?:vacation|holiday|leave|pto|maternity leave|paternity leave)\b",
          r"\bback from (?:vacation|holiday|leave|my trip|the trip)\b",
          r"^driving (?:a load|a truck|a rig|loads?) [^.!?]{2,40}\bback\b",
          r"\b(?:won't|will not|wont|can't|cannot) (?:see|check|look at|get to) my phone\b",
          r"\b(?:hunting|fishing|deer|elk|duck) (?:camp|trip|lease)\b[^.!?]{0,20}"
          r"\b(?:till|until|til|thru|through|all)\b",
          r"\bcurrently unavailable\b", r"\b(?:limited|no) access to (?:email|phone|messages)\b",
          r"\b(?:back|return|returning) (?:on|next) (?:monday|tuesday|wednesday|thursday|friday|week)\b",
          # "Harvest. Don't expect to hear from me till November"; Haitian Creole "m an vakans" (I'm on vacation)
          r"\b(?:don't|do not) expect to hear (?:back )?from (?:me|us) (?:until|till|til|before|for)\b",
          r"\b(?:m|mwen) (?:an|nan) vakans\b"),
    # the thirty-eighth set: Levantine and Egyptian Arabic (script and Latin letters), Cajun French, Vietnamese,
    # Gulf Coast English
    _rule("wrong_number.arabic_french", 0.95, r"\bghalat (?:raqam|ra2am|rakam|nimra|nemra)\b", r"לא המספר של",
          r"\b(?:raqam|ra2am|rakam) (?:ghalat|galat)\b", r"\bpas le bon numero\b", r"رقم (?:غلط|خطأ)",
          r"\bnhan nham so\b|\bsai so\b"),
    _rule("hostile.arabic_french_vietnamese", 0.88, r"\bnassab(?:in|een|een)?\b", r"نصاب", r"\b3eib 3aleik\b",
          r"\bvoleur\b", r"\bmenteur\b", r"\bcanaille\b", r"\bhonte a (?:toi|vous)\b", r"\bdo lua dao\b",
          r"\bkeep it up and (?:i'll|i will|we'll|see)\b", r"\btry (?:this|that) [a-z]+ (?:with|on) me again\b"),
    _rule("interested.arabic_french_vietnamese", 0.88, r"\bana (?:mohtam|mehtam|muhtam)\b",
          r"\b(?:ib3atli|eb3atli|ib3atly|eb3atly|ib3at) (?:el )?(?:tafaseel|tafasil|ma3lomat|ma3loumat)\b",
          r"\bj'?suis interesse\b", r"\bmuon biet them\b", r"\bgui them thong tin\b",
          unless=r"\bmish (?:mohtam|mehtam)\b|\bpas interesse\b|\bkhong muon\b"),
    _rule("not_interested.arabic", 0.88, r"\bmish (?:mohtam|mehtam|muhtam|mehtaj|mi7taj)\b", r"\bla shukran\b",
          r"\bmsh (?:mohtam|mehtam)\b"),
    _rule("out_of_office.arabic_gulf", 0.88, r"\bana (?:msafer|musafer|mesafer|msafir)\b",
          r"\bevacuated\b[^.!?]{0,40}\b(?:get back|will call|text you|back)\b",
          r"^on a (?:service )?call in [a-z' ]{2,25}\W+(?:will|i'll|gonna) (?:hit you back|call you|text you|get back)",
          r"^(?:at the )?hospital with my [a-z]+\W+(?:not a good time|can't talk|busy)\b"),
    _rule("meeting_request.arabic", 0.85, r"\b(?:kalemni|kallimni|kalimni|etasel)\b", r"نتكلم (?:بكرة|بكره|غدا)",
          r"\bbukra\b[^.!?]{0,20}\bsa3a\b"),
    _rule("auto_reply.french", 0.93, r"\bmerci d'avoir contacte\b", r"\bon va vous repondre bientot\b",
          r"\bnous vous repondrons\b"),
    _rule("question.vietnamese", 0.85, r"\bco phai lua dao khong\b", r"\bla ai vay\b"),
    # the thirty-ninth set: Bengali (script and Latin letters), Korean, Russian, Polish, Hebrew, Yiddish, Haitian
    # Creole, Hindi and Urdu in Latin letters
    _rule("hostile.new_york_languages", 0.88, r"사기 ?치지 ?마", r"\bbann vole\b", r"\bchor log\b", r"\bsharam karo\b",
          r"גנבים", r"א שאנדע", r"\bjo(?:u|o)n chor\b", r"мошенник", r"\boszu[sś]ci\b",
          r"\bkeep playing games with\b", r"\bmust think (?:we're|we are|i'm|i am|immigrants are|people are) stupid\b"),
    _rule("auto_reply.new_york_languages", 0.95, r"\[자동 ?응답\]|자동 ?응답", r"автоответ", r"\[auto\]",
          r"\bmesi paske ou kontakte nou\b", r"\bn ap reponn ou\b", r"\bfor faster service,? please email\b",
          r"\bodpowiedz automatyczna\b", r"תשובה אוטומטית"),
    _rule("meeting_request.new_york_languages", 0.85, r"ফোন দেন|কল দেন|কল করেন", r"통화 ?가능",
          r"созвонимся|позвоните мне", r"\bzadzwo[nń] (?:do mnie|jutro|w)\b",
          r"\bphone (?:diyen|den|dio)\b", r"\bcall (?:diyen|den|dio|koren)\b"),
    _rule("not_interested.new_york_languages", 0.88, r"\bnie trzeba\b", r"\bnie potrzebuj", r"লাগবে না", r"দরকার নেই",
          r"מיר דארפן נישט", r"^לא,? תודה", r"\binterested na\b", r"이미 하고 있어", r"필요 ?없", r"не нужно|не надо",
          r"\bzaroorat nahi\b", r"\bpa bezwen\b"),
    _rule("out_of_office.new_york_languages", 0.88, r"\bjestem w [a-z]+ do\b", r"\bodezw[eę] si[eę]\b",
          r"দেশে আছি", r"ফিরে এসে", r"\bpore call dibo\b", r"\bdokane busy\b", r"\bdriving a fare\b",
          r"в отпуске|вернусь"),
    _rule("interested.new_york_languages", 0.85, r"אינטערעסירט", r"(?<!לא )מעוניין", r"\bwi,? (?:voye|m enterese)\b",
          r"\btak,? (?:prosz[eę]|chętnie|jestem zainteresowan)", r"আগ্রহী(?! নই)", r"관심 있어"),
    # the fortieth set: Samoan, Tongan, Marshallese, Japanese, Russian and Ukrainian in Latin letters, German, the
    # backcountry's dropped letters
    _rule("interested.mountain_languages", 0.88, r"\be fiafia\b", r"\bfaamatala mai\b", r"\bfie '?ilo lahi\b",
          r"興味があります", r"詳しく教えて", r"\bintrstd\b|\bintrsted\b|\bintersted\b"),
    _rule("not_interested.mountain_languages", 0.9, r"^\W*leai\b", r"^\W*'?ikai\b", r"^\W*jaab\b",
          r"\bne treba\b", r"\bne nado\b", r"\bkein bedarf\b", r"\bnein,? danke\b", r"\bnyet,? spasibo\b",
          r"\bni,? d(?:i|y)akuiu\b", r"結構です|必要ありません"),
    _rule("wrong_number.mountain_languages", 0.95, r"\bsese le numera\b", r"\bfika hala\b", r"番号(?:を)?(?:お)?間違",
          r"\bwrong pers[o]?n\b", r"\bnumber'?s one digit off\b", r"\bone digit off from (?:mine|ours)\b"),
    _rule("meeting_request.mountain_languages", 0.86, r"\bta mai '?apongipongi\b", r"\bvili mai\b",
          r"お電話(?:いただけ|ください|下さい)", r"\bcall me (?:tomorrow|tmrw|tonight)\b"),
    _rule("auto_reply.mountain_languages", 0.95, r"自動返信|自動応答", r"\bautomatische antwort\b"),
    _rule("hostile.mountain", 0.9, r"\brun you off (?:the|my) (?:property|land|place)\b",
          r"\b(?:keep|got|have) a (?:pistol|gun|shotgun|rifle|12 gauge) [^.!?]{0,30}"
          r"\bfor (?:folks|people|guys) like you\b"),
    _rule("out_of_office.mountain", 0.9, r"\b(?:bad|no|1 bar of|one bar of) signal\b[^.!?]{0,10}[.!,]? "
          r"(?:will|i'll|gonna) (?:reply|text|call|get back)\b", r"\bback in town\b[^.!?]{0,20}$"),
    # the forty-first set: Oromo, Somali, Hmong, Albanian, Burmese, Levantine and Egyptian Arabic
    _rule("interested.midwest_languages", 0.88, r"\bnan fedha\b", r"^\W*eeyyee\b", r"\bxav paub ntxiv\b",
          r"စိတ်ဝင်စားပါတယ်", r"\bpo,? (?:me intereson|jam i interesuar)\b", r"\bwaan xiiseeynayaa\b"),
    _rule("meeting_request.midwest_languages", 0.86, r"\bi soo wac\b", r"\bhu (?:rau )?kuv\b", r"\bme telefononi\b",
          r"\bnatti bilbil\w*\b", r"ဖုန်းဆက်"),
    _rule("hostile.midwest_languages", 0.88, r"\btuugo\b", r"\b7aramiy(?:e|eh|a)\b", r"\bmashtrues\w*\b",
          r"\bturp t'?ju\b", r"\blowlifes?\b", r"\bhattuu\b"),
    _rule("not_interested.midwest_languages", 0.88, r"\bnuk (?:na |me |kemi |kam )?(?:duhet|intereson)\b",
          r"^\W*jo,? faleminderit\b", r"မလိုပါဘူး|မလိုဘူး", r"\btsis xav tau\b", r"\bhin barbaann?u\b", r"مش محتاج",
          r"\bma (?:u )?baahnin\b", r"^i don't think so\b"),
    _rule("out_of_office.midwest_languages", 0.88, r"\bmam teb\b", r"\bjashte shtetit\b", r"\bkur te kthehem\b",
          r"\bfor a (?:wedding|funeral) (?:till|until|thru|through)\b", r"\bsafar (?:baan|ayaan) ku (?:ahay|jiraa)\b"),
    _rule("wrong_number.midwest_languages", 0.95, r"\bgabim numri\b", r"\bnumri (?:i )?gabuar\b",
          r"\bxa yuam kev\b", r"\blambarka (?:waa )?khalad\b", r"\blakkoofsa dogoggora\b"),
    _rule("question.midwest_languages", 0.85, r"\bwaa maxay\b", r"ဘယ်သူလဲ|ဒါဘာလဲ", r"\bkush (?:jeni|eshte)\b"),
    # the forty-second set: the Southeast's English, Jamaican Patois, Brazilian Portuguese, Caribbean Spanish
    _rule("interested.southeast", 0.86, r"\bmanda ai\b", r"^\W*bora,? (?:manda|me manda|pode mandar)\b",
          r"\blemme see what (?:y'all|yall|you|u|ya) (?:got|have)\b", r"\bmanda(?:me)? la info\b"),
    _rule("out_of_office.southeast", 0.88, r"\bsoon come\b", r"\bmi (?:deh|de) a (?:work|road|wuk)\b", r"^\W*brb\b"),
    _rule("hostile.southeast", 0.9, r"\b(?:bumbo|blood|ras|pussy) ?claa?t\b", r"\bunuh a tief\b",
          r"\bf(?:ck|k|\*ck|\*\*k|uck) (?:outta|off|out of) here\b", r"\bget (?:outta|out of) here (?:w|with) that\b"),
    _rule("wrong_number.southeast", 0.95, r"\be engano\b", r"\bwrng (?:numbe?r|num|#|person)\b"),
    # the forty-third set: Armenian and Farsi (both scripts), Khmer, Cantonese, Chinese, Gujarati and Punjabi in Latin
    # letters, Gen Z English
    _rule("not_interested.west_languages", 0.88, r"អត់ទេ", r"\bnathi joi(?:tu|e)\b", r"唔使", r"\bpet[qk] chi\b",
          r"\bnot borrowing\b", r"\b(?:niazi|lazem) nist\b", r"不需要|不用了|唔需要"),
    _rule("wrong_number.west_languages", 0.95, r"\bs[xk]h?al hamar\b", r"搵錯人|打錯|傳錯|錯號碼|错号码",
          r"\bshomare (?:eshtebah|ghalat)\b", r"\beshtebah gereftid\b"),
    _rule("hostile.west_languages", 0.9, r"\bthagg?\b", r"\btouch grass\b", r"\bkolahbardar\w*", r"\bxabel\w*",
          r"\bamot dzez\b", r"骗人|騙人|詐騙|诈骗", r"\bdhokhebaaz\b"),
    _rule("meeting_request.west_languages", 0.86, r"\b(?:phone|call) kar(?:jo|o|na|do)\b",
          r"通電話|通电话|打嚟|打電話給我|打电话给我", r"\bzangeq\b", r"\bzang bezan\w*\b",
          r"\bcall kar (?:lao|lo|lena)\b", r"\b(?:wanna|want to|can we) facetime\b"),
    _rule("interested.west_languages", 0.88, r"\binterest che\b", r"\bmahiti moklo\b", r"有興趣|有兴趣|講多啲",
          r"\balaghe daram\b", r"\betelaat bishtar\b", r"ចាប់អារម្មណ៍", r"\bhetaqrqrvac\b", r"更多資料|更多资料"),
    _rule("out_of_office.west_languages", 0.88, r"\bbargashtam\b", r"\bkhabar midam\b", r"\bkveradarnam\b",
          r"回去再聯絡|回来再联系|回來再聯絡", r"遲啲覆|迟啲覆|遲啲再|迟啲再", r"\bpacho aavi\b"),
    _rule("auto_reply.west_languages", 0.95, r"感謝您的來訊|感谢您的来信|營業時間|营业时间",
          r"自动回复|自動回覆|自動回復", r"կպատասխանենք", r"នឹងឆ្លើយតប"),
    # the forty-fifth set: Swahili, Kinyarwanda, Nepali (both scripts), Dari and Pashto, African French
    _rule("out_of_office.plains_languages", 0.88, r"\bniko safarini\b", r"\bnitawasiliana nawe baadaye\b",
          r"\bndi ku kazi\b", r"\bnzabandikira\b", r"مصروف هستم", r"بعدا جواب", r"\bmiddle of the lunch rush\b",
          r"\bon a mission trip\b"),
    _rule("wrong_number.plains_languages", 0.95, r"\bnamba (?:si|yes) sahihi\b", r"\bmwibeshye nimero\b",
          r"\bshomara ghalat\b", r"गलत नम्बर", r"شماره اشتباه", r"နံပါတ်မှား", r"\bnever heard of [a-z]+ [a-z]+\W*$"),
    _rule("interested.plains_languages", 0.88, r"\bninavutiwa\b", r"\byego,? ndabishaka\b", r"\bmalai chahinchha\b",
          r"علاقه دارم", r"\bnataka kujua zaidi\b"),
    _rule("not_interested.plains_languages", 0.9, r"^\W*hapana,? asante\b", r"पर्दैन", r"\bchahindaina\b",
          r"^\W*oya,? murakoze\b", r"ضرورت ندارم", r"^\W*نه،? (?:تشکر|مننه)", r"\bnon merci\b",
          r"\bca ne m'interesse pas\b"),
    _rule("meeting_request.plains_languages", 0.86, r"\bmwampamagara\b", r"\bkunipigia\b", r"زنگ بزنید",
          r"\bphone garnus\b", r"\bcall garnus\b"),
    _rule("hostile.plains_languages", 0.88, r"دروغگو", r"خجالت بکشید", r"\bi don't appreciate you\b"),
    _rule("auto_reply.plains_languages", 0.95, r"\basante kwa kuwasiliana nasi\b", r"\btutakujibu\b",
          r"\btexting line\b[^.!?]{0,40}\bnot monitored\b"),
    _rule("question.plains_languages", 0.85, r"यो के हो", r"कसले पठाएको", r"این قرض است", r"\bcan your company help\b"),
    # the forty-fourth set: Cape Verdean Kriolu, Greek and Greeklish, Italian, Québécois, Nepali, New England English
    _rule("not_interested.new_england_languages", 0.9, r"^\W*ochi,? efxarist", r"^\W*όχι,? ευχαριστώ",
          r"\bchaidaina\b", r"^\W*nau,? obrigad", r"\bn ka mesti\b", r"\bnon (?:ci )?interessa\b"),
    _rule("hostile.new_england_languages", 0.9, r"ठग", r"\bladron\b", r"απατεών", r"\bmalaka\b", r"\bva chier\b",
          r"\bbergonha\b"),
    _rule("question.new_england_languages", 0.85, r"कति ब्याज", r"πόσο κοστίζει", r"\bposo kostizei\b"),
    _rule("meeting_request.new_england_languages", 0.86, r"\bliga-?m\b", r"\bchiamami\b",
          r"\bpaire me (?:tilefono|thlefwno)\b"),
    _rule("wrong_number.new_england_languages", 0.95, r"\bbu erra numeru\b", r"\bnumeru eradu\b",
          r"^this is the front desk at [^.!?]{3,40}, not [a-z]"),
    _rule("interested.new_england_languages", 0.88, r"\bn interesadu\b", r"\bmanda-?m mas informason\b",
          r"ενδιαφέρομαι", r"\bendiaferomai\b", r"\bmi interessa\b",
          unless=r"δεν (?:μας |με )?ενδιαφερ|\bden (?:me |mas )?endiafer|\bnon mi interessa\b"),
    _rule("out_of_office.new_england_languages", 0.88, r"\bn ta responde-?bu\b", r"\bora ki n volta\b",
          r"\bsono (?:in vacanza|fuori)\b"),
    # the forty-sixth set: Amharic and Tigrinya (both scripts), Twi, Yoruba, Telugu, Tamil, Hindi, federal English
    _rule("out_of_office.mid_atlantic_languages", 0.88, r"\bippo [a-z]+ la irukken\b", r"\bvandhu pesalam\b",
          r"\bahun [a-z]+ negn\b", r"\bbehuala edewl\w*"),
    _rule("hostile.mid_atlantic_languages", 0.88, r"ሌቦች", r"ማታለል", r"\bonijibiti\b",
          r"\b419 (?:people|guys|scam)\b"),
    _rule("not_interested.mid_atlantic_languages", 0.9, r"ኣየድልየናን", r"አያስፈልገንም|አያስፈልገኝም", r"^\W*memp[ɛe]\b",
          r"\bmi o nilo e\b", r"नहीं चाहिए", r"வேண்டாம்", r"అవసరం లేదు", r"\bvendam\b"),
    _rule("wrong_number.mid_atlantic_languages", 0.95, r"\bwofr[ɛe] n[ɔo]ma a [ɛe]ny[ɛe]\b", r"ተሳስታችኋል",
          r"\bnomba ti ko tọ\b|\bnomba ti ko to\b", r"தவறான எண்", r"తప్పు నంబర్"),
    _rule("meeting_request.mid_atlantic_languages", 0.86, r"\bfr[ɛe] me\b", r"\be pe mi\b", r"ደውልልኝ|ደውሉልኝ",
          r"\bcall pannunga\b", r"\bcall cheyyandi\b", r"\bphone cheyyandi\b"),
    _rule("interested.mid_atlantic_languages", 0.88, r"\befelgalehu\b", r"\bmereja lakulign\b", r"ሓበሬታ ስደዱለይ",
          r"వివరాలు పంపండి", r"\be fi alaye ranse\b", r"\bo dara,? e fi\b", r"விவரம் அனுப்ப"),
    _rule("auto_reply.mid_atlantic_languages", 0.95, r"\bmensaje automatico\b", r"\brespuesta automatica\b"),
    # the forty-seventh set: sarcasm that declines, a bot receptionist, "Eff off", "Nope. No Gary here."
    _rule("not_interested.sarcasm", 0.86, r"^\W*(?:yeah|yes),? no\W*$", r"\bright after i win the lottery\b",
          r"\bwhen pigs fly\b", r"\bwhen hell freezes over\b", r"\bgreat offer\W+for (?:somebody|someone) else\b"),
    _rule("auto_reply.virtual_receptionist", 0.95, r"\bvirtual (?:receptionist|assistant)\b"),
    # a question with a yes or an amount beside it: "How much can I get? yes", "I need 50k for a new plow truck, can
    # you do that?", "how do I apply?"; Somali "lacag baan u baahanahay" (I need money), "sidee loo codsadaa" (how
    # does one apply); Arabic in Latin letters "ana mhtam" (I'm interested)
    _rule("interested.asks_with_a_yes", 0.86, r"\?\s*(?:yes|yeah|yep|yup|yes please)\W*$",
          r"^(?:yes|yeah|yep|yup|sure)\W+how (?:fast|soon|quickly) (?:can|could|would|do|will)\b",
          r"\bi (?:actually |really |definitely |seriously )?need (?:this|that|it|the money|funding|capital)\b"
          r"(?! (?:to stop|gone|removed|off))",
          r"(?:^|\b(?:i|we) )need (?:about |around |like |roughly |maybe )?\$?\d+(?: ?- ?\$?\d+)? ?"
          r"(?:k|,000| thousand| grand)\b",
          r"\bhow (?:do|can|would) (?:i|we) (?:apply|sign up|get started|qualify)\b",
          r"\blacag (?:baan|ayaan|waan) u baahan\w*", r"\bsidee loo codsad\w*", r"\bana (?:mhtam|mihtam|m7tam)\b"),
    # "Maybe, what do u need from me": a question that leans in (alone it stays a question)
    _rule("interested.what_you_need", 0.86,
          r"^(?:maybe|sure|ok|okay|yes|yeah|yep|possibly|could be)\W+what do (?:you|u|y'all) need from (?:me|us)\b"),
    _rule("interested.make_it_happen", 0.88, r"^\W*(?:ok,? |okay,? |yes,? )?(?:let'?s )?make it happen\W*$"),
    # the forty-ninth set: Ilocano, Chamorro, Punjabi, Amharic, Hawaiian Pidgin, Taglish
    _rule("meeting_request.pacific_languages", 0.86, r"\bawagannak\b", r"\btawagan mo (?:ako|ko)\b"),
    # Tagalog "bwisit kayo" (you're a curse/nuisance), "gago", "ulol", "tarantado", "putang ina"
    _rule("hostile.tagalog", 0.88, r"\b(?:bwisit|buwisit|bwiset|buwiset)\b",
          r"\b(?:gago|ulol|tarantado|tarantada|tangina|putangina|putang ina|punyeta)\b"),
    _rule("hostile.pacific_languages", 0.88, r"አጭበርባሪ", r"ਠੱਗ", r"\bscummy\b", r"\bi will call the sheriff\b"),
    _rule("interested.pacific_languages", 0.88, r"\bmalago'? (?:yu|you)'", r"\bkayatko\b", r"\bipatulodmo\b",
          r"\bsend mo na lang (?:the )?details\b"),
    _rule("not_interested.pacific_languages", 0.9, r"^\W*ahe'?,? (?:si|yes) (?:yu|you)'?os", r"^\W*saan,? agyamanak\b",
          r"ਲੋੜ ਨਹੀਂ", r"ਨਹੀਂ ਜੀ"),
    _rule("out_of_office.pacific_languages", 0.88, r"\bagawidak\b", r"\bgaige yu' gi\b", r"\bannai hu bira\b",
          r"ስራ ላይ ነኝ", r"በኋላ እመልሳለሁ", r"\bi'll read it properly on\b"),
    _rule("wrong_number.pacific_languages", 0.92,
          r"^not [a-z]+\W+i'm (?:his|her) (?:cousin|brother|sister|son|daughter)\b", r"\bwe swapped phones\b"),
    _rule("hostile.eff_off", 0.9, r"^\W*eff (?:off|you|u)\b"),
    _rule("wrong_number.nope_not_here", 0.92, r"^(?:nope|no|sorry)\W+no [a-z]+ here\W*$"),
    # the sixty-fourth set: a Norwegian, Danish or Swedish "no thanks"
    _rule("not_interested.nordic_languages", 0.9, r"^\W*nei,? takk\b", r"^\W*nej,? (?:tack|tak)\b",
          r"\bikke interessert\b", r"\binte intresserad\b", r"\bikke interesseret\b"),
    # the sixty-fifth set: Dutch, Finnish and Romanian declines and yeses; Finnish, Danish, Swedish and Dutch holidays
    _rule("not_interested.dutch_finnish_romanian", 0.9, r"\bgeen interesse\b", r"\bniet geinteresseerd\b",
          r"^\W*nee,? (?:dank (?:je|u)|bedankt)\b", r"^\W*ei,? kiitos\b", r"\bei (?:kiinnosta|kiitos)\b",
          r"^\W*nu,? multumesc\b", r"\bnu (?:sunt|suntem) interesat[ai]?\b", r"\bnu ma intereseaza\b"),
    _rule("interested.dutch_finnish_romanian", 0.88, r"^\W*ja,? graag\b",
          r"\b(?:ik heb|we hebben) (?:wel )?interesse\b",
          r"\bstuur (?:me|mij|ons) (?:meer )?(?:info|informatie|details)\b", r"^\W*kylla,? kiitos\b",
          r"\blahettakaa (?:lisatietoja|tietoja|lisaa)\b", r"\bkiinnostaa\b", r"\b(?:sunt|suntem) interesat[ai]?\b",
          r"\btrimite(?:ti)?(?:-mi)? (?:detalii|informatii|mai multe)\b",
          unless=r"\bnu (?:sunt|suntem) interesat|\bgeen interesse\b|\bei kiinnosta\b|\bniet geinteresseerd\b"),
    _rule("out_of_office.nordic_dutch_holiday", 0.88, r"\bolen lomalla\b", r"\bjeg er pa ferie\b",
          r"\bjag ar pa semester\b", r"\bik ben (?:op|met) vakantie\b"),
    # a person away on a trip, in the first person, who says when they answer: "Out of the country visiting family
    # till Jan 20. Will reply when back", "Away at my daughter's graduation till Monday, talk then" (not an
    # auto-reply's "thank you for your message, I am out of the office until ...")
    _rule("out_of_office.trip_in_first_person", 0.93,
          r"\b(?:visiting (?:family|relatives|friends|my [a-z']+)|out of (?:the country|town|state)|away (?:at|for|in) "
          r"|on (?:vacation|holiday|a trip))[^.!?]{0,60}\b(?:till|until|til|thru|through) (?:the )?(?:jan|feb|mar|apr"
          r"|may|jun|jul|aug|sep|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next|\d)[^?]{0,40}"
          r"\b(?:will reply|i'll reply|will text|i'll text|will respond|i'll respond|will get back|i'll get back"
          r"|talk then|text (?:me |you )?then|reply when (?:i'm |we're )?back|talk when (?:i'm |we're )?back)\b",
          unless=r"\b(?:thank you for|thanks for (?:your|the) (?:message|text)|automated|auto-?reply|out of the office"
          r"|you(?:'ve| have) reached|limited access|urgent|emergenc)"),
    # the sixty-sixth set: Swahili, Haitian Creole and Kurmanji declines and yeses, a Swahili wrong number; Bengali and
    # Nepali declines and a trip home (read as normalize folds them: the virama dropped)
    _rule("not_interested.swahili_creole_bengali_nepali", 0.9, r"\bsihitaji\b", r"\bsina nia\b",
          r"^\W*hapana,? asante\b", r"\bpa enterese\b", r"^\W*non,? mesi\b", r"আগ্রহী নই", r"চাই না",
          r"चाहिँदैन", r"चाहिदैन", r"चाहिंदैन"),
    _rule("interested.swahili_creole_kurmanji", 0.88, r"\bnina nia\b", r"\bnitumie (?:maelezo|taarifa|habari)\b",
          r"\b(?:mwen|nou) enterese\b", r"\bvoye (?:plis )?(?:enfomasyon|detay)\b", r"\bez dixwazim\b",
          r"\bagahiyen zedetir\b",
          unless=r"\bsina nia\b|\bsihitaji\b|\bpa enterese\b|\bnaxwazim\b"),
    _rule("wrong_number.swahili", 0.9, r"\bumekosea (?:namba|nambari)\b", r"\bnamba (?:si sahihi|isiyo sahihi)\b"),
    _rule("out_of_office.nepali_away", 0.88, r"फर्किन्छु", r"फर्किन्छौं", r"नेपालमा छु"),
    # the sixty-seventh and sixty-eighth sets: "idc about loans rn" (a shrug that declines, not "idc what time"); a
    # clock time to try them at beside being busy ("Busy with lunch rush. Try me around 2:30"); a laughing "no"
    _rule("not_interested.dont_care", 0.86,
          r"^\W*(?:honestly |tbh |lol |sorry )?(?:idc|i (?:really )?(?:don't|do not) care"
          r"|i could(?:n't)? care less)\W*$",
          r"\b(?:idc|i (?:really |honestly )?(?:don't|do not) care|i could(?:n't)? care less) (?:about|for) "
          r"(?:(?:a |your |the |any |these |those )?(?:loans?|offers?|deals?|funding|financing|capital|money|credit"
          r"|ads|services?|texts|messages)|this|that|it|any of (?:this|that|it))\b"),
    _rule("meeting_request.try_me_at_a_time", 0.9,
          r"\b(?:try|hit|catch|reach) me (?:back )?(?:again )?(?:around|at|after|about|by|@) ?"
          r"(?:\d{1,2}(?::[0-5]\d)?(?: ?(?:am|pm))?|noon)"
          r"(?![\d/.:]|(?: ?(?:min|mins|minutes?|hours?|hrs?|days?|weeks?|months?|st|nd|rd|th|k|%))\b)"),
    _rule("not_interested.laughing_no", 0.85,
          r"^(?:lol|lmao|lmfao|haha+|hah|ha|omg)\W+(?:no|hard pass|pass)\b"
          r"(?![\s,.!-]*(?:way|problem|prob|worries|rush|doubt|one|body|longer|such|kidding|joke|cap)\b)"),
    # the sixty-eighth set: insults in Haitian Creole, Russian (both scripts), Cantonese, Bengali and Hindi in Latin
    # letters; a call asked for in Russian in Latin letters and in Italian; a Polish automatic message; Mandarin in
    # pinyin ("you xing qu", interested; "mei you xing qu", not)
    _rule("hostile.creole_russian_cantonese_bengali_hindi", 0.88, r"\bmanman (?:w|ou)\W*$",
          r"\b(?:poshli?|idi|idite) (?:vy |ty )?(?:nahuy|na huy|nahui|v zhopu)\b", r"\bnahuy\b",
          r"\baferist\w*\b", r"\bmoshennik\w*\b", r"на ?хуй|аферист", r"仆街|收皮", r"বাটপার|প্রতারক",
          r"^\W*শালা\b", r"\bchor saale?\b", r"\bchal bhag\b", r"\b(?:kamine|harami|kutte)\b"),
    _rule("meeting_request.russian_italian", 0.86, r"\b(?:pozvonite|pozvoni|perezvonite|perezvoni)\b",
          r"\bmi (?:chiami|chiamate|richiami)\b", r"\bchiamatemi\b"),
    _rule("auto_reply.polish", 0.95, r"\bwiadomosc automatyczna\b"),
    _rule("interested.pinyin", 0.86, r"\b(?:you|hen|gan) xing ?qu\b", r"\bduo shao li xi\b",
          unless=r"\b(?:mei|bu|mei you|bu gan) xing ?qu\b|\bbu (?:yao|xu yao)\b"),
    _rule("not_interested.pinyin", 0.9, r"\b(?:mei you|mei|bu|bu gan) xing ?qu\b", r"\bbu xu yao\b"),
    # the sixty-ninth set: a wrong number in Arabic in Latin letters with its article ("ghalat el ra2m", the number
    # written "ra2m" as well as "ra2am") and in Sorani ("ژمارەکە هەڵەیە", the number is wrong); insults in Haitian
    # Creole and French ("salòp", "salope", "salaud") and Bengali and Hindi ("তোরা সবাই চোর", you're all thieves)
    _rule("wrong_number.arabizi_sorani", 0.95,
          r"\b(?:ghalat|galat|8alat|ghalt) (?:el |al |il )?(?:raqam|raqm|ra2am|ra2m|rakam|rakm|nimra|nemra|nmra)\b",
          r"\b(?:el |al |il )?(?:raqam|raqm|ra2am|ra2m|rakam|rakm) (?:ghalat|galat|8alat|ghalt)\b",
          r"ژمارە\S* (?:\S+ )?هەڵە"),
    # the seventy-third set: a Dutch auto-reply ("Bedankt voor uw bericht. Wij zijn momenteel gesloten ..."); a wrong
    # number in Dutch ("dit is niet het nummer van Pieter"), Cajun French ("ça c'est pas son numéro no more") and
    # Tagalog ("maling number po kayo"); an absence notice that gives a number only for emergencies ("I'm currently
    # away from my phone. For urgent towing call dispatch at ...", "Estamos fuera de la oficina. Para emergencias
    # marque al ...") is the auto-reply, not a number given to us
    _rule("auto_reply.dutch", 0.95, r"\bbedankt voor (?:uw|je|jouw) (?:bericht|berichtje|sms)\b",
          r"\b(?:wij|we) zijn (?:momenteel |nu |op dit moment |vandaag )?gesloten\b",
          r"\bnemen (?:zo )?(?:snel|spoedig)(?: mogelijk)? contact met (?:u|je) op\b"),
    _rule("wrong_number.dutch_cajun_tagalog", 0.95,
          r"\bdit is niet (?:het )?(?:nummer|telefoonnummer) van\b",
          r"\b(?:verkeerd|fout|verkeerde) (?:nummer|telefoonnummer)\b",
          r"\bc'est pas (?:son|le|sa) numero\b", r"\bce n'est pas (?:son|le|sa) numero\b",
          r"\b(?:maling|mali (?:po )?ang) (?:number|numero)\b"),
    _rule("auto_reply.emergency_line", 0.95,
          r"^(?=.*\b(?:away from (?:my|the) (?:phone|desk)|out of (?:the )?office|fuera de (?:la )?oficina"
          r"|(?:currently|momentarily|temporarily) (?:closed|unavailable|away)|estamos cerrados)\b)"
          r".*\b(?:for (?:urgent|emergency|emergencies|immediate|after-hours)\b[^.!?]{0,40}\b(?:call|dial|contact|text)"
          r"|para (?:emergencias|urgencias)\b[^.!?]{0,20}\b(?:marque|llame|llamen|comuniquese))\b[^.!?]{0,40}<phone>"),
    _rule("hostile.creole_french_bengali_hindi", 0.88, r"^\W*(?:sal(?:op|ope|aud)s?)\W*$",
          r"\b(?:se|bann|ti|ou|yo) sal(?:op|ope)s?\b", r"\bsal(?:op|ope|aud)s? (?:ou|w|yo|va|toi|vous)\b",
          r"(?<![\u0980-\u09ff])চোর(?![\u0980-\u09ff])", r"(?<![\u0900-\u097f])चोर(?![\u0900-\u097f])"),
    # the seventy-fourth set: a text asked to be sent again ("... it failed, resend?", "can you send it again?"); asking
    # whether our text is about something the writer knows of ("... is this about that?"); "what's it cost"; Twi "aane"
    # (yes) and "mepɛ sɛ mete ho asɛm" (I want to hear about it); insults in Spanish ("qué falta de respeto", "gente
    # sin oficio") and Russian ("позорище", a disgrace; "вам делать нечего", have you nothing better to do)
    _rule("question.send_again", 0.85, r"\b(?:resend|re-send)\W*\?",
          r"\b(?:can|could|would|will) (?:you|y'all) (?:please )?"
          r"(?:resend|re-send|send (?:it|that|this|them) again)\b"),
    _rule("question.is_this_about", 0.88,
          r"\b(?:is|was) (?:this|it) (?:about|regarding|for) (?:that|those|them)\W*\?"),
    _rule("question.what_it_costs", 0.9, r"\bwhat's (?:it|this|that) (?:cost|run|go for)\b"),
    _rule("interested.twi", 0.88, r"^\W*aane\b(?![\s,.!-]*(?:daabi|dabi)\b)", r"\bmep[ɛe] s[ɛe] mete\b"),
    # "Kowalski Family Funeral Home: Thank you for your message. If this concerns a death in the family, please call
    # our 24-hour line at ...": a business's machine thanking for the message and naming its own line
    _rule("auto_reply.call_our_line", 0.9,
          r"\bthank(?:s| you) for your (?:message|text)\b[^<]*\b(?:call|dial|contact) our (?:[a-z0-9-]+ ){0,2}"
          r"(?:line|number|hotline)\b"),
    _rule("hostile.spanish_russian", 0.88, r"\bque falta de respeto\b", r"\bgente sin oficio\b", r"позорищ",
          r"делать нечего"),
]
# fmt: on
_GATE_KEEPER: list = [None, None]  # (rules, their GateKeeper): rebuilt when the rule list is another one


def _rule_gates(rules: list[Rule]) -> GatedPatterns:
    if _GATE_KEEPER[0] is not rules:
        _GATE_KEEPER[:] = [rules, GatedPatterns([rule.pattern for rule in rules])]
    return _GATE_KEEPER[1]


MEET_WORD = re.compile(
    r"\b(?:call|ring|phone|meet|meeting|talk|chat|speak|connect|zoom|demo|appointment|schedule)\b"
    r"|\b(?:stop|come|swing|drop) by\b"
)
AVAIL_WORD = re.compile(r"\b(?:free|available|availability|open|works?|good|fine|ok)\b")
PHONE_CUE = re.compile(r"\b(?:call|text|reach|try|cell|mobile|number|contact|ring|dial|phone)\b")
EMAIL_CUE = re.compile(r"\b(?:email|e-mail|mail|send|reach|contact)\b")


@dataclass
class ClassificationResult:
    classification: Classification
    confidence: float
    extracted: dict[str, str] = field(default_factory=dict)
    matched_rules: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    runner_up: Classification | None = None
    normalized: str = ""
    opt_out: str = "no"  # messaging.compliance.opt_out_decide: "yes", "no" or "uncertain" (hold for a person)

    @property
    def not_textable(self) -> bool:
        """An auto-reply saying the number cannot take texts: it must never be texted again."""
        return NOT_TEXTABLE_RULE in self.matched_rules


# A signature block under the message ("--", "Regards,", "Thanks," on a line of its own, then name, business and
# phone): its number is the sender's letterhead, not a number given to us
_SIGNATURE = re.compile(
    r"\n[ \t]*(?:-{2,}|\u2014+|_{2,}|(?:kind |best |warm )?(?:regards|thanks|thank you|sincerely|cheers|respectfully"
    r"|best)[ \t]*,?)[ \t]*\n.*\Z",
    re.IGNORECASE | re.DOTALL,
)
# "Not interested. -- Greg Holloway | Holloway Excavating LLC | (615) 555-0142": a signature on the same line
_INLINE_SIGNATURE = re.compile(r"\s+(?:-{2,}|\u2014)\s*[A-Z][\w'.-]+(?: [A-Z][\w'.&-]+){0,3}\s*[|,].*\Z", re.DOTALL)
_NAME_BLOCK = re.compile(
    r"\n[ \t]*\n[ \t]*[A-Z][a-z]+(?: [A-Z][a-z.'-]+){1,3}[ \t]*\n(?:[^\n]{1,60}\n){0,4}[^\n]{0,60}"
    r"\d{3}\D{0,3}\d{3}\D?\d{4}[^\n]{0,40}\Z"
)
_POINTS_BELOW = re.compile(
    r"\b(?:number|cell|line|phone|address|e-?mail)(?:s|'s)? (?:is |are )?"
    r"(?:below|in (?:my|the) sig(?:nature)?|underneath)\b"
    r"|\bbelow number\b"
    r"|\b(?:send|email|forward)\b[^.\n]{0,30}\bby e-?mail\b|\be-?mail (?:is|works) (?:best|better|fine|good)\b"
    # "Better to email me, Sam. It's in my signature below": what is below is the address to use
    r"|\b(?:it's|its|it is|they're|both are|all)\s+(?:in|at the bottom of|under|on)\s+(?:my|the)\s+(?:sig(?:nature)?"
    r"|footer)\b"
    # "Sure, text my cell. -- Michael Ortiz ... M: 267-...": the line named last, its number only in the signature
    r"|\b(?:text|call|try|use|ring)\s+(?:me\s+(?:on|at)\s+)?my\s+(?:cell|mobile|direct(?:\s+line)?|personal(?:\s+cell)?)\W*$",
    re.I,
)
_GREETING = re.compile(r"^(?:good|gd) (?:morning|afternoon|evening)\b")
OPENING_HOURS = re.compile(
    r"\b(?:close|closes|closed|closing|open|opens|opening)\s+(?:at|till|til|until|by|from|daily|\d"
    r"|(?:mon|tue|wed|thu|fri|sat|sun)\w*)\b"
)


def without_signature(text: str) -> str:
    """The message without a signature block under it (kept whole when nothing stands above the block)."""
    found = None
    if "\n" in text:  # both blocks stand on lines of their own
        found = _SIGNATURE.search(text) or _NAME_BLOCK.search(text)
    if not found and ("--" in text or "\u2014" in text):  # an inline signature opens with a dash
        found = _INLINE_SIGNATURE.search(text)
    if not found or not text[: found.start()].strip() or _POINTS_BELOW.search(text[: found.start()]):
        return text  # "please call me at the number below": the signature's number is the one given
    return text[: found.start()]


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(compliance.SMALL_CAPITALS).translate(QUOTES)
    return " ".join(text.split())  # each run of spaces one " ", none at the ends (split() cuts where \s matches, in C)


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    # most replies outside ASCII hold an emoji or a curly quote and no accent: nothing for ``folded`` to drop
    return decomposed if not any(map(unicodedata.combining, decomposed)) else compliance.folded(text)


_NUMBER_SIGN = re.compile(r"\b(wrong|this|my|your|ur|the)\s*#")
_PUNCTUATION = re.compile(r"[^\w\s']+|_")
# the ASCII characters _PUNCTUATION takes out, each made a space (the spaces are collapsed after it, as its runs are)
_ASCII_PUNCTUATION = str.maketrans({ch: " " for ch in map(chr, range(128)) if _PUNCTUATION.fullmatch(ch)})


def normalize(text: str) -> str:
    """Lower-cased, NFKC, straight quotes, collapsed whitespace and expanded SMS shorthand."""
    return _normalize_clean(_clean(text))


def _normalize_clean(text: str) -> str:
    """``normalize`` of a text ``_clean`` has read already."""
    text = text.lower()
    if "#" in text:
        text = _NUMBER_SIGN.sub(r"\1 number", text)
    text = _strip_accents(text)
    if SHORTHAND.keys().isdisjoint(_SHORTHAND_TOKEN.findall(text)):
        return text  # nothing to expand: no call per word
    return _SHORTHAND_TOKEN.sub(lambda m: SHORTHAND.get(m.group(), m.group()), text)


def _bare(text: str) -> str:
    """Punctuation stripped (apostrophes kept) for whole-message comparisons."""
    stripped = text.translate(_ASCII_PUNCTUATION) if text.isascii() else _PUNCTUATION.sub(" ", text)
    return " ".join(stripped.split()).strip(" '")


def _valid_email(addr: str) -> bool:
    local = addr.partition("@")[0]
    return len(addr) <= 254 and len(local) <= 64 and ".." not in addr and not local.endswith(".")


_PHONE_APART = "phone_area_code_apart"  # the key _extract keeps such a number under until the rules are read


def _valid_us_number(digits: str) -> bool:
    return phonenumbers.is_valid_number(phonenumbers.parse(digits, "US"))


def _may_hold(text: str, words: tuple[str, ...]) -> bool:
    """Whether a caseless pattern that needs one of ``words`` (lower-case ASCII) could match ``text``: the text must
    hold one of them in some case, the four letters outside ASCII that such a pattern reads as ASCII ones ("K" is a
    "k") read as them (``caseless_ascii``), so a reply with an emoji is asked as an ASCII one is."""
    lowered = caseless_ascii(text)
    return any(map(lowered.__contains__, words))


def _digit_count(text: str) -> int:
    """``sum(ch.isdigit() for ch in text)``, counted in C for an ASCII text (where the digits are 0-9)."""
    if text.isascii():
        return sum(map(text.count, "0123456789"))
    return sum(map(str.isdigit, text))


_PROVIDER_NAMES = tuple(_PROVIDER_DOMAINS)
# a number in words needs one of them (MIXED_DIGITS rewrites a match only when it holds a word)
_NUMBER_WORDS = ("zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_BRACKETED_DOT_GATED = GatedRegex(_BRACKETED_DOT)
_SPOKEN_DOMAIN_EMAIL_GATED = GatedRegex(SPOKEN_DOMAIN_EMAIL_RE)
_REPEATED_AT = re.compile(r"(?<=\w)@{2,}(?=\w)")


# A number read out digit by digit in its three groups, a comma after each: "4 0 8, 6 6 1, 2 0 9 3" (dictated, or typed
# so, the comma perhaps spaced: "4 3 5 , 7 2 3 , 0 0 8 6"); the groups are joined as "408-661-2093"
_DIGITS_IN_SPOKEN_GROUPS = re.compile(
    r"(?<![\d,] )(?<!\d)(\d(?: \d){2}) ?,? (\d(?: \d){2}) ?,? (\d(?: \d){3})(?!\d)(?! \d)"
)


# the number patterns _extract rewrites a reply with, searched by the characters their matches begin with (a digit, a
# bracket, the "z" of "zero"...): the same matches, the same rewrites
_SCANNED = {
    pattern: ScannedRegex(pattern)
    for pattern in (MIXED_DIGITS, _DIGITS_IN_SPOKEN_GROUPS, LETTER_O_DIGITS, VANITY_PHONE, DIGIT_RUN, US_PHONE_SHAPED,
                    LOCAL_PHONE_SHAPED)
}  # fmt: skip


def _joined_digits(found: re.Match) -> str:
    return "-".join(group.replace(" ", "") for group in found.groups())


def _extract(clean: str, whole: str = "") -> tuple[str, dict[str, str], list[str]]:
    """Return (text with e-mails/phones masked, extracted values, extraction failures); ``whole`` is the reply as
    received (its sign-off may name the sender)."""
    extracted: dict[str, str] = {}
    failures: list[str] = []
    email_suspect = False
    emails_seen = False
    offered: list[str] = []  # the addresses not refused, in order

    def _email(m: re.Match) -> str:
        nonlocal email_suspect, emails_seen
        value = m.group().lower()
        if _valid_email(value):
            emails_seen = True
            if _may_hold(m.string, ("underscore", "dash", "hyphen")):
                # "tj underscore bowman at bowmanbros dot biz": the mailbox said before "bowman" is the address's
                value = extraction.spoken_mailbox_head(m.string, m.start()) + value
            if not extraction.email_refused(m.string, m.start(), m.end()):  # "don't email me at X"
                extracted.setdefault("email", value)
                offered.append(value)
            return " <email> "
        email_suspect = True
        return m.group()

    # Each family of patterns runs only on a text that could hold what it reads: most replies have no "@", no
    # provider name and too few digits for a phone, and skip those searches.
    clean = _BRACKETED_DOT_GATED.sub(".", clean)  # "blake (dot) reyes @ reyesrealty (dot) com"
    if _may_hold(clean, ("dot",)):
        clean = SPOKEN_MAILBOX_DOTS_RE.sub(_spoken_mailbox_dots, clean)  # "john dot smith at gmail dot com"
    if _may_hold(clean, ("punto",)):
        clean = extraction.spoken_mailbox_dots(clean)  # "rosa punto delgado arroba yahoo punto com"
    if "@" in clean:
        clean = SPACED_EMAIL_RE.sub(_spaced_email, clean)
    clean = _SPOKEN_DOMAIN_EMAIL_GATED.sub(_spoken_domain_email, clean)
    clean = SPELLED_EMAIL_RE.sub(_spelled_email, clean)
    providers = _may_hold(clean, _PROVIDER_NAMES)  # the rewrites below keep the provider's name
    if providers:
        clean = PROVIDER_ONLY_EMAIL_RE.sub(_provider_only_email, clean)
        clean = MY_PROVIDER_EMAIL_RE.sub(_my_provider_email, clean)
    if "@" in clean:
        clean = MAILBOX_THEN_SITE_RE.sub(_mailbox_then_site, clean)
    elif providers:
        clean = MAILBOX_AND_PROVIDER_RE.sub(_mailbox_and_provider, clean)
    masked = clean
    if "@" in masked:
        if "@@" in masked:
            masked = _REPEATED_AT.sub("@", masked)  # "sales@@roofing.com"
        masked = EMAIL_RE.sub(_email, masked)
        if len(offered) > 1 and (preferred := extraction.email_preferred(masked, offered)):
            extracted["email"] = preferred  # "Email both of us: X and cindy@... Cindy reads hers faster"
    if not emails_seen and (email_suspect or ("@" in masked and EMAIL_LIKE.search(masked))):
        failures.append(Failure.EXTRACTION_ERROR)  # looked like an address, none valid

    if _may_hold(masked, ("area code",)):
        masked = extraction.dictated_digits(masked)  # "area code 317 for 5 to 9 for 1 to"
    if _may_hold(masked, _NUMBER_WORDS):
        masked = _SCANNED[MIXED_DIGITS].sub(_mixed_digits, masked)
    if _may_hold(masked, ("uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "cero")):
        masked = extraction.spanish_digits(masked)  # "cinco uno dos, ocho cuatro siete, dos dos nueve uno"
    digits = _digit_count(masked)
    if digits >= 10 and ", " in masked:
        masked = _SCANNED[_DIGITS_IN_SPOKEN_GROUPS].sub(_joined_digits, masked)  # "4 0 8, 6 6 1, 2 0 9 3"
    if digits >= 6:  # a run is read as digits only when six of its characters are digits already
        masked = _SCANNED[LETTER_O_DIGITS].sub(_letter_o_as_zero, masked)
        digits = _digit_count(masked)
    if digits >= 3 and not masked.islower():  # an area code, then capital letters
        masked = _SCANNED[VANITY_PHONE].sub(_vanity_digits, masked)
        digits = _digit_count(masked)
    parts, last, phone_suspect, phones = [], 0, False, []
    # a valid number has at least ten digits: most replies have none, and the matcher is dear
    # (a number written plainly is read without the library's matcher, with the same answer: inbox.phonematch)
    matches = () if digits < 10 else us_phone_matches(masked)
    for match in matches:
        if extraction.phone_is_reference(masked, match.start):
            parts += [masked[last : match.start], " <reference> "]  # "Policy no. 3304412897": not a phone
            last = match.end
        elif match.number.country_code == 1 and len(str(match.number.national_number)) == 10:
            phones.append(match)
            parts += [masked[last : match.start], " <phone> "]
            last = match.end
        else:
            phone_suspect = True  # "+44 20 7946 0958": a number given that a US line cannot text
            parts += [masked[last : match.start], " <number> "]
            last = match.end
    chosen = extraction.phone_to_use(masked, [(match.start, match.end) for match in phones]) if phones else None
    if not phones and digits >= 7 and _may_hold(masked, ("area code", "to start", "first")):
        # "926-3310, area code is 225": the number is noted down whole (by ``classify``, once the rules have read the
        # reply as it was: a local number, which a person reads)
        apart = [found for found in extraction.area_code_apart(masked) if _valid_us_number(found[0])]
        if apart and (index := extraction.phone_to_use(masked, [found[1:] for found in apart])) is not None:
            extracted[_PHONE_APART] = apart[index][0]
    if chosen is not None:  # "Shop: A / Cell: B (cell is best)": B; "Do not call X": none
        extracted["phone"] = str(phones[chosen].number.national_number)
        if phones[chosen].number.extension:  # "512 555 0143 ext 204", "x12", "#3": the person dialled after it
            # ... unless taken back: "X x207. no wait thats her old ext, it's 227 now"
            instead = extraction.extension_taken_back(masked, phones[chosen].end)
            if instead is None or instead:
                extracted["phone_extension"] = phones[chosen].number.extension if instead is None else instead
        elif extension := extraction.extension_given(  # "X ask for Jen in billing ext. 305"
            masked,
            (phones[chosen].start, phones[chosen].end),
            [(match.start, match.end) for match in phones if match is not phones[chosen]],
        ):
            extracted["phone_extension"] = extension
    masked = "".join(parts) + masked[last:]
    # masking only takes digits away: with fewer than ten before it, no run of ten is left
    long_run = digits >= 10 and any(_digit_count(m.group()) >= 10 for m in _SCANNED[DIGIT_RUN].finditer(masked))
    if not phones and (phone_suspect or long_run) and Failure.EXTRACTION_ERROR not in failures:
        failures.append(Failure.EXTRACTION_ERROR)  # 10+ digits (or a non-US number), no valid US phone
    if not phones and digits >= 7:  # a local number has seven digits, a US one ten
        # a number written as a US phone whose area code does not exist ("555-309-1182"): the person gave a
        # number, so the reply is still phone_capture; nothing is extracted and EXTRACTION_ERROR says why
        if digits >= 10:
            masked = _SCANNED[US_PHONE_SHAPED].sub(" <number> ", masked)
        masked, local = _SCANNED[LOCAL_PHONE_SHAPED].subn(" <number> ", masked)
        if local and Failure.EXTRACTION_ERROR not in failures:
            failures.append(Failure.EXTRACTION_ERROR)  # no area code: nothing to extract, a person reads it

    name = extraction.contact_name(masked, whole)
    if name:
        extracted["name"] = name
    return " ".join(masked.split()), extracted, failures


_AWAY_TIME_CUES = frozenset(
    {"meeting_request.available_at_time", "meeting_request.time_only", "meeting_request.meeting_with_time",
     "interested.send_it", "meeting_request.call_later"}
)  # fmt: skip
# TIME_RE searched by the characters its matches begin with (a digit, "t" of "today", "m" of "monday"...)
_TIME_SCAN = ScannedRegex(TIME_RE)
# every match of TIME_RE holds a digit or one of these ("day" is in "today", "monday", "end of the day"...)
_TIME_WORDS = ("min", "hour", "hr", "day", "tomorrow", "night", "week", "month", "mon", "tue", "thu", "fri", "noon",
               "morning", "evening", "lunch", "eod")  # fmt: skip
_NOT_CALL = re.compile(rf"\b{_NOT} (?:call|ring|phone)\b")
_WHEN_BACK = re.compile(
    r"\bwhen (?:i|she|he|we|they)(?:'m| am|'s| is|'re| are)? (?:get |gets |come |comes |am |is |are )?back\b"
    r"|\b(?:try|text|call|reach) (?:again|me|us|her|him|them)(?: again)? when (?:i|she|he|we|they)\b"
    r"|\btry again then\b"
)
_CANNOT_TALK = re.compile(
    r"\b(?:won't|can't|cannot|unable to|not able to)\s+(?:really\s+|actually\s+)?(?:be able to\s+)?"
    r"(?:talk|call|meet|chat|speak)|\bno (?:calls|phone|cell service|service|signal)\b"
    # "He's not working till Monday": the day the person is back, not a time to call
    r"|\bnot working (?:till|until|til|through|thru)\b"
)


# A reply that holds nothing for us: the writer's own text sent to the wrong chat ("Sorry, meant to send that to my
# wife", "sorry was that meant for my brother?"), or someone who will pass ours on once the person is home ("This is
# Jason's wife, I'll show him when he gets home"). Where no rule placed it firmly, its weak cues (a "?") are set aside
# and the intent model is not asked: it is other. "You meant to text my dad, he passed away" is not the writer's text.
_KIN = (
    r"(?:wife|husband|brother|sister|son|daughter|mom|dad|mother|father|cousin|boss|friend|boyfriend|girlfriend"
    r"|grandma|grandpa|grandmother|grandfather|mama|papa"
    r"|coworker|uncle|aunt|babe|grandson|granddaughter|nephew|niece)"
)
NOTHING_FOR_US = GatedRegex(
    re.compile(
        rf"(?<!you )(?<!you've )\bmeant (?:(?:that|this|it) )?(?:for|to (?:send|text|go to)) (?:(?:that|this|it) )?"
        rf"(?:to )?my {_KIN}\b"
        rf"|\b(?:was|is) (?:that|this|it) (?:text |message )?meant for my {_KIN}\b"
        # introduced and passed on at once; "Steve's wife here. He's in the hospital ... I'll let him know" is away
        rf"|^(?:(?:hi|hey|hello|sorry)\W+)?(?:this is [a-z]+'s {_KIN}|(?:i'm|i am) (?:his|her) {_KIN}"
        rf"|[a-z]+'s {_KIN} here)"
        r"\W+(?:i'll|i will) (?:show|tell|give|pass|forward|let)\b[^.!?]{0,30}\bwhen (?:he|she|they)"
        r"(?:'s|'re| gets?| comes?| is| are) (?:home|back|in|off|done|free)\b"
        # "I'll pass it along to my dad when he gets home", "ill show my mom this is her phone lol": handed to a
        # relative (the phone's owner), with nothing said about the offer
        rf"|^(?:ok\W+|okay\W+|sure\W+)?(?:i'll|ill|i will) (?:show|pass|give|forward|send)(?: (?:it|this|that|them))?"
        rf"(?: (?:along|on))?(?: to)? my {_KIN}(?: (?:when (?:he|she|they)(?:'s|'re| gets?| comes?| is| are)"
        r" (?:home|back|in|off|done|free)|(?:this|it)(?: is|'s) (?:his|her|their) (?:phone|number|cell)))"
        r"(?:\W+lol)?\W*$"
        # "... wait wrong chat", "Sorry wrong thread": meant for another conversation
        r"|\bwrong (?:chat|thread|convo|conversation|group chat|group text)\b"
        # "Jess is this you? Did you get a new phone?": the writer takes us for someone they know
        rf"|{_NEW_PHONE_ASKED}"
        # "lol no way this is real": disbelief laughed off, nothing asked and nothing refused
        r"|^(?:(?:lol|lmao|haha|omg)\W+)?no way (?:this|that|it)(?: is|'s) (?:real|legit|for real)\W*$"
    )
)
# "Fwd: Hi Maria, this is Sam with ... Worth a quick chat? / Mom is this legit??": our text forwarded to a relative
# with their question, sent to us by mistake; the question is not asked of us
_FORWARDED_TO_KIN = GatedRegex(
    re.compile(
        rf"^(?:fwd?|forwarded(?: message)?)\s*:.*\b{_KIN}\W+(?:is (?:this|it|that) (?:legit|real|a scam|safe|true)"
        r"|should i (?:answer|reply|respond|do (?:this|it))|(?:do you )?know (?:them|this company|these people)"
        r"|what do you think)\b"
    )
)
# "Cancel my appointment tomorrow please, something came up": a booking called off (with no new time asked for) is no
# request to meet; "cancel my appointment and rebook me for friday" is one
_CALLED_OFF = GatedRegex(
    re.compile(
        r"\bcancel(?:ling)? (?:my|our|the|his|her|this|that|tomorrow's|today's) (?:\w+ )?(?:appointment|appt"
        r"|reservation|booking|meeting|visit)\b"
        # "Cancel my 10am, I got called out to a rollover": the booking named by its hour
        r"|\bcancel(?:ling)? (?:my|our|his|her|tomorrow's|today's) "
        r"(?:\d{1,2}(?::[0-5]\d)? ?(?:am|pm|o'clock)?|noon)(?!\w)"
    )
)
# "Tony yes I'll bring the stock trailer Saturday / wait wrong chat": the writer says it was meant for another thread
_WRONG_THREAD = GatedRegex(re.compile(r"\bwrong (?:chat|thread|convo|conversation|group chat|group text)\b"))
_NEW_TIME_ASKED = re.compile(
    r"\b(?:rebook|re-book|reschedul\w*|move (?:it|me|us)|push (?:it|me)|instead|another (?:day|time)|how about"
    r"|what about|can (?:we|you|i)|could (?:we|you|i)|works? better)\b"
)


def _rank(cls: Classification, score: float) -> tuple[bool, bool, int]:
    return (cls is C.OPT_OUT, score >= STRONG, -PRECEDENCE.index(cls))


# The intent model (usdatabiz.core.textmodel, words and word pairs) trained on the corpus's development part
# speaks only where the rules placed a reply weakly or not at all, only with at least this probability, and
# never for opt_out (which is the rules' decision alone). Its answers stay below STRONG.
INTENT_MODEL_MIN_PROBABILITY = 0.8
MODEL_MAX_CONFIDENCE = 0.75
AUTO_REPLY_MIN_WORDS = 5


@functools.cache
def intent_model():
    """The intent model, or None when the corpus cannot be read (the rules then decide alone)."""
    from usdatabiz.core.textmodel import NaiveBayes, labelled_rows

    try:
        rows = labelled_rows(compliance.REPLY_CORPUS)
    except (OSError, KeyError, UnicodeDecodeError):
        return None
    return NaiveBayes(alpha=0.3).fit(rows)


def models_warm() -> bool:
    """Train the reply models and build the rules' gates now (about 0.4 s), so that the first reply a process serves
    does not wait for them; True when both models are ready. The web server calls it as each worker starts
    (``usdatabiz/wsgi.py``)."""
    classify("hello, who is this?")  # reads every rule and opt-out phrase list: their gates are built
    return compliance.revocation_model() is not None and intent_model() is not None


# opt_out is the rules' decision; a capture class needs a value actually extracted
_NOT_FROM_MODEL = frozenset({C.OPT_OUT.value, C.EMAIL_CAPTURE.value, C.PHONE_CAPTURE.value})


def _intent_guess(text: str) -> tuple[Classification, float] | None:
    model = intent_model()
    if model is None:
        return None
    probabilities = model.probabilities(text)
    label = max((name for name in probabilities if name not in _NOT_FROM_MODEL), key=probabilities.__getitem__)
    if probabilities[label] < INTENT_MODEL_MIN_PROBABILITY:
        return None
    if label == C.AUTO_REPLY.value and len(text.split()) < AUTO_REPLY_MIN_WORDS:
        return None  # "Happy new year!": machines that answer write sentences; short ones are the rules' to know
    return Classification(label), probabilities[label]


def classify(text: str, *, low_confidence_threshold: float = 0.6) -> ClassificationResult:
    """Classify one inbound SMS reply. Deterministic; see the module docstring for the scheme."""
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if not 0.0 <= low_confidence_threshold <= 1.0:
        raise ValueError("low_confidence_threshold must be between 0.0 and 1.0")

    text = compliance.without_tapback(text)  # 'Liked "..."': the quoted words are ours
    decision, why = compliance.opt_out_explain(text)  # the whole text, signature included
    masked, extracted, failures = _extract(_clean(without_signature(text)), text)
    # an ASCII text out of _extract is as _clean leaves it (its masks and rewrites add no quote or space run)
    norm = _normalize_clean(masked if masked.isascii() else _clean(masked))
    norm = compliance.unleet(norm)  # "c@ll m3 fr1d@y m0rn1ng", "wh0 1s th1s": digits written for letters
    bare = _bare(norm)
    hits: list[tuple[str, Classification, float]] = []

    if decision == compliance.OPT_OUT_YES:
        hits.append((f"opt_out.{why.replace(' ', '_')}", C.OPT_OUT, MAX_CONFIDENCE))
    if norm and bare in WHOLE_MESSAGE and (bare or "?" in norm):
        cls, strength = WHOLE_MESSAGE[bare]
        hits.append((f"{cls.value}.whole_message", cls, strength))

    # the gates' answer is exact (GatedPatterns.open: whether each rule's pattern matches), so a rule that matches
    # is not searched a second time; only its ``unless`` is
    for number in _rule_gates(PHRASE_RULES).matching(norm):  # in the rules' order, the few that matched
        rule = PHRASE_RULES[number]
        if not (rule.unless and rule.unless.search(norm)):
            hits.append((rule.name, rule.classification, rule.strength))

    # "Good afternoon Sam, we would be interested": a greeting names no time
    time = (
        _TIME_SCAN.search(_GREETING.sub(lambda found: " " * len(found.group()), norm))
        if _digit_count(norm) or any(map(norm.__contains__, _TIME_WORDS))
        else None
    )
    if time:
        extracted["meeting_time"] = time.group().strip()
        without_time = norm[: time.start()] + " " + norm[time.end() :]
        if _CALLED_OFF.search(norm) and not _NEW_TIME_ASKED.search(norm):
            pass  # "cancel my appointment tomorrow please": the time is the booking called off, not one to meet
        elif _WRONG_THREAD.search(norm):
            pass  # "I'll bring the trailer Saturday wait wrong chat": a time meant for someone else
        elif (
            MEET_WORD.search(without_time)
            and not _NOT_CALL.search(norm)
            and not _CANNOT_TALK.search(norm)  # "can't really talk today but I'm interested"
        ):
            hits.append(("meeting_request.meeting_with_time", C.MEETING_REQUEST, 0.92))
        elif OPENING_HOURS.search(norm):
            pass  # "we open at 7 and close at 6": the shop's hours, not a time to talk
        elif AVAIL_WORD.search(without_time):
            hits.append(("meeting_request.available_at_time", C.MEETING_REQUEST, 0.9))
        else:
            hits.append(("meeting_request.time_only", C.MEETING_REQUEST, 0.6))
    if "email" in extracted:
        strength = 0.97 if EMAIL_CUE.search(norm.replace("<email>", "")) else 0.9
        hits.append(("email_capture.valid_email", C.EMAIL_CAPTURE, strength))
    if "phone" in extracted:
        strength = 0.95 if PHONE_CUE.search(norm.replace("<phone>", "")) else 0.85
        hits.append(("phone_capture.valid_phone", C.PHONE_CAPTURE, strength))
    elif "<number>" in norm:
        strength = 0.85 if PHONE_CUE.search(norm.replace("<number>", "")) else 0.7
        hits.append(("phone_capture.unusable_phone", C.PHONE_CAPTURE, strength))

    nothing_for_us = (not any(strength >= STRONG for _, _, strength in hits) and bool(NOTHING_FOR_US.search(norm))) or (
        decision != compliance.OPT_OUT_YES and bool(_FORWARDED_TO_KIN.search(norm))
    )
    if nothing_for_us:
        hits = []  # its weak cues set aside; the model is not asked either
    if any(cls is C.OUT_OF_OFFICE and strength >= STRONG for _, cls, strength in hits):
        # "traveling till Monday", "out of town til next week, text me then": the time is when they are back
        hits = [
            hit
            for hit in hits
            if hit[0] not in _AWAY_TIME_CUES
            or (hit[0] == "meeting_request.meeting_with_time" and not _CANNOT_TALK.search(norm))
        ]
        if _WHEN_BACK.search(norm):
            # "won't be back until the 20th ... When I get back we can talk": a talk put off until the return
            hits = [hit for hit in hits if hit[1] is not C.MEETING_REQUEST]
    if any(name == "out_of_office.trip_in_first_person" for name, _, _ in hits):
        # a person away who says when they answer: the "will reply" and the day are theirs, not an auto-reply's
        hits = [hit for hit in hits if hit[1] not in (C.AUTO_REPLY, C.MEETING_REQUEST)]
    scores: dict[Classification, float] = {}
    for cls in {cls for _, cls, _ in hits}:
        strengths = sorted((s for _, c, s in hits if c is cls), reverse=True)
        scores[cls] = min(MAX_CONFIDENCE, strengths[0] + MULTI_RULE_BONUS * (len(strengths) - 1))
    ranked = sorted(scores, key=lambda c: _rank(c, scores[c]), reverse=True)
    capture = next((cls for cls in (C.PHONE_CAPTURE, C.EMAIL_CAPTURE) if cls in scores), None)
    if ranked[:1] == [C.WRONG_NUMBER] and capture is not None:
        # "wrong person, you want Gary at 720-555-0104": the number given is what the reply is for; the wrong
        # number stays the runner-up
        ranked.remove(capture)
        ranked.insert(0, capture)

    if not ranked:
        winner, runner_up, confidence = C.OTHER, None, 0.0
        failures.insert(0, Failure.NO_MATCH)
    else:
        winner = ranked[0]
        runner_up = ranked[1] if len(ranked) > 1 else None
        confidence = scores[winner]
        if runner_up is not None:
            if POLARITY[winner] * POLARITY[runner_up] < 0:
                confidence -= OPPOSING_PENALTY * scores[runner_up]
            elif 0 in (POLARITY[winner], POLARITY[runner_up]) and scores[runner_up] >= STRONG:
                confidence -= NEUTRAL_PENALTY
    confidence = round(max(0.0, min(MAX_CONFIDENCE, confidence)), 2)
    if winner is not C.OPT_OUT and (not ranked or scores[winner] < STRONG) and not nothing_for_us:
        # no rule placed the reply firmly: the intent model trained on the corpus may (never as opt_out)
        guess = _intent_guess(text)
        if guess is not None and guess[0] is not winner:
            runner_up, winner = winner if winner is not C.OTHER else runner_up, guess[0]
            confidence = round(min(MODEL_MAX_CONFIDENCE, guess[1]), 2)
            hits.append((f"{winner.value}.intent_model", winner, confidence))
            if Failure.NO_MATCH in failures and winner is not C.OTHER:
                failures.remove(Failure.NO_MATCH)
            elif winner is C.OTHER and Failure.NO_MATCH not in failures:
                failures.insert(0, Failure.NO_MATCH)  # the model places it in no class: as if no rule matched
    if confidence < low_confidence_threshold:
        failures.append(Failure.LOW_CONFIDENCE)
    if apart := extracted.pop(_PHONE_APART, None):
        extracted["phone"] = apart  # "926-3310, area code is 225": read as a local number, noted down whole
    return ClassificationResult(
        classification=winner,
        confidence=confidence,
        extracted=extracted,
        matched_rules=[name for name, _, _ in hits],
        failures=[str(f) for f in failures],
        runner_up=runner_up,
        normalized=norm,
        opt_out=decision,
    )
