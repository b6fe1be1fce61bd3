"""Merges, unmerges and review decisions keep a complete, reversible history."""

import pytest
from django.utils import timezone

from identity.checks import identity_check
from identity.models import MatchReview, Persona, PersonaMergeHistory, PersonaPhone
from identity.services import (
    IdentityError,
    identity_resolve,
    match_review_decide,
    persona_current,
    persona_merge,
    persona_unmerge,
    resolution_settings_update,
)
from identity.tests.factories import BusinessFactory, person_with_contacts
from usdatabiz.core.models import StageFailure


def snapshot(team):
    """Everything merges can change, as plain data."""
    personas = {
        p.pk: (p.is_merged, p.merged_into_id, tuple(p.merged_from_ids), p.do_not_contact)
        for p in Persona.objects.for_team(team)
    }
    phones = {ph.pk: ph.persona_id for p in Persona.objects.for_team(team) for ph in p.phones.all()}
    emails = {e.pk: e.persona_id for p in Persona.objects.for_team(team) for e in p.emails.all()}
    owners = {o.pk: o.persona_id for p in Persona.objects.for_team(team) for o in p.business_links.all()}
    return personas, phones, emails, owners


@pytest.fixture
def acme(team):
    return BusinessFactory(team=team, name="Acme Plumbing", normalized_name="ACME PLUMBING")


def test_merge_moves_every_record_and_keeps_the_merged_persona(team, acme):
    robert = person_with_contacts(team, "Robert", "Smith", phone="5125550143", email="rs@acme.com", business=acme)
    bob = person_with_contacts(team, "Bob", "Smith", phone="5125550999", email="bob@acme.com", business=acme)

    history = persona_merge(persona_a=bob, persona_b=robert)

    survivor, merged = (robert, bob) if robert.pk < bob.pk else (bob, robert)
    merged.refresh_from_db()
    survivor.refresh_from_db()
    assert history.survivor_id == survivor.pk
    assert history.merged_id == merged.pk
    assert merged.is_merged
    assert merged.merged_into_id == survivor.pk
    assert survivor.merged_from_ids == [merged.pk]
    assert set(survivor.phones.values_list("normalized_number", flat=True)) == {"5125550143", "5125550999"}
    assert merged.phones.count() == 0
    assert merged.emails.count() == 0
    assert merged.business_links.count() == 0
    assert history.reasons["fields"]["first_name"]["level"] == "same"
    assert history.reasons["fields"]["phone"]["a"] != []
    assert 0.0 <= history.match_score <= 1.0
    assert persona_current(persona_id=merged.pk).pk == survivor.pk
    assert identity_check(team_id=team.pk).ok


def test_unmerge_restores_exact_state_and_records_false_positive(team, acme):
    a = person_with_contacts(team, "John", "Smith", phone="5125550143", email="js@acme.com", business=acme)
    b = person_with_contacts(team, "John", "Smith", phone="5125550144", email="john@other.com")
    before = snapshot(team)

    history = persona_merge(persona_a=a, persona_b=b)
    undo = persona_unmerge(history=history, note="two different Johns")

    assert snapshot(team) == before
    history.refresh_from_db()
    assert history.undone_at is not None
    assert undo.reverses_id == history.pk
    assert undo.action == PersonaMergeHistory.Action.UNMERGE
    failure = StageFailure.objects.get(code="FALSE_POSITIVE_MERGE")
    assert failure.stage == 3
    assert failure.team_id == team.pk
    review = MatchReview.objects.get(team=team)
    assert review.status == MatchReview.Status.REJECTED
    with pytest.raises(IdentityError) as err:
        persona_unmerge(history=history)
    assert err.value.code == "NOT_UNDOABLE"


