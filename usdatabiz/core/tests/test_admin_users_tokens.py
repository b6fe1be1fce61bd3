"""Django admin of users and API tokens: a team admin (staff, not superuser) sees and changes only their teams'
people and tokens, and cannot make anyone a superuser or hand out permissions; superusers see everyone."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from rest_framework.authtoken.models import Token

from usdatabiz.core.models import Membership
from usdatabiz.core.services import token_for
from usdatabiz.core.tests.factories import MembershipFactory, UserFactory

User = get_user_model()
USERS = reverse("admin:auth_user_changelist")
TOKENS = reverse("admin:authtoken_tokenproxy_changelist")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _user_url(user, view="change"):
    return reverse(f"admin:auth_user_{view}", args=[user.pk])


def _token_url(user, view="change"):
    # the token admin addresses a token by its user's id
    return reverse(f"admin:authtoken_tokenproxy_{view}", args=[user.pk])


@pytest.fixture
def stan(team):
    """Acme's team admin: staff, not superuser, with every permission on users, tokens and memberships."""
    user = UserFactory(username="stan", is_staff=True)
    MembershipFactory(team=team, user=user, role=Membership.Role.ADMIN)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=["auth", "authtoken", "core"],
            content_type__model__in=["user", "token", "tokenproxy", "membership"],
        )
    )
    return user


@pytest.fixture
def people(team, stan, operator, outsider):
    """Acme: stan and olivia; Rival: mallory; and a superuser who belongs to Acme too."""
    root = UserFactory(username="root", is_staff=True, is_superuser=True)
    MembershipFactory(team=team, user=root, role=Membership.Role.ADMIN)
    for user in (stan, operator, outsider, root):
        token_for(user=user)
    return {"stan": stan, "olivia": operator, "mallory": outsider, "root": root}


@pytest.fixture
def stan_client(client, stan):
    client.force_login(stan)
    return client


def _listed(response) -> set[str]:
    assert response.status_code == 200
    return {getattr(row, "username", None) or row.user.username for row in response.context["cl"].result_list}


def test_team_admin_lists_only_their_teams_users(stan_client, people):
    response = stan_client.get(USERS)

    assert _listed(response) == {"stan", "olivia"}
    assert "mallory" not in response.content.decode()


def test_team_admin_search_does_not_reach_another_teams_user(stan_client, people):
    assert _listed(stan_client.get(USERS, {"q": "mallory"})) == set()


@pytest.mark.parametrize("view", ["change", "history", "delete", "password_change"])
def test_team_admin_cannot_open_another_teams_user(stan_client, people, view):
    mallory = people["mallory"]

    response = stan_client.get(_user_url(mallory, view))

    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert response["Location"] == reverse("admin:index")
    assert "mallory" not in response.content.decode()


def test_team_admin_cannot_change_another_teams_password_or_delete_them(stan_client, people):
    mallory = people["mallory"]

    stan_client.post(
        _user_url(mallory, "password_change"),
        {"password1": "new-pass-word-9", "password2": "new-pass-word-9", "usable_password": "true"},
    )
    stan_client.post(_user_url(mallory, "delete"), {"post": "yes"})
    stan_client.post(USERS, {"action": "delete_selected", "_selected_action": [mallory.pk], "post": "yes"})

    mallory.refresh_from_db()
    assert mallory.check_password("pass-word-123")


def test_team_admin_cannot_open_a_superuser_of_their_team(stan_client, people):
    root = people["root"]

    assert stan_client.get(_user_url(root, "password_change")).status_code in (302, 404)
    assert stan_client.get(_user_url(root)).status_code in (302, 404)


def test_team_admin_changes_their_teams_user(stan_client, people):
    olivia = people["olivia"]

    response = stan_client.post(
        _user_url(olivia, "password_change"),
        {"password1": "new-pass-word-9", "password2": "new-pass-word-9", "usable_password": "true"},
    )

    assert response.status_code == 302
    olivia.refresh_from_db()
    assert olivia.check_password("new-pass-word-9")


def _change_form(user, **extra):
    data = {
        "username": user.username,
        "email": user.email,
        "first_name": "",
        "last_name": "",
        "is_active": "on",
        "is_staff": "on" if user.is_staff else "",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "00:00:00",
    }
    data.update(extra)
    return {key: value for key, value in data.items() if value != ""}


