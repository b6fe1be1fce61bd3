"""Tenant isolation sweep over every console page and API route found in the URL resolver.

Acme Sales (team A) and Rival Sales (team B) each have a data source, businesses, personas, phones, a
merge and a pair waiting for review. Acting as Acme:
- every route that takes an object (``<pk>``) answers 404 for Rival's object, whatever the method, and
  changes nothing of Rival's;
- every list leaves out anything of Rival's (ids, names, numbers, file names);
- anonymous requests are sent to the login page (pages) or get 401 (API);
- a viewer cannot write where an operator (or, for admin-only routes, an admin) can.

Both teams' data is built once per module (``_world``) and each test runs in a savepoint of it, so a
write in one test is never seen by the next.

Routes are read from the resolver, so a new URL pattern joins the sweep by itself. A new route that takes
an object, or accepts writes, fails ``test_every_*_route_is_covered`` until it is added to the tables below.
"""

import inspect
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, fields

import pytest
import responses
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import RoutePattern
from django.utils import timezone
from rest_framework.test import APIClient
from rest_framework.views import APIView

from campaigns import services as campaign_services
from campaigns.models import Campaign, CampaignStep, MessageTemplate
from conftest import api_client_for
from identity.models import Business, MatchReview, Persona, PersonaMergeHistory, PersonaPhone
from identity.services import persona_merge
from inbox.models import CallQueueEntry, Conversation, ConversationMessage, InboxItem
from ingestion.models import DataSource
from ingestion.services import IngestError, data_source_create
from leads.models import Lead, SkipTraceJob
from messaging import services as messaging_services
from messaging.models import Message, OptOutReview, ProviderWebhook, SenderNumber, Suppression
from usdatabiz.core.models import Alert, Team, TeamCredential, TeamScoped

# Routes that anyone may call (they hold no team data).
PUBLIC = {"core:login", "core:logout", "api-schema", "api-docs", "healthz", "readyz"}
# The provider's webhook has no user: its HMAC signature is the credential (inbox/tests/test_webhook.py).
SIGNED = {"webhook-signalhouse", "webhook"}
# Writes that every member may make, whatever the role: choosing a team changes no team data.
ANY_MEMBER_WRITES = {"core:team-switch"}
# Route name -> which object of a team its ``<pk>`` names (an attribute of TeamData).
DETAIL_SUBJECTS = {
    "core:alert-resolve": "alert",
    "alert-detail": "alert",
    "alert-resolve": "alert",
    "ingestion:data-source-detail": "data_source",
    "ingestion:data-source-retry": "data_source",
    "ingestion:data-source-errors": "data_source",
    "ingestion:data-source-file": "data_source",
    "identity:business-detail": "business",
    "identity:persona-detail": "persona",
    "identity:persona-merge": "persona",
    "identity:merge-unmerge": "merge",
    "identity:review-decide": "review",
    "data-source-detail": "data_source",
    "data-source-failures": "data_source",
    "data-source-retry": "data_source",
    "data-source-file": "data_source",
    "business-detail": "business",
    "persona-detail": "persona",
    "persona-merge": "persona",
    "persona-unmerge": "merge_survivor",
    "match-review-detail": "review",
    "match-review-decide": "review",
    "leads:lead-detail": "lead",
    "leads:lead-rescore": "lead",
    "lead-detail": "lead",
    "lead-rescore": "lead",
    "leads:job-detail": "job",
    "leads:job-resume": "job",
    "skiptrace-job-detail": "job",
    "skiptrace-job-resume": "job",
    "campaigns:campaign-detail": "campaign",
    "campaigns:campaign-stage": "draft_campaign",
    "campaigns:campaign-edit": "draft_campaign",
    "messaging:campaign-approve": "campaign",
    "messaging:campaign-send-back": "campaign",
    "messaging:campaign-cancel": "campaign",
    "messaging:step-approve": "step",
    "messaging:step-cancel": "step",
    "campaign-step-detail": "step",
    "campaign-step-approve": "step",
    "campaign-step-cancel": "step",
    "campaign-metrics": "campaign",
    "campaign-results": "campaign",
    "inbox:campaign-outcomes": "campaign",
    "inbox:campaign-results-export": "campaign",
    "campaigns:campaign-pause": "sending_campaign",
    "campaigns:campaign-resume": "paused_campaign",
    "campaigns:template-edit": "template",
    "campaign-detail": "campaign",
    "campaign-stage": "draft_campaign",
    "campaign-approve": "campaign",
    "campaign-send-back": "campaign",
    "campaign-cancel": "campaign",
    "campaign-pause": "sending_campaign",
    "campaign-resume": "paused_campaign",
    "campaign-leads": "campaign",
    "campaign-events": "campaign",
    "template-detail": "template",
    "messaging:message-release": "message",
    "messaging:message-drop": "message",
    "messaging:suppression-lift": "suppression",
    "messaging:opt-out-review-decide": "opt_out_review",
    "opt-out-review-detail": "opt_out_review",
    "opt-out-review-decide": "opt_out_review",
    "message-detail": "message",
    "message-release": "message",
    "message-drop": "message",
    "suppression-detail": "suppression",
    "suppression-lift": "suppression",
    "messaging:sender-number-change": "sender_number",
    "sender-number-detail": "sender_number",
    "sender-number-activate": "retired_number",
    "sender-number-retire": "sender_number",
    "credential-detail": "credential",
    "inbox:item-detail": "item",
    "inbox:conversation-thread": "conversation",
    "inbox:conversation-messages": "conversation",
    "inbox:conversation-assign": "conversation",
    "inbox:conversation-assign-me": "conversation",
    "inbox:conversation-snooze": "conversation",
    "inbox:conversation-note": "conversation",
    "inbox:conversation-reply": "conversation",
    "inbox:conversation-approve-draft": "conversation",
    "inbox:conversation-close": "conversation",
    "inbox:conversation-reopen": "closed_conversation",
    "inbox:conversation-callback": "conversation",
    "inbox:item-reply": "item",
    "inbox:item-reject-suggestion": "item",
    "inbox:item-reclassify": "item",
    "inbox:item-move": "item",
    "inbox:item-close": "item",
    "inbox:item-reopen": "closed_item",
    "inbox:call-take": "call_entry",
    "inbox:call-attempt": "call_entry",
    "inbox-item-detail": "item",
    "inbox-item-reply": "item",
    "inbox-item-reject-suggestion": "item",
    "inbox-item-reclassify": "item",
    "inbox-item-move": "item",
    "inbox-item-close": "item",
    "inbox-item-reopen": "closed_item",
    "inbox-item-events": "item",
    "conversation-detail": "conversation",
    "conversation-assign": "conversation",
    "conversation-snooze": "conversation",
    "conversation-note": "conversation",
    "conversation-reply": "conversation",
    "conversation-approve-draft": "conversation",
    "conversation-close": "conversation",
    "conversation-reopen": "closed_conversation",
    "call-queue-detail": "call_entry",
    "call-queue-take": "call_entry",
    "call-queue-attempt": "call_entry",
}
# List route name -> the object of team A it must show (so that "shows nothing of B" cannot pass on an empty page).
LISTS_SHOW = {
    "core:alert-list": "alert",
    "alert-list": "alert",
    "core:dashboard": "data_source",  # as the subject of its stage runs
    "ingestion:data-source-list": "data_source",
    "identity:business-list": "business",
    "identity:persona-list": "persona",
    "identity:merge-list": "merge",
    "data-source-list": "data_source",
    "business-list": "business",
    "persona-list": "persona",
    "match-review-list": "review",
    "leads:lead-list": "lead",
    "lead-list": "lead",
    "skiptrace-job-list": "job",
    "campaigns:campaign-list": "campaign",
    "campaigns:template-list": "template",
    "campaign-list": "campaign",
    "template-list": "template",
    "messaging:message-list": "message",
    "messaging:suppression-list": "suppression",
    "message-list": "message",
    "suppression-list": "suppression",
    "opt-out-review-list": "opt_out_review",
    "sender-number-list": "sender_number",
    "credential-list": "credential",
    "sms-webhook-list": "provider_webhook",
    "inbox:item-list": "item",
    "inbox:call-queue": "item",
    "inbox-item-list": "item",
    "call-queue-list": "call_entry",
    "conversation-list": "conversation",
    "inbox:workspace": "conversation",
    "inbox:workspace-list": "conversation",
    "core:run-list": "data_source",  # as the subject of its stage runs
    "core:failure-list": "data_source",  # as the subject of its row failures
    "leads:job-list": "job",
    "leads:lead-export": "lead",
    "lead-export": "lead",
    "campaign-step-list": "step",
    "inbox:outcome-list": "campaign",
    "inbox:item-export": "item",
    "inbox-item-export": "message",  # a text of the conversation (its latest item is the closed one)
    "messaging:suppression-export": "suppression",
    "suppression-export": "suppression",
}
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


