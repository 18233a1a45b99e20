"""Acts named again by a definite noun (lib/newscoder/stance_backref.py), on sentences of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from newscoder.lexicon import load_lexicon
from newscoder.paths import project_root
from newscoder.stance import StatementCoder


@pytest.fixture(scope="module")
def coder(nlp):
    return StatementCoder(nlp, load_lexicon(project_root() / "codebook"))


def rows(nlp, finder, coder, text):
    """The asserted rows of a text: (source, target, confidence, rule)."""
    doc = nlp(text)
    return [(s.source_actor, s.target_actor, s.confidence, s.rule)
            for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t") if s.modality == "asserted"]


def test_condemning_the_attack_targets_whoever_carried_it_out(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Chile shelled Peru on Monday. Bolivia condemned the attack.")
    row = next(r for r in found if r[0] == "BOL")
    assert row[1] == "CHL" and row[2] == "low" and "target:doers_of_act_named" in row[3]


def test_welcoming_the_talks_targets_both_parties(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Chile and Peru held talks on Monday. Bolivia welcomed the talks.")
    assert {(s, t) for s, t, _, _ in found if s == "BOL"} == {("BOL", "CHL"), ("BOL", "PER")}


def test_the_doer_defending_its_own_act_names_no_target(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Chile shelled Peru on Monday. Chile defended the attack.")
    assert not any("doers_of_act_named" in r[3] for r in found)


def test_an_indefinite_noun_refers_back_to_nothing(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Chile shelled Peru on Monday. Bolivia condemned an attack.")
    assert not any(r[0] == "BOL" for r in found)


def test_a_noun_of_another_kind_refers_back_to_nothing(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Chile and Peru held talks on Monday. Bolivia condemned the attack.")
    assert not any(r[0] == "BOL" for r in found)


def test_the_attack_condemned_in_the_passive_targets_its_doer(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Chile shelled Peru on Monday. The attack was condemned by Bolivia.")
    assert any(r[:2] == ("BOL", "CHL") and "target:doers_of_act_named" in r[3] for r in found)
