"""Writes that touch more than one row: posting, editing and deleting works and chapters.

A write renders first and opens its transaction after: rendering a long chapter takes a while,
and a transaction holds SQLite's one write lock (and row locks on PostgreSQL) until it ends, so
the transaction only writes rows. Every other member's post, login and counter goes on meanwhile.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Max, Sum
from django.utils import timezone

from dearreader.works.models import Chapter, Status, Tag, Work
from dearreader.works.rendering import RENDERER_VERSION

FREE_TAG_KINDS = [Tag.Kind.FANDOM, Tag.Kind.RELATIONSHIP, Tag.Kind.CHARACTER, Tag.Kind.FREEFORM]


def split_tags(text: str) -> list[str]:
    """ "Rory Gilmore, Jess Mariano" -> two names; blanks and repeats dropped, order kept."""
    names, seen = [], set()
    for raw in text.split(","):
        name = " ".join(raw.split())
        if name and name.lower() not in seen:
            seen.add(name.lower())
            names.append(name)
    return names


def tags_get_or_create(*, kind: str, names: Iterable[str]) -> list[Tag]:
    tags = []
    for name in names:
        tag = Tag.objects.filter(kind=kind, name__iexact=name).first()
        tags.append(tag or Tag.objects.create(kind=kind, name=name))
    return tags


@transaction.atomic
def work_set_tags(*, work: Work, tag_names: dict[str, list[str]], warnings: Iterable[Tag]) -> None:
    tags = list(warnings)
    for kind in FREE_TAG_KINDS:
        tags += tags_get_or_create(kind=kind, names=tag_names.get(kind, []))
    work.tags.set(tags)


def work_refresh_stats(*, work: Work) -> None:
    """Word and chapter counts of what readers can see: the posted chapters."""
    totals = work.chapters.posted().aggregate(words=Sum("word_count"), chapters=Count("pk"))
    work.word_count = totals["words"] or 0
    work.chapter_count = totals["chapters"]
    Work.objects.filter(pk=work.pk).update(
        word_count=work.word_count, chapter_count=work.chapter_count
    )


def _renumber(work: Work) -> None:
    for position, chapter in enumerate(work.chapters.order_by("position", "pk"), start=1):
        if chapter.position != position:
            Chapter.objects.filter(pk=chapter.pk).update(position=position)


def render(*rows: Work | Chapter) -> None:
    """Derive the rendered fields of works and chapters, outside any transaction."""
    for row in rows:
        row.render()


def work_create(
    *,
    work: Work,
    chapters: list[Chapter],
    tag_names: dict[str, list[str]],
    warnings: Iterable[Tag],
    post: bool,
) -> Work:
    """A new work with its chapters (at least one), as a draft or posted at once."""
    if not chapters:
        raise ValueError("A work needs at least one chapter.")
    render(work, *chapters)
    with transaction.atomic():
        return _work_insert(
            work=work, chapters=chapters, tag_names=tag_names, warnings=warnings, post=post
        )


def _work_insert(
    *,
    work: Work,
    chapters: list[Chapter],
    tag_names: dict[str, list[str]],
    warnings: Iterable[Tag],
    post: bool,
) -> Work:
    now = timezone.now()
    if post:
        work.status = Status.POSTED
        work.posted_at = now
    work.updated_at = now
    work.save()
    work_set_tags(work=work, tag_names=tag_names, warnings=warnings)
    for position, chapter in enumerate(chapters, start=1):
        chapter.work = work
        chapter.position = position
        chapter.status = work.status
        chapter.posted_at = work.posted_at
        chapter.save()
    work_refresh_stats(work=work)
    return work


def work_update(*, work: Work, tag_names: dict[str, list[str]], warnings: Iterable[Tag]) -> Work:
    # Like AO3, "Updated" on a blurb means new chapters, not edited tags or notes.
    render(work)
    with transaction.atomic():
        work.save()
        work_set_tags(work=work, tag_names=tag_names, warnings=warnings)
    return work


@transaction.atomic
def work_post(*, work: Work) -> Work:
    """Post a draft work and every chapter it has."""
    now = timezone.now()
    work.status = Status.POSTED
    work.posted_at = work.posted_at or now
    work.updated_at = now
    work.save(update_fields=["status", "posted_at", "updated_at"])
    work.chapters.filter(status=Status.DRAFT).update(status=Status.POSTED, posted_at=now)
    work_refresh_stats(work=work)
    return work


@transaction.atomic
def work_delete(*, work: Work) -> None:
    work.delete()


def chapter_add(*, work: Work, chapter: Chapter, post: bool) -> Chapter:
    """Add a chapter at the end (posted only when the work is posted already)."""
    render(chapter)
    with transaction.atomic():
        return _chapter_insert(work=work, chapter=chapter, post=post)


def _chapter_insert(*, work: Work, chapter: Chapter, post: bool) -> Chapter:
    last = work.chapters.aggregate(last=Max("position"))["last"] or 0
    chapter.work = work
    chapter.position = last + 1
    now = timezone.now()
    if post and not work.is_draft:
        chapter.status = Status.POSTED
        chapter.posted_at = now
        work.updated_at = now
        work.save(update_fields=["updated_at"])
    chapter.save()
    work_refresh_stats(work=work)
    return chapter


def chapter_update(*, chapter: Chapter) -> Chapter:
    render(chapter)
    with transaction.atomic():
        chapter.save()
        work_refresh_stats(work=chapter.work)
    return chapter


@transaction.atomic
def chapter_post(*, chapter: Chapter) -> Chapter:
    now = timezone.now()
    chapter.status = Status.POSTED
    chapter.posted_at = now
    chapter.save(update_fields=["status", "posted_at", "updated_at"])
    work = chapter.work
    work.updated_at = now
    work.save(update_fields=["updated_at"])
    work_refresh_stats(work=work)
    return chapter


class LastChapter(Exception):
    """A work needs at least one chapter: delete the work instead."""


@transaction.atomic
def chapter_delete(*, chapter: Chapter) -> None:
    work = chapter.work
    if work.chapters.count() <= 1:
        raise LastChapter("This is the work's only chapter: delete the work instead.")
    chapter.delete()
    _renumber(work)
    work_refresh_stats(work=work)


@dataclass
class RenderCounts:
    works: int = 0
    chapters: int = 0
    changed: int = 0


RERENDER_BATCH = 100


def rows_rerender(*, dry_run: bool, everything: bool = False) -> RenderCounts:
    """Render again what an older renderer rendered (or everything): each row is rendered
    outside any transaction and written with one UPDATE of its derived fields."""
    counts = RenderCounts()
    work_ids: set[int] = set()
    for model in (Work, Chapter):
        rows = model.objects.all()
        if not everything:
            rows = rows.filter(render_version__lt=RENDERER_VERSION)
        pks = list(rows.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), RERENDER_BATCH):
            for row in model.objects.in_bulk(pks[start : start + RERENDER_BATCH]).values():
                changed = _rerender(row, dry_run=dry_run)
                counts.changed += changed
                if model is Work:
                    counts.works += 1
                else:
                    counts.chapters += 1
                    work_ids.add(row.work_id)  # type: ignore[union-attr]
    if not dry_run:
        for work in Work.objects.filter(pk__in=work_ids):  # word counts may have changed
            work_refresh_stats(work=work)
    return counts


def _rerender(row: Work | Chapter, *, dry_run: bool) -> bool:
    derived = [f.name for f in row._meta.fields if f.name.endswith("_html")]
    derived += ["render_version"] + (["word_count"] if isinstance(row, Chapter) else [])
    before = [getattr(row, name) for name in derived if name != "render_version"]
    row.render()
    changed = before != [getattr(row, name) for name in derived if name != "render_version"]
    if not dry_run:
        type(row).objects.filter(pk=row.pk).update(**{n: getattr(row, n) for n in derived})
    return changed
