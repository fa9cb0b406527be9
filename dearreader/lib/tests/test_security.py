"""Headers and files: a Content-Security-Policy without inline script, a private data folder."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from dearreader.lib.factories import make_work

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_every_page_has_a_policy_without_inline_script(client, author):
    work = make_work(author)
    client.force_login(author)
    for url in [reverse("home"), work.get_absolute_url(), reverse("works:new"), "/nope/"]:
        policy = client.get(url)["Content-Security-Policy"]
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if " " in d.strip())
        assert directives["script-src"] == "'self'", url
        assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_the_data_folder_database_and_key_are_private(tmp_path):
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env["DEARREADER_DATA_DIR"] = str(data)
    for args in (["migrate", "-v", "0"], ["rerender"]):
        subprocess.run(
            [sys.executable, "-m", "dearreader.cli", *args],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            timeout=180,
        )
    modes = {p.name: oct(p.stat().st_mode & 0o777) for p in [data, *data.iterdir()]}
    assert modes["data"] == "0o700"
    assert modes["secret_key"] == "0o600"
    assert modes["dearreader.sqlite3"] == "0o600"
    assert all(mode == "0o600" for name, mode in modes.items() if name.startswith("dearreader"))


def test_an_existing_world_readable_database_is_made_private(tmp_path):
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    db = data / "dearreader.sqlite3"
    db.touch(mode=0o644)
    os.chmod(db, 0o644)
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env["DEARREADER_DATA_DIR"] = str(data)
    subprocess.run(
        [sys.executable, "-m", "dearreader.cli", "check"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert oct(db.stat().st_mode & 0o777) == "0o600"
    assert oct(data.stat().st_mode & 0o777) == "0o700"
