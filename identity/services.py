"""Writes of stage 3: merges, unmerges, review decisions and resolution runs.

Every merge moves every record that points at the merged persona (phones, emails, business links and
any later model with a foreign key to ``Persona``) to the survivor, in the same transaction, and
lists the moved ids in its ``PersonaMergeHistory`` row; unmerge moves exactly those back.
"""

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import datetime

from django.db import connection, models, transaction
from django.db.models import Count
from django.utils import timezone

from usdatabiz.core import inflight
from usdatabiz.core.errors import DomainError
from usdatabiz.core.models import StageRun, Team
from usdatabiz.core.services import stage_failure_record

from . import resolution
from .models import (
    BusinessOwner,
    MatchReview,
    Persona,
    PersonaEmail,
    PersonaMergeHistory,
    PersonaPhone,
    ResolutionSettings,
)

PERSONA_LABEL = "identity.persona"
_AUDIT_MODELS = {"identity.personamergehistory", "identity.matchreview"}


class IdentityError(DomainError):
    """A merge or unmerge that cannot be done."""


# What a person's business link tells the matcher, in the order ``resolution`` reads it (name, address, ZIP, city,
# the person's title there, the business's trade).
LINK_FACTS = (
    "business__normalized_name",
    "business__address",
    "business__zip5",
    "business__city",
    "title",
    "business__sic_code",
)


def persona_references() -> list[tuple[type[models.Model], str]]:
    """Return (model, foreign key attname) for every record that points at a persona, audit rows excepted."""
    refs = []
    for rel in Persona._meta.related_objects:
        if not rel.one_to_many or rel.related_model is Persona:
            continue
        if rel.related_model._meta.label_lower in _AUDIT_MODELS:
            continue
        refs.append((rel.related_model, rel.field.attname))
    refs.sort(key=lambda ref: (ref[0]._meta.label_lower, ref[1]))
    return refs


def _ref_key(model, attname) -> str:
    return f"{model._meta.label_lower}.{attname}"


def _ref_lookup() -> dict[str, tuple[type[models.Model], str]]:
    return {_ref_key(model, attname): (model, attname) for model, attname in persona_references()}


def persona_current(*, persona_id: str) -> Persona:
    """Return the active persona an id now stands for (itself, or the survivor it was merged into)."""
    persona = Persona.objects.get(pk=persona_id)
    hops = 0
    while persona.merged_into_id is not None:
        persona = Persona.objects.get(pk=persona.merged_into_id)
        hops += 1
        if hops > 64:
            raise IdentityError("CIRCULAR_MERGE", f"Persona {persona_id} has a merge chain that does not end.")
    return persona


def resolution_settings_get(*, team: Team | str) -> ResolutionSettings:
    """Return the team's resolution thresholds (created with defaults on first use)."""
    team_id = team.pk if isinstance(team, Team) else team
    obj, _ = ResolutionSettings.objects.get_or_create(team_id=team_id)
    return obj


@transaction.atomic
def resolution_settings_update(
    *, team: Team, auto_merge_threshold: float, review_threshold: float
) -> ResolutionSettings:
    """Change the team's thresholds."""
    obj = resolution_settings_get(team=team)
    obj.auto_merge_threshold = auto_merge_threshold
    obj.review_threshold = review_threshold
    obj.full_clean()
    obj.save()
    return obj


