"""The downloads' stylesheet and the changes a chapter body needs outside the site."""

import re
from functools import cache

from django.template.loader import render_to_string

# An <hr> draws its ornament with ::after, which many e-readers do not show: in the EPUB the
# break is a paragraph holding the ornament itself.
SCENE_BREAK = re.compile(r'<hr class="scene-break"\s*/?>')
EPUB_SCENE_BREAK = '<p class="scene-break" role="separator">\u2042</p>'
# A link into the site ("/works/5") leads nowhere inside a book: it is kept as its text.
# (Links never nest, so the first </a> closes it.)
RELATIVE_LINK = re.compile(r'<a href="(?!https?:|mailto:)[^"]*"[^>]*>(.*?)</a>', re.DOTALL)


@cache
def stylesheet() -> str:
    return render_to_string("downloads/book.css")


def offline_links(html: str) -> str:
    return RELATIVE_LINK.sub(r"\1", html)


def epub_body(html: str) -> str:
    return offline_links(SCENE_BREAK.sub(EPUB_SCENE_BREAK, html))
