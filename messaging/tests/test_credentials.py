"""A team's own provider credentials: set by its admins, encrypted at rest (keys rotated without losing them),
shown by their last four characters only, and used by the team's SMS and skip-trace clients; the platform's
settings apply to teams without their own. Secrets are safe by default (system checks)."""

import json

import pytest
import responses
from cryptography.fernet import Fernet
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from conftest import api_client_for
from leads.enrichment import skiptrace_job_run, skiptrace_jobs_create
from leads.services import leads_prepare
from leads.skiptrace import get_provider
from messaging import services
from messaging.checks import sms_webhook_secrets, teams_with_own_accounts_have_own_secrets
from messaging.models import Message
from usdatabiz.core import secrets
from usdatabiz.core.checks import credentials_keys_usable
from usdatabiz.core.models import Membership, TeamCredential
from usdatabiz.core.selectors import team_credential_value
from usdatabiz.core.tests.factories import MembershipFactory, UserFactory

from .factories import sending_campaign

KEY = "sk-live-acme-7f3e9b2c4d1aWXYZ"
SEND = "https://v2.signalhouse.io/message/sms"


@pytest.fixture
def admin_client(client, team_admin):
    client.force_login(team_admin)
    return client


def _accepted(request):
    number = json.loads(request.body)["recipientPhoneNumber"][0]
    row = {"_id": f"sh-{number}", "status": "ENQUEUED", "recipientPhoneNumber": number}
    return 201, {}, json.dumps({"insertedMessages": [row], "enqueuedCount": 1})


# -- stored encrypted, never shown back -------------------------------------------------------------------------


def test_an_admin_sets_a_key_on_the_page_it_is_encrypted_and_only_its_last_four_show(admin_client, team, team_admin):
    response = admin_client.post(
        reverse("messaging:credentials"), {"provider": "signalhouse", "name": "api_key", "value": KEY}, follow=True
    )

    row = TeamCredential.objects.get(team=team, provider="signalhouse", name="api_key")
    assert KEY not in row.ciphertext
    assert "WXYZ" not in row.ciphertext
    assert (row.last4, row.updated_by) == ("WXYZ", team_admin)
    assert team_credential_value(team=team, provider="signalhouse", name="api_key") == KEY
    page = response.content.decode()
    assert KEY not in page
    assert "WXYZ" in page
    again = admin_client.get(reverse("messaging:credentials")).content.decode()
    assert 'data-testid="last4">WXYZ<' in again
    assert 'data-testid="missing-secret"' in again  # an own account needs its own signing secret


def test_only_admins_see_the_credentials_page(operator_client):
    assert operator_client.get(reverse("messaging:credentials")).status_code == 403


def test_a_value_is_required_and_an_unknown_credential_is_refused(admin_client, team):
    empty = admin_client.post(
        reverse("messaging:credentials"), {"provider": "signalhouse", "name": "api_key", "value": ""}, follow=True
    )
    unknown = admin_client.post(
        reverse("messaging:credentials"),
        {"provider": "signalhouse", "name": "password", "value": "x" * 20},
        follow=True,
    )

    assert "Give the value" in empty.content.decode()
    assert "UNKNOWN_CREDENTIAL" in unknown.content.decode()
    assert not TeamCredential.objects.exists()


def test_the_api_sets_lists_by_last_four_and_clears(team, team_admin, operator):
    api = api_client_for(team_admin)

    created = api.post(
        "/api/v1/credentials/", {"provider": "realestateapi", "name": "api_key", "value": KEY}, format="json"
    )
    listing = api.get("/api/v1/credentials/")
    refused = api_client_for(operator).get("/api/v1/credentials/")

    assert created.status_code == 201
    assert KEY not in created.content.decode()
    assert KEY not in listing.content.decode()
    (row,) = listing.json()["results"]
    assert (row["provider"], row["name"], row["last4"]) == ("realestateapi", "api_key", "WXYZ")
    assert set(row) == {"id", "provider", "name", "last4", "expires_at", "updated_by", "updated_at"}
    assert refused.status_code == 403
    assert api.delete(f"/api/v1/credentials/{row['id']}/").status_code == 204
    assert not TeamCredential.objects.filter(team=team).exists()


