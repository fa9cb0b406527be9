"""Every letter starts as a draft saved while it is written: nothing is lost when the tab
closes or the session expires, and the drafts drawer keeps it until it is sent or thrown
away."""

import json

import pytest
import time_machine
from django.urls import reverse

from dearreader.letters.models import Letter, Status
from dearreader.letters.tests.helpers import draft, form_data
from dearreader.lib.factories import PASSWORD

pytestmark = pytest.mark.django_db


def autosave(client, data, pk=None, query=""):  # type: ignore[no-untyped-def]
    url = reverse("letters:autosave", args=[pk]) if pk else reverse("letters:autosave_new")
    return client.post(url + query, data)


def test_the_first_save_gives_the_draft_an_id_and_its_own_address(client, author):
    client.force_login(author)
    page = client.get(reverse("letters:new"), {"to": "rory"})
    assert 'value="rory"' in page.content.decode()
    response = autosave(client, form_data(author, body="Dear Rory,\n\nI"), query="?to=rory")
    assert response.status_code == 200
    answer = response.json()
    letter = Letter.objects.get(pk=answer["id"])
    assert letter.status == Status.DRAFT and letter.writer == author and letter.to == "rory"
    assert answer["edit_url"] == reverse("letters:edit", args=[letter.pk])
    assert answer["save_url"] == reverse("letters:autosave", args=[letter.pk])
    assert answer["version"] == letter.version
    # The next saves go to that draft: one draft, always the latest text.
    autosave(client, form_data(author, body="Dear Rory,\n\nI was wrong."), pk=letter.pk)
    assert Letter.objects.count() == 1
    letter.refresh_from_db()
    assert letter.body == "Dear Rory,\n\nI was wrong."
    reloaded = client.get(answer["edit_url"]).content.decode()
    assert "I was wrong." in reloaded and f'data-version="{letter.version}"' in reloaded


def test_without_javascript_save_draft_keeps_the_letter_in_the_drawer(client, author):
    client.force_login(author)
    response = client.post(reverse("letters:new"), form_data(author, subject="Unsent"))
    letter = Letter.objects.get()
    assert response.status_code == 302 and response["Location"] == letter.get_absolute_url()
    assert letter.status == Status.DRAFT and letter.subject == "Unsent"


def test_the_drafts_drawer_lists_unsent_letters_with_when_they_were_touched(client, author, reader):
    with time_machine.travel("2026-03-10 09:00Z", tick=False):
        older = draft(author, subject="Older thoughts")
    with time_machine.travel("2026-03-12 18:30Z", tick=False):
        newer = draft(author, subject="Newer thoughts", body="All I could come up with was…")
    client.force_login(author)
    with time_machine.travel("2026-03-12 19:00Z", tick=False):
        page = client.get(reverse("letters:drafts")).content.decode()
    assert page.index("Newer thoughts") < page.index("Older thoughts")
    assert "All I could come up with was…" in page
    assert 'datetime="2026-03-12T18:30:00+00:00"' in page
    assert 'datetime="2026-03-10T09:00:00+00:00"' in page
    assert "30\xa0minutes ago" in page
    # Sent, or thrown away: gone from the drawer.
    sent = form_data(author, subject="Newer thoughts", action="send")
    assert client.post(reverse("letters:edit", args=[newer.pk]), sent).status_code == 302
    client.post(reverse("letters:discard", args=[older.pk]))
    page = client.get(reverse("letters:drafts")).content.decode()
    assert "Newer thoughts" not in page and "Older thoughts" not in page
    assert not Letter.objects.filter(pk=older.pk).exists()
    assert Letter.objects.get(pk=newer.pk).status == Status.SENT


