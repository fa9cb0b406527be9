"""Paragraphs of a chapter body written in HTML, in time linear in its size.

The importer reads whole pages with BeautifulSoup, at some tens of microseconds a tag; a body
is read here instead with nh3 (in Rust) and a few regular expressions. HTML parsing is itself
slow on a deep tree (every end tag that matches nothing looks down the whole stack of open
elements: 50,000 nested <div>s take nh3 ten seconds), so a body nested deeper than any story
needs is first flattened to its paragraphs and line breaks.

What comes out follows the importer's ``paragraphs_from_html``: a paragraph per block element or
run of two <br>, an ``hr`` paragraph per <hr>, and one paragraph a line when a body marks its
paragraphs with single <br>s only.
"""

from __future__ import annotations

import re

import nh3

from dearreader.importer import Paragraph

# Inline markup an author may use (in an HTML body, or typed into a text body).
INLINE = {"a", "abbr", "b", "br", "cite", "code", "del", "em", "i", "ins", "q", "s"}
INLINE |= {"small", "strike", "strong", "sub", "sup", "u"}
LINK_REL = "noopener noreferrer nofollow ugc"
BLOCKS = {
    "p", "div", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section",
    "article", "main", "center", "table", "tr", "td", "th", "dd", "dt", "dl", "header",
    "footer", "aside", "figure", "figcaption", "address", "details", "summary", "pre", "hr",
}  # fmt: skip
# Page furniture, dropped with everything in it (as the importer drops it).
DROPPED = {
    "script", "style", "noscript", "template", "iframe", "object", "embed", "title", "button",
    "select", "textarea", "svg", "math", "canvas", "audio", "video", "form", "nav", "map",
    "applet", "frameset", "frame", "noembed", "noframes", "head",
}  # fmt: skip
_CLEANER = nh3.Cleaner(
    tags=INLINE | BLOCKS,
    clean_content_tags=DROPPED,
    attributes={"a": {"href", "title"}, "abbr": {"title"}},
    url_schemes={"http", "https", "mailto"},
    link_rel=LINK_REL,
)
VOID = {"br", "hr", "img", "wbr", "input", "meta", "link", "area", "base", "col", "embed"}
# Deeper than this, a body is not a story's markup: it keeps its paragraphs and line breaks.
MAX_NESTING = 64

_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>\x00]*)[^>]*>")
_BLOCK_TAG = re.compile(r"</?(?:" + "|".join(sorted(BLOCKS - {"hr"})) + r")>")
_HR = re.compile(r"<hr>")
_PRE = re.compile(r"<pre>(.*?)</pre>", re.DOTALL)
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_PARAGRAPH_BREAK = re.compile(r"(?:<br>\s*){2,}")
_EDGE_BREAKS = re.compile(r"^(?:\s|<br>|&nbsp;|\u00a0)+|(?:\s|<br>|&nbsp;|\u00a0)+$")
_BR = re.compile(r"<br>")
_BREAK = "\ufdd1"  # a block boundary; noncharacters never reach here from members
_RULE = "\ufdd2"


def nesting(markup: str) -> int:
    """How deep the tags of ``markup`` nest, counted as HTML parsing would keep them open
    (an unclosed <p> or <li> is closed by the next one)."""
    deepest = 0
    stack: list[str] = []
    for m in _TAG.finditer(markup):
        name = m.group(2).lower()
        if name in VOID:
            continue
        if m.group(1):
            if name in stack:
                while stack.pop() != name:
                    pass
        else:
            if name in ("p", "li") and name in stack[-3:]:
                while stack.pop() != name:
                    pass
            stack.append(name)
        deepest = max(deepest, len(stack))
        if deepest > MAX_NESTING:
            break  # deep enough to know; never walk a deep stack again and again
    return deepest


def balance(markup: str) -> str:
    """Inline markup with every tag closed in order: end tags that close nothing dropped,
    open ones closed at the end."""
    out: list[str] = []
    stack: list[str] = []
    pos = 0
    for m in _TAG.finditer(markup):
        out.append(markup[pos : m.start()])
        pos = m.end()
        name = m.group(2).lower()
        if name in VOID:
            out.append(m.group(0))
        elif not m.group(1):
            if len(stack) < MAX_NESTING:
                stack.append(name)
                out.append(m.group(0))
        elif name in stack:
            while stack:
                top = stack.pop()
                out.append(f"</{top}>")
                if top == name:
                    break
    out.append(markup[pos:])
    out.extend(f"</{name}>" for name in reversed(stack))
    return "".join(out)


def _flatten(markup: str) -> str:
    """Only paragraphs, rules and line breaks of a body nested too deep to parse quickly."""
    return _TAG.sub(lambda m: _keep_flat(m), markup)


def _keep_flat(m: re.Match[str]) -> str:
    name = m.group(2).lower()
    if name in ("br", "hr"):
        return f"<{name}>"
    return "<p>" if name in BLOCKS else ""


def _pre_lines(m: re.Match[str]) -> str:
    return "<pre>" + m.group(1).replace("\n\n", _BREAK).replace("\n", "<br>") + "</pre>"


def _paragraph(markup: str, hint: str = "") -> Paragraph:
    if "<" in markup or "&" in markup:
        return Paragraph(_EDGE_BREAKS.sub("", balance(markup)), hint)
    # Plain text (most lines of a long body): its text is itself, no HTML to read it out of.
    paragraph = Paragraph(markup.strip(), hint)
    paragraph.__dict__["text"] = paragraph.html
    return paragraph


def paragraphs_from_body_html(body: str) -> list[Paragraph]:
    if nesting(body) > MAX_NESTING:
        body = _flatten(body)
    cleaned = _CLEANER.clean(body)
    cleaned = _PRE.sub(_pre_lines, cleaned)
    cleaned = _HR.sub(f"{_BREAK}{_RULE}{_BREAK}", _BLOCK_TAG.sub(_BREAK, cleaned))
    paragraphs: list[Paragraph] = []
    for chunk in _SPACES.sub(" ", cleaned).split(_BREAK):
        if chunk == _RULE:
            paragraphs.append(Paragraph("", "hr"))
            continue
        for part in _PARAGRAPH_BREAK.split(chunk):
            paragraph = _paragraph(part)
            if paragraph.text:
                paragraphs.append(paragraph)
    lines = sum(p.html.count("<br>") + 1 for p in paragraphs)
    if lines > 3 * len(paragraphs):
        paragraphs = [
            q
            for p in paragraphs
            for part in _BR.split(p.html)
            if (q := _paragraph(part, p.hint)).text or p.hint == "hr"
        ]
    return paragraphs
