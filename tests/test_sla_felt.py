"""The SLA as a person feels it, end to end: a reply the provider stamped 40 s before it reached us makes
stage 8 late (alert at 30 s) although its run took milliseconds; classification is measured from the reply."""

import time

import pytest
from django.urls import reverse

from inbox.models import InboxItem
from messaging import services as messaging
from messaging.models import Message
from messaging.signalhouse import sandbox_inbound_event
from messaging.sms import SandboxSms
from messaging.tests.factories import sending_campaign
from usdatabiz.core import alerts
from usdatabiz.core.models import Alert, StageRun

SECRET = "test-signing-secret"
OURS = "5125550100"


@pytest.fixture(autouse=True)
def _secret(settings, time_machine):
    settings.SIGNALHOUSE_WEBHOOK_SECRET = SECRET
    time_machine.move_to("2026-12-01T17:00:00Z", tick=True)


def _reply(client, to_number, text, *, sent_ms):
    headers, body = sandbox_inbound_event(to_number, OURS, text, SECRET, now_ms=sent_ms)
    extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items() if k.lower() != "content-type"}
    return client.post(reverse("webhook-signalhouse"), data=body, content_type="application/json", **extra)


def test_a_reply_delayed_before_it_reached_us_is_a_late_stage_8(client, team, operator):
    # given a campaign whose openers went out (the approval is stage 7's trigger)
    campaign = sending_campaign(team, operator, 1)
    messaging.campaign_send_slice(campaign_id=campaign.pk, provider=SandboxSms())
    opener = Message.objects.get(campaign=campaign, status="sent")
    sending = StageRun.objects.get(stage=7, subject_id=campaign.pk)
    assert sending.delay_seconds >= sending.run_seconds

    # when a reply the provider stamped 40 s ago arrives now
    response = _reply(client, opener.to_number, "Sure, call me", sent_ms=int(time.time() * 1000) - 40_000)
    assert response.status_code == 200

    # then stage 8's run was quick, but the delay felt (from the provider's timestamp) is 40 s
    intake = StageRun.objects.get(stage=8)
    assert intake.run_seconds < 5
    assert 39 <= intake.delay_seconds < 45
    # and classification is measured from the reply's arrival, not from its own start
    item = InboxItem.objects.get(team=team)
    classify = StageRun.objects.get(stage=9, subject_id=item.pk)
    assert classify.triggered_at == item.received_at

    # and the SLA check raises a stage 8 alert (30 s threshold) for the team
    alerts.sla_check()
    alert = Alert.objects.get(team=team, stage=8)
    assert alert.measured_seconds >= 39
    assert alert.limit_seconds == 30


def test_a_bulk_lane_running_behind_makes_resolution_late_although_it_runs_fast(team, time_machine):
    # given a file whose stage 2 ended 11 minutes before the bulk lane got to resolving its people
    from datetime import timedelta

    from django.utils import timezone

    from identity.tasks import identity_resolve_task
    from identity.tests.factories import person_with_contacts
    from ingestion.tests.factories import DataSourceFactory
    from usdatabiz.core.services import stage_run_finish, stage_run_start

    data_source = DataSourceFactory(team=team)
    person_with_contacts(team, "Robert", "Smith", phone="5125550143")
    normalized = stage_run_start(team=team, stage=2, subject=data_source, count_in=1)
    normalized = stage_run_finish(run=normalized, status=StageRun.Status.SUCCEEDED)
    time_machine.move_to(timezone.now() + timedelta(minutes=11), tick=True)

    # when the queued resolution runs (and stage 4 after it)
    identity_resolve_task(data_source.pk, team_id=team.pk)

    # then stage 3 ran in seconds, but its delay is felt from the end of stage 2, and stage 4's from stage 3's end
    resolved = StageRun.objects.get(team=team, stage=3)
    assert resolved.triggered_at == normalized.finished_at
    assert resolved.run_seconds < 30
    assert 11 * 60 <= resolved.delay_seconds < 12 * 60
    prepared = StageRun.objects.get(team=team, stage=4)
    assert prepared.triggered_at == resolved.finished_at

    # and the SLA check raises a stage 3 alert (10 minutes) and none for the fast stage 2
    assert alerts.sla_check()["opened"] == 1
    alert = Alert.objects.get(team=team)
    assert (alert.stage, alert.run_id, alert.limit_seconds) == (3, resolved.pk, 600)
