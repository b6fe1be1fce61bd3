"""The messaging API takes what its schema states: message filters (a value outside them is a 400 naming it) and a
suppressed number written as the schema's US phone pattern (the one US phone rule, ``core/phones.py``)."""

import pytest

from messaging.models import Suppression


@pytest.mark.parametrize(
    ("query", "field"),
    [("status=lost", "status"), ("direction=sideways", "direction"), ("campaign=cmp_%00", "campaign")],
)
def test_a_message_filter_outside_the_schema_is_a_400_naming_it(operator_api, team, query, field):
    answer = operator_api.get(f"/api/v1/messages/?{query}")

    assert answer.status_code == 400, answer.content
    assert list(answer.json()) == [field]


@pytest.mark.parametrize("query", ["", "status=delivered&direction=outbound", "status=&direction="])
def test_the_message_filters_the_schema_states_still_answer(operator_api, team, query):
    assert operator_api.get(f"/api/v1/messages/?{query}").status_code == 200


@pytest.mark.parametrize(
    "written",
    ["416-555-0143", "512-155-0143", "(888) 888-8888", "512 555 0143 ext 2", "512/555/0143", "5125550143\n"],
)
def test_a_suppressed_number_the_one_us_rule_refuses_is_a_400_naming_it(operator_api, team, written):
    answer = operator_api.post("/api/v1/suppressions/", {"phone_number": written}, format="json")

    assert answer.status_code == 400, answer.content
    assert list(answer.json()) == ["phone_number"]
    assert not Suppression.objects.filter(team=team).exists()


@pytest.mark.parametrize("written", ["5125550143", "(512) 555-0143", "+1 512.555.0143", "1-512-555-0143"])
def test_a_us_number_written_as_the_schema_states_is_suppressed_as_10_digits(operator_api, team, written):
    answer = operator_api.post("/api/v1/suppressions/", {"phone_number": written}, format="json")

    assert answer.status_code == 201, answer.content
    assert answer.json()["phone_number"] == "5125550143"
