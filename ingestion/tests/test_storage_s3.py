"""Raw files on S3-compatible storage (DigitalOcean Spaces in production), against real local HTTP endpoints.

A moto server plays the S3 API; a TCP server that accepts connections and never answers plays a storage that
hangs. botocore and django-storages run for real: nothing of boto3 is mocked.
"""

import runpy
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import boto3
import pytest
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from django.conf import settings as django_settings
from django.core.files.storage import default_storage
from moto.server import ThreadedMotoServer

from identity.models import Business, Persona
from ingestion import services
from ingestion.models import DataSource
from usdatabiz.core.models import StageFailure, StageRun

from .factories import GOOD_ROWS, csv_bytes, upload

pytestmark = pytest.mark.s3

BUCKET = "usdatabiz-test"
KEYS = {"access_key": "testing-key", "secret_key": "testing-secret"}


def _s3_storage(endpoint_url: str, *, timeout: float = 5.0) -> dict:
    """The STORAGES["default"] entry that ``usdatabiz/settings.py`` builds for S3 from these environment variables.

    The production settings module itself is evaluated, so the tests run the deployed options (no overwrite,
    private ACL, timeouts and retries from the environment). Only downloads are tried once here: s3transfer
    would otherwise retry a hung GET five times.
    """
    env = {
        "STORAGE_BACKEND": "s3",
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": endpoint_url,
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_ACCESS_KEY_ID": KEYS["access_key"],
        "AWS_SECRET_ACCESS_KEY": KEYS["secret_key"],
        "AWS_S3_ADDRESSING_STYLE": "path",
        "INGEST_UPLOAD_TIMEOUT_SECONDS": str(timeout),
        "STORAGE_CONNECT_TIMEOUT_SECONDS": str(timeout),
        "STORAGE_MAX_ATTEMPTS": "1",
    }
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        production = runpy.run_path(str(Path(django_settings.BASE_DIR) / "usdatabiz" / "settings.py"))
    entry = production["STORAGES"]["default"]
    return {**entry, "OPTIONS": {**entry["OPTIONS"], "transfer_config": TransferConfig(num_download_attempts=1)}}


def _use_storage(settings, entry: dict) -> None:
    # Assigning STORAGES fires setting_changed: Django drops its cached storages and resets default_storage.
    settings.STORAGES = {**settings.STORAGES, "default": entry}


@pytest.fixture(scope="module")
def moto_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3(moto_endpoint, settings):
    """A fresh bucket on the moto server, and the default storage pointed at it. Yields a boto3 client."""
    client = boto3.client(
        "s3",
        endpoint_url=moto_endpoint,
        region_name="us-east-1",
        aws_access_key_id=KEYS["access_key"],
        aws_secret_access_key=KEYS["secret_key"],
        config=Config(s3={"addressing_style": "path"}),
    )
    client.create_bucket(Bucket=BUCKET)
    _use_storage(settings, _s3_storage(moto_endpoint))
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


