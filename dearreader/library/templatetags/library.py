"""What the library adds to pages of other apps: the work page's bookmark and reading panel,
and the link to a member's bookmarks on their profile."""

from typing import Any

from django import template
from django.db.models import Count, Q

from dearreader.accounts.models import Member
from dearreader.library.models import Bookmark, Reading
from dearreader.works.models import Work

register = template.Library()


@register.inclusion_tag("library/_work_panel.html", takes_context=True)
def library_panel(context: template.Context, work: Work) -> dict[str, Any]:
    viewer = context["request"].user
    member = viewer if viewer.is_authenticated else None
    counts = Bookmark.objects.filter(work=work).aggregate(
        public=Count("pk", filter=Q(is_private=False)),
        mine=Count("pk", filter=Q(member=member)) if member else Count("pk", filter=Q(pk=None)),
    )
    reading = None
    if member is not None and not work.is_draft:
        reading = Reading.objects.filter(member=member, work=work).select_related("chapter").first()
    place = (
        reading.chapter if reading and reading.chapter and not reading.chapter.is_draft else None
    )
    return {
        "work": work,
        "member": member,
        "public_bookmarks": counts["public"],
        "bookmarked": bool(counts["mine"]),
        "reading": reading,
        "place": place,
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag(takes_context=True)
def visible_bookmark_count(context: template.Context, member: Member) -> int:
    return Bookmark.objects.visible_to(context["request"].user).filter(member=member).count()
