"""An environment variable set to the empty string (``REDIS_URL=`` in a compose file or .env) means its default."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

READ = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "REDIS_URL": settings.REDIS_URL,
    "broker": "redis" if "redis" in settings.Q_CLUSTER else settings.Q_CLUSTER.get("orm"),
    "cache": settings.CACHES["default"]["BACKEND"],
    "STORAGE_BACKEND": settings.STORAGE_BACKEND,
    "storage": settings.STORAGES["default"]["BACKEND"],
    "TIME_ZONE": settings.TIME_ZONE,
    "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    "SMS_PROVIDER": settings.SMS_PROVIDER,
    "SKIPTRACE_PROVIDER": settings.SKIPTRACE_PROVIDER,
    "workers": settings.Q_CLUSTER["workers"],
    "realtime_poll": settings.Q_CLUSTER["ALT_CLUSTERS"]["realtime"]["poll"],
    "DEBUG": settings.DEBUG,
    "SECURE_SSL_REDIRECT": settings.SECURE_SSL_REDIRECT,
    "EMAIL_HOST": settings.EMAIL_HOST,
    "ALLOWED_HOSTS": settings.ALLOWED_HOSTS,
    "INGEST_NORMALIZE": settings.INGEST_NORMALIZE,
}))
"""

EMPTIED = [
    "REDIS_URL",
    "STORAGE_BACKEND",
    "TIME_ZONE",
    "MEDIA_ROOT",
    "SMS_PROVIDER",
    "SKIPTRACE_PROVIDER",
    "Q_WORKERS",
    "Q_REALTIME_POLL",
    "Q_REALTIME_WORKERS",
    "Q_BULK_WORKERS",
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "EMAIL_HOST",
    "ALLOWED_HOSTS",
    "INGEST_NORMALIZE",
    "LOG_LEVEL",
    "DATABASE_URL",
]


def _settings(extra: dict) -> dict:
    environ = {k: v for k, v in os.environ.items() if k not in EMPTIED and not k.startswith("PYTEST")}
    environ.update(DJANGO_SETTINGS_MODULE="usdatabiz.settings", SECRET_KEY="x" * 64, **extra)
    done = subprocess.run(
        [sys.executable, "-c", READ], cwd=ROOT, env=environ, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_variables_set_to_the_empty_string_take_their_defaults():
    # given the settings with none of the variables set, and with each set to the empty string
    unset = _settings({})
    emptied = _settings(dict.fromkeys(EMPTIED, ""))

    # then both read the same defaults, and nothing became an empty value
    assert emptied == unset
    assert emptied["REDIS_URL"] == ""
    assert (emptied["broker"], emptied["STORAGE_BACKEND"], emptied["TIME_ZONE"]) == ("default", "local", "UTC")
    assert (emptied["SMS_PROVIDER"], emptied["SKIPTRACE_PROVIDER"]) == ("sandbox", "sandbox")
    assert emptied["MEDIA_ROOT"] == str(ROOT / "media")
    assert (emptied["workers"], emptied["realtime_poll"], emptied["DEBUG"]) == (2, 0.2, False)
    assert emptied["SECURE_SSL_REDIRECT"] is True
    assert "127.0.0.1" in emptied["ALLOWED_HOSTS"]


def test_blank_space_in_a_variable_is_also_the_default():
    # given variables holding only blanks (a trailing space in a .env file)
    spaced = _settings({"STORAGE_BACKEND": " ", "Q_WORKERS": " ", "TIME_ZONE": "  "})

    # then they too take their defaults
    assert (spaced["STORAGE_BACKEND"], spaced["workers"], spaced["TIME_ZONE"]) == ("local", 2, "UTC")
