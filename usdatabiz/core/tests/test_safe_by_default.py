"""Production is the default: what a newcomer's deployment gets with only a database, a key and a host name.

The settings tests run ``manage.py`` in a fresh process with a clean environment (nothing from the test run), the
way a server starts.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

REPO = Path(__file__).resolve().parents[3]
KEY = "k7Q2-x9VfLm3Rt8ZpWc4Nb6Hd1Js5Ga0Ye2Uo7Ki9Xq3Tv8Lr4Mw6Pz1Ce5Bn0Dh"  # 50+ characters, many different ones


def manage(*args, **env) -> subprocess.CompletedProcess:
    clean = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "DATABASE_URL": "sqlite:///:memory:"}
    clean.update({k: v for k, v in env.items() if v is not None})
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=clean, capture_output=True, text=True, timeout=120
    )


def settings_of(*names, **env) -> list[str]:
    code = f"from django.conf import settings; print('|'.join(str(getattr(settings, n)) for n in {names!r}))"
    result = manage("shell", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1].split("|")


@pytest.mark.parametrize("database", [[], ["--database", "default"]], ids=["settings", "with-database-checks"])
def test_check_deploy_is_clean_with_only_database_key_and_hosts(database):
    result = manage(
        "check", "--deploy", *database, "--fail-level", "WARNING", SECRET_KEY=KEY, ALLOWED_HOSTS="console.example.com"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stdout + result.stderr
    assert "ERRORS" not in result.stdout + result.stderr


def test_check_deploy_says_what_the_embedded_defaults_lack_without_failing():
    result = manage("check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=KEY, ALLOWED_HOSTS="console.example.com")

    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout + result.stderr  # Django writes the messages of a check that passes to stderr
    assert "core.I001" in out
    assert "SQLite" in out
    assert "DATABASE_URL" in out
    assert "core.I002" in out
    assert "SMS_PROVIDER is sandbox" in out
    assert "core.I003" in out
    assert "SKIPTRACE_PROVIDER is sandbox" in out


def test_check_deploy_says_nothing_of_defaults_a_deployment_replaced():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=KEY,
        ALLOWED_HOSTS="console.example.com",
        DATABASE_URL="postgres://console@db.invalid:5432/console",
        SMS_PROVIDER="signalhouse",
        SIGNALHOUSE_API_KEY="key",
        SIGNALHOUSE_WEBHOOK_SECRET="a-signing-secret-of-the-platform",
        SKIPTRACE_PROVIDER="realestateapi",
        REALESTATEAPI_API_KEY="key",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_plain_check_keeps_quiet_about_the_defaults():
    result = manage("check", SECRET_KEY=KEY, ALLOWED_HOSTS="console.example.com")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "core.I00" not in result.stdout + result.stderr


def test_without_secret_key_the_console_refuses_to_start_and_says_what_to_set():
    result = manage("check", ALLOWED_HOSTS="console.example.com")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    assert "Set SECRET_KEY" in result.stderr


def test_debug_is_off_unless_asked_and_django_debug_is_an_alias():
    assert settings_of("DEBUG", SECRET_KEY=KEY) == ["False"]
    assert settings_of("DEBUG", SECRET_KEY=KEY, DEBUG="1") == ["True"]
    assert settings_of("DEBUG", SECRET_KEY=KEY, DJANGO_DEBUG="1") == ["True"]
    assert settings_of("DEBUG", SECRET_KEY=KEY, DEBUG="0", DJANGO_DEBUG="1") == ["False"]  # the main name wins


def test_debug_without_a_key_runs_with_the_development_key():
    assert settings_of("DEBUG", DEBUG="1") == ["True"]


def test_https_settings_are_on_by_default_and_each_turns_off_by_its_own_name():
    names = ("SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_HSTS_SECONDS")
    assert settings_of(*names, SECRET_KEY=KEY) == ["True", "True", "True", "31536000"]
    off = {"SECURE_SSL_REDIRECT": "0", "SESSION_COOKIE_SECURE": "0", "CSRF_COOKIE_SECURE": "0"}
    assert settings_of(*names, SECRET_KEY=KEY, SECURE_HSTS_SECONDS="0", **off) == ["False", "False", "False", "0"]
    # and check --deploy then says so, naming each
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=KEY, ALLOWED_HOSTS="x.example",
        SECURE_HSTS_SECONDS="0", DEBUG="1", **off,
    )  # fmt: skip
    assert result.returncode != 0
    for warning in ("security.W008", "security.W012", "security.W016", "security.W004", "security.W018"):
        assert warning in result.stderr + result.stdout


def test_proxy_ssl_header_is_read_from_the_environment():
    assert settings_of("SECURE_PROXY_SSL_HEADER", SECRET_KEY=KEY, SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto") == [
        "('HTTP_X_FORWARDED_PROTO', 'https')"
    ]


def test_a_real_provider_without_its_own_signing_secret_fails_the_check():
    result = manage("check", "--deploy", SECRET_KEY=KEY, ALLOWED_HOSTS="x.example", SMS_PROVIDER="signalhouse")
    assert result.returncode != 0
    assert "messaging.E002" in result.stderr
    assert "SIGNALHOUSE_WEBHOOK_SECRET" in result.stderr


def test_the_sandbox_secret_is_refused_outside_the_sandbox():
    from messaging.sms import SANDBOX_WEBHOOK_SECRET

    result = manage(
        "check", SECRET_KEY=KEY, SMS_PROVIDER="signalhouse", SIGNALHOUSE_WEBHOOK_SECRET=SANDBOX_WEBHOOK_SECRET
    )
    assert result.returncode != 0
    assert "messaging.E003" in result.stderr


@pytest.mark.parametrize("debug", [False, True])
def test_an_unknown_host_never_sees_a_debug_page(client, settings, debug, db):
    settings.DEBUG = debug
    settings.ALLOWED_HOSTS = ["console.example.com"]
    response = client.get("/sources/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    body = response.content.decode()
    assert "does not answer for this host" in body
    for leak in ("DATABASES", "Traceback", "DisallowedHost", "SECRET_KEY", "settings"):
        assert leak not in body


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a second process reads the test database (CI: PostgreSQL)"
)
@pytest.mark.django_db(transaction=True)
def test_the_deploy_check_stops_on_a_team_with_its_own_account_but_no_secret_of_its_own():
    from messaging.services import provider_credential_set
    from usdatabiz.core.tests.factories import TeamFactory

    # given a team that sends through its own SignalHouse account (its API key) on a sandbox console
    team = TeamFactory(slug="own-account")
    provider_credential_set(team=team, provider="signalhouse", name="api_key", value="sh-team-key-0001")
    db = connection.settings_dict
    url = (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )
    deploy = ("check", "--deploy", "--database", "default", "--fail-level", "WARNING")

    # when the deployment's check runs, then it stops and names the team
    refused = manage(*deploy, DATABASE_URL=url, SECRET_KEY=KEY, ALLOWED_HOSTS="x.example")
    assert refused.returncode != 0
    assert "messaging.E004" in refused.stderr
    assert "'own-account'" in refused.stderr

    # and once the team has a signing secret of its own, the check is clean
    provider_credential_set(team=team, provider="signalhouse", name="webhook_secret", value="whsec-own-0001")
    clean = manage(*deploy, DATABASE_URL=url, SECRET_KEY=KEY, ALLOWED_HOSTS="x.example")
    assert clean.returncode == 0, clean.stderr
