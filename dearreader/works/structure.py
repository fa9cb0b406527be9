"""The structure of a chapter body: paragraphs, scene breaks and letters.

Written out in the body (what the importer stores, what an author may type):

* a letter is fenced by paragraphs of their own, ``::: letter`` (or ``::: letter signed NAME``,
  or ``::: letter signed`` for a closing with no name) and ``:::``;
* a scene break is an <hr> in an HTML body, and in a text body a one-line paragraph made only of
  the break symbols and spaces, with at least three symbols (``* * *``, ``~~~``, ``-----``);
* a paragraph that reads like either but is not one starts with a backslash (``\\* * *``).

With ``find`` on (the chapter's "find letters and scene breaks for me"), the importer's block
finder also looks for letters and separator lines ("oOo", "xXx") in the unfenced paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from dearreader.importer import Letter, Paragraph, SceneBreak, split_blocks
from dearreader.importer.blocks import is_separator

BREAK_SYMBOLS = "*-_~=#+•·°⁂\u00d7"  # the last is a multiplication sign
CANONICAL_BREAK = "* * *"
_BREAK_LINE = re.compile(f"[{re.escape(BREAK_SYMBOLS)} ]+")
_FENCE_OPEN = re.compile(r":::[ \t]*letter(?:[ \t]+(?P<signed>signed)(?:[ \t]+(?P<name>\S.*))?)?")
FENCE_CLOSE = ":::"


class Literal:
    """How a paragraph that must not be read as Markdown or structure is shown."""

    ESCAPED = "escaped"  # as typed, without its leading backslash
    AS_TYPED = "as-typed"  # as typed (a fence that opens or closes nothing)


def is_break_line(text: str) -> bool:
    s = text.strip()
    return "\n" not in s and bool(_BREAK_LINE.fullmatch(s)) and len(s.replace(" ", "")) >= 3


def is_fence(text: str) -> bool:
    s = text.strip()
    return s == FENCE_CLOSE or _FENCE_OPEN.fullmatch(s) is not None


def fence_open(signature: str | None, signed: bool) -> str:
    if signature:
        return f"::: letter signed {signature}"
    return "::: letter signed" if signed else "::: letter"


def needs_escape(text: str) -> bool:
    """Whether a paragraph must be written with a backslash to stay a paragraph."""
    return is_break_line(text) or is_fence(text)


Item = tuple[Paragraph, str]  # a paragraph and its Literal kind ("" for ordinary text)


@dataclass
class Para:
    paragraph: Paragraph
    kind: str = ""

    @property
    def paragraphs(self) -> list[Item]:
        return [(self.paragraph, self.kind)]

    def wrap(self, inner: list[str]) -> str:
        return f"<p>{inner[0]}</p>"


@dataclass
class Break:
    @property
    def paragraphs(self) -> list[Item]:
        return []

    def wrap(self, inner: list[str]) -> str:
        return '<hr class="scene-break">'


@dataclass
class LetterBlock:
    items: list[Item]
    signature: str | None = None
    closed: bool = False  # the last paragraph is the sign-off
    found: bool = field(default=False, compare=False)

    @property
    def paragraphs(self) -> list[Item]:
        return self.items

    def wrap(self, inner: list[str]) -> str:
        label = f"Letter signed {self.signature}" if self.signature else "Letter"
        parts = []
        last = len(inner) - 1
        for k, markup in enumerate(inner):
            if k == 0:
                parts.append(f'<p class="letter-salutation">{markup}</p>')
            elif k == last and self.closed:
                parts.append(f'<p class="letter-closing">{markup}</p>')
            else:
                parts.append(f"<p>{markup}</p>")
        return f'<section class="letter" aria-label="{escape(label)}">{"".join(parts)}</section>'


Block = Para | Break | LetterBlock


def _next_fences(texts: list[str]) -> tuple[list[int], list[int]]:
    """For each index, the index of the next closing and of the next opening fence from it."""
    n = len(texts)
    closing, opening = [n] * (n + 1), [n] * (n + 1)
    for i in range(n - 1, -1, -1):
        closing[i], opening[i] = closing[i + 1], opening[i + 1]
        if texts[i].startswith(":::"):
            if texts[i] == FENCE_CLOSE:
                closing[i] = i
            elif _FENCE_OPEN.fullmatch(texts[i]):
                opening[i] = i
    return closing, opening


def _escaped(p: Paragraph) -> bool:
    return p.text.startswith("\\") and needs_escape(p.text[1:])


def _letter(inner: list[Paragraph], signed: bool, name: str | None) -> LetterBlock:
    items = [(p, Literal.ESCAPED if _escaped(p) else "") for p in inner]
    return LetterBlock(items, name.strip() if name else None, closed=signed and len(items) > 1)


def _found(run: list[Paragraph]) -> list[Block]:
    """The importer's block finder over unfenced paragraphs; separators at the edges of the
    run (next to a fenced letter) are scene breaks too."""
    lo, hi = 0, len(run)
    while lo < hi and is_separator(run[lo]):
        lo += 1
    while hi > lo and is_separator(run[hi - 1]):
        hi -= 1
    blocks: list[Block] = [Break()] if lo else []
    for block in split_blocks(run[lo:hi]):
        if isinstance(block, SceneBreak):
            blocks.append(Break())
        elif isinstance(block, Letter):
            items = [(p, "") for p in block.paragraphs]
            blocks.append(LetterBlock(items, block.signature, block.closing is not None, True))
        else:
            blocks.append(Para(block))
    if hi < len(run):
        blocks.append(Break())
    return blocks


def _tidy(blocks: list[Block]) -> list[Block]:
    """Breaks in a row are one break; a break before the first or after the last paragraph
    separates nothing."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Break) and (not out or isinstance(out[-1], Break)):
            continue
        out.append(block)
    while out and isinstance(out[-1], Break):
        out.pop()
    return out


def structure(paragraphs: list[Paragraph], *, fmt: str, find: bool) -> list[Block]:
    """The blocks of a chapter body, from its paragraphs (in one pass: linear)."""
    texts = [p.text.strip() for p in paragraphs]
    next_close, next_open = _next_fences(texts)
    blocks: list[Block] = []
    run: list[Paragraph] = []

    def flush() -> None:
        blocks.extend(_found(run) if find else [Para(p) for p in run])
        run.clear()

    i = 0
    while i < len(paragraphs):
        p, text = paragraphs[i], texts[i]
        opening = _FENCE_OPEN.fullmatch(text) if text.startswith(":::") else None
        if opening:
            end = next_close[i + 1]
            if end < len(paragraphs) and end < next_open[i + 1] and end > i + 1:
                flush()
                inner = paragraphs[i + 1 : end]
                blocks.append(_letter(inner, bool(opening["signed"]), opening["name"]))
                i = end + 1
                continue
        if opening or text == FENCE_CLOSE:
            flush()
            blocks.append(Para(p, Literal.AS_TYPED))
        elif p.hint == "hr" or (
            fmt == "text" and text[:1] in BREAK_SYMBOLS and is_break_line(text)
        ):
            flush()
            blocks.append(Break())
        elif text.startswith("\\") and _escaped(p):
            flush()
            blocks.append(Para(p, Literal.ESCAPED))
        else:
            run.append(p)
        i += 1
    flush()
    return _tidy(blocks)
