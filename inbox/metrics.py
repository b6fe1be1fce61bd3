"""Outcome metrics: what a campaign, an A/B variant, a template or an operator's work came to.

The one place that says what each figure means (read by the pages, the API and the CSV export). It lives in
``inbox``, the top app, because a figure combines campaigns, their texts (``messaging``), the replies and the
dispositions (here). When inbox items become one conversation per contact, only the ``_replies_*`` readers
below change.

Texts (message level, campaign texts only: openers and follow-ups)
    sent          accepted by the provider (status sent or delivered)
    delivered     with a delivery report
    failed        refused by the provider or the carrier (status failed)
People (each person counted once per group, whatever they wrote or how often)
    contacted     people with at least one text sent
    replied       people who wrote back (an inbox item)
    positive      a reply classified interested, meeting request, e-mail or phone captured
    opted_out     a reply classified opt-out, closed as opted out, or that put the number on the suppression list
    wrong_number  a reply classified wrong number, or closed as wrong number
    won           closed with a disposition that converts the lead (booked, converted)
    lost          closed with a disposition that loses the lead (not interested, no response)
Rates
    delivery = delivered / sent; failure = failed / (sent + failed); reply = replied / contacted;
    positive = positive / replied; opt_out = opted_out / contacted; wrong_number = wrong_number / contacted;
    win = won / (won + lost). A rate with nothing to divide by is null.
Time to first reply
    per person, from the first text sent to the first reply; the median and mean over the people who replied.

Per template, a reply counts for the template of the last text the person got before replying. Per operator,
the texts are the replies they approved; the people are the conversations they closed; ``replied`` counts the
people who wrote again after one of their replies; the time is from a reply arriving to their first answer.
Every function runs a fixed number of aggregate queries, whatever the number of rows.
"""

from collections import defaultdict
from datetime import date, timedelta
from statistics import mean, median

from django.db.models import Count, Exists, F, Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncDate

from campaigns.models import Campaign, CampaignLead, MessageTemplate
from messaging.models import Message, Suppression

from . import dispositions
from .models import InboxItem

COUNT_KEYS = ("sent", "delivered", "failed", "replied", "positive", "opted_out", "wrong_number", "won", "lost")
TEXT_KEYS = ("sent", "delivered", "failed", "contacted")
PEOPLE_KEYS = ("replied", "positive", "opted_out", "wrong_number", "won", "lost")
# Classification values (read by value: the classifier may add classes without changing these).
POSITIVE_CLASSES = ("interested", "meeting_request", "email_capture", "phone_capture")
OPT_OUT_CLASS = "opt_out"
WRONG_NUMBER_CLASS = "wrong_number"
OPT_OUT_DISPOSITION = "opted_out"
WRONG_NUMBER_DISPOSITION = "wrong_number"
WON_DISPOSITIONS = dispositions.WON
LOST_DISPOSITIONS = dispositions.LOST
SENT_STATUSES = (Message.Status.SENT, Message.Status.DELIVERED)


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def rates(counts: dict) -> dict:
    """Return the rates of one group's counts (see the module docstring)."""
    return {
        "delivery": _rate(counts["delivered"], counts["sent"]),
        "failure": _rate(counts["failed"], counts["sent"] + counts["failed"]),
        "reply": _rate(counts["replied"], counts["contacted"]),
        "positive": _rate(counts["positive"], counts["replied"]),
        "opt_out": _rate(counts["opted_out"], counts["contacted"]),
        "wrong_number": _rate(counts["wrong_number"], counts["contacted"]),
        "win": _rate(counts["won"], counts["won"] + counts["lost"]),
    }


def _empty() -> dict:
    return dict.fromkeys((*TEXT_KEYS, *PEOPLE_KEYS), 0)


# -- the readers: texts, replies, first-reply times, grouped by one expression ------------------------------------


def _texts_by(messages, key) -> dict:
    rows = (
        messages.annotate(group=key)
        .values("group")
        .annotate(
            sent=Count("pk", filter=Q(status__in=SENT_STATUSES)),
            delivered=Count("pk", filter=Q(status=Message.Status.DELIVERED)),
            failed=Count("pk", filter=Q(status=Message.Status.FAILED)),
            contacted=Count("persona", filter=Q(status__in=SENT_STATUSES), distinct=True),
        )
    )
    return {row.pop("group"): row for row in rows}