def test_unmerge_of_an_inner_merge_after_the_survivor_was_merged_again(team):
    p1 = person_with_contacts(team, "Ann", "Lee", phone="5125550001")
    p2 = person_with_contacts(team, "Ann", "Lee", phone="5125550002")
    p3 = person_with_contacts(team, "Ann", "Lee", phone="5125550003")
    before = snapshot(team)
    h12 = persona_merge(persona_a=p1, persona_b=p2)
    h13 = persona_merge(persona_a=p1, persona_b=p3)
    persona_unmerge(history=h12)
    persona_unmerge(history=h13)
    assert snapshot(team) == before
    assert identity_check(team_id=team.pk).ok


def test_merging_an_old_survivor_compresses_the_chain(team):
    p1 = person_with_contacts(team, "Ann", "Lee", phone="5125550001")
    p2 = person_with_contacts(team, "Ann", "Lee", phone="5125550002")
    p3 = person_with_contacts(team, "Ann", "Lee", phone="5125550003")
    persona_merge(persona_a=p2, persona_b=p3)  # p2 survives, absorbs p3
    persona_merge(persona_a=p1, persona_b=p2)  # p1 survives, absorbs p2 and with it p3
    p3.refresh_from_db()
    assert p3.merged_into_id == p1.pk
    p1.refresh_from_db()
    assert set(p1.merged_from_ids) == {p2.pk, p3.pk}
    assert identity_check(team_id=team.pk).ok


def test_merge_of_the_same_person_twice_is_refused(team):
    p1 = person_with_contacts(team, "Ann", "Lee")
    p2 = person_with_contacts(team, "Ann", "Lee")
    persona_merge(persona_a=p1, persona_b=p2)
    with pytest.raises(IdentityError) as err:
        persona_merge(persona_a=p2, persona_b=p1)
    assert err.value.code == "ALREADY_MERGED"
    assert PersonaMergeHistory.objects.count() == 1


def test_merge_across_teams_is_refused(team, other_team):
    p1 = person_with_contacts(team, "Ann", "Lee")
    p2 = person_with_contacts(other_team, "Ann", "Lee")
    with pytest.raises(IdentityError) as err:
        persona_merge(persona_a=p1, persona_b=p2)
    assert err.value.code == "CROSS_TEAM_MERGE"
    assert PersonaMergeHistory.objects.count() == 0


def test_survivor_keeps_the_strictest_flag(team):
    p1 = person_with_contacts(team, "Ann", "Lee")
    p2 = person_with_contacts(team, "Ann", "Lee", do_not_contact=True)
    persona_merge(persona_a=p1, persona_b=p2)
    p1.refresh_from_db()
    assert p1.do_not_contact is True


def test_manual_merge_of_a_missed_pair_records_false_negative(team, operator):
    p1 = person_with_contacts(team, "Kate", "Brown", phone="5125550001")
    p2 = person_with_contacts(team, "Katherine", "Brown", phone="5125550002", state="TX", zip5="78702")
    persona_merge(persona_a=p1, persona_b=p2, user=operator)
    failure = StageFailure.objects.get(code="FALSE_NEGATIVE")
    assert failure.stage == 3
    assert "missed" in failure.detail
    assert PersonaMergeHistory.objects.get().merged_by == "user"


def test_review_confirm_merges_and_reject_is_remembered(team, operator):
    resolution_settings_update(team=team, auto_merge_threshold=1.0, review_threshold=0.5)
    a = person_with_contacts(team, "John", "Smith", phone="5125550143")
    b = person_with_contacts(team, "John", "Smith", phone="5125550143")
    c = person_with_contacts(team, "Mary", "Jones", email="mj@x.com")
    d = person_with_contacts(team, "Mary", "Jones", email="mj@x.com")
    identity_resolve(team=team)
    reviews = {frozenset((r.persona_a_id, r.persona_b_id)): r for r in MatchReview.objects.for_team(team)}
    assert set(reviews) == {frozenset((a.pk, b.pk)), frozenset((c.pk, d.pk))}

    match_review_decide(review=reviews[frozenset((a.pk, b.pk))], confirm=True, user=operator)
    match_review_decide(review=reviews[frozenset((c.pk, d.pk))], confirm=False, user=operator)

    b.refresh_from_db()
    assert b.merged_into_id == a.pk
    assert not StageFailure.objects.filter(code="FALSE_NEGATIVE").exists()
    Persona.objects.filter(pk__in=[c.pk, d.pk]).update(resolved_at=None)
    identity_resolve(team=team)
    assert MatchReview.objects.for_team(team).filter(status="pending").count() == 0
    d.refresh_from_db()
    assert not d.is_merged


