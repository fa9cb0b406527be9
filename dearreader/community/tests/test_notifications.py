import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from dearreader.community import emails
from dearreader.community.models import (
    EmailChoice,
    Follow,
    Kind,
    Notification,
    Preferences,
)
from dearreader.lib.factories import make_member, make_work
from dearreader.works import series as series_services
from dearreader.works import services as work_services
from dearreader.works.models import Chapter, Work

pytestmark = pytest.mark.django_db


def add_chapter(work, *, post=True):  # type: ignore[no-untyped-def]
    return work_services.chapter_add(work=work, chapter=Chapter(body="More."), post=post)


def test_followers_hear_of_a_new_chapter_once(work, author, reader, stranger, on_commit):
    for member in (reader, stranger):
        Follow.objects.create(member=member, work=work)
    with on_commit():
        chapter = add_chapter(work)
    notices = Notification.objects.filter(kind=Kind.CHAPTER)
    assert sorted(n.recipient.username for n in notices) == ["kirk", "rory"]
    assert notices[0].url == chapter.get_absolute_url()
    assert notices[0].text == "dodger posted Chapter 3 of “Postmarked Stars Hollow”"
    # The same event again (a worker rerun) tells nobody twice.
    from dearreader.community import notify

    notify.chapter_posted(chapter.pk)
    assert Notification.objects.filter(kind=Kind.CHAPTER).count() == 2
    assert not Notification.objects.filter(recipient=author).exists()


def test_draft_chapters_send_no_alerts_until_posted(work, reader, on_commit):
    Follow.objects.create(member=reader, work=work)
    with on_commit():
        draft = add_chapter(work, post=False)
    assert not Notification.objects.exists()
    with on_commit():
        work_services.chapter_post(chapter=draft)
    assert Notification.objects.get(recipient=reader).kind == Kind.CHAPTER


def test_a_draft_work_alerts_the_authors_followers_only_when_posted(author, reader, on_commit):
    Follow.objects.create(member=reader, author=author)
    with on_commit():
        draft = make_work(author, title="Quiet Draft", post=False)
    assert not Notification.objects.exists()
    with on_commit():
        work_services.work_post(work=draft)
    notice = Notification.objects.get(recipient=reader)
    assert notice.kind == Kind.WORK and "Quiet Draft" in notice.text


def test_series_followers_hear_of_a_new_part(work, author, reader, on_commit):
    series = series_services.series_create(pen_name=author.default_pen_name, title="Letters")
    Follow.objects.create(member=reader, series=series)
    with on_commit():
        series_services.series_add_work(series=series, work=work)
    notice = Notification.objects.get(recipient=reader)
    assert notice.kind == Kind.SERIES_PART and "“Letters”" in notice.text


def test_an_announced_sequel_tells_its_followers_when_posted_and_once_each(
    client, work, author, reader, stranger, on_commit
):
    series = series_services.series_create(pen_name=author.default_pen_name, title="Letters")
    series_services.series_add_work(series=series, work=work)
    part = series_services.series_announce(series=series, title="It's Never Too Late")
    client.force_login(reader)
    client.post(reverse("community:follow", args=["part", part.pk]))
    # Kirk follows the series and the author too: still one notice.
    Follow.objects.create(member=stranger, part=part)
    Follow.objects.create(member=stranger, series=series)
    Follow.objects.create(member=stranger, author=author)
    # The last part shows the sequel coming.
    last_part = client.get(work.chapters.last().get_absolute_url()).content.decode()
    assert "Coming next" in last_part and "Never Too Late" in last_part
    client.force_login(author)
    from dearreader.works.tests.helpers import chapter_data, work_data

    data = {**work_data(author.default_pen_name, title="It's Never Too Late"), **chapter_data()}
    data["post"] = "1"
    with on_commit():
        response = client.post(reverse("works:sequel_write", args=[part.pk]), data)
    assert response.status_code == 302
    sequel = Work.objects.get(title="It's Never Too Late")
    part.refresh_from_db()
    assert part.work == sequel
    told = Notification.objects.filter(event_key=f"work:{sequel.pk}")
    assert sorted(n.recipient.username for n in told) == ["kirk", "rory"]
    assert told.get(recipient=reader).kind == Kind.SEQUEL
    assert told.get(recipient=stranger).kind == Kind.SEQUEL


def test_inbox_newest_first_paginated_and_marked_read(client, reader):
    Notification.objects.bulk_create(
        Notification(
            recipient=reader,
            kind=Kind.CHAPTER,
            event_key=f"test:{n}",
            text=f"Notice {n:03}",
            url="/works/",
            created_at=timezone.now() - timedelta(minutes=n),
        )
        for n in range(60)
    )
    client.force_login(reader)
    page = client.get(reverse("community:inbox")).content.decode()
    assert page.index("Notice 000") < page.index("Notice 001")
    assert "Notice 055" not in page and "Page 1 of 2" in page
    assert re.search(r'class="count">60<', page), "unread count in the header"
    notice = Notification.objects.get(text="Notice 000")
    response = client.post(reverse("community:mark_read"), {"pk": notice.pk, "go": notice.url})
    assert response["Location"] == "/works/"
    notice.refresh_from_db()
    assert notice.read_at is not None
    client.post(reverse("community:mark_read"), {"all": "1"})
    assert not Notification.objects.filter(read_at=None).exists()
    assert 'class="count"' not in client.get(reverse("community:inbox")).content.decode()


