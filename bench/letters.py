"""Letters: one letter sent to the 10,000 followers of a work, until every copy (with the name
its `{name}` becomes for that follower) and every inbox notice is written, against raw inserts
of the same rows in the same database: one INSERT … SELECT of the copies and one of the
notices, with no names to look up and no blocks or letter settings to leave out (the least
any sending must do).

Runs on the database DATABASE_URL names (in a throwaway database beside it), through the real
path: the sending service (it renders nothing: the letter was rendered once, when its draft
was saved), its on-commit task enqueued in the database queue, and the task run as the worker
runs it. The followers keep the default email choice for letters (the daily digest), so no
email is sent while it is timed.
"""

import statistics
import time

from django.db import connection, transaction
from django.utils import timezone

from bench.fanout import followers, run_queue
from dearreader.accounts.models import Member, PenName
from dearreader.community.models import Follow, Kind, Notification
from dearreader.community.notify import Notice, insert_for
from dearreader.letters import services
from dearreader.letters.models import Audience, Copy, Letter
from dearreader.lib.factories import make_member, make_work
from dearreader.lib.sql import insert_select

REPEAT = 3
BODY = (
    "Dear {name},\n\nThank you for following *Postmarked Stars Hollow* all this way. The last "
    "chapter goes up on Sunday, and I wanted you to hear it from me first.\n\nLove,\nJess"
)


def _followers(work, count: int) -> None:  # type: ignore[no-untyped-def]
    """fanout's followers, each with a default pen name: the name `{name}` becomes."""
    followers(work, count)
    ids = Member.objects.filter(username__startswith="f").values_list("pk", flat=True)
    PenName.objects.bulk_create(
        (PenName(member_id=pk, name=f"Reader {pk}", is_default=True) for pk in ids.iterator()),
        batch_size=10_000,
    )


def _empty() -> None:
    tables = [Copy._meta.db_table, Notification._meta.db_table, Letter._meta.db_table]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {', '.join(tables)} CASCADE")
        else:
            for table in tables:
                cursor.execute(f"DELETE FROM {table}")


def _draft(work) -> Letter:  # type: ignore[no-untyped-def]
    writer = work.pen_name.member
    letter = Letter(
        writer=writer,
        pen_name=work.pen_name,
        audience=Audience.FOLLOWERS,
        work=work,
        subject="Before Sunday",
        body=BODY,
    )
    return services.letter_save(letter=letter)


def _send(work, expected: int) -> float:  # type: ignore[no-untyped-def]
    letter = _draft(work)
    start = time.perf_counter()
    services.letter_send(letter=letter)  # its on-commit task is enqueued as it returns
    run_queue()
    took = time.perf_counter() - start
    copies = Copy.objects.filter(letter=letter)
    assert copies.count() == expected, f"{copies.count()} of {expected} copies written"
    assert Notification.objects.filter(kind=Kind.LETTER).count() == expected
    sample = copies.select_related("letter").order_by("pk").first()
    assert sample is not None and sample.html.startswith(f"<p>Dear {sample.name},</p>")
    return took


def _raw(work, expected: int) -> float:  # type: ignore[no-untyped-def]
    letter = _draft(work)
    members = Follow.objects.filter(work=work).values("member_id")
    now = timezone.now()
    notice = Notice(Kind.LETTER, "raw", "A letter from bench", "/letters/1/")
    start = time.perf_counter()
    with transaction.atomic():
        columns = ["recipient_id", "letter_id", "name", "delivered_at"]
        delivered = Copy._meta.get_field("delivered_at").get_db_prep_value(now, connection)
        insert_select(Copy, columns, members, [letter.pk, "", delivered], ignore_conflicts=False)
        insert_for(members, notice, now, ignore_conflicts=False)
    took = time.perf_counter() - start
    assert Copy.objects.count() == expected and Notification.objects.count() == expected
    return took


def run(report, best_of, scale: float) -> str:  # type: ignore[no-untyped-def]
    count = max(1000, int(10_000 * scale))
    work = make_work(make_member("bench"), title="Postmarked Stars Hollow")
    _followers(work, count)
    sends, raws = [], []
    for _ in range(REPEAT):
        _empty()
        raws.append(_raw(work, count))
        _empty()
        sends.append(_send(work, count))
    seconds, raw = statistics.median(sends), statistics.median(raws)
    report(
        f"a letter to {count} followers ({connection.vendor})",
        seconds,
        "raw inserts",
        raw,
        f"{count / seconds:,.0f} recipients/s",
    )
    return f"letters recipients={count} seconds={seconds:.2f}"
