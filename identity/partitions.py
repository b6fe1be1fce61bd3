"""Stage 3 at any size: an incremental run split into block partitions that any number of workers share.

A run (``resolution_start``):

1. **Index.** The team's new personas (never resolved) are cut into id ranges of ``INDEX_CHUNK``, one
   leased row each (``ResolutionIndexChunk``) queued on the bulk lane, so that every worker indexes: a
   chunk's blocking keys (``resolution.blocking_keys``, hashed to 64 bits) are written to
   ``PersonaBlockKey`` in the transaction that marks it done, so a killed worker's chunk is written once,
   by whoever takes it over. Personas resolved by an earlier run already have their keys there: the team
   is never reloaded. The chunk that finds none left creates the partitions.
2. **Partitions.** ``PARTITIONS`` leased rows (``ResolutionPartition``, ``core.leases``) are queued on the
   bulk lane. A partition reads from the index only the blocks of its key hashes (hash modulo
   ``PARTITIONS``) that hold a new persona (a merged persona stands for its survivor), forms their pairs from
   the names alone (blocks over ``resolution.MAX_BLOCK`` in a sorted window), keeps the pairs it owns (a pair
   belongs to the partition of the smallest key hash the two share in the index), and loads and compares the
   personas of those pairs only. It
   stores, with its ``done`` state in one transaction, the EM statistics of its pairs (agreement pattern
   counts) and the pairs no guard rules out. A killed worker's partition is taken over by another
   worker when its lease expires; run twice, it stores the same thing once.
3. **Finish.** The partition that finds none left queues ``resolution_finish``: EM on the summed patterns
   (starting from the team's last model), scoring of the stored pairs with name frequencies, complete-
   linkage clustering with the guards (``resolution.plan_pairs``), bulk merges with their explanations,
   the review queue, and the new personas marked resolved. Its memory holds the stored pairs and their
   personas, not the team.

Without a cluster the same steps run one after another in the calling process (``identity_resolve``).
"""

import logging
import struct
from collections import Counter, defaultdict
from hashlib import blake2b

from django.db import connection, transaction
from django.utils import timezone

from usdatabiz.core import journey
from usdatabiz.core.handovers import handover_taken_over
from usdatabiz.core.leases import LeaseLost, work_claim, work_done, work_enqueue, work_heartbeat
from usdatabiz.core.models import LeasedWork, StageRun
from usdatabiz.core.services import stage_run_finish, stage_run_start

from . import resolution
from .models import (
    BusinessOwner,
    MatchReview,
    Persona,
    PersonaBlockKey,
    PersonaEmail,
    PersonaPhone,
    ResolutionIndexChunk,
    ResolutionPartition,
    ResolutionSettings,
)
from .services import LINK_FACTS, id_array

log = logging.getLogger(__name__)
PARTITIONS = 16  # key hashes are stored modulo this; a run uses 1, 2, 4, 8 or 16 partitions of them
PARTITION_PERSONAS = 50000  # about this many new personas per partition
INDEX_CHUNK = 10000  # new personas per leased index chunk
LOAD_CHUNK = 5000
ANALYZE_AFTER = 10000  # new personas indexed by a run from which the index's statistics are refreshed


_SIGNED_64 = struct.Struct(">q").unpack


def key_hash(key: tuple) -> int:
    """Return the signed 64-bit hash of a blocking key, the same on every host and Python."""
    try:
        text = "\x1f".join(key)
    except TypeError:  # a value that is not text (none is today) is written as str() writes it
        text = "\x1f".join(map(str, key))
    return _SIGNED_64(blake2b(text.encode(), digest_size=8).digest())[0]


def partition_count(new_personas: int) -> int:
    """Return how many partitions a run of ``new_personas`` uses: a power of two up to ``PARTITIONS``.

    A persona's keys fall in several partitions, so each partition loads it again: a small run is one
    partition, a large one is split so that a partition holds about ``PARTITION_PERSONAS`` new personas.
    """
    count = 1
    while count < PARTITIONS and new_personas > count * PARTITION_PERSONAS:
        count *= 2
    return count


