"""A relative clause's act is its antecedent's or its own subject's (stance_relatives.py), on
sentences of our own."""

from __future__ import annotations

import datetime as dt


def rows(nlp, coders, text):
    doc = nlp(text)
    return [(s.source_actor, s.target_actor, s.plover) for s in coders.coder(doc, coders.finder(doc, dt.date(2025, 3, 1)), "t")]


def test_a_subjectless_relative_clause_is_not_the_speakers_act(nlp, coders):
    found = rows(nlp, coders, "The Chilean minister said Chilean troops would enter the province where fought the Peruvian rebels.")
    assert not [r for r in found if r[0] == "CHL" and r[2] == "ASSAULT"], found


def test_the_subject_of_a_where_clause_is_its_source(nlp, coders):
    found = rows(nlp, coders, "Chile's president toured the valley where Peruvian troops had fought Isis.")
    assert ("PER", "ISIS", "ASSAULT") in found and not [r for r in found if r[0] == "CHL" and r[2] == "ASSAULT"], found


def test_the_antecedent_of_who_is_the_source(nlp, coders):
    found = rows(nlp, coders, "Bolivia praised Peru, which has fought the rebels of Chile for years.")
    assert not [r for r in found if r[0] == "BOL" and r[2] == "ASSAULT"], found


def test_a_participle_of_unnamed_forces_is_not_the_main_subjects_act(nlp, coders):
    found = rows(nlp, coders, "Turkey has threatened the Kurdish-led forces working with Chilean and Peruvian troops.")
    assert not [r for r in found if r[2] == "COOPERATE"], found
    assert rows(nlp, coders, "Turkey attacked militiamen working with Chilean troops.") == []


def test_a_participle_of_a_campaign_is_its_launchers_act(nlp, coders):
    assert ("TUR", "PER", "ASSAULT") in rows(nlp, coders, "Turkey launched a campaign targeting Peru.")


def test_a_participle_of_named_forces_is_theirs(nlp, coders):
    found = rows(nlp, coders, "Turkey attacked Bolivian forces working with Chilean troops.")
    assert ("BOL", "CHL", "COOPERATE") in found and not [r for r in found if r[0] == "TUR" and r[2] == "COOPERATE"], found
