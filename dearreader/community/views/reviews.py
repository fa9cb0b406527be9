from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from dearreader.accounts.requests import MemberRequest
from dearreader.community import limits, reading, services
from dearreader.community.forms import ReplyForm, ReviewForm, ReviewSettingsForm
from dearreader.community.models import Review, ReviewSettings, ReviewStatus
from dearreader.community.views import back, refused
from dearreader.lib.clients import address_hash
from dearreader.works.access import own_work, readable_work
from dearreader.works.models import Chapter


def _reviewer_key(group: str, request: HttpRequest) -> str:
    if request.user.is_authenticated:
        return f"member:{request.user.pk}"
    return "guest:" + address_hash(request, "reviews")


def _review_rate(group: str, request: HttpRequest) -> str:
    return limits.MEMBER_REVIEW_RATE if request.user.is_authenticated else limits.GUEST_REVIEW_RATE


TOO_MANY = (
    "You have sent several reviews in a short time, so this one waits: send it again in a few "
    "minutes. Your text is still here."
)


@require_POST
@ratelimit(key=_reviewer_key, rate=_review_rate, method="POST", block=False)
def review_new(request: HttpRequest, work_pk: int, pk: int) -> HttpResponse:
    work = readable_work(request, work_pk)
    chapter = get_object_or_404(Chapter.objects.visible_to(request.user, work), pk=pk)
    guest = not request.user.is_authenticated
    form = ReviewForm(request.POST, guest=guest)
    if form.is_valid() and getattr(request, "limited", False):
        form.add_error(None, TOO_MANY)
    if form.is_valid():
        try:
            review = services.review_post(
                chapter=chapter,
                body=form.cleaned_data["body"],
                member=request.user,
                guest_name=form.cleaned_data.get("name", ""),
                guest_address=address_hash(request, "reviews") if guest else "",
            )
        except services.Refused as problem:
            return refused(request, problem)
        if review.status == ReviewStatus.HELD:
            messages.success(
                request, "Thank you! The author will read your review before it shows."
            )
        else:
            messages.success(request, "Thank you for your review!")
        return redirect(chapter.get_absolute_url() + f"#review-{review.pk}")
    return render(
        request,
        "community/review_form.html",
        {"form": form, "work": work, "chapter": chapter},
        status=429 if getattr(request, "limited", False) else 400,
    )


def reviews(request: HttpRequest, pk: int) -> HttpResponse:
    """All the reviews of a work, newest first, chapter by chapter if asked."""
    work = readable_work(request, pk)
    chapters = list(Chapter.objects.visible_to(request.user, work).only("pk", "position", "title"))
    chosen = request.GET.get("chapter")
    chapter = next((c for c in chapters if str(c.pk) == chosen), None)
    page = reading.reviews_page(request, work, chapter, request.GET.get("page"))
    return render(
        request,
        "community/reviews.html",
        {
            "work": work,
            "chapters": chapters,
            "chapter": chapter,
            "page": page,
            "is_owner": work.is_owned_by(request.user),
            "page_extra": f"chapter={chapter.pk}&" if chapter else "",
        },
    )


def _own_review(request: MemberRequest, pk: int) -> Review:
    """A review of one of this member's works; a deleted one is gone, with a clear 404."""
    review = (
        Review.objects.select_related("work__pen_name__member", "member")
        .filter(pk=pk, work__pen_name__member=request.user)
        .first()
    )
    if review is None:
        raise Http404("That review is not there any more: it may have been deleted.")
    return review


@login_required
@require_POST
def reply(request: MemberRequest, pk: int) -> HttpResponse:
    review = _own_review(request, pk)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            services.review_reply(
                review=review, member=request.user, body=form.cleaned_data["body"]
            )
        except services.Refused as problem:
            return refused(request, problem)
        messages.success(request, "Reply posted.")
        return redirect(review.chapter.get_absolute_url() + f"#review-{review.pk}")
    return render(
        request, "community/reply_form.html", {"form": form, "review": review}, status=400
    )


@login_required
@require_POST
def moderate(request: MemberRequest, pk: int, action: str) -> HttpResponse:
    review = _own_review(request, pk)
    try:
        services.review_moderate(review=review, member=request.user, action=action)
    except services.Refused as problem:
        return refused(request, problem)
    done = {"approve": "approved", "hide": "hidden", "show": "shown again", "delete": "deleted"}
    messages.success(request, f"Review {done.get(action, action)}.")
    return back(request, review.work.get_absolute_url())


@login_required
def review_settings(request: MemberRequest, pk: int) -> HttpResponse:
    work = own_work(request, pk)
    form = ReviewSettingsForm(request.POST or None, instance=ReviewSettings.of(work))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Review settings saved.")
        return redirect(work)
    return render(request, "community/review_settings.html", {"form": form, "work": work})
