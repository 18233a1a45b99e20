"""Targets read from a clause the trigger verb takes (lib/newscoder/stance_clauses.py), on sentences of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from newscoder.paths import project_root


def rows(nlp, coders, text):
    doc = nlp(text)
    return [s for s in coders.coder(doc, coders.finder(doc, dt.date(2025, 3, 1)), "t") if s.modality == "asserted"]


def test_a_concession_that_names_an_actor_in_its_that_clause_is_made_to_it(nlp, coders):
    found = [r for r in rows(nlp, coders, "Norway conceded that Sweden was right about the border.") if r.plover == "CONCEDE"]
    assert [(r.source_actor, r.target_actor) for r in found] == [("NOR", "SWE")]
    assert "target:that_clause_subject" in found[0].rule and found[0].confidence != "high"


def test_a_pronoun_subject_of_the_that_clause_is_no_target(nlp, coders):
    # "it" is the source itself: its own act, told in the clause, is aimed at no one named
    assert not [r for r in rows(nlp, coders, "Norway conceded that it was wrong about the border.") if "that_clause_subject" in r.rule]


def test_a_joint_act_takes_no_target_from_a_that_clause(nlp, coders):
    # agreeing that another should do something is no agreement between the two
    assert not [r for r in rows(nlp, coders, "Bolivia agreed that Chile should keep the old port.") if "that_clause_subject" in r.rule]


def test_an_object_of_the_verb_wins_over_the_that_clause(nlp, coders):
    found = [r for r in rows(nlp, coders, "Norway told Denmark that Sweden was right.")]
    assert not [r for r in found if "that_clause_subject" in r.rule]


def test_the_maker_named_in_a_participle_inside_the_object_phrase_is_the_target(nlp, coders):
    # the parser hangs "sent" on "trade", inside the object's own phrase
    found = [r for r in rows(nlp, coders, "Chile welcomed the assurances on trade sent from Peru.") if r.plover == "SUPPORT"]
    assert [(r.source_actor, r.target_actor) for r in found] == [("CHL", "PER")]
    assert "target:maker_of_object" in found[0].rule


def test_a_report_written_by_an_actor_names_its_maker(nlp, coders):
    found = [r for r in rows(nlp, coders, "Chile welcomed the report on trade written by Peru.") if r.plover == "SUPPORT"]
    assert [(r.source_actor, r.target_actor) for r in found] == [("CHL", "PER")]


def test_force_against_the_roads_leading_into_a_country_lands_in_that_country(nlp, coders):
    found = [r for r in rows(nlp, coders, "Malian police sealed off the roads leading into Niger.") if r.plover == "COERCE"]
    assert [(r.source_actor, r.target_actor) for r in found] == [("MLI", "NER")]
    assert "target:place_of_attack" in found[0].rule


def test_a_way_is_read_only_through_the_path_participles(nlp, coders):
    from newscoder.stance_clauses import places_along_object

    doc = nlp("Malian police sealed off the roads leading into Niger.")
    ctx_rows = coders.finder(doc, dt.date(2025, 3, 1))
    from newscoder.stance import _Context

    ctx = _Context({i: m for m in ctx_rows for i in range(m.start, m.end)})
    sealed = next(t for t in doc if t.lower_ == "sealed")
    assert [m.text for m in places_along_object(coders.coder, sealed, ctx)] == ["Niger"]
    doc = nlp("Malian police sealed off the trucks carrying food into Niger.")
    ctx = _Context({i: m for m in coders.finder(doc, dt.date(2025, 3, 1)) for i in range(m.start, m.end)})
    sealed = next(t for t in doc if t.lower_ == "sealed")
    assert places_along_object(coders.coder, sealed, ctx) == []


def test_a_list_whose_second_name_the_parser_reads_as_an_appositive_keeps_every_member(nlp, coders):
    # the parser hangs "the Netherlands" on "Mexico" as an appositive, and "Norway" and "Peru" on it
    text = "Mexico, the Netherlands, Norway and Peru welcomed a resumption of ties between Chile and Bolivia."
    doc = nlp(text)
    assert next(t for t in doc if t.text == "Netherlands").dep_ == "appos"  # the parse this rule is for
    sources = {r.source_actor for r in rows(nlp, coders, text) if r.plover == "SUPPORT"}
    assert sources == {"MEX", "NLD", "NOR", "PER"}


def test_an_appositive_that_describes_adds_no_list(nlp, coders):
    found = rows(nlp, coders, "Chile, a neighbour of Peru, condemned Bolivia.")
    assert {(r.source_actor, r.target_actor) for r in found if r.plover == "ACCUSE"} == {("CHL", "BOL")}


@pytest.fixture(scope="module")
def vale(nlp):
    """A codebook of our own with one name for two actors (a PETRARCH compound code), and its coder."""
    from dataclasses import replace

    from newscoder.codebook import load_codebook
    from newscoder.entities import EntityFinder
    from newscoder.lexicon import load_lexicon
    from newscoder.petrarch import read_actor_dictionary, to_codebook
    from newscoder.stance import StatementCoder

    ours = load_codebook(project_root() / "codebook")
    base = replace(ours, actors={}, persons=[], other_non_actors=(), extra={})
    book = to_codebook(read_actor_dictionary("THE_VALE_LANDS [VLA/VLB]\nKESTRIA [KST]\nNORVANIA [NRV]\n"), base=base)
    return EntityFinder(nlp, book), StatementCoder(nlp, load_lexicon(project_root() / "codebook"))


def vale_pairs(nlp, vale, text):
    finder, coder = vale
    doc = nlp(text)
    return {(r.source_actor, r.target_actor) for r in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t") if r.modality == "asserted"}


def test_a_name_of_two_actors_acts_as_each_of_them(nlp, vale):
    assert vale_pairs(nlp, vale, "The Vale Lands condemned Kestria on Monday.") == {("VLA", "KST"), ("VLB", "KST")}


def test_a_name_of_two_actors_is_one_party_of_a_joint_act(nlp, vale):
    # each member with the partner named, both ways; the two members are no pair of their own
    pairs = vale_pairs(nlp, vale, "The Vale Lands restored diplomatic ties with Kestria on Monday.")
    assert pairs == {("VLA", "KST"), ("VLB", "KST"), ("KST", "VLA"), ("KST", "VLB")}


def test_a_name_of_two_actors_is_each_target(nlp, vale):
    assert vale_pairs(nlp, vale, "Norvania condemned the Vale Lands on Monday.") == {("NRV", "VLA"), ("NRV", "VLB")}


def test_the_object_of_a_three_word_preposition_is_the_target(nlp, coders):
    found = [r for r in rows(nlp, coders, "Chile protested with respect to Peru.") if r.plover == "PROTEST"]
    assert [(r.source_actor, r.target_actor) for r in found] == [("CHL", "PER")]
    assert "target:complex_preposition" in found[0].rule


def test_a_plain_object_wins_over_a_three_word_preposition(nlp, coders):
    found = rows(nlp, coders, "Norway criticised Sweden with regard to Denmark.")
    assert {(r.source_actor, r.target_actor) for r in found if r.plover == "ACCUSE"} == {("NOR", "SWE")}


def test_complex_prepositions_must_have_three_words(tmp_path):
    from newscoder.errors import CodebookError
    from newscoder.stance_rules import load_stance_rules

    text = (project_root() / "codebook" / "stance_rules.yaml").read_text(encoding="utf-8")
    text = text.replace('complex_prepositions: ["with respect to"', 'complex_prepositions: ["with respect"')
    (tmp_path / "stance_rules.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(CodebookError, match="three-word"):
        load_stance_rules(tmp_path)
