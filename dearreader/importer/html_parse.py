"""HTML to a Story: FanFiction.net saved pages, AO3 downloads, and any other page or fragment.

Paragraphs come from block elements (<p>, <div>, <blockquote>, headings, list items...) and
from runs of two or more <br>; <hr> is a separator; inline markup is kept, sanitised.
Page furniture is left out: <script>, <style>, forms, navigation, and, on an AO3 download,
the archive's own wording (the "Posted originally on..." and "Please drop by..." messages,
tag-list labels, work statistics, the "Summary"/"Notes" captions).

On a page that is not FFN or AO3, the story is read from the element that holds most of the
page's text when there is a clear one (<article>, <main>, ``.entry-content``...), else <body>.
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag
from bs4.element import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction

from .assemble import build_story
from .errors import ImportProblem
from .markers import labelled_heading
from .sanitize import clean_inline
from .structure import Paragraph, Story
from .text import paragraphs_from_text

_DROP = {
    "script", "style", "noscript", "template", "iframe", "object", "embed", "head", "title",
    "meta", "link", "button", "input", "select", "option", "textarea", "svg", "math", "canvas",
    "audio", "video", "form", "nav", "map", "applet", "frameset", "frame",
}  # fmt: skip
_BLOCK = {
    "p", "div", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section",
    "article", "main", "center", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "dd",
    "dt", "dl", "header", "footer", "aside", "figure", "figcaption", "address", "body", "html",
    "details", "summary", "hgroup", "fieldset", "caption", "legend",
}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_INLINE = {
    "em": "em", "i": "i", "strong": "strong", "b": "b", "u": "u", "s": "s", "strike": "s",
    "del": "s", "ins": "u", "a": "a", "sup": "sup", "sub": "sub", "small": "small",
    "cite": "i", "var": "i", "dfn": "i",
}  # fmt: skip
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_PARAGRAPH_BREAK = re.compile(r"(?:<br>\s*){2,}")
_BR = re.compile(r"<br>")


def _styled(tag: Tag) -> list[str]:
    """Word-processor exports carry emphasis as <span style="font-style:italic">."""
    style = str(tag.get("style") or "").lower().replace(" ", "")
    out = []
    if "font-style:italic" in style:
        out.append("em")
    if re.search(r"font-weight:(?:bold|[6-9]00)", style):
        out.append("strong")
    if "underline" in style:
        out.append("u")
    return out


class _Collector:
    """Walks a tree without recursion (pages can nest thousands deep) into paragraphs."""

    def __init__(self) -> None:
        self.items: list[Paragraph] = []
        self.buf: list[str] = []

    def flush(self, hint: str = "") -> None:
        raw = "".join(self.buf)
        self.buf = []
        if not raw.strip():
            return
        for part in _PARAGRAPH_BREAK.split(raw):
            markup = clean_inline(part)
            p = Paragraph(markup, hint)
            if p.text:
                self.items.append(p)

    def walk(self, root: Tag) -> list[Paragraph]:
        stack: list[tuple[object, list[str] | None]] = [(root, None)]
        while stack:
            node, closing = stack.pop()
            if closing is not None:
                if isinstance(node, Tag) and node.name in _BLOCK:
                    self.flush(node.name if node.name in _HEADINGS else "")
                else:
                    self.buf.extend(f"</{t}>" for t in reversed(closing))
                continue
            if isinstance(node, (Comment, Declaration, Doctype, ProcessingInstruction)):
                continue
            if isinstance(node, NavigableString):
                self.buf.append(_html.escape(_SPACES.sub(" ", str(node)), quote=False))
                continue
            if not isinstance(node, Tag):
                continue
            name = node.name.lower()
            if name in _DROP:
                continue
            if name == "hr":
                self.flush()
                self.items.append(Paragraph("", "hr"))
                continue
            if name == "br":
                self.buf.append("<br>")
                continue
            if name == "pre":
                self.flush()
                self.items.extend(paragraphs_from_text(node.get_text()))
                continue
            opened: list[str] = []
            if name in _BLOCK:
                self.flush()
            elif name in _INLINE:
                tag = _INLINE[name]
                if tag == "a" and node.get("href"):
                    href = _html.escape(str(node.get("href")), quote=True)
                    self.buf.append(f'<a href="{href}">')
                    opened.append("a")
                elif tag != "a":
                    self.buf.append(f"<{tag}>")
                    opened.append(tag)
            for t in _styled(node):
                self.buf.append(f"<{t}>")
                opened.append(t)
            stack.append((node, opened))
            stack.extend((child, None) for child in reversed(node.contents))
        self.flush()
        return self.items


def paragraphs_from_html(html: str | Tag) -> list[Paragraph]:
    """Paragraphs of an HTML fragment or element: <hr> gives a ``hint="hr"`` paragraph.

    Like a text file without blank lines, a page that marks paragraphs with single <br>s only
    (more than three lines a paragraph on average) has one paragraph a line.
    """
    root = BeautifulSoup(html, "html.parser") if isinstance(html, str) else html
    paragraphs = _Collector().walk(root)
    lines = sum(p.html.count("<br>") + 1 for p in paragraphs)
    if lines > 3 * len(paragraphs):
        paragraphs = [
            q
            for p in paragraphs
            for part in _BR.split(p.html)
            if (q := Paragraph(clean_inline(part), p.hint)).text or p.hint == "hr"
        ]
    return paragraphs


def _text(node: Tag | None) -> str | None:
    if node is None:
        return None
    return _SPACES.sub(" ", node.get_text(" ")).strip() or None


def _notes_text(node: Tag | None) -> str | None:
    if node is None:
        return None
    return "\n\n".join(p.text for p in paragraphs_from_html(node)) or None


def _join(*parts: str | None) -> str | None:
    return "\n\n".join(p for p in parts if p) or None


# --- FanFiction.net ---------------------------------------------------------------------------


def _ffn(soup: BeautifulSoup, content: Tag, index: _Index) -> Story:
    title = author = summary = chapter_title = None
    top = index.ids.get("profile_top")
    if isinstance(top, Tag):
        title = _text(top.find("b"))
        author = _text(top.find("a", href=re.compile(r"^(?:https?://[^/]+)?/u/\d+")))
        summary = _text(top.find("div", class_="xcontrast_txt"))
    select = index.ids.get("chap_select")
    if isinstance(select, Tag):
        option = select.find("option", selected=True)
        options = select.find_all("option")
        if isinstance(option, Tag) or len(options) == 1:
            chosen = option if isinstance(option, Tag) else options[0]
            chapter_title = re.sub(r"^\s*\d+\.\s*", "", chosen.get_text()).strip() or None
    return build_story(
        paragraphs_from_html(content),
        title=title,
        author=author,
        summary=summary,
        chapter_title=chapter_title,
    )


# --- Archive of Our Own download ---------------------------------------------------------------

_AO3_TAGS = {
    "rating": "rating", "ratings": "rating", "archive warning": "warnings",
    "archive warnings": "warnings", "category": "categories", "categories": "categories",
    "fandom": "fandoms", "fandoms": "fandoms", "relationship": "relationships",
    "relationships": "relationships", "character": "characters", "characters": "characters",
    "additional tags": "freeforms", "additional tag": "freeforms", "language": "language",
    "series": "series", "collections": "collections", "collection": "collections",
}  # fmt: skip


def _captioned(box: Tag) -> dict[str, Tag]:
    """AO3's "<p>Summary</p><blockquote>..." pairs inside one meta box, by lower-case caption."""
    found: dict[str, Tag] = {}
    caption = None
    for child in box.find_all(["p", "blockquote"], recursive=False):
        if child.name == "p":
            caption = (_text(child) or "").lower().rstrip(":")
        elif caption and caption not in found:
            found[caption] = child
    return found


