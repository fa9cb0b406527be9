"""Who may download what: restricted works only members, drafts nobody, deleted works 404."""

import pytest
from django.urls import reverse

from dearreader.lib.factories import make_work
from dearreader.works import services

pytestmark = pytest.mark.django_db

EXTENSIONS = ["epub", "html", "txt"]


def url(work, extension: str, name: str = "any-name") -> str:
    return reverse("downloads:file", args=[work.pk, name, extension])


@pytest.mark.parametrize("extension", EXTENSIONS)
def test_a_posted_work_downloads_for_guests_as_an_attachment(client, author, extension):
    work = make_work(author, title="Paper Boats")
    response = client.get(url(work, extension))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="paper-boats.{extension}"'


def test_a_restricted_work_sends_guests_to_log_in_and_downloads_for_members(client, author, reader):
    work = make_work(author, restricted=True)
    response = client.get(url(work, "epub"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    client.force_login(reader)
    response = client.get(url(work, "epub"))
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("extension", EXTENSIONS)
def test_a_draft_never_downloads_not_even_for_its_author(client, author, stranger, extension):
    draft = make_work(author, post=False)
    for member in (None, stranger, author):
        if member:
            client.force_login(member)
        assert client.get(url(draft, extension)).status_code == 404


def test_draft_chapters_of_a_posted_work_are_left_out(client, author):
    work = make_work(author, bodies=["Posted words."])
    chapter = work.chapters.model(body="Unposted words.")
    services.chapter_add(work=work, chapter=chapter, post=False)
    client.force_login(author)
    text = client.get(url(work, "txt")).content.decode()
    assert "Posted words." in text
    assert "Unposted words." not in text


@pytest.mark.parametrize("extension", EXTENSIONS)
def test_a_deleted_work_is_not_found(client, author, extension):
    work = make_work(author)
    address = url(work, extension)
    services.work_delete(work=work)
    assert client.get(address).status_code == 404


def test_unknown_formats_and_works_are_not_found(client, author):
    work = make_work(author)
    assert client.get(f"/downloads/{work.pk}/x.pdf").status_code == 404
    assert client.get("/downloads/999999/x.epub").status_code == 404
    assert client.get(f"/downloads/{work.pk}/.epub").status_code == 404


def test_every_work_page_links_its_three_downloads(client, author):
    work = make_work(author, title="Paper Boats", bodies=["One.", "Two."])
    pages = [
        work.get_absolute_url(),
        work.chapters.get(position=2).get_absolute_url(),
        reverse("works:full", args=[work.pk]),
    ]
    for page in pages:
        html = client.get(page).content.decode()
        for extension in EXTENSIONS:
            assert f'href="{url(work, extension, "paper-boats")}"' in html, (page, extension)


def test_a_draft_work_page_offers_no_downloads(client, author):
    draft = make_work(author, post=False)
    client.force_login(author)
    assert "/downloads/" not in client.get(draft.get_absolute_url()).content.decode()
