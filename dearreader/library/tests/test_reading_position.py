"""The place a member stopped is kept for the member, on the server: a second device of
theirs offers "continue reading" at it. The reading list ("mark for later") is kept too."""

import pytest
from django.test import Client
from django.urls import reverse

from dearreader.lib.factories import make_work
from dearreader.library.models import Reading

pytestmark = pytest.mark.django_db


@pytest.fixture
def work(author):  # type: ignore[no-untyped-def]
    return make_work(
        author, title="Paper Boats", bodies=[f"Chapter {n} text." for n in range(1, 8)]
    )


def device(member) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(member)
    return client


def test_the_place_saved_on_one_device_is_offered_on_another(reader, work):
    phone, laptop = device(reader), device(reader)
    seventh = work.chapters.get(position=7)
    response = phone.post(
        reverse("library:position", args=[work.pk]), {"chapter": seventh.pk, "paragraph": 14}
    )
    assert response.status_code == 204
    page = laptop.get(work.get_absolute_url()).content.decode()
    link = f'href="{seventh.get_absolute_url()}#resume">Continue reading at chapter 7</a>'
    assert link in page
    assert f'data-resume-chapter="{seventh.pk}" data-resume-paragraph="14"' in page
    history = laptop.get(reverse("library:history")).content.decode()
    assert link in history


def test_the_place_is_the_members_own(reader, stranger, work):
    device(reader).post(
        reverse("library:position", args=[work.pk]),
        {"chapter": work.chapters.get(position=3).pk, "paragraph": 2},
    )
    assert "Continue reading" not in device(stranger).get(work.get_absolute_url()).content.decode()
    assert "Continue reading" not in Client().get(work.get_absolute_url()).content.decode()


def test_the_place_must_be_in_the_work_and_sent_with_the_csrf_token(author, reader, work):
    other = make_work(author, title="Other")
    client = device(reader)
    url = reverse("library:position", args=[work.pk])
    for junk in [
        {"chapter": other.chapters.get().pk, "paragraph": 1},
        {"chapter": work.chapters.first().pk, "paragraph": -1},
        {"chapter": work.chapters.first().pk, "paragraph": 10**9},
        {"chapter": "one", "paragraph": "two"},
        {},
    ]:
        assert client.post(url, junk).status_code == 400, junk
    assert client.get(url).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(reader)
    assert (
        strict.post(url, {"chapter": work.chapters.first().pk, "paragraph": 1}).status_code == 403
    )
    guest = Client().post(url, {"chapter": work.chapters.first().pk, "paragraph": 1})
    assert guest.status_code == 302
    assert not Reading.objects.exists()


def test_a_draft_chapter_of_someone_else_is_not_a_place(author, reader, work):
    from dearreader.works import services

    draft = work.chapters.model(body="Unposted.")
    services.chapter_add(work=work, chapter=draft, post=False)
    response = device(reader).post(
        reverse("library:position", args=[work.pk]), {"chapter": draft.pk, "paragraph": 0}
    )
    assert response.status_code == 400


def test_mark_for_later_keeps_a_reading_list(reader, work):
    client = device(reader)
    client.post(reverse("library:later", args=[work.pk]))
    history = client.get(reverse("library:history")).content.decode()
    assert "Marked for later" in history and "Paper Boats" in history
    assert "Remove from “later”" in client.get(work.get_absolute_url()).content.decode()
    client.post(reverse("library:later", args=[work.pk]), {"later": "false"})
    assert Reading.objects.get().for_later is False
