"""A chapter body's blocks: paragraphs, scene breaks between scenes, and letters."""

from __future__ import annotations

from .letters import closing_signature, take_letter
from .markers import kisses, separator_marker
from .structure import Block, Paragraph, SceneBreak


def is_separator(p: Paragraph, before: Paragraph | None = None) -> bool:
    """Whether ``p`` is a separator; ``before`` is the paragraph above it, when known."""
    if p.hint == "hr":
        return True
    if not separator_marker(p.text):
        return False
    # "xxx" under "Love,\nRory" is kisses, not a scene break.
    return not (
        kisses(p.text) and before is not None and closing_signature(before.text.split("\n"))
    )


def marker_of(p: Paragraph) -> str:
    return "<hr>" if p.hint == "hr" else p.text.strip()


def split_blocks_keeping_edges(paragraphs: list[Paragraph]) -> tuple[list[Block], list[str]]:
    """``split_blocks``, plus the separators it found at the edges of the body."""
    lo, hi = 0, len(paragraphs)
    while lo < hi and is_separator(paragraphs[lo]):
        lo += 1
    while hi > lo and is_separator(paragraphs[hi - 1]):
        hi -= 1
    edges = [marker_of(p) for p in paragraphs[:lo] + paragraphs[hi:]]

    blocks: list[Block] = []
    scene: list[Paragraph] = []
    i = lo
    while i < hi:
        if is_separator(paragraphs[i], paragraphs[i - 1] if i else None):
            j = i
            while j < hi and is_separator(paragraphs[j]):
                j += 1
            blocks.extend(_letters(scene))
            scene = []
            # Several separators in a row are one break; all of them are kept as written.
            blocks.append(SceneBreak("\n".join(marker_of(p) for p in paragraphs[i:j])))
            i = j
        else:
            scene.append(paragraphs[i])
            i += 1
    blocks.extend(_letters(scene))
    return blocks, edges


def _letters(scene: list[Paragraph]) -> list[Block]:
    out: list[Block] = []
    i = 0
    while i < len(scene):
        found = take_letter(scene, i)
        if found:
            letter, i = found
            out.append(letter)
        else:
            out.append(scene[i])
            i += 1
    return out


def split_blocks(paragraphs: list[Paragraph]) -> list[Block]:
    """Scene breaks and letters within one chapter body.

    A separator at the very start or end of the body is not a scene break (it is dropped from
    the blocks; ``split_blocks_keeping_edges`` returns it); separators in a row count once.
    """
    return split_blocks_keeping_edges(paragraphs)[0]
