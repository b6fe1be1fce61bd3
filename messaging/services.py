"""Writes of stage 7: campaign sends through the SMS provider, with the send-time compliance checks.

Every outbound text is checked at send time (approved campaign, suppression list, opt-out under review,
landline, do-not-call, quiet hours at the recipient's location: ``send_check``) inside the transaction that makes
it, and recorded as ``sending`` before the provider is called with its idempotency key; the outcome is recorded
after the call. Campaign texts go by batches (``_send_campaign_batch``): the checks' data read once per batch,
each text's claim committed with the answer to the text before. A crash or timeout between a claim and its
answer leaves the message ``sending`` (then ``held``): it is shown to a person and never resent blindly. From just
before its claim until the provider answered, a text holds its number's in-flight lock (``inflight``): a STOP or a
possible opt-out for that number waits for the answer, and the next text's claim sees it.
"""

import hashlib
import logging
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import BooleanField, Exists, F, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone

from campaigns.models import Campaign, CampaignLead, CampaignStep
from campaigns.rendering import render_for
from campaigns.segments import segment_info
from campaigns.services import campaign_step_transition, campaign_transition
from identity.models import BusinessOwner, Persona, PersonaPhone
from leads.models import Lead
from usdatabiz.core import inflight, journey, paging, times
from usdatabiz.core.errors import DomainError, IllegalTransition
from usdatabiz.core.leases import LeaseLost, lease_seconds, work_claim, work_done, work_enqueue, work_heartbeat
from usdatabiz.core.models import StageRun, Team
from usdatabiz.core.services import stage_failure_record, stage_run_finish, stage_run_start
from usdatabiz.core.transitions import transition, transition_many

from . import compliance
from .models import (
    ConsentMark,
    ContactSender,
    Message,
    MessagingSettings,
    OptOutReview,
    ProviderWebhook,
    SenderNumber,
    SendSlice,
    Suppression,
)
from .sms import (
    PROVIDERS,
    AuthFailed,
    ConfigError,
    IdempotencyConflict,
    InvalidNumber,
    OutcomeUnknown,
    RateLimited,
    SmsError,
    active_provider_name,
    credentials,
    provider_spec,
    sms_client,
    us_number,
)

log = logging.getLogger(__name__)
STAGE = 7
RATE_LIMIT_PAUSE = timedelta(seconds=60)


class SendError(DomainError):
    """A send that must not happen (not approved, not held, ...)."""


def _team_id(team: Team | str) -> str:
    return team.pk if isinstance(team, Team) else team


# -- settings and suppression ---------------------------------------------------------------------------


def messaging_settings_get(*, team: Team | str) -> MessagingSettings:
    """Return the team's sending settings (created with the defaults on first use)."""
    row, _ = MessagingSettings.objects.get_or_create(team_id=_team_id(team))
    return row


def messaging_settings_update(*, settings_row: MessagingSettings, **values) -> MessagingSettings:
    """Save a team's sending settings after the model's checks (number, hours, state windows)."""
    for name, value in values.items():
        setattr(settings_row, name, value)
    settings_row.full_clean()
    settings_row.save()
    return settings_row


# -- the team's numbers ----------------------------------------------------------------------------------


def sender_number_create(
    *,
    team: Team | str,
    number: str,
    label: str = "",
    provider: str | None = None,
    status: str = SenderNumber.Status.ACTIVE,
    campaign_id_10dlc: str = "",
    user=None,
) -> SenderNumber:
    """Add a number the team texts from. A number belongs to one team only: held elsewhere, it is ``NUMBER_TAKEN``
    (409), without saying by whom. The database's unique constraint decides, so two teams adding it at once
    cannot both get it.
    """
    team_id = _team_id(team)
    try:
        digits = us_number(number)
    except ValueError as exc:
        raise SendError("INVALID_NUMBER", f"{exc}. Give a US number, e.g. 5125550101.") from exc
    provider = (provider or active_provider_name()).strip().lower()
    try:
        provider_spec(provider)
    except ConfigError as exc:
        raise SendError("UNKNOWN_PROVIDER", exc.message) from exc
    if SenderNumber.objects.filter(team_id=team_id, number=digits).exists():
        raise SendError("NUMBER_TAKEN", f"{digits} is one of your team's numbers already.", http_status=409)
    row = SenderNumber(
        team_id=team_id, number=digits, provider=provider, label=(label or "").strip(), status=status,
        campaign_id_10dlc=(campaign_id_10dlc or "").strip(), created_by=user,
    )  # fmt: skip
    row.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError as exc:
        raise SendError(
            "NUMBER_TAKEN",
            f"{digits} belongs to another team: a number can belong to one team only.",
            http_status=409,
        ) from exc
    return row


def sender_number_first_free(*, team: Team | str, candidates, label: str = "", user=None) -> SenderNumber | None:
    """Add the first of ``candidates`` no team holds as an active number of the team (demos, benchmarks); None
    when every one is taken. A team that has an active number already keeps it."""
    active = _active_numbers(_team_id(team)).first()
    if active is not None:
        return active
    for number in candidates:
        try:
            return sender_number_create(team=team, number=number, label=label, user=user)
        except SendError as exc:
            if exc.code != "NUMBER_TAKEN":
                raise
    return None


def sender_number_update(*, sender: SenderNumber, **values) -> SenderNumber:
    """Change a number's label or 10DLC campaign id (its digits and team never change)."""
    for name in ("label", "campaign_id_10dlc"):
        if name in values:
            setattr(sender, name, (values[name] or "").strip())
    sender.full_clean(validate_constraints=False)
    sender.save()
    return sender


def sender_number_transition(*, sender: SenderNumber, to: str, user=None) -> SenderNumber:
    """Activate or retire a number, as its map allows (``ILLEGAL_TRANSITION`` otherwise).

    A retired number sends nothing more: its contacts hear from another active number of the team from their
    next text on. It stays the team's, so late replies to it still reach the team.
    """
    with transaction.atomic():
        current = SenderNumber.objects.select_for_update().get(pk=sender.pk)
        if to not in SenderNumber.TRANSITIONS.get(current.status, set()):
            raise IllegalTransition("SenderNumber", current.status, to)
        current.status = to
        current.save(update_fields=["status", "updated_at"])
        log.info("sender number %s -> %s by %s", current.pk, to, getattr(user, "username", "SYSTEM"))
    sender.refresh_from_db()
    return sender


def _active_numbers(team_id: str):
    return SenderNumber.objects.filter(team_id=team_id, status=SenderNumber.Status.ACTIVE).order_by("pk")


def sender_for_contact(*, team: Team | str, contact_number: str, prefer: str | None = None) -> SenderNumber | None:
    """The team's active number a contact hears from, the same every time while it stays active (None: the team
    has no active number).

    A contact keeps the number it was given (``ContactSender``, unique per team and contact). A first text, or
    one after its number was retired, takes ``prefer`` when it is an active number of the team (the number the
    person wrote to), else one of the active numbers picked by the contact's number, so contacts spread evenly.
    """
    team_id = _team_id(team)
    with transaction.atomic():
        link = (
            ContactSender.objects.select_for_update()
            .select_related("sender")
            .filter(team_id=team_id, contact_number=contact_number)
            .first()
        )
        if link is not None and link.sender.status == SenderNumber.Status.ACTIVE:
            return link.sender
        active = list(_active_numbers(team_id))
        if not active:
            return None
        chosen = _sender_choice(active, contact_number, prefer)
        if link is not None:
            link.sender = chosen
            link.save(update_fields=["sender", "updated_at"])
            return chosen
        try:
            with transaction.atomic():
                ContactSender.objects.create(team_id=team_id, contact_number=contact_number, sender=chosen)
        except IntegrityError:  # another worker gave this contact a number at the same moment: keep theirs
            return (
                ContactSender.objects.select_related("sender")
                .get(team_id=team_id, contact_number=contact_number)
                .sender
            )
        return chosen


def _sender_choice(active: list[SenderNumber], contact_number: str, prefer: str | None = None) -> SenderNumber:
    """The active number a contact without one of its own is given: ``prefer`` when it is among them, else one
    picked by the contact's number, so contacts spread evenly over the team's numbers."""
    chosen = next((n for n in active if prefer and n.number == prefer), None)
    if chosen is None:
        spread = int(hashlib.sha256(contact_number.encode()).hexdigest()[:8], 16)
        chosen = active[spread % len(active)]
    return chosen


def senders_for_contacts(*, team: Team | str, contact_numbers) -> dict[str, SenderNumber]:
    """The number each contact hears from, as ``sender_for_contact`` gives it one by one, for a whole batch in a
    few statements (empty when the team has no active number). Call it inside a transaction: the contacts' links
    are locked until it ends."""
    team_id = _team_id(team)
    numbers = sorted(set(contact_numbers))
    active = list(_active_numbers(team_id))
    if not numbers or not active:
        return {}
    links = {
        link.contact_number: link
        for link in ContactSender.objects.select_for_update()
        .select_related("sender")
        .filter(team_id=team_id, contact_number__in=numbers)
        .order_by("contact_number")
    }
    given = {n: link.sender for n, link in links.items() if link.sender.status == SenderNumber.Status.ACTIVE}
    moved = [links[n] for n in links if n not in given]  # their number was retired: another of the team's
    for link in moved:
        link.sender = given[link.contact_number] = _sender_choice(active, link.contact_number)
        link.updated_at = timezone.now()
    if moved:
        ContactSender.objects.bulk_update(moved, ["sender", "updated_at"])
    fresh = [n for n in numbers if n not in links]
    if fresh:
        new = [ContactSender(team_id=team_id, contact_number=n, sender=_sender_choice(active, n)) for n in fresh]
        ContactSender.objects.bulk_create(new, ignore_conflicts=True)
        # a contact given a number by another worker at the same moment keeps theirs
        for link in ContactSender.objects.select_related("sender").filter(team_id=team_id, contact_number__in=fresh):
            given[link.contact_number] = link.sender
    return given


