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
