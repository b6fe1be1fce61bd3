"""Recovers by itself: a worker that dies holding a send slice or a skip-trace job is replaced by the sweeper
(within a minute, not after Q_RETRY), nothing is sent or paid for twice, and no run stays "running"."""

import json
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from campaigns.models import CampaignLead
from identity.tests.factories import BusinessFactory, person_with_contacts
from leads.enrichment import skiptrace_job_run, skiptrace_jobs_create
from leads.models import Lead, SkipTraceJob, SkipTraceResult
from leads.services import leads_prepare
from leads.skiptrace import SandboxSkipTrace
from messaging import services as messaging
from messaging.models import Message, SendSlice
from messaging.sms import SandboxSms
from messaging.tests.factories import sending_campaign
from usdatabiz.core.leases import stage_runs_sweep, work_claim, work_sweep
from usdatabiz.core.models import Alert, StageFailure, StageRun
from usdatabiz.core.services import stage_run_start

DAY = datetime(2026, 12, 1, 17, 0, tzinfo=UTC)  # 11:00 in Austin


class WorkerKilled(BaseException):
    """Stands for SIGKILL: the worker stops where it is, nothing after it runs (not an Exception)."""


class DiesOnCall(SandboxSms):
    """A sandbox provider whose worker is killed while its ``n``-th text is with the provider."""

    def __init__(self, n):
        super().__init__()
        self.n = n

    def send_sms(self, **kwargs):
        self.calls_made = getattr(self, "calls_made", 0) + 1
        outcome = super().send_sms(**kwargs)
        if self.calls_made == self.n:
            raise WorkerKilled
        return outcome


@pytest.fixture(autouse=True)
def _daytime(time_machine):
    time_machine.move_to(DAY)


def _expire(model, pk):
    model.objects.filter(pk=pk).update(lease_expires_at=timezone.now() - timedelta(seconds=1))


def test_a_send_slice_of_a_dead_worker_goes_on_elsewhere_without_a_double_text(team, operator, settings):
    # given a campaign of 5 people whose worker is killed while the 3rd text is with the provider
    settings.WORK_LEASE_SECONDS = 30
    campaign = sending_campaign(team, operator, 5)
    with pytest.raises(WorkerKilled):
        messaging.campaign_send_slice(campaign_id=campaign.pk, provider=DiesOnCall(3))
    send_slice = SendSlice.objects.get(campaign=campaign)
    dead_run = StageRun.objects.get(stage=7, subject_id=campaign.pk)
    assert (send_slice.state, dead_run.status) == ("running", "running")
    # a second delivery of the task while the lease is live does nothing
    assert messaging.send_slice_run(slice_id=send_slice.pk, provider=SandboxSms()) is None

    # when its lease expires and the sweeper runs (every minute), another worker takes the slice over
    _expire(SendSlice, send_slice.pk)
    assert work_sweep()["requeued"] == 1

    # then the slice is done by a second claim, the dead worker's run is closed as RUN_ABANDONED
    send_slice.refresh_from_db()
    assert (send_slice.state, send_slice.attempts) == ("done", 2)
    dead_run.refresh_from_db()
    assert dead_run.status == "failed"
    assert dead_run.detail.startswith("RUN_ABANDONED")
    assert StageFailure.objects.filter(run=dead_run, code="RUN_ABANDONED").count() == 1
    # and everyone got exactly one text: four sent, the one caught in flight held for review (same key)
    per_person = {}
    for persona_id, status in Message.objects.filter(campaign=campaign).values_list("persona_id", "status"):
        per_person.setdefault(persona_id, []).append(status)
    assert len(per_person) == 5
    assert sorted(statuses[0] for statuses in per_person.values()) == ["held", "sent", "sent", "sent", "sent"]
    assert all(len(statuses) == 1 for statuses in per_person.values())
    assert CampaignLead.objects.filter(campaign=campaign, status="sent").count() == 4
    assert CampaignLead.objects.get(campaign=campaign, status="pending").skip_code == "HELD"


def test_a_slice_given_up_after_max_attempts_fails_with_task_timeout_pauses_the_campaign_and_alerts(
    team, operator, settings
):
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "max_attempts": 2}
    campaign = sending_campaign(team, operator, 2)
    send_slice = SendSlice.objects.create(team=team, campaign=campaign, due_at=timezone.now())
    # the second worker to hold it dies too, leaving its run open
    assert work_claim(SendSlice, send_slice.pk, owner="dead:2") is not None
    run = stage_run_start(team=team, stage=7, subject=campaign)
    SendSlice.objects.filter(pk=send_slice.pk).update(run=run, attempts=2)
    _expire(SendSlice, send_slice.pk)
    assert work_sweep() == {"requeued": 0, "failed": 1}
    send_slice.refresh_from_db()
    campaign.refresh_from_db()
    assert (send_slice.state, send_slice.error_code) == ("failed", "TASK_TIMEOUT")
    assert campaign.status == "paused"
    assert Message.objects.filter(campaign=campaign).count() == 0
    alert = Alert.objects.get(team=team)
    assert (alert.kind, alert.code, alert.stage) == ("failure", "TASK_TIMEOUT", 7)
    assert not StageRun.objects.filter(status="running").exists()


