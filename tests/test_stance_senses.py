"""Trigger words read in their sense (lib/newscoder/stance_senses.py, the entry conditions of
codebook/triggers.yaml): a meeting or an encounter in the field, a fight or an argument, aid or
words of support, an act or a description. Every sentence here is written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from newscoder.errors import CodebookError
from newscoder.lexicon import load_lexicon
from newscoder.stance_rules import TRIGGER_FILTERS


@pytest.fixture(scope="module")
def coder(coders):
    return coders.coder


@pytest.fixture(scope="module")
def finder(coders):
    return coders.finder


def rows(nlp, finder, coder, text) -> set[tuple[str, str, str, int, str]]:
    doc = nlp(text)
    return {(s.source_actor, s.target_actor or s.issue, s.plover, s.stance, s.mode)
            for s in coder(doc, finder(doc, dt.date(2026, 3, 1)), "t")}


def categories(nlp, finder, coder, text) -> set[str]:
    return {p for _, _, p, _, _ in rows(nlp, finder, coder, text)}


def drops(nlp, coder, text) -> set[str]:
    """The names of the filters that dropped a trigger of the sentence."""
    doc = nlp(text)
    return {d.filter for sent in doc.sents for d in coder.screen_triggers(sent)[1]}


# ---- meeting: talks, or something met that is no one -----------------------------------------

@pytest.mark.parametrize("text", [
    "Peru met the deadline that Chile had set for the payment.",
    "The Chilean column met stiff resistance outside the Peruvian town.",
    "Bolivia met its export target for the year despite the Chilean blockade.",
])
def test_meeting_a_thing_is_no_talks(nlp, finder, coder, text):
    assert "CONSULT" not in categories(nlp, finder, coder, text)
    assert "sense_by_object" in drops(nlp, coder, text)


def test_armed_forces_meeting_armed_forces_is_no_talks(nlp, finder, coder):
    text = "Peruvian troops met Chilean forces on the disputed plateau."
    assert "CONSULT" not in categories(nlp, finder, coder, text)
    assert "sense_between_forces" in drops(nlp, coder, text)


@pytest.mark.parametrize("text, pair", [
    ("The Peruvian foreign minister met her Chilean counterpart in Lima on Monday.", ("PER", "CHL")),
    ("Peruvian troops met the Chilean envoy at the border post.", ("PER", "CHL")),
    ("Peru and Chile discussed the deadline for the new treaty.", ("PER", "CHL")),  # the sense is meet's alone
])
def test_a_meeting_with_someone_is_still_talks(nlp, finder, coder, text, pair):
    assert (*pair, "CONSULT", 1, "verbal") in rows(nlp, finder, coder, text)


def test_gathering_things_is_no_meeting_but_leaders_gathering_is(nlp, finder, coder):
    assert "CONSULT" not in categories(nlp, finder, coder, "A Peruvian team gathered evidence of Chilean abuses in the camps.")
    assert "CONSULT" not in categories(nlp, finder, coder, "Bolivian volunteers gathered with Chilean troops to wait for orders.")
    assert ("PER", "CHL", "CONSULT", 1, "verbal") in rows(nlp, finder, coder, "Peru gathered with Chile in Quito to settle the dispute.")


# ---- clashing: a fight of armed parties, an argument of persons ------------------------------

def test_persons_who_clash_argue(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Chilean President Gabriel Boric clashed with Peruvian President Dina Boluarte over the fishing quota.")
    assert ("CHL", "PER", "ACCUSE", -1, "verbal") in found
    assert ("PER", "CHL", "ACCUSE", -1, "verbal") not in found  # one way: the subject's disapproval
    assert "ASSAULT" not in {p for _, _, p, _, _ in found}


def test_persons_clashing_together_argue_both_ways(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Bolivian President Luis Arce and Chilean President Gabriel Boric clashed in public over the water dispute.")
    assert {("BOL", "CHL", "ACCUSE", -1, "verbal"), ("CHL", "BOL", "ACCUSE", -1, "verbal")} <= found


def test_clashing_with_a_view_is_an_argument(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Bolivian President Luis Arce clashed with the Chilean assessment of the drought.")
    assert ("BOL", "CHL", "ACCUSE", -1, "verbal") in found and "ASSAULT" not in {p for _, _, p, _, _ in found}


@pytest.mark.parametrize("text", [
    "Chilean troops clashed with Peruvian soldiers near the border.",
    "Chilean police clashed with Peruvian fishermen in the harbour.",
])
def test_armed_parties_who_clash_fight(nlp, finder, coder, text):
    assert categories(nlp, finder, coder, text) == {"ASSAULT"}


def test_a_chosen_sense_names_itself_in_the_rule(nlp, finder, coder):
    doc = nlp("Chilean President Gabriel Boric clashed with Peruvian President Dina Boluarte over the fishing quota.")
    rules = {s.rule for s in coder(doc, finder(doc, dt.date(2026, 3, 1)), "t")}
    assert rules and all(r.startswith("trigger:accuse_clash;") and "+sense:persons" in r for r in rules)


# ---- backing: aid, words of support, or a description -----------------------------------------

@pytest.mark.parametrize("text", [
    "Chile backed the Peruvian army with weapons and money.",
    "Chile supported Peru militarily.",  # (the small parser hangs "militarily" on a following "during" phrase)
    "Chile has backed the Peruvian rebels with airstrikes.",
])
def test_backing_told_with_what_is_given_is_aid(nlp, finder, coder, text):
    found = rows(nlp, finder, coder, text)
    assert ("CHL", "PER", "AID", 1, "material") in found and "SUPPORT" not in {p for _, _, p, _, _ in found}


@pytest.mark.parametrize("text", ["Chile backed Peru's bid for the seat.", "Chile backed the Peruvian troops."])
def test_backing_a_bid_or_a_party_stays_support(nlp, finder, coder, text):
    assert ("CHL", "PER", "SUPPORT", 1, "verbal") in rows(nlp, finder, coder, text)


@pytest.mark.parametrize("text", [
    "Peruvian forces backed by Chile attacked the rebels in Bolivia.",
    "Militias backing the Peruvian government shelled the Bolivian villages.",
])
def test_a_backing_participle_describes_and_tells_no_support(nlp, finder, coder, text):
    assert "SUPPORT" not in categories(nlp, finder, coder, text)
    assert "participle_of_partner" in drops(nlp, coder, text)


def test_a_that_clause_on_a_noun_is_no_describing_participle(nlp, finder, coder):
    assert "participle_of_partner" not in drops(nlp, coder, "Chile disputed the Peruvian claim that Bolivia had backed Peru.")


def test_striking_a_rapprochement_is_an_agreement(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Ecuador struck a rapprochement with Peru last spring.")
    assert ("ECU", "PER", "AGREE", 1, "verbal") in found and "ASSAULT" not in {p for _, _, p, _, _ in found}


# ---- the rule lists and the lexicon's fields ---------------------------------------------------

def test_sense_filters_run_after_the_older_filters():
    names = [name for name, _ in TRIGGER_FILTERS]
    assert names[-3:] == ["sense_by_object", "sense_between_forces", "participle_of_partner"]


HAND = """\
armed_sectors: [mil, reb]
triggers:
  - {id: consult, lemmas: [meet, discuss], plover: CONSULT, stance: 1, mode: verbal, unless_objects: {meet: [deadline]}, unless_forces: [meet]}
  - {id: convene, lemmas: [gather], plover: CONSULT, stance: 1, mode: verbal, unless_objects: [evidence], unless_forces: true}
  - {id: fight, lemmas: [clash], plover: ASSAULT, stance: -1, mode: material, persons_sense: argue, describes_as_participle: true}
  - {id: argue, lemmas: [clash], objects: [view], plover: ACCUSE, stance: -1, mode: verbal}
"""


def write(tmp_path, text: str):
    (tmp_path / "triggers.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "issues.yaml").write_text("issues: []\n", encoding="utf-8")
    return tmp_path


def test_sense_fields_are_read_per_lemma_or_for_all(tmp_path):
    lexicon = load_lexicon(write(tmp_path, HAND))
    by_id = {t.id: t for t in lexicon.triggers}
    assert by_id["consult"].unless_objects == frozenset({("meet", "deadline")})
    assert by_id["consult"].unless_forces == frozenset({"meet"})
    assert by_id["convene"].unless_objects == frozenset({("*", "evidence")}) and by_id["convene"].unless_forces == frozenset({"*"})
    assert by_id["fight"].persons_sense == "argue" and by_id["fight"].describes_as_participle
    assert not by_id["argue"].describes_as_participle and by_id["argue"].persons_sense == ""
    assert lexicon.armed_sectors == frozenset({"MIL", "REB"})


def test_persons_sense_must_name_another_entry(tmp_path):
    with pytest.raises(CodebookError, match="persons_sense"):
        load_lexicon(write(tmp_path, HAND.replace("persons_sense: argue", "persons_sense: quarrel")))
