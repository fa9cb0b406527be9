"""Settings for Dear Reader, read from the environment (see README, "Configuration").

SQLite under DEARREADER_DATA_DIR is the default; DATABASE_URL switches to PostgreSQL and
REDIS_URL moves the cache (and so rate limits) to Redis.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from dearreader.lib import limits
from dearreader.lib.env import env_bool, env_int, env_list, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("DEARREADER_DATA_DIR", str(BASE_DIR.parent / "var"))).resolve()


def _private(path: Path, mode: int) -> None:
    """The data folder holds the database and the signing key: only its owner may read it."""
    if path.exists() and path.stat().st_mode & 0o777 != mode and path.stat().st_uid == os.getuid():
        path.chmod(mode)


def _private_folder(path: Path) -> None:
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    _private(path, 0o700)


def _private_file(path: Path) -> None:
    """Create the file 0600 before anything else does (SQLite would make it 0644, and makes
    its -wal and -shm files with the database file's mode)."""
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    _private(path, 0o600)


DEBUG = env_bool("DEBUG", False)
HTTPS = env_bool("DEARREADER_HTTPS", False)


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once and kept in the data folder."""
    key = env_secret("SECRET_KEY")
    if key:
        return key
    path = DATA_DIR / "secret_key"
    _private_folder(DATA_DIR)
    if path.exists():
        _private(path, 0o600)
        return path.read_text().strip()
    key = secrets.token_urlsafe(50)
    _private_file(path)
    path.write_text(key)
    return key


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "dearreader",
    "dearreader.accounts",
    "dearreader.works",
    "dearreader.community",
    "dearreader.downloads",
    "dearreader.library",
    "dearreader.letters",
    "dearreader.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "dearreader.works.access.LoginNeededMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    "dearreader.community.middleware.HitMiddleware",
]

ROOT_URLCONF = "dearreader.urls"
WSGI_APPLICATION = "dearreader.wsgi.application"

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
                "dearreader.community.context_processors.inbox",
                "dearreader.letters.context_processors.mailbag",
            ],
        },
    },
]

DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60), conn_health_checks=True
        )
    }
else:
    _private_folder(DATA_DIR)
    _private_file(DATA_DIR / "dearreader.sqlite3")
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "dearreader.sqlite3"),
            "OPTIONS": {
                # WAL lets readers carry on while a writer commits; IMMEDIATE takes the write
                # lock at BEGIN so two writers queue instead of failing with "database is locked".
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
                ),
                "transaction_mode": "IMMEDIATE",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
CACHES: dict[str, dict[str, object]]
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "dearreader",
        }
    }
else:
    # Files in the data folder, not local memory (every gunicorn worker sees the same rate-limit
    # counts) and not a table in the story database: a counter must never wait for SQLite's one
    # write lock, or a slow post would answer everyone's login with 429. Each entry is written
    # to a file of its own and renamed into place, so workers never see half an entry.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }
RATELIMIT_ENABLE = env_bool("DEARREADER_RATELIMIT", True)
RATELIMIT_VIEW = "dearreader.lib.ratelimit.too_many_requests"
# The client's address: REMOTE_ADDR, or behind a proxy the one X-Forwarded-For names.
RATELIMIT_IP_META_KEY = "dearreader.lib.ratelimit.client_ip"
BEHIND_PROXY = env_bool("DEARREADER_BEHIND_PROXY", False)
# How many proxies in front of the archive add to X-Forwarded-For (a CDN and a reverse proxy
# are two): the address that many entries from the right is the client's. Entries further left
# were written by the client and prove nothing.
TRUSTED_PROXIES = env_int("DEARREADER_TRUSTED_PROXIES", 1)

AUTH_USER_MODEL = "accounts.Member"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "media"

# Story files are read in memory, never written to disk, and an upload stops at the limit.
FILE_UPLOAD_HANDLERS = [
    "dearreader.lib.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
]
FILE_UPLOAD_MAX_MEMORY_SIZE = limits.IMPORT_MAX_BYTES
DATA_UPLOAD_MAX_MEMORY_SIZE = limits.FORM_MAX_BYTES
DATA_UPLOAD_MAX_NUMBER_FIELDS = limits.FORM_MAX_FIELDS

# The console by default (a laptop needs no mail server); SMTP by setting EMAIL_BACKEND.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Dear Reader <noreply@localhost>")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # a reset link works for a day

# No inline script or style anywhere: reader.js is a file, and so is every stylesheet.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)

# Emails are read away from the site, so their links need the site's own address.
SITE_URL = env_str(
    "DEARREADER_SITE_URL",
    f"{'https' if HTTPS else 'http'}://{ALLOWED_HOSTS[0]}"
    + ("" if HTTPS else f":{env_str('PORT', '8000')}"),
).rstrip("/")

# Background work (fan-out, email, scheduled posting) runs on django-tasks' database backend,
# so it needs nothing beyond the database; `dearreader worker` runs it (run.py serve starts one).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# Each worker needs an id of its own that stays the same across restarts: a restarted worker
# takes back the task its previous run was killed in (see community/management/commands/worker).
WORKER_ID = env_str("DEARREADER_WORKER_ID", "worker-1")
# Fan-out writes inbox rows in batches of this many: one INSERT each (well under PostgreSQL's
# 65,535 parameters at 10 columns a row), and a killed worker redoes at most one batch.
FANOUT_BATCH = env_int("DEARREADER_FANOUT_BATCH", 5000)
# The hour (in TIME_ZONE) at which the daily digest email goes out.
DIGEST_HOUR = env_int("DEARREADER_DIGEST_HOUR", 7)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
