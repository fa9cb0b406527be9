import pytest
import time_machine
from django.urls import reverse

from dearreader.lib.factories import make_work
from dearreader.works.models import Chapter, Status, Work
from dearreader.works.tests.helpers import chapter_data, work_data

pytestmark = pytest.mark.django_db


def post_new_work(client, member, submit="post", **overrides):
    client.force_login(member)
    data = {**work_data(member.default_pen_name, **overrides), **chapter_data(), submit: "1"}
    return client.post(reverse("works:new"), data)


def test_author_posts_a_work_with_every_part(client, author):
    response = post_new_work(client, author)
    work = Work.objects.get()
    assert response.status_code == 302
    assert response["Location"] == work.get_absolute_url()
    assert work.status == Status.POSTED
    assert work.rating == "teen"
    assert [t.name for t in work.fandoms] == ["Gilmore Girls"]
    assert sorted(t.name for t in work.characters) == ["Jess Mariano", "Rory Gilmore"]
    assert [t.name for t in work.relationships] == ["Rory Gilmore/Jess Mariano"]
    assert [t.name for t in work.warnings] == ["No Archive Warnings Apply"]
    assert "<em>She</em>" in work.summary_html
    assert work.disclaimer_html == "<p>I own nothing but the plot.</p>"
    assert work.inspired_by_text == "Lazy-Hazy-Crazy Days"
    assert (work.chapter_count, work.word_count) == (1, 7)
    chapter = work.chapters.get()
    assert chapter.title == "One Day" and chapter.status == Status.POSTED


def test_work_can_be_posted_under_another_pen_name(client, author):
    pen = author.pen_names.get(name="Jess Mariano")
    post_new_work(client, author, pen_name=pen.pk)
    work = Work.objects.get()
    assert work.pen_name == pen
    assert "Jess Mariano (dodger)" in client.get(work.get_absolute_url()).content.decode()


def test_nobody_can_post_under_someone_elses_pen_name(client, author, stranger):
    response = post_new_work(client, stranger, pen_name=author.default_pen_name.pk)
    assert response.status_code == 200
    assert not Work.objects.exists()


def test_saving_a_draft_keeps_it_from_everyone_else(client, author, reader):
    post_new_work(client, author, submit="save_draft")
    work = Work.objects.get()
    assert work.status == Status.DRAFT
    assert client.get(work.get_absolute_url()).status_code == 200  # the author
    client.force_login(reader)
    assert client.get(work.get_absolute_url()).status_code == 404
    assert "Letters to Stars Hollow" not in client.get(reverse("works:list")).content.decode()
    client.logout()
    assert client.get(work.get_absolute_url()).status_code == 404


def test_posting_a_draft_posts_it_and_its_chapters(client, author):
    work = make_work(author, post=False, bodies=["One.", "Two."])
    client.force_login(author)
    client.post(reverse("works:post", args=[work.pk]))
    work.refresh_from_db()
    assert work.status == Status.POSTED and work.posted_at
    assert set(work.chapters.values_list("status", flat=True)) == {Status.POSTED}
    assert work.chapter_count == 2


def test_author_edits_a_work(client, author):
    work = make_work(author)
    client.force_login(author)
    data = work_data(
        author.default_pen_name, title="A New Title", fandoms="Gilmore Girls, Bunheads"
    )
    response = client.post(reverse("works:edit", args=[work.pk]), data)
    assert response.status_code == 302
    work.refresh_from_db()
    assert work.title == "A New Title"
    assert sorted(t.name for t in work.fandoms) == ["Bunheads", "Gilmore Girls"]


