"""Acts on unnamed victims or places (lib/newscoder/stance_places.py), on sentences of our own."""

from __future__ import annotations

import datetime as dt

from newscoder.stance_places import Geography


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
