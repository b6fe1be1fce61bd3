"""Stage 3 split into leased block partitions: incremental runs over the key index, workers sharing a run."""

from datetime import timedelta

import pytest
from django.utils import timezone

from identity import partitions
from identity.models import (
    Persona,
    PersonaBlockKey,
    PersonaMergeHistory,
    ResolutionIndexChunk,
    ResolutionPartition,
)
from identity.services import identity_resolve
from identity.tests.factories import BusinessFactory, person_with_contacts
from usdatabiz.core.leases import work_claim, work_sweep
from usdatabiz.core.models import StageRun


@pytest.fixture
def acme(team):
    return BusinessFactory(team=team, name="Acme Plumbing", normalized_name="ACME PLUMBING")


def _people(team, acme):
    robert = person_with_contacts(team, "Robert", "Smith", phone="5125550143", business=acme)
    bob = person_with_contacts(team, "Bob", "Smith", phone="5125550143", business=acme)
    colleague = person_with_contacts(team, "Maria", "Smith", phone="5125550143", business=acme)
    beauman = person_with_contacts(team, "Brett", "Beauman", phone="5125550199", email="brett@beauman.com")
    return robert, bob, colleague, beauman


def test_a_run_indexes_new_personas_once_and_the_next_run_finds_old_ones_by_key(team, acme):
    robert, bob, colleague, beauman = _people(team, acme)
    identity_resolve(team=team)
    keys = PersonaBlockKey.objects.filter(team=team).count()
    assert keys > 0
    assert set(PersonaBlockKey.objects.filter(team=team).values_list("persona_id", flat=True)) == {
        robert.pk,
        bob.pk,
        colleague.pk,
        beauman.pk,
    }
    bob.refresh_from_db()
    assert bob.merged_into_id == robert.pk

    # a later file brings Brett again with a typo and another phone: only he is new and indexed
    again = person_with_contacts(team, "Brett", "Beuman", phone="5125550777", email="brett@beauman.com")
    run = identity_resolve(team=team)
    assert run.count_in == 1
    assert PersonaBlockKey.objects.filter(team=team).exclude(persona_id=again.pk).count() == keys
    again.refresh_from_db()
    assert again.merged_into_id == beauman.pk
    colleague.refresh_from_db()
    assert not colleague.is_merged


def test_a_new_persona_matches_a_merged_one_through_its_survivor(team, acme):
    robert, bob, _, _ = _people(team, acme)
    identity_resolve(team=team)
    # the new record shares only the key of the merged persona (BOB's name pair): it lands on the survivor
    late = person_with_contacts(team, "Bob", "Smith", phone="5125550143", business=acme)
    identity_resolve(team=team)
    late.refresh_from_db()
    assert late.merged_into_id == robert.pk


