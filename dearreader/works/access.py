"""The one place views ask "may this person see or change this work?"."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from dearreader.works.models import Chapter, Status, Work


class LoginNeeded(Exception):
    """A guest asked for a restricted work: send them to log in, then back."""


def readable_work(request: HttpRequest, pk: int) -> Work:
    found = (
        Work.objects.visible_to(request.user)
        .select_related("pen_name__member", "inspired_by_work__pen_name__member")
        .prefetch_related("tags")
        .filter(pk=pk)
        .first()
    )
    if found is not None:
        return found
    if (
        not request.user.is_authenticated
        and Work.objects.filter(pk=pk, status=Status.POSTED, restricted=True).exists()
    ):
        raise LoginNeeded
    raise Http404("No such work.")


def posted_work(request: HttpRequest, pk: int) -> Work:
    """A work as a reader keeps it (downloads, bookmarks): posted, never a draft, not even
    for its author."""
    work = readable_work(request, pk)
    if work.is_draft:
        raise Http404("No such work.")
    return work


def own_work(request: HttpRequest, pk: int) -> Work:
    """The work if the signed-in member wrote it; 404 otherwise, so drafts are never confirmed."""
    return get_object_or_404(
        Work.objects.select_related("pen_name__member"), pk=pk, pen_name__member=request.user
    )


def own_chapter(request: HttpRequest, work_pk: int, pk: int) -> Chapter:
    return get_object_or_404(
        Chapter.objects.select_related("work__pen_name__member"),
        pk=pk,
        work_id=work_pk,
        work__pen_name__member=request.user,
    )


class LoginNeededMiddleware:
    def __init__(self, get_response):  # type: ignore[no-untyped-def]
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, LoginNeeded):
            return redirect_to_login(request.get_full_path())
        return None