def test_mark_read_touches_only_ones_own_notices(client, reader, stranger):
    theirs = Notification.objects.create(
        recipient=stranger, kind=Kind.CHAPTER, event_key="x", text="Theirs", url="/"
    )
    client.force_login(reader)
    client.post(reverse("community:mark_read"), {"pk": theirs.pk})
    client.post(reverse("community:mark_read"), {"all": "1", "go": "//evil.example/"})
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_inbox_with_1000_notifications_reads_in_a_fixed_number_of_queries(
    client, reader, django_assert_num_queries
):
    Notification.objects.bulk_create(
        Notification(recipient=reader, kind=Kind.REVIEW, event_key=f"k{n}", text=f"N{n}", url="/")
        for n in range(1000)
    )
    client.force_login(reader)
    # Session, member, count, page of 50, the unread counts in the header (inbox, letters).
    with django_assert_num_queries(6):
        response = client.get(reverse("community:inbox"), {"page": 3})
    assert len(response.context["page"].object_list) == 50


def test_guests_have_no_inbox(client):
    response = client.get(reverse("community:inbox"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


# Email


def test_reviews_are_emailed_at_once_by_default_with_one_click_unsubscribe(
    client, work, author, reader, on_commit
):
    client.force_login(reader)
    with on_commit():
        client.post(
            reverse("community:review_new", args=[work.pk, work.chapters.first().pk]),
            {"body": "Lovely"},
        )
    [message] = mail.outbox
    assert message.to == ["dodger@example.org"]
    assert "rory reviewed Chapter 1" in message.subject
    stop = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert stop in message.body and stop.startswith("http://")
    path = stop.split("localhost:8000", 1)[1] if "localhost:8000" in stop else stop
    client.logout()
    # Opening the link changes nothing (mail scanners open links); one POST does.
    page = client.get(path)
    assert (
        page.status_code == 200
        and "Stop emails about reviews of your works?" in page.content.decode()
    )
    assert Preferences.of(author).email_reviews == EmailChoice.NOW
    assert client.post(path).status_code == 200
    assert Preferences.of(author).email_reviews == EmailChoice.NEVER
    client.force_login(reader)
    with on_commit():
        client.post(
            reverse("community:review_new", args=[work.pk, work.chapters.last().pk]),
            {"body": "Again"},
        )
    assert len(mail.outbox) == 1


def test_a_forged_unsubscribe_token_is_a_404(client, reader):
    token = emails.unsubscribe_token(reader.pk, "email_news")
    assert (
        client.post(reverse("community:unsubscribe", args=[token[:-2] + "xx"])).status_code == 404
    )
    assert client.get(reverse("community:unsubscribe", args=["nonsense"])).status_code == 404


def test_news_goes_to_the_daily_digest_by_default(work, author, reader, stranger, on_commit):
    Follow.objects.create(member=reader, work=work)
    Follow.objects.create(member=stranger, work=work)
    Preferences.objects.create(member=stranger, email_news=EmailChoice.NEVER)
    with on_commit():
        add_chapter(work)
        add_chapter(work)
    assert mail.outbox == []
    assert emails.send_digests() == 1
    [digest] = mail.outbox
    assert digest.to == ["rory@example.org"]
    assert "2 new things" in digest.subject
    assert "Chapter 3" in digest.body and "Chapter 4" in digest.body
    assert "List-Unsubscribe" in digest.extra_headers
    # Sent once: the next digest has nothing for rory.
    assert emails.send_digests() == 0


def test_a_notice_read_in_the_inbox_is_not_emailed_in_the_digest(work, reader, on_commit):
    Follow.objects.create(member=reader, work=work)
    with on_commit():
        add_chapter(work)
    Notification.objects.update(read_at=timezone.now())
    assert emails.send_digests() == 0


def test_members_choose_what_is_emailed(client, reader):
    client.force_login(reader)
    response = client.post(
        reverse("community:settings"),
        {
            "email_news": "now",
            "email_reviews": "never",
            "email_replies": "digest",
            "email_faves": "never",
            "email_letters": "now",
            "faves_public": "",
        },
    )
    assert response.status_code == 302
    prefs = Preferences.of(reader)
    assert prefs.email_news == "now" and prefs.email_replies == "digest" and not prefs.faves_public
    assert prefs.email_letters == "now"
    bad = client.post(reverse("community:settings"), {"email_news": "hourly"})
    assert bad.status_code == 200 and "Select a valid choice" in bad.content.decode()


def test_the_digest_goes_out_at_the_configured_hour(settings):
    settings.DIGEST_HOUR = 7
    with time_machine.travel("2026-03-14 06:30Z", tick=False):
        assert emails.next_digest_at(timezone.now()).hour == 7
        assert emails.next_digest_at(timezone.now()).day == 14
    with time_machine.travel("2026-03-14 07:30Z", tick=False):
        assert emails.next_digest_at(timezone.now()).day == 15


def test_new_members_get_notices_only_for_what_they_follow(work, on_commit):
    bystander = make_member("bystander")
    with on_commit():
        add_chapter(work)
    assert not Notification.objects.filter(recipient=bystander).exists()
