"""First person inside a quotation (lib/newscoder/stance_quotes.py), on sentences of our own."""

from __future__ import annotations

import datetime as dt

from newscoder.stance_quotes import quotation_spans


def rows(nlp, coders, text, plover):
    doc = nlp(text)
    return [(s.source_actor, s.target_actor, s.confidence) for s in coders.coder(doc, coders.finder(doc, dt.date(2025, 3, 1)), "t")
            if s.plover == plover]


def test_quotation_spans_are_the_words_between_the_marks(nlp):
    doc = nlp('“We will respond,” said the envoy. He left.')
    assert [doc[a:b].text for a, b in quotation_spans(doc)] == ["We will respond,"]


def test_we_in_a_quotation_is_the_speaker_not_an_actor_named_before_it(nlp, coders):
    found = rows(nlp, coders, '"Chile knows that we have never threatened Chile," said a Bolivian minister.', "THREATEN")
    assert [(s, t) for s, t, _ in found] == [("BOL", "CHL")]


def test_us_in_a_quotation_is_the_speaker(nlp, coders):
    found = rows(nlp, coders, '"Venezuela has attacked us," said the Guyanese president.', "ASSAULT")
    assert [(s, t) for s, t, _ in found] == [("VEN", "GUY")]


def test_a_quotation_after_an_attributed_one_keeps_its_speaker(nlp, coders):
    text = '"Argentina has been a good friend," the Uruguayan president stated. "We will support Argentina in the talks."'
    found = rows(nlp, coders, text, "SUPPORT")
    assert ("URY", "ARG", "medium") in found


def test_we_in_a_quotation_without_a_speaker_is_no_actor_named_inside_it(nlp, coders):
    found = rows(nlp, coders, '"Peru knows that we have never attacked Bolivia."', "ASSAULT")
    assert not [r for r in found if r[0] == "PER"], found


def test_we_outside_a_quotation_is_read_as_before(nlp, coders):
    found = rows(nlp, coders, "Chile said we would never attack Peru.", "ASSAULT")
    assert not [r for r in found if r[0] == "PER"], found