def _keys_of(view: resolution.PersonaView) -> set[int]:
    return {key_hash(key) for key in resolution.blocking_keys(view)}


def _chunks(seq, size):
    for start in range(0, len(seq), size):
        yield seq[start : start + size]


_VIEW_SQL = {
    "phones": "SELECT persona_id, normalized_number FROM identity_personaphone WHERE persona_id = ANY(%s::text[])",
    "emails": "SELECT persona_id, email FROM identity_personaemail WHERE persona_id = ANY(%s::text[])",
    "links": (
        "SELECT o.persona_id, b.normalized_name, b.address, b.zip5, b.city, o.title, b.sic_code "
        "FROM identity_businessowner o "
        "JOIN identity_business b ON b.id = o.business_id WHERE o.persona_id = ANY(%s::text[])"
    ),
    "personas": (
        "SELECT id, normalized_first_name, normalized_last_name, state, zip5, last_name FROM identity_persona "
        "WHERE team_id = %s AND id = ANY(%s::text[]) AND NOT is_merged"
    ),
}


def _view_rows(team_id: str, chunk: list[str]) -> tuple[list, list, list, list]:
    """Read the rows behind some personas' views: one query per table, the ids sent as one array on PostgreSQL.

    ``pk__in`` with thousands of ids makes the ORM build and psycopg convert one placeholder per id, which
    cost more than the queries; an array parameter is one value. Other databases use the ORM.
    """
    if connection.vendor == "postgresql":
        out = []
        with connection.cursor() as cursor:
            for name in ("phones", "emails", "links"):
                cursor.execute(_VIEW_SQL[name], [id_array(chunk)])
                out.append(cursor.fetchall())
            cursor.execute(_VIEW_SQL["personas"], [team_id, id_array(chunk)])
            out.append(cursor.fetchall())
        return out[0], out[1], out[2], out[3]
    phones = list(PersonaPhone.objects.filter(persona_id__in=chunk).values_list("persona_id", "normalized_number"))
    emails = list(PersonaEmail.objects.filter(persona_id__in=chunk).values_list("persona_id", "email"))
    links = list(BusinessOwner.objects.filter(persona_id__in=chunk).values_list("persona_id", *LINK_FACTS))
    personas = list(
        Persona.objects.filter(team_id=team_id, pk__in=chunk, is_merged=False).values_list(
            "pk", "normalized_first_name", "normalized_last_name", "state", "zip5", "last_name"
        )
    )
    return phones, emails, links, personas


def views_for(*, team_id: str, persona_ids, new_ids=frozenset()) -> dict[str, resolution.PersonaView]:
    """Load the matching views of some personas (their phones, e-mails and businesses) by id."""
    from .services import _business_facts

    views = {}
    for chunk in _chunks(sorted(set(persona_ids)), LOAD_CHUNK):
        phones, emails, links = defaultdict(list), defaultdict(list), defaultdict(list)
        phone_rows, email_rows, link_rows, persona_rows = _view_rows(team_id, chunk)
        for pid, number in phone_rows:
            phones[pid].append(number)
        for pid, email in email_rows:
            emails[pid].append(email)
        for pid, *facts in link_rows:
            links[pid].append(tuple(facts))
        for pk, first, last, state, zip5, raw_last in persona_rows:
            businesses, addresses, cities, titles, trades = _business_facts(links.get(pk, ()))
            views[pk] = resolution.PersonaView(
                pk,
                first,
                last,
                state,
                zip5,
                tuple(dict.fromkeys(phones.get(pk, ()))),
                tuple(dict.fromkeys(emails.get(pk, ()))),
                businesses,
                pk in new_ids,
                addresses,
                cities,
                titles,
                trades,
                resolution.name_generation(raw_last),
            )
    return views


def _new_persona_ids(team_id: str, first: str = "", last: str = ""):
    new = Persona.objects.filter(team_id=team_id, resolved_at__isnull=True, is_merged=False)
    if first:
        new = new.filter(pk__gte=first, pk__lte=last)
    return new.order_by("pk").values_list("pk", flat=True).iterator(chunk_size=INDEX_CHUNK)