def name_frequencies(*, team_id: str, names: Iterable[Persona] = ()) -> dict[str, tuple[dict, float]]:
    """Return each first and last name's and job title's share of the team's active personas, and the mean share.

    Titles are counted by ``resolution.title_key`` (VP and Vice President are one title). With ``names`` only
    those personas' names and titles are looked up (the mean still covers the team).
    """
    active = Persona.objects.filter(team_id=team_id, is_merged=False)
    out = {}
    for name, column in (("first_name", "normalized_first_name"), ("last_name", "normalized_last_name")):
        counts = active.exclude(**{column: ""}).values_list(column).annotate(n=Count("id")).order_by()
        shares, mean = resolution.term_frequencies(counts.iterator(chunk_size=50000))
        if names:
            wanted = {getattr(p, column) for p in names}
            shares = {value: share for value, share in shares.items() if value in wanted}
        out[name] = (shares, mean)
    titles: Counter = Counter()
    for title, n in active.exclude(title="").values_list("title").annotate(n=Count("id")).order_by().iterator():
        titles[resolution.title_key(title)] += n
    shares, mean = resolution.term_frequencies(titles.items())
    if names:
        wanted = {resolution.title_key(p.title) for p in names}
        shares = {value: share for value, share in shares.items() if value in wanted}
    out["title"] = (shares, mean)
    by_trade: Counter = Counter()
    links = BusinessOwner.objects.filter(team_id=team_id, persona__is_merged=False).exclude(title="")
    for sic, title, n in (
        links.exclude(business__sic_code="")
        .values_list("business__sic_code", "title")
        .annotate(n=Count("id"))
        .order_by()
        .iterator()
    ):
        by_trade[(sic, resolution.title_key(title))] += n
    out["trade_title"] = (resolution.trade_title_counts(by_trade), 0.0)
    return out


def team_model(*, team_id: str, names: Iterable[Persona] = ()) -> resolution.Model:
    """Return the team's last trained match model (the default before its first run), with name frequencies."""
    stored = ResolutionSettings.objects.filter(team_id=team_id).values_list("model", flat=True).first()
    model = resolution.Model.from_json(stored) if stored else resolution.default_model()
    for name, (shares, mean) in name_frequencies(team_id=team_id, names=names).items():
        model.tf[name], model.tf_mean[name] = shares, mean
    return model


# -- number marks: a person's do-not-contact, a phone's do-not-call ------------------------------------


def _marked(persona) -> bool:
    return any(getattr(persona, flag) for flag in Persona.STRICT_FLAGS)


def persona_marks_wait(*, persona: Persona) -> bool:
    """Before a person is saved marked do-not-contact, wait for the team's texts to their numbers that are with the
    provider, and hold new ones off until the save commits (``inflight.senders_wait_all``). Call it in the save's
    transaction; a person not marked is no wait."""
    if not _marked(persona):
        return True
    numbers = PersonaPhone.objects.filter(persona_id=persona.pk).values_list("normalized_number", flat=True)
    return inflight.senders_wait_all(team_id=persona.team_id, numbers=numbers)


def persona_phone_marks_wait(*, phone: PersonaPhone) -> bool:
    """Before a phone is saved marked do-not-call, or saved on a person marked do-not-contact, wait for the team's
    texts to its number that are with the provider and hold new ones off until the save commits."""
    if not phone.do_not_call and not Persona.objects.filter(pk=phone.persona_id, do_not_contact=True).exists():
        return True
    return inflight.senders_wait_all(team_id=phone.team_id, numbers=[phone.normalized_number])


def _ordered_pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