def test_drafts_survive_a_lost_session(client, author):
    """The session expires while the letter is written: the script's save is refused with a
    401 (it keeps the text in the browser), and the form posted then goes through the login
    and comes back, saved into the draft, sent to nobody."""
    client.force_login(author)
    letter = draft(author, body="Dear Rory,\n\nThe first lines.")
    edit = reverse("letters:edit", args=[letter.pk])
    client.session.flush()  # the session is gone; the CSRF cookie stays, as in a browser
    client.logout()
    later = form_data(author, body="Dear Rory,\n\nThe first lines.\n\nAnd everything after.")
    refused = autosave(client, later, pk=letter.pk)
    assert refused.status_code == 401
    assert refused.json()["login"] == reverse("accounts:login")
    posted = client.post(edit, {**later, "action": "send"})
    assert posted.status_code == 302
    assert posted["Location"] == f"{reverse('accounts:login')}?next={edit}"
    letter.refresh_from_db()
    assert "everything after" not in letter.body  # nothing written while logged out
    login = client.post(
        reverse("accounts:login"), {"username": "dodger", "password": PASSWORD, "next": edit}
    )
    assert login.status_code == 302 and login["Location"] == edit
    back = client.get(edit, follow=True)
    page = back.content.decode()
    assert "What you wrote is back, and saved in your drafts" in page
    assert "And everything after." in page
    letter.refresh_from_db()
    assert letter.body.endswith("And everything after.") and letter.status == Status.DRAFT
    # Brought back once: the next visit shows the draft as saved.
    assert "What you wrote is back" not in client.get(edit).content.decode()


def test_a_new_letter_written_through_a_lost_session_becomes_a_draft(client, author):
    client.force_login(author)
    new = reverse("letters:new") + "?to=rory"
    client.logout()
    client.post(new, form_data(author, body="Dear Rory,\n\nNever saved before."))
    client.force_login(author)
    response = client.get(new)
    letter = Letter.objects.get()
    assert response.status_code == 302 and response["Location"] == letter.get_absolute_url()
    assert letter.body == "Dear Rory,\n\nNever saved before." and letter.writer == author


def test_what_was_kept_for_one_members_draft_never_reaches_another(client, author, stranger):
    letter = draft(author, body="Original.")
    client.post(reverse("letters:edit", args=[letter.pk]), form_data(author, body="Kept."))
    client.force_login(stranger)
    assert client.get(reverse("letters:edit", args=[letter.pk])).status_code == 404
    letter.refresh_from_db()
    assert letter.body == "Original."


def test_a_draft_that_was_sent_meanwhile_is_not_turned_back_into_a_draft(client, author, reader):
    client.force_login(author)
    letter = draft(author)
    client.post(reverse("letters:edit", args=[letter.pk]), form_data(author, action="send"))
    late = autosave(client, form_data(author, body="A save from another tab."), pk=letter.pk)
    assert late.status_code == 409 and "left your drafts" in late.json()["error"]
    letter.refresh_from_db()
    assert letter.status == Status.SENT and "another tab" not in letter.body
    # The edit address of a sent letter leads to the letter.
    response = client.get(reverse("letters:edit", args=[letter.pk]))
    assert response["Location"] == reverse("letters:letter", args=[letter.pk])


def test_the_script_gets_a_fresh_csrf_token_after_a_login_elsewhere(client, author):
    answer = client.get(reverse("letters:token"))
    assert answer.status_code == 200 and len(json.loads(answer.content)["token"]) == 64
    assert "no-cache" in answer["Cache-Control"]


def test_a_save_too_big_is_refused_with_the_limit_and_the_draft_keeps_what_it_had(client, author):
    from dearreader.lib import limits

    client.force_login(author)
    letter = draft(author, body="The draft so far.")
    huge = "word " * (limits.LETTER_MAX_CHARS // 4)
    response = autosave(client, form_data(author, body=huge), pk=letter.pk)
    assert response.status_code == 400
    assert f"at most {limits.LETTER_MAX_CHARS:,} characters" in response.json()["error"]
    letter.refresh_from_db()
    assert letter.body == "The draft so far."


def test_the_page_loads_the_autosave_script_from_a_file(client, author):
    client.force_login(author)
    page = client.get(reverse("letters:new")).content.decode()
    assert 'src="/static/dearreader/letters.js"' in page and "data-letter-draft" in page
    assert "<script>" not in page
