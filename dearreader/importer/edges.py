"""What sits at the edges of a chapter: notes, disclaimers, header lines and separators.

``preface`` reads forward from the top until the first story paragraph; ``tail`` reads back
from the bottom until the last one. Each returns the edge paragraphs, tagged with what they
are, and where the story proper begins or ends. Nothing between the two is ever touched.

Edge items: labelled notes ("A/N:", "Author's Note", "Note:", "N/A" ...), unlabelled notes
that talk to readers ("Thanks for reading", "Please review", "R&R", "this fic" ...),
labelled and unlabelled disclaimers ("I don't own...", "All characters belong to..."),
"Key: value" header lines ("Title:", "Rating:"), separators, and at the very top of a file a
title line with a by-line under it (only when notes follow, or a heading).

A labelled note may run over several paragraphs. A following unlabelled paragraph still
belongs to it when it talks to readers, or when another edge item (a disclaimer, a header line,
a note label, a chapter heading) follows within three paragraphs. A separator ends it that way
only when at most two short paragraphs in the author's voice ("I", "you", "!") lie before it,
so that a story whose first scene is short is not taken for a note. At the bottom, a label up
to three short author's-voice paragraphs above the last note still starts the closing note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .blocks import is_separator
from .letters import narrative, salutation_kind
from .markers import QUOTES, labelled_heading
from .notes import (
    authors_voice,
    disclaimer_label,
    header_field,
    is_dialogue,
    is_disclaimer,
    is_meta,
    note_label,
    self_contained,
)
from .sanitize import text_paragraph
from .structure import Paragraph
from .words import at_most

NOTE, DISCLAIMER, MARKER, HEADER = "note", "disclaimer", "marker", "header"


@dataclass
class EdgeItem:
    kind: str  # NOTE, DISCLAIMER, MARKER or HEADER
    paragraph: Paragraph
    labelled: bool = False  # starts with a label ("A/N:", "Disclaimer:", "Title:")
    # For an unlabelled title or by-line: {"title": ..., "author": ...} as far as found.
    fields: dict[str, str] = field(default_factory=dict)


def title_line(p: Paragraph) -> bool:
    """A short title in title case: under a bare "Chapter 3", or atop a file before its notes."""
    t = p.text.strip()
    if p.hint[:1] == "h" and len(p.hint) == 2:
        return bool(t) and "\n" not in t
    if not t or "\n" in t or is_separator(p) or len(t) > 70 or len(t.split()) > 10:
        return False
    if t[0] in QUOTES and t[-1] in QUOTES:
        return True
    if t[-1] in ".,;:!?…-—" or re.search(r"\d", t) or "pov" in t.lower():
        return False
    if is_dialogue(t) or salutation_kind(t) or note_label(t) or header_field(t):
        return False
    if is_disclaimer(t) or is_meta(t) or labelled_heading(t) or byline(t):
        return False
    words = [w for w in t.split() if w[0].isalpha()]
    long_words = [w for w in words if len(w) >= 4]
    return (
        bool(words)
        and words[0][0].isupper()
        and sum(w[0].isupper() for w in long_words) >= 0.6 * len(long_words)
    )


_BYLINE = re.compile(
    r"^\W{0,3}(?:by|written\s+by)\s+(?P<name>[^\s,.;:!?][^,;:!?]{0,40}?)[\s*~_-]*$", re.I
)


def byline(text: str) -> str | None:
    """The author's name from a "by Inkwell Otter" line."""
    m = _BYLINE.match(text.strip())
    if not m or len(m.group("name").split()) > 4 or m.group("name").endswith("."):
        return None
    return m.group("name").strip()


def _boundary(p: Paragraph) -> bool:
    t = p.text
    return bool(
        note_label(t) or disclaimer_label(t) or header_field(t) or labelled_heading(t) is not None
    )


def _story_like(p: Paragraph) -> bool:
    t = p.text
    return is_dialogue(t) or salutation_kind(t.split("\n")[0]) is not None


