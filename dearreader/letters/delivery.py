"""Delivering a letter: a copy for each recipient, written by the database in one statement
(INSERT … SELECT, with each recipient's name for `{name}`), then a notice in each inbox.

Every step can run twice and do it once: a letter is delivered under a row lock and only from
"to be delivered" (a recalled one is a draft again and is never delivered, even when its task
runs); copies are unique per recipient and notices per (recipient, event), with conflicts
ignored.
"""

from datetime import datetime
from typing import Any, cast

from django.db import connection, transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from dearreader.accounts.models import Member
from dearreader.community import notify
from dearreader.community.models import Kind
from dearreader.letters import recipients
from dearreader.letters.models import Copy, Letter, Status
from dearreader.lib.sql import insert_select


def insert_copies(letter: Letter, members: QuerySet[Member], now: datetime) -> int:
    delivered = Copy._meta.get_field("delivered_at").get_db_prep_value(now, connection)
    return insert_select(
        Copy,
        ["recipient_id", "name", "letter_id", "delivered_at"],
        recipients.with_names(members),
        [letter.pk, delivered],
        ignore_conflicts=True,
    )


def deliver(letter: Letter, members: QuerySet[Member], now: datetime) -> int:
    """Copies for `members`, and the letter marked sent; call it inside the transaction that
    locked the letter. The notices go out once it commits (the `tell` task)."""
    count = insert_copies(letter, members, now)
    letter.status = Status.SENT
    letter.sent_at = now
    letter.deliver_at = None
    letter.recipient_count = count
    letter.save(update_fields=["status", "sent_at", "deliver_at", "recipient_count"])
    first = letter.correspondence
    if first is not None and first.recipient_id == letter.writer_id:
        _wrote_back(first, now)
    return count


def _wrote_back(first: Copy, now: datetime) -> None:
    """The first reply from a recipient counts once towards the letter's "N wrote back"."""
    if Copy.objects.filter(pk=first.pk, replied_at=None).update(replied_at=now):
        Letter.objects.filter(pk=first.letter_id).update(wrote_back=F("wrote_back") + 1)


def deliver_due(now: datetime | None = None) -> list[int]:
    """Deliver every letter whose date has come, each in a transaction of its own, re-read
    under a row lock; the ids delivered. Members who can no longer be reached (deleted, or
    blocked since) are left out."""
    now = now or timezone.now()
    delivered = []
    for pk in Letter.objects.due(now).values_list("pk", flat=True):
        with transaction.atomic():
            letter = Letter.objects.select_for_update().due(now).filter(pk=pk).first()
            if letter is not None:
                deliver(letter, recipients.audience(letter, strict=False), now)
                delivered.append(pk)
    return delivered


def _byline(letter: Letter) -> str:
    return letter.pen_name.display_name


def tell(letter_id: int) -> str | None:
    """Each recipient hears who wrote, never what: a letter's text (and subject) is read only
    by opening it, so a notice or an email carries neither. Returns the event key."""
    letter = Letter.objects.select_related("pen_name__member").filter(pk=letter_id).first()
    if letter is None or letter.status != Status.SENT:
        return None
    byline = _byline(letter)
    notice = notify.Notice(
        kind=Kind.LETTER,
        event_key=f"letter:{letter.pk}",
        text=f"{byline} wrote back" if letter.is_reply else f"A letter from {byline}",
        url=letter.get_absolute_url(),
        actor_id=letter.writer_id,
    )
    held = Copy.objects.filter(letter=letter, returned_at=None, deleted_at=None)
    # fan_out reads a `member_id` from each row, as it does from a Follow.
    notify.fan_out(followers=cast(Any, held.annotate(member_id=F("recipient_id"))), notice=notice)
    return notice.event_key


def tell_returned(copy_id: int) -> str | None:
    """The writer hears that a letter came back unopened."""
    copy = (
        Copy.objects.select_related("letter__writer")
        .filter(pk=copy_id, returned_at__isnull=False)
        .first()
    )
    if copy is None:
        return None
    notice = notify.Notice(
        kind=Kind.LETTER,
        event_key=f"returned:{copy.pk}",
        text=f"Your letter to {copy.name} came back unopened",
        url=copy.letter.get_absolute_url(),
        actor_id=copy.recipient_id,
    )
    notify.tell(recipient=copy.letter.writer, notice=notice)
    return notice.event_key
