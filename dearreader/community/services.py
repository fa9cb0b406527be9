"""Writes of the community app: reviews, kudos, faves, follows, blocks and mutes.

Each refusal is a `Refused` with a message for the member; views show it with a 403. The
rules are checked here, not in the views or templates, so every route obeys them.
"""

from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from dearreader.accounts.models import Block, Member, Mute, Viewer
from dearreader.community import tasks
from dearreader.community.models import (
    Audience,
    Fave,
    Follow,
    Kudos,
    Notification,
    Review,
    ReviewReply,
    ReviewSettings,
    ReviewStatus,
)
from dearreader.lib.queue import enqueue_on_commit
from dearreader.works.models import Chapter, Series, SeriesPart, Work


class Refused(Exception):
    """The member may not do this; the message says why."""


def _member(viewer: Viewer) -> Member | None:
    return viewer if isinstance(viewer, Member) else None


def _author(work: Work) -> Member:
    return work.pen_name.member


def _check_not_blocked(member: Viewer, *, by: Member) -> None:
    if Block.objects.against(member, by=by):
        raise Refused(f"{by.username} has blocked you, so you cannot do this.")


def _check_feedback(member: Viewer, work: Work, what: str) -> None:
    if work.is_draft:
        raise Refused(f"A draft cannot be given {what}: wait until it is posted.")
    if work.is_owned_by(member):
        raise Refused(f"This is your own work: you cannot give it {what}.")
    _check_not_blocked(member, by=_author(work))


def _recount(work_id: int, field: str, rows: QuerySet) -> None:
    Work.objects.filter(pk=work_id).update(**{field: rows.count()})


def review_count_refresh(*, work_id: int) -> None:
    published = Review.objects.filter(work_id=work_id, status=ReviewStatus.PUBLISHED)
    _recount(work_id, "review_count", published)


# Reviews


def review_post(
    *,
    chapter: Chapter,
    body: str,
    member: Viewer,
    guest_name: str = "",
    guest_address: str = "",
) -> Review:
    work = chapter.work
    settings = ReviewSettings.of(work)
    signed_in = _member(member) is not None
    if chapter.is_draft:
        raise Refused("A draft cannot be reviewed: wait until it is posted.")
    if settings.audience == Audience.NOBODY:
        raise Refused("The author has closed reviews on this work.")
    if not signed_in and settings.audience == Audience.MEMBERS:
        raise Refused("The author takes reviews from members only: log in to review.")
    if work.is_owned_by(member):
        raise Refused("This is your own work: reply to your reviewers instead.")
    _check_not_blocked(member, by=_author(work))
    held = not signed_in and settings.hold_guest_reviews
    review = Review(
        work=work,
        chapter=chapter,
        member=_member(member),
        guest_name="" if signed_in else guest_name,
        guest_address="" if signed_in else guest_address,
        body=body,
        status=ReviewStatus.HELD if held else ReviewStatus.PUBLISHED,
    )
    review.render()  # before the transaction, which only writes rows
    with transaction.atomic():
        review.save()
        review_count_refresh(work_id=work.pk)
        enqueue_on_commit(tasks.tell_review, review.pk)
    return review


def review_reply(*, review: Review, member: Member, body: str) -> ReviewReply:
    if not review.work.is_owned_by(member):
        raise Refused("Only the work's author replies to its reviews.")
    if review.status == ReviewStatus.HELD:
        raise Refused("Approve this review before you reply to it.")
    reply = ReviewReply(review=review, member=member, body=body)
    reply.render()
    with transaction.atomic():
        reply.save()
        enqueue_on_commit(tasks.tell_reply, reply.pk)
    return reply


MODERATION = {
    "approve": ReviewStatus.PUBLISHED,
    "show": ReviewStatus.PUBLISHED,
    "hide": ReviewStatus.HIDDEN,
}


@transaction.atomic
def review_moderate(*, review: Review, member: Member, action: str) -> None:
    """approve (a held review), hide, show (a hidden one again) or delete, by the author."""
    if not review.work.is_owned_by(member):
        raise Refused("Only the work's author moderates its reviews.")
    if action == "delete":
        review.delete()  # its replies and the notices about it go with it
    elif action in MODERATION:
        review.status = MODERATION[action]
        review.save(update_fields=["status"])
    else:
        raise Refused(f"Unknown action “{action[:20]}”.")
    review_count_refresh(work_id=review.work_id)


# Kudos, faves and follows


@transaction.atomic
def kudos_give(
    *, work: Work, member: Viewer, guest_address: str = "", guest_token: str = ""
) -> Kudos:
    _check_feedback(member, work, "kudos")
    signed_in = _member(member) is not None
    if signed_in:
        given = Kudos.objects.filter(work=work, member=_member(member))
    else:
        given = Kudos.objects.filter(work=work, guest_address=guest_address)
        if guest_token:
            given |= Kudos.objects.filter(work=work, guest_token=guest_token)
    if given.exists():
        raise Refused("You have already left kudos here. Thank you!")
    try:
        with transaction.atomic():
            kudos = Kudos.objects.create(
                work=work,
                member=_member(member),
                guest_address="" if signed_in else guest_address,
                guest_token="" if signed_in else guest_token,
            )
    except IntegrityError:  # the same click twice at once: the database keeps one
        raise Refused("You have already left kudos here. Thank you!") from None
    _recount(work.pk, "kudos_count", Kudos.objects.filter(work=work))
    return kudos


