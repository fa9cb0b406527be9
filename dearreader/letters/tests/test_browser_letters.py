"""Letters in a real Chromium: a member writes a letter, the page closes half-way, the drafts
drawer still has it (saved by letters.js as it was typed), she sends it; the recipient opens it
and writes back, and she reads the correspondence; all without a Content-Security-Policy
violation. A second test loses the session mid-letter and gets the text back after logging in.
"""

from dataclasses import dataclass

import pytest

from dearreader.works.tests.test_browser_reading import WATCH_CSP, browser  # noqa: F401

pytestmark = [pytest.mark.browser]

FIRST = "Dear {name},\n\nAll I could come up with was Dear Jess."
MORE = " And then nothing."
REST = "\n\nI am sorry about the dance.\n\nRory"


@dataclass
class People:
    password: str


@pytest.fixture
def people(transactional_db) -> People:
    """Made before the browser starts (see test_browser_reading for why)."""
    from dearreader.accounts.services import pen_name_make_default
    from dearreader.lib.factories import PASSWORD, make_member

    jess = make_member("dodger", pen_name="Jess Mariano")
    pen_name_make_default(pen_name=jess.pen_names.get(name="Jess Mariano"))
    make_member("rory")
    return People(PASSWORD)


def log_in(context, base: str, username: str, password: str):  # type: ignore[no-untyped-def]
    page = context.new_page()
    page.goto(f"{base}/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base}/")
    return page


def no_violations(page) -> None:  # type: ignore[no-untyped-def]
    assert page.evaluate("window.__cspViolations") == [], page.url


def watched(browser):  # type: ignore[no-untyped-def]  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(WATCH_CSP)
    return context


def begin(page, base: str) -> None:  # type: ignore[no-untyped-def]
    """A letter to dodger, begun: its first lines typed, and saved as a draft."""
    from playwright.sync_api import expect

    page.goto(f"{base}/letters/new/?to=dodger")
    expect(page.get_by_label("Account names")).to_have_value("dodger")
    page.get_by_label("Subject", exact=True).fill("The dance")
    with page.expect_response(lambda r: "/save/" in r.url and r.status == 200):
        page.get_by_label("Letter", exact=True).fill(FIRST)
    page.wait_for_url("**/letters/drafts/*/")  # the draft has its own address now


def test_a_letter_half_written_survives_the_page_closing_is_sent_and_answered(
    people,
    live_server,
    browser,  # noqa: F811
):
    from playwright.sync_api import expect

    base = live_server.url
    rory_context = watched(browser)
    rory = log_in(rory_context, base, "rory", people.password)
    begin(rory, base)
    expect(rory.locator("[data-draft-status]")).to_contain_text("Saved at")
    no_violations(rory)
    # A few more words, and the tab is closed before the pause that would save them: the
    # page saves them as it goes (a keepalive request when it is hidden).
    rory.get_by_label("Letter", exact=True).press("End")
    rory.get_by_label("Letter", exact=True).type(MORE)
    rory.close(run_before_unload=True)

    drawer = rory_context.new_page()
    for _ in range(20):  # the request sent as the tab closed may land a moment later
        drawer.goto(f"{base}/letters/drafts/")
        if drawer.get_by_text("And then nothing.").count():
            break
        drawer.wait_for_timeout(250)
    draft = drawer.locator(".mail-item", has_text="The dance")
    expect(draft).to_contain_text("All I could come up with was Dear Jess. And then nothing.")
    expect(draft).to_contain_text("last touched")
    draft.get_by_role("link", name="The dance").click()
    expect(drawer.get_by_label("Letter", exact=True)).to_have_value(FIRST + MORE)
    drawer.get_by_label("Letter", exact=True).press("End")
    drawer.get_by_label("Letter", exact=True).type(REST)
    drawer.get_by_role("button", name="Send now").click()
    expect(drawer.get_by_text("Sent to 1 member.")).to_be_visible()
    no_violations(drawer)

    jess_context = watched(browser)
    jess = log_in(jess_context, base, "dodger", people.password)
    expect(jess.locator(".letters-link .count")).to_have_text("1 unopened")
    jess.get_by_role("link", name="Letters").click()
    jess.get_by_role("link", name="A letter, unopened").click()
    expect(jess.get_by_text("All I could come up with")).to_have_count(0)
    jess.get_by_role("button", name="Open the letter").click()
    letter = jess.locator(".mail-sheet")
    expect(letter).to_contain_text("Dear Jess Mariano,")
    expect(letter).to_contain_text("I am sorry about the dance.")
    jess.get_by_role("link", name="Write back").click()
    expect(jess.get_by_label("Subject", exact=True)).to_have_value("Re: The dance")
    jess.get_by_label("Letter", exact=True).fill("Dear Rory,\n\nCome by the diner.\n\nJess")
    jess.get_by_role("button", name="Send now").click()
    expect(jess.get_by_text("Sent to 1 member.")).to_be_visible()
    no_violations(jess)

    reader = rory_context.new_page()
    reader.goto(f"{base}/letters/")
    reader.get_by_role("link", name="A letter, unopened").click()
    reader.get_by_role("button", name="Open the letter").click()
    expect(reader.get_by_role("heading", level=1)).to_have_text("Letters between you and dodger")
    sheets = reader.locator(".mail-sheet")
    expect(sheets).to_have_count(2)
    expect(sheets.nth(0)).to_contain_text("Dear Jess Mariano,")
    expect(sheets.nth(1)).to_contain_text("Come by the diner.")
    expect(sheets.nth(1)).to_contain_text("Jess Mariano")
    no_violations(reader)
    rory_context.close()
    jess_context.close()


def test_a_letter_written_while_the_session_expires_comes_back_after_logging_in(
    people,
    live_server,
    browser,  # noqa: F811
):
    from playwright.sync_api import expect

    base = live_server.url
    context = watched(browser)
    page = log_in(context, base, "rory", people.password)
    begin(page, base)
    draft_url = page.url
    context.clear_cookies(name="sessionid")  # the session expires
    with page.expect_response(lambda r: "/save/" in r.url and r.status == 401):
        page.get_by_label("Letter", exact=True).press("End")
        page.get_by_label("Letter", exact=True).type(REST)
    status = page.locator("[data-draft-status]")
    expect(status).to_contain_text("You are logged out")
    status.get_by_role("link", name="Log in").click()
    page.get_by_label("Username").fill("rory")
    page.get_by_label("Password").fill(people.password)
    with page.expect_response(lambda r: "/save/" in r.url and r.status == 200):
        page.get_by_role("button", name="Log in").click()
    assert page.url == draft_url
    expect(page.get_by_label("Letter", exact=True)).to_have_value(FIRST + REST)
    page.reload()  # saved on the server, not only back in the page
    expect(page.get_by_label("Letter", exact=True)).to_have_value(FIRST + REST)
    no_violations(page)
    context.close()
