"""Sending: to one member or several, to the followers or reviewers of one's work (only those
who chose to follow or review, each copy addressed by name), told through the inbox and, when
chosen, by email, never with the letter's words; refused where the recipient turns letters
away; throttled."""

import pytest
from django.core import mail
from django.urls import reverse

from dearreader.accounts.models import Block
from dearreader.community import services as community
from dearreader.community.models import EmailChoice, Follow, Kind, Notification, Preferences
from dearreader.letters import services
from dearreader.letters.models import Accept, Audience, Copy, Letter, LetterSettings, Status
from dearreader.letters.tests.helpers import copy_of, draft, form_data, send
from dearreader.lib import limits
from dearreader.lib.factories import make_member, make_work

pytestmark = pytest.mark.django_db


def post_letter(client, writer, **fields):  # type: ignore[no-untyped-def]
    client.force_login(writer)
    return client.post(reverse("letters:new"), form_data(writer, action="send", **fields))


def test_a_letter_sent_now_is_in_the_recipients_mailbag_with_their_name_in_it(
    client, author, reader, on_commit
):
    with on_commit():
        response = post_letter(client, author, to="rory")
    letter = Letter.objects.get()
    assert response.status_code == 302 and response["Location"] == letter.get_absolute_url()
    assert letter.status == Status.SENT and letter.recipient_count == 1
    copy = copy_of(letter, reader)
    assert copy.name == "rory" and copy.read_at is None
    client.force_login(reader)
    mailbag = client.get(reverse("letters:mailbag")).content.decode()
    assert "A letter, unopened" in mailbag and "Jess Mariano" not in mailbag  # signed as dodger
    client.post(reverse("letters:open", args=[letter.pk]))
    page = client.get(letter.get_absolute_url()).content.decode()
    assert "<p>Dear rory,</p>" in page and "I should have said it in person." in page


def test_the_notice_and_the_email_say_who_wrote_never_what(client, author, reader, on_commit):
    Preferences.objects.create(member=reader, email_letters=EmailChoice.NOW)
    with on_commit():
        post_letter(client, author, to="rory", subject="The secret subject")
    letter = Letter.objects.get()
    notice = Notification.objects.get(recipient=reader)
    assert notice.kind == Kind.LETTER and notice.event_key == f"letter:{letter.pk}"
    assert notice.text == "A letter from dodger" and notice.url == letter.get_absolute_url()
    (email,) = mail.outbox
    assert email.to == ["rory@example.org"] and email.subject == "A letter from dodger"
    for words in ["The secret subject", "I should have said it", "Dear rory"]:
        assert words not in notice.text and words not in email.body
        assert words not in email.subject
    client.force_login(reader)
    inbox = client.get(reverse("community:inbox")).content.decode()
    assert "A letter from dodger" in inbox and "secret subject" not in inbox
    # Opening the letter marks its notice read.
    client.post(reverse("letters:open", args=[letter.pk]))
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_letters_are_emailed_in_the_digest_unless_the_member_chose_otherwise(
    author, reader, on_commit
):
    with on_commit():
        send(author)
    assert mail.outbox == []
    assert Preferences.default_of("email_letters") == EmailChoice.DIGEST


def test_one_letter_to_several_members_addresses_each_by_name(author, reader, lane, on_commit):
    with on_commit():
        letter = send(author, to="rory, @lane", subject="For {name}")
    assert letter.recipient_count == 2
    rory, lane_copy = copy_of(letter, reader), copy_of(letter, lane)
    assert (rory.name, lane_copy.name) == ("rory", "Lane Kim")  # their default pen names
    assert rory.html.startswith("<p>Dear rory,</p>")
    assert lane_copy.html.startswith("<p>Dear Lane Kim,</p>")
    assert lane_copy.subject == "For Lane Kim" and "rory" not in lane_copy.html
    assert Notification.objects.filter(event_key=f"letter:{letter.pk}").count() == 2


def test_each_recipient_sees_only_their_copy_and_answers_only_the_writer(
    client, author, reader, lane
):
    letter = send(author, to="rory, lane")
    client.force_login(lane)
    client.post(reverse("letters:open", args=[letter.pk]))
    page = client.get(letter.get_absolute_url()).content.decode()
    assert "Dear Lane Kim," in page and "Dear rory" not in page and "rory" not in page
    reply = client.get(reverse("letters:new"), {"reply": letter.pk}).content.decode()
    assert "Writing back to dodger" in reply and 'name="to"' not in reply


def test_a_letter_renders_once_and_copies_hold_only_a_name(author, lane, reader):
    letter = send(author, to="rory, lane", body="Dear {name},\n\n*Soon*, {name}.")
    assert letter.body_html.count("\ue000") == 2  # one rendering, two places for a name
    assert set(Copy.objects.filter(letter=letter).values_list("name", flat=True)) == {
        "rory",
        "Lane Kim",
    }
    assert copy_of(letter, lane).html == "<p>Dear Lane Kim,</p>\n<p><em>Soon</em>, Lane Kim.</p>"


# To followers and reviewers


@pytest.fixture
def work(author):  # type: ignore[no-untyped-def]
    return make_work(author, title="Postmarked Stars Hollow")


def test_a_letter_to_followers_reaches_only_members_who_follow_that_work(
    client, author, reader, lane, stranger, work, on_commit
):
    Follow.objects.create(member=reader, work=work)
    Follow.objects.create(member=lane, author=author)  # follows the author, not this work
    other = make_work(make_member("paris"), title="Someone else's")
    Follow.objects.create(member=stranger, work=other)
    with on_commit():
        response = post_letter(client, author, audience=Audience.FOLLOWERS, work=work.pk)
    letter = Letter.objects.get()
    assert response.status_code == 302
    assert list(letter.copies.values_list("recipient__username", flat=True)) == ["rory"]
    assert letter.addressed_to == "the followers of “Postmarked Stars Hollow”"
    # Another author's work cannot be chosen: its followers did not choose this writer.
    again = post_letter(client, author, audience=Audience.FOLLOWERS, work=other.pk)
    assert again.status_code == 400 and Letter.objects.filter(work=other).count() == 0


