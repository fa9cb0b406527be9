"""A download is built once and served from the cache until the work changes."""

import pytest
from django.urls import reverse

from dearreader.downloads import files
from dearreader.lib.factories import make_work
from dearreader.works import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records each time a text file is really built."""
    made: list[str] = []
    text = files.FORMATS["txt"]

    def build(book):  # type: ignore[no-untyped-def]
        made.append(book.work.title)
        return text.build(book)

    monkeypatch.setitem(files.FORMATS, "txt", files.Format(build, text.content_type))
    return made


def fetch(client, work) -> str:
    return client.get(reverse("downloads:file", args=[work.pk, "x", "txt"])).content.decode()


def test_a_second_download_is_served_from_the_cache(client, author, builds):
    work = make_work(author, title="Cached")
    first = fetch(client, work)
    assert fetch(client, work) == first
    assert builds == ["Cached"]


def test_editing_a_chapter_builds_the_file_again(client, author, builds):
    work = make_work(author, bodies=["The old words."])
    assert "The old words." in fetch(client, work)
    chapter = work.chapters.get()
    chapter.body = "The new words."
    services.chapter_update(chapter=chapter)
    text = fetch(client, work)
    assert "The new words." in text and "The old words." not in text
    assert len(builds) == 2


def test_editing_the_work_or_posting_a_chapter_builds_it_again(client, author, builds):
    work = make_work(author, title="Before")
    fetch(client, work)
    work.title = "After"
    services.work_update(work=work, tag_names={}, warnings=[])
    assert fetch(client, work).startswith("After\n")
    chapter = work.chapters.model(body="A second chapter.")
    services.chapter_add(work=work, chapter=chapter, post=False)
    assert "A second chapter." not in fetch(client, work)  # a draft: not built again
    services.chapter_post(chapter=chapter)
    assert "A second chapter." in fetch(client, work)
    assert builds == ["Before", "After", "After"]
