"""Writes of the library: bookmarks, the reading list and reading positions."""

from django.db import transaction
from django.utils import timezone

from dearreader.accounts.models import Member
from dearreader.library.models import Bookmark, BookmarkTag, Reading
from dearreader.works.models import Chapter, Work


def bookmark_tags_get_or_create(*, names: list[str]) -> list[BookmarkTag]:
    tags = []
    for name in names:
        tag = BookmarkTag.objects.filter(name__iexact=name).first()
        tags.append(tag or BookmarkTag.objects.create(name=name))
    return tags


@transaction.atomic
def bookmark_save(
    *, member: Member, work: Work, notes: str, is_private: bool, tag_names: list[str]
) -> Bookmark:
    """Bookmark a work, or change the member's bookmark of it."""
    bookmark = Bookmark.objects.filter(member=member, work=work).first() or Bookmark(
        member=member, work=work
    )
    bookmark.notes = notes
    bookmark.is_private = is_private
    bookmark.save()
    bookmark.tags.set(bookmark_tags_get_or_create(names=tag_names))
    return bookmark


@transaction.atomic
def bookmark_delete(*, bookmark: Bookmark) -> None:
    bookmark.delete()


@transaction.atomic
def reading_mark_for_later(*, member: Member, work: Work, later: bool) -> Reading:
    reading, _ = Reading.objects.get_or_create(member=member, work=work)
    reading.for_later = later
    reading.marked_at = timezone.now() if later else None
    reading.save(update_fields=["for_later", "marked_at"])
    return reading


@transaction.atomic
def reading_record(*, member: Member, work: Work, chapter: Chapter, paragraph: int) -> Reading:
    """Where the member is now; one short write, as the reader's script sends it often."""
    reading, _ = Reading.objects.update_or_create(
        member=member,
        work=work,
        defaults={"chapter": chapter, "paragraph": paragraph, "read_at": timezone.now()},
    )
    return reading
