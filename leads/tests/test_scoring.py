"""Tests for LUCY's lead scoring, tagging and team rules."""

import math

import pytest

from leads import scoring
from leads.scoring import (
    DEFAULT_WEIGHTS,
    INDUSTRY_VALUE,
    SINGLE_VALUED,
    LeadFacts,
    ScoreResult,
    apply_rules,
    base_tags,
    completeness_fraction,
    employees_fraction,
    priority_of,
    revenue_fraction,
    score_lead,
    size_of,
    years_fraction,
)

YEAR = 2025
ALL_FACTS = ["sic_code", "revenue", "year_founded", "employees", "phone"]
IDEAL = LeadFacts("1731", 10_000_000, 2000, 20, True, True, True, "TX")
EMPTY = LeadFacts(None, None, None, None, False, False, False, None)


def facts(**changes):
    base = {
        "sic_code": "1731",
        "revenue": 10_000_000,
        "year_founded": 2000,
        "employees": 20,
        "has_phone": True,
        "has_mobile": True,
        "has_email": True,
        "state": "TX",
    }
    base.update(changes)
    return LeadFacts(**base)


def test_default_weights_sum_to_100():
    assert set(DEFAULT_WEIGHTS) == {"industry", "revenue", "years", "employees", "completeness"}
    assert sum(DEFAULT_WEIGHTS.values()) == 100


def test_industry_values_are_fractions_of_known_groups():
    assert all(0.0 <= value <= 1.0 for value in INDUSTRY_VALUE.values())
    assert INDUSTRY_VALUE["17"] == 1.0
    assert INDUSTRY_VALUE["91"] == 0.0


def test_all_missing_scores_zero_and_lists_every_fact():
    result = score_lead(EMPTY, today_year=YEAR)
    assert result == ScoreResult(
        score=0,
        breakdown={"industry": 0.0, "revenue": 0.0, "years": 0.0, "employees": 0.0, "completeness": 0.0},
        missing=ALL_FACTS,
    )


def test_everything_ideal_scores_100():
    result = score_lead(IDEAL, today_year=YEAR)
    assert result.score == 100
    assert result.breakdown == DEFAULT_WEIGHTS
    assert result.missing == []


@pytest.mark.parametrize(
    ("lead", "score", "breakdown", "missing"),
    [
        (
            facts(sic_code="5812", revenue=1_000_000, year_founded=2020, employees=3, has_mobile=False, state="ca"),
            62,
            {"industry": 22.5, "revenue": 12.5, "years": 3.8, "employees": 9.0, "completeness": 14.0},
            [],
        ),
        (
            facts(sic_code="9111", revenue=None, year_founded=2015, employees=None, has_phone=False, has_email=False),
            14,
            {"industry": 0.0, "revenue": 0.0, "years": 7.5, "employees": 0.0, "completeness": 6.0},
            ["revenue", "employees"],
        ),
        (
            facts(sic_code="6611", has_phone=False, has_mobile=False, has_email=True),
            61,
            {"industry": 0.0, "revenue": 25.0, "years": 15.0, "employees": 15.0, "completeness": 6.0},
            ["sic_code", "phone"],
        ),
        (
            facts(sic_code="2011", revenue=50_000, year_founded=2030, employees=100_000),
            38,
            {"industry": 12.5, "revenue": 0.0, "years": 0.0, "employees": 6.0, "completeness": 20.0},
            [],
        ),
    ],
)
def test_score_lead_cases(lead, score, breakdown, missing):
    result = score_lead(lead, today_year=YEAR)
    assert result.score == score
    assert result.breakdown == breakdown
    assert result.missing == missing
    assert abs(sum(result.breakdown.values()) - result.score) <= 0.5 + 0.05 * len(breakdown)


