"""Settings for the USDataBiz console, read from the environment (see .env.example)."""

import os
import sys
from pathlib import Path

import dj_database_url
from botocore.config import Config as BotoConfig

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_float(name, default):
    value = os.environ.get(name)
    return float(value) if value not in (None, "") else default


RUNNING_TESTS = "pytest" in sys.modules

SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", default=not RUNNING_TESTS)
ALLOWED_HOSTS = [h for h in env("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in env("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

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
    "usdatabiz.core",
    "identity",
    "ingestion",
    "leads",
    "campaigns",
    "messaging",
    "inbox",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
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
DATABASE_URL = env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 0))}
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
SMS_STATUS_CALLBACK_URL = env("SMS_STATUS_CALLBACK_URL", "")
SMS_SLICE_SIZE = env_int("SMS_SLICE_SIZE", 100)
# Safe harbour for the National DNC registry needs a scrub no older than 31 days: an older do-not-call
# answer from the skip trace blocks the text (DNC_SCRUB_STALE) until the lead is traced again.
SMS_DNC_SCRUB_MAX_DAYS = env_int("SMS_DNC_SCRUB_MAX_DAYS", 31)
SMS_HOLD_AFTER_SECONDS = env_int("SMS_HOLD_AFTER_SECONDS", 600)
# Pages of 100 events read back from each provider account's event log per reconciliation run.
SMS_RECONCILE_MAX_PAGES = env_int("SMS_RECONCILE_MAX_PAGES", 10)

# Teams' own provider credentials are encrypted at rest with these Fernet keys (comma-separated, newest first;
# see usdatabiz/core/secrets.py for rotation). Development and tests without keys derive one from SECRET_KEY.
CREDENTIALS_KEYS = [k.strip() for k in env("CREDENTIALS_KEYS", "").split(",") if k.strip()]
if not CREDENTIALS_KEYS and (DEBUG or RUNNING_TESTS):
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
Q_CLUSTER = {
    # The site's name: the signing salt of task payloads, the same on every host. The lane a qcluster
    # serves is chosen by Q_CLUSTER_NAME (realtime or bulk), one of the named clusters below.
    "name": "usdatabiz",
    "workers": env_int("Q_WORKERS", 2),
    "timeout": env_int("Q_TIMEOUT", 1800),
    "retry": env_int("Q_RETRY", 1900),
    "max_attempts": env_int("Q_MAX_ATTEMPTS", 3),
    "ack_failures": True,
    "save_limit": env_int("Q_SAVE_LIMIT", 1000),
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
    "realtime": {"workers": env_int("Q_REALTIME_WORKERS", 2)},
    "bulk": {"workers": env_int("Q_BULK_WORKERS", 2)},
}
# Leased work (core/leases.py): a worker renews its lease while it works; the sweeper (every minute)
# hands work whose lease expired to another worker, so a killed worker's part resumes within a minute or so.
WORK_LEASE_SECONDS = env_int("WORK_LEASE_SECONDS", 30)
WORK_LOST_AFTER_SECONDS = env_int("WORK_LOST_AFTER_SECONDS", 600)

if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # With the ORM broker, django-q2's cluster stats live in a table every process sees (core/lanes.py).
    CACHES["django_q"] = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "django_q_cache"}
    Q_CLUSTER["cache"] = "django_q"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["usdatabiz.core.api.IsTeamMember"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "usdatabiz.core.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "USDataBiz console API",
    "DESCRIPTION": "Integrations API of the USDataBiz operator console. "
    "Authenticate with `Authorization: Token <key>`; pick a team with `X-Team: <slug>`.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {"ConversationStatusEnum": "inbox.models.Conversation.Status"},  # i11: conversations
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING" if RUNNING_TESTS else "INFO")},
}
