"""Modality rules for conjuncts, causing and nouns of intention, each on sentences of its own."""

from __future__ import annotations

import datetime as dt

import pytest

from newscoder.lexicon import load_lexicon
from newscoder.paths import project_root
from newscoder.stance import StatementCoder
from newscoder.stance_rules import intended_by_a_noun


@pytest.fixture(scope="module")
def coder(nlp):
    return StatementCoder(nlp, load_lexicon(project_root() / "codebook"))


def modalities(nlp, finder, coder, text):
    """(source, target, PLOVER, modality) of every row of the text."""
    doc = nlp(text)
    return {(s.source_actor, s.target_actor, s.plover, s.modality) for s in coder(doc, finder(doc, dt.date(2024, 6, 1)), "t")}


def modality_of(nlp, finder, coder, text, source, target, plover):
    found = {m for s, t, p, m in modalities(nlp, finder, coder, text) if (s, t, p) == (source, target, plover)}
    assert len(found) == 1, (text, modalities(nlp, finder, coder, text))
    return found.pop()


@pytest.mark.parametrize("text, source, target, plover, expected", [
    # "or" after a negated verb whose auxiliary it shares: neither act is done
    ("Ghana would not expel the envoy or recognise Togo.", "GHA", "TGO", "SUPPORT", "negated"),
    # "but" tells the second act as done
    ("Ghana did not expel the envoy but praised Togo.", "GHA", "TGO", "SUPPORT", "asserted"),
    # a conjunct with its own auxiliary and subject keeps its own modality
    ("Ghana does not see the rebels as terrorists, and it has praised Togo for years.", "GHA", "TGO", "SUPPORT", "asserted"),
    # the act a causing aims at, before the causing is told as done, and after it
    ("The whole point is getting Ghana to negotiate with Togo.", "GHA", "TGO", "CONSULT", "hypothetical"),
    ("Nigeria persuaded Ghana to negotiate with Togo.", "GHA", "TGO", "CONSULT", "asserted"),
    # an act urged is never told as done
    ("Nigeria pushed Ghana to negotiate with Togo.", "GHA", "TGO", "CONSULT", "hypothetical"),
])
def test_modality_of_conjuncts_and_caused_acts(nlp, finder, coder, text, source, target, plover, expected):
    assert modality_of(nlp, finder, coder, text, source, target, plover) == expected


def test_causing_with_a_particle_causes_no_act(nlp, finder, coder):
    # "make up for" has no one made to act: the fight keeps its own modality
    text = "Ghana is making up for lost time in its fight against Togo."
    rows = modalities(nlp, finder, coder, text)
    assert all(m != "hypothetical" for *_, m in rows), rows


def test_infinitive_of_a_noun_of_intention_is_future(nlp, finder, coder):
    text = "Ghana announced a decision to expel the Togolese ambassador."
    assert modality_of(nlp, finder, coder, text, "GHA", "TGO", "SANCTION") == "future"


def rule_on(nlp, coder, rule, text, word):
    """What one modality rule alone says of a word of the text."""
    doc = nlp(text)
    return rule(coder, next(t for t in doc if t.text == word))


def test_infinitive_of_a_noun_of_licence_is_hypothetical(nlp, coder):
    assert rule_on(nlp, coder, intended_by_a_noun, "Ghana issued an alert to its troops to withdraw from Togo.", "withdraw") == "hypothetical"
    assert rule_on(nlp, coder, intended_by_a_noun, "Ghana gave its army the right to attack Togo.", "attack") == "hypothetical"


def test_infinitive_of_another_noun_keeps_its_modality(nlp, finder, coder):
    assert rule_on(nlp, coder, intended_by_a_noun, "Ghana's minister made the long trip to Lome to meet Togo's president.", "meet") == ""
    rows = modalities(nlp, finder, coder, "Ghana's minister made the long trip to Lome to meet Togo's president.")
    assert rows and all(m == "asserted" for *_, m in rows), rows


@pytest.mark.parametrize("text, plover", [
    ("Ghana agreed to lift its sanctions on Togo.", "CONCEDE"),
    ("The Ghanaian parliament voted to expel the Togolese envoy.", "SANCTION"),
    ("Ghana and Togo agreed to hold talks in Lome.", "CONSULT"),
])
def test_the_act_agreed_or_voted_is_coded_as_still_to_come(nlp, finder, coder, text, plover):
    # the infinitive of a verb of agreeing is the act agreed, not the purpose of the agreement
    assert modality_of(nlp, finder, coder, text, "GHA", "TGO", plover) == "future"


def test_the_purpose_of_a_meeting_is_still_no_act(nlp, finder, coder):
    assert {p for _, _, p, _ in modalities(nlp, finder, coder, "Ghana met Togo to ease the border checks.")} == {"CONSULT"}


def test_asking_an_actor_for_a_thing_is_an_appeal_and_asking_it_to_act_a_demand(nlp, finder, coder):
    doc = nlp("Ghana asked Togo for two patrol boats.")
    asked = {(s.source_actor, s.target_actor, s.plover, s.stance) for s in coder(doc, finder(doc, dt.date(2024, 6, 1)), "t")}
    assert ("GHA", "TGO", "REQUEST", 1) in asked
    doc = nlp("Ghana asked Togo to close the border.")
    asked = {(s.source_actor, s.target_actor, s.plover, s.stance) for s in coder(doc, finder(doc, dt.date(2024, 6, 1)), "t")}
    assert ("GHA", "TGO", "REQUEST", -1) in asked