def test_team_admin_cannot_make_anyone_a_superuser_or_grant_permissions(stan_client, people):
    # when stan posts the change form of himself and of olivia with superuser and every permission ticked
    everything = list(Permission.objects.values_list("pk", flat=True))
    for user in (people["stan"], people["olivia"]):
        assert stan_client.get(_user_url(user)).status_code == 200
        response = stan_client.post(
            _user_url(user), _change_form(user, is_superuser="on", user_permissions=everything, last_name="Changed")
        )
        assert response.status_code == 302  # saved, without the rights

    # then nobody became a superuser and nobody gained a permission
    for name in ("stan", "olivia"):
        user = User.objects.get(username=name)
        assert (user.is_superuser, user.last_name) == (False, "Changed")
    assert people["olivia"].user_permissions.count() == 0
    assert people["stan"].user_permissions.count() < len(everything)


def test_team_admin_adds_a_user_into_one_of_their_teams(stan_client, team, other_team, people):
    add = reverse("admin:auth_user_add")
    form = stan_client.get(add).context["adminform"].form
    assert list(form.fields["team"].queryset) == [team]

    # a team the admin does not belong to is refused
    refused = stan_client.post(
        add,
        {"username": "ned", "password1": "pass-word-456", "password2": "pass-word-456", "usable_password": "true",
         "team": other_team.pk, "role": "operator"},
    )  # fmt: skip
    assert refused.status_code == 200
    assert "team" in refused.context["adminform"].form.errors
    assert not User.objects.filter(username="ned").exists()

    response = stan_client.post(
        add,
        {"username": "ned", "password1": "pass-word-456", "password2": "pass-word-456", "usable_password": "true",
         "team": team.pk, "role": "viewer"},
    )  # fmt: skip

    ned = User.objects.get(username="ned")
    assert response.status_code == 302
    assert list(ned.memberships.values_list("team_id", "role")) == [(team.pk, "viewer")]
    assert stan_client.get(response["Location"]).status_code == 200


def test_team_admin_lists_only_their_teams_tokens(stan_client, people):
    response = stan_client.get(TOKENS)

    assert _listed(response) == {"stan", "olivia"}
    body = response.content.decode()
    for name in ("mallory", "root"):
        assert Token.objects.get(user=people[name]).key not in body


@pytest.mark.parametrize("view", ["change", "delete"])
def test_team_admin_cannot_open_another_teams_token(stan_client, people, view):
    mallory = people["mallory"]

    response = stan_client.get(_token_url(mallory, view))

    assert response.status_code in (302, 404)
    assert Token.objects.get(user=mallory).key not in response.content.decode()
    stan_client.post(_token_url(mallory, "delete"), {"post": "yes"})
    assert Token.objects.filter(user=mallory).exists()


def test_token_add_form_offers_only_their_teams_users(stan_client, people, team):
    add = reverse("admin:authtoken_tokenproxy_add")
    Token.objects.filter(user__username__in=["olivia", "mallory"]).delete()

    form = stan_client.get(add).context["adminform"].form
    assert set(form.fields["user"].queryset.values_list("username", flat=True)) == {"stan", "olivia"}

    response = stan_client.post(add, {"user": people["mallory"].pk})
    assert response.status_code == 200
    assert "user" in response.context["adminform"].form.errors
    assert not Token.objects.filter(user=people["mallory"]).exists()


def test_membership_form_cannot_pull_another_teams_user_into_the_team(stan_client, people, team):
    # when stan adds Rival's admin to Acme (typing her id), she would become his to edit: refused
    response = stan_client.post(
        reverse("admin:core_membership_add"), {"team": team.pk, "user": people["mallory"].pk, "role": "operator"}
    )

    assert response.status_code == 200
    assert "user" in response.context["adminform"].form.errors
    assert not Membership.objects.filter(team=team, user=people["mallory"]).exists()


def test_user_autocomplete_from_the_membership_form_finds_only_their_teams_users(stan_client, people):
    response = stan_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "core", "model_name": "membership", "field_name": "user", "term": ""},
    )

    assert response.status_code == 200
    assert {row["text"] for row in json.loads(response.content)["results"]} == {"stan", "olivia"}


def test_superuser_sees_every_user_and_token(client, people):
    client.force_login(people["root"])

    assert _listed(client.get(USERS)) == {"stan", "olivia", "mallory", "root"}
    assert _listed(client.get(TOKENS)) == {"stan", "olivia", "mallory", "root"}
    assert client.get(_user_url(people["mallory"])).status_code == 200
    assert client.get(_token_url(people["mallory"])).status_code == 200
