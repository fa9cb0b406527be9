"""The work as an EPUB 3 book (EbookLib): a preface page, one file a chapter, the end notes,
and a table of contents. epubcheck finds nothing to report in it (see the tests)."""

import io
import uuid
from html import unescape

from django.template.loader import render_to_string
from django.utils.html import strip_tags
from ebooklib import epub

from dearreader.downloads.book import Book
from dearreader.downloads.style import epub_body, stylesheet


def _document(
    title: str, file_name: str, lang: str, html: str, css: epub.EpubItem
) -> epub.EpubHtml:
    document = epub.EpubHtml(title=title, file_name=file_name, lang=lang, content=html)
    document.add_item(css)
    return document


def build_epub(book: Book) -> bytes:
    work = book.work
    lang = work.language
    out = epub.EpubBook()
    # Stable across rebuilds (an e-reader sees a new version, not a new book), unique per work.
    out.set_identifier(
        uuid.uuid5(uuid.NAMESPACE_URL, f"dearreader:{work.pk}:{work.created_at}").urn
    )
    out.set_title(work.title)
    out.set_language(lang)
    out.add_author(work.pen_name.display_name)
    out.add_metadata("DC", "publisher", "Dear Reader")
    if work.posted_at:
        out.add_metadata("DC", "date", work.posted_at.date().isoformat())
    if work.summary_html:
        out.add_metadata("DC", "description", unescape(strip_tags(work.summary_html)).strip())
    for _, tags in book.tag_groups:
        for tag in tags:
            out.add_metadata("DC", "subject", tag.name)

    css = epub.EpubItem(
        uid="style", file_name="style/book.css", media_type="text/css", content=stylesheet()
    )
    out.add_item(css)
    context = {"book": book, "work": work}
    preface = _document(
        "Preface",
        "preface.xhtml",
        lang,
        render_to_string("downloads/epub/preface.html", context),
        css,
    )
    chapters = [
        _document(
            chapter.heading,
            f"chapter-{number}.xhtml",
            lang,
            render_to_string(
                "downloads/epub/chapter.html",
                {**context, "chapter": chapter, "body": epub_body(chapter.body_html)},
            ),
            css,
        )
        for number, chapter in enumerate(book.chapters, start=1)
    ]
    documents = [preface, *chapters]
    if work.notes_end_html:
        documents.append(
            _document(
                "End notes",
                "afterword.xhtml",
                lang,
                render_to_string("downloads/epub/afterword.html", context),
                css,
            )
        )
    for document in documents:
        out.add_item(document)
    out.toc = documents
    out.add_item(epub.EpubNcx())
    out.add_item(epub.EpubNav(title="Contents"))
    out.spine = [preface, "nav", *documents[1:]]
    buffer = io.BytesIO()
    epub.write_epub(buffer, out)
    return buffer.getvalue()
