"""Form data for the posting pages, as a browser would send it."""

from dearreader.works.models import Tag


def work_data(pen, **overrides) -> dict[str, object]:
    data = {
        "work-pen_name": pen.pk,
        "work-title": "Letters to Stars Hollow",
        "work-rating": "teen",
        "work-warnings": [Tag.objects.get(name="No Archive Warnings Apply").pk],
        "work-fandoms": "Gilmore Girls",
        "work-relationships": "Rory Gilmore/Jess Mariano",
        "work-characters": "Rory Gilmore, Jess Mariano",
        "work-freeforms": "Letters, Angst",
        "work-language": "en",
        "work-summary": "He writes. *She* reads.",
        "work-disclaimer": "I own nothing but the plot.",
        "work-notes_begin": "A/N: R & R!",
        "work-notes_end": "Thanks for reading.",
        "work-inspired_by_text": "Lazy-Hazy-Crazy Days",
        "work-expected_chapters": "",
    }
    data.update({f"work-{k}": v for k, v in overrides.items()})
    return data


def chapter_data(**overrides) -> dict[str, object]:
    data = {
        "chapter-title": "One Day",
        "chapter-notes_begin": "",
        "chapter-body_format": "text",
        "chapter-body": "He wrote the letter.\n\n* * *\n\nShe read it.",
        "chapter-find_structure": "on",  # checked in the form unless the author unticks it
        "chapter-notes_end": "",
    }
    data.update({f"chapter-{k}": v for k, v in overrides.items()})
    return data
