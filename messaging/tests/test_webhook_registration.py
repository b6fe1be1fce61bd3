"""A team admin registers the console's signed webhook in the team's own SignalHouse account and rotates its
secret from the console; the one-time secret is stored encrypted, and during a rotation's grace period a
webhook signed with either secret is accepted (``X-SignalHouse-Signature-V1`` carries both)."""

import json
from datetime import timedelta

import pytest
import responses
from django.urls import reverse
from django.utils import timezone

from conftest import api_client_for
from inbox.models import InboxItem
from messaging import services
from messaging.models import ProviderWebhook
from messaging.signalhouse import sandbox_inbound_event, sign
from usdatabiz.core.models import TeamCredential
from usdatabiz.core.selectors import team_credential_value

from .factories import sender_number_for

WEBHOOK = "https://v2.signalhouse.io/webhook"
KEY = "sk-live-acme-0000-REGISTER"
FIRST, SECOND = "whsec_first_0123456789abcdef", "whsec_second_fedcba9876543210"


@pytest.fixture
def admin_client(client, team_admin):
    client.force_login(team_admin)
    return client


@pytest.fixture
def own_key(team):
    services.provider_credential_set(team=team, provider="signalhouse", name="api_key", value=KEY)


def _registered(webhook_id="wh_acme_1", secret=FIRST):
    responses.post(
        WEBHOOK,
        status=201,
        json={"data": {"id": webhook_id, "signingSecret": secret, "subscribedEvents": ["MESSAGE_RECEIVED"]}},
    )


def _post(client, headers, body):
    extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items()}
    return client.post(reverse("webhook-signalhouse"), data=body, content_type="application/json", **extra)


def _reply(client, secret, text="who is this?"):
    headers, body = sandbox_inbound_event("2125550150", "5125550101", text, secret)
    return _post(client, headers, body)


@responses.activate
def test_registering_needs_the_teams_own_key(admin_client, team):
    response = admin_client.post(
        reverse("messaging:webhook-register"),
        {"url": "https://console.example/webhooks/signalhouse/", "group_id": "G1"},
    )

    assert response.status_code == 400
    assert "NO_CREDENTIALS" in response.content.decode()
    assert len(responses.calls) == 0
    assert not ProviderWebhook.objects.exists()


@responses.activate
def test_an_admin_registers_the_webhook_and_its_secret_is_kept_encrypted(admin_client, team, own_key):
    _registered()

    response = admin_client.post(
        reverse("messaging:webhook-register"),
        {"url": "https://console.example/webhooks/signalhouse/", "group_id": "G-ACME"},
        follow=True,
    )

    (call,) = responses.calls
    sent = json.loads(call.request.body)
    assert sent["url"] == "https://console.example/webhooks/signalhouse/"
    assert sent["groupId"] == "G-ACME"
    assert set(sent["subscribedEvents"]) == {"MESSAGE_RECEIVED", "MESSAGE_DELIVERED", "MESSAGE_FAILED"}
    assert call.request.headers["Authorization"] == f"Bearer {KEY}"
    assert call.request.headers["Idempotency-Key"]
    row = ProviderWebhook.objects.get(team=team)
    assert (row.webhook_id, row.group_id, row.provider) == ("wh_acme_1", "G-ACME", "signalhouse")
    assert team_credential_value(team=team, provider="signalhouse", name="webhook_secret") == FIRST
    assert FIRST not in TeamCredential.objects.get(team=team, name="webhook_secret").ciphertext
    page = response.content.decode()
    assert "wh_acme_1" in page
    assert FIRST not in page


@responses.activate
def test_a_provider_refusal_is_named(admin_client, team, own_key):
    responses.post(WEBHOOK, status=401, json={"message": "invalid token"})

    response = admin_client.post(
        reverse("messaging:webhook-register"), {"url": "https://console.example/wh/", "group_id": "G-ACME"}
    )

    assert response.status_code == 400
    assert "CONFIG_ERROR" in response.content.decode()
    assert "invalid token" in response.content.decode()
    assert not TeamCredential.objects.filter(team=team, name="webhook_secret").exists()


