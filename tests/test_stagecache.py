"""The stage cache: statement and uncoded rows read back when a document's inputs are unchanged."""

from __future__ import annotations

import logging
import shutil
from dataclasses import replace

import pytest

from newscoder.corpus import Document
from newscoder.parse import parse_cache
from newscoder.paths import project_root
from newscoder.rows import analyse_document, build_coders
from newscoder.stagecache import StageCache, codebook_digest, stage_inputs

TEXT = ("Tomas Varga, the foreign minister of Peru, met Chilean officials in Lima on Monday. "
        "Peru condemned the attack on the border post, and Chile urged Peru to reopen the crossing.")


def _document(text: str = TEXT, doc_id: str = "d1") -> Document:
    return Document(doc_id=doc_id, file=f"{doc_id}.txt", text=text, clean_text=text, published="2025-03-03")


def _stages(tmp_path, nlp, coders) -> StageCache:
    return StageCache(tmp_path, stage_inputs(codebook_digest(coders.codebook), parse_cache(tmp_path, nlp).fingerprint))


def _analyse(document, nlp, coders, stages=None):
    return analyse_document(document, nlp(document.clean_text), coders.finder, coders.coder, coders.dater, stages)


def test_rows_read_back_are_the_rows_coded(tmp_path, nlp, coders):
    plain = _analyse(_document(), nlp, coders)
    assert plain.statements, "the text should give statements"
    stages = _stages(tmp_path, nlp, coders)
    first = _analyse(_document(), nlp, coders, stages)
    second = _analyse(_document(), nlp, coders, stages)
    assert (stages.misses, stages.hits) == (1, 1)
    assert first == second == plain


def test_other_mentions_or_another_document_miss(tmp_path, nlp, coders):
    stages = _stages(tmp_path, nlp, coders)
    _analyse(_document(), nlp, coders, stages)
    _analyse(_document(doc_id="d2"), nlp, coders, stages)
    mentions = coders.finder(nlp(TEXT))
    key = stages.key("d1", "x", "2025-03-03", mentions)
    assert stages.key("d1", "x", "2025-03-03", [replace(mentions[0], actor_id="CHL"), *mentions[1:]]) != key
    assert (stages.misses, stages.hits) == (2, 0)


def test_every_field_of_a_mention_is_in_the_key(tmp_path):
    from dataclasses import fields

    from newscoder.entities import Mention

    stages = StageCache(tmp_path, "0" * 64)
    mention = Mention(10, 15, 2, 3, "Lima", "GPE", "place", actor_id="PER", person="", rule="codebook_place", sector="")
    key = stages.key("d1", "x", "2025-03-03", [mention])
    changed = {f.name: (getattr(mention, f.name) + 1 if isinstance(getattr(mention, f.name), int) else getattr(mention, f.name) + "x")
               for f in fields(Mention)}
    for name, value in changed.items():
        assert stages.key("d1", "x", "2025-03-03", [replace(mention, **{name: value})]) != key, name
    assert stages.key("d1", "x", "2025-03-03", [replace(mention)]) == key


def test_an_unreadable_file_is_coded_again_with_a_warning(tmp_path, nlp, coders, caplog):
    stages = _stages(tmp_path, nlp, coders)
    first = _analyse(_document(), nlp, coders, stages)
    (path,) = list((tmp_path / "stages").rglob("*.json"))
    path.write_text('{"format": 1, "statements": [{"stance": [1]}], "uncoded": []}', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="newscoder.stagecache"):
        again = _analyse(_document(), nlp, coders, stages)
    assert again == first and "does not hold table rows" in caplog.text
    assert stages.get(stages.key("d1", "", "", [])) is None  # absent: a miss, no warning needed
    assert _analyse(_document(), nlp, coders, stages) == first and stages.hits == 1  # rewritten


def test_rows_that_json_would_change_are_not_stored(tmp_path):
    stages = StageCache(tmp_path, "0" * 64)
    stages.put("ab" * 32, {"statements": [{"span": (1, 2)}], "uncoded": []})
    assert not list(tmp_path.rglob("*.json"))


def test_a_person_list_edit_keeps_the_inputs_and_another_edit_changes_them(tmp_path):
    book = tmp_path / "codebook"
    shutil.copytree(project_root() / "codebook", book)
    before = codebook_digest(book)
    with open(book / "persons.yaml", "a", encoding="utf-8") as handle:
        handle.write("\n  - name: Ines Quarto\n    actor: PER\n")
    assert codebook_digest(book) == before
    with open(book / "triggers.yaml", "a", encoding="utf-8") as handle:
        handle.write("\n# a comment\n")
    assert codebook_digest(book) != before
    assert stage_inputs(before, "other model") != stage_inputs(before, "fp")
    with pytest.raises(FileNotFoundError):
        codebook_digest(tmp_path / "no such folder")
