"""Plain text to paragraphs, and a plain-text story to a Story."""

from __future__ import annotations

import itertools
import re

from .assemble import build_story
from .markers import separator_marker
from .sanitize import text_paragraph
from .structure import Paragraph, Story


def _wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped file was wrapped at, if it was.

    In such a file most lines that another line follows end near one column; a file with one
    paragraph a line, or one that only breaks a line for a sign-off, does not look like that.
    """
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    if len(lengths) < 8:
        return None
    width = max(lengths)
    if not 60 <= width <= 100:
        return None
    inner = [len(a.rstrip()) for a, b in itertools.pairwise(lines) if a.strip() and b.strip()]
    near = sum(n >= width - 15 for n in inner)
    return width if len(inner) >= 5 and near >= 0.6 * len(inner) else None


def _soft_break(line: str, following: str, width: int | None) -> bool:
    """Whether a line break was made by the wrapping, not the author: the next word didn't fit."""
    if width is None or not following.strip() or following[:1].isspace():
        return False
    if separator_marker(line) or separator_marker(following):
        return False
    # Hand-wrapped text is ragged, so "did not fit" is judged against 85% of the width.
    return len(line.rstrip()) + 1 + len(following.split()[0]) > 0.85 * width


def _join_lines(lines: list[str], width: int | None) -> str:
    out: list[str] = []
    for i, line in enumerate(lines):
        if out and _soft_break(lines[i - 1], line, width):
            out[-1] = out[-1] + " " + line.strip()
        else:
            out.append(line.strip())
    return "\n".join(out)


_BLANK_LINES = re.compile(r"\n(?:[^\S\n]*\n)+")


def paragraphs_from_text(text: str) -> list[Paragraph]:
    """Paragraphs separated by blank lines (or by line breaks when a text has no blank lines).

    Lines inside a paragraph keep their breaks (as <br>), except that a hard-wrapped file
    (lines cut near one column) has its wrapping undone. ``html`` is the escaped text.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = text.split("\n")
    width = _wrap_width(lines)
    # Split on blank lines (lines of nothing but spaces) in one pass: a body can hold 100,000
    # paragraphs, and a Python loop over its lines would be the slowest part of rendering it.
    groups = [g.split("\n") for g in _BLANK_LINES.split(text) if g.strip()]
    groups = [[line for line in g if line.strip()] for g in groups]
    if len(groups) == 1 and len(groups[0]) > 1:
        # No blank lines at all: each line is a paragraph, unless wrapping made it two.
        only = groups[0]
        groups = []
        for i, line in enumerate(only):
            if groups and _soft_break(only[i - 1], line, width):
                groups[-1].append(line)
            else:
                groups.append([line])
    if width is None:
        return [text_paragraph("\n".join(g)) for g in groups]
    return [text_paragraph(_join_lines(g, width)) for g in groups]


def parse_text(text: str) -> Story:
    """Structure a story given as plain text."""
    return build_story(paragraphs_from_text(text))
