"""Error pages in the console's layout that say what to do, and the probes for load balancers."""

import pytest
from django.test import RequestFactory

from usdatabiz.core import views
from usdatabiz.core.tests.factories import UserFactory


def test_404_is_the_console_page_saying_what_to_do(operator_client):
    response = operator_client.get("/no-such-page/")
    assert response.status_code == 404
    body = response.content.decode()
    assert 'class="topbar"' in body
    assert "Page not found" in body
    assert "switch teams" in body


def test_a_logged_in_user_without_a_team_is_told_how_to_get_one(client, db):
    client.force_login(UserFactory(username="newcomer"))
    response = client.get("/")
    assert response.status_code == 403
    body = response.content.decode()
    assert "You are not in a team yet" in body
    assert "manage.py createteam" in body
    assert "--owner newcomer" in body
    assert 'class="topbar"' in body


def test_a_role_refusal_is_a_403_page_in_the_layout(viewer):
    from django.core.exceptions import PermissionDenied

    from usdatabiz.core.models import Membership

    request = RequestFactory().get("/")
    request.user = viewer
    request.membership = Membership.objects.get(user=viewer)
    response = views.permission_denied(request, PermissionDenied("no"))
    assert response.status_code == 403
    assert "Ask an admin of your team" in response.content.decode()


@pytest.mark.parametrize(
    ("raised", "status", "advice"),
    [
        ("suspicious", 400, "check what you entered"),
        ("denied", 403, "Ask an admin of your team"),
        ("missing", 404, "switch teams from the menu"),
        ("broken", 500, "Try again in a minute"),
    ],
)
def test_each_error_page_is_in_the_console_layout_and_says_what_to_do(operator, monkeypatch, raised, status, advice):
    # given a page of the console that fails in each of the four ways, for a logged-in operator
    from django.core.exceptions import PermissionDenied, SuspiciousOperation
    from django.http import Http404
    from django.test import Client

    errors = {"suspicious": SuspiciousOperation, "denied": PermissionDenied, "missing": Http404, "broken": ValueError}

    def fail(self, **kwargs):
        raise errors[raised]("from the page")

    monkeypatch.setattr(views.StageListView, "get_context_data", fail)
    client = Client(raise_request_exception=False)
    client.force_login(operator)

    # when it is opened, then the error handlers of the URLconf answer with the layout and what to do next
    response = client.get("/stages/")
    assert response.status_code == status
    body = response.content.decode()
    assert 'class="topbar"' in body
    assert f'data-status="{status}"' in body
    assert advice in body
    assert "from the page" not in body  # the exception's own text stays in the log


def test_400_and_500_pages_say_what_to_do(db):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/sources/")
    request.user = AnonymousUser()
    bad = views.bad_request(request, None)
    assert bad.status_code == 400
    assert "check what you entered" in bad.content.decode()
    error = views.server_error(request)
    assert error.status_code == 500
    assert "Try again in a minute" in error.content.decode()


def test_a_server_error_page_survives_a_broken_layout(db, monkeypatch):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    monkeypatch.setattr("usdatabiz.core.context_processors.team_list_for_user", lambda **kw: 1 / 0)
    response = views.server_error(request)
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_api_errors_stay_json(operator_api):
    response = operator_api.get("/api/v1/campaigns/no/such/thing/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_healthz_answers_without_the_database_for_any_host(client, django_assert_num_queries, settings, db):
    settings.ALLOWED_HOSTS = ["console.example.com"]
    with django_assert_num_queries(0):
        response = client.get("/healthz/", HTTP_HOST="10.0.0.5")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    # a prober keeping its connection alive reads exactly this answer
    assert response["Content-Length"] == str(len(response.content))


def test_readyz_checks_database_broker_and_storage(client, db):
    response = client.get("/readyz/")
    assert response.status_code == 200
    assert response["Content-Length"] == str(len(response.content))
    body = response.json()
    assert body["status"] == "ok"
    assert body["failed"] == []
    assert set(body["checks"]) == {"database", "broker", "storage"}


def test_readyz_names_an_unreachable_redis(client, db, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    response = client.get("/readyz/")
    assert response.status_code == 503
    assert response.json()["failed"] == ["broker"]
    assert response.json()["checks"]["database"] == "ok"


def test_readyz_names_unreachable_storage(client, db, settings):
    from botocore.config import Config

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": "uploads",
                "endpoint_url": "http://127.0.0.1:1",
                "access_key": "x",
                "secret_key": "y",
                "client_config": Config(connect_timeout=1, retries={"max_attempts": 1}),
            },
        },
    }
    response = client.get("/readyz/")
    assert response.status_code == 503
    assert response.json()["failed"] == ["storage"]


@pytest.mark.django_db
def test_readyz_with_redis_when_it_answers(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:6379/10"
    response = client.get("/readyz/")
    assert response.status_code == 200
    assert response.json()["checks"]["broker"] == "ok"


@pytest.fixture
def unreachable_database(db):
    """The default connection, for this test, points at a database that does not answer: PostgreSQL on a port
    nothing listens on, or an SQLite file in a folder that does not exist."""
    from django.db import connections

    real = connections["default"]
    if real.vendor == "sqlite":
        where = {"NAME": "/nonexistent-folder/readyz.sqlite3"}
    else:
        where = {"HOST": "127.0.0.1", "PORT": "1"}
    unreachable = real.__class__({**real.settings_dict, **where}, alias="default")
    connections["default"] = unreachable
    yield
    unreachable.close()
    connections["default"] = real


@pytest.mark.usefixtures("unreachable_database")
def test_readyz_names_an_unreachable_database(client):
    response = client.get("/readyz/")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["failed"] == ["database"]
    assert body["checks"]["database"] == "failed: OperationalError"
    assert body["checks"]["storage"] == "ok"
