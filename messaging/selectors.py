"""Reads of stage 7: messages with their filters, the suppression list, what approving a campaign will send."""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, OuterRef
from django.utils import timezone

from usdatabiz.core import times

from . import compliance
from .models import Message, OptOutReview, ProviderWebhook, SenderNumber, Suppression


@dataclass(frozen=True)
class NumberOwner:
    """The team owning a number (None: no team) and that team's own unexpired credentials of a provider, decrypted,
    as read at one moment (``sender_number_owner``); ``count`` and ``newest`` (their latest change) tell whether
    they are still the same (``sender_number_owner_unchanged``)."""

    number: str
    provider: str
    names: tuple[str, ...]
    team_id: str | None
    credentials: dict[str, str]
    count: int = 0
    newest: datetime | None = None
    kept: bool = False  # kept by a process since it was read (``inbox.routing.number_owner``)


def _owner_tables() -> tuple[str, str]:
    from django.db import connection

    from usdatabiz.core.models import TeamCredential

    quote = connection.ops.quote_name
    return quote(SenderNumber._meta.db_table), quote(TeamCredential._meta.db_table)


def sender_number_owner(*, number: str, provider: str, credential_names) -> NumberOwner:
    """Return the team owning a number and that team's own unexpired credentials of ``provider`` among
    ``credential_names``, decrypted, with one indexed read: the webhook needs both before it answers."""
    from django.db import connection

    from usdatabiz.core.secrets import decrypt

    names = tuple(credential_names)
    numbers, credentials = _owner_tables()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT n.team_id, c.name, c.ciphertext, c.updated_at FROM {numbers} n LEFT JOIN {credentials} c "
            f"ON c.team_id = n.team_id AND c.provider = %s AND c.name IN ({', '.join(['%s'] * len(names))}) "
            "AND (c.expires_at IS NULL OR c.expires_at > %s) WHERE n.number = %s",
            [provider, *names, connection.ops.adapt_datetimefield_value(timezone.now()), number],
        )
        rows = cursor.fetchall()
    if not rows:
        return NumberOwner(number, provider, names, None, {})
    found = [(name, ciphertext, changed) for _, name, ciphertext, changed in rows if name is not None]
    return NumberOwner(
        number, provider, names, rows[0][0], {name: decrypt(ciphertext) for name, ciphertext, _ in found},
        count=len(found), newest=max((changed for _, _, changed in found), default=None),
    )  # fmt: skip


def sender_number_owner_unchanged(owner: NumberOwner) -> tuple[str, list]:
    """A PostgreSQL condition, with its parameters, that holds while ``owner`` is still true: the number has the
    same owner (or still none) and that team the same unexpired credentials (none added, removed, changed or
    expired since: each change of one sets its ``updated_at``)."""
    from django.db import connection

    numbers, credentials = _owner_tables()
    if owner.team_id is None:
        return f"NOT EXISTS (SELECT 1 FROM {numbers} WHERE number = %s)", [owner.number]
    adapt = connection.ops.adapt_datetimefield_value
    sql = (
        f"EXISTS (SELECT 1 FROM {numbers} WHERE number = %s AND team_id = %s) AND (SELECT count(*) = %s AND "
        f"max(c.updated_at) IS NOT DISTINCT FROM %s FROM {credentials} c WHERE c.team_id = %s AND c.provider = %s "
        f"AND c.name IN ({', '.join(['%s'] * len(owner.names))}) AND (c.expires_at IS NULL OR c.expires_at > %s))"
    )
    params = [owner.number, owner.team_id, owner.count, adapt(owner.newest), owner.team_id, owner.provider]
    return sql, [*params, *owner.names, adapt(timezone.now())]


def message_list(*, team, status=None, direction=None, campaign=None, number=None):
    """Return the team's messages, newest first, filtered by status, direction, campaign and number."""
    qs = Message.objects.for_team(team).select_related("campaign", "persona", "approved_by")
    if status:
        qs = qs.filter(status=status)
    if direction:
        qs = qs.filter(direction=direction)
    if campaign:
        qs = qs.filter(campaign_id=campaign)
    if number:
        digits = "".join(ch for ch in number if ch.isdigit())[-10:]
        qs = qs.filter(to_number=digits) | qs.filter(from_number=digits)
    return qs.order_by("-created_at", "-id")


SUPPRESSION_EXPORT_HEADER = [
    "id", "phone_number", "reason", "since", "by", "note", "source_message", "lifted_at", "lifted_reason",
]  # fmt: skip


def suppression_export_rows(*, entries):
    """Yield one CSV row per suppression entry of ``entries`` (the list as the page shows it)."""
    rows = entries.values_list(
        "pk", "phone_number", "reason", "created_at", "created_by__username", "note", "source_message_id", "lifted_at",
        "lifted_reason",
    )  # fmt: skip
    for pk, number, reason, since, by, note, source, lifted, lifted_reason in rows.iterator(chunk_size=2000):
        lifted_at = lifted.isoformat() if lifted else ""
        yield [pk, number, reason, since.isoformat(), by or "", note, source or "", lifted_at, lifted_reason]