def _opted_out_condition():
    suppressed_by_reply = Suppression.objects.filter(source_message=OuterRef("message"))
    return Q(classification=OPT_OUT_CLASS) | Q(disposition=OPT_OUT_DISPOSITION) | Q(Exists(suppressed_by_reply))


def _replies_by(items, key) -> dict:
    person = "persona"
    rows = items.annotate(group=key).values("group").annotate(
        replied=Count(person, distinct=True),
        positive=Count(person, distinct=True, filter=Q(classification__in=POSITIVE_CLASSES)),
        opted_out=Count(person, distinct=True, filter=_opted_out_condition()),
        wrong_number=Count(
            person, distinct=True,
            filter=Q(classification=WRONG_NUMBER_CLASS) | Q(disposition=WRONG_NUMBER_DISPOSITION),
        ),
        won=Count(person, distinct=True, filter=Q(disposition__in=WON_DISPOSITIONS)),
        lost=Count(person, distinct=True, filter=Q(disposition__in=LOST_DISPOSITIONS)),
    )  # fmt: skip
    return {row.pop("group"): row for row in rows}


def _first_reply_by(messages, items, key_of_person) -> dict:
    """Return group -> [seconds from a person's first text to their first reply] (two queries)."""
    sent = messages.filter(sent_at__isnull=False).values("persona").annotate(at=Min("sent_at"))
    first_sent = dict(sent.values_list("persona", "at"))
    seconds = defaultdict(list)
    for persona, at in items.values("persona").annotate(at=Min("received_at")).values_list("persona", "at"):
        if persona in first_sent and at >= first_sent[persona]:
            seconds[key_of_person.get(persona)].append((at - first_sent[persona]).total_seconds())
    return seconds


def _time(values: list[float]) -> dict:
    return {
        "median_seconds": round(median(values)) if values else None,
        "mean_seconds": round(mean(values)) if values else None,
        "replies": len(values),
    }


def _group(texts: dict, replies: dict, seconds: dict, key) -> dict:
    counts = _empty()
    counts.update(texts.get(key, {}))
    counts.update(replies.get(key, {}))
    return {**{k: counts[k] for k in COUNT_KEYS}, "contacted": counts["contacted"], "rates": rates(counts),
            "time_to_first_reply": _time(seconds.get(key, []))}  # fmt: skip


def _total(groups: list[dict], seconds: dict) -> dict:
    counts = _empty()
    for group in groups:
        for k in (*TEXT_KEYS, *PEOPLE_KEYS):
            counts[k] += group[k]
    every = [s for values in seconds.values() for s in values]
    return {**{k: counts[k] for k in COUNT_KEYS}, "contacted": counts["contacted"], "rates": rates(counts),
            "time_to_first_reply": _time(every)}  # fmt: skip


def _campaign_texts(campaigns):
    return Message.objects.filter(
        campaign__in=campaigns, direction=Message.Direction.OUTBOUND, kind=Message.Kind.CAMPAIGN
    )


# -- per campaign and variant -------------------------------------------------------------------------------------


def campaign_metrics(*, campaign: Campaign) -> dict:
    """Return the campaign's counts, rates and time to first reply, in total and per A/B variant."""
    messages = _campaign_texts([campaign.pk])
    items = InboxItem.objects.filter(campaign=campaign)
    variant_of = dict(CampaignLead.objects.filter(campaign=campaign, step=0).values_list("persona_id", "variant"))
    person_variant = Subquery(
        CampaignLead.objects.filter(campaign=OuterRef("campaign"), persona=OuterRef("persona"), step=0).values(
            "variant"
        )[:1]
    )
    texts = _texts_by(messages, F("campaign_lead__variant"))
    replies = _replies_by(items, person_variant)
    seconds = _first_reply_by(messages, items, variant_of)
    templates = dict(campaign.variant_templates())
    labels = sorted(set(templates) | {k for k in (*texts, *replies) if k})
    variants = [
        {"variant": label, "template": getattr(templates.get(label), "pk", None),
         "template_name": getattr(templates.get(label), "name", ""), **_group(texts, replies, seconds, label)}
        for label in labels
    ]  # fmt: skip
    unassigned = _group(texts, replies, seconds, None)  # replies of people outside the block (none, normally)
    return {"campaign": campaign.pk, **_total([*variants, unassigned], seconds), "variants": variants}


