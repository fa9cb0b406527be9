from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from dearreader.accounts.models import Member
from dearreader.accounts.requests import MemberRequest
from dearreader.community import emails, limits, services
from dearreader.community.forms import PreferencesForm
from dearreader.community.models import EmailChoice, Notification, Preferences


@login_required
def inbox(request: MemberRequest) -> HttpResponse:
    notices = Notification.objects.inbox_of(request.user).only(
        "pk", "kind", "text", "url", "created_at", "read_at"
    )
    page = Paginator(notices, limits.NOTIFICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "community/inbox.html", {"page": page})


@login_required
def mark_read(request: MemberRequest) -> HttpResponse:
    if request.method != "POST":
        return redirect("community:inbox")
    if "all" in request.POST:
        count = services.notifications_mark_read(member=request.user)
    else:
        pks = [int(pk) for pk in request.POST.getlist("pk") if pk.isdigit()]
        count = services.notifications_mark_read(member=request.user, pks=pks)
    messages.success(request, f"Marked {count} as read.")
    target = request.POST.get("go", "")
    # Opening a notice marks it read, then goes where it points (only ever one of our paths).
    if target.startswith("/") and not target.startswith("//"):
        return redirect(target)
    page = request.POST.get("page", "")
    return redirect(reverse("community:inbox") + (f"?page={page}" if page.isdigit() else ""))


@login_required
def settings(request: MemberRequest) -> HttpResponse:
    form = PreferencesForm(request.POST or None, instance=Preferences.of(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your choices are saved.")
        return redirect("community:settings")
    blocked = request.user.blocks.select_related("blocked").order_by("blocked__username")
    muted = request.user.mutes.select_related("muted").order_by("muted__username")
    return render(
        request,
        "community/settings.html",
        {"form": form, "blocked": blocked, "muted": muted},
    )


def _unsubscribe(member: Member, field: str) -> None:
    prefs = Preferences.of(member)
    fields = (
        [f for f in Preferences.kinds_by_field() if getattr(prefs, f) == EmailChoice.DIGEST]
        if field == emails.DIGEST
        else [field]
    )
    for name in fields:
        setattr(prefs, name, EmailChoice.NEVER)
    prefs.save()


@csrf_exempt  # the signed token is the authority; mail apps post here without a session (RFC 8058)
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows one button (mail scanners open links, and must not unsubscribe anyone);
    POST, from that button or from a mail app's one-click, unsubscribes. No login needed."""
    try:
        member_id, field = emails.read_unsubscribe_token(token)
    except signing.BadSignature:
        return render(request, "community/unsubscribe.html", {"bad": True}, status=404)
    member = Member.objects.filter(pk=member_id, is_active=True).first()
    if member is None:
        return render(request, "community/unsubscribe.html", {"bad": True}, status=404)
    label = (
        "the daily digest"
        if field == emails.DIGEST
        else f"emails about {Preferences.label_of(field)}"
    )
    done = request.method == "POST"
    if done:
        _unsubscribe(member, field)
    return render(request, "community/unsubscribe.html", {"label": label, "done": done})