def test_two_workers_share_a_run_and_a_killed_workers_partition_is_retried(
    team, acme, settings, time_machine, monkeypatch
):
    # given a run whose partitions wait in the bulk queue (the queue is not worked here)
    robert, bob, colleague, beauman = _people(team, acme)
    queued = []
    monkeypatch.setattr(partitions, "PARTITION_PERSONAS", 1)  # 4 new personas: 4 partitions
    monkeypatch.setattr(partitions, "work_enqueue", queued.append)
    run = partitions.resolution_start(team_id=team.pk)
    [chunk] = queued  # 4 new personas: one index chunk, whose worker queues the partitions
    queued.clear()
    partitions.resolution_index_chunk_run(chunk_id=chunk.pk)
    monkeypatch.undo()
    parts = list(ResolutionPartition.objects.filter(run=run).order_by("number"))
    assert len(queued) == len(parts) == 4
    # the partition holding the duplicates' phone key is the one the first worker takes, and then it is killed
    phone_part = partitions.key_hash(("p", "5125550143")) % partitions.PARTITIONS % 4
    victim = parts[phone_part]
    assert work_claim(ResolutionPartition, victim.pk, owner="dead-host:1") is not None

    # when the second worker runs every queued partition: the one the dead worker holds is skipped
    for part in parts:
        partitions.resolution_partition_run(partition_id=part.pk)
    run.refresh_from_db()
    assert run.status == StageRun.Status.RUNNING
    assert not PersonaMergeHistory.objects.filter(team=team).exists()
    victim.refresh_from_db()
    assert (victim.state, victim.lease_owner) == ("running", "dead-host:1")

    # and, once the lease has expired, the sweeper hands the partition to a live worker (inline here)
    time_machine.move_to(timezone.now() + timedelta(seconds=settings.WORK_LEASE_SECONDS + 1))
    assert work_sweep(models=[ResolutionPartition]) == {"requeued": 1, "failed": 0}

    # then the run finished once, with the duplicates merged and the colleague kept apart
    run.refresh_from_db()
    victim.refresh_from_db()
    assert run.status == StageRun.Status.SUCCEEDED
    assert (victim.state, victim.attempts) == ("done", 2)
    assert list(PersonaMergeHistory.objects.filter(team=team).values_list("survivor_id", "merged_id", "run_id")) == [
        (robert.pk, bob.pk, run.pk)
    ]
    colleague.refresh_from_db()
    assert not colleague.is_merged
    assert not Persona.objects.filter(team=team, resolved_at__isnull=True).exists()
    # a duplicate delivery of the finishing task changes nothing
    assert partitions.resolution_finish(run_id=run.pk).status == StageRun.Status.SUCCEEDED
    assert PersonaMergeHistory.objects.filter(team=team).count() == 1


def test_a_partition_repeated_after_it_finished_stores_nothing_twice(team, acme):
    _people(team, acme)
    run = identity_resolve(team=team)
    part = ResolutionPartition.objects.filter(run=run).first()
    assert partitions.resolution_partition_run(partition_id=part.pk) is None  # already done: returns at once


def test_personas_indexed_by_a_run_that_failed_are_indexed_once_by_the_next(team, acme):
    robert, bob, colleague, beauman = _people(team, acme)
    identity_resolve(team=team)
    keys = PersonaBlockKey.objects.filter(team=team).count()
    again = person_with_contacts(team, "Brett", "Beuman", phone="5125550777", email="brett@beauman.com")
    partitions.index_new_personas(team_id=team.pk)  # a run indexed him, then died before its partitions
    own = PersonaBlockKey.objects.filter(team=team, persona_id=again.pk).count()
    assert own > 0

    run = identity_resolve(team=team)
    assert run.status == StageRun.Status.SUCCEEDED
    assert PersonaBlockKey.objects.filter(team=team, persona_id=again.pk).count() == own
    assert PersonaBlockKey.objects.filter(team=team).count() == keys + own  # the resolved personas' rows kept
    again.refresh_from_db()
    assert again.merged_into_id == beauman.pk


def test_partition_count_grows_in_powers_of_two_up_to_the_stored_modulus():
    assert partitions.partition_count(10) == 1
    assert partitions.partition_count(partitions.PARTITION_PERSONAS + 1) == 2
    assert partitions.partition_count(10**9) == partitions.PARTITIONS


def test_key_hash_is_stable_and_signed_64_bit():
    h = partitions.key_hash(("lz", "SMITH", "78701"))
    assert h == partitions.key_hash(("lz", "SMITH", "78701"))
    assert -(2**63) <= h < 2**63
    assert h != partitions.key_hash(("lz", "SMITH", "78702"))


def test_resolve_command_queues_the_partitions_for_a_running_cluster_and_waits(team, acme, monkeypatch):
    import io
    import json

    from django.core.management import call_command

    from identity.management.commands import resolve as command

    robert, bob, _, _ = _people(team, acme)
    queued = []
    real_enqueue = partitions.work_enqueue
    monkeypatch.setattr(command, "cluster_running", lambda lane: lane == "bulk")  # a bulk cluster is up
    monkeypatch.setattr(partitions, "work_enqueue", lambda row: (queued.append(row.pk), real_enqueue(row)))
    out = io.StringIO()
    call_command("resolve", team=team.slug, json=True, wait=True, poll=0.01, stdout=out)
    summary = json.loads(out.getvalue())
    assert summary["queued"] is True
    assert summary["status"] == "succeeded"
    assert summary["merges"] == 1
    assert summary["partitions_done"] == summary["partitions"] == 1
    assert [pk[:4] for pk in queued] == ["ric_", "rpt_"]  # the index chunk, then the partition it queued
    bob.refresh_from_db()
    assert bob.merged_into_id == robert.pk


