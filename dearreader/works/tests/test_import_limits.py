"""One set of limits (``lib/limits.py``), checked before the preview and again on saving."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from dearreader.lib import limits
from dearreader.works.models import Work

pytestmark = pytest.mark.django_db


def upload(client, content: bytes, name="story.txt"):
    return client.post(reverse("works:import"), {"file": SimpleUploadedFile(name, content)})


def chapters(count: int) -> bytes:
    return "".join(
        f"Chapter {n}\n\nShe wrote chapter {n}.\n\n" for n in range(1, count + 1)
    ).encode()


def test_more_chapters_than_a_work_may_have_is_refused_before_the_preview(client, author):
    client.force_login(author)
    response = upload(client, chapters(limits.CHAPTERS_PER_WORK + 1))
    page = response.content.decode()
    assert "formset" not in response.context  # no preview
    assert "It has 501 chapters; a work can have at most 500." in page


def test_as_many_chapters_as_allowed_are_previewed_and_can_be_saved(client, author):
    client.force_login(author)
    response = upload(client, chapters(limits.CHAPTERS_PER_WORK))
    assert len(response.context["formset"].forms) == limits.CHAPTERS_PER_WORK


def test_a_chapter_over_the_size_limit_is_refused_before_the_preview(client, author):
    client.force_login(author)
    body = ("She wrote and wrote. " * 30_000).encode()  # 630,000 characters
    response = upload(client, body)
    assert "formset" not in response.context
    assert "Chapter 1 has 629,999 characters; a chapter can have at most 500,000" in (
        response.content.decode()
    )


def test_a_file_of_a_million_lines_is_refused_at_once(client, author):
    client.force_login(author)
    response = upload(client, b"line<br>" * 1_000_000, "lines.html")
    assert "has 1,000,001 lines (line breaks, &lt;br&gt; and paragraphs); the limit is 250,000" in (
        response.content.decode()
    )


def test_a_long_note_is_flagged_in_the_preview(client, author):
    client.force_login(author)
    note = "A/N: " + "thanks so much " * 400  # 6,005 characters
    response = upload(client, f"{note}\n\nChapter 1\n\nThe story.\n\nThe end.".encode())
    assert response.context["too_long"] == [
        "The opening note has 6,004 characters; the limit is 5,000."
    ]
    assert "Shorten these before saving" in response.content.decode()


def test_too_many_fields_get_a_clear_page(client, author):
    client.force_login(author)
    data = {f"f{n}": "x" for n in range(limits.FORM_MAX_FIELDS + 1)}
    response = client.post(reverse("works:import_confirm"), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert f"more than {limits.FORM_MAX_FIELDS:,} fields" in page
    assert "Your edits are still in the page you came from" in page


def test_the_form_limits_cover_the_biggest_allowed_work():
    assert limits.FORM_MAX_FIELDS >= limits.CHAPTERS_PER_WORK * limits.FIELDS_PER_CHAPTER + 30
    assert limits.FORM_MAX_BYTES > limits.IMPORT_MAX_BYTES


def test_the_command_line_refuses_instead_of_cutting_the_title(tmp_path, author, capsys):
    path = tmp_path / "long.txt"
    path.write_text("Title: " + "Very " * 60 + "Long\n\nThe story begins.\n\nThe end.")
    with pytest.raises(CommandError):
        call_command("importstory", str(path), "--as", "dodger")
    assert "The title has 304 characters; the limit is 255." in capsys.readouterr().err
    assert not Work.objects.exists()
