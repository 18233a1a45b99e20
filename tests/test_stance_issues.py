"""Acts that are never aimed at an issue (issues.yaml `actor_only_categories`, read by lexicon.py), on sentences of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from newscoder.codebook_folder import load_codebook_folder
from newscoder.errors import CodebookError
from newscoder.paths import project_root
from newscoder.rows import build_coders
from newscoder.lexicon import load_lexicon


def rows(nlp, coders, text):
    doc = nlp(text)
    return [(s.source_actor, s.target_actor or s.issue, s.plover) for s in coders.coder(doc, coders.finder(doc, dt.date(2025, 3, 1)), "t")]


def test_an_assault_whose_words_restate_an_issue_gives_no_issue_row(nlp, coders):
    assert [r for r in rows(nlp, coders, "Turkey launched a new military offensive on Monday.") if r[1] == "MILITARY_OPERATIONS"] == []


def test_a_retreat_from_bases_is_not_aimed_at_the_bases_issue(nlp, coders):
    assert [r for r in rows(nlp, coders, "The Syrian army evacuated its air bases near the coast.") if r[1] == "FOREIGN_BASES"] == []


def test_an_assault_keeps_the_actor_it_is_aimed_at(nlp, coders):
    assert ("TUR", "YPG", "ASSAULT") in rows(nlp, coders, "Turkey launched a military offensive against the YPG on Monday.")


def test_a_verbal_act_may_still_take_the_issue(nlp, coders):
    assert ("RUS", "MILITARY_OPERATIONS", "ACCUSE") in rows(nlp, coders, "Russia condemned the airstrikes.")


def test_the_project_codebook_lists_the_material_conflict_acts():
    assert {"ASSAULT", "COERCE", "RETREAT"} <= load_lexicon(project_root() / "codebook", imported=False).actor_only_categories


def test_a_name_that_is_not_a_plover_category_is_refused(tmp_path):
    (tmp_path / "triggers.yaml").write_text("triggers: []\n", encoding="utf-8")
    (tmp_path / "issues.yaml").write_text("actor_only_categories: [ASSAULT, BOMBING]\nissues: []\n", encoding="utf-8")
    with pytest.raises(CodebookError, match="BOMBING"):
        load_lexicon(tmp_path)


def test_a_folder_without_the_key_has_no_such_category(tmp_path):
    (tmp_path / "triggers.yaml").write_text("triggers: []\n", encoding="utf-8")
    (tmp_path / "issues.yaml").write_text("issues: []\n", encoding="utf-8")
    assert load_lexicon(tmp_path).actor_only_categories == frozenset()


def test_the_run_codebook_decides_not_the_project_one(nlp, tmp_path):
    """A user's codebook without the key codes an offensive toward the issue it restates."""
    import shutil
    shutil.copytree(project_root() / "codebook", tmp_path / "codebook")
    issues = tmp_path / "codebook" / "issues.yaml"
    issues.write_text(issues.read_text(encoding="utf-8").replace("actor_only_categories: [ASSAULT, COERCE, RETREAT]", ""), encoding="utf-8")
    own = build_coders(nlp, load_codebook_folder(tmp_path / "codebook"))
    assert [r for r in rows(nlp, own, "Turkey launched a new military offensive on Monday.") if r[1] == "MILITARY_OPERATIONS"]
