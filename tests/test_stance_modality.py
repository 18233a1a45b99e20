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


def test_or_conjunct_shares_the_negation_of_its_verb(nlp, finder, coder):
    text = "Ghana would not expel the envoy or recognise Togo."
    assert modality_of(nlp, finder, coder, text, "GHA", "TGO", "SUPPORT") == "negated"


def test_but_conjunct_keeps_its_own_modality(nlp, finder, coder):
    text = "Ghana did not expel the envoy but praised Togo."
    assert modality_of(nlp, finder, coder, text, "GHA", "TGO", "SUPPORT") == "asserted"


def test_conjunct_with_its_own_auxiliary_keeps_its_own_modality(nlp, finder, coder):
    text = "Ghana does not see the rebels as terrorists, and it has praised Togo for years."
    assert modality_of(nlp, finder, coder, text, "GHA", "TGO", "SUPPORT") == "asserted"


def test_act_a_causing_aims_at_is_hypothetical_until_the_causing_is_done(nlp, finder, coder):
    aim = "The whole point is getting Ghana to negotiate with Togo."
    assert modality_of(nlp, finder, coder, aim, "GHA", "TGO", "CONSULT") == "hypothetical"
    done = "Nigeria persuaded Ghana to negotiate with Togo."
    assert modality_of(nlp, finder, coder, done, "GHA", "TGO", "CONSULT") == "asserted"


def test_act_urged_is_never_told_as_done(nlp, finder, coder):
    text = "Nigeria pushed Ghana to negotiate with Togo."
    assert modality_of(nlp, finder, coder, text, "GHA", "TGO", "CONSULT") == "hypothetical"


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
