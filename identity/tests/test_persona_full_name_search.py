"""Persona search finds a person by the full name, in either order."""

import pytest

from identity.selectors import persona_list
from identity.tests.factories import person_with_contacts


@pytest.fixture
def people(team, other_team):
    person_with_contacts(team, "Brett", "Beauman", normalized_first_name="BRETT", normalized_last_name="BEAUMAN")
    person_with_contacts(team, "Brett", "Smith", normalized_first_name="BRETT", normalized_last_name="SMITH")
    person_with_contacts(team, "Anna", "Beauman", normalized_first_name="ANNA", normalized_last_name="BEAUMAN")
    person_with_contacts(other_team, "Brett", "Beauman", normalized_first_name="BRETT", normalized_last_name="BEAUMAN")


@pytest.mark.parametrize("query", ["Brett Beauman", "Beauman Brett", "beauman, brett", "  Brett   Beau "])
def test_a_full_name_finds_the_person_in_either_order(team, people, query):
    found = persona_list(team=team, q=query)
    assert [(p.first_name, p.last_name) for p in found] == [("Brett", "Beauman")]


def test_one_word_still_finds_everyone_with_it(team, people):
    assert sorted(p.last_name for p in persona_list(team=team, q="Brett")) == ["Beauman", "Smith"]


def test_the_page_searches_by_full_name(operator_client, people):
    response = operator_client.get("/identity/personas/", {"q": "Beauman Brett"})
    assert [p.last_name for p in response.context["page_obj"]] == ["Beauman"]
