"""A real ``qcluster`` killed by SIGKILL in the middle of a campaign send: a second cluster takes the slice over
within about a minute, everyone is texted once (0 double texts), and the counts equal an uninterrupted run. And a
send that hangs past ``Q_TIMEOUT``: retried up to ``Q_MAX_ATTEMPTS``, then given up with ``TASK_TIMEOUT`` and an alert.

The clusters are separate processes sharing the test database through the ORM broker, so this needs a
database other processes can open: PostgreSQL (CI runs it).
"""

import os
import signal
import time

import pytest
from django.utils import timezone
from django_q.tasks import async_task

from campaigns.models import CampaignLead
from messaging import services
from messaging.models import Message, SendSlice
from messaging.sms import SandboxSms
from usdatabiz.core.models import StageFailure, StageRun
from usdatabiz.core.tests.factories import MembershipFactory, TeamFactory
from usdatabiz.core.tests.qcluster import QCluster, needs_a_shared_database, wait_for

from .factories import sending_campaign

pytestmark = [
    pytest.mark.kill,
    needs_a_shared_database(),
    pytest.mark.django_db(transaction=True),
]
PEOPLE = 40


def _campaign(team, approver):
    """A sending campaign of PEOPLE texts that may go out at any hour and pace (the run must not wait)."""
    row = services.messaging_settings_get(team=team)
    services.messaging_settings_update(settings_row=row, quiet_start_hour=0, quiet_end_hour=24, sends_per_minute=10000)
    return sending_campaign(team, approver, PEOPLE)


def _outcome(campaign) -> dict:
    statuses = {}
    for status in Message.objects.filter(campaign=campaign).values_list("status", flat=True):
        statuses[status] = statuses.get(status, 0) + 1
    return statuses


@pytest.fixture
def clusters():
    """Start clusters with ``clusters(lane, ...)``; each is killed at the end (its work is checked by then)."""
    started = []

    def start(lane, **kwargs):
        cluster = QCluster(lane, **kwargs).start()
        started.append(cluster)
        return cluster

    yield start
    for cluster in started:
        if cluster.process.poll() is None:
            os.killpg(cluster.process.pid, signal.SIGKILL)
            cluster.process.wait()


def test_a_cluster_killed_mid_send_is_taken_over_with_no_double_text(clusters, team, operator, tmp_path):
    # given a campaign of 40 texts in slices of 10, a provider taking 0.15 s per text, 3-second leases,
    # a bulk cluster that sends and a real-time cluster that runs the lease sweeper
    campaign = _campaign(team, operator)
    log = tmp_path / "provider.log"
    log.touch()
    env = {"SMS_SLICE_SIZE": 10, "WORK_LEASE_SECONDS": 3, "TEST_SMS_LOG": log, "TEST_SMS_DELAY": 0.15}
    first = clusters("bulk", **env)
    clusters("realtime", **env)
    send_slice = services._slice_open(campaign, due_at=timezone.now())
    async_task("messaging.tasks.send_slice_run_task", send_slice.pk, q_options={"cluster": "bulk", "sync": False})

    # when the whole bulk cluster is killed (SIGKILL) in its second slice, with texts at the provider
    wait_for(lambda: len(log.read_text().split()) >= 14, 60, "the second slice to be sending")
    os.killpg(first.process.pid, signal.SIGKILL)
    killed_at = time.monotonic()
    first.process.wait()
    at_kill = len(log.read_text().split())
    assert at_kill < PEOPLE, "the send finished before the kill"
    # and a second bulk cluster starts, while the real-time cluster sweeps leases (the schedule does it every
    # minute; here every 5 s, so that the test is short)
    clusters("bulk", **env)

    # then every person is handled within about a minute of the kill: texted, or held for review
    sweeps = []

    def handled():
        if time.monotonic() - killed_at > 5 * (len(sweeps) + 1):
            sweeps.append(
                async_task("usdatabiz.core.tasks.work_sweep_task", q_options={"cluster": "realtime", "sync": False})
            )
        if SendSlice.objects.filter(campaign=campaign, state__in=["pending", "running"]).exists():
            return False
        return not CampaignLead.objects.filter(campaign=campaign, status="pending").exclude(skip_code="HELD").exists()

    wait_for(handled, 90, "the send")
    took = time.monotonic() - killed_at
    assert took < 75

    # and nobody was texted twice: every key reached the provider once, one message per person
    keys = log.read_text().split()
    assert len(keys) == len(set(keys)) == PEOPLE
    per_person = Message.objects.filter(campaign=campaign).values_list("persona_id", flat=True)
    assert len(per_person) == len(set(per_person)) == PEOPLE
    # the text caught in flight (if the kill landed during a provider call) is held for review with its key
    held = list(Message.objects.filter(campaign=campaign, status="held"))
    assert len(held) <= 1
    assert all(message.idempotency_key in keys and message.error_code == "OUTCOME_UNKNOWN" for message in held)
    # the dead cluster's slice was taken over and its run closed, not left "running"
    assert SendSlice.objects.filter(campaign=campaign, attempts__gte=2).count() == 1
    assert not StageRun.objects.filter(stage=7, subject_id=campaign.pk, status="running").exists()
    assert StageFailure.objects.filter(stage=7, code="RUN_ABANDONED").count() == 1

    # and the counts equal an uninterrupted run of the same campaign (a held text reached the provider once)
    reference_team = TeamFactory(slug="reference")
    approver = MembershipFactory(team=reference_team, role="operator").user
    reference = _campaign(reference_team, approver)
    services.campaign_send_slice(campaign_id=reference.pk, provider=SandboxSms())
    expected = _outcome(reference)
    outcome = _outcome(campaign)
    outcome["sent"] = outcome.get("sent", 0) + outcome.pop("held", 0)
    assert outcome == expected == {"sent": PEOPLE}


