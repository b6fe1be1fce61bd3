"""Probes for load balancers and orchestrators.

``/healthz/``: the process is up and answers (touches nothing else). ``/readyz/``: it can do its work: the database
answers, the broker does (Redis when ``REDIS_URL`` is set; otherwise the broker is the database), and file storage
is reachable. 503 names the check that failed. Both are answered by ``HealthProbeMiddleware``, first in the chain, so
a probe by IP address, over plain HTTP and without a session still gets them.
"""

import logging
import os

from django.http import JsonResponse

logger = logging.getLogger(__name__)

HEALTH_PATH = "/healthz/"
READY_PATH = "/readyz/"


def healthz(request):
    return JsonResponse({"status": "ok"})


def _database():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _broker():
    from django.conf import settings

    url = getattr(settings, "REDIS_URL", "")
    if not url:
        return "database"  # the ORM broker: ready when the database is
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
    try:
        client.ping()
    finally:
        client.close()
    return None


def _storage():
    from django.core.files.storage import FileSystemStorage, default_storage

    if isinstance(default_storage, FileSystemStorage):  # the lazy default storage answers for its class
        location = default_storage.location
        parent = location
        while not os.path.exists(parent):  # created on first save: its nearest existing folder must be writable
            parent = os.path.dirname(parent)
        if not os.access(parent, os.W_OK):
            raise PermissionError(f"{location} is not writable")
    else:
        default_storage.exists("readyz-probe")  # one request to the bucket: reachable and allowed
    return None


CHECKS = {"database": _database, "broker": _broker, "storage": _storage}


def readyz(request):
    results, failed = {}, []
    for name, check in CHECKS.items():
        try:
            note = check()
        except Exception as exc:
            logger.warning("readyz: %s is not reachable: %s", name, exc)
            results[name] = f"failed: {type(exc).__name__}"
            failed.append(name)
        else:
            results[name] = f"ok ({note})" if note else "ok"
    body = {"status": "unavailable" if failed else "ok", "checks": results, "failed": failed}
    return JsonResponse(body, status=503 if failed else 200)


class HealthProbeMiddleware:
    """Answer the two probes before host checks, HTTPS redirects, sessions and authentication."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD"):
            if request.path == HEALTH_PATH:
                return _sized(healthz(request))
            if request.path == READY_PATH:
                return _sized(readyz(request))
        return self.get_response(request)


def _sized(response):
    """State the body's length, as the rest of the chain would (CommonMiddleware): a prober on a kept-alive
    connection reads exactly this answer and the next one starts where it ends."""
    response.headers["Content-Length"] = str(len(response.content))
    return response