# --- discovering the routes --------------------------------------------------------------------------------

_ROUTE_PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
_REGEX_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>[^()]*\)")


@dataclass(frozen=True)
class Route:
    name: str
    segments: tuple
    callback: object

    @property
    def label(self) -> str:
        text = "".join(str(s).lstrip("^").rstrip("$") for s in self.segments)
        return "/" + _REGEX_GROUP.sub(lambda m: f"<{m['name']}>", text).replace("/?", "/").replace("\\.", ".")

    @property
    def kwargs(self) -> set[str]:
        names = set()
        for segment in self.segments:
            names |= set(segment.converters) if isinstance(segment, RoutePattern) else set(segment.regex.groupindex)
        return names

    @property
    def object_kwargs(self) -> set[str]:
        return self.kwargs - {"format"}

    @property
    def view_class(self):
        return getattr(self.callback, "cls", None) or getattr(self.callback, "view_class", None)

    @property
    def is_api(self) -> bool:
        return isinstance(self.view_class, type) and issubclass(self.view_class, APIView)

    @property
    def methods(self) -> set[str]:
        actions = getattr(self.callback, "actions", None)
        if actions:
            return {m.upper() for m in actions}
        cls = self.view_class
        return {m.upper() for m in cls.http_method_names if m not in ("head", "options") and hasattr(cls, m)}

    @property
    def write_methods(self) -> set[str]:
        return self.methods - SAFE_METHODS

    def url(self, **values) -> str:
        values.setdefault("format", "json")
        parts = []
        for segment in self.segments:
            if isinstance(segment, RoutePattern):
                converters = segment.converters
                text = _ROUTE_PARAM.sub(lambda m, c=converters: c[m["name"]].to_url(values[m["name"]]), str(segment))
            else:
                text = _REGEX_GROUP.sub(lambda m: str(values[m["name"]]), str(segment).lstrip("^").rstrip("$"))
                text = text.replace("/?", "/").replace("\\.", ".")
            parts.append(text)
        url = "/" + "".join(parts)
        # The URL built must resolve to this very route; otherwise the sweep would test something else.
        match = resolve(url)
        assert match.func is self.callback, (url, self.label)
        assert {k: match.kwargs[k] for k in self.object_kwargs} == {k: values[k] for k in self.object_kwargs}
        return url


def _walk(resolver, segments=(), namespaces=()):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue  # the admin has its own sweep: usdatabiz/core/tests/test_admin_scoping.py
            more = (entry.namespace,) if entry.namespace else ()
            yield from _walk(entry, (*segments, entry.pattern), (*namespaces, *more))
        elif isinstance(entry, URLPattern):
            yield Route(":".join((*namespaces, entry.name or "")), (*segments, entry.pattern), entry.callback)