def campaign_metrics_list(*, team, campaigns=None) -> list[dict]:
    """Return one row of counts and rates per campaign of the team (newest first), in a fixed number of queries."""
    campaigns = list((campaigns if campaigns is not None else Campaign.objects.for_team(team)).order_by("-created_at"))
    ids = [c.pk for c in campaigns]
    messages = _campaign_texts(ids)
    items = InboxItem.objects.filter(campaign_id__in=ids)
    texts = _texts_by(messages, F("campaign_id"))
    replies = _replies_by(items, F("campaign_id"))
    first_campaign = dict(items.values_list("persona", "campaign_id"))
    seconds = _first_reply_by(messages, items, first_campaign)
    return [{"campaign": c, **_group(texts, replies, seconds, c.pk)} for c in campaigns]


# -- per template -------------------------------------------------------------------------------------------------


def template_metrics(*, team) -> list[dict]:
    """Return one row per template of the team: its texts, and the replies to it (the last text before a reply)."""
    template_of_text = Coalesce("campaign_lead__template_id", "campaign__template_id")
    messages = _campaign_texts(Campaign.objects.for_team(team).values("pk"))
    last_text = (
        messages.filter(persona=OuterRef("persona"), campaign=OuterRef("campaign"))
        .filter(sent_at__lte=OuterRef("received_at"))
        .annotate(template=template_of_text)
        .order_by("-sent_at")
        .values("template")[:1]
    )
    items = InboxItem.objects.for_team(team).filter(campaign__isnull=False)
    texts = _texts_by(messages, template_of_text)
    replies = _replies_by(items, Subquery(last_text))
    opener_template = dict(
        messages.filter(campaign_lead__step=0).annotate(t=template_of_text).values_list("persona", "t")
    )
    seconds = _first_reply_by(messages, items, opener_template)
    used = set(texts) | set(replies)
    templates = MessageTemplate.objects.for_team(team).filter(pk__in=[t for t in used if t]).order_by("name")
    return [{"template": t, **_group(texts, replies, seconds, t.pk)} for t in templates]


# -- per operator -------------------------------------------------------------------------------------------------


def operator_metrics(*, team) -> list[dict]:
    """Return one row per person of the team who approved replies or closed conversations."""
    from django.contrib.auth import get_user_model

    replies = Message.objects.for_team(team).filter(kind=Message.Kind.REPLY, approved_by__isnull=False)
    answered_again = Message.objects.filter(
        team_id=OuterRef("team_id"), direction=Message.Direction.INBOUND, from_number=OuterRef("to_number"),
        created_at__gt=OuterRef("created_at"),
    )  # fmt: skip
    texts = {
        row.pop("group"): row
        for row in replies.annotate(group=F("approved_by"))
        .values("group")
        .annotate(
            sent=Count("pk", filter=Q(status__in=SENT_STATUSES)),
            delivered=Count("pk", filter=Q(status=Message.Status.DELIVERED)),
            failed=Count("pk", filter=Q(status=Message.Status.FAILED)),
            contacted=Count("to_number", filter=Q(status__in=SENT_STATUSES), distinct=True),
            again=Count("to_number", filter=Q(Exists(answered_again)), distinct=True),
        )
    }
    closed = _replies_by(InboxItem.objects.for_team(team).filter(processed_by__isnull=False), F("processed_by"))
    seconds = defaultdict(list)
    first_answer = replies.filter(reply_to__isnull=False, sent_at__isnull=False).values("approved_by", "reply_to")
    for user, received, at in first_answer.annotate(at=Min("sent_at")).values_list(
        "approved_by", "reply_to__received_at", "at"
    ):
        if received and at >= received:
            seconds[user].append((at - received).total_seconds())
    users = get_user_model().objects.filter(pk__in={*texts, *closed}).order_by("username")
    rows = []
    for user in users:
        counts = _empty()
        counts.update({k: v for k, v in texts.get(user.pk, {}).items() if k != "again"})
        counts.update(closed.get(user.pk, {}))
        counts["replied"] = texts.get(user.pk, {}).get("again", 0)
        rows.append({"operator": user, "closed": closed.get(user.pk, {}).get("replied", 0),
                     **{k: counts[k] for k in COUNT_KEYS}, "rates": rates(counts),
                     "time_to_first_reply": _time(seconds.get(user.pk, []))})  # fmt: skip
    return rows


# -- over time ----------------------------------------------------------------------------------------------------


