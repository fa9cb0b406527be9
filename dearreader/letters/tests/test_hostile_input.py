"""Hostile input in every field of a letter: script is never run, a letter of several megabytes
is refused naming the limit (and the draft keeps what it had), and a letter to oneself, to a
member who is gone, or to someone who blocked the writer is refused with a reason."""

import pytest
from django.db.models import RestrictedError
from django.urls import reverse

from dearreader.accounts.models import Block, PenName
from dearreader.letters import services
from dearreader.letters.models import Audience, Copy, Letter, Report, Status
from dearreader.letters.rendering import render_letter
from dearreader.letters.tests.helpers import copy_of, draft, form_data, send
from dearreader.lib import limits
from dearreader.lib.factories import make_member, make_work
from dearreader.works.services import member_delete

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"


def post(client, writer, url=None, **fields):  # type: ignore[no-untyped-def]
    client.force_login(writer)
    return client.post(url or reverse("letters:new"), form_data(writer, **fields))


def test_script_in_every_field_is_shown_as_text_never_run(client, author, reader):
    response = post(
        client,
        author,
        action="send",
        to=f"rory, {SCRIPT}",
        subject=SCRIPT,
        body=f"Dear {{name}},\n\n{SCRIPT}\n\n<img src=x onerror=alert(1)>[x](javascript:alert(1))",
    )
    assert response.status_code == 400  # the name in "To" is no member's
    page = response.content.decode()
    assert SCRIPT not in page and "&lt;script&gt;" in page
    letter = Letter.objects.get()
    assert letter.status == Status.DRAFT
    response = post(
        client, author, url=reverse("letters:edit", args=[letter.pk]), action="send",
        subject=SCRIPT, body=f"Dear {{name}},\n\n{SCRIPT}\n\n<img src=x onerror=alert(1)>",
    )  # fmt: skip
    assert response.status_code == 302
    letter.refresh_from_db()
    assert "<script" not in letter.body_html and "<img" not in letter.body_html
    client.force_login(reader)
    client.post(reverse("letters:open", args=[letter.pk]))
    for url in [letter.get_absolute_url(), reverse("letters:mailbag")]:
        page = client.get(url).content.decode()
        assert SCRIPT not in page and "<img src=x" not in page
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    report = reverse("letters:report", args=[letter.pk])
    client.post(report, {"reason": SCRIPT})
    assert Report.objects.get().reason == SCRIPT
    client.force_login(make_member("taylor", is_staff=True, is_superuser=True))
    staff_page = client.get(letter.get_absolute_url()).content.decode()
    assert SCRIPT not in staff_page
    search = client.get(reverse("letters:search"), {"q": SCRIPT}).content.decode()
    assert SCRIPT not in search


def test_a_recipients_name_goes_into_the_text_escaped_and_never_into_an_address(author, reader):
    PenName.objects.filter(member=reader, is_default=True).update(name='javascript:alert(1)//"<b>')
    letter = send(
        author, body='Dear {name},\n\n<a href="{name}">my page</a> [{name}](https://x.test/{name})'
    )
    html = copy_of(letter, reader).html
    name = "javascript:alert(1)//&quot;&lt;b&gt;"
    assert html == (
        f"<p>Dear {name},</p>\n"
        '<p><a href="{name}" rel="noopener noreferrer nofollow ugc">my page</a> '
        f'<a href="https://x.test/%7Bname%7D" rel="noopener noreferrer nofollow ugc">{name}</a></p>'
    )


def test_the_private_mark_cannot_be_typed_to_smuggle_a_name():
    assert render_letter("Dear \ue000 and {name}").count("\ue000") == 1


