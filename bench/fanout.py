"""Fan-out: a chapter posted to a work with 100,000 followers, until every inbox row is
written, against one raw bulk insert of the same rows in the same database: a single
INSERT … SELECT of every follower, with no batches, no conflict handling and no blocks or
mutes to leave out (the least any fan-out must do). For scale, one Django bulk_create of the
same rows is timed too.

Runs on the database DATABASE_URL names (in a throwaway database beside it), through the
real path: the posting service, its on-commit event, the task enqueued in the database
queue, and the task run as the worker runs it.
"""

import statistics
import time

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from dearreader.accounts.models import Member
from dearreader.community.models import Follow, Kind, Notification
from dearreader.community.notify import Notice, insert_for
from dearreader.lib.factories import make_member, make_work
from dearreader.works import services
from dearreader.works.models import Chapter

REPEAT = 3


def followers(work, count: int) -> None:  # type: ignore[no-untyped-def]
    batch = 10_000
    for start in range(0, count, batch):
        Member.objects.bulk_create(
            Member(username=f"f{n:06}", email=f"f{n}@example.org", password="!")
            for n in range(start, min(count, start + batch))
        )
    ids = Member.objects.filter(username__startswith="f").values_list("pk", flat=True)
    rows = [Follow(member_id=pk, work=work) for pk in ids.iterator(chunk_size=batch)]
    Follow.objects.bulk_create(rows, batch_size=batch)


def _empty() -> None:
    with connection.cursor() as cursor:
        table = Notification._meta.db_table
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {table}")
        else:
            cursor.execute(f"DELETE FROM {table}")


def run_queue() -> None:
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="bench",
        excluded_queue_names=[],
    )
    while (result := DBTaskResult.objects.ready().first()) is not None:
        result.claim("bench")
        worker.run_task(result)


def _fanout(work, expected: int) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    with transaction.atomic():
        services.chapter_add(work=work, chapter=Chapter(body="A new letter."), post=True)
    run_queue()
    took = time.perf_counter() - start
    written = Notification.objects.count()
    assert written == expected, f"{written} of {expected} inbox rows written"
    return took


def _notice(work) -> Notice:  # type: ignore[no-untyped-def]
    return Notice(
        kind=Kind.CHAPTER,
        event_key="raw",
        text="bench posted Chapter 2 of “Bench”",
        url="/works/1/chapters/2/",
        actor_id=work.pen_name.member_id,
        work_id=work.pk,
    )


def _raw(work, expected: int) -> float:  # type: ignore[no-untyped-def]
    members = Follow.objects.filter(work=work).values("member_id")
    start = time.perf_counter()
    with transaction.atomic():
        insert_for(members, _notice(work), timezone.now(), ignore_conflicts=False)
    took = time.perf_counter() - start
    assert Notification.objects.count() == expected
    return took


def _orm(work, expected: int) -> float:  # type: ignore[no-untyped-def]
    ids = Follow.objects.filter(work=work).values_list("member_id", flat=True)
    notice, now = _notice(work), timezone.now()
    start = time.perf_counter()
    rows = [notice.row(pk, now) for pk in ids.iterator(chunk_size=10_000)]
    Notification.objects.bulk_create(rows, batch_size=settings.FANOUT_BATCH)
    took = time.perf_counter() - start
    assert Notification.objects.count() == expected
    return took


def run(report, best_of, scale: float) -> str:  # type: ignore[no-untyped-def]
    count = max(1000, int(100_000 * scale))
    work = make_work(make_member("bench"), title="Bench")
    followers(work, count)
    fanouts, raws = [], []
    for _ in range(REPEAT):
        _empty()
        raws.append(_raw(work, count))
        _empty()
        fanouts.append(_fanout(work, count))
    seconds, raw = statistics.median(fanouts), statistics.median(raws)
    _empty()
    report(f"Django bulk_create of {count} rows", _orm(work, count), "raw insert", raw)
    _empty()
    report(
        f"fan-out to {count} followers ({connection.vendor})",
        seconds,
        "raw insert",
        raw,
        f"{count / seconds:,.0f} rows/s",
    )
    return (
        f"fanout followers={count} seconds={seconds:.2f} raw_seconds={raw:.2f} "
        f"ratio={seconds / raw:.2f}"
    )
