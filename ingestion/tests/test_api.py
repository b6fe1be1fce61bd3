"""``/api/v1/data-sources/``: upload, list, detail, failures, retry, auth and the OpenAPI schema."""

import pytest
from rest_framework.test import APIClient

from conftest import api_client_for
from identity.models import Persona
from ingestion import services
from ingestion.models import DataSource
from usdatabiz.core.models import StageFailure

from .factories import GOOD_ROWS, HEADER, csv_bytes, row_with, upload

URL = "/api/v1/data-sources/"


def _detail(pk: str, suffix: str = "") -> str:
    return f"{URL}{pk}/{suffix}"


@pytest.fixture
def viewer_api(viewer):
    return api_client_for(viewer)


@pytest.fixture
def loaded(ingest):
    """A completed file: row 2 has a bad phone, row 3 has the wrong number of fields."""
    return ingest(csv_bytes([GOOD_ROWS[0], row_with(1, Phone="12"), ["Short Co", "Sam"]]), name="api.csv")


def test_upload_returns_201_with_the_completed_data_source_and_failure_counts(operator_api, operator, team):
    # when an integration posts a file
    response = operator_api.post(
        URL, {"file": upload(csv_bytes([GOOD_ROWS[0], row_with(1, Phone="12")]), "feed.csv")}, format="multipart"
    )

    # then it gets the data source, already completed (sync queue), with its counts
    assert response.status_code == 201
    body = response.json()
    data_source = DataSource.objects.get()
    assert body["id"] == data_source.pk
    assert body["id"].startswith("ds_")
    assert (body["team"], body["original_name"], body["status"]) == ("acme", "feed.csv", "completed")
    assert (body["record_count"], body["rows_done"], body["row_error_count"], body["progress_percent"]) == (
        2,
        2,
        1,
        100,
    )
    assert body["failures"] == {"INVALID_PHONE": 1}
    assert body["error_code"] == ""
    assert body["source_file"] == data_source.source_file
    assert body["source_file"].startswith("unified-graph/raw/")
    assert set(body["metadata"]) == {"originalName", "size", "uploadedAt", "schema"}
    assert body["metadata"]["originalName"] == "feed.csv"
    assert data_source.uploaded_by == operator
    assert data_source.team == team


def test_upload_of_a_bad_file_returns_the_failed_data_source(operator_api):
    response = operator_api.post(URL, {"file": upload(csv_bytes(header=HEADER[:3]), "bad.csv")}, format="multipart")

    assert response.status_code == 201
    body = response.json()
    assert (body["status"], body["error_code"]) == ("failed", "MISSING_COLUMNS")
    assert (
        body["error_message"] == "Required columns missing: phone, state, zip. The header has: "
        "Company Name, First Name, Last Name."
    )
    assert body["failures"] == {"MISSING_COLUMNS": 1}


def test_upload_without_a_file_is_400(operator_api):
    response = operator_api.post(URL, {}, format="multipart")

    assert response.status_code == 400
    assert "file" in response.json()
    assert DataSource.objects.count() == 0


def test_upload_over_quota_is_413_with_the_code(operator_api, team):
    team.storage_quota_bytes = 10
    team.save()

    response = operator_api.post(URL, {"file": upload(csv_bytes(), "big.csv")}, format="multipart")

    assert response.status_code == 413
    body = response.json()
    assert body["code"] == "QUOTA_EXCEEDED"
    assert body["detail"].startswith("Storage quota exceeded: 'big.csv' is ")
    assert (body["quota"], body["used"], body["retryable"]) == (10, 0, False)
    assert DataSource.objects.count() == 0
    assert StageFailure.objects.filter(code="QUOTA_EXCEEDED", team=team).count() == 1


def test_viewer_cannot_upload_but_can_read(viewer_api, loaded):
    response = viewer_api.post(URL, {"file": upload(csv_bytes())}, format="multipart")

    assert response.status_code == 403
    assert response.json() == {"detail": "Your role 'viewer' cannot change data."}
    assert DataSource.objects.count() == 1
    assert viewer_api.get(URL).status_code == 200
    assert viewer_api.get(_detail(loaded.pk)).status_code == 200
    assert viewer_api.get(_detail(loaded.pk, "failures/")).status_code == 200


def test_viewer_cannot_retry(viewer_api, loaded):
    response = viewer_api.post(_detail(loaded.pk, "retry/"))

    assert response.status_code == 403
    assert DataSource.objects.get(pk=loaded.pk).attempts == 1


def test_list_and_detail(operator_api, loaded, ingest):
    # given a second, failed data source
    failed = ingest(csv_bytes(header=HEADER[:3]), name="bad.csv")

    # when the list is read
    response = operator_api.get(URL)

    # then both are there, newest first, and the status filter works
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert [r["id"] for r in body["results"]] == [failed.pk, loaded.pk]
    assert [r["id"] for r in operator_api.get(URL, {"status": "failed"}).json()["results"]] == [failed.pk]
    detail = operator_api.get(_detail(loaded.pk)).json()
    assert (detail["id"], detail["status"], detail["failures"]) == (
        loaded.pk,
        "completed",
        {"CSV_PARSE_ERROR": 1, "INVALID_PHONE": 1},
    )