def _write_keys(rows: list[tuple]) -> None:
    """Write index rows (team, key, part, persona): COPY on PostgreSQL, a bulk insert elsewhere.

    Rows go in (part, key) order, the order of the index a partition reads: PostgreSQL then inserts into
    neighbouring index pages instead of random ones, which halves the time of the COPY. The COPY text is
    built here (ids are prefixed ULIDs and keys integers: nothing to escape) rather than row by row.
    """
    rows = sorted(rows, key=lambda row: (row[2], row[1]))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            with cursor.cursor.copy(
                "COPY identity_personablockkey (team_id, key, part, persona_id) FROM STDIN"
            ) as copy:
                for chunk in _chunks(rows, 50000):
                    copy.write("".join(f"{team}\t{key}\t{part}\t{pid}\n" for team, key, part, pid in chunk))
        return
    PersonaBlockKey.objects.bulk_create(
        [PersonaBlockKey(team_id=t, key=k, part=p, persona_id=pid) for t, k, p, pid in rows], batch_size=2000
    )


def _delete_stale_keys(team_id: str) -> None:
    """Delete the index rows of personas indexed by a run that failed later: they are indexed afresh.

    Once per run, joined to the unresolved personas. (Per chunk, by persona id, each delete walked every index
    row of the team: no index leads with the persona, and one would cost every COPY more than this costs a run.)
    """
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "DELETE FROM identity_personablockkey k USING identity_persona p WHERE k.team_id = %s "
                    "AND p.id = k.persona_id AND p.resolved_at IS NULL AND NOT p.is_merged",
                    [team_id],
                )
        else:
            PersonaBlockKey.objects.filter(
                team_id=team_id,
                persona_id__in=Persona.objects.filter(team_id=team_id, resolved_at__isnull=True, is_merged=False),
            ).delete()


def _index_rows(team_id: str, persona_ids: list[str]) -> tuple[int, list[tuple]]:
    """Return how many of some personas are still new, and their index rows (team, key hash, part, persona)."""
    views = views_for(team_id=team_id, persona_ids=persona_ids)
    return len(views), [(team_id, h, h % PARTITIONS, view.id) for view in views.values() for h in _keys_of(view)]


def _index_chunks(team_id: str) -> list[tuple[str, str, int]]:
    """Cut the team's new personas into id ranges of ``INDEX_CHUNK``: (first id, last id, personas)."""
    bounds = []
    first = last = None
    count = 0
    for pid in _new_persona_ids(team_id):
        if first is None:
            first = pid
        last = pid
        count += 1
        if count == INDEX_CHUNK:
            bounds.append((first, last, count))
            first, count = None, 0
    if first is not None:
        bounds.append((first, last, count))
    return bounds


def index_new_personas(*, team_id: str) -> int:
    """Write the blocking keys of the team's new personas to the index here, a chunk per transaction; return how many.

    A run shares this work between its workers as leased chunks (``resolution_index_chunk_run``); this is the
    same work in one process.
    """
    _delete_stale_keys(team_id)
    count = 0
    for first, last, _ in _index_chunks(team_id):
        indexed, rows = _index_rows(team_id, list(_new_persona_ids(team_id, first, last)))
        with transaction.atomic():
            _write_keys(rows)
        count += indexed
    _analyze_index(count)
    return count


def _analyze_index(indexed: int) -> None:
    if connection.vendor == "postgresql" and indexed >= ANALYZE_AFTER:
        # The partitions' block query is planned from the table's statistics; after a large COPY they are
        # stale until autovacuum comes by (a nested loop over every row instead of a hash join).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE identity_personablockkey")


