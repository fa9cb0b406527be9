"""The story importer: text in, structure out, "as a careful human editor would".

Pure Python (no Django): the bytes of a story posted elsewhere (FanFiction.net text or saved
page, plain text, any HTML page or fragment, an AO3 HTML download, Markdown by extension) in,
a ``Story`` out, with its notes, disclaimer, chapters, scene breaks and in-story letters found.
Nothing of the input is lost: what is not recognised stays in the body.

Where each rule lives:

* ``decode``: refusing what is not text, and finding the encoding.
* ``text`` / ``html_parse``: paragraphs out of plain text or HTML (sanitised in ``sanitize``).
* ``assemble``: chapter headings, and which chapter or story each note belongs to.
* ``edges`` / ``notes``: notes, disclaimers and header lines, only ever at the edges.
* ``markers``: separator lines and chapter headings.
* ``blocks`` / ``letters``: scene breaks and letters inside a chapter body.
* ``structure``: the dataclasses handed back; ``words``: the word count.
"""

from .blocks import split_blocks
from .decode import MAX_IMPORT_BYTES, decode
from .errors import ImportProblem
from .html_parse import paragraphs_from_html, parse_html
from .reader import read_story
from .structure import Block, Chapter, Letter, Paragraph, SceneBreak, Story
from .text import paragraphs_from_text, parse_text
from .words import word_count

__all__ = [
    "MAX_IMPORT_BYTES",
    "Block",
    "Chapter",
    "ImportProblem",
    "Letter",
    "Paragraph",
    "SceneBreak",
    "Story",
    "decode",
    "paragraphs_from_html",
    "paragraphs_from_text",
    "parse_html",
    "parse_text",
    "read_story",
    "split_blocks",
    "word_count",
]
