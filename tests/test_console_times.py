"""Every time a person reads in the console is on their own clock, in the one format.

The sweep's two teams (``tests/test_tenant_isolation.py``) are reused: every stored time of Acme's rows is set
to one known instant, 18:37 UTC on July 14. Acme's clock is New York (the team's setting); the admin who reads
the pages chose Denver for themselves. Walking every page and htmx partial of the console, that instant must
read ``Jul 14, 12:37 PM MDT`` and never 18:37 (UTC), 2:37 PM (the team's clock) or any other format.
Downloads (CSV) and the API keep ISO 8601 in UTC: programs read them.
"""

import re
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest
import time_machine
from django.apps import apps
from django.db import models

from inbox.models import ConversationMessage, InboxSettings, OperatorSettings
from messaging.models import Message
from tests.test_tenant_isolation import DETAIL_SUBJECTS, ROUTES, _media_root, _world, team, team_a  # noqa: F401

KNOWN = datetime(2026, 7, 14, 18, 37, tzinfo=UTC)
ON_MY_CLOCK = "Jul 14, 12:37 PM MDT"  # Denver, daylight time: UTC-6
NOW = datetime(2026, 7, 14, 15, 0, tzinfo=UTC)  # a scheduled start at KNOWN is still ahead

# Any time of day shown another way: the instant on the UTC clock or on the team's clock, ISO timestamps,
# Django's default "6:37 p.m.", relative "3 hours ago", or a clock time labelled UTC.
FORBIDDEN = {
    "the instant on the UTC clock": re.compile(r"\b(18:37|6:37\s*PM)\b"),
    "the instant on the team's clock": re.compile(r"\b(14:37|2:37\s*PM)\b"),
    "an ISO timestamp": re.compile(r"\b\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}"),
    "a bare UTC time": re.compile(r"\b\d{1,2}:\d{2}(:\d{2})?\s*(AM|PM)?\s*(UTC|GMT|\+00:?00)\b"),
    "Django's default format": re.compile(r"\b\d{1,2}(:\d{2})?\s*[ap]\.m\."),
    "a relative time": re.compile(r"\b\d+\s+(minute|hour|day|week|month)s?(,\s*\d+\s+\w+)?\s+ago\b"),
}
# The one format: "Jul 14, 12:37 PM MDT" (with the year when it is not this year).
ONE_FORMAT = re.compile(r"\b[A-Z][a-z]{2} \d{1,2},( \d{4},)? \d{1,2}:\d{2} [AP]M (?P<zone>[A-Z]{2,5}|[+-]\d{2,4})\b")
# Pages that show one of Acme's stored times: each must show the known instant on the reader's clock.
SHOWS_THE_INSTANT = {
    "core:dashboard", "core:run-list", "core:failure-list", "core:alert-list",
    "ingestion:data-source-list", "ingestion:data-source-detail",
    "identity:persona-detail", "identity:merge-list",
    "leads:job-list", "leads:job-detail", "leads:lead-detail",
    "campaigns:campaign-list", "campaigns:campaign-detail", "messaging:campaign-approve",
    "messaging:message-list", "messaging:suppression-list", "messaging:credentials",
    "inbox:item-list", "inbox:item-detail", "inbox:workspace", "inbox:workspace-list",
    "inbox:conversation-thread", "inbox:conversation-messages", "inbox:call-queue",
}  # fmt: skip
DOWNLOADS = {r.name for r in ROUTES if "export" in r.name or r.label.endswith(".csv") or r.name.endswith("-file")}
PAGES = [r for r in ROUTES if not r.is_api and "GET" in r.methods and r.name not in DOWNLOADS]
QUERY = {"inbox:workspace": "?c={conversation}", "messaging:suppression-list": "?all=1"}
SUBJECT = {"identity:persona-detail": "merge_survivor"}  # the persona with a merge in its history


class _ReadableText(HTMLParser):
    """The text a person reads on a page (and its tooltips), leaving out the recipient's-clock cells."""

    def __init__(self):
        super().__init__()
        self.parts, self.hidden, self.recipient = [], 0, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style"):
            self.hidden += 1
        if self.recipient and tag == self.recipient[0]:
            self.recipient[1] += 1
        elif not self.recipient and attrs.get("data-clock") == "recipient":
            self.recipient = [tag, 1]
        if attrs.get("title") and not self.recipient:
            self.parts.append(attrs["title"])

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.hidden -= 1
        if self.recipient and tag == self.recipient[0]:
            self.recipient[1] -= 1
            if not self.recipient[1]:
                self.recipient = []

    def handle_data(self, data):
        if not self.hidden and not self.recipient:
            self.parts.append(data)


