from django import template
from django.utils.safestring import SafeString, mark_safe

from dearreader.downloads.style import offline_links

register = template.Library()


@register.filter
def offline(html: str) -> SafeString:
    """Stored, sanitised HTML with its links into the site made plain text (see style.py)."""
    return mark_safe(offline_links(html))  # noqa: S308 (already sanitised when saved)
