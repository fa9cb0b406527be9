import pytest
import time_machine
from django.urls import reverse

from dearreader.lib.factories import make_work
from dearreader.works.models import Work

pytestmark = pytest.mark.django_db

LETTER = "He left a note.\n\nDear Rory,\n\nI miss the sound of your voice.\n\nJess\n\nShe found it."


def test_work_page_shows_the_preface_and_first_chapter(client, author):
    work = make_work(
        author,
        title="Postmarked",
        bodies=["First words.", "Second words."],
        disclaimer="I own nothing.",
        notes_begin="A/N: hello",
        notes_end="Bye!",
    )
    page = client.get(work.get_absolute_url()).content.decode()
    for text in [
        "Postmarked",
        "dodger",
        "Gilmore Girls",
        "I own nothing.",
        "A/N: hello",
        "First words.",
    ]:
        assert text in page
    assert "Second words." not in page


def test_chapter_by_chapter_with_previous_and_next(client, author):
    work = make_work(author, bodies=["One.", "Two.", "Three."])
    first, second, third = work.chapters.all()
    response = client.get(second.get_absolute_url())
    assert response.context["previous"] == first
    assert response.context["next"] == third
    page = response.content.decode()
    assert first.get_absolute_url() in page and third.get_absolute_url() in page
    assert client.get(third.get_absolute_url()).context["next"] is None


def test_entire_work_shows_every_chapter_and_the_end_notes(client, author):
    work = make_work(author, bodies=["One.", "Two.", "Three."], notes_end="The end note.")
    page = client.get(reverse("works:full", args=[work.pk])).content.decode()
    assert (
        page.index("One.") < page.index("Two.") < page.index("Three.") < page.index("The end note.")
    )


def test_chapter_index_lists_the_chapters(client, author):
    work = make_work(author, bodies=["One.", "Two."])
    page = client.get(reverse("works:navigate", args=[work.pk])).content.decode()
    for chapter in work.chapters.all():
        assert chapter.get_absolute_url() in page


def test_a_chapter_of_another_work_is_not_found(client, author):
    work = make_work(author)
    other = make_work(author, title="Other")
    chapter = other.chapters.get()
    assert client.get(reverse("works:chapter", args=[work.pk, chapter.pk])).status_code == 404


def test_letters_and_scene_breaks_show_as_such(client, author):
    work = make_work(author, bodies=[LETTER + "\n\n~~~\n\nLater."])
    page = client.get(work.get_absolute_url()).content.decode()
    assert '<section class="letter" aria-label="Letter signed Jess">' in page
    assert '<p class="letter-salutation">Dear Rory,</p>' in page
    assert '<hr class="scene-break">' in page


def test_restricted_work_asks_guests_to_log_in(client, author, reader):
    work = make_work(author, restricted=True)
    response = client.get(work.get_absolute_url())
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
    assert work.title not in client.get(reverse("works:list")).content.decode()
    client.force_login(reader)
    assert client.get(work.get_absolute_url()).status_code == 200


def test_blurb_shows_the_stats_line(client, author):
    with time_machine.travel("2026-03-14 12:00Z", tick=False):
        make_work(author, title="Stats", bodies=["one two three", "four"], expected_chapters=None)
    page = client.get(reverse("works:list")).content.decode()
    for text in ["English", "4", "2/?", "In progress", "14 Mar 2026", "General Audiences"]:
        assert text in page, text


def test_complete_work_shows_chapters_out_of_total(author):
    work = make_work(author, bodies=["a", "b", "c"], is_complete=True)
    assert work.chapters_label == "3/3"
    work.is_complete, work.expected_chapters = False, 10
    assert work.chapters_label == "3/10"


def test_works_index_paginates_with_a_fixed_number_of_queries(
    client, author, django_assert_max_num_queries
):
    for n in range(25):
        make_work(author, title=f"Work {n}")
    with django_assert_max_num_queries(6):
        response = client.get(reverse("works:list"))
    assert len(response.context["works"]) == 20
    assert Work.objects.count() == 25


def test_home_page_lists_recent_works(client, author):
    make_work(author, title="Fresh Off The Press")
    assert "Fresh Off The Press" in client.get(reverse("home")).content.decode()


def test_unknown_pages_are_404_not_500(client):
    assert client.get("/works/999999").status_code == 404
    assert client.get("/works/999999/chapters/1").status_code == 404
    assert client.get("/members/nobody/").status_code == 404


def test_work_page_reads_in_a_fixed_number_of_queries(
    client, author, reader, django_assert_max_num_queries
):
    source = make_work(reader, title="The Original")
    work = make_work(
        author,
        bodies=["One.", "Two."],
        inspired_by_work=source,
        tags={"fandom": ["A"], "character": ["B", "C"], "relationship": ["B/C"], "freeform": ["D"]},
    )
    # 5 for the work, its tags, chapters, series; then the reader's kudos state with the review
    # settings, the chapter's review count (rows and replies when there are any), the hit.
    with django_assert_max_num_queries(9):
        page = client.get(work.get_absolute_url()).content.decode()
    assert "The Original" in page


def test_inspiring_draft_of_someone_else_is_not_named(client, author, reader):
    source = make_work(reader, title="Not Yet Posted", post=False)
    work = make_work(author, inspired_by_work=source)
    assert "Not Yet Posted" not in client.get(work.get_absolute_url()).content.decode()
    client.force_login(reader)
    assert "Not Yet Posted" in client.get(work.get_absolute_url()).content.decode()


def test_a_tag_on_a_work_page_links_to_the_works_with_that_tag(client, author):
    work = make_work(author, title="Tagged", tags={"freeform": ["Rain"]})
    make_work(author, title="Untagged", tags={"freeform": ["Sun"]})
    rain = work.tags.get(name="Rain")
    link = f"{reverse('works:list')}?tag={rain.pk}"
    assert f'href="{link}">Rain</a>' in client.get(work.get_absolute_url()).content.decode()
    listed = client.get(link).context["works"]
    assert [w.title for w in listed] == ["Tagged"]
    assert client.get(f"{reverse('works:list')}?tag=junk").status_code == 404
    assert client.get(f"{reverse('works:list')}?tag=999999").status_code == 404


def test_the_entire_work_is_also_at_ao3s_view_full_work_address(client, author):
    work = make_work(author, bodies=["One.", "Two."])
    page = client.get(f"{work.get_absolute_url()}?view_full_work=true").content.decode()
    assert "One." in page and "Two." in page
