"""The suppression export's ``all`` filter: anything but 1 (or nothing) is a 400 that names it, never ignored."""

import pytest


def test_an_unknown_all_value_is_a_400_naming_it(operator_api, team):
    answer = operator_api.get("/api/v1/suppressions/export/?all=yes")

    assert answer.status_code == 400, answer.content
    assert "all" in answer.json()


@pytest.mark.parametrize("url", ["/api/v1/suppressions/export/", "/api/v1/suppressions/export/?all=1"])
def test_the_known_values_still_answer(operator_api, team, url):
    assert operator_api.get(url).status_code == 200
