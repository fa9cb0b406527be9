"""Safe inline HTML for paragraphs: the few tags a story's text needs, nothing that runs."""

import html
import re

import nh3

from .structure import Paragraph

INLINE_TAGS = {"em", "strong", "i", "b", "u", "s", "a", "br", "sup", "sub", "small"}
_ATTRIBUTES = {"a": {"href"}}
_SCHEMES = {"http", "https", "mailto"}
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_EDGE_BREAKS = re.compile(r"^(?:\s|<br>|&nbsp;|\u00a0)+|(?:\s|<br>|&nbsp;|\u00a0)+$")


def clean_inline(markup: str) -> str:
    """Sanitise inline markup: allowed tags only, links only to the web, tags balanced."""
    cleaned = nh3.clean(
        markup,
        tags=INLINE_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_SCHEMES,
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    )
    cleaned = _BR.sub("<br>", cleaned)
    return _EDGE_BREAKS.sub("", cleaned)


def text_paragraph(text: str) -> Paragraph:
    """A paragraph of plain text; its line breaks become <br>."""
    joined = "\n".join(line.strip() for line in text.split("\n"))
    paragraph = Paragraph(html.escape(joined, quote=False).replace("\n", "<br>"))
    # Its text is known: spare reading it back out of the HTML (a body can have 100,000 of these).
    paragraph.__dict__["text"] = joined.strip()
    return paragraph


def split_lines(paragraph: Paragraph, cut: int) -> tuple[Paragraph, Paragraph]:
    """The paragraph's first ``cut`` lines and the rest, each still safe, balanced HTML."""
    parts = _BR.split(paragraph.html)
    head = clean_inline("<br>".join(parts[:cut]))
    tail = clean_inline("<br>".join(parts[cut:]))
    return Paragraph(head, paragraph.hint), Paragraph(tail)


def join(paragraphs: list[Paragraph], blank_line: bool = False) -> Paragraph:
    """Several paragraphs read as one (a sign-off written over two paragraphs, say)."""
    sep = "<br><br>" if blank_line else "<br>"
    return Paragraph(sep.join(p.html for p in paragraphs))
