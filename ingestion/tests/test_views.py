"""Operator pages of stages 1-2: upload, list, detail, the htmx progress fragment, retry, errors CSV, roles."""

import csv
import io

import pytest
from django.urls import reverse

from identity.models import Persona
from ingestion import services
from ingestion.models import DataSource
from usdatabiz.core.exports import spreadsheet_safe
from usdatabiz.core.models import StageFailure

from .factories import GOOD_ROWS, HEADER, csv_bytes, row_with, upload

LIST_URL = reverse("ingestion:data-source-list")


def _errors_csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(body)))


@pytest.fixture
def viewer_client(client, viewer):
    client.force_login(viewer)
    return client


@pytest.fixture
def loaded(ingest, operator):
    """A completed file with two row failures (row 2: bad phone; row 3: wrong number of fields)."""
    rows = [GOOD_ROWS[0], row_with(1, Phone='=HYPERLINK("http://x")'), ["Short Co", "Sam"]]
    return ingest(csv_bytes(rows), name="leads.csv", user=operator)


# --- upload ----------------------------------------------------------------------------------------------------------


def test_operator_uploads_from_the_page_and_lands_on_the_detail(operator_client, operator, team):
    # when an operator posts a file from the list page
    response = operator_client.post(LIST_URL, {"file": upload(csv_bytes(), "march.csv")})

    # then the data source exists, completed (sync queue), and the browser goes to its page
    data_source = DataSource.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("ingestion:data-source-detail", args=[data_source.pk])
    assert (data_source.team, data_source.uploaded_by, data_source.original_name) == (team, operator, "march.csv")
    assert data_source.status == DataSource.Status.COMPLETED
    assert Persona.objects.filter(source_file=data_source.source_file).count() == 3


def test_upload_refused_for_quota_shows_the_error_on_the_page(operator_client, team):
    # given a tiny quota
    team.storage_quota_bytes = 10
    team.save()

    # when a file is posted
    response = operator_client.post(LIST_URL, {"file": upload(csv_bytes(), "big.csv")})

    # then the page is shown again with the QUOTA_EXCEEDED message, the refusal is listed, nothing was created
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert len(errors) == 1
    assert errors[0].startswith("QUOTA_EXCEEDED: Storage quota exceeded: 'big.csv' is ")
    assert "QUOTA_EXCEEDED" in response.content.decode()
    assert [f.code for f in response.context["refusals"]] == ["QUOTA_EXCEEDED"]
    assert DataSource.objects.count() == 0


def test_upload_without_a_file_is_a_form_error(operator_client):
    response = operator_client.post(LIST_URL, {})

    assert response.status_code == 200
    assert response.context["form"].errors == {"file": ["This field is required."]}
    assert DataSource.objects.count() == 0


def test_viewer_cannot_upload(viewer_client):
    # when a viewer posts a file
    response = viewer_client.post(LIST_URL, {"file": upload(csv_bytes())})

    # then it is forbidden and nothing was stored
    assert response.status_code == 403
    assert DataSource.objects.count() == 0


def test_viewer_sees_the_list_without_the_upload_form(viewer_client, loaded):
    response = viewer_client.get(LIST_URL)

    assert response.status_code == 200
    body = response.content.decode()
    assert loaded.pk in body
    assert 'data-testid="upload-form"' not in body


def test_operator_sees_the_upload_form(operator_client):
    response = operator_client.get(LIST_URL)

    assert response.status_code == 200
    assert 'data-testid="upload-form"' in response.content.decode()