ROUTES = [r for r in _walk(get_resolver()) if r.name not in PUBLIC | SIGNED]
DETAIL_ROUTES = [r for r in ROUTES if r.object_kwargs]
LIST_ROUTES = [r for r in ROUTES if not r.object_kwargs and "GET" in r.methods]
WRITE_ROUTES = [r for r in ROUTES if r.write_methods and r.name not in ANY_MEMBER_WRITES]


def _format_suffix_bug(route: Route) -> str | None:
    """Name the bug when a format-suffix URL (``.json``) reaches a viewset action that takes no ``format``.

    DRF passes ``format`` to the handler; an ``@action`` written as ``def merge(self, request, pk=None)`` then
    raises TypeError (a 500) before any tenant check runs. Such cases are expected failures until fixed.
    """
    if "format" not in route.kwargs:
        return None
    for name in (getattr(route.callback, "actions", None) or {}).values():
        params = inspect.signature(getattr(route.view_class, name)).parameters.values()
        if not any(p.name == "format" or p.kind is p.VAR_KEYWORD for p in params):
            cls = route.view_class
            return f"{cls.__module__}.{cls.__name__}.{name}() takes no `format` argument: {route.label} is a 500"
    return None


def _cases(routes, methods_of, *, reaches_handler=False, covered=None):
    cases = []
    for route in routes:
        if covered is not None and route.name not in covered:
            continue  # reported by test_every_*_route_is_covered
        for method in sorted(methods_of(route)):
            bug = _format_suffix_bug(route) if reaches_handler else None
            marks = [pytest.mark.xfail(strict=True, raises=TypeError, reason=bug)] if bug else []
            cases.append(pytest.param(route, method, id=f"{method} {route.label}", marks=marks))
    return cases


# --- the two teams ----------------------------------------------------------------------------------------

HEADER = "Company Name,First Name,Last Name,Title,Phone,Email,Street Address,City,State,ZIP Code,SIC Code\r\n"
CSV_A = (
    HEADER + "Acme Open Books LLC,Alice,Applegate,Owner,(512) 555-0143,alice@acme.example,1 Main St,Austin,"
    "TX,78701,1711\r\nAcme Two Inc,Arnold,Applegate,CEO,12345,arnold@acme.example,2 Main St,Austin,Texas,"
    "78702,1711\r\n"
).encode()
CSV_B = (
    HEADER + "Rival Secret Holdings LLC,Zebulon,Quartermaine,Owner,(312) 555-0147,zeb@rivalsecret.example,"
    "1 Hidden Way,Chicago,IL,60601,7389\r\nRival Secret Two Inc,Yolanda,Quartermaine,CEO,12345,"
    "yo@rivalsecret.example,2 Hidden Way,Chicago,Illinois,60602,7389\r\n"
).encode()
# Words that only team B's data contains: none may show up on a page or in an answer to team A.
B_WORDS = [
    "Rival Sales",
    "Rival Secret",
    "Quartermaine",
    "Xanthippe",
    "Ozymandias",
    "Thessaly",
    "rivalsecret",
    "3125550147",
    "3125550199",
    "rival-secret-list",
    "rival-refused-list",
    "3125550188",  # Rival's sender numbers
    "3125550187",
    "QZXW",  # the last four characters of Rival's own API key
    "rival-hook-77",  # Rival's webhook id at the provider
]


