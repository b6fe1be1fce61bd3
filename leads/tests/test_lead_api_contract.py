"""The leads API takes what its schema states: filters from ``LeadFilterForm`` (an empty value is no filter, a bad
one a 400 naming it) and lead ids of the lead pattern for enrichment."""

import pytest
from drf_spectacular.generators import SchemaGenerator

from identity.tests.factories import BusinessFactory, person_with_contacts
from leads.models import Lead
from leads.services import leads_prepare


@pytest.fixture
def leads(team, other_team):
    texas = BusinessFactory(team=team, name="Lone Star", normalized_name="LONE STAR", state="TX", zip5="78701")
    ohio = BusinessFactory(team=team, name="Buckeye", normalized_name="BUCKEYE", state="OH", zip5="43004")
    person_with_contacts(team, "Ann", "Lee", phone="5125550100", business=texas)
    person_with_contacts(team, "Bo", "Diaz", phone="6145550100", business=ohio)
    rival = BusinessFactory(team=other_team, name="Rival", normalized_name="RIVAL", state="TX", zip5="78701")
    person_with_contacts(other_team, "Zed", "Rival", phone="5125550199", business=rival)
    leads_prepare(team=team)
    leads_prepare(team=other_team)
    return Lead.objects.for_team(team)


def _parameters(path: str, method: str = "get") -> dict:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return {p["name"]: p for p in schema["paths"][path][method]["parameters"] if p["in"] == "query"}


def test_the_schema_states_each_filter_as_the_form_checks_it(db):
    parameters = _parameters("/api/v1/leads/")

    assert parameters["state"]["schema"]["enum"][:3] == ["AA", "AE", "AK"]
    assert "TX" in parameters["state"]["schema"]["enum"]
    assert parameters["max_score"]["schema"] == {"type": "integer", "minimum": 0, "maximum": 100}
    assert parameters["status"]["schema"]["enum"] == Lead.Status.values
    assert all(parameters[name]["allowEmptyValue"] for name in ("state", "min_score", "max_score", "tag", "status"))
    assert "below min_score" in parameters["max_score"]["description"]


def test_an_empty_filter_value_selects_like_no_filter(operator_api, leads):
    every = operator_api.get("/api/v1/leads/")
    empty = operator_api.get("/api/v1/leads/?max_score=&state=&status=&tag=")

    assert empty.status_code == 200
    assert [row["id"] for row in empty.json()["results"]] == [row["id"] for row in every.json()["results"]]
    assert empty.json()["count"] == 2


@pytest.mark.parametrize(
    ("query", "field"),
    [("state=ZZ", "state"), ("status=completed", "status"), ("enrichment_status=maybe", "enrichment_status"),
     ("tag=a%00b", "tag"), ("min_score=101", "min_score")],
)  # fmt: skip
@pytest.mark.parametrize("path", ["/api/v1/leads/", "/api/v1/leads/export/"])
def test_a_filter_outside_the_schema_is_a_400_naming_it(operator_api, leads, path, query, field):
    answer = operator_api.get(f"{path}?{query}")

    assert answer.status_code == 400, answer.content
    assert list(answer.json()) == [field]


def test_enrich_refuses_a_value_that_is_no_lead_id_naming_it(operator_api, leads):
    real = leads.first().pk
    answer = operator_api.post(
        "/api/v1/leads/enrich/", {"leads": [real, "lead_\x00", "per_" + real[5:]]}, format="json"
    )

    assert answer.status_code == 400
    assert set(answer.json()["leads"]) == {"1", "2"}
    assert "lead_" in answer.json()["leads"]["2"][0]


def test_enrich_skips_an_id_of_the_lead_pattern_that_is_not_the_teams(operator_api, leads):
    rival = Lead.objects.exclude(team=leads.first().team).first().pk

    answer = operator_api.post("/api/v1/leads/enrich/", {"leads": [rival]}, format="json")

    assert answer.status_code == 409
    assert answer.json()["code"] == "NOTHING_TO_TRACE"


def test_enrich_answers_one_plain_list_of_jobs_as_documented(operator_api, leads):
    answer = operator_api.post("/api/v1/leads/enrich/", {"leads": [leads.first().pk]}, format="json")

    assert answer.status_code == 201, answer.content
    assert isinstance(answer.json(), list)
    assert answer.json()[0]["lead_ids"] == [leads.first().pk]
