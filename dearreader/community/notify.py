"""Who is told what: the fan-out to followers, and the single notices (reviews, replies, faves).

Every write here is idempotent. A notice is identified by (recipient, event_key), which the
database keeps unique, and rows go in with "insert, ignoring conflicts", so running any of
these twice (a worker killed mid-way and restarted) tells nobody twice.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import connection
from django.db.models import QuerySet
from django.db.models.constants import OnConflict
from django.utils import timezone

from dearreader.accounts.models import Block, Member, Mute
from dearreader.community.models import (
    Fave,
    Follow,
    Kind,
    Notification,
    Review,
    ReviewReply,
    ReviewStatus,
)
from dearreader.works.models import Chapter, SeriesPart, Status, Work


@dataclass(frozen=True)
class Notice:
    kind: str
    event_key: str
    text: str
    url: str
    actor_id: int | None = None
    work_id: int | None = None
    review_id: int | None = None

    def row(self, recipient_id: int, now: datetime) -> Notification:
        return Notification(
            recipient_id=recipient_id,
            kind=self.kind,
            event_key=self.event_key,
            text=self.text[:300],
            url=self.url,
            actor_id=self.actor_id,
            work_id=self.work_id,
            review_id=self.review_id,
            created_at=now,
        )


def _reachable(members: QuerySet, actor_id: int, field: str = "pk") -> QuerySet:
    """Leave out the actor and whoever blocked or muted them: news of the actor (a chapter,
    a review, a reply) does not reach them."""
    return (
        members.exclude(**{field: actor_id})
        .exclude(**{f"{field}__in": Block.objects.filter(blocked_id=actor_id).values("blocker")})
        .exclude(**{f"{field}__in": Mute.objects.filter(muted_id=actor_id).values("muter")})
    )


# The columns a notice row is written with, in order (the recipient first).
COLUMNS = [
    "recipient_id",
    "kind",
    "event_key",
    "text",
    "url",
    "actor_id",
    "work_id",
    "review_id",
    "created_at",
]


def insert_for(members: QuerySet, notice: Notice, now: datetime, *, ignore_conflicts: bool) -> int:
    """One INSERT … SELECT: a notice row for each member id the queryset's first column
    yields, written by the database without a row passing through Python.

    (Django's ORM has no INSERT … SELECT; bulk_create of the same 100,000 rows spends most of
    its time building them in Python: ten times longer here. `python3 run.py bench fanout`
    measures both.) Conflicts are ignored with Django's own SQL for it on each database.
    """
    on_conflict = OnConflict.IGNORE if ignore_conflicts else None
    ops = connection.ops
    select, params = members.order_by().query.sql_with_params()
    values = [
        notice.kind,
        notice.event_key,
        notice.text[:300],
        notice.url,
        notice.actor_id,
        notice.work_id,
        notice.review_id,
        Notification._meta.get_field("created_at").get_db_prep_value(now, connection),
    ]
    columns = ", ".join(ops.quote_name(column) for column in COLUMNS)
    # Only quoted names of our own table and columns go into the text; values are parameters.
    sql = (
        f"{ops.insert_statement(on_conflict=on_conflict)} "  # noqa: S608
        f"{ops.quote_name(Notification._meta.db_table)} ({columns}) "
        f"SELECT chosen.member_id, {', '.join(['%s'] * len(values))} FROM ({select}) chosen "
        f"{ops.on_conflict_suffix_sql([], on_conflict, [], [])}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*values, *params])
        return cursor.rowcount


def fan_out(*, followers: QuerySet[Follow], notice: Notice) -> int:
    """Tell every follower, a batch at a time (each batch its own INSERT and commit).

    Followers are taken in id order from where the last batch ended (keyset pagination), so
    a batch costs the same at the end of 100,000 followers as at the start; each batch's rows
    go in with conflicts ignored, so a batch run again (after a crash) writes nothing twice.
    Returns how many rows were written (not counting followers told by an earlier run).
    """
    if notice.actor_id is not None:
        followers = _reachable(followers, notice.actor_id, field="member_id")
    size = settings.FANOUT_BATCH
    now, last, written = timezone.now(), 0, 0
    while True:
        remaining = followers.filter(pk__gt=last).order_by("pk")
        edge = list(remaining.values_list("pk", flat=True)[size - 1 : size])
        batch = remaining.filter(pk__lte=edge[0]) if edge else remaining
        written += insert_for(batch.values("member_id"), notice, now, ignore_conflicts=True)
        if not edge:
            return written
        last = edge[0]


def tell(*, recipient: Member | None, notice: Notice) -> bool:
    """Tell one member, unless they are the actor or blocked or muted the actor."""
    if recipient is None:
        return False
    members = Member.objects.filter(pk=recipient.pk)
    if notice.actor_id is not None and not _reachable(members, notice.actor_id).exists():
        return False
    row = notice.row(recipient.pk, timezone.now())
    Notification.objects.bulk_create([row], ignore_conflicts=True)
    return True


def _byline(work: Work) -> str:
    return work.pen_name.display_name


def chapter_posted(chapter_id: int) -> str | None:
    """Followers of the work hear of its new chapter. Returns the event key (None: nothing)."""
    chapter = (
        Chapter.objects.select_related("work__pen_name__member")
        .filter(pk=chapter_id, status=Status.POSTED, work__status=Status.POSTED)
        .first()
    )
    if chapter is None:
        return None
    work = chapter.work
    notice = Notice(
        kind=Kind.CHAPTER,
        event_key=f"chapter:{chapter.pk}",
        text=f"{_byline(work)} posted {chapter.heading} of “{work.title}”",
        url=chapter.get_absolute_url(),
        actor_id=work.pen_name.member_id,
        work_id=work.pk,
    )
    fan_out(followers=Follow.objects.filter(work=work), notice=notice)
    return notice.event_key


def work_posted(work_id: int) -> str | None:
    """A new work: followers of the sequel it fills hear first, then followers of each series
    it is in, then the author's followers; one notice each (one event key for all three)."""
    work = (
        Work.objects.select_related("pen_name__member")
        .filter(pk=work_id, status=Status.POSTED)
        .first()
    )
    if work is None:
        return None
    byline, key = _byline(work), f"work:{work.pk}"
    parts = list(SeriesPart.objects.filter(work=work).select_related("series"))

    def notice(kind: str, text: str) -> Notice:
        url, actor_id = work.get_absolute_url(), work.pen_name.member_id
        return Notice(kind, key, text, url, actor_id=actor_id, work_id=work.pk)

    for part in parts:
        if part.announced_at is not None:
            text = f"The sequel you followed is here: “{work.title}” by {byline}"
            fan_out(followers=Follow.objects.filter(part=part), notice=notice(Kind.SEQUEL, text))
    for part in parts:
        text = f"New in the series “{part.series.title}”: “{work.title}” by {byline}"
        followers = Follow.objects.filter(series=part.series)
        fan_out(followers=followers, notice=notice(Kind.SERIES_PART, text))
    text = f"{byline} posted a new work: “{work.title}”"
    followers = Follow.objects.filter(author=work.pen_name.member)
    fan_out(followers=followers, notice=notice(Kind.WORK, text))
    return key


