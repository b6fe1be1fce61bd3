"""Which team a request acts for: session choice, ``X-Team`` header, team switch, login and logout."""

import pytest
from django.contrib.auth import SESSION_KEY as AUTH_SESSION_KEY
from django.urls import reverse

from conftest import PASSWORD, api_client_for
from identity.models import Business
from usdatabiz.core import tenancy
from usdatabiz.core.models import Membership
from usdatabiz.core.tests.factories import MembershipFactory, UserFactory

DASHBOARD = reverse("core:dashboard")
LOGIN = reverse("core:login")
LOGOUT = reverse("core:logout")
SWITCH = reverse("core:team-switch")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def both_teams_user(team, other_team):
    """A user who is an operator of Acme Sales and a viewer of Rival Sales."""
    user = UserFactory(username="bianca")
    MembershipFactory(team=team, user=user, role=Membership.Role.OPERATOR)
    MembershipFactory(team=other_team, user=user, role=Membership.Role.VIEWER)
    return user


@pytest.fixture
def both_client(client, both_teams_user):
    client.force_login(both_teams_user)
    return client


def _acting_team(response):
    request = response.wsgi_request
    return request.team.slug if request.team else None


# current team on each request


def test_each_request_acts_for_the_users_team(operator_client, team):
    response = operator_client.get(DASHBOARD)

    assert response.status_code == 200
    assert _acting_team(response) == "acme"
    assert response.context["current_team"] == team
    assert response.context["current_membership"].role == Membership.Role.OPERATOR
    assert response.context["user_teams"] == [team]


def test_a_member_of_two_teams_acts_for_the_first_by_name_until_choosing(both_client):
    response = both_client.get(DASHBOARD)

    assert _acting_team(response) == "acme"
    assert response.context["current_membership"].role == Membership.Role.OPERATOR
    assert [t.slug for t in response.context["user_teams"]] == ["acme", "rival"]


def test_anonymous_request_has_no_team_and_is_redirected_to_login(client, db):
    response = client.get(DASHBOARD)

    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next={DASHBOARD}"
    # request.team stays a lazy object when nothing asked for it: test its truth, not identity with None
    assert not response.wsgi_request.team
    assert not response.wsgi_request.membership


def test_a_user_without_any_team_is_refused(client, db):
    client.force_login(UserFactory(username="loner"))

    response = client.get(DASHBOARD)

    assert response.status_code == 403
    assert response.wsgi_request.team is None


def test_a_stale_session_team_falls_back_to_a_team_the_user_still_belongs_to(both_client, both_teams_user, other_team):
    # given the user chose Rival Sales, then lost that membership
    assert both_client.post(SWITCH, {"team": "rival"}).status_code == 302
    Membership.objects.filter(user=both_teams_user, team=other_team).delete()

    # when the next page loads, then it acts for the remaining team
    response = both_client.get(DASHBOARD)
    assert response.status_code == 200
    assert _acting_team(response) == "acme"


# X-Team header


@pytest.mark.parametrize("header", ["rival", "team_id"])
def test_x_team_header_picks_a_team_the_user_belongs_to(both_client, other_team, header):
    value = other_team.pk if header == "team_id" else header

    response = both_client.get(DASHBOARD, HTTP_X_TEAM=value)

    assert response.status_code == 200
    assert _acting_team(response) == "rival"
    assert response.context["current_membership"].role == Membership.Role.VIEWER


def test_x_team_header_overrides_the_session_choice(both_client):
    both_client.post(SWITCH, {"team": "rival"})

    assert _acting_team(both_client.get(DASHBOARD)) == "rival"
    assert _acting_team(both_client.get(DASHBOARD, HTTP_X_TEAM="acme")) == "acme"


@pytest.mark.parametrize("value", ["rival", "no-such-team"])
def test_a_foreign_or_unknown_x_team_gives_no_team(operator_client, other_team, value):
    # given an operator of Acme only, when a page is asked for another team
    response = operator_client.get(DASHBOARD, HTTP_X_TEAM=value)

    # then the request acts for no team (rather than silently for Acme) and the page is refused
    assert response.wsgi_request.team is None
    assert response.status_code == 403
    assert b"Rival Sales" not in response.content


def test_x_team_header_selects_the_team_for_the_api(both_teams_user, team, other_team):
    # given one business in each team
    mine = Business.objects.create(team=team, name="Acme Widgets", normalized_name="ACME WIDGETS")
    theirs = Business.objects.create(team=other_team, name="Rival Widgets", normalized_name="RIVAL WIDGETS")
    api = api_client_for(both_teams_user)

    # when the API is asked with and without X-Team
    default = api.get("/api/v1/businesses/")
    chosen = api.get("/api/v1/businesses/", HTTP_X_TEAM="rival")

    # then each lists only its team's business
    assert [b["id"] for b in default.json()["results"]] == [mine.pk]
    assert [b["id"] for b in chosen.json()["results"]] == [theirs.pk]


