"""A download's bytes, built once per state of the work and kept in the cache after that."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache

from dearreader.downloads.book import Book, book_of, stamp_of
from dearreader.downloads.epub_file import build_epub
from dearreader.downloads.html_file import build_html
from dearreader.downloads.plain_text import build_text
from dearreader.works.models import Work

# A stale file is never served (the stamp is in the key); this only bounds how long files of
# works nobody downloads any more take up room in the cache.
CACHE_SECONDS = 7 * 24 * 60 * 60


@dataclass(frozen=True)
class Format:
    build: Callable[[Book], bytes]
    content_type: str


FORMATS = {
    "epub": Format(build_epub, "application/epub+zip"),
    "html": Format(build_html, "text/html; charset=utf-8"),
    "txt": Format(build_text, "text/plain; charset=utf-8"),
}


def download_bytes(work: Work, extension: str) -> bytes:
    key = f"download:{work.pk}:{extension}:{stamp_of(work)}"
    data = cache.get(key)
    if data is None:
        data = FORMATS[extension].build(book_of(work))
        cache.set(key, data, CACHE_SECONDS)
    return data
