"""Which rows stay `high`: direct roles of an asserted act between two sides (stance_rules.confidence_of).

Three kinds of row are medium at most, whatever rules found their roles: a target in a
prepositional phrase whose preposition has many roles ("with", "to", "for", ...; the
`direct_targets` list of codebook/stance_rules.yaml keeps "against", "toward", "between"); a
row of a joint act of three or more parties; a row whose act is not asserted. The sentences are
written for these tests.
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


def levels(nlp, finder, coder, text):
    doc = nlp(text)
    return {(s.source_actor, s.target_actor): s.confidence for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t")}


def test_a_target_after_a_preposition_of_many_roles_is_medium(nlp, finder, coder):
    assert levels(nlp, finder, coder, "Chile condemned Peru on Monday.")[("CHL", "PER")] == "high"
    # "with" names a partner, a companion or an instrument; "to" a recipient or a listener
    assert set(levels(nlp, finder, coder, "Chile agreed with Peru on a border plan on Monday.").values()) == {"medium"}
    assert levels(nlp, finder, coder, "Chile gave support to Peru on Monday.")[("CHL", "PER")] == "medium"
    # "against" has one role: the one the act is aimed at
    assert levels(nlp, finder, coder, "Chile fought against Peru for two years.")[("CHL", "PER")] == "high"


def test_a_joint_act_of_three_parties_is_medium_and_of_two_high(nlp, finder, coder):
    two = levels(nlp, finder, coder, "Chile and Peru met in Lima on Monday.")
    assert two == {("CHL", "PER"): "high", ("PER", "CHL"): "high"}
    three = levels(nlp, finder, coder, "Chile, Peru and Bolivia met in Lima on Monday.")
    assert len(three) == 6 and set(three.values()) == {"medium"}


def test_an_act_not_told_as_done_is_medium(nlp, finder, coder):
    assert levels(nlp, finder, coder, "Chile attacked Peru on Monday.")[("CHL", "PER")] == "high"
    assert levels(nlp, finder, coder, "Chile plans to attack Peru.")[("CHL", "PER")] == "medium"
    assert levels(nlp, finder, coder, "Chile did not attack Peru.")[("CHL", "PER")] == "medium"


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
    assert levels(nlp, finder, wider, "Chile gave support to Peru on Monday.")[("CHL", "PER")] == "high"
