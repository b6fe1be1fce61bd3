"""Stage 7 pages, API and admin: messages and held ones, the suppression list, sending settings."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from conftest import api_client_for
from messaging import services
from messaging.models import Message, MessagingSettings, Suppression
from usdatabiz.core.models import Membership
from usdatabiz.core.tests.factories import MembershipFactory, UserFactory


def _held(team, number="5125550142", **kwargs):
    return Message.objects.create(
        team=team, direction="outbound", kind="compliance", status="held", to_number=number,
        from_number="5125550100", body="Reply STOP to opt out.", provider="sandbox",
        idempotency_key=f"{team.pk}:{number}:help", error_code="OUTCOME_UNKNOWN", **kwargs,
    )  # fmt: skip


@pytest.fixture
def admin_client(client, team_admin):
    client.force_login(team_admin)
    return client


def test_the_message_list_flags_held_messages_and_filters(operator_client, team):
    held = _held(team)
    Message.objects.create(team=team, direction="inbound", kind="inbound", status="received", to_number="5125550100",
                           from_number="5125550199", body="who is this?", provider="sandbox")  # fmt: skip

    page = operator_client.get(reverse("messaging:message-list")).content.decode()
    assert 'data-testid="held-banner"' in page
    assert "sandbox: simulated sends and replies" in page
    held_only = operator_client.get(reverse("messaging:message-list"), {"status": "held"}).content.decode()
    assert held.to_number in held_only
    assert "who is this?" not in held_only
    by_number = operator_client.get(reverse("messaging:message-list"), {"number": "(512) 555-0199"}).content.decode()
    assert "who is this?" in by_number
    assert "Reply STOP" not in by_number


def test_releasing_a_held_message_from_the_page_sends_it_once(operator_client, operator, team):
    held = _held(team)

    operator_client.post(reverse("messaging:message-release", args=[held.pk]))

    held.refresh_from_db()
    assert (held.status, held.attempts) == ("sent", 1)
    assert held.metadata["releasedBy"] == operator.username
    again = operator_client.post(reverse("messaging:message-release", args=[held.pk]), follow=True)
    assert b"NOT_HELD" in again.content
    assert Message.objects.filter(idempotency_key=held.idempotency_key).count() == 1


def test_a_held_message_to_a_number_that_opted_out_since_is_blocked_on_release(operator_client, team):
    held = _held(team)
    Message.objects.filter(pk=held.pk).update(kind="reply")
    services.suppression_add(team=team, number=held.to_number, reason="opt_out")

    operator_client.post(reverse("messaging:message-release", args=[held.pk]))

    held.refresh_from_db()
    assert (held.status, held.error_code) == ("blocked", "OPTED_OUT")


def test_dropping_from_the_page(operator_client, team):
    held = _held(team)
    operator_client.post(reverse("messaging:message-drop", args=[held.pk]), {"note": "customer got it"})
    held.refresh_from_db()
    assert held.status == "failed"
    assert "customer got it" in held.error_detail


def test_a_viewer_cannot_release(client, viewer, team):
    held = _held(team)
    client.force_login(viewer)
    assert client.post(reverse("messaging:message-release", args=[held.pk])).status_code == 403
    held.refresh_from_db()
    assert held.status == "held"


def test_suppressing_a_number_from_the_page(operator_client, operator, team):
    bad = operator_client.post(reverse("messaging:suppression-list"), {"phone_number": "555-12"})
    assert bad.status_code == 400
    assert "Enter a 10-digit US number." in bad.content.decode()
    assert not Suppression.objects.exists()

    operator_client.post(reverse("messaging:suppression-list"), {"phone_number": "+1 (512) 555-0142", "note": "asked"})

    entry = Suppression.objects.get(team=team)
    assert (entry.phone_number, entry.reason, entry.created_by, entry.note) == (
        "5125550142",
        "manual",
        operator,
        "asked",
    )
    assert services.is_suppressed(team=team, number="5125550142")


def test_only_an_admin_lifts_and_must_say_why(operator_client, client, team_admin, team):
    entry = services.suppression_add(team=team, number="5125550142", reason="opt_out")
    assert (
        operator_client.post(reverse("messaging:suppression-lift", args=[entry.pk]), {"reason": "x"}).status_code == 403
    )

    client.force_login(team_admin)
    refused = client.post(reverse("messaging:suppression-lift", args=[entry.pk]), {"reason": ""}, follow=True)
    assert b"REASON_REQUIRED" in refused.content
    assert services.is_suppressed(team=team, number="5125550142")
    client.post(reverse("messaging:suppression-lift", args=[entry.pk]), {"reason": "texted us START by email"})
    entry.refresh_from_db()
    assert entry.lifted_at is not None
    assert "texted us START by email" in entry.lifted_reason
    assert not services.is_suppressed(team=team, number="5125550142")


def _windows(*rows) -> dict:
    """The state-window rows of the settings form, as a browser posts them."""
    body = {"windows-TOTAL_FORMS": str(len(rows)), "windows-INITIAL_FORMS": "0"}
    for i, (state, start, end) in enumerate(rows):
        body.update({f"windows-{i}-state": state, f"windows-{i}-start_hour": start, f"windows-{i}-end_hour": end})
    return body


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("quiet_end_hour", "7", "open before it closes"),
        ("windows", ("FL", 20, 8), "must open before it closes (20 to 8)"),
        ("windows", ("Floridaa", 8, 20), "Unknown state &#x27;Floridaa&#x27;"),
        ("windows", ("FL", 8, ""), "Give the first and the last hour."),
    ],
)
def test_sending_settings_name_bad_values(admin_client, team, field, value, error):
    body = {"quiet_start_hour": 8, "quiet_end_hour": 21, "sends_per_minute": 60, **_windows()}
    if field == "windows":
        body.update(_windows(value))
    else:
        body[field] = value
    response = admin_client.post(reverse("messaging:settings-edit"), body)
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not MessagingSettings.objects.filter(team=team, quiet_end_hour=7).exists()
    assert MessagingSettings.objects.get(team=team).state_windows == {}


def test_sending_settings_save_state_windows_by_code_or_name(admin_client, team):
    admin_client.post(
        reverse("messaging:settings-edit"),
        {"brand_name": "Acme", "quiet_start_hour": 9, "quiet_end_hour": 20,
         "sends_per_minute": 30, **_windows(("FL", 8, 20), ("Oklahoma", 9, 20), ("", "", ""))},
    )  # fmt: skip
    cfg = MessagingSettings.objects.get(team=team)
    assert (cfg.brand_name, cfg.quiet_start_hour) == ("Acme", 9)
    assert cfg.state_windows == {"FL": [8, 20], "OK": [9, 20]}


def test_two_windows_for_one_state_are_refused(admin_client, team):
    body = {"quiet_start_hour": 8, "quiet_end_hour": 21, "sends_per_minute": 60,
            **_windows(("FL", 8, 20), ("Florida", 9, 20))}  # fmt: skip
    response = admin_client.post(reverse("messaging:settings-edit"), body)
    assert response.status_code == 400
    assert "FL has two windows" in response.content.decode()


def test_a_window_outside_8_to_21_is_saved_with_a_warning_naming_the_rule(admin_client, team):
    body = {"quiet_start_hour": 0, "quiet_end_hour": 24, "sends_per_minute": 60, **_windows(("TX", 7, 20))}

    response = admin_client.post(reverse("messaging:settings-edit"), body, follow=True)

    page = response.content.decode()
    cfg = MessagingSettings.objects.get(team=team)
    assert (cfg.quiet_start_hour, cfg.quiet_end_hour, cfg.state_windows) == (0, 24, {"TX": [7, 20]})
    assert "WINDOW_OUTSIDE_8_TO_21" in page
    assert "The default window (00:00-24:00) goes outside 08:00-21:00" in page
    assert "The TX window (07:00-20:00) goes outside 08:00-21:00" in page
    assert "47 CFR 64.1200(c)(1)" in page
    quiet = admin_client.post(reverse("messaging:settings-edit"),
                              {**body, "quiet_start_hour": 8, "quiet_end_hour": 21, **_windows(("TX", 9, 20))},
                              follow=True).content.decode()  # fmt: skip
    assert "WINDOW_OUTSIDE_8_TO_21" not in quiet


def test_the_api_lists_releases_and_suppresses(team, operator, team_admin):
    api = api_client_for(operator)
    held = _held(team)
    listing = api.get("/api/v1/messages/", {"status": "held"}).json()
    assert [m["id"] for m in listing["results"]] == [held.pk]
    released = api.post(f"/api/v1/messages/{held.pk}/release/")
    assert released.json()["status"] == "sent"
    conflict = api.post(f"/api/v1/messages/{held.pk}/release/")
    assert (conflict.status_code, conflict.json()["code"]) == (409, "NOT_HELD")

    bad = api.post("/api/v1/suppressions/", {"phone_number": "12"}, format="json")
    assert bad.status_code == 400
    created = api.post("/api/v1/suppressions/", {"phone_number": "512-555-0177", "note": "asked"}, format="json")
    assert created.status_code == 201
    pk = created.json()["id"]
    assert api.post(f"/api/v1/suppressions/{pk}/lift/", {"reason": "x"}, format="json").status_code == 403
    admin_api = api_client_for(team_admin)
    assert admin_api.post(f"/api/v1/suppressions/{pk}/lift/", {}, format="json").status_code == 400
    lifted = admin_api.post(f"/api/v1/suppressions/{pk}/lift/", {"reason": "rejoined"}, format="json")
    assert lifted.json()["lifted_at"] is not None
    assert api.get("/api/v1/suppressions/").json()["count"] == 0
    assert api.get("/api/v1/suppressions/", {"all": "1"}).json()["count"] == 1


def test_admin_lists_are_scoped_and_messages_read_only(client, team, other_team):
    mine, theirs = _held(team), _held(other_team, number="3125550142")
    staff = UserFactory(username="msgstaff", is_staff=True)
    MembershipFactory(team=team, user=staff, role=Membership.Role.ADMIN)
    staff.user_permissions.add(*Permission.objects.filter(content_type__app_label="messaging"))
    client.force_login(staff)
    page = client.get(reverse("admin:messaging_message_changelist")).content.decode()
    assert mine.pk in page
    assert theirs.pk not in page
    assert client.get(reverse("admin:messaging_message_change", args=[theirs.pk])).status_code in (302, 404)
    assert client.get(reverse("admin:messaging_message_add")).status_code == 403
