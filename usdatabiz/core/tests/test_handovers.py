"""Journey hand-overs as leased work: recorded with the stage's end, claimed by the follower, sent again when lost."""

from datetime import timedelta

import django_q.tasks
import pytest
from django.db import transaction
from django.utils import timezone
from django_q.conf import Conf
from django_q.models import OrmQ

from usdatabiz.core import journey
from usdatabiz.core.handovers import HANDED_OVER
from usdatabiz.core.leases import work_claim, work_sweep
from usdatabiz.core.models import Alert, JourneyHandover, StageFailure
from usdatabiz.core.tests import recording_pipeline

pytestmark = pytest.mark.django_db
RECORDING = "usdatabiz.core.tests.recording_pipeline"
FIRST = f"{RECORDING}.first_task"  # the follower of stage 0, on the realtime lane


@pytest.fixture
def recording(settings):
    """The recording pipeline, and an empty roster of the clusters the sweeper saw."""
    from usdatabiz.core.lanes import _cache
    from usdatabiz.core.leases import _roster_key

    settings.PIPELINE_MODULE = RECORDING
    recording_pipeline.CALLS.clear()
    _cache().delete(_roster_key())
    yield recording_pipeline.CALLS
    _cache().delete(_roster_key())
    recording_pipeline.CALLS.clear()


def _cluster(name: str, *, born, lane: str = "realtime") -> dict:
    return {"host": "host-a", "sentinel": 100, "lane": lane, "status": "Working", "workers": 1, "cluster_id": name,
            "born": born, "owners": ["host-a:101"]}  # fmt: skip


def _advance_but_lose_the_task(team, monkeypatch, *, keep_losing: bool = False) -> JourneyHandover:
    """Stage 0 ends and hands over; the broker loses the follower's task (and every resend, ``keep_losing``)."""
    deliver, lost = django_q.tasks.async_task, []

    def broker(func, *args, **kwargs):
        lost.append(func)
        return None

    monkeypatch.setattr(django_q.tasks, "async_task", broker)
    journey.advance(stage=0, subject_id="ds_subject", team_id=team.pk)
    if not keep_losing:
        monkeypatch.setattr(django_q.tasks, "async_task", deliver)
    assert lost == [FIRST]
    return JourneyHandover.objects.get(subject_id="ds_subject")


def test_advance_records_each_followers_start_and_the_follower_marks_it_done(team, recording):
    # when stage 1 (two followers, on two lanes) ends for a subject with its team
    journey.advance(stage=1, subject_id="ds_subject", team_id=team.pk)

    # then each follower ran once and its hand-over is done, claimed once
    assert recording == [("first_task", "ds_subject", team.pk), ("second_task", "ds_subject", team.pk)]
    rows = JourneyHandover.objects.order_by("task").values_list("task", "lane", "stage", "state", "attempts")
    assert list(rows) == [(FIRST, "realtime", 1, "done", 1), (f"{RECORDING}.second_task", "bulk", 1, "done", 1)]


def test_advance_without_a_team_records_nothing(recording):
    journey.advance(stage=0, subject_id="ds_subject")

    assert recording == [("first_task", "ds_subject", None)]
    assert not JourneyHandover.objects.exists()


def test_a_rolled_back_stage_end_owes_nothing(team, recording, settings, monkeypatch):
    # given a stage end whose transaction rolls back (the ORM broker's queued task goes with it)
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "sync": False, "orm": "default"}
    monkeypatch.setattr(Conf, "SYNC", False)

    def stage_end():
        with transaction.atomic():
            journey.advance(stage=0, subject_id="ds_subject", team_id=team.pk)
            raise RuntimeError("the stage failed after all")

    with pytest.raises(RuntimeError):
        stage_end()

    # then no hand-over is owed and nothing is queued
    assert not JourneyHandover.objects.exists()
    assert not OrmQ.objects.exists()
    assert recording == []


def test_a_duplicate_delivery_starts_the_follower_once(team, recording):
    # given a hand-over whose follower ran
    journey.advance(stage=0, subject_id="ds_subject", team_id=team.pk)
    handover = JourneyHandover.objects.get()

    # when the same task is delivered again (a broker's retry, a resend after a wrong guess)
    again = recording_pipeline.first_task("ds_subject", team_id=team.pk, handover_id=handover.pk)

    # then it returns at once: the follower ran once
    assert again == HANDED_OVER
    assert recording == [("first_task", "ds_subject", team.pk)]


