"""What the works app tells the rest of the archive: a work, a chapter or a series part went up.

Sent only once the posting has committed, so a listener never sees a half-written post, and
with ids rather than objects, so a listener that hands them to the task queue reads fresh
rows. The works app does not know who listens (the community app tells followers).
"""

from django.db import transaction
from django.dispatch import Signal

# Each is sent with sender=None and one keyword argument, an id.
work_posted = Signal()  # work_id: a work went up (with the chapters it had)
chapter_posted = Signal()  # chapter_id: a new chapter of an already posted work went up
series_part_added = Signal()  # part_id: a posted work joined a series


def announce(signal: Signal, **ids: int) -> None:
    transaction.on_commit(lambda: signal.send(sender=None, **ids))