class DiesOnBatch(SandboxSkipTrace):
    def __init__(self, n):
        super().__init__()
        self.n, self.seen = n, 0

    def skip_trace(self, person):
        self.seen += 1
        if self.seen == self.n:
            raise WorkerKilled
        return super().skip_trace(person)


@pytest.fixture
def leads(team):
    for i in range(4):
        business = BusinessFactory(team=team, name=f"Biz {i}", normalized_name=f"BIZ {i}", state="TX", zip5="78701")
        person_with_contacts(team, f"F{i}", f"L{i}", business=business)
    leads_prepare(team=team)
    return list(Lead.objects.filter(team=team))


def test_a_skiptrace_job_of_a_dead_worker_goes_on_elsewhere_and_traces_each_lead_once(team, leads):
    # given a job of 4 leads whose worker dies on the 3rd lookup (one lookup per call)
    (job,) = skiptrace_jobs_create(team=team, start=False)
    with pytest.raises(WorkerKilled):
        skiptrace_job_run(job_id=job.pk, provider=DiesOnBatch(3), batch_size=1)
    job.refresh_from_db()
    assert (job.state, job.status, job.done) == ("running", "running", 2)

    # when the lease expires and the sweeper runs
    _expire(SkipTraceJob, job.pk)
    assert work_sweep()["requeued"] == 1

    # then another worker finished it: 4 results, one per lead, and no run left running
    job.refresh_from_db()
    assert (job.state, job.status, job.attempts) == ("done", "completed", 2)
    assert sorted(SkipTraceResult.objects.filter(job=job).values_list("lead_id", flat=True)) == sorted(
        lead.pk for lead in leads
    )
    runs = list(
        StageRun.objects.filter(stage=5, subject_id=job.pk).order_by("started_at").values_list("status", flat=True)
    )
    assert runs == ["failed", "succeeded"]


def test_a_run_left_running_past_q_timeout_is_closed_with_run_abandoned_and_alerts(team, settings):
    # given a stage-4 run whose worker was killed by Q_TIMEOUT (nothing leased goes on with it)
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "timeout": 60}
    run = stage_run_start(team=team, stage=4)
    StageRun.objects.filter(pk=run.pk).update(started_at=timezone.now() - timedelta(minutes=5))
    fresh = stage_run_start(team=team, stage=4)

    # when the sweeper runs
    assert stage_runs_sweep() == 1

    # then the old run is failed with RUN_ABANDONED (ledger and alert); the recent one stays open
    run.refresh_from_db()
    assert (run.status, run.finished_at is not None) == ("failed", True)
    assert StageFailure.objects.get(run=run).code == "RUN_ABANDONED"
    assert Alert.objects.get(team=team).code == "RUN_ABANDONED"
    fresh.refresh_from_db()
    assert fresh.status == "running"
    assert stage_runs_sweep() == 0


def test_sweep_leases_command_hands_work_on_and_says_what_it_did(team, operator):
    campaign = sending_campaign(team, operator, 2)
    send_slice = SendSlice.objects.create(team=team, campaign=campaign, due_at=timezone.now())
    work_claim(SendSlice, send_slice.pk, owner="dead:1")
    _expire(SendSlice, send_slice.pk)
    out = StringIO()
    call_command("sweep_leases", "--json", stdout=out)
    assert json.loads(out.getvalue()) == {"requeued": 1, "failed": 0, "runs_closed": 0}
    assert Message.objects.filter(campaign=campaign, status="sent").count() == 2


@pytest.fixture
def list_of_rows(tmp_path):
    from bench.generate import write_csv

    path = tmp_path / "list.csv"
    write_csv(path, 3000, seed=5)
    return path.read_bytes()


def _dies_on_row(monkeypatch, n):
    """Kill the worker checking a file (stage 1) when it reads its ``n``-th row."""
    from ingestion import services as ingestion

    real, seen = ingestion.row_width_ok, []

    def row_width_ok(cells, width):
        seen.append(1)
        if len(seen) == n:
            raise WorkerKilled
        return real(cells, width)

    monkeypatch.setattr(ingestion, "row_width_ok", row_width_ok)


