"""Who an event from the SMS provider belongs to: the one place that decides (team, contact, sender number).

A reply belongs to the team that owns the number that was texted (``recipientPhoneNumber``), and to no other.
Within that team it is the contact the team texted from that number (the campaign and correlation of that text
come with it), else the team's person with that phone (no campaign). A number no team owns reaches nobody. A
reply that does not name the number it was sent to is the one team's that texted the person; when several did,
it reaches none of them (each is told, ``NO_LEAD_MATCH``). A delivery report belongs to the team whose message it
reports on; one that comes before the text has its provider id is verified with the secret of the team whose
number (or account) sent the text.
"""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass

from campaigns.models import Campaign
from identity.models import PersonaPhone
from leads.models import Lead
from messaging.models import Message, SenderNumber
from messaging.selectors import NumberOwner, provider_account_team, sender_number_owner
from messaging.sms import ProviderEvent, webhook_secrets
from messaging.sms.registry import WEBHOOK_SECRET_NAMES


@dataclass(frozen=True)
class Contact:
    """The person a reply comes from, as the team knows them."""

    number: str
    lead: Lead | None = None
    persona_id: str | None = None
    campaign: Campaign | None = None
    correlation_id: str = ""
    last_message_id: str | None = None  # our last text to them from the number they wrote to


@dataclass(frozen=True)
class Route:
    """Where an event goes. ``team_id`` None: it reaches no team (``reason`` says why)."""

    team_id: str | None
    contact: Contact | None = None
    sender: SenderNumber | None = None
    reason: str = ""
    candidates: tuple[str, ...] = ()  # teams it may belong to, when it reaches none for certain


NO_OUR_NUMBER = "The reply did not say which of our numbers it was sent to"


def teams_that_texted(from_number: str | None) -> list[tuple[str, str]]:
    """(team, the number it texted from) of each team that texted this person, the most recent text first: whom a
    reply that does not name the number it was sent to can be from (a rare payload: one indexed read)."""
    if not from_number or len(from_number) != 10 or not from_number.isdigit():
        return []
    found: dict[str, str] = {}
    texts = (
        Message.objects.filter(direction=Message.Direction.OUTBOUND, to_number=from_number)
        .exclude(status__in=[Message.Status.BLOCKED, Message.Status.QUEUED])
        .order_by("-created_at")
        .values_list("team_id", "from_number")[:200]
    )
    for team_id, ours in texts:
        found.setdefault(team_id, ours)
    return list(found.items())


def unaddressed_route(from_number: str | None) -> Route:
    """The route of a reply without the number it was sent to, when it cannot be given to one team: none, with
    the teams that texted the person (each is told, not given the reply)."""
    texted = teams_that_texted(from_number)
    if len(texted) > 1:
        why = f"{NO_OUR_NUMBER}, and more than one team texted {from_number}: it was given to none."
        return Route(None, reason=why, candidates=tuple(team for team, _ in texted))
    return Route(None, reason=f"{NO_OUR_NUMBER}, and no team texted {from_number or 'the sender'}.")


def inbound_route(*, to_number: str | None, from_number: str | None) -> Route:
    """Route a reply by the number that was texted, then find the contact within the owning team only."""
    sender = SenderNumber.objects.filter(number=to_number).first() if to_number else None
    if sender is None:
        return Route(None, reason=f"No team owns {to_number or 'the number that was texted'}.")
    if not from_number or len(from_number) != 10 or not from_number.isdigit():
        return Route(sender.team_id, None, sender, reason=f"The sender {from_number!r} is not a US number.")
    last = (
        Message.objects.filter(
            team_id=sender.team_id,
            direction=Message.Direction.OUTBOUND,
            to_number=from_number,
            from_number=sender.number,
        )
        .exclude(status__in=[Message.Status.BLOCKED, Message.Status.QUEUED])
        .select_related("lead", "campaign")
        .order_by("-created_at")
        .first()
    )
    if last is not None:
        contact = Contact(from_number, last.lead, last.persona_id, last.campaign, last.correlation_id, last.pk)
        return Route(sender.team_id, contact, sender)
    phone = (
        PersonaPhone.objects.filter(team_id=sender.team_id, normalized_number=from_number, persona__is_merged=False)
        .order_by("-updated_at")
        .first()
    )
    if phone is None:
        return Route(sender.team_id, Contact(from_number), sender, reason=f"No lead of the team has {from_number}.")
    lead = Lead.objects.filter(team_id=sender.team_id, persona_id=phone.persona_id).order_by("-score").first()
    return Route(sender.team_id, Contact(from_number, lead, phone.persona_id), sender)


