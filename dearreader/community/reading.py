"""What a reading page shows of the community, read in a fixed number of queries."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import BooleanField, Exists, OuterRef, Q, Subquery, Value
from django.http import HttpRequest

from dearreader.accounts.models import Block
from dearreader.community import limits
from dearreader.community.models import (
    Audience,
    Fave,
    Follow,
    Kudos,
    Review,
    ReviewSettings,
)
from dearreader.lib.clients import address_hash
from dearreader.works.models import Chapter, Work

KUDOS_COOKIE = "dearreader_kudos"
FIELDS = ["kudos_given", "faved", "following", "blocked", "audience", "hold"]


def guest_token(request: HttpRequest) -> str:
    return request.get_signed_cookie(KUDOS_COOKIE, default="", salt=KUDOS_COOKIE) or ""


@dataclass(frozen=True)
class Feedback:
    """This reader and this work: what they gave, and what the author allows."""

    kudos_given: bool
    faved: bool
    following: bool
    blocked: bool
    audience: str
    hold_guest_reviews: bool

    @property
    def reviews_open(self) -> bool:
        return self.audience != Audience.NOBODY and not self.blocked


def feedback(request: HttpRequest, work: Work) -> Feedback:
    user = request.user
    false = Value(False, output_field=BooleanField())
    flags: dict[str, Exists | Value]
    if user.is_authenticated:
        mine = {"member": user, "work": OuterRef("pk")}
        flags = {
            "kudos_given": Exists(Kudos.objects.filter(**mine)),
            "faved": Exists(Fave.objects.filter(**mine)),
            "following": Exists(Follow.objects.filter(**mine)),
            "blocked": Exists(
                Block.objects.filter(blocker=OuterRef("pen_name__member"), blocked=user)
            ),
        }
    else:
        given = Q(guest_address=address_hash(request, "kudos"))
        token = guest_token(request)
        if token:
            given |= Q(guest_token=token)
        kudos = Kudos.objects.filter(given, work=OuterRef("pk"))
        flags = {"kudos_given": Exists(kudos), "faved": false, "following": false, "blocked": false}
    settings = ReviewSettings.objects.filter(work=OuterRef("pk"))
    row = (
        Work.objects.filter(pk=work.pk)
        .annotate(
            **flags,
            audience=Subquery(settings.values("audience")),
            hold=Subquery(settings.values("hold_guest_reviews")),
        )
        .values(*FIELDS)
        .get()
    )
    return Feedback(
        kudos_given=row["kudos_given"],
        faved=row["faved"],
        following=row["following"],
        blocked=row["blocked"],
        audience=row["audience"] or Audience.ANYONE,
        hold_guest_reviews=bool(row["hold"]),
    )


def reviews_page(
    request: HttpRequest, work: Work, chapter: Chapter | None, number: str | None
) -> Page:
    reviews = Review.objects.visible_to(request.user, work).for_page()
    if chapter is not None:
        reviews = reviews.filter(chapter=chapter)
    return Paginator(reviews, limits.REVIEWS_PER_PAGE).get_page(number)
