"""Scheduled posting through the real database task queue, run in this process at the time."""

import pytest
import time_machine
from django.urls import reverse

from dearreader.community.models import Follow, Notification
from dearreader.lib.factories import make_work
from dearreader.works import services
from dearreader.works.models import Chapter, Status, Work

pytestmark = pytest.mark.django_db

BEFORE = "2026-03-16 12:00Z"  # a Monday
WHEN = "2026-03-18T09:00"  # Wednesday morning, in the archive's time zone (UTC in tests)
AFTER = "2026-03-18 09:00:30Z"


def schedule(client, url, when=WHEN):  # type: ignore[no-untyped-def]
    return client.post(url, {"when": when})


def test_scheduled_work_stays_a_draft_then_goes_up_at_its_time_and_only_then_alerts(
    client, author, reader, run_queue, django_capture_on_commit_callbacks
):
    Follow.objects.create(member=reader, author=author)
    with time_machine.travel(BEFORE, tick=False):
        work = make_work(author, title="On Wednesday", post=False)
        client.force_login(author)
        with django_capture_on_commit_callbacks(execute=True):
            response = schedule(client, reverse("works:schedule", args=[work.pk]))
        assert response.status_code == 302
        page = client.get(work.get_absolute_url()).content.decode()
        assert "scheduled" in page and "Wednesday 18 March 2026, 09:00" in page
        assert run_queue() == 0  # not yet
        client.force_login(reader)
        assert client.get(work.get_absolute_url()).status_code == 404
    work.refresh_from_db()
    assert work.is_scheduled and not Notification.objects.exists()
    with time_machine.travel(AFTER, tick=False):
        assert run_queue() >= 2  # the posting, then the alerts it sent
    work.refresh_from_db()
    assert work.status == Status.POSTED and work.scheduled_at is None
    assert work.chapters.get().status == Status.POSTED
    assert Notification.objects.get(recipient=reader).event_key == f"work:{work.pk}"


def test_a_schedule_in_the_past_is_refused_with_a_reason(client, author):
    with time_machine.travel(BEFORE, tick=False):
        work = make_work(author, post=False)
        client.force_login(author)
        response = schedule(client, reverse("works:schedule", args=[work.pk]), "2026-03-01T09:00")
    assert response.status_code == 400
    assert "already passed" in response.content.decode()
    work.refresh_from_db()
    assert work.scheduled_at is None


def test_a_nonsense_time_is_refused(client, author):
    work = make_work(author, post=False)
    client.force_login(author)
    response = schedule(client, reverse("works:schedule", args=[work.pk]), "next wednesday")
    assert response.status_code == 400 and "Give a date and time" in response.content.decode()


def test_scheduled_chapter_edited_before_its_time_goes_up_as_edited(
    client, author, reader, run_queue, django_capture_on_commit_callbacks
):
    with time_machine.travel(BEFORE, tick=False):
        work = make_work(author, bodies=["One."])
        Follow.objects.create(member=reader, work=work)
        chapter = services.chapter_add(work=work, chapter=Chapter(body="First try."), post=False)
        client.force_login(author)
        with django_capture_on_commit_callbacks(execute=True):
            schedule(client, reverse("works:chapter_schedule", args=[work.pk, chapter.pk]))
        chapter.refresh_from_db()
        chapter.body = "Second, better try."
        services.chapter_update(chapter=chapter)
        client.force_login(reader)
        assert client.get(chapter.get_absolute_url()).status_code == 404
    with time_machine.travel(AFTER, tick=False):
        run_queue()
    chapter.refresh_from_db()
    assert chapter.status == Status.POSTED and "Second, better try." in chapter.body_html
    assert Notification.objects.filter(recipient=reader).count() == 1


def test_scheduled_chapter_deleted_before_its_time_posts_nothing(
    client, author, reader, run_queue, django_capture_on_commit_callbacks
):
    with time_machine.travel(BEFORE, tick=False):
        work = make_work(author, bodies=["One."])
        Follow.objects.create(member=reader, work=work)
        chapter = services.chapter_add(work=work, chapter=Chapter(body="Gone."), post=False)
        client.force_login(author)
        with django_capture_on_commit_callbacks(execute=True):
            schedule(client, reverse("works:chapter_schedule", args=[work.pk, chapter.pk]))
        services.chapter_delete(chapter=chapter)
    with time_machine.travel(AFTER, tick=False):
        assert run_queue() == 1  # the task ran, found nothing due, and did nothing
    assert work.chapters.count() == 1
    assert not Notification.objects.exists()


def test_moving_the_time_later_posts_at_the_new_time_only(
    client, author, run_queue, django_capture_on_commit_callbacks
):
    with time_machine.travel(BEFORE, tick=False):
        work = make_work(author, post=False)
        client.force_login(author)
        with django_capture_on_commit_callbacks(execute=True):
            schedule(client, reverse("works:schedule", args=[work.pk]))
            schedule(client, reverse("works:schedule", args=[work.pk]), "2026-03-20T09:00")
    with time_machine.travel(AFTER, tick=False):
        run_queue()
    assert Work.objects.get(pk=work.pk).is_draft
    with time_machine.travel("2026-03-20 09:01Z", tick=False):
        run_queue()
    assert not Work.objects.get(pk=work.pk).is_draft


def test_cancelled_schedule_leaves_a_draft(
    client, author, run_queue, django_capture_on_commit_callbacks
):
    with time_machine.travel(BEFORE, tick=False):
        work = make_work(author, post=False)
        client.force_login(author)
        with django_capture_on_commit_callbacks(execute=True):
            schedule(client, reverse("works:schedule", args=[work.pk]))
        client.post(reverse("works:unschedule", args=[work.pk]))
    with time_machine.travel(AFTER, tick=False):
        run_queue()
    assert Work.objects.get(pk=work.pk).is_draft


def test_a_chapter_of_a_draft_work_is_scheduled_with_the_work_not_alone(client, author, queue):
    work = make_work(author, post=False)
    chapter = work.chapters.get()
    client.force_login(author)
    response = schedule(
        client, reverse("works:chapter_schedule", args=[work.pk, chapter.pk]), "2099-01-01T09:00"
    )
    assert response.status_code == 400 and "post or schedule the work" in response.content.decode()


def test_only_the_author_schedules(client, author, reader, queue):
    work = make_work(author, post=False)
    client.force_login(reader)
    assert (
        schedule(client, reverse("works:schedule", args=[work.pk]), "2099-01-01T09:00").status_code
        == 404
    )


def test_posting_a_work_leaves_its_scheduled_chapters_for_their_time(
    author, queue, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    from dearreader.works import scheduling

    work = make_work(author, bodies=["One."])
    later = services.chapter_add(work=work, chapter=Chapter(body="Later."), post=False)
    with django_capture_on_commit_callbacks(execute=True):
        scheduling.chapter_schedule(chapter=later, when=timezone.now() + timedelta(days=1))
    assert scheduling.post_due() == []
    later.refresh_from_db()
    assert later.is_scheduled
