"""User text to safe HTML, done once when a work or chapter is saved.

Bodies go through the importer's block finder, so scene-break lines and letters typed into the
posting form show the same way as in imported stories. Everything ends in nh3 with an allowlist.
"""

import threading
from html import escape

import markdown
import nh3

from dearreader.importer import Chapter as StoryChapter
from dearreader.importer import (
    Letter,
    Paragraph,
    SceneBreak,
    paragraphs_from_html,
    paragraphs_from_text,
    split_blocks,
)

INLINE_TAGS = {"a", "abbr", "b", "br", "cite", "code", "del", "em", "i", "ins", "q", "s"}
INLINE_TAGS |= {"small", "span", "strike", "strong", "sub", "sup", "u"}
BLOCK_TAGS = {"blockquote", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "ul", "section"}
ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "hr": {"class"},
    "p": {"class"},
    "section": {"class", "aria-label"},
}
# Classes the archive itself puts on letters and scene breaks; any other class is dropped.
OWN_CLASSES = {"scene-break", "letter", "letter-salutation", "letter-closing"}


def _keep_own_classes(tag: str, attribute: str, value: str) -> str | None:
    if attribute != "class":
        return value
    kept = [name for name in value.split() if name in OWN_CLASSES]
    return " ".join(kept) or None


def sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=INLINE_TAGS | BLOCK_TAGS,
        attributes=ATTRIBUTES,
        attribute_filter=_keep_own_classes,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow ugc",
    )


_local = threading.local()


def _markdown(text: str) -> str:
    # A Markdown instance is costly to build but not thread-safe: one per thread, reset per use.
    if not hasattr(_local, "md"):
        _local.md = markdown.Markdown(extensions=["nl2br"], output_format="html")
    return str(_local.md.reset().convert(text))


def _inline_markdown(text: str) -> str:
    """One paragraph of light Markdown (emphasis, links, line breaks) without the <p>."""
    html = _markdown(text)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html


def _paragraph(paragraph: Paragraph, fmt: str, css_class: str = "") -> str:
    inner = _inline_markdown(paragraph.text) if fmt == "text" else paragraph.html
    attr = f' class="{css_class}"' if css_class else ""
    return f"<p{attr}>{inner}</p>"


def _letter(letter: Letter, fmt: str) -> str:
    label = f"Letter signed {letter.signature}" if letter.signature else "Letter"
    parts = [_paragraph(letter.salutation, fmt, "letter-salutation")]
    parts += [_paragraph(p, fmt) for p in letter.body]
    if letter.closing is not None:
        parts.append(_paragraph(letter.closing, fmt, "letter-closing"))
    return f'<section class="letter" aria-label="{escape(label)}">{"".join(parts)}</section>'


def blocks_to_html(blocks: list, fmt: str) -> str:  # type: ignore[type-arg]
    out = []
    for block in blocks:
        if isinstance(block, SceneBreak):
            out.append('<hr class="scene-break">')
        elif isinstance(block, Letter):
            out.append(_letter(block, fmt))
        else:
            out.append(_paragraph(block, fmt))
    return "\n".join(out)


def render_body(body: str, fmt: str) -> tuple[str, int]:
    """A chapter body as (sanitised HTML, word count)."""
    paragraphs = paragraphs_from_html(body) if fmt == "html" else paragraphs_from_text(body)
    blocks = split_blocks(paragraphs)
    # The importer's own count: scene-break markers such as "oOo" are not words.
    return sanitise(blocks_to_html(blocks, fmt)), StoryChapter(blocks=blocks).word_count


def render_text(text: str) -> str:
    """Notes, summaries and disclaimers: light Markdown, pasted HTML allowed, then sanitised."""
    if not text.strip():
        return ""
    return sanitise(_markdown(text))
