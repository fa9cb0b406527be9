import pytest
from django.urls import reverse

from dearreader.lib.factories import make_work
from dearreader.works import series as series_services
from dearreader.works.models import Series, SeriesPart

pytestmark = pytest.mark.django_db


@pytest.fixture
def trilogy(author):  # type: ignore[no-untyped-def]
    series = series_services.series_create(pen_name=author.default_pen_name, title="Letters")
    works = [make_work(author, title=f"Part {n}") for n in ("One", "Two", "Three")]
    for work in works:
        series_services.series_add_work(series=series, work=work)
    return series, works


def test_author_makes_a_series_and_adds_works_in_order(client, author):
    one, two = make_work(author, title="First"), make_work(author, title="Second")
    client.force_login(author)
    response = client.post(
        reverse("works:series_new"),
        {"pen_name": author.default_pen_name.pk, "title": "  Letters  ", "summary": "*Two* parts."},
    )
    series = Series.objects.get()
    assert response["Location"] == series.get_absolute_url() and series.title == "Letters"
    assert "<em>Two</em>" in series.summary_html
    for work in (one, two):
        client.post(reverse("works:series_add", args=[series.pk]), {"work": work.pk})
    page = client.get(series.get_absolute_url()).content.decode()
    assert page.index("First") < page.index("Second")


def test_work_page_shows_its_place_with_previous_and_next(client, trilogy):
    _series, (one, two, _three) = trilogy
    page = client.get(two.get_absolute_url()).content.decode()
    assert "Part 2 of the series" in page
    assert "Previous in series: Part One" in page and "Next in series: Part Three" in page
    first = client.get(one.get_absolute_url()).content.decode()
    assert "Previous in series" not in first


def test_parts_move_up_and_down(client, author, trilogy):
    series, (_one, _two, three) = trilogy
    client.force_login(author)
    part = SeriesPart.objects.get(work=three)
    client.post(reverse("works:part_move", args=[part.pk]), {"direction": "up"})
    order = list(series.parts.order_by("position").values_list("work__title", flat=True))
    assert order == ["Part One", "Part Three", "Part Two"]


def test_removing_a_part_keeps_the_work_and_renumbers(client, author, trilogy):
    series, (one, _two, _three) = trilogy
    client.force_login(author)
    client.post(reverse("works:part_remove", args=[SeriesPart.objects.get(work=one).pk]))
    assert list(series.parts.values_list("position", flat=True)) == [1, 2]
    one.refresh_from_db()


def test_announced_sequel_shows_on_the_series_and_after_the_last_part(client, author, trilogy):
    series, works = trilogy
    client.force_login(author)
    client.post(reverse("works:series_add", args=[series.pk]), {"announce": "It's Never Too Late"})
    client.logout()
    page = client.get(series.get_absolute_url()).content.decode()
    assert "Never Too Late" in page and "Announced" in page
    last = client.get(works[-1].get_absolute_url()).content.decode()
    assert "Coming next" in last and "Never Too Late" in last
    assert "Coming next" not in client.get(works[0].get_absolute_url()).content.decode()


def test_a_draft_in_a_series_is_hidden_from_readers(client, author, reader, trilogy):
    series, _works = trilogy
    draft = make_work(author, title="Secret Draft", post=False)
    series_services.series_add_work(series=series, work=draft)
    client.force_login(reader)
    assert "Secret Draft" not in client.get(series.get_absolute_url()).content.decode()
    client.force_login(author)
    assert "Secret Draft" in client.get(series.get_absolute_url()).content.decode()


def test_a_series_of_drafts_is_not_found_by_others(client, author, reader):
    series = series_services.series_create(pen_name=author.default_pen_name, title="Hidden")
    series_services.series_add_work(series=series, work=make_work(author, post=False))
    client.force_login(reader)
    assert client.get(series.get_absolute_url()).status_code == 404


def test_someone_elses_work_cannot_join_my_series(client, author, reader, trilogy):
    series, _ = trilogy
    theirs = make_work(reader, title="Rory's")
    client.force_login(author)
    response = client.post(reverse("works:series_add", args=[series.pk]), {"work": theirs.pk})
    assert response.status_code == 400 and not series.parts.filter(work=theirs).exists()
    client.force_login(reader)
    assert (
        client.post(reverse("works:series_add", args=[series.pk]), {"announce": "x"}).status_code
        == 404
    )


def test_add_form_wants_one_thing(client, author, trilogy):
    series, _ = trilogy
    client.force_login(author)
    response = client.post(reverse("works:series_add", args=[series.pk]), {"announce": "  "})
    assert response.status_code == 400 and "Choose a work to add" in response.content.decode()
