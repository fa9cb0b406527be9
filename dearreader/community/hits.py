"""Hits: one per reader per work per day, recorded with one insert that ignores a repeat,
and summed onto the works every few minutes by a task, so reading pages never wait on it."""

from datetime import date, timedelta

from django.db.models import Count
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.utils import timezone

from dearreader.community.models import Hit
from dearreader.lib.clients import address_hash
from dearreader.works.models import Work


def reader_key(request: HttpRequest) -> str:
    if request.user.is_authenticated:
        return f"m{request.user.pk}"
    return "g" + address_hash(request, "hits")


def author_key(member_id: int) -> str:
    return f"m{member_id}"


def record(*, work_id: int, reader: str, day: date | None = None) -> None:
    hit = Hit(work_id=work_id, reader=reader, day=day or timezone.localdate())
    Hit.objects.bulk_create([hit], ignore_conflicts=True)


def rollup(*, since: date | None = None) -> int:
    """Bring hit_count up to date on works read since `since` (default: yesterday). An
    author reading their own work is not a hit. Returns how many works were updated."""
    since = since or timezone.localdate() - timedelta(days=1)
    works = Work.objects.filter(pk__in=Hit.objects.filter(day__gte=since).values("work"))
    updated = 0
    for pk, author_id in works.values_list("pk", "pen_name__member_id"):
        hits = Hit.objects.filter(work_id=pk).exclude(reader=author_key(author_id))
        updated += Work.objects.filter(pk=pk).update(hit_count=hits.count())
    return updated


def per_day(*, works: list[int], author_id: int, since: date) -> dict[date, int]:
    rows = (
        Hit.objects.filter(work_id__in=works, day__gte=since)
        .exclude(reader=author_key(author_id))
        .values("day")
        .annotate(n=Coalesce(Count("pk"), 0))
    )
    return {row["day"]: row["n"] for row in rows}
