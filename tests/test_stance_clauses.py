"""Targets read from a clause the trigger verb takes (lib/newscoder/stance_clauses.py), on sentences of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from newscoder.codebook_folder import load_codebook_folder
from newscoder.paths import project_root
from newscoder.rows import build_coders


@pytest.fixture(scope="module")
def coders(nlp):
    return build_coders(nlp, load_codebook_folder(project_root() / "codebook"))


def rows(nlp, coders, text):
    doc = nlp(text)
    return [s for s in coders.coder(doc, coders.finder(doc, dt.date(2025, 3, 1)), "t") if s.modality == "asserted"]


def test_a_concession_that_names_an_actor_in_its_that_clause_is_made_to_it(nlp, coders):
    found = [r for r in rows(nlp, coders, "Norway conceded that Sweden was right about the border.") if r.plover == "CONCEDE"]
    assert [(r.source_actor, r.target_actor) for r in found] == [("NOR", "SWE")]
    assert "target:that_clause_subject" in found[0].rule and found[0].confidence != "high"


def test_a_pronoun_subject_of_the_that_clause_is_no_target(nlp, coders):
    # "it" is the source itself: its own act, told in the clause, is aimed at no one named
    assert not [r for r in rows(nlp, coders, "Norway conceded that it was wrong about the border.") if "that_clause_subject" in r.rule]


def test_a_joint_act_takes_no_target_from_a_that_clause(nlp, coders):
    # agreeing that another should do something is no agreement between the two
    assert not [r for r in rows(nlp, coders, "Bolivia agreed that Chile should keep the old port.") if "that_clause_subject" in r.rule]


def test_an_object_of_the_verb_wins_over_the_that_clause(nlp, coders):
    found = [r for r in rows(nlp, coders, "Norway told Denmark that Sweden was right.")]
    assert not [r for r in found if "that_clause_subject" in r.rule]
