"""Where raw files live: ``unified-graph/raw/{YYYY-MM-DD}/{filename}`` on the default storage."""

import os

from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.text import get_valid_filename

RAW_PREFIX = "unified-graph/raw"


class StorageTimeout(Exception):
    """The storage did not answer in time."""


def raw_path(original_name: str, *, when=None) -> str:
    """Return the storage path for an uploaded file (the storage adds a suffix if the name is taken)."""
    when = when or timezone.now()
    base = get_valid_filename(os.path.basename(original_name or "upload.csv")) or "upload.csv"
    return f"{RAW_PREFIX}/{when:%Y-%m-%d}/{base}"


def _is_timeout(exc: BaseException) -> bool:
    try:
        from botocore.exceptions import ConnectTimeoutError, EndpointConnectionError, ReadTimeoutError
    except ImportError:  # pragma: no cover - boto3 is a dependency
        return isinstance(exc, TimeoutError)
    return isinstance(exc, ConnectTimeoutError | ReadTimeoutError | EndpointConnectionError | TimeoutError)


def save(path: str, content) -> str:
    """Store ``content`` under ``path`` without overwriting anything; return the name actually used."""
    try:
        return default_storage.save(path, content)
    except Exception as exc:
        if _is_timeout(exc):
            raise StorageTimeout(str(exc)) from exc
        raise


def open_binary(name: str):
    """Open a stored file for streaming reads."""
    try:
        return default_storage.open(name, "rb")
    except Exception as exc:
        if _is_timeout(exc):
            raise StorageTimeout(str(exc)) from exc
        raise


def exists(name: str) -> bool:
    """Tell whether a stored file exists."""
    return default_storage.exists(name)
