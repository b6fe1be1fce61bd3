"""A campaign's related ids that no id can be (NUL bytes, numbers, lists) are a 400 naming the field, never a 500."""

import pytest


@pytest.mark.parametrize("field", ["template", "sender_number", "variants"])
@pytest.mark.parametrize("value", ["tpl_\x00x", 12, ["tpl_x"], {"id": "x"}])
def test_an_impossible_id_is_a_400_that_names_the_field(operator_api, team, field, value):
    if field == "variants":
        value = [value]
    answer = operator_api.post("/api/v1/campaigns/", {"name": "Spring", field: value}, format="json")

    assert answer.status_code == 400, answer.content
    assert field in answer.json()
