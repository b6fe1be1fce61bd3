"""The conversation list pages by keyset (cursor), on the workspace and in the API: no row lost or repeated
across pages (ties and rows without activity included), one cost whatever the page, and a bad cursor named."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator

from conftest import api_client_for
from identity.tests.factories import BusinessFactory, PersonaFactory
from inbox import selectors
from inbox.models import Conversation
from leads.models import Lead
from usdatabiz.core.pagination import CURSOR_PATTERN, cursor_encode

pytestmark = pytest.mark.django_db

AT = datetime(2026, 12, 1, 17, 0, tzinfo=UTC)
LIST = "/api/v1/conversations/"


def _conversations(team, operator, count: int, *, start: int = 0) -> list[Conversation]:
    """``count`` open conversations, each with a person, a business and (every third) an assignee; several share
    one time (ties broken by id) and two have no activity yet."""
    made = []
    for n in range(start, start + count):
        persona = PersonaFactory(team=team, first_name=f"P{n}")
        lead = Lead.objects.create(team=team, persona=persona, business=BusinessFactory(team=team))
        when = None if n % 50 == 7 else AT - timedelta(minutes=n // 3)  # three to a minute: ties
        made.append(
            Conversation.objects.create(
                team=team, contact_number=f"51255{n:05d}", status="open", lead=lead, persona=persona,
                assignee=operator if n % 3 == 0 else None, last_message_at=when, last_text=f"text {n}",
            )
        )  # fmt: skip
    return made


def _expected(team) -> list[str]:
    rows = Conversation.objects.filter(team=team).values_list("pk", "last_message_at")
    dated = sorted((r for r in rows if r[1] is not None), key=lambda r: (r[1], r[0]), reverse=True)
    undated = sorted((r for r in rows if r[1] is None), key=lambda r: r[0], reverse=True)
    return [pk for pk, _ in undated + dated]


def _list_page(client, **params):
    response = client.get(reverse("inbox:workspace-list"), {"bucket": "all", **params})
    assert response.status_code == 200
    return response.context["page_obj"]


def test_walking_older_then_newer_visits_every_conversation_once_in_order(client, team, operator):
    _conversations(team, operator, 120)
    client.force_login(operator)

    pages, cursor = [], None
    while True:
        page = _list_page(client, **({"cursor": cursor} if cursor else {}))
        pages.append([c.pk for c in page])
        if not page.has_next:
            break
        cursor = page.next_cursor

    assert [len(p) for p in pages] == [50, 50, 20]
    assert [pk for p in pages for pk in p] == _expected(team)
    back = _list_page(client, cursor=page.previous_cursor)
    assert [c.pk for c in back] == pages[1]
    first = _list_page(client, cursor=back.previous_cursor)
    assert [c.pk for c in first] == pages[0]
    assert not first.has_previous


def test_a_conversation_with_new_activity_does_not_shift_the_older_pages(client, team, operator):
    made = _conversations(team, operator, 110)
    client.force_login(operator)
    first = _list_page(client)
    second_before = [c.pk for c in _list_page(client, cursor=first.next_cursor)]

    moved = Conversation.objects.get(pk=made[0].pk)  # on page 1: a new reply brings it to the top again
    Conversation.objects.filter(pk=moved.pk).update(last_message_at=AT + timedelta(hours=1))

    assert [c.pk for c in _list_page(client, cursor=first.next_cursor)] == second_before


def test_the_list_costs_the_same_few_queries_on_every_page(client, team, operator, django_assert_max_num_queries):
    _conversations(team, operator, 160)
    client.force_login(operator)
    first = _list_page(client)
    deep = _list_page(client, cursor=_list_page(client, cursor=first.next_cursor).next_cursor)
    assert len(first) == 50

    # session, user, membership, the page (joined: person, business, assignee, campaign), counts; never one per row
    for cursor in (None, first.next_cursor, deep.previous_cursor, deep.next_cursor):
        with django_assert_max_num_queries(8) as captured:
            _list_page(client, **({"cursor": cursor} if cursor else {}))
        selects = [q["sql"] for q in captured.captured_queries if 'FROM "inbox_conversation"' in q["sql"]]
        assert len(selects) == 2, selects  # the page itself and the bucket counts
        assert "OFFSET" not in " ".join(selects)


def test_a_cursor_that_was_not_given_out_is_a_400_naming_it(client, team, operator):
    _conversations(team, operator, 3)
    client.force_login(operator)
    api = api_client_for(operator)

    for bad in ("nonsense", cursor_encode("x", AT, "cnv_01ABC"), "bnwgfA", "n" * 300):
        page = client.get(reverse("inbox:workspace-list"), {"cursor": bad})
        assert page.status_code == 400
        assert b"INVALID_CURSOR" in page.content
        whole = client.get(reverse("inbox:workspace"), {"cursor": bad})
        assert whole.status_code == 400
        refused = api.get(LIST, {"cursor": bad})
        assert refused.status_code == 400
        assert "cursor" in refused.json()
    assert api.get(LIST, {"cursor": ""}).status_code == 400  # the schema's pattern: an empty cursor is none
    assert api.get(LIST, {"status": ""}).status_code == 200  # an empty filter means any (allowEmptyValue)
    assert api.get(LIST, {"status": "nope"}).status_code == 400
    offset = api.get(LIST, {"offset": 50})
    assert offset.status_code == 400
    assert "offset" in offset.json()


def test_the_api_pages_by_cursor_at_one_cost(team, operator, django_assert_max_num_queries):
    _conversations(team, operator, 45)
    api = api_client_for(operator)

    seen, url, costs = [], f"{LIST}?limit=20", []
    while url:
        with django_assert_max_num_queries(12) as captured:
            body = api.get(url).json()
        costs.append(len(captured.captured_queries))
        assert set(body) == {"next", "previous", "results"}
        seen += [row["id"] for row in body["results"]]
        url = body["next"]

    assert seen == _expected(team)
    assert len(set(costs)) == 1, costs
    mine = api.get(LIST, {"assignee": "me", "limit": 10}).json()
    mine_next = api.get(mine["next"]).json()
    assert {row["assignee"] for row in mine["results"] + mine_next["results"]} == {operator.username}


def test_a_cursor_reads_only_the_callers_team(team, operator, other_team, outsider):
    made = _conversations(team, operator, 5)
    _conversations(other_team, None, 2, start=100)
    cursor = cursor_encode("n", made[0].last_message_at + timedelta(days=1), made[0].pk)

    body = api_client_for(outsider).get(LIST, {"cursor": cursor}).json()

    assert {row["contact_number"] for row in body["results"]} == {"5125500100", "5125500101"}


def test_the_schema_documents_the_cursor_and_no_offset():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    params = {p["name"]: p for p in schema["paths"][LIST]["get"]["parameters"]}

    assert "offset" not in params
    assert "`next`" in params["cursor"]["description"]
    assert params["cursor"]["schema"]["pattern"] == CURSOR_PATTERN
    page = schema["components"]["schemas"]["PaginatedConversationList"]
    assert set(page["properties"]) == {"next", "previous", "results"}


def test_bucket_counts_are_exact_under_the_cap_and_marked_past_it(client, team, operator, other_team, monkeypatch):
    made = _conversations(team, operator, 6)  # open; conversations 0 and 3 assigned to the operator
    _conversations(other_team, None, 4, start=100)
    Conversation.objects.filter(pk__in=[made[1].pk, made[2].pk]).update(unread=2)
    Conversation.objects.filter(pk=made[5].pk).update(status="waiting")
    Conversation.objects.filter(pk=made[4].pk).update(status="closed", unread=5)  # closed: not counted

    counts = selectors.conversation_counts(team=team, user=operator)

    assert counts == {"open": 4, "mine": 2, "unassigned": 2, "waiting": 1, "snoozed": 0, "unread": 4, "over": []}
    monkeypatch.setattr(selectors, "COUNT_CAP", 3)
    capped = selectors.conversation_counts(team=team, user=operator)
    assert (capped["open"], capped["mine"], capped["over"]) == (3, 2, ["open"])
    client.force_login(operator)
    assert "3+ waiting on us" in client.get(reverse("inbox:workspace-list")).content.decode()
