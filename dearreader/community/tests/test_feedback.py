import pytest
from django.urls import reverse

from dearreader.community.models import Fave, Follow, Kind, Kudos, Notification, Preferences
from dearreader.lib.factories import make_work

pytestmark = pytest.mark.django_db


def kudos(client, work, **extra):  # type: ignore[no-untyped-def]
    return client.post(reverse("community:kudos", args=[work.pk]), **extra)


def test_member_leaves_kudos_once(client, work, reader):
    client.force_login(reader)
    assert kudos(client, work).status_code == 302
    second = kudos(client, work)
    assert second.status_code == 403 and "already left kudos" in second.content.decode()
    assert Kudos.objects.filter(work=work).count() == 1
    work.refresh_from_db()
    assert work.kudos_count == 1


def test_guest_leaves_kudos_without_logging_in_once_per_browser_and_address(client, work):
    assert kudos(client, work).status_code == 302
    assert "You left kudos on this work." in client.get(work.get_absolute_url()).content.decode()
    # The same browser from another address: its cookie knows.
    assert kudos(client, work, REMOTE_ADDR="10.1.1.1").status_code == 403
    # The same address with the cookie cleared: the address knows.
    client.cookies.clear()
    assert kudos(client, work).status_code == 403
    # Another guest elsewhere may.
    client.cookies.clear()
    assert kudos(client, work, REMOTE_ADDR="10.2.2.2").status_code == 302
    assert Kudos.objects.filter(work=work, member=None).count() == 2
    assert not Kudos.objects.filter(guest_address__contains="10.2.2.2").exists()


def test_a_member_and_a_guest_from_one_address_each_leave_kudos(client, work, reader):
    assert kudos(client, work).status_code == 302
    client.force_login(reader)
    assert kudos(client, work).status_code == 302
    assert Kudos.objects.filter(work=work).count() == 2


def test_no_kudos_for_your_own_work_or_a_draft(client, work, author, reader):
    client.force_login(author)
    assert kudos(client, work).status_code == 403
    draft = make_work(author, title="Not yet", post=False)
    client.force_login(reader)
    assert kudos(client, draft).status_code == 404
    assert not Kudos.objects.exists()


def test_fave_a_work_and_an_author_and_the_author_is_told(client, work, author, reader, on_commit):
    client.force_login(reader)
    with on_commit():
        client.post(reverse("community:fave", args=["work", work.pk]))
    client.post(reverse("community:fave", args=["author", author.pk]))
    assert Fave.objects.filter(member=reader).count() == 2
    work.refresh_from_db()
    assert work.fave_count == 1
    notice = Notification.objects.get(recipient=author)
    assert notice.kind == Kind.FAVE and "rory added" in notice.text
    # Faving again changes nothing, and does not tell the author twice.
    with on_commit():
        client.post(reverse("community:fave", args=["work", work.pk]))
    assert Fave.objects.filter(member=reader).count() == 2
    assert Notification.objects.filter(recipient=author).count() == 1
    client.post(reverse("community:fave", args=["work", work.pk]), {"action": "remove"})
    work.refresh_from_db()
    assert work.fave_count == 0


def test_faves_list_on_profile_public_or_private(client, work, reader, stranger):
    client.force_login(reader)
    client.post(reverse("community:fave", args=["work", work.pk]))
    profile = reverse("accounts:profile", args=["rory"])
    client.force_login(stranger)
    assert "Postmarked Stars Hollow" in client.get(profile).content.decode()
    Preferences.objects.create(member=reader, faves_public=False)
    page = client.get(profile).content.decode()
    assert "Postmarked Stars Hollow" not in page and "keeps their faves private" in page
    client.force_login(reader)
    assert "Postmarked Stars Hollow" in client.get(profile).content.decode()


def test_faves_of_restricted_works_are_not_listed_to_guests(client, author, reader):
    hidden = make_work(author, title="Members Only Letters", restricted=True)
    client.force_login(reader)
    client.post(reverse("community:fave", args=["work", hidden.pk]))
    client.logout()
    assert (
        "Members Only Letters"
        not in client.get(reverse("accounts:profile", args=["rory"])).content.decode()
    )


def test_following_your_own_work_is_refused(client, work, author):
    client.force_login(author)
    response = client.post(reverse("community:follow", args=["work", work.pk]))
    assert response.status_code == 403 and "your own" in response.content.decode()
    response = client.post(reverse("community:follow", args=["author", author.pk]))
    assert response.status_code == 403
    assert not Follow.objects.exists()


def test_a_draft_cannot_be_followed_by_anyone(client, author, reader):
    draft = make_work(author, title="Drafty", post=False)
    client.force_login(reader)
    assert client.post(reverse("community:follow", args=["work", draft.pk])).status_code == 404
    client.force_login(author)
    assert client.post(reverse("community:follow", args=["work", draft.pk])).status_code == 403
    assert not Follow.objects.exists()


def test_follow_and_unfollow_a_work_tells_the_author_once(client, work, author, reader, on_commit):
    client.force_login(reader)
    with on_commit():
        client.post(reverse("community:follow", args=["work", work.pk]))
        client.post(reverse("community:follow", args=["work", work.pk]), {"action": "remove"})
        client.post(reverse("community:follow", args=["work", work.pk]))
    assert Follow.objects.filter(member=reader, work=work).count() == 1
    assert Notification.objects.filter(recipient=author, kind=Kind.FOLLOW).count() == 1
    work.refresh_from_db()
    assert work.follower_count == 1


def test_counts_show_on_blurbs_and_work_pages(client, work, reader, stranger):
    for member in (reader, stranger):
        client.force_login(member)
        kudos(client, work)
        client.post(reverse("community:fave", args=["work", work.pk]))
    client.post(reverse("community:follow", args=["work", work.pk]))
    client.logout()
    blurbs = client.get(reverse("works:list")).content.decode()
    assert "<dt>Kudos</dt><dd>2</dd>" in blurbs
    assert "<dt>Faves</dt><dd>2</dd>" in blurbs
    assert "<dt>Alerts</dt><dd>1</dd>" in blurbs
    page = client.get(work.get_absolute_url()).content.decode()
    assert "<dt>Kudos</dt><dd>2</dd>" in page


def test_unknown_kinds_and_missing_things_are_404(client, reader):
    client.force_login(reader)
    assert client.post("/fave/series/1/").status_code == 404
    assert client.post(reverse("community:follow", args=["work", 999])).status_code == 404
    assert client.post(reverse("community:follow", args=["part", 999])).status_code == 404
    assert client.get(reverse("community:kudos", args=[999])).status_code == 405
