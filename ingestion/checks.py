"""System checks: file storage is configured to something that can store an upload.

A ``STORAGE_BACKEND`` other than ``local`` or ``s3`` (a typo would quietly keep files on the web host's disk), and
``s3`` without a bucket name, stop start-up (``manage.py check``) instead of failing the first upload.
"""

from django.conf import settings
from django.core import checks

STORAGE_BACKENDS = ("local", "s3")


@checks.register(checks.Tags.compatibility)
def storage_backend(app_configs, **kwargs):
    backend = getattr(settings, "STORAGE_BACKEND", "local")
    if backend not in STORAGE_BACKENDS:
        return [
            checks.Error(
                f"STORAGE_BACKEND is {backend!r}, which is not a storage backend: uploads would have nowhere "
                "known to go.",
                hint="Set STORAGE_BACKEND to local (the MEDIA_ROOT folder) or s3 (DigitalOcean Spaces or any S3 API).",
                id="ingestion.E001",
            )
        ]
    if backend == "s3":
        options = settings.STORAGES.get("default", {}).get("OPTIONS", {})
        if not (options.get("bucket_name") or "").strip():
            return [
                checks.Error(
                    "STORAGE_BACKEND is s3 but AWS_STORAGE_BUCKET_NAME is empty: no upload could be stored.",
                    hint="Set AWS_STORAGE_BUCKET_NAME to the Space (bucket) that keeps the raw files.",
                    id="ingestion.E002",
                )
            ]
    return []
