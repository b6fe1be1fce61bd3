"""The console's URLs plus a no-op ``/healthz/``, for ``bench_webhook`` only.

The project has no health endpoint of its own; this trivial view exists only for the benchmark, as the floor a
request through the same gunicorn, middleware and Django costs (``DJANGO_SETTINGS_MODULE=bench.webhook_settings``).
"""

from django.http import HttpResponse
from django.urls import include, path


def healthz(request):
    """Answer at once, touching nothing: the no-op the webhook's rate is compared with."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("healthz/", healthz), path("", include("usdatabiz.urls"))]
