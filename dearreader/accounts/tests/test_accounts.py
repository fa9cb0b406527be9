import pytest
from django.contrib.auth.hashers import identify_hasher
from django.urls import reverse

from dearreader import settings as project_settings
from dearreader.accounts.models import Member, PenName
from dearreader.lib.factories import PASSWORD, make_work

pytestmark = pytest.mark.django_db


def register(client, username="paris", password="correct horse battery staple", **extra):
    data = {
        "username": username,
        "email": f"{username}@example.org",
        "password1": password,
        "password2": password,
        **extra,
    }
    return client.post(reverse("accounts:register"), data)


def test_register_logs_in_and_gives_a_default_pen_name(client):
    response = register(client)
    assert response.status_code == 302
    member = Member.objects.get(username="paris")
    assert member.pen_names.get().name == "paris"
    assert member.pen_names.get().is_default
    assert client.get(reverse("home")).context["user"] == member


def test_register_refuses_a_taken_name_whatever_its_case(client, reader):
    response = register(client, username="RORY")
    assert response.status_code == 200
    assert "That name is taken." in response.content.decode()
    assert Member.objects.filter(username__iexact="rory").count() == 1


def test_register_refuses_mismatched_and_weak_passwords(client):
    data = {
        "username": "paris",
        "email": "p@example.org",
        "password1": "12345678",
        "password2": "12345678",
    }
    response = client.post(reverse("accounts:register"), data)
    assert response.status_code == 200
    assert not Member.objects.filter(username="paris").exists()


def test_passwords_are_hashed_with_argon2_in_the_real_settings():
    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_a_stored_password_is_a_hash_never_the_password(reader):
    reader.refresh_from_db()
    assert PASSWORD not in reader.password
    assert identify_hasher(reader.password)


def test_login_and_logout(client, reader):
    response = client.post(reverse("accounts:login"), {"username": "rory", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(reader.pk)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_login_with_a_wrong_password_says_so(client, reader):
    response = client.post(reverse("accounts:login"), {"username": "rory", "password": "nope"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_logout_by_get_is_refused(client, reader):
    client.force_login(reader)
    assert client.get(reverse("accounts:logout")).status_code == 405


def test_repeated_failed_logins_are_rate_limited(client, reader):
    codes = [
        client.post(reverse("accounts:login"), {"username": "rory", "password": "x"}).status_code
        for _ in range(12)
    ]
    assert codes[0] == 200
    assert codes[-1] == 429


def test_byline_shows_account_when_pen_name_differs(author):
    pen = author.pen_names.get(name="Jess Mariano")
    assert pen.display_name == "Jess Mariano (dodger)"
    assert author.default_pen_name.display_name == "dodger"


def test_member_adds_a_pen_name_and_makes_it_default(client, author):
    client.force_login(author)
    response = client.post(
        reverse("accounts:pen_names"), {"name": "  Dodger   Twist ", "description": ""}
    )
    assert response.status_code == 302
    pen = author.pen_names.get(name="Dodger Twist")
    client.post(reverse("accounts:pen_name_default", args=[pen.pk]))
    assert author.default_pen_name == pen
    assert author.pen_names.filter(is_default=True).count() == 1


def test_duplicate_and_blank_pen_names_are_refused(client, author):
    client.force_login(author)
    for name in ["jess mariano", "   "]:
        response = client.post(reverse("accounts:pen_names"), {"name": name, "description": ""})
        assert response.status_code == 200
    assert author.pen_names.count() == 2


def test_nobody_can_make_someone_elses_pen_name_default(client, author, stranger):
    pen = author.pen_names.get(name="Jess Mariano")
    client.force_login(stranger)
    assert client.post(reverse("accounts:pen_name_default", args=[pen.pk])).status_code == 404
    assert PenName.objects.get(pk=pen.pk).is_default is False


def test_profile_lists_posted_works_but_not_drafts_to_others(client, author, reader):
    make_work(author, title="Posted One")
    make_work(author, title="Secret Draft", post=False)
    client.force_login(reader)
    page = client.get(reverse("accounts:profile", args=["dodger"])).content.decode()
    assert "Posted One" in page
    assert "Secret Draft" not in page
    client.force_login(author)
    assert (
        "Secret Draft" in client.get(reverse("accounts:profile", args=["dodger"])).content.decode()
    )


def test_account_made_by_createsuperuser_gets_a_pen_name_when_needed(db):
    member = Member.objects.create_superuser("admin", "a@example.org", "pw-admin-long-enough")
    assert member.default_pen_name.name == "admin"


def test_a_pen_names_ao3_address_leads_to_its_member(client, author):
    pen_name = author.pen_names.get(name="Jess Mariano")
    response = client.get(pen_name.get_absolute_url())
    assert pen_name.get_absolute_url() == "/users/dodger/pseuds/Jess%20Mariano"
    assert response.status_code == 302
    assert response["Location"] == f"/members/dodger/#pen-name-{pen_name.pk}"
    assert client.get("/users/dodger/pseuds/Nobody").status_code == 404
