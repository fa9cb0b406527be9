"""The front door: uploaded bytes to a Story."""

from __future__ import annotations

import re
from pathlib import PurePath

import cmarkgfm
from cmarkgfm.cmark import Options

from .decode import decode
from .errors import ImportProblem
from .html_parse import parse_html
from .structure import Story
from .text import parse_text

_HTML_EXTENSIONS = {".htm", ".html", ".xhtml", ".xht"}
_MARKDOWN_EXTENSIONS = {".md", ".markdown", ".mdown"}
_TAGS = re.compile(
    r"<(?:p|br|div|span|em|i|b|strong|hr|h[1-6]|blockquote|center|font|a\s)\b[^>]*>|</(?:p|div)>",
    re.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")[:300].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<html" in head:
        return True
    sample = text[:200_000]
    tags = len(_TAGS.findall(sample))
    # A text story may say "<3" or even "<b>" once; HTML has its markup on most paragraphs.
    return tags >= 3 and tags >= 0.2 * sample.count("\n\n")


def read_story(data: bytes, filename: str = "") -> Story:
    """Decode an uploaded file and structure the story in it (HTML or plain text)."""
    text = decode(data, filename)
    ext = PurePath(filename).suffix.lower()
    if ext in _HTML_EXTENSIONS or looks_like_html(text):
        story = parse_html(text)
    elif ext in _MARKDOWN_EXTENSIONS:
        # cmark-gfm: CommonMark in linear time; the HTML parser sanitises what it keeps.
        story = parse_html(cmarkgfm.markdown_to_html(text, Options.CMARK_OPT_UNSAFE))
    else:
        story = parse_text(text)
    notes = (story.opening_note, story.disclaimer, story.closing_note)
    if story.word_count == 0 and not any(notes):
        raise ImportProblem(
            "No story text was found in the file (only blank lines, separators or page markup)."
        )
    return story