@transaction.atomic
def persona_merge(
    *,
    persona_a: Persona,
    persona_b: Persona,
    match_score: float | None = None,
    reasons: dict | None = None,
    user=None,
    note: str = "",
) -> PersonaMergeHistory:
    """Merge two people into one. The oldest persona (smallest id) survives; the other is kept, marked merged.

    With a ``user`` this is an operator's decision: when the resolver had not proposed the pair, the
    missed duplicate is recorded as FALSE_NEGATIVE in the ledger.
    """
    a = persona_current(persona_id=persona_a.pk)
    b = persona_current(persona_id=persona_b.pk)
    if a.team_id != b.team_id:
        raise IdentityError("CROSS_TEAM_MERGE", "Personas of different teams cannot be merged.")
    if a.pk == b.pk:
        raise IdentityError(
            "ALREADY_MERGED", f"{persona_a.pk} and {persona_b.pk} are already the same person.", http_status=409
        )
    locked = {p.pk: p for p in Persona.objects.select_for_update().filter(pk__in=[a.pk, b.pk]).order_by("pk")}
    survivor, merged = (locked[a.pk], locked[b.pk]) if a.pk < b.pk else (locked[b.pk], locked[a.pk])
    if merged.is_merged or survivor.is_merged:
        raise IdentityError("CIRCULAR_MERGE", "One of the personas was merged meanwhile; try again.", http_status=409)
    if _marked(survivor) or _marked(merged):
        # the merged person is marked on both persons' numbers: texts to them wait, or wait for this merge
        numbers = PersonaPhone.objects.filter(persona_id__in=[survivor.pk, merged.pk]).values_list(
            "normalized_number", flat=True
        )
        inflight.senders_wait_all(team_id=survivor.team_id, numbers=numbers)
    if match_score is None or reasons is None:
        match_score, reasons = resolution.compare(
            _view(survivor), _view(merged), team_model(team_id=survivor.team_id, names=(survivor, merged))
        )
    now = timezone.now()

    moved: dict[str, list[str]] = {}
    for model, attname in persona_references():
        qs = model.objects.filter(**{attname: merged.pk})
        ids = list(qs.values_list("pk", flat=True))
        if ids:
            model.objects.filter(pk__in=ids).update(**{attname: survivor.pk})
            moved[_ref_key(model, attname)] = ids
    absorbed = list(Persona.objects.filter(merged_into=merged).values_list("pk", flat=True))
    if absorbed:
        Persona.objects.filter(pk__in=absorbed).update(merged_into=survivor)
        moved[PERSONA_LABEL] = absorbed
    stricter = [flag for flag in Persona.STRICT_FLAGS if getattr(merged, flag) and not getattr(survivor, flag)]
    for flag in stricter:
        setattr(survivor, flag, True)
    if stricter:
        moved["_flags"] = stricter

    survivor.merged_from_ids = [*survivor.merged_from_ids, merged.pk, *merged.merged_from_ids]
    survivor.confidence_score = (
        min(survivor.confidence_score, match_score) if match_score else survivor.confidence_score
    )
    survivor.save(update_fields=["merged_from_ids", "confidence_score", *stricter, "updated_at"])
    merged.is_merged = True
    merged.merged_into = survivor
    merged.merged_at = now
    merged.save(update_fields=["is_merged", "merged_into", "merged_at", "updated_at"])

    by_user = user is not None and getattr(user, "is_authenticated", False)
    history = PersonaMergeHistory.objects.create(
        team_id=survivor.team_id,
        survivor=survivor,
        merged=merged,
        match_score=match_score,
        reasons=reasons,
        merged_by=PersonaMergeHistory.By.USER if by_user else PersonaMergeHistory.By.SYSTEM,
        user=user if by_user else None,
        moved=moved,
        note=note,
    )
    first, second = _ordered_pair(persona_a.pk, persona_b.pk)
    review = MatchReview.objects.filter(team_id=survivor.team_id, persona_a_id=first, persona_b_id=second).first()
    if review and review.status == MatchReview.Status.PENDING:
        review.status = MatchReview.Status.CONFIRMED
        review.decided_by = user if by_user else None
        review.decided_at = now
        review.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    elif by_user and review is None:
        stage_failure_record(
            team=survivor.team_id,
            stage=3,
            code="FALSE_NEGATIVE",
            subject=history,
            field="persona",
            raw_value=f"{survivor.pk},{merged.pk}",
            detail=f"{user} merged {merged.pk} into {survivor.pk} by hand: the resolver had missed this duplicate "
            f"(score {match_score:.2f}).",
        )
    return history