def resolution_start(*, team_id: str, inline: bool = False, triggered_at=None) -> StageRun:
    """Start a run: queue one leased task per chunk of new personas to index (or run them, then the partitions, here).

    ``triggered_at``: the end of the stage that queued the run, which its felt delay (the SLA) is measured from.
    """
    from .services import resolution_settings_get

    resolution_settings_get(team=team_id)
    new_count = Persona.objects.filter(team_id=team_id, resolved_at__isnull=True, is_merged=False).count()
    run = stage_run_start(team=team_id, stage=3, count_in=new_count, triggered_at=triggered_at)
    if not new_count:
        with transaction.atomic():
            run = stage_run_finish(
                run=run, status=StageRun.Status.SUCCEEDED, count_in=0, count_out=0, detail="no new personas"
            )
            handover_taken_over()
            if not inline:
                journey.advance(stage=3, subject_id=run.pk, team_id=team_id)
        return run
    _delete_stale_keys(team_id)
    bounds = _index_chunks(team_id)
    with transaction.atomic():
        chunks = ResolutionIndexChunk.objects.bulk_create(
            [
                ResolutionIndexChunk(team_id=team_id, run=run, number=n, first_persona=first, last_persona=last)
                for n, (first, last, _) in enumerate(bounds)
            ]
        )
        handover_taken_over()  # the chunks are leased work: from here on stage 3 recovers by itself
        if not inline:
            for chunk in chunks:
                work_enqueue(chunk)
    if inline:
        for chunk in chunks:
            resolution_index_chunk_run(chunk_id=chunk.pk, queue=False)
        for part in ResolutionPartition.objects.filter(run=run).order_by("number"):
            resolution_partition_run(partition_id=part.pk, finish=False)
        return resolution_finish(run_id=run.pk, advance=False)
    return run


def resolution_index_chunk_run(*, chunk_id: str, queue: bool = True) -> ResolutionIndexChunk | None:
    """Write the blocking keys of one chunk of a run's new personas (leased: written once, with ``done``)."""
    chunk = work_claim(ResolutionIndexChunk, chunk_id)
    if chunk is None:
        return None
    try:
        indexed, rows = _index_rows(
            chunk.team_id, list(_new_persona_ids(chunk.team_id, chunk.first_persona, chunk.last_persona))
        )
        if not work_heartbeat(chunk):
            raise LeaseLost(chunk.pk)
        with transaction.atomic():
            _write_keys(rows)
            work_done(chunk, personas=indexed, keys=len(rows))  # LeaseLost here rolls the rows back
    except LeaseLost as exc:
        log.info("resolution index chunk %s stopped: %s", chunk_id, exc)
        return chunk
    _partitions_when_indexed(chunk, queue=queue)
    return chunk


def _partitions_when_indexed(chunk: ResolutionIndexChunk, *, queue: bool) -> None:
    """Create (and queue) the run's partitions once every chunk of it is indexed: the chunk that finds none left."""
    with transaction.atomic():
        run = StageRun.objects.select_for_update().get(pk=chunk.run_id)
        chunks = ResolutionIndexChunk.objects.filter(run_id=run.pk)
        if run.status != StageRun.Status.RUNNING or chunks.exclude(state=LeasedWork.State.DONE).exists():
            return
        if ResolutionPartition.objects.filter(run_id=run.pk).exists():
            return  # a duplicate delivery of the last chunk
        _analyze_index(sum(chunks.values_list("personas", flat=True)))
        count = partition_count(run.count_in)
        parts = ResolutionPartition.objects.bulk_create(
            [ResolutionPartition(team_id=run.team_id, run=run, number=n, of=count) for n in range(count)]
        )
        if queue:
            for part in parts:
                work_enqueue(part)


# Only keys shared by two index rows or more, one of them a new persona's, make a block: most keys (a
# phone, an e-mail) are one persona's own, and reading them would load personas with nothing to compare.
# One pass over the partition's index rows counts each key's rows (a window, no self-join), and only the
# rows of shared keys are joined to their personas; which blocks hold a new persona is read from the rows.
_BLOCKS_SQL = """
    SELECT s.key, COALESCE(p.merged_into_id, p.id), p.resolved_at IS NULL AND NOT p.is_merged
    FROM (
        SELECT key, persona_id, COUNT(*) OVER (PARTITION BY key) AS n
        FROM identity_personablockkey WHERE team_id = %s AND part %% %s = %s
    ) s JOIN identity_persona p ON p.id = s.persona_id
    WHERE s.n > 1
    ORDER BY s.key, s.persona_id
"""


