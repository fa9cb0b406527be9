from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def too_many_requests(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Shown instead of the page when django-ratelimit blocks a request."""
    return render(request, "429.html", status=429)
