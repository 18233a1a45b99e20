"""Render executed notebooks as self-contained HTML pages for readers who do not code.

Pages hide the code, embed every figure, load nothing from the network, and carry a Content
Security Policy that forbids scripts and remote requests, so a page is safe to open offline and
to share even if an article's text tried to smuggle markup into it.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from .slow_imports import defer_rfc3987_syntax

defer_rfc3987_syntax()  # before nbformat: its jsonschema would compile an unused IRI grammar

import nbformat

# No scripts, no remote anything: images must be embedded (data:), styles inline.
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:"

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 1100px;
       margin: 2rem auto; padding: 0 1rem; color: #1d232a; line-height: 1.5; }
h1, h2, h3 { line-height: 1.25; }
table.dataframe, table.run { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0 1rem; }
table.dataframe th, table.dataframe td, table.run th, table.run td { border: 1px solid #d0d7de; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
table.dataframe thead th, table.run th { background: #f3f5f7; }
pre { background: #f6f8fa; padding: 0.5rem; overflow-x: auto; font-size: 0.8rem; }
.output_area svg, .output_area img { max-width: 100%; height: auto; }
a.anchor-link { display: none; }
.output_stderr { display: none; }
footer { margin-top: 3rem; font-size: 0.8rem; color: #57606a; }
"""

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
{body}
<footer>{footer}</footer>
</body>
</html>
"""


def page(title: str, body: str, footer: str = "") -> str:
    """Wrap an HTML body in the project's offline page. `title` and `footer` are escaped."""
    return PAGE.format(csp=CSP, title=html.escape(title), style=STYLE, body=body, footer=html.escape(footer))


# Cells tagged like this (imports, parameters, prerequisites) help notebook users, not report readers.
HIDE_TAG = "report-hide"


def without_stderr(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of the notebook without stderr streams: progress bars (tqdm redraws a line with
    timings) and log warnings are for whoever runs the notebook; the warnings that matter for
    readers are in documents.csv's status_detail."""
    import copy

    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.get("outputs"):
            cell.outputs = [o for o in cell.outputs if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
    return nb


def notebook_body(nb: nbformat.NotebookNode) -> str:
    """The notebook's markdown and outputs as HTML, without code, prompts, stderr or `report-hide` cells."""
    from nbconvert import HTMLExporter  # here: 0.4 s of import that a run pays only once a notebook has finished
    from traitlets.config import Config

    nb = without_stderr(nb)

    config = Config()
    config.TagRemovePreprocessor.remove_cell_tags = {HIDE_TAG}
    config.TagRemovePreprocessor.enabled = True
    exporter = HTMLExporter(
        config=config, template_name="basic", exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True
    )
    body, _ = exporter.from_notebook_node(nb)
    return with_figure_alt_text(body)


DEFAULT_ALT = "No description has been provided for this image"


def with_figure_alt_text(body: str) -> str:
    """Give each figure the heading of its section as alt text, instead of nbconvert's placeholder."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(body, features="html.parser")
    for img in soup.find_all("img"):
        if img.get("alt") not in (None, "", DEFAULT_ALT):
            continue
        heading = img.find_previous(["h1", "h2", "h3"])
        if heading is not None:
            img["alt"] = "Figure: " + heading.get_text(" ", strip=True).rstrip("¶").strip()
    return str(soup)


def render_notebook(nb_path: str | Path, html_path: str | Path, footer: str = "") -> Path:
    """Render one executed notebook to a standalone HTML page.

    nb_path (str | Path): the executed notebook.
    html_path (str | Path): where to write the page.
    footer (str): a line for the page footer (e.g. the run's date and parameters file).
    RETURNS (Path): the page written.
    """
    nb = nbformat.read(nb_path, as_version=4)
    html_path = Path(html_path)
    html_path.parent.mkdir(parents=True, exist_ok=True)
    html_path.write_text(page(notebook_title(nb, Path(nb_path).stem), notebook_body(nb), footer), encoding="utf-8")
    return html_path


def notebook_title(nb: nbformat.NotebookNode, fallback: str) -> str:
    """The first markdown heading of a notebook."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def notebook_summary(nb: nbformat.NotebookNode) -> str:
    """The one-line summary kept in the notebook's metadata (`newscoder.summary`)."""
    return str(nb.metadata.get("newscoder", {}).get("summary", ""))


def write_index(html_dir: str | Path, pages: list[dict[str, str]], run: dict[str, Any]) -> Path:
    """Write `index.html`: one line per notebook page, then the run's parameters and date.

    html_dir (str | Path): the folder holding the pages.
    pages (list[dict]): each with `file`, `title`, `summary` and `status`.
    run (dict): `finished` (date), `parameters` (dict) and `versions` (dict) of the run.
    RETURNS (Path): the index written.
    """
    items = "\n".join(
        f'<li><a href="{html.escape(p["file"], quote=True)}">{html.escape(p["title"])}</a>'
        f' — {html.escape(p["summary"])}{" <strong>(failed)</strong>" if p.get("status") == "failed" else ""}</li>'
        for p in pages
    )
    rows = "\n".join(
        f"<tr><th>{html.escape(str(k))}</th><td>{html.escape(str(v))}</td></tr>" for k, v in run["parameters"].items()
    )
    versions = "\n".join(
        f"<tr><th>{html.escape(str(k))}</th><td>{html.escape(str(v))}</td></tr>" for k, v in run["versions"].items()
    )
    body = (
        "<h1>newscoder report</h1>\n"
        "<p>Who said or did what to whom in this corpus: the notebooks of one run, rendered for reading.</p>\n"
        f"<ol>\n{items}\n</ol>\n"
        f"<h2>Run</h2>\n<p>Finished {html.escape(str(run['finished']))}.</p>\n"
        f'<table class="run"><caption>Parameters</caption>\n{rows}\n</table>\n'
        f'<table class="run"><caption>Versions</caption>\n{versions}\n</table>\n'
    )
    path = Path(html_dir) / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page("newscoder report", body, "Generated by newscoder; tables are in ../tables/ (CSV and Parquet), networks in ../networks/."), encoding="utf-8")
    return path
