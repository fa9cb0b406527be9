"""Every letter address tried as the writer, a recipient, another member, a guest and a staff
member without a report: a letter is read only by its writer and its recipients (and by staff
once a recipient reported it); anyone else is told nothing, not even that it exists."""

import pytest
from django.urls import reverse

from dearreader.letters import services
from dearreader.letters.models import Copy, Letter, Report, Status
from dearreader.letters.tests.helpers import copy_of, draft, send

pytestmark = pytest.mark.django_db

SECRET = "Dear {name},\n\nThe key is under the gnome.\n\nJess"


@pytest.fixture
def people(author, reader, stranger, staff):  # type: ignore[no-untyped-def]
    return {"writer": author, "recipient": reader, "other": stranger, "staff": staff}


def as_(client, people, who):  # type: ignore[no-untyped-def]
    client.logout()
    if who != "guest":
        client.force_login(people[who])
    return client


def assert_login_needed(response) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


WHO = ["writer", "recipient", "other", "guest", "staff"]


def test_a_letter_page_shows_to_its_writer_and_recipient_only(client, people):
    letter = send(people["writer"], body=SECRET)
    services.copy_open(copy=copy_of(letter, people["recipient"]))
    url = reverse("letters:letter", args=[letter.pk])
    seen = {}
    for who in WHO:
        response = as_(client, people, who).get(url)
        seen[who] = response.status_code
        if who == "guest":
            assert_login_needed(response)
        elif response.status_code == 200:
            assert "The key is under the gnome." in response.content.decode()
    assert seen == {"writer": 200, "recipient": 200, "other": 404, "guest": 302, "staff": 404}


def test_staff_read_a_letter_once_a_recipient_reports_it_and_only_that_one(client, people):
    reported = send(people["writer"], body=SECRET)
    other = send(people["writer"], body="Dear {name},\n\nA private word.")
    services.copy_report(copy=copy_of(reported, people["recipient"]), reason="Threats.")
    as_(client, people, "staff")
    page = client.get(reverse("letters:letter", args=[reported.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "The key is under the gnome." in text and "Threats." in text
    assert "Dear rory," in text  # the copy the recipient reported, as they received it
    assert client.get(reverse("letters:letter", args=[other.pk])).status_code == 404
    # A member who is not staff learns nothing from a report.
    as_(client, people, "other")
    assert client.get(reverse("letters:letter", args=[reported.pk])).status_code == 404


def _post_codes(client, people, url_name, make, data=None):  # type: ignore[no-untyped-def]
    """Try a POST on a fresh letter as each person; the status codes."""
    codes = {}
    for who in WHO:
        letter = make()
        response = as_(client, people, who).post(reverse(url_name, args=[letter.pk]), data or {})
        if who == "guest":
            assert_login_needed(response)
        codes[who] = response.status_code
    return codes


@pytest.mark.parametrize(
    ("url_name", "recipient_code", "writer_code"),
    [
        ("letters:open", 302, 404),
        ("letters:return", 302, 404),
        ("letters:archive", 302, 404),
        ("letters:delete", 302, 302),  # each deletes their own: the copy, or the sent letter
        ("letters:report", 302, 404),
    ],
)
def test_what_a_recipient_does_with_a_letter_only_they_can_do(
    client, people, url_name, recipient_code, writer_code
):
    codes = _post_codes(
        client, people, url_name, lambda: send(people["writer"]), {"reason": "Spam."}
    )
    assert codes == {
        "writer": writer_code,
        "recipient": recipient_code,
        "other": 404,
        "guest": 302,
        "staff": 404,
    }


def test_the_report_form_and_the_reply_form_are_the_recipients_alone(client, people):
    letter = send(people["writer"])
    services.copy_open(copy=copy_of(letter, people["recipient"]))
    report = reverse("letters:report", args=[letter.pk])
    reply = reverse("letters:new") + f"?reply={letter.pk}"
    for who, expected in [("writer", 404), ("recipient", 200), ("other", 404), ("staff", 404)]:
        as_(client, people, who)
        assert client.get(report).status_code == expected, who
        assert client.get(reply).status_code == expected, who
    as_(client, people, "guest")
    assert_login_needed(client.get(report))
    assert_login_needed(client.get(reply))


def test_only_the_writer_recalls_a_letter_waiting_for_its_date(client, people):
    def waiting() -> Letter:
        letter = send(people["writer"])
        Letter.objects.filter(pk=letter.pk).update(status=Status.SCHEDULED, sent_at=None)
        Copy.objects.filter(letter=letter).delete()
        return letter

    codes = _post_codes(client, people, "letters:recall", waiting)
    assert codes == {"writer": 302, "recipient": 404, "other": 404, "guest": 302, "staff": 404}


def test_a_draft_is_its_writers_alone(client, people):
    letter = draft(people["writer"], body=SECRET)
    edit = reverse("letters:edit", args=[letter.pk])
    save = reverse("letters:autosave", args=[letter.pk])
    discard = reverse("letters:discard", args=[letter.pk])
    for who in ["recipient", "other", "staff"]:
        as_(client, people, who)
        assert client.get(edit).status_code == 404, who
        assert client.get(reverse("letters:letter", args=[letter.pk])).status_code == 404, who
        assert client.post(save, {"body": "Mine now."}).status_code == 404, who
        assert client.post(discard).status_code == 404, who
    as_(client, people, "guest")
    assert_login_needed(client.get(edit))
    assert client.post(save, {"body": "Mine now."}).status_code == 401
    as_(client, people, "writer")
    page = client.get(edit)
    assert page.status_code == 200 and "The key is under the gnome." in page.content.decode()
    letter.refresh_from_db()
    assert letter.body == SECRET and letter.status == Status.DRAFT


def test_the_writers_view_of_one_correspondence_from_a_letter_to_many(client, people, lane):
    letter = send(people["writer"], to="rory, lane")
    copy = copy_of(letter, lane)
    url = reverse("letters:correspondence", args=[letter.pk, copy.pk])
    codes = {}
    for who in WHO:
        codes[who] = as_(client, people, who).get(url).status_code
    assert codes == {"writer": 200, "recipient": 404, "other": 404, "guest": 302, "staff": 404}
    client.force_login(lane)  # the recipient of that copy is sent to the letter itself
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("letters:letter", args=[letter.pk])


def test_lists_show_only_the_members_own_letters(client, people):
    letter = send(people["writer"], subject="For Rory's eyes")
    draft(people["writer"], subject="Unfinished thought")
    services.copy_open(copy=copy_of(letter, people["recipient"]))
    pages = ["mailbag", "sent", "drafts", "waiting", "archived"]
    for who in ["other", "staff"]:
        as_(client, people, who)
        for page in pages:
            text = client.get(reverse(f"letters:{page}")).content.decode()
            assert "For Rory" not in text and "Unfinished thought" not in text, (who, page)
        found = client.get(reverse("letters:search"), {"q": "Rory"}).content.decode()
        assert "For Rory" not in found
    as_(client, people, "guest")
    for page in [*pages, "search", "settings", "new"]:
        assert_login_needed(client.get(reverse(f"letters:{page}")))
    assert Report.objects.count() == 0
