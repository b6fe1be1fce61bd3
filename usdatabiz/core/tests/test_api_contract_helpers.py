"""The schema and the checks are one definition: id patterns, filter forms, the US phone pattern, empty filters."""

import re

import pytest
from django import forms
from hypothesis import given, settings
from hypothesis import strategies as st
from rest_framework.exceptions import ValidationError

from usdatabiz.core.api import PrefixedIdField
from usdatabiz.core.filters import BooleanFilterField, filter_parameters, filter_values
from usdatabiz.core.ids import id_batch, id_pattern, new_id
from usdatabiz.core.phones import US_PHONE_PATTERN, us_phone


def test_every_id_the_console_makes_matches_its_pattern():
    pattern = re.compile(id_pattern("lead"))

    made = [new_id("lead"), *id_batch("lead", 50)]

    assert all(pattern.fullmatch(value) for value in made)


@pytest.mark.parametrize(
    "value",
    ["lead_01JD0Q9M3N8Y3V6S6J1X2K4F7B\n", " lead_01JD0Q9M3N8Y3V6S6J1X2K4F7B", "tmpl_01JD0Q9M3N8Y3V6S6J1X2K4F7B",
     "lead_01JD0Q9M3N8Y3V6S6J1X2K4F7", "lead_01JD0Q9M3N8Y3V6S6J1X2K4F\x00B", "lead_01jd0q9m3n8y3v6s6j1x2k4f7b", 12],
)  # fmt: skip
def test_a_value_of_another_shape_is_not_an_id(value):
    with pytest.raises(ValidationError) as refused:
        PrefixedIdField(prefix="lead").run_validation(value)

    assert "lead_" in str(refused.value.detail) or "string" in str(refused.value.detail)


class _Filters(forms.Form):
    size = forms.IntegerField(required=False, min_value=1, max_value=9)
    colour = forms.ChoiceField(required=False, choices=[("", "any"), ("red", "Red"), ("blue", "Blue")])
    word = forms.CharField(required=False, max_length=5, help_text="A word")
    merged = BooleanFilterField()


def test_a_filter_form_is_stated_as_query_parameters():
    parameters = {p.name: p for p in filter_parameters(_Filters)}

    assert parameters["size"].type == {"type": "integer", "minimum": 1, "maximum": 9}
    assert parameters["colour"].type == {"type": "string", "enum": ["red", "blue"]}
    assert parameters["word"].type == {"type": "string", "pattern": "^[^\\u0000]*$", "maxLength": 5}
    assert parameters["word"].description.startswith("A word")
    assert parameters["merged"].type == {"type": "boolean"}
    assert all(p.required is False for p in parameters.values())


def test_a_refused_filter_is_a_400_naming_each_parameter():
    with pytest.raises(ValidationError) as refused:
        filter_values(_Filters, {"size": "10", "colour": "green", "word": "ok", "merged": "yes"})

    assert set(refused.value.detail) == {"size", "colour", "merged"}


def test_an_empty_filter_value_means_no_filter():
    assert filter_values(_Filters, {"size": "", "colour": "", "word": "", "merged": ""}) == {}
    assert filter_values(_Filters, {"size": "3", "colour": "red", "merged": "false"}) == {
        "size": 3, "colour": "red", "merged": False,
    }  # fmt: skip
    assert filter_values(_Filters, {"merged": "1"}) == {"merged": True}


@settings(max_examples=300, deadline=None)
@given(written=st.from_regex(US_PHONE_PATTERN, fullmatch=True))
def test_every_number_the_phone_pattern_admits_is_a_us_number_by_the_one_rule(written):
    assert us_phone(written) is not None, written


@pytest.mark.parametrize(
    ("written", "admitted"),
    [("5125550143", True), ("(512) 555-0143", True), ("+1 512.555.0143", True), ("1-512-555-0143", True),
     ("416-555-0143", False), ("512-155-0143", False), ("(888) 888-8888", False), ("512555014", False),
     ("5125550143\n", False), ("512/555/0143", False)],
)  # fmt: skip
def test_the_phone_pattern_takes_the_usual_ways_of_writing_a_us_number(written, admitted):
    assert bool(re.fullmatch(US_PHONE_PATTERN, written)) is admitted
