"""Settings for the USDataBiz console, read from the environment (see .env.example)."""

import os
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from botocore.config import Config as BotoConfig

BASE_DIR = Path(__file__).resolve().parent.parent


def _raw(name):
    """The variable's value, or None when it is unset or blank: ``REDIS_URL=`` (compose, .env) means the default."""
    value = os.environ.get(name)
    return None if value is None or not value.strip() else value.strip()


def env(name, default=""):
    value = _raw(name)
    return default if value is None else value


def env_bool(name, default=False):
    value = _raw(name)
    if value is None:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = _raw(name)
    return default if value is None else int(value)


def env_float(name, default):
    value = _raw(name)
    return default if value is None else float(value)


RUNNING_TESTS = "pytest" in sys.modules
if RUNNING_TESTS:
    # The test suite runs the console as a local, plain-HTTP one. Set in the environment, so the servers and
    # workers its tests start inherit it too; a variable already set wins.
    for _name, _value in {
        "SECRET_KEY": "test-only-secret-key-never-used-outside-the-test-suite-0123456789",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
    }.items():
        os.environ.setdefault(_name, _value)

# Production is the default: debug pages only when DEBUG=1 (DJANGO_DEBUG is accepted as another name for it).
DEBUG = env_bool("DEBUG", default=env_bool("DJANGO_DEBUG", default=False))
SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY to a long random string (for example the output of "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'), or set DEBUG=1 for a local "
            "development console."
        )
    SECRET_KEY = "dev-only-insecure-key-change-me"
ALLOWED_HOSTS = [h for h in env("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in env("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

# HTTPS: on by default, each read from the variable of Django's own setting name; a local run over plain HTTP
# sets SECURE_SSL_REDIRECT=0 SESSION_COOKIE_SECURE=0 CSRF_COOKIE_SECURE=0 SECURE_HSTS_SECONDS=0. Behind a proxy
# that terminates TLS, SECURE_PROXY_SSL_HEADER=X-Forwarded-Proto names the header it sets to "https".
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=True)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
_proxy_ssl_header = env("SECURE_PROXY_SSL_HEADER").strip()
if _proxy_ssl_header:
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _proxy_ssl_header.upper().replace("-", "_"), "https")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "django_q",
    "axes",
    "usdatabiz.core",
    "identity",
    "ingestion",
    "leads",
    "campaigns",
    "messaging",
    "inbox",
]

MIDDLEWARE = [
    "usdatabiz.core.health.HealthProbeMiddleware",  # /healthz/ and /readyz/, for any host and over plain HTTP
    "usdatabiz.core.middleware.KnownHostMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "usdatabiz.core.middleware.EarlyViewMiddleware",  # a provider's signed webhook skips what follows
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "usdatabiz.core.middleware.CurrentTeamMiddleware",
    "inbox.middleware.UserTimeZoneMiddleware",  # i11: times in the person's own time zone
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "usdatabiz.urls"
WSGI_APPLICATION = "usdatabiz.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "usdatabiz.core.context_processors.console",
            ],
        },
    },
]

# Database: SQLite file by default, PostgreSQL (psycopg 3) through DATABASE_URL.
# Lower-case: not a setting, so its password never appears in a settings listing.
_database_url = env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=env_int("DB_CONN_MAX_AGE", 0))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and immediate transactions let the web server and a qcluster share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if RUNNING_TESTS:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast users in tests only

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login lockout (django-axes, on /login/ and /admin/login/): AXES_FAILURE_LIMIT failed attempts for one username or
# from one address lock it out for AXES_COOLOFF_MINUTES, even with the right password; attempts older than that
# are forgotten. Behind a proxy, AXES_IPWARE_PROXY_COUNT says how many proxies add to X-Forwarded-For.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "usdatabiz.core.views.locked_out"
AXES_VERBOSE = False
if env("AXES_IPWARE_PROXY_COUNT"):
    AXES_IPWARE_PROXY_COUNT = env_int("AXES_IPWARE_PROXY_COUNT", 0)

LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "core:login"

LANGUAGE_CODE = "en-us"
TIME_ZONE = env("TIME_ZONE", "UTC")
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))

