"""A run of paragraphs to a Story: chapter headings, then each chapter's edges, then its blocks.

How notes are shared out in a file with several chapters:

* Notes, disclaimer and header lines before the first story paragraph of the first chapter
  (whether above or below its heading) are the Story's; those after the last story paragraph
  of the last chapter are the Story's closing note.
* Between two chapters, the notes after one chapter's text and before the next heading are
  the earlier chapter's closing note, up to the first of them that opens something: an A/N
  that does not read as a sign-off ("Thanks for reading", "review", "next chapter"...), a
  disclaimer or a header line. From there on they are the next chapter's opening note, together
  with whatever notes follow its heading.
* If a chapter's edges would take all of its text (a chapter that is only an author's note),
  they are not edges: the text stays in the body.
"""

from __future__ import annotations

from itertools import pairwise

from .blocks import is_separator, marker_of, split_blocks_keeping_edges
from .edges import DISCLAIMER, HEADER, MARKER, NOTE, EdgeItem, preface, tail, title_line
from .markers import Heading, labelled_heading, numbered_heading
from .notes import (
    header_fields,
    is_dialogue,
    signoff_note,
)
from .structure import Chapter, Paragraph, Story


def _is_tagged_heading(p: Paragraph) -> bool:
    return len(p.hint) == 2 and p.hint[0] == "h"


def find_headings(paras: list[Paragraph]) -> dict[int, Heading]:
    """Chapter headings by index: labelled ones, numbered ones in sequence, HTML headings."""
    found: dict[int, Heading] = {}
    for i, p in enumerate(paras):
        h = labelled_heading(p.text)
        if h and not is_separator(p) and not is_dialogue(p.text):
            found[i] = h

    # "1. Title" / "II" lines are headings only as a run 1, 2, 3... with text between them.
    run: list[tuple[int, Heading]] = []
    for i, p in enumerate(paras):
        if i in found:
            continue
        h = numbered_heading(p.text)
        if h and h.number == len(run) + 1 and (not run or i - run[-1][0] >= 3):
            run.append((i, h))
    if len(run) >= 2:
        found.update(run)

    # HTML headings that are not labelled: chapters when a level repeats with text between.
    levels: dict[str, list[int]] = {}
    for i, p in enumerate(paras):
        if _is_tagged_heading(p) and i not in found and p.text and not is_separator(p):
            levels.setdefault(p.hint, []).append(i)
    for idx in levels.values():
        if len(idx) >= 2 and all(b - a >= 2 for a, b in pairwise(idx)):
            for i in idx:
                text = paras[i].text.replace("\n", " ")
                found[i] = Heading(title=text, name=text)
    return found


def _text(items: list[EdgeItem]) -> str | None:
    texts = [i.paragraph.text for i in items if i.kind != MARKER and i.paragraph.text]
    return "\n\n".join(texts) or None


def _join(*parts: str | None) -> str | None:
    return "\n\n".join(p for p in parts if p) or None


def _opens(items: list[EdgeItem], g: int) -> bool:
    """Whether the edge item at ``g`` opens the next chapter rather than closing this one."""
    item = items[g]
    if item.kind in (DISCLAIMER, HEADER):
        return True
    if item.kind != NOTE or not item.labelled:
        return False
    group = [item.paragraph.text]
    for nxt in items[g + 1 :]:
        if nxt.labelled or nxt.kind == MARKER:
            break
        group.append(nxt.paragraph.text)
    return not signoff_note("\n".join(group))


class _Builder:
    def __init__(self, story: Story) -> None:
        self.story = story

    def story_preface(self, items: list[EdgeItem], chapter: Chapter) -> None:
        story = self.story
        notes: list[str | None] = []
        for item in items:
            text = item.paragraph.text
            if item.kind == MARKER:
                chapter.edge_markers.append(marker_of(item.paragraph))
            elif item.kind == DISCLAIMER:
                story.disclaimer = _join(story.disclaimer, text)
            elif item.kind == HEADER:
                for key, value in item.fields.items():
                    if getattr(story, key) is None:
                        setattr(story, key, value)
                notes.append(self._header(text))
            else:
                notes.append(text)
        story.opening_note = _join(story.opening_note, *notes)

    def _header(self, text: str) -> str:
        """Fill the Story's title, author and summary from "Title:" lines and the like.

        The lines stay in the opening note as written: they are the author's preface, and
        the fields are only a reading of them.
        """
        for key, value, _raw in header_fields(text) or []:
            if key in ("title", "author", "summary") and getattr(self.story, key) is None:
                setattr(self.story, key, value)
        return text

    def story_closing(self, items: list[EdgeItem], chapter: Chapter) -> None:
        story = self.story
        for item in items:
            if item.kind == MARKER:
                chapter.edge_markers.append(marker_of(item.paragraph))
            elif item.kind == DISCLAIMER and story.disclaimer is None:
                story.disclaimer = item.paragraph.text
            else:
                story.closing_note = _join(story.closing_note, item.paragraph.text)


