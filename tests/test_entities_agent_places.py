"""A bare agent noun's country from its own phrase and clause (entities.py `_own_place`,
`_target_of_own_clause`), each on a sentence written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

DAY = dt.date(2025, 3, 1)


def agent(finder, nlp, text, noun):
    ms = finder(nlp(text), DAY)
    hits = [m for m in ms if m.kind == "agent" and m.text.lower() == noun]
    assert hits, f"no agent {noun!r} in {[(m.text, m.kind) for m in ms]}"
    return hits[0]


@pytest.mark.parametrize(
    "text, noun, actor, place",
    [
        # another state is the article's only one: the place in the noun's phrase wins
        ("Jordan said on Monday that farmers in Homs had lost their harvest.", "farmers", "SYR", "Homs"),
        ("Ghana reported that police in Kano arrested six traders.", "police", "NGA", "Kano"),
        # a capital used as a place is its state's
        ("Poland said demonstrators in Minsk were beaten by the guards.", "demonstrators", "BLR", "Minsk"),
        # the place named with a place noun after it, or after "the city of"
        ("Iraq said residents in Raqqa province were short of water.", "residents", "SYR", "Raqqa"),
        ("Egypt said that police in the city of Benghazi closed the market.", "police", "LBY", "Benghazi"),
        # "from" a place: where they come from
        ("Lebanon said students from Aleppo would sit the exam in Beirut.", "students", "SYR", "Aleppo"),
    ],
)
def test_bare_agent_takes_the_country_of_the_place_in_its_phrase(finder, nlp, text, noun, actor, place):
    found = agent(finder, nlp, text, noun)
    assert found.actor_id == actor
    assert found.rule == f"agent_noun+own_place:{place}"


def test_a_countrys_own_name_in_the_phrase_is_not_an_own_place(finder, nlp):
    # "in Peru" may be where foreign workers are: the article's rule decides, as before
    found = agent(finder, nlp, "Peru said workers in Peru would get new contracts.", "workers")
    assert "own_place" not in found.rule


def test_bare_agent_is_not_the_state_its_own_verb_targets(finder, nlp):
    found = agent(finder, nlp, "Insurgents ambushed Mali near the river on Sunday.", "insurgents")
    assert found.actor_id == ""
    assert found.rule == "agent_noun+only_state_in_article+not_own_target:MLI"


@pytest.mark.parametrize(
    "text, noun",
    [
        ("Militants fired rockets into Israel overnight.", "militants"),  # object of a preposition of the verb
        ("Fighters raided Chadian villages at dawn.", "fighters"),          # a modifier of the object
        ("Chad was shelled by insurgents all night.", "insurgents"),      # passive: the subject is the target
    ],
)
def test_target_of_own_clause_in_other_constructions(finder, nlp, text, noun):
    found = agent(finder, nlp, text, noun)
    assert found.actor_id == "" and "not_own_target" in found.rule


def test_place_where_the_act_happens_is_no_target(finder, nlp):
    found = agent(finder, nlp, "Soldiers clashed with gunmen in Mali on Sunday.", "soldiers")
    assert found.actor_id == "MLI" and "not_own_target" not in found.rule


def test_state_named_outside_the_target_keeps_the_article_rule(finder, nlp):
    found = agent(finder, nlp, "In a statement, Mali said soldiers had repelled the attack.", "soldiers")
    assert found.actor_id == "MLI" and found.rule == "agent_noun+only_state_in_article"
