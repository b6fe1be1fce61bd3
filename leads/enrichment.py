"""Stage 5: skip-trace enrichment of leads in jobs of 250, with spend control and per-item outcomes."""

from datetime import UTC, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from identity.models import Persona, PersonaEmail, PersonaPhone
from usdatabiz.core import inflight, journey
from usdatabiz.core.errors import DomainError
from usdatabiz.core.leases import LeaseLost, work_claim, work_done, work_enqueue, work_heartbeat
from usdatabiz.core.models import LeasedWork, StageRun, Team
from usdatabiz.core.services import stage_failure_record, stage_run_finish, stage_run_start

from .models import Lead, LeadSettings, SkipTraceJob, SkipTraceResult
from .skiptrace import AuthFailed, DailyLimitReached, SkipTraceError, get_provider
from .skiptrace.client import BATCH_MAX_ITEMS

PROGRESS_EVERY = 25


class EnrichmentError(DomainError):
    """A skip-trace request that cannot be made (cap reached, nothing to trace)."""


def daily_cap(team_id: str) -> int:
    """Return the team's lookups allowed per UTC day."""
    row = LeadSettings.objects.filter(team_id=team_id).first()
    if row and row.daily_trace_cap is not None:
        return row.daily_trace_cap
    return settings.SKIPTRACE_DAILY_CAP


def lookups_today(team_id: str) -> int:
    """Return how many lookups the team made since 00:00 UTC."""
    midnight = timezone.now().astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return (
        SkipTraceResult.objects.filter(team_id=team_id, created_at__gte=midnight)
        .exclude(error_code="CONFIG_ERROR")
        .count()
    )


def traceable(*, team_id: str, leads=None):
    """Return the team's leads that may be traced now: never traced, or not within the re-trace window."""
    qs = leads if leads is not None else Lead.objects.all()
    cutoff = timezone.now() - timedelta(days=settings.SKIPTRACE_RETRACE_DAYS)
    return qs.filter(team_id=team_id, persona__is_merged=False).exclude(traced_at__gte=cutoff).order_by("-score", "id")


OPEN_JOB_STATUSES = (SkipTraceJob.Status.QUEUED, SkipTraceJob.Status.RUNNING, SkipTraceJob.Status.PAUSED)


def _open_jobs(team_id: str):
    return SkipTraceJob.objects.filter(team_id=team_id, status__in=OPEN_JOB_STATUSES)


def skiptrace_jobs_create(*, team: Team | str, leads=None, limit: int | None = None, start: bool = True):
    """Split the traceable leads into jobs of 250 within the team's daily cap; enqueue them.

    The team row is locked while the leads are chosen, so two requests at once (a double click, an API retry,
    two operators) queue each lead once: a lead already in an open job is skipped, and the lookups queued but
    not yet sent count against the cap as if they were made.
    """
    team_id = team.pk if isinstance(team, Team) else team
    provider = getattr(get_provider(), "label", "realestateapi")
    jobs = []
    with transaction.atomic():
        list(Team.objects.select_for_update(no_key=True).filter(pk=team_id))  # one request at a time per team
        open_jobs = list(_open_jobs(team_id).values_list("lead_ids", "total", "done"))
        unsent = sum(max(0, total - done) for _ids, total, done in open_jobs)
        remaining = daily_cap(team_id) - lookups_today(team_id) - unsent
        if remaining <= 0:
            raise EnrichmentError(
                "DAILY_CAP_REACHED",
                "The team's daily skip-trace cap is reached (lookups made today and those already queued); "
                "try again after 00:00 UTC or ask an admin to raise it.",
                http_status=429,
            )
        wanted = remaining if limit is None else min(limit, remaining)
        queued = {pk for ids, _total, _done in open_jobs for pk in ids}
        candidates = traceable(team_id=team_id, leads=leads).values_list("pk", flat=True)
        ids = []
        for pk in candidates.iterator(chunk_size=2000) if queued else candidates[:wanted]:
            if pk not in queued:
                ids.append(pk)
                if len(ids) >= wanted:
                    break
        if not ids:
            raise EnrichmentError(
                "NOTHING_TO_TRACE",
                "No lead needs tracing (all traced recently, already queued in an open job, or none selected).",
                http_status=409,
            )
        for start_at in range(0, len(ids), SkipTraceJob.SIZE):
            chunk = ids[start_at : start_at + SkipTraceJob.SIZE]
            jobs.append(
                SkipTraceJob.objects.create(team_id=team_id, provider=provider, lead_ids=chunk, total=len(chunk))
            )
        if start:
            for job in jobs:
                work_enqueue(job)  # leased work: a dead worker's job goes on elsewhere within a minute
    return jobs