def suppression_list(*, team, active_only: bool = True):
    """Return the team's suppression entries, newest first."""
    qs = Suppression.objects.for_team(team).select_related("created_by")
    return qs.filter(lifted_at__isnull=True) if active_only else qs


@dataclass(frozen=True)
class FirstTexts:
    """People whose first text can go out at one moment in one time zone."""

    zone: str  # the IANA zone, or "" when the location is unknown (every US zone must be open)
    people: int
    at: datetime  # UTC
    local: str  # the same moment on the recipients' clock, e.g. "Dec 1, 9:00 AM CST"
    basis: str = ""  # the zones used and why, e.g. "America/Denver: ZIP 79901 (El Paso, TX)"


@dataclass(frozen=True)
class SendPlan:
    """What approving a campaign (or one of its follow-up steps) will send, to whom, from where and when."""

    people: int
    suppressed: int  # on the suppression list now: they will be skipped
    sender_number: str
    start: datetime  # now, or the scheduled start when later
    first_texts: list[FirstTexts]
    sends_per_minute: int

    @property
    def to_text(self) -> int:
        return self.people - self.suppressed

    @property
    def earliest(self) -> FirstTexts | None:
        return min(self.first_texts, key=lambda f: f.at) if self.first_texts else None

    @property
    def minutes_to_send(self) -> int:
        return -(-self.to_text // max(1, self.sends_per_minute))


def campaign_send_plan(*, campaign, cfg, sender_number: str, step: int = 0, now: datetime | None = None) -> SendPlan:
    """Return who a campaign (or follow-up ``step``) would text, from which number, and when in their local time.

    Each waiting person's first moment is ``messaging.compliance.quiet_hours_check`` at the start (now, or the
    scheduled start when later) for their state, else their number's area code, with the team's windows.
    People with the same location share one check, so a block of 2,000 costs two queries and a few checks.
    """
    from campaigns.models import CampaignLead

    now = now or timezone.now()
    start = max(now, campaign.scheduled_at) if (step == 0 and campaign.scheduled_at) else now
    waiting = CampaignLead.objects.filter(campaign=campaign, step=step, status=CampaignLead.Status.PENDING)
    suppressed = waiting.filter(
        Exists(Suppression.objects.filter(team_id=campaign.team_id, phone_number=OuterRef("phone_number"),
                                          lifted_at__isnull=True))
    ).count()  # fmt: skip
    locations: Counter = Counter()
    sample: dict[tuple[str, str, str], str] = {}  # one number per (state, area code, ZIP): the check reads those
    rows = waiting.values_list(
        "lead__business__state", "persona__state", "phone_number", "persona__zip5", "lead__business__zip5"
    )
    for business_state, persona_state, number, persona_zip, business_zip in rows.iterator(chunk_size=2000):
        key = (business_state or persona_state or "", number[:3], persona_zip or business_zip or "")
        locations[key] += 1
        sample.setdefault(key, number)
    windows = {k: tuple(v) for k, v in (cfg.state_windows or {}).items()} or None
    moments: dict[tuple[str, datetime], Counter] = {}  # (zone, first moment) -> people by the reason given
    for (state, npa, zip5), people in locations.items():
        check = compliance.quiet_hours_check(
            now=start, state=state or None, phone=sample[(state, npa, zip5)], zip5=zip5 or None,
            start_hour=cfg.quiet_start_hour, end_hour=cfg.quiet_end_hour, overrides=windows,
        )  # fmt: skip
        moments.setdefault((check.zone or "", check.next_allowed_at), Counter())[check.basis] += people
    first = [
        FirstTexts(zone=zone, people=sum(bases.values()), at=at, local=_local(at, zone), basis=_bases(bases))
        for (zone, at), bases in sorted(moments.items(), key=lambda item: (item[0][1], item[0][0]))
    ]
    return SendPlan(
        people=sum(locations.values()), suppressed=suppressed, sender_number=sender_number, start=start,
        first_texts=first, sends_per_minute=cfg.sends_per_minute,
    )  # fmt: skip


PLAN_REASONS_SHOWN = 3


def _bases(bases: Counter) -> str:
    """Why one row of the plan (a zone and a moment) was checked in that zone: the reasons of the most people
    first, at most ``PLAN_REASONS_SHOWN``, then how many other locations share the row (a block spread over many
    ZIP codes is one row per zone and moment, not one per ZIP code)."""
    ranked = sorted(bases.items(), key=lambda item: (-item[1], item[0]))
    text = "; ".join(basis for basis, _ in ranked[:PLAN_REASONS_SHOWN])
    rest = ranked[PLAN_REASONS_SHOWN:]
    if rest:
        others = sum(people for _, people in rest)
        locations = "location" if len(rest) == 1 else "locations"
        text += f"; and {len(rest)} more {locations} ({others} {'person' if others == 1 else 'people'})"
    return text


def _local(at: datetime, zone: str) -> str:
    if not zone:
        return f"{times.when(at)} on your clock (location unknown: open in every US zone)"
    return times.when(at, zone=zone)


# 47 CFR 64.1200(c)(1), the TCPA's quiet hours: no solicitation before 8 am or after 9 pm at the called party.
LEGAL_WINDOW = (8, 21)
QUIET_HOURS_RULE = "the TCPA quiet-hours rule (47 CFR 64.1200(c)(1)): no texts before 8 am or after 9 pm local time"


def window_warnings(*, start_hour: int, end_hour: int, state_windows: dict | None) -> list[str]:
    """Name every sending window that goes outside 8am-9pm local, and the rule it breaks."""
    first, last = LEGAL_WINDOW
    windows = [("The default window", start_hour, end_hour)]
    windows += [(f"The {state} window", w[0], w[1]) for state, w in sorted((state_windows or {}).items())]
    warnings = []
    for name, start, end in windows:
        if start < first or end > last:
            warnings.append(f"{name} ({start:02d}:00-{end:02d}:00) goes outside 08:00-21:00: {QUIET_HOURS_RULE}.")
    return warnings


def sender_number_list(*, team, status: str | None = None):
    """Return the team's numbers, active first."""
    qs = SenderNumber.objects.for_team(team).select_related("created_by")
    return qs.filter(status=status) if status else qs.order_by("status", "number")


def sender_numbers_label(*, team) -> str:
    """Say which numbers the team's texts leave from: its active numbers, each contact keeping the one it heard from."""
    numbers = [n.formatted for n in sender_number_list(team=team, status=SenderNumber.Status.ACTIVE)]
    if not numbers:
        return "no active number (NO_SENDER_NUMBER: add one in Sending settings)"
    if len(numbers) == 1:
        return numbers[0]
    return f"{', '.join(numbers)} (each person keeps the number they heard from first)"


def campaign_sender_label(*, campaign) -> str:
    """Say which number a campaign's texts leave from: its own number when it names one, else the team's rule."""
    if not campaign.sender_number_id:
        return sender_numbers_label(team=campaign.team_id)
    number = campaign.sender_number
    if number.status != SenderNumber.Status.ACTIVE:
        return f"{number.formatted}, which is {number.status} (NO_SENDER_NUMBER: choose an active number)"
    return f"{number.formatted} (this campaign's number)"


def sender_number_gate(team_id: str) -> tuple[str, str] | None:
    """Refuse to start a campaign for a team with no active number to text from (the journey's stage-6 gate)."""
    if SenderNumber.objects.filter(team_id=team_id, status=SenderNumber.Status.ACTIVE).exists():
        return None
    return (
        "NO_SENDER_NUMBER",
        "The team has no active sender number: add one in Messages → Sending settings before staging a campaign.",
    )


def consent_refused_numbers(team_id: str) -> dict:
    """Return the team's numbers the send-time check refuses on consent, by its code, as ``phone_number`` queries.

    ``NOT_TEXTABLE``: an active suppression because the number does not take texts; ``OPTED_OUT``: any other active
    suppression; ``OPT_OUT_REVIEW``: a reply from the number waits for a person to decide. Only this team's rows
    count: consent is per team. (The journey's stage-6 reader: LUCI leaves these numbers out of a block.)"""
    active = Suppression.objects.filter(team_id=team_id, lifted_at__isnull=True)
    held = OptOutReview.objects.filter(team_id=team_id, status=OptOutReview.Status.HELD)
    return {
        "NOT_TEXTABLE": active.filter(reason=Suppression.Reason.NOT_TEXTABLE).values("phone_number"),
        "OPTED_OUT": active.exclude(reason=Suppression.Reason.NOT_TEXTABLE).values("phone_number"),
        "OPT_OUT_REVIEW": held.values("phone_number"),
    }


def provider_account_team(*, provider: str, account: str | None) -> str | None:
    """The id of the one team that registered its webhook under the provider group (account) ``account``; None
    when no team or more than one did."""
    if not account:
        return None
    teams = list(ProviderWebhook.objects.filter(provider=provider, group_id=account).values_list("team_id", flat=True))
    return teams[0] if len(set(teams)) == 1 else None


def provider_account_id(team, provider: str) -> str:
    """The provider group (account) id the team registered its webhook under, or ''."""
    team_id = getattr(team, "pk", team)
    row = ProviderWebhook.objects.filter(team_id=team_id, provider=provider).values_list("group_id", flat=True)
    return row.first() or ""