def delivery_route(*, identifier: str | None) -> Route:
    """Route a delivery report to the team whose text it reports on."""
    message = (
        Message.objects.filter(direction=Message.Direction.OUTBOUND, external_id=identifier).first()
        if identifier
        else None
    )
    if message is None:
        return Route(None, reason=f"No text of ours has the provider id {identifier!r}.")
    sender = SenderNumber.objects.filter(team_id=message.team_id, number=message.from_number).first()
    contact = Contact(message.to_number, None, message.persona_id, None, message.correlation_id, message.pk)
    return Route(message.team_id, contact, sender)


# The owner of each number texted and its team's signing secrets, kept per process: a webhook reads them once a
# minute per number instead of on every call. Safe while stale: the record is stored only on the condition that
# they still hold (``sender_number_owner_unchanged``, in the statement that stores it), and a signature the kept
# secrets refuse is checked again with fresh ones; an entry is dropped when either finds it stale.
OWNER_KEEP_SECONDS = 60
OWNER_KEEP_MAX = 10_000
_owners: dict[tuple[str, str], tuple[float, NumberOwner]] = {}


def number_owner(*, number: str, provider: str, fresh: bool = False) -> NumberOwner:
    """The team owning the number texted and its own webhook secrets, as kept by this process (read when absent,
    older than ``OWNER_KEEP_SECONDS`` or ``fresh`` asked)."""
    key = (provider, number)
    now = time.monotonic()
    kept = None if fresh else _owners.get(key)
    if kept is not None and now - kept[0] < OWNER_KEEP_SECONDS:
        return kept[1]
    owner = sender_number_owner(number=number, provider=provider, credential_names=WEBHOOK_SECRET_NAMES)
    if len(_owners) >= OWNER_KEEP_MAX:
        _owners.clear()
    _owners[key] = (now, dataclasses.replace(owner, kept=True))
    return owner


def number_owner_forget(owner: NumberOwner) -> None:
    """Drop a kept owner found stale."""
    _owners.pop((owner.provider, owner.number), None)


def event_owner(
    event: ProviderEvent, *, provider: str, fresh: bool = False
) -> tuple[Route, list[str], NumberOwner | None]:
    """The team an event belongs to, the secrets it may be signed with, and for a reply the owner they come from
    (kept by this process, see ``number_owner``; what the webhook needs before it answers: whose secret signs it,
    whose consent a STOP changes); the contact is matched after the answer (``route_event``)."""
    if event.kind == "inbound":
        if not event.to_number:
            texted = teams_that_texted(event.from_number)
            if len(texted) == 1:  # the one team that texted the person: their reply answers that team's number
                event.to_number = texted[0][1]
            else:
                route = unaddressed_route(event.from_number)
                secrets = [s for team in route.candidates for s in webhook_secrets(provider, team)]
                secrets += [s for s in webhook_secrets(provider) if s not in secrets]
                return route, secrets, None
        owner = number_owner(number=event.to_number, provider=provider, fresh=fresh)
        if owner.team_id is None:
            route = Route(None, reason=f"No team owns {event.to_number}.")
        else:
            route = Route(owner.team_id)
        return route, webhook_secrets(provider, owner.team_id, own=owner.credentials), owner
    route = route_event(event)
    if route.team_id is None and event.kind in ("delivered", "failed"):
        secrets, owner = early_report_secrets(event, provider=provider, fresh=fresh)
        return route, secrets, owner
    return route, webhook_secrets(provider, route.team_id), None


def early_report_secrets(event: ProviderEvent, *, provider: str, fresh: bool = False):
    """The secrets a delivery report on a text not known yet (its send has not returned the provider's id) may be
    signed with, and the number's owner they come from: those of the team whose account sent the text, found by
    the number the text left from, else by the provider account (group) the report names; the platform's when
    neither names a team. The report itself reaches no team until the text has that id (``webhook_events_retry``).
    """
    if event.from_number:
        owner = number_owner(number=event.from_number, provider=provider, fresh=fresh)
        if owner.team_id is not None:
            return webhook_secrets(provider, owner.team_id, own=owner.credentials), owner
    team_id = provider_account_team(provider=provider, account=event.account)
    return webhook_secrets(provider, team_id), None


def early_report_fits(event: ProviderEvent, *, provider: str, team_id: str) -> bool:
    """Whether a delivery report stored before its text was known was checked against the secrets of ``team_id``,
    the team whose text it turned out to be: only then is it applied to that text (a report another account
    signed, the platform's included, never changes the text of a team with an account of its own)."""
    secrets, _ = early_report_secrets(event, provider=provider, fresh=True)
    return secrets == webhook_secrets(provider, team_id)


def route_event(event: ProviderEvent) -> Route:
    """Route any provider event: replies by the number texted, delivery reports by the message they name."""
    if event.kind == "inbound":
        return inbound_route(to_number=event.to_number, from_number=event.from_number)
    if event.kind in ("delivered", "failed"):
        return delivery_route(identifier=event.identifier)
    return Route(None, reason=f"Event {event.event!r} concerns no team.")
