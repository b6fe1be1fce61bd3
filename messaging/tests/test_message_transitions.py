"""Message status changes go through the core transition helper: the map, the refusal, one audit row each."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db.models import Exists
from django.urls import reverse

from campaigns.models import Campaign
from messaging import services
from messaging.models import Message
from messaging.signalhouse import sandbox_delivery_event
from messaging.sms import SandboxSms
from usdatabiz.core.errors import IllegalTransition
from usdatabiz.core.models import StateTransition
from usdatabiz.core.transitions import history

from .factories import sending_campaign

DAY = datetime(2026, 12, 1, 17, 0, tzinfo=UTC)  # 11:00 in Austin
SECRET = "test-signing-secret"


@pytest.fixture(autouse=True)
def _daytime(time_machine, settings):
    settings.SIGNALHOUSE_WEBHOOK_SECRET = SECRET
    time_machine.move_to(DAY)


@pytest.fixture
def campaign(team, operator):
    return sending_campaign(team, operator, 2)


def _moves(message) -> list[tuple[str, str, str]]:
    return [(row.from_state, row.to_state, row.actor_label) for row in history(message)]


def _report(client, message, *, failed: bool):
    headers, body = sandbox_delivery_event(message.external_id, SECRET, failed=failed)
    extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items() if k.lower() != "content-type"}
    return client.post(reverse("webhook-signalhouse"), data=body, content_type="application/json", **extra)


def test_a_campaign_send_writes_an_audit_row_for_the_claim_and_the_outcome(campaign):
    services.campaign_send_slice(campaign_id=campaign.pk, provider=SandboxSms(), now=DAY)

    messages = list(Message.objects.filter(campaign=campaign))
    assert len(messages) == 2
    for message in messages:
        assert message.status == "sent"
        assert _moves(message) == [("queued", "sending", "SYSTEM"), ("sending", "sent", "SYSTEM")]
        assert history(message).first().team_id == campaign.team_id


def test_an_illegal_move_is_refused_by_name_and_changes_nothing(campaign):
    services.campaign_send_slice(campaign_id=campaign.pk, provider=SandboxSms(), now=DAY)
    message = Message.objects.filter(campaign=campaign).first()
    services.message_delivery_update(external_id=message.external_id, status="DELIVERED")
    message.refresh_from_db()
    audit_rows = StateTransition.objects.count()

    with pytest.raises(IllegalTransition) as refused:
        services.message_transition(message=message, to=Message.Status.QUEUED, reason="try again")

    assert refused.value.code == "ILLEGAL_TRANSITION"
    assert (refused.value.extra["current"], refused.value.extra["target"]) == ("delivered", "queued")
    message.refresh_from_db()
    assert message.status == "delivered"
    assert StateTransition.objects.count() == audit_rows


def test_a_claim_whose_campaign_stopped_sending_moves_nothing_and_writes_no_row(campaign, team, operator):
    message = Message.objects.create(
        team=team, direction="outbound", kind="campaign", status="queued", campaign=campaign, from_number="5125550100",
        to_number="5125550999", body="hi", provider="sandbox", idempotency_key="k-paused",
    )  # fmt: skip
    Campaign.objects.filter(pk=campaign.pk).update(status="paused")
    sending = Exists(Campaign.objects.filter(pk=campaign.pk, status="sending"))

    with pytest.raises(IllegalTransition):
        services.message_transition(message=message, to=Message.Status.SENDING, where=sending)

    message.refresh_from_db()
    assert (message.status, message.attempts) == ("queued", 0)
    assert _moves(message) == []


def test_a_failure_report_and_a_late_delivery_receipt_by_the_signed_webhook(client, campaign):
    services.campaign_send_slice(campaign_id=campaign.pk, provider=SandboxSms(), now=DAY)
    message = Message.objects.filter(campaign=campaign).first()

    assert _report(client, message, failed=True).status_code == 200
    message.refresh_from_db()
    assert message.status == "failed"
    assert message.error_code
    assert _moves(message)[-1][:2] == ("sent", "failed")

    # the provider's lifecycle ends in DELIVERED or FAILED and reports arrive out of order: a DELIVERED receipt
    # after FAILED is acknowledged (never a 4xx the provider would give up on) and kept, the state stays final
    response = _report(client, message, failed=False)

    assert response.status_code == 200
    message.refresh_from_db()
    assert message.status == "failed"
    assert message.delivered_at is None
    assert message.metadata["lastReport"] == "DELIVERED"
    assert [(r["status"], r["kept"]) for r in message.metadata["lateReports"]] == [("DELIVERED", "failed")]
    assert [m[:2] for m in _moves(message)] == [("queued", "sending"), ("sending", "sent"), ("sent", "failed")]


def test_a_failure_report_after_delivery_leaves_it_delivered(campaign):
    services.campaign_send_slice(campaign_id=campaign.pk, provider=SandboxSms(), now=DAY)
    message = Message.objects.filter(campaign=campaign).first()

    services.message_delivery_update(external_id=message.external_id, status="DELIVERED")
    services.message_delivery_update(external_id=message.external_id, status="DELIVERED")  # a repeat
    services.message_delivery_update(external_id=message.external_id, status="FAILED", error_code="LATE")

    message.refresh_from_db()
    assert (message.status, message.error_code) == ("delivered", "")
    assert [m[:2] for m in _moves(message)][-1] == ("sent", "delivered")
    assert len([m for m in _moves(message) if m[1] == "delivered"]) == 1
    assert [(r["status"], r["errorCode"]) for r in message.metadata["lateReports"]] == [("FAILED", "LATE")]


def test_release_and_drop_are_audited_with_the_person_who_did_them(campaign, operator):
    services.campaign_send_slice(campaign_id=campaign.pk, provider=SandboxSms(), now=DAY)
    first, second = Message.objects.filter(campaign=campaign).order_by("pk")
    Campaign.objects.filter(pk=campaign.pk).update(status="sending")
    for message in (first, second):  # both left in flight by a worker that died
        Message.objects.filter(pk=message.pk).update(status="sending", sending_at=DAY - timedelta(hours=1))
    assert services.messages_hold_stale() == 2

    released = services.message_release(message=Message.objects.get(pk=first.pk), user=operator, provider=SandboxSms())
    services.message_drop(message=Message.objects.get(pk=second.pk), user=operator, note="arrived")

    assert released.status == "sent"
    assert _moves(released)[-3:] == [
        ("sending", "held", "SYSTEM"), ("held", "sending", operator.username), ("sending", "sent", "SYSTEM"),
    ]  # fmt: skip
    assert history(released).filter(actor=operator).count() == 1
    assert _moves(second)[-2:] == [("sending", "held", "SYSTEM"), ("held", "failed", operator.username)]
    with pytest.raises(services.SendError) as again:
        services.message_drop(message=Message.objects.get(pk=second.pk), user=operator)
    assert again.value.code == "NOT_HELD"


class _SlowSandbox(SandboxSms):
    """Accepts the text, but only after the stale-send sweep has held it (an answer slower than the sweep)."""

    def send_sms(self, **kwargs):
        Message.objects.filter(status="sending").update(sending_at=DAY - timedelta(hours=1))  # an hour passes
        assert services.messages_hold_stale() == 1
        return super().send_sms(**kwargs)


def test_an_answer_that_arrives_after_the_sweep_held_the_text_still_records_it_sent(campaign):
    services.campaign_send_slice(campaign_id=campaign.pk, provider=_SlowSandbox(), now=DAY, size=1)

    message = Message.objects.filter(campaign=campaign).order_by("pk").first()
    assert message.status == "sent"
    assert message.external_id
    assert [m[:2] for m in _moves(message)] == [("queued", "sending"), ("sending", "held"), ("held", "sent")]
    assert Message.objects.filter(campaign=campaign, status="sending").count() == 0