def test_resolve_command_runs_inline_without_a_cluster(team, acme):
    import io
    import json

    from django.core.management import call_command

    _people(team, acme)
    out = io.StringIO()
    call_command("resolve", team=team.slug, json=True, stdout=out)
    summary = json.loads(out.getvalue())
    assert (summary["queued"], summary["status"], summary["merges"]) == (False, "succeeded", 1)


def _expected_keys(team) -> set[tuple[str, int]]:
    ids = Persona.objects.filter(team=team).values_list("pk", flat=True)
    views = partitions.views_for(team_id=team.pk, persona_ids=ids)
    return {(pid, key) for pid, view in views.items() for key in partitions._keys_of(view)}


def test_workers_share_the_index_in_chunks_and_a_killed_workers_chunk_is_written_once(
    team, acme, settings, time_machine, monkeypatch
):
    # given a run of 4 new personas cut into 2 index chunks waiting in the bulk queue
    robert, bob, colleague, beauman = _people(team, acme)
    expected = _expected_keys(team)
    queued = []
    monkeypatch.setattr(partitions, "INDEX_CHUNK", 2)
    monkeypatch.setattr(partitions, "work_enqueue", queued.append)
    run = partitions.resolution_start(team_id=team.pk)
    monkeypatch.undo()
    chunks = list(ResolutionIndexChunk.objects.filter(run=run).order_by("number"))
    assert [c.pk for c in queued] == [c.pk for c in chunks]
    assert len(chunks) == 2
    assert (chunks[0].first_persona, chunks[1].last_persona) == (min(expected)[0], max(expected)[0])
    assert not PersonaBlockKey.objects.filter(team=team).exists()  # nothing indexed before a worker claims
    # and the first worker takes the first chunk, then is killed
    assert work_claim(ResolutionIndexChunk, chunks[0].pk, owner="dead-host:1") is not None

    # when the second worker runs every queued chunk: the dead worker's is skipped, and no partition starts yet
    for chunk in chunks:
        partitions.resolution_index_chunk_run(chunk_id=chunk.pk)
    assert not ResolutionPartition.objects.filter(run=run).exists()
    written = set(PersonaBlockKey.objects.filter(team=team).values_list("persona_id", "key"))
    assert written
    assert written < expected
    assert not {pid for pid, _ in written} & set(
        Persona.objects.filter(pk__lte=chunks[0].last_persona).values_list("pk", flat=True)
    )

    # and once the lease has expired the sweeper hands the chunk to a live worker (inline here), whose chunk
    # finds none left and queues the partitions, which run and finish the run
    time_machine.move_to(timezone.now() + timedelta(seconds=settings.WORK_LEASE_SECONDS + 1))
    assert work_sweep(models=[ResolutionIndexChunk]) == {"requeued": 1, "failed": 0}

    # then every persona's keys are in the index exactly once, and the run merged the duplicates once
    rows = list(PersonaBlockKey.objects.filter(team=team).values_list("persona_id", "key"))
    assert len(rows) == len(set(rows))
    assert set(rows) == expected
    assert [(c.state, c.attempts) for c in ResolutionIndexChunk.objects.filter(run=run).order_by("number")] == [
        ("done", 2),
        ("done", 1),
    ]
    run.refresh_from_db()
    assert run.status == StageRun.Status.SUCCEEDED
    assert list(PersonaMergeHistory.objects.filter(team=team).values_list("survivor_id", "merged_id")) == [
        (robert.pk, bob.pk)
    ]
    # a duplicate delivery of a chunk writes nothing and queues no second set of partitions
    assert partitions.resolution_index_chunk_run(chunk_id=chunks[1].pk) is None
    assert PersonaBlockKey.objects.filter(team=team).count() == len(expected)
    assert ResolutionPartition.objects.filter(run=run).count() == 1


