"""WSGI entry point for gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usdatabiz.settings")
application = get_wsgi_application()

# The webhook reads every reply with the revocation model before it answers: train it as the worker starts,
# not on the first reply (whose answer would wait about 0.3 s, and every reply queued behind it).
from inbox.classification import models_warm  # noqa: E402

models_warm()

# The URL configuration (and every view module it imports) is loaded on the first request Django resolves: load it
# here, so that the first webhook calls after a start do not wait about a second behind the imports.
from django.urls import reverse  # noqa: E402

reverse("webhook-signalhouse")
