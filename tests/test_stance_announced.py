"""A withdrawal or deployment told only as announced is planned (stance_announced.py), on
sentences of our own."""

from __future__ import annotations

import datetime as dt


def modalities(nlp, coders, text, plover):
    doc = nlp(text)
    return [(s.source_actor, s.target_actor, s.modality) for s in coders.coder(doc, coders.finder(doc, dt.date(2025, 3, 1)), "t")
            if s.plover == plover]


def test_a_withdrawal_described_as_announced_is_future(nlp, coders):
    found = modalities(nlp, coders, "Bolivia criticised the Chilean withdrawal from Peru announced by the president in December.", "RETREAT")
    assert found == [("CHL", "PER", "future")], found


def test_an_announced_withdrawal_after_a_comma_is_future(nlp, coders):
    found = modalities(nlp, coders, "Bolivia criticised the Chilean withdrawal from Peru, announced last week.", "RETREAT")
    assert found == [("CHL", "PER", "future")], found


def test_an_announced_deployment_is_future(nlp, coders):
    found = modalities(nlp, coders, "Chile announced the deployment of 500 troops to Peru.", "MOBILIZE")
    assert found == [("CHL", "PER", "future")], found


def test_announced_sanctions_are_imposed(nlp, coders):
    assert modalities(nlp, coders, "Chile announced new sanctions against Peru.", "SANCTION") == [("CHL", "PER", "asserted")]


def test_a_withdrawal_told_as_a_verb_is_done(nlp, coders):
    found = modalities(nlp, coders, "Chile withdrew its troops from Peru on Monday.", "RETREAT")
    assert found and all(m == "asserted" for *_, m in found), found