@transaction.atomic
def persona_unmerge(*, history: PersonaMergeHistory, user=None, note: str = "") -> PersonaMergeHistory:
    """Undo a merge: restore the merged persona and exactly the records that moved; remember the pair as rejected.

    Records the repair of a FALSE_POSITIVE_MERGE in the ledger. A survivor keeps a stricter flag
    (an opt-out) it gained from the merge: when in doubt, do not contact.
    """
    history = PersonaMergeHistory.objects.select_for_update().get(pk=history.pk)
    if history.action != PersonaMergeHistory.Action.MERGE or history.undone_at is not None:
        raise IdentityError("NOT_UNDOABLE", "Only a merge that has not been undone can be unmerged.", http_status=409)
    merged = Persona.objects.select_for_update().get(pk=history.merged_id)
    target = persona_current(persona_id=history.survivor_id)
    if not merged.is_merged or merged.merged_into_id != target.pk:
        raise IdentityError("NOT_UNDOABLE", "The merged persona is no longer part of that survivor.", http_status=409)
    target = Persona.objects.select_for_update().get(pk=target.pk)
    refs = _ref_lookup()
    # A later open merge of the survivor into someone else carries this merge's records along (they still
    # come back); a later merge from any other persona moved records that left in between (an earlier
    # unmerge gave them back) and belong to that merge now, until a later unmerge gives them back again.
    # Events are replayed in order so a merge's list of moved records is never read after it went stale.
    holders = {history.survivor_id}
    taken_later: dict[str, set[str]] = defaultdict(set)
    for action, undone_at, later_moved, later_merged, later_survivor in (
        PersonaMergeHistory.objects.filter(team_id=history.team_id, created_at__gt=history.created_at)
        .order_by("created_at", "id")
        .values_list("action", "undone_at", "moved", "merged_id", "survivor_id")
    ):
        if action == PersonaMergeHistory.Action.UNMERGE:
            for key, ids in later_moved.items():
                taken_later[key].difference_update(ids)
            continue
        if undone_at is not None:
            continue
        if later_merged in holders:
            holders.add(later_survivor)
            continue
        taken_later[PERSONA_LABEL].add(later_merged)
        for key, ids in later_moved.items():
            taken_later[key].update(ids)
    restored: dict[str, list[str]] = {}
    for key, ids in history.moved.items():
        if key.startswith("_"):
            continue
        if key == PERSONA_LABEL:
            qs = Persona.objects.filter(pk__in=ids, merged_into=target).exclude(pk__in=taken_later[key])
            back = list(qs.values_list("pk", flat=True))
            qs.update(merged_into=merged)
        else:
            model, attname = refs[key]
            qs = model.objects.filter(pk__in=ids, **{attname: target.pk}).exclude(pk__in=taken_later[key])
            back = list(qs.values_list("pk", flat=True))
            qs.update(**{attname: merged.pk})
        restored[key] = back

    gone = {merged.pk, *merged.merged_from_ids}
    # Every persona the merge's records passed through on their way to the current survivor (the survivor of
    # this merge, those it was merged into later, the current one) listed them; none of them holds them now.
    for holder_id in {target.pk, *holders}:
        holder = target if holder_id == target.pk else Persona.objects.get(pk=holder_id)
        kept = [pid for pid in holder.merged_from_ids if pid not in gone]
        if kept != list(holder.merged_from_ids):
            holder.merged_from_ids = kept
            holder.save(update_fields=["merged_from_ids", "updated_at"])
    # The persona given back lists only those merged into it that came back with it (a later merge may have
    # taken some of them elsewhere).
    with_it = set(Persona.objects.filter(merged_into=merged).values_list("pk", flat=True))
    merged.merged_from_ids = [pid for pid in merged.merged_from_ids if pid in with_it]
    merged.is_merged = False
    merged.merged_into = None
    merged.merged_at = None
    merged.save(update_fields=["is_merged", "merged_into", "merged_at", "merged_from_ids", "updated_at"])

    now = timezone.now()
    history.undone_at = now
    history.save(update_fields=["undone_at", "updated_at"])
    by_user = user is not None and getattr(user, "is_authenticated", False)
    undo = PersonaMergeHistory.objects.create(
        team_id=history.team_id,
        action=PersonaMergeHistory.Action.UNMERGE,
        survivor_id=history.survivor_id,
        merged=merged,
        match_score=history.match_score,
        reasons=history.reasons,
        merged_by=PersonaMergeHistory.By.USER if by_user else PersonaMergeHistory.By.SYSTEM,
        user=user if by_user else None,
        moved=restored,
        reverses=history,
        note=note,
    )
    first, second = _ordered_pair(history.survivor_id, merged.pk)
    MatchReview.objects.update_or_create(
        team_id=history.team_id,
        persona_a_id=first,
        persona_b_id=second,
        defaults={
            "status": MatchReview.Status.REJECTED,
            "score": history.match_score or 0.0,
            "reasons": history.reasons,
            "decided_by": user if by_user else None,
            "decided_at": now,
        },
    )
    stage_failure_record(
        team=history.team_id,
        stage=3,
        code="FALSE_POSITIVE_MERGE",
        subject=undo,
        field="persona",
        raw_value=f"{history.survivor_id},{merged.pk}",
        detail=f"Merge {history.pk} of {merged.pk} into {history.survivor_id} was undone"
        f"{' by ' + str(user) if by_user else ''}: two different people. {note}".strip(),
    )
    return undo


