"""Handing work to the task queue once the current transaction has committed: a worker that
picks the task up at once must find the rows it is about."""

from typing import Any

from django.db import transaction


def enqueue_on_commit(task: Any, *args: Any, **kwargs: Any) -> None:
    transaction.on_commit(lambda: task.enqueue(*args, **kwargs))