def campaign_outcome_series(*, campaign: Campaign, until: date | None = None) -> dict:
    """Return day labels and the cumulative sent, delivered, replied, positive and opted-out counts per day."""
    messages = _campaign_texts([campaign.pk])
    items = InboxItem.objects.filter(campaign=campaign)
    per_day = {
        "sent": dict(messages.filter(status__in=SENT_STATUSES, sent_at__isnull=False).annotate(d=TruncDate("sent_at"))
                     .values("d").annotate(n=Count("pk")).values_list("d", "n")),
        "delivered": dict(messages.filter(delivered_at__isnull=False).annotate(d=TruncDate("delivered_at"))
                          .values("d").annotate(n=Count("pk")).values_list("d", "n")),
        "replied": dict(items.annotate(d=TruncDate("received_at")).values("d")
                        .annotate(n=Count("persona", distinct=True)).values_list("d", "n")),
        "positive": dict(items.filter(classification__in=POSITIVE_CLASSES).annotate(d=TruncDate("received_at"))
                         .values("d").annotate(n=Count("persona", distinct=True)).values_list("d", "n")),
        "opted_out": dict(items.filter(_opted_out_condition()).annotate(d=TruncDate("received_at"))
                          .values("d").annotate(n=Count("persona", distinct=True)).values_list("d", "n")),
    }  # fmt: skip
    days_seen = [d for counts in per_day.values() for d in counts]
    if not days_seen:
        return {"days": [], "series": {name: [] for name in per_day}}
    first, last = min(days_seen), max([*days_seen, *([until] if until else [])])
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)][-90:]
    series = {}
    for name, counts in per_day.items():
        total = sum(n for d, n in counts.items() if d < days[0])
        running = []
        for d in days:
            total += counts.get(d, 0)
            running.append(total)
        series[name] = running
    return {"days": days, "series": series}


RESULTS_EXPORT_HEADER = [
    "campaign", "lead", "person", "business", "phone_number", "step", "variant", "template", "status", "skip_code",
    "message", "message_status", "sent_at", "delivered_at", "first_reply_at", "reply", "classification",
    "disposition",
]  # fmt: skip


def campaign_results_rows(*, campaign: Campaign):
    """Yield one CSV row per person and step of the campaign: the text, its fate, and what the person answered."""
    first_reply = InboxItem.objects.filter(campaign=campaign, persona=OuterRef("persona")).order_by("received_at", "id")
    rows = (
        CampaignLead.objects.filter(campaign=campaign)
        .annotate(
            reply_at=Subquery(first_reply.values("received_at")[:1]),
            reply=Subquery(first_reply.values("response_text")[:1]),
            classification=Subquery(first_reply.values("classification")[:1]),
            disposition=Subquery(first_reply.exclude(disposition="").values("disposition")[:1]),
            text=Subquery(Message.objects.filter(campaign_lead=OuterRef("pk")).order_by("-created_at").values("pk")[:1]),
            text_status=Subquery(
                Message.objects.filter(campaign_lead=OuterRef("pk")).order_by("-created_at").values("status")[:1]
            ),
            sent_at=Subquery(Message.objects.filter(campaign_lead=OuterRef("pk")).order_by("-created_at").values("sent_at")[:1]),
            delivered_at=Subquery(
                Message.objects.filter(campaign_lead=OuterRef("pk")).order_by("-created_at").values("delivered_at")[:1]
            ),
            template_name=Coalesce("template__name", "campaign__template__name"),
        )
        .order_by("persona_id", "step")
        .values_list(
            "lead_id", "persona__first_name", "persona__last_name", "lead__business__name", "phone_number", "step",
            "variant", "template_name", "status", "skip_code", "text", "text_status", "sent_at", "delivered_at",
            "reply_at", "reply", "classification", "disposition",
        )
    )  # fmt: skip
    for lead, first, last, business, number, step, variant, template, status, skip, text, text_status, sent, \
            delivered, reply_at, reply, classification, disposition in rows.iterator(chunk_size=2000):  # fmt: skip
        yield [
            campaign.pk, lead, f"{first} {last}".strip(), business or "", number, step, variant, template or "",
            status, skip, text or "", text_status or "", sent.isoformat() if sent else "",
            delivered.isoformat() if delivered else "", reply_at.isoformat() if reply_at else "", reply or "",
            classification or "", disposition or "",
        ]  # fmt: skip