@transaction.atomic
def match_review_decide(*, review: MatchReview, confirm: bool, user) -> MatchReview:
    """Confirm (merge) or reject a pair from the review queue; a rejected pair is never proposed again."""
    review = MatchReview.objects.select_for_update().get(pk=review.pk)
    if review.status != MatchReview.Status.PENDING:
        raise IdentityError("ALREADY_DECIDED", f"This pair was already {review.status}.", http_status=409)
    if confirm:
        persona_merge(
            persona_a=review.persona_a,
            persona_b=review.persona_b,
            match_score=review.score,
            reasons=review.reasons,
            user=user,
            note=f"confirmed from review {review.pk}",
        )
        review.refresh_from_db()
        return review
    review.status = MatchReview.Status.REJECTED
    review.decided_by = user
    review.decided_at = timezone.now()
    review.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    return review


def _business_facts(links) -> tuple[tuple, tuple, tuple, tuple, tuple]:
    """Return (normalized names, address keys "STREET|ZIP", cities, title keys, SIC codes) of a persona's businesses."""
    names, addresses, cities, titles, trades = {}, {}, {}, {}, {}
    for name, address, zip5, city, title, sic in links:
        if name:
            names[name] = None
        street = resolution.address_key(address)
        if street:
            addresses[f"{street}|{zip5}"] = None
        if city:
            cities[city.upper()] = None
        key = resolution.title_key(title)
        if key:
            titles[key] = None
        if sic:
            trades[sic] = None
    return tuple(names), tuple(addresses), tuple(cities), tuple(titles), tuple(trades)


def _view(p: Persona, *, is_new: bool = True) -> resolution.PersonaView:
    phones = frozenset(p.phones.values_list("normalized_number", flat=True))
    emails = frozenset(p.emails.values_list("email", flat=True))
    businesses, addresses, cities, titles, trades = _business_facts(
        p.business_links.values_list(
            "business__normalized_name",
            "business__address",
            "business__zip5",
            "business__city",
            "title",
            "business__sic_code",
        )
    )
    return resolution.PersonaView(
        id=p.pk,
        first=p.normalized_first_name,
        last=p.normalized_last_name,
        state=p.state,
        zip5=p.zip5,
        phones=phones,
        emails=emails,
        businesses=businesses,
        is_new=is_new,
        addresses=addresses,
        cities=cities,
        titles=titles,
        trades=trades,
        generation=resolution.name_generation(p.last_name),
    )


# ---------------------------------------------------------------------------------------------------
# Resolution runs: the whole team at once, in bulk.


def _grouped(rows):
    """Yield (persona_id, values) from (persona_id, value) rows ordered by persona_id."""
    current, values = None, []
    for pid, value in rows:
        if pid != current:
            if current is not None:
                yield current, values
            current, values = pid, []
        values.append(value)
    if current is not None:
        yield current, values


