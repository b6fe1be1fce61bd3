"""One way to change the state of a stateful record, with an audit row.

Every stateful model (``DataSource``, ``Lead``, ``Campaign``, ``Message``, ``Conversation``) declares its map as
``TRANSITIONS = {from_state: {to_state, ...}}``. ``transition`` checks the map, moves the row with a guarded update
(``WHERE status = <what we read>``, so two workers racing on one record cannot both win), and writes a
``StateTransition`` row saying who moved it, from what, to what and why, in the same transaction.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db import connections, models, transaction
from django.db.models import sql
from django.utils import timezone

from .errors import IllegalTransition
from .models import StateTransition


def actor_label(actor) -> str:
    """A user's name, a worker's or system's label ("LUCI", "SYSTEM"), or SYSTEM for none."""
    if actor is None:
        return "SYSTEM"
    if isinstance(actor, str):
        return actor[:60]
    return (actor.get_username() if hasattr(actor, "get_username") else str(actor))[:60]


def transition(
    obj: models.Model,
    to: str,
    *,
    actor=None,
    reason: str = "",
    field: str = "status",
    transitions: dict | None = None,
    where: models.Q | None = None,
    **fields,
):
    """Move ``obj`` from its current ``field`` value to ``to`` if its map allows it; write the audit row.

    ``fields`` are other columns set in the same update (``closed_at=...``). ``where`` is a further condition of
    the guarded update (a text is claimed only while its campaign is sending). Raises ``IllegalTransition``
    (HTTP 409, ``ILLEGAL_TRANSITION``) when the map forbids the move, another writer moved the row first or
    ``where`` no longer holds; then nothing changes. Returns ``obj`` with the new values set.
    """
    model = type(obj)
    current = getattr(obj, field)
    allowed = (transitions if transitions is not None else getattr(model, "TRANSITIONS", {})).get(current, set())
    if to not in allowed:
        raise IllegalTransition(model.__name__, current, to)
    values = {field: to, **fields}
    if any(f.name == "updated_at" for f in model._meta.concrete_fields):
        values.setdefault("updated_at", timezone.now())
    audit = StateTransition(
        team_id=obj.team_id,
        subject_type=model._meta.label_lower,
        subject_id=str(obj.pk),
        field=field,
        from_state=current,
        to_state=to,
        actor=actor if isinstance(actor, AbstractBaseUser) else None,
        actor_label=actor_label(actor),
        reason=(reason or "")[:4000],
    )
    guarded = model._default_manager.filter(pk=obj.pk, **{field: current})
    guarded = guarded.filter(where) if where is not None else guarded
    # no savepoint of its own (two statements fewer within a caller's transaction): a refused move writes nothing
    # and is raised once the block is left, and a failed audit row fails the caller's transaction with the update
    with transaction.atomic(savepoint=False):
        if connections[guarded.db].vendor == "postgresql":
            updated = _update_with_audit(guarded, values, audit)
        else:
            updated = guarded.update(**values)
            if updated:
                audit.save(force_insert=True)
    if not updated:
        fresh = model._default_manager.filter(pk=obj.pk).values_list(field, flat=True).first()
        raise IllegalTransition(model.__name__, fresh if fresh is not None else "deleted", to)
    for name, value in values.items():
        setattr(obj, name, value)
    return obj


def _update_with_audit(guarded: models.QuerySet, values: dict, audit: StateTransition) -> int:
    """Update the one row ``guarded`` selects and write its audit row only if it moved, in one statement
    (PostgreSQL: the UPDATE's RETURNING feeds the INSERT); return how many rows moved (0 or 1)."""
    using = guarded.db
    connection = connections[using]
    query = guarded.query.chain(sql.UpdateQuery)
    query.add_update_values(values)
    query.clear_select_clause()
    update_sql, update_params = query.get_compiler(using).as_sql()
    qn = connection.ops.quote_name
    fields = StateTransition._meta.concrete_fields
    audit_values = [f.get_db_prep_save(f.pre_save(audit, True), connection) for f in fields]
    moved = qn(guarded.model._meta.pk.column)
    statement = (
        f"WITH moved AS ({update_sql} RETURNING {moved}) "
        f"INSERT INTO {qn(StateTransition._meta.db_table)} ({', '.join(qn(f.column) for f in fields)}) "
        f"SELECT {', '.join(['%s'] * len(fields))} FROM moved"
    )
    with transaction.mark_for_rollback_on_error(using=using), connection.cursor() as cursor:
        cursor.execute(statement, [*update_params, *audit_values])
        return cursor.rowcount


def transition_many(model, ids, to: str, *, actor=None, reason: str = "", field: str = "status") -> int:
    """Move every row of ``model`` among ``ids`` whose map allows ``to`` from its current value; one audit row
    each. Rows the map does not allow (they moved on already) keep their state. Returns how many moved."""
    may = [state for state, targets in getattr(model, "TRANSITIONS", {}).items() if to in targets]
    values = {field: to}
    if any(f.name == "updated_at" for f in model._meta.concrete_fields):
        values["updated_at"] = timezone.now()
    with transaction.atomic():
        rows = list(
            model._default_manager.select_for_update()
            .filter(pk__in=list(ids), **{f"{field}__in": may})
            .values_list("pk", "team_id", field)
        )
        if not rows:
            return 0
        model._default_manager.filter(pk__in=[pk for pk, _, _ in rows]).update(**values)
        StateTransition.objects.bulk_create(
            StateTransition(
                team_id=team_id, subject_type=model._meta.label_lower, subject_id=str(pk), field=field,
                from_state=current, to_state=to, actor=actor if isinstance(actor, AbstractBaseUser) else None,
                actor_label=actor_label(actor), reason=(reason or "")[:4000],
            )
            for pk, team_id, current in rows
        )  # fmt: skip
    return len(rows)


def history(obj: models.Model):
    """The audit rows of ``obj``, oldest first."""
    return StateTransition.objects.filter(subject_type=obj._meta.label_lower, subject_id=str(obj.pk))
