"""The newscoder_title_case component: Title Case lines re-parsed from a sentence-cased copy.

Every headline here is made up for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import DocBin

from newscoder import title_case
from newscoder.parsecache import pipeline_fingerprint, read_doc
from newscoder.title_case import TITLE_CASE, is_title_case, lines


def _tokens(doc):
    return [(t.text, t.idx, t.whitespace_) for t in doc]


def _find(doc, text):
    return next(t for t in doc if t.text == text)


def _without(nlp, text):
    with nlp.select_pipes(disable=[TITLE_CASE]):
        return nlp(text)


@pytest.mark.parametrize(
    "headline, verb, lemma",
    [
        ("Norway Expels Two Belarusian Envoys Over Spying Claims", "Expels", "expel"),
        ("Chile And Peru Sign Fishing Accord In Lima", "Sign", "sign"),
        ("Opposition Leader Accuses Government Of Rigging Vote", "Accuses", "accuse"),
    ],
)
def test_verb_of_a_title_case_headline_is_a_verb(nlp, headline, verb, lemma):
    first = _find(_without(nlp, headline), verb)
    assert (first.pos_, first.dep_) != ("VERB", "ROOT")  # the small model misreads the line
    doc = nlp(headline)
    token = _find(doc, verb)
    assert token.pos_ == "VERB"
    assert token.dep_ == "ROOT"
    assert any(c.dep_ == "nsubj" for c in token.children)
    assert token.lemma_ == lemma


def test_text_offsets_and_whitespace_are_unchanged(nlp):
    text = "Norway Expels Two Belarusian Envoys Over Spying Claims\n\nOslo, Monday. Norway expelled two envoys.\n"
    doc = nlp(text)
    assert doc.text == text
    assert _tokens(doc) == _tokens(_without(nlp, text))
    # the names keep their capital letters and their entities
    assert _find(doc, "Norway").ent_type_ == "GPE"
    assert _find(doc, "Norway").lemma_ == "Norway"


def test_sentence_case_line_is_untouched(nlp):
    text = "The minister said on Tuesday that Chile and Peru will sign a fishing accord in Lima."
    doc, before = nlp(text), _without(nlp, text)
    assert [(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in doc] == [
        (t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in before
    ]


def test_only_the_title_case_line_changes(nlp):
    body = "Rebels seized the hill town of Karavo on Sunday as talks stalled, a spokesman said."
    text = "Rebels Seize Hill Town As Truce Talks Stall\n" + body
    doc, before = nlp(text), _without(nlp, text)
    start = text.index(body)
    after_line = [(t.pos_, t.dep_, t.head.i, t.lemma_) for t in doc if t.idx >= start]
    assert after_line == [(t.pos_, t.dep_, t.head.i, t.lemma_) for t in before if t.idx >= start]
    assert _find(doc, "Seize").pos_ == "VERB"


def test_byline_of_names_is_not_harmed(nlp):
    doc = nlp("By Peter Olsen And Anna Berg")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Peter Olsen", "Anna Berg"]
    assert all(_find(doc, w).pos_ == "PROPN" for w in ("Peter", "Olsen", "Anna", "Berg"))


def test_word_capitalised_in_the_body_stays_a_name(nlp):
    # "Bolt" is a common word, but the article writes it as a name inside a sentence
    text = "Bolt Wins Fourth Sprint Title In Rome\nThe sprinter Bolt won again, said his coach."
    doc = nlp(text)
    assert _find(doc, "Bolt").pos_ == "PROPN"
    assert _find(doc, "Wins").pos_ == "VERB"


def test_title_case_test():
    import spacy

    nlp = spacy.blank("en")
    assert is_title_case(nlp("Rebels Seize Hill Town As Truce Talks Stall"))
    assert not is_title_case(nlp("Rebels seize hill town as truce talks stall"))
    assert not is_title_case(nlp("Talks Stall"))  # too short to tell
    assert not is_title_case(nlp("REBELS SEIZE HILL TOWN AS TRUCE TALKS STALL"))  # capitals: not handled
    doc = nlp("One Line\n\nTwo lines here\nthree")
    assert [doc[s:e].text for s, e in lines(doc)] == ["One Line\n\n", "Two lines here\n", "three"]


def test_parse_cache_round_trip_keeps_the_new_tags(nlp):
    doc = nlp("Militants Capture Hill Town As Ceasefire Hopes Fade\nMore fighting was reported.")
    data = DocBin(docs=[doc], store_user_data=False).to_bytes()  # as ParseCache.put stores it
    back = read_doc(data, nlp.vocab)
    assert back.text == doc.text
    assert [(t.tag_, t.pos_, t.morph, t.lemma_, t.head.i, t.dep_, t.ent_type_) for t in back] == [
        (t.tag_, t.pos_, t.morph, t.lemma_, t.head.i, t.dep_, t.ent_type_) for t in doc
    ]
    assert _find(back, "Capture").pos_ == "VERB"


def test_fingerprint_covers_the_component(nlp, monkeypatch):
    full = pipeline_fingerprint(nlp)
    with nlp.select_pipes(disable=[TITLE_CASE]):
        assert pipeline_fingerprint(nlp) != full
    # an edit to the module's source (a class component: its module is hashed) changes it too
    import inspect

    real = inspect.getsource
    monkeypatch.setattr(inspect, "getsource", lambda obj: real(obj) + ("# edited\n" if obj is title_case else ""))
    assert pipeline_fingerprint(nlp) != full


def test_copy_that_does_not_line_up_leaves_the_first_parse(nlp):
    text = "Rebels Seize Hill Town As Truce Talks Stall"
    doc = _without(nlp, text)
    before = [(t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in doc]
    component = nlp.get_pipe(TITLE_CASE)
    found = component.find(doc)
    assert found == [(0, len(doc))]
    # a copy tokenized differently (one word fewer) is not written back
    shorter = nlp("Rebels seize hill town as truce talks")
    component.set_annotations(doc, found, [shorter])
    assert [(t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in doc] == before
    # the copy built by the component lines up, and is
    component.set_annotations(doc, found, component.parse_copies(doc, found))
    assert _find(doc, "Seize").pos_ == "VERB"
