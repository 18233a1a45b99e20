"""Acts of the types the coder rarely found (issue 12, the stories' lowest types), on sentences of
our own: retreats (PLOVER RETREAT: CAMEO 084 return or release, 087 de-escalate) and aid (CAMEO
071, 072) of codebook/triggers.yaml's "stories15" groups, the target rule `place_left`
(lib/newscoder/stance_own_forces.py) and threats of a measure at home (`target:domestic`)."""

from __future__ import annotations

import datetime as dt

import pytest


def rows(nlp, coders, text, plover="RETREAT"):
    doc = nlp(text)
    return [(s.source_actor, s.target_actor, s.rule) for s in coders.coder(doc, coders.finder(doc, dt.date(2025, 3, 1)), "t")
            if s.plover == plover]


@pytest.mark.parametrize("text, pair", [
    ("Chilean units pulled out of Peru on Monday.", ("CHL", "PER")),
    ("Bolivian troops pulled back from Paraguay overnight.", ("BOL", "PRY")),
])
def test_a_retreat_without_object_is_aimed_at_the_country_it_leaves(nlp, coders, text, pair):
    found = rows(nlp, coders, text)
    assert [(s, t) for s, t, _ in found] == [pair]
    assert "target:place_left" in found[0][2]


def test_a_retreat_to_a_country_yields_to_no_one_there(nlp, coders):
    # "withdrew to B" names where the forces go, not whom they yield to
    assert not [r for r in rows(nlp, coders, "Guyanese troops withdrew to Suriname.") if r[2].endswith("place_left")]


@pytest.mark.parametrize("text, pair", [
    ("Argentina returned the disputed islands to Uruguay in May.", ("ARG", "URY")),
    ("Colombia handed the three border towns back to Venezuela.", ("COL", "VEN")),
])
def test_land_handed_back_is_returned_to_the_country_named(nlp, coders, text, pair):
    assert [(s, t) for s, t, _ in rows(nlp, coders, text)] == [pair]


def test_people_held_who_are_not_called_prisoners_are_released(nlp, coders):
    found = rows(nlp, coders, "Colombian guerrillas freed four Ecuadorian soldiers near the border.")
    assert [(s, t) for s, t, _ in found] == [("COL", "ECU")]
    assert not rows(nlp, coders, "Chile released its budget figures on Monday.")


def test_rebels_who_disband_or_decommission_their_arms_retreat(nlp, coders):
    assert [(s, t) for s, t, _ in rows(nlp, coders, "The Peruvian militia disbanded after the accord.")] == [("PER", "PER")]
    assert [(s, t) for s, t, _ in rows(nlp, coders, "Irish paramilitaries decommissioned their rifles.")] == [("IRL", "IRL")]
    assert not rows(nlp, coders, "Chile decommissioned its oldest power station.")


def test_a_sum_forgiven_is_economic_aid(nlp, coders):
    found = rows(nlp, coders, "The World Bank agreed to forgive millions owed by Malawi.", "AID")
    assert [(s, t) for s, t, _ in found] == [("WB", "MWI")]
    assert not rows(nlp, coders, "The Chilean minister forgave the insult.", "AID")


def test_trainers_sent_are_military_aid(nlp, coders):
    assert [(s, t) for s, t, _ in rows(nlp, coders, "Kenya sent military trainers to Somalia.", "AID")] == [("KEN", "SOM")]


def test_a_threatened_measure_against_the_own_opposition_is_a_domestic_threat(nlp, coders):
    found = rows(nlp, coders, "The Ugandan government threatened to ban opposition parties.", "THREATEN")
    assert [(s, t) for s, t, _ in found] == [("UGA", "UGA")]
    assert "target:domestic" in found[0][2]


def test_a_threat_of_a_measure_against_another_state_stays_aimed_at_it(nlp, coders):
    found = rows(nlp, coders, "Chile threatened to expel Peruvian diplomats.", "THREATEN")
    assert [(s, t) for s, t, _ in found] == [("CHL", "PER")]


@pytest.mark.parametrize("text, pair", [
    ("Norway expressed solidarity with Ukraine.", ("NOR", "UKR")),
    ("Denmark voiced admiration for Estonia.", ("DNK", "EST")),
])
def test_solidarity_or_admiration_expressed_is_support(nlp, coders, text, pair):
    assert [(s, t) for s, t, _ in rows(nlp, coders, text, "SUPPORT")] == [pair]


def test_the_phrase_of_an_entrys_own_preposition_names_its_target(nlp, coders):
    # support_approve_of needs "of": its phrase holds what is approved, and its owner is the target
    found = rows(nlp, coders, "Finland approved of Sweden's new asylum policy.", "SUPPORT")
    assert [(s, t) for s, t, _ in found] == [("FIN", "SWE")]
    assert not rows(nlp, coders, "The Finnish parliament approved the budget.", "SUPPORT")