def _partition_blocks(team_id: str, number: int, of: int) -> tuple[dict[int, list[str]], set[str]]:
    blocks: dict[int, list[str]] = defaultdict(list)
    with_new: set[int] = set()
    with connection.cursor() as cursor:
        cursor.execute(_BLOCKS_SQL, [team_id, of, number])
        for key, pid, is_new in cursor.fetchall():
            members = blocks[key]
            if pid not in members:
                members.append(pid)
            if is_new:
                with_new.add(key)
    blocks = {key: members for key, members in blocks.items() if key in with_new}
    members = list({p for m in blocks.values() for p in m})
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id FROM identity_persona WHERE team_id = %s AND id = ANY(%s::text[]) "
                "AND resolved_at IS NULL AND NOT is_merged",
                [team_id, id_array(members)],
            )
            new_ids = {row[0] for row in cursor.fetchall()}
    else:
        new = Persona.objects.filter(team_id=team_id, resolved_at__isnull=True, is_merged=False, pk__in=members)
        new_ids = set(new.values_list("pk", flat=True))
    return blocks, new_ids


class _Names:
    """A block member's names, which is all a block over ``resolution.MAX_BLOCK`` is sorted by."""

    __slots__ = ("first", "last")

    def __init__(self, first: str, last: str):
        self.first, self.last = first, last


def _active_names(team_id: str, persona_ids: set[str]) -> list[tuple[str, str, str]]:
    """Return (id, first name, last name) of those of some personas that are active (not merged).

    In the order ``views_for`` meets them (chunks of sorted ids, each in the order the database returns it): a
    pair is compared in that order, and some agreement levels depend on which side is first.
    """
    rows = []
    for chunk in _chunks(sorted(set(persona_ids)), LOAD_CHUNK):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT id, normalized_first_name, normalized_last_name FROM identity_persona "
                    "WHERE team_id = %s AND id = ANY(%s::text[]) AND NOT is_merged",
                    [team_id, id_array(chunk)],
                )
                rows.extend(cursor.fetchall())
        else:
            active = Persona.objects.filter(team_id=team_id, pk__in=chunk, is_merged=False)
            rows.extend(active.values_list("pk", "normalized_first_name", "normalized_last_name"))
    return rows


def _indexed_keys(team_id: str, persona_ids: list[str]) -> dict[str, set[int]]:
    """Return the key hashes the index holds for some personas, a merged persona's counted for its survivor.

    These are the keys the block query read the personas by, in every partition: a pair's shared ones say which
    partition owns it without computing anyone's keys again.
    """
    keys: dict[str, set[int]] = defaultdict(set)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for chunk in _chunks(persona_ids, 20000):
                # the personas' own rows by the persona index alone (no join: most personas were never merged
                # into), then the rows of those merged into them
                for sql in (
                    "SELECT persona_id, key FROM identity_personablockkey WHERE persona_id = ANY(%s::text[]) "
                    "AND team_id = %s",
                    "SELECT p.merged_into_id, k.key FROM identity_persona p JOIN identity_personablockkey k "
                    "ON k.persona_id = p.id WHERE p.merged_into_id = ANY(%s::text[]) AND k.team_id = %s",
                ):
                    cursor.execute(sql, [id_array(chunk), team_id])
                    for pid, key in cursor.fetchall():
                        keys[pid].add(key)
        return keys
    for chunk in _chunks(persona_ids, 2000):
        merged = Persona.objects.filter(merged_into_id__in=chunk).values_list("pk", "merged_into_id")
        root = {pid: pid for pid in chunk} | dict(merged)
        for pid, key in PersonaBlockKey.objects.filter(team_id=team_id, persona_id__in=root).values_list(
            "persona_id", "key"
        ):
            keys[root[pid]].add(key)
    return keys