def test_a_delivery_while_a_live_worker_holds_the_hand_over_does_nothing(team, recording, monkeypatch):
    # given a lost task's hand-over claimed by a live worker that is starting the follower
    handover = _advance_but_lose_the_task(team, monkeypatch)
    assert work_claim(JourneyHandover, handover.pk, owner="host-b:7") is not None

    # when a second copy arrives
    result = recording_pipeline.first_task("ds_subject", team_id=team.pk, handover_id=handover.pk)

    # then it leaves the work to the holder
    assert result == HANDED_OVER
    assert recording == []
    handover.refresh_from_db()
    assert (handover.state, handover.lease_owner, handover.attempts) == ("running", "host-b:7", 1)


def test_a_lost_task_behind_a_live_cluster_is_sent_again_after_work_lost_after_seconds(
    team, recording, monkeypatch, settings
):
    # given a follower task lost while the realtime cluster A stayed alive (a long queue looks the same)
    settings.WORK_LOST_AFTER_SECONDS = 600
    t0 = timezone.now()
    handover = _advance_but_lose_the_task(team, monkeypatch)
    cluster_a = _cluster("a", born=t0 - timedelta(hours=1))

    # when the sweeper runs within WORK_LOST_AFTER_SECONDS, then after it
    early = work_sweep(models=[JourneyHandover], now=t0 + timedelta(seconds=300), clusters=[cluster_a])
    assert recording == []
    late = work_sweep(models=[JourneyHandover], now=t0 + timedelta(seconds=601), clusters=[cluster_a])

    # then it is sent again only once it counts as lost, the follower runs once, and the hand-over is done
    assert (early["requeued"], late["requeued"]) == (0, 1)
    assert recording == [("first_task", "ds_subject", team.pk)]
    handover.refresh_from_db()
    assert (handover.state, handover.attempts) == ("done", 1)


def test_a_lost_task_is_sent_again_at_once_when_every_live_cluster_was_born_after_it(team, recording, monkeypatch):
    # given a follower task queued at t0 and lost, and a realtime cluster started after t0 (the old one is gone)
    t0 = timezone.now()
    handover = _advance_but_lose_the_task(team, monkeypatch)

    # when the sweeper runs a few seconds later
    counts = work_sweep(
        models=[JourneyHandover],
        now=t0 + timedelta(seconds=20),
        clusters=[_cluster("b", born=t0 + timedelta(seconds=5))],
    )

    # then the task is sent again without waiting for WORK_LOST_AFTER_SECONDS
    assert counts == {"requeued": 1, "failed": 0}
    assert recording == [("first_task", "ds_subject", team.pk)]
    handover.refresh_from_db()
    assert handover.state == "done"


def test_a_lost_task_of_another_lane_waits_when_only_that_lanes_cluster_died(team, recording, monkeypatch):
    # given a realtime follower lost at t0 while a realtime cluster lives, and a bulk cluster that dies
    t0 = timezone.now()
    _advance_but_lose_the_task(team, monkeypatch)
    realtime = _cluster("rt", born=t0 - timedelta(hours=1))
    bulk = _cluster("bulk", born=t0 - timedelta(hours=1), lane="bulk")
    work_sweep(models=[JourneyHandover], now=t0 + timedelta(seconds=5), clusters=[realtime, bulk])

    # when the bulk cluster is gone at the next sweep
    counts = work_sweep(models=[JourneyHandover], now=t0 + timedelta(seconds=65), clusters=[realtime])

    # then the realtime hand-over still waits in its live lane's queue
    assert counts == {"requeued": 0, "failed": 0}
    assert recording == []


def test_a_follower_whose_worker_died_before_taking_over_is_taken_over_when_its_lease_expires(
    team, recording, monkeypatch, settings
):
    # given a hand-over a worker claimed and then died with, before the follower took over
    handover = _advance_but_lose_the_task(team, monkeypatch)
    work_claim(JourneyHandover, handover.pk, owner="dead-host:1")

    # when the sweeper runs after its lease expired
    later = timezone.now() + timedelta(seconds=settings.WORK_LEASE_SECONDS + 1)
    counts = work_sweep(models=[JourneyHandover], now=later, clusters=None)

    # then the follower is started again, once, by another worker
    assert counts == {"requeued": 1, "failed": 0}
    assert recording == [("first_task", "ds_subject", team.pk)]
    handover.refresh_from_db()
    assert (handover.state, handover.attempts) == ("done", 2)


