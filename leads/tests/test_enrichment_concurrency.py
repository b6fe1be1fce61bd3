"""Stage 5 under repeats: a double click, an API retry or two operators never queue or pay for a lead twice."""

import threading
import time

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from identity.models import PersonaPhone
from leads import enrichment
from leads.enrichment import EnrichmentError, skiptrace_job_run, skiptrace_jobs_create
from leads.models import Lead, SkipTraceJob, SkipTraceResult
from leads.skiptrace import SandboxSkipTrace
from leads.skiptrace.adapter import PhoneFound, TraceOutcome
from leads.tests.factories import five_leads
from usdatabiz.core.tests.concurrency import run_at_once


@pytest.fixture
def leads(team):
    return five_leads(team)


def _queued_lead_ids(team) -> list[str]:
    return [pk for job in SkipTraceJob.objects.filter(team=team) for pk in job.lead_ids]


def test_a_second_request_while_the_first_job_is_queued_finds_nothing_to_trace(team, leads, settings):
    # given the team's five leads already queued in a job nobody has run yet
    settings.SKIPTRACE_DAILY_CAP = 100
    (first,) = skiptrace_jobs_create(team=team, start=False)
    assert first.total == 5

    # when the same request comes again (a double click, an API retry)
    with pytest.raises(EnrichmentError) as err:
        skiptrace_jobs_create(team=team, start=False)

    # then nothing is queued twice
    assert (err.value.code, err.value.http_status) == ("NOTHING_TO_TRACE", 409)
    assert SkipTraceJob.objects.filter(team=team).count() == 1


def test_queued_lookups_count_against_the_daily_cap(team, leads, settings):
    # given a cap of four and four leads queued but not yet sent to the provider
    settings.SKIPTRACE_DAILY_CAP = 4
    (first,) = skiptrace_jobs_create(team=team, start=False)
    assert first.total == 4

    # when another request asks for the fifth lead
    with pytest.raises(EnrichmentError) as err:
        skiptrace_jobs_create(team=team, start=False)

    # then the cap is already spoken for
    assert err.value.code == "DAILY_CAP_REACHED"
    assert SkipTraceJob.objects.filter(team=team).count() == 1


def test_leads_of_a_finished_job_that_failed_can_be_queued_again_and_the_cap_frees_up(team, leads, settings):
    # given a queued job of two leads, then run to completion
    settings.SKIPTRACE_DAILY_CAP = 100
    (first,) = skiptrace_jobs_create(team=team, limit=2, start=False)
    skiptrace_job_run(job_id=first.pk, provider=SandboxSkipTrace())

    # when the rest is asked for
    (second,) = skiptrace_jobs_create(team=team, start=False)

    # then only the three leads never queued go, once each
    assert second.total == 3
    assert sorted(_queued_lead_ids(team)) == sorted(lead.pk for lead in leads)


def test_the_api_answers_409_and_the_page_shows_a_message_when_everything_is_already_queued(
    operator_api, operator_client, team, leads
):
    # given every lead already queued
    skiptrace_jobs_create(team=team, start=False)

    # when the API and the page ask again
    answer = operator_api.post("/api/v1/leads/enrich/", {}, format="json")
    page = operator_client.post(reverse("leads:lead-enrich"), {}, follow=True)

    # then both say there is nothing to trace and nothing more is queued
    assert answer.status_code == 409
    assert answer.json()["code"] == "NOTHING_TO_TRACE"
    assert b"NOTHING_TO_TRACE" in page.content
    assert SkipTraceJob.objects.filter(team=team).count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="two requests at once need PostgreSQL's row locks")
def test_two_requests_at_once_queue_each_lead_once(team, settings, monkeypatch):
    # given five traceable leads and a selection slow enough for two requests to overlap
    settings.SKIPTRACE_DAILY_CAP = 100
    five_leads(team)
    real_traceable = enrichment.traceable

    def slow_traceable(**kwargs):
        time.sleep(0.3)
        return real_traceable(**kwargs)

    monkeypatch.setattr(enrichment, "traceable", slow_traceable)
    start = threading.Barrier(2)
    outcomes, errors = [], []

    def request():
        try:
            start.wait(10)
            outcomes.append(sum(job.total for job in skiptrace_jobs_create(team=team.pk, start=False)))
        except EnrichmentError as exc:
            outcomes.append(exc.code)
        except Exception as exc:  # noqa: BLE001 - reported below, in the test's thread
            errors.append(exc)
        finally:
            connection.close()

    # when two requests for the same leads run at once
    run_at_once(request, request)

    # then one queues the five leads and the other finds nothing left
    assert errors == []
    assert sorted(outcomes, key=str) == [5, "NOTHING_TO_TRACE"]
    queued = _queued_lead_ids(team)
    assert len(queued) == len(set(queued)) == 5


