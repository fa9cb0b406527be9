import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dearreader.importer import MAX_IMPORT_BYTES
from dearreader.works.models import Status, Work

pytestmark = pytest.mark.django_db

STORY = b"""A/N: My first story here. R&R!

Disclaimer: I own nothing but the plot.

Chapter 1: The Note

He left it by the register.

Dear Rory,

I'm sorry. I should have said it in person.

Jess

* * *

She read it twice and put it in her pocket.

A/N: Thanks for reading!
"""


def upload(client, content: bytes, name="story.txt"):
    return client.post(reverse("works:import"), {"file": SimpleUploadedFile(name, content)})


def confirm_data(response, submit="post"):
    """The preview's form fields, as the browser would send them back."""
    data = {submit: "1"}
    for form in [response.context["work_form"], *response.context["formset"]]:
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            data[field.html_name] = (
                [v.pk if hasattr(v, "pk") else v for v in value]
                if isinstance(value, list)
                else value
            )
    management = response.context["formset"].management_form
    for field in management:
        data[field.html_name] = field.value()
    return data


def test_upload_shows_what_was_found_and_posts_after_review(client, author):
    client.force_login(author)
    response = upload(client, STORY)
    assert response.status_code == 200
    found = response.context["found"]
    assert found["opening_note"].startswith("A/N: My first story")
    assert found["disclaimer"] == "Disclaimer: I own nothing but the plot."
    assert found["closing_note"] == "A/N: Thanks for reading!"
    [chapter] = found["chapters"]
    assert chapter["title"] == "Chapter 1: The Note"
    assert chapter["scene_breaks"] == 1
    assert chapter["letters"] == [{"salutation": "Dear Rory,", "signature": "Jess"}]
    assert not Work.objects.exists()  # nothing is saved before the author confirms

    data = confirm_data(response)
    data["work-fandoms"] = "Gilmore Girls"
    data["work-title"] = "The Note"
    data["chapters-0-title"] = "The Note, corrected"
    response = client.post(reverse("works:import_confirm"), data)
    assert response.status_code == 302, response.context and response.context["work_form"].errors
    work = Work.objects.get()
    assert work.status == Status.POSTED
    assert work.notes_begin.startswith("A/N: My first story")
    assert work.disclaimer == "Disclaimer: I own nothing but the plot."
    chapter = work.chapters.get()
    assert chapter.title == "The Note, corrected"
    assert 'class="letter"' in chapter.body_html
    assert '<hr class="scene-break">' in chapter.body_html


def test_import_can_be_saved_as_a_draft(client, author):
    client.force_login(author)
    data = confirm_data(upload(client, STORY), submit="save_draft")
    data["work-fandoms"] = "Gilmore Girls"
    client.post(reverse("works:import_confirm"), data)
    assert Work.objects.get().status == Status.DRAFT


def test_invalid_confirmation_shows_the_form_again_and_saves_nothing(client, author):
    client.force_login(author)
    data = confirm_data(upload(client, STORY))
    data["work-fandoms"] = ""
    data["chapters-0-body"] = ""
    response = client.post(reverse("works:import_confirm"), data)
    assert response.status_code == 200
    assert not Work.objects.exists()


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "empty.txt", "empty"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "pic.txt", "could not be imported"),
        (b"PK\x03\x04" + b"\x00" * 200, "book.epub", "could not be imported"),
        (bytes(range(256)) * 50, "noise.bin", "could not be imported"),
    ],
)
def test_unreadable_files_get_a_clear_message(client, author, content, name, message):
    client.force_login(author)
    response = upload(client, content, name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Work.objects.exists()


def test_a_50_mb_file_is_refused_with_its_size(client, author):
    client.force_login(author)
    big = SimpleUploadedFile("huge.txt", b"")
    big.file = io.BytesIO(b"a" * (50 * 1024 * 1024))
    big.size = 50 * 1024 * 1024
    response = client.post(reverse("works:import"), {"file": big})
    assert response.status_code == 200
    assert "50.0 MB" in response.content.decode()
    assert not Work.objects.exists()


def test_limit_is_the_importers(client, author):
    client.force_login(author)
    response = upload(client, b"x" * (MAX_IMPORT_BYTES + 1))
    assert "the limit is 10 MB" in response.content.decode()


def test_cp1252_file_is_decoded(client, author):
    client.force_login(author)
    text = "A/N: caf\u00e9 \u201cquotes\u201d\n\nShe said \u201chello\u201d and left.\n\nThe end."
    response = upload(client, text.encode("cp1252"))
    assert response.status_code == 200
    assert "\u201chello\u201d" in response.context["formset"][0].initial["body"]


def test_html_upload_keeps_italics_and_drops_scripts(client, author):
    client.force_login(author)
    html = (
        b"<html><body><p>A/N: hi</p><p>She was <em>so</em> tired.</p>"
        b"<script>alert(1)</script><p onclick='x()'>The end.</p></body></html>"
    )
    response = upload(client, html, "story.html")
    body = response.context["formset"][0].initial["body"]
    assert "<em>so</em>" in body
    assert "script" not in body and "onclick" not in body


def test_import_needs_login(client):
    assert client.get(reverse("works:import")).status_code == 302


def test_plain_text_with_letters_stays_plain_text(client, author):
    client.force_login(author)
    story = b"She read it.\n\nDear Jess,\n\nCome home.\n\nLove,\nRory\n\nShe folded it."
    response = upload(client, story)
    chapter = response.context["formset"][0]
    assert chapter.initial["body_format"] == "text"
    assert "<" not in chapter.initial["body"]
    # What the importer found is written out, and not looked for again when saved.
    assert chapter.initial["body"] == (
        "She read it.\n\n::: letter signed Rory\n\nDear Jess,\n\nCome home.\n\nLove,\nRory"
        "\n\n:::\n\nShe folded it."
    )
    assert chapter.initial["find_structure"] is False


def test_html_import_writes_fences_and_rules(client, author):
    client.force_login(author)
    html = (
        b"<p>He wrote.</p><p>Dear Jess,</p><p>Come <em>home</em>.</p><p>Rory</p>"
        b"<hr><p>* * *</p><p>Later.</p>"
    )
    body = upload(client, html, "story.html").context["formset"][0].initial["body"]
    assert body == (
        "<p>He wrote.</p>\n\n<p>::: letter signed Rory</p>\n\n<p>Dear Jess,</p>\n\n"
        "<p>Come <em>home</em>.</p>\n\n<p>Rory</p>\n\n<p>:::</p>\n\n<hr>\n\n<p>Later.</p>"
    )


def test_ao3_download_fills_title_tags_rating_and_language(client, author):
    from dearreader.importer.tests.seeds import sample

    client.force_login(author)
    html = sample("ao3.html").replace(b"<dd>English</dd>", "<dd>Español</dd>".encode())
    response = upload(client, html, "work.html")
    initial = response.context["work_form"].initial
    assert initial["language"] == "es"
    assert initial["title"] and initial["title"] != "work"
    assert initial["fandoms"]
    assert initial["rating"] != "not-rated"