def test_a_hand_over_given_up_after_q_max_attempts_fails_with_task_timeout_and_an_alert(
    team, recording, monkeypatch, settings
):
    # given a hand-over whose follower's workers died Q_MAX_ATTEMPTS times (each resend pulled, then killed)
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "max_attempts": 2}
    handover = _advance_but_lose_the_task(team, monkeypatch, keep_losing=True)
    later = timezone.now()
    assert work_claim(JourneyHandover, handover.pk, owner="dead-host:1") is not None
    later += timedelta(seconds=settings.WORK_LEASE_SECONDS + 1)
    assert work_sweep(models=[JourneyHandover], now=later, clusters=None) == {"requeued": 1, "failed": 0}
    assert work_claim(JourneyHandover, handover.pk, owner="dead-host:2") is not None

    # when the sweeper finds the second lease expired
    later += timedelta(seconds=settings.WORK_LEASE_SECONDS + 1)
    counts = work_sweep(models=[JourneyHandover], now=later, clusters=None)

    # then it gives the hand-over up: failed with TASK_TIMEOUT, in the ledger of the follower's stage, alerted once
    assert counts == {"requeued": 0, "failed": 1}
    handover.refresh_from_db()
    assert (handover.state, handover.error_code, handover.attempts) == ("failed", "TASK_TIMEOUT", 2)
    assert "Q_MAX_ATTEMPTS=2" in handover.error_detail
    failure = StageFailure.objects.get(team=team, code="TASK_TIMEOUT")
    assert (failure.stage, failure.subject_id) == (1, handover.pk)
    assert Alert.objects.filter(team=team, kind="failure", code="TASK_TIMEOUT", stage=1, status="open").count() == 1
    # and neither a late copy of the task nor another sweep starts the follower
    monkeypatch.undo()
    assert recording_pipeline.first_task("ds_subject", team_id=team.pk, handover_id=handover.pk) == HANDED_OVER
    assert work_sweep(models=[JourneyHandover], now=later + timedelta(hours=1), clusters=None) == {
        "requeued": 0,
        "failed": 0,
    }
    assert recording == []


def test_a_follower_presumed_dead_does_not_take_over_a_second_time(team, recording, monkeypatch, settings):
    # given a follower that started, then was presumed dead: the sweeper sent its hand-over to another worker
    from django.db import transaction

    from usdatabiz.core.handovers import handover_taken_over, journey_follower

    taken = []

    @journey_follower
    def slow_follower(subject_id, team_id=None):
        JourneyHandover.objects.filter(subject_id=subject_id).update(lease_owner="host-b:9")  # taken over meanwhile
        with transaction.atomic():
            taken.append(subject_id)
            handover_taken_over()
        return "took over"

    handover = _advance_but_lose_the_task(team, monkeypatch)

    # when it reaches the point where it would take over
    result = slow_follower("ds_subject", team_id=team.pk, handover_id=handover.pk)

    # then its transaction rolls back and the hand-over stays with the other worker
    assert result == HANDED_OVER
    handover.refresh_from_db()
    assert (handover.state, handover.lease_owner) == ("running", "host-b:9")


def test_done_hand_overs_are_deleted_after_the_keep_time_and_owed_ones_stay(team, settings):
    from usdatabiz.core.handovers import handovers_prune

    settings.HANDOVER_KEEP_HOURS = 24
    now = timezone.now()
    made = {}
    for name, state, finished in [
        ("old_done", JourneyHandover.State.DONE, now - timedelta(hours=25)),
        ("new_done", JourneyHandover.State.DONE, now - timedelta(hours=2)),
        ("old_failed", JourneyHandover.State.FAILED, now - timedelta(hours=25)),
        ("pending", JourneyHandover.State.PENDING, None),
    ]:
        made[name] = JourneyHandover.objects.create(
            team=team, stage=8, subject_id=f"sub_{name}", task=FIRST, lane="realtime", state=state, finished_at=finished
        ).pk
    assert handovers_prune(now=now, batch=1) == 1
    left = set(JourneyHandover.objects.values_list("pk", flat=True))
    assert left == {made["new_done"], made["old_failed"], made["pending"]}
