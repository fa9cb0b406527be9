"""In a real Chromium: the reader's script saves the place a member scrolled to, and a second
browser (another device, logged in as the same member) continues reading at it."""

import pytest

from dearreader.lib.factories import PASSWORD, make_work
from dearreader.works.tests.test_browser_reading import browser  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.browser]

PARAGRAPHS = 60


@pytest.fixture
def long_work(transactional_db, author):  # type: ignore[no-untyped-def]
    """Read from the database before the browser starts (see test_browser_reading)."""
    body = "\n\n".join(f"Paragraph {n}: " + "words " * 60 for n in range(PARAGRAPHS))
    work = make_work(author, title="A Long Letter", bodies=["Short first chapter.", body])
    second = work.chapters.get(position=2)
    return {"url": work.get_absolute_url(), "second": second.get_absolute_url()}


def _log_in(context, base: str) -> object:  # type: ignore[no-untyped-def]
    page = context.new_page()
    page.goto(f"{base}/login/")
    page.get_by_label("Username").fill("rory")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base}/")
    return page


def test_the_place_scrolled_to_on_one_device_is_where_another_continues(
    long_work,
    reader,
    live_server,
    browser,  # noqa: F811
):
    phone = _log_in(browser.new_context(viewport={"width": 390, "height": 844}), live_server.url)
    phone.goto(f"{live_server.url}{long_work['second']}")
    target = phone.locator(".chapter-text p").nth(30)
    with phone.expect_response(lambda r: "/position/" in r.url and r.status == 204):
        target.evaluate("el => window.scrollTo(0, el.getBoundingClientRect().top + scrollY)")
    phone.context.close()

    laptop = _log_in(browser.new_context(viewport={"width": 1280, "height": 900}), live_server.url)
    laptop.goto(f"{live_server.url}{long_work['url']}")
    continue_link = laptop.get_by_role("link", name="Continue reading at chapter 2")
    continue_link.click()
    laptop.wait_for_url(f"**{long_work['second']}#resume")
    top = laptop.evaluate(
        """() => [...document.querySelectorAll('.chapter-text p')]
                 .findIndex(p => p.getBoundingClientRect().bottom > 0)"""
    )
    assert top == 30
    laptop.context.close()