def test_a_worker_presumed_dead_while_indexing_commits_nothing_when_it_comes_back(
    team, acme, settings, time_machine, monkeypatch
):
    # given a run of one index chunk, whose worker stalls after reading its personas ...
    _people(team, acme)
    expected = _expected_keys(team)
    queued = []
    monkeypatch.setattr(partitions, "work_enqueue", queued.append)
    run = partitions.resolution_start(team_id=team.pk)
    monkeypatch.undo()
    [chunk] = queued
    real = partitions._index_rows

    def stalls(team_id, persona_ids):
        result = real(team_id, persona_ids)
        # ... long enough for its lease to expire and the sweeper to give the chunk to another worker (inline here)
        time_machine.move_to(timezone.now() + timedelta(seconds=settings.WORK_LEASE_SECONDS + 1))
        monkeypatch.setattr(partitions, "_index_rows", real)
        assert work_sweep(models=[ResolutionIndexChunk]) == {"requeued": 1, "failed": 0}
        return result

    monkeypatch.setattr(partitions, "_index_rows", stalls)

    # when the stalled worker comes back
    partitions.resolution_index_chunk_run(chunk_id=chunk.pk)

    # then its rows were not written a second time: the other worker's run is the one that counted
    rows = list(PersonaBlockKey.objects.filter(team=team).values_list("persona_id", "key"))
    assert len(rows) == len(set(rows))
    assert set(rows) == expected
    chunk.refresh_from_db()
    run.refresh_from_db()
    assert (chunk.state, chunk.attempts) == ("done", 2)
    assert run.status == StageRun.Status.SUCCEEDED
    assert ResolutionPartition.objects.filter(run=run).count() == 1


def test_a_pair_is_compared_once_when_the_older_personas_index_lacks_a_key_they_share_now(team, acme, monkeypatch):
    # given Brett, resolved by an earlier run whose index lacks one key he has now (written before that kind of
    # key existed): of the keys he shares with a new copy of himself, the one with the smallest hash
    brett = person_with_contacts(team, "Brett", "Beauman", phone="5125550199", email="brett@beauman.com", business=acme)
    identity_resolve(team=team)
    indexed = dict(PersonaBlockKey.objects.filter(team=team, persona=brett).values_list("key", "id"))
    smallest, second = sorted(indexed)[:2]
    assert smallest % partitions.PARTITIONS != second % partitions.PARTITIONS  # two partitions apart
    PersonaBlockKey.objects.filter(pk=indexed[smallest]).delete()
    copy = person_with_contacts(team, "Brett", "Beauman", phone="5125550199", email="brett@beauman.com", business=acme)

    # when a run split into every partition compares the new copy (keys in 16 partitions)
    monkeypatch.setattr(partitions, "PARTITION_PERSONAS", 0)
    run = identity_resolve(team=team)

    # then the pair was compared once, in the partition of the smallest key both hold in the index, and merged
    assert ResolutionPartition.objects.filter(run=run).count() == partitions.PARTITIONS
    assert "pairs compared 1," in run.detail
    copy.refresh_from_db()
    assert copy.merged_into_id == brett.pk


def test_a_run_reads_the_generation_the_list_wrote_after_a_name_and_keeps_father_and_son_apart(team, acme):
    """ROBERT SMITH and ROBERT SMITH JR. on the office line: one match key, two people; a plain copy still merges."""
    father = person_with_contacts(team, "Robert", "Smith", phone="5125550143", business=acme)
    son = person_with_contacts(
        team, "Robert", "Smith Jr.", phone="5125550143", business=acme, normalized_last_name="SMITH"
    )
    copy = person_with_contacts(team, "Robert", "Smith", phone="5125550143", business=acme)
    views = partitions.views_for(team_id=team.pk, persona_ids=[father.pk, son.pk])
    assert (views[father.pk].generation, views[son.pk].generation) == ("", "JR")
    identity_resolve(team=team)
    son.refresh_from_db()
    copy.refresh_from_db()
    assert not son.is_merged
    assert copy.merged_into_id == father.pk
