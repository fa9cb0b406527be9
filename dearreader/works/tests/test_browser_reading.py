"""Reading a demo work in a real Chromium: chapter by chapter, letters and scene breaks shown,
the text-size control remembered, and screenshots at phone and desktop widths.

Screenshots go to $DEARREADER_SCREENSHOTS (default: the test's tmp dir) for a person to look at.
"""

import importlib.util
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from dearreader.lib.testing import require

pytestmark = [pytest.mark.browser]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch):
    require(Path(CHROMIUM).exists(), f"{CHROMIUM} is missing (apt-get install chromium)")
    require(
        importlib.util.find_spec("playwright") is not None,
        "the playwright package is not installed (pip install -e '.[test]')",
    )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django would then refuse the
    # ORM calls the test makes between page loads.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("DEARREADER_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass
class DemoWork:
    title: str
    url: str
    chapter_urls: list[str]


@pytest.fixture
def demo_work(transactional_db) -> DemoWork:
    """The demo's longest work a guest can read: several chapters, letters, a scene break.

    Everything the tests need from the database is read here, before the browser starts: ORM
    calls made while Playwright's event loop runs get a connection of their own that nothing
    closes, and that open connection keeps PostgreSQL from dropping the test database.
    """
    from dearreader.demo.loader import load_demo
    from dearreader.works.models import Work

    load_demo()
    work = Work.objects.posted().filter(restricted=False).order_by("-chapter_count").first()
    assert work is not None and work.chapter_count > 1, "the demo needs a multi-chapter work"
    chapters = [chapter.get_absolute_url() for chapter in work.chapters.posted()]
    return DemoWork(work.title, work.get_absolute_url(), chapters)


def _story_font_px(page) -> float:
    size = page.locator(".chapter-text").first.evaluate("el => getComputedStyle(el).fontSize")
    return float(size.removesuffix("px"))


def _fits_width(page) -> bool:
    return page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_reader_follows_next_chapter_to_the_end_seeing_letters_and_scene_breaks(
    demo_work, live_server, browser
):
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{live_server.url}{demo_work.url}")
    expect(page.get_by_role("heading", level=1)).to_have_text(demo_work.title)

    headings, letters, scene_breaks = [], 0, 0
    while True:
        headings.append(page.locator(".chapter-heading").first.inner_text())
        for letter in page.locator("section.letter").all():
            letter.scroll_into_view_if_needed()
            expect(letter).to_be_visible()
            expect(letter).to_have_attribute("aria-label", re.compile(r"^Letter"))
            letters += 1
        # A <section> with a label is a region landmark: what screen readers announce.
        regions = page.get_by_role("region", name=re.compile(r"^Letter"))
        expect(regions).to_have_count(page.locator("section.letter").count())
        for hr in page.locator("hr.scene-break").all():
            hr.scroll_into_view_if_needed()
            expect(hr).to_be_visible()
            scene_breaks += 1
        assert _fits_width(page), f"{page.url} scrolls sideways at 390 px"
        following = page.get_by_role("link", name="Next chapter")
        if following.count() == 0:
            break
        expect(following).to_have_attribute("rel", "next")
        href = following.get_attribute("href")
        following.click()
        page.wait_for_url(f"**{href}")

    assert len(headings) == len(demo_work.chapter_urls), headings
    assert headings[0].startswith("Chapter 1") and len(set(headings)) == len(headings)
    assert letters >= 1, "no letter block was shown in the demo work"
    assert scene_breaks >= 1, "no scene break was shown in the demo work"
    expect(page.get_by_role("link", name="Previous chapter")).to_have_attribute("rel", "prev")


def test_text_size_control_changes_story_text_and_is_remembered(demo_work, live_server, browser):
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}{demo_work.url}")
    base = _story_font_px(page)
    # The remembered size is applied by a blocking script in <head>, before the first paint.
    assert page.evaluate(
        "() => [...document.head.querySelectorAll('script[src]')]"
        ".some(s => s.src.includes('reader') && !s.defer && !s.async)"
    )

    page.get_by_role("button", name="Larger text").click()
    page.get_by_role("button", name="Larger text").click()
    larger = _story_font_px(page)
    assert larger > base

    page.reload()
    assert _story_font_px(page) == larger, "the text size was not remembered after a reload"
    expect(page.get_by_role("group", name="Text size")).to_contain_text("120%")

    page.get_by_role("button", name="Smaller text").click()
    assert base < _story_font_px(page) < larger

    page.get_by_role("button", name="Reset text size").click()
    assert _story_font_px(page) == base
    page.reload()
    assert _story_font_px(page) == base


def test_screenshots_of_home_work_and_chapter_at_phone_and_desktop_widths(
    demo_work, live_server, browser, shots
):
    pages = {
        "home": "/",
        "work": demo_work.url,
        "chapter": demo_work.chapter_urls[1],
    }
    for scheme in ("light", "dark"):
        for width_name, (width, height) in WIDTHS.items():
            context = browser.new_context(
                viewport={"width": width, "height": height}, color_scheme=scheme
            )
            page = context.new_page()
            for name, path in pages.items():
                page.goto(f"{live_server.url}{path}")
                assert _fits_width(page), f"{path} scrolls sideways at {width} px"
                if scheme == "dark" and name == "home":
                    continue  # dark shots of the reading pages are enough to check contrast
                target = shots / f"{name}-{width_name}-{scheme}.png"
                page.screenshot(path=str(target), full_page=True)
                assert target.stat().st_size > 0
            context.close()


# Recorded from the first script the page runs (Playwright's init script is not subject to
# the page's policy): every Content-Security-Policy violation the browser reports.
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


def test_pages_run_under_the_policy_without_a_single_violation(demo_work, live_server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    urls = ["/", demo_work.url, demo_work.chapter_urls[-1], "/works/", "/login/", "/register/"]
    for path in urls:
        response = page.goto(f"{live_server.url}{path}")
        assert (
            response is not None
            and "script-src 'self'" in response.headers["content-security-policy"]
        )
        assert page.evaluate("window.__cspViolations") == [], path
    assert page.evaluate("document.documentElement.classList.contains('js')")
    assert not [text for text in console if "Content Security Policy" in text], console

    # The watch works: an inline script added to the page is blocked and reported.
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__ran = true'; document.body.append(s); }"
    )
    page.wait_for_function("window.__cspViolations.length > 0")
    assert page.evaluate("window.__ran") is None
    assert any("Content Security Policy" in text for text in console)
    context.close()