def _person(lead: Lead) -> dict:
    business = lead.business
    persona = lead.persona
    return {
        "first_name": persona.first_name,
        "last_name": persona.last_name,
        "address": business.address if business else "",
        "city": business.city if business else "",
        "state": (business.state if business else "") or persona.state,
        "zip": (business.zip5 if business else "") or persona.zip5,
    }


def _fail_item(job, lead, code, detail, run, raw=None):
    SkipTraceResult.objects.create(
        team_id=job.team_id,
        job=job,
        lead=lead,
        persona_id=lead.persona_id,
        provider=job.provider,
        error_code=code,
        raw_response=raw or {},
    )
    stage_failure_record(team=job.team_id, stage=5, code=code, subject=lead, run=run, field="skiptrace", detail=detail)


def _marks_wait(team_id: str, leads: list[Lead], outcomes) -> None:
    """Before a slice's answers are stored: wait for the team's texts in flight to the numbers they mark (a phone
    found on a do-not-call list, or found for a person marked do-not-contact), all the slice's in one statement."""
    if not any(outcome.matched and outcome.phones for outcome in outcomes):
        return
    flagged = set(
        Persona.objects.filter(pk__in={lead.persona_id for lead in leads}, do_not_contact=True).values_list(
            "pk", flat=True
        )
    )
    numbers = {
        found.number
        for lead, outcome in zip(leads, outcomes, strict=True)
        if outcome.matched
        for found in outcome.phones
        if found.do_not_call or lead.persona_id in flagged
    }
    if numbers:
        inflight.senders_wait_all(team_id=team_id, numbers=numbers)


def _upsert_contacts(lead: Lead, outcome, source: str, at) -> None:
    stamp = {"source": source, "at": at.isoformat()}
    # Two lookups for the same persona (a worker whose lease was taken over, two leads of merged personas) take
    # turns here, so the second finds the first's phones and updates them instead of adding copies. A unique key
    # on persona and number cannot do it: a merge moves the merged persona's phones, the same numbers included.
    list(Persona.objects.select_for_update().filter(pk=lead.persona_id))
    for found in outcome.phones:
        phone = PersonaPhone.objects.filter(persona_id=lead.persona_id, normalized_number=found.number).first()
        values = {
            "phone_type": found.phone_type,
            "is_valid": True,
            "is_connected": found.is_connected,
            "do_not_call": found.do_not_call,
        }
        if phone is None:
            PersonaPhone.objects.create(
                team_id=lead.team_id,
                persona_id=lead.persona_id,
                raw=found.raw or found.number,
                normalized_number=found.number,
                provenance=dict.fromkeys(values, stamp),
                **values,
            )
        else:
            for name, value in values.items():
                setattr(phone, name, value)
            phone.provenance = {**phone.provenance, **dict.fromkeys(values, stamp)}
            phone.save(update_fields=[*values, "provenance", "updated_at"])
    for found in outcome.emails:
        if not PersonaEmail.objects.filter(persona_id=lead.persona_id, email=found.email).exists():
            PersonaEmail.objects.create(
                team_id=lead.team_id, persona_id=lead.persona_id, email=found.email, provenance={"email": stamp}
            )


def skiptrace_job_resume(*, job: SkipTraceJob) -> SkipTraceJob:
    """Let a paused job go on now rather than at its scheduled 00:00 UTC."""
    if job.status != SkipTraceJob.Status.PAUSED:
        raise EnrichmentError(
            "NOT_PAUSED", f"Only a paused job can be resumed; this one is {job.status}.", http_status=409
        )
    from django_q.models import Schedule

    with transaction.atomic():
        Schedule.objects.filter(name=f"resume {job.pk}").delete()
        work_enqueue(job)
    return job


def next_utc_midnight(now=None):
    """Return the next 00:00 UTC after ``now``: when the provider's daily allowance starts again."""
    now = (now or timezone.now()).astimezone(UTC)
    return now.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)