def is_suppressed(*, team: Team | str, number: str) -> bool:
    """Whether the number is on the team's active suppression list."""
    return Suppression.objects.filter(team_id=_team_id(team), phone_number=number, lifted_at__isnull=True).exists()


def suppression_add(
    *, team: Team | str, number: str, reason: str, source_message=None, user=None, note: str = ""
) -> Suppression:
    """Put a number on the team's do-not-text list at once (idempotent: an active entry is kept as it is).

    A text to the number that is with the provider this moment is answered first (``SMS_STOP_WAIT_SECONDS`` at
    most, ``inflight.senders_wait``); the next one is refused."""
    team_id = _team_id(team)
    if len(number or "") != 10 or not number.isdigit():
        raise SendError("INVALID_NUMBER", "Give the number as 10 digits.")
    existing = Suppression.objects.filter(team_id=team_id, phone_number=number, lifted_at__isnull=True).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            inflight.senders_wait(team_id=team_id, number=number)
            return Suppression.objects.create(
                team_id=team_id,
                phone_number=number,
                reason=reason,
                source_message=source_message,
                created_by=user,
                note=note,
            )
    except IntegrityError:  # added at the same moment by another request
        return Suppression.objects.get(team_id=team_id, phone_number=number, lifted_at__isnull=True)


def suppression_lift(*, team: Team | str, number: str, reason: str, user=None) -> int:
    """Take a number off the list (the person texted START, or a person lifted it); return how many."""
    return Suppression.objects.filter(team_id=_team_id(team), phone_number=number, lifted_at__isnull=True).update(
        lifted_at=timezone.now(), lifted_reason=reason[:120], updated_at=timezone.now()
    )


def consent_mark_move(
    *, team: Team | str, number: str, keyword: str, at: datetime | None = None, identifier: str = ""
) -> bool:
    """Record a STOP or START (``ConsentMark.Keyword``) as the number's newest consent message, inside the caller's
    transaction; return False, changing nothing, when a newer one (by ``at``, the provider's time of the message)
    was applied already or it is that very message again (same provider ``identifier``): the caller then leaves
    consent as it is. Concurrent calls for one number wait for each other (the mark's row is locked)."""
    team_id = _team_id(team)
    at = at or timezone.now()
    if (
        identifier
        and Message.objects.filter(
            team_id=team_id, direction=Message.Direction.INBOUND, external_id=identifier
        ).exists()
    ):
        return False  # stored already: a late delivery of a message whose words were honoured when it came
    with transaction.atomic():
        # a delivery for the number at the same moment waits here (get_or_create reads again after a clash)
        mark, created = ConsentMark.objects.select_for_update().get_or_create(
            team_id=team_id, phone_number=number,
            defaults={"keyword": keyword, "event_at": at, "identifier": identifier},
        )  # fmt: skip
        if created:
            return True
        if (identifier and mark.identifier == identifier) or at < mark.event_at:
            return False
        mark.keyword, mark.event_at, mark.identifier = keyword, at, identifier
        mark.save(update_fields=["keyword", "event_at", "identifier", "updated_at"])
    return True


def suppression_entry_lift(*, entry: Suppression, user, reason: str) -> Suppression:
    """A person allows texting a number again: the entry must be active and the reason is required and kept."""
    reason = (reason or "").strip()
    if not reason:
        raise SendError("REASON_REQUIRED", "Say why the number may be texted again.")
    if entry.lifted_at is not None:
        raise SendError("NOT_ACTIVE", "This entry was lifted already.", http_status=409)
    with transaction.atomic():
        # a person's decision is the newest word on consent: an older STOP delivered late does not undo it
        consent_mark_move(team=entry.team_id, number=entry.phone_number, keyword=ConsentMark.Keyword.START)
        suppression_lift(
            team=entry.team_id, number=entry.phone_number, reason=f"{user.get_username()}: {reason}", user=user
        )
    entry.refresh_from_db()
    return entry


# -- the send-time checks -------------------------------------------------------------------------------


@dataclass(frozen=True)
class NumberMarks:
    """The numbers a team may not text whoever the text is for: on a do-not-call list in any person's phone row
    (``dnc``), or the number of any person marked do-not-contact (``do_not_contact``)."""

    dnc: frozenset[str] = frozenset()
    do_not_contact: frozenset[str] = frozenset()


def number_marks(*, team_id: str, numbers) -> NumberMarks:
    """Read which of ``numbers`` any person of the team marked do-not-call or do-not-contact (two statements)."""
    phones = PersonaPhone.objects.filter(team_id=team_id, normalized_number__in=set(numbers))
    return NumberMarks(
        dnc=frozenset(phones.filter(do_not_call=True).values_list("normalized_number", flat=True)),
        do_not_contact=frozenset(
            phones.filter(persona__do_not_contact=True).values_list("normalized_number", flat=True)
        ),
    )


@dataclass
class CheckResult:
    ok: bool
    code: str = ""
    detail: str = ""
    not_before: datetime | None = None
    basis: str = ""  # the zones the quiet-hours check used, and why


def send_check(
    *,
    team_id: str,
    number: str,
    kind: str,
    cfg: MessagingSettings,
    now: datetime,
    state=None,
    phone=None,
    persona=None,
    zip5: str | None = None,
    suppressed: str | bool | None = None,
    held: bool | None = None,
    marks: NumberMarks | None = None,
) -> CheckResult:
    """Run the checks that must pass at the moment a text leaves. Compliance replies skip the list and hours.

    ``suppressed`` is the suppression list's answer when the caller read it for a whole batch inside the same
    transaction: the active entry's reason, or "" when the number is not on the list (None: it is read here).
    ``held`` likewise says whether a possible opt-out from the number waits for a person (``OptOutReview``), and
    ``marks`` which numbers any person of the team marked do-not-call or do-not-contact: such a mark on another
    person with the same number refuses the text as the recipient's own would."""
    if len(number or "") != 10 or not number.isdigit():
        return CheckResult(False, "INVALID_NUMBER", f"{number!r} is not a 10-digit US number.")
    if suppressed is None:
        active = Suppression.objects.filter(team_id=team_id, phone_number=number, lifted_at__isnull=True).first()
        on_list, reason = active is not None, (active.reason if active is not None else "")
    else:
        on_list, reason = bool(suppressed), (suppressed if isinstance(suppressed, str) else "")
    if reason == Suppression.Reason.NOT_TEXTABLE:
        return CheckResult(False, "NOT_TEXTABLE", "The number does not accept texts (its auto-reply said so).")
    if kind != Message.Kind.COMPLIANCE:
        if on_list:
            return CheckResult(False, "OPTED_OUT", "The number is on the suppression list.")
        if held is None:
            held = OptOutReview.objects.filter(
                team_id=team_id, phone_number=number, status=OptOutReview.Status.HELD
            ).exists()
        if held:
            return CheckResult(
                False, "OPT_OUT_REVIEW", "A reply from this number may be an opt-out; a person must decide first."
            )
        if persona is not None and persona.do_not_contact:
            return CheckResult(False, "DO_NOT_CONTACT", "The person is marked do-not-contact.")
        if marks is None:
            marks = number_marks(team_id=team_id, numbers=[number])
        if number in marks.do_not_contact:
            return CheckResult(
                False, "DO_NOT_CONTACT", "A person of the team with this number is marked do-not-contact."
            )
    if phone is not None and phone.phone_type == PersonaPhone.PhoneType.LANDLINE:
        return CheckResult(False, "LANDLINE_BLOCKED", "The number is a landline; SMS cannot reach it.")
    if kind != Message.Kind.COMPLIANCE and ((phone is not None and phone.do_not_call) or number in marks.dnc):
        return CheckResult(False, "DNC_BLOCKED", "The number is on a do-not-call list.")
    if phone is not None:
        age = _dnc_scrub_age_days(phone, now)
        if age is not None and age > settings.SMS_DNC_SCRUB_MAX_DAYS and kind != Message.Kind.COMPLIANCE:
            return CheckResult(
                False,
                "DNC_SCRUB_STALE",
                f"The do-not-call status was last checked {age} days ago "
                f"(more than {settings.SMS_DNC_SCRUB_MAX_DAYS}); skip-trace the lead again before texting.",
            )
    if kind != Message.Kind.COMPLIANCE:
        windows = {k: tuple(v) for k, v in (cfg.state_windows or {}).items()}
        hours = compliance.quiet_hours_check(
            now=now,
            state=state,
            phone=number,
            zip5=zip5 or (persona.zip5 if persona is not None else None),
            start_hour=cfg.quiet_start_hour,
            end_hour=cfg.quiet_end_hour,
            overrides=windows or None,
        )
        if not hours.allowed:
            return CheckResult(False, "QUIET_HOURS", hours.reason, hours.next_allowed_at, basis=hours.basis)
        return CheckResult(True, basis=hours.basis)
    return CheckResult(True)


