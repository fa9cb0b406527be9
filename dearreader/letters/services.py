"""Writes of the letters app: drafts, sending (now or on a date), recalling, and what a
recipient does with a letter (open, return unopened, archive, delete, report).

A refusal is an `Unreachable` (the letter cannot go as addressed) or a `Refused` (it cannot be
done now), each with a message for the member; nothing is written when one is raised. A draft
is never written over once it has left the drafts, so a draft sent in one tab is not turned
back into a draft by a save from another.
"""

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from dearreader.accounts.models import Member, PenName
from dearreader.community.models import Notification
from dearreader.letters import delivery, recipients, tasks
from dearreader.letters.models import Copy, Letter, Report, Status
from dearreader.letters.recipients import Unreachable
from dearreader.lib import limits
from dearreader.lib.queue import enqueue_on_commit

__all__ = ["Refused", "Unreachable"]


class Refused(Exception):
    """Not now, or not by this member; the message says why."""


LEFT_DRAFTS = "This letter has left your drafts already (sent, or waiting for its date)."


# What a draft save writes: everything the writer chooses, nothing about delivery.
DRAFT_COLUMNS = [
    "pen_name_id",
    "audience",
    "to",
    "work_id",
    "correspondence_id",
    "subject",
    "body",
    "body_html",
    "updated_at",
]


def letter_save(*, letter: Letter) -> Letter:
    """Save a draft as it stands (unfinished is fine: it is checked when sent)."""
    letter.render()  # before the transaction, which only writes the row
    letter.updated_at = timezone.now()
    with transaction.atomic():
        if letter.pk is None:
            letter.status = Status.DRAFT
            letter.save()
            return letter
        written = Letter.objects.filter(pk=letter.pk, status=Status.DRAFT).update(
            **{column: getattr(letter, column) for column in DRAFT_COLUMNS}
        )
    if not written:
        raise Refused(LEFT_DRAFTS)
    return letter


def _check_date(when: datetime) -> None:
    now = timezone.now()
    if when <= now:
        raise Refused("That date has already passed: send it now, or pick a later date.")
    if when > now + timedelta(days=limits.LETTER_DELIVERY_MAX_DAYS):
        years = limits.LETTER_DELIVERY_MAX_DAYS // 366
        raise Refused(f"A letter can wait at most {years} years for its date.")


def _locked_draft(letter: Letter) -> Letter:
    locked = Letter.objects.select_for_update().filter(pk=letter.pk, status=Status.DRAFT).first()
    if locked is None:
        raise Refused(LEFT_DRAFTS)
    return locked


def letter_check(*, letter: Letter) -> None:
    """Would the letter go as it is addressed? Raises with the reason; writes nothing."""
    if not letter.body.strip():
        raise Refused("A letter needs some text.")
    recipients.audience(letter, strict=True)


def letter_send(*, letter: Letter) -> Letter:
    """Send a saved draft now: every recipient's copy is written before this returns; their
    notices follow from the queue."""
    letter_check(letter=letter)
    now = timezone.now()
    with transaction.atomic():
        locked = _locked_draft(letter)
        delivery.deliver(locked, recipients.audience(locked, strict=True), now)
        enqueue_on_commit(tasks.tell_letter, locked.pk)
    return locked


def letter_schedule(*, letter: Letter, when: datetime) -> Letter:
    """Put a saved draft in the "to be delivered" tray until `when`; the queue delivers it
    then (to whoever can still be reached), unless it is recalled first."""
    _check_date(when)
    letter_check(letter=letter)  # refused now, not silently on the day
    with transaction.atomic():
        locked = _locked_draft(letter)
        locked.status = Status.SCHEDULED
        locked.deliver_at = when
        locked.save(update_fields=["status", "deliver_at"])
        if tasks.deliver_due.get_backend().supports_defer:
            task = tasks.deliver_due.using(run_after=when)
            transaction.on_commit(lambda: task.enqueue())
    return locked