def _csv(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/csv")


@dataclass
class TeamData:
    team: Team
    data_source: DataSource
    business: Business
    persona: Persona  # the subject of persona routes
    partner: Persona  # another person, to merge ``persona`` with
    phone: PersonaPhone
    review: MatchReview  # a pending pair
    merge: PersonaMergeHistory  # a merge that can be undone
    lead: Lead
    job: SkipTraceJob
    template: MessageTemplate
    campaign: Campaign  # staged, awaiting approval
    draft_campaign: Campaign
    sending_campaign: Campaign
    paused_campaign: Campaign
    step: CampaignStep  # a follow-up of the sending campaign, staged for approval
    message: Message  # held for review
    suppression: Suppression
    opt_out_review: OptOutReview  # a reply held for a person's opt-out decision
    item: InboxItem  # an open reply with a pending draft
    closed_item: InboxItem
    call_entry: CallQueueEntry
    sender_number: SenderNumber  # active
    retired_number: SenderNumber
    credential: TeamCredential  # the team's own SignalHouse API key
    provider_webhook: ProviderWebhook
    alert: Alert  # an open SLA alert
    conversation: Conversation  # open, with a pending draft
    closed_conversation: Conversation

    @property
    def merge_survivor(self) -> Persona:
        return self.merge.survivor

    def ids(self) -> set[str]:
        """Every id of every team-scoped row of this team, whatever app it belongs to."""
        found = {self.team.pk}
        for model in apps.get_models():
            if issubclass(model, TeamScoped):
                found |= set(model.objects.filter(team=self.team).values_list("pk", flat=True))
        return found


def _persona(team, first, last, zip5="10001") -> Persona:
    return Persona.objects.create(
        team=team,
        first_name=first,
        last_name=last,
        normalized_first_name=first.upper(),
        normalized_last_name=last.upper(),
        state="NY",
        zip5=zip5,
    )


def _team_data(
    team: Team, *, tag: str, csv_name: str, csv: bytes, people: list[str], number: str, ours: tuple[str, str], key: str
) -> TeamData:
    sender_number = messaging_services.sender_number_create(team=team, number=ours[0], label=f"{tag} line")
    retired_number = messaging_services.sender_number_create(team=team, number=ours[1], status="retired")
    credential = messaging_services.provider_credential_set(
        team=team, provider="signalhouse", name="api_key", value=key
    )
    provider_webhook = ProviderWebhook.objects.create(
        team=team, provider="signalhouse", group_id=f"G-{tag}", webhook_id=f"{tag.lower()}-hook-77",
        url="https://console.example/webhooks/signalhouse/", registered_at=timezone.now(),
    )  # fmt: skip
    data_source = data_source_create(team=team, file=_csv(csv_name, csv))
    data_source.refresh_from_db()
    assert data_source.status == DataSource.Status.COMPLETED, data_source.error_message
    business = Business.objects.create(
        team=team, name=f"{tag} Orm Business", normalized_name=f"{tag.upper()} ORM", state="NY", zip5="10001"
    )
    persona, partner, pair_1, pair_2, merged_1, merged_2 = (
        _persona(team, *name.split(), zip5=f"1{i:04d}") for i, name in enumerate(people)
    )
    phone = PersonaPhone.objects.create(
        team=team, persona=persona, raw=number, normalized_number=number, phone_type="mobile", is_valid=True
    )
    low, high = sorted([pair_1, pair_2], key=lambda p: p.pk)
    review = MatchReview.objects.create(team=team, persona_a=low, persona_b=high, score=0.6)
    merge = persona_merge(persona_a=merged_1, persona_b=merged_2, note="same person")
    lead = Lead.objects.create(team=team, persona=persona, business=business, score=50, tags=["state:NY"])
    # a paused job of its own: a lead in an open job is not queued again, and the enrich routes write for ``lead``
    job = SkipTraceJob.objects.create(
        team=team, provider="sandbox", lead_ids=[], total=1, status="paused", resume_at=timezone.now()
    )
    template = campaign_services.template_create(
        team=team, name=f"{tag} opener", body="Hi {first_name}, reply STOP to opt out."
    )
    campaign = campaign_services.campaign_create(
        team=team, name=f"{tag} staged", template=template, allow_partial_block=True
    )
    campaign = campaign_services.campaign_stage(campaign=campaign)
    assert campaign.status == Campaign.Status.STAGED, campaign.error_message
    draft, sending, paused = (
        campaign_services.campaign_create(team=team, name=f"{tag} {name}", template=template, allow_partial_block=True)
        for name in ("draft", "sending", "paused")
    )
    Campaign.objects.filter(pk=sending.pk).update(status=Campaign.Status.SENDING)
    Campaign.objects.filter(pk=paused.pk).update(status=Campaign.Status.PAUSED)
    step = CampaignStep.objects.create(
        team=team, campaign=sending, number=1, delay_days=3, template=template, status=CampaignStep.Status.STAGED
    )
    message = Message.objects.create(
        team=team, direction="outbound", kind="compliance", status="held", to_number=number, from_number=ours[0],
        body="Reply STOP to opt out.", provider="sandbox", idempotency_key=f"{tag}:help", persona=persona,
    )  # fmt: skip
    suppression = Suppression.objects.create(team=team, phone_number=f"{number[:-1]}9", reason="manual")
    opt_out_review = OptOutReview.objects.create(team=team, phone_number=f"{number[:-1]}8", text=f"{tag} so annoying")
    item, closed_item = (
        InboxItem.objects.create(
            team=team,
            lead=lead,
            persona=persona,
            phone_number=number,
            response_text=f"{tag} says {status}",
            received_at=timezone.now(),
            status=status,
            bucket="reply" if status == "open" else "done",
            classification="interested",
            suggestion_status="pending",
            suggested_text="Thanks!",
            message=Message.objects.create(
                team=team,
                direction="inbound",
                kind="inbound",
                status="received",
                from_number=number,
                to_number=ours[0],
                body=f"{tag} says {status}",
                provider="sandbox",
                external_id=f"{tag}-{status}",
            ),
        )
        for status in ("open", "processed")
    )
    call_entry = CallQueueEntry.objects.create(
        team=team, item=item, lead=lead, phone_number=number, priority=80, assigned_worker="SABRINA"
    )
    alert = Alert.objects.create(
        team=team, stage=9, code="SLA_BREACH", measured_seconds=60, limit_seconds=5, opened_at=timezone.now(),
        detail=f"{tag} classification was late",
    )  # fmt: skip
    conversation, closed_conversation = (
        Conversation.objects.create(
            team=team, contact_number=number if status == "open" else f"{number[:-2]}42", sender_number=ours[0],
            lead=lead, persona=persona, status=status,
            intent="interested", worker="SABRINA", latest_item=it, draft_item=it, draft_text="Thanks!",
            draft_worker="SABRINA", draft_status="pending" if status == "open" else "set_aside",
            last_message_at=timezone.now(), last_text=it.response_text,
            disposition="" if status == "open" else "not_interested",
        )
        for status, it in (("open", item), ("closed", closed_item))
    )  # fmt: skip
    InboxItem.objects.filter(pk=item.pk).update(conversation=conversation)
    InboxItem.objects.filter(pk=closed_item.pk).update(conversation=closed_conversation)
    ConversationMessage.objects.create(conversation=conversation, message=item.message, created_at=timezone.now())
    return TeamData(
        team, data_source, business, persona, partner, phone, review, merge, lead, job,
        template, campaign, draft, sending, paused, step, message, suppression, opt_out_review, item, closed_item,
        call_entry, sender_number, retired_number, credential, provider_webhook, alert, conversation,
        closed_conversation,
    )  # fmt: skip


MD5 = ["django.contrib.auth.hashers.MD5PasswordHasher"]
A_PEOPLE = [
    "Agatha Applewood",
    "Bertram Birchfield",
    "Cordelia Cobb",
    "Cordelia Cobbs",
    "Desmond Dale",
    "Desmond Dayle",
]
B_PEOPLE = [
    "Xanthippe Quartermaine",
    "Ozymandias Quartermaine",
    "Thessaly Quartermaine",
    "Thessaly Quartermane",
    "Ozymandias Thessaly",
    "Ozymandias Thessalie",
]


@dataclass(frozen=True)
class _World:
    team: Team
    other_team: Team
    a: TeamData
    b: TeamData


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Both teams' data, built once for the module inside a transaction that is rolled back at its end.

    Every test runs in a savepoint of that transaction (pytest-django's ``db``), so what a test writes is
    gone before the next one starts; the build (uploads through stages 1-5, a merge, staged campaigns) is
    paid once instead of once per test.
    """
    from django.db import transaction
    from django.test import override_settings

    from usdatabiz.core.tests.factories import TeamFactory

    media = tmp_path_factory.mktemp("sweep-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media), PASSWORD_HASHERS=MD5):
        with transaction.atomic():
            team = TeamFactory(slug="acme", name="Acme Sales")
            other = TeamFactory(slug="rival", name="Rival Sales")
            a = _team_data(
                team, tag="Acme", csv_name="acme-list.csv", csv=CSV_A, people=A_PEOPLE, number="5125550100",
                ours=("5125550101", "5125550102"), key="acme-signalhouse-key-ACME",
            )  # fmt: skip
            b = _team_data(
                other, tag="Rival", csv_name="rival-secret-list.csv", csv=CSV_B, people=B_PEOPLE, number="3125550199",
                ours=("3125550188", "3125550187"), key="rival-signalhouse-key-QZXW",
            )  # fmt: skip
            # and an upload refused for the quota, which the data sources page lists for its own team only
            other.storage_quota_bytes = b.data_source.size
            other.save()
            with pytest.raises(IngestError):
                data_source_create(team=other, file=_csv("rival-refused-list.csv", CSV_B))
            yield _World(team, other, a, b)
            transaction.set_rollback(True)


def _fresh(data: TeamData) -> TeamData:
    """The same rows, read again: a test never sees objects another test changed in memory."""
    return TeamData(
        *(type(value)._default_manager.get(pk=value.pk) for value in (getattr(data, f.name) for f in fields(data)))
    )


@pytest.fixture(autouse=True)
def _media_root():
    """Keep the module's media folder (the world's uploads live there) instead of a folder per test."""


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = MD5


@pytest.fixture(autouse=True)
def _signalhouse():
    """Registering and rotating the webhook reach SignalHouse: answered here, never on the network."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.post(
            "https://v2.signalhouse.io/webhook",
            json={"data": {"id": "acme-hook-78", "signingSecret": "whsec-new-acme-0001"}},
            status=201,
        )
        mock.post(
            re.compile(r"https://v2\.signalhouse\.io/webhook/[^/]+/rotate-secret"),
            json={"signingSecret": "whsec-rotated-acme-0002"},
        )
        yield mock