@pytest.fixture
def silent_endpoint():
    """A local TCP server that accepts every connection and never sends a byte."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.1)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept_and_hold():
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            held.append(conn)

    thread = threading.Thread(target=accept_and_hold, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join(timeout=2)
    for conn in held:
        conn.close()
    listener.close()


@pytest.fixture
def head_only_endpoint():
    """A local HTTP server that answers S3 HEAD requests for any object but never answers a GET."""
    released = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_HEAD(self):  # noqa: N802 - http.server's naming
            self.send_response(200)
            self.send_header("Content-Length", "512")
            self.send_header("Content-Type", "text/csv")
            self.send_header("ETag", '"0123456789abcdef0123456789abcdef"')
            self.send_header("Last-Modified", "Mon, 02 Jun 2025 10:00:00 GMT")
            self.end_headers()

        def do_GET(self):  # noqa: N802
            released.wait(10)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    released.set()
    server.shutdown()
    server.server_close()


def _keys(client, prefix: str = "unified-graph/raw/") -> list[str]:
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=BUCKET, Prefix=prefix).get("Contents", []))


def _object_bytes(client, key: str) -> bytes:
    return client.get_object(Bucket=BUCKET, Key=key)["Body"].read()


def test_production_s3_options_come_from_the_environment(moto_endpoint):
    options = _s3_storage(moto_endpoint, timeout=0.5)["OPTIONS"]

    assert (options["bucket_name"], options["endpoint_url"], options["region_name"]) == (
        BUCKET,
        moto_endpoint,
        "us-east-1",
    )
    assert options["file_overwrite"] is False  # django-storages would overwrite by default
    assert options["default_acl"] == "private"
    config = options["client_config"]
    assert (config.connect_timeout, config.read_timeout) == (0.5, 0.5)
    assert config.retries == {"max_attempts": 1, "mode": "standard"}
    assert config.s3 == {"addressing_style": "path"}


def test_default_storage_is_s3_in_these_tests(s3, moto_endpoint):
    assert default_storage.bucket_name == BUCKET
    assert type(default_storage._wrapped).__name__ == "S3Storage"
    assert default_storage.endpoint_url == moto_endpoint
    assert default_storage.file_overwrite is False


def test_upload_stores_identical_bytes_under_the_raw_path_and_ingests_from_s3(s3, team):
    # given a CSV file
    content = csv_bytes()

    # when it is uploaded through the service
    data_source = services.data_source_create(team=team, file=upload(content, "spaces list.csv"))
    data_source.refresh_from_db()

    # then the bucket has the object under unified-graph/raw/{date}/ with identical bytes
    day = data_source.metadata["uploadedAt"][:10]
    assert data_source.file.name == f"unified-graph/raw/{day}/spaces_list.csv"
    assert _keys(s3) == [data_source.file.name]
    assert _object_bytes(s3, data_source.file.name) == content
    assert s3.head_object(Bucket=BUCKET, Key=data_source.file.name)["ContentLength"] == len(content)
    # and stages 1-2 read it back from S3 and completed
    assert data_source.status == DataSource.Status.COMPLETED
    assert (data_source.record_count, data_source.row_error_count) == (3, 0)
    assert Persona.objects.filter(source_file=data_source.source_file).count() == 3
    assert (
        Business.objects.get(source_file=data_source.source_file, source_record_id=1).normalized_name == "ACME PLUMBING"
    )


def test_the_same_name_uploaded_twice_never_overwrites(s3, team):
    # given a file already stored as list.csv
    first = services.data_source_create(team=team, file=upload(csv_bytes([GOOD_ROWS[0]]), "list.csv"))

    # when another file with the same name is uploaded
    second = services.data_source_create(team=team, file=upload(csv_bytes([GOOD_ROWS[1]]), "list.csv"))

    # then both objects exist, each with its own bytes
    assert first.file.name != second.file.name
    assert _keys(s3) == sorted([first.file.name, second.file.name])
    assert _object_bytes(s3, first.file.name) == csv_bytes([GOOD_ROWS[0]])
    assert _object_bytes(s3, second.file.name) == csv_bytes([GOOD_ROWS[1]])


def test_a_failed_file_keeps_its_original_in_the_bucket(s3, team):
    # given a file with an unclosed quote
    content = csv_bytes([GOOD_ROWS[0]]) + b'Bad,"never closed\r\n'

    # when it is uploaded
    data_source = services.data_source_create(team=team, file=upload(content, "bad.csv"))
    data_source.refresh_from_db()

    # then it failed, kept no records, and the original is still in the bucket
    assert (data_source.status, data_source.error_code) == (DataSource.Status.FAILED, "CSV_PARSE_ERROR")
    assert Persona.objects.filter(source_file=data_source.source_file).count() == 0
    assert _object_bytes(s3, data_source.file.name) == content


def test_utf16_file_round_trips_through_s3(s3, team):
    content = "\ufeff".encode("utf-16-le") + csv_bytes().decode().encode("utf-16-le")

    data_source = services.data_source_create(team=team, file=upload(content, "wide.csv"))
    data_source.refresh_from_db()

    assert (data_source.status, data_source.encoding) == (DataSource.Status.COMPLETED, "utf-16")
    assert _object_bytes(s3, data_source.file.name) == content


def test_upload_to_a_storage_that_never_answers_fails_with_upload_timeout(silent_endpoint, settings, team):
    # given S3 storage whose endpoint accepts connections and never answers (0.5 s timeouts, one attempt)
    _use_storage(settings, _s3_storage(silent_endpoint, timeout=0.5))

    # when a file is uploaded
    with pytest.raises(services.IngestError) as caught:
        services.data_source_create(team=team, file=upload(csv_bytes(), "slow.csv"))

    # then the upload fails with UPLOAD_TIMEOUT, retryable, naming the failed data source
    error = caught.value
    assert (error.code, error.http_status, error.retryable) == ("UPLOAD_TIMEOUT", 504, True)
    data_source = DataSource.objects.get()
    assert error.extra == {"data_source": data_source.pk}
    assert (data_source.status, data_source.error_code, data_source.file.name) == (
        DataSource.Status.FAILED,
        "UPLOAD_TIMEOUT",
        "",
    )
    assert data_source.error_message == (
        "The file storage did not accept the upload in time; nothing was kept. Upload the file again."
    )
    # and the ledger has the failure and a failed stage 1 run
    failure = StageFailure.objects.get(subject_id=data_source.pk)
    assert (failure.stage, failure.code, failure.field, failure.raw_value) == (1, "UPLOAD_TIMEOUT", "file", "slow.csv")
    run = StageRun.objects.get(subject_id=data_source.pk)
    assert (run.stage, run.status, run.detail) == (1, StageRun.Status.FAILED, "UPLOAD_TIMEOUT")
    assert Persona.objects.count() == 0


def test_upload_timeout_through_the_api_is_504(silent_endpoint, settings, operator_api):
    _use_storage(settings, _s3_storage(silent_endpoint, timeout=0.5))

    response = operator_api.post("/api/v1/data-sources/", {"file": upload(csv_bytes(), "slow.csv")}, format="multipart")

    assert response.status_code == 504
    body = response.json()
    assert (body["code"], body["retryable"]) == ("UPLOAD_TIMEOUT", True)
    assert body["data_source"] == DataSource.objects.get().pk


def test_storage_that_stops_answering_after_the_upload_fails_the_run_as_retryable(
    s3,
    moto_endpoint,
    silent_endpoint,
    settings,
    team,
):
    # given a file stored on S3 but not yet processed
    data_source = services.data_source_create(team=team, file=upload(csv_bytes(), "later.csv"), start=False)

    # when the storage stops answering and stage 1 runs
    _use_storage(settings, _s3_storage(silent_endpoint, timeout=0.5))
    data_source = services.data_source_ingest(data_source_id=data_source.pk)

    # then the run fails with UPLOAD_TIMEOUT instead of hanging in "processing"
    assert (data_source.status, data_source.error_code) == (DataSource.Status.FAILED, "UPLOAD_TIMEOUT")
    assert data_source.error_message.startswith("Reading the stored file timed out; retry the data source.")
    assert StageRun.objects.filter(subject_id=data_source.pk, status=StageRun.Status.RUNNING).count() == 0

    # and once the storage is back, a retry loads it
    _use_storage(settings, _s3_storage(moto_endpoint))
    data_source = services.data_source_retry(data_source=DataSource.objects.get(pk=data_source.pk))
    assert data_source.status == DataSource.Status.COMPLETED
    assert Persona.objects.filter(source_file=data_source.source_file).count() == 3


def test_a_download_that_hangs_after_the_file_was_found_fails_the_run_as_retryable(
    s3,
    head_only_endpoint,
    settings,
    team,
):
    # given a stored file, and then a storage that finds objects but never sends their bytes
    data_source = services.data_source_create(team=team, file=upload(csv_bytes(), "hang.csv"), start=False)
    _use_storage(settings, _s3_storage(head_only_endpoint, timeout=0.5))

    # when stage 1 reads it
    data_source = services.data_source_ingest(data_source_id=data_source.pk)

    # then the run fails with UPLOAD_TIMEOUT (retryable) instead of crashing the worker mid-read
    assert (data_source.status, data_source.error_code) == (DataSource.Status.FAILED, "UPLOAD_TIMEOUT")
    assert data_source.is_retryable
    assert StageFailure.objects.filter(subject_id=data_source.pk, code="UPLOAD_TIMEOUT").count() == 1


def test_a_token_client_follows_file_url_to_a_signed_address_of_the_bucket(s3, team, operator_api):
    import requests

    # given a file an integration uploaded to the bucket
    content = csv_bytes()
    data_source = services.data_source_create(team=team, file=upload(content, "spaces list.csv"))

    # when it follows file_url with its token
    file_url = operator_api.get(f"/api/v1/data-sources/{data_source.pk}/").json()["file_url"]
    response = operator_api.get(file_url)

    # then it is sent to a short-lived signed address that gives the stored bytes without the token
    assert response.status_code == 302
    assert "Signature=" in response["Location"] or "X-Amz-Signature=" in response["Location"]
    assert requests.get(response["Location"], timeout=5).content == content
