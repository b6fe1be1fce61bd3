"""SLA alerts: measured as the delay a person feels, raised once per breach, resolved on recovery, told to the
team's admins (email) and its signed webhook."""

import hashlib
import hmac
import json
from datetime import timedelta

import pytest
import responses
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from usdatabiz.core import alerts
from usdatabiz.core.models import Alert, StageRun
from usdatabiz.core.services import stage_run_finish, stage_run_start
from usdatabiz.core.tests.factories import MembershipFactory, UserFactory

HOOK = "https://hooks.example.test/alerts"


def _run(team, stage, *, waited: float, took: float = 0.1, count_in: int = 1):
    """A finished run of ``stage`` that started ``waited`` seconds after its triggering event."""
    now = timezone.now()
    run = stage_run_start(team=team, stage=stage, count_in=count_in, triggered_at=now - timedelta(seconds=waited))
    StageRun.objects.filter(pk=run.pk).update(started_at=now - timedelta(seconds=took))
    run.refresh_from_db()
    return stage_run_finish(run=run, status=StageRun.Status.SUCCEEDED)


@pytest.fixture
def admin_user(team):
    user = UserFactory(username="ada", email="ada@example.com")
    MembershipFactory(team=team, user=user, role="admin")
    return user


def test_the_run_stores_its_run_time_and_the_delay_felt(team):
    # given a classification that ran 0.1 s, ten minutes after the reply arrived (the queue was behind)
    run = _run(team, 9, waited=600, took=0.1)
    # then both are stored: the run alone looks fine, the delay a person felt does not
    assert run.run_seconds == pytest.approx(0.1, abs=0.05)
    assert run.delay_seconds == pytest.approx(600, abs=1)


