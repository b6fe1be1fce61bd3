"""Fixtures of the stage 8 lane tests (helpers in ``lane``): the queue kept asynchronous and a contacted team."""

import pytest
from django_q.conf import Conf
from django_q.models import OrmQ

from messaging import services as messaging
from messaging.models import Message
from messaging.sms import SandboxSms
from messaging.tests.factories import sending_campaign

from .lane import SECRET


@pytest.fixture
def queue_async(settings, monkeypatch, time_machine):
    settings.SIGNALHOUSE_WEBHOOK_SECRET = SECRET
    time_machine.move_to("2026-12-01T17:00:00Z")  # 11:00 in Austin
    q = {key: value for key, value in settings.Q_CLUSTER.items() if key != "redis"}
    settings.Q_CLUSTER = {**q, "sync": False, "orm": "default"}
    monkeypatch.setattr(Conf, "SYNC", False)
    monkeypatch.setattr(Conf, "ORM", "default")


@pytest.fixture
def contacted(team, operator, settings, monkeypatch):
    monkeypatch.setattr(Conf, "SYNC", True)  # the campaign's openers go out now
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "sync": True}
    campaign = sending_campaign(team, operator, 3)
    messaging.campaign_send_slice(campaign_id=campaign.pk, provider=SandboxSms())
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "sync": False}
    monkeypatch.setattr(Conf, "SYNC", False)
    OrmQ.objects.all().delete()
    return list(Message.objects.filter(campaign=campaign, status="sent").order_by("pk"))