def _dnc_scrub_age_days(phone, now: datetime) -> int | None:
    """Days since the provider last said whether the number is on a do-not-call list (None: never said)."""
    from django.utils.dateparse import parse_datetime

    stamp = (phone.provenance or {}).get("do_not_call") or {}
    at = parse_datetime(stamp.get("at") or "") if isinstance(stamp, dict) else None
    return None if at is None else (now - at).days


# -- campaign sending -----------------------------------------------------------------------------------


def campaign_sending_start(*, campaign_id: str) -> Campaign:
    """After approval (stage 6), move the campaign to sending and queue its first slice (at its scheduled start)."""
    campaign = Campaign.objects.get(pk=campaign_id)
    first = campaign.status == Campaign.Status.APPROVED
    if first:
        if not campaign.approved_by_id:
            raise SendError("NOT_APPROVED", "The campaign has no named approver; nothing is sent.", http_status=409)
        if campaign.scheduled_at and campaign.scheduled_at > timezone.now():
            journey.schedule_once(
                "messaging.tasks.campaign_sending_start_task", campaign.pk, at=campaign.scheduled_at,
                name=f"start {campaign.pk}",
            )  # fmt: skip
            return campaign
        campaign = campaign_transition(
            campaign=campaign,
            to=Campaign.Status.SENDING,
            actor="SYSTEM",
            note="sending started",
            started_at=timezone.now(),
        )
    if campaign.status == Campaign.Status.SENDING:
        # The delay a person feels runs from the approval (or the scheduled start, when later); after a resume,
        # from now.
        marks = [at for at in (campaign.approved_at, campaign.scheduled_at) if at is not None] if first else []
        _slice_enqueue(campaign, due_at=min(max(marks), timezone.now()) if marks else None)
    return campaign


def _no_counts() -> dict[str, int]:
    return dict.fromkeys(("sent", "failed", "skipped", "deferred", "held", "rate_limited"), 0)


def _slice_open(campaign: Campaign, *, due_at: datetime) -> SendSlice | None:
    """Create the campaign's next slice (pending); None when one is pending or running already."""
    try:
        with transaction.atomic():
            return SendSlice.objects.create(team_id=campaign.team_id, campaign=campaign, due_at=due_at)
    except IntegrityError:
        return None  # a slice of this campaign is on its way (a dead worker's is taken over by the sweeper)


def _slice_enqueue(campaign: Campaign, *, due_at: datetime | None = None) -> SendSlice | None:
    """Queue the campaign's next slice as leased work on the bulk lane (on commit)."""
    send_slice = _slice_open(campaign, due_at=due_at or timezone.now())
    if send_slice is not None:
        work_enqueue(send_slice)
    return send_slice


def campaign_send_slice(*, campaign_id: str, provider=None, now: datetime | None = None, size: int | None = None):
    """Send the next slice of a sending campaign here and now (when no slice of it is on its way already).

    Returns a dict of counts by outcome (all zero when nothing was sent). See ``send_slice_run``.
    """
    campaign = Campaign.objects.get(pk=campaign_id)
    if campaign.status != Campaign.Status.SENDING or not campaign.approved_by_id:
        return _no_counts()
    send_slice = _slice_open(campaign, due_at=timezone.now())
    if send_slice is None:
        return _no_counts()
    return send_slice_run(slice_id=send_slice.pk, provider=provider, now=now, size=size) or _no_counts()


def send_slice_run(*, slice_id: str, provider=None, now: datetime | None = None, size: int | None = None):
    """Send to the next pending leads of a campaign under the slice's lease; queue the next slice or finish.

    Returns a dict of counts by outcome, or None when another worker holds the slice or it is finished.
    Nothing is sent unless the campaign is ``sending`` with a named approver, checked again for every
    message. The lease is renewed before each text; a worker that lost it (presumed dead, its slice given to
    another) stops before the next text. A text caught in flight by a killed worker keeps its idempotency key
    and is held for review by whoever goes on (``_already``), never sent again.
    """
    send_slice = work_claim(SendSlice, slice_id)
    if send_slice is None:
        return None
    campaign = Campaign.objects.get(pk=send_slice.campaign_id)
    counts = _no_counts()
    if campaign.status != Campaign.Status.SENDING or not campaign.approved_by_id:
        _slice_done(send_slice, counts)
        return counts
    provider = provider or sms_client(team=campaign.team_id)
    cfg = messaging_settings_get(team=campaign.team_id)
    size = min(size or settings.SMS_SLICE_SIZE, _budget(campaign.team_id, cfg))
    now = now or timezone.now()
    if size <= 0:
        if _slice_done(send_slice, counts):
            _after_slice(campaign, "paced", now)
        return counts
    due = _waiting(campaign).exclude(send_after__gt=now).order_by("pk").values_list("pk", flat=True)[:size]
    run = stage_run_start(
        team=campaign.team_id, stage=STAGE, subject=campaign, count_in=len(due), triggered_at=send_slice.due_at
    )
    SendSlice.objects.filter(pk=send_slice.pk).update(run=run)
    stop = None
    due = list(due)
    batch = max(1, settings.SMS_SEND_BATCH)
    for start in range(0, len(due), batch):
        if not work_heartbeat(send_slice):
            log.info("send slice %s was taken over; this worker stops", send_slice.pk)
            return counts  # its run was closed by the sweeper; the new holder goes on
        outcomes, stop = _send_campaign_batch(cl_ids=due[start : start + batch], provider=provider, cfg=cfg, now=now,
                                              run=run, send_slice=send_slice)  # fmt: skip
        if stop == "taken_over":
            log.info("send slice %s was taken over; this worker stops", send_slice.pk)
            return counts
        for outcome, number in outcomes.items():
            if outcome in counts:
                counts[outcome] += number
        if stop:
            break
    with transaction.atomic():
        stage_run_finish(
            run=run,
            status=StageRun.Status.FAILED if stop in ("config_error", "no_sender") else StageRun.Status.SUCCEEDED,
            count_out=counts["sent"],
            detail=", ".join(f"{k} {v}" for k, v in counts.items()) + (f"; stopped: {stop}" if stop else ""),
        )
        if not _slice_done(send_slice, counts):
            return counts
    _after_slice(campaign, stop or ("paced" if _budget(campaign.team_id, cfg) <= 0 else None), now)
    return counts


def _slice_done(send_slice: SendSlice, counts: dict) -> bool:
    """Mark the slice done (fenced by its lease); False when another worker took it over meanwhile."""
    try:
        with transaction.atomic():
            work_done(send_slice, counts=counts)
    except LeaseLost:
        return False
    return True


def send_slice_given_up(send_slice: SendSlice, *, code: str, detail: str) -> None:
    """Workers died on this slice ``Q_MAX_ATTEMPTS`` times: pause the campaign with the reason for a person."""
    campaign = Campaign.objects.select_for_update().get(pk=send_slice.campaign_id)
    if campaign.status == Campaign.Status.SENDING:
        campaign_transition(campaign=campaign, to=Campaign.Status.PAUSED, actor="SYSTEM", note=f"{code}: {detail}")


def _budget(team_id: str, cfg: MessagingSettings) -> int:
    """Texts the team may still start this minute (``sends_per_minute``, counted over the last 60 s)."""
    since = timezone.now() - timedelta(seconds=60)
    recent = Message.objects.filter(
        team_id=team_id, direction=Message.Direction.OUTBOUND, kind=Message.Kind.CAMPAIGN, sending_at__gte=since
    ).count()
    return max(0, cfg.sends_per_minute - recent)


def _waiting(campaign: Campaign):
    """Pending leads a slice may pick up: openers, and follow-ups of an approved step; none held for review."""
    sending_steps = CampaignStep.objects.filter(campaign=campaign, status=CampaignStep.Status.SENDING)
    return (
        CampaignLead.objects.filter(campaign=campaign, status=CampaignLead.Status.PENDING)
        .filter(Q(step=0) | Q(step__in=sending_steps.values("number")))
        .exclude(skip_code="HELD")
    )


def campaign_complete_if_done(*, campaign: Campaign) -> bool:
    """Complete a sending campaign once no lead is pending and no message is in flight or held."""
    campaign.refresh_from_db()
    if campaign.status != Campaign.Status.SENDING:
        return False
    if CampaignLead.objects.filter(campaign=campaign, status=CampaignLead.Status.PENDING).exists():
        return False
    if Message.objects.filter(campaign=campaign, status__in=[Message.Status.SENDING, Message.Status.HELD]).exists():
        return False
    for step in campaign.steps.filter(status=CampaignStep.Status.SENDING):
        campaign_step_transition(
            step=step, to=CampaignStep.Status.COMPLETED, actor="SYSTEM", note=f"step {step.number}: every text handled",
            finished_at=timezone.now(),
        )  # fmt: skip
    waiting = campaign.steps.filter(status__in=[CampaignStep.Status.PLANNED, CampaignStep.Status.STAGED]).first()
    if waiting is not None:
        from .followups import campaign_step_schedule

        campaign_step_schedule(step=waiting)  # its batch is formed when due; the campaign sends until the last step
        return False
    campaign_transition(
        campaign=campaign, to=Campaign.Status.COMPLETED, actor="SYSTEM", note="every lead handled",
        finished_at=timezone.now(),
    )  # fmt: skip
    journey.advance(stage=STAGE, subject_id=campaign.pk, team_id=campaign.team_id)
    return True


