"""A state moving its own forces (lib/newscoder/stance_own_forces.py), on sentences of our own."""

from __future__ import annotations

import datetime as dt


def rows(nlp, coders, text, plover):
    doc = nlp(text)
    return [(s.source_actor, s.target_actor, s.rule) for s in coders.coder(doc, coders.finder(doc, dt.date(2025, 3, 1)), "t")
            if s.plover == plover]


def test_a_withdrawal_of_the_own_troops_is_aimed_at_the_country_left(nlp, coders):
    found = rows(nlp, coders, "Ecuador said it was pulling Ecuadorian forces out of Colombia.", "RETREAT")
    assert [(s, t) for s, t, _ in found] == [("ECU", "COL")]
    assert "target:place_left_or_entered" in found[0][2]


def test_a_possessive_own_force_is_moved_out_of_the_place_named(nlp, coders):
    found = rows(nlp, coders, "Uruguay will pull its soldiers out of Paraguay by August.", "RETREAT")
    assert [(s, t) for s, t, _ in found] == [("URY", "PRY")]


def test_a_deployment_of_the_own_soldiers_is_aimed_at_the_country_entered(nlp, coders):
    found = rows(nlp, coders, "Venezuela sent Venezuelan soldiers into Guyana.", "MOBILIZE")
    assert [(s, t) for s, t, _ in found] == [("VEN", "GUY")]


def test_the_own_forces_are_never_the_target_of_their_movement(nlp, coders):
    found = rows(nlp, coders, "Colombia ordered Colombian troops to leave the capital.", "MOBILIZE")
    assert not [r for r in found if r[0] == r[1]], found


def test_forces_of_another_country_stay_the_target(nlp, coders):
    found = rows(nlp, coders, "Chile asked Argentine troops to withdraw from Bolivia.", "RETREAT")
    assert not [r for r in found if r[2].endswith("place_left_or_entered")], found


def test_people_released_are_no_forces_of_the_own(nlp, coders):
    found = rows(nlp, coders, "Norwegian rebels released Norwegian hostages from Sweden.", "RETREAT")
    assert not [r for r in found if r[2].endswith("place_left_or_entered")], found