def test_anonymous_is_sent_to_login(client, loaded):
    for url in (
        LIST_URL,
        reverse("ingestion:data-source-detail", args=[loaded.pk]),
        reverse("ingestion:data-source-errors", args=[loaded.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("core:login")), url
    response = client.post(reverse("ingestion:data-source-retry", args=[loaded.pk]))
    assert response.status_code == 302
    assert DataSource.objects.get(pk=loaded.pk).attempts == 1


def test_a_user_without_a_team_is_forbidden(client, loaded):
    from usdatabiz.core.tests.factories import UserFactory

    client.force_login(UserFactory(username="nobody"))

    assert client.get(LIST_URL).status_code == 403
    assert client.get(reverse("ingestion:data-source-detail", args=[loaded.pk])).status_code == 403


# --- detail ----------------------------------------------------------------------------------------------------------


def test_detail_shows_progress_counts_failure_codes_and_rows(viewer_client, loaded):
    # when a team member opens a completed data source
    response = viewer_client.get(reverse("ingestion:data-source-detail", args=[loaded.pk]))

    # then it shows the progress numbers, the failure codes with counts, and each failure's row
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-testid="rows-done">3<' in body
    assert 'data-testid="record-count">3<' in body
    assert 'data-status="completed"' in body
    assert "3 / 3 rows (100%)" in body
    assert response.context["failure_counts"] == {"CSV_PARSE_ERROR": 1, "INVALID_PHONE": 1}
    assert response.context["record_counts"] == {"businesses": 2, "personas": 2, "phones": 1, "emails": 2, "owners": 2}
    assert [(f.source_row, f.code, f.field) for f in response.context["failures_page"]] == [
        (2, "INVALID_PHONE", "phone"),
        (3, "CSV_PARSE_ERROR", ""),
    ]
    assert '<span class="code">INVALID_PHONE</span> 1' in body
    assert '<span class="code">CSV_PARSE_ERROR</span> 1' in body
    assert "Row 3 (line 4) has 2 fields; the header has 13. The row was skipped." in body
    assert reverse("ingestion:data-source-errors", args=[loaded.pk]) in body
    assert loaded.source_file in body
    # and the htmx poller is off once the file is done
    assert "hx-trigger" not in body


def test_detail_filters_failures_by_code(viewer_client, loaded):
    response = viewer_client.get(reverse("ingestion:data-source-detail", args=[loaded.pk]), {"code": "INVALID_PHONE"})

    assert response.status_code == 200
    assert [f.code for f in response.context["failures_page"]] == ["INVALID_PHONE"]


def test_detail_of_a_failed_file_shows_the_file_error(operator_client, ingest):
    data_source = ingest(csv_bytes(header=HEADER[:3]))

    response = operator_client.get(reverse("ingestion:data-source-detail", args=[data_source.pk]))

    body = response.content.decode()
    assert 'data-testid="file-error"' in body
    assert "MISSING_COLUMNS" in body
    assert "Required columns missing: phone, state, zip." in body
    assert 'data-status="failed"' in body


def test_progress_fragment_returns_only_the_progress_block_while_processing(operator_client, team):
    # given a data source half-way through stage 2
    data_source = services.data_source_create(team=team, file=upload(csv_bytes()), start=False)
    DataSource.objects.filter(pk=data_source.pk).update(
        status=DataSource.Status.PROCESSING, record_count=4, rows_done=1
    )
    url = reverse("ingestion:data-source-detail", args=[data_source.pk])

    # when htmx polls the fragment
    response = operator_client.get(url, {"fragment": "progress"}, HTTP_HX_REQUEST="true")

    # then only the progress block comes back, still polling, with rows done / total
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "ingestion/_data_source_progress.html"
    body = response.content.decode().strip()
    assert body.startswith('<div id="progress"')
    assert body.endswith("</div>")
    assert "<html" not in body
    assert "Failures" not in body
    assert 'data-testid="rows-done">1<' in body
    assert 'data-testid="record-count">4<' in body
    assert "1 / 4 rows (25%)" in body
    assert 'aria-valuenow="25"' in body
    assert f'hx-get="{url}?fragment=progress"' in body
    assert 'hx-trigger="every 1s"' in body


def test_progress_fragment_without_htmx_header_is_the_full_page(operator_client, loaded):
    response = operator_client.get(reverse("ingestion:data-source-detail", args=[loaded.pk]), {"fragment": "progress"})

    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "ingestion/data_source_detail.html"
    assert "<html" in response.content.decode()


def test_progress_fragment_of_a_finished_file_stops_polling_and_reloads(operator_client, loaded):
    response = operator_client.get(
        reverse("ingestion:data-source-detail", args=[loaded.pk]), {"fragment": "progress"}, HTTP_HX_REQUEST="true"
    )

    body = response.content.decode()
    assert "hx-trigger" not in body
    assert "window.location.reload()" in body
    assert "3 / 3 rows (100%)" in body


# --- errors CSV ------------------------------------------------------------------------------------------------------


def test_errors_csv_lists_every_failure_with_formula_cells_escaped(viewer_client, loaded):
    # when the errors are downloaded
    response = viewer_client.get(reverse("ingestion:data-source-errors", args=[loaded.pk]))

    # then it is a CSV attachment, one line per failure in row order
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{loaded.pk}-errors.csv"'
    rows = _errors_csv(response)
    assert rows[0] == ["row", "stage", "code", "field", "raw_value", "detail"]
    assert rows[1][:4] == ["2", "2", "INVALID_PHONE", "phone"]
    # and the raw value that starts with "=" is written as text, never as a formula
    assert rows[1][4] == '\'=HYPERLINK("http://x")'
    assert rows[1][5] == "'=HYPERLINK(\"http://x\")' cannot be normalized to a valid 10-digit US number."
    assert rows[2][:5] == ["3", "1", "CSV_PARSE_ERROR", "", "Short Co,Sam"]
    assert len(rows) == 3
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_errors_csv_filters_by_code(viewer_client, loaded):
    response = viewer_client.get(reverse("ingestion:data-source-errors", args=[loaded.pk]), {"code": "CSV_PARSE_ERROR"})

    rows = _errors_csv(response)
    assert [r[2] for r in rows[1:]] == ["CSV_PARSE_ERROR"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+1 555", "'+1 555"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        (None, ""),
        (7, "7"),
    ],
)
def test_spreadsheet_safe(value, expected):
    assert spreadsheet_safe(value) == expected


# --- retry -----------------------------------------------------------------------------------------------------------


@pytest.fixture
def failed_source(team):
    """A stored good file whose first run failed part-way (the worker timed out)."""
    data_source = services.data_source_create(team=team, file=upload(csv_bytes()), start=False)
    services.data_source_transition(data_source=data_source, to=DataSource.Status.PROCESSING)
    services.data_source_transition(
        data_source=data_source,
        to=DataSource.Status.FAILED,
        error_code="UPLOAD_TIMEOUT",
        error_message="Reading the stored file timed out.",
    )
    return data_source


def test_failed_detail_offers_retry_to_operators(operator_client, failed_source):
    response = operator_client.get(reverse("ingestion:data-source-detail", args=[failed_source.pk]))

    assert reverse("ingestion:data-source-retry", args=[failed_source.pk]) in response.content.decode()


def test_failed_detail_does_not_offer_retry_to_viewers(viewer_client, failed_source):
    response = viewer_client.get(reverse("ingestion:data-source-detail", args=[failed_source.pk]))

    assert response.status_code == 200
    assert reverse("ingestion:data-source-retry", args=[failed_source.pk]) not in response.content.decode()


def test_operator_retries_a_failed_data_source(operator_client, failed_source):
    # when an operator retries it
    response = operator_client.post(reverse("ingestion:data-source-retry", args=[failed_source.pk]))

    # then it runs again and completes
    assert response.status_code == 302
    assert response["Location"] == reverse("ingestion:data-source-detail", args=[failed_source.pk])
    failed_source.refresh_from_db()
    assert (failed_source.status, failed_source.attempts, failed_source.error_code) == (
        DataSource.Status.COMPLETED,
        2,
        "",
    )
    assert Persona.objects.filter(source_file=failed_source.source_file).count() == 3


def test_viewer_cannot_retry(viewer_client, failed_source):
    response = viewer_client.post(reverse("ingestion:data-source-retry", args=[failed_source.pk]))

    assert response.status_code == 403
    failed_source.refresh_from_db()
    assert (failed_source.status, failed_source.attempts) == (DataSource.Status.FAILED, 1)
    assert Persona.objects.filter(source_file=failed_source.source_file).count() == 0


def test_retry_of_a_running_data_source_shows_the_refusal(operator_client, team):
    # given a data source being processed
    data_source = services.data_source_create(team=team, file=upload(csv_bytes()), start=False)
    services.data_source_transition(data_source=data_source, to=DataSource.Status.PROCESSING)

    # when an operator retries it
    response = operator_client.post(reverse("ingestion:data-source-retry", args=[data_source.pk]), follow=True)

    # then the refusal is shown and nothing ran
    messages = [str(m) for m in response.context["messages"]]
    assert len(messages) == 1
    assert messages[0].startswith("ALREADY_PROCESSING: This data source is being processed")
    data_source.refresh_from_db()
    assert (data_source.status, data_source.attempts) == (DataSource.Status.PROCESSING, 1)
    assert StageFailure.objects.filter(subject_id=data_source.pk).count() == 0


# --- the original file ----------------------------------------------------------------------------------------------


def _download_link(response) -> str:
    import re

    found = re.search(r'<a href="([^"]+)"[^>]*>download original</a>', response.content.decode())
    assert found, "the detail page offers no download of the original file"
    return found.group(1)


def test_the_original_file_downloads_from_the_detail_page_on_local_storage(viewer_client, loaded, settings, tmp_path):
    # the default storage: a local folder the web server does not publish under /media/
    detail = viewer_client.get(loaded.get_absolute_url())

    response = viewer_client.get(_download_link(detail))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="leads.csv"'
    loaded.file.open("rb")
    try:
        assert b"".join(response.streaming_content) == loaded.file.read()
    finally:
        loaded.file.close()


def test_another_teams_original_file_is_a_404(client, ingest, other_team, operator):
    from usdatabiz.core.models import Membership

    theirs = ingest(csv_bytes([GOOD_ROWS[0]]), name="theirs.csv", for_team=other_team)
    client.force_login(operator)
    assert Membership.objects.filter(user=operator, team=other_team).count() == 0

    response = client.get(reverse("ingestion:data-source-file", args=[theirs.pk]))

    assert response.status_code == 404


def test_the_api_gives_the_download_address_of_the_api(viewer, loaded):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(viewer)
    body = api.get(f"/api/v1/data-sources/{loaded.pk}/").json()

    assert body["file_url"] == reverse("data-source-file", args=[loaded.pk])