@pytest.mark.parametrize("employees", [0, 1, 3, 7, 99, 150, 990, 5000])
@pytest.mark.parametrize("revenue", [None, 0, 150_000, 3_000_000, 10**9])
@pytest.mark.parametrize("year_founded", [None, 1900, 2010, 2024, 2100])
def test_score_is_bounded_and_breakdown_sums_to_score(employees, revenue, year_founded):
    lead = facts(employees=employees, revenue=revenue, year_founded=year_founded, has_email=False)
    result = score_lead(lead, today_year=YEAR)
    assert 0 <= result.score <= 100
    assert abs(sum(result.breakdown.values()) - result.score) <= 0.75


@pytest.mark.parametrize(
    ("revenue", "fraction"),
    [(-5, 0.0), (0, 0.0), (50_000, 0.0), (100_000, 0.0), (1_000_000, 0.5), (10_000_000, 1.0), (10**10, 1.0)],
)
def test_revenue_curve(revenue, fraction):
    assert revenue_fraction(revenue) == fraction


def test_revenue_curve_is_logarithmic():
    assert revenue_fraction(round(100_000 * math.sqrt(10))) == pytest.approx(0.25, abs=1e-6)
    assert score_lead(facts(revenue=1_000_000), today_year=YEAR).breakdown["revenue"] == 12.5


@pytest.mark.parametrize(
    ("year_founded", "fraction"),
    [(2030, 0.0), (2025, 0.0), (2020, 0.25), (2015, 0.5), (2005, 1.0), (1850, 1.0)],
)
def test_years_curve(year_founded, fraction):
    assert years_fraction(year_founded, YEAR) == fraction


@pytest.mark.parametrize(
    ("employees", "fraction"),
    [(-3, 0.0), (0, 0.0), (1, 0.2), (4, 0.8), (5, 1.0), (50, 1.0), (99, 1.0), (990, 0.7), (9_900, 0.4), (10**6, 0.4)],
)
def test_employees_curve(employees, fraction):
    assert employees_fraction(employees) == pytest.approx(fraction)


def test_employees_above_99_are_scaled_down_monotonically():
    values = [employees_fraction(n) for n in (99, 100, 250, 1000, 5000)]
    assert values == sorted(values, reverse=True)
    assert values[1] < 1.0


@pytest.mark.parametrize(
    ("phone", "mobile", "email", "fraction"),
    [
        (False, False, False, 0.0),
        (True, False, False, 0.4),
        (False, True, False, 0.3),
        (False, False, True, 0.3),
        (True, True, False, 0.7),
        (True, False, True, 0.7),
        (True, True, True, 1.0),
    ],
)
def test_completeness_curve(phone, mobile, email, fraction):
    lead = facts(has_phone=phone, has_mobile=mobile, has_email=email)
    assert completeness_fraction(lead) == pytest.approx(fraction)


@pytest.mark.parametrize(
    ("weights", "breakdown"),
    [
        (None, DEFAULT_WEIGHTS),
        ({}, DEFAULT_WEIGHTS),
        ({"industry": 0}, {"industry": 0.0, "revenue": 33.3, "years": 20.0, "employees": 20.0, "completeness": 26.7}),
        ({"revenue": 50}, {"industry": 20.0, "revenue": 40.0, "years": 12.0, "employees": 12.0, "completeness": 16.0}),
        (
            {"industry": 1, "revenue": 1, "years": 1, "employees": 1, "completeness": 1},
            {"industry": 20.0, "revenue": 20.0, "years": 20.0, "employees": 20.0, "completeness": 20.0},
        ),
    ],
)
def test_weight_overrides_ideal_lead(weights, breakdown):
    result = score_lead(IDEAL, weights, today_year=YEAR)
    assert result.score == 100
    assert result.breakdown == breakdown


