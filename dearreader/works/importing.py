"""Between the importer's Story and the archive: form data for the preview, and saving."""

import re
from html import escape

from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError

from dearreader.accounts.models import PenName
from dearreader.importer import Chapter as StoryChapter
from dearreader.importer import ImportProblem, Letter, Paragraph, SceneBreak, Story
from dearreader.lib import limits
from dearreader.lib.text import clean_line, clean_summary, clean_text
from dearreader.works import services
from dearreader.works.forms import TAG_FIELDS, tags_problem
from dearreader.works.models import LANGUAGES, BodyFormat, Chapter, Rating, Tag, Work
from dearreader.works.structure import CANONICAL_BREAK, FENCE_CLOSE, fence_open, needs_escape

LINE_BREAK = re.compile(r"<br\s*/?>")


def _language_names() -> dict[str, str]:
    """ "english", "español", "es" -> "es": AO3 names a work's language in that language."""
    names = {}
    for code, _ in LANGUAGES:
        info = LANG_INFO.get(code, {})
        for name in (code, info.get("name", ""), info.get("name_local", "")):
            if name:
                names[name.lower()] = code
    return names


LANGUAGE_CODES = _language_names()
RATINGS_BY_LABEL = {label.lower(): value for value, label in Rating.choices}


def _paragraphs(block: Paragraph | SceneBreak | Letter) -> list[Paragraph]:
    if isinstance(block, Letter):
        return block.paragraphs
    if isinstance(block, Paragraph):
        return [block]
    return []


def _written(paragraph: Paragraph, fmt: str) -> str:
    # A paragraph that reads like a scene break or a fence but is neither keeps a backslash.
    mark = "\\" if needs_escape(paragraph.text) else ""
    if fmt == BodyFormat.TEXT:
        return mark + paragraph.text
    return f"<p>{mark}{paragraph.html}</p>"


def _fence(text: str, fmt: str) -> str:
    return text if fmt == BodyFormat.TEXT else f"<p>{escape(text, quote=False)}</p>"


def chapter_body(chapter: StoryChapter, fmt: str) -> str:
    """The chapter as editable text the posting form understands, with what the importer found
    written out: letters between fences, scene breaks as a break line (or <hr>). Saved with
    ``find_structure`` off, it is never looked for a second time."""
    out = []
    for block in chapter.blocks:
        if isinstance(block, SceneBreak):
            out.append(CANONICAL_BREAK if fmt == BodyFormat.TEXT else "<hr>")
        elif isinstance(block, Letter):
            out.append(_fence(fence_open(block.signature, block.closing is not None), fmt))
            out.extend(_written(p, fmt) for p in block.paragraphs)
            out.append(_fence(FENCE_CLOSE, fmt))
        elif isinstance(block, Paragraph):
            out.append(_written(block, fmt))
    return "\n\n".join(out)


def body_format_for(story: Story) -> str:
    """HTML when the story carries inline markup (italics, links) worth keeping, else text.
    Line breaks alone do not count: the text format keeps them too."""
    for chapter in story.chapters:
        for block in chapter.blocks:
            for paragraph in _paragraphs(block):
                if "<" in LINE_BREAK.sub("", paragraph.html):
                    return BodyFormat.HTML
    return BodyFormat.TEXT


def _first(values: list[str]) -> str:
    return values[0] if values else ""


def work_initial(story: Story, filename: str) -> dict[str, object]:
    """Initial values of the work form: what the file said, else sensible defaults."""
    tags = story.tags
    language = LANGUAGE_CODES.get(_first(tags.get("language", [])).strip().lower(), "en")
    stem = filename.rsplit("/", 1)[-1].rsplit(".", 1)[0].replace("_", " ").strip()
    return {
        "title": clean_line(story.title or "") or clean_line(stem) or "Untitled",
        "summary": clean_summary(story.summary or ""),
        "notes_begin": clean_text(story.opening_note or ""),
        "disclaimer": clean_text(story.disclaimer or ""),
        "notes_end": clean_text(story.closing_note or ""),
        "rating": RATINGS_BY_LABEL.get(_first(tags.get("rating", [])).lower(), Rating.NOT_RATED),
        "language": language,
        # The importer names its tag lists as the work form names its tag fields.
        **{field: ", ".join(tags.get(field, [])) for field in TAG_FIELDS.values()},
        "warnings": list(
            Tag.objects.filter(kind=Tag.Kind.WARNING, name__in=tags.get("warnings", []))
        ),
        "is_complete": True,
    }


