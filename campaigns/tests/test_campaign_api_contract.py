"""The campaigns API takes what its schema states: bounded block sizes and step delays, id-shaped references, JSON
bodies only, and a template text that matches the schema's pattern exactly when the model accepts it (a NUL
character, which no text field of the API takes, aside)."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from campaigns.models import TEMPLATE_BODY_PATTERN, Campaign, MessageTemplate
from campaigns.tests.factories import MessageTemplateFactory


@pytest.mark.parametrize(
    ("body", "field"),
    [({"block_size": 0}, "block_size"), ({"block_size": 2001}, "block_size"),
     ({"steps": [{"delay_days": 61, "template": "tmpl_01JD0Q9M3N8Y3V6S6J1X2K4F7B"}]}, "steps"),
     ({"template": "tmpl_01jd0q9m3n8y3v6s6j1x2k4f7b"}, "template")],
)  # fmt: skip
def test_a_campaign_body_outside_the_schema_is_a_400_naming_the_field(operator_api, team, body, field):
    answer = operator_api.post("/api/v1/campaigns/", {"name": "Spring", **body}, format="json")

    assert answer.status_code == 400, answer.content
    assert list(answer.json()) == [field]
    assert not Campaign.objects.filter(team=team).exists()


@pytest.mark.parametrize(
    ("criteria", "field"),
    [({"colour": "red"}, "colour"), ({"state": "ZZ"}, "state"), ({"min_score": 80, "max_score": 20}, "max_score"),
     ({"tag": 5}, "tag"), ({"min_score": "5"}, "min_score"), ({"max_score": True}, "max_score"), (["tag"], "criteria")],
)  # fmt: skip
def test_criteria_outside_the_lead_filters_are_invalid_criteria_naming_the_filter(operator_api, team, criteria, field):
    answer = operator_api.post("/api/v1/campaigns/", {"name": "Spring", "criteria": criteria}, format="json")

    assert answer.status_code == 400, answer.content
    assert (answer.json()["code"], answer.json()["field"]) == ("INVALID_CRITERIA", field)
    assert not Campaign.objects.filter(team=team).exists()


def test_a_campaign_body_in_a_form_encoding_is_a_415(operator_api, team):
    answer = operator_api.post("/api/v1/campaigns/", {"name": "Spring"}, format="multipart")

    assert answer.status_code == 415
    assert "detail" in answer.json()
    assert not Campaign.objects.filter(team=team).exists()


def test_variants_of_real_templates_make_a_campaign(operator_api, team):
    a, b, c = (MessageTemplateFactory(team=team) for _ in range(3))

    answer = operator_api.post(
        "/api/v1/campaigns/", {"name": "Spring", "template": a.pk, "variants": [b.pk, c.pk]}, format="json"
    )

    assert answer.status_code == 201, answer.content
    assert [v["template"] for v in answer.json()["variants"]] == [a.pk, b.pk, c.pk]


def _schema_admits(body: str) -> bool:
    """The schema's pattern as an ECMAScript reader applies it (a word boundary is between ASCII word characters)."""
    return re.search(TEMPLATE_BODY_PATTERN, body, re.ASCII) is not None


def _model_accepts(body: str) -> bool:
    try:
        MessageTemplate(team_id="x", name="n", body=body).clean()
    except Exception:
        return False
    return True


@pytest.mark.parametrize(
    "body",
    ["Hi {first_name}, reply STOP to opt out", "Text Opt-Out to leave", "unsubscribe", "Hi {nick} STOP", "Hi there",
     "{{first_name}} Stop", "nonstop offers", "   ", "STOPPED", "{first_name}{company} optout", "ö;oPT-out¼"],
)  # fmt: skip
def test_the_template_pattern_and_the_model_agree(body):
    assert bool(_schema_admits(body)) is _model_accepts(body)


@settings(max_examples=200, deadline=None)
@given(body=st.from_regex(TEMPLATE_BODY_PATTERN) | st.text(alphabet="{}_ abcdefghijklmnopqrstuvwxyzSTOP", max_size=30))
def test_the_template_pattern_and_the_model_agree_on_generated_texts(body):
    assert bool(_schema_admits(body)) is _model_accepts(body)


def test_a_template_text_with_a_nul_character_is_a_400_naming_the_body(operator_api, team):
    answer = operator_api.post("/api/v1/templates/", {"name": "n", "body": "Reply STOP\x00 to opt out"}, format="json")

    assert answer.status_code == 400
    assert list(answer.json()) == ["body"]
    assert not _schema_admits("Reply STOP\x00 to opt out")
    assert not MessageTemplate.objects.filter(team=team).exists()
