"""Stage 10, prioritization & routing: classified inbox item -> score, bucket, worker, call-queue admission.

Pure Python, deterministic, no database, no settings. ``compute_priority`` scores, ``route`` picks a worker,
``queue_admit`` decides call-queue admission. Every failure raises :class:`PriorityError` with a ``code``.

Score (0-100) = round_half_up(clamp(sum of the breakdown, 0, 100)); ``breakdown`` holds each factor's points:
    intent          ``intent_max * intent[classification]`` (``intent`` in 0-1, see ``DEFAULT_WEIGHTS``).
    confidence      ``intent_points * (m - 1)`` with ``m = confidence_floor + (1 - confidence_floor) * confidence``,
                    i.e. confidence scales intent between ``confidence_floor`` (0.5) and 1x; always <= 0.
    lead_fit        ``lead_fit_max * lead_score / 100``; a missing lead score counts as ``lead_missing_default``
                    (neutral 50) and says so in ``reasons``.
    freshness       ``freshness_max * f(age)``: f = 1 while ``age <= fresh_minutes`` (15), then
                    ``0.5 ** ((age - fresh_minutes) / half_life_hours)`` (4 h): continuous, never increasing.
                    ``age = now - received_at``; a reply "from the future" by up to ``max_clock_skew_seconds``
                    (300) is treated as age 0 (clock skew), more than that is an error.
    contactability  ``phone_bonus`` (8) if ``extracted["phone"]`` is non-empty, plus ``meeting_time_bonus`` (7) if
                    ``has_meeting_time`` or ``extracted["meeting_time"]`` is non-empty.
    suppression     0, except for opt_out / wrong_number / hostile (``SUPPRESSED``): ``min(0, suppressed_cap - raw)``
                    so their score never exceeds ``suppressed_cap`` (10); they are always cold, whatever the score.
The factor maxima (``intent_max + lead_fit_max + freshness_max + phone_bonus + meeting_time_bonus``) must total
100, so the clamp only absorbs float noise. Bucket (from the rounded score): hot >= ``hot_threshold`` (70),
warm >= ``warm_threshold`` (40), else cold. ``weights`` passed in are merged over ``DEFAULT_WEIGHTS`` (and
``weights["intent"]`` over the default intent table), then validated; ``validate_weights`` lists the problems.

``PriorityInput`` deliberately has no business-hours or reply-count field: priority ranks the lead, not the
clock (scheduling the call is the queue's job), and repeated replies are already reflected in the latest class.

Routing (``route``)
    opt_out / wrong_number / hostile: no worker (``worker=""``, ``queue=False``), not an error.
    SABRINA (closer) for meeting_request and for any hot item; CATHY (nudger) for not_interested and
    out_of_office; GIANNA (opener) for interested, question, email_capture, phone_capture and other.
    ``queue`` (a call-queue entry is needed) for hot items, phone_capture and meeting_request.
    ``workers_available`` maps worker -> free capacity; a worker is unavailable only if listed with 0. Fallback
    order (``FALLBACK``): SABRINA -> GIANNA -> CATHY, GIANNA -> SABRINA -> CATHY, CATHY -> GIANNA -> SABRINA
    (the closer's work goes to the opener before the nudger; the opener's to the closer, who can carry a live
    conversation; the nudger's low-intent work to the opener before spending the closer on it).
    No worker with capacity, an unknown worker name, a negative capacity, an unknown class or bucket:
    ROUTING_ERROR.

Queue admission (``queue_admit``)
    Room left (``current_size < capacity``): admitted, code "". Full: a hot item is admitted by evicting the
    lowest-priority entry (``evict_lowest=True``), a warm/cold item is refused; both record QUEUE_OVERFLOW.
    ``capacity <= 0``, a negative size or an unknown bucket raise ``PriorityError("QUEUE_OVERFLOW")``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType

from inbox.classification import Classification

C = Classification
SCORE_CALCULATION_ERROR, QUEUE_OVERFLOW, ROUTING_ERROR = "SCORE_CALCULATION_ERROR", "QUEUE_OVERFLOW", "ROUTING_ERROR"
HOT, WARM, COLD = "hot", "warm", "cold"
BUCKETS = (HOT, WARM, COLD)
GIANNA, CATHY, SABRINA = "GIANNA", "CATHY", "SABRINA"
WORKERS = (GIANNA, CATHY, SABRINA)
SUPPRESSED = frozenset({C.OPT_OUT, C.WRONG_NUMBER, C.HOSTILE})
FALLBACK = {SABRINA: (SABRINA, GIANNA, CATHY), GIANNA: (GIANNA, SABRINA, CATHY), CATHY: (CATHY, GIANNA, SABRINA)}
MAXIMA = ("intent_max", "lead_fit_max", "freshness_max", "phone_bonus", "meeting_time_bonus")

# Intent of each class as a share (0-1) of ``intent_max``: highest for a lead asking to meet.
DEFAULT_INTENT = MappingProxyType({
    C.MEETING_REQUEST: 1.0, C.PHONE_CAPTURE: 0.9, C.INTERESTED: 0.8, C.EMAIL_CAPTURE: 0.7, C.QUESTION: 0.5,
    C.OTHER: 0.3, C.OUT_OF_OFFICE: 0.2, C.AUTO_REPLY: 0.2, C.NOT_INTERESTED: 0.1, C.WRONG_NUMBER: 0.05,
    C.HOSTILE: 0.02, C.OPT_OUT: 0.0,
})  # fmt: skip
DEFAULT_WEIGHTS = MappingProxyType({
    "intent": DEFAULT_INTENT,
    "intent_max": 45.0,            # points for a meeting_request at full confidence
    "confidence_floor": 0.5,       # intent multiplier at confidence 0
    "lead_fit_max": 20.0,          # points for lead_score 100
    "lead_missing_default": 50.0,  # lead_score assumed when missing
    "freshness_max": 20.0,         # points for a reply younger than fresh_minutes
    "fresh_minutes": 15.0,
    "half_life_hours": 4.0,
    "phone_bonus": 8.0,
    "meeting_time_bonus": 7.0,
    "hot_threshold": 70.0,
    "warm_threshold": 40.0,
    "suppressed_cap": 10.0,        # max score of opt_out / wrong_number / hostile
    "max_clock_skew_seconds": 300.0,
})  # fmt: skip


class PriorityError(Exception):
    """A prioritization failure; ``code`` is SCORE_CALCULATION_ERROR, QUEUE_OVERFLOW or ROUTING_ERROR."""

    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code, self.message = code, message


@dataclass(frozen=True)
class PriorityInput:
    """One classified reply. Datetimes must be timezone-aware; ``extracted`` as produced by ``classify``."""

    classification: str
    confidence: float
    lead_score: int | None
    received_at: datetime
    now: datetime
    extracted: Mapping[str, str] = field(default_factory=dict)
    has_meeting_time: bool = False


@dataclass(frozen=True)
class PriorityResult:
    score: int
    bucket: str
    breakdown: dict[str, float]
    reasons: list[str]


@dataclass(frozen=True)
class RouteResult:
    worker: str
    queue: bool
    reason: str


@dataclass(frozen=True)
class AdmitResult:
    admitted: bool
    evict_lowest: bool
    code: str


def _real(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _merged(weights: Mapping | None) -> dict:
    merged = dict(DEFAULT_WEIGHTS)
    if weights:
        merged.update(weights)
        if isinstance(weights.get("intent"), Mapping):
            merged["intent"] = {**DEFAULT_INTENT, **weights["intent"]}
    return merged


def validate_weights(weights: Mapping | None) -> list[str]:
    """Problems with ``weights`` (merged over ``DEFAULT_WEIGHTS``), as messages; empty when valid."""
    if weights is not None and not isinstance(weights, Mapping):
        return [f"weights must be a mapping, got {type(weights).__name__}"]
    w, problems = _merged(weights), []
    problems += [f"unknown weight {key!r}" for key in w if key not in DEFAULT_WEIGHTS]
    if not isinstance(w["intent"], Mapping):
        problems.append("intent must be a mapping of classification -> 0..1")
    else:
        for key, value in w["intent"].items():
            if key not in C._value2member_map_:
                problems.append(f"intent has unknown classification {key!r}")
            elif not _real(value) or not 0 <= value <= 1:
                problems.append(f"intent[{key}] must be a number in [0, 1], got {value!r}")
    numeric = [k for k in DEFAULT_WEIGHTS if k != "intent"]
    for key in numeric:
        if not _real(w[key]) or w[key] < 0:
            problems.append(f"{key} must be a finite number >= 0, got {w[key]!r}")
    if problems:
        return problems  # the checks below need valid numbers
    if w["confidence_floor"] > 1:
        problems.append(f"confidence_floor must be in [0, 1], got {w['confidence_floor']}")
    if w["lead_missing_default"] > 100:
        problems.append(f"lead_missing_default must be in [0, 100], got {w['lead_missing_default']}")
    if w["half_life_hours"] == 0:
        problems.append("half_life_hours must be > 0")
    total = sum(w[key] for key in MAXIMA)
    if not math.isclose(total, 100, abs_tol=1e-9):
        problems.append(f"{' + '.join(MAXIMA)} must total 100, got {total:g}")
    if not 0 < w["warm_threshold"] < w["hot_threshold"] <= 100:
        problems.append(
            f"thresholds must satisfy 0 < warm_threshold < hot_threshold <= 100, "
            f"got warm {w['warm_threshold']:g}, hot {w['hot_threshold']:g}"
        )
    if w["suppressed_cap"] > 100:
        problems.append(f"suppressed_cap must be in [0, 100], got {w['suppressed_cap']:g}")
    return problems


def bucket_for(score: float, weights: Mapping | None = None) -> str:
    """Bucket of a score: hot >= hot_threshold, warm >= warm_threshold, else cold."""
    w = _merged(weights)
    return HOT if score >= w["hot_threshold"] else WARM if score >= w["warm_threshold"] else COLD


def _fail(message: str):
    raise PriorityError(SCORE_CALCULATION_ERROR, message)


def _check_input(inp: PriorityInput, w: Mapping) -> float:
    """Validate ``inp``; return the age of the reply in seconds (>= 0)."""
    if not isinstance(inp.classification, str) or inp.classification not in C._value2member_map_:
        _fail(f"unknown classification {inp.classification!r}")
    if not _real(inp.confidence) or not 0 <= inp.confidence <= 1:
        _fail(f"confidence must be a finite number in [0, 1], got {inp.confidence!r}")
    if inp.lead_score is not None and (not _real(inp.lead_score) or not 0 <= inp.lead_score <= 100):
        _fail(f"lead_score must be None or a number in [0, 100], got {inp.lead_score!r}")
    for name in ("received_at", "now"):
        value = getattr(inp, name)
        if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
            _fail(f"{name} must be a timezone-aware datetime, got {value!r}")
    if not isinstance(inp.extracted, Mapping):
        _fail(f"extracted must be a mapping, got {type(inp.extracted).__name__}")
    age = (inp.now - inp.received_at).total_seconds()
    if age < -w["max_clock_skew_seconds"]:
        _fail(f"received_at is {-age:.0f}s after now (more than {w['max_clock_skew_seconds']:g}s of clock skew)")
    return max(age, 0.0)


def _round_half_up(value: float) -> int:
    return int(math.floor(value + 0.5))


def compute_priority(inp: PriorityInput, weights: Mapping | None = None) -> PriorityResult:
    """Score, bucket, per-factor breakdown and reasons of a classified reply (formulas: module docstring)."""
    problems = validate_weights(weights)
    if problems:
        _fail("invalid weights: " + "; ".join(problems))
    w = _merged(weights)
    age = _check_input(inp, w)
    cls = C(inp.classification)
    reasons: list[str] = []
    try:
        intent = w["intent_max"] * w["intent"][cls]
        multiplier = w["confidence_floor"] + (1 - w["confidence_floor"]) * inp.confidence
        lead = w["lead_missing_default"] if inp.lead_score is None else inp.lead_score
        grace = w["fresh_minutes"] * 60
        fresh = 1.0 if age <= grace else 0.5 ** ((age - grace) / (w["half_life_hours"] * 3600))
        phone = bool(inp.extracted.get("phone"))
        meeting = bool(inp.has_meeting_time or inp.extracted.get("meeting_time"))
        breakdown = {
            "intent": intent,
            "confidence": intent * (multiplier - 1),
            "lead_fit": w["lead_fit_max"] * lead / 100,
            "freshness": w["freshness_max"] * fresh,
            "contactability": w["phone_bonus"] * phone + w["meeting_time_bonus"] * meeting,
            "suppression": 0.0,
        }
        if cls in SUPPRESSED:
            breakdown["suppression"] = min(0.0, w["suppressed_cap"] - sum(breakdown.values()))
        raw = sum(breakdown.values())
    except (ArithmeticError, ValueError, TypeError) as exc:  # pragma: no cover - guarded by validation
        _fail(f"priority formula failed: {exc}")
    if not math.isfinite(raw):  # pragma: no cover - guarded by validation
        _fail(f"priority formula produced {raw}")
    score = _round_half_up(min(100.0, max(0.0, raw)))
    bucket = COLD if cls in SUPPRESSED else bucket_for(score, w)

    reasons.append(f"intent: {cls.value} ({breakdown['intent']:+.1f})")
    reasons.append(f"confidence {inp.confidence:.2f} scales intent x{multiplier:.2f} ({breakdown['confidence']:+.1f})")
    if inp.lead_score is None:
        reasons.append(f"lead score missing, assumed neutral {lead:g} ({breakdown['lead_fit']:+.1f})")
    else:
        reasons.append(f"lead score {lead:g} ({breakdown['lead_fit']:+.1f})")
    reasons.append(f"reply {age / 3600:.1f} h old, freshness {fresh:.0%} ({breakdown['freshness']:+.1f})")
    if phone:
        reasons.append(f"phone number extracted ({w['phone_bonus']:+g})")
    if meeting:
        reasons.append(f"meeting time extracted ({w['meeting_time_bonus']:+g})")
    if cls in SUPPRESSED:
        reasons.append(f"{cls.value}: never prioritized, score capped at {w['suppressed_cap']:g}, always cold")
    reasons.append(f"score {score} -> {bucket}")
    return PriorityResult(score=score, bucket=bucket, breakdown=breakdown, reasons=reasons)


def route(classification: str, bucket: str, *, workers_available: Mapping[str, int] | None = None) -> RouteResult:
    """Worker and call-queue need of a classified item (table and fallbacks: module docstring)."""
    if not isinstance(classification, str) or classification not in C._value2member_map_:
        raise PriorityError(ROUTING_ERROR, f"unknown classification {classification!r}")
    if bucket not in BUCKETS:
        raise PriorityError(ROUTING_ERROR, f"unknown bucket {bucket!r}, expected one of {', '.join(BUCKETS)}")
    cls = C(classification)
    if cls in SUPPRESSED:
        return RouteResult(worker="", queue=False, reason=f"{cls.value}: no follow-up, no worker needed")
    capacity = dict(workers_available or {})
    for name, free in capacity.items():
        if name not in WORKERS:
            raise PriorityError(ROUTING_ERROR, f"unknown worker {name!r}, expected one of {', '.join(WORKERS)}")
        if not isinstance(free, int) or isinstance(free, bool) or free < 0:
            raise PriorityError(ROUTING_ERROR, f"capacity of {name} must be an int >= 0, got {free!r}")
    if cls == C.MEETING_REQUEST or bucket == HOT:
        preferred, why = SABRINA, "meeting request" if cls == C.MEETING_REQUEST else "hot item"
    elif cls in (C.NOT_INTERESTED, C.OUT_OF_OFFICE, C.AUTO_REPLY):
        preferred, why = CATHY, f"{cls.value} needs a nudge"
    else:
        preferred, why = GIANNA, f"{cls.value} continues the conversation"
    queue = bucket == HOT or cls in (C.PHONE_CAPTURE, C.MEETING_REQUEST)
    for worker in FALLBACK[preferred]:
        if capacity.get(worker, 1) > 0:
            if worker == preferred:
                return RouteResult(worker=worker, queue=queue, reason=f"{why} -> {worker}")
            return RouteResult(
                worker=worker, queue=queue, reason=f"{why} -> {preferred} unavailable, fell back to {worker}"
            )
    raise PriorityError(
        ROUTING_ERROR, f"no worker has capacity for {cls.value} ({bucket}); tried {', '.join(FALLBACK[preferred])}"
    )


def queue_admit(current_size: int, capacity: int, bucket: str) -> AdmitResult:
    """Whether an item of ``bucket`` enters a call queue holding ``current_size`` of ``capacity`` entries."""
    if not isinstance(capacity, int) or isinstance(capacity, bool) or capacity <= 0:
        raise PriorityError(QUEUE_OVERFLOW, f"queue capacity must be a positive int, got {capacity!r}")
    if not isinstance(current_size, int) or isinstance(current_size, bool) or current_size < 0:
        raise PriorityError(QUEUE_OVERFLOW, f"queue size must be an int >= 0, got {current_size!r}")
    if bucket not in BUCKETS:
        raise PriorityError(QUEUE_OVERFLOW, f"unknown bucket {bucket!r}, expected one of {', '.join(BUCKETS)}")
    if current_size < capacity:
        return AdmitResult(admitted=True, evict_lowest=False, code="")
    if bucket == HOT:
        return AdmitResult(admitted=True, evict_lowest=True, code=QUEUE_OVERFLOW)
    return AdmitResult(admitted=False, evict_lowest=False, code=QUEUE_OVERFLOW)
