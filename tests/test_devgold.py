"""The development gold: spans that stand for text, the frozen tune/test split, and its loading."""

from __future__ import annotations

import yaml
import pytest

from newscoder.devgold import (
    anchor_span, dev_folder, load_dev_batches, load_gold_set, load_split, rank_split, resolve_span, span_hash, split_of,
)
from newscoder.errors import ParameterError


def test_a_span_stands_for_its_text_and_catches_a_changed_text():
    text = "Chile warned Peru. Peru warned Chile."
    span = anchor_span(text, "Peru warned Chile.")
    assert (span["start"], span["end"]) == (19, 37) and span["sha256"] == span_hash("Peru warned Chile.")
    assert resolve_span(text, span, "x") == "Peru warned Chile."
    with pytest.raises(ParameterError, match="statement 3 sentence: the text at 19-37 does not match"):
        resolve_span(text.replace("Chile.", "Chile!"), span, "statement 3 sentence")
    assert anchor_span(text, "warned", (19, 37))["start"] == 24  # the trigger inside its own sentence
    with pytest.raises(ValueError, match="not found"):
        anchor_span(text, "Bolivia")


def test_the_frozen_split_follows_the_written_rule():
    frozen = load_split()
    groups = {"guardian": [d for d in frozen if d.startswith("g")], "own": [d for d in frozen if d.startswith("o")]}
    assert sum(map(len, groups.values())) == len(frozen)
    for ids in groups.values():
        assert rank_split(ids) == {d: frozen[d] for d in ids}
        counts = [list(frozen[d] for d in ids).count(p) for p in ("tune", "test")]
        assert abs(counts[0] - counts[1]) <= 1


def test_a_document_added_later_is_split_by_its_hash_and_the_frozen_ones_never_move():
    assert split_of("g183", {"g183": "tune"}) == "tune"
    # sha256("x4") starts with "7", sha256("x0") with "b" (checked with hashlib by hand)
    assert split_of("x4", {}) == "test" and split_of("x0", {}) == "tune"


def test_every_gold_document_is_in_the_split_and_every_own_article_is_coded():
    documents, statements, records, _ = load_dev_batches(None)
    frozen = load_split()
    own = {r["doc_id"] for r in records}
    assert own <= set(frozen)
    assert own <= set(documents)
    assert {s["doc_id"] for s in statements} <= set(documents)


def test_own_gold_quotes_occur_in_their_articles():
    documents, statements, records, _ = load_dev_batches(None)
    texts = {r["doc_id"]: r["text"] for r in records}
    for k, s in enumerate(statements):
        text = texts[s["doc_id"]]
        assert s["sentence"] in text, (k, s["sentence"][:50])
        assert s["trigger"] in s["sentence"], (k, s["trigger"])
    for doc_id in texts:
        for b in documents[doc_id].get("boilerplate") or []:
            assert b in texts[doc_id], (doc_id, b)


def test_the_guardian_gold_holds_spans_not_text():
    data = yaml.safe_load((dev_folder() / "guardian.yaml").read_text(encoding="utf-8"))
    for row in data["statements"]:
        for name in ("sentence", "trigger"):
            assert set(row[name]) == {"start", "end", "sha256"}, row
        assert len(row.get("notes") or "") < 400
    for doc in data["documents"].values():
        assert all(set(b) == {"start", "end", "sha256"} for b in doc.get("boilerplate") or [])
        assert all(set(s["text"]) == {"start", "end", "sha256"} for s in doc.get("sectors") or [])


def test_without_the_peer_data_the_guardian_part_is_skipped_and_said_so(tmp_path):
    tune = load_gold_set("dev-tune", tmp_path, peer=tmp_path / "no-peer")
    assert any("guardian: skipped" in n for n in tune.notes)
    frozen = load_split()
    assert tune.doc_ids and all(frozen[d] == "tune" and not d.startswith("g") for d in tune.doc_ids)
    on_disk = sorted(p.stem for p in (tune.corpus / "articles").glob("*.txt"))
    assert on_disk == tune.doc_ids
    assert set(tune.statements["doc_id"]) <= set(tune.doc_ids)


def test_an_unknown_set_is_refused(tmp_path):
    with pytest.raises(ParameterError, match="Unknown gold set 'dev'"):
        load_gold_set("dev", tmp_path)