def _owned_pairs(team_id: str, number: int, of: int) -> tuple[list[str], list[tuple[int, int]], int, set[str]]:
    """Return the partition's personas (ids), the pairs it owns (indexes into them), its windowed blocks, new ids.

    Pairs are formed from the names alone (a block over ``resolution.MAX_BLOCK`` is a window of the members
    sorted by name); a pair sharing keys of several partitions belongs to the one of its smallest shared key
    hash. Only then are views loaded, and only of the personas of owned pairs: with 8 partitions about 40% of
    a partition's block members have no pair of their own there.
    """
    blocks, new_ids = _partition_blocks(team_id, number, of)
    active = _active_names(team_id, {p for m in blocks.values() for p in m})
    ids = [pid for pid, _, _ in active]
    names = [_Names(first, last) for _, first, last in active]
    del active
    index = {pid: i for i, pid in enumerate(ids)}
    is_new = [pid in new_ids for pid in ids]
    pairs: set[tuple[int, int]] = set()
    windowed = 0
    for members in blocks.values():
        members = [index[p] for p in members if p in index]
        if len(members) < 2:
            continue
        windowed += len(members) > resolution.MAX_BLOCK
        for i, j in resolution._block_pairs(members, names):
            if is_new[i] or is_new[j]:
                pairs.add((i, j) if i < j else (j, i))
    del blocks, names
    if of == 1:
        return ids, list(pairs), windowed, new_ids
    keys = _indexed_keys(team_id, sorted({ids[i] for pair in pairs for i in pair}))
    empty: set[int] = set()
    owned = []
    for i, j in pairs:
        shared = keys.get(ids[i], empty) & keys.get(ids[j], empty)
        if not shared or min(shared) % PARTITIONS % of == number:
            owned.append((i, j))
    return ids, owned, windowed, new_ids


def resolution_partition_run(*, partition_id: str, finish: bool = True) -> ResolutionPartition | None:
    """Compare the pairs of one block partition and store their statistics and surviving pairs (leased)."""
    part = work_claim(ResolutionPartition, partition_id)
    if part is None:
        return None
    try:
        ids, owned, windowed, new_ids = _owned_pairs(part.team_id, part.number, part.of)
        views = views_for(team_id=part.team_id, persona_ids={ids[i] for pair in owned for i in pair}, new_ids=new_ids)
        if not work_heartbeat(part):
            raise LeaseLost(part.pk)
        patterns: Counter = Counter()
        kept = []
        counted = 0
        guarded = 0
        for i, j in owned:
            a, b = views.get(ids[i]), views.get(ids[j])
            if a is None or b is None:
                continue  # merged since the block was read
            counted += 1
            levels, _ = resolution.gamma(a, b)
            patterns[resolution._pattern(levels)] += 1
            if resolution.ruled_out(a, b, levels):
                guarded += 1
            else:
                kept.append([a.id, b.id] if a.id < b.id else [b.id, a.id])
        with transaction.atomic():
            work_done(
                part,
                pairs=counted,
                windowed=windowed,
                guarded=guarded,
                patterns={",".join(map(str, pattern)): count for pattern, count in patterns.items()},
                candidates=kept,
            )
    except LeaseLost as exc:
        log.info("resolution partition %s stopped: %s", partition_id, exc)
        return part
    if finish:
        _finish_when_last(part)
    return part


def _finish_when_last(part: ResolutionPartition) -> None:
    with transaction.atomic():
        run = StageRun.objects.select_for_update().get(pk=part.run_id)
        left = ResolutionPartition.objects.filter(run_id=run.pk).exclude(state=LeasedWork.State.DONE).exists()
        if left or run.status != StageRun.Status.RUNNING:
            return
        journey.enqueue("identity.tasks.resolution_finish_task", run.pk)


def resolution_partition_given_up(part: ResolutionPartition | ResolutionIndexChunk, *, code: str, detail: str) -> None:
    """The sweeper gave a partition or an index chunk up after Q_MAX_ATTEMPTS dead workers: fail its run (nothing
    was merged)."""
    run = StageRun.objects.get(pk=part.run_id)
    if run.status == StageRun.Status.RUNNING:
        what = "index chunk" if isinstance(part, ResolutionIndexChunk) else "partition"
        stage_run_finish(run=run, status=StageRun.Status.FAILED, detail=f"{what} {part.number}: {code} {detail}")