def _record_outcome(job, lead, outcome, run, now) -> None:
    """Store one lookup's answer: the result row, the contacts found, the lead's enrichment status."""
    SkipTraceResult.objects.create(
        team_id=job.team_id,
        job=job,
        lead=lead,
        persona_id=lead.persona_id,
        provider=job.provider,
        matched=outcome.matched,
        partial=outcome.partial,
        raw_response=outcome.raw,
        cost=outcome.cost,
    )
    if outcome.matched:
        _upsert_contacts(lead, outcome, job.provider, now)
        status = Lead.Enrichment.COMPLETED
        job.matched += 1
        if outcome.partial:
            job.partial += 1
            stage_failure_record(
                team=job.team_id,
                stage=5,
                code="PARTIAL_RESPONSE",
                subject=lead,
                run=run,
                field=",".join(outcome.missing),
                detail=f"The provider matched but returned no {', '.join(outcome.missing)}; what came is kept.",
            )
    else:
        status = Lead.Enrichment.NO_RESULTS
        job.no_results += 1
        stage_failure_record(
            team=job.team_id,
            stage=5,
            code="NO_RESULTS",
            subject=lead,
            run=run,
            field="skiptrace",
            detail="The provider found no match for this person.",
        )
    Lead.objects.filter(pk=lead.pk).update(enrichment_status=status, traced_at=now)
    job.done += 1


def _lookup(provider, leads: list[Lead]) -> list:
    """Ask the provider about a slice of leads: one call per lead, or one batch call for the slice."""
    people = [_person(lead) for lead in leads]
    if len(people) == 1:
        return [provider.skip_trace(people[0])]
    return provider.skip_trace_batch(people)


def skiptrace_job_run(*, job_id: str, provider=None, batch_size: int | None = None) -> SkipTraceJob:
    """Trace every lead of a job in slices; a 401/403 stops it, the provider's daily limit pauses it.

    A slice is one batch-await call of up to 100 leads (``SKIPTRACE_BATCH_SIZE``; 1 means one
    ``/v1/SkipTrace`` call per lead). A slice that fails after the client's retries fails its leads
    (``API_TIMEOUT``, ``RATE_LIMIT``, ``PROVIDER_ERROR``) and the job goes on; failed leads are not
    marked traced, so the next job picks them up. A paused job resumes by itself at 00:00 UTC.
    """
    job = SkipTraceJob.objects.get(pk=job_id)
    if job.status not in (SkipTraceJob.Status.QUEUED, SkipTraceJob.Status.RUNNING, SkipTraceJob.Status.PAUSED):
        return job
    claimed = work_claim(SkipTraceJob, job_id)
    if claimed is None:
        return SkipTraceJob.objects.get(pk=job_id)  # another worker holds it, or it is finished
    job = claimed
    provider = provider or get_provider(team=job.team_id)
    size = batch_size or settings.SKIPTRACE_BATCH_SIZE
    size = 1 if not hasattr(provider, "skip_trace_batch") else max(1, min(BATCH_MAX_ITEMS, size))
    # The delay a person feels runs from the job's enqueue, or from the time a paused job was due to go on.
    triggered_at = job.resume_at or job.created_at
    job.status, job.started_at = SkipTraceJob.Status.RUNNING, job.started_at or timezone.now()
    job.resume_at, job.error_code, job.error_message = None, "", ""
    job.save(update_fields=["status", "started_at", "resume_at", "error_code", "error_message", "updated_at"])
    run = stage_run_start(team=job.team_id, stage=5, subject=job, count_in=job.total, triggered_at=triggered_at)
    done_ids = set(job.results.values_list("lead_id", flat=True))
    pending = [
        lead
        for lead in Lead.objects.filter(pk__in=job.lead_ids).select_related("persona", "business").order_by("pk")
        if lead.pk not in done_ids  # a resumed job never pays twice for a lead
    ]
    counters = ["matched", "partial", "no_results", "failed", "done", "updated_at"]
    for start_at in range(0, len(pending), size):
        chunk = pending[start_at : start_at + size]
        now = timezone.now()
        if not work_heartbeat(job):
            return job  # presumed dead, the job went to another worker: stop before paying for more lookups
        try:
            outcomes = _lookup(provider, chunk)
        except AuthFailed as exc:
            _fail_item(job, chunk[0], "CONFIG_ERROR", str(exc), run)
            job.status, job.error_code = SkipTraceJob.Status.FAILED, "CONFIG_ERROR"
            job.error_message = f"The provider refused our credentials ({exc}); fix REALESTATEAPI_API_KEY."
            job.finished_at = timezone.now()
            job.save(update_fields=["status", "error_code", "error_message", "finished_at", "updated_at"])
            stage_run_finish(run=run, status=StageRun.Status.FAILED, count_out=job.done, detail=job.error_message)
            _release(job, done=True)
            return job
        except DailyLimitReached as exc:
            return _pause(job, run, exc)
        except SkipTraceError as exc:
            outcomes = exc  # every lead of the chunk fails with the provider's code
        try:
            with transaction.atomic():
                # fenced: a worker whose lease was taken over while it waited for the provider records nothing
                if not work_heartbeat(job):
                    raise LeaseLost(f"{job.pk}: the lease of {job.lease_owner} was lost during the lookup")
                if isinstance(outcomes, SkipTraceError):
                    for lead in chunk:
                        _fail_item(job, lead, outcomes.code, str(outcomes), run)
                    Lead.objects.filter(pk__in=[lead.pk for lead in chunk]).update(
                        enrichment_status=Lead.Enrichment.FAILED
                    )
                    job.failed += len(chunk)
                    job.done += len(chunk)
                else:
                    _marks_wait(job.team_id, chunk, outcomes)
                    for lead, outcome in zip(chunk, outcomes, strict=True):
                        _record_outcome(job, lead, outcome, run, now)
                job.save(update_fields=counters)
        except (LeaseLost, IntegrityError):  # IntegrityError: another worker stored these leads' results first
            return SkipTraceJob.objects.get(pk=job.pk)
    with transaction.atomic():
        try:
            work_done(job)  # fenced: a worker presumed dead does not complete the job a second time
        except LeaseLost:
            return job
        job.status, job.finished_at = SkipTraceJob.Status.COMPLETED, timezone.now()
        job.save(update_fields=["status", "finished_at", "updated_at"])
        stage_run_finish(
            run=run,
            status=StageRun.Status.SUCCEEDED,
            count_out=job.matched,
            detail=f"matched {job.matched}, no results {job.no_results}, partial {job.partial}, failed {job.failed}",
        )
        journey.advance(stage=5, subject_id=job.pk, team_id=job.team_id)
    return job


