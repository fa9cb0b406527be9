"""User text to safe HTML, done once, before a work or chapter is saved.

A chapter body is the author's text (plain text with light Markdown, or HTML) with its
structure written out (see ``structure``): letters between ``::: letter`` / ``:::`` fences,
scene breaks as a line of break symbols (or <hr>), and, when the chapter asks for it, the
importer's block finder looking for letters and separator lines in the rest.

Prose is rendered in time linear in its size. Paragraphs are found in Python (the importer's
splitters), so Markdown never sees a paragraph boundary it could misread; every block rule
prose must never trigger (lists, headings, quotes, code, HTML blocks that run to the end of
the text) is escaped at each line start; then all paragraphs that carry any markup go through
cmark-gfm (a C CommonMark renderer built and tested to be linear) in ONE call, and nh3 in one
call, and the archive wraps each paragraph in its own <p>, letter <section> or scene break.
Only this module writes the archive's own classes: nothing of the author's keeps a class.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options

from dearreader.importer import Paragraph, paragraphs_from_html, paragraphs_from_text, word_count
from dearreader.works.structure import Block, Literal, structure

# Bump when the output of this module changes: ``manage.py rerender`` renders again every row
# rendered by an older version.
RENDERER_VERSION = 2

# Inline markup an author may use; no attribute but a link's address survives.
INLINE_TAGS = {"a", "abbr", "b", "br", "cite", "code", "del", "em", "i", "ins", "q", "s"}
INLINE_TAGS |= {"small", "strike", "strong", "sub", "sup", "u"}
_CLEANER = nh3.Cleaner(
    tags=INLINE_TAGS,
    attributes={"a": {"href", "title"}, "abbr": {"title"}},
    url_schemes={"http", "https", "mailto"},
    link_rel="noopener noreferrer nofollow ugc",
)
# Hard breaks: a line break the author typed is a line break. Unsafe: inline HTML is kept for
# nh3 to sanitise (and links are checked by nh3's scheme list, not cmark's).
_CMARK_OPTIONS = Options.CMARK_OPT_HARDBREAKS | Options.CMARK_OPT_UNSAFE

# Joins paragraphs into one document and splits the HTML again. A Unicode noncharacter: the
# clean-text step removes it from everything members type, and ``render_body`` again below.
SENTINEL = "\ufdd0"
_SENTINEL_PARAGRAPH = f"<p>{SENTINEL}</p>\n"
_NONCHARACTERS = re.compile("[\ufdd0-\ufdef]")

# Characters that can make a paragraph anything but its text: without one, the paragraph is
# its escaped text, and neither cmark nor nh3 needs to see it.
_MARKUP = "*_[]<>`\\&!"
_HAS_MARKUP = re.compile(r"[*_\[\]<>`\\&!]")
# A paragraph longer than this that is mostly markup characters ("*_*_*_…", "[[[[…") is shown
# exactly as typed: it is not prose, and each of its characters could cost cmark and nh3 an
# element (1 MB of "*_" is 3 MB of <em> for nh3 to parse, about a second).
_MARKUP_HEAVY_MIN_CHARS = 200
_MARKUP_HEAVY_SHARE = 0.5

# Inline HTML typed in a text body is kept only for these tags (and autolinks, "<https://…>");
# any other "<" is a character ("<3", "<div>" shown as typed). So no HTML block, comment or
# raw-text element (<script>, <textarea>, <xmp>…) can swallow the paragraphs after it.
_TAG_NAMES = "|".join(sorted(INLINE_TAGS, key=len, reverse=True))
_OTHER_ANGLE = re.compile(rf"<(?!/?(?:{_TAG_NAMES})(?=[\s/>])|(?:https?|mailto):)", re.IGNORECASE)
_KEPT_TAG = re.compile(rf"</?(?:{_TAG_NAMES})(?=[\s/>])", re.IGNORECASE)

# Block rules prose must never trigger, at the start of a line: ATX headings, block quotes,
# code fences, bullets, ordered list items ("1. Lock the shed."), thematic breaks and setext
# underlines ("---", "==="), and HTML blocks. Link reference definitions ("[x]: y") would vanish.
_BLOCK_START = re.compile(
    r"""^[ \t]*(?:
        \#{1,6}(?=[ \t]|$)
      | >
      | `{3,} | ~{3,}
      | [-+*](?=[ \t]|$)
      | (?P<number>\d{1,9})(?=[.)](?:[ \t]|$))
      | (?:\*[ \t]*){3,}$ | (?:-[ \t]*){2,}$ | (?:_[ \t]*){3,}$ | =+[ \t]*$
      | <(?=/?[A-Za-z][^<>\n]*>[ \t]*$)
      | \[(?=[^\]\n]*\]:)
    )""",
    re.VERBOSE | re.MULTILINE,
)
# "2*3*4" is arithmetic, not emphasis.
_INTRAWORD_STAR = re.compile(r"(?<=[^\W_])\*(?=[^\W_])")
# "![alt](src)": images are not kept, and their alt text would be lost with them.
_IMAGE = re.compile(r"!(?=\[)")
# A backslash at the end of a line is a hard break in CommonMark and would disappear.
_TRAILING_BACKSLASH = re.compile(r"\\$", re.MULTILINE)


def _neutralise(document: str) -> str:
    """Markdown for ``document`` in which no block rule fires: inline markup only."""

    def escape_start(m: re.Match[str]) -> str:
        number = m.group("number")
        text = m.group(0).lstrip(" \t")
        return number + "\\" if number else "\\" + text

    document = _TRAILING_BACKSLASH.sub(r"\\\\", document)
    document = _INTRAWORD_STAR.sub(r"\\*", document)
    document = _IMAGE.sub(r"\\!", document)
    document = _OTHER_ANGLE.sub(r"\\<", document)
    return _BLOCK_START.sub(escape_start, document)


def _as_typed(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


def _plain(text: str) -> bool:
    """Text shown as typed: no markup at all, or a long run of nothing but markup."""
    if not _HAS_MARKUP.search(text):
        return True
    if len(text) < _MARKUP_HEAVY_MIN_CHARS:
        return False
    return sum(text.count(c) for c in _MARKUP) > _MARKUP_HEAVY_SHARE * len(text)


def _cmark(texts: list[str]) -> list[str]:
    """Each text's HTML, from one cmark call over all of them."""
    document = _neutralise(f"\n\n{SENTINEL}\n\n".join(texts))
    pieces = cmarkgfm.markdown_to_html(document, _CMARK_OPTIONS).split(_SENTINEL_PARAGRAPH)
    if len(pieces) != len(texts):  # cannot happen with the escapes above; never mis-assign
        return [cmarkgfm.markdown_to_html(_neutralise(t), _CMARK_OPTIONS) for t in texts]
    return pieces


def _clean(pieces: list[str], raw: list[bool]) -> list[str]:
    """nh3 over every piece, in one call. A piece with HTML the author typed is put in an
    <object> of its own: HTML parsing closes at its end whatever the piece left open, so an
    unclosed <em> or <a> in one paragraph cannot run into the next."""
    parts = []
    for piece, typed in zip(pieces, raw, strict=True):
        piece = piece.replace("<p>", "").replace("</p>", "").replace("<br />\n", "<br>").strip()
        parts.append(f"<object>{piece}</object>" if typed else piece)
    cleaned = _CLEANER.clean(SENTINEL.join(parts)).split(SENTINEL)
    if len(cleaned) != len(pieces):  # as above: never mis-assign
        cleaned = [_CLEANER.clean(part) for part in parts]
    return [c.strip() for c in cleaned]


def render_inline(paragraphs: list[Paragraph]) -> list[str]:
    """Paragraphs of a text body (light Markdown) to safe inline HTML (no <p>), one for one."""
    out = [p.html if _plain(p.text) else "" for p in paragraphs]
    todo = [i for i, p in enumerate(paragraphs) if not out[i]]
    if todo:
        texts = [paragraphs[i].text for i in todo]
        raw = [bool(_KEPT_TAG.search(t)) if "<" in t else False for t in texts]
        for i, markup in zip(todo, _clean(_cmark(texts), raw), strict=True):
            out[i] = markup
    return out


@dataclass
class Rendered:
    html: str
    word_count: int


def _paragraphs(body: str, fmt: str) -> list[Paragraph]:
    body = _NONCHARACTERS.sub("", body)
    return paragraphs_from_html(body) if fmt == "html" else paragraphs_from_text(body)


def _inner_html(items: list[tuple[Paragraph, str]], fmt: str) -> list[str]:
    """The inline HTML of each paragraph: rendered Markdown, or the importer's clean HTML."""
    if fmt == "html":
        return [_literal_html(p, kind) if kind else p.html for p, kind in items]
    rendered = iter(render_inline([p for p, kind in items if not kind]))
    return [_literal_html(p, kind) if kind else next(rendered) for p, kind in items]


def _literal_html(paragraph: Paragraph, kind: str) -> str:
    # "\* * *" reads as typed, without the backslash that kept it from being a scene break.
    return _as_typed(paragraph.text[1:] if kind == Literal.ESCAPED else paragraph.text)


def _words(blocks: Iterable[Block]) -> int:
    # One count over the joined text: a line break ends a word as a paragraph break does.
    return word_count("\n".join(p.text for block in blocks for p, _ in block.paragraphs))


def render_body(body: str, fmt: str, *, find_structure: bool = False) -> Rendered:
    """A chapter body as sanitised HTML, and its word count (the importer's count: separator
    lines such as "oOo" are not words)."""
    blocks = structure(_paragraphs(body, fmt), fmt=fmt, find=find_structure)
    items = [item for block in blocks for item in block.paragraphs]
    inner = iter(_inner_html(items, fmt))
    out = []
    for block in blocks:
        out.append(block.wrap([next(inner) for _ in block.paragraphs]))
    return Rendered("\n".join(out), _words(blocks))


def render_text(text: str) -> str:
    """Notes, summaries and disclaimers: paragraphs of light Markdown (inline HTML kept,
    sanitised); no letters or scene breaks."""
    paragraphs = paragraphs_from_text(_NONCHARACTERS.sub("", text)) if text.strip() else []
    return "\n".join(f"<p>{h}</p>" for h in render_inline(paragraphs))
