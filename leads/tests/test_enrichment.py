"""Stage 5 jobs: split into 250s, capped per day, never re-traced too soon, every outcome recorded."""

import pytest
import responses

from identity.models import PersonaEmail, PersonaPhone
from identity.tests.factories import BusinessFactory, person_with_contacts
from leads.enrichment import EnrichmentError, skiptrace_job_run, skiptrace_jobs_create
from leads.models import Lead, SkipTraceJob, SkipTraceResult
from leads.services import lead_settings_get, leads_prepare
from leads.skiptrace import RealEstateApiClient, SandboxSkipTrace
from usdatabiz.core.models import StageFailure

API = "https://api.realestateapi.com"


@pytest.fixture
def leads(team):
    business = BusinessFactory(team=team, name="Acme", normalized_name="ACME", address="1 Main St", city="Austin",
                               state="TX", zip5="78701", sic_code="1711")  # fmt: skip
    for i, (first, last) in enumerate([("Ann", "Lee"), ("Bo", "Diaz"), ("Cy", "Fox"), ("Di", "Ray"), ("Ed", "Ng")]):
        person_with_contacts(team, first, last, phone=f"51255500{i:02d}", business=business)
    leads_prepare(team=team)
    return list(Lead.objects.for_team(team).order_by("-score", "id"))


def test_jobs_are_split_capped_and_not_retraced(team, leads, settings, monkeypatch):
    monkeypatch.setattr(SkipTraceJob, "SIZE", 2)
    settings.SKIPTRACE_DAILY_CAP = 4
    jobs = skiptrace_jobs_create(team=team, start=False)
    assert [job.total for job in jobs] == [2, 2]
    for job in jobs:
        skiptrace_job_run(job_id=job.pk, provider=SandboxSkipTrace())
    assert SkipTraceResult.objects.filter(team=team).count() == 4
    with pytest.raises(EnrichmentError) as err:
        skiptrace_jobs_create(team=team, start=False)
    assert err.value.code == "DAILY_CAP_REACHED"
    settings.SKIPTRACE_DAILY_CAP = 100
    again = skiptrace_jobs_create(team=team, start=False)
    assert sum(job.total for job in again) == 1  # the four traced today are inside the re-trace window


def test_a_sandbox_job_records_results_upserts_contacts_with_provenance(team, leads):
    (job,) = skiptrace_jobs_create(team=team, start=False)
    job = skiptrace_job_run(job_id=job.pk, provider=SandboxSkipTrace())
    assert job.status == "completed"
    assert job.done == 5
    assert job.matched + job.no_results + job.failed == 5
    assert SkipTraceResult.objects.filter(job=job).count() == 5
    for lead in Lead.objects.for_team(team):
        result = SkipTraceResult.objects.get(lead=lead)
        assert lead.enrichment_status == ("completed" if result.matched else "no_results")
        assert lead.traced_at is not None
    traced = PersonaPhone.objects.filter(team=team).exclude(provenance={})
    if job.matched:
        assert traced.exists()
        assert all(p.provenance["phone_type"]["source"] == "sandbox" for p in traced)
    assert StageFailure.objects.filter(stage=5, code="NO_RESULTS").count() == job.no_results


def test_lead_settings_cap_overrides_the_default(team, leads, settings):
    settings.SKIPTRACE_DAILY_CAP = 100
    row = lead_settings_get(team=team)
    row.daily_trace_cap = 1
    row.save()
    (job,) = skiptrace_jobs_create(team=team, start=False)
    assert job.total == 1


@responses.activate
def test_an_auth_error_stops_the_job_at_once(team, leads):
    responses.post(f"{API}/v1/SkipTrace", status=401, json={"statusCode": 401, "error": "Unauthorized"})
    client = RealEstateApiClient(api_key="bad", sleep=lambda s: None)
    (job,) = skiptrace_jobs_create(team=team, start=False)
    job = skiptrace_job_run(job_id=job.pk, provider=client)
    assert job.status == "failed"
    assert job.error_code == "CONFIG_ERROR"
    assert len(responses.calls) == 1
    assert Lead.objects.for_team(team).filter(traced_at__isnull=False).count() == 0