def test_only_the_author_can_edit_post_or_delete(client, author, stranger):
    work = make_work(author, post=False)
    chapter = work.chapters.get()
    client.force_login(stranger)
    for name, args in [
        ("works:edit", [work.pk]),
        ("works:delete", [work.pk]),
        ("works:chapter_new", [work.pk]),
        ("works:chapter_edit", [work.pk, chapter.pk]),
        ("works:chapter_delete", [work.pk, chapter.pk]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 404
    assert client.post(reverse("works:post", args=[work.pk])).status_code == 404
    assert client.post(reverse("works:delete", args=[work.pk])).status_code == 404
    assert Work.objects.get().status == Status.DRAFT


def test_deleting_a_work_asks_first(client, author):
    work = make_work(author)
    client.force_login(author)
    page = client.get(reverse("works:delete", args=[work.pk]))
    assert page.status_code == 200 and Work.objects.exists()
    client.post(reverse("works:delete", args=[work.pk]))
    assert not Work.objects.exists()
    assert not Chapter.objects.exists()


def test_adding_chapters_updates_the_stats(client, author):
    work = make_work(author, bodies=["one two three"])
    client.force_login(author)
    data = {**chapter_data(title="Two", body="four five"), "post": "1"}
    response = client.post(reverse("works:chapter_new", args=[work.pk]), data)
    assert response.status_code == 302
    work.refresh_from_db()
    assert (work.chapter_count, work.word_count) == (2, 5)
    assert list(work.chapters.values_list("position", flat=True)) == [1, 2]


def test_draft_chapter_of_a_posted_work_is_hidden_until_posted(client, author, reader):
    work = make_work(author)
    client.force_login(author)
    client.post(
        reverse("works:chapter_new", args=[work.pk]),
        {**chapter_data(title="Secret"), "save_draft": "1"},
    )
    draft = work.chapters.get(position=2)
    work.refresh_from_db()
    assert work.chapter_count == 1
    client.force_login(reader)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "Secret" not in client.get(work.get_absolute_url()).content.decode()
    client.force_login(author)
    client.post(reverse("works:chapter_post", args=[work.pk, draft.pk]))
    client.force_login(reader)
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_editing_a_chapter_rerenders_it(client, author):
    work = make_work(author)
    chapter = work.chapters.get()
    client.force_login(author)
    client.post(
        reverse("works:chapter_edit", args=[work.pk, chapter.pk]),
        chapter_data(body="New words here.\n\noOo\n\nAnd more."),
    )
    chapter.refresh_from_db()
    assert '<hr class="scene-break">' in chapter.body_html
    work.refresh_from_db()
    assert work.word_count == 5


def test_deleting_a_chapter_renumbers_the_rest(client, author):
    work = make_work(author, bodies=["one", "two", "three"])
    middle = work.chapters.get(position=2)
    client.force_login(author)
    client.post(reverse("works:chapter_delete", args=[work.pk, middle.pk]))
    assert list(work.chapters.values_list("body", flat=True)) == ["one", "three"]
    assert list(work.chapters.values_list("position", flat=True)) == [1, 2]


def test_the_only_chapter_cannot_be_deleted(client, author):
    work = make_work(author)
    chapter = work.chapters.get()
    client.force_login(author)
    client.post(reverse("works:chapter_delete", args=[work.pk, chapter.pk]))
    assert Chapter.objects.filter(pk=chapter.pk).exists()


def test_inspired_by_another_work_here(client, author, reader):
    other = make_work(reader, title="The Original")
    post_new_work(client, author, inspired_by_work=other.pk)
    work = Work.objects.exclude(pk=other.pk).get()
    assert work.inspired_by_work == other
    assert "The Original" in client.get(work.get_absolute_url()).content.decode()


def test_inspired_by_a_draft_of_someone_else_is_refused(client, author, reader):
    hidden = make_work(reader, title="Hidden", post=False)
    response = post_new_work(client, author, inspired_by_work=hidden.pk)
    assert response.status_code == 200
    assert "no work with that number" in response.content.decode()


def test_posting_needs_login(client):
    response = client.get(reverse("works:new"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_editing_tags_does_not_bump_the_updated_date(client, author):
    with time_machine.travel("2026-01-01 12:00Z", tick=False):
        work = make_work(author)
    client.force_login(author)
    client.post(reverse("works:edit", args=[work.pk]), work_data(author.default_pen_name))
    work.refresh_from_db()
    assert work.updated_at.date().isoformat() == "2026-01-01"
