"""The settings as a deployment sees them: checked in a fresh process with its own environment."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection

from dearreader.lib.env import env_str
from dearreader.lib.testing import require

ROOT = Path(__file__).resolve().parents[3]


def manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "dearreader.cli", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        DEARREADER_HTTPS="true",
        SECRET_KEY="k" * 20 + "-Zx9_" * 12,
        ALLOWED_HOSTS="archive.example.org",
        DEARREADER_DATA_DIR=str(tmp_path),
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_check_names_what_is_missing(tmp_path):
    result = manage("check", "--deploy", DEBUG="false", DEARREADER_DATA_DIR=str(tmp_path))
    assert "security.W008" in result.stderr  # no HTTPS redirect
    assert "dearreader.W001" in result.stderr  # email goes to the console


def test_deploy_check_warns_when_email_links_would_point_elsewhere(tmp_path):
    result = manage(
        "check",
        "--deploy",
        DEBUG="false",
        ALLOWED_HOSTS="archive.example.org",
        DEARREADER_SITE_URL="https://other.example.net",
        DEARREADER_DATA_DIR=str(tmp_path),
    )
    assert "dearreader.W003" in result.stderr
    assert "https://other.example.net" in result.stderr


def test_a_misspelt_boolean_stops_the_start(tmp_path):
    result = manage("check", DEBUG="flase", DEARREADER_DATA_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "DEBUG='flase'" in result.stderr


def test_secret_key_is_generated_once_and_kept(tmp_path):
    manage("check", DEARREADER_DATA_DIR=str(tmp_path))
    key = (tmp_path / "secret_key").read_text()
    manage("check", DEARREADER_DATA_DIR=str(tmp_path))
    assert (tmp_path / "secret_key").read_text() == key
    assert len(key) > 50
    assert oct((tmp_path / "secret_key").stat().st_mode)[-3:] == "600"


def test_sqlite_runs_in_wal_mode(tmp_path):
    code = (
        "import django; django.setup(); from django.db import connection; "
        "c = connection.cursor(); c.execute('PRAGMA journal_mode'); print(c.fetchone()[0])"
    )
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(DJANGO_SETTINGS_MODULE="dearreader.settings", DEARREADER_DATA_DIR=str(tmp_path))
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout
    assert out.strip() == "wal"


@pytest.mark.django_db
def test_database_is_the_one_database_url_names():
    expected = "postgresql" if env_str("DATABASE_URL").startswith("postgres") else "sqlite"
    assert connection.vendor == expected


def test_redis_cache_really_stores_in_redis():
    url = env_str("REDIS_URL") or env_str("REDIS_TEST_URL")
    require(bool(url), "needs Redis: set REDIS_URL or REDIS_TEST_URL")
    import redis
    from django.core.cache.backends.redis import RedisCache

    cache = RedisCache(url, {"KEY_PREFIX": "dr-test"})
    cache.set("greeting", "Dear Reader", 30)
    raw = redis.Redis.from_url(url)
    assert any(b"greeting" in key for key in raw.keys("dr-test*"))
    assert cache.get("greeting") == "Dear Reader"
    cache.delete("greeting")
    if env_str("REDIS_URL"):
        assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
        caches["default"].set("k", 1)
        assert caches["default"].get("k") == 1