@pytest.fixture
def team(_world, db) -> Team:
    return Team.objects.get(pk=_world.team.pk)


@pytest.fixture
def other_team(_world, db) -> Team:
    return Team.objects.get(pk=_world.other_team.pk)


@pytest.fixture
def team_a(_world, db) -> TeamData:
    return _fresh(_world.a)


@pytest.fixture
def team_b(_world, db) -> TeamData:
    return _fresh(_world.b)


def _client_for(route: Route, user=None):
    if route.is_api:
        return api_client_for(user) if user else APIClient()
    client = Client()
    if user:
        client.force_login(user)
    return client


def _url_for(route: Route, data: TeamData) -> str:
    if not route.object_kwargs:
        return route.url()
    subject = getattr(data, DETAIL_SUBJECTS[route.name])
    return route.url(**{k: subject.pk for k in route.object_kwargs})


def _b_leaks(text: str, b_ids: set[str], *, except_in: str = "") -> list[str]:
    return [m for m in [*b_ids, *B_WORDS] if m in text and m not in except_in]


def _snapshot(team: Team | None = None) -> dict:
    """Every team-scoped row (of one team, or all) with its last change: any write shows up here."""
    state = {}
    for model in apps.get_models():
        if issubclass(model, TeamScoped):
            qs = model.objects.all() if team is None else model.objects.filter(team=team)
            state[model._meta.label] = sorted(qs.values_list("pk", "updated_at"))
    return state


# --- the sweep is complete --------------------------------------------------------------------------------


def test_the_resolver_walk_finds_the_known_routes():
    names = {r.name for r in ROUTES}

    assert {
        "core:dashboard",
        "ingestion:data-source-retry",
        "identity:persona-detail",
        "data-source-failures",
        "persona-detail",
        "api-root",
    } <= names
    assert not names & PUBLIC


def test_every_detail_route_is_covered():
    uncovered = sorted({f"{r.name} ({r.label})" for r in DETAIL_ROUTES if r.name not in DETAIL_SUBJECTS})

    assert uncovered == [], "add these routes to DETAIL_SUBJECTS: which object does their <pk> name?"


def test_every_write_route_is_covered():
    uncovered = sorted({f"{r.name} ({r.label})" for r in WRITE_ROUTES if r.name not in WRITES})

    assert uncovered == [], "add these routes to WRITES: what does a valid write look like, and who may make it?"


# --- another team's object is a 404 -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("route", "method"), _cases(DETAIL_ROUTES, lambda r: r.methods, reaches_handler=True, covered=DETAIL_SUBJECTS)
)
def test_another_teams_object_is_a_404(team_admin, team_a, team_b, route, method):
    # given an Acme admin (every role's rights) and Rival's object
    client = _client_for(route, team_admin)
    url = _url_for(route, team_b)
    before = _snapshot(team_b.team)

    # when the route is called for it
    response = client.generic(method, url)

    # then it does not exist for Acme, nothing is said about it, and nothing of Rival's changed
    assert response.status_code == 404, (url, response.status_code)
    assert _b_leaks(response.content.decode(errors="replace"), team_b.ids(), except_in=url) == []
    assert _snapshot(team_b.team) == before


@pytest.mark.parametrize(
    ("route", "method"),
    _cases(DETAIL_ROUTES, lambda r: r.methods & {"GET"}, reaches_handler=True, covered=DETAIL_SUBJECTS),
)
def test_own_object_is_found_on_every_detail_route(operator, team_a, team_b, route, method):
    response = _client_for(route, operator).get(_url_for(route, team_a))

    assert response.status_code == 200
    text = b"".join(response).decode() if response.streaming else response.content.decode()
    assert _b_leaks(text, team_b.ids()) == []


