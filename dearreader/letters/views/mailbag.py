"""The mailbag and the writer's trays: received, archived, sent, drafts, to be delivered;
search in one's own letters; who may write to me. Lists are paged without counting them."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import OuterRef, Q, Subquery
from django.http import HttpResponse
from django.shortcuts import redirect, render

from dearreader.accounts.requests import MemberRequest
from dearreader.letters.forms import LetterSettingsForm
from dearreader.letters.models import Copy, Letter, LetterSettings
from dearreader.lib import limits
from dearreader.lib.pages import window
from dearreader.lib.text import clean_line


def _listing(request: MemberRequest, template: str, rows: object, **extra: object) -> HttpResponse:
    page = window(rows, request.GET.get("page"), limits.LETTERS_PER_PAGE)
    return render(request, template, {"page": page, **extra})


@login_required
def mailbag(request: MemberRequest) -> HttpResponse:
    """Received letters, newest first; the unopened show only who wrote and when."""
    copies = Copy.objects.held_by(request.user).filter(archived_at=None).for_list()
    return _listing(request, "letters/mailbag.html", copies, archived=False)


@login_required
def archived(request: MemberRequest) -> HttpResponse:
    copies = Copy.objects.held_by(request.user).exclude(archived_at=None).for_list()
    return _listing(request, "letters/mailbag.html", copies, archived=True)


@login_required
def sent(request: MemberRequest) -> HttpResponse:
    letters = Letter.objects.sent_by(request.user).select_related("pen_name__member", "work")
    return _listing(request, "letters/sent.html", letters)


@login_required
def drafts(request: MemberRequest) -> HttpResponse:
    """The drafts drawer: every unsent letter, the one touched last first."""
    letters = Letter.objects.drafts_of(request.user).select_related("work")
    return _listing(request, "letters/drafts.html", letters)


@login_required
def waiting(request: MemberRequest) -> HttpResponse:
    """The "to be delivered" tray."""
    letters = Letter.objects.waiting_of(request.user).select_related("work")
    return _listing(request, "letters/waiting.html", letters)


@login_required
def search(request: MemberRequest) -> HttpResponse:
    """The member's own letters (written, or received and opened) with every word typed, in
    the subject or the text. A letter not yet opened is not searched: its text is unread."""
    words = clean_line(request.GET.get("q", ""))[:200]
    if not words:
        return render(request, "letters/search.html", {"words": "", "page": None})
    member = request.user
    opened = Copy.objects.filter(
        recipient=member, deleted_at=None, returned_at=None, read_at__isnull=False
    )
    own_name = opened.filter(letter=OuterRef("pk")).values("name")[:1]
    letters = (
        Letter.objects.filter(
            Q(writer=member, writer_deleted_at=None) | Q(pk__in=opened.values("letter"))
        )
        .matching(words)
        .annotate(own_name=Subquery(own_name))
        .select_related("pen_name__member")
        .order_by("-updated_at", "-pk")
    )
    page = window(letters, request.GET.get("page"), limits.LETTERS_PER_PAGE)
    for letter in page.object_list:  # a received letter's subject as its recipient read it
        letter.shown_subject = letter.subject_for(letter.own_name or "{name}")
    query = urlencode({"q": words}) + "&"
    return render(request, "letters/search.html", {"page": page, "words": words, "query": query})


@login_required
def letter_settings(request: MemberRequest) -> HttpResponse:
    form = LetterSettingsForm(request.POST or None, instance=LetterSettings.of(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved.")
        return redirect("letters:settings")
    return render(request, "letters/settings.html", {"form": form})