def test_failures_lists_each_row_error_in_row_order(operator_api, loaded):
    response = operator_api.get(_detail(loaded.pk, "failures/"))

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert [(f["source_row"], f["stage"], f["code"], f["field"], f["raw_value"]) for f in body["results"]] == [
        (2, 2, "INVALID_PHONE", "phone", "12"),
        (3, 1, "CSV_PARSE_ERROR", "", "Short Co,Sam"),
    ]
    assert {f["source_file"] for f in body["results"]} == {loaded.source_file}
    only = operator_api.get(_detail(loaded.pk, "failures/"), {"code": "INVALID_PHONE"}).json()
    assert [f["code"] for f in only["results"]] == ["INVALID_PHONE"]


def test_retry_runs_a_failed_data_source_again(operator_api, team):
    # given a stored good file whose first run failed
    data_source = services.data_source_create(team=team, file=upload(csv_bytes()), start=False)
    services.data_source_transition(data_source=data_source, to=DataSource.Status.PROCESSING)
    services.data_source_transition(data_source=data_source, to=DataSource.Status.FAILED, error_code="UPLOAD_TIMEOUT")

    # when it is retried through the API
    response = operator_api.post(_detail(data_source.pk, "retry/"))

    # then it is accepted and completes
    assert response.status_code == 202
    assert (response.json()["status"], response.json()["attempts"]) == ("completed", 2)
    assert Persona.objects.filter(source_file=data_source.source_file).count() == 3


def test_retry_of_a_completed_data_source_duplicates_nothing(operator_api, loaded):
    before = Persona.objects.filter(source_file=loaded.source_file).count()

    response = operator_api.post(_detail(loaded.pk, "retry/"))

    assert response.status_code == 202
    assert response.json()["status"] == "completed"
    assert Persona.objects.filter(source_file=loaded.source_file).count() == before == 2


def test_retry_while_processing_is_409(operator_api, team):
    data_source = services.data_source_create(team=team, file=upload(csv_bytes()), start=False)
    services.data_source_transition(data_source=data_source, to=DataSource.Status.PROCESSING)

    response = operator_api.post(_detail(data_source.pk, "retry/"))

    assert response.status_code == 409
    assert response.json()["code"] == "ALREADY_PROCESSING"
    assert DataSource.objects.get(pk=data_source.pk).attempts == 1


# --- authentication and schema ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", ""), ("post", ""), ("get", "{pk}/"), ("get", "{pk}/failures/"), ("post", "{pk}/retry/")],
)
def test_anonymous_is_401_and_touches_nothing(loaded, method, path):
    response = getattr(APIClient(), method)(URL + path.format(pk=loaded.pk))

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert DataSource.objects.get(pk=loaded.pk).attempts == 1
    assert DataSource.objects.count() == 1


def test_a_wrong_token_is_401(loaded):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")

    response = api.get(URL)

    assert response.status_code == 401


def test_token_auth_works(operator_api, loaded):
    response = operator_api.get(URL)

    assert response.status_code == 200
    assert [r["id"] for r in response.json()["results"]] == [loaded.pk]


def test_openapi_schema_renders_with_the_data_source_endpoints(client, operator):
    client.force_login(operator)  # the schema needs a login (usdatabiz/core/tests/test_throttling.py)
    assert client.get("/api/schema/").status_code == 200  # YAML by default

    response = client.get("/api/schema/", {"format": "json"})

    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    assert set(paths["/api/v1/data-sources/"]) >= {"get", "post"}
    assert "get" in paths["/api/v1/data-sources/{id}/"]
    assert "get" in paths["/api/v1/data-sources/{id}/failures/"]
    assert "post" in paths["/api/v1/data-sources/{id}/retry/"]
    upload_body = paths["/api/v1/data-sources/"]["post"]["requestBody"]["content"]
    assert "multipart/form-data" in upload_body


def test_api_docs_render(client, operator):
    client.force_login(operator)
    response = client.get("/api/docs/")

    assert response.status_code == 200
    assert "swagger-ui" in response.content.decode().lower()


def test_an_upload_in_a_form_encoding_without_a_file_part_is_a_415(operator_api):
    response = operator_api.post(URL, "file=a,b,c", content_type="application/x-www-form-urlencoded")

    assert response.status_code == 415
    assert "detail" in response.json()
    assert not DataSource.objects.exists()


def test_an_empty_file_is_a_400_naming_it(operator_api):
    response = operator_api.post(URL, {"file": upload(b"", "empty.csv")}, format="multipart")

    assert response.status_code == 400
    assert list(response.json()) == ["file"]
    assert not DataSource.objects.exists()
