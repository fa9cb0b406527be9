import pytest
from django.urls import reverse

from dearreader.accounts.models import Block
from dearreader.community.models import Fave, Follow, Kudos, Notification, Review
from dearreader.lib.factories import make_work
from dearreader.works import series as series_services
from dearreader.works import services as work_services
from dearreader.works.models import Chapter

pytestmark = pytest.mark.django_db


@pytest.fixture
def series(author, work):  # type: ignore[no-untyped-def]
    made = series_services.series_create(pen_name=author.default_pen_name, title="Letters")
    series_services.series_add_work(series=made, work=work)
    series_services.series_announce(series=made, title="It's Never Too Late")
    return made


def every_route(work, author, series):  # type: ignore[no-untyped-def]
    """Every way to reach an author through their works: (name, url, data)."""
    chapter = work.chapters.first()
    part = series.parts.get(work=None)
    return [
        ("review", reverse("community:review_new", args=[work.pk, chapter.pk]), {"body": "Hi"}),
        ("kudos", reverse("community:kudos", args=[work.pk]), {}),
        ("fave work", reverse("community:fave", args=["work", work.pk]), {}),
        ("fave author", reverse("community:fave", args=["author", author.pk]), {}),
        ("follow work", reverse("community:follow", args=["work", work.pk]), {}),
        ("follow author", reverse("community:follow", args=["author", author.pk]), {}),
        ("follow series", reverse("community:follow", args=["series", series.pk]), {}),
        ("follow sequel", reverse("community:follow", args=["part", part.pk]), {}),
    ]


def test_blocked_member_is_refused_on_every_route(client, work, author, reader, series):
    Block.objects.create(blocker=author, blocked=reader)
    client.force_login(reader)
    for name, url, data in every_route(work, author, series):
        response = client.post(url, data)
        assert response.status_code == 403, name
        assert "dodger has blocked you" in response.content.decode(), name
    assert not Review.objects.exists()
    assert not Kudos.objects.exists()
    assert not Fave.objects.exists()
    assert not Follow.objects.exists()
    assert not Notification.objects.filter(recipient=author).exists()


def test_the_same_routes_work_for_a_member_not_blocked(client, work, author, reader, series):
    client.force_login(reader)
    for name, url, data in every_route(work, author, series):
        assert client.post(url, data).status_code == 302, name
    assert Follow.objects.filter(member=reader).count() == 4


def test_blocked_member_sees_no_buttons_but_can_still_read(client, work, author, reader):
    Block.objects.create(blocker=author, blocked=reader)
    client.force_login(reader)
    page = client.get(work.chapters.first().get_absolute_url()).content.decode()
    assert "One." in page
    assert "Send review" not in page and "Kudos <span" not in page
    assert "has blocked you" in page


def test_blocking_removes_the_blocked_members_faves_and_alerts(
    client, work, author, reader, series
):
    client.force_login(reader)
    for _, url, data in every_route(work, author, series)[2:]:
        client.post(url, data)
    assert Follow.objects.filter(member=reader).count() == 4
    client.force_login(author)
    client.post(reverse("community:block", args=["rory"]))
    assert not Follow.objects.filter(member=reader).exists()
    assert not Fave.objects.filter(member=reader).exists()
    assert not Notification.objects.filter(recipient=author, actor=reader).exists()
    work.refresh_from_db()
    assert work.fave_count == 0 and work.follower_count == 0


def test_a_reader_who_blocked_the_author_hears_nothing_of_them(
    client, work, author, reader, on_commit
):
    client.force_login(reader)
    client.post(reverse("community:follow", args=["work", work.pk]))
    client.post(reverse("community:block", args=["dodger"]))
    with on_commit():
        work_services.chapter_add(work=work, chapter=Chapter(body="Three."), post=True)
    assert not Notification.objects.filter(recipient=reader).exists()


def test_members_cannot_block_or_mute_themselves(client, reader):
    client.force_login(reader)
    assert client.post(reverse("community:block", args=["rory"])).status_code == 403
    assert client.post(reverse("community:mute", args=["rory"])).status_code == 403


def test_muted_authors_works_leave_the_muters_lists(client, work, author, reader):
    client.force_login(reader)
    client.post(reverse("community:mute", args=["dodger"]))
    assert work.title not in client.get(reverse("works:list")).content.decode()
    assert work.title not in client.get(reverse("home")).content.decode()
    profile = client.get(reverse("accounts:profile", args=["dodger"])).content.decode()
    assert work.title not in profile and "You muted dodger" in profile
    # Asked for by its address, the work still opens.
    assert client.get(work.get_absolute_url()).status_code == 200
    client.post(reverse("community:mute", args=["dodger"]), {"action": "remove"})
    assert work.title in client.get(reverse("works:list")).content.decode()


def test_muted_members_reviews_and_news_are_hidden_from_the_muter(
    client, author, reader, stranger, on_commit
):
    work = make_work(stranger, title="Kirk's Story")
    client.force_login(author)
    client.post(
        reverse("community:review_new", args=[work.pk, work.chapters.first().pk]),
        {"body": "Words by Jess"},
    )
    client.force_login(reader)
    client.post(reverse("community:follow", args=["author", author.pk]))
    with on_commit():
        make_work(author, title="News Before The Mute")
    assert Notification.objects.filter(recipient=reader).count() == 1
    client.post(reverse("community:mute", args=["dodger"]))
    assert (
        "Words by Jess" not in client.get(work.chapters.first().get_absolute_url()).content.decode()
    )
    inbox = client.get(reverse("community:inbox")).content.decode()
    assert "News Before The Mute" not in inbox
    with on_commit():
        make_work(author, title="News After The Mute")
    assert Notification.objects.filter(recipient=reader).count() == 1


def test_block_and_mute_lists_on_the_settings_page(client, reader, stranger):
    client.force_login(reader)
    client.post(reverse("community:block", args=["kirk"]))
    page = client.get(reverse("community:settings")).content.decode()
    assert "kirk" in page and "Unblock" in page
    client.post(reverse("community:block", args=["kirk"]), {"action": "remove"})
    assert not Block.objects.exists()
