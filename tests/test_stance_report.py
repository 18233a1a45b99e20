"""What the coder left out (uncoded.csv and the stance notebook's section 4), and the confidence filter."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from newscoder.lexicon import load_lexicon
from newscoder.paths import project_root
from newscoder.stance import StatementCoder
from newscoder.stance_reasons import NAMED_BEFORE, NO_GIVER, NO_SOURCE, NO_TARGET
from newscoder.stance_report import NO_ACTOR, NOT_IN_LEXICON, uncoded_report, uncoded_rows, uncoded_summary
from newscoder.summaries import at_confidence


@pytest.fixture(scope="module")
def coder(nlp):
    return StatementCoder(nlp, load_lexicon(project_root() / "codebook"))


def rows_of(nlp, finder, coder, text):
    doc = nlp(text)
    mentions = finder(doc, dt.date(2025, 3, 1))
    sent_ids = {t.i: n for n, sent in enumerate(doc.sents) for t in sent}
    return uncoded_rows(coder, doc, mentions, coder.code(doc, mentions, "t", sent_ids), "t", sent_ids)


def test_uncoded_report_lists_drop_reasons_and_verbs_of_two_actor_sentences(nlp, finder, coder):
    doc = nlp("Chile held talks with Peru. Kenya outflanked Uganda. Norway slept.")
    reasons, verbs = uncoded_report(coder, [(doc, finder(doc, dt.date(2025, 3, 1)), "t")])
    assert ("noun_named_by_trigger_verb", "consult_noun") in set(zip(reasons["reason"], reasons["trigger_id"]))
    assert "outflank" in set(verbs["lemma"])  # no trigger word, two actors, no row
    assert "sleep" not in set(verbs["lemma"])  # one actor only
    assert verbs.loc[verbs["lemma"] == "outflank", "example"].iloc[0] == "Kenya outflanked Uganda."


def test_a_trigger_with_no_actor_in_its_clause_is_listed_with_that_reason(nlp, finder, coder):
    # "condemned" is a trigger; its clause has no actor (a common noun subject), while Chile stands
    # in the other clause: the coder does not borrow Chile, and the table says why there is no row.
    rows = rows_of(nlp, finder, coder, "Chile stayed silent while the crowd condemned the verdict.")
    assert any(r["lemma"] == "condemn" and r["reason"] == NO_ACTOR for r in rows)


def reason_of(rows: list[dict], lemma: str) -> str:
    return next(r["reason"] for r in rows if r["lemma"] == lemma)


def test_a_trigger_with_a_source_but_no_target_says_so_not_that_it_had_no_actor(nlp, finder, coder):
    # Chile is the subject of "condemned": the row failed for want of a target actor or issue
    rows = rows_of(nlp, finder, coder, "Chile condemned the verdict.")
    assert reason_of(rows, "condemn") == NO_TARGET


def test_a_trigger_with_a_target_but_no_source_says_so(nlp, finder, coder):
    # Peru is what the shelling was done to; no one is said to shell
    rows = rows_of(nlp, finder, coder, "The shelling of Peru went on for a week.")
    assert reason_of(rows, "shelling") == NO_SOURCE


def test_a_receiving_act_without_its_giver_says_so(nlp, finder, coder):
    rows = rows_of(nlp, finder, coder, "Chile received weapons.")
    assert reason_of(rows, "receive") == NO_GIVER


def test_a_noun_naming_an_act_coded_before_says_so(nlp, finder, coder):
    rows = rows_of(nlp, finder, coder, "Chile and Peru met in Lima. The meeting between Chile and Peru was cordial.")
    assert reason_of(rows, "meeting") == NAMED_BEFORE


def test_a_coded_trigger_and_a_sentence_without_actors_give_no_uncoded_row(nlp, finder, coder):
    rows = rows_of(nlp, finder, coder, "Chile condemned Peru. The crowd condemned the verdict.")
    assert rows == []  # the first is coded; the second names no actor, so there is nothing to add


def test_summary_counts_reasons_and_verbs_most_frequent_first():
    table = pd.DataFrame([
        {"doc_id": "a", "sent_id": 0, "start_char": 5, "word": "outflanked", "lemma": "outflank", "trigger_id": "", "reason": NOT_IN_LEXICON},
        {"doc_id": "b", "sent_id": 2, "start_char": 9, "word": "outflank", "lemma": "outflank", "trigger_id": "", "reason": NOT_IN_LEXICON},
        {"doc_id": "a", "sent_id": 1, "start_char": 40, "word": "lauded", "lemma": "laud", "trigger_id": "", "reason": NOT_IN_LEXICON},
        {"doc_id": "a", "sent_id": 1, "start_char": 30, "word": "talks", "lemma": "talk", "trigger_id": "consult_noun", "reason": "x_filter"},
    ])
    reasons, verbs = uncoded_summary(table, {("a", 0): "A outflanked B.", ("a", 1): "B lauded C after talks."})
    assert list(verbs["lemma"]) == ["outflank", "laud"] and list(verbs["n"]) == [2, 1]
    assert verbs["example"].iloc[0] == "A outflanked B."
    assert list(zip(reasons["reason"], reasons["trigger_id"], reasons["n"])) == [("x_filter", "consult_noun", 1)]


def test_confidence_filter_keeps_that_level_and_higher():
    statements = pd.DataFrame({"statement_id": ["a", "b", "c"], "confidence": ["high", "low", "medium"]})
    assert list(at_confidence(statements, "low")["statement_id"]) == ["a", "b", "c"]
    assert list(at_confidence(statements, "medium")["statement_id"]) == ["a", "c"]
    assert list(at_confidence(statements, "high")["statement_id"]) == ["a"]
    with pytest.raises(ValueError, match="confidence"):
        at_confidence(statements, "certain")


def test_the_stance_notebook_imports_no_spacy():
    """The stance notebook only reads tables: its imports must not pay for spaCy (about 1 s a kernel)."""
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from newscoder import coding, evaluation, exports, figures, params, stance_report, summaries\n"
        "print(sorted(m for m in ('spacy', 'thinc', 'newscoder.stance', 'newscoder.entities') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
