"""What a download holds (a posted work and its posted chapters) and the stamp that tells one
state of it from the next, so that a cached file is used until the work changes."""

import hashlib
from dataclasses import dataclass

from django.utils.text import slugify

from dearreader.works.models import Chapter, Tag, Work

# Raised whenever the way downloads are built changes: every cached file is then built again.
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Book:
    work: Work
    chapters: list[Chapter]

    @property
    def tag_groups(self) -> list[tuple[str, list[Tag]]]:
        """AO3's labels and order: "Archive Warning", "Fandoms", ..., each only when present."""
        work = self.work
        groups = [
            ("Archive Warning", work.warnings),
            ("Fandom", work.fandoms),
            ("Relationship", work.relationships),
            ("Character", work.characters),
            ("Additional Tag", work.freeforms),
        ]
        return [(label if len(tags) == 1 else f"{label}s", tags) for label, tags in groups if tags]


def book_of(work: Work) -> Book:
    return Book(work=work, chapters=list(work.chapters.posted().order_by("position")))


def stamp_of(work: Work) -> str:
    """Changes with anything a download shows: the work's own fields, its tags, its pen name,
    and which chapters are posted and when each was last saved. Reads no chapter text."""
    chapters = work.chapters.posted().order_by("position")
    state = (
        FORMAT_VERSION,
        [getattr(work, field.attname) for field in Work._meta.concrete_fields],
        sorted(tag.pk for tag in work.tags.all()),
        work.pen_name.display_name,
        list(chapters.values_list("pk", "position", "updated_at")),
    )
    return hashlib.sha256(repr(state).encode()).hexdigest()[:20]


def file_stem(work: Work) -> str:
    return slugify(work.title, allow_unicode=True) or f"work-{work.pk}"
