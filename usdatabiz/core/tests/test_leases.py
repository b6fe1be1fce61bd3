"""Leases on background work: claim, heartbeat, fenced completion, and the sweeper's take-over."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, models, transaction
from django.test.utils import isolate_apps
from django.utils import timezone

from usdatabiz.core import leases
from usdatabiz.core.leases import LeaseLost, work_claim, work_done, work_heartbeat, work_sweep
from usdatabiz.core.models import LeasedWork, StageFailure, TeamScoped
from usdatabiz.core.tests.factories import TeamFactory

pytestmark = pytest.mark.django_db(transaction=True)

DONE_LOG: list[str] = []


def chunk_work_task(pk):
    """The task the sweeper re-enqueues in these tests: it records which row it was given."""
    DONE_LOG.append(pk)


@pytest.fixture
def chunk_model():
    """A concrete leased-work table that exists only for the test (created and dropped here)."""
    with isolate_apps("usdatabiz.core"):

        class Chunk(TeamScoped, LeasedWork):
            LEASE_TASK = f"{__name__}.chunk_work_task"
            LEASE_STAGE = 2
            label = models.CharField(max_length=20)

            class Meta:
                app_label = "core"
                db_table = "core_test_leased_chunk"
                ordering = ["team", "label"]  # an ordering through a foreign key, as real chunk tables have

        with connection.schema_editor() as editor:
            editor.create_model(Chunk)
        try:
            yield Chunk
        finally:
            with connection.schema_editor() as editor:
                editor.delete_model(Chunk)


@pytest.fixture
def row(chunk_model):
    return chunk_model.objects.create(team=TeamFactory(slug="lease-team"), label="rows 1-20000")


@pytest.fixture(autouse=True)
def _clean_log():
    DONE_LOG.clear()


def test_claim_takes_the_lease_once(row, chunk_model, settings):
    # given a pending row and a 30-second lease
    settings.WORK_LEASE_SECONDS = 30
    # when two workers claim it
    first = work_claim(chunk_model, row.pk, owner="host-a:1")
    second = work_claim(chunk_model, row.pk, owner="host-b:2")
    # then only the first holds it, for 30 seconds, and it counts one attempt
    assert first is not None
    assert second is None
    stored = chunk_model.objects.get(pk=row.pk)
    assert (stored.state, stored.lease_owner, stored.attempts) == ("running", "host-a:1", 1)
    assert 29 <= (stored.lease_expires_at - timezone.now()).total_seconds() <= 30


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need a server database (CI runs PostgreSQL)")
def test_a_claim_in_progress_does_not_hide_its_sibling(row, chunk_model):
    # given a sibling row of the same team, and another worker in the middle of claiming the first row
    sibling = chunk_model.objects.create(team_id=row.team_id, label="rows 20001-40000")
    holding, release = threading.Event(), threading.Event()

    def claim_first_and_wait():
        try:
            with transaction.atomic():
                leases._lock_row(chunk_model, row.pk)  # what work_claim holds while it takes the lease
                holding.set()
                release.wait(10)
        finally:
            connection.close()

    worker = threading.Thread(target=claim_first_and_wait)
    worker.start()
    try:
        assert holding.wait(10)
        # when this worker claims the sibling, it gets it: the other claim locks its own row, not the team's
        assert work_claim(chunk_model, sibling.pk, owner="host-b:2") is not None
    finally:
        release.set()
        worker.join(10)


def test_an_expired_lease_can_be_claimed_by_another_worker(row, chunk_model, time_machine):
    work_claim(chunk_model, row.pk, owner="host-a:1")
    time_machine.move_to(timezone.now() + timedelta(seconds=31))
    taken = work_claim(chunk_model, row.pk, owner="host-b:2")
    assert taken is not None
    assert (taken.lease_owner, taken.attempts) == ("host-b:2", 2)


def test_done_or_failed_work_is_never_claimed_again(row, chunk_model):
    held = work_claim(chunk_model, row.pk, owner="host-a:1")
    with transaction.atomic():
        work_done(held)
    assert work_claim(chunk_model, row.pk, owner="host-b:2") is None
    assert chunk_model.objects.get(pk=row.pk).state == "done"


def test_heartbeat_extends_the_lease_and_reports_a_lost_one(row, chunk_model, time_machine):
    held = work_claim(chunk_model, row.pk, owner="host-a:1")
    time_machine.move_to(timezone.now() + timedelta(seconds=20))
    assert work_heartbeat(held) is True
    assert (chunk_model.objects.get(pk=row.pk).lease_expires_at - timezone.now()).total_seconds() > 25
    # another worker takes it over after the lease expired
    time_machine.move_to(timezone.now() + timedelta(seconds=40))
    work_claim(chunk_model, row.pk, owner="host-b:2")
    assert work_heartbeat(held) is False


def test_a_worker_that_lost_its_lease_cannot_commit(row, chunk_model, time_machine):
    # given worker A, presumed dead, and worker B that took the work over
    held_by_a = work_claim(chunk_model, row.pk, owner="host-a:1")
    time_machine.move_to(timezone.now() + timedelta(seconds=31))
    held_by_b = work_claim(chunk_model, row.pk, owner="host-b:2")

    # when A tries to commit its results, they roll back with it
    def commit_as_a():
        with transaction.atomic():
            chunk_model.objects.filter(pk=row.pk).update(label="written by A")
            work_done(held_by_a)

    with pytest.raises(LeaseLost):
        commit_as_a()
    assert chunk_model.objects.get(pk=row.pk).label == "rows 1-20000"
    # and B commits once
    with transaction.atomic():
        work_done(held_by_b, error_detail="")
    assert chunk_model.objects.get(pk=row.pk).state == "done"


def test_sweep_requeues_an_expired_lease(row, chunk_model, time_machine):
    # given a worker that claimed the row and was killed
    work_claim(chunk_model, row.pk, owner="host-a:1")
    time_machine.move_to(timezone.now() + timedelta(seconds=31))
    # when the sweeper runs, the task is enqueued again (inline in tests) and the row is pending
    counts = work_sweep(models=[chunk_model])
    assert counts == {"requeued": 1, "failed": 0}
    assert DONE_LOG == [row.pk]
    stored = chunk_model.objects.get(pk=row.pk)
    assert (stored.state, stored.lease_owner, stored.lease_expires_at) == ("pending", "", None)
    assert stored.enqueued_at is not None


def test_sweep_leaves_live_and_finished_work_alone(row, chunk_model, time_machine):
    other = chunk_model.objects.create(team_id=row.team_id, label="rows 20001-40000")
    work_claim(chunk_model, row.pk, owner="host-a:1")  # alive: lease not expired
    done = work_claim(chunk_model, other.pk, owner="host-a:1")
    with transaction.atomic():
        work_done(done)
    time_machine.move_to(timezone.now() + timedelta(seconds=10))
    assert work_sweep(models=[chunk_model]) == {"requeued": 0, "failed": 0}
    assert DONE_LOG == []


def test_sweep_fails_work_after_max_attempts_with_a_named_code(row, chunk_model, time_machine, settings):
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "max_attempts": 2}
    for owner in ("host-a:1", "host-b:2"):
        work_claim(chunk_model, row.pk, owner=owner)
        time_machine.move_to(timezone.now() + timedelta(seconds=31))
    counts = work_sweep(models=[chunk_model])
    assert counts == {"requeued": 0, "failed": 1}
    stored = chunk_model.objects.get(pk=row.pk)
    assert (stored.state, stored.error_code) == ("failed", leases.TASK_TIMEOUT)
    failure = StageFailure.objects.get(subject_id=str(row.pk))
    assert (failure.code, failure.stage) == ("TASK_TIMEOUT", 2)
    assert "Q_MAX_ATTEMPTS=2" in failure.detail


def test_sweep_requeues_work_the_broker_lost(row, chunk_model, time_machine, settings):
    settings.WORK_LOST_AFTER_SECONDS = 600
    chunk_model.objects.filter(pk=row.pk).update(enqueued_at=timezone.now())
    time_machine.move_to(timezone.now() + timedelta(seconds=300))
    assert work_sweep(models=[chunk_model])["requeued"] == 0  # still waiting in a long queue
    time_machine.move_to(timezone.now() + timedelta(seconds=301))
    assert work_sweep(models=[chunk_model])["requeued"] == 1
    assert DONE_LOG == [row.pk]
