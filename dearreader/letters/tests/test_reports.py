"""A member reports a letter to staff; staff read reported letters, and only those: the admin
has no page that shows a letter's text but a report's."""

import pytest
from django.urls import NoReverseMatch, reverse

from dearreader.letters.models import Report
from dearreader.letters.tests.helpers import copy_of, send
from dearreader.lib import limits

pytestmark = pytest.mark.django_db


def test_a_recipient_reports_a_letter_with_a_reason(client, author, reader):
    letter = send(author, body="Dear {name},\n\nBuy my pills.")
    client.force_login(reader)
    form = client.get(reverse("letters:report", args=[letter.pk])).content.decode()
    assert "Staff will read it, and only it" in form
    empty = client.post(reverse("letters:report", args=[letter.pk]), {"reason": "   "})
    assert empty.status_code == 400 and not Report.objects.exists()
    response = client.post(reverse("letters:report", args=[letter.pk]), {"reason": "Spam."})
    assert response["Location"] == letter.get_absolute_url()
    report = Report.objects.get()
    assert (report.letter, report.copy, report.reporter) == (
        letter,
        copy_of(letter, reader),
        reader,
    )
    again = client.post(
        reverse("letters:report", args=[letter.pk]), {"reason": "Again."}, follow=True
    )
    assert "reported this letter already" in again.content.decode()
    assert Report.objects.count() == 1


def test_the_admin_shows_reported_letters_and_no_other(client, author, reader, staff):
    reported = send(author, subject="Reported one", body="Dear {name},\n\nReported words.")
    send(author, subject="Private one", body="Dear {name},\n\nPrivate words.")
    client.force_login(reader)
    client.post(reverse("letters:report", args=[reported.pk]), {"reason": "Rude."})
    client.force_login(staff)
    index = client.get(reverse("admin:index")).content.decode()
    assert "Reports" in index and ">Letters<" in index
    assert ">Copies<" not in index and "Private" not in index
    for name in ["admin:letters_letter_changelist", "admin:letters_copy_changelist"]:
        with pytest.raises(NoReverseMatch):
            reverse(name)
    assert client.get("/admin/letters/letter/").status_code == 404
    assert client.get(f"/admin/letters/letter/{reported.pk}/change/").status_code == 404
    listing = client.get(reverse("admin:letters_report_changelist")).content.decode()
    assert "Report of letter" in listing and "Private" not in listing
    report = Report.objects.get()
    page = client.get(reverse("admin:letters_report_change", args=[report.pk])).content.decode()
    assert "Reported words." in page and "Rude." in page and "Dear rory," in page
    assert "Private words." not in page
    # Nor does the admin of anything else carry a letter's words: notices say who wrote.
    notices = client.get(reverse("admin:community_notification_changelist")).content.decode()
    assert "Private words" not in notices and "Private one" not in notices
    assert client.get(reverse("admin:letters_report_add")).status_code == 403


def test_staff_mark_a_report_resolved(client, author, reader, staff):
    letter = send(author)
    client.force_login(reader)
    client.post(reverse("letters:report", args=[letter.pk]), {"reason": "Rude."})
    report = Report.objects.get()
    client.force_login(staff)
    url = reverse("admin:letters_report_change", args=[report.pk])
    assert client.post(url, {"resolved": "on"}).status_code == 302
    report.refresh_from_db()
    assert report.resolved and report.reason == "Rude."


def test_reports_are_throttled(client, author, reader):
    client.force_login(reader)
    allowed = int(limits.THROTTLES["letter_report"]["member"].split("/")[0])
    codes = []
    for _ in range(allowed + 1):
        letter = send(author)
        codes.append(
            client.post(reverse("letters:report", args=[letter.pk]), {"reason": "x"}).status_code
        )
    assert codes == [302] * allowed + [429]
