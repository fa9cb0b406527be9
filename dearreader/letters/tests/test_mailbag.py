"""The mailbag: received letters newest first, unopened ones marked (and shown only as from
whom), paged without counting them; a letter and its replies as one correspondence; how many
wrote back to a letter to many; search in one's own letters; archive and delete for oneself;
returning a letter unopened."""

import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dearreader.community.models import Notification
from dearreader.letters import delivery, services
from dearreader.letters.models import Copy, Letter
from dearreader.letters.tests.helpers import copy_of, form_data, send
from dearreader.lib import limits

pytestmark = pytest.mark.django_db


def mailbag(client, **query) -> str:  # type: ignore[no-untyped-def]
    return client.get(reverse("letters:mailbag"), query).content.decode()


def test_received_letters_newest_first_unopened_marked_and_only_opened_ones_named(
    client, author, reader, lane
):
    with time_machine.travel("2026-03-01 10:00Z", tick=False):
        first = send(author, subject="The first")
    with time_machine.travel("2026-03-02 10:00Z", tick=False):
        send(lane, subject="The second")
    services.copy_open(copy=copy_of(first, reader))
    client.force_login(reader)
    page = mailbag(client)
    items = re.findall(r'<li class="mail-item( mail-item--unopened)?">(.*?)</li>', page, re.S)
    assert [bool(unopened) for unopened, _ in items] == [True, False]
    assert "from Lane Kim (lane)" in items[0][1] and "A letter, unopened" in items[0][1]
    assert "The second" not in page  # its subject is read by opening it
    assert "The first" in items[1][1]


def test_the_mailbag_pages_without_counting_and_in_a_fixed_number_of_queries(
    client, author, reader, django_assert_num_queries
):
    for n in range(2 * limits.LETTERS_PER_PAGE + 5):
        send(author, subject=f"Letter {n}")
    client.force_login(reader)
    # Session, member, one page of copies with their letters and pen names (one row more
    # than a page), the two unread counts in the header.
    with django_assert_num_queries(5), CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("letters:mailbag"), {"page": 2})
    counts = [q["sql"] for q in queries if "COUNT(" in q["sql"] and "letters_copy" in q["sql"]]
    assert len(counts) == 1 and '"read_at" IS NULL' in counts[0]  # the header's, not a page's
    assert len(page.context["page"].object_list) == limits.LETTERS_PER_PAGE
    text = page.content.decode()
    assert "Page 2" in text and 'rel="prev"' in text and 'rel="next"' in text
    last = client.get(reverse("letters:mailbag"), {"page": 3}).content.decode()
    assert 'rel="next"' not in last


def test_the_header_counts_unopened_letters(client, author, reader):
    letter = send(author)
    send(author)
    client.force_login(reader)
    home = client.get(reverse("home")).content.decode()
    assert re.search(r'class="nav-link letters-link"[^>]*>Letters <span class="count">2<', home)
    services.copy_open(copy=copy_of(letter, reader))
    home = client.get(reverse("home")).content.decode()
    assert re.search(r'letters-link"[^>]*>Letters <span class="count">1<', home)


def test_a_letter_and_its_replies_read_as_one_correspondence(client, author, reader, on_commit):
    letter = send(author, body="Dear {name},\n\nCome by the diner.\n\nJess")
    client.force_login(reader)
    client.post(reverse("letters:open", args=[letter.pk]))
    answer = reverse("letters:new") + f"?reply={letter.pk}"
    assert 'value="Re: About the diner"' in client.get(answer).content.decode()
    data = form_data(reader, subject="Re: About the diner", body="Dear Jess,\n\nI will.")
    with on_commit():
        client.post(answer, {**data, "action": "send"})
    reply = Letter.objects.exclude(pk=letter.pk).get()
    assert reply.correspondence == copy_of(letter, reader)
    assert reply.to == "dodger" and reply.copies.get().recipient == author
    assert Notification.objects.get(recipient=author).text == "rory wrote back"
    client.force_login(author)
    client.post(reverse("letters:open", args=[reply.pk]))
    for url in (letter.get_absolute_url(), reply.get_absolute_url()):
        page = client.get(url).content.decode()
        assert page.index("Come by the diner.") < page.index("I will.")
        assert "Letters between you and rory" in page
    client.force_login(reader)
    page = client.get(reply.get_absolute_url()).content.decode()
    assert page.index("Come by the diner.") < page.index("I will.")
    assert "Letters between you and dodger" in page


def test_a_letter_to_many_shows_its_writer_how_many_wrote_back(
    client, author, reader, lane, stranger
):
    letter = send(author, to="rory, lane, kirk")
    for member in (reader, lane):
        services.copy_open(copy=copy_of(letter, member))
        copy = copy_of(letter, member)
        for n in range(2):  # a second reply from the same member counts once
            answer = services.reply_draft(to=copy, member=member)
            answer.body = f"Reply {n}"
            services.letter_save(letter=answer)
            services.letter_send(letter=answer)
    letter.refresh_from_db()
    assert letter.wrote_back == 2
    client.force_login(author)
    page = client.get(letter.get_absolute_url()).content.decode()
    assert "<strong>2 wrote back</strong>" in page and "Dear {name}," in page
    sent = client.get(reverse("letters:sent")).content.decode()
    assert "3 received it · 2 wrote back" in sent
    lane_copy = copy_of(letter, lane)
    thread = client.get(reverse("letters:correspondence", args=[letter.pk, lane_copy.pk]))
    text = thread.content.decode()
    assert "Dear Lane Kim," in text and "rory" not in text
    assert text.count('<h2 id="envelope-') == 2  # her two replies, not opened yet