def chapters_initial(story: Story, fmt: str) -> list[dict[str, str | bool]]:
    return [
        {
            # A heading that is only a number ("Chapter 2") names nothing.
            "title": clean_line(chapter.name or ""),
            "notes_begin": clean_text(chapter.opening_note or ""),
            "notes_end": clean_text(chapter.closing_note or ""),
            "body_format": fmt,
            "body": clean_text(chapter_body(chapter, fmt)),
            "find_structure": False,
        }
        for chapter in story.chapters
    ]


def _many(problems: list[str], most: int = 3) -> list[str]:
    if len(problems) <= most:
        return problems
    return [*problems[:most], f"… and {len(problems) - most} more like these."]


def refusals(story: Story, chapters: list[dict[str, str | bool]]) -> list[str]:
    """What saving would refuse whatever the author corrects: a file with any of these is
    refused before its preview. ``chapters`` are ``chapters_initial`` of the story."""
    problems = []
    if len(story.chapters) > limits.CHAPTERS_PER_WORK:
        problems.append(
            f"It has {len(story.chapters):,} chapters; a work can have at most "
            f"{limits.CHAPTERS_PER_WORK}."
        )
    long = []
    for n, chapter in enumerate(chapters, start=1):
        size = len(str(chapter["body"]))
        if size > limits.CHAPTER_MAX_CHARS:
            long.append(
                f"Chapter {n} has {size:,} characters; a chapter can have at most "
                f"{limits.CHAPTER_MAX_CHARS:,} (mark where its chapters begin, "
                "e.g. “Chapter 2”, and import it again)."
            )
    return problems + _many(long)


_WORK_FIELDS = [
    ("title", "The title", limits.TITLE_MAX_CHARS),
    ("summary", "The summary", limits.SUMMARY_MAX_CHARS),
    ("notes_begin", "The opening note", limits.NOTES_MAX_CHARS),
    ("disclaimer", "The disclaimer", limits.NOTES_MAX_CHARS),
    ("notes_end", "The closing note", limits.NOTES_MAX_CHARS),
]
_CHAPTER_FIELDS = [
    ("title", "title", limits.TITLE_MAX_CHARS),
    ("notes_begin", "opening note", limits.NOTES_MAX_CHARS),
    ("notes_end", "closing note", limits.NOTES_MAX_CHARS),
]


def too_long(work: dict[str, object], chapters: list[dict[str, str | bool]]) -> list[str]:
    """Fields over their limit: the preview asks the author to shorten them before saving."""
    problems = []
    for field, label, most in _WORK_FIELDS:
        size = len(str(work.get(field) or ""))
        if size > most:
            problems.append(f"{label} has {size:,} characters; the limit is {most:,}.")
    for n, chapter in enumerate(chapters, start=1):
        for field, label, most in _CHAPTER_FIELDS:
            size = len(str(chapter.get(field) or ""))
            if size > most:
                problems.append(
                    f"Chapter {n}'s {label} has {size:,} characters; the limit is {most:,}."
                )
    return _many(problems, most=5)


def _check(instance: Work | Chapter, what: str, exclude: list[str]) -> None:
    """The model's own rules, reported as an import problem that names the part at fault."""
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as e:
        raise ImportProblem(f"{what}: {' '.join(e.messages)}") from None


def story_save(*, story: Story, filename: str, pen_name: PenName, post: bool) -> Work:
    """Save an imported story as it was found (the command line has no preview): a story over
    any limit is refused with what is over it (``ImportProblem``), never cut short."""
    initial = work_initial(story, filename)
    fmt = body_format_for(story)
    chapter_data = chapters_initial(story, fmt)
    problems = refusals(story, chapter_data) + too_long(initial, chapter_data)
    if problems:
        raise ImportProblem(" ".join(problems))
    work = Work(
        pen_name=pen_name,
        title=str(initial["title"]),
        summary=str(initial["summary"]),
        notes_begin=str(initial["notes_begin"]),
        disclaimer=str(initial["disclaimer"]),
        notes_end=str(initial["notes_end"]),
        rating=str(initial["rating"]),
        language=str(initial["language"]),
        is_complete=True,
    )
    _check(work, "The work", exclude=["pen_name"])
    chapters = [Chapter(**data) for data in chapter_data]
    for number, chapter in enumerate(chapters, start=1):
        _check(chapter, f"Chapter {number}", exclude=["work"])
    tag_names: dict[str, list[str]] = {
        kind: services.split_tags(str(initial[field])) for kind, field in TAG_FIELDS.items()
    }
    problem = tags_problem([name for names in tag_names.values() for name in names])
    if problem:
        raise ImportProblem(problem)
    warnings = initial["warnings"]
    assert isinstance(warnings, list)
    return services.work_create(
        work=work, chapters=chapters, tag_names=tag_names, warnings=warnings, post=post
    )
