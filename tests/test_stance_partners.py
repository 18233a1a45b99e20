"""A "with the help of" phrase names a backer, neither target nor second source (stance_partners.py),
on sentences of our own."""

from __future__ import annotations

import datetime as dt


def rows(nlp, coders, text):
    doc = nlp(text)
    return [(s.source_actor, s.target_actor, s.plover) for s in coders.coder(doc, coders.finder(doc, dt.date(2025, 3, 1)), "t")]


def test_the_backer_of_a_passive_act_is_no_target(nlp, coders):
    found = rows(nlp, coders, "The town was retaken by the government of Peru with the backing of Chilean forces.")
    assert not [r for r in found if r[1] == "CHL"], found


def test_help_with_an_of_phrase_is_no_target(nlp, coders):
    found = rows(nlp, coders, "Bolivian troops attacked Paraguay with the help of Chile.")
    assert ("BOL", "PRY", "ASSAULT") in found and not [r for r in found if "CHL" in r[:2]], found


def test_a_possessive_backer_is_no_target(nlp, coders):
    found = rows(nlp, coders, "Bolivia attacked the rebels with Chile's support.")
    assert not [r for r in found if r[1] == "CHL"], found


def test_a_partner_without_a_noun_of_help_is_still_a_party(nlp, coders):
    found = rows(nlp, coders, "Bolivia signed a trade deal with Chile.")
    assert ("BOL", "CHL", "AGREE") in found or ("BOL", "CHL", "COOPERATE") in found, found
