"""LUCY's lead scoring and tagging: the one place a team tunes how leads are ranked.

Score (0-100) = sum over five factors of ``points = share * fraction``, where ``share`` is the factor's
weight scaled so that all weights total 100 (``DEFAULT_WEIGHTS`` already do) and ``fraction`` is 0.0-1.0:

- industry: ``INDUSTRY_VALUE`` of the SIC major group (0.5 for unlisted groups); unknown code -> 0.
- revenue: ``(log10(revenue) - 5) / 2`` clamped, i.e. 0 at <= $100k, 0.5 at $1M, 1.0 at >= $10M.
- years: ``(today_year - year_founded) / 20`` clamped, i.e. full marks at 20+ years in business.
- employees: 1.0 for 5-99; ``employees / 5`` below 5; above 99 ``1 - 0.3 * log10(employees / 99)``,
  floored at 0.4 (0.7 at 990, 0.4 from 9,900 up).
- completeness: landline/any phone 0.4 + mobile 0.3 + email 0.3.

A missing fact contributes 0 to its factor and is listed in ``ScoreResult.missing``; the lead is scored on
what exists. The score is the rounded, clamped sum; ``breakdown`` holds each factor's points to 1 decimal.

Tags are ``family:value``. ``base_tags`` derives industry/size/priority/state; ``apply_rules`` adds
team-defined tags and refuses a second value in a single-valued family, reporting a conflict instead.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from leads.sic import industry_slug, major_group_of

FACTORS = ("industry", "revenue", "years", "employees", "completeness")

DEFAULT_WEIGHTS: dict[str, float] = {
    "industry": 25.0,
    "revenue": 25.0,
    "years": 15.0,
    "employees": 15.0,
    "completeness": 20.0,
}

SINGLE_VALUED = frozenset({"size", "priority", "industry", "state"})

DEFAULT_INDUSTRY_VALUE = 0.5

# Attractiveness of a SIC major group for SMS outreach to owners: local services and trades answer their
# phones; large-process industry, finance and government rarely do. Groups not listed score 0.5.
INDUSTRY_VALUE: dict[str, float] = {
    # Construction and trades
    "15": 0.9,
    "16": 0.6,
    "17": 1.0,
    # Agriculture
    "01": 0.4,
    "02": 0.4,
    "07": 0.8,
    "08": 0.3,
    "09": 0.3,
    # Mining and heavy manufacturing
    "10": 0.2,
    "12": 0.2,
    "13": 0.3,
    "14": 0.3,
    "21": 0.2,
    "29": 0.2,
    "33": 0.3,
    # Transportation and utilities
    "40": 0.2,
    "41": 0.6,
    "42": 0.7,
    "43": 0.0,
    "47": 0.6,
    "49": 0.3,
    # Retail
    "52": 0.7,
    "53": 0.4,
    "54": 0.6,
    "55": 0.8,
    "56": 0.6,
    "57": 0.7,
    "58": 0.9,
    "59": 0.7,
    # Finance and real estate
    "60": 0.2,
    "61": 0.4,
    "62": 0.4,
    "63": 0.3,
    "64": 0.7,
    "65": 0.8,
    "67": 0.3,
    # Services
    "70": 0.7,
    "72": 1.0,
    "73": 0.8,
    "75": 1.0,
    "76": 1.0,
    "78": 0.5,
    "79": 0.8,
    "80": 0.9,
    "81": 0.8,
    "82": 0.6,
    "83": 0.5,
    "84": 0.3,
    "86": 0.3,
    "87": 0.8,
    "88": 0.2,
    "89": 0.7,
    # Public administration and nonclassifiable
    "91": 0.0,
    "92": 0.0,
    "93": 0.0,
    "94": 0.0,
    "95": 0.0,
    "96": 0.0,
    "97": 0.0,
    "99": 0.1,
}

REVENUE_FLOOR = 100_000
REVENUE_FULL = 10_000_000
YEARS_FULL = 20
EMPLOYEES_BEST = (5, 99)
EMPLOYEES_LARGE_FLOOR = 0.4
COMPLETENESS_PARTS = {"phone": 0.4, "mobile": 0.3, "email": 0.3}

RULE_CONDITIONS = frozenset({"sic_prefix", "min_score", "max_score", "states", "min_employees", "max_employees"})


@dataclass(frozen=True)
class LeadFacts:
    sic_code: str | None
    revenue: int | None
    year_founded: int | None
    employees: int | None
    has_phone: bool
    has_mobile: bool
    has_email: bool
    state: str | None


@dataclass(frozen=True)
class ScoreResult:
    score: int
    breakdown: dict[str, float] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)


def _clamp(value: float, low: float = 0.0, high: float = 1.0) -> float:
    """Clamp a value into [low, high]."""
    return max(low, min(high, value))


def resolve_weights(weights: Mapping[str, float] | None = None) -> dict[str, float]:
    """Merge a (possibly partial) team override onto the defaults and validate it."""
    merged = dict(DEFAULT_WEIGHTS)
    for key, value in (weights or {}).items():
        if key not in DEFAULT_WEIGHTS:
            raise ValueError(f"Unknown scoring weight {key!r}; expected one of {', '.join(FACTORS)}.")
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise ValueError(f"Scoring weight {key!r} must be a finite number, got {value!r}.")
        if value < 0:
            raise ValueError(f"Scoring weight {key!r} must not be negative, got {value!r}.")
        merged[key] = float(value)
    if sum(merged.values()) <= 0:
        raise ValueError(f"Scoring weights {', '.join(FACTORS)} must not all be 0.")
    return merged


def industry_fraction(sic_code: str | None) -> float | None:
    """Return the 0-1 industry value of a SIC code, or None if the code is missing or unknown."""
    group = major_group_of(sic_code)
    if group is None:
        return None
    return INDUSTRY_VALUE.get(group, DEFAULT_INDUSTRY_VALUE)


def revenue_fraction(revenue: int) -> float:
    """Map revenue on a log10 scale: 0 at $100k or less, 1 at $10M or more."""
    if revenue <= REVENUE_FLOOR:
        return 0.0
    low, high = math.log10(REVENUE_FLOOR), math.log10(REVENUE_FULL)
    return _clamp((math.log10(revenue) - low) / (high - low))


def years_fraction(year_founded: int, today_year: int) -> float:
    """Map years in business linearly: 0 at founding (or a future year), 1 at 20 years or more."""
    return _clamp((today_year - year_founded) / YEARS_FULL)


def employees_fraction(employees: int) -> float:
    """Map headcount: full for 5-99, linear below 5, log-decaying above 99 down to a 0.4 floor."""
    low, high = EMPLOYEES_BEST
    if employees < low:
        return _clamp(employees / low)
    if employees <= high:
        return 1.0
    return max(EMPLOYEES_LARGE_FLOOR, 1.0 - 0.3 * math.log10(employees / high))


def completeness_fraction(facts: LeadFacts) -> float:
    """Add up the contact channels present: phone 0.4, mobile 0.3, email 0.3."""
    parts = COMPLETENESS_PARTS
    return (
        parts["phone"] * bool(facts.has_phone)
        + parts["mobile"] * bool(facts.has_mobile)
        + parts["email"] * bool(facts.has_email)
    )


def missing_facts(facts: LeadFacts) -> list[str]:
    """List the key facts a lead lacks (an unknown SIC code counts as missing)."""
    missing = []
    if industry_fraction(facts.sic_code) is None:
        missing.append("sic_code")
    if facts.revenue is None:
        missing.append("revenue")
    if facts.year_founded is None:
        missing.append("year_founded")
    if facts.employees is None:
        missing.append("employees")
    if not (facts.has_phone or facts.has_mobile):
        missing.append("phone")
    return missing


def score_lead(facts: LeadFacts, weights: Mapping[str, float] | None = None, *, today_year: int) -> ScoreResult:
    """Score a lead 0-100 from its facts and the (team-overridable) factor weights."""
    resolved = resolve_weights(weights)
    total = sum(resolved.values())
    industry = industry_fraction(facts.sic_code)
    fractions = {
        "industry": industry or 0.0,
        "revenue": revenue_fraction(facts.revenue) if facts.revenue is not None else 0.0,
        "years": years_fraction(facts.year_founded, today_year) if facts.year_founded is not None else 0.0,
        "employees": employees_fraction(facts.employees) if facts.employees is not None else 0.0,
        "completeness": completeness_fraction(facts),
    }
    points = {factor: resolved[factor] * 100.0 / total * fractions[factor] for factor in FACTORS}
    score = int(_clamp(round(sum(points.values())), 0, 100))
    breakdown = {factor: round(value, 1) for factor, value in points.items()}
    return ScoreResult(score=score, breakdown=breakdown, missing=missing_facts(facts))


def size_of(employees: int | None) -> str | None:
    """Return the size band of a headcount: micro <10, small 10-49, medium 50-249, large 250+."""
    if employees is None:
        return None
    if employees < 10:
        return "micro"
    if employees < 50:
        return "small"
    if employees < 250:
        return "medium"
    return "large"


def priority_of(score: int) -> str:
    """Return the priority of a score: high >= 70, medium >= 40, else low."""
    if score >= 70:
        return "high"
    if score >= 40:
        return "medium"
    return "low"


def _state_code(state: str | None) -> str | None:
    """Return a two-letter uppercase state code, or None if absent or malformed."""
    if not state:
        return None
    code = state.strip().upper()
    return code if len(code) == 2 and code.isascii() and code.isalpha() else None


def base_tags(facts: LeadFacts, score: int) -> list[str]:
    """Derive the sorted industry/size/priority/state tags of a lead, skipping absent data."""
    tags = [f"priority:{priority_of(score)}"]
    slug = industry_slug(facts.sic_code)
    if slug:
        tags.append(f"industry:{slug}")
    size = size_of(facts.employees)
    if size:
        tags.append(f"size:{size}")
    state = _state_code(facts.state)
    if state:
        tags.append(f"state:{state}")
    return sorted(tags)


def _family(tag: str) -> str:
    """Return the family of a "family:value" tag, rejecting malformed tags."""
    family, sep, value = tag.partition(":")
    if not sep or not family or not value:
        raise ValueError(f"Tag {tag!r} must look like 'family:value'.")
    return family


def rule_matches(when: Mapping[str, object], facts: LeadFacts, score: int) -> bool:
    """Return whether every condition of a rule holds for the lead (no conditions always holds)."""
    unknown = set(when) - RULE_CONDITIONS
    if unknown:
        raise ValueError(f"Unknown rule condition {sorted(unknown)[0]!r}.")
    if "sic_prefix" in when:
        prefixes = when["sic_prefix"]
        prefixes = [prefixes] if isinstance(prefixes, str) else list(prefixes)
        code = (facts.sic_code or "").strip()
        if not code or not any(code.startswith(str(prefix)) for prefix in prefixes):
            return False
    if "min_score" in when and score < when["min_score"]:
        return False
    if "max_score" in when and score > when["max_score"]:
        return False
    if "states" in when:
        state = _state_code(facts.state)
        if state is None or state not in {str(s).strip().upper() for s in when["states"]}:
            return False
    if "min_employees" in when and (facts.employees is None or facts.employees < when["min_employees"]):
        return False
    return not ("max_employees" in when and (facts.employees is None or facts.employees > when["max_employees"]))


def validate_tag_rules(rules: object) -> list[str]:
    """Return one readable problem per malformed team tag rule (empty when every rule is usable)."""
    if not isinstance(rules, list):
        return ['Tag rules must be a list of {"tag": ..., "when": {...}} objects.']
    problems = []
    for number, rule in enumerate(rules, start=1):
        if not isinstance(rule, dict):
            problems.append(f"Rule {number} must be an object with a 'tag' and an optional 'when'.")
            continue
        extra = set(rule) - {"tag", "when"}
        if extra:
            problems.append(f"Rule {number} has unknown key {sorted(extra)[0]!r}; use 'tag' and 'when'.")
        tag = rule.get("tag")
        if not isinstance(tag, str):
            problems.append(f"Rule {number} needs a 'tag' string.")
        else:
            try:
                _family(tag)
            except ValueError as exc:
                problems.append(f"Rule {number}: {exc}")
        when = rule.get("when")
        when = {} if when is None else when
        if not isinstance(when, dict):
            problems.append(f"Rule {number}: 'when' must be an object of conditions.")
            continue
        for key, value in when.items():
            if key not in RULE_CONDITIONS:
                problems.append(
                    f"Rule {number}: unknown condition {key!r}; expected one of {', '.join(sorted(RULE_CONDITIONS))}."
                )
            elif key in ("sic_prefix", "states"):
                items = [value] if isinstance(value, str) else value
                if not isinstance(items, list) or not items or not all(isinstance(i, str) and i for i in items):
                    problems.append(f"Rule {number}: {key!r} must be a string or a list of strings.")
            elif isinstance(value, bool) or not isinstance(value, int | float):
                problems.append(f"Rule {number}: {key!r} must be a number, got {value!r}.")
    return problems


def apply_rules(tags: list[str], facts: LeadFacts, score: int, rules: list[dict]) -> tuple[list[str], list[str]]:
    """Add the tags of matching team rules in order; return (sorted tags, conflict messages)."""
    result = list(dict.fromkeys(tags))
    conflicts: list[str] = []
    for rule in rules:
        tag = rule.get("tag")
        if not isinstance(tag, str):
            raise ValueError(f"Rule {rule!r} needs a 'tag' string.")
        family = _family(tag)
        if tag in result or not rule_matches(rule.get("when") or {}, facts, score):
            continue
        if family in SINGLE_VALUED:
            clash = next((t for t in result if _family(t) == family), None)
            if clash is not None:
                conflicts.append(
                    f"Rule tag {tag!r} conflicts with existing {clash!r} (family {family!r} is single-valued)."
                )
                continue
        result.append(tag)
    return sorted(result), conflicts