def test_weight_override_shifts_partial_lead():
    lead = facts(revenue=None)
    assert score_lead(lead, today_year=YEAR).score == 75
    assert score_lead(lead, {"revenue": 0}, today_year=YEAR).score == 100
    assert score_lead(lead, {"revenue": 75}, today_year=YEAR).score == 50


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({"revenue": -1}, "'revenue'"),
        ({"years": -0.5, "industry": 10}, "'years'"),
        ({"bogus": 5}, "'bogus'"),
        ({"employees": "10"}, "'employees'"),
        ({"completeness": math.nan}, "'completeness'"),
        ({"completeness": True}, "'completeness'"),
        ({"industry": 0, "revenue": 0, "years": 0, "employees": 0, "completeness": 0}, "industry, revenue"),
    ],
)
def test_invalid_weights_raise(weights, message):
    with pytest.raises(ValueError, match=message):
        score_lead(IDEAL, weights, today_year=YEAR)


@pytest.mark.parametrize(
    ("employees", "size"),
    [(None, None), (0, "micro"), (9, "micro"), (10, "small"), (49, "small"), (50, "medium"), (249, "medium")]
    + [(250, "large"), (100_000, "large")],
)
def test_size_of(employees, size):
    assert size_of(employees) == size


@pytest.mark.parametrize(
    ("score", "priority"),
    [(0, "low"), (39, "low"), (40, "medium"), (69, "medium"), (70, "high"), (100, "high")],
)
def test_priority_of(score, priority):
    assert priority_of(score) == priority


@pytest.mark.parametrize(
    ("lead", "score", "tags"),
    [
        (IDEAL, 100, ["industry:special-trade-contractors", "priority:high", "size:small", "state:TX"]),
        (
            facts(sic_code="5812", employees=3, state=" ca "),
            55,
            ["industry:eating-and-drinking-places", "priority:medium", "size:micro", "state:CA"],
        ),
        (facts(sic_code="6611", employees=None, state="Texas"), 12, ["priority:low"]),
        (EMPTY, 0, ["priority:low"]),
        (
            facts(sic_code="8011", employees=600, state=None),
            70,
            ["industry:health-services", "priority:high", "size:large"],
        ),
    ],
)
def test_base_tags(lead, score, tags):
    assert base_tags(lead, score) == tags


HOT_TRADES = {
    "tag": "segment:hot-trades",
    "when": {"sic_prefix": "17", "min_score": 60, "states": ["TX"], "min_employees": 5, "max_employees": 50},
}


@pytest.mark.parametrize(
    ("lead", "score", "matched"),
    [
        (IDEAL, 100, True),
        (IDEAL, 60, True),
        (IDEAL, 59, False),
        (facts(sic_code="1521"), 90, False),
        (facts(sic_code=None), 90, False),
        (facts(state="tx"), 90, True),
        (facts(state="OK"), 90, False),
        (facts(state=None), 90, False),
        (facts(employees=5), 90, True),
        (facts(employees=4), 90, False),
        (facts(employees=50), 90, True),
        (facts(employees=51), 90, False),
        (facts(employees=None), 90, False),
    ],
)
def test_rule_conditions_all_must_hold(lead, score, matched):
    base = base_tags(lead, score)
    tags, conflicts = apply_rules(base, lead, score, [HOT_TRADES])
    assert conflicts == []
    assert tags == (sorted([*base, "segment:hot-trades"]) if matched else base)


@pytest.mark.parametrize(
    ("when", "matched"),
    [
        ({}, True),
        ({"sic_prefix": "173"}, True),
        ({"sic_prefix": ["58", "17"]}, True),
        ({"sic_prefix": ["58", "80"]}, False),
        ({"max_score": 50}, False),
        ({"max_score": 80}, True),
        ({"states": ["CA", "NY"]}, False),
    ],
)
def test_rule_single_conditions(when, matched):
    tags, conflicts = apply_rules(["priority:high"], IDEAL, 80, [{"tag": "team:x", "when": when}])
    assert tags == (["priority:high", "team:x"] if matched else ["priority:high"])
    assert conflicts == []