def resolution_finish(*, run_id: str, advance: bool = True) -> StageRun:
    """Train EM on the run's statistics, score its surviving pairs, cluster, merge, queue reviews, mark resolved."""
    from .services import apply_merges, name_frequencies

    run = StageRun.objects.get(pk=run_id)
    team_id = run.team_id
    with transaction.atomic():
        settings = ResolutionSettings.objects.select_for_update().get(team_id=team_id)
        run = StageRun.objects.select_for_update().get(pk=run_id)
        if run.status != StageRun.Status.RUNNING:
            return run
        parts = ResolutionPartition.objects.filter(run_id=run_id)
        if not parts.exists() or parts.exclude(state=LeasedWork.State.DONE).exists():
            return run  # still indexing, or a partition left
        patterns: Counter = Counter()
        candidates: set[tuple[str, str]] = set()
        compared = windowed = guarded = 0
        for part_patterns, part_candidates, pairs, part_windowed, part_guarded in parts.values_list(
            "patterns", "candidates", "pairs", "windowed", "guarded"
        ):
            guarded += part_guarded
            for pattern, count in part_patterns.items():
                patterns[tuple(int(x) for x in pattern.split(","))] += count
            candidates.update(tuple(pair) for pair in part_candidates)
            compared += pairs
            windowed += part_windowed
        start = resolution.Model.from_json(settings.model) if settings.model else None
        if sum(patterns.values()) >= resolution.MIN_TRAINING_PAIRS:
            model = resolution.em_train(patterns, start=start)
        else:
            model = start or resolution.default_model()
        new_ids = (
            set(
                Persona.objects.filter(team_id=team_id, resolved_at__isnull=True, is_merged=False).values_list(
                    "pk", flat=True
                )
            )
            if len(candidates)
            else set()
        )
        views = views_for(team_id=team_id, persona_ids={p for pair in candidates for p in pair}, new_ids=new_ids)
        people = list(views.values())
        index = {view.id: i for i, view in enumerate(people)}
        pairs = {(index[a], index[b]) for a, b in candidates if a in index and b in index}
        rejected = MatchReview.objects.filter(team_id=team_id, status=MatchReview.Status.REJECTED).values_list(
            "persona_a_id", "persona_b_id"
        )
        pending = MatchReview.objects.filter(team_id=team_id, status=MatchReview.Status.PENDING).values_list(
            "persona_a_id", "persona_b_id"
        )
        result = resolution.plan_pairs(
            people,
            pairs,
            auto_threshold=settings.auto_merge_threshold,
            review_threshold=settings.review_threshold,
            rejected=list(rejected),
            pending=list(pending),
            model=model,
            tf=name_frequencies(team_id=team_id),
        )
        model.pairs = sum(patterns.values())
        settings.model = model.to_json()
        settings.save(update_fields=["model", "updated_at"])
        apply_merges(team_id=team_id, merges=result.merges, run_id=run.pk)
        MatchReview.objects.bulk_create(
            [
                MatchReview(team_id=team_id, persona_a_id=a, persona_b_id=b, score=score, reasons=reasons)
                for a, b, score, reasons in result.reviews
            ],
            batch_size=2000,
            ignore_conflicts=True,
        )
        Persona.objects.filter(team_id=team_id, resolved_at__isnull=True, created_at__lte=run.started_at).update(
            resolved_at=timezone.now()
        )
        detail = (
            f"pairs compared {compared}, merges {len(result.merges)}, reviews {len(result.reviews)}, "
            f"clusters {result.clusters}, guarded pairs {guarded + result.guarded}, "
            f"oversized blocks windowed {windowed}, "
            f"partitions {parts.count()}; EM {model.iterations} iterations on {model.pairs} pairs "
            f"(prior {model.prior:.3f})"
        )
        run = stage_run_finish(
            run=run,
            status=StageRun.Status.SUCCEEDED,
            count_in=run.count_in,
            count_out=len(result.merges),
            detail=detail,
        )
        parts.update(candidates=[])  # the pairs are in the history and the review queue now
    if advance:
        journey.advance(stage=3, subject_id=run.pk, team_id=team_id)
    return run
