"""DataSource lifecycle: ``data_source_transition`` applies the transition map and refuses everything else."""

import itertools

import pytest

from ingestion.models import DataSource
from ingestion.services import data_source_transition
from usdatabiz.core.errors import IllegalTransition

S = DataSource.Status
LEGAL = {
    (S.UPLOADED, S.PROCESSING),
    (S.UPLOADED, S.FAILED),
    (S.PROCESSING, S.COMPLETED),
    (S.PROCESSING, S.FAILED),
    (S.FAILED, S.PROCESSING),
    (S.COMPLETED, S.PROCESSING),
}
ALL_PAIRS = list(itertools.product(S.values, repeat=2))
ILLEGAL = sorted(set(ALL_PAIRS) - LEGAL)


def test_the_transition_map_is_the_documented_diagram():
    assert {(a, b) for a, targets in DataSource.TRANSITIONS.items() for b in targets} == LEGAL


@pytest.mark.parametrize(("current", "target"), sorted(LEGAL))
def test_legal_transitions_pass(data_source_factory, current, target):
    # given a data source in ``current``
    data_source = data_source_factory(status=current)

    # when it moves to ``target``
    result = data_source_transition(data_source=data_source, to=target, error_code="X" if target == S.FAILED else "")

    # then the database has the new status
    assert result.status == target
    assert DataSource.objects.get(pk=data_source.pk).status == target


@pytest.mark.parametrize(("current", "target"), ILLEGAL)
def test_illegal_transitions_raise_and_change_nothing(data_source_factory, current, target):
    # given a data source in ``current``
    data_source = data_source_factory(status=current, error_code="KEEP" if current == S.FAILED else "")
    before = DataSource.objects.values().get(pk=data_source.pk)

    # when it is asked to move to ``target``
    with pytest.raises(IllegalTransition) as caught:
        data_source_transition(data_source=data_source, to=target)

    # then the error names both states and nothing changed
    assert caught.value.code == "ILLEGAL_TRANSITION"
    assert caught.value.message == f"DataSource cannot go from '{current}' to '{target}'."
    assert caught.value.http_status == 409
    assert DataSource.objects.values().get(pk=data_source.pk) == before


@pytest.mark.parametrize(
    ("current", "target"),
    [(S.UPLOADED, S.COMPLETED), (S.COMPLETED, S.FAILED), (S.FAILED, S.COMPLETED), (S.PROCESSING, S.UPLOADED)],
)
def test_named_illegal_transitions(data_source_factory, current, target):
    data_source = data_source_factory(status=current)

    with pytest.raises(IllegalTransition):
        data_source_transition(data_source=data_source, to=target)

    assert DataSource.objects.get(pk=data_source.pk).status == current


def test_processing_starts_an_attempt_and_clears_the_previous_error(data_source_factory):
    # given a failed data source
    data_source = data_source_factory(status=S.FAILED, error_code="UPLOAD_TIMEOUT", error_message="slow", attempts=1)

    # when it goes back to processing
    data_source_transition(data_source=data_source, to=S.PROCESSING)

    # then the attempt is counted, the error cleared and the start time set
    fresh = DataSource.objects.get(pk=data_source.pk)
    assert (fresh.attempts, fresh.error_code, fresh.error_message) == (2, "", "")
    assert fresh.started_at is not None
    assert fresh.finished_at is None


def test_failed_records_the_code_message_and_finish_time(data_source_factory):
    data_source = data_source_factory(status=S.PROCESSING)

    data_source_transition(
        data_source=data_source, to=S.FAILED, error_code="CSV_PARSE_ERROR", error_message="unclosed quote"
    )

    fresh = DataSource.objects.get(pk=data_source.pk)
    assert (fresh.status, fresh.error_code, fresh.error_message) == (S.FAILED, "CSV_PARSE_ERROR", "unclosed quote")
    assert fresh.finished_at is not None


def test_a_stale_copy_cannot_win_a_transition_twice(data_source_factory):
    # given two workers holding the same uploaded data source
    data_source = data_source_factory(status=S.UPLOADED)
    first = DataSource.objects.get(pk=data_source.pk)
    second = DataSource.objects.get(pk=data_source.pk)

    # when both try to start it
    data_source_transition(data_source=first, to=S.PROCESSING)
    with pytest.raises(IllegalTransition) as caught:
        data_source_transition(data_source=second, to=S.PROCESSING)

    # then only the first one won: one attempt, and the error reports the real current state
    assert caught.value.extra == {"current": S.PROCESSING, "target": S.PROCESSING}
    assert DataSource.objects.get(pk=data_source.pk).attempts == 1
