"""Headers and files: a Content-Security-Policy without inline script, a private data folder."""

import os

import pytest
from django.urls import reverse

from dearreader.lib.factories import make_work
from dearreader.lib.tests.test_settings import manage


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
    for args in (["migrate", "-v", "0"], ["rerender"]):
        assert manage(*args, DEARREADER_DATA_DIR=str(data)).returncode == 0
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
    assert manage("check", DEARREADER_DATA_DIR=str(data)).returncode == 0
    assert oct(db.stat().st_mode & 0o777) == "0o600"
    assert oct(data.stat().st_mode & 0o777) == "0o700"
