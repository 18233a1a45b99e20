"""The browser helper sees what a page does: scripts, dialogs, errors, requests and broken images.

If it did not, the HTML safety tests could not fail; so it is checked on pages made to misbehave.
"""

from __future__ import annotations

import pytest

from browser import assert_image_visible, assert_visible

PIXEL = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="


def test_helper_records_dialogs_errors_and_requests(tmp_path, browser):
    page = tmp_path / "bad.html"
    page.write_text(
        "<!DOCTYPE html><html><body><p>hello</p>"
        "<script>console.error('logged'); alert('hi'); window.__set = 1; fetch('http://localhost:9/x');"
        " throw new Error('thrown');</script><img src='missing.png'></body></html>",
        encoding="utf-8",
    )
    seen = browser.open(page)
    assert seen.dialogs == ["alert: hi"]
    assert "logged" in seen.console_errors
    assert any("thrown" in e for e in seen.page_errors)
    assert set(seen.other_requests()) == {"http://localhost:9/x", (tmp_path / "missing.png").as_uri()}
    assert set(seen.failed_requests) == set(seen.other_requests())  # aborted: nothing leaves the machine
    assert seen.page.evaluate("() => window.__set") == 1
    assert seen.text() == "hello"


def test_csp_blocks_inline_script_unless_bypassed(tmp_path, browser, browser_no_csp):
    page = tmp_path / "csp.html"
    page.write_text(
        "<!DOCTYPE html><html><head><meta http-equiv='Content-Security-Policy' content=\"default-src 'none'\">"
        "</head><body><script>window.__ran = 1</script></body></html>",
        encoding="utf-8",
    )
    assert browser.open(page).page.evaluate("() => window.__ran") is None
    assert browser_no_csp.open(page).page.evaluate("() => window.__ran") == 1


def test_image_checks_pass_on_a_shown_image_and_fail_on_broken_or_hidden_ones(tmp_path, browser):
    page = tmp_path / "img.html"
    page.write_text(
        f"<!DOCTYPE html><html><body><img id='ok' src='{PIXEL}' width='40' height='30'>"
        "<img id='broken' src='missing.png' width='40' height='30'>"
        f"<img id='hidden' src='{PIXEL}' style='display:none'>"
        "<svg id='chart' width='50' height='20'><rect width='50' height='20'/></svg></body></html>",
        encoding="utf-8",
    )
    seen = browser.open(page)
    assert assert_image_visible(seen.page, "#ok")["width"] == 40
    assert assert_visible(seen.page, "#chart")["tag"].lower() == "svg"
    for selector in ("#broken", "#hidden"):
        with pytest.raises(AssertionError):
            assert_image_visible(seen.page, selector)
    path = seen.screenshot("browser-helper-images")
    assert path.is_file() and path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
