"""What each download carries: the preface, chapter titles and notes, letters and scene breaks
styled as on the site, and a table of contents."""

import pytest
from django.urls import reverse

from dearreader.downloads.tests.helpers import epub_texts, full_work
from dearreader.importer import read_story

pytestmark = pytest.mark.django_db


def fetch(client, work, extension: str) -> bytes:
    return client.get(reverse("downloads:file", args=[work.pk, "x", extension])).content


def test_epub_holds_preface_chapters_notes_letters_breaks_and_contents(client, author):
    work = full_work(author)
    files = epub_texts(fetch(client, work, "epub"))
    preface = files["EPUB/preface.xhtml"]
    for text in [
        "Paper Boats",
        "Jess Mariano (dodger)",
        "Gilmore Girls",
        "Rory Gilmore/Jess Mariano",
        "No Archive Warnings Apply",
        "General Audiences",
        "<em>apologies</em>",
        "I own nothing.",
        "Written during a week of rain.",
    ]:
        assert text in preface, text
    one, two = files["EPUB/chapter-1.xhtml"], files["EPUB/chapter-2.xhtml"]
    assert "Chapter 1: The Gutter" in one and "Chapter 2: Downstream" in two
    assert "The first of two." in one and "On to the bridge." in one
    assert '<section class="letter" aria-label="Letter signed Jess">' in one
    assert '<p class="letter-closing">Love,<br/>' in one
    assert '<p class="scene-break" role="separator">\u2042</p>' in two
    assert "Thanks for reading all of it." in files["EPUB/afterword.xhtml"]
    css = files["EPUB/style/book.css"]
    assert "section.letter {" in css and "p.scene-break {" in css
    nav = files["EPUB/nav.xhtml"]
    for entry in ["Preface", "Chapter 1: The Gutter", "Chapter 2: Downstream", "End notes"]:
        assert entry in nav, entry
    opf = files["EPUB/content.opf"]
    assert "<dc:creator" in opf and "Jess Mariano (dodger)</dc:creator>" in opf
    assert "<dc:subject>Epistolary</dc:subject>" in opf


def test_html_file_has_contents_and_the_sites_letter_and_break_styles(client, author):
    work = full_work(author)
    html = fetch(client, work, "html").decode()
    assert '<a href="#chapter-1">Chapter 1: The Gutter</a>' in html
    assert '<section class="letter" aria-label="Letter signed Jess">' in html
    assert '<hr class="scene-break">' in html
    assert "section.letter {" in html and "hr.scene-break::after" in html
    assert html.index("Written during a week of rain.") < html.index("The bell over the diner")
    assert html.index("She walked home") < html.index("Thanks for reading all of it.")


def test_html_file_reads_back_through_the_importer_as_the_same_work(client, author):
    work = full_work(author)
    story = read_story(fetch(client, work, "html"), "paper-boats.html")
    assert (story.title, story.author) == ("Paper Boats", "Jess Mariano (dodger)")
    assert story.summary == "Two people fold their apologies into boats."
    assert story.tags["fandoms"] == ["Gilmore Girls"]
    assert story.tags["characters"] == ["Jess Mariano", "Rory Gilmore"]
    assert story.tags["warnings"] == ["No Archive Warnings Apply"]
    assert story.tags["rating"] == ["General Audiences"]
    assert story.disclaimer == "I own nothing."
    assert story.opening_note == "Written during a week of rain."
    assert story.closing_note == "Thanks for reading all of it."
    one, two = story.chapters
    assert (one.name, two.name) == ("The Gutter", "Downstream")
    assert (one.opening_note, one.closing_note) == ("The first of two.", "On to the bridge.")
    (letter,) = one.letters
    assert (letter.salutation.text, letter.signature) == ("Dear Rory,", "Jess")
    assert two.scene_breaks == 1


def test_plain_text_sets_letters_apart_and_marks_scene_breaks(client, author):
    work = full_work(author)
    text = fetch(client, work, "txt").decode()
    lines = text.splitlines()
    assert lines[:3] == ["Paper Boats", "===========", "by Jess Mariano (dodger)"]
    for line in [
        "Fandom: Gilmore Girls",
        "Characters: Jess Mariano, Rory Gilmore",
        "    Two people fold their _apologies_ into boats.",
        "    Chapter 1: The Gutter",
        "Chapter 2: Downstream",
        "    Dear Rory,",
        "    I kept the book you lent me.",
        "    The first of two.",
        "* * *".center(72).rstrip(),
    ]:
        assert line in lines, line
    closing = lines.index("Jess".rjust(36))
    assert lines[closing - 1] == "Love,".rjust(37)
    assert text.index("She walked home") < text.index("Thanks for reading all of it.")
