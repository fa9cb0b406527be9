from django.db import models
from django.db.models import Q

from dearreader.accounts.models import Member, Viewer
from dearreader.library.limits import BOOKMARK_NOTES_MAX_LENGTH, BOOKMARK_TAG_MAX_LENGTH
from dearreader.works.models import Chapter, Work
from dearreader.works.rendering import render_text


class BookmarkTag(models.Model):
    """A member's own label for what they keep ("to reread", "makeshift bookmark")."""

    name = models.CharField(max_length=BOOKMARK_TAG_MAX_LENGTH, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class BookmarkQuerySet(models.QuerySet["Bookmark"]):
    def visible_to(self, viewer: Viewer) -> "BookmarkQuerySet":
        """Public bookmarks of works this viewer may read, and the viewer's own bookmarks.
        A private bookmark (its note, its tags, that it exists) is for its member alone."""
        rule = Q(is_private=False)
        if viewer is not None and viewer.is_authenticated:
            rule |= Q(member=viewer)
        readable = Work.objects.visible_to(viewer).posted()
        return self.filter(rule, work__in=readable)

    def for_lists(self) -> "BookmarkQuerySet":
        return self.select_related("member", "work__pen_name__member").prefetch_related(
            "tags", "work__tags"
        )


class Bookmark(models.Model):
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="bookmarks")
    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="bookmarks")
    notes = models.TextField(blank=True, max_length=BOOKMARK_NOTES_MAX_LENGTH)
    notes_html = models.TextField(blank=True, editable=False)
    is_private = models.BooleanField(
        "private", default=False, help_text="Only you will see this bookmark, its note and tags."
    )
    tags = models.ManyToManyField(BookmarkTag, blank=True, related_name="bookmarks")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BookmarkQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(fields=["member", "work"], name="one_bookmark_per_work")
        ]
        indexes = [models.Index(fields=["work", "is_private"])]

    def __str__(self) -> str:
        return f"{self.member} → {self.work}"

    def save(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        self.notes_html = render_text(self.notes)
        super().save(*args, **kwargs)


class ReadingQuerySet(models.QuerySet["Reading"]):
    def of(self, member: Member) -> "ReadingQuerySet":
        """A member's own readings, of works they may still read."""
        readable = Work.objects.visible_to(member).posted()
        return self.filter(member=member, work__in=readable).select_related(
            "chapter", "work__pen_name__member"
        )


class Reading(models.Model):
    """Where a member stopped in a work (kept on the server, so every device of theirs
    knows it), and whether the work is on their reading list ("marked for later")."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="readings")
    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="readings")
    chapter = models.ForeignKey(
        Chapter, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The paragraph at the top of the reader's screen, counted from 0 in the chapter text:
    # the same place on a phone and on a desktop, unlike a scroll offset in pixels.
    paragraph = models.PositiveIntegerField(default=0)
    read_at = models.DateTimeField(null=True, blank=True)
    for_later = models.BooleanField(default=False)
    marked_at = models.DateTimeField(null=True, blank=True)

    objects = ReadingQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "work"], name="one_reading_per_work")
        ]
        indexes = [
            models.Index(fields=["member", "-read_at"]),
            models.Index(fields=["member", "for_later", "-marked_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.member} in {self.work}"