@pytest.mark.parametrize(
    ("route", "method"), _cases(DETAIL_ROUTES, lambda r: r.methods & {"GET"}, covered=DETAIL_SUBJECTS)
)
def test_a_foreign_x_team_header_does_not_open_another_teams_object(operator, team_a, team_b, route, method):
    url = _url_for(route, team_b)

    response = _client_for(route, operator).get(url, HTTP_X_TEAM=team_b.team.slug)

    assert response.status_code in (403, 404)
    assert _b_leaks(response.content.decode(), team_b.ids(), except_in=url) == []


# --- lists never show another team's rows -----------------------------------------------------------------


# The search a list is opened with: Rival's words and place, in the filters the list takes. A list that checks its
# filters refuses a value it does not know with a 400 naming it (an empty answer would prove nothing), so those get
# values they take; the others ignore what they do not read.
SEARCH = "?q=Quartermaine&state=IL&status=completed&code=INVALID_PHONE"
SEARCH_BY_ROUTE = {
    "lead-list": "?state=IL&status=new",
    "lead-export": "?state=IL&status=new",
    "leads:lead-list": "?state=IL&status=new",
    "leads:lead-export": "?state=IL&status=new",
    "inbox-item-list": "?q=Quartermaine&status=open",
    "inbox-item-export": "?q=Quartermaine&status=open",
    "conversation-list": "?q=Quartermaine&status=open",
    "message-list": "?status=received&number=3125550147",
    "opt-out-review-list": "?status=held",
    "match-review-list": "?status=pending",
}


@pytest.mark.parametrize(("route", "method"), _cases(LIST_ROUTES, lambda r: {"GET"}))
@pytest.mark.parametrize("searching", [False, True], ids=["all", "search"])
def test_lists_never_contain_another_teams_rows(team_admin, team_a, team_b, route, method, searching):
    # when an Acme member opens the list (also while searching for Rival's words)
    query = SEARCH_BY_ROUTE.get(route.name, SEARCH) if searching else ""
    response = _client_for(route, team_admin).get(route.url() + query)

    # then nothing of Rival's is in it (the search box may echo the words searched for)
    assert response.status_code == 200
    text = b"".join(response).decode() if response.streaming else response.content.decode()
    assert _b_leaks(text, team_b.ids(), except_in=query) == []
    # and, without a search, Acme's own rows are there (so the check above cannot pass on an empty page)
    if route.name in LISTS_SHOW and not query:
        assert getattr(team_a, LISTS_SHOW[route.name]).pk in text


@pytest.mark.parametrize(
    ("path", "model", "rows"),
    [
        ("/api/v1/data-sources/", DataSource, {}),
        ("/api/v1/businesses/", Business, {}),
        ("/api/v1/personas/", Persona, {"is_merged": False}),
        ("/api/v1/match-reviews/", MatchReview, {}),
        ("/api/v1/leads/", Lead, {}),
    ],
)
def test_api_lists_hold_exactly_the_teams_rows(operator, team_a, team_b, path, model, rows):
    response = api_client_for(operator).get(path, {"limit": 500})

    assert response.status_code == 200
    expected = set(model.objects.filter(team=team_a.team, **rows).values_list("pk", flat=True))
    assert expected
    assert {row["id"] for row in response.json()["results"]} == expected
    assert response.json()["count"] == len(expected)


def test_persona_search_by_another_teams_id_finds_nothing(operator_client, team_a, team_b):
    response = operator_client.get("/identity/personas/", {"q": team_b.persona.pk})

    assert list(response.context["page_obj"]) == []


def test_merging_with_another_teams_persona_is_refused(operator, operator_client, team_a, team_b):
    before = _snapshot()

    page = operator_client.post(f"/identity/personas/{team_a.persona.pk}/merge/", {"other": team_b.persona.pk})
    api = api_client_for(operator).post(f"/api/v1/personas/{team_a.persona.pk}/merge/", {"other": team_b.persona.pk})

    assert page.status_code == 302
    assert page["Location"] == f"/identity/personas/{team_a.persona.pk}/"
    assert api.status_code == 404
    assert _snapshot() == before


def test_unmerging_another_teams_merge_through_an_own_persona_is_refused(operator, team_a, team_b):
    before = _snapshot()

    response = api_client_for(operator).post(
        f"/api/v1/personas/{team_a.merge.survivor_id}/unmerge/", {"history": team_b.merge.pk}
    )

    assert response.status_code == 404
    assert _snapshot() == before


# --- anonymous ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("route", "method"), _cases(ROUTES, lambda r: r.methods, covered=None))
def test_anonymous_is_sent_to_login_or_gets_401(team_a, route, method):
    if route.object_kwargs and route.name not in DETAIL_SUBJECTS:
        pytest.skip("not covered yet: see test_every_detail_route_is_covered")
    before = _snapshot()

    response = _client_for(route).generic(method, _url_for(route, team_a))

    if route.is_api:
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Token"
    else:
        assert response.status_code == 302
        assert response["Location"].startswith("/login/?next=")
    assert _snapshot() == before


# --- roles: a viewer cannot write where an operator can -------------------------------------------------------


@dataclass(frozen=True)
class Write:
    body: Callable[[TeamData], dict]  # a valid request body for team A
    ok: int  # the status of the allowed role's write
    role: str = "operator"  # the lowest role allowed: "operator" or "admin"
    json: bool = False  # a body the route takes only as JSON (its schema says so)


def _upload(data: TeamData) -> dict:
    return {"file": _csv("acme-more.csv", CSV_A)}


def _nothing(data: TeamData) -> dict:
    return {}


