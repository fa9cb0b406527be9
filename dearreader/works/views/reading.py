from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from dearreader.works.access import readable_work
from dearreader.works.models import Chapter, Series, SeriesPart, Tag, Work

WORKS_PER_PAGE = 20


def home(request: HttpRequest) -> HttpResponse:
    recent = Work.objects.visible_to(request.user).posted().unmuted_for(request.user)
    recent = recent.for_blurbs()[:6]
    return render(request, "works/home.html", {"works": recent})


def work_list(request: HttpRequest) -> HttpResponse:
    """Every work a reader may see; ``?tag=N`` narrows it to the works with that tag."""
    works = Work.objects.visible_to(request.user).posted().unmuted_for(request.user).for_blurbs()
    tag = None
    if "tag" in request.GET:
        if not request.GET["tag"].isdigit():
            raise Http404("No such tag.")
        tag = get_object_or_404(Tag, pk=request.GET["tag"])
        works = works.filter(tags=tag)
    page = Paginator(works, WORKS_PER_PAGE).get_page(request.GET.get("page"))
    query = f"tag={tag.pk}&" if tag else ""
    context = {"page": page, "works": page.object_list, "tag": tag, "query": query}
    return render(request, "works/work_list.html", context)


def _chapters(request: HttpRequest, work: Work) -> list[Chapter]:
    return list(Chapter.objects.visible_to(request.user, work).defer("body"))


def _neighbours(chapters: list[Chapter], chapter: Chapter) -> tuple[Chapter | None, ...]:
    index = next(i for i, c in enumerate(chapters) if c.pk == chapter.pk)
    previous = chapters[index - 1] if index > 0 else None
    following = chapters[index + 1] if index + 1 < len(chapters) else None
    return previous, following


@dataclass(frozen=True)
class SeriesPlace:
    """Where a work stands in one series, as this reader sees the series."""

    series: Series
    number: int
    previous: SeriesPart | None
    next: SeriesPart | None
    next_is_announced: bool


def _series_places(request: HttpRequest, work: Work) -> list[SeriesPlace]:
    parts = list(
        SeriesPart.objects.shown_to(request.user)
        .filter(series__parts__work=work)
        .select_related("series")
        .order_by("series_id", "position")
    )
    places = []
    for series_id in dict.fromkeys(part.series_id for part in parts):
        shown = [p for p in parts if p.series_id == series_id]
        index = next((i for i, p in enumerate(shown) if p.work_id == work.pk), None)
        if index is None:
            continue
        previous = shown[index - 1] if index > 0 else None
        following = shown[index + 1] if index + 1 < len(shown) else None
        announced = following is not None and following.is_announced_to(request.user)
        places.append(SeriesPlace(shown[index].series, index + 1, previous, following, announced))
    return places


def _reading_page(request: HttpRequest, work: Work, chapter: Chapter | None) -> HttpResponse:
    chapters = _chapters(request, work)
    if chapter is None and chapters:
        chapter = chapters[0]
    previous = following = None
    if chapter is not None:
        previous, following = _neighbours(chapters, chapter)
    return render(
        request,
        "works/work_detail.html",
        {
            "work": work,
            "chapters": chapters,
            "chapter": chapter,
            "previous": previous,
            "next": following,
            "is_owner": work.is_owned_by(request.user),
            "inspiration": work.inspiration_for(request.user),
            "show_preface": chapter is None or chapter.pk == chapters[0].pk,
            "series_places": _series_places(request, work),
        },
    )


def work_detail(request: HttpRequest, pk: int) -> HttpResponse:
    work = readable_work(request, pk)
    if request.GET.get("view_full_work") == "true":  # AO3's address of the entire work
        return _full_page(request, work)
    return _reading_page(request, work, None)


def chapter_detail(request: HttpRequest, work_pk: int, pk: int) -> HttpResponse:
    work = readable_work(request, work_pk)
    chapter = get_object_or_404(Chapter.objects.visible_to(request.user, work), pk=pk)
    return _reading_page(request, work, chapter)


def work_full(request: HttpRequest, pk: int) -> HttpResponse:
    return _full_page(request, readable_work(request, pk))


def _full_page(request: HttpRequest, work: Work) -> HttpResponse:
    chapters = list(Chapter.objects.visible_to(request.user, work))
    return render(
        request,
        "works/work_full.html",
        {
            "work": work,
            "chapters": chapters,
            "is_owner": work.is_owned_by(request.user),
            "inspiration": work.inspiration_for(request.user),
        },
    )


def chapter_index(request: HttpRequest, pk: int) -> HttpResponse:
    work = readable_work(request, pk)
    return render(
        request, "works/chapter_index.html", {"work": work, "chapters": _chapters(request, work)}
    )
