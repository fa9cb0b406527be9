"""Reviews in a real Chromium: a guest and a member review a chapter, the author replies to
both, the member finds the reply in their inbox and the guest finds it under their review."""

from dataclasses import dataclass

import pytest

from dearreader.works.tests.test_browser_reading import browser  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.browser]


@dataclass
class Story:
    chapter_url: str
    password: str


@pytest.fixture
def story(transactional_db) -> Story:
    """Made before the browser starts (see the reading test for why)."""
    from dearreader.lib.factories import PASSWORD, make_member, make_work

    author = make_member("dodger", pen_name="Jess Mariano")
    make_member("rory")
    work = make_work(author, title="Postmarked Stars Hollow", bodies=["Dear Rory, I wrote."])
    return Story(work.chapters.get().get_absolute_url(), PASSWORD)


def log_in(page, base: str, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base}/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base}/")


def test_guest_and_member_review_author_replies_reviewer_reads_it_in_the_inbox(
    story,
    live_server,
    browser,  # noqa: F811
):
    from playwright.sync_api import expect

    base = live_server.url
    guest = browser.new_context().new_page()
    guest.goto(base + story.chapter_url)
    guest.get_by_label("Your name").fill("Lane")
    guest.get_by_label("Your review").fill("Write faster, please!")
    guest.get_by_role("button", name="Send review").click()
    expect(guest.get_by_text("Thank you for your review!")).to_be_visible()
    expect(guest.locator(".review").first).to_contain_text("Lane")
    # The honeypot is there for bots, and out of sight for people.
    expect(guest.get_by_label("Leave this field empty")).not_to_be_in_viewport()

    rory = browser.new_context().new_page()
    log_in(rory, base, "rory", story.password)
    rory.goto(base + story.chapter_url)
    rory.get_by_label("Your review").fill("The letter made me cry.")
    rory.get_by_role("button", name="Send review").click()
    expect(rory.get_by_text("The letter made me cry.")).to_be_visible()

    jess = browser.new_context().new_page()
    log_in(jess, base, "dodger", story.password)
    expect(jess.locator(".inbox-link .count")).to_have_text("2 unread")
    jess.goto(base + story.chapter_url)
    for reviewer, answer in [("rory", "Thank you, Rory."), ("Lane", "Soon, Lane!")]:
        review = jess.locator(".review", has_text=reviewer)
        review.get_by_text("Reply", exact=True).click()
        review.get_by_label(f"Your reply to {reviewer}").fill(answer)
        review.get_by_role("button", name="Send reply").click()
        expect(jess.get_by_text("Reply posted.")).to_be_visible()

    rory.goto(base + "/")
    expect(rory.locator(".inbox-link .count")).to_have_text("1 unread")
    rory.get_by_role("link", name="Inbox").click()
    notice = rory.get_by_role("button", name="dodger replied to your review")
    expect(notice).to_be_visible()
    notice.click()
    expect(rory.get_by_text("Thank you, Rory.")).to_be_visible()
    expect(rory.locator(".inbox-link .count")).to_have_count(0)

    guest.reload()
    expect(guest.locator(".review", has_text="Lane")).to_contain_text("Soon, Lane!")
