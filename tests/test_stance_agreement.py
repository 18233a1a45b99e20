"""Who a noun phrase cannot stand for (lib/newscoder/stance_agreement.py), on sentences of our own."""

from __future__ import annotations

import datetime as dt


def pairs(nlp, coders, text, plover):
    doc = nlp(text)
    return [(s.source_actor, s.target_actor) for s in coders.coder(doc, coders.finder(doc, dt.date(2025, 3, 1)), "t")
            if s.plover == plover]


def test_they_in_a_reported_clause_is_not_the_single_named_speaker(nlp, coders):
    assert ("NOR", "SWE") not in pairs(nlp, coders, "Norway said that they had attacked Sweden.", "ASSAULT")


def test_they_keeps_a_plural_antecedent(nlp, coders):
    found = pairs(nlp, coders, "Norwegian officials said they had attacked rebel positions in Sweden.", "ASSAULT")
    assert [s for s, _ in found] == ["NOR"]


def test_the_possessor_of_a_relational_noun_is_not_the_party(nlp, coders):
    assert ("NOR", "SWE") not in pairs(nlp, coders, "Norway said its neighbour had attacked Sweden.", "ASSAULT")
    assert ("DNK", "FIN") not in pairs(nlp, coders, "Denmark's allies condemned Finland.", "ACCUSE")


def test_a_possessive_that_owns_a_body_still_names_the_party(nlp, coders):
    assert ("NOR", "SWE") in pairs(nlp, coders, "Norway said its army had attacked Sweden.", "ASSAULT")
