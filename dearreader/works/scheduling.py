"""Scheduled posting: a draft with a date goes up by itself, through the task queue.

The draft stays a draft (only its author sees it) until the `post_due` task runs at that
time; posting then goes through the ordinary services, so alerts go out only then. Changing
or cancelling the time leaves the old task in the queue: when it runs it finds nothing due
and does nothing, so a task never needs to be found and removed.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from dearreader.works import services
from dearreader.works.models import Chapter, Status, Work


class ScheduleProblem(ValueError):
    """A time that cannot be used; the message says why, for the author."""


def _check(when: datetime) -> None:
    if when <= timezone.now():
        raise ScheduleProblem("That time has already passed: post it now, or pick a later time.")


def _enqueue_at(when: datetime) -> None:
    from dearreader.works.tasks import post_due

    transaction.on_commit(lambda: post_due.using(run_after=when).enqueue())


@transaction.atomic
def work_schedule(*, work: Work, when: datetime) -> Work:
    if not work.is_draft:
        raise ScheduleProblem("This work is already posted.")
    _check(when)
    work.scheduled_at = when
    work.save(update_fields=["scheduled_at"])
    _enqueue_at(when)
    return work


@transaction.atomic
def chapter_schedule(*, chapter: Chapter, when: datetime) -> Chapter:
    if not chapter.is_draft:
        raise ScheduleProblem("This chapter is already posted.")
    if chapter.work.is_draft:
        raise ScheduleProblem(
            "The work itself is a draft: post or schedule the work, and its chapters go with it."
        )
    _check(when)
    chapter.scheduled_at = when
    chapter.save(update_fields=["scheduled_at"])
    _enqueue_at(when)
    return chapter


@transaction.atomic
def schedule_cancel(*, item: Work | Chapter) -> None:
    item.scheduled_at = None
    item.save(update_fields=["scheduled_at"])


def post_due(now: datetime | None = None) -> list[str]:
    """Post every scheduled work and chapter whose time has come; what was posted, by name.

    Each item is posted in a transaction of its own, re-read under a row lock, so two runs
    at once (two workers, or a rerun after a crash) post it once.
    """
    now = now or timezone.now()
    posted = []
    for pk in Work.objects.due(now).values_list("pk", flat=True):
        with transaction.atomic():
            work = Work.objects.select_for_update().due(now).filter(pk=pk).first()
            if work is not None:
                services.work_post(work=work)
                posted.append(f"work {pk}")
    for pk in Chapter.objects.due(now).values_list("pk", flat=True):
        with transaction.atomic():
            chapter = (
                Chapter.objects.select_for_update()
                .due(now)
                .filter(pk=pk, work__status=Status.POSTED)
                .select_related("work")
                .first()
            )
            if chapter is not None:
                services.chapter_post(chapter=chapter)
                posted.append(f"chapter {pk}")
    return posted