def test_resolve_merges_duplicates_and_keeps_hard_negatives_apart(team, acme):
    robert = person_with_contacts(team, "Robert", "Smith", phone="5125550143", business=acme)
    bob = person_with_contacts(team, "Bob", "Smith", phone="5125550143", business=acme)
    colleague = person_with_contacts(team, "Maria", "Garcia", phone="5125550143", business=acme)
    namesake = person_with_contacts(team, "Robert", "Smith", phone="2165550100", state="OH", zip5="44101")

    run = identity_resolve(team=team)

    assert run.count_out == 1
    bob.refresh_from_db()
    colleague.refresh_from_db()
    namesake.refresh_from_db()
    assert bob.merged_into_id == robert.pk
    assert bob.merged_at is not None
    assert abs((timezone.now() - bob.merged_at).total_seconds()) < 60
    assert not colleague.is_merged
    assert not namesake.is_merged
    assert identity_check(team_id=team.pk).ok
    again = identity_resolve(team=team)
    assert again.count_in == 0
    assert again.count_out == 0


def test_resolve_in_bulk_matches_one_by_one_semantics_and_unmerges(team, acme):
    people = [
        person_with_contacts(team, first, "Nguyen", phone="5125550777", business=acme)
        for first in ("William", "Bill", "Will", "Billy")
    ]
    before = snapshot(team)
    identity_resolve(team=team)
    survivor = people[0]
    survivor.refresh_from_db()
    assert sorted(survivor.merged_from_ids) == sorted(p.pk for p in people[1:])
    assert survivor.phones.count() == 4
    for history in PersonaMergeHistory.objects.for_team(team).order_by("-created_at", "-id"):
        persona_unmerge(history=history)
    assert snapshot(team) == before


def test_check_identity_finds_orphans(team):
    p1 = person_with_contacts(team, "Ann", "Lee", phone="5125550001")
    p2 = person_with_contacts(team, "Ann", "Lee", phone="5125550002")
    persona_merge(persona_a=p1, persona_b=p2)
    # Simulate corruption that the services never produce: a phone left on the merged persona.
    p1.phones.update(persona=p2)
    report = identity_check(team_id=team.pk)
    assert [code for code, _ in report.problems] == ["ORPHAN_RECORDS", "ORPHAN_RECORDS"]  # both phones


def test_check_identity_finds_references_to_missing_personas(team):
    p1 = person_with_contacts(team, "Ann", "Lee", phone="5125550001")
    PersonaPhone.objects.filter(persona=p1).update(persona_id="per_doesnotexist")
    report = identity_check(team_id=team.pk)
    assert len(report.problems) == 1
    assert report.problems[0][0] == "ORPHAN_RECORDS"
    assert "missing persona per_doesnotexist" in report.problems[0][1]


def test_unmerging_an_older_merge_leaves_records_a_later_merge_moved(team):
    # p1 <- p2, p0 <- p1, undo p1 <- p2, p0 <- p2, undo p0 <- p1: p2's records belong to the last merge.
    people = [
        person_with_contacts(team, "Ann", "Lee", phone=f"51255500{i:02d}", email=f"ann{i}@x.com") for i in range(3)
    ]
    start = snapshot(team)
    h1 = persona_merge(persona_a=people[1], persona_b=people[2])
    h2 = persona_merge(persona_a=people[0], persona_b=people[1])
    persona_unmerge(history=h1)
    h3 = persona_merge(persona_a=people[0], persona_b=people[2])
    persona_unmerge(history=h2)
    assert identity_check(team_id=team.pk).ok
    assert set(people[0].phones.values_list("normalized_number", flat=True)) == {"5125550000", "5125550002"}
    persona_unmerge(history=h3)
    assert snapshot(team) == start
