"""The work as plain text, wrapped like a Project Gutenberg e-text: letters indented with
their closing set to the right, scene breaks as a centred "* * *", _italics_ kept."""

import re
import textwrap
from collections.abc import Iterator

from lxml import html as lxml_html

from dearreader.downloads.book import Book

WIDTH = 72  # the classic e-text line: readable in any terminal or editor
INDENT = " " * 4  # letters and quotations
CLOSING = " " * 28  # a letter's closing sits to the right, as on the site
SCENE_BREAK = "* * *".center(WIDTH).rstrip()
LINE_BREAK = "\ue000"  # a private-use character stands for a <br> while spaces collapse
SPACES = re.compile(r"\s+")


def _inline(element: lxml_html.HtmlElement) -> str:
    """An element's text with <br> as a line break and emphasis as _underscores_."""
    for br in element.iter("br"):
        br.tail = LINE_BREAK + (br.tail or "")
    for emphasis in element.iter("em", "i", "cite"):
        emphasis.text = "_" + (emphasis.text or "")
        emphasis.tail = "_" + (emphasis.tail or "")
    # Source line breaks are only spaces in HTML; a <br> is the one real line break.
    text = SPACES.sub(" ", element.text_content())
    return "\n".join(line.strip() for line in text.split(LINE_BREAK)).strip()


def _wrap(text: str, indent: str = "") -> str:
    return "\n".join(
        textwrap.fill(line, WIDTH, initial_indent=indent, subsequent_indent=indent)
        for line in text.split("\n")
    ).rstrip()


def _blocks(element: lxml_html.HtmlElement, indent: str = "") -> Iterator[str]:
    if (element.text or "").strip():
        yield _wrap(element.text.strip(), indent)  # text outside any paragraph is kept too
    for child in element:
        if (child.tail or "").strip():
            tail, child.tail = child.tail.strip(), None
        else:
            tail = ""
        if not isinstance(child.tag, str):
            pass  # a comment
        elif child.tag == "hr":
            yield SCENE_BREAK
        elif child.tag == "section" and "letter" in child.classes:
            yield from _blocks(child, indent + INDENT)
        elif child.tag in ("blockquote", "ul", "ol", "div", "section"):
            yield from _blocks(child, indent + (INDENT if child.tag == "blockquote" else ""))
        elif child.tag == "li":
            parent = child.getparent()
            marker = "- " if parent.tag == "ul" else f"{parent.index(child) + 1}. "
            yield _wrap(marker + _inline(child), indent)
        elif child.tag == "pre":
            yield "\n".join(indent + line for line in child.text_content().splitlines())
        elif "letter-closing" in child.classes:
            yield _wrap(_inline(child), indent + CLOSING)
        else:
            yield _wrap(_inline(child), indent)
        if tail:
            yield _wrap(tail, indent)


def html_to_text(html: str, indent: str = "") -> str:
    if not html.strip():
        return ""
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    return "\n\n".join(block for block in _blocks(root, indent) if block.strip())


def _heading(text: str, underline: str) -> str:
    return f"{text}\n{underline * min(len(text), WIDTH)}"


def _section(label: str, html: str) -> list[str]:
    return [f"{label}:", html_to_text(html, INDENT)] if html else []


def build_text(book: Book) -> bytes:
    work = book.work
    parts = [_heading(work.title, "=") + f"\nby {work.pen_name.display_name}"]
    meta = [f"Rating: {work.get_rating_display()}"]
    meta += [f"{label}: {', '.join(t.name for t in tags)}" for label, tags in book.tag_groups]
    meta.append(f"Language: {work.get_language_display()}")
    meta.append(f"Words: {work.word_count:,}  Chapters: {work.chapters_label}")
    parts.append("\n".join(_wrap(line) for line in meta))
    parts += _section("Summary", work.summary_html)
    parts += _section("Disclaimer", work.disclaimer_html)
    parts += _section("Notes", work.notes_begin_html)
    if len(book.chapters) > 1:
        parts.append("Contents:\n" + "\n".join(INDENT + c.heading for c in book.chapters))
    for chapter in book.chapters:
        parts.append("\n" + _heading(chapter.heading, "-"))
        parts += _section("Chapter notes", chapter.notes_begin_html)
        parts.append(html_to_text(chapter.body_html))
        parts += _section("Chapter end notes", chapter.notes_end_html)
    if work.notes_end_html:
        parts += ["\n" + _heading("End notes", "-"), html_to_text(work.notes_end_html)]
    return ("\n\n".join(part for part in parts if part) + "\n").encode()
