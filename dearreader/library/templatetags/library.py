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
    if work.is_draft:
        return {"work": work}  # drafts are in no one's library
    viewer = context["request"].user
    member = viewer if viewer.is_authenticated else None
    counts = {"public": Count("pk", filter=Q(is_private=False))}
    reading = None
    if member is not None:
        counts["mine"] = Count("pk", filter=Q(member=member))
        reading = Reading.objects.filter(member=member, work=work).select_related("chapter").first()
    totals = Bookmark.objects.filter(work=work).aggregate(**counts)
    place = (
        reading.chapter if reading and reading.chapter and not reading.chapter.is_draft else None
    )
    return {
        "work": work,
        "member": member,
        "public_bookmarks": totals["public"],
        "bookmarked": bool(totals.get("mine")),
        "reading": reading,
        "place": place,
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag(takes_context=True)
def visible_bookmark_count(context: template.Context, member: Member) -> int:
    return Bookmark.objects.visible_to(context["request"].user).filter(member=member).count()