def _continues(paras: list[Paragraph], i: int) -> bool:
    """Whether unlabelled ``paras[i]`` goes on with the note or disclaimer above it."""
    p = paras[i]
    if _story_like(p) or not at_most(p.text, 150):
        return False
    if is_meta(p.text):
        return True
    for k in range(i + 1, min(len(paras), i + 4)):
        q = paras[k]
        if is_separator(q):
            # A short first scene before an early break must not pass for the note's end.
            between = paras[i:k]
            return len(between) <= 2 and all(
                at_most(b.text, 40) and authors_voice(b.text) and not narrative(b.text)
                for b in between
            )
        if _boundary(q):
            return True
        if _story_like(q) or not at_most(q.text, 150):
            return False
    return False


def _classify(p: Paragraph) -> EdgeItem | None:
    t = p.text
    if is_separator(p):
        return EdgeItem(MARKER, p)
    if note_label(t):
        return EdgeItem(NOTE, p, labelled=True)
    if header_field(t):
        return EdgeItem(HEADER, p, labelled=True)
    if disclaimer_label(t):
        return EdgeItem(DISCLAIMER, p, labelled=True)
    if is_disclaimer(t):
        return EdgeItem(DISCLAIMER, p)
    if is_meta(t):
        return EdgeItem(NOTE, p)
    return None


def _top_line(paras: list[Paragraph], i: int) -> EdgeItem | None:
    """The story's title and by-line atop a file, above its notes (or alone before a heading)."""
    p = paras[i]
    author = byline(p.text)
    if i <= 1 and author and (i == 0 or title_line(paras[0])):
        return EdgeItem(HEADER, p, fields={"author": author})
    title, _, by = p.text.strip().partition("\n")
    if i == 0 and by and title_line(text_paragraph(title)) and byline(by):
        # "The Letters We Never Sent" with "by quietwriter" on the very next line.
        return EdgeItem(HEADER, p, fields={"title": title.strip(), "author": byline(by) or ""})
    if i == 0 and title_line(p):
        nxt = paras[1] if len(paras) > 1 else None
        if nxt is None or byline(nxt.text) or _classify(nxt) is not None:
            return EdgeItem(HEADER, p, fields={"title": p.text.strip()})
    return None


def preface(paras: list[Paragraph]) -> tuple[list[EdgeItem], int]:
    """The edge items at the top of ``paras`` and the index of the first story paragraph."""
    items: list[EdgeItem] = []
    current: str | None = None
    i = 0
    while i < len(paras):
        item = _classify(paras[i]) or _top_line(paras, i)
        if item is None:
            if current is None or not _continues(paras, i):
                break
            item = EdgeItem(current, paras[i])
        elif item.kind == NOTE and item.labelled and self_contained(item.paragraph.text):
            current = None
        elif item.kind in (NOTE, DISCLAIMER):
            current = item.kind
        else:
            current = None
        items.append(item)
        i += 1
    return items, i


def _tailable(p: Paragraph) -> bool:
    t = p.text
    if is_separator(p):
        return True
    if _story_like(p):
        return False
    return note_label(t) or is_disclaimer(t) or is_meta(t)


def tail(paras: list[Paragraph], lo: int = 0) -> tuple[list[EdgeItem], int]:
    """The edge items at the bottom of ``paras[lo:]`` and the index where they start."""
    s = len(paras)
    while True:
        while s > lo and _tailable(paras[s - 1]):
            s -= 1
        # A labelled note a few paragraphs up whose unlabelled continuation reaches down to s:
        # the continuation must be short and in the author's voice ("I", "you"), or the end of
        # a story would go with an "A/N: flashback!" left just above it.
        start = None
        for k in range(s - 1, max(lo, s - 4) - 1, -1):
            p = paras[k]
            if is_separator(p) or _story_like(p):
                break
            if note_label(p.text) and not self_contained(p.text):
                start = k
                break
            if not at_most(p.text, 60) or not authors_voice(p.text):
                break
        if start is None:
            break
        s = start

    items: list[EdgeItem] = []
    current = NOTE
    for p in paras[s:]:
        item = _classify(p)
        if item is None:
            item = EdgeItem(current, p)
        elif item.kind in (NOTE, DISCLAIMER):
            current = item.kind
        items.append(item)
    return items, s