def test_returned_unopened_the_writer_sees_it_came_back_and_the_recipient_never_reads_it(
    client, author, reader, on_commit
):
    letter = send(author, subject="Hidden subject", body="Dear {name},\n\nHidden words.")
    client.force_login(reader)
    envelope = client.get(letter.get_absolute_url()).content.decode()
    assert "Hidden words" not in envelope and "Hidden subject" not in envelope
    assert "Return it unopened" in envelope
    with on_commit():
        response = client.post(reverse("letters:return", args=[letter.pk]), follow=True)
    page = response.content.decode()
    assert "Returned unopened" in page and "Hidden" not in page
    after = client.get(letter.get_absolute_url()).content.decode()
    assert "You returned it unopened" in after and "Hidden" not in after
    assert client.post(reverse("letters:open", args=[letter.pk])).status_code == 302
    assert "Hidden words" not in client.get(letter.get_absolute_url()).content.decode()
    assert copy_of(letter, reader).read_at is None
    found = client.get(reverse("letters:search"), {"q": "Hidden"})
    assert list(found.context["page"].object_list) == []
    # The writer is told, and sees it on the letter.
    notice = Notification.objects.get(recipient=author)
    assert notice.text == "Your letter to rory came back unopened"
    client.force_login(author)
    writer_page = client.get(letter.get_absolute_url()).content.decode()
    assert "It came back unopened" in writer_page and "Hidden words" in writer_page
    letter.refresh_from_db()
    assert letter.returned == 1


def test_an_opened_letter_cannot_be_returned_unopened(client, author, reader):
    letter = send(author)
    client.force_login(reader)
    client.post(reverse("letters:open", args=[letter.pk]))
    response = client.post(reverse("letters:return", args=[letter.pk]), follow=True)
    assert "a letter read cannot go back unopened" in response.content.decode()
    assert copy_of(letter, reader).returned_at is None


def test_search_finds_ones_own_letters_and_no_one_elses(client, author, reader, lane):
    opened = send(author, subject="Gazebo plans", body="Dear {name},\n\nThe gazebo at noon.")
    unopened = send(author, subject="Gazebo secrets", body="Dear {name},\n\nGazebo again.")
    send(author, to="lane", subject="Gazebo for Lane")
    services.copy_open(copy=copy_of(opened, reader))
    mine = send(reader, to="lane", subject="My gazebo")
    client.force_login(reader)
    page = client.get(reverse("letters:search"), {"q": "GAZEBO noon"}).content.decode()
    assert "Gazebo plans" in page and "My gazebo" not in page  # every word must be there
    page = client.get(reverse("letters:search"), {"q": "gazebo"}).content.decode()
    assert "Gazebo plans" in page and "My gazebo" in page
    assert "Gazebo secrets" not in page and "Gazebo for Lane" not in page
    assert unopened.pk and mine.pk


def test_archive_and_delete_are_for_oneself_only(client, author, reader, lane, on_commit):
    with on_commit():
        letter = send(author, to="rory, lane", subject="To both")
    assert Notification.objects.filter(recipient=reader).exists()
    client.force_login(reader)
    client.post(reverse("letters:archive", args=[letter.pk]))
    assert "To both" not in mailbag(client) and "A letter, unopened" not in mailbag(client)
    archived = client.get(reverse("letters:archived")).content.decode()
    assert "A letter, unopened" in archived
    client.post(reverse("letters:archive", args=[letter.pk]), {"archived": "0"})
    assert "A letter, unopened" in mailbag(client)
    client.post(reverse("letters:delete", args=[letter.pk]))
    assert "A letter, unopened" not in mailbag(client)
    assert client.get(letter.get_absolute_url()).status_code == 404
    assert not Notification.objects.filter(recipient=reader).exists()  # it led nowhere now
    # The writer and the other recipient keep theirs.
    client.force_login(lane)
    assert "A letter, unopened" in mailbag(client)
    client.force_login(author)
    assert "To both" in client.get(reverse("letters:sent")).content.decode()
    client.post(reverse("letters:delete", args=[letter.pk]))
    assert "To both" not in client.get(reverse("letters:sent")).content.decode()
    assert client.get(letter.get_absolute_url()).status_code == 404
    client.force_login(lane)
    assert client.get(letter.get_absolute_url()).status_code == 200
    assert Copy.objects.filter(letter=letter).count() == 2


def test_telling_the_recipients_leaves_out_who_muted_the_writer(author, reader, lane):
    from dearreader.accounts.models import Mute

    Mute.objects.create(muter=lane, muted=author)
    letter = send(author, to="rory, lane")
    delivery.tell(letter.pk)
    assert list(Notification.objects.values_list("recipient__username", flat=True)) == ["rory"]
    assert Copy.objects.filter(letter=letter).count() == 2  # a mute silences; a block stops


def test_the_writer_learns_a_letter_was_delivered_never_whether_it_was_read(client, author, reader):
    letter = send(author)
    client.force_login(author)

    def page() -> str:
        html = client.get(letter.get_absolute_url()).content.decode()
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)  # new each time

    before = page()
    services.copy_open(copy=copy_of(letter, reader))
    assert "Delivered." in before and page() == before
