"""Series writes: making a series, ordering its parts, announcing a sequel and writing it.

(Kept beside services.py rather than in it: posting and series change for different reasons.)
"""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from dearreader.accounts.models import PenName
from dearreader.works import events, services
from dearreader.works.models import Chapter, Series, SeriesPart, Tag, Work


class SeriesProblem(ValueError):
    """A change the series cannot take; the message says why, for the author."""


def _next_position(series: Series) -> int:
    return (series.parts.aggregate(last=Max("position"))["last"] or 0) + 1


def _touch(series: Series) -> None:
    series.updated_at = timezone.now()
    series.save(update_fields=["updated_at"])


@transaction.atomic
def series_create(*, pen_name: PenName, title: str, summary: str = "") -> Series:
    return Series.objects.create(pen_name=pen_name, title=title, summary=summary)


@transaction.atomic
def series_add_work(*, series: Series, work: Work) -> SeriesPart:
    if work.pen_name.member_id != series.pen_name.member_id:
        raise SeriesProblem("Only your own works can go into your series.")
    if series.parts.filter(work=work).exists():
        raise SeriesProblem(f"“{work.title}” is already in this series.")
    part = SeriesPart.objects.create(series=series, work=work, position=_next_position(series))
    _touch(series)
    if not work.is_draft:
        events.announce(events.series_part_added, part_id=part.pk)
    return part


@transaction.atomic
def series_announce(*, series: Series, title: str) -> SeriesPart:
    """An announced sequel: a place at the end of the series with a title and no text yet."""
    part = SeriesPart.objects.create(
        series=series, title=title, position=_next_position(series), announced_at=timezone.now()
    )
    _touch(series)
    return part


def sequel_write(
    *,
    part: SeriesPart,
    work: Work,
    chapters: list[Chapter],
    tag_names: dict[str, list[str]],
    warnings: Iterable[Tag],
    post: bool,
) -> Work:
    """Write the announced part: the new work takes its place. Its followers are told when
    the work is posted (now, or later from its draft), with the work's own followers.

    Saved as a draft and linked first, then posted: the posting's alerts go out after the
    link is committed, so the sequel's followers are among those told. (Not one transaction:
    work_create renders before it opens its own; a failure in between leaves a linked draft.)
    """
    if part.work_id is not None:
        raise SeriesProblem("This part has already been written.")
    work = services.work_create(
        work=work, chapters=chapters, tag_names=tag_names, warnings=warnings, post=False
    )
    SeriesPart.objects.filter(pk=part.pk).update(work=work)
    part.work = work
    if post:
        services.work_post(work=work)
    return work


@transaction.atomic
def series_move_part(*, part: SeriesPart, by: int) -> None:
    """Move a part up (by=-1) or down (by=1) one place."""
    parts = list(part.series.parts.order_by("position"))
    index = next(i for i, p in enumerate(parts) if p.pk == part.pk)
    target = index + by
    if not 0 <= target < len(parts):
        return
    parts[index], parts[target] = parts[target], parts[index]
    _renumber(parts)


@transaction.atomic
def series_remove_part(*, part: SeriesPart) -> None:
    series = part.series
    part.delete()
    _renumber(list(series.parts.order_by("position")))
    _touch(series)


def _renumber(parts: list[SeriesPart]) -> None:
    for position, part in enumerate(parts, start=1):
        if part.position != position:
            SeriesPart.objects.filter(pk=part.pk).update(position=position)
