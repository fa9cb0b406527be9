import re
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from dearreader.community import hits
from dearreader.community.models import Hit

pytestmark = pytest.mark.django_db


def test_one_hit_per_reader_per_work_per_day(client, work, reader):
    with time_machine.travel("2026-03-14 09:00Z"):
        for _ in range(3):
            client.get(work.get_absolute_url())
        client.get(work.chapters.last().get_absolute_url())
        client.force_login(reader)
        client.get(work.get_absolute_url())
        client.get(work.get_absolute_url())
    with time_machine.travel("2026-03-15 09:00Z"):
        client.get(work.get_absolute_url())
    assert Hit.objects.filter(work=work).count() == 3
    assert hits.rollup(since=date(2026, 3, 14)) == 1
    work.refresh_from_db()
    assert work.hit_count == 3


def test_the_author_reading_their_own_work_is_not_a_hit(client, work, author):
    client.force_login(author)
    client.get(work.get_absolute_url())
    hits.rollup()
    work.refresh_from_db()
    assert work.hit_count == 0


def test_pages_that_are_not_shown_count_no_hit(client, work):
    client.get(f"/works/{work.pk}/chapters/999999/")
    client.get(f"/works/{work.pk}/navigate/")
    assert not Hit.objects.exists()


def test_author_stats_page_draws_hits_kudos_and_reviews_as_svg(client, work, author, reader):
    client.force_login(reader)
    client.get(work.get_absolute_url())
    client.post(reverse("community:kudos", args=[work.pk]))
    client.post(
        reverse("community:review_new", args=[work.pk, work.chapters.first().pk]),
        {"body": "Lovely"},
    )
    hits.rollup()
    client.force_login(author)
    page = client.get(reverse("community:stats")).content.decode()
    assert '<svg viewBox="0 0 640 240" role="img"' in page
    assert len(re.findall(r'<polyline class="line line--', page)) == 3
    assert "Hits: 1" in page and "Kudos: 1" in page and "Reviews: 1" in page
    one = client.get(reverse("community:stats"), {"work": work.pk}).content.decode()
    assert "Stats: Postmarked Stars Hollow" in one


def test_stats_are_the_authors_own(client, work, reader):
    client.force_login(reader)
    page = client.get(reverse("community:stats")).content.decode()
    assert "Postmarked Stars Hollow" not in page
    assert client.get(reverse("community:stats"), {"work": work.pk}).status_code == 200
    assert (
        "Stats: Postmarked"
        not in client.get(reverse("community:stats"), {"work": work.pk}).content.decode()
    )
