from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from dearreader.accounts.models import Member
from dearreader.accounts.requests import MemberRequest
from dearreader.library import services
from dearreader.library.forms import BookmarkForm, PositionForm
from dearreader.library.limits import BOOKMARKS_PER_PAGE, HISTORY_PER_PAGE, POSITION_RATE
from dearreader.library.models import Bookmark, Reading
from dearreader.works.access import posted_work, readable_work
from dearreader.works.models import Chapter


@login_required
@ratelimit(key="user", rate="60/h", method="POST", block=True)
def bookmark_edit(request: MemberRequest, pk: int) -> HttpResponse:
    work = posted_work(request, pk)
    bookmark = Bookmark.objects.filter(member=request.user, work=work).first()
    form = BookmarkForm.for_bookmark(bookmark, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.bookmark_save(
            member=request.user,
            work=work,
            notes=form.cleaned_data["notes"],
            is_private=form.cleaned_data["is_private"],
            tag_names=form.cleaned_data["tags"],
        )
        messages.success(request, "Bookmark saved." if bookmark else "Bookmarked.")
        return redirect(work)
    return render(
        request, "library/bookmark_form.html", {"work": work, "form": form, "bookmark": bookmark}
    )


@login_required
@require_POST
def bookmark_delete(request: MemberRequest, pk: int) -> HttpResponse:
    bookmark = get_object_or_404(Bookmark, work_id=pk, member=request.user)
    services.bookmark_delete(bookmark=bookmark)
    messages.success(request, "Bookmark removed.")
    return redirect("works:detail", pk)


def work_bookmarks(request: HttpRequest, pk: int) -> HttpResponse:
    work = posted_work(request, pk)
    bookmarks = Bookmark.objects.visible_to(request.user).filter(work=work).for_lists()
    page = Paginator(bookmarks, BOOKMARKS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "library/work_bookmarks.html",
        {"work": work, "page": page, "bookmarks": page.object_list},
    )


def member_bookmarks(request: HttpRequest, username: str) -> HttpResponse:
    member = get_object_or_404(Member, username=username, is_active=True)
    bookmarks = Bookmark.objects.visible_to(request.user).filter(member=member).for_lists()
    page = Paginator(bookmarks, BOOKMARKS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "library/member_bookmarks.html",
        {"member": member, "page": page, "bookmarks": page.object_list},
    )


@login_required
@require_POST
def mark_for_later(request: MemberRequest, pk: int) -> HttpResponse:
    work = posted_work(request, pk)
    later = request.POST.get("later") != "false"
    services.reading_mark_for_later(member=request.user, work=work, later=later)
    messages.success(request, "Marked for later." if later else "Taken off your reading list.")
    return redirect(work)


@login_required
@require_POST
@ratelimit(key="user", rate=POSITION_RATE, block=True)
def reading_position(request: MemberRequest, pk: int) -> HttpResponse:
    """The reader's script reports the place on the page (the chapter and the paragraph at
    the top of the screen); it answers with no content."""
    work = readable_work(request, pk)
    form = PositionForm(request.POST, chapters=Chapter.objects.visible_to(request.user, work))
    if not form.is_valid():
        return HttpResponseBadRequest("Not a place in this work.", content_type="text/plain")
    services.reading_record(
        member=request.user,
        work=work,
        chapter=form.cleaned_data["chapter"],
        paragraph=form.cleaned_data["paragraph"],
    )
    return HttpResponse(status=204)


@login_required
def history(request: MemberRequest) -> HttpResponse:
    readings = Reading.objects.of(request.user)
    later = readings.filter(for_later=True).order_by("-marked_at")
    read = readings.filter(read_at__isnull=False).order_by("-read_at")
    page = Paginator(read, HISTORY_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "library/history.html",
        {"later": later, "page": page, "readings": page.object_list},
    )
