import pytest
from django.urls import reverse

from dearreader.lib.factories import make_work

pytestmark = pytest.mark.django_db

PAGES = [
    "admin:accounts_member_changelist",
    "admin:accounts_penname_changelist",
    "admin:works_work_changelist",
    "admin:works_tag_changelist",
]


def test_staff_manage_members_works_and_tags(client, staff, author):
    work = make_work(author)
    client.force_login(staff)
    for name in PAGES:
        assert client.get(reverse(name)).status_code == 200, name
    assert client.get(reverse("admin:works_work_change", args=[work.pk])).status_code == 200
    page = client.get(reverse("admin:works_tag_changelist") + "?q=Gilmore").content.decode()
    assert "Gilmore Girls" in page


def test_members_who_are_not_staff_are_kept_out(client, reader):
    client.force_login(reader)
    response = client.get(reverse("admin:works_work_changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
