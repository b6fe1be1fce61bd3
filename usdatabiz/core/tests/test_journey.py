"""The 12-stage registry and how ``advance`` hands a subject over to the tasks of ``PIPELINE``."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_q.conf import Conf
from django_q.models import OrmQ, Task

from usdatabiz import pipeline
from usdatabiz.core import journey
from usdatabiz.core.checks import pipeline_tasks_exist
from usdatabiz.core.tests import recording_pipeline

RECORDING = "usdatabiz.core.tests.recording_pipeline"
BROKEN = "usdatabiz.core.tests.broken_pipeline"
FIRST = f"{RECORDING}.first_task"
SECOND = f"{RECORDING}.second_task"
MIN = 60.0

# number, name, owner, max seconds, alert seconds, records the limits are per (from the seed's SLA table)
SEED_STAGES = [
    (1, "Source ingestion", "SYSTEM", 5 * MIN, 10 * MIN, None),
    (2, "Raw data normalization", "SYSTEM", 1 * MIN, 2 * MIN, 1000),
    (3, "Entity resolution", "SYSTEM", 5 * MIN, 10 * MIN, 10000),
    (4, "Data prep for outreach", "LUCY", None, None, None),
    (5, "Enrichment (SkipTrace)", "SYSTEM (RealEstateAPI)", 30 * MIN, 60 * MIN, None),
    (6, "Campaign prep", "HUMAN + LUCI", None, None, None),
    (7, "Initial SMS execution", "SYSTEM (SignalHouse)", 1 * MIN, 5 * MIN, None),
    (8, "Inbound response handling", "SYSTEM", 5.0, 30.0, None),
    (9, "Response classification", "SYSTEM", 1.0, 5.0, None),
    (10, "Prioritization & routing", "SYSTEM", None, None, None),
    (11, "Copilot-assisted handling", "COPILOT (GIANNA/CATHY/SABRINA)", 5.0, 30.0, None),
    (12, "Manual escalation / closeout", "HUMAN", None, None, None),
]


@pytest.fixture
def recording(settings):
    settings.PIPELINE_MODULE = RECORDING
    recording_pipeline.CALLS.clear()
    yield recording_pipeline.CALLS
    recording_pipeline.CALLS.clear()


# the registry


def test_registry_has_the_12_stages_of_the_seed_with_their_slas():
    actual = [
        (s.number, s.name, s.owner, s.sla_max_seconds, s.sla_alert_seconds, s.per_records) for s in journey.STAGES
    ]

    assert actual == SEED_STAGES
    assert len({s.key for s in journey.STAGES}) == 12
    assert all(journey.stage(n).number == n for n in range(1, 13))


def test_every_stage_with_limits_describes_its_sla_in_words():
    for s in journey.STAGES:
        assert bool(s.sla_text) == (s.sla_max_seconds is not None), s.number


def test_stage_lookup_of_an_unknown_number_raises():
    with pytest.raises(KeyError):
        journey.stage(13)


@pytest.mark.parametrize(
    ("number", "records", "expected"),
    [
        (2, None, (60.0, 120.0)),
        (2, 500, (60.0, 120.0)),
        (2, 1000, (60.0, 120.0)),
        (2, 2500, (150.0, 300.0)),
        (2, 10_000, (600.0, 1200.0)),
        (3, 50_000, (1500.0, 3000.0)),
        (1, 1_000_000, (300.0, 600.0)),  # stage 1 does not scale with the file
        (4, 1000, (None, None)),
    ],
)
def test_limits_for_scales_with_the_record_count(number, records, expected):
    assert journey.stage(number).limits_for(records) == expected


# the pipeline map


def test_followers_are_exactly_the_paths_of_the_project_pipeline():
    for number, paths in pipeline.PIPELINE.items():
        assert journey.followers(number) == paths
    assert journey.followers(0) == ["ingestion.tasks.data_source_ingest_task"]
    assert journey.followers(1) == ["ingestion.tasks.data_source_normalize_task"]
    assert journey.followers(12) == []


def test_every_task_of_the_project_pipeline_is_importable():
    for paths in pipeline.PIPELINE.values():
        for path in paths:
            assert callable(import_string(path)), path


def test_followers_returns_a_copy(recording):
    journey.followers(1).append("something.else")

    assert journey.followers(1) == [FIRST, SECOND]


# advance


@pytest.mark.django_db
def test_advance_runs_exactly_the_followers_of_the_stage_in_order(recording):
    # when stage 1 finishes for a subject
    enqueued = journey.advance(stage=1, subject_id="ds_subject")

    # then both of its followers ran once, in order, with the subject id (tasks run inline in tests)
    assert enqueued == [FIRST, SECOND]
    assert recording == [("first_task", "ds_subject", None), ("second_task", "ds_subject", None)]
    assert sorted(Task.objects.values_list("func", flat=True)) == [FIRST, SECOND]


@pytest.mark.django_db
def test_advance_passes_the_team_to_the_followers_when_given(recording, team):
    journey.advance(stage=1, subject_id="ds_subject", team_id=team.pk)

    assert recording == [("first_task", "ds_subject", team.pk), ("second_task", "ds_subject", team.pk)]


@pytest.mark.django_db
def test_advance_of_the_start_runs_only_the_first_stage(recording):
    assert journey.advance(stage=0, subject_id="ds_a") == [FIRST]
    assert recording == [("first_task", "ds_a", None)]


@pytest.mark.django_db
@pytest.mark.parametrize("number", [2, 7])
def test_advance_of_a_stage_without_followers_enqueues_nothing(recording, number):
    assert journey.advance(stage=number, subject_id="ds_a") == []
    assert recording == []
    assert Task.objects.count() == 0


@pytest.mark.django_db
def test_enqueue_of_an_unknown_path_fails_before_queueing(recording):
    with pytest.raises(ImportError):
        journey.enqueue(f"{RECORDING}.no_such_task", "ds_a")

    assert recording == []
    assert Task.objects.count() == 0


@pytest.fixture
def queued_not_run(settings, monkeypatch, recording):
    """Tasks go to the ORM broker (as in production without Redis) instead of running inline."""
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "sync": False}
    monkeypatch.setattr(Conf, "SYNC", False)
    return recording


@pytest.mark.django_db
def test_advance_puts_exactly_the_followers_on_the_queue(queued_not_run):
    # when stage 1 finishes with the cluster not running the tasks inline
    journey.advance(stage=1, subject_id="ds_q")

    # then the queue holds one package per follower, for the subject, and nothing ran yet
    packages = [(row.key, row.task) for row in OrmQ.objects.order_by("id")]
    assert [(key, p["func"], p["args"], p["kwargs"], p["cluster"]) for key, p in packages] == [
        ("realtime", FIRST, ("ds_q",), {}, "realtime"),  # each on the queue of its lane (LANES)
        ("bulk", SECOND, ("ds_q",), {}, "bulk"),
    ]
    assert queued_not_run == []


@pytest.mark.django_db
def test_advance_inside_a_rolled_back_transaction_leaves_nothing_queued(queued_not_run):
    # when the caller's transaction fails after advancing
    def stage_work_that_fails():
        with transaction.atomic():
            journey.advance(stage=1, subject_id="ds_q")
            raise RuntimeError("the stage's own write failed")

    with pytest.raises(RuntimeError):
        stage_work_that_fails()

    # then no task is left on the queue
    assert OrmQ.objects.count() == 0


@pytest.mark.django_db
def test_queued_args_lists_the_copies_of_a_task_still_waiting_in_its_lanes_queue(queued_not_run):
    # given two copies of a realtime task, one of them taken by a cluster (locked until Q_RETRY), a bulk task, and
    # a row whose package was signed with another key
    journey.enqueue(FIRST, "ds_a")
    journey.enqueue(FIRST, "ds_b")
    journey.enqueue(SECOND, "ds_c")
    taken = OrmQ.objects.filter(key="realtime").order_by("id").last()
    OrmQ.objects.filter(pk=taken.pk).update(lock=timezone.now() + timedelta(seconds=Conf.RETRY))
    OrmQ.objects.create(key="realtime", payload="not a signed package", lock=timezone.now())

    # when the waiting copies of the realtime task are read
    found = journey.queued_args(FIRST)

    # then only the copy no cluster took is listed, with its arguments
    assert found == [("ds_a",)]


def test_queued_args_is_none_when_tasks_run_inline(settings):
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "sync": True}
    assert journey.queued_args(FIRST) is None


# system check


def test_system_check_passes_on_the_project_pipeline():
    assert pipeline_tasks_exist(None) == []


def test_system_check_flags_unknown_task_paths_and_stages(settings):
    # given a pipeline map naming a task that does not exist, a stage 13 and a follower that does not claim its
    # hand-over
    settings.PIPELINE_MODULE = BROKEN

    # when the checks run
    errors = pipeline_tasks_exist(None)

    # then each mistake is one error with its own id
    assert sorted((e.id, e.msg) for e in errors) == [
        ("core.E001", "PIPELINE names unknown stage 13."),
        ("core.E002", "PIPELINE task 'ingestion.tasks.no_such_task' cannot be imported."),
        ("core.E003", "REFUSED_NUMBERS reader 'messaging.selectors.no_such_reader' of stage 6 cannot be imported."),
        (
            "core.E006",
            "PIPELINE task 'usdatabiz.core.tests.recording_pipeline.plain_task' does not claim its hand-over: "
            "it would be sent again for ever.",
        ),
    ]


def test_manage_check_fails_on_an_unknown_task_path(settings):
    settings.PIPELINE_MODULE = BROKEN

    with pytest.raises(SystemCheckError, match="no_such_task"):
        call_command("check")