# File storage: local folder by default; DigitalOcean Spaces (S3 API) when STORAGE_BACKEND=s3.
STORAGE_BACKEND = env("STORAGE_BACKEND", "local")
if STORAGE_BACKEND == "s3":
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env("AWS_S3_REGION_NAME") or None,
            "access_key": env("AWS_ACCESS_KEY_ID") or None,
            "secret_key": env("AWS_SECRET_ACCESS_KEY") or None,
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": True,
            # Spool downloads to disk past 8 MB so reading a large list never holds it in memory.
            "max_memory_size": 8 * 1024 * 1024,
            "client_config": BotoConfig(
                connect_timeout=env_float("STORAGE_CONNECT_TIMEOUT_SECONDS", 10.0),
                read_timeout=env_float("INGEST_UPLOAD_TIMEOUT_SECONDS", 120.0),
                retries={"max_attempts": env_int("STORAGE_MAX_ATTEMPTS", 3), "mode": "standard"},
                signature_version="s3v4",
                s3={"addressing_style": env("AWS_S3_ADDRESSING_STYLE", "virtual")},
            ),
        },
    }
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if RUNNING_TESTS or DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Upload and ingestion limits.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 10 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = env_int("FILE_UPLOAD_MAX_MEMORY_SIZE", 5 * 1024 * 1024)
INGEST_UPLOAD_TIMEOUT_SECONDS = env_float("INGEST_UPLOAD_TIMEOUT_SECONDS", 120.0)
INGEST_TEAM_QUOTA_BYTES = env_int("INGEST_TEAM_QUOTA_BYTES", 10 * 1024 * 1024 * 1024)
INGEST_CHUNK_ROWS = env_int("INGEST_CHUNK_ROWS", 20000)
INGEST_USE_COPY = env_bool("INGEST_USE_COPY", default=True)
# Stage 2's normalizing: "python" (RowNormalizer, every database), "sql" (staging tables and set-based SQL,
# PostgreSQL with COPY only; elsewhere it falls back to "python").
INGEST_NORMALIZE = env("INGEST_NORMALIZE", "python")
INGEST_STALE_SECONDS = env_int("INGEST_STALE_SECONDS", 900)

# Skip trace (stage 5): the sandbox by default, RealEstateAPI when SKIPTRACE_PROVIDER=realestateapi.
SKIPTRACE_PROVIDER = env("SKIPTRACE_PROVIDER", "sandbox")
REALESTATEAPI_API_KEY = env("REALESTATEAPI_API_KEY", "")
REALESTATEAPI_BASE_URL = env("REALESTATEAPI_BASE_URL", "https://api.realestateapi.com")
SKIPTRACE_DAILY_CAP = env_int("SKIPTRACE_DAILY_CAP", 5000)
# 30, so that a lead can be traced again before its do-not-call scrub turns 31 days old (SMS_DNC_SCRUB_MAX_DAYS).
SKIPTRACE_RETRACE_DAYS = env_int("SKIPTRACE_RETRACE_DAYS", 30)
# Lookups per provider call: 1 uses POST /v1/SkipTrace per lead, 2-100 the batch-await endpoint.
SKIPTRACE_BATCH_SIZE = env_int("SKIPTRACE_BATCH_SIZE", 100)
# Provider calls per second per API key, paced across every worker through the default cache (Redis when REDIS_URL
# is set; per process otherwise). 10 is RealEstateAPI's limit on /SkipTrace (reference/providers.md); 0 = no pacing.
SKIPTRACE_REQUESTS_PER_SECOND = env_float("SKIPTRACE_REQUESTS_PER_SECOND", 10.0)

