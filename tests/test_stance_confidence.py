"""Row confidence by the evidence each role carries (codebook/stance_rules.yaml `confidence`).

A name that is the act's own subject or object is high; a name inside a prepositional phrase of
the object is medium at most (`indirect_vias`); an agent noun whose country the entity step took
from the article rather than its sentence makes the row low (`guessed_mentions`). The sentences
are written for these tests.

Which rows stay high (a direct role of an asserted act between two sides): a target in a
prepositional phrase whose preposition has many roles ("with", "to", "for", ...; `direct_targets`
keeps "against", "toward", "between"), a row of a joint act of three or more parties and a row
whose act is not asserted are medium at most.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newscoder.lexicon import load_lexicon
from newscoder.paths import project_root
from newscoder.stance import StatementCoder
from newscoder.stance_rules import confidence_of, load_stance_rules


@pytest.fixture(scope="module")
def coder(nlp):
    return StatementCoder(nlp, load_lexicon(project_root() / "codebook"))


def confidences(nlp, finder, coder, text):
    doc = nlp(text)
    return {(s.source_actor, s.target_actor): s.confidence for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t")}


def test_a_name_owning_the_object_is_high_and_one_in_its_prepositional_phrase_medium(nlp, finder, coder):
    assert confidences(nlp, finder, coder, "Chile rejected Peru's complaint on Monday.")[("CHL", "PER")] == "high"
    # the same act, the complainant told in a "by" phrase of the thing rejected: a weaker reading
    assert confidences(nlp, finder, coder, "Chile rejected a complaint by Peru on Monday.")[("CHL", "PER")] == "medium"


def test_an_agent_noun_given_the_article_country_makes_its_row_low(nlp, finder, coder):
    text = ("Chile hosted a summit. Chile and Argentina signed a treaty. Chilean ministers praised Chile's economy. "
            "The military shelled Bolivia on Monday.")
    doc = nlp(text)
    mentions = finder(doc, dt.date(2025, 3, 1))
    military = next(m for m in mentions if m.text == "military")
    assert military.actor_id == "CHL" and "article_country" in military.rule  # the entity step's guess
    assert confidences(nlp, finder, coder, text)[("CHL", "BOL")] == "low"
    # named in its own sentence, the same act is high
    assert confidences(nlp, finder, coder, "The Chilean military shelled Bolivia on Monday.")[("CHL", "BOL")] == "high"


def test_without_the_lists_the_same_rows_keep_their_old_levels(nlp, finder, tmp_path):
    # the levels are codebook data: a copy of stance_rules.yaml without the two lists codes both high
    text = (project_root() / "codebook" / "stance_rules.yaml").read_text(encoding="utf-8")
    kept = [line for line in text.splitlines() if not line.lstrip().startswith(("indirect_vias:", "guessed_mentions:"))]
    (tmp_path / "stance_rules.yaml").write_text("\n".join(kept) + "\n", encoding="utf-8")
    plain = StatementCoder(nlp, load_lexicon(project_root() / "codebook"), load_stance_rules(tmp_path))
    assert confidences(nlp, finder, plain, "Chile rejected a complaint by Peru on Monday.")[("CHL", "PER")] == "high"


def test_a_target_after_a_preposition_of_many_roles_is_medium(nlp, finder, coder):
    assert confidences(nlp, finder, coder, "Chile condemned Peru on Monday.")[("CHL", "PER")] == "high"
    # "with" names a partner, a companion or an instrument; "to" a recipient or a listener
    assert set(confidences(nlp, finder, coder, "Chile agreed with Peru on a border plan on Monday.").values()) == {"medium"}
    assert confidences(nlp, finder, coder, "Chile gave support to Peru on Monday.")[("CHL", "PER")] == "medium"
    # "against" has one role: the one the act is aimed at
    assert confidences(nlp, finder, coder, "Chile fought against Peru for two years.")[("CHL", "PER")] == "high"


def test_a_joint_act_of_three_parties_is_medium_and_of_two_high(nlp, finder, coder):
    two = confidences(nlp, finder, coder, "Chile and Peru met in Lima on Monday.")
    assert two == {("CHL", "PER"): "high", ("PER", "CHL"): "high"}
    three = confidences(nlp, finder, coder, "Chile, Peru and Bolivia met in Lima on Monday.")
    assert len(three) == 6 and set(three.values()) == {"medium"}


def test_an_act_not_told_as_done_is_medium(nlp, finder, coder):
    assert confidences(nlp, finder, coder, "Chile attacked Peru on Monday.")[("CHL", "PER")] == "high"
    assert confidences(nlp, finder, coder, "Chile plans to attack Peru.")[("CHL", "PER")] == "medium"
    assert confidences(nlp, finder, coder, "Chile did not attack Peru.")[("CHL", "PER")] == "medium"


def test_the_two_new_arguments_of_confidence_of():
    rules = load_stance_rules()
    direct = ("source:subject", "target:object", ["actor", "actor"], True, "consult")
    assert confidence_of(rules, *direct) == "high"
    assert confidence_of(rules, *direct, joint_parties=2) == "high"
    assert confidence_of(rules, *direct, joint_parties=3) == "medium"
    assert confidence_of(rules, *direct, modality="asserted") == "high"
    for modality in ("negated", "hypothetical", "future"):
        assert confidence_of(rules, *direct, modality=modality) == "medium"
    # a remote role stays low whatever the rest
    assert confidence_of(rules, "source:pronoun_of_previous_subject", "target:object", ["pronoun", "actor"], True, "accuse",
                         joint_parties=3, modality="future") == "low"


def test_which_prepositions_are_direct_is_codebook_data(nlp, finder, tmp_path):
    text = (project_root() / "codebook" / "stance_rules.yaml").read_text(encoding="utf-8")
    assert "  direct_targets: [object," in text
    (tmp_path / "stance_rules.yaml").write_text(text.replace("  direct_targets: [object,", "  direct_targets: [object, prep_to,"), encoding="utf-8")
    wider = StatementCoder(nlp, load_lexicon(project_root() / "codebook"), load_stance_rules(tmp_path))
    assert confidences(nlp, finder, wider, "Chile gave support to Peru on Monday.")[("CHL", "PER")] == "high"