WRITES = {
    "core:alert-resolve": Write(_nothing, 302),
    "core:alert-settings": Write(
        lambda d: {"email_admins": "on", "webhook_url": "https://hooks.example.test/a"}, 302, "admin"
    ),
    "alert-resolve": Write(_nothing, 200),
    "ingestion:data-source-list": Write(_upload, 302),
    "ingestion:data-source-retry": Write(_nothing, 302),
    "identity:persona-merge": Write(lambda d: {"other": d.partner.pk, "note": "same"}, 302),
    "identity:merge-unmerge": Write(lambda d: {"note": "different people"}, 302),
    "identity:review-decide": Write(lambda d: {"decision": "reject"}, 302),
    "identity:resolve-run": Write(_nothing, 302, "admin"),
    "identity:resolution-settings": Write(
        lambda d: {"auto_merge_threshold": 0.9, "review_threshold": 0.6}, 302, "admin"
    ),
    "data-source-list": Write(_upload, 201),
    "data-source-retry": Write(_nothing, 202),
    "persona-merge": Write(lambda d: {"other": d.partner.pk}, 201),
    "persona-unmerge": Write(lambda d: {"history": d.merge.pk}, 201),
    "persona-resolve": Write(_nothing, 200, "admin"),
    "match-review-decide": Write(lambda d: {"decision": "reject"}, 200),
    "leads:lead-rescore": Write(_nothing, 302),
    "lead-rescore": Write(_nothing, 200),
    "leads:lead-enrich": Write(lambda d: {"lead": [d.lead.pk]}, 302),
    "lead-enrich": Write(lambda d: {"leads": [d.lead.pk]}, 201),
    "leads:settings-edit": Write(
        lambda d: {
            "weight_industry": "40",
            "rules-TOTAL_FORMS": "0",
            "rules-INITIAL_FORMS": "0",
            "daily_trace_cap": "10",
        },
        302,
        "admin",
    ),
    "leads:job-resume": Write(_nothing, 302),
    "skiptrace-job-resume": Write(_nothing, 202),
    "lead-settings": Write(_nothing, 200, "admin"),  # PUT only: tested with a body in leads/tests
    "campaigns:campaign-create": Write(lambda d: {"name": "More", "template": d.template.pk, "block_size": 10}, 302),
    "campaigns:campaign-stage": Write(_nothing, 302),
    "campaigns:campaign-edit": Write(
        lambda d: {"name": "Renamed draft", "template": d.template.pk, "block_size": 10, "scheduled_zone": "UTC"}, 302
    ),
    "messaging:campaign-approve": Write(_nothing, 302),
    "messaging:campaign-send-back": Write(lambda d: {"note": "wrong list"}, 302),
    "messaging:campaign-cancel": Write(_nothing, 302),
    "messaging:step-approve": Write(_nothing, 302),
    "messaging:step-cancel": Write(_nothing, 302),
    "campaign-step-approve": Write(_nothing, 200),
    "campaign-step-cancel": Write(_nothing, 200),
    "campaign-detail": Write(_nothing, 200),  # PUT/PATCH: tested with a body in campaigns/tests
    "campaigns:campaign-pause": Write(_nothing, 302),
    "campaigns:campaign-resume": Write(_nothing, 302),
    "campaigns:template-list": Write(
        lambda d: {"name": "New", "body": "Hi. Reply STOP to opt out.", "worker": "CATHY"}, 302
    ),
    "campaigns:template-edit": Write(
        lambda d: {"name": "Renamed", "body": "Hey. Reply STOP to opt out.", "worker": "GIANNA", "is_active": "on"}, 302
    ),
    "campaign-list": Write(lambda d: {"name": "More", "template": d.template.pk}, 201, json=True),
    "campaign-stage": Write(_nothing, 409),  # the draft's people are all in the staged campaign: INSUFFICIENT_LEADS
    "campaign-approve": Write(_nothing, 200),
    "campaign-send-back": Write(lambda d: {"note": "wrong list"}, 200),
    "campaign-cancel": Write(_nothing, 200),
    "campaign-pause": Write(_nothing, 200),
    "campaign-resume": Write(_nothing, 200),
    "template-list": Write(lambda d: {"name": "New", "body": "Hi. Reply STOP to opt out."}, 201),
    "template-detail": Write(_nothing, 200),  # PUT/PATCH: tested with a body in campaigns/tests
    "messaging:message-release": Write(_nothing, 302),
    "messaging:message-drop": Write(lambda d: {"note": "arrived"}, 302),
    "messaging:suppression-list": Write(lambda d: {"phone_number": "(512) 555-0177"}, 302),
    "messaging:suppression-lift": Write(lambda d: {"reason": "asked to rejoin"}, 302, "admin"),
    "messaging:opt-out-review-decide": Write(lambda d: {"decision": "not_opt_out"}, 302),
    "messaging:settings-edit": Write(
        lambda d: {
            "quiet_start_hour": 9,
            "quiet_end_hour": 20,
            "windows-TOTAL_FORMS": "0",
            "windows-INITIAL_FORMS": "0",
            "sends_per_minute": 30,
        },
        302,
        "admin",
    ),  # fmt: skip
    "messaging:sender-number-create": Write(lambda d: {"number": "(512) 555-0177", "status": "active"}, 302, "admin"),
    "messaging:sender-number-change": Write(lambda d: {"label": "Main line", "action": "save"}, 302, "admin"),
    "messaging:credentials": Write(
        lambda d: {"provider": "realestateapi", "name": "api_key", "value": "acme-rea-key-0099"}, 302, "admin"
    ),
    "messaging:webhook-register": Write(
        lambda d: {"url": "https://console.example/webhooks/signalhouse/", "group_id": "G-Acme"}, 302, "admin"
    ),
    "messaging:webhook-rotate": Write(lambda d: {"grace_seconds": 3600}, 302, "admin"),
    "sender-number-list": Write(lambda d: {"number": "5125550177"}, 201, "admin"),
    "sender-number-detail": Write(_nothing, 200, "admin"),  # PATCH only: tested with a body in messaging/tests
    "sender-number-activate": Write(_nothing, 200, "admin"),
    "sender-number-retire": Write(_nothing, 200, "admin"),
    "credential-list": Write(
        lambda d: {"provider": "signalhouse", "name": "webhook_secret", "value": "whsec-by-hand-0003"}, 201, "admin"
    ),
    "credential-detail": Write(_nothing, 204, "admin"),  # DELETE only
    "sms-webhook-register": Write(lambda d: {"group_id": "G-Acme"}, 201, "admin"),
    "sms-webhook-rotate-secret": Write(lambda d: {"grace_seconds": 3600}, 200, "admin"),
    "message-release": Write(_nothing, 200),
    "message-drop": Write(lambda d: {"note": "arrived"}, 200),
    "suppression-list": Write(lambda d: {"phone_number": "5125550177"}, 201),
    "suppression-lift": Write(lambda d: {"reason": "asked to rejoin"}, 200, "admin"),
    "opt-out-review-decide": Write(lambda d: {"decision": "not_opt_out"}, 200),
    "inbox:item-reply": Write(lambda d: {"text": "Thanks for writing back"}, 302),
    "inbox:item-reject-suggestion": Write(lambda d: {"reason": "too pushy"}, 302),
    "inbox:item-reclassify": Write(lambda d: {"classification": "question"}, 302),
    "inbox:item-move": Write(lambda d: {"bucket": "call"}, 302),
    "inbox:item-close": Write(lambda d: {"disposition": "not_interested"}, 302),
    "inbox:item-reopen": Write(lambda d: {"reason": "wrote again"}, 302),
    "inbox:call-take": Write(_nothing, 302),
    "inbox:simulate-reply": Write(lambda d: {"from_number": d.message.to_number, "text": "who is this?"}, 302),
    "inbox-item-reply": Write(lambda d: {"text": "Thanks for writing back"}, 201),
    "inbox-item-reject-suggestion": Write(lambda d: {"reason": "too pushy"}, 200),
    "inbox-item-reclassify": Write(lambda d: {"classification": "question"}, 200),
    "inbox-item-move": Write(lambda d: {"bucket": "call"}, 200),
    "inbox-item-close": Write(lambda d: {"disposition": "not_interested"}, 200),
    "inbox-item-reopen": Write(lambda d: {"reason": "wrote again"}, 200),
    "call-queue-take": Write(_nothing, 200),
    "inbox:call-attempt": Write(lambda d: {"outcome": "no_answer"}, 302),
    "call-queue-attempt": Write(lambda d: {"outcome": "voicemail"}, 200),
    "inbox:conversation-assign": Write(lambda d: {"assignee": "olivia"}, 302),
    "inbox:conversation-assign-me": Write(_nothing, 302),
    "inbox:conversation-snooze": Write(lambda d: {"until": "2099-01-01T09:00"}, 302),
    "inbox:conversation-note": Write(lambda d: {"text": "call after lunch"}, 302),
    "inbox:conversation-reply": Write(lambda d: {"text": "Thanks for writing back"}, 302),
    "inbox:conversation-approve-draft": Write(_nothing, 302),
    "inbox:conversation-close": Write(lambda d: {"disposition": "not_interested"}, 302),
    "inbox:conversation-reopen": Write(lambda d: {"reason": "wrote again"}, 302),
    "inbox:conversation-callback": Write(lambda d: {"when": "tomorrow at 2pm"}, 302),
    "inbox:workspace-settings": Write(lambda d: {"what": "saved_reply", "title": "Hi", "text": "Hi {first_name}"}, 302),
    "conversation-assign": Write(lambda d: {"assignee": "me"}, 200),
    "conversation-snooze": Write(lambda d: {"until": "2099-01-01T15:00:00Z"}, 200),
    "conversation-note": Write(lambda d: {"text": "call after lunch"}, 201),
    "conversation-reply": Write(lambda d: {"text": "Thanks for writing back"}, 201),
    "conversation-approve-draft": Write(_nothing, 201),
    "conversation-close": Write(lambda d: {"disposition": "not_interested"}, 200),
    "conversation-reopen": Write(lambda d: {"reason": "wrote again"}, 200),
}


