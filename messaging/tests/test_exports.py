"""CSV exports of the suppression list and of conversations with their texts: filtered, streamed, formula-safe."""

import csv
import io

import pytest
from django.urls import reverse

from conftest import api_client_for
from inbox.tests.factories import replied_item
from messaging.models import Suppression
from messaging.services import suppression_add, suppression_lift


def _rows(response) -> list[list[str]]:
    assert response.streaming
    return list(csv.reader(io.StringIO(b"".join(response).decode())))


def test_the_suppression_export_lists_the_teams_numbers_like_the_page(team, other_team, operator, operator_client):
    kept = suppression_add(team=team, number="5125550101", reason=Suppression.Reason.MANUAL, note="-2+3")
    suppression_add(team=team, number="5125550102", reason=Suppression.Reason.OPT_OUT)
    suppression_lift(team=team, number="5125550102", reason="START")
    suppression_add(team=other_team, number="3125550199", reason=Suppression.Reason.MANUAL)

    active = _rows(operator_client.get(reverse("messaging:suppression-export")))
    every = _rows(api_client_for(operator).get("/api/v1/suppressions/export/", {"all": "1"}))

    assert [(row[0], row[1], row[5]) for row in active[1:]] == [(kept.pk, "5125550101", "'-2+3")]
    assert sorted(row[1] for row in every[1:]) == ["5125550101", "5125550102"]


@pytest.fixture
def conversation(team, operator, time_machine):
    time_machine.move_to("2026-12-01T17:00:00Z")
    from messaging.models import MessagingSettings

    MessagingSettings.objects.update_or_create(team=team, defaults={"quiet_start_hour": 0, "quiet_end_hour": 24})
    return replied_item(team, operator, "=cmd|' /C calc'!A0 yes please")


def test_conversations_export_with_every_text_filtered_like_the_inbox(team, operator, operator_client, conversation):
    page = _rows(operator_client.get(reverse("inbox:item-export"), {"q": conversation.phone_number}))
    api = _rows(api_client_for(operator).get("/api/v1/inbox-items/export/", {"q": conversation.phone_number}))
    none = _rows(operator_client.get(reverse("inbox:item-export"), {"q": "nobody-here"}))

    assert page == api
    texts = page[1:]
    assert [row[9] for row in texts] == ["outbound", "inbound"]  # the opener, then the reply
    assert {row[0] for row in texts} == {conversation.pk}
    assert texts[1][14].startswith("'=cmd")
    assert none == [page[0]]
