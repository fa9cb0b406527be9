"""Atom feeds of a work's chapters, an author's works and a series' parts.

Each feed shows what the person asking may read: a feed reader is a guest, so a restricted
work's feed is a 404 to it (nothing, not even the title), as are an author's restricted works.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed

from dearreader.accounts.models import Member
from dearreader.community import limits
from dearreader.works.models import Chapter, Series, Work


@dataclass
class Listing:
    """What one feed shows: its subject, and the items this reader may see."""

    title: str
    link: str
    subtitle: str
    items: list


class _AtomFeed(Feed):
    feed_type = Atom1Feed

    def title(self, obj: Listing) -> str:
        return obj.title

    def link(self, obj: Listing) -> str:
        return obj.link

    def subtitle(self, obj: Listing) -> str:
        return obj.subtitle

    def items(self, obj: Listing) -> list:
        return obj.items


class WorkFeed(_AtomFeed):
    def get_object(self, request: HttpRequest, pk: int) -> Listing:  # type: ignore[override]
        work = (
            Work.objects.visible_to(request.user)
            .posted()
            .select_related("pen_name__member")
            .filter(pk=pk)
            .first()
        )
        if work is None:
            raise Http404("No such work.")
        chapters = list(
            work.chapters.posted().order_by("-posted_at", "-position")[: limits.FEED_ITEMS]
        )
        for chapter in chapters:
            chapter.work = work
        return Listing(
            f"{work.title} by {work.pen_name.display_name}",
            work.get_absolute_url(),
            f"New chapters of “{work.title}”.",
            chapters,
        )

    def item_title(self, item: Chapter) -> str:
        return item.heading

    def item_description(self, item: Chapter) -> str:
        return f"{item.word_count} words. {item.notes_begin_html}"

    def item_pubdate(self, item: Chapter) -> datetime | None:
        return item.posted_at


def _work_item_description(item: Work) -> str:
    return f"<p>by {item.pen_name.display_name}</p>{item.summary_html}"


class AuthorFeed(_AtomFeed):
    def get_object(self, request: HttpRequest, username: str) -> Listing:  # type: ignore[override]
        member = get_object_or_404(Member, username=username, is_active=True)
        works = list(
            Work.objects.visible_to(request.user)
            .posted()
            .filter(pen_name__member=member)
            .select_related("pen_name__member")
            .order_by("-posted_at")[: limits.FEED_ITEMS]
        )
        return Listing(
            f"Works by {member.username}",
            member.get_absolute_url(),
            f"New works by {member.username}.",
            works,
        )

    def item_title(self, item: Work) -> str:
        return item.title

    def item_description(self, item: Work) -> str:
        return _work_item_description(item)

    def item_pubdate(self, item: Work) -> datetime | None:
        return item.posted_at


class SeriesFeed(_AtomFeed):
    def get_object(self, request: HttpRequest, pk: int) -> Listing:  # type: ignore[override]
        series = get_object_or_404(
            Series.objects.visible_to(request.user).select_related("pen_name"), pk=pk
        )
        works = list(
            Work.objects.visible_to(request.user)
            .posted()
            .filter(series_parts__series=series)
            .select_related("pen_name__member")
            .order_by("-posted_at")[: limits.FEED_ITEMS]
        )
        return Listing(
            f"{series.title} (a series by {series.pen_name.name})",
            series.get_absolute_url(),
            f"New parts of the series “{series.title}”.",
            works,
        )

    def item_title(self, item: Work) -> str:
        return item.title

    def item_description(self, item: Work) -> str:
        return _work_item_description(item)

    def item_pubdate(self, item: Work) -> datetime | None:
        return item.posted_at
