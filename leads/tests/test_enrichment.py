"""Stage 5 jobs: split into 250s, capped per day, never re-traced too soon, every outcome recorded."""

import json

import pytest
import responses

from identity.models import PersonaEmail, PersonaPhone
from leads.enrichment import EnrichmentError, skiptrace_job_run, skiptrace_jobs_create
from leads.models import Lead, SkipTraceJob, SkipTraceResult
from leads.services import lead_settings_get
from leads.skiptrace import RealEstateApiClient, SandboxSkipTrace
from leads.tests.factories import five_leads
from usdatabiz.core.models import StageFailure

API = "https://api.realestateapi.com"


@pytest.fixture
def leads(team):
    return five_leads(team)


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
    job = skiptrace_job_run(job_id=job.pk, provider=client, batch_size=1)
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
    job = skiptrace_job_run(job_id=job.pk, provider=client, batch_size=1)
    assert (job.status, job.matched, job.no_results, job.failed) == ("completed", 1, 1, 1)
    assert StageFailure.objects.filter(stage=5, code="RATE_LIMIT").count() == 1
    matched = SkipTraceResult.objects.get(job=job, matched=True)
    phone = PersonaPhone.objects.get(persona_id=matched.persona_id, normalized_number="5125550199")
    assert (phone.phone_type, phone.is_connected) == ("mobile", True)
    assert PersonaEmail.objects.filter(persona_id=matched.persona_id, email="ann@acme.com").exists()


def test_enrich_command_runs_jobs_and_prints_json(team, leads):
    import io

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


def _v2_item(phone: str | None):
    if phone is None:
        return {"input": {}, "data": {"match": False}}
    return {"input": {}, "data": {"phones": [{"phone": phone, "phoneType": "W", "phoneFtcDnc": "N"}], "emails": []}}


@responses.activate
def test_jobs_use_the_batch_endpoint_in_slices(team, leads):
    responses.post(f"{API}/v2/SkipTraceBatchAwait", json={"data": [_v2_item("5125550101"), _v2_item(None)]})
    responses.post(f"{API}/v2/SkipTraceBatchAwait", json={"data": [_v2_item("5125550102"), _v2_item("5125550103")]})
    responses.post(f"{API}/v1/SkipTrace", status=404, json={"match": False})
    client = RealEstateApiClient(api_key="k", sleep=lambda s: None)
    (job,) = skiptrace_jobs_create(team=team, start=False)
    job = skiptrace_job_run(job_id=job.pk, provider=client, batch_size=2)
    # two slices of two go to the batch endpoint; the last slice of one to the single lookup
    assert [c.request.url.rsplit("/", 2)[-2:] for c in responses.calls] == [
        ["v2", "SkipTraceBatchAwait"],
        ["v2", "SkipTraceBatchAwait"],
        ["v1", "SkipTrace"],
    ]
    assert [len(json.loads(c.request.body)["skips"]) for c in responses.calls[:2]] == [2, 2]
    assert (job.status, job.done, job.matched, job.no_results, job.failed) == ("completed", 5, 3, 2, 0)
    mobiles = PersonaPhone.objects.filter(team=team, phone_type="mobile", normalized_number__startswith="51255501")
    assert mobiles.count() == 3


@responses.activate
def test_a_failed_slice_fails_its_leads_only_and_they_can_be_traced_again(team, leads):
    responses.post(f"{API}/v2/SkipTraceBatchAwait", status=500, json={"error": "boom"})
    responses.post(f"{API}/v2/SkipTraceBatchAwait", json={"data": [_v2_item("5125550101"), _v2_item("5125550102")]})
    client = RealEstateApiClient(api_key="k", max_retries=0, sleep=lambda s: None)
    (job,) = skiptrace_jobs_create(team=team, limit=4, start=False)
    job = skiptrace_job_run(job_id=job.pk, provider=client, batch_size=2)
    assert (job.status, job.failed, job.matched) == ("completed", 2, 2)
    failed = Lead.objects.for_team(team).filter(enrichment_status="failed")
    assert failed.count() == 2
    assert not failed.filter(traced_at__isnull=False).exists()
    assert StageFailure.objects.filter(stage=5, code="PROVIDER_ERROR").count() == 2
    (retry,) = skiptrace_jobs_create(team=team, leads=failed, start=False)
    assert sorted(retry.lead_ids) == sorted(failed.values_list("pk", flat=True))


@responses.activate
def test_the_daily_limit_pauses_the_job_until_midnight_utc_and_it_resumes(team, leads):
    from datetime import UTC, datetime

    from django_q.models import Schedule

    from leads.tasks import skiptrace_job_run_task

    responses.post(f"{API}/v1/SkipTrace", json={"match": True, "output": {"identity": {"phones": [], "emails": []}}})
    responses.post(f"{API}/v1/SkipTrace", status=429, json={"statusCode": 429, "error": "Daily match limit reached"})
    client = RealEstateApiClient(api_key="k", per_second=0, sleep=lambda s: pytest.fail("a daily limit is not retried"))
    (job,) = skiptrace_jobs_create(team=team, limit=3, start=False)
    job = skiptrace_job_run(job_id=job.pk, provider=client, batch_size=1)
    assert (job.status, job.done, job.error_code) == ("paused", 1, "RATE_LIMIT")
    assert len(responses.calls) == 2
    now = datetime.now(UTC)
    assert job.resume_at > now
    assert (job.resume_at.hour, job.resume_at.minute, job.resume_at.second) == (0, 0, 0)
    assert (job.resume_at - now).total_seconds() <= 86400
    schedule = Schedule.objects.get(name=f"resume {job.pk}")
    assert (schedule.func, schedule.next_run, schedule.schedule_type) == (
        "leads.tasks.skiptrace_job_run_task",
        job.resume_at,
        Schedule.ONCE,
    )
    assert __import__("ast").literal_eval(schedule.args) == (job.pk,)
    assert StageFailure.objects.filter(stage=5, code="RATE_LIMIT", subject_id=job.pk).exists()

    # at midnight the schedule runs the task: the job goes on with the leads not yet traced
    skiptrace_job_run_task(job.pk)
    job.refresh_from_db()
    assert (job.status, job.done, job.resume_at) == ("completed", 3, None)
    assert SkipTraceResult.objects.filter(job=job).count() == 3


def test_the_sandbox_can_inject_the_daily_limit(team, leads):
    (job,) = skiptrace_jobs_create(team=team, start=False)
    job = skiptrace_job_run(job_id=job.pk, provider=SandboxSkipTrace(fail_every=1, failure="daily_limit"))
    assert (job.status, job.done) == ("paused", 0)
    assert "resets at midnight UTC" in job.error_message