def test_a_letter_of_several_megabytes_is_refused_naming_the_limit(client, author, reader):
    letter = draft(author, body="Dear Rory,\n\nThe short first version.")
    huge = "Dear Rory,\n\n" + "I am sorry. " * 300_000  # 3.6 MB
    response = post(
        client, author, url=reverse("letters:edit", args=[letter.pk]), action="send", body=huge
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert (
        f"at most {limits.LETTER_MAX_CHARS:,} characters; this one has {len(huge.strip()):,}"
        in page
    )
    assert "Your text is still here" in page and page.count("I am sorry.") > 100_000
    letter.refresh_from_db()
    assert letter.body == "Dear Rory,\n\nThe short first version." and not Copy.objects.exists()
    subject = post(client, author, subject="S" * (limits.LETTER_SUBJECT_MAX_CHARS + 1))
    assert f"at most {limits.LETTER_SUBJECT_MAX_CHARS:,} characters" in subject.content.decode()


def test_a_letter_to_oneself_is_refused(client, author):
    response = post(client, author, action="send", to="dodger")
    assert response.status_code == 400
    assert "That is you: a letter goes to someone else." in response.content.decode()
    assert not Copy.objects.exists()


def test_a_letter_to_a_deleted_member_is_refused_and_kept(client, author, reader):
    letter = draft(author, to="rory")
    member_delete(member=reader, orphan_works=False)
    response = post(client, author, url=reverse("letters:edit", args=[letter.pk]), action="send")
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is no member called “rory”." in page and "saved in your drafts" in page
    assert Letter.objects.get().status == Status.DRAFT


def test_letters_go_with_their_members_account_and_not_with_a_pen_name_alone(author, reader, lane):
    letter = send(author, to="rory, lane")
    member_delete(member=reader, orphan_works=False)
    assert list(Copy.objects.values_list("recipient", flat=True)) == [lane.pk]
    with pytest.raises(RestrictedError):  # lane keeps the letter it signed
        letter.pen_name.delete()
    member_delete(member=author, orphan_works=False)
    assert not Letter.objects.exists() and not Copy.objects.exists()


def test_a_letter_to_someone_who_blocked_you_is_refused(client, author, reader, lane):
    Block.objects.create(blocker=reader, blocked=author)
    response = post(client, author, action="send", to="lane, rory")
    assert response.status_code == 400
    assert "“rory” cannot receive letters from you." in response.content.decode()
    assert not Copy.objects.exists()  # not even to lane: the letter goes as addressed, or not


def test_unknown_names_and_too_many_names_are_refused_with_the_names(client, author, reader):
    response = post(client, author, action="send", to="rory, nobody1, nobody2")
    assert "There are no members called “nobody1” and “nobody2”." in response.content.decode()
    names = ", ".join(f"m{n}" for n in range(limits.LETTER_NAMED_RECIPIENTS + 1))
    response = post(client, author, action="send", to=names)
    assert f"at most {limits.LETTER_NAMED_RECIPIENTS} members" in response.content.decode()
    empty = post(client, author, action="send", to=" , ")
    assert "Name at least one member" in empty.content.decode()
    blank = post(client, author, action="send", body="   ")
    assert "A letter needs some text." in blank.content.decode()


def test_another_members_pen_name_or_work_cannot_be_used(client, author, reader):
    other = make_work(reader, title="Rory's")
    theirs = reader.pen_names.get(is_default=True)
    response = post(client, author, pen_name=theirs.pk)
    assert response.status_code == 400 and not Letter.objects.exists()
    response = post(client, author, audience=Audience.FOLLOWERS, work=other.pk, action="send")
    assert response.status_code == 400 and not Letter.objects.exists()


def test_a_reply_to_a_letter_never_opened_or_not_ones_own_is_refused(client, author, reader):
    letter = send(author)
    client.force_login(reader)
    response = client.get(reverse("letters:new"), {"reply": letter.pk}, follow=True)
    assert "Open the letter before you answer it." in response.content.decode()
    with pytest.raises(services.Refused):
        services.reply_draft(to=copy_of(letter, reader), member=author)
    assert client.get(reverse("letters:new"), {"reply": "999"}).status_code == 404


def test_nonsense_in_the_addresses_is_a_404_not_a_500(client, author, reader):
    client.force_login(reader)
    assert client.get("/letters/99999/").status_code == 404
    assert client.get("/letters/new/?reply=abc").status_code == 200
    assert client.get("/letters/?page=-3").status_code == 200
    assert client.get("/letters/?page=99999999999").status_code == 200
    assert client.get("/letters/search/?q=" + "%00" * 50).status_code == 200
    assert client.get("/letters/new/?to=rory%00%01").status_code == 200
    response = client.post("/letters/drafts/save/", form_data(reader, to="lane\x00", body="\x00"))
    assert response.status_code == 400 and "Null characters" in response.json()["error"]
