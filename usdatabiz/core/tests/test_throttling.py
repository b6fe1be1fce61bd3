"""Guessing is throttled: the login lockout (django-axes) through the real login pages, and the API throttles."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from rest_framework.test import APIClient

from conftest import PASSWORD, api_client_for
from usdatabiz.core.tests.factories import UserFactory


def fail(client, url, username, times, **extra):
    """Fail ``times`` logins; the form answers each with its error, and the tenth failure locks at once (429)."""
    statuses = []
    for _ in range(times):
        response = client.post(url, {"username": username, "password": "wrong-password"}, **extra)
        statuses.append(response.status_code)
        assert SESSION_KEY not in client.session
    return statuses


@pytest.mark.parametrize("url", ["/login/", "/admin/login/"])
def test_ten_failures_for_a_username_lock_it_even_with_the_right_password(client, operator, url):
    operator.is_staff = True
    operator.save()
    assert fail(client, url, "olivia", 10) == [200] * 9 + [429]
    response = client.post(url, {"username": "olivia", "password": PASSWORD})
    assert response.status_code == 429
    body = response.content.decode()
    assert "Too many failed logins" in body
    assert "Try again in 15 minutes" in body
    assert SESSION_KEY not in client.session
    assert int(response["Retry-After"]) == 15 * 60


def test_nine_failures_still_let_the_right_password_in(client, operator):
    assert fail(client, "/login/", "olivia", 9) == [200] * 9
    response = client.post("/login/", {"username": "olivia", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(operator.pk)


def test_ten_failures_from_one_address_lock_it_for_every_username(client, operator):
    statuses = [fail(client, "/login/", f"guess{n}", 1, REMOTE_ADDR="203.0.113.7")[0] for n in range(10)]
    assert statuses == [200] * 9 + [429]
    locked = client.post("/login/", {"username": "olivia", "password": PASSWORD}, REMOTE_ADDR="203.0.113.7")
    assert locked.status_code == 429
    # another address is not locked, and olivia herself was not the one guessed
    ok = client.post("/login/", {"username": "olivia", "password": PASSWORD}, REMOTE_ADDR="198.51.100.2")
    assert ok.status_code == 302


def test_the_lockout_ends_after_the_cool_off(client, operator, time_machine):
    time_machine.move_to("2026-06-01 12:00:00+00:00", tick=False)
    fail(client, "/login/", "olivia", 10)
    assert client.post("/login/", {"username": "olivia", "password": PASSWORD}).status_code == 429
    time_machine.move_to("2026-06-01 12:16:00+00:00", tick=False)
    assert client.post("/login/", {"username": "olivia", "password": PASSWORD}).status_code == 302


def test_failures_older_than_the_window_are_forgotten(client, operator, time_machine):
    # given 9 failed logins, then a 16-minute pause
    time_machine.move_to("2026-06-01 12:00:00+00:00", tick=False)
    fail(client, "/login/", "olivia", 9)
    time_machine.move_to("2026-06-01 12:16:00+00:00", tick=False)

    # when she fails once more: that is 1 failure in the last 15 minutes, not 10, so she is not locked out
    assert fail(client, "/login/", "olivia", 1) == [200]
    assert client.post("/login/", {"username": "olivia", "password": PASSWORD}).status_code == 302


@pytest.fixture
def low_rates(settings):
    settings.API_THROTTLE_RATES = {"anon": "2/min", "token": "3/min"}
    cache.clear()
    yield
    cache.clear()


@pytest.mark.usefixtures("low_rates")
def test_a_token_is_throttled_on_its_own(operator, team_admin):
    api = api_client_for(operator)
    for _ in range(3):
        assert api.get("/api/v1/campaigns/").status_code == 200
    refused = api.get("/api/v1/campaigns/")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "throttled" in refused.json()["detail"].lower()
    assert api_client_for(team_admin).get("/api/v1/campaigns/").status_code == 200  # another token has its own count


@pytest.mark.usefixtures("low_rates")
def test_anonymous_requests_are_throttled_per_address(db):
    anon = APIClient()
    assert [anon.get("/api/v1/campaigns/").status_code for _ in range(2)] == [401, 401]
    assert anon.get("/api/v1/campaigns/").status_code == 429
    assert anon.get("/api/v1/campaigns/", REMOTE_ADDR="198.51.100.9").status_code == 401


@pytest.mark.usefixtures("low_rates")
def test_guessed_tokens_are_throttled_per_address(db):
    guesser = APIClient()
    guesser.credentials(HTTP_AUTHORIZATION="Token 0123456789abcdef0123456789abcdef01234567")
    assert [guesser.get("/api/v1/campaigns/").status_code for _ in range(2)] == [401, 401]
    refused = guesser.get("/api/v1/campaigns/")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0


def test_the_schema_and_docs_need_a_login(client, operator):
    assert APIClient().get("/api/schema/").status_code == 401
    response = client.get("/api/docs/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
    assert api_client_for(operator).get("/api/schema/").status_code == 200
    loner = UserFactory(username="loner")  # any logged-in user may read it: the schema holds no team data
    client.force_login(loner)
    assert client.get("/api/docs/").status_code == 200
    assert client.get("/api/schema/").status_code == 200