def test_rule_without_when_always_applies_and_duplicates_collapse():
    rules = [{"tag": "list:spring"}, {"tag": "list:spring"}, {"tag": "list:summer", "when": None}]
    tags, conflicts = apply_rules(["priority:low", "priority:low"], EMPTY, 0, rules)
    assert tags == ["list:spring", "list:summer", "priority:low"]
    assert conflicts == []


def test_single_valued_families():
    assert frozenset({"size", "priority", "industry", "state"}) == SINGLE_VALUED


@pytest.mark.parametrize(
    ("rule_tag", "existing"),
    [
        ("size:large", "size:small"),
        ("priority:low", "priority:high"),
        ("industry:banks", "industry:special-trade-contractors"),
        ("state:CA", "state:TX"),
    ],
)
def test_single_valued_conflict_is_reported_not_added(rule_tag, existing):
    base = base_tags(IDEAL, 100)
    tags, conflicts = apply_rules(base, IDEAL, 100, [{"tag": rule_tag}])
    assert tags == base
    family = rule_tag.split(":")[0]
    assert conflicts == [
        f"Rule tag '{rule_tag}' conflicts with existing '{existing}' (family '{family}' is single-valued)."
    ]


def test_single_valued_family_can_be_filled_when_empty_and_conflicts_after():
    rules = [{"tag": "size:large"}, {"tag": "size:small"}, {"tag": "size:large"}]
    tags, conflicts = apply_rules(["priority:low"], EMPTY, 0, rules)
    assert tags == ["priority:low", "size:large"]
    assert conflicts == ["Rule tag 'size:small' conflicts with existing 'size:large' (family 'size' is single-valued)."]


def test_non_matching_rule_never_conflicts():
    rules = [{"tag": "size:large", "when": {"min_score": 99}}]
    assert apply_rules(["size:small"], IDEAL, 10, rules) == (["size:small"], [])


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ({"tag": "nofamily"}, "nofamily"),
        ({"tag": ":value"}, ":value"),
        ({"when": {}}, "tag"),
        ({"tag": "a:b", "when": {"min_revenue": 1}}, "min_revenue"),
    ],
)
def test_malformed_rules_raise(rule, message):
    with pytest.raises(ValueError, match=message):
        apply_rules([], IDEAL, 50, [rule])


@pytest.mark.parametrize(
    ("rules", "problem"),
    [
        ({"tag": "a:b"}, "must be a list"),
        (["segment:x"], "Rule 1 must be an object"),
        ([{"when": {}}], "Rule 1 needs a 'tag' string"),
        ([{"tag": "nocolon"}], "Rule 1: Tag 'nocolon' must look like 'family:value'"),
        ([{"tag": "a:b", "if": {}}], "Rule 1 has unknown key 'if'"),
        ([{"tag": "a:b"}, {"tag": "c:d", "when": {"sic": "17"}}], "Rule 2: unknown condition 'sic'"),
        ([{"tag": "a:b", "when": {"min_score": "50"}}], "'min_score' must be a number"),
        ([{"tag": "a:b", "when": {"min_score": True}}], "'min_score' must be a number"),
        ([{"tag": "a:b", "when": {"states": []}}], "'states' must be a string or a list of strings"),
        ([{"tag": "a:b", "when": {"sic_prefix": [17]}}], "'sic_prefix' must be a string or a list of strings"),
        ([{"tag": "a:b", "when": []}], "'when' must be an object"),
    ],
)
def test_validate_tag_rules_names_each_problem(rules, problem):
    problems = scoring.validate_tag_rules(rules)
    assert len(problems) == 1
    assert problem in problems[0]


def test_validate_tag_rules_accepts_every_documented_condition():
    rules = [
        {"tag": "segment:trades", "when": {"sic_prefix": ["15", "17"], "states": "TX", "min_score": 40}},
        {"tag": "segment:big", "when": {"min_employees": 100, "max_employees": 5000, "max_score": 99.5}},
        {"tag": "team:all"},
    ]
    assert scoring.validate_tag_rules(rules) == []