def _load_views(team_id: str) -> tuple[list[resolution.PersonaView], int]:
    """Read every active persona of the team with its phones, emails and businesses, as compact views.

    Four queries ordered by persona id are merged as streams (no per-persona dictionaries), repeated
    strings are shared, and contact points are tuples: a million personas fit in a few hundred MB.
    """

    def ordered(model, value):
        return (
            model.objects.filter(team_id=team_id)
            .order_by("persona_id")
            .values_list("persona_id", value)
            .iterator(chunk_size=20000)
        )

    streams = [
        _grouped(ordered(PersonaPhone, "normalized_number")),
        _grouped(ordered(PersonaEmail, "email")),
    ]
    links = _grouped(
        (pid, facts)
        for pid, *facts in BusinessOwner.objects.filter(team_id=team_id)
        .order_by("persona_id")
        .values_list("persona_id", *LINK_FACTS)
        .iterator(chunk_size=20000)
    )
    streams.append(links)
    heads = [next(stream, None) for stream in streams]
    shared: dict[str, str] = {}
    share = shared.setdefault
    empty = ()
    views = []
    new = 0
    personas = (
        Persona.objects.filter(team_id=team_id, is_merged=False)
        .order_by("pk")
        .values_list("pk", "normalized_first_name", "normalized_last_name", "state", "zip5", "resolved_at", "last_name")
        .iterator(chunk_size=20000)
    )
    for pk, first, last, state, zip5, resolved_at, raw_last in personas:
        contacts = []
        for i, stream in enumerate(streams):
            while heads[i] is not None and heads[i][0] < pk:
                heads[i] = next(stream, None)  # records of personas that are not active here
            if heads[i] is not None and heads[i][0] == pk:
                values = heads[i][1]
                heads[i] = next(stream, None)
                if i == 2:
                    contacts.extend(tuple(share(v, v) for v in facts) for facts in _business_facts(values))
                else:
                    contacts.append(tuple(share(v, v) for v in dict.fromkeys(values)))
            elif i == 2:
                contacts.extend((empty, empty, empty, empty, empty))
            else:
                contacts.append(empty)
        is_new = resolved_at is None
        new += is_new
        views.append(
            resolution.PersonaView(
                pk,
                share(first, first),
                share(last, last),
                share(state, state),
                share(zip5, zip5),
                contacts[0],
                contacts[1],
                contacts[2],
                is_new,
                contacts[3],
                contacts[4],
                contacts[5],
                contacts[6],
                resolution.name_generation(raw_last),
            )
        )
    return views, new


def identity_resolve(*, team: Team | str) -> StageRun:
    """Stage 3 in this process: index the new personas, compare them partition by partition, merge or queue.

    The same steps as a run shared by a cluster's workers (``identity.partitions``), one after another.
    """
    from .partitions import resolution_start

    team_id = team.pk if isinstance(team, Team) else team
    return resolution_start(team_id=team_id, inline=True)


class _MergeState:
    """What a bulk merge changes on a persona, without a model instance per persona."""

    __slots__ = ("merged_from_ids", "confidence_score", *Persona.STRICT_FLAGS)

    def __init__(self, merged_from_ids, confidence_score, *flags):
        self.merged_from_ids = merged_from_ids
        self.confidence_score = confidence_score
        for name, value in zip(Persona.STRICT_FLAGS, flags, strict=True):
            setattr(self, name, value)


