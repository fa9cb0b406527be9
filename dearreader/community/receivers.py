"""The works app's events, handed to the task queue (the work itself is done in tasks)."""

from typing import Any

from django.dispatch import receiver

from dearreader.community import tasks
from dearreader.works import events


@receiver(events.chapter_posted)
def _chapter_posted(sender: Any, chapter_id: int, **kwargs: Any) -> None:
    tasks.tell_chapter_posted.enqueue(chapter_id)


@receiver(events.work_posted)
def _work_posted(sender: Any, work_id: int, **kwargs: Any) -> None:
    tasks.tell_work_posted.enqueue(work_id)


@receiver(events.series_part_added)
def _series_part_added(sender: Any, part_id: int, **kwargs: Any) -> None:
    tasks.tell_series_part_added.enqueue(part_id)