def _after_slice(campaign: Campaign, stop: str | None, now: datetime) -> None:
    campaign.refresh_from_db()
    if campaign.status != Campaign.Status.SENDING or stop in ("config_error", "no_sender"):
        return
    pending = _waiting(campaign)
    if not pending.exists():
        campaign_complete_if_done(campaign=campaign)  # held messages keep it open until a person decides
        return
    if stop == "paced":  # the team's pace is used up for this minute: go on in a minute
        at = timezone.now() + timedelta(seconds=60)
        journey.schedule_once(
            "messaging.tasks.campaign_send_slice_task", campaign.pk, at=at, name=f"send {campaign.pk}"
        )
        return
    if stop != "rate_limited" and pending.exclude(send_after__gt=now).exists():
        _slice_enqueue(campaign)
        return
    first = pending.order_by("send_after").values_list("send_after", flat=True).first() or now + RATE_LIMIT_PAUSE
    journey.schedule_once("messaging.tasks.campaign_send_slice_task", campaign.pk, at=first, name=f"send {campaign.pk}")


def _finish_lead(cl: CampaignLead, status: str, code: str = "", send_after=None) -> None:
    CampaignLead.objects.filter(pk=cl.pk).update(
        status=status, skip_code=code, send_after=send_after, updated_at=timezone.now()
    )


STOPS = ("rate_limited", "config_error", "no_sender", "stopped")


@dataclass
class _BatchReads:
    """What the send-time checks of a batch need, read in a few set-based statements inside its transaction."""

    keys: dict[str, str]  # campaign lead -> idempotency key
    existing: dict[str, Message]  # idempotency key -> the text made for it before (locked)
    busy: set[str]  # idempotency keys whose text another worker is writing this moment (left to it)
    suppressed: dict[str, str]  # number -> reason of its active suppression
    held: set[str]  # numbers with a possible opt-out waiting for a person
    phones: dict[str, PersonaPhone]
    titles: dict[tuple[str, str], str]  # (persona, business) -> the person's title there
    marks: NumberMarks  # numbers any person of the team marked do-not-call or do-not-contact


def _batch_reads(campaign: Campaign, leads: list[CampaignLead]) -> _BatchReads:
    team_id = campaign.team_id
    numbers = {cl.phone_number for cl in leads}
    keys = {cl.pk: _campaign_key(campaign, cl) for cl in leads}
    titles: dict[tuple[str, str], str] = {}
    owners = (
        BusinessOwner.objects.filter(
            persona_id__in={cl.lead.persona_id for cl in leads},
            business_id__in={cl.lead.business_id for cl in leads if cl.lead.business_id},
        )
        .order_by("pk")
        .values_list("persona_id", "business_id", "title")
    )
    for persona_id, business_id, title in owners:
        titles.setdefault((persona_id, business_id), title)  # the first link, as render_for reads it
    # The texts made before are locked without waiting: a worker recording an answer holds one text and then claims
    # the next, so waiting here (with this batch's leads locked) could close a cycle with it. A text another worker
    # holds this moment is its to finish; its lead stays pending and is skipped here.
    existing = {
        m.idempotency_key: m
        for m in Message.objects.select_for_update(skip_locked=True).filter(idempotency_key__in=keys.values())
    }
    busy = set(
        Message.objects.filter(idempotency_key__in=set(keys.values()) - existing.keys()).values_list(
            "idempotency_key", flat=True
        )
    )
    return _BatchReads(
        keys=keys,
        existing=existing,
        busy=busy,
        suppressed=dict(
            Suppression.objects.filter(team_id=team_id, phone_number__in=numbers, lifted_at__isnull=True).values_list(
                "phone_number", "reason"
            )
        ),  # fmt: skip
        held=set(
            OptOutReview.objects.filter(
                team_id=team_id, phone_number__in=numbers, status=OptOutReview.Status.HELD
            ).values_list("phone_number", flat=True)
        ),  # fmt: skip
        phones=PersonaPhone.objects.in_bulk([cl.phone_id for cl in leads if cl.phone_id]),
        titles=titles,
        marks=number_marks(team_id=team_id, numbers=numbers),
    )


def _send_campaign_batch(
    *, cl_ids: list[str], provider, cfg: MessagingSettings, now: datetime, run: StageRun, send_slice=None
) -> tuple[Counter, str | None]:
    """Check, claim and send a batch of campaign leads; return the outcomes counted and why it stopped, if it did.

    One transaction checks the whole batch: the leads locked (``skip_locked``: another worker's are left to it),
    the campaign locked and checked once (sending, named approver), then what the checks need read for every
    lead at once (suppression list, opt-outs waiting for review, phones, texts made before under the same
    idempotency keys, titles, the contacts' sender numbers) and every send-time check of ``send_check`` applied
    to each lead as for a single text; the texts that pass are inserted ``queued``.

    After that commit each text is claimed (``queued`` -> ``sending``, only while the campaign is sending: a pause
    stops the rest, which stay queued with their leads pending) by one conditional UPDATE just before its
    provider call. The provider's acceptance of the text before is recorded in the same transaction as that
    claim, so each text costs one commit and at most one text is ever ``sending``: a worker killed at any moment
    leaves at most that one in flight (held for review by whoever goes on, never resent), and the batch's other
    texts either have their answer recorded or never reached the provider. Refusals and errors are recorded at
    once; one transaction at the end records the last answer and every lead's outcome.
    """
    outcomes: Counter = Counter()
    claimed: list[tuple[CampaignLead, Message]] = []
    stop = None
    with transaction.atomic():
        leads = list(
            CampaignLead.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("template", "lead__persona", "lead__business")
            .filter(pk__in=cl_ids, status=CampaignLead.Status.PENDING)
            .order_by("pk")
        )
        outcomes["skipped"] += len(cl_ids) - len(leads)  # another worker has them, or they were handled already
        if not leads:
            return outcomes, None
        campaign = (
            Campaign.objects.select_related("template").select_for_update(of=("self",)).get(pk=leads[0].campaign_id)
        )
        if campaign.status != Campaign.Status.SENDING or not campaign.approved_by_id:
            outcomes["stopped"] += 1
            return outcomes, "stopped"
        reads = _batch_reads(campaign, leads)
        passed: list[tuple[CampaignLead, CheckResult, Message | None]] = []
        for cl in leads:
            cl.campaign = campaign
            outcome, check = _check_lead(cl=cl, cfg=cfg, now=now, reads=reads)
            if outcome is None:
                passed.append((cl, check, reads.existing.get(reads.keys[cl.pk])))
            else:
                outcomes[outcome] += 1
        senders = _campaign_senders(campaign, [cl.phone_number for cl, _, _ in passed]) if passed else {}
        fresh: list[Message] = []
        for cl, check, message in passed:
            outcome, message = _claimable(cl=cl, campaign=campaign, check=check, message=message, reads=reads,
                                          sender=senders.get(cl.phone_number), run=run, provider=provider)  # fmt: skip
            if outcome == "claimed":
                claimed.append((cl, message))
                if message._state.adding:
                    fresh.append(message)
                continue
            outcomes[outcome] += 1
            if outcome in STOPS:
                stop = outcome
                break
        Message.objects.bulk_create(fresh)
    results: list[tuple[CampaignLead, Message, str]] = []
    answered: list[Message] = []  # accepted by the provider, recorded with the next claim
    sending = Exists(Campaign.objects.filter(pk=campaign.pk, status=Campaign.Status.SENDING))
    beat = time.monotonic()
    flight = inflight.InFlight()  # the number whose text is being claimed or is with the provider
    try:
        for cl, message in claimed:
            if send_slice is not None and time.monotonic() - beat > lease_seconds() / 3:
                if not work_heartbeat(send_slice):  # the lease was lost: the new holder sends what is left
                    stop = "taken_over"
                    break
                beat = time.monotonic()
            # the claim of one text, just before its provider call: one conditional UPDATE, so only one worker ever
            # moves a text from queued to sending, in the transaction that records the answer to the text before
            at, attempts = timezone.now(), message.attempts
            with transaction.atomic():
                # first the number's in-flight lock (a session lock: kept after this commit, until the provider
                # answered): a STOP for it being written now is committed before the claim below checks consent,
                # and one that comes after waits for the answer. In the transaction, so it costs no commit of its own
                flight.take(team_id=message.team_id, number=message.to_number)
                _record_answered(answered)
                try:
                    message_transition(
                        message=message, to=Message.Status.SENDING, reason=f"claimed to send: {campaign.pk}",
                        where=sending & _step_sending(campaign, cl) & _consent_unchanged(message), sending_at=at,
                        attempts=F("attempts") + 1, updated_at=at,
                    )  # fmt: skip
                    moved = True
                except IllegalTransition:  # refused by its guard: nothing was written, the answer above stands
                    moved = False
            answered.clear()  # committed with the claim
            if not moved:
                if not Campaign.objects.filter(pk=campaign.pk, status=Campaign.Status.SENDING).exists():
                    stop = "stopped"  # paused or cancelled: the rest stay queued, their leads pending
                    outcomes["stopped"] += 1
                    break
                if cl.step and not _step_still_sending(campaign, cl.step).exists():
                    # its follow-up step was cancelled while the batch sent: the text never leaves (the cancel
                    # skipped its lead with STEP_CANCELLED); one this batch made is removed
                    if any(m.pk == message.pk for m in fresh):
                        Message.objects.filter(pk=message.pk, status=Message.Status.QUEUED).delete()
                    outcomes["skipped"] += 1
                    continue
                # a STOP, a possible opt-out or a number mark came in since the batch was checked: the text is
                # blocked here; else another worker holds this text now, and its outcome is theirs to record
                _withdrawn(cl, message, cfg, run)
                outcomes["skipped"] += 1
                continue
            message.attempts = attempts + 1
            outcome = _call_provider(message, provider, run, answered=answered)
            results.append((cl, message, outcome))
            outcomes[outcome] += 1
            if outcome in ("rate_limited", "config_error"):
                stop = outcome
                break
    except BaseException:
        if answered:  # this worker is failing: what the provider accepted is recorded first
            with transaction.atomic():
                _record_answered(answered)
            answered.clear()
        raise
    finally:
        flight.release()
    if stop not in (None, "taken_over"):  # texts this batch made that never reached the provider go
        made_here, reached = {m.pk for m in fresh}, {m.pk for _, m, _ in results}
        unsent = [m.pk for _, m in claimed if m.pk in made_here and m.pk not in reached]
        Message.objects.filter(pk__in=unsent, status=Message.Status.QUEUED).delete()
    _record_outcomes(campaign, results, answered)
    return outcomes, stop


