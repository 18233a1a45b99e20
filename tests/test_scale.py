"""Streaming, long-text splitting and the parse cache (issue 5), on texts of their own."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from newscoder import model as model_module
from newscoder import pipeline
from newscoder.parsecache import ParseCache, pipeline_fingerprint
from newscoder.tables import KEYS, write_table

ARTICLES = {
    "a1": (
        "Norway and Chile signed a fisheries agreement in Oslo on Tuesday.\n\n"
        "The Chilean foreign minister said the deal would protect jobs in both countries. "
        "Officials in Santiago welcomed it.\n"
    ),
    "a2": (
        "Kenya accused Somalia of violating its airspace.\n\n"
        "The Kenyan government summoned the Somali ambassador in Nairobi, and the African Union "
        "called on both sides to show restraint.\n"
    ),
    "a3": "Japan pledged aid to the Philippines after the storm. Tokyo sent two ships.\n",
}


def make_corpus(folder: Path, articles: dict[str, str]) -> Path:
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    for doc_id, text in articles.items():
        (folder / "articles" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return folder


def table_bytes(result: pipeline.CorpusResult, folder: Path) -> dict[str, bytes]:
    out = {}
    for name in ("documents", "mentions", "statements"):
        out[name] = write_table(getattr(result, f"{name}_table"), folder / f"{name}.csv", KEYS[name]).read_bytes()
    return out


@pytest.fixture
def counted(nlp, monkeypatch):
    """Record every article text that reaches the parser (nlp.pipe), whatever calls it.

    The entity finder and statement coder also run codebook phrases through nlp.pipe when they
    are built; the test articles all end with a line break and phrases never do, which tells
    them apart."""
    seen: list[str] = []
    original = nlp.pipe

    def pipe(texts, *args, **kwargs):
        def counting():
            for item in texts:
                text = item[0] if isinstance(item, tuple) else item
                if isinstance(text, str) and text.endswith("\n"):
                    seen.append(text)
                yield item

        return original(counting(), *args, **kwargs)

    monkeypatch.setattr(nlp, "pipe", pipe)
    return seen


# --- long texts ---------------------------------------------------------------------------

def test_split_text_cuts_at_paragraphs_then_sentences_and_joins_back():
    text = "First paragraph here.\n\nSecond one. It has two sentences.\nA line.\n\nLast."
    pieces = pipeline.split_text(text, 30)
    assert "".join(pieces) == text
    assert all(len(p) <= 30 for p in pieces)
    assert pieces[0] == "First paragraph here.\n\n"
    # No line break inside the window but a sentence end: cut after it.
    sentences = pipeline.split_text("One two. Three four. Five six", 14)
    assert sentences[0] == "One two. " and "".join(sentences) == "One two. Three four. Five six"
    # Nothing to cut at: a hard cut, still lossless.
    assert pipeline.split_text("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_article_longer_than_max_length_is_parsed_in_pieces(nlp, monkeypatch, tmp_path):
    pairs = [("Brazil", "Argentina"), ("Ghana", "Nigeria"), ("Canada", "Mexico"), ("Vietnam", "Thailand"),
             ("Egypt", "Jordan"), ("Poland", "Lithuania"), ("Chile", "Bolivia"), ("Kenya", "Uganda"),
             ("Austria", "Hungary"), ("Morocco", "Senegal"), ("Sweden", "Finland"), ("Indonesia", "Malaysia")]
    long_text = "".join(
        f"The foreign minister of {a} met the {b} delegation in the capital on day {i}. "
        f"{a} and {b} agreed to extend their trade pact.\n\n"
        for i, (a, b) in enumerate(pairs)
    ) + "Peru welcomed the decision.\n"
    corpus = make_corpus(tmp_path / "corpus", {"long": long_text, "short": ARTICLES["a3"]})
    monkeypatch.setattr(nlp, "max_length", 400)
    with pytest.raises(ValueError, match="E088"):  # what would happen without splitting
        nlp(long_text)
    result = pipeline.process_corpus(corpus, "codebook", nlp, cache=None)
    docs = result.documents_table.set_index("doc_id")
    assert docs.loc["long", "status"] == "ok"
    assert "parsed in" in docs.loc["long", "status_detail"] and "pieces" in docs.loc["long", "status_detail"]
    mentions = result.mentions_table[result.mentions_table["doc_id"] == "long"]
    # Offsets point into the text as read from the file, including pieces after the first.
    for row in mentions.itertuples():
        assert long_text[row.start_char:row.end_char] == row.text
    peru = mentions[mentions["text"] == "Peru"]
    assert list(peru["start_char"]) == [long_text.index("Peru")]
    assert mentions["start_char"].max() > 400
    assert {"BRA", "ARG", "FIN", "SWE", "IDN", "MYS"} <= set(mentions["actor_id"])
    statements = result.statements_table[result.statements_table["doc_id"] == "long"]
    assert len(statements) >= 12
    for row in statements.itertuples():
        assert long_text[row.start_char:row.end_char].strip() == row.sentence.strip()


# --- parse cache ----------------------------------------------------------------------------

def test_cache_hits_on_rerun_and_gives_identical_tables(nlp, counted, tmp_path):
    corpus = make_corpus(tmp_path / "corpus", ARTICLES)
    cache = tmp_path / "cache"
    cold = pipeline.process_corpus(corpus, "codebook", nlp, cache=cache)
    assert len(counted) == 3
    assert len(list(cache.rglob("*.spacy"))) == 3
    counted.clear()
    warm = pipeline.process_corpus(corpus, "codebook", nlp, cache=cache)
    assert counted == []  # nothing parsed again
    assert table_bytes(warm, tmp_path / "warm") == table_bytes(cold, tmp_path / "cold")
    uncached = pipeline.process_corpus(corpus, "codebook", nlp, cache=None)
    assert table_bytes(uncached, tmp_path / "none") == table_bytes(cold, tmp_path / "cold")


def test_cache_misses_on_changed_text(nlp, counted, tmp_path):
    corpus = make_corpus(tmp_path / "corpus", ARTICLES)
    cache = tmp_path / "cache"
    pipeline.process_corpus(corpus, "codebook", nlp, cache=cache)
    changed = ARTICLES["a2"].replace("restraint", "calm")
    (corpus / "articles" / "a2.txt").write_text(changed, encoding="utf-8")
    counted.clear()
    result = pipeline.process_corpus(corpus, "codebook", nlp, cache=cache)
    assert counted == [changed]  # only the edited article is parsed
    assert "calm" in result.statements_table["sentence"].str.cat()


def test_cache_misses_on_changed_model_version(nlp, counted, monkeypatch, tmp_path):
    corpus = make_corpus(tmp_path / "corpus", ARTICLES)
    cache = tmp_path / "cache"
    pipeline.process_corpus(corpus, "codebook", nlp, cache=cache)
    counted.clear()
    monkeypatch.setitem(nlp.meta, "version", nlp.meta["version"] + ".post1")
    pipeline.process_corpus(corpus, "codebook", nlp, cache=cache)
    assert len(counted) == 3
    with monkeypatch.context() as patch:
        patch.setitem(nlp.meta, "name", "other_model")
        other = pipeline_fingerprint(nlp)
    assert pipeline_fingerprint(nlp) != other


def test_cache_misses_on_changed_configuration(nlp, counted, monkeypatch, tmp_path):
    corpus = make_corpus(tmp_path / "corpus", ARTICLES)
    cache = tmp_path / "cache"
    pipeline.process_corpus(corpus, "codebook", nlp, cache=cache)
    # Our own component edited: its code is part of the key.
    counted.clear()

    def edited(doc):
        return doc

    with monkeypatch.context() as patch:
        patch.setattr(model_module.line_breaks, "__code__", edited.__code__)
        pipeline.process_corpus(corpus, "codebook", nlp, cache=cache)
    assert len(counted) == 3
    # A component switched off, or a pipeline setting changed.
    full = ParseCache(cache, nlp).fingerprint
    with nlp.select_pipes(disable=["lemmatizer"]):
        assert ParseCache(cache, nlp).fingerprint != full
    assert ParseCache(cache, nlp, {"piece_length": 1000}).fingerprint != full
    monkeypatch.setattr(nlp, "max_length", nlp.max_length // 2)
    assert ParseCache(cache, nlp).fingerprint != full
    counted.clear()
    pipeline.process_corpus(corpus, "codebook", nlp, cache=cache)
    assert len(counted) == 3


def test_cache_never_unpickles(nlp, monkeypatch, tmp_path):
    corpus = make_corpus(tmp_path / "corpus", ARTICLES)
    cache = tmp_path / "cache"
    cold = pipeline.process_corpus(corpus, "codebook", nlp, cache=cache)

    # 1. A warm run with every unpickling entry point disabled still reads the cache.
    def refuse(*args, **kwargs):
        raise AssertionError("the parse cache tried to unpickle")

    for name in ("loads", "load", "Unpickler"):
        monkeypatch.setattr(pickle, name, refuse)
    warm = pipeline.process_corpus(corpus, "codebook", nlp, cache=cache)
    monkeypatch.undo()
    assert table_bytes(warm, tmp_path / "warm") == table_bytes(cold, tmp_path / "cold")

    # 2. A cache file replaced by a pickle that would run code is a miss, and the code never runs.
    marker = tmp_path / "pwned"

    class Payload:
        def __reduce__(self):
            return (Path.touch, (marker,))

    victim = next(cache.rglob("*.spacy"))
    victim.write_bytes(pickle.dumps(Payload()))
    again = pipeline.process_corpus(corpus, "codebook", nlp, cache=cache)
    assert not marker.exists()
    assert table_bytes(again, tmp_path / "again") == table_bytes(cold, tmp_path / "cold")
    assert victim.read_bytes()[:1] != pickle.dumps(0)[:1]  # rewritten as a DocBin


# --- progress bars ------------------------------------------------------------------------

def test_progress_bar_on_stderr_for_large_corpora_only(nlp, tmp_path, capsys, monkeypatch):
    corpus = make_corpus(tmp_path / "corpus", ARTICLES)
    pipeline.process_corpus(corpus, "codebook", nlp, cache=None)
    assert "parsing and coding" not in capsys.readouterr().err  # 3 documents: quiet by default
    monkeypatch.setattr(pipeline, "PROGRESS_MIN_DOCUMENTS", 3)
    pipeline.process_corpus(corpus, "codebook", nlp, cache=None)
    err = capsys.readouterr().err
    assert "parsing and coding" in err and "3/3" in err


def test_report_pages_carry_no_progress_bars():
    import nbformat

    from newscoder.report import notebook_body

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("work()")
    cell.outputs = [
        nbformat.v4.new_output("stream", name="stderr", text="parsing and coding:  40%|####      | 4/10 [00:01<00:02, 3.1doc/s]\r"),
        nbformat.v4.new_output("stream", name="stdout", text="10 statements from 4 documents\n"),
    ]
    nb.cells.append(cell)
    body = notebook_body(nb)
    assert "10 statements from 4 documents" in body
    assert "doc/s" not in body and "parsing and coding" not in body
    assert nb.cells[0].outputs[0].name == "stderr"  # the notebook itself is left as it was
