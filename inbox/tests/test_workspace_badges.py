"""The thread's contact box marks a number opted out while it is suppressed for this team, and only then."""

import pytest
from django.urls import reverse

from inbox.models import Conversation
from messaging import services as messaging

from .test_conversations import _secret, robin, say  # noqa: F401 - fixtures and helper

pytestmark = pytest.mark.django_db
BADGE = '<span class="badge blocked">opted out</span>'


def _thread(client, conversation) -> str:
    return client.get(reverse("inbox:workspace") + f"?c={conversation.pk}").content.decode()


def test_the_opted_out_badge_clears_once_start_resubscribes_the_number(client, robin, operator, team):  # noqa: F811
    client.force_login(operator)
    say(client, robin, "Sounds interesting")
    conversation = Conversation.objects.get(contact_number=robin.to_number)
    assert BADGE not in _thread(client, conversation)

    say(client, robin, "STOP")
    assert messaging.is_suppressed(team=team, number=robin.to_number)
    assert BADGE in _thread(client, conversation)

    say(client, robin, "START")
    assert not messaging.is_suppressed(team=team, number=robin.to_number)
    for each in Conversation.objects.filter(contact_number=robin.to_number):
        assert BADGE not in _thread(client, each)


def test_another_teams_opt_out_shows_no_badge_here(client, robin, operator, other_team):  # noqa: F811
    client.force_login(operator)
    say(client, robin, "Sounds interesting")
    conversation = Conversation.objects.get(contact_number=robin.to_number)

    messaging.suppression_add(team=other_team, number=robin.to_number, reason="opt_out")

    assert BADGE not in _thread(client, conversation)