def apply_merges(*, team_id: str, merges: list[tuple[str, str, float, dict]], run_id: str | None = None) -> int:
    """Apply a planned sequence of system merges in bulk, with the same outcome as one ``persona_merge`` each."""
    if not merges:
        return 0
    involved = {pid for survivor, merged, _, _ in merges for pid in (survivor, merged)}
    refs = persona_references()
    original: dict[str, dict[str, str]] = {}  # ref key -> record id -> persona id before the merges
    by_persona: dict[str, dict[str, list[str]]] = {}  # ref key -> persona id -> record ids, updated as we go
    for model, attname in refs:
        key = _ref_key(model, attname)
        owned: dict[str, list[str]] = defaultdict(list)
        for chunk in _chunks(sorted(involved), 5000):
            for record_id, pid in _owned_rows(model, attname, chunk):
                owned[pid].append(record_id)
        by_persona[key] = owned
        original[key] = {rid: pid for pid, ids in owned.items() for rid in ids}
    absorbed: dict[str, list[str]] = defaultdict(list)
    original_into: dict[str, str] = {}
    for chunk in _chunks(sorted(involved), 5000):
        for pid, into in Persona.objects.filter(merged_into__in=chunk).values_list("pk", "merged_into"):
            absorbed[into].append(pid)
            original_into[pid] = into
    state = {
        pk: _MergeState(list(merged_from), confidence, *flags)
        for chunk in _chunks(sorted(involved), 5000)
        for pk, merged_from, confidence, *flags in Persona.objects.filter(pk__in=chunk).values_list(
            "pk", "merged_from_ids", "confidence_score", *Persona.STRICT_FLAGS
        )
    }

    marked_before = {pk for pk, person in state.items() if _marked(person)}
    now = timezone.now()
    histories = []
    written = 0
    final_into: dict[str, str] = {}
    for survivor_id, merged_id, score, reasons in merges:
        moved = {}
        for key, owned in by_persona.items():
            ids = owned.pop(merged_id, [])
            if ids:
                owned[survivor_id].extend(ids)
                moved[key] = ids
        taken = absorbed.pop(merged_id, [])
        if taken:
            absorbed[survivor_id].extend(taken)
            moved[PERSONA_LABEL] = list(taken)
        absorbed[survivor_id].append(merged_id)
        survivor, merged = state[survivor_id], state[merged_id]
        stricter = [f for f in Persona.STRICT_FLAGS if getattr(merged, f) and not getattr(survivor, f)]
        for flag in stricter:
            setattr(survivor, flag, True)
        if stricter:
            moved["_flags"] = stricter
        survivor.merged_from_ids = [*survivor.merged_from_ids, merged_id, *merged.merged_from_ids]
        survivor.confidence_score = min(survivor.confidence_score, score)
        if len(histories) >= 5000:  # write as we go: 100,000 history rows need not sit in memory
            _insert_many(PersonaMergeHistory, histories)
            written += len(histories)
            histories = []
        histories.append(
            PersonaMergeHistory(
                team_id=team_id,
                survivor_id=survivor_id,
                merged_id=merged_id,
                match_score=score,
                reasons=reasons,
                merged_by=PersonaMergeHistory.By.SYSTEM,
                moved=moved,
                created_at=now,
                run_id=run_id,
            )
        )
    for survivor_id, members in absorbed.items():
        for pid in members:
            final_into[pid] = survivor_id
    merged_ids = {merged for _, merged, _, _ in merges}
    survivors = {pid for pid in involved if pid not in merged_ids}

    _newly_marked_wait(team_id, by_persona[_ref_key(PersonaPhone, "persona_id")], original, state, marked_before)
    # Re-point children to their final owner, then mark merged personas, then save survivors.
    for model, attname in refs:
        key = _ref_key(model, attname)
        start = original[key]
        moves = [(pid, rid) for pid, ids in by_persona[key].items() for rid in ids if start[rid] != pid]
        _bulk_set(model, attname, moves)
    newly = [(final_into[pid], pid) for pid in merged_ids]
    repointed = [
        (into, pid) for pid, into in final_into.items() if pid not in merged_ids and original_into.get(pid) != into
    ]
    # Personas touched here are resolved now: the final "mark resolved" update can skip them.
    _bulk_set(Persona, "merged_into_id", newly, extra={"is_merged": True, "merged_at": now, "resolved_at": now})
    _bulk_set(Persona, "merged_into_id", repointed)
    survivor_rows = [
        (
            pid,
            state[pid].merged_from_ids,
            state[pid].confidence_score,
            now,
            *(getattr(state[pid], f) for f in Persona.STRICT_FLAGS),
        )
        for pid in survivors
    ]
    _bulk_update_values(
        Persona, ["merged_from_ids", "confidence_score", "resolved_at", *Persona.STRICT_FLAGS], survivor_rows
    )
    _insert_many(PersonaMergeHistory, histories)
    return written + len(histories)


def _newly_marked_wait(team_id, phones_of: dict[str, list[str]], original, state, marked_before: set[str]) -> None:
    """Before a bulk merge writes: wait for the texts in flight to the numbers it marks (phones that end with a
    person marked do-not-contact and were not before), all in one statement; numbers it leaves as they were are
    never waited for."""
    before = original[_ref_key(PersonaPhone, "persona_id")]
    phone_ids = sorted(
        rid for pid, ids in phones_of.items() if _marked(state[pid]) for rid in ids if before[rid] not in marked_before
    )
    if not phone_ids:
        return
    numbers = [
        number
        for chunk in _chunks(phone_ids, 5000)
        for number in PersonaPhone.objects.filter(pk__in=chunk).values_list("normalized_number", flat=True)
    ]
    inflight.senders_wait_all(team_id=team_id, numbers=numbers)


