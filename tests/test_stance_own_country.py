"""Acts at home that name nobody (lib/newscoder/stance_own_country.py), on sentences of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from newscoder.errors import CodebookError
from newscoder.stance_rules import _own_country_targets


def rows(nlp, coders, text):
    doc = nlp(text)
    return [s for s in coders.coder(doc, coders.finder(doc, dt.date(2025, 3, 1)), "t") if s.modality == "asserted"]


def test_a_strike_by_a_countrys_people_is_aimed_at_its_government(nlp, coders):
    found = [r for r in rows(nlp, coders, "Bolivian nurses went on strike in La Paz on Tuesday.") if r.plover == "PROTEST"]
    assert [(r.source_actor, r.target_actor, r.target_sector) for r in found] == [("BOL", "BOL", "GOV")]
    assert "target:own_country" in found[0].rule and found[0].confidence == "low"


def test_a_concession_by_a_government_naming_nobody_is_made_to_its_people(nlp, coders):
    found = [r for r in rows(nlp, coders, "The Ecuadorian government lifted the night curfew on Sunday.") if r.plover == "CONCEDE"]
    assert [(r.source_actor, r.source_sector, r.target_actor, r.target_sector) for r in found] == [("ECU", "GOV", "ECU", "CVL")]


def test_a_protest_against_a_named_actor_keeps_that_target(nlp, coders):
    found = [r for r in rows(nlp, coders, "Bolivian farmers protested against Chile on Tuesday.") if r.plover == "PROTEST"]
    assert [(r.source_actor, r.target_actor) for r in found] == [("BOL", "CHL")]
    assert "own_country" not in found[0].rule


def test_a_government_protesting_with_nobody_named_gets_no_own_country_target(nlp, coders):
    # a state's own protest names whom it protests to; its own government is never that
    assert not [r for r in rows(nlp, coders, "The Bolivian government protested on Tuesday.") if r.plover == "PROTEST"]


def test_a_community_without_a_home_country_gets_no_own_country_target(nlp, coders):
    assert not [r for r in rows(nlp, coders, "Kurdish students went on strike on Tuesday.") if r.plover == "PROTEST"]


def test_the_table_must_name_plover_categories_and_a_sector():
    assert _own_country_targets({"protest": {"source_sectors": ["cvl"], "target_sector": "gov"}}, "x") == (("PROTEST", frozenset({"CVL"}), "GOV"),)
    with pytest.raises(CodebookError):
        _own_country_targets({"STRIKE": {"source_sectors": ["CVL"], "target_sector": "GOV"}}, "x")
    with pytest.raises(CodebookError):
        _own_country_targets({"PROTEST": {"source_sectors": ["CVL"]}}, "x")


def test_force_by_the_police_naming_nobody_is_used_on_the_countrys_people(nlp, coders):
    found = [r for r in rows(nlp, coders, "Ghanaian police fired tear gas on Saturday.") if r.plover == "ASSAULT"]
    assert [(r.source_actor, r.source_sector, r.target_actor, r.target_sector) for r in found] == [("GHA", "COP", "GHA", "CVL")]
    assert "target:own_country" in found[0].rule and found[0].confidence == "low"


def test_an_act_told_in_a_place_of_another_state_is_not_at_home(nlp, coders):
    found = rows(nlp, coders, "Kenyan police in Haiti fired at gang members on Sunday.")
    assert not [r for r in found if (r.source_actor, r.target_actor) == ("KEN", "KEN")], found


def test_a_retreat_by_a_countrys_rebels_naming_nobody_yields_to_its_government(nlp, coders):
    found = [r for r in rows(nlp, coders, "Guatemalan guerrillas handed in their rifles at the camp on Friday.") if r.plover == "RETREAT"]
    assert [(r.source_actor, r.source_sector, r.target_actor, r.target_sector) for r in found] == [("GTM", "REB", "GTM", "GOV")]
    assert "target:own_country" in found[0].rule


def test_a_retreat_by_an_army_naming_nobody_gets_no_own_country_target(nlp, coders):
    # a state's forces that withdraw from nowhere named yield to no one the sentence tells
    assert not [r for r in rows(nlp, coders, "Nicaraguan soldiers withdrew on Friday.") if r.plover == "RETREAT"]


def test_a_threat_by_a_countrys_workers_naming_nobody_is_aimed_at_its_government(nlp, coders):
    found = [r for r in rows(nlp, coders, "Honduran dock workers threatened a walkout on Monday.") if r.plover == "THREATEN"]
    assert [(r.source_actor, r.target_actor, r.target_sector) for r in found] == [("HND", "HND", "GOV")]


def test_a_measure_of_control_by_a_government_naming_nobody_is_used_on_its_people(nlp, coders):
    found = [r for r in rows(nlp, coders, "The Laotian government imposed a night curfew in Vientiane.") if r.plover == "COERCE"]
    assert [(r.source_actor, r.source_sector, r.target_actor, r.target_sector) for r in found] == [("LAO", "GOV", "LAO", "CVL")]
    found = [r for r in rows(nlp, coders, "The Gabonese government shut down the internet for two days.") if r.plover == "COERCE"]
    assert [(r.source_actor, r.target_actor, r.target_sector) for r in found] == [("GAB", "GAB", "CVL")]


def test_a_government_seizing_land_with_nobody_named_gets_no_own_country_target(nlp, coders):
    # only the entries of `own_country_entries` are at home by a government: seizing is not
    assert not [r for r in rows(nlp, coders, "The Laotian government seized two villages on Monday.") if r.plover == "COERCE"]


def test_the_entry_table_keeps_entry_ids_and_every_id_is_an_entry(coders):
    from newscoder.lexicon import load_lexicon
    from newscoder.paths import project_root

    assert _own_country_targets({"coerce_impose": {"source_sectors": ["gov"], "target_sector": "cvl"}}, "x", entries=True) == (
        ("coerce_impose", frozenset({"GOV"}), "CVL"),)
    ids = {t.id for t in load_lexicon(project_root() / "codebook").triggers}
    assert {e for e, _, _ in coders.coder.rules.own_country_entries} <= ids


def test_a_state_whose_places_the_codebook_does_not_list_is_still_a_home(nlp, coders):
    # Gabon has no places in non_actors.yaml; it is a state of actors.yaml all the same
    found = [r for r in rows(nlp, coders, "Gabonese teachers went on strike on Monday.") if r.plover == "PROTEST"]
    assert [(r.source_actor, r.target_actor, r.target_sector) for r in found] == [("GAB", "GAB", "GOV")]


def test_police_deployed_at_home_naming_nobody_face_the_countrys_people(nlp, coders):
    found = [r for r in rows(nlp, coders, "The Kenyan police deployed hundreds of officers in Mombasa.") if r.plover == "MOBILIZE"]
    assert [(r.source_actor, r.source_sector, r.target_actor, r.target_sector) for r in found] == [("KEN", "COP", "KEN", "CVL")]