def _ao3_tags(dl: Tag | None) -> dict[str, list[str]]:
    tags: dict[str, list[str]] = {}
    if dl is None:
        return tags
    for dt in dl.find_all("dt"):
        key = _AO3_TAGS.get((_text(dt) or "").lower().rstrip(":").strip())
        dd = dt.find_next_sibling("dd")
        if key is None or not isinstance(dd, Tag):
            continue
        links = [_text(a) for a in dd.find_all("a")]
        values = [v for v in links if v] or [
            v.strip() for v in (_text(dd) or "").split(",") if v.strip()
        ]
        tags[key] = values
    return tags


@dataclass
class _Ao3Part:
    title: str | None = None
    notes: str | None = None  # chapter summary and notes
    paragraphs: list[Paragraph] = field(default_factory=list)
    end_notes: str | None = None


def _classes(el: Tag) -> list[str]:
    value = el.get("class")
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _ao3(soup: BeautifulSoup, preface_div: Tag | None, chapters_div: Tag, index: _Index) -> Story:
    # A file cut short may have lost its preface: the chapters are still imported.
    found = preface_div.find("div", class_="meta") if preface_div is not None else None
    meta = found if isinstance(found, Tag) else preface_div or BeautifulSoup("", "html.parser")
    title = _text(meta.find("h1"))
    byline = meta.find(class_="byline")
    author = None
    if isinstance(byline, Tag):
        names = [_text(a) for a in byline.find_all("a", rel="author")]
        author = ", ".join(n for n in names if n) or re.sub(r"^by\s+", "", _text(byline) or "")
    captions = _captioned(meta)
    dl = meta.find("dl", class_="tags")
    story = Story(
        title=title,
        author=author or None,
        summary=_notes_text(captions.get("summary")),
        tags=_ao3_tags(dl if isinstance(dl, Tag) else None),
        opening_note=_notes_text(captions.get("notes")),
        disclaimer=_notes_text(captions.get("disclaimer")),  # Dear Reader's own downloads
    )

    parts: list[_Ao3Part] = []
    for child in chapters_div.find_all(recursive=False):
        classes = _classes(child)
        ident = str(child.get("id") or "")
        heading = child if child.name == "h2" else None
        if "meta" in classes and heading is None:
            found = child.find("h2")
            heading = found if isinstance(found, Tag) else None
        if heading is not None and not ident.startswith("endnotes"):
            parts.append(_Ao3Part(title=_text(heading)))
        elif not parts:
            parts.append(_Ao3Part())
        part = parts[-1]
        if ident.startswith("endnotes") or "endnotes" in classes:
            box = child.find("blockquote") or child
            part.end_notes = _join(part.end_notes, _notes_text(box))
        elif "meta" in classes:
            # Older downloads put the heading outside the chapter's meta box; either way the
            # box holds captioned summary and notes, never story text.
            caps = _captioned(child)
            part.notes = _join(
                part.notes,
                _notes_text(caps.get("chapter summary") or caps.get("summary")),
                _notes_text(caps.get("chapter notes") or caps.get("notes")),
            )
            part.end_notes = _join(
                part.end_notes,
                _notes_text(caps.get("chapter end notes") or caps.get("end notes")),
            )
        elif child is not heading:
            part.paragraphs.extend(paragraphs_from_html(child))
    if not parts:
        parts.append(_Ao3Part())

    afterword = index.ids.get("afterword")
    work_end = None
    if isinstance(afterword, Tag):
        endnotes_div = afterword.find(id="endnotes")
        quote = endnotes_div.find("blockquote") if isinstance(endnotes_div, Tag) else None
        work_end = _notes_text(quote if isinstance(quote, Tag) else None)

    last = len(parts) - 1
    for n, part in enumerate(parts):
        # The chapter's own text may still open or close with notes of its own.
        inner = build_story(part.paragraphs, find_chapters=False)
        chapter = inner.chapters[0]
        chapter.title = part.title
        h = labelled_heading(part.title) if part.title else None
        chapter.name = (h.name if h else part.title) if part.title else None
        # AO3 tells a chapter's notes from the work's: they stay with their chapter. Notes
        # written into the text itself open or close the work at its edges, as in plain text.
        chapter.opening_note = part.notes
        chapter.closing_note = part.end_notes
        if n == 0:
            story.opening_note = _join(story.opening_note, inner.opening_note)
            story.disclaimer = _join(story.disclaimer, inner.disclaimer)
        else:
            chapter.opening_note = _join(part.notes, inner.opening_note, inner.disclaimer)
        if n == last:
            story.closing_note = _join(inner.closing_note, work_end)
        else:
            chapter.closing_note = _join(inner.closing_note, part.end_notes)
        story.chapters.append(chapter)
    if story.word_count == 0:
        raise ImportProblem(
            "This AO3 download has no story text in its chapters (the part of the file with "
            'id="chapters" is empty). Download the work from AO3 again and import that file.'
        )
    return story