# SMS (stage 7): the sandbox by default, SignalHouse when SMS_PROVIDER=signalhouse.
SMS_PROVIDER = env("SMS_PROVIDER", "sandbox")
SIGNALHOUSE_API_KEY = env("SIGNALHOUSE_API_KEY", "")
SIGNALHOUSE_BASE_URL = env("SIGNALHOUSE_BASE_URL", "https://v2.signalhouse.io")
# The platform's webhook signing secret, for teams without one of their own. Empty verifies nothing; the sandbox's
# public secret is used only while SMS_PROVIDER is "sandbox" (messaging.sms.registry.webhook_secrets).
SIGNALHOUSE_WEBHOOK_SECRET = env("SIGNALHOUSE_WEBHOOK_SECRET", "")
SIGNALHOUSE_GROUP_ID = env("SIGNALHOUSE_GROUP_ID", "")  # the platform account's group: its GET /notification log
# Webhook bodies larger than this are refused (413) before they are read.
WEBHOOK_MAX_BYTES = env_int("WEBHOOK_MAX_BYTES", 64 * 1024)
# a stored event still unprocessed this long after it was stored or last sent (its task lost) is sent again
WEBHOOK_RETRY_AFTER_SECONDS = env_int("WEBHOOK_RETRY_AFTER_SECONDS", 120)
# workers that may start on a stored event (its processing failed, after 1, 5, 25 ... minutes; or its worker was
# killed) before it is given up with WEBHOOK_FAILURE in the ledger
WEBHOOK_RETRY_MAX_ATTEMPTS = env_int("WEBHOOK_RETRY_MAX_ATTEMPTS", 5)
# a delivery report that came before the send returned the text's id is applied when the id is known, this long
WEBHOOK_EARLY_REPORT_SECONDS = env_int("WEBHOOK_EARLY_REPORT_SECONDS", 3600)
SMS_STATUS_CALLBACK_URL = env("SMS_STATUS_CALLBACK_URL", "")
SMS_SLICE_SIZE = env_int("SMS_SLICE_SIZE", 100)
SMS_SEND_BATCH = env_int("SMS_SEND_BATCH", 50)  # texts checked and claimed in one transaction
# Safe harbour for the National DNC registry needs a scrub no older than 31 days: an older do-not-call
# answer from the skip trace blocks the text (DNC_SCRUB_STALE) until the lead is traced again.
SMS_DNC_SCRUB_MAX_DAYS = env_int("SMS_DNC_SCRUB_MAX_DAYS", 31)
SMS_HOLD_AFTER_SECONDS = env_int("SMS_HOLD_AFTER_SECONDS", 600)
# A STOP (or a possible opt-out held for review) waits this long at most for texts to that number that are with
# the provider to be answered, so that none leaves after it is recorded (usdatabiz/core/inflight.py).
SMS_STOP_WAIT_SECONDS = env_float("SMS_STOP_WAIT_SECONDS", 2.0)
# Pages of 100 events read back from each provider account's event log per reconciliation run.
SMS_RECONCILE_MAX_PAGES = env_int("SMS_RECONCILE_MAX_PAGES", 10)

# Teams' own provider credentials are encrypted at rest with these Fernet keys (comma-separated, newest first;
# see usdatabiz/core/secrets.py for rotation). Development and tests without keys derive one from SECRET_KEY.
CREDENTIALS_KEYS = [k.strip() for k in env("CREDENTIALS_KEYS", "").split(",") if k.strip()]
if not CREDENTIALS_KEYS:  # derived from SECRET_KEY; set CREDENTIALS_KEYS to rotate SECRET_KEY independently
    import base64
    import hashlib

    CREDENTIALS_KEYS = [
        base64.urlsafe_b64encode(hashlib.sha256(b"usdatabiz-credentials:" + SECRET_KEY.encode()).digest()).decode()
    ]

# Inbox (stages 8-12): when open conversations are flagged, and when a hot one counts as lost.
INBOX_FOLLOW_UP_HOURS = env_int("INBOX_FOLLOW_UP_HOURS", 24)
INBOX_HOT_COOLS_AFTER_HOURS = env_int("INBOX_HOT_COOLS_AFTER_HOURS", 4)
INBOX_QUEUE_CAPACITY = env_int("INBOX_QUEUE_CAPACITY", 500)
INBOX_NUDGE_AFTER_DAYS = env_int("INBOX_NUDGE_AFTER_DAYS", 3)
# Copilot (stage 11): GIANNA, CATHY and SABRINA's rules by default; an OpenAI-compatible API drafts when set.
COPILOT_LLM_BASE_URL = env("COPILOT_LLM_BASE_URL", "")
COPILOT_LLM_API_KEY = env("COPILOT_LLM_API_KEY", "")
COPILOT_LLM_MODEL = env("COPILOT_LLM_MODEL", "gpt-4o-mini")
COPILOT_LLM_TIMEOUT_SECONDS = env_float("COPILOT_LLM_TIMEOUT_SECONDS", 8.0)
COPILOT_SLOW_MS = env_int("COPILOT_SLOW_MS", 5000)

# Task queue: django-q2 on the ORM broker by default, Redis when REDIS_URL is set.
REDIS_URL = env("REDIS_URL", "")
Q_SYNC = env_bool("Q_SYNC", default=RUNNING_TESTS)
TASK_RESULTS_KEEP = env_int("Q_SAVE_LIMIT", 1000)
Q_CLUSTER = {
    # The site's name: the signing salt of task payloads, the same on every host. The lane a qcluster
    # serves is chosen by Q_CLUSTER_NAME (realtime or bulk), one of the named clusters below.
    "name": "usdatabiz",
    "workers": env_int("Q_WORKERS", 2),
    "timeout": env_int("Q_TIMEOUT", 1800),
    "retry": env_int("Q_RETRY", 1900),
    "max_attempts": env_int("Q_MAX_ATTEMPTS", 3),
    "ack_failures": True,
    # finished tasks kept for the admin: recorded without django-q2's per-task pruning (core/taskresults.py),
    # trimmed to Q_SAVE_LIMIT once a minute by the "prune task results" schedule
    "save_limit": -1 if TASK_RESULTS_KEEP < 0 else 0,  # -1: no successes kept at all
    "catch_up": False,
    "sync": Q_SYNC,
    "poll": 0.5,
}
if REDIS_URL:
    Q_CLUSTER["redis"] = REDIS_URL
