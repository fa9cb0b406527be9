"""The work as one HTML file, in the shape of an AO3 download (#preface, #chapters,
#afterword), so that archives that read those, Dear Reader's importer among them, read it back."""

from django.template.loader import render_to_string

from dearreader.downloads.book import Book
from dearreader.downloads.style import offline_links, stylesheet


def build_html(book: Book) -> bytes:
    html = render_to_string(
        "downloads/work.html",
        {
            "book": book,
            "work": book.work,
            "chapters": [(chapter, offline_links(chapter.body_html)) for chapter in book.chapters],
            "css": stylesheet(),
        },
    )
    return html.encode()
