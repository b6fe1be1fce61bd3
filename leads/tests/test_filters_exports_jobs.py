"""Lead filters that say when they are wrong, the leads export, and the skip-trace jobs list with its cost."""

import csv
import io

import pytest
from django.urls import reverse

from conftest import api_client_for
from identity.tests.factories import BusinessFactory, person_with_contacts
from leads.models import Lead, SkipTraceJob, SkipTraceResult
from leads.services import leads_prepare


@pytest.fixture
def leads(team, other_team):
    texas = BusinessFactory(team=team, name="=HYPERLINK(evil)", normalized_name="HYPERLINK EVIL", state="TX",
                            zip5="78701", sic_code="1711", employees=20)  # fmt: skip
    ohio = BusinessFactory(team=team, name="Buckeye", normalized_name="BUCKEYE", state="OH", zip5="43004",
                           sic_code="1711", employees=20)  # fmt: skip
    person_with_contacts(team, "Ann", "Lee", phone="5125550100", business=texas)
    person_with_contacts(team, "Bo", "Diaz", phone="6145550100", business=ohio)
    rival = BusinessFactory(team=other_team, name="Rival Texas", normalized_name="RIVAL", state="TX", zip5="78701")
    person_with_contacts(other_team, "Zed", "Rival", phone="5125550199", business=rival)
    leads_prepare(team=team)
    leads_prepare(team=other_team)
    return Lead.objects.for_team(team)


def test_a_state_name_filters_like_its_code(operator_client, operator, leads):
    by_name = operator_client.get(reverse("leads:lead-list"), {"state": "Texas"})
    by_api = api_client_for(operator).get("/api/v1/leads/", {"state": "texas"})

    assert [lead.persona.first_name for lead in by_name.context["page_obj"]] == ["Ann"]
    assert 'data-testid="filter-errors"' not in by_name.content.decode()
    assert [row["id"] for row in by_api.json()["results"]] == [leads.get(persona__first_name="Ann").pk]


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"state": "Texass"}, "state", "Unknown state &#x27;Texass&#x27;"),
        ({"min_score": "abc"}, "min_score", "Enter a whole number."),
        ({"min_score": "80", "max_score": "20"}, "max_score", "below the lowest"),
    ],
)
def test_a_bad_filter_is_named_on_the_page_and_refused_by_the_api(
    operator_client, operator, leads, query, field, message
):
    page = operator_client.get(reverse("leads:lead-list"), query)
    api = api_client_for(operator).get("/api/v1/leads/", query)

    assert page.status_code == 200
    assert 'data-testid="filter-errors"' in page.content.decode()
    assert message in page.content.decode()
    assert api.status_code == 400
    assert field in api.json()


def test_a_bad_filter_keeps_the_good_ones(operator_client, leads):
    page = operator_client.get(reverse("leads:lead-list"), {"state": "OH", "min_score": "abc"})
    assert [lead.persona.first_name for lead in page.context["page_obj"]] == ["Bo"]


def test_the_leads_export_is_filtered_like_the_page_streamed_and_formula_safe(operator_client, operator, leads):
    response = operator_client.get(reverse("leads:lead-export"), {"state": "Texas"})
    api = api_client_for(operator).get("/api/v1/leads/export/", {"state": "TX"})
    bad = operator_client.get(reverse("leads:lead-export"), {"state": "Texass"})

    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response).decode())))
    assert rows[0][:4] == ["lead", "first_name", "last_name", "business"]
    assert [(row[1], row[3], row[5]) for row in rows[1:]] == [("Ann", "'=HYPERLINK(evil)", "TX")]
    assert b"".join(api) == b"".join(operator_client.get(reverse("leads:lead-export"), {"state": "TX"}))
    assert bad.status_code == 400
    assert b"Unknown state" in bad.content


def test_the_jobs_list_shows_each_jobs_cost_and_is_linked_from_leads_and_dashboard(team, other_team, operator_client,
                                                                                   operator, leads):  # fmt: skip
    traced = list(leads.filter(team=team)[:2])
    job = SkipTraceJob.objects.create(team=team, provider="realestateapi", lead_ids=[lead.pk for lead in traced],
                                      total=2, done=2, matched=2, status="completed")  # fmt: skip
    for lead, cost in zip(traced, (0.25, 0.5), strict=True):
        SkipTraceResult.objects.create(team=team, job=job, lead=lead, persona=lead.persona, provider="x", cost=cost)
    rival = SkipTraceJob.objects.create(team=other_team, provider="realestateapi", total=1, status="completed")

    page = operator_client.get(reverse("leads:job-list")).content.decode()
    api = api_client_for(operator).get("/api/v1/skiptrace-jobs/").json()

    assert job.pk in page
    assert rival.pk not in page
    assert 'data-testid="job-cost">$0.75<' in page
    assert 'data-testid="jobs-total-cost">$0.75<' in page
    assert [(row["id"], row["cost"]) for row in api["results"]] == [(job.pk, 0.75)]
    assert reverse("leads:job-list") in operator_client.get(reverse("leads:lead-list")).content.decode()
    assert reverse("leads:job-list") in operator_client.get(reverse("core:dashboard")).content.decode()
