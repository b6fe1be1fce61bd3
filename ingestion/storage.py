"""Where raw files live: ``unified-graph/raw/{YYYY-MM-DD}/{filename}`` on the default storage."""

import io
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
    timeouts = ConnectTimeoutError | ReadTimeoutError | EndpointConnectionError | TimeoutError
    seen = set()
    # s3transfer gives up on a download with RetriesExceededError(last_exception=ReadTimeoutError(...)).
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, timeouts):
            return True
        seen.add(id(exc))
        exc = getattr(exc, "last_exception", None) or exc.__cause__
    return False


class _TimeoutGuardedFile:
    """A stored file opened for reading whose reads turn storage timeouts into StorageTimeout.

    S3 downloads happen on the first ``read``, after ``open`` returned, so ``open`` alone cannot catch them.
    """

    def __init__(self, file):
        self._file = file

    def read(self, size=-1):
        try:
            return self._file.read(size)
        except Exception as exc:
            if _is_timeout(exc):
                raise StorageTimeout(str(exc)) from exc
            raise

    def close(self):
        self._file.close()


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
        return _TimeoutGuardedFile(default_storage.open(name, "rb"))
    except Exception as exc:
        if _is_timeout(exc):
            raise StorageTimeout(str(exc)) from exc
        raise


def exists(name: str) -> bool:
    """Tell whether a stored file exists."""
    try:
        return default_storage.exists(name)
    except Exception as exc:
        if _is_timeout(exc):
            raise StorageTimeout(str(exc)) from exc
        raise


def open_range(name: str, start: int, end: int):
    """Open bytes [start, end) of a stored file for streaming reads (S3: one ranged GET, not the whole file)."""
    if end <= start:
        return io.BytesIO(b"")
    try:
        bucket = getattr(default_storage, "bucket", None)
        if bucket is not None:  # S3-compatible storage (DigitalOcean Spaces)
            from storages.utils import clean_name

            key = default_storage._normalize_name(clean_name(name))
            body = bucket.Object(key).get(Range=f"bytes={start}-{end - 1}")["Body"]
            return _TimeoutGuardedFile(body)
        file = default_storage.open(name, "rb")
        file.seek(start)
        return _TimeoutGuardedFile(file)
    except Exception as exc:
        if _is_timeout(exc):
            raise StorageTimeout(str(exc)) from exc
        raise
