from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from dearreader.community import hits

# The pages where a work is read; each names the work in its URL as pk or work_pk.
READING_VIEWS = {"works:detail": "pk", "works:chapter": "work_pk", "works:full": "pk"}


class HitMiddleware:
    """Counts a hit when a reading page was shown: after the view, one insert at most."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = request.resolver_match
        if request.method == "GET" and response.status_code == 200 and match is not None:
            kwarg = READING_VIEWS.get(match.view_name)
            if kwarg is not None:
                hits.record(work_id=int(match.kwargs[kwarg]), reader=hits.reader_key(request))
        return response