def _drop_empty(paras: list[Paragraph]) -> list[Paragraph]:
    return [p for p in paras if p.hint == "hr" or p.text.strip()]


def build_story(
    paragraphs: list[Paragraph],
    *,
    title: str | None = None,
    fallback_title: str | None = None,
    author: str | None = None,
    summary: str | None = None,
    tags: dict[str, list[str]] | None = None,
    chapter_title: str | None = None,
    find_chapters: bool = True,
) -> Story:
    """Structure a story from its paragraphs (HTML <hr> paragraphs carry ``hint="hr"``).

    ``title``/``author``/``summary`` come from a page's metadata; ``fallback_title`` (an HTML
    <title>) is used only when the text does not start with a heading of its own;
    ``chapter_title`` names a lone chapter that has no heading in its text (FanFiction.net's
    chapter menu). ``find_chapters=False`` reads everything as one chapter (an AO3 chapter,
    whose headings the page already gave).
    """
    paras = _drop_empty(paragraphs)
    story = Story(title=title, author=author, summary=summary, tags=dict(tags or {}))
    if paras and _is_tagged_heading(paras[0]) and labelled_heading(paras[0].text) is None:
        top = paras[0].text.replace("\n", " ")
        if story.title is None or story.title.casefold() == top.casefold():
            story.title = top
            paras = paras[1:]
    if story.title is None:
        story.title = fallback_title

    headings = find_headings(paras) if find_chapters else {}
    spans = _heading_spans(paras, headings)
    # A heading with nothing of the story after it is not a heading ("Chapter 2: coming soon!").
    while spans:
        start, end, _ = spans[-1]
        region = paras[end + 1 :]
        if preface(region)[1] < len(region):
            break
        for i in range(start, end + 1):
            headings.pop(i, None)
        spans = _heading_spans(paras, headings)

    parts: list[tuple[Heading | None, list[Paragraph]]] = []
    top_items: list[EdgeItem] = []
    first = spans[0][0] if spans else len(paras)
    before = paras[:first]
    if before:
        items, k = preface(before)
        if k == len(before) and spans:
            top_items = items
        else:
            parts.append((None, before))
    for n, (_start, end, heading) in enumerate(spans):
        stop = spans[n + 1][0] if n + 1 < len(spans) else len(paras)
        region = paras[end + 1 : stop]
        if heading.name is None and len(region) > 1 and title_line(region[0]):
            sub = region[0].text.strip()
            heading = Heading(f"{heading.title}: {sub}", sub, heading.number)
            region = region[1:]
        parts.append((heading, region))
    if not parts:
        parts.append((None, []))

    builder = _Builder(story)
    incoming: list[EdgeItem] = []
    last = len(parts) - 1
    for n, (head, region) in enumerate(parts):
        chapter = Chapter(title=head.title if head else None, name=head.name if head else None)
        pre, k = preface(region)
        post, s = tail(region, lo=k)
        body = region[k:s]
        if not any(not is_separator(p) for p in body):
            # The edges would take everything: then they are not edges.
            pre, post, body = [], [], region
        if n == 0:
            builder.story_preface(top_items + pre, chapter)
        else:
            opening = incoming + pre
            chapter.edge_markers.extend(marker_of(i.paragraph) for i in opening if i.kind == MARKER)
            chapter.opening_note = _text(opening)
        incoming = []
        if n == last:
            builder.story_closing(post, chapter)
        else:
            g = next((g for g in range(len(post)) if _opens(post, g)), len(post))
            closing, incoming = post[:g], post[g:]
            chapter.edge_markers.extend(marker_of(i.paragraph) for i in closing if i.kind == MARKER)
            chapter.closing_note = _text(closing)
        chapter.blocks, edges = split_blocks_keeping_edges(body)
        chapter.edge_markers.extend(edges)
        story.chapters.append(chapter)

    if story.chapters[0].title is None and len(story.chapters) == 1 and chapter_title:
        story.chapters[0].title = chapter_title
        h = labelled_heading(chapter_title)
        story.chapters[0].name = h.name if h else chapter_title
    return story


def _heading_spans(
    paras: list[Paragraph], headings: dict[int, Heading]
) -> list[tuple[int, int, Heading]]:
    """(first index, last index, heading) per chapter; headings in a row make one title."""
    spans: list[tuple[int, int, Heading]] = []
    for i in sorted(headings):
        h = headings[i]
        if spans and spans[-1][1] == i - 1:
            start, _, prev = spans[-1]
            spans[-1] = (start, i, Heading(f"{prev.title} — {h.title}", h.name or prev.name))
        else:
            spans.append((i, i, h))
    return spans
