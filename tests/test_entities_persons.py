"""Persons in running text: credits and names spaCy cut badly, each on sentences of its own."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from newscoder.entities import _name_part

DAY = dt.date(2025, 3, 1)


def persons(finder, nlp, text, published=DAY):
    return {m.person for m in finder(nlp(text), published) if m.kind == "person" and m.person}


def test_a_credit_word_earlier_in_a_paragraph_does_not_make_later_names_credits(finder, nlp):
    text = ("In a video posted online, the rebels showed their prisoners, and a photo of the camp circulated widely. "
            "Weeks later Tomas Varga, the interior minister, said Lena Brandt would lead the inquiry.")
    assert {"Tomas Varga", "Lena Brandt"} <= persons(finder, nlp, text)


def test_a_paragraph_that_opens_with_by_is_no_byline(finder, nlp):
    text = "By Tuesday evening Tomas Varga had resigned, and Lena Brandt took over the ministry."
    assert {"Tomas Varga", "Lena Brandt"} <= persons(finder, nlp, text)


def test_a_credit_that_opens_its_own_sentence_still_credits(finder, nlp):
    text = ("Tomas Varga spoke at the border post on Monday. "
            "A guard checks papers at the crossing. Photograph: Lena Brandt/Coastal Times")
    found = persons(finder, nlp, text)
    assert "Tomas Varga" in found and "Lena Brandt" not in found


def test_junk_that_spacy_calls_a_person_is_trimmed_or_dropped(finder, nlp):
    text = ("Lena Brandt spoke first. Critics said Brandt’s plan opened Pandora’s box, "
            "and graffiti sprayed on the wall mocked her.")
    found = persons(finder, nlp, text)
    assert found == {"Lena Brandt"}




@pytest.mark.parametrize(
    "span, name",
    [
        ("José Eduardo dos Santos", "José Eduardo dos Santos"),
        ("Ursula von der Leyen", "Ursula von der Leyen"),
        ("Park Min-jae", "Park Min-jae"),
        ("former president Marta Ruiz", "Marta Ruiz"),
        ("Brandt’s plan", "Brandt"),
        ("Ortiz's", "Ortiz's"),
        ("graffiti sprayed", None),
    ],
)
def test_the_part_of_a_span_written_as_a_name(nlp, span, name):
    part = _name_part(nlp(span)[:])
    assert (part.text if part is not None else None) == name


def test_a_bulk_imported_person_is_named_as_the_article_spells_the_full_name(finder, nlp):
    # persons_phoenix.yaml names them "Umar al Bashir" and "Abdullah Gul"
    text = "Omar al-Bashir flew to Cairo, where Bashir met Abdullah Gül. Gül spoke of trade."
    assert persons(finder, nlp, text, dt.date(2018, 3, 1)) == {"Omar al-Bashir", "Abdullah Gül"}


def test_a_curated_person_keeps_the_codebook_name(finder, nlp):
    text = "Tayyip Erdogan spoke in Ankara on Monday."
    assert persons(finder, nlp, text) == {"Recep Tayyip Erdoğan"}


def test_an_unknown_person_in_apposition_to_a_states_title_stands_for_that_state(nlp, finder):
    doc = nlp("Chile's ambassador to Peru, Sergei Petrovsky, said the report was false. Petrovsky left Lima on Monday.")
    people = [m for m in finder(doc, dt.date(2025, 3, 1)) if m.kind == "person"]
    assert people and all(m.actor_id == "CHL" for m in people)


def test_a_possessor_before_a_post_named_by_a_country_sends_the_person(nlp, finder):
    doc = nlp("Russia's UK ambassador Alexander Yakovenko spoke in London.")
    person = next(m for m in finder(doc, dt.date(2018, 4, 1)) if m.kind == "person")
    assert person.actor_id == "RUS"


@pytest.mark.parametrize("text, word", [
    ("photo, photos and a photograph; photo-call. (photo)", "photo"),
    ("reporting by ana; additional reporting by tom lee, reporting byline", "reporting by"),
    ("video", "video"),
    ("videovideo video_ video2 2video é video", "video"),
    ("no such word here", "picture"),
])
def test_whole_word_matches_are_those_of_the_bounded_regex(text, word):
    from newscoder.entities import _whole_word_matches

    expected = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
    assert [m.span() for m in _whole_word_matches(text, word)] == expected


def test_a_credit_at_the_end_of_a_long_one_line_text_still_credits(finder, nlp):
    # An article without line breaks is one line: the credit test reads back to its start.
    story = "Tomas Varga spoke at the border post on Monday, and a video of the talks was shown. " * 30
    found = persons(finder, nlp, story + "Photograph: Lena Brandt/Coastal Times")
    assert "Tomas Varga" in found and "Lena Brandt" not in found



def test_an_adjective_capitalised_at_the_sentence_start_is_no_first_name_of_an_actor(finder, nlp):
    # the recogniser reads "Tiny Qatar" as a person; "Tiny" is a known adjective, "Qatar" the actor
    found = [(m.text, m.actor_id, m.kind) for m in finder(nlp("Tiny Qatar condemned Israel on Monday."), DAY)]
    assert ("Qatar", "QAT", "actor") in found and not [f for f in found if f[0] == "Tiny Qatar"]


def test_a_first_name_before_an_actors_name_stays_a_person(finder, nlp):
    # "Michael" is no adjective: the recogniser's person keeps the actor's name as a surname
    found = [(m.text, m.kind) for m in finder(nlp("Michael Jordan praised Israel on Monday."), DAY)]
    assert ("Michael Jordan", "person") in found