def _step_still_sending(campaign: Campaign, number: int):
    return CampaignStep.objects.filter(campaign_id=campaign.pk, number=number, status=CampaignStep.Status.SENDING)


def _step_sending(campaign: Campaign, cl: CampaignLead) -> Q:
    """The claim's condition that a follow-up's step is still sending (it may be cancelled while the batch sends);
    an opener (step 0) needs only the campaign's."""
    return Q(Exists(_step_still_sending(campaign, cl.step))) if cl.step else Q()


def _consent_unchanged(message: Message) -> RawSQL:
    """The claim's condition that the number was not put on the list, held for review or marked do-not-call or
    do-not-contact by any person of the team since the batch read its checks (a STOP or a mark may come while the
    batch's earlier texts are with the provider). Written out once as SQL: built from querysets for every text, the
    three subqueries cost more Python CPU than the rest of the claim."""
    team_id, number = message.team_id, message.to_number
    return RawSQL(
        _consent_unchanged_sql(),
        [team_id, number, team_id, number, OptOutReview.Status.HELD, team_id, number],
        output_field=BooleanField(),
    )


@cache
def _consent_unchanged_sql() -> str:
    table = {m: connection.ops.quote_name(m._meta.db_table) for m in (Suppression, OptOutReview, PersonaPhone, Persona)}
    return (
        f"NOT EXISTS (SELECT 1 FROM {table[Suppression]} s WHERE s.team_id = %s AND s.phone_number = %s"
        " AND s.lifted_at IS NULL)"
        f" AND NOT EXISTS (SELECT 1 FROM {table[OptOutReview]} r WHERE r.team_id = %s AND r.phone_number = %s"
        " AND r.status = %s)"
        f" AND NOT EXISTS (SELECT 1 FROM {table[PersonaPhone]} ph JOIN {table[Persona]} pe ON pe.id = ph.persona_id"
        " WHERE ph.team_id = %s AND ph.normalized_number = %s AND (ph.do_not_call OR pe.do_not_contact))"
    )


# what a refused claim can have met since its batch was checked (``_consent_unchanged``)
WITHDRAWN = ("OPTED_OUT", "NOT_TEXTABLE", "OPT_OUT_REVIEW", "DO_NOT_CONTACT", "DNC_BLOCKED")


def _withdrawn(cl: CampaignLead, message: Message, cfg: MessagingSettings, run: StageRun | None) -> bool:
    """A text whose claim was refused: block it (and skip its lead) when the number's consent changed since the
    batch was checked; False when it did not (another worker holds the text)."""
    check = send_check(team_id=message.team_id, number=message.to_number, kind=message.kind, cfg=cfg,
                       now=timezone.now(), state="", zip5=None)  # fmt: skip
    if check.ok or check.code not in WITHDRAWN:
        return False
    with transaction.atomic():
        try:
            _block(message, check, run)
        except IllegalTransition:
            return False  # moved by another worker meanwhile: its outcome is theirs
        _finish_lead(cl, CampaignLead.Status.SKIPPED, check.code)
    return True


def _campaign_key(campaign: Campaign, cl: CampaignLead) -> str:
    step = f"step{cl.step}" if cl.step else "opener"
    return f"{campaign.pk}:{cl.persona_id}:{step}"  # one text per person and step, whatever happens


def _check_lead(*, cl: CampaignLead, cfg, now, reads: _BatchReads) -> tuple[str | None, CheckResult | None]:
    """Apply every send-time check to one locked lead of a batch. Return (None, the check) when a text is to be
    made or sent for it (the check may still have refused: the refusal is recorded on the text), or the outcome
    that ends it here (skipped, deferred, held, sent or failed already)."""
    if reads.keys[cl.pk] in reads.busy:
        return "skipped", None  # its text is another worker's this moment: that worker records the outcome
    if cl.step:
        from .followups import follow_up_refusal

        refusal = follow_up_refusal(cl)  # never a follow-up to someone who replied or was closed
        if refusal:
            _finish_lead(cl, CampaignLead.Status.SKIPPED, refusal)
            return "skipped", None
    lead = cl.lead
    state = (lead.business.state if lead.business else "") or lead.persona.state
    zip5 = lead.persona.zip5 or (lead.business.zip5 if lead.business else "")
    check = send_check(
        team_id=cl.team_id, number=cl.phone_number, kind=Message.Kind.CAMPAIGN, cfg=cfg, now=now, state=state,
        phone=reads.phones.get(cl.phone_id), persona=lead.persona, zip5=zip5,
        suppressed=reads.suppressed.get(cl.phone_number, ""), held=cl.phone_number in reads.held, marks=reads.marks,
    )  # fmt: skip
    if check.code == "QUIET_HOURS":
        _finish_lead(cl, CampaignLead.Status.PENDING, "QUIET_HOURS", check.not_before)
        return "deferred", None
    message = reads.existing.get(reads.keys[cl.pk])
    if message is not None and message.status != Message.Status.QUEUED:
        return _already(cl, message), None
    return None, check


def _claimable(
    *, cl: CampaignLead, campaign: Campaign, check: CheckResult, message, reads: _BatchReads, sender, run, provider
) -> tuple[str, Message | None]:
    """Make (or bring up to date) the text of a checked lead; return ("claimed", the text to send) or the outcome
    that ends it (skipped: refused by a check, recorded on a blocked text; no sender)."""
    if sender is None:
        return _no_sender(cl, campaign, run), None
    template = cl.template or campaign.template
    lead = cl.lead
    if message is not None:
        if message.from_number != sender.number:
            # queued after a refusal that never reached the provider (rate limit): it leaves from today's number
            message.from_number = sender.number
            message.save(update_fields=["from_number", "updated_at"])
    else:
        title = reads.titles.get((lead.persona_id, lead.business_id), "") if lead.business_id else ""
        message = _outbound(
            team_id=cl.team_id, kind=Message.Kind.CAMPAIGN, to=cl.phone_number,
            body=render_for(cl, template, title=title), from_number=sender.number, provider=provider,
            key=reads.keys[cl.pk], campaign=campaign, campaign_lead=cl, lead=lead, persona_id=cl.persona_id,
            correlation_id=campaign.correlation_id,
            metadata={
                "templateId": template.pk if template else None,
                "worker": template.worker if template else "",
                "campaignContext": {
                    "campaignId": campaign.pk, "campaignName": campaign.name, "leadBlockId": campaign.lead_block_id,
                    "step": f"step{cl.step}" if cl.step else "opener", "variant": cl.variant,
                },
            },
        )  # fmt: skip
    if not check.ok:
        if message._state.adding:
            message.save(force_insert=True)
        _block(message, check, run)
        _finish_lead(cl, CampaignLead.Status.SKIPPED, check.code)
        return "skipped", None
    if message._state.adding:
        message.status = Message.Status.QUEUED  # claimed one by one just before its provider call
        message.quiet_hours_basis = check.basis or message.quiet_hours_basis
    elif check.basis and check.basis != message.quiet_hours_basis:
        message.quiet_hours_basis = check.basis  # which zones the quiet-hours check used, and why
        message.save(update_fields=["quiet_hours_basis", "updated_at"])
    return "claimed", message


def _record_answered(answered: list[Message]) -> None:
    """Record the texts the provider accepted and that are not recorded yet (inside the caller's transaction, which
    empties the list once it commits)."""
    for message in answered:
        _settle(
            message, Message.Status.SENT, reason=f"accepted by the provider as {message.external_id or '?'}",
            sent_at=message.sent_at, error_code="", error_detail="",
        )  # fmt: skip


def _record_outcomes(campaign: Campaign, results: list, answered: list[Message]) -> None:
    """Record the last accepted text and each sent lead's outcome in one transaction: a few updates by outcome,
    not two per lead."""
    if not results and not answered:
        return
    with transaction.atomic():
        _record_answered(answered)
        by_outcome: dict[tuple, list[str]] = {}
        for cl, message, outcome in results:
            if outcome == "held":
                key = (CampaignLead.Status.PENDING, "HELD", None)
            elif outcome == "sent":
                key = (CampaignLead.Status.SENT, "", None)
            elif outcome == "failed":
                key = (CampaignLead.Status.FAILED, message.error_code, None)
            elif outcome == "rate_limited":
                key = (CampaignLead.Status.PENDING, "RATE_LIMIT", timezone.now() + RATE_LIMIT_PAUSE)
            elif outcome == "config_error":
                key = (CampaignLead.Status.PENDING, "CONFIG_ERROR", None)
            else:
                continue
            by_outcome.setdefault(key, []).append(cl.pk)
        for (status, code, send_after), ids in by_outcome.items():
            CampaignLead.objects.filter(pk__in=ids).update(
                status=status, skip_code=code, send_after=send_after, updated_at=timezone.now()
            )
        sent_leads = [cl.lead_id for cl, _, outcome in results if outcome == "sent"]
        if sent_leads:  # a lead that moved on already (replied, closed) keeps its status
            transition_many(Lead, sent_leads, Lead.Status.CONTACTED, actor="SYSTEM", reason=f"texted: {campaign.pk}")
        failure = next((m for _, m, outcome in results if outcome == "config_error"), None)
        if failure is not None:
            campaign_transition(
                campaign=campaign, to=Campaign.Status.PAUSED, actor="SYSTEM",
                note=f"The SMS provider refused our credentials ({failure.error_detail}); fix the configuration.",
            )  # fmt: skip


