from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from dearreader.accounts.requests import MemberRequest
from dearreader.lib.ratelimit import throttle
from dearreader.works import services
from dearreader.works.access import own_chapter, own_work
from dearreader.works.forms import ChapterForm, WorkForm
from dearreader.works.models import Work


def _wants_post(request: HttpRequest) -> bool:
    """The form has two submit buttons: "Post" and "Save as draft"."""
    return "post" in request.POST


@login_required
@throttle("post")
def work_new(request: MemberRequest) -> HttpResponse:
    work_form = WorkForm(request.POST or None, member=request.user, prefix="work")
    chapter_form = ChapterForm(request.POST or None, prefix="chapter")
    if request.method == "POST" and work_form.is_valid() and chapter_form.is_valid():
        work = services.work_create(
            work=work_form.save(commit=False),
            chapters=[chapter_form.save(commit=False)],
            tag_names=work_form.tag_names(),
            warnings=work_form.cleaned_data["warnings"],
            post=_wants_post(request),
        )
        messages.success(request, "Work posted." if not work.is_draft else "Draft saved.")
        return redirect(work)
    return render(
        request, "works/work_form.html", {"work_form": work_form, "chapter_form": chapter_form}
    )


@login_required
@throttle("edit")
def work_edit(request: MemberRequest, pk: int) -> HttpResponse:
    work = own_work(request, pk)
    form = WorkForm(request.POST or None, instance=work, member=request.user, prefix="work")
    if request.method == "POST" and form.is_valid():
        services.work_update(
            work=form.save(commit=False),
            tag_names=form.tag_names(),
            warnings=form.cleaned_data["warnings"],
        )
        messages.success(request, "Work updated.")
        return redirect(work)
    return render(request, "works/work_form.html", {"work_form": form, "work": work})


@login_required
@require_POST
@throttle("edit")
def work_post(request: MemberRequest, pk: int) -> HttpResponse:
    work = services.work_post(work=own_work(request, pk))
    messages.success(request, "Work posted.")
    return redirect(work)


@login_required
@throttle("edit")
def work_delete(request: MemberRequest, pk: int) -> HttpResponse:
    work = own_work(request, pk)
    if request.method == "POST":
        title = work.title
        services.work_delete(work=work)
        messages.success(request, f"“{title}” was deleted.")
        return redirect("accounts:profile", request.user.get_username())
    return render(request, "works/confirm_delete.html", {"work": work, "thing": work.title})


@login_required
@throttle("chapter")
def chapter_new(request: MemberRequest, pk: int) -> HttpResponse:
    work = own_work(request, pk)
    form = ChapterForm(request.POST or None, prefix="chapter")
    if request.method == "POST" and form.is_valid():
        chapter = services.chapter_add(
            work=work, chapter=form.save(commit=False), post=_wants_post(request)
        )
        messages.success(request, "Chapter posted." if not chapter.is_draft else "Draft saved.")
        return redirect(chapter)
    return render(request, "works/chapter_form.html", {"form": form, "work": work})


@login_required
@throttle("edit")
def chapter_edit(request: MemberRequest, work_pk: int, pk: int) -> HttpResponse:
    chapter = own_chapter(request, work_pk, pk)
    form = ChapterForm(request.POST or None, instance=chapter, prefix="chapter")
    if request.method == "POST" and form.is_valid():
        services.chapter_update(chapter=form.save(commit=False))
        messages.success(request, "Chapter updated.")
        return redirect(chapter)
    return render(
        request, "works/chapter_form.html", {"form": form, "work": chapter.work, "chapter": chapter}
    )


@login_required
@require_POST
@throttle("edit")
def chapter_post(request: MemberRequest, work_pk: int, pk: int) -> HttpResponse:
    chapter = own_chapter(request, work_pk, pk)
    if chapter.work.is_draft:
        services.work_post(work=chapter.work)
    else:
        services.chapter_post(chapter=chapter)
    messages.success(request, "Chapter posted.")
    return redirect(chapter)


@login_required
@throttle("edit")
def chapter_delete(request: MemberRequest, work_pk: int, pk: int) -> HttpResponse:
    chapter = own_chapter(request, work_pk, pk)
    work: Work = chapter.work
    if request.method == "POST":
        try:
            services.chapter_delete(chapter=chapter)
        except services.LastChapter as e:
            messages.error(request, str(e))
            return redirect(chapter)
        messages.success(request, f"{chapter.heading} was deleted.")
        return redirect(work)
    return render(
        request,
        "works/confirm_delete.html",
        {"work": work, "chapter": chapter, "thing": f"{chapter.heading} of “{work.title}”"},
    )
