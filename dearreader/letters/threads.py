"""A correspondence as one member reads it: the first letter and every reply between its
writer and one recipient, oldest first, each as this member may see it.

A letter the member received shows its text only once opened; one they returned shows only
that they returned it; one they deleted is not shown. Letters they wrote show as sent, with
whether each came back unopened.
"""

from dataclasses import dataclass

from django.db.models import Q

from dearreader.accounts.models import Member
from dearreader.letters.models import Copy, Letter, Status


@dataclass
class Entry:
    letter: Letter
    copy: Copy  # the recipient's copy: the member's own, or the one they sent
    mine: bool  # written by the member reading

    @property
    def readable(self) -> bool:
        return self.mine or self.copy.is_open

    @property
    def html(self) -> str:
        return self.copy.html

    @property
    def subject(self) -> str:
        return self.copy.subject


def correspondence(first: Copy, member: Member) -> list[Entry]:
    """Two queries: the letters, and their copies to either member."""
    letters = {
        letter.pk: letter
        for letter in Letter.objects.filter(
            Q(pk=first.letter_id) | Q(correspondence=first), status=Status.SENT
        ).select_related("pen_name__member")
    }
    copies = Copy.objects.filter(Q(pk=first.pk) | Q(letter__correspondence=first)).order_by(
        "delivered_at", "pk"
    )
    entries = []
    for copy in copies:
        letter = letters.get(copy.letter_id)
        if letter is None:
            continue
        copy.letter = letter
        mine = letter.writer_id == member.pk
        hidden = letter.writer_deleted_at if mine else copy.deleted_at
        if not hidden:
            entries.append(Entry(letter, copy, mine))
    return entries


def other_party(first: Copy, member: Member) -> Member:
    return first.recipient if first.letter.writer_id == member.pk else first.letter.writer


def last_received(entries: list[Entry]) -> Entry | None:
    """The letter a reply would answer: the newest one the member received and opened."""
    opened = [entry for entry in entries if not entry.mine and entry.copy.is_open]
    return opened[-1] if opened else None
