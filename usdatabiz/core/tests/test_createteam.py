"""``manage.py createteam SLUG --name NAME [--owner USERNAME]``."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from usdatabiz.core.models import Membership, Team
from usdatabiz.core.tests.factories import TeamFactory, UserFactory

pytestmark = pytest.mark.django_db


def _createteam(*args) -> str:
    out = StringIO()
    call_command("createteam", *args, stdout=out)
    return out.getvalue()


def test_createteam_creates_the_team_without_members():
    # when the command runs with a slug and a name
    output = _createteam("north", "--name", "North Sales")

    # then exactly that team exists, with no member, and its id is printed
    team = Team.objects.get()
    assert (team.slug, team.name) == ("north", "North Sales")
    assert team.pk.startswith("team_")
    assert output == f"Created team north ({team.pk})\n"
    assert Membership.objects.count() == 0


def test_createteam_with_owner_makes_the_user_admin():
    # given an existing user
    user = UserFactory(username="owen")

    # when the team is created with --owner
    _createteam("north", "--name", "North Sales", "--owner", "owen")

    # then the user is the team's only member, as admin
    membership = Membership.objects.get()
    assert (membership.team.slug, membership.user_id, membership.role) == ("north", user.pk, Membership.Role.ADMIN)
    assert membership.is_admin


def test_createteam_refuses_a_duplicate_slug():
    # given a team with the slug
    TeamFactory(slug="north", name="North Sales")

    # when another is created with it, then the command fails and nothing changes
    with pytest.raises(CommandError, match="A team with slug 'north' already exists."):
        _createteam("north", "--name", "Other")
    assert list(Team.objects.values_list("slug", "name")) == [("north", "North Sales")]


def test_createteam_refuses_an_unknown_owner_and_creates_nothing():
    with pytest.raises(CommandError, match="No user named 'ghost'."):
        _createteam("north", "--name", "North Sales", "--owner", "ghost")

    assert Team.objects.count() == 0
    assert Membership.objects.count() == 0


def test_createteam_requires_a_name():
    with pytest.raises(CommandError, match="--name"):
        _createteam("north")

    assert Team.objects.count() == 0


def test_createteam_reports_an_invalid_slug_as_a_command_error():
    with pytest.raises(CommandError, match=r"Cannot create team 'not a slug!': slug: Enter a valid .slug."):
        _createteam("not a slug!", "--name", "Bad")

    assert Team.objects.count() == 0
