"""The whole codebook folder loads through one entry point, every part from the same folder."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from newscoder.codebook import load_codebook
from newscoder.codebook_folder import CodebookFolder, load_codebook_folder
from newscoder.errors import CodebookError
from newscoder.paths import project_root


@pytest.fixture
def book_copy(tmp_path):
    folder = tmp_path / "book"
    shutil.copytree(project_root() / "codebook", folder)
    (folder / "dated_events.yaml").write_text(
        "events:\n  - id: harvest_fair\n    date: 2031-09-14\n    phrases: [Harvest Fair Day]\n", encoding="utf-8"
    )
    return folder


def test_every_part_comes_from_the_folder_given(book_copy):
    book = load_codebook_folder(book_copy)
    assert book.path == book_copy.resolve()
    assert book.actors.path == book_copy.resolve()
    assert [(e.id, e.date, e.phrases) for e in book.named_events] == [("harvest_fair", dt.date(2031, 9, 14), ("harvest fair day",))]
    assert book.lexicon.triggers  # the copied triggers.yaml


def test_a_loaded_actor_codebook_brings_the_rest_of_its_folder(book_copy):
    book = load_codebook_folder(load_codebook(book_copy))
    assert [e.id for e in book.named_events] == ["harvest_fair"]
    assert load_codebook_folder(book) is book


def test_a_missing_part_is_named(book_copy):
    (book_copy / "triggers.yaml").unlink()
    with pytest.raises(CodebookError, match="triggers.yaml"):
        load_codebook_folder(book_copy)


def test_a_folder_without_actors_says_what_it_needs(tmp_path):
    with pytest.raises(CodebookError, match="actors.yaml"):
        load_codebook_folder(tmp_path)


def test_the_loaded_folder_travels_to_workers(book_copy):
    import pickle

    book = load_codebook_folder(book_copy)
    again = pickle.loads(pickle.dumps(book))
    assert isinstance(again, CodebookFolder) and again.named_events == book.named_events


def test_the_statement_coders_word_lists_come_from_the_folder_given(book_copy):
    rules = book_copy / "stance_rules.yaml"
    text = rules.read_text(encoding="utf-8")
    assert "\ncircumstance_preps: [during," in text
    rules.write_text(text.replace("\ncircumstance_preps: [during,", "\ncircumstance_preps: [notwithstanding, during,"), encoding="utf-8")
    assert "notwithstanding" in load_codebook_folder(book_copy).stance_rules.circumstance_preps
    assert "notwithstanding" not in load_codebook_folder(project_root() / "codebook").stance_rules.circumstance_preps


def test_a_folder_without_stance_rules_uses_the_projects_and_keys_by_them(book_copy):
    from newscoder import coding

    (book_copy / "stance_rules.yaml").unlink()
    book = load_codebook_folder(book_copy)
    assert book.stance_rules == load_codebook_folder(project_root() / "codebook").stance_rules
    assert "(project) stance_rules.yaml" in coding.codebook_files(book_copy)