def _release(job: SkipTraceJob, *, done: bool) -> None:
    """Give the job's lease back: finished (done), or waiting for a scheduled resume (pending, not lost)."""
    if done:
        with transaction.atomic():
            try:
                work_done(job)
            except LeaseLost:
                pass
        return
    SkipTraceJob.objects.filter(pk=job.pk, lease_owner=job.lease_owner).update(
        state=LeasedWork.State.PENDING, lease_owner="", lease_expires_at=None, enqueued_at=None
    )


def skiptrace_job_given_up(job: SkipTraceJob, *, code: str, detail: str) -> None:
    """Workers died on this job ``Q_MAX_ATTEMPTS`` times: fail it with the reason; traced leads stay traced."""
    SkipTraceJob.objects.filter(pk=job.pk).exclude(status=SkipTraceJob.Status.COMPLETED).update(
        status=SkipTraceJob.Status.FAILED,
        error_code=code,
        error_message=f"{detail} The leads without a result are picked up by the next job.",
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )


def _pause(job: SkipTraceJob, run: StageRun, exc: Exception) -> SkipTraceJob:
    """Hold a job until the provider's day starts again and schedule it to go on by itself then."""
    job.status, job.error_code = SkipTraceJob.Status.PAUSED, "RATE_LIMIT"
    job.resume_at = next_utc_midnight()
    job.error_message = (
        f"The provider's daily lookup limit is used up ({exc}). The job goes on by itself when the limit "
        "resets at midnight UTC; nothing traced so far is lost."
    )
    job.save(update_fields=["status", "error_code", "error_message", "resume_at", "updated_at"])
    journey.schedule_once("leads.tasks.skiptrace_job_run_task", job.pk, at=job.resume_at, name=f"resume {job.pk}")
    stage_failure_record(
        team=job.team_id,
        stage=5,
        code="RATE_LIMIT",
        subject=job,
        run=run,
        field="daily_limit",
        detail=job.error_message,
    )
    stage_run_finish(run=run, status=StageRun.Status.FAILED, count_out=job.done, detail=job.error_message)
    _release(job, done=False)
    return job
