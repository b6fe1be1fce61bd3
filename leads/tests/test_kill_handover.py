"""A real bulk ``qcluster`` killed as a whole while it holds the start of stage 4 it pulled from the queue (the
hand-over of a stage-3 run, not begun yet): the sweeper sends the hand-over again within about a minute, not after
``Q_RETRY``, and stage 4 makes the same leads as an uninterrupted run, once.

The clusters are separate processes sharing the test database through the ORM broker, so this needs a
database other processes can open: PostgreSQL (CI runs it).
"""

import os
import signal
import time

import pytest
from django.utils import timezone
from django_q.conf import Conf
from django_q.models import OrmQ, Task

from bench.generate import write_csv
from ingestion import services as ingestion
from ingestion.tests.factories import upload
from leads.models import Lead, LeadPreparation
from leads.tasks import lead_prepare_task
from usdatabiz.core import journey
from usdatabiz.core.handovers import HANDED_OVER
from usdatabiz.core.models import JourneyHandover, StageRun
from usdatabiz.core.services import stage_run_finish, stage_run_start
from usdatabiz.core.tests.factories import TeamFactory
from usdatabiz.core.tests.qcluster import SWEEP_EVERY, QCluster, needs_a_shared_database, queue_on, wait_for

pytestmark = [
    pytest.mark.kill,
    needs_a_shared_database(),
    pytest.mark.django_db(transaction=True),
]
PIPELINE = "leads.tests.stage4_pipeline"
PREPARE = "leads.tasks.lead_prepare_task"
SWEEP = "usdatabiz.core.tasks.work_sweep_task"


def _resolved(team, content: bytes) -> StageRun:
    """A team whose list was loaded (stages 1-2, here) and resolved: a finished stage-3 run."""
    data_source = ingestion.data_source_create(team=team, file=upload(content), start=False)
    assert ingestion.data_source_process(data_source_id=data_source.pk).status == "completed"
    return stage_run_finish(run=stage_run_start(team=team, stage=3), status=StageRun.Status.SUCCEEDED)


def _leads(team) -> list[tuple]:
    return sorted(
        (lead.persona.source_record_id, lead.score, tuple(lead.tags), tuple(lead.flags))
        for lead in Lead.objects.filter(team=team).select_related("persona")
    )


def test_a_cluster_killed_holding_the_start_of_stage_4_resumes_within_a_minute(team, tmp_path, settings, monkeypatch):
    # given a team whose 600-row list was loaded and resolved
    settings.PIPELINE_MODULE = PIPELINE
    path = tmp_path / "list.csv"
    write_csv(path, 600, seed=5)
    content = path.read_bytes()
    stage_3 = _resolved(team, content)
    # and a bulk cluster of one worker and a real-time cluster for the sweeper
    env = {"WORK_LEASE_SECONDS": 3}
    started = []

    def pulled_start():
        """The start of stage 4 was pulled from the queue by the cluster (locked until Q_RETRY), not yet begun."""
        pulled = [row for row in OrmQ.objects.filter(key="bulk", lock__gt=timezone.now()) if row.func() == PREPARE]
        return bool(pulled) and JourneyHandover.objects.filter(team=team, attempts=0).exists()

    try:
        first = QCluster("bulk", pipeline=PIPELINE, **env).start()
        started.append(first)
        started.append(QCluster("realtime", pipeline=PIPELINE, **env).start())
        # the worker is busy with a long task when stage 3 ends and hands over, so the cluster pulls the start
        # of stage 4 and keeps it in memory
        queue_on(f"{PIPELINE}.hold", 60, lane="bulk")
        wait_for(lambda: OrmQ.objects.filter(key="bulk", lock__gt=timezone.now()).exists(), 30, "the hold pulled")
        settings.Q_CLUSTER = {**settings.Q_CLUSTER, "sync": False}
        monkeypatch.setattr(Conf, "SYNC", False)
        journey.advance(stage=3, subject_id=stage_3.pk, team_id=team.pk)
        wait_for(pulled_start, 60, "the start of stage 4 pulled by the cluster")
        queue_on(SWEEP, lane="realtime")
        wait_for(lambda: Task.objects.filter(func=SWEEP).exists(), 30, "a sweep")
        assert pulled_start(), "stage 4 began before the kill"

        # when the whole cluster is killed, another bulk cluster starts, and the real-time cluster sweeps (every
        # SWEEP_EVERY s here; every minute in production)
        os.killpg(first.process.pid, signal.SIGKILL)
        killed_at = time.monotonic()
        first.process.wait()
        started.append(QCluster("bulk", pipeline=PIPELINE, **env).start())
        sweeps = []

        def finished():
            if time.monotonic() - killed_at > SWEEP_EVERY * (len(sweeps) + 1):
                sweeps.append(queue_on(SWEEP, lane="realtime"))
            return LeadPreparation.objects.filter(team=team, state__in=["done", "failed"]).exists()

        # then stage 4 runs within about a minute of the kill, not after Q_RETRY, and hands over once
        wait_for(finished, 120, "stage 4")
        took = time.monotonic() - killed_at
        wait_for(
            lambda: Task.objects.filter(func=f"{PIPELINE}.record_handover").exists(),
            30,
            "stage 4's hand-over",
        )
    finally:
        for cluster in started:
            if cluster.process.poll() is None:
                os.killpg(cluster.process.pid, signal.SIGKILL)
                cluster.process.wait()
    assert took < 75, f"took {took:.0f} s"
    # by the hand-over the sweeper sent again, claimed once; the lost copy is still locked in the queue
    handover = JourneyHandover.objects.get(team=team, stage=3)
    assert (handover.state, handover.attempts) == ("done", 1)
    assert any(row.func() == PREPARE for row in OrmQ.objects.filter(key="bulk", lock__gt=timezone.now()))
    preparation = LeadPreparation.objects.get(team=team)
    assert (preparation.state, preparation.after) == ("done", stage_3.pk)
    assert StageRun.objects.filter(team=team, stage=4, status="succeeded").count() == 1
    # the hand-over ran the next stage once; a copy the sweeper sent meanwhile found it claimed and did nothing
    results = [task.result for task in Task.objects.filter(func=f"{PIPELINE}.record_handover")]
    assert results.count("recorded") == 1
    assert set(results) <= {"recorded", HANDED_OVER}
    # and its leads equal those of an uninterrupted run of the same list
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "sync": True}
    monkeypatch.setattr(Conf, "SYNC", True)
    reference = TeamFactory(slug="reference")
    lead_prepare_task(_resolved(reference, content).pk, team_id=reference.pk)
    outcome = _leads(team)
    assert len(outcome) > 0
    assert outcome == _leads(reference)
