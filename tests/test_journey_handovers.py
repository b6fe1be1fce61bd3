"""The hand-over from stage 3 to stage 4 as durable leased work: a follower task lost at the broker's edge after
stage 3 committed is sent again by the sweeper, and the outcome equals an uninterrupted run."""

from datetime import timedelta

import django_q.tasks
import pytest
from django.utils import timezone

from bench.generate import write_csv
from identity.tasks import identity_resolve_task
from ingestion import services as ingestion
from ingestion.tests.factories import upload
from leads.models import Lead, LeadPreparation
from leads.tasks import lead_prepare_task
from leads.tests import stage4_pipeline
from usdatabiz.core.handovers import HANDED_OVER
from usdatabiz.core.leases import work_sweep
from usdatabiz.core.models import JourneyHandover, StageRun
from usdatabiz.core.tests.factories import TeamFactory

pytestmark = pytest.mark.django_db
PREPARE = "leads.tasks.lead_prepare_task"


@pytest.fixture
def stage4(settings):
    """The real stages 3 and 4, a recorder after stage 4, and an empty roster of clusters seen by the sweeper."""
    from usdatabiz.core.lanes import _cache
    from usdatabiz.core.leases import _roster_key

    settings.PIPELINE_MODULE = "leads.tests.stage4_pipeline"
    stage4_pipeline.HANDED_OVER.clear()
    _cache().delete(_roster_key())
    yield stage4_pipeline.HANDED_OVER
    _cache().delete(_roster_key())
    stage4_pipeline.HANDED_OVER.clear()


def _cluster(name: str, *, born, lane: str = "bulk") -> dict:
    """A live cluster as ``core.lanes.running_clusters`` describes it."""
    return {"host": "host-a", "sentinel": 100, "lane": lane, "status": "Working", "workers": 2, "cluster_id": name,
            "born": born, "owners": ["host-a:101", "host-a:102"]}  # fmt: skip


def _loaded(team, content: bytes):
    data_source = ingestion.data_source_create(team=team, file=upload(content), start=False)
    assert ingestion.data_source_process(data_source_id=data_source.pk).status == "completed"
    return data_source


def _resolve(team, data_source, monkeypatch, *, drop: str | None) -> list:
    """Run stage 3 as its task does; the broker loses every task named ``drop`` on its way to a worker."""
    deliver, lost = django_q.tasks.async_task, []

    def broker(func, *args, **kwargs):
        if func == drop:
            lost.append((args, kwargs))
            return None
        return deliver(func, *args, **kwargs)

    monkeypatch.setattr(django_q.tasks, "async_task", broker)
    identity_resolve_task(data_source.pk, team_id=team.pk)
    monkeypatch.setattr(django_q.tasks, "async_task", deliver)
    return lost


def _outcome(team) -> list[tuple]:
    """The team's leads as stage 4 made them: per source row, its score, tags and flags."""
    return sorted(
        (lead.persona.source_record_id, lead.score, tuple(lead.tags), tuple(lead.flags), lead.status)
        for lead in Lead.objects.filter(team=team).select_related("persona")
    )


@pytest.fixture
def content(tmp_path) -> bytes:
    path = tmp_path / "list.csv"
    write_csv(path, 120, seed=7)
    return path.read_bytes()


def test_a_stage_4_start_lost_with_a_dead_cluster_is_sent_again_and_equals_an_uninterrupted_run(
    team, content, stage4, monkeypatch
):
    # given a team whose stage 3 committed and handed over at t0, and a follower task the bulk cluster A pulled
    # and lost when it was killed
    t0 = timezone.now()
    data_source = _loaded(team, content)
    lost = _resolve(team, data_source, monkeypatch, drop=PREPARE)
    (stage_3,) = StageRun.objects.filter(team=team, stage=3)
    assert stage_3.status == "succeeded"
    (handover,) = JourneyHandover.objects.filter(team=team)
    assert lost == [((stage_3.pk,), {"team_id": team.pk, "handover_id": handover.pk})]
    assert (handover.stage, handover.subject_id, handover.task, handover.lane) == (3, stage_3.pk, PREPARE, "bulk")
    assert (handover.state, handover.attempts, handover.enqueued_at is not None) == ("pending", 0, True)
    assert not LeadPreparation.objects.filter(team=team).exists()
    assert not Lead.objects.filter(team=team).exists()
    cluster_a = _cluster("a", born=t0 - timedelta(hours=1))
    # while A lives the start only waits in its queue: nothing is sent twice
    assert work_sweep(models=[JourneyHandover], now=t0 + timedelta(seconds=5), clusters=[cluster_a]) == {
        "requeued": 0,
        "failed": 0,
    }

    # when A is gone at the next sweep
    counts = work_sweep(models=[JourneyHandover], now=t0 + timedelta(seconds=65), clusters=[])

    # then stage 4 was started at once (not after WORK_LOST_AFTER_SECONDS) and handed over to what follows, once
    assert counts == {"requeued": 1, "failed": 0}
    handover.refresh_from_db()
    assert (handover.state, handover.attempts, handover.error_code) == ("done", 1, "")
    (preparation,) = LeadPreparation.objects.filter(team=team)
    assert (preparation.state, preparation.after) == ("done", stage_3.pk)
    (stage_4,) = StageRun.objects.filter(team=team, stage=4)
    assert stage_4.status == "succeeded"
    assert stage4 == [stage_4.pk]
    # and its leads equal those of an uninterrupted run of the same file
    reference = TeamFactory(slug="reference")
    assert _resolve(reference, _loaded(reference, content), monkeypatch, drop=None) == []
    outcome = _outcome(team)
    assert len(outcome) > 0
    assert outcome == _outcome(reference)

    # and the lost task delivered after all (Q_RETRY), or the hand-over sent again, starts nothing twice
    assert lead_prepare_task(stage_3.pk, team_id=team.pk, handover_id=handover.pk) == HANDED_OVER
    assert work_sweep(models=[JourneyHandover], now=t0 + timedelta(seconds=125), clusters=[]) == {
        "requeued": 0,
        "failed": 0,
    }
    assert LeadPreparation.objects.filter(team=team).count() == 1
    assert StageRun.objects.filter(team=team, stage=4).count() == 1
    assert stage4 == [stage_4.pk, *[r.pk for r in StageRun.objects.filter(team=reference, stage=4)]]
    assert _outcome(team) == outcome