# --- anything else -------------------------------------------------------------------------------

_CONTENT_IDS = {"content", "story", "storytext", "storycontent", "main", "main-content"}
_CONTENT_CLASSES = {
    "storytext", "entry-content", "post-content", "post-body", "chapter-content",
    "story-content", "userstuff", "article-body",
}  # fmt: skip


class _Index:
    """One pass over the tree: elements by id, the <title>, and likely content containers.

    (Searching a large page once per question costs seconds; this costs one walk.)
    """

    def __init__(self, soup: BeautifulSoup) -> None:
        self.ids: dict[str, Tag] = {}
        self.title: Tag | None = None
        self.containers: list[Tag] = []
        for el in soup.descendants:
            if not isinstance(el, Tag):
                continue
            ident = el.get("id")
            if isinstance(ident, str):
                self.ids.setdefault(ident, el)
            if el.name == "title" and self.title is None:
                self.title = el
            classes = _classes(el)
            if (
                el.name in ("article", "main")
                or el.get("role") == "main"
                or ident in _CONTENT_IDS
                or any(c in _CONTENT_CLASSES for c in classes)
            ):
                self.containers.append(el)


def _main_content(soup: BeautifulSoup, index: _Index) -> Tag:
    body = soup.body if isinstance(soup.body, Tag) else soup
    total = len(body.get_text())
    best, best_len = None, 0
    for el in index.containers[:50]:
        n = len(el.get_text())
        if n > best_len:
            best, best_len = el, n
    if best is not None and best_len >= 0.5 * total:
        return best
    return body


def parse_html(html: str) -> Story:
    """Structure a story given as HTML (a saved page, an AO3 download, or a fragment)."""
    soup = BeautifulSoup(html, "html.parser")
    index = _Index(soup)
    storytext = index.ids.get("storytext") or index.ids.get("storycontent")
    if storytext is not None:
        return _ffn(soup, storytext, index)
    preface_div, chapters_div = index.ids.get("preface"), index.ids.get("chapters")
    from_ao3 = preface_div is not None or "afterword" in index.ids
    if chapters_div is not None and (from_ao3 or "userstuff" in _classes(chapters_div)):
        return _ao3(soup, preface_div, chapters_div, index)
    if preface_div is not None and preface_div.find("dl", class_="tags") is not None:
        raise ImportProblem(
            "This looks like an AO3 download, but the chapters are missing from it (there is "
            'no part with id="chapters"). Download the work from AO3 again and import that file.'
        )
    content = _main_content(soup, index)
    return build_story(paragraphs_from_html(content), fallback_title=_text(index.title))
