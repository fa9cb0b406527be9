from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from dearreader.community.services import Refused


def refused(request: HttpRequest, problem: Refused) -> HttpResponse:
    return render(request, "community/refused.html", {"problem": str(problem)}, status=403)


def back(request: HttpRequest, fallback: str) -> HttpResponse:
    """To the page the form was on (a `next` field), if it is one of ours."""
    target = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return HttpResponseRedirect(target if target and safe else fallback)
