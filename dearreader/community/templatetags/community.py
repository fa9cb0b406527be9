"""The community's parts of pages other apps render (reading pages, blurbs, profiles).

The works and accounts apps know nothing of reviews or faves; their templates (which live in
the project's templates folder, above the apps) ask for these parts by name.
"""

from typing import Any

from django import template

from dearreader.accounts.models import Block, Member, Mute
from dearreader.community import reading
from dearreader.community.forms import ReviewForm
from dearreader.community.models import Audience, Fave, Follow, Preferences
from dearreader.works.models import Chapter, Work

register = template.Library()


def _base(context: template.Context) -> dict[str, Any]:
    request = context["request"]
    return {"request": request, "user": request.user, "csrf_token": context.get("csrf_token")}


@register.inclusion_tag("community/_work_feedback.html", takes_context=True)
def work_feedback(context: template.Context, work: Work) -> dict[str, Any]:
    """Kudos, fave and alert buttons with the counts; the state comes in one query."""
    request = context["request"]
    state = reading.feedback(request, work)
    context["community_feedback"] = state  # the review box below reads it too
    return {
        **_base(context),
        "work": work,
        "state": state,
        "is_owner": work.is_owned_by(request.user),
    }


@register.inclusion_tag("community/_chapter_reviews.html", takes_context=True)
def chapter_reviews(context: template.Context, work: Work, chapter: Chapter) -> dict[str, Any]:
    """The chapter's reviews (newest first, paginated) and the review box."""
    request = context["request"]
    state = context.get("community_feedback") or reading.feedback(request, work)
    page = reading.reviews_page(request, work, chapter, request.GET.get("reviews"))
    guest = not request.user.is_authenticated
    may_review = state.reviews_open and not work.is_owned_by(request.user) and not chapter.is_draft
    if guest and state.audience == Audience.MEMBERS:
        may_review = False
    return {
        **_base(context),
        "work": work,
        "chapter": chapter,
        "page": page,
        "state": state,
        "is_owner": work.is_owned_by(request.user),
        "may_review": may_review,
        "form": ReviewForm(guest=guest) if may_review else None,
    }


@register.inclusion_tag("community/_member_panel.html", takes_context=True)
def member_panel(context: template.Context, member: Member) -> dict[str, Any]:
    """On a profile: fave, alert, block and mute buttons, and the member's faves."""
    request = context["request"]
    user = request.user
    mine = user.is_authenticated and user.pk == member.pk
    shown = mine or Preferences.of(member).faves_public
    faves = list(Fave.objects.filter(member=member).listed_for(user)) if shown else []
    relation: dict[str, bool] = {}
    if user.is_authenticated and not mine:
        relation = {
            "faved": Fave.objects.filter(member=user, author=member).exists(),
            "following": Follow.objects.filter(member=user, author=member).exists(),
            "blocking": Block.objects.filter(blocker=user, blocked=member).exists(),
            "muting": Mute.objects.filter(muter=user, muted=member).exists(),
        }
    return {
        **_base(context),
        "member": member,
        "mine": mine,
        "faves_shown": shown,
        "faves": faves,
        "fave_count": Fave.objects.filter(author=member).count(),
        "relation": relation,
    }