def test_a_late_stage_alerts_once_and_resolves_when_back_within_its_sla(team, admin_user, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # given a classification done 600 s after the reply (alert threshold 5 s)
    late = _run(team, 9, waited=600)

    # when the check runs
    assert alerts.sla_check() == {"opened": 1, "resolved": 0}

    # then one open alert names the stage, the delay and the threshold, and the team's admin got one email
    alert = Alert.objects.get()
    assert (alert.stage, alert.code, alert.status, alert.run_id) == (9, "SLA_BREACH", "open", late.pk)
    assert alert.measured_seconds == pytest.approx(600, abs=2)
    assert alert.limit_seconds == 5.0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ada@example.com"]
    assert "stage 9" in mail.outbox[0].subject

    # when the check runs again while nothing changed: no second alert, no second email
    assert alerts.sla_check() == {"opened": 0, "resolved": 0}
    assert Alert.objects.count() == 1
    assert len(mail.outbox) == 1

    # when the stage is back within its SLA
    _run(team, 9, waited=0.5)
    assert alerts.sla_check() == {"opened": 0, "resolved": 1}

    # then the alert is resolved and the admin is told so, once
    alert.refresh_from_db()
    assert alert.status == "resolved"
    assert alert.resolved_at is not None
    assert len(mail.outbox) == 2
    assert "[resolved]" in mail.outbox[1].subject
    assert alerts.sla_check() == {"opened": 0, "resolved": 0}
    assert len(mail.outbox) == 2


def test_a_run_still_open_past_its_threshold_alerts_before_it_ends(team):
    # given an ingest (alert at 10 minutes) still running 11 minutes after the upload
    run = stage_run_start(team=team, stage=1, triggered_at=timezone.now() - timedelta(minutes=11))
    alerts.sla_check()
    alert = Alert.objects.get()
    assert (alert.stage, alert.run_id) == (1, run.pk)
    assert "still running" in alert.detail


def test_a_stage_within_its_sla_and_a_stage_without_one_do_not_alert(team):
    _run(team, 9, waited=2)  # under 5 s
    _run(team, 12, waited=86400)  # stage 12 has no SLA
    assert alerts.sla_check() == {"opened": 0, "resolved": 0}
    assert not Alert.objects.exists()


def test_the_sla_scales_with_the_records_of_the_run(team):
    # normalizing 10,000 records may take 20 minutes before it alerts (2 minutes per 1,000)
    _run(team, 2, waited=19 * 60, count_in=10000)
    alerts.sla_check()
    assert not Alert.objects.exists()
    _run(team, 2, waited=21 * 60, count_in=10000)
    alerts.sla_check()
    assert Alert.objects.get().stage == 2


def test_alerts_are_per_team(team, other_team):
    _run(other_team, 9, waited=60)
    alerts.sla_check()
    assert list(Alert.objects.values_list("team_id", flat=True)) == [other_team.pk]


@responses.activate
def test_the_team_webhook_gets_each_alert_and_resolve_signed(team, admin_user):
    # given a team webhook with its own signing secret
    alerts.alert_settings_update(team=team, email_admins=False, webhook_url=HOOK, webhook_secret="s3cret-signing")
    responses.add(responses.POST, HOOK, status=200)

    # when a stage is late, then recovers
    _run(team, 9, waited=60)
    alerts.sla_check()
    alerts.sla_check()
    _run(team, 9, waited=1)
    alerts.sla_check()

    # then two posts went out (the alert, its resolve), each signed over "timestamp.body"
    assert [json.loads(call.request.body)["event"] for call in responses.calls] == ["alert", "resolved"]
    for call in responses.calls:
        request = call.request
        timestamp = request.headers["X-Alert-Timestamp"]
        expected = hmac.new(b"s3cret-signing", timestamp.encode() + b"." + request.body, hashlib.sha256).hexdigest()
        assert request.headers["X-Alert-Signature"] == f"sha256={expected}"
    body = json.loads(responses.calls[0].request.body)
    assert (body["alert"]["stage"], body["alert"]["code"], body["alert"]["team"]) == (9, "SLA_BREACH", team.pk)
    assert Alert.objects.get().notify_error == ""


@responses.activate
def test_a_failing_webhook_is_recorded_and_not_retried_as_a_new_alert(team):
    alerts.alert_settings_update(team=team, email_admins=False, webhook_url=HOOK, webhook_secret="x" * 20)
    responses.add(responses.POST, HOOK, status=500)
    _run(team, 9, waited=60)
    alerts.sla_check()
    alerts.sla_check()
    alert = Alert.objects.get()
    assert alert.notify_error.startswith("webhook: 500 Server Error")
    assert len(responses.calls) == 1


def test_the_alert_list_is_linked_from_the_journey_and_scoped_to_the_team(operator_client, team, other_team):
    _run(team, 9, waited=60)
    _run(other_team, 9, waited=60)
    alerts.sla_check()
    mine = Alert.objects.get(team=team)
    theirs = Alert.objects.get(team=other_team)

    dashboard = operator_client.get(reverse("core:dashboard")).content.decode()
    assert reverse("core:alert-list") in dashboard
    page = operator_client.get(reverse("core:alert-list")).content.decode()
    assert mine.pk in page
    assert theirs.pk not in page
    # another team's alert cannot be resolved (404), its own can
    assert operator_client.post(reverse("core:alert-resolve", args=[theirs.pk])).status_code == 404
    assert operator_client.post(reverse("core:alert-resolve", args=[mine.pk])).status_code == 302
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.status, theirs.status) == ("resolved", "open")


def test_only_a_team_admin_sets_where_alerts_go(operator_client, team):
    response = operator_client.post(reverse("core:alert-settings"), {"webhook_url": HOOK, "email_admins": "on"})
    assert response.status_code == 403
    assert alerts.alert_settings_get(team=team).webhook_url == ""


def test_the_alert_api_lists_the_teams_alerts_and_resolves_them(operator_api, outsider_api, team):
    _run(team, 9, waited=60)
    alerts.sla_check()
    alert = Alert.objects.get()
    listed = operator_api.get("/api/v1/alerts/?status=open").json()
    assert [row["id"] for row in listed["results"]] == [alert.pk]
    assert outsider_api.get(f"/api/v1/alerts/{alert.pk}/").status_code == 404
    assert outsider_api.post(f"/api/v1/alerts/{alert.pk}/resolve/").status_code == 404
    assert operator_api.post(f"/api/v1/alerts/{alert.pk}/resolve/").json()["status"] == "resolved"
    again = operator_api.post(f"/api/v1/alerts/{alert.pk}/resolve/")
    assert (again.status_code, again.json()["code"]) == (409, "NOT_OPEN")