def test_the_admin_lists_credentials_without_their_values(client, team):
    services.provider_credential_set(team=team, provider="signalhouse", name="api_key", value=KEY)
    staff = UserFactory(username="cred-staff", is_staff=True)
    MembershipFactory(team=team, user=staff, role=Membership.Role.ADMIN)
    staff.user_permissions.add(*Permission.objects.filter(content_type__app_label="core"))
    client.force_login(staff)
    row = TeamCredential.objects.get(team=team)

    listing = client.get(reverse("admin:core_teamcredential_changelist")).content.decode()
    detail = client.get(reverse("admin:core_teamcredential_change", args=[row.pk])).content.decode()

    assert "WXYZ" in listing
    assert KEY not in listing
    assert KEY not in detail
    assert row.ciphertext not in detail
    assert client.get(reverse("admin:core_teamcredential_add")).status_code == 403


def test_keys_rotate_without_losing_a_credential(team, settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.CREDENTIALS_KEYS = [old]
    services.provider_credential_set(team=team, provider="signalhouse", name="api_key", value=KEY)

    settings.CREDENTIALS_KEYS = [new, old]  # the new key first, the old one still readable
    assert team_credential_value(team=team, provider="signalhouse", name="api_key") == KEY
    call_command("credentials_reencrypt")

    settings.CREDENTIALS_KEYS = [new]  # the old key dropped
    assert team_credential_value(team=team, provider="signalhouse", name="api_key") == KEY
    settings.CREDENTIALS_KEYS = [old]
    with pytest.raises(secrets.CredentialError) as excinfo:
        team_credential_value(team=team, provider="signalhouse", name="api_key")
    assert excinfo.value.code == "CREDENTIAL_UNREADABLE"


def test_the_reencrypt_command_refuses_a_bad_key(settings):
    settings.CREDENTIALS_KEYS = ["not-a-fernet-key"]
    with pytest.raises(CommandError, match="not a Fernet key"):
        call_command("credentials_reencrypt")
    assert [e.id for e in credentials_keys_usable(None)] == ["core.E004"]


# -- the team's clients use the team's credentials ------------------------------------------------------------------


@responses.activate
def test_sends_use_the_teams_own_key_and_other_teams_the_platforms(team, other_team, operator, outsider, settings,
                                                                    time_machine):  # fmt: skip
    time_machine.move_to("2026-12-01T17:00:00Z")
    settings.SMS_PROVIDER = "signalhouse"
    settings.SIGNALHOUSE_API_KEY = "platform-key"
    services.provider_credential_set(team=team, provider="signalhouse", name="api_key", value=KEY)
    responses.add_callback(responses.POST, SEND, callback=_accepted)
    mine = sending_campaign(team, operator, 1)
    theirs = sending_campaign(other_team, outsider, 1, start=40)

    services.campaign_send_slice(campaign_id=mine.pk)
    services.campaign_send_slice(campaign_id=theirs.pk)

    keys = [call.request.headers["Authorization"] for call in responses.calls]
    assert keys == [f"Bearer {KEY}", "Bearer platform-key"]
    assert Message.objects.get(campaign=mine).provider == "signalhouse"


@responses.activate
def test_skip_traces_use_the_teams_own_key(team, settings):
    from identity.tests.factories import BusinessFactory, person_with_contacts

    settings.SKIPTRACE_PROVIDER = "realestateapi"
    settings.REALESTATEAPI_API_KEY = "platform-rea-key"
    services.provider_credential_set(team=team, provider="realestateapi", name="api_key", value=KEY)
    business = BusinessFactory(team=team, name="Acme", normalized_name="ACME", state="TX", zip5="78701")
    person_with_contacts(team, "Ann", "Lee", phone="5125550100", business=business)
    leads_prepare(team=team)
    responses.post("https://api.realestateapi.com/v1/SkipTrace", status=404, json={"match": False})

    (job,) = skiptrace_jobs_create(team=team, start=False)
    skiptrace_job_run(job_id=job.pk, batch_size=1)

    assert responses.calls[0].request.headers["x-api-key"] == KEY
    assert get_provider().api_key == "platform-rea-key"  # no team: the platform's


# -- safe by default -----------------------------------------------------------------------------------------------


def test_a_real_provider_without_a_platform_secret_stops_start_up(settings):
    settings.SMS_PROVIDER = "signalhouse"
    settings.SIGNALHOUSE_WEBHOOK_SECRET = ""
    assert [e.id for e in sms_webhook_secrets(None)] == ["messaging.E002"]

    settings.SIGNALHOUSE_WEBHOOK_SECRET = "sandbox-signing-secret"
    assert [e.id for e in sms_webhook_secrets(None)] == ["messaging.E003"]

    settings.SIGNALHOUSE_WEBHOOK_SECRET = "whsec-platform-0001"
    assert sms_webhook_secrets(None) == []
    settings.SMS_PROVIDER = "sandbox"
    settings.SIGNALHOUSE_WEBHOOK_SECRET = ""
    assert sms_webhook_secrets(None) == []


def test_a_team_with_its_own_account_but_no_secret_of_its_own_stops_start_up(team):
    services.provider_credential_set(team=team, provider="signalhouse", name="api_key", value=KEY)

    errors = teams_with_own_accounts_have_own_secrets(None, databases=["default"])

    assert [(e.id, "'acme'" in e.msg) for e in errors] == [("messaging.E004", True)]
    services.provider_credential_set(team=team, provider="signalhouse", name="webhook_secret", value="whsec-own-0001")
    assert teams_with_own_accounts_have_own_secrets(None, databases=["default"]) == []


@responses.activate
def test_delivery_reports_are_asked_with_each_teams_own_key(team, other_team, operator, outsider, settings,
                                                              time_machine):  # fmt: skip
    from datetime import timedelta

    from django.utils import timezone

    time_machine.move_to("2026-12-01T17:00:00Z")
    settings.SMS_PROVIDER = "signalhouse"
    settings.SIGNALHOUSE_API_KEY = "platform-key"
    services.provider_credential_set(team=team, provider="signalhouse", name="api_key", value=KEY)
    responses.add_callback(responses.POST, SEND, callback=_accepted)
    for owner, approver, start in ((team, operator, 10), (other_team, outsider, 40)):
        services.campaign_send_slice(campaign_id=sending_campaign(owner, approver, 1, start=start).pk)
    Message.objects.update(sent_at=timezone.now() - timedelta(hours=1))

    def report(request):
        ids = json.loads(request.body)["messageIds"]
        return 200, {}, json.dumps({"data": [{"_id": i, "status": "DELIVERED"} for i in ids]})

    responses.add_callback(responses.POST, "https://v2.signalhouse.io/message/delivery-report", callback=report)

    assert services.messages_reconcile() == 2

    asked = {c.request.headers["Authorization"] for c in responses.calls if c.request.url.endswith("delivery-report")}
    assert asked == {f"Bearer {KEY}", "Bearer platform-key"}
    assert set(Message.objects.values_list("status", flat=True)) == {"delivered"}


def test_the_sandbox_secret_verifies_only_in_the_sandbox_and_an_empty_one_never(settings, team):
    from messaging.sms import SANDBOX_WEBHOOK_SECRET, webhook_secrets

    settings.SMS_PROVIDER, settings.SIGNALHOUSE_WEBHOOK_SECRET = "sandbox", ""
    assert webhook_secrets("signalhouse", team) == [SANDBOX_WEBHOOK_SECRET]
    settings.SMS_PROVIDER = "signalhouse"
    assert webhook_secrets("signalhouse", team) == []  # nothing verifies: every call is TOKEN_INVALID
    settings.SIGNALHOUSE_WEBHOOK_SECRET = SANDBOX_WEBHOOK_SECRET  # set by mistake outside the sandbox
    assert webhook_secrets("signalhouse", team) == []
    services.provider_credential_set(team=team, provider="signalhouse", name="webhook_secret", value="whsec-own-0001")
    assert webhook_secrets("signalhouse", team) == ["whsec-own-0001"]
    assert webhook_secrets("signalhouse", None) == []


def test_outside_the_sandbox_a_reply_signed_with_the_sandbox_secret_is_refused(client, settings, team):
    from messaging.signalhouse import sandbox_inbound_event
    from messaging.sms import SANDBOX_WEBHOOK_SECRET

    from .factories import sender_number_for

    sender_number_for(team, "5125550101")
    settings.SMS_PROVIDER, settings.SIGNALHOUSE_WEBHOOK_SECRET = "signalhouse", SANDBOX_WEBHOOK_SECRET
    headers, body = sandbox_inbound_event("2125550150", "5125550101", "hello", SANDBOX_WEBHOOK_SECRET)
    extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items()}

    refused = client.post(reverse("webhook-signalhouse"), data=body, content_type="application/json", **extra)
    settings.SMS_PROVIDER = "sandbox"
    accepted = client.post(reverse("webhook-signalhouse"), data=body, content_type="application/json", **extra)

    assert (refused.status_code, refused.json()["code"]) == (401, "TOKEN_INVALID")
    assert accepted.status_code == 200
