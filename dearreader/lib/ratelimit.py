"""Throttles: who is asking (a member, a client address), how often, and the page they get.

The rates live in ``limits.THROTTLES``. Every throttle counts POSTs only (reading is never
throttled here), by client address and, where there is one, by member: the signed-in member,
or the account a login or password-reset form names.
"""

import ipaddress
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit.core import is_ratelimited
from django_ratelimit.decorators import ratelimit

from dearreader.lib import limits

View = TypeVar("View", bound=Callable[..., Any])


def client_ip(request: HttpRequest) -> str:
    """The client's address. Behind DEARREADER_BEHIND_PROXY it is read from X-Forwarded-For,
    DEARREADER_TRUSTED_PROXIES entries from the right (what the outermost trusted proxy saw);
    otherwise X-Forwarded-For is the client's own say-so and is ignored."""
    remote = request.META.get("REMOTE_ADDR") or "0.0.0.0"  # noqa: S104 (an address, not a bind)
    if not settings.BEHIND_PROXY:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    trusted = max(1, settings.TRUSTED_PROXIES)
    if not hops:
        return remote
    candidate = hops[-trusted] if len(hops) >= trusted else hops[0]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def _member_key(group: str, request: HttpRequest) -> str:
    if request.user.is_authenticated:
        return f"member:{request.user.pk}"
    named = request.POST.get("username") or request.POST.get("email") or ""
    return f"named:{named.strip().lower()[:254]}" if named.strip() else f"ip:{client_ip(request)}"


def throttle(name: str) -> Callable[[View], View]:
    """Throttle a view's POSTs at the rates ``limits.THROTTLES[name]`` gives."""
    rates = limits.THROTTLES[name]

    def decorate(view: View) -> View:
        if "member" in rates:
            view = ratelimit(
                group=f"{name}:member", key=_member_key, rate=rates["member"], method="POST"
            )(view)
        if "address" in rates:
            view = ratelimit(
                group=f"{name}:address", key="ip", rate=rates["address"], method="POST"
            )(view)
        return view

    return decorate


def over_limit(request: HttpRequest, name: str) -> bool:
    """Count this request against ``limits.THROTTLES[name]`` and say whether it went over:
    for a view that keeps what the member wrote and says so, rather than answer with the 429
    page, and that counts only some of its POSTs (a letter sent, not a draft saved)."""
    rates = limits.THROTTLES[name]
    keys = {"member": _member_key, "address": "ip"}
    over = False
    for who, rate in rates.items():
        over |= is_ratelimited(
            request, group=f"{name}:{who}", key=keys[who], rate=rate, increment=True
        )
    return over


def too_many_requests(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Shown instead of the page when django-ratelimit blocks a request."""
    return render(request, "429.html", status=429)
