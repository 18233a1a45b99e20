"""Open the report's HTML pages in a real headless browser and record what they did.

Debian's chromium (`make browser` installs it; `make test` depends on it) is driven by the pinned
playwright package, which is told where the browser is and so never downloads one. Each browser
gets a fresh profile and no network: every request a page makes is recorded, and anything that is
not the page's own file or a `data:` URL is aborted before it leaves the machine.

Use in a test (the fixtures are registered in conftest.py):

    def test_page(browser):
        report = browser.open(path_to_html)           # PageReport
        assert report.console_errors == [] and report.page_errors == [] and report.dialogs == []
        assert report.other_requests() == []          # nothing but the page itself was fetched
        assert_image_visible(report.page, "img")       # the first <img> is loaded and on screen
        assert_visible(report.page, "svg")             # any element (an inline <svg>) takes up room
        report.screenshot("my-page")                   # -> test-artifacts/my-page.png

`browser_no_csp` is the same browser with the pages' Content-Security-Policy switched off, to
check that escaping alone keeps a page safe.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import pytest

from newscoder.paths import project_root

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = project_root() / "test-artifacts"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
# Time for onload handlers, timers and late requests to show themselves after the load event.
SETTLE_MS = 500


@dataclass
class PageReport:
    """What one page did while it loaded: messages, errors, dialogs and requests."""

    url: str
    page: object  # playwright.sync_api.Page, open until the browser closes
    console_errors: list[str] = field(default_factory=list)
    console_messages: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    def other_requests(self) -> list[str]:
        """Requests for anything but the page itself and inline `data:` URLs."""
        return [u for u in self.requests if u != self.url and not u.startswith("data:")]

    def screenshot(self, name: str) -> Path:
        """Save a full-page PNG as test-artifacts/<name>.png (gitignored) and return its path."""
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def text(self) -> str:
        """The page's visible text."""
        return self.page.inner_text("body")


class Browser:
    """A headless chromium with a fresh profile; `open` loads a local HTML file."""

    def __init__(self, *, bypass_csp: bool = False, playwright=None) -> None:
        """Launch chromium; `playwright` is a started sync_playwright() to share (one per thread)."""
        from playwright.sync_api import sync_playwright

        if not CHROMIUM.exists():
            raise RuntimeError(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium) first.")
        self._profile = tempfile.mkdtemp(prefix="newscoder-chromium-")
        self._own = playwright is None
        self._playwright = sync_playwright().start() if playwright is None else playwright
        self.context = self._playwright.chromium.launch_persistent_context(
            self._profile, executable_path=str(CHROMIUM), headless=True, args=ARGS,
            bypass_csp=bypass_csp, offline=True, java_script_enabled=True,
        )
        self.context.route("**/*", self._route)
        self._reports: list[PageReport] = []

    def _route(self, route) -> None:
        url = route.request.url
        if any(url == r.url for r in self._reports) or url.startswith("data:"):
            route.continue_()
        else:
            route.abort()

    def open(self, path: str | os.PathLike, *, settle_ms: int = SETTLE_MS) -> PageReport:
        """Load an HTML file and return what happened while it loaded (the page stays open)."""
        url = Path(path).resolve().as_uri()
        page = self.context.new_page()
        report = PageReport(url=url, page=page)
        self._reports.append(report)
        page.on("console", lambda m: (report.console_messages.append(f"{m.type}: {m.text}"),
                                      m.type == "error" and report.console_errors.append(m.text)))
        page.on("pageerror", lambda e: report.page_errors.append(str(e)))
        page.on("dialog", lambda d: (report.dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
        page.on("request", lambda r: report.requests.append(r.url))
        page.on("requestfailed", lambda r: report.failed_requests.append(r.url))
        page.goto(url, wait_until="load")
        page.wait_for_timeout(settle_ms)
        return report

    def close(self) -> None:
        self.context.close()
        if self._own:
            self._playwright.stop()
        shutil.rmtree(self._profile, ignore_errors=True)


def image_state(page, selector: str = "img") -> dict:
    """Whether the first element matching `selector` is a loaded, visible image, with its sizes."""
    return page.eval_on_selector(selector, """img => {
        const box = img.getBoundingClientRect();
        const style = getComputedStyle(img);
        return {complete: img.complete, naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight,
                width: box.width, height: box.height, display: style.display, visibility: style.visibility,
                opacity: style.opacity};
    }""")


def assert_visible(page, selector: str) -> dict:
    """Fail unless the first element matching `selector` (an inline <svg>, a table...) takes up room and is shown."""
    state = page.eval_on_selector(selector, """el => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return {tag: el.tagName, width: box.width, height: box.height, display: style.display,
                visibility: style.visibility, opacity: style.opacity};
    }""")
    assert state["width"] > 0 and state["height"] > 0, (selector, state)
    assert state["display"] != "none" and state["visibility"] != "hidden" and float(state["opacity"]) > 0, (selector, state)
    return state


def assert_image_visible(page, selector: str = "img") -> dict:
    """Fail unless the image is decoded (naturalWidth > 0) and takes up room on the page."""
    state = image_state(page, selector)
    assert state["complete"] and state["naturalWidth"] > 0 and state["naturalHeight"] > 0, (selector, state)
    assert state["width"] > 0 and state["height"] > 0, (selector, state)
    assert state["display"] != "none" and state["visibility"] != "hidden" and float(state["opacity"]) > 0, (selector, state)
    return state


@pytest.fixture(scope="session")
def playwright_session():
    """One playwright driver for the session (the sync API allows one per thread)."""
    from playwright.sync_api import sync_playwright

    driver = sync_playwright().start()
    try:
        yield driver
    finally:
        driver.stop()


def _browser(playwright, bypass_csp: bool) -> Iterator[Browser]:
    b = Browser(bypass_csp=bypass_csp, playwright=playwright)
    try:
        yield b
    finally:
        b.close()


@pytest.fixture(scope="session")
def browser(playwright_session) -> Iterator[Browser]:
    """A headless chromium that honours the pages' Content-Security-Policy."""
    yield from _browser(playwright_session, False)


@pytest.fixture(scope="session")
def browser_no_csp(playwright_session) -> Iterator[Browser]:
    """The same, with Content-Security-Policy ignored: only escaping keeps a page safe here."""
    yield from _browser(playwright_session, True)
