import pytest

from dearreader.accounts.services import pen_name_make_default
from dearreader.lib.factories import make_member


@pytest.fixture
def lane(db):  # type: ignore[no-untyped-def]
    """A second reader, for letters to several members; she goes by the pen name Lane Kim."""
    member = make_member("lane", pen_name="Lane Kim")
    pen_name_make_default(pen_name=member.pen_names.get(name="Lane Kim"))
    return member


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    """Run what the code leaves for after its transaction commits (tests run inside one)."""

    def run():  # type: ignore[no-untyped-def]
        return django_capture_on_commit_callbacks(execute=True)

    return run
