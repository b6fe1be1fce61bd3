"""One way to change state: data sources, leads, campaigns, texts and conversations all move through
``usdatabiz.core.transitions.transition``, each move leaving one ``StateTransition`` row in the same transaction,
and a move the model's map forbids changes nothing."""

import pytest

from campaigns.models import Campaign
from campaigns.services import campaign_transition
from inbox.models import Conversation
from inbox.tests.test_conversations import _secret, robin, say  # noqa: F401 - fixtures and helper
from ingestion.services import data_source_create, data_source_transition
from ingestion.tests.factories import csv_bytes, upload
from leads.models import Lead
from usdatabiz.core.errors import IllegalTransition
from usdatabiz.core.models import StateTransition
from usdatabiz.core.transitions import history

pytestmark = pytest.mark.django_db


def moves(obj) -> list[tuple[str, str]]:
    return list(history(obj).order_by("created_at", "id").values_list("from_state", "to_state"))


def test_a_data_source_moves_with_an_audit_row_and_refuses_what_its_map_forbids(team, operator):
    source = data_source_create(team=team, file=upload(csv_bytes()), uploaded_by=operator, start=False)
    data_source_transition(data_source=source, to="processing")
    data_source_transition(data_source=source, to="failed", error_code="CSV_PARSE_ERROR", error_message="bad")

    assert moves(source) == [("uploaded", "processing"), ("processing", "failed")]
    assert history(source).last().reason == "CSV_PARSE_ERROR: bad"
    with pytest.raises(IllegalTransition):
        data_source_transition(data_source=source, to="completed")
    source.refresh_from_db()
    assert source.status == "failed"
    assert history(source).count() == 2


def test_a_campaign_its_lead_its_text_and_the_conversation_each_leave_their_audit_rows(client, robin, operator):  # noqa: F811
    campaign = Campaign.objects.get(pk=robin.campaign_id)
    assert moves(campaign) == [
        ("draft", "staged"), ("staged", "approved"), ("approved", "sending"), ("sending", "completed"),
    ]  # fmt: skip
    assert history(campaign).get(to_state="approved").actor == operator
    with pytest.raises(IllegalTransition):
        campaign_transition(campaign=campaign, to="draft", actor=operator)
    assert history(campaign).count() == 4

    say(client, robin, "Sounds interesting, tell me more")

    lead = Lead.objects.get(pk=robin.lead_id)
    assert moves(lead) == [("new", "contacted"), ("contacted", "replied")]
    assert moves(robin)[-1][1] == "sent"
    assert all(row.team_id == robin.team_id for row in history(robin))
    conversation = Conversation.objects.get(contact_number=robin.to_number)
    conversation_before = history(conversation).count()
    from inbox.services import conversation_close

    conversation_close(conversation=conversation, user=operator, disposition="booked")
    row = history(conversation).get(to_state="closed")
    assert (row.from_state, row.actor, row.reason) == ("open", operator, "booked")
    assert history(conversation).count() == conversation_before + 1
    subjects = set(StateTransition.objects.values_list("subject_type", flat=True))
    assert subjects >= {"campaigns.campaign", "leads.lead", "messaging.message", "inbox.conversation"}
