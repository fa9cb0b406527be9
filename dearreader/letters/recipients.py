"""Who a letter reaches: the members named, a work's followers, its reviewers, or the other
member of a correspondence; never the writer, never across a block (either way), and never a
member whose letter settings turn the writer away.

Named members who cannot be reached are named back to the writer (they typed the name and
should know); followers and reviewers who turned letters off are simply left out.
"""

import re
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from dearreader.accounts.models import Block, Member, PenName
from dearreader.community.models import Follow, Review
from dearreader.letters.models import Accept, Audience, Letter, LetterSettings
from dearreader.lib import limits
from dearreader.works.models import Status as WorkStatus
from dearreader.works.models import Work


class Unreachable(Exception):
    """The letter cannot go as addressed; the message says why, for the writer."""


_SEPARATORS = re.compile(r"[\s,;]+")


def split_names(text: str) -> list[str]:
    """ "rory, @kirk  lane" -> three account names, repeats dropped, order kept."""
    names: list[str] = []
    for raw in _SEPARATORS.split(text):
        name = raw.strip().removeprefix("@")
        if name and name.lower() not in {n.lower() for n in names}:
            names.append(name)
    return names


def _blocked_either_way(writer: Member) -> Q:
    return Q(pk__in=Block.objects.filter(blocked=writer).values("blocker")) | Q(
        pk__in=Block.objects.filter(blocker=writer).values("blocked")
    )


def open_to(writer: Member) -> QuerySet[Member]:
    """Every member who takes a letter from this writer."""
    follows_writer = Follow.objects.filter(member=OuterRef("member"), author=writer)
    closed = LetterSettings.objects.filter(
        Q(accept=Accept.NOBODY) | Q(Q(accept=Accept.FOLLOWED) & ~Exists(follows_writer))
    )
    return (
        Member.objects.filter(is_active=True)
        .exclude(pk=writer.pk)
        .exclude(_blocked_either_way(writer))
        .exclude(pk__in=closed.values("member"))
    )


def _why_not(member: Member, writer: Member) -> str:
    if Block.objects.filter(
        Q(blocker=member, blocked=writer) | Q(blocker=writer, blocked=member)
    ).exists():
        return f"“{member.username}” cannot receive letters from you."
    if LetterSettings.of(member).accept == Accept.NOBODY:
        return f"“{member.username}” takes no letters."
    return f"“{member.username}” takes letters only from members they follow."


def _names_list(names: list[str]) -> str:
    quoted = [f"“{name[:60]}”" for name in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def named(writer: Member, text: str) -> QuerySet[Member]:
    names = split_names(text)
    if not names:
        raise Unreachable("Name at least one member to write to (their account name).")
    if len(names) > limits.LETTER_NAMED_RECIPIENTS:
        raise Unreachable(
            f"A letter can name at most {limits.LETTER_NAMED_RECIPIENTS} members "
            f"({len(names)} now). To write to more, write to a work's followers or reviewers."
        )
    matching = Q(pk__in=[])
    for name in names:
        matching |= Q(username__iexact=name)
    found = list(Member.objects.filter(matching, is_active=True))
    known = {member.username.lower() for member in found}
    missing = [name for name in names if name.lower() not in known]
    if missing:
        several = len(missing) > 1
        raise Unreachable(
            f"There {'are no members' if several else 'is no member'} called "
            f"{_names_list(missing)}."
        )
    if any(member.pk == writer.pk for member in found):
        raise Unreachable("That is you: a letter goes to someone else.")
    open_ones = open_to(writer).filter(pk__in=[member.pk for member in found])
    reachable = set(open_ones.values_list("pk", flat=True))
    refusing = [member for member in found if member.pk not in reachable]
    if refusing:
        raise Unreachable(" ".join(_why_not(member, writer) for member in refusing))
    return Member.objects.filter(pk__in=reachable)


def _chosen_work(letter: Letter) -> Work:
    work = letter.work
    if work is None:
        raise Unreachable("Choose one of your works.")
    if work.pen_name.member_id != letter.writer_id or work.status != WorkStatus.POSTED:
        raise Unreachable("You can write only to the readers of a work of yours that is posted.")
    return work


def audience(letter: Letter, *, strict: bool = True) -> QuerySet[Member]:
    """The members this letter goes to. `strict`, when it is sent: a name that reaches nobody
    is refused. Not strict, when a dated letter is delivered: whoever can no longer be reached
    (deleted, blocked since) is left out."""
    writer = letter.writer
    if letter.correspondence_id is not None:
        other = other_member(letter)
        members = open_to_reply(writer).filter(pk=other.pk) if other else Member.objects.none()
        if strict and not members.exists():
            raise Unreachable("This correspondence cannot go on: the other member is gone.")
        return members
    if letter.audience == Audience.MEMBERS:
        if strict:
            return named(writer, letter.to)
        names = Q(pk__in=[])
        for name in split_names(letter.to)[: limits.LETTER_NAMED_RECIPIENTS]:
            names |= Q(username__iexact=name)
        return open_to(writer).filter(names)
    work = _chosen_work(letter)
    chose: QuerySet[Any]
    if letter.audience == Audience.FOLLOWERS:
        chose = Follow.objects.filter(work=work).values("member")
    else:
        chose = Review.objects.filter(work=work, member__isnull=False).values("member")
    members = open_to(writer).filter(pk__in=chose)
    if strict and not members.exists():
        who = "follows" if letter.audience == Audience.FOLLOWERS else "has reviewed"
        raise Unreachable(f"Nobody who {who} “{work.title}” can receive your letters yet.")
    return members


def open_to_reply(writer: Member) -> QuerySet[Member]:
    """A reply goes to the other member whatever their letter settings say (they wrote or
    were written to first); only a block, or a closed account, stops it."""
    return Member.objects.filter(is_active=True).exclude(_blocked_either_way(writer))


def other_member(letter: Letter) -> Member | None:
    """For a reply: the correspondence's other member."""
    first = letter.correspondence
    if first is None:
        return None
    if first.recipient_id == letter.writer_id:
        return first.letter.writer
    return first.recipient


def with_names(members: QuerySet[Member]) -> QuerySet[Any]:
    """(id, name) of each member: what `{name}` becomes for them: their default pen name (the
    name readers know them by), or their account name when they have none."""
    default = PenName.objects.filter(member=OuterRef("pk"), is_default=True).values("name")[:1]
    return (
        members.order_by()
        .annotate(letter_name=Coalesce(Subquery(default), "username"))
        .values_list("pk", "letter_name")
    )
