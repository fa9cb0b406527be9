"""The one place letter views ask "may this member see or change this letter?". Anything they
may not is a 404, so that nobody learns a letter exists."""

from django.shortcuts import get_object_or_404

from dearreader.accounts.requests import MemberRequest
from dearreader.letters.models import Copy, Letter, Status


def readable_letter(request: MemberRequest, pk: int) -> Letter:
    return get_object_or_404(
        Letter.objects.visible_to(request.user).select_related(
            "pen_name__member", "work", "correspondence__letter__pen_name__member"
        ),
        pk=pk,
    )


def held_copy(request: MemberRequest, pk: int) -> Copy:
    """The member's own copy of letter `pk` (not one they deleted)."""
    return get_object_or_404(
        Copy.objects.select_related("letter__writer", "letter__pen_name__member"),
        letter_id=pk,
        recipient=request.user,
        deleted_at=None,
    )


def own_letter(request: MemberRequest, pk: int, *statuses: str) -> Letter:
    letters = Letter.objects.filter(writer=request.user, writer_deleted_at=None)
    if statuses:
        letters = letters.filter(status__in=statuses)
    return get_object_or_404(letters.select_related("pen_name__member", "work"), pk=pk)


def own_draft(request: MemberRequest, pk: int) -> Letter:
    return own_letter(request, pk, Status.DRAFT)
