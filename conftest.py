"""Fixtures shared by every test: teams, users in each role, logged-in page and API clients.

Tests never reach the network: ``responses`` intercepts ``requests`` and anything else that tries
to leave the machine fails.
"""

import socket

import pytest
from rest_framework.test import APIClient

from usdatabiz.core.models import Membership
from usdatabiz.core.services import token_for
from usdatabiz.core.tests.factories import MembershipFactory, TeamFactory, UserFactory

PASSWORD = "pass-word-123"
_real_connect = socket.socket.connect


def _local_only_connect(self, address):
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and host not in ("127.0.0.1", "localhost", "::1", "0.0.0.0") and not host.startswith("/"):
        raise OSError(f"Tests must not reach the network (tried {host}).")
    return _real_connect(self, address)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    monkeypatch.setattr(socket.socket, "connect", _local_only_connect)


@pytest.fixture(autouse=True)
def _media_root(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def team(db):
    return TeamFactory(slug="acme", name="Acme Sales")


@pytest.fixture
def other_team(db):
    return TeamFactory(slug="rival", name="Rival Sales")


def _member(team, role, username):
    user = UserFactory(username=username)
    MembershipFactory(team=team, user=user, role=role)
    return user


@pytest.fixture
def operator(team):
    return _member(team, Membership.Role.OPERATOR, "olivia")


@pytest.fixture
def team_admin(team):
    return _member(team, Membership.Role.ADMIN, "adam")


@pytest.fixture
def viewer(team):
    return _member(team, Membership.Role.VIEWER, "vera")


@pytest.fixture
def outsider(other_team):
    return _member(other_team, Membership.Role.ADMIN, "mallory")


@pytest.fixture
def operator_client(client, operator):
    client.force_login(operator)
    return client


@pytest.fixture
def outsider_client(client, outsider):
    client.force_login(outsider)
    return client


def api_client_for(user) -> APIClient:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token_for(user=user).key}")
    return api


@pytest.fixture
def operator_api(operator):
    return api_client_for(operator)


@pytest.fixture
def outsider_api(outsider):
    return api_client_for(outsider)