def test_a_foreign_x_team_gives_no_team_on_the_api(operator, other_team):
    Business.objects.create(team=other_team, name="Rival Widgets", normalized_name="RIVAL WIDGETS")

    response = api_client_for(operator).get("/api/v1/businesses/", HTTP_X_TEAM="rival")

    assert response.status_code == 403
    assert "Rival" not in response.content.decode()


# team switch


def test_team_switch_to_an_own_team_is_remembered(both_client, other_team):
    response = both_client.post(SWITCH, {"team": "rival", "next": "/identity/personas/"})

    assert response.status_code == 302
    assert response["Location"] == "/identity/personas/"
    assert both_client.session[tenancy.SESSION_KEY] == other_team.pk
    assert _acting_team(both_client.get(DASHBOARD)) == "rival"


def test_team_switch_without_next_goes_to_the_dashboard(both_client):
    response = both_client.post(SWITCH, {"team": "rival"})

    assert response["Location"] == DASHBOARD


@pytest.mark.parametrize("next_url", ["https://evil.example.com/", "//evil.example.com/x", "javascript:alert(1)"])
def test_team_switch_never_redirects_off_site(both_client, next_url):
    response = both_client.post(SWITCH, {"team": "rival", "next": next_url})

    assert response.status_code == 302
    assert response["Location"] == DASHBOARD


@pytest.mark.parametrize("slug", ["rival", "no-such-team", ""])
def test_team_switch_to_a_team_the_user_is_not_in_is_a_404(operator_client, other_team, slug):
    response = operator_client.post(SWITCH, {"team": slug})

    assert response.status_code == 404
    assert tenancy.SESSION_KEY not in operator_client.session
    assert _acting_team(operator_client.get(DASHBOARD)) == "acme"


def test_team_switch_only_accepts_post(operator_client):
    assert operator_client.get(SWITCH).status_code == 405


def test_team_switch_needs_login(client, other_team):
    response = client.post(SWITCH, {"team": "rival"})

    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next={SWITCH}"
    assert tenancy.SESSION_KEY not in client.session


def test_the_team_picker_lists_only_the_users_teams(both_client, db):
    from usdatabiz.core.tests.factories import TeamFactory

    TeamFactory(slug="third", name="Third Party Sales")

    html = both_client.get(DASHBOARD).content.decode()

    assert 'value="acme"' in html
    assert 'value="rival"' in html
    assert "Third Party Sales" not in html


# login and logout


def test_login_page_renders_the_form(client, db):
    response = client.get(LOGIN)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="username"' in html
    assert 'name="password"' in html


def test_login_with_the_right_password_opens_the_dashboard(client, operator):
    response = client.post(LOGIN, {"username": "olivia", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == DASHBOARD
    assert client.session[AUTH_SESSION_KEY] == str(operator.pk)
    assert client.get(DASHBOARD).status_code == 200


def test_login_follows_a_local_next(client, operator):
    response = client.post(LOGIN, {"username": "olivia", "password": PASSWORD, "next": "/identity/personas/"})

    assert response["Location"] == "/identity/personas/"


def test_login_ignores_an_off_site_next(client, operator):
    response = client.post(LOGIN, {"username": "olivia", "password": PASSWORD, "next": "https://evil.example.com/"})

    assert response["Location"] == DASHBOARD


def test_login_with_a_wrong_password_shows_an_error(client, operator):
    response = client.post(LOGIN, {"username": "olivia", "password": "wrong"})

    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()
    assert AUTH_SESSION_KEY not in client.session


def test_login_page_sends_a_logged_in_user_to_the_dashboard(operator_client):
    response = operator_client.get(LOGIN)

    assert response.status_code == 302
    assert response["Location"] == DASHBOARD


def test_logout_ends_the_session(operator_client):
    response = operator_client.post(LOGOUT)

    assert response.status_code == 302
    assert response["Location"] == LOGIN
    assert AUTH_SESSION_KEY not in operator_client.session
    assert operator_client.get(DASHBOARD)["Location"] == f"{LOGIN}?next={DASHBOARD}"


def test_logout_by_get_is_refused(operator_client):
    assert operator_client.get(LOGOUT).status_code == 405
    assert operator_client.get(DASHBOARD).status_code == 200


@pytest.mark.parametrize(
    "url", [DASHBOARD, reverse("core:stage-list"), "/sources/", "/identity/businesses/", "/identity/personas/"]
)
def test_anonymous_is_redirected_to_login(client, db, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next={url}"
