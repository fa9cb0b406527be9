import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from dearreader.lib.factories import make_work
from dearreader.works import series as series_services

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):  # type: ignore[no-untyped-def]
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    return [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]


def test_work_feed_lists_posted_chapters_and_is_linked_from_the_work(client, work):
    titles = entries(client.get(reverse("community:work_feed", args=[work.pk])))
    assert sorted(titles) == ["Chapter 1", "Chapter 2"]
    page = client.get(work.get_absolute_url()).content.decode()
    feed = reverse("community:work_feed", args=[work.pk])
    assert (
        '<link rel="alternate" type="application/atom+xml" '
        f'title="New chapters of {work.title}" href="{feed}">'
    ) in page


def test_author_feed_lists_their_posted_works_and_is_linked_from_the_profile(client, author, work):
    make_work(author, title="Still A Draft", post=False)
    titles = entries(client.get(reverse("community:author_feed", args=["dodger"])))
    assert titles == ["Postmarked Stars Hollow"]
    profile = client.get(reverse("accounts:profile", args=["dodger"])).content.decode()
    assert 'rel="alternate" type="application/atom+xml"' in profile
    assert reverse("community:author_feed", args=["dodger"]) in profile


def test_series_feed_lists_its_parts_and_is_linked_from_the_series(client, author, work):
    series = series_services.series_create(pen_name=author.default_pen_name, title="Letters")
    series_services.series_add_work(series=series, work=work)
    titles = entries(client.get(reverse("community:series_feed", args=[series.pk])))
    assert titles == ["Postmarked Stars Hollow"]
    page = client.get(series.get_absolute_url()).content.decode()
    assert f'href="{reverse("community:series_feed", args=[series.pk])}"' in page
    assert 'rel="alternate" type="application/atom+xml"' in page


def test_restricted_work_feed_gives_guests_nothing(client, author, reader):
    hidden = make_work(author, title="Members Only Letters", restricted=True)
    response = client.get(reverse("community:work_feed", args=[hidden.pk]))
    assert response.status_code == 404
    assert b"Members Only Letters" not in response.content
    author_feed = client.get(reverse("community:author_feed", args=["dodger"]))
    assert b"Members Only Letters" not in author_feed.content
    client.force_login(reader)
    member_view = client.get(reverse("community:work_feed", args=[hidden.pk]))
    assert member_view.status_code == 200 and b"Members Only Letters" in member_view.content


def test_a_draft_has_no_feed(client, author):
    draft = make_work(author, title="Drafty", post=False)
    assert client.get(reverse("community:work_feed", args=[draft.pk])).status_code == 404
    client.force_login(author)
    assert client.get(reverse("community:work_feed", args=[draft.pk])).status_code == 404
