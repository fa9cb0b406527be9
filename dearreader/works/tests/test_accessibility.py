"""Structure a screen reader relies on, checked on every main page: landmarks, one h1,
headings that never skip a level, and a label for every form field."""

from itertools import pairwise

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from dearreader.lib.factories import make_work

pytestmark = pytest.mark.django_db

LETTER = "She found a note.\n\nDear Rory,\n\nCome by the diner.\n\nJess\n\n* * *\n\nShe went."


def pages(work, chapter) -> list[str]:
    return [
        reverse("home"),
        reverse("works:list"),
        work.get_absolute_url(),
        chapter.get_absolute_url(),
        reverse("works:full", args=[work.pk]),
        reverse("works:navigate", args=[work.pk]),
        reverse("works:new"),
        reverse("works:edit", args=[work.pk]),
        reverse("works:chapter_new", args=[work.pk]),
        reverse("works:import"),
        reverse("accounts:pen_names"),
        reverse("accounts:profile", args=["dodger"]),
        reverse("accounts:account"),
        reverse("accounts:email_change"),
        reverse("accounts:password_change"),
        reverse("account_delete"),
    ]


def check_structure(url: str, html: str) -> None:
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html.get("lang"), url
    for landmark in ["header", "nav", "main", "footer"]:
        assert soup.find(landmark), (url, landmark)
    assert soup.find("a", href="#main"), (url, "skip link")
    # A heading with role="none" is not a heading to assistive technology.
    tags = soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])
    headings = [int(h.name[1]) for h in tags if h.get("role") not in {"none", "presentation"}]
    assert headings.count(1) == 1, (url, headings)
    for before, after in pairwise(headings):
        assert after <= before + 1, (url, headings)
    for field in soup.find_all(["input", "select", "textarea"]):
        if field.get("type") in {"hidden", "submit"}:
            continue
        labelled = field.get("aria-label") or (
            field.get("id") and soup.find("label", attrs={"for": field["id"]})
        )
        assert labelled or field.find_parent("label"), (url, str(field)[:120])
    for image in soup.find_all("img"):
        assert image.get("alt") is not None, (url, str(image)[:120])


def test_every_main_page_has_landmarks_headings_and_labels(client, author):
    work = make_work(author, bodies=[LETTER, "Two."])
    client.force_login(author)
    for url in pages(work, work.chapters.get(position=2)):
        response = client.get(url)
        assert response.status_code == 200, url
        check_structure(url, response.content.decode())


def test_forms_for_guests_are_labelled_too(client):
    for url in [
        reverse("accounts:login"),
        reverse("accounts:register"),
        reverse("accounts:password_reset"),
    ]:
        check_structure(url, client.get(url).content.decode())


def test_letter_is_a_named_region(client, author):
    work = make_work(author, bodies=[LETTER])
    soup = BeautifulSoup(client.get(work.get_absolute_url()).content, "html.parser")
    letter = soup.find("section", class_="letter")
    assert letter["aria-label"] == "Letter signed Jess"
    assert letter.find(class_="letter-salutation").get_text() == "Dear Rory,"
