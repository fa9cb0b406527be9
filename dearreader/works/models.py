from django.conf import global_settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from dearreader.accounts.models import PenName, Viewer
from dearreader.lib import limits
from dearreader.works.rendering import RENDERER_VERSION, render_body, render_text

LANGUAGES = sorted(global_settings.LANGUAGES, key=lambda pair: pair[1])


def _source(row: "Work | Chapter", names: tuple[str, ...]) -> tuple[object, ...]:
    return tuple(getattr(row, name) for name in names)


def _render_if_changed(row: "Work | Chapter", update_fields: object) -> None:
    """Render in save() only what ``render()`` has not rendered already (the admin site, the
    shell); a save of other fields (``update_fields``) never renders."""
    if update_fields is not None and not set(update_fields) & set(row.RENDERED_FROM):  # type: ignore[call-overload]
        return
    if getattr(row, "_rendered_from", None) != _source(row, row.RENDERED_FROM):
        row.render()


class Rating(models.TextChoices):
    NOT_RATED = "not-rated", "Not Rated"
    GENERAL = "general", "General Audiences"
    TEEN = "teen", "Teen And Up Audiences"
    MATURE = "mature", "Mature"
    EXPLICIT = "explicit", "Explicit"


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    POSTED = "posted", "Posted"


class BodyFormat(models.TextChoices):
    TEXT = "text", "Plain text or light Markdown"
    HTML = "html", "HTML"


class Tag(models.Model):
    class Kind(models.TextChoices):
        WARNING = "warning", "Archive warning"
        FANDOM = "fandom", "Fandom"
        RELATIONSHIP = "relationship", "Relationship"
        CHARACTER = "character", "Character"
        FREEFORM = "freeform", "Additional tag"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    name = models.CharField(max_length=limits.TAG_MAX_CHARS)

    class Meta:
        ordering = ["kind", "name"]
        constraints = [models.UniqueConstraint(fields=["kind", "name"], name="unique_tag")]

    def __str__(self) -> str:
        return self.name


class WorkQuerySet(models.QuerySet["Work"]):
    def posted(self) -> "WorkQuerySet":
        return self.filter(status=Status.POSTED)

    def visible_to(self, member: Viewer) -> "WorkQuerySet":
        """Posted works anyone may read, restricted ones for members, and one's own drafts."""
        signed_in = member is not None and member.is_authenticated
        rule = Q(status=Status.POSTED)
        if not signed_in:
            rule &= Q(restricted=False)
        else:
            rule |= Q(pen_name__member=member)
        return self.filter(rule)

    def for_blurbs(self) -> "WorkQuerySet":
        return self.select_related("pen_name__member").prefetch_related("tags")


