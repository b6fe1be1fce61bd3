"""The workspace page: the list with its buckets and filters, the thread and contact, the actions by form."""

import pytest
from django.urls import reverse

from inbox.models import CallQueueEntry, Conversation, OperatorSettings, SavedReply

from .test_conversations import _secret, robin, say  # noqa: F401 - fixtures and helper

pytestmark = pytest.mark.django_db


def _open(client, robin, text="Sounds interesting, tell me more"):  # noqa: F811
    say(client, robin, text)
    return Conversation.objects.get(contact_number=robin.to_number)


def test_the_list_shows_the_conversation_and_the_thread_its_texts_contact_and_draft(client, robin, operator):  # noqa: F811
    conversation = _open(client, robin)
    client.force_login(operator)

    page = client.get(reverse("inbox:workspace")).content.decode()
    assert 'data-testid="conversation-row"' in page
    assert f'data-id="{conversation.pk}"' in page
    assert "(1) Inbox" in page  # one unread text, in the title
    assert 'id="workspace-banners"' in page

    thread = client.get(reverse("inbox:workspace") + f"?c={conversation.pk}").content.decode()
    assert "Sounds interesting, tell me more" in thread
    assert 'data-testid="draft-text"' in thread
    assert f'href="tel:+1{robin.to_number}"' in thread
    assert 'data-testid="timeline"' in thread
    assert "Lead score" in thread
    conversation.refresh_from_db()
    assert conversation.unread == 0  # opened, so read


def test_buckets_search_and_the_htmx_list(client, robin, operator):  # noqa: F811
    conversation = _open(client, robin)
    client.force_login(operator)
    url = reverse("inbox:workspace-list")

    assert conversation.pk in client.get(url, {"bucket": "unassigned"}).content.decode()
    assert conversation.pk not in client.get(url, {"bucket": "mine"}).content.decode()
    assert conversation.pk in client.get(url, {"q": robin.to_number[-4:]}).content.decode()
    assert conversation.pk in client.get(url, {"q": "interesting"}).content.decode()
    assert conversation.pk not in client.get(url, {"q": "zebra"}).content.decode()

    client.post(reverse("inbox:conversation-assign-me", args=[conversation.pk]), HTTP_HX_REQUEST="true")
    assert conversation.pk in client.get(url, {"bucket": "mine"}).content.decode()
    assert conversation.pk not in client.get(url, {"bucket": "unassigned"}).content.decode()


def test_actions_by_form_note_snooze_callback_close(client, robin, operator, time_machine):  # noqa: F811
    conversation = _open(client, robin, "Yes, call me")
    client.force_login(operator)

    def act(name, **data):
        return client.post(
            reverse(f"inbox:conversation-{name}", args=[conversation.pk]), data, HTTP_HX_REQUEST="true"
        ).content.decode()

    assert "call her after lunch" in act("note", text="call her after lunch")
    assert "INVALID_CALLBACK" in act("callback", when="whenever")
    act("callback", when="tomorrow at 2pm")
    entry = CallQueueEntry.objects.get(item__conversation=conversation)
    # 17:00 UTC on Dec 1 is 11:00 in Austin (512): tomorrow at 2pm there is 20:00 UTC on Dec 2
    assert entry.callback_at.isoformat() == "2026-12-02T20:00:00+00:00"
    act("snooze", until="2026-12-01T15:00")  # the operator's clock (team default: New York): 20:00 UTC
    conversation.refresh_from_db()
    assert (conversation.status, conversation.snoozed_until.isoformat()) == ("snoozed", "2026-12-01T20:00:00+00:00")
    assert "INCOMPLETE_NOTES" in act("close", disposition="")
    act("close", disposition="booked")
    conversation.refresh_from_db()
    assert (conversation.status, conversation.disposition) == ("closed", "booked")


def test_times_follow_the_person_and_saved_replies_fill_merge_fields(client, robin, operator, team):  # noqa: F811
    conversation = _open(client, robin)
    SavedReply.objects.create(team=team, title="Intro", text="Hi {first_name}, this is {team}.")
    client.force_login(operator)
    page = client.get(reverse("inbox:workspace") + f"?c={conversation.pk}").content.decode()
    first = conversation.lead.persona.first_name
    assert f"Hi {first}, this is {team.name}." in page
    assert "12:00 PM EST" in page  # 17:00 UTC in the team's default zone

    response = client.post(reverse("inbox:workspace-settings"), {"what": "own_zone", "time_zone": "America/Denver"})
    assert response.status_code == 302
    assert OperatorSettings.objects.get(user=operator).time_zone == "America/Denver"
    page = client.get(reverse("inbox:workspace") + f"?c={conversation.pk}").content.decode()
    assert "10:00 AM MST" in page


def test_a_viewer_sees_but_cannot_act(client, robin, viewer):  # noqa: F811
    conversation = _open(client, robin)
    client.force_login(viewer)
    assert client.get(reverse("inbox:workspace")).status_code == 200
    response = client.post(reverse("inbox:conversation-close", args=[conversation.pk]), {"disposition": "booked"})
    assert response.status_code == 403
    conversation.refresh_from_db()
    assert conversation.status == "open"


def test_the_contact_and_one_timeline_show_everything_about_the_person(client, robin, operator, team):  # noqa: F811
    from identity.models import PersonaMergeHistory, PersonaPhone
    from identity.tests.factories import PersonaFactory
    from inbox import services
    from leads.models import Lead

    conversation = _open(client, robin, "Yes, call me")
    lead = conversation.lead
    persona = lead.persona
    type(persona).objects.filter(pk=persona.pk).update(source_file="acme-list.csv", source_record_id=42)
    twin = PersonaFactory(team=team, first_name=persona.first_name, last_name=persona.last_name)
    PersonaMergeHistory.objects.create(team=team, survivor=persona, merged=twin, match_score=0.97)
    Lead.objects.filter(pk=lead.pk).update(
        traced_at=conversation.created_at, tags=["owner", "hot-zip"], score_breakdown={"title": 20}
    )
    PersonaPhone.objects.filter(persona=persona).update(do_not_call=True)
    client.force_login(operator)

    def act(name, **data):
        return client.post(reverse(f"inbox:conversation-{name}", args=[conversation.pk]), data, HTTP_HX_REQUEST="true")

    act("callback", when="tomorrow at 2pm")
    entry = CallQueueEntry.objects.get(item__conversation=conversation)
    services.call_queue_attempt(entry=entry, user=operator, outcome="voicemail")
    act("note", text="asked for the owner")
    act("close", disposition="booked", notes="demo on Friday")

    page = client.get(reverse("inbox:workspace") + f"?c={conversation.pk}").content.decode()
    contact = page[page.index('data-testid="contact"') :]
    timeline = contact[contact.index('data-testid="timeline"') :]
    assert lead.business.name in contact
    for expected in (
        "owner", "hot-zip", "title: 20", "DNC", f"tel:+1{robin.to_number}",
    ):  # fmt: skip
        assert expected in contact, expected
    for expected in (
        "Loaded from acme-list.csv row 42",
        "merge (system)",
        "Skip traced",
        f"→ {robin.body[:30]}",  # our opener
        "← Yes, call me",
        "call back Dec 2, 3:00 PM EST",  # 2pm in Austin, on the operator's clock (New York)
        "olivia called: voicemail",
        "olivia: asked for the owner",
        "open → closed by olivia (booked: demo on Friday)",
    ):
        assert expected in timeline, expected


def test_a_callback_shows_in_the_call_queue_at_its_time_with_a_tel_link(client, robin, operator):  # noqa: F811
    from conftest import api_client_for

    conversation = _open(client, robin)
    client.force_login(operator)
    client.post(
        reverse("inbox:conversation-callback", args=[conversation.pk]), {"when": "tomorrow at 2pm"},
        HTTP_HX_REQUEST="true",
    )  # fmt: skip

    page = client.get(reverse("inbox:call-queue")).content.decode()
    row = page[page.index('data-testid="call-queue"') :]
    assert "Dec 2, 3:00 PM EST" in row  # 20:00 UTC: 2pm in Austin, shown on the operator's clock
    assert f'href="tel:+1{robin.to_number}"' in row
    assert f"?c={conversation.pk}" in row
    (entry,) = api_client_for(operator).get("/api/v1/call-queue/").json()["results"]
    assert entry["callback_at"] == "2026-12-02T20:00:00Z"


def test_the_list_filters_by_assignee_intent_and_campaign_and_finds_names_and_businesses(client, robin, operator):  # noqa: F811
    conversation = _open(client, robin)
    persona, business = conversation.lead.persona, conversation.lead.business
    client.force_login(operator)
    url = reverse("inbox:workspace-list")

    def found(**query):
        return conversation.pk in client.get(url, query).content.decode()

    for query in (
        {"q": persona.first_name}, {"q": persona.last_name}, {"q": f"{persona.first_name} {persona.last_name}"},
        {"q": business.name}, {"intent": conversation.intent}, {"campaign": conversation.campaign_id},
        {"assignee": "none"}, {"bucket": "all"},
    ):  # fmt: skip
        assert found(**query), query
    for query in (
        {"q": "Nobody Atall"}, {"intent": "hostile"}, {"campaign": "cmp_none"}, {"assignee": operator.username},
        {"bucket": "closed"}, {"bucket": "waiting"},
    ):  # fmt: skip
        assert not found(**query), query

    client.post(reverse("inbox:conversation-assign-me", args=[conversation.pk]), HTTP_HX_REQUEST="true")
    assert found(assignee=operator.username)
    assert not found(assignee="none")
    client.post(reverse("inbox:conversation-assign", args=[conversation.pk]), {"assignee": ""}, HTTP_HX_REQUEST="true")
    assert found(bucket="unassigned")


def test_a_person_without_a_zone_of_their_own_sees_the_teams(client, robin, operator, team_admin):  # noqa: F811
    from inbox.models import InboxSettings

    conversation = _open(client, robin)
    client.force_login(operator)
    response = client.post(
        reverse("inbox:workspace-settings"), {"what": "team", "time_zone": "America/Los_Angeles", "round_robin": "on"}
    )
    assert response.status_code == 302
    assert InboxSettings.objects.filter(team=conversation.team, round_robin=True).exists()
    thread = reverse("inbox:workspace") + f"?c={conversation.pk}"
    assert "9:00 AM PST" in client.get(thread).content.decode()  # 17:00 UTC

    client.force_login(team_admin)
    assert "9:00 AM PST" in client.get(thread).content.decode()
    client.post(reverse("inbox:workspace-settings"), {"what": "own_zone", "time_zone": "America/Chicago"})
    assert "11:00 AM CST" in client.get(thread).content.decode()


def test_the_polled_thread_says_when_its_state_moved_on(client, robin, operator):  # noqa: F811
    from inbox.services import conversation_close
    from inbox.workspace import thread_state

    conversation = _open(client, robin)
    client.force_login(operator)
    url = reverse("inbox:conversation-messages", args=[conversation.pk])
    shown = thread_state(conversation)

    assert "HX-Trigger" not in client.get(url, {"state": shown}, HTTP_HX_REQUEST="true").headers
    conversation_close(conversation=conversation, user=None, disposition="opted_out")
    changed = client.get(url, {"state": shown}, HTTP_HX_REQUEST="true")
    assert changed.headers["HX-Trigger"] == "thread-changed"


def test_the_one_reply_page_links_to_its_conversation_and_shows_times_in_the_one_format(client, robin, operator):  # noqa: F811
    item = say(client, robin, "Sounds interesting, tell me more")
    client.force_login(operator)

    page = client.get(reverse("inbox:item-detail", args=[item.pk])).content.decode()
    assert f"{reverse('inbox:workspace')}?c={item.conversation_id}" in page
    assert f'href="tel:+1{robin.to_number}"' in page
    assert "Dec 1, 12:00 PM EST" in page  # 17:00 UTC on the team's default clock
    listing = client.get(reverse("inbox:item-list")).content.decode()
    assert "Dec 1, 12:00 PM EST" in listing


def test_a_callback_in_a_zone_the_operator_names_is_read_on_that_clock(client, robin, operator):  # noqa: F811
    conversation = _open(client, robin)
    client.force_login(operator)
    client.post(
        reverse("inbox:conversation-callback", args=[conversation.pk]), {"when": "tomorrow at 9am pacific"},
        HTTP_HX_REQUEST="true",
    )  # fmt: skip
    entry = CallQueueEntry.objects.get(item__conversation=conversation)
    assert entry.callback_at.isoformat() == "2026-12-02T17:00:00+00:00"  # 9am PST, not 9am on the contact's clock
    assert conversation.events.get(action="callback").detail["zone"] == "America/Los_Angeles"


def test_a_callback_is_read_on_the_contacts_own_clock_from_their_zip(client, robin, operator):  # noqa: F811
    from identity.models import Persona

    conversation = _open(client, robin)
    # a Texas business and a 512 number, but the person lives in Denver (ZIP 80202): their clock decides
    Persona.objects.filter(pk=conversation.lead.persona_id).update(zip5="80202")
    client.force_login(operator)
    client.post(
        reverse("inbox:conversation-callback", args=[conversation.pk]), {"when": "tomorrow at 2pm"},
        HTTP_HX_REQUEST="true",
    )  # fmt: skip
    entry = CallQueueEntry.objects.get(item__conversation=conversation)
    assert entry.callback_at.isoformat() == "2026-12-02T21:00:00+00:00"  # 2pm MST
    event = conversation.events.get(action="callback")
    assert event.detail["zone"] == "America/Denver"
