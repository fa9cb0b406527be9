"""Misconfiguration reported by Django's system checks, with ids and hints."""

import os
from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register


@register(Tags.compatibility, deploy=True)
def email_configured(app_configs: Sequence[AppConfig] | None, **kwargs: Any) -> list[CheckMessage]:
    if settings.EMAIL_BACKEND.endswith("console.EmailBackend") and not settings.DEBUG:
        return [
            Warning(
                "No SMTP configured: emails go to the console.",
                hint="Set EMAIL_BACKEND to the SMTP backend, and EMAIL_HOST.",
                id="dearreader.W001",
            )
        ]
    return []


@register(Tags.database)
def data_dir_writable(app_configs: Sequence[AppConfig] | None, **kwargs: Any) -> list[CheckMessage]:
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        return []
    data_dir = settings.DATA_DIR
    if data_dir.exists() and not os.access(data_dir, os.W_OK):
        return [
            Error(
                f"The data folder {data_dir} is not writable, so SQLite cannot save anything.",
                hint="Fix its permissions or point DEARREADER_DATA_DIR somewhere writable.",
                id="dearreader.E001",
            )
        ]
    return []


@register(Tags.caches, deploy=True)
def shared_cache(app_configs: Sequence[AppConfig] | None, **kwargs: Any) -> list[CheckMessage]:
    backend = str(settings.CACHES["default"]["BACKEND"])
    if backend.endswith("LocMemCache") or backend.endswith("DummyCache"):
        return [
            Warning(
                "The cache is not shared between server processes, so rate limits do not hold.",
                hint="Set REDIS_URL, or leave it unset to use the file cache in the data folder.",
                id="dearreader.W002",
            )
        ]
    return []


@register(Tags.compatibility, deploy=True)
def site_url_served(app_configs: Sequence[AppConfig] | None, **kwargs: Any) -> list[CheckMessage]:
    """Emails link to SITE_URL: it must be an address this archive answers to."""
    from urllib.parse import urlsplit

    from django.http.request import validate_host

    parts = urlsplit(settings.SITE_URL)
    if parts.scheme not in {"http", "https"} or not validate_host(
        parts.hostname or "", settings.ALLOWED_HOSTS
    ):
        return [
            Warning(
                f"Links in emails go to {settings.SITE_URL}, which is not one of ALLOWED_HOSTS.",
                hint="Set DEARREADER_SITE_URL to the archive's public address, "
                "such as https://archive.example.org.",
                id="dearreader.W003",
            )
        ]
    return []
