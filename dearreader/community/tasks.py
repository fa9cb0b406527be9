"""The community app's background tasks. Each is a thin wrapper: the work is in notify.py,
emails.py and hits.py, where it can be called and tested without a queue."""

from django_tasks import task

from dearreader.community import emails, hits, notify, periodic


@task()
def tell_chapter_posted(chapter_id: int) -> int:
    return emails.send_now(notify.chapter_posted(chapter_id))


@task()
def tell_work_posted(work_id: int) -> int:
    return emails.send_now(notify.work_posted(work_id))


@task()
def tell_series_part_added(part_id: int) -> int:
    return emails.send_now(notify.series_part_added(part_id))


@task()
def tell_review(review_id: int) -> int:
    return emails.send_now(notify.review_posted(review_id))


@task()
def tell_reply(reply_id: int) -> int:
    return emails.send_now(notify.reply_posted(reply_id))


@task()
def tell_faved(fave_id: int) -> int:
    return emails.send_now(notify.faved(fave_id))


@task()
def tell_followed(follow_id: int) -> int:
    return emails.send_now(notify.followed(follow_id))


@task()
def send_digests() -> int:
    try:
        return emails.send_digests()
    finally:
        periodic.schedule_next(send_digests)


@task()
def count_hits() -> int:
    try:
        return hits.rollup()
    finally:
        periodic.schedule_next(count_hits)
