import pytest

from dearreader.lib.factories import make_work


@pytest.fixture
def work(author):  # type: ignore[no-untyped-def]
    """Jess Mariano's posted work with two chapters."""
    return make_work(author, title="Postmarked Stars Hollow", bodies=["One.", "Two."])


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    """Run what the code leaves for after its transaction commits (tests run inside one)."""

    def run():  # type: ignore[no-untyped-def]
        return django_capture_on_commit_callbacks(execute=True)

    return run