def test_a_send_that_hits_q_timeout_is_retried_to_q_max_attempts_then_fails_with_task_timeout_and_alerts(
    clusters, team, operator, tmp_path, settings
):
    # given a campaign of 3 texts and a provider that hangs 60 s on each, a bulk cluster that kills a task after
    # Q_TIMEOUT=4 s and gives work up after Q_MAX_ATTEMPTS=2, and a real-time cluster that runs the lease sweeper
    from usdatabiz.core.models import Alert

    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "timeout": 4, "max_attempts": 2}
    row = services.messaging_settings_get(team=team)
    services.messaging_settings_update(settings_row=row, quiet_start_hour=0, quiet_end_hour=24, sends_per_minute=10000)
    campaign = sending_campaign(team, operator, 3)
    log = tmp_path / "provider.log"
    log.touch()
    env = {
        "Q_TIMEOUT": 4, "Q_RETRY": 600, "Q_MAX_ATTEMPTS": 2, "WORK_LEASE_SECONDS": 3,
        "TEST_SMS_LOG": log, "TEST_SMS_DELAY": 60,
    }  # fmt: skip
    clusters("bulk", **env)
    clusters("realtime", **env)
    send_slice = services._slice_open(campaign, due_at=timezone.now())
    async_task("messaging.tasks.send_slice_run_task", send_slice.pk, q_options={"cluster": "bulk", "sync": False})

    # when each attempt hangs past Q_TIMEOUT and the sweeper runs every second (the bulk cluster has one worker: the
    # second attempt can only start because django-q2 killed the first at its timeout)
    started = time.monotonic()

    def given_up():
        async_task("usdatabiz.core.tasks.work_sweep_task", q_options={"cluster": "realtime", "sync": False})
        time.sleep(1)
        return SendSlice.objects.get(pk=send_slice.pk).state == "failed"

    wait_for(given_up, 90, "the slice to be given up")
    took = time.monotonic() - started
    assert took < 60, f"took {took:.0f} s"  # two timeouts and a lease or two, not Q_RETRY (600 s) per attempt

    # then the slice was tried twice and failed with TASK_TIMEOUT, the campaign paused, and the team alerted
    send_slice.refresh_from_db()
    assert (send_slice.state, send_slice.error_code, send_slice.attempts) == ("failed", "TASK_TIMEOUT", 2)
    campaign.refresh_from_db()
    assert campaign.status == "paused"
    alert = Alert.objects.get(team=team, code="TASK_TIMEOUT")
    assert (alert.kind, alert.stage, alert.status) == ("failure", 7, "open")
    assert StageFailure.objects.filter(stage=7, code="TASK_TIMEOUT").count() == 1
    # and no run is left "running"
    assert not StageRun.objects.filter(stage=7, subject_id=campaign.pk, status="running").exists()
    # and nobody was texted twice: at most one text reached the provider per attempt, and a text caught in flight
    # by a killed attempt is held for review when the next one starts (the last one's waits for the stale-send hold)
    keys = log.read_text().split()
    assert 1 <= len(keys) <= 2
    assert len(keys) == len(set(keys))
    messages = {m.idempotency_key: m for m in Message.objects.filter(campaign=campaign)}
    assert set(keys) <= set(messages)
    assert {k: m.status for k, m in messages.items() if k not in keys} == dict.fromkeys(
        set(messages) - set(keys), "queued"
    )
    held = [m for m in messages.values() if m.status == "held"]
    assert len(held) == len(keys) - 1
    assert all(m.idempotency_key in keys and m.error_code == "OUTCOME_UNKNOWN" for m in held)
    assert not any(m.status == "sent" for m in messages.values())
    assert CampaignLead.objects.filter(campaign=campaign, status="pending").exclude(skip_code="HELD").count() >= 1
