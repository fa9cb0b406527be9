"""Throttles on the writes abuse pays for, by member and by client address, with a clear 429."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse

from dearreader.lib import limits
from dearreader.lib.factories import PASSWORD
from dearreader.lib.ratelimit import client_ip
from dearreader.works.tests.helpers import chapter_data, work_data

pytestmark = pytest.mark.django_db


def allowed(rate: str) -> int:
    return int(rate.split("/")[0])


def login(client, username="rory", password="wrong", **extra):
    data = {"username": username, "password": password}
    return client.post(reverse("accounts:login"), data, **extra)


def test_a_throttled_request_gets_the_429_page(client, reader):
    for _ in range(allowed(limits.THROTTLES["login"]["address"])):
        assert login(client).status_code == 200
    response = login(client, password=PASSWORD)
    assert response.status_code == 429
    assert "That was a lot of tries in a short time." in response.content.decode()


def test_login_is_throttled_per_account_from_any_address(client, reader):
    per_member = allowed(limits.THROTTLES["login"]["member"])
    codes = [
        login(client, REMOTE_ADDR=f"10.0.{n // 200}.{n % 200 + 1}").status_code
        for n in range(per_member + 1)
    ]
    assert set(codes[:-1]) == {200} and codes[-1] == 429
    # Another account from a fresh address is not held back by it.
    assert login(client, username="kirk", REMOTE_ADDR="10.9.9.9").status_code == 200


def test_posting_works_is_throttled_per_member(client, author):
    client.force_login(author)
    data = {**work_data(author.default_pen_name), **chapter_data(), "post": "1"}
    per_member = allowed(limits.THROTTLES["post"]["member"])
    codes = [client.post(reverse("works:new"), data).status_code for _ in range(per_member + 1)]
    assert set(codes[:-1]) == {302} and codes[-1] == 429


def test_imports_are_throttled_per_member(client, author):
    client.force_login(author)
    per_member = allowed(limits.THROTTLES["import"]["member"])
    codes = [
        client.post(
            reverse("works:import"), {"file": SimpleUploadedFile("s.txt", b"One.\n\nTwo.")}
        ).status_code
        for _ in range(per_member + 1)
    ]
    assert set(codes[:-1]) == {200} and codes[-1] == 429


def test_registration_is_throttled_per_address(client):
    per_address = allowed(limits.THROTTLES["register"]["address"])
    for n in range(per_address):
        client.post(reverse("accounts:register"), {"username": f"u{n}"})
    assert client.post(reverse("accounts:register"), {"username": "last"}).status_code == 429


def test_without_a_proxy_x_forwarded_for_is_ignored(client, reader):
    per_address = allowed(limits.THROTTLES["login"]["address"])
    codes = [
        login(client, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
        for n in range(per_address + 1)
    ]
    assert codes[-1] == 429  # one client cannot pose as many


def test_behind_a_proxy_each_client_is_counted_apart(client, reader, settings):
    settings.BEHIND_PROXY, settings.TRUSTED_PROXIES = True, 1
    per_address = allowed(limits.THROTTLES["login"]["address"])
    for _ in range(per_address):
        login(client, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert login(client, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 429
    # Everyone arrives from the proxy's address: one client does not lock the others out.
    assert login(client, HTTP_X_FORWARDED_FOR="198.51.100.8").status_code == 200


@pytest.mark.parametrize(
    ("behind", "trusted", "forwarded", "expected"),
    [
        (False, 1, "198.51.100.7", "192.0.2.1"),
        (True, 1, "198.51.100.7", "198.51.100.7"),
        (True, 1, "6.6.6.6, 198.51.100.7", "198.51.100.7"),  # the client wrote the first one
        (True, 2, "6.6.6.6, 198.51.100.7, 10.0.0.2", "198.51.100.7"),
        (True, 3, "198.51.100.7", "198.51.100.7"),
        (True, 1, "not an address", "192.0.2.1"),
        (True, 1, "", "192.0.2.1"),
        (True, 1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_address(settings, behind, trusted, forwarded, expected):
    settings.BEHIND_PROXY, settings.TRUSTED_PROXIES = behind, trusted
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected
