"""Every way a single text can leave meets the same send-time checks as a campaign slice.

One person (Austin mobile, a lead of the team) answered a campaign's opener; the copilot drafted an answer. Then
their number is made unsendable in one way (opted out, held for opt-out review, marked do-not-call or
do-not-contact on another person of the team with the same number, said to accept no texts, or it is night where
they are) and an operator answers through one entry point: the reply box and the draft's approval on the inbox
page and in the workspace, the same through the API, and the release of a held text on the page and the API.
The sandbox provider records nothing it was not asked to send, so "blocked" means never sent. Compliance answers
(STOP confirmation, HELP) go to a suppressed number all the same, and another team's operator reaches nothing.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import api_client_for
from identity.models import Persona, PersonaPhone
from identity.tests.factories import person_with_contacts
from inbox.models import InboxItem
from inbox.tests.factories import replied_item
from messaging import services as messaging
from messaging.models import Message
from messaging.opt_out_reviews import opt_out_review_hold
from messaging.signalhouse import sandbox_inbound_event
from messaging.sms import SandboxSms
from messaging.sms.registry import webhook_secrets

DAY, NIGHT = "2026-12-01T17:00:00Z", "2026-12-02T05:00:00Z"  # 11:00 and 23:00 in Austin
EARLY_WEST = "2026-12-01T14:30:00Z"  # 8:30 in Austin, 6:30 in Los Angeles
LEFT = ("sent", "delivered", "sending", "queued")


@pytest.fixture
def item(team, operator, time_machine):
    time_machine.move_to(DAY)
    item = replied_item(team, operator, "Tell me more, what does it cost?")
    assert item.conversation_id
    return item


def _other_person_with(team, number: str, **marks):
    persona = person_with_contacts(team, "Housemate", "Same")
    if marks.get("do_not_contact"):
        Persona.objects.filter(pk=persona.pk).update(do_not_contact=True)
    PersonaPhone.objects.create(
        team=team, persona=persona, raw=number, normalized_number=number, phone_type="mobile", is_valid=True,
        do_not_call=marks.get("do_not_call", False),
    )  # fmt: skip


def _opted_out(team, item, time_machine):
    messaging.suppression_add(team=team, number=item.phone_number, reason="opt_out")


def _held_for_review(team, item, time_machine):
    opt_out_review_hold(team=team, number=item.phone_number, text="maybe stop?", reason="uncertain")


def _dnc_on_another_person(team, item, time_machine):
    _other_person_with(team, item.phone_number, do_not_call=True)


def _do_not_contact_another_person(team, item, time_machine):
    _other_person_with(team, item.phone_number, do_not_contact=True)


def _not_textable(team, item, time_machine):
    messaging.suppression_add(team=team, number=item.phone_number, reason="not_textable")


def _night_in_austin(team, item, time_machine):
    time_machine.move_to(NIGHT)


def _early_where_they_live(team, item, time_machine):
    Persona.objects.filter(pk=item.persona_id).update(zip5="90012")  # Los Angeles, an Austin mobile
    time_machine.move_to(EARLY_WEST)


CONDITIONS = {
    "opted_out": (_opted_out, "OPTED_OUT"),
    "opt_out_review": (_held_for_review, "OPT_OUT_REVIEW"),
    "dnc_other_person": (_dnc_on_another_person, "DNC_BLOCKED"),
    "do_not_contact_other_person": (_do_not_contact_another_person, "DO_NOT_CONTACT"),
    "not_textable": (_not_textable, "NOT_TEXTABLE"),
    "night": (_night_in_austin, "QUIET_HOURS"),
    "early_where_they_live": (_early_where_they_live, "QUIET_HOURS"),
}


def _item_page(client, user, item):
    client.force_login(user)
    return client.post(reverse("inbox:item-reply", args=[item.pk]), {"text": "Here is the price list."})


def _item_page_draft(client, user, item):
    client.force_login(user)
    return client.post(
        reverse("inbox:item-reply", args=[item.pk]), {"text": item.suggested_text, "from_suggestion": "on"}
    )


def _item_api(client, user, item):
    return api_client_for(user).post(
        f"/api/v1/inbox-items/{item.pk}/reply/", {"text": "Here is the price list."}, format="json"
    )


def _item_api_draft(client, user, item):
    return api_client_for(user).post(
        f"/api/v1/inbox-items/{item.pk}/reply/", {"text": item.suggested_text, "from_suggestion": True}, format="json"
    )


def _workspace_reply(client, user, item):
    client.force_login(user)
    return client.post(reverse("inbox:conversation-reply", args=[item.conversation_id]), {"text": "Price list."})


def _workspace_draft(client, user, item):
    client.force_login(user)
    return client.post(reverse("inbox:conversation-approve-draft", args=[item.conversation_id]), {})


def _conversation_api_reply(client, user, item):
    return api_client_for(user).post(
        f"/api/v1/conversations/{item.conversation_id}/reply/", {"text": "Price list."}, format="json"
    )


def _conversation_api_draft(client, user, item):
    return api_client_for(user).post(f"/api/v1/conversations/{item.conversation_id}/approve-draft/", {}, format="json")


REPLY_PATHS = {
    "inbox_page": _item_page,
    "inbox_page_draft": _item_page_draft,
    "inbox_api": _item_api,
    "inbox_api_draft": _item_api_draft,
    "workspace_reply": _workspace_reply,
    "workspace_draft": _workspace_draft,
    "conversation_api_reply": _conversation_api_reply,
    "conversation_api_draft": _conversation_api_draft,
}


@pytest.mark.parametrize("unsendable", CONDITIONS)
@pytest.mark.parametrize("entry", REPLY_PATHS)
def test_a_reply_is_refused_from_every_entry_point(client, team, operator, item, time_machine, entry, unsendable):
    assert InboxItem.objects.get(pk=item.pk).suggestion_status == "pending"  # the draft waits for approval
    make, code = CONDITIONS[unsendable]
    make(team, item, time_machine)

    REPLY_PATHS[entry](client, operator, InboxItem.objects.get(pk=item.pk))

    replies = Message.objects.filter(kind="reply")
    assert list(replies.values_list("status", "error_code")) == [("blocked", code)]


@pytest.mark.parametrize("entry", REPLY_PATHS)
def test_the_same_reply_goes_when_nothing_stands_in_the_way(client, operator, item, entry):
    REPLY_PATHS[entry](client, operator, InboxItem.objects.get(pk=item.pk))

    assert list(Message.objects.filter(kind="reply").values_list("status", flat=True)) == ["sent"]


@pytest.mark.parametrize("entry", REPLY_PATHS)
def test_another_teams_operator_reaches_nothing(client, outsider, item, entry):
    response = REPLY_PATHS[entry](client, outsider, InboxItem.objects.get(pk=item.pk))

    assert response.status_code == 404
    assert not Message.objects.filter(kind="reply").exists()


@pytest.fixture(params=["opener", "reply"])
def held(request, team, operator, item):
    """The campaign's opener to the person, or a reply to them, left in flight by a worker that died and held for a
    person by ``messages_hold_stale``."""
    if request.param == "opener":
        message = item.message.reply_to
    else:
        message = messaging.message_send(
            team=team, to_number=item.phone_number, body="Price list.", kind="reply", key="held-reply",
            approved_by=operator, reply_to=item.message, lead=item.lead, persona_id=item.persona_id,
            provider=SandboxSms(),
        )  # fmt: skip
    assert (message.kind, message.to_number) == (
        "campaign" if request.param == "opener" else "reply",
        item.phone_number,
    )
    Message.objects.filter(pk=message.pk).update(status="sending", sending_at=timezone.now() - timedelta(hours=1))
    assert messaging.messages_hold_stale() == 1
    message.refresh_from_db()
    return message


def _release_on_the_page(client, user, message):
    client.force_login(user)
    return client.post(reverse("messaging:message-release", args=[message.pk]))


def _release_by_api(client, user, message):
    return api_client_for(user).post(f"/api/v1/messages/{message.pk}/release/")


RELEASES = {"page": _release_on_the_page, "api": _release_by_api}


@pytest.mark.parametrize("unsendable", CONDITIONS)
@pytest.mark.parametrize("releaser", RELEASES)
def test_a_held_text_is_not_released_to_a_number_it_may_not_reach(
    client, team, operator, item, held, time_machine, releaser, unsendable
):
    make, code = CONDITIONS[unsendable]
    make(team, item, time_machine)

    RELEASES[releaser](client, operator, held)

    held.refresh_from_db()
    assert held.status in ("held", "blocked")
    assert held.status == "held" if code == "QUIET_HOURS" else (held.status, held.error_code) == ("blocked", code)


@pytest.mark.parametrize("releaser", RELEASES)
def test_another_teams_operator_cannot_release_a_held_text(client, outsider, held, releaser):
    response = RELEASES[releaser](client, outsider, held)

    assert response.status_code == 404
    held.refresh_from_db()
    assert held.status == "held"


@pytest.mark.parametrize(("text", "keyword"), [("STOP", "STOP"), ("HELP", "HELP")])
def test_compliance_answers_go_to_a_number_no_other_text_may_reach(client, team, item, time_machine, text, keyword):
    time_machine.move_to(NIGHT)  # quiet hours do not hold a compliance answer
    _held_for_review(team, item, time_machine)
    _dnc_on_another_person(team, item, time_machine)
    if keyword == "HELP":
        _opted_out(team, item, time_machine)
    secret = webhook_secrets("signalhouse")[0]
    headers, body = sandbox_inbound_event(item.phone_number, item.message.to_number, text, secret)
    extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items()}
    client.post(reverse("webhook-signalhouse"), data=body, content_type="application/json", **extra)

    answers = Message.objects.filter(kind="compliance", to_number=item.phone_number)
    assert list(answers.values_list("status", "metadata__keyword")) == [("sent", keyword)]