@transaction.atomic
def letter_recall(*, letter: Letter) -> None:
    """Take a letter back out of the tray, into the drafts. Its task still runs on the day and
    finds nothing to deliver."""
    back = Letter.objects.filter(pk=letter.pk, status=Status.SCHEDULED).update(
        status=Status.DRAFT, deliver_at=None, updated_at=timezone.now()
    )
    if not back:
        raise Refused("Too late: the letter has been delivered.")


@transaction.atomic
def letter_discard(*, letter: Letter) -> None:
    """Throw a draft away."""
    Letter.objects.filter(pk=letter.pk, status=Status.DRAFT).delete()


@transaction.atomic
def letter_delete_for_writer(*, letter: Letter) -> None:
    """Take a sent letter out of its writer's letters; the recipients keep their copies."""
    if letter.status != Status.SENT:
        raise Refused("Only a sent letter is deleted this way: recall it, or throw the draft away.")
    Letter.objects.filter(pk=letter.pk).update(writer_deleted_at=timezone.now())


def reply_draft(*, to: Copy, member: Member) -> Letter:
    """A new (unsaved) draft answering the letter `to`, addressed to its writer."""
    if to.recipient_id != member.pk or not to.is_open or to.deleted_at:
        raise Refused("Open the letter before you answer it.")
    letter = to.letter
    subject = letter.subject_for(to.name) if letter.subject else ""
    if subject and not subject.lower().startswith("re:"):
        subject = f"Re: {subject}"
    return Letter(
        writer=member,
        pen_name=PenName.objects.filter(member=member, is_default=True).first(),
        to=letter.writer.username,
        correspondence=letter.correspondence or to,
        subject=subject[: limits.LETTER_SUBJECT_MAX_CHARS],
    )


def _notices(copy: Copy) -> QuerySet[Notification]:
    return Notification.objects.filter(
        recipient_id=copy.recipient_id, event_key=f"letter:{copy.letter_id}"
    )


def _notice_read(copy: Copy, now: datetime) -> None:
    _notices(copy).filter(read_at=None).update(read_at=now)


@transaction.atomic
def copy_open(*, copy: Copy) -> None:
    if copy.returned_at:
        raise Refused("You returned this letter unopened.")
    now = timezone.now()
    Copy.objects.filter(pk=copy.pk, read_at=None).update(read_at=now)
    _notice_read(copy, now)


@transaction.atomic
def copy_return(*, copy: Copy) -> None:
    """Send a letter back unopened: the writer is told; its text is never shown to the
    recipient (who keeps only the note that they returned it)."""
    now = timezone.now()
    if not Copy.objects.filter(pk=copy.pk, read_at=None, returned_at=None).update(returned_at=now):
        raise Refused("You have opened this letter: a letter read cannot go back unopened.")
    Letter.objects.filter(pk=copy.letter_id).update(returned=F("returned") + 1)
    _notice_read(copy, now)
    enqueue_on_commit(tasks.tell_returned, copy.pk)


@transaction.atomic
def copy_archive(*, copy: Copy, archived: bool) -> None:
    Copy.objects.filter(pk=copy.pk).update(archived_at=timezone.now() if archived else None)


@transaction.atomic
def copy_delete(*, copy: Copy) -> None:
    """Delete a letter for its recipient only: the writer still has it. Its notice goes too
    (it would lead nowhere)."""
    Copy.objects.filter(pk=copy.pk).update(deleted_at=timezone.now())
    _notices(copy).delete()


@transaction.atomic
def copy_report(*, copy: Copy, reason: str) -> Report:
    """Show one letter to staff, with the reason. Staff read reported letters, and only those."""
    if Report.objects.filter(copy=copy).exists():
        raise Refused("You have reported this letter already; staff will look at it.")
    return Report.objects.create(
        letter_id=copy.letter_id, copy=copy, reporter_id=copy.recipient_id, reason=reason
    )