@transaction.atomic
def fave_work(*, member: Member, work: Work) -> Fave:
    _check_feedback(member, work, "a fave")
    fave, created = Fave.objects.get_or_create(member=member, work=work)
    _recount(work.pk, "fave_count", Fave.objects.filter(work=work))
    if created:
        enqueue_on_commit(tasks.tell_faved, fave.pk)
    return fave


@transaction.atomic
def fave_author(*, member: Member, author: Member) -> Fave:
    if author.pk == member.pk:
        raise Refused("You cannot fave yourself.")
    _check_not_blocked(member, by=author)
    return Fave.objects.get_or_create(member=member, author=author)[0]


@transaction.atomic
def fave_remove(*, member: Member, work: Work | None = None, author: Member | None = None) -> None:
    if work is not None:
        Fave.objects.filter(member=member, work=work).delete()
        _recount(work.pk, "fave_count", Fave.objects.filter(work=work))
    if author is not None:
        Fave.objects.filter(member=member, author=author).delete()


FollowTarget = Work | Member | Series | SeriesPart


def _target_field(target: FollowTarget) -> str:
    fields = {Work: "work", Member: "author", Series: "series", SeriesPart: "part"}
    return fields[type(target)]


def _target_owner(target: FollowTarget) -> Member:
    if isinstance(target, Work):
        return _author(target)
    if isinstance(target, Series):
        return target.pen_name.member
    if isinstance(target, SeriesPart):
        return target.series.pen_name.member
    return target


@transaction.atomic
def follow_add(*, member: Member, target: FollowTarget) -> Follow:
    """An alert on a work, an author, a series or an announced sequel."""
    owner = _target_owner(target)
    if owner.pk == member.pk:
        raise Refused("This is your own: you hear of it anyway, as you write it.")
    if isinstance(target, Work) and target.is_draft:
        raise Refused("A draft cannot be followed: wait until it is posted.")
    if isinstance(target, SeriesPart) and target.work is not None and not target.work.is_draft:
        raise Refused("This sequel is already posted: follow the work itself.")
    _check_not_blocked(member, by=owner)
    lookup: dict[str, Any] = {"member": member, _target_field(target): target}
    follow, created = Follow.objects.get_or_create(**lookup)
    if isinstance(target, Work):
        _recount(target.pk, "follower_count", Follow.objects.filter(work=target))
        if created:
            enqueue_on_commit(tasks.tell_followed, follow.pk)
    return follow


@transaction.atomic
def follow_remove(*, member: Member, target: FollowTarget) -> None:
    Follow.objects.filter(member=member, **{_target_field(target): target}).delete()
    if isinstance(target, Work):
        _recount(target.pk, "follower_count", Follow.objects.filter(work=target))


# Blocking and muting


def _work_ids_of(member: Member) -> QuerySet:
    return Work.objects.filter(pen_name__member=member).values("pk")


@transaction.atomic
def member_block(*, member: Member, other: Member) -> Block:
    """Block `other`: their faves of and alerts on this member's works, series and self go,
    and what they did before reaches this member no more."""
    if other.pk == member.pk:
        raise Refused("You cannot block yourself.")
    block, _ = Block.objects.get_or_create(blocker=member, blocked=other)
    works = _work_ids_of(member)
    Fave.objects.filter(member=other, work__in=works).delete()
    Fave.objects.filter(member=other, author=member).delete()
    Follow.objects.filter(member=other, work__in=works).delete()
    Follow.objects.filter(member=other, author=member).delete()
    Follow.objects.filter(member=other, series__pen_name__member=member).delete()
    Follow.objects.filter(member=other, part__series__pen_name__member=member).delete()
    Notification.objects.filter(recipient=member, actor=other).delete()
    for pk in Work.objects.filter(pen_name__member=member).values_list("pk", flat=True):
        _recount(pk, "fave_count", Fave.objects.filter(work_id=pk))
        _recount(pk, "follower_count", Follow.objects.filter(work_id=pk))
    return block


@transaction.atomic
def member_unblock(*, member: Member, other: Member) -> None:
    Block.objects.filter(blocker=member, blocked=other).delete()


@transaction.atomic
def member_mute(*, member: Member, other: Member) -> Mute:
    if other.pk == member.pk:
        raise Refused("You cannot mute yourself.")
    return Mute.objects.get_or_create(muter=member, muted=other)[0]


@transaction.atomic
def member_unmute(*, member: Member, other: Member) -> None:
    Mute.objects.filter(muter=member, muted=other).delete()


# The inbox


@transaction.atomic
def notifications_mark_read(*, member: Member, pks: list[int] | None = None) -> int:
    """Mark some (or, with pks=None, all) of the member's unread notices read."""
    unread = Notification.objects.filter(recipient=member, read_at=None)
    if pks is not None:
        unread = unread.filter(pk__in=pks)
    return unread.update(read_at=timezone.now())