@responses.activate
def test_rotating_before_registering_is_refused(team, team_admin, own_key):
    response = api_client_for(team_admin).post("/api/v1/sms-webhook/rotate-secret/", {"grace_seconds": 60})

    assert (response.status_code, response.json()["code"]) == (409, "NOT_REGISTERED")


@responses.activate
def test_after_a_rotation_both_secrets_verify_until_the_grace_period_ends(client, team, team_admin, own_key, settings,
                                                                            time_machine):  # fmt: skip
    time_machine.move_to("2026-12-01T17:00:00Z", tick=False)
    settings.SIGNALHOUSE_WEBHOOK_SECRET = "whsec_platform_never_for_acme"
    sender_number_for(team, "5125550101")
    api = api_client_for(team_admin)
    _registered()
    registered = api.post("/api/v1/sms-webhook/register/", {"group_id": "G-ACME"}, format="json")
    assert registered.status_code == 201
    assert registered.json()["url"].endswith("/webhooks/signalhouse/")
    until = timezone.now() + timedelta(hours=1)
    responses.post(
        f"{WEBHOOK}/wh_acme_1/rotate-secret",
        json={"data": {"signingSecret": SECOND, "previousSecretExpiresAt": until.isoformat()}},
    )

    rotated = api.post("/api/v1/sms-webhook/rotate-secret/", {"grace_seconds": 3600}, format="json")

    assert rotated.status_code == 200
    assert json.loads(responses.calls[-1].request.body) == {"graceSeconds": 3600}
    assert team_credential_value(team=team, provider="signalhouse", name="webhook_secret") == SECOND
    assert team_credential_value(team=team, provider="signalhouse", name="webhook_secret_previous") == FIRST
    assert SECOND not in rotated.content.decode()
    # during the grace period: the new secret, the old one, and the V1 header carrying one signature per secret
    assert _reply(client, SECOND, "signed with the new secret").status_code == 200
    assert _reply(client, FIRST, "signed with the old secret").status_code == 200
    headers, body = sandbox_inbound_event("2125550151", "5125550101", "hello", SECOND)
    stamp = headers["X-SignalHouse-Timestamp"]
    both = f"v1={sign(SECOND, stamp, body)},v1={sign(FIRST, stamp, body)}"
    only_v1 = {k: v for k, v in headers.items() if k != "X-SignalHouse-Signature"}
    assert _post(client, {**only_v1, "X-SignalHouse-Signature-V1": both}, body).status_code == 200
    # a secret that is not the team's never verifies a reply to the team's number
    assert _reply(client, "whsec_platform_never_for_acme", "the platform's").status_code == 401

    time_machine.move_to(until + timedelta(seconds=1), tick=False)
    assert _reply(client, FIRST, "old, too late").status_code == 401
    assert _reply(client, SECOND, "new, later").status_code == 200
    assert InboxItem.objects.filter(team=team).count() == 4


def test_the_page_rotates_with_a_grace_period(admin_client, team, own_key):
    ProviderWebhook.objects.create(team=team, provider="signalhouse", group_id="G", webhook_id="wh_9")
    services.provider_credential_set(team=team, provider="signalhouse", name="webhook_secret", value=FIRST)
    with responses.RequestsMock() as mock:
        mock.post(f"{WEBHOOK}/wh_9/rotate-secret", json={"signingSecret": SECOND})
        response = admin_client.post(reverse("messaging:webhook-rotate"), {"grace_seconds": 600}, follow=True)

    assert "the old one verifies until" in response.content.decode()
    assert team_credential_value(team=team, provider="signalhouse", name="webhook_secret") == SECOND
    previous = TeamCredential.objects.get(team=team, name="webhook_secret_previous")
    assert abs((previous.expires_at - timezone.now()).total_seconds() - 600) < 30
