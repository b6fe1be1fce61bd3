"""Test support: real ``qcluster`` processes on the test database, started and stopped by a test.

``python -m usdatabiz.core.tests.qcluster PIPELINE_MODULE`` runs a cluster (the lane comes from
``Q_CLUSTER_NAME``) whose journey reads ``PIPELINE_MODULE``, so a test can stop the journey where it wants.

With ``TEST_SMS_LOG`` (a file) the sandbox SMS provider of the cluster writes each idempotency key it is given
to that file before answering, and waits ``TEST_SMS_DELAY`` seconds as a real provider's round trip would: the
test reads what reached "the provider" from any process, even one it killed mid-call.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

REPO_ROOT = Path(__file__).resolve().parents[3]
# How often a kill test queues a sweep of leases after the kill (the schedule does it every minute): a killed
# worker's 3-second lease (WORK_LEASE_SECONDS=3 in those tests) and a killed cluster's django-q2 stats (kept 3 s)
# are gone by the second sweep, so the work is taken over a few seconds after the kill, not after Q_RETRY.
SWEEP_EVERY = 2


def needs_a_shared_database():
    """The mark of a test whose clusters are other processes: they open the test database themselves."""
    import pytest

    return pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="real qcluster processes need a database other processes can open (PostgreSQL; CI runs it)",
    )


def wait_for(condition, timeout: float, what: str) -> None:
    """Poll ``condition`` until it holds, or fail saying what the test waited for."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"waited {timeout} s for {what}")


def no_clusters_left(timeout: float = 30) -> None:
    """Wait until the clusters earlier tests killed stop counting (a killed cluster's last stat lives 3 s): a test
    that starts its own, or checks what happens with none, begins from none."""
    from usdatabiz.core.lanes import running_clusters

    wait_for(lambda: not running_clusters(), timeout, "the clusters of earlier tests to stop counting")


def queue_on(task_path: str, *args, lane: str, **kwargs) -> None:
    """Put a task on a lane's queue from this (sync) test process, as a web process would."""
    from django_q.tasks import async_task

    async_task(task_path, *args, q_options={"cluster": lane, "sync": False}, **kwargs)


def database_url() -> str:
    """The URL of the database this test runs on (PostgreSQL: other processes can open it)."""
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def environment(**extra) -> dict[str, str]:
    """What a process of the test needs to share its database, storage, signing key and queue."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "SECRET_KEY": settings.SECRET_KEY,
        "Q_SYNC": "0",
        "DEBUG": "0",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(REPO_ROOT),
    }
    env.pop("REDIS_URL", None)
    env.update({key: str(value) for key, value in extra.items()})
    return env


class QCluster:
    """One real cluster of a lane: ``start()`` waits until it is running, ``stop()`` ends its processes."""

    def __init__(self, lane: str, *, pipeline: str = "usdatabiz.pipeline", workers: int = 1, **env):
        self.lane = lane
        self.env = environment(Q_CLUSTER_NAME=lane, **{f"Q_{lane.upper()}_WORKERS": workers}, **env)
        self.pipeline = pipeline
        self.process = None

    def start(self, timeout: float = 60.0) -> "QCluster":
        from usdatabiz.core.lanes import cluster_running

        self.process = subprocess.Popen(
            [sys.executable, "-m", "usdatabiz.core.tests.qcluster", self.pipeline],
            cwd=REPO_ROOT,
            env=self.env,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while not cluster_running(self.lane):
            if self.process.poll() is not None:
                raise RuntimeError(f"the {self.lane} cluster exited with {self.process.returncode}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the {self.lane} cluster did not start within {timeout} s")
            time.sleep(0.2)
        return self

    def stop(self, grace: float = 5.0) -> None:
        """SIGTERM, then SIGKILL after ``grace`` seconds: a test's cluster holds nothing worth a longer wait (the
        kill tests kill on purpose; a graceful django-q2 shutdown can take its full 30 s to notice the signal)."""
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def kill(self) -> None:
        """SIGKILL its processes at once: the end of a test that has checked the cluster's work (a SIGTERM would
        cost ``stop``'s whole grace; its stats are gone 3 s later, as after any stop)."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usdatabiz.settings")
    import django

    django.setup()
    settings.PIPELINE_MODULE = sys.argv[1]
    if os.environ.get("TEST_SMS_LOG"):
        from messaging.sms import SandboxSms

        log_path, delay = os.environ["TEST_SMS_LOG"], float(os.environ.get("TEST_SMS_DELAY", "0"))
        answer = SandboxSms.send_sms

        def send_sms(self, **kwargs):
            with open(log_path, "a", encoding="utf-8") as log:
                log.write(kwargs["idempotency_key"] + "\n")
            time.sleep(delay)
            return answer(self, **kwargs)

        SandboxSms.send_sms = send_sms
    from django.core.management import call_command

    call_command("qcluster")
