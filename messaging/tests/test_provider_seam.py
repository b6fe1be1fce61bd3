"""The SMS side is provider-neutral: a provider is one package with a ``PROVIDER`` spec plus one registry line,
and the webhook URL takes the provider as a parameter. Nothing outside a provider's package knows its formats."""

import ast
import json
from pathlib import Path

import pytest

from campaigns.models import CampaignLead
from inbox.models import InboxItem
from messaging import services
from messaging.models import Message
from messaging.sms import registry, sms_client

from . import fake_provider
from .factories import sender_number_for, sending_campaign

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fakesms(monkeypatch, settings):
    monkeypatch.setitem(registry.PROVIDERS, "fakesms", "messaging.tests.fake_provider")  # the one registry line
    settings.SMS_PROVIDER = "fakesms"
    settings.FAKESMS_API_KEY = "fake-platform-key"
    settings.FAKESMS_WEBHOOK_SECRET = "fake-platform-secret"
    fake_provider.SENT.clear()


def test_a_registered_provider_sends_the_teams_texts(fakesms, team, operator, time_machine):
    time_machine.move_to("2026-12-01T17:00:00Z")
    services.provider_credential_set(team=team, provider="fakesms", name="api_key", value="fake-team-key-0001")
    campaign = sending_campaign(team, operator, 2)

    services.campaign_send_slice(campaign_id=campaign.pk)

    assert isinstance(sms_client(team=team), fake_provider.FakeClient)
    assert [s["key"] for s in fake_provider.SENT] == ["fake-team-key-0001"] * 2
    assert set(Message.objects.filter(campaign=campaign).values_list("provider", "status")) == {("fakesms", "sent")}
    assert CampaignLead.objects.filter(campaign=campaign, status="sent").count() == 2


def test_its_webhooks_arrive_at_webhooks_slash_its_name(fakesms, client, team):
    sender_number_for(team, "5125550101")
    body = json.dumps({"kind": "inbound", "id": "f-1", "from": "2125550150", "to": "5125550101", "text": "hi"}).encode()

    good = client.post("/webhooks/fakesms/", data=body, content_type="application/json",
                       HTTP_X_FAKE_SIGNATURE=fake_provider.fake_sign("fake-platform-secret", body))  # fmt: skip
    forged = client.post("/webhooks/fakesms/", data=body, content_type="application/json",
                         HTTP_X_FAKE_SIGNATURE=fake_provider.fake_sign("guess", body))  # fmt: skip

    assert good.status_code == 200
    assert forged.status_code == 401
    item = InboxItem.objects.get(team=team)
    assert (item.response_text, item.message.provider, item.message.to_number) == ("hi", "fakesms", "5125550101")


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            names.add(("." * node.level) + (node.module or ""))
        elif isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
    return names


@pytest.mark.parametrize(
    "module",
    ["messaging/sms/__init__.py", "messaging/sms/errors.py", "messaging/sms/numbers.py", "messaging/sms/payloads.py",
     "messaging/sms/protocol.py", "messaging/sms/registry.py", "messaging/sms/results.py", "messaging/sms/sandbox.py",
     "messaging/services.py", "messaging/views.py", "messaging/api.py", "inbox/services/intake.py",
     "inbox/services/closeout.py", "inbox/services/drafts.py", "inbox/routing.py", "inbox/webhooks.py"],
)  # fmt: skip
def test_no_neutral_module_imports_a_providers_package(module):
    imported = _imports(ROOT / module)

    assert not {name for name in imported if "signalhouse" in name}, imported
