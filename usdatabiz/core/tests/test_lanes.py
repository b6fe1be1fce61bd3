"""Lanes: every task has one, enqueue and schedules route by it, sync mode runs inline, the system check."""

import io
import os

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_q.conf import Conf
from django_q.models import OrmQ, Schedule

from usdatabiz import pipeline
from usdatabiz.core import journey
from usdatabiz.core.checks import every_task_has_a_lane
from usdatabiz.core.lanes import cluster_running, lane_names, lower_worker_priority, task_lane

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(settings, monkeypatch):
    """Tasks go to the ORM broker (as in production without Redis) instead of running inline."""
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "sync": False}
    monkeypatch.setattr(Conf, "SYNC", False)


def test_the_two_lanes_are_named_clusters_with_their_own_workers(settings):
    assert lane_names() == ["realtime", "bulk"]
    assert {name: conf["workers"] for name, conf in settings.Q_CLUSTER["ALT_CLUSTERS"].items()} == {
        "realtime": 2,
        "bulk": 2,
    }
    # every host shares the site name (the signing salt); the lane comes from Q_CLUSTER_NAME
    assert settings.Q_CLUSTER["name"] == "usdatabiz"


@pytest.mark.parametrize(
    ("path", "lane"),
    [
        ("inbox.tasks.inbox_item_classify_task", "realtime"),
        ("inbox.tasks.inbox_item_prioritize_task", "realtime"),
        ("inbox.tasks.inbox_item_draft_task", "realtime"),
        ("inbox.tasks.compliance_reply_task", "realtime"),
        ("ingestion.tasks.ingest_chunk_run_task", "bulk"),
        ("identity.tasks.identity_resolve_task", "bulk"),
        ("leads.tasks.lead_prepare_task", "bulk"),
        ("leads.tasks.skiptrace_job_run_task", "bulk"),
        ("messaging.tasks.campaign_send_slice_task", "bulk"),
    ],
)
def test_task_lanes(path, lane):
    assert task_lane(path) == lane


def test_enqueue_puts_each_task_on_its_lanes_queue(queued):
    # when a bulk task and a real-time task are enqueued
    journey.enqueue("ingestion.tasks.data_source_ingest_task", "ds_x")
    journey.enqueue("inbox.tasks.inbox_item_classify_task", "ibx_y")

    # then each waits on its own lane's queue: a real-time cluster never pulls the bulk one
    assert sorted((row.key, row.task["func"]) for row in OrmQ.objects.all()) == [
        ("bulk", "ingestion.tasks.data_source_ingest_task"),
        ("realtime", "inbox.tasks.inbox_item_classify_task"),
    ]


def test_sync_mode_still_runs_everything_inline(settings, team):
    # given the test settings (Q_CLUSTER["sync"]), a file upload runs stages 1-2 at once, lanes or not
    from ingestion.services import data_source_create
    from ingestion.tests.factories import csv_bytes, upload

    assert settings.Q_CLUSTER["sync"] is True
    data_source = data_source_create(team=team, file=upload(csv_bytes()))
    data_source.refresh_from_db()
    assert data_source.status == "completed"
    assert OrmQ.objects.count() == 0


def test_setup_schedules_puts_each_schedule_on_its_lane():
    call_command("setup_schedules", stdout=io.StringIO())
    lanes = dict(Schedule.objects.values_list("name", "cluster"))
    assert lanes == {name: pipeline.LANES[path] for name, (path, _) in pipeline.SCHEDULES.items()}
    assert lanes["sweep leases"] == "realtime"


def test_a_one_off_schedule_runs_on_its_tasks_lane():
    journey.schedule_once("messaging.tasks.campaign_send_slice_task", "cmp_1", at=timezone.now(), name="send cmp_1")
    assert Schedule.objects.get(name="send cmp_1").cluster == "bulk"


def test_the_check_passes_on_the_project():
    assert every_task_has_a_lane(None) == []


def test_the_check_fails_on_a_task_without_a_lane(monkeypatch):
    lanes = dict(pipeline.LANES)
    del lanes["leads.tasks.leads_rescore_task"]
    monkeypatch.setattr(pipeline, "LANES", lanes)
    errors = every_task_has_a_lane(None)
    assert [(e.id, e.msg) for e in errors] == [("core.E007", "Task 'leads.tasks.leads_rescore_task' has no lane.")]


def test_the_check_fails_on_an_unknown_lane_and_warns_on_an_unknown_cluster_name(monkeypatch):
    monkeypatch.setattr(pipeline, "LANES", {**pipeline.LANES, "leads.tasks.leads_rescore_task": "slow"})
    monkeypatch.setitem(os.environ, "Q_CLUSTER_NAME", "usdatabiz")
    assert [e.id for e in every_task_has_a_lane(None)] == ["core.E008", "core.W002"]


def test_enqueue_refuses_a_task_without_a_lane(queued, monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.setattr(pipeline, "LANES", {})
    with pytest.raises(ImproperlyConfigured, match="has no lane"):
        journey.enqueue("ingestion.tasks.data_source_ingest_task", "ds_x")
    assert OrmQ.objects.count() == 0


def test_no_cluster_is_running_in_a_test_process():
    assert cluster_running("bulk") is False
    assert cluster_running("realtime") is False


@pytest.mark.parametrize(
    ("lane", "nice", "expected"),
    [
        ("bulk", {"realtime": 5, "bulk": 15}, 15),
        ("realtime", {"realtime": 5, "bulk": 15}, 5),
        ("bulk", {"realtime": 0, "bulk": 0}, 0),  # a host running one lane alone
        ("default", {"realtime": 5, "bulk": 15}, 0),  # a cluster that is no lane
        ("bulk", {}, 0),
    ],
)
def test_a_lanes_worker_lowers_its_own_cpu_priority_by_the_lanes_niceness(settings, lane, nice, expected):
    settings.Q_LANE_NICE = nice
    own = os.getpriority(os.PRIO_PROCESS, 0)
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # the worker, as django-q2 spawns it
        os.close(read)
        lower_worker_priority(lane)
        os.write(write, str(os.getpriority(os.PRIO_PROCESS, 0)).encode())
        os._exit(0)
    os.close(write)
    os.waitpid(child, 0)
    with os.fdopen(read) as pipe:
        assert int(pipe.read()) - own == min(expected, 19 - own)
    assert os.getpriority(os.PRIO_PROCESS, 0) == own  # the process that spawned it keeps its own
