from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from dearreader.accounts.requests import MemberRequest
from dearreader.works import scheduling
from dearreader.works.access import own_chapter, own_work
from dearreader.works.forms import ScheduleForm
from dearreader.works.models import Chapter, Work


def _schedule(request: MemberRequest, item: Work | Chapter, work: Work) -> HttpResponse:
    form = ScheduleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        when = form.cleaned_data["when"]
        try:
            if isinstance(item, Work):
                scheduling.work_schedule(work=item, when=when)
            else:
                scheduling.chapter_schedule(chapter=item, when=when)
        except scheduling.ScheduleProblem as e:
            form.add_error("when", str(e))
        else:
            messages.success(request, f"Scheduled: it goes up on {when:%A %-d %B %Y at %H:%M}.")
            return redirect(item)
    return render(
        request,
        "works/schedule_form.html",
        {"form": form, "item": item, "work": work},
        status=400 if form.errors else 200,
    )


@login_required
def work_schedule(request: MemberRequest, pk: int) -> HttpResponse:
    work = own_work(request, pk)
    return _schedule(request, work, work)


@login_required
def chapter_schedule(request: MemberRequest, work_pk: int, pk: int) -> HttpResponse:
    chapter = own_chapter(request, work_pk, pk)
    return _schedule(request, chapter, chapter.work)


@login_required
@require_POST
def work_unschedule(request: MemberRequest, pk: int) -> HttpResponse:
    work = own_work(request, pk)
    scheduling.schedule_cancel(item=work)
    messages.success(request, "Schedule cancelled: it stays a draft.")
    return redirect(work)


@login_required
@require_POST
def chapter_unschedule(request: MemberRequest, work_pk: int, pk: int) -> HttpResponse:
    chapter = own_chapter(request, work_pk, pk)
    scheduling.schedule_cancel(item=chapter)
    messages.success(request, "Schedule cancelled: it stays a draft.")
    return redirect(chapter)
