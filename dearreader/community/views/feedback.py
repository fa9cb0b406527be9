"""Kudos, faves, alerts, blocks and mutes: each a button that posts here and comes back."""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from dearreader.accounts.models import Member
from dearreader.accounts.requests import MemberRequest
from dearreader.community import limits, services
from dearreader.community.reading import KUDOS_COOKIE, guest_token
from dearreader.community.views import back, refused
from dearreader.lib.clients import address_hash
from dearreader.works.access import readable_work
from dearreader.works.models import Series, SeriesPart

# A year: the cookie only remembers that this browser left kudos.
KUDOS_COOKIE_AGE = 365 * 24 * 3600


@require_POST
@ratelimit(key="user_or_ip", rate=limits.FEEDBACK_RATE, method="POST", block=True)
def kudos(request: HttpRequest, pk: int) -> HttpResponse:
    work = readable_work(request, pk)
    token = guest_token(request) or secrets.token_urlsafe(24)
    try:
        services.kudos_give(
            work=work,
            member=request.user,
            guest_address=address_hash(request, "kudos"),
            guest_token=token,
        )
    except services.Refused as problem:
        return refused(request, problem)
    messages.success(request, "You left kudos. Thank you!")
    response = back(request, work.get_absolute_url())
    if not request.user.is_authenticated:
        response.set_signed_cookie(
            KUDOS_COOKIE,
            token,
            salt=KUDOS_COOKIE,
            max_age=KUDOS_COOKIE_AGE,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


def _target(request: HttpRequest, kind: str, pk: int):  # type: ignore[no-untyped-def]
    """The thing to fave or follow, if this member may see it (404 otherwise)."""
    if kind == "work":
        return readable_work(request, pk)
    if kind == "author":
        return get_object_or_404(Member, pk=pk, is_active=True)
    if kind == "series":
        return get_object_or_404(
            Series.objects.visible_to(request.user).select_related("pen_name__member"), pk=pk
        )
    if kind != "part":
        raise Http404("Nothing of that kind.")
    return get_object_or_404(
        SeriesPart.objects.select_related("series__pen_name__member", "work"),
        pk=pk,
        series__in=Series.objects.visible_to(request.user),
    )


@login_required
@require_POST
@ratelimit(key="user", rate=limits.FEEDBACK_RATE, method="POST", block=True)
def fave(request: MemberRequest, kind: str, pk: int) -> HttpResponse:
    target = _target(request, kind, pk)
    removing = request.POST.get("action") == "remove"
    try:
        if removing:
            services.fave_remove(
                member=request.user,
                work=target if kind == "work" else None,
                author=target if kind == "author" else None,
            )
        elif kind == "work":
            services.fave_work(member=request.user, work=target)
        else:
            services.fave_author(member=request.user, author=target)
    except services.Refused as problem:
        return refused(request, problem)
    messages.success(request, "Removed from your faves." if removing else "Added to your faves.")
    return back(request, target.get_absolute_url())


@login_required
@require_POST
@ratelimit(key="user", rate=limits.FEEDBACK_RATE, method="POST", block=True)
def follow(request: MemberRequest, kind: str, pk: int) -> HttpResponse:
    target = _target(request, kind, pk)
    removing = request.POST.get("action") == "remove"
    try:
        if removing:
            services.follow_remove(member=request.user, target=target)
        else:
            services.follow_add(member=request.user, target=target)
    except services.Refused as problem:
        return refused(request, problem)
    messages.success(
        request,
        "Alert removed." if removing else "Alert set: you will hear of what comes next.",
    )
    fallback = target.series.get_absolute_url() if kind == "part" else target.get_absolute_url()
    return back(request, fallback)


@login_required
@require_POST
def block(request: MemberRequest, username: str) -> HttpResponse:
    other = get_object_or_404(Member, username=username)
    undo = request.POST.get("action") == "remove"
    try:
        if undo:
            services.member_unblock(member=request.user, other=other)
        else:
            services.member_block(member=request.user, other=other)
    except services.Refused as problem:
        return refused(request, problem)
    messages.success(request, f"{other.username} is {'no longer ' if undo else ''}blocked.")
    return back(request, other.get_absolute_url())


@login_required
@require_POST
def mute(request: MemberRequest, username: str) -> HttpResponse:
    other = get_object_or_404(Member, username=username)
    undo = request.POST.get("action") == "remove"
    try:
        if undo:
            services.member_unmute(member=request.user, other=other)
        else:
            services.member_mute(member=request.user, other=other)
    except services.Refused as problem:
        return refused(request, problem)
    messages.success(request, f"{other.username} is {'no longer ' if undo else ''}muted.")
    return back(request, other.get_absolute_url())
