"""Row confidence by the evidence each role carries (codebook/stance_rules.yaml `confidence`).

A name that is the act's own subject or object is high; a name inside a prepositional phrase of
the object is medium at most (`indirect_vias`); an agent noun whose country the entity step took
from the article rather than its sentence makes the row low (`guessed_mentions`). The sentences
are written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newscoder.lexicon import load_lexicon
from newscoder.paths import project_root
from newscoder.stance import StatementCoder
from newscoder.stance_rules import load_stance_rules


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
