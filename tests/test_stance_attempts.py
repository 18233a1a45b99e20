"""An attempt at force told as done is the act (stance_attempts.py), on sentences of our own."""

from __future__ import annotations

import datetime as dt


def modalities(nlp, coders, text):
    doc = nlp(text)
    return [(s.source_actor, s.target_actor, s.plover, s.modality) for s in coders.coder(doc, coders.finder(doc, dt.date(2025, 3, 1)), "t")]


def test_a_past_attempt_at_force_is_asserted(nlp, coders):
    assert ("PER", "CHL", "ASSAULT", "asserted") in modalities(nlp, coders, "Peruvian troops had tried to storm the Chilean embassy.")
    assert ("PER", "CHL", "COERCE", "asserted") in modalities(nlp, coders, "Peruvian troops tried to seize the Chilean border post.")


def test_an_attempt_begun_in_the_past_is_asserted(nlp, coders):
    assert ("PER", "CHL", "ASSAULT", "asserted") in modalities(nlp, coders, "Peruvian rebels had begun attempting to attack Chile.")


def test_an_attempt_still_to_come_stays_planned(nlp, coders):
    assert ("PER", "CHL", "COERCE", "future") in modalities(nlp, coders, "Peru will try to seize the Chilean border post.")
    assert ("PER", "CHL", "ASSAULT", "future") in modalities(nlp, coders, "Peru wants to try to attack Chile.")


def test_an_attempt_at_a_deal_tells_no_deal(nlp, coders):
    found = modalities(nlp, coders, "Peru tried to reach a deal with Chile.")
    assert found and all(m == "future" for *_, m in found), found
