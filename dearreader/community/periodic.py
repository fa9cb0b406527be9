"""Tasks that run again and again (the daily digest, the hit counts).

django-tasks has no timetable, so each such task, when it ends, enqueues its own next run for
the time it should run; `dearreader worker` starts the chain when none is waiting. Two workers
may each start one: both tasks are idempotent, so a run twice costs a query, not an email.
"""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.utils import timezone

from dearreader.community import emails, limits


def _next_digest(now: datetime) -> datetime:
    return emails.next_digest_at(now)


def _next_rollup(now: datetime) -> datetime:
    return now + limits.HITS_ROLLUP_EVERY


def _timetable() -> dict[Any, Callable[[datetime], datetime]]:
    from dearreader.community import tasks

    return {tasks.send_digests: _next_digest, tasks.count_hits: _next_rollup}


def _waiting(task: Any) -> bool:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path=task.module_path, status="READY").exists()


def schedule_next(task: Any) -> None:
    """Enqueue the task's next run, unless one is already waiting."""
    if not task.get_backend().supports_defer:
        return  # an inline backend (the tests) has no later: tests call the functions
    if not _waiting(task):
        task.using(run_after=_timetable()[task](timezone.now())).enqueue()


def ensure_all() -> list[str]:
    """Start every chain that has no run waiting; the names of those started."""
    started = []
    for task in _timetable():
        if task.get_backend().supports_defer and not _waiting(task):
            schedule_next(task)
            started.append(task.name)
    return started
