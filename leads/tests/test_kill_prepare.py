"""A real ``qcluster`` worker killed by SIGKILL in the middle of stage 4 (lead preparation): the sweeper hands the
preparation to another worker within about a minute, and every lead is made and scored once.

The clusters are separate processes sharing the test database through the ORM broker, so this needs a
database other processes can open: PostgreSQL (CI runs it).
"""

import os
import signal
import time

import pytest
from django.db.models import Count
from django_q.models import Task

from bench.generate import write_csv
from ingestion import services as ingestion
from ingestion.tests.factories import upload
from leads.models import Lead, LeadPreparation
from usdatabiz.core.handovers import HANDED_OVER
from usdatabiz.core.models import StageFailure, StageRun
from usdatabiz.core.services import stage_run_finish, stage_run_start
from usdatabiz.core.tests.qcluster import QCluster, needs_a_shared_database, queue_on, wait_for

pytestmark = [
    pytest.mark.kill,
    needs_a_shared_database(),
    pytest.mark.django_db(transaction=True),
]
PIPELINE = "leads.tests.stage4_pipeline"
SWEEP = "usdatabiz.core.tasks.work_sweep_task"


def test_a_worker_killed_mid_stage_4_is_replaced_and_makes_each_lead_once(team, tmp_path, settings):
    # given a team whose 12,000-row list was loaded (stages 1-2, here) and resolved (a stage-3 run)
    settings.PIPELINE_MODULE = PIPELINE
    path = tmp_path / "list.csv"
    write_csv(path, 12000, seed=11)
    data_source = ingestion.data_source_create(team=team, file=upload(path.read_bytes()), start=False)
    assert ingestion.data_source_process(data_source_id=data_source.pk).status == "completed"
    stage_3 = stage_run_finish(run=stage_run_start(team=team, stage=3), status=StageRun.Status.SUCCEEDED)
    # and a bulk cluster of 2 workers and a real-time cluster for the sweeper, with 3-second leases
    env = {"WORK_LEASE_SECONDS": 3}
    started = []
    try:
        started.append(QCluster("bulk", pipeline=PIPELINE, workers=2, **env).start())
        started.append(QCluster("realtime", pipeline=PIPELINE, **env).start())
        queue_on("leads.tasks.lead_prepare_task", stage_3.pk, lane="bulk", team_id=team.pk)

        # when the worker holding stage 4 is killed once it has scored a first batch
        def scoring():
            return Lead.objects.filter(team=team, scored_at__isnull=False).exists() and (
                LeadPreparation.objects.filter(team=team, state="running").exists()
            )

        wait_for(scoring, 120, "stage 4 scoring")
        owner = LeadPreparation.objects.get(team=team).lease_owner
        os.kill(int(owner.rsplit(":", 1)[1]), signal.SIGKILL)
        killed_at = time.monotonic()
        assert Lead.objects.filter(team=team, scored_at__isnull=True).exists(), "stage 4 finished before the kill"
        sweeps = []

        def finished():
            if time.monotonic() - killed_at > 10 * (len(sweeps) + 1):
                sweeps.append(queue_on(SWEEP, lane="realtime"))
            return LeadPreparation.objects.filter(team=team, state__in=["done", "failed"]).exists()

        # then another worker finishes it within about a minute of the kill (the sweeper runs every 10 s here)
        wait_for(finished, 120, "stage 4")
        took = time.monotonic() - killed_at
        wait_for(lambda: Task.objects.filter(func=f"{PIPELINE}.record_handover").exists(), 30, "the hand-over")
    finally:
        for cluster in started:
            if cluster.process.poll() is None:
                os.killpg(cluster.process.pid, signal.SIGKILL)
                cluster.process.wait()
    preparation = LeadPreparation.objects.get(team=team)
    assert (preparation.state, preparation.error_code) == ("done", "")
    assert preparation.attempts >= 2
    assert took < 75, f"took {took:.0f} s"
    # and every lead was made once and scored: one per persona and business, none unscored
    leads = Lead.objects.filter(team=team)
    assert leads.count() > 0
    assert not leads.values("persona", "business").annotate(n=Count("id")).filter(n__gt=1).exists()
    assert not leads.filter(scored_at__isnull=True).exists()
    # with one MISSING_DATA record at most per lead
    missing = StageFailure.objects.filter(team=team, stage=4, code="MISSING_DATA")
    assert not missing.values("subject_id").annotate(n=Count("id")).filter(n__gt=1).exists()
    # the dead worker's run closed as RUN_ABANDONED, the last one succeeded, stage 5 queued once
    runs = list(StageRun.objects.filter(team=team, stage=4).order_by("started_at").values_list("status", flat=True))
    assert (runs[0], runs[-1]) == ("failed", "succeeded")
    assert StageFailure.objects.filter(team=team, stage=4, code="RUN_ABANDONED").count() == len(runs) - 1
    # the hand-over ran the next stage once; a copy the sweeper sent meanwhile found it claimed and did nothing
    results = [task.result for task in Task.objects.filter(func=f"{PIPELINE}.record_handover")]
    assert results.count("recorded") == 1
    assert set(results) <= {"recorded", HANDED_OVER}