@responses.activate
def test_rate_limit_and_no_match_are_per_item_outcomes(team, leads):
    match = {
        "match": True,
        "output": {
            "identity": {
                "phones": [{"phone": "5125550199", "phoneType": "mobile", "isConnected": True, "doNotCall": False}],
                "emails": [{"email": "ANN@ACME.COM"}],
            }
        },
        "credits": 1,
    }
    responses.post(f"{API}/v1/SkipTrace", json=match)
    responses.post(f"{API}/v1/SkipTrace", status=404, json={"match": False})
    for _ in range(10):
        responses.post(f"{API}/v1/SkipTrace", status=429, json={"statusCode": 429})
    client = RealEstateApiClient(api_key="k", max_retries=2, sleep=lambda s: None)
    (job,) = skiptrace_jobs_create(team=team, limit=3, start=False)
    job = skiptrace_job_run(job_id=job.pk, provider=client)
    assert (job.status, job.matched, job.no_results, job.failed) == ("completed", 1, 1, 1)
    assert StageFailure.objects.filter(stage=5, code="RATE_LIMIT").count() == 1
    matched = SkipTraceResult.objects.get(job=job, matched=True)
    phone = PersonaPhone.objects.get(persona_id=matched.persona_id, normalized_number="5125550199")
    assert (phone.phone_type, phone.is_connected) == ("mobile", True)
    assert PersonaEmail.objects.filter(persona_id=matched.persona_id, email="ann@acme.com").exists()


def test_enrich_command_runs_jobs_and_prints_json(team, leads):
    import io
    import json

    from django.core.management import call_command

    out = io.StringIO()
    call_command("enrich", team=team.slug, limit=3, json=True, stdout=out)
    summary = json.loads(out.getvalue())
    assert summary["leads"] == 3
    assert summary["matched"] + summary["no_results"] + summary["failed"] == 3
    assert summary["status"] == "completed"


def test_enrich_from_the_lead_list_page_and_follow_the_job(operator_client, team, leads):
    from django.urls import reverse

    response = operator_client.post(reverse("leads:lead-enrich"), {"state": "TX"})
    job = SkipTraceJob.objects.get(team=team)
    assert response.status_code == 302
    assert response.url == reverse("leads:job-detail", args=[job.pk])
    job.refresh_from_db()
    assert (job.status, job.done, job.total) == ("completed", 5, 5)  # tasks run inline in tests
    page = operator_client.get(response.url)
    assert b"sandbox: simulated results" in page.content
    fragment = operator_client.get(response.url, HTTP_HX_REQUEST="true")
    assert b'data-testid="job-progress"' in fragment.content
    assert b"<html" not in fragment.content
    listing = operator_client.get(reverse("leads:lead-list"))
    assert b"Skip-trace the leads shown" in listing.content


def test_enrich_from_the_api_and_read_jobs(operator_api, outsider_api, team, leads):
    chosen = [leads[0].pk, leads[1].pk]
    created = operator_api.post("/api/v1/leads/enrich/", {"leads": chosen}, format="json")
    assert created.status_code == 201
    (job,) = created.json()
    assert sorted(job["lead_ids"]) == sorted(chosen)
    detail = operator_api.get(f"/api/v1/skiptrace-jobs/{job['id']}/").json()
    assert detail["done"] == 2
    assert outsider_api.get(f"/api/v1/skiptrace-jobs/{job['id']}/").status_code == 404
    again = operator_api.post("/api/v1/leads/enrich/", {"leads": chosen}, format="json")
    assert again.status_code == 409
    assert again.json()["code"] == "NOTHING_TO_TRACE"
