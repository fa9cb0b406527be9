"""Moving in from AO3: a work downloaded from AO3 as HTML (written here in AO3's download
format) keeps its tags, rating, warnings, summary, notes, chapters, chapter notes and end notes,
through the web preview and through `dearreader import`; a file with parts missing gets a
clear message or a sensible partial import, never a server error."""

from html import escape

import pytest
from django.core.management import CommandError, call_command

from dearreader.works.models import Status, Tag, Work
from dearreader.works.tests.test_import_web import confirm_data, upload

pytestmark = pytest.mark.django_db

TAGS = {
    "Rating": ["Teen And Up Audiences"],
    "Archive Warning": ["Major Character Death"],
    "Category": ["F/M"],
    "Fandom": ["Gilmore Girls"],
    "Relationship": ["Rory Gilmore/Jess Mariano"],
    "Characters": ["Rory Gilmore", "Jess Mariano", "Luke Danes"],
    "Additional Tags": ["Epistolary", "Rain"],
}
CHAPTERS = [
    {
        "heading": "Chapter 1: The Gutter",
        "summary": "Rain, and a boat.",
        "notes": "The first of two.",
        "text": "<p>The storm drain gurgled all afternoon.</p><p>Dear Jess,</p>"
        "<p>I am sorry about the bridge.</p><p>Love,<br/>Rory</p>"
        "<p>The gutter took it.</p>",
        "end_notes": "Thanks for reading this far!",
    },
    {
        "heading": "Chapter 2: Downstream",
        "notes": "",
        "text": "<p>Jess found the boat two streets down.</p><hr/>"
        "<p>He folded a reply, worse at floating.</p>",
        "end_notes": "",
    },
]


def _tag_links(names: list[str]) -> str:
    return ", ".join(
        f'<a href="https://archiveofourown.org/tags/{escape(n)}">{escape(n)}</a>' for n in names
    )


def _captioned(caption: str, html: str) -> str:
    return f'<p>{caption}</p>\n<blockquote class="userstuff">{html}</blockquote>' if html else ""


def ao3_download(
    *,
    title: str = "Paper Boats",
    tags: dict[str, list[str]] = TAGS,
    chapters: list[dict[str, str]] = CHAPTERS,
    preface: bool = True,
    chapters_part: bool = True,
) -> bytes:
    """A work as AO3's "Download > HTML" writes it (its preface, chapters and afterword)."""
    dl = "\n".join(
        f"<dt>{label}:</dt>\n<dd>{_tag_links(names)}</dd>" for label, names in tags.items()
    )
    parts = []
    for n, chapter in enumerate(chapters, start=1):
        notes = _captioned("Chapter Summary", chapter.get("summary", ""))
        notes += _captioned("Chapter Notes", chapter["notes"])
        if chapter["end_notes"]:
            notes += (
                '<div class="endnote-link">See the end of the chapter for '
                f'<a href="#endnotes{n}">more notes</a></div>'
            )
        parts.append(
            f'<div class="meta group">\n<h2 class="heading">{chapter["heading"]}</h2>\n{notes}'
            f'</div>\n<div class="userstuff">{chapter["text"]}</div>'
        )
        if chapter["end_notes"]:
            parts.append(
                f'<div class="meta" id="endnotes{n}"><p>Chapter End Notes</p>'
                f'<blockquote class="userstuff"><p>{chapter["end_notes"]}</p></blockquote></div>'
            )
    preface_html = f"""<div id="preface">
<p class="message"><b>{title}</b><br/>Posted originally on the
<a href="https://archiveofourown.org/">Archive of Our Own</a> at
<a href="https://archiveofourown.org/works/123">https://archiveofourown.org/works/123</a>.</p>
<div class="meta">
<dl class="tags">
{dl}
<dt>Language:</dt>
<dd>English</dd>
<dt>Series:</dt>
<dd>Part 1 of <a href="https://archiveofourown.org/series/9">Boats</a></dd>
<dt>Stats:</dt>
<dd>Published: 2021-03-04 Completed: 2021-03-11 Words: 321 Chapters: 2/2</dd>
</dl>
<h1>{title}</h1>
<div class="byline">by <a rel="author" href="https://archiveofourown.org/users/qm/pseuds/qm">qm</a></div>
<p>Summary</p>
<blockquote class="userstuff"><p>Apologies folded into <em>boats</em>.</p></blockquote>
<p>Notes</p>
<blockquote class="userstuff"><p>Written in a week of rain.</p></blockquote>
<div class="endnote-link">See the end of the work for more <a href="#endnotes">notes</a></div>
</div>
</div>"""
    chapters_html = '<div id="chapters" class="userstuff">\n' + "\n".join(parts) + "\n</div>"
    afterword = """<div id="afterword">
<div class="meta"><div id="endnotes"><p>End Notes</p>
<blockquote class="userstuff"><p>Kudos make my week.</p></blockquote></div></div>
<p class="message">Please <a href="https://archiveofourown.org/works/123/comments/new">drop
by the Archive and comment</a> to let the creator know if you enjoyed their work!</p>
</div>"""
    body = (preface_html if preface else "") + (chapters_html if chapters_part else "")
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="UTF-8"/>'
        f"<title>{title} - qm - Gilmore Girls [Archive of Our Own]</title></head>"
        f"<body>{body}{afterword}</body></html>"
    ).encode()