def _campaign_senders(campaign: Campaign, numbers: list[str]) -> dict[str, SenderNumber]:
    """The number each contact's campaign text leaves from: the campaign's own while active (none once it is not:
    never another number than the one approved), else the team's rule for each contact (``senders_for_contacts``).
    A contact missing from the answer has no number to be texted from."""
    if campaign.sender_number_id:
        own = SenderNumber.objects.get(pk=campaign.sender_number_id)
        return dict.fromkeys(numbers, own) if own.status == SenderNumber.Status.ACTIVE else {}
    return senders_for_contacts(team=campaign.team_id, contact_numbers=numbers)


def _no_sender(cl: CampaignLead, campaign: Campaign, run: StageRun | None) -> str:
    """No active number to send from: nothing leaves, the lead waits and the campaign pauses with the reason."""
    detail = "The team has no active sender number; add or activate one in Messages → Sending settings."
    if campaign.sender_number_id:
        detail = "The campaign's sender number is no longer active; activate it in Messages → Sending settings."
    _finish_lead(cl, CampaignLead.Status.PENDING, "NO_SENDER_NUMBER")
    stage_failure_record(
        team=cl.team_id, stage=STAGE, code="NO_SENDER_NUMBER", subject=campaign, run=run, detail=detail
    )
    campaign_transition(
        campaign=campaign, to=Campaign.Status.PAUSED, actor="SYSTEM", note=f"NO_SENDER_NUMBER: {detail}"
    )
    return "no_sender"


def _already(cl: CampaignLead, message: Message) -> str:
    """A message for this person and step exists already: never send a second one."""
    if message.status in (Message.Status.SENT, Message.Status.DELIVERED):
        _finish_lead(cl, CampaignLead.Status.SENT)
        return "sent"
    if message.status in (Message.Status.SENDING, Message.Status.HELD):
        if message.status == Message.Status.SENDING:
            # Only the holder of the campaign's one open slice sends for it: a text still "sending" was left by a
            # worker that died with the provider holding it. Its outcome is unknown: held for a person now.
            detail = "Its worker stopped while the provider had it; the outcome is unknown."
            _record(message, Message.Status.HELD, "OUTCOME_UNKNOWN", detail, None)
        _finish_lead(cl, CampaignLead.Status.PENDING, "HELD")
        return "held"
    failed = message.status == Message.Status.FAILED
    _finish_lead(cl, CampaignLead.Status.FAILED if failed else CampaignLead.Status.SKIPPED, message.error_code)
    return "failed" if failed else "skipped"


def _new_outbound(*, team_id, kind, to, body, from_number, provider, key, **fields) -> Message:
    message = _outbound(
        team_id=team_id, kind=kind, to=to, body=body, from_number=from_number, provider=provider, key=key, **fields
    )
    message.save(force_insert=True)
    return message


def _outbound(*, team_id, kind, to, body, from_number, provider, key, **fields) -> Message:
    """An outbound text, queued and not saved yet."""
    info = segment_info(body)
    return Message(
        team_id=team_id,
        direction=Message.Direction.OUTBOUND,
        kind=kind,
        status=Message.Status.QUEUED,
        from_number=from_number,
        to_number=to,
        body=body,
        segments=info.segments,
        encoding=info.encoding,
        provider=getattr(provider, "label", "signalhouse"),
        idempotency_key=key,
        **fields,
    )


def _block(message: Message, check: CheckResult, run: StageRun | None) -> None:
    message_transition(
        message=message, to=Message.Status.BLOCKED, reason=f"{check.code}: {check.detail}", error_code=check.code,
        error_detail=check.detail, failed_at=timezone.now(), quiet_hours_basis=check.basis or message.quiet_hours_basis,
    )  # fmt: skip
    stage_failure_record(
        team=message.team_id, stage=STAGE, code=check.code, subject=message, run=run, detail=check.detail
    )


def _claim(
    message: Message, check: CheckResult | None = None, *, actor="SYSTEM", reason: str = "claimed to send", **fields
) -> None:
    fields.update(sending_at=timezone.now(), attempts=message.attempts + 1)
    if check is not None and check.basis:
        fields["quiet_hours_basis"] = check.basis  # which zones the quiet-hours check used, and why
    message_transition(message=message, to=Message.Status.SENDING, actor=actor, reason=reason, **fields)


def _call_provider(message: Message, provider, run: StageRun | None, *, answered: list | None = None) -> str:
    """Call the provider for a claimed message and record the outcome. Returns the outcome name.

    With ``answered``, an acceptance is not written here: the message is added to it for the caller to record
    with its next write (every other answer is recorded at once)."""
    callback = settings.SMS_STATUS_CALLBACK_URL or None
    try:
        result = provider.send_sms(
            sender=message.from_number,
            recipient=message.to_number,
            body=message.body,
            idempotency_key=message.idempotency_key,
            status_callback_url=callback,
        )
    except OutcomeUnknown as exc:
        return _record(message, Message.Status.HELD, "OUTCOME_UNKNOWN", str(exc), run, outcome="held")
    except RateLimited as exc:
        return _record(message, Message.Status.QUEUED, "RATE_LIMIT", str(exc), run, outcome="rate_limited")
    except (AuthFailed, ConfigError) as exc:
        return _record(message, Message.Status.QUEUED, "CONFIG_ERROR", str(exc), run, outcome="config_error")
    except InvalidNumber as exc:
        PersonaPhone.objects.filter(persona_id=message.persona_id, normalized_number=message.to_number).update(
            is_valid=False, updated_at=timezone.now()
        )
        return _record(message, Message.Status.FAILED, "INVALID_NUMBER", str(exc), run)
    except IdempotencyConflict as exc:
        return _record(message, Message.Status.HELD, "IDEMPOTENCY_CONFLICT", str(exc), run, outcome="held")
    except (SmsError, ValueError) as exc:
        code = getattr(exc, "code", "PROVIDER_ERROR") if isinstance(exc, SmsError) else "INVALID_NUMBER"
        return _record(message, Message.Status.FAILED, code, str(exc), run)
    message.external_id = (result.external_id or "")[:64]
    message.metadata = {**message.metadata, "providerStatus": result.status, "replayed": result.replayed}
    if result.accepted:
        message.sent_at = timezone.now()
        if answered is not None:
            answered.append(message)
        else:
            with transaction.atomic():
                _record_answered([message])
        return "sent"
    with transaction.atomic():
        code = result.error_code or "PROVIDER_ERROR"
        if code in ("OPTED_OUT", "DNC_BLOCKED"):
            suppression_add(
                team=message.team_id,
                number=message.to_number,
                reason=Suppression.Reason.PROVIDER if code == "OPTED_OUT" else Suppression.Reason.DNC,
                source_message=message,
                note=f"reported by the provider when sending {message.pk}",
            )
        if code == "LANDLINE_BLOCKED":
            PersonaPhone.objects.filter(persona_id=message.persona_id, normalized_number=message.to_number).update(
                phone_type=PersonaPhone.PhoneType.LANDLINE, updated_at=timezone.now()
            )
        return _record(message, Message.Status.FAILED, code, _refusal(result), run)


def _refusal(result) -> str:
    """Say what the provider said when it did not take a text (its status, reason and code)."""
    reason, code = result.reason, result.provider_code
    if result.error_code == "DNC_BLOCKED" and not result.status:
        return f"The provider refused it: {reason or 'the number is on a do-not-call list'}."
    details = ", ".join(str(part) for part in (reason, f"code {code}" if code else "") if part)
    return f"The provider refused it (status {result.status or 'none'}{': ' + details if details else ''})."


def _record(message: Message, status: str, code: str, detail: str, run, outcome: str | None = None) -> str:
    fields = {"error_code": code, "error_detail": detail[:4000]}
    if status == Message.Status.FAILED:
        fields["failed_at"] = timezone.now()
    if not _settle(message, status, reason=f"{code}: {detail}", **fields):
        return outcome or message.status  # another writer settled it first: nothing to record for this answer
    stage_failure_record(team=message.team_id, stage=STAGE, code=code, subject=message, run=run, detail=detail)
    return outcome or ("failed" if status == Message.Status.FAILED else status)


def message_transition(*, message: Message, to: str, actor="SYSTEM", reason: str = "", where=None, **fields) -> Message:
    """Move a message along ``Message.TRANSITIONS`` with its audit row; refuse an illegal move (``ILLEGAL_TRANSITION``).

    ``where`` further guards the update (a campaign text is claimed only while its campaign is sending)."""
    return transition(message, to, actor=actor, reason=reason, where=where, **fields)


