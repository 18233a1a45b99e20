"""Acts on unnamed victims or places (lib/newscoder/stance_places.py), on sentences of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from newscoder.codebook_folder import load_codebook_folder
from newscoder.paths import project_root
from newscoder.rows import build_coders
from newscoder.stance_places import Geography


@pytest.fixture(scope="module")
def coders(nlp):
    return build_coders(nlp, load_codebook_folder(project_root() / "codebook"))


def rows(nlp, coders, text):
    doc = nlp(text)
    return [(s.source_actor, s.target_actor, s.rule) for s in coders.coder(doc, coders.finder(doc, dt.date(2025, 3, 1)), "t")
            if s.modality == "asserted"]


def test_a_place_named_in_the_act_gives_the_country_of_its_victims(nlp, coders):
    found = rows(nlp, coders, "Chadian troops shelled the villages in Darfur.")
    assert [(s, t) for s, t, _ in found] == [("TCD", "SDN")]
    assert "target:victims_in_place" in found[0][2]


def test_a_group_acting_on_an_unnamed_town_acts_in_its_home_country(nlp, coders):
    found = rows(nlp, coders, "The Tigray People's Liberation Front seized the town on Friday.")
    assert [(s, t) for s, t, _ in found] == [("TPLF", "ETH")]
    assert "target:victims_at_home" in found[0][2]


def test_without_victims_or_a_place_the_rule_names_no_target(nlp, coders):
    assert rows(nlp, coders, "The Tigray People's Liberation Front seized the initiative on Friday.") == []


def test_a_coder_without_geography_codes_no_such_act(nlp, coders):
    from newscoder.stance import StatementCoder

    bare = StatementCoder(nlp, coders.coder.lexicon)
    doc = nlp("Chadian troops shelled the villages in Darfur.")
    assert [s for s in bare(doc, coders.finder(doc, dt.date(2025, 3, 1)), "t") if s.target_actor == "SDN"] == []


def test_place_names_are_matched_without_case_or_diacritics():
    where = Geography.of({"Goma": "COD", "Bogotá": "COL"}, {})
    assert where.country_of_place("GOMA") == "COD" and where.country_of_place("Bogota") == "COL"
    assert where.country_of_place("Lyon") == ""


def test_a_siege_of_a_named_town_is_not_aimed_at_the_country_it_lies_in(nlp, coders):
    found = rows(nlp, coders, "Turkish troops encircled Abeche in northern Chad on Sunday.")
    assert [(s, t) for s, t, _ in found if t == "TCD"] == []


def test_strikes_against_a_named_thing_are_not_aimed_at_the_country_of_the_place(nlp, coders):
    found = rows(nlp, coders, "Libyan forces carried out air strikes against a convoy in southern Chad.")
    assert [(s, t) for s, t, _ in found if t == "TCD"] == []


def test_strikes_into_a_country_are_aimed_at_it(nlp, coders):
    found = rows(nlp, coders, "Israel carried out strikes into Syria overnight.")
    assert [(s, t) for s, t, _ in found] == [("ISR", "SYR")]
    assert "target:place_of_attack" in found[0][2]


def test_an_actor_named_as_what_is_struck_stays_the_target(nlp, coders):
    found = rows(nlp, coders, "Libyan jets fired on Chadian troops in southern Chad.")
    assert [(s, t) for s, t, _ in found] == [("LBY", "TCD")]
    assert "target:prep_on" in found[0][2]
