"""The demo archive: a few members and works, written for this project, loaded through the
importer so that the demo also shows what an import finds."""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from dearreader.accounts.models import Member
from dearreader.importer import read_story
from dearreader.lib.factories import make_member
from dearreader.works import services
from dearreader.works.importing import body_format_for, chapter_body, story_save
from dearreader.works.models import Chapter, Rating, Tag, Work

STORIES = Path(__file__).resolve().parent / "stories"


@dataclass
class DemoWork:
    files: list[str]
    title: str
    member: str
    summary: str
    rating: str
    tags: dict[str, list[str]]
    warning: str = "No Archive Warnings Apply"
    complete: bool = True
    expected_chapters: int | None = None
    restricted: bool = False
    post: bool = True
    pen_name: str | None = None
    extra: dict[str, object] = field(default_factory=dict)


MEMBERS = {"lizzy": "Elizabeth B.", "baker": None, "march": None}

WORKS = [
    DemoWork(
        files=["postmarked-longbourn.txt", "postmarked-longbourn-2.txt"],
        title="Postmarked Longbourn",
        member="lizzy",
        pen_name="Elizabeth B.",
        summary="Jane writes from Longbourn; Lizzy writes back. In between, a certain gentleman "
        "keeps calling at the parsonage.",
        rating=Rating.GENERAL,
        tags={
            Tag.Kind.FANDOM: ["Pride and Prejudice - Jane Austen"],
            Tag.Kind.RELATIONSHIP: ["Elizabeth Bennet/Fitzwilliam Darcy"],
            Tag.Kind.CHARACTER: ["Elizabeth Bennet", "Jane Bennet", "Fitzwilliam Darcy"],
            Tag.Kind.FREEFORM: ["Epistolary", "Sisters", "Canon Divergence"],
        },
        complete=False,
    ),
    DemoWork(
        files=["misplaced-umbrella.txt"],
        title="The Adventure of the Misplaced Umbrella",
        member="baker",
        summary="A short letter, a missing umbrella, and a brother who is not where he says.",
        rating=Rating.TEEN,
        tags={
            Tag.Kind.FANDOM: ["Sherlock Holmes - Arthur Conan Doyle"],
            Tag.Kind.CHARACTER: ["Sherlock Holmes", "John Watson", "Violet Hunter"],
            Tag.Kind.FREEFORM: ["Case Fic", "Fog", "Letters"],
        },
    ),
    DemoWork(
        files=["three-notes.txt"],
        title="Three Notes on the Piano",
        member="march",
        summary="Three notes, one Christmas, one sister at the piano.",
        rating=Rating.GENERAL,
        tags={
            Tag.Kind.FANDOM: ["Little Women - Louisa May Alcott"],
            Tag.Kind.CHARACTER: ["Beth March", "Jo March", "Amy March", "Marmee"],
            Tag.Kind.FREEFORM: ["Christmas", "Fluff", "Sisters"],
        },
        restricted=True,
    ),
]


def _member(username: str) -> Member:
    existing = Member.objects.filter(username=username).first()
    if existing:
        return existing
    member = make_member(username, pen_name=MEMBERS.get(username))
    member.set_unusable_password()  # demo accounts are not a way in
    member.save(update_fields=["password"])
    return member


def _load(demo: DemoWork) -> Work:
    member = _member(demo.member)
    pen_name = member.pen_names.get(name=demo.pen_name) if demo.pen_name else None
    first, *rest = (read_story((STORIES / name).read_bytes(), name) for name in demo.files)
    if rest:  # more chapters follow, so the first file's closing note ends its chapter
        first.chapters[-1].closing_note, first.closing_note = first.closing_note, None
    work = story_save(
        story=first,
        filename=demo.files[0],
        pen_name=pen_name or member.default_pen_name,
        post=demo.post,
    )
    for story in rest:
        fmt = body_format_for(story)
        for found in story.chapters:
            chapter = Chapter(
                title=found.name or "",
                body=chapter_body(found, fmt),
                body_format=fmt,
                find_structure=False,  # what the importer found is written in the body
            )
            services.chapter_add(work=work, chapter=chapter, post=demo.post)
    work.title = demo.title
    work.summary = demo.summary
    work.rating = demo.rating
    work.is_complete = demo.complete
    work.expected_chapters = demo.expected_chapters
    work.restricted = demo.restricted
    warnings = Tag.objects.filter(kind=Tag.Kind.WARNING, name=demo.warning)
    return services.work_update(work=work, tag_names=demo.tags, warnings=warnings)


@transaction.atomic
def load_demo() -> list[Work]:
    """Load the demo works that are not there yet (matched by title); returns the new ones."""
    have = set(
        Work.objects.filter(title__in=[w.title for w in WORKS]).values_list("title", flat=True)
    )
    return [_load(demo) for demo in WORKS if demo.title not in have]