def test_a_letter_to_reviewers_reaches_members_who_reviewed_not_guests(
    client, author, reader, lane, work, on_commit
):
    chapter = work.chapters.get()
    community.review_post(chapter=chapter, body="Loved it", member=reader)
    community.review_post(chapter=chapter, body="Me too", member=reader)
    community.review_post(chapter=chapter, body="Guest here", member=None, guest_name="Lorelai")
    with on_commit():
        post_letter(client, author, audience=Audience.REVIEWERS, work=work.pk)
    letter = Letter.objects.get()
    assert letter.recipient_count == 1 and copy_of(letter, reader).name == "rory"
    assert not Copy.objects.filter(recipient=lane).exists()


def test_followers_who_turned_letters_off_are_left_out(author, reader, lane, stranger, work):
    for member in (reader, lane, stranger):
        Follow.objects.create(member=member, work=work)
    LetterSettings.objects.create(member=lane, accept=Accept.NOBODY)
    LetterSettings.objects.create(member=stranger, accept=Accept.FOLLOWED)
    Block.objects.create(blocker=reader, blocked=author)
    letter = draft(author, audience=Audience.FOLLOWERS, work=work, to="")
    with pytest.raises(services.Unreachable, match="Nobody who follows"):
        services.letter_send(letter=letter)
    Follow.objects.create(member=stranger, author=author)  # now kirk follows the author
    sent = services.letter_send(letter=letter)
    assert list(sent.copies.values_list("recipient__username", flat=True)) == ["kirk"]


# Who may write to me


def test_who_may_write_to_me_is_chosen_on_the_settings_page(client, author, reader):
    client.force_login(reader)
    client.post(reverse("letters:settings"), {"accept": Accept.NOBODY})
    assert LetterSettings.of(reader).accept == Accept.NOBODY
    response = post_letter(client, author, to="rory")
    assert response.status_code == 400
    assert "“rory” takes no letters." in response.content.decode()
    assert not Copy.objects.exists()
    assert Letter.objects.get().status == Status.DRAFT  # kept in the drafts


def test_members_i_follow_may_write_and_others_may_not(client, author, reader, stranger):
    LetterSettings.objects.create(member=reader, accept=Accept.FOLLOWED)
    refused = post_letter(client, stranger, to="rory")
    assert "takes letters only from members they follow" in refused.content.decode()
    Follow.objects.create(member=reader, author=author)
    assert post_letter(client, author, to="rory").status_code == 302
    assert Copy.objects.get().letter.writer == author


def test_a_block_stops_letters_both_ways(client, author, reader):
    Block.objects.create(blocker=reader, blocked=author)
    response = post_letter(client, author, to="rory")
    assert "“rory” cannot receive letters from you." in response.content.decode()
    response = post_letter(client, reader, to="dodger")
    assert "“dodger” cannot receive letters from you." in response.content.decode()
    assert not Copy.objects.exists()


def test_a_reply_goes_through_whatever_the_writers_settings_say_but_not_a_block(
    client, author, reader
):
    letter = send(author)
    LetterSettings.objects.create(member=author, accept=Accept.NOBODY)  # writes, takes none
    client.force_login(reader)
    client.post(reverse("letters:open", args=[letter.pk]))
    answer = reverse("letters:new") + f"?reply={letter.pk}"
    data = form_data(reader, subject="Re: About the diner", body="Dear Jess,\n\nYes.")
    data["action"] = "send"
    assert client.post(answer, data).status_code == 302
    assert Copy.objects.filter(recipient=author).count() == 1
    Block.objects.create(blocker=author, blocked=reader)
    blocked = client.post(answer, data)
    assert blocked.status_code == 400 and Copy.objects.filter(recipient=author).count() == 1


# Throttles


def test_sending_is_throttled_per_member_and_the_letter_waits_in_the_drafts(client, author, reader):
    allowed = int(limits.THROTTLES["letter"]["member"].split("/")[0])
    for n in range(allowed):
        assert post_letter(client, author, subject=f"Letter {n}").status_code == 302
    response = post_letter(client, author, subject="One too many")
    assert response.status_code == 429
    assert "this one waits in your drafts" in response.content.decode()
    assert Letter.objects.get(subject="One too many").status == Status.DRAFT
    assert Copy.objects.count() == allowed
    # Saving drafts is not sending: it goes on.
    saved = client.post(reverse("letters:new"), form_data(author, subject="Just a draft"))
    assert saved.status_code == 302


def test_letters_to_followers_are_throttled_harder(client, author, reader, work):
    Follow.objects.create(member=reader, work=work)
    allowed = int(limits.THROTTLES["letter_many"]["member"].split("/")[0])
    codes = [
        post_letter(client, author, audience=Audience.FOLLOWERS, work=work.pk).status_code
        for _ in range(allowed + 1)
    ]
    assert codes == [302] * allowed + [429]
    assert Copy.objects.count() == allowed
    # A letter to one member is not held back by it.
    assert post_letter(client, author, to="rory").status_code == 302


def test_autosave_is_throttled(client, author):
    client.force_login(author)
    allowed = int(limits.THROTTLES["letter_draft"]["member"].split("/")[0])
    url = reverse("letters:autosave_new")
    codes = [client.post(url, form_data(author)).status_code for _ in range(allowed + 1)]
    assert codes == [200] * allowed + [429]
