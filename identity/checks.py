"""Integrity of a team's identity graph: no orphan records, no merge chains or loops."""

from dataclasses import dataclass, field

from .models import Persona


@dataclass
class IdentityReport:
    personas: int = 0
    merged: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)  # (code, detail)

    @property
    def ok(self) -> bool:
        return not self.problems


def identity_check(*, team_id: str, limit: int = 1000) -> IdentityReport:
    """Verify a team's graph: merged personas point at active survivors, nothing points at a merged one."""
    from .services import persona_references

    report = IdentityReport()
    into = dict(Persona.objects.filter(team_id=team_id, is_merged=True).values_list("pk", "merged_into_id"))
    report.personas = Persona.objects.filter(team_id=team_id).count()
    report.merged = len(into)
    for pid, target in into.items():
        if target is None or target == pid:
            report.problems.append(("CIRCULAR_MERGE", f"{pid} is merged into {target}"))
            continue
        seen = {pid}
        hops = 0
        while target in into:
            hops += 1
            if target in seen:
                report.problems.append(("CIRCULAR_MERGE", f"{pid} reaches a loop through {target}"))
                break
            seen.add(target)
            target = into[target]
        else:
            if hops:
                report.problems.append(("CIRCULAR_MERGE", f"{pid} points at merged {into[pid]} ({hops} hops)"))
        if len(report.problems) >= limit:
            return report
    merged_ids = list(into)
    for model, attname in persona_references():
        for start in range(0, len(merged_ids), 5000):
            chunk = merged_ids[start : start + 5000]
            for rid, pid in model.objects.filter(**{f"{attname}__in": chunk}).values_list("pk", attname)[:limit]:
                report.problems.append(("ORPHAN_RECORDS", f"{model._meta.label} {rid} points at merged persona {pid}"))
        if len(report.problems) >= limit:
            return report
    # References without a database constraint (see SourceTraced) must still name an existing persona.
    for model, attname in persona_references():
        if "team" not in {f.name for f in model._meta.fields}:
            continue
        dangling = (
            model.objects.filter(team_id=team_id)
            .exclude(**{f"{attname}__in": Persona.objects.filter(team_id=team_id).values("pk")})
            .values_list("pk", attname)[:limit]
        )
        for rid, pid in dangling:
            report.problems.append(("ORPHAN_RECORDS", f"{model._meta.label} {rid} points at missing persona {pid}"))
    stray = Persona.objects.filter(team_id=team_id, is_merged=False, merged_into__isnull=False).values_list("pk")
    for (pid,) in stray[:limit]:
        report.problems.append(("CIRCULAR_MERGE", f"active persona {pid} has a survivor pointer"))
    return report
