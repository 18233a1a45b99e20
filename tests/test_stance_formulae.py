"""Reporting formulae that tell no act: a briefing's topic and travel advice (stance_formulae.py),
on sentences of our own."""

from __future__ import annotations

import datetime as dt


def rows(nlp, coders, text):
    doc = nlp(text)
    return [(s.source_actor, s.target_actor, s.plover) for s in coders.coder(doc, coders.finder(doc, dt.date(2025, 3, 1)), "t")]


def test_speaking_anonymously_to_discuss_is_no_consultation(nlp, coders):
    assert rows(nlp, coders, "Peruvian officials spoke on condition of anonymity to discuss relations with Chile.") == []
    assert rows(nlp, coders, "Two Peruvian diplomats spoke anonymously to discuss ties with Chile.") == []


def test_speaking_to_reporters_to_discuss_is_no_consultation(nlp, coders):
    assert rows(nlp, coders, "The Chilean minister spoke to reporters to discuss the talks with Peru.") == []


def test_speaking_with_an_actor_is_still_a_consultation(nlp, coders):
    found = rows(nlp, coders, "The Chilean envoy spoke with the Peruvian foreign minister to discuss trade.")
    assert ("CHL", "PER", "CONSULT") in found, found


def test_a_discussion_with_an_actor_is_still_coded(nlp, coders):
    found = rows(nlp, coders, "Chile discussed the border with Peru on Monday.")
    assert ("CHL", "PER", "CONSULT") in found, found


def test_advice_against_travel_is_no_act_toward_the_country(nlp, coders):
    assert rows(nlp, coders, "Britain advised against travel to Peru.") == []
    assert rows(nlp, coders, "Britain cautioned its citizens against travelling to Peru.") == []
    assert rows(nlp, coders, "Britain issued a travel advisory for Peru.") == []


def test_a_warning_against_an_attack_is_still_coded(nlp, coders):
    found = rows(nlp, coders, "Chile warned Peru against an attack on its ships.")
    assert [r for r in found if r[:2] == ("CHL", "PER")], found


def test_a_travel_ban_is_still_an_act(nlp, coders):
    found = rows(nlp, coders, "Chile imposed a travel ban on Peru.")
    assert [r for r in found if r[:2] == ("CHL", "PER")], found


def test_gathering_evidence_is_no_meeting(nlp, coders):
    assert rows(nlp, coders, "The UN security council authorised a team to gather evidence of Isis crimes.") == []
    assert rows(nlp, coders, "Chile gathered evidence of Peruvian war crimes.") == []


def test_parties_that_gather_still_meet(nlp, coders):
    found = rows(nlp, coders, "Chile and Peru gathered in Lima on Monday.")
    assert ("CHL", "PER", "CONSULT") in found, found
