"""What the importer hands back: a story, its chapters and the blocks of a chapter body."""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .words import word_count

_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def html_to_text(markup: str) -> str:
    """Plain text of our own safe inline HTML: line breaks kept, tags dropped, entities read."""
    return _html.unescape(_TAG.sub("", _BR.sub("\n", markup))).strip()


@dataclass
class Paragraph:
    """One paragraph of the story, as safe inline HTML (escaped text or sanitised markup)."""

    html: str
    # Where the paragraph came from when that matters to the structure: "hr" for an HTML <hr>,
    # "h1".."h6" for an HTML heading. Not part of equality: two paragraphs reading the same are
    # the same paragraph.
    hint: str = field(default="", compare=False, repr=False)

    @cached_property
    def text(self) -> str:
        return html_to_text(self.html)


@dataclass
class SceneBreak:
    marker: str


@dataclass
class Letter:
    """A letter or note between characters inside the story."""

    salutation: Paragraph
    body: list[Paragraph]
    closing: Paragraph | None = None
    signature: str | None = None

    @property
    def paragraphs(self) -> list[Paragraph]:
        closing = [self.closing] if self.closing else []
        return [self.salutation, *self.body, *closing]


Block = Paragraph | SceneBreak | Letter


def block_text(block: Block) -> str:
    """Plain text of a block as a reader sees it (a scene break has none)."""
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, Letter):
        return "\n\n".join(p.text for p in block.paragraphs)
    return ""


@dataclass
class Chapter:
    title: str | None = None
    name: str | None = None
    opening_note: str | None = None
    closing_note: str | None = None
    blocks: list[Block] = field(default_factory=list)
    # Separators found at the edges of the chapter (before its first or after its last story
    # paragraph, e.g. the line between the preface notes and the story). They are not scene
    # breaks, but they are kept so that nothing the author wrote disappears without trace.
    edge_markers: list[str] = field(default_factory=list)

    @property
    def word_count(self) -> int:
        return sum(word_count(block_text(b)) for b in self.blocks)

    @property
    def scene_breaks(self) -> int:
        return sum(isinstance(b, SceneBreak) for b in self.blocks)

    @property
    def letters(self) -> list[Letter]:
        return [b for b in self.blocks if isinstance(b, Letter)]


@dataclass
class Story:
    title: str | None = None
    author: str | None = None
    summary: str | None = None
    tags: dict[str, list[str]] = field(default_factory=dict)
    opening_note: str | None = None
    disclaimer: str | None = None
    closing_note: str | None = None
    chapters: list[Chapter] = field(default_factory=list)

    @property
    def word_count(self) -> int:
        return sum(c.word_count for c in self.chapters)

    def as_json(self) -> dict[str, Any]:
        return {
            "opening_note": self.opening_note,
            "disclaimer": self.disclaimer,
            "closing_note": self.closing_note,
            "chapters": [
                {
                    "title": c.title,
                    "word_count": c.word_count,
                    "scene_breaks": c.scene_breaks,
                    "letters": [
                        {"salutation": letter.salutation.text, "signature": letter.signature}
                        for letter in c.letters
                    ],
                }
                for c in self.chapters
            ],
        }
