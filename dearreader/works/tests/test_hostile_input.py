"""Every text field of a work and a chapter, fed hostile input."""

import re

import pytest
from django.urls import reverse

from dearreader.works.models import Work
from dearreader.works.tests.helpers import chapter_data, work_data

pytestmark = pytest.mark.django_db

EVIL = (
    '<script>alert(1)</script><img src=x onerror="alert(2)">'
    '<a href="javascript:alert(3)" onclick="alert(4)">link</a><p style="x" onmouseover="y">ok</p>'
)
WORK_TEXT_FIELDS = ["summary", "disclaimer", "notes_begin", "notes_end"]
CHAPTER_TEXT_FIELDS = ["notes_begin", "notes_end", "body"]


def post(client, member, work_overrides=None, chapter_overrides=None):
    client.force_login(member)
    data = {
        **work_data(member.default_pen_name, **(work_overrides or {})),
        **chapter_data(**(chapter_overrides or {})),
        "post": "1",
    }
    return client.post(reverse("works:new"), data)


def assert_clean(html: str) -> None:
    """No tag that runs anything: the same words shown as text (escaped) are harmless."""
    tags = " ".join(re.findall(r"<[^>]*>", html)).lower()
    for bad in ["<script", "<img", "onerror", "onclick", "onmouseover", "javascript:", "style="]:
        assert bad not in tags, (bad, html)


@pytest.mark.parametrize("body_format", ["text", "html"])
def test_scripts_and_handlers_are_stripped_from_every_field(client, author, body_format):
    response = post(
        client,
        author,
        {field: EVIL for field in WORK_TEXT_FIELDS} | {"title": EVIL[:200]},
        {field: EVIL for field in CHAPTER_TEXT_FIELDS}
        | {"body_format": body_format, "title": EVIL[:200]},
    )
    assert response.status_code == 302
    work = Work.objects.get()
    chapter = work.chapters.get()
    for html in [
        work.summary_html,
        work.disclaimer_html,
        work.notes_begin_html,
        work.notes_end_html,
        chapter.body_html,
        chapter.notes_begin_html,
        chapter.notes_end_html,
    ]:
        assert_clean(html)
    page = client.get(work.get_absolute_url()).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page  # the title is shown as text, escaped


def test_empty_title_is_refused_with_a_message(client, author):
    response = post(client, author, {"title": "   "})
    assert response.status_code == 200
    assert not Work.objects.exists()
    assert response.context["work_form"].errors["title"]


def test_huge_title_is_refused_not_truncated(client, author):
    response = post(client, author, {"title": "A" * 10_000})
    assert response.status_code == 200
    assert "at most 255 characters" in response.content.decode()
    assert not Work.objects.exists()


def test_empty_body_is_refused_and_nothing_is_half_saved(client, author):
    response = post(client, author, chapter_overrides={"body": "  \n\n "})
    assert response.status_code == 200
    assert "A chapter needs some text." in response.content.decode()
    assert not Work.objects.exists()


def test_too_long_body_is_refused_not_truncated(client, author):
    response = post(client, author, chapter_overrides={"body": "word " * 100_001})
    assert response.status_code == 200
    assert not Work.objects.exists()


def test_missing_fandom_is_refused(client, author):
    response = post(client, author, {"fandoms": ""})
    assert response.status_code == 200
    assert not Work.objects.exists()


def test_unknown_choices_are_refused(client, author):
    for overrides in [
        {"rating": "nc-17"},
        {"language": "klingon"},
        {"warnings": [999999]},
        {"pen_name": 999999},
        {"inspired_by_work": "abc"},
    ]:
        response = post(client, author, overrides)
        assert response.status_code == 200, overrides
    assert not Work.objects.exists()


def test_too_many_tags_are_refused(client, author):
    response = post(client, author, {"freeforms": ", ".join(f"tag {n}" for n in range(80))})
    assert response.status_code == 200
    assert "at most 75 tags" in response.content.decode()


def test_control_characters_and_nul_do_not_crash(client, author):
    response = post(
        client,
        author,
        {"summary": "a\x00b\x07c"},
        {"body": "Line\x0bone\x00.\n\nTwo \ufeff\u202e."},
    )
    assert response.status_code in {200, 302}
    assert client.get(reverse("works:list")).status_code == 200


def test_posting_without_csrf_token_is_refused(author):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(author)
    data = {**work_data(author.default_pen_name), **chapter_data(), "post": "1"}
    assert client.post(reverse("works:new"), data).status_code == 403
    assert not Work.objects.exists()


def test_tags_and_pen_names_are_shown_as_text(client, author):
    client.force_login(author)
    client.post(
        reverse("accounts:pen_names"), {"name": "<b onmouseover=x>Pen</b>", "description": ""}
    )
    pen = author.pen_names.get(name__startswith="<b")
    response = post(client, author, {"pen_name": pen.pk, "fandoms": "<script>alert(1)</script>"})
    assert response.status_code == 302
    page = client.get(Work.objects.get().get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    assert "<b onmouseover" not in page and "&lt;b onmouseover=x&gt;Pen" in page


def test_overlong_tag_is_refused_not_truncated(client, author):
    response = post(client, author, {"characters": "Rory, " + "x" * 151})
    assert response.status_code == 200
    assert "at most 150 characters" in response.content.decode()
    assert not Work.objects.exists()


@pytest.mark.parametrize("data", [{}, {"junk": "x" * 5000, "work-title": ["a", "b"]}])
def test_empty_or_junk_posts_to_every_form_never_give_a_server_error(client, author, data):
    from dearreader.lib.factories import make_work

    work = make_work(author)
    chapter = work.chapters.get()
    client.force_login(author)
    urls = [
        reverse("works:new"),
        reverse("works:edit", args=[work.pk]),
        reverse("works:chapter_new", args=[work.pk]),
        reverse("works:chapter_edit", args=[work.pk, chapter.pk]),
        reverse("works:import"),
        reverse("works:import_confirm"),
        reverse("accounts:pen_names"),
    ]
    for url in urls:
        assert client.post(url, data).status_code in {200, 302}, url
    client.logout()
    for url in [reverse("accounts:login"), reverse("accounts:register")]:
        assert client.post(url, data).status_code in {200, 302}, url
    assert Work.objects.count() == 1
