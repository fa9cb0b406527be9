"""Deleting an account: with a confirmation, its works deleted or kept as orphaned works."""

import pytest
from django.urls import reverse

from dearreader.accounts.models import ORPHAN_ACCOUNT, Member, PenName
from dearreader.lib.factories import PASSWORD, make_work
from dearreader.works.models import Chapter, Work

pytestmark = pytest.mark.django_db


def delete(client, member, works, password=PASSWORD, confirm=True):
    client.force_login(member)
    data = {"works": works, "password": password}
    if confirm:
        data["confirm"] = "on"
    return client.post(reverse("account_delete"), data)


def test_deleting_needs_the_password_and_the_confirmation(client, author):
    make_work(author)
    assert delete(client, author, "delete", password="wrong").status_code == 200
    assert delete(client, author, "delete", confirm=False).status_code == 200
    assert Member.objects.filter(username="dodger").exists() and Work.objects.exists()


def test_deleting_with_the_works(client, author, reader):
    make_work(author, title="Mine")
    theirs = make_work(reader, title="Theirs")
    response = delete(client, author, "delete")
    assert response.status_code == 302
    assert not Member.objects.filter(username="dodger").exists()
    assert list(Work.objects.all()) == [theirs]
    assert "_auth_user_id" not in client.session


def test_orphaning_keeps_posted_works_under_orphan_account(client, author):
    posted = make_work(author, title="Posted", pen_name="Jess Mariano", bodies=["One.", "Two."])
    make_work(author, title="Draft", post=False)
    assert delete(client, author, "orphan").status_code == 302
    assert not Member.objects.filter(username="dodger").exists()
    assert not PenName.objects.filter(name="Jess Mariano").exists()
    work = Work.objects.get()
    assert work == posted and work.pen_name.member.username == ORPHAN_ACCOUNT
    assert Chapter.objects.filter(work=work).count() == 2
    page = client.get(work.get_absolute_url()).content.decode()
    assert ORPHAN_ACCOUNT in page and "dodger" not in page and "Jess Mariano" not in page
    orphan = Member.objects.get(username=ORPHAN_ACCOUNT)
    assert not orphan.has_usable_password()


def test_nobody_can_register_as_orphan_account(client):
    data = {
        "username": ORPHAN_ACCOUNT,
        "email": "o@example.org",
        "password1": "correct horse battery staple",
        "password2": "correct horse battery staple",
    }
    response = client.post(reverse("accounts:register"), data)
    assert "That name is taken." in response.content.decode()
