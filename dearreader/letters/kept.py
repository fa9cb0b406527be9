"""What a letter form carried when it was sent after the session had expired: kept in the
(new, anonymous) session, which survives the login, and saved into the draft after it.

Only the form's own fields are kept, and only for the draft the form was for (or a new
letter); a draft that turns out not to be the member's is never written (the edit page is
a 404 for anyone else, so `take` is never reached).
"""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from dearreader.lib import limits

KEY = "letters:kept"
FIELDS = ["audience", "to", "work", "pen_name", "subject", "body"]
# Kept for the time a login takes, not for whoever uses this browser next week.
KEEP_SECONDS = 60 * 60


def keep(request: HttpRequest, pk: int | None) -> None:
    fields = {name: request.POST.get(name, "") for name in FIELDS if name in request.POST}
    if len(fields.get("body", "")) > limits.LETTER_MAX_CHARS * 2:
        return  # not a letter: the form would refuse it anyway, and sessions stay small
    request.session[KEY] = {"draft": pk, "fields": fields, "at": timezone.now().timestamp()}


def take(request: HttpRequest, pk: int | None) -> dict[str, Any] | None:
    """The fields kept for this draft (None: a new letter), once; None when there are none."""
    found = request.session.get(KEY)
    if not isinstance(found, dict) or found.get("draft") != pk:
        return None
    del request.session[KEY]
    if timezone.now().timestamp() - float(found.get("at", 0)) > KEEP_SECONDS:
        return None
    fields = found.get("fields")
    return fields if isinstance(fields, dict) else None