def _chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _insert_many(model, objs: list) -> None:
    """Insert new model instances: COPY on PostgreSQL, ``bulk_create`` elsewhere (no signals either way).

    ``bulk_create`` on PostgreSQL sends each column as an array parameter, and adapting thousands of JSON
    explanations into arrays cost more than the insert itself.
    """
    if not objs:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objs, batch_size=5000)
        return
    quote = connection.ops.quote_name
    fields = model._meta.concrete_fields
    columns = ", ".join(quote(f.column) for f in fields)
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN") as copy:
            for obj in objs:
                copy.write_row([f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields])


def _bulk_update_values(model, attnames: list[str], rows: list[tuple]) -> None:
    """Update several columns of many records given as (pk, value, ...) tuples, in few statements."""
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in attnames]
    if connection.vendor != "postgresql":
        objs = [model(pk=row[0], **dict(zip(attnames, row[1:], strict=True))) for row in rows]
        model.objects.bulk_update(objs, attnames, batch_size=500)
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    pk = quote(model._meta.pk.column)
    sets = ", ".join(f"{quote(f.column)} = v.c{i}" for i, f in enumerate(fields))
    # The rows go as one JSON document read by jsonb_to_recordset: one parameter instead of one per value.
    names = ", ".join(["rid text", *(f"c{i} {f.db_type(connection)}" for i, f in enumerate(fields))])
    with connection.cursor() as cursor:
        for chunk in _chunks(rows, 20000):
            document = json.dumps(
                [{"rid": row[0], **{f"c{i}": value for i, value in enumerate(row[1:])}} for row in chunk],
                default=_json_value,
            )
            cursor.execute(
                f"UPDATE {table} AS t SET {sets} FROM jsonb_to_recordset(%s::jsonb) AS v({names}) WHERE t.{pk} = v.rid",
                [document],
            )


def _json_value(value):
    if isinstance(value, datetime):
        return value.isoformat()  # to the microsecond, as the ORM would write it
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def id_array(ids) -> str:
    """Return ids as one PostgreSQL text-array literal (prefixed ULIDs: letters, digits and _ need no quoting)."""
    return "{" + ",".join(ids) + "}"


def _owned_rows(model, attname: str, persona_ids: list[str]):
    """Return (record id, persona id) of a model's records that point at some personas."""
    if connection.vendor != "postgresql":
        return model.objects.filter(**{f"{attname}__in": persona_ids}).values_list("pk", attname)
    quote = connection.ops.quote_name
    column = quote(next(f.column for f in model._meta.concrete_fields if f.attname == attname))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {quote(model._meta.pk.column)}, {column} FROM {quote(model._meta.db_table)} "
            f"WHERE {column} = ANY(%s::text[])",
            [id_array(persona_ids)],
        )
        return cursor.fetchall()


def _bulk_set(model, attname: str, moves: list[tuple[str, str]], extra: dict | None = None) -> None:
    """Set ``attname`` for many records given as (value, record id) pairs, in few statements."""
    if not moves:
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    column = quote(next(f.column for f in model._meta.concrete_fields if f.attname == attname))
    pk = quote(model._meta.pk.column)
    extra = extra or {}
    extra_sql = "".join(f", {quote(name)} = %s" for name in extra)
    extra_params = list(extra.values())
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for chunk in _chunks(moves, 20000):
                # two array literals rather than two placeholders per row: ids are prefixed ULIDs
                cursor.execute(
                    f"UPDATE {table} AS t SET {column} = v.value{extra_sql} "
                    f"FROM unnest(%s::text[], %s::text[]) AS v(value, rid) WHERE t.{pk} = v.rid",
                    [*extra_params, id_array(value for value, _ in chunk), id_array(rid for _, rid in chunk)],
                )
        else:
            cursor.executemany(
                f"UPDATE {table} SET {column} = %s{extra_sql} WHERE {pk} = %s",
                [(value, *extra_params, rid) for value, rid in moves],
            )