def _write(route: Route, method: str, user, data: TeamData):
    client = _client_for(route, user)
    url = _url_for(route, data)
    if method == "POST":
        write = WRITES[route.name]
        if write.json:
            return client.post(url, json.dumps(write.body(data)), content_type="application/json")
        return client.post(url, write.body(data))
    return client.generic(method, url)


@pytest.mark.parametrize(("route", "method"), _cases(WRITE_ROUTES, lambda r: r.write_methods, covered=WRITES))
def test_a_viewer_cannot_write(viewer, team_a, route, method):
    before = _snapshot()

    response = _write(route, method, viewer, team_a)

    assert response.status_code == 403
    assert _snapshot() == before


_ADMIN_ONLY = {name for name, write in WRITES.items() if write.role == "admin"}


@pytest.mark.parametrize(("route", "method"), _cases(WRITE_ROUTES, lambda r: r.write_methods, covered=_ADMIN_ONLY))
def test_an_operator_cannot_make_admin_only_writes(operator, team_a, route, method):
    before = _snapshot()

    response = _write(route, method, operator, team_a)

    assert response.status_code == 403
    assert _snapshot() == before


@pytest.mark.parametrize(
    ("route", "method"),
    _cases(WRITE_ROUTES, lambda r: r.write_methods & {"POST"}, reaches_handler=True, covered=WRITES),
)
def test_the_allowed_role_can_write(operator, team_admin, team_a, route, method):
    write = WRITES[route.name]
    user = team_admin if write.role == "admin" else operator
    before = _snapshot(team_a.team)

    response = _write(route, method, user, team_a)

    assert response.status_code == write.ok, response.content[:300]
    assert _snapshot(team_a.team) != before