else:
    Q_CLUSTER["orm"] = "default"
# Two lanes (core/lanes.py; LANES in usdatabiz/pipeline.py): each a named cluster with its own workers, started
# as Q_CLUSTER_NAME=realtime manage.py qcluster and Q_CLUSTER_NAME=bulk manage.py qcluster.
Q_CLUSTER["ALT_CLUSTERS"] = {
    # a reply's stages hop through the queue three times: an idle realtime broker looks for work every 0.2 s
    # (a cheap indexed read) so that the hops add well under a second to the webhook-to-draft time
    "realtime": {"workers": env_int("Q_REALTIME_WORKERS", 2), "poll": env_float("Q_REALTIME_POLL", 0.2)},
    "bulk": {"workers": env_int("Q_BULK_WORKERS", 2)},
}
# CPU priority of each lane's workers (added to the niceness they are started with; 0 leaves it): on a host shared
# with the web server and the realtime lane, a million-row list takes what they leave. The realtime lane keeps the
# web server's priority by default (lowering it did not raise the webhook's rate here). 0 on a host running one lane.
Q_LANE_NICE = {"realtime": env_int("Q_REALTIME_NICE", 0), "bulk": env_int("Q_BULK_NICE", 10)}
# Leased work (core/leases.py): a worker renews its lease while it works; the sweeper (every minute)
# hands work whose lease expired to another worker, so a killed worker's part resumes within a minute or so.
WORK_LEASE_SECONDS = env_int("WORK_LEASE_SECONDS", 30)
WORK_LOST_AFTER_SECONDS = env_int("WORK_LOST_AFTER_SECONDS", 600)
HANDOVER_KEEP_HOURS = env_int("HANDOVER_KEEP_HOURS", 24)
# stage 4 refreshes the planner statistics of the lead tables after writing at least this many leads
BULK_ANALYZE_ROWS = env_int("BULK_ANALYZE_ROWS", 10_000)
# SLA alerts (core/alerts.py): checked every minute; a late run older than this does not open an alert.
SLA_ALERT_LOOKBACK_SECONDS = env_int("SLA_ALERT_LOOKBACK_SECONDS", 3600)
# Alert emails go to each team's admins through Django's email backend (SMTP settings from the environment).
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "alerts@localhost")

if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # With the ORM broker, django-q2's cluster stats live in a table every process sees (core/lanes.py).
    CACHES["django_q"] = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "django_q_cache"}
    Q_CLUSTER["cache"] = "django_q"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "usdatabiz.core.api.ThrottledTokenAuthentication",  # a wrong token counts against the address (429)
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["usdatabiz.core.api.IsTeamMember"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "usdatabiz.core.pagination.BoundedLimitOffsetPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "usdatabiz.core.api.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "usdatabiz.core.api.AnonymousThrottle",
        "usdatabiz.core.api.TokenThrottle",
    ],
}
# API throttles: requests per client address without credentials, per token (or session) with them.
API_THROTTLE_RATES = {
    "anon": env("API_THROTTLE_ANON", "10000/min" if RUNNING_TESTS else "60/min"),
    "token": env("API_THROTTLE_TOKEN", "100000/min" if RUNNING_TESTS else "1200/min"),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "USDataBiz console API",
    "DESCRIPTION": "Integrations API of the USDataBiz operator console. "
    "Authenticate with `Authorization: Token <key>`; pick a team with `X-Team: <slug>`.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The schema and its docs pages need a login (a session or a token), not a team.
    "SERVE_PERMISSIONS": ["usdatabiz.core.api.IsAuthenticatedThrottled"],
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "OptOutDecisionEnum": "messaging.models.OptOutReview.Decision",
        "ConversationStatusEnum": "inbox.models.Conversation.Status",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "usdatabiz.core.openapi.add_error_responses",  # 400/401/403/404/405/409/415/429, one Error schema
        "usdatabiz.core.openapi.allow_empty_filters",  # query filters where an empty value means no filter
        "usdatabiz.core.openapi.text_without_nul",  # request texts never take a NUL character
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING" if RUNNING_TESTS else "INFO")},
}
