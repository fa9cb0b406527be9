"""The letters pages keep the structure a screen reader relies on: landmarks, one h1, headings
that never skip a level, a label for every field (the checks of the works pages)."""

import pytest
from django.urls import reverse

from dearreader.letters import services
from dearreader.letters.tests.helpers import copy_of, draft, send
from dearreader.works.tests.test_accessibility import check_structure

pytestmark = pytest.mark.django_db


def test_every_letters_page_has_landmarks_headings_and_labels(client, author, reader, lane):
    one = send(author)
    many = send(author, to="rory, lane")
    unopened = send(author, subject="Not yet")
    services.copy_open(copy=copy_of(one, reader))
    services.copy_open(copy=copy_of(many, reader))
    services.copy_return(copy=copy_of(many, lane))
    writing = draft(author)
    pages = {
        author: [
            reverse("letters:mailbag"),
            reverse("letters:archived"),
            reverse("letters:sent"),
            reverse("letters:drafts"),
            reverse("letters:waiting"),
            reverse("letters:search") + "?q=diner",
            reverse("letters:settings"),
            reverse("letters:new"),
            reverse("letters:edit", args=[writing.pk]),
            one.get_absolute_url(),
            many.get_absolute_url(),
        ],
        reader: [
            one.get_absolute_url(),
            unopened.get_absolute_url(),
            reverse("letters:report", args=[one.pk]),
            reverse("letters:new") + f"?reply={one.pk}",
        ],
        lane: [many.get_absolute_url()],
    }
    for member, urls in pages.items():
        client.force_login(member)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            check_structure(url, response.content.decode())
