"""Another team's data source does not exist for you: 404 on every page and endpoint, absent from every list."""

import pytest
from django.urls import reverse

from identity.models import Persona
from ingestion.models import DataSource
from usdatabiz.core.models import StageFailure

from .factories import GOOD_ROWS, csv_bytes, row_with, upload

API = "/api/v1/data-sources/"


@pytest.fixture
def ours(ingest, team):
    return ingest(csv_bytes([GOOD_ROWS[0]]), name="ours.csv", for_team=team)


@pytest.fixture
def theirs(ingest, other_team):
    """Rival's completed file, with one row failure."""
    return ingest(csv_bytes([GOOD_ROWS[1], row_with(2, Phone="12")]), name="theirs.csv", for_team=other_team)


def _unchanged(data_source: DataSource) -> None:
    fresh = DataSource.objects.get(pk=data_source.pk)
    assert (fresh.status, fresh.attempts, fresh.team_id) == (DataSource.Status.COMPLETED, 1, data_source.team_id)
    assert Persona.objects.filter(source_file=data_source.source_file).count() == 2


@pytest.mark.parametrize(
    ("method", "name"),
    [
        ("get", "ingestion:data-source-detail"),
        ("post", "ingestion:data-source-retry"),
        ("get", "ingestion:data-source-errors"),
    ],
)
def test_pages_of_another_teams_data_source_are_404(operator_client, theirs, method, name):
    # when an acme operator requests rival's data source
    response = getattr(operator_client, method)(reverse(name, args=[theirs.pk]))

    # then it does not exist, and nothing happened to it
    assert response.status_code == 404
    assert theirs.original_name not in response.content.decode()
    _unchanged(theirs)


def test_htmx_fragment_of_another_teams_data_source_is_404(operator_client, theirs):
    response = operator_client.get(
        reverse("ingestion:data-source-detail", args=[theirs.pk]), {"fragment": "progress"}, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 404


def test_page_list_shows_only_the_own_team(operator_client, ours, theirs):
    response = operator_client.get(reverse("ingestion:data-source-list"))

    assert response.status_code == 200
    assert [ds.pk for ds in response.context["page_obj"]] == [ours.pk]
    body = response.content.decode()
    assert ours.pk in body
    assert theirs.pk not in body
    assert "theirs.csv" not in body


def test_page_list_does_not_show_another_teams_quota_refusals(operator_client, other_team, ingest):
    from ingestion.services import IngestError

    other_team.storage_quota_bytes = 1
    other_team.save()
    with pytest.raises(IngestError):
        ingest(csv_bytes(), name="secret-rival.csv", for_team=other_team)

    response = operator_client.get(reverse("ingestion:data-source-list"))

    assert list(response.context["refusals"]) == []
    assert "secret-rival.csv" not in response.content.decode()


@pytest.mark.parametrize(("method", "suffix"), [("get", ""), ("get", "failures/"), ("post", "retry/")])
def test_api_on_another_teams_data_source_is_404(operator_api, theirs, method, suffix):
    # when acme's token is used on rival's data source
    response = getattr(operator_api, method)(f"{API}{theirs.pk}/{suffix}")

    # then it does not exist, and nothing happened to it
    assert response.status_code == 404
    assert response.json() == {"detail": "No such data source."}
    _unchanged(theirs)


def test_api_list_shows_only_the_own_team(operator_api, ours, theirs):
    response = operator_api.get(API)

    assert response.status_code == 200
    assert [r["id"] for r in response.json()["results"]] == [ours.pk]
    assert response.json()["count"] == 1


def test_each_team_sees_its_own_and_not_the_other(operator_api, outsider_api, ours, theirs):
    assert [r["id"] for r in outsider_api.get(API).json()["results"]] == [theirs.pk]
    assert outsider_api.get(f"{API}{ours.pk}/").status_code == 404
    assert operator_api.get(f"{API}{theirs.pk}/").status_code == 404
    assert operator_api.get(f"{API}{ours.pk}/").status_code == 200


def test_an_explicit_team_header_for_a_team_you_are_not_in_sees_nothing(operator_api, theirs, other_team):
    response = operator_api.get(API, HTTP_X_TEAM=other_team.slug)

    assert response.status_code == 403
    assert theirs.pk not in response.content.decode()


def test_uploads_land_in_the_uploaders_team_only(operator_api, team, other_team):
    response = operator_api.post(API, {"file": upload(csv_bytes(), "mine.csv")}, format="multipart")

    assert response.status_code == 201
    data_source = DataSource.objects.get(pk=response.json()["id"])
    assert data_source.team == team
    assert set(Persona.objects.filter(source_file=data_source.source_file).values_list("team_id", flat=True)) == {
        team.pk,
    }
    assert set(StageFailure.objects.filter(subject_id=data_source.pk).values_list("team_id", flat=True)) <= {team.pk}
    assert DataSource.objects.filter(team=other_team).count() == 0
