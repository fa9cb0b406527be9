from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from dearreader.accounts.requests import MemberRequest
from dearreader.works import series as services
from dearreader.works.forms import ChapterForm, SeriesAddForm, SeriesForm, WorkForm
from dearreader.works.models import Series, SeriesPart


def series_detail(request: HttpRequest, pk: int) -> HttpResponse:
    series = get_object_or_404(
        Series.objects.visible_to(request.user).select_related("pen_name__member"), pk=pk
    )
    parts = list(series.parts.shown_to(request.user))
    is_owner = series.is_owned_by(request.user)
    add_form = SeriesAddForm(series=series) if is_owner else None
    return render(
        request,
        "works/series_detail.html",
        {"series": series, "parts": parts, "is_owner": is_owner, "add_form": add_form},
    )


def _own_series(request: MemberRequest, pk: int) -> Series:
    return get_object_or_404(
        Series.objects.select_related("pen_name__member"), pk=pk, pen_name__member=request.user
    )


def _own_part(request: MemberRequest, pk: int) -> SeriesPart:
    return get_object_or_404(
        SeriesPart.objects.select_related("series__pen_name__member"),
        pk=pk,
        series__pen_name__member=request.user,
    )


@login_required
def series_new(request: MemberRequest) -> HttpResponse:
    form = SeriesForm(request.POST or None, member=request.user)
    if request.method == "POST" and form.is_valid():
        series = services.series_create(
            pen_name=form.cleaned_data["pen_name"],
            title=form.cleaned_data["title"],
            summary=form.cleaned_data["summary"],
        )
        messages.success(request, "Series made: now add works to it, or announce a sequel.")
        return redirect(series)
    return render(request, "works/series_form.html", {"form": form})


@login_required
def series_edit(request: MemberRequest, pk: int) -> HttpResponse:
    series = _own_series(request, pk)
    form = SeriesForm(request.POST or None, instance=series, member=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Series saved.")
        return redirect(series)
    return render(request, "works/series_form.html", {"form": form, "series": series})


@login_required
@require_POST
def series_add(request: MemberRequest, pk: int) -> HttpResponse:
    series = _own_series(request, pk)
    form = SeriesAddForm(request.POST, series=series)
    if form.is_valid():
        try:
            if form.cleaned_data["work"]:
                services.series_add_work(series=series, work=form.cleaned_data["work"])
                messages.success(request, "Work added to the series.")
            else:
                services.series_announce(series=series, title=form.cleaned_data["announce"])
                messages.success(request, "Sequel announced.")
        except services.SeriesProblem as e:
            form.add_error(None, str(e))
    if form.errors:
        parts = list(series.parts.shown_to(request.user))
        return render(
            request,
            "works/series_detail.html",
            {"series": series, "parts": parts, "is_owner": True, "add_form": form},
            status=400,
        )
    return redirect(series)


@login_required
@require_POST
def part_move(request: MemberRequest, pk: int) -> HttpResponse:
    part = _own_part(request, pk)
    services.series_move_part(part=part, by=-1 if request.POST.get("direction") == "up" else 1)
    return redirect(part.series)


@login_required
@require_POST
def part_remove(request: MemberRequest, pk: int) -> HttpResponse:
    part = _own_part(request, pk)
    services.series_remove_part(part=part)
    messages.success(request, "Removed from the series (the work itself is untouched).")
    return redirect(part.series)


@login_required
def sequel_write(request: MemberRequest, pk: int) -> HttpResponse:
    """Write an announced sequel: the posting form, with the announced title filled in."""
    part = _own_part(request, pk)
    if part.work_id is not None:
        messages.error(request, "This part has already been written.")
        return redirect(part.series)
    initial = {"title": part.title}
    work_form = WorkForm(request.POST or None, member=request.user, prefix="work", initial=initial)
    chapter_form = ChapterForm(request.POST or None, prefix="chapter")
    if request.method == "POST" and work_form.is_valid() and chapter_form.is_valid():
        work = services.sequel_write(
            part=part,
            work=work_form.save(commit=False),
            chapters=[chapter_form.save(commit=False)],
            tag_names=work_form.tag_names(),
            warnings=work_form.cleaned_data["warnings"],
            post="post" in request.POST,
        )
        messages.success(request, "Sequel posted." if not work.is_draft else "Draft saved.")
        return redirect(work)
    return render(
        request,
        "works/work_form.html",
        {"work_form": work_form, "chapter_form": chapter_form, "sequel": part},
    )
