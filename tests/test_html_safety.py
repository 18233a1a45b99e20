"""Text from the corpus is shown as text: the report's pages run no script and fetch nothing.

A fixture corpus puts `<script>`, `<img onerror>` and `javascript:` links in an article's text,
title and outlet, in a doc_id and in the corpus folder's name. The real CLI runs on it, and every
page of `html/` is opened in headless chromium twice: as shipped, and with its
Content-Security-Policy switched off, so that escaping alone has to keep it safe.
"""

from __future__ import annotations

import csv

import pytest
import yaml

from test_runner import ROOT, run_cli

SCRIPT = "<script>window.__pwned_script = 1; alert('script')</script>"
IMG = "<img src=x onerror=\"window.__pwned_img = 1; alert('img')\">"
LINK = "<a href=\"javascript:window.__pwned_link = 1; alert('link')\">the statement</a>"
SVG = "<svg onload=alert('svg')>"
ARTICLES = {
    "a0_xss": (
        f"Kenya urged Somalia to reopen the border {SCRIPT} near Mandera on Monday.\n"
        f"Nairobi said {IMG} trade had suffered, and Somalia rejected the claim. Read {LINK} "
        "or javascript:alert('bare') for more.\n"
    ),
    f"q\">{SVG}": "Ethiopia thanked Kenya for the talks.\n",
}
META = {
    "a0_xss": {"title": f"Border talks {SCRIPT}", "outlet": f"Wire {IMG}"},
    f"q\">{SVG}": {"title": f"{LINK} title", "outlet": "Plain Wire"},
}


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory):
    """A corpus with markup in its texts, titles, outlets, a doc_id and its folder's name."""
    folder = tmp_path_factory.mktemp("xss") / "corpus<img src=x onerror=alert('folder')>"
    (folder / "articles").mkdir(parents=True)
    with open(folder / "corpus.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["doc_id", "file", "published", "published_confidence", "outlet", "title", "url", "language"])
        for doc_id, text in ARTICLES.items():
            (folder / "articles" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
            meta = META[doc_id]
            writer.writerow([doc_id, f"articles/{doc_id}.txt", "2025-03-03", "high", meta["outlet"], meta["title"],
                             "javascript:alert('url')", "en"])
    return folder


@pytest.fixture(scope="module")
def report(hostile_corpus):
    """The output folder of one CLI run on the hostile corpus."""
    out = hostile_corpus.parent / "out"
    result = run_cli("--corpus", hostile_corpus, "--output", out, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return out


def pages(out):
    return sorted((out / "html").glob("*.html"))


def test_every_notebook_has_a_page(report):
    names = {p.name for p in pages(report)}
    assert "index.html" in names
    assert {p.stem for p in (report / "notebooks").glob("*.ipynb")} <= {n[:-5] for n in names}


@pytest.mark.parametrize("csp", [True, False], ids=["with-csp", "without-csp"])
def test_no_page_runs_a_script_or_fetches_anything(report, browser, browser_no_csp, csp):
    chromium = browser if csp else browser_no_csp
    for path in pages(report):
        seen = chromium.open(path)
        where = f"{path.name} ({'with' if csp else 'without'} CSP)"
        seen.screenshot(f"xss-{path.stem}-{'csp' if csp else 'nocsp'}")
        assert_inert(seen, where)


def assert_inert(seen, where: str) -> None:
    """No dialog, error, request, global set by a payload, or element that could run script."""
    assert seen.dialogs == [], where
    assert seen.page_errors == [], where
    assert seen.console_errors == [], where
    assert seen.other_requests() == [] and seen.failed_requests == [], where
    assert seen.page.evaluate("() => Object.keys(window).filter(k => k.startsWith('__pwned'))") == [], where
    active = seen.page.eval_on_selector_all(
        "script, iframe, object, embed, [onerror], [onload], [onclick], a[href^='javascript'], img[src='x']",
        "els => els.map(e => e.outerHTML.slice(0, 80))",
    )
    assert active == [], where


def test_failed_run_pages_are_safe_too(hostile_corpus, browser_no_csp, tmp_path):
    """A failed notebook's page shows its error, which quotes the bad value: escaped as well."""
    params = yaml.safe_load((ROOT / "seeds/params.yaml").read_text())
    params["show_doc"] = IMG  # not a doc_id: the displaCy cell fails and its error quotes the value
    (tmp_path / "p.yaml").write_text(yaml.safe_dump(params), encoding="utf-8")
    result = run_cli("--corpus", hostile_corpus, "--output", tmp_path / "out", "--params", tmp_path / "p.yaml", cwd=ROOT)
    assert result.returncode == 2 and "01_entities.ipynb failed in cell" in result.stderr
    failed = sorted((tmp_path / "out.failed" / "html").glob("*.html"))
    # one at a time, the run stops at the failed notebook; side by side (two or more cores) the
    # others run to their end and their pages are kept with it
    assert {"index.html", "01_entities.html"} <= {p.name for p in failed}
    for path in failed:
        seen = browser_no_csp.open(path)
        assert_inert(seen, f"failed run: {path.name}")
    page = browser_no_csp.open(tmp_path / "out.failed" / "html" / "01_entities.html")
    assert IMG in page.text() and "is not a doc_id of this corpus" in page.text()


def test_the_payload_shows_as_text(report, browser):
    entities = browser.open(report / "html" / "01_entities.html").text()
    for payload in (SCRIPT, IMG, "javascript:alert('bare')"):
        assert payload in entities  # the article, as displaCy renders it
    assert f"Border talks {SCRIPT}" in entities  # title: displaCy heading and documents table
    assert f"Wire {IMG}" in entities  # outlet: documents table
    stance = browser.open(report / "html" / "02_stance.html").text()
    assert SCRIPT in stance  # the coded sentence "Kenya urged Somalia ..." with the script inside it
    index = browser.open(report / "html" / "index.html").text()
    assert "corpus<img src=x onerror=alert('folder')>" in index  # the corpus parameter