def _settle(message: Message, to: str, *, reason: str, **fields) -> bool:
    """Record what the provider answered for a text in flight, whoever moved it meanwhile.

    The stale-send sweep may have held the text while the provider was answering: the move then starts from the
    row's state now (``held -> sent`` is allowed). When the map refuses it from there (a final state), the state
    another writer gave the row stays, the answer's other columns are kept, and False is returned.
    """
    fields.setdefault("external_id", message.external_id)
    fields.setdefault("metadata", message.metadata)
    try:
        message_transition(message=message, to=to, reason=reason, **fields)
        return True
    except IllegalTransition:
        fresh = Message.objects.filter(pk=message.pk).values_list("status", flat=True).first()
        if fresh is None or fresh == message.status:
            raise
        message.status = fresh
    try:
        message_transition(message=message, to=to, reason=reason, **fields)
        return True
    except IllegalTransition:
        log.warning("message %s is %s already; the provider's answer (%s) is kept, the state is not", message.pk,
                    message.status, to)  # fmt: skip
        kept = {"external_id": fields["external_id"], "metadata": {**fields["metadata"], "unappliedOutcome": to}}
        Message.objects.filter(pk=message.pk).update(**kept, updated_at=timezone.now())
        message.external_id, message.metadata = kept["external_id"], kept["metadata"]
        return False


# -- one-off texts: compliance replies and approved replies ------------------------------------------------


def message_send(
    *,
    team: Team | str,
    to_number: str,
    body: str,
    kind: str,
    key: str,
    approved_by=None,
    reply_to: Message | None = None,
    lead=None,
    persona_id: str | None = None,
    campaign=None,
    correlation_id: str = "",
    metadata: dict | None = None,
    provider=None,
) -> Message:
    """Send one text outside a campaign: a compliance reply (STOP/HELP/START) or a reply a person approved.

    A reply without a named approver is refused (``APPROVAL_REQUIRED``): only compliance replies go out by
    themselves. The send-time checks run as for campaigns; a blocked or deferred text is recorded, not sent.
    """
    team_id = _team_id(team)
    if kind == Message.Kind.REPLY and approved_by is None:
        raise SendError("APPROVAL_REQUIRED", "A reply is sent only after a named person approves it.", http_status=403)
    if kind not in (Message.Kind.REPLY, Message.Kind.COMPLIANCE):
        raise SendError("INVALID_KIND", f"message_send does not send {kind!r} texts.")
    provider = provider or sms_client(team=team_id)
    cfg = messaging_settings_get(team=team_id)
    # held from the check to the provider's answer: a STOP for this number waits for it, or is seen by the check
    with inflight.sending(team_id=team_id, number=to_number):
        with transaction.atomic():
            existing = Message.objects.select_for_update().filter(idempotency_key=key).first()
            if existing is not None:
                return existing  # the same reply asked for twice: one text
            check = send_check(
                team_id=team_id, number=to_number, kind=kind, cfg=cfg, now=timezone.now(),
                **_recipient(number=to_number, lead=lead, persona_id=persona_id),
            )  # fmt: skip
            sender = _reply_sender(team_id, to_number, reply_to)
            if sender is None and check.ok:
                check = CheckResult(False, "NO_SENDER_NUMBER", "The team has no active sender number to answer from.")
            message = _new_outbound(
                team_id=team_id,
                kind=kind,
                to=to_number,
                body=body,
                from_number=sender.number if sender else "",
                provider=provider,
                key=key,
                approved_by=approved_by,
                reply_to=reply_to,
                lead=lead,
                persona_id=persona_id,
                campaign=campaign,
                correlation_id=correlation_id,
                metadata=metadata or {},
            )
            if not check.ok:
                _block(message, check, None)
                if check.code == "QUIET_HOURS":
                    message.metadata = {**message.metadata, "notBefore": check.not_before.isoformat()}
                    message.save(update_fields=["metadata", "updated_at"])
                return message
            _claim(message, check)
        _call_provider(message, provider, None)
    message.refresh_from_db()
    return message


def _recipient(*, number: str, lead, persona_id: str | None) -> dict:
    """What the send-time checks of a single text need to know of its person, read as a campaign slice reads it:
    their phone row, their do-not-contact mark, and where they are (their ZIP, else the business's; the business's
    state, else theirs), so a text leaves on the recipient's clock whichever way it is sent."""
    persona = Persona.objects.filter(pk=persona_id).first() if persona_id else None
    business = getattr(lead, "business", None) if lead is not None else None
    return {
        "phone": PersonaPhone.objects.filter(persona_id=persona_id, normalized_number=number).first(),
        "persona": persona,
        "state": (business.state if business else "") or (persona.state if persona else ""),
        "zip5": (persona.zip5 if persona else None) or (business.zip5 if business else None),
    }


def _reply_sender(team_id: str, to_number: str, reply_to: Message | None) -> SenderNumber | None:
    """An answer leaves from the number the person wrote to when it is an active number of the team (so a STOP
    is confirmed by the number that received it); otherwise from the contact's usual number."""
    wrote_to = reply_to.to_number if reply_to is not None and reply_to.direction == Message.Direction.INBOUND else None
    if wrote_to:
        own = _active_numbers(team_id).filter(number=wrote_to).first()
        if own is not None:
            sender_for_contact(team=team_id, contact_number=to_number, prefer=wrote_to)  # a first contact keeps it
            return own
    return sender_for_contact(team=team_id, contact_number=to_number, prefer=wrote_to)


# -- held messages, delivery reports --------------------------------------------------------------------


def messages_hold_stale(*, older_than: timedelta | None = None) -> int:
    """Mark messages stuck in ``sending`` (a worker died mid-send) as held for a person to review."""
    cutoff = timezone.now() - (older_than or timedelta(seconds=settings.SMS_HOLD_AFTER_SECONDS))
    stale = Message.objects.filter(status=Message.Status.SENDING, sending_at__lt=cutoff)
    held = 0
    for message in paging.rows(stale):
        _record(message, Message.Status.HELD, "OUTCOME_UNKNOWN", "No answer recorded from the provider.", None)
        if message.status != Message.Status.HELD:
            continue  # the provider's answer was recorded meanwhile
        if message.campaign_lead_id:
            CampaignLead.objects.filter(pk=message.campaign_lead_id, status=CampaignLead.Status.PENDING).update(
                skip_code="HELD", updated_at=timezone.now()
            )
        held += 1
    return held


def message_release(*, message: Message, user, provider=None) -> Message:
    """Send a held message again with its idempotency key: a duplicate gets the first reply, not a second text."""
    if message.status != Message.Status.HELD:
        raise SendError(
            "NOT_HELD", f"Only a held message can be released; this one is {message.status}.", http_status=409
        )
    if message.campaign_id:
        campaign = Campaign.objects.get(pk=message.campaign_id)
        if campaign.status not in (Campaign.Status.SENDING, Campaign.Status.PAUSED, Campaign.Status.COMPLETED):
            raise SendError("NOT_APPROVED", "The campaign is not sending; the message stays held.", http_status=409)
    provider = provider or sms_client(team=message.team_id)
    # held from the check to the provider's answer: a STOP for this number waits for it, or is seen by the check
    with inflight.sending(team_id=message.team_id, number=message.to_number):
        with transaction.atomic():
            message = Message.objects.select_for_update().get(pk=message.pk)
            if message.status != Message.Status.HELD:
                raise SendError("NOT_HELD", "Someone else handled this message.", http_status=409)
            cfg = messaging_settings_get(team=message.team_id)
            check = send_check(
                team_id=message.team_id, number=message.to_number, kind=message.kind, cfg=cfg, now=timezone.now(),
                **_recipient(number=message.to_number, lead=message.lead, persona_id=message.persona_id),
            )  # fmt: skip
            if not check.ok:
                if check.code == "QUIET_HOURS":
                    raise SendError("QUIET_HOURS", f"{check.detail} Release it after {times.when(check.not_before)}.")
                _block(message, check, None)
                return message
            message.metadata = {**message.metadata, "releasedBy": user.get_username()}
            _claim(message, check, actor=user, reason="released by a person", metadata=message.metadata)
        outcome = _call_provider(message, provider, None)
    if message.campaign_lead_id and outcome in ("sent", "failed"):
        status = CampaignLead.Status.SENT if outcome == "sent" else CampaignLead.Status.FAILED
        CampaignLead.objects.filter(pk=message.campaign_lead_id).update(status=status, skip_code=message.error_code)
    if message.campaign_id:
        campaign_complete_if_done(campaign=Campaign.objects.get(pk=message.campaign_id))
    message.refresh_from_db()
    return message


def message_drop(*, message: Message, user, note: str = "") -> Message:
    """Give up on a held message without sending it (e.g. the person confirmed it arrived)."""
    if message.status != Message.Status.HELD:
        raise SendError(
            "NOT_HELD", f"Only a held message can be dropped; this one is {message.status}.", http_status=409
        )
    with transaction.atomic():
        detail = f"dropped by {user.get_username()}: {note}".strip()
        try:
            message_transition(
                message=message, to=Message.Status.FAILED, actor=user, reason=detail, failed_at=timezone.now(),
                error_detail=detail,
            )  # fmt: skip
        except IllegalTransition as exc:
            raise SendError("NOT_HELD", "Someone else handled this message.", http_status=409) from exc
        if message.campaign_lead_id:
            CampaignLead.objects.filter(pk=message.campaign_lead_id).update(
                status=CampaignLead.Status.FAILED, skip_code="DROPPED"
            )
    if message.campaign_id:
        campaign_complete_if_done(campaign=Campaign.objects.get(pk=message.campaign_id))
    return message