def _readable(html: str) -> str:
    parser = _ReadableText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def _set_every_time_to_known(owner) -> int:
    """Give every stored time of the team's rows (set or not) the known instant; return how many columns."""
    columns = 0
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, models.DateTimeField)]
        if not names:
            continue
        if any(f.name == "team" for f in model._meta.concrete_fields):
            rows = model.objects.filter(team=owner)
        elif model is ConversationMessage:
            rows = model.objects.filter(conversation__team=owner)
        else:
            continue
        rows.update(**dict.fromkeys(names, KNOWN))
        columns += len(names)
    return columns


@pytest.fixture
def reader(team_admin, team):  # noqa: F811
    """An admin of Acme (every page opens for them) whose own clock is Denver; Acme's clock is New York."""
    InboxSettings.objects.update_or_create(team=team, defaults={"time_zone": "America/New_York"})
    OperatorSettings.objects.update_or_create(user=team_admin, defaults={"time_zone": "America/Denver"})
    return team_admin


@pytest.fixture
def pages(client, reader, team_a):  # noqa: F811
    """Every console page and partial of Acme, as the reader sees it, at a fixed now."""
    Message.objects.filter(pk=team_a.message.pk).update(lead=team_a.lead)  # the lead's outreach
    assert _set_every_time_to_known(team_a.team) > 20
    client.force_login(reader)
    seen = {}
    with time_machine.travel(NOW, tick=False):
        for route in PAGES:
            name = SUBJECT.get(route.name) or DETAIL_SUBJECTS.get(route.name)
            subject = getattr(team_a, name) if route.object_kwargs else None
            url = route.url(**{k: subject.pk for k in route.object_kwargs}) if subject else route.url()
            url += QUERY.get(route.name, "").format(conversation=team_a.conversation.pk)
            response = client.get(url, HTTP_HX_REQUEST="true" if route.name.endswith(("-list", "-messages")) else "")
            if response.status_code == 200 and "html" in response.get("Content-Type", ""):
                seen[route.name] = response.content.decode()
    return seen


def test_the_walk_reaches_the_pages_that_show_times(pages):
    assert SHOWS_THE_INSTANT - set(pages) == set()


def test_each_page_with_a_stored_time_shows_it_on_the_readers_clock_in_the_one_format(pages):
    missing = sorted(name for name in SHOWS_THE_INSTANT if ON_MY_CLOCK not in _readable(pages[name]))

    assert missing == [], f"these pages do not show {ON_MY_CLOCK}"


@pytest.mark.parametrize("name", sorted(FORBIDDEN))
def test_no_page_shows_a_time_another_way(pages, name):
    pattern = FORBIDDEN[name]
    found = {route: m.group(0) for route, html in pages.items() if (m := pattern.search(_readable(html)))}

    assert found == {}, f"{name} on these pages"


def test_every_time_in_the_one_format_is_on_the_readers_clock(pages):
    # the send plan's "their local time" column is the recipient's clock on purpose (marked data-clock)
    found = {
        route: zones
        for route, html in pages.items()
        if (zones := {m["zone"] for m in ONE_FORMAT.finditer(_readable(html))} - {"MDT"})
    }

    assert found == {}


def test_the_recipients_clock_is_labelled_and_in_the_one_format(pages):
    plan = pages["messaging:campaign-approve"]
    cells = re.findall(r'data-clock="recipient"[^>]*>([^<]*)<', plan)

    assert cells, "the send plan shows when the first texts go out on the recipient's clock"
    assert all(ONE_FORMAT.search(cell) for cell in cells), cells
    assert "their local time" in plan


def test_a_paused_skip_trace_job_says_when_it_goes_on_and_why(pages):
    text = _readable(pages["leads:job-detail"])

    assert f"goes on by itself at {ON_MY_CLOCK}" in text
    assert "daily lookup limit resets (midnight UTC)" in text
