"""A member runs their own account: password change, reset by email, email change."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from dearreader.lib import limits
from dearreader.lib.factories import PASSWORD

pytestmark = pytest.mark.django_db

NEW = "a brand new pass phrase"


def test_member_changes_their_password(client, reader):
    client.force_login(reader)
    data = {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW}
    response = client.post(reverse("accounts:password_change"), data)
    assert response["Location"] == reverse("accounts:password_change_done")
    reader.refresh_from_db()
    assert reader.check_password(NEW)


def test_a_wrong_current_password_changes_nothing(client, reader):
    client.force_login(reader)
    data = {"old_password": "nope", "new_password1": NEW, "new_password2": NEW}
    assert client.post(reverse("accounts:password_change"), data).status_code == 200
    reader.refresh_from_db()
    assert reader.check_password(PASSWORD)


def test_forgotten_password_is_reset_through_the_emailed_link(client, reader):
    response = client.post(reverse("accounts:password_reset"), {"email": "rory@example.org"})
    assert response["Location"] == reverse("accounts:password_reset_done")
    [email] = mail.outbox
    assert email.to == ["rory@example.org"] and "Hello rory" in email.body
    link = re.search(r"https?://[^/\s]+(/password-reset/\S+/)", email.body)[1]
    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"]
    data = {"new_password1": NEW, "new_password2": NEW}
    response = client.post(form_page.redirect_chain[-1][0], data)
    assert response["Location"] == reverse("accounts:password_reset_complete")
    assert client.login(username="rory", password=NEW)
    # The link works once.
    assert not client.get(link, follow=True).context["validlink"]


def test_reset_for_an_unknown_address_says_the_same_and_sends_nothing(client, reader):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_password_reset_is_throttled_per_address(client, reader):
    per_address = int(limits.THROTTLES["password_reset"]["address"].split("/")[0])
    codes = [
        client.post(reverse("accounts:password_reset"), {"email": f"x{n}@example.org"}).status_code
        for n in range(per_address + 1)
    ]
    assert codes[-1] == 429 and set(codes[:-1]) == {302}


def test_password_reset_is_throttled_per_email(client, reader):
    per_member = int(limits.THROTTLES["password_reset"]["member"].split("/")[0])
    for n in range(per_member):
        client.post(
            reverse("accounts:password_reset"),
            {"email": "rory@example.org"},
            REMOTE_ADDR=f"10.1.1.{n + 1}",
        )
    response = client.post(
        reverse("accounts:password_reset"), {"email": "rory@example.org"}, REMOTE_ADDR="10.2.2.2"
    )
    assert response.status_code == 429
    assert len(mail.outbox) == per_member


def test_login_page_links_to_the_reset(client):
    page = client.get(reverse("accounts:login")).content.decode()
    assert reverse("accounts:password_reset") in page


def test_member_changes_their_email_with_their_password(client, reader):
    client.force_login(reader)
    url = reverse("accounts:email_change")
    response = client.post(url, {"email": "gilmore@example.org", "password": "wrong"})
    assert "That is not your password." in response.content.decode()
    response = client.post(url, {"email": "gilmore@example.org", "password": PASSWORD})
    assert response.status_code == 302
    reader.refresh_from_db()
    assert reader.email == "gilmore@example.org"


def test_account_pages_need_login(client):
    for name in ["accounts:account", "accounts:email_change", "accounts:password_change"]:
        response = client.get(reverse(name))
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
