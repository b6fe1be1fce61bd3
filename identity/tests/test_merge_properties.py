"""Property: no order of merges and unmerges can leave an orphan record, a chain or a loop."""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from identity.checks import identity_check
from identity.models import PersonaMergeHistory
from identity.services import IdentityError, persona_merge, persona_unmerge
from identity.tests.factories import person_with_contacts
from identity.tests.test_merge_services import snapshot

operations = st.lists(
    st.one_of(
        st.tuples(st.just("merge"), st.integers(0, 4), st.integers(0, 4)),
        st.tuples(st.just("unmerge"), st.integers(0, 20), st.just(0)),
    ),
    min_size=1,
    max_size=12,
)


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=operations)
def test_any_sequence_of_merges_and_unmerges_keeps_the_graph_sound(team, ops):
    with transaction.atomic():
        people = [
            person_with_contacts(team, "Ann", "Lee", phone=f"51255500{i:02d}", email=f"ann{i}@x.com") for i in range(5)
        ]
        start = snapshot(team)
        for op, x, y in ops:
            if op == "merge":
                try:
                    persona_merge(persona_a=people[x], persona_b=people[y])
                except IdentityError as exc:
                    if exc.code != "ALREADY_MERGED":
                        raise
            else:
                open_merges = list(PersonaMergeHistory.objects.for_team(team).filter(action="merge", undone_at=None))
                if open_merges:
                    try:
                        persona_unmerge(history=open_merges[x % len(open_merges)])
                    except IdentityError as exc:
                        if exc.code != "NOT_UNDOABLE":
                            raise
            report = identity_check(team_id=team.pk)
            assert report.ok, report.problems
        # Undo everything still merged, newest first: the team is back exactly where it started.
        while True:
            open_merges = PersonaMergeHistory.objects.for_team(team).filter(action="merge", undone_at=None)
            latest = open_merges.order_by("-created_at", "-id").first()
            if latest is None:
                break
            persona_unmerge(history=latest)
        assert snapshot(team) == start
        transaction.set_rollback(True)


def _apply(team, people, op, x, y):
    if op == "merge":
        try:
            persona_merge(persona_a=people[x], persona_b=people[y])
        except IdentityError as exc:
            if exc.code != "ALREADY_MERGED":
                raise
        return
    open_merges = list(PersonaMergeHistory.objects.for_team(team).filter(action="merge", undone_at=None))
    try:
        persona_unmerge(history=open_merges[x % len(open_merges)])
    except IdentityError as exc:
        if exc.code != "NOT_UNDOABLE":
            raise


@pytest.mark.django_db
def test_undoing_merges_out_of_order_leaves_no_persona_listing_someone_merged_into_it(team):
    # a sequence the property above found: a persona given back while a later merge had carried the survivor
    # into another persona; the persona in between kept listing it as merged into it
    people = [
        person_with_contacts(team, "Ann", "Lee", phone=f"51255500{i:02d}", email=f"ann{i}@x.com") for i in range(5)
    ]
    start = snapshot(team)
    ops = [("merge", 2, 4), ("merge", 4, 1), ("merge", 2, 2), ("merge", 4, 2), ("merge", 4, 0), ("merge", 4, 2),
           ("merge", 1, 3), ("merge", 1, 3), ("unmerge", 19, 0), ("merge", 1, 2), ("unmerge", 7, 0),
           ("unmerge", 0, 0)]  # fmt: skip
    for op, x, y in ops:
        _apply(team, people, op, x, y)
        assert identity_check(team_id=team.pk).ok
    merges = PersonaMergeHistory.objects.for_team(team).filter(action="merge", undone_at=None)
    while latest := merges.order_by("-created_at", "-id").first():
        persona_unmerge(history=latest)
    assert snapshot(team) == start


@pytest.mark.django_db
def test_a_record_given_back_by_an_earlier_unmerge_is_not_held_by_a_later_merge_that_once_moved_it(team):
    # A merge moved a phone along with its survivor; undoing an older merge in between gave the phone back;
    # undoing the first merge must then return it, not leave it with a persona it never belonged to.
    people = [
        person_with_contacts(team, "Ann", "Lee", phone=f"51255500{i:02d}", email=f"ann{i}@x.com") for i in range(5)
    ]
    start = snapshot(team)
    ops = [("merge", 3, 4), ("merge", 3, 2), ("unmerge", 0, 0), ("merge", 1, 4), ("merge", 0, 3),
           ("unmerge", 1, 0), ("unmerge", 1, 0)]  # fmt: skip
    for op, x, y in ops:
        _apply(team, people, op, x, y)
        assert identity_check(team_id=team.pk).ok
    merges = PersonaMergeHistory.objects.for_team(team).filter(action="merge", undone_at=None)
    while latest := merges.order_by("-created_at", "-id").first():
        persona_unmerge(history=latest)
    assert snapshot(team) == start
