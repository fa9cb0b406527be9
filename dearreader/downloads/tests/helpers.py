"""A work with every part a download must carry, and reading downloaded files back."""

import io
import zipfile

from dearreader.lib.factories import make_work
from dearreader.works import services
from dearreader.works.models import Tag, Work

LETTER = "Dear Rory,\n\nI kept the book you lent me.\n\nLove,\nJess"
CHAPTERS = [
    "The bell over the diner door rang twice.\n\n" + LETTER + "\n\nShe read it twice.",
    "The bridge was wet.\n\n* * *\n\nShe walked home the long way.",
]


def full_work(author, **fields) -> Work:  # type: ignore[no-untyped-def]
    fields = {
        "summary": "Two people fold their *apologies* into boats.",
        "disclaimer": "I own nothing.",
        "notes_begin": "Written during a week of rain.",
        "notes_end": "Thanks for reading all of it.",
        **fields,
    }
    work = make_work(
        author,
        title="Paper Boats",
        pen_name="Jess Mariano",
        bodies=CHAPTERS,
        tags={
            Tag.Kind.FANDOM: ["Gilmore Girls"],
            Tag.Kind.RELATIONSHIP: ["Rory Gilmore/Jess Mariano"],
            Tag.Kind.CHARACTER: ["Rory Gilmore", "Jess Mariano"],
            Tag.Kind.FREEFORM: ["Epistolary"],
        },
        **fields,
    )
    services.work_set_tags(
        work=work,
        tag_names={kind: [t.name for t in work.tags_of(kind)] for kind in Tag.Kind.values},
        warnings=Tag.objects.filter(name="No Archive Warnings Apply"),
    )
    first, second = work.chapters.all()
    first.title = "The Gutter"
    first.notes_begin = "The first of two."
    first.notes_end = "On to the bridge."
    services.chapter_update(chapter=first)
    second.title = "Downstream"
    services.chapter_update(chapter=second)
    return Work.objects.get(pk=work.pk)


def epub_texts(data: bytes) -> dict[str, str]:
    """Every file in an EPUB by name, as text (the stylesheet and XHTML are what tests read)."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return {
            name: book.read(name).decode()
            for name in book.namelist()
            if name.endswith((".xhtml", ".css", ".opf", ".ncx"))
        }
