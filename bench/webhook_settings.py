"""The console's settings as ``bench_webhook`` serves it: unchanged but for the URLconf (``bench.webhook_urls``)."""

from usdatabiz.settings import *  # noqa: F403 - the project's settings, unchanged but for the URLconf

ROOT_URLCONF = "bench.webhook_urls"
