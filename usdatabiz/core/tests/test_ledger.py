"""The journey ledger: stage runs, failures, SLA states and the per-stage overview."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from usdatabiz.core.models import StageFailure, StageRun
from usdatabiz.core.selectors import journey_overview, run_sla_state, stage_failure_counts, stage_failure_list
from usdatabiz.core.services import stage_failure_record, stage_run_finish, stage_run_start

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _clock_stands_at_now(time_machine):
    """SLA states compare with "now": hold the clock still, however long the suite has been running."""
    time_machine.move_to(NOW, tick=False)


def _run(team, stage, *, seconds, count_in=0, status=StageRun.Status.SUCCEEDED, started=None, finished=True):
    started = started or NOW - timedelta(hours=1)
    return StageRun.objects.create(
        team=team,
        stage=stage,
        started_at=started,
        finished_at=started + timedelta(seconds=seconds) if finished else None,
        count_in=count_in,
        status=status,
    )


# stage_run_start / stage_run_finish


def test_stage_run_start_opens_a_running_row_for_the_subject(team):
    # given a subject of the journey (any model instance; a team is handy)
    subject = team

    # when a run starts
    before = timezone.now()
    run = stage_run_start(team=team, stage=2, subject=subject, count_in=1500)

    # then one running row names the stage, the subject and the input count
    run.refresh_from_db()
    assert StageRun.objects.count() == 1
    assert run.pk.startswith("run_")
    assert run.team_id == team.pk
    assert run.stage == 2
    assert run.subject_type == "core.team"
    assert run.subject_id == team.pk
    assert run.count_in == 1500
    assert run.count_out == 0
    assert run.status == StageRun.Status.RUNNING
    assert run.finished_at is None
    assert before <= run.started_at <= timezone.now()
    assert run.duration_seconds is None


def test_stage_run_start_accepts_a_team_id_and_no_subject(team):
    run = stage_run_start(team=team.pk, stage=1)

    run.refresh_from_db()
    assert (run.team_id, run.subject_type, run.subject_id, run.count_in) == (team.pk, "", "", 0)


def test_stage_run_finish_closes_the_row_with_outcome_and_counts(team):
    # given a running stage run
    run = stage_run_start(team=team, stage=2, count_in=10)

    # when it finishes
    stage_run_finish(run=run, status=StageRun.Status.SUCCEEDED, count_out=8, detail="rows=10, personas=8")

    # then the stored row carries the outcome; count_in is kept when not given
    run.refresh_from_db()
    assert run.status == StageRun.Status.SUCCEEDED
    assert run.count_in == 10
    assert run.count_out == 8
    assert run.detail == "rows=10, personas=8"
    assert run.finished_at is not None
    assert run.finished_at >= run.started_at
    assert run.duration_seconds == (run.finished_at - run.started_at).total_seconds()


def test_stage_run_finish_overrides_count_in_and_truncates_detail(team):
    run = stage_run_start(team=team, stage=1)

    stage_run_finish(run=run, status=StageRun.Status.FAILED, count_in=42, detail="x" * 5000)

    run.refresh_from_db()
    assert run.status == StageRun.Status.FAILED
    assert run.count_in == 42
    assert run.count_out == 0
    assert len(run.detail) == 4000


# stage_failure_record


def test_stage_failure_record_stores_every_field(team):
    # given a run over a subject
    run = stage_run_start(team=team, stage=2, subject=team)

    # when a row failure is recorded
    failure = stage_failure_record(
        team=team,
        stage=2,
        code="INVALID_PHONE",
        subject=team,
        run=run,
        source_file="unified-graph/raw/2025-01-02/list.csv",
        source_row=7,
        field="phone",
        raw_value="555-12",
        detail="Cannot normalize to 10 digits.",
    )

    # then the ledger row names the stage, code, subject, row, field and value
    failure.refresh_from_db()
    assert failure.pk.startswith("sf_")
    assert (failure.team_id, failure.stage, failure.code) == (team.pk, 2, "INVALID_PHONE")
    assert (failure.subject_type, failure.subject_id, failure.run_id) == ("core.team", team.pk, run.pk)
    assert failure.source_file == "unified-graph/raw/2025-01-02/list.csv"
    assert (failure.source_row, failure.field, failure.raw_value) == (7, "phone", "555-12")
    assert failure.detail == "Cannot normalize to 10 digits."
    assert str(failure) == "INVALID_PHONE row 7: Cannot normalize to 10 digits."
    assert list(run.failures.all()) == [failure]


def test_stage_failure_record_file_level_failure_without_subject(team):
    failure = stage_failure_record(team=team.pk, stage=1, code="QUOTA_EXCEEDED", raw_value=None, detail="Too big.")

    failure.refresh_from_db()
    assert (failure.subject_type, failure.subject_id, failure.source_row, failure.raw_value) == ("", "", None, "")
    assert str(failure) == "QUOTA_EXCEEDED: Too big."


def test_stage_failure_record_truncates_long_values(team):
    failure = stage_failure_record(
        team=team,
        stage=2,
        code="UNKNOWN_STATE",
        source_file="f" * 300,
        field="s" * 100,
        raw_value="v" * 3000,
        detail="d" * 5000,
    )

    failure.refresh_from_db()
    assert (len(failure.source_file), len(failure.field), len(failure.raw_value), len(failure.detail)) == (
        255,
        64,
        2000,
        4000,
    )


def test_stage_failure_selectors_are_scoped_to_the_team(team, other_team):
    # given failures of two teams
    mine = [
        stage_failure_record(team=team, stage=2, code="INVALID_PHONE", subject=team, source_row=3),
        stage_failure_record(team=team, stage=2, code="INVALID_PHONE", subject=team, source_row=1),
        stage_failure_record(team=team, stage=2, code="UNKNOWN_STATE", subject=team, source_row=2),
        stage_failure_record(team=team, stage=1, code="CSV_PARSE_ERROR", subject=team, source_row=4),
    ]
    stage_failure_record(team=other_team, stage=2, code="INVALID_PHONE", subject=team, source_row=9)

    # when the team's failures are read
    listed = list(stage_failure_list(team=team))
    counts = stage_failure_counts(team=team, subject_id=team.pk)

    # then only the team's rows appear, in row order
    assert [f.pk for f in listed] == [mine[1].pk, mine[2].pk, mine[0].pk, mine[3].pk]
    assert [f.pk for f in stage_failure_list(team=team, stage=2, code="INVALID_PHONE")] == [mine[1].pk, mine[0].pk]
    assert counts == {"CSV_PARSE_ERROR": 1, "INVALID_PHONE": 2, "UNKNOWN_STATE": 1}


# run_sla_state


@pytest.mark.parametrize(
    ("stage", "seconds", "expected"),
    [
        (1, 299, "ok"),
        (1, 300, "ok"),  # exactly at the max is still within it
        (1, 301, "slow"),
        (1, 600, "slow"),
        (1, 601, "alert"),
        (9, 0.5, "ok"),
        (9, 2, "slow"),
        (9, 6, "alert"),
        (11, 31, "alert"),
        (7, 61, "slow"),
        (7, 301, "alert"),
    ],
)
def test_run_sla_state_against_the_seed_thresholds(team, stage, seconds, expected):
    run = _run(team, stage, seconds=seconds)

    assert run_sla_state(run) == expected


@pytest.mark.parametrize(
    ("count_in", "seconds", "expected"),
    [
        (1000, 60, "ok"),
        (1000, 61, "slow"),
        (1000, 121, "alert"),
        (5000, 299, "ok"),  # 60 s per 1,000 records: 5,000 records may take 300 s
        (5000, 301, "slow"),
        (5000, 600, "slow"),  # alert at 2x the expected duration
        (5000, 601, "alert"),
        (250, 60, "ok"),  # fewer than 1,000 records still get the one-minute floor
        (250, 61, "slow"),
        (0, 61, "slow"),
        (1_000_000, 59_000, "ok"),
        (1_000_000, 60_001, "slow"),
    ],
)
def test_run_sla_state_scales_stage_2_per_thousand_records(team, count_in, seconds, expected):
    run = _run(team, 2, seconds=seconds, count_in=count_in)

    assert run_sla_state(run) == expected


def test_run_sla_state_same_duration_differs_with_the_record_count(team):
    # given two normalization runs of 301 s, one over 1,000 records, one over 5,000
    small = _run(team, 2, seconds=301, count_in=1000)
    large = _run(team, 2, seconds=301, count_in=5000)

    # then the small one is past its alert threshold and the large one only just past its max
    assert run_sla_state(small) == "alert"
    assert run_sla_state(large) == "slow"


def test_run_sla_state_of_a_running_run_uses_now(team):
    started = NOW - timedelta(seconds=400)
    run = _run(team, 1, seconds=0, started=started, finished=False, status=StageRun.Status.RUNNING)

    assert run_sla_state(run, now=started + timedelta(seconds=100)) == "ok"
    assert run_sla_state(run, now=started + timedelta(seconds=400)) == "slow"
    assert run_sla_state(run, now=started + timedelta(seconds=700)) == "alert"
    assert run_sla_state(run) == "slow"  # 400 s ago, by the clock


def test_run_sla_state_stage_without_sla_is_always_ok(team):
    for stage in (4, 6, 10, 12):
        assert run_sla_state(_run(team, stage, seconds=86_400)) == "ok"


# journey_overview


def test_journey_overview_counts_runs_failures_and_breaches_per_stage(team, other_team):
    # given, in the last 7 days: stage 1 with one fine run, one failed run and one still running;
    # stage 2 with one run over its max and one past its alert threshold; failures on stages 1 and 2
    _run(team, 1, seconds=10)
    _run(team, 1, seconds=20, status=StageRun.Status.FAILED)
    running = _run(team, 1, seconds=0, finished=False, status=StageRun.Status.RUNNING, started=NOW)
    _run(team, 2, seconds=90, count_in=1000)
    latest_2 = _run(team, 2, seconds=130, count_in=1000, started=NOW - timedelta(minutes=5))
    stage_failure_record(team=team, stage=1, code="CSV_PARSE_ERROR")
    for row in (1, 2, 3):
        stage_failure_record(team=team, stage=2, code="INVALID_PHONE", source_row=row)
    # and older rows (kept out of the counts) and another team's rows (never counted)
    old = _run(team, 3, seconds=5, started=NOW - timedelta(days=8))
    old_failure = stage_failure_record(team=team, stage=3, code="FALSE_POSITIVE_MERGE")
    StageFailure.objects.filter(pk=old_failure.pk).update(created_at=NOW - timedelta(days=8))
    _run(other_team, 1, seconds=10_000)
    _run(other_team, 5, seconds=10)
    stage_failure_record(team=other_team, stage=1, code="MISSING_COLUMNS")

    # when the overview is read
    overview = journey_overview(team=team)

    # then there is one row per stage, in order, with exact counts
    assert [row["stage"].number for row in overview] == list(range(1, 13))
    by_stage = {row["stage"].number: row for row in overview}
    assert {k: by_stage[1][k] for k in ("runs", "running", "failed_runs", "failures", "slow", "alerts")} == {
        "runs": 3,
        "running": 1,
        "failed_runs": 1,
        "failures": 1,
        "slow": 0,
        "alerts": 0,
    }
    assert by_stage[1]["last_run"] == running.started_at
    assert {k: by_stage[2][k] for k in ("runs", "running", "failed_runs", "failures", "slow", "alerts")} == {
        "runs": 2,
        "running": 0,
        "failed_runs": 0,
        "failures": 3,
        "slow": 1,
        "alerts": 1,
    }
    assert by_stage[2]["last_run"] == latest_2.started_at
    # the 8-day-old run is outside the window but still the stage's last run
    assert (by_stage[3]["runs"], by_stage[3]["failures"], by_stage[3]["last_run"]) == (0, 0, old.started_at)
    assert (by_stage[5]["runs"], by_stage[5]["last_run"]) == (0, None)
    for number in (4, 5, 6, 7, 8, 9, 10, 11, 12):
        assert (by_stage[number]["runs"], by_stage[number]["failures"]) == (0, 0)


def test_journey_overview_window_is_configurable(team):
    _run(team, 1, seconds=10, started=NOW - timedelta(days=20))

    assert journey_overview(team=team, days=7)[0]["runs"] == 0
    assert journey_overview(team=team, days=30)[0]["runs"] == 1
