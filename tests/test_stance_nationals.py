"""Private persons named by their nationality act for no state (stance_nationals.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from newscoder.lexicon import load_lexicon
from newscoder.paths import project_root
from newscoder.stance import StatementCoder


@pytest.fixture(scope="module")
def coder(nlp):
    return StatementCoder(nlp, load_lexicon(project_root() / "codebook"))


def pairs(nlp, finder, coder, text):
    doc = nlp(text)
    return {(s.source_actor, s.target_actor) for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t") if s.modality == "asserted"}


@pytest.mark.parametrize("text", [
    "Two French volunteers criticised Peru over the arrests.",
    "Russian nationals attacked Bolivian positions near the border.",
    "Some 300 Britons have joined the militia fighting Chad.",
    "A Briton condemned Chile for the detentions.",
    "The British journalist accused Chile of torture.",
])
def test_private_persons_of_a_nationality_are_no_source(nlp, finder, coder, text):
    assert not {p for p in pairs(nlp, finder, coder, text) if p[0] in ("FRA", "RUS", "GBR")}


@pytest.mark.parametrize("text, pair", [
    ("Kenyan troops attacked Somali positions near the border.", ("KEN", "SOM")),
    ("Two Kenyan soldiers attacked Somali positions near the border.", ("KEN", "SOM")),
    ("French diplomats criticised Peru over the arrests.", ("FRA", "PER")),
])
def test_a_states_officials_and_forces_stay_the_state(nlp, finder, coder, text, pair):
    assert pair in pairs(nlp, finder, coder, text)


def test_a_national_acted_upon_stays_the_states_target(nlp, finder, coder):
    assert ("TCD", "GBR") in pairs(nlp, finder, coder, "Chadian soldiers detained two British tourists near the border.")


@pytest.mark.parametrize("text", [
    "Other Britons killed fighting Isis include two students.",
    "The first Briton killed fighting Isis was a former soldier.",
])
def test_a_singular_or_quantified_demonym_noun_is_persons_not_the_state(nlp, finder, coder, text):
    assert not {p for p in pairs(nlp, finder, coder, text) if p[0] == "GBR"}


def test_the_plural_demonym_noun_stays_the_state(nlp, finder, coder):
    assert ("RUS", "UKR") in pairs(nlp, finder, coder, "The Russians attacked Ukraine on Monday.")