def assert_kept_everything(work: Work) -> None:
    assert work.title == "Paper Boats"
    assert work.rating == "teen"
    assert [t.name for t in work.warnings] == ["Major Character Death"]
    assert [t.name for t in work.fandoms] == ["Gilmore Girls"]
    assert [t.name for t in work.relationships] == ["Rory Gilmore/Jess Mariano"]
    assert sorted(t.name for t in work.characters) == ["Jess Mariano", "Luke Danes", "Rory Gilmore"]
    assert sorted(t.name for t in work.freeforms) == ["Epistolary", "Rain"]
    assert work.summary == "Apologies folded into boats."  # notes and summaries come as text
    assert work.notes_begin == "Written in a week of rain."
    assert work.notes_end == "Kudos make my week."
    one, two = work.chapters.order_by("position")
    assert (one.title, two.title) == ("The Gutter", "Downstream")
    assert one.notes_begin == "Rain, and a boat.\n\nThe first of two."
    assert one.notes_end == "Thanks for reading this far!"
    assert (two.notes_begin, two.notes_end) == ("", "")
    assert '<section class="letter" aria-label="Letter signed Rory">' in one.body_html
    assert "The gutter took it." in one.body_html
    assert '<hr class="scene-break">' in two.body_html
    assert "He folded a reply" in two.body_html


@pytest.fixture
def warning(db):  # type: ignore[no-untyped-def]
    return Tag.objects.get(kind=Tag.Kind.WARNING, name="Major Character Death")


def test_ao3_download_round_trips_through_the_web_preview(client, author, warning):
    client.force_login(author)
    preview = upload(client, ao3_download(), "Paper_Boats.html")
    assert preview.status_code == 200
    found = preview.context["found"]
    assert [c["title"] for c in found["chapters"]] == [c["heading"] for c in CHAPTERS]
    assert preview.context["work_form"].initial["warnings"] == [warning]
    response = client.post("/works/import/confirm/", confirm_data(preview))
    assert response.status_code == 302
    work = Work.objects.get()
    assert work.status == Status.POSTED
    assert_kept_everything(work)


def test_ao3_download_round_trips_through_the_command_line(author, warning, tmp_path):
    path = tmp_path / "Paper_Boats.html"
    path.write_bytes(ao3_download())
    call_command("importstory", str(path), "--as", "dodger", "--post")
    assert_kept_everything(Work.objects.get())


def test_a_file_without_its_chapters_gets_a_clear_message(client, author, tmp_path, capsys):
    client.force_login(author)
    response = upload(client, ao3_download(chapters_part=False), "cut.html")
    assert response.status_code == 200
    assert "the chapters are missing" in response.content.decode()
    path = tmp_path / "cut.html"
    path.write_bytes(ao3_download(chapters_part=False))
    with pytest.raises(CommandError):
        call_command("importstory", str(path), "--as", "dodger")
    assert "the chapters are missing" in capsys.readouterr().err
    assert not Work.objects.exists()


def test_a_file_without_its_preface_imports_its_chapters(author, tmp_path):
    path = tmp_path / "No_Preface.html"
    path.write_bytes(ao3_download(preface=False))
    call_command("importstory", str(path), "--as", "dodger")
    work = Work.objects.get()
    assert work.title == "No Preface"
    assert work.chapters.count() == 2
    assert work.notes_end == "Kudos make my week."


def test_a_file_whose_chapters_are_empty_gets_a_clear_message(client, author):
    client.force_login(author)
    empty = [{**c, "text": "", "end_notes": "", "summary": "", "notes": ""} for c in CHAPTERS]
    response = upload(client, ao3_download(chapters=empty), "empty.html")
    assert "no story text in its chapters" in response.content.decode()


def test_a_chapter_without_text_is_named_in_the_message_and_nothing_is_saved(
    author, tmp_path, capsys
):
    chapters = [CHAPTERS[0], {**CHAPTERS[1], "text": ""}]
    path = tmp_path / "gap.html"
    path.write_bytes(ao3_download(chapters=chapters))
    with pytest.raises(CommandError):
        call_command("importstory", str(path), "--as", "dodger")
    assert "Chapter 2:" in capsys.readouterr().err
    assert not Work.objects.exists()


def test_an_overlong_tag_is_refused_with_a_reason(client, author, tmp_path, capsys):
    tags = {**TAGS, "Additional Tags": ["x" * 200]}
    path = tmp_path / "tags.html"
    path.write_bytes(ao3_download(tags=tags))
    with pytest.raises(CommandError):
        call_command("importstory", str(path), "--as", "dodger")
    assert "at most 150 characters" in capsys.readouterr().err
    client.force_login(author)
    preview = upload(client, ao3_download(tags=tags), "tags.html")
    response = client.post("/works/import/confirm/", confirm_data(preview))
    assert response.status_code == 200
    assert "at most 150 characters" in response.content.decode()
    assert not Work.objects.exists()


def test_a_file_cut_off_midway_imports_what_it_holds(client, author):
    whole = ao3_download()
    cut = whole[: whole.index(b"He folded a reply")]
    client.force_login(author)
    preview = upload(client, cut, "cut.html")
    assert preview.status_code == 200
    assert len(preview.context["found"]["chapters"]) == 2
    assert client.post("/works/import/confirm/", confirm_data(preview)).status_code == 302
    assert "The gutter took it." in Work.objects.get().chapters.first().body_html