def test_a_file_whose_check_was_killed_goes_on_elsewhere_and_loads_what_an_uninterrupted_run_loads(
    team, list_of_rows, monkeypatch
):
    from identity.models import Persona
    from ingestion import services as ingestion
    from ingestion.models import DataSource, IngestScan
    from ingestion.tasks import data_source_normalize_task
    from ingestion.tests.factories import upload
    from usdatabiz.core.tests.factories import TeamFactory

    # given a 3,000-row file whose stage-1 worker is killed at row 2,500
    data_source = ingestion.data_source_create(team=team, file=upload(list_of_rows), start=False)
    _dies_on_row(monkeypatch, 2500)
    with pytest.raises(WorkerKilled):
        ingestion.data_source_ingest(data_source_id=data_source.pk)
    monkeypatch.undo()
    scan = IngestScan.objects.get(data_source=data_source)
    assert (scan.state, scan.attempts) == ("running", 1)
    # and a duplicate delivery of stage 2 does not complete a file that stage 1 has not cut yet
    assert data_source_normalize_task(data_source.pk) == "processing"
    assert not data_source.chunks.exists()

    # when its lease expires and the sweeper runs
    _expire(IngestScan, scan.pk)
    assert work_sweep(models=[IngestScan]) == {"requeued": 1, "failed": 0}

    # then another worker checked the file again and it loaded in full, as an uninterrupted run of it does
    data_source.refresh_from_db()
    scan.refresh_from_db()
    assert data_source.status == DataSource.Status.COMPLETED, data_source.error_message
    assert (scan.state, scan.attempts) == ("done", 2)
    reference = ingestion.data_source_create(team=TeamFactory(slug="ref"), file=upload(list_of_rows))
    reference.refresh_from_db()
    assert (data_source.record_count, data_source.loaded_count, data_source.row_error_count) == (
        reference.record_count,
        reference.loaded_count,
        reference.row_error_count,
    )
    rows = Persona.objects.filter(source_file=data_source.source_file).values_list("source_record_id", flat=True)
    assert len(rows) == len(set(rows)) == reference.loaded_count
    # and the dead worker's stage-1 run was closed, not left "running"
    upload_run, killed, resumed = StageRun.objects.filter(stage=1, subject_id=data_source.pk).order_by("started_at")
    assert (upload_run.detail, killed.status, resumed.status) == (
        f"stored {data_source.source_file}",
        "failed",
        "succeeded",
    )
    assert StageFailure.objects.filter(stage=1, code="RUN_ABANDONED", run=killed).count() == 1
    # felt from the upload, both times
    assert killed.triggered_at == resumed.triggered_at == data_source.created_at
    assert not StageRun.objects.filter(subject_id=data_source.pk, status="running").exists()


def test_a_file_whose_check_is_killed_q_max_attempts_times_fails_with_task_timeout_and_alerts(
    team, list_of_rows, monkeypatch, settings
):
    from ingestion import services as ingestion
    from ingestion.models import DataSource, IngestScan
    from ingestion.tests.factories import upload

    # given a file whose stage-1 worker died twice (Q_MAX_ATTEMPTS=2)
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "max_attempts": 2}
    data_source = ingestion.data_source_create(team=team, file=upload(list_of_rows), start=False)
    _dies_on_row(monkeypatch, 100)
    with pytest.raises(WorkerKilled):
        ingestion.data_source_ingest(data_source_id=data_source.pk)
    monkeypatch.undo()
    scan = IngestScan.objects.get(data_source=data_source)
    _expire(IngestScan, scan.pk)
    assert work_claim(IngestScan, scan.pk, owner="dead:2") is not None  # the second worker to take it dies too

    # when its lease expires again and the sweeper runs
    _expire(IngestScan, scan.pk)
    assert work_sweep(models=[IngestScan]) == {"requeued": 0, "failed": 1}

    # then the file failed with TASK_TIMEOUT, saying what happened, the team is alerted, and no run is left open
    data_source.refresh_from_db()
    assert (data_source.status, data_source.error_code) == (DataSource.Status.FAILED, "TASK_TIMEOUT")
    assert data_source.error_message.startswith("Checking the file: Its worker stopped (killed or timed out) 2 times")
    alert = Alert.objects.get(team=team)
    assert (alert.kind, alert.code, alert.stage) == ("failure", "TASK_TIMEOUT", 1)
    assert not StageRun.objects.filter(subject_id=data_source.pk, status="running").exists()


def _people(team, n):
    for i in range(n):
        business = BusinessFactory(team=team, name=f"Biz {i}", normalized_name=f"BIZ {i}", state="TX", zip5="78701")
        person_with_contacts(team, f"F{i}", f"L{i}", business=business)


