"""Bookmarks: a note and tags of one's own, public or private; counted and listed on the work
and on the member's page. A private bookmark is never shown to anyone but its member."""

import pytest
from django.urls import reverse

from dearreader.lib.factories import make_member, make_work
from dearreader.library import services
from dearreader.library.limits import MAX_BOOKMARK_TAGS
from dearreader.library.models import Bookmark

pytestmark = pytest.mark.django_db

SECRET = "The letter I slipped in as a makeshift bookmark"


def bookmark(member, work, *, private: bool, notes: str = "", tags=()):  # type: ignore[no-untyped-def]
    return services.bookmark_save(
        member=member, work=work, notes=notes, is_private=private, tag_names=list(tags)
    )


def pages(work, member) -> list[str]:
    return [
        work.get_absolute_url(),
        reverse("library:work_bookmarks", args=[work.pk]),
        reverse("library:member_bookmarks", args=[member.username]),
        member.get_absolute_url(),
    ]


def test_a_member_bookmarks_a_work_with_a_note_and_tags_of_their_own(client, author, reader):
    work = make_work(author, title="Paper Boats")
    client.force_login(reader)
    response = client.post(
        reverse("library:bookmark", args=[work.pk]),
        {"notes": "Reread *every* winter.", "tags": "comfort read, letters, Comfort Read"},
    )
    assert response.status_code == 302
    saved = Bookmark.objects.get(member=reader, work=work)
    assert saved.notes_html == "<p>Reread <em>every</em> winter.</p>"
    assert [t.name for t in saved.tags.all()] == ["comfort read", "letters"]
    assert not saved.is_private
    page = client.get(work.get_absolute_url()).content.decode()
    assert "Edit your bookmark" in page


def test_public_bookmarks_are_counted_on_the_work_and_listed_with_their_notes(
    client, author, reader, stranger
):
    work = make_work(author)
    bookmark(reader, work, private=False, notes="Public words.", tags=["cosy"])
    bookmark(stranger, work, private=False)
    bookmark(make_member("lane"), work, private=True, notes=SECRET)
    page = client.get(work.get_absolute_url()).content.decode()
    assert "Bookmarked by 2 readers" in page
    listing = client.get(reverse("library:work_bookmarks", args=[work.pk])).content.decode()
    assert "Public words." in listing and "cosy" in listing
    assert "rory" in listing and "kirk" in listing and "lane" not in listing
    mine = client.get(reverse("library:member_bookmarks", args=["rory"])).content.decode()
    assert work.title in mine and "Public words." in mine


def test_a_private_note_is_never_shown_to_anyone_else(client, author, reader, stranger, staff):
    work = make_work(author)
    bookmark(reader, work, private=True, notes=SECRET, tags=["secret-shelf"])
    for viewer in (None, stranger, author, staff):
        client.logout()
        if viewer:
            client.force_login(viewer)
        for url in pages(work, reader):
            page = client.get(url).content.decode()
            assert SECRET not in page, (viewer, url)
            assert "secret-shelf" not in page, (viewer, url)
        assert "Bookmarked by" not in client.get(work.get_absolute_url()).content.decode()
    client.force_login(reader)
    mine = client.get(reverse("library:member_bookmarks", args=["rory"])).content.decode()
    assert SECRET in mine and "secret-shelf" in mine and "Private" in mine


def test_a_bookmark_of_a_restricted_work_is_not_listed_for_guests(client, author, reader):
    work = make_work(author, title="Members Only Story", restricted=True)
    bookmark(reader, work, private=False, notes="Public note.")
    page = client.get(reverse("library:member_bookmarks", args=["rory"])).content.decode()
    assert "Members Only Story" not in page and "Public note." not in page
    assert "0 bookmarks" in page


def test_removing_a_bookmark(client, author, reader):
    work = make_work(author)
    bookmark(reader, work, private=False)
    client.force_login(reader)
    client.post(reverse("library:bookmark_delete", args=[work.pk]))
    assert not Bookmark.objects.exists()


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"tags": ", ".join(f"t{n}" for n in range(MAX_BOOKMARK_TAGS + 1))}, "at most 20 tags"),
        ({"tags": "x" * 101}, "at most 100 characters"),
        ({"notes": "n" * 5001}, "at most 5000 characters"),
    ],
)
def test_hostile_bookmarks_are_refused_with_a_reason_and_nothing_saved(
    client, author, reader, data, problem
):
    work = make_work(author)
    client.force_login(reader)
    response = client.post(reverse("library:bookmark", args=[work.pk]), data)
    assert response.status_code == 200
    assert problem in response.content.decode()
    assert not Bookmark.objects.exists()


def test_drafts_and_guests_cannot_bookmark(client, author, reader):
    draft = make_work(author, post=False)
    work = make_work(author)
    response = client.post(reverse("library:bookmark", args=[work.pk]), {"notes": "x"})
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(reader)
    assert client.get(reverse("library:bookmark", args=[draft.pk])).status_code == 404
    client.force_login(author)
    assert client.post(reverse("library:bookmark", args=[draft.pk]), {}).status_code == 404
    assert not Bookmark.objects.exists()


def test_a_members_bookmarks_list_reads_in_a_fixed_number_of_queries(
    client, author, reader, django_assert_max_num_queries
):
    for n in range(15):
        bookmark(reader, make_work(author, title=f"Work {n}"), private=False, tags=["a", "b"])
    with django_assert_max_num_queries(8):
        response = client.get(reverse("library:member_bookmarks", args=["rory"]))
    assert len(response.context["bookmarks"]) == 15
