from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from dearreader.community.models import Notification


def inbox(request: HttpRequest) -> dict[str, Any]:
    """The header's unread count, counted only on pages that show it (lazily)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "unread_count": SimpleLazyObject(
            lambda: Notification.objects.inbox_of(user).unread().count()
        )
    }
