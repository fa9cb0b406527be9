"""Rendering happens before a write's transaction opens: the transaction only writes rows."""

import pytest
from django.db import connection
from django.urls import reverse

from dearreader.lib.factories import make_work
from dearreader.works import rendering
from dearreader.works.models import Tag
from dearreader.works.tests.helpers import chapter_data, work_data

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def render_calls(monkeypatch):
    """Whether a transaction was open each time a body or a note was rendered."""
    calls: list[bool] = []
    body, text = rendering.render_body, rendering.render_text

    def watched_body(*args, **kwargs):
        calls.append(connection.in_atomic_block)
        return body(*args, **kwargs)

    def watched_text(*args, **kwargs):
        calls.append(connection.in_atomic_block)
        return text(*args, **kwargs)

    monkeypatch.setattr("dearreader.works.models.render_body", watched_body)
    monkeypatch.setattr("dearreader.works.models.render_text", watched_text)
    return calls


def test_posting_editing_and_adding_render_outside_the_transaction(client, author, render_calls):
    # A transactional test starts from an empty database: the warning the form needs.
    Tag.objects.get_or_create(kind=Tag.Kind.WARNING, name="No Archive Warnings Apply")
    client.force_login(author)
    data = {**work_data(author.default_pen_name), **chapter_data(), "post": "1"}
    assert client.post(reverse("works:new"), data).status_code == 302
    work = author.pen_names.get(is_default=True).works.get()
    chapter = work.chapters.get()
    edit = chapter_data(body="Changed.")
    url = reverse("works:chapter_edit", args=[work.pk, chapter.pk])
    assert client.post(url, edit).status_code == 302
    url = reverse("works:chapter_new", args=[work.pk])
    assert client.post(url, {**chapter_data(), "post": "1"}).status_code == 302
    url = reverse("works:edit", args=[work.pk])
    assert client.post(url, work_data(author.default_pen_name)).status_code == 302
    assert render_calls and not any(render_calls)


def test_posting_a_chapter_does_not_render_again(author, render_calls):
    from dearreader.works import services

    work = make_work(author, post=False)
    render_calls.clear()
    services.work_post(work=work)
    assert render_calls == []
