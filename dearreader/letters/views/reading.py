"""Reading a letter, and what its recipient or its writer does with it."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from dearreader.accounts.requests import MemberRequest
from dearreader.letters import services, threads
from dearreader.letters.access import held_copy, own_letter, readable_letter
from dearreader.letters.forms import ReportForm
from dearreader.letters.models import Copy, Letter, Status
from dearreader.lib import limits
from dearreader.lib.pages import window
from dearreader.lib.ratelimit import throttle


@login_required
def letter(request: MemberRequest, pk: int) -> HttpResponse:
    """The writer and the recipients see the letter in its correspondence; staff see it only
    when a recipient reported it; everyone else gets a 404 (see Letter.objects.visible_to)."""
    found = readable_letter(request, pk)
    if found.writer_id == request.user.pk:
        return _as_writer(request, found)
    copy = (
        Copy.objects.filter(letter=found, recipient=request.user, deleted_at=None)
        .select_related("letter__writer")
        .first()
    )
    if copy is not None:
        return _thread(request, found.correspondence or copy, found.pk)
    reports = found.reports.select_related("copy", "reporter").order_by("created_at")
    return render(request, "letters/reported.html", {"letter": found, "reports": reports})


def _as_writer(request: MemberRequest, found: Letter) -> HttpResponse:
    if found.status == Status.SCHEDULED:
        return render(request, "letters/waiting_letter.html", {"letter": found})
    if found.correspondence is not None:
        return _thread(request, found.correspondence, found.pk)
    only = None if found.to_many else found.copies.select_related("letter__writer").first()
    if only is not None:
        return _thread(request, only, found.pk)
    replied = found.copies.filter(replied_at__isnull=False).order_by("-replied_at", "-pk")
    returned = found.copies.filter(returned_at__isnull=False).order_by("name")
    return render(
        request,
        "letters/overview.html",
        {
            "letter": found,
            "page": window(replied, request.GET.get("page"), limits.LETTERS_PER_PAGE),
            "returned": returned[: limits.LETTERS_PER_PAGE],
        },
    )


def _thread(request: MemberRequest, first: Copy, focus: int) -> HttpResponse:
    entries = threads.correspondence(first, request.user)
    return render(
        request,
        "letters/thread.html",
        {
            "first": first,
            "entries": entries,
            "other": threads.other_party(first, request.user),
            "answer": threads.last_received(entries),
            "focus": focus,
        },
    )


@login_required
def correspondence(request: MemberRequest, pk: int, copy: int) -> HttpResponse:
    """From a letter to many, its writer's correspondence with one of the recipients."""
    first = get_object_or_404(
        Copy.objects.select_related("letter__writer", "recipient"),
        Q(letter__writer=request.user, letter__writer_deleted_at=None)
        | Q(recipient=request.user, deleted_at=None),
        pk=copy,
        letter_id=pk,
    )
    if first.recipient_id == request.user.pk:
        return redirect("letters:letter", pk)  # their copy is the letter, at its own address
    return _thread(request, first, pk)


def _refused(request: MemberRequest, problem: Exception, pk: int) -> HttpResponse:
    messages.error(request, str(problem))
    return redirect("letters:letter", pk)


@login_required
@require_POST
def open_letter(request: MemberRequest, pk: int) -> HttpResponse:
    then = reverse("letters:letter", args=[pk]) + f"#letter-{pk}"
    return _act(request, pk, services.copy_open, "", then)


@login_required
@require_POST
def return_letter(request: MemberRequest, pk: int) -> HttpResponse:
    done = "Returned unopened. Its writer will see that it came back."
    return _act(request, pk, services.copy_return, done, reverse("letters:mailbag"))


def _act(
    request: MemberRequest, pk: int, service: Callable[..., None], done: str, then: str
) -> HttpResponse:
    """What a recipient does with their copy: done, or refused with the reason."""
    try:
        service(copy=held_copy(request, pk))
    except services.Refused as problem:
        return _refused(request, problem, pk)
    if done:
        messages.success(request, done)
    return redirect(then)


@login_required
@require_POST
def archive(request: MemberRequest, pk: int) -> HttpResponse:
    archived = request.POST.get("archived") != "0"
    services.copy_archive(copy=held_copy(request, pk), archived=archived)
    messages.success(request, "Archived." if archived else "Back in your mailbag.")
    return redirect("letters:archived" if not archived else "letters:mailbag")


@login_required
@require_POST
def delete(request: MemberRequest, pk: int) -> HttpResponse:
    """Deletes the member's own copy (a recipient) or takes the letter out of their sent
    letters (its writer); the other side keeps theirs."""
    copy = Copy.objects.filter(letter_id=pk, recipient=request.user, deleted_at=None).first()
    if copy is not None:
        services.copy_delete(copy=copy)
        messages.success(request, "Deleted from your letters. Its writer still has it.")
        return redirect("letters:mailbag")
    try:
        services.letter_delete_for_writer(letter=own_letter(request, pk))
    except services.Refused as problem:
        return _refused(request, problem, pk)
    messages.success(request, "Deleted from your letters. Those you sent it to still have it.")
    return redirect("letters:sent")


@login_required
@throttle("letter_report")
def report(request: MemberRequest, pk: int) -> HttpResponse:
    copy = held_copy(request, pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.copy_report(copy=copy, reason=form.cleaned_data["reason"])
        except services.Refused as problem:
            return _refused(request, problem, pk)
        messages.success(request, "Reported. Staff will read this letter, and only this one.")
        return redirect("letters:letter", pk)
    status = 400 if form.errors else 200
    return render(request, "letters/report.html", {"form": form, "copy": copy}, status=status)


@login_required
@require_POST
def recall(request: MemberRequest, pk: int) -> HttpResponse:
    """Take a letter out of the "to be delivered" tray, back into the drafts."""
    found = own_letter(request, pk)
    try:
        services.letter_recall(letter=found)
    except services.Refused as problem:
        return _refused(request, problem, pk)
    messages.success(request, "Recalled: it will not be delivered. It is back in your drafts.")
    return redirect("letters:edit", pk)