def _leads_made(team) -> dict:
    """What stage 4 made for a team: leads per (persona name, business name), scores, stage-4 failures per code."""
    leads = Lead.objects.filter(team=team).select_related("persona", "business")
    failures = {}
    for code in (
        StageFailure.objects.filter(team=team, stage=4).exclude(code="RUN_ABANDONED").values_list("code", flat=True)
    ):
        failures[code] = failures.get(code, 0) + 1
    return {
        "leads": sorted((lead.persona.first_name, lead.business.name, lead.score, tuple(lead.tags)) for lead in leads),
        "unscored": leads.filter(scored_at__isnull=True).count(),
        "failures": failures,
    }


def test_stage_4_of_a_dead_worker_goes_on_elsewhere_and_makes_each_lead_once(team, monkeypatch):
    from leads import scoring
    from leads import services as lead_services
    from leads.models import LeadPreparation
    from leads.tasks import lead_prepare_task
    from usdatabiz.core.tests.factories import TeamFactory

    # given 6 people after stage 3, and a stage-4 worker killed while scoring its third batch of 2
    _people(team, 6)
    stage_3 = stage_run_start(team=team, stage=3)
    monkeypatch.setattr(lead_services, "BATCH", 2)
    real, calls = scoring.score_lead, []

    def score_lead(*args, **kwargs):
        calls.append(1)
        if len(calls) == 5:
            raise WorkerKilled
        return real(*args, **kwargs)

    monkeypatch.setattr(scoring, "score_lead", score_lead)
    with pytest.raises(WorkerKilled):
        lead_prepare_task(stage_3.pk, team_id=team.pk)
    monkeypatch.setattr(scoring, "score_lead", real)
    preparation = LeadPreparation.objects.get(team=team)
    dead_run = StageRun.objects.get(team=team, stage=4)
    assert (preparation.state, preparation.run_id, dead_run.status) == ("running", dead_run.pk, "running")
    assert Lead.objects.filter(team=team, scored_at__isnull=True).count() == 2
    # and a second delivery of the task while the lease is live does nothing
    assert lead_prepare_task(stage_3.pk, team_id=team.pk) == "held elsewhere or finished"

    # when its lease expires and the sweeper runs
    _expire(LeadPreparation, preparation.pk)
    assert work_sweep(models=[LeadPreparation]) == {"requeued": 1, "failed": 0}

    # then another worker finished stage 4: each lead made and scored once, as an uninterrupted run makes them
    preparation.refresh_from_db()
    assert (preparation.state, preparation.attempts) == ("done", 2)
    reference = TeamFactory(slug="ref")
    _people(reference, 6)
    lead_services.leads_prepare(team=reference)
    made = _leads_made(team)
    assert made == _leads_made(reference)
    assert (len(made["leads"]), made["unscored"]) == (6, 0)
    # the dead worker's run was closed as RUN_ABANDONED, the second one succeeded
    runs = list(StageRun.objects.filter(team=team, stage=4).order_by("started_at").values_list("status", flat=True))
    assert runs == ["failed", "succeeded"]
    dead_run.refresh_from_db()
    assert dead_run.detail.startswith("RUN_ABANDONED")
    assert StageFailure.objects.filter(run=dead_run, code="RUN_ABANDONED").count() == 1
    # and stage 5 followed it once; a late delivery of the task does nothing more
    assert SkipTraceJob.objects.filter(team=team).count() == 1
    assert lead_prepare_task(stage_3.pk, team_id=team.pk) == "held elsewhere or finished"
    assert StageRun.objects.filter(team=team, stage=4).count() == 2


def test_stage_4_given_up_after_max_attempts_fails_with_task_timeout_and_alerts(team, settings):
    from leads.models import LeadPreparation
    from leads.services import lead_preparation_create

    # given a stage-4 run whose second worker died too (Q_MAX_ATTEMPTS=2)
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "max_attempts": 2}
    _people(team, 2)
    preparation = lead_preparation_create(team=team, after="run_3")
    work_claim(LeadPreparation, preparation.pk, owner="dead:1")
    run = stage_run_start(team=team, stage=4)
    LeadPreparation.objects.filter(pk=preparation.pk).update(run=run, attempts=2)
    _expire(LeadPreparation, preparation.pk)

    # when the sweeper runs
    assert work_sweep(models=[LeadPreparation]) == {"requeued": 0, "failed": 1}

    # then it failed with TASK_TIMEOUT, the team is alerted and no run is left open
    preparation.refresh_from_db()
    assert (preparation.state, preparation.error_code) == ("failed", "TASK_TIMEOUT")
    alert = Alert.objects.get(team=team)
    assert (alert.kind, alert.code, alert.stage) == ("failure", "TASK_TIMEOUT", 4)
    assert not StageRun.objects.filter(team=team, status="running").exists()
