"""Tests for the SIC division and major-group table."""

import re

import pytest

from leads.sic import DIVISIONS, MAJOR_GROUPS, industry_of, industry_slug

EXPECTED_GROUPS = (
    ["01", "02", "07", "08", "09", "10", "12", "13", "14", "15", "16", "17"]
    + [f"{n:02d}" for n in range(20, 68) if n != 66]
    + ["70", "72", "73", "75", "76", "78", "79", "80", "81", "82", "83", "84", "86", "87", "88", "89"]
    + [f"{n:02d}" for n in range(91, 98)]
    + ["99"]
)


def test_major_groups_are_exactly_the_defined_ones():
    assert sorted(MAJOR_GROUPS) == EXPECTED_GROUPS
    assert len(MAJOR_GROUPS) == 83


def test_divisions_letters_and_ranges():
    assert list(DIVISIONS) == ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"]
    assert DIVISIONS["C"] == ("Construction", range(15, 18))
    assert DIVISIONS["K"] == ("Nonclassifiable", range(99, 100))


def test_every_major_group_lies_in_exactly_one_division():
    for group in MAJOR_GROUPS:
        owners = [letter for letter, (_, groups) in DIVISIONS.items() if int(group) in groups]
        assert len(owners) == 1, group


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("1731", ("Construction", "Construction Special Trade Contractors")),
        ("173101", ("Construction", "Construction Special Trade Contractors")),
        ("17310101", ("Construction", "Construction Special Trade Contractors")),
        ("5812", ("Retail Trade", "Eating and Drinking Places")),
        ("8011", ("Services", "Health Services")),
        ("0711", ("Agriculture, Forestry, and Fishing", "Agricultural Services")),
        ("6021", ("Finance, Insurance, and Real Estate", "Depository Institutions")),
        ("9999", ("Nonclassifiable", "Nonclassifiable Establishments")),
        ("9111", ("Public Administration", "Executive, Legislative, and General Government, Except Finance")),
        (" 7372 ", ("Services", "Business Services")),
        ("73", ("Services", "Business Services")),
        (None, None),
        ("", None),
        ("   ", None),
        ("0311", None),
        ("6611", None),
        ("9811", None),
        ("17a1", None),
        ("173", None),
        ("173101011", None),
    ],
)
def test_industry_of(code, expected):
    assert industry_of(code) == expected


@pytest.mark.parametrize(
    ("code", "slug"),
    [
        ("1731", "special-trade-contractors"),
        ("5812", "eating-and-drinking-places"),
        ("8011", "health-services"),
        ("7372", "business-services"),
        ("4812", "communications"),
        ("0811", "forestry"),
        ("2211", "textile-mill-products"),
        ("9999", "nonclassifiable"),
        (None, None),
        ("6611", None),
    ],
)
def test_industry_slug(code, slug):
    assert industry_slug(code) == slug


def test_every_slug_is_lowercase_hyphenated_and_unique():
    slugs = [industry_slug(group) for group in MAJOR_GROUPS]
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug) for slug in slugs)
    assert len(set(slugs)) == len(slugs)
