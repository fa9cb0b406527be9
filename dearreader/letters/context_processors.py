from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from dearreader.letters.models import Copy


def mailbag(request: HttpRequest) -> dict[str, Any]:
    """The header's count of unopened letters, counted only on pages that show it (lazily),
    from a partial index of unopened copies."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "unread_letters": SimpleLazyObject(
            lambda: Copy.objects.held_by(user).unread().order_by().count()
        )
    }
