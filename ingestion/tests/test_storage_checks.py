"""A bad file-storage configuration stops ``manage.py check`` with a named error, not the first upload."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from ingestion.checks import storage_backend


def _s3_storages(bucket):
    return {
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {"bucket_name": bucket}},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def _ids(errors):
    return [error.id for error in errors]


def test_a_storage_backend_that_does_not_exist_is_ingestion_e001(settings):
    settings.STORAGE_BACKEND = "spaces"
    errors = storage_backend(None)
    assert _ids(errors) == ["ingestion.E001"]
    assert "'spaces'" in errors[0].msg
    with pytest.raises(SystemCheckError, match="ingestion.E001"):
        call_command("check")


@pytest.mark.parametrize("bucket", ["", "  ", None])
def test_s3_without_a_bucket_name_is_ingestion_e002(settings, bucket):
    settings.STORAGE_BACKEND = "s3"
    settings.STORAGES = _s3_storages(bucket)
    assert _ids(storage_backend(None)) == ["ingestion.E002"]
    with pytest.raises(SystemCheckError, match="ingestion.E002"):
        call_command("check")


@pytest.mark.parametrize(("backend", "bucket"), [("local", None), ("s3", "raw-files")])
def test_a_good_storage_configuration_passes(settings, backend, bucket):
    settings.STORAGE_BACKEND = backend
    if bucket:
        settings.STORAGES = _s3_storages(bucket)
    assert storage_backend(None) == []


def test_manage_py_check_refuses_a_bad_backend_by_name():
    # given a deployment whose environment names a storage backend that does not exist
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    environ = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    environ.update(STORAGE_BACKEND="spaces", SECRET_KEY="x" * 64, DEBUG="1")

    # when manage.py check runs
    done = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=root, env=environ, capture_output=True, text=True, timeout=120
    )

    # then it fails with the named error, not a stack trace
    assert done.returncode != 0
    assert "ingestion.E001" in done.stderr
    assert "Traceback" not in done.stderr
