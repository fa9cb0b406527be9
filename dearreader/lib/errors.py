"""Error pages for requests Django refuses before any view sees them."""

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from dearreader.lib import limits


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """400, and 413 for a form too big: say which limit, and that the edits are still in the
    page the browser goes back to."""
    if isinstance(exception, TooManyFieldsSent):
        problem = f"The form sent more than {limits.FORM_MAX_FIELDS:,} fields."
        return render(request, "400.html", {"problem": problem}, status=400)
    if isinstance(exception, RequestDataTooBig):
        size = limits.FORM_MAX_BYTES // limits.MB
        problem = f"The form sent more than {size} MB of text."
        return render(request, "400.html", {"problem": problem}, status=413)
    return render(request, "400.html", {"problem": None}, status=400)
