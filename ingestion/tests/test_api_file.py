"""The original file through the API: ``/api/v1/data-sources/<id>/file/`` streams it to the team's token clients
and session users alike, and ``file_url`` in the API names that address, so an integration can fetch the file it
uploaded. Another team's token gets a 404, as for every object of another team."""

import pytest

from conftest import api_client_for

from .factories import GOOD_ROWS, csv_bytes


@pytest.fixture
def uploaded(ingest, operator):
    return ingest(csv_bytes([GOOD_ROWS[0]]), name="leads.csv", user=operator)


def _stored_bytes(data_source) -> bytes:
    with data_source.file.open("rb") as handle:
        return handle.read()


def _download(api, data_source):
    body = api.get(f"/api/v1/data-sources/{data_source.pk}/").json()
    return body["file_url"], api.get(body["file_url"])


def test_a_token_client_downloads_the_file_it_uploaded_from_file_url(operator_api, uploaded):
    # when an integration follows the file_url of its data source with its token
    file_url, response = _download(operator_api, uploaded)

    # then it gets the file as stored, as an attachment under its original name
    assert file_url == f"/api/v1/data-sources/{uploaded.pk}/file/"
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="leads.csv"'
    assert b"".join(response.streaming_content) == _stored_bytes(uploaded)


@pytest.mark.parametrize("accept", ["text/csv", "application/octet-stream"])
def test_a_download_asking_for_the_files_type_is_served(operator_api, uploaded, accept):
    response = operator_api.get(f"/api/v1/data-sources/{uploaded.pk}/file/", HTTP_ACCEPT=accept)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == _stored_bytes(uploaded)


def test_a_viewer_token_downloads_too(viewer, uploaded):
    _, response = _download(api_client_for(viewer), uploaded)

    assert response.status_code == 200


def test_a_console_session_downloads_from_the_same_address(client, operator, uploaded):
    client.force_login(operator)

    response = client.get(f"/api/v1/data-sources/{uploaded.pk}/file/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == _stored_bytes(uploaded)


def test_another_teams_token_gets_a_404(outsider_api, uploaded):
    response = outsider_api.get(f"/api/v1/data-sources/{uploaded.pk}/file/")

    assert response.status_code == 404
    assert b"leads" not in response.content


def test_without_credentials_the_file_is_refused(client, uploaded):
    response = client.get(f"/api/v1/data-sources/{uploaded.pk}/file/")

    assert response.status_code in (401, 403)
    assert not hasattr(response, "streaming_content")


def test_a_missing_stored_file_is_a_404_naming_it(operator_api, uploaded):
    uploaded.file.storage.delete(uploaded.file.name)

    response = operator_api.get(f"/api/v1/data-sources/{uploaded.pk}/file/")

    assert response.status_code == 404
    assert "missing" in response.json()["detail"]