def series_part_added(part_id: int) -> str | None:
    part = (
        SeriesPart.objects.select_related("series", "work__pen_name__member")
        .filter(pk=part_id, work__status=Status.POSTED)
        .first()
    )
    if part is None or part.work is None:
        return None
    work = part.work
    notice = Notice(
        kind=Kind.SERIES_PART,
        event_key=f"series:{part.series_id}:work:{work.pk}",
        text=f"New in the series “{part.series.title}”: “{work.title}” by {_byline(work)}",
        url=work.get_absolute_url(),
        actor_id=work.pen_name.member_id,
        work_id=work.pk,
    )
    fan_out(followers=Follow.objects.filter(series=part.series), notice=notice)
    return notice.event_key


def review_posted(review_id: int) -> str | None:
    review = (
        Review.objects.select_related("member", "chapter", "work__pen_name__member")
        .filter(pk=review_id)
        .first()
    )
    if review is None:
        return None
    work = review.work
    held = " (held for your approval)" if review.status == ReviewStatus.HELD else ""
    notice = Notice(
        kind=Kind.REVIEW,
        event_key=f"review:{review.pk}",
        text=f"{review.reviewer_name} reviewed {review.chapter.heading} of “{work.title}”{held}",
        url=review.get_absolute_url(),
        actor_id=review.member_id,
        work_id=work.pk,
        review_id=review.pk,
    )
    tell(recipient=work.pen_name.member, notice=notice)
    return notice.event_key


def reply_posted(reply_id: int) -> str | None:
    reply = (
        ReviewReply.objects.select_related("member", "review__member", "review__work")
        .filter(pk=reply_id)
        .first()
    )
    if reply is None or reply.review.member is None:
        return None  # a guest has no inbox: they find the reply under their review
    review = reply.review
    notice = Notice(
        kind=Kind.REPLY,
        event_key=f"reply:{reply.pk}",
        text=f"{reply.member.username} replied to your review of “{review.work.title}”",
        url=review.get_absolute_url(),
        actor_id=reply.member_id,
        work_id=review.work_id,
        review_id=review.pk,
    )
    tell(recipient=review.member, notice=notice)
    return notice.event_key


def faved(fave_id: int) -> str | None:
    fave = Fave.objects.select_related("member", "work__pen_name__member").filter(pk=fave_id)
    found = fave.first()
    if found is None or found.work is None:
        return None
    work = found.work
    notice = Notice(
        kind=Kind.FAVE,
        event_key=f"fave:{found.member_id}:work:{work.pk}",
        text=f"{found.member.username} added “{work.title}” to their faves",
        url=work.get_absolute_url(),
        actor_id=found.member_id,
        work_id=work.pk,
    )
    tell(recipient=work.pen_name.member, notice=notice)
    return notice.event_key


def followed(follow_id: int) -> str | None:
    follow = Follow.objects.select_related("member", "work__pen_name__member").filter(pk=follow_id)
    found = follow.first()
    if found is None or found.work is None:
        return None
    work = found.work
    notice = Notice(
        kind=Kind.FOLLOW,
        event_key=f"follow:{found.member_id}:work:{work.pk}",
        text=f"{found.member.username} set an alert on “{work.title}”",
        url=work.get_absolute_url(),
        actor_id=found.member_id,
        work_id=work.pk,
    )
    tell(recipient=work.pen_name.member, notice=notice)
    return notice.event_key