def message_delivery_update(
    *, external_id: str, status: str, error_code: str = "", reason: str = "", segments=None, team=None
):
    """Apply a delivery report (webhook or reconcile) to the message the provider id names (of ``team`` when
    given); None if unknown."""
    found = Message.objects.filter(external_id=external_id, direction=Message.Direction.OUTBOUND)
    message = (found.for_team(team) if team is not None else found).first()
    if message is None:
        return None
    status = (status or "").upper()
    now = timezone.now()
    to, stamp = REPORTED.get(status, (None, ""))
    with transaction.atomic():
        message = Message.objects.select_for_update().get(pk=message.pk)
        fields = {"metadata": {**message.metadata, "lastReport": status}}
        if segments:
            fields["segments"] = segments
        if to is not None and to in Message.TRANSITIONS.get(message.status, set()):
            fields[stamp] = now
            if to == Message.Status.FAILED:
                fields["error_code"] = error_code or "PROVIDER_ERROR"
                fields["error_detail"] = reason or "the carrier reported a failure"
            message_transition(
                message=message, to=to, actor=message.provider or "PROVIDER", reason=f"delivery report {status}",
                **fields,
            )  # fmt: skip
            if to == Message.Status.FAILED:
                stage_failure_record(
                    team=message.team_id, stage=STAGE, code=message.error_code, subject=message,
                    detail=message.error_detail,
                )  # fmt: skip
            return message
        if to is not None and to != message.status:
            # reports arrive out of order and the provider's lifecycle ends in DELIVERED or FAILED: state moves only
            # forward, so a final message stays as it is (a DELIVERED receipt after FAILED included); the report is
            # acknowledged and kept beside it for a person to see
            late = {"status": status, "at": now.isoformat(), "kept": message.status, "errorCode": error_code}
            fields["metadata"]["lateReports"] = [*message.metadata.get("lateReports", []), late][-10:]
        Message.objects.filter(pk=message.pk).update(**fields, updated_at=now)
        for name, value in fields.items():
            setattr(message, name, value)
    return message


REPORTED = {
    "SENT": (Message.Status.SENT, "sent_at"),
    "DELIVERED": (Message.Status.DELIVERED, "delivered_at"),
    "FAILED": (Message.Status.FAILED, "failed_at"),
}


def messages_reconcile(*, team: Team | str | None = None, provider=None, older_than=timedelta(minutes=30)) -> int:
    """Ask the provider for the status of sent messages with no delivery report yet; return how many changed.

    Each team is asked with its own credentials (else the platform's); one team's refused key does not stop the
    others.
    """
    qs = Message.objects.filter(
        status__in=[Message.Status.SENT, Message.Status.HELD],
        direction=Message.Direction.OUTBOUND,
        sent_at__lt=timezone.now() - older_than,
    ).exclude(external_id="")
    if team is not None:
        qs = qs.filter(team_id=_team_id(team))
    changed = 0
    for team_id in sorted(set(qs.values_list("team_id", flat=True))):
        ids = list(qs.filter(team_id=team_id).values_list("external_id", flat=True)[:1000])
        try:
            client = provider or sms_client(team=team_id)
            reports = client.delivery_report(ids)
        except SmsError as exc:
            log.warning("delivery reports for team %s: %s", team_id, exc)
            continue
        for report in reports:
            before = qs.filter(team_id=team_id, external_id=report.external_id).values_list("status", flat=True).first()
            after = message_delivery_update(
                external_id=report.external_id,
                status=report.status,
                error_code=report.error_code,
                reason=report.reason,
                segments=report.segments,
                team=team_id,
            )
            changed += bool(after and after.status != before)
    return changed


# -- the team's own provider credentials and webhook ----------------------------------------------------------


@dataclass(frozen=True)
class CredentialSlot:
    provider: str
    name: str
    title: str


def credential_slots() -> list[CredentialSlot]:
    """What a team may set of its own: each SMS provider's credentials and the skip-trace provider's key."""
    from leads.skiptrace import CREDENTIAL_NAMES, CREDENTIAL_PROVIDER

    titles = {"api_key": "API key", "webhook_secret": "webhook signing secret"}
    slots = []
    for name in PROVIDERS:
        spec = provider_spec(name)
        slots += [CredentialSlot(spec.name, c, f"{spec.title} {titles.get(c, c)}") for c in spec.credential_names]
    slots += [CredentialSlot(CREDENTIAL_PROVIDER, c, f"RealEstateAPI {titles.get(c, c)}") for c in CREDENTIAL_NAMES]
    return slots


def _slot(provider: str, name: str) -> CredentialSlot:
    for slot in credential_slots():
        if (slot.provider, slot.name) == (provider, name):
            return slot
    raise SendError("UNKNOWN_CREDENTIAL", f"{provider} {name} is not a credential a team can set.")


def provider_credential_set(*, team: Team | str, provider: str, name: str, value: str, user=None):
    """Store one of the team's own provider secrets, encrypted; from then on the team's clients use it."""
    from usdatabiz.core.services import team_credential_set

    _slot(provider, name)
    return team_credential_set(team=team, provider=provider, name=name, value=value, user=user)


def provider_credential_clear(*, team: Team | str, provider: str, name: str) -> int:
    """Forget one of the team's own secrets: the platform's setting applies again."""
    from usdatabiz.core.services import team_credential_clear

    _slot(provider, name)
    removed = team_credential_clear(team=team, provider=provider, name=name)
    if name == "webhook_secret":
        removed += team_credential_clear(team=team, provider=provider, name="webhook_secret_previous")
    return removed


def _own_client(team_id: str, provider: str):
    spec = provider_spec(provider)
    if not spec.can_register_webhook:
        raise SendError("NOT_SUPPORTED", f"{spec.title} webhooks are not registered from the console.")
    creds = credentials(spec, team_id)
    if not creds.own:
        raise SendError(
            "NO_CREDENTIALS",
            f"Set your team's {spec.title} API key first: the webhook is registered in your own account.",
            http_status=409,
        )
    return spec.make_client(creds)


def _provider_failure(exc: SmsError) -> SendError:
    status = 409 if exc.code == "CONFIG_ERROR" else 502
    return SendError(exc.code, f"The provider refused: {exc.message}", http_status=status)


def sms_webhook_register(
    *, team: Team | str, url: str, group_id: str, user=None, provider: str = "signalhouse", client=None
) -> ProviderWebhook:
    """Register the console's signed webhook in the team's own provider account and keep the signing secret
    (returned this once) encrypted as the team's secret."""
    import uuid

    from usdatabiz.core.services import team_credential_clear, team_credential_set

    team_id = _team_id(team)
    client = client or _own_client(team_id, provider)
    group_id = (group_id or "").strip()
    if not group_id:
        raise SendError("GROUP_REQUIRED", "Give your provider group id.")
    try:
        registration = client.register_webhook(url=url, group_id=group_id, idempotency_key=str(uuid.uuid4()))
    except SmsError as exc:
        raise _provider_failure(exc) from exc
    with transaction.atomic():
        team_credential_set(team=team_id, provider=provider, name="webhook_secret", value=registration.signing_secret,
                            user=user)  # fmt: skip
        team_credential_clear(team=team_id, provider=provider, name="webhook_secret_previous")
        row, _ = ProviderWebhook.objects.update_or_create(
            team_id=team_id,
            provider=provider,
            defaults={
                "group_id": group_id,
                "webhook_id": registration.webhook_id,
                "url": url,
                "events": list(registration.events),
                "registered_at": timezone.now(),
                "registered_by": user,
                "rotated_at": None,
                "previous_secret_expires_at": None,
            },
        )
    return row


def sms_webhook_rotate_secret(
    *, team: Team | str, user=None, grace_seconds: int = 86400, provider: str = "signalhouse", client=None
) -> ProviderWebhook:
    """Ask the provider for a new signing secret; the old one keeps verifying until its grace period ends."""
    import uuid

    from usdatabiz.core.selectors import team_credential_value
    from usdatabiz.core.services import team_credential_clear, team_credential_set

    team_id = _team_id(team)
    row = ProviderWebhook.objects.filter(team_id=team_id, provider=provider).exclude(webhook_id="").first()
    if row is None:
        raise SendError("NOT_REGISTERED", "Register the webhook first.", http_status=409)
    if not 0 <= int(grace_seconds) <= 604800:
        raise SendError("INVALID_GRACE", "The grace period is 0 to 604,800 seconds.")
    client = client or _own_client(team_id, provider)
    try:
        rotation = client.rotate_webhook_secret(
            webhook_id=row.webhook_id, grace_seconds=int(grace_seconds), idempotency_key=str(uuid.uuid4())
        )
    except SmsError as exc:
        raise _provider_failure(exc) from exc
    now = timezone.now()
    if rotation.previous_expires_at_ms is not None:
        expires = datetime.fromtimestamp(rotation.previous_expires_at_ms / 1000, tz=UTC)
    else:
        expires = now + timedelta(seconds=int(grace_seconds))
    with transaction.atomic():
        current = team_credential_value(team=team_id, provider=provider, name="webhook_secret")
        if current and expires > now:
            team_credential_set(team=team_id, provider=provider, name="webhook_secret_previous", value=current,
                                user=user, expires_at=expires)  # fmt: skip
        else:
            team_credential_clear(team=team_id, provider=provider, name="webhook_secret_previous")
        team_credential_set(team=team_id, provider=provider, name="webhook_secret", value=rotation.signing_secret,
                            user=user)  # fmt: skip
        row.rotated_at, row.previous_secret_expires_at = now, expires if expires > now else None
        row.save(update_fields=["rotated_at", "previous_secret_expires_at", "updated_at"])
    return row
