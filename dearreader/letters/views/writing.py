"""Writing a letter: the form, the draft saved as it is written (by letters.js, or the "Save
draft" button), sending it now or on a date, and keeping what was written when the session
has expired (the text goes through the login and comes back as a saved draft)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from dearreader.accounts.requests import MemberRequest
from dearreader.letters import kept, services
from dearreader.letters.access import held_copy, own_draft, own_letter
from dearreader.letters.forms import LetterForm
from dearreader.letters.models import Audience, Letter, Status
from dearreader.lib.ratelimit import over_limit, throttle
from dearreader.lib.text import clean_line

TOO_MANY = (
    "You have sent a lot of letters in a short time, so this one waits in your drafts: "
    "send it again later."
)


def _fresh(request: MemberRequest) -> Letter:
    """A new letter: to the member `?to=` names, or, with `?reply=`, an answer."""
    reply = request.GET.get("reply", "")
    if reply.isdigit():
        return services.reply_draft(to=held_copy(request, int(reply)), member=request.user)
    return Letter(writer=request.user, to=clean_line(request.GET.get("to", ""))[:200])


def _urls(letter: Letter, request: HttpRequest) -> dict[str, str]:
    if letter.pk:
        return {
            "edit": reverse("letters:edit", args=[letter.pk]),
            "save": reverse("letters:autosave", args=[letter.pk]),
        }
    query = request.GET.urlencode()
    here = reverse("letters:new") + (f"?{query}" if query else "")
    return {"edit": here, "save": reverse("letters:autosave_new") + (f"?{query}" if query else "")}


def _page(
    request: HttpRequest, form: LetterForm, letter: Letter, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "letters/write.html",
        {"form": form, "letter": letter, "urls": _urls(letter, request)},
        status=status,
    )


def _restore(request: MemberRequest, letter: Letter) -> HttpResponse | None:
    """After a login round trip: save what was posted while logged out into the draft."""
    fields = kept.take(request, letter.pk)
    if fields is None:
        return None
    form = LetterForm(fields, instance=letter, member=request.user)
    if not form.is_valid():
        return _page(request, form, letter, status=400)
    letter = services.letter_save(letter=form.save(commit=False))
    messages.success(
        request,
        "You were logged out while writing. What you wrote is back, and saved in your drafts; "
        "nothing was sent.",
    )
    return redirect("letters:edit", letter.pk)


def new(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return _logged_out(request, None)
    member_request: MemberRequest = request  # type: ignore[assignment]
    try:
        letter = _fresh(member_request)
    except services.Refused as problem:
        messages.error(request, str(problem))
        return redirect("letters:mailbag")
    return _writing(member_request, letter)


def edit(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return _logged_out(request, pk)
    member_request: MemberRequest = request  # type: ignore[assignment]
    letter = own_letter(member_request, pk)
    if letter.status != Status.DRAFT:
        return redirect(letter)
    return _writing(member_request, letter)


def _writing(request: MemberRequest, letter: Letter) -> HttpResponse:
    if request.method == "POST":
        return _write(request, letter)
    restored = _restore(request, letter)
    if restored:
        return restored
    return _page(request, LetterForm(instance=letter, member=request.user), letter)


def _logged_out(request: HttpRequest, pk: int | None) -> HttpResponse:
    """The session ended while the member was writing: keep what the form carried, and bring
    it back after they log in."""
    if request.method == "POST":
        kept.keep(request, pk)
    target = reverse("letters:edit", args=[pk]) if pk else request.get_full_path()
    return redirect_to_login(target)


def _write(request: MemberRequest, letter: Letter) -> HttpResponse:
    form = LetterForm(request.POST, instance=letter, member=request.user)
    if not form.is_valid():
        return _page(request, form, letter, status=400)
    try:
        letter = services.letter_save(letter=form.save(commit=False))
    except services.Refused as problem:
        messages.error(request, str(problem))
        return redirect(letter)
    action = request.POST.get("action", "save")
    if action not in {"send", "schedule"}:
        messages.success(request, "Saved in your drafts.")
        return redirect("letters:edit", letter.pk)
    when = form.cleaned_data.get("deliver_at")
    if action == "schedule" and when is None:
        form.add_error("deliver_at", "Choose the date and time to deliver it.")
        return _page(request, form, letter, status=400)
    try:
        services.letter_check(letter=letter)
        if _throttled(request, letter):
            form.add_error(None, TOO_MANY)
            return _page(request, form, letter, status=429)
        if action == "schedule" and when is not None:
            services.letter_schedule(letter=letter, when=when)
            messages.success(request, "In your “to be delivered” tray until its date.")
            return redirect("letters:waiting")
        sent = services.letter_send(letter=letter)
    except (services.Refused, services.Unreachable) as problem:
        form.add_error(None, f"{problem} The letter is saved in your drafts.")
        return _page(request, form, letter, status=400)
    count = sent.recipient_count
    messages.success(request, f"Sent to {count:,} member{'s' if count != 1 else ''}.")
    return redirect(sent)


def _throttled(request: MemberRequest, letter: Letter) -> bool:
    """Every letter sent counts; a letter to a work's followers or reviewers counts twice."""
    over = over_limit(request, "letter")
    if letter.audience != Audience.MEMBERS and letter.correspondence_id is None:
        over |= over_limit(request, "letter_many")
    return over


@require_POST
@throttle("letter_draft")
def autosave(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """letters.js saves the draft here at each pause in typing, and as the page closes.
    JSON either way; a session that has ended is a 401 (the script keeps the text)."""
    if not request.user.is_authenticated:
        message = "You are logged out. What you write is kept in this browser: log in to save it."
        return JsonResponse({"error": message, "login": reverse("accounts:login")}, status=401)
    member_request: MemberRequest = request  # type: ignore[assignment]
    if pk is None:
        letter = _fresh(member_request)
    else:
        letter = get_object_or_404(Letter, pk=pk, writer=request.user, writer_deleted_at=None)
        if letter.status != Status.DRAFT:
            return JsonResponse({"error": services.LEFT_DRAFTS}, status=409)
    form = LetterForm(request.POST, instance=letter, member=member_request.user)
    if not form.is_valid():
        problems = [str(error) for errors in form.errors.values() for error in errors]
        return JsonResponse({"error": " ".join(problems)}, status=400)
    try:
        letter = services.letter_save(letter=form.save(commit=False))
    except services.Refused as problem:
        return JsonResponse({"error": str(problem)}, status=409)
    saved = timezone.localtime(letter.updated_at)
    return JsonResponse(
        {
            "id": letter.pk,
            "edit_url": reverse("letters:edit", args=[letter.pk]),
            "save_url": reverse("letters:autosave", args=[letter.pk]),
            "version": letter.version,
            "saved": f"Saved at {saved:%H:%M:%S}",
        }
    )


@never_cache
def token(request: HttpRequest) -> HttpResponse:
    """A fresh CSRF token for letters.js, after a login in another tab changed it."""
    return JsonResponse({"token": get_token(request)})


@login_required
@require_POST
def discard(request: MemberRequest, pk: int) -> HttpResponse:
    services.letter_discard(letter=own_draft(request, pk))
    messages.success(request, "The draft is thrown away.")
    return redirect("letters:drafts")