def test_the_database_refuses_a_second_result_for_a_lead_in_one_job(team, leads):
    # given a job with one lead's answer stored
    (job,) = skiptrace_jobs_create(team=team, limit=1, start=False)
    skiptrace_job_run(job_id=job.pk, provider=SandboxSkipTrace())
    stored = SkipTraceResult.objects.get(job=job)

    # when a second answer for the same lead and job is written
    # then the database refuses it
    with pytest.raises(IntegrityError), transaction.atomic():
        SkipTraceResult.objects.create(
            team=team, job=job, lead_id=stored.lead_id, persona_id=stored.persona_id, provider="sandbox"
        )


def test_a_worker_whose_lease_was_taken_over_during_the_lookup_records_nothing(team, leads):
    # given a job whose lease passes to another worker while the first waits for the provider's answer
    (job,) = skiptrace_jobs_create(team=team, start=False)

    class TakenOverMidCall(SandboxSkipTrace):
        def skip_trace_batch(self, people):
            SkipTraceJob.objects.filter(pk=job.pk).update(lease_owner="another-worker")
            return [
                TraceOutcome(
                    matched=True,
                    phones=[PhoneFound(number="5125550166", phone_type="mobile", is_connected=True, do_not_call=False)],
                )
                for _ in people
            ]

    # when the first worker gets its answer back
    skiptrace_job_run(job_id=job.pk, provider=TakenOverMidCall(), batch_size=5)

    # then it stores no result and no phone: the worker holding the lease records them, once
    assert SkipTraceResult.objects.filter(job=job).count() == 0
    assert not PersonaPhone.objects.filter(team=team, normalized_number="5125550166").exists()
    assert Lead.objects.for_team(team).filter(traced_at__isnull=False).count() == 0


def test_the_same_answer_recorded_twice_keeps_one_phone(team, leads):
    # given one lookup's answer, with a number listed twice, recorded twice (a provider retry, a task re-run)
    lead = Lead.objects.select_related("persona").get(pk=leads[0].pk)
    found = PhoneFound(number="5125550177", phone_type="mobile", is_connected=True, do_not_call=False)
    outcome = TraceOutcome(matched=True, phones=[found, found])

    # when it is applied twice
    for _ in range(2):
        enrichment._upsert_contacts(lead, outcome, "sandbox", enrichment.timezone.now())

    # then the persona has that number once
    assert PersonaPhone.objects.filter(persona_id=lead.persona_id, normalized_number="5125550177").count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="two workers at once need PostgreSQL")
def test_two_workers_recording_the_same_answer_at_once_keep_one_phone(team):
    # given one lead and one answer that two workers record at the same moment (a lease taken over)
    leads = five_leads(team)
    lead = Lead.objects.select_related("persona").get(pk=leads[0].pk)
    found = PhoneFound(number="5125550188", phone_type="mobile", is_connected=True, do_not_call=False)
    outcome = TraceOutcome(matched=True, phones=[found])
    both_wrote = threading.Barrier(2)
    errors = []

    def worker():
        try:
            with transaction.atomic():
                enrichment._upsert_contacts(lead, outcome, "sandbox", enrichment.timezone.now())
                try:
                    both_wrote.wait(2)  # hold the transaction open until the other has written too
                except threading.BrokenBarrierError:
                    pass  # the other is waiting on our row: commit and let it go on
        except Exception as exc:  # noqa: BLE001 - reported below, in the test's thread
            errors.append(exc)
        finally:
            connection.close()

    # when both record it at once
    run_at_once(worker, worker)

    # then neither fails and the persona has the number once
    assert errors == []
    assert PersonaPhone.objects.filter(persona_id=lead.persona_id, normalized_number="5125550188").count() == 1
