"""Django admin of data sources: staff who are not superusers see and touch only their own teams' rows."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from ingestion.models import DataSource
from usdatabiz.core.models import Membership
from usdatabiz.core.tests.factories import MembershipFactory, UserFactory

from .factories import GOOD_ROWS, csv_bytes

CHANGELIST = reverse("admin:ingestion_datasource_changelist")


def _change_url(data_source: DataSource) -> str:
    return reverse("admin:ingestion_datasource_change", args=[data_source.pk])


@pytest.fixture
def staff(team):
    """A staff user, not superuser, admin of team acme, with the data source model permissions."""
    user = UserFactory(username="stella", is_staff=True)
    MembershipFactory(team=team, user=user, role=Membership.Role.ADMIN)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="ingestion",
            codename__in=["view_datasource", "change_datasource"],
        )
    )
    return user


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def ours(ingest, team):
    return ingest(csv_bytes([GOOD_ROWS[0]]), name="ours.csv", for_team=team)


@pytest.fixture
def theirs(ingest, other_team):
    return ingest(csv_bytes([GOOD_ROWS[1]]), name="theirs.csv", for_team=other_team)


def test_changelist_shows_only_the_staff_users_teams(staff_client, ours, theirs):
    # when the staff user opens the data source changelist
    response = staff_client.get(CHANGELIST)

    # then only acme's data source is listed
    assert response.status_code == 200
    assert [ds.pk for ds in response.context["cl"].result_list] == [ours.pk]
    body = response.content.decode()
    assert "ours.csv" in body
    assert "theirs.csv" not in body
    assert theirs.pk not in body


def test_changelist_search_cannot_reach_another_team(staff_client, ours, theirs):
    response = staff_client.get(CHANGELIST, {"q": "theirs"})

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == []


def test_change_page_of_own_data_source_renders(staff_client, ours):
    response = staff_client.get(_change_url(ours))

    assert response.status_code == 200
    assert "ours.csv" in response.content.decode()


def test_change_page_of_another_teams_data_source_does_not_exist(staff_client, theirs):
    # when the staff user opens rival's data source
    response = staff_client.get(_change_url(theirs))

    # then the admin treats it as missing (redirect to the index with "doesn't exist"), never shows it
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    followed = staff_client.get(response["Location"])
    messages = [str(m) for m in followed.context["messages"]]
    assert messages == [f"data source with ID “{theirs.pk}” doesn’t exist. Perhaps it was deleted?"]


def test_change_post_on_another_teams_data_source_changes_nothing(staff_client, theirs, team):
    response = staff_client.post(_change_url(theirs), {"team": team.pk})

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert DataSource.objects.get(pk=theirs.pk).team_id == theirs.team_id


def test_retry_action_ignores_another_teams_rows(staff_client, ours, theirs):
    # when the staff user posts the retry action with both ids
    response = staff_client.post(
        CHANGELIST,
        {
            "action": "retry_selected",
            "_selected_action": [ours.pk, theirs.pk],
            "index": 0,
        },
    )

    # then only acme's data source ran again
    assert response.status_code == 302
    assert DataSource.objects.get(pk=ours.pk).attempts == 2
    assert DataSource.objects.get(pk=theirs.pk).attempts == 1


def test_team_choices_on_the_change_form_are_the_staff_users_teams(staff_client, ours, team):
    response = staff_client.get(_change_url(ours))

    choices = [value for value, _ in response.context["adminform"].form.fields["team"].choices if value]
    assert [str(v) for v in choices] == [team.pk]


def test_staff_without_model_permission_is_refused(client, team, ours):
    user = UserFactory(username="nope", is_staff=True)
    MembershipFactory(team=team, user=user, role=Membership.Role.ADMIN)
    client.force_login(user)

    assert client.get(CHANGELIST).status_code == 403
    assert client.get(_change_url(ours)).status_code == 403


def test_nobody_adds_data_sources_in_the_admin(staff_client):
    assert staff_client.get(reverse("admin:ingestion_datasource_add")).status_code == 403


def test_superuser_sees_every_team(client, ours, theirs):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))

    response = client.get(CHANGELIST)

    assert response.status_code == 200
    assert {ds.pk for ds in response.context["cl"].result_list} == {ours.pk, theirs.pk}
    assert client.get(_change_url(theirs)).status_code == 200