class Work(models.Model):
    pen_name = models.ForeignKey(PenName, on_delete=models.PROTECT, related_name="works")
    title = models.CharField(max_length=limits.TITLE_MAX_CHARS)
    summary = models.TextField(blank=True, max_length=limits.SUMMARY_MAX_CHARS)
    summary_html = models.TextField(blank=True, editable=False)
    rating = models.CharField(max_length=20, choices=Rating.choices, default=Rating.NOT_RATED)
    tags = models.ManyToManyField(Tag, blank=True, related_name="works")
    language = models.CharField(max_length=10, choices=LANGUAGES, default="en")
    disclaimer = models.TextField(blank=True, max_length=limits.NOTES_MAX_CHARS)
    disclaimer_html = models.TextField(blank=True, editable=False)
    notes_begin = models.TextField(
        "notes at the beginning", blank=True, max_length=limits.NOTES_MAX_CHARS
    )
    notes_begin_html = models.TextField(blank=True, editable=False)
    notes_end = models.TextField("notes at the end", blank=True, max_length=limits.NOTES_MAX_CHARS)
    notes_end_html = models.TextField(blank=True, editable=False)
    inspired_by_work = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="inspired"
    )
    inspired_by_text = models.CharField(
        "inspired by (free text)",
        max_length=limits.INSPIRED_BY_MAX_CHARS,
        blank=True,
        help_text="An episode, a prompt…",
    )
    is_complete = models.BooleanField("complete", default=False)
    expected_chapters = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[
            MinValueValidator(limits.EXPECTED_CHAPTERS_MIN),
            MaxValueValidator(limits.EXPECTED_CHAPTERS_MAX),
        ],
    )
    restricted = models.BooleanField(
        "only for logged-in members", default=False, help_text="Hidden from guests."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    word_count = models.PositiveIntegerField(default=0, editable=False)
    chapter_count = models.PositiveSmallIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    posted_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)
    render_version = models.PositiveSmallIntegerField(default=0, editable=False)

    objects = WorkQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["status", "restricted", "-updated_at"])]

    def __str__(self) -> str:
        return self.title

    RENDERED_FROM = ("summary", "disclaimer", "notes_begin", "notes_end")

    def save(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        _render_if_changed(self, kwargs.get("update_fields"))
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("works:detail", args=[self.pk])

    def render(self) -> None:
        """Derive the *_html fields. Services call this before their transaction opens."""
        self.summary_html = render_text(self.summary)
        self.disclaimer_html = render_text(self.disclaimer)
        self.notes_begin_html = render_text(self.notes_begin)
        self.notes_end_html = render_text(self.notes_end)
        self.render_version = RENDERER_VERSION
        self._rendered_from = _source(self, self.RENDERED_FROM)

    @property
    def is_draft(self) -> bool:
        return self.status == Status.DRAFT

    @property
    def chapters_label(self) -> str:
        """AO3's "3/?" (or "3/10" when the author said how many)."""
        total = self.chapter_count if self.is_complete else self.expected_chapters
        return f"{self.chapter_count}/{total or '?'}"

    def tags_of(self, kind: str) -> list[Tag]:
        # Filtered in Python so a prefetched ``tags`` serves every kind without a query each.
        return [tag for tag in self.tags.all() if tag.kind == kind]

    @property
    def warnings(self) -> list[Tag]:
        return self.tags_of(Tag.Kind.WARNING)

    @property
    def fandoms(self) -> list[Tag]:
        return self.tags_of(Tag.Kind.FANDOM)

    @property
    def relationships(self) -> list[Tag]:
        return self.tags_of(Tag.Kind.RELATIONSHIP)

    @property
    def characters(self) -> list[Tag]:
        return self.tags_of(Tag.Kind.CHARACTER)

    @property
    def freeforms(self) -> list[Tag]:
        return self.tags_of(Tag.Kind.FREEFORM)

    def inspiration_for(self, member: Viewer) -> "Work | None":
        """The work this one was inspired by, if this reader may know of it: a posted work
        (a restricted one is named to guests only as "a work for members"), or their own draft."""
        source = self.inspired_by_work
        if source is None or (source.is_draft and not source.is_owned_by(member)):
            return None
        return source

    def is_owned_by(self, member: Viewer) -> bool:
        return bool(member and member.is_authenticated and self.pen_name.member_id == member.pk)


class ChapterQuerySet(models.QuerySet["Chapter"]):
    def posted(self) -> "ChapterQuerySet":
        return self.filter(status=Status.POSTED)

    def visible_to(self, member: Viewer, work: Work) -> "ChapterQuerySet":
        """A work's chapters as this reader may see them: drafts only for the author."""
        chapters = self.filter(work=work)
        return chapters if work.is_owned_by(member) else chapters.posted()


class Chapter(models.Model):
    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="chapters")
    position = models.PositiveIntegerField(default=1)
    title = models.CharField(max_length=255, blank=True)
    notes_begin = models.TextField(
        "notes at the beginning", blank=True, max_length=limits.NOTES_MAX_CHARS
    )
    notes_begin_html = models.TextField(blank=True, editable=False)
    notes_end = models.TextField("notes at the end", blank=True, max_length=limits.NOTES_MAX_CHARS)
    notes_end_html = models.TextField(blank=True, editable=False)
    body = models.TextField(max_length=limits.CHAPTER_MAX_CHARS)
    body_format = models.CharField(max_length=10, choices=BodyFormat.choices, default="text")
    find_structure = models.BooleanField(
        "find letters and scene breaks in the text for me",
        default=True,
        help_text="Off for imported chapters: what the import found is written in the text.",
    )
    body_html = models.TextField(editable=False)
    word_count = models.PositiveIntegerField(default=0, editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    posted_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    render_version = models.PositiveSmallIntegerField(default=0, editable=False)

    objects = ChapterQuerySet.as_manager()

    class Meta:
        ordering = ["work", "position"]
        indexes = [models.Index(fields=["work", "status", "position"])]

    def __str__(self) -> str:
        return self.heading

    RENDERED_FROM = ("body", "body_format", "find_structure", "notes_begin", "notes_end")

    def save(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        _render_if_changed(self, kwargs.get("update_fields"))
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("works:chapter", args=[self.work_id, self.pk])

    def render(self) -> None:
        """Derive body_html, word_count and the notes' HTML. Services call this before their
        transaction opens: a long body takes a while, and no lock must be held meanwhile."""
        rendered = render_body(self.body, self.body_format, find_structure=self.find_structure)
        self.body_html, self.word_count = rendered.html, rendered.word_count
        self.notes_begin_html = render_text(self.notes_begin)
        self.notes_end_html = render_text(self.notes_end)
        self.render_version = RENDERER_VERSION
        self._rendered_from = _source(self, self.RENDERED_FROM)

    @property
    def heading(self) -> str:
        """ "Chapter 2: The Title", or "Chapter 2" when untitled."""
        return (
            f"Chapter {self.position}: {self.title}" if self.title else f"Chapter {self.position}"
        )

    @property
    def is_draft(self) -> bool:
        return self.status == Status.DRAFT
